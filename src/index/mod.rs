//! The entity index: what a dump says about its own entities, built from one read of the
//! dump (`wikianno index`; pass 2 reads the rendered texts pass 1 kept) and read by
//! `annotate --index`.
//!
//! # What it holds
//! * every namespace-0 title with a coarse type and where the type came from: the infobox
//!   template through the DBpedia-derived table (`gazetteers/lexicon/infobox_templates.tsv`),
//!   else the categories, else the lead sentence, else the title's shape; disambiguation
//!   pages are marked and never a target;
//! * redirects, as aliases of their target;
//! * for every link anchor text, how often it links to each target, how often it is a link
//!   at all, and how often it occurs in article text (linked or not): a surface's link
//!   probability and each target's share of its links (the lexicalization statistics of
//!   DBpedia Spotlight and TagMe).
//!
//! # Files (UTF-8, gazetteer TSVs with extra columns, so `--gazetteer` reads them too)
//! * `titles.tsv`: `title<TAB>LABEL<TAB>id<TAB>type source<TAB>disambiguation|-`
//! * `redirects.tsv`: `alias<TAB>LABEL<TAB>target id<TAB>redirect`
//! * `anchors.tsv`: `anchor<TAB>LABEL<TAB>target id<TAB>links to target<TAB>links<TAB>occurrences`
//!   (one row per anchor: its most frequent target).
//! * `names.matcher`: the compiled matcher (`gazetteer/compiled.rs`) of the anchors that
//!   name an entity on their own, so `annotate --index` loads it instead of building one.
//!
//! Lines starting with `#` are comments. A malformed line is a setup error naming the
//! file and the line.

mod build;
mod files;
mod spill;

pub use build::{index_dumps, IndexBuilder, PageFacts, TypeSource};
pub use files::{AnchorStats, EntityIndex, TitleInfo, NAME_MIN_LINKS, NAME_MIN_PROBABILITY};
