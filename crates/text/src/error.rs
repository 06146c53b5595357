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
    /// Reading the input failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Not yet written (development placeholder, removed before release).
    #[error("not implemented: {0}")]
    Unimplemented(&'static str),
}

impl From<IngestError> for io::Error {
    fn from(error: IngestError) -> Self {
        match error {
            IngestError::Io(error) => error,
            IngestError::InvalidUtf8 { .. } => io::Error::new(io::ErrorKind::InvalidData, error),
            other => io::Error::new(io::ErrorKind::InvalidInput, other),
        }
    }
}
