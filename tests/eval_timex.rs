//! The TimeML reader and TempEval-3 scorer on a hand-made document with known figures,
//! and (when ../shared/data is present) a smoke run on WikiWars.

use wikianno::eval::{parse_timeml, score_document};
use wikianno::temporal::{Reference, TemporalTagger, Timex, TimexType};
use wikianno::Span;

const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-04">1998-03-04</TIMEX3></DCT>
<TEXT>Header <TIMEX3 tid="t0" type="DATE" value="1998-03-04">1998-03-04</TIMEX3>.
Rain fell on <TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>; <TIMEX3 tid="t3" type="DATE" value="1998-03">early March</TIMEX3> was wet. Café owners met <TIMEX3 tid="t4" type="SET" value="P1W">weekly</TIMEX3>.</TEXT>
</TimeML>"#;

fn at(text: &str, needle: &str, kind: TimexType, value: &str) -> Timex {
    let start = text.find(needle).unwrap();
    Timex::new(Span::new(start, start + needle.len()), kind, value.parse().expect("a TIMEX3 value"))
}

#[test]
fn reader_strips_tags_and_skips_t0() {
    let doc = parse_timeml("hand", DOC).unwrap();
    assert_eq!(doc.dct.as_deref(), Some("1998-03-04"));
    assert!(doc.text.starts_with("Header 1998-03-04.\nRain fell on Monday & for three days;"));
    let spans: Vec<&str> = doc.timexes.iter().map(|g| g.span.slice(&doc.text)).collect();
    assert_eq!(spans, ["Monday", "three days", "early March", "weekly"]);
    assert_eq!(doc.ignored.len(), 1);
}

#[test]
fn scores_match_a_hand_count() {
    let doc = parse_timeml("hand", DOC).unwrap();
    let t = &doc.text;
    let predicted = vec![
        at(t, "1998-03-04", TimexType::Date, "1998-03-04"), // on the ignored t0: not counted
        at(t, "Monday", TimexType::Date, "1998-03-02"),     // strict, value right
        at(t, "days", TimexType::Duration, "P3D"),          // relaxed only, value right
        at(t, "March", TimexType::Date, "1998-04"),         // relaxed only, value wrong
        at(t, "owners", TimexType::Date, "PRESENT_REF"),    // spurious
    ];
    let s = score_document(&doc, &predicted);
    assert_eq!((s.spans.gold, s.spans.system), (4, 4));
    assert_eq!(
        (s.spans.strict_gold, s.spans.strict_system, s.spans.relaxed_gold, s.spans.relaxed_system),
        (1, 1, 3, 3)
    );
    let strict = s.spans.strict();
    assert!(
        (strict.precision - 0.25).abs() < 1e-9
            && (strict.recall - 0.25).abs() < 1e-9
            && (strict.f1 - 0.25).abs() < 1e-9
    );
    let relaxed = s.spans.relaxed();
    assert!((relaxed.f1 - 0.75).abs() < 1e-9);
    assert!((s.value_accuracy() - 2.0 / 3.0).abs() < 1e-9);
    assert!((s.type_accuracy() - 1.0).abs() < 1e-9);
    assert!((s.value_f1() - 0.5).abs() < 1e-9);
    assert_eq!(s.errors.iter().filter(|e| e.contains("MISSED")).count(), 1);
}

#[test]
fn ranges_are_scored_as_their_two_ends() {
    let xml = "<TimeML><TEXT>From <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1910-04-03\">3 April</TIMEX3> to <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1910-06-09\">9 June 1910</TIMEX3>.</TEXT></TimeML>";
    let doc = parse_timeml("range", xml).unwrap();
    let predicted = TemporalTagger::new().tag_text(&doc.text, Reference::Narrative);
    let s = score_document(&doc, &predicted);
    assert_eq!((s.spans.strict_gold, s.value_correct), (2, 2));
}

#[test]
fn malformed_xml_is_an_error_not_a_panic() {
    assert!(parse_timeml("bad", "<TimeML><TEXT>a <TIMEX3 tid=\"t1\">b</TEXT>").is_err());
}

/// Reads ../shared/data/wikiwars-timex3 when present; skipped otherwise.
#[test]
fn wikiwars_dev_file_scores_sensibly() {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/wikiwars-timex3/03_AmCivWar.tml");
    let Ok(xml) = std::fs::read_to_string(path) else {
        eprintln!("../shared/data/wikiwars-timex3 absent; skipped");
        return;
    };
    let doc = parse_timeml("03_AmCivWar", &xml).unwrap();
    let predicted = TemporalTagger::new().tag_text(&doc.text, Reference::Narrative);
    let s = score_document(&doc, &predicted);
    assert!(s.spans.relaxed().f1 > 0.8, "relaxed F1 {}", s.spans.relaxed().f1);
}

/// Tagger output written as TimeML and read back scores exactly as the tagger does.
fn round_trip_scores(doc: &wikianno::eval::TimemlDocument, reference: Reference) {
    use wikianno::output::timeml::write_timeml;
    let predicted = TemporalTagger::new().tag_text(&doc.text, reference);
    let mut xml = Vec::new();
    write_timeml(&mut xml, &doc.name, &doc.text, &predicted).expect("writing to a Vec");
    let xml = String::from_utf8(xml).expect("UTF-8");
    let back = parse_timeml(&doc.name, &xml).expect("the writer's TimeML parses");
    assert_eq!(back.text, doc.text, "{}", doc.name);
    let read: Vec<Timex> = back
        .timexes
        .iter()
        .map(|g| {
            Timex::new(
                g.span,
                g.kind.parse().expect("a TIMEX3 type"),
                g.value.parse().expect("a value the tagger wrote"),
            )
        })
        .collect();
    let (a, b) = (score_document(doc, &predicted), score_document(doc, &read));
    let counts = |s: &wikianno::eval::Scores| {
        (
            s.spans.gold,
            s.spans.system,
            s.spans.strict_gold,
            s.spans.strict_system,
            s.spans.relaxed_gold,
            s.value_correct,
        )
    };
    assert_eq!(counts(&a), counts(&b), "{}", doc.name);
}

#[test]
fn timeml_output_round_trips_with_the_same_scores() {
    let doc = parse_timeml("doc", DOC).unwrap();
    round_trip_scores(&doc, Reference::document_date("1998-03-04").unwrap());
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/wikiwars-timex3");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping the WikiWars round trip: {dir} is absent");
        return;
    };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    for f in files.iter().take(11) {
        let xml = std::fs::read_to_string(f).unwrap();
        let doc = parse_timeml(&f.display().to_string(), &xml).unwrap();
        round_trip_scores(&doc, Reference::Narrative);
    }
}
