//! TIMEX3 values as RDF dates: typed literals by precision, and calendar intervals
//! for comparing two claims about the same thing. Values are read by the one TIMEX3
//! parser, [`TimexValue`]'s `FromStr`.

use serde_json::{json, Value};

use crate::temporal::{CalendarDate, Precision, TimexValue, YearPart};

/// A TIMEX3 value split at its range slash: `1865-02-28/1865-11-08` gives both ends.
pub(crate) fn split_range(value: &str) -> (&str, Option<&str>) {
    match value.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (value, None),
    }
}

/// A JSON-LD value object typed by precision: `xsd:date`, `xsd:gYearMonth` or
/// `xsd:gYear` (a time of day is dropped). `None` for what RDF has no plain type for:
/// decades, centuries, seasons, weeks, BC and unknown years.
pub(crate) fn typed_date(date: &CalendarDate) -> Option<Value> {
    let year = date.signed_year().filter(|y| (0..=9999).contains(y))?;
    let (lexical, datatype) = match (date.precision(), date.part) {
        (Precision::Day, YearPart::Day(Some(m), Some(d))) => {
            (format!("{year:04}-{m:02}-{d:02}"), "xsd:date")
        }
        (Precision::Month, YearPart::Month(Some(m))) => {
            (format!("{year:04}-{m:02}"), "xsd:gYearMonth")
        }
        (Precision::Year, _) => (format!("{year:04}"), "xsd:gYear"),
        _ => return None,
    };
    Some(json!({"@value": lexical, "@type": datatype}))
}

/// [`typed_date`] of a value string, which must be one date (not a range).
pub(crate) fn typed(value: &str) -> Option<Value> {
    typed_date(value.parse::<TimexValue>().ok()?.date()?)
}

/// The typed start of a value and, for a range, its typed end.
pub(crate) fn typed_ends(value: &TimexValue) -> (Option<Value>, Option<Value>) {
    match value {
        TimexValue::Date(d) => (typed_date(d), None),
        TimexValue::Range(a, b) => (typed_date(a), typed_date(b)),
        _ => (None, None),
    }
}

/// The inclusive span of days a value covers (see [`TimexValue::interval`]); `None`
/// when it is not a calendar date.
pub(crate) fn interval(value: &str) -> Option<(i64, i64)> {
    value.parse::<TimexValue>().ok()?.interval()
}

/// True when the two values can describe the same time (their intervals overlap);
/// values that are not calendar dates never conflict.
pub(crate) fn compatible(a: &str, b: &str) -> bool {
    match (a.parse::<TimexValue>(), b.parse::<TimexValue>()) {
        (Ok(a), Ok(b)) => a.compatible(&b),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_by_precision() {
        let table: &[(&str, Option<(&str, &str)>)] = &[
            ("1901-03-04", Some(("1901-03-04", "xsd:date"))),
            ("1901-03", Some(("1901-03", "xsd:gYearMonth"))),
            ("1901", Some(("1901", "xsd:gYear"))),
            ("1901-03-04TMO", Some(("1901-03-04", "xsd:date"))),
            ("190", None),
            ("19", None),
            ("1901-W14", None),
            ("PT6H", None),
            ("1901-13-01", None),
            ("1901-02-00", None),
            ("", None),
            ("é€中😀", None),
        ];
        for &(value, want) in table {
            let got = typed(value);
            let want = want.map(|(v, t)| json!({"@value": v, "@type": t}));
            assert_eq!(got, want, "{value}");
        }
    }

    #[test]
    fn intervals_compare_by_overlap() {
        let table = [
            ("1901-05", "1901-05-02", true),
            ("1901-05-03", "1901-05-02", false),
            ("1901-02-28/1901-11-08", "1901-06", true),
            ("1901-02-28/1901-11-08", "1902", false),
            ("190", "1907-01-01", true),
            ("19", "1899", false),
            ("PT6H", "1901", true),
            ("1901-11-08/1901-02-28", "1850", true),
        ];
        for (a, b, want) in table {
            assert_eq!(compatible(a, b), want, "{a} vs {b}");
            assert_eq!(compatible(b, a), want, "{b} vs {a}");
        }
    }
}
