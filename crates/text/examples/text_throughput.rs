//! Measures plain-text ingest throughput on about 1 MB and 10 MB of statement text.
//!
//! The input is the corpus of `tests/data/corpus` repeated, each copy numbered so that no body repeats
//! another (the repeated-body detector would otherwise drop almost everything).
//! Run with `cargo run --release -p communique-text --example text_throughput`.

use communique_text::{IngestOptions, InputFormat, ingest};
use std::time::Instant;

fn corpus_text() -> String {
    communique_testdata::corpus_texts()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus file"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn input(target: usize, corpus: &str) -> String {
    let mut out = String::with_capacity(target + corpus.len());
    let mut copy = 0;
    while out.len() < target {
        copy += 1;
        for (i, block) in corpus.split("\n\n").enumerate() {
            out.push_str(&format!("Part {copy}.{i}: {block}\n\n"));
        }
    }
    out
}

fn main() {
    let corpus = corpus_text();
    let options = IngestOptions { format: Some(InputFormat::PlainText), ..IngestOptions::default() };
    // Warm up: compile the regexes once.
    let _ = ingest(corpus.as_bytes(), &options);
    for megabytes in [1usize, 10] {
        let text = input(megabytes << 20, &corpus);
        let start = Instant::now();
        let statement = ingest(text.as_bytes(), &options).expect("ingest");
        let seconds = start.elapsed().as_secs_f64();
        // `ingest` ends with `Statement::validate`; time it alone to see its share.
        let start = Instant::now();
        statement.validate().expect("valid");
        let validate = start.elapsed().as_secs_f64();
        let mb = text.len() as f64 / (1u64 << 20) as f64;
        println!(
            "{mb:6.2} MB: {seconds:7.3} s, {:6.2} MB/s ({:6.2} MB/s without the final validate, which took {validate:.3} s), {} paragraphs, {} commitments, {} notes",
            mb / seconds,
            mb / (seconds - validate).max(1e-9),
            statement.paragraphs.len(),
            statement.commitments.len(),
            statement.notes.len()
        );
    }
}
