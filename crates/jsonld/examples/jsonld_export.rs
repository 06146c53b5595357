//! Writes statements as JSON-LD: one `.jsonld` per record and a combined `all.jsonld`.
//!
//! ```text
//! cargo run -p communique-jsonld --example jsonld_export -- [--base IRI] [--embed] [--nquads] OUT_DIR FILE.json|FILE.jsonl...
//! ```
//!
//! `--base` sets the base IRI of node IRIs, `--embed` writes the context into each
//! document instead of referring to it, and `--nquads` also writes the RDF of each document
//! as N-Quads (`{name}.nq`, `all.nq`), produced by oxjsonld with the crate's offline document loader,
//! for comparison with another JSON-LD processor. File names are the record ids with
//! every character other than ASCII letters, digits, `-`, `_` and `.` replaced by `_`.

use communique_jsonld::{JsonLdSerializer, load_document};
use communique_model::{Statement, json};
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use std::error::Error;
use std::fs;
use std::io::{BufReader, BufWriter, Write as _};
use std::path::{Path, PathBuf};

fn main() {
    if let Err(error) = run() {
        eprintln!("export: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut config = JsonLdSerializer::default();
    let mut nquads = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base" => config = config.with_base_iri(args.next().ok_or("--base needs an IRI")?)?,
            "--embed" => config = config.with_embedded_context(true),
            "--nquads" => nquads = true,
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.len() < 2 {
        return Err("usage: export [--base IRI] [--embed] [--nquads] OUT_DIR FILE.json|FILE.jsonl...".into());
    }
    let out_dir = paths.remove(0);
    fs::create_dir_all(&out_dir)?;
    let mut statements = Vec::new();
    for path in &paths {
        statements.extend(read_statements(path)?);
    }
    let mut all = config.clone().for_writer(BufWriter::new(fs::File::create(out_dir.join("all.jsonld"))?));
    for statement in &statements {
        let name = file_name(&statement.id);
        let mut one = config.clone().for_writer(Vec::new());
        one.serialize_statement(statement)?;
        let document = one.finish()?;
        fs::write(out_dir.join(format!("{name}.jsonld")), &document)?;
        if nquads {
            fs::write(out_dir.join(format!("{name}.nq")), to_nquads(&document)?)?;
        }
        all.serialize_statement(statement)?;
    }
    all.finish()?.flush()?;
    if nquads {
        fs::write(out_dir.join("all.nq"), to_nquads(&fs::read(out_dir.join("all.jsonld"))?)?)?;
    }
    println!("wrote {} statement(s) to {}", statements.len(), out_dir.display());
    Ok(())
}

fn read_statements(path: &Path) -> Result<Vec<Statement>, Box<dyn Error>> {
    let located = |error: json::JsonParseError| format!("{}: {error}", path.display());
    if path.extension().is_some_and(|e| e == "jsonl") {
        let reader = BufReader::new(fs::File::open(path)?);
        Ok(json::JsonLinesParser::default().for_reader(reader).collect::<Result<_, _>>().map_err(located)?)
    } else {
        Ok(vec![json::from_slice(&fs::read(path)?).map_err(|error| located(error.into()))?])
    }
}

fn file_name(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect()
}

/// The document's RDF as N-Quads, one quad a line, sorted (oxjsonld emits in parse order).
fn to_nquads(document: &[u8]) -> Result<String, Box<dyn Error>> {
    let mut lines = Vec::new();
    let parser = JsonLdParser::new().for_reader(document).with_load_document_callback(|url, _| {
        Ok(JsonLdRemoteDocument {
            document: load_document(url)?.as_bytes().to_vec(),
            document_url: url.to_owned(),
        })
    });
    for quad in parser {
        lines.push(format!("{} .\n", quad?));
    }
    lines.sort();
    lines.dedup();
    Ok(lines.concat())
}
