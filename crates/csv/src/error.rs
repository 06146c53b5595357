//! Errors of reading and writing CSV folders.

use communique_model::TextPosition;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why statements could not be read from a CSV folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvParseError {
    /// Opening or reading a file of the folder failed (the error names the file).
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The folder is not a communique CSV folder, or a table does not hold what its
    /// columns say: a missing or foreign `csv-metadata.json`, a table that is not
    /// well-formed CSV, a wrong header, a cell or row that breaks its column's rules.
    #[error(transparent)]
    Syntax(#[from] CsvSyntaxError),
}

impl From<CsvParseError> for io::Error {
    fn from(error: CsvParseError) -> Self {
        match error {
            CsvParseError::Io(error) => error,
            CsvParseError::Syntax(error) => error.into(),
        }
    }
}

/// The content of a CSV folder that is not what the layout says, and where.
///
/// [`file`](Self::file) names the file inside the folder (`commitments.csv`, or
/// `csv-metadata.json`); the [position](Self::position) gives, in that file, the 1-based
/// line where the row starts and its byte offset, and the 1-based number of the statement
/// being read (its record). When one cell is at fault, [`column`](Self::column) and
/// [`column_name`](Self::column_name) name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSyntaxError(Box<Syntax>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Syntax {
    file: String,
    position: TextPosition,
    column: Option<(usize, &'static str)>,
    message: String,
}

impl CsvSyntaxError {
    pub(crate) fn new(
        file: impl Into<String>,
        position: TextPosition,
        column: Option<(usize, &'static str)>,
        message: impl Into<String>,
    ) -> Self {
        Self(Box::new(Syntax { file: file.into(), position, column, message: message.into() }))
    }

    /// The same error as part of the `record`-th statement (1-based), unless it names one.
    pub(crate) fn in_record(mut self, record: u64) -> Self {
        if self.0.position.record().is_none() {
            self.0.position = self.0.position.clone().with_record(record);
        }
        self
    }

    /// File name inside the folder (`commitments.csv`, `csv-metadata.json`).
    #[must_use]
    pub fn file(&self) -> &str {
        &self.0.file
    }

    /// Where in [`file`](Self::file): line and byte offset of the row, and the record.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.0.position
    }

    /// 1-based index of the column at fault, when one cell is.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.0.column.map(|(index, _)| index)
    }

    /// Header name of the column at fault, when one cell is.
    #[must_use]
    pub fn column_name(&self) -> Option<&'static str> {
        self.0.column.map(|(_, name)| name)
    }

    /// What is wrong, without the file, line and column.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// `commitments.csv, line 4, column 10 (cameo_code): what is wrong`.
impl fmt::Display for CsvSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Syntax { file, position, column, message } = &*self.0;
        f.write_str(file)?;
        if let Some(line) = position.line() {
            write!(f, ", line {line}")?;
        }
        if let Some((index, name)) = column {
            write!(f, ", column {index} ({name})")?;
        }
        write!(f, ": {message}")
    }
}

impl std::error::Error for CsvSyntaxError {}

impl From<CsvSyntaxError> for io::Error {
    fn from(error: CsvSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// A statement the CSV tables cannot carry so that it reads back the same; nothing of it
/// is written.
///
/// [`CsvSerializer::prepare`](crate::CsvSerializer::prepare) and
/// [`DirCsvSerializer::write_prepared`](crate::DirCsvSerializer::write_prepared) refuse
/// such a statement; the writer's `serialize_statement` and `write_prepared` hand this
/// error back inside an [`io::Error`] of kind [`io::ErrorKind::InvalidInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSerializeError {
    statement_id: String,
    message: String,
}

impl CsvSerializeError {
    pub(crate) fn new(statement_id: impl Into<String>, message: impl Into<String>) -> Self {
        Self { statement_id: statement_id.into(), message: message.into() }
    }

    /// Id of the statement refused.
    #[must_use]
    pub fn statement_id(&self) -> &str {
        &self.statement_id
    }

    /// Why it is refused.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for CsvSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?}: {}", self.statement_id, self.message)
    }
}

impl std::error::Error for CsvSerializeError {}

impl From<CsvSerializeError> for io::Error {
    fn from(error: CsvSerializeError) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}

/// The error type of this crate before reading and writing had errors of their own.
#[deprecated(note = "use CsvParseError (reading); writing returns io::Error, prepare CsvSerializeError")]
pub type CsvError = CsvParseError;

/// An I/O failure on one file of the folder, naming it.
#[derive(Debug)]
struct FileError {
    path: PathBuf,
    source: io::Error,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// `source`, of its own kind, naming the file `path` it happened on.
pub(crate) fn file_error(path: &Path, source: io::Error) -> io::Error {
    io::Error::new(source.kind(), FileError { path: path.to_path_buf(), source })
}
