//! The JSON Lines reader: one statement a line, streamed.

use super::{JsonParseError, JsonSyntaxError, parse};
use crate::{Statement, TextPosition};
use std::collections::VecDeque;
use std::io::{self, BufRead};
use std::ops::Range;
use std::sync::Arc;

/// Reads statements from JSON Lines (one compact or pretty-free JSON record a line, UTF-8),
/// the model's own serde form; [`JsonLinesParser::for_reader`] streams them.
///
/// Lines of white space only (as [`str::trim`] sees it) are skipped. A line ends at LF; a
/// CR before it is not part of the record. Reading goes on after a malformed line, so a
/// caller can report every bad record of a corpus; an I/O error ends the stream.
///
/// ```
/// use communique_model::json::JsonLinesParser;
/// let input = "{\"id\":\"a\",\"kind\":\"other\"}\n\n{\"id\":\"b\",\"kind\":\"nope\"}\n";
/// let results: Vec<_> = JsonLinesParser::default().for_reader(input.as_bytes()).collect();
/// assert_eq!(results[0].as_ref().unwrap().id, "a");
/// let communique_model::json::JsonParseError::Syntax(error) = results[1].as_ref().unwrap_err() else { panic!() };
/// // Line 3 (from byte 27) is the second record; serde_json stops at the quote that
/// // closes "nope" (column 23).
/// let position = error.position();
/// assert_eq!((position.line(), position.record(), position.json_path()), (Some(3), Some(2), Some("$.kind")));
/// assert_eq!((position.column(), position.byte_offset()), (Some(23), Some(49)));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct JsonLinesParser {}

impl JsonLinesParser {
    /// An iterator over the statements of the JSON Lines in `reader`, in order.
    ///
    /// Whole lines are read into blocks of about 256 KiB that are used again once no
    /// [`UnparsedJsonLine`] holds them, so reading costs a few allocations per block
    /// rather than one per line, and memory does not grow with the input.
    pub fn for_reader<R: BufRead>(self, reader: R) -> ReaderJsonLinesParser<R> {
        ReaderJsonLinesParser {
            reader,
            read: 0,
            line: 0,
            records: 0,
            done: false,
            queued: VecDeque::new(),
            recent: Vec::new(),
        }
    }
}

/// Bytes of JSON Lines read at a time: whole lines are read into blocks of at least this
/// size, so that reading costs one allocation and a few system calls per block rather
/// than an allocation per line (which also kept the allocator returning memory to the
/// system and faulting it back in).
const BLOCK: usize = 256 * 1024;

/// Blocks kept for reuse: enough for the records a caller typically holds unparsed (a
/// few batches read ahead and being parsed).
const RECYCLED_BLOCKS: usize = 8;

/// The largest block kept for reuse, in bytes of capacity. A block that grew past it to
/// hold a long line is freed as soon as its lines are, so a huge record's bytes do not
/// stay in memory once it is parsed.
const RECYCLED_CAPACITY: usize = 4 * BLOCK;

/// U+FEFF in UTF-8.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// The statements of a JSON Lines input; made by [`JsonLinesParser::for_reader`].
///
/// Yields each statement in order, or the error of its line. Reading and parsing can
/// also be split, to parse on many threads: [`ReaderJsonLinesParser::next_unparsed`]
/// hands out each record's line unparsed, and [`UnparsedJsonLine::parse`] parses it
/// anywhere; `next` is exactly the two in turn.
#[derive(Debug)]
#[must_use]
pub struct ReaderJsonLinesParser<R> {
    reader: R,
    /// Bytes read so far.
    read: u64,
    /// Lines read so far.
    line: u64,
    /// Non-blank lines read so far.
    records: u64,
    done: bool,
    /// Lines of the block read last, not yet handed out, or the error that ended it.
    queued: VecDeque<Result<UnparsedJsonLine, JsonParseError>>,
    /// Blocks handed out lately: one that no line holds any more is read into again.
    recent: Vec<Arc<Vec<u8>>>,
}

/// The reader of JSON Lines before it took the shape of the format crates.
#[deprecated(note = "use JsonLinesParser::default().for_reader(reader)")]
pub type JsonLinesReader<R> = ReaderJsonLinesParser<R>;

impl<R: BufRead> ReaderJsonLinesParser<R> {
    /// A reader over `reader`.
    #[deprecated(note = "use JsonLinesParser::default().for_reader(reader)")]
    pub fn new(reader: R) -> Self {
        JsonLinesParser::default().for_reader(reader)
    }

    /// Number of lines read so far (blank ones included), which may run ahead of the
    /// records handed out: lines are read a block at a time.
    #[must_use]
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The next record's line, not yet parsed, or the I/O error that ends the input.
    ///
    /// An [`UnparsedJsonLine`] owns (a share of) its bytes and is `Send + Sync`, so the
    /// costly part, [`UnparsedJsonLine::parse`], can run on another thread while this
    /// reader goes on; records come out in input order.
    pub fn next_unparsed(&mut self) -> Option<Result<UnparsedJsonLine, JsonParseError>> {
        while self.queued.is_empty() && !self.done {
            self.read_block();
        }
        self.queued.pop_front()
    }

    /// Reads whole lines until the block holds [`BLOCK`] bytes or the input ends, and
    /// queues the lines that are not blank.
    fn read_block(&mut self) {
        let mut block = self.recycled().unwrap_or_else(|| Vec::with_capacity(BLOCK + BLOCK / 4));
        let mut lines = Vec::new();
        while !self.done && block.len() < BLOCK {
            let start = block.len();
            match self.reader.read_until(b'\n', &mut block) {
                Ok(0) => self.done = true,
                Ok(read) => {
                    let mut offset = self.read;
                    self.read += read as u64;
                    self.line += 1;
                    // A byte order mark at the start of the input is no part of the
                    // first record (RFC 8259 §8.1 lets a parser ignore one).
                    let start = if offset == 0 && block[start..].starts_with(BYTE_ORDER_MARK) {
                        offset += BYTE_ORDER_MARK.len() as u64;
                        start + BYTE_ORDER_MARK.len()
                    } else {
                        start
                    };
                    let mut end = block.len();
                    while end > start && matches!(block[end - 1], b'\n' | b'\r') {
                        end -= 1;
                    }
                    if !is_blank(&block[start..end]) {
                        self.records += 1;
                        let position = TextPosition::default()
                            .with_line(self.line)
                            .with_byte_offset(offset)
                            .with_record(self.records);
                        lines.push((position, start..end));
                    }
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    self.done = true;
                    block.truncate(start);
                    self.queue(block, lines);
                    self.queued.push_back(Err(error.into()));
                    return;
                }
            }
        }
        self.queue(block, lines);
    }

    /// An emptied block that no line holds any more, if there is one.
    fn recycled(&mut self) -> Option<Vec<u8>> {
        let free = self.recent.iter_mut().position(|block| Arc::get_mut(block).is_some())?;
        let mut block = Arc::try_unwrap(self.recent.swap_remove(free)).ok()?;
        block.clear();
        Some(block)
    }

    fn queue(&mut self, block: Vec<u8>, lines: Vec<(TextPosition, Range<usize>)>) {
        let block = Arc::new(block);
        if self.recent.len() < RECYCLED_BLOCKS && block.capacity() <= RECYCLED_CAPACITY {
            self.recent.push(block.clone());
        }
        for (position, range) in lines {
            self.queued.push_back(Ok(UnparsedJsonLine { block: block.clone(), range, position }));
        }
    }
}

impl<R: BufRead> Iterator for ReaderJsonLinesParser<R> {
    type Item = Result<Statement, JsonParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(self.next_unparsed()?.and_then(|line| Ok(line.parse()?)))
    }
}

/// True for a line of white space only as `str::trim` sees it: checked on the bytes for
/// the white space `trim_ascii` knows, and on the text when what is left starts with a
/// byte that may begin other white space (U+000B, or a non-ASCII code point such as
/// U+00A0).
fn is_blank(line: &[u8]) -> bool {
    let rest = line.trim_ascii();
    rest.is_empty()
        || ((rest[0] >= 0x80 || rest[0] == 0x0B)
            && std::str::from_utf8(rest).is_ok_and(|text| text.trim().is_empty()))
}

/// One record of JSON Lines as read, not yet parsed; made by
/// [`ReaderJsonLinesParser::next_unparsed`].
///
/// Holds a share of the block of lines it was read with (no copy), and its position:
/// line, byte offset of its first byte, and record number.
#[derive(Debug, Clone)]
pub struct UnparsedJsonLine {
    block: Arc<Vec<u8>>,
    range: Range<usize>,
    position: TextPosition,
}

impl UnparsedJsonLine {
    /// The line's bytes, without its line break (not yet checked as UTF-8).
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.block[self.range.clone()]
    }

    /// Where the record starts: line, byte offset and record number.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.position
    }

    /// Reads the statement on this line.
    ///
    /// # Errors
    ///
    /// [`JsonSyntaxError`] with the line, column, byte offset, record and JSONPath of
    /// the fault; bytes that are not UTF-8 are named by their 1-based byte in the line.
    /// The record is not [validated](Statement::validate): call that too.
    pub fn parse(&self) -> Result<Statement, JsonSyntaxError> {
        let text = std::str::from_utf8(self.as_bytes()).map_err(|error| {
            let at = error.valid_up_to();
            let position = self.position.clone().with_byte_offset(self.start_offset() + at as u64);
            JsonSyntaxError::new(position, format!("invalid UTF-8 at byte {} of the line", at + 1))
        })?;
        parse(text).map_err(|error| error.relative_to(&self.position))
    }

    /// Every way the line's JSON fails the statement schema, as
    /// [`SchemaValidator::errors`](crate::schema::SchemaValidator::errors) finds them.
    ///
    /// # Errors
    ///
    /// [`JsonSyntaxError`] when the line is not JSON (or not UTF-8), located in the input.
    #[cfg(feature = "schema-validation")]
    pub fn check_schema(
        &self,
        validator: &crate::schema::SchemaValidator,
    ) -> Result<Vec<crate::schema::SchemaError>, JsonSyntaxError> {
        let value = super::parse_value(self.as_bytes(), &self.position)?;
        Ok(validator.errors(&value))
    }

    fn start_offset(&self) -> u64 {
        self.position.byte_offset().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_white_space_as_trim_sees_it() {
        for line in ["", " \t", "\u{a0}", "\u{b}", " \u{2003} "] {
            assert!(is_blank(line.as_bytes()), "{line:?}");
        }
        for line in ["x", " {}", "\u{a0}x", "\u{b}1"] {
            assert!(!is_blank(line.as_bytes()), "{line:?}");
        }
        assert!(!is_blank(b"\x80"), "bytes that are not UTF-8 are a record, and an error");
    }

    #[test]
    fn lines_keep_their_positions_across_blocks() {
        // Records long enough that the input spans several blocks.
        let record = format!("{{\"id\":\"{}\",\"kind\":\"other\"}}", "x".repeat(100_000));
        let mut input = String::new();
        for n in 0..8 {
            input.push_str(&record.replace("\"x", &format!("\"{n}")));
            input.push_str(if n % 2 == 0 { "\r\n\n" } else { "\n" });
        }
        let mut reader = JsonLinesParser::default().for_reader(input.as_bytes());
        let mut offsets = Vec::new();
        while let Some(line) = reader.next_unparsed() {
            let line = line.unwrap();
            let statement = line.parse().unwrap();
            assert!(statement.id.starts_with(&(offsets.len()).to_string()));
            let position = line.position();
            offsets.push((
                position.line().unwrap(),
                position.record().unwrap(),
                position.byte_offset().unwrap(),
            ));
        }
        // Each record is 100,024 bytes; even records are followed by CRLF and a blank line.
        let len = record.len() as u64;
        assert_eq!(len, 7 + 100_000 + 17);
        let mut expected = Vec::new();
        let (mut line, mut offset) = (1, 0);
        for n in 0..8u64 {
            expected.push((line, n + 1, offset));
            if n % 2 == 0 {
                line += 2;
                offset += len + 3;
            } else {
                line += 1;
                offset += len + 1;
            }
        }
        assert_eq!(offsets, expected);
    }
}
