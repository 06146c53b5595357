#![doc = include_str!("../README.md")]
//!
//! ## The crates
//!
//! This facade names the formats with [`Format`] and reads and writes every one of them
//! through one parser and one serializer, chosen by value as oxrdfio's `RdfParser` and
//! `RdfSerializer` are: [`StatementParser::from_format`] and
//! [`StatementSerializer::from_format`]. Every parse error carries a
//! [`TextPosition`](model::TextPosition). It also makes safe file names of record ids
//! with [`file_stem`], and re-exports the member crates — [`model`] (the record types,
//! validation, JSON and JSON Lines, JSON Schema), [`text`] (ingest of plain text and
//! Markdown), and the format crates [`csv`], [`xml`], [`jsonld`], [`akn`] (Akoma Ntoso
//! 3.0), [`tei`] (TEI P5) and [`parquet`], which share one shape
//! (`XSerializer` / `XParser` configurations, `for_writer` / `for_reader`,
//! `serialize_statement`, `prepare` / `write_prepared`, `finish`).
#![deny(missing_docs)]

mod error;
mod format;
mod reader;
mod sanitize;
mod writer;

pub use communique_akn as akn;
pub use communique_csv as csv;
pub use communique_html as html;
pub use communique_jsonld as jsonld;
pub use communique_model as model;
pub use communique_parquet as parquet;
pub use communique_parquet::Shard;
pub use communique_tei as tei;
pub use communique_text as text;
pub use communique_xml as xml;
pub use error::{StatementParseError, StatementSerializeError, StatementSyntaxError};
pub use format::{Format, UnknownFormat};
pub use reader::{ReaderStatementParser, StatementParser, UnparsedStatement};
pub use sanitize::file_stem;
pub use writer::{DirStatementSerializer, PreparedStatement, StatementSerializer, WriterStatementSerializer};
