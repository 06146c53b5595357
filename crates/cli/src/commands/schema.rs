//! `communique schema`: the schema files, for repositories and validators.

use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write the schema files: JSON Schema of a record, the XML Schema (XSD), the JSON-LD
/// @context, the vocabulary with codebook v1 (SKOS) and the SHACL shapes.
///
/// Without --out, prints the JSON Schema of a record.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique schema > statement.schema.json
  communique schema --out schemas")]
pub struct Args {
    /// Folder to write every schema file into (created when missing).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Every shipped schema file as (file name, contents).
pub fn files() -> Vec<(&'static str, String)> {
    let mut files = communique::model::schema::generated_files();
    files.push(("communique.xsd", communique::xml::XSD.to_owned()));
    files.push(("communique.context.jsonld", communique::jsonld::CONTEXT_DOCUMENT.to_owned()));
    files.push(("communique.vocab.ttl", communique::jsonld::VOCABULARY.to_owned()));
    files.push(("communique.shapes.ttl", communique::jsonld::SHAPES.to_owned()));
    files
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.out {
        None => {
            let (_, statement) = communique::model::schema::generated_files().remove(0);
            print!("{statement}");
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, contents) in files() {
                super::ingest::write_atomically(&dir.join(name), contents.as_bytes())?;
                println!("{}", dir.join(name).display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
