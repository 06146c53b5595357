//! Ingests every Markdown file of a folder (by default the White House corpus the
//! repository carries, `tests/data/corpus-whitehouse`) and prints ingest throughput, commitments per
//! codebook kind and the ten most frequent commitment actors.
//!
//! ```text
//! cargo run --release -p communique-text --example whitehouse_stats [FOLDER]
//! ```
//!
//! Throughput is the best of five passes over the files held in memory (reading from
//! disk is not timed), in MB (10^6 bytes) of input per second, on one thread: once for
//! the whole ingest, once without the commitment codebook.

use communique_text::{IngestOptions, InputFormat, ingest};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args()
        .nth(1)
        .unwrap_or_else(|| communique_testdata::whitehouse_dir().display().to_string());
    let mut paths: Vec<_> =
        std::fs::read_dir(&folder)?.map(|entry| entry.map(|e| e.path())).collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"));
    paths.sort();
    let files: Vec<Vec<u8>> = paths.iter().map(std::fs::read).collect::<Result<_, _>>()?;
    let bytes: usize = files.iter().map(Vec::len).sum();
    let options = IngestOptions { format: Some(InputFormat::Markdown), ..IngestOptions::default() };

    let mut best = f64::INFINITY;
    let mut statements = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        statements = files
            .iter()
            .zip(&paths)
            .map(|(file, path)| ingest(file, &options).map_err(|e| format!("{}: {e}", path.display())))
            .collect::<Result<Vec<_>, _>>()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    // Without the codebook: with the language given as `zxx` (BCP 47 "no linguistic
    // content") no codebook applies, so this times front matter, Markdown, language-free
    // record building and validation alone.
    let no_codebook = IngestOptions { language: Some("zxx".into()), ..options.clone() };
    let mut markdown = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        for file in &files {
            std::hint::black_box(ingest(file, &no_codebook)?);
        }
        markdown = markdown.min(start.elapsed().as_secs_f64());
    }
    let paragraphs: usize = statements.iter().map(|s| s.paragraphs.len()).sum();
    println!("files: {}  bytes: {bytes}  paragraphs: {paragraphs}", files.len());
    println!("ingest: {:.3} s per pass, {:.2} MB/s", best, bytes as f64 / 1e6 / best);
    println!(
        "  front matter and Markdown alone (no codebook): {:.3} s per pass, {:.2} MB/s",
        markdown,
        bytes as f64 / 1e6 / markdown
    );

    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut actors: BTreeMap<String, usize> = BTreeMap::new();
    let mut total = 0;
    for commitment in statements.iter().flat_map(|s| &s.commitments) {
        total += 1;
        *kinds.entry(commitment.kind.as_str()).or_default() += 1;
        if let Some(actor) = &commitment.actor {
            *actors.entry(actor.clone()).or_default() += 1;
        }
    }
    println!("commitments: {total}");
    for (kind, count) in &kinds {
        println!("  {kind:<13} {count:>6}");
    }
    let mut ranked: Vec<_> = actors.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("most frequent actors:");
    for (actor, count) in ranked.iter().take(10) {
        println!("  {count:>6}  {actor}");
    }
    Ok(())
}
