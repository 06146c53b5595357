//! Verbs of knowing with a noun object and a second verb (manual 1.8, 3.4).
//!
//! "We recognise ongoing efforts to build a response mechanism and welcome the support for
//! …": the noun phrase after "recognise" is its object, not the subject of a clause, when
//! the verb that would follow it comes right after "and"; that verb is coordinated with
//! "recognise" and its actor is the main subject. A cue verb after the *that*-clause of a
//! verb of knowing ("We recognise that the islands value … and support …") is read with
//! the main verb too (the analyzer's `knower`).

use super::grammar::Analyzer;
use super::lexicon::class;

impl Analyzer<'_> {
    /// Whether the verb at `verb`, found after a noun phrase that follows a verb of knowing,
    /// is coordinated with that verb ("and welcome …", "and will work …") rather than the
    /// verb of a clause the noun phrase is the subject of.
    pub(crate) fn coordinated_after_object(&self, verb: usize) -> bool {
        self.after_and(verb)
            && self.t.get(verb).is_some_and(|x| {
                x.is_word()
                    && !x.is_capital()
                    && x.class & (class::BASE | class::FUTURE) != 0
                    && x.class & (class::BE | class::HAVE) == 0
            })
    }

    /// Whether the word at `at` follows "and" (adverbs between them allowed).
    pub(crate) fn after_and(&self, at: usize) -> bool {
        let mut k = at;
        while k > 0 && self.word_at(k - 1, class::ADVERB) {
            k -= 1;
        }
        k > 0 && self.sym_is(k - 1, "and")
    }
}
