//! The date tagger's speed inputs: the shipped corpus and, when the data folder is there
//! (`WIKIANNO_DATA`, else ../shared/data beside the checkout), the text of WikiWars'
//! development files (01-11: the test split 12-22 is held out, never read here). Shared by
//! `benches/temporal.rs` and `examples/tagger_speed.rs`.

#![allow(dead_code)]

use std::path::PathBuf;
use wikianno::eval::parse_timeml;

/// The corpus files, in name order, joined by blank lines.
pub fn corpus_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect::<Vec<_>>().join("\n\n")
}

/// The text of WikiWars 01-11, in file order, joined by blank lines; `None` without the data.
pub fn wikiwars_text() -> Option<String> {
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
