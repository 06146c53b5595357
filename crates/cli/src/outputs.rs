//! Outputs written atomically: everything goes to temporary paths inside the output
//! folder and is renamed into place only when the whole run may be kept, all outputs of a
//! run or none ([`commit`]).

use anyhow::{Context, Result, anyhow, bail};
use communique::{
    DirStatementSerializer, Format, PreparedStatement, Shard, StatementSerializer, WriterStatementSerializer,
};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
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
    /// Listed for removal by a signal until the sink is dropped (after its output).
    listed: Listed,
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
        let (staging, listed) = if is_folder(format) {
            let (dir, listed) = listed(
                || tempfile::Builder::new().prefix(&format!(".{}.", format.name())).tempdir_in(out),
                TempDir::path,
            )?;
            let writer = serializer
                .for_dir(dir.path())
                .with_context(|| format!("cannot start {}", target.display()))?;
            (Staging::Dir { dir, writer }, listed)
        } else {
            let (file, listed) = listed(
                || {
                    tempfile::Builder::new()
                        .prefix(&format!(".statements.{}.", format.name()))
                        .tempfile_in(out)
                },
                NamedTempFile::path,
            )?;
            let writer = serializer.for_writer(BufWriter::with_capacity(1 << 16, file.reopen()?));
            (Staging::File { file, writer }, listed)
        };
        Ok(Self { target, shared, staging, listed })
    }

    /// Appends one statement, prepared by the serializer this sink was made with.
    pub fn write(&mut self, prepared: &PreparedStatement) -> Result<()> {
        match &mut self.staging {
            Staging::File { writer, .. } => writer.write_prepared(prepared),
            Staging::Dir { writer, .. } => writer.write_prepared(prepared),
        }
        .with_context(|| format!("cannot write {}", self.target.display()))
    }

    /// Appends one statement, formatted straight into the output (for a large record:
    /// nothing else holds its formatted text).
    pub fn serialize(&mut self, statement: &communique::model::Statement) -> Result<()> {
        match &mut self.staging {
            Staging::File { writer, .. } => writer.serialize_statement(statement),
            Staging::Dir { writer, .. } => writer.serialize_statement(statement),
        }
        .with_context(|| format!("cannot write {}", self.target.display()))
    }

    /// Completes the output, made durable, and hands back what to rename where.
    pub fn finish(self) -> Result<Staged> {
        let Sink { target, shared, staging, listed } = self;
        let context = || format!("cannot write {}", target.display());
        match staging {
            Staging::File { file, writer } => {
                let mut inner = writer.finish().with_context(context)?;
                inner.flush().with_context(context)?;
                inner.get_ref().sync_all().with_context(context)?;
                Ok(Staged::File(file, target, listed))
            }
            Staging::Dir { dir, writer } => {
                writer.finish().with_context(context)?;
                Ok(if shared { Staged::Files(dir, target, listed) } else { Staged::Dir(dir, target, listed) })
            }
        }
    }
}

/// A finished output waiting to be renamed into place (listed for removal by a signal
/// until then).
pub enum Staged {
    /// A temporary file for a target file.
    File(NamedTempFile, PathBuf, Listed),
    /// A temporary folder for a target folder.
    Dir(TempDir, PathBuf, Listed),
    /// A temporary folder whose files go into a target folder that other shards share.
    Files(TempDir, PathBuf, Listed),
}

impl Staged {
    /// The file or folder this output is renamed to.
    fn target(&self) -> &Path {
        match self {
            Self::File(_, target, _) | Self::Dir(_, target, _) | Self::Files(_, target, _) => target,
        }
    }
}

/// Renames every finished output of a run into place, all or none (`--force` was checked
/// before the run started): first every existing target is moved aside, to a temporary
/// folder beside it, then every new output is renamed in, and only then are the old ones
/// deleted. Should any step fail, what was done is undone — the new outputs removed, the
/// old ones put back — and the error names the output at fault and says that nothing
/// was replaced. A target that is neither of the output's kind (a file where a file
/// goes, a folder where a folder goes) nor a symbolic link is never replaced.
///
/// Returns the targets written, in the order given.
pub fn commit(outputs: Vec<Staged>) -> Result<Vec<PathBuf>> {
    // A signal waits for the commit to be done, or undone, before it removes what is left.
    let _committing = lock(&COMMITTING);
    let targets: Vec<PathBuf> = outputs.iter().map(|output| output.target().to_path_buf()).collect();
    let mut journal = Journal::default();
    match commit_into(&outputs, &mut journal) {
        Ok(()) => {
            // Renamed away: the temporary outputs must not be deleted any more (a folder
            // of shard files is empty now, and deleted), nor removed by a signal.
            for output in outputs {
                let listed = match output {
                    Staged::File(file, _, listed) => {
                        let _ = file.into_temp_path().keep();
                        listed
                    }
                    Staged::Dir(dir, _, listed) => {
                        let _ = dir.keep();
                        listed
                    }
                    Staged::Files(dir, _, listed) => {
                        drop(dir);
                        listed
                    }
                };
                drop(listed);
            }
            journal.discard_old();
            Ok(targets)
        }
        Err(error) => {
            let undone = journal.roll_back();
            // Dropping the outputs deletes those that were never renamed in.
            drop(outputs);
            match undone {
                Ok(()) => Err(anyhow!("{error:#}: nothing was replaced, every output is as it was")),
                Err(kept) => {
                    Err(anyhow!("{error:#}; undoing the outputs already replaced failed too: {kept:#}"))
                }
            }
        }
    }
}

/// The steps of a commit done so far, to undo them in reverse order.
#[derive(Default)]
struct Journal {
    /// Folders holding the old targets moved aside, one for each folder they were in.
    aside: Vec<(PathBuf, TempDir)>,
    steps: Vec<Step>,
}

enum Step {
    /// The old `target` is now `aside`.
    MovedAside { target: PathBuf, aside: PathBuf },
    /// A new output was renamed to `target`.
    Placed { target: PathBuf, folder: bool },
    /// The shared folder `folder` was created.
    Created { folder: PathBuf },
}

impl Journal {
    /// Moves an existing `target` (as found by `symlink_metadata`: a link is moved, not
    /// what it points to) into a temporary folder beside it; nothing when there is none.
    /// Refuses a target of another kind than the output's (`folder` or a file).
    fn move_aside(&mut self, target: &Path, folder: bool) -> Result<()> {
        let Some(kind) =
            existing_kind(target).with_context(|| format!("cannot replace {}", target.display()))?
        else {
            return Ok(());
        };
        if !kind.replaceable_by(folder) {
            bail!(
                "cannot replace {}: it is {}, where the output {} goes",
                target.display(),
                kind.describe(),
                if folder { "folder" } else { "file" }
            );
        }
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let index = match self.aside.iter().position(|(folder, _)| folder == parent) {
            Some(index) => index,
            None => {
                let dir = tempfile::Builder::new()
                    .prefix(".replaced.")
                    .tempdir_in(parent)
                    .with_context(|| format!("cannot replace {}", target.display()))?;
                self.aside.push((parent.to_path_buf(), dir));
                self.aside.len() - 1
            }
        };
        let aside = self.aside[index].1.path().join(target.file_name().context("a target without a name")?);
        std::fs::rename(target, &aside).with_context(|| format!("cannot replace {}", target.display()))?;
        self.steps.push(Step::MovedAside { target: target.to_path_buf(), aside });
        Ok(())
    }

    /// Renames the new output `from` to `target`, where nothing is any more.
    fn place(&mut self, from: &Path, target: &Path, folder: bool) -> Result<()> {
        set_mode(from, if folder { 0o755 } else { 0o644 })?;
        std::fs::rename(from, target).with_context(|| format!("cannot write {}", target.display()))?;
        self.steps.push(Step::Placed { target: target.to_path_buf(), folder });
        Ok(())
    }

    /// Undoes every step, last first: removes the new outputs, puts the old ones back.
    /// On failure, the old outputs not put back are kept where they are, and named.
    fn roll_back(mut self) -> Result<()> {
        let mut failures = Vec::new();
        while let Some(step) = self.steps.pop() {
            let undone = match &step {
                Step::Placed { target, folder: true } => std::fs::remove_dir_all(target),
                Step::Placed { target, folder: false } => std::fs::remove_file(target),
                Step::MovedAside { target, aside } => std::fs::rename(aside, target),
                Step::Created { folder } => std::fs::remove_dir(folder),
            };
            if let Err(error) = undone {
                failures.push(match step {
                    Step::Placed { target, .. } => {
                        format!("cannot remove the new {}: {error}", target.display())
                    }
                    Step::MovedAside { target, aside } => {
                        format!("the old {} is kept as {}: {error}", target.display(), aside.display())
                    }
                    Step::Created { folder } => format!("cannot remove {}: {error}", folder.display()),
                });
            }
        }
        if failures.is_empty() {
            // Empty by now: deleted on drop.
            return Ok(());
        }
        // Keep every folder of old outputs that could not be put back.
        for (_, dir) in self.aside {
            let _ = dir.keep();
        }
        Err(anyhow!("{}", failures.join("; ")))
    }

    /// Deletes the old outputs, once every new one is in place.
    fn discard_old(self) {
        for (_, dir) in self.aside {
            let path = dir.path().to_path_buf();
            if let Err(error) = dir.close() {
                eprintln!("warning: cannot delete the replaced outputs in {}: {error}", path.display());
            }
        }
    }
}

/// Does the steps of [`commit`] until one fails.
fn commit_into(outputs: &[Staged], journal: &mut Journal) -> Result<()> {
    // Every target free first, so that no new output is in place while an old one stays.
    let mut moves: Vec<(PathBuf, PathBuf, bool)> = Vec::new();
    for output in outputs {
        match output {
            Staged::File(file, target, _) => {
                journal.move_aside(target, false)?;
                moves.push((file.path().to_path_buf(), target.clone(), false));
            }
            Staged::Dir(dir, target, _) => {
                journal.move_aside(target, true)?;
                moves.push((dir.path().to_path_buf(), target.clone(), true));
            }
            Staged::Files(dir, into, _) => {
                match std::fs::metadata(into) {
                    Ok(metadata) if metadata.is_dir() => {}
                    Ok(_) => bail!("cannot write into {}: it is not a folder", into.display()),
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                        std::fs::create_dir(into)
                            .with_context(|| format!("cannot create {}", into.display()))?;
                        journal.steps.push(Step::Created { folder: into.clone() });
                        set_mode(into, 0o755)?;
                    }
                    Err(error) => {
                        return Err(error).with_context(|| format!("cannot write into {}", into.display()));
                    }
                }
                for file in shard_files(dir.path())? {
                    let destination = into.join(file.file_name().context("a file without a name")?);
                    journal.move_aside(&destination, false)?;
                    moves.push((file, destination, false));
                }
            }
        }
    }
    for (from, target, folder) in moves {
        journal.place(&from, &target, folder)?;
    }
    Ok(())
}

/// The files of a shard's staged folder in the order they are moved into the folder the
/// shards share: descriptors (`.json`) last, so a reader that finds a shard's descriptor
/// finds its tables complete.
fn shard_files(from: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(from)
        .with_context(|| format!("cannot read {}", from.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort_by_key(|path| (path.extension().is_some_and(|e| e == "json"), path.clone()));
    Ok(files)
}

/// What is at a path, not following a symbolic link there.
#[derive(Debug, Clone, Copy)]
enum Kind {
    File,
    Folder,
    /// A symbolic link to something.
    Link,
    /// A symbolic link to nothing.
    Dangling,
    /// A FIFO or a character device, written into as a stream: its description.
    Stream(&'static str),
    /// A block device or a socket: its description.
    Other(&'static str),
}

impl Kind {
    /// True when an output (a `folder` or a file) may replace what is there: a link (the
    /// link, not what it points to), or the same kind of thing.
    fn replaceable_by(self, folder: bool) -> bool {
        match self {
            Self::Link | Self::Dangling => true,
            Self::Folder => folder,
            Self::File => !folder,
            Self::Stream(_) | Self::Other(_) => false,
        }
    }

    /// "a folder", "a link to nowhere", …
    fn describe(self) -> &'static str {
        match self {
            Self::File => "a file",
            Self::Folder => "a folder",
            Self::Link => "a symbolic link",
            Self::Dangling => "a link to nowhere",
            Self::Stream(what) | Self::Other(what) => what,
        }
    }
}

/// The kind of what is at `path`, `None` when nothing is (a link to nowhere is something).
fn existing_kind(path: &Path) -> std::io::Result<Option<Kind>> {
    let metadata = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    let kind = metadata.file_type();
    Ok(Some(if kind.is_symlink() {
        if std::fs::metadata(path).is_ok() { Kind::Link } else { Kind::Dangling }
    } else if kind.is_dir() {
        Kind::Folder
    } else if kind.is_file() {
        Kind::File
    } else {
        special_kind(&kind)
    }))
}

/// The kind of a file type that is neither a file, a folder nor a link.
fn special_kind(kind: &std::fs::FileType) -> Kind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Kind::Stream("a FIFO");
        } else if kind.is_char_device() {
            return Kind::Stream("a character device");
        } else if kind.is_block_device() {
            return Kind::Other("a block device");
        } else if kind.is_socket() {
            return Kind::Other("a socket");
        }
    }
    let _ = kind;
    Kind::Other("neither a file nor a folder")
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

/// A temporary file, to be [persisted](persist) over the file it is beside; removed when
/// dropped, or by a signal.
#[derive(Debug)]
pub struct TempFile {
    file: NamedTempFile,
    /// Listed for removal by a signal until dropped (after the file).
    listed: Listed,
}

impl TempFile {
    /// The open file.
    pub fn as_file(&self) -> &File {
        self.file.as_file()
    }

    /// A second handle to the file, to write through.
    pub fn reopen(&self) -> std::io::Result<File> {
        self.file.reopen()
    }
}

/// Renames a finished temporary file over `path`, readable by all as published files are.
pub fn persist(file: TempFile, path: &Path) -> Result<()> {
    let TempFile { file, listed } = file;
    set_mode(file.path(), 0o644)?;
    file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    drop(listed);
    Ok(())
}

/// A temporary file beside `path`, to be [persisted](persist) over it.
pub fn temp_file_beside(path: &Path) -> Result<TempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (file, listed) =
        listed(|| tempfile::Builder::new().prefix(".communique.").tempfile_in(dir), NamedTempFile::path)?;
    Ok(TempFile { file, listed })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = temp_file_beside(path)?;
    file.file.write_all(bytes)?;
    file.as_file().sync_all()?;
    persist(file, path)
}

/// A one-file output (`ingest --out`): a temporary file renamed over a regular file (or
/// where nothing is) when kept, or a FIFO or a character device (`/dev/null`) written
/// into as it is, never replaced. A symbolic link is followed (the link stays).
#[derive(Debug)]
pub enum FileOutput {
    /// A temporary file, to be renamed to the path.
    Replace(TempFile, PathBuf),
    /// The FIFO or device, open for writing.
    Stream(File),
}

impl FileOutput {
    /// Prepares writing `path`; refuses a folder, a link to nowhere, a block device and a
    /// socket. Opening a FIFO waits for a reader, as a shell's redirection does.
    pub fn open(path: &Path) -> Result<Self> {
        let kind = existing_kind(path).with_context(|| format!("cannot write {}", path.display()))?;
        match kind {
            None | Some(Kind::File) => Ok(Self::Replace(temp_file_beside(path)?, path.to_path_buf())),
            Some(Kind::Link) => {
                // Resolved whole, so what it names is not a link.
                let real = std::fs::canonicalize(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Self::open(&real)
            }
            Some(Kind::Stream(_)) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(Self::Stream(file))
            }
            Some(kind @ (Kind::Dangling | Kind::Folder | Kind::Other(_))) => bail!(
                "{} is {}: --out names a file, a FIFO or a character device",
                path.display(),
                kind.describe()
            ),
        }
    }

    /// A handle to write the output through.
    pub fn writer(&self) -> std::io::Result<File> {
        match self {
            Self::Replace(file, _) => file.reopen(),
            Self::Stream(file) => file.try_clone(),
        }
    }

    /// Keeps what was written: renames the temporary file into place, made durable.
    pub fn keep(self) -> Result<()> {
        match self {
            Self::Replace(file, path) => {
                file.as_file().sync_all().with_context(|| format!("cannot write {}", path.display()))?;
                persist(file, &path)
            }
            Self::Stream(_) => Ok(()),
        }
    }
}

/// Paths of the temporary outputs of this process, which a signal removes
/// ([`clean_up_on_signals`]).
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Held while outputs are committed: a signal waits for a commit to be done or undone.
/// Taken before [`TEMPORARIES`] where both are.
static COMMITTING: Mutex<()> = Mutex::new(());

/// Locks `mutex`, also when a thread panicked holding it (what it guards stays usable).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary output listed for removal by a signal; unlisted when dropped (after the
/// temporary output itself, which is removed on drop or renamed into place).
#[derive(Debug)]
pub struct Listed(PathBuf);

impl Drop for Listed {
    fn drop(&mut self) {
        let mut temporaries = lock(&TEMPORARIES);
        if let Some(index) = temporaries.iter().rposition(|path| *path == self.0) {
            temporaries.swap_remove(index);
        }
    }
}

/// Creates a temporary output and lists it, with no moment between the two when a signal
/// could come and miss it.
fn listed<T>(create: impl FnOnce() -> std::io::Result<T>, path: impl Fn(&T) -> &Path) -> Result<(T, Listed)> {
    let mut temporaries = lock(&TEMPORARIES);
    let temporary = create()?;
    let path = path(&temporary).to_path_buf();
    temporaries.push(path.clone());
    Ok((temporary, Listed(path)))
}

/// On SIGINT, SIGTERM or SIGHUP, removes every temporary output of the process (once a
/// commit under way is done or undone: no output is ever left half-replaced) and exits
/// with the conventional code, 128 + the signal's number (130, 143, 129).
#[cfg(unix)]
pub fn clean_up_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        let Some(signal) = signals.forever().next() else { return };
        // Both held until the process exits: no commit starts, no temporary output is
        // made or listed any more.
        let _committing = lock(&COMMITTING);
        let temporaries = lock(&TEMPORARIES);
        for path in temporaries.iter() {
            remove(path);
        }
        let name = match signal {
            SIGINT => "SIGINT",
            SIGTERM => "SIGTERM",
            _ => "SIGHUP",
        };
        eprintln!("\nstopped by {name}: temporary outputs removed");
        std::process::exit(128 + signal);
    })?;
    Ok(())
}

/// Removes a temporary file or folder, trying again while a writer still adds files to it.
#[cfg(unix)]
fn remove(path: &Path) {
    for _ in 0..10 {
        let removed = match std::fs::symlink_metadata(path) {
            Err(_) => return,
            Ok(metadata) if metadata.is_dir() => std::fs::remove_dir_all(path),
            Ok(_) => std::fs::remove_file(path),
        };
        if removed.is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Refuses to write `target` (an output `folder` or file) where something is, without
/// `force`; and even with it where what is there is of another kind (a folder where a file
/// goes), which no run replaces. A symbolic link is something, even to nowhere.
fn check_target(target: &Path, folder: bool, force: bool) -> Result<()> {
    let Some(kind) = existing_kind(target).with_context(|| format!("cannot write {}", target.display()))?
    else {
        return Ok(());
    };
    if !kind.replaceable_by(folder) {
        bail!(
            "{} is {}, where the output {} goes: move it away (it is not replaced, even with --force)",
            target.display(),
            kind.describe(),
            if folder { "folder" } else { "file" }
        );
    }
    if !force {
        let what = if matches!(kind, Kind::Dangling) { " (a link to nowhere)" } else { "" };
        bail!("{} exists{what}: use --force to replace it", target.display());
    }
    Ok(())
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
            match existing_kind(&target).with_context(|| format!("cannot write {}", target.display()))? {
                None | Some(Kind::Folder) => {}
                Some(Kind::Link) if target.is_dir() => {}
                Some(kind) => bail!(
                    "{} is {}, where the folder the shards share goes: move it away",
                    target.display(),
                    kind.describe()
                ),
            }
            for name in shared_files(format, shard) {
                check_target(&target.join(name), false, force)?;
            }
        } else {
            check_target(&target, is_folder(format), force)?;
        }
    }
    Ok(())
}
