//! `wikianno validate`: infobox verdicts as a table (or JSON), and an exit status.

use std::io::{self, BufWriter, Write};

use clap::{Args, ValueEnum};
use serde_json::json;
use wikianno::{infobox::Status, AnnotatedArticle, CharIndex, InputError, Record};

use super::{annotate::open_inputs, PipelineArgs, EXIT_ERRORS, EXIT_OK};

/// Output format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// A readable table per article.
    Table,
    /// One JSON document: articles with their checks, and a summary.
    Json,
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Also fail (exit 1) when a check is unsupported.
    #[arg(long)]
    pub strict: bool,
}

/// Counts per status over the run.
#[derive(Default)]
struct Summary {
    articles: usize,
    with_infobox: usize,
    errors: usize,
    counts: [usize; 4],
}

const STATUSES: [Status; 4] =
    [Status::Supported, Status::Unsupported, Status::Contradicted, Status::Unchecked];

impl Summary {
    fn add(&mut self, a: &AnnotatedArticle) {
        self.articles += 1;
        if let Some(report) = &a.infobox {
            self.with_infobox += 1;
            for (i, s) in STATUSES.iter().enumerate() {
                self.counts[i] += report.count(*s);
            }
        }
    }

    fn line(&self) -> String {
        format!(
            "{} articles ({} with an infobox, {} errors): {} supported, {} unsupported, {} contradicted, {} unchecked",
            self.articles, self.with_infobox, self.errors, self.counts[0], self.counts[1], self.counts[2], self.counts[3]
        )
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "articles": self.articles, "with_infobox": self.with_infobox, "errors": self.errors,
            "supported": self.counts[0], "unsupported": self.counts[1],
            "contradicted": self.counts[2], "unchecked": self.counts[3],
        })
    }
}

/// Shorten `s` to `n` chars for a table cell, on one line.
fn cell(s: &str, n: usize) -> String {
    let one: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if one.chars().count() <= n {
        one
    } else {
        let mut t: String = one.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn pad(s: &str, n: usize) -> String {
    let len = s.chars().count();
    format!("{s}{}", " ".repeat(n.saturating_sub(len)))
}

fn write_table(out: &mut dyn Write, a: &AnnotatedArticle) -> io::Result<()> {
    let text = &a.article.text;
    writeln!(out, "== {} ({})", a.article.title, a.article.origin)?;
    let Some(report) = &a.infobox else {
        return writeln!(out, "   no infobox\n");
    };
    let rows: Vec<[String; 5]> = report
        .checks
        .iter()
        .map(|c| {
            let evidence: Vec<String> =
                c.evidence.iter().map(|e| format!("{:?}", e.slice(text))).collect();
            [
                cell(&c.field, 14),
                cell(&c.value, 32),
                c.status.as_str().to_string(),
                cell(&evidence.join(" "), 40),
                c.message.clone(),
            ]
        })
        .collect();
    let header = ["field", "value", "status", "evidence", "message"];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter().map(|r| r[i].chars().count()).chain([header[i].len()]).max().unwrap_or(0)
        })
        .collect();
    let line = |cols: [&str; 5]| -> String {
        let mut s = String::from("   ");
        for (i, c) in cols.iter().enumerate() {
            if i < 4 {
                s.push_str(&pad(c, widths[i]));
                s.push_str("  ");
            } else {
                s.push_str(c);
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header))?;
    for r in &rows {
        writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3], &r[4]]))?;
    }
    for d in &a.diagnostics {
        let at = d.span.map_or(String::new(), |s| format!(" at {:?}", s.slice(text)));
        writeln!(out, "   diagnostic {}{at}: {}", d.kind, d.message)?;
    }
    writeln!(out)
}

fn article_json(a: &AnnotatedArticle) -> serde_json::Value {
    let text = &a.article.text;
    let index = CharIndex::new(text);
    let span = |s: wikianno::Span| {
        let (start, end) = index.chars(s);
        json!({"start": start, "end": end, "text": s.slice(text)})
    };
    let checks: Vec<serde_json::Value> = a.infobox.iter().flat_map(|r| r.checks.iter()).map(|c| {
        let (start, end) = index.chars(c.span);
        let mut v = json!({
            "field": c.field, "value": c.value, "start": start, "end": end, "status": c.status.as_str(),
            "evidence": c.evidence.iter().map(|e| span(*e)).collect::<Vec<_>>(), "message": c.message,
        });
        if let Some(n) = &c.normalized {
            v["normalized"] = json!(n);
        }
        if let Some(side) = c.side {
            v["side"] = json!(side);
        }
        v
    }).collect();
    let diagnostics: Vec<serde_json::Value> = a
        .diagnostics
        .iter()
        .map(|d| {
            let mut v = json!({"kind": d.kind, "message": d.message});
            if let Some(s) = d.span {
                let (start, end) = index.chars(s);
                v["start"] = json!(start);
                v["end"] = json!(end);
            }
            v
        })
        .collect();
    json!({
        "id": a.article.id, "title": a.article.title, "source": a.article.origin,
        "infobox": a.infobox.as_ref().and_then(|r| r.kind).map(|k| k.as_str()), "checks": checks, "diagnostics": diagnostics,
    })
}

pub fn run(args: &ValidateArgs) -> Result<i32, String> {
    let pipeline = args.pipeline.pipeline()?;
    let inputs = open_inputs(&args.pipeline)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut articles = Vec::new();
    let result = pipeline.run(inputs, |record| -> io::Result<()> {
        match record {
            Record::Article(a) => {
                summary.add(&a);
                match args.format {
                    Format::Table => write_table(&mut out, &a)?,
                    Format::Json => articles.push(article_json(&a)),
                }
            }
            Record::Error(InputError { origin, message }) => {
                summary.errors += 1;
                eprintln!("wikianno: {origin}: {message}");
            }
            Record::Redirect(_) => {}
        }
        Ok(())
    });
    let result = result.and_then(|()| match args.format {
        Format::Table => writeln!(out, "{}", summary.line()),
        Format::Json => {
            let doc = json!({"articles": articles, "summary": summary.json()});
            writeln!(out, "{}", serde_json::to_string_pretty(&doc).unwrap_or_default())
        }
    });
    match result.and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(format!("cannot write output: {e}")),
    }
    let failed =
        summary.counts[2] > 0 || (args.strict && summary.counts[1] > 0) || summary.errors > 0;
    Ok(if failed { EXIT_ERRORS } else { EXIT_OK })
}
