//! Outputs written atomically: everything goes to temporary paths inside the output
//! folder and is renamed into place only when the whole run may be kept.

use anyhow::{Context, Result, bail};
use communique::{
    DirStatementSerializer, Format, PreparedStatement, Shard, StatementSerializer, WriterStatementSerializer,
};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempDir};

/// Where each format goes in the output folder (the layout documented in the README):
/// `json/`, `csv/`, `akn/`, `tei/` and `parquet/` are folders, the others one file each.
///
/// A shard's outputs are named apart, so that the shards of one conversion can share an
/// output folder: `statements-2-of-4.jsonl`, `json-2-of-4/`, `csv-2-of-4/`,
/// `akn-2-of-4/`, `tei-2-of-4/`; its Parquet
/// tables go into the shared `parquet/`, each file named for the shard
/// (`commitments-2-of-4.parquet`), so that one pattern reads every shard's table.
pub fn target(out: &Path, format: Format, shard: Option<Shard>) -> PathBuf {
    let suffix = shard.map(Shard::suffix).unwrap_or_default();
    match format {
        Format::Json => out.join(format!("json{suffix}")),
        Format::Csv => out.join(format!("csv{suffix}")),
        Format::Akn => out.join(format!("akn{suffix}")),
        Format::Tei => out.join(format!("tei{suffix}")),
        Format::Parquet => out.join("parquet"),
        _ => out.join(format!("statements{suffix}.{}", format.file_extension())),
    }
}

/// True for the formats the layout writes as a folder.
fn is_folder(format: Format) -> bool {
    matches!(format, Format::Json | Format::Csv | Format::Akn | Format::Tei | Format::Parquet)
}

/// True when the output of `format` is files added to a folder the shards share (a
/// shard's Parquet tables), rather than a file or folder of its own.
fn is_shared_folder(format: Format, shard: Option<Shard>) -> bool {
    format == Format::Parquet && shard.is_some()
}

/// The files a shard's output of `format` adds to the shared folder
/// ([`is_shared_folder`]).
fn shared_files(format: Format, shard: Option<Shard>) -> Vec<String> {
    if is_shared_folder(format, shard) {
        communique::parquet::ParquetSerializer::default().with_shard(shard).file_names()
    } else {
        Vec::new()
    }
}

/// One output, streaming prepared statements into a temporary file or folder in the
/// output folder.
pub struct Sink {
    target: PathBuf,
    /// True when the output is files added to a folder other shards share.
    shared: bool,
    staging: Staging,
}

enum Staging {
    File { file: NamedTempFile, writer: WriterStatementSerializer<BufWriter<File>> },
    Dir { dir: TempDir, writer: DirStatementSerializer },
}

impl Sink {
    /// A sink of `serializer`'s format in the output folder `out`, for the shard `shard`
    /// of a conversion when one is given (the serializer is told so too).
    pub fn new(out: &Path, serializer: StatementSerializer, shard: Option<Shard>) -> Result<Self> {
        let format = serializer.format();
        let target = target(out, format, shard);
        let shared = is_shared_folder(format, shard);
        let serializer = serializer.with_shard(shard);
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
        Ok(Self { target, shared, staging })
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
        let Sink { target, shared, staging } = self;
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
                Ok(if shared { Staged::Files(dir, target) } else { Staged::Dir(dir, target) })
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
    /// A temporary folder whose files go into a target folder that other shards share.
    Files(TempDir, PathBuf),
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
            Self::Files(dir, target) => {
                move_files_into(dir.path(), &target)?;
                Ok(target)
            }
        }
    }
}

/// Moves every file of the folder `from` into the folder `into` (created when missing,
/// readable by all), each by a rename that replaces a file of the same name (`--force`
/// was checked before the run started). Descriptors (`.json`) go last, so a reader that
/// finds a shard's descriptor finds its tables complete.
fn move_files_into(from: &Path, into: &Path) -> Result<()> {
    std::fs::create_dir_all(into).with_context(|| format!("cannot create {}", into.display()))?;
    set_mode(into, 0o755)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(from)
        .with_context(|| format!("cannot read {}", from.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort_by_key(|path| (path.extension().is_some_and(|e| e == "json"), path.clone()));
    for file in files {
        let name = file.file_name().context("a file without a name")?;
        let destination = into.join(name);
        set_mode(&file, 0o644)?;
        std::fs::rename(&file, &destination)
            .with_context(|| format!("cannot write {}", destination.display()))?;
    }
    Ok(())
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

/// Refuses a run that would overwrite an input, or an existing output without `force`
/// (for a shard's Parquet tables, the files of that shard in the shared folder).
pub fn check_targets(
    out: &Path,
    formats: &[Format],
    inputs: &[PathBuf],
    force: bool,
    shard: Option<Shard>,
) -> Result<()> {
    let inputs: Vec<PathBuf> = inputs.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let out = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    for &format in formats {
        let target = target(&out, format, shard);
        for input in &inputs {
            if *input == target || input.starts_with(&target) {
                bail!(
                    "refusing to write {} over the input {}: choose another --out",
                    target.display(),
                    input.display()
                );
            }
        }
        if is_shared_folder(format, shard) {
            for name in shared_files(format, shard) {
                let file = target.join(name);
                if file.exists() && !force {
                    bail!("{} exists: use --force to replace it", file.display());
                }
            }
        } else if target.exists() && !force {
            bail!("{} exists: use --force to replace it", target.display());
        }
    }
    Ok(())
}
