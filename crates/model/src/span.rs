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

/// Code-point positions of one text, indexed once so that many spans can be converted to
/// byte ranges without walking the text from its start each time.
///
/// An ASCII text needs no table (one byte per code point). Otherwise the text is cut into
/// blocks of 64 bytes and the index keeps, for each block, how many code points start
/// before it (4 bytes of memory per 64 bytes of text); a conversion finds the block by
/// binary search and walks at most 64 bytes of it. Counting lead bytes block by block is
/// a loop the compiler vectorises, so indexing costs little more than reading the text.
///
/// ```
/// use communique_model::{CodePointIndex, Span};
/// let text = "«Мир» 🕊 now";
/// let index = CodePointIndex::new(text);
/// assert_eq!(index.len(), 11);
/// assert_eq!(index.byte_offset(8), Some(16));
/// assert_eq!(index.slice(Span::new(8, 11)), Some("now"));
/// assert_eq!(index.slice(Span::new(8, 12)), None);
/// ```
#[derive(Debug, Clone)]
pub struct CodePointIndex<'a> {
    text: &'a str,
    /// `before[k]`: code points that start in bytes `0 .. BLOCK * k`; empty for ASCII.
    before: Vec<u32>,
    len: usize,
}

/// Bytes per block of [`CodePointIndex`].
const BLOCK: usize = 64;

/// True for a byte that starts a code point: anything but a UTF-8 continuation byte
/// (`10xxxxxx`).
fn is_lead(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// Number of bytes of `bytes` that start a code point, eight bytes at a time: in a
/// 64-bit word `x`, the top bit of each byte of `x & !(x << 1)` is set exactly for a
/// byte whose top bits are `10`, a continuation byte.
fn count_leads(bytes: &[u8]) -> usize {
    const TOP_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("chunks of eight bytes"));
        continuation += (x & !(x << 1) & TOP_BITS).count_ones() as usize;
    }
    continuation += words.remainder().iter().filter(|&&byte| !is_lead(byte)).count();
    bytes.len() - continuation
}

impl<'a> CodePointIndex<'a> {
    /// Indexes `text` in one pass.
    ///
    /// # Panics
    ///
    /// Never for texts under 4 GiB; a text of 2³² code points or more is beyond what a
    /// block count holds and panics rather than index wrongly.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            // One byte per code point: offsets need no table.
            return Self { text, before: Vec::new(), len: text.len() };
        }
        let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut len = 0usize;
        for block in text.as_bytes().chunks(BLOCK) {
            before.push(
                u32::try_from(len).expect("a text indexed by CodePointIndex holds under 2^32 code points"),
            );
            len += count_leads(block);
        }
        Self { text, before, len }
    }
    /// Number of code points in the text.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for the empty text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Byte offset of code point `index`; the byte length for `index == len()`; `None`
    /// past that.
    #[must_use]
    pub fn byte_offset(&self, index: usize) -> Option<usize> {
        if index > self.len {
            return None;
        }
        if index == self.len {
            return Some(self.text.len());
        }
        if self.before.is_empty() {
            return Some(index);
        }
        // The last block in which fewer than `index + 1` code points start before it
        // holds the lead byte of code point `index`.
        let block = self.before.partition_point(|&count| count as usize <= index) - 1;
        let mut count = self.before[block] as usize;
        let bytes = self.text.as_bytes();
        for (offset, &byte) in bytes.iter().enumerate().skip(block * BLOCK) {
            if is_lead(byte) {
                if count == index {
                    return Some(offset);
                }
                count += 1;
            }
        }
        None
    }

    /// The byte range of `span`, or `None` when it does not lie on the text.
    #[must_use]
    pub fn byte_range(&self, span: Span) -> Option<Range<usize>> {
        if span.start > span.end {
            return None;
        }
        Some(self.byte_offset(span.start)?..self.byte_offset(span.end)?)
    }

    /// The slice `span` selects, or `None` when it does not lie on the text.
    #[must_use]
    pub fn slice(&self, span: Span) -> Option<&'a str> {
        self.byte_range(span).map(|range| &self.text[range])
    }
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

    proptest::proptest! {
        /// Every code-point offset the index gives is the one a walk from the start
        /// gives, on texts mixing 1- to 4-byte code points across many 64-byte blocks.
        #[test]
        fn index_agrees_with_char_indices(text in "(\\PC|[aж“🕊]){0,400}") {
            let index = CodePointIndex::new(&text);
            let walked: Vec<usize> =
                text.char_indices().map(|(offset, _)| offset).chain([text.len()]).collect();
            proptest::prop_assert_eq!(index.len(), walked.len() - 1);
            for (i, &offset) in walked.iter().enumerate() {
                proptest::prop_assert_eq!(index.byte_offset(i), Some(offset));
            }
            proptest::prop_assert_eq!(index.byte_offset(walked.len()), None);
        }
    }

    #[test]
    fn index_agrees_with_walking() {
        let mixed: String = (0..500).map(|i| ['a', 'ж', '🕊', '“'][i % 4]).collect();
        let ascii: String = (0..500).map(|i| ['a', 'b', ' ', '.'][i % 4]).collect();
        for text in [mixed, ascii] {
            let index = CodePointIndex::new(&text);
            assert_eq!(index.len(), 500);
            for start in (0..=500).step_by(7) {
                for end in [start, (start + 63).min(500), 500] {
                    let span = Span::new(start, end);
                    assert_eq!(index.byte_range(span), span.to_byte_range(&text), "{span:?}");
                }
            }
            assert_eq!(index.byte_offset(501), None);
        }
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
