//! Stage 6: notes. Everything ingest set aside or read into the record is listed as a
//! [`Note`] with its span in `source_text` (code points), in the order of the text; notes
//! about the whole record (the language assumed, the layout chosen, an update before the
//! issue date) come last, with no span.

use super::blocks::Block;
use super::metadata::Role;
use communique_model::Note;
use std::ops::Range;

/// A note not yet placed: code, message, byte range in the source (if any).
pub(crate) type Pending = (String, String, Option<Range<usize>>);

/// The notes of a record: one per block set aside (`roles`), then `extra`, sorted by
/// where they lie.
pub(crate) fn collect(
    blocks: &[Block<'_>],
    roles: &[Role],
    extra: Vec<Pending>,
    cursor: &mut super::SourceSpans<'_>,
) -> Vec<Note> {
    let mut pending: Vec<Pending> = Vec::new();
    for (block, role) in blocks.iter().zip(roles) {
        match role {
            Role::Title => pending.push((
                "metadata.title".into(),
                format!("title line: {}", clip(&block.text)),
                Some(block.start..block.end),
            )),
            Role::SetAside { code, message } if !message.is_empty() => {
                pending.push(((*code).to_owned(), message.clone(), Some(block.start..block.end)));
            }
            Role::SetAside { code: "noise.footer", .. } => pending.push((
                "noise.footer".into(),
                format!("page furniture after the statement set aside: {}", clip(&block.text)),
                Some(block.start..block.end),
            )),
            _ => {}
        }
    }
    pending.extend(extra);
    pending.sort_by_key(|(_, _, range)| range.as_ref().map_or(usize::MAX, |r| r.start));
    pending
        .into_iter()
        .map(|(code, message, range)| {
            let note = Note::new(code, message);
            match range {
                Some(range) => note.with_source_span(cursor.span(range)),
                None => note,
            }
        })
        .collect()
}

/// The first 80 characters of a text, for a note.
pub(crate) fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
