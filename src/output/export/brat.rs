//! brat standoff: per article a `.txt` (the record's text, unchanged) and a `.ann`, and
//! one `annotation.conf` for the folder.
//!
//! In the `.ann`: every entity mention is a `T` line typed by its label (`PERSON`, ...),
//! every timex a `T` line typed `DATE`/`TIME`/`DURATION`/`SET` with an `AnnotatorNotes`
//! line holding its TIMEX3 value (and `mod`), every event a `T` line for its trigger,
//! typed `EV_<TYPE>` (event and entity types share brat's namespace, and TREATY is
//! both), plus an `E` line whose arguments are `Agent`, `Patient` or `Participant`
//! (numbered when repeated: `Agent2`), `Place` and `Time`, each pointing at the
//! mention's `T` (made when no entity or timex has that span). Offsets are code points,
//! as brat counts them; a span that crosses a line break is written as fragments
//! (`0 5;6 10`), since brat forbids a newline inside a fragment. Infobox checks and
//! entity ids are not part of the standoff model: reported once.

use std::{collections::HashMap, fmt::Write as _};

use super::{ByteIndex, CharRange, ExportReport, Located, RecordLine};
use crate::{events::EventType, gazetteer::Label};

/// The timex types, as brat entity types.
pub const TIMEX_TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];

/// The brat type of an event type.
pub fn event_type_name(kind: &str) -> String {
    format!("EV_{kind}")
}

/// The `annotation.conf` that declares every type and argument the `.ann` files use.
pub fn annotation_conf() -> String {
    let mut conf = String::from("[entities]\n");
    for label in Label::ALL {
        let _ = writeln!(conf, "{label}");
    }
    for t in TIMEX_TYPES {
        let _ = writeln!(conf, "{t}");
    }
    // Entities and timexes overlap ("War of 1865" holds "1865"): allow any overlap.
    conf.push_str("\n[relations]\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n");
    conf.push_str("\n[events]\n");
    let times = TIMEX_TYPES.join("|");
    for kind in EventType::ALL {
        let _ = writeln!(
            conf,
            "{}\tAgent*:<ENTITY>, Patient*:<ENTITY>, Participant*:<ENTITY>, Place?:<ENTITY>, Time?:{times}",
            event_type_name(kind.as_str())
        );
    }
    conf.push_str("\n[attributes]\n");
    conf
}

/// The `.ann` of one article record. The `.txt` is the record's text, unchanged.
pub fn ann(rec: &RecordLine<'_>, report: &mut ExportReport) -> String {
    let text = rec.text();
    let bytes = ByteIndex::new(text);
    let mut ann =
        Ann { text, bytes: &bytes, out: String::new(), next_t: 1, by_span: HashMap::new() };
    if rec.infobox.as_ref().is_some_and(|i| !i.checks.is_empty()) || !rec.entities.is_empty() {
        report.cannot_hold("entity ids and infobox checks (brat standoff has no field for them)");
    }
    report.articles += 1;
    for e in &rec.entities {
        ann.text_bound(e.at(), &e.label, report);
    }
    let mut notes = 1;
    for t in &rec.timexes {
        let Some(id) = ann.text_bound(t.at(), &t.kind, report) else { continue };
        let modifier = t.modifier.as_deref().map(|m| format!(" mod={m}")).unwrap_or_default();
        let _ = writeln!(ann.out, "#{notes}\tAnnotatorNotes {id}\tvalue={}{modifier}", t.value);
        notes += 1;
    }
    for (n, e) in rec.events.iter().enumerate() {
        let Some(trigger) = ann.text_bound(e.at(), &event_type_name(&e.kind), report) else {
            continue;
        };
        let mut args = String::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut arg = |role: &'static str, id: String| {
            let count = seen.entry(role).or_default();
            *count += 1;
            let suffix = if *count > 1 { count.to_string() } else { String::new() };
            let _ = write!(args, " {role}{suffix}:{id}");
        };
        for p in &e.participants {
            let role = match p.role.as_deref() {
                Some("agent") => "Agent",
                Some("patient") => "Patient",
                _ => "Participant",
            };
            if let Some(id) = ann.reuse_or_add(p.at(), &p.label, report) {
                arg(role, id);
            }
        }
        if let Some(p) = &e.place {
            if let Some(id) = ann.reuse_or_add(p.at(), &p.label, report) {
                arg("Place", id);
            }
        }
        if let Some(d) = &e.date_source {
            if let Some(id) = ann.reuse_or_add(d.at(), "DATE", report) {
                arg("Time", id);
            }
        }
        let _ = writeln!(ann.out, "E{}\t{}:{trigger}{args}", n + 1, event_type_name(&e.kind));
    }
    ann.out
}

struct Ann<'t> {
    text: &'t str,
    bytes: &'t ByteIndex,
    out: String,
    next_t: usize,
    /// The first `T` written for each code-point range.
    by_span: HashMap<CharRange, String>,
}

impl Ann<'_> {
    /// The `T` of this span if one exists (any type), else a new one of type `kind`.
    fn reuse_or_add(
        &mut self,
        at: CharRange,
        kind: &str,
        report: &mut ExportReport,
    ) -> Option<String> {
        match self.by_span.get(&at) {
            Some(id) => Some(id.clone()),
            None => self.text_bound(at, if kind.is_empty() { "UNKNOWN" } else { kind }, report),
        }
    }

    /// Write a `T` line; `None` (counted) when the span covers no visible text.
    fn text_bound(
        &mut self,
        at: CharRange,
        kind: &str,
        report: &mut ExportReport,
    ) -> Option<String> {
        let span = self.bytes.span(at);
        let covered = span.slice(self.text);
        if covered.trim().is_empty() {
            report.empty_spans += 1;
            return None;
        }
        // Fragments: the span cut at line breaks, blank pieces left out.
        let mut fragments = String::new();
        let mut shown = String::new();
        let mut cp = at.start;
        for piece in covered.split('\n') {
            let len = piece.chars().count();
            if !piece.trim().is_empty() {
                if !fragments.is_empty() {
                    fragments.push(';');
                    shown.push(' ');
                }
                let _ = write!(fragments, "{} {}", cp, cp + len);
                shown.push_str(&piece.replace(['\t', '\r'], " "));
            }
            cp += len + 1;
        }
        let id = format!("T{}", self.next_t);
        self.next_t += 1;
        let _ = writeln!(self.out, "{id}\t{kind} {fragments}\t{shown}");
        self.by_span.entry(at).or_insert_with(|| id.clone());
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_timexes_and_events() {
        let json = r#"{"id":"A","text":"Pezet fled Lima\non 6 May 1865.",
          "entities":[{"start":0,"end":5,"label":"PERSON"},{"start":11,"end":15,"label":"PLACE"}],
          "timexes":[{"start":19,"end":29,"type":"DATE","value":"1865-05-06"}],
          "events":[{"start":6,"end":10,"type":"REFUGE","participants":[{"start":0,"end":5,"label":"PERSON","role":"agent"}],
                     "place":{"start":11,"end":15,"label":"PLACE"},"date_source":{"start":19,"end":29}},
                    {"start":11,"end":18,"type":"ENTRY","participants":[]}]}"#;
        let rec: RecordLine = serde_json::from_str(json).unwrap();
        let out = ann(&rec, &mut ExportReport::default());
        assert_eq!(
            out,
            "T1\tPERSON 0 5\tPezet\nT2\tPLACE 11 15\tLima\nT3\tDATE 19 29\t6 May 1865\n\
             #1\tAnnotatorNotes T3\tvalue=1865-05-06\nT4\tEV_REFUGE 6 10\tfled\n\
             E1\tEV_REFUGE:T4 Agent:T1 Place:T2 Time:T3\nT5\tEV_ENTRY 11 15;16 18\tLima on\n\
             E2\tEV_ENTRY:T5\n"
        );
    }
}
