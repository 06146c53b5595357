#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod dom;
mod error;
mod escape;
mod marks;
mod naming;
mod reader;
mod writer;

pub use error::{AknParseError, AknSerializeError, AknSyntaxError};
pub use reader::{AknParser, ReaderAknParser};
pub use writer::{AknSerializer, PreparedStatement, WriterAknSerializer};

/// Namespace of Akoma Ntoso 3.0 (OASIS LegalDocML, Akoma Ntoso Version 1.0 Part 2).
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Namespace of this crate's extension elements and attributes (prefix `cq`): what Akoma
/// Ntoso has no element for, inside `<proprietary>` and `<analysis><otherAnalysis>`,
/// and source spans on paragraphs. The schema admits them where it admits other
/// namespaces (`anyOtherType`, and the `core` attribute group's `anyAttribute`).
pub const EXTENSION_NAMESPACE: &str = "https://w3id.org/communique/akn/1.0";

/// Media type of an Akoma Ntoso document (`FRBRformat` of the Manifestation).
pub const MEDIA_TYPE: &str = "application/akn+xml";

/// File extension of an Akoma Ntoso document.
pub const FILE_EXTENSION: &str = "xml";
