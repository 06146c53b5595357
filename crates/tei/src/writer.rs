//! The writer: one statement, one TEI document.

use crate::NAMESPACE;
use crate::error::TeiSerializeError;
use crate::escape::{push_attribute, push_text};
use crate::marks::Placement;
use communique_model::chrono::{Datelike, NaiveDate};
use communique_model::{
    ActorKind, CODEBOOK_VERSION, CommitmentKind, Paragraph, ParagraphKind, Span, SpeechActClass, Statement,
    TimePrecision, Timestamp, iso_date,
};
use std::io::{self, Write};

/// IRI of the codebook v1 concept scheme; a kind's concept is this and `#kind`. The
/// same IRIs name the kinds in the JSON-LD vocabulary.
const CODEBOOK_IRI: &str = "https://w3id.org/communique/codebook/v1";

/// `xml:id` of the element holding the verbatim source text, which source spans point
/// into.
pub(crate) const SOURCE_TEXT_ID: &str = "sourceText";

/// Writes statements as TEI P5 documents, one document per statement.
///
/// A document is `<TEI>` with a `<teiHeader>` (file description with title, issuers,
/// id, notes and the source; encoding description with the codebook as a taxonomy;
/// profile description with the date and places of creation, the language and the
/// keywords; revision description with the last update), a `<standOff>` with the
/// commitments' coding as feature structures, and `<text>` with the paragraphs in
/// `<body>` (each commitment marked `<seg ana="#kind">` on its quote where it can be)
/// and the verbatim source text in `<back>`. The crate README gives the whole mapping.
/// Output is deterministic: the same record gives the same bytes.
///
/// ```
/// use communique_model::{Actor, Statement};
/// use communique_tei::TeiSerializer;
///
/// let statement = Statement::builder()
///     .id("nato-2022-02-16")
///     .issuer(Actor::organization("NATO"))
///     .body("We stand united.")
///     .build()?;
/// let document = TeiSerializer::default().prepare(&statement)?;
/// assert!(document.as_str().contains(r#"<idno type="communique">nato-2022-02-16</idno>"#));
/// assert!(document.as_str().contains(r#"<p xml:id="para_1">We stand united.</p>"#));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct TeiSerializer {
    indent: usize,
}

impl Default for TeiSerializer {
    fn default() -> Self {
        Self { indent: 2 }
    }
}

impl TeiSerializer {
    /// Indents nested elements by `spaces` spaces per level, each on its own line; 0
    /// writes no white space between elements. Indentation is never added inside an
    /// element that holds text.
    pub fn with_indent(mut self, spaces: usize) -> Self {
        self.indent = spaces;
        self
    }

    /// A writer of one document to `writer`: call
    /// [`WriterTeiSerializer::serialize_statement`] once, then
    /// [`WriterTeiSerializer::finish`].
    pub fn for_writer<W: Write>(self, writer: W) -> WriterTeiSerializer<W> {
        WriterTeiSerializer { config: self, writer, written: false }
    }

    /// Formats the document of one statement, without writing it: pure, so many
    /// statements can be prepared on many threads and then written, each to its own
    /// file or with [`WriterTeiSerializer::write_prepared`].
    ///
    /// # Errors
    ///
    /// [`TeiSerializeError`] when the record holds a value the document cannot carry.
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
    /// The [`TeiSerializeError`] `prepare` would give.
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

/// Bytes to reserve for a document: its texts and room for the markup (the codebook
/// taxonomy alone is about 3 KB).
fn capacity_hint(s: &Statement) -> usize {
    let texts = s.source_text.as_ref().map_or(0, String::len)
        + s.paragraphs.iter().map(|p| p.text.len() + 100).sum::<usize>()
        + s.commitments.iter().map(|c| c.quote.len() + 600).sum::<usize>()
        + s.notes.iter().map(|n| n.message.len() + 120).sum::<usize>();
    6144 + texts + texts / 16
}

/// The document of one statement, formatted by [`TeiSerializer::prepare`]: UTF-8, from
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

/// Writes one TEI document; made by [`TeiSerializer::for_writer`].
///
/// A TEI document holds one statement: write one document per statement
/// (`tei/<id>.xml`).
#[derive(Debug)]
#[must_use]
pub struct WriterTeiSerializer<W: Write> {
    config: TeiSerializer,
    writer: W,
    written: bool,
}

impl<W: Write> WriterTeiSerializer<W> {
    /// Writes the document of `statement`: the bytes of `prepare`. A large document
    /// (about 1 MB or more) is checked first, then formatted straight into the writer,
    /// so it is never held whole as text.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; a [`TeiSerializeError`] as an
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

    /// Writes a document made by [`TeiSerializer::prepare`], in one `write_all`.
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
                "a TEI document holds one statement: write one document per statement",
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
                "no statement was written, and a TEI document needs one",
            ));
        }
        self.writer.flush()?;
        Ok(self.writer)
    }
}

type Result<T = ()> = std::result::Result<T, TeiSerializeError>;

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

/// A TEI string-range pointer (P5 chapter 16, the TEI XPointer schemes) to `span` of the
/// element `id`: offset and length in characters (code points), the offset counted from
/// 0. A span whose end precedes its start (which `Statement::validate` rejects) gets a
/// negative length, so that it still reads back.
pub(crate) fn string_range(id: &str, span: Span) -> String {
    let length = span.end as i128 - span.start as i128;
    format!("#string-range({id},{},{length})", span.start)
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

    fn open(&mut self, depth: usize, name: &str) {
        if self.out.len() >= SPILL_AT {
            self.flush_out();
        }
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

    /// ` name="value"`, exact; `field` is the JSONPath named when it cannot be written.
    fn attribute(&mut self, name: &str, value: &str, field: impl FnOnce() -> String) -> Result {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_attribute(&mut self.out, value).map_err(|(offset, c)| {
            TeiSerializeError::new(
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

    /// ` name="value"` for a value known to need no escaping (codes, numbers).
    fn plain(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// `<name>text</name>` on a new line.
    fn text_element(&mut self, depth: usize, name: &str, text: &str) {
        self.open(depth, name);
        self.out.push('>');
        push_text(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `date` as `YYYY-MM-DD`, or an error when its year is outside 0001–9999.
    fn date(&self, date: NaiveDate, field: &str) -> Result<String> {
        if !(1..=9999).contains(&date.year()) {
            return Err(TeiSerializeError::new(
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

    /// The model's text of `timestamp` and the `xs:dateTime` TEI's `when` takes (seconds
    /// added when the source printed none).
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
        self.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI");
        self.plain("xmlns", NAMESPACE);
        self.out.push('>');
        self.header(1)?;
        self.stand_off(1)?;
        self.text(1)?;
        self.close(0, "TEI");
        self.out.push('\n');
        Ok(())
    }

    fn header(&mut self, depth: usize) -> Result {
        let s = self.s;
        self.open(depth, "teiHeader");
        self.out.push('>');
        let d = depth + 1;
        self.open(d, "fileDesc");
        self.out.push('>');
        self.title_statement(d + 1);
        self.open(d + 1, "publicationStmt");
        self.out.push('>');
        self.text_element(d + 2, "authority", "communique");
        self.open(d + 2, "idno");
        self.plain("type", "communique");
        self.out.push('>');
        push_text(&mut self.out, &s.id);
        self.out.push_str("</idno>");
        self.close(d + 1, "publicationStmt");
        self.notes(d + 1)?;
        self.source_description(d + 1)?;
        self.close(d, "fileDesc");
        self.encoding_description(d);
        self.profile_description(d)?;
        if let Some(updated) = s.last_updated {
            let (exact, when) = self.timestamp(updated, "$.last_updated")?;
            self.open(d, "revisionDesc");
            self.out.push('>');
            self.open(d + 1, "change");
            self.plain("type", "lastUpdated");
            self.plain("when", &when);
            self.out.push('>');
            self.out.push_str(&exact);
            self.out.push_str("</change>");
            self.close(d, "revisionDesc");
        }
        self.close(depth, "teiHeader");
        Ok(())
    }

    /// The title (`type="main"`; a record without one gets `<title type="untitled"/>`, as
    /// `titleStmt` needs a title) and an `<author>` per issuer.
    fn title_statement(&mut self, depth: usize) {
        let s = self.s;
        self.open(depth, "titleStmt");
        self.out.push('>');
        match &s.title {
            Some(title) => {
                self.open(depth + 1, "title");
                self.plain("type", "main");
                self.out.push('>');
                push_text(&mut self.out, title);
                self.out.push_str("</title>");
            }
            None => {
                self.open(depth + 1, "title");
                self.plain("type", "untitled");
                self.out.push_str("/>");
            }
        }
        for issuer in &s.issuers {
            self.open(depth + 1, "author");
            self.out.push('>');
            let (element, kind) = match issuer.kind {
                ActorKind::Organization => ("orgName", None),
                ActorKind::Person => ("persName", None),
                ActorKind::State => ("name", Some("state")),
                ActorKind::Group => ("name", Some("group")),
            };
            self.out.push('<');
            self.out.push_str(element);
            if let Some(kind) = kind {
                self.plain("type", kind);
            }
            self.out.push('>');
            push_text(&mut self.out, &issuer.name);
            self.out.push_str("</");
            self.out.push_str(element);
            self.out.push('>');
            if let Some(role) = &issuer.role {
                self.out.push_str("<roleName>");
                push_text(&mut self.out, role);
                self.out.push_str("</roleName>");
            }
            self.out.push_str("</author>");
        }
        self.close(depth, "titleStmt");
    }

    /// `<notesStmt>` with a `<note type="code">` per note, pointing at its span of the
    /// source text.
    fn notes(&mut self, depth: usize) -> Result {
        if self.s.notes.is_empty() {
            return Ok(());
        }
        self.open(depth, "notesStmt");
        self.out.push('>');
        for (i, note) in self.s.notes.iter().enumerate() {
            self.open(depth + 1, "note");
            self.attribute("type", &note.code, || format!("$.notes[{i}].code"))?;
            if let Some(span) = note.source_span {
                self.plain("target", &string_range(SOURCE_TEXT_ID, span));
            }
            self.out.push('>');
            push_text(&mut self.out, &note.message);
            self.out.push_str("</note>");
        }
        self.close(depth, "notesStmt");
        Ok(())
    }

    /// `<sourceDesc><bibl type="source">`: the attribution (`publisher`), the address
    /// (`idno type="URI"`), the repost (`relatedItem type="via"`), the dates retrieved
    /// and published, the document number (`idno type="docNumber"`) and the fixity of
    /// the bytes received (`idno type="sha-256"` and `extent` in bytes).
    fn source_description(&mut self, depth: usize) -> Result {
        let s = self.s;
        self.open(depth, "sourceDesc");
        self.out.push('>');
        self.open(depth + 1, "bibl");
        self.plain("type", "source");
        let d = depth + 2;
        let empty =
            s.source.is_empty() && s.published.is_none() && s.reference.is_none() && s.fixity.is_none();
        if empty {
            self.out.push_str("/>");
            self.close(depth, "sourceDesc");
            return Ok(());
        }
        self.out.push('>');
        if let Some(attribution) = &s.source.attribution {
            self.text_element(d, "publisher", attribution);
        }
        if let Some(url) = &s.source.url {
            self.open(d, "idno");
            self.plain("type", "URI");
            self.out.push('>');
            push_text(&mut self.out, url);
            self.out.push_str("</idno>");
        }
        if let Some(via) = &s.source.via {
            self.open(d, "relatedItem");
            self.plain("type", "via");
            self.out.push_str("><bibl>");
            push_text(&mut self.out, via);
            self.out.push_str("</bibl></relatedItem>");
        }
        if let Some(retrieved) = s.source.retrieved {
            let date = self.date(retrieved, "$.source.retrieved")?;
            self.open(d, "date");
            self.plain("type", "retrieved");
            self.plain("when", &date);
            self.out.push('>');
            self.out.push_str(&date);
            self.out.push_str("</date>");
        }
        if let Some(published) = s.published {
            let (exact, when) = self.timestamp(published, "$.published")?;
            self.open(d, "date");
            self.plain("type", "published");
            self.plain("when", &when);
            self.out.push('>');
            self.out.push_str(&exact);
            self.out.push_str("</date>");
        }
        if let Some(reference) = &s.reference {
            self.open(d, "idno");
            self.plain("type", "docNumber");
            self.out.push('>');
            push_text(&mut self.out, reference);
            self.out.push_str("</idno>");
        }
        if let Some(fixity) = &s.fixity {
            self.open(d, "idno");
            self.plain("type", fixity.algorithm.as_str());
            self.out.push('>');
            push_text(&mut self.out, &fixity.digest);
            self.out.push_str("</idno>");
            let size = fixity.size.to_string();
            self.open(d, "extent");
            self.out.push_str("><measure");
            self.plain("unit", "byte");
            self.plain("quantity", &size);
            self.out.push('>');
            self.out.push_str(&size);
            self.out.push_str("</measure></extent>");
        }
        self.close(depth + 1, "bibl");
        self.close(depth, "sourceDesc");
        Ok(())
    }

    /// The codebook v1 as a taxonomy: a category per speech-act class, holding a
    /// category per kind, whose `xml:id` is the kind's name (what `ana="#kind"` points
    /// at).
    fn encoding_description(&mut self, depth: usize) {
        self.open(depth, "encodingDesc");
        self.out.push('>');
        self.open(depth + 1, "classDecl");
        self.out.push('>');
        let d = depth + 2;
        self.open(d, "taxonomy");
        self.plain("xml:id", "codebook");
        self.plain("n", CODEBOOK_VERSION);
        self.out.push('>');
        self.text_element(
            d + 1,
            "desc",
            "communique codebook: kinds of commitment a statement puts on record, by speech-act class (Searle 1976), with their nearest CAMEO and PLOVER event codes",
        );
        for class in [SpeechActClass::Commissive, SpeechActClass::Directive, SpeechActClass::Expressive] {
            self.open(d + 1, "category");
            self.plain("xml:id", class.as_str());
            self.out.push('>');
            self.text_element(d + 2, "catDesc", &format!("{} speech acts", class.as_str()));
            for kind in CommitmentKind::ALL.into_iter().filter(|k| k.speech_act_class() == class) {
                self.open(d + 2, "category");
                self.plain("xml:id", kind.as_str());
                self.plain("corresp", &format!("{CODEBOOK_IRI}#{}", kind.as_str()));
                self.out.push('>');
                let plover = kind.plover_code().map_or(String::new(), |code| format!("; PLOVER {code}"));
                let description =
                    format!("{} (CAMEO {}{plover})", kind.definition(), kind.cameo_codes().join(", "));
                self.open(d + 3, "catDesc");
                self.out.push_str("><term>");
                self.out.push_str(kind.as_str());
                self.out.push_str("</term>: ");
                push_text(&mut self.out, &description);
                self.out.push_str("</catDesc>");
                self.close(d + 2, "category");
            }
            self.close(d + 1, "category");
        }
        self.close(d, "taxonomy");
        self.close(depth + 1, "classDecl");
        self.close(depth, "encodingDesc");
    }

    /// `<creation>` with the issue date and the places of the dateline, `<langUsage>`,
    /// and the keywords as `<textClass><keywords><term>`.
    fn profile_description(&mut self, depth: usize) -> Result {
        let s = self.s;
        if s.issued.is_none() && s.places.is_empty() && s.language.is_none() && s.keywords.is_empty() {
            return Ok(());
        }
        self.open(depth, "profileDesc");
        self.out.push('>');
        let d = depth + 1;
        if s.issued.is_some() || !s.places.is_empty() {
            self.open(d, "creation");
            self.out.push('>');
            if let Some(issued) = s.issued {
                let date = self.date(issued, "$.issued")?;
                self.open(d + 1, "date");
                self.plain("type", "issued");
                self.plain("when", &date);
                self.out.push('>');
                self.out.push_str(&date);
                self.out.push_str("</date>");
            }
            for place in &s.places {
                self.text_element(d + 1, "placeName", place);
            }
            self.close(d, "creation");
        }
        if let Some(language) = &s.language {
            self.open(d, "langUsage");
            self.out.push('>');
            self.open(d + 1, "language");
            self.attribute("ident", language, || "$.language".into())?;
            self.out.push_str("/>");
            self.close(d, "langUsage");
        }
        if !s.keywords.is_empty() {
            self.open(d, "textClass");
            self.out.push('>');
            self.open(d + 1, "keywords");
            self.out.push('>');
            for keyword in &s.keywords {
                self.text_element(d + 2, "term", keyword);
            }
            self.close(d + 1, "keywords");
            self.close(d, "textClass");
        }
        self.close(depth, "profileDesc");
        Ok(())
    }

    /// The stand-off commitments in `<spanGrp type="commitments">` (a `<span>` pointing at
    /// the quote with a string-range), then every commitment's coding in record order as
    /// `<fs type="commitment">`; a stand-off commitment's coding holds its quote.
    fn stand_off(&mut self, depth: usize) -> Result {
        let s = self.s;
        if s.commitments.is_empty() {
            return Ok(());
        }
        self.open(depth, "standOff");
        self.out.push('>');
        let d = depth + 1;
        if self.placement.any_stand_off() {
            self.open(d, "spanGrp");
            self.plain("type", "commitments");
            self.out.push('>');
            for (i, c) in s.commitments.iter().enumerate() {
                if self.placement.is_inline(i) {
                    continue;
                }
                self.open(d + 1, "span");
                self.attribute("xml:id", &c.id, || format!("$.commitments[{i}].id"))?;
                self.plain("ana", &format!("#{}", c.kind.as_str()));
                self.out.push_str(" target=\"");
                push_attribute(&mut self.out, &string_range(&c.paragraph, c.span)).map_err(
                    |(offset, ch)| {
                        TeiSerializeError::new(
                            &s.id,
                            format!("$.commitments[{i}].paragraph"),
                            Some(offset - "#string-range(".len()),
                            format!(
                                "U+{:04X} cannot be carried by XML 1.0 in an attribute value",
                                u32::from(ch)
                            ),
                        )
                    },
                )?;
                self.out.push_str("\"/>");
            }
            self.close(d, "spanGrp");
        }
        for (i, c) in s.commitments.iter().enumerate() {
            self.open(d, "fs");
            self.plain("type", "commitment");
            self.attribute("corresp", &format!("#{}", c.id), || format!("$.commitments[{i}].id"))?;
            self.out.push('>');
            let f = d + 1;
            self.string_feature(f, "id", Some(&c.id));
            if !self.placement.is_inline(i) {
                self.string_feature(f, "quote", Some(&c.quote));
            }
            self.string_feature(f, "actor", c.actor.as_deref());
            self.string_feature(f, "actorResolved", c.actor_resolved.as_deref());
            self.string_feature(f, "addressee", c.addressee.as_deref());
            self.string_feature(f, "cue", c.cue.as_deref());
            self.string_feature(f, "intensifier", c.intensifier.as_deref());
            for (name, value) in [("futureOriented", c.future_oriented), ("conditional", c.conditional)] {
                if value {
                    self.open(f, "f");
                    self.plain("name", name);
                    self.out.push_str("><binary value=\"true\"/></f>");
                }
            }
            if !c.references.is_empty() {
                self.open(f, "f");
                self.plain("name", "references");
                self.out.push('>');
                self.open(f + 1, "vColl");
                self.plain("org", "list");
                self.out.push('>');
                for reference in &c.references {
                    self.text_element(f + 2, "string", reference);
                }
                self.close(f + 1, "vColl");
                self.close(f, "f");
            }
            let method = &c.method;
            self.open(f, "f");
            self.plain("name", "method");
            self.out.push('>');
            self.open(f + 1, "fs");
            self.plain("type", "method");
            self.out.push('>');
            self.open(f + 2, "f");
            self.plain("name", "type");
            self.out.push_str("><symbol");
            self.plain("value", method.kind.as_str());
            self.out.push_str("/></f>");
            self.string_feature(f + 2, "rule", method.rule.as_deref());
            self.string_feature(f + 2, "codebook", method.codebook.as_deref());
            self.string_feature(f + 2, "annotator", method.annotator.as_deref());
            self.close(f + 1, "fs");
            self.close(f, "f");
            if !c.assessments.is_empty() {
                self.open(f, "f");
                self.plain("name", "assessments");
                self.out.push('>');
                self.open(f + 1, "vColl");
                self.plain("org", "list");
                self.out.push('>');
                for (j, a) in c.assessments.iter().enumerate() {
                    let a_depth = f + 2;
                    self.open(a_depth, "fs");
                    self.plain("type", "assessment");
                    self.out.push('>');
                    self.open(a_depth + 1, "f");
                    self.plain("name", "score");
                    self.out.push_str("><numeric");
                    self.plain("value", &a.score.to_string());
                    self.out.push_str("/></f>");
                    for (name, date, field) in [
                        ("periodStart", a.period_start, "period_start"),
                        ("periodEnd", a.period_end, "period_end"),
                    ] {
                        if let Some(date) = date {
                            let date =
                                self.date(date, &format!("$.commitments[{i}].assessments[{j}].{field}"))?;
                            self.string_feature(a_depth + 1, name, Some(&date));
                        }
                    }
                    self.string_feature(a_depth + 1, "evidence", a.evidence.as_deref());
                    self.string_feature(a_depth + 1, "assessor", Some(&a.assessor));
                    self.close(a_depth, "fs");
                }
                self.close(f + 1, "vColl");
                self.close(f, "f");
            }
            self.close(d, "fs");
        }
        self.close(depth, "standOff");
        Ok(())
    }

    /// `<f name="name"><string>value</string></f>`, when there is a value.
    fn string_feature(&mut self, depth: usize, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.open(depth, "f");
            self.plain("name", name);
            self.out.push_str("><string>");
            push_text(&mut self.out, value);
            self.out.push_str("</string></f>");
        }
    }

    /// `<text type="kind">` with the paragraphs in `<body>` and the source text in
    /// `<back>`.
    fn text(&mut self, depth: usize) -> Result {
        let s = self.s;
        self.open(depth, "text");
        self.plain("type", s.kind.as_str());
        if let Some(language) = &s.language {
            self.attribute("xml:lang", language, || "$.language".into())?;
        }
        self.out.push('>');
        self.body(depth + 1)?;
        if let Some(source_text) = &s.source_text {
            let d = depth + 1;
            self.open(d, "back");
            self.out.push('>');
            self.open(d + 1, "div");
            self.plain("type", SOURCE_TEXT_ID);
            self.out.push('>');
            self.open(d + 2, "ab");
            self.plain("xml:id", SOURCE_TEXT_ID);
            self.plain("xml:space", "preserve");
            self.out.push('>');
            push_text(&mut self.out, source_text);
            self.out.push_str("</ab>");
            self.close(d + 1, "div");
            self.close(d, "back");
        }
        self.close(depth, "text");
        Ok(())
    }

    /// The paragraphs: body text as `<p>`, lead-ins, preface matter and reporters'
    /// questions as `<ab type="lead_in|preface|question">`, quotes as `<quote>`, runs of
    /// list items as `<list><item>`; a heading opens a `<div>` with it as `<head>`,
    /// holding what follows up to the next heading. Paragraphs with a speaker (a
    /// transcript's turns) are grouped, a run of one speaker at a time, in a speech
    /// `<sp>` that opens with the `<speaker>`; a heading in a turn is
    /// `<ab type="heading">` there.
    fn body(&mut self, depth: usize) -> Result {
        let paragraphs = &self.s.paragraphs;
        self.open(depth, "body");
        self.out.push('>');
        if paragraphs.is_empty() {
            // `body` needs content: an empty division, which holds no paragraph.
            self.open(depth + 1, "div");
            self.out.push_str("/>");
        }
        let mut in_div = false;
        let mut i = 0;
        while i < paragraphs.len() {
            let p = &paragraphs[i];
            if p.kind == ParagraphKind::Heading && p.speaker.is_none() {
                if in_div {
                    self.close(depth + 1, "div");
                }
                self.open(depth + 1, "div");
                self.out.push('>');
                in_div = true;
            }
            let d = if in_div { depth + 2 } else { depth + 1 };
            let Some(speaker) = &p.speaker else {
                i = self.paragraph(d, i)?;
                continue;
            };
            self.open(d, "sp");
            self.out.push('>');
            self.open(d + 1, "speaker");
            self.out.push('>');
            push_text(&mut self.out, speaker);
            self.out.push_str("</speaker>");
            while paragraphs.get(i).is_some_and(|p| p.speaker.as_ref() == Some(speaker)) {
                i = self.paragraph(d + 1, i)?;
            }
            self.close(d, "sp");
        }
        if in_div {
            self.close(depth + 1, "div");
        }
        self.close(depth, "body");
        Ok(())
    }

    /// Paragraph `i`, or the run of list items of one speaker that starts there; returns
    /// the index of the paragraph after it.
    fn paragraph(&mut self, d: usize, i: usize) -> Result<usize> {
        let paragraphs = &self.s.paragraphs;
        let p = &paragraphs[i];
        if p.kind == ParagraphKind::ListItem {
            self.open(d, "list");
            self.out.push('>');
            let mut j = i;
            while let Some(item) =
                paragraphs.get(j).filter(|n| n.kind == ParagraphKind::ListItem && n.speaker == p.speaker)
            {
                self.block(d + 1, "item", None, j, item)?;
                j += 1;
            }
            self.close(d, "list");
            return Ok(j);
        }
        let (element, kind) = match p.kind {
            ParagraphKind::Body => ("p", None),
            ParagraphKind::Heading if p.speaker.is_some() => ("ab", Some("heading")),
            ParagraphKind::Heading => ("head", None),
            ParagraphKind::LeadIn => ("ab", Some("lead_in")),
            ParagraphKind::Quote => ("quote", None),
            ParagraphKind::Preface => ("ab", Some("preface")),
            ParagraphKind::Question => ("ab", Some("question")),
            ParagraphKind::ListItem => unreachable!("list items are written in a list"),
        };
        self.block(d, element, kind, i, p)?;
        Ok(i + 1)
    }

    /// One paragraph as `<element xml:id="…" type="…" n="…" corresp="…">text</element>`.
    fn block(&mut self, depth: usize, element: &str, kind: Option<&str>, i: usize, p: &Paragraph) -> Result {
        self.open(depth, element);
        self.attribute("xml:id", &p.id, || format!("$.paragraphs[{i}].id"))?;
        if let Some(kind) = kind {
            self.plain("type", kind);
        }
        if let Some(number) = &p.number {
            self.attribute("n", number, || format!("$.paragraphs[{i}].number"))?;
        }
        if let Some(span) = p.source_span {
            self.plain("corresp", &string_range(SOURCE_TEXT_ID, span));
        }
        self.out.push('>');
        let text = &p.text;
        let mut copied = 0;
        for m in 0..self.placement.marks(i).len() {
            let (c, range) = self.placement.marks(i)[m].clone();
            let commitment = &self.s.commitments[c];
            push_text(&mut self.out, &text[copied..range.start]);
            self.out.push_str("<seg");
            self.attribute("xml:id", &commitment.id, || format!("$.commitments[{c}].id"))?;
            self.plain("ana", &format!("#{}", commitment.kind.as_str()));
            self.out.push('>');
            push_text(&mut self.out, &text[range.clone()]);
            self.out.push_str("</seg>");
            copied = range.end;
        }
        push_text(&mut self.out, &text[copied..]);
        self.out.push_str("</");
        self.out.push_str(element);
        self.out.push('>');
        Ok(())
    }
}
