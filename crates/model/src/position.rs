//! Where in an input something was found: the one position every parse error carries.

use std::fmt;

/// A place in the input of a reader: line, column, byte offset, record number and JSON
/// path, each known or not.
///
/// Every parse error of every communique format says where it happened with one of
/// these, so a caller reports positions the same way whatever the format. Which parts a
/// position holds depends on what the reader knows:
///
/// - **line**: 1-based line of the input (for a folder of CSV tables, of the table the
///   error names).
/// - **column**: 1-based column in that line, counted in Unicode code points (a tab
///   counts one).
/// - **byte offset**: 0-based offset in bytes from the start of the input (or table).
/// - **record**: 1-based number of the record (statement) in the input being read when
///   it happened: the n-th statement of a collection, the n-th non-blank line of JSON
///   Lines.
/// - **JSON path**: JSONPath of the value at fault, as [`Statement::validate`] names
///   fields (`$.paragraphs[2].kind`); for JSON-LD, from the document root
///   (`$['@graph'][0].hasPart[1].text`).
///
/// ```
/// use communique_model::TextPosition;
/// let text = "{\"id\": \"a\",\n \"kind\": \"mémo\"}";
/// // Byte 26 is the "o" that ends "mémo": line 2, code point 14 of that line ("é" takes
/// // two bytes).
/// let position = TextPosition::from_byte_offset(text.as_bytes(), 26).with_json_path("$.kind");
/// assert_eq!((position.line(), position.column(), position.byte_offset()), (Some(2), Some(14), Some(26)));
/// assert_eq!(position.to_string(), "line 2, column 14, at $.kind");
/// assert_eq!(TextPosition::default().with_record(3).to_string(), "record 3");
/// ```
///
/// [`Statement::validate`]: crate::Statement::validate
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TextPosition {
    // Line, column and record count from 1, so 0 stands for "not known": a position is
    // made for every record read, and kept small.
    line: u64,
    column: u64,
    record: u64,
    byte_offset: Option<u64>,
    json_path: Option<Box<str>>,
}

/// `Some(n)` for a known 1-based number, stored as `n`; `None` stored as 0.
fn known(number: u64) -> Option<u64> {
    (number > 0).then_some(number)
}

impl TextPosition {
    /// The position of byte `offset` of `input`: its line, its column in code points and
    /// the offset itself. An offset past the end counts as the end.
    #[must_use]
    pub fn from_byte_offset(input: &[u8], offset: u64) -> Self {
        let end = usize::try_from(offset).unwrap_or(usize::MAX).min(input.len());
        let before = &input[..end];
        let line_start = memrchr_newline(before).map_or(0, |newline| newline + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let column = code_points(&before[line_start..]) + 1;
        Self { line, column, byte_offset: Some(end as u64), ..Self::default() }
    }

    /// The position of the byte a JSON parser such as serde_json names by a 1-based
    /// `line` and a `byte_column` counted in bytes from the start of that line (the
    /// byte just read when the error was found): the same line, the column in code
    /// points, and the byte offset in `input`. Lines past the end count as the end.
    #[must_use]
    pub fn from_line_and_byte_column(input: &[u8], line: u64, byte_column: u64) -> Self {
        let mut start = 0usize;
        for _ in 1..line {
            match input[start..].iter().position(|&b| b == b'\n') {
                Some(newline) => start += newline + 1,
                None => {
                    start = input.len();
                    break;
                }
            }
        }
        let column = usize::try_from(byte_column).unwrap_or(usize::MAX);
        let offset = start.saturating_add(column.saturating_sub(1)).min(input.len());
        let column = code_points(&input[start.min(offset)..offset]) + 1;
        Self { line: line.max(1), column, byte_offset: Some(offset as u64), ..Self::default() }
    }

    /// This position with the 1-based `line` (0 leaves it unknown).
    #[must_use]
    pub fn with_line(mut self, line: u64) -> Self {
        self.line = line;
        self
    }

    /// This position with the 1-based `column`, in code points (0 leaves it unknown).
    #[must_use]
    pub fn with_column(mut self, column: u64) -> Self {
        self.column = column;
        self
    }

    /// This position with the 0-based byte offset `offset`.
    #[must_use]
    pub fn with_byte_offset(mut self, offset: u64) -> Self {
        self.byte_offset = Some(offset);
        self
    }

    /// This position with the 1-based record number `record` (0 leaves it unknown).
    #[must_use]
    pub fn with_record(mut self, record: u64) -> Self {
        self.record = record;
        self
    }

    /// This position with the JSONPath `path` of the value at fault.
    #[must_use]
    pub fn with_json_path(mut self, path: impl Into<String>) -> Self {
        self.json_path = Some(path.into().into_boxed_str());
        self
    }

    /// This position moved to start at `base`: lines, byte offsets and the record
    /// number come from `base` where this one has none, and a line or offset this one
    /// has counts from `base`'s (line 1 here is `base`'s line; a column is kept as it
    /// is). For errors found in one line or record of a larger input.
    #[must_use]
    pub fn relative_to(mut self, base: &TextPosition) -> Self {
        self.line = match (self.line, base.line) {
            (0, first) => first,
            (line, 0) => line,
            (line, first) => first + line - 1,
        };
        self.byte_offset = match (self.byte_offset, base.byte_offset) {
            (Some(offset), Some(start)) => Some(start + offset),
            (offset, start) => offset.or(start),
        };
        if self.record == 0 {
            self.record = base.record;
        }
        self
    }

    /// 1-based line, when known.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        known(self.line)
    }

    /// 1-based column in the line, counted in Unicode code points, when known.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        known(self.column)
    }

    /// 0-based offset in bytes from the start of the input, when known.
    #[must_use]
    pub fn byte_offset(&self) -> Option<u64> {
        self.byte_offset
    }

    /// 1-based number of the record being read, when known.
    #[must_use]
    pub fn record(&self) -> Option<u64> {
        known(self.record)
    }

    /// JSONPath of the value at fault, when known.
    #[must_use]
    pub fn json_path(&self) -> Option<&str> {
        self.json_path.as_deref()
    }

    /// True when no part is known.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        *self == Self::default()
    }
}

/// `line L, column C` (or `record R` when no line is known), then `at PATH`; the parts
/// not known are left out, and so is the byte offset.
impl fmt::Display for TextPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::with_capacity(3);
        match (self.line(), self.record()) {
            (Some(line), _) => {
                parts.push(format!("line {line}"));
                if let Some(column) = self.column() {
                    parts.push(format!("column {column}"));
                }
            }
            (None, Some(record)) => parts.push(format!("record {record}")),
            (None, None) => {}
        }
        if let Some(path) = &self.json_path {
            parts.push(format!("at {path}"));
        }
        f.write_str(&parts.join(", "))
    }
}

fn memrchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().rposition(|&b| b == b'\n')
}

/// Code points in `bytes`: the bytes that do not continue a UTF-8 sequence.
fn code_points(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

#[cfg(test)]
mod tests {
    use super::TextPosition;

    #[test]
    fn byte_offsets_become_lines_and_code_point_columns() {
        let text = "ab\nМир 🕊 x\n\nend".as_bytes();
        for (offset, line, column) in [(0, 1, 1), (2, 1, 3), (3, 2, 1), (10, 2, 5), (15, 2, 7), (17, 3, 1)] {
            let position = TextPosition::from_byte_offset(text, offset);
            assert_eq!((position.line(), position.column()), (Some(line), Some(column)), "byte {offset}");
        }
        // Past the end: the end (line 4, after "end").
        let end = TextPosition::from_byte_offset(text, 99);
        assert_eq!((end.line(), end.column(), end.byte_offset()), (Some(4), Some(4), Some(21)));
    }

    #[test]
    fn serde_json_line_and_byte_column() {
        // serde_json names the byte just read: on line 2 (from byte 9), byte column 10 is
        // the "x" at byte 18, code point 9 of the line ("é" takes two bytes).
        let text = "{\"a\": 1,\n\"é\": 2, x}".as_bytes();
        let position = TextPosition::from_line_and_byte_column(text, 2, 10);
        assert_eq!(
            (position.line(), position.column(), position.byte_offset()),
            (Some(2), Some(9), Some(18))
        );
        // A line past the end, and column 0, stay in the input.
        let past = TextPosition::from_line_and_byte_column(text, 7, 0);
        assert_eq!(past.byte_offset(), Some(text.len() as u64));
    }

    #[test]
    fn relative_positions_count_from_their_base() {
        let base = TextPosition::default().with_line(12).with_byte_offset(400).with_record(5);
        let inner =
            TextPosition::default().with_line(1).with_column(9).with_byte_offset(8).with_json_path("$.kind");
        let moved = inner.relative_to(&base);
        assert_eq!(moved.line(), Some(12));
        assert_eq!(moved.column(), Some(9));
        assert_eq!(moved.byte_offset(), Some(408));
        assert_eq!(moved.record(), Some(5));
        assert_eq!(moved.to_string(), "line 12, column 9, at $.kind");
        assert!(TextPosition::default().is_unknown());
    }
}
