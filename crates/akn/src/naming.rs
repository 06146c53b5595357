//! IRIs by the Akoma Ntoso Naming Convention (OASIS, akn-nc-v1.0, sections 3 and 4).

use communique_model::chrono::NaiveDate;
use communique_model::{Statement, slug};
use std::fmt::Write as _;

/// The jurisdiction component: `int`, the naming convention's code for documents of
/// international organisations and for documents no one country issues. A record does
/// not say which country a statement belongs to, so every statement gets it.
pub(crate) const COUNTRY: &str = "int";

/// The document's subtype (`FRBRsubtype`, and the `name` of `<doc>`).
pub(crate) const SUBTYPE: &str = "statement";

/// `FRBRdate` stands for a date that is not known: the placeholder year 9999 that
/// Akoma Ntoso templates use, under the name `unknown`.
pub(crate) const UNKNOWN_DATE: &str = "9999-01-01";

/// The date of the Work (`FRBRdate` and the date component of the IRI) and its name.
///
/// The issue date (`issued`); without one, the first date the record has, under its own
/// name: the date of the last update (`lastUpdated`), of publication (`published`), of
/// retrieval (`retrieved`); without any, [`UNKNOWN_DATE`] named `unknown`.
pub(crate) fn work_date(statement: &Statement) -> (Option<NaiveDate>, &'static str) {
    if let Some(issued) = statement.issued {
        (Some(issued), "issued")
    } else if let Some(updated) = statement.last_updated {
        (Some(updated.date()), "lastUpdated")
    } else if let Some(published) = statement.published {
        (Some(published.date()), "published")
    } else if let Some(retrieved) = statement.source.retrieved {
        (Some(retrieved), "retrieved")
    } else {
        (None, "unknown")
    }
}

/// The actor component: who issued the statement, as the record's derived id names it
/// (the slug of the first issuer's name, else of the source attribution), or `unknown`.
pub(crate) fn actor(statement: &Statement) -> String {
    statement
        .issuers
        .iter()
        .map(|issuer| slug(&issuer.name, 32))
        .chain(statement.source.attribution.iter().map(|a| slug(a, 32)))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// `text` as one IRI path segment: unreserved characters (RFC 3986 §2.3) as they are,
/// every other byte of its UTF-8 as `%XX`; `_` for an empty text.
pub(crate) fn segment(text: &str) -> String {
    if text.is_empty() {
        return "_".to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The name of an entity in an ontology IRI (`/akn/ontology/organization/int/{name}`):
/// the slug of `text`, or, when it has no ASCII letter or digit, the text as an IRI
/// segment.
pub(crate) fn entity_name(text: &str) -> String {
    let name = slug(text, 64);
    if name.is_empty() { segment(text) } else { name }
}

/// The IRIs of one statement's three FRBR levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Iris {
    /// Work: `/akn/int/doc/statement/{actor}/{date}/{number}`.
    pub(crate) work: String,
    /// Expression: the Work and `/{language}@` (the original version, so nothing
    /// follows the `@`).
    pub(crate) expression: String,
}

impl Iris {
    /// The IRIs of `statement`, whose Work date is `date` (`YYYY-MM-DD`).
    ///
    /// The number is the record's id, so two records never share a Work. The language
    /// is the record's BCP 47 tag as it is (`und` when the record names none): the
    /// naming convention asks for an ISO 639-2 alpha-3 code, and the model keeps no
    /// table to turn one into the other.
    pub(crate) fn new(statement: &Statement, date: &str) -> Self {
        let work = format!(
            "/akn/{COUNTRY}/doc/{SUBTYPE}/{}/{date}/{}",
            segment(&actor(statement)),
            segment(&statement.id)
        );
        let language = statement.language.as_deref().map_or_else(|| "und".to_owned(), segment);
        let expression = format!("{work}/{language}@");
        Self { work, expression }
    }

    /// `FRBRthis` of the Work: its main component.
    pub(crate) fn work_this(&self) -> String {
        format!("{}/!main", self.work)
    }

    /// `FRBRthis` of the Expression.
    pub(crate) fn expression_this(&self) -> String {
        format!("{}/!main", self.expression)
    }

    /// `FRBRthis` of the Manifestation: the main component as XML.
    pub(crate) fn manifestation_this(&self) -> String {
        format!("{}/!main.xml", self.expression)
    }

    /// `FRBRuri` of the Manifestation.
    pub(crate) fn manifestation(&self) -> String {
        format!("{}.xml", self.expression)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_model::{Actor, Source};

    #[test]
    fn segments_keep_unreserved_characters_only() {
        assert_eq!(segment("nato-2022-02-16-59fa18d5"), "nato-2022-02-16-59fa18d5");
        assert_eq!(segment("a b/c?é"), "a%20b%2Fc%3F%C3%A9");
        assert_eq!(segment(""), "_");
        assert_eq!(entity_name("Secretary General"), "secretary-general");
        assert_eq!(entity_name("Совет"), "%D0%A1%D0%BE%D0%B2%D0%B5%D1%82");
    }

    #[test]
    fn iris_of_the_reference_statement() {
        let statement = Statement {
            id: "nato-2022-02-16-59fa18d5".into(),
            language: Some("en".into()),
            source: Source { attribution: Some("NATO".into()), ..Source::default() },
            ..Statement::default()
        };
        let iris = Iris::new(&statement, "2022-02-16");
        assert_eq!(iris.work, "/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5");
        assert_eq!(iris.work_this(), "/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5/!main");
        assert_eq!(iris.expression, "/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5/en@");
        assert_eq!(
            iris.manifestation_this(),
            "/akn/int/doc/statement/nato/2022-02-16/nato-2022-02-16-59fa18d5/en@/!main.xml"
        );
    }

    #[test]
    fn actor_is_the_first_issuer_else_the_attribution() {
        let mut statement = Statement::default();
        assert_eq!(actor(&statement), "unknown");
        statement.source.attribution = Some("The White House".into());
        assert_eq!(actor(&statement), "the-white-house");
        statement.issuers = vec![Actor::organization("Совет"), Actor::person("Jens Stoltenberg")];
        assert_eq!(actor(&statement), "jens-stoltenberg");
    }
}
