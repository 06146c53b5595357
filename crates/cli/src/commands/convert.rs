//! `communique convert`: inputs of any format to any set of output formats.

use crate::formats::{OutputOptions, sink};
use crate::inputs::{Inputs, Work};
use crate::outputs::{Sink, check_targets};
use anyhow::{Context, Result, bail};
use communique::Format;
use communique::model::Statement;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// Records handed to the writers at once.
const BATCH: usize = 256;

/// Convert statements between formats (.txt and .md are ingested on the way).
///
/// Writes, in OUT: statements.jsonl (jsonl), csv/ (csv: tables, csv-metadata.json,
/// datapackage.json), statements.xml (xml: one collection), statements.jsonld (jsonld),
/// json/<id>.json (json: one file a record).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique convert statements/*.txt --to jsonl,csv,xml,jsonld --out out
  communique convert out/statements.jsonl --to csv --excel-safe --out for-excel
  communique convert corpus.jsonl --to jsonld --base-iri https://archive.example.org/id/ --out rdf")]
pub struct Args {
    /// Input files: .txt, .md, .json, .jsonl, .xml, .jsonld, or a CSV folder.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Comma-separated output formats: json, jsonl, csv, xml, jsonld.
    #[arg(long, value_delimiter = ',', required = true, value_name = "FORMATS")]
    to: Vec<Format>,
    /// Output folder (created when missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Base IRI for JSON-LD node IRIs.
    #[arg(long, value_name = "IRI")]
    base_iri: Option<String>,
    /// Neutralise CSV cells a spreadsheet would run as formulas (restored on reading).
    #[arg(long)]
    excel_safe: bool,
    /// Worker threads (default: the number of cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Stop at the first bad input and write nothing.
    #[arg(long)]
    fail_fast: bool,
    /// Replace existing outputs.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    ingest: super::IngestArgs,
}

/// The writers of a run: on their own threads when more than one job may run.
enum Writers {
    Inline(Vec<Box<dyn Sink>>),
    Threads(Vec<(SyncSender<Arc<Vec<Statement>>>, JoinHandle<Result<Box<dyn Sink>>>)>),
}

impl Writers {
    fn new(sinks: Vec<Box<dyn Sink>>, threaded: bool) -> Self {
        if !threaded {
            return Self::Inline(sinks);
        }
        Self::Threads(
            sinks
                .into_iter()
                .map(|mut sink| {
                    let (sender, receiver): (_, Receiver<Arc<Vec<Statement>>>) = sync_channel(2);
                    let handle = std::thread::spawn(move || {
                        for batch in receiver {
                            for statement in batch.iter() {
                                sink.write(statement)?;
                            }
                        }
                        Ok(sink)
                    });
                    (sender, handle)
                })
                .collect(),
        )
    }

    fn write(&mut self, batch: Vec<Statement>) -> Result<()> {
        match self {
            Self::Inline(sinks) => {
                for sink in sinks {
                    for statement in &batch {
                        sink.write(statement)?;
                    }
                }
            }
            Self::Threads(threads) => {
                let batch = Arc::new(batch);
                for (sender, _) in threads.iter() {
                    // A closed channel means the writer failed; `finish` reports why.
                    if sender.send(batch.clone()).is_err() {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// Stops every writer and deletes what it wrote (its temporary files).
    fn abort(self) {
        if let Self::Threads(threads) = self {
            for (sender, handle) in threads {
                drop(sender);
                // The thread drops its sink, and with it the temporary output.
                let _ = handle.join();
            }
        }
    }

    fn finish(self) -> Result<Vec<crate::outputs::Staged>> {
        let sinks = match self {
            Self::Inline(sinks) => sinks,
            Self::Threads(threads) => {
                let mut sinks = Vec::new();
                for (sender, handle) in threads {
                    drop(sender);
                    sinks.push(handle.join().map_err(|_| anyhow::anyhow!("a writer thread panicked"))??);
                }
                sinks
            }
        };
        sinks.into_iter().map(|sink| sink.finish()).collect()
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut formats = args.to.clone();
    formats.sort();
    formats.dedup();
    if let Some(bad) = formats.iter().find(|f| !f.is_writable()) {
        bail!("--to {bad}: {bad} is an input format only (write json, jsonl, csv, xml or jsonld)");
    }
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    check_targets(&args.out, &formats, &args.inputs, args.force)?;
    let options = OutputOptions { base_iri: args.base_iri.clone(), excel_safe: args.excel_safe };
    let jobs =
        args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let ingest = args.ingest.options(None)?;

    let sinks =
        formats.iter().map(|&format| sink(&args.out, format, &options)).collect::<Result<Vec<_>>>()?;
    let mut writers = Writers::new(sinks, jobs > 1);
    let bar = crate::progress::bar(crate::inputs::total_size(&args.inputs));
    let (mut converted, mut failed) = (0usize, 0usize);
    let mut inputs = Inputs::new(args.inputs.clone()).peekable();
    while inputs.peek().is_some() {
        let batch: Vec<Work> = inputs.by_ref().take(BATCH).collect();
        let weight: u64 = batch.iter().map(Work::weight).sum();
        let results: Vec<_> = pool.install(|| batch.into_par_iter().map(|work| work.run(&ingest)).collect());
        let mut good = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok((statement, _)) => good.push(statement),
                Err(error) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("error: {error}"));
                    if args.fail_fast {
                        bar.finish_and_clear();
                        eprintln!("stopped at the first error (--fail-fast): nothing was written");
                        writers.abort();
                        return Ok(ExitCode::from(1));
                    }
                }
            }
        }
        converted += good.len();
        writers.write(good)?;
        bar.inc(weight);
    }
    let staged = writers.finish()?;
    let mut written = Vec::new();
    for output in staged {
        written.push(output.commit()?);
    }
    bar.finish_and_clear();
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    eprintln!(
        "converted {converted} statement(s){} to {}",
        if failed > 0 { format!(", {failed} failed") } else { String::new() },
        names.join(", ")
    );
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
