//! The ids a conversion has already written, to refuse a record that repeats one.
//!
//! A collection holds each id once (the XSD's keys and the CSV and Parquet tables'
//! primary keys require it), so `convert` remembers every id it wrote. It keeps a
//! fingerprint of each (the first 16 bytes of the id's SHA-256), not the id: 16 bytes a
//! record whatever the id's length, and no collision to fear below some 10^18 records
//! (the birthday bound of a 128-bit hash).
//!
//! The fingerprints live in one sorted vector, with the newest in a small hash set that
//! is merged into it, in place, when it reaches a sixteenth of the vector's length. That
//! holds about 17 bytes a record and grows the vector by an eighth at a time, where a hash
//! set of all fingerprints holds 18 to 36 bytes a record and, each time it doubles, both
//! its old and its new table at once: what made the peak memory of a long conversion
//! grow with the number of records more than any writer did.

use std::collections::HashSet;

/// Fingerprints in the hash set before it is first merged into the sorted vector.
const FIRST_MERGE: usize = 4096;

/// Set of id fingerprints ([`fingerprint`]); see the module documentation.
#[derive(Debug, Default)]
pub struct SeenIds {
    /// Fingerprints merged so far, ascending, each once.
    sorted: Vec<u128>,
    /// Fingerprints inserted since the last merge, none of them in `sorted`.
    recent: HashSet<u128>,
}

impl SeenIds {
    /// Adds the fingerprint of `id`; `true` when no earlier call added the same id.
    pub fn insert(&mut self, id: &str) -> bool {
        self.insert_fingerprint(fingerprint(id))
    }

    fn insert_fingerprint(&mut self, fingerprint: u128) -> bool {
        if self.sorted.binary_search(&fingerprint).is_ok() || !self.recent.insert(fingerprint) {
            return false;
        }
        if self.recent.len() >= FIRST_MERGE.max(self.sorted.len() / 16) {
            self.merge();
        }
        true
    }

    /// Moves the recent fingerprints into the sorted vector, merging from its end so
    /// that no second vector is needed.
    fn merge(&mut self) {
        let mut fresh: Vec<u128> = self.recent.drain().collect();
        fresh.sort_unstable();
        let old = self.sorted.len();
        if self.sorted.capacity() < old + fresh.len() {
            self.sorted.reserve_exact(fresh.len().max(old / 8));
        }
        self.sorted.resize(old + fresh.len(), 0);
        let (mut from_old, mut from_fresh) = (old, fresh.len());
        for place in (0..self.sorted.len()).rev() {
            let take_old =
                from_old > 0 && (from_fresh == 0 || self.sorted[from_old - 1] > fresh[from_fresh - 1]);
            self.sorted[place] = if take_old {
                from_old -= 1;
                self.sorted[from_old]
            } else {
                from_fresh -= 1;
                fresh[from_fresh]
            };
            if from_fresh == 0 {
                // What is left of the old part is already in place.
                break;
            }
        }
    }

    /// Number of fingerprints held.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.sorted.len() + self.recent.len()
    }
}

/// A 128-bit fingerprint of a record id: the first 16 bytes of its SHA-256.
fn fingerprint(id: &str) -> u128 {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(id.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    u128::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_repeated_id_is_refused_before_and_after_the_merges() {
        let mut seen = SeenIds::default();
        // 100,000 ids: the recent set is merged many times over (first at 4,096).
        for n in 0..100_000 {
            assert!(seen.insert(&format!("statement-{n}")), "{n}");
        }
        assert_eq!(seen.len(), 100_000);
        assert!(seen.sorted.len() > 90_000, "merged: {}", seen.sorted.len());
        assert!(seen.sorted.windows(2).all(|w| w[0] < w[1]));
        // The first id (long merged), one from the middle, and the last (still recent).
        for n in [0, 50_000, 99_999] {
            assert!(!seen.insert(&format!("statement-{n}")), "{n}");
        }
        assert!(seen.insert("statement-100000"));
        assert_eq!(seen.len(), 100_001);
    }

    proptest! {
        #[test]
        fn answers_as_a_set_of_all_fingerprints_would(values in proptest::collection::vec(0u128..20_000, 0..12_000)) {
            let mut seen = SeenIds::default();
            let mut reference = HashSet::new();
            for value in values {
                prop_assert_eq!(seen.insert_fingerprint(value), reference.insert(value));
            }
            prop_assert_eq!(seen.len(), reference.len());
            prop_assert!(seen.sorted.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
