//! The JSON-LD export checked by someone else's implementation (oxjsonld turns it into
//! RDF with our offline document loader), the round trip back to the model, determinism,
//! and the shipped context, vocabulary and shapes.

use communique_jsonld::{
    CODEBOOK_NAMESPACE, CONTEXT_DOCUMENT, JsonLdParseError, JsonLdParser, JsonLdSerializer, NAMESPACE,
    PreparedStatement, concept_iri, load_document,
};
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, CommitmentKind, Method, Note, ParagraphKind, Source, Span, Statement,
    StatementKind, json,
};
use oxjsonld::{JsonLdParser as OxParser, JsonLdRemoteDocument};
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{Graph, Literal, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef, Triple};
use std::path::{Path, PathBuf};

const SCHEMA: &str = "https://schema.org/";
const OA: &str = "http://www.w3.org/ns/oa#";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn reference() -> Statement {
    let path = root().join("examples/data/nato-2022-02-16-defence-ministers-ukraine.json");
    json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every statement of `examples/data/`.
fn example_statements() -> Vec<(PathBuf, Statement)> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("examples/data"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    paths
        .into_iter()
        .map(|path| {
            let statement = json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            (path, statement)
        })
        .collect()
}

/// A statement that sets every field, with text no ASCII-only code would get right.
fn rich() -> Statement {
    let text = "“Слава Україні” 🇺🇦 — we stand with Ukraine ✊. We urge all parties to respect the ceasefire.";
    let mut statement = Statement::builder()
        .id("osce/1996 12#17 ü")
        .title("Statement by the Chairman-in-Office on Chechnya")
        .kind(StatementKind::ChairStatement)
        .issuer(Actor::person("Flavio Cotti").with_role("Chairman-in-Office"))
        .issuer(Actor::organization("OSCE"))
        .issuer(Actor::new("Switzerland", ActorKind::State))
        .issuer(Actor::new("The G7 Leaders", ActorKind::Group))
        .place("WARSAW")
        .place("VIENNA")
        .issued_ymd(1996, 12, 17)
        .last_updated("1996-12-18T09:30:15.250+05:30".parse().unwrap())
        .published("1996-12-17T20:40-04:00".parse().unwrap())
        .language("pt-BR")
        .reference("SC/14367")
        .source(Source {
            attribution: Some("OSCE".into()),
            url: Some("https://www.osce.org/cio/1996?a=1&b=\"x\"".into()),
            via: Some("mailing list <list@example.org>".into()),
            retrieved: NaiveDate::from_ymd_opt(2024, 7, 22),
        })
        .source_text(format!("Vienna, 17 December 1996\n\n{text}\n\nHeading\n"))
        .paragraph(ParagraphKind::Preface, "Vienna, 17 December 1996")
        .body(text)
        .commitment_with("we stand with Ukraine ✊.", CommitmentKind::Solidarity, |c| {
            c.actor = Some("we".into());
            c.actor_resolved = Some("OSCE".into());
            c.addressee = Some("Ukraine".into());
            c.cue = Some("stand with".into());
            c.intensifier = Some(String::new());
            c.references = vec!["Minsk agreements".into(), "Minsk agreements".into(), "Article 5".into()];
            c.method = Method::rule("en.solidarity.stand-with");
            c.assessments = vec![
                Assessment {
                    score: -1,
                    period_start: NaiveDate::from_ymd_opt(2023, 1, 1),
                    period_end: NaiveDate::from_ymd_opt(2023, 12, 31),
                    evidence: Some("G7 Research Group interim report".into()),
                    assessor: "G7 Research Group".into(),
                },
                Assessment {
                    score: 1,
                    period_start: None,
                    period_end: None,
                    evidence: None,
                    assessor: "me".into(),
                },
            ];
        })
        .commitment_with("We urge all parties to respect the ceasefire.", CommitmentKind::Demand, |c| {
            c.future_oriented = true;
            c.conditional = true;
            c.method = Method::manual("Ann Otator");
        })
        .paragraph(ParagraphKind::Heading, "Heading")
        .note(Note::new("noise.share", "share buttons set aside").with_source_span(Span::new(0, 6)))
        .note(Note::new("date.ambiguous", ""))
        .build()
        .unwrap();
    statement.keywords = vec!["Chechnya".into(), "ceasefire".into(), "Chechnya".into()];
    statement.paragraphs[1].number = Some("1".into());
    statement.paragraphs[1].speaker = Some("THE CHAIRMAN-IN-OFFICE".into());
    statement.paragraphs[1].source_span = Some(Span::new(26, 26 + text.chars().count()));
    statement
}

/// Only the required fields.
fn minimal() -> Statement {
    Statement { id: "m".into(), ..Statement::default() }
}

fn export(config: JsonLdSerializer, statements: &[Statement]) -> String {
    let mut writer = config.for_writer(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    String::from_utf8(writer.finish().unwrap()).unwrap()
}

fn read(document: &str) -> Result<Vec<Statement>, JsonLdParseError> {
    JsonLdParser::default().for_reader(document.as_bytes()).collect()
}

/// The document's RDF, by oxjsonld with the crate's offline document loader.
fn to_graph(document: &str) -> Graph {
    let parser = OxParser::new().for_reader(document.as_bytes()).with_load_document_callback(|url, _| {
        Ok(JsonLdRemoteDocument {
            document: load_document(url)?.as_bytes().to_vec(),
            document_url: url.into(),
        })
    });
    let mut graph = Graph::new();
    for quad in parser {
        let quad = quad.unwrap_or_else(|e| panic!("oxjsonld: {e}"));
        assert!(quad.graph_name.is_default_graph(), "every triple is in the default graph");
        graph.insert(&Triple::new(quad.subject, quad.predicate, quad.object));
    }
    graph
}

fn iri(text: &str) -> NamedNode {
    NamedNode::new(text).unwrap()
}

fn schema(local: &str) -> NamedNode {
    iri(&format!("{SCHEMA}{local}"))
}

fn oa(local: &str) -> NamedNode {
    iri(&format!("{OA}{local}"))
}

/// The one object of `subject predicate ?o`.
fn one<'a>(graph: &'a Graph, subject: &NamedNode, predicate: &NamedNode) -> TermRef<'a> {
    let objects: Vec<_> = graph.objects_for_subject_predicate(subject, predicate).collect();
    assert_eq!(objects.len(), 1, "{subject} {predicate}: {objects:?}");
    objects[0]
}

fn named<'a>(term: TermRef<'a>) -> NamedNodeRef<'a> {
    match term {
        TermRef::NamedNode(node) => node,
        other => panic!("expected an IRI, found {other}"),
    }
}

fn literal<'a>(term: TermRef<'a>) -> LiteralRef<'a> {
    match term {
        TermRef::Literal(literal) => literal,
        other => panic!("expected a literal, found {other}"),
    }
}

fn number(term: TermRef<'_>) -> usize {
    literal(term).value().parse().unwrap()
}

#[test]
fn reference_statement_as_rdf_holds_the_expected_triples() {
    let statement = reference();
    let graph = to_graph(&export(JsonLdSerializer::default(), std::slice::from_ref(&statement)));
    let s = iri("urn:communique:nato-2022-02-16-59fa18d5");
    let base = s.as_str();
    let date = |text| Term::from(Literal::new_typed_literal(text, xsd::DATE));
    assert!(graph.contains(&Triple::new(s.clone(), rdf::TYPE, schema("CreativeWork"))));
    assert_eq!(one(&graph, &s, &schema("datePublished")), date("2022-02-16").as_ref());
    assert_eq!(
        one(&graph, &s, &schema("dateModified")),
        Term::from(Literal::new_typed_literal("2022-02-16T15:14:00", xsd::DATE_TIME)).as_ref()
    );
    assert_eq!(
        one(&graph, &s, &schema("inLanguage")),
        Term::from(Literal::new_simple_literal("en")).as_ref()
    );
    let place = named(one(&graph, &s, &schema("locationCreated"))).into_owned();
    assert_eq!(literal(one(&graph, &place, &schema("name"))).value(), "Brussels");
    let source = named(one(&graph, &s, &schema("isBasedOn"))).into_owned();
    assert_eq!(one(&graph, &s, &iri("http://www.w3.org/ns/prov#wasDerivedFrom")), source.as_ref().into());
    assert_eq!(literal(one(&graph, &source, &schema("creditText"))).value(), "NATO");
    let fixity = named(one(&graph, &s, &iri(&format!("{NAMESPACE}fixity")))).into_owned();
    assert_eq!(
        literal(one(&graph, &fixity, &iri("http://spdx.org/rdf/terms#checksumValue"))).value(),
        "59fa18d573556aafe0c97b02243c50733f3b0b1843ea1717b9ab74e330911ce8"
    );

    // Five paragraphs, positions 1 to 5, each with its text.
    let mut paragraphs: Vec<(usize, String, NamedNode)> = graph
        .objects_for_subject_predicate(&s, &schema("hasPart"))
        .map(|p| {
            let p = named(p).into_owned();
            let text = literal(one(&graph, &p, &schema("text"))).value().to_owned();
            (number(one(&graph, &p, &schema("position"))), text, p)
        })
        .collect();
    paragraphs.sort();
    assert_eq!(paragraphs.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    for ((_, text, node), paragraph) in paragraphs.iter().zip(&statement.paragraphs) {
        assert_eq!(text, &paragraph.text);
        assert_eq!(node.as_str(), format!("{base}#{}", paragraph.id));
    }

    // One annotation per commitment; its TextPositionSelector selects exactly the exact
    // text of its TextQuoteSelector in the paragraph text of the graph.
    let annotations: Vec<_> = graph.subjects_for_predicate_object(rdf::TYPE, &oa("Annotation")).collect();
    assert_eq!(annotations.len(), statement.commitments.len());
    assert_eq!(
        annotations.len(),
        3 + 2 + 2 + 4 + 6,
        "commitments of paragraphs 1 to 5 in the reference record"
    );
    assert_eq!(graph.objects_for_subject_predicate(&s, &iri(&format!("{NAMESPACE}commitment"))).count(), 17);
    for commitment in &statement.commitments {
        let a = iri(&format!("{base}#{}", commitment.id));
        assert!(graph.contains(&Triple::new(a.clone(), rdf::TYPE, oa("Annotation"))), "{a}");
        let target = named(one(&graph, &a, &oa("hasTarget"))).into_owned();
        let paragraph = named(one(&graph, &target, &oa("hasSource"))).into_owned();
        assert_eq!(paragraph.as_str(), format!("{base}#{}", commitment.paragraph));
        let text = literal(one(&graph, &paragraph, &schema("text"))).value().to_owned();
        let (mut span, mut exact) = (None, None);
        for selector in graph.objects_for_subject_predicate(&target, &oa("hasSelector")) {
            let selector = named(selector).into_owned();
            let kind = named(one(&graph, &selector, &rdf::TYPE.into_owned())).into_owned();
            if kind == oa("TextPositionSelector") {
                let start = one(&graph, &selector, &oa("start"));
                assert_eq!(literal(start).datatype(), xsd::NON_NEGATIVE_INTEGER);
                span = Some(Span::new(number(start), number(one(&graph, &selector, &oa("end")))));
            } else {
                assert_eq!(kind, oa("TextQuoteSelector"));
                exact = Some(literal(one(&graph, &selector, &oa("exact"))).value().to_owned());
            }
        }
        let (span, exact) = (span.expect("a TextPositionSelector"), exact.expect("a TextQuoteSelector"));
        assert_eq!(span, commitment.span);
        assert_eq!(exact, commitment.quote);
        assert_eq!(span.slice(&text), Some(exact.as_str()), "{a}");
        let body = named(one(&graph, &a, &oa("hasBody"))).into_owned();
        let kind = named(one(&graph, &body, &iri(&format!("{NAMESPACE}kind")))).into_owned();
        assert_eq!(kind.as_str(), concept_iri(commitment.kind));
        assert!(kind.as_str().starts_with(CODEBOOK_NAMESPACE));
    }
    let concern = iri(&format!("{base}#para_1__cmt_1/body"));
    assert_eq!(
        one(&graph, &concern, &iri(&format!("{NAMESPACE}kind"))),
        iri("https://w3id.org/communique/codebook/v1#concern").as_ref().into()
    );
}

#[test]
fn every_statement_survives_the_round_trip() {
    let mut statements: Vec<Statement> = example_statements().into_iter().map(|(_, s)| s).collect();
    statements.extend([rich(), minimal()]);
    // Empty strings are kept apart from absent values.
    let mut empty = minimal();
    empty.id = "empty".into();
    empty.title = Some(String::new());
    empty.language = Some(String::new());
    empty.source.via = Some(String::new());
    statements.push(empty);
    for config in [
        JsonLdSerializer::default(),
        JsonLdSerializer::default().with_embedded_context(true),
        JsonLdSerializer::default()
            .with_base_iri("https://archive.example/s/")
            .unwrap()
            .with_quote_context(0),
    ] {
        for statement in &statements {
            let document = export(config.clone(), std::slice::from_ref(statement));
            assert_eq!(read(&document).unwrap(), std::slice::from_ref(statement), "{}", statement.id);
            to_graph(&document);
        }
        // Several statements in one document come back in order.
        assert_eq!(read(&export(config, &statements)).unwrap(), statements);
    }
    assert_eq!(read(&export(JsonLdSerializer::default(), &[])).unwrap(), []);
}

#[test]
fn rich_statement_as_rdf() {
    let statement = rich();
    let document = export(JsonLdSerializer::default(), std::slice::from_ref(&statement));
    let graph = to_graph(&document);
    let s = iri("urn:communique:osce%2F1996%2012%2317%20%C3%BC");
    let base = s.as_str();
    assert_eq!(literal(one(&graph, &s, &iri("http://purl.org/dc/terms/identifier"))).value(), statement.id);
    // A floating timestamp stays floating; an offset is kept; seconds are added only when
    // the source printed none.
    assert_eq!(
        one(&graph, &s, &schema("dateModified")),
        Term::from(Literal::new_typed_literal("1996-12-18T09:30:15.250+05:30", xsd::DATE_TIME)).as_ref()
    );
    assert_eq!(
        one(&graph, &s, &iri(&format!("{NAMESPACE}published"))),
        Term::from(Literal::new_typed_literal("1996-12-17T20:40:00-04:00", xsd::DATE_TIME)).as_ref()
    );
    let issuer_types = |n: usize| -> Vec<String> {
        let mut types: Vec<_> = graph
            .objects_for_subject_predicate(&iri(&format!("{base}#issuer/{n}")), rdf::TYPE)
            .map(|t| named(t).as_str().to_owned())
            .collect();
        types.sort();
        types
    };
    assert_eq!(issuer_types(1), [format!("{SCHEMA}Person"), format!("{NAMESPACE}Actor")]);
    assert_eq!(issuer_types(3), [format!("{SCHEMA}GovernmentOrganization"), format!("{NAMESPACE}Actor")]);
    // The quote selector's context: the 32 code points around the quote, shorter at the ends.
    let quote = iri(&format!("{base}#para_2__cmt_1/quote"));
    assert_eq!(literal(one(&graph, &quote, &oa("prefix"))).value(), "“Слава Україні” 🇺🇦 — ");
    assert_eq!(literal(one(&graph, &quote, &oa("suffix"))).value(), " We urge all parties to respect ");
    let quote = iri(&format!("{base}#para_2__cmt_2/quote"));
    assert_eq!(graph.objects_for_subject_predicate(&quote, &oa("suffix")).count(), 0);
    let assessment = iri(&format!("{base}#para_2__cmt_1/assessment/1"));
    assert_eq!(
        one(&graph, &assessment, &iri(&format!("{NAMESPACE}score"))),
        Term::from(Literal::new_typed_literal("-1", xsd::INTEGER)).as_ref()
    );
}

#[test]
fn exports_are_byte_identical() {
    let statements = [reference(), rich(), minimal()];
    for config in [JsonLdSerializer::default(), JsonLdSerializer::default().with_embedded_context(true)] {
        let first = export(config.clone(), &statements);
        assert_eq!(first, export(config.clone(), &statements));
        // A copy read back writes the same bytes.
        assert_eq!(export(config, &read(&first).unwrap()), first);
    }
}

#[test]
fn statements_prepared_on_several_threads_write_the_same_bytes() {
    fn send_sync_static<T: Send + Sync + 'static>() {}
    send_sync_static::<PreparedStatement>();
    send_sync_static::<JsonLdSerializer>();

    let mut statements: Vec<Statement> = example_statements().into_iter().map(|(_, s)| s).collect();
    statements.extend([rich(), minimal()]);
    // Copies with their own ids, so that the document has more statements than threads.
    for i in 0..3 {
        for mut copy in statements.clone() {
            copy.id = format!("{}-copy-{i}", copy.id);
            statements.push(copy);
        }
    }
    let configs = [
        JsonLdSerializer::default(),
        JsonLdSerializer::default()
            .with_base_iri("https://archive.example/statements/")
            .unwrap()
            .with_embedded_context(true)
            .with_quote_context(5),
    ];
    for config in configs {
        let expected = export(config.clone(), &statements);
        // Three threads, each preparing every third statement.
        let threads = 3;
        let mut prepared: Vec<Option<PreparedStatement>> = vec![None; statements.len()];
        let parts: Vec<Vec<(usize, PreparedStatement)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (config, statements) = (&config, &statements);
                    scope.spawn(move || {
                        (t..statements.len())
                            .step_by(threads)
                            .map(|i| (i, config.prepare(&statements[i])))
                            .collect()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (i, one) in parts.into_iter().flatten() {
            prepared[i] = Some(one);
        }
        let mut writer = config.for_writer(Vec::new());
        for one in &prepared {
            writer.write_prepared(one.as_ref().unwrap()).unwrap();
        }
        let document = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert_eq!(document, expected);
        assert_eq!(read(&document).unwrap(), statements);
    }
}

#[test]
fn the_prepared_node_is_the_statement_node() {
    let config = JsonLdSerializer::default();
    let statement = reference();
    let prepared = config.prepare(&statement);
    let text = std::str::from_utf8(prepared.as_bytes()).unwrap();
    assert!(text.starts_with("    {\n      \"id\": \"urn:communique:"), "{}", &text[..40]);
    let node: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(node["recordId"], statement.id.as_str());
    assert_eq!(node["commitment"].as_array().unwrap().len(), statement.commitments.len());
}

#[test]
fn changing_the_base_iri_changes_only_node_iris() {
    let statements = [reference(), rich()];
    let (a, b) = ("urn:communique:", "https://archive.example/statements/");
    let first = export(JsonLdSerializer::default(), &statements);
    let second = export(JsonLdSerializer::default().with_base_iri(b).unwrap(), &statements);
    assert_ne!(first, second);
    assert_eq!(first.replace(&format!("\"{a}"), &format!("\"{b}")), second);
    // In RDF: the same triples once node IRIs are rebased, no literal changed.
    let rebase = |term: Term| match term {
        Term::NamedNode(node) if node.as_str().starts_with(a) => {
            Term::NamedNode(iri(&format!("{b}{}", &node.as_str()[a.len()..])))
        }
        other => other,
    };
    let rebased: Graph = to_graph(&first)
        .iter()
        .map(|t| {
            let subject = match rebase(t.subject.into_owned().into()) {
                Term::NamedNode(node) => NamedOrBlankNode::from(node),
                other => panic!("subject {other}"),
            };
            Triple::new(subject, t.predicate.into_owned(), rebase(t.object.into_owned()))
        })
        .collect();
    let second_graph = to_graph(&second);
    assert_eq!(rebased.len(), second_graph.len());
    for triple in &rebased {
        assert!(second_graph.contains(triple), "{triple}");
    }
}

#[test]
fn embedded_and_referenced_context_give_the_same_graph() {
    let statements = [reference(), rich()];
    let referenced = to_graph(&export(JsonLdSerializer::default(), &statements));
    let embedded = to_graph(&export(JsonLdSerializer::default().with_embedded_context(true), &statements));
    assert_eq!(referenced, embedded);
    assert!(referenced.len() > 500);
}

#[test]
fn bad_base_iris_are_refused() {
    for bad in ["statements/", "https://example.org/#x", "https://exa mple.org/"] {
        let error = JsonLdSerializer::default().with_base_iri(bad).unwrap_err();
        assert_eq!(error.iri(), bad, "{error}");
    }
}

/// Reads `document` changed by `edit` and expects an error at `path` whose message
/// contains `message`.
fn check_error(edit: impl Fn(&mut serde_json::Value), path: &str, message: &str) {
    let document = export(JsonLdSerializer::default(), &[rich()]);
    let mut value: serde_json::Value = serde_json::from_str(&document).unwrap();
    edit(&mut value);
    let errors: Vec<JsonLdParseError> =
        JsonLdParser::default().for_reader(value.to_string().as_bytes()).filter_map(Result::err).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(syntax(&errors[0]).position().json_path(), Some(path), "{}", errors[0]);
    assert!(errors[0].to_string().contains(message), "{}", errors[0]);
}

/// The syntax error `error` holds.
fn syntax(error: &JsonLdParseError) -> &communique_jsonld::JsonLdSyntaxError {
    match error {
        JsonLdParseError::Syntax(error) => error,
        other => panic!("not a syntax error: {other:?}"),
    }
}

#[test]
fn shape_errors_name_the_json_path() {
    use serde_json::json;
    check_error(|v| v["@context"] = json!("https://schema.org/"), "$['@context']", "unknown context");
    check_error(
        |v| v["@graph"][0]["datePublished"] = json!("2022-02-30"),
        "$['@graph'][0].datePublished",
        "no such day",
    );
    check_error(
        |v| v["@graph"][0]["hasPart"][1]["text"] = json!(7),
        "$['@graph'][0].hasPart[1].text",
        "expected a string",
    );
    check_error(
        |v| v["@graph"][0]["commitment"][0]["body"]["kind"] = json!("codebook:threat"),
        "$['@graph'][0].commitment[0].body.kind",
        "not a concept of codebook v1",
    );
    check_error(
        |v| {
            v["@graph"][0]["commitment"][1]["target"]["selector"].as_array_mut().unwrap().pop();
        },
        "$['@graph'][0].commitment[1].target.selector",
        "TextPositionSelector and a TextQuoteSelector",
    );
    check_error(
        |v| v["@graph"][0]["commitment"][0]["target"]["source"] = json!("urn:other#para_2"),
        "$['@graph'][0].commitment[0].target.source",
        "not a paragraph IRI",
    );
    check_error(
        |v| v["@graph"][0]["dateModified"] = json!("1996-12-18T09:30:15"),
        "$['@graph'][0].dateModified",
        "expected",
    );
    check_error(
        |v| v["@graph"][0]["hasPart"][0]["colour"] = json!("red"),
        "$['@graph'][0].hasPart[0].colour",
        "unknown key",
    );
    check_error(
        |v| v["@graph"][0]["locationCreated"][1]["position"] = json!(3),
        "$['@graph'][0].locationCreated[1].position",
        "expected 2",
    );
    check_error(
        |v| v["@graph"][0]["commitment"][0]["body"]["assessment"][0]["score"] = json!(300),
        "$['@graph'][0].commitment[0].body.assessment[0].score",
        "out of range",
    );
    // Each statement is read on its own: a bad one does not hide the next.
    let mut value: serde_json::Value =
        serde_json::from_str(&export(JsonLdSerializer::default(), &[rich(), minimal()])).unwrap();
    value["@graph"][0]["statementKind"] = json!("memo");
    let results: Vec<_> = JsonLdParser::default().for_reader(value.to_string().as_bytes()).collect();
    let at = syntax(results[0].as_ref().unwrap_err()).position();
    assert_eq!(at.json_path(), Some("$['@graph'][0].statementKind"));
    // The first node of @graph: record 1.
    assert_eq!(at.record(), Some(1));
    assert_eq!(results[1].as_ref().unwrap(), &minimal());
}

#[test]
fn syntax_errors_give_line_and_column() {
    let errors: Vec<_> = JsonLdParser::default().for_reader("{\n  \"@graph\": [,]\n}".as_bytes()).collect();
    assert_eq!(errors.len(), 1);
    match &errors[0] {
        Err(JsonLdParseError::Syntax(error)) => {
            let at = error.position();
            // Line 2 starts at byte 2; the comma is its 14th byte: byte 15 of the input.
            assert_eq!(
                (at.line(), at.column(), at.byte_offset()),
                (Some(2), Some(14), Some(15)),
                "the comma"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// The canonical context, vocabulary and shapes are in `crates/jsonld/schemas/`;
/// `schemas/` at the root holds copies. A stale copy is rewritten (outside CI) and the
/// test fails, naming it and asking for a review.
#[test]
fn schemas_copies_are_identical() {
    let mut stale = Vec::new();
    for (name, contents) in [
        ("communique.context.jsonld", CONTEXT_DOCUMENT),
        ("communique.vocab.ttl", communique_jsonld::VOCABULARY),
        ("communique.shapes.ttl", communique_jsonld::SHAPES),
    ] {
        let copy = root().join("schemas").join(name);
        if std::fs::read_to_string(&copy).ok().as_deref() != Some(contents) {
            if std::env::var_os("CI").is_none() {
                std::fs::write(&copy, contents).unwrap();
            }
            stale.push(copy.display().to_string());
        }
    }
    assert!(stale.is_empty(), "regenerated {}: review and commit", stale.join(", "));
}

fn walk_keys(value: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                if key != "@context" {
                    keys.insert(key.clone());
                    walk_keys(value, keys);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| walk_keys(item, keys)),
        _ => {}
    }
}

fn turtle(name: &str) -> Graph {
    let path = root().join("schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    oxttl::TurtleParser::new()
        .for_slice(&text)
        .collect::<Result<Graph, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_key_is_a_context_term_and_every_own_term_is_in_the_vocabulary() {
    let context: serde_json::Value = serde_json::from_str(CONTEXT_DOCUMENT).unwrap();
    let context = context["@context"].as_object().unwrap();
    let document = export(JsonLdSerializer::default(), &[reference(), rich()]);
    let mut keys = std::collections::BTreeSet::new();
    walk_keys(&serde_json::from_str(&document).unwrap(), &mut keys);
    keys.remove("@graph");
    for key in &keys {
        assert!(context.contains_key(key), "{key} is written but not a term of the context");
    }
    let vocabulary = turtle("communique.vocab.ttl");
    for (term, definition) in context {
        let target = match definition {
            serde_json::Value::String(target) => target.as_str(),
            serde_json::Value::Object(definition) => definition["@id"].as_str().unwrap(),
            _ => continue,
        };
        if let Some(local) = target.strip_prefix("cq:") {
            let node = iri(&format!("{NAMESPACE}{local}"));
            let label = iri("http://www.w3.org/2000/01/rdf-schema#label");
            let comment = iri("http://www.w3.org/2000/01/rdf-schema#comment");
            assert_eq!(
                graph_count(&vocabulary, &node, &label),
                1,
                "{term}: {node} has no label in the vocabulary"
            );
            assert_eq!(graph_count(&vocabulary, &node, &comment), 1, "{term}: {node} has no definition");
        }
    }
}

fn graph_count(graph: &Graph, subject: &NamedNode, predicate: &NamedNode) -> usize {
    graph.objects_for_subject_predicate(subject, predicate).count()
}

#[test]
fn vocabulary_agrees_with_codebook_v1() {
    let vocabulary = turtle("communique.vocab.ttl");
    let skos = |local: &str| iri(&format!("http://www.w3.org/2004/02/skos/core#{local}"));
    let cq = |local: &str| iri(&format!("{NAMESPACE}{local}"));
    let scheme = iri(communique_jsonld::CODEBOOK_SCHEME);
    assert!(vocabulary.contains(&Triple::new(scheme.clone(), rdf::TYPE, skos("ConceptScheme"))));
    let concepts: Vec<_> =
        vocabulary.subjects_for_predicate_object(&skos("inScheme"), &scheme).map(|c| c.to_string()).collect();
    assert_eq!(concepts.len(), CommitmentKind::ALL.len());
    let strings = |subject: &NamedNode, predicate: &NamedNode| -> Vec<String> {
        let mut values: Vec<_> = vocabulary
            .objects_for_subject_predicate(subject, predicate)
            .map(|o| literal(o).value().to_owned())
            .collect();
        values.sort();
        values
    };
    for kind in CommitmentKind::ALL {
        let concept = iri(&concept_iri(kind));
        assert!(vocabulary.contains(&Triple::new(concept.clone(), rdf::TYPE, skos("Concept"))), "{kind}");
        assert!(
            vocabulary.contains(&Triple::new(concept.clone(), skos("inScheme"), scheme.clone())),
            "{kind}"
        );
        assert_eq!(strings(&concept, &skos("notation")), [kind.as_str()]);
        assert_eq!(strings(&concept, &skos("prefLabel")), [kind.as_str()]);
        assert_eq!(strings(&concept, &skos("definition")), [kind.definition()], "{kind}");
        let class = cq(kind.speech_act_class().as_str());
        assert_eq!(one(&vocabulary, &concept, &cq("speechActClass")), class.as_ref().into(), "{kind}");
        let mut cameo: Vec<String> = kind.cameo_codes().iter().map(|c| (*c).to_owned()).collect();
        cameo.sort();
        assert_eq!(strings(&concept, &cq("cameoCode")), cameo, "{kind}");
        let plover: Vec<String> = kind.plover_code().into_iter().map(str::to_owned).collect();
        assert_eq!(strings(&concept, &cq("ploverCode")), plover, "{kind}");
    }
}

#[test]
fn shapes_parse_and_allow_exactly_the_codebook_kinds() {
    let shapes = turtle("communique.shapes.ttl");
    let sh = |local: &str| iri(&format!("http://www.w3.org/ns/shacl#{local}"));
    let kind_shape = shapes
        .subjects_for_predicate_object(&sh("path"), &iri(&format!("{NAMESPACE}kind")))
        .next()
        .expect("a property shape for cq:kind")
        .into_owned();
    let mut list = shapes.object_for_subject_predicate(&kind_shape, &sh("in")).unwrap().into_owned();
    let mut allowed = Vec::new();
    while list != Term::from(rdf::NIL.into_owned()) {
        let Term::BlankNode(node) = &list else { panic!("not an RDF list: {list}") };
        allowed
            .push(named(shapes.object_for_subject_predicate(node, rdf::FIRST).unwrap()).as_str().to_owned());
        list = shapes.object_for_subject_predicate(node, rdf::REST).unwrap().into_owned();
    }
    let expected: Vec<String> = CommitmentKind::ALL.into_iter().map(concept_iri).collect();
    assert_eq!(allowed, expected);
}

#[test]
fn the_loader_serves_only_our_context() {
    assert_eq!(load_document(communique_jsonld::CONTEXT_IRI).unwrap(), CONTEXT_DOCUMENT);
    assert_eq!(load_document("https://schema.org/").unwrap_err().url(), "https://schema.org/");
}

/// `tests/data/every-field.json` is [`rich`] in the model's JSON, for the conformance run
/// (`scripts/conformance.d/30-jsonld.sh`), which exports it beside `examples/data/`.
#[test]
fn every_field_fixture_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/every-field.json");
    let text = json::to_string_pretty(&rich());
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).unwrap();
        panic!("regenerated {}: review and commit", path.display());
    }
}

#[test]
fn a_byte_order_mark_at_the_start_is_skipped() {
    let statement = reference();
    let mut writer = JsonLdSerializer::default().for_writer(Vec::new());
    writer.serialize_statement(&statement).unwrap();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(writer.finish().unwrap());
    let back: Vec<_> =
        JsonLdParser::default().for_reader(bytes.as_slice()).collect::<Result<_, _>>().unwrap();
    assert_eq!(back, [statement]);
}

/// The reader streams the document: a statement node whose `id` comes after its
/// paragraphs, commitments and notes (so they cannot be converted as they are parsed)
/// reads back the same as one in the writer's order, and so do its errors.
#[test]
fn node_keys_in_any_order_read_the_same() {
    let document = export(JsonLdSerializer::default(), &[rich(), reference()]);
    let mut value: serde_json::Value = serde_json::from_str(&document).unwrap();
    for node in value["@graph"].as_array_mut().unwrap() {
        let map = node.as_object_mut().unwrap();
        let id = map.shift_remove("id").unwrap();
        map.insert("id".into(), id);
    }
    assert_eq!(value["@graph"][0].as_object().unwrap().keys().next_back().map(String::as_str), Some("id"));
    let reordered = serde_json::to_string(&value).unwrap();
    assert_eq!(read(&reordered).unwrap(), [rich(), reference()]);
    // The same fault gives the same error, with the paths of the writer's order.
    for text in [document.clone(), reordered] {
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["@graph"][1]["commitment"][2]["body"]["futureOriented"] = serde_json::json!("yes");
        value["@graph"][1]["hasPart"][3]["paragraphKind"] = serde_json::json!("chapter");
        let results: Vec<_> = JsonLdParser::default().for_reader(value.to_string().as_bytes()).collect();
        assert_eq!(results[0].as_ref().unwrap(), &rich());
        let error = syntax(results[1].as_ref().unwrap_err());
        // Paragraphs are read before commitments: the paragraph's fault is reported.
        assert_eq!(error.position().json_path(), Some("$['@graph'][1].hasPart[3].paragraphKind"));
        assert_eq!(error.position().record(), Some(2));
        assert!(error.message().contains("unknown paragraph kind \"chapter\""), "{}", error.message());
    }
}

/// A syntax error far into a long line (past what the reader keeps of the text) is
/// located as in the whole text: line, column in code points, byte offset.
#[test]
fn syntax_errors_deep_in_a_long_line_are_located() {
    let mut statement = rich();
    let body = "Ünïcödé — we will help. ".repeat(2_000);
    statement.source_text = Some(body.clone());
    statement.paragraphs.truncate(1);
    statement.paragraphs[0].text = body;
    statement.paragraphs[0].source_span = None;
    statement.commitments.clear();
    let text: serde_json::Value =
        serde_json::from_str(&export(JsonLdSerializer::default(), &[statement])).unwrap();
    // One line: the document compact, with one more line before it; the node's closing
    // brace, at its end, made a question mark.
    let mut document = format!("\n{}", serde_json::to_string(&text).unwrap());
    assert!(document.ends_with("}]}"));
    let fault = document.len() - 3;
    document.replace_range(fault..fault + 1, "?");
    let errors: Vec<_> = JsonLdParser::default().for_reader(document.as_bytes()).collect();
    assert_eq!(errors.len(), 1);
    let at = syntax(errors[0].as_ref().unwrap_err()).position();
    let line_start = 1;
    let expected_column = document[line_start..fault].chars().count() as u64 + 1;
    assert!(fault > 40_000 && expected_column < fault as u64 - line_start as u64, "a long line, not ASCII");
    assert_eq!(
        (at.line(), at.column(), at.byte_offset()),
        (Some(2), Some(expected_column), Some(fault as u64))
    );
}

/// A statement far longer than what the writer holds before writing (64 KiB) is written
/// by `serialize_statement` as it goes, byte for byte as `write_prepared` of `prepare`
/// writes it, and reads back the same.
#[test]
fn a_long_statement_streams_the_same_bytes() {
    let mut statement = reference();
    let (paragraphs, commitments) = (statement.paragraphs.clone(), statement.commitments.clone());
    for copy in 1..=100 {
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
    let statements = [minimal(), statement, rich()];
    let config = JsonLdSerializer::default();
    let streamed = export(config.clone(), &statements);
    assert!(streamed.len() > 1_000_000, "{}", streamed.len());
    let mut writer = config.clone().for_writer(Vec::new());
    for statement in &statements {
        writer.write_prepared(&config.prepare(statement)).unwrap();
    }
    assert_eq!(String::from_utf8(writer.finish().unwrap()).unwrap(), streamed);
    assert_eq!(read(&streamed).unwrap(), statements);
}
