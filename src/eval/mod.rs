//! Evaluation of the entity stage (Wiki-Fair, wikigold: see `entities.rs`) and of the temporal tagger against TimeML gold data, scored like TempEval-3
//! (SemEval-2013 Task 1, task A): strict and relaxed span P/R/F1, type and value
//! accuracy on the relaxed matches, and value F1 (relaxed F1 x value accuracy).
//!
//! ```
//! use wikianno::eval::{parse_timeml, score_document};
//! use wikianno::temporal::{Reference, TemporalTagger};
//!
//! let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-04">1998-03-04</TIMEX3></DCT>
//! <TEXT>Rain fell on <TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3>.</TEXT></TimeML>"#;
//! let doc = parse_timeml("doc", xml).unwrap();
//! assert_eq!(doc.text, "Rain fell on Monday.");
//! let reference = Reference::document_date(doc.dct.as_deref().unwrap()).unwrap();
//! let predicted = TemporalTagger::new().tag_text(&doc.text, reference);
//! let scores = score_document(&doc, &predicted);
//! assert_eq!(scores.spans.relaxed().f1, 1.0);
//! assert_eq!(scores.value_accuracy(), 1.0);
//! ```

mod entities;
mod events;
mod extent;
mod score;
mod timeml;

pub use entities::{
    is_coreference, parse_conll_io, parse_wikifair_line, score_conll, score_entities, ConllDoc,
    EntityError, EntityScores, GoldEntity, WikiFairDoc,
};
pub use events::{parse_brat, score_mentions, MentionScores};
pub use extent::{error_classes, strict_errors, StrictError, StrictErrorKind};
pub use score::{score_document, timeml_view, Prf, Scores, SpanCounts};
pub use timeml::{parse_timeml, GoldEvent, GoldTimex, TimemlDocument};
