//! Diagnostics: what a stage noticed about an article's content.
//!
//! Content never makes an [`Error`](crate::Error): a malformed article is still
//! annotated, and what could not be parsed is reported here, with a span when
//! there is one.

use crate::span::Span;

/// One thing worth telling the user about an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the article text, when the problem has a place.
    pub span: Option<Span>,
    /// A stable machine-readable kind, e.g. `infobox-line`, `empty-name-slot`.
    pub kind: &'static str,
    /// One readable sentence.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `span`.
    pub fn at(span: Span, kind: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span: Some(span), kind, message: message.into() }
    }

    /// A diagnostic about the article as a whole.
    pub fn whole(kind: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span: None, kind, message: message.into() }
    }
}
