//! Export throughput in MB/s of NDJSON (the goal: >= 50 MB/s, so exporting is never the
//! slow step of a dump run). The corpus is annotated once in setup, with one extra
//! article of é, €, CJK and emoji; its NDJSON lines are repeated to about 4 MB. Each
//! iteration exports every line and asserts the article count. The RDF formats convert
//! the corpus graph's JSON-LD, from its bytes and from the graph in memory (on all of
//! rayon's threads, `RAYON_NUM_THREADS` to change; the count is printed); their
//! throughput is counted in the NDJSON bytes of the same articles, so the figures compare.
//! Parquet writes the same articles as records (NDJSON serialization included, as
//! `annotate --format parquet` does), counted in NDJSON bytes too, beside plain NDJSON
//! writing.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wikianno::{
    output::{
        export::{export_line, rdf, ExportFormat, ExportReport},
        graph::GraphBuilder,
        ndjson,
        parquet::ParquetWriter,
    },
    source::{expand_paths, Inputs},
    Pipeline, RawArticle, Record, SourceItem,
};

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline =
        Pipeline::builder().gazetteer(root.join("gazetteers")).build().expect("shipped gazetteers");
    let files = expand_paths(&[root.join("corpus")]).expect("corpus folder");
    let mut raws: Vec<RawArticle> = Inputs::new(files)
        .filter_map(|item| if let SourceItem::Article(raw) = item { Some(raw) } else { None })
        .collect();
    raws.push(RawArticle::wiki_style(
        "bench",
        "= Café 東京 =\n\nJosé Gálvez paid 5 € in Lima on 2 May 1866 😀; Prado fled to Chile.\n",
    ));
    let annotated: Vec<_> = raws.into_iter().map(|r| pipeline.annotate(r)).collect();
    let lines: Vec<String> =
        annotated.iter().map(|a| ndjson::to_line(&Record::Article(Box::new(a.clone())))).collect();
    let once: usize = lines.iter().map(|l| l.len() + 1).sum();
    let rounds = (4_000_000 / once).max(1);
    let articles = lines.len() * rounds;

    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.throughput(Throughput::Bytes((once * rounds) as u64));
    for format in [ExportFormat::Conll, ExportFormat::Spacy, ExportFormat::Brat] {
        group.bench_function(format.as_str(), |b| {
            b.iter(|| {
                let mut report = ExportReport::default();
                let mut bytes = 0;
                for _ in 0..rounds {
                    for line in &lines {
                        bytes += export_line(format, line, &mut report).map_or(0, |e| e.body.len());
                    }
                }
                assert_eq!(report.articles, articles);
                bytes
            })
        });
    }
    group.finish();

    // Parquet beside NDJSON: the same records, the same byte count.
    let records: Vec<Record> =
        annotated.iter().map(|a| Record::Article(Box::new(a.clone()))).collect();
    let mut group = c.benchmark_group("export-records");
    group.sample_size(10);
    group.throughput(Throughput::Bytes((once * rounds) as u64));
    group.bench_function("ndjson", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(once * rounds);
            for _ in 0..rounds {
                for record in &records {
                    ndjson::write_record(&mut out, record).expect("writes to a Vec");
                }
            }
            assert_eq!(out.len(), once * rounds);
            out.len()
        })
    });
    group.bench_function("parquet", |b| {
        b.iter(|| {
            let mut writer = ParquetWriter::new(Vec::new()).expect("parquet writer");
            for _ in 0..rounds {
                for record in &records {
                    writer.write(record).expect("writes to a Vec");
                }
            }
            assert_eq!(writer.rows(), articles);
            writer.finish().expect("parquet footer").len()
        })
    });
    group.finish();

    // RDF: the corpus graph's JSON-LD to N-Triples / Turtle, from the document's bytes
    // (`export` of a .jsonld file: JSON parsing included) and from the graph built in
    // memory (`export` of articles, as the CLI does after annotating).
    let mut graph = GraphBuilder::new();
    annotated.iter().for_each(|a| graph.add(a));
    let graph = graph.finish().0;
    let document = serde_json::to_vec(&graph).expect("graph serializes");
    // RDF is written on rayon's workers: say how many.
    eprintln!("export-rdf: {} threads", rayon::current_num_threads());
    let mut group = c.benchmark_group("export-rdf");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(once as u64));
    for (name, syntax) in
        [("ntriples", rdf::RdfSyntax::NTriples), ("turtle", rdf::RdfSyntax::Turtle)]
    {
        let expected = rdf::write_document(Vec::new(), &document, syntax).expect("converts");
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(1 << 22);
                assert_eq!(rdf::write_document(&mut out, &document, syntax).unwrap(), expected);
                out.len()
            })
        });
        group.bench_function(format!("{name}-from-graph"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(1 << 22);
                assert_eq!(rdf::write_graph(&mut out, &graph, syntax).unwrap(), expected);
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
