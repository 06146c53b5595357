//! Byte offsets to lines and columns, for a stream read once.

use std::io::{self, BufRead, Read};

/// A reader that remembers the bytes read since the last [`Tracked::mark`], so that an
/// offset at or after the mark can be turned into a line and a column.
///
/// Memory is bounded by the longest XML event (a start tag or a run of text), not by
/// the input.
#[derive(Debug)]
pub(crate) struct Tracked<R> {
    inner: R,
    /// Byte offset of `retained[0]`.
    base: u64,
    retained: Vec<u8>,
    /// 1-based line at `base`.
    line: u64,
    /// Code points between the start of that line and `base`.
    column: u64,
}

impl<R> Tracked<R> {
    pub(crate) fn new(inner: R) -> Self {
        Self { inner, base: 0, retained: Vec::new(), line: 1, column: 0 }
    }

    /// Forgets the bytes before `offset` (no position before it is asked for again).
    pub(crate) fn mark(&mut self, offset: u64) {
        let count =
            usize::try_from(offset.saturating_sub(self.base)).unwrap_or(usize::MAX).min(self.retained.len());
        let (line, column) = advance(self.line, self.column, &self.retained[..count]);
        self.line = line;
        self.column = column;
        self.retained.drain(..count);
        self.base += count as u64;
    }

    /// 1-based line and column (in code points) of byte `offset`; an offset before the
    /// last mark counts as the mark.
    pub(crate) fn locate(&self, offset: u64) -> (u64, u64) {
        let count =
            usize::try_from(offset.saturating_sub(self.base)).unwrap_or(usize::MAX).min(self.retained.len());
        let (line, column) = advance(self.line, self.column, &self.retained[..count]);
        (line, column + 1)
    }
}

fn advance(mut line: u64, mut column: u64, bytes: &[u8]) -> (u64, u64) {
    for &byte in bytes {
        if byte == b'\n' {
            line += 1;
            column = 0;
        } else if byte & 0xC0 != 0x80 {
            // Count the first byte of each UTF-8 sequence: one per code point.
            column += 1;
        }
    }
    (line, column)
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        self.retained.extend_from_slice(&buf[..count]);
        Ok(count)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if amount > 0 {
            // The bytes being consumed are still in the inner buffer: `fill_buf` hands
            // them back without reading.
            if let Ok(buffer) = self.inner.fill_buf() {
                self.retained.extend_from_slice(&buffer[..amount.min(buffer.len())]);
            }
        }
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_in_code_points() {
        let text = "ab\nМир 🕊 x\n\nend";
        let mut tracked = Tracked::new(text.as_bytes());
        let mut all = Vec::new();
        // Read in small steps, as a parser does.
        loop {
            let chunk = tracked.fill_buf().unwrap().len().min(3);
            if chunk == 0 {
                break;
            }
            all.extend_from_slice(&tracked.fill_buf().unwrap()[..chunk]);
            tracked.consume(chunk);
        }
        assert_eq!(all, text.as_bytes());
        assert_eq!(tracked.locate(0), (1, 1));
        assert_eq!(tracked.locate(3), (2, 1));
        let x = text.find('x').unwrap() as u64;
        assert_eq!(tracked.locate(x), (2, 7));
        tracked.mark(x);
        assert_eq!(tracked.locate(x), (2, 7));
        let end = text.find("end").unwrap() as u64;
        assert_eq!(tracked.locate(end), (4, 1));
        assert_eq!(tracked.locate(1), (2, 7), "before the mark counts as the mark");
    }
}
