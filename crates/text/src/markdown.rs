//! Markdown ingest (in progress).

use crate::{IngestError, IngestOptions};
use communique_model::Statement;

/// Ingests markdown (in progress).
///
/// # Errors
///
/// Always, for now.
pub fn ingest_markdown(
    _text: &str,
    _bytes: &[u8],
    _options: &IngestOptions,
) -> Result<Statement, IngestError> {
    Err(IngestError::Unimplemented("markdown"))
}
