//! The streaming writer: statements in, rows appended to every table as they come.

use crate::cell::{
    has_four_digit_year, needs_excel_escape, needs_quotes, push_date, push_integer, push_text, push_timestamp,
};
use crate::descriptor::{self, CSVW_METADATA, DATAPACKAGE, TableFile};
use crate::error::{CsvSerializeError, file_error};
use crate::schema::{Datatype, FileName as _, TABLES, Table};
use communique_model::chrono::NaiveDate;
use communique_model::table::{self, RowSink};
use communique_model::{Statement, Timestamp};
use sha2::{Digest as _, Sha256};
use std::borrow::Cow;
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
    /// An I/O error of kind [`io::ErrorKind::AlreadyExists`] when `dir` already holds a
    /// file this writer would write (a table or a descriptor): nothing is overwritten.
    /// The I/O error, naming the path, when the folder or a table cannot be created.
    pub fn for_dir(self, dir: impl AsRef<Path>) -> io::Result<DirCsvSerializer> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| file_error(&dir, e))?;
        let names = TABLES.iter().map(|t| t.file_name()).chain([CSVW_METADATA.into(), DATAPACKAGE.into()]);
        for name in names {
            let path = dir.join(name);
            if path.exists() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{}: already exists; write a CSV folder into a new or empty folder",
                        path.display()
                    ),
                ));
            }
        }
        let mut tables = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            tables.push(TableWriter::create(&dir, table)?);
        }
        Ok(DirCsvSerializer { dir, excel_safe: self.excel_safe, tables, previous_id: None, statements: 0 })
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
    fn create(dir: &Path, table: &'static Table) -> io::Result<Self> {
        let path = dir.join(table.file_name());
        let file = File::create_new(&path).map_err(|e| file_error(&path, e))?;
        let file = BufWriter::with_capacity(FILE_BUFFER, file);
        let mut this =
            Self { table, path, out: HashingFile { file, hasher: Sha256::new(), bytes: 0 }, rows: 0 };
        let mut header = Vec::new();
        for (i, column) in table.columns.iter().enumerate() {
            if i > 0 {
                header.push(b',');
            }
            push_text(&mut header, column.name, false);
        }
        header.extend_from_slice(b"\r\n");
        this.out.append(&header).map_err(|e| file_error(&this.path, e))?;
        Ok(this)
    }

    /// Appends rows prepared by [`CsvSerializer::prepare`].
    fn append(&mut self, bytes: &[u8], rows: u64) -> io::Result<()> {
        if !bytes.is_empty() {
            self.out.append(bytes).map_err(|e| file_error(&self.path, e))?;
        }
        self.rows += rows;
        Ok(())
    }

    fn finish(self) -> io::Result<(TableFile, TableSummary)> {
        let path = self.path;
        let HashingFile { file, hasher, bytes } = self.out;
        let file = file.into_inner().map_err(|e| file_error(&path, e.into_error()))?;
        file.sync_all().map_err(|e| file_error(&path, e))?;
        let sha256 = hex(&hasher.finalize());
        let file = TableFile { bytes, sha256: sha256.clone() };
        let summary = TableSummary { file: self.table.file_name(), rows: self.rows, bytes, sha256 };
        Ok((file, summary))
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        text.push(char::from(DIGITS[usize::from(b >> 4)]));
        text.push(char::from(DIGITS[usize::from(b & 0xF)]));
    }
    text
}

/// The rows of one statement being formatted, table after table, into one buffer: RFC
/// 4180 bytes (`,` between cells, CRLF after each row), cells in the order of the
/// table's columns. Each row starts with the statement's id, encoded once.
///
/// In debug builds every cell is checked against its column's datatype in
/// [`TABLES`], which the descriptors and the reader are generated from.
#[derive(Debug)]
struct Cells<'s> {
    out: Vec<u8>,
    excel_safe: bool,
    /// The statement id's cell as written (quoted or neutralised when it must be).
    id: Cow<'s, [u8]>,
    /// Rows of `empty_values.csv`, made only when an optional text is present but
    /// empty (rare): they go after every other table.
    empties: Vec<u8>,
    empty_rows: u64,
    /// Where the rows of each table end in `out`, and their number.
    ends: [usize; 10],
    rows: [u64; 10],
    #[cfg(debug_assertions)]
    table: &'static Table,
    #[cfg(debug_assertions)]
    column: usize,
}

impl<'s> Cells<'s> {
    fn new(id: &'s str, excel_safe: bool, capacity: usize) -> Self {
        let apostrophe = excel_safe && needs_excel_escape(id);
        let mut cell = Vec::new();
        push_text(&mut cell, id, apostrophe);
        let id = if cell == id.as_bytes() { Cow::Borrowed(id.as_bytes()) } else { Cow::Owned(cell) };
        Self {
            out: Vec::with_capacity(capacity),
            excel_safe,
            id,
            empties: Vec::new(),
            empty_rows: 0,
            ends: [0; 10],
            rows: [0; 10],
            #[cfg(debug_assertions)]
            table: TABLES[0],
            #[cfg(debug_assertions)]
            column: 0,
        }
    }

    /// Checks, in debug builds, that the next cell's column has a datatype `fits`.
    #[cfg(debug_assertions)]
    fn expect(&mut self, fits: fn(Datatype) -> bool) {
        let column = &self.table.columns[self.column];
        assert!(fits(column.datatype), "column {} of {}", column.name, self.table.name);
        self.column += 1;
    }

    #[cfg(not(debug_assertions))]
    #[inline(always)]
    fn expect(&mut self, _fits: fn(Datatype) -> bool) {}

    /// An optional text present but empty: its row in `empty_values.csv`.
    #[cold]
    fn list_empty(&mut self, path: &str) {
        self.empties.extend_from_slice(&self.id);
        self.empties.push(b',');
        // The path column is free text.
        push_text(&mut self.empties, path, self.excel_safe && needs_excel_escape(path));
        self.empties.extend_from_slice(b"\r\n");
        self.empty_rows += 1;
    }

    /// A cell holding a text as it is: no quotes, no `excel_safe` rule.
    fn bare(&mut self, value: &str) {
        debug_assert!(!needs_quotes(value.as_bytes()), "{value:?}");
        self.out.push(b',');
        self.out.extend_from_slice(value.as_bytes());
    }
}

/// The cells of the model's relational view (`communique_model::table::rows`), as RFC
/// 4180 bytes.
impl RowSink for Cells<'_> {
    /// Starts a row of `table` with the statement id's cell.
    #[cfg_attr(not(debug_assertions), allow(unused_variables))]
    fn row(&mut self, table: &'static Table) {
        #[cfg(debug_assertions)]
        {
            self.table = table;
            self.column = 0;
        }
        self.expect(|d| d == Datatype::Text);
        self.out.extend_from_slice(&self.id);
    }

    fn end(&mut self) {
        #[cfg(debug_assertions)]
        assert_eq!(self.column, self.table.columns.len(), "row of {}", self.table.name);
        self.out.extend_from_slice(b"\r\n");
    }

    fn end_table(&mut self, index: usize, rows: usize) {
        self.ends[index] = self.out.len();
        self.rows[index] = rows as u64;
    }

    /// A cell of free text, with the `excel_safe` rule applied.
    fn text(&mut self, value: &str) {
        self.expect(|d| d == Datatype::Text);
        self.out.push(b',');
        let apostrophe = self.excel_safe && needs_excel_escape(value);
        push_text(&mut self.out, value, apostrophe);
    }

    /// The cell of an optional text: empty when absent. A text that is present but
    /// empty also gets its row in `empty_values.csv`, naming it by `path` (made only
    /// then).
    fn optional(&mut self, value: &Option<String>, path: impl FnOnce() -> String) {
        match value.as_deref() {
            Some("") => {
                self.list_empty(&path());
                self.text("");
            }
            Some(value) => self.text(value),
            None => self.text(""),
        }
    }

    /// Empty when absent or empty: an empty text is listed in `empty_values.csv` already.
    fn listed_optional(&mut self, value: &Option<String>) {
        self.text(value.as_deref().unwrap_or(""));
    }

    fn empty_value(&mut self, path: &str) {
        self.list_empty(path);
    }

    /// A digest, which the `excel_safe` rule leaves alone.
    fn digest(&mut self, value: &str) {
        self.expect(|d| d != Datatype::Text);
        self.out.push(b',');
        push_text(&mut self.out, value, false);
    }

    /// A name from a closed list, as it is: no such name needs quotes (a test of the
    /// schema checks every one).
    fn name(&mut self, value: &'static str) {
        self.expect(|d| matches!(d, Datatype::Enum(_)));
        self.bare(value);
    }

    fn opt_name(&mut self, value: Option<&'static str>) {
        self.name(value.unwrap_or(""));
    }

    fn position(&mut self, index: usize) {
        self.count(index + 1);
    }

    /// A cell holding a position, count or code point offset.
    fn count(&mut self, value: usize) {
        self.expect(|d| matches!(d, Datatype::Position | Datatype::Count));
        self.out.push(b',');
        push_integer(&mut self.out, value);
    }

    fn size(&mut self, value: u64) {
        self.expect(|d| d == Datatype::Count);
        self.out.push(b',');
        push_integer(&mut self.out, value);
    }

    fn score(&mut self, value: i8) {
        self.expect(|d| d == Datatype::Score);
        self.out.push(b',');
        push_integer(&mut self.out, value);
    }

    /// A cell holding a date `YYYY-MM-DD`, empty when absent.
    fn date(&mut self, date: Option<NaiveDate>) {
        self.expect(|d| d == Datatype::Date);
        self.out.push(b',');
        // `check` has refused years without a four-digit form.
        if let Some(date) = date {
            push_date(&mut self.out, date);
        }
    }

    /// A cell holding a timestamp as the model prints it, empty when absent.
    fn timestamp(&mut self, timestamp: Option<Timestamp>) {
        self.expect(|d| d == Datatype::Timestamp);
        self.out.push(b',');
        // `check` has refused years without a four-digit form; the printed form holds
        // no byte that needs quotes.
        if let Some(timestamp) = timestamp {
            push_timestamp(&mut self.out, timestamp);
        }
    }

    fn boolean(&mut self, value: bool) {
        self.expect(|d| d == Datatype::Boolean);
        self.out.extend_from_slice(if value { b",true" } else { b",false" });
    }

    /// An empty cell, in a column of any datatype.
    fn absent(&mut self) {
        self.expect(|_| true);
        self.out.push(b',');
    }
}

/// Bytes to reserve for a statement's rows: the length of every text plus room for
/// the other cells, so the buffer is seldom grown (quotes doubled inside a cell are not
/// counted).
fn capacity_hint(s: &Statement) -> usize {
    /// A text cell at most: the text, a delimiter, two quotes and an apostrophe.
    fn text(value: &str) -> usize {
        value.len() + 4
    }
    fn optional(value: &Option<String>) -> usize {
        value.as_deref().map_or(1, text)
    }
    /// A number cell at most (20 digits and a delimiter), a date or a name from a
    /// closed list.
    const CELL: usize = 21;
    const TIMESTAMP: usize = 36;
    let id = text(&s.id) + 2;
    let statement = id
        + optional(&s.title)
        + optional(&s.language)
        + optional(&s.reference)
        + optional(&s.source.attribution)
        + optional(&s.source.url)
        + optional(&s.source.via)
        + optional(&s.source_text)
        + s.fixity.as_ref().map_or(0, |f| text(&f.digest))
        + 6 * CELL
        + 2 * TIMESTAMP;
    let issuers: usize = s.issuers.iter().map(|i| id + text(&i.name) + optional(&i.role) + 2 * CELL).sum();
    let lists: usize = s.places.iter().chain(&s.keywords).map(|t| id + text(t) + CELL).sum();
    let paragraphs: usize = s
        .paragraphs
        .iter()
        .map(|p| id + text(&p.id) + optional(&p.number) + text(&p.text) + optional(&p.speaker) + 4 * CELL)
        .sum();
    let commitments: usize = s
        .commitments
        .iter()
        .map(|c| {
            let row = id
                + text(&c.id)
                + text(&c.paragraph)
                + text(&c.quote)
                + optional(&c.actor)
                + optional(&c.actor_resolved)
                + optional(&c.addressee)
                + optional(&c.cue)
                + optional(&c.intensifier)
                + optional(&c.method.rule)
                + optional(&c.method.codebook)
                + optional(&c.method.annotator)
                + 11 * CELL;
            let references: usize = c.references.iter().map(|r| id + text(&c.id) + text(r) + CELL).sum();
            let assessments: usize = c
                .assessments
                .iter()
                .map(|a| id + text(&c.id) + optional(&a.evidence) + text(&a.assessor) + 4 * CELL)
                .sum();
            row + references + assessments
        })
        .sum();
    let notes: usize = s.notes.iter().map(|n| id + text(&n.code) + text(&n.message) + 3 * CELL).sum();
    statement + issuers + lists + paragraphs + commitments + notes
}

/// One statement formatted as the rows of every table, by [`CsvSerializer::prepare`],
/// ready for [`DirCsvSerializer::write_prepared`].
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
    /// The rows of every table, table after table.
    bytes: Vec<u8>,
    /// Where the rows of each table end in `bytes`.
    ends: [usize; 10],
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
        let end = *self.ends.get(table)?;
        let start = table.checked_sub(1).map_or(0, |previous| self.ends[previous]);
        Some((&self.bytes[start..end], self.rows[table]))
    }

    /// Number of bytes the statement adds to the folder, over all tables.
    #[must_use]
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }
}

/// A CSV folder being written; made by [`CsvSerializer::for_dir`].
///
/// Rows are appended to the tables as statements come, so memory does not grow with
/// their number. Call [`DirCsvSerializer::finish`] at the end: only then are the
/// descriptors written, and a folder without `csv-metadata.json` is refused by the
/// reader.
#[derive(Debug)]
#[must_use]
pub struct DirCsvSerializer {
    dir: PathBuf,
    excel_safe: bool,
    tables: Vec<TableWriter>,
    previous_id: Option<String>,
    statements: u64,
}

/// The writer of a CSV folder before it took the shape of the other format crates.
#[deprecated(note = "renamed DirCsvSerializer")]
pub type CsvDirWriter = DirCsvSerializer;

/// What [`DirCsvSerializer::finish`] wrote: the folder, and each table's rows, size and
/// SHA-256 (a folder's counterpart of the writer a stream serializer's `finish` returns).
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
    /// Formats one statement exactly as [`DirCsvSerializer::serialize_statement`] would
    /// write it, without writing: the rows of every table as bytes. Pure, so many
    /// statements can be prepared on many threads and then written, in order, with
    /// [`DirCsvSerializer::write_prepared`] of a writer of the same configuration.
    ///
    /// # Errors
    ///
    /// [`CsvSerializeError`] when two commitments of the statement share an eId, or a
    /// date or timestamp has a year without a four-digit form (see
    /// [`DirCsvSerializer::serialize_statement`]). The check against the statement
    /// written before is [`DirCsvSerializer::write_prepared`]'s, as it depends on the
    /// order.
    pub fn prepare(&self, statement: &Statement) -> Result<PreparedStatement, CsvSerializeError> {
        check(statement)?;
        let s = statement;
        let mut c = Cells::new(&s.id, self.excel_safe, capacity_hint(s));
        table::rows(s, &mut c);
        let Cells { mut out, empties, empty_rows, mut ends, mut rows, .. } = c;
        out.extend_from_slice(&empties);
        (ends[9], rows[9]) = (out.len(), empty_rows);

        Ok(PreparedStatement { id: s.id.clone(), excel_safe: self.excel_safe, bytes: out, ends, rows })
    }
}

/// Refuses, before any row is made, what would not read back the same (the checks that
/// depend on the statement alone).
fn check(s: &Statement) -> Result<(), CsvSerializeError> {
    let refuse = |message: String| Err(CsvSerializeError::new(&s.id, message));
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

impl DirCsvSerializer {
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
    /// any row is written ([`CsvSerializeError`]): a statement with the same id as the
    /// one written just before it (its rows would merge with the previous statement's),
    /// and two commitments of one statement sharing an eId (their references and
    /// assessments are joined by it). A date or timestamp whose year has no four-digit
    /// form is refused too. Ids must be unique in the whole folder for the descriptors'
    /// primary keys to hold; only the consecutive case is checked here, so that memory
    /// stays constant.
    ///
    /// It is [`CsvSerializer::prepare`] followed by [`DirCsvSerializer::write_prepared`],
    /// so the statement's own faults are reported before the check against the
    /// statement written before it.
    ///
    /// # Errors
    ///
    /// A refused statement as an I/O error of kind [`io::ErrorKind::InvalidInput`]
    /// holding the [`CsvSerializeError`] (nothing of it is written, and the writer can go
    /// on with the next statement); the I/O error, naming the table, when a table cannot
    /// be written.
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        let prepared = CsvSerializer { excel_safe: self.excel_safe }.prepare(statement)?;
        self.write_prepared(&prepared)
    }

    /// Appends a statement made by [`CsvSerializer::prepare`]: the same rows, in the
    /// same order, as [`DirCsvSerializer::serialize_statement`] of that statement would
    /// write. Prepared statements must come in the order the statements are to be
    /// written.
    ///
    /// # Errors
    ///
    /// An I/O error of kind [`io::ErrorKind::InvalidInput`] holding a
    /// [`CsvSerializeError`], before any row is written, when the statement has the same
    /// id as the one written just before it, or was prepared with another `excel_safe`
    /// setting than this writer's (the descriptors would misdescribe its cells); the I/O
    /// error, naming the table, when a table cannot be written.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        let refuse = |message: String| Err(CsvSerializeError::new(&prepared.id, message).into());
        if prepared.excel_safe != self.excel_safe {
            return refuse(format!(
                "was prepared with excel_safe {}, but this folder is written with excel_safe {}",
                prepared.excel_safe, self.excel_safe
            ));
        }
        if self.previous_id.as_deref() == Some(prepared.id.as_str()) {
            return refuse("has the same id as the statement written just before it".into());
        }
        for (i, table) in self.tables.iter_mut().enumerate() {
            if let Some((bytes, rows)) = prepared.table(i) {
                table.append(bytes, rows)?;
            }
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
    /// The I/O error, naming the file, when a table cannot be flushed or a descriptor
    /// written.
    pub fn finish(self) -> io::Result<CsvSummary> {
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
fn write_atomically(dir: &Path, name: &str, text: &str) -> io::Result<()> {
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
        file_error(&path, e)
    })
}
