#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod error;
mod escape;
mod position;
mod reader;
mod writer;

#[allow(deprecated)]
pub use error::XmlError;
pub use error::{XmlParseError, XmlSerializeError, XmlSyntaxError};
pub use reader::{ReaderXmlParser, XmlParser};
pub use writer::{PreparedStatement, WriterXmlSerializer, XmlSerializer};

/// Namespace of the communique XML vocabulary, version 1.0.
///
/// The version is part of the name: a later vocabulary that reads differently gets a new
/// namespace, so a document always says which rules it follows. The XSD is [`XSD`].
pub const NAMESPACE: &str = "https://w3id.org/communique/xml/1.0";

/// The XML Schema (XSD 1.0) of the vocabulary, byte for byte. The canonical file is
/// `crates/xml/schemas/communique.xsd`, so the schema ships with the crate; the
/// repository's `schemas/` holds a copy a test keeps identical.
pub const XSD: &str = include_str!("../schemas/communique.xsd");

/// Media type of a communique XML document (RFC 7303 `application/xml`).
pub const MEDIA_TYPE: &str = "application/xml";

/// File extension of a communique XML document.
pub const FILE_EXTENSION: &str = "xml";
