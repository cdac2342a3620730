//! Multistream `.bz2` dumps (`pages-articles-multistream.xml.bz2`): byte ranges at bz2
//! stream boundaries, so a dump can be split into parts and each part read alone.
//!
//! A multistream dump is bz2 streams laid end to end: the first holds the `<mediawiki>`
//! header and `<siteinfo>`, each of the next ones a run of whole `<page>`s (100 in
//! Wikimedia's dumps), the last `</mediawiki>`. Its index (`…-index.txt.bz2`) has one
//! `OFFSET:PAGE_ID:TITLE` line per page, OFFSET being where the page's stream starts.
//! A range that starts and ends at stream boundaries decompresses to whole pages; the
//! reader puts the header before them and `</mediawiki>` after, so the dump reader sees
//! an ordinary export.

use std::{
    collections::VecDeque,
    fmt,
    fs::File,
    io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write},
    path::Path,
    str::FromStr,
};

use super::{
    dump::read_up_to,
    parallel_bz2::{self, ParallelBz2},
};

pub use super::parallel_bz2::default_workers;
use bzip2::{read::BzDecoder, read::MultiBzDecoder, write::BzEncoder, Compression};

/// Bytes `[start, end)` of a multistream dump file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ByteRange {
    /// First byte: where a bz2 stream starts.
    pub start: u64,
    /// One past the last byte: where a bz2 stream starts, or the file's end.
    pub end: u64,
}

impl FromStr for ByteRange {
    type Err = String;

    /// `START:END`, decimal byte offsets, `START < END`.
    fn from_str(s: &str) -> Result<ByteRange, String> {
        let (start, end) = s.split_once(':').ok_or_else(|| format!("{s:?}: expected START:END"))?;
        let number = |n: &str| {
            n.trim().parse::<u64>().map_err(|_| format!("{s:?}: {n:?} is not a byte offset"))
        };
        let range = ByteRange { start: number(start)?, end: number(end)? };
        if range.start >= range.end {
            return Err(format!("{s:?}: START must be below END"));
        }
        Ok(range)
    }
}

impl fmt::Display for ByteRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.start, self.end)
    }
}

/// The bz2 stream header magic `BZh`, then a block size digit.
const STREAM_MAGIC: &[u8] = b"BZh";
/// What follows a stream header: a block (π) or, for an empty stream, the end (√π).
/// Both are byte-aligned right after the header, which is what makes a start findable.
const BLOCK_MAGIC: [u8; 6] = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
const END_MAGIC: [u8; 6] = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];
/// Stream header plus the magic after it.
const HEADER_LEN: usize = 10;

/// True when `bytes` (at least [`HEADER_LEN`] of them) open a bz2 stream.
fn opens_stream(bytes: &[u8]) -> bool {
    bytes.len() >= HEADER_LEN
        && bytes.starts_with(STREAM_MAGIC)
        && (b'1'..=b'9').contains(&bytes[3])
        && (bytes[4..10] == BLOCK_MAGIC || bytes[4..10] == END_MAGIC)
}

/// True when a bz2 stream starts at byte `offset` of `file`.
fn stream_starts_at(file: &mut File, offset: u64) -> io::Result<bool> {
    let mut head = [0u8; HEADER_LEN];
    file.seek(SeekFrom::Start(offset))?;
    let n = read_up_to(file, &mut head)?;
    Ok(opens_stream(&head[..n]))
}

/// Where the bz2 streams of `dump` start, found by scanning for stream headers (see
/// [`StreamScanner`]). Sorted; the first is 0. An error when `dump` is not a bzip2 file.
pub fn stream_starts(dump: &Path) -> crate::Result<Vec<u64>> {
    let mut file = File::open(dump).map_err(|e| crate::Error::io(dump, e))?;
    if !stream_starts_at(&mut file, 0).map_err(|e| crate::Error::io(dump, e))? {
        return Err(not_bzip2(dump));
    }
    file.seek(SeekFrom::Start(0)).map_err(|e| crate::Error::io(dump, e))?;
    let mut scanner = StreamScanner::new(file, 0);
    let mut starts = Vec::new();
    while let Some(start) = scanner.next_start().map_err(|e| crate::Error::io(dump, e))? {
        starts.push(start);
    }
    Ok(starts)
}

/// Finds where bz2 streams start in a byte stream, lazily and in order, by scanning for
/// stream headers: a 10-byte pattern that a compressed block holds by chance about
/// once in 2^77 bytes. The one home of the scan: `split` and the parallel reader use it.
pub(super) struct StreamScanner<R> {
    input: R,
    buf: Vec<u8>,
    /// Bytes at the head of `buf` carried over from the previous chunk, so a header
    /// across two chunks is seen.
    kept: usize,
    /// Offset of `buf[0]` in the stream (plus the offset the input starts at).
    base: u64,
    found: VecDeque<u64>,
    ended: bool,
}

impl<R: Read> StreamScanner<R> {
    /// Scan `input`, whose first byte is at offset `base` of the file.
    pub(super) fn new(input: R, base: u64) -> StreamScanner<R> {
        StreamScanner {
            input,
            buf: vec![0u8; 1 << 20],
            kept: 0,
            base,
            found: VecDeque::new(),
            ended: false,
        }
    }

    /// The next stream start, or `None` at the end of the input.
    pub(super) fn next_start(&mut self) -> io::Result<Option<u64>> {
        loop {
            if let Some(start) = self.found.pop_front() {
                return Ok(Some(start));
            }
            if self.ended {
                return Ok(None);
            }
            self.scan_chunk()?;
        }
    }

    /// Read one chunk and note the stream starts in it.
    fn scan_chunk(&mut self) -> io::Result<()> {
        let n = read_up_to(&mut self.input, &mut self.buf[self.kept..])?;
        let filled = self.kept + n;
        // Only positions with a whole header in the buffer, unless the input has ended.
        let last = if n == 0 { filled } else { filled.saturating_sub(HEADER_LEN - 1) };
        let finder = memchr::memmem::Finder::new(STREAM_MAGIC);
        for at in finder.find_iter(&self.buf[..filled]) {
            if at >= last {
                break;
            }
            if opens_stream(&self.buf[at..filled]) {
                self.found.push_back(self.base + at as u64);
            }
        }
        self.ended = n == 0;
        self.buf.copy_within(last..filled, 0);
        self.base += last as u64;
        self.kept = filled - last;
        Ok(())
    }
}

/// Where the page streams of `dump` start, from its index (`OFFSET:PAGE_ID:TITLE`
/// lines, bz2-compressed or plain). Every offset is checked against the dump: a
/// corrupt index, or one of another dump, is an error naming the index.
pub fn stream_starts_from_index(dump: &Path, index: &Path) -> crate::Result<Vec<u64>> {
    let bad = |message: String| crate::Error::input(index, message);
    let mut raw = File::open(index).map_err(|e| crate::Error::io(index, e))?;
    let mut head = [0u8; 3];
    let n = read_up_to(&mut raw, &mut head).map_err(|e| crate::Error::io(index, e))?;
    let raw = io::Cursor::new(head[..n].to_vec()).chain(raw);
    let reader: Box<dyn Read> = if head[..n].starts_with(STREAM_MAGIC) {
        Box::new(MultiBzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut file = File::open(dump).map_err(|e| crate::Error::io(dump, e))?;
    let len = file.metadata().map_err(|e| crate::Error::io(dump, e))?.len();
    let mut starts: Vec<u64> = Vec::new();
    for (i, line) in BufReader::new(reader).split(b'\n').enumerate() {
        let line = line.map_err(|e| bad(format!("cannot read the index: {e}")))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let offset = line
            .splitn(3, |&b| b == b':')
            .next()
            .and_then(|o| std::str::from_utf8(o).ok())
            .and_then(|o| o.parse::<u64>().ok())
            .filter(|_| line.iter().filter(|&&b| b == b':').count() >= 2)
            .ok_or_else(|| bad(format!("line {}: expected OFFSET:PAGE_ID:TITLE", i + 1)))?;
        if starts.last() == Some(&offset) {
            continue;
        }
        if starts.last().is_some_and(|&last| offset < last) || offset >= len {
            return Err(bad(format!(
                "line {}: offset {offset} is out of order or past the end of {}",
                i + 1,
                dump.display()
            )));
        }
        starts.push(offset);
    }
    if starts.is_empty() {
        return Err(bad("the index lists no page".to_string()));
    }
    for &offset in &starts {
        if !stream_starts_at(&mut file, offset).map_err(|e| crate::Error::io(dump, e))? {
            return Err(bad(format!(
                "offset {offset} is not where a bz2 stream starts in {}",
                dump.display()
            )));
        }
    }
    Ok(starts)
}

/// Cut `[0, len)` into at most `parts` ranges of about equal size, each starting and
/// ending at one of `starts` (stream starts) or at `len`. The first starts at 0, the
/// last ends at `len`, and each starts where the one before ends, so together they
/// cover the file exactly once. Fewer ranges when there are fewer streams than parts.
pub fn balanced_ranges(starts: &[u64], len: u64, parts: usize) -> Vec<ByteRange> {
    let mut cuts: Vec<u64> = vec![0];
    let inner: Vec<u64> = starts.iter().copied().filter(|&s| s > 0 && s < len).collect();
    let parts = parts.max(1) as u64;
    let mut next = 0usize;
    for k in 1..parts {
        let target = len / parts * k + len % parts * k / parts;
        // The first stream start at or past the target, or the one just before if nearer.
        while next < inner.len() && inner[next] < target {
            next += 1;
        }
        let before = next.checked_sub(1).map(|i| inner[i]);
        let after = inner.get(next).copied();
        let cut = match (before, after) {
            (Some(b), Some(a)) => {
                if target - b <= a - target {
                    b
                } else {
                    a
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => continue,
        };
        if cut > *cuts.last().unwrap_or(&0) {
            cuts.push(cut);
        }
    }
    cuts.push(len);
    cuts.windows(2).map(|w| ByteRange { start: w[0], end: w[1] }).collect()
}

/// Balanced ranges of `dump` for `parts` workers, at the stream starts its `index`
/// lists, or at the ones a scan of the dump finds when there is no index; each holds
/// at least one page stream.
pub fn split(dump: &Path, index: Option<&Path>, parts: usize) -> crate::Result<Vec<ByteRange>> {
    let len = std::fs::metadata(dump).map_err(|e| crate::Error::io(dump, e))?.len();
    // Every range must hold a page (a range of no page reads as an export with none,
    // an error): the header stream goes with the first page stream and the final
    // stream (`</mediawiki>`) with the last one.
    let cuts = match index {
        Some(index) => {
            let mut file = File::open(dump).map_err(|e| crate::Error::io(dump, e))?;
            if !stream_starts_at(&mut file, 0).map_err(|e| crate::Error::io(dump, e))? {
                return Err(not_bzip2(dump));
            }
            // Index offsets are page streams: cut before each but the first.
            let mut starts = stream_starts_from_index(dump, index)?;
            starts.remove(0);
            starts
        }
        // Without an index, which streams hold pages is unknown: the first is taken to
        // be the header and the last the end, as in Wikimedia's dumps. When they hold
        // pages too, ranges are only coarser.
        None => {
            let starts = stream_starts(dump)?;
            starts.get(2..starts.len().saturating_sub(1)).unwrap_or_default().to_vec()
        }
    };
    Ok(balanced_ranges(&cuts, len, parts))
}

fn not_bzip2(dump: &Path) -> crate::Error {
    crate::Error::input(dump, "not a bzip2 (multistream) dump: no bz2 stream starts at byte 0")
}

/// Largest dump header (`<mediawiki>` and `<siteinfo>`, before the first `<page>`) read
/// to put before a range: Wikimedia's are a few kilobytes.
const MAX_HEADER_BYTES: usize = 16 << 20;

/// The XML of the pages in `range` of the multistream `dump`, as a whole export: the
/// dump's header (from its first stream, up to the first `<page>`), the range's streams
/// decompressed, then `</mediawiki>` when the range stops before the file's end.
/// Errors, naming the dump: not a bzip2 file, a range past the end, a range that does
/// not start (or end) where a bz2 stream starts.
pub fn open_range(dump: &Path, range: ByteRange) -> crate::Result<impl Read + Send + 'static> {
    open_range_on(dump, range, parallel_bz2::default_workers())
}

/// [`open_range`] decoding on `workers` threads, or on the reading thread itself when
/// [`parallel_bz2::uses_threads`] says one is not worth a thread.
pub fn open_range_on(
    dump: &Path,
    range: ByteRange,
    workers: usize,
) -> crate::Result<impl Read + Send + 'static> {
    let io_err = |e| crate::Error::io(dump, e);
    let mut file = File::open(dump).map_err(io_err)?;
    let len = file.metadata().map_err(io_err)?.len();
    if !stream_starts_at(&mut file, 0).map_err(io_err)? {
        return Err(not_bzip2(dump));
    }
    if range.start >= range.end || range.end > len {
        return Err(crate::Error::input(
            dump,
            format!("byte range {range} is not inside the file ({len} bytes)"),
        ));
    }
    for (which, at) in [("start", range.start), ("end", range.end)] {
        if at < len && !stream_starts_at(&mut file, at).map_err(io_err)? {
            return Err(crate::Error::input(
                dump,
                format!(
                    "byte range {range}: its {which} ({at}) is not where a bz2 stream starts \
                     (use `wikianno split` to get ranges)"
                ),
            ));
        }
    }
    let header = if range.start > 0 { dump_header(dump)? } else { Vec::new() };
    let footer: &'static [u8] = if range.end < len { b"\n</mediawiki>\n" } else { b"" };
    let body: Box<dyn Read + Send> = if !parallel_bz2::uses_threads(workers) {
        file.seek(SeekFrom::Start(range.start)).map_err(io_err)?;
        Box::new(MultiBzDecoder::new(BufReader::new(file.take(range.end - range.start))))
    } else {
        Box::new(ParallelBz2::open(dump, range, workers, parallel_bz2::PIECE_CAP).map_err(io_err)?)
    };
    Ok(io::Cursor::new(header).chain(body).chain(footer))
}

/// The first stream of `dump` decompressed, up to its first `<page>`.
fn dump_header(dump: &Path) -> crate::Result<Vec<u8>> {
    let file = File::open(dump).map_err(|e| crate::Error::io(dump, e))?;
    let mut first = BzDecoder::new(BufReader::new(file));
    let mut header = Vec::new();
    let mut chunk = [0u8; 1 << 14];
    loop {
        let n = first.read(&mut chunk).map_err(|e| crate::Error::io(dump, e))?;
        if n == 0 {
            return Ok(header);
        }
        let from = header.len().saturating_sub(5);
        header.extend_from_slice(&chunk[..n]);
        if let Some(at) = memchr::memmem::find(&header[from..], b"<page") {
            header.truncate(from + at);
            return Ok(header);
        }
        if header.len() > MAX_HEADER_BYTES {
            return Err(crate::Error::input(
                dump,
                format!("no <page> in the first {MAX_HEADER_BYTES} bytes of the first stream"),
            ));
        }
    }
}

/// Write `xml` (a MediaWiki export, decompressed) as a multistream `.bz2` to `dump` and
/// its index (`OFFSET:PAGE_ID:TITLE`, bz2-compressed) to `index`, the way Wikimedia
/// does: the header in the first stream, `pages_per_stream` pages in each next one,
/// the rest after the last page in the final stream. Returns the number of pages.
/// For tests and benchmarks: `xml` is held in memory whole.
pub fn write_multistream(
    xml: &[u8],
    dump: &mut impl Write,
    index: &mut impl Write,
    pages_per_stream: usize,
) -> io::Result<u64> {
    let pages = page_spans(xml)?;
    let pages_per_stream = pages_per_stream.max(1);
    let header_end = pages.first().map_or(xml.len(), |p| p.start);
    let mut offset = 0u64;
    offset += write_stream(dump, &xml[..header_end])?;
    let mut lines = Vec::new();
    for group in pages.chunks(pages_per_stream) {
        for page in group {
            writeln!(lines, "{offset}:{}:{}", page.id, page.title)?;
        }
        let end = group.last().map_or(header_end, |p| p.end);
        offset += write_stream(dump, &xml[group[0].start..end])?;
    }
    let tail_start = pages.last().map_or(header_end, |p| p.end);
    write_stream(dump, &xml[tail_start..])?;
    let mut encoder = BzEncoder::new(index, Compression::default());
    encoder.write_all(&lines)?;
    encoder.finish()?;
    Ok(pages.len() as u64)
}

/// Compress `bytes` as one bz2 stream into `out`; returns the compressed size.
fn write_stream(out: &mut impl Write, bytes: &[u8]) -> io::Result<u64> {
    let mut encoder = BzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    let compressed = encoder.finish()?;
    out.write_all(&compressed)?;
    Ok(compressed.len() as u64)
}

/// One top-level `<page>` of an export: its bytes, id and title.
struct PageSpan {
    start: usize,
    end: usize,
    id: String,
    title: String,
}

/// The `<page>` elements under the root, found with quick-xml.
fn page_spans(xml: &[u8]) -> io::Result<Vec<PageSpan>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut pages = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<PageSpan> = None;
    let mut field: Option<&'static str> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(io::Error::other)?;
        match event {
            Event::Start(e) => {
                depth += 1;
                match (depth, e.local_name().as_ref()) {
                    (2, b"page") => {
                        current = Some(PageSpan {
                            start: before,
                            end: before,
                            id: String::new(),
                            title: String::new(),
                        })
                    }
                    (3, b"title") => field = Some("title"),
                    (3, b"id") => field = Some("id"),
                    _ => field = None,
                }
            }
            Event::End(_) => {
                if depth == 2 {
                    if let Some(mut page) = current.take() {
                        page.end = reader.buffer_position() as usize;
                        pages.push(page);
                    }
                }
                field = None;
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let (Some(name), Some(page)) = (field, current.as_mut()) {
                    let text = String::from_utf8_lossy(&t);
                    let text = quick_xml::escape::unescape(&text)
                        .map(|s| s.into_owned())
                        .unwrap_or_else(|_| text.into_owned());
                    match name {
                        "title" => page.title.push_str(&text),
                        _ if page.id.is_empty() => page.id = text,
                        _ => {}
                    }
                }
            }
            Event::GeneralRef(r) => {
                if let (Some("title"), Some(page)) = (field, current.as_mut()) {
                    let name = String::from_utf8_lossy(&r).into_owned();
                    let entity = format!("&{name};");
                    page.title.push_str(
                        &quick_xml::escape::unescape(&entity)
                            .map_or(entity.clone(), |s| s.into_owned()),
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_and_print() {
        let r: ByteRange = "10:20".parse().expect("range");
        assert_eq!(r, ByteRange { start: 10, end: 20 });
        assert_eq!(r.to_string(), "10:20");
        for bad in ["10", "20:10", "5:5", "a:9", "-1:3"] {
            assert!(bad.parse::<ByteRange>().is_err(), "{bad}");
        }
    }

    #[test]
    fn balanced_ranges_cover_the_file_once() {
        let starts = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
        for parts in 1..=12 {
            let ranges = balanced_ranges(&starts, 100, parts);
            assert_eq!(ranges.first().map(|r| r.start), Some(0));
            assert_eq!(ranges.last().map(|r| r.end), Some(100));
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start && w[0].start < w[0].end));
            assert_eq!(ranges.len(), parts.min(10), "{parts}: {ranges:?}");
        }
        assert_eq!(balanced_ranges(&[0], 5, 3), vec![ByteRange { start: 0, end: 5 }]);
    }
}
