//! Load figures of the compiled matcher (issue 11, "Load"), printed as a table:
//! * an entity index of N generated surfaces (default 20,000,000): written once (TSVs and
//!   the stored matcher), then opened and turned into a gazetteer in a fresh process, whose
//!   wall and CPU seconds and peak RSS are the figures (goal: <= 5 s, <= 4 GB);
//! * start-up of a pipeline with the full GeoNames gazetteer (356,704 rows, from
//!   ../shared/data/geonames/cities15000.tsv), cold (empty cache: compiled and cached) and
//!   warm (loaded from the cache), each in a fresh process (goal: warm <= 0.5 s).
//!
//! ```text
//! cargo run --release --example matcher_load [-- --surfaces N] [--keep DIR]
//! ```
//! The generated index is written to a temporary folder (about 1.5 GB for 20 M surfaces)
//! and removed at the end unless `--keep DIR` names where to write it. Every child run
//! asserts the mentions it finds, so a fast but wrong load fails.

#[path = "../benches/support/process.rs"]
mod process;

use std::{
    fs,
    io::{BufWriter, Write},
    path::{Path, PathBuf},
    process::Command,
    sync::Arc,
    time::Instant,
};

use clap::{Parser, Subcommand};
use wikianno::{index::EntityIndex, GazetteerBuilder, Pipeline};

/// Consonant-vowel syllables: fixed width, so a name spelled from them is unique.
const SYLLABLES: usize = 64;

fn syllable(i: usize) -> String {
    let c = b"bdfgklmnprstvzhj"[i / 4] as char;
    let v = b"aeio"[i % 4] as char;
    format!("{c}{v}")
}

/// The `i`-th generated surface: two capitalized words of base-64 syllables.
fn surface(i: usize) -> String {
    let d: Vec<String> = (0..5).map(|k| syllable((i >> (6 * k)) % SYLLABLES)).collect();
    format!("K{}{} M{}{}{}", d[0], d[1], d[2], d[3], d[4])
}

const TARGETS: usize = 1000;

fn write_index(dir: &Path, surfaces: usize) {
    fs::create_dir_all(dir).expect("index folder");
    let mut titles = BufWriter::new(fs::File::create(dir.join("titles.tsv")).unwrap());
    writeln!(titles, "# title\tLABEL\tid\ttype source\tdisambiguation|-").unwrap();
    for t in 0..TARGETS {
        writeln!(titles, "Target {t}\tPLACE\tTarget_{t}\ttemplate\t-").unwrap();
    }
    titles.flush().unwrap();
    fs::write(dir.join("redirects.tsv"), "# alias\tLABEL\ttarget id\tredirect\n").unwrap();
    let mut anchors = BufWriter::new(fs::File::create(dir.join("anchors.tsv")).unwrap());
    writeln!(anchors, "# anchor\tLABEL\ttarget id\tlinks to target\tlinks\toccurrences").unwrap();
    for i in 0..surfaces {
        writeln!(anchors, "{}\tPLACE\tTarget_{}\t3\t3\t5", surface(i), i % TARGETS).unwrap();
    }
    anchors.flush().unwrap();
    drop(anchors);
    EntityIndex::compile_names(dir).expect("stored matcher compiles");
}

/// CPU seconds (user + system) and peak RSS (MB) of this process.
fn cpu_and_peak_rss() -> (f64, f64) {
    (process::cpu_seconds(), process::peak_rss_mb())
}

/// Child: open the index, build a gazetteer with it, find generated names.
fn load_index(dir: &Path, surfaces: usize) {
    let t = Instant::now();
    let index = EntityIndex::open(Path::new(dir)).expect("index opens");
    let gazetteer = GazetteerBuilder::new().entity_index(Arc::new(index)).build().expect("builds");
    let seconds = t.elapsed().as_secs_f64();
    let picks = [0, surfaces / 3, surfaces - 1];
    let text: String = picks.iter().map(|&i| format!("Near {} there. ", surface(i))).collect();
    let found = gazetteer.find(&text);
    assert_eq!(found.len(), picks.len(), "{found:?}");
    assert_eq!(gazetteer.len(), surfaces);
    let (cpu, rss) = cpu_and_peak_rss();
    println!("{seconds:.3}\t{cpu:.2}\t{rss:.0}");
}

/// Child: build a pipeline with the full GeoNames gazetteer and the cache in `cache`.
fn start_geonames(geonames: &Path, cache: &Path) {
    let t = Instant::now();
    let pipeline = Pipeline::builder()
        .curated_gazetteers()
        .gazetteer(geonames)
        .gazetteer_cache(cache)
        .build()
        .expect("pipeline builds");
    let seconds = t.elapsed().as_secs_f64();
    let found = pipeline.gazetteer().find("From Lima to Valparaíso and São Paulo.");
    assert_eq!(found.len(), 3, "{found:?}");
    let (cpu, rss) = cpu_and_peak_rss();
    println!("{seconds:.3}\t{cpu:.2}\t{rss:.0}");
}

/// Child: matching speed of the full GeoNames gazetteer (global entries only) on the
/// corpus repeated to about 4 MB, in MB of text per CPU second.
fn match_geonames(geonames: &Path, cache: &Path) {
    let mut b = GazetteerBuilder::new();
    b.cache_dir(cache).add_curated().add_path(geonames).expect("geonames");
    let gazetteer = b.build().expect("builds");
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<PathBuf> =
        fs::read_dir(corpus).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut article = String::new();
    for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        article.push_str(&fs::read_to_string(p).unwrap());
        article.push_str("\nCafé € 中文 😀 — Simon Bolivar met DIEZ CANSECO in São Paulo.\n");
    }
    let mut text = String::new();
    while text.len() < 4_000_000 {
        text.push_str(&article);
    }
    let (cpu_before, _) = cpu_and_peak_rss();
    let t = Instant::now();
    let mentions: usize = text.split("\n\n").map(|chunk| gazetteer.find(chunk).len()).sum();
    let wall = t.elapsed().as_secs_f64();
    let (cpu_after, _) = cpu_and_peak_rss();
    let mb = text.len() as f64 / 1e6;
    println!(
        "{mb:.1} MB, {mentions} mentions: {:.1} MB/s wall, {:.1} MB/CPU s",
        mb / wall,
        mb / (cpu_after - cpu_before).max(0.01)
    );
}

fn child(args: &[&str]) -> Vec<String> {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).args(args).output().expect("child runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().split('\t').map(str::to_string).collect()
}

fn row(name: &str, figures: &[String], goal: &str) {
    println!("| {name} | {} | {} | {} | {goal} |", figures[0], figures[1], figures[2]);
}

/// Load figures of the compiled matcher, printed as a table.
#[derive(Parser)]
struct Args {
    /// Surfaces in the generated entity index (0: only the GeoNames rows).
    #[arg(long, default_value_t = 20_000_000)]
    surfaces: usize,
    /// Where to write the generated index (kept); a temporary folder when absent.
    #[arg(long)]
    keep: Option<PathBuf>,
    #[command(subcommand)]
    child: Option<Child>,
}

/// One measurement, run in a child process of this example so that its peak RSS is its own.
#[derive(Subcommand)]
enum Child {
    #[command(hide = true)]
    Index { dir: PathBuf },
    #[command(hide = true)]
    Match { geonames: PathBuf, cache: PathBuf },
    #[command(hide = true)]
    Geonames { geonames: PathBuf, cache: PathBuf },
}

fn main() {
    let Args { surfaces, keep, child: measurement } = Args::parse();
    match measurement {
        Some(Child::Index { dir }) => return load_index(&dir, surfaces),
        Some(Child::Match { geonames, cache }) => return match_geonames(&geonames, &cache),
        Some(Child::Geonames { geonames, cache }) => return start_geonames(&geonames, &cache),
        None => {}
    }
    let scratch = tempfile::tempdir().expect("temporary folder");
    let dir = keep.unwrap_or_else(|| scratch.path().join("index"));
    let n = surfaces.to_string();
    println!("| run | wall s | CPU s | peak RSS MB | goal |\n|---|---|---|---|---|");

    if surfaces == 0 {
        return geonames_rows(&scratch.path().join("cache"));
    }
    let t = Instant::now();
    write_index(&dir, surfaces);
    let built = t.elapsed().as_secs_f64();
    let size: u64 =
        fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
    let matcher = fs::metadata(dir.join("names.matcher")).map_or(0, |m| m.len());
    let (cpu, rss) = cpu_and_peak_rss();
    let figures = [format!("{built:.1}"), format!("{cpu:.1}"), format!("{rss:.0}")];
    row(&format!("index of {n} surfaces: write + compile (one-time)"), &figures, "");
    let loaded = child(&["--surfaces", &n, "index", &dir.to_string_lossy()]);
    row(&format!("index of {n} surfaces: open + gazetteer"), &loaded, "<= 5 s, <= 4096 MB");
    println!(
        "\nindex folder {:.0} MB, of which names.matcher {:.0} MB",
        size as f64 / 1e6,
        matcher as f64 / 1e6
    );

    geonames_rows(&scratch.path().join("cache"));
}

/// The GeoNames rows of the table (`--surfaces 0` prints only these).
fn geonames_rows(cache: &Path) {
    let geonames =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/geonames/cities15000.tsv");
    if !geonames.is_file() {
        println!("{} not found: GeoNames start-up skipped", geonames.display());
        return;
    }
    let g = geonames.to_string_lossy().to_string();
    let c = cache.to_string_lossy().to_string();
    println!();
    row("full GeoNames: start-up, cold (compile + cache)", &child(&["geonames", &g, &c]), "");
    row("full GeoNames: start-up, warm (cached)", &child(&["geonames", &g, &c]), "<= 0.5 s");
    println!("\nfull GeoNames, matching: {}", child(&["match", &g, &c]).join(" "));
}
