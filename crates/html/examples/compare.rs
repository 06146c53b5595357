//! Runs one main-content extractor over HTML pages and prints, per page, one JSON line:
//! `{"file", "paragraphs", "title", "issued"}` (title and date where the extractor gives
//! them). `scripts/html-benchmark` scores the lines; the table is in `QUALITY.md`.
//!
//! ```text
//! cargo run --release -p communique-html --features compare --example compare -- \
//!     EXTRACTOR PAGE.html [PAGE.html.gz …]
//! ```
//!
//! Extractors: `communique` (this crate's classifier), `communique-blocks` (the same
//! blocks kept by jusText-style classes alone, without the main container),
//! `dom_smoothie` (a port of Mozilla's Readability), `justext` (a port of jusText),
//! `trafilatura` (a port of go-trafilatura; its HTML output is split into blocks, as
//! its text joins paragraphs with spaces). Pages ending in `.gz` are gunzipped.

use communique_html::extract::Extractor;
use communique_html::{HtmlPage, HtmlReader, normalize};
use serde_json::json;
use std::io::{Read, Write};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let extractor = args.next().expect("usage: compare EXTRACTOR PAGE…");
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in args {
        let mut bytes = std::fs::read(&path)?;
        if path.ends_with(".gz") {
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut plain)?;
            bytes = plain;
        }
        let page = HtmlReader::new().read(&bytes);
        let (paragraphs, title, issued) = run(&extractor, &page);
        let line = json!({ "file": path, "paragraphs": paragraphs, "title": title, "issued": issued });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

type Output = (Vec<String>, Option<String>, Option<String>);

fn run(extractor: &str, page: &HtmlPage) -> Output {
    let html = page.source_text();
    let lines =
        |text: &str| -> Vec<String> { text.lines().map(normalize).filter(|l| !l.is_empty()).collect() };
    match extractor {
        "communique" | "communique-blocks" => {
            let classifier = if extractor == "communique" {
                Extractor::new()
            } else {
                Extractor::new().without_container()
            };
            let extraction = classifier.extract(page);
            let paragraphs = extraction.content(page).map(|(_, b)| b.text.clone()).collect();
            let meta = page.metadata();
            (
                paragraphs,
                meta.title().map(|t| t.value.clone()),
                meta.issued().map(|d| d.value.date.to_string()),
            )
        }
        "dom_smoothie" => {
            match dom_smoothie::Readability::new(html, None, None).and_then(|mut r| r.parse()) {
                Ok(article) => {
                    // The article comes back as HTML: its blocks are its paragraphs.
                    let content = HtmlPage::from_text(&article.content);
                    let paragraphs = content.blocks().iter().map(|b| b.text.clone()).collect();
                    (paragraphs, Some(normalize(&article.title)), article.published_time.clone())
                }
                Err(_) => (Vec::new(), None, None),
            }
        }
        "justext" => {
            let language = match page
                .metadata()
                .language
                .as_ref()
                .map(|l| l.value.get(..2).unwrap_or("").to_ascii_lowercase())
            {
                Some(l) if l == "de" => "German",
                Some(l) if l == "fr" => "French",
                _ => "English",
            };
            let paragraphs = justext::justext_lang(html, language, &justext::Config::default())
                .map(|ps| {
                    ps.into_iter().filter(|p| !p.is_boilerplate()).map(|p| normalize(&p.text)).collect()
                })
                .unwrap_or_default();
            (paragraphs, None, None)
        }
        "trafilatura" => match trafilatura::extract(html, &trafilatura::Options::default()) {
            Ok(result) => {
                let title = Some(normalize(&result.metadata.title)).filter(|t| !t.is_empty());
                // Its text joins paragraphs with spaces: its HTML keeps them apart.
                let content = HtmlPage::from_text(&result.content_html);
                let mut paragraphs: Vec<String> = content.blocks().iter().map(|b| b.text.clone()).collect();
                if paragraphs.is_empty() {
                    paragraphs = lines(&result.content_text);
                }
                (paragraphs, title, None)
            }
            Err(_) => (Vec::new(), None, None),
        },
        other => panic!("unknown extractor {other}"),
    }
}
