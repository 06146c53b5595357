//! `communique stats`: what a researcher looks at first.

use crate::inputs::records;
use anyhow::Result;
use communique::model::{CommitmentKind, ParagraphKind};
use communique::text::IngestOptions;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Count statements, paragraphs and commitments by kind, by issuer and by year.
///
/// Reads records as a stream (memory does not grow with the corpus); text and Markdown
/// files are ingested on the way.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique stats out/statements.jsonl
  communique stats corpus/*.txt")]
pub struct Args {
    /// Inputs: .jsonl, .json, .xml, .jsonld, a CSV folder, .txt, .md, .html or WARC.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

#[derive(Debug, Default)]
struct Counts {
    statements: usize,
    paragraphs: BTreeMap<ParagraphKind, usize>,
    commitments: BTreeMap<CommitmentKind, usize>,
    future_oriented: usize,
    conditional: usize,
    by_issuer: BTreeMap<String, (usize, usize)>,
    by_year: BTreeMap<String, (usize, usize)>,
}

fn table(out: &mut String, title: &str, headers: [&str; 3], rows: &[(String, String, String)]) {
    let width = |i: usize, header: &str| {
        rows.iter().map(|r| [&r.0, &r.1, &r.2][i].chars().count()).chain([header.len()]).max().unwrap_or(0)
    };
    let widths = [width(0, headers[0]), width(1, headers[1]), width(2, headers[2])];
    let _ = writeln!(out, "\n{title}");
    let _ = writeln!(
        out,
        "  {:<w0$}  {:>w1$}  {:>w2$}",
        headers[0],
        headers[1],
        headers[2],
        w0 = widths[0],
        w1 = widths[1],
        w2 = widths[2]
    );
    for (a, b, c) in rows {
        let pad = widths[0] - a.chars().count().min(widths[0]);
        let _ = writeln!(out, "  {a}{}  {b:>w1$}  {c:>w2$}", " ".repeat(pad), w1 = widths[1], w2 = widths[2]);
    }
}

fn render(counts: &Counts) -> String {
    let mut out = String::new();
    let total_paragraphs: usize = counts.paragraphs.values().sum();
    let total_commitments: usize = counts.commitments.values().sum();
    let _ = writeln!(
        out,
        "{} statement(s), {total_paragraphs} paragraph(s), {total_commitments} commitment(s) ({} future-oriented, {} conditional)",
        counts.statements, counts.future_oriented, counts.conditional
    );
    let rows: Vec<_> = ParagraphKind::ALL
        .iter()
        .filter_map(|k| {
            counts.paragraphs.get(k).map(|n| (k.to_string(), n.to_string(), percent(*n, total_paragraphs)))
        })
        .collect();
    table(&mut out, "Paragraphs by kind", ["kind", "count", "share"], &rows);
    let rows: Vec<_> = CommitmentKind::ALL
        .iter()
        .map(|k| {
            let n = counts.commitments.get(k).copied().unwrap_or(0);
            (format!("{k} ({})", k.speech_act_class()), n.to_string(), percent(n, total_commitments))
        })
        .collect();
    table(&mut out, "Commitments by kind (speech-act class)", ["kind", "count", "share"], &rows);
    let mut issuers: Vec<_> = counts.by_issuer.iter().collect();
    issuers.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    let rows: Vec<_> =
        issuers.iter().take(20).map(|(k, (s, c))| ((*k).clone(), s.to_string(), c.to_string())).collect();
    table(
        &mut out,
        "By issuer (first issuer, else source attribution)",
        ["issuer", "statements", "commitments"],
        &rows,
    );
    if issuers.len() > 20 {
        let _ = writeln!(out, "  … and {} more", issuers.len() - 20);
    }
    let rows: Vec<_> =
        counts.by_year.iter().map(|(k, (s, c))| (k.clone(), s.to_string(), c.to_string())).collect();
    table(&mut out, "By year of issue", ["year", "statements", "commitments"], &rows);
    out
}

fn percent(n: usize, total: usize) -> String {
    if total == 0 { "-".into() } else { format!("{:.1}%", n as f64 * 100.0 / total as f64) }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut counts = Counts::default();
    let mut failed = 0;
    let options = IngestOptions::default();
    for path in &args.inputs {
        for result in records(path, &options) {
            let statement = match result {
                Ok((statement, _)) => statement,
                Err(error) => {
                    failed += 1;
                    eprintln!("error: {error}");
                    continue;
                }
            };
            counts.statements += 1;
            for paragraph in &statement.paragraphs {
                *counts.paragraphs.entry(paragraph.kind).or_default() += 1;
            }
            for commitment in &statement.commitments {
                *counts.commitments.entry(commitment.kind).or_default() += 1;
                counts.future_oriented += usize::from(commitment.future_oriented);
                counts.conditional += usize::from(commitment.conditional);
            }
            let issuer = statement
                .issuers
                .first()
                .map(|a| a.name.clone())
                .or_else(|| statement.source.attribution.clone())
                .unwrap_or_else(|| "(not stated)".into());
            let entry = counts.by_issuer.entry(issuer).or_default();
            entry.0 += 1;
            entry.1 += statement.commitments.len();
            let year = statement.issued.map_or_else(|| "undated".into(), |d| d.format("%Y").to_string());
            let entry = counts.by_year.entry(year).or_default();
            entry.0 += 1;
            entry.1 += statement.commitments.len();
        }
    }
    crate::stdout::print(render(&counts));
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
