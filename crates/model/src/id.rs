//! Deterministic statement ids.

use crate::Statement;
use sha2::{Digest as _, Sha256};

/// Number of hex digits of the text hash in a derived id.
pub const ID_HASH_DIGITS: usize = 8;

/// ASCII slug of `text`: lowercase letters and digits, other runs folded into one `-`,
/// at most `max` bytes, never ending in `-`. Empty when `text` holds no ASCII letter
/// or digit.
#[must_use]
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() >= max {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Statement {
    /// The id this statement gets when none is given: `{who}-{date}-{hash}`.
    ///
    /// `who` is the slug of the first issuer's name, else of the source attribution,
    /// else `statement`; `date` is the ISO issue date, else `undated`; `hash` is the first
    /// 8 hex digits of the SHA-256 of `source_text`, or, without it, of the paragraph
    /// texts joined by blank lines. The same record always gets the same id.
    ///
    /// ```
    /// use communique_model::{Statement, Actor};
    /// let mut s = Statement::builder().issuer(Actor::organization("NATO")).issued_ymd(2022, 2, 16).body("We stand united.").build_unvalidated();
    /// s.id = s.derive_id();
    /// assert!(s.id.starts_with("nato-2022-02-16-"));
    /// assert_eq!(s.id.len(), "nato-2022-02-16-".len() + 8);
    /// ```
    #[must_use]
    pub fn derive_id(&self) -> String {
        let mut hasher = Sha256::new();
        match &self.source_text {
            Some(text) => hasher.update(text.as_bytes()),
            None => {
                for (i, paragraph) in self.paragraphs.iter().enumerate() {
                    if i > 0 {
                        hasher.update(b"\n\n");
                    }
                    hasher.update(paragraph.text.as_bytes());
                }
            }
        }
        self.id_with_hash(&crate::statement::hex(&hasher.finalize()))
    }

    /// The id [`Statement::derive_id`] gives, taking the hash from `fixity` when
    /// `fixity_bytes` (the bytes `fixity` was taken of) are the statement's
    /// `source_text` itself, as they are when plain text or Markdown is ingested; else
    /// (a decoded page, no source text) it hashes as [`Statement::derive_id`] does. The
    /// check is one byte comparison, not a second SHA-256.
    ///
    /// ```
    /// use communique_model::{Fixity, Statement};
    /// let mut s = Statement::builder().issued_ymd(2022, 2, 16).body("We will act.").build_unvalidated();
    /// s.source_text = Some("We will act.".to_owned());
    /// let fixity = Fixity::sha256(b"We will act.");
    /// assert_eq!(s.id_from_fixity(&fixity, b"We will act."), s.derive_id());
    /// // Bytes other than the source text: the digest is not reused.
    /// let page = Fixity::sha256(b"<p>We will act.</p>");
    /// assert_eq!(s.id_from_fixity(&page, b"<p>We will act.</p>"), s.derive_id());
    /// ```
    #[must_use]
    pub fn id_from_fixity(&self, fixity: &crate::Fixity, fixity_bytes: &[u8]) -> String {
        match &self.source_text {
            Some(text) if text.as_bytes() == fixity_bytes => self.id_with_hash(&fixity.digest),
            _ => self.derive_id(),
        }
    }

    /// The id [`Statement::derive_id`] gives, when the caller already holds the SHA-256
    /// of what it hashes (of `source_text`, or of the paragraphs joined by blank lines),
    /// as lower-case hex digits: an ingest that has just taken the fixity of the very
    /// bytes that become `source_text` need not hash them a second time.
    ///
    /// Only the first [`ID_HASH_DIGITS`] digits of `sha256_hex` are used (all of it when
    /// shorter); the id is wrong, not refused, when the digest is of other bytes.
    ///
    /// ```
    /// use communique_model::{Fixity, Statement};
    /// let mut s = Statement::builder().issued_ymd(2022, 2, 16).body("We will act.").build_unvalidated();
    /// s.source_text = Some("We will act.".to_owned());
    /// let fixity = Fixity::sha256(b"We will act.");
    /// assert_eq!(s.id_with_hash(&fixity.digest), s.derive_id());
    /// assert!(s.id_with_hash(&fixity.digest).starts_with("statement-2022-02-16-"));
    /// ```
    #[must_use]
    pub fn id_with_hash(&self, sha256_hex: &str) -> String {
        let who = self
            .issuers
            .iter()
            .map(|issuer| slug(&issuer.name, 32))
            .chain(self.source.attribution.iter().map(|a| slug(a, 32)))
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "statement".to_owned());
        let date = self.issued.map_or_else(|| "undated".to_owned(), |d| d.format("%Y-%m-%d").to_string());
        let digits = sha256_hex.get(..ID_HASH_DIGITS).unwrap_or(sha256_hex);
        format!("{who}-{date}-{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("NATO", 32), "nato");
        assert_eq!(slug("The White House", 32), "the-white-house");
        assert_eq!(slug("  OSCE Chairman-in-Office!! ", 32), "osce-chairman-in-office");
        assert_eq!(slug("Совет", 32), "");
        assert_eq!(slug("United Nations Security Council", 10), "united-nat");
    }
}
