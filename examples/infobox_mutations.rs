//! The infobox mutation benchmark: on real pages, each date-, entity- or number-valued
//! infobox parameter is changed once (years shifted, an entity swapped for the same
//! parameter's value on another page that this article never names, a number scaled),
//! the variant page is annotated, and the verdicts on that parameter are compared with
//! the original's.
//!
//! `cargo run --release --example infobox_mutations -- [DUMP...]` (default: the gensim,
//! DBpedia and enwiki-10k samples under ../shared/data). Prints per family: coverage
//! (counted items with a verdict), mutations made, detection (the share of the
//! parameter's checks that are `unsupported` or `contradicted` rises), strict detection
//! (the share of `contradicted` rises), and false contradictions on the unchanged pages
//! (contradicted / checked). A second table gives the issue's own definition of
//! detection, "a variant flagged `contradicted` or `unsupported` where the original was
//! not": the same figures among the mutations whose original item was `supported` (every
//! check of the parameter), so that items the body never backed, which no verdict can
//! detect, do not weigh on it. With `INFOBOX_MISSES=FILE` set, every undetected mutation
//! is written to FILE (page, key, family, `backed` or `unbacked` original, verdicts
//! before and after) for study.
use std::{collections::HashMap, path::PathBuf};

use rayon::prelude::*;
use wikianno::{
    article::{normalize_key, split_key},
    infobox::{Check, Status, ValidationSummary},
    AnnotatedArticle, Pipeline, RawArticle, SourceItem,
};

/// How many years a date mutation shifts (back when forward would pass 2025).
const YEAR_SHIFT: i32 = 7;
/// How much a number mutation scales.
const SCALE: f64 = 1.5;

/// `| key = value` parameters of the first `{{Infobox ...}}` in `wikitext`: (normalized
/// key, byte range of the trimmed value).
fn infobox_params(wikitext: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let lower = wikitext.to_ascii_lowercase();
    let Some(open) = lower.find("{{infobox") else { return Vec::new() };
    let bytes = wikitext.as_bytes();
    let (mut depth, mut links, mut i) = (0usize, 0usize, open);
    let mut cuts = Vec::new();
    while i + 1 < bytes.len() {
        match &bytes[i..i + 2] {
            b"{{" => {
                depth += 1;
                i += 2;
                continue;
            }
            b"}}" => {
                depth -= 1;
                if depth == 0 {
                    cuts.push(i);
                    break;
                }
                i += 2;
                continue;
            }
            b"[[" => {
                links += 1;
                i += 2;
                continue;
            }
            b"]]" => {
                links = links.saturating_sub(1);
                i += 2;
                continue;
            }
            _ => {}
        }
        if bytes[i] == b'|' && depth == 1 && links == 0 {
            cuts.push(i);
        }
        i += 1;
    }
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let part = &wikitext[w[0] + 1..w[1]];
        let Some(eq) = part.find('=') else { continue };
        let key = normalize_key(part[..eq].trim());
        let value = &part[eq + 1..];
        let lead = value.len() - value.trim_start().len();
        let start = w[0] + 1 + eq + 1 + lead;
        let end = start + value.trim().len();
        if end > start {
            out.push((key, start..end));
        }
    }
    out
}

/// Shift every year (1000-2099) of `value`; `None` when there is none.
fn shift_years(value: &str) -> Option<String> {
    let mut out = String::new();
    let mut changed = false;
    let mut rest = value;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let run = rest[at..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len(), |e| at + e);
        out.push_str(&rest[..at]);
        let digits = &rest[at..run];
        match digits.parse::<i32>() {
            Ok(year) if digits.len() == 4 && (1000..2100).contains(&year) => {
                let shifted =
                    if year + YEAR_SHIFT > 2025 { year - YEAR_SHIFT } else { year + YEAR_SHIFT };
                out.push_str(&shifted.to_string());
                changed = true;
            }
            _ => out.push_str(digits),
        }
        rest = &rest[run..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Scale the first number of `value` (commas dropped, decimals kept).
fn scale_number(value: &str) -> Option<String> {
    let at = value.find(|c: char| c.is_ascii_digit())?;
    let end = value[at..]
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(value.len(), |e| at + e);
    let raw = value[at..end].trim_end_matches(['.', ',']);
    let end = at + raw.len();
    let number: f64 = raw.replace(',', "").parse().ok()?;
    let decimals = raw.split_once('.').map_or(0, |(_, d)| d.len());
    let scaled = format!("{:.*}", decimals, number * SCALE);
    (scaled != raw.replace(',', "")).then(|| format!("{}{scaled}{}", &value[..at], &value[end..]))
}

/// Share of `checks` whose status is one of `bad`.
fn share(checks: &[&Check], bad: &[Status]) -> f64 {
    if checks.is_empty() {
        return 0.0;
    }
    checks.iter().filter(|c| bad.contains(&c.status)).count() as f64 / checks.len() as f64
}

fn field_checks<'a>(a: &'a AnnotatedArticle, key: &str) -> Vec<&'a Check> {
    a.infobox.iter().flat_map(|r| &r.checks).filter(|c| normalize_key(&c.field) == key).collect()
}

#[derive(Default)]
struct Figures {
    mutations: usize,
    detected: usize,
    strict: usize,
}

impl Figures {
    fn count(&mut self, outcome: &Outcome) {
        self.mutations += 1;
        self.detected += usize::from(outcome.detected);
        self.strict += usize::from(outcome.strict);
    }
}

/// One mutation's outcome.
struct Outcome {
    family: &'static str,
    /// Every check of the original parameter was `supported`.
    backed: bool,
    detected: bool,
    strict: bool,
    /// The line of the misses file (empty when detected).
    miss: String,
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data");
    let mut paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        paths = [
            "enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
            "dbpedia-minidump-en/enwiki-minidump.xml.bz2",
            "enwiki-more-samples/enwiki-10k.xml.bz2",
        ]
        .iter()
        .map(|p| data.join(p))
        .collect();
        if !paths.iter().all(|p| p.exists()) {
            eprintln!("skipped: ../shared/data samples are absent");
            return;
        }
    }
    let pipeline = Pipeline::builder()
        .gazetteer(root.join("gazetteers"))
        .build()
        .expect("the shipped gazetteers load");
    let raws: Vec<RawArticle> = wikianno::source::Inputs::new(paths)
        .filter_map(|i| if let SourceItem::Article(r) = i { Some(r) } else { None })
        .filter(|r| r.text.to_ascii_lowercase().contains("{{infobox"))
        .collect();
    let originals: Vec<AnnotatedArticle> =
        raws.par_iter().map(|r| pipeline.annotate(r.clone())).collect();
    let mut summary = ValidationSummary::default();
    for a in &originals {
        summary.add(a);
    }
    // Donors: normalized key (side removed) -> (page, raw value, rendered value).
    let params: Vec<_> = raws.iter().map(|r| infobox_params(&r.text)).collect();
    let mut donors: HashMap<String, Vec<(usize, String, String)>> = HashMap::new();
    for (page, (raw, ps)) in raws.iter().zip(&params).enumerate() {
        for (key, range) in ps {
            let rendered = originals[page]
                .article
                .infobox
                .as_ref()
                .and_then(|b| b.fields.iter().find(|f| normalize_key(&f.key) == *key))
                .map(|f| f.value.clone());
            if let Some(rendered) = rendered.filter(|r| !r.trim().is_empty()) {
                let base = split_key(key).0;
                donors.entry(base).or_default().push((
                    page,
                    raw.text[range.clone()].to_string(),
                    rendered,
                ));
            }
        }
    }
    // (page, key, family, variant text)
    let mut jobs: Vec<(usize, String, &'static str, String)> = Vec::new();
    for (page, ps) in params.iter().enumerate() {
        let original = &originals[page];
        let lower = original.article.text.to_lowercase();
        for (key, range) in ps {
            let checks = field_checks(original, key);
            let Some(family) = checks.first().and_then(|c| c.value_kind).and_then(|k| k.family())
            else {
                continue;
            };
            let text = &raws[page].text;
            let value = &text[range.clone()];
            let new_value = match family {
                "date" => shift_years(value),
                "number" => scale_number(value),
                _ => donors.get(&split_key(key).0).and_then(|ds| {
                    ds.iter()
                        .find(|(p, _, rendered)| {
                            *p != page && !lower.contains(&rendered.trim().to_lowercase())
                        })
                        .map(|(_, raw, _)| raw.clone())
                }),
            };
            let Some(new_value) = new_value else { continue };
            let variant = format!("{}{new_value}{}", &text[..range.start], &text[range.end..]);
            jobs.push((page, key.clone(), family, variant));
        }
    }
    let results: Vec<Outcome> = jobs
        .par_iter()
        .map(|(page, key, family, variant)| {
            let mut raw = raws[*page].clone();
            raw.text = variant.clone();
            let mutated = pipeline.annotate(raw);
            let before = field_checks(&originals[*page], key);
            let after = field_checks(&mutated, key);
            let bad = [Status::Unsupported, Status::Contradicted];
            let detected = share(&after, &bad) > share(&before, &bad);
            let backed = !before.is_empty() && before.iter().all(|c| c.status == Status::Supported);
            let strict =
                share(&after, &[Status::Contradicted]) > share(&before, &[Status::Contradicted]);
            let describe = |checks: &[&Check]| {
                checks
                    .iter()
                    .map(|c| format!("{} [{}] {}", c.value, c.status.as_str(), c.message))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let miss = if detected {
                String::new()
            } else {
                format!(
                    "{}\t{key}\t{family}\t{}\tBEFORE {}\tAFTER {}\n",
                    raws[*page].title.as_deref().unwrap_or("?"),
                    if backed { "backed" } else { "unbacked" },
                    describe(&before),
                    describe(&after)
                )
            };
            Outcome { family, backed, detected, strict, miss }
        })
        .collect();
    if let Ok(path) = std::env::var("INFOBOX_MISSES") {
        let misses: String = results.iter().map(|r| r.miss.as_str()).collect();
        std::fs::write(&path, misses).expect("the misses file is writable");
    }
    // Every mutation, and those of backed originals only.
    let mut by_family: HashMap<&str, Figures> = HashMap::new();
    let mut backed_by_family: HashMap<&str, Figures> = HashMap::new();
    for r in &results {
        for name in [r.family, "all"] {
            by_family.entry(name).or_default().count(r);
            if r.backed {
                backed_by_family.entry(name).or_default().count(r);
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!("{} pages with an infobox", originals.len());
    println!("family   counted  coverage  mutations  detected  strict");
    for name in ["date", "entity", "number", "all"] {
        let tally = if name == "all" { Some(&summary.total) } else { summary.families.get(name) };
        let (counted, checked) = tally.map_or((0, 0), |t| (t.counted, t.counted_checked));
        let f = by_family.get(name).map_or((0, 0, 0), |f| (f.mutations, f.detected, f.strict));
        println!(
            "{name:<8} {counted:>7}  {:>7.1}%  {:>9}  {:>7.1}%  {:>5.1}%",
            pct(checked, counted),
            f.0,
            pct(f.1, f.0),
            pct(f.2, f.0)
        );
    }
    println!("of items the original backed (every check `supported`; the issue's definition):");
    println!("family   mutations  share of all  detected  strict");
    for name in ["date", "entity", "number", "all"] {
        let all = by_family.get(name).map_or(0, |f| f.mutations);
        let f =
            backed_by_family.get(name).map_or((0, 0, 0), |f| (f.mutations, f.detected, f.strict));
        println!(
            "{name:<8} {:>9}  {:>11.1}%  {:>7.1}%  {:>5.1}%",
            f.0,
            pct(f.0, all),
            pct(f.1, f.0),
            pct(f.2, f.0)
        );
    }
    let [supported, unsupported, contradicted, _] = summary.total.counts;
    let checked = supported + unsupported + contradicted;
    println!(
        "false contradictions on unchanged pages: {contradicted} of {checked} checks ({:.2}%)",
        pct(contradicted, checked)
    );
}
