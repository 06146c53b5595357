//! The English grammar: one left-to-right scan of a sentence's tokens that finds its
//! clauses, the subject of each and the verbs said of it, and codes the cues at those
//! verbs (manual 6.1, steps 1–8).
//!
//! A clause is: opening phrases (skipped up to their comma: "In this context,", "To
//! support …,", "Delivering on our commitment at the 2022 Summit,"), a subject (a pronoun,
//! a noun phrase, a coordination of them: "Canada, Mexico, and the United States"; an
//! appositive between commas is left out), then a verb phrase: adverbs and auxiliaries,
//! the rules at the verb (frames such as "will" or "intend to" wrap the next verb), and
//! what follows, until a verb coordinated with it ("… and committed to"), which is a
//! verb phrase of the same subject, or a new clause with a subject of its own (", and
//! they …", "; we …"). Relative and background clauses ("which …", ", as …") are passed
//! over. A carrier verb ("reaffirm", "express") passes on the kind of the kind nouns of
//! its object ("our commitment", "our condemnation"), or codes the clause after "that".
//!
//! Every step moves forward or looks ahead a bounded number of tokens (a noun phrase is
//! at most [`MAX_NP`] tokens, an opening phrase at most [`MAX_OPENER`]), so the scan is
//! linear in the length of the sentence.

use super::lexicon::{AddresseeRule, Lexicon, Position, SubjectRule, Sym, class};
use super::side::{Party, SideView};
use super::tokens::Token;
use communique_model::CommitmentKind as K;
use std::ops::Range;

/// The longest noun phrase (in tokens) the scanner reads as one subject or conjunct.
const MAX_NP: usize = 24;
/// The most tokens read after a kind noun as subject for its evaluative predicate.
const MAX_PREDICATE: usize = 16;
/// The longest opening phrase before its comma.
const MAX_OPENER: usize = 48;
/// The most that-clauses nested in one another.
const MAX_DEPTH: usize = 3;

/// A commitment found in a sentence (token offsets into the sentence's tokens).
#[derive(Debug, Clone)]
pub(crate) struct Find {
    pub(crate) kind: K,
    /// Index of the rule that decided the kind.
    pub(crate) rule: usize,
    /// Tokens of the deciding cue.
    pub(crate) cue: Range<usize>,
    pub(crate) actor: Option<String>,
    pub(crate) addressee: Option<String>,
    /// The content is a stance (manual 4).
    pub(crate) stance: bool,
    /// Tokens after the cue up to the end of the clause (for the generic test).
    pub(crate) content: Range<usize>,
    /// Governed by a condition (manual 1.4).
    pub(crate) conditional: bool,
}

/// What a subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// The issuer's side.
    Own,
    /// A third party.
    Third,
    /// A thing, event, measure or number.
    Thing,
    /// "It": the issuer before a cue verb ("It urges"), otherwise a thing.
    It,
    /// No subject in the text (a list item, an impersonal form).
    None,
}

/// The subject of a clause.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub(crate) who: Who,
    /// The actor as written (manual 1.6).
    pub(crate) actor: Option<String>,
    /// Tokens of the noun phrase (all conjuncts).
    pub(crate) np: Range<usize>,
    /// The head noun's token, when it is a noun phrase.
    pub(crate) head: Option<usize>,
    /// The possessor's actor ("Our commitment" → "We"), for a kind noun as subject.
    pub(crate) possessor: Option<String>,
}

/// One cue in a verb phrase: a frame, a verb, a predicate, a carrier or a kind noun.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Link {
    pub(crate) rule: usize,
    pub(crate) cue: (usize, usize),
    /// The head was a past participle after "be" (a passive).
    pub(crate) passive: bool,
}

/// One noun phrase conjunct.
#[derive(Debug, Clone)]
pub(crate) struct Np {
    pub(crate) range: Range<usize>,
    pub(crate) head: usize,
    pub(crate) pronoun: bool,
    pub(crate) it: bool,
    /// A possessive word ("our") or the tokens before a possessive ending.
    pub(crate) possessor: Option<Range<usize>>,
}

/// Flags of the auxiliaries before a verb.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Aux {
    pub(crate) possibility: bool,
    pub(crate) future: bool,
    pub(crate) perfect: bool,
    pub(crate) be: bool,
    pub(crate) copula: bool,
    pub(crate) negated: bool,
}

/// Where a verb phrase's scan stopped.
enum Stop {
    /// A verb coordinated with the last one, at this token; whether it takes over the
    /// frames before the first verb ("will A and B"); whether it may be a gerund (a
    /// participle clause).
    Coordinated(usize, bool, bool),
    /// A new clause with a subject of its own starts here.
    Clause(usize),
    /// ", and that …" after a that-clause: the next that-clause of the same carrier.
    AndThat(usize),
    /// The end of the sentence (or of the stretch scanned).
    End(usize),
}

/// The frame of a lead-in that its items complete (manual 3.7).
#[derive(Debug, Clone)]
pub(crate) struct LeadFrame {
    pub(crate) subject: Subject,
    /// The frames and carrier the lead-in ends with; its items continue them.
    pub(crate) links: Vec<Link>,
    /// Items are verbs ("… steps to:") or objects ("… the following actions:").
    pub(crate) objects: bool,
    /// The kind of an object item that holds no kind noun.
    pub(crate) default: Option<K>,
    /// The rule that gives `default`.
    pub(crate) default_rule: Option<usize>,
}

/// The per-sentence tables of an [`Analyzer`], kept from one sentence to the next.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    void: Vec<bool>,
    semicolon: Vec<u32>,
    conditions: Vec<u32>,
}

/// The analysis of one sentence.
pub(crate) struct Analyzer<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) text: &'a str,
    pub(crate) t: &'a [Token],
    pub(crate) side: &'a SideView<'a>,
    /// Tokens covered by a negative rule ("supply and demand"): no cue starts there.
    void: Vec<bool>,
    /// Whether the sentence names a trigger (manual 2.5), found when first needed.
    trigger: Option<bool>,
    /// History markers seen in opening phrases of the current clause.
    history_opener: bool,
    /// A cue in an opening phrase ("In condemning …, we express …"), coded with the
    /// subject once it is known (manual 3.9).
    opener_cue: Option<usize>,
    /// The last verb phrase of the clause was history (3.4): a participle clause after
    /// it is too ("launched this initiative in 2022, pledging to …").
    last_history: bool,
    /// A condition governs the current clause.
    condition: bool,
    /// The condition word of an opening condition whose trigger is another party's
    /// conduct ("If Norland moves …, we will …"): the clause's pledge is a warning (3.5).
    trigger_other: Option<usize>,
    pub(crate) finds: Vec<Find>,
    /// Set by [`Analyzer::lead_in`]: the frame the sentence leaves open at its colon.
    pub(crate) lead: Option<LeadFrame>,
    /// The sentence had a clause with a subject and a verb.
    pub(crate) has_clause: bool,
    /// The subjects found, with the token where each one's verb phrase starts.
    clauses: Vec<(usize, Subject)>,
    /// For each token, the index of the first semicolon at or after it (or the length).
    semicolon: Vec<u32>,
    /// Prefix counts of the tokens where a condition starts (manual 1.4), counted when
    /// first needed (empty until then).
    conditions: Vec<u32>,
    /// The first token of the sentence proper (after quotes and a speaker label).
    start: usize,
    /// The subject of a verb of knowing or saying whose clause is being read: a cue verb
    /// coordinated after that clause is its (manual 1.8).
    knower: Option<Subject>,
}

fn is(t: &Token, bits: u64) -> bool {
    t.is_word() && t.class & bits != 0
}

impl<'a> Analyzer<'a> {
    pub(crate) fn new(lex: &'a Lexicon, text: &'a str, t: &'a [Token], side: &'a SideView<'a>) -> Self {
        Self::with_buffers(lex, text, t, side, Buffers::default())
    }

    /// As [`Analyzer::new`], with the tables' memory of an earlier sentence.
    pub(crate) fn with_buffers(
        lex: &'a Lexicon,
        text: &'a str,
        t: &'a [Token],
        side: &'a SideView<'a>,
        buffers: Buffers,
    ) -> Self {
        let Buffers { mut void, mut semicolon, mut conditions } = buffers;
        void.clear();
        void.resize(t.len(), false);
        for i in 0..t.len() {
            for &n in lex.not_cue_index.get(t[i].sym) {
                if let Some(end) = lex.not_cues[n as usize].match_at(t, i) {
                    for v in &mut void[i..end] {
                        *v = true;
                    }
                }
            }
        }
        // Clause boundaries: a semicolon, or a colon or full stop before a capital ("This
        // week: The G7+ agreed …", a run-in label "Indo-pacific. Leaders reaffirmed …").
        semicolon.clear();
        semicolon.resize(t.len() + 1, t.len() as u32);
        for i in (0..t.len()).rev() {
            let stop = (t[i].is_punct(':') || t[i].is_punct('.') || t[i].is_punct('!'))
                && t.get(i + 1).is_some_and(|n| n.is_capital() || n.is_punct('“') || n.is_punct('"'));
            semicolon[i] = if t[i].is_punct(';') || stop { i as u32 } else { semicolon[i + 1] };
        }
        conditions.clear();
        let mut analyzer = Self {
            lex,
            text,
            t,
            side,
            void,
            trigger: None,
            history_opener: false,
            opener_cue: None,
            last_history: false,
            condition: false,
            trigger_other: None,
            finds: Vec::new(),
            lead: None,
            has_clause: false,
            clauses: Vec::new(),
            semicolon,
            conditions,
            start: 0,
            knower: None,
        };
        analyzer.start = analyzer.find_body_start();
        analyzer
    }

    /// The tables' memory, for the next sentence.
    pub(crate) fn into_buffers(self) -> Buffers {
        Buffers { void: self.void, semicolon: self.semicolon, conditions: self.conditions }
    }

    /// Whether token `i` is the word `word` (as the lexicon spells it, lower case).
    pub(crate) fn sym_is(&self, i: usize, word: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is_word() && self.lex.words.name(t.sym) == word)
    }

    pub(crate) fn word_at(&self, i: usize, bits: u64) -> bool {
        self.t.get(i).is_some_and(|t| is(t, bits))
    }

    fn punct_at(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub(crate) fn slice(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() || range.end > self.t.len() {
            return "";
        }
        &self.text[self.t[range.start].start as usize..self.t[range.end - 1].end as usize]
    }

    fn quote_or_dash(t: &Token) -> bool {
        t.shape & super::tokens::PUNCT != 0
            && matches!(
                t.punct,
                '"' | '“' | '”' | '‘' | '\'' | '«' | '»' | '„' | '*' | '•' | '-' | '–' | '—' | '·'
            )
    }

    /// The first token of the sentence proper: after quotes, bullets and a speaker label
    /// ("MR. KIRBY:", manual 3.6).
    pub(crate) fn body_start(&self) -> usize {
        self.start
    }

    fn find_body_start(&self) -> usize {
        let t = self.t;
        let mut i = 0;
        while t.get(i).is_some_and(Self::quote_or_dash) {
            i += 1;
        }
        // A speaker label: words in capitals, then a colon.
        let mut j = i;
        while j < i + 8
            && t.get(j).is_some_and(|t| {
                t.is_word() && t.shape & super::tokens::ALL_CAPS != 0
                    || t.is_word() && t.end - t.start <= 3 && t.is_capital()
            })
        {
            j += 1;
        }
        if j > i
            && j - i <= 6
            && self.punct_at(j, ':')
            && t[i..j].iter().any(|t| t.shape & super::tokens::ALL_CAPS != 0)
            // "WE HEREBY DECLARE TO:" is a lead-in, not a speaker.
            && !t[i..j].iter().any(|t| is(t, class::PRONOUN))
        {
            i = j + 1;
        }
        while t.get(i).is_some_and(Self::quote_or_dash) {
            i += 1;
        }
        i
    }

    /// Codes the sentence (manual 6.1): its clauses, their subjects and verbs.
    pub(crate) fn run(&mut self) {
        if self.is_question() {
            return;
        }
        let mut p = self.body_start();
        // A preambular or operative clause that opens with its verb in capitals
        // ("APPRECIATING the United States’ support …", "ESTABLISH the … Partnership"): the
        // statement's own first person is its subject; its that-clauses are background.
        if let Some(x) = self.t.get(p)
            && x.shape & super::tokens::ALL_CAPS != 0
            && is(x, class::VERB)
            && x.class & (class::GERUND | class::BASE) != 0
            && !self.lex.at_verb.get(x.sym).is_empty()
            && let Some(actor) = self.lex.preamble_actor.clone()
        {
            let subject =
                Subject { who: Who::Own, actor: Some(actor), np: p..p, head: None, possessor: None };
            self.has_clause = true;
            p = self.verb_phrases(&subject, p, None, MAX_DEPTH, &[], true);
        }
        let mut guard = 0;
        while p < self.t.len() && guard < self.t.len() + 1 {
            guard += 1;
            let next = self.clause(p, None, 0);
            p = if next > p { next } else { self.next_clause_boundary(p) };
        }
        self.phrases(0..self.t.len());
    }

    /// A question, or a reporter's turn in a transcript (manual 3.6).
    fn is_question(&self) -> bool {
        let last = self.t.iter().rev().find(|t| !Self::quote_or_dash(t) && !t.is_punct(')'));
        if last.is_some_and(|t| t.is_punct('?')) {
            return true;
        }
        let start = self.body_start();
        self.word_at(start, class::REPORTER) && self.t.get(start).is_some_and(|t| t.end - t.start == 1)
    }

    fn next_clause_boundary(&self, p: usize) -> usize {
        let end = self.clause_end(p + 1);
        if end < self.t.len() { end + 1 } else { end }
    }

    /// Phrase rules anywhere in `range` ("It is urgent that …", "our hearts are with").
    fn phrases(&mut self, range: Range<usize>) {
        for i in range {
            if self.void[i] {
                continue;
            }
            let rules = self.lex.phrases.get(self.t[i].sym);
            if rules.is_empty() {
                continue;
            }
            // "We do not recognize …", "will never recognize …": a negation right before
            // the phrase turns it around.
            let negated = (i.saturating_sub(2)..i).any(|j| self.word_at(j, class::NEGATION));
            for &r in rules {
                let rule = &self.lex.rules[r as usize];
                if negated && rule.kind != Some(K::Condemnation) {
                    continue;
                }
                let Some(end) = rule.pattern.match_at(self.t, i) else { continue };
                let Some(kind) = rule.kind else { continue };
                // A phrase the clause grammar has coded already.
                if rule.subject == SubjectRule::Any
                    && self.finds.iter().any(|f| f.kind == kind && f.cue.start < end && i < f.cue.end)
                {
                    continue;
                }
                let mut actor = (i..end).find_map(|j| self.lex.possessive_actor.get(&self.t[j].sym).cloned());
                let mut content_start = end;
                if rule.subject == SubjectRule::Side {
                    // The subject of the clause the phrase is in ("The federal government
                    // has … vaccinators ready to deploy").
                    let before = self.clauses.partition_point(|(at, _)| *at <= i);
                    let Some((at, subject)) = before.checked_sub(1).and_then(|k| self.clauses.get(k)) else {
                        continue;
                    };
                    if subject.who != Who::Own {
                        continue;
                    }
                    actor = subject.actor.clone();
                    content_start = (*at).min(end);
                }
                let addressee = match rule.addressee {
                    AddresseeRule::None => None,
                    _ => self.party_from(end, kind),
                };
                let clause_end = self.clause_end(end);
                let conditional = self.condition_in(i.saturating_sub(12)..clause_end);
                self.finds.push(Find {
                    kind,
                    rule: r as usize,
                    cue: i..end,
                    actor,
                    addressee,
                    stance: rule.stance,
                    content: content_start..clause_end,
                    conditional,
                });
            }
        }
    }

    /// Where the clause holding token `from` ends: the next semicolon or the end (one
    /// lookup in a table built once per sentence).
    pub(crate) fn clause_end(&self, from: usize) -> usize {
        self.semicolon.get(from).map_or(self.t.len(), |&i| i as usize)
    }

    /// Whether the sentence names a trigger (manual 2.5): one of the language's trigger
    /// patterns occurs in it.
    fn has_trigger(&mut self) -> bool {
        if let Some(found) = self.trigger {
            return found;
        }
        let (lex, t) = (self.lex, self.t);
        let found = (0..t.len()).any(|i| {
            lex.trigger_index.get(t[i].sym).iter().any(|&n| lex.triggers[n as usize].match_at(t, i).is_some())
        });
        self.trigger = Some(found);
        found
    }

    /// Whether a condition (manual 1.4) starts in `range` (a lookup in prefix counts).
    fn condition_in(&mut self, range: Range<usize>) -> bool {
        if self.conditions.len() != self.t.len() + 1 {
            let (lex, t) = (self.lex, self.t);
            self.conditions.clear();
            self.conditions.push(0);
            for i in 0..t.len() {
                let starts = lex
                    .condition_index
                    .get(t[i].sym)
                    .iter()
                    .any(|&n| lex.conditions[n as usize].match_at(t, i).is_some());
                let last = self.conditions[i];
                self.conditions.push(last + u32::from(starts));
            }
        }
        let end = range.end.min(self.t.len());
        let start = range.start.min(end);
        self.conditions[end] > self.conditions[start]
    }

    // ---- clauses ----------------------------------------------------------------------

    /// Codes the clause starting at `p`; returns where the next clause starts. `actor`
    /// overrides the subject's actor (a that-clause of a carrier, manual 3.13).
    fn clause(&mut self, p: usize, actor: Option<&Subject>, depth: usize) -> usize {
        self.history_opener = false;
        self.condition = false;
        self.trigger_other = None;
        self.opener_cue = None;
        self.last_history = false;
        let start = self.openers(p);
        let Some((mut subject, end)) = self.subject(start).or_else(|| self.rescue_subject(start)) else {
            return self.skip_clause(start);
        };
        // "is announcing it is prepared to …": "it" in a carrier's clause is its subject.
        if subject.who == Who::It && actor.is_some_and(|a| a.who == Who::Own) {
            subject.who = Who::Own;
        }
        self.has_clause = true;
        self.clauses.push((end, subject.clone()));
        if let Some(cue) = self.opener_cue.take()
            && subject.who == Who::Own
        {
            let _ = self.verb_phrase(&subject, cue, &[], actor, depth, true);
        }
        // A kind noun of the issuer's side as subject of an evaluative predicate
        // ("Our commitment to Article 5 … is iron-clad", manual 3.3 exception 1).
        if let Some(next) = self.nominal(&subject, end, actor, depth) {
            return next;
        }
        self.verb_phrases(&subject, end, actor, depth, &[], false)
    }

    /// Skips opening phrases from `p` (manual 3.9) and returns where the subject starts.
    fn openers(&mut self, mut p: usize) -> usize {
        let t = self.t;
        for _ in 0..8 {
            while t.get(p).is_some_and(|x| Self::quote_or_dash(x) || x.is_punct(',')) {
                p += 1;
            }
            let Some(tok) = t.get(p) else { break };
            if !tok.is_word() {
                break;
            }
            // "And my commitment to NATO … is ironclad.", "But the United States will
            // …": a conjunction opening the sentence links it to the last one; the
            // subject follows it (manual 3.9).
            if p == self.body_start()
                && is(tok, class::COORDINATOR)
                && (self.sym_is(p, "and") || self.sym_is(p, "but"))
                && t.get(p + 1).is_some_and(Token::is_word)
            {
                p += 1;
                continue;
            }
            // "Fully recognizing that …,": a manner adverb before an opening participle.
            if self.adverb_before_opener(p) {
                p += 1;
                continue;
            }
            let lead_adverb = is(tok, class::LEAD_ADVERB);
            let opens = is(
                tok,
                class::OPENER
                    | class::BACKGROUND
                    | class::CONDITION
                    | class::PURPOSE
                    | class::LAST
                    | class::HISTORY
                    | class::MONTH,
            ) || (tok.is_capital() && is(tok, class::BACKGROUND_VERB))
                || (tok.is_capital()
                    && tok.class & (class::GERUND | class::PARTICIPLE) != 0
                    && !t.get(p + 1).is_some_and(Token::is_capital)
                    // "Allied leaders will endorse …, the first update since 2010": a
                    // participle before a party noun names the party (1.5), it opens
                    // no phrase.
                    && !self.word_at(p + 1, class::AGENT | class::ROLE | class::COUNTERPART))
                || (lead_adverb && self.word_at(p + 1, class::PREPOSITION))
                || (is(tok, class::DETERMINER) && self.word_at(p + 1, class::UNIT))
                // "One year ago,", "2022,", "Last week,": a time before the subject.
                || (tok.shape & super::tokens::DIGIT != 0 && self.punct_at(p + 1, ','))
                || ((p..(p + 6).min(t.len())).take_while(|&i| !t[i].is_punct(',')).any(|i| self.history_mark(i))
                    && (p + 1..(p + 7).min(t.len())).any(|i| t[i].is_punct(',')));
            if lead_adverb && !opens {
                // "Today, …", "Today we …", "Together, we …".
                p += 1;
                continue;
            }
            if !opens {
                break;
            }
            // An opening phrase ends at a comma, before any semicolon.
            // An opening phrase ends at a comma of its clause; of several, at the first
            // after which a subject and its verb follow ("Through partnerships like the
            // Quad … of the United States, India, Japan, and Australia, the G7+ is …").
            let limit = (p + MAX_OPENER).min(self.clause_end(p));
            let commas: Vec<usize> = (p + 1..limit).filter(|&i| t[i].is_punct(',')).collect();
            let Some(&first_comma) = commas.first() else {
                // "In a telephone conversation Vladimir Putin congratulated …": an opening
                // phrase without its comma (one that opens with a word of the `opener`
                // class: a preposition or a spoken marker such as "well") ends where a
                // name that is a party's subject with its verb follows a common noun (3.9).
                if is(tok, class::OPENER)
                    && let Some(k) = (p + 2..limit).find(|&k| {
                        t[k].is_capital()
                            && t[k - 1].is_word()
                            && !t[k - 1].is_capital()
                            && !is(&t[k - 1], class::PREPOSITION | class::DETERMINER | class::POSSESSIVE)
                            && self
                                .subject(k)
                                .is_some_and(|(s, end)| s.who != Who::Thing && self.starts_verb(end))
                    })
                {
                    p = k;
                }
                break;
            };
            let comma = commas
                .iter()
                .copied()
                .find(|&c| {
                    let k = c + 1;
                    self.word_at(k, class::PRONOUN)
                        || self
                            .subject(k)
                            .is_some_and(|(s, end)| s.who != Who::Thing && self.starts_verb(end))
                })
                .unwrap_or(first_comma);
            if is(tok, class::CONDITION) {
                self.condition = true;
                if self.trigger_by_other(p) {
                    self.trigger_other = Some(p);
                }
            }
            if is(tok, class::BACKGROUND) && self.condition_in(p..p + 1) {
                self.condition = true;
            }
            if (p..comma).any(|i| self.history_mark(i)) && !self.background_opener(p) {
                self.history_opener = true;
            }
            // "In condemning …, we express …", "Condemning …, the Secretary-General calls
            // on …": a cue in an opening phrase is the subject's (manual 3.9); coded once
            // the subject is known. After "in" any cue; alone, only a verb that states a
            // position (a carrier, a censure, a concern, solidarity or a request): the gold
            // set codes nothing for an opening participle of conduct or support before the
            // main clause's act ("Working with Congress, …", "Supporting the Corridor's
            // expansion, the United States signed …"). A background verb ("Recognizing
            // …") carries none.
            if self.sym_is(p, "in")
                && t.get(p + 1).is_some_and(|g| is(g, class::GERUND))
                && !self.lex.at_verb.get(t[p + 1].sym).is_empty()
            {
                self.opener_cue = Some(p + 1);
            } else if is(tok, class::GERUND)
                && !is(tok, class::BACKGROUND_VERB)
                && self.states_position(tok.sym)
            {
                self.opener_cue = Some(p);
            }
            p = comma + 1;
        }
        p
    }

    /// Whether the verb rules at `sym` say a position: a carrier ("Reaffirming our
    /// commitment …") or rules of condemnation, concern, solidarity or demand, and none of
    /// conduct or support ("Supporting …", "Working with …").
    fn states_position(&self, sym: Sym) -> bool {
        let rules = self.lex.at_verb.get(sym);
        !rules.is_empty()
            && rules.iter().map(|&r| &self.lex.rules[usize::from(r)]).all(|rule| {
                rule.position == Position::Carrier
                    || matches!(rule.kind, Some(K::Condemnation | K::Concern | K::Solidarity | K::Demand))
            })
    }

    /// Whether "last" + a unit of time at `i` places an act before the occasion ("last
    /// week"); "last night", like "yesterday", dates the act a statement of the next
    /// morning reports (manual 1.2), so a part of the day (`part_of_day`) does not.
    fn last_unit(&self, i: usize) -> bool {
        self.word_at(i, class::LAST)
            && self.word_at(i + 1, class::UNIT)
            && !self.word_at(i + 1, class::PART_OF_DAY)
    }

    /// Whether the word at `p` is a manner adverb in capitals before an opening participle
    /// ("Fully recognizing that …, the two Presidents agree to …", manual 3.9).
    fn adverb_before_opener(&self, p: usize) -> bool {
        let t = self.t;
        t[p].is_capital()
            && is(&t[p], class::ADVERB)
            && !is(&t[p], class::LEAD_ADVERB | class::DETERMINER)
            && t.get(p + 1).is_some_and(|g| {
                !g.is_capital() && is(g, class::GERUND) && is(g, class::OPENER | class::BACKGROUND_VERB)
            })
    }

    /// Whether the opening phrase at `p` is a background participle ("Building on their
    /// January 22 conversation, …", "Recalling the 2021 summit, …"): a date in it dates
    /// what it recalls, not the clause that follows (manual 3.9, 3.4).
    fn background_opener(&self, p: usize) -> bool {
        let tok = &self.t[p];
        tok.is_capital() && is(tok, class::BACKGROUND_VERB) && is(tok, class::GERUND)
    }

    /// The end of an appositive set off by no comma after a subject pronoun ("We the
    /// Leaders of the Group of Seven (G7) remain …", manual 3.9): a definite party noun
    /// phrase, then the verb. `None` unless the subject is one pronoun followed by "the"
    /// and a party noun, and a verb follows within a noun phrase's length.
    fn bare_appositive(&self, conjuncts: &[Np], at: usize) -> Option<usize> {
        let t = self.t;
        if conjuncts.len() != 1 || !conjuncts[0].pronoun || !self.sym_is(at, "the") {
            return None;
        }
        let head = t.get(at + 1)?;
        if !is(head, class::AGENT | class::ROLE) {
            return None;
        }
        (at + 2..(at + MAX_NP).min(t.len()))
            .take_while(|&i| t[i].is_word() || t[i].is_punct('(') || t[i].is_punct(')'))
            .find(|&i| {
                self.lower_at(i) && !is(&t[i], class::PREPOSITION | class::DETERMINER) && self.starts_verb(i)
            })
    }

    /// Whether token `i` marks a time before the occasion (manual 3.4): a month, a year,
    /// "yesterday", "last week", "ago", "previously".
    fn history_mark(&self, i: usize) -> bool {
        let t = &self.t[i];
        // "a few moments ago" dates the very act the statement reports (manual 1.2).
        if self.sym_is(i, "ago")
            && i > 0
            && matches!(self.lex.words.name(self.t[i - 1].sym), "moments" | "minutes" | "hours" | "moment")
        {
            return false;
        }
        if is(t, class::HISTORY | class::MONTH) {
            return true;
        }
        // "Earlier this year", not "earlier today".
        if self.sym_is(i, "earlier") && !self.word_at(i + 1, class::OCCASION) {
            return true;
        }
        if self.last_unit(i) {
            return true;
        }
        let word = &self.text[t.range()];
        word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"))
    }

    fn skip_clause(&self, p: usize) -> usize {
        self.next_clause_boundary(p)
    }

    /// A pronoun subject after an opening phrase without a comma ("In this context today
    /// we express …").
    fn rescue_subject(&self, p: usize) -> Option<(Subject, usize)> {
        let t = self.t;
        let limit = (p + 20).min(t.len());
        for i in p + 1..limit {
            if t[i].is_punct(';') || t[i].is_punct(':') {
                return None;
            }
            if is(&t[i], class::PRONOUN)
                && self.starts_verb(i + 1)
                && !is(&t[i - 1], class::RELATIVE | class::BACKGROUND | class::CONDITION)
            {
                return self.subject(i);
            }
            if is(&t[i], class::RELATIVE | class::BACKGROUND | class::CONDITION) {
                return None;
            }
        }
        None
    }

    /// Whether the word at `i` can be a verb or common word by its letter case: not
    /// capitalised, or in capitals within a run of capitals ("WE HEREBY DECLARE TO:").
    fn lower_at(&self, i: usize) -> bool {
        let Some(x) = self.t.get(i) else { return false };
        !x.is_capital()
            || (x.shape & super::tokens::ALL_CAPS != 0
                && i > 0
                && self.t[i - 1].shape & super::tokens::ALL_CAPS != 0
                && self.t[i - 1].is_word())
    }

    /// Whether a verb group starts at `i` (after adverbs).
    pub(crate) fn starts_verb(&self, mut i: usize) -> bool {
        let t = self.t;
        let mut n = 0;
        while n < 4
            && t.get(i).is_some_and(|x| {
                is(x, class::ADVERB | class::NEGATION) && !is(x, class::DETERMINER | class::PRONOUN)
            })
        {
            i += 1;
            n += 1;
        }
        // ", as a whole, remain": an adverbial phrase between commas.
        let Some(x) = t.get(i) else { return false };
        if is(x, class::AUXILIARY | class::DO | class::COPULA) {
            return true;
        }
        let lower = self.lower_at(i);
        if is(x, class::VERB) && x.class & class::FINITE != 0 && lower {
            return true;
        }
        let gerund_only = x.class & class::GERUND != 0 && x.class & (class::FINITE | class::PARTICIPLE) == 0;
        !gerund_only && !self.lex.at_verb.get(x.sym).is_empty() && lower
    }

    // ---- noun phrases -----------------------------------------------------------------

    /// One conjunct of a noun phrase starting at `p`.
    pub(crate) fn conjunct(&self, p: usize, sentence_start: bool) -> Option<Np> {
        let t = self.t;
        let first = t.get(p)?;
        if !first.is_word() {
            return None;
        }
        if is(first, class::PRONOUN) {
            return Some(Np { range: p..p + 1, head: p, pronoun: true, it: false, possessor: None });
        }
        if is(first, class::IT) {
            return Some(Np { range: p..p + 1, head: p, pronoun: false, it: true, possessor: None });
        }
        if is(
            first,
            class::RELATIVE
                | class::BACKGROUND
                | class::CONDITION
                | class::COORDINATOR
                | class::PREPOSITION
                | class::AUXILIARY
                | class::NEGATION,
        ) && !is(first, class::DETERMINER)
        {
            return None;
        }
        let lower_verb = !first.is_capital()
            && is(first, class::VERB)
            && first.class
                & (class::AGENT
                    | class::COUNTERPART
                    | class::MEASURE
                    | class::THING
                    | class::PLAIN
                    | class::DETERMINER)
                == 0;
        if lower_verb {
            return None;
        }
        let mut i = p;
        let mut possessor = None;
        if is(first, class::POSSESSIVE) {
            possessor = Some(p..p + 1);
            i += 1;
        }
        let mut n = 0;
        while n < 4
            && t.get(i).is_some_and(|x| is(x, class::DETERMINER | class::NUMBER) && !is(x, class::PRONOUN))
        {
            i += 1;
            n += 1;
            // "all of the", "each of our", "both of"
            if self.sym_is(i, "of") && self.word_at(i + 1, class::DETERMINER | class::POSSESSIVE) {
                i += 1;
            }
            if self.word_at(i, class::POSSESSIVE) {
                i += 1;
            }
        }
        let body = i;
        let mut head: Option<usize> = None;
        let mut head_fixed = false;
        let mut last = None;
        let mut lower_run = 0;
        let mut in_name = false;
        while i < t.len() && i - p < MAX_NP {
            let x = &t[i];
            if x.is_possessive() {
                if last.is_none() {
                    break;
                }
                possessor = Some(body..i);
                head = None;
                head_fixed = false;
                i += 1;
                continue;
            }
            if x.is_punct('(') {
                match (i + 1..(i + 14).min(t.len())).find(|&j| t[j].is_punct(')')) {
                    Some(close) if last.is_some() => {
                        i = close + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            if x.is_punct(',')
                && last.is_some()
                && t.get(i + 1).is_some_and(|n| matches!(&self.text[n.range()], "Jr." | "Sr." | "Jr" | "Sr"))
            {
                last = Some(i + 1);
                i += 2;
                continue;
            }
            if !x.is_word() {
                break;
            }
            let capital = x.is_capital() && !(sentence_start && i == p && self.decapitalised(p));
            if capital {
                if !in_name
                    && is(x, class::OPENER | class::BACKGROUND | class::CONDITION | class::LEAD_ADVERB)
                    && i == p
                    && !is(x, class::DETERMINER)
                {
                    return None;
                }
                if i == p
                    && (is(x, class::GERUND)
                        || (x.sym == super::lexicon::NO_SYM && x.class & class::GERUND != 0))
                    && !self.word_at(i + 1, class::PREPOSITION)
                {
                    // "Stationing two squadrons …": a gerund, not a name.
                    return None;
                }
                in_name = true;
                if !head_fixed {
                    head = Some(i);
                }
                last = Some(i);
                lower_run = 0;
                i += 1;
                continue;
            }
            let c = x.class;
            if c & (class::BE
                | class::HAVE
                | class::DO
                | class::FUTURE
                | class::POSSIBILITY
                | class::OBLIGATION
                | class::COPULA
                | class::NEGATION
                | class::RELATIVE
                | class::BACKGROUND
                | class::CONDITION)
                != 0
                && c & class::DETERMINER == 0
            {
                break;
            }
            if c & class::COORDINATOR != 0 {
                break;
            }
            // A determiner starts another phrase ("mourns with all Ukrainians the loss").
            if c & (class::DETERMINER | class::POSSESSIVE) != 0
                && last.is_some()
                && !self.word_at(i - 1, class::PREPOSITION)
            {
                break;
            }
            if c & class::PREPOSITION != 0 {
                let word = self.lex.words.name(x.sym);
                let name_follows = t.get(i + 1).is_some_and(Token::is_capital)
                    || (self.word_at(i + 1, class::DETERMINER)
                        && t.get(i + 2).is_some_and(Token::is_capital));
                let titled = t
                    .get(i.wrapping_sub(1))
                    .is_some_and(|prev| is(prev, class::ROLE | class::THING | class::AGENT));
                if last.is_some() && (word == "of" || (in_name && name_follows && titled && word == "for")) {
                    if word == "of" && !head_fixed && head.is_some() {
                        head_fixed = true;
                    }
                    in_name = false;
                    i += 1;
                    // "of" must lead on to a noun phrase.
                    continue;
                }
                break;
            }
            if c & class::ADVERB != 0
                && c & (class::AGENT | class::DETERMINER | class::NUMBER | class::THING) == 0
                && last.is_some()
            {
                break;
            }
            if c & class::VERB != 0 && c & class::FINITE != 0 && last.is_some() {
                // A verb form after a noun ends the phrase, unless it stands where a noun
                // does: after a determiner ("the support of", "our measures"), or before
                // "of" or an auxiliary ("U.S. support of …", "Sanctions do not …").
                let prev = &t[i - 1];
                // After an adjective (a singular word in lower case), before a preposition:
                // "any nuclear attack by the DPRK" (but "the two sides work with").
                let prev_text = &self.text[prev.range()];
                let after_adjective = prev.is_word()
                    && !prev.is_capital()
                    && !prev_text.ends_with('s')
                    && c & class::PAST == 0
                    && self.word_at(i + 1, class::PREPOSITION)
                    && !self.sym_is(i + 1, "to");
                // A party noun after a word in lower case ("our close partners", "our
                // responsible partners").
                let party_after_adjective = is(x, class::AGENT | class::COUNTERPART | class::ROLE)
                    && prev.is_word()
                    && !prev.is_capital()
                    && !is(prev, class::PRONOUN | class::RELATIVE | class::COORDINATOR);
                let noun_slot = is(prev, class::DETERMINER | class::POSSESSIVE | class::NUMBER)
                    || prev.is_possessive()
                    || after_adjective
                    || party_after_adjective
                    || self.sym_is(i + 1, "of")
                    || self.word_at(
                        i + 1,
                        class::BE
                            | class::HAVE
                            | class::FUTURE
                            | class::POSSIBILITY
                            | class::OBLIGATION
                            | class::DO,
                    );
                if !noun_slot {
                    break;
                }
            }
            // A participle after a noun ("anyone seeking a role") ends the phrase (A2), as
            // does an unlisted word between a plural noun and a determiner ("its proxies
            // cease their attacks").
            let gerund_only =
                c & class::GERUND != 0 && c & (class::FINITE | class::MEASURE | class::THING) == 0;
            if gerund_only && last.is_some() {
                break;
            }
            if last.is_some()
                && c & !(class::GERUND | class::PARTICIPLE | class::ADVERB) == 0
                && self.text[t[i - 1].range()].ends_with('s')
                && !self.text[t[i - 1].range()].ends_with("ss")
                && !t[i - 1].is_capital()
                && self.word_at(i + 1, class::DETERMINER | class::POSSESSIVE)
            {
                break;
            }
            in_name = false;
            lower_run += 1;
            if lower_run > 6 {
                break;
            }
            if !head_fixed {
                head = Some(i);
            }
            last = Some(i);
            i += 1;
        }
        if last.is_none()
            && body > p
            && is(first, class::DETERMINER)
            && matches!(self.lex.words.name(first.sym), "this" | "that" | "these" | "those")
        {
            // "This must be avoided."
            return Some(Np { range: p..p + 1, head: p, pronoun: false, it: false, possessor: None });
        }
        let last = last?;
        let head = head.unwrap_or(last);
        // A dangling "of" or name preposition is not part of the phrase.
        Some(Np { range: p..last + 1, head, pronoun: false, it: false, possessor })
    }

    /// Past a parenthesis right after a noun phrase ("Migration (PRM)"), which the actor
    /// leaves out (A2).
    pub(crate) fn after_np(&self, end: usize) -> usize {
        if self.punct_at(end, '(')
            && let Some(close) = (end + 1..(end + 14).min(self.t.len())).find(|&i| self.t[i].is_punct(')'))
        {
            return close + 1;
        }
        end
    }

    /// Whether the capital of the sentence's first word is only the sentence's ("Relevant
    /// departments", "Federal funding", "Sanctions do not …").
    pub(crate) fn decapitalised(&self, p: usize) -> bool {
        let t = self.t;
        let x = &t[p];
        if x.shape & super::tokens::ALL_CAPS != 0 {
            return false;
        }
        if x.class & !(class::ROLE | class::AGENT | class::THING | class::COUNTERPART | class::OTHER) != 0
            && x.class & (class::DETERMINER | class::POSSESSIVE) == 0
        {
            return true;
        }
        t.get(p + 1).is_some_and(|n| {
            n.is_word()
                && !n.is_capital()
                && n.class
                    & (class::VERB
                        | class::BE
                        | class::HAVE
                        | class::DO
                        | class::FUTURE
                        | class::POSSIBILITY
                        | class::OBLIGATION
                        | class::ADVERB
                        | class::COORDINATOR
                        | class::PREPOSITION
                        | class::COPULA
                        | class::NEGATION)
                    == 0
        })
    }

    /// The subject starting at `p`: one or more conjuncts, an appositive, then a verb.
    pub(crate) fn subject(&self, p: usize) -> Option<(Subject, usize)> {
        let t = self.t;
        let sentence_start = p == self.body_start();
        let first = self.conjunct(p, sentence_start)?;
        let mut conjuncts = vec![first];
        let mut j = self.after_np(conjuncts[0].range.end);
        loop {
            if conjuncts.len() > 16 {
                break;
            }
            if self.word_at(j, class::COORDINATOR) && !self.sym_is(j, "but") {
                match self.conjunct(j + 1, false) {
                    // A party noun that is also a verb form ("allies and partners have").
                    Some(n)
                        if !self.starts_verb(j + 1)
                            || (self.word_at(j + 1, class::AGENT | class::COUNTERPART | class::ROLE)
                                && !self.word_at(
                                    self.after_np(n.range.end),
                                    class::DETERMINER | class::POSSESSIVE | class::PRONOUN,
                                )) =>
                    {
                        j = self.after_np(n.range.end);
                        conjuncts.push(n);
                        continue;
                    }
                    _ => break,
                }
            }
            if self.punct_at(j, ',') {
                // A list "A, B, and C": commit only if it closes with "and".
                let mut k = j;
                let mut list = Vec::new();
                while self.punct_at(k, ',') && list.len() < 16 {
                    let next = if self.word_at(k + 1, class::COORDINATOR) { k + 2 } else { k + 1 };
                    if self.starts_verb(next) {
                        break;
                    }
                    match self.conjunct(next, false) {
                        Some(n) => {
                            k = self.after_np(n.range.end);
                            let closed = next == k || self.word_at(next - 1, class::COORDINATOR);
                            list.push(n);
                            if closed {
                                break;
                            }
                        }
                        None => break,
                    }
                    if self.word_at(k, class::COORDINATOR) {
                        if let Some(n) = self.conjunct(k + 1, false) {
                            k = self.after_np(n.range.end);
                            list.push(n);
                        }
                        break;
                    }
                }
                let closes_with_and = list.len() >= 2
                    || list.last().is_some_and(|n| self.word_at(n.range.start - 1, class::COORDINATOR));
                if closes_with_and
                    && !list.is_empty()
                    && (self.starts_verb(k) || self.punct_at(k, ','))
                    && self.word_at(list.last().map_or(0, |n| n.range.start) - 1, class::COORDINATOR)
                {
                    conjuncts.extend(list);
                    j = k;
                    continue;
                }
            }
            break;
        }
        let np = conjuncts[0].range.start..conjuncts.last().map_or(j, |n| n.range.end);
        // An appositive between commas ("We, the Leaders of the G7,"), a companion phrase
        // ("the United States, with the G7 and the European Union,"), or a prepositional
        // phrase ("Representatives from …") before the verb.
        let mut end = j;
        let mut appositive = None;
        // A floating quantifier ("We all express", "The two leaders both condemned").
        if !self.starts_verb(end)
            && (self.sym_is(end, "all") || self.sym_is(end, "both") || self.sym_is(end, "each"))
            && self.starts_verb(end + 1)
        {
            end += 1;
        }
        if !self.starts_verb(end) {
            let dash = |x: &Token| x.is_punct('—') || x.is_punct('–');
            if self.punct_at(end, ',') && self.starts_verb(end + 1) {
                // "President Joseph R. Biden, Jr., declared": a comma before the verb.
                end += 1;
            } else if self.punct_at(end, ',') || t.get(end).is_some_and(dash) {
                // The appositive ends at the first comma or dash after which a verb starts
                // ("We, the Leaders of the G7,", "The international community—both
                // governments and private sector actors—must …").
                let close = (end + 1..(end + MAX_NP + 8).min(t.len()))
                    .take_while(|&i| !t[i].is_punct(';') && !t[i].is_punct(':'))
                    .find(|&i| (t[i].is_punct(',') || dash(&t[i])) && self.starts_verb(i + 1))?;
                appositive = Some(end + 1..close);
                end = close + 1;
            } else if let Some(close) = self.bare_appositive(&conjuncts, end) {
                // "We the Leaders of the Group of Seven (G7) remain resolved to …".
                appositive = Some(end..close);
                end = close;
            } else if self.word_at(end, class::PREPOSITION) && !conjuncts[0].pronoun {
                end = self.post_modifier(end)?;
            } else if self.word_at(end, class::RELATIVE) && !conjuncts[0].pronoun {
                end = self.relative_modifier(end)?;
            } else {
                return None;
            }
        }
        let mut who = self.who(&conjuncts);
        // "Robert J. Fenton, Senior Official … of the Federal Emergency Management Agency,
        // named …": an appositive that names the issuer's side puts the subject on it.
        if who == Who::Third
            && let Some(range) = appositive
            && matches!(self.side.names(&t[range], self.text), Some(Party::Own))
        {
            who = Who::Own;
        }
        let actor = match (conjuncts.len(), &conjuncts[0]) {
            (1, c) if c.pronoun || c.it => Some(self.slice(c.range.clone()).to_owned()),
            _ => Some(self.slice(np.clone()).to_owned()),
        };
        let possessor = conjuncts[0].possessor.clone().map(|r| self.possessor_actor(r));
        let head = (conjuncts.len() == 1 && !conjuncts[0].pronoun).then_some(conjuncts[0].head);
        Some((Subject { who, actor, np, head, possessor }, end))
    }

    /// Past a prepositional or infinitival phrase after a subject ("Representatives from
    /// … joined", "The violence and efforts to destabilize the country must end"): where
    /// the verb starts, if it does within a few words.
    fn post_modifier(&self, at: usize) -> Option<usize> {
        let t = self.t;
        // An auxiliary or modal further on, with no clause punctuation between ("The
        // overall decline in global nuclear arsenals achieved since the end of the Cold
        // War must continue").
        let strong = (at + 1..(at + 16).min(t.len()))
            .take_while(|&i| {
                t[i].is_word() || t[i].is_punct('(') || t[i].is_punct(')') || t[i].is_possessive()
            })
            .find(|&i| {
                (self.word_at(i, class::AUXILIARY) && !self.word_at(i, class::DETERMINER))
                    // A finite copula before an evaluative word ("Our commitment to the
                    // Treaty on the Non-Proliferation of Nuclear Weapons remains
                    // unwavering", manual 3.8), not an infinitive ("to remain strong").
                    || (i > at + 1
                        && self.word_at(i, class::COPULA)
                        && !self.sym_is(i - 1, "to")
                        && !(at..i).any(|k| self.word_at(k, class::RELATIVE))
                        && self.evaluative_after(i + 1))
            });
        if strong.is_some() {
            return strong;
        }
        // "U.S. actions to strengthen NATO deterrence and defense include:": an infinitive
        // and its object.
        let mut k = at + 1;
        if self.sym_is(at, "to") && t.get(k).is_some_and(|x| is(x, class::VERB) && x.class & class::BASE != 0)
        {
            k += 1;
        }
        let pp = self.conjunct(k, false)?;
        let mut end = self.after_np(pp.range.end);
        while self.word_at(end, class::COORDINATOR) {
            match self.conjunct(end + 1, false) {
                Some(n) => end = self.after_np(n.range.end),
                None => break,
            }
        }
        if self.starts_verb(end) {
            return Some(end);
        }
        // "the federal share for debris removal, including direct federal assistance, under
        // the Public Assistance program has been increased": a phrase set off by commas that
        // opens with a preposition, then the verb or another prepositional phrase.
        if self.punct_at(end, ',') && self.word_at(end + 1, class::PREPOSITION) {
            let close = (end + 2..(end + 16).min(t.len()))
                .take_while(|&i| t[i].is_word() || t[i].is_punct(','))
                .find(|&i| t[i].is_punct(','))?;
            if self.starts_verb(close + 1) {
                return Some(close + 1);
            }
            if self.word_at(close + 1, class::PREPOSITION) {
                return self.post_modifier(close + 1);
            }
        }
        None
    }

    /// Whether an evaluative word ("unwavering") stands at `k`, after at most two adverbs.
    fn evaluative_after(&self, mut k: usize) -> bool {
        let stop = k + 2;
        while k < stop && self.word_at(k, class::ADVERB) && !self.word_at(k, class::EVALUATIVE) {
            k += 1;
        }
        self.word_at(k, class::EVALUATIVE)
    }

    /// Past a relative clause after a subject whose verb is a copula ("The violence and
    /// mayhem that led to so many senseless deaths and injuries is unacceptable", manual
    /// 2.8): the last form of "be" before any punctuation within a few words.
    fn relative_modifier(&self, at: usize) -> Option<usize> {
        let t = self.t;
        (at + 2..(at + 20).min(t.len()))
            .take_while(|&i| t[i].is_word())
            .filter(|&i| self.word_at(i, class::BE) && !self.word_at(i - 1, class::RELATIVE))
            .last()
    }

    /// The actor of a possessor ("our" → "We", "the United States’" → "the United States").
    fn possessor_actor(&self, range: Range<usize>) -> String {
        if range.len() == 1
            && let Some(actor) = self.lex.possessive_actor.get(&self.t[range.start].sym)
        {
            return actor.clone();
        }
        self.slice(range).to_owned()
    }

    /// Who a subject is (manual 1.5, 3.1, 3.3).
    pub(crate) fn who(&self, conjuncts: &[Np]) -> Who {
        let mut who = Who::Thing;
        for c in conjuncts {
            let one = self.who_one(c);
            who = match (who, one) {
                (Who::Own, _) | (_, Who::Own) => Who::Own,
                (Who::Third, _) | (_, Who::Third) => Who::Third,
                (Who::It, _) | (_, Who::It) if conjuncts.len() == 1 => Who::It,
                _ => Who::Thing,
            };
        }
        who
    }

    fn who_one(&self, c: &Np) -> Who {
        if c.pronoun {
            return Who::Own;
        }
        if c.it {
            return Who::It;
        }
        let t = self.t;
        let tokens = &t[c.range.clone()];
        if tokens.iter().any(|x| is(x, class::OTHER)) {
            return Who::Third;
        }
        // "This must be avoided": a demonstrative alone is a thing.
        if tokens.len() == 1 && is(&tokens[0], class::DETERMINER) {
            return Who::Thing;
        }
        let head = &t[c.head];
        let first_decap = c.range.start == self.body_start() && self.decapitalised(c.range.start);
        let head_capital = head.is_capital() && !(first_decap && c.head == c.range.start);
        let head_party = is(head, class::AGENT | class::ROLE | class::COUNTERPART)
            || (head_capital && !is(head, class::THING));
        if let Some(possessor) = &c.possessor
            && possessor.len() == 1
            && is(&t[possessor.start], class::POSSESSIVE)
        {
            // "Our countries", "Our Allies", "Our measures".
            return if is(head, class::COUNTERPART) {
                Who::Third
            } else if is(head, class::AGENT) {
                Who::Own
            } else {
                Who::Thing
            };
        }
        if !head_party {
            return Who::Thing;
        }
        // The names in the phrase, without the sentence's own capital on its first word.
        let names = if first_decap { &tokens[1..] } else { tokens };
        // "Both leaders", "the two Presidents", "the three countries": the participants
        // of the occasion, the principal among them (manual 3.1, R3).
        let group = tokens.len() >= 2
            && tokens[..tokens.len() - 1]
                .iter()
                .any(|x| is(x, class::NUMBER) || self.lex.words.name(x.sym) == "both");
        match self.side.names(names, self.text) {
            Some(Party::Own) => Who::Own,
            _ if group && !is(head, class::COUNTERPART) => Who::Own,
            Some(Party::Third) => Who::Third,
            _ if is(head, class::COUNTERPART) && !head_capital => Who::Third,
            _ => Who::Own,
        }
    }

    // ---- the nominal subject ------------------------------------------------------------

    fn nominal(
        &mut self,
        subject: &Subject,
        end: usize,
        actor: Option<&Subject>,
        depth: usize,
    ) -> Option<usize> {
        let head = subject.head?;
        let possessor = match subject.possessor.clone() {
            Some(possessor) => possessor,
            None => self.attributive_owner(subject.np.start, head)?,
        };
        let rule = self
            .lex
            .nouns
            .get(self.t[head].sym)
            .iter()
            .copied()
            .find(|&r| self.lex.rules[r as usize].pattern.match_at(self.t, head).is_some())?
            as usize;
        // copula, adverbs, then an evaluative word ("is iron-clad", "is enduring and ironclad"),
        // past the noun's complement ("Our readiness to support a … process in Arvelia
        // remains undiminished"), within the clause: no comma, semicolon, colon or dash.
        let mut i = end;
        let mut seen_copula = false;
        while i < self.t.len() && i < end + MAX_PREDICATE {
            let x = &self.t[i];
            if !x.is_word() && [',', ';', ':', '—', '–'].iter().any(|&c| x.is_punct(c)) {
                break;
            }
            // "will not / never waver", "won’t falter": a negated future of a verb of the
            // evaluative list says the same as "is unwavering".
            let negated = if x.class & class::FUTURE != 0 && x.class & class::NEGATION != 0 {
                1
            } else if is(x, class::FUTURE) && self.t.get(i + 1).is_some_and(|n| is(n, class::NEGATION)) {
                2
            } else {
                0
            };
            if negated > 0 && self.t.get(i + negated).is_some_and(|v| is(v, class::EVALUATIVE)) {
                seen_copula = true;
                i += negated;
                continue;
            }
            if is(x, class::BE | class::COPULA) {
                seen_copula = true;
            } else if is(x, class::EVALUATIVE) && seen_copula {
                let kind = self.lex.rules[rule].kind?;
                let own = self.possessor_is_own(subject);
                if !own {
                    return None;
                }
                let actor_text = actor.and_then(|a| a.actor.clone()).or(Some(possessor));
                let addressee = self.party_after(head, kind);
                self.finds.push(Find {
                    kind,
                    rule,
                    cue: head..head + 1,
                    actor: actor_text,
                    addressee,
                    stance: true,
                    content: head + 1..subject.np.end,
                    conditional: self.condition,
                });
                return Some(self.scan_after(i + 1, subject, depth));
            } else if seen_copula && self.sym_is(i, "to") && self.lex.rules[rule].kind == Some(K::Pledge) {
                // "Our aim remains to de-escalate tensions": an intention noun and its verb.
                if !self.possessor_is_own(subject) {
                    return None;
                }
                let actor_text = actor.and_then(|a| a.actor.clone()).or(Some(possessor));
                let addressee = self.party_after(i, K::Pledge);
                self.finds.push(Find {
                    kind: K::Pledge,
                    rule,
                    cue: head..head + 1,
                    actor: actor_text,
                    addressee,
                    stance: false,
                    content: i + 1..self.clause_end(i),
                    conditional: self.condition,
                });
                return Some(self.scan_after(i + 1, subject, depth));
            } else if !is(x, class::ADVERB | class::COORDINATOR) {
                return None;
            }
            i += 1;
        }
        None
    }

    /// The issuer side's name used attributively before a kind noun ("The U.S. commitment
    /// to …", manual A5: as written, "U.S."): the capitalised words between the
    /// determiners at `start` and the head at `head`, when they name the side.
    fn attributive_owner(&self, start: usize, head: usize) -> Option<String> {
        let from = (start..head).find(|&k| !self.word_at(k, class::DETERMINER))?;
        let run = &self.t[from..head];
        let names = run.iter().all(|x| x.is_word() && x.is_capital())
            && matches!(self.side.names(run, self.text), Some(Party::Own));
        names.then(|| self.slice(from..head).to_owned())
    }

    fn possessor_is_own(&self, subject: &Subject) -> bool {
        let Some(head) = subject.head else { return false };
        let np = &self.t[subject.np.start..head];
        if let Some(first) = np.first()
            && is(first, class::POSSESSIVE)
        {
            return true;
        }
        !matches!(self.side.names(np, self.text), Some(Party::Third)) && np.iter().any(Token::is_capital)
    }

    /// Scans past the rest of a clause whose cue has been coded: returns where the next
    /// clause starts.
    fn scan_after(&mut self, from: usize, subject: &Subject, depth: usize) -> usize {
        match self.complement(from, subject, 0, false, None, depth > 0) {
            Stop::Clause(i) | Stop::AndThat(i) | Stop::End(i) => i,
            Stop::Coordinated(i, _, gerund) => self.verb_phrases(subject, i, None, 0, &[], gerund),
        }
    }

    // ---- verb phrases ---------------------------------------------------------------------

    /// Codes the verb phrases of `subject` from `p`, coordinated ones included; returns
    /// where the next clause starts.
    fn verb_phrases(
        &mut self,
        subject: &Subject,
        mut p: usize,
        actor: Option<&Subject>,
        depth: usize,
        initial: &[Link],
        mut gerund_ok: bool,
    ) -> usize {
        let mut inherited: Vec<Link> = initial.to_vec();
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > self.t.len() + 1 {
                return self.t.len();
            }
            let (frames, stop) = self.verb_phrase(subject, p, &inherited, actor, depth, gerund_ok);
            match stop {
                Stop::Coordinated(next, inherit, gerund) if next > p => {
                    inherited = if inherit { frames } else { initial.to_vec() };
                    gerund_ok = gerund;
                    p = next;
                    // "We reiterate that our sanctions are targeted … and reaffirm our
                    // commitment …": a verb after a that-clause about a thing is the
                    // carrier's subject's.
                    // A verb after "and" that takes no frames of the clause's own verb.
                    let knower = if actor.is_none() && !inherit && self.after_and(next) {
                        self.knower.clone()
                    } else {
                        None
                    };
                    if matches!(subject.who, Who::Thing | Who::Third)
                        && let Some(outer) = actor.or(knower.as_ref())
                        && outer.who == Who::Own
                        && self
                            .t
                            .get(next)
                            .is_some_and(|x| is(x, class::VERB) && !is(x, class::AUXILIARY | class::COPULA))
                    {
                        return self.verb_phrases(outer, next, None, depth, &[], gerund);
                    }
                }
                Stop::Coordinated(next, _, _) => return self.next_clause_boundary(next),
                Stop::Clause(next) | Stop::End(next) | Stop::AndThat(next) => return next,
            }
        }
    }

    /// The rule matches at one verb slot, with the auxiliaries before it.
    fn slot(&self, mut i: usize, subject: &Subject, aux: &mut Aux, gerund_ok: bool) -> (usize, Option<Link>) {
        let t = self.t;
        let mut steps = 0;
        while i < t.len() && steps < 10 {
            steps += 1;
            let x = &t[i];
            if !x.is_word() {
                return (i, None);
            }
            // A gerund is a verb only after "be", a frame, or where a participle clause
            // or an item starts ("Federal funding is …" has no verb "fund").
            let gerund_only =
                x.class & class::GERUND != 0 && x.class & (class::FINITE | class::PARTICIPLE) == 0;
            if gerund_only && !gerund_ok && !aux.be {
                return (i, None);
            }
            if !self.void[i] {
                let mut best: Option<(usize, usize, bool)> = None;
                let consider =
                    |r: u16, end: usize, passive: bool, best: &mut Option<(usize, usize, bool)>| {
                        if best.is_none_or(|(_, e, _)| end > e) {
                            *best = Some((r as usize, end, passive));
                        }
                    };
                for &r in self.lex.at_verb.get(x.sym) {
                    let rule = &self.lex.rules[r as usize];
                    // A passive of the issuer's measure with a thing as subject is coded
                    // when its agent is the issuer's side (A7: "… has been increased by
                    // the President", "Under the President’s order today, … has been
                    // waived").
                    // A subject with a capitalised modifier ("the Federal share") or
                    // naming another party ("three Russian banks") is no agent of its own
                    // passive either: the agent decides.
                    let own_agent = || {
                        aux.be
                            && matches!(subject.who, Who::Thing | Who::Third)
                            && rule.position == Position::Verb
                            && x.class & class::PARTICIPLE != 0
                            && self.agent(i + 1, self.t.len()).is_some()
                    };
                    if !self.subject_fits(rule.subject, subject, i) && !own_agent() {
                        continue;
                    }
                    // "Immediate action is needed to …": a passive is no frame.
                    if aux.be
                        && rule.position == Position::Frame
                        && x.class & class::VERB != 0
                        && x.class & class::PARTICIPLE != 0
                        && x.class & class::BASE == 0
                    {
                        continue;
                    }
                    if let Some(end) = rule.pattern.match_at(t, i) {
                        let passive =
                            aux.be && x.class & class::PARTICIPLE != 0 && rule.position == Position::Verb;
                        consider(r, end, passive, &mut best);
                    }
                }
                if aux.copula || aux.be {
                    for &r in self.lex.at_predicate.get(x.sym) {
                        let rule = &self.lex.rules[r as usize];
                        if !self.subject_fits(rule.subject, subject, i) {
                            continue;
                        }
                        if let Some(end) = rule.pattern.match_at(t, i) {
                            consider(r, end, false, &mut best);
                        }
                    }
                }
                // A verb in the present progressive that no rule takes: a measure under
                // way (manual 2.2), unless it is a non-cue, logistics or saying verb.
                if best.is_none()
                    && aux.be
                    && !aux.negated
                    && x.class & class::GERUND != 0
                    && x.class
                        & (class::NOT_CUE
                            | class::LOGISTICS
                            | class::SAYING
                            | class::STATE
                            | class::COPULA
                            | class::PREPOSITION)
                        == 0
                    // "we are building on …", but "are building a network" (3.9).
                    && !(is(x, class::BACKGROUND_VERB) && self.word_at(i + 1, class::PREPOSITION))
                    // "we’re starting to see …", "are beginning to learn …": the verb the
                    // progressive leads to is one of perceiving, knowing or saying, not a
                    // measure (3.4); "are moving to end the blockade" stays one.
                    && !(self.sym_is(i + 1, "to") && self.word_at(i + 2, class::SAYING))
                    && !x.is_capital()
                    && let Some(&rule) = self.lex.progressive.first()
                    && self.subject_fits(self.lex.rules[rule].subject, subject, i)
                {
                    best = Some((rule, i + 1, false));
                }
                if let Some((rule, end, passive)) = best {
                    return (i, Some(Link { rule, cue: (i, end), passive }));
                }
            }
            let c = x.class;
            if aux.copula
                && !x.is_capital()
                && c & (class::VERB | class::BE | class::HAVE) == 0
                && (self.word_at(i + 1, class::COORDINATOR) || self.punct_at(i + 1, ','))
                && t.get(i + 2).is_some_and(|n| n.is_word())
            {
                // "are dangerous and unacceptable": past an adjective to the predicate.
                i += 2;
                continue;
            }
            if c & class::NEGATION != 0 {
                aux.negated = true;
                i += 1;
            } else if (c & class::ADVERB != 0 && c & class::VERB == 0) || c & class::DO != 0 {
                i += 1;
            } else if c & class::POSSIBILITY != 0 {
                aux.possibility = true;
                i += 1;
            } else if c & class::FUTURE != 0 {
                aux.future = true;
                i += 1;
            } else if c & class::OBLIGATION != 0 {
                i += 1;
            } else if c & class::HAVE != 0 {
                // "have" as an auxiliary before a participle, else the verb itself.
                let mut k = i + 1;
                while self.word_at(k, class::ADVERB) && k < i + 4 {
                    k += 1;
                }
                if t.get(k).is_some_and(|n| {
                    is(n, class::PARTICIPLE | class::BE)
                        || (n.sym == super::lexicon::NO_SYM && n.class & class::PARTICIPLE != 0)
                }) {
                    aux.perfect = true;
                    i += 1;
                } else {
                    return (i, None);
                }
            } else if c & class::BE != 0 {
                aux.be = true;
                aux.copula = true;
                i += 1;
            } else if c & class::COPULA != 0 {
                aux.copula = true;
                i += 1;
            } else {
                return (i, None);
            }
        }
        (i, None)
    }

    /// Whether a rule accepts the subject (manual 1.5, 3.3, 3.10).
    fn subject_fits(&self, rule: SubjectRule, subject: &Subject, at: usize) -> bool {
        let position = self.t.get(at).map_or(Position::Verb, |_| Position::Verb);
        let _ = position;
        match rule {
            SubjectRule::Any => true,
            SubjectRule::Side => match subject.who {
                Who::Own | Who::None => true,
                // "It urges …": the issuer speaking of itself, right before the verb (not
                // "It will …", a thing's future).
                Who::It => {
                    subject.np.end == at
                        && !self.word_at(
                            at,
                            class::FUTURE
                                | class::OBLIGATION
                                | class::POSSIBILITY
                                | class::BE
                                | class::HAVE
                                | class::COPULA,
                        )
                }
                Who::Third | Who::Thing => false,
            },
            SubjectRule::Other => !matches!(subject.who, Who::Own | Who::None),
        }
    }

    /// Codes one verb phrase from `p`: its chain of frames and cue, a carrier's object.
    /// Returns the frames before the first verb (for coordinated verbs) and where the scan
    /// stopped.
    fn verb_phrase(
        &mut self,
        subject: &Subject,
        p: usize,
        inherited: &[Link],
        actor: Option<&Subject>,
        depth: usize,
        gerund_ok: bool,
    ) -> (Vec<Link>, Stop) {
        let mut links: Vec<Link> = inherited.to_vec();
        let mut aux = Aux::default();
        let mut i = p;
        let mut frames: Vec<Link> = inherited.to_vec();
        let mut head: Option<usize> = None;
        let mut carrier: Option<Link> = None;
        let mut end = p;
        for step in 0..8 {
            let (at, link) = self.slot(i, subject, &mut aux, gerund_ok || step > 0);
            if head.is_none() {
                head = Some(at);
            }
            let Some(link) = link else {
                end = at.max(end);
                break;
            };
            let rule = &self.lex.rules[link.rule];
            // "Economic security issues.": a label whose last word looks like a verb.
            if rule.position == Position::Verb
                && link.cue.1 == self.clause_end(link.cue.0)
                && link.cue.1 <= subject.np.start + 4
                && !subject.np.is_empty()
            {
                break;
            }
            links.push(link);
            end = link.cue.1;
            let wraps = rule.position == Position::Frame
                || (link.cue.1 > link.cue.0
                    && self.sym_is(link.cue.1 - 1, "to")
                    && rule.position == Position::Predicate);
            if rule.position == Position::Carrier {
                carrier = Some(link);
                break;
            }
            if wraps {
                frames.push(link);
                i = link.cue.1;
                continue;
            }
            break;
        }
        let head = head.unwrap_or(p);
        // "look forward to welcoming the Prime Minister": a logistics verb that is a cue of
        // its own (welcome) right after a frame of expectation about a visit (a rule with
        // `hosts`) is the frame's logistics (3.10, "look forward to" + hosting or welcoming
        // a person: none), not a welcome; "joined X in welcoming" stays a welcome.
        if links.len() >= inherited.len() + 2
            && let [.., before, last] = links[..]
            && self.lex.rules[before.rule].position == Position::Frame
            && self.lex.rules[before.rule].hosts
            && before.cue.1 == last.cue.0
            && self.lex.rules[last.rule].position == Position::Verb
            && self.word_at(last.cue.0, class::LOGISTICS)
        {
            links.pop();
        }
        // A frame around logistics or a meeting ("will meet with", "look forward to
        // hosting", "invited President Lula to visit"), around no verb at all ("look forward
        // to our exchanges", "continued engagement") or around "be" and no predicate ("will
        // be in touch with") codes nothing (3.10, 3.11).
        if let Some(last) = links.last().copied()
            && carrier.is_none()
            && (self.lex.rules[last.rule].position == Position::Frame
                || self.sym_is(last.cue.1.saturating_sub(1), "to"))
        {
            let mut k = last.cue.1;
            while self.word_at(k, class::ADVERB | class::NEGATION) && k < last.cue.1 + 4 {
                k += 1;
            }
            let be_follows = self.word_at(k, class::BE);
            let wrapped = self.inline_item(end.max(last.cue.1));
            let w = self.t.get(wrapped);
            let nothing_follows = w.is_none_or(|x| !x.is_word());
            let verbish = w.is_some_and(|x| {
                x.is_word()
                    && self.lower_at(wrapped)
                    && ((is(x, class::VERB) && x.class & (class::BASE | class::GERUND) != 0)
                        // a passive after "be": "must be resolved peacefully"
                        || (be_follows && x.class & class::PARTICIPLE != 0)
                        || x.class
                            & (class::VERB
                                | class::DETERMINER
                                | class::POSSESSIVE
                                | class::PREPOSITION
                                | class::NUMBER
                                | class::COORDINATOR
                                | class::PRONOUN)
                            == 0)
            });
            let logistics = (w.is_some_and(|x| is(x, class::LOGISTICS | class::NOT_CUE))
                && !self.lex.rules[last.rule].any_verb)
                || self.void.get(wrapped).copied().unwrap_or(false);
            let frame = self.lex.rules[last.rule].position == Position::Frame;
            let needs_verb = self.lex.rules[last.rule].needs_verb;
            if logistics && !frame {
                links.pop();
            } else if frame && (logistics || nothing_follows || (!verbish && (needs_verb || be_follows))) {
                // "agree to coordinate our approaches to the DPRK": a frame that needs a
                // verb and finds none is the verb an earlier frame wraps; only it goes.
                let earlier_frame = links.len() > inherited.len() + 1
                    && self.lex.rules[links[links.len() - 2].rule].position == Position::Frame;
                if needs_verb && !logistics && !nothing_follows && !be_follows && earlier_frame {
                    links.pop();
                } else {
                    links.retain(|l| self.lex.rules[l.rule].position != Position::Frame);
                }
            }
        }
        // History: a simple past placed before the occasion (manual 3.4).
        let past = !aux.perfect
            && !aux.future
            && !aux.be
            && self.t.get(head).is_some_and(|x| x.class & class::PAST != 0 && x.class & class::BASE == 0);
        let participle = self.t.get(head).is_some_and(|x| x.class & class::GERUND != 0) && gerund_ok;
        // "previously" places a present perfect before the occasion too ("G7+ countries
        // have previously committed to …").
        let previously = aux.perfect
            && !aux.future
            && (p..self.clause_end(head).min(head + 30)).any(|i| self.sym_is(i, "previously"));
        let history = (past && (self.history_opener || self.history_in(head, self.clause_end(head))))
            || previously
            // A verb coordinated under the frames of a history ("have previously committed
            // to finance and share …") is history too.
            || ((participle || !inherited.is_empty()) && self.last_history);
        self.last_history = history;
        // A carrier's object: kind nouns, or a that-clause.
        let mut nouns: Vec<Link> = Vec::new();
        let mut that_clause = None;
        if let Some(c) = carrier {
            let after = c.cue.1;
            let that_at = if self.sym_is(after.saturating_sub(1), "that") && after > c.cue.0 + 1 {
                Some(after)
            } else if self.sym_is(after, "that") {
                Some(after + 1)
            } else {
                None
            };
            if let Some(at) = that_at {
                that_clause = Some(at);
            } else if self.word_at(after, class::PRONOUN | class::IT) && self.starts_verb(after + 1) {
                // "is announcing it is prepared to …": a clause without "that".
                that_clause = Some(after);
            } else {
                nouns = self.kind_nouns(after, &self.lex.rules[c.rule].ignore.clone());
                if let Some(last) = nouns.last() {
                    end = end.max(last.cue.1);
                }
                // "our clear determination that Iran must never …", "our position that
                // …", "a firm message … that …": the clause is what the carrier conveys
                // (manual 1.2: "determination that X must" is a demand).
                let object_that = match nouns.first() {
                    Some(n)
                        if self.sym_is(n.cue.1, "that") && self.lex.rules[n.rule].kind == Some(K::Pledge) =>
                    {
                        Some(n.cue.1 + 1)
                    }
                    Some(_) => None,
                    None => (after..(after + 8).min(self.t.len()))
                        .take_while(|&k| {
                            self.t[k].is_word() && !is(&self.t[k], class::VERB | class::RELATIVE)
                                || self.sym_is(k, "that")
                        })
                        .find(|&k| self.sym_is(k, "that") && k > after),
                };
                if let Some(at) = object_that {
                    nouns.clear();
                    that_clause = Some(at);
                }
            }
        }
        // A verb of saying before a that-clause is transparent (manual 3.4).
        let saying = carrier.is_none()
            && self.t.get(head).is_some_and(|x| is(x, class::SAYING))
            && links.len() == inherited.len();
        if saying {
            let mut k = head + 1;
            while k < head + 6
                && k < self.t.len()
                && !self.sym_is(k, "that")
                && !self.t[k].is_punct(',')
                && !self.t[k].is_punct(';')
            {
                k += 1;
            }
            if self.sym_is(k, "that") {
                that_clause = Some(k + 1);
            } else if self.subject(head + 1).is_some_and(|(_, verb)| !self.coordinated_after_object(verb)) {
                that_clause = Some(head + 1);
            }
        }
        if let Some(at) = that_clause {
            // A third party's saying reports its positions, which are not the issuer's
            // (manual 3.1, 3.5): "Arvelia's minister said his country will …" codes nothing.
            if saying && actor.unwrap_or(subject).who == Who::Third {
                return (frames, Stop::End(self.clause_end(at)));
            }
            if depth < MAX_DEPTH && !history {
                let carrier_subject = if carrier.is_some() { Some(actor.unwrap_or(subject)) } else { None };
                let before = self.finds.len();
                let knower = self.knower.take();
                if saying && subject.who == Who::Own {
                    self.knower = Some(actor.unwrap_or(subject).clone());
                }
                let mut next = self.clause(at, carrier_subject, depth + 1);
                self.knower = knower;
                // ", and that …": the next that-clause of the same carrier.
                let mut guard = 0;
                while guard < 16 && self.sym_is(next.saturating_sub(1), "that") && next > at {
                    guard += 1;
                    next = self.clause(next, carrier_subject, depth + 1);
                }
                // A carrier that codes no clause codes its own default ("reaffirm that …"
                // with an assessment codes nothing, manual 3.10).
                let _ = before;
                return (frames, Stop::End(next.max(at)));
            }
            return (frames, Stop::End(self.clause_end(at)));
        }
        let clause_end_guess = self.clause_end(end);
        if !aux.possibility || self.chain_is_warning(&links) {
            self.decide(subject, &links, carrier, &nouns, &aux, actor, end, clause_end_guess, history);
        }
        let mut head_form = self.t.get(head).map_or(0, |x| x.class);
        // "are committed to addressing X, accelerating Y, and building Z": gerunds after a
        // frame coordinate under it.
        if let Some(frame) = frames.last()
            && self.t.get(frame.cue.1).is_some_and(|x| x.class & class::GERUND != 0)
        {
            head_form |= class::GERUND;
        }
        let stop = self.complement(end, subject, head_form, !frames.is_empty(), carrier, depth > 0);
        (frames, stop)
    }

    /// Past a colon and the label of a first item run into the sentence ("we commit to
    /// take enforcement actions to: i) dismantle …; ii) disrupt …", manual 3.7): where the
    /// item's verb stands; `k` itself when no colon is there.
    fn inline_item(&self, k: usize) -> usize {
        let t = self.t;
        if !self.punct_at(k, ':') {
            return k;
        }
        let mut i = k + 1;
        if self.punct_at(i, '(') {
            i += 1;
        }
        let label = t.get(i).is_some_and(|x| {
            let text = &self.text[x.range()];
            x.is_word()
                && text.len() <= 4
                && (text.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
                    || text.len() == 1
                    || text.bytes().all(|b| b.is_ascii_digit()))
        });
        if label && (self.punct_at(i + 1, ')') || self.punct_at(i + 1, '.')) { i + 2 } else { k }
    }

    fn chain_is_warning(&self, links: &[Link]) -> bool {
        links.iter().any(|l| self.lex.rules[l.rule].kind == Some(K::Warning))
    }

    /// History markers after the verb of a clause: "yesterday", "last week", "ago",
    /// "during the … Summit on January 9-10, 2023", "in September 2021".
    fn history_in(&self, from: usize, to: usize) -> bool {
        let t = self.t;
        let to = to.min(t.len());
        // Inside a phrase of duration or start ("since PGII’s launch at the 2022 G7
        // Summit", "from 2021 to 2024"), up to its comma: not a time before.
        let mut open_span = false;
        let mut event = false;
        (from..to.min(from + 40)).any(|i| {
            let x = &t[i];
            if x.is_punct(',') {
                open_span = false;
            }
            if matches!(self.lex.words.name(x.sym), "since" | "from" | "beginning" | "starting") {
                open_span = true;
            }
            // A date of the event a measure responds to ("areas affected by severe storms,
            // winds, and tornadoes on December 15, 2021", "as a result of an earthquake on
            // November 30, 2018") dates the event, not the measure, to the clause's end.
            if is(x, class::EVENT) {
                event = true;
            }
            if open_span || event {
                return false;
            }
            if is(x, class::HISTORY) || self.last_unit(i) {
                return true;
            }
            let date_at = |j: usize| j < to && (is(&t[j], class::MONTH) || self.history_mark_year(j));
            // "beginning in August 2021", "by 2030", "through May": not a time before.
            if i > 0
                && matches!(
                    self.lex.words.name(t[i - 1].sym),
                    "beginning" | "starting" | "from" | "through" | "until" | "by" | "since" | "effective"
                )
            {
                return false;
            }
            match self.lex.words.name(x.sym) {
                // "in September 2021", "in 2021", "in early May 2022", "on January 9, 2021";
                // a month without a year ("at the Summit in July") may lie ahead.
                "in" => (1..4).any(|d| {
                    i + d < to
                        && self.history_mark_year(i + d)
                        && (i + 1..i + d).all(|j| {
                            is(&t[j], class::MONTH)
                                || matches!(self.lex.words.name(t[j].sym), "early" | "late" | "mid")
                        })
                }),
                "on" => date_at(i + 1) && (i + 2..(i + 6).min(to)).any(|j| self.history_mark_year(j)),
                // "during the North American Leaders’ Summit on January 9-10, 2023", "at the
                // 2022 Summit"
                "during" | "at" => (i + 1..(i + 14).min(to))
                    .take_while(|&j| !t[j].is_punct(',') && !self.sym_is(j, "from"))
                    .any(|j| {
                        self.history_mark_year(j) || (is(&t[j], class::MONTH) && self.sym_is(j - 1, "on"))
                    }),
                _ => false,
            }
        })
    }

    fn history_mark_year(&self, i: usize) -> bool {
        let word = &self.text[self.t[i].range()];
        word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"))
            // A year after the statement's own lies ahead of the occasion (3.4): "looked
            // forward to reviving the group in early 2022" in a statement of 2021.
            && !self.side.year.is_some_and(|year| word.parse::<u32>().is_ok_and(|w| w > year))
    }

    /// The kind nouns of a carrier's object from `at` (manual 3.8, M4): the noun at the
    /// head of the object, and each noun that heads a phrase coordinated with it; a noun
    /// right after another ("our solidarity and support to Israel") shares its object and
    /// is not coded again.
    fn kind_nouns(&self, at: usize, ignore: &[usize]) -> Vec<Link> {
        let t = self.t;
        let mut out: Vec<Link> = Vec::new();
        let mut i = at;
        let limit = self.clause_end(at).min(at + 80);
        let mut object_start = true;
        let mut depth = 0i32;
        while i < limit {
            let x = &t[i];
            if x.is_punct('(') {
                depth += 1;
            } else if x.is_punct(')') {
                depth -= 1;
            }
            if object_start && depth == 0 {
                // Skip determiners, possessives and adjectives to the head.
                let mut k = i;
                let mut n = 0;
                // "sincere and profound condolences": a coordinator between two
                // lower-case modifiers is part of them.
                let paired = |k: usize, n: usize| {
                    n > 0
                        && is(&t[k], class::COORDINATOR)
                        && t.get(k + 1).is_some_and(|w| w.is_word() && !w.is_capital())
                        && t[k - 1].is_word()
                        && !t[k - 1].is_capital()
                };
                while k < limit
                    && n < 6
                    && (t[k].is_word() || t[k].is_possessive())
                    && !self.has_noun(k, ignore)
                    && (paired(k, n)
                        || !is(
                            &t[k],
                            class::PREPOSITION
                                | class::COORDINATOR
                                | class::RELATIVE
                                | class::PRONOUN
                                | class::IT
                                | class::AUXILIARY
                                | class::NEGATION,
                        ))
                    && !(is(&t[k], class::VERB)
                        && t[k].class & (class::PAST | class::PARTICIPLE | class::GERUND) == 0)
                {
                    k += 1;
                    n += 1;
                }
                // "the enduring strength of the strategic friendship": a kind noun in the
                // object's of-phrase.
                if !self.has_noun(k, ignore) && self.sym_is(k + 1, "of") {
                    let mut j = k + 2;
                    while j < limit
                        && j < k + 6
                        && is(&t[j], class::DETERMINER | class::POSSESSIVE)
                            | (t[j].is_word()
                                && !self.has_noun(j, ignore)
                                && t[j].class & (class::VERB | class::PREPOSITION) == 0
                                && !t[j].is_capital())
                    {
                        j += 1;
                    }
                    if self.has_noun(j, ignore) {
                        k = j;
                    }
                }
                if let Some(link) = self.noun_at(k, ignore) {
                    let shares = out.last().is_some_and(|prev| {
                        (prev.cue.1..k).all(|j| {
                            is(
                                &t[j],
                                class::COORDINATOR | class::ADVERB | class::DETERMINER | class::POSSESSIVE,
                            ) || t[j].is_punct(',')
                        })
                    });
                    if !shares {
                        out.push(link);
                    }
                    i = link.cue.1;
                    object_start = false;
                    continue;
                }
                object_start = false;
            }
            if depth == 0 && (is(x, class::COORDINATOR) || x.is_punct(',')) {
                // "… and our commitment to …", "as well as our readiness to …"
                let mut k = i + 1;
                while k < limit
                    && (is(&t[k], class::COORDINATOR) || self.sym_is(k, "as") || self.sym_is(k, "well"))
                {
                    k += 1;
                }
                if self.word_at(k, class::POSSESSIVE | class::DETERMINER) || self.has_noun(k, ignore) {
                    object_start = true;
                    i = k;
                    continue;
                }
                if self.starts_verb(k) {
                    break;
                }
            }
            if depth == 0 && (is(x, class::RELATIVE) || x.is_punct(';')) {
                break;
            }
            i += 1;
        }
        out
    }

    fn has_noun(&self, k: usize, ignore: &[usize]) -> bool {
        self.noun_at(k, ignore).is_some()
    }

    fn noun_at(&self, k: usize, ignore: &[usize]) -> Option<Link> {
        let x = self.t.get(k)?;
        if self.void.get(k).copied().unwrap_or(true) {
            return None;
        }
        self.lex.nouns.get(x.sym).iter().find_map(|&r| {
            if ignore.contains(&(r as usize)) {
                return None;
            }
            let end = self.lex.rules[r as usize].pattern.match_at(self.t, k)?;
            Some(Link { rule: r as usize, cue: (k, end), passive: false })
        })
    }

    /// Decides the kind of a verb phrase by the order of decision (manual 3.13) and
    /// records the commitment(s).
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &mut self,
        subject: &Subject,
        links: &[Link],
        carrier: Option<Link>,
        nouns: &[Link],
        aux: &Aux,
        actor: Option<&Subject>,
        end: usize,
        clause_end: usize,
        history: bool,
    ) {
        let lex = self.lex;
        // Candidates: the chain's links with a kind, the carrier's nouns (one commitment
        // each, M4), or the carrier's own default.
        let mut chain: Vec<(u8, Link, K)> = Vec::new();
        let has_strong = links.iter().any(|l| {
            let r = &lex.rules[l.rule];
            r.kind.is_some() && !r.weak && r.position != Position::Carrier
        }) || !nouns.is_empty();
        for l in links {
            let r = &lex.rules[l.rule];
            let Some(kind) = r.kind else { continue };
            if r.weak && has_strong {
                continue;
            }
            if r.trigger && !self.has_trigger() {
                continue;
            }
            chain.push((lex.rank(kind), *l, kind));
        }
        let mut outputs: Vec<(Link, K)> = Vec::new();
        if nouns.is_empty() {
            if let Some(c) = carrier
                && let Some(kind) = lex.rules[c.rule].otherwise
            {
                chain.push((lex.rank(kind), c, kind));
            }
            if let Some((_, link, kind)) = chain.iter().min_by_key(|(rank, _, _)| *rank) {
                outputs.push((*link, *kind));
            }
        } else {
            // Each kind noun with its own object is a commitment; a frame ranked before
            // the nouns ("will continue to call on") would decide instead.
            let best_frame = chain.iter().min_by_key(|(rank, _, _)| *rank).copied();
            match best_frame {
                Some((rank, link, kind)) if rank < lex.noun_rank => outputs.push((link, kind)),
                _ => {
                    for n in nouns {
                        if let Some(kind) = lex.rules[n.rule].kind {
                            outputs.push((*n, kind));
                        }
                    }
                }
            }
        }
        for (link, kind) in outputs {
            // History: a measure or pledge placed before the occasion (manual 3.4); an
            // expressive reported in the past is the occasion's.
            if history && kind.speech_act_class() == communique_model::SpeechActClass::Commissive {
                continue;
            }
            let rule = &lex.rules[link.rule];
            // Passives: an agent on the issuer's side is the actor; agentless passives of
            // measures are not coded (manual 3.3, A7).
            let mut who = subject.who;
            let mut actor_text = actor.and_then(|a| a.actor.clone()).or_else(|| subject.actor.clone());
            let mut addressee_rule = rule.addressee;
            if link.passive && !rule.passive {
                match self.agent(link.cue.1, clause_end) {
                    Some(agent) => {
                        actor_text = Some(agent);
                        who = Who::Own;
                        addressee_rule = AddresseeRule::Subject;
                    }
                    None => continue,
                }
            } else if link.passive {
                actor_text = None;
                addressee_rule = AddresseeRule::Subject;
                who = Who::Thing;
            }
            let Some(mut kind) = self.subject_kind(rule.subject, who, kind) else { continue };
            // A request to the issuer's own officials is an instruction.
            if let Some(own_kind) = rule.own_addressee
                && let Some((object, _)) = self.np_only(link.cue.0 + 1)
                && object.who == Who::Own
                && !self.word_at(link.cue.0 + 1, class::PRONOUN)
            {
                kind = own_kind;
            }
            if (!matches!(who, Who::Own | Who::None) || (who == Who::None && subject.actor.is_none()))
                && actor.is_none()
            {
                actor_text = None;
            }
            // "It urges …" is the issuer; "It is unacceptable that …" is impersonal (A8).
            if who == Who::It && actor.is_none() && rule.subject != SubjectRule::Any {
                actor_text = subject.actor.clone();
            }
            if matches!(who, Who::Thing | Who::Third) && actor.is_some() {
                actor_text = actor.and_then(|a| a.actor.clone());
            }
            // "hope that" + an event or a thing as the clause's subject is a wish, not a
            // request of anyone (2.6).
            if rule.needs_party && !self.party_subject(link.cue.1) {
                continue;
            }
            // Praise of the side's own record is none (manual 1.7, 1.8).
            if kind == K::Support && self.praises_own_record(subject, link.cue, clause_end) {
                continue;
            }
            let addressee = match addressee_rule {
                AddresseeRule::None => None,
                AddresseeRule::Subject => self.subject_party(subject),
                AddresseeRule::Trigger => self.trigger_party(subject, link.cue.1, clause_end),
                AddresseeRule::By => self.by_party(link.cue.0, clause_end),
                // A censure predicate bears on the responsible party named in its subject.
                AddresseeRule::Object
                    if matches!(subject.who, Who::Thing | Who::Third)
                        && matches!(kind, K::Condemnation | K::Concern) =>
                {
                    self.responsible_in_subject(subject)
                }
                AddresseeRule::Object if rule.stance || self.stance_after(link, kind) => {
                    self.object_party(link.cue.0, kind)
                }
                AddresseeRule::Object => self.party_after(link.cue.0, kind),
            };
            let stance = rule.stance || self.stance_after(link, kind);
            // The issuer side's response to another party's possible conduct is a warning
            // (manual 2.5, 3.5 item 1), the condition before the clause or after its cue.
            // A condition after the cue counts only in the cue's own clause: no comma or
            // "that" between them ("…, recognising that no country can thrive if …").
            let trigger = if kind == K::Pledge && !aux.possibility {
                self.trigger_other.or_else(|| {
                    (link.cue.1..clause_end)
                        .take_while(|&k| !self.t[k].is_punct(',') && !self.sym_is(k, "that"))
                        .find(|&k| is(&self.t[k], class::CONDITION) && self.trigger_by_other(k))
                })
            } else {
                None
            };
            // The warning keeps the pledge's cue; its rule is the language's condition rule.
            let (kind, addressee, rule) = match trigger {
                Some(k) => (
                    K::Warning,
                    self.subject(k + 1).and_then(|(s, _)| self.subject_party(&s)),
                    self.lex.condition_warning.unwrap_or(link.rule),
                ),
                None => (kind, addressee, link.rule),
            };
            let conditional = self.condition || self.condition_in(link.cue.1..clause_end);
            self.finds.push(Find {
                kind,
                rule,
                cue: link.cue.0..link.cue.1,
                actor: actor_text,
                addressee,
                stance,
                content: link.cue.1..clause_end.max(end),
                conditional,
            });
        }
    }

    /// Whether the condition word at `k` ("if", "unless", an opening "should" or "were")
    /// has another party's conduct as its trigger (manual 2.5, 3.5 item 1): the first
    /// words after it, up to a comma, name a third party, hold a party noun of others
    /// ("the regime", "the junta", "anyone") or open with "any" + a party noun ("any
    /// adversary", "any country"). A trigger of the side's own ("if we fail"), an event
    /// ("if the situation worsens", "if any new outbreaks are reported") or a request or
    /// need (a verb of the `request` list: "if requested by …", "if Arvelia requests it")
    /// is none of these. The words are read without asking for a verb, which the lexicon
    /// may not list ("If Norland harms …").
    fn trigger_by_other(&self, k: usize) -> bool {
        let t = self.t;
        let stop = (k + 1..(k + 7).min(t.len())).find(|&i| !t[i].is_word()).unwrap_or((k + 7).min(t.len()));
        let words = &t[(k + 1).min(stop)..stop];
        let Some(first) = words.first() else { return false };
        // The trigger has a subject of its own: a name, a determiner or a party noun,
        // not a participle or adjective ("if requested by …", "if necessary").
        let opens_np = first.is_capital() || is(first, class::DETERMINER | class::COUNTERPART | class::OTHER);
        if is(first, class::PRONOUN) || !opens_np {
            return false;
        }
        // A request or a need keeps the clause's kind (3.5 item 2): "if the Government of
        // Arvelia requests them", "should Kestria need further help".
        let clause = self.clause_end(k);
        if (k + 1..(k + 12).min(clause))
            .take_while(|&i| !t[i].is_punct(','))
            .any(|i| self.word_at(i, class::REQUEST))
        {
            return false;
        }
        // "any" asks for a party after it ("any adversary", "any country"), not an event
        // ("if any new outbreaks are reported").
        let head_has = |bits: u64| words.iter().take(4).any(|x| is(x, bits));
        match self.side.names(words, self.text) {
            Some(Party::Third) => true,
            Some(Party::Own) => false,
            _ if self.sym_is(k + 1, "any") => head_has(class::COUNTERPART | class::OTHER | class::AGENT),
            _ => head_has(class::COUNTERPART | class::OTHER),
        }
    }

    /// Whether the clause at `k` has a party as its subject: one the subject grammar reads
    /// as the side or a third party, or a phrase whose head, after at most one determiner,
    /// is a party noun ("anyone seeking a role", "all parties") or that opens with
    /// "those" ("those responsible"); not "it" or "talks between the parties".
    fn party_subject(&self, k: usize) -> bool {
        let subject = self.subject(k).map(|(s, _)| s);
        if subject.as_ref().is_some_and(|s| matches!(s.who, Who::Own | Who::Third)) {
            return true;
        }
        // The head of the phrase, after at most one determiner or "those": "anyone seeking
        // …", "all parties", "those responsible"; not "talks between the parties".
        let start = subject.as_ref().map_or(k, |s| s.np.start);
        let those = self.sym_is(start, "those");
        let head = if those || self.word_at(start, class::DETERMINER) { start + 1 } else { start };
        those || self.word_at(head, class::COUNTERPART | class::AGENT)
    }

    /// The kind a rule codes for a subject (manual 3.10: "must" is a pledge of the issuer's
    /// side and a demand on anyone else).
    fn subject_kind(&self, rule: SubjectRule, who: Who, kind: K) -> Option<K> {
        match (rule, who) {
            (SubjectRule::Side, Who::Third | Who::Thing) => None,
            (SubjectRule::Other, Who::Own) => None,
            _ => Some(kind),
        }
    }

    /// A pledge whose content names no act: a commitment to a noun ("committed to our
    /// dual-track approach") or a standing-conduct verb ("committed to upholding the
    /// rules-based order"), manual 4.
    fn stance_after(&self, link: Link, kind: K) -> bool {
        if !matches!(kind, K::Pledge | K::Readiness | K::Offer) {
            return false;
        }
        let ends_in_to = link.cue.1 > link.cue.0 && self.sym_is(link.cue.1 - 1, "to");
        let mut k = link.cue.1;
        while self.word_at(k, class::ADVERB) && k < link.cue.1 + 3 {
            k += 1;
        }
        let Some(next) = self.t.get(k) else { return false };
        if is(next, class::STANDING) {
            return true;
        }
        // "to" followed by a noun phrase, not a verb: an attachment, not an act.
        ends_in_to && (is(next, class::DETERMINER | class::POSSESSIVE | class::NUMBER) || next.is_capital())
    }

    /// Scans what follows a verb's cue to the end of its verb phrase.
    fn complement(
        &mut self,
        from: usize,
        subject: &Subject,
        head_form: u64,
        framed: bool,
        carrier: Option<Link>,
        in_that: bool,
    ) -> Stop {
        let t = self.t;
        let mut i = from;
        let mut depth = 0i32;
        let mut skipping = false;
        // A relative or background clause ended at a comma: only "and" coordinates again.
        let mut after_skip = false;
        // An infinitive or a preposition's gerund seen ("to donate X, strengthen Y and
        // work …", "by addressing … and supporting …"): base forms and gerunds after it
        // are its verbs, not the head's.
        let mut nested_verbs = false;
        // Inside a that-clause of the head ("means that …").
        let mut complement_that = false;
        while i < t.len() {
            let x = &t[i];
            if x.is_punct('(') || x.is_punct('[') {
                depth += 1;
                i += 1;
                continue;
            }
            if x.is_punct(')') || x.is_punct(']') {
                depth -= 1;
                i += 1;
                continue;
            }
            if depth > 0 {
                i += 1;
                continue;
            }
            if x.is_punct(';') || self.clause_end(i) == i {
                return Stop::Clause(i + 1);
            }
            if x.is_punct(':') {
                // "… let our message be clear: we will not hesitate to …": a clause with
                // its own pronoun subject after the colon.
                if self.word_at(i + 1, class::PRONOUN) && self.starts_verb(i + 2) {
                    return Stop::Clause(i + 1);
                }
                return Stop::End(t.len());
            }
            // "I will also — I want to commend …": a dash before a new subject.
            if (x.is_punct('—') || x.is_punct('–')) && self.word_at(i + 1, class::PRONOUN) {
                return Stop::Clause(i + 1);
            }
            // "This is why we are stepping up efforts …": the clause after "why" has a
            // subject of its own.
            if self.sym_is(i, "why") && self.word_at(i + 1, class::PRONOUN) && self.starts_verb(i + 2) {
                return Stop::Clause(i + 1);
            }
            let as_well_as = self.sym_is(i, "as") && self.sym_is(i + 1, "well") && self.sym_is(i + 2, "as");
            // "This announcement means that …": in a that-clause of the head, only ", and"
            // with a subject of its own starts a clause of the sentence again.
            if self.sym_is(i, "that")
                && i > 0
                && (i == from || self.word_at(i - 1, class::VERB))
                && !in_that
                && carrier.is_none()
            {
                complement_that = true;
                i += 1;
                continue;
            }
            if !as_well_as
                && (is(x, class::RELATIVE | class::BACKGROUND) && !self.sym_is(i, "that")
                    || (self.sym_is(i, "that") && i > from && !self.word_at(i - 1, class::COORDINATOR)))
            {
                skipping = true;
                i += 1;
                continue;
            }
            if in_that && is(x, class::COORDINATOR) && self.sym_is(i + 1, "that") {
                return Stop::AndThat(i + 2);
            }
            if !skipping
                && ((self.sym_is(i, "to")
                    && t.get(i + 1).is_some_and(|n| {
                        (is(n, class::VERB) && n.class & class::BASE != 0)
                            || (n.is_word()
                                && n.class == 0
                                && !n.is_capital()
                                && (self
                                    .word_at(i + 2, class::DETERMINER | class::POSSESSIVE | class::PRONOUN)
                                    // "to produce or support the production": an unlisted
                                    // verb, known by the verb coordinated with it.
                                    || (self.word_at(i + 2, class::COORDINATOR)
                                        && t.get(i + 3).is_some_and(|v| {
                                            is(v, class::VERB) && v.class & class::BASE != 0
                                        }))))
                    }))
                    || (is(x, class::PREPOSITION)
                        && t.get(i + 1).is_some_and(|n| n.class & class::GERUND != 0)))
            {
                nested_verbs = true;
            }
            let comma = x.is_punct(',');
            let and = is(x, class::COORDINATOR) || as_well_as;
            if comma && skipping {
                skipping = false;
                after_skip = true;
                i += 1;
                continue;
            }
            if complement_that && !(and && self.punct_at(i.wrapping_sub(1), ',')) {
                i += 1;
                continue;
            }
            if (comma || and) && !skipping {
                let mut k = i + 1;
                if as_well_as {
                    k = i + 3;
                }
                while k < t.len() && (is(&t[k], class::COORDINATOR) || t[k].is_punct(',')) && k < i + 3 {
                    k += 1;
                }
                let coordinated = and || is(&t[k - 1], class::COORDINATOR);
                if in_that && self.sym_is(k, "that") {
                    return Stop::AndThat(k + 1);
                }
                // A new clause with its own subject (", and they committed to …").
                let strong_start = t.get(k).is_some_and(|n| {
                    n.is_capital()
                        || is(n, class::PRONOUN | class::IT | class::DETERMINER | class::POSSESSIVE)
                });
                if strong_start
                    && let Some((s, _)) = self.subject(k)
                    && s.np.start == k
                    && (s.who != Who::Thing || comma)
                    && !(s.np.len() == 1 && t[k].class & class::VERB != 0)
                {
                    return Stop::Clause(k);
                }
                if after_skip && !coordinated {
                    i += 1;
                    continue;
                }
                // "We reiterate that our sanctions … are targeted so as not to impede … and
                // reaffirm our commitment …": after a that-clause about a thing, a cue verb
                // in the present is the carrier's subject's (see `verb_phrases`).
                if in_that
                    && and
                    && matches!(subject.who, Who::Thing | Who::Third)
                    && t.get(k)
                        .is_some_and(|n| is(n, class::VERB) && n.class & (class::BASE | class::THIRD) != 0)
                    && !self.lex.at_verb.get(t[k].sym).is_empty()
                {
                    return Stop::Coordinated(k, false, false);
                }
                // ", and call on Russia to …" after an infinitive ("regret Russia’s decision
                // to undermine the Treaty, and call on …"): a comma before "and" ends the
                // infinitive's list.
                let comma_and = is(x, class::COORDINATOR) && self.punct_at(i.wrapping_sub(1), ',');
                let held_by_cue = t.get(k).is_some_and(|n| !self.lex.at_verb.get(n.sym).is_empty());
                let nested = nested_verbs && (!comma_and || !held_by_cue);
                if let Some(inherit) = self.coordinated_verb(k, head_form, framed, nested) {
                    return Stop::Coordinated(k, inherit, head_form & class::GERUND != 0);
                }
                // ", condemning Houthi attacks …": a participle clause of the same subject.
                if comma
                    && !nested_verbs
                    && self.t.get(k).is_some_and(|n| is(n, class::GERUND))
                    && !self.lex.at_verb.get(t[k].sym).is_empty()
                {
                    return Stop::Coordinated(k, false, true);
                }
            }
            i += 1;
        }
        let _ = subject;
        Stop::End(t.len())
    }

    /// Whether a verb coordinated with the phrase's head starts at `k`; `Some(true)` when
    /// it takes over the frames before the head ("will A and B").
    fn coordinated_verb(&self, mut k: usize, head_form: u64, framed: bool, nested: bool) -> Option<bool> {
        let t = self.t;
        let mut n = 0;
        while n < 3 && self.word_at(k, class::ADVERB) && !self.word_at(k, class::VERB) {
            k += 1;
            n += 1;
        }
        let x = t.get(k)?;
        if !x.is_word() || x.is_capital() || self.void[k] {
            return None;
        }
        // "will A, B and continue to C": a base form under the frames takes them over.
        if framed
            && !nested
            && is(x, class::VERB)
            && (x.class & class::BASE != 0
                || (x.class & class::GERUND != 0 && head_form & class::GERUND != 0))
        {
            return Some(true);
        }
        if is(
            x,
            class::FUTURE
                | class::POSSIBILITY
                | class::OBLIGATION
                | class::HAVE
                | class::BE
                | class::COPULA
                | class::DO,
        ) {
            return Some(false);
        }
        if !is(x, class::VERB) {
            return None;
        }
        // The word after a verb is not punctuation ("supply and demand,") nor "of", nor
        // another preposition unless a cue holds it ("… and call on", but "our solidarity
        // and support to Israel").
        let next_ok = t.get(k + 1).is_some_and(|n| {
            (n.is_word() && !self.sym_is(k + 1, "of")) || n.is_punct('“') || n.is_punct('"')
        });
        if !next_ok {
            return None;
        }
        if self.word_at(k + 1, class::PREPOSITION) {
            let held = self
                .lex
                .at_verb
                .get(x.sym)
                .iter()
                .any(|&r| self.lex.rules[r as usize].pattern.match_at(t, k).is_some_and(|e| e > k + 1));
            if !held {
                return None;
            }
        }
        // The form agrees with the head's: past with past ("reaffirmed … and committed"),
        // present with present ("We reaffirm … and call on"), third person with third.
        let past_head = head_form & class::PAST != 0 && head_form & class::BASE == 0;
        if past_head && x.class & class::PAST != 0 {
            return Some(false);
        }
        if nested {
            return None;
        }
        let third_head = head_form & class::THIRD != 0 && head_form & class::BASE == 0;
        if third_head && x.class & class::THIRD != 0 {
            return Some(false);
        }
        if !past_head && !third_head && x.class & class::BASE != 0 {
            return Some(false);
        }
        if head_form & class::GERUND != 0 && x.class & class::GERUND != 0 {
            return Some(false);
        }
        None
    }

    // ---- lead-ins (manual 3.7) --------------------------------------------------------------

    /// Reads a lead-in ending in a colon; sets [`Analyzer::lead`] when its items complete
    /// it (the lead-in itself is then not coded).
    pub(crate) fn lead_in(&mut self) {
        let t = self.t;
        let Some(colon) = t.iter().rposition(|x| x.is_punct(':')) else { return };
        if t[colon + 1..].iter().any(Token::is_word) {
            return;
        }
        let start = self.openers(self.body_start());
        let Some((subject, end)) = self.subject(start).or_else(|| self.rescue_subject(start)) else {
            return;
        };
        // The subject "U.S. actions to strengthen …" with "include:": the items are
        // actions of the owner named in the phrase.
        let mut aux = Aux::default();
        let mut i = end;
        let mut links = Vec::new();
        for step in 0..6 {
            let (at, link) = self.slot(i, &subject, &mut aux, step > 0);
            match link {
                Some(l) => {
                    links.push(l);
                    i = l.cue.1;
                    let rule = &self.lex.rules[l.rule];
                    if rule.position == Position::Carrier {
                        break;
                    }
                    if !(rule.position == Position::Frame || self.sym_is(l.cue.1.saturating_sub(1), "to")) {
                        break;
                    }
                }
                None => {
                    i = at;
                    break;
                }
            }
        }
        // What stands between the chain and the colon.
        let rest: Vec<&Token> = t[i..colon].iter().collect();
        let following = rest.iter().any(|x| matches!(self.lex.words.name(x.sym), "following" | "follows"));
        // "The President is taking the following steps today to increase …:": "following"
        // inside the frame's own cue still announces the items.
        let following_in_frame = !following
            && links.first().is_some_and(|l| {
                self.lex.rules[l.rule].position == Position::Frame
                    && t[l.cue.0..l.cue.1].iter().any(|x| self.lex.words.name(x.sym) == "following")
            });
        let last_link = links.last().copied();
        let ends_open = last_link.is_some_and(|l| {
            let rule = &self.lex.rules[l.rule];
            l.cue.1 == colon && (rule.position == Position::Frame || self.sym_is(l.cue.1 - 1, "to"))
        });
        let carrier = last_link.filter(|l| self.lex.rules[l.rule].position == Position::Carrier);
        // "We will intensify our efforts to:": the items are the verbs of its frames.
        let ends_in_to = colon > 0 && self.sym_is(colon - 1, "to");
        let wraps = |l: &Link| {
            self.lex.rules[l.rule].position == Position::Frame
                || (self.lex.rules[l.rule].position == Position::Predicate && self.sym_is(l.cue.1 - 1, "to"))
        };
        let framed = links.iter().any(wraps);
        // A third party's lead-in makes its items none (3.7).
        if subject.who == Who::Third || subject.who == Who::Thing && subject.head.is_none() {
            return;
        }
        // "we are partnering to counter the misuse of commercial spyware and commit to:":
        // a frame that ends at the colon, after the first verb.
        if !ends_open && !framed && ends_in_to {
            let back = (colon.saturating_sub(6)..colon).find_map(|k| {
                self.lex.at_verb.get(t[k].sym).iter().chain(self.lex.at_predicate.get(t[k].sym)).find_map(
                    |&r| {
                        let rule = &self.lex.rules[r as usize];
                        let end = rule.pattern.match_at(t, k)?;
                        (end == colon && rule.kind.is_some()).then_some(Link {
                            rule: r as usize,
                            cue: (k, end),
                            passive: false,
                        })
                    },
                )
            });
            if let Some(link) = back {
                self.lead = Some(LeadFrame {
                    subject,
                    links: vec![link],
                    objects: false,
                    default: None,
                    default_rule: None,
                });
                return;
            }
        }
        if ends_open || (ends_in_to && framed) {
            links.retain(|l| {
                self.lex.rules[l.rule].position == Position::Frame || self.lex.rules[l.rule].kind.is_some()
            });
            self.lead = Some(LeadFrame { subject, links, objects: false, default: None, default_rule: None });
            return;
        }
        if let Some(c) = carrier
            && (following || c.cue.1 == colon)
        {
            let default = self.lex.rules[c.rule].otherwise;
            self.lead =
                Some(LeadFrame { subject, links, objects: true, default, default_rule: Some(c.rule) });
            return;
        }
        // "We collectively commit to taking the following measures, …:": the items are
        // the measures the frame commits to.
        if (following || following_in_frame)
            && let Some(frame) = links.iter().find(|l| wraps(l)).copied()
            && let Some(kind) = self.lex.rules[frame.rule].kind
            && subject.who == Who::Own
        {
            // "… is taking the following steps today …:" in the present progressive: the
            // items are measures under way (2.2), coded by the progressive rule.
            let under_way = following_in_frame && aux.be && is(&t[frame.cue.0], class::GERUND);
            let (kind, rule) = match self.lex.progressive.first() {
                Some(&rule) if under_way => (K::Action, rule),
                _ => (kind, frame.rule),
            };
            self.lead = Some(LeadFrame {
                subject,
                links: Vec::new(),
                objects: true,
                default: Some(kind),
                default_rule: Some(rule),
            });
            return;
        }
        // "… include:" / "… are:" after a subject naming measures ("U.S. actions").
        let verb_is_include = t
            .get(i)
            .is_some_and(|x| matches!(self.lex.words.name(x.sym), "include" | "includes" | "are" | "were"))
            && i + 1 == colon;
        if verb_is_include
            && let Some(head) = subject.head
            && let Some(rule) = self
                .lex
                .nouns
                .get(t[head].sym)
                .iter()
                .find(|&&r| self.lex.rules[r as usize].pattern.match_at(t, head).is_some())
            && subject.who != Who::Third
        {
            let kind = self.lex.rules[*rule as usize].kind;
            let owner = subject.possessor.clone().or_else(|| {
                (subject.np.start..head).find(|&k| t[k].is_capital()).map(|k| self.slice(k..head).to_owned())
            });
            let lead_subject =
                Subject { who: Who::Own, actor: owner, np: subject.np.clone(), head: None, possessor: None };
            self.lead = Some(LeadFrame {
                subject: lead_subject,
                links: Vec::new(),
                objects: true,
                default: kind,
                default_rule: Some(*rule as usize),
            });
        }
    }

    /// Codes a list item (or a run-in label) under a lead-in's frame (manual 3.7): an item
    /// with a subject and verb of its own is coded alone.
    pub(crate) fn item(&mut self, frame: &LeadFrame) {
        let start = self.body_start();
        if self.is_question() {
            return;
        }
        // Its own clause (after an opening word or phrase: "Second, we will take …")?
        let after_openers = self.openers(start);
        if self
            .subject(after_openers)
            .or_else(|| self.rescue_subject(after_openers))
            .is_some_and(|(_, end)| self.starts_verb(end))
        {
            self.run();
            return;
        }
        if frame.objects {
            // The item is an object of the lead-in's carrier or a measure of its owner.
            let mut k = start;
            while k < self.t.len()
                && k < start + 4
                && is(&self.t[k], class::DETERMINER | class::ADVERB | class::NUMBER)
            {
                k += 1;
            }
            let noun = (start..(start + 6).min(self.t.len())).find_map(|j| self.noun_at(j, &[]));
            let (kind, rule, cue) = match noun {
                Some(n) => match self.lex.rules[n.rule].kind {
                    Some(kind) => (kind, n.rule, n.cue.0..n.cue.1),
                    None => return,
                },
                None => match (frame.default, frame.default_rule) {
                    (Some(kind), Some(rule)) => (kind, rule, start..start),
                    _ => return,
                },
            };
            let clause_end = self.clause_end(start);
            let addressee = self.party_from(start, kind);
            self.finds.push(Find {
                kind,
                rule,
                cue,
                actor: frame.subject.actor.clone(),
                addressee,
                stance: false,
                content: start..clause_end,
                conditional: false,
            });
            return;
        }
        // The item continues the lead-in's frames with a verb ("support Ukraine …"). The
        // frames' words stand in the lead-in, so in the item they are placed on its first
        // word, where the lead-in's sentence goes on.
        let links: Vec<Link> = frame.links.iter().map(|l| Link { cue: (start, start + 1), ..*l }).collect();
        let own_cue = self.slot(start, &frame.subject, &mut Aux::default(), true).1.is_some();
        let before = self.finds.len();
        let _ = self.verb_phrases(&frame.subject, start, None, 0, &links, true);
        if self.finds.len() == before && !own_cue {
            // No cue of its own: the frame decides ("take steps to: … ", "WE HEREBY
            // DECLARE TO: … PROMOTE maritime cooperation …"); a verb with a rule of its
            // own that coded nothing ("REAFFIRM that …" + an assessment) codes nothing.
            let end = self.t.len();
            self.decide(&frame.subject, &links, None, &[], &Aux::default(), None, start, end, false);
        }
    }
}
