//! The 57 pages of the HTML corpus (`crates/html/tests/data/corpus-html/`, with their
//! gold files) through ingest, the path `communique ingest PAGE.html` takes: title,
//! dates, paragraphs and furniture of each record against the page's gold.
//!
//! `HTML_CORPUS_VERBOSE=1 cargo test -p communique-text --test html -- --nocapture`
//! prints every miss and the figures `QUALITY.md` reports.

use communique_model::{CodePointIndex, Statement};
use communique_text::{IngestOptions, InputFormat, ingest};
use serde_json::Value;

struct Page {
    name: String,
    gold: Value,
    statement: Statement,
}

fn pages() -> Vec<Page> {
    let dir = communique_testdata::html_corpus_dir();
    let options = IngestOptions { format: Some(InputFormat::Html), ..IngestOptions::default() };
    communique_testdata::files_in(&dir.join("gold"), "json")
        .into_iter()
        .map(|gold_path| {
            let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
            let file = gold["file"].as_str().unwrap().to_owned();
            let bytes = std::fs::read(dir.join(&file)).unwrap();
            let statement = ingest(&bytes, &options).unwrap_or_else(|e| panic!("{file}: {e}"));
            Page { name: file, gold, statement }
        })
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect()).unwrap_or_default()
}

/// The record's paragraph texts, the lead (gold `lead`, which the gold keeps apart)
/// left out wherever it comes (a page may print key facts above it).
fn paragraphs(page: &Page) -> Vec<String> {
    paragraphs_with_speakers(page).into_iter().map(|(_, text)| text).collect()
}

/// The record's paragraphs as (speaker, text): a transcript's layout takes a turn's label
/// ("President of Russia Vladimir Putin:") off the text into the speaker, where the gold,
/// read from the page's markup, keeps it in the text.
fn paragraphs_with_speakers(page: &Page) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> =
        page.statement.paragraphs.iter().map(|p| (p.speaker.clone(), p.text.clone())).collect();
    if let Some(lead) = page.gold["lead"].as_str()
        && let Some(at) = out.iter().position(|(_, p)| p == lead)
    {
        out.remove(at);
    }
    out
}

/// Whether a record's paragraph is a gold paragraph: the same text, or the same text
/// after its speaker's label.
fn same_paragraph((speaker, text): &(Option<String>, String), gold: &str) -> bool {
    text == gold
        || speaker.as_ref().is_some_and(|s| gold.strip_prefix(s.as_str()) == Some(&format!(": {text}")))
}

#[test]
fn corpus_through_ingest() {
    let pages = pages();
    assert_eq!(pages.len(), 57);

    let verbose = std::env::var_os("HTML_CORPUS_VERBOSE").is_some();
    let (mut gold_total, mut exact, mut extra) = (0usize, 0usize, 0usize);
    let (mut titles, mut issued, mut updated, mut updated_total, mut clean) = (0, 0, 0, 0, 0);
    let (mut times, mut times_total) = (0, 0);
    for page in &pages {
        let (gold, record) = (&page.gold, &page.statement);
        let gold_title = gold["title"].as_str().unwrap();
        if record.title.as_deref() == Some(gold_title) {
            titles += 1;
        } else if verbose {
            println!("{}: title {:?} (gold {gold_title:?})", page.name, record.title);
        }
        let date = record.issued.map(|d| d.to_string()).unwrap_or_default();
        if date == gold["issued"].as_str().unwrap() {
            issued += 1;
        } else if verbose {
            println!("{}: issued {date} (gold {})", page.name, gold["issued"]);
        }
        if let Some(gold_time) = gold["issued_time"].as_str() {
            times_total += 1;
            let found = record.published.map(|t| t.local().format("%H:%M").to_string());
            if found.as_deref() == Some(gold_time) {
                times += 1;
            } else if verbose {
                println!("{}: published {found:?} (gold time {gold_time})", page.name);
            }
        }
        if let Some(gold_updated) = gold["last_updated"].as_str() {
            updated_total += 1;
            // A page may print a last update before its date of issue (an item
            // released at a set hour after its last edit); the model
            // refuses such a `last_updated` (its gold values carry no offset, so by
            // their dates), and the record keeps the printed value in a `date.order`
            // note instead. A day without a time of day is no time stamp: a
            // `date.updated_day` note records it.
            let before_issue =
                gold_updated.get(..10).is_some_and(|day| day < gold["issued"].as_str().unwrap());
            let found = if before_issue {
                record
                    .notes
                    .iter()
                    .find(|n| n.code == "date.order" && n.message.contains(gold_updated))
                    .filter(|_| record.last_updated.is_none())
                    .map(|_| gold_updated.to_owned())
            } else if gold_updated.len() == 16 {
                record.last_updated.map(|t| t.local().format("%Y-%m-%dT%H:%M").to_string())
            } else {
                record
                    .notes
                    .iter()
                    .find(|n| n.code == "date.updated_day" && n.message.contains(gold_updated))
                    .map(|_| gold_updated.to_owned())
            };
            if found.as_deref() == Some(gold_updated) {
                updated += 1;
            } else if verbose {
                println!("{}: updated {found:?} (gold {gold_updated})", page.name);
            }
        }
        let found = paragraphs(page);
        let leaked: Vec<String> = strings(&gold["not_paragraphs"])
            .into_iter()
            .filter(|f| found.iter().any(|p| p.contains(f.as_str())))
            .collect();
        if leaked.is_empty() {
            clean += 1;
        } else if verbose {
            println!("{}: furniture leaked {leaked:?}", page.name);
        }
        // A page whose gold lists no paragraphs is scored on title, dates and furniture.
        let Some(gold_paragraphs) = gold["paragraphs"].as_array() else { continue };
        let gold_paragraphs: Vec<String> =
            gold_paragraphs.iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        let mut remaining = paragraphs_with_speakers(page);
        for paragraph in &gold_paragraphs {
            if let Some(at) = remaining.iter().position(|p| same_paragraph(p, paragraph)) {
                remaining.remove(at);
                exact += 1;
            } else if verbose {
                println!("{}: missing {:?}", page.name, paragraph.chars().take(100).collect::<String>());
            }
        }
        if verbose {
            for (_, p) in &remaining {
                println!("{}: extra {:?}", page.name, p.chars().take(100).collect::<String>());
            }
        }
        gold_total += gold_paragraphs.len();
        extra += remaining.len();
    }
    println!(
        "through ingest: titles {titles}/57, issued {issued}/57, time of issue {times}/{times_total}, last updated {updated}/{updated_total}, furniture-free {clean}/57, paragraphs exact {exact}/{gold_total}, extra {extra}"
    );
    // Floors at what ingest reaches (QUALITY.md); a change that lowers one fails.
    assert_eq!(gold_total, 1376);
    assert!(titles >= 57, "titles {titles}/57");
    assert!(issued >= 57, "issued {issued}/57");
    assert!(times >= 48 && times_total == 48, "time of issue {times}/{times_total}");
    assert!(updated >= 45 && updated_total == 45, "last updated {updated}/{updated_total}");
    assert!(clean >= 57, "furniture-free {clean}/57");
    assert!(exact >= 1376, "paragraphs exactly equal {exact}/1376");
    assert!(extra <= 6, "paragraphs not in the gold {extra}");
}

/// A record of a page keeps the page as received, and each paragraph's span selects
/// the element it came from in it.
#[test]
fn spans_point_into_the_page() {
    for page in pages() {
        let record = &page.statement;
        let source = record.source_text.as_deref().unwrap();
        assert!(source.contains("<html") || source.contains("<HTML"), "{}", page.name);
        let index = CodePointIndex::new(source);
        for paragraph in &record.paragraphs {
            let span = paragraph.source_span.unwrap();
            let slice = index.slice(span).unwrap_or_else(|| panic!("{}: span off the page", page.name));
            if !slice.contains(['<', '&']) {
                assert_eq!(communique_html::normalize(slice), paragraph.text, "{}", page.name);
            }
        }
    }
}

/// Pages nobody would publish: each is a record that passes validation or an error,
/// never a panic.
#[test]
fn hostile_pages_are_records_or_errors() {
    let options = IngestOptions { format: Some(InputFormat::Html), ..IngestOptions::default() };
    let deep = format!(
        "<html><body>{}<p>We urge all parties to return to the table.</p></body></html>",
        "<div>".repeat(5000)
    );
    let many = format!(
        "<html><body><nav>{}</nav><p>We urge all parties to return to the negotiating table without delay.</p></body></html>",
        "<a href=/x>Menu</a>".repeat(3000)
    );
    let pages: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"<html></html>".to_vec(),
        b"<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav></body></html>".to_vec(),
        b"<html><body><p>\xff\xfe bytes that are not UTF-8 \x81</p></body></html>".to_vec(),
        b"<html><body><p>\x01\x02\x03</p><p>We condemn the attack.\x07</p></body></html>".to_vec(),
        b"<html><body><p style='display:none'>Hidden.</p><script>alert(1)</script></body></html>".to_vec(),
        b"<html><body><h1>Title</h1><time datetime='2022-02-30'>30 February</time><p>We met.</p></body></html>".to_vec(),
        deep.into_bytes(),
        many.into_bytes(),
    ];
    for page in pages {
        if let Ok(record) = ingest(&page, &options) {
            record.validate().unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(&page)));
            assert!(!record.paragraphs.is_empty());
        }
    }
}
