//! JSON and JSON Lines: the model's own serde form.
//!
//! One statement is one JSON document; a corpus is JSON Lines (one statement a line),
//! read and written as a stream so that memory does not grow with the corpus.
//! Deserialisation rejects unknown fields and dates that do not exist, and every error
//! says where: line and column in the input and the JSONPath of the value at fault.

use crate::Statement;
use std::fmt;
use std::io::{self, BufRead, Write};

/// A JSON document or JSON Lines record that is not a well-formed statement.
#[derive(Debug, thiserror::Error)]
pub struct JsonError {
    /// 1-based line in the input (for JSON Lines, the line of the record).
    pub line: usize,
    /// 1-based column in the line (0 when unknown).
    pub column: usize,
    /// JSONPath of the value at fault (`$.paragraphs[0].kind`), `$` for the record.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The I/O failure, when reading failed rather than parsing.
    #[source]
    pub io: Option<io::Error>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}, at {}: {}", self.line, self.column, self.path, self.message)
    }
}

impl From<JsonError> for io::Error {
    fn from(error: JsonError) -> Self {
        match error.io {
            Some(io) => io,
            None => io::Error::new(io::ErrorKind::InvalidData, error),
        }
    }
}

fn to_json_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => {
                out.push('.');
                out.push_str(key);
            }
            serde_path_to_error::Segment::Enum { variant } => {
                out.push('.');
                out.push_str(variant);
            }
            serde_path_to_error::Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

fn parse(text: &str, line_offset: usize) -> Result<Statement, JsonError> {
    let located = |error: serde_json::Error, path: String| JsonError {
        line: error.line() + line_offset,
        column: error.column(),
        path,
        message: strip_position(&error.to_string()),
        io: None,
    };
    // Fast path: most records are well-formed, and tracking the path of every value costs
    // about half the time of reading. Only a failing record is read again, with paths.
    if let Ok(statement) = serde_json::from_str::<Statement>(text) {
        return Ok(statement);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let statement: Statement = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = to_json_path(error.path());
        located(error.into_inner(), path)
    })?;
    deserializer.end().map_err(|error| located(error, "$".to_owned()))?;
    Ok(statement)
}

/// serde_json appends " at line L column C"; the error carries those as fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Reads one statement from a JSON document.
///
/// # Errors
///
/// [`JsonError`] with line, column and JSONPath when the text is not JSON, has an
/// unknown field, a wrong type, or a date that does not exist. The record is not
/// [validated](Statement::validate): call that too.
pub fn from_str(text: &str) -> Result<Statement, JsonError> {
    parse(text, 0)
}

/// Reads one statement from JSON bytes (UTF-8, a leading byte order mark ignored).
///
/// # Errors
///
/// As [`from_str`]; invalid UTF-8 is reported with the line and column where it starts.
pub fn from_slice(bytes: &[u8]) -> Result<Statement, JsonError> {
    // RFC 8259 §8.1 lets a parser ignore a byte order mark; editors on Windows add one.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => from_str(text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            Err(JsonError {
                line,
                column,
                path: "$".into(),
                message: format!("invalid UTF-8 at byte offset {}", error.valid_up_to()),
                io: None,
            })
        }
    }
}

/// Reads one statement from a reader holding one JSON document.
///
/// # Errors
///
/// As [`from_slice`], or the I/O error of the reader.
pub fn from_reader(mut reader: impl io::Read) -> Result<Statement, JsonError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|io| JsonError {
        line: 0,
        column: 0,
        path: "$".into(),
        message: format!("read failed: {io}"),
        io: Some(io),
    })?;
    from_slice(&bytes)
}

/// Reads the statement on line `line` (1-based) of a JSON Lines file: errors carry that
/// line number. For readers that split the lines themselves (to parse them in parallel).
///
/// # Errors
///
/// As [`from_str`], with `line` as the error's line.
pub fn from_line(text: &str, line: usize) -> Result<Statement, JsonError> {
    parse(text.trim_end_matches(['\n', '\r']), line.saturating_sub(1))
}

/// The statement as pretty JSON (two-space indent, fields in model order, absent and
/// empty optional fields omitted) with a final newline: the canonical single-document
/// form, byte-identical for equal records.
#[must_use]
pub fn to_string_pretty(statement: &Statement) -> String {
    let mut text = serde_json::to_string_pretty(statement).expect("a Statement always serialises");
    text.push('\n');
    text
}

/// The statement as one line of compact JSON, without the newline.
#[must_use]
pub fn to_string_line(statement: &Statement) -> String {
    serde_json::to_string(statement).expect("a Statement always serialises")
}

/// Writes the canonical pretty form of [`to_string_pretty`].
///
/// # Errors
///
/// The writer's I/O error.
pub fn to_writer_pretty(mut writer: impl Write, statement: &Statement) -> io::Result<()> {
    writer.write_all(to_string_pretty(statement).as_bytes())
}

/// Streams statements out of JSON Lines, one a line; blank lines are skipped.
///
/// Each item is the statement on the next non-blank line, or an error carrying that
/// line's number. Reading goes on after a malformed line, so a caller can report every
/// bad record of a corpus; an I/O error ends the stream.
///
/// ```
/// use communique_model::json::JsonLinesReader;
/// let input = "{\"id\":\"a\",\"kind\":\"other\"}\n\n{\"id\":\"b\",\"kind\":\"nope\"}\n";
/// let results: Vec<_> = JsonLinesReader::new(input.as_bytes()).collect();
/// assert_eq!(results[0].as_ref().unwrap().id, "a");
/// let error = results[1].as_ref().unwrap_err();
/// assert_eq!((error.line, error.path.as_str()), (3, "$.kind"));
/// ```
#[derive(Debug)]
pub struct JsonLinesReader<R> {
    reader: R,
    line: usize,
    buffer: String,
    failed: bool,
}

impl<R: BufRead> JsonLinesReader<R> {
    /// A reader over `reader`.
    pub fn new(reader: R) -> Self {
        Self { reader, line: 0, buffer: String::new(), failed: false }
    }

    /// Number of lines read so far.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Result<Statement, JsonError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            self.buffer.clear();
            match self.reader.read_line(&mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {
                    self.line += 1;
                    let text = self.buffer.trim_end_matches(['\n', '\r']);
                    if text.trim().is_empty() {
                        continue;
                    }
                    return Some(parse(text, self.line - 1));
                }
                Err(io) => {
                    // Invalid UTF-8 consumes its line, so the stream can go on; any
                    // other read error ends it.
                    self.failed = io.kind() != io::ErrorKind::InvalidData;
                    self.line += 1;
                    let message = if io.kind() == io::ErrorKind::InvalidData {
                        "invalid UTF-8 in this line".to_owned()
                    } else {
                        format!("read failed: {io}")
                    };
                    return Some(Err(JsonError {
                        line: self.line,
                        column: 0,
                        path: "$".into(),
                        message,
                        io: Some(io),
                    }));
                }
            }
        }
    }
}

/// One JSON Lines record formatted by [`JsonLinesWriter::prepare`], newline included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement(String);

impl PreparedStatement {
    /// The line, newline included.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Writes statements as JSON Lines, one compact record a line.
#[derive(Debug)]
pub struct JsonLinesWriter<W: Write> {
    writer: W,
}

impl<W: Write> JsonLinesWriter<W> {
    /// A writer into `writer` (wrap files in a `BufWriter`).
    pub fn new(writer: W) -> Self {
        Self { writer }
    }

    /// Formats one record as its line (newline included) without writing it: pure, so
    /// many records can be prepared on many threads and written in order with
    /// [`JsonLinesWriter::write_prepared`].
    #[must_use]
    pub fn prepare(statement: &Statement) -> PreparedStatement {
        let mut line = to_string_line(statement);
        line.push('\n');
        PreparedStatement(line)
    }

    /// Writes a record made by [`JsonLinesWriter::prepare`].
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        self.writer.write_all(prepared.0.as_bytes())
    }

    /// Appends one record and its newline.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        serde_json::to_writer(&mut self.writer, statement)?;
        self.writer.write_all(b"\n")
    }

    /// Flushes and returns the inner writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn finish(mut self) -> io::Result<W> {
        self.writer.flush()?;
        Ok(self.writer)
    }
}
