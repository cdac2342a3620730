//! Temporal expressions: date regexes and TIMEX3 normalization.
//!
//! [`TemporalTagger`] finds dates, times, durations and sets with a table of regexes
//! (compiled once, ASCII classes, no backtracking: the `regex` crate runs in linear
//! time), reads each match into its meaning, and anchors underspecified and relative
//! expressions ([`Reference`]): in narrative mode to the closest preceding date of
//! fitting precision, in news mode to the document creation time.
//!
//! ```
//! use wikianno::temporal::{Reference, TemporalTagger};
//!
//! let tagger = TemporalTagger::new();
//! let text = "The siege began on 14 April 1864. Two days later the fort fell.";
//! let found = tagger.tag_text(text, Reference::Narrative);
//! let values: Vec<String> = found.iter().map(|t| t.value.to_string()).collect();
//! assert_eq!(values, ["1864-04-14", "1864-04-16"]);
//! assert_eq!(found[1].anchor.map(|a| a.slice(text)), Some("14 April 1864"));
//! ```

mod anchor;
mod normalize;
mod patterns;
mod triggers;
mod value;

/// The English month names, January first: the one list the renderer (date templates) and
/// the events stage ("the Revolutions of 1989" vs "May of 1989") read.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(crate) use patterns::number_word;
// The number-word lists themselves, for the infobox checks' prefilter test.
#[cfg(test)]
pub(crate) use patterns::{NUMBER_TENS, NUMBER_UNITS};

use std::{fmt, str::FromStr};

use serde::Serialize;

pub use value::{
    CalendarDate, ParseTimexValueError, PartOfDay, Precision, Season, TimeOfDay, TimeRef, TimeUnit,
    TimexValue, YearPart, YearScale,
};

use crate::{article::Article, span::Span};

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`1865-02-28`, `1865`, `186`).
    Date,
    /// A time of day (`1866-02-07TAF`).
    Time,
    /// A length of time (`PT6H`).
    Duration,
    /// A recurrence (`every year`).
    Set,
}

impl TimexType {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TimexType {
    type Err = String;

    fn from_str(s: &str) -> Result<TimexType, String> {
        [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set]
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("not a TIMEX3 type: {s:?}"))
    }
}

/// TIMEX3 `mod`: where in its value an expression points, or how exact it is. Kept
/// beside the value rather than in it: TIMEX3 writes it as its own attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "early 1865", "the beginning of May".
    Start,
    /// "mid-1866".
    Mid,
    /// "late 1865", "the end of the year".
    End,
    /// "about 1200", "c. 350 BC".
    Approx,
    /// "over three years".
    MoreThan,
    /// "less than a week", "nearly two years".
    LessThan,
}

impl TimexMod {
    /// The TIMEX3 name: `START`, `MID`, `END`, `APPROX`, `MORE_THAN`, `LESS_THAN`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::LessThan => "LESS_THAN",
        }
    }
}

impl fmt::Display for TimexMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A temporal expression found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timex {
    /// Where, in bytes of the article text.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 / ISO 8601 value.
    pub value: TimexValue,
    /// TIMEX3 modifier.
    pub modifier: Option<TimexMod>,
    /// The span of the date this value took its reference from, if any.
    pub anchor: Option<Span>,
    /// Component expressions: the two ends of a range (`28 February` and
    /// `8 November 1865`), or the date a time of day falls on (`6 November` in
    /// `the early hours of 6 November`). TimeML annotates these separately.
    pub parts: Vec<Timex>,
}

impl Timex {
    /// A timex with no modifier, anchor or parts (set them on the result when needed).
    pub fn new(span: Span, kind: TimexType, value: TimexValue) -> Timex {
        Timex { span, kind, value, modifier: None, anchor: None, parts: Vec::new() }
    }
}

/// Which annotation guidelines decide what is a temporal expression, where they differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Convention {
    /// TimeML / TIMEX3 (TempEval-3): a temporal adjective before a noun ("a former
    /// minister", "future kings", "the current president") is not a temporal expression.
    /// The default, for annotating articles.
    #[default]
    TimeMl,
    /// TIMEX2 (ACE 2005; WikiWars is annotated this way): such adjectives are marked
    /// PAST_REF, FUTURE_REF or PRESENT_REF. For scoring against TIMEX2-derived gold data.
    Timex2,
}

/// What underspecified and relative expressions are anchored to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reference {
    /// The closest preceding date in the text (histories, wiki articles).
    #[default]
    Narrative,
    /// The document creation time (news), as HeidelTime's news mode.
    Document {
        /// Year.
        year: i32,
        /// Month, 1-12.
        month: u32,
        /// Day, 1-31.
        day: u32,
    },
}

impl Reference {
    /// A document date from `YYYY-MM-DD` (a longer ISO timestamp is cut to its date);
    /// `None` when it is not a valid date.
    pub fn document_date(s: &str) -> Option<Reference> {
        let s = s.trim();
        let date = s.get(..10).unwrap_or(s);
        let mut it = date.split('-');
        let year: i32 = it.next()?.parse().ok()?;
        let month: u32 = it.next()?.parse().ok()?;
        let day: u32 = it.next()?.parse().ok()?;
        if it.next().is_some()
            || !(1..=12).contains(&month)
            || day == 0
            || day > normalize::days_in_month(year, month)
        {
            return None;
        }
        Some(Reference::Document { year, month, day })
    }
}

/// True when `title` names a stretch of the calendar: the title of a Wikipedia article about
/// a year, a date, a month, a decade, a century or an era's year ("1960", "April 30", "30
/// April", "March", "1960s", "20th century", "44 BC", "AD 79"), or about a year in a field
/// ("1960 in film", "1865 in Peru"). A link to one is a date, which this tagger reads, not
/// an entity. A holiday ("Easter", "Christmas Day") names a festival, an entity: a title
/// without a digit counts only when it is a month's name.
pub fn is_calendar_title(title: &str) -> bool {
    let head = match title.split_once(" in ") {
        Some((head, field)) if !field.trim().is_empty() => head,
        _ => title,
    };
    if MONTH_NAMES.contains(&head) {
        return true;
    }
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let found = tag(head, Reference::Narrative, Convention::TimeMl, None);
    matches!(found.as_slice(), [t] if t.kind == TimexType::Date && t.span == Span::new(0, head.len()))
}

/// Finds and normalizes temporal expressions. Build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct TemporalTagger {
    reference: Reference,
    convention: Convention,
}

impl TemporalTagger {
    /// A tagger in narrative mode (wiki articles).
    pub fn new() -> TemporalTagger {
        TemporalTagger::with_reference(Reference::Narrative)
    }

    /// A tagger that anchors articles to `reference` (narrative, or a document date).
    pub fn with_reference(reference: Reference) -> TemporalTagger {
        patterns::compile();
        TemporalTagger { reference, convention: Convention::default() }
    }

    /// The same tagger following `convention`'s guidelines.
    pub fn with_convention(self, convention: Convention) -> TemporalTagger {
        TemporalTagger { convention, ..self }
    }

    /// Every temporal expression of `article`, in text order. The infobox `Date` value
    /// is anchored first: it is the article's reference interval before any body date.
    pub fn tag_article(&self, article: &Article) -> Vec<Timex> {
        let priority = article.infobox.as_ref().and_then(|ib| ib.get("Date")).map(|f| f.value_span);
        tag(&article.text, self.reference, self.convention, priority)
    }

    /// Every temporal expression of `text`, in text order, anchored to `reference`.
    ///
    /// # Examples
    ///
    /// ```
    /// use wikianno::temporal::{Reference, TemporalTagger};
    ///
    /// let tagger = TemporalTagger::new();
    /// let text = "Congress met in March 1866 and again on 7 May.";
    /// let found: Vec<(&str, String)> = tagger
    ///     .tag_text(text, Reference::Narrative)
    ///     .iter()
    ///     .map(|t| (t.span.slice(text), t.value.to_string()))
    ///     .collect();
    /// // "7 May" takes its year from the date before it.
    /// assert_eq!(found, [("March 1866", "1866-03".into()), ("7 May", "1866-05-07".into())]);
    ///
    /// // In news mode a date without a year is read against the document date: the
    /// // past tense makes it the last May before it.
    /// let news = Reference::document_date("1867-01-15").expect("a valid date");
    /// let found = tagger.tag_text("The ship sailed on 7 May.", news);
    /// assert_eq!(found[0].value.to_string(), "1866-05-07");
    /// ```
    pub fn tag_text(&self, text: &str, reference: Reference) -> Vec<Timex> {
        tag(text, reference, self.convention, None)
    }
}

fn tag(
    text: &str,
    reference: Reference,
    convention: Convention,
    priority: Option<Span>,
) -> Vec<Timex> {
    let mut mentions = patterns::find(text);
    match convention {
        Convention::TimeMl => {
            for m in &mut mentions {
                patterns::timeml_extent(text, m);
            }
        }
        Convention::Timex2 => patterns::timex2_extents(text, &mut mentions),
    }
    share_years(text, &mut mentions);
    let mut anchor = anchor::Anchor::new(reference, convention);
    let mut out: Vec<Option<Timex>> = vec![None; mentions.len()];
    let first = |m: &patterns::Mention| priority.is_some_and(|p| p.contains(m.span));
    // The year of the next mention that states one, for each mention (narrative only).
    let mut next_year: Vec<Option<i32>> = vec![None; mentions.len()];
    if reference == Reference::Narrative {
        let mut next = None;
        for (slot, m) in next_year.iter_mut().zip(&mentions).rev() {
            *slot = next;
            next = m.stated_year().or(next);
        }
    }
    let mut order: Vec<usize> = (0..mentions.len())
        .filter(|&i| first(&mentions[i]))
        .chain((0..mentions.len()).filter(|&i| !first(&mentions[i])))
        .collect();
    // "at 5:34 AM local time on March 20, 2003": the clock time is of the day after it,
    // so that day is anchored first and the clock takes it as its reference day.
    for k in 1..order.len() {
        let (i, j) = (order[k - 1], order[k]);
        if j == i + 1 && clock_before_its_day(text, &mentions[i], &mentions[j]) {
            order.swap(k - 1, k);
        }
    }
    for i in order {
        let Some(m) = mentions.get(i) else { continue };
        let aside = is_aside(text, m, anchor.year(), next_year.get(i).copied().flatten());
        if let Some(slot) = out.get_mut(i) {
            *slot = anchor.resolve(m, aside);
        }
    }
    out.into_iter().flatten().collect()
}

/// True when `clock` is a bare clock time ("5:34 AM", "11 pm") and `day` a day
/// ("March 20, 2003", "Tuesday") that follows it across at most a time zone and "on"
/// or a comma ("5:34 AM Baghdad time on March 20", "9:34 p.m., March 19", "5:20 p.m.
/// (Los Angeles time), on 22 November", "11 a.m. GMT on Friday"): the day the clock
/// time is of.
fn clock_before_its_day(text: &str, clock: &patterns::Mention, day: &patterns::Mention) -> bool {
    use normalize::Expr;
    let bare_clock = matches!(&clock.expr, Expr::Point(p)
        if p.clock.is_some() && p.month.is_none() && p.day.is_none() && p.needs_year());
    let a_day = match &day.expr {
        Expr::Point(p) => p.day.is_some() && p.clock.is_none(),
        Expr::Weekday { time, rel, .. } => time.is_none() && rel.is_none(),
        _ => false,
    };
    if !bare_clock || !a_day || day.span.start < clock.span.end {
        return false;
    }
    // A time zone is a few words: the gap is short (a bound on the look-ahead).
    let Some(gap) = text.get(clock.span.end..day.span.start).filter(|g| g.len() <= 32) else {
        return false;
    };
    let words: Vec<&str> = gap.split([' ', ',', '(', ')']).filter(|w| !w.is_empty()).collect();
    let linked = gap.contains(',') || words.last() == Some(&"on");
    linked
        && words.iter().enumerate().all(|(k, w)| {
            let zone = (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
            // "Baghdad time", "(Los Angeles time)".
            let place = w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                && words.get(k + 1..).is_some_and(|rest| rest.contains(&"time"));
            zone || place || matches!(*w, "on" | "the" | "local" | "time")
        })
}

/// "the spring and summer of 1943", "August and September 1914": a month or season
/// without a year joined by "and" to a date that states one takes that year.
fn share_years(text: &str, mentions: &mut [patterns::Mention]) {
    for i in 1..mentions.len() {
        let (done, rest) = mentions.split_at_mut(i);
        let (Some(a), Some(b)) = (done.last_mut(), rest.first()) else { continue };
        let Some(year) = b.stated_year() else { continue };
        if text.get(a.span.end..b.span.start).map(str::trim) != Some("and") {
            continue;
        }
        if let normalize::Expr::Point(p) = &mut a.expr {
            if p.needs_year()
                && p.year_shift.is_none()
                && p.day.is_none()
                && p.clock.is_none()
                && (p.month.is_some() || p.season.is_some())
            {
                p.year = Some(year);
            }
        }
    }
}

/// A date the narrative mentions in passing ("a campaign planned for 1976", "the
/// assembly had last met in 1614") rather than moves to: it states a year other than
/// the current one, inside a sentence rather than at its head, and the next stated
/// year is closer to the current year than to its own; the current year was stated in
/// the same paragraph, unless the two are a decade or more apart (a source "published in
/// 2003" in a history of 1950). Such a date does not become the
/// reference of the dates without a year that follow it.
fn is_aside(
    text: &str,
    m: &patterns::Mention,
    current: Option<(i32, Option<Span>)>,
    next: Option<i32>,
) -> bool {
    let (Some(own), Some((current, Some(from))), Some(next)) = (m.stated_year(), current, next)
    else {
        return false;
    };
    let far = (own - current).abs() >= 10;
    own != current
        && (next - current).abs() < (next - own).abs()
        && !heads_sentence(text, m.span.start)
        && (far
            || !text.as_bytes().get(from.end..m.span.start).unwrap_or_default().contains(&b'\n'))
}

/// True when at most three words (a preposition phrase such as "Early in") stand
/// between the start of the sentence (or line) and byte `start`.
fn heads_sentence(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let before = bytes.get(start.saturating_sub(200)..start).unwrap_or_default();
    let Some(from) = before.iter().rposition(|b| matches!(b, b'.' | b'!' | b'?' | b'\n')) else {
        return false;
    };
    before
        .get(from + 1..)
        .unwrap_or_default()
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .count()
        <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_titles_are_years_dates_months_and_eras() {
        for title in [
            "1960",
            "April 30",
            "30 April",
            "March",
            "1960s",
            "20th century",
            "44 BC",
            "AD 79",
            "1960 in film",
            "2000s in Angola",
            "March 1945",
        ] {
            assert!(is_calendar_title(title), "{title:?} is a calendar title");
        }
        for title in [
            "Easter",
            "Christmas Day",
            "1960 Summer Olympics",
            "Apollo 11",
            "Boeing 747",
            "2001: A Space Odyssey",
            "Marching band",
            "May Day",
            "The 1960s (album)",
            "in",
            "",
        ] {
            assert!(!is_calendar_title(title), "{title:?} is no calendar title");
        }
    }

    #[test]
    fn tagger_is_send_sync_clone() {
        fn check<T: Send + Sync + Clone>() {}
        check::<TemporalTagger>();
    }

    #[test]
    fn document_dates() {
        assert_eq!(
            Reference::document_date("2009-12-19"),
            Some(Reference::Document { year: 2009, month: 12, day: 19 })
        );
        assert!(Reference::document_date("2009-12-19T17:00:00").is_some());
        assert_eq!(Reference::document_date("2009-02-30"), None);
        assert_eq!(Reference::document_date("yesterday"), None);
    }
}
