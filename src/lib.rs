//! wikianno: annotate wiki articles with entities, dates, events and infobox verdicts.
//!
//! The pipeline reads articles ([`source`]), parses them ([`article`]), finds gazetteer
//! entities ([`gazetteer`]), temporal expressions ([`temporal`]) and events
//! ([`events`]), checks the infobox against the body ([`infobox`]), and writes
//! NDJSON or JSON-LD ([`output`]). Every span is a byte [`Span`] into the article text;
//! records carry code-point offsets too.
//!
//! ```
//! use wikianno::{Label, Pipeline, RawArticle};
//!
//! // The shipped gazetteers: curated lists compiled in, general lists found at run time
//! // (see `gazetteer::locate_general`).
//! let pipeline = Pipeline::builder().shipped_gazetteers().build()?;
//! let raw = RawArticle::wiki_style(
//!     "example",
//!     "= Pezet =\n\nPEZET resigned on 6 November 1865; Pezet's ministers fled to Callao.\n",
//! );
//! let annotated = pipeline.annotate(raw);
//! assert_eq!(annotated.article.title, "Pezet");
//! let text = &annotated.article.text;
//! let places: Vec<&str> = annotated
//!     .entities
//!     .iter()
//!     .filter(|m| m.label == Label::Place)
//!     .map(|m| m.span.slice(text))
//!     .collect();
//! assert_eq!(places, ["Callao"]);
//! assert_eq!(annotated.timexes[0].span.slice(text), "6 November 1865");
//!
//! // One NDJSON line per article, offsets in code points.
//! let record = wikianno::output::ndjson::to_line(&wikianno::Record::Article(Box::new(annotated)));
//! let json: serde_json::Value = serde_json::from_str(&record)?;
//! assert_eq!(json["id"], "Pezet");
//! assert_eq!(json["timexes"][0]["value"], "1865-11-06");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

#[macro_use]
mod names;

pub mod analysis;
pub mod article;
pub mod diagnostic;
mod error;
pub mod eval;
pub mod events;
pub mod gazetteer;
pub mod index;
pub mod infobox;
pub mod output;
mod pipeline;
pub mod sentences;
pub mod source;
pub mod span;
pub mod temporal;

pub use article::Article;
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use error::{Error, ErrorKind, Result};
pub use gazetteer::{EntityMention, Gazetteer, GazetteerBuilder, Label};
pub use pipeline::{AnnotatedArticle, Pipeline, PipelineBuilder, Record};
pub use source::{InputError, Markup, RawArticle, Redirect, SourceItem};
pub use span::{CharIndex, Span};
