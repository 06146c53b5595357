//! The streaming writer: statements in, rows appended to every table as they come.

use crate::CsvError;
use crate::cell::{has_four_digit_year, needs_excel_escape, push_date, push_integer, push_text};
use crate::descriptor::{self, CSVW_METADATA, DATAPACKAGE, TableFile};
use crate::schema::{Datatype, TABLES, Table};
use communique_model::chrono::NaiveDate;
use communique_model::{Span, Statement, Timestamp};
use sha2::{Digest as _, Sha256};
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
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
            tables.push(TableWriter::create(&dir, table)?);
        }
        Ok(CsvDirWriter { dir, excel_safe: self.excel_safe, tables, previous_id: None, statements: 0 })
    }
}

/// Size of the buffer between each table's hasher and its file: large enough that a
/// table makes one `write` system call per 256 KiB rather than per row.
const FILE_BUFFER: usize = 256 * 1024;

/// A table file with the byte count and SHA-256 of everything appended, for the
/// Frictionless `bytes` and `hash`.
#[derive(Debug)]
struct HashingFile {
    file: BufWriter<File>,
    hasher: Sha256,
    bytes: u64,
}

impl HashingFile {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.hasher.update(bytes);
        self.bytes += bytes.len() as u64;
        Ok(())
    }
}

/// One table being written.
#[derive(Debug)]
struct TableWriter {
    table: &'static Table,
    path: PathBuf,
    out: HashingFile,
    rows: u64,
}

impl TableWriter {
    fn create(dir: &Path, table: &'static Table) -> Result<Self, CsvError> {
        let path = dir.join(table.file_name());
        let file = File::create_new(&path).map_err(|e| CsvError::file(&path, e))?;
        let file = BufWriter::with_capacity(FILE_BUFFER, file);
        let mut this =
            Self { table, path, out: HashingFile { file, hasher: Sha256::new(), bytes: 0 }, rows: 0 };
        let mut header = Rows::new(table, false);
        for column in table.columns {
            header.text(column.name);
        }
        header.end();
        this.out.append(&header.bytes).map_err(|e| CsvError::file(&this.path, e))?;
        Ok(this)
    }

    /// Appends rows prepared by [`Rows`].
    fn append(&mut self, bytes: &[u8], rows: u64) -> Result<(), CsvError> {
        if !bytes.is_empty() {
            self.out.append(bytes).map_err(|e| CsvError::file(&self.path, e))?;
        }
        self.rows += rows;
        Ok(())
    }

    fn finish(self) -> Result<(TableFile, TableSummary), CsvError> {
        let path = self.path;
        let HashingFile { file, hasher, bytes } = self.out;
        let file = file.into_inner().map_err(|e| CsvError::file(&path, e.into_error()))?;
        file.sync_all().map_err(|e| CsvError::file(&path, e))?;
        let sha256 = hex(&hasher.finalize());
        let file = TableFile { bytes, sha256: sha256.clone() };
        let summary = TableSummary { file: self.table.file_name(), rows: self.rows, bytes, sha256 };
        Ok((file, summary))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows of one table being formatted: RFC 4180 bytes (`,` between cells, CRLF after
/// each row), cells in the order of the table's columns.
#[derive(Debug)]
struct Rows {
    table: &'static Table,
    excel_safe: bool,
    bytes: Vec<u8>,
    rows: u64,
    /// Index of the next cell's column in the current row.
    column: usize,
}

impl Rows {
    fn new(table: &'static Table, excel_safe: bool) -> Self {
        Self { table, excel_safe, bytes: Vec::new(), rows: 0, column: 0 }
    }

    /// Starts the next cell; returns its column's datatype.
    fn next(&mut self) -> Datatype {
        if self.column > 0 {
            self.bytes.push(b',');
        }
        let datatype = self.table.columns[self.column].datatype;
        self.column += 1;
        datatype
    }

    /// A cell of text, with the `excel_safe` rule applied in a text column.
    fn text(&mut self, value: &str) {
        let datatype = self.next();
        let apostrophe = self.excel_safe && datatype == Datatype::Text && needs_excel_escape(value);
        push_text(&mut self.bytes, value, apostrophe);
    }

    /// A cell holding an integer in decimal.
    fn integer(&mut self, value: impl Into<i128>) {
        self.next();
        push_integer(&mut self.bytes, value.into());
    }

    /// A cell holding a count, position or code point offset.
    fn count(&mut self, value: usize) {
        // A usize is at most 64 bits on every target Rust supports, so it fits an i128.
        self.integer(i128::try_from(value).unwrap_or(i128::MAX));
    }

    /// A cell holding a date `YYYY-MM-DD`, empty when absent.
    fn date(&mut self, date: Option<NaiveDate>) {
        self.next();
        // `check` has refused years without a four-digit form.
        if let Some(date) = date {
            push_date(&mut self.bytes, date);
        }
    }

    /// A cell holding a timestamp as the model prints it, empty when absent.
    fn timestamp(&mut self, timestamp: Option<Timestamp>) {
        self.next();
        if let Some(timestamp) = timestamp {
            push_text(&mut self.bytes, &timestamp.to_string(), false);
        }
    }

    fn boolean(&mut self, value: bool) {
        self.next();
        self.bytes.extend_from_slice(if value { b"true" } else { b"false" });
    }

    fn span(&mut self, span: Option<Span>) {
        match span {
            Some(span) => {
                self.count(span.start);
                self.count(span.end);
            }
            None => {
                self.next();
                self.next();
            }
        }
    }

    /// Ends the row.
    fn end(&mut self) {
        debug_assert_eq!(self.column, self.table.columns.len(), "row of {}", self.table.name);
        self.bytes.extend_from_slice(b"\r\n");
        self.rows += 1;
        self.column = 0;
    }
}

/// The cell of an optional text: empty when absent. A text that is present but empty
/// also gets its row in `empty_values.csv`, naming it by `path` (made only then).
fn optional(
    row: &mut Rows,
    empties: &mut Rows,
    id: &str,
    value: &Option<String>,
    path: impl FnOnce() -> String,
) {
    if value.as_deref() == Some("") {
        empties.text(id);
        empties.text(&path());
        empties.end();
    }
    row.text(value.as_deref().unwrap_or(""));
}

/// One statement formatted as the rows of every table, by [`CsvSerializer::prepare`],
/// ready for [`CsvDirWriter::write_prepared`].
///
/// It holds, for each of the ten tables in the order of [`TABLE_FILES`](crate::TABLE_FILES),
/// the statement's rows as the bytes that go into the file (UTF-8, RFC 4180, CRLF
/// after each row) and their number, plus the statement's id and whether the
/// `excel_safe` rule was applied. It borrows nothing, so it can be made on one thread
/// and written on another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement {
    id: String,
    excel_safe: bool,
    tables: [Vec<u8>; 10],
    rows: [u64; 10],
}

impl PreparedStatement {
    /// Id of the statement.
    #[must_use]
    pub fn statement_id(&self) -> &str {
        &self.id
    }

    /// The rows for the table `TABLE_FILES[table]`: their bytes as written to the file
    /// and their number. `None` when `table` ≥ 10.
    #[must_use]
    pub fn table(&self, table: usize) -> Option<(&[u8], u64)> {
        Some((self.tables.get(table)?.as_slice(), self.rows[table]))
    }

    /// Number of bytes the statement adds to the folder, over all tables.
    #[must_use]
    pub fn byte_len(&self) -> usize {
        self.tables.iter().map(Vec::len).sum()
    }
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

impl CsvSerializer {
    /// Formats one statement exactly as [`CsvDirWriter::serialize_statement`] would
    /// write it, without writing: the rows of every table as bytes. Pure, so many
    /// statements can be prepared on many threads and then written, in order, with
    /// [`CsvDirWriter::write_prepared`] of a writer of the same configuration.
    ///
    /// # Errors
    ///
    /// [`CsvError::Unwritable`] when two commitments of the statement share an eId, or a
    /// date or timestamp has a year without a four-digit form (see
    /// [`CsvDirWriter::serialize_statement`]). The check against the statement written
    /// before is [`CsvDirWriter::write_prepared`]'s, as it depends on the order.
    pub fn prepare(&self, statement: &Statement) -> Result<PreparedStatement, CsvError> {
        check(statement)?;
        let s = statement;
        let id = s.id.as_str();
        let mut tables = TABLES.map(|table| Rows::new(table, self.excel_safe));
        // Room for the large tables up front (text plus a generous allowance for the
        // other cells of a row), so their buffers are not grown and copied row by row.
        let source_text = s.source_text.as_ref().map_or(0, String::len);
        tables[0].bytes.reserve(source_text + 512);
        tables[4].bytes.reserve(s.paragraphs.iter().map(|p| p.text.len() + 96).sum());
        tables[5].bytes.reserve(s.commitments.iter().map(|c| c.quote.len() + 320).sum());
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
        ] = &mut tables;

        let row = t_statements;
        row.text(id);
        optional(row, t_empty, id, &s.title, || "$.title".into());
        row.text(s.kind.as_str());
        row.date(s.issued);
        row.timestamp(s.last_updated);
        row.timestamp(s.published);
        optional(row, t_empty, id, &s.language, || "$.language".into());
        optional(row, t_empty, id, &s.reference, || "$.reference".into());
        optional(row, t_empty, id, &s.source.attribution, || "$.source.attribution".into());
        optional(row, t_empty, id, &s.source.url, || "$.source.url".into());
        optional(row, t_empty, id, &s.source.via, || "$.source.via".into());
        row.date(s.source.retrieved);
        match &s.fixity {
            Some(f) => {
                row.text(f.algorithm.as_str());
                row.text(&f.digest);
                row.integer(f.size);
            }
            None => {
                row.text("");
                row.text("");
                row.text("");
            }
        }
        optional(row, t_empty, id, &s.source_text, || "$.source_text".into());
        row.end();

        for (i, issuer) in s.issuers.iter().enumerate() {
            let row = &mut *t_issuers;
            row.text(id);
            row.count(i + 1);
            row.text(&issuer.name);
            row.text(issuer.kind.as_str());
            optional(row, t_empty, id, &issuer.role, || format!("$.issuers[{i}].role"));
            row.end();
        }
        for (i, place) in s.places.iter().enumerate() {
            t_places.text(id);
            t_places.count(i + 1);
            t_places.text(place);
            t_places.end();
        }
        for (i, keyword) in s.keywords.iter().enumerate() {
            t_keywords.text(id);
            t_keywords.count(i + 1);
            t_keywords.text(keyword);
            t_keywords.end();
        }
        for (i, p) in s.paragraphs.iter().enumerate() {
            let row = &mut *t_paragraphs;
            row.text(id);
            row.count(i + 1);
            row.text(&p.id);
            optional(row, t_empty, id, &p.number, || format!("$.paragraphs[{i}].number"));
            row.text(p.kind.as_str());
            row.text(&p.text);
            row.span(p.source_span);
            row.end();
        }
        for (i, c) in s.commitments.iter().enumerate() {
            let path = |field: &str| format!("$.commitments[{i}].{field}");
            let row = &mut *t_commitments;
            row.text(id);
            row.count(i + 1);
            row.text(&c.id);
            row.text(&c.paragraph);
            row.count(c.span.start);
            row.count(c.span.end);
            row.text(&c.quote);
            row.text(c.kind.as_str());
            row.text(c.kind.speech_act_class().as_str());
            row.text(c.kind.cameo_codes()[0]);
            row.text(c.kind.plover_code().unwrap_or(""));
            optional(row, t_empty, id, &c.actor, || path("actor"));
            optional(row, t_empty, id, &c.actor_resolved, || path("actor_resolved"));
            optional(row, t_empty, id, &c.addressee, || path("addressee"));
            optional(row, t_empty, id, &c.cue, || path("cue"));
            optional(row, t_empty, id, &c.intensifier, || path("intensifier"));
            row.boolean(c.future_oriented);
            row.boolean(c.conditional);
            row.text(c.method.kind.as_str());
            optional(row, t_empty, id, &c.method.rule, || path("method.rule"));
            optional(row, t_empty, id, &c.method.codebook, || path("method.codebook"));
            optional(row, t_empty, id, &c.method.annotator, || path("method.annotator"));
            row.end();
            for (j, reference) in c.references.iter().enumerate() {
                t_references.text(id);
                t_references.text(&c.id);
                t_references.count(j + 1);
                t_references.text(reference);
                t_references.end();
            }
            for (j, a) in c.assessments.iter().enumerate() {
                let row = &mut *t_assessments;
                row.text(id);
                row.text(&c.id);
                row.count(j + 1);
                row.integer(a.score);
                row.date(a.period_start);
                row.date(a.period_end);
                optional(row, t_empty, id, &a.evidence, || {
                    format!("$.commitments[{i}].assessments[{j}].evidence")
                });
                row.text(&a.assessor);
                row.end();
            }
        }
        for (i, note) in s.notes.iter().enumerate() {
            let row = &mut *t_notes;
            row.text(id);
            row.count(i + 1);
            row.text(&note.code);
            row.text(&note.message);
            row.span(note.source_span);
            row.end();
        }
        Ok(PreparedStatement {
            id: s.id.clone(),
            excel_safe: self.excel_safe,
            rows: tables.each_ref().map(|t| t.rows),
            tables: tables.map(|t| t.bytes),
        })
    }
}

/// Refuses, before any row is made, what would not read back the same (the checks that
/// depend on the statement alone).
fn check(s: &Statement) -> Result<(), CsvError> {
    let refuse = |message: String| Err(CsvError::Unwritable { statement_id: s.id.clone(), message });
    // Sorting the eIds finds whether two are equal; only then is the first commitment
    // (in order) whose eId an earlier one has looked for, to name it.
    let mut ids: Vec<&str> = s.commitments.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    let twin = if ids.windows(2).any(|pair| pair[0] == pair[1]) {
        let mut seen = HashSet::with_capacity(s.commitments.len());
        s.commitments.iter().enumerate().find(|(_, c)| !seen.insert(c.id.as_str()))
    } else {
        None
    };
    if let Some((_, c)) = twin {
        return refuse(format!("two commitments share the eId {:?}", c.id));
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
        if !has_four_digit_year(date) {
            return refuse(format!("the date {date} has no four-digit year (YYYY-MM-DD)"));
        }
    }
    Ok(())
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
    /// It is [`CsvSerializer::prepare`] followed by [`CsvDirWriter::write_prepared`],
    /// so the statement's own faults are reported before the check against the
    /// statement written before it.
    ///
    /// # Errors
    ///
    /// [`CsvError::Unwritable`] as above; [`CsvError::File`] when a table cannot be
    /// written.
    pub fn serialize_statement(&mut self, statement: &Statement) -> Result<(), CsvError> {
        let prepared = CsvSerializer { excel_safe: self.excel_safe }.prepare(statement)?;
        self.write_prepared(&prepared)
    }

    /// Appends a statement made by [`CsvSerializer::prepare`]: the same rows, in the
    /// same order, as [`CsvDirWriter::serialize_statement`] of that statement would
    /// write. Prepared statements must come in the order the statements are to be
    /// written.
    ///
    /// # Errors
    ///
    /// [`CsvError::Unwritable`], before any row is written, when the statement has the
    /// same id as the one written just before it, or was prepared with another
    /// `excel_safe` setting than this writer's (the descriptors would misdescribe its
    /// cells); [`CsvError::File`] when a table cannot be written.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> Result<(), CsvError> {
        let refuse =
            |message: String| Err(CsvError::Unwritable { statement_id: prepared.id.clone(), message });
        if prepared.excel_safe != self.excel_safe {
            return refuse(format!(
                "was prepared with excel_safe {}, but this folder is written with excel_safe {}",
                prepared.excel_safe, self.excel_safe
            ));
        }
        if self.previous_id.as_deref() == Some(prepared.id.as_str()) {
            return refuse("has the same id as the statement written just before it".into());
        }
        for ((table, bytes), rows) in self.tables.iter_mut().zip(&prepared.tables).zip(prepared.rows) {
            table.append(bytes, rows)?;
        }
        match &mut self.previous_id {
            Some(previous) => previous.clone_from(&prepared.id),
            None => self.previous_id = Some(prepared.id.clone()),
        }
        self.statements += 1;
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
