//! `communique ingest`: text files to records.

use crate::inputs::{Origin, Work};
use anyhow::{Context, Result, bail};
use communique::model::json;
use communique::text::InputFormat;
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
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|path| {
            let origin = Origin { path: Arc::from(path.as_path()), position: String::new() };
            let format = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")) {
                InputFormat::Markdown
            } else {
                InputFormat::PlainText
            };
            match std::fs::read(path) {
                Ok(bytes) => Work::Ingest { origin, bytes, format }.run(&options),
                Err(e) => Err(crate::inputs::InputError { origin, message: format!("cannot read: {e}") }),
            }
        })
        .collect();
    let mut text = String::new();
    let mut failed = 0;
    for result in &results {
        match result {
            Ok((statement, _)) if args.files.len() == 1 => text.push_str(&json::to_string_pretty(statement)),
            Ok((statement, _)) => {
                text.push_str(&json::to_string_line(statement));
                text.push('\n');
            }
            Err(error) => {
                failed += 1;
                eprintln!("error: {error}");
            }
        }
    }
    match &args.out {
        Some(out) => write_atomically(out, text.as_bytes())?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new().prefix(".communique.").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
