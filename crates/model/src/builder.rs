//! A builder that makes writing a statement in code pleasant.

use crate::{
    Actor, Commitment, CommitmentKind, Method, Paragraph, ParagraphKind, Source, Span, Statement,
    StatementKind, Timestamp, ValidationErrors, Violation, ViolationKind,
};
use chrono::NaiveDate;

/// Builds a [`Statement`] step by step: paragraph eIds (`para_1`, …) and commitment eIds
/// (`para_1__cmt_1`, …) and spans are worked out for you, and [`StatementBuilder::build`]
/// derives the id when none is given and validates the record.
///
/// ```
/// use communique_model::{Actor, CommitmentKind, Statement};
/// let statement = Statement::builder()
///     .issuer(Actor::organization("NATO"))
///     .place("Brussels")
///     .issued_ymd(2022, 2, 16)
///     .language("en")
///     .body("Our commitment to Article 5 of the Washington Treaty is iron-clad. We stand united to defend each other.")
///     .commitment("We stand united to defend each other.", CommitmentKind::Pledge, "stand united to")
///     .build()
///     .unwrap();
/// assert_eq!(statement.commitments[0].id, "para_1__cmt_1");
/// assert_eq!((statement.commitments[0].span.start, statement.commitments[0].span.end), (67, 104));
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct StatementBuilder {
    statement: Statement,
    problems: Vec<Violation>,
}

impl Default for Statement {
    fn default() -> Self {
        Self {
            id: String::new(),
            title: None,
            kind: StatementKind::Other,
            issuers: Vec::new(),
            places: Vec::new(),
            issued: None,
            last_updated: None,
            published: None,
            language: None,
            reference: None,
            keywords: Vec::new(),
            source: Source::default(),
            fixity: None,
            source_text: None,
            paragraphs: Vec::new(),
            commitments: Vec::new(),
            notes: Vec::new(),
        }
    }
}

impl Statement {
    /// A [`StatementBuilder`] for a new statement.
    pub fn builder() -> StatementBuilder {
        StatementBuilder::default()
    }
}

impl StatementBuilder {
    /// Sets the id (otherwise derived by [`Statement::derive_id`]).
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.statement.id = id.into();
        self
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.statement.title = Some(title.into());
        self
    }

    /// Sets the statement kind.
    pub fn kind(mut self, kind: StatementKind) -> Self {
        self.statement.kind = kind;
        self
    }

    /// Adds an issuer.
    pub fn issuer(mut self, actor: Actor) -> Self {
        self.statement.issuers.push(actor);
        self
    }

    /// Adds a dateline place.
    pub fn place(mut self, place: impl Into<String>) -> Self {
        self.statement.places.push(place.into());
        self
    }

    /// Sets the issue date.
    pub fn issued(mut self, date: NaiveDate) -> Self {
        self.statement.issued = Some(date);
        self
    }

    /// Sets the issue date from year, month and day; a date that does not exist is
    /// reported by [`StatementBuilder::build`] as a violation at `$.issued`.
    pub fn issued_ymd(mut self, year: i32, month: u32, day: u32) -> Self {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) => self.statement.issued = Some(date),
            None => self.problem(
                "$.issued",
                ViolationKind::NoSuchDate,
                format!("{year:04}-{month:02}-{day:02} is not a calendar date"),
            ),
        }
        self
    }

    /// Sets the last-updated timestamp.
    pub fn last_updated(mut self, timestamp: Timestamp) -> Self {
        self.statement.last_updated = Some(timestamp);
        self
    }

    /// Sets the published timestamp.
    pub fn published(mut self, timestamp: Timestamp) -> Self {
        self.statement.published = Some(timestamp);
        self
    }

    /// Sets the BCP 47 language tag.
    pub fn language(mut self, tag: impl Into<String>) -> Self {
        self.statement.language = Some(tag.into());
        self
    }

    /// Sets the document number.
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.statement.reference = Some(reference.into());
        self
    }

    /// Sets where the copy came from.
    pub fn source(mut self, source: Source) -> Self {
        self.statement.source = source;
        self
    }

    /// Keeps the verbatim text received and its SHA-256 fixity.
    pub fn source_text(mut self, text: impl Into<String>) -> Self {
        let text = text.into();
        self.statement.fixity = Some(crate::Fixity::sha256(text.as_bytes()));
        self.statement.source_text = Some(text);
        self
    }

    /// Appends a paragraph of `kind`, giving it the next eId (`para_N`).
    pub fn paragraph(mut self, kind: ParagraphKind, text: impl Into<String>) -> Self {
        let id = format!("para_{}", self.statement.paragraphs.len() + 1);
        self.statement.paragraphs.push(Paragraph::new(id, kind, text));
        self
    }

    /// Appends a body paragraph.
    pub fn body(self, text: impl Into<String>) -> Self {
        self.paragraph(ParagraphKind::Body, text)
    }

    /// Adds a commitment resting on `quote`, found in the last paragraph added, with the
    /// eId `para_N__cmt_M` and `Method::manual("builder")`. A quote the paragraph does not
    /// hold is reported by [`StatementBuilder::build`].
    pub fn commitment(self, quote: &str, kind: CommitmentKind, cue: &str) -> Self {
        self.commitment_with(quote, kind, |c| c.cue = Some(cue.to_owned()))
    }

    /// Like [`StatementBuilder::commitment`], then lets `edit` fill in the other fields
    /// (actor, addressee, references, flags, method, assessments).
    pub fn commitment_with(
        mut self,
        quote: &str,
        kind: CommitmentKind,
        edit: impl FnOnce(&mut Commitment),
    ) -> Self {
        let Some(paragraph) = self.statement.paragraphs.last() else {
            self.problem(
                "$.commitments",
                ViolationKind::DanglingReference,
                format!("no paragraph before the commitment {quote:?}"),
            );
            return self;
        };
        let Some(span) = Span::find(&paragraph.text, quote) else {
            let path = format!("$.paragraphs[{}].text", self.statement.paragraphs.len() - 1);
            self.problem(
                path,
                ViolationKind::SpanQuoteMismatch,
                format!("does not contain the quote {quote:?}"),
            );
            return self;
        };
        let count = self.statement.commitments.iter().filter(|c| c.paragraph == paragraph.id).count();
        let id = format!("{}__cmt_{}", paragraph.id, count + 1);
        let mut commitment =
            Commitment::new(id, paragraph.id.clone(), span, quote, kind, Method::manual("builder"));
        edit(&mut commitment);
        self.statement.commitments.push(commitment);
        self
    }

    fn problem(&mut self, path: impl Into<String>, kind: ViolationKind, message: String) {
        self.problems.push(Violation { path: path.into(), kind, message });
    }

    /// Adds an ingest note.
    pub fn note(mut self, note: crate::Note) -> Self {
        self.statement.notes.push(note);
        self
    }

    /// The statement as built, with no id derived and nothing checked.
    #[must_use]
    pub fn build_unvalidated(self) -> Statement {
        self.statement
    }

    /// The statement, its id derived when none was given, checked by
    /// [`Statement::validate`].
    ///
    /// # Errors
    ///
    /// Every broken invariant, and every quote the builder could not place.
    pub fn build(self) -> Result<Statement, ValidationErrors> {
        let mut statement = self.statement;
        if statement.id.is_empty() {
            statement.id = statement.derive_id();
        }
        let mut violations = match statement.validate() {
            Ok(()) => Vec::new(),
            Err(errors) => errors.violations,
        };
        violations.splice(0..0, self.problems);
        if violations.is_empty() {
            Ok(statement)
        } else {
            Err(ValidationErrors { statement: statement.id, violations })
        }
    }
}
