#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod cell;
mod descriptor;
mod error;
mod loader;
mod reader;
mod schema;
mod writer;

pub use descriptor::{CSVW_METADATA, DATAPACKAGE};
#[allow(deprecated)]
pub use error::CsvError;
pub use error::{CsvParseError, CsvSerializeError, CsvSyntaxError};
pub use loader::Loader;
#[allow(deprecated)]
pub use reader::CsvDirReader;
pub use reader::{CsvParser, DirCsvParser};
#[allow(deprecated)]
pub use writer::CsvDirWriter;
pub use writer::{CsvSerializer, CsvSummary, DirCsvSerializer, PreparedStatement, TableSummary};

/// File names of the tables a CSV folder holds, in the order the descriptors list them.
pub const TABLE_FILES: [&str; 10] = [
    "statements.csv",
    "issuers.csv",
    "places.csv",
    "keywords.csv",
    "paragraphs.csv",
    "commitments.csv",
    "commitment_references.csv",
    "assessments.csv",
    "notes.csv",
    "empty_values.csv",
];
