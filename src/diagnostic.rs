//! Diagnostics: what a stage noticed about an article's content.
//!
//! Content never makes an [`Error`](crate::Error): a malformed article is still
//! annotated, and what could not be parsed is reported here, with a span when
//! there is one.

use crate::span::Span;

/// Declares [`DiagnosticKind`] with its record names, in one list.
macro_rules! diagnostic_kinds {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)+) => {
        /// What a diagnostic is about. Records name it in kebab case (`infobox-line`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum DiagnosticKind {
            $($(#[$doc])* $variant,)+
        }

        impl DiagnosticKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [DiagnosticKind] = &[$(DiagnosticKind::$variant,)+];

            /// The stable machine-readable name used in records.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(DiagnosticKind::$variant => $name,)+
                }
            }
        }
    };
}

diagnostic_kinds! {
    /// Wikitext nested deeper than the renderer follows.
    DepthLimit = "depth-limit",
    /// A template the renderer does not know was dropped.
    TemplateDropped = "template-dropped",
    /// An infobox inside running text (a link, a table cell) was dropped.
    InfoboxDropped = "infobox-dropped",
    /// Constructs with no plain text (math, code, galleries, ...) kept as placeholders.
    ConstructDropped = "construct-dropped",
    /// A heading line with a stray `=`.
    HeadingStrayEquals = "heading-stray-equals",
    /// A second level-1 `= Title =` heading inside an article.
    HeadingLevel1 = "heading-level-1",
    /// An infobox line that is not `- Key: Value`.
    InfoboxLine = "infobox-line",
    /// An infobox field with no value.
    InfoboxEmptyValue = "infobox-empty-value",
    /// An infobox with no fields.
    InfoboxEmpty = "infobox-empty",
    /// A name slot left empty by a dropped template ("the screw frigate .").
    EmptyNameSlot = "empty-name-slot",
    /// Brackets that do not pair.
    UnbalancedBrackets = "unbalanced-brackets",
    /// Two articles of a graph with the same id.
    DuplicateArticle = "duplicate-article",
    /// The same event or person dated differently in two articles.
    DateMismatch = "date-mismatch",
}

record_name_impls!(DiagnosticKind, String, |s: &str| format!("{s:?} is not a diagnostic kind"));

/// One thing worth telling the user about an article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Where in the article text, when the problem has a place.
    pub span: Option<Span>,
    /// What it is about.
    pub kind: DiagnosticKind,
    /// One readable sentence.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `span`.
    pub fn at(span: Span, kind: DiagnosticKind, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span: Some(span), kind, message: message.into() }
    }

    /// A diagnostic about the article as a whole.
    pub fn whole(kind: DiagnosticKind, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span: None, kind, message: message.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &k in DiagnosticKind::ALL {
            assert_eq!(k.as_str().parse::<DiagnosticKind>(), Ok(k));
        }
    }
}
