//! Parquet: one row per NDJSON line (article, redirect or error record), in input order.
//!
//! Every row carries `kind` (`article`, `redirect`, `error`), the record's fields as typed
//! columns (the NDJSON field names: `id`, `title`, `source`, `text`, and nested lists of
//! structs for `sections`, `entities`, `timexes`, `events`, `event_mentions`, `infobox`
//! and `diagnostics`; `redirect`/`to` on redirect rows, `error` on error rows), and
//! `record`, the NDJSON line itself (without its newline), byte for byte. What has no
//! typed column (a timex's `parts`, `claims`, `tables`, `dropped`) is in `record`.
//! Offsets are code points as in the NDJSON; every integer is a signed 64-bit (32 for
//! `level` and `side`), which Spark, DuckDB and pyarrow all read. [`schema`] is the full
//! schema; README's Parquet section lists every column.
//!
//! The typed columns are serialized by `serde_arrow` from the same value the NDJSON line
//! is written from ([`super::ndjson::wire`]), against [`schema`]: what a field means and
//! how its offsets are counted has one home ([`super::ndjson`]), and a typed column can
//! never disagree with `record` (fields the schema lacks are skipped, absent ones are
//! null, as a JSON reader of the line would have them). Rows are buffered in batches of
//! at most [`BATCH_ROWS`] rows or [`BATCH_BYTES`] bytes of JSON and written as row groups
//! of at most [`BATCH_ROWS`] rows: memory stays bounded whatever the input's size.
//!
//! # Examples
//!
//! ```
//! use wikianno::{output::parquet::ParquetWriter, Pipeline, RawArticle, Record};
//!
//! let pipeline = Pipeline::builder().shipped_gazetteers().build()?;
//! let raw = RawArticle::wiki_style("lima.txt", "= Lima =\n\nLima was founded on 18 January 1535.\n");
//! let mut writer = ParquetWriter::new(Vec::new())?;
//! writer.write(&Record::Article(Box::new(pipeline.annotate(raw))))?;
//! let bytes: Vec<u8> = writer.finish()?;
//! assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::{
    io::{self, Write},
    sync::{Arc, OnceLock},
};

use arrow_array::{ArrayRef, RecordBatch, StringArray};
use arrow_buffer::{Buffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use parquet::{
    arrow::ArrowWriter,
    basic::Compression,
    file::properties::{EnabledStatistics, WriterProperties, WriterVersion},
    schema::types::ColumnPath,
};
use serde_arrow::ArrayBuilder;

use crate::{output::ndjson, Record};

/// Most rows in one record batch and one row group.
pub const BATCH_ROWS: usize = 1024;
/// A batch is written once its NDJSON reaches this many bytes, even with fewer rows
/// (long articles): the bound on what the writer holds before encoding.
pub const BATCH_BYTES: usize = 8 << 20;
/// A row group is closed past this many encoded bytes, even with fewer rows.
const ROW_GROUP_BYTES: usize = 32 << 20;

/// What a row is: which of the three NDJSON record shapes its `record` has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Article,
    Redirect,
    Error,
}

impl RowKind {
    fn of(record: &Record) -> RowKind {
        match record {
            Record::Article(_) => RowKind::Article,
            Record::Redirect(_) => RowKind::Redirect,
            Record::Error(_) => RowKind::Error,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            RowKind::Article => "article",
            RowKind::Redirect => "redirect",
            RowKind::Error => "error",
        }
    }
}

fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn int(name: &str) -> Field {
    Field::new(name, DataType::Int64, true)
}

fn int32(name: &str) -> Field {
    Field::new(name, DataType::Int32, true)
}

fn structure(name: &str, fields: Vec<Field>) -> Field {
    Field::new(name, DataType::Struct(Fields::from(fields)), true)
}

/// A list of structs, its items named `element` as the Parquet spec's LIST type has them.
fn list(name: &str, fields: Vec<Field>) -> Field {
    let item = structure("element", fields);
    Field::new(name, DataType::List(Arc::new(item)), true)
}

/// `start`/`end` (code points of `text`) and `source_start`/`source_end` (code points
/// of the wikitext; null when the text was not rendered from wikitext), then `more`.
fn span_and(more: Vec<Field>) -> Vec<Field> {
    let mut fields = vec![int("start"), int("end"), int("source_start"), int("source_end")];
    fields.extend(more);
    fields
}

/// An entity that takes part in an event (its place or a participant).
fn entity_ref() -> Vec<Field> {
    span_and(vec![text("text"), text("id"), text("label"), text("role")])
}

/// The columns the NDJSON line is decoded into, in record order.
fn record_fields() -> Vec<Field> {
    vec![
        text("id"),
        text("title"),
        text("source"),
        text("text"),
        list("sections", span_and(vec![text("title"), int32("level")])),
        list(
            "entities",
            span_and(vec![
                int("byte_start"),
                int("byte_end"),
                text("text"),
                text("label"),
                text("id"),
                text("source"),
            ]),
        ),
        list(
            "timexes",
            span_and(vec![
                text("text"),
                text("type"),
                text("value"),
                text("mod"),
                structure("anchor", span_and(vec![text("text")])),
            ]),
        ),
        list(
            "events",
            span_and(vec![
                text("text"),
                text("type"),
                text("date"),
                structure(
                    "date_source",
                    span_and(vec![text("text"), Field::new("inherited", DataType::Boolean, true)]),
                ),
                structure("place", entity_ref()),
                list("participants", entity_ref()),
                structure("sentence", span_and(vec![])),
                text("modality"),
            ]),
        ),
        list(
            "event_mentions",
            span_and(vec![
                text("text"),
                text("class"),
                text("tense"),
                text("aspect"),
                text("polarity"),
            ]),
        ),
        structure(
            "infobox",
            vec![
                list("fields", span_and(vec![text("key"), text("value")])),
                list(
                    "checks",
                    span_and(vec![
                        text("field"),
                        text("value"),
                        text("status"),
                        text("normalized"),
                        list("evidence", span_and(vec![text("text")])),
                        text("message"),
                        int32("side"),
                    ]),
                ),
            ],
        ),
        list("diagnostics", span_and(vec![text("kind"), text("message")])),
        text("redirect"),
        text("to"),
        text("error"),
    ]
}

/// [`record_fields`], built once.
fn record_fields_ref() -> &'static [FieldRef] {
    static FIELDS: OnceLock<Vec<FieldRef>> = OnceLock::new();
    FIELDS.get_or_init(|| record_fields().into_iter().map(Arc::new).collect())
}

/// The top-level columns that hold whole articles (`text`) and whole lines (`record`).
const LONG_STRINGS: [&str; 2] = ["text", "record"];

/// The schema of every file [`ParquetWriter`] writes: `kind`, the record's fields, `record`.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let mut fields = vec![Arc::new(Field::new("kind", DataType::Utf8, false))];
            fields.extend(record_fields_ref().iter().cloned());
            fields.push(Arc::new(Field::new("record", DataType::Utf8, false)));
            Arc::new(Schema::new(fields))
        })
        .clone()
}

fn to_io(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

/// Writes records as one Parquet file with [`schema`], streaming: see the module doc.
/// Nothing is complete until [`ParquetWriter::finish`] writes the footer.
pub struct ParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    /// The buffered rows' typed columns (the fields of [`record_fields`]).
    columns: ArrayBuilder,
    /// The buffered rows' NDJSON lines, one after another without newlines, and where
    /// each one ends: the `record` column's bytes and offsets as they are.
    lines: Vec<u8>,
    line_ends: Vec<i32>,
    kinds: Vec<RowKind>,
    rows: usize,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer that writes a Parquet file into `out` (snappy-compressed pages).
    pub fn new(out: W) -> io::Result<ParquetWriter<W>> {
        let mut properties = WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_1_0)
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(BATCH_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_created_by(format!("wikianno {}", env!("CARGO_PKG_VERSION")))
            // Plain pages everywhere: snappy takes out the repeats (labels, types, ids)
            // about as well as a dictionary, without hashing every value (the file of the
            // gensim sample: 13.87 MB plain, 14.04 MB with dictionaries; 4% fewer
            // instructions on the corpus, examples/export_speed.rs).
            .set_dictionary_enabled(false);
        // The min/max of article texts and record lines (the lexically first and last
        // article) help no reader skip a page: not worth comparing every value.
        for long in LONG_STRINGS {
            properties = properties
                .set_column_statistics_enabled(ColumnPath::from(long), EnabledStatistics::None);
        }
        let writer =
            ArrowWriter::try_new(out, schema(), Some(properties.build())).map_err(to_io)?;
        let columns = ArrayBuilder::from_arrow(record_fields_ref()).map_err(to_io)?;
        Ok(ParquetWriter {
            writer,
            columns,
            lines: Vec::new(),
            line_ends: Vec::new(),
            kinds: Vec::new(),
            rows: 0,
        })
    }

    /// Append one record as a row.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        // One wire value serves the line and the typed columns: they cannot disagree.
        let wire = ndjson::wire(record);
        wire.write_line(&mut self.lines)?;
        self.columns.push(&wire).map_err(to_io)?;
        let end = i32::try_from(self.lines.len())
            .map_err(|_| io::Error::other("parquet: a batch's records exceed 2 GiB"))?;
        self.line_ends.push(end);
        self.kinds.push(RowKind::of(record));
        if self.kinds.len() >= BATCH_ROWS || self.lines.len() >= BATCH_BYTES {
            self.write_batch()?;
        }
        Ok(())
    }

    /// Rows written so far (buffered ones included).
    pub fn rows(&self) -> usize {
        self.rows + self.kinds.len()
    }

    /// Write what is buffered and the file's footer; returns `out`, not flushed.
    pub fn finish(mut self) -> io::Result<W> {
        self.write_batch()?;
        self.writer.into_inner().map_err(to_io)
    }

    /// Take the buffered typed columns, add `kind` and `record`, and hand the batch to
    /// the Parquet writer.
    fn write_batch(&mut self) -> io::Result<()> {
        if self.kinds.is_empty() {
            return Ok(());
        }
        let typed = self.columns.to_arrow().map_err(to_io)?;
        let kinds: StringArray = self.kinds.iter().map(|k| Some(k.as_str())).collect();
        let mut offsets = Vec::with_capacity(self.line_ends.len() + 1);
        offsets.push(0);
        offsets.extend_from_slice(&self.line_ends);
        // The lines move into the column as they are (checked as UTF-8 once, here).
        let lines = std::mem::take(&mut self.lines);
        let records = StringArray::try_new(
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            Buffer::from_vec(lines),
            None,
        )
        .map_err(to_io)?;
        let mut columns: Vec<ArrayRef> = vec![Arc::new(kinds)];
        columns.extend(typed);
        columns.push(Arc::new(records));
        let batch = RecordBatch::try_new(schema(), columns).map_err(to_io)?;
        self.writer.write(&batch).map_err(to_io)?;
        self.rows += self.kinds.len();
        self.line_ends.clear();
        self.kinds.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{InputError, Redirect};

    #[test]
    fn every_record_kind_is_a_row() {
        let records = [
            Record::Redirect(Redirect {
                origin: "dump.xml".into(),
                from: "Lima, Peru".into(),
                to: "Lima".into(),
            }),
            Record::Error(InputError::new("dump.xml", "bad page")),
        ];
        let mut writer = ParquetWriter::new(Vec::new()).unwrap();
        for r in &records {
            writer.write(r).unwrap();
        }
        assert_eq!(writer.rows(), 2);
        let bytes = writer.finish().unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    }
}
