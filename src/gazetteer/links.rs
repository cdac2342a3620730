//! Link mentions: a wikitext link `[[Target|anchor]]` is an exact mention of its target.
//!
//! A link beats every dictionary mention that overlaps it. Its label is the type an entity
//! index gives its target, when one is loaded (`annotate --index`); else the first of:
//! 1. a curated gazetteer row whose surface is the target title (`Peru`, `Mariano Ignacio Prado`);
//! 2. the target title's shape ([`label_from_title`]: "(band)", "University of", "HMS", ...);
//! 3. the infobox parameter the link sits in (`birth_place` -> PLACE, `spouse` -> PERSON);
//! 4. any other gazetteer row for the target title (the general GeoNames list);
//! 5. a dictionary mention with exactly the link's span;
//! 6. an anchor written all in lowercase ("landgrave", "disco", "sports shooter") names a
//!    concept, not a person, place, organization, event or work, whose names English
//!    capitalizes: MISC;
//!
//! and otherwise it is [`Label::Unknown`]: never a guess.

use std::sync::Arc;

use super::{title_shape::label_from_title, EntityMention, EntrySource, Gazetteer, Label};
use crate::article::{title_to_id, Article, Link};

/// True for a row of a general list (GeoNames): weaker evidence than a curated row.
pub(crate) fn is_general_id(id: &str) -> bool {
    id.starts_with("geonames:")
}

/// The label of a link to `target` at `link` (see the module doc).
pub(crate) fn link_label(
    article: &Article,
    link: &Link,
    found: &[EntityMention],
    gazetteer: &Gazetteer,
) -> Label {
    if let Some(label) = gazetteer.index_label(&link.target) {
        return label;
    }
    let known = gazetteer.lookup(&link.target);
    if let Some(e) = known.filter(|e| !is_general_id(&e.id)) {
        return e.label;
    }
    if let Some(label) = label_from_title(&link.target) {
        return label;
    }
    let field = article.infobox.as_ref().and_then(|infobox| {
        infobox
            .fields
            .iter()
            .find(|f| f.value_span.start <= link.span.start && link.span.end <= f.value_span.end)
    });
    if let Some(label) = field.and_then(|f| f.key().role.link_label()) {
        return label;
    }
    if let Some(e) = known {
        return e.label;
    }
    if let Some(m) = found.iter().find(|m| m.span == link.span) {
        return m.label;
    }
    let anchor = link.span.slice(&article.text);
    if anchor.chars().any(char::is_alphabetic) && !anchor.chars().any(char::is_uppercase) {
        return Label::Misc;
    }
    Label::Unknown
}

/// Merge the article's links into the dictionary mentions `found` (sorted, free of
/// overlaps). Nested links (a `{{flag}}` inside a link label) keep the outer one, by the
/// same (start, longer first) order as the gazetteer.
pub fn with_link_mentions(
    article: &Article,
    found: Vec<EntityMention>,
    gazetteer: &Gazetteer,
) -> Vec<EntityMention> {
    let mut links: Vec<&Link> = article.links.iter().filter(|l| !l.span.is_empty()).collect();
    links.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then_with(|| a.target.cmp(&b.target))
    });
    let mut kept: Vec<&Link> = Vec::with_capacity(links.len());
    for l in links {
        if kept.last().is_none_or(|k| l.span.start >= k.span.end) {
            kept.push(l);
        }
    }
    let mut out: Vec<EntityMention> = Vec::with_capacity(found.len() + kept.len());
    for l in &kept {
        out.push(EntityMention {
            span: l.span,
            label: link_label(article, l, &found, gazetteer),
            id: Arc::from(title_to_id(&l.target)),
            source: EntrySource::Link,
        });
    }
    // Both lists are sorted and each is free of overlaps: keep dictionary mentions outside every link.
    let mut k = 0;
    for m in found {
        while k < kept.len() && kept[k].span.end <= m.span.start {
            k += 1;
        }
        if kept[k..]
            .iter()
            .take_while(|l| l.span.start < m.span.end)
            .any(|l| l.span.overlaps(m.span))
        {
            continue;
        }
        out.push(m);
    }
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    out
}
