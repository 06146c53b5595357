//! Words and punctuation of one sentence, each looked up once in the language's lexicon.
//!
//! A word is a run of letters and digits, with the hyphens, apostrophes and full stops it
//! holds inside ("Chairman-in-Office", "U.S.", "COVID-19", "1.5"), and a final full stop
//! when it is an abbreviation of capitals ("U.S.", "D.C.") or an abbreviation the sentence
//! splitter also keeps ("Jr.", "Mr."). A possessive ending ("Russia’s", "Allies’") is a
//! token of its own, so that "Russia" is looked up as a word. Every other character that
//! is not white space is a punctuation token. Offsets are bytes of the sentence.

use super::lexicon::{Lexicon, NO_SYM, Sym, class};
use std::ops::Range;

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offsets in the sentence.
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// The lower-cased word's symbol in the lexicon ([`NO_SYM`] when it is not there).
    pub(crate) sym: Sym,
    /// What kind of token it is (the `shape` constants).
    pub(crate) shape: u8,
    /// The word lists it belongs to (bits of [`super::lexicon::class`]).
    pub(crate) class: u64,
    /// The punctuation character, for a punctuation token.
    pub(crate) punct: char,
}

/// A word (letters or digits).
pub(crate) const WORD: u8 = 1;
/// A word whose first letter is a capital.
pub(crate) const CAPITAL: u8 = 1 << 1;
/// A word of two or more letters, all capitals ("NATO", "FEMA").
pub(crate) const ALL_CAPS: u8 = 1 << 2;
/// A word that holds a digit ("2021", "G7", "$1.5").
pub(crate) const DIGIT: u8 = 1 << 3;
/// A possessive ending ("’s", "'s", or a lone apostrophe after a plural).
pub(crate) const POSSESSIVE: u8 = 1 << 4;
/// Punctuation.
pub(crate) const PUNCT: u8 = 1 << 5;

impl Token {
    pub(crate) fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub(crate) fn is_word(&self) -> bool {
        self.shape & WORD != 0
    }

    pub(crate) fn is_capital(&self) -> bool {
        self.shape & CAPITAL != 0
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.shape & PUNCT != 0 && self.punct == c
    }

    pub(crate) fn is_possessive(&self) -> bool {
        self.shape & POSSESSIVE != 0
    }
}

/// Abbreviations that keep their final full stop as part of the word.
const ABBREVIATIONS: &[&str] = &[
    "Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Adm", "Gov", "Sen", "Rep", "Amb", "Hon",
    "No", "Inc", "Ltd", "Co", "Corp", "Dept", "M", "Mme", "Nr",
];

/// The most bytes of a word looked up in the `elision` list: longer words are never
/// elided (the longest French one, "puisqu", has six).
const MAX_ELISION: usize = 8;

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Reusable buffers for tokenising sentences one after another.
#[derive(Debug, Default)]
pub(crate) struct Tokenizer {
    lower: String,
}

impl Tokenizer {
    /// Whether `word`, lower-cased, is in a word list of `lexicon` with the bits `bits`.
    fn has_class(&mut self, word: &str, lexicon: &Lexicon, bits: u64) -> bool {
        self.lower.clear();
        self.lower.extend(word.chars().flat_map(char::to_lowercase));
        lexicon.words.lookup(&self.lower).1 & bits != 0
    }

    /// Appends the tokens of `text` to `out` (cleared first), looking each word up in
    /// `lexicon`. Linear in the length of `text`; ASCII is read byte by byte.
    pub(crate) fn tokenize(&mut self, text: &str, lexicon: &Lexicon, out: &mut Vec<Token>) {
        out.clear();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut at = 0;
        while at < n {
            let (c, len) = char_at(text, at);
            if c.is_whitespace() {
                at += len;
                continue;
            }
            if !(c.is_alphanumeric() || c == '$' && next_is_digit(text, at + 1)) {
                out.push(Token {
                    start: at as u32,
                    end: (at + len) as u32,
                    sym: NO_SYM,
                    shape: PUNCT,
                    class: 0,
                    punct: c,
                });
                at += len;
                continue;
            }
            // A word: letters and digits, joined by inner hyphens, apostrophes, full stops,
            // commas between digits ("100,000") and slashes between letters ("and/or").
            let mut end = at + len;
            while end < n {
                if bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                let (d, dlen) = char_at(text, end);
                if d.is_alphanumeric() {
                    end += dlen;
                    continue;
                }
                let joins = matches!(d, '-' | '‑' | '.' | ',' | '/' | '\'' | '’' | '&');
                let after = end + dlen;
                if !joins || after >= n || !char_at(text, after).0.is_alphanumeric() {
                    break;
                }
                if d == ',' && !(bytes[end - 1].is_ascii_digit() && bytes[after].is_ascii_digit()) {
                    break;
                }
                if d == '.'
                    && !(bytes[end - 1].is_ascii_digit()
                        || text[at..end].chars().all(|c| c.is_uppercase() || c == '.'))
                {
                    break;
                }
                if is_apostrophe(d) {
                    // A possessive "’s" is a token of its own, and so are the contracted
                    // verbs of "we’re", "we’ve", "we’ll", "I’m", "we’d"; "n’t" stays on its word.
                    if contraction(&text[after..], true) {
                        break;
                    }
                    // An elided word of the language's `elision` list is a word of its own:
                    // French "d’élargir" is "d’" and "élargir", "L’Union" is "L’" and "Union".
                    if end - at <= MAX_ELISION && self.has_class(&text[at..end], lexicon, class::ELISION) {
                        end = after;
                        break;
                    }
                }
                end = after;
            }
            // "G7+": a plus sign right after a word, before a space, belongs to it.
            if bytes.get(end) == Some(&b'+') && !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            // A final full stop of "U.S." or "Jr." belongs to the word.
            if bytes.get(end) == Some(&b'.') {
                let word = &text[at..end];
                let capitals = word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.');
                let single = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase());
                if capitals || single || ABBREVIATIONS.contains(&word) {
                    end += 1;
                }
            }
            let word = &text[at..end];
            let mut shape = WORD;
            let mut letters = 0;
            let mut capitals = 0;
            let mut first_letter_capital = None;
            let ascii = word.is_ascii();
            if ascii {
                for &b in word.as_bytes() {
                    if b.is_ascii_digit() {
                        shape |= DIGIT;
                    } else if b.is_ascii_alphabetic() {
                        letters += 1;
                        capitals += usize::from(b.is_ascii_uppercase());
                        first_letter_capital.get_or_insert(b.is_ascii_uppercase());
                    }
                }
            } else {
                for c in word.chars() {
                    if c.is_ascii_digit() {
                        shape |= DIGIT;
                    } else if c.is_alphabetic() {
                        letters += 1;
                        capitals += usize::from(c.is_uppercase());
                        first_letter_capital.get_or_insert(c.is_uppercase());
                    }
                }
            }
            if first_letter_capital == Some(true) && !word.starts_with('$') {
                shape |= CAPITAL;
            }
            if letters >= 2 && capitals == letters {
                shape |= ALL_CAPS;
            }
            let (sym, class) = if ascii {
                lexicon.words.lookup_ascii(word)
            } else {
                self.lower.clear();
                self.lower.extend(word.chars().flat_map(char::to_lowercase));
                lexicon.words.lookup(&self.lower)
            };
            out.push(Token { start: at as u32, end: end as u32, sym, shape, class, punct: '\0' });
            at = end;
            // The possessive ending after it, or a contracted verb ("we’re").
            if at < n && !bytes[at].is_ascii_alphanumeric() && !bytes[at].is_ascii_whitespace() {
                let (apostrophe, alen) = char_at(text, at);
                if is_apostrophe(apostrophe) {
                    let after = at + alen;
                    let rest = &text[after..];
                    let ending_len =
                        rest.chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum::<usize>();
                    // A word of the language's `contracted_s` list never takes a possessive
                    // ending: its "’s" is the contracted "is" or "has" ("he’s going to",
                    // "it’s important", "that’s why"), a token of its own as "’re" is.
                    let contracted_s = rest.starts_with(['s', 'S'])
                        && contraction(rest, true)
                        && class & class::CONTRACTED_S != 0;
                    if contracted_s || contraction(rest, false) {
                        let stop = after + ending_len;
                        self.lower.clear();
                        self.lower.push('’');
                        self.lower.push_str(&rest[..ending_len].to_lowercase());
                        let (sym, class) = lexicon.words.lookup(&self.lower);
                        out.push(Token {
                            start: at as u32,
                            end: stop as u32,
                            sym,
                            shape: WORD,
                            class,
                            punct: '\0',
                        });
                        at = stop;
                        continue;
                    }
                    let s_len = usize::from(rest.starts_with(['s', 'S']));
                    let bare = s_len == 0 && word.ends_with(['s', 'S']);
                    let closed = !rest[s_len..].chars().next().is_some_and(char::is_alphanumeric);
                    if (s_len == 1 || bare) && closed {
                        let stop = after + s_len;
                        out.push(Token {
                            start: at as u32,
                            end: stop as u32,
                            sym: NO_SYM,
                            shape: POSSESSIVE,
                            class: 0,
                            punct: '\0',
                        });
                        at = stop;
                    }
                }
            }
        }
    }
}

/// The character at byte `at` of `text` and its length in bytes.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// Whether `rest` (what follows an apostrophe) is a contracted verb ("re", "ve", "ll",
/// "m", "d"), or with `or_possessive` a possessive "s", ending there.
fn contraction(rest: &str, or_possessive: bool) -> bool {
    let len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if len == 0 || len > 2 || rest[len..].chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let ending = &rest[..len];
    ["re", "ve", "ll", "m", "d"].iter().any(|e| ending.eq_ignore_ascii_case(e))
        || (or_possessive && ending.eq_ignore_ascii_case("s"))
}

fn next_is_digit(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}
