//! Parallel decompression of a multistream `.bz2` dump: its bz2 streams are decoded on a
//! few worker threads, a piece (a stream, or a few tiny ones) at a time, and handed to the
//! dump reader in file order, so the reader sees the same bytes as from a sequential
//! decoder.
//!
//! A multistream dump (Wikimedia's `pages-articles-multistream`) is bz2 streams laid end
//! to end, 100 pages each; a stream can be decoded without the ones before it. Where
//! they start is found by [`StreamScanner`], lazily, a few pieces ahead of the reader.
//!
//! Memory is bounded: at most workers + 2 pieces are in flight (being decoded, or
//! decoded and waiting), and a worker keeps at most `piece_cap` decoded bytes of a piece
//! ([`PIECE_CAP`] by default): the rest of a larger piece is decoded by the reader itself
//! as it reads, from where the worker stopped. So the decoded bytes held are at most
//! (workers + 2) × `piece_cap` (32 MB with 2 workers, 80 MB with the most, 8; Wikimedia's
//! streams are 1 to 3 MB of XML), plus a 1 MB scan buffer and 64 KB of read buffer a worker.
//!
//! A corrupt stream gives the bytes decoded before the fault, then an error naming the
//! bytes of its piece, as the sequential decoder gives them: the dump reader turns it into
//! its final error record. A worker that dies (it should not) is an error, not a hang.

use std::{
    collections::VecDeque,
    fs::File,
    io::{self, BufReader, Read, Seek, SeekFrom, Take},
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicU64, Ordering},
        mpsc, Arc, Mutex,
    },
};

use bzip2::read::MultiBzDecoder;

use super::multistream::{ByteRange, StreamScanner};

/// Default cap on the decoded bytes a worker keeps of one stream.
pub const PIECE_CAP: usize = 8 << 20;

/// A piece (the bytes one worker decodes at a time) runs from a stream start to the first
/// stream start at least this far on: many tiny streams (hostile, or a test's) are decoded
/// a few at a time, so the cost of a piece (an open, a seek, a channel) stays negligible.
/// Wikimedia's streams are about 300 KB compressed, one a piece.
pub const MIN_PIECE_BYTES: u64 = 64 << 10;

/// Most worker threads by default: beyond this the dump reader is the bottleneck.
const MAX_WORKERS: usize = 8;

/// One decoding thread per core, at most [`MAX_WORKERS`].
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).min(MAX_WORKERS)
}

/// Whether `workers` decoders are worth threads of their own: one decoder thread would only
/// decode while the reading thread waits for it, so with one worker the reading thread
/// decodes itself (a Spark task given one core then uses one core, as Spark expects when
/// it packs tasks).
pub fn uses_threads(workers: usize) -> bool {
    workers >= 2
}

/// A `.bz2` file is read in parallel when a second stream starts within this many bytes
/// of the first (Wikimedia's first stream holds only the `<siteinfo>` header). A
/// single-stream file, or one whose first stream is larger, keeps the sequential path.
pub const PROBE_BYTES: u64 = 4 << 20;

/// What a worker made of one stream: its first bytes, then how it goes on.
struct Decoded {
    bytes: Vec<u8>,
    rest: Rest,
}

impl Decoded {
    fn failed(e: io::Error) -> Decoded {
        Decoded { bytes: Vec::new(), rest: Rest::Failed(e) }
    }
}

enum Rest {
    /// The stream (the piece) ended cleanly after `bytes`.
    Done,
    /// Decoding failed after `bytes`.
    Failed(io::Error),
    /// `bytes` reached the cap: the rest is read from this decoder.
    More(Box<PieceDecoder>),
}

type PieceDecoder = MultiBzDecoder<BufReader<Take<File>>>;

/// A stream to decode, and where to send the result.
struct Job {
    piece: ByteRange,
    done: mpsc::SyncSender<Decoded>,
}

/// The piece being read by the dump reader.
struct Serving {
    piece: ByteRange,
    bytes: Vec<u8>,
    at: usize,
    rest: Rest,
}

/// The decoded bytes of bytes `range` of a multistream `.bz2` file (which must start
/// where a stream starts), decoded on worker threads, in order. See the module doc.
pub struct ParallelBz2 {
    path: PathBuf,
    scanner: StreamScanner<Take<File>>,
    /// The start of the next piece to dispatch, once the scanner has found it.
    next_start: Option<u64>,
    end: u64,
    jobs: Option<mpsc::Sender<Job>>,
    in_flight: VecDeque<(ByteRange, mpsc::Receiver<Decoded>)>,
    window: usize,
    min_piece: u64,
    current: Option<Serving>,
    compressed_read: Arc<AtomicU64>,
    failed: bool,
}

impl ParallelBz2 {
    /// Decode bytes `range` of `path` on `workers` threads (at least 1), keeping at most
    /// `piece_cap` decoded bytes of a stream per worker. `range.start` must be where a
    /// stream starts (the caller checks: [`super::multistream::open_range`] does).
    pub fn open(
        path: &Path,
        range: ByteRange,
        workers: usize,
        piece_cap: usize,
    ) -> io::Result<ParallelBz2> {
        let mut file = File::open(path)?;
        file.seek(SeekFrom::Start(range.start))?;
        let scanner = StreamScanner::new(file.take(range.end - range.start), range.start);
        let next_start = Some(range.start).filter(|&start| start < range.end);
        let workers = workers.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for _ in 0..workers {
            let (queue, path) = (queue.clone(), path.to_path_buf());
            let piece_cap = piece_cap.max(1);
            std::thread::Builder::new()
                .name("bz2-decoder".to_string())
                .spawn(move || decode_jobs(&path, &queue, piece_cap))?;
        }
        Ok(ParallelBz2 {
            path: path.to_path_buf(),
            scanner,
            next_start,
            end: range.end,
            jobs: Some(jobs),
            in_flight: VecDeque::new(),
            window: workers + 2,
            min_piece: MIN_PIECE_BYTES,
            current: None,
            compressed_read: Arc::new(AtomicU64::new(0)),
            failed: false,
        })
    }

    /// [`open`](Self::open) with the defaults: a worker per core (up to 8) and
    /// [`PIECE_CAP`].
    pub fn open_default(path: &Path, range: ByteRange) -> io::Result<ParallelBz2> {
        ParallelBz2::open(path, range, default_workers(), PIECE_CAP)
    }

    /// Make pieces of at least `bytes` (see [`MIN_PIECE_BYTES`]); tests cut finer.
    #[cfg(test)]
    pub fn min_piece_bytes(mut self, bytes: u64) -> ParallelBz2 {
        self.min_piece = bytes;
        self
    }

    /// A live count of the compressed bytes whose decoded bytes have all been read.
    pub fn compressed_read(&self) -> Arc<AtomicU64> {
        self.compressed_read.clone()
    }

    /// Send pieces to the workers until the window is full or the range is done. The
    /// pieces cover the range exactly: each ends where the next stream starts (or at the
    /// range's end), and the first starts at the range's start whatever is there.
    fn fill_window(&mut self) {
        while self.in_flight.len() < self.window {
            let Some(start) = self.next_start else { return };
            let found = loop {
                match self.scanner.next_start() {
                    Ok(Some(next)) if next < start.saturating_add(self.min_piece.max(1)) => {
                        continue
                    }
                    found => break found,
                }
            };
            let (done, result) = mpsc::sync_channel(1);
            let piece = match found {
                Ok(next) => {
                    let end = next.unwrap_or(self.end).min(self.end);
                    self.next_start = Some(end).filter(|&end| end < self.end);
                    let piece = ByteRange { start, end };
                    let job = Job { piece, done };
                    let unsent = match &self.jobs {
                        Some(jobs) => jobs.send(job).err().map(|unsent| unsent.0),
                        None => Some(job),
                    };
                    if let Some(job) = unsent {
                        let stopped = io::Error::other("the bz2 decoder threads stopped");
                        let _ = job.done.send(Decoded::failed(stopped));
                    }
                    piece
                }
                // The file could not be read ahead: the rest of the range is one failed piece.
                Err(e) => {
                    self.next_start = None;
                    let _ = done.send(Decoded::failed(e));
                    ByteRange { start, end: self.end }
                }
            };
            self.in_flight.push_back((piece, result));
        }
    }
}

/// The error of a piece, naming its bytes.
fn stream_error(path: &Path, piece: ByteRange, e: &io::Error) -> io::Error {
    let (from, to) = (piece.start, piece.end);
    io::Error::new(
        e.kind(),
        format!("in the bz2 stream(s) at bytes {from}..{to} of {}: {e}", path.display()),
    )
}

impl Read for ParallelBz2 {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if self.failed {
                return Ok(0);
            }
            if let Some(serving) = self.current.as_mut() {
                if serving.at < serving.bytes.len() {
                    let n = buf.len().min(serving.bytes.len() - serving.at);
                    buf[..n].copy_from_slice(&serving.bytes[serving.at..serving.at + n]);
                    serving.at += n;
                    return Ok(n);
                }
                serving.bytes = Vec::new();
                serving.at = 0;
                let piece = serving.piece;
                match &mut serving.rest {
                    Rest::More(decoder) => match decoder.read(buf) {
                        Ok(0) => {}
                        Ok(n) => return Ok(n),
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => {
                            self.failed = true;
                            return Err(stream_error(&self.path, piece, &e));
                        }
                    },
                    Rest::Failed(e) => {
                        let e = stream_error(&self.path, piece, e);
                        self.failed = true;
                        return Err(e);
                    }
                    Rest::Done => {}
                }
                self.compressed_read.fetch_add(piece.end - piece.start, Ordering::Relaxed);
                self.current = None;
            }
            self.fill_window();
            let Some((piece, result)) = self.in_flight.pop_front() else { return Ok(0) };
            // A worker always answers; a closed channel means it died mid-stream.
            let decoded = result.recv().unwrap_or_else(|_| {
                Decoded::failed(io::Error::other("a bz2 decoder thread stopped"))
            });
            self.current = Some(Serving { piece, bytes: decoded.bytes, at: 0, rest: decoded.rest });
            self.fill_window();
        }
    }
}

/// A worker: decode the pieces of `queue` until the reader is dropped.
fn decode_jobs(path: &Path, queue: &Mutex<mpsc::Receiver<Job>>, piece_cap: usize) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        // The reader may be gone (dropped early): then nobody waits for the result.
        let _ = job.done.send(decode_piece(path, job.piece, piece_cap));
    }
}

/// Decode one piece, keeping at most `piece_cap` bytes.
fn decode_piece(path: &Path, piece: ByteRange, piece_cap: usize) -> Decoded {
    let opened = File::open(path).and_then(|mut file| {
        file.seek(SeekFrom::Start(piece.start))?;
        Ok(file)
    });
    let file = match opened {
        Ok(file) => file,
        Err(e) => return Decoded::failed(e),
    };
    let len = piece.end - piece.start;
    let mut decoder = MultiBzDecoder::new(BufReader::with_capacity(1 << 16, file.take(len)));
    let mut bytes = Vec::with_capacity((len as usize).saturating_mul(4).min(piece_cap));
    loop {
        let filled = bytes.len();
        if filled >= piece_cap {
            return Decoded { bytes, rest: Rest::More(Box::new(decoder)) };
        }
        // Decode straight into the vector: no second copy.
        bytes.resize(filled + (1 << 16).min(piece_cap - filled), 0);
        let read = decoder.read(&mut bytes[filled..]);
        bytes.truncate(filled + *read.as_ref().unwrap_or(&0));
        match read {
            Ok(0) => return Decoded { bytes, rest: Rest::Done },
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Decoded { bytes, rest: Rest::Failed(e) },
        }
    }
}

/// True when a second bz2 stream starts within [`PROBE_BYTES`] of the start of `path`
/// (a bz2 file): a multistream dump worth decoding in parallel.
pub fn is_multistream(path: &Path) -> io::Result<bool> {
    let file = File::open(path)?;
    let mut scanner = StreamScanner::new(file.take(PROBE_BYTES), 0);
    Ok(scanner.next_start()? == Some(0) && scanner.next_start()?.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::multistream::write_multistream;
    use std::io::Write;

    /// An export of `n` pages, each a few hundred bytes.
    fn export(n: usize) -> Vec<u8> {
        let mut xml = String::from("<mediawiki>\n  <siteinfo><sitename>T</sitename></siteinfo>\n");
        for i in 0..n {
            xml.push_str(&format!(
                "  <page>\n    <title>Page {i}</title>\n    <ns>0</ns>\n    <id>{i}</id>\n    \
                 <revision><text>Page {i} was written on {} May {}. {}</text></revision>\n  </page>\n",
                i % 28 + 1,
                1900 + i,
                "Some words. ".repeat(i % 17)
            ));
        }
        xml.push_str("</mediawiki>\n");
        xml.into_bytes()
    }

    /// `xml` as a multistream `.bz2` in `dir`, `per_stream` pages a stream.
    fn write_dump(dir: &Path, xml: &[u8], per_stream: usize) -> PathBuf {
        let (mut dump, mut index) = (Vec::new(), Vec::new());
        write_multistream(xml, &mut dump, &mut index, per_stream).expect("write");
        let path = dir.join("t-multistream.xml.bz2");
        std::fs::write(&path, dump).expect("write dump");
        path
    }

    /// Everything `reader` gives before it ends or fails, and the error.
    fn drain(mut reader: impl Read) -> (Vec<u8>, Option<io::Error>) {
        let mut out = Vec::new();
        let mut buf = vec![0u8; 7919];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => return (out, None),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => return (out, Some(e)),
            }
        }
    }

    fn sequential(path: &Path) -> (Vec<u8>, Option<io::Error>) {
        drain(MultiBzDecoder::new(BufReader::new(File::open(path).expect("open"))))
    }

    fn parallel(path: &Path, workers: usize, cap: usize) -> (Vec<u8>, Option<io::Error>) {
        let len = std::fs::metadata(path).expect("size").len();
        let whole = ByteRange { start: 0, end: len };
        drain(ParallelBz2::open(path, whole, workers, cap).expect("open").min_piece_bytes(0))
    }

    #[test]
    fn parallel_output_is_the_sequential_output() {
        let dir = tempfile::tempdir().expect("temp dir");
        let xml = export(300);
        let path = write_dump(dir.path(), &xml, 7);
        assert!(is_multistream(&path).expect("probe"));
        let (want, error) = sequential(&path);
        assert!(error.is_none() && want.len() > 50_000, "{error:?}");
        for workers in [1, 2, 3, 8] {
            // A tiny cap makes the reader finish every stream itself.
            for cap in [1, 500, PIECE_CAP] {
                let (got, error) = parallel(&path, workers, cap);
                assert!(error.is_none(), "{error:?}");
                assert!(got == want, "{workers} workers, cap {cap}: output differs");
                // Pieces of several streams.
                let len = std::fs::metadata(&path).expect("size").len();
                let whole = ByteRange { start: 0, end: len };
                let several = ParallelBz2::open(&path, whole, workers, cap).expect("open");
                let (got, error) = drain(several.min_piece_bytes(len / 5));
                assert!(error.is_none() && got == want, "{error:?}");
            }
        }
    }

    #[test]
    fn a_single_stream_file_is_not_multistream() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("one.xml.bz2");
        let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        encoder.write_all(&export(50)).expect("compress");
        std::fs::write(&path, encoder.finish().expect("compress")).expect("write");
        assert!(!is_multistream(&path).expect("probe"));
        // Read in parallel anyway, it is one piece.
        assert_eq!(parallel(&path, 2, 1000).0, export(50));
    }

    #[test]
    fn a_corrupt_or_cut_stream_fails_where_the_sequential_decoder_fails() {
        let dir = tempfile::tempdir().expect("temp dir");
        let xml = export(300);
        let path = write_dump(dir.path(), &xml, 7);
        let good = std::fs::read(&path).expect("read");
        let starts = super::super::multistream::stream_starts(&path).expect("starts");
        let middle = starts[starts.len() / 2];
        let mut damaged = good.clone();
        // A byte inside the compressed data of a middle stream (past its 10-byte header).
        damaged[middle as usize + 40] ^= 0x55;
        let cut = good[..middle as usize + 30].to_vec();
        // Garbage after the last stream.
        let mut trailing = good.clone();
        trailing.extend_from_slice(b"not bzip2 at all");
        for (what, bytes) in [("damaged", damaged), ("cut", cut), ("trailing", trailing)] {
            std::fs::write(&path, &bytes).expect("write");
            let (want, want_error) = sequential(&path);
            assert!(want_error.is_some(), "{what}: the sequential decoder reads it");
            for workers in [1, 2, 4] {
                for cap in [3, PIECE_CAP] {
                    let (got, error) = parallel(&path, workers, cap);
                    let error = error.unwrap_or_else(|| panic!("{what}: no error"));
                    assert!(got == want, "{what}, {workers} workers, cap {cap}: output differs");
                    assert!(error.to_string().contains("bz2 stream(s) at bytes"), "{error}");
                }
            }
        }
    }

    #[test]
    fn a_range_reads_its_streams_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let xml = export(100);
        let path = write_dump(dir.path(), &xml, 10);
        let starts = super::super::multistream::stream_starts(&path).expect("starts");
        let (from, to) = (starts[2], starts[5]);
        let mut want = Vec::new();
        let file = File::open(&path).expect("open");
        let mut file = BufReader::new(file);
        file.seek(SeekFrom::Start(from)).expect("seek");
        MultiBzDecoder::new(file.take(to - from)).read_to_end(&mut want).expect("decode");
        let range = ByteRange { start: from, end: to };
        let (got, error) =
            drain(ParallelBz2::open(&path, range, 2, 100).expect("open").min_piece_bytes(0));
        assert!(error.is_none(), "{error:?}");
        assert!(got == want && !got.is_empty());
        // A range that does not start at a stream is an error, never a silent skip.
        let off = ByteRange { start: from + 1, end: to };
        let (_, error) =
            drain(ParallelBz2::open(&path, off, 2, 100).expect("open").min_piece_bytes(0));
        assert!(error.is_some());
    }
}
