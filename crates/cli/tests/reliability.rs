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
