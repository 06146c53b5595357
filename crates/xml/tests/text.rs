//! Text that XML makes hard: the documented rules, and the exact round trip of
//! everything else (issue 5, Done-when 3).

use communique_model::{CommitmentKind, Method, Paragraph, ParagraphKind, Span, Statement, StatementKind};
use communique_xml::{XmlParser, XmlSerializer};
use std::io;

/// `&`, `<`, `>`, `]]>`, both quote kinds, Cyrillic, an emoji, leading and trailing
/// spaces, CR, CRLF, a tab and U+0001.
const HARD: &str = "  Tom & Jerry <b> 1 > 0 ]]> \"double\" 'single' Мир 🕊\r\nCRLF\rCR\tTAB \u{1} end  ";

/// The same text as element content: markup characters as entity references, CR as
/// `&#13;`, U+0001 as `<c u="0001"/>`, everything else literal.
const HARD_XML: &str = "  Tom &amp; Jerry &lt;b&gt; 1 &gt; 0 ]]&gt; \"double\" 'single' Мир 🕊&#13;\nCRLF&#13;CR\tTAB <c u=\"0001\"/> end  ";

fn hard_statement() -> Statement {
    let mut statement = Statement {
        id: "hard-text".into(),
        kind: StatementKind::Other,
        title: Some(HARD.into()),
        source_text: Some(HARD.into()),
        paragraphs: vec![Paragraph::new("para_1", ParagraphKind::Quote, HARD)],
        keywords: vec![HARD.into()],
        ..Statement::default()
    };
    let span = Span::new(0, HARD.chars().count());
    statement.commitments.push(communique_model::Commitment::new(
        "para_1__cmt_1",
        "para_1",
        span,
        HARD,
        CommitmentKind::Demand,
        Method::manual(HARD),
    ));
    statement.validate().unwrap();
    statement
}

#[test]
fn hard_text_is_escaped_by_the_documented_rule() {
    let xml = XmlSerializer::default().document_to_string(&hard_statement()).unwrap();
    for element in ["title", "keyword", "sourceText", "text", "annotator"] {
        let expected = format!("<{element}>{HARD_XML}</{element}>");
        assert!(xml.contains(&expected), "<{element}> is not written as {expected}\n{xml}");
    }
    let quote = format!("<quote start=\"0\" end=\"{}\">{HARD_XML}</quote>", HARD.chars().count());
    assert!(xml.contains(&quote), "{xml}");
    assert!(!xml.contains('\r'), "a literal CR would come back as LF");
    assert!(!xml.contains('\u{1}'));
    assert!(!xml.contains("]]>"));
}

#[test]
fn hard_text_round_trips_exactly() {
    let statement = hard_statement();
    for serializer in [XmlSerializer::default(), XmlSerializer::default().with_indent(0)] {
        let xml = serializer.document_to_string(&statement).unwrap();
        let back = XmlParser::default().parse_document(xml.as_bytes()).unwrap();
        assert_eq!(back.title.as_deref(), Some(HARD));
        assert_eq!(back.paragraphs[0].text, HARD);
        assert_eq!(back, statement);
    }
}

#[test]
fn every_character_xml_cannot_carry_round_trips_in_text() {
    let forbidden: String = (0u32..0x20)
        .filter(|c| !matches!(c, 0x9 | 0xA | 0xD))
        .chain([0xFFFE, 0xFFFF])
        .map(|c| char::from_u32(c).unwrap())
        .collect();
    assert_eq!(forbidden.chars().count(), 31);
    let statement =
        Statement { id: "controls".into(), title: Some(forbidden.clone()), ..Statement::default() };
    let xml = XmlSerializer::default().document_to_string(&statement).unwrap();
    assert!(xml.contains("<title><c u=\"0000\"/><c u=\"0001\"/>"), "{xml}");
    assert!(xml.contains("<c u=\"001F\"/><c u=\"FFFE\"/><c u=\"FFFF\"/></title>"), "{xml}");
    let back = XmlParser::default().parse_document(xml.as_bytes()).unwrap();
    assert_eq!(back.title.as_deref(), Some(forbidden.as_str()));
}

/// Values written as attributes (ids, codes, digests) cannot take the escape element:
/// such a character there is an error that names the statement, the field and the
/// position, and nothing of that statement is written.
#[test]
fn a_character_xml_cannot_carry_in_an_attribute_is_an_error() {
    let mut bad = hard_statement();
    bad.paragraphs[0].id = "para\u{1}1".into();
    let error = XmlSerializer::default().document_to_string(&bad).unwrap_err();
    assert_eq!(error.statement_id(), "hard-text");
    assert_eq!(error.json_path(), "$.paragraphs[0].id");
    assert_eq!(error.offset(), Some(4));
    assert!(error.message().contains("U+0001"), "{error}");
    assert_eq!(
        error.to_string(),
        "statement \"hard-text\", $.paragraphs[0].id: U+0001 at code point 4 cannot be carried by XML 1.0 in an attribute value"
    );

    // In a collection the failed statement leaves no trace and the writer goes on.
    let good = hard_statement();
    let mut writer = XmlSerializer::default().for_writer(Vec::new());
    writer.serialize_statement(&good).unwrap();
    let io_error = writer.serialize_statement(&bad).unwrap_err();
    assert_eq!(io_error.kind(), io::ErrorKind::InvalidInput);
    writer.serialize_statement(&good).unwrap();
    let xml = writer.finish().unwrap();
    let back: Vec<_> = XmlParser::default().for_reader(xml.as_slice()).collect::<Result<_, _>>().unwrap();
    assert_eq!(back, vec![good.clone(), good]);
}

/// Tabs, line feeds and CRs in attribute values are character references, which
/// attribute-value normalisation keeps.
#[test]
fn white_space_in_attribute_values_round_trips() {
    let statement = Statement { id: " a\tb\nc\r\nd \"'<&> ".into(), ..Statement::default() };
    let xml = XmlSerializer::default().document_to_string(&statement).unwrap();
    assert!(xml.contains(" id=\" a&#9;b&#10;c&#13;&#10;d &quot;'&lt;&amp;&gt; \""), "{xml}");
    assert_eq!(XmlParser::default().parse_document(xml.as_bytes()).unwrap(), statement);
}

/// Documents from elsewhere follow XML's rules: a literal CRLF or CR in text is a line
/// feed (XML 1.0 §2.11), a literal tab or line feed in an attribute value is a space
/// (§3.3.3); CDATA sections and character references are read as text.
#[test]
fn reads_line_ends_and_attributes_as_xml_prescribes() {
    let xml = "<statement xmlns='https://w3id.org/communique/xml/1.0' id='a\tb\nc' kind='other'>\r\n\
               <title>one\r\ntwo\rthree&#13;&#x1F54A;<![CDATA[<&>]]></title></statement>";
    let statement = XmlParser::default().parse_document(xml.as_bytes()).unwrap();
    assert_eq!(statement.id, "a b c");
    assert_eq!(statement.title.as_deref(), Some("one\ntwo\nthree\r🕊<&>"));
}

#[test]
fn empty_and_absent_strings_stay_apart() {
    let mut statement = Statement { id: "e".into(), title: Some(String::new()), ..Statement::default() };
    statement.reference = None;
    statement.keywords = vec![String::new(), " ".into()];
    let xml = XmlSerializer::default().document_to_string(&statement).unwrap();
    assert!(xml.contains("<title></title>") && !xml.contains("docNumber"), "{xml}");
    assert!(xml.contains("<keyword></keyword>\n  <keyword> </keyword>"), "{xml}");
    assert_eq!(XmlParser::default().parse_document(xml.as_bytes()).unwrap(), statement);
    // A self-closing element is an empty text too.
    let short = xml.replace("<title></title>", "<title/>");
    assert_eq!(XmlParser::default().parse_document(short.as_bytes()).unwrap(), statement);
}
