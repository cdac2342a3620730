//! Export speed on one input, for callgrind (instruction counts, repeatable on a loaded
//! machine): `cargo run --release --example export_speed -- [PATH] [MB] [OUT.parquet]`.
//!
//! PATH (default: the corpus folder; any file the pipeline reads) is annotated once; its
//! records (articles, redirects, errors) are repeated to about MB megabytes of NDJSON
//! (default 4) and written as NDJSON, as Parquet and (from the graph in memory) as
//! N-Triples and Turtle, each in its own `export_*` function that is never inlined:
//! `callgrind_annotate --inclusive=yes F | grep export_` gives each format's cost alone.
//! With OUT.parquet the Parquet file of PATH's records, once, is also written there (to
//! compare files written before and after a change). Figures are MB of NDJSON per second.
//!
//! RDF is written on rayon's workers (`RAYON_NUM_THREADS` sets how many): to count its
//! instructions, toggle collection on the workers' chunk walks too:
//! `valgrind --tool=callgrind --toggle-collect='export_speed::export_rdf'
//! --toggle-collect='wikianno::output::export::rdf::Chunk::walk' ...`.
use std::{path::PathBuf, time::Instant};

use wikianno::{
    output::{
        export::rdf::{self, RdfSyntax},
        graph::GraphBuilder,
        ndjson,
        parquet::ParquetWriter,
    },
    source::{expand_paths, Inputs},
    Pipeline, Record, SourceItem,
};

#[inline(never)]
fn export_ndjson(records: &[Record], rounds: usize) -> usize {
    let mut out = Vec::new();
    for _ in 0..rounds {
        for record in records {
            ndjson::write_record(&mut out, record).expect("writes to a Vec");
        }
    }
    out.len()
}

#[inline(never)]
fn export_parquet(records: &[Record], rounds: usize) -> usize {
    let mut writer = ParquetWriter::new(Vec::new()).expect("parquet writer");
    for _ in 0..rounds {
        for record in records {
            writer.write(record).expect("writes to a Vec");
        }
    }
    writer.finish().expect("parquet footer").len()
}

#[inline(never)]
fn export_rdf(graph: &serde_json::Value, syntax: RdfSyntax, rounds: usize) -> usize {
    let mut bytes = 0;
    for _ in 0..rounds {
        let mut out = Vec::new();
        rdf::write_graph(&mut out, graph, syntax).expect("converts");
        bytes += out.len();
    }
    bytes
}

fn timed(name: &str, mb: f64, f: impl FnOnce() -> usize) {
    let t = Instant::now();
    let bytes = f();
    println!("{name} {:.1} MB/s of NDJSON ({bytes} bytes out)", mb / t.elapsed().as_secs_f64());
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args().skip(1);
    let path = args.next().map_or_else(|| root.join("corpus"), PathBuf::from);
    let target_mb: f64 = args.next().map_or(4.0, |mb| mb.parse().expect("MB: a number"));
    let out = args.next().map(PathBuf::from);
    let pipeline = Pipeline::builder().gazetteer(root.join("gazetteers")).build().unwrap();
    let mut graph = GraphBuilder::new();
    let records: Vec<Record> = Inputs::new(expand_paths(&[path]).expect("PATH: a file or folder"))
        .map(|item| match item {
            SourceItem::Article(raw) => {
                let annotated = pipeline.annotate(raw);
                graph.add(&annotated);
                Record::Article(Box::new(annotated))
            }
            SourceItem::Redirect(redirect) => Record::Redirect(redirect),
            SourceItem::Error(error) => Record::Error(error),
        })
        .collect();
    let graph = graph.finish().0;
    let once = export_ndjson(&records, 1);
    let rounds = ((target_mb * 1e6) as usize / once.max(1)).max(1);
    let mb = (once * rounds) as f64 / 1e6;
    println!(
        "{} records, {once} bytes of NDJSON, {rounds} rounds: {mb:.1} MB; {} threads",
        records.len(),
        rayon::current_num_threads()
    );
    if let Some(out) = out {
        let mut writer = ParquetWriter::new(std::fs::File::create(&out).unwrap()).unwrap();
        records.iter().for_each(|r| writer.write(r).unwrap());
        writer.finish().unwrap();
    }
    timed("ndjson", mb, || export_ndjson(&records, rounds));
    timed("parquet", mb, || export_parquet(&records, rounds));
    // RDF is far slower: one round, counted in the NDJSON bytes of one round.
    let mb_once = once as f64 / 1e6;
    timed("ntriples", mb_once, || export_rdf(&graph, RdfSyntax::NTriples, 1));
    timed("turtle", mb_once, || export_rdf(&graph, RdfSyntax::Turtle, 1));
}
