//! `communique eval`: the commitment coding scored against hand-coded gold files.

use anyhow::{Context, Result};
use communique::text::eval::{self, StatementScore, Totals};
use communique::text::{IngestOptions, ingest};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Score the commitment coding against gold files coded by hand with the annotation
/// manual (docs/codebook.md): precision, recall and F1 overall and per kind, kind,
/// actor, addressee and future_oriented accuracy, and (with --errors) every miss and
/// false find.
///
/// A gold file codes every sentence of one statement (the format is documented in
/// communique_text::eval); --prepare writes the skeleton of one from a statement.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique eval tests/data/commitments/gold --split dev --errors
  communique eval tests/data/commitments/gold --split test,test2
  communique eval tests/data/commitments/gold --sentences > sentences.jsonl
  communique eval --prepare statement.txt > gold/statement.json")]
pub struct Args {
    /// Gold files (.json), or folders of them (read, not recursively, in name order).
    #[arg(required = true, value_name = "GOLD")]
    gold: Vec<PathBuf>,
    /// Score only the gold files of this part of the gold set (dev, test, test2, test3, test4,
    /// test5, test6), or of these parts, given as a comma-separated list (dev,test,test2).
    #[arg(long, value_name = "PART[,PART…]")]
    split: Option<String>,
    /// Also list every miss, wrong kind and false find, one line each.
    #[arg(long)]
    errors: bool,
    /// Instead of the tables: print one JSON object per gold sentence (JSON Lines): the
    /// statement, split, sentence number and text, its gold commitments and the
    /// commitments found in it (kind, actor, addressee, quote, rule, future_oriented).
    /// Finds whose quote lies in no gold sentence come last, in a row numbered 0.
    #[arg(long, conflicts_with = "errors")]
    sentences: bool,
    /// Instead of scoring: print the skeleton of a gold file for each statement given
    /// (its sentences in reading order, no commitments).
    #[arg(long)]
    prepare: bool,
}

fn gold_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("cannot read {}", input.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|e| e == "json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn prepare(inputs: &[PathBuf]) -> Result<ExitCode> {
    for input in inputs {
        let bytes = std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
        let statement =
            ingest(&bytes, &IngestOptions::default()).with_context(|| input.display().to_string())?;
        let skeleton = eval::prepare(&statement, &input.display().to_string());
        crate::stdout::println(serde_json::to_string_pretty(&skeleton).context("gold skeleton")?);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(args: Args) -> Result<ExitCode> {
    if args.prepare {
        return prepare(&args.gold);
    }
    let mut scores: Vec<StatementScore> = Vec::new();
    let mut rows = Vec::new();
    for path in gold_files(&args.gold)? {
        let gold = eval::read_gold(&path)?;
        if let Some(parts) = &args.split
            && !parts.split(',').any(|part| gold.split.as_deref() == Some(part.trim()))
        {
            continue;
        }
        let statement = eval::ingest_source(&path, &gold)?;
        let score = eval::score(&name(&path), &gold, &statement);
        if args.sentences {
            rows.extend(eval::compare_sentences(&gold, &score));
        }
        scores.push(score);
    }
    if scores.is_empty() {
        anyhow::bail!(
            "no gold file to score{}",
            args.split.map(|s| format!(" in split {s:?}")).unwrap_or_default()
        );
    }
    if args.sentences {
        for row in &rows {
            crate::stdout::println(serde_json::to_string(row).context("sentence comparison")?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    crate::stdout::print(Totals::of(&scores));
    if args.errors {
        crate::stdout::println("");
        for score in &scores {
            crate::stdout::print(score.errors());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn name(path: &Path) -> String {
    path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}
