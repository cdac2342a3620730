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

/// The items of `sorted` that overlap `span`. The items are in text order and do not
/// overlap one another (mentions, timexes, infobox fields), so their ends are in order too
/// and the overlapping ones are one run: two binary searches, where a scan of every item
/// per span made a long page's stages quadratic (issue 10).
pub fn overlapping<T>(sorted: &[T], span: Span, at: impl Fn(&T) -> Span) -> &[T] {
    let first = sorted.partition_point(|x| at(x).end <= span.start);
    let end = sorted.partition_point(|x| at(x).start < span.end);
    &sorted[first..end.max(first)]
}

/// The items of `sorted` (as for [`overlapping`]) that lie wholly inside `span`.
pub fn inside<T>(sorted: &[T], span: Span, at: impl Fn(&T) -> Span) -> &[T] {
    let first = sorted.partition_point(|x| at(x).start < span.start);
    let end = sorted.partition_point(|x| at(x).end <= span.end);
    &sorted[first..end.max(first)]
}

/// The largest char boundary of `text` at or before byte `at` (`text.len()` past the end):
/// where a look-back or look-ahead window cut at a byte count may end. (`str`'s own
/// `floor_char_boundary` needs a newer Rust than this crate's `rust-version`.)
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after byte `at` (`text.len()` past the end).
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The top bits of the eight bytes of `top` (nothing else set), as the low eight bits
/// (SWAR byte tests end with it: here and in the date triggers' bitmaps):
/// byte `i`'s at bit `i`. The multiplication moves bit `8i + 7` to bit `56 + i`; no two
/// partial products meet, so nothing carries.
pub(crate) const fn pack_top_bits(top: u64) -> u64 {
    (top >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Maps byte offsets of one text to code-point offsets (Python `str` indices).
///
/// Built once per article in `O(n)`: one bit per byte marks the UTF-8 continuation bytes
/// (`10xxxxxx`), with a running count per 64-byte word. A code point offset is the byte
/// offset less the continuation bytes before it, so each lookup is one popcount, `O(1)`
/// (a writer converts every span's two ends; a binary search per end was the largest
/// part of writing a record). An ASCII text keeps nothing: offsets are the same.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Bit `i % 64` of word `i / 64`: byte `i` continues a multi-byte char. Empty for an
    /// ASCII text.
    continuation: Vec<u64>,
    /// Continuation bytes before word `k`, for `k` in `0..=continuation.len()`.
    before: Vec<usize>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex { continuation: Vec::new(), before: Vec::new() };
        }
        let words = bytes.len().div_ceil(64);
        let mut continuation = Vec::with_capacity(words);
        let mut before = Vec::with_capacity(words + 1);
        let mut count = 0;
        // Eight bytes at a time: a continuation byte has its top bit set and the next one
        // clear; `pack_top_bits` gathers those top bits into one bit per byte.
        let mask = |chunk: &[u8]| {
            chunk.chunks(8).enumerate().fold(0u64, |acc, (i, eight)| {
                let x = u64::from_le_bytes(<[u8; 8]>::try_from(eight).unwrap_or_else(|_| {
                    // The text's last few bytes.
                    let mut le = [0u8; 8];
                    for (to, from) in le.iter_mut().zip(eight) {
                        *to = *from;
                    }
                    le
                }));
                acc | pack_top_bits(x & !(x << 1) & 0x8080_8080_8080_8080) << (8 * i)
            })
        };
        for chunk in bytes.chunks(64) {
            let word = mask(chunk);
            before.push(count);
            count += word.count_ones() as usize;
            continuation.push(word);
        }
        before.push(count);
        CharIndex { continuation, before }
    }

    /// Continuation bytes before byte offset `byte` (all of them past the text's end).
    fn continuations_before(&self, byte: usize) -> usize {
        let (word, bit) = (byte / 64, byte % 64);
        match (self.continuation.get(word), self.before.get(word)) {
            (Some(bits), Some(before)) => {
                before + (bits & ((1u64 << bit) - 1)).count_ones() as usize
            }
            _ => self.before.last().copied().unwrap_or(0),
        }
    }

    fn is_continuation(&self, byte: usize) -> bool {
        self.continuation.get(byte / 64).is_some_and(|bits| bits >> (byte % 64) & 1 == 1)
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.continuation.is_empty() {
            return byte;
        }
        // Inside a char (not a boundary: a caller's mistake), count from the char's first
        // byte, as if its bytes were one code point each.
        let mut lead = byte;
        while lead > 0 && self.is_continuation(lead) {
            lead -= 1;
        }
        byte - self.continuations_before(lead)
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
    fn runs_of_sorted_spans_match_a_scan() {
        let items: Vec<Span> =
            [(0, 3), (3, 5), (7, 9), (9, 9), (12, 20)].map(|(a, b)| Span::new(a, b)).into();
        for start in 0..22 {
            for end in start..22 {
                let span = Span::new(start, end);
                let scan: Vec<Span> = items.iter().copied().filter(|s| span.overlaps(*s)).collect();
                assert_eq!(overlapping(&items, span, |s| *s), scan, "{span:?}");
                let scan: Vec<Span> = items.iter().copied().filter(|s| span.contains(*s)).collect();
                assert_eq!(inside(&items, span, |s| *s), scan, "{span:?}");
            }
        }
    }

    #[test]
    fn char_offsets_match_a_naive_count() {
        let text = "aé€中😀b é";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count(), "byte {byte}");
        }
    }

    /// The count of the index before the bitmap (a binary search over the ends of the
    /// multi-byte chars), inside chars and past the end too.
    fn naive_char_offset(text: &str, byte: usize) -> usize {
        let extra: usize = text
            .char_indices()
            .filter(|(at, c)| at + c.len_utf8() <= byte)
            .map(|(_, c)| c.len_utf8() - 1)
            .sum();
        byte - extra
    }

    #[test]
    fn char_offsets_match_the_naive_count_at_every_byte_across_words() {
        let texts = [
            String::new(),
            "plain ASCII".to_string(),
            "aé€中😀b é".repeat(23),
            format!("{}é{}€", "x".repeat(63), "y".repeat(64)),
            format!("{}😀", "z".repeat(62)),
        ];
        for text in &texts {
            let index = CharIndex::new(text);
            for byte in 0..=text.len() + 3 {
                assert_eq!(index.char_offset(byte), naive_char_offset(text, byte), "byte {byte}");
            }
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
