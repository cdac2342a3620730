//! The date tagger alone on the temporal bench's inputs, one pass each, for instruction
//! counts: `valgrind --tool=callgrind target/release/examples/tagger_speed`, then
//! `callgrind_annotate --inclusive=yes FILE | grep tagger_speed::stage_`. The inputs are
//! `benches/temporal.rs`'s: the corpus repeated 20 times and, when ../shared/data is beside
//! the checkout (or `WIKIANNO_DATA` names it), the text of WikiWars 01-11 (12-22 are held out
//! and never read). As in the bench, each input is tagged once to warm up (lazy DFAs, the
//! per-thread read memo) before the measured pass, which is its own never-inlined `stage_*`
//! function; prints MiB/s of that pass.

use std::time::Instant;
use wikianno::temporal::{Reference, TemporalTagger, Timex};

#[path = "../benches/support/temporal_inputs.rs"]
mod inputs;
use inputs::{corpus_text, wikiwars_text};

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
