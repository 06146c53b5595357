//! Errors of reading and writing Akoma Ntoso documents.

use std::fmt;
use std::io;

/// Why a statement could not be read from an Akoma Ntoso document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AknParseError {
    /// Reading the underlying stream failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not well-formed XML 1.0 in UTF-8, or not a statement as this crate
    /// writes it (a missing part, an element where it does not belong, a kind outside
    /// its list, a date that does not exist, …). Says where.
    #[error(transparent)]
    Syntax(#[from] AknSyntaxError),
}

impl From<AknParseError> for io::Error {
    fn from(error: AknParseError) -> Self {
        match error {
            AknParseError::Io(error) => error,
            AknParseError::Syntax(error) => error.into(),
        }
    }
}

/// A document that is not well-formed, or not a statement as this crate writes it, with
/// where it happened.
///
/// Lines and columns are 1-based; a column counts Unicode code points from the start of
/// its line (a tab counts one); the byte offset counts bytes from the start of the
/// input. The element path is XPath-like with 1-based positions among same-named
/// siblings (`/akomaNtoso/doc[1]/mainBody[1]/paragraph[3]/content[1]/p[1]`); it is empty for a
/// fault before the root element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AknSyntaxError {
    pub(crate) line: u64,
    pub(crate) column: u64,
    pub(crate) offset: u64,
    pub(crate) path: String,
    pub(crate) statement: Option<String>,
    pub(crate) message: String,
}

impl AknSyntaxError {
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

    /// Id of the statement being read (its `FRBRnumber`), once it was read.
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

impl fmt::Display for AknSyntaxError {
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

impl std::error::Error for AknSyntaxError {}

impl From<AknSyntaxError> for io::Error {
    fn from(error: AknSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// A statement that cannot be written as Akoma Ntoso so that it reads back the same;
/// nothing of it is written.
///
/// Two things cannot be written: a character XML 1.0 cannot carry in a value that
/// Akoma Ntoso holds in an attribute (the id, the language, eIds, a commitment's
/// paragraph, note codes, rule ids, the codebook version, the digest), and a date
/// outside the years 0001–9999 that `xs:date` and the model's ISO 8601 forms share.
/// [`AknSerializer::prepare`](crate::AknSerializer::prepare) returns this error; the
/// writer's `serialize_statement` hands it back inside an [`io::Error`] of kind
/// [`io::ErrorKind::InvalidInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AknSerializeError {
    pub(crate) statement: String,
    pub(crate) field: String,
    pub(crate) offset: Option<usize>,
    pub(crate) message: String,
}

impl AknSerializeError {
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

impl fmt::Display for AknSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?}, {}: {}", self.statement, self.field, self.message)
    }
}

impl std::error::Error for AknSerializeError {}

impl From<AknSerializeError> for io::Error {
    fn from(error: AknSerializeError) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}
