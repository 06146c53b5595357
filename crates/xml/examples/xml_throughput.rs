//! Measures the writer and the reader on a large collection, and the reader's memory.
//!
//! ```text
//! cargo run --release -p communique-xml --example xml_throughput -- [COUNT]
//! ```
//!
//! Writes COUNT (default 20,000) copies of the reference statement
//! (`examples/data/nato-2022-02-16-defence-ministers-ukraine.json`, each with its own
//! id) to a temporary collection file, one statement at a time, then streams them back
//! and checks each against the record written. Prints bytes, time and throughput of
//! each phase, and the peak resident memory (Linux `VmHWM`) after each phase: with a
//! streaming writer and reader it stays flat as COUNT grows.

use communique_model::{Statement, json};
use communique_xml::{XmlParser, XmlSerializer};
use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args().nth(1).map(|n| n.parse()).transpose()?.unwrap_or(20_000);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json"
    );
    let reference = json::from_str(&std::fs::read_to_string(path)?)?;
    let copy = |i: usize| Statement { id: format!("{}-{i}", reference.id), ..reference.clone() };
    let file = std::env::temp_dir().join(format!("communique-xml-throughput-{}.xml", std::process::id()));
    println!("baseline: peak RSS {}", peak_rss());

    let start = Instant::now();
    let mut writer = XmlSerializer::default().for_writer(BufWriter::new(File::create(&file)?));
    for i in 0..count {
        writer.serialize_statement(&copy(i))?;
    }
    writer.finish()?.into_inner().map_err(|e| e.into_error())?;
    let seconds = start.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&file)?.len() as f64;
    println!(
        "write: {count} statements, {:.1} MB in {seconds:.2} s: {:.0} statements/s, {:.1} MB/s; peak RSS {}",
        bytes / 1e6,
        count as f64 / seconds,
        bytes / 1e6 / seconds,
        peak_rss()
    );

    let start = Instant::now();
    let mut read = 0;
    for statement in XmlParser::default().for_reader(BufReader::new(File::open(&file)?)) {
        let statement = statement?;
        if statement != copy(read) {
            return Err(format!("statement {read} did not read back unchanged").into());
        }
        read += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "read:  {read} statements in {seconds:.2} s: {:.0} statements/s, {:.1} MB/s; peak RSS {}",
        read as f64 / seconds,
        bytes / 1e6 / seconds,
        peak_rss()
    );
    std::fs::remove_file(&file)?;
    if read != count {
        return Err(format!("read {read} statements, wrote {count}").into());
    }
    Ok(())
}

/// Peak resident set size of this process (Linux `VmHWM`), or "n/a".
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| status.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l[6..].trim().to_owned()))
        .unwrap_or_else(|| "n/a".to_owned())
}
