#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod dom;
mod error;
mod escape;
mod marks;
mod reader;
mod writer;

pub use error::{TeiParseError, TeiSerializeError, TeiSyntaxError};
pub use reader::{ReaderTeiParser, TeiParser};
pub use writer::{PreparedStatement, TeiSerializer, WriterTeiSerializer};

/// Namespace of TEI P5.
pub const NAMESPACE: &str = "http://www.tei-c.org/ns/1.0";

/// Media type of a TEI document (RFC 6129).
pub const MEDIA_TYPE: &str = "application/tei+xml";

/// File extension of a TEI document.
pub const FILE_EXTENSION: &str = "xml";
