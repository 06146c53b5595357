//! Ingest throughput in MB/s (10^6 bytes of input per second, one thread).
//!
//! - `whitehouse`: every Markdown file of `tests/data/corpus-whitehouse` (front matter,
//!   Markdown body, language, commitment codebook, validation), held in memory;
//! - `plain`: every `.txt` statement of `tests/data/corpus` (plain-text header, noise,
//!   paragraphs, codebook).
//!
//! `cargo bench -p communique-text --bench ingest`. Issue 9 asks for at least 25 MB/s per
//! core over the White House folder.

use communique_text::{IngestOptions, InputFormat, ingest};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn files(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    paths.iter().map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).collect()
}

fn bench(c: &mut Criterion, name: &str, inputs: &[Vec<u8>], format: InputFormat) {
    let options = IngestOptions { format: Some(format), ..IngestOptions::default() };
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    group.bench_function(name, |b| {
        b.iter(|| {
            for input in inputs {
                black_box(ingest(black_box(input), &options).expect("the corpus ingests"));
            }
        });
    });
    group.finish();
}

fn ingest_benches(c: &mut Criterion) {
    bench(c, "whitehouse", &files(&communique_testdata::whitehouse_files()), InputFormat::Markdown);
    bench(c, "plain", &files(&communique_testdata::corpus_texts()), InputFormat::PlainText);
}

criterion_group!(benches, ingest_benches);
criterion_main!(benches);
