//! NDJSON: one JSON object per line, per input article (or redirect, or error).
//!
//! Article record fields, in this order: `id`, `title`, `source`, `text`, `sections`,
//! `entities`, `timexes`, `events`, `event_mentions`, `infobox`, `diagnostics`, then for wikitext `tables`
//! (`caption`, `header`, `rows` of cells: `text`, `header`, `colspan`, `rowspan`, offsets)
//! and `dropped` (constructs without plain text kept as placeholders: `kind`, the empty
//! `start`/`end` where they were in `text`, `source_start`/`source_end` of the construct);
//! both are left out when empty. Every span carries
//! `start`/`end` in code points of `text` (Python `str` indices); entities also carry
//! `byte_start`/`byte_end` in UTF-8 bytes. A timex that is a range or a time of day also
//! lists its `parts` (the two ends, or the date), each a timex of its own. When the text was rendered from wikitext,
//! every span also carries `source_start`/`source_end`: code points of the page's
//! wikitext, so results map back to the markup. Error records are
//! `{"source": ..., "error": ...}`; redirect records `{"source", "redirect", "to"}`.

use crate::diagnostic::DiagnosticKind;
use crate::events::EventType;
use crate::gazetteer::{EntrySource, Label};
use std::io::{self, Write};

use serde::Serialize;

use crate::{
    analysis::ClaimKind, article::SourceMap, pipeline::AnnotatedArticle, span::CharIndex,
    InputError, Record, Redirect, Span,
};

/// Where a span is: code points of `text`, and of the wikitext source when the text was
/// rendered from one. Flattened into every span-carrying wire struct.
#[derive(Serialize, Clone, Copy)]
struct Offsets {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_end: Option<usize>,
}

/// An article record as written: the fields, in this order, `id`, `title`, `source`,
/// `text`, `sections`, `entities`, `timexes`, `events`, `event_mentions`, `infobox`,
/// `diagnostics`, then `claims`, `tables` and `dropped` when not empty. Each list is
/// serialized straight from the article's items ([`Lazy`]) instead of a `Vec` of wire
/// values built first: a page of tiny sections or list items has tens of thousands, and
/// those vectors were the largest part of a pathological record's working set (issue 10).
struct ArticleWire<'a> {
    article: &'a AnnotatedArticle,
    chars: Chars<'a>,
}

/// A sequence written item by item from its iterator, never collected. Serializing clones
/// the iterator, so one wire value can be written twice (Parquet writes the line and the
/// columns from it).
struct Lazy<I>(I);

impl<I> Serialize for Lazy<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

/// A date claim of the analysis stage: `entity` (an id) dated `what` at `value`, said
/// at `start`..`end`.
#[derive(Serialize)]
struct ClaimWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    entity: &'a str,
    what: ClaimKind,
    value: &'a str,
}

/// A table: `caption`, `header` cells and `rows` of cells (wikitext only).
#[derive(Serialize)]
struct TableWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<CellWire<'a>>,
    header: Vec<CellWire<'a>>,
    rows: Vec<Vec<CellWire<'a>>>,
}

#[derive(Serialize)]
struct CellWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    header: bool,
    #[serde(skip_serializing_if = "is_one")]
    colspan: u32,
    #[serde(skip_serializing_if = "is_one")]
    rowspan: u32,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// A construct kept as a placeholder: its place in `text` and its extent in the wikitext.
#[derive(Serialize)]
struct DroppedWire {
    kind: &'static str,
    start: usize,
    end: usize,
    source_start: usize,
    source_end: usize,
}

#[derive(Serialize)]
struct SectionWire<'a> {
    title: &'a str,
    level: u8,
    #[serde(flatten)]
    at: Offsets,
}

#[derive(Serialize)]
struct EntityWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    byte_start: usize,
    byte_end: usize,
    text: &'a str,
    label: Label,
    id: &'a str,
    /// Written through its `Display` straight into the line, with no `String` per mention.
    #[serde(serialize_with = "display")]
    source: &'a EntrySource,
}

fn display<S: serde::Serializer>(
    value: &impl std::fmt::Display,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

#[derive(Serialize)]
struct SpanWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
}

#[derive(Serialize)]
struct TimexWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    #[serde(rename = "type")]
    kind: crate::temporal::TimexType,
    value: &'a crate::temporal::TimexValue,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<crate::temporal::TimexMod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<SpanWire<'a>>,
    /// The two ends of a range, or the date inside a time of day (TimeML tags them apart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<TimexWire<'a>>,
}

#[derive(Serialize)]
struct EntityRefWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    id: &'a str,
    label: Label,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
}

#[derive(Serialize)]
struct EventWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    #[serde(rename = "type")]
    kind: EventType,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a crate::temporal::TimexValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_source: Option<DateSourceWire<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<EntityRefWire<'a>>,
    participants: Vec<EntityRefWire<'a>>,
    sentence: SentenceWire,
    /// `negated` or `hypothetical`; absent when the text asserts the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    modality: Option<&'static str>,
}

/// A TimeML event mention: `class`, and `tense`/`aspect` (TimeML names) and `polarity`
/// (`POS`/`NEG`) as the words before it tell.
#[derive(Serialize)]
struct EventMentionWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    class: crate::events::EventClass,
    tense: &'static str,
    aspect: &'static str,
    polarity: &'static str,
}

#[derive(Serialize)]
struct DateSourceWire<'a> {
    #[serde(flatten)]
    at: Offsets,
    text: &'a str,
    inherited: bool,
}

#[derive(Serialize)]
struct SentenceWire {
    #[serde(flatten)]
    at: Offsets,
}

#[derive(Serialize)]
#[serde(bound(serialize = "Lazy<F>: Serialize, Lazy<C>: Serialize"))]
struct InfoboxWire<F, C> {
    fields: Lazy<F>,
    checks: Lazy<C>,
}

#[derive(Serialize)]
struct FieldWire<'a> {
    key: &'a str,
    value: &'a str,
    #[serde(flatten)]
    at: Offsets,
}

#[derive(Serialize)]
#[serde(bound(serialize = "Lazy<E>: Serialize"))]
struct CheckWire<'a, E> {
    field: &'a str,
    value: &'a str,
    #[serde(flatten)]
    at: Offsets,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    normalized: Option<&'a str>,
    evidence: Lazy<E>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<u32>,
}

#[derive(Serialize)]
struct DiagnosticWire<'a> {
    #[serde(flatten)]
    at: Option<Offsets>,
    kind: DiagnosticKind,
    message: &'a str,
}

#[derive(Serialize)]
struct ErrorWire<'a> {
    source: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct RedirectWire<'a> {
    source: &'a str,
    redirect: &'a str,
    to: &'a str,
}

/// Code-point conversion bound to one article's text (and its markup, when the text
/// was rendered from wikitext).
struct Chars<'a> {
    text: &'a str,
    index: CharIndex,
    map: Option<&'a SourceMap>,
    /// Where the last span's source look-up ended (spans come in near text order).
    anchor: std::cell::Cell<usize>,
}

impl<'a> Chars<'a> {
    fn at(&self, span: Span) -> Offsets {
        let (start, end) = self.index.chars(span);
        let (source_start, source_end) = match self.map {
            Some(map) => {
                let mut anchor = self.anchor.get();
                let (a, b) = map.source_chars_near(span, &self.index, &mut anchor);
                self.anchor.set(anchor);
                (Some(a), Some(b))
            }
            None => (None, None),
        };
        Offsets { start, end, source_start, source_end }
    }

    fn span(&self, span: Span) -> SpanWire<'a> {
        SpanWire { at: self.at(span), text: span.slice(self.text) }
    }

    fn timex(&self, t: &'a crate::temporal::Timex) -> TimexWire<'a> {
        TimexWire {
            at: self.at(t.span),
            text: t.span.slice(self.text),
            kind: t.kind,
            value: &t.value,
            modifier: t.modifier,
            anchor: t.anchor.map(|a| self.span(a)),
            parts: t.parts.iter().map(|p| self.timex(p)).collect(),
        }
    }

    fn cell(&self, c: &crate::article::TableCell) -> CellWire<'a> {
        CellWire {
            at: self.at(c.span),
            text: c.span.slice(self.text),
            header: c.header,
            colspan: c.colspan,
            rowspan: c.rowspan,
        }
    }

    fn entity_ref(&self, p: &'a crate::events::Participant) -> EntityRefWire<'a> {
        EntityRefWire {
            at: self.at(p.span),
            text: p.span.slice(self.text),
            id: &p.id,
            label: p.label,
            role: p.role,
        }
    }
}

fn article_wire(a: &AnnotatedArticle) -> ArticleWire<'_> {
    let text = a.article.text.as_str();
    let chars = Chars {
        text,
        index: CharIndex::new(text),
        map: a.article.source_map.as_ref(),
        anchor: Default::default(),
    };
    ArticleWire { article: a, chars }
}

/// A list written only when it has items, as `#[serde(skip_serializing_if = "Vec::is_empty")]`
/// writes a field.
fn optional_list<St, I>(
    st: &mut St,
    key: &'static str,
    empty: bool,
    items: I,
) -> Result<(), St::Error>
where
    St: serde::ser::SerializeStruct,
    I: Iterator + Clone,
    I::Item: Serialize,
{
    if empty {
        st.skip_field(key)
    } else {
        st.serialize_field(key, &Lazy(items))
    }
}

impl Serialize for ArticleWire<'_> {
    /// The fields as `#[derive(Serialize)]` writes a struct: `serialize_struct` with the
    /// count of fields present, `skip_field` for an empty optional list.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (a, c) = (self.article, &self.chars);
        let text = c.text;
        let present =
            [a.claims.is_empty(), a.article.tables.is_empty(), a.article.dropped.is_empty()]
                .iter()
                .filter(|empty| !**empty)
                .count();
        let mut st = serializer.serialize_struct("ArticleWire", 11 + present)?;
        st.serialize_field("id", &a.article.id)?;
        st.serialize_field("title", &a.article.title)?;
        st.serialize_field("source", &a.article.origin)?;
        st.serialize_field("text", text)?;
        let sections = a.article.sections.iter();
        st.serialize_field(
            "sections",
            &Lazy(sections.map(|s| SectionWire {
                title: s.title(text),
                level: s.level,
                at: c.at(s.span),
            })),
        )?;
        let entities = a.entities.iter().map(|m| EntityWire {
            at: c.at(m.span),
            byte_start: m.span.start,
            byte_end: m.span.end,
            text: m.span.slice(text),
            label: m.label,
            id: &m.id,
            source: &m.source,
        });
        st.serialize_field("entities", &Lazy(entities))?;
        st.serialize_field("timexes", &Lazy(a.timexes.iter().map(|t| c.timex(t))))?;
        let events = a.events.iter().map(|e| EventWire {
            at: c.at(e.trigger),
            text: e.trigger.slice(text),
            kind: e.kind,
            date: e.date.as_ref().map(|d| &d.value),
            date_source: e.date.as_ref().map(|d| DateSourceWire {
                at: c.at(d.span),
                text: d.span.slice(text),
                inherited: d.inherited,
            }),
            place: e.place.as_ref().map(|p| c.entity_ref(p)),
            participants: e.participants.iter().map(|p| c.entity_ref(p)).collect(),
            sentence: SentenceWire { at: c.at(e.sentence) },
            modality: (e.modality != crate::events::Modality::Asserted)
                .then(|| e.modality.as_str()),
        });
        st.serialize_field("events", &Lazy(events))?;
        let event_mentions = a.event_mentions.iter().map(|m| EventMentionWire {
            at: c.at(m.span),
            text: m.span.slice(text),
            class: m.class,
            tense: m.tense.as_str(),
            aspect: m.aspect.as_str(),
            polarity: if m.negated { "NEG" } else { "POS" },
        });
        st.serialize_field("event_mentions", &Lazy(event_mentions))?;
        let infobox = a.article.infobox.as_ref().map(|ib| InfoboxWire {
            fields: Lazy(ib.fields.iter().map(|f| FieldWire {
                key: &f.key,
                value: &f.value,
                at: c.at(f.value_span),
            })),
            checks: Lazy(a.infobox.iter().flat_map(|r| r.checks.iter()).map(|k| CheckWire {
                field: &k.field,
                value: &k.value,
                at: c.at(k.span),
                status: k.status.as_str(),
                normalized: k.normalized.as_deref(),
                evidence: Lazy(k.evidence.iter().map(|&e| c.span(e))),
                message: &k.message,
                side: k.side,
            })),
        });
        st.serialize_field("infobox", &infobox)?;
        let diagnostics = a.diagnostics.iter().map(|d| DiagnosticWire {
            at: d.span.map(|s| c.at(s)),
            kind: d.kind,
            message: &d.message,
        });
        st.serialize_field("diagnostics", &Lazy(diagnostics))?;
        let claims = a.claims.iter().map(|cl| ClaimWire {
            at: c.at(cl.span),
            text: cl.span.slice(text),
            entity: &cl.entity,
            what: cl.what,
            value: &cl.value,
        });
        let tables = a.article.tables.iter().map(|t| TableWire {
            at: c.at(t.span),
            caption: t.caption.as_ref().map(|cell| c.cell(cell)),
            header: t.header.iter().map(|cell| c.cell(cell)).collect(),
            rows: t.rows.iter().map(|r| r.iter().map(|cell| c.cell(cell)).collect()).collect(),
        });
        let dropped = a.article.dropped.iter().map(|d| {
            let (start, end) = c.index.chars(d.span);
            DroppedWire {
                kind: d.kind.as_str(),
                start,
                end,
                source_start: d.source_chars.start,
                source_end: d.source_chars.end,
            }
        });
        optional_list(&mut st, "claims", a.claims.is_empty(), claims)?;
        optional_list(&mut st, "tables", a.article.tables.is_empty(), tables)?;
        optional_list(&mut st, "dropped", a.article.dropped.is_empty(), dropped)?;
        st.end()
    }
}

/// A record as written: an article, a redirect or an error (untagged: each is its own
/// object shape).
#[derive(Serialize)]
#[serde(untagged)]
enum RecordWire<'a> {
    Article(Box<ArticleWire<'a>>),
    Redirect(RedirectWire<'a>),
    Error(ErrorWire<'a>),
}

fn record_wire(record: &Record) -> RecordWire<'_> {
    match record {
        Record::Article(a) => RecordWire::Article(Box::new(article_wire(a))),
        Record::Redirect(Redirect { origin, from, to }) => {
            RecordWire::Redirect(RedirectWire { source: origin, redirect: from, to })
        }
        Record::Error(InputError { origin, message }) => {
            RecordWire::Error(ErrorWire { source: origin, error: message })
        }
    }
}

/// A record as its NDJSON line holds it, before it is written: a serde value whose fields,
/// names and offsets are the line's. Writers that take serde values (Parquet's typed
/// columns) serialize this, so what a field means and how its offsets are counted keeps
/// its one home here, and building it once serves both the line and the columns.
#[derive(Serialize)]
#[serde(transparent)]
pub struct Wire<'a>(RecordWire<'a>);

impl Wire<'_> {
    /// The JSON line (without the newline), appended to `out`.
    pub fn write_line<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        serde_json::to_writer(out, self).map_err(io::Error::from)
    }
}

/// `record` as a [`Wire`] value.
pub fn wire(record: &Record) -> Wire<'_> {
    Wire(record_wire(record))
}

/// Write `record` as one JSON line (with the trailing newline).
pub fn write_record<W: Write + ?Sized>(out: &mut W, record: &Record) -> io::Result<()> {
    wire(record).write_line(out)?;
    out.write_all(b"\n")
}

/// `record` as one JSON line, without the newline.
pub fn to_line(record: &Record) -> String {
    // serde_json writes UTF-8 and `to_string` takes its word for it: no second pass over
    // the line to check it. Every field serializes, so the empty string is never returned.
    serde_json::to_string(&record_wire(record)).unwrap_or_default()
}
