//! Which commitments are marked inline on their quotes, and which are written stand-off.

use communique_model::{CodePointIndex, Span, Statement};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// Where the commitments of one statement are written.
///
/// A commitment is marked inline when all of these hold, taking commitments in record
/// order:
///
/// 1. no other commitment of the statement has its id (the reader finds an inline mark
///    by its id);
/// 2. a paragraph has the id the commitment names (the first such paragraph is used);
/// 3. its span lies on that paragraph's text and selects exactly its quote;
/// 4. its span does not overlap the span of a commitment already marked in that
///    paragraph (marks cannot cross in XML); an empty span touching another mark's end
///    does not overlap it.
///
/// Every other commitment is written stand-off. Valid records whose commitments are
/// disjoint sentences or list items are marked inline throughout.
///
/// Time is O(n log n) in the number of commitments and linear in the paragraphs' text:
/// paragraphs are found by id in a hash map, and each paragraph's marks are kept ordered
/// by (start, end), where their ends are ordered too (marks do not overlap), so one look
/// at the last mark starting before a span's end tells whether the span overlaps a mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placement {
    /// Per commitment: marked inline.
    inline: Vec<bool>,
    /// Per paragraph: its marks in document order (by start, then end, then record
    /// order), as the commitment's index and the byte range of its quote in the text.
    marks: Vec<Vec<(usize, Range<usize>)>>,
}

impl Placement {
    pub(crate) fn of(statement: &Statement) -> Self {
        let commitments = &statement.commitments;
        let mut ids: HashMap<&str, usize> = HashMap::with_capacity(commitments.len());
        for c in commitments {
            *ids.entry(c.id.as_str()).or_default() += 1;
        }
        let mut paragraphs: HashMap<&str, usize> = HashMap::with_capacity(statement.paragraphs.len());
        for (p, paragraph) in statement.paragraphs.iter().enumerate() {
            paragraphs.entry(paragraph.id.as_str()).or_insert(p);
        }
        let mut indices: Vec<Option<CodePointIndex<'_>>> =
            statement.paragraphs.iter().map(|_| None).collect();
        let mut marks: Vec<Vec<(usize, Range<usize>, Span)>> = vec![Vec::new(); statement.paragraphs.len()];
        let mut taken: Vec<BTreeSet<(usize, usize)>> = vec![BTreeSet::new(); statement.paragraphs.len()];
        let mut inline = vec![false; commitments.len()];
        for (i, c) in commitments.iter().enumerate() {
            if ids[c.id.as_str()] > 1 {
                continue;
            }
            let Some(&p) = paragraphs.get(c.paragraph.as_str()) else { continue };
            let index = indices[p].get_or_insert_with(|| CodePointIndex::new(&statement.paragraphs[p].text));
            let Some(bytes) = index.byte_range(c.span) else { continue };
            if index.slice(c.span) != Some(c.quote.as_str()) {
                continue;
            }
            // Two spans overlap when each starts before the other ends (an empty span
            // touching a mark's end does not). Of the marks starting before this span's
            // end, the last in (start, end) order has the greatest end.
            let (start, end) = (c.span.start, c.span.end);
            if taken[p].range(..(end, 0)).next_back().is_some_and(|&(_, e)| e > start) {
                continue;
            }
            taken[p].insert((start, end));
            marks[p].push((i, bytes, c.span));
            inline[i] = true;
        }
        let marks = marks
            .into_iter()
            .map(|mut marks| {
                marks.sort_by_key(|(i, _, span)| (span.start, span.end, *i));
                marks.into_iter().map(|(i, bytes, _)| (i, bytes)).collect()
            })
            .collect();
        Self { inline, marks }
    }

    /// True when commitment `commitment` is marked inline.
    pub(crate) fn is_inline(&self, commitment: usize) -> bool {
        self.inline[commitment]
    }

    /// The marks in paragraph `paragraph`: commitment index and byte range of the quote,
    /// in document order.
    pub(crate) fn marks(&self, paragraph: usize) -> &[(usize, Range<usize>)] {
        &self.marks[paragraph]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_model::{Commitment, CommitmentKind, Method, Paragraph, ParagraphKind};

    fn commitment(id: &str, paragraph: &str, start: usize, end: usize, quote: &str) -> Commitment {
        Commitment::new(
            id,
            paragraph,
            Span::new(start, end),
            quote,
            CommitmentKind::Pledge,
            Method::rule("r"),
        )
    }

    /// The rule of [`Placement`] as written, comparing each span with every mark taken.
    fn inline_by_the_rule(spans: &[(usize, usize)]) -> Vec<bool> {
        let mut taken: Vec<(usize, usize)> = Vec::new();
        spans
            .iter()
            .map(|&(s, e)| {
                let free = taken.iter().all(|&(ms, me)| e <= ms || me <= s);
                if free {
                    taken.push((s, e));
                }
                free
            })
            .collect()
    }

    #[test]
    fn overlaps_are_found_as_the_rule_says_for_every_order_of_small_spans() {
        // Every span of "abcde" (empty ones too), in many orders, two paragraphs with the
        // same id (the first is used): the placement agrees with the rule compared pair
        // by pair.
        let text = "abcde";
        let spans: Vec<(usize, usize)> = (0..=5).flat_map(|s| (s..=5).map(move |e| (s, e))).collect();
        let mut seed = 7_u64;
        for _ in 0..300 {
            let mut order = spans.clone();
            for i in (1..order.len()).rev() {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let statement = Statement {
                paragraphs: vec![
                    Paragraph::new("para_1", ParagraphKind::Body, text),
                    Paragraph::new("para_1", ParagraphKind::Body, "zzzzz"),
                ],
                commitments: order
                    .iter()
                    .enumerate()
                    .map(|(i, &(s, e))| commitment(&format!("c{i}"), "para_1", s, e, &text[s..e]))
                    .collect(),
                ..Statement::default()
            };
            let placement = Placement::of(&statement);
            let got: Vec<bool> = (0..order.len()).map(|i| placement.is_inline(i)).collect();
            assert_eq!(got, inline_by_the_rule(&order), "order {order:?}");
        }
    }

    #[test]
    fn disjoint_commitments_are_inline_the_rest_stand_off() {
        let statement = Statement {
            paragraphs: vec![
                Paragraph::new("para_1", ParagraphKind::Body, "We will. We shall."),
                Paragraph::new("para_2", ParagraphKind::Body, "Ёлка."),
            ],
            commitments: vec![
                commitment("c1", "para_1", 9, 18, "We shall."),
                commitment("c2", "para_1", 0, 8, "We will."),
                // Overlaps c1.
                commitment("c3", "para_1", 3, 12, "will. We "),
                // Empty, at the end of c2: touches it, does not overlap.
                commitment("c4", "para_1", 8, 8, ""),
                // Quote does not match the span.
                commitment("c5", "para_2", 0, 4, "Ёлк"),
                // No such paragraph.
                commitment("c6", "para_9", 0, 0, ""),
                // Code points, not bytes: "Ёлка" is 4 code points, 8 bytes.
                commitment("c7", "para_2", 0, 4, "Ёлка"),
                // The same id twice: both stand-off.
                commitment("c8", "para_2", 4, 5, "."),
                commitment("c8", "para_2", 4, 5, "."),
                // Span end before its start.
                commitment("c9", "para_1", 5, 4, ""),
            ],
            ..Statement::default()
        };
        let placement = Placement::of(&statement);
        let inline: Vec<bool> = (0..10).map(|i| placement.is_inline(i)).collect();
        assert_eq!(inline, [true, true, false, true, false, false, true, false, false, false]);
        assert_eq!(placement.marks(0), [(1, 0..8), (3, 8..8), (0, 9..18)]);
        assert_eq!(placement.marks(1), [(6, 0..8)]);
    }
}
