//! A document too large to hold as text is formatted straight into the writer by
//! `serialize_statement`: the same bytes as `prepare`, and nothing written of a
//! statement the format refuses.

mod common;

use common::*;
use communique_akn::AknSerializer;
use communique_model::Statement;
use std::io::ErrorKind;

/// The reference statement with its paragraphs and commitments copied `copies` more
/// times under new eIds: a document of several MB.
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

#[test]
fn a_long_document_streams_the_same_bytes() {
    let long = long_statement(300);
    for serializer in [AknSerializer::default(), AknSerializer::default().with_indent(0)] {
        let mut writer = serializer.clone().for_writer(Vec::new());
        writer.serialize_statement(&long).unwrap();
        let streamed = writer.finish().unwrap();
        assert!(streamed.len() > 2_000_000, "{}", streamed.len());
        let prepared = serializer.prepare(&long).unwrap();
        assert!(streamed == prepared.as_bytes(), "{serializer:?}: the bytes differ");
        assert!(serializer.check(&long).is_ok());
    }

    // A control character in the last paragraph's speaker (an attribute): refused by
    // `check` and by `serialize_statement` alike, with nothing written.
    let mut bad = long;
    bad.paragraphs.last_mut().unwrap().speaker = Some("Chair\u{1}".into());
    let serializer = AknSerializer::default();
    let Err(refused) = serializer.prepare(&bad) else { panic!("XML carries no U+0001 in an attribute") };
    assert_eq!(serializer.check(&bad).unwrap_err().to_string(), refused.to_string());
    let mut writer = serializer.clone().for_writer(Vec::new());
    let error = writer.serialize_statement(&bad).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert_eq!(error.to_string(), refused.to_string());
    // Nothing written: the writer still takes a statement, and holds only it.
    writer.serialize_statement(&reference_statement()).unwrap();
    assert_eq!(writer.finish().unwrap(), serializer.prepare(&reference_statement()).unwrap().as_bytes());
}
