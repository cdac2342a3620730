//! `wikianno index DUMP... -o DIR`: build the entity index (pass 1 of a two-pass run).

use std::{path::PathBuf, time::Instant};

use clap::Args;
use wikianno::{index::index_dumps, source};

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

pub fn run(args: &IndexArgs) -> Result<i32, String> {
    let started = Instant::now();
    let files: Vec<std::path::PathBuf> = source::expand_paths(&args.paths)
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|input| input.path)
        .collect();
    let index = match args.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| e.to_string())?
            .install(|| index_dumps(&files)),
        None => index_dumps(&files),
    }
    .map_err(|e| e.to_string())?;
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
