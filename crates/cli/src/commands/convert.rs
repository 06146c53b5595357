//! `communique convert`: inputs of any format to any set of output formats.

use crate::inputs::{InputError, Inputs, Origin, Work};
use crate::outputs::{Sink, Staged, check_targets, commit};
use anyhow::{Context, Result, bail};
use communique::model::Statement;
use communique::{Format, PreparedStatement, Shard, StatementSerializer};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// Records converted and handed to the writers at once. With more than one job, at most
/// about eight batches are alive at a time (two queued by the reader and one it fills,
/// two being prepared, two queued for the writers and one being written): about 256
/// records × the size of a record and of its outputs, whatever the size of the input.
const BATCH: usize = 32;

/// Input bytes after which a batch is closed even when it holds fewer than [`BATCH`]
/// records, so that large records are not read ahead by the dozen.
const BATCH_BYTES: u64 = 8 << 20;

/// A record whose texts and parts add up to more than this many bytes (about
/// [`LARGE_PARTS`] paragraphs, commitments and notes) is large: it is not formatted for
/// every output at once, but written into one output after the other, each formatted
/// straight into its file, so that memory holds the record and one output's buffers, not
/// all of its outputs.
const LARGE_BYTES: usize = 8 << 20;

/// Parts (paragraphs, commitments, notes) that make a record large, whatever its texts.
const LARGE_PARTS: usize = 20_000;

/// The formatted outputs of one record, one per sink, in sink order.
type PreparedRecord = Vec<PreparedStatement>;

/// A record ready for the writers: formatted for every output (most records), or a
/// large record to be written into each output in turn ([`is_large`]).
enum Ready {
    Prepared(PreparedRecord),
    Large(Arc<Statement>),
}

/// True for a record too large to be formatted for every output at once: its texts
/// add up to [`LARGE_BYTES`], or it has [`LARGE_PARTS`] parts.
fn is_large(statement: &Statement) -> bool {
    let parts = statement.paragraphs.len() + statement.commitments.len() + statement.notes.len();
    if parts >= LARGE_PARTS {
        return true;
    }
    let texts = statement.source_text.as_ref().map_or(0, String::len)
        + statement.paragraphs.iter().map(|p| p.text.len()).sum::<usize>()
        + statement.commitments.iter().map(|c| c.quote.len()).sum::<usize>()
        + statement.notes.iter().map(|n| n.message.len()).sum::<usize>();
    texts >= LARGE_BYTES
}

/// What a writer thread is handed.
enum Message {
    /// Records formatted for every output; the thread writes its own.
    Batch(Arc<Vec<PreparedRecord>>),
    /// Hands the sink over (once everything before is written), to write a large record
    /// into it on the calling thread, and waits for it back. Every large record is
    /// checked and written on one thread: glibc keeps what a thread frees for that
    /// thread, so formatting a huge record on several threads would keep the memory of
    /// each.
    Lend(SyncSender<Sink>, Receiver<Sink>),
}

/// Convert statements between formats (.txt, .md, .html and WARC files are ingested on
/// the way).
///
/// Writes, in OUT: statements.jsonl (jsonl), csv/ (csv: tables, csv-metadata.json,
/// datapackage.json), statements.xml (xml: one collection), statements.jsonld (jsonld),
/// `json/<id>.json` (json: one file a record), `akn/<id>.xml` (akn: one Akoma Ntoso 3.0
/// document a record), `tei/<id>.xml` (tei: one TEI P5 document a record), parquet/
/// (parquet: the tables typed, and datapackage.json).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique convert statements/*.txt --to jsonl,csv,xml,jsonld --out out
  communique convert crawl.warc.gz pages/*.html --to jsonl,tei --out archive
  communique convert out/statements.jsonl --to csv --excel-safe --out for-excel
  communique convert out/statements.jsonl --to akn,tei --out archive
  communique convert archive/akn/*.xml --to jsonl --out back
  communique convert corpus.jsonl --to jsonld --base-iri https://archive.example.org/id/ --out rdf
  communique convert archive.jsonl --to parquet --shard 3/16 --out shared   # one of 16 converters")]
pub struct Args {
    /// Input files: .txt, .md, .html, .htm, .warc, .warc.gz (one record a page), .json,
    /// .jsonl, .xml (communique XML, Akoma Ntoso or TEI), .jsonld, or a CSV or Parquet
    /// folder.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Comma-separated output formats: json, jsonl, csv, xml, jsonld, akn, tei, parquet.
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
    /// Convert only the K-th of N deterministic slices of the inputs (JSON Lines record by
    /// record, other inputs file by file, dealt round-robin), naming the outputs so that N
    /// shards never collide in one --out: statements-K-of-N.jsonl, csv-K-of-N/,
    /// parquet/commitments-K-of-N.parquet.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    #[command(flatten)]
    ingest: super::IngestArgs,
}

/// A writer on its own thread: the channel that feeds it batches, and the thread, which
/// hands the sink back when the channel closes.
type WriterThread = (SyncSender<Message>, JoinHandle<Result<Sink>>);

/// The writers of a run: on their own threads when more than one job may run.
enum Writers {
    Inline(Vec<Sink>),
    Threads(Vec<WriterThread>),
}

impl Writers {
    fn new(sinks: Vec<Sink>, threaded: bool) -> Result<Self> {
        if !threaded {
            return Ok(Self::Inline(sinks));
        }
        let mut threads = Vec::with_capacity(sinks.len());
        for (index, mut sink) in sinks.into_iter().enumerate() {
            let (sender, receiver): (_, Receiver<Message>) = sync_channel(2);
            let spawned = std::thread::Builder::new().name(format!("writer-{index}")).spawn(move || {
                for message in receiver {
                    match message {
                        Message::Batch(batch) => {
                            for record in batch.iter() {
                                sink.write(&record[index])?;
                            }
                        }
                        Message::Lend(lend, back) => {
                            if lend.send(sink).is_err() {
                                bail!("the run stopped while a large record was written");
                            }
                            // Not handed back: the run stopped, and dropped the sink with
                            // its temporary output.
                            sink = back.recv().context("the run stopped while a large record was written")?;
                        }
                    }
                }
                Ok(sink)
            });
            match spawned {
                Ok(handle) => threads.push((sender, handle)),
                Err(error) => {
                    // The writers already started stop and delete what they began; the
                    // sinks not yet handed to a thread are dropped, which deletes theirs.
                    Self::Threads(threads).abort();
                    return Err(anyhow::Error::new(error).context("cannot start a writer thread"));
                }
            }
        }
        Ok(Self::Threads(threads))
    }

    /// Hands records to the writers in order: runs of prepared records as batches, each
    /// large record to one writer after the other ([`Writers::write_large`]).
    fn write_all(&mut self, records: Vec<Ready>) -> Result<(), WriterStopped> {
        let mut batch = Vec::new();
        for record in records {
            match record {
                Ready::Prepared(prepared) => batch.push(prepared),
                Ready::Large(statement) => {
                    if !batch.is_empty() {
                        self.write(std::mem::take(&mut batch))?;
                    }
                    self.write_large(&statement)?;
                }
            }
        }
        if batch.is_empty() { Ok(()) } else { self.write(batch) }
    }

    /// Writes a large record into every output, one output after the other, each
    /// formatted straight into its file: only one output's buffers are alive at a time.
    fn write_large(&mut self, statement: &Arc<Statement>) -> Result<(), WriterStopped> {
        match self {
            Self::Inline(sinks) => {
                for sink in sinks.iter_mut() {
                    sink.serialize(statement).map_err(|error| WriterStopped(Some(error)))?;
                }
            }
            Self::Threads(threads) => {
                for (sender, _) in threads.iter() {
                    let (lend, lent) = sync_channel(1);
                    let (back, returned) = sync_channel(1);
                    sender.send(Message::Lend(lend, returned)).map_err(|_| WriterStopped(None))?;
                    // Closed without a sink: the writer stopped on an error.
                    let mut sink = lent.recv().map_err(|_| WriterStopped(None))?;
                    let written = sink.serialize(statement);
                    // On an error the sink goes back all the same, to be cleaned up with
                    // the others.
                    let _ = back.send(sink);
                    written.map_err(|error| WriterStopped(Some(error)))?;
                }
            }
        }
        Ok(())
    }

    /// Hands a batch to every writer; an error when a writer has stopped (its own error
    /// comes from [`Writers::finish`]).
    fn write(&mut self, batch: Vec<PreparedRecord>) -> Result<(), WriterStopped> {
        match self {
            Self::Inline(sinks) => {
                for record in &batch {
                    for (sink, prepared) in sinks.iter_mut().zip(record) {
                        if let Err(error) = sink.write(prepared) {
                            return Err(WriterStopped(Some(error)));
                        }
                    }
                }
            }
            Self::Threads(threads) => {
                let batch = Arc::new(batch);
                for (sender, _) in threads.iter() {
                    sender.send(Message::Batch(batch.clone())).map_err(|_| WriterStopped(None))?;
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
    fn finish(self) -> Result<Vec<Staged>> {
        let results: Vec<Result<Sink>> = match self {
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
        let staged: Vec<Result<Staged>> =
            results.into_iter().map(|sink| sink.and_then(Sink::finish)).collect();
        staged.into_iter().collect()
    }
}

/// Batches of work items, read on a thread of their own when more than one job may run,
/// so that reading the next batch overlaps the preparing of this one (with one job, read
/// on the calling thread). At most two batches wait in the queue.
enum Batches {
    Inline(Box<std::iter::Peekable<Inputs>>),
    Ahead { receiver: Option<Receiver<Vec<Work>>>, reader: Option<JoinHandle<()>> },
}

impl Batches {
    fn new(inputs: Inputs, read_ahead: bool) -> Result<Self> {
        if !read_ahead {
            return Ok(Self::Inline(Box::new(inputs.peekable())));
        }
        let (sender, receiver) = sync_channel(2);
        let reader = std::thread::Builder::new().name("reader".into()).spawn(move || {
            let mut inputs = inputs.peekable();
            while inputs.peek().is_some() {
                let batch = next_batch(&mut inputs);
                if sender.send(batch).is_err() {
                    // The run stopped early (an error, --fail-fast): nothing more to read.
                    return;
                }
            }
        });
        let reader = reader.context("cannot start the reader thread")?;
        Ok(Self::Ahead { receiver: Some(receiver), reader: Some(reader) })
    }
}

impl Iterator for Batches {
    type Item = Result<Vec<Work>>;

    /// The next batch; an error when the reader thread stopped by panicking (its
    /// queue closes early, which must not pass for the end of the input).
    fn next(&mut self) -> Option<Result<Vec<Work>>> {
        match self {
            Self::Inline(inputs) => {
                inputs.peek()?;
                Some(Ok(next_batch(inputs)))
            }
            Self::Ahead { receiver, reader } => {
                if let Ok(batch) = receiver.as_ref()?.recv() {
                    return Some(Ok(batch));
                }
                receiver.take();
                match reader.take()?.join() {
                    Ok(()) => None,
                    Err(_) => Some(Err(anyhow::anyhow!("the reader thread panicked"))),
                }
            }
        }
    }
}

/// The next batch of work items: [`BATCH`] of them, or fewer that hold [`BATCH_BYTES`]
/// of input.
fn next_batch(inputs: &mut impl Iterator<Item = Work>) -> Vec<Work> {
    let mut batch = Vec::with_capacity(BATCH);
    let mut bytes = 0;
    while batch.len() < BATCH && bytes < BATCH_BYTES {
        let Some(work) = inputs.next() else { break };
        bytes += work.weight();
        batch.push(work);
    }
    batch
}

impl Drop for Batches {
    fn drop(&mut self) {
        if let Self::Ahead { receiver, reader } = self {
            // Closing the queue first stops a reader that is waiting to hand over a batch.
            drop(receiver.take());
            if let Some(reader) = reader.take() {
                let _ = reader.join();
            }
        }
    }
}

/// What preparing one work item gives: the record's id, origin and formatted outputs.
type Outcome = Result<(String, Origin, Ready), InputError>;

/// Batches prepared for the writers, in input order, with the input bytes each accounts
/// for. With a pool, two batches are prepared at once, so that a worker done with its
/// share of one batch starts on the next instead of waiting for the slowest record; with
/// none (`--jobs 1`), each batch is prepared on the calling thread when asked for.
struct Preparing {
    batches: Batches,
    pool: Option<rayon::ThreadPool>,
    serializers: Arc<Vec<StatementSerializer>>,
    pending: std::collections::VecDeque<(u64, Receiver<Option<Vec<Outcome>>>)>,
    /// Why reading stopped, when it stopped on an error: handed out after the batches
    /// already being prepared.
    failed: Option<anyhow::Error>,
    /// A batch holding a large input ([`LARGE_INPUT`]), to be read on the calling thread
    /// once the batches before it are handed out.
    held: Option<(u64, Vec<Work>)>,
}

/// Input bytes of one record from which it is parsed on the main thread, where it is
/// also checked and written: glibc keeps what a thread frees for that thread, so a huge
/// record parsed on one thread and formatted on another would need the memory twice.
const LARGE_INPUT: u64 = 4 << 20;

/// Batches being prepared at once on the pool.
const BATCHES_IN_FLIGHT: usize = 2;

impl Preparing {
    fn new(batches: Batches, pool: Option<rayon::ThreadPool>, serializers: Vec<StatementSerializer>) -> Self {
        let serializers = Arc::new(serializers);
        Self {
            batches,
            pool,
            serializers,
            pending: std::collections::VecDeque::new(),
            failed: None,
            held: None,
        }
    }
}

impl Iterator for Preparing {
    type Item = (u64, Result<Vec<Outcome>>);

    fn next(&mut self) -> Option<Self::Item> {
        let Some(pool) = &self.pool else {
            let batch = match self.batches.next()? {
                Ok(batch) => batch,
                Err(error) => return Some((0, Err(error))),
            };
            let weight = batch.iter().map(Work::weight).sum();
            let outcomes = batch.into_iter().map(|work| prepare(work, &self.serializers)).collect();
            return Some((weight, Ok(outcomes)));
        };
        // Batches heavy with large records are prepared one at a time.
        while self.failed.is_none()
            && self.held.is_none()
            && self.pending.len() < BATCHES_IN_FLIGHT
            && self.pending.iter().map(|(weight, _)| weight).sum::<u64>() < BATCH_BYTES
        {
            let batch = match self.batches.next() {
                None => break,
                Some(Ok(batch)) => batch,
                Some(Err(error)) => {
                    self.failed = Some(error);
                    break;
                }
            };
            let weight = batch.iter().map(Work::weight).sum();
            if batch.iter().any(|work| work.weight() >= LARGE_INPUT) {
                self.held = Some((weight, batch));
                break;
            }
            let (sender, receiver) = sync_channel(1);
            let serializers = self.serializers.clone();
            pool.spawn(move || {
                // A panic must reach the main thread as an error, not abort the pool.
                let outcomes = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    batch.into_par_iter().map(|work| prepare(work, &serializers)).collect()
                }));
                let _ = sender.send(outcomes.ok());
            });
            self.pending.push_back((weight, receiver));
        }
        if self.pending.is_empty()
            && let Some((weight, batch)) = self.held.take()
        {
            let outcomes = batch.into_iter().map(|work| prepare(work, &self.serializers)).collect();
            return Some((weight, Ok(outcomes)));
        }
        let Some((weight, receiver)) = self.pending.pop_front() else {
            return self.failed.take().map(|error| (0, Err(error)));
        };
        let outcomes =
            receiver.recv().ok().flatten().ok_or_else(|| anyhow::anyhow!("a worker thread panicked"));
        Some((weight, outcomes))
    }
}

/// A writer stopped on an error; `Some` when the error is already known (inline writing).
struct WriterStopped(Option<anyhow::Error>);

/// Reads one work item into a valid statement and formats it for every output; an error
/// names the input and position, also when a format cannot carry the record. A large
/// record ([`is_large`]) is not formatted here: it is checked against every output and
/// written on the main thread.
fn prepare(work: Work, serializers: &[StatementSerializer]) -> Outcome {
    let (statement, origin) = work.run()?;
    if is_large(&statement) {
        // Checked against every output, and written, on the main thread ([`Message::Lend`]).
        return Ok((statement.id.clone(), origin, Ready::Large(Arc::new(statement))));
    }
    let prepared = serializers
        .iter()
        .map(|serializer| serializer.prepare(&statement))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| InputError { origin: origin.clone(), message: e.to_string() })?;
    Ok((statement.id, origin, Ready::Prepared(prepared)))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut formats = args.to.clone();
    formats.sort();
    formats.dedup();
    if let Some(bad) = formats.iter().find(|f| !f.is_writable()) {
        bail!(
            "--to {bad}: {bad} is an input format only (write json, jsonl, csv, xml, jsonld, akn, tei or parquet)"
        );
    }
    let ingest = args.ingest.options(None)?;
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    check_targets(&args.out, &formats, &args.inputs, args.force, args.shard)?;
    let jobs =
        args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)).max(1);
    let pool = (jobs > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new().num_threads(jobs).thread_name(|i| format!("prepare-{i}")).build()
        })
        .transpose()?;

    let mut serializers = Vec::with_capacity(formats.len());
    for &format in &formats {
        // With `--jobs 1` everything runs on one thread, Parquet's table encoders too.
        let mut serializer =
            StatementSerializer::from_format(format).with_excel_safe(args.excel_safe).with_threads(jobs > 1);
        if let Some(base) = &args.base_iri {
            serializer = serializer.with_base_iri(base.clone()).context("--base-iri")?;
        }
        serializers.push(serializer);
    }
    let sinks = serializers
        .iter()
        .map(|serializer| Sink::new(&args.out, serializer.clone(), args.shard))
        .collect::<Result<Vec<_>>>()?;
    // The reader starts before the writers: should it fail to start, no writer has a
    // temporary output yet.
    let batches = Batches::new(Inputs::new(args.inputs.clone(), ingest, args.shard), jobs > 1)?;
    let mut writers = Writers::new(sinks, jobs > 1)?;
    // A shard reads about its share of the bytes.
    let share = args.shard.map_or(1, |shard| u64::from(shard.count()));
    let bar = crate::progress::bar(crate::inputs::total_size(&args.inputs) / share);
    let (mut converted, mut failed) = (0usize, 0usize);
    // Ids already written: a collection holds each id once (the XSD and the CSV keys
    // require it), so a later record with the same id is a bad record (within this run:
    // the shards of one conversion do not see each other's ids).
    // Kept as 128-bit fingerprints, compactly (crate::ids).
    let mut seen = crate::ids::SeenIds::default();
    // Reading, ingest, validation and the formatting of every output run in parallel;
    // the writers only append what was prepared, in input order.
    let checkers = serializers.clone();
    for (weight, results) in Preparing::new(batches, pool, serializers) {
        let results = match results {
            Ok(results) => results,
            Err(error) => {
                bar.finish_and_clear();
                writers.abort();
                return Err(error);
            }
        };
        let mut good = Vec::with_capacity(results.len());
        for result in results {
            let error = match result {
                Ok((id, origin, ready)) => {
                    // A large record is checked here, on the thread that writes it: every
                    // output takes it, or none gets it.
                    let refused = match &ready {
                        Ready::Large(statement) => checkers.iter().find_map(|c| c.check(statement).err()),
                        Ready::Prepared(_) => None,
                    };
                    match refused {
                        Some(error) => InputError { origin, message: error.to_string() },
                        None if seen.insert(&id) => {
                            good.push(ready);
                            continue;
                        }
                        None => InputError {
                            origin,
                            message: format!("duplicate id {id:?}: an earlier record has it"),
                        },
                    }
                }
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
        if let Err(WriterStopped(error)) = writers.write_all(good) {
            bar.finish_and_clear();
            // The writer's own error, once every writer has stopped and cleaned up.
            let finished = writers.finish();
            return Err(error
                .or_else(|| finished.err())
                .unwrap_or_else(|| anyhow::anyhow!("a writer stopped")));
        }
        bar.inc(weight);
    }
    if converted == 0 && failed > 0 {
        // Every input failed: every output stays as it was, and none is made empty (as
        // `ingest` keeps its output when it ingested nothing). Inputs that hold no
        // record at all, and none that failed, still give empty outputs.
        bar.finish_and_clear();
        writers.abort();
        eprintln!("nothing converted ({failed} failed): no output was written or replaced");
        return Ok(ExitCode::from(1));
    }
    let staged = writers.finish()?;
    let written = commit(staged)?;
    bar.finish_and_clear();
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    eprintln!(
        "converted {converted} statement(s){} to {}",
        if failed > 0 { format!(", {failed} failed") } else { String::new() },
        names.join(", ")
    );
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
