//! The deterministic corpus generator shared by `examples/generate_corpus.rs` and the
//! criterion benches (included with `#[path]`, so both build records with one code).
//!
//! A [`Pool`] holds statements ingested from real text (the shared corpus of copied
//! statements and the White House Markdown folder). [`Pool::record`] makes record
//! number `index` of a corpus: it draws 6–10 of the pool's paragraphs, keeps the
//! commitments ingest found in them (8–16 in all, spans unchanged because each span
//! counts code points into its own paragraph's text), takes the metadata of one pool
//! statement and draws dates, so that the record passes `Statement::validate`. Records
//! carry no `source_text` (nor its fixity or paragraph source spans): with it a record
//! would be about 16.5 KB instead of the 11 KB the peer table was measured on.
//!
//! Randomness comes from a hand-written SplitMix64 (Steele, Lea and Flood, "Fast
//! splittable pseudorandom number generators", OOPSLA 2014) seeded from the corpus seed
//! and the record index, so the same seed, pool and index always give the same record,
//! whatever crate versions are in the lock file, and any record can be made on its own.

#![allow(dead_code)] // Each including target uses a different part.

use communique::model::chrono::{Duration, FixedOffset, NaiveDate, NaiveTime};
use communique::model::{Note, Paragraph, Statement, TimePrecision, Timestamp, slug};
use communique::text::{IngestOptions, ingest};
use std::fmt;
use std::path::{Path, PathBuf};

/// Fewest and most paragraphs a generated record has.
pub const PARAGRAPHS: (usize, usize) = (6, 10);
/// Fewest and most commitments a generated record has.
pub const COMMITMENTS: (usize, usize) = (8, 16);
/// Records in the 1× corpus (the size the peer table was measured on).
pub const BASE_RECORDS: usize = 20_000;

/// SplitMix64: 64 bits of state, one add and two multiply-xorshift rounds a number.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting at `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by Lemire's multiply-shift (bias below 2⁻³²
    /// for the small `n` used here).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Why a pool could not be built.
#[derive(Debug)]
pub struct PoolError(String);

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PoolError {}

/// A paragraph of the pool: which statement, which paragraph, how many commitments.
#[derive(Debug, Clone, Copy)]
struct Slot {
    statement: usize,
    paragraph: usize,
    commitments: usize,
}

/// Ingested statements whose paragraphs and commitments generated records reuse.
#[derive(Debug)]
pub struct Pool {
    statements: Vec<Statement>,
    /// Language of the records (the commonest in the pool).
    language: Option<String>,
    /// Paragraphs on which ingest found at least one commitment.
    rich: Vec<Slot>,
    /// The other paragraphs (headings, facts, lists without a cue).
    plain: Vec<Slot>,
    /// Bytes of text ingested.
    pub input_bytes: u64,
    /// Files ingested.
    pub files: usize,
}

/// The folders the generator reads by default, relative to the project root: the
/// corpus of copied statements the repository carries (`tests/data/corpus`, and the
/// reference statement in `examples/data`) and the White House Markdown folder.
pub fn default_sources(project_root: &Path) -> Vec<PathBuf> {
    ["tests/data/corpus", "tests/data/corpus-whitehouse", "examples/data"]
        .iter()
        .map(|dir| project_root.join(dir))
        .collect()
}

impl Pool {
    /// Ingests every `.txt` and `.md` file of `dirs` (not recursively; in file-name
    /// order, so the pool does not depend on the order the file system lists them).
    ///
    /// # Errors
    ///
    /// A folder that cannot be read, a file that ingest refuses (naming it), or a pool
    /// whose paragraphs cannot make records of 8 commitments.
    pub fn ingest_dirs(dirs: &[PathBuf]) -> Result<Self, PoolError> {
        let mut files = Vec::new();
        for dir in dirs {
            let entries = std::fs::read_dir(dir)
                .map_err(|e| PoolError(format!("cannot read the folder {}: {e}", dir.display())))?;
            for entry in entries {
                let path = entry.map_err(|e| PoolError(format!("{}: {e}", dir.display())))?.path();
                let readme = path.file_name().is_some_and(|name| name.eq_ignore_ascii_case("README.md"));
                let wanted = path.extension().is_some_and(|ext| ext == "txt" || ext == "md") && !readme;
                if wanted && path.is_file() {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut statements = Vec::with_capacity(files.len());
        let mut input_bytes = 0;
        for path in &files {
            let bytes =
                std::fs::read(path).map_err(|e| PoolError(format!("cannot read {}: {e}", path.display())))?;
            input_bytes += bytes.len() as u64;
            let statement = ingest(&bytes, &IngestOptions::default())
                .map_err(|e| PoolError(format!("{}: ingest failed: {e}", path.display())))?;
            statements.push(statement);
        }
        let mut pool = Self::from_statements(statements)?;
        pool.input_bytes = input_bytes;
        pool.files = files.len();
        Ok(pool)
    }

    /// A pool of already made statements (each should pass `validate`). Records are
    /// written in the pool's commonest language, and only paragraphs of statements in
    /// that language are drawn.
    ///
    /// # Errors
    ///
    /// When no paragraph carries a commitment.
    pub fn from_statements(statements: Vec<Statement>) -> Result<Self, PoolError> {
        let mut languages: Vec<(Option<String>, usize)> = Vec::new();
        for statement in &statements {
            match languages.iter_mut().find(|(tag, _)| *tag == statement.language) {
                Some((_, count)) => *count += 1,
                None => languages.push((statement.language.clone(), 1)),
            }
        }
        // Ties go to the tag first met, so the choice is deterministic.
        let language =
            languages.iter().rev().max_by_key(|(_, count)| *count).and_then(|(tag, _)| tag.clone());
        let (mut rich, mut plain) = (Vec::new(), Vec::new());
        for (s, statement) in statements.iter().enumerate() {
            if statement.language != language {
                continue;
            }
            for (p, paragraph) in statement.paragraphs.iter().enumerate() {
                let commitments =
                    statement.commitments.iter().filter(|c| c.paragraph == paragraph.id).count();
                let slot = Slot { statement: s, paragraph: p, commitments };
                if commitments > 0 { rich.push(slot) } else { plain.push(slot) }
            }
        }
        if rich.is_empty() {
            return Err(PoolError("no paragraph of the pool carries a commitment".into()));
        }
        let files = statements.len();
        Ok(Self { statements, language, rich, plain, input_bytes: 0, files })
    }

    /// Statements in the pool.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// BCP 47 tag of the records made (the pool's commonest language).
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// Paragraphs drawn from (those in the records' language), and how many of them carry commitments.
    pub fn paragraph_counts(&self) -> (usize, usize) {
        (self.rich.len() + self.plain.len(), self.rich.len())
    }

    /// Record number `index` of the corpus with `seed`: the same arguments always give
    /// the same record. Records of one corpus have distinct ids
    /// (`{issuer slug}-{issued}-n{index}`).
    pub fn record(&self, seed: u64, index: u64) -> Statement {
        let mut rng = SplitMix64::new(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();

        let want_paragraphs = rng.between(PARAGRAPHS.0, PARAGRAPHS.1);
        let want_commitments = rng.between(COMMITMENTS.0, COMMITMENTS.1);
        let slots = self.draw_slots(&mut rng, want_paragraphs, want_commitments);

        let base = &self.statements[rng.below(self.statements.len())];
        let issued = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a calendar date")
            + Duration::days(rng.below(26 * 365) as i64);
        let who = base
            .issuers
            .iter()
            .map(|issuer| slug(&issuer.name, 32))
            .chain(base.source.attribution.iter().map(|a| slug(a, 32)))
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "statement".to_owned());

        let mut statement = Statement {
            id: format!("{who}-{issued}-n{index:07}"),
            title: base.title.clone(),
            kind: base.kind,
            issuers: base.issuers.clone(),
            places: base.places.clone(),
            issued: Some(issued),
            language: self.language.clone(),
            reference: base.reference.clone(),
            keywords: base.keywords.clone(),
            source: base.source.clone(),
            ..Statement::default()
        };
        let minute = rng.below(24 * 60) as u32;
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).expect("a time of day");
        let published = issued.and_time(time);
        if rng.chance(50) {
            let offsets = [-5 * 3600, -4 * 3600, 0, 3600, 2 * 3600];
            let offset = FixedOffset::east_opt(offsets[rng.below(offsets.len())]).expect("an offset");
            statement.published = Some(Timestamp::new(published, Some(offset), TimePrecision::Second));
        }
        let updated = published + Duration::minutes(rng.below(3 * 24 * 60) as i64);
        statement.last_updated = Some(Timestamp::new(updated, None, TimePrecision::Minute));
        if statement.source.retrieved.is_some() || rng.chance(30) {
            statement.source.retrieved = Some(issued + Duration::days(rng.below(4000) as i64));
        }
        let resolved = statement.issuers.first().map(|issuer| issuer.name.clone());

        for slot in &slots {
            let from = &self.statements[slot.statement];
            let original = &from.paragraphs[slot.paragraph];
            let eid = format!("para_{}", statement.paragraphs.len() + 1);
            let mut paragraph = Paragraph::new(&eid, original.kind, &original.text);
            paragraph.number = original.number.clone();
            statement.paragraphs.push(paragraph);

            let found = from.commitments.iter().filter(|c| c.paragraph == original.id);
            for (k, commitment) in found.enumerate() {
                if statement.commitments.len() == want_commitments {
                    break;
                }
                let mut commitment = commitment.clone();
                commitment.id = format!("{eid}__cmt_{}", k + 1);
                commitment.paragraph.clone_from(&eid);
                if commitment.actor_resolved.is_some() {
                    commitment.actor_resolved.clone_from(&resolved);
                }
                statement.commitments.push(commitment);
            }
        }
        statement.notes.push(Note::new(
            "generated.benchmark",
            format!("synthetic record {index}, seed {seed}: paragraphs of ingested statements"),
        ));
        statement
    }

    /// Draws `paragraphs` pool paragraphs carrying at least `commitments` commitments
    /// in all: one or two plain paragraphs for variety (when the pool has them), the
    /// rest from paragraphs with commitments, the poorest of those redrawn until the
    /// total is reached.
    fn draw_slots(&self, rng: &mut SplitMix64, paragraphs: usize, commitments: usize) -> Vec<Slot> {
        let plain = if self.plain.is_empty() { 0 } else { rng.below(3) };
        let mut rich: Vec<Slot> =
            (0..paragraphs - plain).map(|_| self.rich[rng.below(self.rich.len())]).collect();
        for _ in 0..10_000 {
            if rich.iter().map(|s| s.commitments).sum::<usize>() >= commitments {
                break;
            }
            let poorest = (0..rich.len()).min_by_key(|&i| rich[i].commitments).expect("at least 4 slots");
            let draw = self.rich[rng.below(self.rich.len())];
            if draw.commitments > rich[poorest].commitments {
                rich[poorest] = draw;
            }
        }
        let mut slots = rich;
        for _ in 0..plain {
            let at = rng.below(slots.len() + 1);
            slots.insert(at, self.plain[rng.below(self.plain.len())]);
        }
        slots
    }
}
