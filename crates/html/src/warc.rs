//! Reading WARC files (ISO 28500:2017, WARC 1.1; WARC 1.0 records read the same way).
//!
//! A WARC file is a sequence of records. Each record is a version line (`WARC/1.1`),
//! named header fields (`WARC-Type: response`), an empty line, a block of exactly
//! `Content-Length` bytes and two CRLF. A `.warc.gz` file compresses every record as a
//! gzip member of its own (the WARC 1.1 annex on compression; `warcio`, Heritrix, wget
//! and Browsertrix write them so), and a file whose first bytes are the gzip magic is
//! read member by member. A member holding several records is read too.
//!
//! [`WarcReader`] yields every record ([`WarcRecord`]); [`WarcRecord::html_response`]
//! turns a `response` record whose HTTP payload is `text/html` into an
//! [`HtmlResponse`] after checking `WARC-Payload-Digest` (and `WARC-Block-Digest`) against
//! the bytes; [`WarcReader::html_responses`] does both for a whole file.
//!
//! Hostile input never panics: every malformed record is an [`Error`] naming the record
//! number and its byte offset in the file, and a record larger than
//! [`WarcReader::with_max_record_bytes`] is refused before it is read into memory.

use crate::error::{Error, ErrorKind};
use flate2::bufread::GzDecoder;
use sha1::Digest as _;
use std::io::{self, BufRead, Read};

/// Default for [`WarcReader::with_max_record_bytes`]: 256 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 256 * 1024 * 1024;

/// Longest header section (version line and fields) read before the record is
/// refused: 1 MiB.
const MAX_HEADER_BYTES: u64 = 1024 * 1024;

/// Reads the records of a WARC file, compressed or not, one at a time.
///
/// ```
/// use communique_html::warc::WarcReader;
/// let file = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
/// Content-Length: 5\r\n\r\nhello\r\n\r\n";
/// let records: Vec<_> = WarcReader::new(&file[..]).collect::<Result<_, _>>().unwrap();
/// assert_eq!(records.len(), 1);
/// assert_eq!(records[0].record_type(), Some("warcinfo"));
/// assert_eq!(records[0].block(), b"hello");
/// ```
#[derive(Debug)]
#[must_use]
pub struct WarcReader<R> {
    input: Counting<R>,
    /// Decompressed records of the current gzip member not yet parsed.
    member: Option<io::Cursor<Vec<u8>>>,
    /// File offset at which the current gzip member starts.
    member_offset: u64,
    gzip: Option<bool>,
    next_number: u64,
    max_record_bytes: u64,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader over `input`, a `.warc` or `.warc.gz` file (told apart by its first bytes).
    pub fn new(input: R) -> Self {
        Self {
            input: Counting { inner: input, position: 0 },
            member: None,
            member_offset: 0,
            gzip: None,
            next_number: 1,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            done: false,
        }
    }

    /// Refuses records whose block (or decompressed gzip member) is longer than `bytes`
    /// with [`ErrorKind::TooLarge`] instead of reading them into memory.
    pub fn with_max_record_bytes(mut self, bytes: u64) -> Self {
        self.max_record_bytes = bytes;
        self
    }

    /// The `response` records whose HTTP payload is HTML, digests checked: each item is
    /// what [`WarcRecord::html_response`] gives for a record that holds a page; other
    /// records are skipped, errors are passed on.
    pub fn html_responses(self) -> impl Iterator<Item = Result<HtmlResponse, Error>> {
        self.filter_map(|record| match record {
            Ok(record) => record.html_response().transpose(),
            Err(error) => Some(Err(error)),
        })
    }

    fn fail(&mut self, kind: ErrorKind, offset: u64) -> Error {
        self.done = true;
        Error::new(kind).at_record(self.next_number, offset)
    }

    fn next_record(&mut self) -> Result<Option<WarcRecord>, Error> {
        let gzip = match self.gzip {
            Some(gzip) => gzip,
            None => {
                let gzip = match self.input.fill_buf() {
                    Ok(start) => start.starts_with(&[0x1f, 0x8b]),
                    Err(error) => return Err(self.fail(error.into(), 0)),
                };
                self.gzip = Some(gzip);
                gzip
            }
        };
        if !gzip {
            let offset = self.input.position;
            let max = self.max_record_bytes;
            return match read_record(&mut self.input, max) {
                Ok(None) => Ok(None),
                Ok(Some(parts)) => Ok(Some(self.finish(parts, offset))),
                Err(kind) => Err(self.fail(kind, offset)),
            };
        }
        loop {
            if let Some(member) = &mut self.member {
                if member.position() < member.get_ref().len() as u64 {
                    let offset = self.member_offset;
                    let max = self.max_record_bytes;
                    return match read_record(member, max) {
                        Ok(Some(parts)) => Ok(Some(self.finish(parts, offset))),
                        Ok(None) => {
                            self.member = None;
                            continue;
                        }
                        Err(kind) => Err(self.fail(kind, offset)),
                    };
                }
                self.member = None;
            }
            self.member_offset = self.input.position;
            let offset = self.member_offset;
            let at_end = match self.input.fill_buf() {
                Ok(rest) => rest.is_empty(),
                Err(error) => return Err(self.fail(error.into(), offset)),
            };
            if at_end {
                return Ok(None);
            }
            let mut bytes = Vec::new();
            let limit = self.max_record_bytes.saturating_add(MAX_HEADER_BYTES);
            let read = GzDecoder::new(&mut self.input).take(limit.saturating_add(1)).read_to_end(&mut bytes);
            match read {
                Ok(_) if bytes.len() as u64 > limit => {
                    return Err(self.fail(ErrorKind::TooLarge { limit: self.max_record_bytes }, offset));
                }
                Ok(_) if bytes.is_empty() => {
                    return Err(self.fail(ErrorKind::Malformed("empty gzip member".into()), offset));
                }
                Ok(_) => self.member = Some(io::Cursor::new(bytes)),
                Err(error) => {
                    let kind = ErrorKind::Malformed(format!("gzip member cannot be decompressed: {error}"));
                    return Err(self.fail(kind, offset));
                }
            }
        }
    }

    fn finish(&mut self, (version, headers, block): RecordParts, offset: u64) -> WarcRecord {
        let number = self.next_number;
        self.next_number += 1;
        WarcRecord { number, offset, version, headers, block }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(error) => Some(Err(error)),
        }
    }
}

/// A reader that counts the bytes consumed from it, so records know their file offset.
#[derive(Debug)]
struct Counting<R> {
    inner: R,
    position: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.position += read as u64;
        Ok(read)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.position += amount as u64;
        self.inner.consume(amount);
    }
}

type RecordParts = (String, Vec<(String, String)>, Vec<u8>);

/// Reads one line ending in LF (CRLF or LF accepted), without its line end; `None` at the
/// end of input. Lines longer than what is left of `budget` are an error.
fn read_line(input: &mut impl BufRead, budget: &mut u64) -> Result<Option<Vec<u8>>, ErrorKind> {
    let mut line = Vec::new();
    let read = input.by_ref().take(*budget + 1).read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if read as u64 > *budget {
        return Err(ErrorKind::Malformed("header section longer than 1 MiB".into()));
    }
    *budget -= read as u64;
    if line.last() != Some(&b'\n') {
        return Err(ErrorKind::Malformed("input ends inside the record header".into()));
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

/// Reads one record: `Ok(None)` at the end of input (blank lines before it are allowed).
fn read_record(input: &mut impl BufRead, max_block: u64) -> Result<Option<RecordParts>, ErrorKind> {
    let mut budget = MAX_HEADER_BYTES;
    let version = loop {
        match read_line(input, &mut budget)? {
            None => return Ok(None),
            Some(line) if line.is_empty() => continue,
            Some(line) => break line,
        }
    };
    let version = String::from_utf8(version)
        .ok()
        .filter(|v| v.starts_with("WARC/") && v.len() <= 16)
        .ok_or_else(|| ErrorKind::Malformed("record does not start with a WARC/ version line".into()))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let line = read_line(input, &mut budget)?
            .ok_or_else(|| ErrorKind::Malformed("input ends inside the record header".into()))?;
        if line.is_empty() {
            break;
        }
        let line =
            String::from_utf8(line).map_err(|_| ErrorKind::Malformed("header field is not UTF-8".into()))?;
        if line.starts_with([' ', '\t']) {
            // Continuation of the previous field (folded header, as RFC 2616 allowed).
            let last = headers
                .last_mut()
                .ok_or_else(|| ErrorKind::Malformed("continuation line before any header field".into()))?;
            last.1.push(' ');
            last.1.push_str(line.trim());
            continue;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| ErrorKind::Malformed(format!("header line without a colon: {line:?}")))?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("Content-Length"))
        .ok_or_else(|| ErrorKind::Malformed("no Content-Length field".into()))?
        .1
        .parse::<u64>()
        .map_err(|_| ErrorKind::Malformed("Content-Length is not a number".into()))?;
    if length > max_block {
        return Err(ErrorKind::TooLarge { limit: max_block });
    }
    let mut block = Vec::with_capacity(usize::try_from(length.min(1 << 20)).unwrap_or(0));
    input.by_ref().take(length).read_to_end(&mut block)?;
    if (block.len() as u64) < length {
        return Err(ErrorKind::Malformed(format!("block ends after {} of its {length} bytes", block.len())));
    }
    let mut end = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        let read = input.read(&mut end[got..])?;
        if read == 0 {
            break;
        }
        got += read;
    }
    if &end[..got] != b"\r\n\r\n" {
        return Err(ErrorKind::Malformed("block is not followed by CRLF CRLF".into()));
    }
    Ok(Some((version, headers, block)))
}

/// One WARC record: its header fields and its block, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    number: u64,
    offset: u64,
    version: String,
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl WarcRecord {
    /// Position of the record in its file, counting from 1.
    #[must_use]
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Byte offset in the file where the record starts; in a `.warc.gz`, where the gzip
    /// member holding it starts (what a CDX index records).
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The version line, e.g. `WARC/1.1`.
    #[must_use]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Header fields in file order, names as written, values trimmed.
    #[must_use]
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The first value of field `name` (compared ASCII case-insensitively).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// `WARC-Type` (`warcinfo`, `response`, `request`, `resource`, `metadata`, …).
    #[must_use]
    pub fn record_type(&self) -> Option<&str> {
        self.header("WARC-Type")
    }

    /// `WARC-Target-URI`, with the angle brackets WARC 1.0 examples put around it removed.
    #[must_use]
    pub fn target_uri(&self) -> Option<&str> {
        self.header("WARC-Target-URI").map(|uri| uri.trim_start_matches('<').trim_end_matches('>'))
    }

    /// `WARC-Date` as written (UTC, ISO 8601, e.g. `2026-02-01T10:00:00Z`).
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.header("WARC-Date")
    }

    /// The record block (`Content-Length` bytes): for a `response` record, the HTTP
    /// response as received, status line and headers included.
    #[must_use]
    pub fn block(&self) -> &[u8] {
        &self.block
    }

    /// Checks `WARC-Block-Digest`, when present, against the block.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::DigestMismatch`] when the digest does not hold;
    /// [`ErrorKind::Malformed`] when it is not `algorithm:value` of a known algorithm.
    pub fn check_block_digest(&self) -> Result<(), Error> {
        match self.header("WARC-Block-Digest") {
            Some(declared) => {
                check_digest("WARC-Block-Digest", declared, &self.block).map_err(|kind| self.error(kind))
            }
            None => Ok(()),
        }
    }

    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind).at_record(self.number, self.offset)
    }

    /// The page this record holds, when it is a `response` record whose HTTP
    /// `Content-Type` is `text/html` or `application/xhtml+xml`; `Ok(None)` for any
    /// other record.
    ///
    /// The block and payload digests are checked against the bytes as stored (the
    /// payload is the HTTP body before any transfer or content coding is removed, as
    /// `warcio` computes it); then `Transfer-Encoding: chunked` and
    /// `Content-Encoding: gzip` / `deflate` are undone for [`HtmlResponse::payload`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::DigestMismatch`] when a digest does not hold, [`ErrorKind::Malformed`]
    /// when the HTTP message cannot be read, [`ErrorKind::MissingField`] when the record
    /// has no `WARC-Target-URI`, each with the record number and offset.
    pub fn html_response(&self) -> Result<Option<HtmlResponse>, Error> {
        if !self.record_type().is_some_and(|t| t.eq_ignore_ascii_case("response")) {
            return Ok(None);
        }
        let is_http = self
            .header("Content-Type")
            .is_none_or(|t| t.to_ascii_lowercase().starts_with("application/http"));
        if !is_http {
            return Ok(None);
        }
        let http = HttpResponse::parse(&self.block).map_err(|kind| self.error(kind))?;
        let content_type = http.header("Content-Type").unwrap_or_default().to_owned();
        let media_type = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        if media_type != "text/html" && media_type != "application/xhtml+xml" {
            return Ok(None);
        }
        let raw_payload = &self.block[http.body_offset..];
        if let Some(declared) = self.header("WARC-Payload-Digest") {
            check_digest("WARC-Payload-Digest", declared, raw_payload).map_err(|kind| self.error(kind))?;
        }
        self.check_block_digest()?;
        let target_uri = self
            .target_uri()
            .ok_or_else(|| self.error(ErrorKind::MissingField("WARC-Target-URI")))?
            .to_owned();
        let mut payload = raw_payload.to_vec();
        if http.header("Transfer-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
            payload = dechunk(&payload).map_err(|kind| self.error(kind))?;
        }
        match http.header("Content-Encoding").map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            None | Some("" | "identity") => {}
            Some("gzip" | "x-gzip") => payload = inflate(flate2::read::GzDecoder::new(&payload[..]), self)?,
            Some("deflate") => payload = inflate(flate2::read::ZlibDecoder::new(&payload[..]), self)?,
            Some(other) => {
                return Err(
                    self.error(ErrorKind::Malformed(format!("unsupported Content-Encoding {other:?}")))
                );
            }
        }
        Ok(Some(HtmlResponse {
            record_number: self.number,
            record_offset: self.offset,
            target_uri,
            date: self.date().map(str::to_owned),
            status: http.status,
            http_headers: http.headers,
            content_type,
            payload,
        }))
    }
}

fn inflate(mut decoder: impl Read, record: &WarcRecord) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    decoder
        .read_to_end(&mut out)
        .map_err(|e| record.error(ErrorKind::Malformed(format!("payload cannot be decompressed: {e}"))))?;
    Ok(out)
}

/// Undoes HTTP/1.1 chunked transfer coding (RFC 9112 §7.1); trailers are dropped.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, ErrorKind> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| ErrorKind::Malformed("chunked body: chunk size line not ended".into()))?;
        let line = std::str::from_utf8(&body[..line_end]).unwrap_or("");
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| ErrorKind::Malformed(format!("chunked body: bad chunk size {size_text:?}")))?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = body
            .get(..size)
            .ok_or_else(|| ErrorKind::Malformed("chunked body: chunk longer than the body".into()))?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

/// Checks a WARC digest field (`algorithm:value`) against `bytes`.
///
/// `sha1` and `sha256` (also written `sha-1`, `sha-256`) are known; the value may be
/// base32 (RFC 4648, as WARC 1.1's examples and `warcio` write it, case-insensitive,
/// padding optional) or hex (as some crawlers write SHA-256).
fn check_digest(field: &'static str, declared: &str, bytes: &[u8]) -> Result<(), ErrorKind> {
    let (algorithm, value) = declared
        .split_once(':')
        .ok_or_else(|| ErrorKind::Malformed(format!("{field} {declared:?} is not algorithm:value")))?;
    let computed: Vec<u8> = match algorithm.trim().to_ascii_lowercase().as_str() {
        "sha1" | "sha-1" => sha1::Sha1::digest(bytes).to_vec(),
        "sha256" | "sha-256" => sha2::Sha256::digest(bytes).to_vec(),
        other => return Err(ErrorKind::Malformed(format!("{field}: unknown digest algorithm {other:?}"))),
    };
    let value = value.trim();
    let hex = to_hex(&computed);
    let base32 = to_base32(&computed);
    let matches =
        value.eq_ignore_ascii_case(&hex) || value.trim_end_matches('=').eq_ignore_ascii_case(&base32);
    if matches {
        Ok(())
    } else {
        Err(ErrorKind::DigestMismatch {
            field,
            declared: declared.to_owned(),
            computed: format!("{algorithm}:{base32}"),
        })
    }
}

fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// RFC 4648 base32 (upper case, no padding): how WARC digests are written
/// (`sha1:` followed by 32 such characters).
///
/// ```
/// assert_eq!(communique_html::warc::to_base32(b"foobar"), "MZXW6YTBOI");
/// ```
#[must_use]
pub fn to_base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u64 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u64::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The status line and headers of an HTTP/1.x response held in a WARC block.
#[derive(Debug)]
struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body_offset: usize,
}

impl HttpResponse {
    fn parse(block: &[u8]) -> Result<Self, ErrorKind> {
        let bad = |what: &str| ErrorKind::Malformed(format!("HTTP response: {what}"));
        let mut position = 0;
        let mut next_line = || -> Option<&[u8]> {
            let rest = block.get(position..)?;
            let end = rest.iter().position(|&b| b == b'\n')?;
            position += end + 1;
            let line = &rest[..end];
            Some(line.strip_suffix(b"\r").unwrap_or(line))
        };
        let status_line = next_line().ok_or_else(|| bad("no status line"))?;
        let status_line = String::from_utf8_lossy(status_line);
        let mut parts = status_line.split_whitespace();
        if !parts.next().is_some_and(|p| p.starts_with("HTTP/")) {
            return Err(bad("status line does not start with HTTP/"));
        }
        let status = parts.next().and_then(|s| s.parse().ok()).ok_or_else(|| bad("no status code"))?;
        let mut headers = Vec::new();
        loop {
            let line = next_line().ok_or_else(|| bad("headers not ended by an empty line"))?;
            if line.is_empty() {
                break;
            }
            // Header bytes outside ASCII are read as Latin-1, as RFC 9110 §5.5 allows.
            let line: String = line.iter().map(|&b| b as char).collect();
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        Ok(Self { status, headers, body_offset: position })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A page held by a WARC `response` record, digests checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlResponse {
    /// The record's number in its file (from 1).
    pub record_number: u64,
    /// Byte offset of the record (of its gzip member in a `.warc.gz`).
    pub record_offset: u64,
    /// `WARC-Target-URI`: the address the page was retrieved from.
    pub target_uri: String,
    /// `WARC-Date` as written: when it was retrieved (UTC, ISO 8601).
    pub date: Option<String>,
    /// HTTP status code.
    pub status: u16,
    /// HTTP response headers in order, values trimmed (bytes outside ASCII read as
    /// Latin-1).
    pub http_headers: Vec<(String, String)>,
    /// The HTTP `Content-Type` value, e.g. `text/html; charset=windows-1251`.
    pub content_type: String,
    /// The page bytes, transfer and content codings undone (not yet decoded to text).
    pub payload: Vec<u8>,
}

impl HtmlResponse {
    /// The `charset` parameter of the HTTP `Content-Type`, if any (quotes removed).
    #[must_use]
    pub fn charset(&self) -> Option<&str> {
        charset_parameter(&self.content_type)
    }
}

/// The `charset` parameter of a `Content-Type` value (RFC 9110 §8.3.1), quotes removed.
#[must_use]
pub fn charset_parameter(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_matches_rfc_4648_vectors() {
        // RFC 4648 §10 test vectors (padding dropped).
        for (input, expected) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(to_base32(input.as_bytes()), expected, "{input}");
        }
    }

    #[test]
    fn digests_in_base32_and_hex() {
        // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d (FIPS 180 example).
        let hex = "a9993e364706816aba3e25717850c26c9cd0d89d";
        assert!(check_digest("WARC-Payload-Digest", &format!("sha1:{hex}"), b"abc").is_ok());
        assert!(check_digest("WARC-Payload-Digest", "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", b"abc").is_ok());
        // sha256("abc") = ba7816bf… (FIPS 180 example).
        let sha256 = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert!(check_digest("WARC-Payload-Digest", sha256, b"abc").is_ok());
        assert!(matches!(
            check_digest("WARC-Payload-Digest", "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", b"abd"),
            Err(ErrorKind::DigestMismatch { .. })
        ));
        assert!(check_digest("WARC-Payload-Digest", "md5:xyz", b"abc").is_err());
    }

    #[test]
    fn dechunks() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert!(dechunk(b"ff\r\nshort").is_err());
    }

    #[test]
    fn charset_parameter_forms() {
        assert_eq!(charset_parameter("text/html; charset=UTF-8"), Some("UTF-8"));
        assert_eq!(charset_parameter("text/html;Charset=\"windows-1251\""), Some("windows-1251"));
        assert_eq!(charset_parameter("text/html"), None);
    }
}
