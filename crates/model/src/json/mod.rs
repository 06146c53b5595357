//! JSON and JSON Lines: the model's own serde form.
//!
//! One statement is one JSON document ([`from_str`], [`to_string_pretty`], …); a corpus is
//! JSON Lines, one statement a line, read and written as a stream so that memory does not
//! grow with the corpus, in the shape every communique format crate has:
//! [`JsonLinesSerializer`] and [`JsonLinesParser`]. Deserialisation rejects unknown fields
//! and dates that do not exist, and every error says where: a [`TextPosition`] with line,
//! column, byte offset, record and the JSONPath of the value at fault.
//!
//! ```
//! use communique_model::Statement;
//! use communique_model::json::{JsonLinesParser, JsonLinesSerializer};
//!
//! let statements = [
//!     Statement::builder().id("a").body("We stand united.").build()?,
//!     Statement::builder().id("b").body("We will meet again.").build()?,
//! ];
//! let mut writer = JsonLinesSerializer::default().for_writer(Vec::new());
//! for statement in &statements {
//!     writer.serialize_statement(statement)?;
//! }
//! let bytes = writer.finish()?;
//! let back: Vec<Statement> = JsonLinesParser::default().for_reader(bytes.as_slice()).collect::<Result<_, _>>()?;
//! assert_eq!(back, statements);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod reader;
mod writer;

pub use error::{JsonParseError, JsonSyntaxError};
#[allow(deprecated)]
pub use reader::JsonLinesReader;
pub use reader::{JsonLinesParser, ReaderJsonLinesParser, UnparsedJsonLine};
#[allow(deprecated)]
pub use writer::JsonLinesWriter;
pub use writer::{JsonLinesSerializer, PreparedStatement, WriterJsonLinesSerializer};

use crate::{Statement, TextPosition};
use std::io::{self, Write};

/// The error type of this module before it took the shape of the format crates.
#[deprecated(note = "use JsonParseError (readers) or JsonSyntaxError (from_str, from_slice)")]
pub type JsonError = JsonParseError;

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

/// serde_json appends " at line L column C" to its messages; the position says that.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// The position of a serde_json error in `text`, with the JSONPath `path`.
fn located(text: &str, error: &serde_json::Error, path: Option<String>) -> JsonSyntaxError {
    let mut position =
        TextPosition::from_line_and_byte_column(text.as_bytes(), error.line() as u64, error.column() as u64);
    if let Some(path) = path {
        position = position.with_json_path(path);
    }
    JsonSyntaxError::new(position, strip_position(&error.to_string()))
}

/// Reads one statement from `text`; positions count from its start.
fn parse(text: &str) -> Result<Statement, JsonSyntaxError> {
    // Fast path: most records are well-formed, and tracking the path of every value costs
    // about half the time of reading. Only a failing record is read again, with paths.
    if let Ok(statement) = serde_json::from_str::<Statement>(text) {
        return Ok(statement);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let statement: Statement = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = to_json_path(error.path());
        located(text, error.inner(), Some(path))
    })?;
    deserializer.end().map_err(|error| located(text, &error, Some("$".to_owned())))?;
    Ok(statement)
}

/// `bytes` as text, without a leading byte order mark (RFC 8259 §8.1 lets a parser ignore
/// one; editors on Windows add one), or where it stops being UTF-8.
fn text_of(bytes: &[u8]) -> Result<&str, JsonSyntaxError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let position = TextPosition::from_byte_offset(bytes, error.valid_up_to() as u64);
        JsonSyntaxError::new(position, format!("invalid UTF-8 at byte offset {}", error.valid_up_to()))
    })
}

/// Reads one statement from a JSON document.
///
/// # Errors
///
/// [`JsonSyntaxError`] with line, column, byte offset and JSONPath when the text is not
/// JSON, has an unknown field, a wrong type, or a date that does not exist. The record is
/// not [validated](Statement::validate): call that too.
pub fn from_str(text: &str) -> Result<Statement, JsonSyntaxError> {
    parse(text)
}

/// Reads one statement from JSON bytes (UTF-8, a leading byte order mark ignored).
///
/// # Errors
///
/// As [`from_str`]; invalid UTF-8 is reported with the line and column where it starts.
pub fn from_slice(bytes: &[u8]) -> Result<Statement, JsonSyntaxError> {
    parse(text_of(bytes)?)
}

/// Reads one statement from a reader holding one JSON document.
///
/// # Errors
///
/// As [`from_slice`] ([`JsonParseError::Syntax`]), or the I/O error of the reader
/// ([`JsonParseError::Io`]).
pub fn from_reader(mut reader: impl io::Read) -> Result<Statement, JsonParseError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(from_slice(&bytes)?)
}

/// Reads the statement on line `line` (1-based) of a JSON Lines file: errors carry that
/// line number.
///
/// # Errors
///
/// As [`from_str`], with `line` as the error's line.
#[deprecated(note = "read JSON Lines with JsonLinesParser; ReaderJsonLinesParser::next_unparsed and \
                     UnparsedJsonLine::parse split reading from parsing")]
pub fn from_line(text: &str, line: usize) -> Result<Statement, JsonParseError> {
    let base = TextPosition::default().with_line(line as u64);
    Ok(parse(text.trim_end_matches(['\n', '\r'])).map_err(|e| e.relative_to(&base))?)
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

/// Writes the canonical pretty form of [`to_string_pretty`], formatted straight into
/// `writer` (the whole text is never held in memory): the same bytes, final newline
/// included.
///
/// # Errors
///
/// The writer's I/O error.
pub fn to_writer_pretty(mut writer: impl Write, statement: &Statement) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut writer, statement)?;
    writer.write_all(b"\n")
}

/// `bytes` read as one JSON value, for checking against the JSON Schema: a leading byte
/// order mark ignored, errors located in `bytes` and then moved to `base`.
#[cfg(feature = "schema-validation")]
pub(crate) fn parse_value(bytes: &[u8], base: &TextPosition) -> Result<serde_json::Value, JsonSyntaxError> {
    let text = text_of(bytes).map_err(|e| e.relative_to(base))?;
    serde_json::from_str(text).map_err(|error| located(text, &error, None).relative_to(base))
}
