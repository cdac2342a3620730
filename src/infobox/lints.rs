//! Source lints: traces of damaged markup in the rendered text.
//!
//! - `empty-name-slot`: a word followed by a space and then punctuation ("the screw
//!   frigate ."), or empty brackets/quotes: a template that rendered to nothing.
//! - `unbalanced-brackets`: a `(`, `[` or `{` never closed on its line, or a closer
//!   with no opener.
//!
//! Headings with a stray `=` are reported by the wiki-style parser
//! (`heading-stray-equals`), not here.

use crate::diagnostic::DiagnosticKind;
use std::sync::LazyLock;

use regex::Regex;

use crate::{article::Article, diagnostic::Diagnostic, span::Span};

/// A word, a space, then `.`, `,`, `;` or `:` ending a clause; or empty `()`, `[]`, `""`.
static EMPTY_SLOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(\w+)[ \t]+([.,;:])(?:\s|$)|\(\s*\)|\[\s*\]|""|“”"#).expect("static regex")
});

/// Lints of `article`'s text (outside the infobox block).
pub fn source_lints(article: &Article) -> Vec<Diagnostic> {
    let text = article.text.as_str();
    let skip = |s: Span| article.infobox.as_ref().is_some_and(|b| b.span.overlaps(s));
    let mut out = Vec::new();
    for m in EMPTY_SLOT.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        if skip(span) {
            continue;
        }
        let shown = m.as_str().trim_end();
        let gap = shown.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
        let at = Span::new(m.start() + (shown.len() - gap.len()), m.start() + shown.len());
        out.push(Diagnostic::at(
            at,
            DiagnosticKind::EmptyNameSlot,
            format!("{shown:?}: something seems to be missing here (a template that rendered to nothing?)"),
        ));
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let here = Span::new(line_start, line_start + line.len());
        line_start += line.len();
        if skip(here) {
            continue;
        }
        let mut open: Vec<(char, usize)> = Vec::new();
        for (i, c) in line.char_indices() {
            let at = here.start + i;
            match c {
                '(' | '[' | '{' => open.push((c, at)),
                ')' | ']' | '}' => {
                    let want = match c {
                        ')' => '(',
                        ']' => '[',
                        _ => '{',
                    };
                    if open.last().is_some_and(|(o, _)| *o == want) {
                        open.pop();
                    } else {
                        out.push(Diagnostic::at(
                            Span::new(at, at + 1),
                            DiagnosticKind::UnbalancedBrackets,
                            format!("{c:?} closes nothing on this line"),
                        ));
                    }
                }
                _ => {}
            }
        }
        for (c, at) in open {
            out.push(Diagnostic::at(
                Span::new(at, at + 1),
                DiagnosticKind::UnbalancedBrackets,
                format!("{c:?} is never closed on this line"),
            ));
        }
    }
    out.sort_by_key(|d| d.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_wiki_style;

    fn kinds(body: &str) -> Vec<(DiagnosticKind, String)> {
        let a = parse_wiki_style(format!("= T =\n\n{body}\n"), "t", "t");
        source_lints(&a)
            .into_iter()
            .map(|d| (d.kind, d.span.map_or(String::new(), |s| s.slice(&a.text).to_string())))
            .collect()
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[(DiagnosticKind, &str)])] = &[
            ("It sank aboard the steamer . Then calm.", &[(DiagnosticKind::EmptyNameSlot, " .")]),
            ("Born in () to a family.", &[(DiagnosticKind::EmptyNameSlot, "()")]),
            ("A clean sentence, with commas; and more.", &[]),
            ("An aside (never closed. Next.", &[(DiagnosticKind::UnbalancedBrackets, "(")]),
            ("Closed twice) here. Zürich 😀 [ok].", &[(DiagnosticKind::UnbalancedBrackets, ")")]),
        ];
        for (body, want) in rows {
            let got = kinds(body);
            let want: Vec<(DiagnosticKind, String)> =
                want.iter().map(|(k, s)| (*k, s.to_string())).collect();
            assert_eq!(got, want, "{body:?}");
        }
    }
}
