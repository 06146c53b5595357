//! Which commitments are marked inline on their quotes, and which are written stand-off.

use communique_model::{Span, Statement};

/// Where each commitment of a statement is written: `Some(i)` when it is an inline mark
/// in the text of paragraph `i`, `None` when it is written stand-off (with its own span
/// and quote).
///
/// A commitment is marked inline when all of these hold, taking commitments in record
/// order:
///
/// 1. no other commitment of the statement has its id (the reader finds an inline mark
///    by its eId);
/// 2. a paragraph has the id the commitment names (the first such paragraph is used);
/// 3. its span lies on that paragraph's text and selects exactly its quote;
/// 4. its span does not overlap the span of a commitment already marked in that
///    paragraph (marks cannot cross in XML); an empty span touching another mark's end
///    does not overlap it.
///
/// Every other commitment is stand-off. Valid records whose commitments are disjoint
/// sentences or list items are marked inline throughout.
pub(crate) fn placement(statement: &Statement) -> Vec<Option<usize>> {
    let commitments = &statement.commitments;
    let mut marked: Vec<Vec<Span>> = vec![Vec::new(); statement.paragraphs.len()];
    commitments
        .iter()
        .map(|c| {
            if commitments.iter().filter(|other| other.id == c.id).count() > 1 {
                return None;
            }
            let index = statement.paragraphs.iter().position(|p| p.id == c.paragraph)?;
            let text = &statement.paragraphs[index].text;
            if c.span.start > c.span.end || c.span.slice(text) != Some(c.quote.as_str()) {
                return None;
            }
            let overlaps = marked[index].iter().any(|m| !(c.span.end <= m.start || m.end <= c.span.start));
            if overlaps {
                return None;
            }
            marked[index].push(c.span);
            Some(index)
        })
        .collect()
}

/// The inline marks of paragraph `paragraph`, as indices of commitments, in document
/// order (by start, then end, then record order).
pub(crate) fn marks_in(statement: &Statement, placement: &[Option<usize>], paragraph: usize) -> Vec<usize> {
    let mut marks: Vec<usize> =
        placement.iter().enumerate().filter(|(_, p)| **p == Some(paragraph)).map(|(i, _)| i).collect();
    marks.sort_by_key(|&i| (statement.commitments[i].span.start, statement.commitments[i].span.end, i));
    marks
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
        let placement = placement(&statement);
        assert_eq!(placement, [Some(0), Some(0), None, Some(0), None, None, Some(1), None, None, None]);
        assert_eq!(marks_in(&statement, &placement, 0), [1, 3, 0]);
        assert_eq!(marks_in(&statement, &placement, 1), [6]);
    }
}
