//! One article's review page.

use std::fmt::Write as _;

use super::{escape, head, status_symbol};
use crate::output::export::{ByteIndex, Located, RecordLine};

/// A highlight in the text: a byte range and the tag that opens it. Nesting order: an
/// infobox item or evidence outside, then entity, event trigger, timex.
struct Mark {
    start: usize,
    end: usize,
    layer: u8,
    /// The opening tag without `id`; `id` is written on the first piece only.
    open: String,
    id: Option<String>,
}

/// The review page of one article record; `index` is the link back to the index page.
pub fn article_page(rec: &RecordLine<'_>, index: &str) -> String {
    let text = rec.text();
    let bytes = ByteIndex::new(text);
    let mut marks: Vec<Mark> = Vec::new();
    let mut add = |at, layer, open: String, id: Option<String>| {
        let span = bytes.span(at);
        if span.start < span.end {
            marks.push(Mark { start: span.start, end: span.end, layer, open, id });
        }
    };
    let checks = rec.infobox.as_ref().map(|i| i.checks.as_slice()).unwrap_or_default();
    for (k, c) in checks.iter().enumerate() {
        add(
            c.at(),
            0,
            format!("<span class=\"item st-{}\"", attr(&c.status)),
            Some(format!("item-{k}")),
        );
        for (j, e) in c.evidence.iter().enumerate() {
            let open = format!("<span class=\"evd st-{}\" data-x=\"{k}-{j}\"", attr(&c.status));
            add(e.at(), 1, open, Some(format!("ev-{k}-{j}")));
        }
    }
    for (i, e) in rec.entities.iter().enumerate() {
        let open = format!(
            "<mark class=\"ent L-{}\" data-e=\"{i}\" title=\"{} {}\"",
            attr(&e.label),
            attr(&e.label),
            attr(&e.id)
        );
        add(e.at(), 2, open, None);
    }
    for (i, e) in rec.events.iter().enumerate() {
        let date = e.date.as_deref().map(|d| format!(" {}", attr(d))).unwrap_or_default();
        let open = format!("<span class=\"evt\" data-ev=\"{i}\" title=\"{}{date}\"", attr(&e.kind));
        add(e.at(), 3, open, Some(format!("event-{i}")));
    }
    for (i, t) in rec.timexes.iter().enumerate() {
        let modifier = t.modifier.as_deref().map(|m| format!(" ({})", attr(m))).unwrap_or_default();
        let open = format!(
            "<span class=\"tx\" data-t=\"{i}\" title=\"{} {}{modifier}\"",
            attr(&t.kind),
            attr(&t.value)
        );
        add(t.at(), 4, open, None);
    }

    let mut out = head(rec.title(), "../style.css");
    out.push_str("<header><p><a href=\"");
    out.push_str(index);
    out.push_str("\">← all articles</a></p><h1>");
    escape(rec.title(), &mut out);
    out.push_str("</h1>");
    legend(&mut out);
    out.push_str("</header>\n<div class=\"page\">\n<article class=\"text\">");
    highlighted(text, &mut marks, &mut out);
    out.push_str("</article>\n<aside>");
    infobox(rec, &mut out);
    out.push_str("</aside>\n</div>\n");
    events(rec, &mut out);
    diagnostics(rec, &mut out);
    out.push_str("</body></html>\n");
    out
}

/// Escaped text for an attribute or element.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text, &mut out);
    out
}

fn legend(out: &mut String) {
    out.push_str("<p class=\"legend\">");
    for (class, name) in [
        ("ent L-PERSON", "person"),
        ("ent L-PLACE", "place"),
        ("ent L-ORG", "organization"),
        ("ent L-EVENT", "event"),
        ("ent L-MISC", "other"),
        ("tx", "date or time (hover: value)"),
        ("evt", "event trigger"),
    ] {
        let _ = write!(out, "<span class=\"{class}\">{name}</span> ");
    }
    out.push_str("</p>");
}

/// The text with every mark, in one sweep: the text is cut at every mark boundary and
/// each piece is wrapped in the marks that cover it (outer layers first), so marks that
/// overlap without nesting still give well-formed HTML. A mark's `id` goes on its first
/// piece, the target of the links that point at it.
fn highlighted(text: &str, marks: &mut [Mark], out: &mut String) {
    marks.sort_by_key(|m| (m.start, m.layer));
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&m| marks[m].end > a);
        while next < marks.len() && marks[next].start <= a {
            if marks[next].end > a {
                active.push(next);
            }
            next += 1;
        }
        active.sort_by_key(|&m| (marks[m].layer, marks[m].start, std::cmp::Reverse(marks[m].end)));
        let piece = text.get(a..b).unwrap_or("");
        for &m in &active {
            out.push_str(&marks[m].open);
            if let Some(id) = marks[m].id.take() {
                let _ = write!(out, " id=\"{id}\"");
            }
            out.push('>');
        }
        escape(piece, out);
        for &m in active.iter().rev() {
            out.push_str(if marks[m].open.starts_with("<mark") { "</mark>" } else { "</span>" });
        }
    }
}

fn infobox(rec: &RecordLine<'_>, out: &mut String) {
    let Some(ib) = &rec.infobox else {
        out.push_str("<h2>Infobox</h2><p>No infobox.</p>");
        return;
    };
    out.push_str("<h2>Infobox</h2>\n<ol class=\"checks\">\n");
    for (k, c) in ib.checks.iter().enumerate() {
        let status = attr(&c.status);
        let _ = write!(
            out,
            "<li class=\"check st-{status}\" data-k=\"{k}\"><a class=\"item-link\" href=\"#item-{k}\">{}: {}</a> <span class=\"verdict\">{} {status}</span>",
            attr(&c.field),
            attr(&c.value),
            status_symbol(&c.status)
        );
        if let Some(n) = &c.normalized {
            let _ = write!(out, " <span class=\"norm\">= {}</span>", attr(n));
        }
        let _ = write!(out, "<p class=\"msg\">{}</p>", attr(&c.message));
        if !c.evidence.is_empty() {
            out.push_str("<p class=\"evidence\">evidence:");
            for (j, e) in c.evidence.iter().enumerate() {
                let _ = write!(out, " <a href=\"#ev-{k}-{j}\">{}</a>", attr(&e.text));
            }
            out.push_str("</p>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    if !ib.fields.is_empty() {
        out.push_str("<details><summary>fields as written</summary><dl>");
        for f in &ib.fields {
            let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", attr(&f.key), attr(&f.value));
        }
        out.push_str("</dl></details>");
    }
}

fn events(rec: &RecordLine<'_>, out: &mut String) {
    let _ = write!(out, "<section class=\"events\"><h2>Events ({})</h2>", rec.events.len());
    if rec.events.is_empty() {
        out.push_str("</section>\n");
        return;
    }
    out.push_str("<div class=\"scroll\"><table><thead><tr><th>type</th><th>trigger</th><th>date</th><th>place</th><th>participants</th></tr></thead><tbody>\n");
    for (i, e) in rec.events.iter().enumerate() {
        let place = e.place.as_ref().map(|p| attr(&p.text)).unwrap_or_default();
        let who: Vec<String> = e
            .participants
            .iter()
            .map(|p| match &p.role {
                Some(r) => format!("{} ({})", attr(&p.text), attr(r)),
                None => attr(&p.text),
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><a href=\"#event-{i}\">{}</a></td><td>{}</td><td>{place}</td><td>{}</td></tr>",
            attr(&e.kind),
            attr(&e.text),
            attr(e.date.as_deref().unwrap_or("")),
            who.join(", ")
        );
    }
    out.push_str("</tbody></table></div></section>\n");
}

fn diagnostics(rec: &RecordLine<'_>, out: &mut String) {
    if rec.diagnostics.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"diagnostics\"><h2>Diagnostics ({})</h2><ul>",
        rec.diagnostics.len()
    );
    for d in &rec.diagnostics {
        let _ = write!(out, "<li><b>{}</b> {}</li>", attr(&d.kind), attr(&d.message));
    }
    out.push_str("</ul></section>\n");
}
