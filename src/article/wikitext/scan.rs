//! One pass over the page before rendering: brace and bracket pairs, closing tags, and a
//! memo for "the next `]` or line end". Every later lookup is a hash probe, a binary
//! search or an amortised forward step, so no construct re-scans the page from each
//! opener (a page of a million unclosed `<ref>`s or `[http://x ` links stays linear).

use std::{collections::HashMap, sync::LazyLock};

use rustc_hash::FxHashMap;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use memchr::{memchr2, memmem};

/// Open position of `{{` / `[[` -> position of the matching `}}` / `]]`.
/// (FxHash: SipHash made these lookups a fifth of the rendering time.)
pub(super) type Pairs = FxHashMap<usize, usize>;

/// What the renderer asks about the page as a whole.
pub(super) struct PageIndex {
    /// Open position of `{{` / `[[` -> position of the matching `}}` / `]]`.
    pub pairs: Pairs,
    /// Lower-case tag name -> sorted positions of `</name` (the `<`).
    closers: HashMap<String, Vec<usize>>,
    /// `(from, found)`: no `]` or `\n` lies in `[from, found)`, and `found` is one of them
    /// (or the page length). Queries move forward, so each byte is looked at once.
    bracket_memo: std::cell::Cell<(usize, usize)>,
}

impl PageIndex {
    pub fn new(src: &str) -> PageIndex {
        PageIndex {
            pairs: match_pairs(src),
            closers: closing_tags(src),
            bracket_memo: std::cell::Cell::new((0, 0)),
        }
    }

    /// Start of the first `</name` in `[from, b)`.
    pub fn close_start(&self, name: &str, from: usize, b: usize) -> Option<usize> {
        let at = self.closers.get(name)?;
        let k = at.partition_point(|&p| p < from);
        at.get(k).copied().filter(|&p| p + 2 + name.len() <= b)
    }

    /// The first `]` or `\n` at or after `from` (the page length when there is none).
    pub fn bracket_or_line_end(&self, src: &[u8], from: usize) -> usize {
        let (memo_from, memo_found) = self.bracket_memo.get();
        if memo_from <= from && from <= memo_found && memo_found > memo_from {
            return memo_found;
        }
        let found = memchr2(b']', b'\n', src.get(from..).unwrap_or_default())
            .map_or(src.len(), |p| from + p);
        self.bracket_memo.set((from, found));
        found
    }
}

/// Pair `{{`/`}}` and `[[`/`]]` with a stack in one pass, skipping comments.
fn match_pairs(src: &str) -> Pairs {
    /// The five tokens, found by one automaton (a SIMD prefilter skips the plain text
    /// between them; a byte-by-byte loop was a fifth of the rendering time).
    static TOKENS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(["<!--", "{{", "}}", "[[", "]]"])
            .expect("five literal tokens")
    });
    let b = src.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut pairs = Pairs::default();
    let comment_end = memmem::Finder::new("-->");
    let mut from = 0;
    while let Some(m) = TOKENS.find(Input::new(b).span(from..b.len())) {
        let i = m.start();
        from = m.end();
        match b[i] {
            b'<' => from = comment_end.find(&b[i + 4..]).map_or(b.len(), |e| i + 4 + e + 3),
            b'{' | b'[' => stack.push((b[i], i)),
            // A closer that does not match the innermost opener is text. (A loop that
            // stepped one byte past it would try `}}` at i + 1 with the same stack, and
            // reject it again.)
            close => {
                let open = if close == b'}' { b'{' } else { b'[' };
                if stack.last().is_some_and(|&(c, _)| c == open) {
                    if let Some((_, at)) = stack.pop() {
                        pairs.insert(at, i);
                    }
                }
            }
        }
    }
    pairs
}

/// Every `</name` of the page, by lower-case name.
fn closing_tags(src: &str) -> HashMap<String, Vec<usize>> {
    let bytes = src.as_bytes();
    let mut out: HashMap<String, Vec<usize>> = HashMap::new();
    for at in memmem::find_iter(bytes, "</") {
        let name_len =
            bytes[at + 2..].iter().take(32).take_while(|x| x.is_ascii_alphanumeric()).count();
        if name_len > 0 {
            let name = src[at + 2..at + 2 + name_len].to_ascii_lowercase();
            out.entry(name).or_default().push(at);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closers_and_memo() {
        let src = "a<ref>x</REF> [http://x y\n</ref>]";
        let ix = PageIndex::new(src);
        assert_eq!(ix.close_start("ref", 0, src.len()), Some(7));
        assert_eq!(ix.close_start("ref", 8, src.len()), Some(26));
        assert_eq!(ix.close_start("ref", 8, 20), None);
        assert_eq!(ix.bracket_or_line_end(src.as_bytes(), 14), 25);
        assert_eq!(ix.bracket_or_line_end(src.as_bytes(), 20), 25);
        assert_eq!(ix.bracket_or_line_end(src.as_bytes(), 26), src.len() - 1);
    }
}
