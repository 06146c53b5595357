//! The example binaries run as a user runs them, with their output checked.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `cargo test` builds the examples beside the test binaries: target/<profile>/examples/.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).expect("target/<profile>/deps/<test>");
    dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

fn run(name: &str, args: &[&str]) -> (String, String) {
    let exe = example(name);
    // `cargo test --workspace` builds the examples; a filtered run (`--test examples_run`)
    // does not, and cargo holds the build lock while tests run, so they cannot build it.
    assert!(
        exe.is_file(),
        "example `{name}` is not built at {}: run `cargo build --examples -p communique` first, \
         or the whole `cargo test --workspace`",
        exe.display()
    );
    let output = Command::new(&exe).args(args).output().unwrap_or_else(|e| panic!("{name}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{name} failed:\n{stderr}");
    (stdout, stderr)
}

#[test]
fn convert_writes_every_format_for_the_reference_statement() {
    let (stdout, _) = run("convert", &[]);
    assert!(stdout.contains("issued 2022-02-16 in Brussels; source: NATO"), "{stdout}");
    assert!(stdout.contains("paragraphs: 5 (5 body)"), "{stdout}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/communique-example");
    for name in [
        "statements.jsonl",
        "statements.xml",
        "statements.jsonld",
        "csv/commitments.csv",
        "csv/datapackage.json",
    ] {
        assert!(out.join(name).is_file(), "{name} missing");
    }
    let record = std::fs::read_to_string(out.join("statements.jsonl")).unwrap();
    let statement = communique::model::json::from_str(record.trim_end()).unwrap();
    assert_eq!(statement.paragraphs.len(), 5);
    // Every required commitment of the gold file is found (17), and none more than the
    // gold allows (the optional "Our measures are and remain preventive" may be found).
    assert!((17..=18).contains(&statement.commitments.len()), "{stdout}");
    assert!(stdout.contains(&format!("commitments: {}", statement.commitments.len())));
}

#[test]
fn build_statement_prints_json_ld() {
    let (stdout, _) = run("build_statement", &[]);
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let text = document.to_string();
    assert!(text.contains("2022-02-16"), "{stdout}");
    assert!(text.contains("Article 5 of the Washington Treaty"), "{stdout}");
    assert!(text.contains("TextPositionSelector"), "{stdout}");
}

#[test]
fn ingest_only_times_a_pass_over_the_files_given() {
    let text = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data/nato-2022-02-16-defence-ministers-ukraine.txt");
    let bytes = std::fs::metadata(&text).unwrap().len();
    let (stdout, _) = run("ingest_only", &["--passes", "1", text.to_str().unwrap()]);
    assert!(stdout.contains(" s per pass, ") && stdout.contains(" MB/s, "), "{stdout}");
    assert!(stdout.trim_end().ends_with(&format!("1 files, {bytes} bytes")), "{stdout}");
}
