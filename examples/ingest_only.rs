//! The in-process ingest measurement of the benchmarks: ingests text and Markdown files
//! held in memory, and prints the time of one pass over all of them.
//!
//! ```text
//! cargo run --release --example ingest_only -- tests/data/corpus-whitehouse/*.md
//! cargo run --release --example ingest_only -- --passes 9 tests/data/corpus-whitehouse/*.md
//! ```
//!
//! The files are read into memory first and ingested once untimed, which also compiles
//! the codebook (a one-off cost of each process, which `communique convert` pays once
//! per run); then `--passes` (default 5) timed passes follow, one thread. Prints the
//! median seconds per pass and the throughput in MB/s (10⁶ bytes of input a second),
//! e.g. `0.0935 s per pass, 15.3 MB/s, 241 files, 1431947 bytes`. `.md` files are read as
//! Markdown with front matter, anything else as plain text; exits with 1 and the file
//! name at the first file that does not ingest.

use communique::text::{IngestOptions, InputFormat, ingest};
use std::time::Instant;

fn main() {
    let mut passes = 5usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--passes" {
            match args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                Some(n) => passes = n,
                None => usage(),
            }
        } else {
            paths.push(arg);
        }
    }
    if paths.is_empty() {
        usage();
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in &paths {
        let format = if path.ends_with(".md") { InputFormat::Markdown } else { InputFormat::PlainText };
        match std::fs::read(path) {
            Ok(bytes) => {
                files.push((path, bytes, IngestOptions { format: Some(format), ..IngestOptions::default() }))
            }
            Err(error) => fail(path, &error.to_string()),
        }
    }
    let bytes: usize = files.iter().map(|(_, bytes, _)| bytes.len()).sum();
    let pass = || {
        let start = Instant::now();
        for (path, bytes, options) in &files {
            if let Err(error) = ingest(bytes, options) {
                fail(path, &error.to_string());
            }
        }
        start.elapsed().as_secs_f64()
    };
    pass(); // compiles the codebook, warms the caches
    let mut times: Vec<f64> = (0..passes).map(|_| pass()).collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "{median:.4} s per pass, {:.1} MB/s, {} files, {bytes} bytes",
        bytes as f64 / median / 1e6,
        files.len()
    );
}

fn usage() -> ! {
    eprintln!("usage: ingest_only [--passes N] FILE...");
    std::process::exit(2);
}

fn fail(path: &str, message: &str) -> ! {
    eprintln!("error: {path}: {message}");
    std::process::exit(1);
}
