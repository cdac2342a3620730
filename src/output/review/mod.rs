//! The review site (`wikianno review`): static HTML that a person opens from disk.
//!
//! * `index.html`: every article with its verdict counts, most contradicted first;
//! * `summary.html`: verdicts per infobox field over all articles;
//! * `a/<name>.html`: one page per article: the text with entities highlighted by type,
//!   timexes (value on hover) and event triggers, the events in a table, and the infobox
//!   beside it with each item's verdict and its evidence linked to the spans in the text;
//! * `style.css`: the one stylesheet. No script, font or image is loaded from anywhere:
//!   the pages work offline and make no request.
//!
//! Colours are the Okabe-Ito palette (distinct for the common colour-vision
//! deficiencies) and are never the only cue: a verdict also has a symbol and a word,
//! entity types differ in underline style too, and hovering shows the type. Pages are
//! built from NDJSON records ([`RecordLine`]), so they show whatever the pipeline wrote.
//! Every highlighted annotation carries its index (`data-e`, `data-t`, `data-v`,
//! `data-k`), so a test (or a person with devtools) can count them against the record.

mod page;

use std::{collections::BTreeMap, fmt::Write as _};

pub use page::article_page;

use crate::output::export::RecordLine;

/// One article's line on the index page.
#[derive(Debug, Clone, Default)]
pub struct IndexEntry {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The page's file name inside `a/`.
    pub page: String,
    /// Checks by status: contradicted, unsupported, supported, unchecked.
    pub verdicts: [usize; 4],
    /// Entities, timexes, events.
    pub counts: [usize; 3],
}

/// The check statuses, in the order the index shows them (worst first).
pub const STATUSES: [&str; 4] = ["contradicted", "unsupported", "supported", "unchecked"];

/// The symbol shown with each status (so colour is never the only cue).
pub fn status_symbol(status: &str) -> &'static str {
    match status {
        "contradicted" => "✗",
        "unsupported" => "?",
        "supported" => "✓",
        _ => "–",
    }
}

/// A file name for an article page that is safe in a URL and on every file system:
/// ASCII letters, digits, `_`, `-` and `.` are kept, any other byte is `~XX`.
pub fn page_name(id: &str) -> String {
    let mut name = String::with_capacity(id.len() + 5);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-') || (b == b'.' && !name.is_empty())
        {
            name.push(b as char);
        } else {
            let _ = write!(name, "~{b:02X}");
        }
    }
    if name.is_empty() {
        name.push('_');
    }
    name.push_str(".html");
    name
}

/// Escape text for HTML content and attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The index line of a record (call for article records only).
pub fn index_entry(rec: &RecordLine<'_>, page: String) -> IndexEntry {
    let mut verdicts = [0; 4];
    for c in rec.infobox.iter().flat_map(|i| &i.checks) {
        let i = STATUSES.iter().position(|s| *s == c.status).unwrap_or(3);
        verdicts[i] += 1;
    }
    IndexEntry {
        id: rec.id().to_string(),
        title: rec.title().to_string(),
        page,
        verdicts,
        counts: [rec.entities.len(), rec.timexes.len(), rec.events.len()],
    }
}

/// Opening of every page: doctype, viewport for phones, the stylesheet.
pub(crate) fn head(title: &str, css: &str) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape(title, &mut out);
    let _ = write!(out, "</title>\n<link rel=\"stylesheet\" href=\"{css}\"></head>\n<body>\n");
    out
}

/// The index page: articles sorted by contradicted, then unsupported verdicts (most
/// first), then title.
pub fn index_page(entries: &[IndexEntry]) -> String {
    let mut sorted: Vec<&IndexEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| {
        (b.verdicts[0], b.verdicts[1], &a.title).cmp(&(a.verdicts[0], a.verdicts[1], &b.title))
    });
    let mut out = head("wikianno review", "style.css");
    let _ = write!(
        out,
        "<header><h1>wikianno review</h1><p>{} articles · <a href=\"summary.html\">infobox summary</a></p></header>\n<main><table class=\"index\"><thead><tr><th>Article</th>",
        entries.len()
    );
    for s in STATUSES {
        let _ = write!(out, "<th class=\"{s}\" title=\"{s}\">{} {s}</th>", status_symbol(s));
    }
    out.push_str("<th>entities</th><th>timexes</th><th>events</th></tr></thead><tbody>\n");
    for e in sorted {
        out.push_str("<tr><td><a href=\"a/");
        out.push_str(&e.page);
        out.push_str("\">");
        escape(&e.title, &mut out);
        out.push_str("</a></td>");
        for (i, s) in STATUSES.iter().enumerate() {
            let _ = write!(
                out,
                "<td class=\"n {}\">{}</td>",
                if e.verdicts[i] > 0 { s } else { "" },
                e.verdicts[i]
            );
        }
        for n in e.counts {
            let _ = write!(out, "<td class=\"n\">{n}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></main></body></html>\n");
    out
}

/// Verdicts per infobox field, summed over articles (field -> counts by status).
#[derive(Debug, Default, Clone)]
pub struct InfoboxSummary {
    fields: BTreeMap<String, [usize; 4]>,
}

impl InfoboxSummary {
    /// Count the checks of one record.
    pub fn add(&mut self, rec: &RecordLine<'_>) {
        for c in rec.infobox.iter().flat_map(|i| &i.checks) {
            let i = STATUSES.iter().position(|s| *s == c.status).unwrap_or(3);
            self.fields.entry(c.field.to_string()).or_default()[i] += 1;
        }
    }

    /// The summary page.
    pub fn page(&self) -> String {
        let mut out = head("Infobox summary", "style.css");
        out.push_str("<header><h1>Infobox summary</h1><p><a href=\"index.html\">all articles</a></p></header>\n<main><table class=\"index\"><thead><tr><th>Field</th>");
        for s in STATUSES {
            let _ = write!(out, "<th class=\"{s}\">{} {s}</th>", status_symbol(s));
        }
        out.push_str("</tr></thead><tbody>\n");
        let mut total = [0; 4];
        for (field, counts) in &self.fields {
            out.push_str("<tr><td>");
            escape(field, &mut out);
            out.push_str("</td>");
            for (i, n) in counts.iter().enumerate() {
                total[i] += n;
                let _ = write!(out, "<td class=\"n\">{n}</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("<tr class=\"total\"><td>all fields</td>");
        for n in total {
            let _ = write!(out, "<td class=\"n\">{n}</td>");
        }
        out.push_str("</tr></tbody></table></main></body></html>\n");
        out
    }
}

/// The stylesheet.
pub const STYLE_CSS: &str = include_str!("style.css");
