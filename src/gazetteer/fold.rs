//! Case, accent and boundary folding with a map back to the original byte offsets.
//!
//! Text and surfaces both go through [`Folded::new`], and a match in the folded copy is
//! mapped back through the byte map.
//!
//! Folding rules, per char: Unicode lowercase; canonical decomposition with the
//! combining marks dropped (é -> e, ñ -> n); a few letters that do not decompose
//! (ø, æ, ł, đ, ß, ...) spelled out in ASCII. Every char that is not a letter or a
//! digit (white space, punctuation, dashes, apostrophes) becomes a space, runs of them
//! collapse to one, and the result is padded with a space at each end.
//!
//! That last rule makes words the unit of matching (`words.rs`): " lima " is one word,
//! so "Lima" is never reported inside "Limache", and "Pezet's" folds to " pezet s "
//! where " pezet " matches.
//! It also makes "Vivanco-Pareja", "Vivanco–Pareja" and "Vivanco Pareja" equal.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a text and the offset map back to it.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text: starts and ends with a space.
    pub text: String,
    /// For every byte of `text`, the byte offset of the original char it came from
    /// (the padding maps to 0 and to the text's length).
    map: Vec<u32>,
}

/// Where [`fold_into`] records, for every byte it writes, the original offset it came from.
trait OffsetSink {
    /// `n` folded bytes came from the original byte offset `at`.
    fn record(&mut self, at: usize, n: usize);
}

impl OffsetSink for Vec<u32> {
    fn record(&mut self, at: usize, n: usize) {
        if n == 1 {
            self.push(at as u32);
        } else {
            self.extend(std::iter::repeat_n(at as u32, n));
        }
    }
}

/// No map: a surface or title folded to be looked up, never mapped back.
impl OffsetSink for () {
    fn record(&mut self, _: usize, _: usize) {}
}

/// Fold `text` (the rules of the module doc), recording each folded byte's origin in `map`.
fn fold_into(text: &str, map: &mut impl OffsetSink) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len() + 2);
    out.push(b' ');
    map.record(0, 1);
    let mut last_space = true;
    let bytes = text.as_bytes();
    // The fold of one non-ASCII char, reused.
    let mut folded_char = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            // ASCII (most of any text), one byte at a time with no decoding: a letter or
            // digit is copied lowercased, anything else is a boundary.
            match ASCII_FOLD[usize::from(b)] {
                0 if last_space => {}
                0 => {
                    out.push(b' ');
                    map.record(at, 1);
                    last_space = true;
                }
                folded => {
                    out.push(folded);
                    map.record(at, 1);
                    last_space = false;
                }
            }
            at += 1;
            continue;
        }
        let Some(ch) = text[at..].chars().next() else { break };
        folded_char.clear();
        fold_char(ch, &mut folded_char);
        if !folded_char.is_empty() {
            out.extend_from_slice(folded_char.as_bytes());
            map.record(at, folded_char.len());
            last_space = false;
        } else if !is_combining_mark(ch) && !last_space {
            // Not a letter or digit: a boundary.
            out.push(b' ');
            map.record(at, 1);
            last_space = true;
        }
        at += ch.len_utf8();
    }
    if !last_space {
        out.push(b' ');
        map.record(text.len(), 1);
    }
    // Only ASCII bytes and whole chars were pushed: always valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl Folded {
    /// Fold `text`, keeping the map back to its offsets.
    pub fn new(text: &str) -> Folded {
        let mut map: Vec<u32> = Vec::with_capacity(text.len() + 2);
        let text = fold_into(text, &mut map);
        Folded { text, map }
    }

    /// The original byte range of the folded range `[start, end)`, which must lie
    /// between two padding spaces (as every match of a padded pattern does).
    pub fn original(&self, start: usize, end: usize, text: &str) -> Option<(usize, usize)> {
        if start >= end || end > self.map.len() {
            return None;
        }
        let from = self.map[start] as usize;
        let last = self.map[end - 1] as usize;
        let to = last + text.get(last..)?.chars().next()?.len_utf8();
        Some((from, to))
    }
}

/// Each ASCII byte's fold: a letter or digit lowercased, 0 for anything else (a boundary).
const ASCII_FOLD: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Fold a pattern (or any string) the same way as text, padding included (no offset map).
pub(crate) fn fold(s: &str) -> String {
    fold_into(s, &mut ())
}

/// Push the folded form of a letter or digit; push nothing for anything else.
fn fold_char(ch: char, out: &mut String) {
    if let Some(spelled) = spell_out(ch) {
        return out.push_str(spelled);
    }
    decompose_canonical(ch, |d| {
        if !is_combining_mark(d) && d.is_alphanumeric() {
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
    fn folds_case_accents_punctuation_and_pads() {
        assert_eq!(fold("Simón"), " simon ");
        assert_eq!(fold("DIEZ CANSECO"), " diez canseco ");
        assert_eq!(fold("Vivanco–Pareja"), " vivanco pareja ");
        assert_eq!(fold("Straße"), " strasse ");
        assert_eq!(fold("Łódź"), " lodz ");
        assert_eq!(fold("  Gómez \t Sánchez, "), " gomez sanchez ");
        assert_eq!(fold("Pezet's"), " pezet s ");
        assert_eq!(fold("e\u{301}"), " e ", "a decomposed accent is dropped, not a boundary");
        assert_eq!(fold("中文 😀"), " 中文 ");
        assert_eq!(fold("—"), " ");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let text = "Puerta de Juan Simón, 中 Straße";
        let f = Folded::new(text);
        let at = f.text.find(" simon ").unwrap() + 1;
        let (start, end) = f.original(at, at + "simon".len(), text).unwrap();
        assert_eq!(&text[start..end], "Simón");
        let at = f.text.find(" strasse ").unwrap() + 1;
        let (start, end) = f.original(at, at + "strasse".len(), text).unwrap();
        assert_eq!(&text[start..end], "Straße");
    }
}
