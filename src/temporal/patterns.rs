//! The expression patterns: one regex per family, compiled once, and the reading of a
//! match into an [`Expr`]. Overlaps are resolved by a total order (start, longer first,
//! rule order); adjacent dates joined by a dash, "to" or "between ... and" become ranges.
//!
//! The `regex` crate has no look-around, so the checks it would express (a year not
//! followed by "men", a bare "May" that is a month) are done on the match's context.

use std::cell::RefCell;
use std::sync::LazyLock;

use regex::{CaptureLocations, Regex, RegexBuilder};
use rustc_hash::FxHashMap;

use super::normalize::{Expr, Floating, Point, Unit};
use super::triggers::{self, Class, Triggers, CENTURY, DECADE, DIGIT, JOINT, SEASON, UNIT, VAGUE};
use super::value::{CalendarDate, PartOfDay, Season, TimeOfDay, TimeRef, YearPart};
use super::TimexMod;
use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

/// A matched expression: where it is and what it means, before anchoring.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    pub span: Span,
    pub expr: Expr,
    /// For ranges: the spans of the two ends (TimeML annotates them separately).
    pub ends: Option<(Span, Span)>,
    rule: usize,
}

impl Mention {
    /// The year the expression itself states ("March 1975", "1975", the end of
    /// "1862–1865"), not one taken from context, nor a decade or century.
    pub(crate) fn stated_year(&self) -> Option<i32> {
        match &self.expr {
            Expr::Point(p) | Expr::Range(_, p)
                if p.year_shift.is_none() && p.decade.is_none() && p.century.is_none() =>
            {
                p.year
            }
            _ => None,
        }
    }
}

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)";
const FULL_MONTH: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM: &str = r"(?:[0-9]+(?:\.[0-9]+)?|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?i:one|two|three|four|five|six|seven|eight|nine))?|(?i:a\s+hundred|hundred|a\s+few|few|several|many|a\s+couple\s+of|a\s+number\s+of))";
const UNITS: &str =
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|century|centuries)";
const CONNECTOR: &str = r"\s*(?:–|—|-|to|until|till|through|and)\s*";

fn year(name: &str) -> String {
    format!(
        r"(?P<{name}>[0-9]{{1,4}}\s?(?:BCE|BC|B\.C\.?|AD|CE|A\.D\.?)|(?:AD|A\.D\.)\s?[0-9]{{1,4}}|[12][0-9]{{3}})"
    )
}

/// Part-of-day or modifier phrase before a date: "the afternoon of", "early", "the end of".
fn prefix() -> String {
    format!(
        r"(?:(?P<part>(?:[Tt]he\s+)?(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night|(?:early\s+)?(?:morning\s+)?hours|small\s+hours|dawn|daybreak)\s+of\s+)|(?P<pre>(?:[Tt]he\s+)?(?:very\s+)?(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+)|(?:[Tt]he\s+)?(?:[Mm]iddle|[Bb]eginning|[Ss]tart|[Ee]nd|[Cc]lose|[Ff]irst\s+half|[Ss]econd\s+half|[Ll]atter\s+half|[Ff]irst\s+days|[Ll]ast\s+days)\s+of\s+))?(?:{WEEKDAY},?\s+)?"
    )
}

/// Words that may follow a time noun without being modified by it ("the weekend of",
/// "the weekend when"): any other lower-case word after it is a noun it modifies
/// ("the weekend box office").
const CLAUSE_WORDS: &[&str] = &[
    "of", "and", "or", "but", "to", "in", "at", "on", "by", "for", "from", "with", "before",
    "after", "when", "while", "as", "that", "which", "so", "than", "was", "were", "is", "are",
    "had", "has", "have", "will", "would", "could", "can", "may", "might", "did", "also",
];

/// Prepositions after which a month or season word is the time, not a name's first word,
/// even before a capital ("In July Danish troops left", "in Spring.").
const TIME_PREPOSITIONS: &[&str] = &["in", "by", "until", "since", "during", "till"];

/// Head nouns of a military operation that a capitalized season before them dates: "the
/// Spring Offensive" (of 1918), "the Chinese Winter Offensive", "the Iraq Spring
/// Fighting": TIMEX2 marks the season (WikiWars, 9 of 9), whose year is the narrative's.
/// The one list of this knowledge; other capitalized words after a season make a name
/// whose season dates nothing ("Summer Olympics", "the Winter Palace").
const OPERATION_NOUNS: &[&str] =
    &["Offensive", "Offensives", "Counteroffensive", "Counter-offensive", "Campaign", "Fighting"];

/// "of that year", "of the following year" after a month or day.
const THAT_YEAR: &str = r"\s+of\s+(?P<that>that|the\s+same|that\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Iso,
    DayRange,
    MonthDayRange,
    ShortYearRange,
    DayMonth,
    MonthDay,
    MonthYear,
    Month,
    Season,
    Decade,
    Century,
    Year,
    ApostropheYear,
    Quantity,
    Span,
    Anaphoric,
    DayAround,
    UnitPhase,
    Deictic,
    DeicticWord,
    Vague,
    Set,
    Rate,
    Clock,
    AtNight,
    Weekday,
    Holiday,
    BareUnits,
    Quarter,
}

/// One rule's regex and where it can match.
struct Compiled {
    rule: Rule,
    re: Regex,
    /// Group names by index, for `Captures::name` over reusable capture slots.
    names: Vec<Option<String>>,
    /// The trigger classes one of which every match contains; 0: search the whole text
    /// (a rule whose pattern has no bound).
    classes: Class,
    /// Most solid bytes in a match before and after its trigger (`triggers::solid_bound`).
    bound: triggers::Bound,
}

impl Rule {
    /// Trigger classes of the rule's matches (see `triggers`). Each is checked against
    /// the pattern: "Jan".."Dec" start every month name, the unit words are in UNITS, ...
    fn classes(self) -> Class {
        match self {
            Rule::DeicticWord => triggers::DEICTIC,
            Rule::Set => triggers::RECURRENCE,
            // "a week" of "twice a week", "30 a day"
            Rule::Rate => triggers::AFTER_A,
            Rule::Weekday => triggers::WEEKDAY,
            Rule::Holiday => triggers::HOLIDAY,
            Rule::Quarter => triggers::QUARTER,
            // "1866-03-31": the year's last digit is followed by "-", two digits and "-".
            // Digits are too frequent in real pages (tables, references) for a full-text
            // pass on [12].
            Rule::Iso => triggers::ISO,
            Rule::Month => triggers::MONTH,
            Rule::DayRange => triggers::MONTH_AFTER_RANGE,
            Rule::DayMonth => triggers::MONTH_AFTER_DAY,
            Rule::MonthDayRange | Rule::MonthDay => triggers::MONTH_BEFORE_DAY,
            Rule::MonthYear => triggers::MONTH_BEFORE_NUMBER,
            Rule::Year => DIGIT,
            Rule::ApostropheYear => triggers::APOSTROPHE,
            // "1865–66": a digit then a dash or slash and two digits
            Rule::ShortYearRange => triggers::SHORT_RANGE,
            Rule::Decade => DECADE,
            Rule::Season => SEASON,
            Rule::Century => CENTURY,
            Rule::Quantity => UNIT,
            Rule::Span => triggers::AFTER_SPAN,
            Rule::DayAround => triggers::AFTER_THE,
            Rule::UnitPhase => triggers::PHASE,
            Rule::Deictic => triggers::AFTER_DEICTIC,
            Rule::BareUnits => triggers::BARE,
            Rule::Anaphoric => triggers::AFTER_ANAPHOR,
            // "these days"
            Rule::Vague => VAGUE | triggers::AFTER_THESE,
            // "9 am", "10.30 p.m.", "4 in the morning", "10:57", "noon", "midnight", "midday"
            Rule::Clock => JOINT,
            // "night" of "at night", "daytime", "morning", ...
            Rule::AtNight => triggers::PART,
        }
    }

    /// The top-level group that starts with a trigger in every match, if any: the month
    /// of the month rules, the year of `Year` (which may start with "AD", counted in it).
    fn anchor(self) -> Option<&'static str> {
        match self {
            Rule::DayRange
            | Rule::MonthDayRange
            | Rule::DayMonth
            | Rule::MonthDay
            | Rule::MonthYear
            | Rule::Month => Some("m"),
            Rule::Year => Some("y"),
            _ => None,
        }
    }
}

struct Patterns {
    rules: Vec<Compiled>,
    triggers: Option<Triggers>,
    connector: Regex,
    /// A bare number or ordinal and a range connector ending the text before a BC date.
    era_lookback: Regex,
    bad_after_year: Regex,
    /// Spaces, perhaps with a time zone, between a clock time and a weekday.
    zone_gap: Regex,
    /// "early", "late", "earlier", "later" (perhaps with "in") ending the text before a date.
    lead_adverb: Regex,
}

/// Compile every pattern now rather than on the first article.
pub(crate) fn compile() {
    LazyLock::force(&PATTERNS);
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let pre = prefix();
    let y = year("y");
    let table: Vec<(Rule, String)> = vec![
        (Rule::Iso, r"\b(?P<y>[12][0-9]{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])\b".to_string()),
        (
            Rule::DayRange,
            // "from the 13th to the 19th of October", "on the 28 and 29 August": an
            // ordinal's article belongs to its day, as TIMEX2 and TimeML draw each end.
            format!(r"(?P<from>(?:[Ff]rom|[Bb]etween)\s+)?(?P<d1>(?:[Tt]he\s+)?\b{DAY})\b(?P<conn>{CONNECTOR})(?P<d2>(?:the\s+)?\b{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+{y})?"),
        ),
        (
            Rule::MonthDayRange,
            format!(r"(?P<from>(?:[Ff]rom|[Bb]etween)\s+)?\b(?P<m>{MONTH})\s+(?P<d1>{DAY})\b(?P<conn>{CONNECTOR})(?P<d2>{DAY})\b(?:,?\s+{y})?"),
        ),
        (Rule::ShortYearRange, r"(?P<from>(?:[Ff]rom|[Bb]etween)\s+)?\b(?P<y>[12][0-9]{3})(?:–|—|-|/)(?P<y2>[0-9]{2})\b".to_string()),
        (Rule::DayMonth, format!(r"{pre}\b(?:[Tt]he\s+)?(?P<d>{DAY})\b(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+{y}|{THAT_YEAR})?")),
        (Rule::MonthDay, format!(r"{pre}\b(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})\b(?:(?:,\s*|\s+of\s+|\s+){y}|{THAT_YEAR})?")),
        (Rule::MonthYear, format!(r"{pre}\b(?P<m>{MONTH})(?:,?\s+|\s+of\s+){y}")),
        (
            Rule::Month,
            format!(r"{pre}(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+(?:previous|preceding|following|next))\s+)?\b(?P<m>{FULL_MONTH})\b(?:{THAT_YEAR})?"),
        ),
        (
            Rule::Season,
            format!(r"{pre}(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:[Tt]he\s+)?\b(?P<s>spring|summer|autumn|winter|fall|Spring|Summer|Autumn|Winter|Fall)\b(?:(?:\s+of)?\s+{y}|{THAT_YEAR})?"),
        ),
        (Rule::Decade, format!(r"{pre}(?:[Tt]he\s+)?\b(?P<dec>[12][0-9]{{2}}|[1-9][0-9]?)0'?s\b(?:\s+(?P<era>BCE|BC|B\.C\.?))?")),
        (
            Rule::Century,
            format!(
                r"{pre}(?:[Tt]he\s+)?\b(?P<c>[0-9]{{1,2}}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))(?:\s+|-)[Cc]entur(?:y|ies)(?:\s+(?P<era>BCE|BC|B\.C\.?|AD|CE))?"
            ),
        ),
        (
            Rule::Year,
            format!(r"(?:(?P<approx>(?:[Cc]\.|[Cc]a\.|[Cc]irca|[Aa]bout|[Aa]round|[Aa]pproximately)\s*)|{pre})(?:[Tt]he\s+year\s+)?\b{y}"),
        ),
        // A year written with its last two digits after an apostrophe ("the '99 Boys",
        // "the Club of '89"): its century is the reference's (`read` checks the
        // apostrophe opens a word).
        (Rule::ApostropheYear, r"(?:'|’)(?P<y>[0-9]{2})\b".to_string()),
        // A rate: "a week" after a count of events ("three times a week", "twice a year")
        // or of things ("30 a day", "$1 billion a year", "960 a week"). Before `Quantity`,
        // which would read the same "a week" as a length.
        (
            Rule::Rate,
            r"\b(?P<n>[0-9]+(?:[,.][0-9]+){0,4}|once|twice|times|hundred|thousand|million|billion|dozen)\s+(?P<a>a\s+(?P<u>day|week|month|year))\b".to_string(),
        ),
        (
            Rule::Quantity,
            format!(
                r"(?P<approx>(?:[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Aa]pproximately|[Ss]ome|[Oo]ver|[Mm]ore\s+than|[Ll]ess\s+than|[Aa]t\s+least|[Uu]p\s+to|[Rr]oughly|[Jj]ust)\s+)?\b(?P<n>{NUM})(?P<frac>\s+1/2|\s+and\s+a\s+half|\s+more)?(?:\s+|-)(?:(?P<adj>full|whole|entire|additional|consecutive|straight|successive|previous|preceding)\s+)?(?P<u>{UNITS})\b(?P<long>-long\b|\s+long\b)?(?P<rel>\s+(?:later|earlier|ago|afterwards?|previously|thereafter|beforehand))?"
            ),
        ),
        (
            Rule::Span,
            // "the last week of August", "the first two weeks of May": a length (TimeML
            // and TIMEX2 write it as a DURATION with its begin and end points) that
            // includes its month; with a year ("of May 1916") the year stays its own
            // date, which the narrative needs.
            format!(r"\b(?:[Tt]he\s+)?(?P<w>past|last|next|first|previous|coming|following|final|intervening)\s+(?:(?P<n>{NUM})\s+)?(?:(?P<u>(?:second|minute|hour|day|night|week|month|year|decade)s|centuries)\b|(?P<week>week)\b)(?P<of>\s+of\s+{FULL_MONTH}\b)?"),
        ),
        (
            Rule::Anaphoric,
            r"\b(?:(?P<det>[Tt]he\s+(?:very\s+)?(?:next|following|previous|preceding|subsequent|same|prior)|[Tt]hat\s+same|[Tt]hat|[Tt]his\s+same)\s+(?P<u>day|night|morning|afternoon|evening|week|weekend|month|year|spring|summer|autumn|winter)|(?P<weekend>[Tt]he\s+weekend))\b".to_string(),
        ),
        (Rule::DayAround, r"\b[Tt]he\s+(?P<u>day|night|morning|evening|week|month|year)\s+(?P<dir>before|after|following)\b".to_string()),
        (
            Rule::UnitPhase,
            // "the end of the year", and its possessive "at month's end", "by year's end".
            r"(?:(?P<pre>(?:[Tt]he\s+)?(?:[Mm]iddle|[Bb]eginning|[Ss]tart|[Ee]nd|[Cc]lose|(?P<half>[Ff]irst|[Ss]econd|[Ll]atter)\s+half)\s+of\s+)(?P<which>the|that|this)\s+(?:same\s+)?(?P<u>year|month|week|day)|\b(?P<pu>[Yy]ear|[Mm]onth|[Ww]eek)(?:'|’)s\s+(?P<ppre>end|close|start|beginning))\b".to_string(),
        ),
        (
            Rule::Deictic,
            r"\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|(?:[Tt]he\s+)?[Pp]ast)\s+(?P<u>week|weekend|month|year|decade|century)\b".to_string(),
        ),
        (Rule::DeicticWord, r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b".to_string()),
        (
            Rule::Vague,
            r"\b(?P<w>[Nn]ow|[Cc]urrently|[Pp]resent[- ]day|[Mm]odern\s+day|[Nn]owadays|[Rr]ecently|[Rr]ecent(?:\s+(?:years|months|weeks|days|decades))?|[Cc]urrent|[Tt]he\s+past|(?:[Tt]he\s+)?[Ff]uture|[Ff]ormer|[Tt]hese\s+days|[Tt]he\s+present)\b".to_string(),
        ),
        (
            Rule::Set,
            format!(
                r"\b(?:(?:[Ee]very|[Ee]ach)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{UNITS})\b|(?P<adv>[Aa]nnually|[Yy]early|[Dd]aily|[Ww]eekly|[Mm]onthly|[Hh]ourly|[Nn]ightly)\b)"
            ),
        ),
        (
            Rule::Clock,
            r"\b(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5][0-9]))?(?:\s?(?P<ap>[AaPp]\.?[Mm]\.?)|\s+in\s+the\s+(?P<dp>morning|afternoon|evening))|(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?P<hrs>\s?(?:hrs|hours)\b)?|(?P<word>[Nn]oon|[Mm]idnight|[Mm]idday))".to_string(),
        ),
        // "at night", "by night": the part of any day (TIMEX3 marks "night" alone,
        // XXXX-XX-XXTNI), not of the narrative's day. A part of the day named alone, in
        // lower case ("night fighting", "in daytime", "afternoon tea", "a night-time
        // retreat"), is of any day too: TIMEX2 marks it (WikiWars 01-11: every such word
        // outside a name), TimeML does not (AQUAINT: none); `Expr::BarePart`. A longer
        // match ("the morning of 7 May", "Friday night", "at night") starts before it
        // and wins.
        (
            Rule::AtNight,
            r"\b(?:(?:[Aa]t|[Bb]y)\s+(?P<p>night)|(?P<bare>night-?time|night|daytime|morning|afternoon|evening))\b".to_string(),
        ),
        (
            Rule::Weekday,
            format!(r"(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<wd>{WEEKDAY})\b(?:\s+(?P<wpart>morning|afternoon|evening|night)\b)?"),
        ),
        // "for years", "over weeks": a vague length without a number.
        // "day-long", "decades-long": a length as an adjective, "long" in its extent.
        // "in the weeks before the shooting", "the years that followed": a vague stretch
        // next to an event; TimeML marks the bare unit ("weeks").
        (
            Rule::BareUnits,
            r"\b(?:(?:[Ff]or|[Oo]ver)\s+(?P<u>days|weeks|months|years|decades)|(?P<lu>(?:hour|day|week|month|year|decade)s?)-long|[Tt]he\s+(?P<ru>days|weeks|months|years|decades)\s+(?:before|after|following|preceding|leading\s+up\s+to|prior\s+to|that\s+followed))\b".to_string(),
        ),
        (
            Rule::Holiday,
            format!(
                r"(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<h>Christmas(?:\s+(?P<hw>Day|Eve))?|New\s+Year's\s+(?P<nw>Day|Eve)|Thanksgiving(?:\s+(?P<tw>Day))?|Election\s+Day|Easter(?:\s+(?P<ew>Sunday|Monday|Day))?)(?:,?\s+(?:of\s+)?{y})?\b"
            ),
        ),
        // A quarter of the year: "the first quarter of 2013", "fourth-quarter profit",
        // "the third fiscal quarter", "last quarter", "for the quarter" (`read` checks
        // the words around it).
        (
            Rule::Quarter,
            r"\b(?:(?P<the>[Tt]he\s+)?(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast)(?P<hy>-|\s+)(?:fiscal\s+)?quarter|(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+(?:previous|preceding|following|next|current|latest|same))\s+(?:fiscal\s+)?quarter|(?P<bare>the)\s+quarter)\b(?:\s+of\s+(?:(?:the\s+)?fiscal\s+(?:year\s+)?)?(?P<y>[12][0-9]{3})\b)?".to_string(),
        ),
    ];
    let rules = table
        .into_iter()
        .map(|(rule, pattern)| {
            // The patterns are constants of this file, compiled by every test run.
            let re = ascii(&pattern)
                .unwrap_or_else(|e| panic!("shipped date pattern {rule:?} compiles: {e}"));
            {
                let bound = triggers::solid_bound(&pattern, rule.anchor());
                let classes = if bound.is_some() { rule.classes() } else { 0 };
                let names = re.capture_names().map(|n| n.map(String::from)).collect();
                Compiled {
                    rule,
                    re,
                    names,
                    classes,
                    bound: bound.unwrap_or(triggers::Bound { before: 0, after: 0 }),
                }
            }
        })
        .collect();
    Patterns {
        rules,
        triggers: Triggers::new(),
        connector: ascii(&format!("^{CONNECTOR}$")).expect("the range connector pattern compiles"),
        era_lookback: ascii(&format!(
            r"\b(?:(?P<d>[1-9][0-9]{{0,2}})0s|(?P<n>[0-9]{{1,4}})(?P<ord>st|nd|rd|th)?)(?:\s+(?:century|centuries))?(?:{CONNECTOR}|\s+or\s+)$"
        ))
        .expect("the era look-back pattern compiles"),
        bad_after_year: ascii(
            // A count, a measure with its unit, or a numbered identifier ("1202 alarm").
            r"^(?:\s*(?:men|troops|soldiers|people|casualties|dead|killed|wounded|prisoners|ships|aircraft|planes|tanks|guns|km|kilometres|kilometers|mi|miles|metres|meters|m|ft|feet|foot|yd|yards|inches|cm|mm|kg|lb|lbs|pounds|ha|hectares|acres|sq|square|cubic|cc|hp|kW|MW|mph|km/h|kn|knots|tons|tonnes|strong|percent|per\s+cent|alarm|error|code)\b|\s*(?:%|°|m²|km²))",
        )
        .expect("the bad-after-year pattern compiles"),
        zone_gap: ascii(r"^ +(?:(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC) +)?$")
            .expect("the zone gap pattern compiles"),
        lead_adverb: ascii(r"\b(?P<w>[Ee]arl(?:y|ier)|[Ll]ater?)(?: +in)? +$")
            .expect("the lead adverb pattern compiles"),
    }
});

/// ASCII classes (`\s`, `\b`, case folding): the lazy DFA then handles non-ASCII text
/// too, and a date is written in ASCII anyway (the dashes are literals).
fn ascii(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).unicode(false).build()
}

/// Every temporal expression in `text`, in text order, non-overlapping.
pub(crate) fn find(text: &str) -> Vec<Mention> {
    find_with(text, true)
}

/// `windowed`: search each rule only around its triggers (same result, faster); false
/// runs every regex over the whole text (the reference the tests compare with).
fn find_with(text: &str, windowed: bool) -> Vec<Mention> {
    let p = &*PATTERNS;
    let trig = match (&p.triggers, windowed) {
        (Some(t), true) => {
            let solid = triggers::Solid::new(text);
            let found = t.scan(text, &solid);
            Some((solid, found))
        }
        _ => None,
    };
    // Trigger offsets per class, split once for all the rules.
    let by_class = trig.as_ref().map(|(_, found)| triggers::ByClass::new(found));
    let mut reader = Reader::new(p, windowed);
    let mut found: Vec<Candidate> = Vec::new();
    for (i, c) in p.rules.iter().enumerate() {
        let mut keep = |span: Span| {
            if span.is_empty() || !boundary_after(text, span.end) {
                return;
            }
            if matches!(c.rule, Rule::Set | Rule::Rate | Rule::BareUnits | Rule::AtNight) {
                // Its mention's span is a group ("a week" of "twice a week", "years" of
                // "for years"): read now.
                if let Some(m) = reader.read(i, text, span) {
                    found.push(Candidate::Read(Box::new(Mention { rule: i, ..m })));
                }
            } else {
                found.push(Candidate::Found { span, rule: i });
            }
        };
        match &trig {
            Some((solid, _)) if c.classes != 0 => {
                let offsets = by_class.as_ref().map(|b| b.offsets(c.classes)).unwrap_or_default();
                search_windows(
                    &c.re,
                    text,
                    &triggers::windows(text, solid, &offsets, c.bound),
                    &mut keep,
                )
            }
            // What `find_iter` does (no pattern matches the empty string).
            _ => search_windows(
                &c.re,
                text,
                &[triggers::Window { from: 0, last: text.len(), end: text.len() }],
                &mut keep,
            ),
        }
    }
    // Overlaps: by start, longer first, then rule order. A match is read (its groups
    // captured, its meaning checked) only if nothing kept overlaps it: most matches of
    // "1864" lie inside "14 April 1864" and are never read. The same as reading all
    // first, since a match that reads to nothing is skipped either way.
    found.sort_by(|a, b| {
        let (sa, sb) = (a.span(), b.span());
        sa.start.cmp(&sb.start).then(sb.len().cmp(&sa.len())).then(a.rule().cmp(&b.rule()))
    });
    // Room for the candidates that overlap no earlier one (what is kept when every read
    // succeeds), not for all of them: most candidates lie inside a kept one and a
    // `Mention` is many times a candidate, so `found.len()` was most of a long page's peak.
    let mut end = 0;
    let disjoint = found
        .iter()
        .filter(|c| {
            let span = c.span();
            let starts_after = span.start >= end;
            if starts_after {
                end = span.end;
            }
            starts_after
        })
        .count();
    let mut kept: Vec<Mention> = Vec::with_capacity(disjoint);
    for cand in found {
        if kept.last().is_some_and(|last| last.span.end > cand.span().start) {
            continue;
        }
        let m = match cand {
            Candidate::Read(m) => Some(*m),
            Candidate::Found { span, rule } => {
                reader.read(rule, text, span).map(|m| Mention { rule, ..m })
            }
        };
        if let Some(m) = m {
            split_day_pair(text, m, &mut kept);
        }
    }
    let kept = carry_era(text, kept, p);
    let mut kept = join_clock_weekday(text, merge_ranges(text, kept, p), p);
    lead_adverbs(text, &mut kept, p);
    later_years_in_sentence(text, &mut kept);
    kept
}

/// How far after a month or season a date stating its year is looked for, in bytes.
const SENTENCE_YEAR_REACH: usize = 200;

/// "launched their summer offensive against southern Russia in June 1942", "the Spring
/// Offensive of 1918": a month or season without a
/// year notes the year a later date of the same sentence states (`Point::sentence_year`),
/// which the narrative anchor prefers when it is a year from its own. The look-ahead
/// stops at a comma (a date after one is as often a look back or ahead: "the highest
/// since the reports had begun in 2005", "a withdrawal date sometime in late 2008"), a
/// sentence or clause end (". ", "!", "?", ";", a line break) and at
/// `SENTENCE_YEAR_REACH` bytes, so each mention looks at a bounded stretch.
fn later_years_in_sentence(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let wants = matches!(&mentions[i].expr, Expr::Point(p)
            if p.needs_year()
                && p.short_year.is_none()
                && p.year_shift.is_none()
                && p.rel.is_none()
                && (p.month.is_some() || p.season.is_some()));
        if !wants {
            continue;
        }
        let from = mentions[i].span.end;
        let mut gap_start = from;
        let mut found = None;
        for later in mentions.iter().skip(i + 1) {
            let start = later.span.start;
            if start.saturating_sub(from) > SENTENCE_YEAR_REACH {
                break;
            }
            let gap = text.get(gap_start..start).unwrap_or_default();
            let ends = gap.contains([',', '!', '?', ';', '\n'])
                || gap.contains(". ")
                || gap.ends_with('.');
            if ends {
                break;
            }
            if let Some(year) = later.stated_year() {
                found = Some((year, later.span));
                break;
            }
            gap_start = later.span.end.max(gap_start);
        }
        if let (Some(found), Expr::Point(p)) = (found, &mut mentions[i].expr) {
            p.sentence_year = Some(found);
        }
    }
}

/// "May 4 and 5", "7 and 8 June": two days of one month joined by "and" (without
/// "between") are two dates, as TimeML tags them, each with the month and the year stated
/// after the second; any other mention is pushed as it is.
fn split_day_pair(text: &str, m: Mention, kept: &mut Vec<Mention>) {
    if let (Expr::Range(a, b), Some((sa, sb))) = (&m.expr, m.ends) {
        let joined_by_and = text.get(sa.end..sb.start).is_some_and(|gap| gap.trim() == "and");
        if joined_by_and && sa.start == m.span.start && a.day.is_some() && b.day.is_some() {
            let first =
                Mention { span: sa, expr: Expr::Point(a.clone()), ends: None, rule: m.rule };
            let second =
                Mention { span: sb, expr: Expr::Point(b.clone()), ends: None, rule: m.rule };
            kept.push(first);
            kept.push(second);
            return;
        }
    }
    kept.push(m);
}

/// "9 a.m. Tuesday", "4 a.m. EDT Thursday": a clock time followed by a weekday (and a
/// time zone between them) is one expression, the weekday's date at that time (learned
/// on AQUAINT, where TimeML tags them as one).
fn join_clock_weekday(text: &str, mentions: Vec<Mention>, p: &Patterns) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let (Some(last), Expr::Weekday { day, time: None, rel: None }) =
            (out.last_mut(), &m.expr)
        {
            if let Expr::Point(Point {
                clock: Some((hour, minute)),
                month: None,
                day: None,
                year: None,
                ..
            }) = last.expr
            {
                if p.zone_gap.is_match(text.get(last.span.end..m.span.start).unwrap_or("x")) {
                    last.expr = Expr::Weekday {
                        day: *day,
                        time: Some(TimeOfDay::Clock { hour, minute }),
                        rel: None,
                    };
                    last.span = Span::new(last.span.start, m.span.end);
                    continue;
                }
            }
        }
        out.push(m);
    }
    out
}

/// "early in 1914", "Later in 1792", "early the next morning", "later that year",
/// "earlier that day", "early this week": an adverb placing a date within or after it
/// belongs to its extent in both TIMEX2 (WikiWars) and TimeML (AQUAINT); "early" and
/// "late" also give the mod. Only for a date without a modifier of its own and an
/// anaphoric or deictic period ("that year", "this week").
fn lead_adverbs(text: &str, mentions: &mut [Mention], p: &Patterns) {
    let mut previous_end = 0;
    for m in mentions.iter_mut() {
        let (start, end) = (m.span.start, m.span.end);
        let fits = match &m.expr {
            Expr::Point(pt) => pt.modifier.is_none() && pt.part.is_none() && pt.clock.is_none(),
            Expr::Shift { modifier: None, n, .. } => n.abs() <= 1,
            _ => false,
        };
        let from = ceil_char_boundary(text, start.saturating_sub(16)).max(previous_end);
        previous_end = end;
        let lead = if fits { text.get(from..start).unwrap_or("") } else { "" };
        let Some(word) = p.lead_adverb.captures(lead).and_then(|c| c.name("w")) else { continue };
        let added = start - (from + word.start());
        let modifier = match word.as_str().to_ascii_lowercase().as_str() {
            "early" => Some(TimexMod::Start),
            "late" => Some(TimexMod::End),
            _ => None,
        };
        match &mut m.expr {
            Expr::Point(pt) => {
                pt.modifier = modifier;
                pt.inner_start += added;
            }
            Expr::Shift { modifier: slot, .. } => *slot = modifier,
            _ => {}
        }
        m.span = Span::new(start - added, end);
    }
}

/// TimeML draws some extents tighter than TIMEX2 (learned on TempEval-3 AQUAINT): the
/// determiner of "the 1960s", "the early 1990s", "the past 20 years" and the
/// approximator of "about five hours", "just a decade ago" are left out (the latter's
/// meaning stays in `mod`). WikiWars (TIMEX2) keeps both.
pub(crate) fn timeml_extent(text: &str, m: &mut Mention) {
    let s = m.span.slice(text);
    let mut cut = 0;
    if let Some(rest) = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")) {
        // A year or decade ("the 1960s"), not an ordinal ("the 5th of May", "the 1st
        // century"); a modified one ("the early 1990s", "the late-November"), not a part
        // of day ("the early hours of"); a span of units ("the past 20 years").
        let number = |r: &str| {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && !matches!(r.get(digits..digits + 2), Some("st" | "nd" | "rd" | "th"))
        };
        let (word, after) = rest.split_once([' ', '-']).unwrap_or((rest, ""));
        let modified = matches!(word, "early" | "late" | "mid")
            && (number(after) || after.starts_with(|c: char| c.is_ascii_uppercase()));
        // "the last quarter" is the year's fourth, with its article.
        let quarter = matches!(&m.expr, Expr::Point(p) if p.quarter.is_some());
        // "the day after his death": a unit before the phrase of its event (`event_follows`)
        // is marked without its article ("day").
        let before_event = matches!(&m.expr, Expr::Shift { deictic: false, .. })
            && after.is_empty()
            && unit_word(word).is_some()
            && text.get(m.span.end..).is_some_and(|r| {
                r.starts_with(" before ")
                    || r.starts_with(" after ")
                    || r.starts_with(" following ")
            });
        if number(rest)
            || modified
            || before_event
            || (matches!(word, "past" | "last" | "coming") && !quarter)
        {
            cut = 4;
        }
    }
    // "said earlier this week": TimeML (AQUAINT, four of five) leaves the comparative
    // out before a period around the document date; "early this week" it keeps, as a mod.
    let head = s.get(..13.min(s.len())).unwrap_or("");
    if head.eq_ignore_ascii_case("earlier this ") {
        cut = "earlier ".len();
    }
    // TimeML leaves out an approximator ("about five hours", "nearly five months") but
    // keeps a bound, which its mod states ("more than four decades ago", "less than a
    // decade", "over an hour", "at least 72 hours"); before "ago" or "later" (a date,
    // not a length) it keeps the approximator too ("almost four years ago"), though not
    // "just" ("just a decade ago"), which only stresses the date.
    let (is_duration, is_shift) = match &m.expr {
        Expr::Duration { modifier: Some(_), .. } => (true, false),
        Expr::Shift { modifier: Some(_), .. } => (false, true),
        _ => (false, false),
    };
    if is_duration || is_shift {
        const APPROXIMATORS: &[&str] =
            &["about ", "around ", "nearly ", "almost ", "approximately ", "some ", "roughly "];
        let lower = s.get(..16.min(s.len())).unwrap_or("").to_ascii_lowercase();
        // "over" is a bound after a preposition or "just" ("for over sixty years", "just
        // over an hour"), else a preposition itself ("tons of fish over five centuries"):
        // then it is left out, and the length is not a lower bound.
        let over_is_preposition = lower.starts_with("over ")
            && !matches!(
                word_before(text, m.span.start).as_str(),
                "for" | "just" | "well" | "slightly" | "after" | "in" | "within" | "of" | "than"
            );
        if lower.starts_with("just ") {
            cut = "just ".len();
        } else if over_is_preposition {
            cut = "over ".len();
            if let Expr::Duration { modifier, .. } = &mut m.expr {
                *modifier = None;
            }
        } else if let Some(a) = APPROXIMATORS.iter().find(|a| is_duration && lower.starts_with(*a))
        {
            cut = a.len();
        }
    }
    if cut == 0 || cut >= m.span.len() {
        return;
    }
    let start = m.span.start + cut;
    if let Some((a, b)) = m.ends {
        if a.start < start {
            m.ends = Some((Span::new(start.min(a.end), a.end), b));
        }
    }
    if let Expr::Point(p) = &mut m.expr {
        p.inner_start = p.inner_start.saturating_sub(cut);
    }
    m.span = Span::new(start, m.span.end);
}

/// TIMEX2 (WikiWars) draws a duration over the "of" phrase that follows it ("two months
/// of fierce battles", "26 years of age", "the first three years of the war"). The phrase
/// is taken when it ends at punctuation within six words, before any word that opens a
/// new clause or adjunct (a preposition, a conjunction, an auxiliary), and holds no
/// other temporal expression ("the last two weeks of February 1951" stays two).
pub(crate) fn timex2_extents(text: &str, mentions: &mut [Mention]) {
    const STOP: &[&str] = &[
        "in", "on", "at", "since", "until", "till", "when", "while", "before", "after", "during",
        "from", "to", "by", "for", "with", "against", "into", "which", "that", "who", "was",
        "were", "is", "are", "had", "has", "have", "would", "could", "will", "as", "but", "than",
        "then", "of",
    ];
    for i in 0..mentions.len() {
        let next_start = mentions.get(i + 1).map_or(text.len(), |n| n.span.start);
        let Some(m) = mentions.get_mut(i) else { continue };
        if !matches!(m.expr, Expr::Duration { .. }) {
            continue;
        }
        let Some(rest) = text.get(m.span.end..next_start) else { continue };
        let Some(phrase) = rest.strip_prefix(" of ") else { continue };
        let mut at = m.span.end + " of ".len();
        let mut end = None;
        for (n, word) in phrase.split(' ').enumerate() {
            let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
            if n >= 6 || word.is_empty() || word.contains('\n') || STOP.contains(&bare) {
                break;
            }
            if bare.len() < word.len() {
                end = (!bare.is_empty()).then_some(at + bare.len());
                break;
            }
            at += word.len() + 1;
        }
        if let Some(end) = end {
            m.span = Span::new(m.span.start, end);
        }
    }
}

/// A match before reading: its span only, or already read (`Rule::Set`, `Rule::Rate`,
/// `Rule::BareUnits`; boxed, so
/// that sorting moves small values).
enum Candidate {
    Found { span: Span, rule: usize },
    Read(Box<Mention>),
}

impl Candidate {
    fn span(&self) -> Span {
        match self {
            Candidate::Found { span, .. } => *span,
            Candidate::Read(m) => m.span,
        }
    }

    fn rule(&self) -> usize {
        match self {
            Candidate::Found { rule, .. } => *rule,
            Candidate::Read(m) => m.rule,
        }
    }
}

/// Reads matches (found by `search_windows`) into mentions: their capture groups, then
/// their meaning (`read`).
///
/// Capturing groups is the costly part of a read (the regex crate's bounded backtracker
/// over a large pattern, ~3,000-6,000 instructions), and most matches repeat, within a
/// page and across pages: the same year, "the 19th century", "two years". So the groups
/// of a match are remembered, relative to its start, keyed by the rule, the matched text
/// and whether a word byte stands on each side. That is all they depend on: the match
/// `start..end` is the highest-priority path of the pattern from `start`; every path of
/// higher priority fails, the same way in any text where the same rule matches the same
/// `start..end` (one that went on past `end` and succeeded would have made a longer
/// match), and a path inside the match reads only its bytes and the `\b` tests at its two
/// ends, which see one byte outside it each (ASCII `\b`: word byte or not). Same text,
/// same sides: same path, same groups. This holds because `\b` (built with
/// `unicode(false)`) is the only assertion the rules' patterns use (the context checks'
/// anchored patterns are not read here): a rule with `^`, `$` or a Unicode word boundary
/// would need more of its context in the key. The memo is per thread (`READ_MEMO`), so pages
/// tagged on one thread share it; it is emptied when it reaches `READ_MEMO_ENTRIES`.
struct Reader<'p> {
    p: &'p Patterns,
    /// Capture slots per rule, reused across searches.
    locs: Vec<CaptureLocations>,
    /// Whether to use the memo (off: the reference path of the tests reads every match
    /// afresh).
    memo: bool,
    /// The current match's key (`memo_key`).
    key: Vec<u8>,
    /// The current match's groups as text offsets.
    groups: Vec<Option<(usize, usize)>>,
}

/// Each group's (start, end) relative to the match start, by index.
type RelativeGroups = Box<[Option<(usize, usize)>]>;

/// Most matches remembered per thread (~250 bytes each): a page rarely has more
/// distinct matches, and the common ones come back after the memo is emptied.
const READ_MEMO_ENTRIES: usize = 8192;

thread_local! {
    /// Groups of matches read before on this thread, by `memo_key`.
    static READ_MEMO: RefCell<FxHashMap<Box<[u8]>, RelativeGroups>> =
        RefCell::new(FxHashMap::default());
}

/// What the groups of a match depend on, as one byte string: the rule (four bytes),
/// whether a word byte stands before and after it (one byte), and the matched text.
fn memo_key(key: &mut Vec<u8>, rule: usize, text: &str, span: Span) -> Option<()> {
    let bytes = text.as_bytes();
    let word_at =
        |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(triggers::is_word_byte);
    let sides =
        u8::from(word_at(span.start.checked_sub(1))) | u8::from(word_at(Some(span.end))) << 1;
    key.clear();
    key.extend_from_slice(&u32::try_from(rule).ok()?.to_le_bytes());
    key.push(sides);
    key.extend_from_slice(bytes.get(span.start..span.end)?);
    Some(())
}

impl<'p> Reader<'p> {
    fn new(p: &'p Patterns, memo: bool) -> Reader<'p> {
        Reader {
            p,
            locs: p.rules.iter().map(|c| c.re.capture_locations()).collect(),
            memo,
            key: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Reads the match of rule `rule` at `span`.
    fn read(&mut self, rule: usize, text: &str, span: Span) -> Option<Mention> {
        let c = self.p.rules.get(rule)?;
        self.groups.clear();
        let keyed = self.memo && memo_key(&mut self.key, rule, text, span).is_some();
        let remembered = keyed
            && READ_MEMO.with_borrow(|memo| {
                let Some(relative) = memo.get(self.key.as_slice()) else { return false };
                self.groups.extend(
                    relative.iter().map(|g| g.map(|(a, b)| (span.start + a, span.start + b))),
                );
                true
            });
        if !remembered {
            let locs = self.locs.get_mut(rule)?;
            // The leftmost match from `start` is the one found there.
            c.re.captures_read_at(locs, text, span.start)?;
            self.groups.extend((0..locs.len()).map(|i| locs.get(i)));
            if keyed {
                let relative = self
                    .groups
                    .iter()
                    .map(|g| {
                        g.map(|(a, b)| (a.saturating_sub(span.start), b.saturating_sub(span.start)))
                    })
                    .collect();
                READ_MEMO.with_borrow_mut(|memo| {
                    if memo.len() >= READ_MEMO_ENTRIES {
                        memo.clear();
                    }
                    memo.insert(Box::from(self.key.as_slice()), relative);
                });
            }
        }
        read(c.rule, &Captures { text, groups: &self.groups, names: &c.names }, text, self.p)
    }
}

/// The matches `re.find_iter(text)` gives, searching only the windows.
///
/// Why it is the same: `find_iter` finds the leftmost match starting at or after the
/// previous match's end (`pos`). Every match contains a trigger and at most `bound`
/// solid bytes, so one starting in `pos..` either contains a trigger of the current
/// window, and then starts at or after `window.from`, or a later one, and then starts
/// after `window.last`. A match starting at or before `window.last` ends (with the byte
/// `\b` looks at) before `window.end`, so cutting the haystack there changes neither
/// which match is leftmost nor which alternative wins; a match found after `last` is
/// left to the next window.
fn search_windows(
    re: &Regex,
    text: &str,
    windows: &[triggers::Window],
    keep: &mut impl FnMut(Span),
) {
    let mut pos = 0;
    for w in windows {
        let Some(hay) = text.get(..w.end) else { continue };
        let mut at = pos.max(w.from);
        while at <= w.last {
            let Some(whole) = re.find_at(hay, at) else { break };
            if whole.start() > w.last {
                break;
            }
            keep(Span::new(whole.start(), whole.end()));
            // No pattern matches the empty string; step on anyway rather than loop.
            pos = whole.end().max(at + 1);
            at = pos;
        }
    }
}

/// A match's groups, read from capture slots reused across searches.
struct Captures<'a> {
    text: &'a str,
    /// Each group's (start, end) in `text`, by index.
    groups: &'a [Option<(usize, usize)>],
    names: &'a [Option<String>],
}

/// One group of a match (the part of `regex::Match` that `read` uses).
#[derive(Clone, Copy)]
struct Group<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Group<'a> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'a str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

impl<'a> Captures<'a> {
    fn get(&self, i: usize) -> Option<Group<'a>> {
        let (start, end) = self.groups.get(i).copied().flatten()?;
        Some(Group { text: self.text, start, end })
    }

    fn name(&self, name: &str) -> Option<Group<'a>> {
        let i = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(i)
    }
}

/// The match must not stop inside a word or a number ("18650", "1865th").
fn boundary_after(text: &str, end: usize) -> bool {
    match text.get(end..).and_then(|rest| rest.chars().next()) {
        Some(c) => !c.is_ascii_alphanumeric(),
        None => true,
    }
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

/// The day of "13", "13th" or "the 13th".
fn day_number(s: &str) -> Option<u32> {
    let s = s.rsplit(|c: char| c.is_ascii_whitespace()).next().unwrap_or(s);
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
}

/// A year with its era: "490 BC" is -490.
fn year_number(s: &str) -> Option<i32> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let n: i32 = digits.parse().ok()?;
    if s.contains('B') {
        Some(-n)
    } else {
        Some(n)
    }
}

/// English number words "zero" to "nineteen", at their values.
pub(crate) const NUMBER_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The tens "twenty" to "ninety", from 20 up.
pub(crate) const NUMBER_TENS: [&str; 8] =
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The value of one English number word: "zero" to "nineteen", and the tens "twenty" to
/// "ninety". The one list of number words: the date rules and the infobox checks read it.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    if let Some(i) = NUMBER_UNITS.iter().position(|x| *x == w) {
        return Some(i as u32);
    }
    NUMBER_TENS.iter().position(|x| *x == w).map(|i| (i as u32 + 2) * 10)
}

/// English number words and digits; `None` inside `Some` is a vague amount ("several").
pub(crate) fn number(s: &str) -> Option<Option<f64>> {
    let w = s.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(x) = w.parse::<f64>() {
        return Some(Some(x));
    }
    let unit = |w: &str| number_word(w).map(f64::from);
    match w.as_str() {
        "a" | "an" => return Some(Some(1.0)),
        "hundred" | "a hundred" => return Some(Some(100.0)),
        "a few" | "few" | "several" | "many" | "a couple of" | "a number of" => return Some(None),
        _ => {}
    }
    if let Some((t, u)) = w.split_once('-') {
        return Some(Some(unit(t)? + unit(u)?));
    }
    unit(&w).map(Some)
}

/// Part of day and modifier from the prefix phrase.
fn prefix_meaning(caps: &Captures) -> (Option<PartOfDay>, Option<TimexMod>, usize) {
    let start = caps.get(0).map_or(0, |m| m.start());
    if let Some(p) = caps.name("part") {
        let t = p.as_str().to_ascii_lowercase();
        let part = if t.contains("afternoon") {
            PartOfDay::Afternoon
        } else if t.contains("evening") {
            PartOfDay::Evening
        } else if t.contains("night") {
            PartOfDay::Night
        } else {
            PartOfDay::Morning
        };
        return (Some(part), None, p.end() - start);
    }
    if let Some(p) = caps.name("pre") {
        return (None, modifier_of(p.as_str()), p.end() - start);
    }
    (None, None, 0)
}

fn modifier_of(phrase: &str) -> Option<TimexMod> {
    let t = phrase.to_ascii_lowercase();
    if t.contains("mid") {
        Some(TimexMod::Mid)
    } else if t.contains("early")
        || t.contains("beginning")
        || t.contains("start")
        || t.contains("first")
    {
        Some(TimexMod::Start)
    } else if t.contains("late")
        || t.contains("end")
        || t.contains("close")
        || t.contains("last")
        || t.contains("second half")
        || t.contains("latter half")
    {
        Some(TimexMod::End)
    } else {
        None
    }
}

/// True when the first character after `at` that is not a space or a comma, within
/// `within` characters, is a digit ("April 12", "May, 1916"): a bounded look-ahead.
fn digit_follows(text: &str, at: usize, within: usize) -> bool {
    text.get(at..)
        .unwrap_or("")
        .chars()
        .take(within)
        .find(|c| !matches!(c, ' ' | ','))
        .is_some_and(|c| c.is_ascii_digit())
}

/// True when a range connector and a month name follow byte `end` ("May–August 1950",
/// "(March-June)", "May to August"): the first month of a range of months, not the verb
/// or a name. A bounded look-ahead: one connector, one word.
fn month_range_follows(text: &str, end: usize) -> bool {
    const CONNECTORS: [&str; 7] = ["–", "—", "-", " – ", " — ", " to ", " through "];
    let rest = text.get(end..).unwrap_or("");
    let Some(rest) = CONNECTORS.iter().find_map(|c| rest.strip_prefix(c)) else {
        return false;
    };
    super::MONTH_NAMES.iter().any(|month| {
        rest.strip_prefix(month)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// "last" (-1), "this" (0), "next" (+1) before a month or weekday name; "the previous"
/// (-1) and "the following" (+1) before a month ("the previous April").
fn relative_word(word: Option<&str>) -> Option<i8> {
    let word = word?.trim().to_ascii_lowercase();
    let word = word.strip_prefix("the").map_or(word.as_str(), str::trim_start);
    match word {
        "last" | "previous" | "preceding" => Some(-1),
        "this" => Some(0),
        "next" | "following" => Some(1),
        _ => None,
    }
}

/// "February this year", "April next year", "May last year": a month or day followed by
/// a deictic year takes that year (its shift from the current one). A bounded look-ahead
/// of one phrase; the deictic year stays a mention of its own.
fn deictic_year_after(text: &str, end: usize) -> Option<i64> {
    const DEICTIC: [(&str, i64); 3] = [(" this year", 0), (" next year", 1), (" last year", -1)];
    let rest = text.get(end..)?;
    DEICTIC.iter().find_map(|(phrase, shift)| {
        let after = rest.strip_prefix(phrase)?;
        (!after.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(*shift)
    })
}

/// Sets the year shift of a month or day without a year from a deictic year after it.
fn with_deictic_year(mut pt: Point, text: &str, end: usize) -> Point {
    if pt.year.is_none() && pt.year_shift.is_none() && pt.rel.is_none() {
        if let Some(shift) = deictic_year_after(text, end) {
            pt.year_shift = Some(shift);
            pt.deictic_year = true;
        }
    }
    pt
}

fn that_year_shift(caps: &Captures) -> Option<i64> {
    let t = caps.name("that")?.as_str();
    Some(if t.contains("following") || t.contains("next") {
        1
    } else if t.contains("previous") || t.contains("preceding") {
        -1
    } else {
        0
    })
}

fn unit_word(word: &str) -> Option<Unit> {
    match word.to_ascii_lowercase().as_str() {
        "morning" | "afternoon" | "evening" | "night" => Some(Unit::Day),
        w => Unit::from_word(w),
    }
}

fn part_of_day(word: &str) -> Option<PartOfDay> {
    match word.to_ascii_lowercase().as_str() {
        "morning" => Some(PartOfDay::Morning),
        "afternoon" => Some(PartOfDay::Afternoon),
        "evening" => Some(PartOfDay::Evening),
        "night" | "night-time" | "nighttime" => Some(PartOfDay::Night),
        "daytime" => Some(PartOfDay::Daytime),
        _ => None,
    }
}

fn season_code(word: &str) -> Option<Season> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "autumn" | "fall" => Some(Season::Fall),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

/// The calendar pattern of "every day" (`XXXX-XX-XX`), "weekly" (`XXXX-WXX`),
/// "every month" (`XXXX-XX`), "annually" (`XXXX`), "nightly" (`XXXX-XX-XXTNI`): how
/// TIMEX2 writes the recurrence of one calendar unit.
fn calendar_pattern(unit: Unit, part: Option<PartOfDay>) -> Option<CalendarDate> {
    let part_of_year = match unit {
        Unit::Day => YearPart::Day(None, None),
        Unit::Week => YearPart::Week(None),
        Unit::Month => YearPart::Month(None),
        Unit::Year => YearPart::Whole,
        _ => return None,
    };
    Some(CalendarDate::unknown_year(part_of_year).at(part.map(TimeOfDay::Part)))
}

/// The longest word [`word_before`] reads: every caller compares it with a short function
/// word ("throughout" is the longest). A longer run of letters (a text without spaces:
/// Japanese, Chinese) is no such word, and reading it whole for each date in it made the
/// tagger quadratic in the run.
const MAX_WORD_BEFORE: usize = 32;

/// The previous word before byte `at`, lowercased; empty when it is longer than
/// [`MAX_WORD_BEFORE`] bytes.
fn word_before(text: &str, at: usize) -> String {
    let head = text.get(..at).unwrap_or("").trim_end();
    let from = floor_char_boundary(head, head.len().saturating_sub(MAX_WORD_BEFORE));
    match head[from..].rfind(|c: char| !c.is_alphanumeric()) {
        // As before the bound: a multi-byte character before the word gives "" (its
        // `i + 1` is no char boundary), which no caller's word equals.
        Some(i) => head.get(from + i + 1..).unwrap_or("").to_lowercase(),
        None if from == 0 => head.to_lowercase(),
        None => String::new(),
    }
}

/// Words that open no noun phrase of their own: articles, pronouns, auxiliaries,
/// prepositions, conjunctions.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "may", "might", "more",
    "must", "not", "of", "on", "or", "our", "over", "she", "should", "since", "so", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "under", "until", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "will", "with", "would", "you",
];

/// True when a word that can head a noun phrase follows byte `end` after one space:
/// "future [kings]", "present-day [Berlin]"; not a function word ("the future [of]",
/// "in future [he]") nor punctuation ("the near future.").
fn noun_follows(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else { return false };
    let word: String =
        rest.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    !word.is_empty() && !FUNCTION_WORDS.contains(&word.as_str())
}

/// True when `next` (the text after a bare season word) opens a lower-case noun the
/// season modifies ("winter quarters", "summer temperatures", "winter food supplies"):
/// not a function word, not a verb of which the season is the subject ("winter came",
/// "summer ended"), and not a military operation, which is named for the season it
/// was fought in ("the summer offensive" of 1942).
fn season_modifies_noun(next: &str) -> bool {
    const VERBS: &[&str] = &[
        "began", "brought", "came", "comes", "fell", "gave", "saw", "set", "sets", "turned", "went",
    ];
    let word: &str =
        next.split(|c: char| !c.is_ascii_alphabetic() && c != '-').next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && !lower.ends_with("ed")
        && !VERBS.contains(&lower.as_str())
        && !OPERATION_NOUNS.iter().any(|noun| noun.eq_ignore_ascii_case(&lower))
        && !FUNCTION_WORDS.contains(&lower.as_str())
}

/// A year-less season word is a time only as a noun: not in verb position ("they
/// spring up", "troops would winter there"). "spring" is also a water source or a coil
/// ("hot spring water"), so it counts only after a determiner, preposition or time
/// modifier ("in spring", "the following spring", "early spring") or heading a sentence.
fn season_as_noun(text: &str, at: usize, end: usize) -> bool {
    const BEFORE: &[&str] = &[
        "a",
        "after",
        "all",
        "and",
        "at",
        "before",
        "by",
        "coming",
        "during",
        "each",
        "early",
        "entire",
        "every",
        "following",
        "for",
        "from",
        "in",
        "into",
        "last",
        "late",
        "mid",
        "next",
        "of",
        "one",
        "or",
        "over",
        "past",
        "previous",
        "same",
        "since",
        "that",
        "the",
        "this",
        "through",
        "throughout",
        "till",
        "to",
        "until",
        "whole",
    ];
    const PARTICLES: &[&str] = &["up", "back", "from", "into", "out", "forth", "open", "apart"];
    let next: String = text
        .get(end..)
        .and_then(|r| r.strip_prefix(' '))
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    const SUBJECTS: &[&str] = &[
        "i", "we", "you", "he", "she", "it", "they", "who", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "did", "does", "do",
    ];
    let before = word_before(text, at);
    if PARTICLES.contains(&next.as_str()) || SUBJECTS.contains(&before.as_str()) {
        return false;
    }
    let spring = text
        .get(at..end)
        .is_some_and(|w| w.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("spring")));
    !spring || sentence_start(text, at) || BEFORE.contains(&before.as_str())
}

/// True when the text before a number ends inside an identifier ("Windows-1252",
/// "MiG-1300"): letters joined to it by a hyphen, other than a time word ("mid-1865",
/// "pre-1900", "summer-1916").
fn in_identifier(before: &str) -> bool {
    let Some(head) = before.strip_suffix('-') else { return false };
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    const TIME_WORDS: &[&str] = &[
        "mid", "pre", "post", "early", "late", "circa", "c", "ca", "since", "until", "spring",
        "summer", "autumn", "fall", "winter", "end", "start", "ad", "anno",
    ];
    !word.is_empty() && !TIME_WORDS.contains(&word.as_str())
}

/// True when the word after `end` (same line, at most one space before it) opens a
/// phrase naming an event or a clause: a determiner, a possessive or subject pronoun,
/// or a capitalized word that is no month, weekday or holiday ("the day after the
/// battle", "the day before Obama's speech", "the day after he died"); not punctuation,
/// a verb ("the day following saw the surrender") or a date ("the day before last
/// Tuesday", "the day after Christmas"), which leave "the day before" whole. Reads at
/// most one word (a bound of 24 bytes).
fn event_follows(text: &str, end: usize) -> bool {
    const OPENERS: &[&str] = &[
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "he", "she", "they",
        "we", "i",
    ];
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else { return false };
    let word: String = rest
        .chars()
        .take(24)
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    // A month (by its first three letters, so also "Marshal": left whole, as before),
    // a weekday or "today", a holiday.
    let names_a_date = month_number(&word).is_some()
        || word.ends_with("day")
        || matches!(word.as_str(), "christmas" | "easter" | "thanksgiving" | "new" | "election");
    if word.is_empty() || names_a_date {
        return false;
    }
    OPENERS.contains(&word.as_str()) || rest.starts_with(|c: char| c.is_ascii_uppercase())
}

/// True when a date or weekday ends right before `start`, across a comma or a dash
/// ("2 October 1950, the day after", "Nov. 3 - the day before", "on Friday, the day
/// after"): what follows is in apposition to it. Looks back at most 12 bytes.
fn date_before_apposition(text: &str, start: usize) -> bool {
    let from = ceil_char_boundary(text, start.saturating_sub(12));
    let head = text.get(from..start).unwrap_or("").trim_end_matches(' ');
    let Some(head) = head.strip_suffix([',', '-']).or_else(|| head.strip_suffix(['–', '—']))
    else {
        return false;
    };
    let head = head.trim_end_matches(' ');
    head.ends_with(|c: char| c.is_ascii_digit()) || head.ends_with("day")
}

/// True at the start of a sentence or line (for capitalized words that may be names).
fn sentence_start(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or("").trim_end_matches([' ', '\t']);
    head.is_empty() || head.ends_with(['.', '\n', '!', '?', '"', ':'])
}

fn read(rule: Rule, caps: &Captures, text: &str, p: &Patterns) -> Option<Mention> {
    let whole = caps.get(0)?;
    let span = Span::new(whole.start(), whole.end());
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let (part, modifier, inner_start) = prefix_meaning(caps);
    let point = Point { part, modifier, inner_start, ..Point::default() };
    let mention = |expr: Expr| Some(Mention { span, expr, ends: None, rule: 0 });
    match rule {
        Rule::Iso => {
            let pt = Point {
                year: year_number(get("y")?),
                month: month_number_digits(get("m")?),
                day: day_number(get("d")?),
                ..point
            };
            mention(Expr::Point(pt))
        }
        Rule::DayRange | Rule::MonthDayRange => {
            let conn = get("conn")?;
            let from = get("from").unwrap_or("");
            // "between 4 and 5 May" is a range; "May 4 and 5" two days (split by
            // `split_day_pair`), "from 4 and 5 May" neither.
            if conn.trim() == "and"
                && !from.is_empty()
                && !from.to_ascii_lowercase().starts_with("between")
            {
                return None;
            }
            let month = month_number(get("m")?);
            let year = match get("y") {
                Some(y) => year_number(y),
                None => None,
            };
            let a = Point { year, month, day: day_number(get("d1")?), ..Point::default() };
            let b = Point { year, month, day: day_number(get("d2")?), ..Point::default() };
            let (d1, d2, m) = (caps.name("d1")?, caps.name("d2")?, caps.name("m")?);
            let ends = if rule == Rule::DayRange {
                (Span::new(d1.start(), d1.end()), Span::new(d2.start(), span.end))
            } else {
                (Span::new(m.start(), d1.end()), Span::new(d2.start(), span.end))
            };
            Some(Mention { span, expr: Expr::Range(a, b), ends: Some(ends), rule: 0 })
        }
        Rule::ShortYearRange => {
            let y1 = year_number(get("y")?)?;
            let short: i32 = get("y2")?.parse().ok()?;
            let y2 = y1 - y1 % 100 + short;
            if y2 <= y1 {
                return None;
            }
            let (a, b) = (caps.name("y")?, caps.name("y2")?);
            let ends = (Span::new(a.start(), a.end()), Span::new(b.start(), b.end()));
            let pa = Point { year: Some(y1), ..Point::default() };
            let pb = Point { year: Some(y2), short_year: Some(short), ..Point::default() };
            Some(Mention { span, expr: Expr::Range(pa, pb), ends: Some(ends), rule: 0 })
        }
        Rule::DayMonth | Rule::MonthDay => {
            let pt = Point {
                year: get("y").and_then(year_number),
                year_shift: that_year_shift(caps),
                month: month_number(get("m")?),
                day: day_number(get("d")?),
                ..point
            };
            mention(Expr::Point(with_deictic_year(pt, text, span.end)))
        }
        Rule::MonthYear => {
            let pt =
                Point { year: year_number(get("y")?), month: month_number(get("m")?), ..point };
            mention(Expr::Point(pt))
        }
        Rule::Month => {
            let m = get("m")?;
            let has_prefix = caps.name("pre").is_some()
                || caps.name("part").is_some()
                || caps.name("rel").is_some();
            // "the following April 12": the day and its month are read by `MonthDay`,
            // which starts later and is tried once this reads to nothing.
            let anaphoric = get("rel")
                .is_some_and(|r| r.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("the")));
            let number_follows = digit_follows(text, span.end, 4);
            if anaphoric && number_follows {
                return None;
            }
            if !has_prefix && caps.name("that").is_none() {
                // "May" the verb, "August von Mackensen" the name: a bare month needs a
                // preposition before it and no capitalized name after it. After a
                // preposition that only a time follows, a capital starts the clause
                // ("In July Danish troops left", "by March Greene's army had grown").
                let before = word_before(text, span.start);
                let after_time_preposition = TIME_PREPOSITIONS.contains(&before.as_str());
                let next = text.get(span.end..).unwrap_or("").trim_start_matches(' ');
                if next.starts_with(|c: char| c.is_ascii_uppercase())
                    && !text.get(span.end..).unwrap_or("").starts_with('\n')
                    && !after_time_preposition
                {
                    return None;
                }
                if m == "May" || m == "March" || m == "August" {
                    let preps = [
                        "in", "of", "by", "until", "since", "from", "to", "during", "before",
                        "after", "through", "till", "and", "or", "early", "late", "mid", "between",
                    ];
                    // An article then the month before a noun it dates: "a March offensive",
                    // "the May elections" (not "the March on Rome", "the May of ...").
                    let dates_a_noun = ["a", "the"].contains(&before.as_str())
                        && next.starts_with(|c: char| c.is_ascii_lowercase())
                        && noun_follows(text, span.end);
                    if !preps.contains(&before.as_str())
                        && !dates_a_noun
                        && !month_range_follows(text, span.end)
                    {
                        return None;
                    }
                }
            }
            let pt = Point {
                month: month_number(m),
                year_shift: that_year_shift(caps),
                rel: relative_word(get("rel")),
                ..point
            };
            mention(Expr::Point(with_deictic_year(pt, text, span.end)))
        }
        Rule::Season => {
            let s = get("s")?;
            let has_year = caps.name("y").is_some() || caps.name("that").is_some();
            let rel = relative_word(get("rel"));
            let capital = s.starts_with(|c: char| c.is_ascii_uppercase());
            let at = caps.name("s")?.start();
            let next = text.get(span.end..).unwrap_or("").strip_prefix(' ').unwrap_or("");
            let next_capital = next.starts_with(|c: char| c.is_ascii_uppercase());
            // "the Spring Offensive": the season of an operation, not a name's word.
            let names_operation = capital
                && OPERATION_NOUNS.iter().any(|noun| {
                    next.strip_prefix(noun)
                        .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()))
                });
            // A capitalized season inside a sentence is a name's word ("the Winter
            // Palace") unless a time preposition governs it ("in Spring.").
            let after_time_preposition =
                TIME_PREPOSITIONS.contains(&word_before(text, at).as_str());
            if !has_year
                && rel.is_none()
                && !names_operation
                && (s.eq_ignore_ascii_case("fall")
                    || next_capital
                    || (capital && !sentence_start(text, at) && !after_time_preposition)
                    || !season_as_noun(text, at, span.end))
            {
                return None;
            }
            if names_operation && !has_year && rel.is_none() {
                // The article and any modifier are the operation's ("the Spring
                // Offensive"): the extent is the season word alone, as TIMEX2 draws it.
                let pt = Point { season: season_code(s), ..Point::default() };
                let expr = Expr::Point(pt);
                return Some(Mention { span: Span::new(at, span.end), expr, ends: None, rule: 0 });
            }
            if !has_year && rel.is_none() && span.start == at && season_modifies_noun(next) {
                // "winter quarters", "summer temperatures": the kind of season, any
                // year's, as TIMEX2 values it (`XXXX-WI`); not a season of the narrative.
                let date = CalendarDate::unknown_year(YearPart::Season(season_code(s)?));
                return mention(Expr::Generic(date));
            }
            let pt = Point {
                year: get("y").and_then(year_number),
                year_shift: that_year_shift(caps),
                season: season_code(s),
                rel,
                ..point
            };
            mention(Expr::Point(pt))
        }
        Rule::Decade => {
            let dec: i32 = get("dec")?.parse().ok()?;
            if dec < 100 && caps.name("era").is_none() {
                return None;
            }
            let pt =
                Point { decade: Some((dec.unsigned_abs(), caps.name("era").is_some())), ..point };
            mention(Expr::Point(pt))
        }
        Rule::Century => {
            let c = get("c")?;
            let n: i32 = match c.trim_end_matches(|ch: char| ch.is_ascii_alphabetic()).parse() {
                Ok(n) => n,
                Err(_) => ordinal_word(c)?,
            };
            let bc = get("era").is_some_and(|e| e.starts_with('B'));
            let pt = Point { century: Some(((n - 1).unsigned_abs(), bc)), ..point };
            mention(Expr::Point(pt))
        }
        Rule::ApostropheYear => {
            // The apostrophe opens a word: not a closing quote or the second of two ("''60
            // Minutes''", wiki italics), not feet and inches (5'11"); and no count or
            // measure follows ("'45 men").
            let before = text.get(..span.start).and_then(|t| t.chars().next_back());
            if !matches!(before, None | Some(' ' | '\n' | '\t' | '('))
                || p.bad_after_year.is_match(text.get(span.end..).unwrap_or(""))
            {
                return None;
            }
            let two: i32 = get("y")?.parse().ok()?;
            mention(Expr::Point(Point { short_year: Some(two), ..Point::default() }))
        }
        Rule::Year => {
            let y = get("y")?;
            let has_era = y.contains(|c: char| c.is_ascii_alphabetic());
            if !has_era {
                let before = text.get(..span.start).unwrap_or("");
                if before.ends_with(['$', '£', '€', '#'])
                    || before.ends_with("No. ")
                    || before.ends_with(',')
                    || word_before(text, span.start) == "per"
                    || in_identifier(before)
                {
                    return None;
                }
                if p.bad_after_year.is_match(text.get(span.end..).unwrap_or("")) {
                    return None;
                }
                let after = text.get(span.end..).unwrap_or("");
                if after.starts_with(',')
                    && after.get(1..2).is_some_and(|c| c.starts_with(|c: char| c.is_ascii_digit()))
                {
                    return None;
                }
            }
            let modifier =
                if caps.name("approx").is_some() { Some(TimexMod::Approx) } else { point.modifier };
            // "the second half of 1865" is a half year (1865-H2), not the year's end.
            let half = get("pre").filter(|pre| pre.contains("half")).map(|pre| {
                if pre.contains("irst") {
                    1
                } else {
                    2
                }
            });
            let modifier = if half.is_some() { None } else { modifier };
            let pt = Point { year: year_number(y), modifier, half, ..point };
            mention(Expr::Point(pt))
        }
        Rule::Quantity => {
            let n = number(get("n")?)?;
            // "5 1/2 hours", "two and a half years": the half joins the count (a vague
            // count stays vague); "two more weeks" is a length of two weeks.
            let n = match get("frac").map(str::trim_start) {
                Some(frac) if frac != "more" => n.map(|x| x + 0.5),
                _ => n,
            };
            let unit = Unit::from_word(get("u")?)?;
            // An adjective of amount or order between the count and its unit ("two full
            // days", "three consecutive years", "the four previous weeks") leaves the
            // length as counted; after an article only one of amount does ("a full day",
            // "an additional year"; not "a previous year"). The list is closed on purpose:
            // an evaluative adjective ("ten brutal months") is an open class, left out.
            let article = get("n")
                .is_some_and(|n| n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an"));
            if article
                && get("adj")
                    .is_some_and(|a| !matches!(a, "full" | "whole" | "entire" | "additional"))
            {
                return None;
            }
            let after = text.get(span.end..).unwrap_or("");
            if after.starts_with("-old") || after.starts_with(" old") {
                // An age ("18 years old", "a 6-year-old boy"): a length with its "old"
                // under TIMEX2 (WikiWars marks "18 years old" `P18Y`), nothing under
                // TimeML (AQUAINT leaves all its ages untagged); `Expr::Age`. Only a
                // counted one.
                let end = span.end + " old".len();
                // "a years-old feud": an article before a plural is no count.
                let plural = get("u").is_some_and(|u| u.ends_with('s'));
                if n.is_none()
                    || (article && plural)
                    || caps.name("approx").is_some()
                    || get("rel").is_some()
                    || !boundary_after(text, end)
                {
                    return None;
                }
                let expr = Expr::Age(unit.duration(n));
                return Some(Mention {
                    span: Span::new(span.start, end),
                    expr,
                    ends: None,
                    rule: 0,
                });
            }
            if after
                .strip_prefix('-')
                .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()))
            {
                return None; // a compound modifier: "six consecutive year-ending rankings"
            }
            if unit == Unit::Second && get("n").is_some_and(|n| n.eq_ignore_ascii_case("a")) {
                return None; // "a second front"
            }
            let approx = get("approx").map(|a| a.trim().to_ascii_lowercase());
            let n_group = caps.name("n")?;
            if caps.name("long").is_some() && get("rel").is_none() && approx.is_none() {
                // "a month-long siege", "a months-long war": the article is the noun's,
                // and a plural unit after it is a vague number ("months" long).
                if n_group.as_str().eq_ignore_ascii_case("a")
                    || n_group.as_str().eq_ignore_ascii_case("an")
                {
                    let u = caps.name("u")?;
                    let n = if u.as_str().ends_with('s') { None } else { Some(1.0) };
                    let span = Span::new(u.start(), span.end);
                    let expr = Expr::Duration { value: unit.duration(n), modifier: None };
                    return Some(Mention { span, expr, ends: None, rule: 0 });
                }
            }
            if let Some(rel) = get("rel") {
                let rel = rel.trim();
                let sign = if matches!(rel, "later" | "afterwards" | "afterward" | "thereafter") {
                    1
                } else {
                    -1
                };
                let deictic = rel == "ago";
                // "two and a half hours later": a fraction of an hour moves the clock by
                // whole minutes; other fractions stay vague.
                let whole = n.and_then(|x| match unit {
                    _ if x.fract() == 0.0 => Some((x as i64, unit)),
                    Unit::Hour if (x * 60.0).fract() == 0.0 => {
                        Some(((x * 60.0) as i64, Unit::Minute))
                    }
                    _ => None,
                });
                return match whole {
                    Some((k, unit)) => mention(Expr::Shift {
                        n: sign * k,
                        unit,
                        deictic,
                        part: None,
                        modifier: approx.as_ref().map(|_| TimexMod::Approx),
                    }),
                    _ => {
                        mention(Expr::Vague(if sign > 0 { TimeRef::Future } else { TimeRef::Past }))
                    }
                };
            }
            let modifier = approx.as_deref().map(|a| match a {
                "over" | "more than" | "at least" => TimexMod::MoreThan,
                "less than" | "up to" | "nearly" | "almost" | "just" => TimexMod::LessThan,
                _ => TimexMod::Approx,
            });
            mention(Expr::Duration { value: unit.duration(n), modifier })
        }
        Rule::Span => {
            // "of May 1916": the month and year are a date of their own (the narrative's).
            // Bounded look-ahead: a year follows within a few characters or not at all.
            let year_follows = digit_follows(text, span.end, 8);
            let (span, of) = match caps.name("of") {
                Some(o) if year_follows => (Span::new(span.start, o.start()), None),
                o => (span, o),
            };
            let n = match get("n") {
                Some(n) => number(n)?,
                None => None,
            };
            let value = if caps.name("week").is_some() {
                // "the last week" alone is the deictic week; "of August" makes it a length.
                of?;
                Unit::Week.duration(Some(n.unwrap_or(1.0)))
            } else {
                Unit::from_word(get("u")?)?.duration(n)
            };
            let expr = Expr::Duration { value, modifier: None };
            Some(Mention { span, expr, ends: None, rule: 0 })
        }
        Rule::Anaphoric => {
            // "over the weekend": TimeML (AQUAINT) marks it as its length, two days; not
            // before a noun it modifies ("the weekend box office").
            if let Some(weekend) = caps.name("weekend") {
                let after = text.get(weekend.end()..).unwrap_or("");
                let next = after.strip_prefix(' ').unwrap_or("");
                let noun_follows = next.starts_with(|c: char| c.is_ascii_lowercase())
                    && !next.split(' ').next().is_some_and(|w| CLAUSE_WORDS.contains(&w));
                if noun_follows {
                    return None;
                }
                let value = Unit::Day.duration(Some(2.0));
                return mention(Expr::Duration { value, modifier: None });
            }
            let det = get("det")?.to_ascii_lowercase();
            let word = get("u")?;
            let n = if det.contains("next")
                || det.contains("following")
                || det.contains("subsequent")
            {
                1
            } else if det.contains("previous") || det.contains("preceding") || det.contains("prior")
            {
                -1
            } else {
                0
            };
            if let Some(season) = season_code(word) {
                return mention(Expr::SeasonShift { n, season });
            }
            let unit = unit_word(word)?;
            // "the following night" is the night after that day: the same date, TNI.
            let n = if n == 1 && matches!(word, "night" | "evening") { 0 } else { n };
            mention(Expr::Shift {
                n,
                unit,
                deictic: false,
                part: part_of_day(word),
                modifier: None,
            })
        }
        Rule::DayAround => {
            let word = get("u")?;
            let unit = unit_word(word)?;
            let mut n = if get("dir")? == "before" { -1 } else { 1 };
            let mut span = span;
            // "the day after the battle", "the day before Obama's speech": "after" opens
            // a phrase naming an event, which TIMEX2 and TimeML leave out of the extent
            // ("the day"; TimeML also drops the article, `timeml_extent`). Set right
            // after a date ("on 2 October 1950, the day after the army crossed"), the
            // phrase describes that date: its value is the date's own.
            if event_follows(text, span.end) {
                span = Span::new(span.start, caps.name("u")?.end());
                if date_before_apposition(text, span.start) {
                    n = 0;
                }
            }
            Some(Mention {
                span,
                expr: Expr::Shift {
                    n,
                    unit,
                    deictic: false,
                    part: part_of_day(word),
                    modifier: None,
                },
                ends: None,
                rule: 0,
            })
        }
        Rule::UnitPhase => {
            let unit = Unit::from_word(get("u").or(get("pu"))?)?;
            if let Some(half) = get("half") {
                // "the second half of the year" is the reference year's half (`2013-H2`),
                // "of this year" the document date's in news; a month or week has no
                // half in TIMEX3.
                if unit != Unit::Year {
                    return None;
                }
                let pt = Point {
                    half: Some(if half.eq_ignore_ascii_case("first") { 1 } else { 2 }),
                    year_shift: Some(0),
                    deictic_year: get("which") == Some("this"),
                    ..point
                };
                return mention(Expr::Point(pt));
            }
            mention(Expr::Shift {
                n: 0,
                unit,
                deictic: false,
                part: None,
                modifier: modifier_of(get("pre").or(get("ppre"))?),
            })
        }
        Rule::Deictic => {
            let dir = get("dir")?.to_ascii_lowercase();
            if (dir == "last" || dir == "next") && word_before(text, span.start) == "the" {
                return None;
            }
            let unit = Unit::from_word(get("u")?)?;
            if dir.contains("past") {
                return mention(Expr::Duration { value: unit.duration(Some(1.0)), modifier: None });
            }
            let n = match dir.as_str() {
                "last" => -1,
                "this" => 0,
                _ => 1,
            };
            mention(Expr::Shift { n, unit, deictic: true, part: None, modifier: None })
        }
        Rule::DeicticWord => {
            let (n, part) = match get("w")?.to_ascii_lowercase().as_str() {
                "yesterday" => (-1, None),
                "tomorrow" => (1, None),
                "tonight" => (0, Some(PartOfDay::Night)),
                _ => (0, None),
            };
            if n == 0 && part.is_none() {
                // "today" is the document date in news, the writer's present in a history.
                return mention(Expr::Today);
            }
            mention(Expr::Shift { n, unit: Unit::Day, deictic: true, part, modifier: None })
        }
        Rule::Vague => {
            let w = get("w")?.to_ascii_lowercase();
            let v = match w.as_str() {
                w if w.starts_with("recent") || w == "former" => TimeRef::Past,
                w if w.ends_with("past") => TimeRef::Past,
                w if w.ends_with("future") => TimeRef::Future,
                _ => TimeRef::Present,
            };
            // "former" and "current" are always adjectives (or a pronoun, "the former");
            // "future", "recent", "present-day" are when a noun follows.
            let adjective = matches!(w.as_str(), "former" | "current")
                || (matches!(
                    w.as_str(),
                    "future"
                        | "the future"
                        | "recent"
                        | "present-day"
                        | "present day"
                        | "modern day"
                ) && noun_follows(text, span.end));
            if adjective {
                return mention(Expr::Adjectival(v));
            }
            mention(Expr::Vague(v))
        }
        Rule::Set => {
            let (unit, n, part) = if let Some(adv) = get("adv") {
                let (unit, part) = match adv.to_ascii_lowercase().as_str() {
                    "annually" | "yearly" => (Unit::Year, None),
                    "daily" => (Unit::Day, None),
                    "nightly" => (Unit::Day, Some(PartOfDay::Night)),
                    "weekly" => (Unit::Week, None),
                    "monthly" => (Unit::Month, None),
                    _ => (Unit::Hour, None),
                };
                (unit, Some(1.0), part)
            } else {
                let n = match get("n") {
                    Some(n) => number(n)?,
                    None => Some(1.0),
                };
                let word = get("u")?;
                (Unit::from_word(word)?, n, part_of_day(word))
            };
            let each = (n == Some(1.0)).then(|| calendar_pattern(unit, part)).flatten();
            Some(Mention {
                span,
                expr: Expr::Set { value: unit.duration(n), each },
                ends: None,
                rule: 0,
            })
        }
        Rule::Rate => {
            let n = get("n")?;
            // "In 1944 a year of famine": a year is not a count.
            let year_like =
                n.len() == 4 && n.starts_with(['1', '2']) && n.bytes().all(|b| b.is_ascii_digit());
            let after = text.get(span.end..).unwrap_or("");
            // "a day-long march", "a year later", "a week of talks": not a rate.
            let next: String = after
                .trim_start_matches(' ')
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            if year_like
                || after.starts_with('-')
                || matches!(
                    next.as_str(),
                    "of" | "later" | "earlier" | "after" | "before" | "ago" | "old" | "long"
                )
            {
                return None;
            }
            let unit = Unit::from_word(get("u")?)?;
            // TimeML marks only "a week" of "twice a week".
            let a = caps.name("a")?;
            Some(Mention {
                span: Span::new(a.start(), a.end()),
                expr: Expr::Set { value: unit.duration(Some(1.0)), each: None },
                ends: None,
                rule: 0,
            })
        }
        Rule::Clock => {
            let (h, m) = if let Some(word) = get("word") {
                if word.eq_ignore_ascii_case("midnight") {
                    (24, 0)
                } else if word_before(text, span.start) == "high" {
                    return None; // "high noon": the idiom, or the film
                } else if word.eq_ignore_ascii_case("midday") && noun_follows(text, span.end) {
                    return None; // "the midday meal", "midday temperatures": a habit
                } else {
                    (12, 0)
                }
            } else if let Some(h24) = get("h24") {
                // A clock time without "am"/"pm" ("at 10:57", "05:30hrs") is one only as
                // the object of a time preposition or with "hrs": elsewhere "3:16" is a
                // verse, a score, a ratio or a track length.
                const TIME_PREPOSITIONS: &[&str] =
                    &["at", "by", "until", "till", "from", "before", "after", "around", "since"];
                let bare = get("hrs").is_none()
                    && !TIME_PREPOSITIONS.contains(&word_before(text, span.start).as_str());
                // Not one field of a longer reading ("2:03:45", "1:30.5").
                // A full stop after it may end the sentence ("by 05:30hrs.").
                let bytes = text.as_bytes();
                let field = |i: Option<usize>| {
                    let at = |i: Option<usize>| i.and_then(|i| bytes.get(i)).copied();
                    match at(i) {
                        Some(b':' | b'0'..=b'9') => true,
                        Some(b'.') => at(i.map(|i| i + 1)).is_some_and(|b| b.is_ascii_digit()),
                        _ => false,
                    }
                };
                if bare || field(Some(span.end)) || field(span.start.checked_sub(1)) {
                    return None;
                }
                (h24.parse().ok()?, get("m24")?.parse().ok()?)
            } else {
                let h: u32 = get("h")?.parse().ok()?;
                let m: u32 = get("min").and_then(|m| m.parse().ok()).unwrap_or(0);
                // "4 in the morning", "8 in the evening": the part of day says am or pm.
                let pm = match get("dp") {
                    Some(part) => part != "morning",
                    None => get("ap")?.starts_with(['p', 'P']),
                };
                let h = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                (h, m)
            };
            mention(Expr::Point(Point { clock: Some((h, m)), ..Point::default() }))
        }
        Rule::BareUnits => {
            if let Some(lu) = caps.name("lu") {
                let n = if lu.as_str().ends_with('s') { None } else { Some(1.0) };
                let value = Unit::from_word(lu.as_str())?.duration(n);
                let span = Span::new(lu.start(), whole.end());
                let expr = Expr::Duration { value, modifier: None };
                return Some(Mention { span, expr, ends: None, rule: 0 });
            }
            let u = caps.name("u").or_else(|| caps.name("ru"))?;
            let value = Unit::from_word(u.as_str())?.duration(None);
            let span = Span::new(u.start(), u.end());
            Some(Mention {
                span,
                expr: Expr::Duration { value, modifier: None },
                ends: None,
                rule: 0,
            })
        }
        Rule::AtNight => {
            let (word, bare) = match (caps.name("p"), caps.name("bare")) {
                (Some(night), _) => (night, false),
                (None, Some(word)) => (word, true),
                (None, None) => return None,
            };
            let part = part_of_day(word.as_str())?;
            let date = CalendarDate::unknown_year(YearPart::Day(None, None))
                .at(Some(TimeOfDay::Part(part)));
            Some(Mention {
                span: Span::new(word.start(), word.end()),
                expr: if bare { Expr::BarePart(date) } else { Expr::Generic(date) },
                ends: None,
                rule: 0,
            })
        }
        Rule::Quarter => read_quarter(caps, text, span),
        Rule::Holiday => {
            let h = get("h")?;
            let year = get("y").and_then(year_number);
            let rel = relative_word(get("rel"));
            // A bare holiday name is too often a name or the custom ("White Christmas",
            // "the Christmas truce", "the Easter Rising", "Easter Island", "a day of
            // Thanksgiving"): only with a year, a "last"/"next", or as Christmas Day / Eve,
            // Thanksgiving Day, Easter Sunday / Monday. "Election Day" names the day.
            let named_day = ["hw", "nw", "tw", "ew"].iter().any(|g| get(g).is_some());
            let (month, day, floating) = if h.starts_with("Election") {
                (11, None, Some(Floating::ElectionDay))
            } else if year.is_none() && rel.is_none() && !named_day {
                return None;
            } else if h.starts_with("Thanksgiving") {
                (11, None, Some(Floating::Thanksgiving))
            } else if h.starts_with("Easter") {
                let monday = get("ew") == Some("Monday");
                (4, None, Some(if monday { Floating::EasterMonday } else { Floating::Easter }))
            } else {
                match (get("hw"), get("nw")) {
                    (Some("Eve"), _) => (12, Some(24), None),
                    (_, Some("Day")) => (1, Some(1), None),
                    (_, Some("Eve")) => (12, Some(31), None),
                    _ => (12, Some(25), None),
                }
            };
            let point = Point { year, rel, month: Some(month), day, floating, ..Point::default() };
            let (month, day) = match point.floating.zip(year) {
                Some((holiday, y)) => {
                    let (m, d) = holiday.date_in(y);
                    (Some(m), Some(d))
                }
                None => (point.month, point.day),
            };
            mention(Expr::Point(Point { month, day, ..point }))
        }
        Rule::Weekday => {
            let wd = get("wd")?;
            let days =
                ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
            let day = days.iter().position(|d| *d == wd)? as u32 + 1;
            let time = get("wpart").and_then(part_of_day).map(TimeOfDay::Part);
            mention(Expr::Weekday { day, time, rel: relative_word(get("rel")) })
        }
    }
}

/// A quarter of the year ("the first quarter of 2013", "fourth-quarter", "last quarter",
/// "for the quarter"). A hyphenated ordinal modifies a noun and leaves its article out
/// ("the [fourth-quarter] results"); an "of" phrase other than a year names a quarter of
/// something else ("the fourth quarter of the game", "the first quarter of the 19th
/// century"), and a bare "the quarter" is the period only after a preposition of time
/// ("for the quarter", "during the quarter"; not "the French quarter", "in the quarter
/// near the port").
fn read_quarter(caps: &Captures, text: &str, span: Span) -> Option<Mention> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let after = text.get(span.end..).unwrap_or("");
    let of_follows = after.trim_start().starts_with("of ");
    if of_follows || after.trim_start().starts_with("moon") {
        return None;
    }
    let shift = |n: i64, deictic: bool, span: Span| {
        Some(Mention { span, expr: Expr::QuarterShift { n, deictic }, ends: None, rule: 0 })
    };
    if get("bare").is_some() {
        let before = word_before(text, span.start);
        // Not "in", which as often finds a place ("in the quarter near the port").
        if !matches!(before.as_str(), "for" | "during" | "over" | "through" | "throughout") {
            return None;
        }
        return shift(0, false, span);
    }
    if let Some(dir) = get("dir") {
        let dir = dir.to_ascii_lowercase();
        let n = match dir.trim_start_matches("the").trim() {
            "last" | "previous" | "preceding" => -1,
            "next" | "following" => 1,
            _ => 0,
        };
        // "last quarter", "next quarter", "this quarter" count from the document date;
        // "the previous quarter" from the narrative's.
        return shift(n, !dir.starts_with("the"), span);
    }
    let ord = get("ord")?.to_ascii_lowercase();
    let the = caps.name("the");
    if the.is_none() && matches!(ord.as_str(), "last" | "final") {
        // "last quarter" without its article is the one before this.
        return (ord == "last").then(|| shift(-1, true, span)).flatten();
    }
    let quarter = match ord.as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        _ => 4,
    };
    let start = match the {
        Some(t) if get("hy") == Some("-") => t.end(),
        _ => span.start,
    };
    let pt =
        Point { quarter: Some(quarter), year: get("y").and_then(year_number), ..Point::default() };
    Some(Mention { span: Span::new(start, span.end), expr: Expr::Point(pt), ends: None, rule: 0 })
}

fn month_number_digits(s: &str) -> Option<u32> {
    s.parse().ok().filter(|m| (1..=12).contains(m))
}

fn ordinal_word(w: &str) -> Option<i32> {
    let words = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    let w = w.to_ascii_lowercase();
    words.iter().position(|x| *x == w).map(|i| i as i32 + 1)
}

/// The era of a BC date carries back over a range or pair: "490–479 BC" (the bare 490 is
/// read as a year BC), "1200–1100 BC", "the 470s and 460s BC", "the 5th and 4th
/// centuries BC", "5th–4th century BC". BC counts down, so the first number must be
/// the larger.
fn carry_era(text: &str, mut mentions: Vec<Mention>, p: &Patterns) -> Vec<Mention> {
    let before_re = &p.era_lookback;
    let mut added = Vec::new();
    for i in 0..mentions.len() {
        let (head, tail) = mentions.split_at_mut(i);
        let Some(m) = tail.first() else { continue };
        let Expr::Point(b) = &m.expr else { continue };
        let bc = |pt: &Point| {
            pt.year.is_some_and(|y| y < 0)
                || pt.decade.is_some_and(|d| d.1)
                || pt.century.is_some_and(|c| c.1)
        };
        if !bc(b) || b.month.is_some() || b.season.is_some() {
            continue;
        }
        let gap_ok = |from: usize| {
            text.get(from..m.span.start)
                .is_some_and(|g| p.connector.is_match(g) || g.trim() == "or")
        };
        // The previous mention, when joined to this one: give it the era.
        if let Some(Expr::Point(a)) =
            head.last_mut().filter(|a| gap_ok(a.span.end)).map(|a| &mut a.expr)
        {
            match (a.year, a.decade, a.century, b.year, b.decade, b.century) {
                (Some(ya), None, None, Some(yb), None, None) if ya > -yb && a.month.is_none() => {
                    a.year = Some(-ya)
                }
                (None, Some((da, false)), None, None, Some((db, true)), None) if da > db => {
                    a.decade = Some((da, true))
                }
                (None, None, Some((ca, false)), None, None, Some((cb, true))) if ca > cb => {
                    a.century = Some((ca, true))
                }
                _ => {}
            }
            continue;
        }
        // A bare number or ordinal before it: a year or century of the same era.
        let from = m.span.start.saturating_sub(24);
        let Some(lead) = text.get(from..m.span.start) else { continue };
        let Some(c) = before_re.captures(lead) else { continue };
        let Some(n) = c.name("n").or(c.name("d")) else { continue };
        let Ok(value) = n.as_str().parse::<u32>() else { continue };
        // The number with its ordinal suffix or decade "0s".
        let end = match (c.name("ord"), c.name("d")) {
            (Some(o), _) => o.end(),
            (None, Some(d)) => d.end() + 2,
            (None, None) => n.end(),
        };
        let span = Span::new(from + n.start(), from + end);
        if head.last().is_some_and(|a| a.span.end > span.start) || !gap_ok(span.end) {
            continue;
        }
        let point =
            match (c.name("ord").is_some(), c.name("d").is_some(), b.year, b.decade, b.century) {
                (false, false, Some(yb), None, None) if value > yb.unsigned_abs() => {
                    Point { year: Some(-(value as i32)), ..Point::default() }
                }
                (false, true, None, Some((db, true)), None) if value > db => {
                    Point { decade: Some((value, true)), ..Point::default() }
                }
                (true, false, None, None, Some((cb, true))) if value > cb + 1 => {
                    Point { century: Some((value - 1, true)), ..Point::default() }
                }
                _ => continue,
            };
        added.push(Mention { span, expr: Expr::Point(point), ends: None, rule: m.rule });
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
    }
    mentions
}

/// Joins two dates separated only by a range connector into one range mention.
fn merge_ranges(text: &str, mentions: Vec<Mention>, p: &Patterns) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut iter = mentions.into_iter().peekable();
    while let Some(m) = iter.next() {
        let joined = match (&m.expr, iter.peek()) {
            (Expr::Point(a), Some(next)) if is_plain_date(a) => match &next.expr {
                Expr::Point(b) if is_plain_date(b) => {
                    let between = text.get(m.span.end..next.span.start).unwrap_or("x");
                    let lead = text.get(..m.span.start).unwrap_or("");
                    let from_len = ["from ", "From ", "between ", "Between "]
                        .iter()
                        .find(|w| lead.ends_with(*w))
                        .map(|w| w.len());
                    let and = between.trim() == "and";
                    let between_word = lead.ends_with("between ") || lead.ends_with("Between ");
                    if p.connector.is_match(between)
                        && (!and || between_word)
                        && !between.contains('\n')
                    {
                        let start = m.span.start - from_len.unwrap_or(0);
                        let mut a = a.clone();
                        let b = b.clone();
                        // "28 February–8 November 1865": the start takes what it lacks from the end.
                        // "November to March 1871": a later start month is in the year before.
                        if a.needs_year() && a.year_shift.is_none() {
                            let wraps = a.month.zip(b.month).is_some_and(|(ma, mb)| ma > mb);
                            a.year = b.year.map(|y| if wraps { y - 1 } else { y });
                            a.year_shift = b.year_shift.map(|s| if wraps { s - 1 } else { s });
                        }
                        if a.month.is_none() && a.day.is_some() {
                            a.month = b.month;
                        }
                        Some(Mention {
                            span: Span::new(start, next.span.end),
                            expr: Expr::Range(a, b),
                            ends: Some((m.span, next.span)),
                            rule: m.rule,
                        })
                    } else {
                        None
                    }
                }
                _ => None,
            },
            _ => None,
        };
        match joined {
            Some(r) => {
                iter.next();
                out.push(r);
            }
            None => out.push(m),
        }
    }
    out
}

fn is_plain_date(p: &Point) -> bool {
    !p.is_time()
        && (p.year.is_some() || p.month.is_some() || p.decade.is_some() || p.century.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Searching only the trigger windows must give exactly the full-text matches.
    fn same_as_full(text: &str) {
        assert_eq!(
            find_with(text, true),
            find_with(text, false),
            "windowed search differs on {text:?}"
        );
    }

    #[test]
    fn windows_find_what_full_search_finds() {
        let sentences = [
            "The treaty was signed on the afternoon of Tuesday, 3rd of  March,\n\n  1921 and ratified two years later.",
            "From 12 to 15 June 1940 the line held; by the end of that same year it had moved 30 km.",
            "About 1200 men marched in the early    morning hours of 4 May. It rained every day for three weeks.",
            "In the 1790s and the 18th century, c. 350 BC, mid-1866, 1865–66 and summer 1916 all appear.",
            "Nowadays the former fort is a museum; at noon and at 9.30 pm tours start. Last year 2,000 came.",
            "Sept. 9, 1955 — 1866-03-31 — between 1879 and 1883 — May 2–4, 1977 — the following week.",
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 1999",
            "Décembre 1865 – the 2nd of août, naïve 1870s: ‘spring’ of 1871 … 12 déc. 1872",
            "In the third  quarter of fiscal 2012, fourth-quarter sales and last quarter's; for the quarter.",
            // The neighbours the narrower trigger classes read (`triggers`).
            "From the 13th to the 19th of October, 7 until  9 May, 3rd through 5th June, 1 and 2 July.",
            "May the 3rd, June 12th, Sept.  9, 1998-05-07, 1861–65 and 1861/1865, the '99 and ’89 Boys.",
            "Twice a week, for years, over days, day-long, decades-long, the days before, by year's end.",
            "These days, that same spring, the very next day, the past two weeks, the last several years.",
            "The day after, this week, coming month, at night, daytime, New Year's Day, newer years.",
            "At 4  in the\nmorning and 5 in  the evening, not at 6 in them or 7 inthe night.",
        ];
        for s in sentences {
            same_as_full(s);
        }
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                same_as_full(&text);
            }
        }
    }

    const WORDS: &[&str] = &[
        "the",
        "The",
        "of",
        "in",
        "early",
        "late",
        "mid-",
        "end",
        "May",
        "March",
        "Sept.",
        "Dec",
        "December",
        "1865",
        "31st",
        "2",
        "12",
        "BC",
        "AD",
        "year",
        "years",
        "quarter",
        "third",
        "day",
        "night",
        "next",
        "following",
        "that",
        "same",
        "ago",
        "later",
        "about",
        "two",
        "several",
        "century",
        "19th",
        "1860s",
        "spring",
        "summer",
        "now",
        "former",
        "noon",
        "am",
        "p.m.",
        "every",
        "twice",
        "a",
        "week",
        "Monday",
        "today",
        "–",
        "-",
        "to",
        "and",
        "between",
        "from",
        ",",
        ".",
        " ",
        "  ",
        "\n",
        "\n\n\n",
        "é",
        "men",
        "morning",
        "hours",
        "afternoon",
        "daytime",
        "night-time",
        "midnight",
        "Decade",
        "snowinter",
        "centuries",
        "1860",
        "0s",
        "9",
        "am",
        "/",
        "—",
        "'s",
        "'",
        "’",
        "’s",
        "these",
        "These",
        "this",
        "last",
        "coming",
        "for",
        "Over",
        "-long",
        "s-long",
        "before",
        "after",
        "until",
        "through",
        "New",
        "Year's",
        "Christmas",
        "Day",
        "previous",
        "prior",
        "twenty-one",
        "April",
        "03",
        "99",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn windows_match_full_search_on_word_soup(idx in proptest::collection::vec(0..WORDS.len(), 0..60), spaces in proptest::collection::vec(0..3usize, 60)) {
            let mut text = String::new();
            for (i, w) in idx.iter().enumerate() {
                text.push_str(WORDS.get(*w).copied().unwrap_or(""));
                text.push_str(["", " ", "   "].get(spaces.get(i).copied().unwrap_or(0)).copied().unwrap_or(" "));
            }
            prop_assert_eq!(find_with(&text, true), find_with(&text, false));
        }
    }
}
