//! `communique convert`: inputs of any format to any set of output formats.

use crate::formats::{OutputOptions, sink};
use crate::inputs::{InputError, Inputs, Work};
use crate::outputs::{Sink, check_targets};
use anyhow::{Context, Result, bail};
use communique::Format;
use communique::model::Statement;
use rayon::prelude::*;
use std::collections::HashSet;
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

/// A writer on its own thread: the channel that feeds it batches, and the thread, which
/// hands the sink back when the channel closes.
type WriterThread = (SyncSender<Arc<Vec<Statement>>>, JoinHandle<Result<Box<dyn Sink>>>);

/// The writers of a run: on their own threads when more than one job may run.
enum Writers {
    Inline(Vec<Box<dyn Sink>>),
    Threads(Vec<WriterThread>),
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

    /// Hands a batch to every writer; an error when a writer has stopped (its own error
    /// comes from [`Writers::finish`]).
    fn write(&mut self, batch: Vec<Statement>) -> Result<(), WriterStopped> {
        match self {
            Self::Inline(sinks) => {
                for sink in sinks {
                    for statement in &batch {
                        if let Err(error) = sink.write(statement) {
                            return Err(WriterStopped(Some(error)));
                        }
                    }
                }
            }
            Self::Threads(threads) => {
                let batch = Arc::new(batch);
                for (sender, _) in threads.iter() {
                    sender.send(batch.clone()).map_err(|_| WriterStopped(None))?;
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

    /// Completes every output; on any error every writer is still joined, so that all
    /// temporary outputs are deleted before the error is returned.
    fn finish(self) -> Result<Vec<crate::outputs::Staged>> {
        let results: Vec<Result<Box<dyn Sink>>> = match self {
            Self::Inline(sinks) => sinks.into_iter().map(Ok).collect(),
            Self::Threads(threads) => threads
                .into_iter()
                .map(|(sender, handle)| {
                    drop(sender);
                    handle.join().map_err(|_| anyhow::anyhow!("a writer thread panicked"))?
                })
                .collect(),
        };
        // Finish the sinks that did not fail; dropping the others deletes their files.
        let staged: Vec<Result<crate::outputs::Staged>> =
            results.into_iter().map(|sink| sink.and_then(|sink| sink.finish())).collect();
        staged.into_iter().collect()
    }
}

/// A writer stopped on an error; `Some` when the error is already known (inline writing).
struct WriterStopped(Option<anyhow::Error>);

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
    // Ids already written: a collection holds each id once (the XSD and the CSV keys
    // require it), so a later record with the same id is a bad record.
    let mut seen: HashSet<String> = HashSet::new();
    let mut inputs = Inputs::new(args.inputs.clone()).peekable();
    while inputs.peek().is_some() {
        let batch: Vec<Work> = inputs.by_ref().take(BATCH).collect();
        let weight: u64 = batch.iter().map(Work::weight).sum();
        let results: Vec<_> = pool.install(|| batch.into_par_iter().map(|work| work.run(&ingest)).collect());
        let mut good = Vec::with_capacity(results.len());
        for result in results {
            let error = match result {
                Ok((statement, _)) if seen.insert(statement.id.clone()) => {
                    good.push(statement);
                    continue;
                }
                Ok((statement, origin)) => InputError {
                    origin,
                    message: format!("duplicate id {:?}: an earlier record has it", statement.id),
                },
                Err(error) => error,
            };
            failed += 1;
            bar.suspend(|| eprintln!("error: {error}"));
            if args.fail_fast {
                bar.finish_and_clear();
                eprintln!("stopped at the first error (--fail-fast): nothing was written");
                writers.abort();
                return Ok(ExitCode::from(1));
            }
        }
        converted += good.len();
        if let Err(WriterStopped(error)) = writers.write(good) {
            bar.finish_and_clear();
            // The writer's own error, once every writer has stopped and cleaned up.
            let finished = writers.finish();
            return Err(error
                .or_else(|| finished.err())
                .unwrap_or_else(|| anyhow::anyhow!("a writer stopped")));
        }
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
