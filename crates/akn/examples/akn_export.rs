//! Exports statements from JSON or JSON Lines to Akoma Ntoso documents.
//!
//! ```text
//! cargo run -p communique-akn --example akn_export -- OUT_DIR FILE.json|FILE.jsonl...
//! ```
//!
//! Writes one document per statement into `OUT_DIR`, named after the statement's id
//! (letters, digits, `-`, `_` and `.` kept, anything else `_`). Each statement is checked
//! with `Statement::validate` first and read back from the document written; the run
//! fails if a record does not come back identical, or if two records would get the same
//! file name. Each file is written to a temporary name first and renamed into place.

use communique_akn::{AknParser, AknSerializer};
use communique_model::Statement;
use communique_model::json::{self, JsonLinesParser};
use std::collections::HashSet;
use std::error::Error;
use std::fs::{self, File};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(count) => {
            eprintln!("akn_export: {count} document(s) written");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("akn_export: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<usize> {
    let [out, inputs @ ..] = args.as_slice() else {
        return Err("usage: akn_export OUT_DIR FILE.json|FILE.jsonl...".into());
    };
    if inputs.is_empty() || out.starts_with('-') {
        return Err("usage: akn_export OUT_DIR FILE.json|FILE.jsonl...".into());
    }
    let statements = read_inputs(inputs)?;
    fs::create_dir_all(out)?;
    let mut names = HashSet::new();
    let serializer = AknSerializer::default();
    for statement in &statements {
        let name = file_name(&statement.id);
        if !names.insert(name.clone()) {
            return Err(format!("two statements would be written to {name}.xml").into());
        }
        let path = Path::new(out).join(format!("{name}.xml"));
        let document = serializer.prepare(statement)?;
        let back = AknParser::default().parse_slice(document.as_bytes())?;
        if back != *statement {
            return Err(format!(
                "{}: statement {:?} does not read back unchanged",
                path.display(),
                statement.id
            )
            .into());
        }
        write_atomically(&path, document.as_bytes())?;
    }
    Ok(statements.len())
}

fn read_inputs(inputs: &[String]) -> Result<Vec<Statement>> {
    let mut statements = Vec::new();
    for input in inputs {
        let located = |error: &dyn std::fmt::Display| format!("{input}: {error}");
        if input.ends_with(".jsonl") {
            let reader = BufReader::new(File::open(input).map_err(|e| located(&e))?);
            for statement in JsonLinesParser::default().for_reader(reader) {
                statements.push(statement.map_err(|e| located(&e))?);
            }
        } else {
            let text = fs::read_to_string(input).map_err(|e| located(&e))?;
            statements.push(json::from_str(&text).map_err(|e| located(&e))?);
        }
    }
    for statement in &statements {
        statement.validate()?;
    }
    Ok(statements)
}

/// A file name from an id: ASCII letters, digits, `-`, `_` and `.` kept, anything else
/// `_`, never starting with a dot.
fn file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect();
    match name.strip_prefix('.') {
        Some(rest) => format!("_{rest}"),
        None if name.is_empty() => "_".to_owned(),
        None => name,
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temporary = PathBuf::from(path);
    temporary.as_mut_os_string().push(".partial");
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)?;
    Ok(())
}
