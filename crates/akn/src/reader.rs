//! The reader: one Akoma Ntoso document, one statement.

use crate::dom::{self, Element, Node, Ns};
use crate::error::{AknParseError, AknSyntaxError};
use crate::escape::{MARKER_PREFIX, unescape};
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, DigestAlgorithm, Fixity, Method, MethodKind,
    Note, Paragraph, ParagraphKind, Source, Span, Statement, StatementKind, TextPosition, Timestamp,
    parse_iso_date,
};
use std::collections::HashMap;
use std::io::BufRead;
use std::str::FromStr;

/// Reads statements from Akoma Ntoso 3.0 documents as [`AknSerializer`] writes them.
///
/// A document holds one statement; [`AknParser::for_reader`] gives an iterator that
/// yields it (or the error that stopped it) and then ends. The document is read whole
/// into memory first: one statement's document.
///
/// What is read from where (the crate README has the whole mapping): the id from
/// `FRBRWork/FRBRnumber`, the issue date from `FRBRWork/FRBRdate[@name="issued"]`, the
/// language from `FRBRExpression/FRBRlanguage`, the kind from the `classification`
/// keyword of the `#statementKind` dictionary; title, issuers, places and document
/// number from `<preface>`; paragraphs and the spans of inline commitments from
/// `<mainBody>`; the commitments' coding from `<analysis>`; keywords, timestamps,
/// source, fixity, source text and notes from `<proprietary>`. The rest of `<meta>`
/// (the other FRBR properties, `<lifecycle>`, `<references>`, the display copies of the
/// keywords) is there for Akoma Ntoso tools and is not read. Where the reader reads, an
/// element it does not expect is an error; attributes it does not use are ignored.
///
/// It checks well-formedness (XML 1.0, UTF-8, only the predefined entities, no
/// DOCTYPE), required parts, closed lists (kinds, dates that exist), and that every
/// inline commitment has its coding in `<analysis>` and every coding without a span of
/// its own has its inline mark. It does not run [`Statement::validate`]: call it for the
/// record's own invariants.
///
/// [`AknSerializer`]: crate::AknSerializer
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct AknParser {}

impl AknParser {
    /// An iterator over the statement of the document in `reader`: one item, the
    /// statement or the error that stopped it.
    pub fn for_reader<R: BufRead>(self, reader: R) -> ReaderAknParser<R> {
        ReaderAknParser { reader: Some(reader) }
    }

    /// Reads the statement of the document in `reader`.
    ///
    /// # Errors
    ///
    /// [`AknParseError::Io`] when reading fails; [`AknParseError::Syntax`] when the
    /// document is not well-formed or not a statement as this crate writes it.
    pub fn parse_document(&self, mut reader: impl BufRead) -> std::result::Result<Statement, AknParseError> {
        let mut input = Vec::new();
        reader.read_to_end(&mut input)?;
        Ok(self.parse_slice(&input)?)
    }

    /// Reads the statement of the document in `input`.
    ///
    /// # Errors
    ///
    /// An [`AknSyntaxError`] when the document is not well-formed or not a statement as
    /// this crate writes it.
    pub fn parse_slice(&self, input: &[u8]) -> Result<Statement> {
        let mut reading = Reading { input, statement: None };
        let root =
            dom::parse(input).map_err(|(offset, path, message)| reading.error_at(offset, path, message))?;
        reading.document(&root)
    }
}

/// The statement of one document, as an iterator; made by [`AknParser::for_reader`].
#[derive(Debug)]
#[must_use]
pub struct ReaderAknParser<R: BufRead> {
    reader: Option<R>,
}

impl<R: BufRead> Iterator for ReaderAknParser<R> {
    type Item = std::result::Result<Statement, AknParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let reader = self.reader.take()?;
        Some(AknParser::default().parse_document(reader))
    }
}

type Result<T> = std::result::Result<T, AknSyntaxError>;

/// An inline commitment found in a paragraph's text.
struct Mark {
    paragraph: String,
    span: Span,
    quote: String,
    /// Where the mark is, for errors.
    offset: u64,
    path: String,
}

/// A commitment's coding from `<analysis>`, and its span and quote when stand-off.
struct Coding {
    commitment: Commitment,
    stand_off: bool,
    offset: u64,
    path: String,
}

/// State of reading one document.
struct Reading<'a> {
    input: &'a [u8],
    /// The id, once read.
    statement: Option<String>,
}

/// True for XML white space (production `S`).
fn is_whitespace(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

impl Reading<'_> {
    fn error_at(&self, offset: u64, path: String, message: impl Into<String>) -> AknSyntaxError {
        // A document holds one statement: every fault is in record 1.
        let position = TextPosition::from_byte_offset(self.input, offset).with_record(1);
        AknSyntaxError::new(position, path, self.statement.clone(), message)
    }

    fn error(&self, element: &Element, message: impl Into<String>) -> AknSyntaxError {
        self.error_at(element.offset, element.path.clone(), message)
    }

    /// The child elements of `element`, which holds no text but white space.
    fn children<'e>(&self, element: &'e Element) -> Result<Vec<&'e Element>> {
        let mut children = Vec::new();
        for node in &element.children {
            match node {
                Node::Element(child) => children.push(child),
                Node::Text(text) if is_whitespace(text) => {}
                Node::Text(text) => {
                    return Err(self.error(
                        element,
                        format!(
                            "text {:?} is not allowed in <{}>, only elements",
                            excerpt(text),
                            element.name
                        ),
                    ));
                }
            }
        }
        Ok(children)
    }

    fn unexpected(&self, child: &Element, parent: &Element) -> AknSyntaxError {
        self.error(child, format!("element <{}> is not expected in <{}>", child.name, parent.name))
    }

    fn required<'e>(&self, element: &'e Element, name: &str) -> Result<&'e str> {
        element
            .attribute(name)
            .ok_or_else(|| self.error(element, format!("<{}> lacks its attribute {name:?}", element.name)))
    }

    /// The one child `name` (namespace `ns`) of `element`.
    fn only<'e>(&self, element: &'e Element, ns: &Ns, name: &str) -> Result<&'e Element> {
        let children = self.children(element)?;
        match children.as_slice() {
            [child] if child.is(ns, name) => Ok(child),
            [child] => Err(self.unexpected(child, element)),
            _ => Err(self.error(element, format!("<{}> must hold exactly one <{name}>", element.name))),
        }
    }

    fn number<T: FromStr>(&self, element: &Element, name: &str, value: &str, what: &str) -> Result<T> {
        value
            .parse()
            .map_err(|_| self.error(element, format!("{name}={value:?} on <{}> is not {what}", element.name)))
    }

    fn date(&self, element: &Element, name: &str, value: &str) -> Result<NaiveDate> {
        parse_iso_date(value)
            .map_err(|message| self.error(element, format!("{name} on <{}>: {message}", element.name)))
    }

    fn once<T>(&self, slot: &Option<T>, element: &Element) -> Result<()> {
        match slot {
            Some(_) => Err(self.error(element, format!("<{}> appears more than once", element.name))),
            None => Ok(()),
        }
    }

    /// The text of an Akoma Ntoso element: character data and `<marker name="U+XXXX"/>`
    /// escapes.
    fn text(&self, element: &Element) -> Result<String> {
        let mut text = String::new();
        for node in &element.children {
            match node {
                Node::Text(part) => text.push_str(part),
                Node::Element(child) => text.push(self.marker(child, element)?),
            }
        }
        Ok(text)
    }

    /// The character an escape marker stands for.
    fn marker(&self, child: &Element, parent: &Element) -> Result<char> {
        if !child.is(&Ns::Akn, "marker") {
            return Err(self.error(
                child,
                format!("element <{}> is not allowed in the text of <{}>", child.name, parent.name),
            ));
        }
        let name = self.required(child, "name")?;
        name.strip_prefix(MARKER_PREFIX).and_then(unescape).ok_or_else(|| {
            self.error(
                child,
                format!("<marker name={name:?}> must name, as U+ and four uppercase hex digits, a character XML 1.0 cannot carry"),
            )
        })
    }

    /// The text of an extension element: character data and `<cq:c u="XXXX"/>` escapes.
    fn extension_text(&self, element: &Element) -> Result<String> {
        let mut text = String::new();
        for node in &element.children {
            match node {
                Node::Text(part) => text.push_str(part),
                Node::Element(child) if child.is(&Ns::Ext, "c") => {
                    let code = self.required(child, "u")?;
                    let c = unescape(code).ok_or_else(|| {
                        self.error(
                            child,
                            format!("<cq:c u={code:?}> must name, in four uppercase hex digits, a character XML 1.0 cannot carry"),
                        )
                    })?;
                    text.push(c);
                }
                Node::Element(child) => {
                    return Err(self.error(
                        child,
                        format!("element <{}> is not allowed in the text of <{}>", child.name, element.name),
                    ));
                }
            }
        }
        Ok(text)
    }

    /// The text of a paragraph, with its inline commitments (`<inline name="commitment">`)
    /// added to `marks`.
    fn marked_text(
        &self,
        element: &Element,
        paragraph: &str,
        marks: &mut Vec<(String, Mark)>,
    ) -> Result<String> {
        let mut text = String::new();
        let mut code_points = 0;
        for node in &element.children {
            match node {
                Node::Text(part) => {
                    text.push_str(part);
                    code_points += part.chars().count();
                }
                Node::Element(child)
                    if child.is(&Ns::Akn, "inline") && child.attribute("name") == Some("commitment") =>
                {
                    let id = self.required(child, "eId")?;
                    let quote = self.text(child)?;
                    let start = code_points;
                    code_points += quote.chars().count();
                    text.push_str(&quote);
                    marks.push((
                        id.to_owned(),
                        Mark {
                            paragraph: paragraph.to_owned(),
                            span: Span::new(start, code_points),
                            quote,
                            offset: child.offset,
                            path: child.path.clone(),
                        },
                    ));
                }
                Node::Element(child) => {
                    text.push(self.marker(child, element)?);
                    code_points += 1;
                }
            }
        }
        Ok(text)
    }

    fn document(&mut self, root: &Element) -> Result<Statement> {
        if !root.is(&Ns::Akn, "akomaNtoso") {
            return Err(
                self.error(root, format!("the root element must be <akomaNtoso> in {:?}", crate::NAMESPACE))
            );
        }
        let doc = self.only(root, &Ns::Akn, "doc")?;
        if doc.attribute("name") != Some(crate::naming::SUBTYPE) {
            return Err(self.error(doc, "the document must be <doc name=\"statement\">"));
        }
        let mut statement = Statement::default();
        let mut codings = Vec::new();
        let mut marks = Vec::new();
        let (mut meta, mut body) = (false, false);
        for child in self.children(doc)? {
            match child.name.as_str() {
                "meta" if child.ns == Ns::Akn && !meta => {
                    self.meta(child, &mut statement, &mut codings)?;
                    meta = true;
                }
                "preface" if child.ns == Ns::Akn && meta && !body => self.preface(child, &mut statement)?,
                "mainBody" if child.ns == Ns::Akn && meta && !body => {
                    self.main_body(child, &mut statement, &mut marks)?;
                    body = true;
                }
                _ => return Err(self.unexpected(child, doc)),
            }
        }
        if !body {
            return Err(self.error(doc, "<doc> lacks its <meta> or <mainBody>"));
        }
        statement.commitments = self.commitments(codings, marks)?;
        Ok(statement)
    }

    /// Joins the codings of `<analysis>` (in record order) with the inline marks.
    fn commitments(&self, codings: Vec<Coding>, marks: Vec<(String, Mark)>) -> Result<Vec<Commitment>> {
        let mut inline: HashMap<String, Mark> = HashMap::with_capacity(marks.len());
        for (id, mark) in marks {
            if inline.contains_key(&id) {
                return Err(self.error_at(
                    mark.offset,
                    mark.path,
                    format!("commitment {id:?} is marked twice"),
                ));
            }
            inline.insert(id, mark);
        }
        let mut commitments = Vec::with_capacity(codings.len());
        for mut coding in codings {
            if !coding.stand_off {
                let Some(mark) = inline.remove(&coding.commitment.id) else {
                    return Err(self.error_at(
                        coding.offset,
                        coding.path,
                        format!(
                            "commitment {:?} has neither a span of its own nor an inline mark in the body",
                            coding.commitment.id
                        ),
                    ));
                };
                coding.commitment.paragraph = mark.paragraph;
                coding.commitment.span = mark.span;
                coding.commitment.quote = mark.quote;
            }
            commitments.push(coding.commitment);
        }
        if let Some((id, mark)) = inline.into_iter().min_by_key(|(_, mark)| mark.offset) {
            return Err(self.error_at(
                mark.offset,
                mark.path,
                format!("commitment {id:?} has no coding in <analysis>"),
            ));
        }
        Ok(commitments)
    }

    fn meta(&mut self, meta: &Element, s: &mut Statement, codings: &mut Vec<Coding>) -> Result<()> {
        let mut identification = false;
        let mut kind = None;
        for child in self.children(meta)? {
            if child.ns != Ns::Akn {
                return Err(self.unexpected(child, meta));
            }
            match child.name.as_str() {
                "identification" => {
                    if identification {
                        return Err(self.error(child, "<identification> appears more than once"));
                    }
                    self.identification(child, s)?;
                    identification = true;
                }
                "classification" => {
                    for keyword in self.children(child)? {
                        if keyword.is(&Ns::Akn, "keyword")
                            && keyword.attribute("dictionary") == Some("#statementKind")
                        {
                            self.once(&kind, keyword)?;
                            let value = self.required(keyword, "value")?;
                            kind = Some(StatementKind::from_name(value).ok_or_else(|| {
                                self.error(
                                    keyword,
                                    format!(
                                        "statement kind {value:?} is not one of {}",
                                        StatementKind::ALL.map(StatementKind::as_str).join(", ")
                                    ),
                                )
                            })?);
                        }
                    }
                }
                "analysis" => {
                    for other in self.children(child)? {
                        if !other.is(&Ns::Akn, "otherAnalysis") {
                            return Err(self.unexpected(other, child));
                        }
                        for coding in self.children(other)? {
                            if !coding.is(&Ns::Ext, "commitment") {
                                return Err(self.unexpected(coding, other));
                            }
                            codings.push(self.coding(coding)?);
                        }
                    }
                }
                "proprietary" => self.proprietary(child, s)?,
                _ => {}
            }
        }
        if !identification {
            return Err(self.error(meta, "<meta> lacks its <identification>"));
        }
        s.kind = kind.ok_or_else(|| {
            self.error(meta, "<classification> lacks the keyword of dictionary \"#statementKind\"")
        })?;
        Ok(())
    }

    fn identification(&mut self, identification: &Element, s: &mut Statement) -> Result<()> {
        let (mut id, mut language) = (None, None);
        for level in self.children(identification)? {
            match level.name.as_str() {
                "FRBRWork" => {
                    for property in self.children(level)? {
                        match property.name.as_str() {
                            "FRBRnumber" => {
                                self.once(&id, property)?;
                                id = Some(self.required(property, "value")?.to_owned());
                                self.statement = id.clone();
                            }
                            "FRBRdate" if property.attribute("name") == Some("issued") => {
                                if s.issued.is_some() {
                                    return Err(self.error(property, "the issue date appears more than once"));
                                }
                                s.issued =
                                    Some(self.date(property, "date", self.required(property, "date")?)?);
                            }
                            _ => {}
                        }
                    }
                }
                "FRBRExpression" => {
                    for property in self.children(level)? {
                        if property.name == "FRBRlanguage" {
                            self.once(&language, property)?;
                            let unstated = property.attribute_in(&Ns::Ext, "unstated") == Some("true");
                            let tag = self.required(property, "language")?;
                            language = Some((!unstated).then(|| tag.to_owned()));
                        }
                    }
                }
                _ => {}
            }
        }
        s.id = id.ok_or_else(|| {
            self.error(identification, "<FRBRWork> lacks its <FRBRnumber>, the statement's id")
        })?;
        s.language = language
            .ok_or_else(|| self.error(identification, "<FRBRExpression> lacks its <FRBRlanguage>"))?;
        Ok(())
    }

    fn coding(&self, element: &Element) -> Result<Coding> {
        let id = self.required(element, "eId")?.to_owned();
        let kind = self.required(element, "kind")?;
        let kind = CommitmentKind::from_name(kind).ok_or_else(|| {
            self.error(
                element,
                format!(
                    "kind {kind:?} is not one of {}",
                    CommitmentKind::ALL.map(CommitmentKind::as_str).join(", ")
                ),
            )
        })?;
        let future_oriented = self.boolean(element, "futureOriented")?;
        let conditional = self.boolean(element, "conditional")?;
        let paragraph = element.attribute("paragraph");
        let (mut quote, mut method) = (None, None);
        let (mut actor, mut actor_resolved, mut addressee, mut cue, mut intensifier) =
            (None, None, None, None, None);
        let (mut references, mut assessments) = (Vec::new(), Vec::new());
        for child in self.children(element)? {
            if child.ns != Ns::Ext {
                return Err(self.unexpected(child, element));
            }
            let slot = match child.name.as_str() {
                "quote" => {
                    self.once(&quote, child)?;
                    let span = self.span(child, "start", "end")?;
                    quote = Some((span, self.extension_text(child)?));
                    continue;
                }
                "method" => {
                    self.once(&method, child)?;
                    method = Some(self.method(child)?);
                    continue;
                }
                "reference" => {
                    references.push(self.extension_text(child)?);
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
                _ => return Err(self.unexpected(child, element)),
            };
            self.once(slot, child)?;
            *slot = Some(self.extension_text(child)?);
        }
        let method = method.ok_or_else(|| self.error(element, "<cq:commitment> lacks its <cq:method>"))?;
        let stand_off = match (&quote, paragraph) {
            (Some(_), Some(_)) => true,
            (None, None) => false,
            _ => {
                return Err(self.error(
                    element,
                    "a stand-off <cq:commitment> needs both its paragraph attribute and its <cq:quote>; an inline one neither",
                ));
            }
        };
        let (span, quote) = quote.unwrap_or((Span::new(0, 0), String::new()));
        Ok(Coding {
            commitment: Commitment {
                id,
                paragraph: paragraph.unwrap_or_default().to_owned(),
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
            },
            stand_off,
            offset: element.offset,
            path: element.path.clone(),
        })
    }

    /// An optional `xs:boolean` attribute; absent is false.
    fn boolean(&self, element: &Element, name: &str) -> Result<bool> {
        match element.attribute(name) {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1") => Ok(true),
            Some(other) => {
                Err(self.error(element, format!("{name}={other:?} on <{}> is not a boolean", element.name)))
            }
        }
    }

    fn span(&self, element: &Element, start: &str, end: &str) -> Result<Span> {
        let start = self.number(element, start, self.required(element, start)?, "a code-point offset")?;
        let end = self.number(element, end, self.required(element, end)?, "a code-point offset")?;
        Ok(Span { start, end })
    }

    fn method(&self, element: &Element) -> Result<Method> {
        let kind = match self.required(element, "type")? {
            "rule" => MethodKind::Rule,
            "manual" => MethodKind::Manual,
            other => {
                return Err(self.error(element, format!("method type {other:?} is not one of rule, manual")));
            }
        };
        let rule = element.attribute("rule").map(str::to_owned);
        let codebook = element.attribute("codebook").map(str::to_owned);
        let mut annotator = None;
        for child in self.children(element)? {
            if !child.is(&Ns::Ext, "annotator") {
                return Err(self.unexpected(child, element));
            }
            self.once(&annotator, child)?;
            annotator = Some(self.extension_text(child)?);
        }
        Ok(Method { kind, rule, codebook, annotator })
    }

    fn assessment(&self, element: &Element) -> Result<Assessment> {
        let score = self.number(element, "score", self.required(element, "score")?, "an integer score")?;
        let period_start =
            element.attribute("periodStart").map(|v| self.date(element, "periodStart", v)).transpose()?;
        let period_end =
            element.attribute("periodEnd").map(|v| self.date(element, "periodEnd", v)).transpose()?;
        let (mut evidence, mut assessor) = (None, None);
        for child in self.children(element)? {
            let slot = match child.name.as_str() {
                "evidence" if child.ns == Ns::Ext => &mut evidence,
                "assessor" if child.ns == Ns::Ext => &mut assessor,
                _ => return Err(self.unexpected(child, element)),
            };
            self.once(slot, child)?;
            *slot = Some(self.extension_text(child)?);
        }
        let assessor =
            assessor.ok_or_else(|| self.error(element, "<cq:assessment> lacks its <cq:assessor>"))?;
        Ok(Assessment { score, period_start, period_end, evidence, assessor })
    }

    fn timestamp(&self, element: &Element) -> Result<Timestamp> {
        let value = self.required(element, "value")?;
        value.parse().map_err(|error| self.error(element, format!("{error}")))
    }

    fn proprietary(&self, proprietary: &Element, s: &mut Statement) -> Result<()> {
        let mut source = None;
        for child in self.children(proprietary)? {
            if child.ns != Ns::Ext {
                return Err(self.unexpected(child, proprietary));
            }
            match child.name.as_str() {
                "keyword" => s.keywords.push(self.extension_text(child)?),
                "date" => match self.required(child, "name")? {
                    "lastUpdated" => {
                        self.once(&s.last_updated, child)?;
                        s.last_updated = Some(self.timestamp(child)?);
                    }
                    "published" => {
                        self.once(&s.published, child)?;
                        s.published = Some(self.timestamp(child)?);
                    }
                    other => {
                        return Err(
                            self.error(child, format!("date {other:?} is not one of lastUpdated, published"))
                        );
                    }
                },
                "source" => {
                    self.once(&source, child)?;
                    source = Some(self.source(child)?);
                }
                "fixity" => {
                    self.once(&s.fixity, child)?;
                    let algorithm = match self.required(child, "algorithm")? {
                        "sha-256" => DigestAlgorithm::Sha256,
                        other => {
                            return Err(self
                                .error(child, format!("digest algorithm {other:?} is not one of sha-256")));
                        }
                    };
                    let digest = self.required(child, "digest")?.to_owned();
                    let size = self.number(child, "size", self.required(child, "size")?, "a byte count")?;
                    self.children(child)?
                        .first()
                        .map_or(Ok(()), |extra| Err(self.unexpected(extra, child)))?;
                    s.fixity = Some(Fixity { algorithm, digest, size });
                }
                "sourceText" => {
                    self.once(&s.source_text, child)?;
                    s.source_text = Some(self.extension_text(child)?);
                }
                "note" => s.notes.push(self.note(child)?),
                _ => return Err(self.unexpected(child, proprietary)),
            }
        }
        s.source = source.unwrap_or_default();
        Ok(())
    }

    fn source(&self, element: &Element) -> Result<Source> {
        let mut source = Source::default();
        for child in self.children(element)? {
            let slot = match child.name.as_str() {
                "attribution" if child.ns == Ns::Ext => &mut source.attribution,
                "url" if child.ns == Ns::Ext => &mut source.url,
                "via" if child.ns == Ns::Ext => &mut source.via,
                "date" if child.ns == Ns::Ext && child.attribute("name") == Some("retrieved") => {
                    self.once(&source.retrieved, child)?;
                    source.retrieved = Some(self.date(child, "value", self.required(child, "value")?)?);
                    continue;
                }
                _ => return Err(self.unexpected(child, element)),
            };
            self.once(slot, child)?;
            *slot = Some(self.extension_text(child)?);
        }
        Ok(source)
    }

    fn note(&self, element: &Element) -> Result<Note> {
        let code = self.required(element, "code")?.to_owned();
        let (mut message, mut source_span) = (None, None);
        for child in self.children(element)? {
            match child.name.as_str() {
                "message" if child.ns == Ns::Ext => {
                    self.once(&message, child)?;
                    message = Some(self.extension_text(child)?);
                }
                "sourceSpan" if child.ns == Ns::Ext => {
                    self.once(&source_span, child)?;
                    source_span = Some(self.span(child, "start", "end")?);
                }
                _ => return Err(self.unexpected(child, element)),
            }
        }
        let message = message.ok_or_else(|| self.error(element, "<cq:note> lacks its <cq:message>"))?;
        Ok(Note { code, message, source_span })
    }

    /// Title, issuers, places and document number.
    fn preface(&self, preface: &Element, s: &mut Statement) -> Result<()> {
        for child in self.children(preface)? {
            match child.name.as_str() {
                "longTitle" if child.ns == Ns::Akn => {
                    let p = self.only(child, &Ns::Akn, "p")?;
                    let title = self.only(p, &Ns::Akn, "docTitle")?;
                    self.once(&s.title, child)?;
                    s.title = Some(self.text(title)?);
                }
                "p" if child.ns == Ns::Akn => self.preface_line(child, s)?,
                _ => return Err(self.unexpected(child, preface)),
            }
        }
        Ok(())
    }

    /// One `<p>` of the preface: an issuer (and its role), a place, the document number
    /// or the issue date (a copy for display: the date is read from `FRBRdate`).
    fn preface_line(&self, p: &Element, s: &mut Statement) -> Result<()> {
        let mut issuer: Option<usize> = None;
        for child in self.children(p)? {
            if child.ns != Ns::Akn {
                return Err(self.unexpected(child, p));
            }
            let kind = match child.name.as_str() {
                "organization" => Some(ActorKind::Organization),
                "person" => Some(ActorKind::Person),
                "entity" => match child.attribute("name") {
                    Some("state") => Some(ActorKind::State),
                    Some("group") => Some(ActorKind::Group),
                    other => {
                        return Err(
                            self.error(child, format!("entity name {other:?} is not one of state, group"))
                        );
                    }
                },
                _ => None,
            };
            if let Some(kind) = kind {
                s.issuers.push(Actor { name: self.text(child)?, kind, role: None });
                issuer = Some(s.issuers.len() - 1);
                continue;
            }
            match child.name.as_str() {
                "role" => {
                    let Some(index) = issuer else {
                        return Err(self.error(child, "<role> must follow the issuer it belongs to"));
                    };
                    self.once(&s.issuers[index].role, child)?;
                    s.issuers[index].role = Some(self.text(child)?);
                }
                "location" => s.places.push(self.text(child)?),
                "docNumber" => {
                    self.once(&s.reference, child)?;
                    s.reference = Some(self.text(child)?);
                }
                "docDate" => {}
                _ => return Err(self.unexpected(child, p)),
            }
        }
        Ok(())
    }

    fn main_body(&self, body: &Element, s: &mut Statement, marks: &mut Vec<(String, Mark)>) -> Result<()> {
        for child in self.children(body)? {
            if child.ns != Ns::Akn {
                return Err(self.unexpected(child, body));
            }
            match child.name.as_str() {
                "paragraph" => s.paragraphs.push(self.paragraph(child, marks)?),
                "blockList" => {
                    for (i, part) in self.children(child)?.into_iter().enumerate() {
                        match part.name.as_str() {
                            "listIntroduction" if part.ns == Ns::Akn && i == 0 => {
                                let (id, source_span, speaker) = self.identity(part)?;
                                let text = self.marked_text(part, &id, marks)?;
                                s.paragraphs.push(Paragraph {
                                    id,
                                    number: None,
                                    kind: ParagraphKind::LeadIn,
                                    text,
                                    speaker,
                                    source_span,
                                });
                            }
                            "item" if part.ns == Ns::Akn => s.paragraphs.push(self.item(part, marks)?),
                            _ => return Err(self.unexpected(part, child)),
                        }
                    }
                }
                // The placeholder of a statement without paragraphs.
                "p" if child.children.is_empty() && child.attribute("eId").is_none() => {}
                _ => return Err(self.unexpected(child, body)),
            }
        }
        Ok(())
    }

    /// The eId, the source span and the speaker of a paragraph's element.
    fn identity(&self, element: &Element) -> Result<(String, Option<Span>, Option<String>)> {
        let id = self.required(element, "eId")?.to_owned();
        let start = element.attribute_in(&Ns::Ext, "sourceStart");
        let end = element.attribute_in(&Ns::Ext, "sourceEnd");
        let source_span = match (start, end) {
            (None, None) => None,
            (Some(start), Some(end)) => Some(Span {
                start: self.number(element, "cq:sourceStart", start, "a code-point offset")?,
                end: self.number(element, "cq:sourceEnd", end, "a code-point offset")?,
            }),
            _ => return Err(self.error(element, "cq:sourceStart and cq:sourceEnd come together")),
        };
        let speaker = element.attribute_in(&Ns::Ext, "speaker").map(str::to_owned);
        Ok((id, source_span, speaker))
    }

    fn item(&self, item: &Element, marks: &mut Vec<(String, Mark)>) -> Result<Paragraph> {
        let (id, source_span, speaker) = self.identity(item)?;
        let children = self.children(item)?;
        let (number, p) = match children.as_slice() {
            [num, p] if num.is(&Ns::Akn, "num") && p.is(&Ns::Akn, "p") => (Some(self.text(num)?), p),
            [p] if p.is(&Ns::Akn, "p") => (None, p),
            _ => return Err(self.error(item, "<item> must hold an optional <num> and one <p>")),
        };
        let text = self.marked_text(p, &id, marks)?;
        Ok(Paragraph { id, number, kind: ParagraphKind::ListItem, text, speaker, source_span })
    }

    fn paragraph(&self, paragraph: &Element, marks: &mut Vec<(String, Mark)>) -> Result<Paragraph> {
        let (id, source_span, speaker) = self.identity(paragraph)?;
        let children = self.children(paragraph)?;
        let (number, part) = match children.as_slice() {
            [num, part] if num.is(&Ns::Akn, "num") => (Some(self.text(num)?), *part),
            [part] => (None, *part),
            _ => {
                return Err(self.error(
                    paragraph,
                    "<paragraph> must hold an optional <num> and one of <content>, <heading>, <intro>",
                ));
            }
        };
        let (kind, text_element) = match part.name.as_str() {
            "heading" if part.ns == Ns::Akn => (ParagraphKind::Heading, part),
            "intro" if part.ns == Ns::Akn => (ParagraphKind::LeadIn, self.only(part, &Ns::Akn, "p")?),
            "content" if part.ns == Ns::Akn => {
                let block = match self.children(part)?.as_slice() {
                    [block] => *block,
                    _ => return Err(self.error(part, "<content> must hold exactly one block")),
                };
                match (block.name.as_str(), block.attribute("name")) {
                    ("p", _) if block.ns == Ns::Akn => (ParagraphKind::Body, block),
                    ("block", Some("quote")) if block.ns == Ns::Akn => (ParagraphKind::Quote, block),
                    ("block", Some("preface")) if block.ns == Ns::Akn => (ParagraphKind::Preface, block),
                    ("block", Some("question")) if block.ns == Ns::Akn => (ParagraphKind::Question, block),
                    _ => return Err(self.unexpected(block, part)),
                }
            }
            _ => return Err(self.unexpected(part, paragraph)),
        };
        let text = self.marked_text(text_element, &id, marks)?;
        Ok(Paragraph { id, number, kind, text, speaker, source_span })
    }
}

/// The first 40 characters of `text`, trimmed, for messages.
fn excerpt(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &trimmed[..at]),
        None => trimmed.to_owned(),
    }
}
