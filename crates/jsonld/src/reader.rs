//! The reader: our own JSON-LD documents back to statements.

use crate::error::{JsonLdParseError, JsonLdSyntaxError};
use crate::writer::{actor_types, xsd_date_time};
use crate::{CONTEXT_DOCUMENT, CONTEXT_IRI, iri, kind_from_concept_iri};
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, DigestAlgorithm, Fixity, Method, MethodKind, Note, Paragraph,
    ParagraphKind, Source, Span, Statement, StatementKind, TextPosition, Timestamp,
};
use serde::Deserialize as _;
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
    /// The document is read on the first call to `next` (JSON-LD has no record
    /// boundaries a reader could stream on), straight from `reader`: the text is never
    /// held whole, nor a JSON tree of a statement. Each `@graph` node is converted as it
    /// is parsed, its paragraphs, commitments and notes one by one, so memory holds the
    /// statements of the document and a small part of its text, not the document.
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

fn read_document(reader: impl BufRead) -> Result<Vec<Result<Statement>>, JsonLdParseError> {
    let mut input = Tracked::new(reader)?;
    let mut deserializer = serde_json::Deserializer::from_reader(&mut input);
    let read = deserializer.deserialize_map(DocumentVisitor).and_then(|document| {
        deserializer.end()?;
        Ok(document)
    });
    drop(deserializer);
    let document = match read {
        Ok(document) => document,
        Err(error) if error.is_io() => return Err(JsonLdParseError::Io(error.into())),
        Err(error) => {
            let position = input.position(error.line() as u64, error.column() as u64);
            return Err(JsonLdSyntaxError::new(position, strip_position(&error.to_string())).into());
        }
    };
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

/// The input, read a byte at a time by serde_json, with what it takes to locate an error
/// that serde_json names by line and byte column: the lines and code points counted so
/// far, and the last [`Tracked::WINDOW`] bytes (serde_json finds an error at the byte it
/// read last, or one shortly before).
struct Tracked<R> {
    inner: R,
    /// Bytes taken from the start of `inner` to look for a byte order mark, to be read
    /// first.
    pending: std::collections::VecDeque<u8>,
    /// The last bytes read, oldest first.
    window: std::collections::VecDeque<u8>,
    /// Where the oldest byte of the window is: its line (1-based), the offset at which
    /// that line starts, and the code points of the line before it.
    base: (u64, u64, u64),
    /// Bytes read so far (after a byte order mark).
    read: u64,
}

impl<R: BufRead> Tracked<R> {
    const WINDOW: usize = 4096;

    /// `inner`, a byte order mark at its start skipped: it is no part of the document
    /// (RFC 8259 §8.1 lets a parser ignore one), and positions count from after it.
    fn new(mut inner: R) -> std::io::Result<Self> {
        let mut start = Vec::with_capacity(3);
        while start.len() < 3 {
            let available = match inner.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                break;
            }
            let take = available.len().min(3 - start.len());
            start.extend_from_slice(&available[..take]);
            inner.consume(take);
        }
        if start == b"\xEF\xBB\xBF" {
            start.clear();
        }
        Ok(Self {
            inner,
            pending: start.into(),
            window: std::collections::VecDeque::with_capacity(Self::WINDOW),
            base: (1, 0, 0),
            read: 0,
        })
    }

    /// Counts one byte read.
    fn track(&mut self, byte: u8) {
        if self.window.len() == Self::WINDOW
            && let Some(oldest) = self.window.pop_front()
        {
            let (line, start, points) = &mut self.base;
            if oldest == b'\n' {
                *line += 1;
                *start = self.read - Self::WINDOW as u64 + 1;
                *points = 0;
            } else if oldest & 0xC0 != 0x80 {
                *points += 1;
            }
        }
        self.window.push_back(byte);
        self.read += 1;
    }

    /// The position serde_json names by a 1-based `line` and the 1-based `byte_column` of
    /// the byte it read last (0: none of that line yet), as
    /// [`TextPosition::from_line_and_byte_column`] finds it in the whole text: the byte's
    /// offset, and its column in code points. A byte before the window (never, as
    /// serde_json reads) is placed at the window's start; one past the text at its end.
    fn position(&self, line: u64, byte_column: u64) -> TextPosition {
        let (mut at_line, mut start, mut points) = self.base;
        let mut offset = self.read - self.window.len() as u64;
        let mut found = false;
        for &byte in &self.window {
            if at_line == line && offset == start + byte_column.max(1) - 1 {
                found = true;
                break;
            }
            if at_line > line {
                break;
            }
            if byte == b'\n' {
                at_line += 1;
                start = offset + 1;
                points = 0;
            } else if byte & 0xC0 != 0x80 {
                points += 1;
            }
            offset += 1;
        }
        let column = if found || at_line == line { points + 1 } else { 1 };
        TextPosition::default().with_line(line.max(1)).with_column(column).with_byte_offset(offset)
    }
}

impl<R: BufRead> std::io::Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if let Some(byte) = self.pending.pop_front() {
            buf[0] = byte;
            self.track(byte);
            return Ok(1);
        }
        let available = self.inner.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.inner.consume(n);
        for &byte in &buf[..n] {
            self.track(byte);
        }
        Ok(n)
    }
}

/// The `@graph` array: each node is converted as it is parsed ([`NodeSeed`]).
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
        loop {
            let index = statements.len();
            let path = format!("$['@graph'][{index}]");
            let Some((node, mut parts)) = seq.next_element_seed(NodeSeed { path: &path })? else { break };
            let record = index as u64 + 1;
            statements.push(statement(&node, path, &mut parts).map_err(|e| e.in_record(record)));
        }
        Ok(statements)
    }
}

/// The arrays of a statement node that can be long, converted item by item as they are
/// parsed (each item's JSON tree dropped once converted): `hasPart`, `commitment` and
/// `note`. Each is `None` when the node has no such array, or when it came before the
/// node's `id` (needed to convert it): the array is then in the node's JSON tree.
#[derive(Default)]
struct Parts {
    paragraphs: Option<Result<Vec<Paragraph>>>,
    commitments: Option<Result<Vec<Commitment>>>,
    notes: Option<Result<Vec<Note>>>,
}

/// The arrays of [`Parts`].
#[derive(Clone, Copy)]
enum List {
    Paragraphs,
    Commitments,
    Notes,
}

/// A node of `@graph`: an object is read into a JSON tree without the arrays of
/// [`Parts`] (an empty array in their place); anything else into its JSON tree.
struct NodeSeed<'p> {
    path: &'p str,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = (Value, Parts);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = (Value, Parts);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a statement node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut node = Map::new();
        let mut parts = Parts::default();
        while let Some(key) = map.next_key::<String>()? {
            let list = match key.as_str() {
                "hasPart" => Some(List::Paragraphs),
                "commitment" => Some(List::Commitments),
                "note" => Some(List::Notes),
                _ => None,
            };
            let iri = match node.get("id") {
                Some(Value::String(iri)) => Some(iri.clone()),
                _ => None,
            };
            let (value, converted) = match (list, iri) {
                (Some(list), Some(iri)) => {
                    let path = format!("{}.{key}", self.path);
                    map.next_value_seed(ListSeed { list, iri: &iri, path: &path })?
                }
                _ => (map.next_value::<Value>()?, None),
            };
            match list {
                Some(List::Paragraphs) => parts.paragraphs = converted.map(Converted::paragraphs),
                Some(List::Commitments) => parts.commitments = converted.map(Converted::commitments),
                Some(List::Notes) => parts.notes = converted.map(Converted::notes),
                None => {}
            }
            node.insert(key, value);
        }
        Ok((Value::Object(node), parts))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let value = Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
        Ok((value, Parts::default()))
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok((Value::Bool(value), Parts::default()))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok((Value::from(value), Parts::default()))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok((Value::from(value), Parts::default()))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok((Value::from(value), Parts::default()))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok((Value::from(value), Parts::default()))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok((Value::Null, Parts::default()))
    }
}

/// One array of [`Parts`], converted.
enum Converted {
    Paragraphs(Result<Vec<Paragraph>>),
    Commitments(Result<Vec<Commitment>>),
    Notes(Result<Vec<Note>>),
}

impl Converted {
    fn paragraphs(self) -> Result<Vec<Paragraph>> {
        match self {
            Self::Paragraphs(read) => read,
            _ => unreachable!("converted as paragraphs"),
        }
    }

    fn commitments(self) -> Result<Vec<Commitment>> {
        match self {
            Self::Commitments(read) => read,
            _ => unreachable!("converted as commitments"),
        }
    }

    fn notes(self) -> Result<Vec<Note>> {
        match self {
            Self::Notes(read) => read,
            _ => unreachable!("converted as notes"),
        }
    }
}

/// An array of [`Parts`] at `path`, each item converted as soon as it is parsed, until
/// the first that fails (its error is the array's; the items after it are only parsed).
/// Gives an empty array to stand in the node's tree, and what was converted; a value
/// that is no array gives a value of its kind (for the error that names it) and nothing
/// converted.
struct ListSeed<'a> {
    list: List,
    iri: &'a str,
    path: &'a str,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = (Value, Option<Converted>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_> {
    type Value = (Value, Option<Converted>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let (mut paragraphs, mut commitments, mut notes) = (Vec::new(), Vec::new(), Vec::new());
        let mut failed = None;
        let mut index = 0;
        loop {
            if failed.is_some() {
                if seq.next_element::<IgnoredAny>()?.is_none() {
                    break;
                }
                continue;
            }
            let Some(item) = seq.next_element::<Value>()? else { break };
            let path = format!("{}[{index}]", self.path);
            let converted = match self.list {
                List::Paragraphs => paragraph(self.iri, index, &item, path).map(|p| paragraphs.push(p)),
                List::Commitments => commitment(self.iri, index, &item, path).map(|c| commitments.push(c)),
                List::Notes => note(self.iri, index, &item, path).map(|n| notes.push(n)),
            };
            if let Err(error) = converted {
                failed = Some(error);
            }
            index += 1;
        }
        let converted = match (self.list, failed) {
            (List::Paragraphs, None) => Converted::Paragraphs(Ok(paragraphs)),
            (List::Paragraphs, Some(error)) => Converted::Paragraphs(Err(error)),
            (List::Commitments, None) => Converted::Commitments(Ok(commitments)),
            (List::Commitments, Some(error)) => Converted::Commitments(Err(error)),
            (List::Notes, None) => Converted::Notes(Ok(notes)),
            (List::Notes, Some(error)) => Converted::Notes(Err(error)),
        };
        Ok((Value::Array(Vec::new()), Some(converted)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok((Value::Object(Map::new()), None))
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok((Value::Bool(value), None))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok((Value::from(value), None))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok((Value::from(value), None))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok((Value::from(value), None))
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok((Value::String(String::new()), None))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok((Value::Null, None))
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

/// The statement of the node `value` at `path`, with the arrays already converted
/// from it in `parts`.
fn statement(value: &Value, path: String, parts: &mut Parts) -> Result<Statement> {
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
    let paragraphs = match parts.paragraphs.take() {
        Some(converted) => {
            node.get("hasPart");
            converted?
        }
        None => node
            .array("hasPart")?
            .into_iter()
            .enumerate()
            .map(|(index, (path, value))| paragraph(iri, index, value, path))
            .collect::<Result<_>>()?,
    };
    let commitments = match parts.commitments.take() {
        Some(converted) => {
            node.get("commitment");
            converted?
        }
        None => node
            .array("commitment")?
            .into_iter()
            .enumerate()
            .map(|(index, (path, value))| commitment(iri, index, value, path))
            .collect::<Result<_>>()?,
    };
    let notes = match parts.notes.take() {
        Some(converted) => {
            node.get("note");
            converted?
        }
        None => node
            .array("note")?
            .into_iter()
            .enumerate()
            .map(|(index, (path, value))| note(iri, index, value, path))
            .collect::<Result<_>>()?,
    };
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

fn note(statement_iri: &str, index: usize, value: &Value, path: String) -> Result<Note> {
    let mut node = Obj::new(value, path)?;
    let id = format!("{statement_iri}#note/{}", index + 1);
    node.id(&id)?;
    node.types(&["Note"])?;
    node.position(index)?;
    let note = Note {
        code: node.req_str("code")?.to_owned(),
        message: node.req_str("description")?.to_owned(),
        source_span: source_selector(&mut node, &id)?,
    };
    node.finish()?;
    Ok(note)
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
