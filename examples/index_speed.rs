//! Entity-index figures on the dump samples, printed as a table:
//! * bare read (decompress + XML) of the dumps, as the reference speed;
//! * `index` (pass 1 reads and parses pages and links and keeps their texts; pass 2 counts
//!   anchor occurrences in the kept texts);
//! * `annotate` with the shipped gazetteers, without and with the index.
//!
//! ```text
//! cargo run --release --example index_speed [-- DUMP...]
//! ```
//! Default dumps: the gensim, DBpedia minidump and enwiki-10k samples in ../shared/data.

#[path = "../benches/support/process.rs"]
mod process;

use std::{
    path::{Path, PathBuf},
    time::Instant,
};

use wikianno::{index::index_dumps, source::Inputs, Pipeline, Record, SourceItem};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut dumps: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dumps.is_empty() {
        dumps = [
            "enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
            "dbpedia-minidump-en/enwiki-minidump.xml.bz2",
            "enwiki-more-samples/enwiki-10k.xml.bz2",
        ]
        .iter()
        .map(|f| root.join(f))
        .collect();
    }
    if let Some(missing) = dumps.iter().find(|d| !d.exists()) {
        eprintln!("index_speed: {} not found; nothing to do", missing.display());
        return;
    }
    let mb: f64 =
        dumps.iter().filter_map(|d| d.metadata().ok()).map(|m| m.len() as f64).sum::<f64>() / 1e6;

    let (t, cpu) = (Instant::now(), process::cpu_seconds());
    let (mut pages, mut text_bytes) = (0usize, 0usize);
    for item in Inputs::new(dumps.clone()) {
        if let SourceItem::Article(raw) = item {
            pages += 1;
            text_bytes += raw.text.len();
        }
    }
    let (bare, bare_cpu) = (t.elapsed().as_secs_f64(), process::cpu_seconds() - cpu);

    let (t, cpu) = (Instant::now(), process::cpu_seconds());
    let index = index_dumps(&dumps).expect("index builds");
    let (indexing, indexing_cpu) = (t.elapsed().as_secs_f64(), process::cpu_seconds() - cpu);
    let dir = tempfile::tempdir().expect("temp dir");
    index.write(dir.path()).expect("index writes");

    let annotate = |with_index: bool| -> (f64, usize, usize) {
        let mut b = Pipeline::builder();
        b.shipped_gazetteers_in(Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers"));
        if with_index {
            b.entity_index(dir.path());
        }
        let t = Instant::now();
        let pipeline = b.build().expect("pipeline builds");
        let (mut links, mut typed) = (0, 0);
        pipeline
            .run(Inputs::new(dumps.clone()), |r| {
                if let Record::Article(a) = r {
                    for m in a.entities.iter().filter(|m| m.source.to_string() == "link") {
                        links += 1;
                        typed += usize::from(m.label.is_known());
                    }
                }
                Ok::<(), ()>(())
            })
            .expect("run");
        (t.elapsed().as_secs_f64(), links, typed)
    };
    let (plain, links, typed_plain) = annotate(false);
    let (indexed, _, typed_indexed) = annotate(true);

    println!(
        "{pages} pages, {:.1} MB compressed, {:.1} MB of wikitext",
        mb,
        text_bytes as f64 / 1e6
    );
    println!(
        "index: {} titles, {} redirects, {} anchors",
        index.titles_len(),
        index.redirects_len(),
        index.anchors().len()
    );
    println!("{:<28} {:>8} {:>8} {:>10}", "run", "seconds", "CPU s", "vs bare");
    println!("{:<28} {:>8.2} {:>8.2} {:>10}", "bare read (decompress+XML)", bare, bare_cpu, "1.00");
    println!(
        "{:<28} {:>8.2} {:>8.2} {:>10.2}",
        "index (read + spilled texts)",
        indexing,
        indexing_cpu,
        bare / indexing
    );
    println!("{:<28} {:>8.2}", "annotate", plain);
    println!("{:<28} {:>8.2} {:>10.2}", "annotate --index", indexed, plain / indexed);
    println!(
        "link mentions typed: {:.3} without the index, {:.3} with it ({links} links)",
        typed_plain as f64 / links.max(1) as f64,
        typed_indexed as f64 / links.max(1) as f64
    );
}
