//! Per-stage speed on one input (default /tmp/s8.xml, any file the pipeline reads):
//! `cargo run --release --example stage_speed -- PATH`. Prints MB/s of each stage alone.
use std::{path::PathBuf, time::Instant};
use wikianno::{Pipeline, SourceItem};
fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let p = Pipeline::builder().gazetteer(root.join("gazetteers")).build().unwrap();
    let items = wikianno::source::Inputs::new(vec![PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| root.join("corpus").to_string_lossy().into_owned()),
    )]);
    let t = Instant::now();
    let raws: Vec<_> =
        items.filter_map(|i| if let SourceItem::Article(r) = i { Some(r) } else { None }).collect();
    let read = t.elapsed().as_secs_f64();
    let source_mb = raws.iter().map(|r| r.text.len()).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    let arts: Vec<_> = raws.into_iter().map(|r| p.parse(r)).collect();
    let parse = t.elapsed().as_secs_f64();
    let total: usize = arts.iter().map(|a| a.text.len()).sum();
    let mb = total as f64 / 1e6;
    // Parsing alone is measured on the markup it reads (for wikitext: the rendering speed).
    println!("parse {:.1} MB/s of markup ({source_mb:.1} MB)", source_mb / parse);
    println!("read+parse {:.1} MB/s", mb / (read + parse));
    let t = Instant::now();
    let ents: Vec<_> = arts.iter().map(|a| p.entities(a)).collect();
    println!("entities {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = arts.iter().map(|a| p.gazetteer().find(&a.text).len()).sum();
    println!("find global only {n} {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let tx: Vec<_> = arts.iter().map(|a| p.timexes(a)).collect();
    println!("temporal {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let evs: Vec<_> =
        arts.iter().zip(&ents).zip(&tx).map(|((a, e), t)| p.events(a, e, t)).collect();
    println!("events {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = Instant::now();
    for (((a, e), t), v) in arts.iter().zip(&ents).zip(&tx).zip(&evs) {
        p.check_infobox(a, e, t, v);
    }
    println!("infobox {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let recs: Vec<_> = arts
        .iter()
        .map(|a| wikianno::Record::Article(Box::new(p.annotate_article(a.clone()))))
        .collect();
    println!("annotate_article {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let n: usize = recs.iter().map(|r| wikianno::output::ndjson::to_line(r).len()).sum();
    println!("ndjson {n} {:.1} MB/s", mb / t.elapsed().as_secs_f64());
}
