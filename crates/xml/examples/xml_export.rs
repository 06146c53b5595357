//! Exports statements from JSON or JSON Lines to communique XML.
//!
//! ```text
//! cargo run -p communique-xml --example xml_export -- OUT.xml FILE.json|FILE.jsonl...
//! cargo run -p communique-xml --example xml_export -- --documents OUT_DIR FILE.json|FILE.jsonl...
//! ```
//!
//! The first form writes one collection document (`<statements>`) holding every
//! statement, in input order; the second writes one document per statement
//! (`<statement>` root) into `OUT_DIR`, named after the statement id. Each statement is
//! checked with `Statement::validate` and read back from the XML written, and the run
//! fails if the record that comes back differs. Outputs are written to a temporary file
//! first and renamed into place, so a failed run leaves no half-written file.

use communique_model::Statement;
use communique_model::json::{self, JsonLinesParser};
use communique_xml::{XmlParser, XmlSerializer};
use std::error::Error;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(count) => {
            eprintln!("export: {count} statement(s) written");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("export: {error}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: export OUT.xml FILE.json|FILE.jsonl...\n       export --documents OUT_DIR FILE.json|FILE.jsonl...";

fn run(args: Vec<String>) -> Result<usize> {
    let (documents, rest) = match args.first().map(String::as_str) {
        Some("--documents") => (true, &args[1..]),
        Some("-h" | "--help") | None => return Err(USAGE.into()),
        Some(_) => (false, &args[..]),
    };
    let [out, inputs @ ..] = rest else { return Err(USAGE.into()) };
    if inputs.is_empty() {
        return Err(USAGE.into());
    }
    let statements = read_inputs(inputs)?;
    if documents {
        fs::create_dir_all(out)?;
        for statement in &statements {
            let name = file_name(&statement.id);
            let path = Path::new(out).join(format!("{name}.xml"));
            let xml = XmlSerializer::default().document_to_string(statement)?;
            let back = XmlParser::default().parse_document(xml.as_bytes())?;
            if back != *statement {
                return Err(format!(
                    "{}: statement {:?} does not read back unchanged",
                    path.display(),
                    statement.id
                )
                .into());
            }
            write_atomically(&path, xml.as_bytes())?;
        }
    } else {
        let mut writer = XmlSerializer::default().for_writer(Vec::new());
        for statement in &statements {
            writer.serialize_statement(statement)?;
        }
        let bytes = writer.finish()?;
        let back =
            XmlParser::default().for_reader(bytes.as_slice()).collect::<std::result::Result<Vec<_>, _>>()?;
        if back != statements {
            return Err(format!("{out}: the collection does not read back unchanged").into());
        }
        write_atomically(Path::new(out), &bytes)?;
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

/// A file name from an id: letters, digits, `-`, `_` and `.` kept, anything else `_`,
/// never starting with a dot.
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
    let mut file = BufWriter::new(File::create(&temporary)?);
    file.write_all(bytes)?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    fs::rename(&temporary, path)?;
    Ok(())
}
