//! `wikianno eval-entities`: score the entity stage on Wiki-Fair (with the article's
//! links, and as plain text) and on wikigold.

use std::{fs, path::PathBuf};

use clap::Args;
use wikianno::{
    eval::{parse_conll_io, parse_wikifair_line, score_conll, score_entities, EntityScores},
    Article, Label, Pipeline, Span,
};

use super::{PipelineArgs, EXIT_OK};

#[derive(Args, Debug)]
pub struct EvalEntitiesArgs {
    /// Wiki-Fair JSONL (`wiki-fair.benchmark.jsonl`), scored with links and as plain text.
    #[arg(long, value_name = "FILE")]
    pub wikifair: Option<PathBuf>,
    /// wikigold CoNLL file (`wikigold.conll.txt`), scored as plain text.
    #[arg(long, value_name = "FILE")]
    pub wikigold: Option<PathBuf>,
    /// Print every miss, spurious mention and wrong type for error analysis, tab-separated:
    /// setting, document, byte offset, kind, text, predicted label, gold labels.
    #[arg(long)]
    pub errors: bool,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// An article holding `text`, its title and, when given, its links as exact mentions. Its
/// paragraphs are the blocks between blank lines after the first line (the title), as the
/// parser gives them on a dump page.
fn article(title: &str, text: &str, links: &[(Span, String)]) -> Article {
    let mut article = Article::new(title, text);
    let body = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut at = body;
    for block in text[body..].split("\n\n") {
        let lead = block.len() - block.trim_start().len();
        let trimmed = block.trim();
        if !trimmed.is_empty() {
            article.paragraphs.push(Span::new(at + lead, at + lead + trimmed.len()));
        }
        at += block.len() + 2;
    }
    article.links = links
        .iter()
        .map(|(span, target)| wikianno::article::Link::new(target.clone(), *span))
        .collect();
    article
}

fn mentions(pipeline: &Pipeline, article: Article) -> Vec<(Span, Label)> {
    pipeline.annotate_article(article).entities.into_iter().map(|m| (m.span, m.label)).collect()
}

fn line(name: &str, s: &EntityScores) -> String {
    let (m, t) = (s.mentions(), s.typed());
    format!(
        "{name:<22} {:>5} {:>5}  {:.3} {:.3} {:.3}  {:.3} {:.3} {:.3}  {:.3}",
        s.gold,
        s.predicted,
        m.precision,
        m.recall,
        m.f1,
        t.precision,
        t.recall,
        t.f1,
        s.typed_strict().f1
    )
}

fn print_errors(name: &str, s: &EntityScores) {
    for e in &s.errors {
        let gold: Vec<&str> = e.gold.iter().map(|l| l.as_str()).collect();
        println!(
            "{name}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.doc,
            e.span.start,
            e.kind,
            e.text,
            e.predicted.map_or("-", Label::as_str),
            if gold.is_empty() { "-".to_string() } else { gold.join("|") }
        );
    }
}

pub fn run(args: &EvalEntitiesArgs) -> Result<i32, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let (wikifair, wikigold) = match (&args.wikifair, &args.wikigold) {
        (None, None) => (
            Some(root.join("wikifair-v1/wiki-fair.benchmark.jsonl")),
            Some(root.join("wikigold/wikigold.conll.txt")),
        ),
        (f, g) => (f.clone(), g.clone()),
    };
    let pipeline = args.pipeline.pipeline()?;
    println!(
        "{:<22} {:>5} {:>5}  {:<17}  {:<17}  typed F1, UNKNOWN wrong",
        "setting", "gold", "pred", "mention P/R/F1", "typed P/R/F1"
    );
    let mut reports: Vec<(&str, EntityScores)> = Vec::new();
    if let Some(path) = wikifair {
        let data = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (mut linked, mut plain) = (EntityScores::default(), EntityScores::default());
        for (n, text) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let doc = parse_wikifair_line(text)
                .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            let with_links = mentions(&pipeline, article(&doc.title, &doc.text, &doc.links));
            linked.add(&score_entities(&doc, &with_links));
            let bare = mentions(&pipeline, article(&doc.title, &doc.text, &[]));
            plain.add(&score_entities(&doc, &bare));
        }
        reports.push(("wikifair-v1 links", linked));
        reports.push(("wikifair-v1 plain", plain));
    }
    if let Some(path) = wikigold {
        let data = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut total = EntityScores::default();
        for (i, doc) in parse_conll_io(&data).iter().enumerate() {
            // wikigold documents carry no title: the numbered name only labels errors.
            let predicted = mentions(&pipeline, article(&format!("wikigold-{i}"), &doc.text, &[]));
            total.add(&score_conll(doc, &predicted));
        }
        reports.push(("wikigold plain", total));
    }
    for (name, s) in &reports {
        println!("{}", line(name, s));
    }
    if args.errors {
        for (name, s) in &reports {
            print_errors(name, s);
        }
    }
    Ok(EXIT_OK)
}
