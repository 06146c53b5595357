//! Inputs of any supported format, read as a stream of records with their origin.
//!
//! The reading itself belongs to the library crates; this module only picks the reader
//! by extension and splits the work so that the costly part (ingest, JSON parsing) can
//! run in parallel while the order of records stays the order of the inputs.

use communique::Format;
use communique::model::{Statement, json};
use communique::text::{IngestOptions, InputFormat};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a record or an error comes from: a file and, inside it, a line or record.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The input path as given.
    pub path: Arc<Path>,
    /// Line (`line 12`), line and column, or record number; empty for a whole file.
    pub position: String,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.position.is_empty() {
            write!(f, "{}", self.path.display())
        } else {
            write!(f, "{}:{}", self.path.display(), self.position)
        }
    }
}

/// A record that could not be read, and where.
#[derive(Debug, Clone)]
pub struct InputError {
    /// Where.
    pub origin: Origin,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// One unit of work: turning it into a statement may be done on any thread.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // items are moved once, in batches; boxing buys nothing
pub enum Work {
    /// A text or Markdown file to ingest.
    Ingest { origin: Origin, bytes: Vec<u8>, format: InputFormat },
    /// One JSON document.
    JsonDocument { origin: Origin, bytes: Vec<u8> },
    /// One JSON Lines record (`line` is 1-based).
    JsonLine { origin: Origin, line: usize, text: String },
    /// A record a streaming reader already produced.
    Done { origin: Origin, result: Result<Statement, String> },
}

impl Work {
    /// Input bytes this item accounts for (for progress).
    pub fn weight(&self) -> u64 {
        match self {
            Self::Ingest { bytes, .. } | Self::JsonDocument { bytes, .. } => bytes.len() as u64,
            Self::JsonLine { text, .. } => text.len() as u64 + 1,
            Self::Done { .. } => 0,
        }
    }

    /// Turns the item into a statement that passes [`Statement::validate`].
    pub fn run(self, options: &IngestOptions) -> Result<(Statement, Origin), InputError> {
        let (origin, result) = match self {
            Self::Ingest { origin, bytes, format } => {
                // Ingest returns only records that pass `validate()`: no second check.
                let options = IngestOptions { format: Some(format), ..options.clone() };
                return match communique::text::ingest(&bytes, &options) {
                    Ok(statement) => Ok((statement, origin)),
                    Err(e) => Err(InputError { origin, message: e.to_string() }),
                };
            }
            Self::JsonDocument { origin, bytes } => {
                let result = json::from_slice(&bytes).map_err(|e| e.to_string());
                (origin, result)
            }
            Self::JsonLine { mut origin, line, text } => {
                let result = json::from_line(&text, line).map_err(|e| {
                    origin.position = format!("{line}:{}", e.column);
                    format!("at {}: {}", e.path, e.message)
                });
                (origin, result)
            }
            Self::Done { origin, result } => (origin, result),
        };
        let statement = result.map_err(|message| InputError { origin: origin.clone(), message })?;
        statement
            .validate()
            .map_err(|errors| InputError { origin: origin.clone(), message: errors.to_string() })?;
        Ok((statement, origin))
    }
}

/// Streams the work items of every input in order.
pub struct Inputs {
    pending: std::vec::IntoIter<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Work> + Send>>,
}

impl Inputs {
    /// Items of `paths`, read lazily, in the order given.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        Self { pending: paths.into_iter(), current: None }
    }
}

fn whole_file_error(path: &Path, message: String) -> Work {
    let origin = Origin { path: Arc::from(path), position: String::new() };
    Work::Done { origin, result: Err(message) }
}

/// The format of an input path, or why it has none.
pub fn input_format(path: &Path) -> Result<Format, String> {
    if path.is_dir() && !path.join("csv-metadata.json").is_file() {
        return Err("a folder is read only as CSV tables with their csv-metadata.json".into());
    }
    Format::from_path(path).ok_or_else(|| {
        "unknown input type (expected .txt, .md, .json, .jsonl, .xml, .jsonld or a CSV folder)".into()
    })
}

fn open(path: &Path) -> Box<dyn Iterator<Item = Work> + Send> {
    let format = match input_format(path) {
        Ok(format) => format,
        Err(message) => return Box::new(std::iter::once(whole_file_error(path, message))),
    };
    let shared: Arc<Path> = Arc::from(path);
    match format {
        Format::Text | Format::Markdown | Format::Json => match std::fs::read(path) {
            Err(e) => Box::new(std::iter::once(whole_file_error(path, format!("cannot read: {e}")))),
            Ok(bytes) => {
                let origin = Origin { path: shared, position: String::new() };
                Box::new(std::iter::once(match format {
                    Format::Json => Work::JsonDocument { origin, bytes },
                    Format::Markdown => Work::Ingest { origin, bytes, format: InputFormat::Markdown },
                    _ => Work::Ingest { origin, bytes, format: InputFormat::PlainText },
                }))
            }
        },
        Format::JsonLines => match File::open(path) {
            Err(e) => Box::new(std::iter::once(whole_file_error(path, format!("cannot read: {e}")))),
            Ok(file) => {
                let reader = BufReader::with_capacity(READ_BUFFER, file);
                Box::new(JsonLines { path: shared, reader, line: 0, done: false, last_len: 0 })
            }
        },
        other => crate::formats::read(path, other),
    }
}

/// Bytes read from a JSON Lines file at a time: a few records, so that reading costs one
/// system call per 256 KiB rather than per 8 KiB.
const READ_BUFFER: usize = 256 * 1024;

struct JsonLines {
    path: Arc<Path>,
    reader: BufReader<File>,
    line: usize,
    done: bool,
    /// Length of the previous line: the next line's buffer starts at that size, as the
    /// records of one file tend to be alike, saving the doublings of a growing buffer.
    last_len: usize,
}

impl Iterator for JsonLines {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        let mut bytes = Vec::with_capacity(self.last_len.next_power_of_two());
        while !self.done {
            bytes.clear();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    self.last_len = bytes.len();
                    let origin = Origin { path: self.path.clone(), position: self.line.to_string() };
                    let text = match String::from_utf8(std::mem::take(&mut bytes)) {
                        Ok(text) => text,
                        Err(e) => {
                            let offset = e.utf8_error().valid_up_to();
                            let message = format!("invalid UTF-8 at byte {} of the line", offset + 1);
                            return Some(Work::Done { origin, result: Err(message) });
                        }
                    };
                    if text.trim().is_empty() {
                        continue;
                    }
                    return Some(Work::JsonLine { origin, line: self.line, text });
                }
                Err(e) => {
                    self.done = true;
                    let origin = Origin { path: self.path.clone(), position: (self.line + 1).to_string() };
                    return Some(Work::Done { origin, result: Err(format!("cannot read: {e}")) });
                }
            }
        }
        None
    }
}

impl Iterator for Inputs {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        loop {
            if let Some(current) = &mut self.current
                && let Some(work) = current.next()
            {
                return Some(work);
            }
            let path = self.pending.next()?;
            self.current = Some(open(&path));
        }
    }
}

/// Total size in bytes of the inputs whose progress is counted in bytes (text, Markdown,
/// JSON and JSON Lines files), for a progress bar.
pub fn total_size(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter(|p| {
            matches!(input_format(p), Ok(Format::Text | Format::Markdown | Format::Json | Format::JsonLines))
        })
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// Reads every record of one input path in order (for `stats` and `validate`).
pub fn records(
    path: &Path,
    options: &IngestOptions,
) -> impl Iterator<Item = Result<(Statement, Origin), InputError>> {
    let options = options.clone();
    open(path).map(move |work| work.run(&options))
}
