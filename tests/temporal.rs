//! Temporal tagger: table tests per expression family (sentences written for these
//! tests, not taken from the corpus), the seed article's acceptance rows, and properties.

use proptest::prelude::*;
use wikianno::temporal::{Reference, TemporalTagger, Timex};
use wikianno::{Pipeline, RawArticle};

/// `(text, expected [(span text, type, value)])`, tagged in narrative mode.
type Row = (&'static str, &'static [(&'static str, &'static str, &'static str)]);

fn check(rows: &[Row], reference: Reference) {
    check_with(&TemporalTagger::new(), rows, reference);
}

fn check_with(tagger: &TemporalTagger, rows: &[Row], reference: Reference) {
    for (text, expected) in rows {
        let found = tagger.tag_text(text, reference);
        let got: Vec<(&str, &str, String)> = found
            .iter()
            .map(|t| (t.span.slice(text), t.kind.as_str(), t.value.to_string()))
            .collect();
        let expected: Vec<(&str, &str, String)> =
            expected.iter().map(|(s, k, v)| (*s, *k, v.to_string())).collect();
        assert_eq!(got, expected, "in {text:?}");
    }
}

#[test]
fn full_dates() {
    check(
        &[
            (
                "The bridge opened on 3 June 1902 after long delays.",
                &[("3 June 1902", "DATE", "1902-06-03")],
            ),
            (
                "Founded on September 12, 1788, the club still exists.",
                &[("September 12, 1788", "DATE", "1788-09-12")],
            ),
            ("The log entry is dated 1911-07-04.", &[("1911-07-04", "DATE", "1911-07-04")]),
            (
                "Signed on the 5th of May 1821 in Vienna.",
                &[("the 5th of May 1821", "DATE", "1821-05-05")],
            ),
            ("It rained on Sept. 9, 1955 all day.", &[("Sept. 9, 1955", "DATE", "1955-09-09")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn partial_dates() {
    check(
        &[
            (
                "The mill burned in 1907. It reopened on 11 March.",
                &[("1907", "DATE", "1907"), ("11 March", "DATE", "1907-03-11")],
            ),
            (
                "Work stopped in January 1741 for lack of funds.",
                &[("January 1741", "DATE", "1741-01")],
            ),
            ("The ferry line closed in 1954.", &[("1954", "DATE", "1954")]),
            // TimeML leaves the determiner of a year or decade out.
            ("Railways spread quickly in the 1840s.", &[("1840s", "DATE", "184")]),
            ("Canals mattered in the 18th century.", &[("the 18th century", "DATE", "17")]),
            ("Guilds faded during the twelfth century.", &[("the twelfth century", "DATE", "11")]),
            ("The temple was built in 332 BC.", &[("332 BC", "DATE", "BC0332")]),
            ("The wall dates from ca. 120 BC.", &[("ca. 120 BC", "DATE", "BC0120")]),
            (
                "Prices rose in 1881, and in June they fell.",
                &[("1881", "DATE", "1881"), ("June", "DATE", "1881-06")],
            ),
            ("Employment fell to 1500 men in 1920.", &[("1920", "DATE", "1920")]),
            (
                "Trade recovered in the second half of 1921.",
                &[("the second half of 1921", "DATE", "1921-H2")],
            ),
            ("Colonies were founded in the 620s BC.", &[("620s BC", "DATE", "BC062")]),
            (
                "The shelling stopped at Christmas 1916.",
                &[("Christmas 1916", "DATE", "1916-12-25")],
            ),
            (
                "The bridge was begun in 1899. On New Year's Eve the arch closed.",
                &[("1899", "DATE", "1899"), ("New Year's Eve", "DATE", "1899-12-31")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn ranges() {
    check(
        &[
            (
                "The fair ran 3 April–9 June 1910.",
                &[("3 April–9 June 1910", "DATE", "1910-04-03/1910-06-09")],
            ),
            (
                "The fair ran 3 April-9 June 1910.",
                &[("3 April-9 June 1910", "DATE", "1910-04-03/1910-06-09")],
            ),
            (
                "The fair ran 3 April to 9 June 1910.",
                &[("3 April to 9 June 1910", "DATE", "1910-04-03/1910-06-09")],
            ),
            (
                "Talks lasted from 12 to 15 October 1903.",
                &[("from 12 to 15 October 1903", "DATE", "1903-10-12/1903-10-15")],
            ),
            ("The 1902–05 drought hurt farmers.", &[("1902–05", "DATE", "1902/1905")]),
            (
                "He taught there between 1879 and 1883.",
                &[("between 1879 and 1883", "DATE", "1879/1883")],
            ),
            (
                "The festival took place May 2–4, 1977.",
                &[("May 2–4, 1977", "DATE", "1977-05-02/1977-05-04")],
            ),
            (
                "The port was icebound from November to March 1871.",
                &[("from November to March 1871", "DATE", "1870-11/1871-03")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn range_parts_follow_timeml() {
    let text = "The fair ran 3 April–9 June 1910.";
    let found = TemporalTagger::new().tag_text(text, Reference::Narrative);
    let parts: Vec<(&str, String)> =
        found[0].parts.iter().map(|t| (t.span.slice(text), t.value.to_string())).collect();
    assert_eq!(
        parts,
        [("3 April", "1910-04-03".to_string()), ("9 June 1910", "1910-06-09".to_string())]
    );
}

#[test]
fn parts_and_modifiers() {
    let rows: &[(&str, &str, &str, &str, Option<&str>)] = &[
        ("Snow fell in early May 1902.", "early May 1902", "DATE", "1902-05", Some("START")),
        (
            "The mine reopened in 1923 and closed at the end of September.",
            "the end of September",
            "DATE",
            "1923-09",
            Some("END"),
        ),
        ("Output peaked in mid-1931.", "mid-1931", "DATE", "1931", Some("MID")),
        (
            "They met on the afternoon of 4 March 1890.",
            "the afternoon of 4 March 1890",
            "TIME",
            "1890-03-04TAF",
            None,
        ),
        (
            "In 1911 the storm hit in the early hours of 2 July.",
            "the early hours of 2 July",
            "TIME",
            "1911-07-02TMO",
            None,
        ),
        ("Trade slowed in the late 1870s.", "late 1870s", "DATE", "187", Some("END")),
        ("On 5 May 1899 the train left at 9 am sharp.", "9 am", "TIME", "1899-05-05T09:00", None),
        (
            "In 1850 it was warm; at the beginning of the year it froze.",
            "the beginning of the year",
            "DATE",
            "1850",
            Some("START"),
        ),
        // The possessive form of the same phase.
        (
            "The siege began on 3 May 1871; at month's end the town fell.",
            "month's end",
            "DATE",
            "1871-05",
            Some("END"),
        ),
        ("In 1902 the line was due by year's end.", "year's end", "DATE", "1902", Some("END")),
    ];
    let tagger = TemporalTagger::new();
    for (text, span, kind, value, modifier) in rows {
        let found = tagger.tag_text(text, Reference::Narrative);
        let t = found
            .iter()
            .find(|t| t.span.slice(text) == *span)
            .unwrap_or_else(|| panic!("{span:?} not found in {text:?}: {found:?}"));
        assert_eq!(
            (t.kind.as_str(), t.value.to_string().as_str(), t.modifier.map(|m| m.as_str())),
            (*kind, *value, *modifier),
            "in {text:?}"
        );
    }
}

#[test]
fn relative_and_anaphoric() {
    check(
        &[
            (
                "The dam broke on 2 March 1911. Two days later the town flooded.",
                &[("2 March 1911", "DATE", "1911-03-02"), ("Two days later", "DATE", "1911-03-04")],
            ),
            (
                "The dam broke on 31 March 1911. The next day it rained.",
                &[("31 March 1911", "DATE", "1911-03-31"), ("The next day", "DATE", "1911-04-01")],
            ),
            (
                "A fire started on 9 May 1880. The following night it spread.",
                &[
                    ("9 May 1880", "DATE", "1880-05-09"),
                    ("The following night", "TIME", "1880-05-09TNI"),
                ],
            ),
            (
                "The vote was on 4 June 1888. That same day the mayor resigned.",
                &[("4 June 1888", "DATE", "1888-06-04"), ("That same day", "DATE", "1888-06-04")],
            ),
            (
                "Rail came in 1872. That same year the bank failed.",
                &[("1872", "DATE", "1872"), ("That same year", "DATE", "1872")],
            ),
            (
                "The strike began on 2 April 1866. The following week it ended.",
                &[
                    ("2 April 1866", "DATE", "1866-04-02"),
                    ("The following week", "DATE", "1866-W15"),
                ],
            ),
            (
                "The treaty was signed in June 1901; a month earlier talks had failed.",
                &[("June 1901", "DATE", "1901-06"), ("a month earlier", "DATE", "1901-05")],
            ),
            (
                "The school opened in 1890. Three years later it closed.",
                &[("1890", "DATE", "1890"), ("Three years later", "DATE", "1893")],
            ),
            (
                "The mill opened on 1 January 1900; the day before, it snowed.",
                &[
                    ("1 January 1900", "DATE", "1900-01-01"),
                    ("the day before", "DATE", "1899-12-31"),
                ],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn narrative_year_choice() {
    check(
        &[
            // A year mentioned in passing, inside a sentence, does not move the narrative
            // when the story then returns to its own year.
            (
                "The siege began on 4 May 1862. Engineers drew up a plan for a canal in 1870. The walls fell on 9 May. In 1862 the garrison left.",
                &[("4 May 1862", "DATE", "1862-05-04"), ("1870", "DATE", "1870"), ("9 May", "DATE", "1862-05-09"), ("1862", "DATE", "1862")],
            ),
            // At the head of a sentence the same year does move it.
            (
                "The siege began on 4 May 1862. In 1870 a canal was dug. On 9 May it opened. In 1862 the garrison left.",
                &[("4 May 1862", "DATE", "1862-05-04"), ("1870", "DATE", "1870"), ("9 May", "DATE", "1870-05-09"), ("1862", "DATE", "1862")],
            ),
            // So does one the following dates keep to.
            (
                "The siege began on 4 May 1862. The town held out into 1863. On 9 May it fell. By 1863 it was rebuilt.",
                &[("4 May 1862", "DATE", "1862-05-04"), ("1863", "DATE", "1863"), ("9 May", "DATE", "1863-05-09"), ("1863", "DATE", "1863")],
            ),
            // Across a paragraph break only a year a decade or more away is an aside.
            (
                "The raid came on 2 June 1917.\nA memoir published in 1958 tells of it. The guns fell silent on 9 June. By 1917 the town was empty.",
                &[("2 June 1917", "DATE", "1917-06-02"), ("1958", "DATE", "1958"), ("9 June", "DATE", "1917-06-09"), ("1917", "DATE", "1917")],
            ),
            // A look back ("two years earlier", "the previous year") does not move it either.
            (
                "The dam broke on 2 March 1911. Its builder had died two years earlier. On 9 March the water fell.",
                &[("2 March 1911", "DATE", "1911-03-02"), ("two years earlier", "DATE", "1909"), ("9 March", "DATE", "1911-03-09")],
            ),
            // The winter after an autumn date is named after its January, and is looked
            // forward to rather than moved to.
            (
                "The army reached the pass in October 1855 and spent the winter there. On 3 November it marched.",
                &[("October 1855", "DATE", "1855-10"), ("the winter", "DATE", "1856-WI"), ("3 November", "DATE", "1855-11-03")],
            ),
            // After an autumn too; the spring after that winter is in its year.
            (
                "The army camped there in the autumn of 1855 and spent the winter in huts. In spring it marched.",
                &[("the autumn of 1855", "DATE", "1855-FA"), ("the winter", "DATE", "1856-WI"), ("spring", "DATE", "1856-SP")],
            ),
            // A shift by decades is a decade, as one by years is a year.
            (
                "The dam was finished in 1965. Two decades earlier the valley was farmland.",
                &[("1965", "DATE", "1965"), ("Two decades earlier", "DATE", "194")],
            ),
            // A January after a December date is the next year's (the story moved over
            // New Year); a month further back may be a look back, and keeps the year.
            (
                "The fleet sailed on 20 December 1805. In January the crews rested.",
                &[("20 December 1805", "DATE", "1805-12-20"), ("January", "DATE", "1806-01")],
            ),
            (
                "The treaty was signed in November 1805. In January the talks had begun.",
                &[("November 1805", "DATE", "1805-11"), ("January", "DATE", "1805-01")],
            ),
            // "May and June 1860": the first takes the year the second states.
            (
                "The port opened in 1858. Ships were idle in May and June 1860.",
                &[("1858", "DATE", "1858"), ("May", "DATE", "1860-05"), ("June 1860", "DATE", "1860-06")],
            ),
            // A later date of the same clause settles which of two neighbouring years a
            // month or season without one is in, even against the narrative's year.
            (
                "The town fell on 3 May 1943. The summer offensive that had taken the army there began in June 1942. By mid-November it had stalled.",
                &[("3 May 1943", "DATE", "1943-05-03"), ("The summer", "DATE", "1942-SU"), ("June 1942", "DATE", "1942-06"), ("mid-November", "DATE", "1942-11")],
            ),
            (
                "The dam was closed on 8 October 1870. In April the engineers who had built it left for Egypt in 1871.",
                &[("8 October 1870", "DATE", "1870-10-08"), ("April", "DATE", "1871-04"), ("1871", "DATE", "1871")],
            ),
            // The first date of a text takes it too.
            (
                "In March the rebels took the city and held it until June 1848.",
                &[("March", "DATE", "1848-03"), ("June 1848", "DATE", "1848-06")],
            ),
            // Not after a comma (often a look back or ahead), nor a year further away
            // (a look back: "first settled in 1820").
            (
                "The report came out on 6 December 2006. On 18 December, attacks were the highest since the count began in 2005.",
                &[("6 December 2006", "DATE", "2006-12-06"), ("18 December", "DATE", "2006-12-18"), ("2005", "DATE", "2005")],
            ),
            (
                "The bridge opened on 2 May 1890. In June the town that was first settled in 1820 held a fair.",
                &[("2 May 1890", "DATE", "1890-05-02"), ("June", "DATE", "1890-06"), ("1820", "DATE", "1820")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn durations() {
    check(
        &[
            ("The meeting lasted six hours.", &[("six hours", "DURATION", "PT6H")]),
            // TimeML leaves the approximator out of the extent (it stays in `mod`).
            ("The meeting lasted about two hours.", &[("two hours", "DURATION", "PT2H")]),
            ("He served three years in the navy.", &[("three years", "DURATION", "P3Y")]),
            ("A 48-hour truce held.", &[("48-hour", "DURATION", "PT48H")]),
            ("It took twenty-five days to cross.", &[("twenty-five days", "DURATION", "P25D")]),
            ("It took several weeks to cross.", &[("several weeks", "DURATION", "PXW")]),
            // A half joins the count; "more" is part of the length.
            ("The flight took 5 1/2 hours.", &[("5 1/2 hours", "DURATION", "PT5.5H")]),
            ("She stayed two and a half years.", &[("two and a half years", "DURATION", "P2.5Y")]),
            ("The strike went on two more weeks.", &[("two more weeks", "DURATION", "P2W")]),
            ("It needs a few more days.", &[("a few more days", "DURATION", "PXD")]),
            // "more" before a noun that is not a unit is no length.
            ("They sent 4,500 more soldiers.", &[]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn sets_and_seasons() {
    check(
        &[
            ("The fair is held every year in the square.", &[("every year", "SET", "P1Y")]),
            ("The guild met annually.", &[("annually", "SET", "P1Y")]),
            ("Rations were issued daily.", &[("daily", "SET", "P1D")]),
            // A rate after a count of events or things: TimeML marks only "a week".
            ("The ferry crossed three times a week.", &[("a week", "SET", "P1W")]),
            ("Raids averaged 30 a day.", &[("a day", "SET", "P1D")]),
            ("The state spent $2 billion a year on roads.", &[("a year", "SET", "P1Y")]),
            // Not a rate: a year before "a year", "a day" before "-long" or "later".
            (
                "In 1944 a year of famine began.",
                &[("1944", "DATE", "1944"), ("a year", "DURATION", "P1Y")],
            ),
            // A length adjective, not "2 a day": its extent leaves the article out.
            ("The pilots were given 2 a day-long rests.", &[("day-long", "DURATION", "P1D")]),
            ("The offensive stalled in summer 1916.", &[("summer 1916", "DATE", "1916-SU")]),
            (
                "The canal froze in the winter of 1709.",
                &[("the winter of 1709", "DATE", "1709-WI")],
            ),
            (
                "Crops failed in 1846. By the spring people starved.",
                &[("1846", "DATE", "1846"), ("the spring", "DATE", "1846-SP")],
            ),
            ("The autumn of 1789 was tense.", &[("The autumn of 1789", "DATE", "1789-FA")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn news_mode_uses_the_document_date() {
    let dct = Reference::document_date("1998-03-04").unwrap();
    check(
        &[
            ("Shares fell yesterday.", &[("yesterday", "DATE", "1998-03-03")]),
            ("Profits rose last year.", &[("last year", "DATE", "1997")]),
            ("The firm was sold in June.", &[("June", "DATE", "1998-06")]),
            ("The plant closed two years ago.", &[("two years ago", "DATE", "1996")]),
            // News looks back: last Sunday, yet tomorrow's Thursday; October is last year's.
            ("Talks ended on Sunday.", &[("Sunday", "DATE", "1998-03-01")]),
            ("The vote is on Thursday.", &[("Thursday", "DATE", "1998-03-05")]),
            ("The deal was signed in October.", &[("October", "DATE", "1997-10")]),
        ],
        dct,
    );
}

#[test]
fn words_that_are_not_dates() {
    check(
        &[
            ("You may go now if you wish", &[("now", "DATE", "PRESENT_REF")]),
            ("August Bebel spoke to 10,000 workers.", &[]),
            ("A fall of rocks blocked the pass.", &[]),
            ("The Winter Palace was stormed.", &[]),
            ("The band played White Christmas at the dance.", &[]),
        ],
        Reference::Narrative,
    );
}

fn seed() -> Option<(String, Vec<Timex>)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/peruvian_civil_war_of_1865.txt");
    let text = std::fs::read_to_string(path).ok()?;
    let pipeline = Pipeline::builder().build().ok()?;
    let raw = RawArticle::wiki_style("seed", text).with_origin(path);
    let annotated = pipeline.annotate(raw);
    Some((annotated.article.text.clone(), annotated.timexes))
}

#[test]
fn seed_article_acceptance() {
    let Some((text, timexes)) = seed() else {
        eprintln!("seed article missing; skipped");
        return;
    };
    let all: Vec<&Timex> =
        timexes.iter().flat_map(|t| std::iter::once(t).chain(t.parts.iter())).collect();
    let find = |span: &str, nth: usize| -> &Timex {
        all.iter()
            .filter(|t| t.span.slice(&text) == span)
            .nth(nth)
            .copied()
            .unwrap_or_else(|| panic!("no timex {span:?}"))
    };
    let rows: &[(&str, usize, &str, &str, Option<&str>)] = &[
        ("14 April 1864", 0, "DATE", "1864-04-14", None),
        ("27 January 1865", 0, "DATE", "1865-01-27", None),
        ("28 February–8 November 1865", 0, "DATE", "1865-02-28/1865-11-08", None),
        ("28 February", 1, "DATE", "1865-02-28", None), // the body one (the first is the infobox range's part)
        ("the end of September of that same year", 0, "DATE", "1865-09", Some("END")),
        ("the early hours of 6 November", 0, "TIME", "1865-11-06TMO", None),
        ("6 November", 0, "DATE", "1865-11-06", None),
        ("8 November", 0, "DATE", "1865-11-08", None),
        ("25 November 1865", 0, "DATE", "1865-11-25", None),
        ("14 January 1866", 0, "DATE", "1866-01-14", None),
        ("2 May 1866", 0, "DATE", "1866-05-02", None),
        ("19th century", 0, "DATE", "18", None),
        ("six hours", 0, "DURATION", "PT6H", None),
        ("That same day", 0, "DATE", "1865-11-06", None),
    ];
    for (span, nth, kind, value, modifier) in rows {
        let t = find(span, *nth);
        assert_eq!(
            (t.kind.as_str(), t.value.to_string().as_str(), t.modifier.map(|m| m.as_str())),
            (*kind, *value, *modifier),
            "{span}"
        );
    }
    // The infobox Date is the first reference: the body "28 February" is anchored.
    assert!(find("28 February", 1).anchor.is_some());
}

proptest! {
    #[test]
    fn never_panics_and_spans_slice(text in "\\PC{0,200}") {
        let found = TemporalTagger::new().tag_text(&text, Reference::Narrative);
        for t in &found {
            prop_assert!(text.get(t.span.start..t.span.end).is_some());
            let value = t.value.to_string();
            prop_assert!(!value.is_empty());
            // Every value the tagger emits reads back as itself.
            prop_assert_eq!(value.parse::<wikianno::temporal::TimexValue>().ok(), Some(t.value.clone()));
        }
    }

    #[test]
    fn date_like_strings_never_panic(text in "(on |the |early |[0-9]{1,4} |January |May |to |– |BC |days |later |that same |year )*") {
        let found = TemporalTagger::new().tag_text(&text, Reference::Narrative);
        for w in found.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start);
        }
    }
}

/// Precision on encyclopedic text (issue 15, point 3): one table per error class, on
/// sentences written for these tests. Each row: (text, expected timexes).
#[test]
fn quantities_and_identifiers_are_not_years() {
    check(
        &[
            ("At 1300 mi, the river is one of the longest.", &[]),
            ("The summit rises to 2413 ft above the valley.", &[]),
            ("The lake lies at an altitude of 1300 m in the hills.", &[]),
            ("A 1000 ft-wide crater formed.", &[]),
            ("The engine made 1001 hp at full speed.", &[]),
            ("The reserve covers approximately 2182 ha of forest.", &[]),
            ("The town has 710 bicycles per 1000 residents.", &[]),
            ("The 1202 alarm sounded during the descent.", &[]),
            ("Text was stored as Windows-1252 for years.", &[("years", "DURATION", "PXY")]),
            // Years next to such words still count.
            ("In 1902 the line reached the coast.", &[("1902", "DATE", "1902")]),
            ("The mid-1865 floods came early.", &[("mid-1865", "DATE", "1865")]),
            ("The 1902 Code of Civil Procedure applied.", &[("1902", "DATE", "1902")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn temporal_adjectives_before_nouns_are_not_time_references() {
    check(
        &[
            ("He visited the former East Germany.", &[]),
            ("Aristotle taught two future kings.", &[]),
            ("The current president was elected.", &[]),
            ("The most recent study disagrees.", &[]),
            ("Written records of present-day Berlin are late.", &[]),
            // As nouns they are.
            ("Roads will be built in the near future.", &[("future", "DATE", "FUTURE_REF")]),
            ("Prices rose in recent years.", &[("recent years", "DATE", "PAST_REF")]),
            ("The house remains to the present day.", &[("the present", "DATE", "PRESENT_REF")]),
            ("Fishing has declined recently.", &[("recently", "DATE", "PAST_REF")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn timex2_marks_temporal_adjectives() {
    use wikianno::temporal::Convention;
    let tagger = TemporalTagger::new().with_convention(Convention::Timex2);
    let text = "The former president met future kings.";
    let got: Vec<(String, String)> = tagger
        .tag_text(text, Reference::Narrative)
        .iter()
        .map(|t| (t.span.slice(text).to_string(), t.value.to_string()))
        .collect();
    assert_eq!(got, [("former".into(), "PAST_REF".into()), ("future".into(), "FUTURE_REF".into())]);
}

/// TimeML values are ISO 8601, which counts decades and centuries in years; TIMEX2 has
/// units of its own for them.
#[test]
fn lengths_in_decades_are_years_in_timeml() {
    use wikianno::temporal::Convention;
    let rows: &[Row] = &[
        ("Prices fell over the past decade.", &[("past decade", "DURATION", "P10Y")]),
        ("The war lasted three decades.", &[("three decades", "DURATION", "P30Y")]),
        ("The feud went on for decades.", &[("decades", "DURATION", "PXY")]),
        ("The abbey stood for two centuries.", &[("two centuries", "DURATION", "P200Y")]),
    ];
    check(rows, Reference::Narrative);
    let tagger = TemporalTagger::new().with_convention(Convention::Timex2);
    check_with(
        &tagger,
        &[
            ("The war lasted three decades.", &[("three decades", "DURATION", "P3DE")]),
            ("The abbey stood for two centuries.", &[("two centuries", "DURATION", "P2CE")]),
        ],
        Reference::Narrative,
    );
}

/// TIMEX2 (WikiWars) writes the recurrence of one calendar unit as the unit's calendar
/// pattern; a rate after a count, and a recurrence of several units, stay periods.
#[test]
fn timex2_writes_recurrences_as_calendar_patterns() {
    use wikianno::temporal::Convention;
    let tagger = TemporalTagger::new().with_convention(Convention::Timex2);
    check_with(
        &tagger,
        &[
            ("Trains ran daily.", &[("daily", "SET", "XXXX-XX-XX")]),
            ("The council met weekly.", &[("weekly", "SET", "XXXX-WXX")]),
            ("Elections were held annually.", &[("annually", "SET", "XXXX")]),
            ("The paper came out monthly.", &[("monthly", "SET", "XXXX-XX")]),
            ("Guards patrolled every night.", &[("every night", "SET", "XXXX-XX-XXTNI")]),
            ("The fair is held every year.", &[("every year", "SET", "XXXX")]),
            ("The fair is held every two years.", &[("every two years", "SET", "P2Y")]),
            ("The ferry crossed twice a week.", &[("a week", "SET", "P1W")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn seasons_only_as_nouns() {
    check(
        &[
            ("New shoots spring up after rain.", &[]),
            ("They spring from the rocks.", &[]),
            ("The village has a hot spring near the church.", &[]),
            ("The troops would winter in the valley.", &[]),
            (
                "The town was taken in 1862. In spring the army left.",
                &[("1862", "DATE", "1862"), ("spring", "DATE", "1862-SP")],
            ),
            (
                "The town was taken in 1862. The winter was hard.",
                &[("1862", "DATE", "1862"), ("The winter", "DATE", "1862-WI")],
            ),
            (
                "The dam broke in 1816. Spring came late.",
                &[("1816", "DATE", "1816"), ("Spring", "DATE", "1816-SP")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn bc_carries_through_centuries_decades_and_ranges() {
    check(
        &[
            ("The town flourished 490–479 BC.", &[("490–479 BC", "DATE", "BC0490/BC0479")]),
            (
                "It was empty from 1200 to 1100 BC.",
                &[("from 1200 to 1100 BC", "DATE", "BC1200/BC1100")],
            ),
            ("It declined in the 1st century BC.", &[("the 1st century BC", "DATE", "BC00")]),
            (
                "Trade grew in the 5th and 4th centuries BC.",
                &[("5th", "DATE", "BC04"), ("4th centuries BC", "DATE", "BC03")],
            ),
            (
                "Walls rose in the 3rd–2nd century BC.",
                &[("3rd–2nd century BC", "DATE", "BC02/BC01")],
            ),
            (
                "Colonies were founded in the 470s and 460s BC.",
                &[("470s", "DATE", "BC047"), ("460s BC", "DATE", "BC046")],
            ),
            // An AD end keeps the start AD.
            ("The emperor ruled 14–37 AD.", &[("37 AD", "DATE", "0037")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn relative_times_cross_midnight_and_month_ends_on_the_calendar() {
    check(
        &[
            (
                "On 20 July 1969 at 11 pm the crew landed. Six hours later they walked.",
                &[
                    ("20 July 1969", "DATE", "1969-07-20"),
                    ("11 pm", "TIME", "1969-07-20T23:00"),
                    ("Six hours later", "TIME", "1969-07-21T05:00"),
                ],
            ),
            // A half hour moves the clock by thirty minutes.
            (
                "On 21 July 1969 at 10:30 pm the hatch closed. Two and a half hours later they left.",
                &[
                    ("21 July 1969", "DATE", "1969-07-21"),
                    ("10:30 pm", "TIME", "1969-07-21T22:30"),
                    ("Two and a half hours later", "TIME", "1969-07-22T01:00"),
                ],
            ),
            (
                "On 1 March 1900 at 1 am the dam broke. Three hours earlier it had rained.",
                &[
                    ("1 March 1900", "DATE", "1900-03-01"),
                    ("1 am", "TIME", "1900-03-01T01:00"),
                    ("Three hours earlier", "TIME", "1900-02-28T22:00"),
                ],
            ),
            (
                "The siege ended on 31 January 1871. The next day the army left.",
                &[
                    ("31 January 1871", "DATE", "1871-01-31"),
                    ("The next day", "DATE", "1871-02-01"),
                ],
            ),
            (
                "The fleet sailed on 30 December 1914. Three days later it arrived.",
                &[
                    ("30 December 1914", "DATE", "1914-12-30"),
                    ("Three days later", "DATE", "1915-01-02"),
                ],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn anaphoric_periods_follow_the_narrative() {
    check(
        &[
            (
                "The dam opened in 1923. That year the town grew.",
                &[("1923", "DATE", "1923"), ("That year", "DATE", "1923")],
            ),
            (
                "The dam opened in 1923. This decade saw it grow.",
                &[("1923", "DATE", "1923"), ("This decade", "DATE", "192")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn news_weekdays_and_named_months_count_from_the_document_date() {
    // 1998-10-23 is a Friday.
    let dct = Reference::document_date("1998-10-23").unwrap();
    check(
        &[
            ("Police came last Friday.", &[("last Friday", "DATE", "1998-10-16")]),
            ("Talks resume next Monday.", &[("next Monday", "DATE", "1998-10-26")]),
            ("Rain fell Wednesday night.", &[("Wednesday night", "TIME", "1998-10-21TNI")]),
            ("Sales fell last November.", &[("last November", "DATE", "1997-11")]),
            ("Sales rose last March.", &[("last March", "DATE", "1998-03")]),
            ("Prices doubled over the past 20 years.", &[("past 20 years", "DURATION", "P20Y")]),
            ("The strike lasted about five hours.", &[("five hours", "DURATION", "PT5H")]),
            ("Unrest grew in the 1960s.", &[("1960s", "DATE", "196")]),
        ],
        dct,
    );
}

/// Span rules learnt from the strict errors of the development data (`eval-timex
/// --error-classes` on AQUAINT and WikiWars 01-11), one row per rule on sentences
/// written for these tests.
#[test]
fn adverbs_before_a_date_belong_to_its_extent() {
    check(
        &[
            ("The canal opened early in 1914.", &[("early in 1914", "DATE", "1914")]),
            ("Later in 1792 the assembly fell.", &[("Later in 1792", "DATE", "1792")]),
            (
                "The dam broke on 3 May 1911. Later that year the town was rebuilt.",
                &[("3 May 1911", "DATE", "1911-05-03"), ("Later that year", "DATE", "1911")],
            ),
            (
                "The dam broke on 3 May 1911. Earlier that day it had rained.",
                &[("3 May 1911", "DATE", "1911-05-03"), ("Earlier that day", "DATE", "1911-05-03")],
            ),
            (
                "The army crossed on 4 June 1862 and attacked early the next morning.",
                &[
                    ("4 June 1862", "DATE", "1862-06-04"),
                    ("early the next morning", "TIME", "1862-06-05TMO"),
                ],
            ),
            // Not across punctuation, nor onto a date that has its own modifier.
            ("He came later. 1914 was hard.", &[("1914", "DATE", "1914")]),
            ("Rain fell in late May 1902.", &[("late May 1902", "DATE", "1902-05")]),
        ],
        Reference::Narrative,
    );
    // 1998-10-23 is a Friday.
    let dct = Reference::document_date("1998-10-23").unwrap();
    check(
        &[("The deal was signed early this week.", &[("early this week", "DATE", "1998-W43")])],
        dct,
    );
}

#[test]
fn a_season_before_the_noun_it_modifies_is_any_year_s() {
    check(
        &[
            // The kind of season: any year's, and the narrative's year stays.
            (
                "In 1777 the army entered winter quarters at the river. On 3 May it marched.",
                &[
                    ("1777", "DATE", "1777"),
                    ("winter", "DATE", "XXXX-WI"),
                    ("3 May", "DATE", "1777-05-03"),
                ],
            ),
            (
                "The raids of 1779 burned winter food stores in the valley.",
                &[("1779", "DATE", "1779"), ("winter", "DATE", "XXXX-WI")],
            ),
            // A season as the subject of a verb, or after a function word, is the narrative's.
            (
                "The siege began in 1812. Winter came early and the army withdrew.",
                &[("1812", "DATE", "1812"), ("Winter", "DATE", "1812-WI")],
            ),
            (
                "The fort fell in June 1863. In summer the rains stopped.",
                &[("June 1863", "DATE", "1863-06"), ("summer", "DATE", "1863-SU")],
            ),
            // A season names the operation fought in it.
            (
                "In 1942 the army planned its summer offensive.",
                &[("1942", "DATE", "1942"), ("summer", "DATE", "1942-SU")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_clock_time_takes_the_day_after_it() {
    check(
        &[
            // Across a time zone and "on", or a comma: the day the clock time is of.
            (
                "The fleet sailed on 2 May 1915. At 5:30 am local time on 7 May 1915 the liner sank.",
                &[
                    ("2 May 1915", "DATE", "1915-05-02"),
                    ("5:30 am", "TIME", "1915-05-07T05:30"),
                    ("7 May 1915", "DATE", "1915-05-07"),
                ],
            ),
            (
                "The storm broke on 3 June 1944. The landing began at 6:30 a.m., June 6, after a delay.",
                &[
                    ("3 June 1944", "DATE", "1944-06-03"),
                    ("6:30 a.m.", "TIME", "1944-06-06T06:30"),
                    ("June 6", "DATE", "1944-06-06"),
                ],
            ),
            (
                "Talks opened on 1 March 1990. The truce starts at 11 am GMT on Friday.",
                &[
                    ("1 March 1990", "DATE", "1990-03-01"),
                    ("11 am", "TIME", "1990-03-02T11:00"),
                    ("Friday", "DATE", "1990-03-02"),
                ],
            ),
            (
                "He fell ill in 1963 and died at 5:20 p.m. (Los Angeles time), on 22 November 1963.",
                &[
                    ("1963", "DATE", "1963"),
                    ("5:20 p.m.", "TIME", "1963-11-22T17:20"),
                    ("22 November 1963", "DATE", "1963-11-22"),
                ],
            ),
            // Another clause or sentence: the clock time stays on the day before it.
            (
                "On 4 July 1910 the race started at 9 am; on 6 July it ended.",
                &[
                    ("4 July 1910", "DATE", "1910-07-04"),
                    ("9 am", "TIME", "1910-07-04T09:00"),
                    ("6 July", "DATE", "1910-07-06"),
                ],
            ),
            (
                "The club met on 5 May 1920 at 8 pm, and on 9 May it voted.",
                &[
                    ("5 May 1920", "DATE", "1920-05-05"),
                    ("8 pm", "TIME", "1920-05-05T20:00"),
                    ("9 May", "DATE", "1920-05-09"),
                ],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_clock_time_joins_the_weekday_after_it() {
    // 2000-04-03 is a Monday.
    let dct = Reference::document_date("2000-04-03").unwrap();
    check(
        &[
            (
                "The relatives have until 9 a.m. Tuesday to sign.",
                &[("9 a.m. Tuesday", "TIME", "2000-04-04T09:00")],
            ),
            (
                "The father leaves at 4 a.m. EDT Tuesday, he said.",
                &[("4 a.m. EDT Tuesday", "TIME", "2000-04-04T04:00")],
            ),
            // A clock time alone stays a time of the reference day.
            ("The plane left at 9 a.m. and landed.", &[("9 a.m.", "TIME", "2000-04-03T09:00")]),
            // The part of day says am or pm.
            (
                "The fire broke out at 4 in the morning.",
                &[("4 in the morning", "TIME", "2000-04-03T04:00")],
            ),
            (
                "The guests left at 9 in the evening.",
                &[("9 in the evening", "TIME", "2000-04-03T21:00")],
            ),
            ("The vote closed at midday.", &[("midday", "TIME", "2000-04-03T12:00")]),
            // A 24-hour time after a time preposition or with "hrs".
            ("The pilot was shot at 10:57 and died.", &[("10:57", "TIME", "2000-04-03T10:57")]),
            ("The column halted at 05:30hrs.", &[("05:30hrs", "TIME", "2000-04-03T05:30")]),
            ("The bridge was taken by 17:45.", &[("17:45", "TIME", "2000-04-03T17:45")]),
            // Not a verse, a score, a ratio, a race time or an idiom.
            ("He quoted John 3:16 to the crowd.", &[]),
            ("He built a 1:50 scale model.", &[]),
            ("She won in 2:03:45 at the line.", &[]),
            ("The showdown came at high noon.", &[]),
            ("The midday meal is the largest.", &[]),
        ],
        dct,
    );
}

#[test]
fn timeml_keeps_bounds_and_drops_approximators() {
    let dct = Reference::document_date("1998-10-23").unwrap();
    check(
        &[
            ("The talks lasted less than a week.", &[("less than a week", "DURATION", "P1W")]),
            ("Firefighters worked for over an hour.", &[("over an hour", "DURATION", "PT1H")]),
            // "over" as a preposition is not a bound.
            (
                "The river carried silt over five centuries.",
                &[("five centuries", "DURATION", "P500Y")],
            ),
            ("The strike lasted at least 72 hours.", &[("at least 72 hours", "DURATION", "PT72H")]),
            ("The boy stayed for nearly five months.", &[("five months", "DURATION", "P5M")]),
            (
                "The plant closed almost four years ago.",
                &[("almost four years ago", "DATE", "1994")],
            ),
            ("The firm was founded just a year ago.", &[("a year ago", "DATE", "1997")]),
        ],
        dct,
    );
}

#[test]
fn named_seasons_count_from_the_reference() {
    let dct = Reference::document_date("1999-04-10").unwrap();
    check(
        &[
            ("The doctor was killed last fall.", &[("last fall", "DATE", "1998-FA")]),
            ("Planting resumes next spring.", &[("next spring", "DATE", "2000-SP")]),
            ("The lake froze last winter.", &[("last winter", "DATE", "1999-WI")]),
            ("Sales grew this summer.", &[("this summer", "DATE", "1999-SU")]),
        ],
        dct,
    );
}

#[test]
fn lengths_without_a_number() {
    check(
        &[
            ("The town has waited for years.", &[("years", "DURATION", "PXY")]),
            ("Talks dragged on for weeks.", &[("weeks", "DURATION", "PXW")]),
            ("Days passed.", &[]),
            // A vague stretch next to an event: the bare unit.
            ("He was seen there in the weeks before the fire.", &[("weeks", "DURATION", "PXW")]),
            ("In the years that followed, the mill closed.", &[("years", "DURATION", "PXY")]),
            ("The days after the flood were quiet.", &[("days", "DURATION", "PXD")]),
            // Not when the unit is the subject of its own clause.
            ("The days were long.", &[]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn eras_and_years_written_out() {
    check(
        &[
            ("Carthage fell in 146 B.C. and Rome grew.", &[("146 B.C.", "DATE", "BC0146")]),
            ("Carthage fell in 146 B.C.", &[("146 B.C.", "DATE", "BC0146")]),
            ("The mob entered on June 20 of 1792.", &[("June 20 of 1792", "DATE", "1792-06-20")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn timex2_draws_a_length_over_its_of_phrase() {
    use wikianno::temporal::Convention;
    let rows: &[(&str, &[&str])] = &[
        ("The town fell after two months of fierce battles.", &["two months of fierce battles"]),
        ("Recruits were 26 years of age, on average.", &["26 years of age"]),
        ("It came after two years of semi-secret support.", &["two years of semi-secret support"]),
        // Another date inside the phrase keeps the two apart.
        ("The line held for three weeks of February 1917.", &["three weeks", "February 1917"]),
        // A clause or adjunct word before any punctuation: the phrase is not taken.
        ("They fought for three days of rain and then rested.", &["three days"]),
    ];
    for (convention, drawn) in [(Convention::Timex2, true), (Convention::TimeMl, false)] {
        let tagger = TemporalTagger::new().with_convention(convention);
        for (text, expected) in rows {
            let got: Vec<&str> = tagger
                .tag_text(text, Reference::Narrative)
                .iter()
                .map(|t| t.span.slice(text))
                .collect();
            if drawn {
                assert_eq!(&got, expected, "in {text:?}");
            } else {
                let first = got.first().copied().unwrap_or("");
                assert!(!first.contains(" of "), "TimeML keeps {first:?} short in {text:?}");
            }
        }
    }
}

/// Holidays whose day moves with the year are found on the calendar of the year they
/// take (learnt from AQUAINT's missed "Thanksgiving Day", "Election Day"); bare
/// "Easter", like bare "Christmas", is too often a name to be a date.
#[test]
fn floating_holidays_fall_on_their_day_of_the_year() {
    // 2000-01-10 is a Monday: last November's holidays are 1999's.
    let dct = Reference::document_date("2000-01-10").unwrap();
    check(
        &[
            (
                "Flights were full over Thanksgiving Day.",
                &[("Thanksgiving Day", "DATE", "1999-11-25")],
            ),
            (
                "He had not seen her since last Thanksgiving.",
                &[("last Thanksgiving", "DATE", "1999-11-25")],
            ),
            ("Polls opened early on Election Day.", &[("Election Day", "DATE", "1999-11-02")]),
            ("Services were held on Easter Sunday.", &[("Easter Sunday", "DATE", "2000-04-23")]),
        ],
        dct,
    );
    check(
        &[
            (
                "The rising began on Easter Monday 1916.",
                &[("Easter Monday 1916", "DATE", "1916-04-24")],
            ),
            (
                "Ballots were cast in March 1998 and again on Election Day.",
                &[("March 1998", "DATE", "1998-03"), ("Election Day", "DATE", "1998-11-03")],
            ),
            ("Rebels held Dublin during the Easter Rising.", &[]),
            ("The ship reached Easter Island.", &[]),
        ],
        Reference::Narrative,
    );
}

/// TimeML span conventions learnt from AQUAINT's strict errors: "the weekend" is a
/// two-day length; the comparative of "said earlier this week" stays out of the extent
/// (the position adverb of "early this week" stays in, with its mod).
#[test]
fn timeml_weekends_and_comparatives_before_this() {
    // 2000-01-12 is a Wednesday, in ISO week 2.
    let dct = Reference::document_date("2000-01-12").unwrap();
    check(
        &[
            ("Talks went on over the weekend.", &[("the weekend", "DURATION", "P2D")]),
            (
                "The minister said earlier this week that talks would go on.",
                &[("this week", "DATE", "2000-W02")],
            ),
            ("A vote is due early this week.", &[("early this week", "DATE", "2000-W02")]),
        ],
        dct,
    );
}

/// A holiday named without a year, a "last"/"next" or its "Day" is the custom, not a date;
/// "the weekend" before a noun modifies it.
#[test]
fn holiday_customs_and_weekend_modifiers_are_not_dates() {
    check(
        &[
            ("Thanksgiving became a national holiday in 1863.", &[("1863", "DATE", "1863")]),
            ("Lincoln called for a national Thanksgiving.", &[]),
            ("Films open before the weekend box office.", &[]),
            (
                "Talks went on over the weekend and into Monday.",
                &[("the weekend", "DURATION", "P2D"), ("Monday", "DATE", "XXXX-WXX-1")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn two_days_joined_by_and_are_two_dates() {
    check(
        &[
            (
                "Voting took place on May 4 and 5, 1960.",
                &[("May 4", "DATE", "1960-05-04"), ("5, 1960", "DATE", "1960-05-05")],
            ),
            (
                "The fair came back in 1911, on 7 and 8 June.",
                &[
                    ("1911", "DATE", "1911"),
                    ("7", "DATE", "1911-06-07"),
                    ("8 June", "DATE", "1911-06-08"),
                ],
            ),
            // "between ... and" is one range.
            (
                "The fair was held between 7 and 9 June 1911.",
                &[("between 7 and 9 June 1911", "DATE", "1911-06-07/1911-06-09")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn length_adjectives_keep_long_and_leave_the_article() {
    check(
        &[
            ("The town survived a month-long siege.", &[("month-long", "DURATION", "P1M")]),
            ("It was the end of a months-long strike.", &[("months-long", "DURATION", "PXM")]),
            ("Their decades-long feud ended.", &[("decades-long", "DURATION", "PXY")]),
            ("After a third day-long march they rested.", &[("day-long", "DURATION", "P1D")]),
            ("The course is three weeks long.", &[("three weeks long", "DURATION", "P3W")]),
            ("They began a 3-year-long survey.", &[("3-year-long", "DURATION", "P3Y")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn the_last_week_of_a_month_is_a_length() {
    check(
        &[
            (
                "In 1916 the lines held. During the last week of August the rain fell.",
                &[("1916", "DATE", "1916"), ("last week of August", "DURATION", "P1W")],
            ),
            (
                "The harvest took the first two weeks of October.",
                &[("the first two weeks of October", "DURATION", "P2W")],
            ),
            // TimeML leaves "the" out before "last" / "past" (TIMEX2 keeps it). With a year
            // the month is a date of its own, which the narrative reads.
            (
                "The last two weeks of May 1916 were quiet.",
                &[("last two weeks", "DURATION", "P2W"), ("May 1916", "DATE", "1916-05")],
            ),
            // Alone, "the last week" is not a length (a look back in news, "last week").
            ("The last week was quiet.", &[]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_bare_month_after_a_time_preposition_or_before_the_noun_it_dates() {
    check(
        &[
            // After "in", "by", "since", ... a capital starts the clause, not a name.
            (
                "The siege began in 1941. In July Danish troops withdrew.",
                &[("1941", "DATE", "1941"), ("July", "DATE", "1941-07")],
            ),
            (
                "Work resumed in 1952. By March Baker's crew had finished.",
                &[("1952", "DATE", "1952"), ("March", "DATE", "1952-03")],
            ),
            // "May", "March", "August" after an article, before a noun they date.
            (
                "The strike spread in 1907. A March rally filled the square.",
                &[("1907", "DATE", "1907"), ("March", "DATE", "1907-03")],
            ),
            (
                "The vote was set for 1931. The May elections were close.",
                &[("1931", "DATE", "1931"), ("May", "DATE", "1931-05")],
            ),
            // A name after another word, and "the March on ...", stay out.
            ("The band toured with June Carter in 1961.", &[("1961", "DATE", "1961")]),
            ("The March on Rome took place in 1922.", &[("1922", "DATE", "1922")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn night_after_at_or_by_is_any_night() {
    check(
        &[
            ("The convoys moved only at night.", &[("night", "TIME", "XXXX-XX-XXTNI")]),
            (
                "In 1950 the division marched by night.",
                &[("1950", "DATE", "1950"), ("night", "TIME", "XXXX-XX-XXTNI")],
            ),
            ("The garrison fell at nightfall in 1942.", &[("1942", "DATE", "1942")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_capitalized_season_after_a_time_preposition() {
    check(
        &[
            (
                "The treaty was signed in 1479. The fleet refused to sail in Spring.",
                &[("1479", "DATE", "1479"), ("Spring", "DATE", "1479-SP")],
            ),
            // Inside a name it stays out.
            ("He stayed at the Winter Palace in 1905.", &[("1905", "DATE", "1905")]),
            ("They drove in Spring Valley in 1930.", &[("1930", "DATE", "1930")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_capitalized_season_before_an_operation_noun() {
    check(
        &[
            (
                "The war went on into 1918. The Spring Offensive broke the line.",
                &[("1918", "DATE", "1918"), ("Spring", "DATE", "1918-SP")],
            ),
            (
                "In 1951 the Chinese Summer Campaign stalled.",
                &[("1951", "DATE", "1951"), ("Summer", "DATE", "1951-SU")],
            ),
            // Other capitalized words after a season make a name.
            ("The Summer Olympics came to Berlin in 1936.", &[("1936", "DATE", "1936")]),
            ("The Spring Offensiveness Society met in 1950.", &[("1950", "DATE", "1950")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_month_after_the_previous_or_the_following() {
    check(
        &[
            (
                "The army attacked in March 1918 and gave up the ground won the previous April.",
                &[("March 1918", "DATE", "1918-03"), ("the previous April", "DATE", "1917-04")],
            ),
            (
                "The treaty was signed in June 1920 and ratified the following May.",
                &[("June 1920", "DATE", "1920-06"), ("the following May", "DATE", "1921-05")],
            ),
            // A day after the month: the date, read without the determiner.
            (
                "The fort fell in June 1920 and was retaken the following April 12.",
                &[("June 1920", "DATE", "1920-06"), ("April 12", "DATE", "1920-04-12")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_month_that_opens_a_range_of_months() {
    check(
        &[
            (
                "The island was held by the rebels (May–August 1950) until the fleet came.",
                &[("May–August 1950", "DATE", "1950-05/1950-08")],
            ),
            (
                "The second siege (August-September 1931) ended the war.",
                &[("August-September 1931", "DATE", "1931-08/1931-09")],
            ),
            // The verb and the name stay out.
            ("They May return in 1950.", &[("1950", "DATE", "1950")]),
            ("August Meyer wrote to June Lee in 1950.", &[("1950", "DATE", "1950")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn an_ordinal_day_with_its_article_in_a_day_range() {
    check(
        &[
            (
                "The march was put off from the 13th to the 19th of October 1950.",
                &[("from the 13th to the 19th of October 1950", "DATE", "1950-10-13/1950-10-19")],
            ),
            // TimeML leaves out the article of a bare number, as of "the 1960s" (TIMEX2,
            // WikiWars, keeps "the 28").
            (
                "The town was shelled in 1918, on the 28 and 29 August.",
                &[
                    ("1918", "DATE", "1918"),
                    ("28", "DATE", "1918-08-28"),
                    ("29 August", "DATE", "1918-08-29"),
                ],
            ),
            // An ordinal that is not a day of a month stays out.
            ("The 4th and 5th Divisions landed in 1944.", &[("1944", "DATE", "1944")]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_month_before_a_deictic_year_takes_that_year() {
    let news = Reference::document_date("2011-12-05").expect("a valid date");
    check(
        &[
            (
                "The talks began in February this year and will end in April next year.",
                &[
                    ("February", "DATE", "2011-02"),
                    ("this year", "DATE", "2011"),
                    ("April", "DATE", "2012-04"),
                    ("next year", "DATE", "2012"),
                ],
            ),
            (
                "The plant closed on March 3 last year.",
                &[("March 3", "DATE", "2010-03-03"), ("last year", "DATE", "2010")],
            ),
            // A month with a year of its own keeps it.
            (
                "The plant closed in March 2009, last year's report said.",
                &[("March 2009", "DATE", "2009-03"), ("last year", "DATE", "2010")],
            ),
        ],
        news,
    );
}

#[test]
fn quarters_of_the_year() {
    // 2011-03-17: a news quarter looks back as its first month does.
    let news = Reference::document_date("2011-03-17").expect("a valid date");
    check(
        &[
            ("Profit rose in the first quarter.", &[("the first quarter", "DATE", "2011-Q1")]),
            ("Profit fell in the fourth quarter.", &[("the fourth quarter", "DATE", "2010-Q4")]),
            ("Sales grow in the second quarter.", &[("the second quarter", "DATE", "2011-Q2")]),
            (
                "Output slowed in the third quarter of 2009.",
                &[("the third quarter of 2009", "DATE", "2009-Q3")],
            ),
            (
                "Costs rose in the first quarter of fiscal 2010.",
                &[("the first quarter of fiscal 2010", "DATE", "2010-Q1")],
            ),
            // A hyphenated ordinal modifies its noun and leaves the article out.
            ("The fourth-quarter results were weak.", &[("fourth-quarter", "DATE", "2010-Q4")]),
            // "last quarter" counts from the document date; "the last quarter" is the fourth.
            ("Exports dropped last quarter.", &[("last quarter", "DATE", "2010-Q4")]),
            ("Imports recover next quarter.", &[("next quarter", "DATE", "2011-Q2")]),
            ("Revenue for the quarter rose.", &[("the quarter", "DATE", "2011-Q1")]),
            // Quarters of something else, and the other senses of the word.
            ("He scored in the fourth quarter of the game.", &[]),
            ("A quarter of the staff left.", &[]),
            ("She lived in the quarter near the port.", &[]),
            ("The moon was at first quarter moon.", &[]),
        ],
        news,
    );
    check(
        &[
            (
                "The mill opened in 1907. Trade grew in the first quarter.",
                &[("1907", "DATE", "1907"), ("the first quarter", "DATE", "1907-Q1")],
            ),
            (
                "In May 1911 the plant reopened; by the next quarter it was busy.",
                &[("May 1911", "DATE", "1911-05"), ("the next quarter", "DATE", "1911-Q3")],
            ),
        ],
        Reference::Narrative,
    );
}

#[test]
fn news_anaphora_without_a_mentioned_month_take_the_document_month() {
    // A bare year mentioned since names no month: "the end of the month" is the
    // document date's.
    let news = Reference::document_date("2011-03-17").expect("a valid date");
    check(
        &[(
            "The firm expects a loss in 2012 and will report by the end of the month.",
            &[("2012", "DATE", "2012"), ("the end of the month", "DATE", "2011-03")],
        )],
        news,
    );
}

#[test]
fn an_adjective_between_count_and_unit_keeps_the_length() {
    check(
        &[
            (
                "The fair ran for three consecutive years.",
                &[("three consecutive years", "DURATION", "P3Y")],
            ),
            ("Rain fell for two full days.", &[("two full days", "DURATION", "P2D")]),
            (
                "Prices fell in the four previous weeks.",
                &[("four previous weeks", "DURATION", "P4W")],
            ),
            // Only adjectives of amount or order: an evaluative one is an open class.
            ("The siege took ten brutal months.", &[]),
            ("The vote took a full day.", &[("a full day", "DURATION", "P1D")]),
            // After an article only an adjective of amount: "a previous year" is no length.
            ("It was a previous year's harvest.", &[]),
            // A compound modifier is no length: "year-ending", "decade-century".
            ("She ended six consecutive year-ending rankings.", &[]),
        ],
        Reference::Narrative,
    );
}

#[test]
fn a_half_of_the_reference_year() {
    let news = Reference::document_date("2011-03-17").expect("a valid date");
    check(
        &[
            (
                "The launch slipped to the second half of the year.",
                &[("the second half of the year", "DATE", "2011-H2")],
            ),
            (
                "Sales slowed in the first half of this year.",
                &[("the first half of this year", "DATE", "2011-H1")],
            ),
            // A month has no half in TIMEX3.
            ("They met in the first half of the month.", &[]),
        ],
        news,
    );
    check(
        &[(
            "The war began in 1914. In the latter half of that year the front froze.",
            &[("1914", "DATE", "1914"), ("the latter half of that year", "DATE", "1914-H2")],
        )],
        Reference::Narrative,
    );
}

/// "the day after the battle": "after" opens the phrase of an event, which both
/// conventions leave out (TimeML also the article: "day"); set after a date, the phrase
/// describes that date. A verb, a date or punctuation after it leaves "the day before"
/// whole, counted from the reference.
#[test]
fn the_day_before_an_event_is_the_day() {
    use wikianno::temporal::Convention;
    let timex2 = TemporalTagger::new().with_convention(Convention::Timex2);
    check_with(
        &timex2,
        &[
            (
                "The siege began on 4 May 1901. The day after the siege began, the rains came.",
                &[("4 May 1901", "DATE", "1901-05-04"), ("The day", "DATE", "1901-05-05")],
            ),
            (
                "The army moved on 2 October 1911, the day after the river was crossed.",
                &[("2 October 1911", "DATE", "1911-10-02"), ("the day", "DATE", "1911-10-02")],
            ),
            (
                "The fort fell on Friday 9 June 1905 - the day before Grant's arrival.",
                &[("Friday 9 June 1905", "DATE", "1905-06-09"), ("the day", "DATE", "1905-06-09")],
            ),
            (
                "The mill burned on 3 March 1890, and the day following saw a riot.",
                &[
                    ("3 March 1890", "DATE", "1890-03-03"),
                    ("the day following", "DATE", "1890-03-04"),
                ],
            ),
            (
                "The vote was on 7 April 1920; the year before, the party split.",
                &[("7 April 1920", "DATE", "1920-04-07"), ("the year before", "DATE", "1919")],
            ),
        ],
        Reference::Narrative,
    );
    let news = Reference::document_date("1998-11-21").expect("a valid date");
    check(
        &[
            (
                "Police came to the house on Nov. 3, the day after his death.",
                &[("Nov. 3", "DATE", "1998-11-03"), ("day", "DATE", "1998-11-03")],
            ),
            (
                "The reporters arrived on Nov. 3 and left the day after the funeral.",
                &[("Nov. 3", "DATE", "1998-11-03"), ("day", "DATE", "1998-11-04")],
            ),
            (
                "Talks broke down on Nov. 3; the day before was calm.",
                &[("Nov. 3", "DATE", "1998-11-03"), ("the day before", "DATE", "1998-11-02")],
            ),
        ],
        news,
    );
}

/// An age is a length under TIMEX2 ("18 years old" `P18Y`, with its "old") and no
/// temporal expression under TimeML; only a counted one.
#[test]
fn ages_are_lengths_under_timex2_only() {
    use wikianno::temporal::Convention;
    let rows: &[Row] = &[
        ("Every man who was 18 years old was called up.", &[("18 years old", "DURATION", "P18Y")]),
        ("The average soldier was 22.5 years old.", &[("22.5 years old", "DURATION", "P22.5Y")]),
        (
            "A 6-year-old boy and a two-month-old calf survived.",
            &[("6-year-old", "DURATION", "P6Y"), ("two-month-old", "DURATION", "P2M")],
        ),
        // Vague or compared: no age.
        ("The treaty ended a years-old feud; he was five years older.", &[]),
    ];
    check_with(
        &TemporalTagger::new().with_convention(Convention::Timex2),
        rows,
        Reference::Narrative,
    );
    let timeml: Vec<Row> = rows.iter().map(|(text, _)| (*text, &[][..])).collect();
    check(&timeml, Reference::Narrative);
}

/// A part of the day named alone, in lower case, is of any day: TIMEX2 marks it
/// (`XXXX-XX-XXTNI`, daytime `TDT`), TimeML only after "at" or "by". A longer
/// expression holding the word keeps it; a name and a word it only begins are no part.
#[test]
fn a_bare_part_of_the_day_under_timex2_only() {
    use wikianno::temporal::Convention;
    let rows: &[Row] = &[
        ("The regiment trained hard for night fighting.", &[("night", "TIME", "XXXX-XX-XXTNI")]),
        ("Supply columns avoided the roads in daytime.", &[("daytime", "TIME", "XXXX-XX-XXTDT")]),
        (
            "The general ordered a night-time withdrawal to the river.",
            &[("night-time", "TIME", "XXXX-XX-XXTNI")],
        ),
        (
            "The envoys were asked to stay for afternoon tea.",
            &[("afternoon", "TIME", "XXXX-XX-XXTAF")],
        ),
        ("The second brigade night-marched over the pass.", &[("night", "TIME", "XXXX-XX-XXTNI")]),
        // A longer expression keeps the word; "nights", "overnight", "nightly" and a
        // capitalized name are not a bare part of the day.
        (
            "The town fell on the morning of 4 May 1917.",
            &[("the morning of 4 May 1917", "TIME", "1917-05-04TMO")],
        ),
        ("The Evening Standard printed it overnight.", &[]),
        ("Two nights passed quietly.", &[("Two nights", "DURATION", "P2D")]),
    ];
    check_with(
        &TemporalTagger::new().with_convention(Convention::Timex2),
        rows,
        Reference::Narrative,
    );
    // TimeML: only the timexes that hold more than the bare word.
    let timeml: &[Row] = &[
        ("The regiment trained hard for night fighting.", &[]),
        ("Supply columns avoided the roads in daytime.", &[]),
        ("The general ordered a night-time withdrawal to the river.", &[]),
        ("The envoys were asked to stay for afternoon tea.", &[]),
        (
            "The town fell on the morning of 4 May 1917.",
            &[("the morning of 4 May 1917", "TIME", "1917-05-04TMO")],
        ),
        ("The convoys moved only at night.", &[("night", "TIME", "XXXX-XX-XXTNI")]),
    ];
    check(timeml, Reference::Narrative);
}

/// A year written with its last two digits after an apostrophe takes the century that
/// puts it at most ten years after the reference year; an apostrophe that closes a word
/// or follows another, feet and inches, and a count are no year.
#[test]
fn a_two_digit_year_after_an_apostrophe() {
    check(
        &[
            (
                "In 1917 the army called up the '99 Boys.",
                &[("1917", "DATE", "1917"), ("'99", "DATE", "1899")],
            ),
            (
                "By 1790 some deputies had left the Club of '89.",
                &[("1790", "DATE", "1790"), ("'89", "DATE", "1789")],
            ),
            (
                "In 2003 the class of ’05 planned its reunion.",
                &[("2003", "DATE", "2003"), ("’05", "DATE", "2005")],
            ),
            ("In 1950 the recruit stood 5'11 and led '45 men.", &[("1950", "DATE", "1950")]),
            ("In 1950 he read ''60 poems'' aloud.", &[("1950", "DATE", "1950")]),
        ],
        Reference::Narrative,
    );
    let news = Reference::document_date("1998-10-26").expect("a valid date");
    check(&[("The class of '68 met again.", &[("'68", "DATE", "1968")])], news);
}
