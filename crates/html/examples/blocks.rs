//! Prints the blocks of an HTML page with their kind, class, quality, link density and
//! ancestry words, one a line: `cargo run -p communique-html --example blocks -- page.html`.

use communique_html::HtmlReader;
use communique_html::extract::Extractor;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: blocks PAGE.html");
    let page = HtmlReader::new().read(&std::fs::read(path)?);
    let extraction = Extractor::new().extract(&page);
    println!("container: {:?}", extraction.container);
    for (i, block) in page.blocks().iter().enumerate() {
        let words: Vec<String> = block
            .ancestors
            .iter()
            .skip(2)
            .map(|a| format!("{}#{}[{}]", a.tag, a.id, a.tokens.join(".")))
            .collect();
        println!(
            "{i:4} {:?} {:?} {:?} ld={:.2} span={:?} | {} | {}",
            extraction.classes[i],
            extraction.qualities[i],
            block.kind,
            block.link_density(),
            block.source_span.map(|s| (s.start, s.end)),
            block.text.chars().take(70).collect::<String>(),
            words.join(" > "),
        );
    }
    Ok(())
}
