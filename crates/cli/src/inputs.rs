//! Inputs of any supported format, read as a stream of records with their origin.
//!
//! The reading itself belongs to the library crates; this module only picks the reader
//! by extension and splits the work so that the costly part (ingest, JSON parsing) can
//! run in parallel while the order of records stays the order of the inputs.

use communique::Format;
use communique::model::{Statement, json};
use communique::text::{IngestOptions, InputFormat};
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::ops::Range;
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
    /// One JSON Lines record (`line` is 1-based): the bytes `range` of a block of lines
    /// read at once (one allocation for many records), not yet checked as UTF-8.
    JsonLine { origin: Origin, line: usize, block: Arc<Vec<u8>>, range: Range<usize> },
    /// A record a streaming reader already produced.
    Done { origin: Origin, result: Result<Statement, String> },
}

impl Work {
    /// Input bytes this item accounts for (for progress).
    pub fn weight(&self) -> u64 {
        match self {
            Self::Ingest { bytes, .. } | Self::JsonDocument { bytes, .. } => bytes.len() as u64,
            Self::JsonLine { range, .. } => range.len() as u64 + 1,
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
            Self::JsonLine { mut origin, line, block, range } => {
                let result = match std::str::from_utf8(&block[range]) {
                    Err(e) => Err(format!("invalid UTF-8 at byte {} of the line", e.valid_up_to() + 1)),
                    #[allow(deprecated)] // replaced by the facade's reader in a later change
                    Ok(text) => json::from_line(text, line).map_err(|e| match e {
                        json::JsonParseError::Syntax(e) => {
                            let at = e.position();
                            origin.position = format!("{line}:{}", at.column().unwrap_or(0));
                            format!("at {}: {}", at.json_path().unwrap_or("$"), e.message())
                        }
                        other => other.to_string(),
                    }),
                };
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
                let reader = BufReader::with_capacity(64 * 1024, file);
                Box::new(JsonLines {
                    path: shared,
                    reader,
                    line: 0,
                    done: false,
                    lines: VecDeque::new(),
                    recent: Vec::new(),
                })
            }
        },
        other => crate::formats::read(path, other),
    }
}

/// Bytes of JSON Lines read at a time: whole lines are read into blocks of at least this
/// size, so that reading costs one allocation and a few system calls per block rather
/// than an allocation per line (which also kept the allocator returning memory to the
/// system and faulting it back in).
const BLOCK: usize = 256 * 1024;

struct JsonLines {
    path: Arc<Path>,
    reader: BufReader<File>,
    /// Lines read so far.
    line: usize,
    done: bool,
    /// Work items of the block read last, not yet handed out.
    lines: VecDeque<Work>,
    /// Blocks handed out lately: one that no work item holds any more is read into
    /// again, so that a long file is read with a handful of allocations.
    recent: Vec<Arc<Vec<u8>>>,
}

/// Blocks kept for reuse: enough for the batches read ahead and being prepared.
const RECYCLED_BLOCKS: usize = 8;

impl JsonLines {
    /// Reads whole lines until the block holds [`BLOCK`] bytes or the file ends, and
    /// queues a work item for each line that is not blank.
    fn read_block(&mut self) {
        let mut block = self.recycled().unwrap_or_else(|| Vec::with_capacity(BLOCK + BLOCK / 4));
        let mut ranges = Vec::new();
        while !self.done && block.len() < BLOCK {
            let start = block.len();
            match self.reader.read_until(b'\n', &mut block) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let mut end = block.len();
                    while end > start && matches!(block[end - 1], b'\n' | b'\r') {
                        end -= 1;
                    }
                    if !is_blank(&block[start..end]) {
                        ranges.push((self.line, start..end));
                    }
                }
                Err(e) => {
                    self.done = true;
                    block.truncate(start);
                    let origin = Origin { path: self.path.clone(), position: (self.line + 1).to_string() };
                    let error = Work::Done { origin, result: Err(format!("cannot read: {e}")) };
                    self.queue(block, ranges);
                    self.lines.push_back(error);
                    return;
                }
            }
        }
        self.queue(block, ranges);
    }

    /// An emptied block that no work item holds any more, if there is one.
    fn recycled(&mut self) -> Option<Vec<u8>> {
        let free = self.recent.iter_mut().position(|block| Arc::get_mut(block).is_some())?;
        let mut block = Arc::try_unwrap(self.recent.swap_remove(free)).ok()?;
        block.clear();
        Some(block)
    }

    fn queue(&mut self, block: Vec<u8>, ranges: Vec<(usize, Range<usize>)>) {
        let block = Arc::new(block);
        if self.recent.len() < RECYCLED_BLOCKS {
            self.recent.push(block.clone());
        }
        for (line, range) in ranges {
            let origin = Origin { path: self.path.clone(), position: line.to_string() };
            self.lines.push_back(Work::JsonLine { origin, line, block: block.clone(), range });
        }
    }
}

/// True for a line of white space only as `str::trim` sees it (skipped, as the model's
/// JSON Lines reader does): checked on the bytes for the white space `trim_ascii` knows,
/// and on the text when what is left starts with a byte that may begin other white space
/// (U+000B, or a non-ASCII code point such as U+00A0).
fn is_blank(line: &[u8]) -> bool {
    let rest = line.trim_ascii();
    rest.is_empty()
        || ((rest[0] >= 0x80 || rest[0] == 0x0B)
            && std::str::from_utf8(rest).is_ok_and(|text| text.trim().is_empty()))
}

impl Iterator for JsonLines {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        while self.lines.is_empty() && !self.done {
            self.read_block();
        }
        self.lines.pop_front()
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
