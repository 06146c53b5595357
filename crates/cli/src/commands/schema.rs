//! `communique schema`: the schema files, for repositories and validators.

use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write the schema files: JSON Schema of a record, the XML Schema (XSD), the JSON-LD
/// @context, the vocabulary with codebook v1 (SKOS) and the SHACL shapes.
///
/// Without --out, prints the JSON Schema of a record. With --csv-loader, prints a script
/// that loads a CSV folder into pandas, DuckDB or R exactly as it was written (only an
/// empty cell is missing; every column typed as csv-metadata.json declares it).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique schema > statement.schema.json
  communique schema --out schemas
  communique schema --csv-loader pandas --csv-dir out/csv > load_tables.py
  communique schema --csv-loader duckdb --csv-dir out/csv > tables.sql")]
pub struct Args {
    /// Folder to write every schema file into (created when missing).
    #[arg(long, value_name = "DIR", conflicts_with = "csv_loader")]
    out: Option<PathBuf>,
    /// Print a script that loads every CSV table with its declared types: pandas
    /// (Python), duckdb (SQL views) or r (readr).
    #[arg(long, value_name = "TOOL", value_parser = parse_loader)]
    csv_loader: Option<communique::csv::Loader>,
    /// The CSV folder as the printed script should name it.
    #[arg(long, value_name = "DIR", default_value = "out/csv", requires = "csv_loader")]
    csv_dir: String,
}

fn parse_loader(name: &str) -> Result<communique::csv::Loader, String> {
    communique::csv::Loader::from_name(name).ok_or_else(|| {
        let names: Vec<_> = communique::csv::Loader::ALL.iter().map(|tool| tool.name()).collect();
        format!("unknown tool {name:?}: expected one of {}", names.join(", "))
    })
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
    if let Some(tool) = args.csv_loader {
        crate::stdout::print(tool.script(&args.csv_dir));
        return Ok(ExitCode::SUCCESS);
    }
    match args.out {
        None => {
            let (_, statement) = communique::model::schema::generated_files().remove(0);
            crate::stdout::print(statement);
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, contents) in files() {
                crate::outputs::write_atomically(&dir.join(name), contents.as_bytes())?;
                crate::stdout::println(dir.join(name).display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
