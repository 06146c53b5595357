//! The reader: one TEI document, one statement.

use crate::dom::{self, Element, Node, Ns};
use crate::error::{TeiParseError, TeiSyntaxError};
use crate::escape::{G_PREFIX, unescape};
use communique_model::chrono::NaiveDate;
use communique_model::{
    Actor, ActorKind, Assessment, Commitment, CommitmentKind, DigestAlgorithm, Fixity, Method, MethodKind,
    Note, Paragraph, ParagraphKind, Source, Span, Statement, StatementKind, TextPosition, Timestamp,
    parse_iso_date,
};
use std::collections::HashMap;
use std::io::BufRead;
use std::str::FromStr;

/// Reads statements from TEI P5 documents as [`TeiSerializer`] writes them.
///
/// A document holds one statement; [`TeiParser::for_reader`] gives an iterator that
/// yields it (or the error that stopped it) and then ends. The document is read whole
/// into memory first: one statement's document.
///
/// What is read from where (the crate README has the whole mapping): from the
/// `teiHeader`, the title and issuers (`titleStmt`), the id (`publicationStmt/idno`),
/// the notes (`notesStmt`), the source, publication date, document number and fixity
/// (`sourceDesc/bibl`), the issue date and places (`profileDesc/creation`), the
/// language (`langUsage`), the keywords (`textClass`) and the last update
/// (`revisionDesc`); the kind from `text/@type`; the paragraphs and inline commitments
/// from `body`; the stand-off commitments and every commitment's coding from
/// `standOff`; the source text from `back`. The `encodingDesc` (the codebook taxonomy)
/// is not read. Where the reader reads, an element it does not expect is an error;
/// attributes it does not use are ignored.
///
/// It checks well-formedness (XML 1.0, UTF-8, only the predefined entities, no
/// DOCTYPE), required parts, closed lists (kinds, dates that exist), and that every
/// commitment's coding has its mark. It does not run [`Statement::validate`]: call it
/// for the record's own invariants.
///
/// [`TeiSerializer`]: crate::TeiSerializer
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct TeiParser {}

impl TeiParser {
    /// An iterator over the statement of the document in `reader`: one item, the
    /// statement or the error that stopped it.
    pub fn for_reader<R: BufRead>(self, reader: R) -> ReaderTeiParser<R> {
        ReaderTeiParser { reader: Some(reader) }
    }

    /// Reads the statement of the document in `reader`.
    ///
    /// # Errors
    ///
    /// [`TeiParseError::Io`] when reading fails; [`TeiParseError::Syntax`] when the
    /// document is not well-formed or not a statement as this crate writes it.
    pub fn parse_document(&self, mut reader: impl BufRead) -> std::result::Result<Statement, TeiParseError> {
        let mut input = Vec::new();
        reader.read_to_end(&mut input)?;
        Ok(self.parse_slice(&input)?)
    }

    /// Reads the statement of the document in `input`.
    ///
    /// # Errors
    ///
    /// A [`TeiSyntaxError`] when the document is not well-formed or not a statement as
    /// this crate writes it.
    pub fn parse_slice(&self, input: &[u8]) -> Result<Statement> {
        let mut reading = Reading { input, statement: None };
        let root =
            dom::parse(input).map_err(|(offset, path, message)| reading.error_at(offset, path, message))?;
        reading.document(&root)
    }
}

/// The statement of one document, as an iterator; made by [`TeiParser::for_reader`].
#[derive(Debug)]
#[must_use]
pub struct ReaderTeiParser<R: BufRead> {
    reader: Option<R>,
}

impl<R: BufRead> Iterator for ReaderTeiParser<R> {
    type Item = std::result::Result<Statement, TeiParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let reader = self.reader.take()?;
        Some(TeiParser::default().parse_document(reader))
    }
}

type Result<T> = std::result::Result<T, TeiSyntaxError>;

/// A commitment's mark: inline (`<seg>`) or stand-off (`<span>`).
struct Mark {
    id: String,
    kind: CommitmentKind,
    paragraph: String,
    span: Span,
    quote: String,
    offset: u64,
    path: String,
}

/// True for XML white space (production `S`).
fn is_whitespace(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// State of reading one document.
struct Reading<'a> {
    input: &'a [u8],
    /// The id, once read.
    statement: Option<String>,
}

/// What the document holds besides the header's fields.
#[derive(Default)]
struct Parts {
    inline: Vec<Mark>,
    stand_off: Vec<Mark>,
    /// `<fs type="commitment">` elements, in record order, with the quote a stand-off
    /// one holds.
    codings: Vec<(Commitment, Option<String>)>,
    coding_places: Vec<(u64, String)>,
}

impl Reading<'_> {
    fn error_at(&self, offset: u64, path: String, message: impl Into<String>) -> TeiSyntaxError {
        // A document holds one statement: every fault is in record 1.
        let position = TextPosition::from_byte_offset(self.input, offset).with_record(1);
        TeiSyntaxError::new(position, path, self.statement.clone(), message)
    }

    fn error(&self, element: &Element, message: impl Into<String>) -> TeiSyntaxError {
        self.error_at(element.offset, element.path.clone(), message)
    }

    /// The child elements of `element`, which holds no text but white space; every one
    /// must be in the TEI namespace.
    fn children<'e>(&self, element: &'e Element) -> Result<Vec<&'e Element>> {
        let mut children = Vec::new();
        for node in &element.children {
            match node {
                Node::Element(child) if child.ns == Ns::Tei => children.push(child),
                Node::Element(child) => return Err(self.unexpected(child, element)),
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

    fn unexpected(&self, child: &Element, parent: &Element) -> TeiSyntaxError {
        self.error(child, format!("element <{}> is not expected in <{}>", child.name, parent.name))
    }

    fn required<'e>(&self, element: &'e Element, name: &str) -> Result<&'e str> {
        element
            .attribute(name)
            .ok_or_else(|| self.error(element, format!("<{}> lacks its attribute {name:?}", element.name)))
    }

    fn once<T>(&self, slot: &Option<T>, element: &Element) -> Result<()> {
        match slot {
            Some(_) => Err(self.error(element, format!("<{}> appears more than once", element.name))),
            None => Ok(()),
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

    fn timestamp(&self, element: &Element) -> Result<Timestamp> {
        let text = self.text(element)?;
        text.parse().map_err(|error| self.error(element, format!("{error}")))
    }

    /// The character a `<g type="U+XXXX"/>` escape stands for.
    fn glyph(&self, child: &Element, parent: &Element) -> Result<char> {
        if !child.is(&Ns::Tei, "g") {
            return Err(self.error(
                child,
                format!("element <{}> is not allowed in the text of <{}>", child.name, parent.name),
            ));
        }
        let code = self.required(child, "type")?;
        code.strip_prefix(G_PREFIX).and_then(unescape).ok_or_else(|| {
            self.error(
                child,
                format!("<g type={code:?}> must name, as U+ and four uppercase hex digits, a character XML 1.0 cannot carry"),
            )
        })
    }

    /// The text of an element: character data and `<g>` escapes.
    fn text(&self, element: &Element) -> Result<String> {
        let mut text = String::new();
        for node in &element.children {
            match node {
                Node::Text(part) => text.push_str(part),
                Node::Element(child) => text.push(self.glyph(child, element)?),
            }
        }
        Ok(text)
    }

    fn commitment_kind(&self, element: &Element) -> Result<CommitmentKind> {
        let ana = self.required(element, "ana")?;
        ana.strip_prefix('#').and_then(CommitmentKind::from_name).ok_or_else(|| {
            self.error(
                element,
                format!(
                    "ana={ana:?} does not point at a kind of the codebook ({})",
                    CommitmentKind::ALL.map(|k| format!("#{}", k.as_str())).join(", ")
                ),
            )
        })
    }

    /// The text of a paragraph, with its inline commitments (`<seg>`) added to `marks`.
    fn marked_text(&self, element: &Element, paragraph: &str, marks: &mut Vec<Mark>) -> Result<String> {
        let mut text = String::new();
        let mut code_points = 0;
        for node in &element.children {
            match node {
                Node::Text(part) => {
                    text.push_str(part);
                    code_points += part.chars().count();
                }
                Node::Element(child) if child.is(&Ns::Tei, "seg") => {
                    let id = self.required_xml(child, "id")?.to_owned();
                    let kind = self.commitment_kind(child)?;
                    let quote = self.text(child)?;
                    let start = code_points;
                    code_points += quote.chars().count();
                    text.push_str(&quote);
                    marks.push(Mark {
                        id,
                        kind,
                        paragraph: paragraph.to_owned(),
                        span: Span::new(start, code_points),
                        quote,
                        offset: child.offset,
                        path: child.path.clone(),
                    });
                }
                Node::Element(child) => {
                    text.push(self.glyph(child, element)?);
                    code_points += 1;
                }
            }
        }
        Ok(text)
    }

    fn required_xml<'e>(&self, element: &'e Element, name: &str) -> Result<&'e str> {
        element
            .attribute_in(&Ns::Xml, name)
            .ok_or_else(|| self.error(element, format!("<{}> lacks its attribute xml:{name}", element.name)))
    }

    /// A string-range pointer `#string-range(ID,OFFSET,LENGTH)`: the id and the span.
    fn string_range<'v>(&self, element: &Element, name: &str, value: &'v str) -> Result<(&'v str, Span)> {
        let fail = || self.error(element, format!("{name}={value:?} is not #string-range(id,offset,length)"));
        let inner =
            value.strip_prefix("#string-range(").and_then(|v| v.strip_suffix(')')).ok_or_else(fail)?;
        let mut parts = inner.rsplitn(3, ',');
        let (length, start, id) = match (parts.next(), parts.next(), parts.next()) {
            (Some(length), Some(start), Some(id)) => (length, start, id),
            _ => return Err(fail()),
        };
        let start: usize = start.parse().map_err(|_| fail())?;
        let length: i128 = length.parse().map_err(|_| fail())?;
        let end = usize::try_from(start as i128 + length).map_err(|_| fail())?;
        Ok((id, Span::new(start, end)))
    }

    /// The source span a `corresp` pointer into the source text gives.
    fn source_span(&self, element: &Element, name: &str) -> Result<Option<Span>> {
        let Some(value) = element.attribute(name) else { return Ok(None) };
        let (id, span) = self.string_range(element, name, value)?;
        if id != crate::writer::SOURCE_TEXT_ID {
            return Err(self.error(
                element,
                format!("{name}={value:?} must point into #{}", crate::writer::SOURCE_TEXT_ID),
            ));
        }
        Ok(Some(span))
    }

    fn document(&mut self, root: &Element) -> Result<Statement> {
        if !root.is(&Ns::Tei, "TEI") {
            return Err(self.error(root, format!("the root element must be <TEI> in {:?}", crate::NAMESPACE)));
        }
        let mut s = Statement::default();
        let mut parts = Parts::default();
        let (mut header, mut stand_off, mut text) = (None, None, None);
        for child in self.children(root)? {
            match child.name.as_str() {
                "teiHeader" => {
                    self.once(&header, child)?;
                    header = Some(child);
                }
                "standOff" => {
                    self.once(&stand_off, child)?;
                    stand_off = Some(child);
                }
                "text" => {
                    self.once(&text, child)?;
                    text = Some(child);
                }
                _ => return Err(self.unexpected(child, root)),
            }
        }
        let header = header.ok_or_else(|| self.error(root, "<TEI> lacks its <teiHeader>"))?;
        let text = text.ok_or_else(|| self.error(root, "<TEI> lacks its <text>"))?;
        self.header(header, &mut s)?;
        if let Some(stand_off) = stand_off {
            self.stand_off(stand_off, &mut parts)?;
        }
        self.text_part(text, &mut s, &mut parts)?;
        s.commitments = self.commitments(parts)?;
        Ok(s)
    }

    /// Joins the codings (record order) with their marks: a coding whose id an inline
    /// `<seg>` has takes that mark; every other takes the next stand-off `<span>`.
    fn commitments(&self, parts: Parts) -> Result<Vec<Commitment>> {
        let mut inline: HashMap<String, Mark> = HashMap::with_capacity(parts.inline.len());
        for mark in parts.inline {
            if inline.contains_key(&mark.id) {
                return Err(self.error_at(
                    mark.offset,
                    mark.path,
                    format!("commitment {:?} is marked twice", mark.id),
                ));
            }
            inline.insert(mark.id.clone(), mark);
        }
        let mut stand_off = parts.stand_off.into_iter();
        let mut commitments = Vec::with_capacity(parts.codings.len());
        for ((mut commitment, quote), (offset, path)) in parts.codings.into_iter().zip(parts.coding_places) {
            let mark = match (inline.remove(&commitment.id), quote) {
                (Some(mark), None) => mark,
                (Some(_), Some(_)) => {
                    return Err(self.error_at(
                        offset,
                        path,
                        format!("commitment {:?} is marked inline: its coding holds no quote", commitment.id),
                    ));
                }
                (None, quote) => match stand_off.next() {
                    Some(mark) if mark.id == commitment.id => {
                        let quote = quote.ok_or_else(|| {
                            self.error_at(
                                offset,
                                path.clone(),
                                format!(
                                    "the coding of stand-off commitment {:?} lacks its quote",
                                    commitment.id
                                ),
                            )
                        })?;
                        Mark { quote, ..mark }
                    }
                    Some(mark) => {
                        return Err(self.error_at(
                            mark.offset,
                            mark.path,
                            format!(
                                "stand-off span {:?} comes where the coding of {:?} expects its span",
                                mark.id, commitment.id
                            ),
                        ));
                    }
                    None => {
                        return Err(self.error_at(
                            offset,
                            path,
                            format!(
                                "commitment {:?} has neither an inline <seg> nor a stand-off <span>",
                                commitment.id
                            ),
                        ));
                    }
                },
            };
            commitment.kind = mark.kind;
            commitment.paragraph = mark.paragraph;
            commitment.span = mark.span;
            commitment.quote = mark.quote;
            commitments.push(commitment);
        }
        let unused = inline.into_values().chain(stand_off).min_by_key(|mark| mark.offset);
        if let Some(mark) = unused {
            return Err(self.error_at(
                mark.offset,
                mark.path,
                format!("commitment {:?} has no <fs> coding", mark.id),
            ));
        }
        Ok(commitments)
    }

    fn header(&mut self, header: &Element, s: &mut Statement) -> Result<()> {
        let mut file = false;
        for child in self.children(header)? {
            match child.name.as_str() {
                "fileDesc" => {
                    if file {
                        return Err(self.error(child, "<fileDesc> appears more than once"));
                    }
                    self.file_description(child, s)?;
                    file = true;
                }
                "encodingDesc" => {}
                "profileDesc" => self.profile_description(child, s)?,
                "revisionDesc" => {
                    for change in self.children(child)? {
                        if change.name != "change" || change.attribute("type") != Some("lastUpdated") {
                            return Err(self.unexpected(change, child));
                        }
                        self.once(&s.last_updated, change)?;
                        s.last_updated = Some(self.timestamp(change)?);
                    }
                }
                _ => return Err(self.unexpected(child, header)),
            }
        }
        if !file {
            return Err(self.error(header, "<teiHeader> lacks its <fileDesc>"));
        }
        Ok(())
    }

    fn file_description(&mut self, file: &Element, s: &mut Statement) -> Result<()> {
        let mut id = None;
        let mut title: Option<Option<String>> = None;
        for child in self.children(file)? {
            match child.name.as_str() {
                "titleStmt" => {
                    for part in self.children(child)? {
                        match (part.name.as_str(), part.attribute("type")) {
                            ("title", Some("main")) => {
                                self.once(&title, part)?;
                                title = Some(Some(self.text(part)?));
                            }
                            ("title", Some("untitled")) => {
                                self.once(&title, part)?;
                                title = Some(None);
                            }
                            ("author", _) => s.issuers.push(self.author(part)?),
                            _ => return Err(self.unexpected(part, child)),
                        }
                    }
                }
                "publicationStmt" => {
                    for part in self.children(child)? {
                        match (part.name.as_str(), part.attribute("type")) {
                            ("authority", _) => {}
                            ("idno", Some("communique")) => {
                                self.once(&id, part)?;
                                id = Some(self.text(part)?);
                                self.statement = id.clone();
                            }
                            _ => return Err(self.unexpected(part, child)),
                        }
                    }
                }
                "notesStmt" => {
                    for note in self.children(child)? {
                        if note.name != "note" {
                            return Err(self.unexpected(note, child));
                        }
                        let code = self.required(note, "type")?.to_owned();
                        let source_span = self.source_span(note, "target")?;
                        s.notes.push(Note { code, message: self.text(note)?, source_span });
                    }
                }
                "sourceDesc" => {
                    let bibl = match self.children(child)?.as_slice() {
                        [bibl] if bibl.name == "bibl" => *bibl,
                        _ => {
                            return Err(
                                self.error(child, "<sourceDesc> must hold one <bibl type=\"source\">")
                            );
                        }
                    };
                    self.bibl(bibl, s)?;
                }
                _ => return Err(self.unexpected(child, file)),
            }
        }
        s.id = id.ok_or_else(|| {
            self.error(file, "<publicationStmt> lacks its <idno type=\"communique\">, the statement's id")
        })?;
        s.title = title.ok_or_else(|| {
            self.error(file, "<titleStmt> lacks its <title type=\"main\"> or <title type=\"untitled\">")
        })?;
        Ok(())
    }

    fn author(&self, author: &Element) -> Result<Actor> {
        let children = self.children(author)?;
        let (name, role) = match children.as_slice() {
            [name] => (*name, None),
            [name, role] if role.name == "roleName" => (*name, Some(self.text(role)?)),
            _ => return Err(self.error(author, "<author> must hold a name and an optional <roleName>")),
        };
        let kind = match (name.name.as_str(), name.attribute("type")) {
            ("orgName", None) => ActorKind::Organization,
            ("persName", None) => ActorKind::Person,
            ("name", Some("state")) => ActorKind::State,
            ("name", Some("group")) => ActorKind::Group,
            _ => return Err(self.unexpected(name, author)),
        };
        Ok(Actor { name: self.text(name)?, kind, role })
    }

    fn bibl(&self, bibl: &Element, s: &mut Statement) -> Result<()> {
        let mut source = Source::default();
        let (mut digest, mut size) = (None, None);
        for child in self.children(bibl)? {
            match (child.name.as_str(), child.attribute("type")) {
                ("publisher", _) => {
                    self.once(&source.attribution, child)?;
                    source.attribution = Some(self.text(child)?);
                }
                ("idno", Some("URI")) => {
                    self.once(&source.url, child)?;
                    source.url = Some(self.text(child)?);
                }
                ("relatedItem", Some("via")) => {
                    self.once(&source.via, child)?;
                    let item = match self.children(child)?.as_slice() {
                        [item] if item.name == "bibl" => *item,
                        _ => return Err(self.error(child, "<relatedItem type=\"via\"> must hold one <bibl>")),
                    };
                    source.via = Some(self.text(item)?);
                }
                ("date", Some("retrieved")) => {
                    self.once(&source.retrieved, child)?;
                    source.retrieved = Some(self.date(child, "when", self.required(child, "when")?)?);
                }
                ("date", Some("published")) => {
                    self.once(&s.published, child)?;
                    s.published = Some(self.timestamp(child)?);
                }
                ("idno", Some("docNumber")) => {
                    self.once(&s.reference, child)?;
                    s.reference = Some(self.text(child)?);
                }
                ("idno", Some("sha-256")) => {
                    self.once(&digest, child)?;
                    digest = Some(self.text(child)?);
                }
                ("extent", _) => {
                    self.once(&size, child)?;
                    let measure = match self.children(child)?.as_slice() {
                        [measure]
                            if measure.name == "measure" && measure.attribute("unit") == Some("byte") =>
                        {
                            *measure
                        }
                        _ => return Err(self.error(child, "<extent> must hold one <measure unit=\"byte\">")),
                    };
                    size = Some(self.number(
                        measure,
                        "quantity",
                        self.required(measure, "quantity")?,
                        "a byte count",
                    )?);
                }
                _ => return Err(self.unexpected(child, bibl)),
            }
        }
        s.fixity = match (digest, size) {
            (Some(digest), Some(size)) => Some(Fixity { algorithm: DigestAlgorithm::Sha256, digest, size }),
            (None, None) => None,
            _ => return Err(self.error(bibl, "the fixity needs both <idno type=\"sha-256\"> and <extent>")),
        };
        s.source = source;
        Ok(())
    }

    fn profile_description(&self, profile: &Element, s: &mut Statement) -> Result<()> {
        for child in self.children(profile)? {
            match child.name.as_str() {
                "creation" => {
                    for part in self.children(child)? {
                        match (part.name.as_str(), part.attribute("type")) {
                            ("date", Some("issued")) => {
                                self.once(&s.issued, part)?;
                                s.issued = Some(self.date(part, "when", self.required(part, "when")?)?);
                            }
                            ("placeName", _) => s.places.push(self.text(part)?),
                            _ => return Err(self.unexpected(part, child)),
                        }
                    }
                }
                "langUsage" => {
                    let language = match self.children(child)?.as_slice() {
                        [language] if language.name == "language" => *language,
                        _ => return Err(self.error(child, "<langUsage> must hold one <language>")),
                    };
                    self.once(&s.language, child)?;
                    s.language = Some(self.required(language, "ident")?.to_owned());
                }
                "textClass" => {
                    let keywords = match self.children(child)?.as_slice() {
                        [keywords] if keywords.name == "keywords" => *keywords,
                        _ => return Err(self.error(child, "<textClass> must hold one <keywords>")),
                    };
                    for term in self.children(keywords)? {
                        if term.name != "term" {
                            return Err(self.unexpected(term, keywords));
                        }
                        s.keywords.push(self.text(term)?);
                    }
                }
                _ => return Err(self.unexpected(child, profile)),
            }
        }
        Ok(())
    }

    fn stand_off(&self, stand_off: &Element, parts: &mut Parts) -> Result<()> {
        for child in self.children(stand_off)? {
            match (child.name.as_str(), child.attribute("type")) {
                ("spanGrp", Some("commitments")) => {
                    for span in self.children(child)? {
                        if span.name != "span" {
                            return Err(self.unexpected(span, child));
                        }
                        let id = self.required_xml(span, "id")?.to_owned();
                        let kind = self.commitment_kind(span)?;
                        let (paragraph, position) =
                            self.string_range(span, "target", self.required(span, "target")?)?;
                        if let Some(content) = self.children(span)?.first() {
                            return Err(self.unexpected(content, span));
                        }
                        parts.stand_off.push(Mark {
                            id,
                            kind,
                            paragraph: paragraph.to_owned(),
                            span: position,
                            quote: String::new(),
                            offset: span.offset,
                            path: span.path.clone(),
                        });
                    }
                }
                ("fs", Some("commitment")) => {
                    parts.codings.push(self.coding(child)?);
                    parts.coding_places.push((child.offset, child.path.clone()));
                }
                _ => return Err(self.unexpected(child, stand_off)),
            }
        }
        Ok(())
    }

    /// The features of `fs`, by name: each `<f name>` once.
    fn features<'e>(&self, fs: &'e Element) -> Result<Vec<(&'e str, &'e Element)>> {
        let mut features: Vec<(&str, &Element)> = Vec::new();
        for f in self.children(fs)? {
            if f.name != "f" {
                return Err(self.unexpected(f, fs));
            }
            let name = self.required(f, "name")?;
            if features.iter().any(|(n, _)| *n == name) {
                return Err(self.error(f, format!("feature {name:?} appears more than once")));
            }
            let value = match self.children(f)?.as_slice() {
                [value] => *value,
                _ => return Err(self.error(f, format!("feature {name:?} must hold one value"))),
            };
            features.push((name, value));
        }
        Ok(features)
    }

    fn string_value(&self, value: &Element) -> Result<String> {
        if value.name != "string" {
            return Err(self.error(value, format!("<{}> must be a <string>", value.name)));
        }
        self.text(value)
    }

    fn true_value(&self, value: &Element) -> Result<bool> {
        match (value.name.as_str(), value.attribute("value")) {
            ("binary", Some("true" | "1")) => Ok(true),
            ("binary", Some("false" | "0")) => Ok(false),
            _ => Err(self.error(value, "a flag must be <binary value=\"true\"/> or \"false\"")),
        }
    }

    /// The strings of a `<vColl org="list">`.
    fn string_list<'e>(&self, value: &'e Element) -> Result<Vec<&'e Element>> {
        if value.name != "vColl" {
            return Err(self.error(value, format!("<{}> must be a <vColl>", value.name)));
        }
        self.children(value)
    }

    /// One commitment's coding, and the quote of a stand-off one; its kind, paragraph
    /// and span come from its mark.
    fn coding(&self, fs: &Element) -> Result<(Commitment, Option<String>)> {
        let mut commitment =
            Commitment::new("", "", Span::new(0, 0), "", CommitmentKind::Pledge, Method::rule(String::new()));
        let (mut id, mut method, mut quote) = (None, None, None);
        for (name, value) in self.features(fs)? {
            match name {
                "id" => id = Some(self.string_value(value)?),
                "quote" => quote = Some(self.string_value(value)?),
                "actor" => commitment.actor = Some(self.string_value(value)?),
                "actorResolved" => commitment.actor_resolved = Some(self.string_value(value)?),
                "addressee" => commitment.addressee = Some(self.string_value(value)?),
                "cue" => commitment.cue = Some(self.string_value(value)?),
                "intensifier" => commitment.intensifier = Some(self.string_value(value)?),
                "futureOriented" => commitment.future_oriented = self.true_value(value)?,
                "conditional" => commitment.conditional = self.true_value(value)?,
                "references" => {
                    for string in self.string_list(value)? {
                        commitment.references.push(self.string_value(string)?);
                    }
                }
                "method" => method = Some(self.method(value)?),
                "assessments" => {
                    for assessment in self.string_list(value)? {
                        commitment.assessments.push(self.assessment(assessment)?);
                    }
                }
                _ => return Err(self.error(value, format!("feature {name:?} is not one of a commitment's"))),
            }
        }
        commitment.id = id.ok_or_else(|| self.error(fs, "the coding lacks its feature \"id\""))?;
        commitment.method =
            method.ok_or_else(|| self.error(fs, "the coding lacks its feature \"method\""))?;
        Ok((commitment, quote))
    }

    fn method(&self, fs: &Element) -> Result<Method> {
        if fs.name != "fs" || fs.attribute("type") != Some("method") {
            return Err(self.error(fs, "the method must be <fs type=\"method\">"));
        }
        let mut method = Method { kind: MethodKind::Rule, rule: None, codebook: None, annotator: None };
        let mut kind = None;
        for (name, value) in self.features(fs)? {
            match name {
                "type" => {
                    kind = Some(match (value.name.as_str(), value.attribute("value")) {
                        ("symbol", Some("rule")) => MethodKind::Rule,
                        ("symbol", Some("manual")) => MethodKind::Manual,
                        _ => {
                            return Err(
                                self.error(value, "the method type must be <symbol value=\"rule|manual\"/>")
                            );
                        }
                    });
                }
                "rule" => method.rule = Some(self.string_value(value)?),
                "codebook" => method.codebook = Some(self.string_value(value)?),
                "annotator" => method.annotator = Some(self.string_value(value)?),
                _ => return Err(self.error(value, format!("feature {name:?} is not one of a method's"))),
            }
        }
        method.kind = kind.ok_or_else(|| self.error(fs, "the method lacks its feature \"type\""))?;
        Ok(method)
    }

    fn assessment(&self, fs: &Element) -> Result<Assessment> {
        if fs.name != "fs" || fs.attribute("type") != Some("assessment") {
            return Err(self.error(fs, "an assessment must be <fs type=\"assessment\">"));
        }
        let (mut score, mut assessor) = (None, None);
        let mut assessment = Assessment {
            score: 0,
            period_start: None,
            period_end: None,
            evidence: None,
            assessor: String::new(),
        };
        for (name, value) in self.features(fs)? {
            match name {
                "score" => {
                    if value.name != "numeric" {
                        return Err(self.error(value, "the score must be <numeric value=\"…\"/>"));
                    }
                    score = Some(self.number(
                        value,
                        "value",
                        self.required(value, "value")?,
                        "an integer score",
                    )?);
                }
                "periodStart" => {
                    assessment.period_start =
                        Some(self.date(value, "periodStart", &self.string_value(value)?)?)
                }
                "periodEnd" => {
                    assessment.period_end = Some(self.date(value, "periodEnd", &self.string_value(value)?)?)
                }
                "evidence" => assessment.evidence = Some(self.string_value(value)?),
                "assessor" => assessor = Some(self.string_value(value)?),
                _ => return Err(self.error(value, format!("feature {name:?} is not one of an assessment's"))),
            }
        }
        assessment.score =
            score.ok_or_else(|| self.error(fs, "the assessment lacks its feature \"score\""))?;
        assessment.assessor =
            assessor.ok_or_else(|| self.error(fs, "the assessment lacks its feature \"assessor\""))?;
        Ok(assessment)
    }

    fn text_part(&self, text: &Element, s: &mut Statement, parts: &mut Parts) -> Result<()> {
        let kind = self.required(text, "type")?;
        s.kind = StatementKind::from_name(kind).ok_or_else(|| {
            self.error(
                text,
                format!(
                    "statement kind {kind:?} is not one of {}",
                    StatementKind::ALL.map(StatementKind::as_str).join(", ")
                ),
            )
        })?;
        let mut body = false;
        for child in self.children(text)? {
            match child.name.as_str() {
                "body" if !body => {
                    self.blocks(child, s, parts, true, None)?;
                    body = true;
                }
                "back" if body => {
                    let div = match self.children(child)?.as_slice() {
                        [div]
                            if div.name == "div"
                                && div.attribute("type") == Some(crate::writer::SOURCE_TEXT_ID) =>
                        {
                            *div
                        }
                        _ => return Err(self.error(child, "<back> must hold one <div type=\"sourceText\">")),
                    };
                    let ab = match self.children(div)?.as_slice() {
                        [ab] if ab.name == "ab" => *ab,
                        _ => return Err(self.error(div, "<div type=\"sourceText\"> must hold one <ab>")),
                    };
                    s.source_text = Some(self.text(ab)?);
                }
                _ => return Err(self.unexpected(child, text)),
            }
        }
        if !body {
            return Err(self.error(text, "<text> lacks its <body>"));
        }
        Ok(())
    }

    /// The paragraphs of `<body>` or of a `<div>` in it (`divs` says whether divisions
    /// may appear: only at the top), or of a speech `<sp>` (`speaker`: its speaker, which
    /// each of its paragraphs takes).
    fn blocks(
        &self,
        parent: &Element,
        s: &mut Statement,
        parts: &mut Parts,
        divs: bool,
        speaker: Option<&str>,
    ) -> Result<()> {
        let mut children = self.children(parent)?.into_iter();
        if speaker.is_some() {
            // The `<speaker>` that opens the speech, read by the caller.
            children.next();
        }
        for child in children {
            let kind = match (child.name.as_str(), child.attribute("type")) {
                ("div", _) if divs => {
                    self.blocks(child, s, parts, false, None)?;
                    continue;
                }
                ("sp", _) if speaker.is_none() => {
                    let name = match self.children(child)?.first() {
                        Some(first) if first.name == "speaker" => self.text(first)?,
                        _ => return Err(self.error(child, "<sp> must open with its <speaker>")),
                    };
                    self.blocks(child, s, parts, false, Some(&name))?;
                    continue;
                }
                ("list", _) => {
                    for item in self.children(child)? {
                        if item.name != "item" {
                            return Err(self.unexpected(item, child));
                        }
                        s.paragraphs.push(self.block(item, ParagraphKind::ListItem, speaker, parts)?);
                    }
                    continue;
                }
                ("p", _) => ParagraphKind::Body,
                ("head", _) if !divs && speaker.is_none() => ParagraphKind::Heading,
                ("ab", Some("heading")) if speaker.is_some() => ParagraphKind::Heading,
                ("ab", Some("lead_in")) => ParagraphKind::LeadIn,
                ("ab", Some("preface")) => ParagraphKind::Preface,
                ("ab", Some("question")) => ParagraphKind::Question,
                ("quote", _) => ParagraphKind::Quote,
                _ => return Err(self.unexpected(child, parent)),
            };
            s.paragraphs.push(self.block(child, kind, speaker, parts)?);
        }
        Ok(())
    }

    fn block(
        &self,
        element: &Element,
        kind: ParagraphKind,
        speaker: Option<&str>,
        parts: &mut Parts,
    ) -> Result<Paragraph> {
        let id = self.required_xml(element, "id")?.to_owned();
        let number = element.attribute("n").map(str::to_owned);
        let source_span = self.source_span(element, "corresp")?;
        let text = self.marked_text(element, &id, &mut parts.inline)?;
        Ok(Paragraph { id, number, kind, text, speaker: speaker.map(str::to_owned), source_span })
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
