//! Byte offsets to code points: the one cursor ingest uses to give spans in code points
//! (W3C Web Annotation's TextPositionSelector) of offsets it found in bytes.
//!
//! The model's `CodePointIndex` converts the other way (code points to bytes, for many
//! spans of one text); ingest meets its offsets in increasing order, as it reads the
//! text, so a cursor that walks forward counts each byte once.

use communique_model::Span;
use std::ops::Range;

/// Converts byte offsets of one text to code-point offsets. Offsets asked in increasing
/// order cost one pass over the text in all; a step backwards counts again from the
/// start.
#[derive(Debug, Clone)]
pub(crate) struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    code_points: usize,
}

impl<'a> CodePoints<'a> {
    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, byte: 0, code_points: 0 }
    }

    /// The code-point offset of byte offset `byte` (a char boundary of the text).
    pub(crate) fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.code_points = 0;
        }
        // Every byte that is not a UTF-8 continuation byte starts a code point.
        self.code_points +=
            self.text.as_bytes()[self.byte..byte].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        self.byte = byte;
        self.code_points
    }

    /// The span of byte range `bytes`, in code points.
    pub(crate) fn span(&mut self, bytes: Range<usize>) -> Span {
        let start = self.at(bytes.start);
        Span::new(start, self.at(bytes.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points() {
        let text = "«Мир» 🕊 now";
        let mut cursor = CodePoints::new(text);
        assert_eq!(cursor.at(0), 0);
        assert_eq!(cursor.span(16..19), Span::new(8, 11));
        assert_eq!(cursor.at(2), 1, "a step backwards counts again");
        assert_eq!(cursor.at(text.len()), 11);
    }
}
