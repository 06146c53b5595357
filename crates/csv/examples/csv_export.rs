//! Writes statements from JSON documents and JSON Lines corpora into one CSV folder.
//!
//! ```text
//! cargo run -p communique-csv --example csv_export -- [--excel-safe] OUT_DIR FILE.json|FILE.jsonl...
//! ```
//!
//! `OUT_DIR` must not hold a CSV folder already. A `.jsonl` file is streamed one line at
//! a time; any other file is read as one JSON document. Prints one line per table.

use communique_csv::CsvSerializer;
use communique_model::json::{self, JsonLinesParser};
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("export: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let excel_safe = args.first().is_some_and(|a| a == "--excel-safe");
    if excel_safe {
        args.remove(0);
    }
    let [out, inputs @ ..] = args.as_slice() else {
        return Err("usage: export [--excel-safe] OUT_DIR FILE.json|FILE.jsonl...".into());
    };
    if inputs.is_empty() {
        return Err("no input file given".into());
    }
    let mut writer = CsvSerializer::default().with_excel_safe(excel_safe).for_dir(out)?;
    for input in inputs.iter().map(PathBuf::from) {
        let located = |e: &dyn std::fmt::Display| format!("{}: {e}", input.display());
        let file = File::open(&input).map_err(|e| located(&e))?;
        if input.extension().is_some_and(|e| e == "jsonl") {
            for statement in JsonLinesParser::default().for_reader(BufReader::new(file)) {
                writer.serialize_statement(&statement.map_err(|e| located(&e))?)?;
            }
        } else {
            writer.serialize_statement(&json::from_reader(BufReader::new(file)).map_err(|e| located(&e))?)?;
        }
    }
    let summary = writer.finish()?;
    println!("{} statements into {}", summary.statements, summary.dir.display());
    for table in &summary.tables {
        println!(
            "{:<28} {:>8} rows {:>12} bytes  sha256:{}",
            table.file, table.rows, table.bytes, table.sha256
        );
    }
    Ok(())
}
