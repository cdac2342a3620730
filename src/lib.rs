//! wikianno: annotate wiki articles with entities, dates, events and infobox verdicts.
//!
//! The pipeline reads articles ([`source`]), parses them ([`article`]), finds gazetteer
//! entities ([`gazetteer`]), temporal expressions ([`temporal`]) and events
//! ([`events`]), checks the infobox against the body ([`infobox`]), and writes
//! NDJSON or JSON-LD ([`output`]). Every span is a byte [`Span`] into the article text;
//! records carry code-point offsets too.
//!
//! ```
//! use wikianno::{Pipeline, RawArticle, Markup};
//!
//! let pipeline = Pipeline::builder()
//!     .gazetteer_tsv("people.tsv", "Juan Antonio Pezet\tPERSON\tJuan_Antonio_Pezet\n")
//!     .build()
//!     .unwrap();
//! let raw = RawArticle {
//!     title: None,
//!     text: "= Pezet =\n\nPEZET resigned; Pezet's ministers fled.\n".into(),
//!     origin: "example".into(),
//!     fallback_title: "example".into(),
//!     markup: Markup::WikiStyle,
//! };
//! let annotated = pipeline.annotate(raw);
//! assert_eq!(annotated.article.title, "Pezet");
//! let record = wikianno::output::ndjson::to_line(&wikianno::Record::Article(Box::new(annotated)));
//! let json: serde_json::Value = serde_json::from_str(&record).unwrap();
//! assert_eq!(json["id"], "Pezet");
//! ```
#![deny(missing_docs)]

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
pub use pipeline::{default_gazetteer_dir, AnnotatedArticle, Pipeline, PipelineBuilder, Record};
pub use source::{InputError, Markup, RawArticle, Redirect, SourceItem};
pub use span::{CharIndex, Span};
