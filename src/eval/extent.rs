//! Strict (span-boundary) errors of the temporal tagger, by class: why a gold TIMEX3 has
//! no system timex of exactly its span, or a system timex no gold one.
//!
//! A class is the kind of mismatch (missed, spurious, a word more or less at one end, one
//! span where the other side has two) and the *shape* of the words that differ, with
//! numbers, month and weekday names generalized (`+start: WEEKDAY ,`), so that the
//! mismatches one span rule would fix are counted together. `eval-timex --error-classes`
//! prints them, most frequent first.

use std::collections::BTreeMap;
use std::fmt;

use super::score::timeml_view;
use super::timeml::TimemlDocument;
use crate::span::Span;
use crate::temporal::Timex;

/// How a system extent differs from the gold one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StrictErrorKind {
    /// A gold timex no system timex overlaps.
    Missed,
    /// A system timex no gold timex overlaps.
    Spurious,
    /// The system extent has words the gold one does not (at its start or end).
    SystemLonger,
    /// The gold extent has words the system one does not.
    SystemShorter,
    /// The system extent starts earlier and ends earlier, or the reverse.
    Shifted,
    /// One system timex covers two or more gold timexes ("Friday, Oct. 23").
    Joined,
    /// Two or more system timexes cover one gold timex.
    Split,
}

impl StrictErrorKind {
    /// A short lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            StrictErrorKind::Missed => "missed",
            StrictErrorKind::Spurious => "spurious",
            StrictErrorKind::SystemLonger => "system longer",
            StrictErrorKind::SystemShorter => "system shorter",
            StrictErrorKind::Shifted => "shifted",
            StrictErrorKind::Joined => "joined",
            StrictErrorKind::Split => "split",
        }
    }
}

impl fmt::Display for StrictErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One strict error: its class and where it was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrictError {
    /// The kind of mismatch.
    pub kind: StrictErrorKind,
    /// The shape of the differing words (`+start: the`, `-end: night`), or of the whole
    /// span for a missed or spurious timex.
    pub shape: String,
    /// `document: gold "..." system "..."`, for reading the example.
    pub example: String,
}

/// The strict errors of `predicted` (the tagger's output on `doc.text`) against `doc`'s
/// gold timexes, seen as TimeML annotates them (ranges as their two ends; the spans of
/// `tid="t0"` ignored), in text order.
///
/// # Examples
///
/// ```
/// use wikianno::eval::{parse_timeml, strict_errors, StrictErrorKind};
/// use wikianno::temporal::{Reference, TemporalTagger};
///
/// let xml = r#"<TimeML><TEXT>Rain fell on <TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3> night.</TEXT></TimeML>"#;
/// let doc = parse_timeml("doc", xml).unwrap();
/// let predicted = TemporalTagger::new().tag_text(&doc.text, Reference::Narrative);
/// let errors = strict_errors(&doc, &predicted);
/// assert_eq!(errors[0].kind, StrictErrorKind::SystemLonger);
/// assert_eq!(errors[0].shape, "+end: night");
/// ```
pub fn strict_errors(doc: &TimemlDocument, predicted: &[Timex]) -> Vec<StrictError> {
    let text = doc.text.as_str();
    let system: Vec<Span> = timeml_view(predicted)
        .into_iter()
        .map(|t| t.span)
        .filter(|s| !doc.ignored.iter().any(|i| i.overlaps(*s)))
        .collect();
    let gold: Vec<Span> = doc.timexes.iter().map(|g| g.span).collect();
    let example = |g: Option<Span>, s: Option<Span>| {
        let quote = |x: Option<Span>| x.map_or("-".to_string(), |x| format!("{:?}", x.slice(text)));
        format!("{}: gold {} system {}", doc.name, quote(g), quote(s))
    };
    let mut out = Vec::new();
    for &g in &gold {
        if system.contains(&g) {
            continue;
        }
        let over: Vec<Span> = system.iter().copied().filter(|s| s.overlaps(g)).collect();
        let error = match over.as_slice() {
            [] => StrictError {
                kind: StrictErrorKind::Missed,
                shape: shape(g.slice(text)),
                example: example(Some(g), None),
            },
            [s] if gold.iter().filter(|o| o.overlaps(*s)).count() > 1 => StrictError {
                kind: StrictErrorKind::Joined,
                shape: boundary_shape(text, g, *s),
                example: example(Some(g), Some(*s)),
            },
            [s] => {
                let kind = if s.contains(g) {
                    StrictErrorKind::SystemLonger
                } else if g.contains(*s) {
                    StrictErrorKind::SystemShorter
                } else {
                    StrictErrorKind::Shifted
                };
                StrictError {
                    kind,
                    shape: boundary_shape(text, g, *s),
                    example: example(Some(g), Some(*s)),
                }
            }
            [first, ..] => StrictError {
                kind: StrictErrorKind::Split,
                shape: over.iter().map(|s| shape(s.slice(text))).collect::<Vec<_>>().join(" | "),
                example: example(Some(g), Some(*first)),
            },
        };
        out.push((g.start, error));
    }
    for &s in &system {
        if !gold.iter().any(|g| g.overlaps(s)) {
            let error = StrictError {
                kind: StrictErrorKind::Spurious,
                shape: shape(s.slice(text)),
                example: example(None, Some(s)),
            };
            out.push((s.start, error));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, e)| e).collect()
}

/// Strict errors counted by class (kind and shape), most frequent first, each with its
/// first example.
pub fn error_classes(errors: &[StrictError]) -> Vec<(usize, StrictErrorKind, &str, &str)> {
    let mut counts: BTreeMap<(StrictErrorKind, &str), (usize, &str)> = BTreeMap::new();
    for e in errors {
        let entry = counts.entry((e.kind, e.shape.as_str())).or_insert((0, e.example.as_str()));
        entry.0 += 1;
    }
    let mut classes: Vec<_> =
        counts.into_iter().map(|((kind, shape), (n, example))| (n, kind, shape, example)).collect();
    classes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    classes
}

/// The words by which the system extent `s` differs from the gold extent `g` at each
/// end: `+` what the system has more, `-` what it lacks.
fn boundary_shape(text: &str, g: Span, s: Span) -> String {
    let mut parts = Vec::new();
    let mut side = |name: &str, a: usize, b: usize, system_more: bool| {
        let (from, to) = (a.min(b), a.max(b));
        if from < to {
            let sign = if system_more { '+' } else { '-' };
            parts.push(format!("{sign}{name}: {}", shape(text.get(from..to).unwrap_or(""))));
        }
    };
    side("start", g.start, s.start, s.start < g.start);
    side("end", g.end, s.end, s.end > g.end);
    parts.join(" ")
}

/// A span's words with digit runs, month and weekday names generalized: "Friday,
/// Oct. 23" is `WEEKDAY , MONTH N`, "1960s" is `Ns`.
fn shape(s: &str) -> String {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    const WEEKDAYS: &[&str] =
        &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let generalize = |word: &str| {
        let lower = word.to_lowercase();
        if WEEKDAYS.contains(&lower.as_str()) {
            return "WEEKDAY".to_string();
        }
        if MONTHS.contains(&lower.as_str()) {
            return "MONTH".to_string();
        }
        let mut out = String::new();
        for c in lower.chars() {
            if !c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('N') {
                out.push('N');
            }
        }
        out
    };
    let mut words = Vec::new();
    let mut word = String::new();
    for c in s.trim().chars() {
        if c.is_alphanumeric() || c == '\'' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            words.push(generalize(&word));
            word.clear();
        }
        if !c.is_whitespace() && c != '.' {
            words.push(c.to_string());
        }
    }
    if !word.is_empty() {
        words.push(generalize(&word));
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::parse_timeml;
    use crate::temporal::{TimexType, TimexValue};

    fn at(text: &str, needle: &str) -> Timex {
        let start = text.find(needle).expect("the needle is in the text");
        let value: TimexValue = "1998-10-23".parse().expect("a TIMEX3 value");
        Timex::new(Span::new(start, start + needle.len()), TimexType::Date, value)
    }

    #[test]
    fn classes_of_boundary_errors() {
        let xml = r#"<TimeML><TEXT>On <TIMEX3 tid="t1" type="DATE" value="1998-10-23">Friday</TIMEX3>, <TIMEX3 tid="t2" type="DATE" value="1998-10-23">Oct. 23</TIMEX3> in <TIMEX3 tid="t3" type="DATE" value="196">1960s</TIMEX3>, <TIMEX3 tid="t4" type="DATE" value="1998-10-22TNI">Thursday night</TIMEX3> and <TIMEX3 tid="t5" type="DURATION" value="PXD">recent days</TIMEX3>; now.</TEXT></TimeML>"#;
        let doc = parse_timeml("d", xml).expect("well-formed");
        let t = doc.text.as_str();
        let predicted =
            [at(t, "Friday, Oct. 23"), at(t, "Thursday"), at(t, "recent"), at(t, "now")];
        let got: Vec<(StrictErrorKind, String)> =
            strict_errors(&doc, &predicted).into_iter().map(|e| (e.kind, e.shape)).collect();
        assert_eq!(
            got,
            [
                (StrictErrorKind::Joined, "+end: , MONTH N".to_string()),
                (StrictErrorKind::Joined, "+start: WEEKDAY ,".to_string()),
                (StrictErrorKind::Missed, "Ns".to_string()),
                (StrictErrorKind::SystemShorter, "-end: night".to_string()),
                (StrictErrorKind::SystemShorter, "-end: days".to_string()),
                (StrictErrorKind::Spurious, "now".to_string()),
            ]
        );
        let errors = strict_errors(&doc, &predicted);
        let classes = error_classes(&errors);
        assert_eq!(classes.len(), 6);
        assert!(classes.iter().all(|c| c.0 == 1));
    }

    #[test]
    fn shapes_generalize_numbers_months_and_weekdays() {
        assert_eq!(shape("Friday, Oct. 23"), "WEEKDAY , MONTH N");
        assert_eq!(shape("9 a.m. EST"), "N a m est");
        assert_eq!(shape("the 1960s"), "the Ns");
        assert_eq!(shape("the Mayor"), "the mayor");
    }
}
