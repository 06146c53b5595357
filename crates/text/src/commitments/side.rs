//! The issuer's side (manual 1.5): which parties a statement's commitments can belong to.
//!
//! The language file lists sides (`[[commitments.sides]]`): the issuers they belong to and
//! the names of the parties on them (the issuer, its principals, agencies and the bodies
//! it belongs to). A statement whose issuer matches a side is read *strictly*: a subject
//! that names a party (a proper name) off that side is a third party, whose positions
//! are not coded (manual 3.1). A statement whose issuer matches no side is read as far as
//! the text shows: pronouns, the issuer's own name and generic party nouns ("the
//! leaders", "the two sides") are its side, and other names are accepted too, since the
//! text gives no way to tell a signatory from a third party.
//!
//! A statement of a kind the `[commitments.joint]` table lists (a joint statement, a
//! declaration, a communiqué) has several signatories, all on the issuer's side (manual
//! 1.5, item 2): the names its title gives ("U.S.-India Joint Leaders' Statement",
//! "Joint Statement by President Biden and Prime Minister Kishida") are the side's, and
//! the titles a side lists as `foreign` ("Prime Minister", "Chancellor") name a
//! signatory, not a third party. Its opening names the others ("President Biden and
//! President Yoon Suk Yeol of the Republic of Korea (ROK) met …", "the alliance between
//! the United States and the Republic of Korea"): they are the side's too.

use super::lexicon::{Lexicon, NO_SYM, Side, Sym, class};
use super::tokens::Token;
use communique_model::Actor;
use std::ops::Range;

/// How a noun phrase stands to the issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Party {
    /// The issuer's side.
    Own,
    /// A party that is not on the issuer's side.
    Third,
    /// Not a party: a thing, event, measure, document or number.
    Thing,
}

/// The sides of one statement.
#[derive(Debug, Default)]
pub(crate) struct SideView<'a> {
    sides: Vec<&'a Side>,
    /// The issuers' names, as sequences of their words: the symbol of a word the lexicon
    /// knows, the lower-cased word of one it does not (`NO_SYM`, which every unknown word
    /// shares, would otherwise match any unknown name).
    issuers: Vec<Vec<(Sym, String)>>,
    /// A statement by several signatories: its title's names (lower-cased words).
    signatories: Option<Vec<String>>,
    /// Names of several words its opening gives the signatories ("Republic of Korea"),
    /// lower-cased words; a run that holds one in sequence names a signatory.
    parties: Vec<Vec<String>>,
    /// The statement's year of issue, when known: a later year in a clause places its
    /// past tense after the occasion, never before it (manual 3.4).
    pub(crate) year: Option<u32>,
}

impl<'a> SideView<'a> {
    /// The sides of a statement by `issuers`.
    pub(crate) fn new(lexicon: &'a Lexicon, issuers: &[Actor]) -> Self {
        let mut sides = Vec::new();
        for side in &lexicon.sides {
            let matches = issuers.iter().any(|issuer| {
                let name = issuer.name.to_lowercase();
                side.issuers.iter().any(|phrase| contains_words(&name, phrase))
            });
            if matches {
                sides.push(side);
            }
        }
        let issuers = issuers
            .iter()
            .map(|issuer| {
                // Words as the sentence tokens hold them: no punctuation around them
                // ("Foreign, Commonwealth & Development Office"), no possessive ending
                // ("Prime Minister's Office").
                issuer
                    .name
                    .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\'' || c == '’'))
                    .map(|w| {
                        let w = w.trim_end_matches(['\'', '’']);
                        w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
                    })
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        let lower = w.to_lowercase();
                        (lexicon.words.lookup(&lower).0, lower)
                    })
                    .filter(|(sym, _)| {
                        !lexicon.words.is(*sym, class::DETERMINER | class::PREPOSITION | class::ROLE)
                    })
                    .collect()
            })
            .collect();
        Self { sides, issuers, signatories: None, parties: Vec::new(), year: None }
    }

    /// The sides of a statement by `issuers`, of `kind` (snake_case), titled `title`: a
    /// kind the language file lists as joint makes the title's names the side's.
    pub(crate) fn with_occasion(
        lexicon: &'a Lexicon,
        issuers: &[Actor],
        kind: Option<&str>,
        title: Option<&str>,
    ) -> Self {
        let mut view = Self::new(lexicon, issuers);
        if kind.is_some_and(|kind| lexicon.joint.kinds.iter().any(|k| k == kind)) {
            let mut names = Vec::new();
            let signing = signing_part(lexicon, title.unwrap_or_default());
            for word in signing.split(|c: char| !(c.is_alphanumeric() || c == '.')) {
                let word = word.trim_matches('.');
                if !word.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                let lower = word.to_lowercase();
                let (sym, class) = lexicon.words.lookup(&lower);
                let generic =
                    class & (class::DETERMINER | class::PREPOSITION | class::ROLE | class::THING) != 0;
                if generic || lexicon.joint.title_words.contains(&lower) {
                    continue;
                }
                // "Iraqi Prime Minister Kadhimi": the country of a nationality too.
                if let Some(country) = lexicon.nationalities.get(&sym) {
                    names.push(country.to_lowercase());
                }
                names.push(lower);
            }
            view.signatories = Some(names);
            // A title that names a body ("Joint Leaders Statement on AUKUS", "Quad Joint
            // Statement") makes its members signatories: the side of that body, as an
            // issuer of that name would have it (manual 1.5, items 2 and 5).
            let title = signing.to_lowercase();
            for side in &lexicon.sides {
                if side.issuers.iter().any(|phrase| contains_words(&title, phrase))
                    && !view.sides.iter().any(|s| std::ptr::eq(*s, side))
                {
                    view.sides.push(side);
                }
            }
        }
        view
    }

    /// Reads the parties a joint statement's opening names (manual 1.5, item 2; 3.1,
    /// R2): the title gives some signatories, the first paragraphs the others, as a
    /// careful reader takes them before coding. Two ways of naming them are read:
    ///
    /// - a titled name, "President Yoon Suk Yeol of the Republic of Korea (ROK)",
    ///   "Prime Minister Oyun-Erdene Luvsannamsrai": each word of the name, and the
    ///   country after "of" (with its abbreviation in brackets);
    /// - a coordination or list that holds the issuer's side, "the alliance between the
    ///   United States and the Republic of Korea", "The United States and Mexico remain
    ///   …": the other names in it.
    ///
    /// Does nothing in a statement that is not joint. `paragraphs` are the statement's
    /// first body paragraphs, in order (two: a dateline may come first), each read up to
    /// its first 1,000 bytes; the work is linear in that length.
    pub(crate) fn read_opening<'p>(
        &mut self,
        lexicon: &'a Lexicon,
        paragraphs: impl IntoIterator<Item = &'p str>,
    ) {
        let Some(signatories) = self.signatories.as_mut() else { return };
        let sides = &self.sides;
        for paragraph in paragraphs {
            // The opening names the parties in its first sentences: at most its first
            // 1,000 bytes are read, whatever the length of the paragraph.
            let mut end = paragraph.len().min(1000);
            while !paragraph.is_char_boundary(end) {
                end -= 1;
            }
            let words = opening_words(&paragraph[..end]);
            // Each word a name can hold looked up once (symbol and word-list bits): the
            // capitalised ones and the short words inside names ("of", "the"); the rest
            // are never asked about.
            let looked: Vec<(Sym, u64)> = words
                .iter()
                .map(|w| {
                    if w.len() > 3 && !w.chars().next().is_some_and(char::is_uppercase) {
                        (NO_SYM, 0)
                    } else if w.is_ascii() {
                        lexicon.words.lookup_ascii(w)
                    } else {
                        lexicon.words.lookup(&w.to_lowercase())
                    }
                })
                .collect();
            let class_at = |i: usize| looked.get(i).map_or(0, |x| x.1);
            let is_own = |range: Range<usize>| {
                let syms = &looked[range];
                sides.iter().any(|side| {
                    side.names.iter().any(|name| {
                        !name.is_empty()
                            && syms.windows(name.len()).any(|w| w.iter().zip(name).all(|(x, s)| x.0 == *s))
                    })
                })
            };
            let capital =
                |i: usize| words.get(i).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            let role = |i: usize| capital(i) && class_at(i) & class::ROLE != 0;
            let generic =
                |i: usize| class_at(i) & (class::DETERMINER | class::PREPOSITION | class::ROLE) != 0;
            // Titled names, taken from a sentence that names the issuer's principal with
            // a title too ("President Biden and President Yoon Suk Yeol of the Republic
            // of Korea met …"): a sentence about someone else ("President Putin and his
            // regime chose to invade …") names no signatory.
            let mut titled: Vec<Titled> = Vec::new();
            let mut i = 0;
            let mut sentence = 0;
            while i < words.len() {
                if words[i] == "." {
                    sentence += 1;
                    i += 1;
                    continue;
                }
                if !role(i) {
                    i += 1;
                    continue;
                }
                while role(i) {
                    i += 1;
                }
                let start = i;
                while capital(i) && !generic(i) && words[i].chars().any(char::is_alphabetic) {
                    i += 1;
                }
                if i == start {
                    continue;
                }
                // ", Jr." and "of the Republic of Korea (ROK)".
                let mut k = i;
                if words.get(k) == Some(&",") && words.get(k + 1) == Some(&"Jr") {
                    k += 2;
                }
                let (mut country, mut short) = (None, None);
                if words.get(k) == Some(&"of") {
                    let from = if words.get(k + 1) == Some(&"the") { k + 2 } else { k + 1 };
                    let end = country_end(&words, from, &capital);
                    if end > from {
                        country = Some(from..end);
                        if words.get(end) == Some(&"(")
                            && capital(end + 1)
                            && words.get(end + 2) == Some(&")")
                        {
                            short = Some(end + 1);
                        }
                    }
                }
                titled.push((sentence, start..i, country, short));
                i = k.max(i);
            }
            // The sentences that name the issuer's principal, each name tested once.
            let principal: Vec<usize> =
                titled.iter().filter(|(_, name, ..)| is_own(name.clone())).map(|(s, ..)| *s).collect();
            for (sentence, name, country, short) in &titled {
                if !principal.contains(sentence) {
                    continue;
                }
                for word in &words[name.clone()] {
                    let lower = word.to_lowercase();
                    if lower.chars().filter(|c| c.is_alphabetic()).count() > 2 {
                        signatories.push(lower);
                    }
                }
                if let Some(country) = country {
                    self.parties.push(words[country.clone()].iter().map(|w| w.to_lowercase()).collect());
                }
                if let Some(short) = short {
                    signatories.push(words[*short].to_lowercase());
                }
            }
            // Coordinations and lists of names that hold the issuer's side.
            let mut runs: Vec<(usize, usize)> = Vec::new();
            let mut i = 0;
            while i < words.len() {
                if !capital(i) || generic(i) && !role(i) {
                    i += 1;
                    continue;
                }
                let end = country_end(&words, i, &capital);
                runs.push((i, end.max(i + 1)));
                i = end.max(i + 1);
            }
            let linked = |a: (usize, usize), b: (usize, usize)| {
                matches!(
                    &words[a.1..b.0],
                    ["and"] | ["and", "the"] | [","] | [",", "the"] | [",", "and"] | [",", "and", "the"]
                )
            };
            let mut chain_start = 0;
            for r in 0..=runs.len() {
                if r > chain_start && r < runs.len() && linked(runs[r - 1], runs[r]) {
                    continue;
                }
                let chain = &runs[chain_start..r];
                chain_start = r;
                if chain.len() < 2 {
                    continue;
                }
                if !chain.iter().any(|&(a, b)| is_own(a..b)) {
                    continue;
                }
                for &(a, b) in chain {
                    let from =
                        (a..b).find(|&k| class_at(k) & (class::ROLE | class::DETERMINER) == 0).unwrap_or(b);
                    let thing = (from..b)
                        .all(|k| class_at(k) & (class::THING | class::ROLE | class::PREPOSITION) != 0);
                    let name: Vec<String> = words[from..b].iter().map(|w| w.to_lowercase()).collect();
                    if !name.is_empty() && !thing && !self.parties.contains(&name) {
                        self.parties.push(name);
                    }
                }
            }
        }
    }

    /// Takes the issuer's side from the page's publisher (manual 1.5: the issuer is found
    /// in the title, byline or site): `url` is the statement's source address, and a side
    /// that lists its host (or a domain above it) among its `sites` is the publisher's.
    ///
    /// - A statement of one issuer, or of none the text names, is the publisher's alone:
    ///   its side replaces the sides the issuers' names matched (the "President" of a
    ///   Kremlin page is no U.S. issuer). A page by the publisher that reports a joint
    ///   act without naming its issuers ("The Presidents of Russia and Mongolia signed the
    ///   Ulan Bator Declaration") is the publisher's report of it, read as a readout
    ///   (3.1, R3): its title names no signatory.
    /// - A joint statement whose issuers the text names keeps its signatories; the
    ///   publisher's side is added to theirs.
    ///
    /// Does nothing when `url` is `None`, has no host, or no side lists its host. The
    /// work is linear in the number of sites listed.
    pub(crate) fn publisher(&mut self, lexicon: &'a Lexicon, url: Option<&str>, named_issuers: bool) {
        let Some(host) = url.and_then(crate::address::host) else { return };
        let Some(side) =
            lexicon.sides.iter().find(|side| side.sites.iter().any(|s| crate::address::is_on(host, s)))
        else {
            return;
        };
        if self.signatories.is_some() && named_issuers {
            if !self.sides.iter().any(|s| std::ptr::eq(*s, side)) {
                self.sides.push(side);
            }
            return;
        }
        self.sides = vec![side];
        self.signatories = None;
        self.parties.clear();
    }

    /// Whether a side is known, so that other names are third parties.
    pub(crate) fn strict(&self) -> bool {
        !self.sides.is_empty()
    }

    /// How the run of capitalised words `run` (one name, possibly with titles) stands.
    /// `None`: a generic title or party noun that names no one in particular.
    fn run_party(&self, run: &[Token], text: &str) -> Option<Party> {
        // A side's foreign titles ("Prime Minister") name a third party, except in a
        // joint statement, where they name a signatory; so do the title's names there.
        let foreign = self.foreign_title(run);
        if self.signatories.is_some() {
            // "The Joint Taskforce intends to …": a body the signatories named joint is
            // theirs together (manual 1.5, item 5).
            let joint = run.first().is_some_and(|t| t.class & class::DETERMINER != 0)
                && run.iter().any(|t| t.is_capital() && text.get(t.range()) == Some("Joint"));
            if foreign || joint || self.signatory_run(run, text) {
                return Some(Party::Own);
            }
        } else if foreign {
            return Some(Party::Third);
        }
        for side in &self.sides {
            if side.names.iter().any(|name| contains_seq(run, name)) {
                return Some(Party::Own);
            }
        }
        if self.issuers.iter().any(|issuer| {
            !issuer.is_empty() && issuer.iter().all(|word| run.iter().any(|t| same_word(t, text, word)))
        }) {
            return Some(Party::Own);
        }
        let generic = run
            .iter()
            .all(|t| t.class & (class::ROLE | class::AGENT | class::DETERMINER | class::PREPOSITION) != 0);
        if generic {
            return None;
        }
        if run.iter().all(|t| {
            t.class & (class::THING | class::DETERMINER | class::PREPOSITION) != 0 || !t.is_capital()
        }) {
            return Some(Party::Thing);
        }
        Some(if self.strict() { Party::Third } else { Party::Own })
    }

    /// Whether `tokens` hold a title a side lists as `foreign` ("Prime Minister" in a
    /// White House statement): a third party's, except in a joint statement. With several
    /// sides (remarks by the President and the Prime Minister of Japan), a title is foreign
    /// only when every side lists it: one side's principal is no other side's stranger.
    fn foreign_title(&self, tokens: &[Token]) -> bool {
        !self.sides.is_empty()
            && self.sides.iter().all(|side| side.foreign.iter().any(|name| contains_seq(tokens, name)))
    }

    /// Whether a transcript's speaker label (`tokens` of `text`) names a party off the
    /// issuer's side, whose turn is its own position and not the issuer's (manual 3.1 R1,
    /// 3.6): a side's foreign title ("PRIME MINISTER KISHIDA" in a White House
    /// transcript), or a title "of" a country that is not the side's ("President of
    /// Belarus Alexander Lukashenko" on a Kremlin page, where "President of Russia
    /// Vladimir Putin" is the side's). Any other label (an official, "THE PRESIDENT",
    /// "MODERATOR") speaks for the issuer, and in a joint statement every speaker is a
    /// signatory.
    pub(crate) fn speaker_is_third(&self, tokens: &[Token], text: &str) -> bool {
        if self.joint() {
            return false;
        }
        if self.foreign_title(tokens) {
            return true;
        }
        let Some(of) =
            tokens.iter().position(|t| text.get(t.range()).is_some_and(|w| w.eq_ignore_ascii_case("of")))
        else {
            return false;
        };
        // The words after "of", names joined by "of" or "the" included ("the Republic of
        // Kazakhstan Kassym-Jomart Tokayev"): one run, as `names` reads it.
        self.names(&tokens[of + 1..], text) == Some(Party::Third)
    }

    /// Whether the statement has several signatories (a joint statement, manual 1.5,
    /// item 2).
    pub(crate) fn joint(&self) -> bool {
        self.signatories.is_some()
    }

    /// Which kinds of party the names in `tokens` include, each run of capitalised words
    /// judged on its own: `(signatory, third, instrument)`, whether one names a signatory
    /// of a joint statement (its title's names and the parties its opening names, not a
    /// body of the side such as "G7"), whether one names another party (unlike
    /// [`SideView::names`], an own name does not hide a third party beside it) and whether
    /// one names an instrument ("the … Framework", "the … Agreement"), which is no party.
    /// `text` is the sentence the tokens' offsets point into.
    pub(crate) fn parties_each(&self, tokens: &[Token], text: &str) -> (bool, bool, bool) {
        let (mut own, mut third, mut instrument) = (false, false, false);
        let mut start = None;
        for i in 0..=tokens.len() {
            let in_name = tokens.get(i).is_some_and(|t| {
                t.is_word()
                    && (t.is_capital()
                        || (start.is_some()
                            && t.class & (class::PREPOSITION | class::DETERMINER) != 0
                            && tokens.get(i + 1).is_some_and(Token::is_capital)))
            });
            if in_name {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                let run = &tokens[s..i];
                match self.run_party(run, text) {
                    Some(Party::Own) => own |= self.signatory_run(run, text),
                    Some(Party::Third) if instrument_name(run, tokens.get(i)) => instrument = true,
                    Some(Party::Third) => third = true,
                    _ => {}
                }
            }
        }
        (own, third, instrument)
    }

    /// Whether a run of capitalised words names a signatory of a joint statement.
    fn signatory_run(&self, run: &[Token], text: &str) -> bool {
        self.signatories.as_ref().is_some_and(|signatories| {
            run.iter()
                .any(|t| t.is_capital() && text.get(t.range()).is_some_and(|w| names_one_of(w, signatories)))
        }) || self.parties.iter().any(|p| run_holds(run, text, p))
    }

    /// How the names in `tokens` (a noun phrase, or one conjunct of it) stand: `Own` if
    /// one names the issuer's side, else `Third` if one names another party, else `None`.
    ///
    /// `text` is the sentence the tokens' offsets point into.
    pub(crate) fn names(&self, tokens: &[Token], text: &str) -> Option<Party> {
        let mut found: Option<Party> = None;
        let mut start = None;
        let flush = |start: &mut Option<usize>, end: usize, found: &mut Option<Party>| {
            if let Some(s) = start.take() {
                match self.run_party(&tokens[s..end], text) {
                    Some(Party::Own) => *found = Some(Party::Own),
                    Some(Party::Third) if *found != Some(Party::Own) => *found = Some(Party::Third),
                    _ => {}
                }
            }
        };
        for (i, t) in tokens.iter().enumerate() {
            let in_name = t.is_word()
                && (t.is_capital()
                    || (start.is_some()
                        && t.class & class::PREPOSITION != 0
                        && tokens
                            .get(i + 1)
                            .is_some_and(|n| n.is_capital() || n.class & class::DETERMINER != 0))
                    || (start.is_some()
                        && t.class & class::DETERMINER != 0
                        && tokens.get(i + 1).is_some_and(Token::is_capital)));
            if in_name {
                start.get_or_insert(i);
            } else {
                flush(&mut start, i, &mut found);
            }
        }
        flush(&mut start, tokens.len(), &mut found);
        found
    }
}

/// A titled name of a statement's opening: the sentence it is in (counted from 0), the
/// words of the name, of the country after "of" and of its abbreviation in brackets
/// (word offsets).
type Titled = (usize, Range<usize>, Option<Range<usize>>, Option<usize>);

/// The part of a joint statement's title that can name its signatories: the words
/// before the first topic word of the language file (`topic_words`) that has a body whose
/// members sign before it ("G7 Leaders' Statement on Arvelia's seizure of Velport"; "Joint
/// Statement on behalf of the G7 on …", the second "on"), since the topic names what the
/// signatories speak of (manual 1.5, items 2 and 5; 3.1); the whole title when no topic
/// word has one before it ("Joint Statement on the Visit to the United Kingdom of
/// President Biden …"). Offsets are of characters' first bytes; the work is the title's
/// length times its topic words and the sides' issuer phrases (a title is short).
fn signing_part<'t>(lexicon: &Lexicon, title: &'t str) -> &'t str {
    title
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .find_map(|word| {
            if !lexicon.joint.topic_words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                return None;
            }
            // The word's byte offset in `title`, a char boundary: `split` yields subslices.
            let start = word.as_ptr() as usize - title.as_ptr() as usize;
            let before = title[..start].to_lowercase();
            let body = lexicon
                .sides
                .iter()
                .any(|side| side.issuers.iter().any(|phrase| contains_words(&before, phrase)));
            body.then(|| &title[..start])
        })
        .unwrap_or(title)
}

/// Whether the token `t` of `text` is the issuer's word `(sym, lower)`: the same symbol,
/// or, for a word the lexicon does not know, the same word in any letter case.
fn same_word(t: &Token, text: &str, (sym, lower): &(Sym, String)) -> bool {
    if *sym == NO_SYM {
        t.sym == NO_SYM
            && text.get(t.range()).is_some_and(|w| w.chars().flat_map(char::to_lowercase).eq(lower.chars()))
    } else {
        t.sym == *sym
    }
}

/// Whether `hay` holds the word sequence `needle` (both lower case), at word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = start + needle.len().max(1);
        if from >= hay.len() {
            break;
        }
    }
    false
}

/// Whether `word` is one of `lower` (lower-cased words), whatever its case.
fn names_one_of(word: &str, lower: &[String]) -> bool {
    if word.is_ascii() {
        lower.iter().any(|s| word.eq_ignore_ascii_case(s))
    } else {
        let word = word.to_lowercase();
        lower.contains(&word)
    }
}

fn contains_seq(hay: &[Token], needle: &[Sym]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w.iter().zip(needle).all(|(t, s)| t.sym == *s))
}

/// The words and the punctuation that separates names (",", "(", ")", ";", ":") of a
/// paragraph, in order, with "." where a sentence ends (a full stop after a word that is
/// no initial or abbreviation); the full stop itself is dropped from the word.
fn opening_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || matches!(c, '.' | '-' | '’' | '\'');
        if in_word {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            let word = &text[s..at];
            out.push(word.trim_end_matches(['.', '’', '\'']));
            // A full stop after a word of more than two letters that is no initial ends
            // a sentence ("… met today. President …"; not "R." or "Jr.").
            if word.ends_with('.')
                && word.chars().filter(|c| c.is_alphabetic()).count() > 2
                && !word.starts_with("Jr")
            {
                out.push(".");
            }
        }
        if matches!(c, ',' | '(' | ')' | ';' | ':') {
            out.push(&text[at..at + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(text[s..].trim_end_matches(['.', '’', '\'']));
    }
    out.retain(|w| !w.is_empty());
    out
}

/// Where a name that starts at `from` ends: capitalised words, with "of" or "of the"
/// between them ("Republic of Korea", "United States of America").
fn country_end(words: &[&str], from: usize, capital: &impl Fn(usize) -> bool) -> usize {
    let mut i = from;
    while capital(i) {
        i += 1;
        if words.get(i) == Some(&"of") {
            let next = if words.get(i + 1) == Some(&"the") { i + 2 } else { i + 1 };
            if capital(next) {
                i = next;
            }
        }
    }
    i
}

/// Whether the run holds the lower-cased words `name` in sequence.
fn run_holds(run: &[Token], text: &str, name: &[String]) -> bool {
    !name.is_empty()
        && run.windows(name.len()).any(|w| {
            w.iter().zip(name).all(|(t, n)| {
                text.get(t.range()).is_some_and(|word| names_one_of(word, std::slice::from_ref(n)))
            })
        })
}

/// Whether a run of capitalised words names an instrument, not a party (manual 1.7: the
/// addressee is a party, never a thing): its head, the last word before its first
/// preposition, is a noun of the `instrument` list ("an updated Economic Cooperation
/// Roadmap", "a Partnership Framework for Advancing Clean Energy"), or the run premodifies
/// a lower-case noun of the `thing` list that follows it ("the Civil Society Strengthening
/// program"), unless a word of the run names a body (an `agent` or `counterpart` noun: "the
/// UN Security Council resolution" names the Council). A body with members ("Task Force",
/// "Forum") is no instrument.
fn instrument_name(run: &[Token], next: Option<&Token>) -> bool {
    if next.is_some_and(|n| n.is_word() && !n.is_capital() && n.class & class::THING != 0)
        && !run.iter().any(|t| t.class & (class::AGENT | class::COUNTERPART) != 0)
    {
        return true;
    }
    let head = run.iter().take_while(|t| t.class & class::PREPOSITION == 0).last();
    head.is_some_and(|t| t.is_word() && t.class & class::INSTRUMENT != 0)
}
