//! Errors of ingest.

use std::io;

/// Why a text could not be ingested.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The text is empty or holds only white space and control characters.
    #[error("the text is empty: there is no statement to ingest")]
    Empty,
    /// Every line is noise (share buttons, navigation, …) or metadata: no body is left.
    #[error("no statement body found: all {lines} non-blank line(s) are page furniture or metadata")]
    NoBody {
        /// Number of non-blank lines read.
        lines: usize,
    },
    /// The record made would break an invariant of the model (a defect of this crate,
    /// reported instead of returning an invalid record).
    #[error("ingest made an invalid record: {0}")]
    Invalid(Box<communique_model::ValidationErrors>),
    /// A Markdown file whose front matter cannot be read: YAML that does not parse, is
    /// not a mapping or is never closed, or a date or timestamp that does not exist.
    #[error("line {line}, column {column}: {message}")]
    Markdown {
        /// 1-based line of the file where the problem is.
        line: usize,
        /// 1-based column of that line, counted in code points.
        column: usize,
        /// What is wrong, for a person.
        message: String,
    },
    /// Reading the input failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl From<crate::markdown::MarkdownError> for IngestError {
    fn from(error: crate::markdown::MarkdownError) -> Self {
        Self::Markdown { line: error.line(), column: error.column(), message: error.message().to_owned() }
    }
}

impl From<IngestError> for io::Error {
    fn from(error: IngestError) -> Self {
        match error {
            IngestError::Io(error) => error,
            IngestError::InvalidUtf8 { .. } | IngestError::Markdown { .. } => {
                io::Error::new(io::ErrorKind::InvalidData, error)
            }
            other => io::Error::new(io::ErrorKind::InvalidInput, other),
        }
    }
}
