//! The fields of a commitment besides its kind and actor: `future_oriented` (manual 4),
//! `intensifier` and `references`.

use super::lexicon::{Lexicon, class};
use super::tokens::{DIGIT, Token};
use communique_model::CommitmentKind as K;
use std::ops::Range;

/// The most tokens after a cue that the generic test reads.
const CONTENT_WINDOW: usize = 80;

/// Whether a commitment of `kind` is future-oriented (manual 4): actions and expressives
/// never, warnings always, pledges, readiness and offers unless their content is a
/// stance or generic.
pub(crate) fn future_oriented(kind: K, stance: bool, content: &[Token], lex: &Lexicon, text: &str) -> bool {
    match kind {
        K::Warning => true,
        K::Pledge | K::Readiness | K::Offer => !stance && specific(content, lex, text),
        _ => false,
    }
}

/// Whether content names something specific (manual 4, "Generic"): a proper name, a
/// number, amount or date, a concrete measure noun, or "each other".
fn specific(content: &[Token], lex: &Lexicon, text: &str) -> bool {
    // The content a reader takes in with the cue: a bounded window, so that the test costs
    // the same in a sentence of any length.
    let content = &content[..content.len().min(CONTENT_WINDOW)];
    content.iter().enumerate().any(|(i, t)| {
        if !t.is_word() {
            return false;
        }
        if t.shape & DIGIT != 0 || t.class & (class::MEASURE | class::MONTH) != 0 {
            return true;
        }
        // A demonstrative points at something specific ("this implementation").
        if matches!(lex.words.name(t.sym), "this" | "these" | "those") {
            return true;
        }
        if t.is_capital() && &text[t.range()] != "I" {
            return true;
        }
        lex.words.name(t.sym) == "each"
            && content.get(i + 1).is_some_and(|n| lex.words.name(n.sym) == "other")
    })
}

/// The first intensifier in the sentence ("in the strongest possible terms"), as written.
pub(crate) fn intensifier(tokens: &[Token], lex: &Lexicon, text: &str) -> Option<String> {
    for i in 0..tokens.len() {
        for &n in lex.intensifier_index.get(tokens[i].sym) {
            if let Some(end) = lex.intensifiers[n as usize].match_at(tokens, i) {
                return Some(text[tokens[i].start as usize..tokens[end - 1].end as usize].to_owned());
            }
        }
    }
    None
}

/// Named instruments the sentence invokes: "Article 5 of the Washington Treaty", a run of
/// capitalised words ending in an instrument noun ("Minsk agreements", "Normandy Format",
/// "Charter of the United Nations"), "Resolution 2334". Without a leading "the", each once.
pub(crate) fn references(tokens: &[Token], lex: &Lexicon, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let word = |i: usize| tokens.get(i).map_or("", |t| lex.words.name(t.sym));
    let slice = |r: Range<usize>| &text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize];
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut found: Option<Range<usize>> = None;
        if t.is_capital()
            && matches!(word(i), "article" | "resolution" | "resolutions")
            && tokens.get(i + 1).is_some_and(|n| n.shape & DIGIT != 0)
        {
            let mut end = i + 2;
            // "of the Washington Treaty"
            if word(end) == "of" {
                let mut k = end + 1;
                if word(k) == "the" {
                    k += 1;
                }
                let mut j = k;
                while tokens.get(j).is_some_and(Token::is_capital) && j < k + 5 {
                    j += 1;
                }
                if j > k && tokens[j - 1].class & class::INSTRUMENT != 0 {
                    end = j;
                }
            }
            found = Some(i..end);
        } else if t.is_word() && t.class & class::INSTRUMENT != 0 {
            // Back over the capitalised words before the instrument noun.
            let mut start = i;
            while start > 0
                && tokens[start - 1].is_capital()
                && tokens[start - 1].class & class::DETERMINER == 0
                && i - start < 4
            {
                start -= 1;
            }
            let mut end = i + 1;
            // "Charter of the United Nations"
            if t.is_capital() && word(end) == "of" {
                let mut k = end + 1;
                if word(k) == "the" {
                    k += 1;
                }
                let mut j = k;
                while tokens.get(j).is_some_and(Token::is_capital) && j < k + 4 {
                    j += 1;
                }
                if j > k {
                    end = j;
                }
            }
            if start < i || (t.is_capital() && end > i + 1) {
                found = Some(start..end);
            }
        }
        match found {
            Some(r) => {
                let text = slice(r.clone()).to_owned();
                if !out.contains(&text) {
                    out.push(text);
                }
                i = r.end;
            }
            None => i += 1,
        }
    }
    out
}
