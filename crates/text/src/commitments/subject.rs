//! Where the English subject (and a link after it) can end in a sentence, and what its
//! first-preferred path there captured.
//!
//! A rule pattern `^SUBJECT TAIL` (or `^SUBJECT LINK TAIL`) run by the `regex` crate
//! returns the leftmost-first match: the first path through the pattern, in the order a
//! backtracking matcher tries alternatives and repetitions, that matches. Such a path is
//! a path through `SUBJECT` followed by the first path through `TAIL` from where the
//! subject ended. So the result is fixed by two things: the places where some subject
//! path ends, each with the first subject path (and its `actor` capture) that ends there,
//! in the order those first paths come; and which tails match from each such place. The
//! first list does not depend on the rule, so [`en_subject_ends`] and [`link_ends`]
//! compute it once per sentence, and each rule only runs its own short tail, anchored,
//! from those places in that order (see `Compiled::code`). The subject's bounds
//! (`{0,200}`, `{1,160}`, `{0,5}`) are kept exactly, and no rule pattern repeats the
//! subject grammar, so the automata stay small.
//!
//! The two functions are scanners written for `EN_SUBJECT` and `LINK` of the codebook
//! module. The tests check them against `Grammar` (test-only), which runs those patterns
//! themselves: a backtracker over their Thompson NFA (from `regex-automata`, which
//! encodes priorities in the order of each union's alternatives) that does not stop at
//! the first match but records each new end, and explores from each (union state,
//! position) pair at most once, since a later visit could only reach ends that an
//! earlier, preferred path has reached already.

#[cfg(test)]
use regex_automata::nfa::thompson::{NFA, State};
use regex_automata::util::look::{Look, LookMatcher};
#[cfg(test)]
use regex_automata::util::primitives::StateID;
#[cfg(test)]
use regex_automata::util::syntax;
use std::ops::Range;

/// One place a grammar's match can end, with the `actor` capture of the first path
/// (in leftmost-first priority) that ends there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct End {
    /// Byte offset in the text just past the match.
    pub(crate) at: usize,
    /// Byte range of the `actor` group on that path, when it took part.
    pub(crate) actor: Option<Range<usize>>,
}

/// A pattern compiled for [`Grammar::ends`] (the tests' reference for the scanners).
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) struct Grammar {
    nfa: NFA,
    /// For each state, its index among the union states (where paths branch), or
    /// `u32::MAX`: only those are remembered as visited (see [`Grammar::ends`]).
    union_index: Vec<u32>,
    unions: usize,
    /// Slots (start, end) of the `actor` group, when the grammar has one.
    actor: Option<(usize, usize)>,
}

/// Reusable memory for [`Grammar::ends`].
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// One bit per (union state, position) pair visited in the current search.
    visited: Vec<u64>,
    /// Words of `visited` set in the current search, to clear afterwards.
    touched: Vec<usize>,
    stack: Vec<Frame>,
}

#[cfg(test)]
#[derive(Debug, Clone, Copy)]
enum Frame {
    Step { sid: StateID, at: usize },
    Restore { slot: usize, offset: Option<usize> },
}

#[cfg(test)]
impl Grammar {
    /// Compiles `pattern` (anchored at the start of the search; its named group
    /// `actor`, if any, is the one reported).
    ///
    /// # Panics
    ///
    /// When the pattern does not compile (a codebook constant; a test builds it).
    pub(crate) fn new(pattern: &str, case_insensitive: bool) -> Self {
        let nfa = NFA::compiler()
            .syntax(syntax::Config::new().case_insensitive(case_insensitive))
            .configure(NFA::config().nfa_size_limit(Some(64 << 20)))
            .build(pattern)
            .unwrap_or_else(|e| panic!("codebook grammar does not compile: {e}"));
        let info = nfa.group_info();
        let actor = info
            .to_index(regex_automata::PatternID::ZERO, "actor")
            .and_then(|group| info.slots(regex_automata::PatternID::ZERO, group));
        let mut unions = 0;
        let union_index = nfa
            .states()
            .iter()
            .map(|state| match state {
                State::Union { .. } | State::BinaryUnion { .. } => {
                    unions += 1;
                    u32::try_from(unions - 1).expect("fewer than 2^32 states")
                }
                _ => u32::MAX,
            })
            .collect();
        Self { nfa, union_index, unions, actor }
    }

    /// Every end of a match of the grammar that starts at one of `starts` (each with the
    /// actor to report when the grammar captures none of its own), in the order of the
    /// first path reaching each: the paths from `starts[0]` in leftmost-first priority,
    /// then those from `starts[1]`, and so on. Appends to `out`; an end already in `out`
    /// is not added again.
    pub(crate) fn ends(&self, text: &str, starts: &[End], scratch: &mut Scratch, out: &mut Vec<End>) {
        let haystack = text.as_bytes();
        let width = haystack.len() + 1;
        let words = (self.unions * width).div_ceil(64);
        if scratch.visited.len() < words {
            scratch.visited.resize(words, 0);
        }
        let matcher = self.nfa.look_matcher();
        for start in starts {
            let mut slots: [Option<usize>; 2] = [None, None];
            scratch.stack.push(Frame::Step { sid: self.nfa.start_anchored(), at: start.at });
            while let Some(frame) = scratch.stack.pop() {
                let (mut sid, mut at) = match frame {
                    Frame::Restore { slot, offset } => {
                        slots[slot] = offset;
                        continue;
                    }
                    Frame::Step { sid, at } => (sid, at),
                };
                loop {
                    let union = self.union_index[sid.as_usize()];
                    if union != u32::MAX {
                        let bit = union as usize * width + at;
                        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
                        if scratch.visited[word] & mask != 0 {
                            break;
                        }
                        if scratch.visited[word] == 0 {
                            scratch.touched.push(word);
                        }
                        scratch.visited[word] |= mask;
                    }
                    match *self.nfa.state(sid) {
                        State::ByteRange { ref trans } => {
                            if !trans.matches(haystack, at) {
                                break;
                            }
                            sid = trans.next;
                            at += 1;
                        }
                        State::Sparse(ref sparse) => match sparse.matches(haystack, at) {
                            Some(next) => {
                                sid = next;
                                at += 1;
                            }
                            None => break,
                        },
                        State::Dense(ref dense) => match dense.matches(haystack, at) {
                            Some(next) => {
                                sid = next;
                                at += 1;
                            }
                            None => break,
                        },
                        State::Look { look, next } => {
                            if !matcher.matches(look, haystack, at) {
                                break;
                            }
                            sid = next;
                        }
                        State::Union { ref alternates } => {
                            let Some((&first, rest)) = alternates.split_first() else { break };
                            scratch.stack.extend(rest.iter().rev().map(|&sid| Frame::Step { sid, at }));
                            sid = first;
                        }
                        State::BinaryUnion { alt1, alt2 } => {
                            scratch.stack.push(Frame::Step { sid: alt2, at });
                            sid = alt1;
                        }
                        State::Capture { next, slot, .. } => {
                            let slot = slot.as_usize();
                            if let Some((open, close)) = self.actor
                                && (slot == open || slot == close)
                            {
                                let index = slot - open;
                                scratch.stack.push(Frame::Restore { slot: index, offset: slots[index] });
                                slots[index] = Some(at);
                            }
                            sid = next;
                        }
                        State::Fail => break,
                        State::Match { .. } => {
                            if !out.iter().any(|end| end.at == at) {
                                let actor = match (self.actor, slots) {
                                    (Some(_), [Some(s), Some(e)]) => Some(s..e),
                                    (Some(_), _) => None,
                                    (None, _) => start.actor.clone(),
                                };
                                out.push(End { at, actor });
                            }
                            break;
                        }
                    }
                }
            }
        }
        for word in scratch.touched.drain(..) {
            scratch.visited[word] = 0;
        }
    }
}

/// Words that open an introductory clause ending in a comma (`In\s+this` and `At\s+the`
/// are written with a space here), in the grammar's order.
const INTRO_CLAUSE: &[&str] = &[
    "As",
    "In",
    "On",
    "At",
    "Given",
    "Following",
    "With",
    "Since",
    "After",
    "Despite",
    "Also",
    "Furthermore",
    "Moreover",
    "Finally",
    "Together",
    "Therefore",
    "Consequently",
    "Accordingly",
    "Meanwhile",
    "Once",
    "Here",
    "Again",
    "For",
    "To",
    "By",
    "Under",
    "Through",
    "Against",
    "While",
    "Until",
    "Now",
    "Today",
    "Yesterday",
    "This",
    "Last",
    "Earlier",
    "In this",
    "At the",
    "Recalling",
    "Recognising",
    "Recognizing",
    "Noting",
    "Welcoming",
    "Concerned",
];

/// Adverbs that may open the sentence before the subject without a comma.
const INTRO_ADVERB: &[&str] =
    &["Today", "Now", "Again", "Also", "Together", "Therefore", "Thus", "Finally", "Moreover", "Furthermore"];

const PRONOUNS: &[&str] = &["We", "we", "I", "He", "he", "She", "she", "They", "they"];

const DETERMINERS: &[&str] = &["The", "the", "All", "all", "Both", "both", "Our", "Their"];

/// `[A-ZÀ-ÖØ-Þ]`: an upper-case letter (`\p{Lu}` narrowed to Latin).
fn upper(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, 'À'..='Ö' | 'Ø'..='Þ')
}

/// `[a-zß-öø-ÿ]`: a lower-case letter (`\p{Ll}` narrowed to Latin).
fn lower(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'ß'..='ö' | 'ø'..='ÿ')
}

/// `[A-Za-zÀ-ÖØ-öø-ÿ]`: a letter (`\p{L}` narrowed to Latin).
fn letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ')
}

/// End of the run of white space (`\s`, Unicode `White_Space`) at `at`.
fn spaced(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start_matches(char::is_whitespace).len()
}

/// End of a word at `at` whose first character passes `first` and whose others pass
/// `rest`, taken whole.
fn word(text: &str, at: usize, first: fn(char) -> bool, rest: fn(char) -> bool) -> Option<usize> {
    let mut chars = text[at..].chars();
    if !chars.next().is_some_and(first) {
        return None;
    }
    Some(text.len() - chars.as_str().trim_start_matches(rest).len())
}

/// `\p{Lu}[\p{L}\p{N}’'.&-]*`, taken whole.
fn capitalised(text: &str, at: usize) -> Option<usize> {
    word(text, at, upper, |c| letter(c) || c.is_ascii_digit() || matches!(c, '’' | '\'' | '.' | '&' | '-'))
}

/// `\p{Ll}[\p{L}-]*`, taken whole.
fn lower_word(text: &str, at: usize) -> Option<usize> {
    word(text, at, lower, |c| letter(c) || c == '-')
}

/// The ends of `\p{Lu}…(?:\s+\p{Lu}…){0,5}` (a run of capitalised words) at `at`, in
/// the grammar's order: most words first.
fn capitalised_run(text: &str, at: usize, out: &mut Vec<usize>) {
    let Some(mut end) = capitalised(text, at) else { return };
    let first = out.len();
    out.push(end);
    while out.len() - first < 6 {
        let next = spaced(text, end);
        match capitalised(text, next) {
            Some(e) if next > end => {
                end = e;
                out.push(e);
            }
            _ => break,
        }
    }
    out[first..].reverse();
}

/// Where an introductory clause `(?:INTRO)\b[^,;:]{0,200},\s+` that opens `text` at
/// `start` ends, if one does. Every intro word ends before the same comma, so the clause
/// ends in the same place whichever of them matched.
fn intro_clause(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let first = *rest.as_bytes().first()?;
    // Where each intro word that opens the text ends.
    let ends = || {
        INTRO_CLAUSE.iter().filter(move |intro| intro.as_bytes()[0] == first).filter_map(move |intro| {
            match intro.split_once(' ') {
                Some((first, second)) => {
                    let gap = start + first.len();
                    let word = if rest.starts_with(first) { spaced(text, gap) } else { gap };
                    (word > gap && text[word..].starts_with(second)).then_some(word + second.len())
                }
                None => rest.starts_with(intro).then_some(start + intro.len()),
            }
        })
    };
    ends().next()?;
    let stop = start + rest.find([',', ';', ':'])?;
    let after = spaced(text, stop + 1);
    let boundary = LookMatcher::new();
    let opens = text[stop..].starts_with(',')
        && after > stop + 1
        && ends().any(|end| {
            end <= stop
                && boundary.matches(Look::WordUnicode, text.as_bytes(), end)
                && text[end..stop].chars().count() <= 200
        });
    opens.then_some(after)
}

/// The English subject grammar, `EN_SUBJECT` of the codebook module, as a scanner:
/// every end of a match at the start of `text`, each with the `actor` capture of the
/// first path reaching it, in the order a leftmost-first matcher reaches them (the
/// contract of `Grammar::ends`, which runs the pattern itself; a test compares the
/// two). Where the pattern lets a word class or a run of white space stop early, the
/// scanner only takes the whole word or run when nothing after it could follow a part
/// (a word is always followed by white space or a comma, white space by a letter).
pub(crate) fn en_subject_ends(text: &str, out: &mut Vec<End>) {
    // `["“‘]?`: nothing after it can start with a quote mark, so a quote is taken.
    let start = text.strip_prefix(['"', '“', '‘']).map_or(0, |rest| text.len() - rest.len());
    let rest = &text[start..];
    // The openings in the grammar's order: an introductory clause, an adverb, nothing.
    let mut openings = [None; 3];
    // Every intro word and adverb starts with an upper-case ASCII letter.
    let capital = rest.starts_with(|c: char| c.is_ascii_uppercase());
    openings[0] = capital.then(|| intro_clause(text, start)).flatten();
    // `(?:Today|…)\s+` (no adverb is a prefix of another, so at most one matches).
    openings[1] = INTRO_ADVERB.iter().filter(|_| capital).find_map(|adverb| {
        let end = start + adverb.len();
        (rest.starts_with(adverb) && spaced(text, end) > end).then(|| spaced(text, end))
    });
    openings[2] = Some(start);
    let mut heads = Vec::new();
    let mut actors = Vec::new();
    for opening in openings.into_iter().flatten() {
        let at = &text[opening..];
        // The actor: a pronoun, else a noun phrase and up to three "of …" extensions.
        actors.clear();
        actors.extend(PRONOUNS.iter().filter(|p| at.starts_with(*p)).map(|p| opening + p.len()));
        heads.clear();
        for determiner in DETERMINERS {
            if !at.starts_with(determiner) {
                continue;
            }
            let end = opening + determiner.len();
            let first = spaced(text, end);
            if first == end {
                continue;
            }
            // `(?:\p{Ll}[\p{L}-]*\s+){0,2}`, most words first, then a capitalised run
            // or one lower-case word.
            let mut positions = [first, 0, 0];
            let mut taken = 1;
            while taken < 3 {
                match lower_word(text, positions[taken - 1]) {
                    Some(e) if spaced(text, e) > e => {
                        positions[taken] = spaced(text, e);
                        taken += 1;
                    }
                    _ => break,
                }
            }
            for &p in positions[..taken].iter().rev() {
                capitalised_run(text, p, &mut heads);
                heads.extend(lower_word(text, p));
            }
        }
        capitalised_run(text, opening, &mut heads);
        for &head in &heads {
            extensions(text, head, 0, &mut actors);
        }
        for &actor in &actors {
            // `(?:,\s[^,;]{1,160},)?`, then `\s+` (longest first).
            let mut chars = text[actor..].chars();
            let appositive = (chars.next() == Some(',') && chars.next().is_some_and(char::is_whitespace))
                .then(|| {
                    let inner = text.len() - chars.as_str().len();
                    let close = inner + text[inner..].find([',', ';'])?;
                    (text[close..].starts_with(',')
                        && (1..=160).contains(&text[inner..close].chars().count()))
                    .then_some(close + 1)
                })
                .flatten();
            for end in [appositive, Some(actor)].into_iter().flatten() {
                let run = &text[end..spaced(text, end)];
                for (i, c) in run.char_indices().rev() {
                    let at = end + i + c.len_utf8();
                    if !out.iter().any(|e| e.at == at) {
                        out.push(End { at, actor: Some(opening..actor) });
                    }
                }
            }
        }
    }
}

/// The ends of `(?:\s+(?:of(?:\s+the)?|and|for)\s+(?:the\s+)?CAPITALISED_RUN){0,3}` at
/// `at` (where `depth` repetitions are already taken), in the grammar's order: one more
/// repetition first, then none.
fn extensions(text: &str, at: usize, depth: usize, out: &mut Vec<usize>) {
    let gap = spaced(text, at);
    if depth < 3 && gap > at {
        let word = &text[gap..];
        // `of\s+the` before `of`; `and`; `for`.
        let mut links = [None; 2];
        if word.starts_with("of") {
            let the = spaced(text, gap + 2);
            links[0] = (the > gap + 2 && text[the..].starts_with("the")).then_some(the + 3);
            links[1] = Some(gap + 2);
        } else if word.starts_with("and") || word.starts_with("for") {
            links[1] = Some(gap + 3);
        }
        let mut runs = Vec::new();
        for link in links.into_iter().flatten() {
            let next = spaced(text, link);
            if next == link {
                continue;
            }
            runs.clear();
            if text[next..].starts_with("the") {
                let after = spaced(text, next + 3);
                if after > next + 3 {
                    capitalised_run(text, after, &mut runs);
                }
            }
            capitalised_run(text, next, &mut runs);
            for &run in &runs {
                extensions(text, run, depth + 1, out);
            }
        }
    }
    out.push(at);
}

/// Every end of a match of the link `[^.;:]*?(?:,\s+and|\sand|,)\s+` (what joins a
/// second verb to the subject) that starts at one of `starts`, with the same contract as
/// `Grammar::ends` for a pattern without an `actor` group: each end carries the actor of
/// the start it was first reached from, and the ends come in the order of the first path
/// reaching each (a test checks this against the pattern itself).
pub(crate) fn link_ends(text: &str, starts: &[End], out: &mut Vec<End>) {
    let bytes = text.as_bytes();
    // Stretches where the lazy `[^.;:]*?` has already tried to stop (from, to inclusive):
    // a later start that gets there can only reach ends already found.
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for start in starts {
        if seen.iter().any(|&(from, to)| (from..=to).contains(&start.at)) {
            continue;
        }
        let limit = seen.iter().map(|&(from, _)| from).filter(|&from| from > start.at).min();
        let mut at = start.at;
        loop {
            if limit == Some(at) {
                seen.push((start.at, at - 1));
                break;
            }
            let Some(&byte) = bytes.get(at) else {
                seen.push((start.at, at));
                break;
            };
            if byte == b',' {
                // `,\s+and\s+` (only the longest run of white space can precede "and").
                let and = spaced(text, at + 1);
                if and > at + 1 && text[and..].starts_with("and") {
                    spaces(text, and + 3, &start.actor, out);
                }
            } else if byte == b' ' || byte >= 0x80 || (0x09..=0x0d).contains(&byte) {
                // `\sand\s+`
                let mut chars = text[at..].chars();
                if chars.next().is_some_and(char::is_whitespace) && chars.as_str().starts_with("and") {
                    spaces(text, text.len() - chars.as_str().len() + 3, &start.actor, out);
                }
            }
            if byte == b',' {
                // `,\s+`
                spaces(text, at + 1, &start.actor, out);
            }
            if matches!(byte, b'.' | b';' | b':') {
                seen.push((start.at, at));
                break;
            }
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// The ends of a greedy `\s+` at `at`, longest first.
fn spaces(text: &str, at: usize, actor: &Option<Range<usize>>, out: &mut Vec<End>) {
    let run = &text[at..spaced(text, at)];
    for (i, c) in run.char_indices().rev() {
        let end = at + i + c.len_utf8();
        if !out.iter().any(|e| e.at == end) {
            out.push(End { at: end, actor: actor.clone() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn grammars() -> (Grammar, Grammar) {
        let subject = Grammar::new(&super::super::latin(super::super::EN_SUBJECT), false);
        let link = Grammar::new(&super::super::latin(super::super::LINK), false);
        (subject, link)
    }

    /// The scanners agree with the patterns run by the generic backtracker.
    fn agree(text: &str, (subject, link): &(Grammar, Grammar)) {
        let mut scratch = Scratch::default();
        let mut expected = Vec::new();
        subject.ends(text, &[End { at: 0, actor: None }], &mut scratch, &mut expected);
        let mut got = Vec::new();
        en_subject_ends(text, &mut got);
        assert_eq!(got, expected, "subject ends of {text:?}");
        let mut expected_links = Vec::new();
        link.ends(text, &expected, &mut scratch, &mut expected_links);
        let mut got_links = Vec::new();
        link_ends(text, &got, &mut got_links);
        assert_eq!(got_links, expected_links, "link ends of {text:?}");
    }

    #[test]
    fn scanners_follow_the_patterns() {
        let grammars = grammars();
        let long = "x".repeat(195);
        for text in [
            "We urge Russia, in the strongest possible terms, to choose the path of diplomacy.",
            "The members of the Security Council condemned in the strongest terms the attacks.",
            "As stated previously, any further Russian aggression will have massive consequences.",
            "“Today we stand with Ukraine,” he said.",
            "In this regard, the United States and the European Union for the People of Kyiv and the Union will act.",
            "Both leaders recognized the contributions, and committed to policies, safe, and orderly.",
            "The two sides stressed their goal, and called on the international community to act.",
            "NATO Allies, as a whole, remain ready, willing and able.",
            "Asia is large.",
            "In thisx way, we act.",
            "Inthis, we act.",
            &format!("As {long}, we act."),
            &format!("In this {long}, we act."),
            &format!("We, {long}, act and, so."),
            "The U.S. Department of State and the Ministry of Foreign Affairs of the French Republic for Europe welcome it.",
            "Their forces, and the forces of the Alliance, all act\u{a0}\u{a0}and\u{2003}urge.",
            "Président Macron, l’Élysée, a dit: nous agissons.",
            "",
            ",",
            "We",
            "We ",
        ] {
            agree(text, &grammars);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn scanners_follow_the_patterns_on_any_text(parts in proptest::collection::vec(prop_oneof![
            Just("We"), Just("we"), Just("I"), Just("He"), Just("she"), Just("They"), Just("The"), Just("the"),
            Just("All"), Just("both"), Just("Our"), Just("Their"), Just("United"), Just("States"), Just("U.S."),
            Just("Security"), Just("Council"), Just("of"), Just("the"), Just("and"), Just("for"), Just("As"),
            Just("In"), Just("this"), Just("At"), Just("Today"), Just("Now"), Just("Also"), Just("Thus"),
            Just("members"), Just("leaders"), Just("two"), Just("É"), Just("État"), Just("’s"), Just("'s"),
            Just("-"), Just("&"), Just(","), Just(";"), Just(":"), Just("."), Just("urge"), Just("\""), Just("“"),
            Just("‘"), Just(" "), Just(" "), Just(" "), Just("  "), Just("\u{a0}"), Just("\n"), Just("\u{b}"), Just("x"),
            Just("ä"), Just("Ünited"), Just("ß"), Just("×"), Just("日本"), Just("5"), Just("a\u{301}"),
            Just("Aß-x"), Just("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"),
        ], 0..40)) {
            let text: String = parts.concat();
            agree(&text, &GRAMMARS);
        }
    }

    static GRAMMARS: std::sync::LazyLock<(Grammar, Grammar)> = std::sync::LazyLock::new(grammars);
}
