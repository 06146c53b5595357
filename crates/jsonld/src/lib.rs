#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod error;
mod iri;
mod reader;
mod writer;

#[allow(deprecated)]
pub use error::JsonLdError;
pub use error::{InvalidBaseIri, JsonLdParseError, JsonLdSyntaxError, UnknownDocument};
pub use reader::{JsonLdParser, ReaderJsonLdParser};
pub use writer::{
    DEFAULT_BASE_IRI, DEFAULT_QUOTE_CONTEXT, JsonLdSerializer, PreparedStatement, WriterJsonLdSerializer,
};

use communique_model::CommitmentKind;

/// The communique namespace: our own classes and properties (`cq:` in the context).
pub const NAMESPACE: &str = "https://w3id.org/communique/ns#";

/// Namespace of the codebook v1 concepts (`codebook:` in the context): each
/// [`CommitmentKind`] is the concept `{CODEBOOK_NAMESPACE}{kind}`, e.g.
/// `https://w3id.org/communique/codebook/v1#demand`.
pub const CODEBOOK_NAMESPACE: &str = "https://w3id.org/communique/codebook/v1#";

/// IRI of the codebook v1 SKOS concept scheme.
pub const CODEBOOK_SCHEME: &str = "https://w3id.org/communique/codebook/v1";

/// IRI by which every document refers to the versioned `@context`. The context of a
/// major version never changes meaning; a new mapping gets a new IRI (`…/v2.jsonld`).
pub const CONTEXT_IRI: &str = "https://w3id.org/communique/context/v1.jsonld";

/// The `@context` document served at [`CONTEXT_IRI`], byte for byte (a JSON-LD 1.1
/// context, UTF-8, `{"@context": {…}}`). The canonical file is
/// `crates/jsonld/schemas/communique.context.jsonld`; the repository's `schemas/` holds a
/// copy a test keeps identical.
pub const CONTEXT_DOCUMENT: &str = include_str!("../schemas/communique.context.jsonld");

/// The vocabulary: our classes and properties with labels and definitions, and codebook
/// v1 as a SKOS concept scheme (Turtle, UTF-8). The canonical file is
/// `crates/jsonld/schemas/communique.vocab.ttl`; `schemas/` holds a copy a test keeps
/// identical.
pub const VOCABULARY: &str = include_str!("../schemas/communique.vocab.ttl");

/// SHACL shapes for the graph a statement's JSON-LD gives (Turtle, UTF-8). The canonical
/// file is `crates/jsonld/schemas/communique.shapes.ttl`; `schemas/` holds a copy a test
/// keeps identical.
pub const SHAPES: &str = include_str!("../schemas/communique.shapes.ttl");

/// The document loader for communique JSON-LD: the shipped `@context` for
/// [`CONTEXT_IRI`], never the network.
///
/// Hand it to a JSON-LD processor (oxjsonld's `with_load_document_callback`, pyld's
/// `documentLoader`) so that our documents expand offline.
///
/// # Errors
///
/// [`UnknownDocument`] for any other address.
///
/// ```
/// let context = communique_jsonld::load_document(communique_jsonld::CONTEXT_IRI)?;
/// assert!(context.contains("\"cq\": \"https://w3id.org/communique/ns#\""));
/// assert!(communique_jsonld::load_document("https://schema.org/").is_err());
/// # Ok::<(), communique_jsonld::UnknownDocument>(())
/// ```
pub fn load_document(url: &str) -> Result<&'static str, UnknownDocument> {
    if url == CONTEXT_IRI { Ok(CONTEXT_DOCUMENT) } else { Err(UnknownDocument::new(url)) }
}

/// The codebook v1 concept IRI of `kind`: [`CODEBOOK_NAMESPACE`] and its snake_case name.
///
/// ```
/// use communique_model::CommitmentKind;
/// assert_eq!(
///     communique_jsonld::concept_iri(CommitmentKind::Demand),
///     "https://w3id.org/communique/codebook/v1#demand"
/// );
/// ```
#[must_use]
pub fn concept_iri(kind: CommitmentKind) -> String {
    format!("{CODEBOOK_NAMESPACE}{}", kind.as_str())
}

/// The kind whose concept IRI is `iri` (full or compacted as `codebook:demand`).
#[must_use]
pub fn kind_from_concept_iri(iri: &str) -> Option<CommitmentKind> {
    let name = iri.strip_prefix(CODEBOOK_NAMESPACE).or_else(|| iri.strip_prefix("codebook:"))?;
    CommitmentKind::from_name(name)
}
