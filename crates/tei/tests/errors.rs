//! What the reader refuses and where it says the fault is, and what the writer refuses.

mod common;

use common::*;
use communique_model::chrono::NaiveDate;
use communique_model::{Paragraph, ParagraphKind, Statement};
use communique_tei::{TeiParseError, TeiParser, TeiSerializer, TeiSyntaxError};
use std::io::{self, BufRead, Read};

fn parse(input: &str) -> Result<Statement, TeiSyntaxError> {
    TeiParser::default().parse_slice(input.as_bytes())
}

/// The document of `statement` with `from` replaced by `to` (which must occur).
fn edited(statement: &Statement, from: &str, to: &str) -> String {
    let document = TeiSerializer::default().prepare(statement).unwrap().into_string();
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
    check("<TEI>\n  <text>\n</TEI>", 3, 1, "/TEI/text[1]", "not well-formed");
    // Line 2 is "é", a space and the control character: its third code point.
    check("<a>\né \u{1}</a>", 2, 3, "/a", "U+0001");
    // "<a>\n" is 4 bytes, "é" 2 and the space 1: the control character is byte 7.
    assert_eq!(parse("<a>\né \u{1}</a>").unwrap_err().position().byte_offset(), Some(7));
    check("<a>&#x1F;</a>", 1, 4, "/a", "U+001F");
    check("<?xml version='1.0' encoding='ISO-8859-1'?><a/>", 1, 1, "", "only UTF-8");
}

#[test]
fn not_a_statement() {
    check("<TEI/>", 1, 1, "/TEI", "the root element must be <TEI> in \"http://www.tei-c.org/ns/1.0\"");
    check(
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n  <teiCorpus/>\n</TEI>",
        2,
        3,
        "/TEI/teiCorpus[1]",
        "element <teiCorpus> is not expected in <TEI>",
    );
    check(
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text/></TEI>",
        1,
        1,
        "/TEI",
        "<TEI> lacks its <teiHeader>",
    );
}

#[test]
fn faults_in_the_statement_name_the_element_and_the_statement() {
    let statement = every_kind();
    let input = edited(&statement, r#"<p xml:id="para_3">"#, r#"<lg xml:id="para_3">"#).replacen(
        "Brussels.</p>",
        "Brussels.</lg>",
        1,
    );
    let error = parse(&input).unwrap_err();
    assert_eq!(error.element_path(), "/TEI/text[1]/body[1]/div[1]/lg[1]");
    assert_eq!(error.statement_id(), Some("g7-2022-05-20-every-kind"));
    assert!(error.message().contains("element <lg> is not expected in <div>"), "{error}");
    let line = input.lines().position(|l| l.contains("<lg ")).unwrap() as u64 + 1;
    assert_eq!((error.position().line(), error.position().column()), (Some(line), Some(9)));

    for (from, to, message) in [
        (r#"<text type="communique""#, r#"<text type="memo""#, "statement kind \"memo\" is not one of"),
        (
            r##"ana="#action""##,
            r##"ana="#promise""##,
            "ana=\"#promise\" does not point at a kind of the codebook",
        ),
        (
            r#"<idno type="communique">"#,
            r#"<idno type="local">"#,
            "element <idno> is not expected in <publicationStmt>",
        ),
        (
            "We met in Brussels.",
            "We met <g type=\"U+0041\"/>",
            "must name, as U+ and four uppercase hex digits",
        ),
        (
            "We met in Brussels.",
            "We met <hi>in</hi> Brussels.",
            "element <hi> is not allowed in the text of <p>",
        ),
        (
            r##"<seg xml:id="para_6__cmt_1" ana="#action">cut demand.</seg>"##,
            "cut demand.",
            "commitment \"para_6__cmt_1\" has neither an inline <seg> nor a stand-off <span>",
        ),
        (
            "We met in Brussels.",
            r##"<seg xml:id="extra" ana="#pledge">We met</seg> in Brussels."##,
            "commitment \"extra\" has no <fs> coding",
        ),
        (r#"<f name="id">"#, r#"<f name="ident">"#, "feature \"ident\" is not one of a commitment's"),
        (r#"<symbol value="rule"/>"#, r#"<symbol value="guess"/>"#, "the method type must be"),
    ] {
        let input = edited(&statement, from, to);
        let error = parse(&input).map(|_| ()).unwrap_err();
        assert!(error.message().contains(message), "{from:?} → {to:?}: {error}");
    }

    let mut dated = bare();
    dated.issued = NaiveDate::from_ymd_opt(2022, 2, 28);
    let error = parse(&edited(&dated, r#"when="2022-02-28""#, r#"when="2022-02-30""#)).unwrap_err();
    assert!(error.message().contains("no such day"), "{error}");

    let error = parse(&edited(&full_statement(), "#string-range(para_1,55,2)", "#string-range(para_1,55)"))
        .unwrap_err();
    assert!(error.message().contains("is not #string-range(id,offset,length)"), "{error}");
}

#[test]
fn errors_reach_io_errors_with_their_kind() {
    let error: io::Error = TeiParseError::from(parse("<a").unwrap_err()).into();
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
    let results: Vec<_> = TeiParser::default().for_reader(Failing).collect();
    assert!(matches!(results.as_slice(), [Err(TeiParseError::Io(e))] if e.to_string() == "disk on fire"));
}

#[test]
fn values_an_attribute_cannot_carry_are_refused_with_their_field() {
    let mut statement = every_kind();
    statement.paragraphs[4].number = Some("a\u{b}".into());
    let error = TeiSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!(error.statement_id(), "g7-2022-05-20-every-kind");
    assert_eq!((error.json_path(), error.offset()), ("$.paragraphs[4].number", Some(1)));

    let mut statement = bare();
    statement.language = Some("en\u{0}".into());
    let error = TeiSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!((error.json_path(), error.offset()), ("$.language", Some(2)));

    let mut statement = bare();
    statement.source.retrieved = NaiveDate::from_ymd_opt(10_000, 1, 1);
    let error = TeiSerializer::default().prepare(&statement).unwrap_err();
    assert_eq!((error.json_path(), error.offset()), ("$.source.retrieved", None));

    // Free text is never refused: it is element content (the id and rule ids too, in TEI).
    let mut statement = bare();
    statement.id = "\u{1}".into();
    statement.paragraphs = vec![Paragraph::new("para_1", ParagraphKind::Body, "\u{0}")];
    assert!(TeiSerializer::default().prepare(&statement).is_ok());
}

#[test]
fn a_refused_statement_writes_nothing() {
    let mut statement = bare();
    statement.language = Some("\u{1}".into());
    let mut writer = TeiSerializer::default().for_writer(Vec::new());
    let error = writer.serialize_statement(&statement).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    writer.serialize_statement(&bare()).unwrap();
    let bytes = writer.finish().unwrap();
    assert_eq!(TeiParser::default().parse_slice(&bytes).unwrap(), bare());
}
