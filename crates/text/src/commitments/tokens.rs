//! Words and punctuation of one sentence, each looked up once in the language's lexicon.
//!
//! A word is a run of letters and digits, with the hyphens, apostrophes and full stops it
//! holds inside ("Chairman-in-Office", "U.S.", "COVID-19", "1.5"), and a final full stop
//! when it is an abbreviation of capitals ("U.S.", "D.C.") or an abbreviation the sentence
//! splitter also keeps ("Jr.", "Mr."). A possessive ending ("Russia’s", "Allies’") is a
//! token of its own, so that "Russia" is looked up as a word. Every other character that
//! is not white space is a punctuation token. Offsets are bytes of the sentence.

use super::lexicon::{Lexicon, NO_SYM, Sym};
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

/// French elided words, kept with their apostrophe as tokens of their own.
const ELISIONS: &[&str] = &["l", "d", "qu", "s", "n", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Reusable buffers for tokenising sentences one after another.
#[derive(Debug, Default)]
pub(crate) struct Tokenizer {
    lower: String,
}

impl Tokenizer {
    /// Appends the tokens of `text` to `out` (cleared first), looking each word up in
    /// `lexicon`. Linear in the length of `text`.
    pub(crate) fn tokenize(&mut self, text: &str, lexicon: &Lexicon, out: &mut Vec<Token>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if !(c.is_alphanumeric() || c == '$' && next_is_digit(text, at + 1)) {
                out.push(Token {
                    start: at as u32,
                    end: (at + c.len_utf8()) as u32,
                    sym: NO_SYM,
                    shape: PUNCT,
                    class: 0,
                    punct: c,
                });
                continue;
            }
            // A word: letters and digits, joined by inner hyphens, apostrophes, full stops,
            // commas between digits ("100,000") and slashes between letters ("and/or").
            let mut end = at + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = i + d.len_utf8();
                    chars.next();
                    continue;
                }
                let joins = matches!(d, '-' | '‑' | '.' | ',' | '/' | '\'' | '’' | '&');
                let after = i + d.len_utf8();
                let next_alnum = text[after..].chars().next().is_some_and(char::is_alphanumeric);
                if !joins || !next_alnum {
                    break;
                }
                if d == ','
                    && !(bytes[i - 1].is_ascii_digit() && bytes.get(after).is_some_and(u8::is_ascii_digit))
                {
                    break;
                }
                if d == '.'
                    && !(bytes[i - 1].is_ascii_digit()
                        || text[at..i].chars().all(|c| c.is_uppercase() || c == '.'))
                {
                    break;
                }
                if is_apostrophe(d) {
                    // A possessive "’s" is a token of its own, and so are the contracted
                    // verbs of "we’re", "we’ve", "we’ll", "I’m", "we’d"; "n’t" stays on its word.
                    let rest = &text[after..];
                    let ending =
                        rest.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
                    if matches!(ending.as_str(), "s" | "re" | "ve" | "ll" | "m" | "d") {
                        break;
                    }
                    // A French elision is a word of its own: "d’élargir" is "d’" and
                    // "élargir", "L’Union" is "L’" and "Union".
                    let prefix = text[at..i].to_lowercase();
                    if ELISIONS.contains(&prefix.as_str()) {
                        end = after;
                        chars.next();
                        break;
                    }
                }
                end = after;
                chars.next();
            }
            // "G7+": a plus sign right after a word, before a space, belongs to it.
            if text[end..].starts_with('+')
                && !text[end + 1..].chars().next().is_some_and(char::is_alphanumeric)
            {
                end += 1;
                chars.next();
            }
            // A final full stop of "U.S." or "Jr." belongs to the word.
            if text[end..].starts_with('.') {
                let word = &text[at..end];
                let capitals = word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.');
                let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if capitals || single || ABBREVIATIONS.contains(&word) {
                    end += 1;
                    while chars.peek().is_some_and(|&(i, _)| i < end) {
                        chars.next();
                    }
                }
            }
            let word = &text[at..end];
            let mut shape = WORD;
            let mut letters = 0;
            let mut capitals = 0;
            for c in word.chars() {
                if c.is_ascii_digit() {
                    shape |= DIGIT;
                } else if c.is_alphabetic() {
                    letters += 1;
                    capitals += usize::from(c.is_uppercase());
                }
            }
            if word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
                && !word.starts_with('$')
            {
                shape |= CAPITAL;
            }
            if letters >= 2 && capitals == letters {
                shape |= ALL_CAPS;
            }
            self.lower.clear();
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
            let (sym, class) = lexicon.words.lookup(&self.lower);
            out.push(Token { start: at as u32, end: end as u32, sym, shape, class, punct: '\0' });
            // The possessive ending after it, or a contracted verb ("we’re").
            if let Some(apostrophe) = text[end..].chars().next().filter(|&c| is_apostrophe(c)) {
                let after = end + apostrophe.len_utf8();
                let rest = &text[after..];
                let ending_len =
                    rest.chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum::<usize>();
                let ending = rest[..ending_len].to_lowercase();
                if matches!(ending.as_str(), "re" | "ve" | "ll" | "m" | "d") {
                    let stop = after + ending_len;
                    self.lower.clear();
                    self.lower.push('’');
                    self.lower.push_str(&ending);
                    let (sym, class) = lexicon.words.lookup(&self.lower);
                    out.push(Token {
                        start: end as u32,
                        end: stop as u32,
                        sym,
                        shape: WORD,
                        class,
                        punct: '\0',
                    });
                    while chars.peek().is_some_and(|&(i, _)| i < stop) {
                        chars.next();
                    }
                    continue;
                }
                let s_len = usize::from(rest.starts_with(['s', 'S']));
                let bare = s_len == 0 && word.ends_with(['s', 'S']);
                let closed = !rest[s_len..].chars().next().is_some_and(char::is_alphanumeric);
                if (s_len == 1 || bare) && closed {
                    let stop = after + s_len;
                    out.push(Token {
                        start: end as u32,
                        end: stop as u32,
                        sym: NO_SYM,
                        shape: POSSESSIVE,
                        class: 0,
                        punct: '\0',
                    });
                    while chars.peek().is_some_and(|&(i, _)| i < stop) {
                        chars.next();
                    }
                }
            }
        }
    }
}

fn next_is_digit(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}
