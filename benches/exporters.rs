//! Records per second of each exporter (CSV, XML, JSON-LD, JSON Lines), on the
//! reference record and on 1,000 generated records.
//!
//! `cargo bench --bench exporters`. The reference record is
//! `examples/data/nato-2022-02-16-defence-ministers-ukraine.json`; the generated
//! records are records 0..1000 of seed 1 of `examples/generate_corpus.rs`, made in
//! memory by the same code (`benches/common/generate.rs`) from the shared corpus.
//!
//! - `reference record ×10`: the record alone. One writer per sample is started and
//!   finished off the clock; the ten copies (distinct ids: the CSV writer refuses one id
//!   twice in a row) are written through it again and again, XML, JSON-LD and JSON Lines
//!   into `io::sink`, CSV into its tables.
//! - `1,000 generated records`: a whole export, timed from start to finish (CSV: opening
//!   the ten tables, and at the end hashing them and writing the CSVW and Data Package
//!   descriptors), the others into a `Vec<u8>`.

#[path = "common/generate.rs"]
mod generate;

use communique::csv::{CsvSerializer, DirCsvSerializer};
use communique::jsonld::{JsonLdSerializer, WriterJsonLdSerializer};
use communique::model::Statement;
use communique::model::json::{self, JsonLinesSerializer, WriterJsonLinesSerializer};
use communique::xml::{WriterXmlSerializer, XmlSerializer};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

const GENERATED: u64 = 1_000;

/// A writer of one exporter, behind one interface for the benches.
enum Exporter<W: Write> {
    Csv(DirCsvSerializer),
    Xml(WriterXmlSerializer<W>),
    JsonLd(WriterJsonLdSerializer<W>),
    JsonLines(WriterJsonLinesSerializer<W>),
}

impl<W: Write> Exporter<W> {
    /// Starts `format`: CSV into the folder `scratch`, the others into `sink`.
    fn start(format: &str, scratch: &Path, sink: W) -> Self {
        match format {
            "csv" => Self::Csv(CsvSerializer::default().for_dir(scratch).expect("a fresh folder")),
            "xml" => Self::Xml(XmlSerializer::default().for_writer(sink)),
            "jsonld" => Self::JsonLd(JsonLdSerializer::default().for_writer(sink)),
            "jsonl" => Self::JsonLines(JsonLinesSerializer::default().for_writer(sink)),
            other => unreachable!("no exporter {other}"),
        }
    }

    fn write(&mut self, record: &Statement) {
        match self {
            Self::Csv(w) => w.serialize_statement(record).expect("CSV written"),
            Self::Xml(w) => w.serialize_statement(record).expect("XML written"),
            Self::JsonLd(w) => w.serialize_statement(record).expect("JSON-LD written"),
            Self::JsonLines(w) => w.serialize_statement(record).expect("JSON Lines written"),
        }
    }

    fn finish(self) {
        match self {
            Self::Csv(w) => drop(black_box(w.finish().expect("CSV finished"))),
            Self::Xml(w) => drop(black_box(w.finish().expect("XML finished"))),
            Self::JsonLd(w) => drop(black_box(w.finish().expect("JSON-LD finished"))),
            Self::JsonLines(w) => drop(black_box(w.finish().expect("JSON Lines finished"))),
        }
    }
}

/// A whole export, timed: `iters` times, start a writer (CSV: open its ten tables),
/// write `records`, finish (CSV: flush, hash, write the descriptors). Only the folder
/// itself is made off the clock.
fn whole_exports(format: &str, records: &[Statement], iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let scratch = tempfile::tempdir().expect("a temporary folder");
        let dir = scratch.path().join("out");
        let start = Instant::now();
        let mut exporter = Exporter::start(format, &dir, Vec::with_capacity(1 << 20));
        for record in records {
            exporter.write(record);
        }
        exporter.finish();
        total += start.elapsed();
    }
    total
}

/// Records alone, timed: one writer started and finished off the clock, `iters` times
/// the `records` written through it (XML, JSON-LD and JSON Lines into `io::sink`, so
/// memory does not grow with `iters`).
fn records_only(format: &str, records: &[Statement], iters: u64) -> Duration {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let mut exporter = Exporter::start(format, &scratch.path().join("out"), io::sink());
    let start = Instant::now();
    for _ in 0..iters {
        for record in records {
            exporter.write(record);
        }
    }
    let elapsed = start.elapsed();
    exporter.finish();
    elapsed
}

fn exporters(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference_path = root.join("examples/data/nato-2022-02-16-defence-ministers-ukraine.json");
    let text = std::fs::read_to_string(&reference_path).expect("the reference record");
    let reference = json::from_str(&text).expect("the reference record parses");
    // Ten copies with distinct ids: the CSV writer refuses one id twice in a row.
    let references: Vec<Statement> = (0..10)
        .map(|i| {
            let mut record: Statement = reference.clone();
            record.id = format!("{}-{i}", record.id);
            record
        })
        .collect();
    let pool = generate::Pool::ingest_dirs(&generate::default_sources(root)).expect("the shared corpus");
    let generated: Vec<Statement> = (0..GENERATED).map(|i| pool.record(1, i)).collect();

    let mut group = c.benchmark_group("export");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    for format in ["csv", "xml", "jsonld", "jsonl"] {
        group.throughput(Throughput::Elements(references.len() as u64));
        group.bench_function(BenchmarkId::new(format, "reference record ×10"), |b| {
            b.iter_custom(|iters| records_only(format, &references, iters));
        });
        group.throughput(Throughput::Elements(GENERATED));
        group.bench_function(BenchmarkId::new(format, "1,000 generated records"), |b| {
            b.iter_custom(|iters| whole_exports(format, &generated, iters));
        });
    }
    group.finish();
}

criterion_group!(benches, exporters);
criterion_main!(benches);
