//! Where the pipeline stands on real Wikipedia pages: every dump and page set under
//! `../shared/data`, through the whole pipeline, one row of figures per set.
//!
//! ```text
//! cargo run --release --example real_pages [-- DATA_DIR]
//! ```
//! DATA_DIR defaults to `../shared/data` beside the crate; when it is absent the report
//! says so and exits 0 (CI on a machine without the shared data). Figures per set:
//! * pages: article records (dump redirects and error records are counted apart);
//! * entities: mentions per 1,000 words, and the share whose type is known (a link to a
//!   target the gazetteers do not know has no type: label `UNKNOWN`);
//! * infobox items checked, the share `unchecked` (no rule applies), and the
//!   `contradicted` and `unsupported` counts;
//! * events and timexes per 1,000 words;
//! * content per page that did not become text: tables (kept as structure in the
//!   record's `tables`), placeholders (the record's `dropped`: math, code, references,
//!   ... one per construct) and templates dropped (`template-dropped` diagnostics: one per
//!   template name and page); then every diagnostic kind and placeholder kind.
//!
//! Words: runs of letters and digits, with each Han, kana or Hangul character a word of
//! its own (Japanese has no spaces; this follows Unicode word segmentation, UAX #29), so
//! the rates compare across languages only roughly.
//!
//! Records are read as the NDJSON users get (`output::ndjson`), so the report follows the
//! output contract and not the library's internal types.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    time::Instant,
};

use serde_json::Value;
use wikianno::{output::ndjson, source::Inputs, Label, Pipeline, RawArticle, SourceItem};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data"));
    if !data.is_dir() {
        println!("real_pages: {} not found; skipping the real-pages report", data.display());
        return;
    }
    let data = data.canonicalize().unwrap_or(data);
    let pipeline = Pipeline::builder()
        .shipped_gazetteers_in(root.join("gazetteers"))
        .build()
        .expect("the shipped gazetteers load");

    let started = Instant::now();
    let mut rows: Vec<(String, Option<Tally>)> = Vec::new();
    for set in page_sets(&data) {
        let tally = set.items().map(|items| {
            let mut tally = Tally::default();
            pipeline
                // Serializing and reading back happen on the workers; the calling thread
                // only adds up.
                .run_map(
                    items,
                    |record| Tally::of_line(&ndjson::to_line(&record)),
                    |one| {
                        tally.merge(one);
                        Ok::<(), std::convert::Infallible>(())
                    },
                )
                .expect("the tally never stops the run");
            tally
        });
        rows.push((set.name.to_string(), tally));
    }
    print_report(&data, &rows);
    println!("\n{} sets in {:.1} s", rows.len(), started.elapsed().as_secs_f64());
}

/// One named set of pages and how to read it.
struct PageSet {
    name: &'static str,
    kind: SetKind,
}

enum SetKind {
    /// MediaWiki XML dumps, read as `wikianno annotate` reads them.
    Dump(PathBuf),
    /// Wiki-Fair JSONL: each line's plain `text`, or its text with the article's own
    /// links written back as wikitext `[[target|anchor]]`.
    WikiFair { path: PathBuf, with_links: bool },
    /// A folder tree of plain `.txt` articles (the file name is the title).
    PlainText(PathBuf),
}

fn page_sets(data: &Path) -> Vec<PageSet> {
    let dump = |name, path: &str| PageSet { name, kind: SetKind::Dump(data.join(path)) };
    let wikifair = data.join("wikifair-v1/wiki-fair.benchmark.jsonl");
    vec![
        dump(
            "gensim sample",
            "enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
        ),
        dump("enwiki-table-markup", "enwiki-dump-sample-gensim/enwiki-table-markup.xml.bz2"),
        dump("DBpedia minidump", "dbpedia-minidump-en/enwiki-minidump.xml.bz2"),
        dump("enwiki-10k", "enwiki-more-samples/enwiki-10k.xml.bz2"),
        dump("simplewiki", "enwiki-more-samples/simplewiki.xml.bz2"),
        dump(
            "jawiki",
            "enwiki-more-samples/jawiki-20250801-pages-articles-multistream_100k_lines.xml.bz2",
        ),
        PageSet {
            name: "wikifair-v1 text",
            kind: SetKind::WikiFair { path: wikifair.clone(), with_links: false },
        },
        PageSet {
            name: "wikifair-v1 links",
            kind: SetKind::WikiFair { path: wikifair, with_links: true },
        },
        PageSet { name: "sw100-dev", kind: SetKind::PlainText(data.join("sw100-dev")) },
    ]
}

impl PageSet {
    /// The set's input items, or `None` when its files are absent.
    fn items(&self) -> Option<Box<dyn Iterator<Item = SourceItem> + Send>> {
        match &self.kind {
            SetKind::Dump(path) => {
                path.is_file().then(|| Box::new(Inputs::new(vec![path.clone()])) as Box<_>)
            }
            SetKind::WikiFair { path, with_links } => {
                let text = std::fs::read_to_string(path).ok()?;
                let items: Vec<SourceItem> = text
                    .lines()
                    .enumerate()
                    .map(|(i, line)| wikifair_item(line, *with_links, i + 1))
                    .collect();
                Some(Box::new(items.into_iter()))
            }
            SetKind::PlainText(dir) => {
                let mut files = Vec::new();
                collect_txt(dir, &mut files);
                if files.is_empty() {
                    return None;
                }
                let items: Vec<SourceItem> = files
                    .into_iter()
                    .map(|path| {
                        let title = path.file_stem().unwrap_or_default().to_string_lossy();
                        let title = title.replace('_', " ");
                        match std::fs::read_to_string(&path) {
                            Ok(text) => SourceItem::Article(
                                RawArticle::wiki_style(title, text)
                                    .with_origin(path.to_string_lossy()),
                            ),
                            Err(e) => SourceItem::Error(wikianno::InputError::new(
                                path.to_string_lossy(),
                                e.to_string(),
                            )),
                        }
                    })
                    .collect();
                Some(Box::new(items.into_iter()))
            }
        }
    }
}

/// The `.txt` articles below `dir`, sorted by path (the upstream readme is not one).
fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_txt(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt")
            && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("readme"))
        {
            out.push(path);
        }
    }
}

/// A Wiki-Fair record: plain text and the article's own links.
struct WikiFairPage {
    title: String,
    text: String,
    links: Vec<Link>,
}

/// A link of the page, in code points of its text.
struct Link {
    start: usize,
    end: usize,
    target: String,
}

impl WikiFairPage {
    fn parse(line: &str) -> Option<WikiFairPage> {
        let json: Value = serde_json::from_str(line).ok()?;
        let link = |l: &Value| {
            let span = l.get(0)?;
            Some(Link {
                start: span.get(0)?.as_u64()? as usize,
                end: span.get(1)?.as_u64()? as usize,
                target: l.get(1)?.as_str()?.to_string(),
            })
        };
        Some(WikiFairPage {
            title: json["title"].as_str()?.to_string(),
            text: json["text"].as_str()?.to_string(),
            // A page without links (one in the set) has no `hyperlinks` field.
            links: json["hyperlinks"].as_array().into_iter().flatten().filter_map(link).collect(),
        })
    }
}

/// One Wiki-Fair line as an article; a line that is not what the README describes
/// becomes an error record, so it is counted and not lost.
fn wikifair_item(line: &str, with_links: bool, line_no: usize) -> SourceItem {
    let origin = format!("wiki-fair.benchmark.jsonl:{line_no}");
    let Some(page) = WikiFairPage::parse(line) else {
        return SourceItem::Error(wikianno::InputError::new(
            origin,
            "not a Wiki-Fair record (title, text)",
        ));
    };
    let raw = if with_links {
        RawArticle::wikitext(page.title, with_wikitext_links(&page.text, page.links))
    } else {
        RawArticle::wiki_style(page.title, page.text)
    };
    SourceItem::Article(raw.with_origin(origin))
}

/// `text` with each link (code-point offsets) written as `[[target|anchor]]`; links
/// that overlap an earlier one or fall outside the text are left as plain text.
fn with_wikitext_links(text: &str, mut links: Vec<Link>) -> String {
    links.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + links.len() * 24);
    let mut at = 0;
    for Link { start, end, target } in links {
        if start < at || start >= end || end > chars.len() {
            continue;
        }
        out.extend(&chars[at..start]);
        let anchor: String = chars[start..end].iter().collect();
        if anchor == target {
            out.push_str(&format!("[[{anchor}]]"));
        } else {
            out.push_str(&format!("[[{target}|{anchor}]]"));
        }
        at = end;
    }
    out.extend(&chars[at..]);
    out
}

/// Counts over one set's NDJSON records.
#[derive(Default)]
struct Tally {
    pages: usize,
    redirects: usize,
    errors: usize,
    words: usize,
    entities: usize,
    entities_typed: usize,
    timexes: usize,
    events: usize,
    infobox_items: usize,
    unchecked: usize,
    contradicted: usize,
    unsupported: usize,
    diagnostics: BTreeMap<String, usize>,
    tables: usize,
    placeholders: BTreeMap<String, usize>,
}

/// The diagnostic kind (in the output contract) of a template the renderer dropped.
const TEMPLATE_DROPPED: &str = "template-dropped";

impl Tally {
    /// The counts of one NDJSON record.
    fn of_line(line: &str) -> Tally {
        let mut tally = Tally::default();
        tally.add_line(line);
        tally
    }

    /// Add `other`'s counts to these.
    fn merge(&mut self, other: Tally) {
        self.pages += other.pages;
        self.redirects += other.redirects;
        self.errors += other.errors;
        self.words += other.words;
        self.entities += other.entities;
        self.entities_typed += other.entities_typed;
        self.timexes += other.timexes;
        self.events += other.events;
        self.infobox_items += other.infobox_items;
        self.unchecked += other.unchecked;
        self.contradicted += other.contradicted;
        self.unsupported += other.unsupported;
        self.tables += other.tables;
        for (kind, n) in other.diagnostics {
            *self.diagnostics.entry(kind).or_default() += n;
        }
        for (kind, n) in other.placeholders {
            *self.placeholders.entry(kind).or_default() += n;
        }
    }

    fn add_line(&mut self, line: &str) {
        let record: Value = serde_json::from_str(line).expect("NDJSON lines are JSON");
        if record.get("error").is_some() {
            self.errors += 1;
            return;
        }
        if record.get("redirect").is_some() {
            self.redirects += 1;
            return;
        }
        self.pages += 1;
        self.words += count_words(record["text"].as_str().unwrap_or(""));
        let list = |field: &str| record[field].as_array().cloned().unwrap_or_default();
        let entities = list("entities");
        self.entities += entities.len();
        self.entities_typed += entities
            .iter()
            .filter(|e| {
                let label = e["label"].as_str().and_then(|l| l.parse::<Label>().ok());
                label.is_some_and(|l| l != Label::Unknown)
            })
            .count();
        self.timexes += list("timexes").len();
        self.events += list("events").len();
        for check in record["infobox"]["checks"].as_array().into_iter().flatten() {
            self.infobox_items += 1;
            match check["status"].as_str() {
                Some("unchecked") => self.unchecked += 1,
                Some("contradicted") => self.contradicted += 1,
                Some("unsupported") => self.unsupported += 1,
                _ => {}
            }
        }
        for diagnostic in list("diagnostics") {
            let kind = diagnostic["kind"].as_str().unwrap_or("?").to_string();
            *self.diagnostics.entry(kind).or_default() += 1;
        }
        self.tables += list("tables").len();
        for placeholder in list("dropped") {
            let kind = placeholder["kind"].as_str().unwrap_or("?").to_string();
            *self.placeholders.entry(kind).or_default() += 1;
        }
    }

    /// `n` per page, one decimal.
    fn per_page(&self, n: usize) -> String {
        if self.pages == 0 {
            return "-".into();
        }
        format!("{:.1}", n as f64 / self.pages as f64)
    }
}

/// Words as the module doc defines them.
fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_ideographic(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    words
}

/// Han, kana and Hangul: scripts where UAX #29 makes each character a word.
fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xAC00..=0xD7AF   // Hangul syllables
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0xFF66..=0xFF9F   // half-width Katakana
        | 0x20000..=0x2FA1F // CJK Extensions B-F, compatibility supplement
    )
}

fn per_1000(n: usize, words: usize) -> String {
    if words == 0 {
        return "-".into();
    }
    format!("{:.1}", n as f64 * 1000.0 / words as f64)
}

fn percent(n: usize, of: usize) -> String {
    if of == 0 {
        return "-".into();
    }
    format!("{:.0}%", n as f64 * 100.0 / of as f64)
}

fn print_report(data: &Path, rows: &[(String, Option<Tally>)]) {
    println!("Real pages under {}\n", data.display());
    println!(
        "| set | pages | words | entities /1k w | typed | infobox items | unchecked | \
         contradicted | unsupported | events /1k w | timexes /1k w | tables /page | \
         placeholders /page | templates dropped /page |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, tally) in rows {
        let Some(t) = tally else {
            println!("| {name} | absent | | | | | | | | | | | | |");
            continue;
        };
        let mut pages = t.pages.to_string();
        if t.redirects > 0 || t.errors > 0 {
            pages.push_str(&format!(" (+{} redirects, {} errors)", t.redirects, t.errors));
        }
        let placeholders = t.placeholders.values().sum();
        let templates = t.diagnostics.get(TEMPLATE_DROPPED).copied().unwrap_or(0);
        println!(
            "| {name} | {pages} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            t.words,
            per_1000(t.entities, t.words),
            percent(t.entities_typed, t.entities),
            t.infobox_items,
            percent(t.unchecked, t.infobox_items),
            t.contradicted,
            t.unsupported,
            per_1000(t.events, t.words),
            per_1000(t.timexes, t.words),
            t.per_page(t.tables),
            t.per_page(placeholders),
            t.per_page(templates),
        );
    }

    let present: Vec<(&str, &Tally)> =
        rows.iter().filter_map(|(n, t)| t.as_ref().map(|t| (n.as_str(), t))).collect();
    print_by_kind("Diagnostics by kind", &present, |t| &t.diagnostics);
    print_by_kind("Placeholders (dropped constructs) by kind", &present, |t| &t.placeholders);
}

/// One row per kind, one column per set: counts.
fn print_by_kind(
    title: &str,
    present: &[(&str, &Tally)],
    counts_of: impl Fn(&Tally) -> &BTreeMap<String, usize>,
) {
    let mut kinds: Vec<&str> =
        present.iter().flat_map(|(_, t)| counts_of(t).keys().map(String::as_str)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    println!("\n{title} (count per set)\n");
    let names: Vec<&str> = present.iter().map(|(n, _)| *n).collect();
    println!("| kind | {} |", names.join(" | "));
    println!("|---|{}", "---:|".repeat(names.len()));
    for kind in kinds {
        let counts: Vec<String> = present
            .iter()
            .map(|(_, t)| counts_of(t).get(kind).copied().unwrap_or(0).to_string())
            .collect();
        println!("| {kind} | {} |", counts.join(" | "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_written_back_as_wikitext() {
        let text = "Born in Darmstadt, ruler of Hesse.";
        let link = |start, end, target: &str| Link { start, end, target: target.into() };
        let links = vec![link(8, 17, "Darmstadt"), link(28, 33, "Landgraviate of Hesse")];
        assert_eq!(
            with_wikitext_links(text, links),
            "Born in [[Darmstadt]], ruler of [[Landgraviate of Hesse|Hesse]]."
        );
    }

    #[test]
    fn words_count_cjk_characters_one_by_one() {
        assert_eq!(count_words("Louis IX (1719–1790) was Landgrave."), 6);
        assert_eq!(count_words("日本語の文"), 5);
    }
}
