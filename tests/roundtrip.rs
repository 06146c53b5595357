//! Every record — the hand-coded reference, the ingested shared corpus and the ingested
//! White House folder — survives every format and back unchanged, one by one and all
//! together in one collection.

use communique::model::{Statement, json};
use communique::text::{IngestOptions, ingest};
use std::io::BufReader;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

fn ingested(dir: &Path, extension: &str) -> Vec<Statement> {
    files(dir, extension)
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            ingest(&bytes, &IngestOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

fn examples() -> Vec<Statement> {
    files(&root().join("examples/data"), "json")
        .iter()
        .map(|p| json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn corpus() -> Vec<Statement> {
    let mut all = examples();
    all.extend(ingested(&root().join("../shared/corpus"), "txt"));
    assert_eq!(all.len(), 1 + 10);
    all
}

fn whitehouse() -> Vec<Statement> {
    let all = ingested(&root().join("../shared/corpus-whitehouse"), "md");
    assert_eq!(all.len(), 241);
    all
}

fn xml(statements: &[Statement]) -> Vec<Statement> {
    let mut writer = communique::xml::XmlSerializer::default().for_writer(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    let bytes = writer.finish().unwrap();
    communique::xml::XmlParser::default()
        .for_reader(BufReader::new(bytes.as_slice()))
        .collect::<Result<_, _>>()
        .unwrap()
}

fn jsonld(statements: &[Statement]) -> Vec<Statement> {
    let mut writer = communique::jsonld::JsonLdSerializer::default().for_writer(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    let bytes = writer.finish().unwrap();
    communique::jsonld::JsonLdParser::default()
        .for_reader(BufReader::new(bytes.as_slice()))
        .collect::<Result<_, _>>()
        .unwrap()
}

fn csv(statements: &[Statement]) -> Vec<Statement> {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = communique::csv::CsvSerializer::default().for_dir(dir.path()).unwrap();
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    writer.finish().unwrap();
    communique::csv::CsvParser::default().for_dir(dir.path()).unwrap().collect::<Result<_, _>>().unwrap()
}

fn jsonl(statements: &[Statement]) -> Vec<Statement> {
    let mut writer = json::JsonLinesWriter::new(Vec::new());
    for statement in statements {
        writer.serialize_statement(statement).unwrap();
    }
    let bytes = writer.finish().unwrap();
    json::JsonLinesReader::new(bytes.as_slice()).collect::<Result<_, _>>().unwrap()
}

fn check(name: &str, statements: &[Statement], through: fn(&[Statement]) -> Vec<Statement>) {
    for statement in statements {
        statement.validate().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(through(std::slice::from_ref(statement)), [statement.clone()], "{name}: {}", statement.id);
    }
    let all = through(statements);
    assert_eq!(all.len(), statements.len(), "{name}: the collection");
    for (back, statement) in all.iter().zip(statements) {
        assert_eq!(back, statement, "{name}, in the collection: {}", statement.id);
    }
}

#[test]
fn corpus_survives_every_format() {
    let corpus = corpus();
    check("jsonl", &corpus, jsonl);
    check("csv", &corpus, csv);
    check("xml", &corpus, xml);
    check("jsonld", &corpus, jsonld);
}

#[test]
fn whitehouse_folder_survives_every_format() {
    let folder = whitehouse();
    check("jsonl", &folder, jsonl);
    check("csv", &folder, csv);
    check("xml", &folder, xml);
    check("jsonld", &folder, jsonld);
}
