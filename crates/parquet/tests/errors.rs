//! What the reader says of folders that are not what the layout says: the file, the row,
//! the column and the record.

mod common;

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use common::{all_empty, bare, reference};
use communique_parquet::{ParquetParseError, ParquetParser, ParquetSerializer, ParquetSyntaxError};
use parquet::arrow::ArrowWriter;
use std::fs;
use std::path::Path;
use std::sync::Arc;

fn write_folder(dir: &Path, statements: &[communique_model::Statement]) {
    let mut writer = ParquetSerializer::default().for_dir(dir).unwrap();
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    writer.finish().unwrap();
}

/// Replaces `file` in `dir` with a Parquet file of text columns `columns` holding `rows`.
fn replace_with_text_table(dir: &Path, file: &str, columns: &[&str], rows: &[&[&str]]) {
    let schema = Arc::new(Schema::new(
        columns.iter().map(|name| Field::new(*name, DataType::Utf8, false)).collect::<Vec<_>>(),
    ));
    let arrays: Vec<ArrayRef> = (0..columns.len())
        .map(|i| {
            let mut builder = StringBuilder::new();
            for row in rows {
                builder.append_value(row[i]);
            }
            Arc::new(builder.finish()) as ArrayRef
        })
        .collect();
    let path = dir.join(file);
    fs::remove_file(&path).unwrap();
    let mut writer = ArrowWriter::try_new(fs::File::create(&path).unwrap(), schema.clone(), None).unwrap();
    writer.write(&RecordBatch::try_new(schema, arrays).unwrap()).unwrap();
    writer.close().unwrap();
}

fn syntax(result: Result<impl Sized, ParquetParseError>) -> ParquetSyntaxError {
    match result {
        Err(ParquetParseError::Syntax(error)) => error,
        Err(other) => panic!("not a syntax error: {other}"),
        Ok(_) => panic!("no error"),
    }
}

fn read_all(dir: &Path) -> Result<Vec<communique_model::Statement>, ParquetParseError> {
    ParquetParser::default().for_dir(dir)?.collect()
}

#[test]
fn a_missing_table_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[bare("a")]);
    fs::remove_file(dir.path().join("notes.parquet")).unwrap();
    let error = syntax(ParquetParser::default().for_dir(dir.path()));
    assert_eq!(error.file(), "notes.parquet");
    assert_eq!(
        error.to_string(),
        "notes.parquet: is missing: every set of tables has all ten (statements.parquet is there)"
    );
}

#[test]
fn a_file_that_is_not_parquet_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[bare("a")]);
    fs::write(dir.path().join("places.parquet"), "statement_id,position,place\r\n").unwrap();
    let error = syntax(ParquetParser::default().for_dir(dir.path()));
    assert_eq!(error.file(), "places.parquet");
    assert!(error.message().starts_with("is not a readable Parquet file"), "{error}");
}

#[test]
fn a_column_of_another_type_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[bare("a")]);
    // `position` as text, where the definitions say an integer.
    replace_with_text_table(dir.path(), "places.parquet", &["statement_id", "position", "place"], &[]);
    let error = syntax(ParquetParser::default().for_dir(dir.path()));
    assert_eq!((error.file(), error.column_name()), ("places.parquet", Some("position")));
    assert_eq!(error.message(), "is of type Utf8 where Int64 was expected");
    write_folder(&dir.path().join("other"), &[bare("a")]);
    replace_with_text_table(&dir.path().join("other"), "keywords.parquet", &["statement_id"], &[]);
    let error = syntax(ParquetParser::default().for_dir(dir.path().join("other")));
    assert_eq!(error.to_string(), "keywords.parquet: has 1 columns, expected 3");
}

#[test]
fn an_empty_text_not_listed_is_an_error_with_its_record() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[bare("a"), all_empty()]);
    // The second statement's empty texts are no longer listed; the first has none.
    replace_with_text_table(dir.path(), "empty_values.parquet", &["statement_id", "path"], &[]);
    let error = syntax(read_all(dir.path()));
    assert_eq!(error.position().record(), Some(2));
    assert_eq!(error.file(), "empty_values.parquet");
    assert_eq!(
        error.message(),
        "does not list \"$.title\", an empty optional text of statement \"all-empty\""
    );
}

#[test]
fn a_listed_path_that_is_not_empty_is_an_error_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[reference()]);
    replace_with_text_table(
        dir.path(),
        "empty_values.parquet",
        &["statement_id", "path"],
        &[&["nato-2022-02-16-59fa18d5", "$.title"]],
    );
    let error = syntax(read_all(dir.path()));
    assert_eq!(
        (error.file(), error.row(), error.column_name()),
        ("empty_values.parquet", Some(1), Some("path"))
    );
    assert!(error.message().contains("\"$.title\" does not name an empty optional text"), "{error}");
}

#[test]
fn rows_of_a_statement_not_in_the_statements_table_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[bare("a")]);
    replace_with_text_table(
        dir.path(),
        "empty_values.parquet",
        &["statement_id", "path"],
        &[&["zz", "$.title"]],
    );
    let error = syntax(read_all(dir.path()));
    assert_eq!(
        error.to_string(),
        "empty_values.parquet, row 1, column statement_id: statement \"zz\" is not in the statements table"
    );
    assert_eq!(error.position().record(), Some(2));
}

#[test]
fn positions_out_of_order_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write_folder(dir.path(), &[bare("a")]);
    let schema = Arc::new(Schema::new(vec![
        Field::new("statement_id", DataType::Utf8, false),
        Field::new("position", DataType::Int64, false),
        Field::new("place", DataType::Utf8, false),
    ]));
    let ids: ArrayRef = Arc::new(arrow_array::StringArray::from(vec!["a", "a"]));
    let mut positions = Int64Builder::new();
    positions.append_slice(&[1, 3]);
    let places: ArrayRef = Arc::new(arrow_array::StringArray::from(vec!["Brussels", "Kyiv"]));
    let path = dir.path().join("places.parquet");
    let mut writer = ArrowWriter::try_new(fs::File::create(&path).unwrap(), schema.clone(), None).unwrap();
    writer
        .write(&RecordBatch::try_new(schema, vec![ids, Arc::new(positions.finish()), places]).unwrap())
        .unwrap();
    writer.close().unwrap();
    let error = syntax(read_all(dir.path()));
    assert_eq!(
        error.to_string(),
        "places.parquet, row 2, column position: is 3 where 2 was expected: the positions of a list run 1, 2, 3, … (one given twice or left out?)"
    );
    assert_eq!(error.position().record(), Some(1));
}
