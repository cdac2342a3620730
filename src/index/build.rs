//! Building the index from parsed pages: types, redirects, anchor statistics.

use std::{
    collections::HashMap,
    sync::{mpsc, Arc, OnceLock},
};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use regex::Regex;

use super::{
    files::{AnchorStats, EntityIndex, TitleInfo},
    spill::TextSpill,
};
use crate::{
    article::{first_letter_upper, parse_raw, title_to_id, Article, Infobox},
    gazetteer::{label_from_lead, label_from_title, Gazetteer, GazetteerBuilder, Label},
    source::{InputPath, Inputs, SourceItem},
};

/// Where a title's type came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeSource {
    /// The infobox template, through the DBpedia-derived table.
    Template,
    /// The page's categories ("1950 births", "Cities in Texas").
    Category,
    /// The lead sentence ("X is a city in ...", "X (born 1950) is ...").
    Lead,
    /// The title's shape ("(band)", "University of ...").
    Title,
    /// Nothing typed it.
    None,
}

impl TypeSource {
    /// `template`, `category`, `lead`, `title`, `none`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TypeSource::Template => "template",
            TypeSource::Category => "category",
            TypeSource::Lead => "lead",
            TypeSource::Title => "title",
            TypeSource::None => "none",
        }
    }

    /// The inverse of [`as_str`](Self::as_str).
    pub fn parse(s: &str) -> Option<TypeSource> {
        [Self::Template, Self::Category, Self::Lead, Self::Title, Self::None]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// Category-name patterns, in the order they are tried; the label with most matching
/// categories wins (the earlier one on a tie).
const CATEGORY_RULES: &[(&str, Label)] = &[
    (r"(^| )(births|deaths)$|^living people$|^people from ", Label::Person),
    (
        r"^(cities|towns|villages|populated places|municipalities|communes|countries|rivers|mountains|islands|lakes|capitals|census-designated places|unincorporated communities|county seats|states|provinces|regions|districts|neighbourhoods|neighborhoods)( |$)",
        Label::Place,
    ),
    (
        r"(companies|organizations|organisations|political parties|universities and colleges|universities|musical groups|football clubs|record labels|newspapers)( |$)",
        Label::Org,
    ),
    (
        r"(^| )(films|albums|songs|singles|novels|books|television series|video games|operas|plays|paintings)( |$)",
        Label::Work,
    ),
    (
        r"(^| )(battles|wars|conflicts|elections|festivals|tournaments|olympics|disasters)( |$)",
        Label::Event,
    ),
];

fn category_regexes() -> &'static [(Regex, Label)] {
    static SET: OnceLock<Vec<(Regex, Label)>> = OnceLock::new();
    SET.get_or_init(|| {
        CATEGORY_RULES
            .iter()
            .map(|(p, l)| (Regex::new(p).expect("category patterns are valid"), *l))
            .collect()
    })
}

fn category_link() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\[\[\s*[Cc]ategory\s*:\s*([^\]|\n]+)").expect("category link pattern")
    })
}

/// The label most of a page's categories say.
fn label_from_categories(wikitext: &str) -> Option<Label> {
    let mut votes: Vec<(Label, usize)> = Vec::new();
    for cap in category_link().captures_iter(wikitext) {
        let name = cap[1].trim().to_lowercase().replace('_', " ");
        if let Some((_, label)) = category_regexes().iter().find(|(re, _)| re.is_match(&name)) {
            match votes.iter_mut().find(|(l, _)| l == label) {
                Some((_, n)) => *n += 1,
                None => votes.push((*label, 1)),
            }
        }
    }
    // The first label to reach the highest count.
    let best = votes.iter().map(|&(_, n)| n).max()?;
    votes.into_iter().find(|&(_, n)| n == best).map(|(l, _)| l)
}

/// True for a disambiguation page: its title says so, or it holds one of the templates
/// that mark one (in any case: "{{Disambiguation}}", "{{dab}}").
fn is_disambiguation(title: &str, wikitext: &str) -> bool {
    // One scan of the page, case-insensitive, with no lower-cased copy of its text.
    static TEMPLATES: OnceLock<AhoCorasick> = OnceLock::new();
    if title.ends_with("(disambiguation)") {
        return true;
    }
    TEMPLATES
        .get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([
                    "{{disambiguation",
                    "{{disambig",
                    "{{dab",
                    "{{hndis",
                    "{{geodis",
                    "{{set index",
                ])
                .expect("fixed template patterns build")
        })
        .is_match(wikitext)
}

/// A link target as a title: fragment dropped, underscores as spaces, first letter
/// capitalized (MediaWiki's first-letter rule).
pub(crate) fn normalize_title(target: &str) -> String {
    let t = target.split('#').next().unwrap_or("").replace('_', " ");
    first_letter_upper(t.trim())
}

/// What one page adds to the index: its title with its type, and its links as (anchor,
/// target title) pairs. Worked out page by page on any thread; [`IndexBuilder::add_facts`]
/// only merges them.
#[derive(Debug)]
pub struct PageFacts {
    title: String,
    info: TitleInfo,
    links: Vec<(String, String)>,
}

impl PageFacts {
    /// The facts of a parsed page; `wikitext` is its markup (categories, templates).
    pub fn of(article: &Article, wikitext: &str) -> PageFacts {
        let title = normalize_title(&article.title);
        let disambiguation = is_disambiguation(&title, wikitext);
        let template = article.infobox.as_ref().and_then(Infobox::template_label);
        let (label, source) = if disambiguation {
            (Label::Unknown, TypeSource::None)
        } else if let Some(l) = template {
            (l, TypeSource::Template)
        } else if let Some(l) = label_from_categories(wikitext) {
            (l, TypeSource::Category)
        } else if let Some(l) = label_from_lead(article) {
            (l, TypeSource::Lead)
        } else if let Some(l) = label_from_title(&title) {
            (l, TypeSource::Title)
        } else {
            (Label::Unknown, TypeSource::None)
        };
        let links = article
            .links
            .iter()
            .filter_map(|link| {
                let anchor = link.span.slice(&article.text).trim();
                let target = normalize_title(&link.target);
                let usable =
                    !anchor.is_empty() && !target.is_empty() && !anchor.contains(['\t', '\n']);
                usable.then(|| (anchor.to_string(), target))
            })
            .collect();
        PageFacts { title, info: TitleInfo { label, source, disambiguation }, links }
    }
}

/// Collects pages and redirects, then counts anchor occurrences, then yields an [`EntityIndex`].
///
/// Use: [`add_page`](Self::add_page) and [`add_redirect`](Self::add_redirect) for every dump
/// item (pass 1); [`occurrence_matcher`](Self::occurrence_matcher), then
/// [`count_occurrences`](Self::count_occurrences) on every page's text (pass 2); then
/// [`finish`](Self::finish).
#[derive(Debug, Default)]
pub struct IndexBuilder {
    titles: HashMap<String, TitleInfo>,
    redirects: HashMap<String, String>,
    /// anchor -> target title -> links.
    links: HashMap<String, HashMap<String, u32>>,
    /// Occurrences in text of each pattern of the occurrence matcher (its anchor is
    /// `pattern_anchor[i]`), filled by pass 2: a counter per pattern, no key per hit.
    occurrences: Vec<u32>,
    /// Anchor of every pattern of the occurrence matcher, sorted.
    pattern_anchor: Vec<String>,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Record one article: its type and where it came from, and its links.
    pub fn add_page(&mut self, article: &Article, wikitext: &str) {
        self.add_facts(PageFacts::of(article, wikitext));
    }

    /// Record what [`PageFacts::of`] found on one page.
    pub fn add_facts(&mut self, facts: PageFacts) {
        self.titles.insert(facts.title, facts.info);
        for (anchor, target) in facts.links {
            *self.links.entry(anchor).or_default().entry(target).or_default() += 1;
        }
    }

    /// Record a redirect: `from` is an alias of `to`.
    pub fn add_redirect(&mut self, from: &str, to: &str) {
        self.redirects.insert(normalize_title(from), normalize_title(to));
    }

    /// A matcher over every anchor seen, for counting their occurrences (pass 2). It
    /// matches as `annotate` does (folded, whole words, leftmost-longest).
    pub fn occurrence_matcher(&mut self) -> crate::Result<Gazetteer> {
        self.pattern_anchor = self.links.keys().cloned().collect();
        self.pattern_anchor.sort();
        self.occurrences = vec![0; self.pattern_anchor.len()];
        let tsv: String = self
            .pattern_anchor
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{a}\tUNKNOWN\t{i}\n"))
            .collect();
        GazetteerBuilder::new().lenient(true).add_tsv("anchors", &tsv).build()
    }

    /// Count the anchors occurring in `text` (pass 2), with `matcher` from
    /// [`occurrence_matcher`](Self::occurrence_matcher).
    pub fn count_occurrences(&mut self, matcher: &Gazetteer, text: &str) {
        self.add_occurrences(&IndexBuilder::occurrences_in(matcher, text));
    }

    /// The anchors occurring in `text`, as pattern numbers: the part of
    /// [`count_occurrences`](Self::count_occurrences) that can run on many threads.
    pub fn occurrences_in(matcher: &Gazetteer, text: &str) -> Vec<u32> {
        matcher.find(text).iter().filter_map(|m| m.id.parse().ok()).collect()
    }

    /// Add occurrences found by [`occurrences_in`](Self::occurrences_in).
    pub fn add_occurrences(&mut self, patterns: &[u32]) {
        for &i in patterns {
            if let Some(count) = self.occurrences.get_mut(i as usize) {
                *count += 1;
            }
        }
    }

    /// The index: redirects resolved (one hop), each anchor with its most frequent
    /// target that is not a disambiguation page.
    pub fn finish(self) -> EntityIndex {
        let resolve =
            |t: &str| -> String { self.redirects.get(t).cloned().unwrap_or_else(|| t.to_string()) };
        let mut anchors = Vec::with_capacity(self.links.len());
        for (anchor, targets) in &self.links {
            let mut counts: HashMap<String, u32> = HashMap::new();
            for (t, n) in targets {
                *counts.entry(resolve(t)).or_default() += n;
            }
            let links: u32 = counts.values().sum();
            let best = counts
                .iter()
                .filter(|(t, _)| !self.titles.get(t.as_str()).is_some_and(|i| i.disambiguation))
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
            let Some((target, &target_links)) = best else { continue };
            let counted =
                self.pattern_anchor.binary_search(anchor).map_or(0, |i| self.occurrences[i]);
            let occurrences = counted.max(links);
            anchors.push((
                anchor.clone(),
                AnchorStats {
                    target: Arc::from(title_to_id(target)),
                    target_links,
                    links,
                    occurrences,
                },
            ));
        }
        anchors.sort_by(|a, b| a.0.cmp(&b.0));
        EntityIndex::from_parts(self.titles, self.redirects, anchors)
    }
}

/// Pages per parallel batch, and the text bytes after which a batch is closed with fewer:
/// bound memory whatever the dump's size or its pages' sizes.
const BATCH: usize = 256;
const BATCH_BYTES: usize = 8 << 20;

/// Read `files` on a thread of its own (decompression and XML overlap the rest), work out
/// each page's facts on the current rayon pool, batch by batch, and hand them with each
/// page's rendered text and the redirects seen to `sink`. Unreadable input is reported on
/// stderr and skipped. The first error of `sink` stops the run and is returned.
fn for_batches<P: Clone + Into<InputPath> + Send + Sync>(
    files: &[P],
    mut sink: impl FnMut(Vec<(PageFacts, String)>, Vec<(String, String)>) -> crate::Result<()>,
) -> crate::Result<()> {
    // One batch queued while the next is read: the reader stays a batch ahead.
    let (batches, batches_rx) = mpsc::sync_channel::<Vec<SourceItem>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut items = Inputs::new(files.to_vec());
            loop {
                let mut batch = Vec::new();
                let mut bytes = 0;
                while batch.len() < BATCH && bytes < BATCH_BYTES {
                    let Some(item) = items.next() else { break };
                    if let SourceItem::Article(raw) = &item {
                        bytes += raw.text.len();
                    }
                    batch.push(item);
                }
                // An empty batch is the end; a closed receiver means the sink stopped.
                if batch.is_empty() || batches.send(batch).is_err() {
                    return;
                }
            }
        });
        // Leaving this loop early drops the receiver, which releases the reader.
        for batch in batches_rx {
            let mut redirects = Vec::new();
            let mut raws = Vec::new();
            for item in batch {
                match item {
                    SourceItem::Article(raw) => raws.push(raw),
                    SourceItem::Redirect(r) => redirects.push((r.from, r.to)),
                    SourceItem::Error(e) => {
                        eprintln!("wikianno index: {}: {}", e.origin, e.message)
                    }
                }
            }
            let pages: Vec<(PageFacts, String)> = raws
                .into_par_iter()
                .map(|raw| {
                    let wikitext = raw.text.clone();
                    let article = parse_raw(raw);
                    (PageFacts::of(&article, &wikitext), article.text)
                })
                .collect();
            sink(pages, redirects)?;
        }
        Ok(())
    })
}

/// Build the index of dump `files` (already expanded) in two passes: pages, redirects and
/// links, then anchor occurrences. The dump is read once: pass 2 reads the rendered texts
/// pass 1 kept in a temporary file ([`TextSpill`]).
pub fn index_dumps<P: Clone + Into<InputPath> + Send + Sync>(
    files: &[P],
) -> crate::Result<EntityIndex> {
    let mut index = IndexBuilder::new();
    let mut spill = TextSpill::new()?;
    for_batches(files, |pages, redirects| {
        for (from, to) in redirects {
            index.add_redirect(&from, &to);
        }
        for (facts, text) in pages {
            index.add_facts(facts);
            spill.push(&text)?;
        }
        Ok(())
    })?;
    let matcher = index.occurrence_matcher()?;
    let mut texts = spill.into_texts()?;
    loop {
        let batch = texts.next_batch(BATCH, BATCH_BYTES)?;
        if batch.is_empty() {
            break;
        }
        let found: Vec<Vec<u32>> =
            batch.par_iter().map(|text| IndexBuilder::occurrences_in(&matcher, text)).collect();
        for ids in found {
            index.add_occurrences(&ids);
        }
    }
    Ok(index.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_wikitext;

    fn page(title: &str, wikitext: &str) -> (Article, String) {
        (parse_wikitext(wikitext, "t", title), wikitext.to_string())
    }

    #[test]
    fn types_from_template_category_lead_title() {
        for (title, text, label, source) in [
            (
                "Lima",
                "{{Infobox settlement\n| name = Lima\n}}\nLima is big.",
                Label::Place,
                TypeSource::Template,
            ),
            (
                "Ada Byron",
                "Ada Byron wrote.\n[[Category:1815 births]]",
                Label::Person,
                TypeSource::Category,
            ),
            ("Qwerty", "Qwerty is a town in Peru.", Label::Place, TypeSource::Lead),
            ("Zed (band)", "Zed played.", Label::Org, TypeSource::Title),
            ("Zed", "Zed may refer to:\n{{disambiguation}}", Label::Unknown, TypeSource::None),
        ] {
            let mut b = IndexBuilder::new();
            let (a, w) = page(title, text);
            b.add_page(&a, &w);
            let index = b.finish();
            let info = index.title(title).unwrap();
            assert_eq!((info.label, info.source), (label, source), "{title}");
        }
    }

    #[test]
    fn disambiguation_marked_by_title_or_template_in_any_case() {
        for (title, text, expected) in [
            ("Zed (disambiguation)", "Zed may be:", true),
            ("Zed", "Zed may be:\n{{Disambiguation}}", true),
            ("Zed", "Zed may be:\n{{DAB|surname}}", true),
            ("Zed", "Zed may be:\n{{Set index article}}", true),
            ("Zed", "Zed is a town.\n{{Infobox settlement}}", false),
            ("Zed", "The word disambiguation, unbraced.", false),
        ] {
            assert_eq!(is_disambiguation(title, text), expected, "{text}");
        }
    }

    #[test]
    fn anchors_count_links_and_occurrences() {
        let mut b = IndexBuilder::new();
        let pages = [
            page("A", "[[Lima|Lima]] and [[Lima District|Lima]] and Lima again."),
            page("B", "In Lima, [[Lima]] met [[Old Lima|the capital]]."),
        ];
        b.add_redirect("Old Lima", "Lima");
        for (a, w) in &pages {
            b.add_page(a, w);
        }
        let m = b.occurrence_matcher().unwrap();
        for (a, _) in &pages {
            b.count_occurrences(&m, &a.text);
        }
        let index = b.finish();
        let lima = index.anchor("Lima").unwrap();
        assert_eq!(
            (&*lima.target, lima.target_links, lima.links, lima.occurrences),
            ("Lima", 2, 3, 5)
        );
        assert_eq!(&*index.anchor("the capital").unwrap().target, "Lima", "redirect resolved");
    }
}
