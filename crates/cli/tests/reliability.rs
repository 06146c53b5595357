//! What the `communique` command leaves in its output folder when things go wrong: a
//! commit that fails, a signal, a target that is not a regular file, inputs that all
//! fail, bad options and repeated ids.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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

fn reference_json() -> PathBuf {
    communique_testdata::root().join("examples/data/nato-2022-02-16-defence-ministers-ukraine.json")
}

/// Everything under `dir`, hidden entries included: each path with the bytes of a file,
/// the target of a link, or nothing for a folder.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(root).unwrap().display().to_string();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_symlink() {
                into.insert(name, format!("link to {}", s(&std::fs::read_link(&path).unwrap())));
            } else if kind.is_dir() {
                into.insert(name, "folder".into());
                walk(root, &path, into);
            } else {
                into.insert(name, text(&std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// Converts the reference record to `formats` in `out`, for a run to replace.
fn existing_outputs(out: &Path, formats: &str) {
    let run = communique(&["convert", &s(&reference_json()), "--to", formats, "--out", &s(out)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
}

#[test]
fn convert_replaces_nothing_when_no_record_converts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    existing_outputs(&out, "json,jsonl,csv,xml");
    let before = snapshot(&out);
    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": \"x\", \"kind\": \"memo\"}\n").unwrap();
    let run = communique(&["convert", &s(&bad), "--to", "json,jsonl,csv,xml", "--out", &s(&out), "--force"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("nothing converted"), "{}", text(&run.stderr));
    assert_eq!(snapshot(&out), before, "the outputs as they were");
}

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
