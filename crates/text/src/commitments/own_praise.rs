//! Praise of the issuer's side's own record (manual 1.7, widened in 1.8).
//!
//! "We welcome / applaud / commend / celebrate X" is support when X is another party's act,
//! and none when X is the side's own record: its own progress, cooperation, partnership or
//! accomplishments (1.7), or, in a joint statement praised by the signatories together,
//! the commitment, announcement or accomplishment of a signatory or group of signatories
//! (1.8: "We welcome India's establishment of …" in a statement India signs). A joint act
//! that a third party co-authors stays support, and so does one signatory praising the
//! other (1.9: "The United States welcomes Australia's …").
//!
//! The verbs are the language file's `praise` list; the own record is read from the
//! praised object up to its first comma, dash, semicolon or coordinated verb: it holds a
//! noun of the `own_record` list or (in a joint statement) a name of the side or "our",
//! and no name of another party, counterpart noun ("partners", "companies") or "other".
//! An instrument's capitalised name ("the Coastal Fisheries Agreement", a noun of the
//! `instrument` list or a name before a `thing` noun, unless it names a body) is no other
//! party, so the signatories welcoming an instrument that names none praise their own
//! record (1.7, 1.8).

use super::grammar::{Analyzer, Subject, Who};
use super::lexicon::class;

/// The most tokens of the praised object read.
const MAX_OBJECT: usize = 40;

impl Analyzer<'_> {
    /// Whether the support cue at `cue` (token range), said by `subject`, praises the
    /// side's own record and so codes nothing. `clause_end` bounds the object.
    pub(crate) fn praises_own_record(
        &self,
        subject: &Subject,
        cue: (usize, usize),
        clause_end: usize,
    ) -> bool {
        if subject.who != Who::Own || !self.word_at(cue.0, class::PRAISE) {
            return false;
        }
        let end = self.praised_object_end(cue.1, clause_end);
        if end <= cue.1 {
            return false;
        }
        let object = &self.t[cue.1..end];
        // "welcome all who share this vision to join our efforts": an invitation to join
        // (2.4), not praise.
        if (cue.1..end)
            .any(|k| self.sym_is(k, "to") && self.word_at(k + 1, class::LOGISTICS | class::NOT_CUE))
        {
            return false;
        }
        let third_word =
            object.iter().any(|t| t.is_word() && t.class & (class::COUNTERPART | class::OTHER) != 0);
        if third_word {
            return false;
        }
        let (own_name, _, instrument) = self.side.parties_each(object, self.text);
        // Only a third party that authors or co-authors the act makes it another's (1.8):
        // one named after "in", "for", "to" and the like is its place or beneficiary ("the
        // reopening of the U.S. consulate in San Aurelio", "aid for displaced Ostrevans").
        let authors = self.authoring_names(cue.1, end);
        let (_, third_name, _) = self.side.parties_each(&authors, self.text);
        if third_name {
            return false;
        }
        // A noun of the record, not a word of a body's name ("the European Ports Alliance").
        let record =
            object.iter().any(|t| t.is_word() && !t.is_capital() && t.class & class::OWN_RECORD != 0);
        if !self.side.joint() {
            return record;
        }
        // In a joint statement only the signatories together praise their own record; one
        // signatory praising another's act is support (1.9). A signatory's own act counts
        // as the record too (1.8).
        self.joint_subject(subject)
            && (record
                || own_name
                || instrument
                || object.iter().any(|t| self.lex.possessive_actor.get(&t.sym).is_some_and(|a| a == "We")))
    }

    /// The tokens of the praised object (`from..end`) without the names that follow a
    /// preposition of the `place_preposition` list (with their determiners and an "of"
    /// inside the name: "in the Republic of Meridia", "for displaced Ostrevans"): the
    /// names left are those that can author or co-author the act ("Norland's decision",
    /// "the decision of Norland", "India's agreement with Norland", "… by Norland").
    fn authoring_names(&self, from: usize, end: usize) -> Vec<super::tokens::Token> {
        let mut out = Vec::with_capacity(end.saturating_sub(from));
        let mut i = from;
        while i < end {
            let x = &self.t[i];
            let place = x.is_word() && x.class & class::PLACE_PREPOSITION != 0;
            if place {
                let mut k = i + 1;
                while k < end && self.word_at(k, class::DETERMINER) {
                    k += 1;
                }
                if k < end && self.t[k].is_word() && self.t[k].is_capital() {
                    while k < end
                        && self.t[k].is_word()
                        && (self.t[k].is_capital()
                            || (self.sym_is(k, "of") && self.t.get(k + 1).is_some_and(|n| n.is_capital())))
                    {
                        k += 1;
                    }
                    i = k;
                    continue;
                }
            }
            out.push(*x);
            i += 1;
        }
        out
    }

    /// Whether a subject speaks for the signatories together: a pronoun ("we"), a plural
    /// party noun ("the leaders", "both sides") or a coordination of names ("President
    /// Biden and President Widodo"), not one named signatory ("President Biden").
    fn joint_subject(&self, subject: &Subject) -> bool {
        self.t[subject.np.clone()].iter().any(|t| {
            t.is_word()
                && (t.class & (class::PRONOUN | class::COORDINATOR) != 0
                    || (t.class & class::AGENT != 0 && self.lex.words.name(t.sym).ends_with('s')))
        })
    }

    /// Where the praised object after `from` ends: at a comma, dash, semicolon, colon or
    /// bracket-free clause break, or at a coordinator before a verb ("… and encourage …").
    fn praised_object_end(&self, from: usize, clause_end: usize) -> usize {
        let stop = clause_end.min(from + MAX_OBJECT).min(self.t.len());
        for i in from..stop {
            let t = &self.t[i];
            if t.is_punct(',') || t.is_punct(';') || t.is_punct(':') || t.is_punct('—') || t.is_punct('–')
            {
                return i;
            }
            if t.is_word()
                && t.class & class::COORDINATOR != 0
                && (i + 1..stop.min(i + 3))
                    .find(|&k| !self.word_at(k, class::ADVERB))
                    .is_some_and(|k| self.word_at(k, class::FINITE) && !self.word_at(k, class::PARTICIPLE))
            {
                return i;
            }
        }
        stop
    }
}
