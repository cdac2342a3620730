//! Case and accent folding with a map back to the original byte offsets.
//!
//! `aho-corasick`'s `ascii_case_insensitive` folds ASCII only, so Unicode case and
//! accents are folded here: text and patterns both go through [`fold_into`], and a
//! match in the folded copy is mapped back through [`Folded::original`].
//! Folding rules, per char: Unicode lowercase; canonical decomposition with the
//! combining marks dropped (é -> e, ñ -> n); a few letters that do not decompose
//! (ø, æ, ł, đ, ß, ...) spelled out in ASCII; dashes and hyphens -> `-`; curly
//! apostrophes -> `'`; any run of white space -> one space.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text and the offset map back to it.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// For every byte of `text`, the byte offset of the original char it came from.
    /// Empty when the fold kept every offset (pure ASCII without white-space runs).
    map: Vec<u32>,
    original_len: usize,
}

impl Folded {
    /// Fold `text`.
    pub fn new(text: &str) -> Folded {
        let mut folded = Folded { text: String::with_capacity(text.len()), map: Vec::new(), original_len: text.len() };
        let identity = text.bytes().all(|b| b.is_ascii() && !(b.is_ascii_whitespace() && b != b' '))
            && !text.contains("  ");
        if identity {
            folded.text.push_str(text);
            folded.text.make_ascii_lowercase();
            return folded;
        }
        let mut last_space = false;
        for (at, ch) in text.char_indices() {
            let before = folded.text.len();
            if ch.is_whitespace() {
                if !last_space {
                    folded.text.push(' ');
                }
                last_space = true;
            } else {
                last_space = false;
                fold_char(ch, &mut folded.text);
            }
            let added = folded.text.len() - before;
            folded.map.extend(std::iter::repeat_n(at as u32, added));
        }
        folded
    }

    /// The original byte offset of folded byte offset `at`, or `None` when `at` falls
    /// inside the expansion of one original char (so no original boundary exists there).
    pub fn original(&self, at: usize) -> Option<usize> {
        if self.map.is_empty() {
            return Some(at);
        }
        if at >= self.text.len() {
            return Some(self.original_len);
        }
        let here = self.map[at];
        if at > 0 && self.map[at - 1] == here {
            return None;
        }
        Some(here as usize)
    }

    /// The original byte offset where the char ending at folded offset `end` ends.
    /// `None` when `end` splits the expansion of one char. Trailing collapsed
    /// white space is not included.
    pub fn original_end(&self, end: usize, text: &str) -> Option<usize> {
        if self.map.is_empty() {
            return Some(end);
        }
        if end == 0 {
            return Some(0);
        }
        if end < self.text.len() && self.map[end] == self.map[end - 1] {
            return None;
        }
        let start = self.map[end - 1] as usize;
        let ch = text[start..].chars().next()?;
        Some(start + ch.len_utf8())
    }
}

/// Fold a pattern (or any string) the same way as text.
pub(crate) fn fold(s: &str) -> String {
    Folded::new(s.trim()).text
}

fn fold_char(ch: char, out: &mut String) {
    if ch.is_ascii() {
        out.push(ch.to_ascii_lowercase());
        return;
    }
    match ch {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => return out.push('-'),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => return out.push('\''),
        '\u{201C}' | '\u{201D}' => return out.push('"'),
        _ => {}
    }
    if let Some(spelled) = spell_out(ch) {
        return out.push_str(spelled);
    }
    decompose_canonical(ch, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Latin letters without a canonical decomposition, folded by hand.
fn spell_out(ch: char) -> Option<&'static str> {
    Some(match ch {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_dashes() {
        assert_eq!(fold("Simón"), "simon");
        assert_eq!(fold("DIEZ CANSECO"), "diez canseco");
        assert_eq!(fold("Vivanco–Pareja"), "vivanco-pareja");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Gómez  Sánchez"), "gomez sanchez");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let text = "Puerta de Juan Simón, 中 Straße";
        let f = Folded::new(text);
        let at = f.text.find("simon").unwrap();
        let start = f.original(at).unwrap();
        let end = f.original_end(at + "simon".len(), text).unwrap();
        assert_eq!(&text[start..end], "Simón");
        // "ss" from ß: a boundary between the two s is not an original boundary.
        let ss = f.text.find("ss").unwrap();
        assert_eq!(f.original(ss + 1), None);
        assert_eq!(f.original_end(ss + 1, text), None);
    }
}
