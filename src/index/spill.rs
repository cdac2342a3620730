//! Pass 1's rendered page texts, kept on disk for pass 2.
//!
//! Pass 2 counts how often each anchor occurs in the text of every page, which it can do
//! only once pass 1 has seen every anchor. Reading the dump again would decompress,
//! XML-parse and render every page a second time (on the samples that was over half of
//! the index's time); pass 1 writes each rendered text once to an anonymous temporary file
//! instead, and pass 2 reads them back in order. The file is made by `tempfile` in the
//! system's temporary folder (`TMPDIR`) and is gone once closed, also when the run dies.
//! Disk it needs: the dump's rendered article text (length-prefixed), about half of
//! the dump's XML on the samples (4.1 of 8.3 MB).

use std::{
    fs::File,
    io::{self, BufReader, BufWriter, Read, Seek, Write},
};

use crate::Error;

/// Rendered texts, written in order.
pub(crate) struct TextSpill {
    file: BufWriter<File>,
}

/// The texts of a [`TextSpill`], read back in the order they were written.
pub(crate) struct SpilledTexts {
    file: BufReader<File>,
}

/// What a spill error names: the folder the temporary file is in.
fn spill_error(source: io::Error) -> Error {
    Error::io(std::env::temp_dir().join("(wikianno index: page texts between passes)"), source)
}

impl TextSpill {
    /// An empty spill in a new anonymous temporary file.
    pub(crate) fn new() -> crate::Result<TextSpill> {
        let file = tempfile::tempfile().map_err(spill_error)?;
        Ok(TextSpill { file: BufWriter::with_capacity(1 << 20, file) })
    }

    /// Append one text.
    pub(crate) fn push(&mut self, text: &str) -> crate::Result<()> {
        let len = text.len() as u64;
        self.file.write_all(&len.to_le_bytes()).map_err(spill_error)?;
        self.file.write_all(text.as_bytes()).map_err(spill_error)
    }

    /// Everything written, to be read from the start.
    pub(crate) fn into_texts(self) -> crate::Result<SpilledTexts> {
        let mut file = self.file.into_inner().map_err(|e| spill_error(e.into_error()))?;
        file.rewind().map_err(spill_error)?;
        Ok(SpilledTexts { file: BufReader::with_capacity(1 << 20, file) })
    }
}

impl SpilledTexts {
    /// The next texts: at most `pages` of them, and no more once they hold `bytes` bytes
    /// (at least one text, when any is left). Empty at the end.
    pub(crate) fn next_batch(&mut self, pages: usize, bytes: usize) -> crate::Result<Vec<String>> {
        let mut batch = Vec::new();
        let mut held = 0;
        while batch.len() < pages && held < bytes {
            let mut len = [0u8; 8];
            match self.file.read_exact(&mut len) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(spill_error(e)),
            }
            let len = u64::from_le_bytes(len) as usize;
            let mut text = Vec::new();
            (&mut self.file).take(len as u64).read_to_end(&mut text).map_err(spill_error)?;
            if text.len() != len {
                return Err(spill_error(io::ErrorKind::UnexpectedEof.into()));
            }
            let text = String::from_utf8(text)
                .map_err(|e| spill_error(io::Error::new(io::ErrorKind::InvalidData, e)))?;
            held += text.len();
            batch.push(text);
        }
        Ok(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_in_order_in_bounded_batches() {
        let mut spill = TextSpill::new().unwrap();
        let texts = ["Lima", "", "Ñuñoa – Santiago", "x".repeat(100).leak()];
        for t in texts {
            spill.push(t).unwrap();
        }
        let mut back = spill.into_texts().unwrap();
        assert_eq!(back.next_batch(2, usize::MAX).unwrap(), ["Lima", ""]);
        // A byte bound stops after the text that reaches it, never before the first.
        assert_eq!(back.next_batch(10, 1).unwrap(), ["Ñuñoa – Santiago"]);
        assert_eq!(back.next_batch(10, 1).unwrap().len(), 1);
        assert!(back.next_batch(10, 1).unwrap().is_empty());
    }
}
