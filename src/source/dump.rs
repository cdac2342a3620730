//! MediaWiki XML dumps (`pages-articles` exports), plain, `.bz2` (multistream too) or `.gz`.
//!
//! The dump is streamed with quick-xml: one page is held in memory at a time, so memory
//! does not grow with the dump. Compression is recognised by its magic bytes, not by
//! the file name. Pages of namespace 0 become [`SourceItem::Article`] (markup
//! [`Markup::Wikitext`]); redirect pages become [`SourceItem::Redirect`]; pages of other
//! namespaces are skipped and counted ([`DumpSource::skipped`]). A page larger than the
//! size cap, or a dump that ends early or is corrupt, yields a [`SourceItem::Error`] that
//! names the byte offset; every page before it has been yielded already.

use std::{
    fs::File,
    io::{self, BufReader, Read},
    path::Path,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
};

use quick_xml::events::Event;

use super::{InputError, Markup, RawArticle, Redirect, SourceItem};

/// Default cap on one page's wikitext, in bytes. The largest English Wikipedia page is
/// about 2 MB (the software limit); anything far above is not an article.
pub const MAX_PAGE_BYTES: usize = 16 << 20;

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

/// The page being read.
#[derive(Default)]
struct PageState {
    title: String,
    ns: String,
    redirect: Option<String>,
    text: String,
    /// Bytes of `<text>` seen, including any past the cap.
    text_bytes: usize,
}

/// Which element's character data is being collected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Title,
    Ns,
    Text,
}

/// A lazy stream of the pages of one MediaWiki XML dump.
pub struct DumpSource {
    reader: quick_xml::Reader<BufReader<Box<dyn Read + Send>>>,
    origin: String,
    compressed: Compression,
    read_bytes: Arc<AtomicU64>,
    max_page_bytes: usize,
    buf: Vec<u8>,
    page: Option<PageState>,
    field: Field,
    /// Element depth, to tell a clean end (`</mediawiki>`) from a cut.
    depth: usize,
    skipped: Arc<AtomicU64>,
    done: bool,
}

impl DumpSource {
    /// Open a dump file; compression is detected from its first bytes.
    pub fn open(path: &Path) -> crate::Result<DumpSource> {
        let mut file = File::open(path).map_err(|e| crate::Error::io(path, e))?;
        let mut head = [0u8; 3];
        let n = read_up_to(&mut file, &mut head).map_err(|e| crate::Error::io(path, e))?;
        let file = io::Cursor::new(head[..n].to_vec()).chain(file);
        Ok(DumpSource::from_reader(file, &path.to_string_lossy()))
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
        let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(1 << 16, decoded));
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
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

    fn fail(&mut self, what: &str) -> SourceItem {
        self.done = true;
        let title = self.page.as_ref().map(|p| p.title.as_str()).filter(|t| !t.is_empty());
        let within = title.map(|t| format!(" inside page {t:?}")).unwrap_or_default();
        SourceItem::Error(InputError {
            origin: self.origin.clone(),
            message: format!("corrupt or truncated dump at {}{within}: {what}", self.where_now()),
        })
    }

    fn push_text(&mut self, piece: &str) {
        let cap = self.max_page_bytes;
        let field = self.field;
        let Some(page) = self.page.as_mut() else { return };
        match field {
            Field::Title => page.title.push_str(piece),
            Field::Ns => page.ns.push_str(piece),
            Field::Text => {
                page.text_bytes += piece.len();
                if page.text_bytes <= cap {
                    page.text.push_str(piece);
                }
            }
            Field::None => {}
        }
    }

    /// The item for a finished page, or `None` when it is skipped.
    fn finish_page(&mut self, page: PageState) -> Option<SourceItem> {
        let title = page.title.trim().to_string();
        if page.ns.trim() != "0" && !page.ns.trim().is_empty() {
            self.skipped.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let origin = format!("{}#{}", self.origin, title);
        if let Some(to) = page.redirect {
            return Some(SourceItem::Redirect(Redirect { origin, from: title, to }));
        }
        if page.text_bytes > self.max_page_bytes {
            return Some(SourceItem::Error(InputError {
                origin,
                message: format!(
                    "page text is {} bytes, over the {} byte cap; page ends at {}",
                    page.text_bytes,
                    self.max_page_bytes,
                    self.where_now()
                ),
            }));
        }
        Some(SourceItem::Article(RawArticle {
            title: Some(title.clone()),
            text: page.text,
            origin,
            fallback_title: title,
            markup: Markup::Wikitext,
        }))
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
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
            self.buf.clear();
            // The event borrows `buf`; copy out what is needed before touching `self`.
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event.into_owned(),
                Err(e) => return Some(self.fail(&e.to_string())),
            };
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    match e.local_name().as_ref() {
                        b"page" => {
                            self.page = Some(PageState::default());
                            self.field = Field::None;
                        }
                        b"title" if self.page.is_some() && self.depth == 3 => {
                            self.field = Field::Title
                        }
                        b"ns" if self.page.is_some() && self.depth == 3 => self.field = Field::Ns,
                        b"text" if self.page.is_some() => {
                            // A later revision (full-history dumps) replaces the earlier one.
                            if let Some(page) = self.page.as_mut() {
                                page.text.clear();
                                page.text_bytes = 0;
                            }
                            self.field = Field::Text;
                        }
                        b"redirect" => self.set_redirect(&e),
                        _ => {}
                    }
                }
                Event::Empty(e) if e.local_name().as_ref() == b"redirect" => {
                    self.set_redirect(&e);
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    self.field = Field::None;
                    if e.local_name().as_ref() == b"page" {
                        if let Some(page) = self.page.take() {
                            if let Some(item) = self.finish_page(page) {
                                return Some(item);
                            }
                        }
                    }
                }
                Event::Text(t) if self.field != Field::None => match t.xml_content() {
                    Ok(s) => self.push_text(&s),
                    Err(e) => return Some(self.fail(&e.to_string())),
                },
                Event::CData(t) if self.field != Field::None => {
                    let s = String::from_utf8_lossy(&t).into_owned();
                    self.push_text(&s);
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
                        Err(e) => return Some(self.fail(&e.to_string())),
                    };
                    self.push_text(&resolved);
                }
                Event::Eof => {
                    self.done = true;
                    if self.depth > 0 || self.page.is_some() {
                        return Some(self.fail("the dump ends before its closing tags"));
                    }
                    return None;
                }
                _ => {}
            }
        }
    }
}

impl DumpSource {
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
}
