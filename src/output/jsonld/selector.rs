//! Text spans as W3C Web Annotation targets: a `oa:SpecificResource` on the article with
//! a `oa:TextPositionSelector` (code points) and a `oa:TextQuoteSelector`.

use serde_json::{json, Map, Value};

use crate::span::{CharIndex, Span};

/// Code points of context kept before and after a quote, as the W3C model suggests
/// ("enough to disambiguate"), while keeping documents small.
const CONTEXT_CHARS: usize = 32;

/// One article's text, its code-point index and its IRI: everything a selector needs.
pub(crate) struct Selectors<'a> {
    text: &'a str,
    index: CharIndex,
    source: String,
}

impl<'a> Selectors<'a> {
    pub(crate) fn new(text: &'a str, source: impl Into<String>) -> Selectors<'a> {
        Selectors { text, index: CharIndex::new(text), source: source.into() }
    }

    /// `span` in code points, when it falls on char boundaries of the text.
    pub(crate) fn chars(&self, span: Span) -> Option<(usize, usize)> {
        self.text.get(span.start..span.end).map(|_| self.index.chars(span))
    }

    /// The target resource for `span`, or `None` when the span is empty or does not fall
    /// on char boundaries (a selector must slice to its quote).
    pub(crate) fn target(&self, span: Span) -> Option<Value> {
        let exact = self.text.get(span.start..span.end).filter(|s| !s.is_empty())?;
        let (start, end) = self.index.chars(span);
        let before = self.text.get(..span.start).unwrap_or("");
        let after = self.text.get(span.end..).unwrap_or("");
        let prefix_at = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
        let prefix = before.get(prefix_at..).unwrap_or("");
        let suffix_to = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
        let suffix = after.get(..suffix_to).unwrap_or("");
        let mut quote = Map::new();
        quote.insert("@type".into(), json!("oa:TextQuoteSelector"));
        quote.insert("exact".into(), json!(exact));
        if !prefix.is_empty() {
            quote.insert("prefix".into(), json!(prefix));
        }
        if !suffix.is_empty() {
            quote.insert("suffix".into(), json!(suffix));
        }
        Some(json!({
            "@type": "oa:SpecificResource",
            "hasSource": self.source,
            "hasSelector": [
                {"@type": "oa:TextPositionSelector", "start": start, "end": end},
                Value::Object(quote),
            ],
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selectors_of(target: &Value) -> (&Value, &Value) {
        (&target["hasSelector"][0], &target["hasSelector"][1])
    }

    #[test]
    fn position_slices_to_quote_in_non_ascii_text() {
        let text = "Le café coûte 3 € à 中国 😀 today, said Zoë.";
        let s = Selectors::new(text, "https://example.org/a");
        for word in ["café", "€", "中国", "😀", "Zoë", "Le", "."] {
            let at = text.find(word).unwrap();
            let target = s.target(Span::new(at, at + word.len())).unwrap();
            let (pos, quote) = selectors_of(&target);
            let start = pos["start"].as_u64().unwrap() as usize;
            let end = pos["end"].as_u64().unwrap() as usize;
            let sliced: String = text.chars().skip(start).take(end - start).collect();
            assert_eq!(sliced, word);
            assert_eq!(quote["exact"], word);
            let prefix = quote["prefix"].as_str().unwrap_or("");
            let suffix = quote["suffix"].as_str().unwrap_or("");
            assert!(text.contains(&format!("{prefix}{word}{suffix}")), "{word}");
            assert!(
                prefix.chars().count() <= CONTEXT_CHARS && suffix.chars().count() <= CONTEXT_CHARS
            );
        }
    }

    #[test]
    fn no_target_for_broken_or_empty_spans() {
        let s = Selectors::new("é", "x:a");
        assert!(s.target(Span::new(0, 1)).is_none());
        assert!(s.target(Span::new(0, 0)).is_none());
        assert!(s.target(Span::new(0, 9)).is_none());
        assert!(s.target(Span::new(0, 2)).is_some());
    }
}
