//! Writes a deterministic synthetic corpus of statement records (JSON Lines) for the
//! benchmarks.
//!
//! ```text
//! cargo run --release --example generate_corpus -- --records 20000 --seed 1 --out target/bench/corpus-1x.jsonl
//! ```
//!
//! Options:
//!
//! - `--records N`: number of records (default 20,000, the 1× corpus; 4× is 80,000,
//!   16× is 320,000);
//! - `--seed S`: corpus seed (default 1); the same seed and pool give the same bytes;
//! - `--out FILE`: where to write; written to `FILE.partial` and renamed at the end, so
//!   a failed run leaves no half-written corpus;
//! - `--from DIR` (repeatable): folders of `.txt` / `.md` statements to ingest as the
//!   pool (default `tests/data/corpus`, `tests/data/corpus-whitehouse` and `examples/data`, in the
//!   project root).
//!
//! Each record holds 6–10 real paragraphs and the 8–16 commitments ingest found in them
//! (about 11 KB of JSON a record) and passes `Statement::validate`; see
//! `benches/common/generate.rs` for how records are drawn. A summary goes to standard
//! error.

#[path = "../benches/common/generate.rs"]
mod generate;

use communique::model::json::JsonLinesSerializer;
use generate::{BASE_RECORDS, COMMITMENTS, PARAGRAPHS, Pool};
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Command-line settings.
struct Args {
    records: u64,
    seed: u64,
    out: PathBuf,
    from: Vec<PathBuf>,
}

const USAGE: &str = "usage: generate_corpus [--records N] [--seed S] --out FILE.jsonl [--from DIR]...";

fn parse_args() -> Result<Args, String> {
    let mut records = BASE_RECORDS as u64;
    let mut seed = 1;
    let mut out = None;
    let mut from = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(flag) = args.next() {
        let flag = flag.to_string_lossy().into_owned();
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--records" => {
                let text = value()?.to_string_lossy().into_owned();
                records = text.parse().map_err(|_| format!("--records {text:?}: not a whole number"))?;
            }
            "--seed" => {
                let text = value()?.to_string_lossy().into_owned();
                seed = text.parse().map_err(|_| format!("--seed {text:?}: not a whole number"))?;
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--from" => from.push(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let out = out.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
    Ok(Args { records, seed, out, from })
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    if let Err(error) = run(args) {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

fn run(args: Args) -> Result<(), Box<dyn Error>> {
    let from = if args.from.is_empty() {
        generate::default_sources(Path::new(env!("CARGO_MANIFEST_DIR")))
    } else {
        args.from.clone()
    };
    let pool = Pool::ingest_dirs(&from)?;
    let (paragraphs, rich) = pool.paragraph_counts();
    eprintln!(
        "pool: {} files ({} bytes) ingested; {paragraphs} paragraphs in {:?}, {rich} with commitments",
        pool.files,
        pool.input_bytes,
        pool.language().unwrap_or("no language"),
    );

    let mut partial = args.out.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let (stats, bytes) = match write_corpus(&pool, &args, &partial) {
        Ok(written) => written,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    std::fs::rename(&partial, &args.out)
        .map_err(|e| format!("cannot rename {} to {}: {e}", partial.display(), args.out.display()))?;
    let records = args.records.max(1) as f64;
    eprintln!(
        "wrote {} records, {bytes} bytes ({:.1} KB a record) to {}; paragraphs {}–{} (want {}–{}), \
         commitments {}–{} (want {}–{}), {} paragraphs and {} commitments in all",
        args.records,
        bytes as f64 / records / 1000.0,
        args.out.display(),
        stats.paragraphs.0,
        stats.paragraphs.1,
        PARAGRAPHS.0,
        PARAGRAPHS.1,
        stats.commitments.0,
        stats.commitments.1,
        COMMITMENTS.0,
        COMMITMENTS.1,
        stats.total_paragraphs,
        stats.total_commitments,
    );
    Ok(())
}

/// Writes records `0..args.records` of the corpus to `path`, checking each with
/// `Statement::validate`, and syncs the file; returns the counts and the bytes written.
fn write_corpus(pool: &Pool, args: &Args, path: &Path) -> Result<(Stats, u64), Box<dyn Error>> {
    let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let counting = CountingWriter { inner: BufWriter::with_capacity(1 << 20, file), bytes: 0 };
    let mut writer = JsonLinesSerializer::default().for_writer(counting);
    let mut stats = Stats::default();
    for index in 0..args.records {
        let statement = pool.record(args.seed, index);
        if let Err(errors) = statement.validate() {
            return Err(format!("record {index} ({}) is not valid: {errors}", statement.id).into());
        }
        stats.add(statement.paragraphs.len(), statement.commitments.len());
        writer.serialize_statement(&statement)?;
    }
    let CountingWriter { inner, bytes } = writer.finish()?;
    inner.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok((stats, bytes))
}

/// Smallest and largest counts seen, and totals.
struct Stats {
    paragraphs: (usize, usize),
    commitments: (usize, usize),
    total_paragraphs: u64,
    total_commitments: u64,
}

impl Default for Stats {
    fn default() -> Self {
        Self {
            paragraphs: (usize::MAX, 0),
            commitments: (usize::MAX, 0),
            total_paragraphs: 0,
            total_commitments: 0,
        }
    }
}

impl Stats {
    fn add(&mut self, paragraphs: usize, commitments: usize) {
        self.paragraphs = (self.paragraphs.0.min(paragraphs), self.paragraphs.1.max(paragraphs));
        self.commitments = (self.commitments.0.min(commitments), self.commitments.1.max(commitments));
        self.total_paragraphs += paragraphs as u64;
        self.total_commitments += commitments as u64;
    }
}

/// Counts the bytes written through it.
struct CountingWriter<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
