//! TIMEX3 values as data: [`TimexValue`] is parsed once (by the tagger, which builds it,
//! or by [`str::parse`] for a value read back from a record) and read by everything that
//! needs a date's precision or its calendar interval: the anchor, the infobox checks and
//! the JSON-LD date typing. `Display` writes the TIMEX3 string and `FromStr` reads it
//! back: every value the tagger emits round-trips (a test checks the whole grammar).
//!
//! ```
//! use wikianno::temporal::{Precision, TimexValue};
//!
//! let v: TimexValue = "1865-02-28/1865-11".parse().unwrap();
//! let (start, end) = v.ends().unwrap();
//! assert_eq!(start.precision(), Precision::Day);
//! assert_eq!(end.precision(), Precision::Month);
//! assert_eq!(v.to_string(), "1865-02-28/1865-11");
//! assert!("1865-W14".parse::<TimexValue>().unwrap().falls_within(&"1865".parse().unwrap()));
//! ```

use std::{fmt, str::FromStr};

use super::normalize::{civil_from_days, days_from_civil, days_in_month};

/// A calendar unit: of durations, sets and relative shifts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// `S` (after `T`).
    Second,
    /// `M` (after `T`).
    Minute,
    /// `H` (after `T`).
    Hour,
    /// `D`.
    Day,
    /// `W`.
    Week,
    /// `M`.
    Month,
    /// `Y`.
    Year,
    /// `DE`.
    Decade,
    /// `CE`.
    Century,
}

impl TimeUnit {
    /// The unit of a (singular or plural) English word, if it names one.
    pub(crate) fn from_word(word: &str) -> Option<TimeUnit> {
        let w = word.to_ascii_lowercase();
        let w = w.trim_end_matches('s');
        Some(match w {
            "second" => TimeUnit::Second,
            "minute" => TimeUnit::Minute,
            "hour" => TimeUnit::Hour,
            "day" | "night" => TimeUnit::Day,
            "week" | "weekend" => TimeUnit::Week,
            "month" => TimeUnit::Month,
            "year" => TimeUnit::Year,
            "decade" => TimeUnit::Decade,
            "century" | "centurie" => TimeUnit::Century,
            _ => return None,
        })
    }

    /// The duration of `n` units; `None` is a vague amount (`PXY`).
    pub(crate) fn duration(self, n: Option<f64>) -> TimexValue {
        let amount =
            n.map(|x| if x.fract() == 0.0 { format!("{}", x as i64) } else { format!("{x}") });
        TimexValue::Duration { amount: amount.map(String::into_boxed_str), unit: self }
    }

    /// True for the units ISO 8601 writes after `T`.
    fn is_clock(self) -> bool {
        matches!(self, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour)
    }

    fn letter(self) -> &'static str {
        match self {
            TimeUnit::Second => "S",
            TimeUnit::Minute | TimeUnit::Month => "M",
            TimeUnit::Hour => "H",
            TimeUnit::Day => "D",
            TimeUnit::Week => "W",
            TimeUnit::Year => "Y",
            TimeUnit::Decade => "DE",
            TimeUnit::Century => "CE",
        }
    }
}

/// A season, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`.
    Spring,
    /// `SU`.
    Summer,
    /// `FA`.
    Fall,
    /// `WI` (named after its January: `1915-WI` starts in December 1914).
    Winter,
}

impl Season {
    /// `SP`, `SU`, `FA` or `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    fn from_code(s: &str) -> Option<Season> {
        Some(match s {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The month it starts in (meteorological seasons).
    pub(crate) fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// `MO`.
    Morning,
    /// `AF`.
    Afternoon,
    /// `EV`.
    Evening,
    /// `NI`.
    Night,
    /// `DT`: the daytime.
    Daytime,
}

impl PartOfDay {
    /// `MO`, `AF`, `EV`, `NI` or `DT`.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }

    fn from_code(s: &str) -> Option<PartOfDay> {
        Some(match s {
            "MO" => PartOfDay::Morning,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            "DT" => PartOfDay::Daytime,
            _ => return None,
        })
    }
}

/// A time of day: a part of the day, or a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// `TAF`.
    Part(PartOfDay),
    /// `T14:30` (hour 0-24, minute 0-59).
    Clock {
        /// Hour, 0-24 (24:00 is midnight ending the day).
        hour: u32,
        /// Minute.
        minute: u32,
    },
}

/// How fine a calendar date is, coarsest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `18`: the 19th century.
    Century,
    /// `186`: the 1860s.
    Decade,
    /// `1865`.
    Year,
    /// `1865-H2`, `2013-Q1`, `1865-SU`.
    PartOfYear,
    /// `1865-02`.
    Month,
    /// `1866-W14`.
    Week,
    /// `1865-02-28`, `XXXX-WXX-3`.
    Day,
}

/// The calendar part below the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YearPart {
    /// The whole year (or decade, century).
    Whole,
    /// `-H1`, `-H2`.
    Half(u8),
    /// `-Q1` ... `-Q4`: a quarter of the (calendar) year.
    Quarter(u8),
    /// `-SP`, ...
    Season(Season),
    /// `-MM`; `None` is `-XX`.
    Month(Option<u32>),
    /// `-MM-DD`; `None` is `XX`.
    Day(Option<u32>, Option<u32>),
    /// `-W14`, `-WXX`.
    Week(Option<u32>),
    /// `-WXX-3`: a day of the week (1 = Monday) in an unknown week.
    Weekday(u32),
}

/// Whether the year digits name a year, a decade or a century.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YearScale {
    /// Four or more digits: a year.
    Year,
    /// Three digits: a decade (`186`).
    Decade,
    /// Two digits: a century (`18` is 1800-1899, as TIMEX3 writes the 19th century).
    Century,
}

/// A calendar date or period: a point of some precision, perhaps with a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CalendarDate {
    /// The digits of the year, or of a decade (`186`) or century (`18`), as written;
    /// `None` is an unknown year (`XXXX`).
    pub digits: Option<u32>,
    /// Before Christ: `BC0490`, `BC047` (the 470s BC), `BC00` (the 1st century BC).
    pub bc: bool,
    /// What `digits` count.
    pub scale: YearScale,
    /// The part of the year.
    pub part: YearPart,
    /// A time of day on that date.
    pub time: Option<TimeOfDay>,
}

impl CalendarDate {
    /// A whole year; BC years are negative (490 BC is -490; there is no year 0).
    pub fn year(year: i32) -> CalendarDate {
        CalendarDate {
            digits: Some(year.unsigned_abs()),
            bc: year < 0,
            scale: YearScale::Year,
            part: YearPart::Whole,
            time: None,
        }
    }

    /// A date whose year is not known (`XXXX`).
    pub fn unknown_year(part: YearPart) -> CalendarDate {
        CalendarDate { digits: None, bc: false, scale: YearScale::Year, part, time: None }
    }

    /// A decade from its leading digits (186 for the 1860s).
    pub fn decade(digits: u32, bc: bool) -> CalendarDate {
        CalendarDate { digits: Some(digits), bc, scale: YearScale::Decade, ..CalendarDate::year(0) }
    }

    /// A century from its TIMEX3 digits (18 for the 19th century, 0 with `bc` for the
    /// 1st century BC).
    pub fn century(digits: u32, bc: bool) -> CalendarDate {
        CalendarDate {
            digits: Some(digits),
            bc,
            scale: YearScale::Century,
            ..CalendarDate::year(0)
        }
    }

    /// A month of a year.
    pub fn month(year: i32, month: u32) -> CalendarDate {
        CalendarDate { part: YearPart::Month(Some(month)), ..CalendarDate::year(year) }
    }

    /// A day.
    pub fn day(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate { part: YearPart::Day(Some(month), Some(day)), ..CalendarDate::year(year) }
    }

    /// The same date with this time of day.
    pub fn at(self, time: Option<TimeOfDay>) -> CalendarDate {
        CalendarDate { time, ..self }
    }

    /// The date of a day number (days since 1970-01-01).
    pub(crate) fn from_days(days: i64) -> CalendarDate {
        let (y, m, d) = civil_from_days(days);
        CalendarDate::day(y, m, d)
    }

    /// The ISO 8601 week a day number falls in: `1866-W14`.
    pub(crate) fn iso_week(days: i64) -> CalendarDate {
        let thursday = days - i64::from(super::normalize::weekday(days)) + 4;
        let (y, _, _) = civil_from_days(thursday);
        let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
        CalendarDate { part: YearPart::Week(Some(week as u32)), ..CalendarDate::year(y) }
    }

    /// The signed year of a year-scale date (490 BC is -490).
    pub fn signed_year(&self) -> Option<i32> {
        if self.scale != YearScale::Year {
            return None;
        }
        let n = i32::try_from(self.digits?).ok()?;
        Some(if self.bc { -n } else { n })
    }

    /// How fine the date is.
    pub fn precision(&self) -> Precision {
        match self.scale {
            YearScale::Century => Precision::Century,
            YearScale::Decade => Precision::Decade,
            YearScale::Year => match self.part {
                YearPart::Whole => Precision::Year,
                YearPart::Half(_) | YearPart::Quarter(_) | YearPart::Season(_) => {
                    Precision::PartOfYear
                }
                YearPart::Month(_) => Precision::Month,
                YearPart::Week(_) => Precision::Week,
                YearPart::Day(..) | YearPart::Weekday(_) => Precision::Day,
            },
        }
    }

    /// `(year, month, day)` of a fully known day.
    pub fn ymd(&self) -> Option<(i32, u32, u32)> {
        match (self.signed_year(), self.part) {
            (Some(y), YearPart::Day(Some(m), Some(d))) => Some((y, m, d)),
            _ => None,
        }
    }

    /// The first and last day (days since 1970-01-01) the date covers, as far as its
    /// known fields go (`1865-XX-XX` covers 1865); `None` when the year is unknown.
    pub fn interval(&self) -> Option<(i64, i64)> {
        let n = i32::try_from(self.digits?).ok()?;
        // Historical years (no year 0: 1 BC is -1) to the astronomical ones of the
        // calendar arithmetic.
        let astro = |y: i32| if y < 0 { y + 1 } else { y };
        let years = |first: i32, last: i32| {
            Some((days_from_civil(astro(first), 1, 1), days_from_civil(astro(last), 12, 31)))
        };
        match (self.scale, self.bc) {
            // TIMEX3 writes the 19th century `18`: 1800-1899; `BC00` is 100-1 BC.
            (YearScale::Century, false) => years(n * 100, n * 100 + 99),
            (YearScale::Century, true) => years(-(n * 100 + 100), -(n * 100).max(1)),
            (YearScale::Decade, false) => years(n * 10, n * 10 + 9),
            (YearScale::Decade, true) => years(-(n * 10 + 9), -(n * 10).max(1)),
            (YearScale::Year, bc) => {
                let y = astro(if bc { -n } else { n });
                let months = |first: u32, last: u32| {
                    Some((
                        days_from_civil(y, first, 1),
                        days_from_civil(y, last, days_in_month(y, last)),
                    ))
                };
                match self.part {
                    YearPart::Whole
                    | YearPart::Month(None)
                    | YearPart::Day(None, _)
                    | YearPart::Week(None)
                    | YearPart::Weekday(_) => months(1, 12),
                    YearPart::Half(h) => months(u32::from(h) * 6 - 5, u32::from(h) * 6),
                    YearPart::Quarter(q) => months(u32::from(q) * 3 - 2, u32::from(q) * 3),
                    YearPart::Season(Season::Winter) => Some((
                        days_from_civil(y - 1, 12, 1),
                        days_from_civil(y, 2, days_in_month(y, 2)),
                    )),
                    YearPart::Season(s) => months(s.first_month(), s.first_month() + 2),
                    YearPart::Month(Some(m)) | YearPart::Day(Some(m), None) => months(m, m),
                    YearPart::Day(Some(m), Some(d)) => {
                        let day = days_from_civil(y, m, d);
                        Some((day, day))
                    }
                    YearPart::Week(Some(w)) => {
                        // Week 1 holds the year's first Thursday.
                        let jan4 = days_from_civil(y, 1, 4);
                        let monday = jan4 - i64::from(super::normalize::weekday(jan4)) + 1;
                        let first = monday + 7 * (i64::from(w) - 1);
                        Some((first, first + 6))
                    }
                }
            }
        }
    }

    /// This date without its time of day.
    pub fn without_time(self) -> CalendarDate {
        CalendarDate { time: None, ..self }
    }
}

/// A vague reference to the present, past or future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeRef {
    /// `PRESENT_REF`.
    Present,
    /// `PAST_REF`.
    Past,
    /// `FUTURE_REF`.
    Future,
}

impl TimeRef {
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeRef::Present => "PRESENT_REF",
            TimeRef::Past => "PAST_REF",
            TimeRef::Future => "FUTURE_REF",
        }
    }
}

/// A TIMEX3 value: what the `value` attribute says, parsed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TimexValue {
    /// A calendar date or period (DATE and TIME timexes).
    Date(CalendarDate),
    /// Two calendar dates: `1865-02-28/1865-11-08`.
    Range(CalendarDate, CalendarDate),
    /// A length of time (DURATION), or the period of a SET: `PT6H`, `P3Y`, `PXY`.
    Duration {
        /// The amount as written in the value (`3`, `1.5`); `None` is vague (`X`).
        amount: Option<Box<str>>,
        /// The unit.
        unit: TimeUnit,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(TimeRef),
}

impl TimexValue {
    /// A length in decades or centuries (TIMEX2's `DE`, `CE` units) as the same length
    /// in years, the unit ISO 8601 has: `P1DE` is `P10Y`, `PXCE` is `PXY`. Any other
    /// value is returned as it is.
    pub(crate) fn in_years(&self) -> TimexValue {
        let TimexValue::Duration { amount, unit } = self else { return self.clone() };
        let per = match unit {
            TimeUnit::Decade => 10.0,
            TimeUnit::Century => 100.0,
            _ => return self.clone(),
        };
        match amount.as_deref().map(str::parse::<f64>) {
            None => TimeUnit::Year.duration(None),
            Some(Ok(n)) => TimeUnit::Year.duration(Some(n * per)),
            Some(Err(_)) => self.clone(),
        }
    }

    /// The two ends of a calendar value: a range's, or the date twice.
    pub fn ends(&self) -> Option<(CalendarDate, CalendarDate)> {
        match self {
            TimexValue::Date(d) => Some((*d, *d)),
            TimexValue::Range(a, b) => Some((*a, *b)),
            _ => None,
        }
    }

    /// The calendar date, if the value is one (not a range).
    pub fn date(&self) -> Option<&CalendarDate> {
        match self {
            TimexValue::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The signed year of the value's (first) date, when it is a known year or a part
    /// of one: `1865-02-28` and `1865/1870` give 1865; `186`, `XXXX-05` and `PT6H` none.
    pub fn year(&self) -> Option<i32> {
        self.ends()?.0.signed_year()
    }

    /// The first and last day the value covers (a range: from its start's first day to
    /// its end's last); `None` for non-calendar values, unknown years and ranges that
    /// run backwards.
    pub fn interval(&self) -> Option<(i64, i64)> {
        let (a, b) = self.ends()?;
        let (lo, _) = a.interval()?;
        let (_, hi) = b.interval()?;
        (lo <= hi).then_some((lo, hi))
    }

    /// True when the value has a calendar interval with a known year.
    pub fn is_dated(&self) -> bool {
        self.ends().is_some_and(|(a, b)| a.digits.is_some() && b.digits.is_some())
    }

    /// True when the two values can describe the same time (their intervals overlap);
    /// values without an interval never conflict.
    pub fn compatible(&self, other: &TimexValue) -> bool {
        match (self.interval(), other.interval()) {
            (Some((alo, ahi)), Some((blo, bhi))) => alo <= bhi && blo <= ahi,
            _ => true,
        }
    }

    /// True when this value lies inside `outer`'s interval ("1865-02-28" falls within
    /// "1865"); false when either has none.
    pub fn falls_within(&self, outer: &TimexValue) -> bool {
        match (self.interval(), outer.interval()) {
            (Some((lo, hi)), Some((olo, ohi))) => olo <= lo && hi <= ohi,
            _ => false,
        }
    }
}

/// A string that is not a TIMEX3 value of the grammar [`TimexValue`] reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseTimexValueError(String);

impl fmt::Display for ParseTimexValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a TIMEX3 value wikianno reads: {:?}", self.0)
    }
}

impl std::error::Error for ParseTimexValueError {}

fn write_year(
    f: &mut fmt::Formatter<'_>,
    digits: Option<u32>,
    bc: bool,
    width: usize,
) -> fmt::Result {
    match digits {
        None => f.write_str("XXXX"),
        Some(n) if bc => write!(f, "BC{n:0width$}"),
        Some(n) => write!(f, "{n:0width$}"),
    }
}

fn write_xx(f: &mut fmt::Formatter<'_>, n: Option<u32>) -> fmt::Result {
    match n {
        Some(n) => write!(f, "{n:02}"),
        None => f.write_str("XX"),
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = match self.scale {
            YearScale::Century => 2,
            YearScale::Decade => 3,
            YearScale::Year => 4,
        };
        write_year(f, self.digits, self.bc, width)?;
        match self.part {
            YearPart::Whole => {}
            YearPart::Half(h) => write!(f, "-H{h}")?,
            YearPart::Quarter(q) => write!(f, "-Q{q}")?,
            YearPart::Season(s) => write!(f, "-{}", s.code())?,
            YearPart::Month(m) => {
                f.write_str("-")?;
                write_xx(f, m)?;
            }
            YearPart::Day(m, d) => {
                f.write_str("-")?;
                write_xx(f, m)?;
                f.write_str("-")?;
                write_xx(f, d)?;
            }
            YearPart::Week(w) => {
                f.write_str("-W")?;
                write_xx(f, w)?;
            }
            YearPart::Weekday(d) => write!(f, "-WXX-{d}")?,
        }
        match self.time {
            None => Ok(()),
            Some(TimeOfDay::Part(p)) => write!(f, "T{}", p.code()),
            Some(TimeOfDay::Clock { hour, minute }) => write!(f, "T{hour:02}:{minute:02}"),
        }
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexValue::Date(d) => d.fmt(f),
            TimexValue::Range(a, b) => write!(f, "{a}/{b}"),
            TimexValue::Duration { amount, unit } => write!(
                f,
                "{}{}{}",
                if unit.is_clock() { "PT" } else { "P" },
                amount.as_deref().unwrap_or("X"),
                unit.letter()
            ),
            TimexValue::Ref(r) => f.write_str(r.as_str()),
        }
    }
}

impl serde::Serialize for TimexValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `n` ASCII digits exactly, or `XX` (`None` inside).
fn two(s: &str) -> Option<Option<u32>> {
    if s == "XX" {
        return Some(None);
    }
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())
}

fn parse_time(s: &str) -> Option<TimeOfDay> {
    if let Some(p) = PartOfDay::from_code(s) {
        return Some(TimeOfDay::Part(p));
    }
    let (h, m) = s.split_once(':')?;
    let (hour, minute) = (two(h)??, two(m)??);
    (hour <= 24 && minute < 60).then_some(TimeOfDay::Clock { hour, minute })
}

fn parse_part(rest: &str) -> Option<YearPart> {
    let fields: Vec<&str> = rest.split('-').collect();
    let month = |m: Option<u32>| m.is_none_or(|m| (1..=12).contains(&m));
    Some(match fields.as_slice() {
        [] | [""] => YearPart::Whole,
        [x] if x.len() == 2 && x.starts_with('H') => match x.as_bytes()[1] {
            b'1' => YearPart::Half(1),
            b'2' => YearPart::Half(2),
            _ => return None,
        },
        [x] if x.len() == 2 && x.starts_with('Q') => match x.as_bytes()[1] {
            q @ b'1'..=b'4' => YearPart::Quarter(q - b'0'),
            _ => return None,
        },
        [x] if Season::from_code(x).is_some() => YearPart::Season(Season::from_code(x)?),
        [x] if x.starts_with('W') => {
            let w = two(x.get(1..)?)?;
            if w.is_some_and(|w| !(1..=53).contains(&w)) {
                return None;
            }
            YearPart::Week(w)
        }
        [x] => YearPart::Month(Some(two(x)?).filter(|m| month(*m))?),
        ["WXX", d] if d.len() == 1 => {
            let d: u32 = d.parse().ok()?;
            (1..=7).contains(&d).then_some(YearPart::Weekday(d))?
        }
        [m, d] => {
            let (m, d) = (two(m)?, two(d)?);
            if !month(m) || d.is_some_and(|d| !(1..=31).contains(&d)) {
                return None;
            }
            YearPart::Day(m, d)
        }
        _ => return None,
    })
}

impl FromStr for CalendarDate {
    type Err = ParseTimexValueError;

    fn from_str(s: &str) -> Result<CalendarDate, ParseTimexValueError> {
        let bad = || ParseTimexValueError(s.to_string());
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(parse_time(t).ok_or_else(bad)?)),
            None => (s, None),
        };
        let (bc, unsigned) = match date.strip_prefix("BC") {
            Some(rest) => (true, rest),
            None => (false, date),
        };
        let (digits, rest) = match unsigned.find('-') {
            Some(i) => (&unsigned[..i], &unsigned[i + 1..]),
            None => (unsigned, ""),
        };
        if unsigned.contains('-') && rest.is_empty() {
            return Err(bad());
        }
        let (digits, scale) = if digits == "XXXX" && !bc {
            (None, YearScale::Year)
        } else {
            if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(bad());
            }
            let n: u32 = digits.parse().map_err(|_| bad())?;
            let scale = match digits.len() {
                2 => YearScale::Century,
                3 => YearScale::Decade,
                4.. => YearScale::Year,
                _ => return Err(bad()),
            };
            // There is no year 0 BC, and a longer year has no leading zero.
            if (bc && n == 0 && scale == YearScale::Year)
                || (digits.len() > 4 && digits.starts_with('0'))
            {
                return Err(bad());
            }
            (Some(n), scale)
        };
        let part = parse_part(rest).ok_or_else(bad)?;
        if scale != YearScale::Year && (part != YearPart::Whole || time.is_some()) {
            return Err(bad());
        }
        Ok(CalendarDate { digits, bc, scale, part, time })
    }
}

fn parse_duration(s: &str) -> Option<TimexValue> {
    let (clock, body) = match s.strip_prefix("PT") {
        Some(b) => (true, b),
        None => (false, s.strip_prefix('P')?),
    };
    let split = body.find(|c: char| c.is_ascii_uppercase() && c != 'X')?;
    let (amount, letters) = body.split_at(split);
    let unit = match (clock, letters) {
        (true, "S") => TimeUnit::Second,
        (true, "M") => TimeUnit::Minute,
        (true, "H") => TimeUnit::Hour,
        (false, "D") => TimeUnit::Day,
        (false, "W") => TimeUnit::Week,
        (false, "M") => TimeUnit::Month,
        (false, "Y") => TimeUnit::Year,
        (false, "DE") => TimeUnit::Decade,
        (false, "CE") => TimeUnit::Century,
        _ => return None,
    };
    let amount = if amount == "X" {
        None
    } else {
        // Digits with at most one inner point, as the tagger writes them.
        let ok = !amount.is_empty()
            && amount.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && amount.bytes().filter(|b| *b == b'.').count() <= 1
            && !amount.starts_with('.')
            && !amount.ends_with('.');
        if !ok {
            return None;
        }
        Some(amount.into())
    };
    Some(TimexValue::Duration { amount, unit })
}

impl FromStr for TimexValue {
    type Err = ParseTimexValueError;

    fn from_str(s: &str) -> Result<TimexValue, ParseTimexValueError> {
        match s {
            "PRESENT_REF" => return Ok(TimexValue::Ref(TimeRef::Present)),
            "PAST_REF" => return Ok(TimexValue::Ref(TimeRef::Past)),
            "FUTURE_REF" => return Ok(TimexValue::Ref(TimeRef::Future)),
            _ => {}
        }
        if s.starts_with('P') {
            return parse_duration(s).ok_or_else(|| ParseTimexValueError(s.to_string()));
        }
        if let Some((a, b)) = s.split_once('/') {
            return Ok(TimexValue::Range(a.parse()?, b.parse()?));
        }
        Ok(TimexValue::Date(s.parse()?))
    }
}

impl PartialEq<str> for TimexValue {
    fn eq(&self, other: &str) -> bool {
        // Compare without allocating: write into a comparer.
        struct Eq<'a>(&'a str, bool);
        impl fmt::Write for Eq<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                match self.0.strip_prefix(s) {
                    Some(rest) => {
                        self.0 = rest;
                        Ok(())
                    }
                    None => {
                        self.1 = false;
                        Err(fmt::Error)
                    }
                }
            }
        }
        let mut cmp = Eq(other, true);
        let _ = fmt::write(&mut cmp, format_args!("{self}"));
        cmp.1 && cmp.0.is_empty()
    }
}

impl PartialEq<&str> for TimexValue {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_round_trips() {
        let values = [
            "1865-02-28",
            "1865-09",
            "1865",
            "0476",
            "12000",
            "BC0490",
            "186",
            "BC047",
            "18",
            "BC05",
            "BC00",
            "1866-02-07TAF",
            "1866-02-07T14:30",
            "XXXX-XX-XXT24:00",
            "1865-05-XXT09:00",
            "1915-XX-XX",
            "XXXX-XX",
            "XXXX",
            "1865-SP",
            "XXXX-WI",
            "1865-H2",
            "2013-Q1",
            "XXXX-Q4",
            "1866-W14",
            "XXXX-WXX",
            "XXXX-WXX-3",
            "1865-02-28/1865-11-08",
            "1865/1866",
            "PT6H",
            "PT30M",
            "PT1S",
            "P3Y",
            "P1.5Y",
            "PXY",
            "P2DE",
            "P1CE",
            "P1W",
            "P1D",
            "P6M",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ];
        for v in values {
            let parsed: TimexValue = v.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parsed.to_string(), v);
            assert!(parsed == v);
        }
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        for v in [
            "",
            "1865-13",
            "1865-02-32",
            "18-05",
            "1865-",
            "P",
            "PT3D",
            "P1..5Y",
            "BC0000",
            "1865TXX",
            "2000-Q5",
            "2000-Q0",
            "é€中😀",
            "1865-W54",
            "Monday",
        ] {
            assert!(v.parse::<TimexValue>().is_err(), "{v}");
        }
    }

    #[test]
    fn intervals_and_precision() {
        let v = |s: &str| s.parse::<TimexValue>().unwrap();
        let day = |y, m, d| days_from_civil(y, m, d);
        assert_eq!(v("18").interval(), Some((day(1800, 1, 1), day(1899, 12, 31))));
        assert_eq!(v("186").interval(), Some((day(1860, 1, 1), day(1869, 12, 31))));
        assert_eq!(v("1915-WI").interval(), Some((day(1914, 12, 1), day(1915, 2, 28))));
        assert_eq!(v("1866-W14").interval(), Some((day(1866, 4, 2), day(1866, 4, 8))));
        assert_eq!(v("1865-H2").interval(), Some((day(1865, 7, 1), day(1865, 12, 31))));
        assert_eq!(v("2013-Q2").interval(), Some((day(2013, 4, 1), day(2013, 6, 30))));
        assert_eq!(v("XXXX-05").interval(), None);
        assert_eq!(v("1865-11-08/1865-02-28").interval(), None);
        assert!(v("1865-02-28TAF").falls_within(&v("1865-02")));
        assert!(!v("1865").falls_within(&v("1865-02")));
        assert!(v("1901-02-28/1901-11-08").compatible(&v("1901-06")));
        assert!(!v("19").compatible(&v("1899")));
        assert!(v("PT6H").compatible(&v("1901")));
        assert_eq!(v("1865-02-28T09:00").date().map(|d| d.precision()), Some(Precision::Day));
        assert_eq!(v("1865-SU").date().map(|d| d.precision()), Some(Precision::PartOfYear));
        assert!(v("BC0490").is_dated() && !v("XXXX-05").is_dated());
    }
}
