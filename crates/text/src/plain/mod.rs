//! Plain-text ingest: text copied from an official site, a repost, a blog or a
//! mailing-list archive becomes a validated [`Statement`].
//!
//! A pipeline of named stages, each a module with one purpose; the text goes through it
//! once:
//!
//! 1. `lines`: the text cut into trimmed lines, with the paragraph breaks between them
//!    (blank lines, form feeds, vertical tabs);
//! 2. `blocks`: lines grouped into blocks (hard-wrapped lines joined), each with the
//!    features the classifier reads;
//! 3. `classify`: each block is page furniture (phrase lists of the language files and
//!    the page's layout, shape rules), a metadata line, or text graded by its features
//!    and its neighbours in the manner of jusText; the body is found;
//! 4. `metadata`: title, bylines, places, dates, issuers and kind; each block's role;
//! 5. `paragraphs`: the body's blocks become numbered, bulleted, lead-in, heading,
//!    quote or preface paragraphs; a repeated body is dropped;
//! 6. `notes`: every block set aside, with its span and reason.
//!
//! Before stage 3 the page's layout is chosen by evidence in the text (the layout
//! files, `layouts/*.toml`) and the language is decided (by the detector
//! [`detect_language`](crate::detect_language) uses, with a fallback on script and stop
//! words), since both change what the later stages read. `ARCHITECTURE.md` lists the
//! stages' invariants.

pub(crate) mod blocks;
mod classify;
pub(crate) mod lines;
mod metadata;
mod notes;
mod paragraphs;

pub(crate) use paragraphs::Para;

use crate::dates::{self, NumericOrder};
use crate::furniture::Furniture;
use crate::offsets::CodePoints;
use crate::transcript::Turns;
use crate::{IngestError, IngestOptions, extract_commitments_of, language, languages, layouts, repeat};
use communique_model::{Fixity, Paragraph, ParagraphKind, Span, Statement};
use paragraphs::BodyLine;

/// Ingests plain text.
///
/// `text` is `bytes` decoded as UTF-8 (the caller checked it); `bytes` are what the
/// fixity is computed over. See the crate documentation for what is recognised.
///
/// # Errors
///
/// [`IngestError::Empty`] for a blank text, [`IngestError::NoBody`] when every line is
/// furniture or metadata, [`IngestError::Invalid`] if the record would break an
/// invariant of the model (a defect of this crate, reported rather than returned).
pub fn ingest_plain(text: &str, bytes: &[u8], options: &IngestOptions) -> Result<Statement, IngestError> {
    // Stage 1.
    let lines = lines::split(text);
    if lines.is_empty() {
        return Err(IngestError::Empty);
    }
    // Stage 2.
    let blocks = blocks::build(text, &lines);
    let mut spans = SourceSpans::Text(CodePoints::new(text));
    let mut statement = run(text, &lines, &blocks, None, options, &mut spans)?;
    if let Some(url) = &options.source_url {
        statement.source.url = Some(url.clone());
    }
    if let Some(retrieved) = options.retrieved {
        statement.source.retrieved = Some(retrieved);
    }
    finish(statement, text, bytes, options)
}

/// Codes the record's commitments, gives it its fixity (over `bytes`), its
/// `source_text` and its id, and validates it: the last step of every input.
pub(crate) fn finish(
    mut statement: Statement,
    source_text: &str,
    bytes: &[u8],
    options: &IngestOptions,
) -> Result<Statement, IngestError> {
    // Coded last, once the title, kind and issuers are final (a page's markup may have
    // given them after the text's stages): they tell a joint statement's signatories.
    statement.commitments = extract_commitments_of(&statement);
    let fixity = Fixity::sha256(bytes);
    statement.source_text = Some(source_text.to_owned());
    statement.id = match &options.id {
        Some(id) => id.clone(),
        None => statement.id_from_fixity(&fixity, bytes),
    };
    statement.fixity = Some(fixity);
    statement.validate().map_err(|e| IngestError::Invalid(Box::new(e)))?;
    Ok(statement)
}

/// What markup says about the blocks of a structured input (an HTML page), beside
/// their text: one entry per block of stage 2.
#[derive(Debug, Default)]
pub(crate) struct Markup {
    /// Furniture the element context decided (a `<nav>`, a caption, a block outside the
    /// main content): stage 3 takes it before its own rules.
    pub furniture: Vec<Option<Furniture>>,
    /// The blocks of the page's main content (the extractor's `Content`): good text for
    /// stage 3 unless its phrase lists or shape rules find furniture.
    pub content: Vec<bool>,
    /// The paragraph kind each element gives (heading, list item, quote, body).
    pub kinds: Vec<ParagraphKind>,
    /// The block the page's metadata takes its title from.
    pub title_block: Option<usize>,
    /// The issue date the page's metadata gives: a dated line in the main content
    /// that repeats it is the dateline, one with another date is text.
    pub issued: Option<communique_model::chrono::NaiveDate>,
    /// The blocks between the title and the second block of the main content (a lead
    /// may come first), where a page prints its dateline even inside furniture (a
    /// `<header>`, beside the article).
    pub below_title: std::ops::Range<usize>,
}

/// Where a byte range of the text the stages read lies in `source_text`, in code
/// points.
#[derive(Debug)]
pub(crate) enum SourceSpans<'a> {
    /// The stages read the source text itself.
    Text(CodePoints<'a>),
    /// The stages read a view made of blocks (an HTML page's block texts parted by
    /// blank lines): `starts` holds each block's first byte in the view, in increasing
    /// order, `spans` its span in the source.
    Blocks { starts: Vec<usize>, spans: Vec<Span> },
}

impl SourceSpans<'_> {
    /// The span in the source of the bytes `range` of the text read: for a view, from
    /// the start of the block holding its first byte to the end of the block holding
    /// its last.
    pub(crate) fn span(&mut self, range: std::ops::Range<usize>) -> Span {
        match self {
            Self::Text(cursor) => cursor.span(range),
            Self::Blocks { starts, spans } => {
                let block_of = |byte: usize| starts.partition_point(|&s| s <= byte).saturating_sub(1);
                let first = block_of(range.start);
                let last = block_of(range.end.saturating_sub(1).max(range.start));
                match (spans.get(first), spans.get(last)) {
                    (Some(a), Some(b)) => Span::new(a.start.min(b.start), a.end.max(b.end)),
                    _ => Span::new(0, 0),
                }
            }
        }
    }
}

/// Stages 3 to 6 over the lines and blocks of `text`, with what
/// `markup` says of them; the record has no commitments, source text, fixity or id yet.
pub(crate) fn run(
    text: &str,
    lines: &[lines::Line],
    blocks: &[blocks::Block<'_>],
    markup: Option<&Markup>,
    options: &IngestOptions,
    spans: &mut SourceSpans<'_>,
) -> Result<Statement, IngestError> {
    // The layout, and the language: it decides how "11/02/2016" is read and which stop
    // words the classifier counts.
    let layout = layouts::choose(text);
    let mut record_notes: Vec<notes::Pending> = Vec::new();
    let language = match &options.language {
        Some(tag) => Some(tag.clone()),
        None => {
            // Blocks of eight words or more: prose, whatever the furniture around it.
            let prose = blocks.iter().map(|b| b.text.as_ref());
            let decision = language::decide(&language::sample(prose));
            if let Some(note) = decision.note {
                record_notes.push((note.code, note.message, None));
            }
            decision.tag
        }
    };
    let primary = language.as_deref().map(|tag| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase());
    let language_file = primary.as_deref().and_then(languages::get);
    let order = NumericOrder::for_language(language.as_deref());

    // Stage 3.
    let classes = classify::run(blocks, language_file, order, layout.as_ref().map(|c| c.layout), markup);
    // Stage 4.
    let (header, roles) = metadata::read(
        blocks,
        &classes,
        order,
        layout.as_ref().map(|c| c.layout),
        markup.and_then(|m| m.title_block),
    );

    // Stage 5.
    let mut paras = match markup {
        None => {
            let mut body: Vec<BodyLine> = Vec::new();
            for (block, role) in blocks.iter().zip(&roles) {
                if *role == metadata::Role::Body {
                    for (k, line) in lines[block.lines.clone()].iter().enumerate() {
                        body.push(BodyLine { start: line.start, end: line.end, break_before: k == 0 });
                    }
                }
            }
            paragraphs::build(text, &body)
        }
        Some(markup) => {
            // One paragraph an element, of the element's kind.
            let body: Vec<(usize, usize, ParagraphKind)> = blocks
                .iter()
                .zip(&roles)
                .enumerate()
                .filter(|(_, (_, role))| **role == metadata::Role::Body)
                .map(|(i, (block, _))| {
                    (block.start, block.end, markup.kinds.get(i).copied().unwrap_or(ParagraphKind::Body))
                })
                .collect();
            paragraphs::from_elements(text, &body)
        }
    };
    for r in repeat::drop_repeats(&mut paras) {
        let message = format!(
            "the body is printed again: a repeated copy of {} paragraph(s){} was dropped",
            r.count,
            if r.truncated { ", cut short," } else { "" }
        );
        record_notes.push(("body.repeated".into(), message, Some(r.start..r.end)));
    }
    let mut controls = 0;
    let mut kept = Vec::with_capacity(paras.len());
    for p in paras {
        let (clean, removed) = paragraphs::strip_controls(&p.text);
        controls += removed;
        if clean.trim().is_empty() {
            continue;
        }
        kept.push((p, clean));
    }
    if kept.is_empty() {
        return Err(IngestError::NoBody { lines: lines.len() });
    }

    let mut statement = Statement::default();
    let first_texts: Vec<&str> = kept.iter().take(3).map(|(_, text)| text.as_str()).collect();
    statement.issuers = metadata::issuers(&header, &first_texts);
    statement.kind = metadata::kind(&header, first_texts.first().copied());
    statement.title = header.title.clone();
    statement.places = header.places.clone();
    statement.issued = header.issued.as_ref().map(|f| f.date);
    statement.published = header.published;
    statement.last_updated = header.last_updated;
    statement.source.retrieved = header.retrieved.as_ref().map(|f| f.date);
    statement.reference = header.reference.clone();
    statement.source.attribution = header.attribution.clone();
    statement.source.via = header.via.clone();

    // Ambiguous numeric dates: say how they were read.
    for (found, range) in &header.ambiguous {
        if let Some(other) = found.other_reading {
            record_notes.push((
                "date.ambiguous".into(),
                format!(
                    "numeric date read as {} by the conventions of language {} and of the dateline place; it could also be {}",
                    found.date,
                    language.as_deref().unwrap_or("unknown"),
                    other
                ),
                Some(range.clone()),
            ));
        }
    }
    for (code, message, range) in &header.notes {
        if !message.is_empty() {
            record_notes.push(((*code).to_owned(), message.clone(), range.clone()));
        }
    }
    if let (Some(issued), Some(updated)) = (statement.issued, statement.last_updated)
        && dates::updated_before_issued(updated, issued)
    {
        record_notes.push((
            "date.order".into(),
            format!("last update {updated} is before the issue date {issued}; the update was not recorded"),
            None,
        ));
        statement.last_updated = None;
    }
    if let Some(choice) = &layout {
        let note = choice.note();
        record_notes.push((note.code, note.message, None));
    }

    // A transcript's turns: each paragraph's speaker, a reporter's question.
    let mut turns = layout.as_ref().and_then(|c| c.layout.transcript.as_ref()).map(Turns::new);
    statement.paragraphs = kept
        .into_iter()
        .enumerate()
        .map(|(i, (p, text))| {
            let mut kind = p.kind;
            let mut speaker = None;
            let mut text = text;
            if let Some(turns) = turns.as_mut() {
                let turn = turns.read(&text);
                if turn.label > 0 {
                    text = text[turn.label..].trim_start().to_owned();
                }
                if turn.question {
                    kind = ParagraphKind::Question;
                }
                speaker = turn.speaker;
            }
            let mut paragraph = Paragraph::new(format!("para_{}", i + 1), kind, text)
                .with_source_span(spans.span(p.start..p.end));
            paragraph.number = p.number;
            paragraph.speaker = speaker;
            paragraph
        })
        .collect();
    if controls > 0 {
        record_notes.push((
            "text.control_characters".into(),
            format!("{controls} control character(s) removed from paragraph texts (kept in source_text)"),
            None,
        ));
    }
    // Stage 6.
    statement.notes = notes::collect(blocks, &roles, record_notes, spans);
    statement.language = language;
    Ok(statement)
}
