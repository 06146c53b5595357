//! The Parquet side of the model's relational view ([`communique_model::table`]): the
//! Arrow type of each kind of value, each table's schema, the file names and the layout
//! name.

use crate::Shard;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use communique_model::table::{Datatype, TABLES, Table};
use std::sync::Arc;

/// Name and version of the folder layout, recorded in every file's key-value metadata
/// and in the descriptor.
pub(crate) const LAYOUT: &str = "communique-parquet/1";

/// Key of the layout in a file's key-value metadata, and the descriptor's property.
pub(crate) const LAYOUT_KEY: &str = "https://w3id.org/communique/ns#parquetLayout";

/// Media type of a Parquet file (registered with IANA in 2024).
pub(crate) const MEDIA_TYPE: &str = "application/vnd.apache.parquet";

/// The Arrow type a kind of value is written as, and which Parquet type that gives:
/// text of every kind as `Utf8` (Parquet `BYTE_ARRAY` annotated `STRING`), dates as
/// `Date32` (Parquet `INT32` annotated `DATE`: days since 1970-01-01), positions, counts
/// and scores as `Int64` (Parquet `INT64`; SQL `BIGINT`), booleans as `Boolean`. These
/// are the types the DuckDB loader of `communique-csv` gives the same columns, so a
/// query runs unchanged over either.
pub(crate) fn arrow_type(datatype: Datatype) -> DataType {
    match datatype {
        Datatype::Text | Datatype::Enum(_) | Datatype::Timestamp | Datatype::HexDigest => DataType::Utf8,
        Datatype::Date => DataType::Date32,
        Datatype::Position | Datatype::Count | Datatype::Score => DataType::Int64,
        Datatype::Boolean => DataType::Boolean,
    }
}

/// The Arrow schema of `table`: its columns in order, a column that is not required
/// nullable (a Parquet `OPTIONAL` field), a required one not (`REQUIRED`).
pub(crate) fn arrow_schema(table: &Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|column| Field::new(column.name, arrow_type(column.datatype), !column.required))
        .collect();
    Arc::new(Schema::new(fields))
}

/// The file `table` is written to: `{name}.parquet`, or `{name}-K-of-N.parquet` for a
/// shard.
pub(crate) fn file_name(table: &Table, shard: Option<Shard>) -> String {
    format!("{}{}.parquet", table.name, suffix(shard))
}

/// What a shard's names carry before the extension (nothing without a shard).
pub(crate) fn suffix(shard: Option<Shard>) -> String {
    shard.map(Shard::suffix).unwrap_or_default()
}

/// The statements table's file name, whose presence marks a set of tables.
pub(crate) fn statements_file(shard: Option<Shard>) -> String {
    file_name(TABLES[0], shard)
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_model::table::{COMMITMENTS, STATEMENTS};

    #[test]
    fn schemas_follow_the_column_definitions() {
        let schema = arrow_schema(&COMMITMENTS);
        assert_eq!(schema.fields().len(), 22);
        let field = |name: &str| schema.field_with_name(name).unwrap().clone();
        assert_eq!(
            (field("span_start").data_type().clone(), field("span_start").is_nullable()),
            (DataType::Int64, false)
        );
        assert_eq!(
            (field("plover_code").data_type().clone(), field("plover_code").is_nullable()),
            (DataType::Utf8, true)
        );
        assert_eq!(field("future_oriented").data_type(), &DataType::Boolean);
        let statements = arrow_schema(&STATEMENTS);
        assert_eq!(statements.field_with_name("issued").unwrap().data_type(), &DataType::Date32);
        assert_eq!(statements.field_with_name("last_updated").unwrap().data_type(), &DataType::Utf8);
        assert_eq!(file_name(&COMMITMENTS, None), "commitments.parquet");
        assert_eq!(file_name(&COMMITMENTS, Shard::new(3, 12)), "commitments-03-of-12.parquet");
    }
}
