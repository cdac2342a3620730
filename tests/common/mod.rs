//! Helpers shared by the integration tests (each test binary uses a subset).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use wikianno::{Pipeline, RawArticle};

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The pipeline with the shipped gazetteers, built once per test binary (loading the
/// gazetteers is the slow part).
pub fn pipeline() -> Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE
        .get_or_init(|| {
            Pipeline::builder()
                .gazetteer(root().join("gazetteers"))
                .build()
                .expect("shipped gazetteers load")
        })
        .clone()
}

/// The seed article, as shipped in corpus/.
pub fn seed_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/peruvian_civil_war_of_1865.txt"),
    )
    .expect("seed article")
}

/// A wiki-style raw article.
pub fn raw(text: impl Into<String>) -> RawArticle {
    RawArticle::wiki_style("test", text)
}

/// Run the built `wikianno` binary: (exit code, stdout, stderr).
pub fn wikianno(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wikianno"))
        .args(args)
        .output()
        .expect("run wikianno");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
