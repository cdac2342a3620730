//! `wikianno review`: a static, offline HTML site to look at annotated articles.
//! Inputs as for `export`: NDJSON records, or articles (annotated first).

use std::{collections::HashSet, fs, io, path::PathBuf};

use clap::Args;
use wikianno::output::{
    export::{LineKind, RecordLine},
    review::{self, IndexEntry, InfoboxSummary},
};

use super::{
    export::{each_record_line, split_inputs, InputKinds},
    PipelineArgs, EXIT_ERRORS, EXIT_OK,
};

#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// The folder to write the site into (index.html, summary.html, a/, style.css).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
}

pub fn run(args: &ReviewArgs) -> Result<i32, String> {
    let InputKinds { records, documents, articles } = split_inputs(&args.pipeline)?;
    if let Some(doc) = documents.first() {
        return Err(format!(
            "{}: review reads NDJSON records or articles, not JSON-LD",
            doc.display()
        ));
    }
    let dir = &args.output;
    let pages = dir.join("a");
    fs::create_dir_all(&pages).map_err(|e| format!("{}: {e}", pages.display()))?;
    let mut entries: Vec<IndexEntry> = Vec::new();
    let mut summary = InfoboxSummary::default();
    let mut names = HashSet::new();
    let (mut errors, mut redirects, mut unreadable) = (0, 0, 0);
    let written = each_record_line(&args.pipeline, &records, articles, |line| {
        let Ok(rec) = serde_json::from_str::<RecordLine>(line) else {
            unreadable += 1;
            return Ok(());
        };
        match rec.kind() {
            LineKind::Article => {}
            LineKind::Redirect => {
                redirects += 1;
                return Ok(());
            }
            LineKind::Error => {
                errors += 1;
                return Ok(());
            }
        }
        // Two records with one id get two pages, never one overwritten.
        let mut name = review::page_name(rec.id());
        let mut n = 1;
        while !names.insert(name.clone()) {
            n += 1;
            name = review::page_name(&format!("{}~{n}", rec.id()));
        }
        fs::write(pages.join(&name), review::article_page(&rec, "../index.html"))?;
        summary.add(&rec);
        entries.push(review::index_entry(&rec, name));
        Ok(())
    })
    .and_then(|_| fs::write(dir.join("index.html"), review::index_page(&entries)))
    .and_then(|()| fs::write(dir.join("summary.html"), summary.page()))
    .and_then(|()| fs::write(dir.join("style.css"), review::STYLE_CSS));
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(e) => return Err(format!("cannot write the site: {e}")),
    }
    if errors + redirects + unreadable > 0 {
        eprintln!(
            "wikianno: review: {} page(s); no page for {errors} error record(s), {redirects} redirect(s), {unreadable} unreadable line(s)",
            entries.len()
        );
    }
    Ok(if errors > 0 { EXIT_ERRORS } else { EXIT_OK })
}
