//! The pipeline: every stage built once, applied to each article on all cores.

use std::{
    panic::{catch_unwind, AssertUnwindSafe},
    path::{Path, PathBuf},
    sync::Arc,
};

use rayon::prelude::*;

use crate::{
    article::{parse_wiki_style, Article},
    diagnostic::Diagnostic,
    error::Result,
    events::{Event, EventExtractor},
    gazetteer::{local_entries, EntityMention, Gazetteer, GazetteerBuilder},
    infobox::{InfoboxReport, InfoboxValidator},
    source::{Markup, RawArticle, SourceItem},
    temporal::{Reference, TemporalTagger, Timex},
    Error,
};

/// Everything the pipeline found in one article.
#[derive(Clone, Debug)]
pub struct AnnotatedArticle {
    /// The parsed article (text, sections, infobox fields, links).
    pub article: Article,
    /// Gazetteer mentions, in text order, non-overlapping.
    pub entities: Vec<EntityMention>,
    /// Temporal expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Event frames, in text order.
    pub events: Vec<Event>,
    /// Infobox verdicts, when the article has an infobox.
    pub infobox: Option<InfoboxReport>,
    /// Diagnostics of every stage.
    pub diagnostics: Vec<Diagnostic>,
}

/// One output record: an annotated article, a redirect, or an input error.
#[derive(Clone, Debug)]
pub enum Record {
    /// A processed article.
    Article(Box<AnnotatedArticle>),
    /// A dump redirect page.
    Redirect {
        /// Where it came from.
        origin: String,
        /// Redirect title.
        from: String,
        /// Target title.
        to: String,
    },
    /// Input that could not be processed.
    Error {
        /// Where it came from.
        origin: String,
        /// What went wrong.
        message: String,
    },
}

impl Record {
    /// True for an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Record::Error { .. })
    }
}

/// Configures and builds a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    gazetteers: Vec<PathBuf>,
    tsv: Vec<(String, String)>,
    lenient_gazetteers: bool,
    threads: Option<usize>,
    reference: Reference,
}

impl PipelineBuilder {
    /// Anchor dates to a document creation time (news mode) instead of the narrative.
    pub fn document_date(&mut self, reference: Reference) -> &mut Self {
        self.reference = reference;
        self
    }

    /// Add a gazetteer file or folder of `*.tsv` files (earlier paths win ties).
    pub fn gazetteer(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.gazetteers.push(path.as_ref().to_path_buf());
        self
    }

    /// Add gazetteer rows from a string, named `name` in mention sources.
    pub fn gazetteer_tsv(&mut self, name: &str, tsv: &str) -> &mut Self {
        self.tsv.push((name.to_string(), tsv.to_string()));
        self
    }

    /// Skip malformed gazetteer rows instead of failing (default: fail with file:line).
    pub fn lenient_gazetteers(&mut self, yes: bool) -> &mut Self {
        self.lenient_gazetteers = yes;
        self
    }

    /// Worker threads for [`Pipeline::run`] (default: rayon's global pool, all cores).
    pub fn threads(&mut self, n: usize) -> &mut Self {
        self.threads = Some(n.max(1));
        self
    }

    /// Load the gazetteers and compile every matcher.
    pub fn build(&self) -> Result<Pipeline> {
        let mut g = GazetteerBuilder::new();
        g.lenient(self.lenient_gazetteers);
        for path in &self.gazetteers {
            g.add_path(path)?;
        }
        for (name, tsv) in &self.tsv {
            g.add_tsv(name, tsv);
        }
        let gazetteer = g.build()?;
        let pool = match self.threads {
            Some(n) => Some(Arc::new(
                rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| Error::build(e.to_string()))?,
            )),
            None => None,
        };
        Ok(Pipeline {
            pool,
            gazetteer,
            temporal: TemporalTagger::with_reference(self.reference),
            events: EventExtractor::new(),
            infobox: InfoboxValidator::new(),
        })
    }
}

/// All stages, compiled once. Cheap to clone; `Send + Sync`, shared by all workers.
#[derive(Clone, Debug)]
pub struct Pipeline {
    pool: Option<Arc<rayon::ThreadPool>>,
    gazetteer: Gazetteer,
    temporal: TemporalTagger,
    events: EventExtractor,
    infobox: InfoboxValidator,
}

/// How many articles (or bytes) a parallel batch holds: bounds memory while
/// keeping every core busy.
const BATCH_ARTICLES: usize = 512;
const BATCH_BYTES: usize = 16 << 20;

impl Pipeline {
    /// A builder with no gazetteer.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The global gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Parse a raw article into its structure.
    pub fn parse(&self, raw: RawArticle) -> Article {
        match raw.markup {
            Markup::WikiStyle | Markup::Wikitext => parse_wiki_style(raw.text, &raw.origin, &raw.fallback_title),
        }
    }

    /// Run every stage on one article.
    pub fn annotate(&self, raw: RawArticle) -> AnnotatedArticle {
        let article = self.parse(raw);
        self.annotate_article(article)
    }

    /// Run the annotation stages on a parsed article.
    pub fn annotate_article(&self, article: Article) -> AnnotatedArticle {
        let local = local_entries(&article, &self.gazetteer);
        let entities = self.gazetteer.find_with_local(&article.text, &local);
        let timexes = self.temporal.tag_article(&article);
        let events = self.events.extract(&article, &entities, &timexes);
        let infobox = self.infobox.check(&article, &entities, &timexes, &events);
        let diagnostics = article.diagnostics.clone();
        AnnotatedArticle { article, entities, timexes, events, infobox, diagnostics }
    }

    /// Turn one input item into its record. Never panics: an internal failure on an
    /// article becomes an error record naming it.
    pub fn process(&self, item: SourceItem) -> Record {
        match item {
            SourceItem::Article(raw) => {
                let origin = raw.origin.clone();
                match catch_unwind(AssertUnwindSafe(|| self.annotate(raw))) {
                    Ok(annotated) => Record::Article(Box::new(annotated)),
                    Err(_) => Record::Error { origin, message: "internal error while annotating this article".into() },
                }
            }
            SourceItem::Redirect { origin, from, to } => Record::Redirect { origin, from, to },
            SourceItem::Error { origin, message } => Record::Error { origin, message },
        }
    }

    /// Process a stream on the pipeline's threads, in bounded batches, calling `sink`
    /// with every record in input order. Stops early when `sink` returns an error.
    pub fn run<I, F, E>(&self, items: I, mut sink: F) -> std::result::Result<(), E>
    where
        I: IntoIterator<Item = SourceItem>,
        F: FnMut(Record) -> std::result::Result<(), E>,
    {
        let mut items = items.into_iter();
        loop {
            let mut batch = Vec::with_capacity(BATCH_ARTICLES);
            let mut bytes = 0;
            for item in items.by_ref() {
                if let SourceItem::Article(raw) = &item {
                    bytes += raw.text.len();
                }
                batch.push(item);
                if batch.len() >= BATCH_ARTICLES || bytes >= BATCH_BYTES {
                    break;
                }
            }
            if batch.is_empty() {
                return Ok(());
            }
            let work = || -> Vec<Record> { batch.into_par_iter().map(|item| self.process(item)).collect() };
            let records = match &self.pool {
                Some(pool) => pool.install(work),
                None => work(),
            };
            for record in records {
                sink(record)?;
            }
        }
    }
}

/// The gazetteer folder shipped with the crate, when it can be found: `gazetteers/`
/// beside the current directory, or in the crate's source tree.
pub fn default_gazetteer_dir() -> Option<PathBuf> {
    let candidates = [PathBuf::from("gazetteers"), Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers")];
    candidates.into_iter().find(|p| p.is_dir())
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::io("<output>", e)
    }
}
