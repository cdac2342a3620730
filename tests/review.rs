//! `wikianno review` as a person uses it: the site is written, makes no external request,
//! every in-page link lands on an element, and the seed article's page holds as many
//! highlighted entities, timexes and verdicts as its record. Headless Chromium (Debian's
//! `chromium`, installed by `.ci/run`) opens the seed page: its DOM holds the same counts,
//! and a screenshot is written to `target/review-seed.png` (the README's picture is
//! `docs/review-seed.png`). Skipped, with a message, when Chromium is not installed.

mod common;

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use serde_json::Value;

fn wikianno(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wikianno")).args(args).output().expect("wikianno runs")
}

/// Values of `attr="..."` in `html`.
fn attr_values<'h>(html: &'h str, attr: &str) -> Vec<&'h str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

fn distinct(html: &str, attr: &str) -> usize {
    attr_values(html, attr).into_iter().collect::<BTreeSet<_>>().len()
}

/// Counts a page must show for a record: entities, timexes, verdicts, events.
fn record_counts(rec: &Value) -> [usize; 4] {
    let n = |v: &Value| v.as_array().map_or(0, Vec::len);
    [n(&rec["entities"]), n(&rec["timexes"]), n(&rec["infobox"]["checks"]), n(&rec["events"])]
}

fn page_counts(html: &str) -> [usize; 4] {
    [
        distinct(html, "data-e"),
        distinct(html, "data-t"),
        distinct(html, "data-k"),
        distinct(html, "data-ev"),
    ]
}

/// No script, stylesheet, image or frame comes from elsewhere, and every `#anchor` link
/// has its target.
fn check_page(html: &str, name: &str) {
    for attr in ["src", "href"] {
        for v in attr_values(html, attr) {
            assert!(!v.contains("://") && !v.starts_with("//"), "{name}: external {attr}={v}");
        }
    }
    assert!(!html.contains("@import") && !html.contains("url("), "{name}: no CSS fetches");
    let ids: BTreeSet<&str> = attr_values(html, "id").into_iter().collect();
    for v in attr_values(html, "href") {
        if let Some(target) = v.strip_prefix('#') {
            assert!(ids.contains(target), "{name}: link #{target} has no target");
        }
    }
}

fn records(ndjson: &str) -> Vec<Value> {
    ndjson
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r.get("text").is_some())
        .collect()
}

/// Annotate `input`, build its site from the NDJSON, check every page; returns the
/// site folder and the records.
fn site(input: &Path, name: &str) -> (PathBuf, Vec<Value>) {
    let dir = std::env::temp_dir().join(format!("wikianno-review-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let ndjson = dir.join("records.ndjson");
    let o = wikianno(&["annotate", input.to_str().unwrap(), "-o", ndjson.to_str().unwrap()]);
    assert!(o.status.code().unwrap_or(2) < 2);
    let site = dir.join("site");
    let o = wikianno(&["review", ndjson.to_str().unwrap(), "-o", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let recs = records(&fs::read_to_string(&ndjson).unwrap());
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    check_page(&index, "index.html");
    check_page(&fs::read_to_string(site.join("summary.html")).unwrap(), "summary.html");
    let css = fs::read_to_string(site.join("style.css")).unwrap();
    assert!(!css.contains("url(") && !css.contains("@import"), "the stylesheet fetches nothing");
    let pages = attr_values(&index, "href").into_iter().filter(|h| h.starts_with("a/")).count();
    assert_eq!(pages, recs.len(), "one index line per article");
    for rec in &recs {
        let id = rec["id"].as_str().unwrap();
        let page = site.join("a").join(wikianno::output::review::page_name(id));
        let html = fs::read_to_string(&page).unwrap_or_else(|_| panic!("a page for {id}"));
        check_page(&html, id);
        assert_eq!(page_counts(&html), record_counts(rec), "{id}: highlights = record");
    }
    (site, recs)
}

#[test]
fn corpus_site_shows_every_annotation_and_fetches_nothing() {
    let (site, recs) = site(&common::root().join("corpus"), "corpus");
    // Most contradicted first: the index lists articles by their contradicted count.
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    let contradicted = |id: &str| {
        recs.iter().find(|r| r["id"] == id).unwrap()["infobox"]["checks"]
            .as_array()
            .map_or(0, |c| c.iter().filter(|c| c["status"] == "contradicted").count())
    };
    let order: Vec<usize> = attr_values(&index, "href")
        .into_iter()
        .filter_map(|h| h.strip_prefix("a/"))
        .map(|p| {
            let rec = recs
                .iter()
                .find(|r| wikianno::output::review::page_name(r["id"].as_str().unwrap()) == p)
                .unwrap();
            contradicted(rec["id"].as_str().unwrap())
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "contradicted first: {order:?}");
    let seed = fs::read_to_string(site.join("a/Peruvian_Civil_War_of_1865.html")).unwrap();
    // Every verdict links to its item, and each piece of evidence to its span.
    let checks = recs.iter().find(|r| r["id"] == "Peruvian_Civil_War_of_1865").unwrap()["infobox"]
        ["checks"]
        .as_array()
        .unwrap()
        .clone();
    for (k, c) in checks.iter().enumerate() {
        assert!(seed.contains(&format!("href=\"#item-{k}\"")));
        for j in 0..c["evidence"].as_array().unwrap().len() {
            assert!(
                seed.contains(&format!("href=\"#ev-{k}-{j}\""))
                    && seed.contains(&format!("id=\"ev-{k}-{j}\""))
            );
        }
    }
}

#[test]
fn gensim_sample_site_renders_every_page() {
    let path = common::root().join("../shared/data/enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2");
    if !path.exists() {
        eprintln!("skipped: {} is absent (it lives in ../shared/data)", path.display());
        return;
    }
    let (_, recs) = site(&path, "gensim");
    assert!(!recs.is_empty());
}

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(o) = Command::new("which").arg(name).output() {
            if o.status.success() {
                return Some(PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
            }
        }
    }
    eprintln!("skipped: no chromium (apt-get install -y chromium; .ci/run does it)");
    None
}

fn headless(chromium: &Path, profile: &Path, extra: &[&str], url: &str) -> std::process::Output {
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs")
}

#[test]
fn chromium_shows_the_seed_page_with_every_highlight_and_verdict() {
    let Some(chromium) = chromium() else { return };
    let (site, recs) = site(&common::root().join("corpus"), "chromium");
    let seed = recs.iter().find(|r| r["id"] == "Peruvian_Civil_War_of_1865").unwrap();
    let url = format!("file://{}", site.join("a/Peruvian_Civil_War_of_1865.html").display());
    let profile = tempfile::tempdir().unwrap();
    let dom = headless(&chromium, profile.path(), &["--dump-dom"], &url);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<aside>"), "Chromium rendered the page");
    assert_eq!(page_counts(&dom), record_counts(seed), "Chromium's DOM holds every annotation");
    check_page(&dom, "seed page in Chromium");
    let shot = common::root().join("target/review-seed.png");
    let _ = fs::remove_file(&shot);
    let o = headless(
        &chromium,
        profile.path(),
        &[
            "--window-size=1280,1400",
            "--hide-scrollbars",
            &format!("--screenshot={}", shot.display()),
        ],
        &url,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false),
        "a screenshot is written"
    );
    // The phone layout renders too.
    let phone = common::root().join("target/review-seed-phone.png");
    let o = headless(
        &chromium,
        profile.path(),
        &["--window-size=390,844", &format!("--screenshot={}", phone.display())],
        &url,
    );
    assert!(o.status.success());
}
