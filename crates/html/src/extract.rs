//! Main-content extraction: which blocks of a page are the statement and which are
//! furniture.
//!
//! The classifier uses signals every page has, not the layout of one site:
//!
//! 1. **Element context.** Blocks inside `<nav>`, `<footer>`, `<aside>`, `<form>`,
//!    `<figure>` (and their ARIA roles), page `<header>`s, captions, and elements whose
//!    class or id words name furniture (menu, breadcrumb, share, related, comments,
//!    cookie, gallery, …; the list is [`FURNITURE_WORDS`]) are furniture.
//! 2. **Block features, as jusText** (Pomikálek 2011) classifies paragraphs: length in
//!    code points, stop-word density (share of words that are function words of the
//!    page language, from `stopwords/LANG.txt`) and link density. Long blocks of running
//!    prose are *good*; blocks mostly of links are *bad*.
//! 3. **The main container.** The good blocks' text is summed over their ancestor
//!    elements; the deepest element holding at least [`CONTAINER_SHARE`] of it is the
//!    article. Blocks outside it are furniture; inside it, every block is content unless
//!    (1) says otherwise or it is mostly links. Short blocks inside the container
//!    (sub-headings, one-line paragraphs) are therefore kept, which jusText's own
//!    context smoothing often loses.
//! 4. **The article around the container.** Class and id words do not make furniture of
//!    an element holding at least [`PROSE_HOLDER_SHARE`] of the page's prose; paragraphs
//!    and list items between the title heading and the container (a lead, key facts set
//!    in a column of their own) are content; a list of links that a content block
//!    introduces with a colon is content.
//! 5. **Title and dateline.** The heading that the metadata title comes from is the
//!    title, and a short block that is only a date before the first content block is
//!    the dateline; neither is a paragraph.

use crate::blocks::{Block, BlockKind};
use crate::metadata::find_text_date;
use crate::page::HtmlPage;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Class and id words that mark page furniture, matched as whole words of an
/// ancestor's `class`, `id`, `role` or `itemprop`.
pub const FURNITURE_WORDS: [&str; 47] = [
    "nav",
    "navigation",
    "navbar",
    "menu",
    "submenu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "socials",
    "related",
    "comments",
    "comment",
    "cookie",
    "cookies",
    "banner",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "newsletter",
    "subscribe",
    "pagination",
    "pager",
    "toolbar",
    "skip",
    "login",
    "search",
    "widget",
    "tags",
    "caption",
    "credits",
    "copyright",
    "print",
    "rss",
    "byline",
    "gallery",
    "slider",
    "carousel",
    "lightbox",
    "contact",
    "contacts",
    "masthead",
    "disclaimer",
];

/// Share of the good blocks' text the main container must hold: 0.75.
pub const CONTAINER_SHARE: f64 = 0.75;

/// jusText's thresholds: link density above which a block is bad (0.2), lengths in
/// code points below which a block is short (70) and above which it may be good (200),
/// stop-word densities for near-good (0.30) and good (0.32).
const MAX_LINK_DENSITY: f64 = 0.2;
const LENGTH_LOW: usize = 70;
const LENGTH_HIGH: usize = 200;
const STOPWORDS_LOW: f64 = 0.30;
const STOPWORDS_HIGH: f64 = 0.32;

/// Link density above which a block inside the main container is still furniture (a
/// list of related links): 0.5.
const CONTAINER_MAX_LINK_DENSITY: f64 = 0.5;

static STOPWORDS: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let parse = |text: &'static str| -> HashSet<&'static str> {
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    };
    HashMap::from([
        ("en", parse(include_str!("../stopwords/en.txt"))),
        ("de", parse(include_str!("../stopwords/de.txt"))),
        ("fr", parse(include_str!("../stopwords/fr.txt"))),
    ])
});

/// The jusText class of a block from its own features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quality {
    /// Long prose: many stop words, few links.
    Good,
    /// Prose, but shorter or with fewer stop words.
    NearGood,
    /// Under 70 code points: too short to judge alone.
    Short,
    /// Mostly links, or few stop words.
    Bad,
}

/// Why a block is furniture.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FurnitureReason {
    /// It lies in this landmark element (`nav`, `footer`, `aside`, `form`, `figure`,
    /// `header`).
    Landmark(&'static str),
    /// An ancestor's class or id has this furniture word.
    Word(String),
    /// It is a caption.
    Caption,
    /// It is mostly links.
    Links,
    /// It lies outside the main container.
    OutsideContainer,
    /// It follows the last prose block of the container and is, or comes after, a
    /// heading: a section with no prose ("Publication status", "Contacts").
    AfterBody,
}

/// What a block is for the statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockClass {
    /// Body text: a paragraph of the statement (heading, list item, quote, …).
    Content,
    /// The heading the title comes from.
    Title,
    /// A date, or a short line of loose text (time, place), standing alone before the
    /// body: the dateline.
    Dateline,
    /// Page furniture.
    Furniture(FurnitureReason),
}

/// The classes of a page's blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    /// One class per block of [`HtmlPage::blocks`], same order.
    pub classes: Vec<BlockClass>,
    /// Per block, its jusText quality.
    pub qualities: Vec<Quality>,
    /// The [`crate::Ancestor::id`] of the main container, when one was found.
    pub container: Option<u32>,
}

impl Extraction {
    /// The content blocks with their indices, in reading order.
    pub fn content<'a>(&'a self, page: &'a HtmlPage) -> impl Iterator<Item = (usize, &'a Block)> + 'a {
        page.blocks().iter().enumerate().filter(|(i, _)| self.classes[*i] == BlockClass::Content)
    }
}

/// Classifies the blocks of a page (see the module documentation).
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct Extractor {
    no_container: bool,
}

impl Extractor {
    /// The extractor with its defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Skips step 3 (the main container): blocks are kept by context and their own
    /// jusText class (good and near-good, and short ones between good ones) alone. For
    /// comparison; the container is better on every page measured (see `QUALITY.md`).
    pub fn without_container(mut self) -> Self {
        self.no_container = true;
        self
    }

    /// Classifies every block of `page`.
    #[must_use]
    pub fn extract(&self, page: &HtmlPage) -> Extraction {
        let blocks = page.blocks();
        let language = page
            .metadata()
            .language
            .as_ref()
            .map(|l| l.value.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase())
            .unwrap_or_default();
        let qualities: Vec<Quality> = blocks.iter().map(|b| quality(b, &language)).collect();
        let exempt = prose_holders(blocks, &qualities);
        let mut classes: Vec<BlockClass> = blocks
            .iter()
            .map(|b| context_class(b, &exempt).map_or(BlockClass::Content, BlockClass::Furniture))
            .collect();
        let container = if self.no_container { None } else { main_container(blocks, &qualities, &classes) };
        for (i, block) in blocks.iter().enumerate() {
            if classes[i] != BlockClass::Content {
                continue;
            }
            let keep = match container {
                Some(id) => {
                    if !block.ancestors.iter().any(|a| a.id == id) {
                        classes[i] = BlockClass::Furniture(FurnitureReason::OutsideContainer);
                        continue;
                    }
                    block.link_density() <= CONTAINER_MAX_LINK_DENSITY
                }
                None => match qualities[i] {
                    Quality::Good | Quality::NearGood => true,
                    Quality::Short => short_between_good(&qualities, &classes, i),
                    Quality::Bad => false,
                },
            };
            if !keep {
                classes[i] = BlockClass::Furniture(FurnitureReason::Links);
            }
        }
        if container.is_some() {
            links_under_lead_in(blocks, &mut classes);
            trim_tail(blocks, &qualities, &mut classes);
            lead_above_container(page, &mut classes);
        }
        mark_title_and_dateline(page, &mut classes);
        Extraction { classes, qualities, container }
    }
}

/// Share of the page's prose (good and near-good blocks, by length) an element must
/// hold for its class and id words not to make furniture of it: 0.5. A page that wraps
/// its whole article in `<div class="tab-navigation">` keeps its article.
pub const PROSE_HOLDER_SHARE: f64 = 0.5;

/// The elements (by [`crate::Ancestor::id`]) holding at least [`PROSE_HOLDER_SHARE`] of
/// the page's prose: whatever their class words say, they are no furniture.
fn prose_holders(blocks: &[Block], qualities: &[Quality]) -> HashSet<u32> {
    let mut held: HashMap<u32, usize> = HashMap::new();
    let mut total = 0usize;
    for (block, quality) in blocks.iter().zip(qualities) {
        if !matches!(quality, Quality::Good | Quality::NearGood) {
            continue;
        }
        let length = block.text.chars().count();
        total += length;
        for ancestor in &block.ancestors {
            *held.entry(ancestor.id).or_default() += length;
        }
    }
    held.into_iter()
        .filter(|(_, sum)| total > 0 && *sum as f64 >= PROSE_HOLDER_SHARE * total as f64)
        .map(|(id, _)| id)
        .collect()
}

/// Furniture by element context alone; the class and id words of the elements in
/// `exempt` (those holding most of the prose) do not count.
fn context_class(block: &Block, exempt: &HashSet<u32>) -> Option<FurnitureReason> {
    let l = &block.landmarks;
    let landmark = [
        (l.nav, "nav"),
        (l.footer, "footer"),
        (l.aside, "aside"),
        (l.form, "form"),
        (l.figure, "figure"),
        (l.header, "header"),
    ]
    .into_iter()
    .find_map(|(inside, name)| inside.then_some(name));
    if let Some(name) = landmark {
        return Some(FurnitureReason::Landmark(name));
    }
    if block.kind == BlockKind::Caption
        || (block.beside_media && block.kind == BlockKind::Loose && block.text.chars().count() < 300)
    {
        return Some(FurnitureReason::Caption);
    }
    // Words of the ancestors below <body> (a body class such as "has-sidebar" says
    // nothing about one block).
    for ancestor in
        block.ancestors.iter().filter(|a| a.tag != "html" && a.tag != "body" && !exempt.contains(&a.id))
    {
        if let Some(word) = ancestor.tokens.iter().find(|t| FURNITURE_WORDS.contains(&t.as_str())) {
            return Some(FurnitureReason::Word(word.clone()));
        }
    }
    None
}

/// The jusText class of a block.
fn quality(block: &Block, language: &str) -> Quality {
    if block.link_density() > MAX_LINK_DENSITY {
        return Quality::Bad;
    }
    let length = block.text.chars().count();
    if block.text.contains('©') {
        return Quality::Bad;
    }
    if length < LENGTH_LOW {
        return Quality::Short;
    }
    let words: Vec<String> = block
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let density = match STOPWORDS.get(language) {
        Some(list) => ratio(words.iter().filter(|w| list.contains(w.as_str())).count(), words.len()),
        // A language without a list: judge by length alone.
        None => {
            return if length > LENGTH_HIGH { Quality::Good } else { Quality::NearGood };
        }
    };
    if density >= STOPWORDS_HIGH {
        if length > LENGTH_HIGH { Quality::Good } else { Quality::NearGood }
    } else if density >= STOPWORDS_LOW {
        Quality::NearGood
    } else {
        Quality::Bad
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// The deepest element holding at least [`CONTAINER_SHARE`] of the weighted text of
/// the blocks that are not furniture by context: good and near-good blocks count
/// whole, short and bad ones with few links half (so that a page whose prose is cut
/// into many short paragraphs, or written in a language whose stop words the list
/// lacks, still has its paragraphs' common ancestor chosen), link lists not at all.
fn main_container(blocks: &[Block], qualities: &[Quality], classes: &[BlockClass]) -> Option<u32> {
    let mut score: HashMap<u32, (usize, usize)> = HashMap::new();
    let mut total = 0usize;
    for (i, block) in blocks.iter().enumerate() {
        let length = block.text.chars().count();
        let weight = match qualities[i] {
            Quality::Good | Quality::NearGood => length,
            Quality::Short | Quality::Bad if block.link_density() <= MAX_LINK_DENSITY => length / 2,
            _ => 0,
        };
        if weight == 0 || classes[i] != BlockClass::Content {
            continue;
        }
        total += weight;
        // The element holding the block's own text is no container.
        let holders = block.ancestors.len().saturating_sub(1);
        for (depth, ancestor) in block.ancestors.iter().take(holders).enumerate() {
            let entry = score.entry(ancestor.id).or_insert((0, depth));
            entry.0 += weight;
        }
    }
    if total == 0 {
        return None;
    }
    score
        .into_iter()
        .filter(|(_, (sum, _))| *sum as f64 >= CONTAINER_SHARE * total as f64)
        .max_by_key(|(id, (_, depth))| (*depth, *id))
        .map(|(id, _)| id)
}

/// jusText's context rule for a short block: kept when the nearest judged blocks on
/// both sides are good.
fn short_between_good(qualities: &[Quality], classes: &[BlockClass], i: usize) -> bool {
    let judged = |q: &Quality| matches!(q, Quality::Good | Quality::Bad);
    let before = (0..i).rev().find(|&j| classes[j] == BlockClass::Content && judged(&qualities[j]));
    let after =
        (i + 1..qualities.len()).find(|&j| classes[j] == BlockClass::Content && judged(&qualities[j]));
    matches!(
        (before.map(|j| qualities[j]), after.map(|j| qualities[j])),
        (Some(Quality::Good), Some(Quality::Good))
    )
}

/// After the last prose (good or near-good) block, a heading and what follows it are
/// furniture: a section with no prose of its own ("Publication status", "Contacts").
fn trim_tail(blocks: &[Block], qualities: &[Quality], classes: &mut [BlockClass]) {
    let prose = (0..blocks.len()).rev().find(|&i| {
        classes[i] == BlockClass::Content && matches!(qualities[i], Quality::Good | Quality::NearGood)
    });
    // A page of short paragraphs only: its first paragraph stands for the prose.
    let first_paragraph = || {
        (0..blocks.len())
            .find(|&i| classes[i] == BlockClass::Content && blocks[i].kind == BlockKind::Paragraph)
    };
    let Some(last_prose) = prose.or_else(first_paragraph) else {
        return;
    };
    let Some(heading) = (last_prose + 1..blocks.len())
        .find(|&i| classes[i] == BlockClass::Content && matches!(blocks[i].kind, BlockKind::Heading { .. }))
    else {
        return;
    };
    for class in &mut classes[heading..] {
        if *class == BlockClass::Content {
            *class = BlockClass::Furniture(FurnitureReason::AfterBody);
        }
    }
}

/// List items of links in the main container that a content block introduces with a
/// colon ("… at the following accounts:", "Read the press releases:") are content: the
/// text asks for them. A list of links nothing introduces stays furniture.
fn links_under_lead_in(blocks: &[Block], classes: &mut [BlockClass]) {
    // A list item, or a paragraph inside one (`<li><p><a>…</a></p></li>`).
    let is_item = |i: usize| {
        matches!(blocks[i].kind, BlockKind::ListItem { .. })
            || blocks[i].ancestors.iter().any(|a| a.tag == "li")
    };
    for i in 0..blocks.len() {
        if classes[i] != BlockClass::Furniture(FurnitureReason::Links) || !is_item(i) {
            continue;
        }
        let mut j = i;
        while j > 0
            && is_item(j - 1)
            && matches!(&classes[j - 1], BlockClass::Content | BlockClass::Furniture(FurnitureReason::Links))
        {
            j -= 1;
        }
        if j > 0 && classes[j - 1] == BlockClass::Content && blocks[j - 1].text.trim_end().ends_with(':') {
            classes[i] = BlockClass::Content;
        }
    }
}

/// Paragraphs and list items between the title heading and the first content block
/// that lie outside the main container only because the page sets them in a column of
/// their own (a lead, a list of key facts above the article): content again, when no
/// element context makes furniture of them and they are not mostly links.
fn lead_above_container(page: &HtmlPage, classes: &mut [BlockClass]) {
    let blocks = page.blocks();
    let Some(title) = page.metadata().titles.iter().find_map(|t| t.block) else {
        return;
    };
    let Some(first) = (title + 1..blocks.len()).find(|&i| classes[i] == BlockClass::Content) else {
        return;
    };
    for i in title + 1..first {
        let block = &blocks[i];
        if classes[i] == BlockClass::Furniture(FurnitureReason::OutsideContainer)
            && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
            && block.link_density() <= MAX_LINK_DENSITY
        {
            classes[i] = BlockClass::Content;
        }
    }
}

/// The title heading, and a date-only block before the body, out of the content.
fn mark_title_and_dateline(page: &HtmlPage, classes: &mut [BlockClass]) {
    let blocks = page.blocks();
    if let Some(title) = page.metadata().titles.iter().find_map(|t| t.block) {
        classes[title] = BlockClass::Title;
        // Headings repeating the title (a second h1 for print) are not paragraphs either.
        let text = &blocks[title].text;
        for (i, block) in blocks.iter().enumerate() {
            if classes[i] == BlockClass::Content
                && matches!(block.kind, BlockKind::Heading { .. })
                && &block.text == text
            {
                classes[i] = BlockClass::Title;
            }
        }
    }
    for i in 0..blocks.len() {
        if classes[i] != BlockClass::Content {
            continue;
        }
        let block = &blocks[i];
        // Before the body: a date, or a short line of loose text (time, place).
        if is_dateline(&block.text) || (block.kind == BlockKind::Loose && block.text.chars().count() < 40) {
            classes[i] = BlockClass::Dateline;
            continue;
        }
        break;
    }
}

/// A short block that is a date and little else ("December 23, 2016", "Berlin,
/// 12.11.2021").
fn is_dateline(text: &str) -> bool {
    text.chars().count() <= 40 && find_text_date(text).is_some()
}
