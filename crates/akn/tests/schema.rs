//! The documents use only names the official schema declares.
//!
//! There is no maintained Rust crate that validates XML Schema: the conformance run
//! validates every record of both corpora with `xmllint --schema akomantoso30.xsd`. This
//! test catches the commonest slip, a misspelt element or attribute, in `cargo test`:
//! every Akoma Ntoso element the writer uses is declared by an `<xsd:element name>`, and
//! every unprefixed attribute by an `<xsd:attribute name>`, in the copy of the schema in
//! `schemas/`.

mod common;

use common::*;
use communique_akn::{AknSerializer, EXTENSION_NAMESPACE, NAMESPACE};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::collections::BTreeSet;

const XSD: &str = include_str!("../schemas/akomantoso30.xsd");

/// The names of the Akoma Ntoso elements and of their unprefixed attributes in
/// `document`, and the namespaces of every element.
fn names(document: &str) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    let mut reader = NsReader::from_str(document);
    let (mut elements, mut attributes, mut namespaces) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Start(tag) | Event::Empty(tag) => {
                let (ns, local) = reader.resolver().resolve_element(tag.name());
                let ns = match ns {
                    ResolveResult::Bound(ns) => ns.0.to_owned(),
                    other => panic!("element without a namespace: {other:?}"),
                };
                let local: &str = local.as_ref();
                let standard = ns == NAMESPACE;
                if standard {
                    elements.insert(local.to_owned());
                }
                namespaces.insert(ns);
                for attribute in tag.attributes().filter(|_| standard) {
                    let attribute = attribute.unwrap();
                    let key = attribute.key.0;
                    if !key.contains(':') && key != "xmlns" {
                        attributes.insert(key.to_owned());
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (elements, attributes, namespaces)
}

#[test]
fn every_name_written_is_declared_in_the_schema() {
    let (mut elements, mut attributes) = (BTreeSet::new(), BTreeSet::new());
    for statement in hand_made() {
        let document = AknSerializer::default().prepare(&statement).unwrap().into_string();
        let (e, a, namespaces) = names(&document);
        elements.extend(e);
        attributes.extend(a);
        assert!(namespaces.iter().all(|ns| ns == NAMESPACE || ns == EXTENSION_NAMESPACE), "{namespaces:?}");
    }
    assert!(elements.len() > 40, "the hand-made records use most of the mapping: {elements:?}");
    for element in &elements {
        assert!(XSD.contains(&format!("<xsd:element name=\"{element}\"")), "<{element}> is not declared");
    }
    for attribute in &attributes {
        assert!(
            XSD.contains(&format!("<xsd:attribute name=\"{attribute}\"")),
            "@{attribute} is not declared"
        );
    }
}

#[test]
fn the_schema_copy_is_the_official_release() {
    assert!(XSD.contains("targetNamespace=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\""));
    assert!(XSD.contains("Release 30/03/2017 - Akoma Ntoso 3.0"));
    assert!(XSD.contains(
        "<xsd:import namespace=\"http://www.w3.org/XML/1998/namespace\" schemaLocation=\"./xml.xsd\"/>"
    ));
}
