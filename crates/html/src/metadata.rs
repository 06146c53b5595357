//! Page metadata: title, dates, canonical address, language, author, each value with
//! where it came from.

use crate::blocks::{Block, BlockKind, normalize};
use communique_model::chrono::{FixedOffset, NaiveDate, NaiveTime};
use communique_model::{TimePrecision, Timestamp};
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

/// Where a metadata value came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provenance {
    /// A `<meta>` element; the name is its `property`, `name` or `itemprop`, as written
    /// (`og:title`, `article:published_time`).
    Meta(String),
    /// A JSON-LD `<script type="application/ld+json">` key (`datePublished`).
    JsonLd(String),
    /// An element with this `itemprop` (`datePublished`), from its `datetime` or
    /// `content` attribute or its text.
    Itemprop(String),
    /// A `<time datetime>` element; the string names the ancestor word that marked it
    /// (`published`, `updated`, …) or is empty for a `<time>` with no such word.
    TimeElement(String),
    /// The `<title>` element, site name removed.
    TitleElement,
    /// A heading element of the page (`h1`, `h2`).
    Heading(String),
    /// `<link rel="canonical">`.
    LinkCanonical,
    /// `<html lang>`.
    HtmlLang,
    /// A date printed in the page's visible text, after a label such as "Stand:",
    /// "Updated:" or in a block of its own near the title.
    Text,
}

/// A value with where it came from and, where it lies in the page's visible text, the
/// index of the block holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub provenance: Provenance,
    /// The index in [`crate::HtmlPage::blocks`] of the block it was read from, if any.
    pub block: Option<usize>,
}

/// A date as a page gives it, with the time of day and UTC offset only when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageDate {
    /// The calendar date (local, as printed).
    pub date: NaiveDate,
    /// The local date-time when a time of day is given, with its UTC offset when that
    /// is given too.
    pub timestamp: Option<Timestamp>,
}

/// Everything the page says about itself, each value with its provenance.
///
/// The candidate lists keep every value found, best first; [`PageMetadata::title`],
/// [`PageMetadata::issued`], … pick the first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    /// Title candidates, best first.
    pub titles: Vec<Sourced<String>>,
    /// Publication-date candidates, best first.
    pub published: Vec<Sourced<PageDate>>,
    /// Last-modified-date candidates, best first.
    pub modified: Vec<Sourced<PageDate>>,
    /// Canonical-address candidates (absolute URLs), best first.
    pub canonical: Vec<Sourced<String>>,
    /// The page language, a BCP 47 tag as written in `<html lang>` (or `og:locale`).
    pub language: Option<Sourced<String>>,
    /// Author candidates, best first.
    pub authors: Vec<Sourced<String>>,
}

impl PageMetadata {
    /// The best title.
    #[must_use]
    pub fn title(&self) -> Option<&Sourced<String>> {
        self.titles.first()
    }

    /// The best date of issue.
    #[must_use]
    pub fn issued(&self) -> Option<&Sourced<PageDate>> {
        self.published.first()
    }

    /// The best last-updated date.
    #[must_use]
    pub fn last_updated(&self) -> Option<&Sourced<PageDate>> {
        self.modified.first()
    }

    /// The best canonical address.
    #[must_use]
    pub fn canonical_url(&self) -> Option<&Sourced<String>> {
        self.canonical.first()
    }

    /// The best author.
    #[must_use]
    pub fn author(&self) -> Option<&Sourced<String>> {
        self.authors.first()
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| selector("script[type]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop]"));
static LINK: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html"));

/// `<meta>` names for the publication date, best first.
const PUBLISHED_META: [&str; 10] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
    "pubdate",
    "publish-date",
];
/// `<meta>` names for the last-modified date, best first.
const MODIFIED_META: [&str; 6] = [
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
];
/// Ancestor words that mark a `<time>` or a date as the publication date.
const PUBLISHED_WORDS: [&str; 6] = ["published", "publish", "pubdate", "publication", "created", "posted"];
/// Ancestor words that mark a `<time>` or a date as the last update.
const MODIFIED_WORDS: [&str; 5] = ["updated", "update", "modified", "changed", "lastmod"];

/// Reads the metadata of a parsed page whose blocks are `blocks`.
pub(crate) fn read(html: &Html, blocks: &[Block]) -> PageMetadata {
    let mut meta = PageMetadata::default();
    let mut og_title = None;
    let mut title_element = None;
    let mut og_url = None;

    // <meta>: property, name or itemprop; content or (as some archived copies write) value.
    for element in html.select(&META) {
        let attrs = element.value();
        let Some(name) =
            attrs.attr("property").or_else(|| attrs.attr("name")).or_else(|| attrs.attr("itemprop"))
        else {
            continue;
        };
        let Some(content) = attrs.attr("content").or_else(|| attrs.attr("value")) else { continue };
        let content = normalize(content);
        if content.is_empty() {
            continue;
        }
        let key = name.trim().to_ascii_lowercase();
        let provenance = Provenance::Meta(name.trim().to_owned());
        match key.as_str() {
            "og:title" => og_title = Some(content.clone()),
            "og:url" => og_url = Some(content.clone()),
            "author" | "article:author" | "dc.creator" | "dcterms.creator"
                if !content.starts_with("http") =>
            {
                meta.authors.push(Sourced {
                    value: content.clone(),
                    provenance: provenance.clone(),
                    block: None,
                });
            }
            "og:locale" if meta.language.is_none() => {
                meta.language = Some(Sourced {
                    value: content.replace('_', "-"),
                    provenance: provenance.clone(),
                    block: None,
                });
            }
            _ => {}
        }
        if PUBLISHED_META.contains(&key.as_str())
            && let Some(date) = parse_date(&content)
        {
            meta.published.push(Sourced { value: date, provenance: provenance.clone(), block: None });
        }
        if MODIFIED_META.contains(&key.as_str())
            && let Some(date) = parse_date(&content)
        {
            meta.modified.push(Sourced { value: date, provenance, block: None });
        }
    }
    meta.published.sort_by_key(|s| match &s.provenance {
        Provenance::Meta(name) => {
            PUBLISHED_META.iter().position(|n| name.eq_ignore_ascii_case(n)).unwrap_or(99)
        }
        _ => 99,
    });

    // JSON-LD.
    let mut ld_published = Vec::new();
    let mut ld_modified = Vec::new();
    let mut ld_headline = None;
    for script in html.select(&JSON_LD) {
        if !script.value().attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim()) else { continue };
        walk_json_ld(&value, 0, &mut |key, value| match (key, value) {
            ("datePublished", serde_json::Value::String(s)) => ld_published.extend(parse_date(s)),
            ("dateModified", serde_json::Value::String(s)) => ld_modified.extend(parse_date(s)),
            ("headline", serde_json::Value::String(s)) if ld_headline.is_none() => {
                ld_headline = Some(normalize(s))
            }
            ("author", author) => {
                for name in json_ld_names(author) {
                    meta.authors.push(Sourced {
                        value: name,
                        provenance: Provenance::JsonLd("author".into()),
                        block: None,
                    });
                }
            }
            _ => {}
        });
    }
    let json_ld = |key: &str| Provenance::JsonLd(key.into());
    // JSON-LD before <meta>: it is the structured record the site publishes.
    let published_meta = std::mem::take(&mut meta.published);
    meta.published = ld_published
        .into_iter()
        .map(|d| Sourced { value: d, provenance: json_ld("datePublished"), block: None })
        .collect();
    let modified_meta = std::mem::take(&mut meta.modified);
    meta.modified = ld_modified
        .into_iter()
        .map(|d| Sourced { value: d, provenance: json_ld("dateModified"), block: None })
        .collect();

    // itemprop (microdata), other than on <meta> (already read).
    for element in html.select(&ITEMPROP) {
        let attrs = element.value();
        if attrs.name() == "meta" {
            continue;
        }
        let Some(prop) = attrs.attr("itemprop") else { continue };
        for word in prop.split_whitespace() {
            let target = match word {
                "datePublished" => &mut meta.published,
                "dateModified" => &mut meta.modified,
                _ => continue,
            };
            let raw = attrs.attr("datetime").or_else(|| attrs.attr("content")).map(str::to_owned);
            let text = element.text().collect::<String>();
            let date = raw
                .as_deref()
                .and_then(parse_date)
                .or_else(|| parse_date(&text))
                .or_else(|| find_text_date(&text));
            if let Some(date) = date {
                target.push(Sourced {
                    value: date,
                    provenance: Provenance::Itemprop(word.into()),
                    block: None,
                });
            }
        }
    }
    meta.published.extend(published_meta);
    meta.modified.extend(modified_meta);

    // <time datetime>, marked by the words of its ancestors.
    let mut plain_times = Vec::new();
    for element in html.select(&TIME) {
        if element.value().attr("itemprop").is_some() {
            continue;
        }
        let text = normalize(&element.text().collect::<String>());
        let Some(mut date) =
            element.value().attr("datetime").and_then(parse_date).or_else(|| parse_date(&text))
        else {
            continue;
        };
        if date.timestamp.is_none()
            && let Some(time) = find_time(&text)
        {
            date.timestamp = Some(Timestamp::new(date.date.and_time(time), None, TimePrecision::Minute));
        }
        let words = ancestor_words(element);
        let pubdate = element.value().attr("pubdate").is_some();
        if let Some(word) = words.iter().find(|w| MODIFIED_WORDS.contains(&w.as_str())) {
            meta.modified.push(Sourced {
                value: date,
                provenance: Provenance::TimeElement(word.clone()),
                block: None,
            });
        } else if let Some(word) = words.iter().find(|w| PUBLISHED_WORDS.contains(&w.as_str())) {
            meta.published.push(Sourced {
                value: date,
                provenance: Provenance::TimeElement(word.clone()),
                block: None,
            });
        } else if pubdate {
            meta.published.push(Sourced {
                value: date,
                provenance: Provenance::TimeElement("pubdate".into()),
                block: None,
            });
        } else {
            plain_times.push(Sourced {
                value: date,
                provenance: Provenance::TimeElement(String::new()),
                block: None,
            });
        }
    }
    meta.published.extend(plain_times);

    // <title>, <html lang>, canonical.
    if let Some(title) = html.select(&TITLE).next() {
        let text = normalize(&title.text().collect::<String>());
        if !text.is_empty() {
            title_element = Some(text);
        }
    }
    if let Some(root) = html.select(&HTML).next()
        && let Some(lang) = root.value().attr("lang").or_else(|| root.value().attr("xml:lang"))
        && !lang.trim().is_empty()
    {
        meta.language =
            Some(Sourced { value: lang.trim().to_owned(), provenance: Provenance::HtmlLang, block: None });
    }
    for link in html.select(&LINK) {
        let rel = link.value().attr("rel").unwrap_or_default();
        if rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
            let href = link.value().attr("href").unwrap_or_default().trim();
            if is_absolute(href) {
                meta.canonical.push(Sourced {
                    value: href.to_owned(),
                    provenance: Provenance::LinkCanonical,
                    block: None,
                });
            }
        }
    }
    if let Some(url) = og_url.filter(|u| is_absolute(u)) {
        meta.canonical.push(Sourced {
            value: url,
            provenance: Provenance::Meta("og:url".into()),
            block: None,
        });
    }

    meta.titles = titles(blocks, og_title.as_deref(), title_element.as_deref(), ld_headline.as_deref());
    text_dates(blocks, &mut meta);
    meta
}

fn is_absolute(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// Calls `visit(key, value)` for every member of every object in a JSON-LD value
/// (`@graph` and nested objects included), to a depth of 16.
fn walk_json_ld(value: &serde_json::Value, depth: usize, visit: &mut impl FnMut(&str, &serde_json::Value)) {
    if depth > 16 {
        return;
    }
    match value {
        serde_json::Value::Object(map) => {
            for (key, member) in map {
                visit(key, member);
                walk_json_ld(member, depth + 1, visit);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                walk_json_ld(item, depth + 1, visit);
            }
        }
        _ => {}
    }
}

fn json_ld_names(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(s) => vec![normalize(s)],
        serde_json::Value::Object(map) => {
            map.get("name").and_then(|n| n.as_str()).map(normalize).into_iter().collect()
        }
        serde_json::Value::Array(items) => items.iter().flat_map(json_ld_names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// The class/id/role words of an element and its ancestors, nearest first.
fn ancestor_words(element: ElementRef<'_>) -> Vec<String> {
    let mut words = Vec::new();
    let mut node = Some(*element);
    let mut depth = 0;
    while let Some(current) = node {
        if let Some(e) = current.value().as_element() {
            for name in ["class", "id", "itemprop"] {
                if let Some(value) = e.attr(name) {
                    words.extend(
                        value
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .map(str::to_lowercase),
                    );
                }
            }
        }
        depth += 1;
        if depth > 4 {
            break;
        }
        node = current.parent();
    }
    words
}

/// Share of the words (of the longer) an `<h1>` must share with the metadata's title to
/// be the title when it does not hold it or is not held by it: 0.75.
const HEADING_LIKENESS: f64 = 0.75;

/// Title candidates: the first visible `<h1>` that the `og:title`, JSON-LD headline or
/// `<title>` confirms (equal, or contained in it, or containing it after a kicker, or
/// saying it in other words: [`HEADING_LIKENESS`]), then those metadata values with a
/// site name cut off.
fn titles(
    blocks: &[Block],
    og: Option<&str>,
    title: Option<&str>,
    headline: Option<&str>,
) -> Vec<Sourced<String>> {
    let mut out: Vec<Sourced<String>> = Vec::new();
    let references: Vec<&str> = [og, headline, title].into_iter().flatten().collect();
    let clean =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let confirmed = |text: &str| {
        let text = clean(text);
        !text.is_empty() && references.iter().any(|r| clean(r).contains(&text))
    };
    // Equal to a reference (a <title> with its site name cut off) before contained in one;
    // outside the page header before inside it.
    let exact = |text: &str| {
        let text = clean(text);
        references.iter().any(|r| clean(r) == text || clean(&strip_site_name(r, None)) == text)
    };
    for level in [1u8, 2] {
        let mut found: Vec<(bool, bool, usize)> = blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| {
                block.kind == (BlockKind::Heading { level })
                    && !block.landmarks.nav
                    && !block.landmarks.footer
                    && confirmed(&block.text)
                    && block.text.chars().count() > 3
            })
            .map(|(index, block)| (!exact(&block.text), block.landmarks.header, index))
            .collect();
        found.sort();
        for (_, _, index) in found {
            let provenance = Provenance::Heading(format!("h{level}"));
            out.push(Sourced { value: blocks[index].text.clone(), provenance, block: Some(index) });
        }
        if !out.is_empty() {
            break;
        }
    }
    // A heading that holds the title after a kicker or before a date: the longest part
    // the metadata confirms.
    if out.is_empty() {
        for (index, block) in blocks.iter().enumerate() {
            if let BlockKind::Heading { level: 1 } = block.kind
                && let Some(reference) = references.first()
            {
                let stripped = strip_site_name(reference, Some(&block.text));
                if block.text.contains(&stripped) && stripped.chars().count() > 3 {
                    out.push(Sourced {
                        value: stripped,
                        provenance: Provenance::Heading("h1".into()),
                        block: Some(index),
                    });
                }
            }
        }
    }
    // An <h1> the metadata says in other words ("EP paves way …" for "Parliament paves
    // way …"): three quarters of the words of the longer shared.
    if out.is_empty() {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
        };
        let likeness = |a: &[String], b: &[String]| {
            let shared = a.iter().filter(|w| b.contains(w)).count();
            shared as f64 / a.len().max(b.len()).max(1) as f64
        };
        if let Some((index, block)) = blocks.iter().enumerate().find(|(_, b)| {
            b.kind == (BlockKind::Heading { level: 1 })
                && !b.landmarks.nav
                && !b.landmarks.footer
                && b.text.split_whitespace().count() >= 4
                && references
                    .iter()
                    .any(|r| likeness(&words(&b.text), &words(&strip_site_name(r, None))) >= HEADING_LIKENESS)
        }) {
            out.push(Sourced {
                value: block.text.clone(),
                provenance: Provenance::Heading("h1".into()),
                block: Some(index),
            });
        }
    }
    let heading = out.first().map(|s| s.value.clone());
    if let Some(og) = og {
        out.push(Sourced {
            value: strip_site_name(og, heading.as_deref()),
            provenance: Provenance::Meta("og:title".into()),
            block: None,
        });
    }
    if let Some(headline) = headline {
        out.push(Sourced {
            value: headline.to_owned(),
            provenance: Provenance::JsonLd("headline".into()),
            block: None,
        });
    }
    if let Some(title) = title {
        out.push(Sourced {
            value: strip_site_name(title, heading.as_deref()),
            provenance: Provenance::TitleElement,
            block: None,
        });
    }
    // Only headings fit to stand first; with none, a metadata title, then the first h1.
    if out.is_empty()
        && let Some((index, block)) = blocks
            .iter()
            .enumerate()
            .find(|(_, b)| b.kind == BlockKind::Heading { level: 1 } && !b.landmarks.nav)
    {
        out.push(Sourced {
            value: block.text.clone(),
            provenance: Provenance::Heading("h1".into()),
            block: Some(index),
        });
    }
    out
}

/// Cuts a site name off a title: the parts around separators (`|`, `•`, `·`, `–`, `—`,
/// ` - `, `::`) are compared and the one equal to the heading, else the longest, kept.
fn strip_site_name(title: &str, heading: Option<&str>) -> String {
    let spaced = title.replace('\u{a0}', " ");
    let parts: Vec<&str> = spaced
        .split(" | ")
        .flat_map(|p| p.split(" • "))
        .flat_map(|p| p.split(" · "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" :: "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() <= 1 {
        return title.trim().to_owned();
    }
    if let Some(heading) = heading
        && let Some(part) = parts.iter().find(|p| **p == heading)
    {
        return (*part).to_owned();
    }
    parts
        .iter()
        .max_by_key(|p| p.chars().count())
        .map_or_else(|| title.trim().to_owned(), |p| (*p).to_owned())
}

/// Dates printed in the text: after a label ("Stand:", "Updated:", "Letzte Änderung:",
/// "Last modified") as the last update, a block holding little but a date near the title
/// as the date of issue (when the markup gave none): of those, the one sharing most
/// ancestors with the title, so a date under the headline wins over the dates of teasers
/// in a column that the page's order puts first.
fn text_dates(blocks: &[Block], meta: &mut PageMetadata) {
    const UPDATED_LABELS: [&str; 7] = [
        "stand",
        "letzte änderung",
        "zuletzt aktualisiert",
        "aktualisiert",
        "last updated",
        "updated",
        "last modified",
    ];
    for (index, block) in blocks.iter().enumerate() {
        if block.landmarks.nav || block.text.chars().count() > 120 {
            continue;
        }
        let lower = block.text.to_lowercase();
        if let Some(label) = UPDATED_LABELS.iter().find(|l| lower.starts_with(*l)) {
            let rest = &block.text[label.len().min(block.text.len())..];
            if let Some(date) = find_text_date(rest) {
                meta.modified.push(Sourced { value: date, provenance: Provenance::Text, block: Some(index) });
            }
        }
    }
    if meta.published.is_empty() {
        let title_block = meta.titles.iter().find_map(|t| t.block);
        let start = title_block.unwrap_or(0).saturating_sub(5);
        // Of the dated blocks near the title, the one in the title's own part of the
        // page: the most ancestors shared with the title (a date printed under the
        // headline, not a teaser's date in a column beside it), then the nearest, a
        // block below the title before one above it; never a link (a teaser).
        let best = blocks
            .iter()
            .enumerate()
            .skip(start)
            .take(15)
            .filter(|&(index, block)| {
                let lower = block.text.to_lowercase();
                Some(index) != title_block
                    && !block.landmarks.nav
                    && block.text.chars().count() <= 60
                    && block.link_density() < 0.5
                    && !UPDATED_LABELS.iter().any(|l| lower.starts_with(l))
            })
            .filter_map(|(index, block)| Some((index, find_text_date(&block.text)?)))
            .max_by_key(|&(index, _)| {
                let shared = title_block.map_or(0, |t| shared_ancestors(&blocks[t], &blocks[index]));
                let distance = title_block.map_or(index, |t| index.abs_diff(t));
                let above = title_block.is_some_and(|t| index < t);
                (shared, std::cmp::Reverse((distance, above)))
            });
        if let Some((index, date)) = best {
            meta.published.push(Sourced { value: date, provenance: Provenance::Text, block: Some(index) });
        }
    }
}

/// How many ancestors, from the root down, two blocks share.
fn shared_ancestors(a: &Block, b: &Block) -> usize {
    a.ancestors.iter().zip(&b.ancestors).take_while(|(x, y)| x.id == y.id).count()
}

/// Parses a machine-readable date: ISO 8601 (`2020-01-03`, `2016-12-23T16:42:59-05:00`,
/// `2022-01-28 11:05`, a `Z` or `±HHMM` offset), the local date and time as printed.
#[must_use]
pub fn parse_date(text: &str) -> Option<PageDate> {
    let text = text.trim();
    let date = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(PageDate { date, timestamp: None });
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let hour: u32 = rest.get(..2)?.parse().ok()?;
    if rest.as_bytes().get(2) != Some(&b':') {
        return Some(PageDate { date, timestamp: None });
    }
    let minute: u32 = rest.get(3..5)?.parse().ok()?;
    let mut after = &rest[5..];
    let mut second = 0;
    let mut precision = TimePrecision::Minute;
    if let Some(s) = after.strip_prefix(':') {
        second = s.get(..2)?.parse().ok()?;
        precision = TimePrecision::Second;
        after = &s[2..];
        if let Some(fraction) = after.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            after = &fraction[digits..];
        }
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let offset = match after.trim() {
        "" => None,
        "Z" | "z" => FixedOffset::east_opt(0),
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => {
                    return Some(PageDate {
                        date,
                        timestamp: Some(Timestamp::new(date.and_time(time), None, precision)),
                    });
                }
            };
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let hours: i32 = digits.get(..2)?.parse().ok()?;
            let minutes: i32 = digits.get(2..4).unwrap_or("00").parse().ok()?;
            FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
        }
    };
    Some(PageDate { date, timestamp: Some(Timestamp::new(date.and_time(time), offset, precision)) })
}

/// Month names (English, German, French) and their numbers, lower case; abbreviations
/// of at least three letters match too.
const MONTHS: [(&str, u32); 36] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
];

fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word || (word.chars().count() >= 3 && name.starts_with(&word)))
        .map(|(_, n)| *n)
}

/// Finds the first date printed in `text`: `DD.MM.YYYY`, `YYYY-MM-DD`, `D Month YYYY`,
/// `D. Month YYYY`, `Month D, YYYY`; a time `HH:MM` after it is kept.
#[must_use]
pub fn find_text_date(text: &str) -> Option<PageDate> {
    let words: Vec<&str> =
        text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        let date = if let Some(date) = parse_date(word).filter(|_| word.len() == 10) {
            Some(date.date)
        } else if let Some(date) = dotted(word) {
            Some(date)
        } else if let (Some(day), Some(m), Some(year)) = (
            word.trim_end_matches('.').parse::<u32>().ok(),
            words.get(i + 1).and_then(|w| month(w)),
            words.get(i + 2).and_then(|w| w.trim_end_matches(['.', ',']).parse::<i32>().ok()),
        ) {
            NaiveDate::from_ymd_opt(year, m, day)
        } else if let (Some(m), Some(day), Some(year)) = (
            month(word),
            words.get(i + 1).and_then(|w| w.trim_end_matches([',', '.']).parse::<u32>().ok()),
            words.get(i + 2).and_then(|w| w.trim_end_matches(['.', ',']).parse::<i32>().ok()),
        ) {
            NaiveDate::from_ymd_opt(year, m, day)
        } else {
            None
        };
        if let Some(date) =
            date.filter(|d| (1990..=2100).contains(&communique_model::chrono::Datelike::year(d)))
        {
            let rest = words[i + 1..].join(" ");
            let timestamp = find_time(rest.get(..rest.len().min(40)).unwrap_or(&rest))
                .map(|time| Timestamp::new(date.and_time(time), None, TimePrecision::Minute));
            return Some(PageDate { date, timestamp });
        }
    }
    None
}

/// `DD.MM.YYYY` (one or two digits for day and month).
fn dotted(word: &str) -> Option<NaiveDate> {
    let mut parts = word.trim_end_matches('.').split('.');
    let day = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let year_text = parts.next()?;
    if year_text.len() != 4 || parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year_text.parse().ok()?, month, day)
}

/// The first `HH:MM` time of day in `text`.
fn find_time(text: &str) -> Option<NaiveTime> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(4)).find_map(|i| {
        let window = text.get(i..i + 5)?;
        let (h, m) = window.split_once(':')?;
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after_ok = !bytes.get(i + 5).is_some_and(u8::is_ascii_digit);
        if h.len() == 2 && m.len() == 2 && before_ok && after_ok {
            NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates() {
        let d = parse_date("2016-12-23T16:42:59-05:00").unwrap();
        assert_eq!(d.date.to_string(), "2016-12-23");
        assert_eq!(d.timestamp.unwrap().to_string(), "2016-12-23T16:42:59-05:00");
        assert_eq!(parse_date("2020-01-03").unwrap().timestamp, None);
        assert_eq!(
            parse_date("2022-01-28 11:05").unwrap().timestamp.unwrap().to_string(),
            "2022-01-28T11:05"
        );
        assert_eq!(
            parse_date("2022-01-28T11:05:00Z").unwrap().timestamp.unwrap().to_string(),
            "2022-01-28T11:05:00Z"
        );
        assert_eq!(
            parse_date("2022-01-28T11:05:00+0100").unwrap().timestamp.unwrap().to_string(),
            "2022-01-28T11:05:00+01:00"
        );
        assert!(parse_date("2022-02-30").is_none());
        assert!(parse_date("yesterday").is_none());
    }

    #[test]
    fn printed_dates() {
        let check = |text: &str, expected: &str| {
            let found = find_text_date(text).map(|d| match d.timestamp {
                Some(t) => t.to_string(),
                None => d.date.to_string(),
            });
            assert_eq!(found.as_deref(), Some(expected), "{text}");
        };
        check("Stand: 12.11.2021", "2021-11-12");
        check("Pressemitteilung vom 3. Juli 2018", "2018-07-03");
        check("December 23, 2016", "2016-12-23");
        check("28 January 2022, 11:05 Uhr", "2022-01-28T11:05");
        check("Mi., 26. Jan. 2022", "2022-01-26");
        assert_eq!(find_text_date("Article 5 of 1949"), None);
    }

    #[test]
    fn the_date_printed_under_the_title_not_a_teasers() {
        // A side column of dated teasers comes before the article in the page's order.
        let page = crate::HtmlReader::new().read(
            br#"<html><body><div class="row">
            <div class="sidebar"><div><div class="time">April 25, 2022</div>
            <div class="title"><a href="/a">Evening News April 25, 2022</a></div></div>
            <div><div class="date">April 19, 2022</div><div><a href="/b">Disabilities Act</a></div></div></div>
            <div class="content"><article><div class="meta-wrap"><h1>Wide Range Of Investment Opportunities</h1>
            <div class="meta"><div class="cat">Investment</div><div class="date">April 26, 2022</div></div></div>
            <p>The conference, which is scheduled for June 13 to 17, will take place at the Montego Bay Convention Centre.</p>
            </article></div></div></body></html>"#,
        );
        let issued = page.metadata().issued().cloned().unwrap();
        assert_eq!(issued.value.date.to_string(), "2022-04-26");
        assert_eq!(issued.provenance, Provenance::Text);
    }

    #[test]
    fn site_names() {
        assert_eq!(
            strip_site_name("Telephone conversation • President of Russia", None),
            "Telephone conversation"
        );
        assert_eq!(strip_site_name("News | Site", Some("Site")), "Site");
        assert_eq!(strip_site_name("Weekly Address", None), "Weekly Address");
    }
}
