//! Measures the writer's memory and speed on a corpus built from the reference record.
//!
//! ```text
//! cargo run --release -p communique-csv --example memory -- [COUNT]
//! ```
//!
//! Writes COUNT (default 20,000) copies of `examples/data/nato-2022-02-16-…json`, each
//! with its own id, into a temporary CSV folder and prints the peak resident set size
//! (`VmHWM` of `/proc/self/status`, Linux only) after 1,000 statements and at checkpoints
//! up to COUNT. A streaming writer keeps the peak flat: it does not grow with the count.
//! Then reads the folder back and prints the peak again.

use communique_csv::{CsvParser, CsvSerializer};
use std::error::Error;
use std::path::Path;
use std::time::Instant;

/// Peak resident set size in KiB, from `/proc/self/status` (`None` off Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn show(label: &str) {
    match peak_rss_kib() {
        Some(kib) => println!("{label:<32} peak RSS {kib:>7} KiB"),
        None => println!("{label:<32} peak RSS unknown (no /proc/self/status)"),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let count: usize = std::env::args().nth(1).map_or(Ok(20_000), |a| a.parse())?;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data/nato-2022-02-16-defence-ministers-ukraine.json");
    let reference = communique_model::json::from_str(&std::fs::read_to_string(&path)?)?;
    show("reference record loaded");

    let dir = tempfile::tempdir()?;
    let started = Instant::now();
    let mut writer = CsvSerializer::default().for_dir(dir.path())?;
    let mut statement = reference;
    let checkpoints = [1_000, 5_000, 10_000, 20_000, 50_000, 100_000];
    for i in 1..=count {
        statement.id = format!("nato-2022-02-16-{i:08}");
        writer.serialize_statement(&statement)?;
        if checkpoints.contains(&i) || i == count {
            show(&format!("written {i:>7} statements"));
        }
    }
    let summary = writer.finish()?;
    let elapsed = started.elapsed();
    let bytes: u64 = summary.tables.iter().map(|t| t.bytes).sum();
    println!(
        "wrote {} statements, {:.1} MiB of tables, in {:.2} s ({:.0} statements/s, {:.1} MiB/s)",
        summary.statements,
        bytes as f64 / 1_048_576.0,
        elapsed.as_secs_f64(),
        summary.statements as f64 / elapsed.as_secs_f64(),
        bytes as f64 / 1_048_576.0 / elapsed.as_secs_f64()
    );

    let started = Instant::now();
    let mut read = 0usize;
    for statement in CsvParser::default().for_dir(dir.path())? {
        statement?;
        read += 1;
    }
    let elapsed = started.elapsed();
    println!(
        "read back {read} statements in {:.2} s ({:.0} statements/s)",
        elapsed.as_secs_f64(),
        read as f64 / elapsed.as_secs_f64()
    );
    show("after reading back");
    Ok(())
}
