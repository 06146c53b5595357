//! What the documents look like, checked against text worked out by hand from the
//! mapping the crate README states.

mod common;

use common::*;
use communique_akn::AknSerializer;
use communique_model::{Paragraph, ParagraphKind, Statement, Timestamp};

fn document(statement: &Statement) -> String {
    AknSerializer::default().prepare(statement).unwrap().into_string()
}

fn assert_has(document: &str, expected: &str) {
    assert!(document.contains(expected), "expected\n{expected}\nin\n{document}");
}

#[test]
fn the_reference_statement_is_identified_by_the_naming_convention() {
    let document = document(&reference_statement());
    assert!(document.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\" \
         xmlns:cq=\"https://w3id.org/communique/akn/1.0\">\n  <doc name=\"statement\">\n    <meta>\n"
    ));
    // No issuer is named: the source attribution ("Source – NATO") is the author.
    assert_has(
        &document,
        r##"        <FRBRWork>
          <FRBRthis value="/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5/!main"/>
          <FRBRuri value="/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5"/>
          <FRBRdate date="2022-02-16" name="issued"/>
          <FRBRauthor href="#attribution"/>
          <FRBRcountry value="int"/>
          <FRBRsubtype value="statement"/>
          <FRBRnumber value="nato-2022-02-16-59fa18d5"/>
        </FRBRWork>"##,
    );
    assert_has(
        &document,
        r##"<FRBRuri value="/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5/en@"/>"##,
    );
    assert_has(&document, r##"<FRBRlanguage language="en"/>"##);
    assert_has(
        &document,
        r##"<FRBRthis value="/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5/en@/!main.xml"/>"##,
    );
    assert_has(
        &document,
        r##"<keyword value="press_statement" showAs="press statement" dictionary="#statementKind"/>"##,
    );
    // Last updated 16 Feb. 2022 15:14, no time zone printed: xs:dateTime needs seconds,
    // the exact form stays in the extension.
    assert_has(
        &document,
        r##"<eventRef eId="evt_lastUpdated" date="2022-02-16T15:14:00" source="#original" type="amendment" refersTo="#lastUpdated"/>"##,
    );
    assert_has(&document, r##"<cq:date name="lastUpdated" value="2022-02-16T15:14"/>"##);
    assert_has(
        &document,
        r##"<TLCOrganization eId="attribution" href="/akn/ontology/organization/int/nato" showAs="NATO"/>"##,
    );
    assert_has(
        &document,
        r##"<TLCLocation eId="place_1" href="/akn/ontology/location/int/brussels" showAs="Brussels"/>"##,
    );
    assert_has(
        &document,
        r##"<cq:fixity algorithm="sha-256" digest="59fa18d573556aafe0c97b02243c50733f3b0b1843ea1717b9ab74e330911ce8" size="2487"/>"##,
    );
    assert_has(&document, r##"<p class="place"><location refersTo="#place_1">Brussels</location></p>"##);
    // Paragraph 3: two commitments, both on their sentences, marked inline.
    assert_has(
        &document,
        r##"      <paragraph eId="para_3" cq:sourceStart="1076" cq:sourceEnd="1180">
        <content>
          <p><inline eId="para_3__cmt_1" name="commitment" refersTo="#pledge">Our commitment to Article 5 of the Washington Treaty is iron-clad.</inline> <inline eId="para_3__cmt_2" name="commitment" refersTo="#pledge">We stand united to defend each other.</inline></p>
        </content>
      </paragraph>"##,
    );
    // Their coding, in record order, in <analysis>.
    assert_has(&document, "<cq:commitment eId=\"para_1__cmt_2\" kind=\"demand\" futureOriented=\"true\">\n");
}

#[test]
fn every_paragraph_kind_has_its_element() {
    let document = document(&every_kind());
    assert_has(
        &document,
        r##"    <mainBody>
      <paragraph eId="para_1">
        <content>
          <block name="preface">The following statement was issued today.</block>
        </content>
      </paragraph>
      <paragraph eId="para_2">
        <heading>Energy security</heading>
      </paragraph>
      <paragraph eId="para_3">
        <content>
          <p>We met in Brussels.</p>
        </content>
      </paragraph>
      <blockList>
        <listIntroduction eId="para_4">We are taking concrete steps to:</listIntroduction>
        <item eId="para_5">
          <num>a</num>
          <p><inline eId="para_5__cmt_1" name="commitment" refersTo="#action">diversify supply</inline>;</p>
        </item>
        <item eId="para_6">
          <num>b</num>
          <p><inline eId="para_6__cmt_1" name="commitment" refersTo="#action">cut demand.</inline></p>
        </item>
      </blockList>
      <paragraph eId="para_7">
        <num>7</num>
        <intro>
          <p>We also note:</p>
        </intro>
      </paragraph>
      <blockList>
        <item eId="para_8">
          <p>the report.</p>
        </item>
      </blockList>
      <paragraph eId="para_9">
        <content>
          <block name="quote">“<inline eId="para_9__cmt_1" name="commitment" refersTo="#pledge">We will prevail</inline>,” she said.</block>
        </content>
      </paragraph>
    </mainBody>"##,
    );
}

#[test]
fn an_overlapping_commitment_is_written_stand_off() {
    // In the full record, para_1__cmt_2 (code points 55–57, ".\u{c}") overlaps
    // para_1__cmt_1 (0–56): it keeps its span and quote in <analysis>.
    let document = document(&full_statement());
    assert_has(
        &document,
        "          <cq:commitment eId=\"para_1__cmt_2\" paragraph=\"para_1\" kind=\"concern\">\n            \
         <cq:quote start=\"55\" end=\"57\">.<cq:c u=\"000C\"/></cq:quote>\n",
    );
    // The first is marked inline; the form feed after it is a marker.
    assert_has(
        &document,
        "<p><inline eId=\"para_1__cmt_1\" name=\"commitment\" refersTo=\"#support\">The Chairman-in-Office &amp; the \
         &lt;Troika&gt; \"welcome\" 'talks'.</inline><marker name=\"U+000C\"/></p>",
    );
    assert_has(
        &document,
        "<cq:commitment eId=\"para_1__cmt_1\" kind=\"support\" futureOriented=\"true\" conditional=\"true\">",
    );
}

#[test]
fn issuers_of_every_kind_with_their_roles() {
    let document = document(&full_statement());
    for expected in [
        r##"<FRBRauthor href="#issuer_1" as="#issuer_1_role"/>"##,
        r##"<p class="issuer"><organization refersTo="#issuer_1">OSCE</organization><role refersTo="#issuer_1_role">Chairman-in-Office</role></p>"##,
        r##"<p class="issuer"><person refersTo="#issuer_2">Flavio Cotti</person><role refersTo="#issuer_2_role"></role></p>"##,
        r##"<p class="issuer"><entity name="group" refersTo="#issuer_3">The Troika</entity></p>"##,
        r##"<p class="issuer"><entity name="state" refersTo="#issuer_4">Switzerland</entity></p>"##,
        r##"<TLCPerson eId="issuer_2" href="/akn/ontology/person/int/flavio-cotti" showAs="Flavio Cotti"/>"##,
    ] {
        assert_has(&document, expected);
    }
}

#[test]
fn text_is_exact_and_display_copies_replace_what_xml_cannot_carry() {
    let mut statement = bare();
    statement.paragraphs = vec![Paragraph::new("para_1", ParagraphKind::Body, " a\r\nb\u{c} ")];
    statement.keywords = vec!["x\u{1}y".into()];
    statement.last_updated = Some("2014-05-02T20:40-04:00".parse::<Timestamp>().unwrap());
    let document = document(&statement);
    assert_has(&document, "<p> a&#13;\nb<marker name=\"U+000C\"/> </p>");
    assert_has(&document, r##"<keyword value="x�y" showAs="x�y" dictionary="#keywords"/>"##);
    assert_has(&document, r##"<cq:keyword>x<cq:c u="0001"/>y</cq:keyword>"##);
    assert_has(&document, r##"date="2014-05-02T20:40:00-04:00""##);
}

#[test]
fn a_bare_record_fills_what_akoma_ntoso_requires() {
    // No issuer, no attribution, no date, no language, no paragraph.
    let document = document(&bare());
    assert_has(&document, r##"<FRBRthis value="/akn/int/doc/statement/unknown/9999-01-01/bare/!main"/>"##);
    assert_has(&document, r##"<FRBRdate date="9999-01-01" name="unknown"/>"##);
    assert_has(&document, r##"<FRBRauthor href="#unknownIssuer"/>"##);
    assert_has(&document, r##"<FRBRlanguage language="und" cq:unstated="true"/>"##);
    assert_has(&document, "    <mainBody>\n      <p/>\n    </mainBody>");
    assert!(!document.contains("<preface>"));
    assert!(!document.contains("<proprietary"));
}

#[test]
fn indent_zero_writes_no_white_space_between_elements() {
    let document = AknSerializer::default().with_indent(0).prepare(&every_kind()).unwrap().into_string();
    assert_eq!(document.lines().count(), 2, "the declaration, then the document on one line");
    assert!(document.contains("<paragraph eId=\"para_2\"><heading>Energy security</heading></paragraph>"));
}
