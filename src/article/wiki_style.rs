//! Parser for the plain wiki-style rendering:
//!
//! ```text
//! = Title =
//!
//! Infobox
//! - Key: Value
//!
//! Lead paragraph.
//!
//! ==Heading ==
//! Paragraph text.
//!
//! ==See also==
//! - Other article
//! ```
//! Tolerates CRLF, tabs, trailing spaces, irregular heading spacing, a missing
//! infobox and an empty text. Line by line, no backtracking: linear in the input.

use super::{title_to_id, Article, Infobox, InfoboxField, Link, Section};
use crate::diagnostic::DiagnosticKind;
use crate::{diagnostic::Diagnostic, span::Span};

/// One line of the text: its span without the line break, and the trimmed content span.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// The content without leading/trailing white space.
    trimmed: Span,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed_len = body.trim().len();
        out.push(Line { trimmed: Span::new(start + lead, start + lead + trimmed_len) });
        start += piece.len();
    }
    out
}

/// A heading line: `=` runs on both sides. Returns (level, title span, stray-equals flag).
fn heading(text: &str, line: Span) -> Option<(u8, Span, bool)> {
    let s = line.slice(text);
    if !s.starts_with('=') {
        return None;
    }
    let open = s.bytes().take_while(|&b| b == b'=').count();
    let close = s.bytes().rev().take_while(|&b| b == b'=').count();
    if open == s.len() || close == 0 {
        return None;
    }
    let inner = &s[open..s.len() - close];
    let lead = inner.len() - inner.trim_start().len();
    let title = Span::new(line.start + open + lead, line.start + open + lead + inner.trim().len());
    if title.is_empty() {
        return None;
    }
    let level = open.min(close).min(6) as u8;
    Some((level, title, open != close))
}

/// A list item: `- item` or `* item`. Returns the item text span.
fn list_item(text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let rest =
        s.strip_prefix("- ").or_else(|| s.strip_prefix("* ")).or_else(|| s.strip_prefix("-\t"))?;
    let lead = rest.len() - rest.trim_start().len();
    let start = line.start + (s.len() - rest.len()) + lead;
    Some(Span::new(start, line.end))
}

/// Parse one wiki-style article. `fallback_title` names an article with no title line.
pub fn parse_wiki_style(text: String, origin: &str, fallback_title: &str) -> Article {
    let mut article = Article { origin: origin.to_string(), ..Article::default() };
    let all = lines(&text);
    let mut i = 0;
    // Title: the first non-blank line, when it is a level-1 heading.
    while i < all.len() && all[i].trimmed.is_empty() {
        i += 1;
    }
    if let Some(line) = all.get(i) {
        if let Some((1, title, stray)) = heading(&text, line.trimmed) {
            article.title = title.slice(&text).to_string();
            article.title_span = Some(title);
            if stray {
                article.diagnostics.push(Diagnostic::at(
                    line.trimmed,
                    DiagnosticKind::HeadingStrayEquals,
                    "title line has unbalanced '=' marks",
                ));
            }
            i += 1;
        }
    }
    if article.title.is_empty() {
        article.title = fallback_title.to_string();
    }
    article.id = title_to_id(&article.title);

    let mut paragraph: Option<Span> = None;
    let mut open_sections: Vec<usize> = Vec::new();
    let mut in_see_also = false;
    while i < all.len() {
        let line = all[i].trimmed;
        let content = line.slice(&text);
        i += 1;
        if content.is_empty() {
            flush(&mut paragraph, &mut article.paragraphs);
            continue;
        }
        if article.infobox.is_none() && article.sections.is_empty() && is_infobox_start(content) {
            flush(&mut paragraph, &mut article.paragraphs);
            i = parse_infobox(&text, &all, i - 1, &mut article);
            continue;
        }
        if let Some((level, title, stray)) = heading(&text, line) {
            flush(&mut paragraph, &mut article.paragraphs);
            if stray {
                article.diagnostics.push(Diagnostic::at(
                    line,
                    DiagnosticKind::HeadingStrayEquals,
                    format!("heading {:?} has unbalanced '=' marks", content),
                ));
            }
            if level == 1 {
                article.diagnostics.push(Diagnostic::at(
                    line,
                    DiagnosticKind::HeadingLevel1,
                    "a second title line inside the article is read as a section",
                ));
            }
            // Close the sections this heading ends.
            while let Some(&open) = open_sections.last() {
                if article.sections[open].level >= level {
                    article.sections[open].span.end = line.start;
                    open_sections.pop();
                } else {
                    break;
                }
            }
            in_see_also = title.slice(&text).eq_ignore_ascii_case("see also");
            open_sections.push(article.sections.len());
            article.sections.push(Section {
                level,
                span: Span::new(line.start, text.len()),
                title_span: title,
            });
            continue;
        }
        if let Some(item) = list_item(&text, line) {
            flush(&mut paragraph, &mut article.paragraphs);
            article.list_items.push(item);
            if in_see_also && !item.is_empty() {
                article.see_also.push(Link { target: item.slice(&text).to_string(), span: item });
            }
            continue;
        }
        paragraph = Some(match paragraph {
            Some(p) => Span::new(p.start, line.end),
            None => line,
        });
    }
    flush(&mut paragraph, &mut article.paragraphs);
    // Sections still open run to the end of the text without trailing white space.
    let end = text.trim_end().len();
    for open in open_sections {
        article.sections[open].span.end = end.max(article.sections[open].span.start);
    }
    article.text = text;
    article
}

fn flush(paragraph: &mut Option<Span>, out: &mut Vec<Span>) {
    if let Some(p) = paragraph.take() {
        out.push(p);
    }
}

fn is_infobox_start(content: &str) -> bool {
    content.get(..7).is_some_and(|head| head.eq_ignore_ascii_case("infobox"))
        && content[7..].chars().next().is_none_or(|c| c.is_whitespace() || c == ':')
}

/// Parse the infobox block starting at line `first`; returns the index of the line after it.
fn parse_infobox(text: &str, all: &[Line], first: usize, article: &mut Article) -> usize {
    let head = all[first].trimmed;
    let template = head.slice(text)[7..].trim_matches(|c: char| c == ':' || c.is_whitespace());
    let mut infobox = Infobox {
        template: (!template.is_empty()).then(|| template.to_string()),
        kind: None,
        span: head,
        fields: Vec::new(),
    };
    let mut i = first + 1;
    while i < all.len() {
        let line = all[i].trimmed;
        let content = line.slice(text);
        if content.is_empty() || heading(text, line).is_some() {
            break;
        }
        let Some(item) = list_item(text, line)
            .or_else(|| (content == "-").then_some(Span::new(line.end, line.end)))
        else {
            // A prose line right after the block ends it.
            break;
        };
        i += 1;
        infobox.span.end = line.end;
        let body = item.slice(text);
        let Some(colon) = body.find(':') else {
            article.diagnostics.push(Diagnostic::at(
                line,
                DiagnosticKind::InfoboxLine,
                format!("infobox line {:?} has no 'Key: Value' colon", content),
            ));
            continue;
        };
        let key = body[..colon].trim();
        let value_raw = &body[colon + 1..];
        let value_lead = value_raw.len() - value_raw.trim_start().len();
        let value_start = item.start + colon + 1 + value_lead;
        let value_span = Span::new(value_start, value_start + value_raw.trim().len());
        if key.is_empty() {
            article.diagnostics.push(Diagnostic::at(
                line,
                DiagnosticKind::InfoboxLine,
                format!("infobox line {:?} has an empty key", content),
            ));
            continue;
        }
        if value_span.is_empty() {
            article.diagnostics.push(Diagnostic::at(
                line,
                DiagnosticKind::InfoboxEmptyValue,
                format!("infobox field {key:?} has no value"),
            ));
        }
        let key_lead = body.len() - body.trim_start().len();
        infobox.fields.push(InfoboxField {
            key: key.to_string(),
            value: value_span.slice(text).to_string(),
            key_span: Span::new(item.start + key_lead, item.start + key_lead + key.len()),
            value_span,
        });
    }
    if infobox.fields.is_empty() {
        article.diagnostics.push(Diagnostic::at(
            head,
            DiagnosticKind::InfoboxEmpty,
            "the Infobox block has no fields",
        ));
    }
    infobox.classify();
    article.infobox = Some(infobox);
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\u{feff}= Test War =\r\n\r\nInfobox\r\n- Date: 1865\r\n- Broken line\r\n- Place:  PER \t\r\n\r\nLead text.\r\n\r\n==Background ==\r\nOne.\r\nTwo.\r\n\r\n=== Deeper ===\r\nThree.\r\n== After==\r\nFour.\r\n==See also==\r\n- Other War\r\n";

    #[test]
    fn parses_every_element_with_spans() {
        let text = SAMPLE.trim_start_matches('\u{feff}').to_string();
        let a = parse_wiki_style(text.clone(), "t.txt", "t");
        assert_eq!(a.title, "Test War");
        assert_eq!(a.id, "Test_War");
        let ib = a.infobox.as_ref().unwrap();
        assert_eq!(ib.fields.len(), 2);
        assert_eq!(ib.fields[1].value, "PER");
        assert_eq!(ib.fields[1].value_span.slice(&text), "PER");
        assert_eq!(ib.fields[0].key_span.slice(&text), "Date");
        assert_eq!(a.diagnostics.len(), 1);
        assert_eq!(a.diagnostics[0].kind, DiagnosticKind::InfoboxLine);
        let titles: Vec<(&str, u8)> =
            a.sections.iter().map(|s| (s.title(&a.text), s.level)).collect();
        assert_eq!(titles, vec![("Background", 2), ("Deeper", 3), ("After", 2), ("See also", 2)]);
        assert!(a.sections[0].span.contains(a.sections[1].span));
        assert!(a.sections[0].span.slice(&text).ends_with("Three.\r\n"));
        assert_eq!(a.see_also.len(), 1);
        assert_eq!(a.see_also[0].span.slice(&text), "Other War");
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| p.slice(&text)).collect();
        assert_eq!(paras, vec!["Lead text.", "One.\r\nTwo.", "Three.", "Four."]);
    }

    #[test]
    fn tolerates_empty_and_untitled_text() {
        let a = parse_wiki_style(String::new(), "e.txt", "e");
        assert_eq!(a.title, "e");
        assert!(a.sections.is_empty() && a.infobox.is_none());
        let b = parse_wiki_style("just prose\nno title".into(), "notes.txt", "notes");
        assert_eq!(b.title, "notes");
        assert_eq!(b.paragraphs.len(), 1);
    }

    #[test]
    fn reports_stray_equals_in_headings() {
        let a = parse_wiki_style("= T =\n\n== Bad ===\ntext\n".into(), "x", "x");
        assert_eq!(a.sections[0].title(&a.text), "Bad");
        assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::HeadingStrayEquals));
    }
}
