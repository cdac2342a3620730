//! `annotate --format parquet`: the file holds one row per NDJSON line, in order, whose
//! `record` column is that line byte for byte and whose typed columns agree with it.
//! Read back with the `parquet` crate's arrow reader, and with pyarrow from
//! `target/pyenv` (that part skipped with a message when the venv lacks it).
#![cfg(feature = "parquet")]

mod common;

use std::{fs, path::Path, process::Command};

use arrow_array::{
    cast::AsArray,
    types::{Int32Type, Int64Type},
    Array, RecordBatch, StructArray,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;
use wikianno::{
    output::parquet::{schema, ParquetWriter, BATCH_ROWS},
    InputError, Record,
};

use common::{root, wikianno};

/// The inputs: the shipped corpus, a few real dump pages (`tests/data/parquet_pages.xml`:
/// eight pages of `../shared/data/dbpedia-minidump-en`, Wikipedia text under CC BY-SA; two
/// redirects, a category page that is skipped, infoboxes, non-ASCII titles) and a file
/// that is not UTF-8 (an error record).
fn inputs(dir: &Path) -> Vec<String> {
    let bad = dir.join("not_utf8.txt");
    fs::write(&bad, b"caf\xe9 au lait\n").unwrap();
    vec![
        root().join("corpus").display().to_string(),
        root().join("tests/data/parquet_pages.xml").display().to_string(),
        bad.display().to_string(),
    ]
}

/// The same inputs as NDJSON lines and as a Parquet file (its path).
fn annotate_both(dir: &Path) -> (Vec<String>, std::path::PathBuf) {
    let inputs = inputs(dir);
    let ndjson = dir.join("out.ndjson");
    let parquet = dir.join("out.parquet");
    for (format, out) in [("ndjson", &ndjson), ("parquet", &parquet)] {
        let mut args = vec!["annotate", "--format", format, "-o", out.to_str().unwrap()];
        args.extend(inputs.iter().map(String::as_str));
        let (code, _, stderr) = wikianno(&args);
        // 1: the error record, written like every other.
        assert_eq!(code, 1, "{format}: {stderr}");
    }
    assert!(!dir.join("out.parquet.tmp").exists());
    let lines = fs::read_to_string(&ndjson).unwrap().lines().map(str::to_string).collect();
    (lines, parquet)
}

fn read_batches(path: &Path) -> (Vec<RecordBatch>, usize) {
    let file = fs::File::open(path).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let row_groups = builder.metadata().num_row_groups();
    assert_eq!(builder.schema().fields(), schema().fields());
    let batches = builder.build().unwrap().collect::<Result<Vec<_>, _>>().unwrap();
    (batches, row_groups)
}

fn strings(array: &dyn Array) -> Vec<Option<String>> {
    array.as_string::<i32>().iter().map(|s| s.map(str::to_string)).collect()
}

/// A JSON string, or null, as a column holds it.
fn json_str(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Every typed value of a list-of-structs cell against the JSON array it came from, for
/// the named string and integer fields.
fn check_list(cell: &StructArray, json: &Value, text_fields: &[&str], int_fields: &[&str]) {
    let items = json.as_array().map(Vec::as_slice).unwrap_or(&[]);
    assert_eq!(cell.len(), items.len());
    for name in text_fields {
        let column = strings(cell.column_by_name(name).unwrap());
        let expected: Vec<_> = items.iter().map(|i| json_str(&i[*name])).collect();
        assert_eq!(column, expected, "{name}");
    }
    for name in int_fields {
        let column = cell.column_by_name(name).unwrap();
        let column: Vec<Option<i64>> = match column.data_type() {
            arrow_schema::DataType::Int32 => {
                column.as_primitive::<Int32Type>().iter().map(|v| v.map(i64::from)).collect()
            }
            _ => column.as_primitive::<Int64Type>().iter().collect(),
        };
        let expected: Vec<_> = items.iter().map(|i| i[*name].as_i64()).collect();
        assert_eq!(column, expected, "{name}");
    }
}

#[test]
fn parquet_rows_are_the_ndjson_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, parquet) = annotate_both(dir.path());
    let (batches, _) = read_batches(&parquet);
    let mut row = 0;
    let mut kinds_seen = std::collections::BTreeSet::new();
    for batch in &batches {
        let records = strings(batch.column_by_name("record").unwrap());
        let kinds = strings(batch.column_by_name("kind").unwrap());
        let ids = strings(batch.column_by_name("id").unwrap());
        let texts = strings(batch.column_by_name("text").unwrap());
        let errors = strings(batch.column_by_name("error").unwrap());
        let targets = strings(batch.column_by_name("to").unwrap());
        let entities = batch.column_by_name("entities").unwrap().as_list::<i32>();
        let timexes = batch.column_by_name("timexes").unwrap().as_list::<i32>();
        let events = batch.column_by_name("events").unwrap().as_list::<i32>();
        let sections = batch.column_by_name("sections").unwrap().as_list::<i32>();
        let diagnostics = batch.column_by_name("diagnostics").unwrap().as_list::<i32>();
        let infobox = batch.column_by_name("infobox").unwrap().as_struct();
        let checks = infobox.column_by_name("checks").unwrap().as_list::<i32>();
        for i in 0..batch.num_rows() {
            let line = &lines[row];
            assert_eq!(records[i].as_deref(), Some(line.as_str()), "row {row}");
            let json: Value = serde_json::from_str(line).unwrap();
            let kind = kinds[i].clone().unwrap();
            let expected_kind = if json.get("error").is_some() {
                "error"
            } else if json.get("redirect").is_some() {
                "redirect"
            } else {
                "article"
            };
            assert_eq!(kind, expected_kind, "row {row}");
            kinds_seen.insert(kind);
            assert_eq!(ids[i], json_str(&json["id"]));
            assert_eq!(texts[i], json_str(&json["text"]));
            assert_eq!(errors[i], json_str(&json["error"]));
            assert_eq!(targets[i], json_str(&json["to"]));
            if expected_kind != "article" {
                assert!(entities.is_null(i) && infobox.is_null(i), "row {row}");
                row += 1;
                continue;
            }
            let list = |l: &arrow_array::ListArray| l.value(i).as_struct().clone();
            let span = ["start", "end"];
            check_list(
                &list(entities),
                &json["entities"],
                &["text", "label", "id", "source"],
                &["start", "end", "byte_start", "byte_end", "source_start", "source_end"],
            );
            check_list(&list(timexes), &json["timexes"], &["text", "type", "value", "mod"], &span);
            check_list(
                &list(events),
                &json["events"],
                &["text", "type", "date", "modality"],
                &span,
            );
            check_list(&list(sections), &json["sections"], &["title"], &["start", "end", "level"]);
            check_list(&list(diagnostics), &json["diagnostics"], &["kind", "message"], &span);
            if json["infobox"].is_null() {
                assert!(infobox.is_null(i));
            } else {
                check_list(
                    &list(checks),
                    &json["infobox"]["checks"],
                    &["field", "value", "status", "normalized", "message"],
                    &["start", "end", "side"],
                );
            }
            row += 1;
        }
    }
    assert_eq!(row, lines.len());
    // 6 corpus articles, 5 dump articles, 2 redirects, 1 error (the category page skipped).
    assert_eq!(lines.len(), 14);
    assert_eq!(kinds_seen.into_iter().collect::<Vec<_>>(), ["article", "error", "redirect"]);
    // The same file through pyarrow (one annotation run serves both readers).
    check_with_pyarrow(&parquet, &dir.path().join("out.ndjson"), lines.len());
}

#[test]
fn rows_stream_in_bounded_row_groups_in_input_order() {
    let total = 2 * BATCH_ROWS + 5;
    let mut writer = ParquetWriter::new(Vec::new()).unwrap();
    for n in 0..total {
        let record = Record::Error(InputError::new("dump.xml", format!("Page {n}")));
        writer.write(&record).unwrap();
    }
    assert_eq!(writer.rows(), total);
    let bytes = writer.finish().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.parquet");
    fs::write(&path, bytes).unwrap();
    let (batches, row_groups) = read_batches(&path);
    assert_eq!(row_groups, 3);
    let messages: Vec<_> = batches
        .iter()
        .flat_map(|b| strings(b.column_by_name("error").unwrap()))
        .map(Option::unwrap)
        .collect();
    let expected: Vec<_> = (0..total).map(|n| format!("Page {n}")).collect();
    assert_eq!(messages, expected);
}

/// pyarrow reads `parquet`: as many rows as `ndjson` has lines, `record` equal to them,
/// and the nested `entities` column equal to each record's entities.
fn check_with_pyarrow(parquet: &Path, ndjson: &Path, rows: usize) {
    let python = root().join("target/pyenv/bin/python");
    let has_pyarrow = Command::new(&python)
        .args(["-c", "import pyarrow.parquet"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pyarrow {
        eprintln!("skipped: {} cannot import pyarrow (.ci/run installs it)", python.display());
        return;
    }
    let script = r#"
import json, sys
import pyarrow.parquet as pq
table = pq.read_table(sys.argv[1])
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert table.num_rows == len(lines), (table.num_rows, len(lines))
assert table.column("record").to_pylist() == lines, "record != NDJSON"
for entities, line in zip(table.column("entities").to_pylist(), lines):
    record = json.loads(line)
    got = [(e["start"], e["end"], e["text"], e["label"]) for e in entities or []]
    want = [(e["start"], e["end"], e["text"], e["label"]) for e in record.get("entities", [])]
    assert got == want, record.get("id")
    # Offsets are code points: Python string slices.
    for e in entities or []:
        assert record["text"][e["start"]:e["end"]] == e["text"]
print(table.num_rows)
"#;
    let out = Command::new(&python).args(["-c", script]).arg(parquet).arg(ndjson).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), rows.to_string());
}

#[test]
fn parquet_needs_an_output_file() {
    let (code, stdout, stderr) = wikianno(&["annotate", "--format", "parquet"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("-o FILE"), "{stderr}");
}

#[test]
fn an_unwritable_output_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing/out.parquet");
    let seed = root().join("corpus/battle_of_callao.txt");
    let (code, _, stderr) = wikianno(&[
        "annotate",
        "--format",
        "parquet",
        "-o",
        out.to_str().unwrap(),
        seed.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("missing/out.parquet"), "{stderr}");
}
