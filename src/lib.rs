//! communique: typed, citable records of official statements.
//!
//! This facade re-exports the member crates — [`model`] (the record types, validation,
//! JSON and JSON Schema), [`text`] (ingest of plain text and Markdown), and the format
//! crates [`csv`], [`xml`] and [`jsonld`] — and names the formats with [`Format`].
#![deny(missing_docs)]

mod format;

pub use communique_csv as csv;
pub use communique_jsonld as jsonld;
pub use communique_model as model;
pub use communique_text as text;
pub use communique_xml as xml;
pub use format::{Format, UnknownFormat};
