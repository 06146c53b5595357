//! The free grammar of the first French and German rule sets (`grammar = "free"`).
//!
//! Word order is freer than in English (German puts the finite verb second and the
//! subject after it when a phrase comes first: "In ihrem Gespräch verurteilten die
//! Ministerinnen und Minister …"), so a clause (a sentence, or a part of it between
//! semicolons, or after ", et nous …") is coded by the cues it holds anywhere outside
//! relative clauses: the one that comes first in the order of decision decides (manual
//! 3.13), and a carrier passes on the kind of its kind noun. A clause gets one commitment
//! (M2). The actor is the noun phrase that opens the clause ("La France", "Wir", "Die
//! Bundesregierung"), or the one right after the first cue's verb when a phrase opens it;
//! a clause whose actor is a thing ("La Convention de Genève …") codes nothing.

use super::grammar::{Analyzer, Find, LeadFrame, Subject, Who};
use super::lexicon::{Position, SubjectRule, class};
use super::tokens::Token;
use std::ops::Range;

/// One cue found in a clause: its rank in the order of decision, its rule, its tokens.
type Cue = (u8, usize, Range<usize>);

impl Analyzer<'_> {
    /// Codes the sentence with the free grammar.
    pub(crate) fn run_free(&mut self) {
        if self.t.last().is_some_and(|t| t.is_punct('?')) {
            return;
        }
        for clause in self.free_clauses() {
            // A verb-second frame (German "wir werden …", "X muss …") decides when its kind
            // comes first in the order of decision (3.13); a language without frame rules
            // has none.
            let frame = self.verb_second_frame(clause.clone());
            let found = self.free_cue(clause.clone());
            match (found, frame) {
                (Some((cue, _)), Some((rank, find))) if rank < cue.0 => self.finds.push(find),
                (Some((cue, actor)), _) => self.push_free(cue, actor, clause.end),
                (None, Some((_, find))) => self.finds.push(find),
                (None, None) => {}
            }
        }
    }

    /// Reads a lead-in ending in a colon: its items take its cue's kind and its actor
    /// ("… nous nous engageons à : Réunir …").
    pub(crate) fn lead_in_free(&mut self) {
        let Some(colon) = self.t.iter().rposition(|x| x.is_punct(':')) else { return };
        if self.t[colon + 1..].iter().any(Token::is_word) {
            return;
        }
        let start = self.body_start();
        let Some(((_, rule, _), actor)) = self.free_cue(start..colon) else { return };
        let Some(kind) = self.lex.rules[rule].kind else { return };
        let subject = Subject { who: Who::Own, actor, np: start..start, head: None, possessor: None };
        self.lead = Some(LeadFrame {
            subject,
            links: Vec::new(),
            objects: true,
            default: Some(kind),
            default_rule: Some(rule),
        });
    }

    /// The clauses of the sentence: split at semicolons and before a coordinated clause
    /// with a pronoun or a cue of its own (", et nous …", ", und wir …").
    fn free_clauses(&self) -> Vec<Range<usize>> {
        let t = self.t;
        let mut out = Vec::new();
        let mut start = self.body_start();
        let mut i = start;
        while i < t.len() {
            let boundary = t[i].is_punct(';')
                || (t[i].is_punct(',')
                    && self.word_at(i + 1, class::COORDINATOR)
                    && t.get(i + 2).is_some_and(|n| n.is_word() && n.class & class::PRONOUN != 0));
            if boundary {
                if i > start {
                    out.push(start..i);
                }
                start = i + 1;
            }
            i += 1;
        }
        if start < t.len() {
            out.push(start..t.len());
        }
        out
    }

    /// The deciding cue of a clause and its actor, if the clause codes one.
    fn free_cue(&self, range: Range<usize>) -> Option<(Cue, Option<String>)> {
        let lex = self.lex;
        let t = self.t;
        let mut cues: Vec<Cue> = Vec::new();
        let mut in_relative = false;
        for i in range.clone() {
            // A relative clause ("… le travail qui se poursuit …") runs to the next comma.
            if t[i].is_word() && t[i].class & class::RELATIVE != 0 {
                in_relative = true;
                continue;
            }
            if in_relative {
                if t[i].is_punct(',') {
                    in_relative = false;
                }
                continue;
            }
            let sym = t[i].sym;
            for index in [&lex.at_verb, &lex.at_predicate, &lex.phrases] {
                for &r in index.get(sym) {
                    let rule = &lex.rules[r as usize];
                    // Frames are read by `verb_second_frame`.
                    if rule.position == Position::Frame {
                        continue;
                    }
                    let Some(end) = rule.pattern.match_at(t, i) else { continue };
                    if end > range.end {
                        continue;
                    }
                    if rule.position == Position::Carrier {
                        // A carrier before a that-clause ("Nous réitérons que …") passes on
                        // no noun of the clause, and this first set codes no such clause.
                        if t.get(end).is_some_and(|x| x.class & class::RELATIVE != 0) {
                            continue;
                        }
                        // The carrier's kind noun, a few words on ("bekräftigten ihre
                        // Unterstützung", "réaffirmons notre engagement").
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
                if rule.subject != SubjectRule::Any {
                    continue;
                }
                if let Some(end) = rule.pattern.match_at(t, i) {
                    cues.push((lex.rank(kind), n as usize, i..end));
                }
            }
        }
        let first_cue = cues.iter().map(|c| c.2.start).min()?;
        let best = cues.into_iter().min_by_key(|(rank, _, cue)| (*rank, cue.start))?;
        let (actor, thing) = self.free_actor(range, first_cue);
        if thing && lex.rules[best.1].subject != SubjectRule::Any {
            return None;
        }
        Some((best, actor))
    }

    fn push_free(&mut self, (_, rule, cue): Cue, actor: Option<String>, clause_end: usize) {
        let Some(kind) = self.lex.rules[rule].kind else { return };
        let addressee = self.party_after(cue.start, kind);
        self.finds.push(Find {
            kind,
            rule,
            cue: cue.clone(),
            actor,
            addressee,
            stance: self.lex.rules[rule].stance,
            content: cue.end..clause_end,
            conditional: false,
        });
    }

    /// The noun phrase that opens the clause, or the one right after the first cue; and
    /// whether it names a thing.
    pub(super) fn free_actor(&self, range: Range<usize>, first_cue: usize) -> (Option<String>, bool) {
        let t = self.t;
        let np_at = |p: usize| -> Option<Range<usize>> {
            let first = t.get(p)?;
            if first.is_word() && first.class & class::PRONOUN != 0 {
                return Some(p..p + 1);
            }
            let mut i = p;
            if t.get(i).is_some_and(|x| x.is_word() && x.class & class::DETERMINER != 0) {
                i += 1;
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
            |r: &Range<usize>| self.text[t[r.start].start as usize..t[r.end - 1].end as usize].to_owned();
        let thing =
            |r: &Range<usize>| t[r.clone()].iter().any(|x| x.is_word() && x.class & class::THING != 0);
        let opens = t.get(range.start).is_some_and(|x| x.is_word() && x.class & class::OPENER != 0);
        if !opens
            && let Some(np) = np_at(range.start)
            && np.end <= first_cue + 3
        {
            return (Some(slice(&np)), thing(&np));
        }
        // After the first cue's finite verb.
        let after = (first_cue + 1).min(range.end);
        if let Some(np) = np_at(after) {
            return (Some(slice(&np)), thing(&np));
        }
        (None, false)
    }
}
