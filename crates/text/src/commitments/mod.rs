//! Commitment extraction: codebook v1 rules run over paragraphs.
//!
//! Each sentence (or list item) is coded at most once, by the first rule of the
//! language's [`Codebook`] that fires on it. English rules find the subject of the
//! sentence first (a pronoun or a noun phrase such as "The members of the Security
//! Council", possibly after an introductory clause) and require the cue right after
//! it or after a coordinating "and"; that is what keeps assessments ("Russia's actions
//! pose a serious threat") and relative clauses ("… which offers the prospect") out.
//! A list item under a lead-in ("We are taking concrete steps to:") takes the lead-in's
//! actor and kind.
//!
//! Each English subject rule is, as a pattern, the subject grammar followed by the rule's
//! adverbs and cue. The subject grammar runs once per sentence, giving every place the
//! subject can end (with its actor) in the order the rule patterns prefer them; each
//! rule then runs only its own adverbs-and-cue pattern, anchored at those places, which
//! gives the match the whole rule pattern would. An Aho-Corasick pass over the literals
//! of every cue first picks the rules whose cue occurs at all, and a rule's patterns are
//! compiled the first time it is picked.

mod rules;
mod subject;

pub use rules::{Anchor, Codebook, DE, EN, FR, Rule, codebook};

use crate::screen::{Prefilter, Screened};
use crate::sentences::sentence_byte_ranges;
use communique_model::{Actor, Commitment, CommitmentKind, Method, Paragraph, ParagraphKind, Span};
use regex::Regex;
use regex_automata::{Anchored, Input, meta};
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};
use subject::End;

/// Adverbs that may stand between a subject and its cue.
const ADV: &str = r"(?:\w+ly|again|also|still|further|now|today|all|jointly|hereby|therefore|thus|both|together|very|once\s+again|not\s+only|each)";

/// English subject: an optional introductory clause, then the actor noun phrase and an
/// optional appositive between commas. An English subject rule is `^EN_SUBJECT TAIL` or
/// `^EN_SUBJECT LINK TAIL`, `TAIL` being its adverbs and cue. The scanners of [`subject`]
/// run this grammar and [`LINK`] once per sentence (tests check them against these
/// patterns), so that each rule only runs its tail.
#[cfg_attr(not(test), allow(dead_code))]
const EN_SUBJECT: &str = r#"^["“‘]?(?:(?:As|In|On|At|Given|Following|With|Since|After|Despite|Also|Furthermore|Moreover|Finally|Together|Therefore|Consequently|Accordingly|Meanwhile|Once|Here|Again|For|To|By|Under|Through|Against|While|Until|Now|Today|Yesterday|This|Last|Earlier|In\s+this|At\s+the|Recalling|Recognising|Recognizing|Noting|Welcoming|Concerned)\b[^,;:]{0,200},\s+|(?:Today|Now|Again|Also|Together|Therefore|Thus|Finally|Moreover|Furthermore)\s+)?(?P<actor>(?:We|we|I|He|he|She|she|They|they)|(?:(?:(?:The|the|All|all|Both|both|Our|Their)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+\p{Lu}[\p{L}\p{N}’'.&-]*){0,5}|\p{Ll}[\p{L}-]*))|\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+\p{Lu}[\p{L}\p{N}’'.&-]*){0,5})(?:\s+(?:of(?:\s+the)?|and|for)\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+\p{Lu}[\p{L}\p{N}’'.&-]*){0,5}){0,3})(?:,\s[^,;]{1,160},)?\s+"#;

/// What joins a second verb to the subject in a coordinated sentence ("… and urged").
#[cfg_attr(not(test), allow(dead_code))]
const LINK: &str = r"[^.;:]*?(?:,\s+and|\sand|,)\s+";

/// First words that never start an actor.
const NOT_ACTORS: &[&str] = &[
    "It", "This", "That", "There", "These", "Those", "Our", "Its", "Their", "His", "Her", "My", "Such",
    "Any", "No", "Each", "Every", "What", "Which", "Who", "If", "When", "While", "Although", "But", "And",
    "Yet", "So", "A", "An", "Today", "Now", "Here", "In", "On", "At", "As", "For",
];

/// Collective nouns that make "Our …" / "Their …" an actor ("Our countries will continue").
const AGENT_NOUNS: &[&str] = &[
    "countries",
    "nations",
    "governments",
    "government",
    "leaders",
    "ministers",
    "allies",
    "partners",
    "forces",
    "states",
    "delegations",
    "institutions",
    "organisations",
    "organizations",
    "members",
    "peoples",
    "troops",
    "teams",
    "missions",
    "embassies",
    "agencies",
    "parliaments",
];

/// Modal verbs after which "It" is an expletive or a thing ("It will take time"), not the
/// issuer speaking of itself ("It urges", "It calls on").
const MODALS: &[&str] = &["will", "shall", "must", "should", "can", "could", "may", "might", "would"];

/// Whether a one-word subject is an abstract noun ("Violence can never be the answer",
/// "Escalation must stop"), by the derivational suffixes English abstract nouns take;
/// acronyms ("NATO") and institutions in -ment ("Parliament", "Government") are actors.
fn abstract_noun(word: &str) -> bool {
    const SUFFIXES: &[&str] = &["ence", "ance", "tion", "sion", "ity", "ism", "ness", "acy", "ment"];
    const INSTITUTIONS: &[&str] = &["Government", "Parliament", "Department", "Secretariat"];
    let lower_rest = word.chars().skip(1).all(|c| !c.is_uppercase());
    lower_rest && !INSTITUTIONS.contains(&word) && SUFFIXES.iter().any(|s| word.ends_with(s))
}

/// Whether the captured subject `actor` can be the actor of a cue starting `cue`.
fn acceptable_actor(actor: &str, cue: &str) -> bool {
    let words: Vec<&str> = actor.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    let cue_first = cue.split_whitespace().next().unwrap_or_default();
    match first {
        "It" if words.len() == 1 => !MODALS.contains(&cue_first),
        "Our" | "Their" | "Its" => words[1..].iter().any(|w| AGENT_NOUNS.contains(w)),
        _ if words.len() == 1 && abstract_noun(first) => false,
        _ => !NOT_ACTORS.contains(&first),
    }
}

/// Subject pronouns resolved to the issuer.
const FIRST_PERSON: &[&str] = &["We", "we", "I", "He", "he", "She", "she", "Our", "our"];

struct CompiledRule {
    rule: &'static Rule,
    /// The rule's patterns, compiled the first time the prefilter lets the rule through.
    matcher: OnceLock<Matcher>,
}

/// How one rule is matched.
enum Matcher {
    /// A subject rule of a language with a subject grammar: the rule's tail (adverbs, then
    /// the cue), run anchored where the subject ends (direct), where a link after it ends
    /// (coordinated), or at the start of a list item (bare). See [`subject`].
    Tail(Tail),
    /// Any other rule: the cue anywhere (an anywhere rule), or the tail at the start of
    /// the sentence (a subject rule without a subject grammar), also used for list items.
    Whole(Screened),
}

/// A subject rule's tail, `(?:ADV,?\s+){0,3}(?P<cue>…)`, for anchored searches.
struct Tail {
    regex: meta::Regex,
}

impl Tail {
    fn new(pattern: &str, case_insensitive: bool) -> Self {
        let regex = meta::Regex::builder()
            .syntax(regex_automata::util::syntax::Config::new().case_insensitive(case_insensitive))
            .configure(meta::Regex::config().nfa_size_limit(Some(64 << 20)))
            .build(pattern)
            .unwrap_or_else(|e| panic!("codebook pattern {pattern:?} does not compile: {e}"));
        assert_eq!(
            regex.group_info().to_index(regex_automata::PatternID::ZERO, "cue"),
            Some(1),
            "a tail's first group is its cue"
        );
        Self { regex }
    }

    /// The cue (byte range in `text`) of the tail's leftmost-first match starting exactly
    /// at `at`, if it matches there.
    fn cue(&self, text: &str, at: usize) -> Option<Range<usize>> {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let mut slots = [None; 4];
        self.regex.search_slots(&input, &mut slots)?;
        Some(slots[2]?.get()..slots[3]?.get())
    }
}

struct Compiled {
    book: &'static Codebook,
    lang: Lang,
    rules: Vec<CompiledRule>,
    /// Literals of every rule's cue (rule `i` is pattern `i`): a rule whose cue does not
    /// occur in a sentence cannot fire on it, so one pass of this prefilter picks the
    /// few rules worth trying.
    cues: Prefilter,
    lead_subject: Option<Screened>,
    intensifier: Screened,
    conditional: Screened,
    future: Screened,
    references: Screened,
    addressee: Vec<Screened>,
    /// Literals of `intensifier`, `conditional`, `future`, `references` and each
    /// `addressee` pattern, in that order: one pass over a coded sentence tells which of
    /// them cannot match it.
    fields: Prefilter,
}

/// Narrows the Unicode classes of a pattern to the Latin letters an English or Western
/// European text uses: the full Unicode tables make the automata tens of times larger
/// for no gain in these codebooks.
fn latin(pattern: &str) -> String {
    pattern
        .replace(r"\p{Lu}", "[A-ZÀ-ÖØ-Þ]")
        .replace(r"\p{Ll}", "[a-zß-öø-ÿ]")
        .replace(r"\p{L}", "[A-Za-zÀ-ÖØ-öø-ÿ]")
        .replace(r"\p{N}", "[0-9]")
        .replace(r"\w", "[0-9A-Za-z_À-ÖØ-öø-ÿ]")
}

fn screened(pattern: &str, case_insensitive: bool) -> Screened {
    Screened::new(&latin(pattern), case_insensitive)
}

/// Whether a language has a subject grammar ([`EN_SUBJECT`] for English).
fn has_subject_grammar(lang: Lang) -> bool {
    match lang {
        Lang::En => true,
        Lang::Fr | Lang::De => false,
    }
}

/// A rule's tail: optional adverbs, then its cue in the group `cue`.
fn tail_of(rule: &Rule) -> String {
    let body = rule.pattern.replace("{ADV}", ADV);
    format!(r"(?:{ADV},?\s+){{0,3}}(?P<cue>{body})")
}

impl CompiledRule {
    /// The rule's matcher, compiled on first use.
    fn matcher(&self, book: &Codebook, lang: Lang) -> &Matcher {
        self.matcher.get_or_init(|| {
            let rule = self.rule;
            match (rule.anchor, has_subject_grammar(lang)) {
                (Anchor::Subject, true) => {
                    Matcher::Tail(Tail::new(&latin(&tail_of(rule)), book.case_insensitive))
                }
                // Without a subject grammar a subject rule is tried at the start of the text.
                (Anchor::Subject, false) => {
                    Matcher::Whole(screened(&format!("^{}", tail_of(rule)), book.case_insensitive))
                }
                (Anchor::Anywhere, _) => {
                    let body = rule.pattern.replace("{ADV}", ADV);
                    Matcher::Whole(screened(&format!("(?P<cue>{body})"), book.case_insensitive))
                }
            }
        })
    }
}

fn compile(book: &'static Codebook, lang: Lang) -> Compiled {
    let rules = book.rules.iter().map(|rule| CompiledRule { rule, matcher: OnceLock::new() }).collect();
    let cues: Vec<String> =
        book.rules.iter().map(|rule| latin(&rule.pattern.replace("{ADV}", ADV))).collect();
    let cues = Prefilter::new(&cues, book.case_insensitive);
    let (lead_subject, intensifier, conditional, future, references, addressee) = match lang {
        Lang::En => (
            None,
            screened(
                r"\b(?:in\s+the\s+(?:strongest|clearest|firmest)(?:\s+possible)?\s+terms|unequivocally|categorically|strongly|firmly|gravely|deeply|extremely|resolutely|vigorously|warmly|wholeheartedly|unreservedly|iron-?clad|unwavering|unshakeable|steadfast(?:ly)?|deepest|most\s+sincere|utmost)\b",
                false,
            ),
            screened(
                r"(?i)\b(?:if|unless|in\s+the\s+event|provided\s+that|should\s+\p{Lu}\w*\s+(?:choose|decide|continue|attempt)|any\s+further)\b",
                false,
            ),
            screened(
                r"(?i)\b(?:will|shall|continue\s+to|continues\s+to|going\s+forward|henceforth|in\s+future)\b",
                false,
            ),
            screened(
                r"\b(?:Article\s+\d+[a-z]?(?:\s+of\s+the\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,4}(?:Treaty|Charter|Convention|Agreement|Statute|Act))?|Charter\s+of\s+the\s+United\s+Nations|(?:UN|U\.N\.)\s+Charter|(?:(?:UN\s+)?Security\s+Council\s+)?[Rr]esolutions?\s+\d{2,5}(?:\s+\(\d{4}\))?|(?:\p{Lu}[\p{L}’'-]*\s+){1,4}(?:agreements?|Agreements?|Accords?|Treaty|Charter|Convention|Format|Protocol|Memorandum|Act|Framework|Roadmap|Road\s+Map))",
                false,
            ),
            vec![
                screened(
                    r"\b(?:urge|urges|urged|call|calls|called|appeal|appeals|appealed|encourage|encourages|encouraged|exhort\w*|implore\w*|invite|invites|invited|request|requests|requested|demand|demands|demanded)\s+(?:(?:up)?on\s+|to\s+)?(?P<a>[^,;:.]{1,120}?)(?:,|\s+(?:not\s+)?to\s)",
                    false,
                ),
                screened(r"\bthe\s+need\s+for\s+(?P<a>[^,;:.]{1,80}?)\s+to\s", false),
                screened(
                    r#"^["“]?It\s+is\s+\w+\s+(?:that|for)\s+(?P<a>(?:all|the)\s+[\w-]+(?:\s+[\w-]+)?|\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)*)\s"#,
                    false,
                ),
                screened(
                    r"\b(?:proposals?|offers?|offered|propose[sd]?)\s+to\s+(?P<a>\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)*)",
                    false,
                ),
                screened(
                    r"\b(?:support|supports|supported)\s+(?:for\s+)?(?P<a>\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)*)",
                    false,
                ),
                screened(
                    r"\bsupport\s+for\s+[^.;]{0,80}?\bof\s+(?P<a>\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)*)",
                    false,
                ),
                screened(r"\bwelcome[sd]?\s+(?P<a>\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)*)", false),
            ],
        ),
        Lang::Fr | Lang::De => (
            Some(screened(
                if lang == Lang::Fr {
                    r#"^["“«]?\s*(?P<actor>Nous|Je|Il|Elle|Ils|Elles|(?:Le|La|Les|L[’'])\s*\p{Lu}[\p{L}-]*(?:\s+(?:de|du|des|et|de\s+la)\s+\p{Lu}[\p{L}-]*)*)\s"#
                } else {
                    r#"^["“„]?(?P<actor>Wir|Ich|Sie|Er|(?:Die|Der|Das)\s+\p{Lu}[\p{L}-]*(?:\s+(?:und|der|des)\s+\p{Lu}[\p{L}-]*)*)\s"#
                },
                false,
            )),
            screened(
                r"(?i)\b(?:nachdrücklich|entschieden|aufs\s+Schärfste|unerschütterlich\w*|avec\s+la\s+plus\s+grande\s+fermeté|fermement|vivement|fortement)\b",
                false,
            ),
            screened(r"(?i)\b(?:wenn|falls|sofern|si|à\s+condition\s+que)\b", false),
            screened(r"(?i)\b(?:werden|wird|weiterhin|fortzusetzen|continuer\w*|poursuivr\w*)\b", false),
            screened(
                r"\b(?:Artikel|Article|Art\.)\s+\d+[a-z]?(?:\s+(?:des|du|de\s+la)\s+(?:\p{Lu}[\p{L}-]*\s*){1,3})?|\b(?:Minsker\s+Abkommen|accords\s+de\s+Minsk|résolution\s+\d{2,5}|Resolution\s+\d{2,5})",
                false,
            ),
            Vec::new(),
        ),
    };
    let mut fields =
        vec![intensifier.pattern(), conditional.pattern(), future.pattern(), references.pattern()];
    fields.extend(addressee.iter().map(Screened::pattern));
    let fields: Vec<String> = fields.into_iter().map(str::to_owned).collect();
    let fields = Prefilter::new(&fields, false);
    Compiled {
        book,
        lang,
        rules,
        cues,
        lead_subject,
        intensifier,
        conditional,
        future,
        references,
        addressee,
        fields,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
    De,
}

static COMPILED_EN: LazyLock<Compiled> = LazyLock::new(|| compile(&EN, Lang::En));
static COMPILED_FR: LazyLock<Compiled> = LazyLock::new(|| compile(&FR, Lang::Fr));
static COMPILED_DE: LazyLock<Compiled> = LazyLock::new(|| compile(&DE, Lang::De));

fn compiled(language: &str) -> Option<&'static Compiled> {
    match codebook(language)?.language {
        "en" => Some(&COMPILED_EN),
        "fr" => Some(&COMPILED_FR),
        "de" => Some(&COMPILED_DE),
        _ => None,
    }
}

/// What a rule found in one sentence (byte offsets into the sentence).
#[derive(Debug, Clone)]
struct Hit {
    rule: &'static Rule,
    actor: Option<String>,
    cue: Range<usize>,
}

impl Compiled {
    fn code(&self, sentence: &str, implicit_subject: bool) -> Option<Hit> {
        // Only the rules whose cue occurs in the sentence can fire, and a tail cannot
        // match after the last place its cue's literals occur.
        let last = self.cues.last_literals(sentence);
        if last.iter().all(Option::is_none) {
            return None;
        }
        let candidates = || {
            self.rules
                .iter()
                .zip(&last)
                .filter_map(|(rule, last)| Some((rule, rule.matcher(self.book, self.lang), (*last)?)))
        };
        // Where the subject ends (and, below, where a link after it ends), each with the
        // actor of the first path there; computed once for all rules (see `subject`).
        let mut subject_ends: Option<Vec<End>> = None;
        let ends = |subject_ends: &mut Option<Vec<End>>| -> Vec<End> {
            subject_ends.get_or_insert_with(|| self.subject_ends(sentence)).clone()
        };
        // The first end, in order, after which the tail matches: the rule pattern's
        // leftmost-first match.
        let fit = |rule: &CompiledRule, tail: &Tail, last: usize, ends: &[End]| {
            let (end, cue) = ends
                .iter()
                .filter(|end| end.at <= last)
                .find_map(|end| Some((end, tail.cue(sentence, end.at)?)))?;
            self.hit(rule.rule, end.actor.clone().map(|a| &sentence[a]), cue, sentence)
        };
        for (rule, matcher, last) in candidates() {
            let hit = match matcher {
                Matcher::Tail(tail) => {
                    let ends = subject_ends.get_or_insert_with(|| self.subject_ends(sentence));
                    fit(rule, tail, last, ends)
                }
                Matcher::Whole(whole) => whole.captures(sentence).and_then(|caps| {
                    let actor = caps.name("actor").map(|m| m.as_str());
                    self.hit(rule.rule, actor, caps.name("cue").map_or(0..0, |m| m.range()), sentence)
                }),
            };
            if hit.is_some() {
                return hit;
            }
        }
        let mut linked_ends: Option<Vec<End>> = None;
        for (rule, matcher, last) in candidates() {
            let Matcher::Tail(tail) = matcher else { continue };
            let linked = linked_ends.get_or_insert_with(|| {
                let mut out = Vec::new();
                subject::link_ends(sentence, ends(&mut subject_ends).as_slice(), &mut out);
                out
            });
            if let Some(hit) = fit(rule, tail, last, linked) {
                return Some(hit);
            }
        }
        if implicit_subject {
            // A list item or fragment with no subject of its own ("condemn the attack;").
            for (rule, matcher, _) in candidates().filter(|(r, _, _)| r.rule.anchor == Anchor::Subject) {
                let cue = match matcher {
                    Matcher::Tail(tail) => tail.cue(sentence, 0),
                    Matcher::Whole(whole) => {
                        whole.captures(sentence).map(|caps| caps.name("cue").map_or(0..0, |m| m.range()))
                    }
                };
                if let Some(cue) = cue {
                    return Some(Hit { rule: rule.rule, actor: None, cue });
                }
            }
        }
        None
    }

    /// Where the subject grammar can end in `sentence`, in leftmost-first order (none
    /// without a grammar).
    fn subject_ends(&self, sentence: &str) -> Vec<End> {
        let mut out = Vec::new();
        if self.lang == Lang::En {
            subject::en_subject_ends(sentence, &mut out);
        }
        out
    }

    /// The hit of `rule` with the captured `actor` and `cue`, unless the actor cannot be
    /// the actor of the cue.
    fn hit(
        &self,
        rule: &'static Rule,
        actor: Option<&str>,
        cue: Range<usize>,
        sentence: &str,
    ) -> Option<Hit> {
        let actor = actor.map(|a| noun_phrase(a).to_owned());
        if rule.anchor == Anchor::Subject
            && let Some(actor) = &actor
            && !acceptable_actor(actor, sentence.get(cue.clone()).unwrap_or(""))
        {
            return None;
        }
        let actor = actor.or_else(|| {
            self.lead_subject
                .as_ref()
                .and_then(|re| re.captures(sentence))
                .and_then(|c| c.name("actor").map(|m| m.as_str().to_owned()))
        });
        Some(Hit { rule, actor, cue })
    }

    fn addressee(&self, sentence: &str, hit: &Hit, present: &[bool]) -> Option<String> {
        if hit.rule.id.ends_with(".modal") {
            // "Belgrade and Pristina should now engage": the subject is the addressee.
            return hit.actor.clone();
        }
        self.addressee.iter().zip(&present[ADDRESSEE..]).find_map(|(re, present)| {
            let caps = if *present { re.captures(sentence)? } else { return None };
            let a = caps.name("a")?.as_str().trim();
            (!a.is_empty() && !a.starts_with("the need")).then(|| a.to_owned())
        })
    }

    fn intensifier(&self, sentence: &str) -> Option<String> {
        self.intensifier.find(sentence).map(|m| m.as_str().to_owned())
    }

    fn references(&self, sentence: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.references.find_iter(sentence) {
            let mut text = m.as_str().trim();
            for article in ["The ", "the "] {
                text = text.strip_prefix(article).unwrap_or(text);
            }
            if !text.is_empty() && !out.iter().any(|r| r == text) {
                out.push(text.to_owned());
            }
        }
        out
    }
}

/// Runs the codebook rules of `language` over `paragraphs` and returns the commitments
/// found, in reading order.
///
/// - `language` is a BCP 47 tag; its primary subtag picks the [`Codebook`] (`en`, with
///   first rule sets for `fr` and `de`). Other languages give no commitment.
/// - Each commitment quotes one sentence of a paragraph (or a whole list item); its
///   `span` counts code points of the paragraph's `text` and selects exactly its `quote`.
/// - Ids are `{paragraph id}__cmt_{n}` (`para_3__cmt_1`), n counting from 1 in each
///   paragraph; `method` is [`Method::rule`] with the id of the rule that fired.
/// - `actor_resolved` is the first of `issuers` when the actor is a first-person or
///   singular third-person pronoun ("we", "I", "he") and an issuer is known.
/// - Headings give no commitment; a lead-in followed by list items gives none itself,
///   its items take its actor and kind.
#[must_use]
pub fn extract_commitments(paragraphs: &[Paragraph], language: &str, issuers: &[Actor]) -> Vec<Commitment> {
    let Some(compiled) = compiled(language) else { return Vec::new() };
    let resolved = issuers.first().map(|issuer| issuer.name.clone());
    let mut out = Vec::new();
    let mut lead: Option<(Hit, String)> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let mut counter = 0;
        let mut push = |out: &mut Vec<Commitment>, found: Found<'_>| {
            if let Some(c) = compiled.commitment(paragraph, counter + 1, &found, resolved.as_deref()) {
                counter += 1;
                out.push(c);
            }
        };
        let text = paragraph.text.as_str();
        match paragraph.kind {
            ParagraphKind::Heading => {
                lead = None;
                continue;
            }
            ParagraphKind::ListItem => {
                if let Some((hit, lead_sentence)) = &lead {
                    let trimmed = trim_range(text, 0..text.len());
                    if !trimmed.is_empty() {
                        let sentence = &text[trimmed.clone()];
                        push(&mut out, Found { range: trimmed, hit, sentence, lead: Some(lead_sentence) });
                    }
                    continue;
                }
            }
            ParagraphKind::LeadIn => {
                let followed = paragraphs.get(index + 1).is_some_and(|p| p.kind == ParagraphKind::ListItem);
                if followed {
                    let ranges = sentence_byte_ranges(text);
                    let last = ranges.last().cloned().unwrap_or(0..text.len());
                    let sentence = &text[last];
                    lead = compiled.code(sentence, false).map(|hit| (hit, sentence.to_owned()));
                    continue;
                }
                lead = None;
            }
            _ => lead = None,
        }
        let implicit = paragraph.kind == ParagraphKind::ListItem;
        for sentence_range in sentence_byte_ranges(text) {
            // Each clause is coded on its own; the commitment quotes the whole sentence.
            for (n, mut clause) in clause_ranges(text, sentence_range.clone()).into_iter().enumerate() {
                // A dateline that opens the paragraph ("VIENNA, 3 March 2023 – The …") is
                // not the subject; the quote keeps it.
                if clause.start == 0
                    && let Some(rest) = crate::header::dateline_prefix(&text[clause.clone()])
                {
                    clause.start += rest;
                }
                let sentence = &text[clause];
                if let Some(hit) = compiled.code(sentence, implicit && n == 0) {
                    push(&mut out, Found { range: sentence_range.clone(), hit: &hit, sentence, lead: None });
                }
            }
        }
    }
    out
}

/// Where a new clause with its own pronoun subject is joined on: "[,;] and they …".
static CLAUSE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[,;]\s+and\s+(?P<subject>we|they|he|she|I)\s").expect("clause join pattern compiles")
});

/// The clauses of the sentence at `range` of `text` that are coded one by one: a
/// sentence that joins a second independent clause with its own subject ("The leaders
/// reaffirmed their partnership, and they committed to working together") puts two
/// positions on record, each with its own actor and cue (both quote the sentence). A
/// clause ends before the comma that joins the next, which starts at its subject. Most
/// sentences are one clause.
fn clause_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let sentence = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for caps in CLAUSE_JOIN.captures_iter(sentence) {
        let (Some(join), Some(subject)) = (caps.get(0), caps.name("subject")) else { continue };
        out.push(range.start + start..range.start + join.start());
        start = subject.start();
    }
    out.push(range.start + start..range.end);
    out
}

/// The noun phrase at the head of a captured subject, without the verb, adverb or
/// determiner that the subject grammar's lower-case word slots can swallow ("Both sides
/// affirmed their" → "Both sides", "The two sides stressed" → "The two sides", "The
/// leaders also" → "The leaders"). Cut, from the second word on, at: an adverb of
/// [`ADV`]'s list, or a word in -ly after the head noun; an auxiliary verb; a word before a possessive or an
/// article that does not follow a preposition ("affirmed their", but "of the"); a final
/// past participle in -ed.
fn noun_phrase(actor: &str) -> &str {
    const ADVERBS: &[&str] = &[
        "again",
        "also",
        "still",
        "further",
        "now",
        "today",
        "jointly",
        "hereby",
        "therefore",
        "thus",
        "together",
        "very",
        "once",
        "not",
        "each",
    ];
    const DETERMINERS: &[&str] =
        &["their", "its", "our", "his", "her", "my", "your", "the", "a", "an", "this", "these", "those"];
    const LINKS: &[&str] = &["of", "for", "and", "to", "in", "on", "with", "at", "by"];
    const AUXILIARIES: &[&str] =
        &["have", "has", "had", "are", "is", "was", "were", "will", "shall", "can", "do", "does", "did"];
    let words: Vec<(usize, &str)> =
        actor.split_whitespace().map(|w| (w.as_ptr() as usize - actor.as_ptr() as usize, w)).collect();
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let cut = (1..words.len()).find(|&i| {
        let w = words[i].1;
        if !lower(w) {
            return false;
        }
        ADVERBS.contains(&w)
            || AUXILIARIES.contains(&w)
            || (i >= 2 && w.len() > 4 && w.ends_with("ly"))
            || words.get(i + 1).is_some_and(|&(_, next)| {
                DETERMINERS.contains(&next) && !LINKS.contains(&w) && !DETERMINERS.contains(&w)
            })
            || (i >= 2 && i + 1 == words.len() && w.len() > 4 && w.ends_with("ed"))
    });
    match cut {
        Some(i) => actor[..words[i].0].trim_end(),
        None => actor,
    }
}

/// One coded sentence or list item of a paragraph.
struct Found<'a> {
    /// Byte range of the quote in the paragraph text.
    range: Range<usize>,
    hit: &'a Hit,
    sentence: &'a str,
    /// The lead-in sentence the hit came from, for a list item.
    lead: Option<&'a str>,
}

impl Compiled {
    fn commitment(
        &self,
        paragraph: &Paragraph,
        n: usize,
        found: &Found<'_>,
        resolved: Option<&str>,
    ) -> Option<Commitment> {
        let text = paragraph.text.as_str();
        let span = Span::from_byte_range(text, found.range.clone())?;
        let hit = found.hit;
        let sentence = found.sentence;
        let mut commitment = Commitment::new(
            format!("{}__cmt_{n}", paragraph.id),
            paragraph.id.clone(),
            span,
            &text[found.range.clone()],
            hit.rule.kind,
            Method::rule(hit.rule.id),
        );
        commitment.actor = hit.actor.clone();
        commitment.actor_resolved = hit
            .actor
            .as_deref()
            .filter(|a| FIRST_PERSON.contains(a) || (self.book.language != "en" && is_pronoun_de_fr(a)))
            .and(resolved)
            .map(str::to_owned);
        let cue_text = found.lead.unwrap_or(sentence);
        commitment.cue = cue_text.get(hit.cue.clone()).map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        // The field patterns whose literals occur in the sentence; the others cannot match.
        let present = self.fields.candidates(sentence);
        commitment.addressee = self.addressee(sentence, hit, &present);
        commitment.intensifier = present[INTENSIFIER]
            .then(|| self.intensifier(sentence))
            .flatten()
            .or_else(|| found.lead.and_then(|s| self.intensifier(s)));
        let kind = hit.rule.kind;
        commitment.conditional = matches!(kind, CommitmentKind::Readiness | CommitmentKind::Warning)
            || (present[CONDITIONAL] && self.conditional.is_match(sentence));
        commitment.future_oriented = matches!(
            kind,
            CommitmentKind::Pledge
                | CommitmentKind::Readiness
                | CommitmentKind::Warning
                | CommitmentKind::Demand
        ) || (present[FUTURE] && self.future.is_match(sentence));
        commitment.references = if present[REFERENCES] { self.references(sentence) } else { Vec::new() };
        Some(commitment)
    }
}

/// Indexes of the field patterns in [`Compiled::fields`].
const INTENSIFIER: usize = 0;
const CONDITIONAL: usize = 1;
const FUTURE: usize = 2;
const REFERENCES: usize = 3;
const ADDRESSEE: usize = 4;

fn is_pronoun_de_fr(actor: &str) -> bool {
    matches!(actor, "Wir" | "Ich" | "Er" | "Nous" | "Je" | "Il" | "Elle")
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_model::CommitmentKind as K;
    use proptest::prelude::*;

    /// Each English subject rule as one pattern, `^SUBJECT TAIL` and `^SUBJECT LINK TAIL`,
    /// compiled by the `regex` crate as written.
    static WHOLE: LazyLock<Vec<(Regex, Regex, Tail)>> = LazyLock::new(|| {
        let subject = latin(EN_SUBJECT);
        let link = latin(LINK);
        EN.rules
            .iter()
            .filter(|rule| rule.anchor == Anchor::Subject)
            .map(|rule| {
                let tail = latin(&tail_of(rule));
                let whole = |pattern: String| {
                    regex::RegexBuilder::new(&pattern).size_limit(64 << 20).build().expect("rule compiles")
                };
                (
                    whole(format!("{subject}{tail}")),
                    whole(format!("{subject}{link}{tail}")),
                    Tail::new(&tail, false),
                )
            })
            .collect()
    });

    /// The first end (of the subject, or of a link after it) after which the tail matches
    /// gives the actor and cue the whole pattern's leftmost-first match captures.
    fn same_as_whole_patterns(text: &str) {
        let mut subject = Vec::new();
        subject::en_subject_ends(text, &mut subject);
        let mut linked = Vec::new();
        subject::link_ends(text, &subject, &mut linked);
        for (direct, coordinated, tail) in WHOLE.iter() {
            for (whole, ends) in [(direct, &subject), (coordinated, &linked)] {
                let expected = whole
                    .captures(text)
                    .map(|caps| (caps.name("actor").map(|m| m.range()), caps.name("cue").map(|m| m.range())));
                let got =
                    ends.iter().find_map(|end| Some((end.actor.clone(), Some(tail.cue(text, end.at)?))));
                assert_eq!(got, expected, "{whole} on {text:?}");
            }
        }
    }

    #[test]
    fn every_rule_compiles() {
        for (book, lang) in [(&EN, Lang::En), (&FR, Lang::Fr), (&DE, Lang::De)] {
            for rule in &compile(book, lang).rules {
                let _ = rule.matcher(book, lang);
            }
        }
    }

    #[test]
    fn subject_rules_match_as_whole_patterns() {
        for text in [
            "We urge Russia, in the strongest possible terms, to choose the path of diplomacy.",
            "The members of the Security Council condemned in the strongest terms the attacks.",
            "As stated previously, any further Russian aggression against Ukraine will have massive consequences.",
            "Both leaders recognized the contributions of migrants, and committed to policies.",
            "The two sides stressed their goal, and called on the international community to act.",
            "The United States stands ready to support this implementation.",
            "It urges the authorities to act.",
            "“Today we stand with Ukraine,” he said, and we will continue to do so.",
            "NATO Allies, as a whole, remain ready and willing, and also strongly condemn it.",
        ] {
            same_as_whole_patterns(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn subject_rules_match_as_whole_patterns_on_any_text(parts in proptest::collection::vec(prop_oneof![
            Just("We"), Just("we"), Just("I"), Just("He"), Just("They"), Just("The"), Just("the"), Just("Both"),
            Just("Our"), Just("United"), Just("States"), Just("Council"), Just("of"), Just("and"), Just("for"),
            Just("As"), Just("In"), Just("Today"), Just("also"), Just("strongly"), Just("leaders"), Just("É"),
            Just("’s"), Just(","), Just(";"), Just("."), Just("\""), Just("“"), Just(" "), Just(" "), Just(" "),
            Just("\u{a0}"), Just("x"), Just("ä"), Just("urge"), Just("urged"), Just("call on"), Just("will"),
            Just("will not"), Just("accept"), Just("are ready to"), Just("condemn"), Just("reaffirm"),
            Just("our"), Just("commitment"), Just("should"), Just("express"), Just("deep"), Just("concern"),
            Just("support"), Just("look forward to"), Just("have"), Just("made"), Just("proposals"),
        ], 0..30)) {
            same_as_whole_patterns(&parts.concat());
        }
    }

    fn check(sentence: &str, expected: Option<(K, Option<&str>, Option<&str>)>) {
        let paragraph = Paragraph::new("para_1", ParagraphKind::Body, sentence);
        let found = extract_commitments(&[paragraph], "en", &[]);
        let got = found.first().map(|c| (c.kind, c.actor.as_deref(), c.addressee.as_deref()));
        assert_eq!(got, expected, "{sentence:?} → {found:#?}");
    }

    #[test]
    fn codes_sentences() {
        check(
            "We urge Russia, in the strongest possible terms, to choose the path of diplomacy.",
            Some((K::Demand, Some("We"), Some("Russia"))),
        );
        check("Russia’s actions pose a serious threat to Euro-Atlantic security.", None);
        check(
            "The members of the Security Council condemned in the strongest terms the attacks.",
            Some((K::Condemnation, Some("The members of the Security Council"), None)),
        );
        check(
            "He urges the competent authorities to clarify the circumstances.",
            Some((K::Demand, Some("He"), Some("the competent authorities"))),
        );
        check("President Ahtisaari has presented a way forward which offers the prospect of peace.", None);
        check(
            "The United States stands ready to support this implementation.",
            Some((K::Readiness, Some("The United States"), None)),
        );
        check(
            "As stated previously, any further Russian aggression against Ukraine will have massive consequences.",
            Some((K::Warning, None, None)),
        );
        check(
            "We have made substantive proposals to Russia to enhance security.",
            Some((K::Offer, Some("We"), Some("Russia"))),
        );
        check("NATO is a defensive Alliance.", None);
        check("Violence can never be the answer to a political crisis.", None);
        check("Escalation will not help anyone.", None);
        check("It will take time to rebuild.", None);
        check("It urges the authorities to act.", Some((K::Demand, Some("It"), Some("the authorities"))));
        check("Our countries will continue to help.", Some((K::Pledge, Some("Our countries"), None)));
        check("Our thoughts will be with them.", None);
        check(
            "VIENNA, 3 March 2023 – The Chairperson today condemned the attack.",
            Some((K::Condemnation, Some("The Chairperson"), None)),
        );
        check("This Summit marks a milestone in strengthening our Alliance.", None);
        check("The events in Odesa that led to the fire dramatically underscore the need for calm.", None);
        check(
            "The members of the Security Council underlined the need to bring perpetrators to justice and urged all States to act.",
            Some((K::Demand, Some("The members of the Security Council"), Some("all States"))),
        );
    }

    #[test]
    fn joint_statement_actors_are_noun_phrases() {
        check(
            "Both sides affirmed their strong support for the UN-brokered truce in Yemen.",
            Some((K::Support, Some("Both sides"), None)),
        );
        check(
            "The two sides stressed their long-stated goal to end the war, and called on the international community to act.",
            Some((K::Demand, Some("The two sides"), Some("the international community"))),
        );
        check(
            "The roadmap affirmed the commitment of the stakeholders and proposed a set of recommendations.",
            Some((K::Offer, Some("The roadmap"), None)),
        );
        check(
            "The leaders also welcomed the signing of a Memorandum of Understanding.",
            Some((K::Support, Some("The leaders"), None)),
        );
        check("Both sides have also agreed to meet again.", Some((K::Pledge, Some("Both sides"), None)));
        check(
            "The members of the Security Council condemned the attack.",
            Some((K::Condemnation, Some("The members of the Security Council"), None)),
        );
        check("The armed forces will withdraw.", Some((K::Pledge, Some("The armed forces"), None)));
    }

    #[test]
    fn past_tense_committed_to_is_a_pledge() {
        check("They committed to working with each other.", Some((K::Pledge, Some("They"), None)));
        check(
            "The leaders committed to continue developing global cooperation in health security.",
            Some((K::Pledge, Some("The leaders"), None)),
        );
        // A second clause with its own subject is a second commitment.
        let text = "The leaders reaffirmed the deep partnership between the two countries, and they committed to working together to address climate change.";
        let found = extract_commitments(&[Paragraph::new("para_1", ParagraphKind::Body, text)], "en", &[]);
        let got: Vec<_> = found.iter().map(|c| (c.kind, c.actor.as_deref(), c.cue.as_deref())).collect();
        assert_eq!(
            got,
            [
                (K::Support, Some("The leaders"), Some("reaffirmed")),
                (K::Pledge, Some("they"), Some("committed to")),
            ]
        );
        assert!(found.iter().all(|c| c.quote == text && c.span.slice(text) == Some(text)));
    }

    #[test]
    fn list_items_take_the_lead_in() {
        let paragraphs = [
            Paragraph::new("para_1", ParagraphKind::LeadIn, "We are taking concrete steps to:"),
            Paragraph::new("para_2", ParagraphKind::ListItem, "support Ukraine for as long as it takes;"),
        ];
        let found = extract_commitments(&paragraphs, "en", &[Actor::organization("G7")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "para_2__cmt_1");
        assert_eq!(found[0].kind, K::Pledge);
        assert_eq!(found[0].actor.as_deref(), Some("We"));
        assert_eq!(found[0].actor_resolved.as_deref(), Some("G7"));
        assert_eq!(found[0].addressee.as_deref(), Some("Ukraine"));
        assert_eq!(found[0].method.rule.as_deref(), Some("en.pledge.taking_steps"));
    }
}
