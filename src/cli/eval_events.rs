//! `wikianno eval-events`: score event mentions (or frame triggers) on TimeML gold files
//! (TempEval-3 task B spans and classes) and on brat standoff folders (SW100 triggers).

use std::{
    fs,
    path::{Path, PathBuf},
};

use clap::{Args, ValueEnum};
use wikianno::{
    eval::{parse_brat, parse_timeml, score_mentions, GoldEvent, MentionScores},
    events::{EventClass, EventMention},
    Pipeline, RawArticle,
};

use super::EXIT_OK;

#[derive(Args, Debug)]
pub struct EvalEventsArgs {
    /// TimeML files or folders of `*.tml` files (repeatable; folders are not recursive).
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub timeml: Vec<PathBuf>,
    /// Folders of brat standoff pairs (`X.txt` + `X.ann`, searched recursively), e.g. SW100.
    #[arg(long, value_name = "DIR", num_args = 1..)]
    pub brat: Vec<PathBuf>,
    /// What to score: the `event_mentions` layer, or the triggers of the typed frames.
    #[arg(long, value_enum, default_value_t = System::Mentions)]
    pub system: System,
    /// Print one line of scores per document.
    #[arg(long)]
    pub per_doc: bool,
    /// Print every miss, spurious mention, mention of another extent (SPAN) and wrong
    /// class (tab-separated).
    #[arg(long)]
    pub errors: bool,
}

/// The layer scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum System {
    /// `event_mentions`: every event mention with its TimeML class.
    Mentions,
    /// `events`: the triggers of the typed frames (class OCCURRENCE).
    Frames,
}

fn collect(dir: &Path, ext: &str, recursive: bool, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() && recursive {
            collect(&path, ext, recursive, out)?;
        } else if path.extension().is_some_and(|x| x == ext) {
            out.push(path);
        }
    }
    Ok(())
}

fn files(paths: &[PathBuf], ext: &str, recursive: bool) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            collect(p, ext, recursive, &mut out)?;
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    out.sort();
    Ok(out)
}

fn line(label: &str, s: &MentionScores) -> String {
    format!("{label:<40} {}  {:.3}", s.spans.columns(), s.class_accuracy())
}

/// The scored layer of the pipeline's output on `text`.
fn predict(pipeline: &Pipeline, system: System, name: &str, text: &str) -> Vec<EventMention> {
    let raw = RawArticle::wiki_style(name, text);
    let annotated = pipeline.annotate(raw);
    // The parser keeps the text as is, so spans are offsets of `text`.
    debug_assert_eq!(annotated.article.text, text);
    match system {
        System::Mentions => annotated.event_mentions,
        System::Frames => {
            // TimeML and SW100 mark one word ("born"), a frame trigger may hold more ("was
            // born"); a trigger that is a word of an event's name ("Death" in "the Black
            // Death") is marked as the whole name, as the mention layer marks it: a frame
            // is scored on the event mention inside its trigger, else on the one holding
            // it, else on the trigger as written. Mentions are in text order.
            let mentions = &annotated.event_mentions;
            annotated
                .events
                .iter()
                .map(|e| {
                    let first = mentions.partition_point(|m| m.span.start < e.trigger.start);
                    let at = mentions.get(first);
                    let inside = at.filter(|m| e.trigger.contains(m.span));
                    let holding = at
                        .into_iter()
                        .chain(first.checked_sub(1).and_then(|i| mentions.get(i)))
                        .find(|m| m.span.contains(e.trigger));
                    let head = inside.or(holding).map_or(e.trigger, |m| m.span);
                    EventMention::new(head, EventClass::Occurrence)
                })
                .collect()
        }
    }
}

fn score_set(
    label: &str,
    docs: impl Iterator<Item = Result<(String, String, Vec<GoldEvent>), String>>,
    pipeline: &Pipeline,
    args: &EvalEventsArgs,
) -> Result<(), String> {
    let mut total = MentionScores::default();
    for doc in docs {
        let (name, text, gold) = doc?;
        let predicted = predict(pipeline, args.system, &name, &text);
        let scores = score_mentions(&name, &text, &gold, &predicted);
        if args.per_doc {
            println!("{}", line(&name, &scores));
        }
        total.add(&scores);
    }
    println!("{}", line(label, &total));
    if args.errors {
        for e in &total.errors {
            println!("{e}");
        }
    }
    Ok(())
}

pub fn run(args: &EvalEventsArgs, pipeline: &Pipeline) -> Result<i32, String> {
    if args.timeml.is_empty() && args.brat.is_empty() {
        return Err("give --timeml PATH and/or --brat DIR".into());
    }
    println!(
        "{:<40} {:>5} {:>5}  {:<17}  {:<17}  class",
        "set", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1"
    );
    let name =
        |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if !args.timeml.is_empty() {
        let docs = files(&args.timeml, "tml", false)?.into_iter().map(|path| {
            let xml = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let doc = parse_timeml(&name(&path), &xml).map_err(|e| e.to_string())?;
            Ok((doc.name, doc.text, doc.events))
        });
        score_set("TimeML", docs, pipeline, args)?;
    }
    if !args.brat.is_empty() {
        // A `.txt` without its `.ann` (a README) is not a document.
        let pairs = files(&args.brat, "txt", true)?;
        let docs = pairs.into_iter().filter(|p| p.with_extension("ann").is_file()).map(|path| {
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let ann_path = path.with_extension("ann");
            let ann = fs::read_to_string(&ann_path)
                .map_err(|e| format!("{}: {e}", ann_path.display()))?;
            let gold = parse_brat(&text, &ann);
            Ok((name(&path), text, gold))
        });
        score_set("brat", docs, pipeline, args)?;
    }
    Ok(EXIT_OK)
}
