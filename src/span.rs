//! Byte spans and the byte -> code point conversion done once, at the output edge.

use serde::Serialize;

/// A half-open byte range `[start, end)` into an article's `text`.
///
/// All stages keep byte offsets (they are what `regex` and `aho-corasick` report);
/// [`CharIndex`] turns them into code points when a record is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved right by `delta` bytes.
    pub const fn shift(&self, delta: usize) -> Span {
        Span { start: self.start + delta, end: self.end + delta }
    }

    /// The text the span covers, or `""` when it does not fall on char boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Maps byte offsets of one text to code-point offsets (Python `str` indices).
///
/// Built once per article in `O(n)`; each lookup is a binary search over the
/// positions of non-ASCII characters, so ASCII-heavy text costs almost nothing.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// `(byte offset, extra bytes before it)` for every char that is longer than one byte,
    /// recorded just after the char: code point = byte - extra.
    multibyte: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let mut multibyte = Vec::new();
        let mut extra = 0;
        let mut at = 0;
        while at < bytes.len() {
            // Most of a page is ASCII: skip it eight bytes at a time.
            while let Some(word) = bytes.get(at..at + 8) {
                let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                if word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                at += 8;
            }
            let Some(skip) = bytes[at..].iter().position(|&b| b >= 0x80) else { break };
            at += skip;
            // `text` is valid UTF-8, so a byte >= 0x80 here leads a 2-, 3- or 4-byte char.
            let n = match bytes[at] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            extra += n - 1;
            at += n;
            multibyte.push((at, extra));
        }
        CharIndex { multibyte }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let i = self.multibyte.partition_point(|&(end, _)| end <= byte);
        if i == 0 {
            byte
        } else {
            byte - self.multibyte[i - 1].1
        }
    }

    /// `span` in code points.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_a_naive_count() {
        let text = "aé€中😀b é";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count(), "byte {byte}");
        }
    }

    #[test]
    fn span_predicates() {
        let a = Span::new(2, 5);
        assert!(a.contains(Span::new(3, 5)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.shift(3), Span::new(5, 8));
        assert_eq!(Span::new(0, 2).slice("é"), "é");
        assert_eq!(Span::new(0, 1).slice("é"), "");
    }
}
