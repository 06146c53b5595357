//! Errors of reading statements from JSON and JSON Lines.

use crate::TextPosition;
use std::fmt;
use std::io;

/// Why statements could not be read from JSON or JSON Lines.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonParseError {
    /// Reading the underlying stream failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not JSON, or not a statement: a syntax error, an unknown field, a
    /// value of the wrong type, a date that does not exist, bytes that are not UTF-8.
    #[error(transparent)]
    Syntax(#[from] JsonSyntaxError),
}

impl From<JsonParseError> for io::Error {
    fn from(error: JsonParseError) -> Self {
        match error {
            JsonParseError::Io(error) => error,
            JsonParseError::Syntax(error) => error.into(),
        }
    }
}

/// A JSON document or JSON Lines record that is not a well-formed statement, and where.
///
/// The [position](Self::position) gives the line and column (code points) of the fault,
/// its byte offset from the start of the input, for JSON Lines the record number, and
/// the JSONPath of the value at fault when there is one (`$.paragraphs[0].kind`, `$` for
/// the record itself). The message says what is wrong, without the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSyntaxError(Box<(TextPosition, String)>);

impl JsonSyntaxError {
    pub(crate) fn new(position: TextPosition, message: impl Into<String>) -> Self {
        Self(Box::new((position, message.into())))
    }

    /// Where the fault is.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.0.0
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.1
    }

    /// The same error with its position counted from `base` (see
    /// [`TextPosition::relative_to`]).
    pub(crate) fn relative_to(mut self, base: &TextPosition) -> Self {
        self.0.0 = self.0.0.clone().relative_to(base);
        self
    }
}

impl fmt::Display for JsonSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (position, message) = &*self.0;
        if position.is_unknown() { f.write_str(message) } else { write!(f, "{position}: {message}") }
    }
}

impl std::error::Error for JsonSyntaxError {}

impl From<JsonSyntaxError> for io::Error {
    fn from(error: JsonSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}
