//! Evaluation of event mentions and frames: TempEval-3 task B event spans (strict and
//! relaxed P/R/F1, class accuracy on the relaxed matches) on TimeML gold files, and
//! trigger precision and recall on brat standoff (SW100).
//!
//! ```
//! use wikianno::eval::{parse_timeml, score_mentions};
//! use wikianno::events::MentionTagger;
//!
//! let xml = r#"<TimeML><TEXT>A bomb <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT>,
//! police <EVENT eid="e2" class="REPORTING">said</EVENT>.</TEXT></TimeML>"#;
//! let doc = parse_timeml("doc", xml).unwrap();
//! let predicted = MentionTagger::shipped().tag_text(&doc.text);
//! let scores = score_mentions(&doc.name, &doc.text, &doc.events, &predicted);
//! assert_eq!(scores.spans.strict().f1, 1.0);
//! assert_eq!(scores.class_accuracy(), 1.0);
//! ```

use super::{
    score::{match_spans, ratio, SpanCounts},
    timeml::GoldEvent,
};
use crate::{events::EventMention, span::Span};

/// Match counts of event mentions, one document or several added together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MentionScores {
    /// Gold and system mentions and how their spans agree.
    pub spans: SpanCounts,
    /// Relaxed matches whose class agrees (only counted when the gold has classes).
    pub class_correct: usize,
    /// Relaxed matches with a gold class.
    pub class_gold: usize,
    /// One line per miss, spurious mention, mention of another extent than the gold one
    /// it overlaps (`SPAN`) and wrong class, for error analysis.
    pub errors: Vec<String>,
}

impl MentionScores {
    /// Class accuracy on the relaxed matches that have a gold class.
    pub fn class_accuracy(&self) -> f64 {
        ratio(self.class_correct, self.class_gold)
    }

    /// Add another document's counts (errors included).
    pub fn add(&mut self, other: &MentionScores) {
        self.spans.add(&other.spans);
        self.class_correct += other.class_correct;
        self.class_gold += other.class_gold;
        self.errors.extend(other.errors.iter().cloned());
    }
}

/// Score predicted mentions against gold ones on `text`. Gold and system lists may be
/// in any order; each is matched by span (exact first, else overlapping).
pub fn score_mentions(
    name: &str,
    text: &str,
    gold: &[GoldEvent],
    predicted: &[EventMention],
) -> MentionScores {
    let gold_spans: Vec<Span> = gold.iter().map(|g| g.span).collect();
    let system_spans: Vec<Span> = predicted.iter().map(|m| m.span).collect();
    let found = match_spans(&gold_spans, &system_spans);
    let mut s = MentionScores { spans: found.counts, ..Default::default() };
    for (m, overlapped) in predicted.iter().zip(&found.overlapped) {
        match *overlapped {
            // Right place, other extent: a span convention ("was born" vs "born", a
            // phrase vs its head) rather than a false mention.
            Some((g, false)) => s.errors.push(format!(
                "{name}\tSPAN\t{:?}\tgold {:?}",
                m.span.slice(text),
                gold[g].span.slice(text)
            )),
            Some((_, true)) => {}
            None => s.errors.push(format!("{name}\tSPURIOUS\t{:?}", m.span.slice(text))),
        }
    }
    for (g, matched) in gold.iter().zip(&found.matched) {
        let Some(m) = matched.map(|i| &predicted[i]) else {
            s.errors.push(format!("{name}\tMISSED\t{:?}\t{}", g.span.slice(text), g.class));
            continue;
        };
        if !g.class.is_empty() {
            s.class_gold += 1;
            if m.class.as_str() == g.class {
                s.class_correct += 1;
            } else {
                s.errors.push(format!(
                    "{name}\tCLASS\t{:?}\t{} got {}",
                    g.span.slice(text),
                    g.class,
                    m.class.as_str()
                ));
            }
        }
    }
    s
}

/// The `T` lines of a brat standoff file as gold events (no class), converting its
/// character offsets to byte offsets of `text`. A discontinuous span keeps its first
/// piece; lines that do not parse or fall outside `text` are skipped.
pub fn parse_brat(text: &str, ann: &str) -> Vec<GoldEvent> {
    // Byte offset of every char boundary, indexed by code point.
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let mut out: Vec<GoldEvent> = ann
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let id = cols.next().filter(|id| id.starts_with('T'))?;
            let first = cols.next()?.split(';').next()?;
            let mut parts = first.split(' ').skip(1);
            let start: usize = parts.next()?.parse().ok()?;
            let end: usize = parts.next()?.parse().ok()?;
            let span = Span::new(*bytes.get(start)?, *bytes.get(end)?);
            (span.start < span.end).then(|| GoldEvent {
                eid: id.to_string(),
                span,
                class: String::new(),
            })
        })
        .collect();
    out.sort_by_key(|g| g.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_offsets_are_code_points() {
        let text = "Zürich: troops attacked.";
        let ann =
            "T1\tEvent 15 23\tattacked\nE1\tEvent:T1\nT2\tEvent 8 14;15 23\ttroops attacked\n";
        let gold = parse_brat(text, ann);
        let got: Vec<&str> = gold.iter().map(|g| g.span.slice(text)).collect();
        assert_eq!(got, ["troops", "attacked"]);
    }
}
