//! Errors of reading communique JSON-LD, and of its configuration.

use communique_model::TextPosition;
use std::fmt;
use std::io;

/// Why statements could not be read from a JSON-LD document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JsonLdParseError {
    /// Reading the underlying stream failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The input is not JSON (RFC 8259, UTF-8), or not of the shape
    /// [`JsonLdSerializer`](crate::JsonLdSerializer) writes: a key missing or unknown, a
    /// value of the wrong type, an unknown `@context`, a date that does not exist, an IRI
    /// that does not belong to its statement.
    #[error(transparent)]
    Syntax(#[from] JsonLdSyntaxError),
}

impl From<JsonLdParseError> for io::Error {
    fn from(error: JsonLdParseError) -> Self {
        match error {
            JsonLdParseError::Io(error) => error,
            JsonLdParseError::Syntax(error) => error.into(),
        }
    }
}

/// The error type of this crate before reading and configuring had errors of their own.
#[deprecated(note = "use JsonLdParseError (reading), InvalidBaseIri (with_base_iri) or \
                     UnknownDocument (load_document)")]
pub type JsonLdError = JsonLdParseError;

/// A document that is not communique JSON-LD, and where.
///
/// The [position](Self::position) gives, for JSON that is not well-formed, the 1-based
/// line and column (code points) and the byte offset of the fault; for a document of the
/// wrong shape, the JSONPath of the value at fault from the document root
/// (`$['@graph'][0].hasPart[2].text`) and, inside `@graph`, the 1-based number of the
/// statement node (its record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonLdSyntaxError(Box<(TextPosition, String)>);

impl JsonLdSyntaxError {
    pub(crate) fn new(position: TextPosition, message: impl Into<String>) -> Self {
        Self(Box::new((position, message.into())))
    }

    /// A document of the wrong shape at the JSONPath `path`.
    pub(crate) fn shape(path: &str, message: impl Into<String>) -> Self {
        Self::new(TextPosition::default().with_json_path(path), message)
    }

    /// The same error found in the `record`-th node of `@graph` (1-based).
    pub(crate) fn in_record(mut self, record: u64) -> Self {
        self.0.0 = self.0.0.clone().with_record(record);
        self
    }

    /// Where the fault is.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.0.0
    }

    /// JSONPath of the value at fault, for a document of the wrong shape.
    #[must_use]
    #[deprecated(note = "use position().json_path()")]
    pub fn path(&self) -> Option<&str> {
        self.0.0.json_path()
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.1
    }
}

/// `JSON syntax error at line 2, column 14: …` for JSON that is not well-formed,
/// `at $['@graph'][0].hasPart: …` for a document of the wrong shape.
impl fmt::Display for JsonLdSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (position, message) = &*self.0;
        match (position.json_path(), position.line()) {
            (Some(path), _) => write!(f, "at {path}: {message}"),
            (None, Some(line)) => write!(
                f,
                "JSON syntax error at line {line}, column {}: {message}",
                position.column().unwrap_or(0)
            ),
            (None, None) => f.write_str(message),
        }
    }
}

impl std::error::Error for JsonLdSyntaxError {}

impl From<JsonLdSyntaxError> for io::Error {
    fn from(error: JsonLdSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// A base IRI given to [`JsonLdSerializer::with_base_iri`](crate::JsonLdSerializer::with_base_iri)
/// that is not an absolute IRI without a fragment (RFC 3987).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid base IRI {iri:?}: {reason}")]
pub struct InvalidBaseIri {
    iri: String,
    reason: &'static str,
}

impl InvalidBaseIri {
    pub(crate) fn new(iri: &str, reason: &'static str) -> Self {
        Self { iri: iri.to_owned(), reason }
    }

    /// The IRI given.
    #[must_use]
    pub fn iri(&self) -> &str {
        &self.iri
    }

    /// Why it is refused.
    #[must_use]
    pub fn reason(&self) -> &str {
        self.reason
    }
}

impl From<InvalidBaseIri> for io::Error {
    fn from(error: InvalidBaseIri) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}

/// [`load_document`](crate::load_document) was asked for a document the crate does not
/// ship (it never goes to the network).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no local copy of {url:?}: the communique document loader serves only {}", crate::CONTEXT_IRI)]
pub struct UnknownDocument {
    url: String,
}

impl UnknownDocument {
    pub(crate) fn new(url: &str) -> Self {
        Self { url: url.to_owned() }
    }

    /// The address asked for.
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl From<UnknownDocument> for io::Error {
    fn from(error: UnknownDocument) -> Self {
        io::Error::new(io::ErrorKind::NotFound, error)
    }
}
