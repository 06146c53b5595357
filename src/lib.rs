#![doc = include_str!("../README.md")]
//!
//! ## The crates
//!
//! This facade re-exports the member crates — [`model`] (the record types, validation,
//! JSON and JSON Schema), [`text`] (ingest of plain text and Markdown), and the format
//! crates [`csv`], [`xml`] and [`jsonld`] — names the formats with [`Format`], and makes
//! safe file names of record ids with [`file_stem`].
#![deny(missing_docs)]

mod format;
mod sanitize;

pub use communique_csv as csv;
pub use communique_jsonld as jsonld;
pub use communique_model as model;
pub use communique_text as text;
pub use communique_xml as xml;
pub use format::{Format, UnknownFormat};
pub use sanitize::file_stem;
