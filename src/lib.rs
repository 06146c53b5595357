//! communique: typed, citable records of official statements.
//!
//! This facade re-exports the member crates: [`model`] (the record types, validation,
//! JSON and JSON Schema), [`text`] (ingest), and the format crates [`csv`], [`xml`] and
//! [`jsonld`].

pub use communique_csv as csv;
pub use communique_jsonld as jsonld;
pub use communique_model as model;
pub use communique_text as text;
pub use communique_xml as xml;
