//! Character spans counted in Unicode code points.
//!
//! The W3C Web Annotation Data Model's `TextPositionSelector` counts positions in
//! code points ("characters" in the sense of the Unicode standard), end exclusive, and
//! so does every [`Span`] in a communique record. Rust strings are indexed by bytes, so
//! this module converts between the two.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range `[start, end)` of Unicode code points in a text.
///
/// `start` and `end` count code points (not bytes, not UTF-16 units, not grapheme
/// clusters) from the start of the text, as the W3C Web Annotation
/// `TextPositionSelector` does. `end` is exclusive, so an empty span has
/// `start == end`.
///
/// ```
/// use communique_model::Span;
/// let text = "«Мир» 🕊 now";
/// let span = Span::find(text, "now").unwrap();
/// assert_eq!((span.start, span.end), (8, 11));
/// assert_eq!(span.to_byte_range(text), Some(16..19)); // « and » are 2 bytes, 🕊 is 4
/// assert_eq!(span.slice(text), Some("now"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First code point of the span (0-based).
    pub start: usize,
    /// Code point just past the end of the span (exclusive).
    pub end: usize,
}

impl Span {
    /// Makes a span from code-point offsets. Nothing is checked: see [`Span::is_within`].
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in code points (0 when `end < start`).
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span selects no code point.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `start <= end <= ` the code-point length of `text`.
    #[must_use]
    pub fn is_within(&self, text: &str) -> bool {
        self.start <= self.end && self.end <= code_point_len(text)
    }

    /// Converts a byte range of `text` to a code-point span.
    ///
    /// Returns `None` when either end is past the text or not on a character boundary.
    #[must_use]
    pub fn from_byte_range(text: &str, bytes: Range<usize>) -> Option<Self> {
        if bytes.start > bytes.end || !text.is_char_boundary(bytes.start) || !text.is_char_boundary(bytes.end)
        {
            return None;
        }
        let start = text[..bytes.start].chars().count();
        let end = start + text[bytes.start..bytes.end].chars().count();
        Some(Self { start, end })
    }

    /// Converts the span to a byte range of `text`, or `None` when it does not lie on it.
    #[must_use]
    pub fn to_byte_range(&self, text: &str) -> Option<Range<usize>> {
        if self.start > self.end {
            return None;
        }
        let start = byte_offset(text, self.start)?;
        let end = start + byte_offset(&text[start..], self.end - self.start)?;
        Some(start..end)
    }

    /// The slice of `text` the span selects, or `None` when it does not lie on it.
    #[must_use]
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.to_byte_range(text).map(|range| &text[range])
    }

    /// The span of the first occurrence of `needle` in `text`, if any.
    #[must_use]
    pub fn find(text: &str, needle: &str) -> Option<Self> {
        let start = text.find(needle)?;
        Self::from_byte_range(text, start..start + needle.len())
    }
}

/// Number of Unicode code points in `text` (what [`Span`] counts).
#[must_use]
pub fn code_point_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte offset of the code point at index `code_points` in `text`; the text's byte
/// length when `code_points` equals its code-point length; `None` past that.
#[must_use]
pub fn byte_offset(text: &str, code_points: usize) -> Option<usize> {
    if code_points == 0 {
        return Some(0);
    }
    let mut seen = 0;
    for (offset, _) in text.char_indices() {
        if seen == code_points {
            return Some(offset);
        }
        seen += 1;
    }
    (seen == code_points).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        // “ and ” are 3 bytes each, Cyrillic letters 2, the emoji 4: "ok" starts at byte 3+6+3+1+4+1 = 18.
        let text = "“Мир” 👍 ok";
        let quote = "ok";
        let span = Span::find(text, quote).unwrap();
        assert_eq!(span, Span::new(8, 10));
        assert_eq!(span.to_byte_range(text), Some(18..20));
        assert_eq!(Span::from_byte_range(text, 18..20), Some(span));
        assert_eq!(Span::find(text, "👍").unwrap(), Span::new(6, 7));
        assert_eq!(Span::find(text, "Мир").unwrap().to_byte_range(text), Some(3..9));
    }

    #[test]
    fn rejects_spans_off_the_text() {
        let text = "añb";
        assert_eq!(Span::new(0, 4).slice(text), None);
        assert_eq!(Span::new(2, 1).slice(text), None);
        assert_eq!(Span::new(3, 3).slice(text), Some(""));
        assert_eq!(Span::from_byte_range(text, 0..2), None, "inside ñ");
        assert!(!Span::new(0, 4).is_within(text));
        assert!(Span::new(1, 3).is_within(text));
    }
}
