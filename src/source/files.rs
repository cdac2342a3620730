//! Plain files, folders and stdin holding wiki-style articles.
//!
//! A file is read line by line and cut into articles as it streams, so memory does not
//! depend on the file's size: an article is held until the next one starts (to know
//! whether the file holds one article or several), and no article is kept past
//! [`MAX_ARTICLE_BYTES`] (settable with [`FileSource::max_article_bytes`]): the rest of
//! an oversize article is read and dropped, and the article becomes an error record.

use std::{
    collections::{HashSet, VecDeque},
    fs,
    io::{self, BufRead, BufReader, Read},
    path::{Path, PathBuf},
};

use super::{InputError, InputPath, Markup, RawArticle, SourceItem};

/// Default cap on one wiki-style article, in bytes (the dump reader's page cap).
pub const MAX_ARTICLE_BYTES: usize = super::MAX_PAGE_BYTES;

/// The identity of a folder: (device, inode) where the platform has them, else the
/// canonical path. A folder reached twice (a symlink loop, two links to one folder) is
/// read once.
fn folder_key(dir: &Path) -> Option<(u64, u64, Option<PathBuf>)> {
    let meta = fs::metadata(dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino(), None))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0, Some(fs::canonicalize(dir).ok()?)))
    }
}

/// Recursively list the files of `dir`, sorted, skipping hidden entries and README files.
/// A folder already visited (by device and inode) is not entered again.
pub(super) fn walk(dir: &Path, out: &mut Vec<InputPath>) {
    walk_once(dir, out, &mut HashSet::new());
}

fn walk_once(
    dir: &Path,
    out: &mut Vec<InputPath>,
    visited: &mut HashSet<(u64, u64, Option<PathBuf>)>,
) {
    if let Some(key) = folder_key(dir) {
        if !visited.insert(key) {
            return;
        }
    }
    let Ok(read) = fs::read_dir(dir) else {
        // An unreadable folder becomes an error record when it is read.
        out.push(InputPath::in_folder(dir.to_path_buf()));
        return;
    };
    let mut items: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    items.sort();
    for path in items {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name.eq_ignore_ascii_case("README.md") {
            continue;
        }
        if path.is_dir() {
            walk_once(&path, out, visited);
        } else {
            out.push(InputPath::in_folder(path));
        }
    }
}

/// Why a path found in a folder is not read: only regular files are (opening a named
/// pipe would block the run, a device may never end). Paths named by the user are
/// read whatever they are (`<(zcat x)` is a pipe).
pub(super) fn refuse(input: &InputPath) -> Option<SourceItem> {
    if !input.found_in_folder {
        return None;
    }
    let why = match fs::metadata(&input.path) {
        Ok(meta) if meta.is_file() => return None,
        Ok(meta) if meta.is_dir() => "cannot read this folder".to_string(),
        Ok(_) => "not a regular file (a named pipe, socket or device); not read".to_string(),
        Err(e) => format!("cannot read: {e}"),
    };
    Some(SourceItem::Error(InputError {
        origin: input.path.to_string_lossy().into_owned(),
        message: why,
    }))
}

/// A lazy stream of the articles in a list of plain files (`-` is stdin).
pub struct FileSource {
    files: VecDeque<InputPath>,
    // Boxed: the line and article buffers would make every `FileSource` as large.
    current: Option<Box<ArticleStream>>,
    max_article_bytes: usize,
}

impl FileSource {
    /// Stream the articles of `files`, in order.
    pub fn new<P: Into<InputPath>>(files: impl IntoIterator<Item = P>) -> FileSource {
        FileSource {
            files: files.into_iter().map(Into::into).collect(),
            current: None,
            max_article_bytes: MAX_ARTICLE_BYTES,
        }
    }

    /// Cap one article at `bytes`; a larger article becomes an error record.
    pub fn max_article_bytes(mut self, bytes: usize) -> FileSource {
        self.max_article_bytes = bytes;
        self
    }
}

impl Iterator for FileSource {
    type Item = SourceItem;

    fn next(&mut self) -> Option<SourceItem> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(|s| s.next()) {
                return Some(item);
            }
            let input = self.files.pop_front()?;
            if let Some(refused) = refuse(&input) {
                self.current = None;
                return Some(refused);
            }
            match ArticleStream::open(&input.path, self.max_article_bytes) {
                Ok(stream) => self.current = Some(Box::new(stream)),
                Err(item) => {
                    self.current = None;
                    return Some(item);
                }
            }
        }
    }
}

/// One article being collected: its bytes (until it passes the cap) and where it starts.
#[derive(Default)]
struct Piece {
    bytes: Vec<u8>,
    /// Bytes seen, past the cap too.
    len: usize,
    /// Byte offset of the piece in the file (after a BOM).
    start: u64,
    /// Only white space so far (blank lines before the first title join it).
    blank: bool,
    /// Its number in the file, from 1.
    index: usize,
    /// Opened by a `= Title =` line.
    titled: bool,
}

/// The articles of one open file, cut as the lines stream by.
pub(super) struct ArticleStream {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    fallback: String,
    cap: usize,
    /// Byte offset of the next line.
    offset: u64,
    current: Piece,
    /// The previous article, held until the next one starts or the file ends.
    held: Option<Piece>,
    line: Vec<u8>,
    out: VecDeque<SourceItem>,
    done: bool,
}

impl ArticleStream {
    /// Open `path` (`-` for stdin); an unreadable path is an error record.
    pub(super) fn open(path: &Path, cap: usize) -> Result<ArticleStream, SourceItem> {
        let origin = path.to_string_lossy().into_owned();
        let reader: Box<dyn Read + Send> = if origin == "-" {
            Box::new(io::stdin())
        } else {
            match fs::File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    return Err(SourceItem::Error(InputError {
                        origin,
                        message: format!("cannot read: {e}"),
                    }))
                }
            }
        };
        let fallback = if origin == "-" {
            "stdin".to_string()
        } else {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| origin.clone())
        };
        Ok(ArticleStream::from_reader(reader, origin, fallback, cap))
    }

    /// Stream the articles of `reader`; `origin` and `fallback` name them.
    pub(super) fn from_reader(
        reader: Box<dyn Read + Send>,
        origin: String,
        fallback: String,
        cap: usize,
    ) -> ArticleStream {
        ArticleStream {
            reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
            origin,
            fallback,
            cap,
            offset: 0,
            current: Piece { blank: true, index: 1, ..Piece::default() },
            held: None,
            line: Vec::new(),
            out: VecDeque::new(),
            done: false,
        }
    }

    fn next(&mut self) -> Option<SourceItem> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }

    /// Read one line and act on it: a new article, more of the current one, or the end.
    fn step(&mut self) {
        let (len, at) = match read_line_bounded(&mut self.reader, &mut self.line, self.cap) {
            Ok(read) => (read, self.offset),
            Err(e) => {
                let at = self.offset;
                self.release_held(true);
                self.out.push_back(SourceItem::Error(InputError {
                    origin: self.origin.clone(),
                    message: format!("cannot read at byte offset {at}: {e}"),
                }));
                self.done = true;
                return;
            }
        };
        if len == 0 {
            let last = std::mem::take(&mut self.current);
            let many = last.index > 1;
            self.release_held(many);
            self.out.push_back(self.item(last, many));
            self.done = true;
            self.line = Vec::new();
            return;
        }
        self.offset += len as u64;
        // A byte-order mark opens the file, not the first article.
        // The line buffer is moved out while the line is used, and back for reuse.
        let raw = std::mem::take(&mut self.line);
        let bom = if at == 0 && raw.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let line = &raw[bom..];
        let (start, kept) = (at + bom as u64, len - bom);
        if self.current.len == 0 {
            self.current.start = start;
        }
        let whole = len <= self.cap;
        let text = whole.then(|| std::str::from_utf8(line).ok()).flatten();
        let title = text.is_some_and(is_title_line);
        // Blank lines before the first title belong to it (as in `split_articles`).
        let joins = self.current.index == 1 && !self.current.titled && self.current.blank;
        if title && !joins {
            let index = self.current.index + 1;
            let finished =
                std::mem::replace(&mut self.current, Piece { start, index, ..Piece::default() });
            self.release_held(true);
            self.held = Some(finished);
        }
        let piece = &mut self.current;
        piece.titled |= title;
        piece.blank &= text.is_some_and(|t| t.trim().is_empty())
            || (!whole && line.iter().all(u8::is_ascii_whitespace));
        piece.len = piece.len.saturating_add(kept);
        if piece.len <= self.cap && whole {
            piece.bytes.extend_from_slice(line);
        } else {
            piece.bytes = Vec::new();
            piece.len = piece.len.max(self.cap.saturating_add(1));
        }
        self.line = raw;
    }

    /// Emit the held article, numbered when the file holds several.
    fn release_held(&mut self, many: bool) {
        if let Some(held) = self.held.take() {
            self.out.push_back(self.item(held, many));
        }
    }

    /// The item for a finished article.
    fn item(&self, piece: Piece, many: bool) -> SourceItem {
        let index = piece.index;
        let origin = if many { format!("{}#{index}", self.origin) } else { self.origin.clone() };
        if piece.len > self.cap {
            return SourceItem::Error(InputError {
                origin,
                message: format!(
                    "article at byte offset {} is over the {} byte cap; its text was skipped",
                    piece.start, self.cap
                ),
            });
        }
        match String::from_utf8(piece.bytes) {
            Ok(text) => SourceItem::Article(RawArticle {
                title: None,
                text,
                origin,
                fallback_title: if many {
                    format!("{} ({index})", self.fallback)
                } else {
                    self.fallback.clone()
                },
                markup: Markup::WikiStyle,
            }),
            Err(e) => SourceItem::Error(InputError {
                origin,
                message: format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    piece.start + e.utf8_error().valid_up_to() as u64
                ),
            }),
        }
    }
}

/// Read one line (through its `\n`, or to the end of input) into `line`, keeping at most
/// `keep + 1` bytes of it (enough to tell that it is over `keep`): a line with no end
/// costs no more memory than the cap. Returns the line's full length (0 at the end).
fn read_line_bounded(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    keep: usize,
) -> io::Result<usize> {
    line.clear();
    let mut len = 0usize;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(len);
        }
        let (take, ended) = match memchr::memchr(b'\n', chunk) {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        let room = (keep.saturating_add(1)).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..take.min(room)]);
        len = len.saturating_add(take);
        reader.consume(take);
        if ended {
            return Ok(len);
        }
    }
}

/// True for a level-1 title line: `= Title =` (one `=` on each side).
fn is_title_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.starts_with('=')
        && t.ends_with('=')
        && !t.starts_with("==")
        && !t.ends_with("==")
        && !t[1..t.len() - 1].trim().is_empty()
}

/// Split a text holding several `= Title =` articles into one piece per article.
/// Text before the first title line is a piece of its own when it is not blank.
/// An empty text is one (empty) article, so that every file yields a record.
pub fn split_articles(text: &str) -> Vec<&str> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if is_title_line(line) {
            starts.push(at);
        }
        at += line.len();
    }
    if starts.first() != Some(&0) {
        if starts.is_empty() || !text[..starts[0]].trim().is_empty() {
            starts.insert(0, 0);
        } else {
            // Blank lines before the first title belong to it.
            starts[0] = 0;
        }
    }
    let mut pieces = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        pieces.push(&text[s..e]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_level_one_titles_only() {
        let text = "= A =\nx\n== Sub ==\ny\n= B =\nz\n";
        assert_eq!(split_articles(text), vec!["= A =\nx\n== Sub ==\ny\n", "= B =\nz\n"]);
        assert_eq!(split_articles("preface\n= A =\nx"), vec!["preface\n", "= A =\nx"]);
        assert_eq!(split_articles("\n\n= A =\n"), vec!["\n\n= A =\n"]);
        assert_eq!(split_articles(""), vec![""]);
        assert_eq!(split_articles("no title"), vec!["no title"]);
    }

    fn stream(bytes: &[u8], cap: usize) -> Vec<String> {
        let mut s = ArticleStream::from_reader(
            Box::new(io::Cursor::new(bytes.to_vec())),
            "f".into(),
            "stem".into(),
            cap,
        );
        std::iter::from_fn(|| s.next())
            .map(|item| match item {
                SourceItem::Article(a) => format!("{} [{}] {}", a.origin, a.fallback_title, a.text),
                SourceItem::Error(e) => format!("{} E {}", e.origin, e.message),
                SourceItem::Redirect(r) => format!("R {}", r.from),
            })
            .collect()
    }

    #[test]
    fn streaming_cuts_where_split_articles_cuts() {
        let rows = [
            "",
            "no title",
            "= A =\nx\n== Sub ==\ny\n= B =\nz\n",
            "preface\n= A =\nx",
            "\n\n= A =\n",
            "\n \n= A =\n= B =",
            "= A =\r\nx\r\n= B =\r\n",
            "==\n= é =\n😀\n= 東京 =\n",
        ];
        for text in rows {
            let pieces = split_articles(text);
            let many = pieces.len() > 1;
            let want: Vec<String> = pieces
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if many {
                        format!("f#{} [stem ({})] {p}", i + 1, i + 1)
                    } else {
                        format!("f [stem] {p}")
                    }
                })
                .collect();
            assert_eq!(stream(text.as_bytes(), 1000), want, "{text:?}");
        }
        assert_eq!(stream(b"\xEF\xBB\xBF= A =\nx", 1000), ["f [stem] = A =\nx"]);
    }

    #[test]
    fn an_oversize_or_bad_article_is_one_error() {
        let mut text = b"= A =\nshort\n= B =\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', 5000));
        text.extend_from_slice(b"\n= C =\nbad \xFF byte\n= D =\nlast\n");
        let got = stream(&text, 1000);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "f#1 [stem (1)] = A =\nshort\n");
        assert!(
            got[1].starts_with("f#2 E article at byte offset 12 is over the 1000 byte cap"),
            "{got:?}"
        );
        assert!(
            got[2].starts_with("f#3 E not valid UTF-8 (first bad byte at offset 5029)"),
            "{got:?}"
        );
        assert_eq!(got[3], "f#4 [stem (4)] = D =\nlast\n");
    }

    #[test]
    fn a_line_without_end_is_capped() {
        // Like /dev/zero, but ending: one line of NUL bytes, never held whole.
        let zeros = io::repeat(0).take(50 << 20);
        let mut s = ArticleStream::from_reader(Box::new(zeros), "z".into(), "z".into(), 1 << 20);
        let first = s.next();
        assert!(
            matches!(&first, Some(SourceItem::Error(e)) if e.message.contains("over the 1048576 byte cap")),
            "{first:?}"
        );
        assert!(s.line.capacity() <= (1 << 20) + (1 << 17), "{}", s.line.capacity());
        assert!(s.next().is_none());
    }
}
