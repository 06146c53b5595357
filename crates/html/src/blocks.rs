//! The page's text as blocks: one per paragraph, heading, list item, table cell, quote
//! or run of loose text, in reading order, with the element context each lies in.

use crate::locate::Locator;
use communique_model::Span;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::collections::HashSet;
use std::ops::Range;

/// What kind of element a block is, from the markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// `<h1>` … `<h6>`; `level` is 1 to 6.
    Heading {
        /// The heading level.
        level: u8,
    },
    /// `<p>` (outside any `<blockquote>`).
    Paragraph,
    /// `<li>`: its own text, without the lists nested in it.
    ListItem {
        /// 1 for an item of an outermost list, 2 for an item of a list inside it, …
        depth: u8,
        /// True inside `<ol>`.
        ordered: bool,
    },
    /// Text inside `<blockquote>` (its `<p>`s and its loose text).
    Quote,
    /// `<td>` or `<th>`.
    TableCell {
        /// True for `<th>`.
        header: bool,
    },
    /// `<dt>` (a term of a description list).
    Term,
    /// `<dd>` (a description).
    Definition,
    /// `<pre>`.
    Preformatted,
    /// `<figcaption>` or `<caption>`.
    Caption,
    /// `<address>`.
    Address,
    /// Text directly inside a container (`<div>`, `<section>`, `<body>`, …) rather than in
    /// a paragraph-like element, up to the next block or double `<br>`.
    Loose,
}

/// Landmark elements and other context a block lies in.
///
/// `nav`, `header`, `footer`, `aside` and `form` count only the ancestors nearer to the
/// block than its nearest `article` / `main` (so a site that puts its article inside an
/// element marked `role="complementary"` does not make the article an aside, while an
/// article's own `<footer>` still counts); the others count any ancestor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)]
pub struct Landmarks {
    /// Inside `<nav>` or `role="navigation"`.
    pub nav: bool,
    /// Inside `<header>` or `role="banner"`.
    pub header: bool,
    /// Inside `<footer>` or `role="contentinfo"`.
    pub footer: bool,
    /// Inside `<aside>` or `role="complementary"`.
    pub aside: bool,
    /// Inside `<form>` or `role="search"`.
    pub form: bool,
    /// Inside `<figure>`.
    pub figure: bool,
    /// Inside `<article>`, `<main>`, `role="main"` or `itemprop="articleBody"`.
    pub article: bool,
    /// Inside `<table>`.
    pub table: bool,
    /// Inside `<blockquote>`.
    pub blockquote: bool,
}

/// One ancestor element of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ancestor {
    /// The element's number in document order (0 for `<html>`), unique in the page:
    /// blocks with the same ancestor id lie in the same element.
    pub id: u32,
    /// Its tag name, lower case (`div`, `article`, …).
    pub tag: String,
    /// The words of its `class`, `id`, `role` and `itemprop` attributes, lower case,
    /// split at every character that is not a letter or digit (`read__lead` gives
    /// `read` and `lead`).
    pub tokens: Vec<String>,
}

/// A block of the page's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text as a reader sees it: character references decoded; every run of Unicode
    /// white space (NBSP and thin spaces included, and a single `<br>`) one ASCII space;
    /// zero-width space (U+200B), BOM (U+FEFF), soft hyphen (U+00AD) and LRM/RLM removed;
    /// trimmed. Never empty.
    pub text: String,
    /// The element kind.
    pub kind: BlockKind,
    /// Where the block lies in the decoded page text, in code points (end exclusive):
    /// from the first character of its first text node to the last character of its
    /// last, markup in between included. `None` when its text could not be found in
    /// the source (text the parser moved).
    pub source_span: Option<Span>,
    /// Code points of `text` (not counting spaces) inside `<a href>` elements.
    pub link_chars: usize,
    /// Code points of `text` (not counting spaces) inside `<b>` or `<strong>`.
    pub bold_chars: usize,
    /// Landmarks among the block's ancestors.
    pub landmarks: Landmarks,
    /// True when the element holding the block (its nearest ancestor that is not
    /// inline) also holds an image, video, audio or embedded frame: a caption's place.
    pub beside_media: bool,
    /// The ancestor elements, outermost first (`<html>` and `<body>` included), down to
    /// the element that holds the block's text.
    pub ancestors: Vec<Ancestor>,
}

impl Block {
    /// Code points of the text, spaces not counted.
    #[must_use]
    pub fn text_chars(&self) -> usize {
        self.text.chars().filter(|c| *c != ' ').count()
    }

    /// Share of the text (spaces not counted) inside links, 0.0 to 1.0.
    #[must_use]
    pub fn link_density(&self) -> f64 {
        ratio(self.link_chars, self.text_chars())
    }

    /// True when all the text is bold (`<b>`/`<strong>`): a sub-heading written as a
    /// bold paragraph.
    #[must_use]
    pub fn is_bold_only(&self) -> bool {
        self.bold_chars > 0 && self.bold_chars >= self.text_chars()
    }

    /// True when any ancestor has the word `token` among its class, id, role or
    /// itemprop words.
    #[must_use]
    pub fn has_token(&self, token: &str) -> bool {
        self.ancestors.iter().any(|a| a.tokens.iter().any(|t| t == token))
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// Elements whose content is never shown as text.
const SKIPPED: [&str; 17] = [
    "head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "button", "textarea", "video", "audio", "datalist",
];

/// Elements that flow inside a line; every other element ends the block before it.
const INLINE: [&str; 43] = [
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "label", "mark", "meter", "nobr", "output", "picture", "progress", "q",
    "rb", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u",
];

/// Class words that mean "not displayed" in common CSS frameworks (Bootstrap's
/// `hidden`, `d-none`, `sr-only`, `visually-hidden`; WordPress's `screen-reader-text`;
/// Drupal's `element-invisible`).
const HIDDEN_CLASSES: [&str; 10] = [
    "hidden",
    "d-none",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "element-invisible",
    "element-hidden",
    "invisible",
    "u-hidden",
];

/// True when the element is not displayed: `hidden`, `aria-hidden="true"`,
/// `display: none` or `visibility: hidden` in its `style`, a hiding class, or
/// `role="tooltip"`.
fn is_hidden(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    if element.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if element.attr("role").is_some_and(|v| v.trim().eq_ignore_ascii_case("tooltip")) {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    element.classes().any(|class| HIDDEN_CLASSES.iter().any(|h| class.eq_ignore_ascii_case(h)))
}

/// Words of the `class`, `id`, `role` and `itemprop` attributes.
fn tokens(element: &scraper::node::Element) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in ["class", "id", "role", "itemprop"] {
        if let Some(value) = element.attr(name) {
            for word in value.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                let word = word.to_lowercase();
                if !out.contains(&word) {
                    out.push(word);
                }
            }
        }
    }
    out
}

#[derive(Debug)]
struct Frame {
    id: u32,
    node: NodeId,
    tag: String,
    tokens: Vec<String>,
    role: String,
    itemprop: String,
    counts: bool,
}

#[derive(Debug)]
enum Piece {
    Text { text: String, range: Option<Range<usize>>, link: bool, bold: bool },
    Break,
}

/// Characters removed from block text (zero-width space, BOM, soft hyphen, LRM, RLM).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{200E}' | '\u{200F}')
}

/// Normalises text as a reader sees it (see [`Block::text`]).
#[must_use]
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Splits a parsed page into blocks.
pub(crate) fn blocks(html: &Html, source: &str) -> Vec<Block> {
    let mut walker = Walker {
        media: media_holders(html),
        locator: Locator::new(source),
        stack: Vec::new(),
        pieces: Vec::new(),
        blocks: Vec::new(),
        skip_depth: 0,
        next_id: 0,
        links: 0,
        bolds: 0,
    };
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => walker.open(node.id(), element),
                Node::Text(text) if walker.skip_depth == 0 => walker.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    walker.close(element);
                }
            }
        }
    }
    walker.flush();
    let mut blocks = walker.blocks;
    to_code_points(source, &mut blocks);
    blocks
}

/// Elements holding media: every element with an `img`, `picture`, `video`, `audio`,
/// `iframe`, `embed` or `object` among its descendants.
fn media_holders(html: &Html) -> HashSet<NodeId> {
    let mut holders = HashSet::new();
    for node in html.tree.root().descendants() {
        if let Node::Element(element) = node.value()
            && MEDIA.contains(&element.name())
        {
            for ancestor in node.ancestors() {
                if !holders.insert(ancestor.id()) {
                    break;
                }
            }
        }
    }
    holders
}

const MEDIA: [&str; 7] = ["img", "picture", "video", "audio", "iframe", "embed", "object"];

/// Spans were built as byte offsets; converts them to code points in one pass.
fn to_code_points(source: &str, blocks: &mut [Block]) {
    let mut offsets: Vec<usize> =
        blocks.iter().filter_map(|b| b.source_span).flat_map(|s| [s.start, s.end]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut map = Vec::with_capacity(offsets.len());
    let mut chars = 0;
    let mut last = 0;
    for &offset in &offsets {
        chars += source[last..offset].chars().count();
        last = offset;
        map.push(chars);
    }
    let find = |byte: usize| map[offsets.binary_search(&byte).expect("every offset was indexed")];
    for block in blocks {
        if let Some(span) = &mut block.source_span {
            *span = Span::new(find(span.start), find(span.end));
        }
    }
}

struct Walker<'a> {
    media: HashSet<NodeId>,
    locator: Locator<'a>,
    stack: Vec<Frame>,
    pieces: Vec<Piece>,
    blocks: Vec<Block>,
    /// Depth of skipped (hidden) elements open: their text is not read.
    skip_depth: usize,
    next_id: u32,
    /// Open `<a href>` and `<b>`/`<strong>` elements.
    links: usize,
    bolds: usize,
}

impl Walker<'_> {
    fn open(&mut self, node: NodeId, element: &scraper::node::Element) {
        let tag = element.name().to_ascii_lowercase();
        let id = self.next_id;
        self.next_id += 1;
        if self.skip_depth > 0 || SKIPPED.contains(&tag.as_str()) || is_hidden(element) {
            self.skip_depth += 1;
            return;
        }
        if tag == "br" {
            self.pieces.push(Piece::Break);
            return;
        }
        let inline = INLINE.contains(&tag.as_str());
        if !inline {
            self.flush();
        }
        if tag == "a" && element.attr("href").is_some() {
            self.links += 1;
        }
        if tag == "b" || tag == "strong" {
            self.bolds += 1;
        }
        let role = element.attr("role").unwrap_or_default().to_ascii_lowercase();
        let itemprop = element.attr("itemprop").unwrap_or_default().to_ascii_lowercase();
        let counts = (tag == "a" && element.attr("href").is_some()) || tag == "b" || tag == "strong";
        if !inline || tag != "br" {
            self.stack.push(Frame { id, node, tag, tokens: tokens(element), role, itemprop, counts });
        }
    }

    fn close(&mut self, element: &scraper::node::Element) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        let tag = element.name().to_ascii_lowercase();
        if tag == "br" {
            return;
        }
        if !INLINE.contains(&tag.as_str()) {
            self.flush();
        }
        if let Some(frame) = self.stack.pop()
            && frame.counts
        {
            if frame.tag == "a" {
                self.links = self.links.saturating_sub(1);
            } else {
                self.bolds = self.bolds.saturating_sub(1);
            }
        }
    }

    fn text(&mut self, text: &str) {
        let trimmed = text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
        let range = if trimmed.is_empty() { None } else { self.locator.locate(trimmed) };
        self.pieces.push(Piece::Text {
            text: text.to_owned(),
            range,
            link: self.links > 0,
            bold: self.bolds > 0,
        });
    }

    /// Ends the current block(s): the pieces gathered, cut at double `<br>`.
    fn flush(&mut self) {
        if self.pieces.is_empty() {
            return;
        }
        let pieces = std::mem::take(&mut self.pieces);
        let mut group: Vec<&Piece> = Vec::new();
        let mut breaks = 0;
        for piece in &pieces {
            match piece {
                Piece::Break => {
                    breaks += 1;
                    if breaks == 2 {
                        self.emit(&group);
                        group.clear();
                    }
                    group.push(piece);
                }
                Piece::Text { text, .. } => {
                    if !text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
                        breaks = 0;
                    }
                    group.push(piece);
                }
            }
        }
        self.emit(&group);
    }

    fn emit(&mut self, pieces: &[&Piece]) {
        let mut raw = String::new();
        let mut link_chars = 0;
        let mut bold_chars = 0;
        let mut start = None;
        let mut end = None;
        for piece in pieces {
            match piece {
                Piece::Break => raw.push(' '),
                Piece::Text { text, range, link, bold } => {
                    raw.push_str(text);
                    let visible = text.chars().filter(|c| !c.is_whitespace() && !is_invisible(*c)).count();
                    if *link {
                        link_chars += visible;
                    }
                    if *bold {
                        bold_chars += visible;
                    }
                    if let Some(range) = range {
                        start.get_or_insert(range.start);
                        end = Some(range.end);
                    }
                }
            }
        }
        let text = normalize(&raw);
        if text.is_empty() {
            return;
        }
        let source_span = start.zip(end).map(|(s, e)| Span::new(s, e));
        let (kind, landmarks) = self.context();
        let ancestors = self
            .stack
            .iter()
            .filter(|f| !INLINE.contains(&f.tag.as_str()))
            .map(|f| Ancestor { id: f.id, tag: f.tag.clone(), tokens: f.tokens.clone() })
            .collect();
        let beside_media = self
            .stack
            .iter()
            .rev()
            .find(|f| !INLINE.contains(&f.tag.as_str()))
            .is_some_and(|f| self.media.contains(&f.node));
        self.blocks.push(Block {
            text,
            kind,
            source_span,
            link_chars,
            bold_chars,
            landmarks,
            beside_media,
            ancestors,
        });
    }

    fn context(&self) -> (BlockKind, Landmarks) {
        let mut landmarks = Landmarks::default();
        let mut kind = None;
        let mut list_depth = 0u8;
        let mut ordered = None;
        for frame in self.stack.iter().rev() {
            let tag = frame.tag.as_str();
            let role = frame.role.as_str();
            if !landmarks.article {
                landmarks.nav |= tag == "nav" || role == "navigation";
                landmarks.header |= tag == "header" || role == "banner";
                landmarks.footer |= tag == "footer" || role == "contentinfo";
                landmarks.aside |= tag == "aside" || role == "complementary";
                landmarks.form |= tag == "form" || role == "search";
            }
            landmarks.figure |= tag == "figure";
            landmarks.article |=
                tag == "article" || tag == "main" || role == "main" || frame.itemprop == "articlebody";
            landmarks.table |= tag == "table";
            landmarks.blockquote |= tag == "blockquote";
            if tag == "li" {
                list_depth = list_depth.saturating_add(1);
            }
            if ordered.is_none() && (tag == "ol" || tag == "ul" || tag == "menu") {
                ordered = Some(tag == "ol");
            }
            if kind.is_none() {
                kind = match tag {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        Some(BlockKind::Heading { level: tag.as_bytes()[1] - b'0' })
                    }
                    "p" => Some(BlockKind::Paragraph),
                    "li" => Some(BlockKind::ListItem { depth: 0, ordered: false }),
                    "blockquote" => Some(BlockKind::Quote),
                    "td" => Some(BlockKind::TableCell { header: false }),
                    "th" => Some(BlockKind::TableCell { header: true }),
                    "dt" => Some(BlockKind::Term),
                    "dd" => Some(BlockKind::Definition),
                    "pre" => Some(BlockKind::Preformatted),
                    "figcaption" | "caption" => Some(BlockKind::Caption),
                    "address" => Some(BlockKind::Address),
                    _ => None,
                };
            }
        }
        let kind = match kind.unwrap_or(BlockKind::Loose) {
            BlockKind::ListItem { .. } => {
                BlockKind::ListItem { depth: list_depth.max(1), ordered: ordered.unwrap_or(false) }
            }
            BlockKind::Paragraph | BlockKind::Loose if landmarks.blockquote => BlockKind::Quote,
            other => other,
        };
        (kind, landmarks)
    }
}
