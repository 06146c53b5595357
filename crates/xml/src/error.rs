//! Errors of reading and writing statements as XML.

use communique_model::TextPosition;
use std::fmt;
use std::io;

/// Why statements could not be read from XML.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum XmlParseError {
    /// Reading the underlying stream failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not well-formed XML 1.0, or not a statement or collection of the
    /// communique vocabulary (an unknown element or attribute, a kind outside its list, a
    /// date that does not exist, …).
    #[error(transparent)]
    Syntax(#[from] XmlSyntaxError),
}

impl From<XmlParseError> for io::Error {
    fn from(error: XmlParseError) -> Self {
        match error {
            XmlParseError::Io(error) => error,
            XmlParseError::Syntax(error) => error.into(),
        }
    }
}

/// The error type of this crate before reading and writing had errors of their own.
#[deprecated(note = "use XmlParseError (reading); writing returns io::Error, prepare XmlSerializeError")]
pub type XmlError = XmlParseError;

/// XML that is not well-formed, or not a statement of the communique vocabulary, with
/// where it happened.
///
/// The [position](Self::position) gives the 1-based line and column of the fault (the
/// column counts Unicode code points from the start of its line; a tab counts one), its
/// byte offset from the start of the input, and the 1-based number of the statement being
/// read. The [element path](Self::element_path) is XPath-like, with 1-based positions
/// among same-named siblings: `/statements/statement[2]/commitment[1]/quote`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlSyntaxError(Box<Syntax>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Syntax {
    position: TextPosition,
    path: String,
    statement: Option<String>,
    message: String,
}

impl XmlSyntaxError {
    pub(crate) fn new(
        position: TextPosition,
        path: String,
        statement: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self(Box::new(Syntax { position, path, statement, message: message.into() }))
    }

    /// Where the fault is: line, column, byte offset, and the record.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.0.position
    }

    /// 1-based line of the fault.
    #[must_use]
    #[deprecated(note = "use position().line()")]
    pub fn line(&self) -> u64 {
        self.0.position.line().unwrap_or(0)
    }

    /// 1-based column of the fault, in code points.
    #[must_use]
    #[deprecated(note = "use position().column()")]
    pub fn column(&self) -> u64 {
        self.0.position.column().unwrap_or(0)
    }

    /// Byte offset of the fault from the start of the input.
    #[must_use]
    #[deprecated(note = "use position().byte_offset()")]
    pub fn byte_offset(&self) -> u64 {
        self.0.position.byte_offset().unwrap_or(0)
    }

    /// Path of the element being read (`/statements/statement[2]/paragraph[3]`); empty
    /// before the root element.
    #[must_use]
    pub fn element_path(&self) -> &str {
        &self.0.path
    }

    /// Path of the element being read.
    #[must_use]
    #[deprecated(note = "renamed element_path")]
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// Id of the statement being read, once its start tag was read.
    #[must_use]
    pub fn statement_id(&self) -> Option<&str> {
        self.0.statement.as_deref()
    }

    /// Id of the statement being read.
    #[must_use]
    #[deprecated(note = "renamed statement_id")]
    pub fn statement(&self) -> Option<&str> {
        self.0.statement.as_deref()
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// `line 3, column 5, at /statements/statement[2] (statement "x"): what is wrong`.
impl fmt::Display for XmlSyntaxError {
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

impl std::error::Error for XmlSyntaxError {}

impl From<XmlSyntaxError> for io::Error {
    fn from(error: XmlSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// A statement holding a value the vocabulary cannot carry; nothing of it is written.
///
/// That is a character XML 1.0 cannot carry in a value written as an attribute (ids,
/// codes, digests), or a date outside the years 0001–9999 that `xs:date` and the model's
/// ISO 8601 forms allow. [`XmlSerializer::prepare`](crate::XmlSerializer::prepare)
/// returns it; the writer's `serialize_statement` hands it back inside an [`io::Error`]
/// of kind [`io::ErrorKind::InvalidInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlSerializeError(Box<Refusal>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Refusal {
    statement: String,
    field: String,
    offset: Option<usize>,
    message: String,
}

impl XmlSerializeError {
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
impl fmt::Display for XmlSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?}, {}: {}", self.0.statement, self.0.field, self.0.message)
    }
}

impl std::error::Error for XmlSerializeError {}

impl From<XmlSerializeError> for io::Error {
    fn from(error: XmlSerializeError) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}
