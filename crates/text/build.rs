//! Lists the language files (`languages/*.toml`) and the layout files (`layouts/*.toml`)
//! for the crate to embed: adding a language or a layout is adding a file, nothing else.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for folder in ["languages", "layouts"] {
        let dir = Path::new(&root).join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml"))
            .collect();
        names.sort();
        let mut code = String::from("&[\n");
        for name in &names {
            let path = dir.join(name);
            println!("cargo:rerun-if-changed={}", path.display());
            let stem = name.trim_end_matches(".toml");
            let _ = writeln!(code, "    ({stem:?}, include_str!({:?})),", path.display().to_string());
        }
        code.push(']');
        std::fs::write(Path::new(&out).join(format!("{folder}.rs")), code)
            .unwrap_or_else(|e| panic!("writing the list of {folder}: {e}"));
    }
}
