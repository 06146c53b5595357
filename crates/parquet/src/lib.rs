#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod descriptor;
mod error;
mod reader;
mod schema;
mod shard;
mod writer;

pub use error::{ParquetParseError, ParquetSerializeError, ParquetSyntaxError};
pub use reader::{DirParquetParser, ParquetParser, is_parquet_folder};
pub use shard::{InvalidShard, Shard};
pub use writer::{DirParquetSerializer, ParquetSerializer, ParquetSummary, PreparedStatement, TableSummary};

/// Names of the tables a Parquet folder holds, in the order the descriptor lists them:
/// the tables of [`communique_model::table::TABLES`], as in a CSV folder. Each is the
/// file `{name}.parquet`, or `{name}-K-of-N.parquet` for a [`Shard`].
pub const TABLE_NAMES: [&str; 10] = [
    "statements",
    "issuers",
    "places",
    "keywords",
    "paragraphs",
    "commitments",
    "commitment_references",
    "assessments",
    "notes",
    "empty_values",
];

/// File name of the Data Package descriptor of an unsharded folder; a shard's is
/// `datapackage-K-of-N.json`.
pub const DATAPACKAGE: &str = "datapackage.json";

#[cfg(test)]
mod tests {
    #[test]
    fn table_names_are_the_model_tables() {
        let names: Vec<_> = communique_model::table::TABLES.iter().map(|t| t.name).collect();
        assert_eq!(names, super::TABLE_NAMES);
    }
}
