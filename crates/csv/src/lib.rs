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
pub use error::{CsvError, Location};
pub use loader::Loader;
pub use reader::{CsvDirReader, CsvParser};
pub use writer::{CsvDirWriter, CsvSerializer, CsvSummary, PreparedStatement, TableSummary};

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
