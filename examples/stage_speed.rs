//! Per-stage speed on one input (default: the corpus folder; any file the pipeline reads):
//! `cargo run --release --example stage_speed -- PATH`. Prints MB/s of each stage alone.
//!
//! Each stage runs in its own `stage_*` function that is never inlined, so that under
//! `valgrind --tool=callgrind` (instruction counts, repeatable on a loaded machine) the
//! inclusive cost of `stage_entities`, `stage_temporal`, ... is that stage's alone:
//! `callgrind_annotate --inclusive=yes callgrind.out.N | grep stage_`.

// The `wikianno` binary's allocator, so that memory and instruction counts are the CLI's.
#[cfg(feature = "cli")]
#[path = "../src/allocator.rs"]
mod allocator;

use std::{path::PathBuf, time::Instant};
use wikianno::{
    article::Article, events::Event, temporal::Timex, EntityMention, Pipeline, Record, SourceItem,
};

/// Runs `f`, returning its result and its speed over `mb` megabytes.
fn speed<T>(mb: f64, f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = f();
    (out, mb / t.elapsed().as_secs_f64())
}

/// Runs `f` and prints its speed over `mb` megabytes.
fn timed<T>(name: &str, mb: f64, f: impl FnOnce() -> T) -> T {
    let (out, speed) = speed(mb, f);
    println!("{name} {speed:.1} MB/s");
    out
}

#[inline(never)]
fn stage_entities(p: &Pipeline, arts: &[Article]) -> Vec<Vec<EntityMention>> {
    arts.iter().map(|a| p.entities(a)).collect()
}

#[inline(never)]
fn stage_find_global(p: &Pipeline, arts: &[Article]) -> usize {
    arts.iter().map(|a| p.gazetteer().find(&a.text).len()).sum()
}

#[inline(never)]
fn stage_temporal(p: &Pipeline, arts: &[Article]) -> Vec<Vec<Timex>> {
    arts.iter().map(|a| p.timexes(a)).collect()
}

#[inline(never)]
fn stage_events(
    p: &Pipeline,
    arts: &[Article],
    ents: &[Vec<EntityMention>],
    tx: &[Vec<Timex>],
) -> Vec<Vec<Event>> {
    arts.iter().zip(ents).zip(tx).map(|((a, e), t)| p.events(a, e, t)).collect()
}

#[inline(never)]
fn stage_event_mentions(p: &Pipeline, arts: &[Article]) -> usize {
    arts.iter().map(|a| p.event_mentions(a).len()).sum()
}

#[inline(never)]
fn stage_infobox(
    p: &Pipeline,
    arts: &[Article],
    ents: &[Vec<EntityMention>],
    tx: &[Vec<Timex>],
    evs: &[Vec<Event>],
) -> usize {
    let mut n = 0;
    for (((a, e), t), v) in arts.iter().zip(ents).zip(tx).zip(evs) {
        n += usize::from(p.check_infobox(a, e, t, v).is_some());
    }
    n
}

#[inline(never)]
fn stage_annotate_article(p: &Pipeline, arts: &[Article]) -> Vec<Record> {
    arts.iter().map(|a| Record::Article(Box::new(p.annotate_article(a.clone())))).collect()
}

#[inline(never)]
fn stage_ndjson(recs: &[Record]) -> usize {
    recs.iter().map(|r| wikianno::output::ndjson::to_line(r).len()).sum()
}

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
    println!(
        "read+parse {:.1} MB/s ({} articles, {total} bytes of text)",
        mb / (read + parse),
        arts.len()
    );
    // Every later figure is MB of article text per second.
    let ents = timed("entities", mb, || stage_entities(&p, &arts));
    let (n, s) = speed(mb, || stage_find_global(&p, &arts));
    println!("find global only {n} {s:.1} MB/s");
    let tx = timed("temporal", mb, || stage_temporal(&p, &arts));
    let evs = timed("events", mb, || stage_events(&p, &arts, &ents, &tx));
    timed("event mentions", mb, || stage_event_mentions(&p, &arts));
    timed("infobox", mb, || stage_infobox(&p, &arts, &ents, &tx, &evs));
    let recs = timed("annotate_article", mb, || stage_annotate_article(&p, &arts));
    let (n, s) = speed(mb, || stage_ndjson(&recs));
    println!("ndjson {n} {s:.1} MB/s");
}
