//! The `communique` command run as a subprocess, as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn communique(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_communique")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn reference_json() -> PathBuf {
    communique_testdata::root().join("examples/data/nato-2022-02-16-defence-ministers-ukraine.json")
}

fn corpus_texts() -> Vec<String> {
    let files: Vec<String> =
        communique_testdata::corpus_texts().iter().map(|p| p.display().to_string()).collect();
    assert_eq!(files.len(), 10, "the corpus has ten statements");
    files
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn converts_the_corpus_validates_and_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut args = vec!["convert".to_owned()];
    args.extend(corpus_texts());
    args.extend(["--to", "jsonl,csv,xml,jsonld", "--out", &s(&out)].map(String::from));
    let run = communique(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("converted 10 statement(s)"), "{}", text(&run.stderr));
    assert_eq!(names(&out), ["csv", "statements.jsonl", "statements.jsonld", "statements.xml"]);
    for table in
        ["statements.csv", "paragraphs.csv", "commitments.csv", "csv-metadata.json", "datapackage.json"]
    {
        assert!(out.join("csv").join(table).is_file(), "csv/{table}");
    }
    let jsonl = std::fs::read_to_string(out.join("statements.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 10);

    let validate = communique(&["validate", &s(&out.join("statements.jsonl"))]);
    assert!(validate.status.success(), "{}", text(&validate.stdout));
    assert_eq!(
        text(&validate.stdout).trim(),
        format!("ok: {} (10 records)", s(&out.join("statements.jsonl")))
    );

    let stats = communique(&["stats", &s(&out.join("statements.jsonl"))]);
    assert!(stats.status.success(), "{}", text(&stats.stderr));
    let table = text(&stats.stdout);
    assert!(table.starts_with("10 statement(s), "), "{table}");
    for heading in ["Paragraphs by kind", "Commitments by kind", "By issuer", "By year of issue"] {
        assert!(table.contains(heading), "{heading} missing in\n{table}");
    }
    assert!(table.contains("\n  2022  "), "the reference statement's year:\n{table}");

    // Every format read back gives the same records, in the same order.
    let again = tmp.path().join("again");
    let run = communique(&[
        "convert",
        &s(&out.join("statements.jsonl")),
        "--to",
        "json,jsonl,csv,xml,jsonld",
        "--out",
        &s(&again),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(std::fs::read_to_string(again.join("statements.jsonl")).unwrap(), jsonl);
    assert_eq!(names(&again.join("json")).len(), 10);
    for (input, name) in [("statements.xml", "xml"), ("statements.jsonld", "jsonld"), ("csv", "csv")] {
        let back = tmp.path().join(format!("from-{name}"));
        let run = communique(&["convert", &s(&again.join(input)), "--to", "jsonl", "--out", &s(&back)]);
        assert!(run.status.success(), "{name}: {}", text(&run.stderr));
        assert_eq!(
            std::fs::read_to_string(back.join("statements.jsonl")).unwrap(),
            jsonl,
            "{name} round trip"
        );
    }
}

#[test]
fn a_broken_input_is_named_and_the_others_convert() {
    let tmp = tempfile::tempdir().unwrap();
    let broken = tmp.path().join("broken.jsonl");
    let mut good: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    good["id"] = "another-id".into();
    std::fs::write(&broken, format!("{good}\n{{\"id\": \"x\", \"kind\": \"memo\"}}\n")).unwrap();
    let out = tmp.path().join("out");
    let run =
        communique(&["convert", &s(&reference_json()), &s(&broken), "--to", "jsonl,xml", "--out", &s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(stderr.contains(&format!("{}:2:", s(&broken))), "file and line named: {stderr}");
    assert!(stderr.contains("$.kind"), "path named: {stderr}");
    assert!(stderr.contains("converted 2 statement(s), 1 failed"), "{stderr}");
    assert_eq!(names(&out), ["statements.jsonl", "statements.xml"], "no temporary file is left");
    assert_eq!(std::fs::read_to_string(out.join("statements.jsonl")).unwrap().lines().count(), 2);

    let strict = tmp.path().join("strict");
    let run = communique(&[
        "convert",
        &s(&broken),
        &s(&reference_json()),
        "--to",
        "jsonl,csv",
        "--out",
        &s(&strict),
        "--fail-fast",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(names(&strict).is_empty(), "--fail-fast leaves no partial output: {:?}", names(&strict));
}

#[test]
fn ids_never_write_outside_the_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let reference: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    let mut lines = String::new();
    for id in ["../../x", "C:\\x", "/etc/passwd"] {
        let mut record = reference.clone();
        record["id"] = id.into();
        lines.push_str(&serde_json::to_string(&record).unwrap());
        lines.push('\n');
    }
    let input = tmp.path().join("hostile.jsonl");
    std::fs::write(&input, lines).unwrap();
    let out = tmp.path().join("deep/out");
    let run = communique(&["convert", &s(&input), "--to", "json", "--out", &s(&out)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(names(&out.join("json")), ["C__x.json", "_.._.._x.json", "_etc_passwd.json"]);
    assert_eq!(names(tmp.path()), ["deep", "hostile.jsonl"], "nothing written beside the output");
    assert_eq!(names(&tmp.path().join("deep")), ["out"]);
}

#[test]
fn inputs_and_existing_outputs_are_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("statements.jsonl");
    let original = std::fs::read_to_string(reference_json()).unwrap();
    let line =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&original).unwrap()).unwrap() + "\n";
    std::fs::write(&input, &line).unwrap();
    for force in [false, true] {
        let mut args = vec![
            "convert",
            input.to_str().unwrap(),
            "--to",
            "jsonl,xml",
            "--out",
            tmp.path().to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        let run = communique(&args);
        assert_eq!(run.status.code(), Some(2), "force={force}");
        assert!(text(&run.stderr).contains("refusing to write"), "{}", text(&run.stderr));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), line, "the input is untouched");
    }
    let out = tmp.path().join("out");
    let first = communique(&["convert", &s(&input), "--to", "xml", "--out", &s(&out)]);
    assert!(first.status.success());
    std::fs::write(out.join("statements.xml"), "keep me").unwrap();
    let again = communique(&["convert", &s(&input), "--to", "xml", "--out", &s(&out)]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("exists: use --force"), "{}", text(&again.stderr));
    assert_eq!(std::fs::read_to_string(out.join("statements.xml")).unwrap(), "keep me");
    let forced = communique(&["convert", &s(&input), "--to", "xml", "--out", &s(&out), "--force"]);
    assert!(forced.status.success());
    assert!(std::fs::read_to_string(out.join("statements.xml")).unwrap().starts_with("<?xml"));
}

#[test]
fn ingest_prints_one_record_or_json_lines() {
    let reference = communique_testdata::reference_text();
    let one = communique(&["ingest", &s(&reference)]);
    assert!(one.status.success(), "{}", text(&one.stderr));
    let record: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(record["issued"], "2022-02-16");
    assert_eq!(record["places"], serde_json::json!(["Brussels"]));
    assert_eq!(record["paragraphs"].as_array().unwrap().len(), 5);

    let files = corpus_texts();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    let many = communique(&args);
    assert!(many.status.success(), "{}", text(&many.stderr));
    assert_eq!(text(&many.stdout).lines().count(), 10);

    let missing = communique(&["ingest", "no-such-file.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no-such-file.txt: cannot read"), "{}", text(&missing.stderr));
}

#[test]
fn ingest_and_convert_read_html_pages_and_web_archives() {
    let dir = communique_testdata::html_corpus_dir();
    let page = dir.join("kremlin_en_17610.html");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold/kremlin_en_17610.json")).unwrap())
            .unwrap();
    let one = communique(&["ingest", &s(&page), "--retrieved", "2024-05-01"]);
    assert!(one.status.success(), "{}", text(&one.stderr));
    let record: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(record["title"], gold["title"]);
    assert_eq!(record["issued"], gold["issued"]);
    assert_eq!(record["source"]["retrieved"], "2024-05-01");
    // The lead, then the gold's paragraphs.
    let paragraphs: Vec<&str> =
        record["paragraphs"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(paragraphs[0], gold["lead"]);
    assert_eq!(
        paragraphs[1..],
        gold["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect::<Vec<_>>()[..]
    );

    // A web archive: one record a page, JSON Lines, with address and date retrieved.
    let warc = communique_testdata::html_corpus_warc();
    let lines = communique(&["ingest", &s(&warc)]);
    assert!(lines.status.success(), "{}", text(&lines.stderr));
    let records: Vec<serde_json::Value> =
        text(&lines.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 57);
    assert_eq!(records[0]["source"]["url"], "https://archive.example/europarl_20190712IPR56948.html");
    assert_eq!(records[0]["source"]["retrieved"], "2026-01-02");

    // convert takes both, in input order; an altered record is named with its file,
    // record and byte offset, and the others go on.
    let out = tempfile::tempdir().unwrap();
    let bad = communique_testdata::root().join("crates/html/tests/data/warc/bad-digest.warc");
    let converted = communique(&["convert", &s(&page), &s(&bad), "--to", "jsonl", "--out", &s(out.path())]);
    assert_eq!(converted.status.code(), Some(1));
    let stderr = text(&converted.stderr);
    assert!(stderr.contains("bad-digest.warc:record 3 (byte "), "{stderr}");
    assert!(stderr.contains("WARC-Payload-Digest"), "{stderr}");
    let jsonl = std::fs::read_to_string(out.path().join("statements.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 3, "the page and the two good records of the archive");

    let refused = communique(&["validate", &s(&page)]);
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn validate_names_file_line_and_path() {
    let tmp = tempfile::tempdir().unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    let mut bad = original.clone();
    bad["commitments"][3]["paragraph"] = "para_42".into();
    bad["issued"] = "2022-02-30".into();
    let input = tmp.path().join("records.jsonl");
    std::fs::write(&input, format!("{original}\n{bad}\n")).unwrap();
    let run = communique(&["validate", &s(&input)]);
    assert_eq!(run.status.code(), Some(1));
    let report = text(&run.stdout);
    assert!(report.contains(&format!("{}:2: schema: at $.issued", s(&input))), "{report}");
    assert!(!report.contains(&format!("{}:1:", s(&input))), "line 1 is valid: {report}");
}

#[test]
fn schema_writes_every_shipped_file() {
    let tmp = tempfile::tempdir().unwrap();
    let run = communique(&["schema", "--out", &s(tmp.path())]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        names(tmp.path()),
        [
            "communique.context.jsonld",
            "communique.shapes.ttl",
            "communique.vocab.ttl",
            "communique.xsd",
            "statement.schema.json"
        ]
    );
    let checked_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    for name in names(tmp.path()) {
        assert_eq!(
            std::fs::read_to_string(tmp.path().join(&name)).unwrap(),
            std::fs::read_to_string(checked_in.join(&name)).unwrap(),
            "{name} differs from schemas/{name}"
        );
    }
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for command in ["ingest", "convert", "validate", "schema", "stats"] {
        let run = communique(&[command, "--help"]);
        assert!(run.status.success(), "{command}");
        let help = text(&run.stdout);
        assert!(
            help.contains("Examples:") && help.contains(&format!("communique {command}")),
            "{command}:\n{help}"
        );
    }
}

#[test]
fn a_repeated_id_is_a_bad_record_not_a_broken_collection() {
    let tmp = tempfile::tempdir().unwrap();
    let reference = communique_testdata::reference_text();
    // The hand-coded record and the ingested text share the id derived from the same text.
    let out = tmp.path().join("out");
    let run =
        communique(&["convert", &s(&reference_json()), &s(&reference), "--to", "xml,csv", "--out", &s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains(&format!("{}: duplicate id \"nato-2022-02-16-59fa18d5\"", s(&reference))),
        "{stderr}"
    );
    assert!(stderr.contains("converted 1 statement(s), 1 failed"), "{stderr}");
    assert_eq!(names(&out), ["csv", "statements.xml"]);
}

#[test]
fn ingest_reads_only_texts_and_keeps_an_existing_output_when_nothing_was_ingested() {
    let tmp = tempfile::tempdir().unwrap();
    let run = communique(&["ingest", &s(&reference_json())]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("use `communique convert`"), "{}", text(&run.stderr));
    assert!(run.stdout.is_empty());

    let out = tmp.path().join("out.json");
    std::fs::write(&out, "keep me").unwrap();
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let run = communique(&["ingest", &s(&empty), "--out", &s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    assert_eq!(names(tmp.path()), ["empty.txt", "out.json"], "no temporary file left");

    let reference = communique_testdata::reference_text();
    let run = communique(&["ingest", &s(&reference), "--out", &s(&out)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(record["source"]["attribution"], "NATO");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o644);
    }
}

#[test]
fn one_job_or_two_write_the_same_bytes_in_input_order() {
    // 150 records: several batches, so reading ahead, preparing in parallel and writing
    // on writer threads (`--jobs 2`) all take part, and must change nothing.
    let tmp = tempfile::tempdir().unwrap();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    let mut lines = String::new();
    for n in 0..150 {
        record["id"] = format!("record-{n:03}").into();
        lines.push_str(&format!("{record}\n"));
    }
    let input = tmp.path().join("many.jsonl");
    std::fs::write(&input, &lines).unwrap();
    let mut outputs = Vec::new();
    for jobs in ["1", "2"] {
        let out = tmp.path().join(format!("jobs-{jobs}"));
        let run = communique(&[
            "convert",
            &s(&input),
            "--to",
            "jsonl,csv,xml,jsonld",
            "--out",
            &s(&out),
            "--jobs",
            jobs,
        ]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        outputs.push(out);
    }
    assert_eq!(std::fs::read_to_string(outputs[0].join("statements.jsonl")).unwrap(), lines);
    for file in [
        "statements.jsonl",
        "statements.xml",
        "statements.jsonld",
        "csv/statements.csv",
        "csv/commitments.csv",
    ] {
        assert_eq!(
            std::fs::read(outputs[0].join(file)).unwrap(),
            std::fs::read(outputs[1].join(file)).unwrap(),
            "{file}"
        );
    }

    // A bad record late in the input, after batches were already written: --fail-fast
    // still leaves nothing behind, with the reader thread still ahead.
    let mut bad = lines.clone();
    bad.push_str("{\"id\": \"late\"}\n");
    bad.push_str(&lines.replace("record-", "more-"));
    std::fs::write(&input, bad).unwrap();
    let strict = tmp.path().join("strict");
    let run = communique(&[
        "convert",
        &s(&input),
        "--to",
        "csv,xml",
        "--out",
        &s(&strict),
        "--jobs",
        "2",
        "--fail-fast",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains(&format!("{}:151:", s(&input))), "{}", text(&run.stderr));
    assert!(names(&strict).is_empty(), "{:?}", names(&strict));
}

#[test]
fn json_lines_blank_lines_are_skipped_and_bad_bytes_named() {
    let tmp = tempfile::tempdir().unwrap();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    let mut bytes = format!("{record}\r\n").into_bytes();
    // Line 2: "{" then a lone continuation byte, the 2nd byte of the line.
    bytes.extend_from_slice(b"{\x80}\n");
    // Lines 3 to 5: white space only (ASCII, a no-break space, a line tabulation): skipped.
    bytes.extend_from_slice(" \t\n\u{a0}\n\u{b}\n".as_bytes());
    record["id"] = "second".into();
    bytes.extend_from_slice(format!("{record}").as_bytes()); // no final newline
    let input = tmp.path().join("mixed.jsonl");
    std::fs::write(&input, bytes).unwrap();
    let out = tmp.path().join("out");
    let run = communique(&["convert", &s(&input), "--to", "jsonl", "--out", &s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(stderr.contains(&format!("{}:2: invalid UTF-8 at byte 2 of the line", s(&input))), "{stderr}");
    assert!(stderr.contains("converted 2 statement(s), 1 failed"), "{stderr}");
    let written = std::fs::read_to_string(out.join("statements.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 2);
    assert!(written.lines().nth(1).unwrap().starts_with("{\"id\":\"second\""), "{written}");
}

#[test]
fn akn_and_tei_folders_read_back_to_the_same_json_lines() {
    // The corpus as ingested, and the hand-coded reference statement (apart: it has the id
    // ingest gives the reference text).
    let reference = vec![s(&reference_json())];
    for (name, inputs) in [("corpus", corpus_texts()), ("reference", reference)] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let mut args = vec!["convert".to_owned()];
        args.extend(inputs);
        args.extend(["--to", "jsonl,akn,tei", "--out", &s(&out)].map(String::from));
        let run = communique(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(run.status.success(), "{name}: {}", text(&run.stderr));
        assert_eq!(names(&out), ["akn", "statements.jsonl", "tei"], "{name}");
        let jsonl = std::fs::read_to_string(out.join("statements.jsonl")).unwrap();
        let ids: Vec<String> = jsonl
            .lines()
            .map(|line| {
                serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_str().unwrap().to_owned()
            })
            .collect();
        // The ids are ASCII letters, digits and hyphens: each names its file as it is.
        let mut files: Vec<String> = ids.iter().map(|id| format!("{id}.xml")).collect();
        files.sort();
        for folder in ["akn", "tei"] {
            assert_eq!(names(&out.join(folder)), files, "{name}: {folder}/");
            // Read back, in the order of the records, gives the same JSON Lines byte for byte.
            let back = tmp.path().join(format!("from-{folder}"));
            let mut args = vec!["convert".to_owned()];
            args.extend(ids.iter().map(|id| s(&out.join(folder).join(format!("{id}.xml")))));
            args.extend(["--to", "jsonl", "--out", &s(&back)].map(String::from));
            let run = communique(&args.iter().map(String::as_str).collect::<Vec<_>>());
            assert!(run.status.success(), "{name}: {folder}: {}", text(&run.stderr));
            assert_eq!(
                std::fs::read_to_string(back.join("statements.jsonl")).unwrap(),
                jsonl,
                "{name}: {folder}"
            );

            let first = out.join(folder).join(&files[0]);
            let validate = communique(&["validate", &s(&first)]);
            assert_eq!(text(&validate.stdout).trim(), format!("ok: {} (1 record)", s(&first)));
        }
    }
}

#[test]
fn a_broken_akn_document_is_named_with_line_column_and_element() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = communique(&["convert", &s(&reference_json()), "--to", "akn", "--out", &s(&out)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let document = std::fs::read_to_string(out.join("akn/nato-2022-02-16-59fa18d5.xml")).unwrap();
    // An element Akoma Ntoso does not have, right after "<mainBody>" (indented by four
    // spaces): column 15 of its line.
    let line = document.lines().position(|l| l == "    <mainBody>").unwrap() + 1;
    let broken = tmp.path().join("broken.xml");
    std::fs::write(&broken, document.replacen("<mainBody>", "<mainBody><statementBody/>", 1)).unwrap();
    let run = communique(&["convert", &s(&broken), "--to", "jsonl", "--out", &s(&tmp.path().join("back"))]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains(&format!(
            "{}:{line}:15: at /akomaNtoso/doc[1]/mainBody[1]/statementBody[1]: element <statementBody> is not expected in <mainBody>",
            s(&broken)
        )),
        "{}",
        text(&run.stderr)
    );
}

/// The lines of `file`, sorted: a collection compared as a set of records.
fn sorted_lines(file: &Path) -> Vec<String> {
    let mut lines: Vec<String> = std::fs::read_to_string(file).unwrap().lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn parquet_tables_convert_and_read_back_the_same_records() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut args = vec!["convert".to_owned()];
    args.extend(corpus_texts());
    args.extend(["--to", "jsonl,parquet", "--out", &s(&out)].map(String::from));
    let run = communique(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(names(&out), ["parquet", "statements.jsonl"]);
    let mut tables: Vec<String> =
        communique::parquet::TABLE_NAMES.iter().map(|t| format!("{t}.parquet")).collect();
    tables.push("datapackage.json".into());
    tables.sort();
    assert_eq!(names(&out.join("parquet")), tables);

    // Read back as a folder, in the order written: the same JSON Lines, byte for byte.
    let back = tmp.path().join("back");
    let run = communique(&["convert", &s(&out.join("parquet")), "--to", "jsonl", "--out", &s(&back)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        std::fs::read(back.join("statements.jsonl")).unwrap(),
        std::fs::read(out.join("statements.jsonl")).unwrap()
    );
    let validate = communique(&["validate", &s(&out.join("parquet"))]);
    assert!(validate.status.success(), "{}", text(&validate.stdout));
    // A table file alone is not an input.
    let run = communique(&[
        "convert",
        &s(&out.join("parquet/statements.parquet")),
        "--to",
        "jsonl",
        "--out",
        &s(&back),
        "--force",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("read as a folder"), "{}", text(&run.stderr));
}

#[test]
fn four_shards_give_together_the_records_of_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    // Inputs dealt file by file (the ten texts) and record by record (23 JSON Lines
    // records): 33 units, so shards 1 to 4 take 9, 8, 8 and 8 of them.
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    let mut lines = String::new();
    for n in 0..23 {
        record["id"] = format!("record-{n:02}").into();
        lines.push_str(&format!("{record}\n"));
    }
    let jsonl = tmp.path().join("many.jsonl");
    std::fs::write(&jsonl, &lines).unwrap();
    let texts = corpus_texts();
    let mut inputs: Vec<String> = texts[..5].to_vec();
    inputs.push(s(&jsonl));
    inputs.extend(texts[5..].iter().cloned());

    let convert = |out: &Path, extra: &[&str]| {
        let mut args = vec!["convert".to_owned()];
        args.extend(inputs.iter().cloned());
        args.extend(["--to", "jsonl,parquet,csv", "--out", &s(out)].map(String::from));
        args.extend(extra.iter().map(|a| (*a).to_owned()));
        communique(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let whole = tmp.path().join("whole");
    let run = convert(&whole, &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));

    let shared = tmp.path().join("shared");
    let mut counts = Vec::new();
    for k in 1..=4 {
        let run =
            convert(&shared, &["--shard", &format!("{k}/4"), "--jobs", if k % 2 == 0 { "2" } else { "1" }]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        counts.push(
            std::fs::read_to_string(shared.join(format!("statements-{k}-of-4.jsonl")))
                .unwrap()
                .lines()
                .count(),
        );
    }
    assert_eq!(counts, [9, 8, 8, 8]);
    assert_eq!(
        names(&shared),
        [
            "csv-1-of-4",
            "csv-2-of-4",
            "csv-3-of-4",
            "csv-4-of-4",
            "parquet",
            "statements-1-of-4.jsonl",
            "statements-2-of-4.jsonl",
            "statements-3-of-4.jsonl",
            "statements-4-of-4.jsonl"
        ]
    );
    assert_eq!(names(&shared.join("parquet")).len(), 4 * 11);
    // Shard 1 takes unit 0 (the first text), unit 4 (the fifth) and units 8, 12, … of the
    // JSON Lines records that follow them (records 3, 7, 11, 15, 19, the 4th, 8th, …).
    let first = std::fs::read_to_string(shared.join("statements-1-of-4.jsonl")).unwrap();
    let ids: Vec<String> = first
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(&ids[2..7], ["record-03", "record-07", "record-11", "record-15", "record-19"]);

    // Together, the shards' JSON Lines and their Parquet tables read back are the records
    // of the one run.
    let mut together: Vec<String> =
        (1..=4).flat_map(|k| sorted_lines(&shared.join(format!("statements-{k}-of-4.jsonl")))).collect();
    together.sort();
    assert_eq!(together, sorted_lines(&whole.join("statements.jsonl")));
    let back = tmp.path().join("back");
    let run = communique(&["convert", &s(&shared.join("parquet")), "--to", "jsonl", "--out", &s(&back)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(sorted_lines(&back.join("statements.jsonl")), sorted_lines(&whole.join("statements.jsonl")));

    // A shard run again is refused without --force, and replaces only its own files with it.
    let run = convert(&shared, &["--shard", "2/4"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("statements-2-of-4.jsonl exists"), "{}", text(&run.stderr));
    let run = communique(&["convert", &inputs[0], "--to", "parquet", "--out", &s(&shared), "--shard", "2/4"]);
    assert!(text(&run.stderr).contains("parquet/statements-2-of-4.parquet exists"), "{}", text(&run.stderr));
    let run = convert(&shared, &["--shard", "2/4", "--force"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(names(&shared.join("parquet")).len(), 4 * 11);
    let run = convert(&shared, &["--shard", "5/4"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("expected K/N with 1 ≤ K ≤ N"), "{}", text(&run.stderr));
}

#[test]
fn a_report_whose_reader_has_gone_ends_quietly() {
    // `communique eval GOLD | head -1`: the reader closes the pipe before the report is
    // written (the report comes only after every statement is scored). The command ends
    // with its own exit code, without a panic.
    let gold = communique_testdata::root().join("tests/data/commitments/gold");
    let mut child = Command::new(env!("CARGO_BIN_EXE_communique"))
        .args(["eval", &s(&gold), "--split", "test6", "--errors"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn eval_reads_every_part_of_the_commitment_gold_set() {
    // The parts and their sizes as the selection files list them (README of the gold set):
    // round 1 gives 70 statements to dev and 30 to test; rounds 2 and 3 30 each, round 4
    // 26, round 5 14, round 6 9, round 7 8, round 8 7, round 9 7; the part from other publishers
    // 46 and the German part 8.
    let gold = communique_testdata::root().join("tests/data/commitments/gold");
    for (part, statements) in [
        ("dev", 70),
        ("test", 30),
        ("test2", 30),
        ("test3", 30),
        ("test4", 26),
        ("test5", 14),
        ("test6", 9),
        ("test7", 8),
        ("test8", 7),
        ("test9", 7),
        ("other", 46),
        ("de", 8),
    ] {
        let out = communique(&["eval", &s(&gold), "--split", part]);
        assert!(out.status.success(), "{part}: {}", text(&out.stderr));
        let report = text(&out.stdout);
        assert!(report.starts_with(&format!("{statements} statements, ")), "{part}: {report}");
    }
    // Several parts at once: rounds 1 to 4, what the rules of round 5 were written on.
    let out = communique(&["eval", &s(&gold), "--split", "dev,test,test2,test3,test4"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("186 statements, "), "{}", text(&out.stdout));
}

#[test]
fn eval_sentences_puts_each_gold_sentence_beside_what_was_found_in_it() {
    // Worked by hand from the manual: "We condemn …" is a condemnation by "We" (2.8),
    // "We will send aid …" a pledge (2.1). The gold below codes the second sentence as
    // none on purpose, so its pledge is a false find in that sentence's row.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("s.txt"),
        "Statement on the attack\n\nWe condemn the attack on the embassy.\n\nWe will send aid to the region.\n",
    )
    .unwrap();
    let gold = tmp.path().join("s.json");
    std::fs::write(
        &gold,
        r#"{"source": "s.txt", "split": "dev", "sentences": [
            {"n": 1, "text": "We condemn the attack on the embassy.", "commitments": [
                {"kind": "condemnation", "actor": "We", "addressee": null, "future_oriented": false}]},
            {"n": 2, "text": "We will send aid to the region.", "commitments": []}]}"#,
    )
    .unwrap();
    let out = communique(&["eval", &s(&gold), "--sentences"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(rows.len(), 2, "{}", text(&out.stdout));
    assert_eq!(rows[0]["statement"], "s");
    assert_eq!(rows[0]["split"], "dev");
    assert_eq!(rows[0]["n"], 1);
    assert_eq!(rows[0]["gold"][0]["kind"], "condemnation");
    assert_eq!(rows[0]["found"].as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["found"][0]["kind"], "condemnation");
    assert_eq!(rows[0]["found"][0]["actor"], "We");
    assert_eq!(rows[1]["n"], 2);
    assert_eq!(rows[1]["text"], "We will send aid to the region.");
    assert_eq!(rows[1]["gold"].as_array().unwrap().len(), 0);
    assert_eq!(rows[1]["found"][0]["kind"], "pledge");
    assert!(rows[1]["found"][0]["rule"].as_str().unwrap().starts_with("en.pledge."));

    // On a part of the real gold set: one row per gold sentence, in the gold's order, each
    // with the gold file's own coding.
    let folder = communique_testdata::root().join("tests/data/commitments/gold");
    let out = communique(&["eval", &s(&folder), "--split", "test6", "--sentences"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let mut expected = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if file["split"] == "test6" {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            for sentence in file["sentences"].as_array().unwrap() {
                expected.push((name.clone(), sentence["n"].clone(), sentence["commitments"].clone()));
            }
        }
    }
    expected.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.as_u64().cmp(&b.1.as_u64())));
    let got: Vec<_> = rows
        .iter()
        .filter(|r| r["n"] != 0)
        .map(|r| (r["statement"].as_str().unwrap().to_owned(), r["n"].clone(), r["gold"].clone()))
        .collect();
    assert_eq!(got, expected);

    // The sentence rows and the tables are two views of one scoring: --errors with it is
    // refused rather than half honoured.
    let out = communique(&["eval", &s(&gold), "--sentences", "--errors"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn a_large_record_is_written_into_every_format_in_input_order() {
    // 10,000 one-sentence paragraphs, each a commitment: 20,000 parts, a record that is
    // written into one output after the other rather than formatted for all at once.
    let tmp = tempfile::tempdir().unwrap();
    let mut body = String::from("Joint statement on support\n\n");
    for n in 0..10_000 {
        body.push_str(&format!("We will support the people of town {n}.\n\n"));
    }
    let large_text = tmp.path().join("large.txt");
    std::fs::write(&large_text, body).unwrap();
    let large_json = tmp.path().join("large.json");
    let run = communique(&["ingest", &s(&large_text), "--id", "large", "--out", &s(&large_json)]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let large = tmp.path().join("large");
    let run = communique(&["convert", &s(&large_json), "--to", "jsonl", "--out", &s(&large)]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let large_line = std::fs::read_to_string(large.join("statements.jsonl")).unwrap();
    // More than 4 MiB of input: read on the main thread as well.
    assert!(large_line.len() > 4 << 20, "{}", large_line.len());
    let record: serde_json::Value = serde_json::from_str(&large_line).unwrap();
    assert_eq!(record["paragraphs"].as_array().unwrap().len(), 10_000);
    assert_eq!(record["commitments"].as_array().unwrap().len(), 10_000);

    // Small records before and after it: the order stays the input's.
    let mut small: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    let mut lines = String::new();
    for id in ["before", "large", "after"] {
        if id == "large" {
            lines.push_str(&large_line);
        } else {
            small["id"] = id.into();
            lines.push_str(&format!("{small}\n"));
        }
    }
    let input = tmp.path().join("mixed.jsonl");
    std::fs::write(&input, &lines).unwrap();
    let all = "jsonl,json,csv,xml,jsonld,akn,tei,parquet";
    let mut outs = Vec::new();
    for jobs in ["1", "2"] {
        let out = tmp.path().join(format!("jobs-{jobs}"));
        let run = communique(&["convert", &s(&input), "--to", all, "--out", &s(&out), "--jobs", jobs]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        assert!(text(&run.stderr).contains("converted 3 statement(s)"), "{}", text(&run.stderr));
        assert_eq!(std::fs::read_to_string(out.join("statements.jsonl")).unwrap(), lines);
        assert_eq!(names(&out.join("akn")), ["after.xml", "before.xml", "large.xml"]);
        assert_eq!(std::fs::read_to_string(out.join("json/large.json")).unwrap(), format!("{record:#}\n"));
        outs.push(out);
    }
    for file in
        ["statements.xml", "statements.jsonld", "csv/commitments.csv", "tei/large.xml", "akn/large.xml"]
    {
        assert_eq!(
            std::fs::read(outs[0].join(file)).unwrap(),
            std::fs::read(outs[1].join(file)).unwrap(),
            "{file}"
        );
    }
    // Every format reads back to the same records, in the same order.
    let out = &outs[1];
    for (i, back_from) in ["statements.xml", "statements.jsonld", "csv", "parquet"].iter().enumerate() {
        let back = tmp.path().join(format!("back-{i}"));
        let run = communique(&["convert", &s(&out.join(back_from)), "--to", "jsonl", "--out", &s(&back)]);
        assert_eq!(run.status.code(), Some(0), "{back_from}: {}", text(&run.stderr));
        assert_eq!(std::fs::read_to_string(back.join("statements.jsonl")).unwrap(), lines, "{back_from}");
    }
    for folder in ["akn", "tei", "json"] {
        let back = tmp.path().join(format!("back-{folder}"));
        let file = out.join(folder).join(if folder == "json" { "large.json" } else { "large.xml" });
        let run = communique(&["convert", &s(&file), "--to", "jsonl", "--out", &s(&back)]);
        assert_eq!(run.status.code(), Some(0), "{folder}: {}", text(&run.stderr));
        assert_eq!(std::fs::read_to_string(back.join("statements.jsonl")).unwrap(), large_line, "{folder}");
    }

    // A bad record after the large one, with --fail-fast: nothing is left behind.
    std::fs::write(&input, format!("{lines}{{\"id\": \"bad\"}}\n")).unwrap();
    let strict = tmp.path().join("strict");
    let run = communique(&["convert", &s(&input), "--to", all, "--out", &s(&strict), "--fail-fast"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains(&format!("{}:4:", s(&input))), "{}", text(&run.stderr));
    assert!(names(&strict).is_empty(), "{:?}", names(&strict));
}
