//! Stage 1: lines. The text is cut into lines and each is trimmed; what separates
//! paragraphs is kept as a flag on the line after it.
//!
//! A line ends at LF, CR LF, CR, NEL (U+0085) or LINE SEPARATOR (U+2028). A blank line,
//! FORM FEED (U+000C), VERTICAL TAB (U+000B) and PARAGRAPH SEPARATOR (U+2029) also end a
//! paragraph: a page break between two sentences separates them, as a blank line does.
//! Trimming takes away white space, control characters other than TAB, and a byte-order
//! mark (U+FEFF, which some editors write at the start of a file); nothing else of the
//! text is changed, and every offset points into it.

/// A non-blank line of the source: byte range of its trimmed content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// First byte of the content.
    pub start: usize,
    /// End of the content (exclusive).
    pub end: usize,
    /// A blank line, a page break or the start of the text comes before this line.
    pub blank_before: bool,
}

impl Line {
    /// The content of the line in `source`.
    pub(crate) fn text(self, source: &str) -> &str {
        &source[self.start..self.end]
    }
}

/// What trimming takes off both ends of a line.
pub(crate) fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || (c.is_control() && c != '\t') || c == '\u{feff}'
}

/// Splits `text` into its non-blank lines, in order (see the module documentation).
/// Linear in the length of the text.
pub(crate) fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank = true;
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |start: usize, end: usize, paragraph_break: bool, blank: &mut bool, out: &mut Vec<Line>| {
        let raw = &text[start..end];
        let trimmed = raw.trim_matches(is_trimmed);
        if trimmed.is_empty() {
            *blank = true;
        } else {
            let s = start + (raw.len() - raw.trim_start_matches(is_trimmed).len());
            out.push(Line { start: s, end: s + trimmed.len(), blank_before: *blank });
            *blank = false;
        }
        if paragraph_break {
            *blank = true;
        }
    };
    while i < bytes.len() {
        // (line ends here, length of the break, a paragraph break too)
        let brk = match bytes[i] {
            b'\n' => Some((1, false)),
            b'\r' => Some((if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 }, false)),
            0x0B | 0x0C => Some((1, true)),
            0xC2 if bytes.get(i + 1) == Some(&0x85) => Some((2, false)),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8)) => {
                Some((3, false))
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA9)) => {
                Some((3, true))
            }
            _ => None,
        };
        match brk {
            Some((len, paragraph_break)) => {
                push(start, i, paragraph_break, &mut blank, &mut out);
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    if start < bytes.len() {
        push(start, bytes.len(), false, &mut blank, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, bool)]) {
        let got: Vec<(&str, bool)> =
            split(text).into_iter().map(|l| (l.text(text), l.blank_before)).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn lines_and_breaks() {
        check("One\nTwo\r\nThree\rFour", &[("One", true), ("Two", false), ("Three", false), ("Four", false)]);
        check("  One  \n\n\t Two\n \n", &[("One", true), ("Two", true)]);
        // A form feed or vertical tab between two sentences breaks the paragraph.
        check("We met.\u{c}We agreed.", &[("We met.", true), ("We agreed.", true)]);
        check("We met.\u{b}We agreed.\nThen", &[("We met.", true), ("We agreed.", true), ("Then", false)]);
        check("A\u{2028}B\u{2029}C\u{85}D", &[("A", true), ("B", false), ("C", true), ("D", false)]);
        // A byte-order mark is not part of the first line.
        check("\u{feff}Title\nText", &[("Title", true), ("Text", false)]);
        check("", &[]);
        check("\n\n", &[]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "\u{feff}Ça va\n\n  très bien  ";
        let lines = split(text);
        assert_eq!(lines[0], Line { start: 3, end: 9, blank_before: true });
        assert_eq!(&text[lines[1].start..lines[1].end], "très bien");
    }
}
