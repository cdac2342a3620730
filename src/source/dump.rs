//! MediaWiki XML dumps (`pages-articles` exports), plain, `.bz2` (multistream too) or `.gz`.
//!
//! The dump is streamed with quick-xml: one page is held in memory at a time, so memory
//! does not grow with the dump. Compression is recognised by its magic bytes, not by
//! the file name. Pages of namespace 0 become [`SourceItem::Article`] (markup
//! [`Markup::Wikitext`]); redirect pages become [`SourceItem::Redirect`]; pages of other
//! namespaces are skipped and counted ([`DumpSource::skipped`]).
//!
//! Hostile input is bounded and reported, never silently dropped:
//! - character data is read through quick-xml's byte stream in buffer-sized chunks, so a
//!   page's text is capped *while* it is read ([`MAX_PAGE_BYTES`], settable with
//!   [`DumpSource::max_page_bytes`]): the rest of an oversize page is skipped unread into
//!   memory and the page becomes an error record; any other XML token (a tag, a comment,
//!   CDATA) longer than [`MAX_TOKEN_BYTES`] ends the dump with an error record;
//! - a bad UTF-8 byte, an invalid character reference (`&#0;`) or ill-formed markup inside
//!   a page makes an error record for that page, and reading goes on with the next page;
//! - a `<page>` opened inside another page makes the outer page an error record;
//! - input that is not a MediaWiki export (no `<mediawiki>` root: empty, not XML, other
//!   XML) or an export without any `<page>` is one error record;
//! - a dump that ends early or is corrupt past repair yields a final error record that
//!   names the byte offset; every page before it has been yielded already.

use std::{
    fs::File,
    io::{self, BufRead, BufReader, Read},
    path::Path,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
};

use quick_xml::events::Event;

use super::{parallel_bz2::ParallelBz2, InputError, Markup, RawArticle, Redirect, SourceItem};

/// Default cap on one page's wikitext, in bytes. The largest English Wikipedia page is
/// about 2 MB (the software limit); anything far above is not an article.
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// Cap on any XML token other than character data (a tag, a comment, a CDATA section),
/// in bytes: quick-xml holds a token whole, so this bounds its buffer.
pub const MAX_TOKEN_BYTES: usize = 1 << 20;

/// Cap on a page title and namespace field, in bytes (MediaWiki titles are at most 255).
const MAX_TITLE_BYTES: usize = 4096;

/// Counts the bytes read from the underlying (compressed) file, for progress and
/// for naming the offset of a failure.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Fails a read once more than `limit` bytes were consumed since the last
/// [`reset`](TokenLimit::reset): quick-xml buffers each token whole, and this is what
/// keeps one token from growing its buffer without bound.
struct TokenLimit<R> {
    inner: R,
    consumed: usize,
    limit: usize,
}

impl<R> TokenLimit<R> {
    fn reset(&mut self) {
        self.consumed = 0;
    }
}

impl<R: BufRead> Read for TokenLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.fill_buf()?.len().min(buf.len());
        buf[..n].copy_from_slice(&self.fill_buf()?[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for TokenLimit<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.consumed > self.limit {
            return Err(io::Error::other(format!(
                "an XML tag, comment or CDATA section longer than the {} byte token cap",
                self.limit
            )));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.consumed = self.consumed.saturating_add(amt);
        self.inner.consume(amt);
    }
}

/// Which compression the dump uses, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compression {
    None,
    Bzip2,
    Gzip,
}

fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(b"BZh") {
        Compression::Bzip2
    } else if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else {
        Compression::None
    }
}

/// The page being read. Fields hold raw bytes (UTF-8 is checked once, when the page
/// ends), each kept only up to its cap; `*_bytes` count what was seen, past the cap too.
#[derive(Default)]
struct PageState {
    /// Element depth of the `<page>` tag, to tell its own `<title>` from a nested one's.
    depth: usize,
    title: Vec<u8>,
    ns: Vec<u8>,
    redirect: Option<String>,
    text: Vec<u8>,
    text_bytes: usize,
    /// The last byte of character data was a carriage return (XML turns `\r\n` into `\n`).
    after_cr: bool,
    /// Why the page cannot be annotated (the first problem found).
    error: Option<String>,
}

impl PageState {
    fn reject(&mut self, why: String) {
        self.error.get_or_insert(why);
    }

    /// Append character data to `field`, within its cap. `raw` is true for text read
    /// from the document (line ends normalized), false for resolved references and CDATA.
    fn push(&mut self, field: Field, bytes: &[u8], raw: bool, page_cap: usize) {
        let dst = match field {
            Field::Title | Field::Ns => {
                let dst = if field == Field::Title { &mut self.title } else { &mut self.ns };
                if dst.len().saturating_add(bytes.len()) > MAX_TITLE_BYTES {
                    self.reject(format!(
                        "a title or namespace over the {MAX_TITLE_BYTES} byte cap"
                    ));
                    return;
                }
                dst
            }
            Field::Text => {
                // Text past the cap is counted, never stored: the page becomes an error.
                self.text_bytes = self.text_bytes.saturating_add(bytes.len());
                if self.text_bytes > page_cap {
                    self.text = Vec::new();
                    return;
                }
                &mut self.text
            }
            Field::None => return,
        };
        if !raw {
            dst.extend_from_slice(bytes);
            self.after_cr = false;
            return;
        }
        if bytes.is_empty() {
            return;
        }
        // XML end-of-line handling: `\r\n` and a lone `\r` read as `\n`, also when a
        // chunk boundary falls between the two.
        let mut rest = bytes;
        if self.after_cr && rest.first() == Some(&b'\n') {
            rest = &rest[1..];
        }
        self.after_cr = false;
        while let Some(at) = memchr::memchr(b'\r', rest) {
            dst.extend_from_slice(&rest[..at]);
            dst.push(b'\n');
            rest = &rest[at + 1..];
            match rest.first() {
                Some(b'\n') => rest = &rest[1..],
                None => self.after_cr = true,
                Some(_) => {}
            }
        }
        dst.extend_from_slice(rest);
    }
}

/// Which element's character data is being collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    None,
    Title,
    Ns,
    Text,
}

/// A lazy stream of the pages of one MediaWiki XML dump.
pub struct DumpSource {
    reader: quick_xml::Reader<TokenLimit<BufReader<Box<dyn Read + Send>>>>,
    origin: String,
    compressed: Compression,
    read_bytes: Arc<AtomicU64>,
    max_page_bytes: usize,
    buf: Vec<u8>,
    page: Option<PageState>,
    field: Field,
    /// Element depth, to tell a clean end (`</mediawiki>`) from a cut.
    depth: usize,
    /// The root element was `<mediawiki>`.
    saw_root: bool,
    /// `<page>` elements opened, whatever their namespace.
    pages_seen: u64,
    /// quick-xml stands before character data (after any event but an error), so the
    /// data can be streamed in chunks instead of read whole as one event.
    at_text: bool,
    /// Where the last ill-formed markup was met: a second error at the same place
    /// would mean no progress, and ends the dump.
    last_error_at: Option<u64>,
    skipped: Arc<AtomicU64>,
    done: bool,
}

impl DumpSource {
    /// Open a dump file; compression is detected from its first bytes. A multistream
    /// `.bz2` (a regular file with a second stream near its start) is decoded on several
    /// threads (see `parallel_bz2`), other files as a stream.
    pub fn open(path: &Path) -> crate::Result<DumpSource> {
        let mut file = File::open(path).map_err(|e| crate::Error::io(path, e))?;
        let mut head = [0u8; 3];
        let n = read_up_to(&mut file, &mut head).map_err(|e| crate::Error::io(path, e))?;
        let origin = path.to_string_lossy();
        if sniff(&head[..n]) == Compression::Bzip2 {
            if let Some(parallel) = open_parallel(path, &file) {
                let read_bytes = parallel.compressed_read();
                return Ok(DumpSource::from_decoded(
                    Box::new(parallel),
                    &origin,
                    Compression::Bzip2,
                    read_bytes,
                ));
            }
        }
        let file = io::Cursor::new(head[..n].to_vec()).chain(file);
        Ok(DumpSource::from_reader(file, &origin))
    }

    /// Stream a dump from any reader (compressed or not); `origin` names it in records.
    pub fn from_reader<R: Read + Send + 'static>(mut input: R, origin: &str) -> DumpSource {
        let read_bytes = Arc::new(AtomicU64::new(0));
        let mut head = [0u8; 3];
        let n = read_up_to(&mut input, &mut head).unwrap_or(0);
        let compressed = sniff(&head[..n]);
        let counted = CountingReader {
            inner: io::Cursor::new(head[..n].to_vec()).chain(input),
            count: read_bytes.clone(),
        };
        let decoded: Box<dyn Read + Send> = match compressed {
            Compression::None => Box::new(counted),
            Compression::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(counted)),
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(counted)),
        };
        DumpSource::from_decoded(decoded, origin, compressed, read_bytes)
    }

    /// Stream the XML `decoded` from input compressed as `compressed`, of which
    /// `read_bytes` counts the bytes read.
    fn from_decoded(
        decoded: Box<dyn Read + Send>,
        origin: &str,
        compressed: Compression,
        read_bytes: Arc<AtomicU64>,
    ) -> DumpSource {
        let limited = TokenLimit {
            inner: BufReader::with_capacity(1 << 16, decoded),
            consumed: 0,
            limit: MAX_TOKEN_BYTES,
        };
        let mut reader = quick_xml::Reader::from_reader(limited);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        // Depth is tracked here; a mismatched end tag must not end the dump.
        config.check_end_names = false;
        DumpSource {
            reader,
            origin: origin.to_string(),
            compressed,
            read_bytes,
            max_page_bytes: MAX_PAGE_BYTES,
            buf: Vec::with_capacity(1 << 16),
            page: None,
            field: Field::None,
            depth: 0,
            saw_root: false,
            pages_seen: 0,
            at_text: false,
            last_error_at: None,
            skipped: Arc::new(AtomicU64::new(0)),
            done: false,
        }
    }

    /// Cap one page's wikitext at `bytes`; a larger page becomes an error record.
    pub fn max_page_bytes(mut self, bytes: usize) -> DumpSource {
        self.max_page_bytes = bytes;
        self
    }

    /// A live count of the bytes read from the input so far (compressed bytes for a
    /// compressed dump): progress against the file size.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        self.read_bytes.clone()
    }

    /// A live count of the pages skipped because they are not in namespace 0.
    pub fn skipped(&self) -> Arc<AtomicU64> {
        self.skipped.clone()
    }

    /// Where the reader stands, for error messages: decompressed XML offset, and the
    /// compressed offset when the dump is compressed.
    fn where_now(&self) -> String {
        let xml = self.reader.buffer_position();
        match self.compressed {
            Compression::None => format!("byte offset {xml}"),
            _ => format!(
                "compressed byte offset {} (XML byte offset {xml})",
                self.read_bytes.load(Ordering::Relaxed)
            ),
        }
    }

    /// End the stream with an error record.
    fn fail(&mut self, what: &str) -> SourceItem {
        self.done = true;
        let title = self.page.as_ref().map(|p| String::from_utf8_lossy(&p.title).into_owned());
        let within = title
            .filter(|t| !t.trim().is_empty())
            .map(|t| format!(" inside page {:?}", t.trim()))
            .unwrap_or_default();
        SourceItem::Error(InputError {
            origin: self.origin.clone(),
            message: format!("corrupt or truncated dump at {}{within}: {what}", self.where_now()),
        })
    }

    /// The input is not a MediaWiki export at all: one error record, nothing more.
    fn not_an_export(&mut self, why: &str) -> SourceItem {
        self.done = true;
        SourceItem::Error(InputError {
            origin: self.origin.clone(),
            message: format!("not a MediaWiki XML export: {why}"),
        })
    }

    /// Mark the open page as not annotatable (reading goes on); false when no page is open.
    fn reject_page(&mut self, what: &str) -> bool {
        let at = self.where_now();
        match self.page.as_mut() {
            Some(page) => {
                page.reject(format!("{what} at {at}"));
                true
            }
            None => false,
        }
    }

    /// Stream the character data ahead (up to the next `<` or `&`) into the open field,
    /// one buffer at a time: no token is ever built for it, so a huge text node costs
    /// no more memory than the page cap.
    fn stream_text(&mut self) -> io::Result<()> {
        let (field, cap) = (self.field, self.max_page_bytes);
        loop {
            self.reader.get_mut().reset();
            let mut stream = self.reader.stream();
            let chunk = stream.fill_buf()?;
            if chunk.is_empty() {
                return Ok(());
            }
            let (len, stop) = match memchr::memchr2(b'<', b'&', chunk) {
                Some(at) => (at, true),
                None => (chunk.len(), false),
            };
            if let Some(page) = self.page.as_mut() {
                page.push(field, &chunk[..len], true, cap);
            }
            stream.consume(len);
            if stop {
                return Ok(());
            }
        }
    }

    /// The item for a finished page, or `None` when it is skipped.
    fn finish_page(&mut self, page: PageState) -> Option<SourceItem> {
        let title = String::from_utf8_lossy(&page.title).trim().to_string();
        let ns = String::from_utf8_lossy(&page.ns);
        if ns.trim() != "0" && !ns.trim().is_empty() {
            self.skipped.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let origin = format!("{}#{}", self.origin, title);
        let error = |message: String| {
            Some(SourceItem::Error(InputError { origin: origin.clone(), message }))
        };
        if let Some(why) = page.error {
            return error(format!("page not read: {why}"));
        }
        if std::str::from_utf8(&page.title).is_err() {
            return error(format!(
                "page not read: its title is not valid UTF-8 (page ends at {})",
                self.where_now()
            ));
        }
        if let Some(to) = page.redirect {
            return Some(SourceItem::Redirect(Redirect { origin, from: title, to }));
        }
        if page.text_bytes > self.max_page_bytes {
            return error(format!(
                "page text is {} bytes, over the {} byte cap (the rest was skipped unread); page ends at {}",
                page.text_bytes,
                self.max_page_bytes,
                self.where_now()
            ));
        }
        let mut text = page.text;
        // Read ahead of the workers in batches of up to 1 MB, a page is held at its length,
        // not at the capacity it grew to while read (up to twice: a page just over 256 KB
        // sits in a 512 KB buffer).
        text.shrink_to_fit();
        match String::from_utf8(text) {
            Ok(text) => Some(SourceItem::Article(RawArticle {
                title: Some(title.clone()),
                text,
                origin,
                fallback_title: title,
                markup: Markup::Wikitext,
            })),
            Err(e) => error(format!(
                "page not read: its text is not valid UTF-8 (first bad byte at text byte {}; page ends at {})",
                e.utf8_error().valid_up_to(),
                self.where_now()
            )),
        }
    }

    /// A `<page>` starts at element depth `self.depth`. A page still open is reported
    /// (its `</page>` is missing or it holds this one) rather than dropped.
    fn start_page(&mut self) -> Option<SourceItem> {
        self.pages_seen += 1;
        let outer = self.page.replace(PageState { depth: self.depth, ..PageState::default() });
        self.field = Field::None;
        let mut outer = outer?;
        let at = self.where_now();
        outer.reject(format!("a nested <page> (or a missing </page>) at {at}"));
        self.finish_page(outer)
    }
}

/// The parallel reader for the `.bz2` dump at `path` (open as `file`), when it is a
/// regular file holding several streams; `None` keeps the sequential path (a pipe, a
/// single-stream file, a machine with one core, or no thread to be had).
fn open_parallel(path: &Path, file: &File) -> Option<ParallelBz2> {
    if !super::parallel_bz2::uses_threads(super::parallel_bz2::default_workers()) {
        return None;
    }
    let len = file.metadata().ok().filter(|m| m.is_file())?.len();
    if !super::parallel_bz2::is_multistream(path).ok()? {
        return None;
    }
    let whole = super::multistream::ByteRange { start: 0, end: len };
    ParallelBz2::open_default(path, whole).ok()
}

/// Read until `buf` is full or the input ends; the number of bytes read.
pub(super) fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

impl Iterator for DumpSource {
    type Item = SourceItem;

    fn next(&mut self) -> Option<SourceItem> {
        if self.done {
            return None;
        }
        loop {
            if self.at_text {
                if let Err(e) = self.stream_text() {
                    return Some(self.fail(&e.to_string()));
                }
            }
            self.buf.clear();
            self.reader.get_mut().reset();
            // The event borrows `buf`; copy out what is needed before touching `self`.
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event.into_owned(),
                Err(quick_xml::Error::IllFormed(e)) => {
                    // quick-xml can go on after ill-formed markup: only the page is lost.
                    self.at_text = false;
                    let at = self.reader.buffer_position();
                    if self.last_error_at.replace(at) != Some(at)
                        && self.reject_page(&format!("ill-formed XML ({e})"))
                    {
                        continue;
                    }
                    return Some(self.fail(&e.to_string()));
                }
                Err(e) => return Some(self.fail(&e.to_string())),
            };
            self.at_text = !matches!(event, Event::Eof);
            if let Some(item) = self.on_event(event) {
                return Some(item);
            }
            if self.done {
                return None;
            }
        }
    }
}

impl DumpSource {
    /// Act on one XML event; the item it completes, if any.
    fn on_event(&mut self, event: Event<'_>) -> Option<SourceItem> {
        match event {
            Event::Start(e) => {
                self.depth += 1;
                let name = e.local_name();
                if !self.saw_root {
                    if name.as_ref() != b"mediawiki" {
                        let root = String::from_utf8_lossy(name.as_ref()).into_owned();
                        return Some(self.not_an_export(&format!("the root element is <{root}>")));
                    }
                    self.saw_root = true;
                    return None;
                }
                let own = self.page.as_ref().is_some_and(|p| self.depth == p.depth + 1);
                match name.as_ref() {
                    b"page" => return self.start_page(),
                    b"title" if own => self.field = Field::Title,
                    b"ns" if own => self.field = Field::Ns,
                    b"text" => {
                        // A later revision (full-history dumps) replaces the earlier one.
                        if let Some(page) = self.page.as_mut() {
                            page.text.clear();
                            page.text_bytes = 0;
                            self.field = Field::Text;
                        }
                    }
                    b"redirect" => self.set_redirect(&e),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if !self.saw_root {
                    let root = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    return Some(self.not_an_export(&format!("the root element is <{root}/>")));
                }
                if e.local_name().as_ref() == b"redirect" {
                    self.set_redirect(&e);
                }
            }
            Event::End(e) => {
                self.depth = self.depth.saturating_sub(1);
                self.field = Field::None;
                let closes_page = self.page.as_ref().is_some_and(|p| p.depth == self.depth + 1);
                if e.local_name().as_ref() == b"page" && closes_page {
                    let page = self.page.take()?;
                    return self.finish_page(page);
                }
            }
            Event::Text(t) if self.field != Field::None => {
                let (field, cap) = (self.field, self.max_page_bytes);
                if let Some(page) = self.page.as_mut() {
                    page.push(field, &t, true, cap);
                }
            }
            Event::CData(t) if self.field != Field::None => {
                let (field, cap) = (self.field, self.max_page_bytes);
                if let Some(page) = self.page.as_mut() {
                    page.push(field, &t, false, cap);
                }
            }
            Event::GeneralRef(r) if self.field != Field::None => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => ch.to_string(),
                    Ok(None) => {
                        let name = String::from_utf8_lossy(&r).into_owned();
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => s.to_string(),
                            None => format!("&{name};"),
                        }
                    }
                    Err(e) => {
                        self.reject_page(&format!("an invalid character reference ({e})"));
                        return None;
                    }
                };
                let (field, cap) = (self.field, self.max_page_bytes);
                if let Some(page) = self.page.as_mut() {
                    page.push(field, resolved.as_bytes(), false, cap);
                }
            }
            Event::Eof => {
                self.done = true;
                if !self.saw_root {
                    return Some(
                        self.not_an_export("no <mediawiki> root element (empty or not XML)"),
                    );
                }
                if self.depth > 0 || self.page.is_some() {
                    return Some(self.fail("the dump ends before its closing tags"));
                }
                if self.pages_seen == 0 {
                    return Some(self.not_an_export("it holds no <page>"));
                }
            }
            _ => {}
        }
        None
    }

    fn set_redirect(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        let target = e
            .try_get_attribute("title")
            .ok()
            .flatten()
            .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_string()))
            .unwrap_or_default();
        if let Some(page) = self.page.as_mut() {
            page.redirect = Some(target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">
  <siteinfo><sitename>Test</sitename></siteinfo>
  <page><title>Café &amp; Bar</title><ns>0</ns><id>1</id>
    <revision><id>5</id><text xml:space="preserve">'''Café''' &lt;b&gt; &#8364; 東京 😀</text></revision></page>
  <page><title>Old name</title><ns>0</ns><id>2</id><redirect title="Café &amp; Bar" />
    <revision><text>#REDIRECT [[Café &amp; Bar]]</text></revision></page>
  <page><title>Talk:Café</title><ns>1</ns><id>3</id><revision><text>talk</text></revision></page>
  <page><title>Empty</title><ns>0</ns><id>4</id><revision><text /></revision></page>
</mediawiki>
"#;

    fn items(src: DumpSource) -> Vec<String> {
        src.map(|i| match i {
            SourceItem::Article(a) => format!("A {} | {}", a.title.unwrap_or_default(), a.text),
            SourceItem::Redirect(Redirect { from, to, .. }) => format!("R {from} -> {to}"),
            SourceItem::Error(InputError { message, .. }) => format!("E {message}"),
        })
        .collect()
    }

    #[test]
    fn pages_redirects_entities_and_namespaces() {
        let src = DumpSource::from_reader(io::Cursor::new(DUMP.as_bytes().to_vec()), "t.xml");
        let skipped = src.skipped();
        assert_eq!(
            items(src),
            vec![
                "A Café & Bar | '''Café''' <b> € 東京 😀",
                "R Old name -> Café & Bar",
                "A Empty | "
            ]
        );
        assert_eq!(skipped.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn compressed_forms_read_the_same() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(DUMP.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(DUMP.as_bytes()).unwrap();
        let bz = bz.finish().unwrap();
        let plain = items(DumpSource::from_reader(io::Cursor::new(DUMP.as_bytes().to_vec()), "t"));
        assert_eq!(items(DumpSource::from_reader(io::Cursor::new(gz), "t")), plain);
        assert_eq!(items(DumpSource::from_reader(io::Cursor::new(bz), "t")), plain);
    }

    #[test]
    fn a_cut_dump_ends_with_one_error() {
        let cut = &DUMP.as_bytes()[..DUMP.find("<page><title>Talk").unwrap() + 20];
        let got = items(DumpSource::from_reader(io::Cursor::new(cut.to_vec()), "t"));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[2].starts_with("E corrupt or truncated dump at byte offset"), "{got:?}");
    }

    #[test]
    fn oversize_pages_become_errors() {
        let src = DumpSource::from_reader(io::Cursor::new(DUMP.as_bytes().to_vec()), "t")
            .max_page_bytes(4);
        let got = items(src);
        assert!(got[0].starts_with("E page text is"), "{got:?}");
        assert_eq!(got.len(), 3);
    }

    fn page(title: &str, text: &[u8]) -> Vec<u8> {
        let mut page =
            format!("<page><title>{title}</title><ns>0</ns><revision><text>").into_bytes();
        page.extend_from_slice(text);
        page.extend_from_slice(b"</text></revision></page>\n");
        page
    }

    fn dump_of(pages: &[Vec<u8>]) -> Vec<u8> {
        let mut dump = b"<mediawiki><siteinfo><sitename>T</sitename></siteinfo>\n".to_vec();
        for p in pages {
            dump.extend_from_slice(p);
        }
        dump.extend_from_slice(b"</mediawiki>\n");
        dump
    }

    fn read(bytes: Vec<u8>) -> Vec<String> {
        items(DumpSource::from_reader(io::Cursor::new(bytes), "t"))
    }

    #[test]
    fn a_bad_page_is_one_error_and_reading_goes_on() {
        let rows: &[(&str, &[u8])] = &[
            ("bad utf-8", b"caf\xC3 au lait"),
            ("truncated utf-8 before a tag", b"caf\xC3"),
            ("nul char ref", b"a &#0; b"),
            ("unclosed reference", b"a &amp b"),
        ];
        for (name, bad) in rows {
            let got = read(dump_of(&[page("A", b"one"), page("B", bad), page("C", b"three")]));
            assert_eq!(got.len(), 3, "{name}: {got:?}");
            assert_eq!(got[0], "A A | one", "{name}");
            assert!(got[1].starts_with("E page not read:"), "{name}: {got:?}");
            assert_eq!(got[2], "A C | three", "{name}");
        }
    }

    #[test]
    fn a_nested_page_reports_the_outer_one() {
        let mut outer =
            b"<page><title>Outer</title><ns>0</ns><revision><text>x</text></revision>".to_vec();
        outer.extend_from_slice(&page("Inner", b"inner"));
        outer.extend_from_slice(b"</page>\n");
        let got = read(dump_of(&[outer, page("After", b"after")]));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("E page not read: a nested <page>"), "{got:?}");
        assert_eq!(got[1..], ["A Inner | inner", "A After | after"]);
    }

    #[test]
    fn what_is_not_an_export_is_one_error() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"just some text, no XML").unwrap();
        let mut empty_bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        std::io::Write::write_all(&mut empty_bz, b"").unwrap();
        let rows: Vec<(&str, Vec<u8>, &str)> = vec![
            ("empty", Vec::new(), "E not a MediaWiki XML export: no <mediawiki> root"),
            ("blank", b"  \n".to_vec(), "E not a MediaWiki XML export: no <mediawiki> root"),
            ("gz of text", gz.finish().unwrap(), "E not a MediaWiki XML export: no <mediawiki>"),
            (
                "empty bz2",
                empty_bz.finish().unwrap(),
                "E not a MediaWiki XML export: no <mediawiki>",
            ),
            (
                "other XML",
                b"<rss><page>x</page></rss>".to_vec(),
                "E not a MediaWiki XML export: the root element is <rss>",
            ),
            ("no page", dump_of(&[]), "E not a MediaWiki XML export: it holds no <page>"),
        ];
        for (name, bytes, want) in rows {
            let got = read(bytes);
            assert_eq!(got.len(), 1, "{name}: {got:?}");
            assert!(got[0].starts_with(want), "{name}: {got:?}");
        }
    }

    #[test]
    fn a_huge_text_node_is_skipped_past_the_cap() {
        let huge = vec![b'x'; 3 << 20];
        let bytes = dump_of(&[page("Huge", &huge), page("Next", b"next")]);
        let got = items(DumpSource::from_reader(io::Cursor::new(bytes), "t").max_page_bytes(1000));
        assert_eq!(
            got.len(),
            2,
            "{:?}",
            got.iter().map(|g| &g[..60.min(g.len())]).collect::<Vec<_>>()
        );
        assert!(
            got[0].starts_with("E page text is 3145728 bytes, over the 1000 byte cap"),
            "{}",
            got[0]
        );
        assert_eq!(got[1], "A Next | next");
    }

    #[test]
    fn a_huge_tag_ends_the_dump_with_an_error() {
        let mut bytes = b"<mediawiki><page><title>T</title><ns>0</ns><revision><text>x</text></revision></page><page ".to_vec();
        bytes.extend(std::iter::repeat_n(b'a', MAX_TOKEN_BYTES + 10));
        let got = read(bytes);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].contains("token cap"), "{got:?}");
    }

    #[test]
    fn line_ends_read_as_in_xml_also_across_buffer_boundaries() {
        let mut text = vec![b'a'; (1 << 16) - 80];
        text.extend_from_slice(b"\r\nb\rc\r\n");
        for cut in 0..80 {
            let mut t = text.clone();
            t.insert(cut, b'z');
            let got = read(dump_of(&[page("A", &t)]));
            assert!(got[0].ends_with("z\nb\nc\n") || got[0].ends_with("\nb\nc\n"), "cut {cut}");
            assert!(!got[0].contains('\r'), "cut {cut}");
        }
        assert_eq!(read(dump_of(&[page("A", b"x&#13;y")])), ["A A | x\ry"]);
    }
}
