//! The crate's one error type.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Where in a CSV folder something is wrong: the file, the 1-based line where the row
/// starts, and the column (name and 1-based index) when one cell is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    file: String,
    line: u64,
    column: Option<(usize, &'static str)>,
}

impl Location {
    pub(crate) fn new(file: impl Into<String>, line: u64, column: Option<(usize, &'static str)>) -> Self {
        Self { file: file.into(), line, column }
    }

    /// File name inside the folder (`commitments.csv`).
    #[must_use]
    pub fn file(&self) -> &str {
        &self.file
    }

    /// 1-based line where the row starts (a row with a quoted line break spans several).
    #[must_use]
    pub fn line(&self) -> u64 {
        self.line
    }

    /// 1-based index of the column at fault, when one cell is.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.column.map(|(index, _)| index)
    }

    /// Header name of the column at fault, when one cell is.
    #[must_use]
    pub fn column_name(&self) -> Option<&'static str> {
        self.column.map(|(_, name)| name)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}", self.file, self.line)?;
        if let Some((index, name)) = self.column {
            write!(f, ", column {index} ({name})")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong writing or reading a CSV folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CsvError {
    /// An I/O failure not tied to one file of the folder.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// An I/O failure creating, writing, opening or reading one file.
    #[error("{}: {source}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// What failed.
        #[source]
        source: io::Error,
    },
    /// The writer was pointed at a folder that already holds a file it would write.
    #[error("{}: already exists; write a CSV folder into a new or empty folder", path.display())]
    AlreadyExists {
        /// The file that is in the way.
        path: PathBuf,
    },
    /// A statement the writer cannot put into tables so that it reads back the same.
    #[error("statement {statement_id:?}: {message}")]
    Unwritable {
        /// Id of the statement.
        statement_id: String,
        /// What is wrong with it.
        message: String,
    },
    /// `csv-metadata.json` is missing, is not JSON, or does not describe a folder of
    /// this layout.
    #[error("{}: {message}", path.display())]
    Descriptor {
        /// The descriptor file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A table is not well-formed CSV, has the wrong header, or a cell or row does not
    /// hold what its column says (file, line and column in [`Location`]).
    #[error("{location}: {message}")]
    Data {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
}

impl CsvError {
    /// Where in the folder the error is, for [`CsvError::Data`].
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        match self {
            Self::Data { location, .. } => Some(location),
            _ => None,
        }
    }

    pub(crate) fn data(location: Location, message: impl Into<String>) -> Self {
        Self::Data { location, message: message.into() }
    }

    pub(crate) fn file(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::File { path: path.into(), source }
    }
}

impl From<CsvError> for io::Error {
    fn from(error: CsvError) -> Self {
        match error {
            CsvError::Io(io) => io,
            CsvError::File { ref source, .. } => io::Error::new(source.kind(), error),
            CsvError::AlreadyExists { .. } => io::Error::new(io::ErrorKind::AlreadyExists, error),
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}
