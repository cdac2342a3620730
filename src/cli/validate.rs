//! `wikianno validate`: infobox verdicts as a table (or JSON), and an exit status.

use std::io::{self, BufWriter, Write};

use clap::{Args, ValueEnum};
use serde_json::json;
use wikianno::{
    infobox::{Status, Tally, ValidationSummary, STATUSES},
    AnnotatedArticle, CharIndex, InputError, Record,
};

use super::{annotate::open_inputs, PipelineArgs, EXIT_ERRORS, EXIT_OK};

/// Output format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// A readable table per article.
    Table,
    /// One JSON document: articles with their checks, and a summary.
    Json,
    /// CSV: one row per check, or with `--summary` one row per template.
    Csv,
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
    /// Print only the run's summary: per template (items, share checked, verdicts),
    /// coverage per value family, and the contradicted facts.
    #[arg(long)]
    pub summary: bool,
}

/// The run's figures: the library's summary plus unreadable inputs.
#[derive(Default)]
struct Summary {
    checks: ValidationSummary,
    errors: usize,
}

impl Summary {
    fn count(&self, status: Status) -> usize {
        self.checks.total.counts[STATUSES.iter().position(|s| *s == status).unwrap_or(3)]
    }

    fn line(&self) -> String {
        let c = &self.checks;
        let [s, u, x, n] = c.total.counts;
        format!(
            "{} articles ({} with an infobox, {} errors): {s} supported, {u} unsupported, {x} contradicted, {n} unchecked",
            c.articles, c.with_infobox, self.errors
        )
    }

    fn json(&self) -> serde_json::Value {
        let c = &self.checks;
        let tally = |t: &Tally| {
            json!({
                "items": t.items(), "supported": t.counts[0], "unsupported": t.counts[1],
                "contradicted": t.counts[2], "unchecked": t.counts[3],
                "counted": t.counted, "counted_checked": t.counted_checked,
                "coverage": t.coverage(),
            })
        };
        let templates: serde_json::Map<String, serde_json::Value> =
            c.templates.iter().map(|(k, t)| (k.clone(), tally(t))).collect();
        let families: serde_json::Map<String, serde_json::Value> =
            c.families.iter().map(|(k, t)| (k.to_string(), tally(t))).collect();
        let contradicted: Vec<serde_json::Value> = c
            .contradicted
            .iter()
            .map(|f| {
                json!({"article": f.article, "template": f.template, "field": f.field,
                       "value": f.value, "evidence": f.evidence, "message": f.message})
            })
            .collect();
        json!({
            "articles": c.articles, "with_infobox": c.with_infobox, "errors": self.errors,
            "supported": c.total.counts[0], "unsupported": c.total.counts[1],
            "contradicted": c.total.counts[2], "unchecked": c.total.counts[3],
            "coverage": c.total.coverage(), "families": families, "templates": templates,
            "contradicted_facts": contradicted,
        })
    }

    /// Per-template table, coverage per value family, and the contradicted facts.
    fn write_table(&self, out: &mut dyn Write) -> io::Result<()> {
        let c = &self.checks;
        let header = [
            "template",
            "items",
            "counted",
            "coverage",
            "supported",
            "unsupported",
            "contradicted",
            "unchecked",
        ];
        let row = |name: &str, t: &Tally| -> Vec<String> {
            let mut r = vec![
                name.to_string(),
                t.items().to_string(),
                t.counted.to_string(),
                format!("{:.1}%", 100.0 * t.coverage()),
            ];
            r.extend(t.counts.iter().map(usize::to_string));
            r
        };
        let mut rows: Vec<Vec<String>> =
            c.templates.iter().map(|(k, t)| row(&cell(k, 30), t)).collect();
        rows.push(row("(all)", &c.total));
        rows.extend(c.families.iter().map(|(k, t)| row(&format!("(every {k} value)"), t)));
        let widths: Vec<usize> = (0..header.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([header[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cols: &[String]| -> String {
            let cells: Vec<String> = cols.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
            cells.join("  ").trim_end().to_string()
        };
        writeln!(out, "{}", line(&header.map(String::from)))?;
        for r in &rows {
            writeln!(out, "{}", line(r))?;
        }
        writeln!(out, "\ncontradicted facts ({}):", c.contradicted.len())?;
        for f in &c.contradicted {
            writeln!(
                out,
                "   {} [{}] {} = {:?}; body: {}; {}",
                f.article,
                f.template,
                f.field,
                f.value,
                f.evidence.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join(" "),
                f.message
            )?;
        }
        Ok(())
    }

    /// One CSV row per template (and the totals).
    fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "template,items,counted,counted_checked,coverage,supported,unsupported,contradicted,unchecked")?;
        let c = &self.checks;
        let rows = c
            .templates
            .iter()
            .map(|(k, t)| (k.clone(), t))
            .chain([("(all)".to_string(), &c.total)]);
        for (name, t) in rows {
            let [s, u, x, n] = t.counts;
            writeln!(
                out,
                "{},{},{},{},{:.4},{s},{u},{x},{n}",
                csv_field(&name),
                t.items(),
                t.counted,
                t.counted_checked,
                t.coverage()
            )?;
        }
        Ok(())
    }
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV row per check.
fn write_csv_checks(out: &mut dyn Write, a: &AnnotatedArticle) -> io::Result<()> {
    let Some(report) = &a.infobox else { return Ok(()) };
    let text = &a.article.text;
    let template = a.article.infobox.as_ref().and_then(|b| b.template.clone()).unwrap_or_default();
    for c in &report.checks {
        let evidence: Vec<&str> = c.evidence.iter().map(|e| e.slice(text)).collect();
        let fields = [
            a.article.title.as_str(),
            template.as_str(),
            c.field.as_str(),
            c.value.as_str(),
            c.value_kind.map_or("", |k| k.as_str()),
            c.status.as_str(),
            c.normalized.as_deref().unwrap_or(""),
            &evidence.join(" | "),
            c.message.as_str(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
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
        if let Some(kind) = c.value_kind {
            v["value_kind"] = json!(kind.as_str());
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
    if matches!(args.format, Format::Csv) && !args.summary {
        writeln!(out, "article,template,field,value,value_kind,status,normalized,evidence,message")
            .map_err(|e| format!("cannot write output: {e}"))?;
    }
    let result = pipeline.run(inputs, |record| -> io::Result<()> {
        match record {
            Record::Article(a) => {
                summary.checks.add(&a);
                match args.format {
                    _ if args.summary => {}
                    Format::Table => write_table(&mut out, &a)?,
                    Format::Json => articles.push(article_json(&a)),
                    Format::Csv => write_csv_checks(&mut out, &a)?,
                }
            }
            Record::Error(InputError { origin, message, .. }) => {
                summary.errors += 1;
                eprintln!("wikianno: {origin}: {message}");
            }
            Record::Redirect(_) => {}
        }
        Ok(())
    });
    summary.checks.finish();
    let result = result.and_then(|()| match args.format {
        Format::Table => {
            summary.write_table(&mut out)?;
            writeln!(out, "{}", summary.line())
        }
        Format::Csv if args.summary => summary.write_csv(&mut out),
        Format::Csv => Ok(()),
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
    let failed = summary.count(Status::Contradicted) > 0
        || (args.strict && summary.count(Status::Unsupported) > 0)
        || summary.errors > 0;
    Ok(if failed { EXIT_ERRORS } else { EXIT_OK })
}
