//! Measures JSON-LD writing and reading speed on copies of a statement.
//!
//! ```text
//! cargo run --release -p communique-jsonld --example measure -- [FILE.json] [COPIES]
//! ```
//!
//! Defaults: the reference statement of `examples/data/` and 2,000 copies (each with its
//! own id). Prints statements per second and MB per second for writing one document with
//! every copy and reading it back; run under `/usr/bin/time -v` for peak memory.

use communique_jsonld::{JsonLdParser, JsonLdSerializer};
use communique_model::json;
use std::error::Error;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json")
        },
        PathBuf::from,
    );
    let copies: usize = args.next().map_or(Ok(2_000), |n| n.parse())?;
    let statement = json::from_slice(&std::fs::read(&path)?)?;
    let statements: Vec<_> = (0..copies)
        .map(|i| {
            let mut copy = statement.clone();
            copy.id = format!("{}-{i}", statement.id);
            copy
        })
        .collect();

    let start = Instant::now();
    let mut writer = JsonLdSerializer::default().for_writer(Vec::with_capacity(copies * 32_000));
    for statement in &statements {
        writer.serialize_statement(statement)?;
    }
    let document = writer.finish()?;
    let write = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut read = 0;
    for statement in JsonLdParser::default().for_reader(document.as_slice()) {
        statement?;
        read += 1;
    }
    let parse = start.elapsed().as_secs_f64();
    assert_eq!(read, copies);

    let megabytes = document.len() as f64 / 1e6;
    println!("{copies} statements, {megabytes:.1} MB of JSON-LD");
    println!(
        "write: {:.3} s, {:.0} statements/s, {:.0} MB/s",
        write,
        copies as f64 / write,
        megabytes / write
    );
    println!(
        "read:  {:.3} s, {:.0} statements/s, {:.0} MB/s",
        parse,
        copies as f64 / parse,
        megabytes / parse
    );
    Ok(())
}
