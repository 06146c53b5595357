//! Records per second of each exporter (CSV, XML, JSON-LD, JSON Lines), on the
//! reference record and on 1,000 generated records.
//!
//! `cargo bench --bench exporters`. The reference record is
//! `examples/data/nato-2022-02-16-defence-ministers-ukraine.json`; the generated
//! records are records 0..1000 of seed 1 of `examples/generate_corpus.rs`, made in
//! memory by the same code (`benches/common/generate.rs`) from the shared corpus.
//! XML, JSON-LD and JSON Lines write into a `Vec<u8>`; CSV writes its folder of tables
//! into a temporary directory (made before the timer starts), as it only writes files.

#[path = "common/generate.rs"]
mod generate;

use communique::csv::CsvSerializer;
use communique::jsonld::JsonLdSerializer;
use communique::model::Statement;
use communique::model::json::{self, JsonLinesWriter};
use communique::xml::XmlSerializer;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const GENERATED: u64 = 1_000;

/// Writes `records` with the exporter `format` and finishes the output.
fn export(format: &str, records: &[Statement], scratch: &Path) {
    match format {
        "csv" => {
            let mut writer = CsvSerializer::default().for_dir(scratch).expect("a fresh folder");
            for record in records {
                writer.serialize_statement(record).expect("CSV written");
            }
            black_box(writer.finish().expect("CSV finished"));
        }
        "xml" => {
            let mut writer = XmlSerializer::default().for_writer(Vec::with_capacity(1 << 20));
            for record in records {
                writer.serialize_statement(record).expect("XML written");
            }
            black_box(writer.finish().expect("XML finished"));
        }
        "jsonld" => {
            let mut writer = JsonLdSerializer::default().for_writer(Vec::with_capacity(1 << 20));
            for record in records {
                writer.serialize_statement(record).expect("JSON-LD written");
            }
            black_box(writer.finish().expect("JSON-LD finished"));
        }
        "jsonl" => {
            let mut writer = JsonLinesWriter::new(Vec::with_capacity(1 << 20));
            for record in records {
                writer.serialize_statement(record).expect("JSON Lines written");
            }
            black_box(writer.finish().expect("JSON Lines finished"));
        }
        other => unreachable!("no exporter {other}"),
    }
}

/// Times `iters` runs of `export`, each into a fresh scratch folder made off the clock.
fn timed(format: &str, records: &[Statement], iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let scratch = tempfile::tempdir().expect("a temporary folder");
        let dir = scratch.path().join("out");
        let start = Instant::now();
        export(format, records, &dir);
        total += start.elapsed();
    }
    total
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
            b.iter_custom(|iters| timed(format, &references, iters));
        });
        group.throughput(Throughput::Elements(GENERATED));
        group.bench_function(BenchmarkId::new(format, "1,000 generated records"), |b| {
            b.iter_custom(|iters| timed(format, &generated, iters));
        });
    }
    group.finish();
}

criterion_group!(benches, exporters);
criterion_main!(benches);
