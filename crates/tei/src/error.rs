//! Errors of reading and writing TEI documents.

use communique_model::TextPosition;
use std::fmt;
use std::io;

/// Why a statement could not be read from a TEI document.
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
/// The [position](Self::position) gives the 1-based line and column of the fault (the
/// column counts Unicode code points from the start of its line; a tab counts one), its
/// byte offset from the start of the input, and record 1 (a document holds one
/// statement). The [element path](Self::element_path) is XPath-like, with 1-based
/// positions among same-named siblings:
/// `/TEI/text[1]/body[1]/p[3]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeiSyntaxError(Box<Syntax>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Syntax {
    position: TextPosition,
    path: String,
    statement: Option<String>,
    message: String,
}

impl TeiSyntaxError {
    pub(crate) fn new(
        position: TextPosition,
        path: String,
        statement: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self(Box::new(Syntax { position, path, statement, message: message.into() }))
    }

    /// Where the fault is: line, column (code points), byte offset, and record 1.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.0.position
    }

    /// Path of the element at fault (`/TEI/text[1]/body[1]/p[2]`); empty
    /// for a fault before the root element.
    #[must_use]
    pub fn element_path(&self) -> &str {
        &self.0.path
    }

    /// Id of the statement being read (its `idno` of type `communique`), once it was read.
    #[must_use]
    pub fn statement_id(&self) -> Option<&str> {
        self.0.statement.as_deref()
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// `line 3, column 5, at /TEI/text[1] (statement "x"): what is wrong`.
impl fmt::Display for TeiSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Syntax { position, path, statement, message } = &*self.0;
        write!(f, "line {}, column {}", position.line().unwrap_or(0), position.column().unwrap_or(0))?;
        if !path.is_empty() {
            write!(f, ", at {path}")?;
        }
        if let Some(statement) = statement {
            write!(f, " (statement {statement:?})")?;
        }
        write!(f, ": {message}")
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
pub struct TeiSerializeError(Box<Refusal>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Refusal {
    statement: String,
    field: String,
    offset: Option<usize>,
    message: String,
}

impl TeiSerializeError {
    pub(crate) fn new(statement: &str, field: String, offset: Option<usize>, message: String) -> Self {
        Self(Box::new(Refusal { statement: statement.to_owned(), field, offset, message }))
    }

    /// Id of the statement refused.
    #[must_use]
    pub fn statement_id(&self) -> &str {
        &self.0.statement
    }

    /// JSONPath of the field at fault, as
    /// [`Statement::validate`](communique_model::Statement::validate) names fields
    /// (`$.paragraphs[2].id`).
    #[must_use]
    pub fn json_path(&self) -> &str {
        &self.0.field
    }

    /// Code-point offset of the character at fault in the field's value, when a
    /// character is at fault.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.0.offset
    }

    /// What is wrong.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// `statement "x", $.paragraphs[2].id: what is wrong`.
impl fmt::Display for TeiSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?}, {}: {}", self.0.statement, self.0.field, self.0.message)
    }
}

impl std::error::Error for TeiSerializeError {}

impl From<TeiSerializeError> for io::Error {
    fn from(error: TeiSerializeError) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}
