//! Whole-pipeline throughput on a synthetic MediaWiki dump, printed as a table.
//!
//! ```text
//! cargo run --release --example throughput -- [--mb 100] [--big-mb 1000] [--geonames PATH]
//! ```
//! Builds deterministic synthetic dumps (`target/bench-data/`, see
//! `benches/support/synthetic.rs`), then runs every measurement in a child process so
//! that its peak RSS (VmHWM) is its own:
//! * the whole pipeline (XML, wikitext, shipped gazetteers, dates, events, infobox,
//!   NDJSON serialization) with 1 and 2 worker threads, in MB/s of dump XML;
//! * a bare aho-corasick scan of the same XML with the same gazetteer surfaces;
//! * peak RSS of the pipeline on the small and on the big dump;
//! * the full GeoNames gazetteer: load time, peak RSS, matching speed.

// The `wikianno` binary's allocator, so that memory and instruction counts are the CLI's.
#[path = "../src/allocator.rs"]
mod allocator;

#[path = "../benches/support/process.rs"]
mod process;
#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::{
    io::{BufRead, BufReader, Write},
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use clap::{Parser, Subcommand};
use wikianno::{output::ndjson, source::Inputs, Pipeline};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pipeline_child(path: &Path, threads: usize) {
    let mut builder = Pipeline::builder();
    builder.gazetteer(root().join("gazetteers")).threads(threads);
    let pipeline = builder.build().expect("gazetteers load");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let cpu_before = process::cpu_seconds();
    let (mut records, mut out_bytes) = (0usize, 0usize);
    let mut sink = std::io::sink();
    let result: std::io::Result<()> = pipeline.run_map(
        Inputs::new(vec![path.to_path_buf()]),
        |record| {
            let mut line = Vec::with_capacity(4096);
            let _ = ndjson::write_record(&mut line, &record);
            line
        },
        |line| {
            records += 1;
            out_bytes += line.len();
            sink.write_all(&line)
        },
    );
    result.expect("sink");
    let secs = started.elapsed().as_secs_f64();
    let cpu = process::cpu_seconds() - cpu_before;
    println!("RESULT mb={:.1} secs={secs:.3} cpu={cpu:.2} mbps={:.2} records={records} out_mb={:.1} hwm_mb={:.1}", size as f64 / 1e6, size as f64 / 1e6 / secs, out_bytes as f64 / 1e6, process::peak_rss_mb());
}

/// `*.tsv` below `dir`, as the gazetteer loader finds them (subfolders too, `lexicon/` not).
fn tsv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut items: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    items.sort();
    for p in items {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "lexicon") {
                tsv_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "tsv") {
            out.push(p);
        }
    }
}

/// The dump reader alone: decompression, XML, one item per page.
fn read_child(path: &Path) {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let records = Inputs::new(vec![path.to_path_buf()]).count();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "RESULT mb={:.1} secs={secs:.3} mbps={:.2} records={records} hwm_mb={:.1}",
        size as f64 / 1e6,
        size as f64 / 1e6 / secs,
        process::peak_rss_mb()
    );
}

/// The surfaces of the shipped gazetteers, lowercased: the bare scan's patterns.
fn surfaces(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    tsv_files(dir, &mut files);
    let mut out = Vec::new();
    for f in &files {
        for line in std::fs::read_to_string(f).unwrap_or_default().lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(surface) = line.split('\t').next() {
                out.push(surface.to_lowercase());
            }
        }
    }
    out
}

fn scan_child(path: &Path) {
    let patterns = surfaces(&root().join("gazetteers"));
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("automaton");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let file = std::fs::File::open(path).expect("dump");
    let mut count = 0usize;
    for m in ac.stream_find_iter(BufReader::with_capacity(1 << 20, file)) {
        if m.is_ok() {
            count += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "RESULT mb={:.1} secs={secs:.3} mbps={:.2} matches={count} patterns={} hwm_mb={:.1}",
        size as f64 / 1e6,
        size as f64 / 1e6 / secs,
        patterns.len(),
        process::peak_rss_mb()
    );
}

fn geonames_child(tsv: &Path) {
    let started = Instant::now();
    let mut builder = Pipeline::builder();
    builder.gazetteer(root().join("gazetteers")).gazetteer(tsv).lenient_gazetteers(true);
    let pipeline = builder.build().expect("gazetteer");
    let load = started.elapsed().as_secs_f64();
    let hwm_load = process::peak_rss_mb();
    let texts: Vec<String> = synthetic::page_texts(&root()).into_iter().map(|(_, t)| t).collect();
    let started = Instant::now();
    let (mut bytes, mut found) = (0usize, 0usize);
    while bytes < 20 << 20 {
        for t in &texts {
            found += pipeline.gazetteer().find(t).len();
            bytes += t.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "RESULT entries={} load_secs={load:.3} hwm_load_mb={hwm_load:.1} match_mbps={:.2} mentions={found} hwm_mb={:.1}",
        pipeline.gazetteer().len(),
        bytes as f64 / 1e6 / secs,
        process::peak_rss_mb()
    );
}

/// Run this example again as a child and return its RESULT fields.
fn child(args: &[&str]) -> Vec<(String, String)> {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).args(args).output().expect("child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find(|l| l.starts_with("RESULT ")).unwrap_or_else(|| {
        panic!("child {args:?} failed: {}", String::from_utf8_lossy(&out.stderr))
    });
    line[7..]
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn get(r: &[(String, String)], key: &str) -> f64 {
    r.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.parse().ok()).unwrap_or(0.0)
}

/// Whole-pipeline throughput on a synthetic MediaWiki dump, printed as a table.
#[derive(Parser)]
struct Args {
    /// Size of the synthetic dump the speeds are measured on, in MB.
    #[arg(long, default_value_t = 100)]
    mb: usize,
    /// Size of the dump whose peak RSS is compared with the first one's, in MB (0: skip).
    #[arg(long, default_value_t = 1000)]
    big_mb: usize,
    /// The GeoNames TSV for the load and matching figures (skipped when absent).
    #[arg(long, default_value_os_t = root().join("../shared/data/geonames/cities15000.tsv"))]
    geonames: PathBuf,
    #[command(subcommand)]
    child: Option<Child>,
}

/// One measurement, run in a child process of this example so that its peak RSS is its own.
#[derive(Subcommand)]
enum Child {
    #[command(hide = true)]
    Pipeline { dump: PathBuf, threads: usize },
    #[command(hide = true)]
    Scan { dump: PathBuf },
    #[command(hide = true)]
    Read { dump: PathBuf },
    #[command(hide = true)]
    Geonames { tsv: PathBuf },
}

fn main() {
    let Args { mb, big_mb, geonames, child: measurement } = Args::parse();
    match measurement {
        Some(Child::Pipeline { dump, threads }) => return pipeline_child(&dump, threads),
        Some(Child::Scan { dump }) => return scan_child(&dump),
        Some(Child::Read { dump }) => return read_child(&dump),
        Some(Child::Geonames { tsv }) => return geonames_child(&tsv),
        None => {}
    }
    let geonames = geonames.to_string_lossy().into_owned();

    let small = synthetic::dump_of(&root(), mb).expect("synthetic dump");
    let small_s = small.to_string_lossy().into_owned();
    println!("synthetic dump: {} ({mb} MB)", small.display());
    let one = child(&["pipeline", &small_s, "1"]);
    let two = child(&["pipeline", &small_s, "2"]);
    let scan = child(&["scan", &small_s]);
    let read = child(&["read", &small_s]);
    println!();
    println!("| measurement | MB | seconds | CPU seconds | MB/s | peak RSS MB |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, r) in [
        ("whole pipeline, 1 thread", &one),
        ("whole pipeline, 2 threads", &two),
        ("bare aho-corasick scan, 1 thread", &scan),
        ("dump reader alone (XML, no annotation)", &read),
    ] {
        let cpu = r.iter().find(|(k, _)| k == "cpu").map_or("-".to_string(), |(_, v)| v.clone());
        println!(
            "| {name} | {:.0} | {:.2} | {cpu} | {:.2} | {:.0} |",
            get(r, "mb"),
            get(r, "secs"),
            get(r, "mbps"),
            get(r, "hwm_mb")
        );
    }
    println!();
    println!("records: {}, patterns in scan: {}", get(&one, "records"), get(&scan, "patterns"));
    println!(
        "2 threads / 1 thread: {:.2}x (goal >= 1.8x)",
        get(&two, "mbps") / get(&one, "mbps").max(1e-9)
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average during the run (other processes share the cores): {}",
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "pipeline (2 threads) / bare scan: {:.1}% (goal >= 50%)",
        100.0 * get(&two, "mbps") / get(&scan, "mbps").max(1e-9)
    );
    if big_mb > 0 {
        let big = synthetic::dump_of(&root(), big_mb).expect("synthetic dump");
        let r = child(&["pipeline", &big.to_string_lossy(), "2"]);
        println!(
            "peak RSS: {:.0} MB on {big_mb} MB vs {:.0} MB on {mb} MB: {:.2}x (goal <= 1.2x); {big_mb} MB at {:.2} MB/s",
            get(&r, "hwm_mb"),
            get(&two, "hwm_mb"),
            get(&r, "hwm_mb") / get(&two, "hwm_mb").max(1e-9),
            get(&r, "mbps")
        );
    }
    if Path::new(&geonames).is_file() {
        let rows =
            std::fs::File::open(&geonames).map(|f| BufReader::new(f).lines().count()).unwrap_or(0);
        let g = child(&["geonames", &geonames]);
        println!(
            "GeoNames ({rows} lines): {:.0} entries, load {:.2} s (goal <= 2 s), peak RSS {:.0} MB after load, {:.0} MB after matching (goal <= 400 MB), matching {:.2} MB/s",
            get(&g, "entries"),
            get(&g, "load_secs"),
            get(&g, "hwm_load_mb"),
            get(&g, "hwm_mb"),
            get(&g, "match_mbps")
        );
    } else {
        println!("GeoNames file {geonames} not found: skipped");
    }
}
