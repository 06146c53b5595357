//! A document read whole into a small tree: one statement's document is small, and the
//! reader looks things up across its parts (identification, analysis, body).

use crate::escape::is_xml_char;
use crate::{EXTENSION_NAMESPACE, NAMESPACE};
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

/// Deepest nesting of elements the reader accepts (a statement's document nests about
/// eight deep): deeper input is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";
const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The namespace of an element or attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ns {
    /// No namespace (unprefixed attributes).
    None,
    /// Akoma Ntoso 3.0.
    Akn,
    /// The crate's extension namespace.
    Ext,
    /// The XML namespace (`xml:lang`).
    Xml,
    /// Any other namespace (XML Schema instance included).
    Other,
}

fn namespace(uri: &str) -> Ns {
    match uri {
        NAMESPACE => Ns::Akn,
        EXTENSION_NAMESPACE => Ns::Ext,
        XML_NAMESPACE => Ns::Xml,
        _ => Ns::Other,
    }
}

/// An attribute: namespace, local name, value after normalisation.
#[derive(Debug, Clone)]
pub(crate) struct Attribute {
    pub(crate) ns: Ns,
    pub(crate) name: String,
    pub(crate) value: String,
}

/// An element with its children.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub(crate) ns: Ns,
    /// Local name.
    pub(crate) name: String,
    pub(crate) attributes: Vec<Attribute>,
    pub(crate) children: Vec<Node>,
    /// Byte offset of the start tag.
    pub(crate) offset: u64,
    /// XPath-like path: qualified names as written, 1-based positions among same-named
    /// siblings below the root.
    pub(crate) path: String,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    /// Character data, references resolved, line ends normalised, adjacent runs joined.
    Text(String),
}

impl Element {
    /// True when the element is `name` in namespace `ns`.
    pub(crate) fn is(&self, ns: &Ns, name: &str) -> bool {
        self.ns == *ns && self.name == name
    }

    /// The value of the attribute `name` in namespace `ns`.
    pub(crate) fn attribute_in(&self, ns: &Ns, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.ns == *ns && a.name == name).map(|a| a.value.as_str())
    }

    /// The value of the unprefixed attribute `name`.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attribute_in(&Ns::None, name)
    }

    /// The child elements.
    #[cfg(test)]
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }
}

/// A fault found while reading the tree: byte offset, element path, message.
pub(crate) type Fault = (u64, String, String);

/// Reads `input` (UTF-8, a byte-order mark allowed) into its root element.
///
/// Checks well-formedness as XML 1.0 (matching tags, legal characters, only the five
/// predefined entities, no document type declaration) and that every prefix is
/// declared; skips comments and processing instructions.
pub(crate) fn parse(input: &[u8]) -> Result<Element, Fault> {
    let (text, base) = match input.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3u64),
        None => (input, 0),
    };
    let text = std::str::from_utf8(text).map_err(|error| {
        (base + error.valid_up_to() as u64, String::new(), "the input is not UTF-8".to_owned())
    })?;
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    config.check_comments = true;

    // Open elements, innermost last, each with the count of its children by name.
    let mut stack: Vec<(Element, Vec<(String, usize)>)> = Vec::new();
    let mut root = None;
    loop {
        let start = reader.buffer_position();
        let at = base + start;
        let event = reader.read_event().map_err(|error| {
            (
                base + reader.error_position().max(start),
                path_of(&stack),
                format!("not well-formed XML: {error}"),
            )
        })?;
        macro_rules! fault {
            ($message:expr) => {
                (at, path_of(&stack), $message)
            };
        }
        // A character XML cannot carry in character data, where it is.
        macro_rules! check_text {
            ($raw:expr) => {
                if let Err((index, message)) = check_chars($raw) {
                    return Err((at + index as u64, path_of(&stack), message));
                }
            };
        }
        match event {
            Event::Start(tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(fault!(format!("elements are nested more than {MAX_DEPTH} deep")));
                }
                let (resolved, local) = reader.resolver().resolve_element(tag.name());
                let ns = match resolved {
                    ResolveResult::Bound(uri) => namespace(uri.0),
                    ResolveResult::Unbound => Ns::None,
                    ResolveResult::Unknown(prefix) => {
                        return Err(fault!(format!("element prefix {prefix:?} is not declared")));
                    }
                };
                let qualified = tag.name().0.to_owned();
                let name: &str = local.as_ref();
                let name = name.to_owned();
                let mut attributes = Vec::new();
                for attribute in tag.attributes() {
                    let attribute =
                        attribute.map_err(|error| fault!(format!("malformed attribute: {error}")))?;
                    if attribute.key.as_namespace_binding().is_some() {
                        continue;
                    }
                    let value = attribute
                        .normalized_value(XmlVersion::Explicit1_0)
                        .map_err(|error| fault!(format!("attribute {:?}: {error}", attribute.key.0)))?;
                    check_chars(&value).map_err(|(_, message)| fault!(message))?;
                    let (resolved, local) = reader.resolver().resolve_attribute(attribute.key);
                    let ns = match resolved {
                        ResolveResult::Unbound => Ns::None,
                        ResolveResult::Bound(uri) if uri.0 == XSI_NAMESPACE => continue,
                        ResolveResult::Bound(uri) => namespace(uri.0),
                        ResolveResult::Unknown(prefix) => {
                            return Err(fault!(format!("attribute prefix {prefix:?} is not declared")));
                        }
                    };
                    let name: &str = local.as_ref();
                    attributes.push(Attribute { ns, name: name.to_owned(), value: value.into_owned() });
                }
                let path = match stack.last_mut() {
                    None => format!("/{qualified}"),
                    Some((parent, counts)) => {
                        let index = match counts.iter_mut().find(|(n, _)| *n == qualified) {
                            Some((_, count)) => {
                                *count += 1;
                                *count
                            }
                            None => {
                                counts.push((qualified.clone(), 1));
                                1
                            }
                        };
                        format!("{}/{qualified}[{index}]", parent.path)
                    }
                };
                if stack.is_empty() && root.is_some() {
                    return Err(fault!("a second root element after the first".to_owned()));
                }
                stack.push((
                    Element { ns, name, attributes, children: Vec::new(), offset: at, path },
                    Vec::new(),
                ));
            }
            Event::End(_) => {
                let (element, _) = stack.pop().expect("quick-xml checks end tags against start tags");
                match stack.last_mut() {
                    Some((parent, _)) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::Empty(_) => unreachable!("empty elements are expanded"),
            Event::Text(content) => {
                check_text!(&content);
                push_text(&mut stack, &content.xml10_content()).map_err(|message| fault!(message))?;
            }
            Event::CData(content) => {
                // Past the `<![CDATA[` that begins the event.
                if let Err((index, message)) = check_chars(&content) {
                    return Err((at + 9 + index as u64, path_of(&stack), message));
                }
                push_text(&mut stack, &content.xml10_content()).map_err(|message| fault!(message))?;
            }
            Event::GeneralRef(reference) => {
                let c = match reference.resolve_char_ref() {
                    Ok(Some(c)) if is_xml_char(c) => c,
                    Ok(Some(c)) => {
                        return Err(fault!(format!(
                            "&{}; names U+{:04X}, which XML 1.0 does not allow",
                            &*reference,
                            u32::from(c)
                        )));
                    }
                    Err(error) => {
                        return Err(fault!(format!("bad character reference &{};: {error}", &*reference)));
                    }
                    Ok(None) => match &*reference {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => {
                            return Err(fault!(format!(
                                "undefined entity &{other}; (only the five predefined ones are allowed)"
                            )));
                        }
                    },
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4])).map_err(|message| fault!(message))?;
            }
            Event::Decl(decl) => {
                let version =
                    decl.version().map_err(|error| fault!(format!("bad XML declaration: {error}")))?;
                if &*version != "1.0" {
                    return Err(fault!(format!("XML version {version:?} is not read; only 1.0")));
                }
                if let Some(encoding) = decl.encoding() {
                    let encoding =
                        encoding.map_err(|error| fault!(format!("bad XML declaration: {error}")))?;
                    if !encoding.eq_ignore_ascii_case("utf-8") {
                        return Err(fault!(format!("encoding {encoding:?} is not read; only UTF-8")));
                    }
                }
            }
            Event::DocType(_) => {
                return Err(fault!("document type declarations (DOCTYPE) are not allowed".to_owned()));
            }
            Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => {
                if let Some((element, _)) = stack.last() {
                    return Err((
                        at,
                        element.path.clone(),
                        format!("the input ends inside <{}>", element.name),
                    ));
                }
                return root
                    .ok_or_else(|| (at, String::new(), "the document has no root element".to_owned()));
            }
        }
    }
}

/// The path of the innermost open element.
fn path_of(stack: &[(Element, Vec<(String, usize)>)]) -> String {
    stack.last().map(|(element, _)| element.path.clone()).unwrap_or_default()
}

/// Adds character data to the innermost open element, joined to text right before it.
fn push_text(stack: &mut [(Element, Vec<(String, usize)>)], content: &str) -> Result<(), String> {
    let Some((element, _)) = stack.last_mut() else {
        if content.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
            return Ok(());
        }
        return Err("text outside the root element".to_owned());
    };
    match element.children.last_mut() {
        Some(Node::Text(text)) => text.push_str(content),
        _ => element.children.push(Node::Text(content.to_owned())),
    }
    Ok(())
}

/// Errors on the first character XML 1.0 cannot carry (quick-xml does not check), with
/// its byte index in `text`.
fn check_chars(text: &str) -> Result<(), (usize, String)> {
    match text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        None => Ok(()),
        Some((index, c)) => Err((
            index,
            format!(
                "U+{:04X} is not a character XML 1.0 allows (the writer escapes it as an element)",
                u32::from(c)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_with_text_joined_and_paths() {
        let root = parse(
            "<a xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0' xmlns:cq='https://w3id.org/communique/akn/1.0'>\
             <b>x&amp;y&#13;z<![CDATA[<w>]]></b><b cq:n='1'/><cq:c/></a>"
                .as_bytes(),
        )
        .unwrap();
        assert!(root.is(&Ns::Akn, "a"));
        let children: Vec<&Element> = root.elements().collect();
        assert_eq!(children.len(), 3);
        assert!(matches!(&children[0].children[..], [Node::Text(t)] if t == "x&y\rz<w>"));
        assert_eq!(children[1].path, "/a/b[2]");
        assert_eq!(children[1].attribute_in(&Ns::Ext, "n"), Some("1"));
        assert!(children[2].is(&Ns::Ext, "c"));
        assert_eq!(children[2].path, "/a/cq:c[1]");
    }

    #[test]
    fn faults_say_where() {
        for (input, offset, message) in [
            ("<a>\u{1}</a>", 3, "U+0001"),
            ("<a>b\u{1}</a>", 4, "U+0001"),
            ("<a><![CDATA[bc\u{1}]]></a>", 14, "U+0001"),
            ("<a>&#1;</a>", 3, "U+0001"),
            ("<a>&nbsp;</a>", 3, "undefined entity"),
            ("<!DOCTYPE a><a/>", 0, "DOCTYPE"),
            ("<a/><b/>", 4, "second root"),
            ("<a>", 3, "ends inside <a>"),
            ("<x:a/>", 0, "not declared"),
            ("", 0, "no root element"),
            ("<?xml version='1.1'?><a/>", 0, "only 1.0"),
        ] {
            let (at, _, text) = parse(input.as_bytes()).unwrap_err();
            assert_eq!(at, offset, "{input:?}: {text}");
            assert!(text.contains(message), "{input:?}: {text}");
        }
        assert_eq!(parse(b"<a>\xFF</a>").unwrap_err().0, 3);
    }
}
