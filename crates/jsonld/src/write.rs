//! The writer: statements to one JSON-LD document.

use crate::{CONTEXT_DOCUMENT, CONTEXT_IRI, JsonLdError, iri};
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, DigestAlgorithm, Note, Paragraph, Span, Statement,
    TimePrecision, Timestamp,
};
use serde_json::{Map, Value};
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
    /// [`JsonLdError::InvalidBaseIri`] unless `base_iri` is an absolute IRI (a scheme and
    /// `:`) with no fragment, white space or character RFC 3987 excludes.
    pub fn with_base_iri(mut self, base_iri: impl Into<String>) -> Result<Self, JsonLdError> {
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

    /// The node object of one statement (no `@context`), as it appears in `@graph`.
    #[must_use]
    pub fn statement_node(&self, statement: &Statement) -> Value {
        NodeWriter { config: self, statement, iri: self.statement_iri(&statement.id) }.statement()
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
    /// Appends one statement to the `@graph`.
    ///
    /// The statement is written as it is: call [`Statement::validate`] first if the
    /// output must satisfy the SHACL shapes.
    ///
    /// # Errors
    ///
    /// The writer's I/O error.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        let node = self.config.statement_node(statement);
        let mut text = String::new();
        if self.started {
            text.push_str(",\n");
        } else {
            text.push_str(&self.header());
            self.started = true;
        }
        push_indented(&mut text, &pretty(&node), "    ");
        self.writer.write_all(text.as_bytes())
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

/// A JSON object under construction, keys in insertion order.
struct Node(Map<String, Value>);

impl Node {
    fn new(id: String, types: &[&str]) -> Self {
        let mut map = Map::new();
        map.insert("id".into(), id.into());
        let types = match types {
            [one] => Value::from(*one),
            many => many.iter().map(|t| Value::from(*t)).collect(),
        };
        map.insert("type".into(), types);
        Self(map)
    }

    fn put(&mut self, key: &str, value: impl Into<Value>) -> &mut Self {
        self.0.insert(key.into(), value.into());
        self
    }

    fn opt(&mut self, key: &str, value: Option<impl Into<Value>>) -> &mut Self {
        if let Some(value) = value {
            self.put(key, value);
        }
        self
    }

    fn list(&mut self, key: &str, values: Vec<Value>) -> &mut Self {
        if !values.is_empty() {
            self.put(key, values);
        }
        self
    }

    fn done(&mut self) -> Value {
        Value::Object(std::mem::take(&mut self.0))
    }
}

fn strings(values: &[String]) -> Vec<Value> {
    values.iter().map(|v| Value::from(v.as_str())).collect()
}

fn date(date: communique_model::chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
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

struct NodeWriter<'a> {
    config: &'a JsonLdSerializer,
    statement: &'a Statement,
    iri: String,
}

impl NodeWriter<'_> {
    fn part(&self, fragment: &str) -> String {
        format!("{}#{fragment}", self.iri)
    }

    fn statement(&self) -> Value {
        let s = self.statement;
        let mut node = Node::new(self.iri.clone(), &["CreativeWork", "Statement"]);
        node.put("recordId", s.id.as_str())
            .opt("name", s.title.as_deref())
            .put("statementKind", s.kind.as_str())
            .list("author", s.issuers.iter().enumerate().map(|(i, a)| self.actor(i, a)).collect())
            .list("locationCreated", s.places.iter().enumerate().map(|(i, p)| self.place(i, p)).collect())
            .opt("datePublished", s.issued.map(date))
            .opt("dateModified", s.last_updated.as_ref().map(xsd_date_time))
            .opt("lastUpdatedAsPrinted", s.last_updated.as_ref().map(Timestamp::to_string))
            .opt("published", s.published.as_ref().map(xsd_date_time))
            .opt("publishedAsPrinted", s.published.as_ref().map(Timestamp::to_string))
            .opt("inLanguage", s.language.as_deref())
            .opt("identifier", s.reference.as_deref())
            .list("keywords", strings(&s.keywords));
        if !s.source.is_empty() {
            let source = &s.source;
            let id = self.part("source");
            let mut source_node = Node::new(id.clone(), &["Entity"]);
            source_node
                .opt("creditText", source.attribution.as_deref())
                .opt("url", source.url.as_deref())
                .opt("via", source.via.as_deref())
                .opt("dateRetrieved", source.retrieved.map(date));
            node.put("isBasedOn", source_node.done()).put("wasDerivedFrom", id);
        }
        if let Some(fixity) = &s.fixity {
            let algorithm = match fixity.algorithm {
                DigestAlgorithm::Sha256 => "spdx:checksumAlgorithm_sha256",
            };
            let mut fixity_node = Node::new(self.part("fixity"), &["Checksum"]);
            fixity_node
                .put("algorithm", algorithm)
                .put("checksumValue", fixity.digest.as_str())
                .put("byteSize", fixity.size);
            node.put("fixity", fixity_node.done());
        }
        node.opt("sourceText", s.source_text.as_deref())
            .list("hasPart", s.paragraphs.iter().enumerate().map(|(i, p)| self.paragraph(i, p)).collect())
            .list(
                "commitment",
                s.commitments.iter().enumerate().map(|(i, c)| self.commitment(i, c)).collect(),
            )
            .list("note", s.notes.iter().enumerate().map(|(i, n)| self.note(i, n)).collect());
        node.done()
    }

    fn actor(&self, index: usize, actor: &Actor) -> Value {
        Node::new(self.part(&format!("issuer/{}", index + 1)), actor_types(actor.kind))
            .put("position", index + 1)
            .put("name", actor.name.as_str())
            .put("actorKind", actor.kind.as_str())
            .opt("role", actor.role.as_deref())
            .done()
    }

    fn place(&self, index: usize, place: &str) -> Value {
        Node::new(self.part(&format!("place/{}", index + 1)), &["Place"])
            .put("position", index + 1)
            .put("name", place)
            .done()
    }

    fn selector(&self, id: String, span: Span) -> Value {
        Node::new(id, &["TextPositionSelector"]).put("start", span.start).put("end", span.end).done()
    }

    fn paragraph(&self, index: usize, paragraph: &Paragraph) -> Value {
        let id = self.part(&iri::encode(&paragraph.id));
        let mut node = Node::new(id.clone(), &["CreativeWork", "Paragraph"]);
        node.put("eId", paragraph.id.as_str())
            .put("position", index + 1)
            .opt("number", paragraph.number.as_deref())
            .put("paragraphKind", paragraph.kind.as_str())
            .put("text", paragraph.text.as_str())
            .opt(
                "sourceSelector",
                paragraph.source_span.map(|span| self.selector(format!("{id}/source"), span)),
            );
        node.done()
    }

    fn note(&self, index: usize, note: &Note) -> Value {
        let id = self.part(&format!("note/{}", index + 1));
        let mut node = Node::new(id.clone(), &["Note"]);
        node.put("position", index + 1)
            .put("code", note.code.as_str())
            .put("description", note.message.as_str())
            .opt("sourceSelector", note.source_span.map(|span| self.selector(format!("{id}/source"), span)));
        node.done()
    }

    fn commitment(&self, index: usize, commitment: &Commitment) -> Value {
        let id = self.part(&iri::encode(&commitment.id));
        let paragraph = self.part(&iri::encode(&commitment.paragraph));
        let mut quote = Node::new(format!("{id}/quote"), &["TextQuoteSelector"]);
        quote.put("exact", commitment.quote.as_str());
        if let Some((prefix, suffix)) = self.quote_context(commitment) {
            quote.opt("prefix", (!prefix.is_empty()).then_some(prefix));
            quote.opt("suffix", (!suffix.is_empty()).then_some(suffix));
        }
        let target = Node::new(format!("{id}/target"), &["SpecificResource"])
            .put("source", paragraph)
            .put("selector", vec![self.selector(format!("{id}/position"), commitment.span), quote.done()])
            .done();
        let method = &commitment.method;
        let method = Node::new(format!("{id}/method"), &["Method"])
            .put("methodKind", method.kind.as_str())
            .opt("rule", method.rule.as_deref())
            .opt("codebookVersion", method.codebook.as_deref())
            .opt("annotator", method.annotator.as_deref())
            .done();
        let assessments =
            commitment.assessments.iter().enumerate().map(|(i, a)| assessment(&id, i, a)).collect();
        let body = Node::new(format!("{id}/body"), &["Commitment"])
            .put("kind", format!("codebook:{}", commitment.kind.as_str()))
            .opt("actor", commitment.actor.as_deref())
            .opt("actorResolved", commitment.actor_resolved.as_deref())
            .opt("addressee", commitment.addressee.as_deref())
            .opt("cue", commitment.cue.as_deref())
            .opt("intensifier", commitment.intensifier.as_deref())
            .put("futureOriented", commitment.future_oriented)
            .put("conditional", commitment.conditional)
            .list("reference", strings(&commitment.references))
            .put("method", method)
            .list("assessment", assessments)
            .done();
        Node::new(id, &["Annotation"])
            .put("eId", commitment.id.as_str())
            .put("position", index + 1)
            .put("motivation", "oa:classifying")
            .put("target", target)
            .put("body", body)
            .done()
    }

    /// Up to `quote_context` code points of the paragraph text before and after the
    /// span; `None` when the paragraph is missing or the span does not lie on its text.
    fn quote_context(&self, commitment: &Commitment) -> Option<(String, String)> {
        let paragraph = self.statement.paragraphs.iter().find(|p| p.id == commitment.paragraph)?;
        let range = commitment.span.to_byte_range(&paragraph.text)?;
        let n = self.config.quote_context;
        let before = &paragraph.text[..range.start];
        let skip = before.chars().count().saturating_sub(n);
        let prefix: String = before.chars().skip(skip).collect();
        let suffix: String = paragraph.text[range.end..].chars().take(n).collect();
        Some((prefix, suffix))
    }
}

fn assessment(annotation: &str, index: usize, assessment: &Assessment) -> Value {
    Node::new(format!("{annotation}/assessment/{}", index + 1), &["Assessment"])
        .put("position", index + 1)
        .put("score", assessment.score)
        .opt("periodStart", assessment.period_start.map(date))
        .opt("periodEnd", assessment.period_end.map(date))
        .opt("evidence", assessment.evidence.as_deref())
        .put("assessor", assessment.assessor.as_str())
        .done()
}
