//! HTML pages and WARC web archives through the facade, as `communique ingest` and
//! `convert` read them: the 57 pages of the HTML corpus as files, the same pages as the
//! `response` records of a WARC file written by `warcio`
//! (`crates/html/tests/data/warc/corpus.warc.gz`, with `corpus.jsonl` saying which page
//! each record holds, its target URI and date), and a WARC whose payload was altered.

use communique::model::Statement;
use communique::text::IngestOptions;
use communique::{Format, StatementParseError, StatementParser};
use serde_json::Value;
use std::path::Path;

/// The record of one file, read as its extension says.
fn read_file(path: &Path, options: IngestOptions) -> Statement {
    let format = Format::from_path(path).unwrap();
    let mut records: Vec<Statement> = StatementParser::from_format(format)
        .with_ingest_options(options)
        .for_path(path)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(records.len(), 1, "{}", path.display());
    records.remove(0)
}

#[test]
fn html_files_are_ingested_by_extension() {
    let pages = communique_testdata::html_corpus_pages();
    assert_eq!(pages.len(), 57);
    for path in &pages {
        assert_eq!(Format::from_path(path), Some(Format::Html));
        let record = read_file(path, IngestOptions::default());
        record.validate().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // The page as received, and its fixity over the bytes.
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(record.fixity, Some(communique::model::Fixity::sha256(&bytes)));
        assert!(
            record.source_text.as_deref().is_some_and(|t| t.contains("</html>") || t.contains("</HTML>"))
        );
    }
}

/// What `corpus.jsonl` says of each record of the corpus WARC.
struct Written {
    file: String,
    uri: String,
    date: String,
}

fn written() -> Vec<Written> {
    let path = communique_testdata::html_corpus_warc().with_file_name("corpus.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap();
            let field = |name: &str| value[name].as_str().unwrap().to_owned();
            Written { file: field("file"), uri: field("uri"), date: field("date") }
        })
        .collect()
}

#[test]
fn a_warc_of_the_pages_ingests_to_the_same_records() {
    let warc = communique_testdata::html_corpus_warc();
    assert_eq!(Format::from_path(&warc), Some(Format::Warc));
    let mut reader = StatementParser::from_format(Format::Warc).for_path(&warc).unwrap();
    let written = written();
    assert_eq!(written.len(), 57);
    let mut count = 0;
    for (record, expected) in std::iter::from_fn(|| reader.next_unparsed()).zip(&written) {
        let unparsed = record.unwrap();
        // Every record of the file is a response: the n-th page is record n.
        assert_eq!(unparsed.position().record(), Some(count as u64 + 1), "{}", expected.file);
        assert!(unparsed.position().byte_offset().is_some());
        let from_warc = unparsed.parse().unwrap_or_else(|e| panic!("{}: {e}", expected.file));
        assert_eq!(from_warc.source.url.as_deref(), Some(expected.uri.as_str()));
        assert_eq!(from_warc.source.retrieved.map(|d| d.to_string()).as_deref(), Some(&expected.date[..10]));
        // The file itself, with the address and date the WARC gives, is the same record.
        let options = IngestOptions {
            source_url: Some(expected.uri.clone()),
            retrieved: from_warc.source.retrieved,
            ..IngestOptions::default()
        };
        let from_file = read_file(&communique_testdata::html_corpus_dir().join(&expected.file), options);
        assert_eq!(from_warc, from_file, "{}", expected.file);
        count += 1;
    }
    assert_eq!(count, 57);
    assert!(reader.next_unparsed().is_none());
}

#[test]
fn an_altered_payload_is_an_error_with_record_and_offset_and_reading_goes_on() {
    let path = communique_testdata::root().join("crates/html/tests/data/warc/bad-digest.warc");
    let results: Vec<Result<Statement, StatementParseError>> =
        StatementParser::from_format(Format::Warc).for_path(&path).unwrap().collect();
    // Three pages: the first altered after writing, the image and the request skipped.
    assert_eq!(results.len(), 3);
    let StatementParseError::Syntax(error) = results[0].as_ref().unwrap_err() else {
        panic!("{:?}", results[0]);
    };
    let file = std::fs::read(&path).unwrap();
    let third = file.windows(8).enumerate().filter(|(_, w)| w == b"WARC/1.1").nth(2).unwrap().0;
    assert_eq!(error.position().record(), Some(3));
    assert_eq!(error.position().byte_offset(), Some(third as u64));
    assert!(error.message().starts_with("WARC-Payload-Digest"), "{}", error.message());
    let pages: Vec<&Statement> = results[1..].iter().map(|r| r.as_ref().unwrap()).collect();
    assert_eq!(pages[0].source.url.as_deref(), Some("https://example.de/erklaerung"));
    // No metadata confirms the <h1>, so the <title> is the title.
    assert_eq!(pages[0].title.as_deref(), Some("Erklärung"));
    assert_eq!(pages[0].paragraphs[0].text, "Die Außenminister begrüßen die Einigung.");
    assert_eq!(pages[1].source.url.as_deref(), Some("https://example.fr/communique"));
    assert_eq!(pages[1].source.retrieved.map(|d| d.to_string()).as_deref(), Some("2026-01-05"));
}
