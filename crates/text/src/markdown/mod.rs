//! Markdown ingest: a Markdown file with an optional YAML front-matter block (static-site
//! and pandoc exports, such as scraped White House briefing-room pages) becomes one
//! [`Statement`].
//!
//! ```
//! use communique_text::{IngestOptions, markdown};
//! let file = "---\ntitle: \"Joint Statement on\\_AUKUS\"\ndate: '2023-03-13'\npublished_time: 2023-03-13 17:20:00-04:00\nsource_url: https://www.whitehouse.gov/briefing-room/statements-releases/2023/03/13/aukus/\n---\n**San Diego, California**\n\nToday we announce\nour pathway.\n";
//! let statement = markdown::read_markdown(file, file.as_bytes(), &IngestOptions::default())?;
//! // The title as the front matter gives it: YAML's `\_` is a no-break space.
//! assert_eq!(statement.title.as_deref(), Some("Joint Statement on\u{a0}AUKUS"));
//! assert_eq!(statement.kind.as_str(), "joint_statement");
//! assert_eq!(statement.places, ["San Diego, California"]);
//! assert_eq!(statement.published.unwrap().to_string(), "2023-03-13T17:20:00-04:00");
//! assert_eq!(statement.issuers[0].name, "The White House");
//! let paragraph = &statement.paragraphs[0];
//! assert_eq!(paragraph.text, "Today we announce our pathway.");
//! assert_eq!(paragraph.source_span.unwrap().slice(file), Some("Today we announce\nour pathway."));
//! # Ok::<(), markdown::MarkdownError>(())
//! ```
//!
//! # Front matter
//!
//! Read with a YAML 1.2 parser (see `front_matter`): `title` gives the title, `date` the
//! issue date, `published_time` and `modified_time` the published and last-updated
//! [`Timestamp`](communique_model::Timestamp)s with their UTC offsets and printed
//! precision (`2021-01-26 13:40:50-05:00` gives `2021-01-26T13:40:50-05:00`),
//! `source_url` the source address and `tags` the keywords. Any other key is kept as a
//! [`Note`] with code `front_matter.unmapped`, message `key: value` (the value as printed)
//! and the entry's span; the file itself is kept verbatim in `source_text` in any case.
//! The title keeps every character the front matter gives (YAML's `\_` is a no-break
//! space, a word joiner stays in "COVID-\u{2060}19"); it is matched against paragraphs
//! and the kind table as a reader reads it. A byte-order mark before the opening `---`
//! is skipped.
//!
//! # Body
//!
//! The body is CommonMark, read by pulldown-cmark with byte offsets. A paragraph's
//! `source_span` covers its block in the file, list marker and inline markup included;
//! its `text` is what a reader of the rendered page sees:
//!
//! - wrapped lines join with one space; runs of white space (no-break spaces included)
//!   become one space; the word joiner, zero-width space, byte-order mark and soft hyphen
//!   are dropped;
//! - emphasis, links (their text is kept, the address is not), inline HTML tags
//!   (`<u>`, `<span …>`, `<sup>`), backslash escapes and character references are
//!   resolved; an unescaped `*` left unpaired by the converter is markup and is dropped;
//! - a line holding only (no-break) spaces separates paragraphs, as the converter meant;
//! - `#` headings, and blocks wholly in bold or underlined of at most 200 code points
//!   that do not end with a full stop, are `heading`s; a hard line break after such a
//!   line (`**Energy Security**␣␣⏎Text`) splits it from the text that follows;
//! - a printed number before the text (`1.`, `a.`, `IV.`, `(a)`, `(iv)`, a bold `**2**`) is
//!   the paragraph's `number`, removed from the text; items of an ordered list keep the
//!   number printed in their marker;
//! - items of an ordered list are numbered `body` paragraphs ("1. We have convened …"),
//!   unless the list follows a lead-in; items of a bullet list are `list_item`s;
//! - a paragraph ending with `:` right before a list is a `lead_in`, and the items of
//!   that list are `list_item`s, ordered or not; so are paragraphs numbered with letters
//!   or Roman numerals (`a.`, `(ii)`) right after such a paragraph;
//! - block quotes give `quote` paragraphs; wholly bold or italic paragraphs that open the
//!   body, when body text follows, are a standfirst and give `preface` paragraphs;
//! - a first line such as `**Jeddah, Saudi Arabia**` (two or three capitalised,
//!   comma-separated parts) is the dateline place, kept whole, not a paragraph; a first
//!   line holding only a date (`June 24, 2024`) is set aside with a `dateline.date` note;
//! - end marks and separators (`\###`, `# # #`, `\*\*\*`) are set aside with a
//!   `noise.end_mark` note, blocks with no text (images, figures) with a
//!   `markdown.no_text` note; HTML comments (`<!-- -->`) are dropped.
//! - bold or underlined blocks ending with `:` are not headings but text (a lead-in
//!   when a list follows: `**WE HEREBY DECLARE TO:**`);
//! - a line that opens with a bullet left as text (`• Licensed health professionals …`)
//!   is a list item of its own, and the paragraph before it that ends with `:` leads in;
//! - page furniture is set aside with the rules plain text follows (the language files'
//!   phrases, the page layout's, the shape rules: the FEMA line "FOR FURTHER INFORMATION
//!   MEDIA SHOULD CONTACT …", "* * * Begin text * * *", a briefing room's name), also
//!   when it is run on at the end of a paragraph; so are time lines of a transcript
//!   ("3:46 P.M. EDT", `metadata.time`), the title printed again as the body's first
//!   paragraph (`metadata.title_repeated`) and signature lines at the end ("Joseph R.
//!   Biden, Jr." / "Emmanuel Macron" / a date, `metadata.signature`).
//!
//! # The rest of the record
//!
//! The kind comes from the title, by the one table plain text uses too (the `[kinds]`
//! tables of the language files: the cue printed first wins; "Disaster Declaration"
//! names no declaration), else from the tags (`statements-releases` or `press-release`
//! give `press_release`), else `other`. The issuer is "The White House" when the source
//! address is on `whitehouse.gov` or an archived White House site
//! (`*whitehouse.archives.gov`); other files name no issuer. The language is the
//! caller's, else the one the detector plain text uses finds in the body; when it is
//! unsure, a `language.assumed` note says which language the script and stop words gave.
//! A page layout recognised in the body (a White House briefing) is kept in a
//! `layout.chosen` note. `fixity` is the SHA-256 of the bytes, `source_text` the whole
//! file, and the id the caller's or [`Statement::derive_id`]'s.

mod body;
mod front_matter;

use crate::{IngestError, IngestOptions};
use communique_model::{Actor, Fixity, Note, Source, Statement, StatementKind};
use std::fmt;

/// Why a Markdown file could not be read: what, and where (1-based line and column, the
/// column counted in code points, both in the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    line: usize,
    column: usize,
    message: String,
}

impl MarkdownError {
    pub(crate) fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self { line, column, message: message.into() }
    }

    /// 1-based line of the file where the problem is.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column (in code points) of the line where the problem is.
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, for a person.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for MarkdownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for MarkdownError {}

/// Ingests one Markdown file (`text` is `bytes` decoded as UTF-8) into a validated
/// [`Statement`]; see [`read_markdown`] for the rules.
///
/// # Errors
///
/// - [`IngestError::Empty`] for a file of nothing but white space, as for plain text;
/// - [`IngestError::Markdown`] (1-based line, column in code points, message) for front
///   matter that is not valid YAML, is not a mapping, is never closed, or gives a date or
///   timestamp that does not exist;
/// - [`IngestError::Invalid`] for a record that fails [`Statement::validate`].
pub fn ingest_markdown(text: &str, bytes: &[u8], options: &IngestOptions) -> Result<Statement, IngestError> {
    if is_blank(text) {
        return Err(IngestError::Empty);
    }
    let statement = build(text, bytes, options)?;
    statement.validate().map_err(|errors| IngestError::Invalid(Box::new(errors)))?;
    Ok(statement)
}

/// Reads one Markdown file (`text` is `bytes` decoded as UTF-8) into a validated
/// [`Statement`], following the rules of the [module documentation](self).
///
/// # Errors
///
/// [`MarkdownError`] with the line and column in the file for front matter that is not
/// valid YAML, is not a mapping, is never closed, or gives a `date`, `published_time` or
/// `modified_time` that does not exist; at line 1 for a file of nothing but white space;
/// and, at line 1, for a record that fails
/// [`Statement::validate`] (e.g. a language tag given by the caller that is not BCP 47).
pub fn read_markdown(text: &str, bytes: &[u8], options: &IngestOptions) -> Result<Statement, MarkdownError> {
    if is_blank(text) {
        return Err(MarkdownError::new(1, 1, IngestError::Empty.to_string()));
    }
    let statement = build(text, bytes, options)?;
    statement.validate().map_err(|errors| MarkdownError::new(1, 1, errors.to_string()))?;
    Ok(statement)
}

/// True for a file with nothing but white space (and a byte-order mark): no statement, as
/// for an empty plain text.
fn is_blank(text: &str) -> bool {
    text.strip_prefix('\u{feff}').unwrap_or(text).trim().is_empty()
}

/// The record, not yet validated.
fn build(text: &str, bytes: &[u8], options: &IngestOptions) -> Result<Statement, MarkdownError> {
    let block = front_matter::locate(text)?;
    let (front, body_start) = match &block {
        Some(block) => (front_matter::parse(text, block)?, block.body_start),
        None => (front_matter::FrontMatter::default(), 0),
    };
    // The title keeps every character of the front matter (a no-break space, a word
    // joiner in "COVID-\u{2060}19"); what is matched against it is read as a reader reads it.
    let title = front.title.filter(|t| !body::resolve(t).is_empty());
    let layout = crate::layouts::choose(&text[body_start..]);
    let context = body::Context { title: title.as_deref(), layout: layout.as_ref().map(|c| c.layout) };
    let body = body::parse(text, body_start, context);

    let url = options.source_url.clone().or(front.source_url);
    let issuers = match url.as_deref() {
        Some(url) if is_white_house(url) => vec![Actor::organization("The White House")],
        _ => Vec::new(),
    };
    let mut notes = body.notes;
    let language = match &options.language {
        Some(tag) => Some(tag.clone()),
        None => {
            let decision = crate::language::decide(&crate::language::sample(
                body.paragraphs.iter().map(|p| p.text.as_str()),
            ));
            notes.extend(decision.note);
            decision.tag
        }
    };
    if let Some(choice) = &layout {
        notes.push(choice.note());
    }
    notes.extend(front.unmapped.into_iter().map(|(key, value, span)| {
        Note::new("front_matter.unmapped", format!("{key}: {value}")).with_source_span(span)
    }));
    notes.sort_by_key(|note| note.source_span.map(|s| s.start));

    // A page modified before the day it is dated (a release prepared in advance) cannot
    // have that time as `last_updated` when the model's ordering rule rejects it (with a
    // UTC offset, the evening before in a western zone is not "before"); it is then kept
    // in a note.
    let mut last_updated = front.modified;
    if let (Some(modified), Some(issued)) = (front.modified, front.date)
        && crate::dates::updated_before_issued(modified, issued)
    {
        last_updated = None;
        let mut note = Note::new(
            "front_matter.modified_before_issue",
            format!("modified_time: {modified} is before the issue date {issued}; not taken as last_updated"),
        );
        note.source_span = front.modified_entry;
        notes.push(note);
        notes.sort_by_key(|note| note.source_span.map(|s| s.start));
    }
    let mut statement = Statement {
        id: String::new(),
        kind: statement_kind(title.as_deref(), &front.tags),
        title,
        issuers,
        places: body.places,
        issued: front.date,
        last_updated,
        published: front.published,
        language,
        reference: None,
        keywords: front.tags,
        source: Source { attribution: None, url, via: None, retrieved: options.retrieved },
        fixity: Some(Fixity::sha256(bytes)),
        source_text: Some(text.to_owned()),
        paragraphs: body.paragraphs,
        commitments: Vec::new(),
        notes,
    };
    statement.commitments = crate::commitments::extract_commitments_of(&statement);
    statement.id = options.id.clone().unwrap_or_else(|| match &statement.fixity {
        Some(fixity) => statement.id_from_fixity(fixity, bytes),
        None => statement.derive_id(),
    });
    Ok(statement)
}

/// True for an address on `whitehouse.gov` (or a host below it) or on an archived White
/// House site of the US National Archives (`bidenwhitehouse.archives.gov`, …); the host is
/// read by [`crate::address::host`].
fn is_white_house(url: &str) -> bool {
    use crate::address::{host, is_on};
    host(url).is_some_and(|host| {
        is_on(host, "whitehouse.gov") || host.to_ascii_lowercase().ends_with("whitehouse.archives.gov")
    })
}

/// The kind the title names (the table plain text uses, [`crate::kinds`]), else the one
/// the tags name.
fn statement_kind(title: Option<&str>, tags: &[String]) -> StatementKind {
    if let Some(kind) = title.and_then(crate::kinds::from_title) {
        return kind;
    }
    if tags.iter().any(|t| matches!(t.as_str(), "statements-releases" | "press-release" | "press-releases")) {
        StatementKind::PressRelease
    } else {
        StatementKind::Other
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_blank_file_is_refused_as_an_empty_text_is() {
        let options = IngestOptions::default();
        for text in ["", "  \n\n\t", "\u{feff}\n"] {
            assert!(
                matches!(ingest_markdown(text, text.as_bytes(), &options), Err(IngestError::Empty)),
                "{text:?}"
            );
            let error = read_markdown(text, text.as_bytes(), &options).unwrap_err();
            assert!(error.to_string().contains("the text is empty"), "{error}");
        }
        // One sentence is a statement.
        assert!(ingest_markdown("Statement.\n", b"Statement.\n", &options).is_ok());
    }
    use super::*;

    #[test]
    fn kinds_from_titles() {
        let tags = ["statements-releases".to_owned()];
        let check = |title: &str, kind: StatementKind| {
            assert_eq!(statement_kind(Some(title), &tags), kind, "{title}");
        };
        check(
            "The Jeddah Communique:  A Joint Statement Between the United States",
            StatementKind::Communique,
        );
        check("U.S.-Colombia Joint Communique: The United States and Colombia", StatementKind::Communique);
        check(
            "Statement from National Security Advisor Jake Sullivan Welcoming the Aqaba Meeting and Communique",
            StatementKind::PressStatement,
        );
        check("The Wilmington Declaration Joint Statement from the Leaders", StatementKind::Declaration);
        check(
            "President Joseph R. Biden, Jr. Approves Alaska Disaster Declaration",
            StatementKind::PressRelease,
        );
        check(
            "Declaration of Emergency and Authorization for Temporary Extensions",
            StatementKind::PressRelease,
        );
        check("Joint Leaders Statement on AUKUS", StatementKind::JointStatement);
        check("G7 Leaders\u{2019} Statement on Gaza", StatementKind::JointStatement);
        check("Readout of Los Angeles Declaration Implementation Launch", StatementKind::Readout);
        check("Press Briefing by Press Secretary Karine Jean-Pierre", StatementKind::PressBriefing);
        check("Remarks as Prepared for Delivery by Homeland Security Advisor", StatementKind::Speech);
        check("FACT SHEET: The 2022 NATO Summit in Madrid", StatementKind::PressRelease);
        check("Déclaration de Los Angeles sur les migrations", StatementKind::Declaration);
        check("Memorandum on the Designation of Kenya", StatementKind::PressRelease);
        assert_eq!(statement_kind(Some("Memorandum"), &[]), StatementKind::Other);
    }

    #[test]
    fn white_house_hosts() {
        assert!(is_white_house("https://www.whitehouse.gov/briefing-room/"));
        assert!(is_white_house("https://bidenwhitehouse.archives.gov/briefing-room/x/"));
        assert!(!is_white_house("https://www.nato.int/cps/en/natohq/news.htm"));
        assert!(!is_white_house("https://whitehouse.gov.example.org/"));
        // The host is the authority's: a user before "@", a port and a trailing dot
        // are not part of it, and an address copied without its scheme still has one.
        assert!(!is_white_house("https://whitehouse.gov@example.org/"));
        assert!(is_white_house("https://WWW.WhiteHouse.gov.:443/x"));
        assert!(is_white_house("www.whitehouse.gov/briefing-room/"));
        assert!(!is_white_house("https://notwhitehouse.gov/"));
    }

    #[test]
    fn a_file_without_front_matter_is_all_body() {
        let text = "Text of the statement.\n";
        let s = read_markdown(text, text.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(s.title, None);
        assert!(s.issuers.is_empty());
        assert_eq!(s.paragraphs[0].text, "Text of the statement.");
        assert_eq!(s.kind, StatementKind::Other);
    }

    #[test]
    fn caller_options_win() {
        let text = "---\ndate: '2022-07-15'\nsource_url: https://example.org/a\nauthor: Press Office\n---\nNous saluons l\u{2019}accord conclu aujourd\u{2019}hui entre les deux gouvernements et appelons toutes les parties à le respecter.\n";
        let s = read_markdown(text, text.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(s.language.as_deref(), Some("fr"));
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].message, "author: Press Office");
        let options = IngestOptions {
            language: Some("fr-CA".into()),
            id: Some("my-id".into()),
            ..IngestOptions::default()
        };
        let s = read_markdown(text, text.as_bytes(), &options).unwrap();
        assert_eq!((s.language.as_deref(), s.id.as_str()), (Some("fr-CA"), "my-id"));
    }

    #[test]
    fn ingest_errors_keep_the_position() {
        let text = "---\ntitle: A\nb: c: d\n---\nBody\n";
        let error = ingest_markdown(text, text.as_bytes(), &IngestOptions::default()).unwrap_err();
        let IngestError::Markdown { line, column, message } = &error else {
            panic!("expected a Markdown error, got {error:?}")
        };
        assert_eq!((*line, *column), (3, 5));
        assert!(message.starts_with("front matter is not valid YAML"), "{message}");
        assert_eq!(std::io::Error::from(error).kind(), std::io::ErrorKind::InvalidData);
        let options = IngestOptions { language: Some("not a tag".into()), ..IngestOptions::default() };
        let error = ingest_markdown(text.replace("b: c: d\n", "").as_str(), b"", &options).unwrap_err();
        assert!(matches!(error, IngestError::Invalid(_)), "{error:?}");
    }

    #[test]
    fn errors_say_where() {
        let text = "---\ntitle: \"A\"\ndate: 2021-13-01\n---\nBody\n";
        let e = read_markdown(text, text.as_bytes(), &IngestOptions::default()).unwrap_err();
        assert_eq!((e.line(), e.column()), (3, 7));
        assert!(e.to_string().starts_with("line 3, column 7: `date`"), "{e}");
        let text = "---\ndate: '2022-07-15'\n---\nBody\n";
        let options = IngestOptions { language: Some("not a tag".into()), ..IngestOptions::default() };
        let e = read_markdown(text, text.as_bytes(), &options).unwrap_err();
        assert!(e.message().contains("$.language"), "{e}");
    }

    #[test]
    fn a_modified_time_the_evening_before_in_a_western_zone_is_last_updated() {
        // 18:13 at UTC−5 is 23:13 UTC, after 00:00 of the issue day at UTC+14.
        let text = "---\ndate: '2023-11-07'\nmodified_time: 2023-11-06 18:13:19-05:00\n---\nBody\n";
        let s = read_markdown(text, text.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(s.last_updated.map(|t| t.to_string()).as_deref(), Some("2023-11-06T18:13:19-05:00"));
        assert!(s.notes.is_empty(), "{:?}", s.notes);
    }

    #[test]
    fn a_modified_time_certainly_before_the_issue_date_is_kept_in_a_note() {
        // 08:00 at UTC−5 is 13:00 UTC on 6 November: but 00:00 of 8 November at UTC+14
        // is 10:00 UTC on 7 November, so this is before the issue day everywhere.
        let text = "---\ndate: '2023-11-08'\nmodified_time: 2023-11-06 08:00:00-05:00\n---\nBody\n";
        let s = read_markdown(text, text.as_bytes(), &IngestOptions::default()).unwrap();
        assert_eq!(s.last_updated, None);
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].code, "front_matter.modified_before_issue");
        assert!(s.notes[0].message.contains("2023-11-06T08:00:00-05:00"));
        assert_eq!(
            s.notes[0].source_span.unwrap().slice(text),
            Some("modified_time: 2023-11-06 08:00:00-05:00")
        );
    }
}
