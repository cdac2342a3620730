//! CoNLL-2003 BIO: one `token TAG` line per token, a blank line after each sentence,
//! and `-DOCSTART- O` plus a blank line before each document (the layout conlleval and
//! most NER loaders read; the two-column form of wikigold).
//!
//! Tags are `B-`/`I-` with the contract's mapping (PERSON -> PER, PLACE -> LOC,
//! ORG -> ORG, everything else -> MISC; [`Label::conll`]). Tokens and sentences are
//! those of [`super::tokens`]. CoNLL holds one label per token and nothing else: an
//! overlapping mention, timexes, events, ids and infobox checks are reported once.

use std::io::{self, Write};

use super::{token_view, ByteIndex, ExportReport, RecordLine};
use crate::gazetteer::Label;

/// The line that opens each document.
pub const DOCSTART: &str = "-DOCSTART- O";

/// The CoNLL tag class of a record label; a label this build does not know is MISC
/// (a name of no known class), like [`Label::Unknown`].
pub fn conll_class(label: &str) -> &'static str {
    label.parse::<Label>().map(Label::conll).unwrap_or("MISC")
}

/// Write one article record as a CoNLL document.
pub fn write_article<W: Write + ?Sized>(
    out: &mut W,
    rec: &RecordLine<'_>,
    report: &mut ExportReport,
) -> io::Result<()> {
    let text = rec.text();
    let bytes = ByteIndex::new(text);
    let view = token_view(rec, &bytes, report);
    if !rec.timexes.is_empty() || !rec.events.is_empty() {
        report.cannot_hold("timexes and events (CoNLL has one entity tag per token)");
    }
    if rec.infobox.as_ref().is_some_and(|i| !i.checks.is_empty()) || !rec.entities.is_empty() {
        report.cannot_hold("entity ids and infobox checks (CoNLL has one entity tag per token)");
    }
    report.articles += 1;
    writeln!(out, "{DOCSTART}\n")?;
    let mut entities = view.entities.iter().peekable();
    for sentence in &view.tokenized.sentences {
        for t in sentence.clone() {
            while entities.peek().is_some_and(|e| e.tokens.end <= t) {
                entities.next();
            }
            let token = view.tokenized.tokens[t].slice(text);
            match entities.peek().filter(|e| e.tokens.contains(&t)) {
                Some(e) => {
                    let bio = if e.tokens.start == t { 'B' } else { 'I' };
                    writeln!(out, "{token} {bio}-{}", conll_class(e.label))?
                }
                None => writeln!(out, "{token} O")?,
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conll(json: &str) -> (String, ExportReport) {
        let rec: RecordLine = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        let mut report = ExportReport::default();
        write_article(&mut out, &rec, &mut report).unwrap();
        (String::from_utf8(out).unwrap(), report)
    }

    #[test]
    fn bio_tags_by_label_mapping() {
        let (out, report) = conll(
            r#"{"id":"A","text":"José Pezet left Lima. The Treaty of Paris followed.",
                "entities":[{"start":0,"end":10,"label":"PERSON"},{"start":16,"end":20,"label":"PLACE"},
                            {"start":26,"end":41,"label":"TREATY"}]}"#,
        );
        assert_eq!(
            out,
            "-DOCSTART- O\n\nJosé B-PER\nPezet I-PER\nleft O\nLima B-LOC\n. O\n\n\
             The O\nTreaty B-MISC\nof I-MISC\nParis I-MISC\nfollowed O\n. O\n\n"
        );
        assert_eq!(report.articles, 1);
    }

    #[test]
    fn overlaps_are_counted_and_unknown_labels_are_misc() {
        let (out, report) = conll(
            r#"{"id":"A","text":"Lima Callao","entities":[{"start":0,"end":11,"label":"NEWKIND"},
                {"start":5,"end":11,"label":"PLACE"}]}"#,
        );
        assert_eq!(out, "-DOCSTART- O\n\nLima B-MISC\nCallao I-MISC\n\n");
        assert_eq!(report.overlapping_entities, 1);
    }
}
