//! Model → TEI → model: every record comes back identical — the hand-made ones,
//! the plain-text corpus and the White House folder — whatever the indent, through the
//! writer and the reader, and the bytes written are deterministic.

mod common;

use common::*;
use communique_model::Statement;
use communique_tei::{TeiParser, TeiSerializer};

fn document(statement: &Statement, serializer: &TeiSerializer) -> Vec<u8> {
    let mut writer = serializer.clone().for_writer(Vec::new());
    writer.serialize_statement(statement).unwrap_or_else(|e| panic!("{}: {e}", statement.id));
    writer.finish().unwrap()
}

fn read(bytes: &[u8]) -> Statement {
    let mut statements: Vec<Statement> = TeiParser::default()
        .for_reader(bytes)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(bytes)));
    assert_eq!(statements.len(), 1, "a document holds one statement");
    statements.remove(0)
}

fn check(statements: &[Statement]) {
    for serializer in [
        TeiSerializer::default(),
        TeiSerializer::default().with_indent(0),
        TeiSerializer::default().with_indent(4),
    ] {
        for statement in statements {
            let bytes = document(statement, &serializer);
            assert_eq!(read(&bytes), *statement, "{}", statement.id);
        }
    }
}

#[test]
fn hand_made_records_round_trip() {
    check(&hand_made());
}

#[test]
fn the_plain_text_corpus_round_trips() {
    check(&corpus());
}

#[test]
fn the_white_house_folder_round_trips() {
    check(&whitehouse());
}

#[test]
fn output_is_deterministic_and_stable_under_a_second_trip() {
    for statement in hand_made() {
        let first = document(&statement, &TeiSerializer::default());
        let second = document(&statement, &TeiSerializer::default());
        assert_eq!(first, second);
        // Read back and written again: the same bytes.
        assert_eq!(document(&read(&first), &TeiSerializer::default()), first);
    }
}

#[test]
fn prepare_gives_the_bytes_serialize_statement_writes() {
    let serializer = TeiSerializer::default();
    for statement in hand_made() {
        let prepared = serializer.prepare(&statement).unwrap();
        assert_eq!(prepared.as_bytes(), document(&statement, &serializer).as_slice());
        let mut writer = serializer.clone().for_writer(Vec::new());
        writer.write_prepared(&prepared).unwrap();
        assert_eq!(writer.finish().unwrap(), prepared.as_bytes());
    }
}

#[test]
fn parse_document_and_parse_slice_agree_with_the_iterator() {
    let statement = full_statement();
    let bytes = document(&statement, &TeiSerializer::default());
    assert_eq!(TeiParser::default().parse_document(bytes.as_slice()).unwrap(), statement);
    assert_eq!(TeiParser::default().parse_slice(&bytes).unwrap(), statement);
    // Through a reader that hands out a few bytes at a time.
    let small = std::io::BufReader::with_capacity(5, bytes.as_slice());
    assert_eq!(TeiParser::default().parse_document(small).unwrap(), statement);
}

#[test]
fn a_document_holds_one_statement() {
    let mut writer = TeiSerializer::default().for_writer(Vec::new());
    writer.serialize_statement(&bare()).unwrap();
    let error = writer.serialize_statement(&bare()).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    let bytes = writer.finish().unwrap();
    assert_eq!(read(&bytes), bare());

    let error = TeiSerializer::default().for_writer(Vec::new()).finish().unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
}
