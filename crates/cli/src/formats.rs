//! The glue between the command and the format crates: which writer or reader serves
//! which [`Format`]. No format logic lives here, only the choice and the plumbing.

use crate::inputs::{Origin, Work};
use crate::outputs::{JsonFiles, Sink, Staged, target, temp_file};
use anyhow::{Context, Result};
use communique::Format;
use communique::model::Statement;
use communique::model::json::{JsonLinesSerializer, WriterJsonLinesSerializer};
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use tempfile::NamedTempFile;

/// Options that shape the outputs.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Base IRI of JSON-LD node IRIs.
    pub base_iri: Option<String>,
    /// Neutralise spreadsheet formulas in CSV cells.
    pub excel_safe: bool,
}

/// Formats statements for one output, without writing: a configuration value that
/// rayon workers share, so formatting runs in parallel while writing stays in order.
#[derive(Debug, Clone)]
pub enum Preparer {
    /// One pretty JSON document a record.
    JsonFile,
    /// One JSON Lines record a line.
    JsonLines,
    /// The XML collection.
    Xml(communique::xml::XmlSerializer),
    /// The JSON-LD document.
    JsonLd(communique::jsonld::JsonLdSerializer),
    /// The CSV tables.
    Csv(communique::csv::CsvSerializer),
}

/// A statement formatted by a [`Preparer`], ready for its sink.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // made once per record and format, moved once
pub enum Prepared {
    /// File stem source (the id) and the pretty JSON.
    JsonFile { id: String, text: String },
    /// A JSON Lines record.
    JsonLines(communique::model::json::PreparedStatement),
    /// An XML `<statement>` of the collection.
    Xml(communique::xml::PreparedStatement),
    /// A JSON-LD `@graph` member.
    JsonLd(communique::jsonld::PreparedStatement),
    /// Rows of every CSV table.
    Csv(communique::csv::PreparedStatement),
}

impl Preparer {
    /// Formats `statement`; an error when this format cannot carry it.
    pub fn prepare(&self, statement: &Statement) -> Result<Prepared> {
        Ok(match self {
            Self::JsonFile => Prepared::JsonFile {
                id: statement.id.clone(),
                text: communique::model::json::to_string_pretty(statement),
            },
            Self::JsonLines => Prepared::JsonLines(JsonLinesSerializer::default().prepare(statement)),
            Self::Xml(serializer) => Prepared::Xml(serializer.prepare(statement).context("XML")?),
            Self::JsonLd(serializer) => Prepared::JsonLd(serializer.prepare(statement)),
            Self::Csv(serializer) => Prepared::Csv(serializer.prepare(statement).context("CSV")?),
        })
    }
}

/// A sink that writes `format` into the output folder `out`, and the preparer that
/// formats statements for it.
pub fn sink(out: &Path, format: Format, options: &OutputOptions) -> Result<(Box<dyn Sink>, Preparer)> {
    Ok(match format {
        Format::Json => (Box::new(JsonFiles::new(out)?), Preparer::JsonFile),
        Format::JsonLines => {
            let (file, writer) = temp_file(out, format)?;
            let writer = JsonLinesSerializer::default().for_writer(writer);
            (Box::new(Streamed { file, target: target(out, format), writer }), Preparer::JsonLines)
        }
        Format::Xml => {
            let (file, writer) = temp_file(out, format)?;
            let serializer = communique::xml::XmlSerializer::default();
            let writer = serializer.clone().for_writer(writer);
            (Box::new(Streamed { file, target: target(out, format), writer }), Preparer::Xml(serializer))
        }
        Format::JsonLd => {
            let (file, writer) = temp_file(out, format)?;
            let mut serializer = communique::jsonld::JsonLdSerializer::default();
            if let Some(base) = &options.base_iri {
                serializer = serializer.with_base_iri(base.clone()).context("--base-iri")?;
            }
            let writer = serializer.clone().for_writer(writer);
            (Box::new(Streamed { file, target: target(out, format), writer }), Preparer::JsonLd(serializer))
        }
        Format::Csv => {
            let dir = tempfile::Builder::new().prefix(".csv.").tempdir_in(out)?;
            let serializer = communique::csv::CsvSerializer::default().with_excel_safe(options.excel_safe);
            let writer = serializer.for_dir(dir.path()).context("cannot start the CSV tables")?;
            (Box::new(CsvTables { dir, target: target(out, format), writer }), Preparer::Csv(serializer))
        }
        other => anyhow::bail!("{other} is an input format only"),
    })
}

/// A streaming writer of one file, as every format crate offers.
pub trait StatementWriter: Send {
    /// Appends a prepared statement.
    fn write(&mut self, prepared: &Prepared) -> std::io::Result<()>;
    /// Completes the document and returns the underlying buffered file.
    fn complete(self: Box<Self>) -> std::io::Result<BufWriter<File>>;
}

macro_rules! statement_writer {
    ($($ty:ty => $variant:ident),*) => {$(
        impl StatementWriter for $ty {
            fn write(&mut self, prepared: &Prepared) -> std::io::Result<()> {
                match prepared {
                    Prepared::$variant(prepared) => self.write_prepared(prepared),
                    _ => Err(std::io::Error::other("a statement prepared for another format")),
                }
            }
            fn complete(self: Box<Self>) -> std::io::Result<BufWriter<File>> {
                (*self).finish()
            }
        }
    )*};
}

statement_writer!(
    WriterJsonLinesSerializer<BufWriter<File>> => JsonLines,
    communique::xml::WriterXmlSerializer<BufWriter<File>> => Xml,
    communique::jsonld::WriterJsonLdSerializer<BufWriter<File>> => JsonLd
);

struct Streamed<W> {
    file: NamedTempFile,
    target: std::path::PathBuf,
    writer: W,
}

impl<W: StatementWriter + 'static> Sink for Streamed<W> {
    fn write(&mut self, prepared: &Prepared) -> Result<()> {
        self.writer.write(prepared).with_context(|| format!("cannot write {}", self.target.display()))
    }

    fn finish(self: Box<Self>) -> Result<Staged> {
        let Streamed { file, target, writer } = *self;
        let mut inner =
            Box::new(writer).complete().with_context(|| format!("cannot write {}", target.display()))?;
        inner.flush()?;
        inner.get_ref().sync_all()?;
        Ok(Staged::File(file, target))
    }
}

struct CsvTables {
    dir: tempfile::TempDir,
    target: std::path::PathBuf,
    writer: communique::csv::DirCsvSerializer,
}

impl Sink for CsvTables {
    fn write(&mut self, prepared: &Prepared) -> Result<()> {
        match prepared {
            Prepared::Csv(prepared) => {
                self.writer.write_prepared(prepared).context("cannot write the CSV tables")
            }
            _ => anyhow::bail!("a statement prepared for another format"),
        }
    }

    fn finish(self: Box<Self>) -> Result<Staged> {
        let CsvTables { dir, target, writer } = *self;
        writer.finish().context("cannot complete the CSV tables")?;
        Ok(Staged::Dir(dir, target))
    }
}

/// Reads the statements of an XML, JSON-LD or CSV input, in order.
pub fn read(path: &Path, format: Format) -> Box<dyn Iterator<Item = Work> + Send> {
    let shared: Arc<Path> = Arc::from(path);
    let fail = |message: String| -> Box<dyn Iterator<Item = Work> + Send> {
        let origin = Origin { path: shared.clone(), position: String::new() };
        Box::new(std::iter::once(Work::Done { origin, result: Err(message) }))
    };
    let records: Box<dyn Iterator<Item = Result<Statement, String>> + Send> = match format {
        Format::Xml => match File::open(path) {
            Ok(file) => Box::new(
                communique::xml::XmlParser::default()
                    .for_reader(BufReader::new(file))
                    .map(|r| r.map_err(|e| e.to_string())),
            ),
            Err(e) => return fail(format!("cannot read: {e}")),
        },
        Format::JsonLd => match File::open(path) {
            Ok(file) => Box::new(
                communique::jsonld::JsonLdParser::default()
                    .for_reader(BufReader::new(file))
                    .map(|r| r.map_err(|e| e.to_string())),
            ),
            Err(e) => return fail(format!("cannot read: {e}")),
        },
        Format::Csv => match communique::csv::CsvParser::default().for_dir(path) {
            Ok(reader) => Box::new(reader.map(|r| r.map_err(|e| e.to_string()))),
            Err(e) => return fail(e.to_string()),
        },
        other => return fail(format!("{other} is not read here")),
    };
    let mut n = 0;
    Box::new(records.map(move |result| {
        n += 1;
        Work::Done { origin: Origin { path: shared.clone(), position: format!("record {n}") }, result }
    }))
}
