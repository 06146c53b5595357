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

use communique::model::{CommitmentKind, ParagraphKind, Statement};
use communique::text::{IngestOptions, ingest};
use communique::{Format, StatementSerializer};
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
    std::fs::create_dir_all(&out)?;

    let mut statements = Vec::new();
    for path in &inputs {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let statement =
            ingest(&bytes, &IngestOptions::default()).map_err(|e| format!("{}: {e}", path.display()))?;
        statements.push(statement);
    }

    // One serializer for every format, chosen by value: the folders (one JSON file a
    // statement, named from its id made safe; the CSV tables) and the single files.
    for (format, name) in [(Format::Json, "json"), (Format::Csv, "csv")] {
        let mut writer = StatementSerializer::from_format(format).for_dir(out.join(name))?;
        for statement in &statements {
            writer.serialize_statement(statement)?;
        }
        writer.finish()?;
    }
    for format in [Format::JsonLines, Format::Xml, Format::JsonLd] {
        let file = File::create(out.join(format!("statements.{}", format.file_extension())))?;
        let mut writer = StatementSerializer::from_format(format).for_writer(BufWriter::new(file));
        for statement in &statements {
            writer.serialize_statement(statement)?;
        }
        writer.finish()?;
    }

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
