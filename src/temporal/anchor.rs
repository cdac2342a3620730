//! Anchoring: giving underspecified and relative expressions a full value.
//!
//! Narrative mode (wiki articles): an expression without a year takes it from the
//! closest preceding date that has one; "the next day", "two days later", "that same
//! year" count from the last mentioned date of fitting precision. News mode (a document
//! creation time) fills missing years and deictic expressions ("yesterday", "last year",
//! "two years ago") from the DCT, while anaphoric ones still follow the narrative,
//! starting from the DCT. The span that supplied the reference is recorded as `anchor`.
//!
//! Not every mention moves the narrative: a date mentioned in passing (see `is_aside` in
//! the parent module) and a look back ("two years earlier", "the previous year") are
//! given their values but leave the reference where it was.

use super::normalize::{
    add_months, civil_from_days, days_from_civil, days_in_month, weekday, Expr, Point, Unit,
};
use super::patterns::Mention;
use super::value::{CalendarDate, PartOfDay, Season, TimeOfDay, TimeRef, TimexValue, YearPart};
use super::{Convention, Reference, Timex, TimexMod, TimexType};
use crate::span::Span;

/// The dates mentioned so far, one per precision, with the span that gave each.
#[derive(Clone, Debug)]
pub(crate) struct Anchor {
    convention: Convention,
    dct: Option<(i32, u32, u32)>,
    year: Option<(i32, Option<Span>)>,
    month: Option<(i32, u32, Option<Span>)>,
    day: Option<(i32, u32, u32, Option<Span>)>,
    /// The clock time of `day`, when one was stated ("at 11 pm"): hours counted from it
    /// cross midnight on the calendar.
    clock: Option<(u32, u32)>,
    /// The season last mentioned, if no other date came after it.
    season: Option<(i32, Season)>,
}

impl Anchor {
    pub(crate) fn new(reference: Reference, convention: Convention) -> Anchor {
        match reference {
            Reference::Narrative => Anchor {
                convention,
                dct: None,
                year: None,
                month: None,
                day: None,
                clock: None,
                season: None,
            },
            Reference::Document { year, month, day } => Anchor {
                convention,
                dct: Some((year, month, day)),
                year: Some((year, None)),
                month: Some((year, month, None)),
                day: Some((year, month, day, None)),
                clock: None,
                season: None,
            },
        }
    }

    /// The year dates without one take now, with the span that stated it, if any.
    pub(crate) fn year(&self) -> Option<(i32, Option<Span>)> {
        self.year
    }

    /// The timex for `m`, updating the reference dates unless `m` is an `aside` (a date
    /// the narrative mentions in passing and does not move to).
    pub(crate) fn resolve(&mut self, m: &Mention, aside: bool) -> Option<Timex> {
        if let Expr::Adjectival(r) = m.expr {
            return (self.convention == Convention::Timex2)
                .then(|| timex(m.span, TimexType::Date, TimexValue::Ref(r), None, None));
        }
        if let Expr::Age(value) = &m.expr {
            return (self.convention == Convention::Timex2)
                .then(|| timex(m.span, TimexType::Duration, value.clone(), None, None));
        }
        if let Expr::BarePart(date) = &m.expr {
            return (self.convention == Convention::Timex2)
                .then(|| timex(m.span, TimexType::Time, TimexValue::Date(*date), None, None));
        }
        Some(match &m.expr {
            Expr::Point(p) => {
                // The coming winter, "next spring", "last fall": looked forward or back
                // to, not moved to.
                let looks_ahead = p.needs_year()
                    && (p.season == Some(Season::Winter)
                        || (p.season.is_some() && p.rel.is_some()));
                let (p, anchor) = self.fill(p);
                let ahead = looks_ahead && p.year != self.year.map(|(y, _)| y);
                let kind = if p.is_time() { TimexType::Time } else { TimexType::Date };
                let mut parts = Vec::new();
                if p.part.is_some() && p.inner_start > 0 && p.day.is_some() {
                    let inner = Point { part: None, modifier: None, ..p.clone() };
                    parts.push(timex(
                        Span::new(m.span.start + p.inner_start, m.span.end),
                        TimexType::Date,
                        TimexValue::Date(inner.value()),
                        None,
                        anchor,
                    ));
                }
                if !aside && !ahead {
                    self.remember(&p, m.span);
                }
                if !aside {
                    self.season = p.season.zip(p.year).map(|(s, y)| (y, s));
                }
                let value = TimexValue::Date(p.value());
                Timex { parts, ..timex(m.span, kind, value, p.modifier, anchor) }
            }
            Expr::Range(a, b) => {
                let (b, anchor_b) = self.fill(b);
                // "from October to March": a start month after the end month is in the year before.
                let a = if a.needs_year() && a.year_shift.is_none() {
                    let wraps = a.month.zip(b.month).is_some_and(|(ma, mb)| ma > mb);
                    Point { year: b.year.map(|y| if wraps { y - 1 } else { y }), ..a.clone() }
                } else {
                    a.clone()
                };
                let (a, anchor_a) = self.fill(&a);
                let (sa, sb) = m.ends.unwrap_or((m.span, m.span));
                let parts = vec![
                    timex(sa, TimexType::Date, TimexValue::Date(a.value()), a.modifier, anchor_a),
                    timex(sb, TimexType::Date, TimexValue::Date(b.value()), b.modifier, anchor_b),
                ];
                if !aside {
                    self.remember(&b, m.span);
                }
                Timex {
                    parts,
                    ..timex(
                        m.span,
                        TimexType::Date,
                        TimexValue::Range(a.value(), b.value()),
                        None,
                        anchor_b.or(anchor_a),
                    )
                }
            }
            Expr::Shift { n, unit, deictic, part, modifier } => {
                let (value, anchor) = self.shift(*n, *unit, *deictic, *part);
                let timed = value.date().is_some_and(|d| d.time.is_some());
                let kind = if timed { TimexType::Time } else { TimexType::Date };
                timex(m.span, kind, value, *modifier, anchor)
            }
            Expr::SeasonShift { n, season } => {
                let (value, anchor) = match self.year {
                    Some((y, span)) => {
                        let start = season.first_month();
                        let month = self.month.filter(|mo| mo.0 == y).map(|mo| mo.1);
                        let y = match (*n, month) {
                            (0, _) => y,
                            (n, Some(mo)) if n > 0 && mo < start => y,
                            (n, _) if n > 0 => y + 1,
                            (_, Some(mo)) if mo > start => y,
                            _ => y - 1,
                        };
                        let date = CalendarDate::year(y);
                        (CalendarDate { part: YearPart::Season(*season), ..date }, span)
                    }
                    None => (CalendarDate::unknown_year(YearPart::Season(*season)), None),
                };
                timex(m.span, TimexType::Date, TimexValue::Date(value), None, anchor)
            }
            Expr::QuarterShift { n, deictic } => {
                // "last quarter": the quarter before the reference month's, counted on
                // the calendar (Q1 of 2013 less one is 2012-Q4).
                let from_dct = *deictic && self.dct.is_some();
                let month = if from_dct {
                    self.dct.map(|(y, mo, _)| (y, mo, None))
                } else {
                    self.narrative_month()
                };
                let (value, anchor) = match month {
                    Some((y, mo, span)) => {
                        let index = i64::from(y) * 4 + i64::from((mo - 1) / 3) + n;
                        // An i32 year and a shift of -1..=1 quarter: back in i32 range.
                        let (y, q) = (index.div_euclid(4) as i32, index.rem_euclid(4) as u8 + 1);
                        let date = CalendarDate::year(y);
                        (CalendarDate { part: YearPart::Quarter(q), ..date }, span)
                    }
                    None => (CalendarDate::unknown_year(YearPart::Whole), None),
                };
                timex(m.span, TimexType::Date, TimexValue::Date(value), None, anchor)
            }
            Expr::Weekday { day: wd, time, rel } => {
                let (value, anchor) = match self.dct.or(self.day.map(|d| (d.0, d.1, d.2))) {
                    Some((y, mo, d)) => {
                        let base = days_from_civil(y, mo, d);
                        let diff = i64::from(*wd) - i64::from(weekday(base));
                        // News reports what happened: the day within the five before the
                        // document date or the day after it; a narrative moves forward.
                        let target = match rel {
                            Some(-1) => base - (-diff - 1).rem_euclid(7) - 1,
                            Some(1) => base + (diff - 1).rem_euclid(7) + 1,
                            Some(_) => base + diff,
                            None if self.dct.is_some() => base + (diff + 5).rem_euclid(7) - 5,
                            None => base + diff.rem_euclid(7),
                        };
                        (
                            CalendarDate::from_days(target),
                            if self.dct.is_some() { None } else { self.day.and_then(|d| d.3) },
                        )
                    }
                    None => (CalendarDate::unknown_year(YearPart::Weekday(*wd)), None),
                };
                if let Some((y, mo, d)) = value.ymd() {
                    self.day = Some((y, mo, d, Some(m.span)));
                    self.clock = None;
                }
                let kind = if time.is_some() { TimexType::Time } else { TimexType::Date };
                let value = TimexValue::Date(value.at(*time));
                timex(m.span, kind, value, None, anchor)
            }
            Expr::Today => {
                let value = match self.dct {
                    Some((y, mo, d)) => TimexValue::Date(CalendarDate::day(y, mo, d)),
                    None => TimexValue::Ref(TimeRef::Present),
                };
                timex(m.span, TimexType::Date, value, None, None)
            }
            Expr::Vague(v) => timex(m.span, TimexType::Date, TimexValue::Ref(*v), None, None),
            Expr::Duration { value, modifier } => {
                // TimeML values are ISO 8601, which has no decade or century: "a decade"
                // is `P10Y`, "decades-long" `PXY`; TIMEX2 adds `DE` and `CE` (`P1DE`).
                let value = match self.convention {
                    Convention::TimeMl => value.in_years(),
                    Convention::Timex2 => value.clone(),
                };
                timex(m.span, TimexType::Duration, value, *modifier, None)
            }
            Expr::Set { value, each } => {
                let value = match (self.convention, each) {
                    (Convention::Timex2, Some(pattern)) => TimexValue::Date(*pattern),
                    _ => value.clone(),
                };
                timex(m.span, TimexType::Set, value, None, None)
            }
            Expr::Generic(date) => {
                // "at night" is a time of any day, "winter quarters" a season of any year.
                let kind = if date.time.is_some() { TimexType::Time } else { TimexType::Date };
                timex(m.span, kind, TimexValue::Date(*date), None, None)
            }
            Expr::Adjectival(_) | Expr::Age(_) | Expr::BarePart(_) => return None,
        })
    }

    /// `p` with its year (and, for a clock time, its day) taken from the reference, and
    /// a floating holiday's day found in that year.
    fn fill(&self, p: &Point) -> (Point, Option<Span>) {
        let (mut p, span) = self.fill_year(p);
        if let Some((holiday, y)) = p.floating.zip(p.year) {
            let (month, day) = holiday.date_in(y);
            p.month = Some(month);
            p.day = Some(day);
        }
        (p, span)
    }

    fn fill_year(&self, p: &Point) -> (Point, Option<Span>) {
        let mut p = p.clone();
        if let (Some(rel), Some(season)) = (p.rel, p.season) {
            // "last fall": the latest fall over before the reference month; "next
            // spring" the first to come. A winter is named after its January.
            let reference = match self.dct {
                Some((y, mo, _)) => Some((y, mo, None)),
                None => self.month.or(self.day.map(|(y, mo, _, s)| (y, mo, s))),
            };
            if let Some((y, mo, span)) = reference {
                let start = season.first_month();
                p.year = Some(match (rel, season) {
                    (-1, Season::Winter) => y,
                    (-1, _) if mo > start + 2 => y,
                    (-1, _) => y - 1,
                    (1, Season::Winter) => y + 1,
                    (1, _) if mo < start => y,
                    (1, _) => y + 1,
                    (_, Season::Winter) if mo >= 9 => y + 1,
                    _ => y,
                });
                return (p, span);
            }
        }
        if let (Some(rel), Some(month)) = (p.rel, p.month) {
            // "last May": the closest May before the reference month; "next May" after it.
            let reference = match self.dct {
                Some((y, mo, _)) => Some((y, mo, None)),
                None => self.month.or(self.day.map(|(y, mo, _, s)| (y, mo, s))),
            };
            if let Some((y, mo, span)) = reference {
                p.year = Some(match rel {
                    -1 if month < mo => y,
                    -1 => y - 1,
                    1 if month > mo => y,
                    1 => y + 1,
                    _ => y,
                });
                return (p, span);
            }
        }
        if let Some(shift) = p.year_shift {
            let base = match self.dct {
                Some((y, _, _)) if p.deictic_year => Some((y, None)),
                _ => self.year,
            };
            return match base {
                Some((y, span)) => {
                    p.year = Some(y + shift as i32);
                    (p, span)
                }
                None => (p, None),
            };
        }
        if let (None, Some(two)) = (p.year, p.short_year) {
            // "the '99 Boys" in a story of 1917: the last year ending in those digits up to
            // ten years after the reference year (the narrative's, or the document's), 1899.
            // Modern years only: before AD 1000 it stays unknown (`XXXX`).
            let base = match self.dct {
                Some((y, _, _)) => Some((y, None)),
                None => self.year,
            };
            if let Some((y, span)) = base.filter(|(y, _)| *y >= 1000) {
                let limit = y + 10;
                p.year = Some(limit - (limit - two).rem_euclid(100));
                return (p, span);
            }
            return (p, None);
        }
        if !p.needs_year() {
            return (p, None);
        }
        if p.clock.is_some() && p.month.is_none() {
            if let Some((y, mo, d, span)) = self.day {
                p.year = Some(y);
                p.month = Some(mo);
                p.day = Some(d);
                return (p, span);
            }
            return (p, None);
        }
        if let Some((y, dct_month, _)) = self.dct {
            // News looks back: a month more than three months after the document
            // date's is last year's ("Oct. 23" in a May article); one more than six
            // months before it is next year's.
            // A quarter looks back as its first month does ("the fourth quarter" in a
            // March article is last year's).
            let month = p.month.or(p.quarter.map(|q| u32::from(q) * 3 - 2));
            p.year = Some(match month {
                Some(mo) if mo > dct_month + 3 => y - 1,
                Some(mo) if mo + 6 < dct_month => y + 1,
                _ => y,
            });
            return (p, None);
        }
        // "the summer offensive ... in June 1942" after dates of 1943: a later date of the
        // same sentence settles which of two neighbouring years is meant. A year further
        // from the narrative's is more often a look back ("founded in 1820").
        if let Some((stated, span)) = p.sentence_year {
            if self.year.is_none_or(|(y, _)| (stated - y).abs() == 1) {
                p.year = Some(stated);
                return (p, Some(span));
            }
        }
        match self.year {
            Some((y, span)) => {
                // A winter spans two years and is named after its January (1915-WI runs
                // from December 1914): the winter after an autumn or December date is
                // the next year's.
                let next_winter = p.season == Some(Season::Winter)
                    && (self.month.is_some_and(|(my, mo, _)| my == y && mo >= 9)
                        || self.season == Some((y, Season::Fall)));
                // After that winter, spring comes in its year.
                let after_winter = matches!(p.season, Some(Season::Spring | Season::Summer))
                    && self.season == Some((y + 1, Season::Winter));
                // A January after a December date is the next year's: the narrative has
                // moved over New Year ("in December 1941 ... in January"). Only the step of
                // one month: a month two or more before the reference is as often a look back.
                let after_december = p.season.is_none()
                    && p.month == Some(1)
                    && self.month.is_some_and(|(my, mo, _)| my == y && mo == 12);
                p.year =
                    Some(if next_winter || after_winter || after_december { y + 1 } else { y });
                (p, span)
            }
            None => (p, None),
        }
    }

    /// The month anaphora count from ("the end of the month", "the quarter"): the last
    /// mentioned, else in news the document date's (a bare year mentioned since, "fiscal
    /// 2014", names no month to count from).
    fn narrative_month(&self) -> Option<(i32, u32, Option<Span>)> {
        self.month
            .or(self.day.map(|(y, mo, _, s)| (y, mo, s)))
            .or(self.dct.map(|(y, mo, _)| (y, mo, None)))
    }

    fn remember(&mut self, p: &Point, span: Span) {
        if p.decade.is_some() || p.century.is_some() {
            return;
        }
        let Some(y) = p.year else { return };
        let span = Some(span);
        if self.year.is_none_or(|(old, _)| old != y) {
            self.month = None;
            self.day = None;
        }
        self.year = Some((y, span));
        if let Some(mo) = p.month {
            if self.month.is_none_or(|(_, old, _)| old != mo) {
                self.day = None;
            }
            self.month = Some((y, mo, span));
            if let Some(d) = p.day {
                self.day = Some((y, mo, d, span));
                self.clock = p.clock;
            }
        }
    }

    fn shift(
        &mut self,
        n: i64,
        unit: Unit,
        deictic: bool,
        part: Option<PartOfDay>,
    ) -> (TimexValue, Option<Span>) {
        let from_dct = deictic && self.dct.is_some();
        let day = if from_dct { self.dct.map(|(y, m, d)| (y, m, d, None)) } else { self.day };
        let month =
            if from_dct { self.dct.map(|(y, m, _)| (y, m, None)) } else { self.narrative_month() };
        let year = if from_dct { self.dct.map(|(y, _, _)| (y, None)) } else { self.year };
        let time = part.map(TimeOfDay::Part);
        let (date, span) = match unit {
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => match day {
                Some((y, mo, d, span)) => {
                    let base = days_from_civil(y, mo, d.min(days_in_month(y, mo)));
                    // Hours and minutes from a stated clock time move the clock, and the
                    // date when they cross midnight; without one the day stays.
                    let clock = self.clock.filter(|_| !from_dct && unit != Unit::Day);
                    let (days, time) = match (unit, clock) {
                        (Unit::Day, _) => {
                            if !from_dct {
                                self.clock = None;
                            }
                            (base + n, time)
                        }
                        (_, Some((h, mi))) => {
                            let minutes = match unit {
                                Unit::Hour => n * 60,
                                Unit::Minute => n,
                                _ => 0,
                            };
                            let total = i64::from(h) * 60 + i64::from(mi) + minutes;
                            let (carry, of_day) = (total.div_euclid(1440), total.rem_euclid(1440));
                            let clock = ((of_day / 60) as u32, (of_day % 60) as u32);
                            self.clock = Some(clock);
                            let time = TimeOfDay::Clock { hour: clock.0, minute: clock.1 };
                            (base + carry, Some(time))
                        }
                        _ => (base, time),
                    };
                    let (y, mo, d) = civil_from_days(days);
                    if !from_dct {
                        self.day = Some((y, mo, d, span));
                    }
                    (CalendarDate::day(y, mo, d).at(time), span)
                }
                None => {
                    // Keep what is known: "1915-XX-XX" when only the year is.
                    let (date, span) = match (month, year) {
                        (Some((y, mo, span)), _) => (
                            CalendarDate {
                                part: YearPart::Day(Some(mo), None),
                                ..CalendarDate::year(y)
                            },
                            span,
                        ),
                        (None, Some((y, span))) => (
                            CalendarDate {
                                part: YearPart::Day(None, None),
                                ..CalendarDate::year(y)
                            },
                            span,
                        ),
                        _ => (CalendarDate::unknown_year(YearPart::Day(None, None)), None),
                    };
                    (date.at(time), span)
                }
            },
            Unit::Week => match day {
                Some((y, mo, d, span)) => {
                    (CalendarDate::iso_week(days_from_civil(y, mo, d) + 7 * n), span)
                }
                None => (CalendarDate::unknown_year(YearPart::Week(None)), None),
            },
            Unit::Month => match month {
                Some((y, mo, span)) => {
                    let (y, mo) = add_months(y, mo, n);
                    (CalendarDate::month(y, mo), span)
                }
                None => (CalendarDate::unknown_year(YearPart::Month(None)), None),
            },
            Unit::Year => match year {
                Some((y, span)) => {
                    let y = y + n as i32;
                    if n > 0 && !from_dct {
                        self.year = Some((y, span));
                        self.month = None;
                        self.day = None;
                    }
                    (CalendarDate::year(y), span)
                }
                None => (CalendarDate::unknown_year(YearPart::Whole), None),
            },
            Unit::Decade | Unit::Century => match year {
                // "this decade", "the next century", "two decades earlier": the period
                // itself, as TIMEX writes a shift at the precision of its unit ("two years
                // earlier" is a year, "two decades earlier" from 1965 the 1940s).
                Some((y, span)) if y >= 0 => {
                    let (size, n) = (if unit == Unit::Decade { 10 } else { 100 }, n as i32);
                    let digits = (y / size + n).max(0).unsigned_abs();
                    let date = if unit == Unit::Decade {
                        CalendarDate::decade(digits, false)
                    } else {
                        CalendarDate::century(digits, false)
                    };
                    (date, span)
                }
                // BC: ten years before, like "ten years earlier".
                Some((y, span)) => {
                    let step = if unit == Unit::Decade { 10 } else { 100 };
                    (CalendarDate::year(y + step * n as i32), span)
                }
                None => (CalendarDate::unknown_year(YearPart::Whole), None),
            },
        };
        (TimexValue::Date(date), span)
    }
}

fn timex(
    span: Span,
    kind: TimexType,
    value: TimexValue,
    modifier: Option<TimexMod>,
    anchor: Option<Span>,
) -> Timex {
    Timex { span, kind, value, modifier, anchor, parts: Vec::new() }
}
