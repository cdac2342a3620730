//! Any text, rendered as MediaWiki wikitext: no panic, every span slices the rendering.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let article = wikianno::article::parse_wikitext(source, "fuzz", "Fuzz");
    for s in &article.sections {
        assert!(article.text.get(s.span.start..s.span.end).is_some());
    }
    for p in &article.paragraphs {
        assert!(article.text.get(p.start..p.end).is_some());
    }
});
