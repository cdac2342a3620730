//! Writers for the output formats. The wire structs are private and serialize-only;
//! their field order is the documented record order.

pub mod export;
pub mod graph;
pub mod jsonld;
pub mod ndjson;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod review;
pub mod timeml;

use std::io::{self, Write};

/// Bytes written in chunks that never move once written: a serialized record is held at
/// its size, where a growing `Vec` holds up to twice its length and copies it at each
/// doubling (issue 10: a 256 KB page of tiny sections serializes to 4-8 MB, held until
/// its turn to be written). Up to [`Chunked::CHUNK`] the first chunk grows as a `Vec`
/// does, so a small record costs no more than one.
#[derive(Debug, Default)]
pub struct Chunked {
    chunks: Vec<Vec<u8>>,
    len: usize,
}

impl Chunked {
    /// Bytes per chunk.
    pub const CHUNK: usize = 64 << 10;

    /// Bytes written.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Write the bytes, in order, to `out`.
    pub fn write_to<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        self.chunks.iter().try_for_each(|chunk| out.write_all(chunk))
    }
}

impl Write for Chunked {
    /// Serializers write a few bytes at a time: those go straight into the last chunk.
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.chunks.last_mut() {
            Some(last) if last.len() + buf.len() <= Self::CHUNK => {
                last.extend_from_slice(buf);
                self.len += buf.len();
            }
            _ => self.spill(buf),
        }
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.write(buf).map(drop)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Chunked {
    /// Append `buf` across chunks, starting new ones as each fills.
    #[cold]
    fn spill(&mut self, mut buf: &[u8]) {
        let written = buf.len();
        while !buf.is_empty() {
            let last = match self.chunks.last_mut() {
                Some(last) if last.len() < Self::CHUNK => last,
                full => {
                    // The first chunk grows from empty; later ones are whole at once.
                    let capacity = if full.is_some() { Self::CHUNK } else { 0 };
                    self.chunks.push(Vec::with_capacity(capacity));
                    let Some(last) = self.chunks.last_mut() else { break };
                    last
                }
            };
            let n = (Self::CHUNK - last.len()).min(buf.len());
            last.extend_from_slice(&buf[..n]);
            buf = &buf[n..];
        }
        self.len += written;
    }
}

#[cfg(test)]
mod tests {
    use super::Chunked;
    use std::io::Write;

    #[test]
    fn chunked_keeps_every_byte_in_order_across_chunks() {
        let mut buf = Chunked::default();
        let mut want = Vec::new();
        for k in 0..(3 * Chunked::CHUNK / 1000) {
            let piece = format!("{k:0>999}\n");
            buf.write_all(piece.as_bytes()).unwrap();
            want.extend_from_slice(piece.as_bytes());
        }
        buf.write_all(&vec![b'x'; 2 * Chunked::CHUNK + 7]).unwrap();
        want.extend(std::iter::repeat_n(b'x', 2 * Chunked::CHUNK + 7));
        assert_eq!(buf.len(), want.len());
        assert!(buf.chunks.iter().all(|c| c.len() <= Chunked::CHUNK));
        let mut got = Vec::new();
        buf.write_to(&mut got).unwrap();
        assert_eq!(got, want);
        assert!(Chunked::default().is_empty());
    }
}
