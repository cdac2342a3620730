//! Gazetteer build and matching speed with the full GeoNames gazetteer (356,704 rows,
//! read from ../shared/data/geonames/cities15000.tsv; the shipped curated gazetteers
//! and GeoNames subset stand in when it is absent).
//!
//! The text is the shipped corpus repeated to about 1 MB, with a non-ASCII line
//! (é, €, CJK, emoji) so the folding path is measured too. Each timed iteration
//! asserts the mention count found in setup, so a fast-but-wrong matcher fails.
//!
//! Run: `cargo bench --bench gazetteer`

use std::{fs, path::PathBuf, time::Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wikianno::{Gazetteer, GazetteerBuilder};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn full_geonames() -> Option<PathBuf> {
    let path = root().join("../shared/data/geonames/cities15000.tsv");
    path.is_file().then_some(path)
}

fn build(full: bool) -> Gazetteer {
    let mut b = GazetteerBuilder::new();
    b.lenient(true);
    b.add_path(root().join("gazetteers")).expect("shipped gazetteers");
    if full {
        if let Some(path) = full_geonames() {
            b.add_path(path).expect("geonames");
        }
    }
    b.build().expect("automaton builds")
}

fn corpus_text(target: usize) -> String {
    let mut articles = String::new();
    let mut paths: Vec<PathBuf> =
        fs::read_dir(root().join("corpus")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        articles.push_str(&fs::read_to_string(p).unwrap());
        articles.push_str("\nCafé € 中文 😀 — Simon Bolivar met DIEZ CANSECO in São Paulo.\n");
    }
    let mut text = String::with_capacity(target + articles.len());
    while text.len() < target {
        text.push_str(&articles);
    }
    text
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let full = build(true);
    eprintln!(
        "gazetteer: {} entries ({}), built in {:.2} s",
        full.len(),
        if full_geonames().is_some() {
            "shipped + full GeoNames"
        } else {
            "shipped only: ../shared absent"
        },
        started.elapsed().as_secs_f64()
    );
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("build_full_geonames", |b| b.iter(|| build(true).len()));

    let text = corpus_text(1 << 20);
    for (name, g) in [("match_shipped", build(false)), ("match_full_geonames", full)] {
        let expected = g.find(&text).len();
        assert!(expected > 1000, "{name}: {expected} mentions");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let n = g.find(&text).len();
                assert_eq!(n, expected);
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
