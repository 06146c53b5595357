//! The one error type of the crate.

use std::io;

/// What can go wrong writing or reading communique JSON-LD.
///
/// Every reading error says where: line and column for JSON syntax, the JSONPath of the
/// value at fault (`$['@graph'][0].hasPart[2].text`) for a document that is well-formed
/// JSON but not of the shape [`JsonLdSerializer`](crate::JsonLdSerializer) writes.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonLdError {
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not well-formed JSON (RFC 8259) or not UTF-8.
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the input.
        line: usize,
        /// 1-based column in the line.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The JSON is well-formed but not a communique JSON-LD document: a key missing or
    /// unknown, a value of the wrong type, an unknown `@context`, a date that does not
    /// exist, an IRI that does not belong to its statement.
    #[error("at {path}: {message}")]
    Shape {
        /// JSONPath of the value at fault, from the document root.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A base IRI given to [`JsonLdSerializer::with_base_iri`](crate::JsonLdSerializer::with_base_iri)
    /// that is not an absolute IRI without a fragment (RFC 3987).
    #[error("invalid base IRI {iri:?}: {reason}")]
    InvalidBaseIri {
        /// The IRI given.
        iri: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// [`load_document`](crate::load_document) was asked for a document the crate does
    /// not ship (it never goes to the network).
    #[error("no local copy of {url:?}: the communique document loader serves only {}", crate::CONTEXT_IRI)]
    UnknownDocument {
        /// The address asked for.
        url: String,
    },
}

impl JsonLdError {
    /// JSONPath of the value at fault, for a [`JsonLdError::Shape`] error.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::Shape { path, .. } => Some(path),
            _ => None,
        }
    }

    pub(crate) fn shape(path: &str, message: impl Into<String>) -> Self {
        Self::Shape { path: path.to_owned(), message: message.into() }
    }
}

impl From<JsonLdError> for io::Error {
    fn from(error: JsonLdError) -> Self {
        match error {
            JsonLdError::Io(error) => error,
            JsonLdError::InvalidBaseIri { .. } => io::Error::new(io::ErrorKind::InvalidInput, error),
            JsonLdError::UnknownDocument { .. } => io::Error::new(io::ErrorKind::NotFound, error),
            error => io::Error::new(io::ErrorKind::InvalidData, error),
        }
    }
}
