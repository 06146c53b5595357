#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod address;
pub mod commitments;
mod dates;
mod error;
pub mod eval;
mod furniture;
mod header;
mod html;
mod kinds;
mod language;
mod languages;
mod layouts;
pub mod markdown;
mod offsets;
pub mod plain;
mod repeat;
mod screen;
pub mod sentences;
mod signature;
mod transcript;

pub use commitments::{extract_commitments, extract_commitments_of};
pub use error::IngestError;
pub use language::detect_language;
pub use sentences::sentences;

use communique_model::Statement;
use communique_model::chrono::NaiveDate;

/// What kind of text an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Text copied from a web page, repost, blog or mailing list.
    PlainText,
    /// Markdown with an optional YAML front-matter block (static-site and pandoc exports).
    Markdown,
    /// An HTML page as a site served it, in any encoding its bytes declare (read by
    /// `communique_html`; its blocks go through the same stages as plain text).
    Html,
}

/// Caller's settings for one ingest.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct IngestOptions {
    /// BCP 47 tag that overrides language detection.
    pub language: Option<String>,
    /// Id that overrides the derived one.
    pub id: Option<String>,
    /// Address of the official copy, when the caller knows it.
    pub source_url: Option<String>,
    /// Date the copy was retrieved, when the caller knows it.
    pub retrieved: Option<NaiveDate>,
    /// Input kind; `None` chooses by content (a leading `---` front-matter block, perhaps
    /// after a byte-order mark, means Markdown; a leading `<!DOCTYPE html` or `<html`,
    /// in any case and after white space, an HTML page).
    pub format: Option<InputFormat>,
    /// For an HTML page: the `charset` its transport declared (the HTTP `Content-Type`
    /// of a WARC record), which outranks the page's own `<meta charset>`.
    pub charset: Option<String>,
}

/// Turns the bytes of one statement into a validated [`Statement`].
///
/// An HTML page is decoded from the encoding it declares (never refused for it); the
/// record's `source_text` is the decoded page, its fixity the SHA-256 of `bytes`.
///
/// # Errors
///
/// [`IngestError`] when the bytes of a text are not UTF-8 (naming the byte offset) or
/// no statement can be made of them.
pub fn ingest(bytes: &[u8], options: &IngestOptions) -> Result<Statement, IngestError> {
    if options.format == Some(InputFormat::Html) || (options.format.is_none() && html::sniff(bytes)) {
        return html::ingest_html(bytes, options);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 { offset: e.valid_up_to() })?;
    let format = options.format.unwrap_or_else(|| {
        // A byte-order mark before the front matter is no part of it.
        let start = text.strip_prefix('\u{feff}').unwrap_or(text);
        if start.starts_with("---\n") || start.starts_with("---\r\n") {
            InputFormat::Markdown
        } else {
            InputFormat::PlainText
        }
    });
    match format {
        InputFormat::PlainText => plain::ingest_plain(text, bytes, options),
        InputFormat::Markdown => markdown::ingest_markdown(text, bytes, options),
        InputFormat::Html => html::ingest_html(bytes, options),
    }
}
