//! communique: typed, citable records of official statements.
//!
//! This facade re-exports the member crates: [`model`] (the record types, validation,
//! JSON and JSON Schema).

pub use communique_model as model;
