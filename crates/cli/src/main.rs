//! `communique`: ingest, convert, validate and count official statements.
//!
//! The command composes the library crates; it holds no format logic of its own.

mod commands;
mod ids;
mod inputs;
mod outputs;
mod progress;
mod stdout;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Typed, citable records of official statements: JSON, CSV, XML, JSON-LD, Akoma Ntoso,
/// TEI and Parquet.
#[derive(Debug, Parser)]
#[command(name = "communique", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Ingest(commands::ingest::Args),
    Convert(commands::convert::Args),
    Validate(commands::validate::Args),
    Schema(commands::schema::Args),
    Stats(commands::stats::Args),
    Eval(commands::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    #[cfg(unix)]
    if let Err(error) = outputs::clean_up_on_signals() {
        eprintln!("warning: cannot handle signals ({error}): an interrupted run may leave temporary files");
    }
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Convert(args) => commands::convert::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Stats(args) => commands::stats::run(args),
        Command::Eval(args) => commands::eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
