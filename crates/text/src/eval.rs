//! Scoring commitment coding against sentence-level gold data.
//!
//! A gold file codes every sentence of one statement by hand, following the annotation
//! manual (`docs/codebook.md`): for each sentence (or list item), the commitments it puts
//! on record, each with its kind, actor, addressee and whether it is future-oriented.
//! [`prepare`] writes the skeleton of such a file from a statement (its sentences in
//! reading order, no commitments); [`score`] compares what ingest found with a coded file.
//!
//! # Gold file (JSON)
//!
//! ```json
//! {
//!   "source": "../corpus/nato-2014-01-22-sg-events-in-ukraine.txt",
//!   "split": "dev",
//!   "sentences": [
//!     {"n": 1, "paragraph": 1, "text": "I am deeply concerned by the events in Ukraine.",
//!      "commitments": [{"kind": "concern", "actor": "I", "addressee": null, "future_oriented": false}]}
//!   ]
//! }
//! ```
//!
//! - `source`: the statement's file, relative to the gold file (or absolute);
//! - `split` (optional): `dev` or `test`, the part of a gold set the file belongs to;
//! - `language` (optional): BCP 47 tag to ingest with, instead of detecting it;
//! - `coders` (optional): who coded the file; `agreement` (optional): free text;
//! - `sentences`: every sentence, numbered from 1 (`n`), with its 1-based `paragraph`,
//!   its `text`, its `commitments` (empty when it puts none on record), an optional
//!   `comment` and, where two coders disagreed, `reconciled`: how it was decided;
//! - a commitment: `kind` (codebook v1), `also` (other kinds the manual accepts, rare),
//!   `actor` and `addressee` as written (or null), `future_oriented`, and `optional`
//!   (finding it or not are both right).
//!
//! # Matching
//!
//! Commitments are matched to gold sentences by their text, not by paragraph ids, so a
//! gold file survives changes to paragraphing: sentences and quotes are compared as their
//! letters and digits only, lower-cased, and a commitment belongs to the gold sentence its
//! quote overlaps most. Within a sentence, a found commitment is paired first with a gold
//! commitment whose kind it has, then with any other; an unpaired found commitment is a
//! false find, an unpaired gold one (not `optional`) a miss.

use crate::{IngestError, IngestOptions, ingest, sentences::sentence_byte_ranges};
use communique_model::{Commitment, CommitmentKind, ParagraphKind, Statement};
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One coded statement (see the [module](self) documentation for the JSON form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldStatement {
    /// The statement's file, relative to the gold file or absolute.
    pub source: String,
    /// `dev` or `test`: the part of a gold set this file belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<String>,
    /// BCP 47 tag to ingest with, instead of detecting the language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Who coded the file (coder ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coders: Vec<String>,
    /// Every sentence of the statement, in reading order.
    pub sentences: Vec<GoldSentence>,
}

/// One sentence (or list item) and what it puts on record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldSentence {
    /// 1-based number of the sentence in the statement.
    pub n: usize,
    /// 1-based number of its paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The sentence as ingest gave it when the file was prepared.
    pub text: String,
    /// The commitments it puts on record (usually none or one).
    #[serde(default)]
    pub commitments: Vec<GoldCommitment>,
    /// A coder's remark (a badly cut sentence, a doubt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// How a disagreement between the coders was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciled: Option<String>,
}

/// One commitment as a coder recorded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldCommitment {
    /// Its kind (codebook v1).
    pub kind: CommitmentKind,
    /// Other kinds the manual accepts for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<CommitmentKind>,
    /// The actor as written ("We", "The United States and India").
    #[serde(default)]
    pub actor: Option<String>,
    /// The addressee as written ("Russia"), or none.
    #[serde(default)]
    pub addressee: Option<String>,
    /// A discrete, specific statement of intent about future action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub future_oriented: Option<bool>,
    /// Finding it or not are both right.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

impl GoldCommitment {
    fn accepts(&self, kind: CommitmentKind) -> bool {
        self.kind == kind || self.also.contains(&kind)
    }
}

/// Why a gold file could not be scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The gold file or its statement could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The gold file is not valid gold JSON.
    #[error("{path}: line {line}, column {column}: {message}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The statement could not be ingested.
    #[error("{path}: {source}")]
    Ingest {
        /// The statement's file.
        path: PathBuf,
        /// Why.
        source: IngestError,
    },
}

/// Reads a gold file.
///
/// # Errors
///
/// [`EvalError::Read`] when it cannot be read, [`EvalError::Gold`] with line and column
/// when it is not a gold file.
pub fn read_gold(path: &Path) -> Result<GoldStatement, EvalError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| EvalError::Read { path: path.into(), source })?;
    serde_json::from_str(&text).map_err(|e| EvalError::Gold {
        path: path.into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Ingests the statement a gold file (read from `gold_path`) codes.
///
/// # Errors
///
/// [`EvalError::Read`] or [`EvalError::Ingest`], naming the statement's file.
pub fn ingest_source(gold_path: &Path, gold: &GoldStatement) -> Result<Statement, EvalError> {
    let path = gold_path.parent().unwrap_or(Path::new(".")).join(&gold.source);
    let bytes = std::fs::read(&path).map_err(|source| EvalError::Read { path: path.clone(), source })?;
    let options = IngestOptions { language: gold.language.clone(), ..IngestOptions::default() };
    ingest(&bytes, &options).map_err(|source| EvalError::Ingest { path, source })
}

/// The skeleton of a gold file for `statement`: every sentence of every paragraph in
/// reading order (a list item whole, as extraction quotes it), numbered from 1, with no
/// commitment yet. `source` is written as given.
#[must_use]
pub fn prepare(statement: &Statement, source: &str) -> GoldStatement {
    let mut sentences = Vec::new();
    for (index, paragraph) in statement.paragraphs.iter().enumerate() {
        let text = paragraph.text.as_str();
        let ranges = if paragraph.kind == ParagraphKind::ListItem {
            std::iter::once(0..text.len()).collect()
        } else {
            sentence_byte_ranges(text)
        };
        for range in ranges {
            let sentence = text[range].trim();
            if !sentence.is_empty() {
                sentences.push(GoldSentence {
                    n: sentences.len() + 1,
                    paragraph: Some(index + 1),
                    text: sentence.to_owned(),
                    commitments: Vec::new(),
                    comment: None,
                    reconciled: None,
                });
            }
        }
    }
    GoldStatement {
        source: source.to_owned(),
        split: None,
        language: statement.language.clone(),
        coders: Vec::new(),
        sentences,
    }
}

/// Letters and digits of `text`, lower-cased, with the byte offset each came from.
fn folded(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                out.push(lower);
                from.push(at);
            }
        }
    }
    (out, from)
}

/// A commitment the program found, with what the scorer needs of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// Its kind.
    pub kind: CommitmentKind,
    /// Its actor as found.
    pub actor: Option<String>,
    /// Its addressee as found.
    pub addressee: Option<String>,
    /// The text it quotes.
    pub quote: String,
    /// The rule that fired.
    pub rule: Option<String>,
    /// Its future-oriented flag.
    pub future_oriented: bool,
}

impl From<&Commitment> for Found {
    fn from(c: &Commitment) -> Self {
        Self {
            kind: c.kind,
            actor: c.actor.clone(),
            addressee: c.addressee.clone(),
            quote: c.quote.clone(),
            rule: c.method.rule.clone(),
            future_oriented: c.future_oriented,
        }
    }
}

/// One gold commitment paired with one found in the same sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The gold sentence's number.
    pub sentence: usize,
    /// The gold commitment.
    pub gold: GoldCommitment,
    /// What the program found.
    pub found: Found,
}

/// A gold commitment nobody found.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    /// The gold sentence's number and text.
    pub sentence: usize,
    /// The sentence's text.
    pub text: String,
    /// The gold commitment.
    pub gold: GoldCommitment,
}

/// A found commitment the gold does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct FalseFind {
    /// The gold sentence it falls in (0 when its quote is not in the gold text).
    pub sentence: usize,
    /// What the program found.
    pub found: Found,
}

/// The comparison of one statement with its gold file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatementScore {
    /// The gold file's name, for reports.
    pub name: String,
    /// The gold file's split.
    pub split: Option<String>,
    /// Gold and found commitments paired.
    pub pairs: Vec<Pair>,
    /// Gold commitments not found.
    pub misses: Vec<Miss>,
    /// Found commitments not in the gold.
    pub false_finds: Vec<FalseFind>,
    /// Number of gold sentences.
    pub sentences: usize,
}

/// Compares the commitments of `statement` with `gold`.
#[must_use]
pub fn score(name: &str, gold: &GoldStatement, statement: &Statement) -> StatementScore {
    // The gold text, folded, with the folded range of each sentence.
    let mut all = String::new();
    let mut bounds: Vec<Range<usize>> = Vec::with_capacity(gold.sentences.len());
    for sentence in &gold.sentences {
        let (text, _) = folded(&sentence.text);
        let start = all.len();
        all.push_str(&text);
        bounds.push(start..all.len());
    }
    let mut by_sentence: Vec<Vec<Found>> = vec![Vec::new(); gold.sentences.len()];
    let mut result = StatementScore {
        name: name.to_owned(),
        split: gold.split.clone(),
        sentences: gold.sentences.len(),
        ..StatementScore::default()
    };
    let mut cursor = 0;
    for commitment in &statement.commitments {
        let found = Found::from(commitment);
        let (quote, _) = folded(&commitment.quote);
        let located = locate(&all, &quote, cursor);
        match located.and_then(|range| {
            cursor = range.start;
            sentence_of(&all, &bounds, &range, commitment)
        }) {
            Some(index) => by_sentence[index].push(found),
            None => result.false_finds.push(FalseFind { sentence: 0, found }),
        }
    }
    for (sentence, found) in gold.sentences.iter().zip(by_sentence) {
        let mut found: Vec<Option<Found>> = found.into_iter().map(Some).collect();
        let mut unpaired: Vec<&GoldCommitment> = Vec::new();
        for gold_commitment in &sentence.commitments {
            let same = found.iter().position(|f| f.as_ref().is_some_and(|f| gold_commitment.accepts(f.kind)));
            match same {
                Some(i) => result.pairs.push(Pair {
                    sentence: sentence.n,
                    gold: gold_commitment.clone(),
                    found: found[i].take().expect("present"),
                }),
                None => unpaired.push(gold_commitment),
            }
        }
        // Required gold commitments first, so an optional one never takes a find away.
        unpaired.sort_by_key(|g| g.optional);
        for gold_commitment in unpaired {
            match found.iter().position(Option::is_some) {
                Some(i) => result.pairs.push(Pair {
                    sentence: sentence.n,
                    gold: gold_commitment.clone(),
                    found: found[i].take().expect("present"),
                }),
                None if !gold_commitment.optional => result.misses.push(Miss {
                    sentence: sentence.n,
                    text: sentence.text.clone(),
                    gold: gold_commitment.clone(),
                }),
                None => {}
            }
        }
        for found in found.into_iter().flatten() {
            result.false_finds.push(FalseFind { sentence: sentence.n, found });
        }
    }
    result
}

/// Where `quote` lies in `all`: searched from `cursor` on, then from the start; a quote
/// not found whole is looked for by its first 40 folded characters.
fn locate(all: &str, quote: &str, cursor: usize) -> Option<Range<usize>> {
    if quote.is_empty() {
        return None;
    }
    let find = |needle: &str| {
        all.get(cursor..)
            .and_then(|rest| rest.find(needle).map(|at| cursor + at))
            .or_else(|| all.find(needle))
            .map(|at| at..at + needle.len())
    };
    find(quote).or_else(|| {
        let prefix: String = quote.chars().take(40).collect();
        (prefix.len() < quote.len()).then(|| find(&prefix)).flatten()
    })
}

/// The gold sentence a found commitment belongs to, when its quote (`range` of `all`)
/// overlaps one or more: a quote that spans several gold sentences (a list item quoted
/// whole, a sentence the program did not cut) belongs to the first of them that holds
/// both its cue and its actor, else the first that holds its cue, else the one it overlaps
/// most.
fn sentence_of(
    all: &str,
    bounds: &[Range<usize>],
    range: &Range<usize>,
    commitment: &Commitment,
) -> Option<usize> {
    let overlapping: Vec<usize> = bounds
        .iter()
        .enumerate()
        .filter(|(_, b)| range.end.min(b.end) > range.start.max(b.start))
        .map(|(i, _)| i)
        .collect();
    if overlapping.len() > 1 {
        let cue = commitment.cue.as_deref().map(|c| folded(c).0).filter(|c| !c.is_empty());
        let actor = commitment.actor.as_deref().map(|a| folded(a).0).filter(|a| !a.is_empty());
        if let Some(cue) = cue {
            let holds = |i: &usize, needle: &str| all[bounds[*i].clone()].contains(needle);
            let with_both = actor
                .as_deref()
                .and_then(|actor| overlapping.iter().find(|i| holds(i, &cue) && holds(i, actor)));
            if let Some(&i) = with_both.or_else(|| overlapping.iter().find(|i| holds(i, &cue))) {
                return Some(i);
            }
        }
    }
    best_overlap(bounds, range)
}

fn best_overlap(bounds: &[Range<usize>], range: &Range<usize>) -> Option<usize> {
    bounds
        .iter()
        .enumerate()
        .map(|(i, b)| (i, range.end.min(b.end).saturating_sub(range.start.max(b.start))))
        .filter(|&(_, overlap)| overlap > 0)
        .max_by_key(|&(i, overlap)| (overlap, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

/// A noun phrase compared loosely: lower-cased, letters, digits and single spaces, without
/// a leading article.
fn phrase(text: &str) -> String {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let skip = usize::from(words.first().is_some_and(|w| w == "the"));
    words[skip..].join(" ")
}

/// Counts over many statements, with the ratios researchers report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    /// Statements scored.
    pub statements: usize,
    /// Gold sentences.
    pub sentences: usize,
    /// Gold commitments that must be found (not `optional`).
    pub gold: usize,
    /// Of those, the ones paired with a found commitment.
    pub gold_found: usize,
    /// Commitments found.
    pub found: usize,
    /// Found commitments paired with a gold one (optional gold included).
    pub paired: usize,
    /// Pairs whose found kind the gold accepts.
    pub kind_right: usize,
    /// Pairs whose gold gives an actor.
    pub actor_judged: usize,
    /// Of those, pairs whose found actor is the gold's (compared loosely: case,
    /// punctuation and a leading "the" aside).
    pub actor_right: usize,
    /// Pairs where the gold or the program gives an addressee.
    pub addressee_judged: usize,
    /// Of those, pairs whose addressees agree (compared as actors are).
    pub addressee_right: usize,
    /// Pairs where the gold says whether it is future-oriented.
    pub future_judged: usize,
    /// Of those, pairs whose flags agree.
    pub future_right: usize,
    /// Per kind, in codebook order: required gold commitments of the kind, of those the
    /// ones paired with a find of an accepted kind, finds of the kind, and of those the
    /// ones paired with a gold commitment that accepts it.
    pub per_kind: Vec<KindTotals>,
}

/// The counts of one kind (see [`Totals::per_kind`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindTotals {
    /// The kind.
    pub kind: Option<CommitmentKind>,
    /// Required gold commitments whose kind is this one.
    pub gold: usize,
    /// Of those, paired with a find of a kind the gold accepts.
    pub gold_found: usize,
    /// Finds of this kind.
    pub found: usize,
    /// Of those, paired with a gold commitment that accepts this kind.
    pub found_right: usize,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { f64::NAN } else { part as f64 / whole as f64 }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
}

impl Totals {
    /// The totals of `scores`.
    #[must_use]
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a StatementScore>) -> Self {
        let mut totals = Self {
            per_kind: CommitmentKind::ALL
                .iter()
                .map(|&kind| KindTotals { kind: Some(kind), ..KindTotals::default() })
                .collect(),
            ..Self::default()
        };
        let at = |kind: CommitmentKind| CommitmentKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        for score in scores {
            totals.statements += 1;
            totals.sentences += score.sentences;
            totals.found += score.pairs.len() + score.false_finds.len();
            totals.paired += score.pairs.len();
            for miss in &score.misses {
                totals.gold += 1;
                totals.per_kind[at(miss.gold.kind)].gold += 1;
            }
            for false_find in &score.false_finds {
                totals.per_kind[at(false_find.found.kind)].found += 1;
            }
            for pair in &score.pairs {
                let right = pair.gold.accepts(pair.found.kind);
                if !pair.gold.optional {
                    totals.gold += 1;
                    totals.gold_found += 1;
                    totals.per_kind[at(pair.gold.kind)].gold += 1;
                    totals.per_kind[at(pair.gold.kind)].gold_found += usize::from(right);
                }
                totals.kind_right += usize::from(right);
                totals.per_kind[at(pair.found.kind)].found += 1;
                totals.per_kind[at(pair.found.kind)].found_right += usize::from(right);
                if let Some(actor) = &pair.gold.actor {
                    totals.actor_judged += 1;
                    totals.actor_right +=
                        usize::from(pair.found.actor.as_deref().is_some_and(|a| phrase(a) == phrase(actor)));
                }
                if pair.gold.addressee.is_some() || pair.found.addressee.is_some() {
                    totals.addressee_judged += 1;
                    totals.addressee_right += usize::from(
                        pair.gold.addressee.as_deref().map(phrase)
                            == pair.found.addressee.as_deref().map(phrase),
                    );
                }
                if let Some(future) = pair.gold.future_oriented {
                    totals.future_judged += 1;
                    totals.future_right += usize::from(future == pair.found.future_oriented);
                }
            }
        }
        totals
    }

    /// Paired finds ÷ finds (NaN when nothing was found).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.paired, self.found)
    }

    /// Required gold commitments found ÷ required gold commitments.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    /// Harmonic mean of [`precision`](Self::precision) and [`recall`](Self::recall).
    #[must_use]
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// Pairs of an accepted kind ÷ pairs.
    #[must_use]
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_right, self.paired)
    }

    /// Right actors ÷ pairs whose gold gives an actor.
    #[must_use]
    pub fn actor_accuracy(&self) -> f64 {
        ratio(self.actor_right, self.actor_judged)
    }

    /// Agreeing addressees ÷ pairs where either side gives one.
    #[must_use]
    pub fn addressee_accuracy(&self) -> f64 {
        ratio(self.addressee_right, self.addressee_judged)
    }

    /// Agreeing future-oriented flags ÷ pairs where the gold gives one.
    #[must_use]
    pub fn future_accuracy(&self) -> f64 {
        ratio(self.future_right, self.future_judged)
    }
}

fn share(value: f64) -> String {
    if value.is_nan() { "—".to_owned() } else { format!("{value:.3}") }
}

impl fmt::Display for Totals {
    /// A Markdown table: the overall figures, then one row per kind.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} statements, {} sentences, {} gold commitments, {} found\n",
            self.statements, self.sentences, self.gold, self.found
        )?;
        writeln!(f, "| measure | value | counts |")?;
        writeln!(f, "| --- | ---: | ---: |")?;
        writeln!(f, "| precision | {} | {} / {} |", share(self.precision()), self.paired, self.found)?;
        writeln!(f, "| recall | {} | {} / {} |", share(self.recall()), self.gold_found, self.gold)?;
        writeln!(f, "| F1 | {} | |", share(self.f1()))?;
        writeln!(
            f,
            "| kind accuracy | {} | {} / {} |",
            share(self.kind_accuracy()),
            self.kind_right,
            self.paired
        )?;
        writeln!(
            f,
            "| actor accuracy | {} | {} / {} |",
            share(self.actor_accuracy()),
            self.actor_right,
            self.actor_judged
        )?;
        writeln!(
            f,
            "| addressee accuracy | {} | {} / {} |",
            share(self.addressee_accuracy()),
            self.addressee_right,
            self.addressee_judged
        )?;
        writeln!(
            f,
            "| future_oriented accuracy | {} | {} / {} |",
            share(self.future_accuracy()),
            self.future_right,
            self.future_judged
        )?;
        writeln!(f, "\n| kind | gold | found | precision | recall | F1 |")?;
        writeln!(f, "| --- | ---: | ---: | ---: | ---: | ---: |")?;
        for k in &self.per_kind {
            let precision = ratio(k.found_right, k.found);
            let recall = ratio(k.gold_found, k.gold);
            writeln!(
                f,
                "| {} | {} | {} | {} | {} | {} |",
                k.kind.map_or("", CommitmentKind::as_str),
                k.gold,
                k.found,
                share(precision),
                share(recall),
                if precision.is_nan() || recall.is_nan() {
                    "—".to_owned()
                } else {
                    share(f1(precision, recall))
                }
            )?;
        }
        Ok(())
    }
}

/// One gold sentence beside what the program found in it: a row of the sentence-level
/// comparison a researcher takes into their own tools (`communique eval --sentences`
/// writes one JSON object per row, JSON Lines).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceComparison {
    /// The gold file's name.
    pub statement: String,
    /// The gold file's split.
    pub split: Option<String>,
    /// The gold sentence's number (1-based), or 0 for the row of finds whose quote is in
    /// no gold sentence.
    pub n: usize,
    /// The gold sentence's text (empty in row 0).
    pub text: String,
    /// Its gold commitments, optional ones included.
    pub gold: Vec<GoldCommitment>,
    /// The commitments found in it: those paired with a gold commitment first, then those
    /// the gold lacks (false finds).
    pub found: Vec<Found>,
}

/// The rows of the sentence-level comparison of one statement: one per gold sentence in
/// reading order, then a row numbered 0 if some find's quote lies in no gold sentence.
/// `score` is [`score`]'s result for the same `gold`.
#[must_use]
pub fn compare_sentences(gold: &GoldStatement, score: &StatementScore) -> Vec<SentenceComparison> {
    let row = |n: usize, text: &str, commitments: &[GoldCommitment]| SentenceComparison {
        statement: score.name.clone(),
        split: score.split.clone(),
        n,
        text: text.to_owned(),
        gold: commitments.to_vec(),
        found: Vec::new(),
    };
    let mut rows: Vec<SentenceComparison> =
        gold.sentences.iter().map(|s| row(s.n, &s.text, &s.commitments)).collect();
    let mut unplaced = row(0, "", &[]);
    let finds = score
        .pairs
        .iter()
        .map(|p| (p.sentence, &p.found))
        .chain(score.false_finds.iter().map(|f| (f.sentence, &f.found)));
    for (n, found) in finds {
        match rows.iter_mut().find(|r| r.n == n && n != 0) {
            Some(r) => r.found.push(found.clone()),
            None => unplaced.found.push(found.clone()),
        }
    }
    if !unplaced.found.is_empty() {
        rows.push(unplaced);
    }
    rows
}

impl StatementScore {
    /// The misses and false finds, one line each, for a person to read.
    #[must_use]
    pub fn errors(&self) -> String {
        let mut out = String::new();
        for miss in &self.misses {
            let _ = writeln!(
                out,
                "{}: miss  #{} {} (actor {:?}): {}",
                self.name,
                miss.sentence,
                miss.gold.kind.as_str(),
                miss.gold.actor.as_deref().unwrap_or(""),
                miss.text
            );
        }
        for pair in self.pairs.iter().filter(|p| !p.gold.accepts(p.found.kind)) {
            let _ = writeln!(
                out,
                "{}: kind  #{} {} for {} [{}]: {}",
                self.name,
                pair.sentence,
                pair.found.kind.as_str(),
                pair.gold.kind.as_str(),
                pair.found.rule.as_deref().unwrap_or(""),
                pair.found.quote
            );
        }
        for false_find in &self.false_finds {
            let _ = writeln!(
                out,
                "{}: false #{} {} [{}] (actor {:?}): {}",
                self.name,
                false_find.sentence,
                false_find.found.kind.as_str(),
                false_find.found.rule.as_deref().unwrap_or(""),
                false_find.found.actor.as_deref().unwrap_or(""),
                false_find.found.quote
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_model::{Method, Paragraph, Span};

    /// A sentence and its gold commitments (kind, actor).
    type Coded<'a> = (&'a str, &'a [(CommitmentKind, Option<&'a str>)]);

    fn gold(sentences: &[Coded<'_>]) -> GoldStatement {
        GoldStatement {
            source: "x.txt".into(),
            split: None,
            language: None,
            coders: Vec::new(),
            sentences: sentences
                .iter()
                .enumerate()
                .map(|(i, (text, commitments))| GoldSentence {
                    n: i + 1,
                    paragraph: Some(1),
                    text: (*text).to_owned(),
                    commitments: commitments
                        .iter()
                        .map(|(kind, actor)| GoldCommitment {
                            kind: *kind,
                            also: Vec::new(),
                            actor: actor.map(str::to_owned),
                            addressee: None,
                            future_oriented: None,
                            optional: false,
                        })
                        .collect(),
                    comment: None,
                    reconciled: None,
                })
                .collect(),
        }
    }

    fn statement(text: &str, found: &[(&str, CommitmentKind, &str)]) -> Statement {
        let mut statement = Statement::default();
        statement.paragraphs.push(Paragraph::new("para_1", ParagraphKind::Body, text));
        for (i, (quote, kind, actor)) in found.iter().enumerate() {
            let start = text[..text.find(quote).unwrap()].chars().count();
            let mut c = Commitment::new(
                format!("para_1__cmt_{}", i + 1),
                "para_1",
                Span::new(start, start + quote.chars().count()),
                *quote,
                *kind,
                Method::rule("test"),
            );
            c.actor = Some((*actor).to_owned());
            statement.commitments.push(c);
        }
        statement
    }

    #[test]
    fn counts_pairs_misses_and_false_finds() {
        use CommitmentKind::{Condemnation, Demand, Pledge, Support};
        let text = "We condemn the attack and call on all parties to stop. Costs will rise. We will help. We welcome the talks.";
        let gold = gold(&[
            (
                "We condemn the attack and call on all parties to stop.",
                &[(Condemnation, Some("We")), (Demand, Some("We"))],
            ),
            ("Costs will rise.", &[]),
            ("We will help.", &[(Pledge, Some("We"))]),
            ("We  welcome the talks.", &[(Support, Some("the President"))]),
        ]);
        let found = statement(
            text,
            &[
                ("We condemn the attack and call on all parties to stop.", Demand, "We"),
                ("Costs will rise.", Pledge, "Costs"),
                ("We welcome the talks.", Demand, "We"),
            ],
        );
        let score = score("x", &gold, &found);
        // Sentence 1: the demand pairs with the gold demand; the condemnation is missed.
        // Sentence 2: a false find. Sentence 3: missed. Sentence 4: paired, wrong kind,
        // wrong actor.
        assert_eq!(score.pairs.len(), 2);
        assert_eq!(score.misses.len(), 2);
        assert_eq!(score.false_finds.len(), 1);
        let totals = Totals::of([&score]);
        assert_eq!((totals.gold, totals.gold_found, totals.found, totals.paired), (4, 2, 3, 2));
        assert_eq!(totals.kind_right, 1);
        assert_eq!((totals.actor_right, totals.actor_judged), (1, 2));
        assert!((totals.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((totals.recall() - 0.5).abs() < 1e-9);
        let demand = totals.per_kind.iter().find(|k| k.kind == Some(Demand)).unwrap();
        assert_eq!((demand.gold, demand.gold_found, demand.found, demand.found_right), (1, 1, 2, 1));
    }

    #[test]
    fn quotes_are_found_despite_spacing_and_case() {
        let all = folded("The  Leaders, today,\nagreed.").0;
        assert_eq!(all, "theleaderstodayagreed");
        assert_eq!(locate(&all, &folded("leaders today").0, 0), Some(3..15));
        assert_eq!(best_overlap(&[0..3, 3..21], &(3..15)), Some(1));
        assert_eq!(phrase("The United States,"), "united states");
    }

    #[test]
    fn a_quote_over_two_gold_sentences_goes_to_the_one_with_its_cue() {
        use CommitmentKind::Pledge;
        // The program quotes a list item whole; the gold cut it in two, and the cue is in
        // the first, shorter sentence.
        let first = "Trade: We intend to work with farmers.";
        let second = "All exporting countries benefit from the use of effective practices and approaches of every kind.";
        let gold = gold(&[(first, &[(Pledge, Some("We"))]), (second, &[])]);
        let mut found =
            statement(&format!("{first} {second}"), &[(&format!("{first} {second}"), Pledge, "We")]);
        found.commitments[0].cue = Some("intend to".to_owned());
        let scored = score("x", &gold, &found);
        assert_eq!((scored.pairs.len(), scored.misses.len(), scored.false_finds.len()), (1, 0, 0));
        assert_eq!(scored.pairs[0].sentence, 1);
        // Without a cue, the sentence it overlaps most.
        found.commitments[0].cue = None;
        let scored = score("x", &gold, &found);
        assert_eq!((scored.pairs.len(), scored.misses.len(), scored.false_finds.len()), (0, 1, 1));
        assert_eq!(scored.false_finds[0].sentence, 2);
    }
}
