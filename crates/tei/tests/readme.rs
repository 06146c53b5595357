//! The README shows the reference statement as this crate writes it: every line of its
//! `xml` block but the `<!-- … -->` elisions is a line of the document, in order.

mod common;

use communique_tei::TeiSerializer;

#[test]
fn the_readme_shows_the_reference_statement_as_written() {
    let readme = include_str!("../README.md");
    let block = readme.split("```xml\n").nth(1).expect("an xml block").split("```").next().unwrap();
    let document = TeiSerializer::default().prepare(&common::reference_statement()).unwrap().into_string();
    let lines: Vec<&str> = document.lines().collect();
    let mut at = 0;
    let mut checked = 0;
    for shown in block.lines().filter(|line| !line.trim_start().starts_with("<!-- …")) {
        match lines[at..].iter().position(|line| *line == shown) {
            Some(found) => at += found + 1,
            None => panic!("README line not in the document (or out of order):\n{shown}"),
        }
        checked += 1;
    }
    assert!(checked > 60, "{checked} lines checked");
}

/// The repository's README shows a paragraph of the reference statement in this form,
/// after `<!-- checked: tei -->`: its lines are lines of the document, in order.
#[test]
fn the_repository_readme_shows_a_paragraph_as_written() {
    let readme = std::fs::read_to_string(communique_testdata::root().join("README.md")).unwrap();
    let block = readme
        .split("<!-- checked: tei -->\n```xml\n")
        .nth(1)
        .expect("a checked xml block")
        .split("```")
        .next()
        .unwrap();
    let document = TeiSerializer::default().prepare(&common::reference_statement()).unwrap().into_string();
    let lines: Vec<&str> = document.lines().collect();
    let shown: Vec<&str> = block.lines().collect();
    assert!(!shown.is_empty());
    let first = lines.iter().position(|line| *line == shown[0]).expect("the block's first line");
    assert_eq!(&lines[first..first + shown.len()], shown.as_slice());
}
