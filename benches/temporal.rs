//! Throughput of the temporal tagger alone (MB/s), on the shipped corpus and, when
//! ../shared/data is present, on the text of WikiWars' development files (01-11: the test
//! split 12-22 is held out, never read here). Each iteration checks the count.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wikianno::eval::parse_timeml;
use wikianno::temporal::{Reference, TemporalTagger};

fn corpus_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect::<Vec<_>>().join("\n\n")
}

fn wikiwars_text() -> Option<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/wikiwars-timex3");
    let development =
        |name: &str| name.get(..2).and_then(|n| n.parse::<u8>().ok()).is_some_and(|n| n <= 11);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(development))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .filter_map(|xml| parse_timeml("bench", &xml).ok())
        .map(|d| d.text)
        .collect();
    Some(texts.join("\n\n"))
}

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
