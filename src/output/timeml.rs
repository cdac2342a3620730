//! TimeML writer: an article as a TimeML document, its temporal expressions as TIMEX3
//! elements inside `<TEXT>` (with `tid`, `type`, `value`, `mod` and `anchorTimeID`).
//!
//! TIMEX3 elements cannot nest, so the expressions are written as TimeML annotates them
//! ([`crate::eval::timeml_view`]): a range as its two ends. `anchorTimeID` names the
//! written expression whose span supplied the anchor, when there is one. The output
//! reads back with [`crate::eval::parse_timeml`] to the same spans and values, so
//! `eval-timex` scores a written file as it scores the tagger (a test checks it).
//!
//! ```
//! use wikianno::output::timeml::write_timeml;
//! use wikianno::temporal::{Reference, TemporalTagger};
//!
//! let text = "The siege began on 14 April 1864 & ended two days later.";
//! let timexes = TemporalTagger::new().tag_text(text, Reference::Narrative);
//! let mut out = Vec::new();
//! write_timeml(&mut out, "siege", text, &timexes).unwrap();
//! let xml = String::from_utf8(out).unwrap();
//! assert!(xml.contains(r#"<TIMEX3 tid="t1" type="DATE" value="1864-04-14">14 April 1864</TIMEX3> &amp; ended"#));
//! let back = wikianno::eval::parse_timeml("siege", &xml).unwrap();
//! assert_eq!(back.text, text);
//! assert_eq!(back.timexes[1].value, "1864-04-16");
//! ```

use std::io::{self, Write};

use quick_xml::{
    events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event},
    Writer,
};

use crate::{eval::timeml_view, pipeline::AnnotatedArticle, temporal::Timex};

/// Write `annotated` as one TimeML document (the article id as `DOCID`), then a newline.
pub fn write_document<W: Write + ?Sized>(
    out: &mut W,
    annotated: &AnnotatedArticle,
) -> io::Result<()> {
    let a = &annotated.article;
    write_timeml(out, &a.title, &a.text, &annotated.timexes)?;
    out.write_all(b"\n")
}

/// Write `text` and its `timexes` (as the tagger returns them) as a TimeML document.
pub fn write_timeml<W: Write + ?Sized>(
    out: &mut W,
    doc_id: &str,
    text: &str,
    timexes: &[Timex],
) -> io::Result<()> {
    let mut w = Writer::new(out);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Text(BytesText::new("\n")))?;
    w.write_event(Event::Start(BytesStart::new("TimeML")))?;
    w.write_event(Event::Text(BytesText::new("\n")))?;
    w.write_event(Event::Start(BytesStart::new("DOCID")))?;
    w.write_event(Event::Text(BytesText::new(doc_id)))?;
    w.write_event(Event::End(BytesEnd::new("DOCID")))?;
    w.write_event(Event::Text(BytesText::new("\n")))?;
    w.write_event(Event::Start(BytesStart::new("TEXT")))?;
    // What TimeML tags, in text order, without overlaps (a later one overlapping an
    // earlier one is left out rather than nested).
    let mut written: Vec<&Timex> = Vec::new();
    for t in timeml_view(timexes) {
        if written.last().is_none_or(|last| last.span.end <= t.span.start)
            && text.get(t.span.start..t.span.end).is_some()
        {
            written.push(t);
        }
    }
    let tid_of = |span: crate::span::Span| {
        written.iter().position(|t| t.span == span).map(|i| format!("t{}", i + 1))
    };
    let mut at = 0;
    for (i, t) in written.iter().enumerate() {
        w.write_event(Event::Text(BytesText::new(text.get(at..t.span.start).unwrap_or(""))))?;
        let tid = format!("t{}", i + 1);
        let value = t.value.to_string();
        let mut start = BytesStart::new("TIMEX3");
        start.push_attribute(("tid", tid.as_str()));
        start.push_attribute(("type", t.kind.as_str()));
        start.push_attribute(("value", value.as_str()));
        if let Some(m) = t.modifier {
            start.push_attribute(("mod", m.as_str()));
        }
        if let Some(anchor) = t.anchor.and_then(tid_of).filter(|a| *a != tid) {
            start.push_attribute(("anchorTimeID", anchor.as_str()));
        }
        w.write_event(Event::Start(start))?;
        w.write_event(Event::Text(BytesText::new(t.span.slice(text))))?;
        w.write_event(Event::End(BytesEnd::new("TIMEX3")))?;
        at = t.span.end;
    }
    w.write_event(Event::Text(BytesText::new(text.get(at..).unwrap_or(""))))?;
    w.write_event(Event::End(BytesEnd::new("TEXT")))?;
    w.write_event(Event::Text(BytesText::new("\n")))?;
    w.write_event(Event::End(BytesEnd::new("TimeML")))?;
    Ok(())
}
