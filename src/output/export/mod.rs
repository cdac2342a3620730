//! Exports for downstream tools (`wikianno export`): CoNLL-2003 BIO, spaCy JSONL, brat
//! standoff, and RDF (N-Triples, Turtle).
//!
//! The token formats (CoNLL, spaCy, brat) read the NDJSON record ([`RecordLine`]), so
//! they export whatever the pipeline wrote, today's or an old file. RDF is the JSON-LD
//! graph re-serialized ([`rdf`]), so the two can never disagree. Records that are no
//! article (errors, redirects) yield nothing and are counted in [`ExportReport`]; what a
//! format cannot hold is said once per run ([`ExportReport::notices`]).

pub mod brat;
pub mod conll;
pub mod rdf;
pub mod record;
pub mod spacy;
pub mod tokens;

use std::collections::BTreeSet;

pub use record::{ByteIndex, CharRange, LineKind, Located, RecordLine};

use crate::span::Span;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// CoNLL-2003 BIO: `token TAG` lines, blank lines between sentences, `-DOCSTART- O`
    /// before each document.
    Conll,
    /// One JSON object per article with words, spaces, sentence starts and entity spans,
    /// which `tools/spacy_docbin.py` turns into a `.spacy` DocBin.
    Spacy,
    /// brat standoff: `<id>.txt` + `<id>.ann` per article and one `annotation.conf`.
    Brat,
    /// N-Triples of the JSON-LD graph.
    NTriples,
    /// Turtle of the JSON-LD graph.
    Turtle,
}

impl ExportFormat {
    /// The name used on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Conll => "conll",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Brat => "brat",
            ExportFormat::NTriples => "ntriples",
            ExportFormat::Turtle => "turtle",
        }
    }

    /// True for the formats written from the JSON-LD graph rather than from records.
    pub const fn is_rdf(self) -> bool {
        matches!(self, ExportFormat::NTriples | ExportFormat::Turtle)
    }
}

/// What an export run skipped or could not hold; printed on stderr at the end.
#[derive(Debug, Default, Clone)]
pub struct ExportReport {
    /// Articles exported.
    pub articles: usize,
    /// Error records (no output for them).
    pub errors: usize,
    /// Redirect records (no output for them).
    pub redirects: usize,
    /// NDJSON lines that were not JSON records.
    pub unreadable: usize,
    /// Entity mentions left out because they overlap an earlier one (one label per token).
    pub overlapping_entities: usize,
    /// Annotations left out because they cover no token (blank, or outside the text).
    pub empty_spans: usize,
    /// What the format cannot hold, each said once.
    not_held: BTreeSet<String>,
}

impl ExportReport {
    /// Note, once per run, that the format cannot hold `what`.
    pub fn cannot_hold(&mut self, what: &str) {
        if !self.not_held.contains(what) {
            self.not_held.insert(what.to_string());
        }
    }

    /// Count a line that is no article.
    pub fn skip(&mut self, kind: LineKind) {
        match kind {
            LineKind::Article => {}
            LineKind::Redirect => self.redirects += 1,
            LineKind::Error => self.errors += 1,
        }
    }

    /// Add another report's counts (reports made on several threads).
    pub fn merge(&mut self, other: ExportReport) {
        self.articles += other.articles;
        self.errors += other.errors;
        self.redirects += other.redirects;
        self.unreadable += other.unreadable;
        self.overlapping_entities += other.overlapping_entities;
        self.empty_spans += other.empty_spans;
        self.not_held.extend(other.not_held);
    }

    /// One line per thing worth saying: skipped records, dropped spans, fields the
    /// format cannot hold.
    pub fn notices(&self, format: ExportFormat) -> Vec<String> {
        let f = format.as_str();
        let mut out = Vec::new();
        if self.errors + self.redirects + self.unreadable > 0 {
            out.push(format!(
                "{f}: {} article(s) exported; nothing written for {} error record(s), {} redirect(s), {} unreadable line(s)",
                self.articles, self.errors, self.redirects, self.unreadable
            ));
        }
        if self.overlapping_entities > 0 {
            out.push(format!(
                "{f}: {} entity mention(s) overlapping an earlier one not written (one label per token)",
                self.overlapping_entities
            ));
        }
        if self.empty_spans > 0 {
            out.push(format!("{f}: {} span(s) covering no token not written", self.empty_spans));
        }
        for what in &self.not_held {
            out.push(format!("{f}: cannot hold {what}; not written"));
        }
        out
    }
}

/// An entity mention placed on tokens: its token range and label.
#[derive(Debug, Clone)]
pub(crate) struct TokenSpan<'r> {
    /// Token indices `[first, end)`.
    pub tokens: std::ops::Range<usize>,
    /// The label as the record wrote it.
    pub label: &'r str,
}

/// An article's tokens, sentences, and its entities on them (overlaps dropped, counted).
pub(crate) struct TokenView<'r> {
    pub tokenized: tokens::Tokenized,
    pub entities: Vec<TokenSpan<'r>>,
}

/// Tokenize an article record so that every entity, timex and event trigger covers
/// whole tokens; entities become token ranges, in text order, without overlaps.
pub(crate) fn token_view<'r>(
    rec: &'r RecordLine<'_>,
    bytes: &ByteIndex,
    report: &mut ExportReport,
) -> TokenView<'r> {
    let text = rec.text();
    let mut entities: Vec<(Span, &str)> =
        rec.entities.iter().map(|e| (bytes.span(e.at()), e.label.as_ref())).collect();
    entities.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<(Span, &str)> = Vec::with_capacity(entities.len());
    for (span, label) in entities {
        match kept.last() {
            Some((last, _)) if last.end > span.start => report.overlapping_entities += 1,
            _ => kept.push((span, label)),
        }
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(2 * (kept.len() + rec.timexes.len()));
    let mut push = |s: Span| {
        cuts.push(s.start);
        cuts.push(s.end);
    };
    kept.iter().for_each(|(s, _)| push(*s));
    rec.timexes.iter().for_each(|t| push(bytes.span(t.at())));
    rec.events.iter().for_each(|e| push(bytes.span(e.at())));
    let together: Vec<Span> = kept.iter().map(|(s, _)| *s).collect();
    let tokenized = tokens::tokenize(text, &cuts, &together);
    let mut out = Vec::with_capacity(kept.len());
    let mut t = 0;
    let toks = &tokenized.tokens;
    for (span, label) in kept {
        while t < toks.len() && toks[t].end <= span.start {
            t += 1;
        }
        let first = t;
        let mut end = t;
        while end < toks.len() && toks[end].start < span.end {
            end += 1;
        }
        if end == first {
            report.empty_spans += 1;
            continue;
        }
        out.push(TokenSpan { tokens: first..end, label });
        t = end;
    }
    TokenView { tokenized, entities: out }
}

/// What one article record exports to.
#[derive(Debug, Clone, Default)]
pub struct Exported {
    /// The article id (brat names its files after it).
    pub id: String,
    /// CoNLL lines, one spaCy JSON line, or brat's `.txt`.
    pub body: Vec<u8>,
    /// brat's `.ann`.
    pub ann: Option<String>,
}

/// Export one NDJSON line in a record format (CoNLL, spaCy, brat). Error records,
/// redirects and lines that are not records yield `None` and are counted in `report`;
/// so do RDF formats, which are written from the JSON-LD graph ([`rdf`]).
///
/// # Examples
/// ```
/// use wikianno::output::export::{export_line, ExportFormat, ExportReport};
///
/// let mut report = ExportReport::default();
/// let line = r#"{"id":"A","text":"Prado ruled Peru.","entities":[{"start":12,"end":16,"label":"PLACE"}]}"#;
/// let out = export_line(ExportFormat::Conll, line, &mut report).unwrap();
/// assert!(String::from_utf8(out.body).unwrap().contains("Peru B-LOC\n"));
/// assert!(export_line(ExportFormat::Conll, r#"{"source":"x","error":"bad"}"#, &mut report).is_none());
/// assert_eq!(report.errors, 1);
/// ```
pub fn export_line(
    format: ExportFormat,
    line: &str,
    report: &mut ExportReport,
) -> Option<Exported> {
    let rec: RecordLine = match serde_json::from_str(line) {
        Ok(rec) => rec,
        Err(_) => {
            report.unreadable += 1;
            return None;
        }
    };
    export_record(format, &rec, report)
}

/// Export one record already read (see [`export_line`]).
pub fn export_record(
    format: ExportFormat,
    rec: &RecordLine<'_>,
    report: &mut ExportReport,
) -> Option<Exported> {
    let kind = rec.kind();
    if kind != LineKind::Article {
        report.skip(kind);
        return None;
    }
    let mut body = Vec::with_capacity(rec.text().len() * 2);
    let mut ann = None;
    // Writing to a Vec cannot fail.
    match format {
        ExportFormat::Conll => {
            let _ = conll::write_article(&mut body, rec, report);
        }
        ExportFormat::Spacy => {
            let _ = spacy::write_article(&mut body, rec, report);
        }
        ExportFormat::Brat => {
            body.extend_from_slice(rec.text().as_bytes());
            ann = Some(brat::ann(rec, report));
        }
        ExportFormat::NTriples | ExportFormat::Turtle => return None,
    }
    Some(Exported { id: rec.id().to_string(), body, ann })
}
