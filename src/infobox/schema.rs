//! Declarative schemas: which rule checks which field, per infobox type.
//!
//! A field key is compared without case, spaces and underscores, with its trailing
//! number split off (`Commander2` -> `commander`, side 2). Adding a field to a type is
//! one row here, never new code.

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
    templates: &["conflict", "battle", "war", "military", "revolution", "civil conflict"],
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
    templates: &["person", "officeholder", "president", "officer", "military person", "royalty", "politician"],
    markers: &["born", "died", "inoffice", "office", "birthdate"],
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
    markers: &["signed", "signatories", "parties"],
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

/// The schema for an infobox with this template name and these keys.
pub(crate) fn schema_for(template: Option<&str>, keys: &[String]) -> Option<&'static Schema> {
    if let Some(t) = template {
        let t = t.to_lowercase();
        if let Some(s) = SCHEMAS.iter().find(|s| s.templates.iter().any(|w| t.contains(w))) {
            return Some(s);
        }
    }
    SCHEMAS.iter().copied().find(|s| keys.iter().any(|k| s.markers.contains(&split_key(k).0.as_str())))
}

impl Schema {
    /// The rule for a normalized key (unknown keys are unchecked).
    pub(crate) fn rule(&self, key: &str) -> Rule {
        self.fields.iter().find(|(k, _)| *k == key).map_or(Rule::Unchecked, |(_, r)| *r)
    }
}

/// `Commander2` -> (`commander`, Some(2)); `In office` -> (`inoffice`, None).
pub(crate) fn split_key(key: &str) -> (String, Option<u32>) {
    let norm: String = key.chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect();
    let base = norm.trim_end_matches(|c: char| c.is_ascii_digit());
    let side = norm[base.len()..].parse().ok();
    (base.to_string(), side)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_schemas() {
        assert_eq!(split_key("Commander2"), ("commander".into(), Some(2)));
        assert_eq!(split_key("In office"), ("inoffice".into(), None));
        assert_eq!(split_key("in_office2"), ("inoffice".into(), Some(2)));
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(schema_for(None, &keys(&["Date", "Combatant1"])).map(|s| s.name), Some("conflict"));
        assert_eq!(schema_for(None, &keys(&["Born", "Office"])).map(|s| s.name), Some("person"));
        assert_eq!(schema_for(None, &keys(&["Signed", "Parties"])).map(|s| s.name), Some("treaty"));
        assert_eq!(schema_for(Some("military conflict"), &[]).map(|s| s.name), Some("conflict"));
        assert!(schema_for(None, &keys(&["Colour"])).is_none());
        assert_eq!(CONFLICT.rule("casualties"), Rule::Unchecked);
        assert_eq!(PERSON.rule("inoffice"), Rule::Tenure);
    }
}
