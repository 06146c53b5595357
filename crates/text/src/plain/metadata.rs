//! Stage 4: header and metadata. From the classes of stage 3, the statement's title,
//! bylines, dateline places, dates, issuers and kind are read, and every block is given
//! its role: body, or set aside with a reason.
//!
//! - **The title** is the headline-like block (no sentence ending, at most 30 words, not
//!   a name over a role line) before the body that scores best: three points when a date
//!   or dateline stands right below it (past document-type lines, bylines, place lines
//!   and labels of at most three words) or right above it; two when it reads as a
//!   statement's own title (it names a kind of statement or an issuer: "Statement by the
//!   High Representative …"); one for the block nearest the body. So a site's own
//!   headline above the statement's title loses to it, and a section heading such as
//!   "Preamble" between the title and the text is not taken for the title. A block that
//!   repeats the title (a breadcrumb, the title printed again as the first line of the
//!   body) is set aside.
//! - **Between the title and the body**: metadata lines are read, a name over a role line
//!   and role lines are bylines, a place line next to a date is the dateline place, the
//!   line after a layout's issuer label ("From:") names the issuer; text right above the
//!   body (a lead, a heading, key facts) joins the body. Blocks before the title are the
//!   page's header, blocks after the body its footer: set aside.
//! - **Dates** are read nearest first: the lines between the title and the body and the
//!   body's dateline, then the lines just above the title, then the footer ("Last
//!   updated at …"), then the rest of the header; the first value of each field wins.
//! - **A second statement** on the same page (a statement's title and a date inside the
//!   body, after at least one paragraph) ends the body; it is kept in a `statement.second`
//!   note.

use super::blocks::{Block, ends_sentence};
use super::classify::{Class, Classes};
use crate::dates::{FoundDate, NumericOrder, time_after};
use crate::furniture::Furniture;
use crate::header::{self, Meta};
use crate::kinds;
use crate::layouts::Layout;
use communique_model::{Actor, StatementKind, Timestamp};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:secretary(?:\s+general)?|spokesperson|spokesman|spokeswoman|minister|president|ambassador|chair(?:man|woman|person)?|director|commissioner|high\s+representative|envoy|ministerin|sprecher(?:in)?|porte-parole|ministre|secrétaire|office\s+of\s+the|press\s+officer|press\s+secretary)\b").expect("role pattern compiles")
});

/// Words of an organisation's name: a line of them is no person's name.
const NOT_PERSONS: &[&str] = &[
    "Team",
    "Press",
    "Office",
    "Service",
    "Desk",
    "Department",
    "Ministry",
    "Bureau",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Secretariat",
    "Embassy",
    "Mission",
    "House",
    "Centre",
    "Center",
    "Unit",
];

/// Why a block is set aside, or that it is body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    /// Part of the statement's body.
    Body,
    /// The title line.
    Title,
    /// Set aside: note code and message.
    SetAside { code: &'static str, message: String },
}

/// What stage 4 reads.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub title: Option<String>,
    pub kind: Option<StatementKind>,
    pub places: Vec<String>,
    pub issued: Option<FoundDate>,
    pub published: Option<Timestamp>,
    pub last_updated: Option<Timestamp>,
    pub retrieved: Option<FoundDate>,
    pub reference: Option<String>,
    pub attribution: Option<String>,
    pub via: Option<String>,
    /// Issuers found, each with its rank (lower is stronger).
    pub issuers: Vec<(u8, String)>,
    /// A person named in a byline over a role line.
    pub byline_person: Option<String>,
    /// The day of a publication time, the issue date when nothing else gives one.
    pub fallback_issued: Option<(FoundDate, Range<usize>)>,
    /// The date of an as-of line ("Stand 27.01.2022"), the issue date when nothing else,
    /// not even the title, gives one.
    pub as_of: Option<(FoundDate, Range<usize>)>,
    /// Ambiguous numeric dates read, with the byte range of their block.
    pub ambiguous: Vec<(FoundDate, Range<usize>)>,
    /// Notes that belong to no block alone: (code, message, byte range).
    pub notes: Vec<(&'static str, String, Option<Range<usize>>)>,
}

/// A headline: no sentence ending, no list marker, at most 45 words and 300 code points
/// (kremlin.ru prints headlines that long).
pub(crate) fn could_be_title(text: &str) -> bool {
    !text.ends_with(['.', '!', ';', ':', ',', '…', '?'])
        && !super::blocks::is_marked(text)
        && text.split_whitespace().count() <= 45
        && text.chars().count() <= 300
        && text.chars().any(char::is_uppercase)
        && !text.contains(" | ")
        && !text.contains(" > ")
}

fn is_prose(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', ')', '»'])
        || text.split_whitespace().count() >= 12
        || super::blocks::is_marked(text)
}

/// Two to five capitalised words, none of them an organisation's ("Marie Harf").
pub(crate) fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && !NOT_PERSONS.contains(w)
        })
}

/// A credit line: an author's ("By Jane Roe", "Written by: Jane Roe", "Von …", "Par …").
fn is_credit(text: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:by|written by|posted by|von|par|text)\s*:?\s+\p{Lu}")
            .expect("credit pattern compiles")
    });
    text.split_whitespace().count() <= 8 && CREDIT.is_match(text)
}

/// A role line: a short line naming an office ("Deputy Department Spokesperson"), not
/// a headline about its holder ("OSCE Chairman-in-Office condemns …").
fn is_role(text: &str) -> bool {
    // The office is named within the first three words: "Deputy Department
    // Spokesperson", not "Telephone conversation with President …".
    ROLE.find(text).is_some_and(|m| text[..m.start()].split_whitespace().count() <= 2)
        && !is_prose(text)
        && text.split_whitespace().count() <= 12
        && header::issuer_from_headline(text).is_none()
}

/// A signature: a role and a name ("NATO Secretary General Anders Fogh Rasmussen").
fn is_signature(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (3..=12).contains(&words.len())
        && !ends_sentence(text)
        && is_name(&words[words.len() - 2..].join(" "))
        && is_role(text)
}

/// One to four capitalised words, perhaps with a country after a comma: a place printed
/// on a line of its own next to a date ("London", "Luleå, Sweden", "The Kremlin, Moscow").
fn is_place_line(text: &str) -> Option<String> {
    if let Some(place) = header::place_only(text) {
        return Some(place);
    }
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}\d'’.-]*(?:[ -](?:\p{Lu}[\p{L}\d'’.-]*|de|of|am|an|sur|upon))*(?:,\s*\p{Lu}[\p{L}'’. -]*)*$")
            .expect("place pattern compiles")
    });
    // An acronym ("AGRI", "REGI") is a label, not a place; a place without a country
    // after a comma is at most three words without digits, and starts with no function
    // word ("Rio de Janeiro", not "For Immediate Release"); a place has three letters.
    let acronym = text.chars().count() <= 4 && text.chars().all(|c| c.is_uppercase());
    let words = text.split_whitespace().count();
    let first = text.split_whitespace().next().unwrap_or_default().to_lowercase();
    let stop = crate::languages::all().iter().any(|l| l.stop_words.contains(&first));
    let plain = text.contains(',') || (words <= 3 && !stop && !text.chars().any(|c| c.is_ascii_digit()));
    (!acronym
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && plain
        && text.chars().count() <= 60
        && words <= 5
        && PLACE.is_match(text)
        && !could_be_statement_title(text))
    .then(|| header::normalise_place(text))
}

/// Word overlap of two texts: shared words over the words of the longer (lower case).
fn likeness(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared as f64 / a.len().max(b.len()) as f64
}

fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Whether a meta line holds a date of the statement (an issue or publication date).
fn dated(meta: &Meta) -> bool {
    matches!(
        meta,
        Meta::Date { .. }
            | Meta::Dateline { .. }
            | Meta::IssuedOn(..)
            | Meta::Published { .. }
            | Meta::TimeOfDay
    )
}

struct Reader<'r, 'a> {
    blocks: &'r [Block<'a>],
    classes: &'r Classes,
    roles: Vec<Role>,
    header: Header,
    order: NumericOrder,
    subject_title: Option<String>,
}

/// Reads the header and metadata of `blocks` (see the module documentation).
pub(crate) fn read(
    blocks: &[Block<'_>],
    classes: &Classes,
    order: NumericOrder,
    layout: Option<&Layout>,
    title_block: Option<usize>,
) -> (Header, Vec<Role>) {
    let n = blocks.len();
    let mut reader = Reader {
        blocks,
        classes,
        roles: vec![Role::Body; n],
        header: Header::default(),
        order,
        subject_title: None,
    };
    let mut body = classes.body.clone();

    // The title, among the blocks before the body.
    // The block markup names as the title (an HTML page's heading its metadata
    // confirms), else the best candidate.
    let title =
        title_block.filter(|&t| t < n && classes.is_text(t)).or_else(|| reader.choose_title(body.start));
    if let Some(t) = title {
        reader.header.title = Some(blocks[t].text.to_string());
        reader.roles[t] = Role::Title;
    }
    // Blocks that repeat the title.
    if let Some(t) = title {
        let title_text = blocks[t].text.clone();
        for (i, block) in blocks.iter().enumerate() {
            if i == t || !classes.is_text(i) {
                continue;
            }
            let text = &block.text;
            let near_the_top = i < body.start + 3;
            let similar = text.chars().count() <= 2 * title_text.chars().count().max(20)
                && (likeness(text, &title_text) >= 0.7 || norm(text) == norm(&title_text));
            if similar && (near_the_top || i >= body.end) {
                reader.roles[i] = Role::SetAside {
                    code: "metadata.title_repeated",
                    message: format!("the title printed again set aside: {}", clip(text)),
                };
            }
        }
    }
    // A second statement inside the body ends it.
    if let Some(second) = reader.second_statement(body.clone()) {
        let end = body.end;
        body.end = second;
        let range = blocks[second].start..blocks[end - 1].end;
        reader.header.notes.push((
            "statement.second",
            format!("a second statement on the same page was not ingested: {}", clip(&blocks[second].text)),
            Some(range),
        ));
        for role in &mut reader.roles[second..end] {
            *role = Role::SetAside { code: "statement.second", message: String::new() };
        }
    }
    // Text right above the body, up to the title or a line that is not text, joins it.
    // A photo caption or credit is passed over.
    let top = title.map_or(0, |t| t + 1);
    let mut start = body.start;
    let mut walk = body.start;
    while walk > top {
        let i = walk - 1;
        let caption = matches!(classes.classes[i], Class::Furniture(f) if matches!(f.code, "noise.photo" | "noise.copyright"));
        if caption {
            walk -= 1;
            continue;
        }
        if classes.is_text(i)
            && reader.roles[i] == Role::Body
            && !reader.is_byline(i)
            && !reader.place_next_to_date(i)
        {
            walk -= 1;
            start = walk;
            continue;
        }
        break;
    }
    body.start = start.min(body.start);

    // Roles of the other blocks.
    let label_issuer = layout.map(|l| &l.issuer_labels);
    for i in 0..n {
        if reader.roles[i] != Role::Body {
            continue;
        }
        let text = &blocks[i].text;
        match &classes.classes[i] {
            Class::Furniture(f) => {
                // Mailing boilerplate may name the sender ("Press Releases for U.S.
                // Department of State.", "on behalf of: …").
                if f.code == "noise.subscription"
                    && let Some(who) = header::issuer_from_subscription(text)
                {
                    reader.header.issuers.push((4, who));
                }
                reader.roles[i] = furniture_role(*f, text, classes.ended_by.is_some_and(|e| i > e));
            }
            Class::Meta(_) => {
                reader.roles[i] = Role::SetAside {
                    code: "metadata.line",
                    message: format!("metadata line read into the record: {}", clip(text)),
                }
            }
            Class::Text { .. }
                if title.is_some_and(|t| i < t && i + 3 >= t) && reader.place_next_to_date(i) =>
            {
                reader.header_line(i);
            }
            Class::Text { .. } if title.is_some_and(|t| i < t) => {
                reader.roles[i] = Role::SetAside {
                    code: "noise.header",
                    message: format!("page header before the statement's title set aside: {}", clip(text)),
                };
            }
            Class::Text { .. } if title.is_none() && i < body.start => {
                reader.header_line(i);
            }
            Class::Text { .. } if i >= top && i < body.start => reader.header_line(i),
            Class::Text { .. } if i >= body.end => {
                reader.roles[i] = Role::SetAside {
                    code: "noise.footer",
                    message: format!("page furniture after the statement set aside: {}", clip(text)),
                };
            }
            Class::Text { .. } => {
                // Inside the body: a signature line is set aside.
                if i > body.start && is_signature(text) {
                    reader.roles[i] = Role::SetAside {
                        code: "metadata.signature",
                        message: format!("signature line set aside: {}", clip(text)),
                    };
                }
            }
        }
        // The line after a layout's issuer label ("From:").
        if let Some(labels) = label_issuer
            && i + 1 < n
            && labels.iter().any(|l| text.trim_end_matches(':').trim().eq_ignore_ascii_case(l))
            && classes.is_text(i + 1)
            && i + 1 < body.start + 4
        {
            let who = blocks[i + 1].text.trim().to_owned();
            reader.header.issuers.push((0, who));
            reader.roles[i + 1] = Role::SetAside {
                code: "metadata.issuer",
                message: format!("issuer line read into the record: {}", clip(&blocks[i + 1].text)),
            };
        }
    }

    // Metadata lines, nearest the title and body first.
    let before_title = title.map_or(0, |t| t.saturating_sub(3));
    let zones: Vec<Range<usize>> = match title {
        Some(t) => vec![t + 1..body.end, before_title..t, body.end..n, 0..before_title],
        None => vec![0..body.end, body.end..n],
    };
    for zone in zones {
        for i in zone {
            if let Class::Meta(meta) = &classes.classes[i] {
                reader.apply(i, meta.clone(), i >= body.start && i < body.end);
            } else if classes.is_text(i)
                && (reader.roles[i] == Role::Body
                    || matches!(reader.roles[i], Role::SetAside { code: "metadata.byline", .. }))
                && i < body.start + 2
            {
                // A dateline opening the body's first paragraph.
                if let Some(meta @ Meta::Dateline { .. }) = header::parse(&blocks[i].text, order) {
                    reader.apply(i, meta, true);
                }
            }
        }
    }
    if reader.header.title.is_none() {
        reader.header.title = reader.subject_title.take();
    }
    // A title that ends with its date ("Soudan – Attaque … (3 mars 2025)") gives the
    // issue date when no line does.
    if reader.header.issued.is_none()
        && reader.header.fallback_issued.is_none()
        && let Some(t) = title
        && let Some(found) = crate::dates::find_date(&blocks[t].text, order)
        && blocks[t].text[found.range.end..].trim_matches(|c: char| c == ')' || c.is_whitespace()).is_empty()
    {
        reader.header.notes.push((
            "date.from_title",
            format!("issue date {} read from the end of the title", found.date),
            Some(blocks[t].start..blocks[t].end),
        ));
        reader.header.issued = Some(found);
    }
    if let Some((date, span)) = reader.header.fallback_issued.take() {
        if reader.header.issued.is_none() {
            if date.other_reading.is_some() {
                reader.header.ambiguous.push((date.clone(), span));
            }
            reader.header.issued = Some(date);
        } else if date.other_reading.is_some() {
            reader.header.ambiguous.push((date, span));
        }
    }
    // A page that prints only the date it is as of ("Stand 27.01.2022") was issued, in
    // the version the reader has, on that date.
    if reader.header.issued.is_none()
        && let Some((date, span)) = reader.header.as_of.take()
    {
        reader.header.notes.push((
            "date.as_of",
            format!("issue date {} read from the date the page is as of: it gives no other", date.date),
            Some(span.clone()),
        ));
        if date.other_reading.is_some() {
            reader.header.ambiguous.push((date.clone(), span));
        }
        reader.header.issued = Some(date);
    }
    for role in &mut reader.roles[body.end..] {
        if *role == Role::Body {
            *role = Role::SetAside { code: "noise.footer", message: String::new() };
        }
    }
    for (role, block) in reader.roles[..body.start].iter_mut().zip(blocks) {
        if *role == Role::Body {
            *role = Role::SetAside {
                code: "noise.header",
                message: format!("page header before the statement set aside: {}", clip(&block.text)),
            };
        }
    }
    (reader.header, reader.roles)
}

fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn furniture_role(f: Furniture, text: &str, after_end: bool) -> Role {
    let message = if after_end {
        format!("page furniture after the statement set aside: {}", clip(text))
    } else {
        format!("{} set aside: {}", f.what, clip(text))
    };
    Role::SetAside { code: f.code, message }
}

impl Reader<'_, '_> {
    /// The best title candidate before block `body_start`.
    fn choose_title(&self, body_start: usize) -> Option<usize> {
        let mut best: Option<(i32, usize)> = None;
        for i in 0..body_start {
            if !self.classes.is_text(i)
                || !could_be_title(&self.blocks[i].text)
                || self.is_byline(i)
                || is_credit(&self.blocks[i].text)
            {
                continue;
            }
            let text = &self.blocks[i].text;
            if is_place_line(text).is_some() && (self.date_at(i + 1) || (i > 0 && self.date_at(i - 1))) {
                continue;
            }
            let mut score: i32 = 0;
            if self.date_below(i)
                || (i > 0 && self.date_at(i - 1))
                || (i > 1 && self.date_at(i - 2) && self.passable(i - 1))
            {
                score += 3;
            }
            let statement_like = could_be_statement_title(text);
            if statement_like {
                score += 2;
            }
            // A label of three words or fewer ("Plenary session", "Events") is rarely a
            // statement's title, unless it names its kind ("Vilnius Summit Communiqué").
            if !statement_like && text.split_whitespace().count() <= 3 {
                score -= 2;
            }
            if best.is_none_or(|(s, _)| score >= s) {
                best = Some((score, i));
            }
        }
        // The nearest block wins a tie; it also gets one point, which only matters when
        // it ties with a block above it, so the tie rule says the same.
        best.map(|(_, i)| i)
    }

    fn date_at(&self, i: usize) -> bool {
        matches!(self.classes.classes.get(i), Some(Class::Meta(meta)) if dated(meta))
    }

    /// A block the walk below a title passes over: metadata, furniture, a byline, a
    /// place line, or a label of at most three words.
    fn passable(&self, i: usize) -> bool {
        match &self.classes.classes[i] {
            Class::Meta(_) | Class::Furniture(_) => true,
            Class::Text { .. } => {
                let text = &self.blocks[i].text;
                self.is_byline(i)
                    || is_place_line(text).is_some()
                    || (text.split_whitespace().count() <= 3 && !ends_sentence(text))
            }
        }
    }

    /// Whether a date line stands below block `i`, past passable blocks.
    fn date_below(&self, i: usize) -> bool {
        for j in i + 1..(i + 8).min(self.blocks.len()) {
            if self.date_at(j) {
                return true;
            }
            if !self.passable(j) {
                return false;
            }
        }
        false
    }

    /// A name over a role line, or a role line.
    fn is_byline(&self, i: usize) -> bool {
        let text = &self.blocks[i].text;
        if is_role(text) && !could_be_statement_title(text) {
            return true;
        }
        let next_is_role = self.blocks.get(i + 1).is_some_and(|b| is_role(&b.text));
        is_name(text) && next_is_role
    }

    /// A place line right after a date (or its time), or a place with its country or
    /// state ("Washington, DC") right before a date that names no place.
    fn place_next_to_date(&self, i: usize) -> bool {
        let bare_date_below = self.blocks[i].text.contains(',')
            && matches!(
                self.classes.classes.get(i + 1),
                Some(Class::Meta(m)) if dated(m) && !matches!(m, Meta::Dateline { .. })
            );
        is_place_line(&self.blocks[i].text).is_some()
            && ((i > 0 && (self.date_at(i - 1) || self.time_above(i))) || bare_date_below)
    }

    /// Where a second statement starts inside `body`, if one does: a statement's title
    /// (it names a kind of statement or an issuer) with a date line right below it,
    /// after at least one paragraph.
    fn second_statement(&self, body: Range<usize>) -> Option<usize> {
        (body.start + 1..body.end).find(|&i| {
            self.classes.is_text(i)
                && could_be_title(&self.blocks[i].text)
                && could_be_statement_title(&self.blocks[i].text)
                && self.date_at(i + 1)
        })
    }

    /// A text block between the title and the body.
    fn header_line(&mut self, i: usize) {
        let text = self.blocks[i].text.to_string();
        if is_name(&text)
            && self.blocks.get(i + 1).is_some_and(|b| is_role(&b.text))
            && self.header.byline_person.is_none()
        {
            self.header.byline_person = Some(text.clone());
        }
        if let Some(place) = is_place_line(&text)
            && self.place_next_to_date(i)
        {
            if !self.header.places.contains(&place) {
                self.header.places.push(place);
            }
            self.roles[i] = Role::SetAside {
                code: "metadata.place",
                message: format!("place line read into the record: {text}"),
            };
            return;
        }
        self.roles[i] = Role::SetAside {
            code: "metadata.byline",
            message: format!("byline line set aside: {}", clip(&text)),
        };
    }

    /// A time line right above block `i`, under a date line.
    fn time_above(&self, i: usize) -> bool {
        i >= 2 && matches!(self.classes.classes[i - 1], Class::Meta(Meta::TimeOfDay)) && self.date_at(i - 2)
    }

    /// Records what the meta line of block `i` says. `in_body`: the line lies inside
    /// the body (mail headers there are not read).
    fn apply(&mut self, i: usize, meta: Meta, in_body: bool) {
        let span = self.blocks[i].start..self.blocks[i].end;
        let h = &mut self.header;
        let issued = |found: FoundDate, h: &mut Header| {
            if h.issued.is_none() {
                if found.other_reading.is_some() {
                    h.ambiguous.push((found.clone(), span.clone()));
                }
                h.issued = Some(found);
            }
        };
        match meta {
            Meta::Retrieved(found) => {
                if h.retrieved.is_none() {
                    h.retrieved = Some(found);
                }
            }
            Meta::Date { date, kind } => {
                issued(date, h);
                if let Some(kind) = kind
                    && h.kind.is_none()
                {
                    h.kind = Some(kind);
                }
            }
            Meta::Published { date, time } => {
                if h.published.is_none() {
                    h.published = Some(time);
                }
                // The day of a publication time is the issue date when nothing else gives one.
                if h.fallback_issued.is_none() {
                    h.fallback_issued = Some((date, span.clone()));
                }
            }
            Meta::Dateline { places, date, updated, .. } => {
                for place in places {
                    if !h.places.contains(&place) {
                        h.places.push(place);
                    }
                }
                issued(date, h);
                if h.last_updated.is_none() {
                    h.last_updated = updated;
                }
            }
            Meta::IssuedOn(date, time) => {
                let day = date.date;
                issued(date, h);
                if h.published.is_none()
                    && let Some(time) = time
                    && time.date() == day
                {
                    h.published = Some(time);
                }
            }
            Meta::Reposted(found) => {
                if h.retrieved.is_none() {
                    h.retrieved = Some(found);
                }
            }
            Meta::LastUpdated(time) => {
                if h.last_updated.is_none() {
                    h.last_updated = Some(time);
                }
            }
            Meta::UpdatedDay(found) => h.notes.push((
                "date.updated_day",
                format!(
                    "last updated on {}: no time of day is printed, so it is not recorded as last_updated",
                    found.date
                ),
                Some(span),
            )),
            // The date of the version printed: its last update, and its issue date when
            // nothing else gives one (see `read`).
            Meta::AsOf(found, time) => {
                match time {
                    Some(time) if h.last_updated.is_none() => h.last_updated = Some(time),
                    Some(_) => {}
                    None => h.notes.push((
                        "date.updated_day",
                        format!(
                            "last updated on {} (the date the page is as of): no time of day is printed, so it is not recorded as last_updated",
                            found.date
                        ),
                        Some(span.clone()),
                    )),
                }
                if h.as_of.is_none() {
                    h.as_of = Some((found, span));
                }
            }
            Meta::Separator | Meta::MailField => {}
            Meta::Reference(reference) => {
                if h.reference.is_none() {
                    h.reference = Some(reference);
                }
            }
            Meta::Attribution(who) => {
                if h.attribution.is_none() {
                    h.attribution = Some(who);
                }
            }
            Meta::IssuedBy { issuer, place, date } => {
                h.issuers.push((0, issuer));
                if let Some(place) = place
                    && !h.places.contains(&place)
                {
                    h.places.push(place);
                }
                if let Some(date) = date
                    && !in_body
                {
                    issued(date, h);
                }
            }
            Meta::DocType(kind) => {
                if h.kind.is_none() {
                    h.kind = Some(kind);
                }
            }
            Meta::ListSubject { list, title } => {
                if !in_body {
                    if h.via.is_none() {
                        h.via = list;
                    }
                    if self.subject_title.is_none() {
                        self.subject_title = title;
                    }
                }
            }
            Meta::MailFrom(name) => {
                if let Some(name) = name
                    && !in_body
                {
                    h.issuers.push((4, name));
                }
            }
            Meta::TimeOfDay => {
                // A time under a date line: when the statement was published.
                let date = i.checked_sub(1).and_then(|d| match &self.classes.classes[d] {
                    Class::Meta(Meta::Date { date, .. } | Meta::Dateline { date, .. }) => Some(date.date),
                    _ => None,
                });
                if let Some(date) = date
                    && h.published.is_none()
                    && let Some((time, _)) = time_after(&self.blocks[i].text, date)
                {
                    h.published = Some(time);
                }
            }
            Meta::Place(place) => {
                if !h.places.contains(&place) {
                    h.places.push(place);
                }
            }
        }
        let _ = self.order;
    }
}

/// Whether a headline reads as a statement's own title: it names a kind of statement or
/// an issuer ("Statement by the High Representative on …", "Joint Statement on …").
/// A kind's name alone ("Reden", "Press Releases") is a menu item, not a title: the
/// title names something beside it.
fn could_be_statement_title(text: &str) -> bool {
    let named = kinds::from_title(text).is_some()
        && kinds::from_line(text).is_none()
        && text.split_whitespace().count() >= 3;
    named || header::issuer_from_title(text).is_some()
}

/// The issuers of a record, strongest first, each once: "Issued by" lines and a
/// layout's issuer label (0), the title (1), a preface (2), "We, the …" (3), a mailing
/// list or "From:" header (4), a headline ("OSCE Chairman-in-Office condemns …", 5); a
/// person of a byline only when nothing else names an issuer.
pub(crate) fn issuers(header: &Header, first_paragraphs: &[&str]) -> Vec<Actor> {
    let mut ranked = header.issuers.clone();
    if let Some(title) = &header.title {
        if let Some(who) = header::issuer_from_title(title) {
            ranked.push((1, who));
        } else if let Some(who) = header::issuer_from_headline(title) {
            ranked.push((5, who));
        }
    }
    if let Some(first) = first_paragraphs.first()
        && let Some(who) = header::issuer_from_preface(first)
    {
        ranked.push((2, who));
    }
    if let Some(who) = first_paragraphs.iter().take(3).find_map(|p| header::issuer_from_we_the(p)) {
        ranked.push((3, who));
    }
    ranked.sort_by_key(|(rank, _)| *rank);
    let mut out: Vec<Actor> = Vec::new();
    for (_, name) in ranked {
        if !out.iter().any(|a| a.name == name) {
            out.push(Actor::organization(name));
        }
    }
    if let Some(person) = &header.byline_person {
        out.push(Actor::person(person.clone()));
    }
    out
}

/// The kind of a record: the title's, unless it is the generic "statement" and a
/// document-type line names another; else the document-type line's; else `other`.
pub(crate) fn kind(header: &Header, first_paragraph: Option<&str>) -> StatementKind {
    let from_title = header.title.as_deref().and_then(kinds::from_title);
    match (from_title, header.kind) {
        (Some(title), Some(line)) if kinds::is_generic(title) => line,
        (Some(title), _) => title,
        (None, Some(line)) => line,
        (None, None) => {
            if first_paragraph.is_some_and(|p| p.to_lowercase().contains("press statement")) {
                StatementKind::PressStatement
            } else {
                StatementKind::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date a text is as of gives its issue date only when nothing else does.
    #[test]
    fn as_of_dates() {
        let issued = |text: &str| {
            let statement = crate::ingest(text.as_bytes(), &crate::IngestOptions::default()).unwrap();
            let as_of = statement.notes.iter().any(|n| n.code == "date.as_of");
            (statement.issued.map(|d| d.to_string()).unwrap_or_default(), as_of)
        };
        let body = "Die Bundesregierung begrüßt die Einigung der Mitgliedstaaten auf ein gemeinsames Vorgehen und wird die Umsetzung in den kommenden Monaten eng begleiten.\n\nDie Ministerinnen und Minister werden im Frühjahr erneut zusammenkommen, um die Fortschritte zu prüfen und weitere Schritte zu beraten.";
        assert_eq!(
            issued(&format!("Gemeinsame Erklärung zur Einigung\n\n{body}\n\nStand 27.01.2022\n")),
            ("2022-01-27".to_owned(), true)
        );
        assert_eq!(
            issued(&format!(
                "Gemeinsame Erklärung zur Einigung\n\nBerlin, 25. Januar 2022\n\n{body}\n\nStand 27.01.2022\n"
            )),
            ("2022-01-25".to_owned(), false)
        );
    }

    #[test]
    fn headlines_names_and_places() {
        assert!(could_be_title("Statement by the Secretary General on Kosovo status"));
        assert!(!could_be_title("We urge calm."));
        assert!(!could_be_title("• support Ukraine"));
        assert!(is_name("Marie Harf"));
        assert!(!is_name("EEAS Press Team"));
        assert!(is_role("Deputy Department Spokesperson, Office of the Spokesperson"));
        assert_eq!(is_place_line("London").as_deref(), Some("London"));
        assert_eq!(is_place_line("Luleå, Sweden").as_deref(), Some("Luleå, Sweden"));
        assert_eq!(is_place_line("The Kremlin, Moscow").as_deref(), Some("The Kremlin, Moscow"));
        assert_eq!(is_place_line("Plenary session"), None);
        assert_eq!(is_place_line("For Immediate Release"), None);
        assert_eq!(is_place_line("I."), None);
        assert_eq!(is_place_line("REGI"), None);
        assert!(is_credit("Written by: Charnele Henry"));
        assert!(is_credit("By Jane Roe"));
        assert!(!is_credit("Bystanders condemn the attack"));
        assert!(
            likeness(
                "President Vladimir Putin\\'s statement on terrorist attacks in the United States.",
                "President Vladimir Putin made a statement on terrorist attacks in the United States"
            ) >= 0.7
        );
    }
}
