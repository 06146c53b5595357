//! One parser for every format: [`StatementParser::from_format`].

use crate::{Format, StatementParseError, StatementSyntaxError};
use communique_akn::AknParser;
use communique_csv::{CsvParser, DirCsvParser};
use communique_html::warc::WarcReader;
use communique_jsonld::{JsonLdParser, ReaderJsonLdParser};
use communique_model::chrono::NaiveDate;
use communique_model::json::{JsonLinesParser, ReaderJsonLinesParser, UnparsedJsonLine};
use communique_model::{Statement, TextPosition};
use communique_parquet::{DirParquetParser, ParquetParser};
use communique_tei::TeiParser;
use communique_text::{IngestOptions, InputFormat};
use communique_xml::{ReaderXmlParser, XmlParser};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Reads statements in any [`Format`], chosen by value, as oxrdfio's `RdfParser` reads
/// any RDF syntax: the one entry point to every format crate's parser.
///
/// [`for_reader`](Self::for_reader) reads a stream (every format but CSV and Parquet),
/// [`for_path`](Self::for_path) a file or, for CSV and Parquet, a folder of tables. Both give a
/// [`ReaderStatementParser`], an iterator of `Result<Statement, StatementParseError>`;
/// its [`next_unparsed`](ReaderStatementParser::next_unparsed) splits reading from
/// parsing, so that statements are parsed on many threads and come out in input order.
/// Plain text, Markdown and HTML pages are ingested ([`communique_text::ingest`]): one
/// statement an input; a JSON, Akoma Ntoso or TEI document holds one statement too; a WARC
/// file holds one a `response` record of an HTML page, ingested with the record's target
/// URI as the source address and its date as the date retrieved. Which of the XML
/// vocabularies a `.xml` file holds is [`Format::from_path`]'s to tell. What is read is
/// not [validated](Statement::validate): call that too.
///
/// ```
/// use communique::{Format, StatementParser};
/// let jsonl = "{\"id\":\"a\",\"kind\":\"other\"}\n{\"id\":\"b\",\"kind\":\"speech\"}\n";
/// let statements = StatementParser::from_format(Format::JsonLines)
///     .for_reader(jsonl.as_bytes())
///     .collect::<Result<Vec<_>, _>>()?;
/// assert_eq!(statements.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
/// # Ok::<(), communique::StatementParseError>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct StatementParser {
    format: Format,
    ingest: Arc<IngestOptions>,
}

/// Bytes a file opened by [`StatementParser::for_path`] is read in.
const READ_BUFFER: usize = 64 * 1024;

impl StatementParser {
    /// A parser of `format`, with the default settings.
    pub fn from_format(format: Format) -> Self {
        Self { format, ingest: Arc::default() }
    }

    /// The format read.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// The ingest settings for plain text and Markdown (language, id, source address,
    /// date retrieved); their `format` is this parser's. Other formats ignore them.
    pub fn with_ingest_options(mut self, options: IngestOptions) -> Self {
        self.ingest = Arc::new(options);
        self
    }

    /// An iterator over the statements of the input `reader` holds, in order.
    ///
    /// A folder of tables is no stream: for [`Format::Csv`] and [`Format::Parquet`] the
    /// iterator yields one error (use [`for_path`](Self::for_path)).
    pub fn for_reader<R: BufRead>(self, reader: R) -> ReaderStatementParser<R> {
        let consumed = Arc::new(AtomicU64::new(0));
        let inner = match self.format {
            Format::JsonLines => Inner::JsonLines(JsonLinesParser::default().for_reader(reader)),
            Format::Xml => Inner::Xml(
                XmlParser::default().for_reader(Counted { inner: reader, consumed: consumed.clone() }),
            ),
            Format::JsonLd => Inner::JsonLd(
                JsonLdParser::default().for_reader(Counted { inner: reader, consumed: consumed.clone() }),
            ),
            Format::Warc => Inner::Warc {
                reader: WarcReader::new(Counted { inner: reader, consumed: consumed.clone() }),
                options: Arc::new(IngestOptions {
                    format: Some(InputFormat::Html),
                    ..(*self.ingest).clone()
                }),
            },
            Format::Csv | Format::Parquet => Inner::Failed(Some(
                StatementSyntaxError::other(format!(
                    "{} tables are a folder, not a stream: read them with for_path",
                    if self.format == Format::Csv { "CSV" } else { "Parquet" }
                ))
                .into(),
            )),
            format => {
                let ingest = |format| {
                    Document::Ingest(Arc::new(IngestOptions {
                        format: Some(format),
                        ..(*self.ingest).clone()
                    }))
                };
                let document = match format {
                    Format::Text => ingest(InputFormat::PlainText),
                    Format::Markdown => ingest(InputFormat::Markdown),
                    Format::Html => ingest(InputFormat::Html),
                    Format::Akn => Document::Akn,
                    Format::Tei => Document::Tei,
                    _ => Document::Json,
                };
                Inner::Document { reader: Some(reader), document }
            }
        };
        ReaderStatementParser { inner, records: 0, consumed, counted: 0 }
    }

    /// An iterator over the statements of the file at `path` or, for [`Format::Csv`] and
    /// [`Format::Parquet`], of the folder of tables at `path` (for Parquet, every set of
    /// tables in it: the shards of a conversion one after the other).
    ///
    /// # Errors
    ///
    /// [`StatementParseError::Io`] when the file cannot be opened;
    /// for CSV, the errors of [`CsvParser::for_dir`] (a missing or foreign
    /// `csv-metadata.json`, a table missing or with the wrong header); for Parquet, a
    /// syntax error when `path` is not a folder, and the errors of
    /// [`ParquetParser::for_dir`] (no statements table, a table missing, not Parquet, or
    /// with other columns).
    pub fn for_path(
        self,
        path: impl AsRef<Path>,
    ) -> Result<ReaderStatementParser<BufReader<File>>, StatementParseError> {
        let path = path.as_ref();
        if self.format == Format::Csv {
            let inner = Inner::Csv(CsvParser::default().for_dir(path)?);
            let consumed = Arc::new(AtomicU64::new(0));
            return Ok(ReaderStatementParser { inner, records: 0, consumed, counted: 0 });
        }
        if self.format == Format::Parquet {
            if !path.is_dir() {
                return Err(StatementSyntaxError::other(format!(
                    "{}: Parquet tables are read as a folder: give the folder that holds statements.parquet",
                    path.display()
                ))
                .into());
            }
            let inner = Inner::Parquet(ParquetParser::default().for_dir(path)?);
            let consumed = Arc::new(AtomicU64::new(0));
            return Ok(ReaderStatementParser { inner, records: 0, consumed, counted: 0 });
        }
        let file = File::open(path)?;
        Ok(self.for_reader(BufReader::with_capacity(READ_BUFFER, file)))
    }
}

/// A reader that counts the bytes its user consumed, for the progress of streams that
/// a format crate parses itself.
#[derive(Debug)]
struct Counted<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        self.consumed.fetch_add(count as u64, Ordering::Relaxed);
        Ok(count)
    }

    /// The inner reader's own `read_to_end`, which may know the input's size (a file's)
    /// and read it into a buffer of that size at once, rather than one grown by doubling.
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        let count = self.inner.read_to_end(buf)?;
        self.consumed.fetch_add(count as u64, Ordering::Relaxed);
        Ok(count)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed.fetch_add(amount as u64, Ordering::Relaxed);
        self.inner.consume(amount);
    }
}

/// The statements of one input, in order; made by [`StatementParser::for_reader`] or
/// [`StatementParser::for_path`].
///
/// Yields each statement, or the error of the record at fault. How reading goes on after
/// an error is the format's: JSON Lines reads on to the next line and JSON-LD to the next
/// node of `@graph`; XML and CSV stop (their input cannot be resynchronised reliably).
#[derive(Debug)]
#[must_use]
pub struct ReaderStatementParser<R: BufRead> {
    inner: Inner<R>,
    /// Records handed out so far.
    records: u64,
    /// Bytes a streaming format crate consumed, and how many of them were counted for
    /// the records handed out.
    consumed: Arc<AtomicU64>,
    counted: u64,
}

#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one for each input, never moved while reading
enum Inner<R: BufRead> {
    /// One statement, the whole input; `reader` is taken when it is read.
    Document {
        reader: Option<R>,
        document: Document,
    },
    JsonLines(ReaderJsonLinesParser<R>),
    Xml(ReaderXmlParser<Counted<R>>),
    JsonLd(ReaderJsonLdParser<Counted<R>>),
    Csv(DirCsvParser),
    Parquet(DirParquetParser),
    /// A web archive: its HTML responses, each ingested with `options` and what the
    /// record says (target URI, date, charset).
    Warc {
        reader: WarcReader<Counted<R>>,
        options: Arc<IngestOptions>,
    },
    Failed(Option<StatementParseError>),
}

/// What an input that is one statement holds.
#[derive(Debug, Clone)]
enum Document {
    Json,
    Akn,
    Tei,
    /// A text to ingest, with the options for its format.
    Ingest(Arc<IngestOptions>),
}

impl<R: BufRead> ReaderStatementParser<R> {
    /// The next record, read but not yet parsed where the format allows it, or the error
    /// that stops reading it.
    ///
    /// JSON Lines records, JSON, Akoma Ntoso and TEI documents and texts to ingest come
    /// out unparsed: the costly part, [`UnparsedStatement::parse`], can run on another
    /// thread (an [`UnparsedStatement`] owns its bytes and is `Send + Sync`). XML and
    /// JSON-LD, and the tables of CSV and Parquet are parsed here, as their records have
    /// no boundaries to split on before parsing.
    /// The iterator's `next` is exactly this and `parse` in turn.
    pub fn next_unparsed(&mut self) -> Option<Result<UnparsedStatement, StatementParseError>> {
        let record = self.records + 1;
        let streamed = |result: Option<Result<Statement, StatementParseError>>| {
            Some(result?.map(|statement| Unparsed::Parsed(Box::new(statement))))
        };
        let (position, byte_len, result) = match &mut self.inner {
            Inner::Document { reader, document } => {
                let mut reader = reader.take()?;
                let mut bytes = Vec::new();
                if let Err(error) = reader.read_to_end(&mut bytes) {
                    return Some(Err(error.into()));
                }
                let len = bytes.len() as u64;
                let unparsed = match document {
                    Document::Json => Unparsed::Json(bytes),
                    Document::Akn => Unparsed::Akn(bytes),
                    Document::Tei => Unparsed::Tei(bytes),
                    Document::Ingest(options) => Unparsed::Ingest { bytes, options: options.clone() },
                };
                (TextPosition::default(), len, Ok(unparsed))
            }
            Inner::JsonLines(reader) => match reader.next_unparsed()? {
                Ok(line) => {
                    let position = line.position().clone();
                    let len = line.as_bytes().len() as u64 + 1;
                    (position, len, Ok(Unparsed::JsonLine(line)))
                }
                Err(error) => (TextPosition::default(), 0, Err(error.into())),
            },
            Inner::Xml(reader) => {
                let result = streamed(reader.next().map(|r| r.map_err(Into::into)))?;
                (TextPosition::default().with_record(record), self.newly_consumed(), result)
            }
            Inner::JsonLd(reader) => {
                let result = streamed(reader.next().map(|r| r.map_err(Into::into)))?;
                (TextPosition::default().with_record(record), self.newly_consumed(), result)
            }
            Inner::Csv(reader) => {
                let result = streamed(reader.next().map(|r| r.map_err(Into::into)))?;
                (TextPosition::default().with_record(record), 0, result)
            }
            Inner::Parquet(reader) => {
                let result = streamed(reader.next().map(|r| r.map_err(Into::into)))?;
                (TextPosition::default().with_record(record), 0, result)
            }
            Inner::Warc { reader, options } => loop {
                let record = match reader.next()? {
                    Ok(record) => record,
                    Err(error) => return Some(Err(StatementSyntaxError::warc(error).into())),
                };
                let position =
                    TextPosition::default().with_record(record.number()).with_byte_offset(record.offset());
                let response = match record.html_response() {
                    Ok(Some(response)) => response,
                    // A request, metadata, an image: not a page.
                    Ok(None) => continue,
                    Err(error) => return Some(Err(StatementSyntaxError::warc(error).into())),
                };
                let retrieved = response
                    .date
                    .as_deref()
                    .and_then(|d| d.get(..10))
                    .and_then(|d| d.parse::<NaiveDate>().ok());
                let options = Arc::new(IngestOptions {
                    source_url: Some(response.target_uri.clone()),
                    retrieved: retrieved.or(options.retrieved),
                    charset: response.charset().map(str::to_owned),
                    ..(**options).clone()
                });
                let byte_len = self.consumed.load(Ordering::Relaxed).saturating_sub(self.counted);
                self.counted += byte_len;
                break (position, byte_len, Ok(Unparsed::Ingest { bytes: response.payload, options }));
            },
            Inner::Failed(error) => return error.take().map(Err),
        };
        self.records = record;
        Some(result.map(|kind| UnparsedStatement { position, byte_len, kind }))
    }

    /// Bytes consumed since the last call.
    fn newly_consumed(&mut self) -> u64 {
        let consumed = self.consumed.load(Ordering::Relaxed);
        let new = consumed.saturating_sub(self.counted);
        self.counted = consumed;
        new
    }
}

impl<R: BufRead> Iterator for ReaderStatementParser<R> {
    type Item = Result<Statement, StatementParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(self.next_unparsed()?.and_then(UnparsedStatement::parse))
    }
}

/// One record as read, not yet parsed where its format allows; made by
/// [`ReaderStatementParser::next_unparsed`].
///
/// Owns (a share of) its bytes and is `Send + Sync`, so it can be parsed on any thread.
#[derive(Debug, Clone)]
pub struct UnparsedStatement {
    position: TextPosition,
    byte_len: u64,
    kind: Unparsed,
}

#[derive(Debug, Clone)]
enum Unparsed {
    /// A statement a streaming format crate already parsed.
    Parsed(Box<Statement>),
    JsonLine(UnparsedJsonLine),
    Json(Vec<u8>),
    Akn(Vec<u8>),
    Tei(Vec<u8>),
    Ingest {
        bytes: Vec<u8>,
        options: Arc<IngestOptions>,
    },
}

impl UnparsedStatement {
    /// Where the record is in its input: for JSON Lines its line, byte offset and record
    /// number; for XML, JSON-LD, CSV and Parquet its record number; for WARC the number
    /// of the WARC record (from 1, every record counted) and its byte offset; unknown for
    /// an input that is one statement (JSON, Akoma Ntoso, TEI, text, Markdown, HTML).
    #[must_use]
    pub fn position(&self) -> &TextPosition {
        &self.position
    }

    /// Bytes of the input the record accounts for, for progress: the document or the
    /// line with its line break; for a streamed format, what was read since the record
    /// before (0 for tables of CSV or Parquet).
    #[must_use]
    pub fn byte_len(&self) -> u64 {
        self.byte_len
    }

    /// Parses the record (ingests a text); not [validated](Statement::validate).
    ///
    /// # Errors
    ///
    /// [`StatementParseError::Syntax`] when the record is not a statement: positioned in
    /// the input for JSON, JSON Lines, Akoma Ntoso and TEI; the ingest error's text for
    /// plain text, Markdown and HTML (with the record and byte offset for a page of a
    /// WARC file).
    pub fn parse(self) -> Result<Statement, StatementParseError> {
        Ok(match self.kind {
            Unparsed::Parsed(statement) => *statement,
            Unparsed::JsonLine(line) => line.parse()?,
            Unparsed::Json(bytes) => communique_model::json::from_slice(&bytes)?,
            Unparsed::Akn(bytes) => AknParser::default().parse_slice(&bytes)?,
            Unparsed::Tei(bytes) => TeiParser::default().parse_slice(&bytes)?,
            Unparsed::Ingest { bytes, options } => communique_text::ingest(&bytes, &options)
                .map_err(|error| StatementSyntaxError::ingest(error.to_string(), self.position))?,
        })
    }

    /// Every way the record's JSON fails the statement's JSON Schema, for a JSON
    /// document or JSON Lines record; `None` for other formats, whose records are checked
    /// by reading them (the schema describes the JSON form).
    ///
    /// # Errors
    ///
    /// The [`StatementSyntaxError`] of JSON that is not well-formed, positioned in the
    /// input, inside the `Some`.
    #[cfg(feature = "schema-validation")]
    pub fn check_schema(
        &self,
        validator: &communique_model::schema::SchemaValidator,
    ) -> Option<Result<Vec<communique_model::schema::SchemaError>, StatementSyntaxError>> {
        match &self.kind {
            Unparsed::JsonLine(line) => Some(line.check_schema(validator).map_err(Into::into)),
            Unparsed::Json(bytes) => Some(validator.check_json(bytes).map_err(Into::into)),
            Unparsed::Parsed(_) | Unparsed::Akn(_) | Unparsed::Tei(_) | Unparsed::Ingest { .. } => None,
        }
    }
}
