//! The meaning of a matched expression ([`Expr`]) before anchoring, and the calendar
//! arithmetic and ISO 8601 / TIMEX3 formatting used to turn it into a value.

pub(crate) use super::value::TimeUnit as Unit;
use super::value::{CalendarDate, PartOfDay, Season, TimeOfDay, TimeRef, TimexValue, YearPart};
use super::TimexMod;
use crate::span::Span;

/// A calendar point or period as written, possibly missing its year (or month).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Point {
    /// Signed year: 490 BC is -490.
    pub year: Option<i32>,
    /// A two-digit year ending a range (`1865–66`), completed from the other end; or,
    /// with no `year`, written alone ("the '99 Boys"), completed from the reference.
    pub short_year: Option<i32>,
    /// "of that year" (0), "of the following year" (+1): the year is the reference's plus this.
    pub year_shift: Option<i64>,
    /// The shift counts from the document date's year in news ("February this year",
    /// "April next year"), not from the narrative's.
    pub deictic_year: bool,
    /// "last May" (-1), "this May" (0), "next May" (+1): the closest such month before,
    /// in, or after the reference's year.
    pub rel: Option<i8>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub season: Option<Season>,
    /// Half of a year: 1 or 2 (`1865-H2`).
    pub half: Option<u8>,
    /// Quarter of a year: 1 to 4 (`2013-Q1`).
    pub quarter: Option<u8>,
    /// The decade's first three digits (186 for the 1860s), and whether it is BC.
    pub decade: Option<(u32, bool)>,
    /// The century's TIMEX3 digits (18 for the 19th century), and whether it is BC.
    pub century: Option<(u32, bool)>,
    pub part: Option<PartOfDay>,
    /// Clock time (hour, minute).
    pub clock: Option<(u32, u32)>,
    pub modifier: Option<TimexMod>,
    /// Byte length of the leading part-of-day / modifier phrase inside the span, so the
    /// bare date can be reported as a part.
    pub inner_start: usize,
    /// A holiday whose day moves with the year ("Thanksgiving", "Easter Sunday"): `month`
    /// holds its usual month for anchoring, the day is set once the year is known.
    pub floating: Option<Floating>,
    /// A month or season without a year: the year a later date of the same sentence
    /// states, with that date's span ("the summer offensive ... in June 1942"). The anchor
    /// takes it over the narrative's when the two are a year apart.
    pub sentence_year: Option<(i32, Span)>,
}

/// Holidays set by a rule over the calendar rather than a fixed day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Floating {
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// Easter Sunday (Gregorian computus).
    Easter,
    /// Easter Monday.
    EasterMonday,
}

impl Floating {
    /// The holiday's (month, day) in year `y`.
    pub(crate) fn date_in(self, y: i32) -> (u32, u32) {
        // The first `wd` (1 = Monday) on or after November `from`.
        let november = |from: u32, wd: u32| {
            let first = weekday(days_from_civil(y, 11, from));
            (11, from + (wd + 7 - first) % 7)
        };
        match self {
            Floating::Thanksgiving => {
                let (m, d) = november(1, 4);
                (m, d + 21)
            }
            // The Tuesday after the first Monday: the first Tuesday from the 2nd on.
            Floating::ElectionDay => november(2, 2),
            Floating::Easter | Floating::EasterMonday => {
                let (m, d) = easter(y);
                let days = days_from_civil(y, m, d) + i64::from(self == Floating::EasterMonday);
                let (_, m, d) = civil_from_days(days);
                (m, d)
            }
        }
    }
}

/// Easter Sunday of year `y` (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
fn easter(y: i32) -> (u32, u32) {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let h = (19 * a + b - b / 4 - (8 * b + 13) / 25 + 15).rem_euclid(30);
    let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month.unsigned_abs(), day.unsigned_abs())
}

impl Point {
    /// True when the point needs a year from its context.
    pub(crate) fn needs_year(&self) -> bool {
        self.year.is_none() && self.decade.is_none() && self.century.is_none()
    }

    /// The TIMEX3 type: TIME with a part of day or a clock time, else DATE.
    pub(crate) fn is_time(&self) -> bool {
        self.part.is_some() || self.clock.is_some()
    }

    /// The TIMEX3 value (`XXXX` where the year is still unknown).
    pub(crate) fn value(&self) -> CalendarDate {
        if let Some((c, bc)) = self.century {
            return CalendarDate::century(c, bc);
        }
        if let Some((d, bc)) = self.decade {
            return CalendarDate::decade(d, bc);
        }
        let date = |part| match self.year {
            Some(y) => CalendarDate { part, ..CalendarDate::year(y) },
            None => CalendarDate::unknown_year(part),
        };
        if let Some(s) = self.season {
            return date(YearPart::Season(s));
        }
        if let Some(h) = self.half.filter(|_| self.month.is_none()) {
            return date(YearPart::Half(h));
        }
        if let Some(q) = self.quarter.filter(|_| self.month.is_none()) {
            return date(YearPart::Quarter(q));
        }
        let time = match (self.clock, self.part) {
            (Some((hour, minute)), _) => Some(TimeOfDay::Clock { hour, minute }),
            (None, Some(p)) => Some(TimeOfDay::Part(p)),
            (None, None) => None,
        };
        let part = match (self.month, self.day) {
            (Some(m), Some(d)) => YearPart::Day(Some(m), Some(d)),
            // A time of day falls on a day, known or not: `1866-02-XXTAF`.
            (m, _) if time.is_some() => YearPart::Day(m, None),
            (Some(m), None) => YearPart::Month(Some(m)),
            (None, _) => YearPart::Whole,
        };
        date(part).at(time)
    }
}

/// What a matched expression means, before anchoring.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A calendar point or period.
    Point(Point),
    /// Two points joined by a dash, "to", or "between ... and".
    Range(Point, Point),
    /// `n` units after (or before, when negative) the last mentioned date: "two days
    /// later", "the next day", "that same year" (n = 0). `deictic` ones ("last year",
    /// "two years ago", "yesterday") count from the document date in news mode.
    Shift { n: i64, unit: Unit, deictic: bool, part: Option<PartOfDay>, modifier: Option<TimexMod> },
    /// A season relative to the last mentioned date ("the following spring").
    SeasonShift { n: i64, season: Season },
    /// A quarter `n` quarters after the reference's ("last quarter" -1, "the quarter" 0);
    /// `deictic` ones count from the document date in news mode.
    QuarterShift { n: i64, deictic: bool },
    /// A temporal adjective before a noun ("a former minister", "future kings", "the
    /// current president", "present-day Berlin"): TIMEX2 (WikiWars) marks it, TimeML
    /// does not; see [`super::Convention`].
    Adjectival(TimeRef),
    /// An age ("18 years old", "a 6-year-old"), already normalized (`P18Y`): TIMEX2
    /// (WikiWars) marks it as a length, TimeML does not; see [`super::Convention`].
    Age(TimexValue),
    /// "today": the document date, or PRESENT_REF in a narrative.
    Today,
    /// A day of the week (1 = Monday), perhaps with a time of day ("Friday night", "9
    /// a.m. Tuesday"): in news, within the five days before the document date or the day
    /// after it; in a narrative, the first such day from the reference on. `rel`: "last
    /// Friday" (-1, strictly before), "this Friday" (0, the same week), "next Friday" (+1,
    /// strictly after).
    Weekday { day: u32, time: Option<TimeOfDay>, rel: Option<i8> },
    /// A vague reference: PRESENT_REF, PAST_REF, FUTURE_REF.
    Vague(TimeRef),
    /// A length of time, already normalized (`PT6H`).
    Duration { value: TimexValue, modifier: Option<TimexMod> },
    /// A recurrence, already normalized (`P1Y`). `each`: for the recurrence of one
    /// calendar unit ("every day", "daily", "annually"), the unit's calendar pattern
    /// (`XXXX-XX-XX`, `XXXX-WXX`, `XXXX`), the value TIMEX2 gives it (WikiWars); TimeML
    /// writes the period. A rate after a count ("three times a week", "30 a day") is a
    /// period in both.
    Set { value: TimexValue, each: Option<CalendarDate> },
    /// A time of any day or a season of any year, not the narrative's ("at night",
    /// "winter quarters"): `XXXX-XX-XXTNI`, `XXXX-WI`.
    Generic(CalendarDate),
    /// A part of the day named alone ("night fighting", "in daytime", "afternoon tea"),
    /// of any day (`XXXX-XX-XXTNI`, `XXXX-XX-XXTDT`): TIMEX2 (WikiWars) marks it, TimeML
    /// only after "at" or "by" ("at night", a [`Expr::Generic`]); see
    /// [`super::Convention`].
    BarePart(CalendarDate),
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number from [`days_from_civil`].
pub(crate) fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// Number of days in a month (proleptic Gregorian).
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 1 = Monday ... 7 = Sunday.
pub(crate) fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// `(y, m)` moved by `n` months.
pub(crate) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for z in [-200_000i64, -1, 0, 1, 59, 60, 365, 10_000, 40_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(civil_from_days(days_from_civil(1865, 2, 28) + 1), (1865, 3, 1));
        assert_eq!(weekday(days_from_civil(1866, 4, 2)), 1); // a Monday
        let week = |days| CalendarDate::iso_week(days).to_string();
        assert_eq!(week(days_from_civil(1866, 4, 2)), "1866-W14");
        assert_eq!(week(days_from_civil(2021, 1, 1)), "2020-W53");
        assert_eq!(add_months(1865, 1, -1), (1864, 12));
        assert_eq!(days_in_month(1900, 2), 28);
    }

    #[test]
    fn values() {
        // Thanksgiving, Election Day and Easter of years we checked on a calendar.
        assert_eq!(Floating::Thanksgiving.date_in(1999), (11, 25));
        assert_eq!(Floating::Thanksgiving.date_in(2026), (11, 26));
        assert_eq!(Floating::ElectionDay.date_in(1998), (11, 3));
        assert_eq!(Floating::ElectionDay.date_in(2026), (11, 3));
        assert_eq!(Floating::ElectionDay.date_in(2022), (11, 8));
        assert_eq!(Floating::Easter.date_in(2000), (4, 23));
        assert_eq!(Floating::Easter.date_in(2024), (3, 31));
        assert_eq!(Floating::EasterMonday.date_in(2024), (4, 1));
        assert_eq!(Floating::Easter.date_in(1916), (4, 23));
        let p = Point { year: Some(-490), ..Point::default() };
        assert_eq!(p.value().to_string(), "BC0490");
        let decade = Point { decade: Some((47, true)), ..Point::default() };
        assert_eq!(decade.value().to_string(), "BC047");
        let century = Point { century: Some((0, true)), ..Point::default() };
        assert_eq!(century.value().to_string(), "BC00");
        assert_eq!(
            Point { year: Some(1865), half: Some(2), ..Point::default() }.value().to_string(),
            "1865-H2"
        );
        let p = Point {
            year: Some(1866),
            month: Some(2),
            day: Some(7),
            part: Some(PartOfDay::Afternoon),
            ..Point::default()
        };
        assert_eq!(p.value().to_string(), "1866-02-07TAF");
        let p = Point { month: Some(2), clock: Some((9, 0)), ..Point::default() };
        assert_eq!(p.value().to_string(), "XXXX-02-XXT09:00");
        assert_eq!(Unit::Hour.duration(Some(6.0)).to_string(), "PT6H");
        assert_eq!(Unit::Year.duration(None).to_string(), "PXY");
        assert_eq!(Unit::Year.duration(Some(1.5)).to_string(), "P1.5Y");
    }
}
