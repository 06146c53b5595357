//! The writer: one statement, one Akoma Ntoso document.

use crate::error::AknSerializeError;
use crate::escape::{CharForm, push_attribute, push_display_attribute, push_text};
use crate::marks::Placement;
use crate::naming::{Iris, SUBTYPE, UNKNOWN_DATE, entity_name, work_date};
use crate::{EXTENSION_NAMESPACE, MEDIA_TYPE, NAMESPACE};
use communique_model::chrono::{Datelike, NaiveDate};
use communique_model::{
    ActorKind, CommitmentKind, Paragraph, ParagraphKind, Span, Statement, TimePrecision, Timestamp, iso_date,
};
use std::io::{self, Write};

/// IRI of the codebook v1 concept scheme; a kind's concept is this and `#kind`. The
/// same IRIs name the kinds in the JSON-LD vocabulary.
const CODEBOOK_IRI: &str = "https://w3id.org/communique/codebook/v1";

/// Writes statements as Akoma Ntoso 3.0 documents, one document per statement.
///
/// A document is `<akomaNtoso>` holding one `<doc name="statement">` (Akoma Ntoso 3.0,
/// OASIS LegalDocML, `openStructure`): `<meta>` with the FRBR identification, the
/// classification, the lifecycle, the commitments in `<analysis>`, the references and
/// `<proprietary>` extension elements; `<preface>` with the title, issuers, places,
/// document number and date; `<mainBody>` with the paragraphs under their eIds, each
/// commitment marked on its quote where it can be. The crate README gives the whole
/// mapping. Output is deterministic: the same record gives the same bytes.
///
/// ```
/// use communique_akn::AknSerializer;
/// use communique_model::{Actor, Statement};
///
/// let statement = Statement::builder()
///     .id("nato-2022-02-16")
///     .issuer(Actor::organization("NATO"))
///     .issued_ymd(2022, 2, 16)
///     .body("We stand united.")
///     .build()?;
/// let document = AknSerializer::default().prepare(&statement)?;
/// assert!(document.as_str().contains(r#"<FRBRuri value="/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16"/>"#));
/// assert!(document.as_str().contains(r#"<paragraph eId="para_1">"#));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct AknSerializer {
    indent: usize,
}

impl Default for AknSerializer {
    fn default() -> Self {
        Self { indent: 2 }
    }
}

impl AknSerializer {
    /// Indents nested elements by `spaces` spaces per level, each on its own line; 0
    /// writes no white space between elements. Indentation is never added inside an
    /// element that holds text.
    pub fn with_indent(mut self, spaces: usize) -> Self {
        self.indent = spaces;
        self
    }

    /// A writer of one document to `writer`: call
    /// [`WriterAknSerializer::serialize_statement`] once, then
    /// [`WriterAknSerializer::finish`].
    pub fn for_writer<W: Write>(self, writer: W) -> WriterAknSerializer<W> {
        WriterAknSerializer { config: self, writer, written: false }
    }

    /// Formats the document of one statement, without writing it: pure, so many
    /// statements can be prepared on many threads and then written, each to its own
    /// file or with [`WriterAknSerializer::write_prepared`].
    ///
    /// # Errors
    ///
    /// [`AknSerializeError`] when the record holds a value the document cannot carry.
    pub fn prepare(&self, statement: &Statement) -> Result<PreparedStatement> {
        let mut formatter = Formatter {
            out: String::with_capacity(capacity_hint(statement)),
            indent: self.indent,
            s: statement,
            placement: Placement::of(statement),
            sink: None,
            failed: None,
        };
        formatter.document()?;
        Ok(PreparedStatement { xml: formatter.out })
    }

    /// Whether [`prepare`](Self::prepare) would accept `statement`: `Ok` exactly when it
    /// is `Ok`. The document is formatted into nothing, a few dozen KB at a time, so
    /// this costs the time of `prepare` but not its memory.
    ///
    /// # Errors
    ///
    /// The [`AknSerializeError`] `prepare` would give.
    pub fn check(&self, statement: &Statement) -> Result {
        let mut nothing = io::sink();
        Formatter {
            out: String::with_capacity(2 * SPILL_AT),
            indent: self.indent,
            s: statement,
            placement: Placement::of(statement),
            sink: Some(&mut nothing),
            failed: None,
        }
        .document()
    }
}

/// Documents of about this many bytes or more are formatted straight into the writer by
/// `serialize_statement`.
const STREAM_FROM: usize = 1 << 20;

/// Bytes a streaming [`Formatter`] holds before it hands them to its sink.
const SPILL_AT: usize = 64 * 1024;

/// Bytes to reserve for a document: its texts and room for the markup.
fn capacity_hint(s: &Statement) -> usize {
    let texts = s.source_text.as_ref().map_or(0, String::len)
        + s.paragraphs.iter().map(|p| p.text.len() + 120).sum::<usize>()
        + s.commitments.iter().map(|c| c.quote.len() + 400).sum::<usize>()
        + s.notes.iter().map(|n| n.message.len() + 120).sum::<usize>();
    4096 + texts + texts / 16
}

/// The document of one statement, formatted by [`AknSerializer::prepare`]: UTF-8, from
/// the XML declaration to the final newline. Owns its data (`Send + Sync + 'static`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement {
    xml: String,
}

impl PreparedStatement {
    /// The document.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.xml
    }

    /// The document as bytes (UTF-8).
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.xml.as_bytes()
    }

    /// Length of the document in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.xml.len()
    }

    /// True when the document is empty (never, for a prepared statement).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.xml.is_empty()
    }

    /// The document, as an owned string.
    #[must_use]
    pub fn into_string(self) -> String {
        self.xml
    }
}

/// Writes one Akoma Ntoso document; made by [`AknSerializer::for_writer`].
///
/// An Akoma Ntoso document holds one statement: write one document per statement
/// (`akn/<id>.xml`).
#[derive(Debug)]
#[must_use]
pub struct WriterAknSerializer<W: Write> {
    config: AknSerializer,
    writer: W,
    written: bool,
}

impl<W: Write> WriterAknSerializer<W> {
    /// Writes the document of `statement`: the bytes of `prepare`. A large document
    /// (about 1 MB or more) is checked first, then formatted straight into the writer,
    /// so it is never held whole as text.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an [`AknSerializeError`] as an
    /// [`io::ErrorKind::InvalidInput`] error, with nothing written; an
    /// [`io::ErrorKind::InvalidInput`] error, with nothing written, when a statement was
    /// already written (a document holds one).
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        self.refuse_second()?;
        if capacity_hint(statement) < STREAM_FROM {
            let prepared = self.config.prepare(statement)?;
            return self.write_prepared(&prepared);
        }
        // A large document: checked first (nothing is written of one the format refuses),
        // then formatted straight into the writer, never held whole.
        self.config.check(statement)?;
        let mut formatter = Formatter {
            out: String::with_capacity(2 * SPILL_AT),
            indent: self.config.indent,
            s: statement,
            placement: Placement::of(statement),
            sink: Some(&mut self.writer),
            failed: None,
        };
        formatter.document()?;
        formatter.flush_out();
        if let Some(error) = formatter.failed.take() {
            return Err(error);
        }
        self.written = true;
        Ok(())
    }

    /// Writes a document made by [`AknSerializer::prepare`], in one `write_all`.
    /// [`Self::serialize_statement`] is exactly this after `prepare`.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an [`io::ErrorKind::InvalidInput`] error, with nothing
    /// written, when a statement was already written.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        self.refuse_second()?;
        self.writer.write_all(prepared.as_bytes())?;
        self.written = true;
        Ok(())
    }

    fn refuse_second(&self) -> io::Result<()> {
        if self.written {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "an Akoma Ntoso document holds one statement: write one document per statement",
            ));
        }
        Ok(())
    }

    /// Flushes and returns the writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an [`io::ErrorKind::InvalidInput`] error when no
    /// statement was written: there is no document without one.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.written {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "no statement was written, and an Akoma Ntoso document needs one",
            ));
        }
        self.writer.flush()?;
        Ok(self.writer)
    }
}

type Result<T = ()> = std::result::Result<T, AknSerializeError>;

/// The agent every `source` attribute names: this software, as a `TLCOrganization`.
const SOURCE: &str = "#communique";

/// Formats one statement's document into `out`.
struct Formatter<'a> {
    out: String,
    indent: usize,
    s: &'a Statement,
    /// Where each commitment goes.
    placement: Placement,
    /// Where the text goes as it is formatted: `out` is handed over, and emptied, at the
    /// start of an element once it holds [`SPILL_AT`] bytes. `None`: all stays in `out`.
    sink: Option<&'a mut dyn Write>,
    /// The first error of writing to `sink`; nothing more is written after it.
    failed: Option<io::Error>,
}

/// Whom `FRBRauthor` names.
enum Authors {
    /// The issuers, `#issuer_1`, `#issuer_2`, …
    Issuers,
    /// No issuer, but a source attribution: `#attribution`.
    Attribution,
    /// Neither: `#unknownIssuer`.
    Unknown,
}

impl Formatter<'_> {
    /// Hands `out` to the sink, if there is one, and empties it.
    fn flush_out(&mut self) {
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
            self.out.push('\n');
            for _ in 0..depth * self.indent {
                self.out.push(' ');
            }
        }
    }

    /// `<name` on a new line.
    fn open(&mut self, depth: usize, name: &str) {
        if self.out.len() >= SPILL_AT {
            self.flush_out();
        }
        self.newline(depth);
        self.out.push('<');
        self.out.push_str(name);
    }

    /// `</name>` on a new line.
    fn close(&mut self, depth: usize, name: &str) {
        self.newline(depth);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// ` name="value"`, exact; `field` is the JSONPath named when it cannot be written.
    fn attribute(&mut self, name: &str, value: &str, field: impl FnOnce() -> String) -> Result {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_attribute(&mut self.out, value).map_err(|(offset, c)| {
            AknSerializeError::new(
                &self.s.id,
                field(),
                Some(offset),
                format!(
                    "U+{:04X} at code point {offset} cannot be carried by XML 1.0 in an attribute value",
                    u32::from(c)
                ),
            )
        })?;
        self.out.push('"');
        Ok(())
    }

    /// ` name="value"` for a value known to need no escaping (codes, numbers, IRIs made
    /// of unreserved characters).
    fn plain(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// ` name="value"` for display only (see [`push_display_attribute`]).
    fn display(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_display_attribute(&mut self.out, value);
        self.out.push('"');
    }

    /// `<name>text</name>` on a new line.
    fn text_element(&mut self, depth: usize, name: &str, text: &str, form: CharForm) {
        self.open(depth, name);
        self.out.push('>');
        push_text(&mut self.out, text, form);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    fn optional_extension_text(&mut self, depth: usize, name: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.text_element(depth, name, text, CharForm::Extension);
        }
    }

    /// `date` as `YYYY-MM-DD`, or an error when its year is outside 0001–9999.
    fn date(&self, date: NaiveDate, field: &str) -> Result<String> {
        if !(1..=9999).contains(&date.year()) {
            return Err(AknSerializeError::new(
                &self.s.id,
                field.to_owned(),
                None,
                format!(
                    "year {} is outside 0001-9999, the years xs:date and ISO 8601 YYYY-MM-DD share",
                    date.year()
                ),
            ));
        }
        Ok(iso_date(date).to_string())
    }

    /// The model's text of `timestamp` (`YYYY-MM-DDTHH:MM[:SS[.f]][Z|±HH:MM]`) and the
    /// `xs:dateTime` Akoma Ntoso's `date` attribute takes (seconds added when the
    /// source printed none).
    fn timestamp(&self, timestamp: Timestamp, field: &str) -> Result<(String, String)> {
        self.date(timestamp.date(), field)?;
        let exact = timestamp.to_iso().to_string();
        let mut normalised = exact.clone();
        if timestamp.precision() == TimePrecision::Minute {
            // `YYYY-MM-DDTHH:MM` is 16 bytes with a four-digit year.
            normalised.insert_str(16, ":00");
        }
        Ok((exact, normalised))
    }

    fn document(&mut self) -> Result {
        self.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso");
        self.plain("xmlns", NAMESPACE);
        self.plain("xmlns:cq", EXTENSION_NAMESPACE);
        self.out.push('>');
        self.open(1, "doc");
        self.plain("name", SUBTYPE);
        self.out.push('>');
        self.meta(2)?;
        self.preface(2)?;
        self.main_body(2)?;
        self.close(1, "doc");
        self.close(0, "akomaNtoso");
        self.out.push('\n');
        Ok(())
    }

    fn authors(&self) -> Authors {
        if !self.s.issuers.is_empty() {
            Authors::Issuers
        } else if self.s.source.attribution.is_some() {
            Authors::Attribution
        } else {
            Authors::Unknown
        }
    }

    fn frbr_authors(&mut self, depth: usize) {
        match self.authors() {
            Authors::Issuers => {
                for (i, issuer) in self.s.issuers.iter().enumerate() {
                    self.open(depth, "FRBRauthor");
                    self.plain("href", &format!("#issuer_{}", i + 1));
                    if issuer.role.is_some() {
                        self.plain("as", &format!("#issuer_{}_role", i + 1));
                    }
                    self.out.push_str("/>");
                }
            }
            Authors::Attribution => {
                self.open(depth, "FRBRauthor");
                self.plain("href", "#attribution");
                self.out.push_str("/>");
            }
            Authors::Unknown => {
                self.open(depth, "FRBRauthor");
                self.plain("href", "#unknownIssuer");
                self.out.push_str("/>");
            }
        }
    }

    fn frbr_value(&mut self, depth: usize, name: &str, value: &str) {
        self.open(depth, name);
        self.plain("value", value);
        self.out.push_str("/>");
    }

    fn meta(&mut self, depth: usize) -> Result {
        let s = self.s;
        let (date, date_name) = work_date(s);
        let field = match date_name {
            "lastUpdated" => "$.last_updated",
            "published" => "$.published",
            "retrieved" => "$.source.retrieved",
            _ => "$.issued",
        };
        let date = match date {
            Some(date) => self.date(date, field)?,
            None => UNKNOWN_DATE.to_owned(),
        };
        let iris = Iris::new(s, &date);
        self.open(depth, "meta");
        self.out.push('>');
        let d = depth + 1;

        self.open(d, "identification");
        self.plain("source", SOURCE);
        self.out.push('>');
        let frbr_date = |f: &mut Self, depth: usize| {
            f.open(depth, "FRBRdate");
            f.plain("date", &date);
            f.plain("name", date_name);
            f.out.push_str("/>");
        };
        self.open(d + 1, "FRBRWork");
        self.out.push('>');
        self.frbr_value(d + 2, "FRBRthis", &iris.work_this());
        self.frbr_value(d + 2, "FRBRuri", &iris.work);
        frbr_date(self, d + 2);
        self.frbr_authors(d + 2);
        self.frbr_value(d + 2, "FRBRcountry", crate::naming::COUNTRY);
        self.frbr_value(d + 2, "FRBRsubtype", SUBTYPE);
        self.open(d + 2, "FRBRnumber");
        self.attribute("value", &s.id, || "$.id".into())?;
        self.out.push_str("/>");
        self.close(d + 1, "FRBRWork");

        self.open(d + 1, "FRBRExpression");
        self.out.push('>');
        self.frbr_value(d + 2, "FRBRthis", &iris.expression_this());
        self.frbr_value(d + 2, "FRBRuri", &iris.expression);
        frbr_date(self, d + 2);
        self.frbr_authors(d + 2);
        self.open(d + 2, "FRBRlanguage");
        match &s.language {
            Some(language) => self.attribute("language", language, || "$.language".into())?,
            None => {
                self.plain("language", "und");
                self.plain("cq:unstated", "true");
            }
        }
        self.out.push_str("/>");
        self.close(d + 1, "FRBRExpression");

        self.open(d + 1, "FRBRManifestation");
        self.out.push('>');
        self.frbr_value(d + 2, "FRBRthis", &iris.manifestation_this());
        self.frbr_value(d + 2, "FRBRuri", &iris.manifestation());
        frbr_date(self, d + 2);
        self.open(d + 2, "FRBRauthor");
        self.plain("href", SOURCE);
        self.out.push_str("/>");
        self.frbr_value(d + 2, "FRBRformat", MEDIA_TYPE);
        self.close(d + 1, "FRBRManifestation");
        self.close(d, "identification");

        self.classification(d);
        self.lifecycle(d)?;
        self.analysis(d)?;
        self.references(d, &iris);
        self.proprietary(d)?;
        self.close(depth, "meta");
        Ok(())
    }

    /// The statement kind (dictionary `#statementKind`) and the keywords (dictionary
    /// `#keywords`, for display: the reader takes them from `<proprietary>`).
    fn classification(&mut self, depth: usize) {
        self.open(depth, "classification");
        self.plain("source", SOURCE);
        self.out.push('>');
        let kind = self.s.kind.as_str();
        self.open(depth + 1, "keyword");
        self.plain("value", kind);
        self.plain("showAs", &kind.replace('_', " "));
        self.plain("dictionary", "#statementKind");
        self.out.push_str("/>");
        for keyword in &self.s.keywords {
            self.open(depth + 1, "keyword");
            self.display("value", keyword);
            self.display("showAs", keyword);
            self.plain("dictionary", "#keywords");
            self.out.push_str("/>");
        }
        self.close(depth, "classification");
    }

    /// The dates of the statement as `xs:date` / `xs:dateTime` values, with their names.
    fn events(&self) -> Result<Vec<(&'static str, String)>> {
        let s = self.s;
        let mut events = Vec::new();
        if let Some(issued) = s.issued {
            events.push(("issued", self.date(issued, "$.issued")?));
        }
        if let Some(updated) = s.last_updated {
            events.push(("lastUpdated", self.timestamp(updated, "$.last_updated")?.1));
        }
        if let Some(published) = s.published {
            events.push(("published", self.timestamp(published, "$.published")?.1));
        }
        Ok(events)
    }

    fn lifecycle(&mut self, depth: usize) -> Result {
        let events = self.events()?;
        if events.is_empty() {
            return Ok(());
        }
        self.open(depth, "lifecycle");
        self.plain("source", SOURCE);
        self.out.push('>');
        for (name, date) in events {
            self.open(depth + 1, "eventRef");
            self.plain("eId", &format!("evt_{name}"));
            self.plain("date", &date);
            self.plain("source", "#original");
            match name {
                "issued" => self.plain("type", "generation"),
                "lastUpdated" => self.plain("type", "amendment"),
                _ => {}
            }
            self.plain("refersTo", &format!("#{name}"));
            self.out.push_str("/>");
        }
        self.close(depth, "lifecycle");
        Ok(())
    }

    /// Every commitment's coding, in record order, as `cq:commitment` elements in
    /// `<analysis><otherAnalysis>`. A stand-off commitment also has its paragraph, span
    /// and quote there.
    fn analysis(&mut self, depth: usize) -> Result {
        if self.s.commitments.is_empty() {
            return Ok(());
        }
        self.open(depth, "analysis");
        self.plain("source", SOURCE);
        self.out.push('>');
        self.open(depth + 1, "otherAnalysis");
        self.plain("source", SOURCE);
        self.out.push('>');
        let d = depth + 2;
        for (i, c) in self.s.commitments.iter().enumerate() {
            let path = |field: &str| format!("$.commitments[{i}].{field}");
            self.open(d, "cq:commitment");
            self.attribute("eId", &c.id, || path("id"))?;
            let stand_off = !self.placement.is_inline(i);
            if stand_off {
                self.attribute("paragraph", &c.paragraph, || path("paragraph"))?;
            }
            self.plain("kind", c.kind.as_str());
            if c.future_oriented {
                self.plain("futureOriented", "true");
            }
            if c.conditional {
                self.plain("conditional", "true");
            }
            self.out.push('>');
            if stand_off {
                self.open(d + 1, "cq:quote");
                self.span_attributes("start", "end", c.span);
                self.out.push('>');
                push_text(&mut self.out, &c.quote, CharForm::Extension);
                self.out.push_str("</cq:quote>");
            }
            self.optional_extension_text(d + 1, "cq:actor", c.actor.as_deref());
            self.optional_extension_text(d + 1, "cq:actorResolved", c.actor_resolved.as_deref());
            self.optional_extension_text(d + 1, "cq:addressee", c.addressee.as_deref());
            self.optional_extension_text(d + 1, "cq:cue", c.cue.as_deref());
            self.optional_extension_text(d + 1, "cq:intensifier", c.intensifier.as_deref());
            for reference in &c.references {
                self.text_element(d + 1, "cq:reference", reference, CharForm::Extension);
            }
            let method = &c.method;
            self.open(d + 1, "cq:method");
            self.plain("type", method.kind.as_str());
            if let Some(rule) = &method.rule {
                self.attribute("rule", rule, || path("method.rule"))?;
            }
            if let Some(codebook) = &method.codebook {
                self.attribute("codebook", codebook, || path("method.codebook"))?;
            }
            match &method.annotator {
                Some(annotator) => {
                    self.out.push('>');
                    self.text_element(d + 2, "cq:annotator", annotator, CharForm::Extension);
                    self.close(d + 1, "cq:method");
                }
                None => self.out.push_str("/>"),
            }
            for (j, a) in c.assessments.iter().enumerate() {
                self.open(d + 1, "cq:assessment");
                self.plain("score", &a.score.to_string());
                if let Some(start) = a.period_start {
                    let date = self.date(start, &path(&format!("assessments[{j}].period_start")))?;
                    self.plain("periodStart", &date);
                }
                if let Some(end) = a.period_end {
                    let date = self.date(end, &path(&format!("assessments[{j}].period_end")))?;
                    self.plain("periodEnd", &date);
                }
                self.out.push('>');
                self.optional_extension_text(d + 2, "cq:evidence", a.evidence.as_deref());
                self.text_element(d + 2, "cq:assessor", &a.assessor, CharForm::Extension);
                self.close(d + 1, "cq:assessment");
            }
            self.close(d, "cq:commitment");
        }
        self.close(depth + 1, "otherAnalysis");
        self.close(depth, "analysis");
        Ok(())
    }

    fn span_attributes(&mut self, start: &str, end: &str, span: Span) {
        self.plain(start, &span.start.to_string());
        self.plain(end, &span.end.to_string());
    }

    fn tlc(&mut self, depth: usize, element: &str, eid: &str, href: &str, show_as: &str) {
        self.open(depth, element);
        self.plain("eId", eid);
        self.plain("href", href);
        self.display("showAs", show_as);
        self.out.push_str("/>");
    }

    /// The ontology entries every `refersTo`, `href` and `source` of the document
    /// points at (display names; the reader takes names from the preface).
    fn references(&mut self, depth: usize, iris: &Iris) {
        let s = self.s;
        self.open(depth, "references");
        self.plain("source", SOURCE);
        self.out.push('>');
        let d = depth + 1;
        self.open(d, "original");
        self.plain("eId", "original");
        self.plain("href", &iris.work_this());
        self.display("showAs", s.title.as_deref().unwrap_or(&s.id));
        self.out.push_str("/>");
        self.tlc(d, "TLCOrganization", "communique", "https://w3id.org/communique", "communique");
        for (i, issuer) in s.issuers.iter().enumerate() {
            let (element, class) = match issuer.kind {
                ActorKind::Person => ("TLCPerson", "person"),
                _ => ("TLCOrganization", "organization"),
            };
            let href = format!("/akn/ontology/{class}/int/{}", entity_name(&issuer.name));
            self.tlc(d, element, &format!("issuer_{}", i + 1), &href, &issuer.name);
            if let Some(role) = &issuer.role {
                let href = format!("/akn/ontology/role/int/{}", entity_name(role));
                self.tlc(d, "TLCRole", &format!("issuer_{}_role", i + 1), &href, role);
            }
        }
        match self.authors() {
            Authors::Issuers => {}
            Authors::Attribution => {
                let attribution = s.source.attribution.as_deref().unwrap_or_default();
                let href = format!("/akn/ontology/organization/int/{}", entity_name(attribution));
                self.tlc(d, "TLCOrganization", "attribution", &href, attribution);
            }
            Authors::Unknown => {
                self.tlc(
                    d,
                    "TLCOrganization",
                    "unknownIssuer",
                    "/akn/ontology/organization/int/unknown",
                    "unknown issuer",
                );
            }
        }
        for (i, place) in s.places.iter().enumerate() {
            let href = format!("/akn/ontology/location/int/{}", entity_name(place));
            self.tlc(d, "TLCLocation", &format!("place_{}", i + 1), &href, place);
        }
        for kind in CommitmentKind::ALL {
            if s.commitments.iter().any(|c| c.kind == kind) {
                let name = kind.as_str();
                self.tlc(d, "TLCConcept", name, &format!("{CODEBOOK_IRI}#{name}"), name);
            }
        }
        self.tlc(
            d,
            "TLCConcept",
            "statementKind",
            "https://w3id.org/communique/ns#statementKind",
            "statement kind",
        );
        if !s.keywords.is_empty() {
            self.tlc(d, "TLCConcept", "keywords", "https://schema.org/keywords", "keywords");
        }
        for (name, present) in [
            ("issued", s.issued.is_some()),
            ("lastUpdated", s.last_updated.is_some()),
            ("published", s.published.is_some()),
        ] {
            if present {
                self.tlc(d, "TLCEvent", name, &format!("/akn/ontology/event/int/{name}"), name);
            }
        }
        self.close(depth, "references");
    }

    /// What Akoma Ntoso has no element for, in the extension namespace: keywords (their
    /// exact text), the exact timestamps, the source, the fixity, the verbatim source
    /// text and the notes.
    fn proprietary(&mut self, depth: usize) -> Result {
        let s = self.s;
        let empty = s.keywords.is_empty()
            && s.last_updated.is_none()
            && s.published.is_none()
            && s.source.is_empty()
            && s.fixity.is_none()
            && s.source_text.is_none()
            && s.notes.is_empty();
        if empty {
            return Ok(());
        }
        self.open(depth, "proprietary");
        self.plain("source", SOURCE);
        self.out.push('>');
        let d = depth + 1;
        for keyword in &s.keywords {
            self.text_element(d, "cq:keyword", keyword, CharForm::Extension);
        }
        for (name, timestamp, field) in
            [("lastUpdated", s.last_updated, "$.last_updated"), ("published", s.published, "$.published")]
        {
            if let Some(timestamp) = timestamp {
                let (exact, _) = self.timestamp(timestamp, field)?;
                self.open(d, "cq:date");
                self.plain("name", name);
                self.plain("value", &exact);
                self.out.push_str("/>");
            }
        }
        if !s.source.is_empty() {
            self.open(d, "cq:source");
            self.out.push('>');
            self.optional_extension_text(d + 1, "cq:attribution", s.source.attribution.as_deref());
            self.optional_extension_text(d + 1, "cq:url", s.source.url.as_deref());
            self.optional_extension_text(d + 1, "cq:via", s.source.via.as_deref());
            if let Some(retrieved) = s.source.retrieved {
                let date = self.date(retrieved, "$.source.retrieved")?;
                self.open(d + 1, "cq:date");
                self.plain("name", "retrieved");
                self.plain("value", &date);
                self.out.push_str("/>");
            }
            self.close(d, "cq:source");
        }
        if let Some(fixity) = &s.fixity {
            self.open(d, "cq:fixity");
            self.plain("algorithm", fixity.algorithm.as_str());
            self.attribute("digest", &fixity.digest, || "$.fixity.digest".into())?;
            self.plain("size", &fixity.size.to_string());
            self.out.push_str("/>");
        }
        self.optional_extension_text(d, "cq:sourceText", s.source_text.as_deref());
        for (i, note) in s.notes.iter().enumerate() {
            self.open(d, "cq:note");
            self.attribute("code", &note.code, || format!("$.notes[{i}].code"))?;
            self.out.push('>');
            self.text_element(d + 1, "cq:message", &note.message, CharForm::Extension);
            if let Some(span) = note.source_span {
                self.open(d + 1, "cq:sourceSpan");
                self.span_attributes("start", "end", span);
                self.out.push_str("/>");
            }
            self.close(d, "cq:note");
        }
        self.close(depth, "proprietary");
        Ok(())
    }

    /// Title, issuers, places, document number and issue date as the statement prints
    /// them, each in a `<p>` of its own.
    fn preface(&mut self, depth: usize) -> Result {
        let s = self.s;
        if s.title.is_none()
            && s.issuers.is_empty()
            && s.places.is_empty()
            && s.reference.is_none()
            && s.issued.is_none()
        {
            return Ok(());
        }
        self.open(depth, "preface");
        self.out.push('>');
        let d = depth + 1;
        if let Some(title) = &s.title {
            self.open(d, "longTitle");
            self.out.push('>');
            self.open(d + 1, "p");
            self.out.push_str("><docTitle>");
            push_text(&mut self.out, title, CharForm::Marker);
            self.out.push_str("</docTitle></p>");
            self.close(d, "longTitle");
        }
        for (i, issuer) in s.issuers.iter().enumerate() {
            self.open(d, "p");
            self.plain("class", "issuer");
            self.out.push('>');
            let element = match issuer.kind {
                ActorKind::Organization => "organization",
                ActorKind::Person => "person",
                ActorKind::State | ActorKind::Group => "entity",
            };
            self.out.push('<');
            self.out.push_str(element);
            if element == "entity" {
                self.plain("name", issuer.kind.as_str());
            }
            self.plain("refersTo", &format!("#issuer_{}", i + 1));
            self.out.push('>');
            push_text(&mut self.out, &issuer.name, CharForm::Marker);
            self.out.push_str("</");
            self.out.push_str(element);
            self.out.push('>');
            if let Some(role) = &issuer.role {
                self.out.push_str("<role");
                self.plain("refersTo", &format!("#issuer_{}_role", i + 1));
                self.out.push('>');
                push_text(&mut self.out, role, CharForm::Marker);
                self.out.push_str("</role>");
            }
            self.out.push_str("</p>");
        }
        for (i, place) in s.places.iter().enumerate() {
            self.open(d, "p");
            self.plain("class", "place");
            self.out.push_str("><location");
            self.plain("refersTo", &format!("#place_{}", i + 1));
            self.out.push('>');
            push_text(&mut self.out, place, CharForm::Marker);
            self.out.push_str("</location></p>");
        }
        if let Some(reference) = &s.reference {
            self.open(d, "p");
            self.plain("class", "docNumber");
            self.out.push_str("><docNumber>");
            push_text(&mut self.out, reference, CharForm::Marker);
            self.out.push_str("</docNumber></p>");
        }
        if let Some(issued) = s.issued {
            let date = self.date(issued, "$.issued")?;
            self.open(d, "p");
            self.plain("class", "issued");
            self.out.push_str("><docDate");
            self.plain("date", &date);
            self.out.push('>');
            self.out.push_str(&date);
            self.out.push_str("</docDate></p>");
        }
        self.close(depth, "preface");
        Ok(())
    }

    fn main_body(&mut self, depth: usize) -> Result {
        let paragraphs = &self.s.paragraphs;
        self.open(depth, "mainBody");
        self.out.push('>');
        let d = depth + 1;
        if paragraphs.is_empty() {
            // `mainBody` needs content: an empty `<p>` without an eId, which is no paragraph.
            self.open(d, "p");
            self.out.push_str("/>");
        }
        let mut i = 0;
        while i < paragraphs.len() {
            let p = &paragraphs[i];
            let next_is_item = paragraphs.get(i + 1).is_some_and(|n| n.kind == ParagraphKind::ListItem);
            let introduces = p.kind == ParagraphKind::LeadIn && p.number.is_none() && next_is_item;
            if introduces || p.kind == ParagraphKind::ListItem {
                self.open(d, "blockList");
                self.out.push('>');
                if introduces {
                    self.open(d + 1, "listIntroduction");
                    self.identify(i, p)?;
                    self.out.push('>');
                    self.paragraph_text(i)?;
                    self.out.push_str("</listIntroduction>");
                    i += 1;
                }
                while let Some(item) = paragraphs.get(i).filter(|p| p.kind == ParagraphKind::ListItem) {
                    self.open(d + 1, "item");
                    self.identify(i, item)?;
                    self.out.push('>');
                    self.num(d + 2, item);
                    self.open(d + 2, "p");
                    self.out.push('>');
                    self.paragraph_text(i)?;
                    self.out.push_str("</p>");
                    self.close(d + 1, "item");
                    i += 1;
                }
                self.close(d, "blockList");
            } else {
                self.paragraph(d, i, p)?;
                i += 1;
            }
        }
        self.close(depth, "mainBody");
        Ok(())
    }

    /// ` eId="…"`; with a source span, ` cq:sourceStart="…" cq:sourceEnd="…"`; with a
    /// speaker (a transcript's turn), ` cq:speaker="…"`.
    fn identify(&mut self, i: usize, p: &Paragraph) -> Result {
        self.attribute("eId", &p.id, || format!("$.paragraphs[{i}].id"))?;
        if let Some(span) = p.source_span {
            self.span_attributes("cq:sourceStart", "cq:sourceEnd", span);
        }
        if let Some(speaker) = &p.speaker {
            self.attribute("cq:speaker", speaker, || format!("$.paragraphs[{i}].speaker"))?;
        }
        Ok(())
    }

    fn num(&mut self, depth: usize, p: &Paragraph) {
        if let Some(number) = &p.number {
            self.text_element(depth, "num", number, CharForm::Marker);
        }
    }

    /// A paragraph that is not in a list: `<paragraph>` with its number and, by kind,
    /// `<content><p>` (body), `<heading>` (heading), `<intro><p>` (lead-in), or
    /// `<content><block name="quote|preface|question">`.
    fn paragraph(&mut self, depth: usize, i: usize, p: &Paragraph) -> Result {
        self.open(depth, "paragraph");
        self.identify(i, p)?;
        self.out.push('>');
        self.num(depth + 1, p);
        let d = depth + 1;
        let (outer, inner): (&str, &str) = match p.kind {
            ParagraphKind::Body => ("content", "p"),
            ParagraphKind::ListItem => unreachable!("list items are written in a blockList"),
            ParagraphKind::Heading => ("", "heading"),
            ParagraphKind::LeadIn => ("intro", "p"),
            ParagraphKind::Quote | ParagraphKind::Preface | ParagraphKind::Question => ("content", "block"),
        };
        if !outer.is_empty() {
            self.open(d, outer);
            self.out.push('>');
        }
        self.open(if outer.is_empty() { d } else { d + 1 }, inner);
        if inner == "block" {
            self.plain("name", p.kind.as_str());
        }
        self.out.push('>');
        self.paragraph_text(i)?;
        self.out.push_str("</");
        self.out.push_str(inner);
        self.out.push('>');
        if !outer.is_empty() {
            self.close(d, outer);
        }
        self.close(depth, "paragraph");
        Ok(())
    }

    /// The text of paragraph `i`, with its inline commitments as
    /// `<inline eId="…" name="commitment" refersTo="#kind">quote</inline>`.
    fn paragraph_text(&mut self, i: usize) -> Result {
        let s = self.s;
        let text = &s.paragraphs[i].text;
        let mut copied = 0;
        for m in 0..self.placement.marks(i).len() {
            let (c, range) = self.placement.marks(i)[m].clone();
            let commitment = &s.commitments[c];
            push_text(&mut self.out, &text[copied..range.start], CharForm::Marker);
            self.out.push_str("<inline");
            self.attribute("eId", &commitment.id, || format!("$.commitments[{c}].id"))?;
            self.plain("name", "commitment");
            self.plain("refersTo", &format!("#{}", commitment.kind.as_str()));
            self.out.push('>');
            push_text(&mut self.out, &text[range.clone()], CharForm::Marker);
            self.out.push_str("</inline>");
            copied = range.end;
        }
        push_text(&mut self.out, &text[copied..], CharForm::Marker);
        Ok(())
    }
}
