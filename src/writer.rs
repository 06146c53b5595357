//! One serializer for every format: [`StatementSerializer::from_format`].

use crate::{Format, StatementSerializeError, file_stem};
use communique_akn::{AknSerializer, WriterAknSerializer};
use communique_csv::{CsvSerializer, DirCsvSerializer};
use communique_jsonld::{InvalidBaseIri, JsonLdSerializer, WriterJsonLdSerializer};
use communique_model::Statement;
use communique_model::json::{JsonLinesSerializer, WriterJsonLinesSerializer};
use communique_parquet::{DirParquetSerializer, ParquetSerializer, Shard};
use communique_tei::{TeiSerializer, WriterTeiSerializer};
use communique_xml::{WriterXmlSerializer, XmlSerializer};
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes statements in any writable [`Format`], chosen by value, as oxrdfio's
/// `RdfSerializer` writes any RDF syntax: the one entry point to every format crate's
/// serializer.
///
/// [`for_writer`](Self::for_writer) writes one stream: JSON Lines, the XML collection,
/// the JSON-LD document, or one JSON, Akoma Ntoso or TEI document (a single statement).
/// [`for_dir`](Self::for_dir) writes a folder: the CSV tables with their descriptors, the
/// Parquet tables with theirs, or one JSON, Akoma Ntoso or TEI file a statement. Writing
/// splits into [`prepare`](Self::prepare) (pure: many
/// statements are formatted on many threads, the serializer is `Send + Sync`) and
/// `write_prepared` (in order, with whatever depends on the statements before: separators,
/// the CSV tables' hashes); `serialize_statement` is exactly the two in turn, so the bytes
/// are the same either way.
///
/// ```
/// use communique::model::Statement;
/// use communique::{Format, StatementParser, StatementSerializer};
///
/// let statement = Statement::builder().id("s1").body("We stand united.").build()?;
/// let serializer = StatementSerializer::from_format(Format::Xml);
/// let prepared = serializer.prepare(&statement)?; // on any thread
/// let mut writer = serializer.for_writer(Vec::new());
/// writer.write_prepared(&prepared)?;
/// let xml = writer.finish()?;
/// let back = StatementParser::from_format(Format::Xml).for_reader(xml.as_slice()).collect::<Result<Vec<_>, _>>()?;
/// assert_eq!(back, [statement]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct StatementSerializer {
    kind: SerializerKind,
}

#[derive(Debug, Clone)]
enum SerializerKind {
    Json,
    JsonLines(JsonLinesSerializer),
    Csv(CsvSerializer),
    Xml(XmlSerializer),
    JsonLd(JsonLdSerializer),
    Akn(AknSerializer),
    Tei(TeiSerializer),
    Parquet(ParquetSerializer),
    /// Plain text and Markdown: read, never written.
    InputOnly(Format),
}

impl StatementSerializer {
    /// A serializer of `format` with the default settings. The formats that are only
    /// read ([`Format::is_writable`] is false) give a serializer that refuses every
    /// statement with a [`StatementSerializeError`] (from `prepare`) or an I/O error of
    /// kind [`io::ErrorKind::Unsupported`].
    pub fn from_format(format: Format) -> Self {
        let kind = match format {
            Format::Json => SerializerKind::Json,
            Format::JsonLines => SerializerKind::JsonLines(JsonLinesSerializer::default()),
            Format::Csv => SerializerKind::Csv(CsvSerializer::default()),
            Format::Xml => SerializerKind::Xml(XmlSerializer::default()),
            Format::JsonLd => SerializerKind::JsonLd(JsonLdSerializer::default()),
            Format::Akn => SerializerKind::Akn(AknSerializer::default()),
            Format::Tei => SerializerKind::Tei(TeiSerializer::default()),
            Format::Parquet => SerializerKind::Parquet(ParquetSerializer::default()),
            other => SerializerKind::InputOnly(other),
        };
        Self { kind }
    }

    /// The format written.
    #[must_use]
    pub fn format(&self) -> Format {
        match &self.kind {
            SerializerKind::Json => Format::Json,
            SerializerKind::JsonLines(_) => Format::JsonLines,
            SerializerKind::Csv(_) => Format::Csv,
            SerializerKind::Xml(_) => Format::Xml,
            SerializerKind::JsonLd(_) => Format::JsonLd,
            SerializerKind::Akn(_) => Format::Akn,
            SerializerKind::Tei(_) => Format::Tei,
            SerializerKind::Parquet(_) => Format::Parquet,
            SerializerKind::InputOnly(format) => *format,
        }
    }

    /// JSON-LD node IRIs start with `base_iri`
    /// ([`JsonLdSerializer::with_base_iri`]); other formats have no node IRIs and ignore
    /// it.
    ///
    /// # Errors
    ///
    /// [`InvalidBaseIri`] for JSON-LD, unless `base_iri` is an absolute IRI without a
    /// fragment (RFC 3987).
    pub fn with_base_iri(mut self, base_iri: impl Into<String>) -> Result<Self, InvalidBaseIri> {
        if let SerializerKind::JsonLd(serializer) = self.kind {
            self.kind = SerializerKind::JsonLd(serializer.with_base_iri(base_iri)?);
        }
        Ok(self)
    }

    /// CSV cells a spreadsheet would run as formulas get an apostrophe, recorded in the
    /// descriptors so the reader takes it off again ([`CsvSerializer::with_excel_safe`]);
    /// other formats ignore it.
    pub fn with_excel_safe(mut self, excel_safe: bool) -> Self {
        if let SerializerKind::Csv(serializer) = self.kind {
            self.kind = SerializerKind::Csv(serializer.with_excel_safe(excel_safe));
        }
        self
    }

    /// Lets a format spread its own encoding over threads (`true`) or keep it on the
    /// thread that writes the statements (`false`). Only Parquet has such work: each table
    /// encoded, compressed and hashed on a thread of its own
    /// ([`ParquetSerializer::with_encoder_threads`]); its files are the same byte for byte
    /// either way. Other formats ignore it.
    pub fn with_threads(mut self, threads: bool) -> Self {
        if let SerializerKind::Parquet(serializer) = self.kind {
            self.kind = SerializerKind::Parquet(serializer.with_encoder_threads(threads));
        }
        self
    }

    /// Writes the tables of one shard of a conversion, under names that keep the shards of
    /// one folder apart ([`ParquetSerializer::with_shard`]: `commitments-2-of-4.parquet`);
    /// other formats ignore it (their outputs are named apart by whoever places them).
    pub fn with_shard(mut self, shard: Option<Shard>) -> Self {
        if let SerializerKind::Parquet(serializer) = self.kind {
            self.kind = SerializerKind::Parquet(serializer.with_shard(shard));
        }
        self
    }

    /// Formats one statement exactly as `serialize_statement` would write it, without
    /// writing: pure, so many statements can be prepared on many threads and then written
    /// in order with `write_prepared` of a writer of this serializer (XML and CSV
    /// writers refuse what another configuration prepared).
    ///
    /// # Errors
    ///
    /// [`StatementSerializeError`] when the format cannot carry the statement (XML, Akoma
    /// Ntoso, TEI: a character XML 1.0 cannot carry in an attribute, a year outside
    /// 0001–9999; CSV: two commitments sharing an eId, a year without four digits;
    /// Parquet: two commitments sharing an eId, a timestamp's year without four digits, a
    /// number beyond an `INT64`), or writes nothing at all (plain text, Markdown). JSON,
    /// JSON Lines and JSON-LD carry every statement.
    pub fn prepare(&self, statement: &Statement) -> Result<PreparedStatement, StatementSerializeError> {
        Ok(PreparedStatement(match &self.kind {
            SerializerKind::Json => Prepared::Json {
                id: statement.id.clone(),
                text: communique_model::json::to_string_pretty(statement),
            },
            SerializerKind::JsonLines(serializer) => Prepared::JsonLines(serializer.prepare(statement)),
            SerializerKind::Csv(serializer) => Prepared::Csv(serializer.prepare(statement)?),
            SerializerKind::Xml(serializer) => Prepared::Xml(serializer.prepare(statement)?),
            SerializerKind::JsonLd(serializer) => Prepared::JsonLd(serializer.prepare(statement)),
            SerializerKind::Akn(serializer) => {
                Prepared::Akn { id: statement.id.clone(), document: serializer.prepare(statement)? }
            }
            SerializerKind::Tei(serializer) => {
                Prepared::Tei { id: statement.id.clone(), document: serializer.prepare(statement)? }
            }
            SerializerKind::Parquet(serializer) => Prepared::Parquet(serializer.prepare(statement)?),
            SerializerKind::InputOnly(format) => return Err(StatementSerializeError::input_only(*format)),
        }))
    }

    /// Whether [`prepare`](Self::prepare) would accept `statement`, without keeping its
    /// output: `Ok` exactly when `prepare` is `Ok`. Formats that carry every statement
    /// (JSON, JSON Lines, JSON-LD) answer at once; XML, Akoma Ntoso, TEI and Parquet
    /// lay the statement out into nothing (the time of `prepare`, little memory); CSV
    /// prepares it and drops the result (the time and memory of `prepare`). A caller
    /// writing a large statement straight into several outputs (`serialize_statement`)
    /// checks every format first, so that no output gets the statement unless all of
    /// them take it.
    ///
    /// # Errors
    ///
    /// The [`StatementSerializeError`] `prepare` would give.
    pub fn check(&self, statement: &Statement) -> Result<(), StatementSerializeError> {
        match &self.kind {
            SerializerKind::Json | SerializerKind::JsonLines(_) | SerializerKind::JsonLd(_) => Ok(()),
            SerializerKind::Xml(serializer) => Ok(serializer.check(statement)?),
            SerializerKind::Akn(serializer) => Ok(serializer.check(statement)?),
            SerializerKind::Tei(serializer) => Ok(serializer.check(statement)?),
            SerializerKind::Parquet(serializer) => Ok(serializer.check(statement)?),
            _ => self.prepare(statement).map(drop),
        }
    }

    /// A writer of one stream into `writer` (wrap files in a `BufWriter`): JSON Lines, the
    /// XML collection, the JSON-LD document, or one JSON, Akoma Ntoso or TEI document,
    /// which holds exactly one statement. CSV and Parquet are folders: their writer
    /// refuses every statement and `finish` with an I/O error of kind
    /// [`io::ErrorKind::Unsupported`] (use [`for_dir`](Self::for_dir)).
    pub fn for_writer<W: Write>(self, writer: W) -> WriterStatementSerializer<W> {
        let inner = match self.kind {
            SerializerKind::Json => WriterKind::Json { writer, written: false },
            SerializerKind::JsonLines(serializer) => WriterKind::JsonLines(serializer.for_writer(writer)),
            SerializerKind::Xml(serializer) => WriterKind::Xml(serializer.for_writer(writer)),
            SerializerKind::JsonLd(serializer) => WriterKind::JsonLd(serializer.for_writer(writer)),
            SerializerKind::Akn(serializer) => WriterKind::Akn(serializer.for_writer(writer)),
            SerializerKind::Tei(serializer) => WriterKind::Tei(serializer.for_writer(writer)),
            SerializerKind::Csv(_) => WriterKind::NotAStream(Format::Csv),
            SerializerKind::Parquet(_) => WriterKind::NotAStream(Format::Parquet),
            SerializerKind::InputOnly(format) => WriterKind::NotAStream(format),
        };
        WriterStatementSerializer { inner }
    }

    /// A writer of a folder at `dir`, created when missing: the CSV tables with their
    /// CSVW and Frictionless descriptors ([`CsvSerializer::for_dir`]), the Parquet tables
    /// with their Data Package descriptor ([`ParquetSerializer::for_dir`]), or one file a
    /// statement — a pretty JSON document `<id>.json`, an Akoma Ntoso or a TEI document
    /// `<id>.xml` — named from the id made safe by [`file_stem`] (a second id with the
    /// same name, compared without case, gets `-2`, `-3`, …).
    ///
    /// # Errors
    ///
    /// An I/O error of kind [`io::ErrorKind::AlreadyExists`] when `dir` holds a file the
    /// writer would write (nothing is overwritten); of kind
    /// [`io::ErrorKind::Unsupported`] for formats that are one stream (use
    /// [`for_writer`](Self::for_writer)) or only read; the I/O error of creating the
    /// folder or a table.
    pub fn for_dir(self, dir: impl AsRef<Path>) -> io::Result<DirStatementSerializer> {
        let dir = dir.as_ref();
        let inner = match self.kind {
            SerializerKind::Csv(serializer) => DirKind::Csv(serializer.for_dir(dir)?),
            SerializerKind::Parquet(serializer) => DirKind::Parquet(serializer.for_dir(dir)?),
            SerializerKind::Json | SerializerKind::Akn(_) | SerializerKind::Tei(_) => {
                std::fs::create_dir_all(dir)?;
                DirKind::Files { format: self.format(), dir: dir.to_path_buf(), used: HashSet::new() }
            }
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::Unsupported,
                    format!("{} is not written as a folder", self.format()),
                ));
            }
        };
        Ok(DirStatementSerializer { inner })
    }
}

/// One statement formatted by [`StatementSerializer::prepare`], ready for
/// `write_prepared` of a writer of the same serializer. Owned, `Send + Sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedStatement(Prepared);

#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // made once per statement and format, moved once
enum Prepared {
    Json { id: String, text: String },
    JsonLines(communique_model::json::PreparedStatement),
    Csv(communique_csv::PreparedStatement),
    Xml(communique_xml::PreparedStatement),
    JsonLd(communique_jsonld::PreparedStatement),
    Akn { id: String, document: communique_akn::PreparedStatement },
    Tei { id: String, document: communique_tei::PreparedStatement },
    Parquet(communique_parquet::PreparedStatement),
}

impl Prepared {
    fn format(&self) -> Format {
        match self {
            Self::Json { .. } => Format::Json,
            Self::JsonLines(_) => Format::JsonLines,
            Self::Csv(_) => Format::Csv,
            Self::Xml(_) => Format::Xml,
            Self::JsonLd(_) => Format::JsonLd,
            Self::Akn { .. } => Format::Akn,
            Self::Tei { .. } => Format::Tei,
            Self::Parquet(_) => Format::Parquet,
        }
    }

    /// The record's id and its bytes, for a format written one file a statement.
    fn as_file(&self) -> Option<(&str, &[u8])> {
        match self {
            Self::Json { id, text } => Some((id, text.as_bytes())),
            Self::Akn { id, document } => Some((id, document.as_bytes())),
            Self::Tei { id, document } => Some((id, document.as_bytes())),
            _ => None,
        }
    }
}

/// A statement prepared for another format than the writer's.
fn mismatch(prepared: &Prepared, writer: Format) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("a statement prepared as {} given to a {writer} writer", prepared.format()),
    )
}

/// Writes one stream of statements; made by [`StatementSerializer::for_writer`].
#[derive(Debug)]
#[must_use]
pub struct WriterStatementSerializer<W: Write> {
    inner: WriterKind<W>,
}

#[derive(Debug)]
enum WriterKind<W: Write> {
    Json { writer: W, written: bool },
    JsonLines(WriterJsonLinesSerializer<W>),
    Xml(WriterXmlSerializer<W>),
    JsonLd(WriterJsonLdSerializer<W>),
    Akn(WriterAknSerializer<W>),
    Tei(WriterTeiSerializer<W>),
    NotAStream(Format),
}

impl<W: Write> WriterKind<W> {
    fn format(&self) -> Format {
        match self {
            Self::Json { .. } => Format::Json,
            Self::JsonLines(_) => Format::JsonLines,
            Self::Xml(_) => Format::Xml,
            Self::JsonLd(_) => Format::JsonLd,
            Self::Akn(_) => Format::Akn,
            Self::Tei(_) => Format::Tei,
            Self::NotAStream(format) => *format,
        }
    }
}

/// A second statement given to a JSON document.
fn second_json_document() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "a JSON document holds one statement: write JSON Lines, or JSON files into a folder",
    )
}

fn not_a_stream(format: Format) -> io::Error {
    let message = if format.is_writable() {
        format!("{format} is written as a folder: use StatementSerializer::for_dir")
    } else {
        format!("{format} is an input format only: it cannot be written")
    };
    io::Error::new(io::ErrorKind::Unsupported, message)
}

impl<W: Write> WriterStatementSerializer<W> {
    /// Writes one statement: [`StatementSerializer::prepare`], then
    /// [`write_prepared`](Self::write_prepared).
    ///
    /// # Errors
    ///
    /// The writer's I/O error; a statement the format cannot carry as an error of kind
    /// [`io::ErrorKind::InvalidInput`] holding the format crate's error (nothing of it is
    /// written); as [`write_prepared`](Self::write_prepared).
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        match &mut self.inner {
            WriterKind::JsonLines(writer) => writer.serialize_statement(statement),
            WriterKind::Xml(writer) => writer.serialize_statement(statement),
            WriterKind::JsonLd(writer) => writer.serialize_statement(statement),
            WriterKind::Akn(writer) => writer.serialize_statement(statement),
            WriterKind::Tei(writer) => writer.serialize_statement(statement),
            WriterKind::Json { writer, written } => {
                if *written {
                    return Err(second_json_document());
                }
                communique_model::json::to_writer_pretty(&mut *writer, statement)?;
                *written = true;
                Ok(())
            }
            WriterKind::NotAStream(format) => Err(not_a_stream(*format)),
        }
    }

    /// Writes a statement made by [`StatementSerializer::prepare`] of the serializer this
    /// writer came from.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an error of kind [`io::ErrorKind::InvalidInput`] for a
    /// statement prepared for another format or configuration, or a second statement
    /// given to a JSON, Akoma Ntoso or TEI document; of kind
    /// [`io::ErrorKind::Unsupported`] for a writer of a folder format.
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        match (&mut self.inner, &prepared.0) {
            (WriterKind::JsonLines(writer), Prepared::JsonLines(prepared)) => writer.write_prepared(prepared),
            (WriterKind::Xml(writer), Prepared::Xml(prepared)) => writer.write_prepared(prepared),
            (WriterKind::JsonLd(writer), Prepared::JsonLd(prepared)) => writer.write_prepared(prepared),
            (WriterKind::Akn(writer), Prepared::Akn { document, .. }) => writer.write_prepared(document),
            (WriterKind::Tei(writer), Prepared::Tei { document, .. }) => writer.write_prepared(document),
            (WriterKind::Json { writer, written }, Prepared::Json { text, .. }) => {
                if *written {
                    return Err(second_json_document());
                }
                writer.write_all(text.as_bytes())?;
                *written = true;
                Ok(())
            }
            (WriterKind::NotAStream(format), _) => Err(not_a_stream(*format)),
            (inner, prepared) => Err(mismatch(prepared, inner.format())),
        }
    }

    /// Completes the output (the XML collection's end tag, the JSON-LD document's
    /// closing), flushes and returns the inner writer.
    ///
    /// # Errors
    ///
    /// The writer's I/O error; an error of kind [`io::ErrorKind::InvalidInput`] for a
    /// JSON, Akoma Ntoso or TEI document no statement was written to; of kind
    /// [`io::ErrorKind::Unsupported`] for a writer of a folder format.
    pub fn finish(self) -> io::Result<W> {
        match self.inner {
            WriterKind::JsonLines(writer) => writer.finish(),
            WriterKind::Xml(writer) => writer.finish(),
            WriterKind::JsonLd(writer) => writer.finish(),
            WriterKind::Akn(writer) => writer.finish(),
            WriterKind::Tei(writer) => writer.finish(),
            WriterKind::Json { mut writer, written: true } => {
                writer.flush()?;
                Ok(writer)
            }
            WriterKind::Json { written: false, .. } => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a JSON document holds one statement, and none was written",
            )),
            WriterKind::NotAStream(format) => Err(not_a_stream(format)),
        }
    }
}

/// Statements of this many paragraphs, commitments and notes or more are formatted
/// straight into their file by [`DirStatementSerializer::serialize_statement`] (JSON
/// always is).
const STREAM_PARTS: usize = 1_000;

/// Writes a folder of statements; made by [`StatementSerializer::for_dir`].
#[derive(Debug)]
#[must_use]
pub struct DirStatementSerializer {
    inner: DirKind,
}

#[derive(Debug)]
enum DirKind {
    Csv(DirCsvSerializer),
    Parquet(DirParquetSerializer),
    /// One file a statement (JSON, Akoma Ntoso, TEI); `used` holds the names taken, in
    /// lowercase.
    Files {
        format: Format,
        dir: PathBuf,
        used: HashSet<String>,
    },
}

impl DirStatementSerializer {
    /// The folder being written.
    #[must_use]
    pub fn dir(&self) -> &Path {
        match &self.inner {
            DirKind::Csv(writer) => writer.dir(),
            DirKind::Files { dir, .. } => dir,
            DirKind::Parquet(writer) => writer.dir(),
        }
    }

    /// Writes one statement: [`StatementSerializer::prepare`], then
    /// [`write_prepared`](Self::write_prepared).
    ///
    /// # Errors
    ///
    /// As [`WriterStatementSerializer::serialize_statement`].
    pub fn serialize_statement(&mut self, statement: &Statement) -> io::Result<()> {
        match &mut self.inner {
            DirKind::Csv(writer) => writer.serialize_statement(statement),
            DirKind::Parquet(writer) => writer.serialize_statement(statement),
            DirKind::Files { format, dir, used } => {
                let serializer = StatementSerializer::from_format(*format);
                let parts = statement.paragraphs.len() + statement.commitments.len() + statement.notes.len();
                if *format != Format::Json && parts < STREAM_PARTS {
                    let prepared = serializer.prepare(statement)?;
                    return self.write_prepared(&prepared);
                }
                // Refused before its file is made: nothing is written of a statement the
                // format cannot carry (the check formats into nothing).
                serializer.check(statement)?;
                // Formatted straight into its file: a large document is never held whole.
                let path = dir.join(file_name(used, &statement.id, *format));
                let write = || -> io::Result<()> {
                    let file = io::BufWriter::with_capacity(1 << 16, File::create_new(&path)?);
                    let mut writer = serializer.for_writer(file);
                    writer.serialize_statement(statement)?;
                    writer.finish()?.into_inner().map_err(io::IntoInnerError::into_error)?;
                    Ok(())
                };
                write().map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
            }
        }
    }

    /// Writes a statement made by [`StatementSerializer::prepare`] of the serializer this
    /// writer came from.
    ///
    /// # Errors
    ///
    /// The I/O error of writing, naming the file; an error of kind
    /// [`io::ErrorKind::InvalidInput`] for a statement prepared for another format or
    /// configuration, or one the CSV tables refuse after the statement before it (the
    /// same id twice in a row).
    pub fn write_prepared(&mut self, prepared: &PreparedStatement) -> io::Result<()> {
        match (&mut self.inner, &prepared.0) {
            (DirKind::Csv(writer), Prepared::Csv(prepared)) => writer.write_prepared(prepared),
            (DirKind::Parquet(writer), Prepared::Parquet(prepared)) => writer.write_prepared(prepared),
            (DirKind::Files { format, dir, used }, prepared) if prepared.format() == *format => {
                let Some((id, bytes)) = prepared.as_file() else {
                    unreachable!("a folder of files is made only for formats written one file a statement")
                };
                let path = dir.join(file_name(used, id, *format));
                let write = || -> io::Result<()> {
                    let mut file = File::create_new(&path)?;
                    file.write_all(bytes)
                };
                write().map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
            }
            (DirKind::Csv(_), prepared) => Err(mismatch(prepared, Format::Csv)),
            (DirKind::Files { format, .. }, prepared) => Err(mismatch(prepared, *format)),
            (DirKind::Parquet(_), prepared) => Err(mismatch(prepared, Format::Parquet)),
        }
    }

    /// Completes the folder (for CSV, flushes the tables and writes the descriptors; for
    /// Parquet, writes each table's last row group and footer, then the descriptor) and
    /// returns its path.
    ///
    /// # Errors
    ///
    /// The I/O error of flushing a table or writing a descriptor, naming the file.
    pub fn finish(self) -> io::Result<PathBuf> {
        match self.inner {
            DirKind::Csv(writer) => Ok(writer.finish()?.dir),
            DirKind::Files { dir, .. } => Ok(dir),
            DirKind::Parquet(writer) => Ok(writer.finish()?.dir),
        }
    }
}

/// The file name of the statement `id` in a folder of one `format` file a statement: the
/// id made safe by [`file_stem`], then `-2`, `-3`, … when a name is taken (compared
/// without case); the name is added to `used`.
fn file_name(used: &mut HashSet<String>, id: &str, format: Format) -> String {
    let (stem, extension) = (file_stem(id), format.file_extension());
    let mut name = format!("{stem}.{extension}");
    let mut n = 1;
    while !used.insert(name.to_ascii_lowercase()) {
        n += 1;
        name = format!("{stem}-{n}.{extension}");
    }
    name
}
