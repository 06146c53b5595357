//! Measures the writer on a JSON Lines corpus held in memory.
//!
//! ```text
//! cargo run --release -p communique-cli -- convert tests/data/corpus-whitehouse/2*.md --to jsonl --out target/bench/whitehouse
//! cargo run --release -p communique-tei --example tei_write_speed -- target/bench/whitehouse/statements.jsonl [ROUNDS]
//! ```
//!
//! Reads every record of the file first (not timed), then formats a document for each
//! one, ROUNDS times (default 5), and prints for the fastest round records per second,
//! megabytes (10⁶ bytes) of JSON Lines input per second and of documents output per
//! second: the measure `communique-xml`'s `write_speed` example takes of the XML writer,
//! so the two can be run on the same file and compared. Then the same with `prepare`
//! on two threads.

use communique_model::{Statement, json::JsonLinesParser};
use communique_tei::{PreparedStatement, TeiSerializer};
use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: tei_write_speed FILE.jsonl [ROUNDS]")?;
    let rounds: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(5);
    let input_bytes = std::fs::metadata(&path)?.len() as f64;
    let records = JsonLinesParser::default()
        .for_reader(BufReader::new(File::open(&path)?))
        .collect::<Result<Vec<Statement>, _>>()?;
    let serializer = TeiSerializer::default();

    let mut best = f64::INFINITY;
    let mut output = 0;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        output = 0;
        for record in &records {
            let mut writer = serializer.clone().for_writer(Vec::new());
            writer.serialize_statement(record)?;
            output += writer.finish()?.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    report("serialize_statement", records.len(), input_bytes, output, best);

    let mut best = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let (first, second) = records.split_at(records.len().div_ceil(2));
        let prepared = std::thread::scope(|scope| {
            let prepare = |part: &[Statement]| {
                part.iter().map(|s| serializer.prepare(s)).collect::<Result<Vec<PreparedStatement>, _>>()
            };
            let second = scope.spawn(move || prepare(second));
            let mut first = prepare(first)?;
            first.extend(second.join().expect("preparing thread")?);
            Ok::<_, communique_tei::TeiSerializeError>(first)
        })?;
        let bytes: usize = prepared.iter().map(PreparedStatement::len).sum();
        if bytes != output {
            return Err("prepared documents differ in length from written ones".into());
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    report("prepare on 2 threads", records.len(), input_bytes, output, best);
    Ok(())
}

fn report(what: &str, records: usize, input_bytes: f64, output_bytes: usize, seconds: f64) {
    println!(
        "{what}: {records} records in {seconds:.3} s: {:.0} records/s, {:.1} MB/s of JSON Lines in, {:.1} MB/s of TEI out",
        records as f64 / seconds,
        input_bytes / 1e6 / seconds,
        output_bytes as f64 / 1e6 / seconds,
    );
}
