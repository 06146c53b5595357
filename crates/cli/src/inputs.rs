//! Inputs: the format of each path, and its records as a stream with their origin.
//!
//! The reading itself is the library's (`communique::StatementParser`); this module only
//! tells the format of each path and hands out its records one at a time, not yet parsed
//! where the format allows, so that the costly part (ingest, JSON parsing) can run in
//! parallel while the order of records stays the order of the inputs.

use communique::model::{Statement, TextPosition};
use communique::text::IngestOptions;
use communique::{
    Format, ReaderStatementParser, Shard, StatementParseError, StatementParser, StatementSyntaxError,
    UnparsedStatement,
};
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a record or an error comes from: an input path, the file inside it (a table of a
/// CSV folder) and the position there.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The input path as given.
    pub path: Arc<Path>,
    /// The file inside a folder input that `position` counts in.
    pub file: Option<String>,
    /// Line and column, or record number; unknown for a whole input.
    pub position: TextPosition,
}

impl Origin {
    /// The whole input `path`.
    pub fn whole(path: Arc<Path>) -> Self {
        Self { path, file: None, position: TextPosition::default() }
    }
}

/// Compiler style, so editors can jump there: `path:line:column`, `path:line`,
/// `path:record N` (`path:record N (byte B)` for a WARC record), or `path` alone; a file inside a folder input is joined to it
/// (`out/csv/commitments.csv:16`).
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{}", self.path.join(file).display())?,
            None => write!(f, "{}", self.path.display())?,
        }
        match (self.position.line(), self.position.column(), self.position.record()) {
            (Some(line), Some(column), _) => write!(f, ":{line}:{column}"),
            (Some(line), None, _) => write!(f, ":{line}"),
            (None, _, Some(record)) => match self.position.byte_offset() {
                // A WARC record: its number and the byte it starts at.
                Some(offset) => write!(f, ":record {record} (byte {offset})"),
                None => write!(f, ":record {record}"),
            },
            (None, _, None) => Ok(()),
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

impl InputError {
    /// `error` met reading the input `path`.
    pub fn of(path: &Arc<Path>, error: &StatementParseError) -> Self {
        match error {
            StatementParseError::Syntax(error) => Self::of_syntax(path, error),
            other => Self { origin: Origin::whole(path.clone()), message: format!("cannot read: {other}") },
        }
    }

    /// The syntax error `error` of the input `path`, with the JSONPath before the message.
    pub fn of_syntax(path: &Arc<Path>, error: &StatementSyntaxError) -> Self {
        let position = error.position().clone();
        let message = match position.json_path() {
            Some(json_path) => format!("at {json_path}: {}", error.message()),
            None => error.message().into_owned(),
        };
        Self {
            origin: Origin { path: path.clone(), file: error.file().map(str::to_owned), position },
            message,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// One record of an input: parsing it may be done on any thread.
#[derive(Debug)]
pub struct Work {
    /// The input path as given.
    pub path: Arc<Path>,
    /// The record as read, or why it could not be read.
    pub item: Result<UnparsedStatement, InputError>,
}

impl Work {
    /// Input bytes this item accounts for (for progress).
    pub fn weight(&self) -> u64 {
        self.item.as_ref().map_or(0, UnparsedStatement::byte_len)
    }

    /// Turns the item into a statement that passes [`Statement::validate`].
    pub fn run(self) -> Result<(Statement, Origin), InputError> {
        let unparsed = self.item?;
        let origin = Origin { path: self.path.clone(), file: None, position: unparsed.position().clone() };
        let statement = unparsed.parse().map_err(|error| InputError::of(&self.path, &error))?;
        statement
            .validate()
            .map_err(|errors| InputError { origin: origin.clone(), message: errors.to_string() })?;
        Ok((statement, origin))
    }
}

/// The format of an input path, or why it has none.
pub fn input_format(path: &Path) -> Result<Format, String> {
    let format = Format::from_path(path);
    if path.is_dir() && format.is_none() {
        return Err("a folder is read only as CSV tables with their csv-metadata.json, or as Parquet tables (statements.parquet and the others)".into());
    }
    format.ok_or_else(|| {
        "unknown input type (expected .txt, .md, .html, .htm, .warc, .warc.gz, .json, .jsonl, .xml, .jsonld, a CSV folder or a Parquet folder)"
            .into()
    })
}

/// The records of one input, or the error that stops it before the first.
enum Opened {
    Reader(Box<ReaderStatementParser<BufReader<File>>>),
    Failed(Option<InputError>),
}

/// One input being read.
struct Input {
    path: Arc<Path>,
    opened: Opened,
}

impl Input {
    fn open(path: &Path, options: &IngestOptions) -> Self {
        let path: Arc<Path> = Arc::from(path);
        let opened = match input_format(&path) {
            Err(message) => Opened::Failed(Some(InputError { origin: Origin::whole(path.clone()), message })),
            Ok(format) => {
                match StatementParser::from_format(format)
                    .with_ingest_options(options.clone())
                    .for_path(&path)
                {
                    Ok(reader) => Opened::Reader(Box::new(reader)),
                    Err(error) => Opened::Failed(Some(InputError::of(&path, &error))),
                }
            }
        };
        Self { path, opened }
    }
}

impl Iterator for Input {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        let item = match &mut self.opened {
            Opened::Reader(reader) => {
                reader.next_unparsed()?.map_err(|error| InputError::of(&self.path, &error))
            }
            Opened::Failed(error) => Err(error.take()?),
        };
        Some(Work { path: self.path.clone(), item })
    }
}

/// Streams the work items of every input in order, or of one shard of them.
pub struct Inputs {
    pending: std::vec::IntoIter<PathBuf>,
    current: Option<Input>,
    options: IngestOptions,
    /// The shard taken, and the units of the inputs dealt so far.
    shard: Option<Shard>,
    units: u64,
    /// True when the current input is dealt record by record (JSON Lines in a shard).
    by_record: bool,
}

impl Inputs {
    /// Items of `paths`, read lazily, in the order given; texts ingested with `options`.
    ///
    /// With a `shard`, only the items of that shard: the inputs are cut into units, in
    /// order — each JSON Lines record a unit, every other input (a text, a JSON document,
    /// an XML or JSON-LD collection, a folder of tables, a path that cannot be read) a unit
    /// as a whole — and unit `u` (0-based, counted over all inputs) goes to shard
    /// `u mod N + 1` ([`Shard::takes`]). Every shard reads the JSON Lines inputs through
    /// (a line is found without being parsed) and opens no other input it does not take.
    pub fn new(paths: Vec<PathBuf>, options: IngestOptions, shard: Option<Shard>) -> Self {
        Self { pending: paths.into_iter(), current: None, options, shard, units: 0, by_record: false }
    }

    /// Deals the next unit: true when it is this run's.
    fn deal(&mut self) -> bool {
        let unit = self.units;
        self.units += 1;
        self.shard.is_none_or(|shard| shard.takes(unit))
    }
}

impl Iterator for Inputs {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        loop {
            while let Some(work) = self.current.as_mut().and_then(Iterator::next) {
                if !self.by_record || self.deal() {
                    return Some(work);
                }
            }
            let path = self.pending.next()?;
            self.current = None;
            self.by_record = self.shard.is_some() && input_format(&path) == Ok(Format::JsonLines);
            if self.by_record || self.deal() {
                self.current = Some(Input::open(&path, &self.options));
            }
        }
    }
}

/// Total size in bytes of the inputs that are files (a CSV folder's progress is not
/// counted in bytes), for a progress bar.
pub fn total_size(paths: &[PathBuf]) -> u64 {
    paths.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum()
}

/// The records of one input path in order, not yet parsed (for `validate`).
pub fn read(path: &Path, options: &IngestOptions) -> impl Iterator<Item = Work> + use<> {
    Input::open(path, options)
}

/// Reads every record of one input path in order, parsed and validated (for `stats` and
/// `ingest`).
pub fn records(
    path: &Path,
    options: &IngestOptions,
) -> impl Iterator<Item = Result<(Statement, Origin), InputError>> + use<> {
    read(path, options).map(Work::run)
}
