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

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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

/// A line of JSON Lines: the reference record with the id `id`.
fn record_line(id: &str) -> String {
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(reference_json()).unwrap()).unwrap();
    record["id"] = id.into();
    format!("{record}\n")
}

/// Converts the reference record to `formats` in `out`, for a run to replace.
fn existing_outputs(out: &Path, formats: &str) {
    let run = communique(&["convert", &s(&reference_json()), "--to", formats, "--out", &s(out)]);
    assert!(run.status.success(), "{}", text(&run.stderr));
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::fs::{File, OpenOptions};
    use std::io::{Read, Write};
    use std::os::unix::fs::FileTypeExt as _;
    use std::process::{Child, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    pub fn mkfifo(path: &Path) {
        let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
        assert!(status.success());
    }

    /// Starts `communique` with `args`, its standard error kept.
    pub fn spawn(args: &[&str]) -> Child {
        Command::new(env!("CARGO_BIN_EXE_communique"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts")
    }

    /// Opens the FIFO `fifo` for writing, once `child` opens it for reading.
    pub fn open_writer(fifo: &Path, child: &mut Child) -> File {
        let (sender, receiver) = mpsc::channel();
        let path = fifo.to_owned();
        std::thread::spawn(move || {
            let _ = sender.send(OpenOptions::new().write(true).open(path));
        });
        loop {
            if let Ok(file) = receiver.recv_timeout(Duration::from_millis(50)) {
                return file.unwrap();
            }
            if let Some(status) = child.try_wait().unwrap() {
                // Lets the thread waiting for a reader go.
                let _ = File::open(fifo);
                let mut stderr = String::new();
                child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
                panic!("the command exited ({status}) before reading its input: {stderr}");
            }
        }
    }

    /// Waits for `child` at most a minute, then kills it.
    pub fn wait(mut child: Child) -> (Option<i32>, String) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        (output.status.code(), text(&output.stderr))
    }

    #[test]
    fn a_commit_that_fails_replaces_no_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        existing_outputs(&out, "jsonl,csv,xml");
        let before = snapshot(&out);
        let xml = out.join("statements.xml");
        let old_xml = std::fs::read(&xml).unwrap();
        let make_folder = || {
            std::fs::remove_file(&xml).unwrap();
            std::fs::create_dir(&xml).unwrap();
            std::fs::write(xml.join("keep.txt"), "keep me").unwrap();
        };

        // A folder where the file statements.xml goes is not replaced, even with --force:
        // refused before any work.
        make_folder();
        let with_folder = snapshot(&out);
        let run = communique(&[
            "convert",
            &s(&reference_json()),
            "--to",
            "jsonl,csv,xml",
            "--out",
            &s(&out),
            "--force",
        ]);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        assert!(text(&run.stderr).contains("statements.xml is a folder"), "{}", text(&run.stderr));
        assert_eq!(snapshot(&out), with_folder);

        // The same folder made while the run converts: found when the outputs are
        // committed, and then none of them is replaced.
        std::fs::remove_dir_all(&xml).unwrap();
        std::fs::write(&xml, &old_xml).unwrap();
        assert_eq!(snapshot(&out), before);
        let input = tmp.path().join("input.jsonl");
        mkfifo(&input);
        let mut child =
            spawn(&["convert", &s(&input), "--to", "jsonl,csv,xml", "--out", &s(&out), "--force"]);
        let mut writer = open_writer(&input, &mut child);
        writer.write_all(record_line("fresh").as_bytes()).unwrap();
        make_folder();
        drop(writer);
        let (code, stderr) = wait(child);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains(&format!("cannot replace {}", s(&xml))), "{stderr}");
        assert!(stderr.contains("nothing was replaced"), "{stderr}");
        assert_eq!(snapshot(&out), with_folder, "the old outputs, and nothing else");
    }

    #[test]
    fn a_dangling_link_where_an_output_goes_is_an_existing_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir(&out).unwrap();
        for name in ["json", "csv", "statements.xml"] {
            std::os::unix::fs::symlink("nowhere", out.join(name)).unwrap();
        }
        let before = snapshot(&out);
        let run = communique(&["convert", &s(&reference_json()), "--to", "json,csv,xml", "--out", &s(&out)]);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        assert!(
            text(&run.stderr)
                .contains(&format!("{} exists (a link to nowhere): use --force", s(&out.join("json")))),
            "{}",
            text(&run.stderr)
        );
        assert_eq!(snapshot(&out), before, "nothing left behind");

        let run = communique(&[
            "convert",
            &s(&reference_json()),
            "--to",
            "json,csv,xml",
            "--out",
            &s(&out),
            "--force",
        ]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        assert_eq!(names(&out), ["csv", "json", "statements.xml"]);
        assert_eq!(names(&out.join("json")), [format!("{REFERENCE_ID}.json")]);
        assert!(out.join("csv/statements.csv").is_file());
        assert!(std::fs::symlink_metadata(out.join("statements.xml")).unwrap().is_file());
    }

    #[test]
    fn a_signal_removes_every_temporary_output() {
        for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
            let tmp = tempfile::tempdir().unwrap();
            let out = tmp.path().join("out");
            existing_outputs(&out, "json,jsonl,csv,xml");
            let before = snapshot(&out);
            let input = tmp.path().join("input.jsonl");
            mkfifo(&input);
            let mut child = spawn(&[
                "convert",
                &s(&input),
                "--to",
                "json,jsonl,csv,xml",
                "--out",
                &s(&out),
                "--force",
                "--jobs",
                "2",
            ]);
            let mut writer = open_writer(&input, &mut child);
            for n in 0..100 {
                writer.write_all(record_line(&format!("record-{n:03}")).as_bytes()).unwrap();
            }
            writer.flush().unwrap();
            // The staging files are there, and records are being written into them.
            let deadline = Instant::now() + Duration::from_secs(30);
            while !names(&out).iter().any(|name| name.starts_with('.')) {
                assert!(Instant::now() < deadline, "no staging output appeared");
                std::thread::sleep(Duration::from_millis(10));
            }
            std::thread::sleep(Duration::from_millis(300));
            let kill = Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status();
            assert!(kill.unwrap().success());
            let (status, stderr) = wait(child);
            drop(writer);
            assert_eq!(status, Some(code), "SIG{signal}: {stderr}");
            assert_eq!(snapshot(&out), before, "SIG{signal}: only what was there before");
        }
    }

    #[test]
    fn ingest_writes_into_a_fifo_or_a_device_and_never_replaces_it() {
        let tmp = tempfile::tempdir().unwrap();
        let reference = communique_testdata::reference_text();
        let fifo = tmp.path().join("records.fifo");
        mkfifo(&fifo);
        let (sender, receiver) = mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = sender.send(std::fs::read_to_string(path));
        });
        let run = communique(&["ingest", &s(&reference), "--out", &s(&fifo)]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO is still one");
        let read = receiver.recv_timeout(Duration::from_secs(60)).expect("the record came through").unwrap();
        let record: serde_json::Value = serde_json::from_str(&read).unwrap();
        assert_eq!(record["id"], REFERENCE_ID);
        assert_eq!(names(tmp.path()), ["records.fifo"], "no temporary file left");

        // A character device, through a link: should the device ever be replaced, the link
        // is, never /dev/null itself.
        let null = tmp.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &null).unwrap();
        let run = communique(&["ingest", &s(&reference), "--out", &s(&null)]);
        assert!(run.status.success(), "{}", text(&run.stderr));
        assert!(std::fs::symlink_metadata(&null).unwrap().file_type().is_symlink(), "the link is kept");
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
        assert_eq!(names(tmp.path()), ["null", "records.fifo"]);

        // A folder is refused, saying so.
        let run = communique(&["ingest", &s(&reference), "--out", &s(tmp.path())]);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        assert!(text(&run.stderr).contains("is a folder"), "{}", text(&run.stderr));
        assert_eq!(names(tmp.path()), ["null", "records.fifo"]);
    }
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
