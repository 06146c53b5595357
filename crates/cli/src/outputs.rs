//! Output files written atomically: everything goes to temporary paths inside the output
//! folder and is renamed into place only when the whole run may be kept.

use crate::formats::Prepared;
use anyhow::{Context, Result, bail};
use communique::Format;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempDir};

/// Where each format goes in the output folder (the layout documented in the README).
pub fn target(out: &Path, format: Format) -> PathBuf {
    match format {
        Format::Json => out.join("json"),
        Format::JsonLines => out.join("statements.jsonl"),
        Format::Csv => out.join("csv"),
        Format::Xml => out.join("statements.xml"),
        Format::JsonLd => out.join("statements.jsonld"),
        Format::Text | Format::Markdown => out.join(format!("statements.{}", format.file_extension())),
        _ => out.join(format!("statements.{}", format.file_extension())),
    }
}

/// A writer of one format, streaming prepared statements into a temporary place.
pub trait Sink: Send {
    /// Appends one statement, formatted by this sink's [`Preparer`](crate::formats::Preparer).
    fn write(&mut self, prepared: &Prepared) -> Result<()>;
    /// Completes the output and hands back what to rename where.
    fn finish(self: Box<Self>) -> Result<Staged>;
}

/// A finished output waiting to be renamed into place.
pub enum Staged {
    /// A temporary file for a target file.
    File(NamedTempFile, PathBuf),
    /// A temporary folder for a target folder.
    Dir(TempDir, PathBuf),
}

impl Staged {
    /// Renames the output into place, replacing what was there (`--force` was checked
    /// before the run started).
    pub fn commit(self) -> Result<PathBuf> {
        match self {
            Self::File(file, target) => {
                set_mode(file.path(), 0o644)?;
                file.persist(&target).with_context(|| format!("cannot write {}", target.display()))?;
                Ok(target)
            }
            Self::Dir(dir, target) => {
                set_mode(dir.path(), 0o755)?;
                // A folder cannot be renamed over another: move the old one aside first,
                // so the target never holds a mix of old and new files.
                let old = if target.exists() {
                    let parent = target.parent().unwrap_or(Path::new("."));
                    let aside = tempfile::Builder::new().prefix(".replaced.").tempdir_in(parent)?;
                    std::fs::rename(&target, aside.path().join("old"))
                        .with_context(|| format!("cannot replace {}", target.display()))?;
                    Some(aside)
                } else {
                    None
                };
                let temporary = dir.keep();
                std::fs::rename(&temporary, &target)
                    .with_context(|| format!("cannot write {}", target.display()))?;
                drop(old);
                Ok(target)
            }
        }
    }
}

/// Temporary files are created readable by their owner only; an output gets the usual
/// permissions of a published file (owner writes, everyone reads).
pub fn set_mode(path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot set permissions of {}", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// Refuses a run that would overwrite an input, or an existing output without `force`.
pub fn check_targets(out: &Path, formats: &[Format], inputs: &[PathBuf], force: bool) -> Result<()> {
    let inputs: Vec<PathBuf> = inputs.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let out = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    for &format in formats {
        let target = target(&out, format);
        for input in &inputs {
            if *input == target || input.starts_with(&target) {
                bail!(
                    "refusing to write {} over the input {}: choose another --out",
                    target.display(),
                    input.display()
                );
            }
        }
        if target.exists() && !force {
            bail!("{} exists: use --force to replace it", target.display());
        }
    }
    Ok(())
}

/// One JSON document per statement, named from the sanitised id, in a temporary folder.
pub struct JsonFiles {
    dir: TempDir,
    target: PathBuf,
    used: HashSet<String>,
}

impl JsonFiles {
    /// A sink writing `OUT/json/<id>.json`.
    pub fn new(out: &Path) -> Result<Self> {
        let dir = tempfile::Builder::new().prefix(".json.").tempdir_in(out)?;
        Ok(Self { dir, target: target(out, Format::Json), used: HashSet::new() })
    }
}

impl Sink for JsonFiles {
    fn write(&mut self, prepared: &Prepared) -> Result<()> {
        let Prepared::JsonFile { id, text } = prepared else {
            anyhow::bail!("a statement prepared for another format");
        };
        let stem = communique::file_stem(id);
        let mut name = format!("{stem}.json");
        let mut n = 1;
        while !self.used.insert(name.to_ascii_lowercase()) {
            n += 1;
            name = format!("{stem}-{n}.json");
        }
        let path = self.dir.path().join(&name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {name}"))?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<Staged> {
        Ok(Staged::Dir(self.dir, self.target))
    }
}

/// A temporary file in the output folder, buffered.
pub fn temp_file(out: &Path, format: Format) -> Result<(NamedTempFile, std::io::BufWriter<std::fs::File>)> {
    let file =
        tempfile::Builder::new().prefix(&format!(".statements.{}.", format.name())).tempfile_in(out)?;
    let writer = std::io::BufWriter::with_capacity(1 << 16, file.reopen()?);
    Ok((file, writer))
}
