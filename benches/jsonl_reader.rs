//! Bytes per second of the JSON Lines reader (`communique::model::json::JsonLinesParser`)
//! beside plain typed serde_json, over 1,000 generated records held in memory.
//!
//! `cargo bench --bench jsonl_reader`. The records are records 0..1000 of seed 1 of
//! `examples/generate_corpus.rs`, made by the same code (`benches/common/generate.rs`).

#[path = "common/generate.rs"]
mod generate;

use communique::model::Statement;
use communique::model::json::{JsonLinesParser, JsonLinesSerializer};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn reader(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = generate::Pool::ingest_dirs(&generate::default_sources(root)).expect("the shared corpus");
    let mut writer = JsonLinesSerializer::default().for_writer(Vec::new());
    for i in 0..1_000 {
        writer.serialize_statement(&pool.record(1, i)).expect("written to memory");
    }
    let bytes = writer.finish().expect("written to memory");
    let text = std::str::from_utf8(&bytes).expect("JSON Lines is UTF-8");

    let mut group = c.benchmark_group("jsonl_read");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("JsonLinesParser, 1,000 generated records", |b| {
        b.iter(|| {
            let mut count = 0;
            for record in JsonLinesParser::default().for_reader(&bytes[..]) {
                black_box(record.expect("a valid record"));
                count += 1;
            }
            assert_eq!(count, 1_000);
        });
    });
    group.bench_function("serde_json::from_str per line (baseline)", |b| {
        b.iter(|| {
            for line in text.lines() {
                black_box(serde_json::from_str::<Statement>(line).expect("a valid record"));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
