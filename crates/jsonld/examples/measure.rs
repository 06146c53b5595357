//! Measures JSON-LD writing and reading speed.
//!
//! ```text
//! cargo run --release -p communique-jsonld --example measure -- [FILE] [COPIES] [--out DOC.jsonld] [--threads N]
//! ```
//!
//! `FILE` is either one statement record (`.json`; default: the reference statement of
//! `examples/data/`), written `COPIES` times (default 2,000), each copy with its own id;
//! or a JSON Lines corpus (`.jsonl`, e.g. from the facade's `generate_corpus` example),
//! whose records are all written once (`COPIES` is then ignored). The records are loaded
//! into memory first, so only formatting and parsing are timed.
//!
//! Prints statements per second and MB per second (10⁶ bytes of JSON-LD output a
//! second) for writing one document with every statement through `serialize_statement`,
//! for the same document prepared on `--threads N` threads (default 2) with `prepare`,
//! 512 statements at a time, and written in order with `write_prepared` (the two
//! documents are checked to be identical), and for reading the document back. `--out` saves the document. Run under
//! `/usr/bin/time -v` for peak memory.

use communique_jsonld::{JsonLdParser, JsonLdSerializer, PreparedStatement};
use communique_model::{Statement, json};
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

/// Statements prepared in parallel before they are written.
const BATCH: usize = 512;

fn main() -> Result<(), Box<dyn Error>> {
    let mut positional = Vec::new();
    let mut out = None;
    let mut threads = 2usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a path")?)),
            "--threads" => threads = args.next().ok_or("--threads needs a number")?.parse()?,
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    let path = positional.next().map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json")
        },
        PathBuf::from,
    );
    let copies: usize = positional.next().map_or(Ok(2_000), |n| n.parse())?;
    let statements: Vec<Statement> = if path.extension().is_some_and(|e| e == "jsonl") {
        json::JsonLinesParser::default()
            .for_reader(BufReader::new(File::open(&path)?))
            .collect::<Result<_, _>>()?
    } else {
        let statement = json::from_slice(&std::fs::read(&path)?)?;
        (0..copies)
            .map(|i| {
                let mut copy: Statement = statement.clone();
                copy.id = format!("{}-{i}", statement.id);
                copy
            })
            .collect()
    };
    let count = statements.len();
    let config = JsonLdSerializer::default();

    let start = Instant::now();
    let mut writer = config.clone().for_writer(Vec::with_capacity(count * 32_000));
    for statement in &statements {
        writer.serialize_statement(statement)?;
    }
    let document = writer.finish()?;
    let write = start.elapsed().as_secs_f64();

    // Batches of statements, each prepared on `threads` threads and then written in
    // order, so that memory stays bounded as in a streaming conversion.
    let start = Instant::now();
    let threads = threads.max(1);
    let mut writer = config.clone().for_writer(Vec::with_capacity(count * 32_000));
    for batch in statements.chunks(BATCH) {
        let part = batch.len().div_ceil(threads);
        let prepared: Vec<Vec<PreparedStatement>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(part)
                .map(|part| {
                    let config = &config;
                    scope.spawn(move || part.iter().map(|s| config.prepare(s)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().map_err(|_| Box::<dyn Error>::from("a preparing thread panicked")))
                .collect::<Result<_, Box<dyn Error>>>()
        })?;
        for prepared in prepared.iter().flatten() {
            writer.write_prepared(prepared)?;
        }
    }
    let parallel_document = writer.finish()?;
    let parallel = start.elapsed().as_secs_f64();
    if parallel_document != document {
        return Err("prepare/write_prepared gave a different document".into());
    }

    let start = Instant::now();
    let mut read = 0;
    for statement in JsonLdParser::default().for_reader(document.as_slice()) {
        statement?;
        read += 1;
    }
    let parse = start.elapsed().as_secs_f64();
    if read != count {
        return Err(format!("wrote {count} statements, read back {read}").into());
    }
    if let Some(out) = out {
        std::fs::write(out, &document)?;
    }

    let megabytes = document.len() as f64 / 1e6;
    println!("{count} statements, {megabytes:.1} MB of JSON-LD");
    let line = |what: &str, seconds: f64| {
        println!(
            "{what}: {seconds:.3} s, {:.0} statements/s, {:.0} MB/s",
            count as f64 / seconds,
            megabytes / seconds
        );
    };
    line("write", write);
    line(&format!("prepare on {threads} threads + write"), parallel);
    line("read", parse);
    Ok(())
}
