//! What the `communique` command leaves in its output folder when things go wrong: a
//! commit that fails, a signal, a target that is not a regular file, inputs that all
//! fail, bad options and repeated ids.

use std::path::Path;
use std::process::{Command, Output};

fn communique(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_communique")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

/// The id ingest derives from the reference text (and the hand-coded record has).
const REFERENCE_ID: &str = "nato-2022-02-16-59fa18d5";

#[test]
fn a_malformed_language_tag_is_a_bad_option() {
    let tmp = tempfile::tempdir().unwrap();
    let reference = communique_testdata::reference_text();
    let out = tmp.path().join("out");
    for args in [
        vec!["ingest", "--lang", "en_GB", &s(&reference)],
        vec!["convert", "--lang", "en_GB", &s(&reference), "--to", "jsonl", "--out", &s(&out)],
    ]
    .map(|args| args.into_iter().map(str::to_owned).collect::<Vec<_>>())
    {
        let run = communique(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let stderr = text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{}: {stderr}", args[0]);
        assert!(stderr.contains("--lang \"en_GB\""), "{}: {stderr}", args[0]);
        assert!(stderr.contains("BCP 47") && stderr.contains("en-GB"), "{}: {stderr}", args[0]);
        assert!(!stderr.contains(&s(&reference)), "the input is not to blame: {stderr}");
        assert!(run.stdout.is_empty());
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn ingest_refuses_a_second_record_with_the_same_id() {
    let tmp = tempfile::tempdir().unwrap();
    let reference = communique_testdata::reference_text();
    let copy = tmp.path().join("copy.txt");
    std::fs::copy(&reference, &copy).unwrap();
    let out = tmp.path().join("records.jsonl");
    let run = communique(&["ingest", &s(&reference), &s(&copy), "--out", &s(&out)]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains(&format!("{}: duplicate id \"{REFERENCE_ID}\": {} has it", s(&copy), s(&reference))),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 1);

    // The same file twice.
    let run = communique(&["ingest", &s(&reference), &s(&reference)]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("duplicate id"), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout).lines().count(), 1);
}
