//! The streaming reader.

use crate::NAMESPACE;
use crate::error::{XmlParseError, XmlSyntaxError};
use crate::escape::{CHAR_ATTRIBUTE, CHAR_ELEMENT, is_xml_char, unescape_char};
use crate::position::Tracked;
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, DigestAlgorithm, Fixity, Method, MethodKind,
    Note, Paragraph, ParagraphKind, Source, Span, Statement, StatementKind, TextPosition, Timestamp,
    parse_iso_date,
};
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::io::BufRead;
use std::str::FromStr;

const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";
const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Reads statements from XML of the communique vocabulary ([`NAMESPACE`]).
///
/// A document is either a collection (root `<statements>`) or one statement (root
/// `<statement>`); [`XmlParser::for_reader`] streams the statements of either, one at
/// a time, holding no more than one statement (and one XML event) in memory.
///
/// What the reader checks: well-formedness (XML 1.0, UTF-8, matching tags, legal
/// characters, only the predefined entities, no DOCTYPE); every element and attribute
/// belongs to the vocabulary; required attributes and children are there and
/// single-valued ones appear once; kinds are in their closed lists; dates exist on the
/// calendar; offsets are non-negative integers. Children may come in any order
/// (the XSD fixes one order, the order the writer uses); repeated children keep their
/// order. Attributes of the XML Schema instance namespace (`xsi:schemaLocation`) and
/// `xml:space` are allowed and ignored: text content is always kept exactly. It does not
/// run [`Statement::validate`]: call it for the record's own invariants.
///
/// ```
/// use communique_xml::XmlParser;
///
/// let xml = r#"<statements xmlns="https://w3id.org/communique/xml/1.0">
///   <statement id="s1" kind="press_statement" xml:lang="en">
///     <paragraph eId="para_1" kind="body"><text>We condemn &amp; deplore  this.&#13;</text></paragraph>
///   </statement>
/// </statements>"#;
/// let statements: Vec<_> = XmlParser::default().for_reader(xml.as_bytes()).collect::<Result<_, _>>()?;
/// assert_eq!(statements[0].language.as_deref(), Some("en"));
/// assert_eq!(statements[0].paragraphs[0].text, "We condemn & deplore  this.\r");
/// # Ok::<_, communique_xml::XmlParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct XmlParser {}

impl XmlParser {
    /// A parser with the default settings.
    #[deprecated(note = "use default()")]
    pub fn new() -> Self {
        Self::default()
    }

    /// An iterator over the statements of the document in `reader`, in document order.
    ///
    /// After the first error the iterator ends: XML cannot be resynchronised reliably.
    pub fn for_reader<R: BufRead>(self, reader: R) -> ReaderXmlParser<R> {
        let mut reader = NsReader::from_reader(Tracked::new(reader));
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.check_comments = true;
        ReaderXmlParser {
            reader,
            buffer: Vec::new(),
            frames: Vec::new(),
            pop_pending: false,
            event_start: 0,
            statement: None,
            record: 1,
            state: State::Prolog,
        }
    }

    /// Reads a document that holds exactly one statement: a `<statement>` root, or a
    /// `<statements>` collection of one.
    ///
    /// # Errors
    ///
    /// As the iterator of [`XmlParser::for_reader`]; a document with no statement or with
    /// more than one is an [`XmlParseError::Syntax`] error too.
    pub fn parse_document(&self, reader: impl BufRead) -> Result<Statement> {
        let mut statements = self.clone().for_reader(reader);
        let first = statements.next().transpose()?;
        match (first, statements.next().transpose()?) {
            (Some(statement), None) => Ok(statement),
            (None, _) => Err(statements.error_here("the document holds no statement").into()),
            (Some(_), Some(_)) => {
                Err(statements.error_here("the document holds more than one statement").into())
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Prolog,
    Collection,
    Done,
}

/// An element open in the input, for error paths.
#[derive(Debug)]
struct Frame {
    name: String,
    index: usize,
    children: Vec<(String, usize)>,
}

/// An iterator of the statements of one XML document; made by [`XmlParser::for_reader`].
#[derive(Debug)]
#[must_use]
pub struct ReaderXmlParser<R: BufRead> {
    reader: NsReader<Tracked<R>>,
    buffer: Vec<u8>,
    frames: Vec<Frame>,
    pop_pending: bool,
    /// Byte offset where the current event starts.
    event_start: u64,
    statement: Option<String>,
    /// 1-based number of the statement being read, or to be read next.
    record: u64,
    state: State,
}

/// One XML event as the vocabulary sees it.
enum Node {
    Open(Open),
    Close,
    /// Character data with references resolved and line ends normalised.
    Text(String),
    Eof,
}

/// A start tag in the communique namespace.
struct Open {
    name: String,
    attributes: Vec<(Name, String)>,
    at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Name {
    /// No namespace.
    Plain(String),
    /// The XML namespace (`xml:lang`).
    Xml(String),
}

impl Open {
    fn take(&mut self, name: &str) -> Option<String> {
        let at = self.attributes.iter().position(|(n, _)| matches!(n, Name::Plain(p) if p == name))?;
        Some(self.attributes.remove(at).1)
    }

    fn take_xml(&mut self, name: &str) -> Option<String> {
        let at = self.attributes.iter().position(|(n, _)| matches!(n, Name::Xml(p) if p == name))?;
        Some(self.attributes.remove(at).1)
    }
}

type Result<T> = std::result::Result<T, XmlParseError>;

/// A fault found while turning an event into a [`Node`]: byte offset and message.
type Fault = (u64, String);

impl<R: BufRead> Iterator for ReaderXmlParser<R> {
    type Item = Result<Statement>;

    fn next(&mut self) -> Option<Self::Item> {
        let result = match self.state {
            State::Done => return None,
            State::Prolog => self.root(),
            State::Collection => self.next_in_collection(),
        };
        match result {
            Ok(Some(statement)) => Some(Ok(statement)),
            Ok(None) => {
                self.state = State::Done;
                None
            }
            Err(error) => {
                self.state = State::Done;
                Some(Err(error))
            }
        }
    }
}

impl<R: BufRead> ReaderXmlParser<R> {
    /// An error at the start of the current event.
    fn error_here(&self, message: impl Into<String>) -> XmlSyntaxError {
        self.error_at(self.event_start, message)
    }

    fn error_at(&self, offset: u64, message: impl Into<String>) -> XmlSyntaxError {
        let (line, column) = self.reader.get_ref().locate(offset);
        let mut path = String::new();
        for (depth, frame) in self.frames.iter().enumerate() {
            path.push('/');
            path.push_str(&frame.name);
            if depth > 0 {
                path.push_str(&format!("[{}]", frame.index));
            }
        }
        let position = TextPosition::default()
            .with_line(line)
            .with_column(column)
            .with_byte_offset(offset)
            .with_record(self.record);
        XmlSyntaxError::new(position, path, self.statement.clone(), message)
    }

    fn root(&mut self) -> Result<Option<Statement>> {
        loop {
            match self.node()? {
                Node::Text(text) if is_whitespace(&text) => {}
                Node::Text(_) => return Err(self.error_here("text before the root element").into()),
                Node::Eof => return Err(self.error_here("the document has no root element").into()),
                Node::Close => return Err(self.error_here("end tag before the root element").into()),
                Node::Open(mut open) if open.name == "statements" => {
                    self.finish_attributes(&mut open)?;
                    self.state = State::Collection;
                    return self.next_in_collection();
                }
                Node::Open(open) if open.name == "statement" => {
                    let statement = self.statement(open)?;
                    self.epilog()?;
                    self.state = State::Done;
                    return Ok(Some(statement));
                }
                Node::Open(open) => {
                    return Err(self
                        .error_at(
                            open.at,
                            format!(
                                "the root element must be <statements> or <statement>, not <{}>",
                                open.name
                            ),
                        )
                        .into());
                }
            }
        }
    }

    fn next_in_collection(&mut self) -> Result<Option<Statement>> {
        match self.child()? {
            Some(open) if open.name == "statement" => self.statement(open).map(Some),
            Some(open) => Err(self.unexpected(&open)),
            None => {
                self.epilog()?;
                Ok(None)
            }
        }
    }

    /// After the root element: only white space, comments and processing instructions.
    fn epilog(&mut self) -> Result<()> {
        loop {
            match self.node()? {
                Node::Eof => return Ok(()),
                Node::Text(text) if is_whitespace(&text) => {}
                Node::Open(open) => {
                    return Err(self.error_at(open.at, "a second root element after the first").into());
                }
                _ => return Err(self.error_here("content after the root element").into()),
            }
        }
    }

    /// The next event, as a [`Node`]; comments and processing instructions are skipped.
    fn node(&mut self) -> Result<Node> {
        loop {
            if self.pop_pending {
                self.frames.pop();
                self.pop_pending = false;
            }
            let start = self.reader.buffer_position();
            self.reader.get_mut().mark(start);
            self.event_start = start;
            self.buffer.clear();
            let outcome = match self.reader.read_event_into(&mut self.buffer) {
                Err(error) => {
                    let at = self.reader.error_position().max(start);
                    return Err(self.error_at(at, format!("not well-formed XML: {error}")).into());
                }
                Ok(event) => convert(&self.reader, event, start),
            };
            match outcome {
                Err((at, message)) => return Err(self.error_at(at, message).into()),
                Ok(None) => {}
                Ok(Some(Node::Open(open))) => {
                    let index = match self.frames.last_mut() {
                        Some(parent) => match parent.children.iter_mut().find(|(n, _)| *n == open.name) {
                            Some((_, count)) => {
                                *count += 1;
                                *count
                            }
                            None => {
                                parent.children.push((open.name.clone(), 1));
                                1
                            }
                        },
                        None => 1,
                    };
                    self.frames.push(Frame { name: open.name.clone(), index, children: Vec::new() });
                    return Ok(Node::Open(open));
                }
                Ok(Some(Node::Close)) => {
                    self.pop_pending = true;
                    return Ok(Node::Close);
                }
                Ok(Some(Node::Eof)) => {
                    if let Some(frame) = self.frames.last() {
                        let name = frame.name.clone();
                        return Err(self.error_here(format!("the input ends inside <{name}>")).into());
                    }
                    return Ok(Node::Eof);
                }
                Ok(Some(node)) => return Ok(node),
            }
        }
    }

    /// The next child element of the current element, or `None` at its end tag; white
    /// space between elements is skipped.
    fn child(&mut self) -> Result<Option<Open>> {
        loop {
            match self.node()? {
                Node::Open(open) => return Ok(Some(open)),
                Node::Close => return Ok(None),
                Node::Text(text) if is_whitespace(&text) => {}
                Node::Text(text) => {
                    let parent = self.frames.last().map(|f| f.name.clone()).unwrap_or_default();
                    return Err(self
                        .error_here(format!(
                            "text {:?} is not allowed in <{parent}>, only elements",
                            excerpt(&text)
                        ))
                        .into());
                }
                Node::Eof => return Err(self.error_here("the input ends inside an element").into()),
            }
        }
    }

    fn unexpected(&self, open: &Open) -> XmlParseError {
        let parent = self.frames.iter().rev().nth(1).map(|f| f.name.as_str()).unwrap_or_default();
        self.error_at(open.at, format!("element <{}> is not allowed in <{parent}>", open.name)).into()
    }

    /// Errors on any attribute left in `open`.
    fn finish_attributes(&self, open: &mut Open) -> Result<()> {
        match open.attributes.first() {
            None => Ok(()),
            Some((Name::Plain(name), _)) => {
                Err(self.error_at(open.at, format!("unknown attribute {name:?} on <{}>", open.name)).into())
            }
            Some((Name::Xml(name), _)) => Err(self
                .error_at(open.at, format!("attribute xml:{name} is not allowed on <{}>", open.name))
                .into()),
        }
    }

    fn required(&self, open: &mut Open, name: &str) -> Result<String> {
        open.take(name).ok_or_else(|| {
            self.error_at(open.at, format!("<{}> lacks its required attribute {name:?}", open.name)).into()
        })
    }

    fn parse_attribute<T: FromStr>(&self, open: &Open, name: &str, value: &str, what: &str) -> Result<T> {
        value.parse().map_err(|_| {
            self.error_at(open.at, format!("attribute {name}={value:?} on <{}> is not {what}", open.name))
                .into()
        })
    }

    fn date_attribute(&self, open: &Open, name: &str, value: &str) -> Result<NaiveDate> {
        parse_iso_date(value).map_err(|message| {
            self.error_at(open.at, format!("attribute {name} on <{}>: {message}", open.name)).into()
        })
    }

    fn kind<T>(&self, open: &mut Open, parse: fn(&str) -> Option<T>, names: &[&str]) -> Result<T> {
        let value = self.required(open, "kind")?;
        parse(&value).ok_or_else(|| {
            self.error_at(
                open.at,
                format!("kind {value:?} of <{}> is not one of {}", open.name, names.join(", ")),
            )
            .into()
        })
    }

    /// Errors when a single-valued child appears a second time.
    fn once<T>(&self, slot: &Option<T>, open: &Open) -> Result<()> {
        match slot {
            Some(_) => Err(self.error_at(open.at, format!("<{}> appears more than once", open.name)).into()),
            None => Ok(()),
        }
    }

    fn missing(&self, parent: &str, child: &str) -> XmlParseError {
        self.error_here(format!("<{parent}> lacks its required <{child}>")).into()
    }

    /// Content of a text element: character data and `<c u="XXXX"/>` escapes, exactly.
    fn text(&mut self, mut open: Open) -> Result<String> {
        self.finish_attributes(&mut open)?;
        self.text_content()
    }

    fn text_content(&mut self) -> Result<String> {
        let mut text = String::new();
        loop {
            match self.node()? {
                Node::Text(part) => text.push_str(&part),
                Node::Close => return Ok(text),
                Node::Open(mut open) if open.name == CHAR_ELEMENT => {
                    let code = self.required(&mut open, CHAR_ATTRIBUTE)?;
                    self.finish_attributes(&mut open)?;
                    let c = unescape_char(&code).ok_or_else(|| {
                        self.error_at(
                            open.at,
                            format!("<c u={code:?}> must name, in four uppercase hex digits, a character XML 1.0 cannot carry"),
                        )
                    })?;
                    self.empty()?;
                    text.push(c);
                }
                Node::Open(open) => {
                    let parent = self.frames.iter().rev().nth(1).map(|f| f.name.as_str()).unwrap_or_default();
                    return Err(self
                        .error_at(
                            open.at,
                            format!("element <{}> is not allowed in the text of <{parent}>", open.name),
                        )
                        .into());
                }
                Node::Eof => return Err(self.error_here("the input ends inside a text").into()),
            }
        }
    }

    /// The rest of an element that has no children (white space is allowed).
    fn empty(&mut self) -> Result<()> {
        match self.child()? {
            None => Ok(()),
            Some(open) => Err(self.unexpected(&open)),
        }
    }

    fn statement(&mut self, mut open: Open) -> Result<Statement> {
        let id = self.required(&mut open, "id")?;
        self.statement = Some(id.clone());
        let kind =
            self.kind(&mut open, StatementKind::from_name, &StatementKind::ALL.map(StatementKind::as_str))?;
        let language = open.take_xml("lang");
        let _ = open.take_xml("space");
        self.finish_attributes(&mut open)?;
        let mut s = Statement { id, kind, language, ..Statement::default() };
        let mut source = None;
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "title" => {
                    self.once(&s.title, &child)?;
                    s.title = Some(self.text(child)?);
                }
                "issuer" => s.issuers.push(self.issuer(child)?),
                "place" => s.places.push(self.text(child)?),
                "date" => self.statement_date(&mut s, child)?,
                "docNumber" => {
                    self.once(&s.reference, &child)?;
                    s.reference = Some(self.text(child)?);
                }
                "keyword" => s.keywords.push(self.text(child)?),
                "source" => {
                    self.once(&source, &child)?;
                    source = Some(self.source(child)?);
                }
                "fixity" => {
                    self.once(&s.fixity, &child)?;
                    s.fixity = Some(self.fixity(child)?);
                }
                "sourceText" => {
                    self.once(&s.source_text, &child)?;
                    s.source_text = Some(self.text(child)?);
                }
                "paragraph" => s.paragraphs.push(self.paragraph(child)?),
                "commitment" => s.commitments.push(self.commitment(child)?),
                "note" => s.notes.push(self.note(child)?),
                _ => return Err(self.unexpected(&child)),
            }
        }
        s.source = source.unwrap_or_default();
        self.statement = None;
        self.record += 1;
        Ok(s)
    }

    fn issuer(&mut self, mut open: Open) -> Result<Actor> {
        let kind = self.kind(&mut open, ActorKind::from_name, &ActorKind::ALL.map(ActorKind::as_str))?;
        self.finish_attributes(&mut open)?;
        let (mut name, mut role) = (None, None);
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "name" => {
                    self.once(&name, &child)?;
                    name = Some(self.text(child)?);
                }
                "role" => {
                    self.once(&role, &child)?;
                    role = Some(self.text(child)?);
                }
                _ => return Err(self.unexpected(&child)),
            }
        }
        let name = name.ok_or_else(|| self.missing("issuer", "name"))?;
        Ok(Actor { name, kind, role })
    }

    /// `<date name="…" date="…" time="…"? offset="…"?/>`: the name and either a date or
    /// a timestamp.
    ///
    /// `issued` and `retrieved` are calendar dates and take no time; `lastUpdated` and
    /// `published` are timestamps and need one.
    fn date(&mut self, mut open: Open, names: &[&str]) -> Result<(String, DateValue)> {
        let name = self.required(&mut open, "name")?;
        if !names.contains(&name.as_str()) {
            return Err(self
                .error_at(open.at, format!("date name {name:?} is not one of {} here", names.join(", ")))
                .into());
        }
        let date_text = self.required(&mut open, "date")?;
        let date = self.date_attribute(&open, "date", &date_text)?;
        let time = open.take("time");
        let offset = open.take("offset");
        self.finish_attributes(&mut open)?;
        let timestamp = matches!(name.as_str(), "lastUpdated" | "published");
        let value = match (time, offset) {
            (None, None) if !timestamp => DateValue::Date(date),
            (None, None) => {
                return Err(self
                    .error_at(open.at, format!("date {name:?} is a timestamp: it needs a time of day"))
                    .into());
            }
            (_, _) if !timestamp => {
                return Err(self
                    .error_at(
                        open.at,
                        format!("date {name:?} is a calendar date: it takes no time or offset"),
                    )
                    .into());
            }
            (None, Some(_)) => {
                return Err(self.error_at(open.at, "a date with an offset needs a time").into());
            }
            (Some(time), offset) => {
                let time_ok =
                    !time.is_empty() && time.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
                let offset = offset.unwrap_or_default();
                let offset_ok = offset.is_empty() || offset == "Z" || offset.starts_with(['+', '-']);
                let text = format!("{date_text}T{time}{offset}");
                let timestamp =
                    (time_ok && offset_ok).then(|| text.parse::<Timestamp>().ok()).flatten().filter(|_| {
                        offset_ok && (offset.is_empty() || text.len() > date_text.len() + 1 + time.len())
                    });
                match timestamp {
                    Some(timestamp) => DateValue::Timestamp(timestamp),
                    None => {
                        return Err(self
                            .error_at(
                                open.at,
                                format!(
                                    "time {time:?} with offset {offset:?} is not HH:MM[:SS[.fff]] with Z or ±HH:MM, or is no time of day"
                                ),
                            )
                            .into());
                    }
                }
            }
        };
        self.empty()?;
        Ok((name, value))
    }

    fn statement_date(&mut self, s: &mut Statement, open: Open) -> Result<()> {
        let at = open.at;
        let (name, value) = self.date(open, &["issued", "lastUpdated", "published"])?;
        let twice = |parser: &Self| -> XmlParseError {
            parser.error_at(at, format!("date {name:?} appears more than once")).into()
        };
        match (name.as_str(), value) {
            ("issued", DateValue::Date(date)) => {
                if s.issued.is_some() {
                    return Err(twice(self));
                }
                s.issued = Some(date);
            }
            ("lastUpdated", DateValue::Timestamp(t)) => {
                if s.last_updated.is_some() {
                    return Err(twice(self));
                }
                s.last_updated = Some(t);
            }
            ("published", DateValue::Timestamp(t)) => {
                if s.published.is_some() {
                    return Err(twice(self));
                }
                s.published = Some(t);
            }
            _ => unreachable!("date() gives issued a date and the others a timestamp"),
        }
        Ok(())
    }

    fn source(&mut self, mut open: Open) -> Result<Source> {
        self.finish_attributes(&mut open)?;
        let mut source = Source::default();
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "attribution" => {
                    self.once(&source.attribution, &child)?;
                    source.attribution = Some(self.text(child)?);
                }
                "url" => {
                    self.once(&source.url, &child)?;
                    source.url = Some(self.text(child)?);
                }
                "via" => {
                    self.once(&source.via, &child)?;
                    source.via = Some(self.text(child)?);
                }
                "date" => {
                    self.once(&source.retrieved, &child)?;
                    match self.date(child, &["retrieved"])? {
                        (_, DateValue::Date(date)) => source.retrieved = Some(date),
                        (_, DateValue::Timestamp(_)) => unreachable!("date() gives retrieved a date"),
                    }
                }
                _ => return Err(self.unexpected(&child)),
            }
        }
        Ok(source)
    }

    fn fixity(&mut self, mut open: Open) -> Result<Fixity> {
        let algorithm = self.required(&mut open, "algorithm")?;
        let algorithm = match algorithm.as_str() {
            "sha-256" => DigestAlgorithm::Sha256,
            other => {
                return Err(self
                    .error_at(open.at, format!("digest algorithm {other:?} is not one of sha-256"))
                    .into());
            }
        };
        let digest = self.required(&mut open, "digest")?;
        let size = self.required(&mut open, "size")?;
        let size = self.parse_attribute(&open, "size", &size, "a byte count")?;
        self.finish_attributes(&mut open)?;
        self.empty()?;
        Ok(Fixity { algorithm, digest, size })
    }

    fn span(&self, open: &mut Open) -> Result<Span> {
        let start = self.required(open, "start")?;
        let start = self.parse_attribute(open, "start", &start, "a code-point offset")?;
        let end = self.required(open, "end")?;
        let end = self.parse_attribute(open, "end", &end, "a code-point offset")?;
        Ok(Span { start, end })
    }

    fn source_span(&mut self, mut open: Open) -> Result<Span> {
        let span = self.span(&mut open)?;
        self.finish_attributes(&mut open)?;
        self.empty()?;
        Ok(span)
    }

    fn paragraph(&mut self, mut open: Open) -> Result<Paragraph> {
        let id = self.required(&mut open, "eId")?;
        let kind =
            self.kind(&mut open, ParagraphKind::from_name, &ParagraphKind::ALL.map(ParagraphKind::as_str))?;
        let speaker = open.take("speaker");
        self.finish_attributes(&mut open)?;
        let (mut number, mut text, mut source_span) = (None, None, None);
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "num" => {
                    self.once(&number, &child)?;
                    number = Some(self.text(child)?);
                }
                "text" => {
                    self.once(&text, &child)?;
                    text = Some(self.text(child)?);
                }
                "sourceSpan" => {
                    self.once(&source_span, &child)?;
                    source_span = Some(self.source_span(child)?);
                }
                _ => return Err(self.unexpected(&child)),
            }
        }
        let text = text.ok_or_else(|| self.missing("paragraph", "text"))?;
        Ok(Paragraph { id, number, kind, text, speaker, source_span })
    }

    fn commitment(&mut self, mut open: Open) -> Result<Commitment> {
        let id = self.required(&mut open, "eId")?;
        let paragraph = self.required(&mut open, "paragraph")?;
        let kind = self.kind(
            &mut open,
            CommitmentKind::from_name,
            &CommitmentKind::ALL.map(CommitmentKind::as_str),
        )?;
        let future_oriented = self.boolean(&mut open, "futureOriented")?;
        let conditional = self.boolean(&mut open, "conditional")?;
        self.finish_attributes(&mut open)?;
        let mut quote = None;
        let mut method = None;
        let (mut actor, mut actor_resolved, mut addressee, mut cue, mut intensifier) =
            (None, None, None, None, None);
        let mut references = Vec::new();
        let mut assessments = Vec::new();
        while let Some(mut child) = self.child()? {
            let slot = match child.name.as_str() {
                "quote" => {
                    self.once(&quote, &child)?;
                    let span = self.span(&mut child)?;
                    let text = self.text(child)?;
                    quote = Some((span, text));
                    continue;
                }
                "method" => {
                    self.once(&method, &child)?;
                    method = Some(self.method(child)?);
                    continue;
                }
                "reference" => {
                    references.push(self.text(child)?);
                    continue;
                }
                "assessment" => {
                    assessments.push(self.assessment(child)?);
                    continue;
                }
                "actor" => &mut actor,
                "actorResolved" => &mut actor_resolved,
                "addressee" => &mut addressee,
                "cue" => &mut cue,
                "intensifier" => &mut intensifier,
                _ => return Err(self.unexpected(&child)),
            };
            self.once(slot, &child)?;
            *slot = Some(self.text(child)?);
        }
        let (span, quote) = quote.ok_or_else(|| self.missing("commitment", "quote"))?;
        let method = method.ok_or_else(|| self.missing("commitment", "method"))?;
        Ok(Commitment {
            id,
            paragraph,
            span,
            quote,
            kind,
            actor,
            actor_resolved,
            addressee,
            cue,
            intensifier,
            future_oriented,
            conditional,
            references,
            method,
            assessments,
        })
    }

    /// An optional `xs:boolean` attribute (`true`, `false`, `1`, `0`); absent is false.
    fn boolean(&self, open: &mut Open, name: &str) -> Result<bool> {
        match open.take(name).as_deref() {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1") => Ok(true),
            Some(other) => Err(self
                .error_at(open.at, format!("attribute {name}={other:?} on <{}> is not a boolean", open.name))
                .into()),
        }
    }

    fn method(&mut self, mut open: Open) -> Result<Method> {
        let kind = match self.required(&mut open, "type")?.as_str() {
            "rule" => MethodKind::Rule,
            "manual" => MethodKind::Manual,
            other => {
                return Err(self
                    .error_at(open.at, format!("method type {other:?} is not one of rule, manual"))
                    .into());
            }
        };
        let rule = open.take("rule");
        let codebook = open.take("codebook");
        self.finish_attributes(&mut open)?;
        let mut annotator = None;
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "annotator" => {
                    self.once(&annotator, &child)?;
                    annotator = Some(self.text(child)?);
                }
                _ => return Err(self.unexpected(&child)),
            }
        }
        Ok(Method { kind, rule, codebook, annotator })
    }

    fn assessment(&mut self, mut open: Open) -> Result<Assessment> {
        let score = self.required(&mut open, "score")?;
        let score = self.parse_attribute(&open, "score", &score, "an integer score")?;
        let period_start = match open.take("periodStart") {
            Some(value) => Some(self.date_attribute(&open, "periodStart", &value)?),
            None => None,
        };
        let period_end = match open.take("periodEnd") {
            Some(value) => Some(self.date_attribute(&open, "periodEnd", &value)?),
            None => None,
        };
        self.finish_attributes(&mut open)?;
        let (mut evidence, mut assessor) = (None, None);
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "evidence" => {
                    self.once(&evidence, &child)?;
                    evidence = Some(self.text(child)?);
                }
                "assessor" => {
                    self.once(&assessor, &child)?;
                    assessor = Some(self.text(child)?);
                }
                _ => return Err(self.unexpected(&child)),
            }
        }
        let assessor = assessor.ok_or_else(|| self.missing("assessment", "assessor"))?;
        Ok(Assessment { score, period_start, period_end, evidence, assessor })
    }

    fn note(&mut self, mut open: Open) -> Result<Note> {
        let code = self.required(&mut open, "code")?;
        self.finish_attributes(&mut open)?;
        let (mut message, mut source_span) = (None, None);
        while let Some(child) = self.child()? {
            match child.name.as_str() {
                "message" => {
                    self.once(&message, &child)?;
                    message = Some(self.text(child)?);
                }
                "sourceSpan" => {
                    self.once(&source_span, &child)?;
                    source_span = Some(self.source_span(child)?);
                }
                _ => return Err(self.unexpected(&child)),
            }
        }
        let message = message.ok_or_else(|| self.missing("note", "message"))?;
        Ok(Note { code, message, source_span })
    }
}

enum DateValue {
    Date(NaiveDate),
    Timestamp(Timestamp),
}

/// XML white space (production `S`): space, tab, CR, LF.
fn is_whitespace(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

fn excerpt(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &trimmed[..at]),
        None => trimmed.to_owned(),
    }
}

/// First character XML 1.0 cannot carry in `text`, as a fault at `start` + its byte index.
///
/// Scans bytes: in UTF-8 the characters at fault are the bytes below 0x20 other than tab,
/// LF and CR, and the sequences EF BF BE (U+FFFE) and EF BF BF (U+FFFF).
fn check_chars(text: &str, start: u64) -> std::result::Result<(), Fault> {
    let bytes = text.as_bytes();
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || (b == 0xEF && bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)))
    });
    match at.and_then(|at| Some((at, text[at..].chars().next()?))) {
        None => Ok(()),
        Some((at, c)) => Err((
            start + at as u64,
            format!(
                "U+{:04X} is not a character XML 1.0 allows (the writer escapes it as <c u=\"{:04X}\"/>)",
                u32::from(c),
                u32::from(c)
            ),
        )),
    }
}

/// Turns a quick-xml event into a [`Node`]; `None` for what the vocabulary skips.
fn convert<R>(
    reader: &NsReader<R>,
    event: Event<'_>,
    start: u64,
) -> std::result::Result<Option<Node>, Fault> {
    Ok(Some(match event {
        Event::Start(tag) => {
            let (namespace, local) = reader.resolver().resolve_element(tag.name());
            let name: &str = local.as_ref();
            match namespace {
                ResolveResult::Bound(ns) if ns.0 == NAMESPACE => {}
                ResolveResult::Bound(ns) => {
                    return Err((
                        start,
                        format!("element <{name}> is in namespace {:?}, not {NAMESPACE:?}", ns.0),
                    ));
                }
                _ => {
                    return Err((
                        start,
                        format!("element <{name}> is in no namespace; expected {NAMESPACE:?}"),
                    ));
                }
            }
            let mut attributes = Vec::new();
            for attribute in tag.attributes() {
                let attribute =
                    attribute.map_err(|error| (start, format!("malformed attribute: {error}")))?;
                if attribute.key.as_namespace_binding().is_some() {
                    continue;
                }
                let value = attribute
                    .normalized_value(XmlVersion::Explicit1_0)
                    .map_err(|error| (start, format!("attribute {:?}: {error}", attribute.key.0)))?;
                check_chars(&value, start)?;
                let (namespace, local) = reader.resolver().resolve_attribute(attribute.key);
                let local: &str = local.as_ref();
                let key = match namespace {
                    ResolveResult::Unbound => Name::Plain(local.to_owned()),
                    ResolveResult::Bound(ns) if ns.0 == XML_NAMESPACE => Name::Xml(local.to_owned()),
                    ResolveResult::Bound(ns) if ns.0 == XSI_NAMESPACE => continue,
                    ResolveResult::Bound(ns) => {
                        return Err((
                            start,
                            format!("attribute {:?} is in foreign namespace {:?}", attribute.key.0, ns.0),
                        ));
                    }
                    ResolveResult::Unknown(prefix) => {
                        return Err((
                            start,
                            format!("attribute {:?} uses the undeclared prefix {prefix:?}", attribute.key.0),
                        ));
                    }
                };
                attributes.push((key, value.into_owned()));
            }
            Node::Open(Open { name: name.to_owned(), attributes, at: start })
        }
        Event::End(_) => Node::Close,
        Event::Empty(_) => unreachable!("empty elements are expanded"),
        Event::Text(text) => {
            check_chars(&text, start)?;
            Node::Text(text.xml10_content().into_owned())
        }
        Event::CData(data) => {
            check_chars(&data, start)?;
            Node::Text(data.xml10_content().into_owned())
        }
        Event::GeneralRef(reference) => {
            let c = match reference.resolve_char_ref() {
                Ok(Some(c)) if is_xml_char(c) => c,
                Ok(Some(c)) => {
                    return Err((
                        start,
                        format!(
                            "&{}; names U+{:04X}, which XML 1.0 does not allow (write <c u=\"{:04X}\"/>)",
                            &*reference,
                            u32::from(c),
                            u32::from(c)
                        ),
                    ));
                }
                Err(error) => {
                    return Err((start, format!("bad character reference &{};: {error}", &*reference)));
                }
                Ok(None) => match &*reference {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => {
                        return Err((
                            start,
                            format!("undefined entity &{other}; (only the five predefined ones are allowed)"),
                        ));
                    }
                },
            };
            Node::Text(c.to_string())
        }
        Event::Decl(decl) => {
            let version = decl.version().map_err(|error| (start, format!("bad XML declaration: {error}")))?;
            if &*version != "1.0" {
                return Err((start, format!("XML version {version:?} is not read; only 1.0")));
            }
            if let Some(encoding) = decl.encoding() {
                let encoding = encoding.map_err(|error| (start, format!("bad XML declaration: {error}")))?;
                if !encoding.eq_ignore_ascii_case("utf-8") {
                    return Err((start, format!("encoding {encoding:?} is not read; only UTF-8")));
                }
            }
            return Ok(None);
        }
        Event::DocType(_) => {
            return Err((start, "document type declarations (DOCTYPE) are not allowed".to_owned()));
        }
        Event::PI(_) | Event::Comment(_) => return Ok(None),
        Event::Eof => Node::Eof,
    }))
}
