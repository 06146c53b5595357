//! The writer: statements to one JSON-LD document.

use crate::{CONTEXT_DOCUMENT, CONTEXT_IRI, InvalidBaseIri, iri};
use communique_model::chrono::{Datelike, NaiveDate};
use communique_model::{
    Actor, ActorKind, Assessment, CodePointIndex, Commitment, DigestAlgorithm, Note, Paragraph, Span,
    Statement, TimePrecision, Timestamp,
};
use serde_json::Value;
use std::collections::HashMap;
use std::io::{self, Write};

/// Base IRI used when none is given: a URN that no one mistakes for a web address.
/// Archives set their own, resolvable base with [`JsonLdSerializer::with_base_iri`].
pub const DEFAULT_BASE_IRI: &str = "urn:communique:";

/// Code points of paragraph text written as `prefix` and `suffix` of a
/// `TextQuoteSelector` when none is configured.
pub const DEFAULT_QUOTE_CONTEXT: usize = 32;

/// Writes statements as one JSON-LD document (JSON-LD 1.1, schema.org, Dublin Core,
/// PROV-O, the W3C Web Annotation model, codebook v1 as SKOS concepts).
///
/// The document is an object with the `@context` ([`CONTEXT_IRI`], or the context itself
/// with [`with_embedded_context(true)`](Self::with_embedded_context)) and a `@graph`
/// array holding one node per statement, in the order given; a statement's paragraphs,
/// commitments (as `oa:Annotation`s) and other parts nest inside its node. The text is
/// pretty JSON (two-space indent, keys in a fixed order, a final newline), so equal
/// statements and settings always give byte-identical output.
///
/// Node IRIs are the base IRI followed by the percent-encoded record id (the statement),
/// then `#` and the percent-encoded eId (paragraphs `#para_1`, annotations
/// `#para_1__cmt_1`) or a path (`#issuer/1`, `#place/1`, `#source`, `#fixity`,
/// `#note/1`, `#para_1__cmt_1/target`, `…/position`, `…/quote`, `…/body`, `…/method`,
/// `…/assessment/1`, `#para_1/source`). eIds cannot hold `/`, so these never clash.
///
/// ```
/// use communique_jsonld::JsonLdSerializer;
/// use communique_model::Statement;
///
/// let statement = Statement::builder().id("s1").issued_ymd(2022, 2, 16).body("We stand united.").build()?;
/// let mut writer = JsonLdSerializer::default()
///     .with_base_iri("https://archive.example/statements/")?
///     .for_writer(Vec::new());
/// writer.serialize_statement(&statement)?;
/// let text = String::from_utf8(writer.finish()?)?;
/// assert!(text.contains(r#""id": "https://archive.example/statements/s1#para_1""#));
/// assert!(text.contains(r#""datePublished": "2022-02-16""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct JsonLdSerializer {
    base_iri: String,
    embedded_context: bool,
    quote_context: usize,
}

impl Default for JsonLdSerializer {
    fn default() -> Self {
        Self {
            base_iri: DEFAULT_BASE_IRI.to_owned(),
            embedded_context: false,
            quote_context: DEFAULT_QUOTE_CONTEXT,
        }
    }
}

impl JsonLdSerializer {
    /// Node IRIs start with `base_iri` (default [`DEFAULT_BASE_IRI`]), concatenated, not
    /// resolved: `https://archive.example/statements/` gives
    /// `https://archive.example/statements/{id}`. Changing it changes node IRIs only.
    ///
    /// # Errors
    ///
    /// [`InvalidBaseIri`] unless `base_iri` is an absolute IRI (a scheme and `:`) with no
    /// fragment, white space or character RFC 3987 excludes.
    pub fn with_base_iri(mut self, base_iri: impl Into<String>) -> Result<Self, InvalidBaseIri> {
        let base_iri = base_iri.into();
        iri::check_base(&base_iri)?;
        self.base_iri = base_iri;
        Ok(self)
    }

    /// Writes the context object itself as `@context` instead of a reference to
    /// [`CONTEXT_IRI`], for consumers that cannot be given a document loader.
    pub fn with_embedded_context(mut self, embedded: bool) -> Self {
        self.embedded_context = embedded;
        self
    }

    /// Length in code points of the `prefix` and `suffix` of each `TextQuoteSelector`
    /// (default [`DEFAULT_QUOTE_CONTEXT`]; 0 writes none). Shorter at the paragraph's ends.
    pub fn with_quote_context(mut self, code_points: usize) -> Self {
        self.quote_context = code_points;
        self
    }

    /// The base IRI node IRIs start with.
    #[must_use]
    pub fn base_iri(&self) -> &str {
        &self.base_iri
    }

    /// The IRI of the statement node for a record id: base IRI and the percent-encoded id.
    #[must_use]
    pub fn statement_iri(&self, id: &str) -> String {
        format!("{}{}", self.base_iri, iri::encode(id))
    }

    /// A writer of one document into `writer` (wrap files in a `BufWriter`).
    pub fn for_writer<W: Write>(self, writer: W) -> WriterJsonLdSerializer<W> {
        WriterJsonLdSerializer { writer, config: self, started: false }
    }

    /// Formats one statement exactly as
    /// [`serialize_statement`](WriterJsonLdSerializer::serialize_statement) would write
    /// it, without writing: pure, so many statements can be prepared on many threads
    /// (the configuration is `Send + Sync`) and then written in order with
    /// [`write_prepared`](WriterJsonLdSerializer::write_prepared).
    ///
    /// The result holds the statement's node object as it stands in the `@graph` array
    /// (UTF-8 JSON, indented for that place, without the separator that
    /// `write_prepared` adds). Every [`Statement`] has a JSON-LD form, so this cannot
    /// fail: the statement is written as it is (call [`Statement::validate`] first if the
    /// output must satisfy the SHACL shapes).
    ///
    /// ```
    /// use communique_jsonld::JsonLdSerializer;
    /// use communique_model::Statement;
    ///
    /// let statements = [
    ///     Statement::builder().id("s1").body("We stand united.").build()?,
    ///     Statement::builder().id("s2").body("We will meet again.").build()?,
    /// ];
    /// let config = JsonLdSerializer::default();
    /// // The preparing can run on any thread, e.g. in a rayon `par_iter().map(...)`.
    /// let prepared: Vec<_> = statements.iter().map(|s| config.prepare(s)).collect();
    /// let mut writer = config.clone().for_writer(Vec::new());
    /// for p in &prepared {
    ///     writer.write_prepared(p)?;
    /// }
    /// let mut direct = config.for_writer(Vec::new());
    /// for s in &statements {
    ///     direct.serialize_statement(s)?;
    /// }
    /// assert_eq!(writer.finish()?, direct.finish()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare(&self, statement: &Statement) -> PreparedStatement {
        PreparedStatement { bytes: self.node_text(statement) }
    }

    /// The text of the statement's node in the `@graph`: indented by two levels, no
    /// separator, no final newline.
    fn node_text(&self, statement: &Statement) -> Vec<u8> {
        let mut out = Json::new(estimated_size(statement), GRAPH_DEPTH);
        out.indent();
        NodeWriter::new(self, statement).statement(&mut out);
        out.buf
    }
}

/// One statement formatted by [`JsonLdSerializer::prepare`], ready for
/// [`WriterJsonLdSerializer::write_prepared`].
///
/// It holds the statement's node object as UTF-8 JSON text, indented for its place in the
/// `@graph` array; the writer adds the separators and the document around it. Owned and
/// `Send + Sync`, so it can be made on one thread and written on another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement {
    bytes: Vec<u8>,
}

impl PreparedStatement {
    /// The node's JSON text (UTF-8), as [`WriterJsonLdSerializer::write_prepared`] writes it.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Writes statements into one JSON-LD document; made by [`JsonLdSerializer::for_writer`].
///
/// Each statement is written as soon as it is given, so memory does not grow with the
/// number of statements; [`finish`](Self::finish) closes the document. A writer dropped
/// without `finish` leaves an unterminated document.
#[derive(Debug)]
#[must_use]
pub struct WriterJsonLdSerializer<W: Write> {
    writer: W,
    config: JsonLdSerializer,
    started: bool,
}

impl<W: Write> WriterJsonLdSerializer<W> {
    /// Appends one statement to the `@graph`: exactly the bytes
    /// [`write_prepared`](Self::write_prepared) of [`JsonLdSerializer::prepare`] writes,
    /// formatted straight into the writer (a large statement is never held whole as
    /// text).
    ///
    /// The statement is written as it is: call [`Statement::validate`] first if the
    /// output must satisfy the SHACL shapes.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        self.separator()?;
        // Formatted straight into the writer, a few dozen KB at a time: a huge statement
        // is never held whole as text.
        let mut out = Json::streaming(&mut self.writer, GRAPH_DEPTH);
        out.indent();
        NodeWriter::new(&self.config, statement).statement(&mut out);
        out.finish()
    }

    /// The document's opening before the first statement, the separator before any
    /// other.
    fn separator(&mut self) -> io::Result<()> {
        if self.started {
            self.writer.write_all(b",\n")
        } else {
            let header = self.header();
            self.writer.write_all(header.as_bytes())?;
            self.started = true;
            Ok(())
        }
    }

    /// Appends a statement prepared by the same configuration's
    /// [`prepare`](JsonLdSerializer::prepare) to the `@graph`, after the document's
    /// opening (for the first statement) or the `,` separator (for any other).
    ///
    /// A statement prepared by a configuration with another base IRI or quote context
    /// is written with those settings, not this writer's.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        self.separator()?;
        self.writer.write_all(&prepared.bytes)
    }

    /// Closes the document (an empty `@graph` when no statement was given), flushes and
    /// returns the inner writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn finish(mut self) -> io::Result<W> {
        let text = if self.started { "\n  ]\n}\n".to_owned() } else { format!("{}  ]\n}}\n", self.header()) };
        self.writer.write_all(text.as_bytes())?;
        self.writer.flush()?;
        Ok(self.writer)
    }

    fn header(&self) -> String {
        let context = if self.config.embedded_context {
            let document: Value =
                serde_json::from_str(CONTEXT_DOCUMENT).expect("the shipped context is JSON");
            let mut text = String::new();
            push_indented(&mut text, &pretty(&document["@context"]), "  ");
            text.trim_start().to_owned()
        } else {
            Value::from(CONTEXT_IRI).to_string()
        };
        format!("{{\n  \"@context\": {context},\n  \"@graph\": [\n")
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("a JSON value always serialises")
}

/// Appends `text` with every line indented by `indent`. JSON strings never hold a raw
/// line break, so indenting lines never changes a value.
fn push_indented(out: &mut String, text: &str, indent: &str) {
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        out.push_str(line);
    }
}

/// Nesting depth of a statement node: the document object, then the `@graph` array.
const GRAPH_DEPTH: usize = 2;

/// A guess at the size of a statement's node text in bytes, so that its buffer rarely
/// grows: the texts, and the IRIs and keys each part adds (measured on generated
/// records, about 32 KB for 11 KB of JSON input).
fn estimated_size(statement: &Statement) -> usize {
    let paragraphs: usize = statement.paragraphs.iter().map(|p| p.text.len() + 600).sum();
    let commitments: usize = statement.commitments.iter().map(|c| c.quote.len() + 1_900).sum();
    4 * 1024 + paragraphs + commitments + statement.source_text.as_ref().map_or(0, String::len)
}

/// Pretty JSON text, byte for byte as `serde_json::to_string_pretty` writes it
/// (two-space indent, `": "` after keys, `,` then a new line between items, `[]` and
/// `{}` for empty containers, strings escaped as serde_json escapes them), written
/// straight into a buffer.
struct Json<'w> {
    buf: Vec<u8>,
    /// Where a long node goes as it is written: the buffer is handed over, and emptied,
    /// after each item of a list once it holds [`SPILL_AT`] bytes. `None`: everything stays
    /// in the buffer.
    sink: Option<&'w mut dyn Write>,
    /// The first error of writing to `sink`; nothing more is written after it.
    failed: Option<io::Error>,
    /// Nesting depth of the container being written (its items are indented one more).
    depth: usize,
    /// True until the current container has an item.
    first: bool,
}

const SPACES: &[u8; 64] = b"                                                                ";

/// Bytes a streaming [`Json`] holds before it hands them to its sink.
const SPILL_AT: usize = 64 * 1024;

impl<'w> Json<'w> {
    fn new(capacity: usize, depth: usize) -> Self {
        Self { buf: Vec::with_capacity(capacity), sink: None, failed: None, depth, first: true }
    }

    /// A buffer that hands what it holds to `sink` as it goes ([`Json::spill`]).
    fn streaming(sink: &'w mut dyn Write, depth: usize) -> Self {
        Self { buf: Vec::with_capacity(2 * SPILL_AT), sink: Some(sink), failed: None, depth, first: true }
    }

    /// Hands the buffer to the sink once it holds [`SPILL_AT`] bytes (a streaming buffer
    /// only; an error is kept for [`Json::finish`]).
    fn spill(&mut self) {
        if self.buf.len() >= SPILL_AT {
            self.flush_buffer();
        }
    }

    fn flush_buffer(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            if self.failed.is_none()
                && let Err(error) = sink.write_all(&self.buf)
            {
                self.failed = Some(error);
            }
            self.buf.clear();
        }
    }

    /// Hands the rest to the sink; the first error of writing to it.
    fn finish(mut self) -> io::Result<()> {
        self.flush_buffer();
        self.failed.map_or(Ok(()), Err)
    }

    fn indent(&mut self) {
        let width = 2 * self.depth;
        if let Some(spaces) = SPACES.get(..width) {
            self.buf.extend_from_slice(spaces);
        } else {
            self.buf.resize(self.buf.len() + width, b' ');
        }
    }

    /// Starts an item of the current container: the separator, a new line, the indent.
    fn item(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        self.buf.push(b'\n');
        self.indent();
    }

    /// Starts a member: `"key": `. Keys are ours: ASCII, nothing to escape.
    fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'));
        self.item();
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.buf.push(b'\n');
            self.indent();
        }
        self.buf.push(bracket);
        self.first = false;
    }

    /// `"key": [ … ]` with one member per item, each written by `member` (given its
    /// index); nothing at all for no items.
    fn list<T>(&mut self, key: &str, items: &[T], mut member: impl FnMut(&mut Self, usize, &T)) {
        if items.is_empty() {
            return;
        }
        self.key(key);
        self.open(b'[');
        for (i, item) in items.iter().enumerate() {
            self.item();
            member(self, i, item);
            self.spill();
        }
        self.close(b']');
    }

    fn string(&mut self, text: &str) {
        self.buf.push(b'"');
        escape_into(&mut self.buf, text);
        self.buf.push(b'"');
    }

    /// A string of parts that need no escaping (already escaped, or IRI fragments made of
    /// unreserved characters, `%XX`, `/` and digits).
    fn raw_string(&mut self, parts: &[&[u8]]) {
        self.buf.push(b'"');
        for part in parts {
            self.buf.extend_from_slice(part);
        }
        self.buf.push(b'"');
    }

    fn field(&mut self, key: &str, text: &str) {
        self.key(key);
        self.string(text);
    }

    fn opt(&mut self, key: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.field(key, text);
        }
    }

    fn number(&mut self, key: &str, number: u64) {
        self.key(key);
        push_u64(&mut self.buf, number);
    }

    fn boolean(&mut self, key: &str, value: bool) {
        self.key(key);
        self.buf.extend_from_slice(if value { b"true" } else { b"false" });
    }

    fn date(&mut self, key: &str, date: Option<NaiveDate>) {
        if let Some(date) = date {
            self.key(key);
            self.buf.push(b'"');
            push_date(&mut self.buf, date);
            self.buf.push(b'"');
        }
    }

    /// An array of strings under `key`, left out when empty.
    fn strings(&mut self, key: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        self.key(key);
        self.open(b'[');
        for value in values {
            self.item();
            self.string(value);
        }
        self.close(b']');
    }

    /// Opens a node object and writes its `id` (from raw parts) and `type` (one string,
    /// or an array of several).
    fn node(&mut self, id: &[&[u8]], types: &[&str]) {
        self.open(b'{');
        self.key("id");
        self.raw_string(id);
        self.key("type");
        if let [one] = types {
            self.string(one);
        } else {
            self.open(b'[');
            for one in types {
                self.item();
                self.string(one);
            }
            self.close(b']');
        }
    }
}

/// Appends `text` escaped for a JSON string as serde_json escapes it: `"` and `\\` with a
/// backslash, `\b \f \n \r \t` by name, other control characters (U+0000–U+001F) as
/// `\u00xx` in lowercase hex; every other character as it is (RFC 8259 §7). Runs of
/// characters that need no escape are found eight bytes at a time and copied at once.
fn escape_into(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes[i..].first_chunk::<8>()
            && !any_needs_escape(u64::from_le_bytes(*word))
        {
            i += 8;
            continue;
        }
        let byte = bytes[i];
        i += 1;
        if !needs_escape(byte) {
            continue;
        }
        out.extend_from_slice(&bytes[run..i - 1]);
        run = i;
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]),
        }
    }
    out.extend_from_slice(&bytes[run..]);
}

/// True for a byte JSON strings escape: a control character, `"` or `\\`.
fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// True when any of the eight bytes of `word` [`needs_escape`]. Uses the classic
/// "has a byte less than n" test, `(x - n·0x01…) & !x & 0x80…`, which may flag extra
/// bytes after a matching one but never misses one and never fires without one (n ≤ 128);
/// a byte equal to `c` is a zero byte of `x ^ c·0x01…`.
fn any_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let less_than = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let control = less_than(word, 0x20);
    let quote = less_than(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = less_than(word ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash != 0
}

/// Appends the decimal digits of `number`.
fn push_u64(out: &mut Vec<u8>, mut number: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends a date as chrono's `%Y-%m-%d` writes it (ISO 8601 calendar date; years
/// outside 0000–9999 with chrono's sign and width).
fn push_date(out: &mut Vec<u8>, date: NaiveDate) {
    match u16::try_from(date.year()) {
        Ok(year) if year <= 9999 => {
            let two = |n: u32| [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
            let year = u32::from(year);
            out.extend_from_slice(&two(year / 100));
            out.extend_from_slice(&two(year % 100));
            out.push(b'-');
            out.extend_from_slice(&two(date.month()));
            out.push(b'-');
            out.extend_from_slice(&two(date.day()));
        }
        _ => out.extend_from_slice(date.format("%Y-%m-%d").to_string().as_bytes()),
    }
}

/// The `xsd:dateTime` form of a timestamp: as printed, with `:00` seconds added when it
/// was printed to the minute (xsd:dateTime requires seconds). No offset is added: a
/// floating timestamp stays an `xsd:dateTime` without time zone (XSD 1.1 §3.3.7).
pub(crate) fn xsd_date_time(timestamp: &Timestamp) -> String {
    let mut text = timestamp.to_string();
    if timestamp.precision() == TimePrecision::Minute {
        text.insert_str(16, ":00");
    }
    text
}

/// schema.org type of an actor kind: a state is a `GovernmentOrganization`, a group an
/// `Organization`; `cq:actorKind` keeps the exact kind.
pub(crate) fn actor_types(kind: ActorKind) -> &'static [&'static str] {
    match kind {
        ActorKind::Person => &["Person", "Actor"],
        ActorKind::State => &["GovernmentOrganization", "Actor"],
        ActorKind::Organization | ActorKind::Group => &["Organization", "Actor"],
    }
}

/// Writes the node of one statement. Keys come in a fixed order, the one the reader and
/// the published examples follow; optional values and empty lists are left out.
struct NodeWriter<'a> {
    config: &'a JsonLdSerializer,
    statement: &'a Statement,
    /// The statement IRI, escaped for a JSON string.
    iri: Vec<u8>,
    /// Code-point index of each paragraph's text, built when a quote first needs it.
    indexes: Vec<Option<CodePointIndex<'a>>>,
    /// Index of the first paragraph with each eId, built when a quote first needs it:
    /// one pass over the paragraphs a statement, not one a commitment.
    paragraph_at: Option<HashMap<&'a str, usize>>,
}

impl<'a> NodeWriter<'a> {
    fn new(config: &'a JsonLdSerializer, statement: &'a Statement) -> Self {
        let mut encoded = Vec::with_capacity(statement.id.len());
        iri::encode_into(&mut encoded, &statement.id);
        let mut iri = Vec::with_capacity(config.base_iri.len() + encoded.len());
        escape_into(&mut iri, &config.base_iri);
        // Percent-encoding leaves only unreserved ASCII and `%`: nothing to escape.
        iri.extend_from_slice(&encoded);
        Self { config, statement, iri, indexes: Vec::new(), paragraph_at: None }
    }

    /// The IRI of a part, `{statement}#{fragment}`, without quotes (JSON-safe).
    fn part(&self, fragment: &[&[u8]]) -> Vec<u8> {
        let mut id = Vec::with_capacity(self.iri.len() + 32);
        id.extend_from_slice(&self.iri);
        id.push(b'#');
        for piece in fragment {
            id.extend_from_slice(piece);
        }
        id
    }

    fn statement(&mut self, out: &mut Json<'_>) {
        let s = self.statement;
        out.node(&[&self.iri], &["CreativeWork", "Statement"]);
        out.field("recordId", &s.id);
        out.opt("name", s.title.as_deref());
        out.field("statementKind", s.kind.as_str());
        out.list("author", &s.issuers, |out, i, actor| self.actor(out, i, actor));
        out.list("locationCreated", &s.places, |out, i, place| self.place(out, i, place));
        out.date("datePublished", s.issued);
        if let Some(timestamp) = &s.last_updated {
            out.field("dateModified", &xsd_date_time(timestamp));
            out.field("lastUpdatedAsPrinted", &timestamp.to_string());
        }
        if let Some(timestamp) = &s.published {
            out.field("published", &xsd_date_time(timestamp));
            out.field("publishedAsPrinted", &timestamp.to_string());
        }
        out.opt("inLanguage", s.language.as_deref());
        out.opt("identifier", s.reference.as_deref());
        out.strings("keywords", &s.keywords);
        if !s.source.is_empty() {
            let source = &s.source;
            let id = self.part(&[b"source"]);
            out.key("isBasedOn");
            out.node(&[&id], &["Entity"]);
            out.opt("creditText", source.attribution.as_deref());
            out.opt("url", source.url.as_deref());
            out.opt("via", source.via.as_deref());
            out.date("dateRetrieved", source.retrieved);
            out.close(b'}');
            out.key("wasDerivedFrom");
            out.raw_string(&[&id]);
        }
        if let Some(fixity) = &s.fixity {
            let algorithm = match fixity.algorithm {
                DigestAlgorithm::Sha256 => "spdx:checksumAlgorithm_sha256",
            };
            out.key("fixity");
            out.node(&[&self.part(&[b"fixity"])], &["Checksum"]);
            out.field("algorithm", algorithm);
            out.field("checksumValue", &fixity.digest);
            out.number("byteSize", fixity.size);
            out.close(b'}');
        }
        out.opt("sourceText", s.source_text.as_deref());
        out.list("hasPart", &s.paragraphs, |out, i, paragraph| self.paragraph(out, i, paragraph));
        out.list("commitment", &s.commitments, |out, i, commitment| self.commitment(out, i, commitment));
        out.list("note", &s.notes, |out, i, note| self.note(out, i, note));
        out.close(b'}');
    }

    fn actor(&self, out: &mut Json<'_>, index: usize, actor: &Actor) {
        let mut position = Vec::new();
        push_u64(&mut position, index as u64 + 1);
        out.node(&[&self.iri, b"#issuer/", &position], actor_types(actor.kind));
        out.number("position", index as u64 + 1);
        out.field("name", &actor.name);
        out.field("actorKind", actor.kind.as_str());
        out.opt("role", actor.role.as_deref());
        out.close(b'}');
    }

    fn place(&self, out: &mut Json<'_>, index: usize, place: &str) {
        let mut position = Vec::new();
        push_u64(&mut position, index as u64 + 1);
        out.node(&[&self.iri, b"#place/", &position], &["Place"]);
        out.number("position", index as u64 + 1);
        out.field("name", place);
        out.close(b'}');
    }

    /// A `TextPositionSelector` node with the IRI `{id}{suffix}`.
    fn selector(out: &mut Json<'_>, id: &[u8], suffix: &[u8], span: Span) {
        out.node(&[id, suffix], &["TextPositionSelector"]);
        out.number("start", span.start as u64);
        out.number("end", span.end as u64);
        out.close(b'}');
    }

    fn paragraph(&self, out: &mut Json<'_>, index: usize, paragraph: &Paragraph) {
        let mut eid = Vec::with_capacity(paragraph.id.len());
        iri::encode_into(&mut eid, &paragraph.id);
        let id = self.part(&[&eid]);
        out.node(&[&id], &["CreativeWork", "Paragraph"]);
        out.field("eId", &paragraph.id);
        out.number("position", index as u64 + 1);
        out.opt("number", paragraph.number.as_deref());
        out.field("paragraphKind", paragraph.kind.as_str());
        out.field("text", &paragraph.text);
        out.opt("speaker", paragraph.speaker.as_deref());
        if let Some(span) = paragraph.source_span {
            out.key("sourceSelector");
            Self::selector(out, &id, b"/source", span);
        }
        out.close(b'}');
    }

    fn note(&self, out: &mut Json<'_>, index: usize, note: &Note) {
        let mut position = Vec::new();
        push_u64(&mut position, index as u64 + 1);
        let id = self.part(&[b"note/", &position]);
        out.node(&[&id], &["Note"]);
        out.number("position", index as u64 + 1);
        out.field("code", &note.code);
        out.field("description", &note.message);
        if let Some(span) = note.source_span {
            out.key("sourceSelector");
            Self::selector(out, &id, b"/source", span);
        }
        out.close(b'}');
    }

    fn commitment(&mut self, out: &mut Json<'_>, index: usize, commitment: &Commitment) {
        let mut eid = Vec::with_capacity(commitment.id.len());
        iri::encode_into(&mut eid, &commitment.id);
        let id = self.part(&[&eid]);
        out.node(&[&id], &["Annotation"]);
        out.field("eId", &commitment.id);
        out.number("position", index as u64 + 1);
        out.field("motivation", "oa:classifying");

        out.key("target");
        out.node(&[&id, b"/target"], &["SpecificResource"]);
        let mut paragraph = Vec::with_capacity(commitment.paragraph.len());
        iri::encode_into(&mut paragraph, &commitment.paragraph);
        out.key("source");
        out.raw_string(&[&self.iri, b"#", &paragraph]);
        out.key("selector");
        out.open(b'[');
        out.item();
        Self::selector(out, &id, b"/position", commitment.span);
        out.item();
        out.node(&[&id, b"/quote"], &["TextQuoteSelector"]);
        out.field("exact", &commitment.quote);
        if let Some((prefix, suffix)) = self.quote_context(commitment) {
            if !prefix.is_empty() {
                out.field("prefix", prefix);
            }
            if !suffix.is_empty() {
                out.field("suffix", suffix);
            }
        }
        out.close(b'}');
        out.close(b']');
        out.close(b'}');

        out.key("body");
        out.node(&[&id, b"/body"], &["Commitment"]);
        out.key("kind");
        out.raw_string(&[b"codebook:", commitment.kind.as_str().as_bytes()]);
        out.opt("actor", commitment.actor.as_deref());
        out.opt("actorResolved", commitment.actor_resolved.as_deref());
        out.opt("addressee", commitment.addressee.as_deref());
        out.opt("cue", commitment.cue.as_deref());
        out.opt("intensifier", commitment.intensifier.as_deref());
        out.boolean("futureOriented", commitment.future_oriented);
        out.boolean("conditional", commitment.conditional);
        out.strings("reference", &commitment.references);
        let method = &commitment.method;
        out.key("method");
        out.node(&[&id, b"/method"], &["Method"]);
        out.field("methodKind", method.kind.as_str());
        out.opt("rule", method.rule.as_deref());
        out.opt("codebookVersion", method.codebook.as_deref());
        out.opt("annotator", method.annotator.as_deref());
        out.close(b'}');
        out.list("assessment", &commitment.assessments, |out, i, one| assessment(out, &id, i, one));
        out.close(b'}');
        out.close(b'}');
    }

    /// Up to `quote_context` code points of the paragraph text before and after the
    /// span; `None` when the paragraph is missing or the span does not lie on its text.
    /// Each paragraph's text is indexed once ([`CodePointIndex`]), so a quote costs at
    /// most a short walk from the nearest checkpoint, not a walk from the paragraph start.
    fn quote_context(&mut self, commitment: &Commitment) -> Option<(&'a str, &'a str)> {
        let paragraphs = &self.statement.paragraphs;
        let at = *self
            .paragraph_at
            .get_or_insert_with(|| {
                let mut at = HashMap::with_capacity(paragraphs.len());
                for (i, paragraph) in paragraphs.iter().enumerate() {
                    at.entry(paragraph.id.as_str()).or_insert(i);
                }
                at
            })
            .get(commitment.paragraph.as_str())?;
        if self.indexes.len() < paragraphs.len() {
            self.indexes.resize(paragraphs.len(), None);
        }
        let index = self.indexes[at].get_or_insert_with(|| CodePointIndex::new(&paragraphs[at].text));
        let span = commitment.span;
        let range = index.byte_range(span)?;
        let n = self.config.quote_context;
        let text = paragraphs[at].text.as_str();
        let prefix_start = index.byte_offset(span.start.saturating_sub(n))?;
        let suffix_end = index.byte_offset(span.end.saturating_add(n).min(index.len()))?;
        Some((&text[prefix_start..range.start], &text[range.end..suffix_end]))
    }
}

fn assessment(out: &mut Json<'_>, annotation: &[u8], index: usize, assessment: &Assessment) {
    let mut position = Vec::new();
    push_u64(&mut position, index as u64 + 1);
    out.node(&[annotation, b"/assessment/", &position], &["Assessment"]);
    out.number("position", index as u64 + 1);
    out.key("score");
    if assessment.score < 0 {
        out.buf.push(b'-');
    }
    push_u64(&mut out.buf, u64::from(assessment.score.unsigned_abs()));
    out.date("periodStart", assessment.period_start);
    out.date("periodEnd", assessment.period_end);
    out.opt("evidence", assessment.evidence.as_deref());
    out.field("assessor", &assessment.assessor);
    out.close(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_escaped(text: &str) -> Vec<u8> {
        serde_json::to_vec(text).expect("a string serialises")
    }

    #[test]
    fn escapes_strings_as_serde_json_does() {
        let mut every_ascii = String::new();
        for code in 0u8..0x80 {
            every_ascii.push(char::from(code));
        }
        for text in [
            "",
            "plain",
            every_ascii.as_str(),
            "«Мир» 🕊 \"quoted\" back\\slash\ttab\u{7f}\u{85}\u{2028}\u{fffe}",
            "\u{0}\u{1f}end",
            "a long run of text with nothing to escape, then \"one\" and a line\nbreak at the end\\",
            "tail after eight bytes:x\u{1}",
        ] {
            let mut json = Json::new(0, 0);
            json.string(text);
            assert_eq!(String::from_utf8(json.buf).unwrap(), String::from_utf8(serde_escaped(text)).unwrap());
        }
    }

    #[test]
    fn the_eight_byte_test_finds_exactly_the_bytes_to_escape() {
        // Every byte at every position of a word, among neighbours that need no escape
        // and among ones that do.
        for byte in 0..=u8::MAX {
            for at in 0..8 {
                for filler in [b'a', 0xFF, 0x20, 0x7F, b'"'] {
                    let mut word = [filler; 8];
                    word[at] = byte;
                    let expected = word.iter().any(|&b| needs_escape(b));
                    assert_eq!(any_needs_escape(u64::from_le_bytes(word)), expected, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn writes_pretty_json_as_serde_json_does() {
        let value = serde_json::json!({
            "a": [1, {"b": [], "c": {}}, ["x", "y"]],
            "d": {"e": true, "f": false},
            "g": []
        });
        let mut json = Json::new(0, 0);
        json.open(b'{');
        json.key("a");
        json.open(b'[');
        json.item();
        push_u64(&mut json.buf, 1);
        json.item();
        json.open(b'{');
        json.key("b");
        json.open(b'[');
        json.close(b']');
        json.key("c");
        json.open(b'{');
        json.close(b'}');
        json.close(b'}');
        json.item();
        json.open(b'[');
        for text in ["x", "y"] {
            json.item();
            json.string(text);
        }
        json.close(b']');
        json.close(b']');
        json.key("d");
        json.open(b'{');
        json.boolean("e", true);
        json.boolean("f", false);
        json.close(b'}');
        json.strings("g", &[]);
        json.key("g");
        json.open(b'[');
        json.close(b']');
        json.close(b'}');
        assert_eq!(String::from_utf8(json.buf).unwrap(), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn numbers_and_dates_as_serde_json_and_chrono_write_them() {
        for number in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            push_u64(&mut out, number);
            assert_eq!(out, number.to_string().as_bytes());
        }
        for (y, m, d) in
            [(2022, 2, 16), (5, 1, 9), (999, 12, 31), (9999, 12, 31), (10_000, 1, 1), (-1, 6, 15)]
        {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = Vec::new();
            push_date(&mut out, date);
            assert_eq!(String::from_utf8(out).unwrap(), date.format("%Y-%m-%d").to_string(), "{date:?}");
        }
    }

    #[test]
    fn quote_context_counts_code_points() {
        let statement = Statement::builder()
            .id("s")
            .body("«Мир» 🕊 now we act together.")
            .commitment("we act", communique_model::CommitmentKind::Pledge, "act")
            .build()
            .unwrap();
        let config = JsonLdSerializer::default().with_quote_context(3);
        let mut writer = NodeWriter::new(&config, &statement);
        // "we act" starts at code point 12: the 3 before are "ow ", the 3 after " to".
        assert_eq!(writer.quote_context(&statement.commitments[0]), Some(("ow ", " to")));
        let config = JsonLdSerializer::default().with_quote_context(100);
        let mut writer = NodeWriter::new(&config, &statement);
        assert_eq!(writer.quote_context(&statement.commitments[0]), Some(("«Мир» 🕊 now ", " together.")));
    }
}
