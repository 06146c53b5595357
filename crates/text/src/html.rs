//! HTML pages: the page is read by `communique_html` (decoded, parsed with html5ever,
//! hidden text dropped, blocks with their element kinds and spans, metadata with its
//! provenance, the main content found by element context), and its blocks go through
//! the stages of plain text (`crate::plain`), not a pipeline of their own:
//!
//! - the stages read a **view** of the page: each block's text, parted by blank lines,
//!   one stage-2 block an element; a byte range of the view maps back to the blocks'
//!   spans in the page (code points into the decoded HTML, [`SourceSpans::Blocks`]);
//! - **furniture** is what the element context decides (landmarks, class and id words,
//!   captions, link lists, blocks outside the main container: [`FurnitureReason`]),
//!   then the same phrase lists, shape rules and jusText grading as plain text;
//! - **paragraph kinds** come from the elements (heading, list item, quote, body);
//! - **metadata** from the markup first (`<meta>`, `<time>`, JSON-LD, the title heading
//!   the metadata confirms), the text's own dateline second; when they disagree on the
//!   issue date a `date.disagrees` note says so.
//!
//! The record's `source_text` is the decoded page as received; its fixity is over the
//! bytes as received.

use crate::dates;
use crate::furniture::Furniture;
use crate::header::{self, Meta};
use crate::plain::blocks::{Block, Features};
use crate::plain::lines::Line;
use crate::plain::{self, Markup, SourceSpans};
use crate::{IngestError, IngestOptions};
use communique_html::decode::EncodingSource;
use communique_html::extract::{BlockClass, Extractor, FurnitureReason};
use communique_html::{BlockKind, HtmlReader, PageDate, Provenance, Sourced, normalize};
use communique_model::{Note, ParagraphKind, Span, Statement};
use std::borrow::Cow;

/// Whether `bytes` open as an HTML document: `<!DOCTYPE html` or `<html`, in any case,
/// after a byte-order mark and white space.
pub(crate) fn sniff(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(start.len());
    let head: Vec<u8> = start[first..].iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Ingests one HTML page (see the module documentation).
///
/// # Errors
///
/// [`IngestError::Empty`] for a page with no visible text, [`IngestError::NoBody`] when
/// every block is furniture or metadata, [`IngestError::Invalid`] if the record would
/// break an invariant of the model.
pub(crate) fn ingest_html(bytes: &[u8], options: &IngestOptions) -> Result<Statement, IngestError> {
    let page = HtmlReader::new().with_transport_charset(options.charset.as_deref()).read(bytes);
    let extraction = Extractor::new().extract(&page);
    let page_blocks = page.blocks();
    // The blocks with text, in reading order: stage 2's blocks.
    let kept: Vec<usize> =
        (0..page_blocks.len()).filter(|&i| !page_blocks[i].text.trim().is_empty()).collect();
    if kept.is_empty() {
        return Err(IngestError::Empty);
    }
    let mut view = String::new();
    let mut ranges = Vec::with_capacity(kept.len());
    for &i in &kept {
        if !view.is_empty() {
            view.push_str("\n\n");
        }
        let start = view.len();
        view.push_str(page_blocks[i].text.trim());
        ranges.push(start..view.len());
    }
    let lines: Vec<Line> =
        ranges.iter().map(|r| Line { start: r.start, end: r.end, blank_before: true }).collect();
    let blocks: Vec<Block<'_>> = ranges
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let text = &view[r.clone()];
            Block {
                lines: k..k + 1,
                start: r.start,
                end: r.end,
                text: Cow::Borrowed(text),
                features: Features::of(text),
            }
        })
        .collect();

    let metadata = page.metadata();
    let title_block = metadata.titles.iter().find_map(|t| t.block).and_then(|b| kept.binary_search(&b).ok());
    // The dateline zone: from the title over the lead (up to three paragraphs of the
    // main content right under it) and the blocks after it that are not main content,
    // up to the main content again; a lead that the main content never follows again
    // is the whole zone.
    let below_title = title_block
        .map(|title| {
            let content = |k: usize| extraction.classes[kept[k]] == BlockClass::Content;
            let mut end = title + 1;
            while end < kept.len() && end < title + 4 && content(end) {
                end += 1;
            }
            let lead_end = end;
            while end < kept.len() && !content(end) {
                end += 1;
            }
            title + 1..if end < kept.len() { end } else { lead_end }
        })
        .unwrap_or(0..0);
    let markup = Markup {
        furniture: kept
            .iter()
            .enumerate()
            .map(|(k, &i)| match &extraction.classes[i] {
                BlockClass::Furniture(reason) => Some(furniture_of(reason)),
                BlockClass::Title if Some(k) != title_block => Some(Furniture {
                    code: "metadata.title_repeated",
                    what: "the title printed again",
                    ends_page: false,
                }),
                _ => None,
            })
            .collect(),
        content: kept.iter().map(|&i| extraction.classes[i] == BlockClass::Content).collect(),
        kinds: kept.iter().map(|&i| kind_of(page_blocks[i].kind)).collect(),
        title_block,
        issued: metadata.issued().map(|d| d.value.date),
        below_title,
    };
    let mut spans = SourceSpans::Blocks {
        starts: ranges.iter().map(|r| r.start).collect(),
        spans: kept.iter().map(|&i| page_blocks[i].source_span.unwrap_or(Span::new(0, 0))).collect(),
    };
    let mut run_options = options.clone();
    if run_options.language.is_none() {
        run_options.language = metadata.language.as_ref().and_then(|l| language_tag(&l.value));
    }
    let mut statement = plain::run(&view, &lines, &blocks, Some(&markup), &run_options, &mut spans)?;
    merge_furniture_notes(&mut statement.notes);

    // Metadata: the markup first, the text second.
    let mut notes = Vec::new();
    let mut read_from = Vec::new();
    if let Some(title) = metadata.title() {
        statement.title = Some(normalize(&title.value));
        read_from.push(format!("title from {}", describe(&title.provenance)));
    }
    if let Some(issued) = metadata.issued() {
        let date = issued.value.date;
        if let Some(text_date) = statement.issued
            && text_date != date
        {
            notes.push(Note::new(
                "date.disagrees",
                format!(
                    "the page's markup ({}) gives the issue date {date}, its text {text_date}: the markup's is recorded",
                    describe(&issued.provenance)
                ),
            ));
        }
        statement.issued = Some(date);
        statement.published = match issued.value.timestamp {
            Some(timestamp) => Some(timestamp),
            None => statement.published.filter(|t| t.date() == date),
        };
        read_from.push(format!("issue date from {}", describe(&issued.provenance)));
    }
    if statement.issued.is_none()
        && let Some((date, span)) = as_of_date(page_blocks, &kept, statement.language.as_deref())
    {
        statement.issued = Some(date);
        let note = Note::new(
            "date.as_of",
            format!("issue date {date} read from the date the page is as of: it gives no other"),
        );
        notes.push(match span {
            Some(span) => note.with_source_span(span),
            None => note,
        });
    }
    if let Some(updated) = metadata.last_updated() {
        record_update(&mut statement, updated, &mut notes);
        read_from.push(format!("last update from {}", describe(&updated.provenance)));
    }
    if let (Some(issued), Some(updated)) = (statement.issued, statement.last_updated)
        && dates::updated_before_issued(updated, issued)
    {
        notes.push(Note::new(
            "date.order",
            format!("last update {updated} is before the issue date {issued}; the update was not recorded"),
        ));
        statement.last_updated = None;
    }
    if !read_from.is_empty() {
        notes.push(Note::new(
            "metadata.markup",
            format!("read from the page's markup: {}", read_from.join(", ")),
        ));
    }
    if page.encoding().name() != "UTF-8" || page.had_decoding_errors() {
        let source = match page.encoding_source() {
            EncodingSource::ByteOrderMark => "a byte-order mark",
            EncodingSource::Transport => "the HTTP Content-Type",
            EncodingSource::MetaCharset => "the page's <meta charset>",
            EncodingSource::MetaHttpEquiv => "the page's <meta http-equiv>",
            EncodingSource::ValidUtf8 => "its bytes, valid UTF-8",
            _ => "no declaration: windows-1252, the fallback for a page that is not UTF-8",
        };
        let mut message = format!("page decoded from {} (told by {source})", page.encoding().name());
        if page.had_decoding_errors() {
            message.push_str("; bytes not valid in it became U+FFFD");
        }
        notes.push(Note::new("text.encoding", message));
    }
    statement.notes.extend(notes);

    statement.source.url = options
        .source_url
        .clone()
        .or_else(|| statement.source.url.take())
        .or_else(|| metadata.canonical_url().map(|u| u.value.clone()));
    if let Some(retrieved) = options.retrieved {
        statement.source.retrieved = Some(retrieved);
    }
    plain::finish(statement, page.source_text(), bytes, options)
}

/// The date a page says it is as of ("Stand 27.01.2022", an `as_of` phrase of the
/// language files' `[dates]` tables), wherever the page prints it outside its
/// navigation (in its header, under the text), and the span of its block: the issue
/// date of the version received when neither the markup nor the header gives one. The
/// stages read only the lines the markup leaves them, so every block is looked at here.
fn as_of_date(
    page_blocks: &[communique_html::Block],
    kept: &[usize],
    language: Option<&str>,
) -> Option<(communique_model::chrono::NaiveDate, Option<Span>)> {
    let order = dates::NumericOrder::for_language(language);
    kept.iter().find_map(|&i| {
        let block = &page_blocks[i];
        if block.landmarks.nav || block.text.len() > 200 {
            return None;
        }
        match header::parse(block.text.trim(), order)? {
            Meta::AsOf(found, _) => Some((found.date, block.source_span)),
            _ => None,
        }
    })
}

/// Records the page's last update: a time stamp when the page gives a time of day, a
/// note when it gives the day only (the model's `last_updated` is a time stamp).
fn record_update(statement: &mut Statement, updated: &Sourced<PageDate>, notes: &mut Vec<Note>) {
    match updated.value.timestamp {
        Some(timestamp) => statement.last_updated = Some(timestamp),
        None => {
            if statement.last_updated.is_none_or(|t| t.date() != updated.value.date) {
                statement.last_updated = None;
            }
            // The stages may have noted the same day from the same printed line.
            let day = updated.value.date.to_string();
            if statement.notes.iter().any(|n| n.code == "date.updated_day" && n.message.contains(&day)) {
                return;
            }
            notes.push(Note::new(
                "date.updated_day",
                format!(
                    "last updated on {} ({}): no time of day is given, so it is not recorded as last_updated",
                    updated.value.date,
                    describe(&updated.provenance)
                ),
            ));
        }
    }
}

/// The note code and wording of furniture that element context decided.
fn furniture_of(reason: &FurnitureReason) -> Furniture {
    let (code, what) = match reason {
        FurnitureReason::Landmark(name) => (
            "noise.landmark",
            match *name {
                "nav" => "navigation (a <nav> element)",
                "footer" => "page footer (a <footer> element)",
                "header" => "page header (a <header> element)",
                "aside" => "an <aside> element",
                "form" => "a form",
                "figure" => "a figure",
                _ => "a landmark of the page",
            },
        ),
        FurnitureReason::Word(_) => ("noise.element", "page furniture by its element's class or id"),
        FurnitureReason::Caption => ("noise.photo", "photo caption"),
        FurnitureReason::Links => ("noise.links", "a block of links"),
        FurnitureReason::OutsideContainer => ("noise.outside", "text outside the page's main content"),
        FurnitureReason::AfterBody => ("noise.footer", "a section after the statement with no prose"),
        _ => ("noise.element", "page furniture"),
    };
    Furniture { code, what, ends_page: false }
}

/// The paragraph kind an element gives.
fn kind_of(kind: BlockKind) -> ParagraphKind {
    match kind {
        BlockKind::Heading { .. } => ParagraphKind::Heading,
        BlockKind::ListItem { .. } => ParagraphKind::ListItem,
        BlockKind::Quote => ParagraphKind::Quote,
        _ => ParagraphKind::Body,
    }
}

/// `<html lang>` as a BCP 47 tag the record can carry (`en`, `de-CH`; an underscore
/// read as a hyphen), or `None` for a value that is not well-formed.
fn language_tag(lang: &str) -> Option<String> {
    let tag = lang.trim().replace('_', "-");
    communique_model::is_well_formed_language_tag(&tag).then_some(tag)
}

/// Where a value of the markup came from, for a note.
fn describe(provenance: &Provenance) -> String {
    match provenance {
        Provenance::Meta(name) => format!("<meta> {name}"),
        Provenance::JsonLd(key) => format!("JSON-LD {key}"),
        Provenance::Itemprop(name) => format!("itemprop {name}"),
        Provenance::TimeElement(word) if word.is_empty() => "a <time> element".to_owned(),
        Provenance::TimeElement(word) => format!("a <time> element marked {word}"),
        Provenance::TitleElement => "the <title> element".to_owned(),
        Provenance::Heading(tag) => format!("the <{tag}> heading"),
        Provenance::LinkCanonical => "<link rel=canonical>".to_owned(),
        Provenance::HtmlLang => "<html lang>".to_owned(),
        Provenance::Text => "the page text".to_owned(),
        _ => "the markup".to_owned(),
    }
}

/// Notes of furniture set aside block by block, merged where blocks in a row were set
/// aside for the same reason (a menu of forty links is one note), the span running
/// from the first block to the last.
fn merge_furniture_notes(notes: &mut Vec<Note>) {
    let mut merged: Vec<(Note, usize)> = Vec::with_capacity(notes.len());
    for note in notes.drain(..) {
        if let Some((last, count)) = merged.last_mut()
            && last.code == note.code
            && last.code.starts_with("noise.")
            && let (Some(a), Some(b)) = (last.source_span, note.source_span)
            && b.start >= a.start
        {
            last.source_span = Some(Span::new(a.start, a.end.max(b.end)));
            *count += 1;
            continue;
        }
        merged.push((note, 1));
    }
    notes.extend(merged.into_iter().map(|(mut note, count)| {
        if count > 1 {
            note.message = format!(
                "{} (and {} more block(s) in a row, set aside for the same reason)",
                note.message,
                count - 1
            );
        }
        note
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html() {
        assert!(sniff(b"<!DOCTYPE html><html>"));
        assert!(sniff(b"\xEF\xBB\xBF\n  <!doctype HTML>"));
        assert!(sniff(b"<HTML lang=en>"));
        assert!(!sniff(b"Statement by the Spokesperson\n\n<html> is a tag."));
        assert!(!sniff(b"---\ntitle: x\n---\n"));
    }

    /// A page whose only date is the one it is as of, printed under the text: issued
    /// then, and last updated that day (a note, as no time is printed).
    #[test]
    fn the_date_a_page_is_as_of_is_its_issue_date_when_it_gives_no_other() {
        let page = r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Erinnerung</title></head>
<body><main><h1>Erinnerung an die Opfer</h1>
<p>Bundesratspräsident Bodo Ramelow nahm zusammen mit Vertreterinnen und Vertretern der anderen
Verfassungsorgane an den Gedenkveranstaltungen im Deutschen Bundestag teil und legte einen Kranz nieder.</p>
<p>Der 27. Januar ist seit 1996 ein offizieller Gedenktag in Deutschland, an dem an die Opfer erinnert wird.</p>
</main><footer><p class="updated">Stand 27.01.2022</p></footer></body></html>"#;
        let options = IngestOptions { format: Some(crate::InputFormat::Html), ..IngestOptions::default() };
        let statement = crate::ingest(page.as_bytes(), &options).unwrap();
        assert_eq!(statement.issued.map(|d| d.to_string()).as_deref(), Some("2022-01-27"));
        assert_eq!(statement.last_updated, None);
        let codes: Vec<_> = statement.notes.iter().map(|n| n.code.as_str()).collect();
        assert!(codes.contains(&"date.as_of") && codes.contains(&"date.updated_day"), "{codes:?}");
        let note = statement.notes.iter().find(|n| n.code == "date.as_of").unwrap();
        let source = statement.source_text.as_deref().unwrap();
        assert_eq!(note.source_span.unwrap().slice(source), Some("Stand 27.01.2022"));
    }

    #[test]
    fn language_tags() {
        assert_eq!(language_tag("en"), Some("en".into()));
        assert_eq!(language_tag(" de_CH "), Some("de-CH".into()));
        assert_eq!(language_tag("en US"), None);
        assert_eq!(language_tag(""), None);
    }
}
