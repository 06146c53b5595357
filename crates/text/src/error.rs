//! Errors of ingest.

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
    /// Not yet written (development placeholder, removed before release).
    #[error("not implemented: {0}")]
    Unimplemented(&'static str),
}
