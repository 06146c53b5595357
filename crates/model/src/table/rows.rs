//! A statement laid out as the rows of the tables, cell by cell, for a tabular format to
//! write: the one mapping from the record to the relational view.

use super::{
    ASSESSMENTS, COMMITMENT_REFERENCES, COMMITMENTS, ISSUERS, KEYWORDS, NOTES, PARAGRAPHS, PLACES,
    STATEMENTS, Table,
};
use crate::chrono::NaiveDate;
use crate::{Span, Statement, Timestamp};

/// What receives a statement's rows from [`rows`]: a tabular format's writer.
///
/// Each row starts with [`row`](Self::row) (the sink writes the statement id, the first
/// cell of every table, itself), gets one call for each further cell, in the order of the
/// table's columns, and ends with [`end`](Self::end). Each method names the kind of
/// value and so the column's [`Datatype`](super::Datatype).
pub trait RowSink {
    /// Starts a row of `table`; the sink writes its first cell, the statement id.
    fn row(&mut self, table: &'static Table);

    /// Ends the row.
    fn end(&mut self);

    /// Every row of `TABLES[index]` has been laid out: `rows` of them (called for each
    /// of the first nine tables in turn, rows or none; the rows of `empty_values` are the
    /// paths given to [`empty_value`](Self::empty_value), which the sink writes last).
    fn end_table(&mut self, index: usize, rows: usize);

    /// A [`Text`](super::Datatype::Text) cell that always has a value.
    fn text(&mut self, value: &str);

    /// An optional [`Text`](super::Datatype::Text) cell: `None` is an absent value, and a
    /// text present but empty must also be listed with
    /// [`empty_value`](Self::empty_value) under `path()`, its JSONPath (for formats in
    /// which the two cannot be told apart, and for every format alike).
    fn optional(&mut self, value: &Option<String>, path: impl FnOnce() -> String);

    /// An optional [`Text`](super::Datatype::Text) cell whose emptiness is listed by
    /// [`rows`] itself, earlier (an assessment's evidence, listed with its commitment):
    /// `None` is an absent value, the sink lists nothing.
    fn listed_optional(&mut self, value: &Option<String>);

    /// Lists the optional text at `path` (a JSONPath, `$.commitments[2].cue`) as present
    /// but empty: a row of `empty_values`.
    fn empty_value(&mut self, path: &str);

    /// A [`HexDigest`](super::Datatype::HexDigest) cell.
    fn digest(&mut self, value: &str);

    /// An [`Enum`](super::Datatype::Enum) cell: one of the column's names.
    fn name(&mut self, value: &'static str);

    /// An [`Enum`](super::Datatype::Enum) cell that may be absent.
    fn opt_name(&mut self, value: Option<&'static str>);

    /// A [`Position`](super::Datatype::Position) cell: the row is the `index`-th
    /// (0-based) of its list, so the cell holds `index + 1`.
    fn position(&mut self, index: usize);

    /// A [`Count`](super::Datatype::Count) cell: an offset in code points.
    fn count(&mut self, value: usize);

    /// A [`Count`](super::Datatype::Count) cell: a size in bytes.
    fn size(&mut self, value: u64);

    /// A [`Score`](super::Datatype::Score) cell.
    fn score(&mut self, value: i8);

    /// A [`Date`](super::Datatype::Date) cell, `None` when absent.
    fn date(&mut self, value: Option<NaiveDate>);

    /// A [`Timestamp`](super::Datatype::Timestamp) cell, `None` when absent.
    fn timestamp(&mut self, value: Option<Timestamp>);

    /// A [`Boolean`](super::Datatype::Boolean) cell.
    fn boolean(&mut self, value: bool);

    /// An absent value in a column of any datatype.
    fn absent(&mut self);

    /// Two [`Count`](super::Datatype::Count) cells, a span's start and end, or two absent
    /// values.
    fn span(&mut self, span: Option<Span>) {
        match span {
            Some(span) => {
                self.count(span.start);
                self.count(span.end);
            }
            None => {
                self.absent();
                self.absent();
            }
        }
    }
}

/// Lays `s` out as the rows of [`TABLES`](super::TABLES), table after table, each list in
/// its order, into `sink`: one row of `statements`; a row of `issuers`, `places`,
/// `keywords`, `paragraphs`, `commitments` and `notes` for each item of the statement's
/// lists; a row of `commitment_references` and `assessments` for each item of each
/// commitment's, commitment after commitment; and the optional texts present but empty,
/// for `empty_values`, through [`RowSink::empty_value`] (in record order: a commitment's
/// own fields, then its assessments' evidence).
///
/// The derived columns of a commitment (speech-act class, CAMEO and PLOVER codes) come
/// from its kind by the codebook. Nothing is checked: what a format cannot carry is for
/// its writer to refuse before.
///
/// ```
/// use communique_model::Statement;
/// use communique_model::table::{self, RowSink, Table};
///
/// /// Counts the rows of each table.
/// #[derive(Default)]
/// struct Count([usize; 10]);
/// impl RowSink for Count {
///     fn row(&mut self, _: &'static Table) {}
///     fn end(&mut self) {}
///     fn end_table(&mut self, index: usize, rows: usize) { self.0[index] = rows; }
///     fn text(&mut self, _: &str) {}
///     fn optional(&mut self, value: &Option<String>, path: impl FnOnce() -> String) {
///         if value.as_deref() == Some("") { self.empty_value(&path()) }
///     }
///     fn listed_optional(&mut self, _: &Option<String>) {}
///     fn empty_value(&mut self, _: &str) { self.0[9] += 1; }
///     fn digest(&mut self, _: &str) {}
///     fn name(&mut self, _: &'static str) {}
///     fn opt_name(&mut self, _: Option<&'static str>) {}
///     fn position(&mut self, _: usize) {}
///     fn count(&mut self, _: usize) {}
///     fn size(&mut self, _: u64) {}
///     fn score(&mut self, _: i8) {}
///     fn date(&mut self, _: Option<communique_model::chrono::NaiveDate>) {}
///     fn timestamp(&mut self, _: Option<communique_model::Timestamp>) {}
///     fn boolean(&mut self, _: bool) {}
///     fn absent(&mut self) {}
/// }
///
/// let mut statement = Statement::builder().id("s1").body("We stand united.").build()?;
/// statement.reference = Some(String::new());
/// let mut count = Count::default();
/// table::rows(&statement, &mut count);
/// // One statement, one paragraph, one empty text present.
/// assert_eq!(count.0, [1, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rows(s: &Statement, sink: &mut impl RowSink) {
    sink.row(&STATEMENTS);
    sink.optional(&s.title, || "$.title".into());
    sink.name(s.kind.as_str());
    sink.date(s.issued);
    sink.timestamp(s.last_updated);
    sink.timestamp(s.published);
    sink.optional(&s.language, || "$.language".into());
    sink.optional(&s.reference, || "$.reference".into());
    sink.optional(&s.source.attribution, || "$.source.attribution".into());
    sink.optional(&s.source.url, || "$.source.url".into());
    sink.optional(&s.source.via, || "$.source.via".into());
    sink.date(s.source.retrieved);
    match &s.fixity {
        Some(f) => {
            sink.name(f.algorithm.as_str());
            sink.digest(&f.digest);
            sink.size(f.size);
        }
        None => {
            sink.absent();
            sink.absent();
            sink.absent();
        }
    }
    sink.optional(&s.source_text, || "$.source_text".into());
    sink.end();
    sink.end_table(0, 1);

    for (i, issuer) in s.issuers.iter().enumerate() {
        sink.row(&ISSUERS);
        sink.position(i);
        sink.text(&issuer.name);
        sink.name(issuer.kind.as_str());
        sink.optional(&issuer.role, || format!("$.issuers[{i}].role"));
        sink.end();
    }
    sink.end_table(1, s.issuers.len());

    for (i, place) in s.places.iter().enumerate() {
        sink.row(&PLACES);
        sink.position(i);
        sink.text(place);
        sink.end();
    }
    sink.end_table(2, s.places.len());

    for (i, keyword) in s.keywords.iter().enumerate() {
        sink.row(&KEYWORDS);
        sink.position(i);
        sink.text(keyword);
        sink.end();
    }
    sink.end_table(3, s.keywords.len());

    for (i, p) in s.paragraphs.iter().enumerate() {
        sink.row(&PARAGRAPHS);
        sink.position(i);
        sink.text(&p.id);
        sink.optional(&p.number, || format!("$.paragraphs[{i}].number"));
        sink.name(p.kind.as_str());
        sink.text(&p.text);
        sink.span(p.source_span);
        sink.optional(&p.speaker, || format!("$.paragraphs[{i}].speaker"));
        sink.end();
    }
    sink.end_table(4, s.paragraphs.len());

    for (i, commitment) in s.commitments.iter().enumerate() {
        let path = |field: &str| format!("$.commitments[{i}].{field}");
        let kind = commitment.kind;
        sink.row(&COMMITMENTS);
        sink.position(i);
        sink.text(&commitment.id);
        sink.text(&commitment.paragraph);
        sink.count(commitment.span.start);
        sink.count(commitment.span.end);
        sink.text(&commitment.quote);
        sink.name(kind.as_str());
        sink.name(kind.speech_act_class().as_str());
        sink.name(kind.cameo_codes()[0]);
        sink.opt_name(kind.plover_code());
        sink.optional(&commitment.actor, || path("actor"));
        sink.optional(&commitment.actor_resolved, || path("actor_resolved"));
        sink.optional(&commitment.addressee, || path("addressee"));
        sink.optional(&commitment.cue, || path("cue"));
        sink.optional(&commitment.intensifier, || path("intensifier"));
        sink.boolean(commitment.future_oriented);
        sink.boolean(commitment.conditional);
        sink.name(commitment.method.kind.as_str());
        sink.optional(&commitment.method.rule, || path("method.rule"));
        sink.optional(&commitment.method.codebook, || path("method.codebook"));
        sink.optional(&commitment.method.annotator, || path("method.annotator"));
        sink.end();
        // A commitment's empty texts are listed in record order: its own fields, then
        // its assessments' (whose rows come in a later table).
        for (j, a) in commitment.assessments.iter().enumerate() {
            if a.evidence.as_deref() == Some("") {
                sink.empty_value(&format!("$.commitments[{i}].assessments[{j}].evidence"));
            }
        }
    }
    sink.end_table(5, s.commitments.len());

    let mut count = 0;
    for commitment in &s.commitments {
        for (j, reference) in commitment.references.iter().enumerate() {
            sink.row(&COMMITMENT_REFERENCES);
            sink.text(&commitment.id);
            sink.position(j);
            sink.text(reference);
            sink.end();
        }
        count += commitment.references.len();
    }
    sink.end_table(6, count);

    let mut count = 0;
    for commitment in &s.commitments {
        for (j, a) in commitment.assessments.iter().enumerate() {
            sink.row(&ASSESSMENTS);
            sink.text(&commitment.id);
            sink.position(j);
            sink.score(a.score);
            sink.date(a.period_start);
            sink.date(a.period_end);
            sink.listed_optional(&a.evidence);
            sink.text(&a.assessor);
            sink.end();
        }
        count += commitment.assessments.len();
    }
    sink.end_table(7, count);

    for (i, note) in s.notes.iter().enumerate() {
        sink.row(&NOTES);
        sink.position(i);
        sink.text(&note.code);
        sink.text(&note.message);
        sink.span(note.source_span);
        sink.end();
    }
    sink.end_table(8, s.notes.len());
}
