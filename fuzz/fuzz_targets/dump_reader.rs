//! Any bytes, read as a MediaWiki dump (plain, gzip or bzip2 by their magic bytes): no
//! panic, the stream ends, and at most one item per `<page` plus one closing error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wikianno::source::DumpSource;

fuzz_target!(|data: &[u8]| {
    // A page element may carry a namespace prefix (`<mw:page>`, even `<:page>`): the reader
    // matches local names, so `:page` counts as an opening too.
    let pages = data.windows(5).filter(|w| w == b"<page" || w == b":page").count();
    let items = DumpSource::from_reader(std::io::Cursor::new(data.to_vec()), "fuzz.xml")
        .max_page_bytes(1 << 16)
        .count();
    // Compressed input may hold more pages than its bytes show.
    if !data.starts_with(b"BZh") && !data.starts_with(&[0x1f, 0x8b]) {
        assert!(items <= pages + 1, "{items} items from {pages} pages");
    }
});
