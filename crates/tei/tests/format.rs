//! What the documents look like, checked against text worked out by hand from the
//! mapping the crate README states.

mod common;

use common::*;
use communique_model::{Paragraph, ParagraphKind, Statement, Timestamp};
use communique_tei::TeiSerializer;

fn document(statement: &Statement) -> String {
    TeiSerializer::default().prepare(statement).unwrap().into_string()
}

fn assert_has(document: &str, expected: &str) {
    assert!(document.contains(expected), "expected\n{expected}\nin\n{document}");
}

#[test]
fn the_reference_statement_in_the_header() {
    let document = document(&reference_statement());
    assert!(document.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n    <fileDesc>\n"
    ));
    // The record has no title and names no issuer.
    assert_has(
        &document,
        r##"      <titleStmt>
        <title type="untitled"/>
      </titleStmt>
      <publicationStmt>
        <authority>communique</authority>
        <idno type="communique">nato-2022-02-16-59fa18d5</idno>
      </publicationStmt>"##,
    );
    assert_has(
        &document,
        r##"        <bibl type="source">
          <publisher>NATO</publisher>
          <date type="retrieved" when="2024-07-22">2024-07-22</date>
          <idno type="sha-256">59fa18d573556aafe0c97b02243c50733f3b0b1843ea1717b9ab74e330911ce8</idno>
          <extent><measure unit="byte" quantity="2487">2487</measure></extent>
        </bibl>"##,
    );
    assert_has(
        &document,
        r##"    <profileDesc>
      <creation>
        <date type="issued" when="2022-02-16">2022-02-16</date>
        <placeName>Brussels</placeName>
      </creation>
      <langUsage>
        <language ident="en"/>
      </langUsage>
    </profileDesc>
    <revisionDesc>
      <change type="lastUpdated" when="2022-02-16T15:14:00">2022-02-16T15:14</change>
    </revisionDesc>"##,
    );
    assert_has(
        &document,
        r##"<category xml:id="pledge" corresp="https://w3id.org/communique/codebook/v1#pledge">"##,
    );
    assert_has(&document, r##"<text type="press_statement" xml:lang="en">"##);
    // Paragraph 3: two commitments on their sentences, marked inline.
    assert_has(
        &document,
        r##"<p xml:id="para_3" corresp="#string-range(sourceText,1076,104)"><seg xml:id="para_3__cmt_1" ana="#pledge">Our commitment to Article 5 of the Washington Treaty is iron-clad.</seg> <seg xml:id="para_3__cmt_2" ana="#pledge">We stand united to defend each other.</seg></p>"##,
    );
    // Their coding, in record order, in <standOff>.
    assert_has(
        &document,
        r##"    <fs type="commitment" corresp="#para_3__cmt_1">
      <f name="id"><string>para_3__cmt_1</string></f>
      <f name="actor"><string>Our</string></f>
      <f name="cue"><string>commitment to</string></f>
      <f name="futureOriented"><binary value="true"/></f>
      <f name="references">
        <vColl org="list">
          <string>Article 5 of the Washington Treaty</string>
        </vColl>
      </f>"##,
    );
}

#[test]
fn every_paragraph_kind_has_its_element() {
    let document = document(&every_kind());
    assert_has(
        &document,
        r##"    <body>
      <ab xml:id="para_1" type="preface">The following statement was issued today.</ab>
      <div>
        <head xml:id="para_2">Energy security</head>
        <p xml:id="para_3">We met in Brussels.</p>
        <ab xml:id="para_4" type="lead_in">We are taking concrete steps to:</ab>
        <list>
          <item xml:id="para_5" n="a"><seg xml:id="para_5__cmt_1" ana="#action">diversify supply</seg>;</item>
          <item xml:id="para_6" n="b"><seg xml:id="para_6__cmt_1" ana="#action">cut demand.</seg></item>
        </list>
        <ab xml:id="para_7" type="lead_in" n="7">We also note:</ab>
        <list>
          <item xml:id="para_8">the report.</item>
        </list>
        <quote xml:id="para_9">“<seg xml:id="para_9__cmt_1" ana="#pledge">We will prevail</seg>,” she said.</quote>
      </div>
    </body>"##,
    );
}

#[test]
fn an_overlapping_commitment_is_written_stand_off() {
    // In the full record, para_1__cmt_2 (code points 55–57, ".\u{c}") overlaps
    // para_1__cmt_1 (0–56): a span points at it, its coding holds the quote.
    let document = document(&full_statement());
    assert_has(
        &document,
        r##"    <spanGrp type="commitments">
      <span xml:id="para_1__cmt_2" ana="#concern" target="#string-range(para_1,55,2)"/>
    </spanGrp>"##,
    );
    assert_has(
        &document,
        r##"    <fs type="commitment" corresp="#para_1__cmt_2">
      <f name="id"><string>para_1__cmt_2</string></f>
      <f name="quote"><string>.<g type="U+000C"/></string></f>"##,
    );
    assert_has(
        &document,
        "<item xml:id=\"para_1\" n=\"1\" corresp=\"#string-range(sourceText,34,60)\"><seg xml:id=\"para_1__cmt_1\" \
         ana=\"#support\">The Chairman-in-Office &amp; the &lt;Troika&gt; \"welcome\" 'talks'.</seg><g type=\"U+000C\"/></item>",
    );
}

#[test]
fn issuers_of_every_kind_with_their_roles() {
    let document = document(&full_statement());
    assert_has(
        &document,
        r##"        <author><orgName>OSCE</orgName><roleName>Chairman-in-Office</roleName></author>
        <author><persName>Flavio Cotti</persName><roleName></roleName></author>
        <author><name type="group">The Troika</name></author>
        <author><name type="state">Switzerland</name></author>"##,
    );
}

#[test]
fn notes_point_into_the_source_text() {
    let document = document(&full_statement());
    assert_has(
        &document,
        r##"<note type="body.repeated" target="#string-range(sourceText,0,4)">A repeated body was dropped.</note>"##,
    );
    assert_has(&document, r##"<note type="noise.share"></note>"##);
    assert_has(
        &document,
        r##"<ab xml:id="sourceText" xml:space="preserve">OSCE&#13;
VIENNA"##,
    );
}

#[test]
fn text_is_exact() {
    let mut statement = bare();
    statement.paragraphs = vec![Paragraph::new("para_1", ParagraphKind::Body, " a\r\nb\u{c} ")];
    statement.published = Some("2014-05-02T20:40-04:00".parse::<Timestamp>().unwrap());
    let document = document(&statement);
    assert_has(&document, "<p xml:id=\"para_1\"> a&#13;\nb<g type=\"U+000C\"/> </p>");
    assert_has(
        &document,
        r##"<date type="published" when="2014-05-02T20:40:00-04:00">2014-05-02T20:40-04:00</date>"##,
    );
}

#[test]
fn a_bare_record_fills_what_tei_requires() {
    let document = document(&bare());
    assert_has(&document, "<title type=\"untitled\"/>");
    assert_has(&document, "<sourceDesc>\n        <bibl type=\"source\"/>\n      </sourceDesc>");
    assert_has(&document, "  <text type=\"other\">\n    <body>\n      <div/>\n    </body>\n  </text>");
    for absent in ["<profileDesc>", "<revisionDesc>", "<standOff>", "<notesStmt>", "<back>"] {
        assert!(!document.contains(absent), "{absent}");
    }
}

#[test]
fn indent_zero_writes_no_white_space_between_elements() {
    let document = TeiSerializer::default().with_indent(0).prepare(&every_kind()).unwrap().into_string();
    assert_eq!(document.lines().count(), 2, "the declaration, then the document on one line");
    assert!(document.contains("<div><head xml:id=\"para_2\">Energy security</head><p xml:id=\"para_3\">"));
}
