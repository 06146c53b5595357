//! Commitment coding: codebook v1 rules, read from the language files, run over
//! paragraphs.
//!
//! The rules implement the annotation manual (`docs/codebook.md`; each language file's
//! `manual` says which version its rules follow, [`Codebook::manual`]): each
//! sentence (or list item) is read by the language's grammar, which finds its clauses,
//! the subject of each (behind opening phrases, as a coordination of actors, without
//! appositives), whether that subject is on the issuer's side (manual 1.5), and the cues
//! at its verbs; the kind is decided by the manual's order of decision (3.13), and a
//! sentence gets one commitment per kind and actor (M1–M4). A lead-in's items take its
//! actor and frame (3.7); headings, questions and reporters' turns are never coded.
//!
//! Everything a language needs is data: the `[commitments]` table of its file under
//! `crates/text/languages/` (cue lexicons by kind, carrier verbs and kind nouns, word
//! lists of the subject grammar, negative rules, the parties of issuers' sides), embedded
//! at compile time and documented in that folder's README. [`codebook`] gives a
//! language's compiled [`Codebook`]; [`extract_commitments`] runs it.
//!
//! The work per sentence is one pass of a tokenizer, one scan of the grammar and, at each
//! verb, only the rules whose first word is there (rules are indexed by their first
//! word): linear in the length of the text.

mod addressee;
mod fields;
mod free;
mod grammar;
mod knowing;
mod lexicon;
mod own_praise;
mod pattern;
mod side;
mod tokens;
mod verb_second;

pub use lexicon::{AddresseeRule, LexiconError, Position, Rule, SubjectRule};

use crate::offsets::CodePoints;
use crate::sentences::sentence_byte_ranges;
use communique_model::{Actor, Commitment, Method, Paragraph, ParagraphKind, Statement};
use grammar::{Analyzer, Find, LeadFrame};
use lexicon::{Grammar, Lexicon};
use side::SideView;
use std::ops::Range;
use std::sync::LazyLock;
use tokens::{Token, Tokenizer};

/// The compiled rules of one language (its file's `[commitments]` table).
#[derive(Debug)]
pub struct Codebook {
    lexicon: Lexicon,
}

impl Codebook {
    /// Compiles the `[commitments]` table of a language file.
    ///
    /// # Errors
    ///
    /// A [`LexiconError`] saying what is wrong in the table (the tests compile every
    /// embedded file, so a malformed file fails a test, never a user).
    pub fn parse(language: &str, toml_text: &str) -> Result<Self, LexiconError> {
        Lexicon::parse(language, toml_text).map(|lexicon| Self { lexicon })
    }

    /// BCP 47 primary language subtag (`en`, `fr`, `de`).
    #[must_use]
    pub fn language(&self) -> &str {
        &self.lexicon.language
    }

    /// Codebook version the rules follow ([`communique_model::CODEBOOK_VERSION`]).
    #[must_use]
    pub fn version(&self) -> &str {
        &self.lexicon.codebook
    }

    /// Version of the annotation manual the rules follow (`docs/codebook.md`).
    #[must_use]
    pub fn manual(&self) -> &str {
        &self.lexicon.manual
    }

    /// Every rule, in the order of the file (kind tables, then carriers).
    #[must_use]
    pub fn rules(&self) -> &[Rule] {
        &self.lexicon.rules
    }
}

static CODEBOOKS: LazyLock<Vec<Option<Codebook>>> = LazyLock::new(|| {
    crate::languages::FILES.iter().map(|(code, text)| Codebook::parse(code, text).ok()).collect()
});

/// The codebook of `language` (a BCP 47 tag; its primary subtag picks the file: `en-GB`
/// uses `en`), if its language file has a `[commitments]` table.
#[must_use]
pub fn codebook(language: &str) -> Option<&'static Codebook> {
    let primary = language.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    let at = crate::languages::FILES.iter().position(|(code, _)| *code == primary)?;
    CODEBOOKS.get(at)?.as_ref()
}

/// Subject pronouns whose actor resolves to the issuer (`actor_resolved`).
const RESOLVED_PRONOUNS: &[&str] =
    &["we", "i", "he", "she", "our", "my", "his", "her", "wir", "ich", "er", "nous", "je", "il", "elle"];

/// The frame of a lead-in waiting for its items.
struct PendingLead {
    frame: LeadFrame,
    /// What its items so far were: run-in labels (`Some(true)`: "**Full blocking sanctions
    /// on …** This action will …"; a paragraph between them with a clause of its own is an
    /// item coded alone, its label's bold not being in the text, so it does not end the
    /// lead-in's scope) or list items (`Some(false)`: then only list items are items).
    labels: Option<bool>,
}

/// Runs the codebook rules of `language` over `paragraphs` and returns the commitments
/// found, in reading order.
///
/// - `language` is a BCP 47 tag; its primary subtag picks the [`Codebook`] (`en`, with
///   first rule sets for `fr` and `de`). Other languages give no commitment.
/// - `issuers` decide the issuer's side (manual 1.5): with an issuer the language file
///   knows (the White House, NATO, …), subjects that name other parties are third
///   parties, whose positions are not coded.
/// - Each commitment quotes one sentence of a paragraph (or a whole list item); its
///   `span` counts code points of the paragraph's `text` and selects exactly its `quote`.
///   A sentence may hold several commitments, one per kind and actor (manual 1.3).
/// - Ids are `{paragraph id}__cmt_{n}` (`para_3__cmt_1`), n counting from 1 in each
///   paragraph; `method` is [`Method::rule`] with the id of the rule that decided the
///   kind (`en.pledge.intend`).
/// - `actor_resolved` is the first of `issuers` when the actor is a first-person or
///   singular third-person pronoun ("we", "I", "he") and an issuer is known.
/// - Headings and reporters' questions (`question` paragraphs, turns opening with "Q")
///   give no commitment; a lead-in completed by list items gives none itself, its items
///   take its actor and frame (manual 3.7).
///
/// Time and memory are linear in the length of the paragraphs.
///
/// This reads the statement as one issuer's; [`extract_commitments_of`] also takes the
/// statement's kind and title, which tell the signatories of a joint statement.
#[must_use]
pub fn extract_commitments(paragraphs: &[Paragraph], language: &str, issuers: &[Actor]) -> Vec<Commitment> {
    let Some(book) = codebook(language) else { return Vec::new() };
    let side = SideView::new(&book.lexicon, issuers);
    code_paragraphs(book, &side, paragraphs, issuers)
}

/// Runs the codebook rules over the paragraphs of `statement`, as
/// [`extract_commitments`] does with its paragraphs, language and issuers, and also
/// reads its kind and title: a statement of a kind its language file lists as joint
/// (`[commitments.joint]`: a joint statement, a declaration, a communiqué) has every
/// signatory on the issuer's side (manual 1.5, item 2): the names in its title, and the
/// heads of government it names, are the side's, and so are the parties its first two body
/// paragraphs name beside the issuer's (a titled name in a sentence with the issuer's
/// principal, with its country; a name coordinated with the issuer's side). Its source
/// address tells its publisher: a page on a site a side of the language file lists
/// (`sites`: `kremlin.ru`, `europarl.europa.eu`) is read with that side, alone unless the
/// text names the signatories of a joint statement. Ingest codes statements this way.
#[must_use]
pub fn extract_commitments_of(statement: &Statement) -> Vec<Commitment> {
    let Some(book) = codebook(statement.language.as_deref().unwrap_or_default()) else { return Vec::new() };
    let mut side = SideView::with_occasion(
        &book.lexicon,
        &statement.issuers,
        Some(statement.kind.as_str()),
        statement.title.as_deref(),
    );
    // The publisher's side, from the page's address (1.5): a Kremlin page is Russia's.
    side.publisher(&book.lexicon, statement.source.url.as_deref(), !statement.issuers.is_empty());
    // The parties a joint statement's opening names are its signatories too (1.5).
    let opening = statement.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body).take(2);
    side.read_opening(&book.lexicon, opening.map(|p| p.text.as_str()));
    // The year of issue, which tells a year ahead from history.
    side.year =
        statement.issued.and_then(|d| u32::try_from(communique_model::chrono::Datelike::year(&d)).ok());
    code_paragraphs(book, &side, &statement.paragraphs, &statement.issuers)
}

fn code_paragraphs(
    book: &Codebook,
    side: &SideView<'_>,
    paragraphs: &[Paragraph],
    issuers: &[Actor],
) -> Vec<Commitment> {
    let lex = &book.lexicon;
    let resolved = issuers.first().map(|issuer| issuer.name.clone());
    let mut run = Run {
        lex,
        side,
        resolved: resolved.as_deref(),
        tokenizer: Tokenizer::default(),
        tokens: Vec::new(),
        buffers: grammar::Buffers::default(),
    };
    let mut out = Vec::new();
    let mut lead: Option<PendingLead> = None;
    for paragraph in paragraphs {
        let text = paragraph.text.as_str();
        let mut counter = 0;
        if paragraph.kind == ParagraphKind::Heading {
            lead = None;
            continue;
        }
        // A reporter's question (a `question` paragraph, as a transcript's layout marks
        // it, or a turn that opens with "Q") is never coded (manual 3.6): a question put
        // to the issuer is no position of the issuer's.
        if paragraph.kind == ParagraphKind::Question || is_reporter_turn(text) {
            continue;
        }
        // A turn of a speaker off the issuer's side, in a transcript whose layout names
        // the speakers, is that party's position (manual 3.1 R1, 3.6).
        if paragraph.speaker.as_deref().is_some_and(|speaker| run.speaker_is_third(speaker)) {
            lead = None;
            continue;
        }
        let ranges: Vec<Range<usize>> = if paragraph.kind == ParagraphKind::ListItem {
            let trimmed = trim_range(text, 0..text.len());
            if trimmed.is_empty() { Vec::new() } else { vec![trimmed] }
        } else {
            sentence_byte_ranges(text)
        };
        let mut cursor = CodePoints::new(text);
        let mut item_seen = false;
        let mut set_here = false;
        for (n, range) in ranges.iter().enumerate() {
            // A dateline that opens the paragraph ("VIENNA, 3 March 2023 – The …") is read
            // past; the quote keeps it.
            // So is a run-in label before a colon ("Promote best practices …: We intend to
            // …"; manual 3.7): the clause after it is what is coded.
            let skip = if n == 0 {
                crate::header::dateline_prefix(&text[range.clone()])
                    .or_else(|| run.label_prefix(&text[range.clone()]))
                    .unwrap_or(0)
            } else {
                0
            };
            let range = &(range.start + skip..range.end);
            let quoted = &(ranges[n].clone());
            let sentence = &text[range.clone()];
            let last = n + 1 == ranges.len();
            // An item (or a run-in label) under a lead-in.
            let under_lead = lead.as_ref().filter(|_| n == 0).map(|p| (p.frame.clone(), p.labels));
            if let Some((frame, labels)) = under_lead {
                let list_item = paragraph.kind == ParagraphKind::ListItem;
                if list_item || (labels != Some(false) && run.is_label(sentence)) {
                    item_seen = true;
                    if let Some(pending) = &mut lead {
                        pending.labels = Some(!list_item);
                    }
                    // An item's run-in label before a colon completes the lead-in too
                    // ("they plan to:" + "Promote best practices …: We intend to …"): the
                    // label is the item under the lead-in's frame, the clause after it
                    // is coded as well (3.7).
                    if skip > 0 && run.opens_clause(sentence) {
                        let label = &(quoted.start..range.start);
                        let finds = run.code(&text[label.clone()], Mode::Item(&frame));
                        run.push(paragraph, &mut counter, &mut cursor, quoted, label, &finds, &mut out);
                    }
                    let finds = run.code(sentence, Mode::Item(&frame));
                    run.push(paragraph, &mut counter, &mut cursor, quoted, range, &finds, &mut out);
                    continue;
                }
            }
            // A lead-in that its items complete codes nothing itself (3.7).
            if last && sentence.trim_end().ends_with(':') && paragraph.kind != ParagraphKind::ListItem {
                let mut frame = None;
                let finds = run.code(sentence, Mode::LeadIn(&mut frame));
                if let Some(frame) = frame {
                    lead = Some(PendingLead { frame, labels: None });
                    set_here = true;
                    continue;
                }
                run.push(paragraph, &mut counter, &mut cursor, quoted, range, &finds, &mut out);
                continue;
            }
            let finds = run.code(sentence, Mode::Sentence);
            run.push(paragraph, &mut counter, &mut cursor, quoted, range, &finds, &mut out);
        }
        // A lead-in's scope ends at the first paragraph that is not an item (manual 3.7).
        let keeps = |p: &PendingLead| p.labels == Some(true) && paragraph.kind == ParagraphKind::Body;
        if !set_here && !item_seen && !ranges.is_empty() && !lead.as_ref().is_some_and(keeps) {
            lead = None;
        }
    }
    out
}

/// A paragraph that is a reporter's question in a briefing ("Q …", "Q: …").
fn is_reporter_turn(text: &str) -> bool {
    let t = text.trim_start();
    (t.starts_with("Q ") || t.starts_with("Q:") || t.starts_with("Q.")) && !t.starts_with("Q. ") || t == "Q"
}

/// How a sentence is read.
enum Mode<'f> {
    Sentence,
    /// The last sentence of a paragraph, ending in a colon: its frame, if its items
    /// complete it, goes to the `Option`.
    LeadIn(&'f mut Option<LeadFrame>),
    Item(&'f LeadFrame),
}

/// What stays the same over one call of [`extract_commitments`].
struct Run<'a> {
    lex: &'a Lexicon,
    side: &'a SideView<'a>,
    resolved: Option<&'a str>,
    tokenizer: Tokenizer,
    tokens: Vec<Token>,
    buffers: grammar::Buffers,
}

impl Run<'_> {
    /// Whether a speaker label names a party off the issuer's side
    /// ([`SideView::speaker_is_third`]).
    fn speaker_is_third(&mut self, speaker: &str) -> bool {
        self.tokenizer.tokenize(speaker, self.lex, &mut self.tokens);
        self.side.speaker_is_third(&self.tokens, speaker)
    }

    /// Whether the tokens hold a word a cue can start with, or a word that can be a
    /// verb in the present progressive.
    fn may_code(&self) -> bool {
        let lex = self.lex;
        self.tokens.iter().any(|t| {
            lex.cue_start.get(t.sym as usize).copied().unwrap_or(false)
                || (t.class & lexicon::class::GERUND != 0 && !lex.progressive.is_empty())
        })
    }

    /// Whether a paragraph's first sentence is a run-in label (a heading-like phrase
    /// without a clause: "Full blocking sanctions on …", "Prohibiting new investment …").
    fn is_label(&mut self, sentence: &str) -> bool {
        self.tokenizer.tokenize(sentence, self.lex, &mut self.tokens);
        if self.tokens.len() > 60 || self.tokens.is_empty() {
            return false;
        }
        let mut analyzer = Analyzer::new(self.lex, sentence, &self.tokens, self.side);
        let start = analyzer.body_start();
        let has_subject = analyzer.subject(start).is_some_and(|(_, end)| analyzer.starts_verb(end));
        analyzer.finds.clear();
        !has_subject && self.tokens.first().is_some_and(Token::is_capital) && !self.gerund_clause()
    }

    /// Whether `sentence` opens with a subject and its verb, the subject not a gerund
    /// phrase ("We intend to …", "Countries intend to …"; not "Deepening integration is
    /// essential …", nor a list of names).
    fn opens_clause(&mut self, sentence: &str) -> bool {
        self.tokenizer.tokenize(sentence, self.lex, &mut self.tokens);
        if self.tokens.first().is_none_or(|t| t.class & lexicon::class::GERUND != 0) {
            return false;
        }
        let analyzer = Analyzer::new(self.lex, sentence, &self.tokens, self.side);
        let start = analyzer.body_start();
        analyzer.subject(start).is_some_and(|(_, end)| analyzer.starts_verb(end))
    }

    /// The length in bytes of a run-in label that opens `sentence` and ends in a colon
    /// followed by a clause of its own ("• Promote best practices to boost crop yields:
    /// We intend to …"), up to the clause; `None` when the sentence opens otherwise. A
    /// label is at most 30 words, holds no clause of its own ([`Run::is_label`]) and
    /// may start with a bullet; the clause after the colon starts with a capital letter.
    fn label_prefix(&mut self, sentence: &str) -> Option<usize> {
        let colon = sentence.find(": ")?;
        let label = sentence[..colon].trim_start_matches(['•', '-', '*', '·', '–', ' ']);
        let rest = &sentence[colon + 1..];
        let clause = rest.trim_start();
        if label.is_empty()
            || label.split_whitespace().nth(30).is_some()
            || !clause.chars().next().is_some_and(char::is_uppercase)
            || !self.is_label(label)
        {
            return None;
        }
        Some(colon + 1 + (rest.len() - clause.len()))
    }

    /// Whether the tokenised sentence is a clause with a gerund phrase as its subject
    /// ("Building our resilience to ransomware attacks requires effective policies …"):
    /// a verb in the third person followed by a word that is neither a preposition nor
    /// punctuation ("Strengthening sanctions on …" is a label).
    fn gerund_clause(&self) -> bool {
        use lexicon::class;
        let t = &self.tokens;
        if t.first().is_none_or(|x| x.class & class::GERUND == 0) {
            return false;
        }
        (1..t.len().min(30)).any(|i| {
            let x = &t[i];
            x.is_word()
                && !x.is_capital()
                && x.class & class::VERB != 0
                && x.class & class::THIRD != 0
                && t.get(i + 1).is_some_and(|n| n.is_word() && n.class & class::PREPOSITION == 0)
        })
    }

    /// Codes one sentence.
    fn code(&mut self, sentence: &str, mode: Mode<'_>) -> Vec<Find> {
        self.tokenizer.tokenize(sentence, self.lex, &mut self.tokens);
        // A sentence in which no cue can start, nor a progressive verb ("is …ing"), codes
        // nothing; most of a statement's facts are such sentences.
        if matches!(mode, Mode::Sentence) && !self.may_code() {
            return Vec::new();
        }
        let buffers = std::mem::take(&mut self.buffers);
        let mut analyzer = Analyzer::with_buffers(self.lex, sentence, &self.tokens, self.side, buffers);
        match (self.lex.grammar, mode) {
            (Grammar::Free, Mode::Sentence) => analyzer.run_free(),
            (Grammar::Free, Mode::LeadIn(frame)) => {
                analyzer.lead_in_free();
                if let Some(lead) = analyzer.lead.take() {
                    *frame = Some(lead);
                }
                analyzer.run_free();
            }
            (Grammar::Free, Mode::Item(frame)) => {
                analyzer.run_free();
                if analyzer.finds.is_empty() {
                    analyzer.item(frame);
                }
            }
            (Grammar::English, Mode::Sentence) => analyzer.run(),
            (Grammar::English, Mode::LeadIn(frame)) => {
                analyzer.lead_in();
                if let Some(lead) = analyzer.lead.take() {
                    *frame = Some(lead);
                }
                analyzer.run();
            }
            (Grammar::English, Mode::Item(frame)) => analyzer.item(frame),
        }
        let finds = merge(std::mem::take(&mut analyzer.finds));
        self.buffers = analyzer.into_buffers();
        finds
    }

    /// Turns the finds of the sentence at `quoted` of `paragraph` (read from `analyzed`,
    /// its part after a dateline, which `code` has just tokenised) into commitments.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        paragraph: &Paragraph,
        counter: &mut usize,
        cursor: &mut CodePoints<'_>,
        quoted: &Range<usize>,
        analyzed: &Range<usize>,
        finds: &[Find],
        out: &mut Vec<Commitment>,
    ) {
        if finds.is_empty() {
            return;
        }
        let text = paragraph.text.as_str();
        let span = cursor.span(quoted.clone());
        let quote = &text[quoted.clone()];
        let sentence = &text[analyzed.clone()];
        // The sentence's tokens (as `code` left them), for the cue, flags and references.
        let tokens = &self.tokens;
        let intensifier = fields::intensifier(tokens, self.lex, sentence);
        let references = fields::references(tokens, self.lex, sentence);
        for find in finds {
            *counter += 1;
            let rule = &self.lex.rules[find.rule];
            let mut commitment = Commitment::new(
                format!("{}__cmt_{counter}", paragraph.id),
                paragraph.id.clone(),
                span,
                quote,
                find.kind,
                Method::rule(rule.id()),
            );
            commitment.actor = find.actor.clone();
            commitment.actor_resolved = find
                .actor
                .as_deref()
                .filter(|a| RESOLVED_PRONOUNS.iter().any(|p| a.eq_ignore_ascii_case(p)))
                .and(self.resolved)
                .map(str::to_owned);
            commitment.addressee = find.addressee.clone();
            commitment.cue = (!find.cue.is_empty() && find.cue.end <= tokens.len()).then(|| {
                sentence[tokens[find.cue.start].start as usize..tokens[find.cue.end - 1].end as usize]
                    .to_owned()
            });
            commitment.intensifier = intensifier.clone();
            commitment.references = references.clone();
            let content_end = find.content.end.min(tokens.len());
            let content = find.content.start.min(content_end)..content_end;
            commitment.future_oriented =
                fields::future_oriented(find.kind, find.stance, &tokens[content], self.lex, sentence);
            commitment.conditional = find.kind.is_conditional_by_nature() || find.conditional;
            out.push(commitment);
        }
    }
}

/// One commitment per kind and actor in a sentence (manual 1.3, M1–M3), in the order of
/// their cues.
fn merge(mut finds: Vec<Find>) -> Vec<Find> {
    finds.sort_by_key(|f| f.cue.start);
    let mut out: Vec<Find> = Vec::with_capacity(finds.len());
    for find in finds {
        let same = out.iter().any(|kept| {
            kept.kind == find.kind
                && match (kept.actor.as_deref(), find.actor.as_deref()) {
                    (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => a.eq_ignore_ascii_case(b),
                    (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
                    (a, b) => a == b,
                }
        });
        // An actorless find of a kind already found with an actor adds nothing.
        let covered = find.actor.is_none() && out.iter().any(|kept| kept.kind == find.kind);
        if !same && !covered {
            out.push(find);
        }
    }
    out
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests;
