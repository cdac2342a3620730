//! Dump input end to end: the real gensim dump sample (reads ../shared/data, skipped when
//! absent), a cut `.bz2`, `-o FILE` via a temporary file, and properties of the
//! wikitext renderer on arbitrary input.

mod common;

use common::wikianno;
use std::{
    io::Write,
    path::{Path, PathBuf},
};

use proptest::prelude::*;
use serde_json::Value;
use wikianno::article::parse_wikitext;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/enwiki-dump-sample-gensim")
}

fn gensim_dump() -> Option<PathBuf> {
    let path =
        data_dir().join("enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent (it lives in ../shared/data)", path.display());
        None
    }
}

fn records(ndjson: &str) -> Vec<Value> {
    ndjson.lines().map(|l| serde_json::from_str(l).expect("valid JSON line")).collect()
}

/// Python-style slice in code points.
fn cp_slice(s: &str, start: u64, end: u64) -> String {
    s.chars().skip(start as usize).take(end.saturating_sub(start) as usize).collect()
}

#[test]
fn gensim_sample_one_record_per_namespace_0_page() {
    let Some(dump) = gensim_dump() else { return };
    let (code, stdout, stderr) = wikianno(&["annotate", "--stats", dump.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let recs = records(&stdout);
    // 206 pages: 205 in namespace 0 (one record each), 1 in namespace 4 (skipped).
    assert_eq!(recs.len(), 205);
    let redirects = recs.iter().filter(|r| r.get("redirect").is_some()).count();
    let articles = recs.iter().filter(|r| r.get("text").is_some()).count();
    assert_eq!(recs.iter().filter(|r| r.get("error").is_some()).count(), 0);
    assert_eq!(redirects + articles, 205);
    assert!(redirects >= 99, "{redirects}");
    let first_redirect = recs.iter().find(|r| r.get("redirect").is_some()).unwrap();
    assert_eq!(first_redirect["redirect"], "AccessibleComputing");
    assert_eq!(first_redirect["to"], "Computer accessibility");
    // --stats counts match the output.
    assert!(
        stderr.contains(&format!(
            "205 records: {articles} articles, {redirects} redirects, 0 errors"
        )),
        "{stderr}"
    );

    let war =
        recs.iter().find(|r| r["id"] == "American_Revolutionary_War").expect("the war article");
    let text = war["text"].as_str().unwrap();
    let fields = war["infobox"]["fields"].as_array().unwrap();
    let field = |key: &str| {
        fields.iter().find(|f| f["key"] == key).map(|f| f["value"].as_str().unwrap().to_string())
    };
    for key in ["date", "place", "result", "combatant1", "combatant2", "commander1", "commander2"] {
        assert!(field(key).is_some_and(|v| !v.is_empty()), "infobox field {key} missing");
    }
    assert!(
        field("date").unwrap().starts_with("April 19, 1775 – September 3, 1783"),
        "{:?}",
        field("date")
    );
    assert!(field("commander1").unwrap().contains("George Washington"));
    for f in fields {
        assert_eq!(
            cp_slice(text, f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap()),
            f["value"].as_str().unwrap()
        );
    }

    // Link mentions: exact, with the target as id; they slice the same in text and source.
    let source_path = data_dir().join("American_Revolutionary_War.wikitext");
    let source = std::fs::read_to_string(&source_path).unwrap_or_default();
    let entities = war["entities"].as_array().unwrap();
    let links: Vec<&Value> = entities.iter().filter(|e| e["source"] == "link").collect();
    assert!(links.len() > 200, "{} links", links.len());
    assert!(links
        .iter()
        .any(|e| e["id"] == "George_Washington" && e["text"] == "George Washington"));
    for e in entities {
        let (s, t) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
        assert_eq!(cp_slice(text, s, t), e["text"].as_str().unwrap());
        assert!(e["source_start"].is_u64() && e["source_end"].is_u64());
    }
    if !source.is_empty() {
        let mut plain = 0;
        for e in &links {
            let src = cp_slice(
                &source,
                e["source_start"].as_u64().unwrap(),
                e["source_end"].as_u64().unwrap(),
            );
            if !src.contains(['[', ']', '{', '<', '\'', '&', '|']) {
                assert_eq!(src, e["text"].as_str().unwrap(), "{e}");
                plain += 1;
            }
        }
        assert!(plain > 200, "{plain}");
        for s in war["sections"].as_array().unwrap() {
            let title = s["title"].as_str().unwrap();
            let at = cp_slice(text, s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert!(at.starts_with(title), "{title:?}");
            let src = cp_slice(
                &source,
                s["source_start"].as_u64().unwrap(),
                s["source_end"].as_u64().unwrap(),
            );
            assert!(
                src.contains(title),
                "section {title:?} source {:?}",
                src.chars().take(80).collect::<String>()
            );
        }
    }
}

#[test]
fn a_cut_bz2_dump_ends_with_one_error_record() {
    let Some(dump) = gensim_dump() else { return };
    let bytes = std::fs::read(&dump).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.xml.bz2");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let out = dir.path().join("out.ndjson");
    let (code, _, stderr) = wikianno(&[
        "annotate",
        "--no-default-gazetteers",
        cut.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let cut_recs = records(&std::fs::read_to_string(&out).unwrap());
    let (last, before) = cut_recs.split_last().unwrap();
    assert!(last["error"].as_str().unwrap().contains("compressed byte offset"), "{last}");
    assert!(before.len() > 20, "{}", before.len());
    assert!(before.iter().all(|r| r.get("error").is_none()));
    // The pages before the cut are exactly the first pages of the whole dump.
    let (_, full, _) = wikianno(&["annotate", "--no-default-gazetteers", dump.to_str().unwrap()]);
    let full = records(&full);
    for (a, b) in before.iter().zip(&full) {
        let title = |r: &Value| {
            r["source"].as_str().and_then(|s| s.rsplit_once('#')).map(|(_, t)| t.to_string())
        };
        assert_eq!(title(a), title(b));
    }
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("tiny.xml");
    let mut f = std::fs::File::create(&dump).unwrap();
    write!(
        f,
        "<mediawiki><page><title>Zürich</title><ns>0</ns><revision><text>'''Zürich''' is in [[Switzerland]]. On {{{{start date|1865|2|28}}}}.</text></revision></page></mediawiki>"
    )
    .unwrap();
    drop(f);
    let out = dir.path().join("out.ndjson");
    let (code, _, stderr) = wikianno(&[
        "annotate",
        "--no-default-gazetteers",
        dump.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!dir.path().join("out.ndjson.tmp").exists());
    let recs = records(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["text"], "Zürich is in Switzerland. On February 28, 1865.");
    // entities[0] is the article's own subject, "Zürich" (always tagged); [1] the link.
    let e = &recs[0]["entities"][1];
    assert_eq!(
        (e["text"].as_str(), e["id"].as_str(), e["label"].as_str()),
        (Some("Switzerland"), Some("Switzerland"), Some("UNKNOWN"))
    );
    assert_eq!((e["start"].as_u64(), e["source_start"].as_u64()), (Some(13), Some(21)));
    // An output folder that does not exist is a setup error: nothing is written.
    let bad = dir.path().join("missing/out.ndjson");
    let (code, _, _) = wikianno(&[
        "annotate",
        "--no-default-gazetteers",
        dump.to_str().unwrap(),
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
}

/// Markup pieces that proptest strings together.
const PIECES: &[&str] = &[
    "[[",
    "]]",
    "{{",
    "}}",
    "|",
    "=",
    "'''",
    "''",
    "<ref>",
    "</ref>",
    "<ref name=x/>",
    "<!--",
    "-->",
    "\n",
    "== ",
    " ==",
    "\n== H ==\n",
    "* ",
    "é",
    "€",
    "東",
    "😀",
    "a",
    "b c",
    "Infobox x",
    "lang",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "{|",
    "|}",
    "\n{|\n",
    "\n|}\n",
    "<br>",
    "http://x",
    "[",
    "]",
    "File:",
    "Category:",
    "#",
    ":",
    "start date|1865|2|28",
    "circa",
    "flag|",
    "convert|1|km",
    "<nowiki>",
    "</nowiki>",
    "__TOC__",
    " ",
];

fn markup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn wikitext_never_panics_and_spans_slice(src in prop_oneof![markup(), ".{0,200}"]) {
        let a = parse_wikitext(&src, "prop", "Prop");
        let map = a.source_map.as_ref().unwrap();
        let mut spans: Vec<wikianno::Span> = a.links.iter().map(|l| l.span).collect();
        spans.extend(a.sections.iter().map(|s| s.title_span));
        for span in spans {
            let in_text = a.text.get(span.start..span.end);
            prop_assert!(in_text.is_some_and(|t| !t.is_empty()), "{:?} in {:?}", span, a.text);
            let s = map.source_span(span);
            prop_assert!(s.start <= s.end && s.end <= src.len());
            let in_source = src.get(s.start..s.end);
            prop_assert!(in_source.is_some(), "source span {:?} not on char boundaries", s);
            let in_source = in_source.unwrap_or("");
            if !in_source.contains(['[', ']', '{', '}', '<', '>', '\'', '&', '|', '\n', '_']) {
                prop_assert_eq!(in_source, in_text.unwrap_or(""));
            }
        }
        for f in a.infobox.iter().flat_map(|ib| ib.fields.iter()) {
            prop_assert_eq!(f.value_span.slice(&a.text), f.value.as_str());
        }
    }
}

#[test]
fn dbpedia_minidump_every_infobox_found() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/dbpedia-minidump-en/enwiki-minidump.xml.bz2");
    if !path.is_file() {
        eprintln!("skipped: {} is absent (it lives in ../shared/data)", path.display());
        return;
    }
    let (code, stdout, stderr) =
        wikianno(&["annotate", "--no-default-gazetteers", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let recs = records(&stdout);
    // 27 pages: 26 in namespace 0 (2 redirects), 1 category page (skipped).
    assert_eq!(recs.len(), 26);
    assert_eq!(recs.iter().filter(|r| r.get("redirect").is_some()).count(), 2);
    let with_infobox = recs
        .iter()
        .filter(|r| r["infobox"]["fields"].as_array().is_some_and(|f| !f.is_empty()))
        .count();
    assert_eq!(with_infobox, 19);
    let berlin = recs.iter().find(|r| r["id"] == "Berlin").unwrap();
    assert!(berlin["infobox"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["key"] == "subdivision_name" && f["value"] == "Germany"));
}

/// Redirects become gazetteer rows that the gazetteer loader reads back: known targets
/// take their label and id, unknown ones only with `--unknown-label`.
#[test]
fn redirects_become_gazetteer_aliases() {
    let Some(dump) = gensim_dump() else { return };
    let dump = dump.to_string_lossy().into_owned();
    let (code, known, _) = wikianno(&["aliases", &dump]);
    assert_eq!(code, 0);
    // "AndorrA" redirects to "Andorra", a country of the shipped gazetteers.
    assert!(known.lines().any(|l| l == "AndorrA\tPLACE\tAndorra\tredirect"), "{known}");
    let (code, all, _) = wikianno(&["aliases", "--unknown-label", "UNKNOWN", &dump]);
    assert_eq!(code, 0);
    let (ndjson_code, ndjson, _) = wikianno(&["annotate", &dump]);
    assert_eq!(ndjson_code, 0);
    let redirects = records(&ndjson).iter().filter(|r| r.get("redirect").is_some()).count();
    let rows = all.lines().filter(|l| !l.starts_with('#')).count();
    assert_eq!(rows, redirects, "one row per redirect");
    assert!(rows > known.lines().filter(|l| !l.starts_with('#')).count());
    // The file is a valid gazetteer.
    let g = wikianno::GazetteerBuilder::new()
        .add_tsv("aliases.tsv", &all)
        .build()
        .expect("aliases load as a gazetteer");
    assert_eq!(g.len(), rows);
    let (code, _, err) = wikianno(&["aliases", "--unknown-label", "lower", &dump]);
    assert_eq!(code, 2, "{err}");
}
