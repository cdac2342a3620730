//! Tokens and sentences for the token-based exports (CoNLL, spaCy).
//!
//! Sentences are those of [`crate::sentences`] (the events stage splits the same way),
//! merged where an annotation would straddle a boundary, plus any non-blank text the
//! splitter left between sentences (nothing is dropped). Tokens: a run of letters and
//! digits, joined across `.`, `'`, `’`, `-`, `,` when a letter or digit follows
//! (`U.S`, `1,000`, `O'Higgins`, `Lima-Callao`); an abbreviation keeps its final period
//! (`U.S.`); an apostrophe right after a word starts a clitic token (`'s` when a cut
//! parts it from `José`); any other visible character is a token of its own. Every annotation
//! boundary (entity, timex, event trigger) also cuts, so each annotation covers whole
//! tokens and its text is exactly the text of its tokens.

use crate::{sentences::SentenceSplitter, span::Span};

/// An article cut into sentences of tokens (byte spans of the text).
#[derive(Debug, Default)]
pub struct Tokenized {
    /// Every token, in text order.
    pub tokens: Vec<Span>,
    /// Sentences as ranges of token indices, in order, covering every token.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// Characters that join two alphanumeric runs into one token.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | ',')
}

/// Cut `text` into sentences and tokens; `cuts` (byte offsets) must fall between tokens,
/// and `keep_together` spans must not be split across sentences.
pub fn tokenize(text: &str, cuts: &[usize], keep_together: &[Span]) -> Tokenized {
    let mut cuts = cuts.to_vec();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Tokenized::default();
    for sentence in sentence_spans(text, keep_together) {
        let first = out.tokens.len();
        tokens_of(text, sentence, &cuts, &mut out.tokens);
        if out.tokens.len() > first {
            out.sentences.push(first..out.tokens.len());
        }
    }
    out
}

/// The splitter's sentences, merged across `keep_together` spans, with the gaps between
/// them (blank or not) folded in so no text is lost.
fn sentence_spans(text: &str, keep_together: &[Span]) -> Vec<Span> {
    let split = SentenceSplitter::new().split(text);
    let mut spans: Vec<Span> = Vec::with_capacity(split.len() + 1);
    let mut covered = 0;
    for s in split {
        if s.start > covered && !text[covered..s.start].trim().is_empty() {
            spans.push(Span::new(covered, s.start));
        }
        spans.push(Span::new(s.start.max(covered), s.end.max(covered)));
        covered = covered.max(s.end);
    }
    if covered < text.len() && !text[covered..].trim().is_empty() {
        spans.push(Span::new(covered, text.len()));
    }
    // Merge a sentence into the previous one when an annotation crosses the boundary:
    // one sweep, boundaries and annotation starts both in increasing order.
    let mut together: Vec<Span> = keep_together.to_vec();
    together.sort_unstable();
    let mut next = 0;
    let mut reach = 0;
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        while next < together.len() && together[next].start < s.start {
            reach = reach.max(together[next].end);
            next += 1;
        }
        match merged.last_mut() {
            Some(last) if reach > s.start => last.end = s.end,
            _ => merged.push(s),
        }
    }
    merged
}

/// Append the tokens of `text[region]` to `out`.
fn tokens_of(text: &str, region: Span, cuts: &[usize], out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let is_cut = |at: usize| cuts.binary_search(&at).is_ok();
    let char_at = |at: usize| text[at..].chars().next();
    let mut i = region.start;
    while i < region.end {
        let Some(c) = char_at(i) else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + c.len_utf8();
        // A clitic cut off its word ("José|'s") stays one token, as in the Penn Treebank.
        let clitic = matches!(c, '\'' | '’')
            && text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && char_at(j).is_some_and(char::is_alphabetic);
        if c.is_alphanumeric() || clitic {
            while j < region.end && !is_cut(j) {
                let Some(d) = char_at(j) else { break };
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                    continue;
                }
                let after = j + d.len_utf8();
                let next_alnum = after < region.end
                    && !is_cut(after)
                    && char_at(after).is_some_and(char::is_alphanumeric);
                if is_joiner(d) && next_alnum {
                    j = after;
                    continue;
                }
                // `U.S.`: a final period after single letters joined by periods.
                if d == '.' && j >= 2 && bytes[j - 2] == b'.' && text[start..j].contains('.') {
                    j = after;
                }
                break;
            }
        }
        out.push(Span::new(start, j));
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'t>(text: &'t str, cuts: &[usize]) -> Vec<&'t str> {
        tokenize(text, cuts, &[]).tokens.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn words_numbers_and_abbreviations() {
        assert_eq!(
            words("The U.S. paid 1,000 pesos (O'Higgins).", &[]),
            ["The", "U.S.", "paid", "1,000", "pesos", "(", "O'Higgins", ")", "."]
        );
        assert_eq!(
            words("Lima-Callao, 1865–66.", &[]),
            ["Lima-Callao", ",", "1865", "–", "66", "."]
        );
    }

    #[test]
    fn non_ascii_and_cuts() {
        let text = "José's café € 中国 😀ok";
        assert_eq!(words(text, &[]), ["José's", "café", "€", "中国", "😀", "ok"]);
        // A cut after "José" splits the possessive off.
        assert_eq!(words(text, &[5]), ["José", "'s", "café", "€", "中国", "😀", "ok"]);
    }

    #[test]
    fn sentences_cover_every_token() {
        let text = "= Title =\n\nPezet resigned. Prado ruled.\nstray";
        let t = tokenize(text, &[], &[]);
        assert_eq!(t.sentences.len(), 4);
        assert_eq!(t.sentences.last().unwrap().end, t.tokens.len());
        // An annotation across the boundary keeps the two sentences together.
        let a = text.find("resigned").unwrap();
        let b = text.find("Prado").unwrap() + 5;
        assert_eq!(tokenize(text, &[], &[Span::new(a, b)]).sentences.len(), 3);
    }
}
