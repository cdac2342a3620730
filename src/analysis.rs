//! The analysis stage: what an annotated article claims about *when* things happened.
//!
//! Runs after every annotation stage and reads their results; the writers only serialize
//! what it finds (NDJSON `claims`, the JSON-LD dates and the graph's cross-article
//! checks). Three kinds of claim:
//! * the article's own infobox dates: a conflict's or treaty's Date / Signed, a person's
//!   birth and death (the start of the value), valued by the infobox check's normalized
//!   date, else the timexes inside the value (one, or the first and last as a range);
//! * clause-local event dates: an event dated in its own sentence (not inherited) dates
//!   an EVENT or TREATY entity named in the same clause ("withdrew after the Battle of X
//!   on 2 May" dates the battle; a comma between, or a year inside the name, does not);
//! * lifespans written after a person's name, "Name (1 May 1801 – 2 June 1880)".

use std::{collections::BTreeSet, fmt, sync::Arc};

use crate::{
    article::{Article, InfoboxField, InfoboxKind, KeyRole},
    events::Event,
    gazetteer::{EntityMention, Label},
    infobox::{Check, InfoboxReport},
    span::{self, Span},
    temporal::{Timex, TimexType, TimexValue},
};

/// What a date claim dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimKind {
    /// When an event, conflict or treaty happened.
    Date,
    /// A person's birth.
    Birth,
    /// A person's death.
    Death,
}

impl ClaimKind {
    /// `date`, `birth` or `death`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::Birth => "birth",
            ClaimKind::Death => "death",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ClaimKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// "This article dates entity E at V", with the span that says it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateClaim {
    /// The entity's id (the article's own id for its infobox dates).
    pub entity: Arc<str>,
    /// What is dated.
    pub what: ClaimKind,
    /// The TIMEX3 value.
    pub value: String,
    /// Where the article says it: an infobox value, a date in the body, a lifespan.
    pub span: Span,
}

/// Every date claim of an annotated article: its own infobox dates first (in field
/// order), then event dates (in text order), then lifespans.
pub fn date_claims(
    article: &Article,
    entities: &[EntityMention],
    timexes: &[Timex],
    events: &[Event],
    infobox: Option<&InfoboxReport>,
) -> Vec<DateClaim> {
    let mut claims = Vec::new();
    own_claims(article, timexes, infobox, &mut claims);
    event_claims(article, entities, events, &mut claims);
    lifespan_claims(article, entities, timexes, &mut claims);
    claims
}

/// What an infobox role dates, for an infobox of `kind`; `true` when only the start of
/// the value counts (a birth or death written with a place or age after it).
fn dated_by(kind: InfoboxKind, role: KeyRole) -> Option<(ClaimKind, bool)> {
    match (kind, role) {
        (InfoboxKind::Conflict, KeyRole::Date) | (InfoboxKind::Treaty, KeyRole::Signed) => {
            Some((ClaimKind::Date, false))
        }
        (InfoboxKind::Person, KeyRole::Born | KeyRole::BirthDate) => Some((ClaimKind::Birth, true)),
        (InfoboxKind::Person, KeyRole::Died | KeyRole::DeathDate) => Some((ClaimKind::Death, true)),
        _ => None,
    }
}

fn own_claims(
    article: &Article,
    timexes: &[Timex],
    report: Option<&InfoboxReport>,
    claims: &mut Vec<DateClaim>,
) {
    let Some(infobox) = &article.infobox else { return };
    let Some(kind) = infobox.kind else { return };
    let id: Arc<str> = Arc::from(article.id.as_str());
    // Each field's own checks, in one pass (a scan of every check per field cost
    // fields x checks on a long infobox, and read a repeated key's other field).
    let checks = report.map(|r| r.checks_by_field(infobox)).unwrap_or_default();
    for (index, field) in infobox.fields.iter().enumerate() {
        let Some((what, start_only)) = dated_by(kind, field.key().role) else { continue };
        let own = checks.get(index).map_or(&[][..], Vec::as_slice);
        let Some(value) = field_date(field, timexes, own) else { continue };
        let value = match value.split_once('/') {
            Some((start, _)) if start_only => start.to_string(),
            _ => value,
        };
        claims.push(DateClaim { entity: id.clone(), what, value, span: field.value_span });
    }
}

/// The TIMEX3 value of a date field: the normalized date of its first check (`checks`,
/// the field's own, in report order) that has one, else the timexes in the value (one, or
/// the first and last as a range; `timexes` are in text order).
fn field_date(field: &InfoboxField, timexes: &[Timex], checks: &[&Check]) -> Option<String> {
    let span = field.value_span;
    let checked = checks
        .iter()
        .filter_map(|c| c.normalized.as_deref())
        .find(|n| n.parse::<TimexValue>().ok().and_then(|v| v.interval()).is_some());
    if let Some(n) = checked {
        return Some(n.to_string());
    }
    let inside: Vec<&Timex> = span::inside(timexes, span, |t| t.span)
        .iter()
        .filter(|t| t.kind == TimexType::Date)
        .collect();
    match inside.as_slice() {
        [] => None,
        [one] => Some(one.value.to_string()),
        [first, .., last] => {
            let (start, _) = first.value.ends()?;
            let (_, end) = last.value.ends()?;
            Some(format!("{start}/{end}"))
        }
    }
}

fn event_claims(
    article: &Article,
    entities: &[EntityMention],
    events: &[Event],
    claims: &mut Vec<DateClaim>,
) {
    let own = article.id.as_str();
    for e in events {
        let Some(d) = e.date.as_ref().filter(|d| !d.inherited) else { continue };
        // Mentions are in text order and do not overlap: a look-up, not a scan of every
        // mention per event (quadratic on a long page of dated events).
        let named = span::overlapping(entities, e.trigger, |m| m.span)
            .iter()
            .filter(|m| matches!(m.label, Label::Event | Label::Treaty))
            .map(|m| (m.span, &m.id))
            .chain(
                e.participants
                    .iter()
                    .filter(|p| matches!(p.label, Label::Event | Label::Treaty))
                    .map(|p| (p.span, &p.id)),
            );
        let mut seen = BTreeSet::new();
        for (span, id) in named {
            if &**id != own && clause_local(&article.text, span, d.span) && seen.insert(id.clone())
            {
                claims.push(DateClaim {
                    entity: id.clone(),
                    what: ClaimKind::Date,
                    value: d.value.to_string(),
                    span: d.span,
                });
            }
        }
    }
}

/// True when a date and a mention are in the same clause: a few words apart, with no
/// punctuation that closes a clause between them, and not one inside the other.
fn clause_local(text: &str, mention: Span, date: Span) -> bool {
    /// Bytes of text allowed between the two: a few words.
    const MAX_GAP: usize = 40;
    if mention.overlaps(date) {
        return false;
    }
    let gap = if date.start >= mention.end {
        Span::new(mention.end, date.start)
    } else {
        Span::new(date.end, mention.start)
    };
    let between = text.get(gap.start..gap.end).unwrap_or(",");
    between.len() <= MAX_GAP && !between.contains([',', ';', ':', '.', '(', ')', '[', ']', '\n'])
}

fn lifespan_claims(
    article: &Article,
    entities: &[EntityMention],
    timexes: &[Timex],
    claims: &mut Vec<DateClaim>,
) {
    let text = article.text.as_str();
    for m in entities.iter().filter(|m| m.label == Label::Person) {
        let after = text.get(m.span.end..).unwrap_or("");
        let trimmed = after.trim_start_matches(' ');
        if !trimmed.starts_with('(') {
            continue;
        }
        let open = m.span.end + (after.len() - trimmed.len()) + 1;
        // A lifespan is short; a parenthesis that runs on is something else.
        let Some(close) = text
            .get(open..)
            .and_then(|rest| rest.char_indices().take(64).find(|&(_, c)| c == ')'))
            .map(|(i, _)| open + i)
        else {
            continue;
        };
        let inside = Span::new(open, close);
        let dates: Vec<&Timex> = span::inside(timexes, inside, |t| t.span)
            .iter()
            .filter(|t| t.kind == TimexType::Date)
            .collect();
        let (birth, death) = match dates.as_slice() {
            [one] => match &one.value {
                TimexValue::Range(start, end) => {
                    ((start.to_string(), one.span), (end.to_string(), one.span))
                }
                _ => continue,
            },
            [first, second] => {
                ((first.value.to_string(), first.span), (second.value.to_string(), second.span))
            }
            _ => continue,
        };
        for (what, (value, span)) in [(ClaimKind::Birth, birth), (ClaimKind::Death, death)] {
            claims.push(DateClaim { entity: m.id.clone(), what, value, span });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_claimed_only_within_the_clause() {
        let table = [
            ("the fleet withdrew after the Battle of Xu on 9 May 1901.", true),
            ("it ended in May 1901 after the Battle of Xu.", true),
            ("after the Battle of Xu, he took his own life on 9 May 1901.", false),
            ("after the Battle of Xu the admiral, long ill and tired of it all, died on 9 May 1901.", false),
            ("after the Battle of Xu (see below) on 9 May 1901.", false),
        ];
        for (text, want) in table {
            let at = text.find("Battle of Xu").unwrap();
            let mention = Span::new(at, at + "Battle of Xu".len());
            let d = text.find(" May 1901").unwrap() - 1;
            let date =
                Span::new(if text.contains("on 9") { d } else { d + 1 }, d + " May 1901".len() + 1);
            assert_eq!(clause_local(text, mention, date), want, "{text}");
        }
        assert!(!clause_local("the War of 1901 began", Span::new(4, 15), Span::new(11, 15)));
    }
}
