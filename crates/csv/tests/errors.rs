//! A broken folder gives an error that names the file, the line and the column.

mod common;

use common::{all_empty, hostile, reference};
use communique_csv::{CsvParseError, CsvParser, CsvSerializer, CsvSyntaxError};
use std::fs;
use std::path::Path;

/// Writes the reference and hostile statements, lets `edit` change one file, and
/// returns the first error reading the folder gives.
fn error_after(file: &str, edit: impl FnOnce(String) -> String) -> CsvParseError {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = CsvSerializer::default().for_dir(dir.path()).unwrap();
    for statement in [reference(), hostile(), all_empty()] {
        writer.serialize_statement(&statement).unwrap();
    }
    writer.finish().unwrap();
    let path = dir.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changed nothing");
    fs::write(&path, edited).unwrap();
    read_error(dir.path())
}

fn read_error(dir: &Path) -> CsvParseError {
    match CsvParser::default().for_dir(dir) {
        Err(error) => error,
        Ok(reader) => {
            let results: Vec<_> = reader.collect();
            let errors: Vec<_> = results.into_iter().filter_map(Result::err).collect();
            assert_eq!(errors.len(), 1, "the reader stops after its first error");
            errors.into_iter().next().unwrap()
        }
    }
}

/// The syntax error `error` holds.
fn syntax(error: &CsvParseError) -> &CsvSyntaxError {
    match error {
        CsvParseError::Syntax(error) => error,
        other => panic!("not a syntax error: {other:?}"),
    }
}

/// Checks file, line, column and message of a data error.
fn check(error: &CsvParseError, file: &str, line: u64, column: Option<(usize, &str)>, message: &str) {
    let syntax = syntax(error);
    assert_eq!(syntax.file(), file, "{error}");
    assert_eq!(syntax.position().line(), Some(line), "{error}");
    assert_eq!(syntax.column().zip(syntax.column_name()), column, "{error}");
    assert!(error.to_string().contains(message), "{error:?} lacks {message:?}");
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not in the table");
    text.replacen(from, to, 1)
}

#[test]
fn broken_cells_are_located() {
    // Commitments of the reference statement are lines 2 to 18; the sixth is line 7.
    let error =
        error_after("commitments.csv", |t| replace_once(&t, ",offer,commissive,", ",offre,commissive,"));
    check(&error, "commitments.csv", 16, Some((8, "kind")), "\"offre\" is not one of: pledge, action,");
    // The reference statement is the first written: record 1.
    assert_eq!(syntax(&error).position().record(), Some(1), "{error}");

    let error = error_after("statements.csv", |t| replace_once(&t, ",2022-02-16,", ",2022-02-30,"));
    check(&error, "statements.csv", 2, Some((4, "issued")), "no such day in the calendar");

    let error = error_after("statements.csv", |t| replace_once(&t, ",2022-02-16T15:14,", ",16 Feb 2022,"));
    check(&error, "statements.csv", 2, Some((5, "last_updated")), "invalid timestamp");

    let error = error_after("paragraphs.csv", |t| replace_once(&t, ",80,571,\r\n", ",80,5x1,\r\n"));
    check(&error, "paragraphs.csv", 2, Some((8, "source_end")), "\"5x1\" is not an integer");

    let error = error_after("paragraphs.csv", |t| replace_once(&t, ",80,571,\r\n", ",,571,\r\n"));
    check(&error, "paragraphs.csv", 2, Some((7, "source_start")), "is empty while source_end is not");

    let error = error_after("commitments.csv", |t| {
        replace_once(&t, ",concern,expressive,11,,", ",concern,expressive,05,,")
    });
    check(&error, "commitments.csv", 2, Some((10, "cameo_code")), "derived columns must agree with kind");

    let error =
        error_after("commitments.csv", |t| replace_once(&t, ",true,false,manual,", ",yes,false,manual,"));
    check(&error, "commitments.csv", 3, Some((17, "future_oriented")), "neither true nor false");
}

#[test]
fn rows_out_of_place_are_located() {
    // The second paragraph row claims position 3.
    let error = error_after("paragraphs.csv", |t| replace_once(&t, ",2,para_2,", ",3,para_2,"));
    check(&error, "paragraphs.csv", 3, Some((2, "position")), "is 3 where 2 was expected");

    // A reference whose commitment does not exist.
    let error =
        error_after("commitment_references.csv", |t| replace_once(&t, ",para_3__cmt_1,", ",para_3__cmt_9,"));
    check(
        &error,
        "commitment_references.csv",
        2,
        Some((2, "commitment_id")),
        "\"para_3__cmt_9\" is not a commitment",
    );

    // A place of a statement that is not in statements.csv.
    let error = error_after("places.csv", |t| format!("{t}ghost,1,Nowhere\r\n"));
    check(&error, "places.csv", 6, Some((1, "statement_id")), "\"ghost\" is not in statements.csv");

    // empty_values.csv naming a value that is not empty.
    let error = error_after("empty_values.csv", |t| format!("{t}all-empty,$.kind\r\n"));
    check(
        &error,
        "empty_values.csv",
        20,
        Some((2, "path")),
        "\"$.kind\" does not name an empty optional text",
    );
}

#[test]
fn broken_csv_is_located() {
    // A row with a cell too many.
    let error = error_after("places.csv", |t| replace_once(&t, "Brussels", "Brussels,Mons"));
    check(&error, "places.csv", 2, None, "row has 4 cells, expected 3");

    // A header that is not ours.
    let error = error_after("issuers.csv", |t| {
        replace_once(&t, "statement_id,position,name", "statement_id,pos,name")
    });
    check(
        &error,
        "issuers.csv",
        1,
        Some((2, "position")),
        "header is \"pos\" where \"position\" was expected",
    );

    // Invalid UTF-8 in the third cell of a row.
    let dir = tempfile::tempdir().unwrap();
    let mut writer = CsvSerializer::default().for_dir(dir.path()).unwrap();
    writer.serialize_statement(&all_empty()).unwrap();
    writer.finish().unwrap();
    let path = dir.path().join("keywords.csv");
    let mut bytes = fs::read(&path).unwrap();
    bytes.extend_from_slice(b"all-empty,2,caf\xe9\r\n");
    fs::write(&path, bytes).unwrap();
    check(&read_error(dir.path()), "keywords.csv", 3, Some((3, "keyword")), "invalid UTF-8");
}

#[test]
fn folders_without_descriptor_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = CsvSerializer::default().for_dir(dir.path()).unwrap();
    writer.serialize_statement(&reference()).unwrap();
    drop(writer);
    // Not finished: tables but no descriptor.
    let error = read_error(dir.path());
    assert_eq!(syntax(&error).file(), "csv-metadata.json", "{error:?}");
    assert!(error.to_string().contains("csv-metadata.json: cannot read the CSVW metadata"), "{error}");

    fs::write(
        dir.path().join("csv-metadata.json"),
        "{\"https://w3id.org/communique/ns#csvLayout\": \"communique-csv/9\"}",
    )
    .unwrap();
    let error = read_error(dir.path());
    assert!(error.to_string().contains("this reader reads \"communique-csv/1\""), "{error}");
    let io: std::io::Error = error.into();
    assert_eq!(io.kind(), std::io::ErrorKind::InvalidData);
}
