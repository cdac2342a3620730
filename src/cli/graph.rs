//! `wikianno graph`: one JSON-LD document for all the articles.

use std::{io, path::PathBuf, time::Instant};

use clap::Args;
use wikianno::{output::graph::GraphBuilder, InputError, Record};

use super::{
    annotate::{conclude, open_inputs, Output, Stats},
    PipelineArgs,
};

#[derive(Args, Debug)]
pub struct GraphArgs {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Write to FILE instead of stdout (written to FILE.tmp, renamed when complete).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print a one-line summary to stderr at the end.
    #[arg(long)]
    pub stats: bool,
}

pub fn run(args: &GraphArgs) -> Result<i32, String> {
    let started = Instant::now();
    let pipeline = args.pipeline.pipeline()?;
    let inputs = open_inputs(&args.pipeline)?;
    let input = inputs.progress();
    let mut stats = Stats::default();
    let mut graph = GraphBuilder::new();
    let _ = pipeline.run(inputs, |record| -> Result<(), ()> {
        stats.count(&record);
        match &record {
            Record::Article(a) => graph.add(a),
            Record::Error(InputError { origin, message, .. }) => {
                eprintln!("wikianno: {origin}: {message}")
            }
            Record::Redirect(_) => {}
        }
        Ok(())
    });
    let (document, diagnostics) = graph.finish();
    for d in &diagnostics {
        eprintln!("wikianno: {}: {}", d.kind, d.message);
    }
    let mut out = Output::open(args.output.as_deref())?;
    let written = serde_json::to_writer_pretty(out.writer(), &document)
        .map_err(io::Error::from)
        .and_then(|()| out.writer().write_all(b"\n"));
    let written = out.close(written);
    conclude(written, &stats, args.stats, started, &input)
}
