//! Cue patterns: short sequences of token tests, written in the language files.
//!
//! A pattern is a space-separated list of elements, each matching one token:
//!
//! | element | matches |
//! | --- | --- |
//! | `urge` | the word, in any letter case |
//! | `on\|upon` | any of the words (alternatives may mix the forms below) |
//! | `<urge>` | any form of the verb `urge` listed in `[commitments.verbs]` |
//! | `@adverb` | a word of the word list `adverb` of `[commitments.words]` |
//! | `_` | any word, possessive ending ("’s"), comma or dash |
//! | `#` | a word holding a digit ("2022", "$60", "G7") |
//! | `^` | a word with a capital first letter |
//! | `,` `;` `:` … | that punctuation mark |
//!
//! An element followed by `?` may be absent; followed by `*`, it may repeat up to four
//! times (or be absent), and `_*`, a gap of any words, up to sixteen. Matching is greedy and backtracks, so `@adverb* <urge>` matches
//! "urge" and "strongly urge". Patterns hold a few elements and are tried only where
//! their first word occurs, so a match costs a handful of comparisons.

use super::lexicon::{Sym, Words};
use super::tokens::{DIGIT, Token, WORD};
use std::fmt;

/// The most repetitions of an element marked `*`; `_*` (any words) may run to
/// [`MAX_GAP`].
const MAX_REPEAT: usize = 4;
const MAX_GAP: usize = 16;

/// One token test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Test {
    /// One of these symbols (sorted).
    Syms(Vec<Sym>),
    /// A word of these word lists (a bit mask of lists), or one of the symbols.
    Class(u64, Vec<Sym>),
    /// Any word.
    Word,
    /// A word with a digit.
    Number,
    /// A word with a capital first letter.
    Capital,
    /// A punctuation mark.
    Punct(char),
}

/// How often an element may occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeat {
    One,
    Optional,
    Many,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Elem {
    pub(crate) test: Test,
    pub(crate) repeat: Repeat,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub(crate) elems: Vec<Elem>,
}

/// Why a pattern could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError(pub(crate) String);

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a pattern needs to look words up while it is compiled.
pub(crate) trait Resolve {
    /// The symbol of a lower-case word (interning it).
    fn intern(&mut self, word: &str) -> Sym;
    /// The symbols of every form of verb `lemma`, if it is listed.
    fn verb_forms(&self, lemma: &str) -> Option<Vec<Sym>>;
    /// The bit of word list `name`, if there is one.
    fn class(&self, name: &str) -> Option<u64>;
}

impl Pattern {
    /// Compiles `source` (see the module documentation).
    pub(crate) fn compile(source: &str, resolve: &mut impl Resolve) -> Result<Self, PatternError> {
        let mut elems = Vec::new();
        for raw in source.split_whitespace() {
            let (body, repeat) = match raw.as_bytes().last() {
                Some(b'?') if raw.len() > 1 => (&raw[..raw.len() - 1], Repeat::Optional),
                Some(b'*') if raw.len() > 1 => (&raw[..raw.len() - 1], Repeat::Many),
                _ => (raw, Repeat::One),
            };
            let test =
                Self::test(body, resolve).map_err(|e| PatternError(format!("{e} in pattern {source:?}")))?;
            elems.push(Elem { test, repeat });
        }
        if elems.is_empty() {
            return Err(PatternError("an empty pattern".into()));
        }
        if elems.iter().all(|e| e.repeat != Repeat::One) {
            return Err(PatternError(format!("pattern {source:?} can match nothing")));
        }
        Ok(Self { elems })
    }

    fn test(body: &str, resolve: &mut impl Resolve) -> Result<Test, String> {
        match body {
            "_" => return Ok(Test::Word),
            "#" => return Ok(Test::Number),
            "^" => return Ok(Test::Capital),
            _ => {}
        }
        let mut c = body.chars();
        if let (Some(p), None) = (c.next(), c.next())
            && !p.is_alphanumeric()
        {
            return Ok(Test::Punct(p));
        }
        let mut syms = Vec::new();
        let mut mask = 0u64;
        for alt in body.split('|') {
            if let Some(name) = alt.strip_prefix('@') {
                mask |= resolve.class(name).ok_or_else(|| format!("unknown word list @{name}"))?;
            } else if let Some(lemma) = alt.strip_prefix('<').and_then(|a| a.strip_suffix('>')) {
                syms.extend(resolve.verb_forms(lemma).ok_or_else(|| format!("unknown verb <{lemma}>"))?);
            } else if alt.is_empty() || alt.chars().any(char::is_uppercase) {
                return Err(format!("{alt:?} is not a lower-case word"));
            } else {
                syms.push(resolve.intern(alt));
            }
        }
        syms.sort_unstable();
        syms.dedup();
        Ok(if mask == 0 { Test::Syms(syms) } else { Test::Class(mask, syms) })
    }

    /// The symbols a match can start with, or `None` when it can start with a word that
    /// is not listed (any word, a number, a capital, an unlisted word of a class).
    pub(crate) fn first_syms(&self, words: &Words) -> Option<Vec<Sym>> {
        let mut out = Vec::new();
        for elem in &self.elems {
            match &elem.test {
                Test::Syms(syms) => out.extend(syms),
                Test::Class(mask, syms) => {
                    out.extend(syms);
                    out.extend(words.members(*mask)?);
                }
                Test::Punct(_) | Test::Word | Test::Number | Test::Capital => return None,
            }
            if elem.repeat == Repeat::One {
                out.sort_unstable();
                out.dedup();
                return Some(out);
            }
        }
        None
    }

    /// Where a match starting at token `at` ends (exclusive), the longest that the greedy
    /// order finds first; `None` when the pattern does not match there.
    pub(crate) fn match_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        self.match_from(0, tokens, at)
    }

    fn match_from(&self, e: usize, tokens: &[Token], at: usize) -> Option<usize> {
        let Some(elem) = self.elems.get(e) else { return Some(at) };
        let fits = |i: usize| tokens.get(i).is_some_and(|t| elem.test.fits(t));
        match elem.repeat {
            Repeat::One => {
                if fits(at) {
                    self.match_from(e + 1, tokens, at + 1)
                } else {
                    None
                }
            }
            Repeat::Optional => {
                if fits(at)
                    && let Some(end) = self.match_from(e + 1, tokens, at + 1)
                {
                    return Some(end);
                }
                self.match_from(e + 1, tokens, at)
            }
            Repeat::Many => {
                let max = if elem.test == Test::Word { MAX_GAP } else { MAX_REPEAT };
                let mut n = 0;
                while n < max && fits(at + n) {
                    n += 1;
                }
                loop {
                    if let Some(end) = self.match_from(e + 1, tokens, at + n) {
                        return Some(end);
                    }
                    if n == 0 {
                        return None;
                    }
                    n -= 1;
                }
            }
        }
    }
}

impl Test {
    pub(crate) fn fits(&self, token: &Token) -> bool {
        match self {
            Self::Syms(syms) => token.shape & WORD != 0 && syms.binary_search(&token.sym).is_ok(),
            Self::Class(mask, syms) => {
                token.shape & WORD != 0 && (token.class & mask != 0 || syms.binary_search(&token.sym).is_ok())
            }
            Self::Word => {
                token.shape & WORD != 0
                    || token.is_possessive()
                    || token.is_punct(',')
                    || token.is_punct('—')
                    || token.is_punct('–')
            }
            // "$10", "2,300", "30", not a name with digits ("the G20", "COVID-19").
            Self::Number => token.shape & DIGIT != 0 && !token.is_capital(),
            Self::Capital => token.is_capital(),
            Self::Punct(c) => token.is_punct(*c),
        }
    }
}
