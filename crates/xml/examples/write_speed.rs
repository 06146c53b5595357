//! Measures the collection writer alone on a JSON Lines corpus held in memory.
//!
//! ```text
//! cargo run --release --example generate_corpus -- --records 2000 --out target/bench-2000.jsonl
//! cargo run --release -p communique-xml --example write_speed -- target/bench-2000.jsonl [ROUNDS] [OUT.xml]
//! ```
//!
//! Reads every record of the file first (not timed), then writes the whole collection
//! ROUNDS times (default 5) into memory and prints, for the fastest round, records per
//! second, megabytes (10⁶ bytes) of JSON Lines input per second and of XML output per
//! second. Then it does the same with [`XmlSerializer::prepare`] on two threads and the
//! writes in order, and checks the two outputs are the same bytes. With OUT.xml it also
//! saves the output, to compare versions of the writer byte for byte.

use communique_model::{Statement, json::JsonLinesParser};
use communique_xml::{PreparedStatement, XmlSerializer};
use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: write_speed FILE.jsonl [ROUNDS] [OUT.xml]")?;
    let rounds: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(5);
    let save = args.next();
    let input_bytes = std::fs::metadata(&path)?.len() as f64;
    let records = JsonLinesParser::default()
        .for_reader(BufReader::new(File::open(&path)?))
        .collect::<Result<Vec<Statement>, _>>()?;
    let serializer = XmlSerializer::default();

    let mut best = f64::INFINITY;
    let mut output = Vec::new();
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let mut writer = serializer.clone().for_writer(Vec::with_capacity(output.len()));
        for record in &records {
            writer.serialize_statement(record)?;
        }
        output = writer.finish()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    report("serialize_statement", records.len(), input_bytes, output.len(), best);

    let mut best = f64::INFINITY;
    let mut parallel = Vec::new();
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let half = records.len().div_ceil(2);
        let (first, second) = records.split_at(half);
        let prepared = std::thread::scope(|scope| {
            let prepare = |part: &[Statement]| {
                part.iter().map(|s| serializer.prepare(s)).collect::<Result<Vec<PreparedStatement>, _>>()
            };
            let second = scope.spawn(move || prepare(second));
            let mut first = prepare(first)?;
            first.extend(second.join().expect("preparing thread")?);
            Ok::<_, communique_xml::XmlSerializeError>(first)
        })?;
        let mut writer = serializer.clone().for_writer(Vec::with_capacity(output.len()));
        for p in &prepared {
            writer.write_prepared(p)?;
        }
        parallel = writer.finish()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    report("prepare on 2 threads + write_prepared", records.len(), input_bytes, parallel.len(), best);
    if parallel != output {
        return Err("prepared output differs from serialize_statement output".into());
    }
    if let Some(save) = save {
        std::fs::write(save, &output)?;
    }
    Ok(())
}

fn report(what: &str, records: usize, input_bytes: f64, output_bytes: usize, seconds: f64) {
    println!(
        "{what}: {records} records in {seconds:.3} s: {:.0} records/s, {:.1} MB/s of JSON Lines in, {:.1} MB/s of XML out",
        records as f64 / seconds,
        input_bytes / 1e6 / seconds,
        output_bytes as f64 / 1e6 / seconds,
    );
}
