//! Stage 2: blocks. Lines become blocks, the units the later stages classify: what a
//! browser would show as one paragraph, list item or line of a menu.
//!
//! Lines that follow each other without a blank line stay separate blocks, unless the
//! text was hard-wrapped: a group (lines between blank lines) whose lines, all but the
//! last, run to 40–100 code points (the longest at least 55), are of one width (the
//! shortest at least six tenths of the longest) or go on in lower case, do not all end a
//! sentence and are no header fields ("Date: …") is wrapped, and its lines join; in any group a line that starts in lower case, or follows a line longer
//! than 100 code points that ends no sentence, continues the block before it. A line that
//! opens with a list marker ("•", "1.", "(a)") always starts a block.
//!
//! Each block carries the features the classifier reads (see [`Features`]); they are
//! counted once, in one pass over the block's text.

use super::lines::Line;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// A block: one or more lines of the source.
#[derive(Debug, Clone)]
pub(crate) struct Block<'a> {
    /// Indices of its lines in the stage 1 list.
    pub lines: Range<usize>,
    /// Byte range in the source: from the first line's start to the last line's end.
    pub start: usize,
    /// End of the block (exclusive), in bytes.
    pub end: usize,
    /// The lines' contents joined by one space.
    pub text: Cow<'a, str>,
    /// What the classifier reads.
    pub features: Features,
}

/// Features of a block's text (counts in code points and words).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Features {
    /// Length in code points.
    pub chars: usize,
    /// Words (runs of letters, digits and apostrophes).
    pub words: usize,
    /// Words that begin with a capital letter.
    pub capitalised: usize,
    /// Letters, and upper-case letters among them.
    pub letters: usize,
    /// Upper-case letters.
    pub upper: usize,
    /// Digits.
    pub digits: usize,
    /// Sentence terminators (". ", "! ", "? ", "…") inside or at the end.
    pub terminators: usize,
    /// The text ends a sentence: ".", "!", "?", "…", perhaps followed by a closing quote
    /// or bracket.
    pub sentence_end: bool,
    /// The text opens with a list marker.
    pub marker: bool,
    /// A telephone number, an e-mail address or a web address occurs.
    pub phone: bool,
    /// An e-mail address occurs.
    pub email: bool,
    /// A web address occurs.
    pub url: bool,
    /// A copyright sign occurs.
    pub copyright: bool,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•·▪◦‣∙●○■□➢►✓*\-–—]\s+|(?:\d{1,3}(?:\.|\)|\s+[-–—])|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})[.)])\s+)")
        .expect("marker pattern compiles")
});
/// A field of a header: "Date: …", "Subject: …", "Message-ID: …".
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Za-z-]{1,24}:\s").expect("label pattern compiles"));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\+|\(\+?)?\d[\d\s().\-/]{6,}\d").expect("phone pattern compiles"));
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("e-mail pattern compiles"));
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)https?://\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|org|net|int|gov|edu|eu|ru)/\S*")
        .expect("url pattern compiles")
});

/// Whether `text` ends a sentence.
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| {
        matches!(c, '"' | '”' | '’' | '\'' | ')' | '»' | ']') || c.is_whitespace()
    })
    .ends_with(['.', '!', '?', '…'])
}

/// Whether `text` opens with a list marker: a bullet, a number or a letter.
pub(crate) fn is_marked(text: &str) -> bool {
    // Most lines open with a capital letter: no marker can start that way.
    text.chars().next().is_some_and(|c| !c.is_uppercase()) && MARKER.is_match(text)
}

impl Features {
    /// Counts the features of `text`.
    pub(crate) fn of(text: &str) -> Self {
        let mut f = Self { sentence_end: ends_sentence(text), marker: is_marked(text), ..Self::default() };
        let mut in_word = false;
        let mut prev = ' ';
        for c in text.chars() {
            f.chars += 1;
            let word_char = c.is_alphanumeric() || ((c == '\'' || c == '’') && in_word);
            if word_char && !in_word {
                f.words += 1;
                if c.is_uppercase() {
                    f.capitalised += 1;
                }
            }
            in_word = word_char;
            if c.is_alphabetic() {
                f.letters += 1;
                if c.is_uppercase() {
                    f.upper += 1;
                }
            } else if c.is_ascii_digit() {
                f.digits += 1;
            }
            if matches!(c, '!' | '?' | '…') || (c == ' ' && prev == '.') {
                f.terminators += 1;
            }
            if c == '©' {
                f.copyright = true;
            }
            prev = c;
        }
        if f.sentence_end && text.trim_end().ends_with('.') {
            f.terminators += 1;
        }
        if f.digits >= 7 {
            f.phone = PHONE.is_match(text);
        }
        if text.contains('@') {
            f.email = EMAIL.is_match(text);
        }
        if text.contains("http") || text.contains("www.") || text.contains('/') {
            f.url = URL.is_match(text);
        }
        f
    }

    /// Share of the words that begin with a capital letter.
    pub(crate) fn capitalised_share(&self) -> f64 {
        self.capitalised as f64 / self.words.max(1) as f64
    }
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Groups `lines` of `source` into blocks (see the module documentation).
pub(crate) fn build<'a>(source: &'a str, lines: &[Line]) -> Vec<Block<'a>> {
    let mut blocks: Vec<Block<'a>> = Vec::new();
    let mut group_start = 0;
    while group_start < lines.len() {
        let group_end =
            (group_start + 1..lines.len()).find(|&i| lines[i].blank_before).unwrap_or(lines.len());
        let group = &lines[group_start..group_end];
        let len = |l: &Line| l.text(source).chars().count();
        let wrapped = group.len() >= 2
            && {
                let lengths: Vec<usize> = group[..group.len() - 1].iter().map(len).collect();
                let (shortest, longest) =
                    (lengths.iter().copied().min().unwrap_or(0), lengths.iter().copied().max().unwrap_or(0));
                lengths.iter().all(|l| (40..=100).contains(l))
                && longest >= 55
                && group[..group.len() - 1].iter().any(|l| !ends_sentence(l.text(source)))
                // Lines of one wrap width, or continued in lower case; never fields of a
                // header ("Date: …", "Subject: …").
                && (shortest * 10 >= longest * 6 || group[1..].iter().any(|l| starts_lowercase(l.text(source))))
                && !group.iter().any(|l| LABEL.is_match(l.text(source)))
            };
        let mut current: Option<Range<usize>> = None;
        for (offset, line) in group.iter().enumerate() {
            let index = group_start + offset;
            let text = line.text(source);
            let continues = offset > 0 && !is_marked(text) && {
                let prev = group[offset - 1].text(source);
                wrapped
                    || starts_lowercase(text)
                    || (!ends_sentence(prev) && !prev.ends_with(':') && prev.chars().count() > 100)
            };
            match current.as_mut() {
                Some(range) if continues => range.end = index + 1,
                _ => {
                    if let Some(range) = current.take() {
                        blocks.push(block(source, lines, range));
                    }
                    current = Some(index..index + 1);
                }
            }
        }
        if let Some(range) = current {
            blocks.push(block(source, lines, range));
        }
        group_start = group_end;
    }
    blocks
}

fn block<'a>(source: &'a str, lines: &[Line], range: Range<usize>) -> Block<'a> {
    let first = lines[range.start];
    let last = lines[range.end - 1];
    let text: Cow<'a, str> = if range.len() == 1 {
        Cow::Borrowed(first.text(source))
    } else {
        Cow::Owned(lines[range.clone()].iter().map(|l| l.text(source)).collect::<Vec<_>>().join(" "))
    };
    let features = Features::of(&text);
    Block { lines: range, start: first.start, end: last.end, text, features }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain::lines;

    fn check(source: &str, expected: &[&str]) {
        let lines = lines::split(source);
        let got: Vec<String> = build(source, &lines).into_iter().map(|b| b.text.into_owned()).collect();
        assert_eq!(got, expected, "{source:?}");
    }

    #[test]
    fn groups_lines() {
        check("Title\n\nOne.\n\nTwo.", &["Title", "One.", "Two."]);
        check(
            "This paragraph is hard-wrapped at a column of about seventy\ncharacters, as mailing lists do, and goes on here.\nA second sentence ends it.",
            &[
                "This paragraph is hard-wrapped at a column of about seventy characters, as mailing lists do, and goes on here. A second sentence ends it.",
            ],
        );
        check(
            "Press Statement\nMarie Harf\nDeputy Spokesperson\nWashington, DC\nMay 2, 2014",
            &["Press Statement", "Marie Harf", "Deputy Spokesperson", "Washington, DC", "May 2, 2014"],
        );
        check(
            "President Vladimir Putin and British Prime Minister Anthony Blair adopted\na Joint Russia-UK Statement on Counter-terrorism",
            &[
                "President Vladimir Putin and British Prime Minister Anthony Blair adopted a Joint Russia-UK Statement on Counter-terrorism",
            ],
        );
        check(
            "  • Regional development funds can be used more flexibly for reconstruction\n    following natural disasters\n  • Social funds can also finance healthcare",
            &[
                "• Regional development funds can be used more flexibly for reconstruction following natural disasters",
                "• Social funds can also finance healthcare",
            ],
        );
        check(
            "We are taking steps to:\n  • support Ukraine;\n  • deliver",
            &["We are taking steps to:", "• support Ukraine;", "• deliver"],
        );
    }

    #[test]
    fn features() {
        let f = Features::of("We urge Russia to act. NATO will respond.");
        assert_eq!((f.words, f.capitalised, f.terminators, f.sentence_end), (8, 3, 2, true));
        let f = Features::of("Phone number: (+32) 2 28 32547 (BXL)");
        assert!(f.phone && !f.email && !f.sentence_end);
        let f = Features::of("E-mail: press@example.org");
        assert!(f.email);
        let f = Features::of("Direct link: en.kremlin.ru/d/63277");
        assert!(f.url);
        assert!(Features::of("• one").marker);
        assert!(Features::of("“We will act.”").sentence_end);
    }
}
