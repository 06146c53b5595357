//! Regenerates the generated files of `schemas/` (the JSON Schema of the record).
//!
//! Run from anywhere: `cargo run --example schemas`. The hand-kept schema files (XSD,
//! JSON-LD context, vocabulary, SHACL shapes) are not touched.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    std::fs::create_dir_all(&dir)?;
    for (name, contents) in communique::model::schema::generated_files() {
        let path = dir.join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == contents {
            println!("unchanged {}", Path::new("schemas").join(name).display());
        } else {
            std::fs::write(&path, contents)?;
            println!("wrote     {}", Path::new("schemas").join(name).display());
        }
    }
    Ok(())
}
