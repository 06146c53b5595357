//! Errors of reading and writing Parquet folders.

use communique_model::TextPosition;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why statements could not be read from a Parquet folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParquetParseError {
    /// Opening or reading a file of the folder failed (the error names the file).
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The folder holds no communique tables, or a table does not hold what its columns
    /// say: a file that is not Parquet, a column missing or of another type, a value that
    /// breaks its column's rules, rows out of order.
    #[error(transparent)]
    Syntax(#[from] ParquetSyntaxError),
}

impl From<ParquetParseError> for io::Error {
    fn from(error: ParquetParseError) -> Self {
        match error {
            ParquetParseError::Io(error) => error,
            ParquetParseError::Syntax(error) => error.into(),
        }
    }
}

/// The content of a Parquet folder that is not what the layout says, and where.
///
/// [`file`](Self::file) names the file inside the folder (`commitments.parquet`);
/// [`row`](Self::row) is the 1-based row of that file (counted over all its row groups)
/// when one row is at fault, and [`column_name`](Self::column_name) the column when one
/// value is. The [position](Self::position) holds the 1-based number of the statement
/// being read (its record); Parquet has no lines, columns of text or byte offsets a
/// person could go to, so those stay unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParquetSyntaxError(Box<Syntax>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Syntax {
    file: String,
    position: TextPosition,
    row: Option<u64>,
    column: Option<&'static str>,
    message: String,
}

impl ParquetSyntaxError {
    pub(crate) fn new(
        file: impl Into<String>,
        row: Option<u64>,
        column: Option<&'static str>,
        message: impl Into<String>,
    ) -> Self {
        Self(Box::new(Syntax {
            file: file.into(),
            position: TextPosition::default(),
            row,
            column,
            message: message.into(),
        }))
    }

    /// The same error as part of the `record`-th statement (1-based), unless it names one.
    pub(crate) fn in_record(mut self, record: u64) -> Self {
        if self.0.position.record().is_none() {
            self.0.position = self.0.position.clone().with_record(record);
        }
        self
    }

    /// File name inside the folder (`commitments.parquet`,
    /// `commitments-2-of-4.parquet`).
    #[must_use]
    pub fn file(&self) -> &str {
        &self.0.file
    }

    /// Where: the record (the statement being read), when known.
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.0.position
    }

    /// 1-based row of [`file`](Self::file) at fault, when one row is.
    #[must_use]
    pub fn row(&self) -> Option<u64> {
        self.0.row
    }

    /// Name of the column at fault, when one value is.
    #[must_use]
    pub fn column_name(&self) -> Option<&'static str> {
        self.0.column
    }

    /// What is wrong, without the file, row and column.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// `commitments.parquet, row 4, column cameo_code: what is wrong`.
impl fmt::Display for ParquetSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Syntax { file, row, column, message, .. } = &*self.0;
        f.write_str(file)?;
        if let Some(row) = row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {message}")
    }
}

impl std::error::Error for ParquetSyntaxError {}

impl From<ParquetSyntaxError> for io::Error {
    fn from(error: ParquetSyntaxError) -> Self {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// A statement the Parquet tables cannot carry so that it reads back the same; nothing of
/// it is written.
///
/// [`ParquetSerializer::prepare`](crate::ParquetSerializer::prepare) and
/// [`DirParquetSerializer::write_prepared`](crate::DirParquetSerializer::write_prepared)
/// refuse such a statement; the writer's `serialize_statement` and `write_prepared` hand
/// this error back inside an [`io::Error`] of kind [`io::ErrorKind::InvalidInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParquetSerializeError {
    statement_id: String,
    message: String,
}

impl ParquetSerializeError {
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

impl fmt::Display for ParquetSerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?}: {}", self.statement_id, self.message)
    }
}

impl std::error::Error for ParquetSerializeError {}

impl From<ParquetSerializeError> for io::Error {
    fn from(error: ParquetSerializeError) -> Self {
        io::Error::new(io::ErrorKind::InvalidInput, error)
    }
}

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

/// An error of the Parquet or Arrow library while writing the file `path`, as an I/O
/// error naming the file (of the kind of the I/O error underneath, when there is one).
pub(crate) fn write_error(path: &Path, error: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    let kind = std::error::Error::source(&error)
        .and_then(|source| source.downcast_ref::<io::Error>())
        .map_or(io::ErrorKind::Other, io::Error::kind);
    let message = error.to_string();
    file_error(path, io::Error::new(kind, message))
}
