//! Throughput of the events stage alone (MB/s of article text), on the shipped corpus
//! repeated to about 1 MB: `frames` builds the typed frames, `frames+mentions` also tags
//! every TimeML event mention (the stage as the pipeline runs it). Entities and dates are
//! found in setup; each iteration checks the frame and mention counts. Per-stage MB/s on a bigger dump slice:
//! `cargo run --release --example stage_speed -- PATH`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wikianno::{
    source::{expand_paths, Inputs},
    Pipeline, SourceItem,
};

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline =
        Pipeline::builder().gazetteer(root.join("gazetteers")).build().expect("shipped gazetteers");
    let _gazetteer = pipeline.gazetteer();
    let files = expand_paths(&[root.join("corpus")]).expect("corpus folder");
    let articles: Vec<_> = Inputs::new(files)
        .filter_map(|item| {
            if let SourceItem::Article(raw) = item {
                Some(pipeline.parse(raw))
            } else {
                None
            }
        })
        .collect();
    let annotated: Vec<_> =
        articles.iter().map(|a| (a, pipeline.entities(a), pipeline.timexes(a))).collect();
    let once: usize = articles.iter().map(|a| a.text.len()).sum();
    assert!(once > 0, "empty corpus");
    let rounds = (1_000_000 / once).max(1);
    let run = || -> usize {
        (0..rounds)
            .map(|_| {
                annotated.iter().map(|(a, e, t)| pipeline.events(a, e, t).len()).sum::<usize>()
            })
            .sum()
    };
    let expected = run();
    assert!(expected > 0, "no events in the corpus");
    let with_mentions = || -> usize {
        (0..rounds)
            .map(|_| {
                annotated
                    .iter()
                    .map(|(a, e, t)| {
                        pipeline.events(a, e, t).len() + pipeline.event_mentions(a).len()
                    })
                    .sum::<usize>()
            })
            .sum()
    };
    let expected_with_mentions = with_mentions();
    assert!(expected_with_mentions > expected, "no event mentions in the corpus");
    let mut group = c.benchmark_group("events");
    group.throughput(Throughput::Bytes((once * rounds) as u64));
    group.bench_function("frames/corpus-1MB", |b| b.iter(|| assert_eq!(run(), expected)));
    group.bench_function("frames+mentions/corpus-1MB", |b| {
        b.iter(|| assert_eq!(with_mentions(), expected_with_mentions))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
