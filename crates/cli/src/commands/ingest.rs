//! `communique ingest`: texts, pages and web archives to records.

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

/// Ingest statements copied as plain text (or Markdown with front matter), HTML pages
/// and the pages of WARC web archives into records.
///
/// One text or page prints one pretty JSON record; several inputs, or a WARC file (one
/// record a page), print JSON Lines, one record a line, in the order given.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique ingest statement.txt
  communique ingest --lang fr --retrieved 2024-07-22 communique.txt --out communique.json
  communique ingest corpus/*.txt --out corpus.jsonl
  communique ingest page.html --retrieved 2025-03-01 --source-url https://example.org/statement
  communique ingest crawl.warc.gz --out pages.jsonl")]
pub struct Args {
    /// Text (.txt), Markdown (.md), HTML (.html, .htm) or WARC (.warc, .warc.gz) files.
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
    if args.id.is_some() && (args.files.len() > 1 || Format::from_path(&args.files[0]) == Some(Format::Warc))
    {
        bail!("--id names one record: give one input file that holds one statement (not a WARC file)");
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
    let one = args.files.len() == 1 && Format::from_path(&args.files[0]) != Some(Format::Warc);
    let format = if one { Format::Json } else { Format::JsonLines };
    let mut writer = StatementSerializer::from_format(format).for_writer(sink);
    let (mut written, mut failed) = (0usize, 0usize);
    // The input of each id written: one output holds each id once, as in `convert`, so a
    // later record with the same id (the same text given twice) is refused, naming both.
    let mut seen: HashMap<String, Origin> = HashMap::new();
    for chunk in args.files.chunks(BATCH) {
        let results: Vec<_> = chunk.par_iter().map(|path| ingest_one(path, &options)).collect();
        for result in results.into_iter().flatten() {
            let result = result.and_then(|(statement, origin)| match seen.entry(statement.id.clone()) {
                Entry::Vacant(entry) => {
                    entry.insert(origin);
                    Ok(statement)
                }
                Entry::Occupied(entry) => Err(InputError {
                    message: format!("duplicate id {:?}: {} has it already", statement.id, entry.get()),
                    origin,
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

/// The records of one input: one for a text or a page, one a page for a WARC file (each
/// with the record it came from), or the error that refuses the input.
fn ingest_one(path: &Path, options: &IngestOptions) -> Vec<Result<(Statement, Origin), InputError>> {
    let refuse = |message: String| vec![Err(InputError { origin: Origin::whole(Arc::from(path)), message })];
    match Format::from_path(path) {
        Some(Format::Text | Format::Markdown | Format::Html | Format::Warc) => {}
        Some(other) => {
            return refuse(format!(
                "a {other} file holds records already: use `communique convert` (ingest reads .txt, .md, .html, .htm, .warc and .warc.gz)"
            ));
        }
        None => {
            return refuse(
                "unknown input type: ingest reads plain text (.txt), Markdown (.md), HTML (.html, .htm) and WARC (.warc, .warc.gz)"
                    .to_owned(),
            );
        }
    }
    let results: Vec<_> = records(path, options).collect();
    if results.is_empty() {
        return refuse(if Format::from_path(path) == Some(Format::Warc) {
            "nothing to ingest: no response record of this WARC file holds an HTML page".to_owned()
        } else {
            "nothing to ingest".to_owned()
        });
    }
    results
}
