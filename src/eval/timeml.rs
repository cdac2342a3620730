//! TimeML reader: the `<TEXT>` content with tags stripped, and its `<TIMEX3>` spans.

use quick_xml::{events::Event, Reader};

use crate::{error::Result, span::Span, Error};

/// A gold temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// `tid` attribute.
    pub tid: String,
    /// Where, in bytes of [`TimemlDocument::text`].
    pub span: Span,
    /// `type` attribute: DATE, TIME, DURATION, SET.
    pub kind: String,
    /// `value` attribute (empty when absent).
    pub value: String,
}

/// A gold event mention (`<EVENT>` inside `<TEXT>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldEvent {
    /// `eid` attribute.
    pub eid: String,
    /// Where, in bytes of [`TimemlDocument::text`].
    pub span: Span,
    /// `class` attribute: OCCURRENCE, STATE, REPORTING, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION.
    pub class: String,
}

/// One TimeML document: its text and gold timexes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimemlDocument {
    /// File name or other label.
    pub name: String,
    /// The `<TEXT>` content, tags removed, entities decoded.
    pub text: String,
    /// The document creation time (`<DCT>`'s TIMEX3 value), if any.
    pub dct: Option<String>,
    /// Gold TIMEX3 inside `<TEXT>`, in text order; `tid="t0"` (the DCT, repeated in
    /// WikiWars' text header) is left out.
    pub timexes: Vec<GoldTimex>,
    /// Spans of the `tid="t0"` TIMEX3 inside the text: not scored on either side.
    pub ignored: Vec<crate::span::Span>,
    /// Gold `<EVENT>` mentions inside `<TEXT>`, in text order.
    pub events: Vec<GoldEvent>,
}

/// Read a TimeML document. Fails only on malformed XML.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimemlDocument> {
    let mut reader = Reader::from_str(xml);
    let mut doc = TimemlDocument { name: name.to_string(), ..TimemlDocument::default() };
    let mut in_text = false;
    let mut in_dct = false;
    // The TIMEX3 being read: (tid, kind, value, start byte).
    let mut open: Option<(String, String, String, usize)> = None;
    // The EVENT being read: (eid, class, start byte).
    let mut open_event: Option<(String, String, usize)> = None;
    let bad = |e: &dyn std::fmt::Display| Error::input(name, format!("bad TimeML: {e}"));
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"TEXT" => in_text = true,
                b"DCT" => in_dct = true,
                b"TIMEX3" => {
                    let mut attrs = (String::new(), String::new(), String::new());
                    for a in e.attributes().flatten() {
                        let v = a.unescape_value().map_err(|e| bad(&e))?.into_owned();
                        match a.key.as_ref() {
                            b"tid" => attrs.0 = v,
                            b"type" => attrs.1 = v,
                            b"value" => attrs.2 = v,
                            _ => {}
                        }
                    }
                    if in_dct && doc.dct.is_none() {
                        doc.dct = Some(attrs.2.clone());
                    }
                    if in_text {
                        open = Some((attrs.0, attrs.1, attrs.2, doc.text.len()));
                    }
                }
                b"EVENT" if in_text => {
                    let (mut eid, mut class) = (String::new(), String::new());
                    for a in e.attributes().flatten() {
                        let v = a.unescape_value().map_err(|e| bad(&e))?.into_owned();
                        match a.key.as_ref() {
                            b"eid" => eid = v,
                            b"class" => class = v,
                            _ => {}
                        }
                    }
                    open_event = Some((eid, class, doc.text.len()));
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"TEXT" => in_text = false,
                b"DCT" => in_dct = false,
                b"EVENT" => {
                    if let Some((eid, class, start)) = open_event.take() {
                        let span = Span::new(start, doc.text.len());
                        doc.events.push(GoldEvent { eid, span, class });
                    }
                }
                b"TIMEX3" => {
                    if let Some((tid, kind, value, start)) = open.take() {
                        let span = Span::new(start, doc.text.len());
                        if tid == "t0" {
                            doc.ignored.push(span);
                        } else {
                            doc.timexes.push(GoldTimex { tid, span, kind, value });
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => doc.text.push_str(&t.decode().map_err(|e| bad(&e))?),
            Event::CData(t) if in_text => doc.text.push_str(&t.decode().map_err(|e| bad(&e))?),
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| bad(&e))? {
                    doc.text.push(c);
                } else {
                    let name = r.decode().map_err(|e| bad(&e))?;
                    let decoded = quick_xml::escape::unescape(&format!("&{name};"))
                        .map_err(|e| bad(&e))?
                        .into_owned();
                    doc.text.push_str(&decoded);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc)
}
