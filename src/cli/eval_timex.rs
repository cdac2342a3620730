//! `wikianno eval-timex`: score the temporal tagger on TimeML gold files, TempEval-3 style.

use std::{
    fs,
    path::{Path, PathBuf},
};

use clap::Args;
use wikianno::{
    eval::{error_classes, parse_timeml, score_document, strict_errors, Scores},
    temporal::{Convention, Reference, TemporalTagger},
};

use super::EXIT_OK;

#[derive(Args, Debug)]
pub struct EvalTimexArgs {
    /// TimeML files or folders of `*.tml` files (repeatable; folders are not recursive).
    #[arg(long, value_name = "PATH", required = true, num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Anchor to a document creation time (news mode): `YYYY-MM-DD`, or `doc` for each
    /// file's own `<DCT>`. Default: narrative mode.
    #[arg(long, value_name = "DATE|doc")]
    pub dct: Option<String>,
    /// Annotation guidelines of the gold data: `timeml` (TempEval-3) or `timex2`
    /// (WikiWars, which marks "former" / "future" / "current" before a noun).
    #[arg(long, value_enum, default_value = "timeml")]
    pub convention: ConventionArg,
    /// Print one line of scores per document.
    #[arg(long)]
    pub per_doc: bool,
    /// Print every miss, spurious timex and wrong value (tab-separated) for error analysis.
    #[arg(long)]
    pub errors: bool,
    /// Print the strict (span-boundary) errors by class, most frequent first, with a
    /// count and one example each.
    #[arg(long)]
    pub error_classes: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ConventionArg {
    /// TimeML / TIMEX3.
    Timeml,
    /// TIMEX2.
    Timex2,
}

fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = fs::read_dir(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "tml"))
                .collect();
            found.sort();
            out.extend(found);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    if out.is_empty() {
        return Err("no .tml file found under --gold".into());
    }
    Ok(out)
}

fn name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn line(label: &str, s: &Scores) -> String {
    format!(
        "{label:<34} {}  {:.3} {:.3}  {:.3}",
        s.spans.columns(),
        s.type_accuracy(),
        s.value_accuracy(),
        s.value_f1()
    )
}

pub fn run(args: &EvalTimexArgs) -> Result<i32, String> {
    let fixed = match args.dct.as_deref() {
        None | Some("doc") => None,
        Some(d) => Some(
            Reference::document_date(d)
                .ok_or_else(|| format!("--dct {d}: expected YYYY-MM-DD or doc"))?,
        ),
    };
    let tagger = TemporalTagger::new().with_convention(match args.convention {
        ConventionArg::Timeml => Convention::TimeMl,
        ConventionArg::Timex2 => Convention::Timex2,
    });
    let mut total = Scores::default();
    let mut strict = Vec::new();
    println!(
        "{:<34} {:>5} {:>5}  {:<17}  {:<17}  {:<11}  value-F1",
        "document", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "type value"
    );
    for path in files(&args.gold)? {
        let xml = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = parse_timeml(&name(&path), &xml).map_err(|e| e.to_string())?;
        let reference = match (fixed, args.dct.as_deref()) {
            (Some(r), _) => r,
            (None, Some("doc")) => doc
                .dct
                .as_deref()
                .and_then(Reference::document_date)
                .ok_or_else(|| format!("{}: no usable <DCT> for --dct doc", path.display()))?,
            _ => Reference::Narrative,
        };
        let predicted = tagger.tag_text(&doc.text, reference);
        let scores = score_document(&doc, &predicted);
        if args.error_classes {
            strict.extend(strict_errors(&doc, &predicted));
        }
        if args.per_doc {
            println!("{}", line(&doc.name, &scores));
        }
        total.add(&scores);
    }
    println!("{}", line("ALL", &total));
    if args.errors {
        for e in &total.errors {
            println!("{e}");
        }
    }
    if args.error_classes {
        println!(
            "strict errors by class ({} in all): count, kind, shape, first example",
            strict.len()
        );
        for (count, kind, shape, example) in error_classes(&strict) {
            println!("{count:>4}  {kind:<14}  {shape:<28}  {example}");
        }
    }
    Ok(EXIT_OK)
}
