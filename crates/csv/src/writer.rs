//! The streaming writer: statements in, rows appended to every table as they come.

use crate::CsvError;
use crate::cell::{excel_escape, format_date};
use crate::descriptor::{self, CSVW_METADATA, DATAPACKAGE, TableFile};
use crate::schema::{Datatype, TABLES, Table};
use communique_model::chrono::NaiveDate;
use communique_model::{Span, Statement, Timestamp};
use sha2::{Digest as _, Sha256};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Configuration of the CSV writer; [`CsvSerializer::for_dir`] starts writing a folder.
///
/// ```
/// use communique_csv::CsvSerializer;
/// let serializer = CsvSerializer::default().with_excel_safe(true);
/// assert!(serializer.excel_safe());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct CsvSerializer {
    excel_safe: bool,
}

impl CsvSerializer {
    /// Turns the `excel_safe` rule on or off (off by default).
    ///
    /// With it on, a text cell whose value starts with `=`, `+`, `-`, `@`, a tab, a
    /// carriage return or an apostrophe gets one apostrophe (`'`) put before it, so a
    /// spreadsheet does not run it as a formula (the OWASP "CSV injection" list). Cells
    /// of numbers, dates, timestamps and booleans are never changed: a spreadsheet reads
    /// `-1` as a number, not a formula. Both descriptors record the option, and
    /// [`CsvParser`](crate::CsvParser) removes that one apostrophe again.
    pub fn with_excel_safe(mut self, excel_safe: bool) -> Self {
        self.excel_safe = excel_safe;
        self
    }

    /// True when the `excel_safe` rule is on.
    #[must_use]
    pub fn excel_safe(&self) -> bool {
        self.excel_safe
    }

    /// Starts writing a CSV folder at `dir`, creating it (and its parents) when missing,
    /// and writes the header row of every table.
    ///
    /// # Errors
    ///
    /// [`CsvError::AlreadyExists`] when `dir` already holds a file this writer would
    /// write (a table or a descriptor): nothing is overwritten. [`CsvError::File`] when
    /// the folder or a table cannot be created.
    pub fn for_dir(self, dir: impl AsRef<Path>) -> Result<CsvDirWriter, CsvError> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| CsvError::file(&dir, e))?;
        let names = TABLES.iter().map(|t| t.file_name()).chain([CSVW_METADATA.into(), DATAPACKAGE.into()]);
        for name in names {
            let path = dir.join(name);
            if path.exists() {
                return Err(CsvError::AlreadyExists { path });
            }
        }
        let mut tables = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            tables.push(TableWriter::create(&dir, table, self.excel_safe)?);
        }
        Ok(CsvDirWriter { dir, excel_safe: self.excel_safe, tables, previous_id: None, statements: 0 })
    }
}

/// Bytes written so far and their SHA-256, for the Frictionless `bytes` and `hash`.
#[derive(Debug)]
struct HashingFile {
    file: File,
    hasher: Sha256,
    bytes: u64,
}

impl Write for HashingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.file.write(buf)?;
        self.hasher.update(&buf[..written]);
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// One table being written.
#[derive(Debug)]
struct TableWriter {
    table: &'static Table,
    path: PathBuf,
    writer: csv::Writer<HashingFile>,
    excel_safe: bool,
    rows: u64,
}

impl TableWriter {
    fn create(dir: &Path, table: &'static Table, excel_safe: bool) -> Result<Self, CsvError> {
        let path = dir.join(table.file_name());
        let file = File::create_new(&path).map_err(|e| CsvError::file(&path, e))?;
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(HashingFile { file, hasher: Sha256::new(), bytes: 0 });
        let mut this = Self { table, path, writer, excel_safe, rows: 0 };
        let header = table.columns.iter().map(|c| c.name);
        this.writer.write_record(header).map_err(|e| this.fail(e))?;
        Ok(this)
    }

    fn fail(&self, error: csv::Error) -> CsvError {
        CsvError::file(&self.path, io::Error::from(error))
    }

    /// Appends one row; `cells` are in column order, text cells still unescaped.
    fn row(&mut self, cells: &[Cow<'_, str>]) -> Result<(), CsvError> {
        debug_assert_eq!(cells.len(), self.table.columns.len(), "row of {}", self.table.name);
        for (column, cell) in self.table.columns.iter().zip(cells) {
            let cell = if self.excel_safe && column.datatype == Datatype::Text {
                excel_escape(cell)
            } else {
                Cow::Borrowed(&**cell)
            };
            self.writer.write_field(cell.as_bytes()).map_err(|e| self.fail(e))?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(|e| self.fail(e))?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> Result<(TableFile, TableSummary), CsvError> {
        let path = self.path;
        let hashing = self.writer.into_inner().map_err(|e| CsvError::file(&path, e.into_error()))?;
        hashing.file.sync_all().map_err(|e| CsvError::file(&path, e))?;
        let sha256 = hex(&hashing.hasher.finalize());
        let file = TableFile { bytes: hashing.bytes, sha256: sha256.clone() };
        let summary =
            TableSummary { file: self.table.file_name(), rows: self.rows, bytes: hashing.bytes, sha256 };
        Ok((file, summary))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A CSV folder being written; made by [`CsvSerializer::for_dir`].
///
/// Rows are appended to the tables as statements come, so memory does not grow with
/// their number. Call [`CsvDirWriter::finish`] at the end: only then are the
/// descriptors written, and a folder without `csv-metadata.json` is refused by the
/// reader.
#[derive(Debug)]
#[must_use]
pub struct CsvDirWriter {
    dir: PathBuf,
    excel_safe: bool,
    tables: Vec<TableWriter>,
    previous_id: Option<String>,
    statements: u64,
}

/// What [`CsvDirWriter::finish`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CsvSummary {
    /// The folder.
    pub dir: PathBuf,
    /// Number of statements written.
    pub statements: u64,
    /// Each table, in the order the descriptors list them.
    pub tables: Vec<TableSummary>,
    /// Whether the `excel_safe` rule was applied.
    pub excel_safe: bool,
}

/// One table written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableSummary {
    /// File name in the folder (`commitments.csv`).
    pub file: String,
    /// Number of data rows (the header row not counted).
    pub rows: u64,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, lowercase hexadecimal.
    pub sha256: String,
}

/// Optional texts that are present but empty, by JSONPath.
#[derive(Default)]
struct Empties(Vec<String>);

impl Empties {
    /// The cell for an optional text: empty when absent; an empty text is also recorded
    /// by its path (made only then).
    fn cell<'a>(&mut self, value: &'a Option<String>, path: impl FnOnce() -> String) -> Cow<'a, str> {
        match value.as_deref() {
            Some("") => {
                self.0.push(path());
                Cow::Borrowed("")
            }
            Some(text) => Cow::Borrowed(text),
            None => Cow::Borrowed(""),
        }
    }
}

fn text(value: &str) -> Cow<'_, str> {
    Cow::Borrowed(value)
}

fn number(value: impl ToString) -> Cow<'static, str> {
    Cow::Owned(value.to_string())
}

fn boolean(value: bool) -> Cow<'static, str> {
    Cow::Borrowed(if value { "true" } else { "false" })
}

fn span_cells(span: Option<Span>) -> [Cow<'static, str>; 2] {
    match span {
        Some(span) => [number(span.start), number(span.end)],
        None => [Cow::Borrowed(""), Cow::Borrowed("")],
    }
}

impl CsvDirWriter {
    /// The folder being written.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Appends one statement: a row to `statements.csv` and its rows to every other
    /// table, in the record's order.
    ///
    /// The statement is not [validated](Statement::validate); anything the model can
    /// hold is written so that it reads back equal, with two exceptions refused before
    /// any row is written ([`CsvError::Unwritable`]): a statement with the same id as
    /// the one written just before it (its rows would merge with the previous
    /// statement's), and two commitments of one statement sharing an eId (their
    /// references and assessments are joined by it). A date or timestamp whose year has
    /// no four-digit form is refused too. Ids must be unique in the whole folder for the
    /// descriptors' primary keys to hold; only the consecutive case is checked here, so
    /// that memory stays constant.
    ///
    /// # Errors
    ///
    /// [`CsvError::Unwritable`] as above; [`CsvError::File`] when a table cannot be
    /// written.
    pub fn serialize_statement(&mut self, statement: &Statement) -> Result<(), CsvError> {
        self.check(statement)?;
        let s = statement;
        let id = s.id.as_str();
        let mut empties = Empties::default();
        let [
            t_statements,
            t_issuers,
            t_places,
            t_keywords,
            t_paragraphs,
            t_commitments,
            t_references,
            t_assessments,
            t_notes,
            t_empty,
        ] = &mut self.tables[..]
        else {
            unreachable!("one writer per table")
        };

        let (algorithm, digest, size) = match &s.fixity {
            Some(f) => (text(f.algorithm.as_str()), text(&f.digest), number(f.size)),
            None => (text(""), text(""), text("")),
        };
        t_statements.row(&[
            text(id),
            empties.cell(&s.title, || "$.title".into()),
            text(s.kind.as_str()),
            date_cell(s.issued),
            timestamp_cell(s.last_updated),
            timestamp_cell(s.published),
            empties.cell(&s.language, || "$.language".into()),
            empties.cell(&s.reference, || "$.reference".into()),
            empties.cell(&s.source.attribution, || "$.source.attribution".into()),
            empties.cell(&s.source.url, || "$.source.url".into()),
            empties.cell(&s.source.via, || "$.source.via".into()),
            date_cell(s.source.retrieved),
            algorithm,
            digest,
            size,
            empties.cell(&s.source_text, || "$.source_text".into()),
        ])?;
        for (i, issuer) in s.issuers.iter().enumerate() {
            t_issuers.row(&[
                text(id),
                number(i + 1),
                text(&issuer.name),
                text(issuer.kind.as_str()),
                empties.cell(&issuer.role, || format!("$.issuers[{i}].role")),
            ])?;
        }
        for (i, place) in s.places.iter().enumerate() {
            t_places.row(&[text(id), number(i + 1), text(place)])?;
        }
        for (i, keyword) in s.keywords.iter().enumerate() {
            t_keywords.row(&[text(id), number(i + 1), text(keyword)])?;
        }
        for (i, p) in s.paragraphs.iter().enumerate() {
            let [start, end] = span_cells(p.source_span);
            t_paragraphs.row(&[
                text(id),
                number(i + 1),
                text(&p.id),
                empties.cell(&p.number, || format!("$.paragraphs[{i}].number")),
                text(p.kind.as_str()),
                text(&p.text),
                start,
                end,
            ])?;
        }
        for (i, c) in s.commitments.iter().enumerate() {
            let path = |field: &str| format!("$.commitments[{i}].{field}");
            t_commitments.row(&[
                text(id),
                number(i + 1),
                text(&c.id),
                text(&c.paragraph),
                number(c.span.start),
                number(c.span.end),
                text(&c.quote),
                text(c.kind.as_str()),
                text(c.kind.speech_act_class().as_str()),
                text(c.kind.cameo_codes()[0]),
                text(c.kind.plover_code().unwrap_or("")),
                empties.cell(&c.actor, || path("actor")),
                empties.cell(&c.actor_resolved, || path("actor_resolved")),
                empties.cell(&c.addressee, || path("addressee")),
                empties.cell(&c.cue, || path("cue")),
                empties.cell(&c.intensifier, || path("intensifier")),
                boolean(c.future_oriented),
                boolean(c.conditional),
                text(c.method.kind.as_str()),
                empties.cell(&c.method.rule, || path("method.rule")),
                empties.cell(&c.method.codebook, || path("method.codebook")),
                empties.cell(&c.method.annotator, || path("method.annotator")),
            ])?;
            for (j, reference) in c.references.iter().enumerate() {
                t_references.row(&[text(id), text(&c.id), number(j + 1), text(reference)])?;
            }
            for (j, a) in c.assessments.iter().enumerate() {
                t_assessments.row(&[
                    text(id),
                    text(&c.id),
                    number(j + 1),
                    number(a.score),
                    date_cell(a.period_start),
                    date_cell(a.period_end),
                    empties.cell(&a.evidence, || format!("$.commitments[{i}].assessments[{j}].evidence")),
                    text(&a.assessor),
                ])?;
            }
        }
        for (i, note) in s.notes.iter().enumerate() {
            let [start, end] = span_cells(note.source_span);
            t_notes.row(&[text(id), number(i + 1), text(&note.code), text(&note.message), start, end])?;
        }
        for path in &empties.0 {
            t_empty.row(&[text(id), text(path)])?;
        }
        self.previous_id = Some(statement.id.clone());
        self.statements += 1;
        Ok(())
    }

    /// Refuses, before any row is written, what would not read back the same.
    fn check(&self, s: &Statement) -> Result<(), CsvError> {
        let refuse = |message: String| Err(CsvError::Unwritable { statement_id: s.id.clone(), message });
        if self.previous_id.as_deref() == Some(s.id.as_str()) {
            return refuse("has the same id as the statement written just before it".into());
        }
        let mut seen = HashSet::with_capacity(s.commitments.len());
        for c in &s.commitments {
            if !seen.insert(c.id.as_str()) {
                return refuse(format!("two commitments share the eId {:?}", c.id));
            }
        }
        let dates =
            [s.issued, s.source.retrieved, s.last_updated.map(|t| t.date()), s.published.map(|t| t.date())]
                .into_iter()
                .chain(
                    s.commitments
                        .iter()
                        .flat_map(|c| c.assessments.iter().flat_map(|a| [a.period_start, a.period_end])),
                )
                .flatten();
        for date in dates {
            if format_date(date).is_none() {
                return refuse(format!("the date {date} has no four-digit year (YYYY-MM-DD)"));
            }
        }
        Ok(())
    }

    /// Flushes every table to disk and writes the descriptors, `datapackage.json`
    /// (with each table's size and SHA-256) and then `csv-metadata.json`. Each
    /// descriptor is written to a temporary name and renamed into place, so a reader
    /// never sees a half-written one.
    ///
    /// # Errors
    ///
    /// [`CsvError::File`] when a table cannot be flushed or a descriptor written.
    pub fn finish(self) -> Result<CsvSummary, CsvError> {
        let mut files = Vec::with_capacity(self.tables.len());
        let mut tables = Vec::with_capacity(self.tables.len());
        for table in self.tables {
            let (file, summary) = table.finish()?;
            files.push(file);
            tables.push(summary);
        }
        let package = descriptor::to_pretty(&descriptor::datapackage(self.excel_safe, &files));
        write_atomically(&self.dir, DATAPACKAGE, &package)?;
        let metadata = descriptor::to_pretty(&descriptor::csvw_metadata(self.excel_safe));
        write_atomically(&self.dir, CSVW_METADATA, &metadata)?;
        Ok(CsvSummary { dir: self.dir, statements: self.statements, tables, excel_safe: self.excel_safe })
    }
}

fn date_cell(date: Option<NaiveDate>) -> Cow<'static, str> {
    // `check` has refused years without a four-digit form.
    date.and_then(format_date).map_or(Cow::Borrowed(""), Cow::Owned)
}

fn timestamp_cell(timestamp: Option<Timestamp>) -> Cow<'static, str> {
    timestamp.map_or(Cow::Borrowed(""), |t| Cow::Owned(t.to_string()))
}

/// Writes `name` in `dir` through a temporary file renamed into place.
fn write_atomically(dir: &Path, name: &str, text: &str) -> Result<(), CsvError> {
    let partial = dir.join(format!(".{name}.partial"));
    let path = dir.join(name);
    let result = (|| {
        let mut file = File::create(&partial)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&partial, &path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&partial);
        CsvError::file(&path, e)
    })
}
