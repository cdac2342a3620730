//! spaCy training data: one JSON object per article (JSONL) that `tools/spacy_docbin.py`
//! turns into a `.spacy` DocBin with `Doc(vocab, words, spaces, sent_starts)`.
//!
//! Fields: `id`, `text`, `words` and `spaces` (spaCy's own tokenization model: joining
//! every word with a space where `spaces` says so gives `text` back exactly, so its
//! character offsets are ours; runs of other whitespace are words of their own, as spaCy's
//! tokenizer makes them), `sent_starts` (one per word), `ents` (`[start, end, label]` in
//! code points, our labels unchanged), `timexes` (`[start, end, type, value]`) and
//! `events` (`[start, end, type]`), which the script stores as span groups. A DocBin
//! holds no entity ids, event arguments or infobox checks: reported once.

use std::io::{self, Write};

use serde::Serialize;

use super::{token_view, ByteIndex, ExportReport, Located, RecordLine};
use crate::span::{CharIndex, Span};

#[derive(Serialize)]
struct DocWire<'a> {
    id: &'a str,
    text: &'a str,
    words: Vec<&'a str>,
    spaces: Vec<bool>,
    sent_starts: Vec<bool>,
    ents: Vec<(usize, usize, &'a str)>,
    timexes: Vec<(usize, usize, &'a str, &'a str)>,
    events: Vec<(usize, usize, &'a str)>,
}

/// Write one article record as one JSON line.
pub fn write_article<W: Write + ?Sized>(
    out: &mut W,
    rec: &RecordLine<'_>,
    report: &mut ExportReport,
) -> io::Result<()> {
    let text = rec.text();
    let bytes = ByteIndex::new(text);
    let view = token_view(rec, &bytes, report);
    if !rec.entities.is_empty() || !rec.events.is_empty() {
        report.cannot_hold("entity ids and event arguments (a DocBin span has a label only)");
    }
    if rec.infobox.as_ref().is_some_and(|i| !i.checks.is_empty()) {
        report.cannot_hold("infobox checks (a DocBin has no place for them)");
    }
    report.articles += 1;
    let tokens = &view.tokenized.tokens;
    let mut sentence_start = vec![false; tokens.len()];
    for s in &view.tokenized.sentences {
        sentence_start[s.start] = true;
    }
    let mut words = Vec::with_capacity(tokens.len() + 1);
    let mut spaces = Vec::with_capacity(tokens.len() + 1);
    let mut sent_starts = Vec::with_capacity(tokens.len() + 1);
    // Leading whitespace is a word of its own.
    let lead = tokens.first().map_or(text.len(), |t| t.start);
    if lead > 0 {
        words.push(&text[..lead]);
        spaces.push(false);
        sent_starts.push(true);
    }
    for (i, t) in tokens.iter().enumerate() {
        words.push(t.slice(text));
        sent_starts.push(sentence_start[i]);
        let gap_end = tokens.get(i + 1).map_or(text.len(), |n| n.start);
        let gap = &text[t.end..gap_end];
        let rest = match gap.strip_prefix(' ') {
            Some(rest) => {
                spaces.push(true);
                rest
            }
            None => {
                spaces.push(false);
                gap
            }
        };
        if !rest.is_empty() {
            words.push(rest);
            spaces.push(false);
            sent_starts.push(false);
        }
    }
    let chars = CharIndex::new(text);
    let ents = view
        .entities
        .iter()
        .map(|e| {
            let span = Span::new(tokens[e.tokens.start].start, tokens[e.tokens.end - 1].end);
            let (s, en) = chars.chars(span);
            (s, en, e.label)
        })
        .collect();
    let timexes =
        rec.timexes.iter().map(|t| (t.start, t.end, t.kind.as_ref(), t.value.as_ref())).collect();
    let events = rec.events.iter().map(|e| (e.at().start, e.at().end, e.kind.as_ref())).collect();
    let doc = DocWire { id: rec.id(), text, words, spaces, sent_starts, ents, timexes, events };
    serde_json::to_writer(&mut *out, &doc)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_spaces_give_the_text_back() {
        let json = r#"{"id":"A","text":"  José  Pezet,\n\nleft.","entities":[{"start":2,"end":13,"label":"PERSON"}]}"#;
        let rec: RecordLine = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        write_article(&mut out, &rec, &mut ExportReport::default()).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let mut text = String::new();
        for (w, s) in doc["words"].as_array().unwrap().iter().zip(doc["spaces"].as_array().unwrap())
        {
            text.push_str(w.as_str().unwrap());
            if s.as_bool().unwrap() {
                text.push(' ');
            }
        }
        assert_eq!(text, rec.text());
        assert_eq!(doc["ents"], serde_json::json!([[2, 13, "PERSON"]]));
    }
}
