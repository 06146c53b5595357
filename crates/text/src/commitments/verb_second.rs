//! Frames of the free grammar in a verb-second language (German): a modal or future verb
//! in second place and the infinitive at the end of its clause.
//!
//! A language file switches this reading on by giving the free grammar frame rules
//! (`at = "frame"`): "Wir werden … investieren", "Die Staaten müssen … eintreten", "Wir
//! dürfen nicht nachlassen". The frame's verb is finite and stands in second place; the
//! verb it wraps closes the clause, so the clause's last lower-case word before a comma,
//! colon or full stop (German nouns are capitalised) is read as that infinitive. The
//! manual decides (3.10, 3.13, and the German conventions of 1.11):
//!
//! - a frame verb that closes its clause is in a subordinate clause ("…, dass dies
//!   geprüft werden muss"), whose frame is not put on record, and codes nothing;
//! - an infinitive of capacity or permission (the `possibility` list: "können",
//!   "dürfen") asks for a result, not conduct: nothing (1.11);
//! - a copula (`be`, `have`, `copula` lists: "sein", "haben", "werden") after anything but
//!   a participle states a requirement that is not conduct: nothing (2.6, Out); after a
//!   participle it is a passive, coded only by rules with `passive = true` ("muss …
//!   gesichert werden" is a demand; "soll … erarbeitet werden" describes a plan);
//! - a frame verb of the `possibility` list ("darf") codes only when negated ("darf
//!   nicht") — "must not";
//! - the subject decides the kind as in English: a frame with `subject = "side"` (the
//!   future "werden", "wollen") codes a pledge only for the issuer's side (a pronoun or an
//!   `agent` word of the `words` lists); one with `subject = "other"` ("muss", "sollte")
//!   is a demand on its subject, and its `own_addressee` kind (pledge) when the subject is
//!   the issuer's side ("Wir müssen …", 3.10).

use super::grammar::{Analyzer, Find};
use super::lexicon::{Position, SubjectRule, class};
use super::tokens::Token;
use communique_model::CommitmentKind as K;
use std::ops::Range;

/// Whether a lower-case word looks like a German past participle ("gesichert",
/// "abgestimmt", "ausgerichtet", "freigelassen"): it ends in "t", or in "en" with "ge" in
/// it.
fn participle_like(word: &str) -> bool {
    word.ends_with('t') || word.len() > 5 && word.ends_with("en") && word[..word.len() - 2].contains("ge")
}

impl Analyzer<'_> {
    /// The commitment a frame rule codes in `clause` and the rank of its kind in the
    /// order of decision, or `None` when the clause holds no frame that codes one.
    pub(crate) fn verb_second_frame(&self, clause: Range<usize>) -> Option<(u8, Find)> {
        let lex = self.lex;
        let t = self.t;
        for i in clause.clone() {
            if !t[i].is_word() {
                continue;
            }
            for &r in lex.at_verb.get(t[i].sym) {
                let r = r as usize;
                if lex.rules[r].position != Position::Frame {
                    continue;
                }
                let Some(end) = lex.rules[r].pattern.match_at(t, i) else { continue };
                if end > clause.end {
                    continue;
                }
                if let Some(found) = self.read_frame(r, i..end, clause.clone()) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Reads the frame of rule `r` at `cue` (see the module documentation).
    fn read_frame(&self, r: usize, cue: Range<usize>, clause: Range<usize>) -> Option<(u8, Find)> {
        let lex = self.lex;
        let t = self.t;
        let rule = &lex.rules[r];
        let kind = rule.kind?;
        // A frame verb that closes its clause is in a subordinate clause.
        if cue.end >= clause.end || !t[cue.end].is_word() {
            return None;
        }
        let mut last = self.clause_verb(cue.end, clause.end)?;
        // A phrase put after the infinitive ("Wir dürfen nicht nachlassen im Einsatz
        // dafür, …"): the last word ending in "n" that no noun follows.
        if !self.verb_like(last) {
            last = (cue.end..last)
                .rev()
                .find(|&k| self.verb_like(k) && self.word_text(k).ends_with('n') && !t[k + 1].is_capital())?;
        }
        let word = self.word_text(last);
        let is = |k: usize, bits: u64| t.get(k).is_some_and(|x| x.is_word() && x.class & bits != 0);
        if is(last, class::POSSIBILITY) {
            return None;
        }
        let passive = if is(last, class::BE | class::HAVE | class::COPULA) {
            let before =
                last.checked_sub(1).filter(|&b| b >= cue.end && t[b].is_word() && !t[b].is_capital());
            if !before.is_some_and(|b| participle_like(&self.word_text(b))) {
                return None;
            }
            true
        } else if participle_like(&word) && !word.ends_with("en") {
            // "wird … ausgerichtet": a passive whose "werden" is the frame itself.
            true
        } else if word.ends_with('n') {
            false
        } else {
            return None;
        };
        if passive && !rule.passive {
            return None;
        }
        // "darf" codes only as "darf nicht" (must not).
        if is(cue.start, class::POSSIBILITY) && !(cue.end..last).any(|k| is(k, class::NEGATION)) {
            return None;
        }
        let own_at = |k: usize| is(k, class::PRONOUN | class::AGENT);
        // The subject: the word after the frame verb ("müssen sie", "sollten wir") or the
        // noun phrase that opens the clause and ends right before it.
        let opens_with_subject = cue.start > clause.start
            && !is(clause.start, class::OPENER)
            && (clause.start..cue.start).all(|k| t[k].is_word());
        let own = own_at(cue.end) || opens_with_subject && (clause.start..cue.start).any(own_at);
        let (actor, _) = self.free_actor(clause.clone(), cue.start);
        let (kind, actor, addressee) = match rule.subject {
            SubjectRule::Other if passive => (kind, None, None),
            SubjectRule::Other if own => (rule.own_addressee.unwrap_or(kind), actor, None),
            SubjectRule::Other => (kind, None, actor),
            _ if !own => return None,
            _ => (kind, actor, None),
        };
        let addressee = if kind == K::Demand { addressee } else { self.party_after(cue.start, kind) };
        let find = Find {
            kind,
            rule: r,
            cue: cue.clone(),
            actor,
            addressee,
            stance: rule.stance,
            content: cue.end..clause.end,
            conditional: false,
        };
        Some((lex.rank(kind), find))
    }

    /// The verb that closes the clause begun at `from`: the last lower-case word before
    /// the first comma, colon, semicolon, dash or full stop that follows a lower-case word
    /// (a comma after a capitalised noun is a list's), or before "und" + a word of the
    /// `pronoun` or `it` lists (a clause of its own). With no such boundary, the clause's
    /// last word.
    fn clause_verb(&self, from: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let lower = |k: usize| t[k].is_word() && !t[k].is_capital();
        let mut k = from;
        while k < end {
            let x = &t[k];
            let boundary = ['.', ',', ';', ':', '!', '–', '—', '-', '"', '„', '“', '”', '(']
                .iter()
                .any(|&c| x.is_punct(c))
                || x.is_word()
                    && x.class & class::COORDINATOR != 0
                    && t.get(k + 1)
                        .is_some_and(|n| n.is_word() && n.class & (class::PRONOUN | class::IT) != 0);
            if boundary && k > from && lower(k - 1) && t[k - 1].class & class::COORDINATOR == 0 {
                return Some(k - 1);
            }
            k += 1;
        }
        // No lower-case word before a boundary: the clause's last word, for the caller to
        // look behind.
        (from..end).rev().find(|&k| t[k].is_word())
    }

    /// Whether token `k` can be a verb closing a clause: a lower-case word ending in "n"
    /// (an infinitive) or "t" (a participle).
    fn verb_like(&self, k: usize) -> bool {
        let x = &self.t[k];
        x.is_word() && !x.is_capital() && {
            let w = self.word_text(k);
            w.ends_with('n') || w.ends_with('t')
        }
    }

    fn word_text(&self, k: usize) -> String {
        let x: &Token = &self.t[k];
        self.text[x.start as usize..x.end as usize].to_lowercase()
    }
}
