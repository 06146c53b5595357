//! The formats communique reads and writes, chosen by name, file extension or, for XML,
//! the namespace of the root element.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// A serialisation of statements.
///
/// ```
/// use communique::Format;
/// assert_eq!(Format::from_extension("jsonld"), Some(Format::JsonLd));
/// assert_eq!(Format::Xml.media_type(), "application/xml");
/// assert_eq!("jsonl".parse::<Format>(), Ok(Format::JsonLines));
/// assert_eq!("akn".parse::<Format>(), Ok(Format::Akn));
/// assert_eq!(Format::Tei.file_extension(), "xml");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// One statement per JSON document (the model's serde form).
    Json,
    /// JSON Lines: one statement a line.
    JsonLines,
    /// Related CSV tables with CSVW and Frictionless descriptors (a folder).
    Csv,
    /// The native XML vocabulary (one statement or a collection).
    Xml,
    /// JSON-LD (schema.org, Dublin Core, PROV-O, W3C Web Annotation).
    JsonLd,
    /// Akoma Ntoso 3.0 (OASIS LegalDocML): one `<akomaNtoso><doc name="statement">`
    /// document a statement ([`communique_akn`]).
    Akn,
    /// TEI P5: one `<TEI>` document a statement ([`communique_tei`]).
    Tei,
    /// The tables of the CSV folder, typed, in Apache Parquet, with a Data Package
    /// descriptor (a folder; the shards of a conversion may share it).
    Parquet,
    /// Plain text as copied from a web page, repost or mailing list (input only).
    Text,
    /// Markdown with YAML front matter (input only).
    Markdown,
    /// An HTML page as its site served it, in the encoding it declares (input only;
    /// `.html`, `.htm`): ingested through the plain-text stages, with its markup's
    /// metadata and element kinds ([`communique_text::InputFormat::Html`]).
    Html,
    /// A WARC 1.0 / 1.1 web archive, plain or gzip-compressed (input only; `.warc`,
    /// `.warc.gz`): every `response` record holding an HTML page is one statement, its
    /// target URI the source address and its date the date retrieved.
    Warc,
}

impl Format {
    /// Every format.
    pub const ALL: [Self; 12] = [
        Self::Json,
        Self::JsonLines,
        Self::Csv,
        Self::Xml,
        Self::JsonLd,
        Self::Akn,
        Self::Tei,
        Self::Parquet,
        Self::Text,
        Self::Markdown,
        Self::Html,
        Self::Warc,
    ];

    /// The short name used on the command line (`json`, `jsonl`, `csv`, `xml`, `jsonld`,
    /// `akn`, `tei`, `parquet`, `txt`, `md`, `html`, `warc`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::JsonLines => "jsonl",
            Self::Csv => "csv",
            Self::Xml => "xml",
            Self::JsonLd => "jsonld",
            Self::Akn => "akn",
            Self::Tei => "tei",
            Self::Parquet => "parquet",
            Self::Text => "txt",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Warc => "warc",
        }
    }

    /// Media type: the IANA registration where there is one (`application/tei+xml` is
    /// RFC 6129's); for Akoma Ntoso `application/akn+xml`, the type its documents name
    /// in `FRBRformat` (not registered).
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::JsonLines => "application/jsonl",
            Self::Csv => "text/csv",
            Self::Xml => "application/xml",
            Self::JsonLd => "application/ld+json",
            Self::Akn => communique_akn::MEDIA_TYPE,
            Self::Tei => communique_tei::MEDIA_TYPE,
            Self::Parquet => "application/vnd.apache.parquet",
            Self::Text => "text/plain",
            Self::Markdown => "text/markdown",
            Self::Html => "text/html",
            Self::Warc => "application/warc",
        }
    }

    /// Usual file extension, without the dot (`csv` and `parquet` name a folder of
    /// tables). Akoma Ntoso and TEI documents are `xml`, as communique XML is:
    /// [`Format::from_path`] tells the three apart by the root element.
    #[must_use]
    pub const fn file_extension(self) -> &'static str {
        match self {
            Self::Akn => communique_akn::FILE_EXTENSION,
            Self::Tei => communique_tei::FILE_EXTENSION,
            _ => self.name(),
        }
    }

    /// True for formats communique can write (all but plain text, Markdown, HTML and
    /// WARC, which are ingested).
    #[must_use]
    pub const fn is_writable(self) -> bool {
        !matches!(self, Self::Text | Self::Markdown | Self::Html | Self::Warc)
    }

    /// The format of a file extension (without the dot, any case); `None` when unknown.
    ///
    /// `xml` gives [`Format::Xml`]: the extension does not tell communique XML from
    /// Akoma Ntoso or TEI ([`Format::from_path`] and [`Format::from_xml_root`] do).
    /// `warc.gz` (what [`Format::from_path`] asks for a name ending so) gives
    /// [`Format::Warc`].
    #[must_use]
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            "csv" => Some(Self::Csv),
            "xml" => Some(Self::Xml),
            "jsonld" => Some(Self::JsonLd),
            "parquet" => Some(Self::Parquet),
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            "warc" | "warc.gz" => Some(Self::Warc),
            _ => None,
        }
    }

    /// The format of a path: a folder holding `csv-metadata.json` is [`Format::Csv`], one
    /// holding a Parquet statements table (`statements.parquet`, or a shard's
    /// `statements-K-of-N.parquet`) is [`Format::Parquet`]; a `.xml` file is read up to
    /// its root element, whose namespace tells communique XML, Akoma Ntoso and TEI apart
    /// ([`Format::from_xml_root`]; a file that cannot be read that far, or has a root in
    /// another namespace, is [`Format::Xml`], whose parser then says what is wrong); a
    /// name ending in `.warc.gz` is [`Format::Warc`]; otherwise the file extension
    /// decides.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        if path.is_dir() {
            if path.join("csv-metadata.json").is_file() {
                return Some(Self::Csv);
            }
            return communique_parquet::is_parquet_folder(path).then_some(Self::Parquet);
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.len() > 8
            && name.get(name.len() - 8..).is_some_and(|end| end.eq_ignore_ascii_case(".warc.gz"))
        {
            return Some(Self::Warc);
        }
        match path.extension().and_then(|e| e.to_str()).and_then(Self::from_extension)? {
            Self::Xml => Some(
                File::open(path)
                    .ok()
                    .and_then(|file| Self::from_xml_root(BufReader::new(file)))
                    .unwrap_or(Self::Xml),
            ),
            format => Some(format),
        }
    }

    /// The format of the XML document `reader` holds, told by the namespace of its root
    /// element: [`Format::Xml`] for communique XML ([`communique_xml::NAMESPACE`]),
    /// [`Format::Akn`] for Akoma Ntoso 3.0 ([`communique_akn::NAMESPACE`]),
    /// [`Format::Tei`] for TEI P5 ([`communique_tei::NAMESPACE`]).
    ///
    /// Reads no further than the root element's start tag (after the XML declaration,
    /// comments, processing instructions and white space). `None` when the input is not
    /// well-formed up to there, has no root element, or its root is in another namespace
    /// or none.
    ///
    /// ```
    /// use communique::Format;
    /// let tei = "<?xml version=\"1.0\"?>\n<!-- a statement -->\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>";
    /// assert_eq!(Format::from_xml_root(tei.as_bytes()), Some(Format::Tei));
    /// let akn = "<an:akomaNtoso xmlns:an=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>";
    /// assert_eq!(Format::from_xml_root(akn.as_bytes()), Some(Format::Akn));
    /// assert_eq!(Format::from_xml_root("<TEI/>".as_bytes()), None);
    /// ```
    #[must_use]
    pub fn from_xml_root(reader: impl BufRead) -> Option<Self> {
        let mut reader = NsReader::from_reader(reader);
        let mut buffer = Vec::new();
        loop {
            buffer.clear();
            match reader.read_resolved_event_into(&mut buffer).ok()? {
                (ResolveResult::Bound(namespace), Event::Start(_) | Event::Empty(_)) => {
                    return [
                        (communique_xml::NAMESPACE, Self::Xml),
                        (communique_akn::NAMESPACE, Self::Akn),
                        (communique_tei::NAMESPACE, Self::Tei),
                    ]
                    .into_iter()
                    .find(|(uri, _)| namespace.0 == *uri)
                    .map(|(_, format)| format);
                }
                (_, Event::Start(_) | Event::Empty(_) | Event::Eof) => return None,
                // The declaration, comments, processing instructions, a DOCTYPE (which
                // every reader refuses, saying so) and white space come before the root.
                _ => {}
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(f, "unknown format {:?} (expected one of {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownFormat {}

/// A [name](Format::name) or a file extension ([`Format::from_extension`]), in any case,
/// around white space.
impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let trimmed = name.trim();
        Self::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(trimmed))
            .or_else(|| Self::from_extension(trimmed))
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn all_lists_every_format_once_and_names_round_trip() {
        // An exhaustive match: a new format fails to compile here until ALL has it.
        let position = |format: Format| match format {
            Format::Json => 0,
            Format::JsonLines => 1,
            Format::Csv => 2,
            Format::Xml => 3,
            Format::JsonLd => 4,
            Format::Akn => 5,
            Format::Tei => 6,
            Format::Parquet => 7,
            Format::Text => 8,
            Format::Markdown => 9,
            Format::Html => 10,
            Format::Warc => 11,
        };
        for (i, format) in Format::ALL.into_iter().enumerate() {
            assert_eq!(position(format), i, "{format}");
            // Akoma Ntoso and TEI share the extension of XML.
            let by_extension = if matches!(format, Format::Akn | Format::Tei) { Format::Xml } else { format };
            assert_eq!(Format::from_extension(format.file_extension()), Some(by_extension));
            assert_eq!(format.name().parse::<Format>(), Ok(format));
            assert_eq!(format.name().to_ascii_uppercase().parse::<Format>(), Ok(format));
        }
        assert_eq!(Format::from_extension("NDJSON"), Some(Format::JsonLines));
        assert_eq!(" markdown ".parse::<Format>(), Ok(Format::Markdown));
        assert!("tex".parse::<Format>().is_err());
        assert_eq!(Format::JsonLd.media_type(), "application/ld+json");
        assert_eq!(Format::Akn.media_type(), "application/akn+xml");
        assert_eq!(Format::Tei.media_type(), "application/tei+xml");
        assert_eq!(Format::Parquet.media_type(), "application/vnd.apache.parquet");
        assert!(!Format::Markdown.is_writable() && Format::Csv.is_writable() && Format::Tei.is_writable());
        assert!(Format::Parquet.is_writable());
        assert!(!Format::Html.is_writable() && !Format::Warc.is_writable());
        assert_eq!(Format::from_extension("HTM"), Some(Format::Html));
        assert_eq!(Format::Warc.media_type(), "application/warc");
    }

    #[test]
    fn the_root_namespace_tells_the_xml_vocabularies_apart() {
        for (document, format) in [
            ("<statements xmlns=\"https://w3id.org/communique/xml/1.0\"/>", Some(Format::Xml)),
            (
                "<statement xmlns='https://w3id.org/communique/xml/1.0' id='a' kind='other'>",
                Some(Format::Xml),
            ),
            (
                "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">",
                Some(Format::Akn),
            ),
            (
                "<?xml-stylesheet href='tei.xsl'?><!-- x --><TEI xmlns='http://www.tei-c.org/ns/1.0'>",
                Some(Format::Tei),
            ),
            // The prefix is the document's choice; the namespace decides.
            ("<tei:TEI xmlns:tei='http://www.tei-c.org/ns/1.0'/>", Some(Format::Tei)),
            // A root in no namespace, in another one, a prefix never declared, no root.
            ("<statements/>", None),
            ("<html xmlns='http://www.w3.org/1999/xhtml'/>", None),
            ("<a:TEI/>", None),
            ("<!-- only a comment -->", None),
            ("", None),
            ("not XML", None),
        ] {
            assert_eq!(Format::from_xml_root(document.as_bytes()), format, "{document:?}");
        }
    }

    #[test]
    fn an_xml_path_is_read_to_its_root() {
        let dir = tempfile::tempdir().unwrap();
        for (name, content, format) in [
            ("a.xml", "<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'/>", Format::Akn),
            ("t.XML", "<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", Format::Tei),
            ("c.xml", "<statements xmlns='https://w3id.org/communique/xml/1.0'/>", Format::Xml),
            // Not one of the three: the XML parser gets it, and says what is wrong.
            ("broken.xml", "<statements", Format::Xml),
            // A TEI root in a file whose extension is not xml is not sniffed.
            ("t.json", "<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", Format::Json),
            // A web archive, compressed or not, and pages.
            ("crawl.warc.gz", "", Format::Warc),
            ("CRAWL.WARC.GZ", "", Format::Warc),
            ("crawl.warc", "", Format::Warc),
            ("page.htm", "", Format::Html),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            assert_eq!(Format::from_path(&path), Some(format), "{name}");
        }
        assert_eq!(Format::from_path(&dir.path().join("missing.xml")), Some(Format::Xml));
    }
}
