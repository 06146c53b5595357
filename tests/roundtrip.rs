//! Every record — the hand-coded reference, the ingested corpus, the ingested White
//! House folder and the ingested HTML pages — survives every format and back unchanged,
//! one by one and all together in one collection.

use communique::model::{Statement, json};
use communique::text::{IngestOptions, ingest};
use communique::{Format, StatementParser, StatementSerializer};
use std::io::BufReader;
use std::path::PathBuf;

fn ingested(files: &[PathBuf]) -> Vec<Statement> {
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            ingest(&bytes, &IngestOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

fn examples() -> Vec<Statement> {
    communique_testdata::files_in(&communique_testdata::root().join("examples/data"), "json")
        .iter()
        .map(|p| json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn corpus() -> Vec<Statement> {
    // A collection holds each id once; the hand-coded reference record has the id that
    // ingest derives from the same text, so it gets a suffix here.
    let mut all: Vec<Statement> = examples()
        .into_iter()
        .map(|mut s| {
            s.id.push_str("-hand-coded");
            s
        })
        .collect();
    all.extend(ingested(&communique_testdata::corpus_texts()));
    assert_eq!(all.len(), 1 + 10);
    all
}

fn whitehouse() -> Vec<Statement> {
    let all = ingested(&communique_testdata::whitehouse_files());
    assert_eq!(all.len(), 241);
    all
}

/// The 57 pages of the HTML corpus, read through the facade as `.html` files.
fn html_pages() -> Vec<Statement> {
    let all: Vec<Statement> = communique_testdata::html_corpus_pages()
        .iter()
        .flat_map(|path| {
            StatementParser::from_format(Format::from_path(path).unwrap())
                .for_path(path)
                .unwrap()
                .map(|r| r.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        })
        .collect();
    assert_eq!(all.len(), 57);
    all
}

/// `statements` written in `format` and read back, through the facade.
fn through(format: Format, statements: &[Statement]) -> Vec<Statement> {
    let serializer = StatementSerializer::from_format(format);
    let parser = StatementParser::from_format(format);
    if matches!(format, Format::Csv | Format::Parquet) {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = serializer.for_dir(dir.path()).unwrap();
        for statement in statements {
            writer.serialize_statement(statement).unwrap();
        }
        let folder = writer.finish().unwrap();
        return parser.for_path(folder).unwrap().collect::<Result<_, _>>().unwrap();
    }
    let mut writer = serializer.for_writer(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    let bytes = writer.finish().unwrap();
    parser.for_reader(BufReader::new(bytes.as_slice())).collect::<Result<_, _>>().unwrap()
}

/// Every statement alone, then all of them in one collection, written in `format` and
/// read back unchanged.
fn check(format: Format, statements: &[Statement]) {
    for statement in statements {
        statement.validate().unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(
            through(format, std::slice::from_ref(statement)),
            std::slice::from_ref(statement),
            "{format}: {}",
            statement.id
        );
    }
    let all = through(format, statements);
    assert_eq!(all.len(), statements.len(), "{format}: the collection");
    for (back, statement) in all.iter().zip(statements) {
        assert_eq!(back, statement, "{format}, in the collection: {}", statement.id);
    }
}

/// The formats that hold a collection.
const COLLECTIONS: [Format; 5] =
    [Format::JsonLines, Format::Csv, Format::Xml, Format::JsonLd, Format::Parquet];

/// The formats whose document holds one statement.
const ONE_A_DOCUMENT: [Format; 3] = [Format::Json, Format::Akn, Format::Tei];

#[test]
fn corpus_survives_every_format() {
    let corpus = corpus();
    for format in COLLECTIONS {
        check(format, &corpus);
    }
    for format in ONE_A_DOCUMENT {
        for statement in &corpus {
            let one = std::slice::from_ref(statement);
            assert_eq!(through(format, one), one, "{format}: {}", statement.id);
        }
    }
}

#[test]
fn whitehouse_folder_survives_every_format() {
    let folder = whitehouse();
    for format in COLLECTIONS {
        check(format, &folder);
    }
    for format in ONE_A_DOCUMENT {
        for statement in &folder {
            let one = std::slice::from_ref(statement);
            assert_eq!(through(format, one), one, "{format}: {}", statement.id);
        }
    }
}

#[test]
fn html_pages_survive_every_format() {
    let pages = html_pages();
    for format in COLLECTIONS {
        check(format, &pages);
    }
    for format in ONE_A_DOCUMENT {
        for statement in &pages {
            let one = std::slice::from_ref(statement);
            assert_eq!(through(format, one), one, "{format}: {}", statement.id);
        }
    }
}

/// The JSON-LD of every ingested statement is RDF that oxjsonld reads offline, with one
/// Web Annotation per commitment whose TextPositionSelector selects exactly its quote.
#[test]
fn ingested_corpus_json_ld_is_rdf_with_exact_selectors() {
    use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
    use oxrdf::{Graph, NamedNodeRef, TermRef, TripleRef};
    const RDF_TYPE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    let oa = |local: &str| format!("http://www.w3.org/ns/oa#{local}");
    for statement in corpus() {
        let mut writer = communique::jsonld::JsonLdSerializer::default().for_writer(Vec::new());
        writer.serialize_statement(&statement).unwrap();
        let document = writer.finish().unwrap();
        let parser =
            JsonLdParser::new().for_reader(document.as_slice()).with_load_document_callback(|url, _| {
                Ok(JsonLdRemoteDocument {
                    document: communique::jsonld::load_document(url)?.as_bytes().to_vec(),
                    document_url: url.into(),
                })
            });
        let mut graph = Graph::new();
        for quad in parser {
            let quad = quad.unwrap_or_else(|e| panic!("{}: {e}", statement.id));
            graph.insert(TripleRef::new(&quad.subject, &quad.predicate, &quad.object));
        }
        let annotation = oxrdf::NamedNode::new(oa("Annotation")).unwrap();
        let annotations = graph.subjects_for_predicate_object(RDF_TYPE, &annotation).count();
        assert_eq!(annotations, statement.commitments.len(), "{}", statement.id);
        let selector = oxrdf::NamedNode::new(oa("TextPositionSelector")).unwrap();
        let [has_target, has_selector, start, end] = ["hasTarget", "hasSelector", "start", "end"]
            .map(|local| oxrdf::NamedNode::new(oa(local)).unwrap());
        let subject = |term: TermRef<'_>| -> oxrdf::NamedOrBlankNode {
            match term {
                TermRef::NamedNode(n) => n.into_owned().into(),
                TermRef::BlankNode(b) => b.into_owned().into(),
                other => panic!("{}: not a node: {other}", statement.id),
            }
        };
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for annotation in graph.subjects_for_predicate_object(RDF_TYPE, &annotation) {
            for target in graph.objects_for_subject_predicate(annotation, &has_target) {
                let target = subject(target);
                for node in graph.objects_for_subject_predicate(&target, &has_selector) {
                    let node = subject(node);
                    if !graph.contains(TripleRef::new(&node, RDF_TYPE, &selector)) {
                        continue;
                    }
                    let number = |p: &oxrdf::NamedNode| match graph.object_for_subject_predicate(&node, p) {
                        Some(TermRef::Literal(l)) => l.value().parse::<usize>().unwrap(),
                        other => panic!("{}: selector without {p}: {other:?}", statement.id),
                    };
                    spans.push((number(&start), number(&end)));
                }
            }
        }
        spans.sort_unstable();
        let mut expected: Vec<(usize, usize)> =
            statement.commitments.iter().map(|c| (c.span.start, c.span.end)).collect();
        expected.sort_unstable();
        assert_eq!(spans, expected, "{}", statement.id);
    }
}
