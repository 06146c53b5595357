//! A folder whose rows were reordered since they were written (a table sorted by a
//! column, a later statement's rows moved first) reads back as the same records.

mod common;

use common::{all_empty, hostile, reference, round_trip};
use communique_csv::{CsvParser, TABLE_FILES};
use communique_model::Statement;
use std::fs;
use std::path::Path;

/// The reference statement, the hostile cells of the shared test data and the test
/// records that fill the tables those leave empty (issuers, keywords, notes,
/// assessments, empty values), twice over with other ids, so that every table holds
/// the rows of several statements.
fn corpus() -> Vec<Statement> {
    let path = communique_testdata::root().join("tests/data/hostile-cells.jsonl");
    let mut records: Vec<Statement> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|line| communique_model::json::from_str(line).unwrap())
        .collect();
    records.push(reference());
    for copy in ["", "-again"] {
        for mut record in [hostile(), all_empty()] {
            record.id.push_str(copy);
            records.push(record);
        }
    }
    records
}

/// Rewrites table `file` of `dir` with its rows (header kept first) in the order
/// `reorder` puts them.
fn reorder_table(dir: &Path, file: &str, reorder: impl FnOnce(&mut Vec<csv::StringRecord>)) {
    let path = dir.join(file);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(&path).unwrap();
    let mut rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    let header = rows.remove(0);
    reorder(&mut rows);
    let mut writer = csv::Writer::from_path(&path).unwrap();
    writer.write_record(&header).unwrap();
    for row in rows {
        writer.write_record(&row).unwrap();
    }
    writer.flush().unwrap();
}

/// A fixed shuffle (a linear congruential generator), different for each seed.
fn shuffle<T>(rows: &mut [T], seed: u64) {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    for i in (1..rows.len()).rev() {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        rows.swap(i, usize::try_from(state >> 33).unwrap() % (i + 1));
    }
}

fn read(dir: &Path) -> Vec<Statement> {
    CsvParser::default()
        .for_dir(dir)
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("read back: {e}"))
}

fn sorted(mut records: Vec<Statement>) -> Vec<Statement> {
    records.sort_by(|a, b| a.id.cmp(&b.id));
    records
}

#[test]
fn every_table_holds_rows_of_several_statements() {
    let dir = tempfile::tempdir().unwrap();
    round_trip(dir.path(), &corpus(), false);
    for file in TABLE_FILES {
        let mut reader = csv::Reader::from_path(dir.path().join(file)).unwrap();
        let mut ids: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
        ids.dedup();
        assert!(ids.len() >= 2, "{file}: {ids:?}");
    }
}

#[test]
fn reordered_rows_read_back_as_the_records_written() {
    let records = corpus();
    for excel_safe in [false, true] {
        for file in TABLE_FILES {
            for (how, seed) in [("reversed", None), ("shuffled", Some(1)), ("shuffled", Some(2))] {
                let dir = tempfile::tempdir().unwrap();
                round_trip(dir.path(), &records, excel_safe);
                reorder_table(dir.path(), file, |rows| match seed {
                    None => rows.reverse(),
                    Some(seed) => shuffle(rows, seed),
                });
                let back = read(dir.path());
                if file == "statements.csv" {
                    // The statements come in the order of their table.
                    assert_eq!(sorted(back), sorted(records.clone()), "{file} {how}");
                } else {
                    assert_eq!(back, records, "{file} {how} {seed:?} (excel_safe {excel_safe})");
                }
            }
        }
    }
}

#[test]
fn every_table_reordered_at_once_reads_back_the_records_written() {
    let records = corpus();
    for seed in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        round_trip(dir.path(), &records, false);
        for (i, file) in TABLE_FILES.iter().enumerate() {
            reorder_table(dir.path(), file, |rows| shuffle(rows, seed * 16 + i as u64));
        }
        assert_eq!(sorted(read(dir.path())), sorted(records.clone()), "seed {seed}");
    }
}

#[test]
fn rows_of_a_statement_not_written_are_refused_with_file_line_and_statement() {
    let dir = tempfile::tempdir().unwrap();
    round_trip(dir.path(), &corpus(), false);
    reorder_table(dir.path(), "places.csv", |rows| {
        let mut stray = rows[0].clone();
        let cells: Vec<String> = stray
            .iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { "no-such-statement".into() } else { c.into() })
            .collect();
        stray = csv::StringRecord::from(cells);
        rows.insert(0, stray);
    });
    let results: Vec<_> = CsvParser::default().for_dir(dir.path()).unwrap().collect();
    let error = results.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(
        error.contains("places.csv") && error.contains("line 2") && error.contains("no-such-statement"),
        "{error}"
    );
}

#[test]
fn a_position_given_twice_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    round_trip(dir.path(), &corpus(), false);
    reorder_table(dir.path(), "paragraphs.csv", |rows| {
        rows.reverse();
        // Column 2 is the position: a third paragraph claims to be the second.
        let third = rows.iter().position(|row| &row[1] == "3").expect("a third paragraph");
        let cells: Vec<String> =
            rows[third].iter().enumerate().map(|(i, c)| if i == 1 { "2".into() } else { c.into() }).collect();
        rows[third] = csv::StringRecord::from(cells);
    });
    let results: Vec<_> = CsvParser::default().for_dir(dir.path()).unwrap().collect();
    let error = results.iter().find_map(|r| r.as_ref().err()).expect("an error").to_string();
    assert!(
        error.contains("paragraphs.csv, line") && error.contains("(position): is 2 where 3 was expected"),
        "{error}"
    );
}
