//! The addressee of a commitment (manual 1.7): a party, never a thing, place or topic,
//! found by a policy that depends on the kind.
//!
//! - demand, offer, support, solidarity: the party the position is directed at: the object
//!   of the cue, or the first party named in it as owner or beneficiary ("our support for
//!   the territorial integrity … of Ukraine" → Ukraine);
//! - condemnation, concern (and a warning's trigger): the party responsible for the
//!   conduct: the object when it is a party, its possessor ("Iran’s attack"), a
//!   nationality adjective ("Russian military build-up" → Russia, D2), an agent ("by the
//!   DPRK"), or the subject of a relative clause on it; never the victim or the place;
//! - pledge, action, readiness: the party that receives or undergoes the conduct: the
//!   object or its owner, a recipient after "to" / "for", a target after "on" /
//!   "against", in purpose clauses too; after "in" only a State, Tribal Nation or
//!   territory (a disaster declaration).
//!
//! Partners named with "with" are never addressees, and neither is the actor's own side
//! as the attribute of a noun ("continued U.S. support for Indonesia" → Indonesia).

use super::grammar::{Analyzer, Np, Subject, Who};
use super::lexicon::class;
use super::tokens::Token;
use communique_model::CommitmentKind as K;
use std::ops::Range;

/// How far after its cue an addressee is looked for (tokens).
const REACH: usize = 48;

/// Which parties a kind takes as addressee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// The party the position is directed at (demand, offer, support, solidarity).
    Recipient,
    /// The party responsible (condemnation, concern, a warning's trigger).
    Responsible,
    /// The party that receives or undergoes the conduct (pledge, action, readiness).
    Undergoer,
}

fn policy(kind: K) -> Policy {
    match kind {
        K::Demand | K::Offer | K::Support | K::Solidarity => Policy::Recipient,
        K::Condemnation | K::Concern | K::Warning => Policy::Responsible,
        K::Pledge | K::Action | K::Readiness => Policy::Undergoer,
    }
}

fn is(t: &Token, bits: u64) -> bool {
    t.is_word() && t.class & bits != 0
}

impl Analyzer<'_> {
    fn name(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| self.lex.words.name(t.sym))
    }

    /// The addressee of a commitment of `kind` whose cue starts at `cue_start`: looked for
    /// from the word after the cue's first word ("encourage Russia to …", "call on all
    /// sides …") to the end of the clause.
    pub(crate) fn party_after(&self, cue_start: usize, kind: K) -> Option<String> {
        self.party_from(cue_start + 1, kind)
    }

    /// The addressee of a commitment of `kind`, looked for from token `from`.
    pub(crate) fn party_from(&self, from: usize, kind: K) -> Option<String> {
        let to = self.clause_end_at(from).min(from + REACH);
        self.scan_parties(from, to, policy(kind), matches!(kind, K::Solidarity | K::Offer))
    }

    /// The subject, when it names a party ("Belgrade and Pristina should …"), or the
    /// responsible party in a thing as subject ("Russia’s war must end" → Russia).
    pub(crate) fn subject_party(&self, subject: &Subject) -> Option<String> {
        match subject.who {
            Who::Third | Who::Own => subject.actor.clone(),
            Who::Thing if !subject.np.is_empty() => {
                self.parties_in_np(subject.np.clone(), Policy::Responsible)
            }
            _ => None,
        }
    }

    /// The party responsible for a thing as subject ("Russia’s irresponsible nuclear
    /// rhetoric is unacceptable" → Russia), for censure predicates.
    pub(crate) fn responsible_in_subject(&self, subject: &Subject) -> Option<String> {
        match subject.who {
            Who::Third => subject.actor.clone(),
            Who::Thing if !subject.np.is_empty() => {
                self.parties_in_np(subject.np.clone(), Policy::Responsible)
            }
            _ => None,
        }
    }

    /// The agent of a passive ("by the President"), when it is the issuer's side; without
    /// one after the verb, the possessor of an opening "Under …'s order" (manual A7:
    /// "Under the President’s order today, the federal share … has been increased" → the
    /// President).
    pub(crate) fn agent(&self, from: usize, to: usize) -> Option<String> {
        match (from..to.min(from + 12)).find(|&i| self.name(i) == "by") {
            Some(by) => {
                let (s, _) = self.np_only(by + 1)?;
                (s.who == Who::Own).then_some(s.actor).flatten()
            }
            None => self.order_agent(from),
        }
    }

    /// The issuer's side as possessor of an authority noun in a phrase that opens the
    /// sentence before `before`: "Under the President’s order today, …".
    fn order_agent(&self, before: usize) -> Option<String> {
        let start = self.body_start();
        if self.name(start) != "under" {
            return None;
        }
        let mark = (start + 2..before.min(start + 8)).find(|&i| self.t[i].is_possessive())?;
        if !self.word_at(mark + 1, class::AUTHORITY) {
            return None;
        }
        let owner = Np { range: start + 1..mark, head: mark - 1, pronoun: false, it: false, possessor: None };
        (self.who(std::slice::from_ref(&owner)) == Who::Own).then(|| self.slice(start + 1..mark).to_owned())
    }

    /// A noun phrase with its coordination, as a subject-like value, without requiring a
    /// verb after it.
    pub(crate) fn np_only(&self, p: usize) -> Option<(Subject, usize)> {
        let first = self.conjunct(p, false)?;
        let mut conjuncts = vec![first];
        let mut j = self.after_np(conjuncts[0].range.end);
        while self.word_at(j, class::COORDINATOR) && conjuncts.len() < 8 {
            match self.conjunct(j + 1, false) {
                Some(n) => {
                    j = self.after_np(n.range.end);
                    conjuncts.push(n);
                }
                None => break,
            }
        }
        let np = conjuncts[0].range.start..j;
        let who = self.who(&conjuncts);
        let actor = Some(self.slice(np.clone()).to_owned());
        Some((Subject { who, actor, np, head: Some(conjuncts[0].head), possessor: None }, j))
    }

    /// The party of a warning's trigger (manual 2.5): a third party as subject ("Russia
    /// will pay a high price"), the party in a thing as subject ("any further Russian
    /// aggression" → Russia, "any nuclear attack by the DPRK" → the DPRK), the subject
    /// of a condition ("should an adversary choose …"), or one after the cue.
    pub(crate) fn trigger_party(&self, subject: &Subject, cue_end: usize, to: usize) -> Option<String> {
        if subject.who == Who::Third {
            return subject.actor.clone();
        }
        if subject.who == Who::Thing && !subject.np.is_empty() {
            return self
                .parties_in_np(subject.np.start..self.np_extent(subject.np.clone()), Policy::Responsible);
        }
        let condition = (0..cue_end)
            .rev()
            .take(40)
            .find(|&i| matches!(self.name(i), "should" | "if" | "unless"))
            .map(|i| i + 1);
        if let Some(s) = condition
            && let Some((np, _)) = self.np_only(s)
            && np.who != Who::Own
        {
            return np.actor;
        }
        self.scan_parties(cue_end, to, Policy::Responsible, false)
    }

    /// The party named with "by" or in "for X to" ("call for", "the need for all States
    /// to …").
    pub(crate) fn by_party(&self, cue_start: usize, to: usize) -> Option<String> {
        let to = to.min(cue_start + REACH).min(self.t.len());
        for i in cue_start..to {
            if self.t[i].is_punct(';') {
                break;
            }
            let by = self.name(i) == "by";
            if (by || self.name(i) == "for")
                && let Some((np, end)) = self.np_only(i + 1)
                && matches!(np.who, Who::Third | Who::Own)
                && (by || self.name(end) == "to")
            {
                return np.actor;
            }
        }
        None
    }

    /// Where the clause of token `i` ends (a semicolon or the sentence's end).
    fn clause_end_at(&self, i: usize) -> usize {
        self.clause_end(i)
    }

    /// A subject noun phrase may run on with prepositional phrases ("any nuclear attack by
    /// the DPRK against the ROK"): its extent up to the verb.
    fn np_extent(&self, np: Range<usize>) -> usize {
        let mut end = np.end;
        while end < self.t.len() && !self.starts_verb(end) && !self.t[end].is_punct(';') && end < np.end + 20
        {
            end += 1;
        }
        end
    }

    /// The party a noun phrase names for `policy`: the phrase itself when it is a party,
    /// else its possessor, a nationality adjective in it, or the party of an of-phrase or
    /// "by" phrase in it.
    fn parties_in_np(&self, range: Range<usize>, policy: Policy) -> Option<String> {
        let mut i = range.start;
        let mut prep: Option<&str> = None;
        while i < range.end {
            if let Some(np) = self.conjunct(i, false) {
                if let Some(found) = self.party_of(&np, policy, prep.is_none() || prep == Some("of"), prep) {
                    return Some(found);
                }
                i = np.range.end.max(i + 1);
                // Into an of-phrase or by-phrase; other phrases name victims and places.
                match self.name(i) {
                    "of" | "by" => {
                        prep = Some(if self.name(i) == "of" { "of" } else { "by" });
                        i += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            i += 1;
        }
        None
    }

    /// What `np` names for `policy`, if anything; `direct` is whether it is the cue's
    /// direct object (or stands where one does); `prep` the preposition before it.
    fn party_of(&self, np: &Np, policy: Policy, direct: bool, prep: Option<&str>) -> Option<String> {
        let t = self.t;
        if policy == Policy::Responsible && !direct && !matches!(prep, Some("by")) {
            return None;
        }
        // A nationality adjective on a conduct noun names the country (D2).
        for k in np.range.clone() {
            if t[k].is_capital()
                && let Some(country) = self.lex.nationalities.get(&t[k].sym)
                && t.get(k + 1).is_some_and(|n| {
                    n.is_word() && !n.is_capital() && !is(n, class::AGENT | class::COUNTERPART)
                })
            {
                return Some(country.clone());
            }
        }
        if self.is_party_np(np) {
            let accept = match policy {
                Policy::Recipient => {
                    direct
                        || matches!(
                            prep,
                            Some("to" | "for" | "of" | "with" | "toward" | "towards" | "upon" | "on")
                        )
                }
                Policy::Responsible => direct || matches!(prep, Some("by" | "of")),
                Policy::Undergoer => {
                    direct
                        || matches!(
                            prep,
                            Some("to" | "for" | "on" | "against" | "toward" | "towards" | "of" | "upon")
                        )
                        || (matches!(prep, Some("in")) && is(&t[np.head], class::JURISDICTION))
                }
            };
            if !accept {
                return None;
            }
            // An attribute of the actor's own side ("U.S. support") is not an addressee.
            if t.get(np.range.end).is_some_and(|n| {
                n.is_word() && !n.is_capital() && !is(n, class::COORDINATOR | class::PREPOSITION)
            }) && matches!(self.side_of(np.range.clone()), Some(Who::Own))
            {
                return None;
            }
            let mut end = np.range.end;
            // Coordinations whole ("Iran and its proxies", "the ROK and the Korean people").
            while self.word_at(end, class::COORDINATOR) {
                match self.conjunct(end + 1, false) {
                    Some(n) if self.is_party_np(&n) => end = n.range.end,
                    _ => break,
                }
            }
            return Some(self.slice(np.range.start..end).to_owned());
        }
        // Else a possessor names the party ("Iran’s attack", "Poland’s ongoing investigation"),
        // unless it is the actor's own side.
        if let Some(poss) = &np.possessor
            && !is(&t[poss.start], class::POSSESSIVE)
        {
            let owner = self.name_before(poss.end);
            if let Some(owner) = owner
                && !matches!(self.side_of(owner.clone()), Some(Who::Own))
            {
                return Some(self.slice(owner).to_owned());
            }
        }
        // A name before a word in lower case that is no noun we know ("hold Russia
        // accountable"): the name.
        let run_end = (np.range.start..np.range.end).find(|&k| !t[k].is_capital()).unwrap_or(np.range.end);
        if run_end > np.range.start
            && run_end < np.range.end
            && t[run_end].is_word()
            && !is(
                &t[run_end],
                class::AGENT | class::COUNTERPART | class::MEASURE | class::THING | class::PREPOSITION,
            )
            && (direct || matches!(policy, Policy::Undergoer | Policy::Recipient))
        {
            let run = Np {
                range: np.range.start..run_end,
                head: run_end - 1,
                pronoun: false,
                it: false,
                possessor: None,
            };
            if self.is_party_np(&run) && !matches!(self.side_of(run.range.clone()), Some(Who::Own)) {
                return Some(self.slice(run.range).to_owned());
            }
        }
        // A party in the phrase's of-chain ("the territorial integrity … of Ukraine").
        let mut k = np.range.start + 1;
        while k < np.range.end {
            if self.name(k) == "of"
                && let Some(inner) = self.conjunct(k + 1, false)
                && inner.range.start > np.range.start
            {
                // "the unwavering support of the United States for Brazil’s democracy":
                // the actor's own side is not its addressee.
                if let Some(found) = self.party_of(&inner, policy, direct, prep)
                    && !(self.side.strict() && matches!(self.side_of(inner.range.clone()), Some(Who::Own)))
                {
                    return Some(found);
                }
                k = inner.range.end.max(k + 1);
                continue;
            }
            k += 1;
        }
        None
    }

    /// The capitalised name that ends right before `end` (a possessive's owner).
    fn name_before(&self, end: usize) -> Option<Range<usize>> {
        let t = self.t;
        let mut start = end;
        while start > 0 {
            let x = &t[start - 1];
            let joins = x.is_word()
                && (x.is_capital() || (matches!(self.lex.words.name(x.sym), "of" | "the") && start < end));
            if !joins {
                break;
            }
            start -= 1;
        }
        while start < end && !t[start].is_capital() {
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    fn side_of(&self, range: Range<usize>) -> Option<Who> {
        match self.side.names(&self.t[range], self.text) {
            Some(super::side::Party::Own) => Some(Who::Own),
            Some(super::side::Party::Third) => Some(Who::Third),
            _ => None,
        }
    }

    /// The first party from `from` to `to` that `policy` takes.
    /// `with_party`: a party after "with" is the addressee ("stand with", "mourns with"),
    /// not a partner.
    fn scan_parties(&self, from: usize, to: usize, policy: Policy, with_party: bool) -> Option<String> {
        self.scan(from, to, policy, with_party, false)
    }

    /// The party that is the object itself (the first noun phrase after the cue), for a
    /// stance ("our commitment to the people of Syria" → the people of Syria; "committed
    /// to our dual-track approach to Russia" → none).
    pub(crate) fn object_party(&self, cue_start: usize, kind: K) -> Option<String> {
        let from = cue_start + 1;
        let to = self.clause_end_at(from).min(from + REACH);
        self.scan(from, to, policy(kind), matches!(kind, K::Solidarity | K::Offer), true)
    }

    fn scan(
        &self,
        from: usize,
        to: usize,
        policy: Policy,
        with_party: bool,
        first_only: bool,
    ) -> Option<String> {
        let t = self.t;
        let mut i = from;
        let mut prep: Option<&str> = None;
        // Whether the next noun phrase is the cue's object (or stands where one does).
        let mut direct = true;
        let mut seen_np = false;
        while i < to.min(t.len()) {
            let x = &t[i];
            if x.is_punct(';') {
                break;
            }
            // Intensifiers are not objects ("in the strongest terms Iran’s attack").
            if let Some(end) = self.intensifier_at(i) {
                i = end;
                continue;
            }
            if !x.is_word() {
                i += 1;
                continue;
            }
            let word = self.lex.words.name(x.sym);
            let partner =
                matches!(word, "with" | "alongside") || (word == "together" && self.name(i + 1) == "with");
            if partner && !with_party {
                // Partners: skip the phrase and its coordination ("work with President
                // Erdoğan and Türkiye"); a thing after "with" may still have an owner.
                let start = i + if word == "together" { 2 } else { 1 };
                if self.conjunct(start, false).is_some_and(|np| self.is_party_np(&np)) {
                    let mut k = start;
                    while let Some(np) = self.conjunct(k, false) {
                        k = np.range.end;
                        if self.word_at(k, class::COORDINATOR) {
                            k += 1;
                        } else {
                            break;
                        }
                    }
                    i = k.max(i + 1);
                    continue;
                }
            }
            if is(x, class::RELATIVE) {
                // "declared that a major disaster exists in …": a that-clause right after
                // the cue is its object.
                if i == from && word == "that" {
                    i += 1;
                    continue;
                }
                if policy != Policy::Responsible || first_only {
                    break;
                }
                // Only the relative clause's subject ("… that Russia’s actions have
                // inflicted") names the responsible party.
                return self.conjunct(i + 1, false).and_then(|np| self.party_of(&np, policy, true, None));
            }
            if is(x, class::PREPOSITION) && !x.is_capital() {
                prep = Some(word);
                if word != "of" && seen_np {
                    direct = false;
                }
                i += 1;
                continue;
            }
            // A verb (of a purpose clause, "to support our NATO Allies") takes a direct
            // object again.
            if (is(x, class::VERB) || x.class & class::GERUND != 0)
                && !x.is_capital()
                && x.class & (class::AGENT | class::COUNTERPART | class::MEASURE) == 0
            {
                if first_only && seen_np {
                    break;
                }
                prep = None;
                direct = policy != Policy::Responsible || !seen_np;
                i += 1;
                continue;
            }
            // A first word whose capital is only the sentence's names no one ("Full
            // blocking sanctions on …").
            if i == self.body_start() && x.is_capital() && self.decapitalised(i) {
                i += 1;
                continue;
            }
            match self.conjunct(i, false) {
                Some(np) => {
                    if let Some(found) = self.party_of(&np, policy, direct, prep) {
                        return Some(found);
                    }
                    if first_only {
                        return None;
                    }
                    seen_np = true;
                    i = np.range.end.max(i + 1);
                    prep = None;
                }
                None => i += 1,
            }
        }
        None
    }

    fn intensifier_at(&self, i: usize) -> Option<usize> {
        self.lex.intensifier_index.get(self.t[i].sym).iter().find_map(|&n| {
            let end = self.lex.intensifiers[n as usize].match_at(self.t, i)?;
            (end > i + 1).then_some(end)
        })
    }

    /// Whether a noun phrase names a party: a party noun ("all parties", "the families of
    /// the victims") or a name that is not a thing ("Russia", "the Government of Nigeria").
    pub(crate) fn is_party_np(&self, np: &Np) -> bool {
        if np.pronoun || np.it {
            return false;
        }
        let t = self.t;
        let head = &t[np.head];
        if is(head, class::DETERMINER | class::PRONOUN | class::IT | class::POSSESSIVE) {
            return false;
        }
        // "additional land forces": a measure, unless a name makes it a party ("the armed
        // forces of the United States").
        if is(head, class::MEASURE) && !head.is_capital() {
            return false;
        }
        if is(head, class::AGENT | class::COUNTERPART) {
            return true;
        }
        if head.is_capital() {
            return !is(head, class::THING | class::MONTH)
                && !head.is_punct('$')
                && head.shape & super::tokens::DIGIT == 0
                || is(head, class::ROLE);
        }
        false
    }
}
