//! schemas/communique.xsd and the code stay in step: every element and attribute the
//! writer produces is declared, the closed lists equal the model's, and every
//! declaration is documented. (Validation against the XSD itself is done by xmllint and
//! xmlschema in the conformance run: no maintained Rust crate validates XML Schema.)

mod common;

use communique_model::{ActorKind, CommitmentKind, ParagraphKind, StatementKind};
use communique_xml::{NAMESPACE, XmlSerializer};
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use std::collections::{BTreeMap, BTreeSet};

const XS: &str = "xs:";

struct Schema {
    target_namespace: String,
    elements: BTreeSet<String>,
    attributes: BTreeSet<String>,
    /// Enumeration values by the name of the simple type (or of the attribute that
    /// holds an anonymous one).
    enumerations: BTreeMap<String, Vec<String>>,
    undocumented: Vec<String>,
}

fn attribute(tag: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    tag.try_get_attribute(name)
        .unwrap()
        .map(|a| a.normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap().into_owned())
}

fn schema() -> Schema {
    let path = common::manifest().join("schemas/communique.xsd");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut reader = Reader::from_str(&text);
    let mut schema = Schema {
        target_namespace: String::new(),
        elements: BTreeSet::new(),
        attributes: BTreeSet::new(),
        enumerations: BTreeMap::new(),
        undocumented: Vec::new(),
    };
    // (what, needs documentation, documented, children seen)
    let mut stack: Vec<(String, bool, bool, usize)> = Vec::new();
    let mut owner = String::new();
    loop {
        let event = reader.read_event().unwrap();
        let (tag, empty) = match &event {
            Event::Start(tag) => (tag.clone(), false),
            Event::Empty(tag) => (tag.clone(), true),
            Event::End(_) => {
                let (what, needs, documented, _) = stack.pop().unwrap();
                if needs && !documented {
                    schema.undocumented.push(what);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let qname = tag.name().as_ref().to_owned();
        let local = qname.strip_prefix(XS).unwrap_or(&qname).to_owned();
        if let Some(parent) = stack.last_mut() {
            if parent.3 == 0 && local == "annotation" {
                parent.2 = true;
            }
            parent.3 += 1;
        }
        let name = attribute(&tag, "name");
        match (local.as_str(), &name) {
            ("schema", _) => schema.target_namespace = attribute(&tag, "targetNamespace").unwrap(),
            ("element", Some(name)) => {
                schema.elements.insert(name.clone());
            }
            ("attribute", Some(name)) => {
                schema.attributes.insert(name.clone());
                owner = name.clone();
            }
            ("simpleType", Some(name)) => owner = name.clone(),
            ("enumeration", _) => {
                schema.enumerations.entry(owner.clone()).or_default().push(attribute(&tag, "value").unwrap());
            }
            _ => {}
        }
        let needs = name.is_some()
            && matches!(
                local.as_str(),
                "element" | "attribute" | "complexType" | "simpleType" | "attributeGroup"
            );
        let what = format!("{local} {}", name.unwrap_or_default());
        if empty {
            if needs {
                schema.undocumented.push(what);
            }
        } else {
            stack.push((what, needs, false, 0));
        }
    }
    schema
}

/// Local names of the elements and attributes in `xml`.
fn names_in(xml: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut reader = Reader::from_str(xml);
    let (mut elements, mut attributes) = (BTreeSet::new(), BTreeSet::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Start(tag) | Event::Empty(tag) => {
                elements.insert(tag.local_name().as_ref().to_owned());
                for a in tag.attributes() {
                    let key = a.unwrap().key.as_ref().to_owned();
                    if key != "xmlns" {
                        attributes.insert(key);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (elements, attributes)
}

#[test]
fn namespace_matches() {
    assert_eq!(schema().target_namespace, NAMESPACE);
}

#[test]
fn every_name_written_is_declared() {
    let schema = schema();
    let mut writer = XmlSerializer::default().for_writer(Vec::new());
    for statement in common::all_statements() {
        writer.serialize_statement(&statement).unwrap();
    }
    let xml = String::from_utf8(writer.finish().unwrap()).unwrap();
    let (elements, attributes) = names_in(&xml);
    let undeclared: Vec<_> = elements.difference(&schema.elements).collect();
    assert!(undeclared.is_empty(), "elements written but not declared: {undeclared:?}");
    // xml:lang comes in through the XML namespace (see the Statement type).
    let undeclared: Vec<_> =
        attributes.iter().filter(|a| *a != "xml:lang" && !schema.attributes.contains(*a)).collect();
    assert!(undeclared.is_empty(), "attributes written but not declared: {undeclared:?}");
    // And the other way round: the writer uses every declared name on these records.
    let unused: Vec<_> = schema.elements.difference(&elements).collect();
    assert!(unused.is_empty(), "declared but never written: {unused:?}");
    let unused: Vec<_> = schema.attributes.iter().filter(|a| !attributes.contains(*a)).collect();
    assert!(unused.is_empty(), "declared but never written: {unused:?}");
}

#[test]
fn closed_lists_equal_the_model() {
    let schema = schema();
    let list =
        |name: &str| schema.enumerations.get(name).cloned().unwrap_or_else(|| panic!("no list {name}"));
    assert_eq!(list("StatementKind"), StatementKind::ALL.map(|k| k.as_str().to_owned()));
    assert_eq!(list("ParagraphKind"), ParagraphKind::ALL.map(|k| k.as_str().to_owned()));
    assert_eq!(list("CommitmentKind"), CommitmentKind::ALL.map(|k| k.as_str().to_owned()));
    assert_eq!(list("ActorKind"), ActorKind::ALL.map(|k| k.as_str().to_owned()));
    assert_eq!(list("MethodType"), ["rule", "manual"]);
    assert_eq!(list("StatementDateName"), ["issued", "lastUpdated", "published"]);
    assert_eq!(list("algorithm"), ["sha-256"]);
}

#[test]
fn every_declaration_is_documented() {
    let undocumented = schema().undocumented;
    assert!(undocumented.is_empty(), "declarations without xs:annotation: {undocumented:?}");
}

/// The canonical XSD is in the crate (`crates/xml/schemas/`); the repository's `schemas/`
/// holds a copy. A stale copy is rewritten (outside CI) and the test fails, naming it.
#[test]
fn schemas_copy_of_the_xsd_is_identical() {
    let copy = common::manifest().join("../../schemas/communique.xsd");
    if std::fs::read_to_string(&copy).ok().as_deref() != Some(communique_xml::XSD) {
        if std::env::var_os("CI").is_none() {
            std::fs::write(&copy, communique_xml::XSD).unwrap();
        }
        panic!("regenerated {}: review and commit", copy.display());
    }
}
