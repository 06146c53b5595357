//! Ingest throughput in MB/s (10^6 bytes of input per second, one thread).
//!
//! - `whitehouse`: every Markdown file of `../shared/corpus-whitehouse` (front matter,
//!   Markdown body, language, commitment codebook, validation), held in memory;
//! - `plain`: every `.txt` statement of `../shared/corpus` (plain-text header, noise,
//!   paragraphs, codebook).
//!
//! `cargo bench -p communique-text --bench ingest`. Issue 9 asks for at least 25 MB/s per
//! core over the White House folder.

use communique_text::{IngestOptions, InputFormat, ingest};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn files(folder: &str, extension: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension) && !p.ends_with("README.md"))
        .collect();
    paths.sort();
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
    bench(c, "whitehouse", &files("../../../shared/corpus-whitehouse", "md"), InputFormat::Markdown);
    bench(c, "plain", &files("../../../shared/corpus", "txt"), InputFormat::PlainText);
}

criterion_group!(benches, ingest_benches);
criterion_main!(benches);
