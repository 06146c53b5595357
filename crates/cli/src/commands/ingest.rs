//! `communique ingest`: text files to records.

use crate::inputs::{InputError, Origin, Work};
use anyhow::{Context, Result, bail};
use communique::Format;
use communique::model::{Statement, json};
use communique::text::{IngestOptions, InputFormat};
use rayon::prelude::*;
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
    /// Write here instead of standard output (replaced atomically).
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
        let out_canon = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| std::env::current_dir().ok(), |p| std::fs::canonicalize(p).ok());
        for input in &args.files {
            if let (Ok(input), Some(dir), Some(name)) =
                (std::fs::canonicalize(input), &out_canon, out.file_name())
                && input == dir.join(name)
            {
                bail!("refusing to write over the input {}", input.display());
            }
        }
    }
    // Records go to a temporary file beside --out (or straight to standard output) as
    // they come, in input order.
    let mut temporary = match &args.out {
        Some(out) => {
            let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            Some(tempfile::Builder::new().prefix(".communique.").tempfile_in(dir)?)
        }
        None => None,
    };
    let stdout = std::io::stdout();
    let mut sink: Box<dyn Write> = match &temporary {
        Some(file) => Box::new(std::io::BufWriter::new(file.reopen()?)),
        None => Box::new(stdout.lock()),
    };
    let (mut written, mut failed) = (0usize, 0usize);
    for chunk in args.files.chunks(BATCH) {
        let results: Vec<_> = chunk.par_iter().map(|path| ingest_one(path, &options)).collect();
        for result in results {
            match result {
                Ok(statement) if args.files.len() == 1 => {
                    sink.write_all(json::to_string_pretty(&statement).as_bytes())?;
                    written += 1;
                }
                Ok(statement) => {
                    sink.write_all(json::to_string_line(&statement).as_bytes())?;
                    sink.write_all(b"\n")?;
                    written += 1;
                }
                Err(error) => {
                    failed += 1;
                    eprintln!("error: {error}");
                }
            }
        }
    }
    sink.flush()?;
    drop(sink);
    if let (Some(file), Some(out)) = (temporary.take(), &args.out) {
        if written == 0 {
            // Nothing to keep: an existing file stays as it was.
            eprintln!("nothing ingested: {} left unchanged", out.display());
        } else {
            file.as_file().sync_all()?;
            persist(file, out)?;
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn ingest_one(path: &Path, options: &IngestOptions) -> Result<Statement, InputError> {
    let origin = Origin { path: Arc::from(path), position: String::new() };
    let format = match Format::from_path(path) {
        Some(Format::Text) => InputFormat::PlainText,
        Some(Format::Markdown) => InputFormat::Markdown,
        Some(other) => {
            let message = format!(
                "a {other} file holds records already: use `communique convert` (ingest reads .txt and .md)"
            );
            return Err(InputError { origin, message });
        }
        None => {
            let message = "unknown input type: ingest reads plain text (.txt) and Markdown (.md)".to_owned();
            return Err(InputError { origin, message });
        }
    };
    match std::fs::read(path) {
        Ok(bytes) => Work::Ingest { origin, bytes, format }.run(options).map(|(statement, _)| statement),
        Err(e) => Err(InputError { origin, message: format!("cannot read: {e}") }),
    }
}

/// Renames a finished temporary file over `path`, readable by all as published files are.
fn persist(file: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    crate::outputs::set_mode(file.path(), 0o644)?;
    file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new().prefix(".communique.").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    persist(file, path)
}
