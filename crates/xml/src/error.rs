//! Errors of reading and writing statements as XML.

use std::fmt;
use std::io;

/// Why statements could not be read from XML or written to it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum XmlError {
    /// Reading or writing the underlying stream failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not well-formed XML 1.0, or not a statement or collection of the
    /// communique vocabulary (an unknown element or attribute, a kind outside its list, a
    /// date that does not exist, …). Says where: line, column, byte offset, element path.
    #[error(transparent)]
    Syntax(#[from] XmlSyntaxError),
    /// A record holds a value the vocabulary cannot carry: a character XML 1.0 cannot
    /// carry in a value written as an attribute (ids, codes, digests), or a date outside
    /// the years 0001–9999 that `xs:date` and the model's ISO 8601 forms allow.
    #[error("statement {statement:?}, {field}: {message}")]
    Unrepresentable {
        /// Id of the statement being written.
        statement: String,
        /// JSONPath of the field at fault, as [`Statement::validate`] names fields
        /// (`$.paragraphs[2].id`).
        ///
        /// [`Statement::validate`]: communique_model::Statement::validate
        field: String,
        /// Code-point offset of the character at fault in the field's value, when a
        /// character is at fault.
        offset: Option<usize>,
        /// What is wrong.
        message: String,
    },
}

impl From<XmlError> for io::Error {
    fn from(error: XmlError) -> Self {
        match error {
            XmlError::Io(error) => error,
            XmlError::Syntax(error) => io::Error::new(io::ErrorKind::InvalidData, error),
            error @ XmlError::Unrepresentable { .. } => io::Error::new(io::ErrorKind::InvalidInput, error),
        }
    }
}

/// XML that is not well-formed, or not a statement of the communique vocabulary, with
/// where it happened.
///
/// Lines and columns are 1-based; a column counts Unicode code points from the start of
/// its line (a tab counts one). The element path is XPath-like with 1-based positions
/// among same-named siblings: `/statements/statement[2]/commitment[1]/quote`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlSyntaxError {
    pub(crate) line: u64,
    pub(crate) column: u64,
    pub(crate) offset: u64,
    pub(crate) path: String,
    pub(crate) statement: Option<String>,
    pub(crate) message: String,
}

impl XmlSyntaxError {
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

    /// Byte offset of the fault from the start of the input.
    #[must_use]
    pub fn byte_offset(&self) -> u64 {
        self.offset
    }

    /// Path of the element being read (`/statements/statement[2]/paragraph[3]`); empty
    /// before the root element.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Id of the statement being read, once its start tag was read.
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

impl fmt::Display for XmlSyntaxError {
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

impl std::error::Error for XmlSyntaxError {}

impl From<XmlSyntaxError> for io::Error {
    fn from(error: XmlSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}
