//! Invariants of a record, checked all at once.

use crate::{CodePointIndex, Span, Statement, span::code_point_len};
use std::collections::HashMap;
use std::fmt;

/// One broken invariant, with the JSON path of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSONPath of the offending value, from the statement root: `$.commitments[2].span`.
    pub path: String,
    /// Which rule is broken.
    pub kind: ViolationKind,
    /// What is wrong, for a person.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The invariants [`Statement::validate`] checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ViolationKind {
    /// A required text is empty or only white space.
    EmptyText,
    /// An eId is used twice in the statement.
    DuplicateId,
    /// An eId holds characters other than letters, digits, `_`, `-`, `.`; or an id,
    /// rule or code holds a control character.
    MalformedId,
    /// A commitment names a paragraph the statement does not have.
    DanglingReference,
    /// A span does not lie on its text (past the end, or start after end).
    SpanOutOfRange,
    /// A span's slice differs from the quote it should select.
    SpanQuoteMismatch,
    /// Dates out of order (`last_updated` before `issued`, a period ending before it starts).
    DateOrder,
    /// A language tag that is not well-formed BCP 47.
    MalformedLanguageTag,
    /// A fixity digest that is not lowercase hexadecimal of the algorithm's length.
    MalformedDigest,
    /// A compliance score outside −1, 0, +1.
    ScoreOutOfRange,
    /// A method without its rule id (rule) or annotator (manual).
    IncompleteMethod,
    /// A calendar date that does not exist (2022-02-30).
    NoSuchDate,
    /// A date or timestamp whose year is outside 0001–9999: the years that ISO 8601
    /// `YYYY-MM-DD` (every format's date form) and `xs:date` (which has no year 0) share.
    DateOutOfRange,
    /// A fixity size above 2^63 − 1 bytes, which a signed 64-bit integer (Parquet
    /// `INT64`, SQL `BIGINT`) cannot hold and no file reaches.
    SizeOutOfRange,
}

/// Every invariant a statement breaks; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors {
    /// Id of the statement checked.
    pub statement: String,
    /// What is broken, in document order.
    pub violations: Vec<Violation>,
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "statement {:?} breaks {} invariant(s):", self.statement, self.violations.len())?;
        for violation in &self.violations {
            write!(f, "\n  {violation}")?;
        }
        Ok(())
    }
}

/// True when `text` is usable as an identifier or code in every format: no control
/// characters (U+0000–U+001F, U+007F–U+009F) and no noncharacters U+FFFE, U+FFFF, which
/// XML 1.0 attribute values and file names cannot carry faithfully.
#[must_use]
pub fn is_clean_identifier(text: &str) -> bool {
    !text.chars().any(|c| c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// True when `id` is a well-formed eId: non-empty, ASCII letters, digits, `_`, `-`, `.`.
#[must_use]
pub fn is_valid_eid(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// True when `tag` is a well-formed BCP 47 language tag (RFC 5646), as
/// [`Statement::validate`] requires of a statement's `language`: `en`, `fr-CA`,
/// `zh-Hant-TW`, but not `en_GB`.
#[must_use]
pub fn is_well_formed_language_tag(tag: &str) -> bool {
    oxilangtag::LanguageTag::parse(tag).is_ok()
}

/// Collects violations. Paths are passed as closures and built only for a violation:
/// a valid record (the common case) allocates no path strings.
struct Checker {
    violations: Vec<Violation>,
}

impl Checker {
    /// A date (or a timestamp's date) whose year is outside 0001–9999.
    fn year(&mut self, path: impl FnOnce() -> String, date: Option<chrono::NaiveDate>) {
        use chrono::Datelike as _;
        if let Some(date) = date
            && !(1..=9999).contains(&date.year())
        {
            self.push(
                path(),
                ViolationKind::DateOutOfRange,
                format!(
                    "year {} of {date} is outside 0001-9999, the years ISO 8601 YYYY-MM-DD and xs:date share",
                    date.year()
                ),
            );
        }
    }

    fn push(&mut self, path: impl Into<String>, kind: ViolationKind, message: impl Into<String>) {
        self.violations.push(Violation { path: path.into(), kind, message: message.into() });
    }

    fn identifier(&mut self, path: impl FnOnce() -> String, text: &str) {
        if !is_clean_identifier(text) {
            self.push(
                path(),
                ViolationKind::MalformedId,
                format!("{text:?} holds a control character or noncharacter, which no identifier may"),
            );
        }
    }

    fn non_empty(&mut self, path: impl FnOnce() -> String, text: &str) {
        if text.trim().is_empty() {
            self.push(path(), ViolationKind::EmptyText, "must not be empty");
        }
    }

    /// Checks that `span` lies on a text of `len` code points.
    fn span_on(&mut self, path: impl FnOnce() -> String, span: Span, len: usize, what: &str) -> bool {
        if span.start <= span.end && span.end <= len {
            return true;
        }
        self.push(
            path(),
            ViolationKind::SpanOutOfRange,
            format!("span {}..{} does not lie on the {what} ({len} code points)", span.start, span.end),
        );
        false
    }
}

/// Where an eId was first seen, to name it when it comes again.
#[derive(Clone, Copy)]
enum IdSite {
    Paragraph(usize),
    Commitment(usize),
}

impl fmt::Display for IdSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Paragraph(i) => write!(f, "$.paragraphs[{i}].id"),
            Self::Commitment(i) => write!(f, "$.commitments[{i}].id"),
        }
    }
}

impl Statement {
    /// Checks every invariant of the record and reports all that are broken at once.
    ///
    /// Checked: a non-empty `id`, `title` (when present) and paragraph and quote texts;
    /// a paragraph's `speaker`, when present, non-empty and free of control characters;
    /// well-formed and unique eIds across paragraphs and commitments; every commitment's
    /// `paragraph` names a paragraph of the statement; every commitment `span` lies on its
    /// paragraph text and selects exactly its `quote`; paragraph and note source spans lie
    /// on `source_text` when it is present; `last_updated` is not before `issued`;
    /// ids, paragraph numbers, rules, codebooks and note codes hold no control
    /// character; every date and timestamp lies in the years 0001–9999, which every format can
    /// write (`xs:date` has no year 0); `language` is a well-formed BCP 47 tag (RFC 5646); the fixity digest is 64
    /// lowercase hex digits and its size at most 2^63 − 1; assessment scores are −1, 0 or +1 and periods in order;
    /// a rule method names its rule and a manual one its annotator.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing each broken invariant with its JSONPath.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut check = Checker { violations: Vec::new() };
        check.non_empty(|| "$.id".into(), &self.id);
        check.identifier(|| "$.id".into(), &self.id);
        if let Some(title) = &self.title {
            check.non_empty(|| "$.title".into(), title);
        }
        for (i, issuer) in self.issuers.iter().enumerate() {
            check.non_empty(|| format!("$.issuers[{i}].name"), &issuer.name);
        }
        for (i, place) in self.places.iter().enumerate() {
            check.non_empty(|| format!("$.places[{i}]"), place);
        }
        if let (Some(issued), Some(updated)) = (self.issued, self.last_updated)
            && !crate::dates_in_order(issued, updated)
        {
            check.push(
                "$.last_updated",
                ViolationKind::DateOrder,
                format!("last updated {updated} is before the issue date {issued}"),
            );
        }
        check.year(|| "$.issued".into(), self.issued);
        check.year(|| "$.last_updated".into(), self.last_updated.map(|t| t.date()));
        check.year(|| "$.published".into(), self.published.map(|t| t.date()));
        check.year(|| "$.source.retrieved".into(), self.source.retrieved);
        if let Some(tag) = &self.language
            && !is_well_formed_language_tag(tag)
        {
            check.push(
                "$.language",
                ViolationKind::MalformedLanguageTag,
                format!("{tag:?} is not a well-formed BCP 47 language tag"),
            );
        }
        if let Some(fixity) = &self.fixity
            && i64::try_from(fixity.size).is_err()
        {
            check.push(
                "$.fixity.size",
                ViolationKind::SizeOutOfRange,
                format!("{} bytes is more than 2^63 - 1, which a signed 64-bit integer holds", fixity.size),
            );
        }
        if let Some(fixity) = &self.fixity {
            let ok = fixity.digest.len() == 64
                && fixity.digest.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !ok {
                check.push(
                    "$.fixity.digest",
                    ViolationKind::MalformedDigest,
                    format!("{:?} is not a SHA-256 digest (64 lowercase hex digits)", fixity.digest),
                );
            }
        }

        let mut seen: HashMap<&str, IdSite> =
            HashMap::with_capacity(self.paragraphs.len() + self.commitments.len());
        fn eid<'a>(check: &mut Checker, id: &'a str, site: IdSite) -> &'a str {
            if !is_valid_eid(id) {
                check.push(
                    site.to_string(),
                    ViolationKind::MalformedId,
                    format!("{id:?} is not an eId (letters, digits, '_', '-', '.')"),
                );
            }
            id
        }
        // Counted once: a span check must not walk the source text again (linear time).
        let source_len = self.source_text.as_deref().map(code_point_len);
        let mut paragraphs: HashMap<&str, CodePointIndex<'_>> =
            HashMap::with_capacity(if self.commitments.is_empty() { 0 } else { self.paragraphs.len() });
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let path = || format!("$.paragraphs[{i}]");
            let site = IdSite::Paragraph(i);
            let id = eid(&mut check, &paragraph.id, site);
            if let Some(number) = &paragraph.number {
                // A label, which TEI carries in an attribute: no control characters.
                check.identifier(|| format!("{}.number", path()), number);
            }
            if let Some(first) = seen.insert(id, site) {
                check.push(
                    site.to_string(),
                    ViolationKind::DuplicateId,
                    format!("eId {id:?} is already used at {first}"),
                );
            }
            if !self.commitments.is_empty() {
                paragraphs.entry(id).or_insert_with(|| CodePointIndex::new(&paragraph.text));
            }
            check.non_empty(|| format!("{}.text", path()), &paragraph.text);
            if let Some(number) = &paragraph.number {
                check.non_empty(|| format!("{}.number", path()), number);
            }
            if let Some(speaker) = &paragraph.speaker {
                check.non_empty(|| format!("{}.speaker", path()), speaker);
                check.identifier(|| format!("{}.speaker", path()), speaker);
            }
            if let (Some(span), Some(len)) = (paragraph.source_span, source_len) {
                check.span_on(|| format!("{}.source_span", path()), span, len, "source text");
            }
        }
        for (i, commitment) in self.commitments.iter().enumerate() {
            let path = || format!("$.commitments[{i}]");
            let site = IdSite::Commitment(i);
            let id = eid(&mut check, &commitment.id, site);
            if let Some(first) = seen.insert(id, site) {
                check.push(
                    site.to_string(),
                    ViolationKind::DuplicateId,
                    format!("eId {id:?} is already used at {first}"),
                );
            }
            check.non_empty(|| format!("{}.quote", path()), &commitment.quote);
            match paragraphs.get(commitment.paragraph.as_str()) {
                None => check.push(
                    format!("{}.paragraph", path()),
                    ViolationKind::DanglingReference,
                    format!("no paragraph has the eId {:?}", commitment.paragraph),
                ),
                Some(index) => {
                    let span_path = || format!("{}.span", path());
                    if check.span_on(span_path, commitment.span, index.len(), "paragraph text")
                        && index.slice(commitment.span) != Some(commitment.quote.as_str())
                    {
                        let slice = index.slice(commitment.span).unwrap_or_default();
                        check.push(
                            span_path(),
                            ViolationKind::SpanQuoteMismatch,
                            format!("span selects {slice:?}, not the quote {:?}", commitment.quote),
                        );
                    }
                }
            }
            let method = &commitment.method;
            let missing = match method.kind {
                crate::MethodKind::Rule => {
                    method.rule.as_deref().is_none_or(|r| r.trim().is_empty()).then_some("rule")
                }
                crate::MethodKind::Manual => {
                    method.annotator.as_deref().is_none_or(|a| a.trim().is_empty()).then_some("annotator")
                }
            };
            if let Some(rule) = &method.rule {
                check.identifier(|| format!("{}.method.rule", path()), rule);
            }
            if let Some(codebook) = &method.codebook {
                check.identifier(|| format!("{}.method.codebook", path()), codebook);
            }
            if let Some(field) = missing {
                check.push(
                    format!("{}.method.{field}", path()),
                    ViolationKind::IncompleteMethod,
                    format!("a {} method must name its {field}", method.kind),
                );
            }
            for (j, assessment) in commitment.assessments.iter().enumerate() {
                let apath = || format!("{}.assessments[{j}]", path());
                if !(-1..=1).contains(&assessment.score) {
                    check.push(
                        format!("{}.score", apath()),
                        ViolationKind::ScoreOutOfRange,
                        format!("score {} is not -1, 0 or +1", assessment.score),
                    );
                }
                check.year(|| format!("{}.period_start", apath()), assessment.period_start);
                check.year(|| format!("{}.period_end", apath()), assessment.period_end);
                if let (Some(start), Some(end)) = (assessment.period_start, assessment.period_end)
                    && end < start
                {
                    check.push(
                        format!("{}.period_end", apath()),
                        ViolationKind::DateOrder,
                        format!("period ends {end}, before it starts {start}"),
                    );
                }
                check.non_empty(|| format!("{}.assessor", apath()), &assessment.assessor);
            }
        }
        for (i, note) in self.notes.iter().enumerate() {
            check.non_empty(|| format!("$.notes[{i}].code"), &note.code);
            check.identifier(|| format!("$.notes[{i}].code"), &note.code);
            if let (Some(span), Some(len)) = (note.source_span, source_len) {
                check.span_on(|| format!("$.notes[{i}].source_span"), span, len, "source text");
            }
        }
        if check.violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors { statement: self.id.clone(), violations: check.violations })
        }
    }
}
