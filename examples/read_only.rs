//! The read + deserialise-only baseline of the benchmarks: reads JSON Lines into
//! `Statement`s, counts them, and writes nothing.
//!
//! ```text
//! cargo run --release --example read_only -- target/bench/corpus-1x.jsonl
//! cargo run --release --example read_only -- --model-reader target/bench/corpus-1x.jsonl
//! ```
//!
//! By default each line goes straight to `serde_json::from_str::<Statement>` (typed
//! serde_json, the baseline of the issue's peer table); `--model-reader` uses the
//! model's `JsonLinesParser` instead (the reader `communique convert` uses, which also
//! tracks the JSONPath of an error). Prints the number of records, paragraphs and
//! commitments; exits with 1 and the line number at the first bad record.

use communique::model::Statement;
use communique::model::json::JsonLinesParser;
use std::error::Error;
use std::fs::File;
use std::io::{BufRead, BufReader};

fn main() {
    let mut model_reader = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--model-reader" => model_reader = true,
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!("usage: read_only [--model-reader] FILE.jsonl");
                std::process::exit(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: read_only [--model-reader] FILE.jsonl");
        std::process::exit(2);
    };
    match run(&path, model_reader) {
        Ok((records, paragraphs, commitments)) => {
            println!("{records} records, {paragraphs} paragraphs, {commitments} commitments");
        }
        Err(error) => {
            eprintln!("error: {path}: {error}");
            std::process::exit(1);
        }
    }
}

fn run(path: &str, model_reader: bool) -> Result<(u64, u64, u64), Box<dyn Error>> {
    let reader = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut counts = (0, 0, 0);
    let mut count = |statement: &Statement| {
        counts.0 += 1;
        counts.1 += statement.paragraphs.len() as u64;
        counts.2 += statement.commitments.len() as u64;
    };
    if model_reader {
        for statement in JsonLinesParser::default().for_reader(reader) {
            count(&statement?);
        }
    } else {
        for (number, line) in reader.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let statement: Statement =
                serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", number + 1))?;
            count(&statement);
        }
    }
    Ok(counts)
}
