//! The crate's error type.

use std::fmt;
use std::io;

/// An error reading a WARC file, with where it happened.
///
/// [`Error::record`] and [`Error::offset`] say which record (counting from 1) and at
/// which byte offset of the file it starts (in a `.warc.gz`, the offset of its gzip
/// member), so a reader can find it with `dd` or a CDX index.
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    record: Option<u64>,
    offset: Option<u64>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the input failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The input is not a well-formed WARC record (or its HTTP message cannot be read).
    #[error("malformed: {0}")]
    Malformed(String),
    /// A digest field does not hold for the bytes it covers.
    #[error("{field} {declared} does not match the bytes (computed {computed})")]
    DigestMismatch {
        /// `WARC-Payload-Digest` or `WARC-Block-Digest`.
        field: &'static str,
        /// The value the record declares.
        declared: String,
        /// The digest of the bytes, same algorithm, base32.
        computed: String,
    },
    /// A record is longer than the reader accepts.
    #[error("record longer than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes ([`crate::warc::WarcReader::with_max_record_bytes`]).
        limit: u64,
    },
    /// A field the record needs is absent.
    #[error("no {0} field")]
    MissingField(&'static str),
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Self(Box::new(Inner { kind, record: None, offset: None }))
    }

    pub(crate) fn at_record(mut self, record: u64, offset: u64) -> Self {
        self.0.record = Some(record);
        self.0.offset = Some(offset);
        self
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Number of the record (from 1) the error is about.
    #[must_use]
    pub fn record(&self) -> Option<u64> {
        self.0.record
    }

    /// Byte offset in the file of that record (of its gzip member in a `.warc.gz`).
    #[must_use]
    pub fn offset(&self) -> Option<u64> {
        self.0.offset
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.record, self.0.offset) {
            (Some(record), Some(offset)) => {
                write!(f, "WARC record {record} at byte {offset}: {}", self.0.kind)
            }
            _ => write!(f, "{}", self.0.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::Io(error) => Some(error),
            _ => None,
        }
    }
}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Self::new(ErrorKind::Io(error))
    }
}

impl From<Error> for io::Error {
    fn from(error: Error) -> Self {
        match error.0.kind {
            ErrorKind::Io(inner) => inner,
            _ => io::Error::new(io::ErrorKind::InvalidData, error),
        }
    }
}
