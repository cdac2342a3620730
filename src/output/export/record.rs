//! The NDJSON record read back: the input of every export writer and of the review site.
//!
//! Exports read the record contract (ARCHITECTURE.md), not the pipeline's internal types,
//! so a record written yesterday exports the same as one annotated now, and a field that
//! another stage adds reaches the writers without a second conversion. Strings borrow
//! from the line where JSON allows it (`Cow`); fields the writers do not use are skipped
//! by serde without being built.

use std::borrow::Cow;

use serde::Deserialize;

use crate::span::Span;

/// One NDJSON line, whatever kind: an article, a redirect or an error record.
#[derive(Deserialize, Debug, Default)]
pub struct RecordLine<'a> {
    /// Article id (articles only).
    #[serde(borrow, default)]
    pub id: Option<Cow<'a, str>>,
    /// Article title.
    #[serde(borrow, default)]
    pub title: Option<Cow<'a, str>>,
    /// Where the record came from.
    #[serde(borrow, default)]
    pub source: Option<Cow<'a, str>>,
    /// The article text every offset counts in.
    #[serde(borrow, default)]
    pub text: Option<Cow<'a, str>>,
    /// Error records: what went wrong.
    #[serde(borrow, default)]
    pub error: Option<Cow<'a, str>>,
    /// Redirect records: the redirecting title.
    #[serde(borrow, default)]
    pub redirect: Option<Cow<'a, str>>,
    /// Sections.
    #[serde(borrow, default)]
    pub sections: Vec<SectionRecord<'a>>,
    /// Entity mentions.
    #[serde(borrow, default)]
    pub entities: Vec<EntityRecord<'a>>,
    /// Temporal expressions.
    #[serde(borrow, default)]
    pub timexes: Vec<TimexRecord<'a>>,
    /// Event frames.
    #[serde(borrow, default)]
    pub events: Vec<EventRecord<'a>>,
    /// The infobox and its checks.
    #[serde(borrow, default)]
    pub infobox: Option<InfoboxRecord<'a>>,
    /// Diagnostics.
    #[serde(borrow, default)]
    pub diagnostics: Vec<DiagnosticRecord<'a>>,
}

/// What kind of line a [`RecordLine`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// An article record (it has `id` and `text`).
    Article,
    /// A redirect record.
    Redirect,
    /// An error record, or a line that is none of the above.
    Error,
}

impl RecordLine<'_> {
    /// The kind of this line.
    pub fn kind(&self) -> LineKind {
        if self.error.is_some() {
            LineKind::Error
        } else if self.redirect.is_some() {
            LineKind::Redirect
        } else if self.id.is_some() && self.text.is_some() {
            LineKind::Article
        } else {
            LineKind::Error
        }
    }

    /// The article id, or `""`.
    pub fn id(&self) -> &str {
        self.id.as_deref().unwrap_or("")
    }

    /// The article text, or `""`.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// The title, else the id.
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or_else(|| self.id())
    }
}

/// A code-point range `[start, end)` of the article text.
#[derive(Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CharRange {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A section heading.
#[derive(Deserialize, Debug)]
pub struct SectionRecord<'a> {
    /// Heading text.
    #[serde(borrow)]
    pub title: Cow<'a, str>,
    /// Heading level.
    #[serde(default)]
    pub level: u8,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// An entity mention.
#[derive(Deserialize, Debug)]
pub struct EntityRecord<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention text.
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    /// The label (`PERSON`, `PLACE`, ...), as written.
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    /// The entity id.
    #[serde(borrow, default)]
    pub id: Cow<'a, str>,
}

/// A temporal expression.
#[derive(Deserialize, Debug)]
pub struct TimexRecord<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text.
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    /// DATE, TIME, DURATION or SET.
    #[serde(borrow, rename = "type")]
    pub kind: Cow<'a, str>,
    /// The TIMEX3 value.
    #[serde(borrow, default)]
    pub value: Cow<'a, str>,
    /// The TIMEX3 modifier.
    #[serde(borrow, default, rename = "mod")]
    pub modifier: Option<Cow<'a, str>>,
}

/// An entity taking part in an event (participant or place).
#[derive(Deserialize, Debug)]
pub struct EntityRefRecord<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text.
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    /// The entity id.
    #[serde(borrow, default)]
    pub id: Cow<'a, str>,
    /// The label.
    #[serde(borrow, default)]
    pub label: Cow<'a, str>,
    /// `agent`, `patient`, ... when a pattern told.
    #[serde(borrow, default)]
    pub role: Option<Cow<'a, str>>,
}

/// The span an event took its date from.
#[derive(Deserialize, Debug)]
pub struct DateSourceRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// True when the date came from an earlier sentence.
    #[serde(default)]
    pub inherited: bool,
}

/// An event frame.
#[derive(Deserialize, Debug)]
pub struct EventRecord<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The trigger text.
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    /// The event type (`ATTACK`, ...).
    #[serde(borrow, rename = "type")]
    pub kind: Cow<'a, str>,
    /// The event's date value.
    #[serde(borrow, default)]
    pub date: Option<Cow<'a, str>>,
    /// Where the date was read.
    #[serde(default)]
    pub date_source: Option<DateSourceRecord>,
    /// Where it happened.
    #[serde(borrow, default)]
    pub place: Option<EntityRefRecord<'a>>,
    /// Who took part.
    #[serde(borrow, default)]
    pub participants: Vec<EntityRefRecord<'a>>,
}

/// The infobox: fields and checks.
#[derive(Deserialize, Debug, Default)]
pub struct InfoboxRecord<'a> {
    /// Fields as written.
    #[serde(borrow, default)]
    pub fields: Vec<FieldRecord<'a>>,
    /// One check per item.
    #[serde(borrow, default)]
    pub checks: Vec<CheckRecord<'a>>,
}

/// An infobox field.
#[derive(Deserialize, Debug)]
pub struct FieldRecord<'a> {
    /// Key.
    #[serde(borrow)]
    pub key: Cow<'a, str>,
    /// Value.
    #[serde(borrow, default)]
    pub value: Cow<'a, str>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A span of evidence.
#[derive(Deserialize, Debug)]
pub struct EvidenceRecord<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Its text.
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
}

/// The verdict on one infobox item.
#[derive(Deserialize, Debug)]
pub struct CheckRecord<'a> {
    /// Field key.
    #[serde(borrow)]
    pub field: Cow<'a, str>,
    /// The item checked.
    #[serde(borrow, default)]
    pub value: Cow<'a, str>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `supported`, `unsupported`, `contradicted` or `unchecked`.
    #[serde(borrow)]
    pub status: Cow<'a, str>,
    /// The normalized value.
    #[serde(borrow, default)]
    pub normalized: Option<Cow<'a, str>>,
    /// Spans of the body that back (or contradict) it.
    #[serde(borrow, default)]
    pub evidence: Vec<EvidenceRecord<'a>>,
    /// Why.
    #[serde(borrow, default)]
    pub message: Cow<'a, str>,
}

/// A diagnostic.
#[derive(Deserialize, Debug)]
pub struct DiagnosticRecord<'a> {
    /// Where, when it has a place.
    #[serde(default)]
    pub start: Option<usize>,
    /// End, when it has a place.
    #[serde(default)]
    pub end: Option<usize>,
    /// The kind.
    #[serde(borrow)]
    pub kind: Cow<'a, str>,
    /// What is wrong.
    #[serde(borrow, default)]
    pub message: Cow<'a, str>,
}

/// Records whose place is a code-point range.
pub trait Located {
    /// The range.
    fn at(&self) -> CharRange;
}

/// `Located` for record structs with `start`/`end` fields.
macro_rules! located {
    ($($t:ty),+) => {
        $(impl Located for $t {
            fn at(&self) -> CharRange {
                CharRange { start: self.start, end: self.end }
            }
        })+
    };
}

located!(
    SectionRecord<'_>,
    EntityRecord<'_>,
    TimexRecord<'_>,
    EntityRefRecord<'_>,
    DateSourceRecord,
    EventRecord<'_>,
    FieldRecord<'_>,
    EvidenceRecord<'_>,
    CheckRecord<'_>
);

/// Code points of one text to bytes: the inverse of [`crate::CharIndex`], for writers
/// that read records (code points) but slice Rust strings (bytes).
///
/// Built in `O(n)`; a lookup is a binary search over the text's multi-byte characters,
/// so ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct ByteIndex {
    /// `(code point index, extra bytes before it)` for every multi-byte char, plus the
    /// total at the end.
    wide: Vec<(usize, usize)>,
    chars: usize,
    len: usize,
}

impl ByteIndex {
    /// The index of `text`.
    pub fn new(text: &str) -> ByteIndex {
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut chars = 0;
        for (i, ch) in text.chars().enumerate() {
            chars = i + 1;
            let n = ch.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i + 1, extra));
            }
        }
        ByteIndex { wide, chars, len: text.len() }
    }

    /// The byte offset of code point `cp` (clamped to the text's end).
    pub fn byte(&self, cp: usize) -> usize {
        if cp >= self.chars {
            return self.len;
        }
        // Extra bytes of every multi-byte char that ends at or before `cp`.
        let i = self.wide.partition_point(|&(end, _)| end <= cp);
        let extra = if i == 0 { 0 } else { self.wide[i - 1].1 };
        cp + extra
    }

    /// The byte span of a code-point range.
    pub fn span(&self, at: CharRange) -> Span {
        Span::new(self.byte(at.start), self.byte(at.end.max(at.start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CharIndex;

    #[test]
    fn byte_index_inverts_char_index() {
        let text = "aé€中😀b x";
        let chars = CharIndex::new(text);
        let bytes = ByteIndex::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let cp = chars.char_offset(b);
            assert_eq!(bytes.byte(cp), b, "code point {cp}");
        }
        assert_eq!(bytes.byte(1000), text.len());
    }

    #[test]
    fn kinds_of_lines() {
        let a: RecordLine = serde_json::from_str(r#"{"id":"A","text":"x"}"#).unwrap();
        assert_eq!(a.kind(), LineKind::Article);
        let e: RecordLine = serde_json::from_str(r#"{"source":"f","error":"bad"}"#).unwrap();
        assert_eq!(e.kind(), LineKind::Error);
        let r: RecordLine =
            serde_json::from_str(r#"{"source":"f","redirect":"A","to":"B"}"#).unwrap();
        assert_eq!(r.kind(), LineKind::Redirect);
    }
}
