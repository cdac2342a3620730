//! Source lints: traces of damaged markup in the rendered text.
//!
//! - `empty-name-slot`: a word followed by a space and then punctuation ("the screw
//!   frigate ."), or empty brackets/quotes: a template that rendered to nothing.
//! - `unbalanced-brackets`: a `(`, `[` or `{` never closed on its line, or a closer
//!   with no opener.
//!
//! At most [`MAX_LINTS_PER_KIND`] of each kind are listed per article, the first found
//! (line by line); the rest are counted in one diagnostic of that kind for the whole article.
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

/// How many lints of one kind an article lists. Real pages stay far below it (the gensim
/// sample's most is 20 of a kind in one article); a 256 KB hostile page of `[http://x ` links
/// had 26,000 unclosed brackets: megabytes held and written that no reader goes through.
pub const MAX_LINTS_PER_KIND: usize = 100;

/// The kinds this module reports; each has its own cap.
const KINDS: [DiagnosticKind; 2] =
    [DiagnosticKind::EmptyNameSlot, DiagnosticKind::UnbalancedBrackets];

/// The lints found so far, listing at most [`MAX_LINTS_PER_KIND`] of each kind.
#[derive(Default)]
struct Lints {
    listed: Vec<Diagnostic>,
    /// How many of each of [`KINDS`] were found, listed or not.
    seen: [usize; KINDS.len()],
}

impl Lints {
    /// Lists the lint unless its kind is full; `message` is only built when listed.
    fn push(&mut self, kind: DiagnosticKind, at: Span, message: impl FnOnce() -> String) {
        if let Some(i) = KINDS.iter().position(|&k| k == kind) {
            self.seen[i] += 1;
            if self.seen[i] > MAX_LINTS_PER_KIND {
                return;
            }
        }
        self.listed.push(Diagnostic::at(at, kind, message()));
    }

    /// The listed lints in text order, then one count per kind that overflowed.
    fn finish(self) -> Vec<Diagnostic> {
        let mut out = self.listed;
        out.sort_by_key(|d| d.span);
        for (kind, seen) in KINDS.into_iter().zip(self.seen) {
            if seen > MAX_LINTS_PER_KIND {
                let (more, name) = (seen - MAX_LINTS_PER_KIND, kind.as_str());
                out.push(Diagnostic::whole(
                    kind,
                    format!("{more} more {name} lints not listed (at most {MAX_LINTS_PER_KIND} per article)"),
                ));
            }
        }
        out
    }
}

/// The bytes of the brackets the walk pairs: `(`, `[`, `{` and their closers.
const BRACKET: [bool; 256] = {
    let mut table = [false; 256];
    table[b'(' as usize] = true;
    table[b'[' as usize] = true;
    table[b'{' as usize] = true;
    table[b')' as usize] = true;
    table[b']' as usize] = true;
    table[b'}' as usize] = true;
    table
};

/// Lints of `article`'s text (outside the infobox block).
pub fn source_lints(article: &Article) -> Vec<Diagnostic> {
    let text = article.text.as_str();
    let skip = |s: Span| article.infobox.as_ref().is_some_and(|b| b.span.overlaps(s));
    let mut out = Lints::default();
    for m in EMPTY_SLOT.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        if skip(span) {
            continue;
        }
        let shown = m.as_str().trim_end();
        let gap = shown.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
        let at = Span::new(m.start() + (shown.len() - gap.len()), m.start() + shown.len());
        out.push(DiagnosticKind::EmptyNameSlot, at, || {
            format!("{shown:?}: something seems to be missing here (a template that rendered to nothing?)")
        });
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let here = Span::new(line_start, line_start + line.len());
        line_start += line.len();
        if skip(here) {
            continue;
        }
        let mut open: Vec<(char, usize)> = Vec::new();
        // Brackets are ASCII, and an ASCII byte is never part of a longer char: the line is
        // read by bytes, with no decoding (a byte's offset is the char's), one table read
        // each.
        let brackets =
            line.as_bytes().iter().enumerate().filter(|&(_, &b)| BRACKET[usize::from(b)]);
        for (i, &b) in brackets {
            let at = here.start + i;
            let c = char::from(b);
            match b {
                b'(' | b'[' | b'{' => open.push((c, at)),
                b')' | b']' | b'}' => {
                    let want = match b {
                        b')' => '(',
                        b']' => '[',
                        _ => '{',
                    };
                    if open.last().is_some_and(|(o, _)| *o == want) {
                        open.pop();
                    } else {
                        out.push(DiagnosticKind::UnbalancedBrackets, Span::new(at, at + 1), || {
                            format!("{c:?} closes nothing on this line")
                        });
                    }
                }
                _ => {}
            }
        }
        for (c, at) in open {
            out.push(DiagnosticKind::UnbalancedBrackets, Span::new(at, at + 1), || {
                format!("{c:?} is never closed on this line")
            });
        }
    }
    out.finish()
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

    #[test]
    fn each_kind_lists_at_most_the_cap_and_counts_the_rest() {
        let many = MAX_LINTS_PER_KIND + 23;
        let body =
            format!("{}\n\nA ship named .{}", "(".repeat(many), " Then the steamer .".repeat(3));
        let a = parse_wiki_style(format!("= T =\n\n{body}\n"), "t", "t");
        let lints = source_lints(&a);
        let brackets: Vec<_> =
            lints.iter().filter(|d| d.kind == DiagnosticKind::UnbalancedBrackets).collect();
        assert_eq!(brackets.len(), MAX_LINTS_PER_KIND + 1, "the listed ones and one count");
        assert!(brackets[..MAX_LINTS_PER_KIND].iter().all(|d| d.span.is_some()));
        let count = brackets[MAX_LINTS_PER_KIND];
        assert_eq!(count.span, None);
        assert!(count.message.starts_with("23 more unbalanced-brackets"), "{}", count.message);
        // The first found are the ones listed, in text order.
        let starts: Vec<usize> =
            brackets[..MAX_LINTS_PER_KIND].iter().map(|d| d.span.unwrap().start).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(starts[0], a.text.find('(').unwrap());
        // A kind under the cap is listed whole, with no count.
        let slots = lints.iter().filter(|d| d.kind == DiagnosticKind::EmptyNameSlot).count();
        assert_eq!(slots, 4);
    }
}
