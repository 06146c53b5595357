//! A page read whole: its decoded text, blocks and metadata.

use crate::blocks::{self, Block};
use crate::decode::{self, Decoded, EncodingSource};
use crate::metadata::{self, PageMetadata};
use scraper::Html;

/// How to read a page: what the transport said about it.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct HtmlReader {
    transport_charset: Option<String>,
}

impl HtmlReader {
    /// A reader that knows nothing beyond the page bytes.
    pub fn new() -> Self {
        Self::default()
    }

    /// The `charset` the HTTP `Content-Type` gave (for a page from a WARC record:
    /// [`crate::warc::HtmlResponse::charset`]); it outranks a `<meta>` declaration, as in
    /// the HTML Standard's encoding sniffing.
    pub fn with_transport_charset(mut self, charset: Option<&str>) -> Self {
        self.transport_charset = charset.map(str::to_owned);
        self
    }

    /// Reads a page from its bytes. Never fails: bytes malformed in the page's encoding
    /// become U+FFFD and markup errors are recovered from as the HTML parser does.
    pub fn read(&self, bytes: &[u8]) -> HtmlPage {
        let decoded = decode::decode(bytes, self.transport_charset.as_deref());
        HtmlPage::from_decoded(decoded)
    }
}

/// A page: its text as received (decoded to Unicode), its blocks in reading order and
/// its metadata.
#[derive(Debug, Clone)]
pub struct HtmlPage {
    source_text: String,
    encoding: &'static encoding_rs::Encoding,
    encoding_source: EncodingSource,
    had_errors: bool,
    blocks: Vec<Block>,
    metadata: PageMetadata,
}

impl HtmlPage {
    /// Reads a page already decoded to Unicode (its text is the page source).
    #[must_use]
    pub fn from_text(text: &str) -> Self {
        Self::from_decoded(Decoded {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8,
            source: EncodingSource::ValidUtf8,
            had_errors: false,
        })
    }

    fn from_decoded(decoded: Decoded) -> Self {
        let html = Html::parse_document(&decoded.text);
        let blocks = blocks::blocks(&html, &decoded.text);
        let metadata = metadata::read(&html, &blocks);
        Self {
            source_text: decoded.text,
            encoding: decoded.encoding,
            encoding_source: decoded.source,
            had_errors: decoded.had_errors,
            blocks,
            metadata,
        }
    }

    /// The page source decoded to Unicode (BOM removed): what every
    /// [`Block::source_span`] counts code points in.
    #[must_use]
    pub fn source_text(&self) -> &str {
        &self.source_text
    }

    /// The encoding the bytes were decoded from.
    #[must_use]
    pub fn encoding(&self) -> &'static encoding_rs::Encoding {
        self.encoding
    }

    /// Where that encoding came from.
    #[must_use]
    pub fn encoding_source(&self) -> EncodingSource {
        self.encoding_source
    }

    /// True when some bytes were malformed in the page's encoding (replaced by U+FFFD).
    #[must_use]
    pub fn had_decoding_errors(&self) -> bool {
        self.had_errors
    }

    /// Every visible block of the page in reading order, furniture included.
    #[must_use]
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Title, dates, canonical address, language and author, with provenance.
    #[must_use]
    pub fn metadata(&self) -> &PageMetadata {
        &self.metadata
    }
}
