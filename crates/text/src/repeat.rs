//! A body printed twice on one page (a site template repeating the article, a copy
//! pasted twice): the second copy is found and dropped, the first kept.

use crate::plain::Para;
use std::collections::HashMap;

/// A run of paragraphs that repeats an earlier run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Repeat {
    /// Byte range in the source of the dropped copy.
    pub start: usize,
    pub end: usize,
    /// Number of paragraphs dropped.
    pub count: usize,
    /// Whether the copy stops part-way through its last paragraph.
    pub truncated: bool,
}

/// Removes from `paras` every run of at least two paragraphs (or one of 200 characters
/// or more) that repeats, in order, paragraphs met before; the last paragraph of a run
/// may be cut short. Linear in the total text length (one hash map of texts).
pub(crate) fn drop_repeats(paras: &mut Vec<Para>) -> Vec<Repeat> {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let mut drop = vec![false; paras.len()];
    let mut repeats = Vec::new();
    let mut k = 0;
    while k < paras.len() {
        let earlier = first_seen.get(paras[k].text.as_str()).copied();
        if let Some(i) = earlier {
            let mut m = 0;
            let mut truncated = false;
            while k + m < paras.len() && i + m < k {
                let (a, b) = (&paras[i + m].text, &paras[k + m].text);
                if a == b {
                    m += 1;
                } else if k + m == paras.len() - 1 && b.chars().count() >= 20 && a.starts_with(b.as_str()) {
                    m += 1;
                    truncated = true;
                    break;
                } else {
                    break;
                }
            }
            if m >= 2 || (m == 1 && paras[k].text.chars().count() >= 200) {
                for flag in &mut drop[k..k + m] {
                    *flag = true;
                }
                repeats.push(Repeat {
                    start: paras[k].start,
                    end: paras[k + m - 1].end,
                    count: m,
                    truncated,
                });
                k += m;
                continue;
            }
        }
        first_seen.entry(paras[k].text.as_str()).or_insert(k);
        k += 1;
    }
    if repeats.is_empty() {
        return repeats;
    }
    let mut index = 0;
    paras.retain(|_| {
        let keep = !drop[index];
        index += 1;
        keep
    });
    repeats
}
