//! The YAML front-matter block of a Markdown file: where it lies, and what it says.
//!
//! A block opens with a line `---` on the file's first line (after a byte-order mark, if
//! the file starts with one) and closes with the next line `---` (or `...`, the YAML
//! document end marker), as Jekyll, Hugo and pandoc write it.
//! Its content is read with [`saphyr`] (YAML 1.2, core schema), so double-quoted scalars
//! keep YAML's escapes (`\u2019`, `\_` = U+00A0, `\xC4`) and line folding, and a value such
//! as `2021-01-26 13:40:50-05:00` stays the string it was printed as.

use super::MarkdownError;
use communique_model::chrono::NaiveDate;
use communique_model::{Span, Timestamp};
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use std::ops::Range;

/// Where the front-matter block lies in a file, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The YAML text between the fences.
    pub yaml: Range<usize>,
    /// First byte after the closing fence line: where the Markdown body starts.
    pub body_start: usize,
}

/// Finds the front-matter block at the very start of `text`.
///
/// Returns `Ok(None)` when the file does not open with a `---` line.
///
/// # Errors
///
/// A block that is opened and never closed, reported at line 1.
pub(crate) fn locate(text: &str) -> Result<Option<Block>, MarkdownError> {
    let mut lines = line_ranges(text);
    let Some(first) = lines.next() else { return Ok(None) };
    // A byte-order mark (U+FEFF) an editor wrote before the fence is skipped.
    if text[first.clone()].trim_start_matches('\u{feff}').trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = first.end;
    for line in lines {
        let content = text[line.clone()].trim_end();
        if content == "---" || content == "..." {
            return Ok(Some(Block { yaml: yaml_start..line.start, body_start: line.end }));
        }
    }
    Err(MarkdownError::new(1, 1, "front matter opened by `---` is never closed by a `---` line"))
}

/// Byte ranges of the lines of `text`, each with its line break.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
        let line = start..end;
        start = end;
        Some(line)
    })
}

/// What the front matter says, in the model's terms.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    /// `title`, as decoded (escapes resolved).
    pub title: Option<String>,
    /// `date`: the issue date.
    pub date: Option<NaiveDate>,
    /// `published_time`.
    pub published: Option<Timestamp>,
    /// `modified_time`.
    pub modified: Option<Timestamp>,
    /// Span (code points of the whole file) of the `modified_time` entry.
    pub modified_entry: Option<Span>,
    /// `source_url`.
    pub source_url: Option<String>,
    /// `tags` (a string or a list of strings).
    pub tags: Vec<String>,
    /// Keys the model has no field for: key, value as printed, and the entry's span in
    /// the whole file (code points).
    pub unmapped: Vec<(String, String, Span)>,
}

/// Reads the YAML of `block` in `text`.
///
/// # Errors
///
/// YAML that does not scan or parse, a block that is not a mapping, and a known key whose
/// value is not of its form (a `date` that is no calendar date, a `published_time` that
/// is no timestamp, …), each reported with its line and column in the whole file.
pub(crate) fn parse(text: &str, block: &Block) -> Result<FrontMatter, MarkdownError> {
    let yaml = &text[block.yaml.clone()];
    // Lines and code points before the YAML text, to report positions in the whole file.
    let line_offset = text[..block.yaml.start].matches('\n').count();
    let char_offset = text[..block.yaml.start].chars().count();
    let at = |marker: &saphyr::Marker| (marker.line() + line_offset, marker.col() + 1);

    let documents = MarkedYaml::load_from_str(yaml).map_err(|e| {
        let (line, column) = at(e.marker());
        MarkdownError::new(line, column, format!("front matter is not valid YAML: {}", e.info()))
    })?;
    let mut out = FrontMatter::default();
    let Some(root) = documents.into_iter().next() else { return Ok(out) };
    let entries = match root.data {
        YamlData::Mapping(map) => map,
        YamlData::Value(Scalar::Null) => return Ok(out),
        _ => {
            let (line, column) = at(&root.span.start);
            return Err(MarkdownError::new(line, column, "front matter is not a mapping of keys to values"));
        }
    };
    let yaml_chars: Vec<(usize, char)> = yaml.char_indices().collect();
    let printed = |start: &saphyr::Marker, end: &saphyr::Marker| -> &str {
        let byte = |index: usize| yaml_chars.get(index).map_or(yaml.len(), |(b, _)| *b);
        yaml[byte(start.index())..byte(end.index())].trim()
    };

    // An entry runs from its key to the end of its value.
    let entry_span = |key: &MarkedYaml<'_>, value: &MarkedYaml<'_>| {
        let start = char_offset + key.span.start.index();
        Span::new(start, char_offset + value.span.end.index().max(key.span.end.index()))
    };
    for (key, value) in entries {
        let (line, column) = at(&value.span.start);
        let bad = |what: &str| MarkdownError::new(line, column, what.to_owned());
        let Some(name) = scalar_text(&key.data) else {
            let (line, column) = at(&key.span.start);
            return Err(MarkdownError::new(line, column, "front-matter key is not a plain string"));
        };
        let string = || -> Result<String, MarkdownError> {
            scalar_text(&value.data).ok_or_else(|| bad(&format!("`{name}` must be a single value")))
        };
        match name.as_str() {
            "title" => out.title = Some(string()?),
            "date" => {
                let value = string()?;
                let date = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                    .map_err(|_| bad(&format!("`date` {value:?} is not a calendar date YYYY-MM-DD")))?;
                out.date = Some(date);
            }
            "published_time" | "modified_time" => {
                let printed = string()?;
                let stamp = timestamp(&printed).map_err(|reason| bad(&format!("`{name}`: {reason}")))?;
                if name == "published_time" {
                    out.published = Some(stamp);
                } else {
                    out.modified = Some(stamp);
                    out.modified_entry = Some(entry_span(&key, &value));
                }
            }
            "source_url" => out.source_url = Some(string()?.trim().to_owned()),
            "tags" => {
                out.tags = match &value.data {
                    YamlData::Sequence(items) => items
                        .iter()
                        .map(|item| {
                            scalar_text(&item.data).ok_or_else(|| bad("`tags` must hold single values"))
                        })
                        .collect::<Result<_, _>>()?,
                    _ => vec![string()?],
                };
                out.tags.retain(|tag| !tag.trim().is_empty());
            }
            _ => {
                let span = entry_span(&key, &value);
                out.unmapped.push((name, printed(&value.span.start, &value.span.end).to_owned(), span));
            }
        }
    }
    Ok(out)
}

/// The text of a scalar node: a string as decoded, a number or boolean as YAML's core
/// schema resolved it; `None` for null, sequences and mappings.
fn scalar_text<'a>(data: &YamlData<'a, MarkedYaml<'a>>) -> Option<String> {
    match data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(f.to_string()),
        YamlData::Value(Scalar::Boolean(b)) => Some(b.to_string()),
        YamlData::Representation(s, _, _) => Some(s.to_string()),
        YamlData::Tagged(_, inner) => scalar_text(&inner.data),
        _ => None,
    }
}

/// Reads a YAML timestamp as printed (`2021-01-26 13:40:50-05:00`,
/// `2021-01-26T13:40:50Z`, `2021-01-26 13:40:50 -05:00`) into a [`Timestamp`] that keeps
/// the printed precision and offset. YAML 1.1 allows a space (or spaces) between date and
/// time and before the zone; the model's ISO 8601 form does not, so they are dropped.
fn timestamp(value: &str) -> Result<Timestamp, String> {
    let value = value.trim();
    let mut iso = String::with_capacity(value.len());
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ' ' || c == '\t' {
            while chars.next_if(|(_, c)| *c == ' ' || *c == '\t').is_some() {}
            if i == 10 {
                iso.push('T');
            }
            continue;
        }
        iso.push(if i == 10 && c == 't' { 'T' } else { c });
    }
    if iso.ends_with('z') {
        iso.pop();
        iso.push('Z');
    }
    iso.parse::<Timestamp>().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(text: &str) -> Result<FrontMatter, MarkdownError> {
        let block = locate(text)?.expect("a block");
        parse(text, &block)
    }

    #[test]
    fn locates_the_block_and_the_body() {
        let text = "---\ntitle: A\n---\nBody\n";
        let block = locate(text).unwrap().unwrap();
        assert_eq!(&text[block.yaml.clone()], "title: A\n");
        assert_eq!(&text[block.body_start..], "Body\n");
        let crlf = "---\r\ntitle: A\r\n...\r\nBody";
        let block = locate(crlf).unwrap().unwrap();
        assert_eq!(&crlf[block.yaml.clone()], "title: A\r\n");
        assert_eq!(&crlf[block.body_start..], "Body");
        assert_eq!(locate("Body only\n---\n").unwrap(), None);
        // A byte-order mark before the fence.
        let bom = "\u{feff}---\ntitle: A\n---\nBody\n";
        let block = locate(bom).unwrap().unwrap();
        assert_eq!(&bom[block.yaml.clone()], "title: A\n");
        assert_eq!(locate("").unwrap(), None);
    }

    #[test]
    fn an_unclosed_block_is_an_error_at_line_one() {
        let e = locate("---\ntitle: A\nBody\n").unwrap_err();
        assert_eq!((e.line(), e.column()), (1, 1));
        assert!(e.message().contains("never closed"), "{e}");
    }

    #[test]
    fn decodes_escapes_and_folded_double_quoted_titles() {
        // The corpus form: a double-quoted title folded over two lines with an escaped
        // line break and an escaped space, `\u2019` and `\_` (YAML's no-break space).
        let text = "---\ntitle: \"Readout of President\\_Biden\\u2019s Call with Secretary General Jens\\\n  \\ Stoltenberg of\\_NATO\"\n---\n";
        let fm = front(text).unwrap();
        assert_eq!(
            fm.title.as_deref(),
            Some(
                "Readout of President\u{a0}Biden\u{2019}s Call with Secretary General Jens Stoltenberg of\u{a0}NATO"
            )
        );
        let text = "---\ntitle: \"CEA: Apples to \\xC4pfel\"\n---\n";
        assert_eq!(front(text).unwrap().title.as_deref(), Some("CEA: Apples to Äpfel"));
        // A plain multi-line scalar folds its line break into one space.
        let text = "---\ntitle: Joint Statement\n  on AUKUS\n---\n";
        assert_eq!(front(text).unwrap().title.as_deref(), Some("Joint Statement on AUKUS"));
    }

    #[test]
    fn reads_dates_and_timestamps_with_their_offsets_and_precision() {
        let text = "---\ndate: '2021-01-26'\nmodified_time: 2021-01-26 13:40:50-05:00\npublished_time: 2021-01-26 13:45-05:00\n---\n";
        let fm = front(text).unwrap();
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2021, 1, 26));
        assert_eq!(fm.modified.unwrap().to_string(), "2021-01-26T13:40:50-05:00");
        assert_eq!(fm.published.unwrap().to_string(), "2021-01-26T13:45-05:00");
        let utc = front("---\npublished_time: 2024-07-10T09:00:00z\n---\n").unwrap();
        assert_eq!(utc.published.unwrap().to_string(), "2024-07-10T09:00:00Z");
        let spaced = front("---\npublished_time: 2024-07-10 09:00:00 +02:00\n---\n").unwrap();
        assert_eq!(spaced.published.unwrap().to_string(), "2024-07-10T09:00:00+02:00");
    }

    #[test]
    fn a_missing_modified_time_is_no_error() {
        let fm = front("---\ndate: '2022-07-15'\npublished_time: 2022-07-15 19:24:44-04:00\n---\n").unwrap();
        assert!(fm.modified.is_none());
        assert_eq!(fm.published.unwrap().to_string(), "2022-07-15T19:24:44-04:00");
    }

    #[test]
    fn keeps_tags_and_unmapped_keys() {
        let text = "---\ntags:\n- statements-releases\n- g7\nauthor: Press Office\n---\n";
        let fm = front(text).unwrap();
        assert_eq!(fm.tags, ["statements-releases", "g7"]);
        assert_eq!(fm.unmapped.len(), 1);
        let (key, value, span) = &fm.unmapped[0];
        assert_eq!((key.as_str(), value.as_str()), ("author", "Press Office"));
        assert_eq!(span.slice(text), Some("author: Press Office"));
        assert_eq!(front("---\ntags: statements-releases\n---\n").unwrap().tags, ["statements-releases"]);
    }

    #[test]
    fn bad_yaml_is_an_error_with_line_and_column() {
        // An unterminated double-quoted title: the scanner stops at the end of input.
        let e = front("---\ndate: '2021-01-26'\ntitle: \"Unclosed\n---\n").unwrap_err();
        assert!(e.message().contains("not valid YAML"), "{e}");
        assert!(e.line() >= 3, "{e}");
        // A mapping value where a key is expected: line 3, column 4 of the file.
        let e = front("---\ntitle: A\nb: c: d\n---\n").unwrap_err();
        assert_eq!((e.line(), e.column()), (3, 5), "{e}");
        // A date that does not exist is reported at its value.
        let e = front("---\ntags: x\ndate: '2022-02-30'\n---\n").unwrap_err();
        assert_eq!((e.line(), e.column()), (3, 7), "{e}");
        assert!(e.message().contains("2022-02-30"), "{e}");
        let e = front("---\npublished_time: yesterday\n---\n").unwrap_err();
        assert_eq!((e.line(), e.column()), (2, 17), "{e}");
        let e = front("---\n- a\n- b\n---\n").unwrap_err();
        assert!(e.message().contains("not a mapping"), "{e}");
    }
}
