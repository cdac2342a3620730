//! The infobox: its fields, what it describes ([`InfoboxKind`]) and what each key means
//! ([`KeyRole`]): the one key table that the checks, the article-local gazetteer and the
//! JSON-LD writer all read.
//!
//! Keys are compared after one normalization ([`normalize_key`]): case, spaces,
//! underscores and hyphens do not count (`In office` = `in_office`), and a trailing number
//! is the side of a numbered field (`Commander2` is a commander of side 2).

use std::{collections::HashMap, fmt, sync::OnceLock};

use crate::{gazetteer::Label, span::Span};

/// An infobox: its kind (from the template name, if any) and fields in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Infobox {
    /// The template name after "Infobox", e.g. `military conflict`, when given.
    pub template: Option<String>,
    /// What the infobox describes, decided once by the parser ([`InfoboxKind::of`]).
    pub kind: Option<InfoboxKind>,
    /// The whole block.
    pub span: Span,
    /// The fields, in order.
    pub fields: Vec<InfoboxField>,
}

/// One `Key: Value` infobox field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InfoboxField {
    /// The key as written.
    pub key: String,
    /// The value, trimmed (the text at `value_span`).
    pub value: String,
    /// The key in the text.
    pub key_span: Span,
    /// The value in the text.
    pub value_span: Span,
}

impl Infobox {
    /// The first field whose key equals `key` after [`normalize_key`].
    pub fn get(&self, key: &str) -> Option<&InfoboxField> {
        self.fields.iter().find(|f| same_key(&f.key, key))
    }

    /// The field whose value holds `span`. Fields are in text order and their values do
    /// not overlap (both parsers push them as they read), so this is one binary search:
    /// a long infobox has thousands of fields and is asked once per link in it.
    pub fn field_holding(&self, span: Span) -> Option<&InfoboxField> {
        let after = self.fields.partition_point(|f| f.value_span.start <= span.start);
        let field = &self.fields[after.checked_sub(1)?];
        field.value_span.contains(span).then_some(field)
    }

    /// Decide [`Infobox::kind`] from the template name and keys. The parsers call this
    /// once, when the infobox is complete.
    pub fn classify(&mut self) {
        self.kind = InfoboxKind::of(self.template.as_deref(), &self.fields);
    }
}

impl InfoboxField {
    /// What the key means, and its side number.
    pub fn key(&self) -> InfoboxKey {
        InfoboxKey::parse(&self.key)
    }
}

/// The DBpedia-derived table: infobox template -> label (`tools/dbpedia_types.py` writes it).
const TEMPLATE_TABLE: &str = include_str!("../../gazetteers/lexicon/infobox_templates.tsv");

impl Infobox {
    /// The label the DBpedia mappings give what this infobox's template describes
    /// (`Infobox company`: ORG, `Infobox U.S. state`: PLACE, `Infobox book`: WORK), when
    /// the template is one they map: the first of the template's cases whose test holds
    /// (`Infobox musical artist` with `background = group_or_band` is a band: ORG), else
    /// its default. The index types every page so, and an article types its own subject so.
    pub fn template_label(&self) -> Option<Label> {
        let template = self.template.as_deref()?;
        let key = format!("infobox {}", template.trim().to_lowercase().replace('_', " "));
        let cases = template_cases().get(key.as_str())?;
        // Each field's key normalized once: a case asks by key, and a long infobox has
        // thousands of fields (the work is fields x cases, at most a few dozen cases).
        let keys: Vec<String> = match cases.len() {
            1 => Vec::new(),
            _ => self.fields.iter().map(|f| normalize_key(&f.key)).collect(),
        };
        let value_of = |parameter: &str| {
            let wanted = normalize_key(parameter);
            keys.iter().position(|k| *k == wanted).map(|i| self.fields[i].value.trim())
        };
        cases.iter().find(|case| case.test.is_none_or(|test| test.holds(value_of))).map(|c| c.label)
    }
}

/// One row of the template table: the label, when its test (if any) holds.
struct TemplateCase {
    label: Label,
    test: Option<CaseTest>,
}

/// A DBpedia conditional mapping's test on one infobox parameter.
#[derive(Clone, Copy)]
struct CaseTest {
    operator: CaseOperator,
    parameter: &'static str,
    value: &'static str,
}

/// DBpedia's operators (`otherwise` is the row without a test).
#[derive(Clone, Copy)]
enum CaseOperator {
    /// The parameter has a value.
    IsSet,
    /// The value is this one (case aside).
    Equals,
    /// The value holds this one (case aside).
    Contains,
}

impl CaseTest {
    fn holds<'a>(self, value_of: impl Fn(&str) -> Option<&'a str>) -> bool {
        let Some(value) = value_of(self.parameter).filter(|v| !v.is_empty()) else {
            return false;
        };
        match self.operator {
            CaseOperator::IsSet => true,
            CaseOperator::Equals => value.eq_ignore_ascii_case(self.value),
            CaseOperator::Contains => value.to_lowercase().contains(&self.value.to_lowercase()),
        }
    }
}

/// The template table by template, each template's cases in the table's order (its tests
/// first, its default last).
fn template_cases() -> &'static HashMap<&'static str, Vec<TemplateCase>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<TemplateCase>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&'static str, Vec<TemplateCase>> = HashMap::new();
        for line in TEMPLATE_TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let Some(label) = cols.get(1).and_then(|l| l.parse().ok()) else { continue };
            let operator = match cols.get(3).copied() {
                None | Some("") => None,
                Some("isSet") => Some(CaseOperator::IsSet),
                Some("equals") => Some(CaseOperator::Equals),
                Some("contains") => Some(CaseOperator::Contains),
                Some(_) => continue,
            };
            let test = operator.map(|operator| CaseTest {
                operator,
                parameter: cols.get(4).copied().unwrap_or(""),
                value: cols.get(5).copied().unwrap_or(""),
            });
            table.entry(cols[0]).or_default().push(TemplateCase { label, test });
        }
        table
    })
}

/// What an infobox describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InfoboxKind {
    /// A war, battle or other conflict (`Infobox military conflict`).
    Conflict,
    /// A person (`Infobox officeholder`, `Infobox person`, ...).
    Person,
    /// A treaty or agreement.
    Treaty,
}

impl InfoboxKind {
    /// Every kind, in the order they are tried.
    pub const ALL: [InfoboxKind; 3] =
        [InfoboxKind::Conflict, InfoboxKind::Person, InfoboxKind::Treaty];

    /// `conflict`, `person`, `treaty`.
    pub const fn as_str(self) -> &'static str {
        match self {
            InfoboxKind::Conflict => "conflict",
            InfoboxKind::Person => "person",
            InfoboxKind::Treaty => "treaty",
        }
    }

    /// The label of the article's own subject.
    pub const fn subject_label(self) -> Label {
        match self {
            InfoboxKind::Conflict => Label::Event,
            InfoboxKind::Person => Label::Person,
            InfoboxKind::Treaty => Label::Treaty,
        }
    }

    /// Template-name words that select the kind.
    const fn template_words(self) -> &'static [&'static str] {
        match self {
            InfoboxKind::Conflict => &["conflict", "battle", "war", "military", "revolution"],
            InfoboxKind::Person => &[
                "person",
                "officeholder",
                "president",
                "officer",
                "military person",
                "royalty",
                "politician",
            ],
            InfoboxKind::Treaty => &["treaty", "agreement"],
        }
    }

    /// Key roles whose presence selects the kind when the template does not tell.
    fn marked_by(self, role: KeyRole) -> bool {
        use KeyRole::*;
        match self {
            InfoboxKind::Conflict => {
                matches!(role, Combatant | Commander | Casualties | Strength)
            }
            InfoboxKind::Person => {
                matches!(role, Born | Died | BirthDate | DeathDate | Office | Term)
            }
            InfoboxKind::Treaty => matches!(role, Signed | Signatory | Parties),
        }
    }

    /// What an infobox describes: by template name (whole words, the last, head word
    /// first: "military person" is a person, "military conflict" a conflict, and
    /// "software" is not a "war"), else by the keys present.
    pub fn of(template: Option<&str>, fields: &[InfoboxField]) -> Option<InfoboxKind> {
        if let Some(t) = template {
            let t = t.to_lowercase();
            for word in t.split(|c: char| !c.is_alphanumeric()).rev() {
                if let Some(k) = Self::ALL.into_iter().find(|k| k.template_words().contains(&word))
                {
                    return Some(k);
                }
            }
        }
        // Each key read once: which kinds some key marks, then the first of them in order.
        let mut marked = [false; Self::ALL.len()];
        for f in fields {
            let role = f.key().role;
            for (seen, kind) in marked.iter_mut().zip(Self::ALL) {
                *seen |= kind.marked_by(role);
            }
        }
        Self::ALL.into_iter().zip(marked).find(|(_, m)| *m).map(|(k, _)| k)
    }
}

impl fmt::Display for InfoboxKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an infobox key means, whatever the template calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyRole {
    /// The date or period of the subject (a conflict's Date).
    Date,
    /// Where the subject happened or lies (`place`, `location`).
    Place,
    /// A conflict's outcome.
    Result,
    /// A side of a conflict (`combatant`, `belligerent`).
    Combatant,
    /// A commander or leader of a side.
    Commander,
    /// Troop strength.
    Strength,
    /// Casualties and losses.
    Casualties,
    /// Territorial changes.
    Territory,
    /// The larger conflict this is part of.
    PartOf,
    /// Birth date, often with the place (`Born`).
    Born,
    /// Death date, often with the place (`Died`).
    Died,
    /// Birth date alone (`birth_date`).
    BirthDate,
    /// Death date alone (`death_date`).
    DeathDate,
    /// Birth place (`birth_place`).
    BirthPlace,
    /// Death place (`death_place`).
    DeathPlace,
    /// An office held.
    Office,
    /// A term of office (`In office`).
    Term,
    /// The predecessor in office.
    Predecessor,
    /// The successor in office.
    Successor,
    /// A spouse.
    Spouse,
    /// A political party.
    Party,
    /// Allegiance (a state or side).
    Allegiance,
    /// Nationality.
    Nationality,
    /// A military rank.
    Rank,
    /// The date a treaty was signed.
    Signed,
    /// Where a treaty was signed.
    LocationSigned,
    /// A person who signed.
    Signatory,
    /// The parties of a treaty.
    Parties,
    /// A treaty's type.
    TreatyType,
    /// When a treaty took effect.
    Effective,
    /// A treaty's condition of effect.
    Condition,
    /// When an organization, place or building was founded, established or opened.
    Founded,
    /// When it was dissolved, closed or ended.
    Dissolved,
    /// When a work was released, published or first aired.
    Released,
    /// Who founded it.
    Founder,
    /// Who created a work.
    Creator,
    /// Who directed a work.
    Director,
    /// Who produced a work.
    Producer,
    /// Who wrote a work.
    Writer,
    /// Who developed it (software, a game, a building).
    Developer,
    /// Who designed a building.
    Architect,
    /// Who owns it.
    Owner,
    /// The organization it belongs to.
    Parent,
    /// Where an organization has its headquarters.
    Headquarters,
    /// The country it lies in or belongs to.
    Country,
    /// A capital city.
    Capital,
    /// A population count.
    Population,
    /// An area.
    Area,
    /// A length or distance.
    Length,
    /// A height.
    Height,
    /// An elevation above sea level.
    Elevation,
    /// A number of employees.
    Employees,
    /// Revenue or income.
    Revenue,
    /// The subject's own name or names (free text, not a fact to check).
    Name,
    /// Media and technical values: images, captions, maps, coordinates, websites,
    /// identifiers, layout. Never checked and never counted.
    Technical,
    /// Any other key.
    Other,
}

/// What kind of value a key holds, or an item turns out to hold: the checks are chosen
/// by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A date, year or period.
    Date,
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organization or state.
    Organization,
    /// A named thing of no known type.
    Entity,
    /// A number, with or without a unit.
    Number,
    /// Free text.
    Text,
    /// Media and technical values (images, coordinates, websites, identifiers).
    Technical,
}

impl ValueKind {
    /// Every kind, in report order.
    pub const ALL: [ValueKind; 8] = [
        ValueKind::Date,
        ValueKind::Person,
        ValueKind::Place,
        ValueKind::Organization,
        ValueKind::Entity,
        ValueKind::Number,
        ValueKind::Text,
        ValueKind::Technical,
    ];

    /// `date`, `person`, `place`, `organization`, `entity`, `number`, `text`, `technical`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ValueKind::Date => "date",
            ValueKind::Person => "person",
            ValueKind::Place => "place",
            ValueKind::Organization => "organization",
            ValueKind::Entity => "entity",
            ValueKind::Number => "number",
            ValueKind::Text => "text",
            ValueKind::Technical => "technical",
        }
    }

    /// A person, place, organization or other named entity.
    pub const fn is_entity(self) -> bool {
        matches!(
            self,
            ValueKind::Person | ValueKind::Place | ValueKind::Organization | ValueKind::Entity
        )
    }

    /// The coarse family the coverage figures count: `date`, `entity` or `number`;
    /// `None` for text and technical values, which are not counted.
    pub const fn family(self) -> Option<&'static str> {
        match self {
            ValueKind::Date => Some("date"),
            ValueKind::Number => Some("number"),
            k if k.is_entity() => Some("entity"),
            _ => None,
        }
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Normalized key -> role: one row per spelling.
const KEY_TABLE: &[(&str, KeyRole)] = &[
    ("date", KeyRole::Date),
    ("place", KeyRole::Place),
    ("location", KeyRole::Place),
    ("result", KeyRole::Result),
    ("combatant", KeyRole::Combatant),
    ("belligerent", KeyRole::Combatant),
    ("commander", KeyRole::Commander),
    ("leader", KeyRole::Commander),
    ("strength", KeyRole::Strength),
    ("casualties", KeyRole::Casualties),
    ("territory", KeyRole::Territory),
    ("partof", KeyRole::PartOf),
    ("born", KeyRole::Born),
    ("died", KeyRole::Died),
    ("birthdate", KeyRole::BirthDate),
    ("deathdate", KeyRole::DeathDate),
    ("birthplace", KeyRole::BirthPlace),
    ("deathplace", KeyRole::DeathPlace),
    ("office", KeyRole::Office),
    ("inoffice", KeyRole::Term),
    ("predecessor", KeyRole::Predecessor),
    ("successor", KeyRole::Successor),
    ("spouse", KeyRole::Spouse),
    ("party", KeyRole::Party),
    ("allegiance", KeyRole::Allegiance),
    ("nationality", KeyRole::Nationality),
    ("rank", KeyRole::Rank),
    ("signed", KeyRole::Signed),
    ("datesigned", KeyRole::Signed),
    ("locationsigned", KeyRole::LocationSigned),
    ("signatories", KeyRole::Signatory),
    ("signatory", KeyRole::Signatory),
    ("parties", KeyRole::Parties),
    ("type", KeyRole::TreatyType),
    ("effective", KeyRole::Effective),
    ("condition", KeyRole::Condition),
    ("founded", KeyRole::Founded),
    ("foundeddate", KeyRole::Founded),
    ("foundation", KeyRole::Founded),
    ("established", KeyRole::Founded),
    ("establisheddate", KeyRole::Founded),
    ("formation", KeyRole::Founded),
    ("formed", KeyRole::Founded),
    ("inception", KeyRole::Founded),
    ("opened", KeyRole::Founded),
    ("openeddate", KeyRole::Founded),
    ("openingdate", KeyRole::Founded),
    ("opening", KeyRole::Founded),
    ("dissolved", KeyRole::Dissolved),
    ("defunct", KeyRole::Dissolved),
    ("closed", KeyRole::Dissolved),
    ("closingdate", KeyRole::Dissolved),
    ("extinction", KeyRole::Dissolved),
    ("released", KeyRole::Released),
    ("releasedate", KeyRole::Released),
    ("release", KeyRole::Released),
    ("firstaired", KeyRole::Released),
    ("airdate", KeyRole::Released),
    ("published", KeyRole::Released),
    ("publicationdate", KeyRole::Released),
    ("pubdate", KeyRole::Released),
    ("premiere", KeyRole::Released),
    ("founder", KeyRole::Founder),
    ("founders", KeyRole::Founder),
    ("foundedby", KeyRole::Founder),
    ("creator", KeyRole::Creator),
    ("creators", KeyRole::Creator),
    ("createdby", KeyRole::Creator),
    ("director", KeyRole::Director),
    ("directedby", KeyRole::Director),
    ("producer", KeyRole::Producer),
    ("producedby", KeyRole::Producer),
    ("writer", KeyRole::Writer),
    ("writers", KeyRole::Writer),
    ("writtenby", KeyRole::Writer),
    ("author", KeyRole::Writer),
    ("developer", KeyRole::Developer),
    ("architect", KeyRole::Architect),
    ("designer", KeyRole::Architect),
    ("owner", KeyRole::Owner),
    ("owners", KeyRole::Owner),
    ("parent", KeyRole::Parent),
    ("parentcompany", KeyRole::Parent),
    ("headquarters", KeyRole::Headquarters),
    ("hqlocation", KeyRole::Headquarters),
    ("hqlocationcity", KeyRole::Headquarters),
    ("country", KeyRole::Country),
    ("capital", KeyRole::Capital),
    ("population", KeyRole::Population),
    ("populationtotal", KeyRole::Population),
    ("populationest", KeyRole::Population),
    ("populationestimate", KeyRole::Population),
    ("area", KeyRole::Area),
    ("areakm2", KeyRole::Area),
    ("areatotalkm2", KeyRole::Area),
    ("areatotalsqmi", KeyRole::Area),
    ("areasqmi", KeyRole::Area),
    ("totalarea", KeyRole::Area),
    ("length", KeyRole::Length),
    ("lengthkm", KeyRole::Length),
    ("lengthmi", KeyRole::Length),
    ("height", KeyRole::Height),
    ("elevation", KeyRole::Elevation),
    ("elevationm", KeyRole::Elevation),
    ("elevationft", KeyRole::Elevation),
    ("employees", KeyRole::Employees),
    ("numemployees", KeyRole::Employees),
    ("numberofemployees", KeyRole::Employees),
    ("revenue", KeyRole::Revenue),
    ("name", KeyRole::Name),
    ("othernames", KeyRole::Name),
    ("birthname", KeyRole::Name),
    ("nativename", KeyRole::Name),
    ("fullname", KeyRole::Name),
    ("conventionallongname", KeyRole::Name),
    ("commonname", KeyRole::Name),
    ("showname", KeyRole::Name),
    ("hotelname", KeyRole::Name),
    ("title", KeyRole::Name),
    ("image", KeyRole::Technical),
    ("imagesize", KeyRole::Technical),
    ("imagecaption", KeyRole::Technical),
    ("imagealt", KeyRole::Technical),
    ("caption", KeyRole::Technical),
    ("alt", KeyRole::Technical),
    ("logo", KeyRole::Technical),
    ("logosize", KeyRole::Technical),
    ("map", KeyRole::Technical),
    ("mapcaption", KeyRole::Technical),
    ("signature", KeyRole::Technical),
    ("website", KeyRole::Technical),
    ("url", KeyRole::Technical),
    ("homepage", KeyRole::Technical),
    ("coordinates", KeyRole::Technical),
    ("coords", KeyRole::Technical),
    ("footnotes", KeyRole::Technical),
    ("embed", KeyRole::Technical),
    ("module", KeyRole::Technical),
];

/// Key words that mark media and technical keys whatever else they say
/// (`image_skyline`, `pushpin_map`, `iata_code`, `imdb_id`).
const TECHNICAL_WORDS: &[&str] = &[
    "image",
    "logo",
    "caption",
    "map",
    "website",
    "url",
    "coord",
    "signature",
    "size",
    "width",
    "footnote",
    "isbn",
    "issn",
    "oclc",
    "flag",
    "seal",
    "symbol",
    "style",
    "color",
    "colour",
    "pushpin",
    "latd",
    "longd",
    // The other parts of a coordinate (`lat_m`, `long_s`, `lat_NS`) and layout numbers
    // (`area_magnitude`, `pixels`): not facts a body states.
    "latm",
    "lats",
    "latns",
    "longm",
    "longs",
    "longew",
    "magnitude",
    "pixels",
    // Medical database identifiers (`OMIM`, `DiseasesDB`, `ICD10`).
    "omim",
    "diseasesdb",
    "medlineplus",
    "emedicine",
    "icd",
    "blank",
];

/// Key endings that mark identifiers (`imdb_id`, `iata_code`, `postal_code`).
const TECHNICAL_ENDINGS: &[&str] = &["id", "code", "alt"];

/// [`KEY_TABLE`] as a map, built once: a key is read with one look-up.
fn key_table() -> &'static HashMap<&'static str, KeyRole> {
    static TABLE: OnceLock<HashMap<&'static str, KeyRole>> = OnceLock::new();
    TABLE.get_or_init(|| KEY_TABLE.iter().copied().collect())
}

impl KeyRole {
    /// The role of a normalized key with its side number removed.
    fn of_base(base: &str) -> KeyRole {
        if let Some(role) = key_table().get(base) {
            return *role;
        }
        if TECHNICAL_WORDS.iter().any(|w| base.starts_with(w) || base.ends_with(w))
            || TECHNICAL_ENDINGS.iter().any(|w| base.ends_with(w))
        {
            return KeyRole::Technical;
        }
        KeyRole::Other
    }

    /// What kind of value the key holds ([`ValueKind::Text`] when the key does not say).
    pub const fn value_kind(self) -> ValueKind {
        use KeyRole::*;
        match self {
            Date | Born | Died | BirthDate | DeathDate | Term | Signed | Effective | Founded
            | Dissolved | Released => ValueKind::Date,
            Commander | Predecessor | Successor | Spouse | Signatory | Founder | Creator
            | Director | Producer | Writer | Architect => ValueKind::Person,
            Place | BirthPlace | DeathPlace | LocationSigned | Headquarters | Capital
            | Nationality => ValueKind::Place,
            Combatant | Parties | Party | Allegiance | Owner | Parent | Developer | Country => {
                ValueKind::Organization
            }
            Strength | Casualties | Population | Area | Length | Height | Elevation | Employees
            | Revenue => ValueKind::Number,
            Technical => ValueKind::Technical,
            _ => ValueKind::Text,
        }
    }

    /// Words that, right before a body date, say it is this role's date ("born 14
    /// March 1879", "founded in 1937").
    pub const fn date_cues(self) -> &'static [&'static str] {
        use KeyRole::*;
        match self {
            Born | BirthDate => &["born", "b."],
            Died | DeathDate => &["died", "d.", "death"],
            Founded => &[
                "founded",
                "established",
                "formed",
                "incorporated",
                "opened",
                "created",
                "inaugurated",
            ],
            Dissolved => &["dissolved", "closed", "disbanded", "abolished", "defunct"],
            Released => &["released", "premiered", "aired", "published", "launched", "debuted"],
            Signed => &["signed"],
            _ => &[],
        }
    }

    /// Phrases right before a name that say the name fills this role in the body
    /// ("born in X" for a birth place, "succeeded by X" for a successor).
    pub const fn name_cues(self) -> &'static [&'static str] {
        use KeyRole::*;
        match self {
            BirthPlace => &["born in", "born at"],
            DeathPlace => &["died in", "died at"],
            Successor => &["succeeded by", "replaced by"],
            Predecessor => &["preceded by", "succeeding", "replacing"],
            Spouse => &["married"],
            Headquarters => {
                &["headquartered in", "headquarters in", "headquarters are in", "based in"]
            }
            Founder => &["founded by", "established by"],
            Creator => &["created by"],
            Director => &["directed by"],
            Producer => &["produced by"],
            Writer => &["written by"],
            Developer => &["developed by"],
            Architect => &["designed by"],
            Owner => &["owned by"],
            Parent => &["subsidiary of", "division of"],
            Capital => &["capital is"],
            _ => &[],
        }
    }

    /// Words that name this role's quantity in a body sentence ("a population of").
    pub const fn quantity_cues(self) -> &'static [&'static str] {
        use KeyRole::*;
        match self {
            Population => &["population", "inhabitants"],
            Area => &["area"],
            Length => &["long", "length"],
            Height => &["tall", "high", "height"],
            Elevation => &["elevation", "above sea level"],
            Employees => &["employees", "employs", "staff"],
            Revenue => &["revenue", "revenues", "turnover"],
            _ => &[],
        }
    }

    /// The role's quantity changes from year to year (a population, a staff, a revenue),
    /// so a body figure given for a date ("the 2011 census reported 3,645,257") is that
    /// date's and contradicts no other year's figure.
    pub const fn changes_over_time(self) -> bool {
        matches!(self, KeyRole::Population | KeyRole::Employees | KeyRole::Revenue)
    }

    /// The physical dimension of the role's quantity (`area`, `length`), when it has
    /// one: a value written without a unit is read in each unit of it.
    pub const fn dimension(self) -> Option<&'static str> {
        use KeyRole::*;
        match self {
            Area => Some("area"),
            Length | Height | Elevation => Some("length"),
            _ => None,
        }
    }

    /// The label of the entities the value names, when the role says it: the
    /// article-local gazetteer gives the value's items this label.
    pub const fn names(self) -> Option<Label> {
        match self {
            KeyRole::Commander | KeyRole::Signatory | KeyRole::Predecessor | KeyRole::Successor => {
                Some(Label::Person)
            }
            KeyRole::Combatant | KeyRole::Parties => Some(Label::Org),
            KeyRole::Place => Some(Label::Place),
            _ => None,
        }
    }
}

impl KeyRole {
    /// The label of an entity linked from a value of this key: the names it holds
    /// ([`KeyRole::names`]), and the places, spouses and parties of a person's infobox.
    pub const fn link_label(self) -> Option<Label> {
        match self {
            KeyRole::BirthPlace | KeyRole::DeathPlace | KeyRole::LocationSigned => {
                Some(Label::Place)
            }
            KeyRole::Spouse => Some(Label::Person),
            KeyRole::Party => Some(Label::Org),
            other => other.names(),
        }
    }
}

/// An infobox key read through the key table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InfoboxKey {
    /// What the key means.
    pub role: KeyRole,
    /// The number of a numbered field (`Combatant2`, `Commander2` -> side 2).
    pub side: Option<u32>,
}

impl InfoboxKey {
    /// Read `key` as written in the infobox.
    ///
    /// # Examples
    /// ```
    /// use wikianno::article::{InfoboxKey, KeyRole};
    ///
    /// let key = InfoboxKey::parse("Commander2");
    /// assert_eq!((key.role, key.side), (KeyRole::Commander, Some(2)));
    /// assert_eq!(InfoboxKey::parse("date_signed").role, KeyRole::Signed);
    /// assert_eq!(InfoboxKey::parse("area_km2"), InfoboxKey { role: KeyRole::Area, side: None });
    /// ```
    pub fn parse(key: &str) -> InfoboxKey {
        // A key whose digits are part of its name (`area_km2`) is not numbered.
        let whole = normalize_key(key);
        if let Some(role) = key_table().get(whole.as_str()) {
            return InfoboxKey { role: *role, side: None };
        }
        let (base, side) = split_normalized(whole);
        InfoboxKey { role: KeyRole::of_base(&base), side }
    }
}

/// The one key normalization: lower case, without spaces, underscores and hyphens.
pub fn normalize_key(key: &str) -> String {
    key.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect()
}

/// Infobox keys compare after [`normalize_key`] ("In office" = "in_office").
pub fn same_key(a: &str, b: &str) -> bool {
    normalize_key(a) == normalize_key(b)
}

/// `Commander2` -> (`commander`, Some(2)); `In office` -> (`inoffice`, None).
pub fn split_key(key: &str) -> (String, Option<u32>) {
    split_normalized(normalize_key(key))
}

/// [`split_key`] of a key already normalized.
fn split_normalized(mut norm: String) -> (String, Option<u32>) {
    let base_len = norm.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let side = norm[base_len..].parse().ok();
    norm.truncate(base_len);
    (norm, side)
}

/// Split an infobox list value (at `value` in `text`) into item spans: commas, semicolons and " and "; a
/// parenthesised note is left out of its item ("Prado (acting)" -> "Prado").
pub fn split_list(text: &str, value: Span) -> Vec<Span> {
    let Some(v) = text.get(value.start..value.end) else { return Vec::new() };
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    for (i, c) in v.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' | ';' if depth == 0 => cuts.push((i, i + 1)),
            _ => {}
        }
    }
    for (i, _) in v.match_indices(" and ") {
        cuts.push((i, i + 5));
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut from = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((v.len(), v.len()))) {
        if a < from {
            continue;
        }
        let piece = &v[from..a];
        let piece = piece.split('(').next().unwrap_or("");
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let start = value.start + from + lead;
            out.push(Span::new(start, start + trimmed.len()));
        }
        from = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infobox(template: &str, fields: &[(&str, &str)]) -> Infobox {
        let fields = fields
            .iter()
            .map(|(k, v)| InfoboxField {
                key: k.to_string(),
                value: v.to_string(),
                key_span: Span::new(0, 0),
                value_span: Span::new(0, 0),
            })
            .collect();
        Infobox { template: Some(template.to_string()), kind: None, span: Span::new(0, 0), fields }
    }

    #[test]
    fn template_label_takes_the_first_case_that_holds() {
        let label = |t: &str, f: &[(&str, &str)]| infobox(t, f).template_label();
        assert_eq!(label("company", &[("name", "Qwertea")]), Some(Label::Org));
        assert_eq!(label("U.S._state ", &[]), Some(Label::Place));
        assert_eq!(label("qwertyish thing", &[]), None);
        // Infobox musical artist: a band by its background or its members, else a person.
        assert_eq!(label("musical artist", &[("background", "solo_singer")]), Some(Label::Person));
        assert_eq!(label("musical artist", &[("Background", "Group_or_band")]), Some(Label::Org));
        assert_eq!(label("musical artist", &[("current members", "Ann, Bo")]), Some(Label::Org));
        assert_eq!(label("musical artist", &[("past_members", "")]), Some(Label::Person));
    }

    #[test]
    fn every_template_row_reads() {
        let rows = TEMPLATE_TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let read: usize = template_cases().values().map(Vec::len).sum();
        assert_eq!(read, rows.count(), "a row of infobox_templates.tsv did not parse");
        assert!(template_cases()
            .values()
            .all(|cases| cases.last().is_some_and(|c| c.test.is_none())));
    }

    #[test]
    fn items_split_with_spans() {
        let text = "X: Ana Pérez, Luis Gómez (acting) and Éva Kis; 東京";
        let items = split_list(text, Span::new(3, text.len()));
        let got: Vec<&str> = items.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, vec!["Ana Pérez", "Luis Gómez", "Éva Kis", "東京"]);
        assert!(split_list("é", Span::new(1, 2)).is_empty());
    }

    fn field(key: &str) -> InfoboxField {
        InfoboxField {
            key: key.to_string(),
            value: String::new(),
            key_span: Span::default(),
            value_span: Span::default(),
        }
    }

    #[test]
    fn keys_and_kinds() {
        for (key, base, n) in [
            ("Commander2", "commander", Some(2)),
            ("In office", "inoffice", None),
            ("in_office2", "inoffice", Some(2)),
            ("commander_1", "commander", Some(1)),
            ("Date", "date", None),
            ("birth_date", "birthdate", None),
            ("Größe", "größe", None),
        ] {
            assert_eq!(split_key(key), (base.to_string(), n), "{key}");
        }
        assert!(same_key("In office", "in_office"));
        let kind = |template: Option<&str>, keys: &[&str]| {
            let fields: Vec<InfoboxField> = keys.iter().map(|k| field(k)).collect();
            InfoboxKind::of(template, &fields)
        };
        use InfoboxKind::*;
        assert_eq!(kind(None, &["Date", "Combatant1"]), Some(Conflict));
        assert_eq!(kind(None, &["Born", "Office"]), Some(Person));
        assert_eq!(kind(None, &["death_date"]), Some(Person));
        assert_eq!(kind(None, &["Signed", "Parties"]), Some(Treaty));
        assert_eq!(kind(None, &["date_signed"]), Some(Treaty));
        assert_eq!(kind(Some("military conflict"), &[]), Some(Conflict));
        assert_eq!(kind(Some("military person"), &["Battles"]), Some(Person));
        assert_eq!(kind(Some("software"), &["Developer"]), None);
        assert_eq!(kind(Some("award"), &[]), None);
        assert_eq!(kind(None, &["Colour"]), None);
        assert_eq!(InfoboxKey::parse("Leader2").role.names(), Some(Label::Person));
        assert_eq!(InfoboxKey::parse("belligerents1").role, KeyRole::Other);
    }
}
