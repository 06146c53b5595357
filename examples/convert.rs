//! The main job, end to end: ingest statements and write every format.
//!
//! ```text
//! cargo run --release --example convert                 # the bundled reference statement
//! cargo run --release --example convert -- a.txt b.md   # your own files
//! ```
//!
//! Writes into `target/communique-example/`: `statements.jsonl`, `json/<id>.json`,
//! `csv/` (tables with `csv-metadata.json` and `datapackage.json`), `statements.xml` and
//! `statements.jsonld`, then prints a summary of paragraphs and commitments by kind.

use communique::model::{CommitmentKind, ParagraphKind, Statement, json};
use communique::text::{IngestOptions, ingest};
use std::collections::BTreeMap;
use std::error::Error;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        inputs.push(root.join("examples/data/nato-2022-02-16-defence-ministers-ukraine.txt"));
    }
    let out = root.join("target/communique-example");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(out.join("json"))?;

    let mut statements = Vec::new();
    for path in &inputs {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let statement =
            ingest(&bytes, &IngestOptions::default()).map_err(|e| format!("{}: {e}", path.display()))?;
        statements.push(statement);
    }

    let mut jsonl = json::JsonLinesSerializer::default()
        .for_writer(BufWriter::new(File::create(out.join("statements.jsonl"))?));
    let mut xml = communique::xml::XmlSerializer::default()
        .for_writer(BufWriter::new(File::create(out.join("statements.xml"))?));
    let mut jsonld = communique::jsonld::JsonLdSerializer::default()
        .for_writer(BufWriter::new(File::create(out.join("statements.jsonld"))?));
    let mut csv = communique::csv::CsvSerializer::default().for_dir(out.join("csv"))?;
    for statement in &statements {
        // An id is data, not a path: `file_stem` makes it a file name that stays in `json/`.
        let name = format!("{}.json", communique::file_stem(&statement.id));
        std::fs::write(out.join("json").join(name), json::to_string_pretty(statement))?;
        jsonl.serialize_statement(statement)?;
        xml.serialize_statement(statement)?;
        jsonld.serialize_statement(statement)?;
        csv.serialize_statement(statement)?;
    }
    jsonl.finish()?;
    xml.finish()?;
    jsonld.finish()?;
    csv.finish()?;

    for statement in &statements {
        print_summary(statement);
    }
    println!(
        "\nwrote {} statement(s) to {}",
        statements.len(),
        Path::new("target/communique-example").display()
    );
    for name in ["statements.jsonl", "json/", "csv/", "statements.xml", "statements.jsonld"] {
        println!("  {name}");
    }
    Ok(())
}

fn print_summary(statement: &Statement) {
    println!("{}", statement.id);
    let when = statement.issued.map_or_else(|| "undated".to_owned(), |d| d.to_string());
    let places =
        if statement.places.is_empty() { "no place".to_owned() } else { statement.places.join(", ") };
    let source = statement.source.attribution.as_deref().unwrap_or("no attribution");
    println!("  issued {when} in {places}; source: {source}");
    let mut paragraphs: BTreeMap<ParagraphKind, usize> = BTreeMap::new();
    for paragraph in &statement.paragraphs {
        *paragraphs.entry(paragraph.kind).or_default() += 1;
    }
    let kinds: Vec<String> = paragraphs.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!("  paragraphs: {} ({})", statement.paragraphs.len(), kinds.join(", "));
    let mut commitments: BTreeMap<CommitmentKind, usize> = BTreeMap::new();
    for commitment in &statement.commitments {
        *commitments.entry(commitment.kind).or_default() += 1;
    }
    println!("  commitments: {}", statement.commitments.len());
    for (kind, n) in &commitments {
        println!("    {:<13} {n:>3}  ({})", kind.as_str(), kind.speech_act_class());
    }
}
