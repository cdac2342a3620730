//! Gazetteer NER on wikigold (145 Wikipedia articles, CoNLL IO tags; CC BY 4.0,
//! Balasuriya et al. 2009), read from ../shared/data/wikigold.
//!
//! Each document's tokens are joined with single spaces; gold mentions are runs of
//! equal I- tags, turned into byte spans of that text. The shipped gazetteers (no
//! article-local entries: wikigold has no infoboxes) are mapped PERSON->PER,
//! PLACE->LOC, ORG->ORG, everything else (DEMONYM, SHIP, EVENT, TREATY)->MISC.
//! Reports CoNLL exact-match P/R/F1 per type and micro-averaged, and a partial-overlap
//! F1 (a prediction counts when it overlaps a gold span of the same type).
//!
//! Run: `cargo run --release --example eval_ner [-- PATH/wikigold.conll.txt]`

use std::{collections::BTreeMap, fs, path::PathBuf};

use wikianno::{GazetteerBuilder, Span};

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    exact: usize,
    overlap_predicted: usize,
    overlap_gold: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/wikigold/wikigold.conll.txt"));
    let Ok(data) = fs::read_to_string(&path) else {
        eprintln!(
            "eval_ner: {} not found (it lives in ../shared/data/wikigold); nothing to do",
            path.display()
        );
        return;
    };
    let mut builder = GazetteerBuilder::new();
    builder.add_path(root.join("gazetteers")).expect("shipped gazetteers load");
    let gazetteer = builder.build().expect("gazetteer builds");

    // Documents: text joined with spaces, gold spans with their type.
    let mut docs: Vec<(String, Vec<(Span, &str)>)> = Vec::new();
    for line in data.lines() {
        let Some((token, tag)) = line.rsplit_once(' ') else { continue };
        if token == "-DOCSTART-" {
            docs.push((String::new(), Vec::new()));
            continue;
        }
        let Some((text, gold)) = docs.last_mut() else { continue };
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        let kind = tag.strip_prefix("I-");
        match (kind, gold.last_mut()) {
            (Some(k), Some((span, last))) if *last == k && span.end + 1 == start => {
                span.end = text.len()
            }
            (Some(k), _) => gold.push((Span::new(start, text.len()), k)),
            _ => {}
        }
        // An O token in between moves `start` past `span.end + 1`, which ends the run.
    }

    let mut by_type: BTreeMap<&str, Counts> = BTreeMap::new();
    for (text, gold) in &docs {
        let predicted: Vec<(Span, &str)> =
            gazetteer.find(text).into_iter().map(|m| (m.span, m.label.conll())).collect();
        for (span, kind) in gold {
            let c = by_type.entry(kind).or_default();
            c.gold += 1;
            if predicted.iter().any(|(p, k)| k == kind && p.overlaps(*span)) {
                c.overlap_gold += 1;
            }
        }
        for (span, kind) in &predicted {
            let c = by_type.entry(kind).or_default();
            c.predicted += 1;
            if gold.iter().any(|(g, k)| k == kind && g == span) {
                c.exact += 1;
            }
            if gold.iter().any(|(g, k)| k == kind && g.overlaps(*span)) {
                c.overlap_predicted += 1;
            }
        }
    }
    println!("wikigold ({} documents), shipped gazetteers, no local entries", docs.len());
    println!(
        "{:<6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>10}",
        "type", "gold", "pred", "P", "R", "F1", "overlapF1"
    );
    let mut total = Counts::default();
    for (kind, c) in &by_type {
        report(kind, c);
        total.gold += c.gold;
        total.predicted += c.predicted;
        total.exact += c.exact;
        total.overlap_gold += c.overlap_gold;
        total.overlap_predicted += c.overlap_predicted;
    }
    report("micro", &total);
}

fn report(kind: &str, c: &Counts) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(c.exact, c.predicted), ratio(c.exact, c.gold));
    let (op, or) = (ratio(c.overlap_predicted, c.predicted), ratio(c.overlap_gold, c.gold));
    println!(
        "{:<6} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>10.3}",
        kind,
        c.gold,
        c.predicted,
        p,
        r,
        f1(p, r),
        f1(op, or)
    );
}
