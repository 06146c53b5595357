//! Which commitments are marked inline on their quotes, and which are written stand-off.

use communique_model::{CodePointIndex, Span, Statement};
use std::collections::HashMap;
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
        let mut indices: Vec<Option<CodePointIndex<'_>>> =
            statement.paragraphs.iter().map(|_| None).collect();
        let mut marks: Vec<Vec<(usize, Range<usize>, Span)>> = vec![Vec::new(); statement.paragraphs.len()];
        let mut inline = vec![false; commitments.len()];
        for (i, c) in commitments.iter().enumerate() {
            if ids[c.id.as_str()] > 1 {
                continue;
            }
            let Some(p) = statement.paragraphs.iter().position(|p| p.id == c.paragraph) else { continue };
            let index = indices[p].get_or_insert_with(|| CodePointIndex::new(&statement.paragraphs[p].text));
            let Some(bytes) = index.byte_range(c.span) else { continue };
            if index.slice(c.span) != Some(c.quote.as_str()) {
                continue;
            }
            if marks[p].iter().any(|(_, _, m)| !(c.span.end <= m.start || m.end <= c.span.start)) {
                continue;
            }
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

    /// True when some commitment is written stand-off.
    pub(crate) fn any_stand_off(&self) -> bool {
        self.inline.iter().any(|inline| !inline)
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
        assert!(placement.any_stand_off());
        assert_eq!(placement.marks(0), [(1, 0..8), (3, 8..8), (0, 9..18)]);
        assert_eq!(placement.marks(1), [(6, 0..8)]);
    }
}
