//! TIMEX3 values as RDF dates: typed literals by precision, and calendar intervals
//! for comparing two claims about the same thing.

use serde_json::{json, Value};

/// A TIMEX3 value split at its range slash: `1865-02-28/1865-11-08` gives both ends.
pub(crate) fn split_range(value: &str) -> (&str, Option<&str>) {
    match value.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (value, None),
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// The calendar part of a value: `1866-02-07TAF` is dated `1866-02-07`.
fn calendar_part(value: &str) -> &str {
    value.split('T').next().unwrap_or(value)
}

/// `(year, month, day)` fields present in a value, each checked for range.
fn fields(value: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let mut parts = calendar_part(value).split('-');
    let year = digits(parts.next()?, 4)?;
    let month = match parts.next() {
        Some(m) => Some(digits(m, 2).filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(digits(d, 2).filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((year, month, day))
}

/// A JSON-LD value object typed by precision: `xsd:date`, `xsd:gYearMonth` or
/// `xsd:gYear`. `None` for values RDF has no plain type for (decades, weeks, durations).
pub(crate) fn typed(value: &str) -> Option<Value> {
    let (year, month, day) = fields(value)?;
    let (lexical, datatype) = match (month, day) {
        (Some(m), Some(d)) => (format!("{year:04}-{m:02}-{d:02}"), "xsd:date"),
        (Some(m), None) => (format!("{year:04}-{m:02}"), "xsd:gYearMonth"),
        _ => (format!("{year:04}"), "xsd:gYear"),
    };
    Some(json!({"@value": lexical, "@type": datatype}))
}

/// A day as a sortable number (months of 31 days: only order matters here).
type Day = u32;

fn day(year: u32, month: u32, day: u32) -> Day {
    (year * 12 + (month - 1)) * 31 + (day - 1)
}

/// The inclusive span of days a value covers: `1865` is the whole year, `186` the
/// 1860s, `18` the 19th century (1800–1899, as TIMEX3 writes it), `1865-02-28/1865-11-08`
/// the range. `None` when the value is not a calendar date.
pub(crate) fn interval(value: &str) -> Option<(Day, Day)> {
    if let (a, Some(b)) = split_range(value) {
        let (lo, _) = interval(a)?;
        let (_, hi) = interval(b)?;
        return (lo <= hi).then_some((lo, hi));
    }
    let cal = calendar_part(value);
    if let Some(decade) = digits(cal, 3) {
        return Some((day(decade * 10, 1, 1), day(decade * 10 + 9, 12, 31)));
    }
    if let Some(century) = digits(cal, 2) {
        return Some((day(century * 100, 1, 1), day(century * 100 + 99, 12, 31)));
    }
    let (y, m, d) = fields(value)?;
    Some(match (m, d) {
        (Some(m), Some(d)) => (day(y, m, d), day(y, m, d)),
        (Some(m), None) => (day(y, m, 1), day(y, m, 31)),
        _ => (day(y, 1, 1), day(y, 12, 31)),
    })
}

/// True when the two values can describe the same time (their intervals overlap);
/// values that are not calendar dates never conflict.
pub(crate) fn compatible(a: &str, b: &str) -> bool {
    match (interval(a), interval(b)) {
        (Some((alo, ahi)), Some((blo, bhi))) => alo <= bhi && blo <= ahi,
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
