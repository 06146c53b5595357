//! `communique ingest`: text files to records.

use crate::inputs::{InputError, Origin, records};
use crate::outputs::FileOutput;
use anyhow::{Result, bail};
use communique::model::Statement;
use communique::text::IngestOptions;
use communique::{Format, StatementSerializer};
use rayon::prelude::*;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Ingest statements copied as plain text (or Markdown with front matter) into records.
///
/// One input prints one pretty JSON record; several print JSON Lines, one record a line,
/// in the order given.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique ingest statement.txt
  communique ingest --lang fr --retrieved 2024-07-22 communique.txt --out communique.json
  communique ingest corpus/*.txt --out corpus.jsonl")]
pub struct Args {
    /// Text (.txt) or Markdown (.md) files.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Write here instead of standard output (a file is replaced atomically; a FIFO or a
    /// device such as /dev/null is written into).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Record id, instead of the derived one (one input only).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    #[command(flatten)]
    ingest: super::IngestArgs,
}

/// Files ingested at once (in parallel), so memory does not grow with the input count.
const BATCH: usize = 64;

pub fn run(args: Args) -> Result<ExitCode> {
    if args.id.is_some() && args.files.len() > 1 {
        bail!("--id names one record: give one input file");
    }
    let options = args.ingest.options(args.id.clone())?;
    if let Some(out) = &args.out {
        // The file --out names in the end (through a link too), or where it would be.
        let out_canon = std::fs::canonicalize(out).ok().or_else(|| {
            let dir = out
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| std::env::current_dir().ok(), |p| std::fs::canonicalize(p).ok())?;
            Some(dir.join(out.file_name()?))
        });
        for input in &args.files {
            if let (Ok(input), Some(out)) = (std::fs::canonicalize(input), &out_canon)
                && input == *out
            {
                bail!("refusing to write over the input {}", input.display());
            }
        }
    }
    // Records go to a temporary file beside --out, into the FIFO or device it names, or
    // to standard output as they come, in input order: one pretty JSON record, or JSON
    // Lines for several.
    let mut output = args.out.as_deref().map(FileOutput::open).transpose()?;
    let stdout = std::io::stdout();
    let sink: Box<dyn Write> = match &output {
        Some(output) => Box::new(std::io::BufWriter::new(output.writer()?)),
        None => Box::new(stdout.lock()),
    };
    let format = if args.files.len() == 1 { Format::Json } else { Format::JsonLines };
    let mut writer = StatementSerializer::from_format(format).for_writer(sink);
    let (mut written, mut failed) = (0usize, 0usize);
    // The input of each id written: one output holds each id once, as in `convert`, so a
    // later record with the same id (the same text given twice) is refused, naming both.
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for chunk in args.files.chunks(BATCH) {
        let results: Vec<_> = chunk.par_iter().map(|path| ingest_one(path, &options)).collect();
        for (path, result) in chunk.iter().zip(results) {
            let result = result.and_then(|statement| match seen.entry(statement.id.clone()) {
                Entry::Vacant(entry) => {
                    entry.insert(path);
                    Ok(statement)
                }
                Entry::Occupied(entry) => Err(InputError {
                    origin: Origin::whole(Arc::from(path.as_path())),
                    message: format!(
                        "duplicate id {:?}: {} has it already",
                        statement.id,
                        entry.get().display()
                    ),
                }),
            });
            match result {
                Ok(statement) => {
                    writer.serialize_statement(&statement)?;
                    written += 1;
                }
                Err(error) => {
                    failed += 1;
                    eprintln!("error: {error}");
                }
            }
        }
    }
    if written > 0 {
        writer.finish()?.flush()?;
    }
    if let (Some(output), Some(out)) = (output.take(), &args.out) {
        if written == 0 {
            // Nothing to keep: an existing file stays as it was.
            eprintln!("nothing ingested: {} left unchanged", out.display());
        } else {
            output.keep()?;
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn ingest_one(path: &Path, options: &IngestOptions) -> Result<Statement, InputError> {
    let refuse = |message: String| Err(InputError { origin: Origin::whole(Arc::from(path)), message });
    match Format::from_path(path) {
        Some(Format::Text | Format::Markdown) => {}
        Some(other) => {
            return refuse(format!(
                "a {other} file holds records already: use `communique convert` (ingest reads .txt and .md)"
            ));
        }
        None => {
            return refuse(
                "unknown input type: ingest reads plain text (.txt) and Markdown (.md)".to_owned(),
            );
        }
    }
    match records(path, options).next() {
        Some(result) => result.map(|(statement, _)| statement),
        None => refuse("nothing to ingest".to_owned()),
    }
}
