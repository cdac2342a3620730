//! Any text, annotated as a wiki-style file: no panic, every span slices its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wikianno::{Pipeline, RawArticle, Record, SourceItem};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::builder()
            .gazetteer(concat!(env!("CARGO_MANIFEST_DIR"), "/../gazetteers"))
            .build()
            .expect("shipped gazetteers")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for piece in wikianno::source::split_articles(text) {
        let raw = RawArticle::wiki_style("Fuzz", piece).with_origin("fuzz");
        if let Record::Article(a) = pipeline().process(SourceItem::Article(raw)) {
            let text = &a.article.text;
            for m in &a.entities {
                assert!(text.get(m.span.start..m.span.end).is_some());
            }
            for t in &a.timexes {
                assert!(text.get(t.span.start..t.span.end).is_some());
            }
        }
    }
});
