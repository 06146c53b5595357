//! The documents use only names the official schema declares.
//!
//! The conformance run validates every record of both corpora with `jing tei_all.rng`
//! (a Java tool). This test catches the commonest slip, a misspelt element or attribute,
//! in `cargo test`: every element the writer uses is declared by an `<element name>`,
//! and every attribute by an `<attribute name>`, in the copy of the schema in
//! `schemas/`.

mod common;

use common::*;
use communique_tei::{NAMESPACE, TeiSerializer};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::collections::BTreeSet;

const RNG: &str = include_str!("../schemas/tei_all.rng");

#[test]
fn every_name_written_is_declared_in_the_schema() {
    let (mut elements, mut attributes) = (BTreeSet::new(), BTreeSet::new());
    for statement in hand_made() {
        let document = TeiSerializer::default().prepare(&statement).unwrap().into_string();
        let mut reader = NsReader::from_str(&document);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(tag) | Event::Empty(tag) => {
                    let (ns, local) = reader.resolver().resolve_element(tag.name());
                    assert!(matches!(ns, ResolveResult::Bound(ns) if ns.0 == NAMESPACE), "{:?}", tag.name());
                    let local: &str = local.as_ref();
                    elements.insert(local.to_owned());
                    for attribute in tag.attributes() {
                        let key = attribute.unwrap().key.0;
                        if key != "xmlns" {
                            attributes.insert(key.to_owned());
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    assert!(elements.len() > 40, "the hand-made records use most of the mapping: {elements:?}");
    for element in &elements {
        assert!(RNG.contains(&format!("<element name=\"{element}\">")), "<{element}> is not declared");
    }
    for attribute in &attributes {
        assert!(RNG.contains(&format!("<attribute name=\"{attribute}\"")), "@{attribute} is not declared");
    }
}

#[test]
fn the_schema_copy_is_tei_p5_4_3_0() {
    assert!(RNG.contains("ns=\"http://www.tei-c.org/ns/1.0\""));
    assert!(RNG.contains("4.3.0"));
}
