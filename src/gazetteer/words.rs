//! Matching folded surfaces word by word: a trie whose edges are whole words.
//!
//! Every folded surface is a padded sequence of words (" battle of lima "), and the
//! folded text is one too, with exactly one space between words (see `fold.rs`). So a
//! surface occurs in the text exactly where a run of consecutive text words equals its
//! words, and the matches of all surfaces are found by walking the trie from every text
//! word: one hash lookup per text word to learn its word id, then one lookup per step
//! along a trie path, which stops at the first word no surface continues with. That is
//! linear in the text (a walk is at most as long as the longest surface) and gives the
//! same matches as an overlapping Aho-Corasick search over the folded bytes.
//!
//! The trie is cheap to build (one insert per word of a surface), so the article-local
//! entries, which differ for every article, get their own small trie per article; the
//! global entries, built once, are compiled into an fst that is stored (`compiled.rs`).

use rustc_hash::FxHashMap;

/// No value at a trie node (it only continues longer surfaces).
const NONE: u32 = u32::MAX;

/// The most words a surface may have. The walk from each text word is as long as the
/// longest surface, and an article-local surface is a run of the article's own text: a run
/// of thousands of capitalized words ("Institute of Institute of ...") made every walk that
/// long, quadratic in the page. Names and titles are far shorter.
pub(crate) const MAX_SURFACE_WORDS: usize = 32;

/// Surfaces (folded, padded) compiled into a word trie, each with a `u32` value.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordTrie {
    /// Folded word -> word id.
    vocabulary: FxHashMap<Box<str>, u32>,
    /// (node << 32 | word id) -> child node. Node 0 is the root.
    edges: FxHashMap<u64, u32>,
    /// Node -> the value of the surface ending there, or `NONE`.
    values: Vec<u32>,
    /// By a word's first byte, a bit per length (31 for longer) of the vocabulary's words
    /// that start with it: most text words are in no surface, and this turns them away
    /// before hashing them (empty until the first word is added).
    shapes: Vec<u32>,
}

/// The bit of a word's length in [`WordTrie::shapes`].
fn length_bit(word: &[u8]) -> u32 {
    1 << word.len().min(31)
}

/// A word of a folded text: its byte range, without the spaces around it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub start: u32,
    pub end: u32,
}

/// The words of a folded text (a padded, single-spaced string), in order.
pub(crate) fn words_of(folded: &str) -> Vec<Word> {
    let bytes = folded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut start = 0;
    for space in memchr::memchr_iter(b' ', bytes) {
        if space > start {
            out.push(Word { start: start as u32, end: space as u32 });
        }
        start = space + 1;
    }
    if start < bytes.len() {
        out.push(Word { start: start as u32, end: bytes.len() as u32 });
    }
    out
}

impl WordTrie {
    /// An empty trie.
    pub fn new() -> WordTrie {
        WordTrie { values: vec![NONE], ..WordTrie::default() }
    }

    /// The id of `word`, added when new.
    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(word) {
            return id;
        }
        let id = self.vocabulary.len() as u32;
        self.vocabulary.insert(Box::from(word), id);
        if self.shapes.is_empty() {
            self.shapes = vec![0; 256];
        }
        if let Some(&first) = word.as_bytes().first() {
            self.shapes[usize::from(first)] |= length_bit(word.as_bytes());
        }
        id
    }

    /// Add a folded surface with `value`. The first value given for a surface stays
    /// (returns false for a repeat), and a surface with no word or more than
    /// [`MAX_SURFACE_WORDS`] is ignored.
    pub fn insert(&mut self, folded: &str, value: u32) -> bool {
        if folded.split(' ').filter(|w| !w.is_empty()).nth(MAX_SURFACE_WORDS).is_some() {
            return false;
        }
        let mut node = 0u32;
        let mut any = false;
        for word in folded.split(' ').filter(|w| !w.is_empty()) {
            any = true;
            let id = self.word_id(word);
            let key = (u64::from(node) << 32) | u64::from(id);
            node = match self.edges.get(&key) {
                Some(&child) => child,
                None => {
                    let child = self.values.len() as u32;
                    self.values.push(NONE);
                    self.edges.insert(key, child);
                    child
                }
            };
        }
        let slot = &mut self.values[node as usize];
        if !any || *slot != NONE {
            return false;
        }
        *slot = value;
        true
    }

    /// False when no word of the vocabulary has `word`'s first byte and length.
    fn may_hold(&self, word: &[u8]) -> bool {
        let shape = word.first().and_then(|&b| self.shapes.get(usize::from(b)));
        shape.is_some_and(|&lengths| lengths & length_bit(word) != 0)
    }

    /// True when no surface was added.
    pub fn is_empty(&self) -> bool {
        self.vocabulary.is_empty()
    }

    /// Every occurrence of every surface among `words` of `folded`: `found(first, last,
    /// value)` with the indexes of its first and last word, by first word, then length.
    pub fn find(&self, folded: &str, words: &[Word], mut found: impl FnMut(usize, usize, u32)) {
        if self.is_empty() {
            return;
        }
        let ids: Vec<u32> = words
            .iter()
            .map(|w| {
                folded
                    .get(w.start as usize..w.end as usize)
                    .filter(|word| self.may_hold(word.as_bytes()))
                    .and_then(|word| self.vocabulary.get(word).copied())
                    .unwrap_or(NONE)
            })
            .collect();
        for first in 0..ids.len() {
            let mut node = 0u32;
            for (last, &id) in ids.iter().enumerate().skip(first) {
                if id == NONE {
                    break;
                }
                let Some(&child) = self.edges.get(&((u64::from(node) << 32) | u64::from(id)))
                else {
                    break;
                };
                node = child;
                let value = self.values[node as usize];
                if value != NONE {
                    found(first, last, value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_overlapping_word_run() {
        let mut trie = WordTrie::new();
        assert!(trie.insert(" san ", 0));
        assert!(trie.insert(" san jose ", 1));
        assert!(trie.insert(" jose ", 2));
        assert!(!trie.insert(" san ", 3), "the first value stays");
        assert!(!trie.insert(" ", 4), "no word");
        let longest = " of".repeat(MAX_SURFACE_WORDS) + " ";
        assert!(trie.insert(&longest, 5), "{MAX_SURFACE_WORDS} words");
        assert!(!trie.insert(&(" of".to_string() + &longest), 6), "one word more");
        let text = " in san jose and san josefina ";
        let words = words_of(text);
        let mut got = Vec::new();
        trie.find(text, &words, |a, b, v| {
            got.push((&text[words[a].start as usize..words[b].end as usize], v))
        });
        assert_eq!(got, [("san", 0), ("san jose", 1), ("jose", 2), ("san", 0)]);
    }
}
