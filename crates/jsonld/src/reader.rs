//! The reader: our own JSON-LD documents back to statements.

use crate::error::{JsonLdParseError, JsonLdSyntaxError};
use crate::writer::{actor_types, xsd_date_time};
use crate::{CONTEXT_DOCUMENT, CONTEXT_IRI, iri, kind_from_concept_iri};
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, DigestAlgorithm, Fixity, Method, MethodKind, Note, Paragraph,
    ParagraphKind, Source, Span, Statement, StatementKind, TextPosition, Timestamp,
};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;
use std::io::BufRead;

/// Reads the JSON-LD documents [`JsonLdSerializer`](crate::JsonLdSerializer) writes back
/// into the identical [`Statement`]s.
///
/// It reads our document shape (a `@context` that is [`CONTEXT_IRI`] or the shipped
/// context embedded, and a `@graph` of statement nodes), not arbitrary JSON-LD: a key it
/// does not know, a missing key or a value of the wrong type is an error naming its
/// JSONPath. Values the writer derives (the `xsd:dateTime` forms, `prefix` and `suffix`,
/// positions, node IRIs) are checked against the record they come with.
///
/// ```
/// use communique_jsonld::{JsonLdParser, JsonLdSerializer};
/// use communique_model::Statement;
///
/// let statement = Statement::builder().id("s1").body("We stand united.").build()?;
/// let mut writer = JsonLdSerializer::default().for_writer(Vec::new());
/// writer.serialize_statement(&statement)?;
/// let document = writer.finish()?;
/// let read: Vec<Statement> = JsonLdParser::default().for_reader(document.as_slice()).collect::<Result<_, _>>()?;
/// assert_eq!(read, [statement]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct JsonLdParser {}

impl JsonLdParser {
    /// An iterator over the statements of the one document `reader` holds.
    ///
    /// The document is read whole on the first call to `next` (JSON-LD has no record
    /// boundaries a reader could stream on) and each `@graph` node is converted as soon as
    /// it is parsed, so memory holds the input bytes and the statements, never the whole
    /// JSON tree.
    pub fn for_reader<R: BufRead>(self, reader: R) -> ReaderJsonLdParser<R> {
        ReaderJsonLdParser { reader: Some(reader), statements: Vec::new().into_iter() }
    }
}

/// Iterator of the statements of one document; made by [`JsonLdParser::for_reader`].
///
/// Yields each statement of the `@graph` in order, or the error that stops it. A JSON
/// syntax error, an I/O error or a document that is not ours (unknown `@context`, no
/// `@graph`) is yielded once and ends the iteration; a statement node of the wrong shape
/// is reported (its error's position names the node as its record) and reading goes on
/// with the next node.
#[derive(Debug)]
#[must_use]
pub struct ReaderJsonLdParser<R> {
    reader: Option<R>,
    statements: std::vec::IntoIter<Result<Statement>>,
}

impl<R: BufRead> Iterator for ReaderJsonLdParser<R> {
    type Item = Result<Statement, JsonLdParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(reader) = self.reader.take() {
            match read_document(reader) {
                Ok(statements) => self.statements = statements.into_iter(),
                Err(error) => return Some(Err(error)),
            }
        }
        Some(self.statements.next()?.map_err(JsonLdParseError::from))
    }
}

fn read_document(mut reader: impl BufRead) -> Result<Vec<Result<Statement>>, JsonLdParseError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    // A byte order mark at the start is no part of the document (RFC 8259 §8.1 lets a
    // parser ignore one); positions count from after it.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let syntax = |error: serde_json::Error| {
        let position =
            TextPosition::from_line_and_byte_column(&bytes, error.line() as u64, error.column() as u64);
        JsonLdSyntaxError::new(position, strip_position(&error.to_string()))
    };
    let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
    let document = deserializer.deserialize_map(DocumentVisitor).map_err(syntax)?;
    deserializer.end().map_err(syntax)?;
    match &document.context {
        Some(Value::String(iri)) if iri == CONTEXT_IRI => {}
        Some(context @ Value::Object(_)) if *context == embedded_context() => {}
        Some(Value::String(iri)) => {
            return Err(JsonLdSyntaxError::shape(
                "$['@context']",
                format!("unknown context {iri:?}: expected {CONTEXT_IRI:?} or the shipped context embedded"),
            )
            .into());
        }
        Some(_) => {
            return Err(JsonLdSyntaxError::shape(
                "$['@context']",
                format!("expected {CONTEXT_IRI:?} or the shipped context embedded, unchanged"),
            )
            .into());
        }
        None => {
            return Err(
                JsonLdSyntaxError::shape("$", "no @context: not a communique JSON-LD document").into()
            );
        }
    }
    if let Some(key) = document.unknown {
        return Err(JsonLdSyntaxError::shape(&format!("$['{key}']"), "unknown key").into());
    }
    document.graph.ok_or_else(|| {
        JsonLdSyntaxError::shape(
            "$",
            "no @graph: a communique JSON-LD document holds its statements in @graph",
        )
        .into()
    })
}

/// The top-level object, its `@graph` nodes already converted.
#[derive(Default)]
struct Document {
    context: Option<Value>,
    graph: Option<Vec<Result<Statement>>>,
    unknown: Option<String>,
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a communique JSON-LD document (an object with @context and @graph)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut document = Document::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "@context" => document.context = Some(map.next_value()?),
                "@graph" => document.graph = Some(map.next_value_seed(GraphSeed)?),
                _ => {
                    document.unknown.get_or_insert(key);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(document)
    }
}

/// The `@graph` array: each node is parsed into a JSON tree, converted, and dropped.
struct GraphSeed;

impl<'de> DeserializeSeed<'de> for GraphSeed {
    type Value = Vec<Result<Statement>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for GraphSeed {
    type Value = Vec<Result<Statement>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of statement nodes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut statements = Vec::new();
        while let Some(node) = seq.next_element::<Value>()? {
            let index = statements.len();
            let record = index as u64 + 1;
            statements
                .push(statement(&node, format!("$['@graph'][{index}]")).map_err(|e| e.in_record(record)));
        }
        Ok(statements)
    }
}

fn embedded_context() -> Value {
    let document: Value = serde_json::from_str(CONTEXT_DOCUMENT).expect("the shipped context is JSON");
    document["@context"].clone()
}

/// serde_json appends " at line L column C"; the error carries those as fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

type Result<T, E = JsonLdSyntaxError> = std::result::Result<T, E>;

/// A JSON object being read: remembers the keys taken so that [`Obj::finish`] can
/// report the ones nobody asked for.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
    seen: Vec<&'static str>,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: String) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Self { map, path, seen: Vec::new() }),
            other => {
                Err(JsonLdSyntaxError::shape(&path, format!("expected an object, found {}", kind_of(other))))
            }
        }
    }

    fn path_of(&self, key: &str) -> String {
        if key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            format!("{}.{key}", self.path)
        } else {
            format!("{}['{key}']", self.path)
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.seen.push(key);
        self.map.get(key)
    }

    fn fail<T>(&self, key: &str, message: impl Into<String>) -> Result<T> {
        Err(JsonLdSyntaxError::shape(&self.path_of(key), message))
    }

    fn str(&mut self, key: &'static str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => self.fail(key, format!("expected a string, found {}", kind_of(other))),
        }
    }

    fn string(&mut self, key: &'static str) -> Result<Option<String>> {
        Ok(self.str(key)?.map(str::to_owned))
    }

    fn req_str(&mut self, key: &'static str) -> Result<&'a str> {
        match self.str(key)? {
            Some(text) => Ok(text),
            None => self.fail(key, "missing"),
        }
    }

    fn bool(&mut self, key: &'static str) -> Result<bool> {
        match self.get(key) {
            Some(Value::Bool(value)) => Ok(*value),
            None => self.fail(key, "missing"),
            Some(other) => self.fail(key, format!("expected true or false, found {}", kind_of(other))),
        }
    }

    fn int(&mut self, key: &'static str) -> Result<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(number)) if number.is_i64() => Ok(number.as_i64()),
            Some(other) => self.fail(key, format!("expected an integer, found {}", kind_of(other))),
        }
    }

    fn uint(&mut self, key: &'static str) -> Result<u64> {
        match self.get(key) {
            Some(Value::Number(number)) if number.is_u64() => Ok(number.as_u64().unwrap_or_default()),
            None => self.fail(key, "missing"),
            Some(other) => {
                self.fail(key, format!("expected a non-negative integer, found {}", kind_of(other)))
            }
        }
    }

    fn usize(&mut self, key: &'static str) -> Result<usize> {
        let value = self.uint(key)?;
        usize::try_from(value).or_else(|_| self.fail(key, format!("{value} is too large for this platform")))
    }

    fn date(&mut self, key: &'static str) -> Result<Option<NaiveDate>> {
        match self.str(key)? {
            None => Ok(None),
            Some(text) => {
                communique_model::parse_iso_date(text).map(Some).or_else(|message| self.fail(key, message))
            }
        }
    }

    /// Array members with their paths; an absent key is an empty array.
    fn array(&mut self, key: &'static str) -> Result<Vec<(String, &'a Value)>> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => {
                let path = self.path_of(key);
                Ok(items.iter().enumerate().map(|(i, item)| (format!("{path}[{i}]"), item)).collect())
            }
            Some(other) => self.fail(key, format!("expected an array, found {}", kind_of(other))),
        }
    }

    fn strings(&mut self, key: &'static str) -> Result<Vec<String>> {
        self.array(key)?
            .into_iter()
            .map(|(path, item)| match item {
                Value::String(text) => Ok(text.clone()),
                other => Err(JsonLdSyntaxError::shape(
                    &path,
                    format!("expected a string, found {}", kind_of(other)),
                )),
            })
            .collect()
    }

    fn obj(&mut self, key: &'static str) -> Result<Option<Obj<'a>>> {
        let path = self.path_of(key);
        self.get(key).map(|value| Obj::new(value, path)).transpose()
    }

    fn req_obj(&mut self, key: &'static str) -> Result<Obj<'a>> {
        match self.obj(key)? {
            Some(obj) => Ok(obj),
            None => self.fail(key, "missing"),
        }
    }

    /// Checks `type` names exactly `expected` (one string, or an array of several).
    fn types(&mut self, expected: &[&str]) -> Result<()> {
        let found: Option<Vec<&str>> = match self.get("type") {
            Some(Value::String(one)) => Some(vec![one.as_str()]),
            Some(Value::Array(many)) => many.iter().map(Value::as_str).collect(),
            _ => None,
        };
        if found.as_deref() == Some(expected) {
            Ok(())
        } else {
            let expected =
                if expected.len() == 1 { format!("{:?}", expected[0]) } else { format!("{expected:?}") };
            self.fail("type", format!("expected type {expected}"))
        }
    }

    /// Checks the node's `id` is `expected` (derived from its statement's IRI).
    fn id(&mut self, expected: &str) -> Result<()> {
        let found = self.req_str("id")?;
        if found == expected {
            Ok(())
        } else {
            self.fail(
                "id",
                format!("expected {expected:?} (derived from the statement IRI), found {found:?}"),
            )
        }
    }

    fn position(&mut self, index: usize) -> Result<()> {
        let found = self.uint("position")?;
        if found == index as u64 + 1 {
            Ok(())
        } else {
            self.fail("position", format!("expected {} (its place in the array), found {found}", index + 1))
        }
    }

    fn finish(self) -> Result<()> {
        match self.map.keys().find(|key| !self.seen.contains(&key.as_str())) {
            None => Ok(()),
            Some(key) => Err(JsonLdSyntaxError::shape(&self.path_of(key), "unknown key")),
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a timestamp from its printed form and checks the `xsd:dateTime` form beside it.
fn timestamp(node: &mut Obj<'_>, printed: &'static str, typed: &'static str) -> Result<Option<Timestamp>> {
    let value = match node.str(printed)? {
        None => None,
        Some(text) => Some(text.parse::<Timestamp>().or_else(|error| node.fail(printed, error.to_string()))?),
    };
    let expected = value.as_ref().map(xsd_date_time);
    let found = node.str(typed)?;
    if found != expected.as_deref() {
        return node.fail(typed, format!("expected {expected:?} (from {printed}), found {found:?}"));
    }
    Ok(value)
}

fn statement(value: &Value, path: String) -> Result<Statement> {
    let mut node = Obj::new(value, path)?;
    node.types(&["CreativeWork", "Statement"])?;
    let iri = node.req_str("id")?;
    let part = |fragment: &str| format!("{iri}#{fragment}");
    let id = node.req_str("recordId")?.to_owned();
    let title = node.string("name")?;
    let kind_name = node.req_str("statementKind")?;
    let kind = StatementKind::from_name(kind_name)
        .map_or_else(|| node.fail("statementKind", format!("unknown statement kind {kind_name:?}")), Ok)?;
    let mut issuers = Vec::new();
    for (index, (path, value)) in node.array("author")?.into_iter().enumerate() {
        let mut actor = Obj::new(value, path)?;
        actor.id(&part(&format!("issuer/{}", index + 1)))?;
        let kind_name = actor.req_str("actorKind")?;
        let kind = ActorKind::from_name(kind_name)
            .map_or_else(|| actor.fail("actorKind", format!("unknown actor kind {kind_name:?}")), Ok)?;
        actor.types(actor_types(kind))?;
        actor.position(index)?;
        issuers.push(Actor { name: actor.req_str("name")?.to_owned(), kind, role: actor.string("role")? });
        actor.finish()?;
    }
    let mut places = Vec::new();
    for (index, (path, value)) in node.array("locationCreated")?.into_iter().enumerate() {
        let mut place = Obj::new(value, path)?;
        place.id(&part(&format!("place/{}", index + 1)))?;
        place.types(&["Place"])?;
        place.position(index)?;
        places.push(place.req_str("name")?.to_owned());
        place.finish()?;
    }
    let issued = node.date("datePublished")?;
    let last_updated = timestamp(&mut node, "lastUpdatedAsPrinted", "dateModified")?;
    let published = timestamp(&mut node, "publishedAsPrinted", "published")?;
    let language = node.string("inLanguage")?;
    let reference = node.string("identifier")?;
    let keywords = node.strings("keywords")?;
    let source = match node.obj("isBasedOn")? {
        None => {
            if node.get("wasDerivedFrom").is_some() {
                return node.fail("wasDerivedFrom", "present without isBasedOn");
            }
            Source::default()
        }
        Some(mut source) => {
            let id = part("source");
            source.id(&id)?;
            source.types(&["Entity"])?;
            let read = Source {
                attribution: source.string("creditText")?,
                url: source.string("url")?,
                via: source.string("via")?,
                retrieved: source.date("dateRetrieved")?,
            };
            source.finish()?;
            if node.str("wasDerivedFrom")? != Some(id.as_str()) {
                return node.fail("wasDerivedFrom", format!("expected {id:?}, the id of isBasedOn"));
            }
            read
        }
    };
    let fixity = match node.obj("fixity")? {
        None => None,
        Some(mut fixity) => {
            fixity.id(&part("fixity"))?;
            fixity.types(&["Checksum"])?;
            let algorithm = match fixity.req_str("algorithm")? {
                "spdx:checksumAlgorithm_sha256" => DigestAlgorithm::Sha256,
                other => return fixity.fail("algorithm", format!("unknown digest algorithm {other:?}")),
            };
            let read = Fixity {
                algorithm,
                digest: fixity.req_str("checksumValue")?.to_owned(),
                size: fixity.uint("byteSize")?,
            };
            fixity.finish()?;
            Some(read)
        }
    };
    let source_text = node.string("sourceText")?;
    let mut paragraphs = Vec::new();
    for (index, (path, value)) in node.array("hasPart")?.into_iter().enumerate() {
        paragraphs.push(paragraph(iri, index, value, path)?);
    }
    let mut commitments = Vec::new();
    for (index, (path, value)) in node.array("commitment")?.into_iter().enumerate() {
        commitments.push(commitment(iri, index, value, path)?);
    }
    let mut notes = Vec::new();
    for (index, (path, value)) in node.array("note")?.into_iter().enumerate() {
        let mut note = Obj::new(value, path)?;
        let id = part(&format!("note/{}", index + 1));
        note.id(&id)?;
        note.types(&["Note"])?;
        note.position(index)?;
        notes.push(Note {
            code: note.req_str("code")?.to_owned(),
            message: note.req_str("description")?.to_owned(),
            source_span: source_selector(&mut note, &id)?,
        });
        note.finish()?;
    }
    node.finish()?;
    Ok(Statement {
        id,
        title,
        kind,
        issuers,
        places,
        issued,
        last_updated,
        published,
        language,
        reference,
        keywords,
        source,
        fixity,
        source_text,
        paragraphs,
        commitments,
        notes,
    })
}

fn position_selector(value: &Value, path: String, id: &str) -> Result<Span> {
    let mut selector = Obj::new(value, path)?;
    selector.id(id)?;
    selector.types(&["TextPositionSelector"])?;
    let span = Span::new(selector.usize("start")?, selector.usize("end")?);
    selector.finish()?;
    Ok(span)
}

fn source_selector(node: &mut Obj<'_>, id: &str) -> Result<Option<Span>> {
    let path = node.path_of("sourceSelector");
    node.get("sourceSelector")
        .map(|value| position_selector(value, path, &format!("{id}/source")))
        .transpose()
}

fn paragraph(statement_iri: &str, index: usize, value: &Value, path: String) -> Result<Paragraph> {
    let mut node = Obj::new(value, path)?;
    node.types(&["CreativeWork", "Paragraph"])?;
    let eid = node.req_str("eId")?;
    let id = format!("{statement_iri}#{}", iri::encode(eid));
    node.id(&id)?;
    node.position(index)?;
    let kind_name = node.req_str("paragraphKind")?;
    let kind = ParagraphKind::from_name(kind_name)
        .map_or_else(|| node.fail("paragraphKind", format!("unknown paragraph kind {kind_name:?}")), Ok)?;
    let paragraph = Paragraph {
        id: eid.to_owned(),
        number: node.string("number")?,
        kind,
        text: node.req_str("text")?.to_owned(),
        speaker: node.string("speaker")?,
        source_span: source_selector(&mut node, &id)?,
    };
    node.finish()?;
    Ok(paragraph)
}

fn commitment(statement_iri: &str, index: usize, value: &Value, path: String) -> Result<Commitment> {
    let mut node = Obj::new(value, path)?;
    node.types(&["Annotation"])?;
    let eid = node.req_str("eId")?;
    let id = format!("{statement_iri}#{}", iri::encode(eid));
    node.id(&id)?;
    node.position(index)?;
    if node.str("motivation")? != Some("oa:classifying") {
        return node.fail("motivation", "expected \"oa:classifying\"");
    }

    let mut target = node.req_obj("target")?;
    target.id(&format!("{id}/target"))?;
    target.types(&["SpecificResource"])?;
    let source = target.req_str("source")?;
    let paragraph = source
        .strip_prefix(statement_iri)
        .and_then(|rest| rest.strip_prefix('#'))
        .and_then(iri::decode)
        .map_or_else(
            || {
                target.fail(
                    "source",
                    format!("{source:?} is not a paragraph IRI of statement {statement_iri:?}"),
                )
            },
            Ok,
        )?;
    let selectors = target.array("selector")?;
    let [(position_path, position), (quote_path, quote)] = selectors.as_slice() else {
        return target.fail("selector", "expected a TextPositionSelector and a TextQuoteSelector");
    };
    let span = position_selector(position, position_path.clone(), &format!("{id}/position"))?;
    let mut quote = Obj::new(quote, quote_path.clone())?;
    quote.id(&format!("{id}/quote"))?;
    quote.types(&["TextQuoteSelector"])?;
    let exact = quote.req_str("exact")?.to_owned();
    quote.str("prefix")?;
    quote.str("suffix")?;
    quote.finish()?;
    target.finish()?;

    let mut body = node.req_obj("body")?;
    body.id(&format!("{id}/body"))?;
    body.types(&["Commitment"])?;
    let concept = body.req_str("kind")?;
    let kind = kind_from_concept_iri(concept)
        .map_or_else(|| body.fail("kind", format!("{concept:?} is not a concept of codebook v1")), Ok)?;
    let actor = body.string("actor")?;
    let actor_resolved = body.string("actorResolved")?;
    let addressee = body.string("addressee")?;
    let cue = body.string("cue")?;
    let intensifier = body.string("intensifier")?;
    let future_oriented = body.bool("futureOriented")?;
    let conditional = body.bool("conditional")?;
    let references = body.strings("reference")?;
    let mut method = body.req_obj("method")?;
    method.id(&format!("{id}/method"))?;
    method.types(&["Method"])?;
    let method_kind = match method.req_str("methodKind")? {
        "rule" => MethodKind::Rule,
        "manual" => MethodKind::Manual,
        other => {
            return method.fail("methodKind", format!("unknown method {other:?}: expected rule or manual"));
        }
    };
    let method_value = Method {
        kind: method_kind,
        rule: method.string("rule")?,
        codebook: method.string("codebookVersion")?,
        annotator: method.string("annotator")?,
    };
    method.finish()?;
    let mut assessments = Vec::new();
    for (i, (path, value)) in body.array("assessment")?.into_iter().enumerate() {
        let mut assessment = Obj::new(value, path)?;
        assessment.id(&format!("{id}/assessment/{}", i + 1))?;
        assessment.types(&["Assessment"])?;
        assessment.position(i)?;
        let score = match assessment.int("score")? {
            Some(score) => i8::try_from(score)
                .or_else(|_| assessment.fail("score", format!("{score} is out of range (−1, 0, +1)")))?,
            None => return assessment.fail("score", "missing"),
        };
        assessments.push(Assessment {
            score,
            period_start: assessment.date("periodStart")?,
            period_end: assessment.date("periodEnd")?,
            evidence: assessment.string("evidence")?,
            assessor: assessment.req_str("assessor")?.to_owned(),
        });
        assessment.finish()?;
    }
    body.finish()?;
    node.finish()?;
    Ok(Commitment {
        id: eid.to_owned(),
        paragraph,
        span,
        quote: exact,
        kind,
        actor,
        actor_resolved,
        addressee,
        cue,
        intensifier,
        future_oriented,
        conditional,
        references,
        method: method_value,
        assessments,
    })
}
