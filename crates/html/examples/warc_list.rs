//! Lists the HTML pages of WARC files, one JSON line each: target URI, WARC-Date, record
//! number and offset, the SHA-1 of the payload (base32, as WARC digests are written), its
//! length, and the page's title and date of issue. A record that cannot be read is a
//! line with an `error` (record number and offset included) and the exit status is 1.
//!
//! `cargo run -p communique-html --example warc_list -- FILE.warc.gz …`

use communique_html::HtmlReader;
use communique_html::warc::{WarcReader, to_base32};
use serde_json::json;
use sha1::Digest as _;
use std::io::{BufReader, Write};

fn main() -> std::io::Result<()> {
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in std::env::args().skip(1) {
        let file = BufReader::new(std::fs::File::open(&path)?);
        for response in WarcReader::new(file).html_responses() {
            let line = match response {
                Ok(page) => {
                    let html = HtmlReader::new().with_transport_charset(page.charset()).read(&page.payload);
                    let meta = html.metadata();
                    json!({
                        "file": path,
                        "record": page.record_number,
                        "offset": page.record_offset,
                        "uri": page.target_uri,
                        "date": page.date,
                        "payload_sha1": to_base32(&sha1::Sha1::digest(&page.payload)),
                        "bytes": page.payload.len(),
                        "title": meta.title().map(|t| &t.value),
                        "issued": meta.issued().map(|d| d.value.date.to_string()),
                    })
                }
                Err(error) => {
                    failed = true;
                    json!({ "file": path, "error": error.to_string(), "record": error.record(), "offset": error.offset() })
                }
            };
            writeln!(out, "{line}")?;
        }
    }
    if failed {
        std::process::exit(1);
    }
    Ok(())
}
