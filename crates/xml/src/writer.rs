//! The streaming writer.

use crate::NAMESPACE;
use crate::error::XmlSerializeError;
use crate::escape::{push_attribute, push_text};
use communique_model::chrono::{Datelike, NaiveDate};
use communique_model::{Commitment, Note, Paragraph, Span, Statement, Timestamp, iso_date};
use std::io::{self, Write};

/// Writes statements as XML of the communique vocabulary ([`NAMESPACE`]).
///
/// The output is deterministic: the same records give the same bytes. Elements come in
/// the order of the schema, attributes in a fixed order, absent values are left out,
/// and, with the default indent of two spaces, each element starts on its own line
/// (text elements hold exactly their text: no indentation is ever added inside them).
///
/// ```
/// use communique_model::{Actor, Statement};
/// use communique_xml::XmlSerializer;
///
/// let statement = Statement::builder()
///     .id("nato-2022-02-16")
///     .issuer(Actor::organization("NATO"))
///     .body("We stand united.")
///     .build()?;
/// let mut writer = XmlSerializer::default().for_writer(Vec::new());
/// writer.serialize_statement(&statement)?;
/// let xml = String::from_utf8(writer.finish()?)?;
/// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<statements xmlns=\"https://w3id.org/communique/xml/1.0\">\n  <statement id=\"nato-2022-02-16\" kind=\"other\">"));
/// assert!(xml.contains("\n    <paragraph eId=\"para_1\" kind=\"body\">\n      <text>We stand united.</text>\n    </paragraph>"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct XmlSerializer {
    indent: usize,
}

impl Default for XmlSerializer {
    fn default() -> Self {
        Self { indent: 2 }
    }
}

impl XmlSerializer {
    /// A serializer with the default settings (two-space indent).
    #[deprecated(note = "use default()")]
    pub fn new() -> Self {
        Self::default()
    }

    /// Indents nested elements by `spaces` spaces per level, each on its own line; 0
    /// writes no white space between elements at all (the most compact form).
    pub fn with_indent(mut self, spaces: usize) -> Self {
        self.indent = spaces;
        self
    }

    /// A writer of one collection document (`<statements>`) to `writer`, one statement
    /// at a time.
    ///
    /// Each statement is formatted in memory first and then written whole, so a
    /// statement that cannot be written (see [`XmlSerializeError`]) leaves no trace in
    /// the output. Wrap a file in a [`std::io::BufWriter`] only if you want
    /// fewer, larger writes: every statement is already one `write_all`.
    pub fn for_writer<W: Write>(self, writer: W) -> WriterXmlSerializer<W> {
        WriterXmlSerializer { config: self, writer, started: false }
    }

    /// Writes a document whose root is the one statement (`<statement>`), and returns
    /// the writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an [`XmlSerializeError`] inside an
    /// [`io::ErrorKind::InvalidInput`] error (nothing is written then).
    pub fn serialize_document<W: Write>(&self, statement: &Statement, mut writer: W) -> io::Result<W> {
        writer.write_all(self.document_to_string(statement)?.as_bytes())?;
        Ok(writer)
    }

    /// Formats one statement exactly as [`WriterXmlSerializer::serialize_statement`]
    /// would write it into a collection, without writing: pure, so many statements can
    /// be prepared on many threads and then written in order with
    /// [`WriterXmlSerializer::write_prepared`].
    ///
    /// The result is the statement's `<statement>` element with the line break and
    /// indentation before it (UTF-8); what depends on the statements before it (the XML
    /// declaration and the `<statements>` start tag before the first) is left to the
    /// writer.
    ///
    /// # Errors
    ///
    /// [`XmlSerializeError`] when the record holds a value XML cannot carry.
    pub fn prepare(&self, statement: &Statement) -> Result<PreparedStatement> {
        let mut xml = String::with_capacity(capacity_hint(statement));
        Formatter::new(&mut xml, self.indent, &statement.id).statement(statement, 1)?;
        Ok(PreparedStatement { xml, indent: self.indent })
    }

    /// Whether [`prepare`](Self::prepare) would accept `statement`: `Ok` exactly when it
    /// is `Ok`. The statement is formatted into nothing, a few dozen KB at a time, so
    /// this costs the time of `prepare` but not its memory.
    ///
    /// # Errors
    ///
    /// The [`XmlSerializeError`] `prepare` would give.
    pub fn check(&self, statement: &Statement) -> Result {
        let mut out = String::with_capacity(2 * SPILL_AT);
        let mut nothing = io::sink();
        Formatter::streaming(&mut out, self.indent, &statement.id, &mut nothing).statement(statement, 1)
    }

    /// A document whose root is the one statement (`<statement>`), as a string ending
    /// with a newline.
    ///
    /// # Errors
    ///
    /// [`XmlSerializeError`] when the record holds a value XML cannot carry.
    pub fn document_to_string(&self, statement: &Statement) -> Result<String> {
        let mut out = String::from(DECLARATION);
        Formatter::new(&mut out, self.indent, &statement.id).statement(statement, 0)?;
        out.push('\n');
        Ok(out)
    }
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The XML declaration and the `<statements>` start tag.
fn collection_start() -> String {
    format!("{DECLARATION}<statements xmlns=\"{NAMESPACE}\">")
}

/// Bytes to reserve for a statement's XML: its texts plus room for the markup, so the
/// buffer rarely grows while formatting.
fn capacity_hint(s: &Statement) -> usize {
    let texts = s.source_text.as_ref().map_or(0, String::len)
        + s.paragraphs.iter().map(|p| p.text.len() + 160).sum::<usize>()
        + s.commitments.iter().map(|c| c.quote.len() + 640).sum::<usize>()
        + s.notes.iter().map(|n| n.message.len() + 160).sum::<usize>();
    1024 + texts + texts / 16
}

/// One statement formatted by [`XmlSerializer::prepare`], to be written by
/// [`WriterXmlSerializer::write_prepared`] of a writer with the same configuration.
///
/// Holds the statement's XML as UTF-8 bytes, ready to append to a collection, and the
/// indent it was formatted with. Owns its data (`Send + Sync + 'static`), so it can be
/// made on one thread and written on another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement {
    xml: String,
    indent: usize,
}

impl PreparedStatement {
    /// The statement's XML as it will be written: the line break and indentation before
    /// its `<statement>` element, then the element (UTF-8).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.xml
    }

    /// Length of that XML in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.xml.len()
    }

    /// True when there is no XML (never, for a prepared statement; here for `len`).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.xml.is_empty()
    }
}

/// Writes a collection document (`<statements>`) one statement at a time; made by
/// [`XmlSerializer::for_writer`].
///
/// Call [`WriterXmlSerializer::finish`] at the end: without it the document lacks its
/// closing tag.
#[derive(Debug)]
#[must_use]
pub struct WriterXmlSerializer<W: Write> {
    config: XmlSerializer,
    writer: W,
    started: bool,
}

impl<W: Write> WriterXmlSerializer<W> {
    /// Writes one statement (the XML declaration and the `<statements>` start tag
    /// first, on the first call): the bytes [`write_prepared`](Self::write_prepared) of
    /// [`XmlSerializer::prepare`] writes. A large statement (about 1 MB of XML or more)
    /// is [checked](XmlSerializer::check) first, then formatted straight into the
    /// writer, so it is never held whole as text.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an [`XmlSerializeError`] inside an
    /// [`io::ErrorKind::InvalidInput`] error, in which case nothing of this statement
    /// is written and the writer can go on with the next one.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        if capacity_hint(statement) < STREAM_FROM {
            return self.write_prepared(&self.config.prepare(statement)?);
        }
        self.config.check(statement)?;
        if !self.started {
            self.writer.write_all(collection_start().as_bytes())?;
            self.started = true;
        }
        let mut out = String::with_capacity(2 * SPILL_AT);
        let mut formatter =
            Formatter::streaming(&mut out, self.config.indent, &statement.id, &mut self.writer);
        formatter.statement(statement, 1)?;
        if let Some(error) = formatter.failed.take() {
            return Err(error);
        }
        drop(formatter);
        self.writer.write_all(out.as_bytes())
    }

    /// Writes a statement prepared by [`XmlSerializer::prepare`] of the same
    /// configuration (the XML declaration and the `<statements>` start tag first, on the
    /// first call), in one `write_all`. [`Self::serialize_statement`] is exactly this
    /// after `prepare`.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an [`io::ErrorKind::InvalidInput`] error, with nothing
    /// written, when `prepared` was made with another indent than this writer's.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        if prepared.indent != self.config.indent {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "statement prepared with an indent of {} written to a collection indented by {}",
                    prepared.indent, self.config.indent
                ),
            ));
        }
        if self.started {
            self.writer.write_all(prepared.xml.as_bytes())?;
        } else {
            let mut first = collection_start();
            first.push_str(&prepared.xml);
            self.writer.write_all(first.as_bytes())?;
            self.started = true;
        }
        Ok(())
    }

    /// Closes the collection, flushes and returns the writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn finish(mut self) -> io::Result<W> {
        let mut tail = if self.started { String::new() } else { collection_start() };
        if self.config.indent > 0 {
            tail.push('\n');
        }
        tail.push_str("</statements>\n");
        self.writer.write_all(tail.as_bytes())?;
        self.writer.flush()?;
        Ok(self.writer)
    }
}

/// Statements whose XML is about this many bytes or more are formatted straight into
/// the writer by `serialize_statement`.
const STREAM_FROM: usize = 1 << 20;

/// Bytes a streaming [`Formatter`] holds before it hands them to its sink.
const SPILL_AT: usize = 64 * 1024;

/// Formats one statement into a string, or through it into a sink.
struct Formatter<'a> {
    out: &'a mut String,
    indent: usize,
    statement: &'a str,
    /// Where the text goes as it is formatted: the string is handed over, and emptied,
    /// after each paragraph, commitment and note once it holds [`SPILL_AT`] bytes.
    sink: Option<&'a mut dyn Write>,
    /// The first error of writing to `sink`; nothing more is written after it.
    failed: Option<io::Error>,
}

type Result<T = ()> = std::result::Result<T, XmlSerializeError>;

impl<'a> Formatter<'a> {
    fn new(out: &'a mut String, indent: usize, statement: &'a str) -> Self {
        Self { out, indent, statement, sink: None, failed: None }
    }

    fn streaming(out: &'a mut String, indent: usize, statement: &'a str, sink: &'a mut dyn Write) -> Self {
        Self { out, indent, statement, sink: Some(sink), failed: None }
    }

    /// Hands the text to the sink once it holds [`SPILL_AT`] bytes (streaming only).
    fn spill(&mut self) {
        if self.out.len() < SPILL_AT {
            return;
        }
        if let Some(sink) = self.sink.as_mut() {
            if self.failed.is_none()
                && let Err(error) = sink.write_all(self.out.as_bytes())
            {
                self.failed = Some(error);
            }
            self.out.clear();
        }
    }

    fn newline(&mut self, depth: usize) {
        if self.indent > 0 {
            /// A line break and enough spaces for the usual depths in one `push_str`.
            const LINE: &str = "\n                                                                ";
            let mut width = depth * self.indent;
            let run = width.min(LINE.len() - 1);
            self.out.push_str(&LINE[..1 + run]);
            width -= run;
            while width > 0 {
                let run = width.min(LINE.len() - 1);
                self.out.push_str(&LINE[1..1 + run]);
                width -= run;
            }
        }
    }

    /// `<name` on a new line.
    fn open(&mut self, depth: usize, name: &str) {
        self.newline(depth);
        self.out.push('<');
        self.out.push_str(name);
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.newline(depth);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// ` name="value"`; `field` is the JSONPath named when the value cannot be written.
    fn attribute(&mut self, name: &str, value: &str, field: impl FnOnce() -> String) -> Result {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_attribute(self.out, value).map_err(|(offset, c)| {
            let message = format!(
                "U+{:04X} at code point {offset} cannot be carried by XML 1.0 in an attribute value",
                u32::from(c)
            );
            XmlSerializeError::new(self.statement, field(), Some(offset), message)
        })?;
        self.out.push('"');
        Ok(())
    }

    /// An attribute whose value is known to be plain ASCII without markup.
    fn plain_attribute(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// ` name="value"` for an integer (in decimal).
    fn integer_attribute(&mut self, name: &str, value: impl itoa::Integer) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(itoa::Buffer::new().format(value));
        self.out.push('"');
    }

    /// ` name="YYYY-MM-DD"`.
    fn date_attribute(&mut self, name: &str, date: NaiveDate, field: impl FnOnce() -> String) -> Result {
        self.check_year(date, field)?;
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        // The year is 1-9999 (checked above), so this is ISO 8601 YYYY-MM-DD.
        push_date(self.out, date);
        self.out.push('"');
        Ok(())
    }

    fn check_year(&self, date: NaiveDate, field: impl FnOnce() -> String) -> Result {
        if !(1..=9999).contains(&date.year()) {
            let message = format!(
                "year {} is outside 0001-9999, the years xs:date and ISO 8601 YYYY-MM-DD share",
                date.year()
            );
            return Err(XmlSerializeError::new(self.statement, field(), None, message));
        }
        Ok(())
    }

    /// `<name>text</name>` on a new line.
    fn text_element(&mut self, depth: usize, name: &str, text: &str) {
        self.open(depth, name);
        self.out.push('>');
        push_text(self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    fn optional_text(&mut self, depth: usize, name: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.text_element(depth, name, text);
        }
    }

    fn span_attributes(&mut self, span: Span) {
        self.integer_attribute("start", span.start);
        self.integer_attribute("end", span.end);
    }

    fn source_span(&mut self, depth: usize, span: Option<Span>) {
        if let Some(span) = span {
            self.open(depth, "sourceSpan");
            self.span_attributes(span);
            self.out.push_str("/>");
        }
    }

    fn date_element(&mut self, depth: usize, name: &str, date: NaiveDate, field: &str) -> Result {
        self.open(depth, "date");
        self.plain_attribute("name", name);
        self.date_attribute("date", date, || field.to_owned())?;
        self.out.push_str("/>");
        Ok(())
    }

    /// `<date name="…" date="YYYY-MM-DD" time="HH:MM[:SS[.f]]" offset="Z|±HH:MM"/>`.
    fn timestamp_element(&mut self, depth: usize, name: &str, timestamp: Timestamp, field: &str) -> Result {
        self.check_year(timestamp.date(), || field.to_owned())?;
        // The model's text form is YYYY-MM-DDTHH:MM[:SS[.f]][Z|±HH:MM] with a four-digit
        // year (checked above), so the date is the first 10 bytes and the time starts at
        // byte 11.
        let mut text = String::with_capacity(40);
        push_timestamp(&mut text, timestamp);
        let (date, rest) = (&text[..10], &text[11..]);
        let (time, offset) = rest.split_at(rest.find(['Z', '+', '-']).unwrap_or(rest.len()));
        self.open(depth, "date");
        self.plain_attribute("name", name);
        self.plain_attribute("date", date);
        self.plain_attribute("time", time);
        if !offset.is_empty() {
            self.plain_attribute("offset", offset);
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn statement(&mut self, s: &Statement, depth: usize) -> Result {
        if depth == 0 {
            // The root of a single-statement document, right after the declaration.
            self.out.push_str("<statement");
            self.plain_attribute("xmlns", NAMESPACE);
        } else {
            self.open(depth, "statement");
        }
        self.attribute("id", &s.id, || "$.id".into())?;
        self.plain_attribute("kind", s.kind.as_str());
        if let Some(language) = &s.language {
            self.attribute("xml:lang", language, || "$.language".into())?;
        }
        self.out.push('>');
        let inner = depth + 1;
        self.optional_text(inner, "title", s.title.as_deref());
        for issuer in &s.issuers {
            self.open(inner, "issuer");
            self.plain_attribute("kind", issuer.kind.as_str());
            self.out.push('>');
            self.text_element(inner + 1, "name", &issuer.name);
            self.optional_text(inner + 1, "role", issuer.role.as_deref());
            self.close(inner, "issuer");
        }
        for place in &s.places {
            self.text_element(inner, "place", place);
        }
        if let Some(issued) = s.issued {
            self.date_element(inner, "issued", issued, "$.issued")?;
        }
        if let Some(updated) = s.last_updated {
            self.timestamp_element(inner, "lastUpdated", updated, "$.last_updated")?;
        }
        if let Some(published) = s.published {
            self.timestamp_element(inner, "published", published, "$.published")?;
        }
        self.optional_text(inner, "docNumber", s.reference.as_deref());
        for keyword in &s.keywords {
            self.text_element(inner, "keyword", keyword);
        }
        if !s.source.is_empty() {
            self.open(inner, "source");
            self.out.push('>');
            self.optional_text(inner + 1, "attribution", s.source.attribution.as_deref());
            self.optional_text(inner + 1, "url", s.source.url.as_deref());
            self.optional_text(inner + 1, "via", s.source.via.as_deref());
            if let Some(retrieved) = s.source.retrieved {
                self.date_element(inner + 1, "retrieved", retrieved, "$.source.retrieved")?;
            }
            self.close(inner, "source");
        }
        if let Some(fixity) = &s.fixity {
            self.open(inner, "fixity");
            self.plain_attribute("algorithm", fixity.algorithm.as_str());
            self.attribute("digest", &fixity.digest, || "$.fixity.digest".into())?;
            self.integer_attribute("size", fixity.size);
            self.out.push_str("/>");
        }
        self.optional_text(inner, "sourceText", s.source_text.as_deref());
        for (i, paragraph) in s.paragraphs.iter().enumerate() {
            self.paragraph(inner, i, paragraph)?;
            self.spill();
        }
        for (i, commitment) in s.commitments.iter().enumerate() {
            self.commitment(inner, i, commitment)?;
            self.spill();
        }
        for (i, note) in s.notes.iter().enumerate() {
            self.note(inner, i, note)?;
            self.spill();
        }
        self.close(depth, "statement");
        Ok(())
    }

    fn paragraph(&mut self, depth: usize, i: usize, p: &Paragraph) -> Result {
        self.open(depth, "paragraph");
        self.attribute("eId", &p.id, || format!("$.paragraphs[{i}].id"))?;
        self.plain_attribute("kind", p.kind.as_str());
        if let Some(speaker) = &p.speaker {
            self.attribute("speaker", speaker, || format!("$.paragraphs[{i}].speaker"))?;
        }
        self.out.push('>');
        self.optional_text(depth + 1, "num", p.number.as_deref());
        self.text_element(depth + 1, "text", &p.text);
        self.source_span(depth + 1, p.source_span);
        self.close(depth, "paragraph");
        Ok(())
    }

    fn commitment(&mut self, depth: usize, i: usize, c: &Commitment) -> Result {
        let path = |field: &str| format!("$.commitments[{i}].{field}");
        self.open(depth, "commitment");
        self.attribute("eId", &c.id, || path("id"))?;
        self.attribute("paragraph", &c.paragraph, || path("paragraph"))?;
        self.plain_attribute("kind", c.kind.as_str());
        if c.future_oriented {
            self.plain_attribute("futureOriented", "true");
        }
        if c.conditional {
            self.plain_attribute("conditional", "true");
        }
        self.out.push('>');
        let inner = depth + 1;
        self.open(inner, "quote");
        self.span_attributes(c.span);
        self.out.push('>');
        push_text(self.out, &c.quote);
        self.out.push_str("</quote>");
        self.optional_text(inner, "actor", c.actor.as_deref());
        self.optional_text(inner, "actorResolved", c.actor_resolved.as_deref());
        self.optional_text(inner, "addressee", c.addressee.as_deref());
        self.optional_text(inner, "cue", c.cue.as_deref());
        self.optional_text(inner, "intensifier", c.intensifier.as_deref());
        for reference in &c.references {
            self.text_element(inner, "reference", reference);
        }
        let method = &c.method;
        self.open(inner, "method");
        self.plain_attribute("type", method.kind.as_str());
        if let Some(rule) = &method.rule {
            self.attribute("rule", rule, || path("method.rule"))?;
        }
        if let Some(codebook) = &method.codebook {
            self.attribute("codebook", codebook, || path("method.codebook"))?;
        }
        match &method.annotator {
            Some(annotator) => {
                self.out.push('>');
                self.text_element(inner + 1, "annotator", annotator);
                self.close(inner, "method");
            }
            None => self.out.push_str("/>"),
        }
        for (j, a) in c.assessments.iter().enumerate() {
            self.open(inner, "assessment");
            self.integer_attribute("score", a.score);
            if let Some(start) = a.period_start {
                self.date_attribute("periodStart", start, || {
                    path(&format!("assessments[{j}].period_start"))
                })?;
            }
            if let Some(end) = a.period_end {
                self.date_attribute("periodEnd", end, || path(&format!("assessments[{j}].period_end")))?;
            }
            self.out.push('>');
            self.optional_text(inner + 1, "evidence", a.evidence.as_deref());
            self.text_element(inner + 1, "assessor", &a.assessor);
            self.close(inner, "assessment");
        }
        self.close(depth, "commitment");
        Ok(())
    }

    fn note(&mut self, depth: usize, i: usize, n: &Note) -> Result {
        self.open(depth, "note");
        self.attribute("code", &n.code, || format!("$.notes[{i}].code"))?;
        self.out.push('>');
        self.text_element(depth + 1, "message", &n.message);
        self.source_span(depth + 1, n.source_span);
        self.close(depth, "note");
        Ok(())
    }
}

/// Appends `date` as `YYYY-MM-DD`.
fn push_date(out: &mut String, date: NaiveDate) {
    out.push_str(&iso_date(date));
}

/// Appends `timestamp` as the model prints it (`YYYY-MM-DDTHH:MM[:SS[.f]][Z|±HH:MM]`).
fn push_timestamp(out: &mut String, timestamp: Timestamp) {
    out.push_str(&timestamp.to_iso());
}
