//! Model → XML → model: every record comes back unchanged, as one document each and all
//! together in one collection, and the bytes written are deterministic.

mod common;

use common::*;
use communique_model::Statement;
use communique_xml::{XmlParser, XmlSerializer};

fn collection(statements: &[Statement], serializer: XmlSerializer) -> Vec<u8> {
    let mut writer = serializer.for_writer(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    writer.finish().unwrap()
}

fn read_all(xml: &[u8]) -> Vec<Statement> {
    XmlParser::default()
        .for_reader(xml)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(xml)))
}

#[test]
fn reference_record_round_trips_as_one_document() {
    let statement = reference_statement();
    let xml = XmlSerializer::default().document_to_string(&statement).unwrap();
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statement xmlns=\"https://w3id.org/communique/xml/1.0\" \
         id=\"nato-2022-02-16-59fa18d5\" kind=\"press_statement\" xml:lang=\"en\">\n"
    ));
    assert!(xml.contains("\n  <date name=\"issued\" date=\"2022-02-16\"/>\n  <date name=\"lastUpdated\" date=\"2022-02-16\" time=\"15:14\"/>\n"));
    assert_eq!(XmlParser::default().parse_document(xml.as_bytes()).unwrap(), statement);
    // Through the writer API too.
    let bytes = XmlSerializer::default().serialize_document(&statement, Vec::new()).unwrap();
    assert_eq!(bytes, xml.as_bytes());
}

#[test]
fn reference_record_round_trips_in_a_collection_with_others() {
    let mut statements = vec![full_statement(), reference_statement()];
    statements.extend(corpus_texts().iter().take(3).map(|(name, text)| statement_around(name, text)));
    let xml = collection(&statements, XmlSerializer::default());
    assert_eq!(read_all(&xml), statements);
}

#[test]
fn every_record_round_trips_one_document_each() {
    for statement in all_statements() {
        for serializer in [XmlSerializer::default(), XmlSerializer::default().with_indent(0)] {
            let xml = serializer.document_to_string(&statement).unwrap();
            let back = XmlParser::default()
                .parse_document(xml.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", statement.id));
            assert_eq!(back, statement, "{}", statement.id);
        }
    }
}

#[test]
fn every_record_round_trips_all_together() {
    let statements = all_statements();
    for serializer in [
        XmlSerializer::default(),
        XmlSerializer::default().with_indent(0),
        XmlSerializer::default().with_indent(4),
    ] {
        let xml = collection(&statements, serializer);
        assert_eq!(read_all(&xml), statements);
    }
}

#[test]
fn two_exports_are_byte_identical() {
    let first = collection(&all_statements(), XmlSerializer::default());
    let second = collection(&all_statements(), XmlSerializer::default());
    assert_eq!(first, second);
    // Reading back and writing again gives the same bytes too.
    let again = collection(&read_all(&first), XmlSerializer::default());
    assert_eq!(first, again);
}

#[test]
fn an_empty_collection_is_a_document() {
    let xml = XmlSerializer::default().for_writer(Vec::new()).finish().unwrap();
    assert_eq!(
        String::from_utf8(xml.clone()).unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statements xmlns=\"https://w3id.org/communique/xml/1.0\">\n</statements>\n"
    );
    assert_eq!(read_all(&xml), Vec::<Statement>::new());
}

#[test]
fn reads_a_single_statement_root_as_a_stream_of_one() {
    let statement = full_statement();
    let xml = XmlSerializer::default().document_to_string(&statement).unwrap();
    assert_eq!(read_all(xml.as_bytes()), vec![statement]);
}

/// Reading through a reader that hands out a few bytes at a time changes nothing.
#[test]
fn reads_through_a_small_buffer() {
    let statements = vec![full_statement(), reference_statement()];
    let xml = collection(&statements, XmlSerializer::default());
    let reader = std::io::BufReader::with_capacity(7, xml.as_slice());
    let back: Vec<_> = XmlParser::default().for_reader(reader).collect::<Result<_, _>>().unwrap();
    assert_eq!(back, statements);
}
