//! `wikianno index DUMP... -o DIR`: build the entity index (pass 1 of a two-pass run).

use std::{path::PathBuf, time::Instant};

use clap::Args;
use rayon::prelude::*;
use wikianno::{index::IndexBuilder, source, Article, Pipeline, SourceItem};

use super::EXIT_OK;

#[derive(Args, Debug)]
pub struct IndexArgs {
    /// MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz), files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The index folder to write (created if needed).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Print a one-line summary to stderr at the end.
    #[arg(long)]
    pub stats: bool,
}

/// Pages parsed per parallel batch: bounds memory whatever the dump's size.
const BATCH: usize = 256;

/// Read every input in batches, parse the pages on all cores, and hand each batch to `sink`
/// with the redirects seen.
fn for_batches(
    paths: &[PathBuf],
    parser: &Pipeline,
    mut sink: impl FnMut(Vec<(Article, String)>, Vec<(String, String)>),
) -> Result<(), String> {
    let files = source::expand_paths(paths).map_err(|e| e.to_string())?;
    let mut items = source::Inputs::new(files);
    loop {
        let batch: Vec<SourceItem> = items.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return Ok(());
        }
        let mut redirects = Vec::new();
        let mut raws = Vec::new();
        for item in batch {
            match item {
                SourceItem::Article(raw) => raws.push(raw),
                SourceItem::Redirect(r) => redirects.push((r.from, r.to)),
                SourceItem::Error(e) => eprintln!("wikianno index: {}: {}", e.origin, e.message),
            }
        }
        let pages: Vec<(Article, String)> = raws
            .into_par_iter()
            .map(|raw| {
                let wikitext = raw.text.clone();
                (parser.parse(raw), wikitext)
            })
            .collect();
        sink(pages, redirects);
    }
}

pub fn run(args: &IndexArgs) -> Result<i32, String> {
    let started = Instant::now();
    let mut builder = Pipeline::builder();
    if let Some(n) = args.jobs {
        builder.threads(n);
    }
    let parser = builder.build().map_err(|e| e.to_string())?;
    let run = || -> Result<IndexBuilder, String> {
        let mut index = IndexBuilder::new();
        let mut pages_seen = 0usize;
        for_batches(&args.paths, &parser, |pages, redirects| {
            for (from, to) in redirects {
                index.add_redirect(&from, &to);
            }
            for (article, wikitext) in &pages {
                index.add_page(article, wikitext);
            }
            pages_seen += pages.len();
        })?;
        // Pass 2: how often each anchor occurs in text, linked or not.
        let matcher = index.occurrence_matcher().map_err(|e| e.to_string())?;
        for_batches(&args.paths, &parser, |pages, _| {
            let found: Vec<Vec<u32>> = pages
                .par_iter()
                .map(|(a, _)| IndexBuilder::occurrences_in(&matcher, &a.text))
                .collect();
            for ids in found {
                index.add_occurrences(&ids);
            }
        })?;
        if args.stats {
            eprintln!("pages: {pages_seen}");
        }
        Ok(index)
    };
    let index = match args.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| e.to_string())?
            .install(run)?,
        None => run()?,
    }
    .finish();
    index.write(&args.output).map_err(|e| e.to_string())?;
    if args.stats {
        eprintln!(
            "index: {} titles, {} redirects, {} anchors, {:.2} s",
            index.titles_len(),
            index.redirects_len(),
            index.anchors().len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(EXIT_OK)
}
