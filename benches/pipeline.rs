//! Whole pipeline on a small synthetic dump (4 MB, generated in setup, not committed):
//! XML, wikitext, shipped gazetteers, dates, events, infobox, NDJSON. Checks the record
//! count inside the timed loop. For the MB/s table (1 and 2 threads, bare
//! aho-corasick, peak RSS, GeoNames) run `cargo run --release --example throughput`.

#[path = "support/synthetic.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wikianno::{output::ndjson, source::DumpSource, Pipeline};

fn bench(c: &mut Criterion) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dump = synthetic::dump_of(&root, 4).expect("synthetic dump");
    let bytes = std::fs::read(&dump).expect("read dump");
    let pages = DumpSource::from_reader(std::io::Cursor::new(bytes.clone()), "bench").count();
    let mut builder = Pipeline::builder();
    builder.gazetteer(root.join("gazetteers"));
    let pipeline = builder.build().expect("gazetteers");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_function("synthetic-dump-4MB", |b| {
        b.iter(|| {
            let mut records = 0usize;
            let source = DumpSource::from_reader(std::io::Cursor::new(bytes.clone()), "bench");
            let _ = pipeline.run_map(
                source,
                |record| ndjson::to_line(&record).len(),
                |_| -> Result<(), ()> {
                    records += 1;
                    Ok(())
                },
            );
            assert_eq!(records, pages);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
