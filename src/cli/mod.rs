//! Command-line parsing (clap) and the subcommands. Nothing here is library API.

mod aliases;
mod annotate;
mod eval_entities;
mod eval_events;
mod eval_timex;
mod export;
mod graph;
mod index;
mod review;
mod split;
mod validate;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use wikianno::{ErrorKind, Pipeline, PipelineBuilder};

/// Exit status: every article processed.
pub const EXIT_OK: i32 = 0;
/// Exit status: some input yielded error records (or, for validate, a contradiction).
pub const EXIT_ERRORS: i32 = 1;
/// Exit status: usage or setup error.
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser)]
#[command(
    name = "wikianno",
    version,
    about = "Annotate wiki articles: entities, dates, events, infobox checks; NDJSON and JSON-LD out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate articles and write one NDJSON record per article.
    Annotate(annotate::AnnotateArgs),
    /// Check every infobox item against its article's body; a table (or JSON) of verdicts.
    Validate(validate::ValidateArgs),
    /// Write one JSON-LD document for all articles: entities merged, articles linked.
    Graph(graph::GraphArgs),
    /// Score the temporal tagger on TimeML gold files (TempEval-3 metrics).
    EvalTimex(eval_timex::EvalTimexArgs),
    /// Score the entity stage on Wiki-Fair (with links and plain text) and wikigold.
    EvalEntities(eval_entities::EvalEntitiesArgs),
    /// Build an entity index from dumps: typed titles, redirects, anchor statistics.
    Index(index::IndexArgs),
    /// Score event mentions or frame triggers on TimeML (TempEval-3 task B) and brat (SW100) gold.
    EvalEvents(eval_events::EvalEventsArgs),
    /// Turn dump redirects into gazetteer rows (alias -> the target's label and id).
    Aliases(aliases::AliasesArgs),
    /// Export records as CoNLL, spaCy JSONL, brat standoff, N-Triples or Turtle.
    Export(export::ExportArgs),
    /// Write a static, offline HTML site to look at annotated articles.
    Review(review::ReviewArgs),
    /// Print balanced byte ranges of a multistream .bz2 dump, at stream boundaries.
    Split(split::SplitArgs),
}

/// Options shared by every command that runs the pipeline.
#[derive(Args, Debug, Clone, Default)]
pub struct PipelineArgs {
    /// Files, folders (recursive), `-` for stdin, or MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz).
    /// Default: the shipped corpus/.
    pub paths: Vec<PathBuf>,
    /// Extra gazetteer file or folder (repeatable); added after the shipped gazetteers
    /// (the curated lists, compiled in, and gazetteers/general/, found through
    /// $WIKIANNO_GAZETTEERS, next to the binary, in <prefix>/share/wikianno/, or in ./).
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Do not load the shipped gazetteers (curated or general).
    #[arg(long)]
    pub no_default_gazetteers: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Anchor relative dates to this document creation time (news mode, YYYY-MM-DD)
    /// instead of the article's own narrative.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub dct: Option<String>,
    /// Cap on one article (dump page wikitext or wiki-style article), in bytes; a larger
    /// one becomes an error record and its text is skipped unread into memory.
    #[arg(long, value_name = "BYTES", default_value_t = wikianno::source::MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// An entity index written by `wikianno index`: types link targets, tags names the dump
    /// links often.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

impl PipelineArgs {
    /// Build the pipeline these options describe.
    pub fn pipeline(&self) -> Result<Pipeline, String> {
        let mut builder = PipelineBuilder::default();
        if !self.no_default_gazetteers {
            match wikianno::gazetteer::locate_general() {
                Ok(dir) => builder.shipped_gazetteers_in(dir),
                // The curated lists are compiled in: the run goes on without the general ones.
                Err(e) if matches!(e.kind(), ErrorKind::NotFound { .. }) => {
                    eprintln!("wikianno: warning: {e}; using the curated gazetteers only");
                    builder.curated_gazetteers()
                }
                Err(e) => return Err(e.to_string()),
            };
        }
        if let Some(dir) = wikianno::gazetteer::default_cache_dir() {
            builder.gazetteer_cache(dir);
        }
        if let Some(n) = self.jobs {
            builder.threads(n);
        }
        for g in &self.gazetteers {
            builder.gazetteer(g);
        }
        if let Some(dir) = &self.index {
            builder.entity_index(dir);
        }
        if let Some(d) = &self.dct {
            let reference = wikianno::temporal::Reference::document_date(d)
                .ok_or_else(|| format!("--dct {d}: expected YYYY-MM-DD"))?;
            builder.document_date(reference);
        }
        builder.build().map_err(|e| e.to_string())
    }

    /// The input paths, or the shipped corpus when none is given.
    pub fn inputs(&self) -> Result<Vec<PathBuf>, String> {
        if !self.paths.is_empty() {
            return Ok(self.paths.clone());
        }
        let candidates =
            [PathBuf::from("corpus"), PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")];
        candidates
            .into_iter()
            .find(|p| p.is_dir())
            .map(|p| vec![p])
            .ok_or_else(|| "no PATH given and no corpus/ folder found".to_string())
    }
}

/// Parse the command line and run; returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Annotate(args) => annotate::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::EvalTimex(args) => eval_timex::run(&args),
        Command::EvalEntities(args) => eval_entities::run(&args),
        Command::EvalEvents(args) => {
            PipelineArgs::default().pipeline().and_then(|p| eval_events::run(&args, &p))
        }
        Command::Aliases(args) => aliases::run(&args),
        Command::Index(args) => index::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Split(args) => split::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wikianno: {message}");
            EXIT_USAGE
        }
    }
}
