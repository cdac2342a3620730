//! The article's body indexed once, so that each infobox item is a look-up and checking
//! every item stays linear in the article: mentions by position and by entity id, words
//! by their lowercase form, body dates by year, body numbers by rounding step and value.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::{gazetteer::EntityMention, span::Span};

use super::facts::Quantity;

/// Mentions sorted by position, and the body's mentions grouped by entity id.
pub(super) struct MentionIndex<'a> {
    /// Every mention (infobox ones included), sorted by (start, end).
    sorted: Vec<&'a EntityMention>,
    /// The longest mention, in bytes: how far back an overlapping mention can start.
    longest: usize,
    /// Body mentions of each id, in text order.
    by_id: HashMap<&'a str, Vec<&'a EntityMention>>,
}

impl<'a> MentionIndex<'a> {
    /// Index `all`; `body` (a subset) is grouped by id.
    pub(super) fn new(all: &'a [EntityMention], body: &[&'a EntityMention]) -> MentionIndex<'a> {
        let mut sorted: Vec<&EntityMention> = all.iter().collect();
        sorted.sort_by_key(|m| (m.span.start, m.span.end));
        let longest = sorted.iter().map(|m| m.span.len()).max().unwrap_or(0);
        let mut by_id: HashMap<&str, Vec<&EntityMention>> = HashMap::new();
        for m in body {
            by_id.entry(&*m.id).or_default().push(*m);
        }
        for list in by_id.values_mut() {
            list.sort_by_key(|m| m.span.start);
        }
        MentionIndex { sorted, longest, by_id }
    }

    /// Mentions that start inside `span`, in position order.
    pub(super) fn starting_in(&self, span: Span) -> &[&'a EntityMention] {
        let from = self.sorted.partition_point(|m| m.span.start < span.start);
        let to = self.sorted.partition_point(|m| m.span.start < span.end);
        &self.sorted[from..to.max(from)]
    }

    /// Mentions that share a byte with `span`, in position order.
    pub(super) fn overlapping(&self, span: Span) -> impl Iterator<Item = &'a EntityMention> + '_ {
        let reach = Span::new(span.start.saturating_sub(self.longest), span.end);
        self.starting_in(reach).iter().copied().filter(move |m| m.span.overlaps(span))
    }

    /// Body mentions of `id`, in text order.
    pub(super) fn body_mentions_of(&self, id: &str) -> &[&'a EntityMention] {
        self.by_id.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Where the words of the infobox's items stand in the text as whole words: one pass
/// over the text's words (maximal runs of alphanumeric characters), each looked up
/// among the items' words (and their plurals). An indexed word is itself such a run, so
/// its whole-word occurrences are exactly the text words equal to it. Indexing only the
/// words that can be looked up keeps the index small and its build cheap.
pub(super) struct WordIndex {
    /// Lowercase word -> byte offsets where it starts as a whole word.
    starts: FxHashMap<String, Vec<u32>>,
}

impl WordIndex {
    /// Index `words` (lowercase, as in `lower`; runs of alphanumeric characters, as
    /// items' words split at every other character are) and their plurals in `lower`.
    pub(super) fn new(lower: &str, words: impl IntoIterator<Item = String>) -> WordIndex {
        let mut starts: FxHashMap<String, Vec<u32>> = HashMap::default();
        for w in words.into_iter().filter(|w| !w.is_empty()) {
            starts.insert(format!("{w}s"), Vec::new());
            starts.insert(w, Vec::new());
        }
        // A text word is looked up only when some indexed word has its length and its
        // first two bytes (six bits of each): most text words are turned away unhashed.
        let mut lengths = 0u64;
        let mut pairs = [0u64; 64];
        let shape = |w: &[u8]| {
            let second = w.get(1).copied().unwrap_or(0);
            (1u64 << w.len().min(63), usize::from(w[0] & 63), 1u64 << (second & 63))
        };
        for w in starts.keys() {
            let (length, first, second) = shape(w.as_bytes());
            lengths |= length;
            pairs[first] |= second;
        }
        for (at, word) in alphanumeric_runs(lower) {
            let (length, first, second) = shape(word.as_bytes());
            if lengths & length != 0 && pairs[first] & second != 0 {
                if let Some(list) = starts.get_mut(word) {
                    list.push(at as u32);
                }
            }
        }
        WordIndex { starts }
    }

    /// Where `word` starts as a whole word, in text order; `None` when it was not
    /// indexed.
    pub(super) fn starts(&self, word: &str) -> Option<&[u32]> {
        self.starts.get(word).map(Vec::as_slice)
    }
}

/// What a byte says about the character it belongs to: an ASCII letter or digit, an
/// ASCII byte of any other kind, or a byte of a non-ASCII character (decoded to tell).
const WORD: u8 = 1;
const NOT_WORD: u8 = 0;
const NON_ASCII: u8 = 2;
const BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() { WORD } else { NOT_WORD };
        b += 1;
    }
    table
};

/// The maximal runs of alphanumeric characters of `text`, with their byte offsets, in
/// text order. ASCII bytes are classified by one table look-up, without decoding.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let class = move |i: usize| BYTE_CLASS[usize::from(bytes[i])];
    // The non-ASCII character at `i` (a char boundary): alphanumeric, and its length.
    let decode = move |i: usize| {
        text[i..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            while i < bytes.len() && class(i) == NOT_WORD {
                i += 1;
            }
            let start = i;
            // A non-ASCII character that opens no word (a dash, a quote) is stepped over.
            let mut stepped_over = false;
            while i < bytes.len() {
                match class(i) {
                    WORD => i += 1,
                    NOT_WORD => break,
                    _ => {
                        let (alphanumeric, len) = decode(i);
                        if alphanumeric {
                            i += len;
                        } else {
                            if i == start {
                                i += len;
                                stepped_over = true;
                            }
                            break;
                        }
                    }
                }
            }
            if i > start && !stepped_over {
                return Some((start, &text[start..i]));
            }
        }
        None
    })
}

/// The body's date values written out once, and grouped by the year each end opens
/// with, so an item's dates are looked up by year instead of compared with every date.
pub(super) struct DateIndex {
    /// The TIMEX3 value of each body date, in the order of the body dates.
    pub(super) values: Vec<String>,
    /// First four characters of either end -> body date positions.
    by_year: HashMap<String, Vec<usize>>,
}

impl DateIndex {
    /// Index `values` (one per body date, in order).
    pub(super) fn new(values: Vec<String>) -> DateIndex {
        let mut by_year: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, v) in values.iter().enumerate() {
            let (a, b) = v.split_once('/').unwrap_or((v, v));
            for end in [a, b] {
                if let Some(year) = end.get(..4) {
                    let list = by_year.entry(year.to_string()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        DateIndex { values, by_year }
    }

    /// Positions of the body dates one of whose ends opens with the same four
    /// characters as one of `values`, in text order.
    pub(super) fn same_year(&self, values: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = values
            .iter()
            .filter_map(|v| v.get(..4))
            .filter_map(|y| self.by_year.get(y))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Body numbers grouped by (dimension, rounding step), each group sorted by value: the
/// numbers that agree with a value within either side's rounding are a few binary
/// searches away. Measures are also grouped as written, with no dimension, for box
/// values written without a unit.
pub(super) struct NumberIndex {
    /// The numbers of the prose, in text order, then those of the table cells, in text
    /// order (a prose number is the first evidence).
    pub(super) all: Vec<Quantity>,
    /// How many of `all` are the prose's: only those follow a quantity's cue words.
    pub(super) prose: usize,
    /// (dimension, step, as written) -> (value, position in `all`), sorted by value.
    groups: Vec<(GroupKey, Vec<(f64, usize)>)>,
}

/// A group of body numbers: their dimension, their rounding step, and whether they are
/// measures taken as written.
type GroupKey = (Option<&'static str>, f64, bool);

impl NumberIndex {
    /// Index the `prose` numbers and the `cells`' (each in text order).
    pub(super) fn new(prose: Vec<Quantity>, cells: Vec<Quantity>) -> NumberIndex {
        let prose_len = prose.len();
        let mut all = prose;
        all.extend(cells);
        let mut groups: Vec<(GroupKey, Vec<(f64, usize)>)> = Vec::new();
        let mut add = |key: GroupKey, value: f64, i: usize| match groups
            .iter_mut()
            .find(|(k, _)| *k == key)
        {
            Some((_, list)) => list.push((value, i)),
            None => groups.push((key, vec![(value, i)])),
        };
        for (i, q) in all.iter().enumerate() {
            add((q.dimension, q.step, false), q.value, i);
            if q.dimension.is_some() {
                add((None, q.written.1, true), q.written.0, i);
            }
        }
        for (_, list) in &mut groups {
            list.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        NumberIndex { all, prose: prose_len, groups }
    }

    /// Positions (text order) of the body numbers that agree with one of `boxed`.
    pub(super) fn agreeing(&self, boxed: &[Quantity]) -> Vec<usize> {
        let mut out = Vec::new();
        for b in boxed {
            for ((dimension, step, _), list) in &self.groups {
                if *dimension != b.dimension {
                    continue;
                }
                let margin = step.max(b.step) / 2.0 + 1e-9;
                let from = list.partition_point(|(v, _)| *v < b.value - margin);
                let to = list.partition_point(|(v, _)| *v <= b.value + margin);
                out.extend(list[from..to.max(from)].iter().map(|(_, i)| *i));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs are those a char-by-char reading finds (é, €, CJK, an emoji, dashes).
    #[test]
    fn alphanumeric_runs_agree_with_a_char_reading() {
        for text in ["", "a", "Zürich–Genève 1865, €12 東京 😀x", "—é—", "a-b c'd", "x² ½ Ⅻ", "€"]
        {
            let mut naive = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_alphanumeric() && i < text.len(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        naive.push((s, &text[s..i]));
                        start = None;
                    }
                    _ => {}
                }
            }
            assert_eq!(alphanumeric_runs(text).collect::<Vec<_>>(), naive, "{text:?}");
        }
    }
}
