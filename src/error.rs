//! Errors of reading and writing statements in any format.

use crate::Format;
use communique_akn::{AknParseError, AknSerializeError, AknSyntaxError};
use communique_csv::{CsvParseError, CsvSerializeError, CsvSyntaxError};
use communique_jsonld::{JsonLdParseError, JsonLdSyntaxError};
use communique_model::TextPosition;
use communique_model::json::{JsonParseError, JsonSyntaxError};
use communique_parquet::{ParquetParseError, ParquetSerializeError, ParquetSyntaxError};
use communique_tei::{TeiParseError, TeiSerializeError, TeiSyntaxError};
use communique_xml::{XmlParseError, XmlSerializeError, XmlSyntaxError};
use std::borrow::Cow;
use std::fmt;
use std::io;

/// Why statements could not be read, whatever the format.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StatementParseError {
    /// Opening or reading the input failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not a statement (or collection of statements) in its format.
    #[error(transparent)]
    Syntax(#[from] StatementSyntaxError),
}

impl From<StatementParseError> for io::Error {
    fn from(error: StatementParseError) -> Self {
        match error {
            StatementParseError::Io(error) => error,
            StatementParseError::Syntax(error) => io::Error::new(io::ErrorKind::InvalidData, error),
        }
    }
}

/// An input that is not a statement in its format, and where: the syntax error of the
/// format crate, behind one face.
///
/// [`position`](Self::position) is the [`TextPosition`] every format crate gives (line,
/// column in code points, byte offset, record, JSONPath, as far as known);
/// [`file`](Self::file) names the file inside a folder input (the CSV or Parquet table)
/// the line and byte offset, or the row, are counted in. [`Display`](fmt::Display) is the format crate's own text,
/// position included; [`message`](Self::message) says what is wrong without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementSyntaxError(Syntax);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Syntax {
    Json(JsonSyntaxError),
    Csv(CsvSyntaxError),
    Xml(XmlSyntaxError),
    JsonLd(JsonLdSyntaxError),
    Akn(AknSyntaxError),
    Tei(TeiSyntaxError),
    Parquet(ParquetSyntaxError),
    /// A text, Markdown or HTML input ingest could not make a statement of, and where
    /// (a record of a WARC file; unknown for a whole input).
    Ingest(String, TextPosition),
    /// A WARC file that cannot be read: a malformed record, a digest that does not match
    /// the bytes; the position has the record number and its byte offset.
    /// (What is wrong, the reader's whole text with the position, the position.)
    Warc(String, String, TextPosition),
    /// A request the chosen format cannot serve (a CSV folder asked for as a stream).
    Other(String),
}

/// The empty position, for errors that have none.
static NOWHERE: std::sync::LazyLock<TextPosition> = std::sync::LazyLock::new(TextPosition::default);

impl StatementSyntaxError {
    pub(crate) fn ingest(message: String, position: TextPosition) -> Self {
        Self(Syntax::Ingest(message, position))
    }

    pub(crate) fn warc(error: communique_html::Error) -> Self {
        let mut position = TextPosition::default();
        if let Some(record) = error.record() {
            position = position.with_record(record);
        }
        if let Some(offset) = error.offset() {
            position = position.with_byte_offset(offset);
        }
        Self(Syntax::Warc(error.kind().to_string(), error.to_string(), position))
    }

    pub(crate) fn other(message: String) -> Self {
        Self(Syntax::Other(message))
    }

    /// Where the fault is: for a WARC file the record (from 1) and its byte offset (of
    /// its gzip member in a `.warc.gz`); [unknown](TextPosition::is_unknown) when the
    /// input as a whole is at fault (a text ingest could not make a statement of).
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        match &self.0 {
            Syntax::Json(error) => error.position(),
            Syntax::Csv(error) => error.position(),
            Syntax::Xml(error) => error.position(),
            Syntax::JsonLd(error) => error.position(),
            Syntax::Akn(error) => error.position(),
            Syntax::Tei(error) => error.position(),
            Syntax::Parquet(error) => error.position(),
            Syntax::Ingest(_, position) | Syntax::Warc(_, _, position) => position,
            Syntax::Other(_) => &NOWHERE,
        }
    }

    /// The file inside a folder input that the position's line and byte offset count in
    /// (`commitments.csv` of a CSV folder), or the table file of a Parquet folder;
    /// `None` for an input that is one file.
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        match &self.0 {
            Syntax::Csv(error) => Some(error.file()),
            Syntax::Parquet(error) => Some(error.file()),
            _ => None,
        }
    }

    /// What is wrong, without the position; for CSV with the column when one cell is at
    /// fault (`column 8 (kind): …`), for XML, Akoma Ntoso and TEI with the element path
    /// when there is one (`at /statements/statement[2]/commitment[1]: …`), for Parquet
    /// with the row and column (`row 4, column kind: …`), as none of them is part of a
    /// [`TextPosition`].
    #[must_use]
    pub fn message(&self) -> Cow<'_, str> {
        match &self.0 {
            Syntax::Json(error) => error.message().into(),
            Syntax::Csv(error) => match (error.column(), error.column_name()) {
                (Some(index), Some(name)) => format!("column {index} ({name}): {}", error.message()).into(),
                _ => error.message().into(),
            },
            Syntax::Xml(error) => with_element_path(error.element_path(), error.message()),
            Syntax::Akn(error) => with_element_path(error.element_path(), error.message()),
            Syntax::Tei(error) => with_element_path(error.element_path(), error.message()),
            Syntax::JsonLd(error) => error.message().into(),
            Syntax::Parquet(error) => {
                let mut message = String::new();
                if let Some(row) = error.row() {
                    message.push_str(&format!("row {row}, "));
                }
                if let Some(column) = error.column_name() {
                    message.push_str(&format!("column {column}, "));
                }
                if message.is_empty() {
                    error.message().into()
                } else {
                    message.truncate(message.len() - 2);
                    format!("{message}: {}", error.message()).into()
                }
            }
            Syntax::Ingest(message, _) | Syntax::Other(message) => message.as_str().into(),
            Syntax::Warc(message, _, _) => message.as_str().into(),
        }
    }
}

impl fmt::Display for StatementSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Syntax::Json(error) => error.fmt(f),
            Syntax::Csv(error) => error.fmt(f),
            Syntax::Xml(error) => error.fmt(f),
            Syntax::JsonLd(error) => error.fmt(f),
            Syntax::Akn(error) => error.fmt(f),
            Syntax::Tei(error) => error.fmt(f),
            Syntax::Parquet(error) => error.fmt(f),
            Syntax::Ingest(message, position) => match (position.record(), position.byte_offset()) {
                (Some(record), Some(offset)) => write!(f, "record {record} at byte {offset}: {message}"),
                _ => f.write_str(message),
            },
            Syntax::Other(message) => f.write_str(message),
            Syntax::Warc(_, text, _) => f.write_str(text),
        }
    }
}

/// `at PATH: MESSAGE`, or the message alone before the root element.
fn with_element_path<'a>(path: &str, message: &'a str) -> Cow<'a, str> {
    if path.is_empty() { message.into() } else { format!("at {path}: {message}").into() }
}

impl std::error::Error for StatementSyntaxError {}

macro_rules! from_format_errors {
    ($($variant:ident: $syntax:ty, $parse:ident),*) => {$(
        impl From<$syntax> for StatementSyntaxError {
            fn from(error: $syntax) -> Self {
                Self(Syntax::$variant(error))
            }
        }

        impl From<$syntax> for StatementParseError {
            fn from(error: $syntax) -> Self {
                Self::Syntax(error.into())
            }
        }

        impl From<$parse> for StatementParseError {
            fn from(error: $parse) -> Self {
                match error {
                    $parse::Syntax(error) => error.into(),
                    // Every other variant is, or carries, an I/O error.
                    other => Self::Io(other.into()),
                }
            }
        }
    )*};
}

from_format_errors!(
    Json: JsonSyntaxError, JsonParseError,
    Csv: CsvSyntaxError, CsvParseError,
    Xml: XmlSyntaxError, XmlParseError,
    JsonLd: JsonLdSyntaxError, JsonLdParseError,
    Akn: AknSyntaxError, AknParseError,
    Tei: TeiSyntaxError, TeiParseError,
    Parquet: ParquetSyntaxError, ParquetParseError
);

/// A statement a format cannot carry, so it was not prepared (and nothing of it written);
/// or a format that is read only (plain text, Markdown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementSerializeError(Refusal);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Refusal {
    Csv(CsvSerializeError),
    Xml(XmlSerializeError),
    Akn(AknSerializeError),
    Tei(TeiSerializeError),
    Parquet(ParquetSerializeError),
    InputOnly(Format),
}

impl StatementSerializeError {
    pub(crate) fn input_only(format: Format) -> Self {
        Self(Refusal::InputOnly(format))
    }

    /// The format that refused.
    #[must_use]
    pub fn format(&self) -> Format {
        match self.0 {
            Refusal::Csv(_) => Format::Csv,
            Refusal::Xml(_) => Format::Xml,
            Refusal::Akn(_) => Format::Akn,
            Refusal::Tei(_) => Format::Tei,
            Refusal::Parquet(_) => Format::Parquet,
            Refusal::InputOnly(format) => format,
        }
    }

    /// Id of the statement refused (`None` when the format writes nothing at all).
    #[must_use]
    pub fn statement_id(&self) -> Option<&str> {
        match &self.0 {
            Refusal::Csv(error) => Some(error.statement_id()),
            Refusal::Xml(error) => Some(error.statement_id()),
            Refusal::Akn(error) => Some(error.statement_id()),
            Refusal::Tei(error) => Some(error.statement_id()),
            Refusal::Parquet(error) => Some(error.statement_id()),
            Refusal::InputOnly(_) => None,
        }
    }
}

/// The format's name and its crate's text: `XML: statement "x", $.paragraphs[0].id: …`.
impl fmt::Display for StatementSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Refusal::Csv(error) => write!(f, "CSV: {error}"),
            Refusal::Xml(error) => write!(f, "XML: {error}"),
            Refusal::Akn(error) => write!(f, "Akoma Ntoso: {error}"),
            Refusal::Tei(error) => write!(f, "TEI: {error}"),
            Refusal::Parquet(error) => write!(f, "Parquet: {error}"),
            Refusal::InputOnly(format) => write!(f, "{format} is an input format only: it cannot be written"),
        }
    }
}

impl std::error::Error for StatementSerializeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0 {
            Refusal::Csv(error) => Some(error),
            Refusal::Xml(error) => Some(error),
            Refusal::Akn(error) => Some(error),
            Refusal::Tei(error) => Some(error),
            Refusal::Parquet(error) => Some(error),
            Refusal::InputOnly(_) => None,
        }
    }
}

impl From<CsvSerializeError> for StatementSerializeError {
    fn from(error: CsvSerializeError) -> Self {
        Self(Refusal::Csv(error))
    }
}

impl From<XmlSerializeError> for StatementSerializeError {
    fn from(error: XmlSerializeError) -> Self {
        Self(Refusal::Xml(error))
    }
}

impl From<AknSerializeError> for StatementSerializeError {
    fn from(error: AknSerializeError) -> Self {
        Self(Refusal::Akn(error))
    }
}

impl From<TeiSerializeError> for StatementSerializeError {
    fn from(error: TeiSerializeError) -> Self {
        Self(Refusal::Tei(error))
    }
}

impl From<ParquetSerializeError> for StatementSerializeError {
    fn from(error: ParquetSerializeError) -> Self {
        Self(Refusal::Parquet(error))
    }
}

impl From<StatementSerializeError> for io::Error {
    fn from(error: StatementSerializeError) -> Self {
        let kind = match error.0 {
            Refusal::InputOnly(_) => io::ErrorKind::Unsupported,
            _ => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, error)
    }
}
