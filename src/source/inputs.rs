//! Every input path as one stream: plain files through [`FileSource`], dumps through
//! [`DumpSource`], in the order given, with live progress counters.

use std::{
    collections::VecDeque,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
};

use super::{files::refuse, is_dump, DumpSource, FileSource, InputError, InputPath, SourceItem};

/// Live counters of an [`Inputs`] stream, readable from another thread.
#[derive(Clone, Debug, Default)]
pub struct InputProgress {
    /// Bytes of input read so far (compressed bytes for a compressed dump).
    pub bytes_read: Arc<AtomicU64>,
    /// Total size of the input files (0 for stdin).
    pub bytes_total: u64,
    /// Dump pages skipped because they are not in namespace 0.
    pub skipped: Arc<AtomicU64>,
}

/// A lazy stream of the items of several paths (files, dumps, `-`), in order.
pub struct Inputs {
    paths: VecDeque<InputPath>,
    current: Option<Current>,
    progress: InputProgress,
    finished_bytes: u64,
    max_article_bytes: usize,
}

enum Current {
    Files(FileSource, u64),
    // Boxed: the dump reader's buffers would make every `Current` as large as it.
    Dump(Box<DumpSource>, Arc<AtomicU64>, Arc<AtomicU64>),
}

impl Inputs {
    /// Stream `files` (already expanded, see [`expand_paths`](super::expand_paths)).
    pub fn new<P: Into<InputPath>>(files: impl IntoIterator<Item = P>) -> Inputs {
        let files: VecDeque<InputPath> = files.into_iter().map(Into::into).collect();
        // Only regular files have a size that reading will reach (not /dev/zero).
        let bytes_total = files
            .iter()
            .filter_map(|p| std::fs::metadata(&p.path).ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        Inputs {
            paths: files,
            current: None,
            progress: InputProgress { bytes_total, ..InputProgress::default() },
            finished_bytes: 0,
            max_article_bytes: super::MAX_ARTICLE_BYTES,
        }
    }

    /// Cap one article (a dump page's wikitext, a wiki-style article) at `bytes`
    /// (default [`MAX_ARTICLE_BYTES`](super::MAX_ARTICLE_BYTES)); a larger one becomes
    /// an error record, and its text is skipped without being held in memory.
    pub fn max_article_bytes(mut self, bytes: usize) -> Inputs {
        self.max_article_bytes = bytes;
        self
    }

    /// Counters that follow this stream.
    pub fn progress(&self) -> InputProgress {
        self.progress.clone()
    }

    fn open_next(&mut self) -> Option<Result<Current, SourceItem>> {
        let input = self.paths.pop_front()?;
        if let Some(refused) = refuse(&input) {
            return Some(Err(refused));
        }
        let path = input.path.clone();
        if path.as_os_str() != "-" && is_dump(&path) {
            return Some(match DumpSource::open(&path) {
                Ok(dump) => {
                    let dump = dump.max_page_bytes(self.max_article_bytes);
                    let (read, skipped) = (dump.bytes_read(), dump.skipped());
                    Ok(Current::Dump(Box::new(dump), read, skipped))
                }
                Err(e) => Err(SourceItem::Error(InputError {
                    origin: path.to_string_lossy().into_owned(),
                    message: e.to_string(),
                })),
            });
        }
        let size =
            std::fs::metadata(&path).ok().filter(|m| m.is_file()).map(|m| m.len()).unwrap_or(0);
        let files = FileSource::new([input]).max_article_bytes(self.max_article_bytes);
        Some(Ok(Current::Files(files, size)))
    }
}

impl Iterator for Inputs {
    type Item = SourceItem;

    fn next(&mut self) -> Option<SourceItem> {
        loop {
            if let Some(current) = self.current.as_mut() {
                let item = match current {
                    Current::Files(files, _) => files.next(),
                    Current::Dump(dump, read, _) => {
                        let item = dump.next();
                        self.progress.bytes_read.store(
                            self.finished_bytes + read.load(Ordering::Relaxed),
                            Ordering::Relaxed,
                        );
                        item
                    }
                };
                if item.is_some() {
                    return item;
                }
                match self.current.take() {
                    Some(Current::Files(_, size)) => self.finished_bytes += size,
                    Some(Current::Dump(_, read, skipped)) => {
                        self.finished_bytes += read.load(Ordering::Relaxed);
                        self.progress
                            .skipped
                            .fetch_add(skipped.load(Ordering::Relaxed), Ordering::Relaxed);
                    }
                    None => {}
                }
                self.progress.bytes_read.store(self.finished_bytes, Ordering::Relaxed);
            }
            match self.open_next()? {
                Ok(current) => self.current = Some(current),
                Err(item) => return Some(item),
            }
        }
    }
}
