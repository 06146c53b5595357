//! A folder whose rows were reordered since they were written (a table sorted by a
//! column, a later statement's rows moved first) reads back as the same records.

mod common;

use common::{all_empty, hostile, reference, round_trip};
use communique_model::Statement;
use communique_parquet::{ParquetParser, TABLE_NAMES};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::properties::WriterProperties;
use std::fs;
use std::path::Path;

/// The reference statement, the hostile cells of the shared test data and the test
/// records that fill the tables those leave empty, twice over with other ids, so that
/// every table holds the rows of several statements.
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

/// Rewrites table `name` of `dir` with its rows in the order `reorder` puts their
/// indexes, its metadata kept; returns how many rows it has.
fn reorder_table(dir: &Path, name: &str, reorder: impl FnOnce(&mut Vec<usize>)) -> usize {
    let path = dir.join(format!("{name}.parquet"));
    let builder = ParquetRecordBatchReaderBuilder::try_new(fs::File::open(&path).unwrap()).unwrap();
    let metadata = builder.metadata().file_metadata().key_value_metadata().cloned();
    let schema = builder.schema().clone();
    let rows: Vec<_> = builder
        .build()
        .unwrap()
        .flat_map(|batch| {
            let batch = batch.unwrap();
            (0..batch.num_rows()).map(move |i| batch.slice(i, 1))
        })
        .collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    reorder(&mut order);
    let properties = WriterProperties::builder().set_key_value_metadata(metadata).build();
    let mut writer =
        ArrowWriter::try_new(fs::File::create(&path).unwrap(), schema, Some(properties)).unwrap();
    for i in order {
        writer.write(&rows[i]).unwrap();
    }
    writer.close().unwrap();
    rows.len()
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
    ParquetParser::default()
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
fn reordered_rows_read_back_as_the_records_written() {
    let records = corpus();
    for name in TABLE_NAMES {
        for seed in [None, Some(1), Some(2)] {
            let dir = tempfile::tempdir().unwrap();
            round_trip(dir.path(), &records);
            let rows = reorder_table(dir.path(), name, |order| match seed {
                None => order.reverse(),
                Some(seed) => shuffle(order, seed),
            });
            assert!(rows >= 2, "{name}");
            let back = read(dir.path());
            if name == "statements" {
                assert_eq!(sorted(back), sorted(records.clone()), "{name} {seed:?}");
            } else {
                assert_eq!(back, records, "{name} {seed:?}");
            }
        }
    }
}

#[test]
fn every_table_reordered_at_once_reads_back_the_records_written() {
    let records = corpus();
    for seed in 0..4 {
        let dir = tempfile::tempdir().unwrap();
        round_trip(dir.path(), &records);
        for (i, name) in TABLE_NAMES.iter().enumerate() {
            reorder_table(dir.path(), name, |order| shuffle(order, seed * 16 + i as u64));
        }
        assert_eq!(sorted(read(dir.path())), sorted(records.clone()), "seed {seed}");
    }
}
