//! Errors of reading and writing TEI documents.

use std::fmt;
use std::io;

/// Why a statement could not be read from an TEI document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TeiParseError {
    /// Reading the underlying stream failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not well-formed XML 1.0 in UTF-8, or not a statement as this crate
    /// writes it (a missing part, an element where it does not belong, a kind outside
    /// its list, a date that does not exist, …). Says where.
    #[error(transparent)]
    Syntax(#[from] TeiSyntaxError),
}

impl From<TeiParseError> for io::Error {
    fn from(error: TeiParseError) -> Self {
        match error {
            TeiParseError::Io(error) => error,
            TeiParseError::Syntax(error) => error.into(),
        }
    }
}

/// A document that is not well-formed, or not a statement as this crate writes it, with
/// where it happened.
///
/// Lines and columns are 1-based; a column counts Unicode code points from the start of
/// its line (a tab counts one); the byte offset counts bytes from the start of the
/// input. The element path is XPath-like with 1-based positions among same-named
/// siblings (`/TEI/text[1]/body[1]/p[3]`); it is empty for a
/// fault before the root element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeiSyntaxError {
    pub(crate) line: u64,
    pub(crate) column: u64,
    pub(crate) offset: u64,
    pub(crate) path: String,
    pub(crate) statement: Option<String>,
    pub(crate) message: String,
}

impl TeiSyntaxError {
    /// 1-based line of the fault.
    #[must_use]
    pub fn line(&self) -> u64 {
        self.line
    }

    /// 1-based column of the fault, in code points.
    #[must_use]
    pub fn column(&self) -> u64 {
        self.column
    }

    /// Offset of the fault in bytes from the start of the input.
    #[must_use]
    pub fn byte_offset(&self) -> u64 {
        self.offset
    }

    /// Path of the element at fault.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Id of the statement being read (its `idno` of type `communique`), once it was read.
    #[must_use]
    pub fn statement(&self) -> Option<&str> {
        self.statement.as_deref()
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TeiSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, ", at {}", self.path)?;
        }
        if let Some(statement) = &self.statement {
            write!(f, " (statement {statement:?})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TeiSyntaxError {}

impl From<TeiSyntaxError> for io::Error {
    fn from(error: TeiSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// A statement that cannot be written as TEI so that it reads back the same; nothing of
/// it is written.
///
/// Two things cannot be written: a character XML 1.0 cannot carry in a value that TEI
/// holds in an attribute (the language, the `xml:id`s of paragraphs and commitments, a
/// stand-off commitment's paragraph, printed numbers, note codes), and a date outside
/// the years 0001–9999 that `xs:date` and the model's ISO 8601 forms share.
/// [`TeiSerializer::prepare`](crate::TeiSerializer::prepare) returns this error; the
/// writer's `serialize_statement` hands it back inside an [`io::Error`] of kind
/// [`io::ErrorKind::InvalidInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeiSerializeError {
    pub(crate) statement: String,
    pub(crate) field: String,
    pub(crate) offset: Option<usize>,
    pub(crate) message: String,
}

impl TeiSerializeError {
    /// Id of the statement refused.
    #[must_use]
    pub fn statement_id(&self) -> &str {
        &self.statement
    }

    /// JSONPath of the field at fault, as `Statement::validate` names fields
    /// (`$.paragraphs[2].id`).
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Code-point offset of the character at fault in the field's value, when a
    /// character is at fault.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// What is wrong.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TeiSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?}, {}: {}", self.statement, self.field, self.message)
    }
}

impl std::error::Error for TeiSerializeError {}

impl From<TeiSerializeError> for io::Error {
    fn from(error: TeiSerializeError) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}
