//! Page layouts as data: one TOML file per layout in `layouts/`, embedded at compile
//! time. A layout is chosen by evidence in the text (a GOV.UK page prints "Updates to
//! this page", a White House briefing "James S. Brady Press Briefing Room") and brings
//! what is particular to it: furniture phrases, the label that names the issuer, and for
//! transcripts how a speaker's turn opens. The choice, and the evidence for it, is kept
//! in a `layout.chosen` note. The format is documented in `layouts/README.md`; adding a
//! layout is adding a file there.

use crate::languages::FurnitureRule;
use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

/// Every layout file: (file stem, TOML text), in the order of their names. The build
/// script (`build.rs`) lists the folder, so adding a layout is adding a file.
pub(crate) const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/layouts.rs"));

/// One layout, as its file describes it.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Short name (`gov.uk`), as the note gives it.
    pub id: String,
    /// What the layout is, for a person.
    pub name: String,
    /// Sum of the weights of the evidence found that chooses the layout.
    threshold: u32,
    evidence: Vec<Evidence>,
    /// Furniture of this layout, beside the language files'.
    pub furniture: crate::furniture::Rules,
    /// Labels ("from") of a line whose next line names the issuer, lower case.
    pub issuer_labels: Vec<String>,
    /// How a transcript's speaker turns open, for a transcript layout.
    pub transcript: Option<Transcript>,
}

/// One piece of evidence: a whole line, a phrase, a pattern, or a phrase that guards a
/// pattern (the pattern runs only on texts holding the phrase).
#[derive(Debug)]
struct Evidence {
    line: Option<String>,
    /// Phrases, any one of which is found.
    contains: Vec<String>,
    pattern: Option<Regex>,
    weight: u32,
    min_count: usize,
    what: String,
}

/// A transcript's speaker labels.
#[derive(Debug)]
pub(crate) struct Transcript {
    /// Opens a speaker's turn; group `speaker` is the label as printed, the match ends
    /// where the words spoken begin.
    pub speaker: Regex,
    /// Opens a reporter's question, in the same way.
    pub question: Regex,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    layout: Head,
    #[serde(default)]
    evidence: Vec<EvidenceEntry>,
    #[serde(default)]
    furniture: FurnitureTable,
    #[serde(default)]
    issuer: IssuerTable,
    transcript: Option<TranscriptTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    id: String,
    name: String,
    threshold: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceEntry {
    line: Option<String>,
    #[serde(default)]
    contains: OneOrMany,
    pattern: Option<String>,
    #[serde(default = "one")]
    weight: u32,
    #[serde(default = "one_usize")]
    min_count: usize,
    what: String,
}

/// A phrase, or a list of phrases.
#[derive(Default, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            Self::None => Vec::new(),
            Self::One(one) => vec![one],
            Self::Many(many) => many,
        }
    }
}

fn one() -> u32 {
    1
}

fn one_usize() -> usize {
    1
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FurnitureTable {
    #[serde(default)]
    rule: Vec<FurnitureRule>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssuerTable {
    #[serde(default)]
    labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranscriptTable {
    speaker: String,
    question: String,
}

fn parse(name: &str, text: &str) -> Result<Layout, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let evidence = file
        .evidence
        .into_iter()
        .map(|e| {
            let contains = e.contains.into_vec();
            if e.line.is_none() && contains.is_empty() && e.pattern.is_none() {
                return Err(format!("{name}: evidence {:?} has no line, contains or pattern", e.what));
            }
            let pattern = e
                .pattern
                .as_deref()
                .map(|p| Regex::new(p).map_err(|err| format!("{name}: evidence {p:?}: {err}")))
                .transpose()?;
            Ok(Evidence {
                line: e.line.map(|l| l.to_lowercase()),
                contains: contains.iter().map(|c| c.to_lowercase()).collect(),
                pattern,
                weight: e.weight,
                min_count: e.min_count,
                what: e.what,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let transcript = file
        .transcript
        .map(|t| {
            let compile = |key: &str, pattern: &str| {
                let regex = Regex::new(pattern).map_err(|err| format!("{name}: transcript {key}: {err}"))?;
                if regex.capture_names().all(|n| n != Some("speaker")) {
                    return Err(format!("{name}: the transcript {key} pattern has no group `speaker`"));
                }
                Ok(regex)
            };
            Ok::<_, String>(Transcript {
                speaker: compile("speaker", &t.speaker)?,
                question: compile("question", &t.question)?,
            })
        })
        .transpose()?;
    let lower = |list: Vec<String>| list.into_iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
    Ok(Layout {
        id: file.layout.id,
        name: file.layout.name,
        threshold: file.layout.threshold.max(1),
        evidence,
        furniture: crate::furniture::Rules::new(
            &file
                .furniture
                .rule
                .into_iter()
                .map(|r| FurnitureRule {
                    lines: lower(r.lines),
                    starts: lower(r.starts),
                    contains: lower(r.contains),
                    ..r
                })
                .collect::<Vec<_>>(),
        ),
        issuer_labels: lower(file.issuer.labels),
        transcript,
    })
}

/// Every layout file, parsed.
///
/// # Panics
///
/// On first use, when a file does not parse: the files are constants of the crate and a
/// test parses each of them.
pub(crate) fn all() -> &'static [Layout] {
    static ALL: LazyLock<Vec<Layout>> = LazyLock::new(|| {
        FILES
            .iter()
            .map(|(name, text)| parse(name, text).unwrap_or_else(|e| panic!("layouts/{name}: {e}")))
            .collect()
    });
    &ALL
}

/// The layout chosen for a text, and the evidence found for it.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    /// The layout.
    pub layout: &'static Layout,
    /// What was found, for the note ("the line \"Updates to this page\"").
    pub evidence: Vec<&'static str>,
}

/// The phrases and lines of every layout's evidence, in one automaton (ASCII letters
/// matched without regard to case): (layout, evidence) of each literal.
static LITERALS: LazyLock<(AhoCorasick, Vec<(usize, usize)>)> = LazyLock::new(|| {
    let mut literals = Vec::new();
    let mut owners = Vec::new();
    for (l, layout) in all().iter().enumerate() {
        for (e, evidence) in layout.evidence.iter().enumerate() {
            for literal in evidence.line.iter().chain(&evidence.contains) {
                literals.push(literal.clone());
                owners.push((l, e));
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&literals)
        .expect("layout phrases build an automaton");
    (automaton, owners)
});

/// Bytes looked at from each end of a text: a page's header and footer, where layouts
/// print what tells them apart, and the start of a transcript's turns.
const EVIDENCE_BYTES: usize = 6000;

/// Whether `text[start..end]` stands on a line of its own (spaces and tabs around it).
fn whole_line(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].rsplit('\n').next().unwrap_or_default();
    let after = text[end..].split('\n').next().unwrap_or_default();
    before.trim_matches([' ', '\t']).is_empty() && after.trim_matches([' ', '\t', '\r']).is_empty()
}

/// The layout whose evidence in `text` weighs most, if it reaches its threshold (the
/// first file listed wins a tie). Only the first and the last [`EVIDENCE_BYTES`] bytes
/// are read: one pass of an automaton over the phrases and lines of every layout, then
/// each pattern whose phrase was found (or that has none).
pub(crate) fn choose(text: &str) -> Option<Choice> {
    let sample: std::borrow::Cow<'_, str> = if text.len() <= 2 * EVIDENCE_BYTES {
        std::borrow::Cow::Borrowed(text)
    } else {
        let mut head = EVIDENCE_BYTES;
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let mut tail = text.len() - EVIDENCE_BYTES;
        while !text.is_char_boundary(tail) {
            tail += 1;
        }
        std::borrow::Cow::Owned(format!("{}\n{}", &text[..head], &text[tail..]))
    };
    let text = sample.as_ref();
    let layouts = all();
    let (automaton, owners) = &*LITERALS;
    // found[layout][evidence]: its phrase or line occurs.
    let mut found: Vec<Vec<bool>> = layouts.iter().map(|l| vec![false; l.evidence.len()]).collect();
    for m in automaton.find_overlapping_iter(text) {
        let (l, e) = owners[m.pattern().as_usize()];
        if layouts[l].evidence[e].line.is_none() || whole_line(text, m.start(), m.end()) {
            found[l][e] = true;
        }
    }
    let mut best: Option<(u32, Choice)> = None;
    for (l, layout) in layouts.iter().enumerate() {
        let mut score = 0;
        let mut what = Vec::new();
        for (e, evidence) in layout.evidence.iter().enumerate() {
            let literal = (evidence.line.is_none() && evidence.contains.is_empty()) || found[l][e];
            let needed = evidence.min_count.max(1);
            let hit = literal
                && evidence
                    .pattern
                    .as_ref()
                    .is_none_or(|pattern| pattern.find_iter(text).take(needed).count() >= needed);
            if hit {
                score += evidence.weight;
                what.push(evidence.what.as_str());
            }
        }
        if score >= layout.threshold && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, Choice { layout, evidence: what }));
        }
    }
    best.map(|(_, choice)| choice)
}

impl Choice {
    /// The note that records the choice.
    pub(crate) fn note(&self) -> communique_model::Note {
        communique_model::Note::new(
            "layout.chosen",
            format!(
                "page layout {} ({}) recognised by {}",
                self.layout.id,
                self.layout.name,
                self.evidence.join("; ")
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses() {
        for (name, text) in FILES {
            let layout = parse(name, text).unwrap_or_else(|e| panic!("layouts/{name}: {e}"));
            assert!(!layout.evidence.is_empty(), "{name}: no evidence");
            assert!(
                layout.evidence.iter().map(|e| e.weight).sum::<u32>() >= layout.threshold,
                "{name}: its evidence can never reach its threshold"
            );
        }
        let mut ids: Vec<&str> = all().iter().map(|l| l.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), FILES.len(), "two layouts share an id");
    }

    #[test]
    fn the_worked_example_of_contributing_md_is_a_layout() {
        let guide = include_str!("../../../CONTRIBUTING.md");
        let section = &guide[guide.find("## Adding a page layout").expect("the worked example")..];
        let start = section.find("```toml\n").expect("its TOML block") + "```toml\n".len();
        let end = start + section[start..].find("```").expect("the block's end");
        let layout = parse("consilium.toml", &section[start..end]).expect("the example parses");
        assert_eq!(layout.id, "consilium");
        assert_eq!(layout.evidence.len(), 3);
    }

    #[test]
    fn chooses_by_evidence() {
        let check = |text: &str, expected: Option<&str>| {
            assert_eq!(choose(text).map(|c| c.layout.id.as_str()), expected, "{text:?}");
        };
        check(
            "GOV.UK\nPress release\nTitle\nPublished 14 September 2024\nText.\nUpdates to this page\n",
            Some("gov.uk"),
        );
        check(
            "James S. Brady Press Briefing Room\n\n1:32 P.M. EST\n\nMS. EXAMPLE:  Hello.\n\nQ    Thank you.\n\nQ    And?\n",
            Some("whitehouse-transcript"),
        );
        check("We urge calm.\n", None);
        check(
            "Posted by Desk at 9:14 AM\nPost a Comment\nNewer Post Older Post Home\nPowered by Blogger.\n",
            Some("blogger"),
        );
    }
}
