//! Outputs written atomically: everything goes to temporary paths inside the output
//! folder and is renamed into place only when the whole run may be kept.

use anyhow::{Context, Result, bail};
use communique::{
    DirStatementSerializer, Format, PreparedStatement, StatementSerializer, WriterStatementSerializer,
};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempDir};

/// Where each format goes in the output folder (the layout documented in the README):
/// `json/`, `csv/`, `akn/` and `tei/` are folders, the others one file each.
pub fn target(out: &Path, format: Format) -> PathBuf {
    match format {
        Format::Json => out.join("json"),
        Format::Csv => out.join("csv"),
        Format::Akn => out.join("akn"),
        Format::Tei => out.join("tei"),
        _ => out.join(format!("statements.{}", format.file_extension())),
    }
}

/// True for the formats the layout writes as a folder.
fn is_folder(format: Format) -> bool {
    matches!(format, Format::Json | Format::Csv | Format::Akn | Format::Tei)
}

/// One output, streaming prepared statements into a temporary file or folder in the
/// output folder.
pub struct Sink {
    target: PathBuf,
    staging: Staging,
}

enum Staging {
    File { file: NamedTempFile, writer: WriterStatementSerializer<BufWriter<File>> },
    Dir { dir: TempDir, writer: DirStatementSerializer },
}

impl Sink {
    /// A sink of `serializer`'s format in the output folder `out`.
    pub fn new(out: &Path, serializer: StatementSerializer) -> Result<Self> {
        let format = serializer.format();
        let target = target(out, format);
        let staging = if is_folder(format) {
            let dir = tempfile::Builder::new().prefix(&format!(".{}.", format.name())).tempdir_in(out)?;
            let writer = serializer
                .for_dir(dir.path())
                .with_context(|| format!("cannot start {}", target.display()))?;
            Staging::Dir { dir, writer }
        } else {
            let file = tempfile::Builder::new()
                .prefix(&format!(".statements.{}.", format.name()))
                .tempfile_in(out)?;
            let writer = serializer.for_writer(BufWriter::with_capacity(1 << 16, file.reopen()?));
            Staging::File { file, writer }
        };
        Ok(Self { target, staging })
    }

    /// Appends one statement, prepared by the serializer this sink was made with.
    pub fn write(&mut self, prepared: &PreparedStatement) -> Result<()> {
        match &mut self.staging {
            Staging::File { writer, .. } => writer.write_prepared(prepared),
            Staging::Dir { writer, .. } => writer.write_prepared(prepared),
        }
        .with_context(|| format!("cannot write {}", self.target.display()))
    }

    /// Completes the output, made durable, and hands back what to rename where.
    pub fn finish(self) -> Result<Staged> {
        let Sink { target, staging } = self;
        let context = || format!("cannot write {}", target.display());
        match staging {
            Staging::File { file, writer } => {
                let mut inner = writer.finish().with_context(context)?;
                inner.flush().with_context(context)?;
                inner.get_ref().sync_all().with_context(context)?;
                Ok(Staged::File(file, target))
            }
            Staging::Dir { dir, writer } => {
                writer.finish().with_context(context)?;
                Ok(Staged::Dir(dir, target))
            }
        }
    }
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
                persist(file, &target)?;
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
fn set_mode(path: &Path, mode: u32) -> Result<()> {
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

/// Renames a finished temporary file over `path`, readable by all as published files are.
pub fn persist(file: NamedTempFile, path: &Path) -> Result<()> {
    set_mode(file.path(), 0o644)?;
    file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// A temporary file beside `path`, to be [persisted](persist) over it.
pub fn temp_file_beside(path: &Path) -> Result<NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok(tempfile::Builder::new().prefix(".communique.").tempfile_in(dir)?)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = temp_file_beside(path)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    persist(file, path)
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
