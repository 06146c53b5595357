//! Stage 3: block classes. Each block is page furniture, a metadata line, or text; the
//! text blocks are then graded, and the statement's body is found among them.
//!
//! 1. **Element context first** (for an HTML page: a block in `<nav>`, `<footer>`,
//!    `<aside>`, a caption, a block of links or outside the main content, as
//!    `communique_html::extract` decides), then **phrase lists**: the layout's furniture, the language files' furniture and
//!    the shape rules of [`crate::furniture`]; then the metadata reader
//!    ([`crate::header::parse`]).
//! 2. **Features** of every other block, in the manner of jusText (Pomikálek 2011,
//!    *Removing Boilerplate and Duplicate Content from Web Corpora*, ch. 3): a block is
//!    *short* under 70 code points; *good* when it is at least 100 code points of prose
//!    (a sentence ending, and at least a quarter of its words stop words of the
//!    document's language); *near-good* when it ends a sentence with a sixth of its words
//!    stop words, or runs to 200 code points with a quarter; *bad* otherwise, and always
//!    when it holds a copyright sign or is mostly a telephone number, an e-mail or web
//!    address, or is a line of capitalised words. For a language without a file, the share
//!    of capitalised words stands in for the stop words.
//! 3. **Context**: a near-good block becomes good when the nearest block on either side
//!    that is neither short nor near-good is good, and bad otherwise; a short block takes
//!    the class its neighbours share, and when they differ it is good only if it reads as
//!    a sentence. Metadata lines are passed over (a dateline between a lead and the text
//!    does not cut the body); furniture counts as bad; the ends of the page count as bad.
//! 4. **The body** runs from the first good block to the last, and stops at furniture
//!    that ends a page ("Related posts", "Post a Comment"). When no block is good (a
//!    statement of two short paragraphs), near-good blocks count as good; when none is
//!    either, the body runs from the first to the last block that reads as a sentence.
//!
//! Every block set aside is given its reason here or in stage 4, and becomes a note.

use super::blocks::Block;
use crate::dates::NumericOrder;
use crate::furniture::{self, Furniture};
use crate::header::{self, Meta};
use crate::languages::Language;
use crate::layouts::Layout;
use std::ops::Range;

/// Blocks shorter than this (code points) are short.
const SHORT: usize = 70;
/// Good blocks are at least this long (code points).
const GOOD_LENGTH: usize = 100;
/// Near-good blocks without a sentence ending are at least this long.
const LONG: usize = 200;
/// Shares of stop words for good and near-good blocks.
const STOP_GOOD: f64 = 0.25;
const STOP_NEAR: f64 = 1.0 / 6.0;

/// The grade of a text block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quality {
    /// Prose: part of the statement.
    Good,
    /// Prose-like, decided by its neighbours.
    NearGood,
    /// Too short to judge alone, decided by its neighbours.
    Short,
    /// Boilerplate.
    Bad,
}

/// What a block is, after stage 3.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Class {
    /// Page furniture found by a rule.
    Furniture(Furniture),
    /// A metadata line.
    Meta(Meta),
    /// Text, graded: (grade from its features alone, grade in context).
    Text { alone: Quality, context: Quality },
}

/// The outcome of stage 3.
#[derive(Debug)]
pub(crate) struct Classes {
    /// One class per block.
    pub classes: Vec<Class>,
    /// Blocks of the body (indices), from the first good block to the last.
    pub body: Range<usize>,
    /// Furniture that ended the page, if any.
    pub ended_by: Option<usize>,
}

impl Classes {
    /// Whether block `i` is text (of any grade).
    pub(crate) fn is_text(&self, i: usize) -> bool {
        matches!(self.classes[i], Class::Text { .. })
    }
}

/// Classifies `blocks` of a text in `language` (its file, when there is one).
pub(crate) fn run(
    blocks: &[Block<'_>],
    language: Option<&Language>,
    order: NumericOrder,
    layout: Option<&Layout>,
    markup: Option<&super::Markup>,
) -> Classes {
    let layout_rules = layout.map(|l| &l.furniture);
    let first_content = markup.and_then(|m| m.content.iter().position(|&c| c));
    let mut classes: Vec<Class> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            // What the element context of a page decided comes first.
            if let Some(found) = markup.and_then(|m| m.furniture.get(i).copied().flatten()) {
                // Between the title and the main content a page prints its dateline
                // ("March 1, 2013", "20:30") even where its markup makes furniture of
                // it (outside the main container, in a <header>): read as metadata.
                if markup.is_some_and(|m| m.below_title.contains(&i))
                    && let Some(meta) = metadata(block, order)
                {
                    return Class::Meta(meta);
                }
                return Class::Furniture(found);
            }
            if let Some(found) = furniture::phrase(&block.text, layout_rules) {
                return Class::Furniture(found);
            }
            // Inside a page's main content, after its first block, an element is text
            // unless it repeats the page's date: a date heading of a diary or a list of
            // dated links is no header field, a section break ("* * *") or an address the
            // text introduces no furniture (the markup, which plain text lacks, decided).
            let in_content = markup.is_some_and(|m| m.content.get(i).copied().unwrap_or(false))
                && first_content.is_some_and(|first| first < i);
            if let Some(meta) = metadata(block, order) {
                let page_date = markup.and_then(|m| m.issued);
                let dateline = match meta {
                    Meta::TimeOfDay => true,
                    _ => crate::dates::find_date(&block.text, order).map(|d| d.date) == page_date,
                };
                if !in_content || dateline {
                    return Class::Meta(meta);
                }
            }
            if let Some(found) = furniture::shape(&block.text)
                && !(in_content
                    && matches!(found.code, "noise.separator" | "noise.link" | "noise.navigation"))
            {
                return Class::Furniture(found);
            }
            let alone = grade(block, language);
            Class::Text { alone, context: alone }
        })
        .collect();
    // A date label and its date on two lines ("Published" / "14 September 2024") are
    // read as one line.
    for i in 0..blocks.len().saturating_sub(1) {
        if matches!(classes[i], Class::Text { .. }) && header::is_date_label(&blocks[i].text) {
            let joined = format!("{} {}", blocks[i].text.trim().trim_end_matches(':'), blocks[i + 1].text);
            if let Some(meta) = header::parse(&joined, order)
                && !matches!(meta, Meta::Dateline { .. })
            {
                classes[i] = Class::Meta(Meta::Separator);
                classes[i + 1] = Class::Meta(meta);
            }
        }
    }
    smooth(&mut classes, blocks, false);
    if !classes.iter().any(|c| matches!(c, Class::Text { context: Quality::Good, .. })) {
        // A short statement: near-good blocks stand for good ones.
        smooth(&mut classes, blocks, true);
    }
    // A page's main content, as its element context and the extractor's own jusText
    // grading found it, is good text wherever the rules above left it text.
    if let Some(markup) = markup {
        for (class, _) in classes.iter_mut().zip(&markup.content).filter(|(_, content)| **content) {
            if let Class::Text { context, .. } = class {
                *context = Quality::Good;
            }
        }
    }
    let mut body = densest_run(&classes).unwrap_or_else(|| fallback_body(&classes, blocks));
    // After the last good block, text that reads as a sentence and list items go on
    // the body (the end of a list, "Thank you for your attention."), up to the first
    // block that is neither.
    while body.end < blocks.len()
        && matches!(classes[body.end], Class::Text { .. })
        && (reads_as_sentence(&blocks[body.end]) || blocks[body.end].features.marker)
    {
        body.end += 1;
    }
    // Furniture that ends a page ends the body, unless the body goes on right after it:
    // a box ("See also" and a link or two) inside the text, set aside whole.
    let mut ended_by = None;
    let mut i = body.start;
    while i < body.end.min(blocks.len()) {
        if let Class::Furniture(f) = classes[i]
            && f.ends_page
        {
            let good = |j: &usize| matches!(classes[*j], Class::Text { context: Quality::Good, .. });
            let next_good = (i + 1..body.end).find(good);
            let goods_after = (i + 1..body.end).filter(good).count();
            match next_good {
                Some(g) if g - i <= 4 && goods_after >= 2 => {
                    let boxed = Furniture { ends_page: false, ..f };
                    for class in &mut classes[i..g] {
                        *class = Class::Furniture(boxed);
                    }
                    i = g;
                    continue;
                }
                _ => {
                    ended_by = Some(i);
                    body.end = i;
                    break;
                }
            }
        }
        i += 1;
    }
    if ended_by.is_none() {
        ended_by =
            (body.end..blocks.len()).find(|&i| matches!(classes[i], Class::Furniture(f) if f.ends_page));
    }
    Classes { classes, body, ended_by }
}

/// The metadata a block is, if any. A dateline followed by the statement's first
/// sentence on the same line ("BERN, 17 December 1996 - The Chairman …") is text that
/// opens the body, and is read as metadata again in stage 4; one followed by a headline
/// ("Bern, 17.08.2007 - Rede von …, Basel, 18. August 2007") is metadata.
fn metadata(block: &Block<'_>, order: NumericOrder) -> Option<Meta> {
    if block.text.len() > 400 {
        return None;
    }
    let meta = header::parse(&block.text, order)?;
    if let Meta::Dateline { rest: Some(rest), .. } = &meta {
        let after = &block.text[*rest..];
        let prose = super::blocks::ends_sentence(after)
            || after.ends_with(':')
            || after.split_whitespace().count() > 20;
        if prose {
            return None;
        }
    }
    Some(meta)
}

/// Good blocks separated by more than this many blocks that are not good (metadata
/// lines not counted) belong to different runs.
const GAP: usize = 6;

/// The body: from the first good block to the last, unless more than [`GAP`] blocks that
/// are not good separate them somewhere (a good sentence in a menu, far from the
/// statement); then the run with the most good blocks (the first of equals).
fn densest_run(classes: &[Class]) -> Option<Range<usize>> {
    let good = |c: &Class| matches!(c, Class::Text { context: Quality::Good, .. });
    let mut runs: Vec<(Range<usize>, usize)> = Vec::new();
    let mut gap = 0;
    for (i, class) in classes.iter().enumerate() {
        if good(class) {
            match runs.last_mut() {
                Some((range, weight)) if gap <= GAP => {
                    range.end = i + 1;
                    *weight += 1;
                }
                _ => runs.push((i..i + 1, 1)),
            }
            gap = 0;
        } else if !matches!(class, Class::Meta(_)) {
            gap += 1;
        }
    }
    runs.into_iter()
        .max_by_key(|(range, weight)| (*weight, std::cmp::Reverse(range.start)))
        .map(|(range, _)| range)
}

/// The body of a page on which no block is good: the run of blocks that end sentences
/// (metadata lines between them passed over) holding the most text; failing that, every
/// text block.
fn fallback_body(classes: &[Class], blocks: &[Block<'_>]) -> Range<usize> {
    let sentence = |i: usize| {
        matches!(classes[i], Class::Text { .. })
            && blocks[i].features.sentence_end
            && blocks[i].features.words >= 2
            && blocks[i].features.capitalised < blocks[i].features.words
    };
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut i = 0;
    while i < blocks.len() {
        if !sentence(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut chars = blocks[i].features.chars;
        let mut j = i + 1;
        while j < blocks.len() && (sentence(j) || matches!(classes[j], Class::Meta(_))) {
            if sentence(j) {
                chars += blocks[j].features.chars;
                end = j + 1;
            }
            j += 1;
        }
        if best.as_ref().is_none_or(|(c, _)| chars > *c) {
            best = Some((chars, start..end));
        }
        i = j.max(i + 1);
    }
    if let Some((_, range)) = best {
        return range;
    }
    let text = |i: &usize| matches!(classes[*i], Class::Text { .. });
    match ((0..blocks.len()).find(text), (0..blocks.len()).rev().find(text)) {
        (Some(first), Some(last)) => first..last + 1,
        _ => 0..0,
    }
}

/// Whether a block reads as a sentence: it ends one (or leads into a list with a
/// colon), holds three words or more, and not every word is capitalised.
pub(crate) fn reads_as_sentence(block: &Block<'_>) -> bool {
    let f = &block.features;
    (f.sentence_end || block.text.ends_with(':')) && f.words >= 2 && f.capitalised < f.words
}

/// Share of the words of `text` that are stop words of `language`.
fn stop_share(text: &str, language: &Language) -> f64 {
    let mut words = 0usize;
    let mut stops = 0usize;
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if !word.is_empty() {
            words += 1;
            if language.stop_words.contains(word.as_str()) {
                stops += 1;
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !word.is_empty() {
            // "d’" and "l’" in French are stop words of their own.
            flush(&mut word);
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
    stops as f64 / words.max(1) as f64
}

/// The grade of a block from its own features.
fn grade(block: &Block<'_>, language: Option<&Language>) -> Quality {
    let f = &block.features;
    if f.copyright {
        return Quality::Bad;
    }
    if (f.email || f.url || f.phone) && f.words < 25 && !f.sentence_end {
        return Quality::Bad;
    }
    if f.chars < SHORT {
        return Quality::Short;
    }
    // List items end with ";" or ","; a lead-in with ":".
    let sentence = f.sentence_end
        || f.terminators >= 2
        || (block.text.ends_with([';', ',']) && f.words >= 4)
        || (block.text.ends_with(':') && f.words >= 6);
    match language.filter(|l| !l.stop_words.is_empty()) {
        Some(language) => {
            let stops = stop_share(&block.text, language);
            if sentence && f.chars >= GOOD_LENGTH && stops >= STOP_GOOD {
                Quality::Good
            } else if (sentence && stops >= STOP_NEAR) || (f.chars >= LONG && stops >= STOP_GOOD) {
                Quality::NearGood
            } else {
                Quality::Bad
            }
        }
        None => {
            let capitals = f.capitalised_share();
            if sentence && f.chars >= GOOD_LENGTH && capitals < 0.5 {
                Quality::Good
            } else if sentence && capitals < 0.7 {
                Quality::NearGood
            } else {
                Quality::Bad
            }
        }
    }
}

/// For each block, the grade of the nearest block before it and after it that is
/// graded and not of a grade in `skip` (`Bad` at the ends of the page): two passes, so
/// the pass stays linear on a page of a thousand menu lines.
fn neighbours(grades: &[Option<Quality>], skip: &[Quality]) -> (Vec<Quality>, Vec<Quality>) {
    let decides = |g: &Option<Quality>| g.filter(|q| !skip.contains(q));
    let mut before = Vec::with_capacity(grades.len());
    let mut last = Quality::Bad;
    for grade in grades {
        before.push(last);
        if let Some(q) = decides(grade) {
            last = q;
        }
    }
    let mut after = vec![Quality::Bad; grades.len()];
    let mut last = Quality::Bad;
    for (i, grade) in grades.iter().enumerate().rev() {
        after[i] = last;
        if let Some(q) = decides(grade) {
            last = q;
        }
    }
    (before, after)
}

/// The context pass (see the module documentation). With `near_is_good`, near-good
/// blocks count as good from the start.
fn smooth(classes: &mut [Class], blocks: &[Block<'_>], near_is_good: bool) {
    let n = classes.len();
    // What a neighbour is, for the context: Some(good?) for a block that decides, None
    // for one passed over.
    let initial: Vec<Option<Quality>> = classes
        .iter()
        .map(|c| match c {
            Class::Meta(_) => None,
            Class::Furniture(_) => Some(Quality::Bad),
            Class::Text { alone: Quality::NearGood, .. } if near_is_good => Some(Quality::Good),
            Class::Text { alone, .. } => Some(*alone),
        })
        .collect();
    // Near-good blocks, by their nearest decided neighbours.
    let skip_near = [Quality::Short, Quality::NearGood];
    let (before, after) = neighbours(&initial, &skip_near);
    let mut grades = initial.clone();
    for i in 0..n {
        if initial[i] == Some(Quality::NearGood) {
            let good = before[i] == Quality::Good || after[i] == Quality::Good;
            grades[i] = Some(if good { Quality::Good } else { Quality::Bad });
        }
    }
    // Short blocks, by theirs.
    let decided = grades.clone();
    let (before, after) = neighbours(&decided, &[Quality::Short]);
    for i in 0..n {
        if decided[i] == Some(Quality::Short) {
            grades[i] = Some(if before[i] == after[i] {
                before[i]
            } else if reads_as_sentence(&blocks[i]) {
                Quality::Good
            } else {
                Quality::Bad
            });
        }
    }
    for (class, grade) in classes.iter_mut().zip(grades) {
        if let (Class::Text { context, .. }, Some(grade)) = (class, grade) {
            *context = grade;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain::{blocks, lines};

    /// The body of `text` (English) as the lines it holds, and the grade of every block.
    fn body_of(text: &str) -> (Vec<String>, Vec<String>) {
        let lines = lines::split(text);
        let blocks = blocks::build(text, &lines);
        let classes = run(&blocks, crate::languages::get("en"), NumericOrder::MonthFirst, None, None);
        let body = classes.body.clone().map(|i| blocks[i].text.to_string()).collect();
        let grades = classes
            .classes
            .iter()
            .map(|c| match c {
                Class::Furniture(f) => f.code.to_owned(),
                Class::Meta(_) => "meta".to_owned(),
                Class::Text { alone, context } => format!("{alone:?}>{context:?}"),
            })
            .collect();
        (body, grades)
    }

    #[test]
    fn finds_the_body_among_unknown_furniture() {
        let text = "Diplomacy Desk\n\nStatements as they are published\n\nJoint Statement on the Ceasefire\n\nWe welcome the ceasefire agreed in Luanda on 8 March and commend the mediation of the African Union and of Angola.\n\nIn brief\n\nWe call on all armed groups to respect the ceasefire, to withdraw from the areas they have seized and to allow people to return.\n\nThank you.\n\nAbout the editors\n\nContact the desk\n\nArchive of 2025\n";
        let (body, grades) = body_of(text);
        assert_eq!(
            body,
            [
                "We welcome the ceasefire agreed in Luanda on 8 March and commend the mediation of the African Union and of Angola.",
                "In brief",
                "We call on all armed groups to respect the ceasefire, to withdraw from the areas they have seized and to allow people to return.",
                "Thank you."
            ],
            "{grades:?}"
        );
        // The unknown furniture after the body is bad in context, "Thank you." good.
        assert_eq!(grades[6], "Short>Good");
        assert_eq!(grades[7], "Short>Bad");
    }

    #[test]
    fn a_dateline_between_a_lead_and_the_text_does_not_cut_the_body() {
        let text = "Telephone conversation with the President of France\n\nThe President had a telephone conversation with the President of France at the French side's initiative.\n\nNovember 18, 2019\n\n16:55\n\nThe discussion focused on developments in Ukraine, considering the preparations for the summit to take place in Paris on December 9.\n\nGeography\n";
        let (body, grades) = body_of(text);
        assert_eq!(body.len(), 4, "{grades:?}");
        assert!(body[0].starts_with("The President had"));
    }

    #[test]
    fn a_short_statement_has_a_body() {
        let (body, _) = body_of("Statement\n\nWe welcome the ceasefire agreed yesterday.\n");
        assert_eq!(body, ["We welcome the ceasefire agreed yesterday."]);
        let (body, _) = body_of(
            "I am concerned about the developments in Ukraine and the reports of deaths in Kyiv.\n\nI condemn the use of violence. Violence can never be the answer.\n",
        );
        assert_eq!(body.len(), 2);
    }

    #[test]
    fn furniture_that_ends_a_page_ends_the_body() {
        let text = "We urge all parties to exercise restraint and to return to the negotiating table without delay and in good faith.\n\nRelated posts\n\nWe urge all parties to read this other post, which was published on the same day and says much the same.\n";
        let (body, _) = body_of(text);
        assert_eq!(body.len(), 1);
    }
}
