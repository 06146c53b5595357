//! `communique validate`: JSON Schema, the model's invariants and, for XML, the XSD.

use crate::inputs::{input_format, records};
use anyhow::Result;
use communique::Format;
use communique::model::json;
use communique::text::IngestOptions;
use communique_model::schema::SchemaValidator;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Check records: JSON and JSON Lines against the JSON Schema (formats asserted) and the
/// model's invariants; XML, JSON-LD and CSV folders by reading them back and checking the
/// invariants (XML also against the XSD with xmllint, when it is installed).
///
/// Prints each problem with file, line or record, and JSON path; exits 1 when anything
/// is invalid.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique validate out/statements.jsonl
  communique validate record.json out/statements.xml out/csv")]
pub struct Args {
    /// Records to check: .json, .jsonl, .xml, .jsonld, or a CSV folder.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

struct Report {
    problems: usize,
}

impl Report {
    fn problem(&mut self, location: impl std::fmt::Display, message: impl std::fmt::Display) {
        self.problems += 1;
        println!("{location}: {message}");
    }
}

/// Checks one JSON record: the schema, then the model's reading and invariants (the
/// reading's own error only when the schema found nothing). `line` is the record's first
/// line in `path`.
fn check_json_record(report: &mut Report, validator: &SchemaValidator, path: &Path, line: usize, text: &str) {
    let value: Value = match serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        Ok(value) => value,
        Err(e) => {
            let at = format!("{}:{}:{}", path.display(), e.line() + line - 1, e.column());
            report.problem(at, format!("not JSON: {}", strip_position(&e.to_string())));
            return;
        }
    };
    let at = format!("{}:{line}", path.display());
    let schema_errors = validator.errors(&value);
    for error in &schema_errors {
        report.problem(&at, format!("schema: at {}: {}", error.path, error.message));
    }
    #[allow(deprecated)] // replaced by the facade's reader in a later change
    match json::from_line(text, line) {
        Ok(statement) => {
            if let Err(errors) = statement.validate() {
                for violation in errors.violations {
                    report.problem(&at, format!("invariant: at {}: {}", violation.path, violation.message));
                }
            }
        }
        Err(json::JsonParseError::Syntax(e)) if schema_errors.is_empty() => {
            let at = e.position();
            report.problem(
                format!("{}:{}:{}", path.display(), at.line().unwrap_or(0), at.column().unwrap_or(0)),
                format!("at {}: {}", at.json_path().unwrap_or("$"), e.message()),
            )
        }
        Err(_) => {}
    }
}

fn strip_position(message: &str) -> &str {
    message.rfind(" at line ").map_or(message, |at| &message[..at])
}

fn check_with_xmllint(report: &mut Report, path: &Path) {
    let Ok(xsd) = tempfile::Builder::new().suffix(".xsd").tempfile() else { return };
    if std::fs::write(xsd.path(), communique::xml::XSD).is_err() {
        return;
    }
    let output = Command::new("xmllint").arg("--noout").arg("--schema").arg(xsd.path()).arg(path).output();
    match output {
        Err(_) => eprintln!("note: xmllint is not installed: {} checked without the XSD", path.display()),
        Ok(output) if !output.status.success() => {
            for line in
                String::from_utf8_lossy(&output.stderr).lines().filter(|l| !l.ends_with("fails to validate"))
            {
                report.problem(path.display(), format!("XSD: {line}"));
            }
        }
        Ok(_) => {}
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let validator = SchemaValidator::default();
    let mut report = Report { problems: 0 };
    for path in &args.files {
        let before = report.problems;
        let mut count = 0usize;
        match input_format(path) {
            Err(message) => report.problem(path.display(), message),
            Ok(Format::Json) => match std::fs::read_to_string(path) {
                Ok(text) => {
                    count += 1;
                    check_json_record(&mut report, &validator, path, 1, &text);
                }
                Err(e) => report.problem(path.display(), format!("cannot read: {e}")),
            },
            Ok(Format::JsonLines) => match std::fs::File::open(path) {
                Ok(file) => {
                    for (n, line) in BufReader::new(file).lines().enumerate() {
                        match line {
                            Ok(line) if line.trim().is_empty() => {}
                            Ok(line) => {
                                count += 1;
                                check_json_record(&mut report, &validator, path, n + 1, &line);
                            }
                            Err(e) => report.problem(
                                format!("{}:{}", path.display(), n + 1),
                                format!("cannot read: {e}"),
                            ),
                        }
                    }
                }
                Err(e) => report.problem(path.display(), format!("cannot read: {e}")),
            },
            Ok(Format::Text | Format::Markdown) => report
                .problem(path.display(), "a text to ingest, not a record: run `communique ingest` first"),
            Ok(format) => {
                if format == Format::Xml {
                    check_with_xmllint(&mut report, path);
                }
                for result in records(path, &IngestOptions::default()) {
                    count += 1;
                    if let Err(error) = result {
                        report.problem(&error.origin, &error.message);
                    }
                }
            }
        }
        if report.problems == before {
            println!("ok: {} ({count} record{})", path.display(), if count == 1 { "" } else { "s" });
        }
    }
    if report.problems > 0 {
        println!("{} problem(s) found", report.problems);
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}
