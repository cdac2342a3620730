//! Surname forms that several persons of one article share, and whom an occurrence names.
//!
//! The article-local entries give every person of an article their surname forms
//! ("Obama" for Barack and for Michelle Obama; `local.rs`). Two rules settle a form that
//! several persons own, both here: the article's own subject keeps its forms alone, when
//! the entries are made ([`subject_keeps_shared_surnames`]: the subject is who an article
//! names by surname); a form two other persons share goes, at each occurrence, to the one
//! the text named last ([`SharedSurnames`], while the matches are read in text order).

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{fold, Entry, Label};

/// True for a person's surname form: a short form ([`Entry::partial`]) of a PERSON entry.
fn is_surname_form(e: &Entry) -> bool {
    e.partial && e.label == Label::Person
}

/// `entries` where a surname form that the article's own subject (`subject_id`) shares
/// with another person of the article ("Obama" in an article on Barack Obama that links
/// Michelle Obama) is the subject's only: the subject is who an article names by surname.
/// A form two other persons share stays with both; the matcher gives each occurrence to
/// the one the text named last (`Gazetteer::find_with_local`). Forms compare folded, as
/// the matcher and [`SharedSurnames`] compare them.
pub(super) fn subject_keeps_shared_surnames(entries: Vec<Entry>, subject_id: &str) -> Vec<Entry> {
    let subject_forms: FxHashSet<String> = entries
        .iter()
        .filter(|e| is_surname_form(e) && &*e.id == subject_id)
        .map(|e| fold(&e.surface))
        .collect();
    if subject_forms.is_empty() {
        return entries;
    }
    entries
        .into_iter()
        .filter(|e| {
            !is_surname_form(e)
                || &*e.id == subject_id
                || !subject_forms.contains(&fold(&e.surface))
        })
        .collect()
}

/// The surname forms that two persons of an article share ("Kamprad" of Ingvar and
/// Mathias Kamprad), and which of their owners the text named last: an occurrence of
/// such a form is that person (the nearest antecedent), never the one whose entry came
/// first. Linear: each mention updates the few forms its person owns.
#[derive(Default)]
pub(super) struct SharedSurnames {
    /// Folded form -> the owner named last (`None` before any is).
    last_owner: FxHashMap<String, Option<Arc<str>>>,
    /// Person id -> the shared forms it owns.
    forms_of: FxHashMap<Arc<str>, Vec<String>>,
}

impl SharedSurnames {
    /// The shared surname forms of the article-local entries `local`.
    pub(super) fn of(local: &[Entry]) -> SharedSurnames {
        let mut first_owner: FxHashMap<String, (Arc<str>, bool)> = FxHashMap::default();
        for e in local.iter().filter(|e| is_surname_form(e)) {
            first_owner
                .entry(fold(&e.surface))
                .and_modify(|(id, shared)| *shared |= *id != e.id)
                .or_insert((e.id.clone(), false));
        }
        let mut out = SharedSurnames::default();
        for e in local.iter().filter(|e| is_surname_form(e)) {
            let form = fold(&e.surface);
            if !first_owner.get(&form).is_some_and(|(_, shared)| *shared) {
                continue;
            }
            let forms = out.forms_of.entry(e.id.clone()).or_default();
            if !forms.contains(&form) {
                forms.push(form.clone());
            }
            out.last_owner.insert(form, None);
        }
        out
    }

    /// The id of a mention of `e`, taken in text order: for a shared form, the owner named
    /// last before it (its own entry's when none was); every mention records its person
    /// as the last named for the forms that person owns.
    pub(super) fn owner(&mut self, e: &Entry) -> Arc<str> {
        if self.last_owner.is_empty() {
            return e.id.clone();
        }
        // A shared form is the person's named last, once one of its owners was named.
        let named_last = if is_surname_form(e) {
            self.last_owner.get(&fold(&e.surface)).cloned().flatten()
        } else {
            None
        };
        let id = named_last.unwrap_or_else(|| e.id.clone());
        for form in self.forms_of.get(&id).into_iter().flatten() {
            if let Some(last) = self.last_owner.get_mut(form) {
                *last = Some(id.clone());
            }
        }
        id
    }
}
