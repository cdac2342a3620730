//! Declarative schemas: which rule checks which field, per infobox type.
//!
//! A field key is compared without case, spaces and underscores, with its trailing
//! number split off (`Commander2` -> `commander`, side 2). Adding a field to a type is
//! one row here, never new code.

use crate::article::Infobox;

/// How a field's value is split and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// A period whose ends must fall on dated body events (a conflict's Date).
    EventRange,
    /// A period whose ends must match body dates or events (a term of office).
    Tenure,
    /// A single date, backed by a body date; contradicted by an event of these types
    /// dated elsewhere (Signed <- TREATY).
    Date(&'static [&'static str]),
    /// A date followed by places ("18 December 1826, Huánuco, Peru"); the date is
    /// checked as [`Rule::Date`] with these event types.
    DateThenPlaces(&'static [&'static str]),
    /// Where events happened: a mention after a locative preposition, or an event's place.
    EventPlaces,
    /// Places named anywhere in the body (or by their demonym).
    Places,
    /// People, named in full or by surname.
    Persons,
    /// Sides and parties: a mention, a demonym, or all content words of the name.
    Parties,
    /// An outcome, backed by events of a fitting type.
    Result,
    /// A title or office: its words in the body.
    Title,
    /// Nothing to check.
    Unchecked,
}

/// One infobox type.
#[derive(Debug)]
pub(crate) struct Schema {
    /// `conflict`, `person`, `treaty`.
    pub name: &'static str,
    /// Template-name words that select the type.
    pub templates: &'static [&'static str],
    /// Keys whose presence selects the type when the template does not tell.
    pub markers: &'static [&'static str],
    /// (normalized key, rule).
    pub fields: &'static [(&'static str, Rule)],
}

const CONFLICT: Schema = Schema {
    name: "conflict",
    templates: &["conflict", "battle", "war", "military", "revolution"],
    markers: &["combatant", "commander", "belligerent", "casualties", "strength"],
    fields: &[
        ("date", Rule::EventRange),
        ("place", Rule::EventPlaces),
        ("location", Rule::EventPlaces),
        ("result", Rule::Result),
        ("combatant", Rule::Parties),
        ("belligerent", Rule::Parties),
        ("commander", Rule::Persons),
        ("leader", Rule::Persons),
        ("strength", Rule::Unchecked),
        ("casualties", Rule::Unchecked),
        ("territory", Rule::Unchecked),
        ("partof", Rule::Unchecked),
    ],
};

const PERSON: Schema = Schema {
    name: "person",
    templates: &[
        "person",
        "officeholder",
        "president",
        "officer",
        "military person",
        "royalty",
        "politician",
    ],
    markers: &["born", "died", "inoffice", "office", "birthdate", "deathdate"],
    fields: &[
        ("born", Rule::DateThenPlaces(&["BIRTH"])),
        ("died", Rule::DateThenPlaces(&["DEATH"])),
        ("office", Rule::Title),
        ("inoffice", Rule::Tenure),
        ("predecessor", Rule::Persons),
        ("successor", Rule::Persons),
        ("spouse", Rule::Persons),
        ("party", Rule::Parties),
        ("allegiance", Rule::Parties),
        ("nationality", Rule::Places),
        ("rank", Rule::Title),
    ],
};

const TREATY: Schema = Schema {
    name: "treaty",
    templates: &["treaty", "agreement"],
    markers: &["signed", "datesigned", "signatories", "parties"],
    fields: &[
        ("signed", Rule::Date(&["TREATY"])),
        ("location", Rule::EventPlaces),
        ("signatories", Rule::Persons),
        ("signatory", Rule::Persons),
        ("parties", Rule::Parties),
        ("type", Rule::Unchecked),
        ("effective", Rule::Unchecked),
        ("condition", Rule::Unchecked),
    ],
};

const SCHEMAS: &[&Schema] = &[&CONFLICT, &PERSON, &TREATY];

/// The schema for `infobox`: by template name, else by the keys present.
pub(crate) fn schema_for(infobox: &Infobox) -> Option<&'static Schema> {
    if let Some(t) = &infobox.template {
        // Whole words, the last (head) word first: "military person" is a person,
        // "military conflict" a conflict, and "software" is not a "war".
        let t = t.to_lowercase();
        for word in t.split(|c: char| !c.is_alphanumeric()).rev() {
            if let Some(s) = SCHEMAS.iter().find(|s| s.templates.contains(&word)) {
                return Some(s);
            }
        }
    }
    SCHEMAS
        .iter()
        .copied()
        .find(|s| infobox.fields.iter().any(|f| s.markers.contains(&split_key(&f.key).0.as_str())))
}

/// What an infobox describes: `conflict`, `person`, `treaty`, or `None`. The one
/// answer the checks, the article-local gazetteer and the JSON-LD types all use.
pub(crate) fn kind_of(infobox: &Infobox) -> Option<&'static str> {
    schema_for(infobox).map(|s| s.name)
}

impl Schema {
    /// The rule for a normalized key (unknown keys are unchecked).
    pub(crate) fn rule(&self, key: &str) -> Rule {
        self.fields.iter().find(|(k, _)| *k == key).map_or(Rule::Unchecked, |(_, r)| *r)
    }
}

/// `Commander2` -> (`commander`, Some(2)); `In office` -> (`inoffice`, None).
pub(crate) fn split_key(key: &str) -> (String, Option<u32>) {
    let norm: String = key
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    let base = norm.trim_end_matches(|c: char| c.is_ascii_digit());
    let side = norm[base.len()..].parse().ok();
    (base.to_string(), side)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article::InfoboxField, span::Span};

    #[test]
    fn keys_and_schemas() {
        assert_eq!(split_key("Commander2"), ("commander".into(), Some(2)));
        assert_eq!(split_key("In office"), ("inoffice".into(), None));
        assert_eq!(split_key("in_office2"), ("inoffice".into(), Some(2)));
        let infobox = |template: Option<&str>, keys: &[&str]| Infobox {
            template: template.map(str::to_string),
            fields: keys
                .iter()
                .map(|k| InfoboxField {
                    key: k.to_string(),
                    value: String::new(),
                    key_span: Span::default(),
                    value_span: Span::default(),
                })
                .collect(),
            ..Infobox::default()
        };
        assert_eq!(kind_of(&infobox(None, &["Date", "Combatant1"])), Some("conflict"));
        assert_eq!(kind_of(&infobox(None, &["Born", "Office"])), Some("person"));
        assert_eq!(kind_of(&infobox(None, &["death_date"])), Some("person"));
        assert_eq!(kind_of(&infobox(None, &["Signed", "Parties"])), Some("treaty"));
        assert_eq!(kind_of(&infobox(None, &["date_signed"])), Some("treaty"));
        assert_eq!(kind_of(&infobox(Some("military conflict"), &[])), Some("conflict"));
        assert_eq!(kind_of(&infobox(Some("military person"), &["Battles"])), Some("person"));
        assert_eq!(kind_of(&infobox(Some("software"), &["Developer"])), None);
        assert_eq!(kind_of(&infobox(None, &["Colour"])), None);
        for (key, base, n) in [
            ("commander_1", "commander", Some(1)),
            ("Date", "date", None),
            ("birth_date", "birthdate", None),
            ("Größe", "größe", None),
        ] {
            assert_eq!(split_key(key), (base.to_string(), n), "{key}");
        }
        assert_eq!(CONFLICT.rule("casualties"), Rule::Unchecked);
        assert_eq!(PERSON.rule("inoffice"), Rule::Tenure);
    }
}
