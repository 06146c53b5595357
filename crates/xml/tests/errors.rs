//! Malformed or foreign XML gives an error that says what and where: line, column (in
//! code points), byte offset, element path and statement id.

use communique_xml::{XmlParseError, XmlParser, XmlSyntaxError};

const NS: &str = "https://w3id.org/communique/xml/1.0";

fn first_error(xml: &str) -> XmlSyntaxError {
    let results: Vec<_> = XmlParser::default().for_reader(xml.as_bytes()).collect();
    let last = results.last().expect("at least one item");
    match last {
        Err(XmlParseError::Syntax(error)) => {
            assert_eq!(
                results.len() - 1,
                results.iter().filter(|r| r.is_ok()).count(),
                "only the last item fails"
            );
            error.clone()
        }
        other => panic!("expected a syntax error for\n{xml}\ngot {other:?}"),
    }
}

/// `xml` fails at `line`:`column` in the element `path` with a message containing `message`.
fn check(xml: &str, line: u64, column: u64, path: &str, message: &str) {
    let error = first_error(xml);
    let at = error.position();
    assert_eq!(
        (at.line(), at.column(), error.element_path()),
        (Some(line), Some(column), path),
        "position of {:?} in\n{xml}",
        error.message()
    );
    assert!(error.message().contains(message), "{:?} does not contain {message:?}", error.message());
    // The byte offset agrees with the line and column.
    let before = &xml.as_bytes()[..usize::try_from(at.byte_offset().unwrap()).unwrap()];
    let before = std::str::from_utf8(before).unwrap();
    assert_eq!(before.matches('\n').count() as u64 + 1, line);
    assert_eq!(before.rsplit('\n').next().unwrap().chars().count() as u64 + 1, column);
}

fn doc(body: &str) -> String {
    format!(
        "<statements xmlns=\"{NS}\">\n  <statement id=\"s1\" kind=\"other\">\n{body}\n  </statement>\n</statements>\n"
    )
}

#[test]
fn mismatched_end_tag() {
    check(&doc("    <title>x</titel>"), 3, 13, "/statements/statement[1]/title[1]", "titel");
}

#[test]
fn commitment_kind_outside_the_list() {
    let xml = doc("    <paragraph eId=\"para_1\" kind=\"body\"><text>We promise.</text></paragraph>\n    \
         <commitment eId=\"c1\" paragraph=\"para_1\" kind=\"promise\"><quote start=\"0\" end=\"11\">We promise.</quote><method type=\"manual\"/></commitment>");
    check(
        &xml,
        4,
        5,
        "/statements/statement[1]/commitment[1]",
        "kind \"promise\" of <commitment> is not one of pledge, action,",
    );
    let error = first_error(&xml);
    assert_eq!(error.statement_id(), Some("s1"));
    // The first statement of the collection is being read.
    assert_eq!(error.position().record(), Some(1));
}

#[test]
fn date_that_does_not_exist() {
    check(
        &doc("    <date name=\"issued\" date=\"2022-02-30\"/>"),
        3,
        5,
        "/statements/statement[1]/date[1]",
        "no such day",
    );
    check(
        &doc("    <date name=\"lastUpdated\" date=\"2022-02-16\" time=\"24:01\"/>"),
        3,
        5,
        "/statements/statement[1]/date[1]",
        "is no time of day",
    );
    check(
        &doc("    <date name=\"issued\" date=\"2022-02-16\" time=\"10:00\"/>"),
        3,
        5,
        "/statements/statement[1]/date[1]",
        "is a calendar date: it takes no time",
    );
    check(
        &doc("    <date name=\"lastUpdated\" date=\"2022-02-16\"/>"),
        3,
        5,
        "/statements/statement[1]/date[1]",
        "is a timestamp: it needs a time of day",
    );
}

#[test]
fn literal_control_character_points_at_itself() {
    check(&doc("    <title>Мир \u{1}</title>"), 3, 16, "/statements/statement[1]/title[1]", "U+0001");
    check(&doc("    <title>🕊 \u{FFFF}</title>"), 3, 14, "/statements/statement[1]/title[1]", "U+FFFF");
    check(&doc("    <title>\u{FFFD}\u{FFFE}</title>"), 3, 13, "/statements/statement[1]/title[1]", "U+FFFE");
}

#[test]
fn undefined_entity() {
    check(
        &doc("    <title>a&nbsp;b</title>"),
        3,
        13,
        "/statements/statement[1]/title[1]",
        "undefined entity &nbsp;",
    );
}

#[test]
fn character_reference_xml_forbids() {
    check(&doc("    <title>a&#1;</title>"), 3, 13, "/statements/statement[1]/title[1]", "&#1; names U+0001");
}

#[test]
fn escape_element_for_an_ordinary_character() {
    check(
        &doc("    <title>a<c u=\"0041\"/></title>"),
        3,
        13,
        "/statements/statement[1]/title[1]/c[1]",
        "<c u=\"0041\">",
    );
}

#[test]
fn text_where_only_elements_go() {
    check(
        &doc("    stray <title>x</title>"),
        2,
        35,
        "/statements/statement[1]",
        "text \"stray\" is not allowed in <statement>",
    );
}

#[test]
fn unknown_element_and_attribute() {
    check(
        &doc("    <subtitle>x</subtitle>"),
        3,
        5,
        "/statements/statement[1]/subtitle[1]",
        "element <subtitle> is not allowed in <statement>",
    );
    check(
        &doc("    <title lang=\"en\">x</title>"),
        3,
        5,
        "/statements/statement[1]/title[1]",
        "unknown attribute \"lang\" on <title>",
    );
}

#[test]
fn missing_required_parts() {
    check(
        &doc("    <paragraph kind=\"body\"><text>x</text></paragraph>"),
        3,
        5,
        "/statements/statement[1]/paragraph[1]",
        "lacks its required attribute \"eId\"",
    );
    check(
        &doc("    <paragraph eId=\"p\" kind=\"body\"><num>1</num></paragraph>"),
        3,
        48,
        "/statements/statement[1]/paragraph[1]",
        "<paragraph> lacks its required <text>",
    );
}

#[test]
fn single_valued_child_twice() {
    check(
        &doc("    <title>a</title><title>b</title>"),
        3,
        21,
        "/statements/statement[1]/title[2]",
        "<title> appears more than once",
    );
}

#[test]
fn foreign_namespace_and_wrong_root() {
    check("<statements xmlns=\"urn:other\"/>", 1, 1, "", "is in namespace \"urn:other\"");
    check("<statements/>", 1, 1, "", "is in no namespace");
    check(
        &format!("<?xml version=\"1.0\"?>\n<paragraph xmlns=\"{NS}\"/>"),
        2,
        1,
        "/paragraph",
        "the root element must be <statements> or <statement>",
    );
}

#[test]
fn truncated_input() {
    let xml = doc("    <title>x</title>");
    let cut = &xml[..xml.find("</statement>").unwrap()];
    check(cut, 4, 3, "/statements/statement[1]", "the input ends inside <statement>");
}

#[test]
fn second_statement_fails_after_the_first_is_read() {
    let xml = format!(
        "<statements xmlns=\"{NS}\">\n<statement id=\"a\" kind=\"other\"/>\n<statement id=\"b\" kind=\"memo\"/>\n</statements>"
    );
    let results: Vec<_> = XmlParser::default().for_reader(xml.as_bytes()).collect();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].as_ref().unwrap().id, "a");
    check(
        &xml,
        3,
        1,
        "/statements/statement[2]",
        "kind \"memo\" of <statement> is not one of press_statement,",
    );
}

#[test]
fn doctype_and_other_encodings_are_refused() {
    check(
        &format!("<!DOCTYPE statements [<!ENTITY x \"y\">]>\n<statements xmlns=\"{NS}\"/>"),
        1,
        1,
        "",
        "DOCTYPE",
    );
    check(
        &format!("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><statements xmlns=\"{NS}\"/>"),
        1,
        1,
        "",
        "only UTF-8",
    );
    check(&format!("<?xml version=\"1.1\"?><statements xmlns=\"{NS}\"/>"), 1, 1, "", "only 1.0");
}

#[test]
fn content_after_the_root() {
    check(
        &format!("<statements xmlns=\"{NS}\"/>\n<statements xmlns=\"{NS}\"/>"),
        2,
        1,
        "/statements",
        "a second root element",
    );
}

#[test]
fn empty_input() {
    check("", 1, 1, "", "no root element");
    check("  \n ", 2, 2, "", "no root element");
}

#[test]
fn invalid_utf8_is_an_error_with_a_position() {
    let mut xml = doc("    <title>ab</title>").into_bytes();
    let at = xml.windows(2).position(|w| w == b"ab").unwrap();
    xml[at + 1] = 0xFF;
    let results: Vec<_> = XmlParser::default().for_reader(xml.as_slice()).collect();
    match results.last() {
        Some(Err(XmlParseError::Syntax(error))) => assert_eq!(error.position().line(), Some(3), "{error}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn parse_document_wants_exactly_one_statement() {
    let none = format!("<statements xmlns=\"{NS}\"></statements>");
    let error = XmlParser::default().parse_document(none.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("holds no statement"), "{error}");
    let two = format!(
        "<statements xmlns=\"{NS}\"><statement id=\"a\" kind=\"other\"/><statement id=\"b\" kind=\"other\"/></statements>"
    );
    let error = XmlParser::default().parse_document(two.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("more than one statement"), "{error}");
}

#[test]
fn error_display_and_io_conversion() {
    let error = first_error(&doc("    <title>x</titel>"));
    assert_eq!(
        error.to_string(),
        format!(
            "line 3, column 13, at /statements/statement[1]/title[1] (statement \"s1\"): {}",
            error.message()
        )
    );
    let io: std::io::Error = XmlParseError::Syntax(error).into();
    assert_eq!(io.kind(), std::io::ErrorKind::InvalidData);
}
