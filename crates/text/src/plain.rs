//! Plain-text ingest: text copied from an official site, a repost, a blog or a
//! mailing-list archive becomes a validated [`Statement`].
//!
//! The text is read line by line. Noise lines (share buttons, contact blocks, navigation) and metadata lines
//! (datelines, crawl dates, references, attributions) are set aside, each with a [`Note`] pointing at it; the first
//! short line before the body is the title; short lines between the title and the body
//! are a byline; everything else is body, grouped into paragraphs. A repeated body is
//! dropped once found; commitments are coded last.

use crate::dates::{FoundDate, NumericOrder};
use crate::header::{self, Meta};
use crate::paragraphs::{self, BodyLine};
use crate::{IngestError, IngestOptions, extract_commitments, language, noise, repeat};
use communique_model::{Actor, Fixity, Note, Paragraph, Span, Statement, StatementKind};
use regex::Regex;
use std::sync::LazyLock;

/// A line of the source: byte range of its content, trimmed.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn text(self, source: &str) -> &str {
        &source[self.start..self.end]
    }
}

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:secretary(?:\s+general)?|spokesperson|spokesman|spokeswoman|minister|president|ambassador|chair(?:man|woman|person)?|director|commissioner|high\s+representative|envoy|ministerin|sprecher(?:in)?|porte-parole|ministre|secrétaire|office\s+of\s+the)\b").expect("role pattern compiles")
});

/// Converts byte offsets of one text to code points, for offsets asked mostly in
/// increasing order (linear overall; a backward step recounts from the start).
struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    cp: usize,
}

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, byte: 0, cp: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.cp = 0;
        }
        self.cp += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.cp
    }

    fn span(&mut self, start: usize, end: usize) -> Span {
        let s = self.at(start);
        Span::new(s, self.at(end))
    }
}

/// Splits `text` into lines (`\n`, `\r\n` or `\r`), each trimmed; blank lines are `None`.
fn lines(text: &str) -> Vec<Option<Line>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |start: usize, end: usize, out: &mut Vec<Option<Line>>| {
        let raw = &text[start..end];
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || (c.is_control() && c != '\t'));
        if trimmed.is_empty() {
            out.push(None);
        } else {
            let s = start + raw.find(trimmed).unwrap_or(0);
            out.push(Some(Line { start: s, end: s + trimmed.len() }));
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                push(start, i, &mut out);
                start = i + 1;
            }
            b'\r' => {
                push(start, i, &mut out);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        push(start, bytes.len(), &mut out);
    }
    out
}

fn is_prose(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', ')', '»'])
        || text.split_whitespace().count() >= 12
        || text.starts_with(['•', '·', '▪', '◦', '●', '-', '–', '*'])
}

/// A title line: a headline, not a sentence. Titles of official statements run long
/// ("Declaration by the High Representative on behalf of the EU on …"), so length alone
/// does not make a line prose; a sentence ending, a bullet, or more than 30 words does.
fn could_be_title(text: &str) -> bool {
    !text.ends_with(['.', '!', ';', ':', ',', '…'])
        && !text.starts_with(['•', '·', '▪', '◦', '●', '-', '–', '*'])
        && text.split_whitespace().count() <= 30
        && text.chars().count() <= 250
}

fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// Ingests plain text.
///
/// `text` is `bytes` decoded as UTF-8 (the caller checked it); `bytes` are what the
/// fixity is computed over. See the crate documentation for what is recognised.
///
/// # Errors
///
/// [`IngestError::Empty`] for a blank text, [`IngestError::NoBody`] when every line is
/// noise or metadata, [`IngestError::Invalid`] if the record would break an invariant of
/// the model (a defect of this crate, reported rather than returned).
pub fn ingest_plain(text: &str, bytes: &[u8], options: &IngestOptions) -> Result<Statement, IngestError> {
    if text.trim_matches(|c: char| c.is_whitespace() || c.is_control()).is_empty() {
        return Err(IngestError::Empty);
    }
    let all = lines(text);
    let present: Vec<(usize, Line)> = all.iter().enumerate().filter_map(|(i, l)| l.map(|l| (i, l))).collect();

    // The language first: it decides how "11/02/2016" is read.
    let language = options.language.clone().or_else(|| {
        let mut sample = String::new();
        let long = present.iter().any(|&(_, l)| l.text(text).split_whitespace().count() >= 8);
        for &(_, line) in &present {
            let t = line.text(text);
            if (!long || t.split_whitespace().count() >= 8) && noise::classify(t).is_none() {
                sample.push_str(t);
                sample.push('\n');
                if sample.len() > language::SAMPLE_BYTES {
                    break;
                }
            }
        }
        language::detect_language(&sample)
    });
    let order = NumericOrder::for_language(language.as_deref());

    let mut cp = CodePoints::new(text);
    let mut statement = Statement::default();
    let mut notes: Vec<Note> = Vec::new();
    let mut note = |code: &str, message: String, line: Line, cp: &mut CodePoints<'_>| {
        notes.push(Note::new(code, message).with_source_span(cp.span(line.start, line.end)));
    };
    let mut issuers: Vec<(u8, String)> = Vec::new();
    let mut body: Vec<BodyLine> = Vec::new();
    let mut body_started = false;
    let mut ended: Option<&'static str> = None;
    let mut last_index: Option<usize> = None;
    let mut ambiguous: Vec<(FoundDate, Line)> = Vec::new();
    let mut byline_person: Option<String> = None;
    let mut subject_title: Option<String> = None;

    for (pos, &(index, line)) in present.iter().enumerate() {
        let t = line.text(text);
        let gap = last_index.is_some_and(|last| index > last + 1);
        if let Some(code) = ended {
            note(code, format!("page furniture after the statement set aside: {}", clip(t)), line, &mut cp);
            continue;
        }
        if let Some(kind) = noise::classify(t) {
            if let Some(who) = header::issuer_from_subscription(t) {
                issuers.push((4, who));
            }
            note(kind.code, format!("{} set aside: {}", kind.what, clip(t)), line, &mut cp);
            if kind.ends_page && body_started {
                ended = Some(kind.code);
            }
            continue;
        }
        if let Some(meta) = header::parse(t, order)
            && !(body_started
                && matches!(meta, Meta::MailFrom(_) | Meta::MailField | Meta::ListSubject { .. }))
        {
            let body_rest = apply_meta(
                &mut statement,
                meta,
                body_started,
                &mut issuers,
                &mut ambiguous,
                &mut subject_title,
                line,
            );
            match body_rest {
                Some(()) => {
                    body_started = true;
                    body.push(BodyLine { start: line.start, end: line.end, break_before: true });
                    last_index = Some(index);
                }
                _ => note(
                    "metadata.line",
                    format!("metadata line read into the record: {}", clip(t)),
                    line,
                    &mut cp,
                ),
            }
            continue;
        }
        if !body_started {
            let next = present.get(pos + 1).map(|&(_, l)| l.text(text));
            let next_is_date =
                next.is_some_and(|n| matches!(header::parse(n, order), Some(Meta::Date { .. })));
            if next_is_date && let Some(place) = header::place_only(t) {
                if !statement.places.contains(&place) {
                    statement.places.push(place);
                }
                note("metadata.place", format!("place line read into the record: {t}"), line, &mut cp);
                continue;
            }
            // A name over a role line ("Marie Harf" / "Deputy Spokesperson") is a byline.
            let next_is_role = next.is_some_and(|n| ROLE.is_match(n) && !is_prose(n));
            let role_after_name = byline_person.is_some() && ROLE.is_match(t);
            if statement.title.is_none()
                && could_be_title(t)
                && !(is_name(t) && next_is_role)
                && !role_after_name
            {
                statement.title = Some(t.to_owned());
                note("metadata.title", format!("title line: {}", clip(t)), line, &mut cp);
                continue;
            }
            if !is_prose(t) && t.chars().count() <= 250 {
                let next_blank = present.get(pos + 1).is_none_or(|&(i, _)| i > index + 1);
                let heading = next_blank && !ROLE.is_match(t) && !is_name(t);
                if !heading {
                    if is_name(t) && byline_person.is_none() {
                        byline_person = Some(t.to_owned());
                    }
                    note("metadata.byline", format!("byline line set aside: {}", clip(t)), line, &mut cp);
                    continue;
                }
            }
            body_started = true;
        } else if !is_prose(t) && ROLE.is_match(t) && t.split_whitespace().count() <= 12 {
            note("metadata.signature", format!("signature line set aside: {}", clip(t)), line, &mut cp);
            continue;
        }
        body.push(BodyLine { start: line.start, end: line.end, break_before: gap || body.is_empty() });
        last_index = Some(index);
    }

    // Ambiguous numeric dates: say how they were read.
    for (found, line) in ambiguous {
        if let Some(other) = found.other_reading {
            note(
                "date.ambiguous",
                format!(
                    "numeric date read as {} by the conventions of language {} and of the dateline place; it could also be {}",
                    found.date,
                    language.as_deref().unwrap_or("unknown"),
                    other
                ),
                line,
                &mut cp,
            );
        }
    }

    let mut paras = paragraphs::build(text, &body);
    for r in repeat::drop_repeats(&mut paras) {
        let message = format!(
            "the body is printed again: a repeated copy of {} paragraph(s){} was dropped",
            r.count,
            if r.truncated { ", cut short," } else { "" }
        );
        notes.push(Note::new("body.repeated", message).with_source_span(cp.span(r.start, r.end)));
    }
    if paras.is_empty() {
        return Err(IngestError::NoBody { lines: present.len() });
    }

    if statement.title.is_none() {
        // No title line of its own: the mail subject's ("[list] Press Statement: Title").
        statement.title = subject_title;
    }
    // Issuers: "Issued by" (0), title (1), preface (2), "We, the …" (3), mailing list (4),
    // headline (5).
    if let Some(title) = &statement.title {
        if let Some(who) = header::issuer_from_title(title) {
            issuers.push((1, who));
        } else if let Some(who) = header::issuer_from_headline(title) {
            issuers.push((5, who));
        }
        if statement.kind == StatementKind::Other
            && let Some(kind) = header::kind_from_title(title)
        {
            statement.kind = kind;
        }
    }
    if let Some(first) = paras.first() {
        if let Some(who) = header::issuer_from_preface(&first.text) {
            issuers.push((2, who));
        }
        if let Some(who) = paras.iter().take(3).find_map(|p| header::issuer_from_we_the(&p.text)) {
            issuers.push((3, who));
        }
        if statement.kind == StatementKind::Other && first.text.to_lowercase().contains("press statement") {
            statement.kind = StatementKind::PressStatement;
        }
    }
    issuers.sort_by_key(|(rank, _)| *rank);
    for (_, name) in issuers {
        if !statement.issuers.iter().any(|a| a.name == name) {
            statement.issuers.push(Actor::organization(name));
        }
    }
    if let Some(person) = byline_person {
        statement.issuers.push(Actor::person(person));
    }

    let mut controls = 0;
    statement.paragraphs = paras
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let (clean, removed) = paragraphs::strip_controls(&p.text);
            controls += removed;
            let mut paragraph = Paragraph::new(format!("para_{}", i + 1), p.kind, clean)
                .with_source_span(cp.span(p.start, p.end));
            paragraph.number = p.number;
            paragraph
        })
        .filter(|p| !p.text.trim().is_empty())
        .collect();
    if controls > 0 {
        notes.push(Note::new(
            "text.control_characters",
            format!("{controls} control character(s) removed from paragraph texts (kept in source_text)"),
        ));
    }
    if statement.paragraphs.is_empty() {
        return Err(IngestError::NoBody { lines: present.len() });
    }

    if let (Some(issued), Some(updated)) = (statement.issued, statement.last_updated)
        && updated.date() < issued
    {
        notes.push(Note::new(
            "date.order",
            format!("last update {updated} is before the issue date {issued}; the update was not recorded"),
        ));
        statement.last_updated = None;
    }

    statement.language = language;
    if let Some(url) = &options.source_url {
        statement.source.url = Some(url.clone());
    }
    if let Some(retrieved) = options.retrieved {
        statement.source.retrieved = Some(retrieved);
    }
    statement.commitments = extract_commitments(
        &statement.paragraphs,
        statement.language.as_deref().unwrap_or(""),
        &statement.issuers,
    );
    notes.sort_by_key(|n| n.source_span.map_or(usize::MAX, |s| s.start));
    statement.notes = notes;
    statement.fixity = Some(Fixity::sha256(bytes));
    statement.source_text = Some(text.to_owned());
    statement.id = match &options.id {
        Some(id) => id.clone(),
        None => statement.derive_id(),
    };
    statement.validate().map_err(|e| IngestError::Invalid(Box::new(e)))?;
    Ok(statement)
}

/// Records what a metadata line says. Returns `Some(())` when the line also begins the
/// body (a dateline followed by text on the same line).
fn apply_meta(
    statement: &mut Statement,
    meta: Meta,
    body_started: bool,
    issuers: &mut Vec<(u8, String)>,
    ambiguous: &mut Vec<(FoundDate, Line)>,
    subject_title: &mut Option<String>,
    line: Line,
) -> Option<()> {
    let mut issued = |found: FoundDate, statement: &mut Statement| {
        if statement.issued.is_none() {
            statement.issued = Some(found.date);
            if found.other_reading.is_some() {
                ambiguous.push((found, line));
            }
        }
    };
    match meta {
        Meta::Retrieved(found) => {
            if statement.source.retrieved.is_none() {
                statement.source.retrieved = Some(found.date);
            }
        }
        Meta::Date { date, kind } => {
            issued(date, statement);
            if let Some(kind) = kind {
                statement.kind = kind;
            }
        }
        Meta::Published { date, time } => {
            if statement.published.is_none() {
                statement.published = Some(time);
            }
            if date.other_reading.is_some() {
                ambiguous.push((date, line));
            }
        }
        Meta::Dateline { places, date, updated, rest } => {
            for place in places {
                if !statement.places.contains(&place) {
                    statement.places.push(place);
                }
            }
            issued(date, statement);
            if statement.last_updated.is_none() {
                statement.last_updated = updated;
            }
            if rest.is_some() {
                return Some(());
            }
        }
        Meta::IssuedOn(found) => issued(found, statement),
        Meta::LastUpdated(time) => {
            if statement.last_updated.is_none() {
                statement.last_updated = Some(time);
            }
        }
        Meta::UpdatedDay(_) | Meta::Separator => {}
        Meta::Reference(reference) => {
            if statement.reference.is_none() {
                statement.reference = Some(reference);
            }
        }
        Meta::Attribution(who) => {
            if statement.source.attribution.is_none() {
                statement.source.attribution = Some(who);
            }
        }
        Meta::IssuedBy { issuer, place, date } => {
            issuers.push((0, issuer));
            if let Some(place) = place
                && !statement.places.contains(&place)
            {
                statement.places.push(place);
            }
            if let Some(date) = date
                && !body_started
            {
                issued(date, statement);
            }
        }
        Meta::DocType(kind) => statement.kind = kind,
        Meta::ListSubject { list, title } => {
            if statement.source.via.is_none() {
                statement.source.via = list;
            }
            if subject_title.is_none() {
                *subject_title = title;
            }
        }
        Meta::MailFrom(name) => {
            if let Some(name) = name {
                issuers.push((4, name));
            }
        }
        Meta::MailField => {}
    }
    None
}

/// The first 80 characters of a line, for a note.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
