//! What the reader refuses and where it says the fault is, and what the writer refuses.

mod common;

use common::*;
use communique_akn::{AknParseError, AknParser, AknSerializer, AknSyntaxError};
use communique_model::chrono::NaiveDate;
use communique_model::{Paragraph, ParagraphKind, Statement};
use std::io::{self, BufRead, Read};

fn parse(input: &str) -> Result<Statement, AknSyntaxError> {
    AknParser::default().parse_slice(input.as_bytes())
}

/// The document of `statement` with `from` replaced by `to` (which must occur).
fn edited(statement: &Statement, from: &str, to: &str) -> String {
    let document = AknSerializer::default().prepare(statement).unwrap().into_string();
    assert!(document.contains(from), "{from:?} is not in the document");
    document.replacen(from, to, 1)
}

#[track_caller]
fn check(input: &str, line: u64, column: u64, path: &str, message: &str) {
    let error = parse(input).unwrap_err();
    let at = error.position();
    assert_eq!((at.line(), at.column(), at.record()), (Some(line), Some(column), Some(1)), "{error}");
    assert_eq!(error.element_path(), path, "{error}");
    assert!(error.message().contains(message), "{error}");
}

#[test]
fn not_well_formed() {
    check("<akomaNtoso>\n  <doc>\n</akomaNtoso>", 3, 1, "/akomaNtoso/doc[1]", "not well-formed");
    // Line 2 is " é" and the control character: its third code point.
    check("<a>\n é\u{1}</a>", 2, 3, "/a", "U+0001");
    // "<a>\n" is 4 bytes, "é" 2 and the space 1: the control character is byte 7.
    assert_eq!(parse("<a>\n é\u{1}</a>").unwrap_err().position().byte_offset(), Some(7));
    check("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", 1, 1, "", "DOCTYPE");
    check("<a>&e;</a>", 1, 4, "/a", "undefined entity &e;");
    let error = AknParser::default().parse_slice(b"<a>\xC3</a>").unwrap_err();
    assert_eq!((error.position().byte_offset(), error.message()), (Some(3), "the input is not UTF-8"));
}

#[test]
fn not_a_statement() {
    check(
        "<akomaNtoso xmlns='urn:other'/>",
        1,
        1,
        "/akomaNtoso",
        "the root element must be <akomaNtoso> in \"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"",
    );
    check(
        "<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>\n  <act/>\n</akomaNtoso>",
        2,
        3,
        "/akomaNtoso/act[1]",
        "element <act> is not expected in <akomaNtoso>",
    );
    check(
        "<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><doc name='judgment'/></akomaNtoso>",
        1,
        70,
        "/akomaNtoso/doc[1]",
        "<doc name=\"statement\">",
    );
}

#[test]
fn faults_in_the_statement_name_the_element_and_the_statement() {
    let statement = every_kind();
    let input =
        edited(&statement, "<heading>Energy security</heading>", "<subheading>Energy security</subheading>");
    let error = parse(&input).unwrap_err();
    assert_eq!(error.element_path(), "/akomaNtoso/doc[1]/mainBody[1]/paragraph[2]/subheading[1]");
    assert_eq!(error.statement_id(), Some("g7-2022-05-20-every-kind"));
    assert!(error.message().contains("<subheading> is not expected in <paragraph>"), "{error}");
    let line = input.lines().position(|l| l.contains("<subheading>")).unwrap() as u64 + 1;
    assert_eq!((error.position().line(), error.position().column()), (Some(line), Some(9)));

    for (from, to, message) in [
        (r#"value="communique""#, r#"value="memo""#, "statement kind \"memo\" is not one of"),
        (r#"kind="action""#, r#"kind="promise""#, "kind \"promise\" is not one of pledge, action"),
        ("<FRBRnumber", "<FRBRnumberX", "lacks its <FRBRnumber>"),
        (
            "We met in Brussels.",
            "We met <marker name=\"U+0041\"/>",
            "must name, as U+ and four uppercase hex digits",
        ),
        (
            "We met in Brussels.",
            "We met <b>in</b> Brussels.",
            "element <b> is not allowed in the text of <p>",
        ),
        (
            r##"<inline eId="para_6__cmt_1" name="commitment" refersTo="#action">cut demand.</inline>"##,
            "cut demand.",
            "has neither a span of its own nor an inline mark",
        ),
        (
            "<cq:commitment eId=\"para_9__cmt_1\"",
            "<cq:commitment eId=\"para_9__cmt_2\"",
            "commitment \"para_9__cmt_2\" has neither",
        ),
        (
            "We met in Brussels.",
            r##"<inline eId="extra" name="commitment" refersTo="#pledge">We met</inline> in Brussels."##,
            "commitment \"extra\" has no coding in <analysis>",
        ),
        ("<mainBody>", "<mainBody>text", "text \"text\" is not allowed in <mainBody>"),
    ] {
        let error = parse(&edited(&statement, from, to)).unwrap_err();
        assert!(error.message().contains(message), "{from:?} → {to:?}: {error}");
    }

    let mut dated = bare();
    dated.issued = NaiveDate::from_ymd_opt(2022, 2, 28);
    let error =
        parse(&edited(&dated, r#"date="2022-02-28" name="issued""#, r#"date="2022-02-30" name="issued""#))
            .unwrap_err();
    assert!(error.message().contains("no such day"), "{error}");
}

#[test]
fn errors_reach_io_errors_with_their_kind() {
    let error: io::Error = AknParseError::from(parse("<a").unwrap_err()).into();
    assert_eq!(error.kind(), io::ErrorKind::InvalidData);

    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }
    impl BufRead for Failing {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            Err(io::Error::other("disk on fire"))
        }
        fn consume(&mut self, _: usize) {}
    }
    let results: Vec<_> = AknParser::default().for_reader(Failing).collect();
    assert!(matches!(results.as_slice(), [Err(AknParseError::Io(e))] if e.to_string() == "disk on fire"));
}

#[test]
fn values_an_attribute_cannot_carry_are_refused_with_their_field() {
    let mut statement = every_kind();
    statement.paragraphs[2].id = "para\u{1}3".into();
    let error = AknSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!(error.statement_id(), "g7-2022-05-20-every-kind");
    assert_eq!(error.json_path(), "$.paragraphs[2].id");
    assert_eq!(error.offset(), Some(4));

    let mut statement = bare();
    statement.id = "a\u{FFFF}".into();
    let error = AknSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!((error.json_path(), error.offset()), ("$.id", Some(1)));

    let mut statement = bare();
    statement.issued = NaiveDate::from_ymd_opt(10_000, 1, 1);
    let error = AknSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!((error.json_path(), error.offset()), ("$.issued", None));
    assert!(error.message().contains("year 10000"));

    // Free text is never refused: it is element content.
    let mut statement = bare();
    statement.paragraphs = vec![Paragraph::new("para_1", ParagraphKind::Body, "\u{0}")];
    statement.title = Some("\u{1}".into());
    assert!(AknSerializer::default().prepare(&statement).is_ok());
}

#[test]
fn a_refused_statement_writes_nothing() {
    let mut statement = bare();
    statement.id = "\u{1}".into();
    let mut writer = AknSerializer::default().for_writer(Vec::new());
    let error = writer.serialize_statement(&statement).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    writer.serialize_statement(&bare()).unwrap();
    let bytes = writer.finish().unwrap();
    assert_eq!(AknParser::default().parse_slice(&bytes).unwrap(), bare());
}
