//! The table of templates the renderer knows: `gazetteers/lexicon/templates.tsv`, compiled
//! into the crate, read once. Each row names a template and a [`Rule`] for its visible
//! text; the file's header documents every rule. What a rule does is written once, in
//! the renderer; which template follows which rule is data.

use std::{collections::HashMap, sync::OnceLock};

use crate::article::DroppedKind;

const TABLE: &str = include_str!("../../../gazetteers/lexicon/templates.tsv");

/// How a template is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    Quiet,
    Placeholder(DroppedKind),
    /// The n-th unnamed argument, 0-based.
    Arg(usize),
    LastArg,
    Text(&'static str),
    /// The text, then the n-th unnamed argument (0-based).
    Before(&'static str, usize),
    Date,
    DateAge,
    AsOf,
    Convert,
    List,
    Concat,
    Frac,
    Ship,
    ShipPrefix,
    Flag,
    LinkArg,
    Marriage,
    Nihongo,
    Reign,
    Url,
    Infobox,
}

/// Rows by exact name, and the prefix and suffix rows (longest first).
pub(super) struct Templates {
    exact: HashMap<&'static str, Rule>,
    prefixes: Vec<(&'static str, Rule)>,
    suffixes: Vec<(&'static str, Rule)>,
}

impl Templates {
    /// The shipped table (parsed on first use; a bad row is a bug the unit test catches).
    pub fn get() -> &'static Templates {
        static TEMPLATES: OnceLock<Templates> = OnceLock::new();
        TEMPLATES.get_or_init(|| {
            Templates::parse(TABLE).expect("gazetteers/lexicon/templates.tsv is well formed")
        })
    }

    fn parse(table: &'static str) -> Result<Templates, String> {
        let mut t = Templates { exact: HashMap::new(), prefixes: Vec::new(), suffixes: Vec::new() };
        for (n, line) in table.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') && !line.starts_with("#tag") {
                continue;
            }
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let rule = cols.next().unwrap_or_default();
            let arg = cols.next();
            let rule = parse_rule(rule, arg, cols.next())
                .ok_or_else(|| format!("templates.tsv:{}: bad rule in {line:?}", n + 1))?;
            let duplicate = if let Some(p) = name.strip_suffix('*') {
                t.prefixes.iter().any(|(q, _)| *q == p) || {
                    t.prefixes.push((p, rule));
                    false
                }
            } else if let Some(s) = name.strip_prefix('*') {
                t.suffixes.iter().any(|(q, _)| *q == s) || {
                    t.suffixes.push((s, rule));
                    false
                }
            } else {
                t.exact.insert(name, rule).is_some()
            };
            if duplicate {
                return Err(format!("templates.tsv:{}: {name:?} is listed twice", n + 1));
            }
        }
        t.prefixes.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        t.suffixes.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        Ok(t)
    }

    /// The rule for a canonical template name (lower case, single spaces).
    pub fn rule(&self, name: &str) -> Option<Rule> {
        if let Some(&r) = self.exact.get(name) {
            return Some(r);
        }
        let prefixed = self.prefixes.iter().find(|(p, _)| name.starts_with(p));
        let suffixed = || self.suffixes.iter().find(|(s, _)| name.ends_with(s));
        prefixed.or_else(suffixed).map(|&(_, r)| r)
    }
}

fn parse_rule(rule: &str, arg: Option<&'static str>, extra: Option<&'static str>) -> Option<Rule> {
    let number = |s: Option<&str>| s?.trim().parse::<usize>().ok()?.checked_sub(1);
    let text = |s: &'static str| -> &'static str { leak_spaces(s) };
    Some(match rule {
        "quiet" => Rule::Quiet,
        "reference" => Rule::Placeholder(DroppedKind::Reference),
        "pronunciation" => Rule::Placeholder(DroppedKind::Pronunciation),
        "coordinates" => Rule::Placeholder(DroppedKind::Coordinates),
        "arg" => Rule::Arg(number(arg)?),
        "last" => Rule::LastArg,
        "text" => Rule::Text(text(arg?)),
        "before" => Rule::Before(text(arg?), number(extra)?),
        "date" => Rule::Date,
        "date-age" => Rule::DateAge,
        "as-of" => Rule::AsOf,
        "convert" => Rule::Convert,
        "list" => Rule::List,
        "concat" => Rule::Concat,
        "frac" => Rule::Frac,
        "ship" => Rule::Ship,
        "ship-prefix" => Rule::ShipPrefix,
        "flag" => Rule::Flag,
        "link-arg" => Rule::LinkArg,
        "marriage" => Rule::Marriage,
        "nihongo" => Rule::Nihongo,
        "reign" => Rule::Reign,
        "url" => Rule::Url,
        "infobox" => Rule::Infobox,
        _ => return None,
    })
}

/// `\s` in the table stands for a space (tabs and trailing spaces are invisible in TSV).
/// The few texts with one are leaked once, when the table is read.
fn leak_spaces(s: &'static str) -> &'static str {
    if s.contains("\\s") {
        Box::leak(s.replace("\\s", " ").into_boxed_str())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_reads_and_resolves() {
        let t = Templates::parse(TABLE).unwrap();
        assert_eq!(t.rule("cite web"), Some(Rule::Placeholder(DroppedKind::Reference)));
        assert_eq!(t.rule("lang-fr"), Some(Rule::Arg(0)));
        assert_eq!(t.rule("circa"), Some(Rule::Before("c. ", 0)));
        assert_eq!(t.rule("snd"), Some(Rule::Text(" – ")));
        assert_eq!(t.rule("ipac-en"), Some(Rule::Placeholder(DroppedKind::Pronunciation)));
        assert_eq!(t.rule("infobox officeholder"), Some(Rule::Infobox));
        assert_eq!(t.rule("us presidents navbox"), Some(Rule::Quiet));
        assert_eq!(t.rule("no such template"), None);
        assert!(Templates::parse("a\tnope\n").is_err());
        assert!(Templates::parse("a\tquiet\na\tquiet\n").is_err());
    }
}
