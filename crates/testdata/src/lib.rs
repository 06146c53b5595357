#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

/// File name of the reference statement (NATO Defence Ministers, 16 February 2022).
pub const REFERENCE_NAME: &str = "nato-2022-02-16-defence-ministers-ukraine.txt";

/// The repository root (the folder of the workspace `Cargo.toml`).
#[must_use]
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `tests/data/corpus/`: the real plain-text statements (all but the reference) and
/// `gold/`.
#[must_use]
pub fn corpus_dir() -> PathBuf {
    root().join("tests/data/corpus")
}

/// `tests/data/corpus/gold/`: one `NAME.json` per statement of [`corpus_texts`].
#[must_use]
pub fn gold_dir() -> PathBuf {
    corpus_dir().join("gold")
}

/// `tests/data/corpus-whitehouse/`: the White House Markdown folder.
#[must_use]
pub fn whitehouse_dir() -> PathBuf {
    root().join("tests/data/corpus-whitehouse")
}

/// `crates/html/tests/data/corpus-html/`: the HTML pages (whole, as their sites served
/// them) and `gold/`, one `NAME.json` a page naming its `file`.
#[must_use]
pub fn html_corpus_dir() -> PathBuf {
    root().join("crates/html/tests/data/corpus-html")
}

/// Every `.html` page of [`html_corpus_dir`], sorted by file name.
///
/// # Panics
///
/// When the folder cannot be read: the repository is incomplete.
#[must_use]
pub fn html_corpus_pages() -> Vec<PathBuf> {
    files_in(&html_corpus_dir(), "html")
}

/// `crates/html/tests/data/warc/corpus.warc.gz`: the pages of [`html_corpus_dir`] as
/// `response` records of a WARC file written by `warcio`, and `corpus.jsonl` beside it,
/// one line a record with the target URI and date it was given.
#[must_use]
pub fn html_corpus_warc() -> PathBuf {
    root().join("crates/html/tests/data/warc/corpus.warc.gz")
}

/// `examples/data/nato-2022-02-16-defence-ministers-ukraine.txt`, the reference statement.
#[must_use]
pub fn reference_text() -> PathBuf {
    root().join("examples/data").join(REFERENCE_NAME)
}

/// The path of corpus text `name` (a file name such as `"osce-1996-12-17-…txt"`): the
/// reference statement in `examples/data/`, every other one in [`corpus_dir`]. The path
/// need not exist.
#[must_use]
pub fn corpus_text(name: &str) -> PathBuf {
    if name == REFERENCE_NAME { reference_text() } else { corpus_dir().join(name) }
}

/// Every `.txt` statement of the corpus, the reference included, sorted by file name.
///
/// # Panics
///
/// When the folder cannot be read: the repository is incomplete.
#[must_use]
pub fn corpus_texts() -> Vec<PathBuf> {
    let mut files = files_in(&corpus_dir(), "txt");
    files.push(reference_text());
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files
}

/// Every `.md` statement of the White House folder (its README left out), sorted.
///
/// # Panics
///
/// When the folder cannot be read: the repository is incomplete.
#[must_use]
pub fn whitehouse_files() -> Vec<PathBuf> {
    files_in(&whitehouse_dir(), "md")
}

/// The files of `dir` whose extension is `extension` (a `README.md` left out), sorted.
///
/// # Panics
///
/// When `dir` cannot be read.
#[must_use]
pub fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())).path())
        .filter(|path| path.extension().is_some_and(|e| e == extension) && !path.ends_with("README.md"))
        .collect();
    files.sort();
    files
}
