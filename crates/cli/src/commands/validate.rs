//! `communique validate`: JSON Schema, the model's invariants and, for XML, the XSD.

use crate::inputs::{InputError, Origin, Work, input_format, read};
use anyhow::Result;
use communique::Format;
use communique::model::schema::SchemaValidator;
use communique::text::IngestOptions;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Check records: JSON and JSON Lines against the JSON Schema (formats asserted) and the
/// model's invariants; XML, Akoma Ntoso, TEI, JSON-LD and CSV folders by reading them back
/// and checking the invariants (communique XML also against the XSD with xmllint, when it
/// is installed).
///
/// Prints each problem with file, line or record, and JSON path; exits 1 when anything
/// is invalid.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  communique validate out/statements.jsonl
  communique validate record.json out/statements.xml out/csv")]
pub struct Args {
    /// Records to check: .json, .jsonl, .xml (communique XML, Akoma Ntoso or TEI), .jsonld,
    /// or a CSV folder.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

struct Report {
    problems: usize,
}

impl Report {
    fn problem(&mut self, location: impl std::fmt::Display, message: impl std::fmt::Display) {
        self.problems += 1;
        crate::stdout::println(format_args!("{location}: {message}"));
    }

    fn error(&mut self, error: &InputError) {
        self.problem(&error.origin, &error.message);
    }
}

/// Checks one record: the JSON Schema (JSON and JSON Lines), then the model's reading and
/// invariants (the reading's own error only when the schema found nothing).
fn check_record(report: &mut Report, validator: &SchemaValidator, work: Work) {
    let unparsed = match work.item {
        Ok(unparsed) => unparsed,
        Err(error) => return report.error(&error),
    };
    let origin = Origin { path: work.path.clone(), file: None, position: unparsed.position().clone() };
    let schema_clean = match unparsed.check_schema(validator) {
        None => true,
        Some(Err(syntax)) => {
            let error = InputError::of_syntax(&work.path, &syntax);
            return report.problem(&error.origin, format!("not JSON: {}", error.message));
        }
        Some(Ok(errors)) => {
            for error in &errors {
                report.problem(&origin, format!("schema: at {}: {}", error.path, error.message));
            }
            errors.is_empty()
        }
    };
    match unparsed.parse() {
        Ok(statement) => {
            if let Err(errors) = statement.validate() {
                for violation in errors.violations {
                    report
                        .problem(&origin, format!("invariant: at {}: {}", violation.path, violation.message));
                }
            }
        }
        Err(error) if schema_clean => report.error(&InputError::of(&work.path, &error)),
        Err(_) => {}
    }
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
    let options = IngestOptions::default();
    let mut report = Report { problems: 0 };
    for path in &args.files {
        let before = report.problems;
        let mut count = 0usize;
        match input_format(path) {
            Err(message) => report.problem(path.display(), message),
            Ok(Format::Text | Format::Markdown | Format::Html | Format::Warc) => report
                .problem(path.display(), "a text to ingest, not a record: run `communique ingest` first"),
            Ok(format) => {
                if format == Format::Xml {
                    check_with_xmllint(&mut report, path);
                }
                for work in read(path, &options) {
                    count += 1;
                    check_record(&mut report, &validator, work);
                }
            }
        }
        if report.problems == before {
            crate::stdout::println(format_args!(
                "ok: {} ({count} record{})",
                path.display(),
                if count == 1 { "" } else { "s" }
            ));
        }
    }
    if report.problems > 0 {
        crate::stdout::println(format_args!("{} problem(s) found", report.problems));
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}
