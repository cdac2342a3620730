//! `wikianno aliases`: turn the redirect pages of dumps into gazetteer rows.
//!
//! A redirect says "From" is another name of "To". When "To" is an entity of the loaded
//! gazetteers (matched by id: the title with underscores), the row takes its label and
//! id; other targets are skipped, or kept with `--unknown-label LABEL`. The output is a
//! gazetteer TSV file that `annotate --gazetteer FILE` reads back.

use std::{collections::HashMap, path::PathBuf, time::Instant};

use clap::Args;
use wikianno::{article::title_to_id, InputError, Label, Redirect, SourceItem};

use super::{
    annotate::{conclude, open_inputs, Counted, Output, Stats},
    PipelineArgs,
};

#[derive(Args, Debug)]
pub struct AliasesArgs {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Write to FILE instead of stdout (written to FILE.tmp, renamed when complete).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep redirects to targets the gazetteers do not know, with this label
    /// (UNKNOWN says the type is not known).
    #[arg(long, value_name = "LABEL")]
    pub unknown_label: Option<Label>,
    /// Print a one-line summary to stderr at the end.
    #[arg(long)]
    pub stats: bool,
}

pub fn run(args: &AliasesArgs) -> Result<i32, String> {
    let started = Instant::now();
    let pipeline = args.pipeline.pipeline()?;
    let label_of: HashMap<&str, Label> =
        pipeline.gazetteer().entries().iter().map(|e| (&*e.id, e.label)).collect();
    let inputs = open_inputs(&args.pipeline)?;
    let input = inputs.progress();
    let mut out = Output::open(args.output.as_deref())?;
    let mut stats = Stats::default();
    let (mut kept, mut skipped) = (0usize, 0usize);
    let mut written = writeln!(
        out.writer(),
        "# surface\tlabel\tid\tkind (written by `wikianno aliases` from dump redirects)"
    );
    for item in inputs {
        match item {
            SourceItem::Redirect(Redirect { from, to, .. }) => {
                stats.add(Counted::Redirect);
                let id = title_to_id(&to);
                let label = label_of.get(id.as_str()).copied().or(args.unknown_label);
                // A surface must not hold the TSV separators.
                let clean = !from.contains(['\t', '\n', '\r']) && !from.trim().is_empty();
                match label {
                    Some(label) if clean && written.is_ok() => {
                        kept += 1;
                        written = writeln!(out.writer(), "{from}\t{label}\t{id}\tredirect");
                    }
                    _ => skipped += 1,
                }
            }
            // Articles are counted, not annotated: only redirects matter here.
            SourceItem::Article(raw) => stats.add(Counted::Article(raw.text.len())),
            SourceItem::Error(InputError { origin, message, .. }) => {
                eprintln!("wikianno: {origin}: {message}");
                stats.add(Counted::Error);
            }
        }
    }
    if args.stats {
        eprintln!("wikianno: {kept} alias rows written, {skipped} redirects skipped (target unknown or unusable title)");
    }
    conclude(out.close(written), &stats, args.stats, started, &input)
}
