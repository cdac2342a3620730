//! Pathological inputs for the hostile-input checks, generated at any size: the shapes
//! that once made a stage quadratic (issue 10). Shared by `tests/hostile.rs` and
//! `examples/hostile_scaling.rs`; generated, never committed.

#![allow(dead_code)]

use wikianno::source::{Markup, RawArticle};

/// One pathological shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Wikitext `[[A|` (never closed) followed by many `<ref>x</ref>`.
    OpenLinkThenRefs,
    /// One line of `[http://x ` external links, never closed.
    BareExternalLinks,
    /// Many short `==a==` sections.
    ShortSections,
    /// Many `* x` list items.
    ListItems,
    /// Wiki-style prose with entities, triggers and dates and no sentence end at all.
    SentenceWithoutEnd,
    /// Wiki-style prose where no word is followed by white space (`,Lima,Peru,...`).
    NoWhiteSpace,
    /// One wikitext infobox of numbered fields, each a date or a linked commander (`|
    /// date7 = 8 May 1865`, `| commander7 = [[Qwerty Ytrewq 7]]`): every item is checked,
    /// typed and written as a fact.
    LongInfobox,
    /// One infobox field of many linked, dated items (`[[Qwerty Ytrewq 7]] (8 May
    /// 1865)<br>`): one field's items, links and dates.
    LongInfoboxField,
    /// Wiki-style prose of many short sentences, each a dated event with a new name
    /// (`Qwerty7 Ytrewq attacked Callao on 8 May 1807.`): an ordinary long article, which
    /// a scan of every mention per event made quadratic.
    DatedSentences,
    /// Wiki-style lines of names and commas without a space (`Prado,Prado,...`, 240 bytes
    /// a line): a citation check split the rest of the text at its next space per match.
    NoSpaceLines,
    /// Wiki-style text without spaces, as Japanese or Chinese is written, full of dates
    /// (`ペルー内戦1865年`): the date tagger read the whole run back as one word per date.
    UnspacedDates,
    /// One capitalized run that never ends (`Institute of Institute of ...`): it became an
    /// article-local name as long as the page, and the local matcher walked it from every
    /// word.
    EndlessName,
}

impl Shape {
    /// Every shape, renderer shapes first.
    pub const ALL: [Shape; 12] = [
        Shape::OpenLinkThenRefs,
        Shape::BareExternalLinks,
        Shape::ShortSections,
        Shape::ListItems,
        Shape::SentenceWithoutEnd,
        Shape::NoWhiteSpace,
        Shape::LongInfobox,
        Shape::LongInfoboxField,
        Shape::DatedSentences,
        Shape::NoSpaceLines,
        Shape::UnspacedDates,
        Shape::EndlessName,
    ];

    /// True for the shapes that exercise the wikitext renderer.
    pub fn is_renderer(self) -> bool {
        matches!(
            self,
            Shape::OpenLinkThenRefs
                | Shape::BareExternalLinks
                | Shape::ShortSections
                | Shape::ListItems
        )
    }

    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Shape::OpenLinkThenRefs => "[[A| + <ref>s",
            Shape::BareExternalLinks => "[http://x links",
            Shape::ShortSections => "==a== sections",
            Shape::ListItems => "* x list items",
            Shape::SentenceWithoutEnd => "sentence, no end",
            Shape::NoWhiteSpace => "no white space",
            Shape::LongInfobox => "long infobox",
            Shape::LongInfoboxField => "long infobox field",
            Shape::DatedSentences => "dated sentences",
            Shape::NoSpaceLines => "lines, no spaces",
            Shape::UnspacedDates => "unspaced dates",
            Shape::EndlessName => "endless name",
        }
    }

    /// The markup the shape is written in.
    pub fn markup(self) -> Markup {
        if self.is_renderer() || matches!(self, Shape::LongInfobox | Shape::LongInfoboxField) {
            Markup::Wikitext
        } else {
            Markup::WikiStyle
        }
    }

    /// The page body (no title line), `bytes` long or a little more.
    pub fn body(self, bytes: usize) -> String {
        let day = |n: usize| n % 28 + 1;
        match self {
            Shape::LongInfobox => {
                return numbered(INFOBOX_HEAD, INFOBOX_TAIL, bytes, |n| {
                    format!(
                        "| date{n} = {} May 1865\n| commander{n} = [[Qwerty Ytrewq {n}]]\n",
                        day(n)
                    )
                })
            }
            Shape::LongInfoboxField => {
                let head = format!("{INFOBOX_HEAD}| commander1 = ");
                return numbered(&head, &format!("\n{INFOBOX_TAIL}"), bytes, |n| {
                    format!("[[Qwerty Ytrewq {n}]] ({} May 1865)<br>", day(n))
                });
            }
            Shape::DatedSentences => {
                return numbered("", "", bytes, |n| {
                    format!(
                        "Qwerty{n} Ytrewq attacked Callao on {} May {}. ",
                        day(n),
                        1800 + n % 200
                    )
                })
            }
            _ => {}
        }
        let (head, unit) = match self {
            Shape::OpenLinkThenRefs => ("[[A|", "<ref>x</ref> "),
            Shape::BareExternalLinks => ("", "[http://x "),
            Shape::ShortSections => ("", "==a==\n"),
            Shape::ListItems => ("", "* x\n"),
            Shape::SentenceWithoutEnd => ("", PROSE),
            Shape::NoWhiteSpace => ("", ",Lima,Prado,Peru,revolted,1866,Callao"),
            Shape::NoSpaceLines => ("", NO_SPACE_LINE),
            Shape::UnspacedDates => ("", "ペルー内戦1865年"),
            Shape::EndlessName => ("", "Institute of "),
            Shape::LongInfobox | Shape::LongInfoboxField | Shape::DatedSentences => {
                unreachable!("numbered, above")
            }
        };
        let mut body = String::with_capacity(bytes + unit.len());
        body.push_str(head);
        while body.len() < bytes {
            body.push_str(unit);
        }
        body
    }

    /// The shape as one article of about `bytes` bytes.
    pub fn article(self, bytes: usize) -> RawArticle {
        let body = self.body(bytes);
        let text = match self.markup() {
            Markup::WikiStyle => format!("= Hostile =\n\n{body}\n"),
            Markup::Wikitext => body,
        };
        let raw = match self.markup() {
            Markup::WikiStyle => RawArticle::wiki_style("Hostile", text),
            Markup::Wikitext => RawArticle::wikitext("Hostile", text),
        };
        raw.with_origin(format!("hostile#{}", self.name()))
    }
}

/// `head`, units numbered from 1 (each names a different field, person or year) until
/// `bytes`, then `tail`.
fn numbered(head: &str, tail: &str, bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 256);
    text.push_str(head);
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&unit(n));
    }
    text.push_str(tail);
    text
}

/// The opening of the infobox shapes, and what follows the infobox: a sentence of body
/// for the checks to read.
const INFOBOX_HEAD: &str = "{{Infobox military conflict\n| conflict = Qwerty War\n";
const INFOBOX_TAIL: &str = "}}\nThe '''Qwerty War''' began on 1 May 1865 under Qwerty Ytrewq 1.\n";

/// [`Shape::NoSpaceLines`]'s line.
const NO_SPACE_LINE: &str = "Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,\
Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,\
Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,Prado,\n";

/// War prose with names, event triggers and dates, and no sentence end.
const PROSE: &str = "on 2 May 1866 the Spanish fleet under the command of Admiral Pareja \
seized the Chincha Islands and bombarded Callao while Prado revolted in Arequipa against \
Pezet and marched to Lima where the capital fell and Peru declared war on Spain in alliance \
with Chile and the treaty was signed by Vivanco in the city ";

/// A MediaWiki dump page holding `body` (escaped), in namespace 0.
pub fn dump_page(title: &str, body: &str) -> String {
    let mut escaped = String::with_capacity(body.len() + body.len() / 8);
    for c in body.chars() {
        match c {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            c => escaped.push(c),
        }
    }
    format!(
        "  <page>\n    <title>{title}</title>\n    <ns>0</ns>\n    <revision>\n      <text xml:space=\"preserve\">{escaped}</text>\n    </revision>\n  </page>\n"
    )
}

/// The opening of a dump, up to the first page.
pub const DUMP_HEAD: &str =
    "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.10/\">\n  <siteinfo><sitename>Hostile</sitename></siteinfo>\n";
/// The end of a dump.
pub const DUMP_TAIL: &str = "</mediawiki>\n";

/// Peak resident memory of this process so far, in bytes (Linux; 0 elsewhere).
pub fn peak_rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}
