//! The kind of a statement, as its title or a document-type line names it: one table for
//! plain text and Markdown, read from the `[kinds]` tables of the language files.

use crate::languages;
use aho_corasick::AhoCorasick;
use communique_model::StatementKind;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Every cue of every language (lower case, with its kind) in one automaton, every
/// phrase inside which a cue names nothing, and the document-type lines.
struct Table {
    cues: Vec<(String, StatementKind)>,
    automaton: AhoCorasick,
    not_kinds: Vec<String>,
    /// A line that is a cue: the cue, its plural ("-s", "-en") and, for a stem, its
    /// word ("communiqué").
    lines: HashMap<String, StatementKind>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut cues: Vec<(String, StatementKind)> = Vec::new();
    let mut not_kinds = Vec::new();
    for language in languages::all() {
        cues.extend(language.kinds.iter().cloned());
        not_kinds.extend(language.not_kinds.iter().cloned());
    }
    let automaton = AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(cues.iter().map(|(cue, _)| cue))
        .expect("title cues build an automaton");
    let mut lines = HashMap::new();
    for (cue, kind) in &cues {
        if cue.chars().count() <= 3 {
            continue;
        }
        let forms = if cue.ends_with("communiqu") {
            vec![format!("{cue}é"), format!("{cue}e"), format!("{cue}és"), format!("{cue}es")]
        } else {
            vec![cue.clone(), format!("{cue}s"), format!("{cue}en")]
        };
        for form in forms {
            lines.entry(form).or_insert(*kind);
        }
    }
    Table { cues, automaton, not_kinds, lines }
});

fn word_start(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// The kind a title names: the cue printed first (a cue is matched without regard to case
/// at the start of a word, and may be a stem such as "communiqu"), the longer cue where
/// two start at the same place; a cue inside one of the `not_kinds` phrases ("disaster
/// declaration") does not count. `None` when no cue is printed.
///
/// ```text
/// "G7 Leaders’ Statement on Ukraine"      → joint_statement ("leaders’ statement")
/// "Statement from … Welcoming the Communique" → press_statement (printed first)
/// "President … Approves Alaska Disaster Declaration" → none
/// ```
pub(crate) fn from_title(title: &str) -> Option<StatementKind> {
    // White space as a reader sees it: a no-break space is a space.
    let lower = title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let table = &*TABLE;
    let mut excluded: Option<Vec<(usize, usize)>> = None;
    let mut best: Option<(usize, usize, StatementKind)> = None;
    for m in table.automaton.find_overlapping_iter(&lower) {
        let (cue, kind) = &table.cues[m.pattern().as_usize()];
        let i = m.start();
        if !word_start(&lower, i) || best.is_some_and(|(at, len, _)| i > at || (i == at && cue.len() <= len))
        {
            continue;
        }
        let excluded = excluded.get_or_insert_with(|| {
            table
                .not_kinds
                .iter()
                .flat_map(|phrase| lower.match_indices(phrase.as_str()).map(|(i, p)| (i, i + p.len())))
                .collect()
        });
        if excluded.iter().any(|&(start, end)| start <= i && i < end) {
            continue;
        }
        best = Some((i, cue.len(), *kind));
    }
    best.map(|(_, _, kind)| kind)
}

/// The kind a document-type line names: a line that is a cue and nothing else ("Press
/// Statement", "Pressemitteilung", "Readout", "Press Releases"), a plural and a final full
/// stop allowed.
pub(crate) fn from_line(line: &str) -> Option<StatementKind> {
    let line = line.trim().trim_end_matches('.').trim();
    if line.len() > 40 {
        return None;
    }
    TABLE.lines.get(&line.to_lowercase()).copied()
}

/// Whether `kind` is the generic one a title names with the bare word "statement"; a
/// document-type line printed beside the title ("Press release") is more telling.
pub(crate) fn is_generic(kind: StatementKind) -> bool {
    kind == StatementKind::PressStatement
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatementKind::*;

    #[test]
    fn titles() {
        let check = |title: &str, kind: Option<StatementKind>| assert_eq!(from_title(title), kind, "{title}");
        check("The Jeddah Communique:  A Joint Statement Between the United States", Some(Communique));
        check(
            "U.S.-Colombia Joint Communique: The United States and Colombia",
            Some(JointStatement).and(Some(Communique)),
        );
        check(
            "Statement from National Security Advisor Jake Sullivan Welcoming the Aqaba Meeting and Communique",
            Some(PressStatement),
        );
        check("The Wilmington Declaration Joint Statement from the Leaders", Some(Declaration));
        check("President Joseph R. Biden, Jr. Approves Alaska Disaster Declaration", None);
        check("Declaration of Emergency and Authorization for Temporary Extensions", None);
        check("Joint Leaders Statement on AUKUS", Some(JointStatement));
        check("G7 Leaders\u{2019} Statement on Gaza", Some(JointStatement));
        check("G7 Foreign Ministers’ Statement on Haiti", Some(JointStatement));
        check("Readout of Los Angeles Declaration Implementation Launch", Some(Readout));
        check("Press Briefing by Press Secretary Karine Jean-Pierre", Some(PressBriefing));
        check("Remarks as Prepared for Delivery by Homeland Security Advisor", Some(Speech));
        check("FACT SHEET: The 2022 NATO Summit in Madrid", Some(PressRelease));
        check("Déclaration de Los Angeles sur les migrations", Some(Declaration));
        check("Vilnius Summit Communiqué", Some(Communique));
        check("Chair’s Statement of the Ministerial", Some(ChairStatement));
        check("Gemeinsame Erklärung der Außenminister", Some(JointStatement));
        check("Erklärung des G7-Vorsitzes zur heutigen G7-Telefonschalte", Some(ChairStatement));
        check("Memorandum on the Designation of Kenya", None);
        check("Misstatement of facts", None);
        check("Joint\u{a0}Statement on\u{a0}AUKUS", Some(JointStatement));
    }

    #[test]
    fn document_type_lines() {
        assert_eq!(from_line("Press Statement"), Some(PressStatement));
        assert_eq!(from_line("Press Releases"), Some(PressRelease));
        assert_eq!(from_line("Pressemitteilung"), Some(PressRelease));
        assert_eq!(from_line("Communiqué de presse"), Some(PressRelease));
        assert_eq!(from_line("Communiqué"), Some(Communique));
        assert_eq!(from_line("Readout"), Some(Readout));
        assert_eq!(from_line("Statement."), Some(PressStatement));
        assert_eq!(from_line("Preamble"), None);
        assert_eq!(from_line("Statement by the North Atlantic Council"), None);
    }
}
