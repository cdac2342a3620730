//! Time of every pathological shape at 64 KB and 256 KB (issue 10): linear stages grow
//! about 4x, and the acceptance bound is 5x. `cargo run --release --example
//! hostile_scaling` prints one row per shape (`-- shapes renderer|text`: one group;
//! `-- stages`: per-stage seconds of the text shapes); `-- dump [GB]` builds a synthetic
//! dump of pathological pages (1 GB by default, in the system temp folder, deleted
//! after) and prints the run's time and peak memory at a quarter and at the full size,
//! next to a normal synthetic dump of the same size. `-- write hostile|normal MB PATH`
//! writes one such dump (to compare binaries on it, say).

// The `wikianno` binary's allocator, so that memory and instruction counts are the CLI's.
#[path = "../src/allocator.rs"]
mod allocator;

#[path = "../benches/support/hostile.rs"]
mod hostile;
#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::{
    fs,
    io::{self, BufWriter, Write},
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use clap::{Parser, Subcommand, ValueEnum};
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

/// Time and memory of pathological input, printed as tables (no subcommand: every shape).
#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    task: Option<Task>,
}

#[derive(Subcommand)]
enum Task {
    /// One row per shape of one group: seconds at 64 and 256 KB.
    Shapes { group: Option<Group> },
    /// Seconds per pipeline stage on each text shape, to find a quadratic stage.
    Stages,
    /// The all-pathological and the normal synthetic dump, a quarter and the full size.
    Dump {
        #[arg(default_value_t = 1.0)]
        gigabytes: f64,
    },
    /// Write one synthetic dump of MB megabytes to PATH.
    Write { kind: DumpKind, mb: u64, path: PathBuf },
    /// A child run of `dump`: annotate PATH, print "seconds records peak_rss_bytes".
    #[command(hide = true)]
    RunFile { path: PathBuf },
}

/// The two groups of shapes `Shape::is_renderer` tells apart.
#[derive(Clone, Copy, ValueEnum)]
enum Group {
    Renderer,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum DumpKind {
    /// Pathological pages only (256 KB each).
    Hostile,
    /// The synthetic dump of the throughput benchmark.
    Normal,
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline =
        Pipeline::builder().gazetteer(root.join("gazetteers")).build().expect("shipped gazetteers");
    match Args::parse().task {
        None => shapes(&pipeline, None),
        Some(Task::Shapes { group }) => shapes(&pipeline, group),
        Some(Task::Stages) => stages(&pipeline),
        Some(Task::Dump { gigabytes }) => dumps(&root, gigabytes),
        Some(Task::RunFile { path }) => run_file(&pipeline, &path),
        Some(Task::Write { kind, mb, path }) => match kind {
            DumpKind::Hostile => write_hostile_dump(&path, mb << 20, 256 << 10),
            DumpKind::Normal => synthetic::write_dump(&root, &path, mb as usize).map(drop),
        }
        .expect("write dump"),
    }
}

/// One row per shape (of `group`, or all): seconds at 64 and 256 KB.
fn shapes(pipeline: &Pipeline, group: Option<Group>) {
    println!("{:<20} {:>10} {:>10} {:>7}", "shape", "64 KB s", "256 KB s", "ratio");
    for shape in Shape::ALL {
        match group {
            Some(Group::Renderer) if !shape.is_renderer() => continue,
            Some(Group::Text) if shape.is_renderer() => continue,
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

/// Write a dump of pathological pages (every shape in turn, `page_bytes` each) of about
/// `bytes` bytes to `path`.
fn write_hostile_dump(path: &Path, bytes: u64, page_bytes: usize) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    out.write_all(hostile::DUMP_HEAD.as_bytes())?;
    let pages: Vec<String> = Shape::ALL
        .iter()
        .enumerate()
        .map(|(i, shape)| hostile::dump_page(&format!("Hostile {i}"), &shape.body(page_bytes)))
        .collect();
    let mut written = 0u64;
    let mut n = 0;
    while written < bytes {
        let page = &pages[n % pages.len()];
        out.write_all(page.as_bytes())?;
        written += page.len() as u64;
        n += 1;
    }
    out.write_all(hostile::DUMP_TAIL.as_bytes())?;
    out.flush()
}

/// In a child process (so each run has its own peak memory): annotate `path` on all
/// cores as `wikianno annotate` does (each record serialized on a worker, its line held
/// until written in order), write the lines nowhere, print "seconds records
/// peak_rss_bytes".
fn run_file(pipeline: &Pipeline, path: &Path) {
    let started = Instant::now();
    let mut records = 0usize;
    let mut out = io::sink();
    pipeline
        .run_map_sized(
            wikianno::source::Inputs::new([path.to_path_buf()]),
            |record| {
                let mut line = wikianno::output::Chunked::default();
                // Writing to memory cannot fail.
                let _ = wikianno::output::ndjson::write_record(&mut line, &record);
                line
            },
            wikianno::output::Chunked::len,
            |line| {
                records += 1;
                line.write_to(&mut out)
            },
        )
        .expect("run");
    println!("{} {records} {}", started.elapsed().as_secs_f64(), hostile::peak_rss_bytes());
}

/// The 1 GB benchmark: an all-pathological dump and a normal synthetic dump, each at a
/// quarter and at the full size; time, MB/s and peak RSS of each run.
fn dumps(root: &Path, gigabytes: f64) {
    let dir = std::env::temp_dir().join(format!("wikianno-hostile-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp folder");
    let full = (gigabytes * 1e9) as u64;
    let me = std::env::current_exe().expect("this example");
    println!(
        "{:<28} {:>9} {:>9} {:>8} {:>8} {:>10}",
        "dump", "MB", "records", "s", "MB/s", "peak RSS MB"
    );
    for (name, size) in [("quarter", full / 4), ("full", full)] {
        let hostile_path = dir.join(format!("hostile-{name}.xml"));
        write_hostile_dump(&hostile_path, size, 256 << 10).expect("write hostile dump");
        let normal_path = dir.join(format!("normal-{name}.xml"));
        synthetic::write_dump(root, &normal_path, (size >> 20) as usize)
            .expect("write normal dump");
        for (kind, path) in [("pathological", &hostile_path), ("normal", &normal_path)] {
            let mb = fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
            let out = Command::new(&me).arg("run-file").arg(path).output().expect("child run");
            let line = String::from_utf8_lossy(&out.stdout);
            let fields: Vec<f64> = line.split_whitespace().filter_map(|f| f.parse().ok()).collect();
            if let [secs, records, rss] = fields[..] {
                println!(
                    "{:<28} {mb:>9.0} {records:>9} {secs:>8.1} {:>8.1} {:>10.0}",
                    format!("{kind} ({name})"),
                    mb / secs,
                    rss / 1e6
                );
            } else {
                println!(
                    "{kind} ({name}): child failed: {line} {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            let _ = fs::remove_file(path);
        }
    }
    let _ = fs::remove_dir_all(&dir);
}
