//! Measures the writer's throughput on a JSON Lines corpus held in memory.
//!
//! ```text
//! cargo run --release -p communique-csv --example csv_throughput -- CORPUS.jsonl [ROUNDS] [THREADS]
//! ```
//!
//! Reads every record of `CORPUS.jsonl` into memory first (off the clock), then writes
//! them all into a fresh temporary CSV folder `ROUNDS` times (default 3), timing each
//! whole export from `for_dir` to `finish`. Prints the median: records a second and
//! megabytes (10⁶ bytes) of JSON Lines input a second, the unit `BENCHMARKS.md` uses.
//! With `THREADS` > 1 it also times the split: statements prepared on that many threads
//! (in batches of 256) and written in order with `write_prepared`.

use communique_csv::{CsvSerializer, PreparedStatement};
use communique_model::Statement;
use communique_model::json::JsonLinesParser;
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: csv_throughput CORPUS.jsonl [ROUNDS] [THREADS]")?;
    let rounds: usize = args.next().map_or(Ok(3), |a| a.parse())?;
    let threads: usize = args.next().map_or(Ok(1), |a| a.parse())?;
    let input_bytes = std::fs::metadata(&path)?.len() as f64;
    let statements = JsonLinesParser::default()
        .for_reader(BufReader::new(File::open(&path)?))
        .collect::<Result<Vec<_>, _>>()?;
    println!("{} records, {:.1} MB of JSON Lines", statements.len(), input_bytes / 1e6);

    let report = |label: &str, times: &mut Vec<Duration>| {
        times.sort();
        let median = times[times.len() / 2].as_secs_f64();
        println!(
            "{label:<28} median {median:.3} s  {:>8.0} records/s  {:>6.1} MB/s",
            statements.len() as f64 / median,
            input_bytes / median / 1e6
        );
    };

    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let dir = tempfile::tempdir()?;
        let started = Instant::now();
        let mut writer = CsvSerializer::default().for_dir(dir.path())?;
        for statement in &statements {
            writer.serialize_statement(statement)?;
        }
        writer.finish()?;
        times.push(started.elapsed());
    }
    report("serialize_statement", &mut times);

    if threads > 1 {
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let dir = tempfile::tempdir()?;
            let started = Instant::now();
            let serializer = CsvSerializer::default();
            let mut writer = serializer.for_dir(dir.path())?;
            for batch in statements.chunks(256) {
                for prepared in prepare_parallel(serializer, batch, threads)? {
                    writer.write_prepared(&prepared)?;
                }
            }
            writer.finish()?;
            times.push(started.elapsed());
        }
        report(&format!("prepare x{threads} + write_prepared"), &mut times);
    }
    Ok(())
}

/// Prepares `batch` on `threads` scoped threads, returning the results in input order.
fn prepare_parallel(
    serializer: CsvSerializer,
    batch: &[Statement],
    threads: usize,
) -> Result<Vec<PreparedStatement>, Box<dyn Error>> {
    let chunk = batch.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|s| serializer.prepare(s)).collect::<Result<Vec<_>, _>>())
            })
            .collect();
        let mut out = Vec::with_capacity(batch.len());
        for handle in handles {
            out.extend(handle.join().map_err(|_| "a preparing thread panicked")??);
        }
        Ok(out)
    })
}
