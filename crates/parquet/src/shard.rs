//! Shards: the K-th of N slices of a conversion, and the file names that keep the
//! slices apart in one folder.

use std::fmt;
use std::str::FromStr;

/// The `index`-th (1-based) of `count` slices of a conversion.
///
/// Each shard names its files with [`suffix`](Self::suffix) (`commitments-02-of-16.parquet`,
/// `datapackage-02-of-16.json`), so N shards written into one folder never collide, and a
/// reader taking `commitments*.parquet` gets the table of every shard. The index is
/// padded to the width of the count, so the names sort in shard order.
///
/// ```
/// use communique_parquet::Shard;
/// let shard: Shard = "2/16".parse().unwrap();
/// assert_eq!((shard.index(), shard.count()), (2, 16));
/// assert_eq!(shard.suffix(), "-02-of-16");
/// assert_eq!(shard.to_string(), "2/16");
/// assert!("0/4".parse::<Shard>().is_err() && "5/4".parse::<Shard>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shard {
    count: u32,
    index: u32,
}

impl Shard {
    /// The `index`-th of `count` shards; `None` unless 1 ≤ `index` ≤ `count`.
    #[must_use]
    pub const fn new(index: u32, count: u32) -> Option<Self> {
        if index >= 1 && index <= count { Some(Self { count, index }) } else { None }
    }

    /// 1-based number of this shard.
    #[must_use]
    pub const fn index(self) -> u32 {
        self.index
    }

    /// Number of shards.
    #[must_use]
    pub const fn count(self) -> u32 {
        self.count
    }

    /// True when the 0-based `unit` of the inputs (a file, or a JSON Lines record, counted
    /// over all inputs in order) falls to this shard: units are dealt round-robin, unit
    /// `u` to shard `u mod count + 1`.
    #[must_use]
    pub const fn takes(self, unit: u64) -> bool {
        unit % self.count as u64 == (self.index - 1) as u64
    }

    /// What the shard's file names carry before their extension: `-K-of-N`, K padded
    /// with zeros to the digits of N (`-02-of-16`).
    #[must_use]
    pub fn suffix(self) -> String {
        let width = self.count.to_string().len();
        format!("-{:0width$}-of-{}", self.index, self.count)
    }

    /// The shard whose [`suffix`](Self::suffix) `suffix` is, exactly (padding included).
    #[must_use]
    pub fn from_suffix(suffix: &str) -> Option<Self> {
        let rest = suffix.strip_prefix('-')?;
        let (index, count) = rest.split_once("-of-")?;
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        if !digits(index) || !digits(count) {
            return None;
        }
        let shard = Self::new(index.parse().ok()?, count.parse().ok()?)?;
        (shard.suffix() == suffix).then_some(shard)
    }
}

/// `K/N`, as `--shard` takes it.
impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// A text that is not `K/N` with 1 ≤ K ≤ N.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidShard(String);

impl fmt::Display for InvalidShard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid shard {:?}: expected K/N with 1 ≤ K ≤ N (2/4 is the second of four)", self.0)
    }
}

impl std::error::Error for InvalidShard {}

impl FromStr for Shard {
    type Err = InvalidShard;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = || InvalidShard(text.to_owned());
        let (index, count) = text.trim().split_once('/').ok_or_else(fail)?;
        let index = index.trim().parse().map_err(|_| fail())?;
        let count = count.trim().parse().map_err(|_| fail())?;
        Self::new(index, count).ok_or_else(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_round_trip_and_sort_in_shard_order() {
        for (text, suffix) in
            [("1/1", "-1-of-1"), ("3/4", "-3-of-4"), ("7/10", "-07-of-10"), ("12/100", "-012-of-100")]
        {
            let shard: Shard = text.parse().unwrap();
            assert_eq!(shard.suffix(), suffix);
            assert_eq!(Shard::from_suffix(suffix), Some(shard));
        }
        assert_eq!(Shard::from_suffix("-7-of-10"), None, "unpadded");
        assert_eq!(Shard::from_suffix("-0-of-4"), None);
        assert_eq!(Shard::from_suffix("-a-of-4"), None);
        let mut names: Vec<_> = (1..=12).map(|k| Shard::new(k, 12).unwrap().suffix()).collect();
        let in_order = names.clone();
        names.sort();
        assert_eq!(names, in_order);
    }

    #[test]
    fn units_are_dealt_round_robin() {
        let shards: Vec<_> = (1..=4).map(|k| Shard::new(k, 4).unwrap()).collect();
        // Units 0..8 go to shards 1, 2, 3, 4, 1, 2, 3, 4.
        let owners: Vec<u32> = (0..8).map(|u| shards.iter().find(|s| s.takes(u)).unwrap().index()).collect();
        assert_eq!(owners, [1, 2, 3, 4, 1, 2, 3, 4]);
        for text in ["", "1", "1/0", "0/1", "-1/2", "2/1", "a/b", "1/2/3"] {
            assert!(text.parse::<Shard>().is_err(), "{text:?}");
        }
        assert_eq!(" 2 / 3 ".parse::<Shard>(), Ok(Shard::new(2, 3).unwrap()));
    }
}
