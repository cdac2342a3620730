//! Throughput of the temporal tagger alone (MB/s), on the shipped corpus and, when the data
//! folder is present (`WIKIANNO_DATA`, else ../shared/data), on the text of WikiWars'
//! development files (01-11: the test split 12-22 is held out, never read here). Each
//! iteration checks the count.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wikianno::temporal::{Reference, TemporalTagger};

#[path = "support/temporal_inputs.rs"]
mod inputs;
use inputs::{corpus_text, wikiwars_text};

fn bench(c: &mut Criterion) {
    let tagger = TemporalTagger::new();
    let mut inputs = vec![("corpus", corpus_text().repeat(20))];
    if let Some(text) = wikiwars_text() {
        inputs.push(("wikiwars", text));
    }
    let mut group = c.benchmark_group("temporal");
    for (name, text) in &inputs {
        let expected = tagger.tag_text(text, Reference::Narrative).len();
        assert!(expected > 0);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let found = tagger.tag_text(text, Reference::Narrative);
                assert_eq!(found.len(), expected);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
