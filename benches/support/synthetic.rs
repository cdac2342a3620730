//! A deterministic synthetic MediaWiki dump, built from the shipped corpus (rendered as
//! wikitext: infobox template, links on See also items and gazetteer names), the
//! WikiWars texts (../shared/data/wikiwars-timex3, tags stripped) and the real
//! American Revolutionary War wikitext when ../shared/data is present. Shared by
//! `benches/pipeline.rs` and `examples/throughput.rs`; generated, never committed.

#![allow(dead_code)]

use std::{
    fs,
    io::{self, BufWriter, Write},
    path::{Path, PathBuf},
};

/// The page texts the dump cycles through, in a fixed order.
pub fn page_texts(root: &Path) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    let mut corpus: Vec<PathBuf> = fs::read_dir(root.join("corpus"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    corpus.sort();
    for path in corpus.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        if let Ok(text) = fs::read_to_string(path) {
            let title =
                path.file_stem().map(|s| s.to_string_lossy().replace('_', " ")).unwrap_or_default();
            pages.push((title, wiki_style_to_wikitext(&text)));
        }
    }
    let shared = root.join("../shared/data");
    let mut wars: Vec<PathBuf> = fs::read_dir(shared.join("wikiwars-timex3"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    wars.sort();
    for path in wars.iter().filter(|p| p.extension().is_some_and(|e| e == "tml")) {
        if let Ok(xml) = fs::read_to_string(path) {
            let body = xml.split("<TEXT>").nth(1).unwrap_or(&xml);
            let text = strip_tags(body.split("</TEXT>").next().unwrap_or(body));
            let title =
                path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            pages.push((title, text));
        }
    }
    if let Ok(text) = fs::read_to_string(
        shared.join("enwiki-dump-sample-gensim/American_Revolutionary_War.wikitext"),
    ) {
        pages.push(("American Revolutionary War".into(), text));
    }
    pages
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The wiki-style rendering back to wikitext: `{{Infobox}}`, `'''title'''`, `[[links]]`.
fn wiki_style_to_wikitext(text: &str) -> String {
    let mut out = String::new();
    let mut in_infobox = false;
    let mut see_also = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("= ") && t.ends_with(" =") {
            continue;
        }
        if t == "Infobox" || t.starts_with("Infobox ") {
            out.push_str("{{Infobox military conflict\n");
            in_infobox = true;
            continue;
        }
        if in_infobox {
            if let Some((k, v)) = t.strip_prefix("- ").and_then(|kv| kv.split_once(':')) {
                out.push_str(&format!("| {} = {}\n", k.trim().to_lowercase(), v.trim()));
                continue;
            }
            out.push_str("}}\n");
            in_infobox = false;
        }
        if t.starts_with("==") {
            see_also = t.to_ascii_lowercase().contains("see also");
            out.push_str(t);
            out.push('\n');
            continue;
        }
        if see_also {
            if let Some(item) = t.strip_prefix("- ") {
                out.push_str(&format!("* [[{item}]]\n"));
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    if in_infobox {
        out.push_str("}}\n");
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Write a dump of about `mb` megabytes to `path` (plain XML); returns (bytes, pages).
pub fn write_dump(root: &Path, path: &Path, mb: usize) -> io::Result<(u64, usize)> {
    let pages = page_texts(root);
    if pages.is_empty() {
        return Err(io::Error::other("no corpus texts found"));
    }
    let escaped: Vec<(String, String)> =
        pages.iter().map(|(t, x)| (escape(t), escape(x))).collect();
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    let target = (mb as u64) << 20;
    let mut written = 0u64;
    let head = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.10/\" version=\"0.10\" xml:lang=\"en\">\n";
    out.write_all(head.as_bytes())?;
    written += head.len() as u64;
    let mut n = 0usize;
    while written < target {
        let (title, text) = &escaped[n % escaped.len()];
        let page = if n % 10 == 9 {
            format!("  <page>\n    <title>Redirect {n}</title>\n    <ns>0</ns>\n    <id>{n}</id>\n    <redirect title=\"{title}\" />\n    <revision><text xml:space=\"preserve\">#REDIRECT [[{title}]]</text></revision>\n  </page>\n")
        } else {
            format!("  <page>\n    <title>{title} {n}</title>\n    <ns>0</ns>\n    <id>{n}</id>\n    <revision><text xml:space=\"preserve\">{text}</text></revision>\n  </page>\n")
        };
        out.write_all(page.as_bytes())?;
        written += page.len() as u64;
        n += 1;
    }
    out.write_all(b"</mediawiki>\n")?;
    out.flush()?;
    Ok((written + 13, n))
}

/// Write the dump unless a file of that name already exists (same generator, same bytes).
pub fn dump_of(root: &Path, mb: usize) -> io::Result<PathBuf> {
    let path = root.join(format!("target/bench-data/synthetic-{mb}MB.xml"));
    if !path.is_file() {
        write_dump(root, &path, mb)?;
    }
    Ok(path)
}
