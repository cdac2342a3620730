//! The date tagger alone on the temporal bench's inputs, one pass each, for instruction
//! counts: `valgrind --tool=callgrind target/release/examples/tagger_speed`, then
//! `callgrind_annotate --inclusive=yes FILE | grep tagger_speed::stage_`. The inputs are
//! `benches/temporal.rs`'s: the corpus repeated 20 times and, when ../shared/data is beside
//! the checkout (or `WIKIANNO_DATA` names it), the text of WikiWars 01-11 (12-22 are held out
//! and never read). As in the bench, each input is tagged once to warm up (lazy DFAs, the
//! per-thread read memo) before the measured pass, which is its own never-inlined `stage_*`
//! function; prints MiB/s of that pass.

use std::{path::PathBuf, time::Instant};
use wikianno::eval::parse_timeml;
use wikianno::temporal::{Reference, TemporalTagger, Timex};

fn corpus_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect::<Vec<_>>().join("\n\n")
}

fn wikiwars_text() -> Option<String> {
    let data = std::env::var_os("WIKIANNO_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")));
    let development =
        |name: &str| name.get(..2).and_then(|n| n.parse::<u8>().ok()).is_some_and(|n| n <= 11);
    let mut files: Vec<_> = std::fs::read_dir(data.join("wikiwars-timex3"))
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

#[inline(never)]
fn stage_corpus(tagger: &TemporalTagger, text: &str) -> Vec<Timex> {
    tagger.tag_text(text, Reference::Narrative)
}

#[inline(never)]
fn stage_wikiwars(tagger: &TemporalTagger, text: &str) -> Vec<Timex> {
    // Not the same body as `stage_corpus`, which the linker would fold into one symbol.
    std::hint::black_box(tagger).tag_text(text, Reference::Narrative)
}

fn run(name: &str, text: &str, tagger: &TemporalTagger, f: impl FnOnce() -> Vec<Timex>) {
    let warm = tagger.tag_text(text, Reference::Narrative).len();
    let t = Instant::now();
    let n = f().len();
    let s = t.elapsed().as_secs_f64();
    assert_eq!(n, warm, "the measured pass finds what the warm-up found");
    let mib = text.len() as f64 / 1048576.0;
    println!("{name}: {} bytes, {n} timexes, {:.1} MiB/s", text.len(), mib / s);
}

fn main() {
    let tagger = TemporalTagger::new();
    let corpus = corpus_text().repeat(20);
    run("corpus x20", &corpus, &tagger, || stage_corpus(&tagger, &corpus));
    if let Some(ww) = wikiwars_text() {
        run("wikiwars 01-11", &ww, &tagger, || stage_wikiwars(&tagger, &ww));
    }
}
