//! `wikianno split`: balanced byte ranges of a multistream `.bz2` dump, at stream
//! boundaries, one `START:END` line each, for `annotate --byte-range`.

use std::path::PathBuf;

use clap::Args;
use wikianno::source::multistream;

use super::EXIT_OK;

#[derive(Args, Debug)]
pub struct SplitArgs {
    /// A multistream `.bz2` dump (`…-pages-articles-multistream.xml.bz2`).
    pub dump: PathBuf,
    /// The dump's index (`…-multistream-index.txt.bz2`); without it the dump is scanned
    /// for stream headers.
    #[arg(long, value_name = "INDEX")]
    pub index: Option<PathBuf>,
    /// How many ranges (fewer when the dump has fewer streams).
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub parts: u32,
}

pub fn run(args: &SplitArgs) -> Result<i32, String> {
    let ranges = multistream::split(&args.dump, args.index.as_deref(), args.parts as usize)
        .map_err(|e| e.to_string())?;
    for range in ranges {
        println!("{range}");
    }
    Ok(EXIT_OK)
}
