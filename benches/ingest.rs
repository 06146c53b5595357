//! Bytes per second of ingest (`communique::text::ingest`) over the White House folder
//! (`tests/data/corpus-whitehouse/*.md`, Markdown with front matter) and over the
//! reference plain-text statement.
//!
//! `cargo bench --bench ingest`. One thread; the files are read into memory before
//! timing, so this is ingest alone (no I/O, no JSON).

use communique::text::{IngestOptions, ingest};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn ingest_bench(c: &mut Criterion) {
    let paths = communique_testdata::whitehouse_files();
    let files: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).expect("a readable file")).collect();
    let total: usize = files.iter().map(Vec::len).sum();
    let reference = std::fs::read(communique_testdata::reference_text()).expect("the reference statement");
    let options = IngestOptions::default();

    let mut group = c.benchmark_group("ingest");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(format!("White House folder ({} files)", files.len()), |b| {
        b.iter(|| {
            for bytes in &files {
                black_box(ingest(bytes, &options).expect("ingest succeeds"));
            }
        });
    });
    group.throughput(Throughput::Bytes(reference.len() as u64));
    group.bench_function("reference statement (.txt)", |b| {
        b.iter(|| black_box(ingest(&reference, &options).expect("ingest succeeds")));
    });
    group.finish();
}

criterion_group!(benches, ingest_bench);
criterion_main!(benches);
