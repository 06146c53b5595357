//! The Markdown body: blocks to paragraphs, each with its exact span in the file.
//!
//! The body is parsed as CommonMark by [`pulldown_cmark`] (no extensions), whose offset
//! iterator gives the byte range of every event; ranges are turned into code-point
//! [`Span`]s of the whole file. The rules that turn blocks into paragraphs are listed in
//! the module documentation of [`crate::markdown`].

use crate::offsets::CodePoints;
use crate::{furniture, header, layouts::Layout};
#[cfg(test)]
use communique_model::Span;
use communique_model::{Note, Paragraph, ParagraphKind};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// Style flags of a run of text.
const STRONG: u8 = 1;
const UNDERLINE: u8 = 2;
const EMPHASIS: u8 = 4;

/// Longest text (in code points) a bold or underlined block may have to count as a heading.
const HEADING_MAX_CHARS: usize = 200;

/// What the body yields.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// Paragraphs with eIds `para_1`, `para_2`, … and spans into the whole file.
    pub paragraphs: Vec<Paragraph>,
    /// Places of a dateline line.
    pub places: Vec<String>,
    /// Lines set aside (end marks, dateline dates, image blocks).
    pub notes: Vec<Note>,
}

/// What the final passes know of the record beside the body.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Context<'c> {
    /// The title, to find it printed again as the body's first line.
    pub title: Option<&'c str>,
    /// The page layout chosen by evidence in the file, if any.
    pub layout: Option<&'c Layout>,
}

/// Parses the body `text[body_start..]`; spans count code points of the whole `text`.
pub(crate) fn parse(text: &str, body_start: usize, context: Context<'_>) -> Body {
    let body = &text[body_start..];
    let source = blank_nbsp_lines(body);
    let mut walker = Walker::new(&source);
    for (event, range) in Parser::new_ext(&source, Options::empty()).into_offset_iter() {
        walker.event(event, range);
    }
    walker.flush();
    let mut positions = CodePoints::new(text);
    finish(walker.out, body_start, text, &mut positions, context)
}

/// A copy of `body` in which every line holding only spaces, tabs and no-break spaces is
/// made blank: each U+00A0 (two bytes in UTF-8) becomes two ASCII spaces, so every byte
/// offset stays the same. Converters write an HTML `&nbsp;` paragraph as such a line
/// and mean it as a paragraph break; CommonMark would not see a blank line.
fn blank_nbsp_lines(body: &str) -> Cow<'_, str> {
    let mut out: Option<Vec<u8>> = None;
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.contains('\u{a0}') && content.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}')) {
            let buffer = out.get_or_insert_with(|| body.as_bytes().to_vec());
            for byte in &mut buffer[start..start + content.len()] {
                // U+00A0 is C2 A0; both bytes become spaces. Nothing else on the line is
                // outside ASCII, so the result stays UTF-8.
                if *byte >= 0x80 {
                    *byte = b' ';
                }
            }
        }
        start += line.len();
    }
    // Only no-break spaces were replaced, by ASCII, so the bytes stay UTF-8.
    match out.map(String::from_utf8) {
        Some(Ok(blanked)) => Cow::Owned(blanked),
        _ => Cow::Borrowed(body),
    }
}

/// Part of a block between hard line breaks.
#[derive(Debug, Default)]
struct Segment {
    raw: String,
    /// Style flags of byte ranges of `raw`.
    runs: Vec<(Range<usize>, u8)>,
    /// Source bytes covered by the segment's events.
    source: Option<Range<usize>>,
    /// An unpaired `**` came before any text (bold the converter failed to close).
    stray_open: bool,
    /// An unpaired `**` came after the last text.
    stray_close: bool,
}

impl Segment {
    fn cover(&mut self, range: &Range<usize>) {
        self.source = Some(match self.source.take() {
            None => range.clone(),
            Some(r) => r.start.min(range.start)..r.end.max(range.end),
        });
    }

    fn has_text(&self) -> bool {
        self.raw.chars().any(|c| !is_blank(c))
    }
}

/// Kind of a leaf block as Markdown gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Paragraph,
    Heading,
    Code,
    Html,
}

/// A leaf block being read.
#[derive(Debug)]
struct Block {
    kind: BlockKind,
    start: usize,
    segments: Vec<Segment>,
    /// End of the block's source (bytes), once its end event is seen.
    end: Option<usize>,
    /// The list item holding the block, if any: ordered?, printed number (first block
    /// only), list index.
    item: Option<(bool, Option<String>, usize)>,
    quote: bool,
}

/// A paragraph before the final passes (byte offsets into the body).
#[derive(Debug)]
struct Candidate {
    kind: ParagraphKind,
    number: Option<String>,
    text: String,
    source: Range<usize>,
    /// Every letter bold, italic or underlined (a standfirst when it opens the body).
    emphasised: bool,
    /// Not in a list, a heading or a quote.
    plain: bool,
}

#[derive(Debug)]
struct ListState {
    ordered: bool,
    /// The list follows a lead-in ("… the following:"), so its items are list items.
    led_in: bool,
}

#[derive(Debug)]
struct ItemState {
    start: usize,
    number: Option<String>,
    blocks: usize,
}

struct Walker<'s> {
    source: &'s str,
    lists: Vec<ListState>,
    items: Vec<ItemState>,
    quote: usize,
    strong: usize,
    emphasis: usize,
    underline: usize,
    spans: Vec<bool>,
    image: usize,
    block: Option<Block>,
    out: Vec<Candidate>,
    /// The event before was a soft line break.
    soft_break: bool,
}

impl<'s> Walker<'s> {
    fn new(source: &'s str) -> Self {
        Self {
            source,
            lists: Vec::new(),
            items: Vec::new(),
            quote: 0,
            strong: 0,
            emphasis: 0,
            underline: 0,
            spans: Vec::new(),
            image: 0,
            block: None,
            out: Vec::new(),
            soft_break: false,
        }
    }

    fn flags(&self) -> u8 {
        let mut flags = 0;
        if self.strong > 0 {
            flags |= STRONG;
        }
        if self.underline > 0 {
            flags |= UNDERLINE;
        }
        if self.emphasis > 0 {
            flags |= EMPHASIS;
        }
        flags
    }

    fn begin(&mut self, kind: BlockKind, start: usize) {
        self.flush();
        let item = self.items.last_mut().map(|item| {
            let first = item.blocks == 0;
            item.blocks += 1;
            (first, if first { item.number.clone() } else { None }, item.start)
        });
        let (start, item) = match item {
            Some((first, number, item_start)) => {
                let ordered = self.lists.last().is_some_and(|l| l.ordered);
                (if first { item_start } else { start }, Some((ordered, number, self.lists.len() - 1)))
            }
            None => (start, None),
        };
        self.block = Some(Block {
            kind,
            start,
            segments: vec![Segment::default()],
            end: None,
            item,
            quote: self.quote > 0,
        });
    }

    fn segment(&mut self, range: &Range<usize>) -> &mut Segment {
        if self.block.is_none() {
            // Text straight inside a tight list item.
            self.begin(BlockKind::Paragraph, range.start);
        }
        let block = self.block.as_mut().expect("a block was begun");
        let segment = block.segments.last_mut().expect("a block has a segment");
        segment.cover(range);
        segment
    }

    fn push(&mut self, text: &str, range: &Range<usize>) {
        let flags = self.flags();
        let segment = self.segment(range);
        let start = segment.raw.len();
        segment.raw.push_str(text);
        segment.runs.push((start..segment.raw.len(), flags));
        if text.chars().any(|c| !is_blank(c)) {
            segment.stray_close = false;
        }
    }

    fn hard_break(&mut self, range: &Range<usize>) {
        if let Some(block) = self.block.as_mut() {
            block.segments.push(Segment::default());
        } else {
            self.segment(range);
        }
    }

    /// Text of a `Text` event: an asterisk that is not escaped is an emphasis delimiter
    /// the converter left unpaired, never a printed asterisk (those are written `\*`).
    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.image > 0 {
            self.segment(&range);
            return;
        }
        if matches!(self.block.as_ref().map(|b| b.kind), Some(BlockKind::Code | BlockKind::Html)) {
            self.push(text, &range);
            return;
        }
        let escaped = range.start > 0 && self.source.as_bytes()[range.start - 1] == b'\\';
        if !text.contains('*') || (escaped && text == "*") {
            self.push(text, &range);
            return;
        }
        let mut kept = String::with_capacity(text.len());
        let mut stray = false;
        for (i, c) in text.char_indices() {
            if c == '*' && !(i == 0 && escaped) {
                stray = true;
                continue;
            }
            if stray {
                self.stray(&kept, &range);
                kept.clear();
                stray = false;
            }
            kept.push(c);
        }
        if !kept.is_empty() && !stray {
            self.push(&kept, &range);
        } else {
            self.stray(&kept, &range);
        }
    }

    /// Records `before` (text before a stray delimiter) and the stray delimiter itself.
    fn stray(&mut self, before: &str, range: &Range<usize>) {
        if !before.is_empty() {
            self.push(before, range);
        }
        let segment = self.segment(range);
        if segment.has_text() {
            segment.stray_close = true;
        } else {
            segment.stray_open = true;
        }
    }

    fn html(&mut self, html: &str, range: Range<usize>) {
        if self.block.as_ref().is_some_and(|b| b.kind == BlockKind::Html) {
            self.push(html, &range);
            return;
        }
        self.segment(&range);
        let tag = html.trim().trim_start_matches('<');
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match (name.as_str(), closing) {
            ("u" | "ins", false) => self.underline += 1,
            ("u" | "ins", true) => self.underline = self.underline.saturating_sub(1),
            ("span", false) => {
                let underline = tag.contains("underline");
                self.spans.push(underline);
                if underline {
                    self.underline += 1;
                }
            }
            ("span", true) if self.spans.pop() == Some(true) => {
                self.underline = self.underline.saturating_sub(1);
            }
            ("b" | "strong", false) => self.strong += 1,
            ("b" | "strong", true) => self.strong = self.strong.saturating_sub(1),
            ("i" | "em", false) => self.emphasis += 1,
            ("i" | "em", true) => self.emphasis = self.emphasis.saturating_sub(1),
            ("br", _) => self.hard_break(&range),
            _ => {}
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let soft_break = std::mem::take(&mut self.soft_break);
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => self.begin(BlockKind::Paragraph, range.start),
                Tag::Heading { .. } => self.begin(BlockKind::Heading, range.start),
                Tag::CodeBlock(_) => self.begin(BlockKind::Code, range.start),
                Tag::HtmlBlock => self.begin(BlockKind::Html, range.start),
                Tag::BlockQuote(_) => {
                    self.flush();
                    self.quote += 1;
                }
                Tag::List(first) => {
                    self.flush();
                    let led_in = self.out.last_mut().is_some_and(|last| {
                        let lead = last.text.ends_with(':');
                        if lead && last.plain && last.kind == ParagraphKind::Body {
                            last.kind = ParagraphKind::LeadIn;
                        }
                        lead && last.source.end <= range.start
                    });
                    self.lists.push(ListState { ordered: first.is_some(), led_in });
                }
                Tag::Item => {
                    self.flush();
                    let number = self.marker_number(range.start);
                    self.items.push(ItemState { start: range.start, number, blocks: 0 });
                }
                Tag::Strong => {
                    self.strong += 1;
                    self.segment(&(range.start..range.start + 1));
                }
                Tag::Emphasis => {
                    self.emphasis += 1;
                    self.segment(&(range.start..range.start + 1));
                }
                Tag::Image { .. } => {
                    self.segment(&(range.start..range.start + 1));
                    self.image += 1;
                }
                _ => {
                    if self.block.is_some() {
                        self.segment(&(range.start..range.start + 1));
                    }
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                    if let Some(block) = self.block.as_mut() {
                        block.end = Some(range.end);
                    }
                    self.flush();
                }
                TagEnd::BlockQuote(_) => {
                    self.flush();
                    self.quote = self.quote.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    self.flush();
                    self.lists.pop();
                }
                TagEnd::Item => {
                    self.flush();
                    self.items.pop();
                }
                TagEnd::Strong => {
                    self.strong = self.strong.saturating_sub(1);
                    self.cover_last_byte(&range);
                }
                TagEnd::Emphasis => {
                    self.emphasis = self.emphasis.saturating_sub(1);
                    self.cover_last_byte(&range);
                }
                TagEnd::Image => {
                    self.image = self.image.saturating_sub(1);
                    self.cover_last_byte(&range);
                }
                _ => self.cover_last_byte(&range),
            },
            Event::Text(text) => {
                // A line that opens with a bullet the converter left as text ("• Licensed
                // health professionals …") is an item of its own.
                if soft_break && text.starts_with(BULLETS) {
                    self.hard_break(&range);
                }
                self.text(&text, range);
            }
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push(&text, &range);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            Event::SoftBreak => {
                self.push(" ", &range);
                self.soft_break = true;
            }
            Event::HardBreak => self.hard_break(&range),
            Event::Rule | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    /// An inline container (emphasis, link, image) ends: its closing delimiter belongs to
    /// the segment being read. Only the last byte is taken, so a container that spans a
    /// hard break does not stretch an earlier segment over a later one.
    fn cover_last_byte(&mut self, range: &Range<usize>) {
        if self.block.is_some() && range.end > range.start {
            self.segment(&(range.end - 1..range.end));
        }
    }

    /// The number printed in a list item's marker (`12.` or `12)` gives `12`); `None` for
    /// a bullet.
    fn marker_number(&self, start: usize) -> Option<String> {
        let digits: String = self.source[start..].chars().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty()).then_some(digits)
    }

    /// Turns the block being read into candidates.
    fn flush(&mut self) {
        let Some(block) = self.block.take() else { return };
        let list = block.item.as_ref().map(|(_, _, index)| &self.lists[*index]);
        let led_in = list.is_some_and(|l| l.led_in);
        let covered = block.segments.iter().filter_map(|s| s.source.as_ref().map(|r| r.end)).max();
        let Some(end_of_block) = block.end.or(covered) else { return };

        if matches!(block.kind, BlockKind::Code | BlockKind::Html) {
            let raw: String = block.segments.iter().map(|s| s.raw.as_str()).collect::<Vec<_>>().join(" ");
            let raw = if block.kind == BlockKind::Html { strip_tags(&raw) } else { raw };
            let source = trim_source(self.source, block.start..end_of_block);
            let text = resolve(&raw);
            self.out.push(Candidate {
                kind: if block.quote { ParagraphKind::Quote } else { ParagraphKind::Body },
                number: None,
                text,
                source,
                emphasised: false,
                plain: block.item.is_none() && !block.quote,
            });
            return;
        }

        // Group the segments: a bold or underlined segment stands alone (a heading before
        // its text on the next line); a segment holding no text ends a paragraph; other
        // segments join with one space.
        let count = block.segments.len();
        let marked: Vec<bool> = (0..count)
            .map(|i| {
                let seg = &block.segments[i];
                let next_stray_only = block
                    .segments
                    .get(i + 1)
                    .is_some_and(|n| !n.has_text() && (n.stray_open || n.stray_close));
                let prefix = number_prefix(&seg.raw, &seg.runs).map_or(0, |(_, len)| len);
                is_marked(&seg.raw, &seg.runs, prefix, STRONG | UNDERLINE)
                    || (seg.has_text() && seg.stray_open && (seg.stray_close || next_stray_only))
            })
            .collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut open = false;
        for (i, seg) in block.segments.iter().enumerate() {
            if !seg.has_text() {
                open = false;
                continue;
            }
            if marked[i] || !open || seg.raw.trim_start_matches(is_blank).starts_with(BULLETS) {
                groups.push(vec![i]);
                open = !marked[i];
            } else {
                groups.last_mut().expect("an open group").push(i);
            }
        }
        let group_count = groups.len();
        for (g, group) in groups.into_iter().enumerate() {
            let mut raw = String::new();
            let mut runs = Vec::new();
            let mut source: Option<Range<usize>> = None;
            for &i in &group {
                let seg = &block.segments[i];
                if !raw.is_empty() {
                    raw.push(' ');
                }
                let shift = raw.len();
                runs.extend(seg.runs.iter().map(|(r, f)| (r.start + shift..r.end + shift, *f)));
                raw.push_str(&seg.raw);
                if let Some(r) = &seg.source {
                    source = Some(match source {
                        None => r.clone(),
                        Some(s) => s.start.min(r.start)..s.end.max(r.end),
                    });
                }
            }
            let Some(mut source) = source else { continue };
            if g == 0 {
                source.start = block.start.min(source.start);
            }
            if g + 1 == group_count {
                source.end = end_of_block.max(source.end);
            }
            let source = trim_source(self.source, source);
            let heading_like = marked[group[0]] && group.len() == 1;
            let first_in_item = g == 0 && block.item.as_ref().is_some_and(|(_, n, _)| n.is_some());
            let bullet = bullet_prefix(&raw);
            let (number, prefix) = if first_in_item {
                (block.item.as_ref().and_then(|(_, n, _)| n.clone()), 0)
            } else if bullet > 0 {
                (None, bullet)
            } else {
                number_prefix(&raw, &runs).map_or((None, 0), |(n, len)| (Some(n), len))
            };
            let text = resolve(&raw[prefix..]);
            let emphasised = is_marked(&raw, &runs, prefix, STRONG | UNDERLINE | EMPHASIS);
            let kind = if block.quote {
                ParagraphKind::Quote
            } else if block.kind == BlockKind::Heading {
                ParagraphKind::Heading
            } else if let Some((ordered, _, _)) = &block.item {
                if *ordered && !led_in { ParagraphKind::Body } else { ParagraphKind::ListItem }
            } else if bullet > 0 {
                ParagraphKind::ListItem
            } else if heading_like && text.chars().count() <= HEADING_MAX_CHARS && !text.ends_with(['.', ':'])
            {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            self.out.push(Candidate {
                kind,
                number,
                text,
                source,
                emphasised,
                plain: block.item.is_none() && !block.quote && block.kind == BlockKind::Paragraph,
            });
        }
    }
}

/// Furniture sentences at the end of `candidate` (the last sentences, all of them
/// furniture by [`furniture::classify`], after at least one that is not): the candidate
/// is cut before them, and the byte range they take in `source` (the body) is returned
/// with their class.
fn trailing_furniture(
    candidate: &mut Candidate,
    source: &str,
    layout: Option<&furniture::Rules>,
) -> Option<(Range<usize>, furniture::Furniture)> {
    // Furniture is short: only the last sentences, forty words at most, are tried, from
    // the last one back; the earliest start that is still furniture wins.
    if !candidate.text.contains(". ") && !candidate.text.contains("? ") && !candidate.text.contains("! ") {
        return None;
    }
    let sentences = crate::sentences::sentence_byte_ranges(&candidate.text);
    let mut best: Option<(usize, furniture::Furniture)> = None;
    for k in (1..sentences.len()).rev() {
        let rest = &candidate.text[sentences[k].start..];
        if rest.split_whitespace().nth(40).is_some() {
            break;
        }
        if let Some(found) = furniture::classify(rest, layout) {
            best = Some((k, found));
        }
    }
    let (k, found) = best?;
    let rest = &candidate.text[sentences[k].start..];
    // Where the furniture starts in the source: its first words, markup aside.
    let words: Vec<String> = rest.split_whitespace().take(3).map(regex::escape).collect();
    let pattern = regex::Regex::new(&words.join(r"\s+")).ok()?;
    let slice = &source[candidate.source.clone()];
    let start = pattern.find_iter(slice).last()?.start();
    let kept = slice[..start].trim_end_matches(is_blank).len();
    if kept == 0 {
        return None;
    }
    let cut = candidate.source.start + start..candidate.source.end;
    candidate.source.end = candidate.source.start + kept;
    candidate.text.truncate(sentences[k - 1].end);
    Some((cut, found))
}

/// Bullets a converter leaves as text at the start of a line.
const BULLETS: [char; 9] = ['•', '·', '▪', '◦', '●', '○', '■', '➢', '►'];

/// The byte length of a bullet printed as text before a paragraph's text, and the white
/// space after it; 0 when there is none.
fn bullet_prefix(raw: &str) -> usize {
    let lead = raw.len() - raw.trim_start_matches(is_blank).len();
    let rest = &raw[lead..];
    match rest.chars().next() {
        Some(c) if BULLETS.contains(&c) => {
            let after = &rest[c.len_utf8()..];
            let blank = after.len() - after.trim_start_matches(is_blank).len();
            if blank == 0 && !after.is_empty() { 0 } else { lead + c.len_utf8() + blank }
        }
        _ => 0,
    }
}

/// True when `c` is white space to a reader (including no-break spaces).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Format characters with no width that a converter leaves in text (word joiner,
/// zero-width space, byte-order mark, soft hyphen).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{2060}' | '\u{200B}' | '\u{FEFF}' | '\u{AD}')
}

/// True when every visible character of `raw[from..]` lies in a run with one of `flags`,
/// and there is at least one.
fn is_marked(raw: &str, runs: &[(Range<usize>, u8)], from: usize, flags: u8) -> bool {
    let mut any = false;
    for (range, run_flags) in runs {
        if range.end <= from {
            continue;
        }
        let start = range.start.max(from);
        if raw[start..range.end].chars().any(|c| !is_blank(c)) {
            if run_flags & flags == 0 {
                return false;
            }
            any = true;
        }
    }
    any
}

/// The number printed before a paragraph's text, and the byte length of the prefix it
/// takes (number, punctuation and the white space after it).
///
/// Recognised: `1.` / `1)` (one to three digits), `a.` / `a)` / `A.` (one letter), `IV.`
/// (upper-case Roman numerals), `(a)`, `(iv)`, `(12)`, each followed by white space; and a bare number of one to three
/// digits printed in bold and followed by white space (`**1** WE, …`).
fn number_prefix(raw: &str, runs: &[(Range<usize>, u8)]) -> Option<(String, usize)> {
    let lead = raw.len() - raw.trim_start_matches(is_blank).len();
    let rest = &raw[lead..];
    let followed_by_space = |len: usize| rest[len..].chars().next().is_some_and(is_blank);
    let take = |pred: fn(&char) -> bool| rest.chars().take_while(pred).map(char::len_utf8).sum::<usize>();
    let with_space = |len: usize| {
        let after = rest[len..].len() - rest[len..].trim_start_matches(is_blank).len();
        lead + len + after
    };

    let digits = take(char::is_ascii_digit);
    if (1..=3).contains(&digits) {
        if matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) && followed_by_space(digits + 1) {
            return Some((rest[..digits].to_owned(), with_space(digits + 1)));
        }
        let bold = runs.iter().any(|(r, f)| r.start <= lead && lead + digits <= r.end && f & STRONG != 0);
        if bold && followed_by_space(digits) && !rest[digits..].trim_start_matches(is_blank).is_empty() {
            return Some((rest[..digits].to_owned(), with_space(digits)));
        }
        return None;
    }
    let letter = rest.chars().next().filter(char::is_ascii_alphabetic).map(char::len_utf8).unwrap_or(0);
    if letter == 1 && matches!(rest.as_bytes().get(1), Some(b'.' | b')')) && followed_by_space(2) {
        return Some((rest[..1].to_owned(), with_space(2)));
    }
    let roman = take(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    if (1..=7).contains(&roman) && rest.as_bytes().get(roman) == Some(&b'.') && followed_by_space(roman + 1) {
        return Some((rest[..roman].to_owned(), with_space(roman + 1)));
    }
    if let Some(inner) = rest.strip_prefix('(') {
        let len = inner.find(')')?;
        let label = &inner[..len];
        let ok = (label.len() <= 3 && !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()))
            || (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()))
            || (!label.is_empty() && label.len() <= 7 && label.bytes().all(|b| b"ivxlc".contains(&b)));
        if ok && followed_by_space(len + 2) {
            return Some((label.to_owned(), with_space(len + 2)));
        }
    }
    None
}

/// Text as a reader sees it: no-break and other spaces become one space, runs of white
/// space become one space, invisible format characters go, both ends are trimmed.
pub(crate) fn resolve(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        // A run of visible ASCII characters is copied whole.
        let run = rest.bytes().take_while(|&b| b.is_ascii() && !char::from(b).is_whitespace()).count();
        if run > 0 {
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
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

/// Drops the tags of an HTML block and decodes the commonest character references.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    for c in html.chars() {
        match (in_tag, quote, c) {
            (false, _, '<') => in_tag = true,
            (false, _, c) => out.push(c),
            (true, None, '>') => {
                in_tag = false;
                out.push(' ');
            }
            (true, None, '"' | '\'') => quote = Some(c),
            (true, Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `range` of `source` without white space (no-break spaces included) at either end.
fn trim_source(source: &str, range: Range<usize>) -> Range<usize> {
    let slice = &source[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let end = range.end - (slice.len() - slice.trim_end_matches(is_blank).len());
    start..end.max(start)
}

/// True when `source` holds nothing but white space and HTML comments (`<!-- -->`, which
/// pandoc writes between two lists).
fn is_comment_only(source: &str) -> bool {
    let mut rest = source.trim();
    while let Some(after) = rest.strip_prefix("<!--") {
        let Some(end) = after.find("-->") else { return false };
        rest = after[end + 3..].trim();
    }
    rest.is_empty()
}

/// True when `text` is an end mark or separator (`###`, `# # #`, `***`, `---`).
fn is_end_mark(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '#' | '*' | '-' | '_' | '=' | '~' | ' '))
}

/// True for a line holding only a date (`June 24, 2024`), read by the date reader plain
/// text uses.
fn is_date_line(text: &str) -> bool {
    matches!(
        header::parse(text, crate::dates::NumericOrder::MonthFirst),
        Some(header::Meta::Date { kind: None, .. } | header::Meta::Retrieved(_))
    )
}

/// The first 80 characters of a text, for a note.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// The place of a dateline line (`Jeddah, Saudi Arabia`, `Leuven, Belgium`): two or three
/// comma-separated parts of at most four capitalised words each, no digit, no closing
/// punctuation, at most 60 code points. Kept whole, as printed.
fn dateline_place(text: &str) -> Option<String> {
    const SMALL: [&str; 8] = ["of", "and", "the", "de", "del", "la", "al", "upon"];
    if text.chars().count() > 60
        || text.chars().any(|c| c.is_ascii_digit())
        || text.ends_with(['.', ':', ';', '!', '?'])
    {
        return None;
    }
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let ok = parts.iter().all(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 4
            && words[0].chars().next().is_some_and(char::is_uppercase)
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || SMALL.contains(w))
    });
    ok.then(|| text.to_owned())
}

/// Final passes: drop what is not a paragraph, read the dateline, mark a standfirst as
/// preface, give eIds and code-point spans.
fn finish(
    candidates: Vec<Candidate>,
    body_start: usize,
    text: &str,
    positions: &mut CodePoints<'_>,
    context: Context<'_>,
) -> Body {
    let mut body = Body::default();
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let layout_rules = context.layout.map(|l| &l.furniture);
    let last = candidates.len().saturating_sub(3);
    for (index, mut candidate) in candidates.into_iter().enumerate() {
        // Furniture run on at the end of one of the last paragraphs ("… assessments. FOR
        // FURTHER INFORMATION MEDIA SHOULD CONTACT …") is cut off and set aside.
        if index >= last
            && candidate.kind != ParagraphKind::Quote
            && let Some((cut, found)) = trailing_furniture(&mut candidate, &text[body_start..], layout_rules)
        {
            let span = positions.span(body_start + cut.start..body_start + cut.end);
            body.notes.push(
                Note::new(found.code, format!("{} run on at the end of a paragraph set aside", found.what))
                    .with_source_span(span),
            );
        }
        let bytes = body_start + candidate.source.start..body_start + candidate.source.end;
        // A time line of a transcript ("3:46 P.M. EDT").
        if candidate.text.len() < 40 && header::is_time_line(&candidate.text) {
            let span = positions.span(bytes);
            body.notes.push(
                Note::new("metadata.time", format!("time line set aside: {}", candidate.text))
                    .with_source_span(span),
            );
            continue;
        }
        // The title printed again as the body's first line.
        if kept.is_empty()
            && let Some(title) = context.title
            && resolve(title).to_lowercase() == candidate.text.to_lowercase()
        {
            let span = positions.span(bytes);
            body.notes.push(
                Note::new(
                    "metadata.title_repeated",
                    format!("the title printed again set aside: {}", clip(&candidate.text)),
                )
                .with_source_span(span),
            );
            continue;
        }
        if candidate.text.is_empty() {
            if !is_comment_only(&text[bytes.clone()]) {
                let span = positions.span(bytes);
                body.notes.push(
                    Note::new(
                        "markdown.no_text",
                        "a block with no text (an image or HTML markup) was set aside",
                    )
                    .with_source_span(span),
                );
            }
            continue;
        }
        if is_end_mark(&candidate.text) {
            let span = positions.span(bytes);
            body.notes.push(
                Note::new("noise.end_mark", format!("end mark {:?} is not a paragraph", candidate.text))
                    .with_source_span(span),
            );
            continue;
        }
        // Page furniture, by the rules plain text follows (the FEMA contact line, a
        // briefing room's name, a "Begin text" marker).
        if candidate.kind != ParagraphKind::Quote
            && let Some(found) = furniture::classify(&candidate.text, layout_rules)
        {
            let span = positions.span(bytes);
            body.notes.push(
                Note::new(found.code, format!("{} set aside: {}", found.what, clip(&candidate.text)))
                    .with_source_span(span),
            );
            continue;
        }
        if kept.is_empty() && body.places.is_empty() && candidate.plain {
            if let Some(place) = dateline_place(&candidate.text) {
                body.places.push(place);
                continue;
            }
            if is_date_line(&candidate.text) {
                let span = positions.span(bytes);
                body.notes.push(
                    Note::new(
                        "dateline.date",
                        format!("dateline date {:?} is not a paragraph (the issue date comes from the front matter)", candidate.text),
                    )
                    .with_source_span(span),
                );
                continue;
            }
        }
        kept.push(candidate);
    }
    // Signature lines at the end ("Joseph R. Biden, Jr." / "Emmanuel Macron" / a date).
    let signed = {
        // Only the last few paragraphs can sign: their lines as a reader reads them.
        let tail = kept.len().saturating_sub(6);
        let lines: Vec<String> = kept[tail..]
            .iter()
            .map(|c| {
                let source = &text[body_start + c.source.start..body_start + c.source.end];
                source.lines().map(resolve).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
            })
            .collect();
        let plain_end = kept.iter().rev().take_while(|c| c.plain).count();
        let trailing = crate::signature::trailing(lines.iter().map(String::as_str));
        // A body of signatures alone keeps them.
        if trailing == lines.len() && tail == 0 { 0 } else { trailing.min(plain_end) }
    };
    for candidate in kept.drain(kept.len() - signed..) {
        let span = positions.span(body_start + candidate.source.start..body_start + candidate.source.end);
        body.notes.push(
            Note::new("metadata.signature", format!("signature set aside: {}", clip(&candidate.text)))
                .with_source_span(span),
        );
    }
    // A paragraph ending with ":" before bullets left as text leads in to them.
    for i in 0..kept.len().saturating_sub(1) {
        if kept[i].kind == ParagraphKind::Body
            && kept[i].text.ends_with(':')
            && kept[i + 1].kind == ParagraphKind::ListItem
        {
            kept[i].kind = ParagraphKind::LeadIn;
        }
    }
    // A standfirst: the paragraphs that open the body wholly in bold or italics (not
    // headings), when body text follows.
    let opening =
        kept.iter().take_while(|c| c.plain && c.emphasised && c.kind == ParagraphKind::Body).count();
    if opening < kept.len() {
        for candidate in &mut kept[..opening] {
            candidate.kind = ParagraphKind::Preface;
        }
    }
    // A paragraph ending with `:` before lettered or Roman-numbered paragraphs
    // ("… the following measures:" then "a. First, …") leads in to a list.
    let lettered = |c: &Candidate| {
        c.kind == ParagraphKind::Body
            && c.number.as_deref().is_some_and(|n| !n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut i = 0;
    while i + 1 < kept.len() {
        if kept[i].text.ends_with(':') && kept[i].kind == ParagraphKind::Body && lettered(&kept[i + 1]) {
            kept[i].kind = ParagraphKind::LeadIn;
            i += 1;
            while i < kept.len() && lettered(&kept[i]) {
                kept[i].kind = ParagraphKind::ListItem;
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    // A transcript's turns: each paragraph's speaker, a reporter's question.
    let mut turns = context.layout.and_then(|l| l.transcript.as_ref()).map(crate::transcript::Turns::new);
    body.paragraphs = kept
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let span = positions.span(body_start + c.source.start..body_start + c.source.end);
            let (mut kind, mut text, mut speaker) = (c.kind, c.text, None);
            if let Some(turns) = turns.as_mut() {
                let turn = turns.read(&text);
                if turn.label > 0 {
                    text = text[turn.label..].trim_start().to_owned();
                }
                if turn.question && kind != ParagraphKind::Heading {
                    kind = ParagraphKind::Question;
                }
                speaker = turn.speaker;
            }
            let mut paragraph = Paragraph::new(format!("para_{}", i + 1), kind, text).with_source_span(span);
            paragraph.number = c.number;
            paragraph.speaker = speaker;
            paragraph
        })
        .collect();
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(markdown: &str) -> Vec<(ParagraphKind, Option<String>, String)> {
        parse(markdown, 0, Context::default())
            .paragraphs
            .into_iter()
            .map(|p| (p.kind, p.number, p.text))
            .collect()
    }

    fn check(markdown: &str, expected: &[(ParagraphKind, Option<&str>, &str)]) {
        let got = paragraphs(markdown);
        let expected: Vec<_> =
            expected.iter().map(|(k, n, t)| (*k, n.map(str::to_owned), (*t).to_owned())).collect();
        assert_eq!(got, expected, "\n{markdown}");
        for p in parse(markdown, 0, Context::default()).paragraphs {
            assert!(p.source_span.unwrap().slice(markdown).is_some());
        }
    }

    use ParagraphKind::{Body as B, Heading as H, LeadIn as L, ListItem as I, Preface as P};

    #[test]
    fn joins_wrapped_lines_and_resolves_inline_markup() {
        check(
            "President Biden spoke today\nwith the *Secretary General*  of\u{a0}NATO.\n\nOn August 31<sup>st</sup> the\n<u>mission</u> ended \\_ \\*here\\*. COVID-\u{2060}19.\n",
            &[
                (B, None, "President Biden spoke today with the Secretary General of NATO."),
                (B, None, "On August 31st the mission ended _ *here*. COVID-19."),
            ],
        );
        check(
            "Write to [the desk](mailto:desk@example.org) or <https://example.org>.\n",
            &[(B, None, "Write to the desk or https://example.org.")],
        );
    }

    #[test]
    fn bold_and_underlined_lines_are_headings() {
        check(
            "**Energy Security**\n\nText.\n\n**<u>Strategic Partnership</u>**\n\n# A Heading\n\nII\\. *<u>Maximizing the Impact</u>*\n\n**A long bold sentence that ends with a full stop.**\n",
            &[
                (H, None, "Energy Security"),
                (B, None, "Text."),
                (H, None, "Strategic Partnership"),
                (H, None, "A Heading"),
                (H, Some("II"), "Maximizing the Impact"),
                (B, None, "A long bold sentence that ends with a full stop."),
            ],
        );
    }

    #[test]
    fn a_bold_line_before_a_hard_break_is_its_own_heading() {
        check(
            "Intro.\n\n**Combating COVID-19**  \nThe top priority\nis this.\n\n**Preamble  \n**  \nThe United States and\nthe EC.\n",
            &[
                (B, None, "Intro."),
                (H, None, "Combating COVID-19"),
                (B, None, "The top priority is this."),
                (H, None, "Preamble"),
                (B, None, "The United States and the EC."),
            ],
        );
    }

    #[test]
    fn lines_of_no_break_spaces_separate_paragraphs() {
        check(
            "Federal funding is available.  \n\u{a0}  \nRobert J. Fenton named.\n\u{a0}\nMore.\n",
            &[
                (B, None, "Federal funding is available."),
                (B, None, "Robert J. Fenton named."),
                (B, None, "More."),
            ],
        );
    }

    #[test]
    fn numbered_paragraphs_keep_their_number() {
        check(
            "1.  We have convened\n    today.\n2.  We reaffirm.\n\n1\\.  We, the governments.\n\n\\(ii\\)  the functions.\n\n**2** **APPRECIATING** the support;\n\na. First, we commit.\n\nA.\u{a0} Scientific cooperation\n",
            &[
                (B, Some("1"), "We have convened today."),
                (B, Some("2"), "We reaffirm."),
                (B, Some("1"), "We, the governments."),
                (B, Some("ii"), "the functions."),
                (B, Some("2"), "APPRECIATING the support;"),
                (B, Some("a"), "First, we commit."),
                (B, Some("A"), "Scientific cooperation"),
            ],
        );
    }

    #[test]
    fn lists_after_a_lead_in_are_list_items() {
        check(
            "We will:\n\n-   build roads;\n-   open ports:\n    -   in the north;\n\n1.  one\n2.  two\n\nThe areas:\n\n1. first\n",
            &[
                (L, None, "We will:"),
                (I, None, "build roads;"),
                (I, None, "open ports:"),
                (I, None, "in the north;"),
                (B, Some("1"), "one"),
                (B, Some("2"), "two"),
                (L, None, "The areas:"),
                (I, Some("1"), "first"),
            ],
        );
        check(
            "12. We commit to the following measures:\n\n    a. First, we will act.\n\n    b. Second, we will act.\n13. We continue.\n",
            &[
                (L, Some("12"), "We commit to the following measures:"),
                (I, Some("a"), "First, we will act."),
                (I, Some("b"), "Second, we will act."),
                (B, Some("13"), "We continue."),
            ],
        );
    }

    #[test]
    fn datelines_end_marks_and_standfirsts_are_not_paragraphs() {
        let body = parse(
            "**Jeddah, Saudi Arabia**\n\n*A standfirst in italics.*\n\nText.\n\n\\###\n",
            0,
            Context::default(),
        );
        assert_eq!(body.places, ["Jeddah, Saudi Arabia"]);
        let kinds: Vec<_> = body.paragraphs.iter().map(|p| (p.kind, p.text.as_str())).collect();
        assert_eq!(kinds, [(P, "A standfirst in italics."), (B, "Text.")]);
        assert_eq!(body.notes.len(), 1);
        assert_eq!(body.notes[0].code, "noise.end_mark");
        let body = parse("June 24, 2024  \n\nPresidential Determination\n", 0, Context::default());
        assert!(body.places.is_empty());
        assert_eq!(body.notes[0].code, "dateline.date");
        assert_eq!(body.paragraphs.len(), 1);
    }

    #[test]
    fn spans_cover_markers_and_markup_in_code_points() {
        let text = "---\nt: é\n---\n**Héading**\n\n1.  Numbered\n    line.\n";
        let body = parse(text, 14, Context::default());
        let slices: Vec<_> =
            body.paragraphs.iter().map(|p| p.source_span.unwrap().slice(text).unwrap()).collect();
        assert_eq!(slices, ["**Héading**", "1.  Numbered\n    line."]);
        assert_eq!(body.paragraphs[0].source_span, Some(Span::new(13, 24)));
    }
}
