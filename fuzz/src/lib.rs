//! What the fuzz targets share: reading any input through the facade, the CSV folder
//! a fuzz input is split into, and the round trip through every writable format.
//!
//! Every target reads with `communique::StatementParser::from_format`, as the
//! `communique` command does. A target may see an error on any input, never a panic;
//! the invariants it asserts are the ones ARCHITECTURE.md states.

use communique::csv::{CSVW_METADATA, TABLE_FILES};
use communique::model::Statement;
use communique::{Format, StatementParser, StatementSerializer};
use std::io::BufReader;
use std::path::Path;
use std::sync::OnceLock;

/// At most this many records of one input are looked at: a reader that yields an
/// error for every line of a long input is not slower to fuzz for it.
const RECORDS: usize = 64;

/// Reads `data` as `format` through the facade, every record until the first error or
/// [`RECORDS`] of them, and returns the statements read.
///
/// Ingest (plain text, Markdown, HTML pages and the pages of a WARC file) returns a
/// record that passes `validate()` or an error: a record that does not is a finding, and
/// so it panics.
pub fn read(format: Format, data: &[u8]) -> Vec<Statement> {
    let parser = StatementParser::from_format(format).for_reader(BufReader::new(data));
    let statements = collect(parser);
    if matches!(format, Format::Text | Format::Markdown | Format::Html | Format::Warc) {
        for statement in &statements {
            if let Err(errors) = statement.validate() {
                panic!("ingest returned a record that does not pass validate(): {errors}");
            }
        }
    } else {
        for statement in &statements {
            // Reading does not validate; validating what was read must not panic either.
            let _ = statement.validate();
        }
    }
    statements
}

fn collect<E>(records: impl Iterator<Item = Result<Statement, E>>) -> Vec<Statement> {
    let mut statements = Vec::new();
    for record in records.take(RECORDS) {
        match record {
            Ok(statement) => statements.push(statement),
            Err(_) => break,
        }
    }
    statements
}

/// The byte that separates the tables of a CSV folder in a fuzz input.
pub const CSV_SEPARATOR: u8 = 0;

/// Reads `data` as a CSV folder: its first byte says whether the folder is excel-safe
/// (`E`) or not (any other byte), and the rest, split at [`CSV_SEPARATOR`], is the
/// tables of [`TABLE_FILES`] in turn (a table the input has no part for is empty). The
/// CSVW metadata is the one the writer writes for that setting, so that the fuzzer
/// spends its time on the tables, not on the descriptor, of which the reader looks at
/// two properties. The folder is written afresh and read back through the facade.
pub fn read_csv(data: &[u8]) -> Vec<Statement> {
    let Some((&first, tables)) = data.split_first() else { return Vec::new() };
    let excel_safe = first == b'E';
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(CSVW_METADATA), csv_metadata(excel_safe)).expect("the metadata written");
    let mut parts = tables.split(|&byte| byte == CSV_SEPARATOR);
    for name in TABLE_FILES {
        std::fs::write(dir.path().join(name), parts.next().unwrap_or_default()).expect("a table written");
    }
    read_dir(Format::Csv, dir.path())
}

/// The `csv-metadata.json` the CSV writer writes, with `excel_safe` or without.
fn csv_metadata(excel_safe: bool) -> &'static [u8] {
    static METADATA: OnceLock<[Vec<u8>; 2]> = OnceLock::new();
    let written = |excel_safe| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let serializer = StatementSerializer::from_format(Format::Csv).with_excel_safe(excel_safe);
        let folder = serializer.for_dir(dir.path()).and_then(|w| w.finish()).expect("an empty CSV folder");
        std::fs::read(folder.join(CSVW_METADATA)).expect("the metadata read")
    };
    &METADATA.get_or_init(|| [written(false), written(true)])[usize::from(excel_safe)]
}

fn read_dir(format: Format, dir: &Path) -> Vec<Statement> {
    match StatementParser::from_format(format).for_path(dir) {
        Ok(parser) => {
            let statements = collect(parser);
            for statement in &statements {
                let _ = statement.validate();
            }
            statements
        }
        Err(_) => Vec::new(),
    }
}

/// Every writable format.
pub fn writable() -> impl Iterator<Item = Format> {
    Format::ALL.into_iter().filter(|format| format.is_writable())
}

/// `statement`, which passes `validate()`, written in `format` through the facade and
/// read back. Panics where ARCHITECTURE.md promises otherwise: a format refusing a
/// record that passes `validate()`, or failing to read what it wrote.
pub fn through(format: Format, statement: &Statement) -> Vec<Statement> {
    let serializer = StatementSerializer::from_format(format);
    if let Err(error) = serializer.prepare(statement) {
        panic!("{format} refuses a record that passes validate(): {error}");
    }
    let parser = StatementParser::from_format(format);
    let read_back: Result<Vec<Statement>, _> = if matches!(format, Format::Csv | Format::Parquet) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut writer = serializer.for_dir(dir.path()).expect("a folder to write");
        writer.serialize_statement(statement).unwrap_or_else(|e| panic!("{format}: writing: {e}"));
        let folder = writer.finish().unwrap_or_else(|e| panic!("{format}: finishing: {e}"));
        let parser =
            parser.for_path(folder).unwrap_or_else(|e| panic!("{format}: reading what it wrote: {e}"));
        parser.collect()
    } else {
        let mut writer = serializer.for_writer(Vec::new());
        writer.serialize_statement(statement).unwrap_or_else(|e| panic!("{format}: writing: {e}"));
        let bytes = writer.finish().unwrap_or_else(|e| panic!("{format}: finishing: {e}"));
        parser.for_reader(BufReader::new(bytes.as_slice())).collect()
    };
    read_back.unwrap_or_else(|e| panic!("{format}: reading what it wrote: {e}"))
}

/// The round trip: every record `data` holds as JSON Lines that passes `validate()`,
/// written in every writable format and read back, is the identical record.
pub fn round_trip(data: &[u8]) {
    for statement in read(Format::JsonLines, data).iter().take(4) {
        if statement.validate().is_err() {
            continue;
        }
        for format in writable() {
            let back = through(format, statement);
            assert_eq!(back.as_slice(), std::slice::from_ref(statement), "{format}: not read back identical");
        }
    }
}
