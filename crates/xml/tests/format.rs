//! The exact bytes the writer produces for a small record, worked out by hand from the
//! vocabulary's rules (schemas/communique.xsd).

use communique_model::chrono::NaiveDate;
use communique_model::{
    Commitment, CommitmentKind, Method, Paragraph, ParagraphKind, Span, Statement, StatementKind,
};
use communique_xml::{XmlParser, XmlSerializer};

fn small() -> Statement {
    let text = "We stand united.";
    let mut commitment = Commitment::new(
        "para_1__cmt_1",
        "para_1",
        Span::new(0, 16),
        text,
        CommitmentKind::Pledge,
        Method::rule("en.pledge.stand_united"),
    );
    commitment.future_oriented = true;
    Statement {
        id: "s-1".into(),
        kind: StatementKind::PressStatement,
        language: Some("en".into()),
        issued: NaiveDate::from_ymd_opt(2022, 2, 16),
        published: Some("2014-05-02T20:40-04:00".parse().unwrap()),
        paragraphs: vec![Paragraph::new("para_1", ParagraphKind::Body, text)],
        commitments: vec![commitment],
        ..Statement::default()
    }
}

const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<statement xmlns="https://w3id.org/communique/xml/1.0" id="s-1" kind="press_statement" xml:lang="en">
  <date name="issued" date="2022-02-16"/>
  <date name="published" date="2014-05-02" time="20:40" offset="-04:00"/>
  <paragraph eId="para_1" kind="body">
    <text>We stand united.</text>
  </paragraph>
  <commitment eId="para_1__cmt_1" paragraph="para_1" kind="pledge" futureOriented="true">
    <quote start="0" end="16">We stand united.</quote>
    <method type="rule" rule="en.pledge.stand_united" codebook="1"/>
  </commitment>
</statement>
"#;

#[test]
fn one_document_indented() {
    assert_eq!(XmlSerializer::default().document_to_string(&small()).unwrap(), DOCUMENT);
    assert_eq!(XmlParser::default().parse_document(DOCUMENT.as_bytes()).unwrap(), small());
}

#[test]
fn one_document_compact() {
    let compact: String = DOCUMENT.lines().map(str::trim_start).collect::<Vec<_>>().join("").replacen(
        "?><statement",
        "?>\n<statement",
        1,
    ) + "\n";
    assert_eq!(XmlSerializer::default().with_indent(0).document_to_string(&small()).unwrap(), compact);
}

#[test]
fn collection_indented() {
    let mut writer = XmlSerializer::default().for_writer(Vec::new());
    writer.serialize_statement(&small()).unwrap();
    writer.serialize_statement(&Statement { id: "s-2".into(), ..Statement::default() }).unwrap();
    let xml = String::from_utf8(writer.finish().unwrap()).unwrap();
    let body: String = DOCUMENT.lines().skip(2).map(|line| format!("\n  {line}")).collect();
    let expected = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statements xmlns=\"https://w3id.org/communique/xml/1.0\">\n  \
         <statement id=\"s-1\" kind=\"press_statement\" xml:lang=\"en\">{body}\n  \
         <statement id=\"s-2\" kind=\"other\">\n  </statement>\n</statements>\n"
    );
    assert_eq!(xml, expected);
}
