//! One module per subcommand.

pub mod convert;
pub mod eval;
pub mod ingest;
pub mod schema;
pub mod stats;
pub mod validate;

use anyhow::{Context, Result, bail};
use communique::model::chrono::NaiveDate;
use communique::text::IngestOptions;

/// Ingest settings shared by `ingest` and `convert`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct IngestArgs {
    /// BCP 47 language tag of the text, instead of detecting it (e.g. en, fr, de).
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// Address of the official copy, recorded as the source URL.
    #[arg(long, value_name = "URL")]
    pub source_url: Option<String>,
    /// Date the copy was retrieved (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub retrieved: Option<String>,
}

impl IngestArgs {
    /// The library's options for these arguments; an error names the option at fault.
    pub fn options(&self, id: Option<String>) -> Result<IngestOptions> {
        if let Some(tag) = &self.lang {
            check_language_tag(tag)?;
        }
        let retrieved: Option<NaiveDate> = self
            .retrieved
            .as_deref()
            .map(communique::model::parse_iso_date)
            .transpose()
            .map_err(anyhow::Error::msg)
            .context("--retrieved")?;
        Ok(IngestOptions {
            language: self.lang.clone(),
            id,
            source_url: self.source_url.clone(),
            retrieved,
            ..IngestOptions::default()
        })
    }
}

/// Refuses a `--lang` that is not a well-formed BCP 47 tag, before any input is read (the
/// record it would give could not pass validation), suggesting the tag meant where it can.
fn check_language_tag(tag: &str) -> Result<()> {
    use communique::model::is_well_formed_language_tag;
    if is_well_formed_language_tag(tag) {
        return Ok(());
    }
    let hyphens = tag.replace('_', "-");
    if hyphens != tag && is_well_formed_language_tag(&hyphens) {
        bail!(
            "--lang {tag:?} is not a BCP 47 language tag: subtags are joined by hyphens (--lang {hyphens})"
        );
    }
    bail!("--lang {tag:?} is not a well-formed BCP 47 language tag (e.g. en, fr, de, en-GB)")
}
