//! `prepare` on many threads, then `write_prepared` in order, writes the very bytes
//! `serialize_statement` writes; a statement prepared with another indent is refused.

mod common;

use common::*;
use communique_model::Statement;
use communique_xml::{PreparedStatement, XmlSerializer};
use rayon::prelude::*;
use std::io::ErrorKind;

fn serialized(statements: &[Statement], serializer: &XmlSerializer) -> Vec<u8> {
    let mut writer = serializer.clone().for_writer(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    writer.finish().unwrap()
}

/// Prepares `statements` on a pool of `threads` threads, then writes them in input order.
fn prepared_in_parallel(statements: &[Statement], serializer: &XmlSerializer, threads: usize) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let prepared: Vec<PreparedStatement> =
        pool.install(|| statements.par_iter().map(|s| serializer.prepare(s).unwrap()).collect());
    let mut writer = serializer.clone().for_writer(Vec::new());
    for p in prepared {
        writer.write_prepared(&p).unwrap();
    }
    writer.finish().unwrap()
}

#[test]
fn parallel_prepare_writes_the_same_bytes() {
    let statements = all_statements();
    assert!(statements.len() > 4, "enough records to spread over threads");
    for serializer in [XmlSerializer::default(), XmlSerializer::default().with_indent(0)] {
        let expected = serialized(&statements, &serializer);
        for threads in [1, 3, 4] {
            let got = prepared_in_parallel(&statements, &serializer, threads);
            assert!(got == expected, "{threads} threads, {serializer:?}: output differs");
        }
    }
}

#[test]
fn prepared_is_the_statement_element() {
    let statement = reference_statement();
    let prepared = XmlSerializer::default().prepare(&statement).unwrap();
    let expected = format!("\n  <statement id=\"{}\" kind=\"press_statement\"", statement.id);
    assert!(prepared.as_str().starts_with(&expected), "{:?}", &prepared.as_str()[..80]);
    assert!(prepared.as_str().ends_with("\n  </statement>"));
    assert_eq!(prepared.len(), prepared.as_str().len());
    // The collection is the start, the prepared statements in order, and the end.
    let mut writer = XmlSerializer::default().for_writer(Vec::new());
    writer.write_prepared(&prepared).unwrap();
    writer.write_prepared(&prepared).unwrap();
    let document = String::from_utf8(writer.finish().unwrap()).unwrap();
    assert_eq!(
        document,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statements xmlns=\"https://w3id.org/communique/xml/1.0\">{0}{0}\n</statements>\n",
            prepared.as_str()
        )
    );
}

#[test]
fn prepared_with_another_indent_is_refused_and_nothing_written() {
    let prepared = XmlSerializer::default().with_indent(4).prepare(&reference_statement()).unwrap();
    let mut writer = XmlSerializer::default().for_writer(Vec::new());
    let error = writer.write_prepared(&prepared).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(error.to_string().contains("indent of 4"), "{error}");
    assert_eq!(writer.finish().unwrap(), XmlSerializer::default().for_writer(Vec::new()).finish().unwrap());
}

#[test]
fn prepare_reports_what_cannot_be_written() {
    let mut statement = reference_statement();
    statement.paragraphs[1].id = "para\u{1}2".into();
    let error = XmlSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!((error.json_path(), error.offset()), ("$.paragraphs[1].id", Some(4)));
}

#[test]
fn prepared_statements_cross_threads() {
    fn send_sync_static<T: Send + Sync + 'static>() {}
    send_sync_static::<PreparedStatement>();
    send_sync_static::<XmlSerializer>();
}

/// The reference statement with its paragraphs and commitments copied `copies` more
/// times under new eIds: a statement of several MB of XML.
fn long_statement(copies: usize) -> Statement {
    let mut statement = reference_statement();
    let (paragraphs, commitments) = (statement.paragraphs.clone(), statement.commitments.clone());
    for copy in 1..=copies {
        for paragraph in &paragraphs {
            let mut paragraph = paragraph.clone();
            paragraph.id = format!("{}_copy{copy}", paragraph.id);
            statement.paragraphs.push(paragraph);
        }
        for commitment in &commitments {
            let mut commitment = commitment.clone();
            commitment.id = format!("{}_copy{copy}", commitment.id);
            commitment.paragraph = format!("{}_copy{copy}", commitment.paragraph);
            statement.commitments.push(commitment);
        }
    }
    statement
}

/// A statement too large to hold as text (its XML is written as it is formatted) gives
/// the bytes of `prepare` all the same; one XML cannot carry leaves nothing written.
#[test]
fn a_long_statement_streams_the_same_bytes() {
    let long = long_statement(300);
    let statements = [reference_statement(), long.clone(), full_statement()];
    for serializer in [XmlSerializer::default(), XmlSerializer::default().with_indent(0)] {
        let streamed = serialized(&statements, &serializer);
        assert!(streamed.len() > 2_000_000, "{}", streamed.len());
        assert!(streamed == prepared_in_parallel(&statements, &serializer, 1), "{serializer:?}");
        assert!(serializer.check(&long).is_ok());
    }
    // A control character in the last paragraph's speaker (an attribute): refused by
    // `check` and by `serialize_statement`, with nothing of the statement written.
    let mut bad = long;
    bad.paragraphs.last_mut().unwrap().speaker = Some("Chair\u{1}".into());
    let serializer = XmlSerializer::default();
    let Err(refused) = serializer.prepare(&bad) else { panic!("XML carries no U+0001 in an attribute") };
    assert_eq!(serializer.check(&bad).unwrap_err().to_string(), refused.to_string());
    let mut writer = serializer.clone().for_writer(Vec::new());
    writer.serialize_statement(&reference_statement()).unwrap();
    let error = writer.serialize_statement(&bad).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert_eq!(writer.finish().unwrap(), serialized(&[reference_statement()], &serializer));
}
