//! The free grammar of the first French and German rule sets (`grammar = "free"`).
//!
//! Word order is freer than in English (German puts the finite verb second and the
//! subject after it when a phrase comes first: "In ihrem Gespräch verurteilten die
//! Ministerinnen und Minister …"), so a clause (a sentence, or a part between semicolons)
//! is coded by the cues it holds anywhere: the one that comes first in the order of
//! decision decides (manual 3.13), a carrier passes on the kind of its kind noun, and a
//! second cue of another kind makes a second commitment (M1). The actor is the noun
//! phrase that opens the clause ("La France", "Wir", "Die Bundesregierung"), or the one
//! right after the first cue's verb when a phrase opens it.

use super::grammar::{Analyzer, Find};
use super::lexicon::{Position, class};
use super::tokens::Token;
use communique_model::CommitmentKind as K;
use std::ops::Range;

impl Analyzer<'_> {
    /// Codes the sentence with the free grammar.
    pub(crate) fn run_free(&mut self) {
        if self.t.last().is_some_and(|t| t.is_punct('?')) {
            return;
        }
        let mut start = self.body_start();
        while start < self.t.len() {
            let end = self.clause_end(start);
            self.free_clause(start..end);
            start = end + 1;
        }
    }

    fn free_clause(&mut self, range: Range<usize>) {
        let lex = self.lex;
        let t = self.t;
        // Every cue of the clause: (rank, rule, cue).
        let mut cues: Vec<(u8, usize, Range<usize>)> = Vec::new();
        for i in range.clone() {
            let sym = t[i].sym;
            let indexes = [&lex.at_verb, &lex.at_predicate, &lex.phrases];
            for index in indexes {
                for &r in index.get(sym) {
                    let rule = &lex.rules[r as usize];
                    let Some(end) = rule.pattern.match_at(t, i) else { continue };
                    if end > range.end {
                        continue;
                    }
                    if rule.position == Position::Carrier {
                        // The carrier's kind noun, a few words on ("bekräftigten ihre
                        // Unterstützung", "brachten ihre klare Solidarität … zum Ausdruck").
                        let noun = (end..(end + 6).min(range.end)).find_map(|k| {
                            lex.nouns.get(t[k].sym).iter().find_map(|&n| {
                                let e = lex.rules[n as usize].pattern.match_at(t, k)?;
                                Some((n as usize, k..e))
                            })
                        });
                        match (noun, rule.otherwise) {
                            (Some((n, cue)), _) => cues.push((lex.noun_rank, n, cue)),
                            (None, Some(kind)) => cues.push((lex.rank(kind), r as usize, i..end)),
                            (None, None) => {}
                        }
                        continue;
                    }
                    let Some(kind) = rule.kind else { continue };
                    cues.push((lex.rank(kind), r as usize, i..end));
                }
            }
            for &n in lex.nouns.get(sym) {
                let rule = &lex.rules[n as usize];
                let Some(kind) = rule.kind else { continue };
                if rule.subject != super::lexicon::SubjectRule::Any {
                    continue;
                }
                if let Some(end) = rule.pattern.match_at(t, i) {
                    cues.push((lex.rank(kind), n as usize, i..end));
                }
            }
        }
        if cues.is_empty() {
            return;
        }
        cues.sort_by_key(|(rank, _, cue)| (*rank, cue.start));
        let mut kinds: Vec<K> = Vec::new();
        let actor =
            self.free_actor(range.clone(), cues.iter().map(|c| c.2.start).min().unwrap_or(range.start));
        for (_, rule, cue) in cues {
            let Some(kind) = lex.rules[rule].kind else { continue };
            // A frame or a weak cue decides only alone; one commitment per kind (M2).
            if kinds.contains(&kind) || (lex.rules[rule].weak && !kinds.is_empty()) {
                continue;
            }
            if lex.rules[rule].position == Position::Frame && !kinds.is_empty() {
                continue;
            }
            kinds.push(kind);
            let addressee = self.party_after(cue.start, kind);
            self.finds.push(Find {
                kind,
                rule,
                cue: cue.clone(),
                actor: actor.clone(),
                addressee,
                stance: lex.rules[rule].stance,
                content: cue.end..range.end,
                conditional: false,
            });
        }
    }

    /// The noun phrase that opens the clause, or the one right after the first cue.
    fn free_actor(&self, range: Range<usize>, first_cue: usize) -> Option<String> {
        let t = self.t;
        let np_at = |p: usize| -> Option<Range<usize>> {
            let first = t.get(p)?;
            if first.is_word() && first.class & class::PRONOUN != 0 {
                return Some(p..p + 1);
            }
            let mut i = p;
            if t.get(i).is_some_and(|x| x.is_word() && x.class & class::DETERMINER != 0) {
                i += 1;
                // "L’Union": an elided article is one token with its noun.
            }
            let name_start = i;
            loop {
                while t.get(i).is_some_and(|x| {
                    x.is_word()
                        && (x.is_capital()
                            || x.class & class::PREPOSITION != 0
                                && t.get(i + 1).is_some_and(Token::is_capital))
                }) {
                    i += 1;
                }
                if i == name_start {
                    return None;
                }
                // "die Ministerinnen und Minister", "la France et l’Allemagne"
                if t.get(i).is_some_and(|x| x.is_word() && x.class & class::COORDINATOR != 0)
                    && t.get(i + 1).is_some_and(|x| x.is_capital() || x.class & class::DETERMINER != 0)
                {
                    i += 1;
                    if t.get(i).is_some_and(|x| x.class & class::DETERMINER != 0 && !x.is_capital()) {
                        i += 1;
                    }
                    continue;
                }
                break;
            }
            (i > name_start && t[i - 1].is_capital()).then_some(p..i)
        };
        let slice =
            |r: Range<usize>| self.text[t[r.start].start as usize..t[r.end - 1].end as usize].to_owned();
        if let Some(np) = np_at(range.start)
            && np.end <= first_cue + 3
        {
            return Some(slice(np));
        }
        // After the first cue's finite verb.
        let after = (first_cue + 1).min(range.end);
        if let Some(np) = np_at(after) {
            return Some(slice(np));
        }
        None
    }
}
