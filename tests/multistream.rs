//! Multistream `.bz2` dumps: `wikianno split` ranges read with `annotate --byte-range`
//! give every page exactly once, for 1, 2, 3 and 7 parts, with the index and without;
//! bad ranges, indexes and files are one-line errors naming the file (exit 2).
//! A synthetic dump always runs; the shared samples run when ../shared/data is there.

mod common;

use common::wikianno;
use std::{
    collections::BTreeMap,
    fs,
    io::Read,
    path::{Path, PathBuf},
};

use wikianno::source::multistream::write_multistream;

/// An export with a header, `n` articles (some with dates), a redirect and a talk page.
fn synthetic_export(n: usize) -> String {
    let mut xml = String::from(
        "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.10/\" xml:lang=\"en\">\n  \
         <siteinfo>\n    <sitename>Test</sitename>\n  </siteinfo>\n",
    );
    let page = |id: usize, title: &str, ns: u32, body: &str| {
        format!(
            "  <page>\n    <title>{title}</title>\n    <ns>{ns}</ns>\n    <id>{id}</id>\n    \
             <revision>\n      <id>{}</id>\n      <text xml:space=\"preserve\">{body}</text>\n    \
             </revision>\n  </page>\n",
            id + 1000
        )
    };
    for i in 1..=n {
        let body = format!(
            "'''Treaty {i}''' was signed in [[Lima]] on {} March {}. It ended the war &amp; more.",
            i % 28 + 1,
            1800 + i
        );
        xml.push_str(&page(i, &format!("Treaty {i} &amp; Co"), 0, &body));
    }
    xml.push_str(&page(n + 1, "Redirect here", 0, "#REDIRECT [[Treaty 1 &amp; Co]]"));
    xml.push_str(&page(n + 2, "Talk:Treaty 1", 1, "Talk text."));
    xml.push_str("</mediawiki>\n");
    xml
}

/// Write `xml` as `name.xml.bz2` (multistream) and `name-index.txt.bz2` in `dir`.
fn multistream(dir: &Path, name: &str, xml: &[u8], pages_per_stream: usize) -> (PathBuf, PathBuf) {
    let dump = dir.join(format!("{name}-multistream.xml.bz2"));
    let index = dir.join(format!("{name}-multistream-index.txt.bz2"));
    let (mut d, mut i) = (Vec::new(), Vec::new());
    write_multistream(xml, &mut d, &mut i, pages_per_stream).expect("write multistream");
    fs::write(&dump, d).expect("write dump");
    fs::write(&index, i).expect("write index");
    (dump, index)
}

/// Each record line, with how often it appears.
fn counted(lines: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for line in lines.lines() {
        *counts.entry(line.to_string()).or_insert(0) += 1;
    }
    counts
}

/// A record's `source` (its page), to name it in a failure.
fn source_of(line: &str) -> String {
    let record: serde_json::Value = serde_json::from_str(line).expect("JSON record");
    record["source"].as_str().unwrap_or("?").to_string()
}

const FAST: &str = "--no-default-gazetteers";

/// The ranges of `split` (with and without the index) for 1, 2, 3, 7 parts, annotated
/// one by one, hold the same records as the whole dump, each once.
fn ranges_cover_every_page_once(dump: &Path, index: &Path, min_records: usize) {
    let dump_s = dump.to_str().expect("utf-8 path");
    let (code, whole, err) = wikianno(&["annotate", FAST, dump_s]);
    assert!(code == 0 || code == 1, "{err}");
    let whole = counted(&whole);
    assert!(whole.values().all(|&n| n == 1), "duplicate records in the whole dump");
    assert!(whole.len() >= min_records, "{} records", whole.len());
    // With the index for every part count; the scan (slower to test, same cuts on a
    // dump laid out like Wikimedia's) for two.
    let runs = [("1", true), ("2", true), ("3", true), ("7", true), ("3", false), ("7", false)];
    for (parts, with_index) in runs {
        {
            let mut args = vec!["split", dump_s, "--parts", parts];
            if with_index {
                args.extend(["--index", index.to_str().expect("utf-8 path")]);
            }
            let (code, ranges, err) = wikianno(&args);
            assert_eq!(code, 0, "split {args:?}: {err}");
            let ranges: Vec<&str> = ranges.lines().collect();
            assert!(!ranges.is_empty() && ranges.len() <= parts.parse().unwrap());
            let mut got = String::new();
            for range in &ranges {
                let (code, out, err) = wikianno(&["annotate", FAST, dump_s, "--byte-range", range]);
                assert!(code == 0 || code == 1, "range {range}: {err}");
                got.push_str(&out);
            }
            let got = counted(&got);
            let differ: Vec<String> = got
                .iter()
                .filter(|(line, n)| whole.get(*line) != Some(n))
                .chain(whole.iter().filter(|(line, _)| !got.contains_key(*line)))
                .map(|(line, n)| {
                    format!(
                        "{n}x {}: {}",
                        source_of(line),
                        line.chars().take(300).collect::<String>()
                    )
                })
                .collect();
            assert!(
                differ.is_empty(),
                "{parts} parts ({ranges:?}, index: {with_index}): records differ from the whole dump: {differ:?}"
            );
        }
    }
}

#[test]
fn synthetic_dump_ranges_cover_every_page_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xml = synthetic_export(40);
    let (dump, index) = multistream(dir.path(), "synthetic", xml.as_bytes(), 3);
    // 40 articles and the redirect; the talk page is skipped.
    ranges_cover_every_page_once(&dump, &index, 41);
    let mut lines = String::new();
    bzip2::read::MultiBzDecoder::new(fs::File::open(&index).expect("index"))
        .read_to_string(&mut lines)
        .expect("read index");
    assert_eq!(lines.lines().count(), 42);
    assert!(lines.lines().next().is_some_and(|l| l.ends_with(":1:Treaty 1 & Co")), "{lines}");
    // A 7-part split of 14 page streams gives 7 ranges.
    let (_, ranges, _) = wikianno(&["split", dump.to_str().unwrap(), "--parts", "7"]);
    assert_eq!(ranges.lines().count(), 7, "{ranges}");
}

#[test]
fn shared_sample_ranges_cover_every_page_once() {
    let Some(xml) = shared_export("dbpedia-minidump-en/enwiki-minidump.xml.bz2") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let (dump, index) = multistream(dir.path(), "minidump", &xml, 10);
    ranges_cover_every_page_once(&dump, &index, 10);
}

/// A failed run: exit 2 and one stderr line naming `file`.
fn one_line_error(args: &[&str], file: &Path) {
    let (code, out, err) = wikianno(args);
    assert_eq!(code, 2, "{args:?}: {err}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(err.contains(&*name), "{err} does not name {name}");
}

#[test]
fn bad_ranges_indexes_and_files_are_one_line_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xml = synthetic_export(10);
    let (dump, index) = multistream(dir.path(), "bad", xml.as_bytes(), 2);
    let d = dump.to_str().unwrap();
    let len = fs::metadata(&dump).unwrap().len();
    let (_, ranges, _) = wikianno(&["split", d, "--parts", "3"]);
    let second: Vec<u64> = ranges
        .lines()
        .nth(1)
        .expect("a second range")
        .split(':')
        .map(|n| n.parse().unwrap())
        .collect();

    // Not at a stream boundary: the start, then the end.
    let off_start = format!("{}:{}", second[0] + 1, second[1]);
    one_line_error(&["annotate", FAST, d, "--byte-range", &off_start], &dump);
    let off_end = format!("{}:{}", second[0], second[1] - 1);
    one_line_error(&["annotate", FAST, d, "--byte-range", &off_end], &dump);
    // Past the end of the file.
    let past = format!("0:{}", len + 1);
    one_line_error(&["annotate", FAST, d, "--byte-range", &past], &dump);

    // A plain XML file, and a gzip one, are not multistream dumps.
    let plain = dir.path().join("plain.xml");
    fs::write(&plain, &xml).unwrap();
    one_line_error(&["annotate", FAST, plain.to_str().unwrap(), "--byte-range", "0:10"], &plain);
    one_line_error(&["split", plain.to_str().unwrap(), "--parts", "2"], &plain);
    let gzip = dir.path().join("plain.xml.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut encoder, xml.as_bytes()).unwrap();
    fs::write(&gzip, encoder.finish().unwrap()).unwrap();
    one_line_error(&["annotate", FAST, gzip.to_str().unwrap(), "--byte-range", "0:10"], &gzip);
    // A single-stream bz2: its only boundary is 0, so a range must span the whole file.
    let single = dir.path().join("single.xml.bz2");
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    std::io::Write::write_all(&mut encoder, xml.as_bytes()).unwrap();
    fs::write(&single, encoder.finish().unwrap()).unwrap();
    let s = single.to_str().unwrap();
    let half = format!("0:{}", fs::metadata(&single).unwrap().len() / 2);
    one_line_error(&["annotate", FAST, s, "--byte-range", &half], &single);
    let whole = format!("0:{}", fs::metadata(&single).unwrap().len());
    let (code, _, err) = wikianno(&["annotate", FAST, s, "--byte-range", &whole]);
    assert_eq!(code, 0, "{err}");
    // A dump that is not there.
    let absent = dir.path().join("absent-multistream.xml.bz2");
    one_line_error(&["annotate", FAST, absent.to_str().unwrap(), "--byte-range", "0:10"], &absent);
    one_line_error(&["split", absent.to_str().unwrap(), "--parts", "2"], &absent);

    // A missing index, a corrupt one (garbage, bad bz2, an offset inside a stream).
    let missing = dir.path().join("missing-index.txt.bz2");
    one_line_error(&["split", d, "--index", missing.to_str().unwrap(), "--parts", "2"], &missing);
    let garbage = dir.path().join("garbage-index.txt");
    fs::write(&garbage, "not an index\n").unwrap();
    one_line_error(&["split", d, "--index", garbage.to_str().unwrap(), "--parts", "2"], &garbage);
    let cut = dir.path().join("cut-index.txt.bz2");
    let bytes = fs::read(&index).unwrap();
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    one_line_error(&["split", d, "--index", cut.to_str().unwrap(), "--parts", "2"], &cut);
    let inside = dir.path().join("inside-index.txt");
    fs::write(&inside, format!("{}:1:A\n", second[0] + 1)).unwrap();
    one_line_error(&["split", d, "--index", inside.to_str().unwrap(), "--parts", "2"], &inside);
}

/// The records of `annotate FAST path`, with the path written as `DUMP`, and the exit code.
fn records_of(path: &Path) -> (i32, Vec<String>) {
    let (code, out, err) = wikianno(&["annotate", FAST, path.to_str().expect("utf-8 path")]);
    assert!(!err.contains("panicked"), "{err}");
    let name = path.to_str().unwrap();
    (code, out.lines().map(|l| l.replace(name, "DUMP")).collect())
}

/// `bz2` decompressed (one stream after another).
fn decompressed(bz2: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    bzip2::read::MultiBzDecoder::new(fs::File::open(bz2).expect("open"))
        .read_to_end(&mut bytes)
        .expect("decompress");
    bytes
}

/// `bz2` decompressed into `xml`.
fn decompress(bz2: &Path, xml: &Path) {
    fs::write(xml, decompressed(bz2)).expect("write xml");
}

/// The export of a `.bz2` sample in ../shared/data, decompressed, or `None` (with a
/// message) when the folder is absent.
fn shared_export(relative: &str) -> Option<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(relative);
    if !path.is_file() {
        eprintln!("skipped: {} is absent (it lives in ../shared/data)", path.display());
        return None;
    }
    Some(decompressed(&path))
}

/// A multistream `.bz2` (read on several threads) gives the NDJSON of its `.xml`,
/// line for line in the same order.
fn same_records_as_the_xml(dir: &Path, name: &str, export: &[u8], pages_per_stream: usize) {
    let (dump, _) = multistream(dir, name, export, pages_per_stream);
    let xml = dir.join(format!("{name}.xml"));
    decompress(&dump, &xml);
    let (xml_code, want) = records_of(&xml);
    let (code, got) = records_of(&dump);
    assert_eq!(code, xml_code);
    assert!(!want.is_empty());
    if let Some(at) = (0..want.len().max(got.len())).find(|&i| want.get(i) != got.get(i)) {
        panic!(
            "{name}: record {at} differs ({} records from the .xml, {} from the .bz2):\n{:?}\n{:?}",
            want.len(),
            got.len(),
            want.get(at),
            got.get(at)
        );
    }
}

#[test]
fn multistream_bz2_gives_the_xml_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    same_records_as_the_xml(dir.path(), "synthetic", synthetic_export(150).as_bytes(), 2);
    for (sample, pages_per_stream) in [("enwiki-10k.xml.bz2", 3), ("simplewiki.xml.bz2", 1)] {
        if let Some(xml) = shared_export(&format!("enwiki-more-samples/{sample}")) {
            same_records_as_the_xml(dir.path(), sample, &xml, pages_per_stream);
        }
    }
}

#[test]
fn a_corrupt_stream_in_the_middle_ends_the_dump_with_an_error_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (dump, index) = multistream(dir.path(), "corrupt", synthetic_export(60).as_bytes(), 2);
    let xml = dir.path().join("corrupt.xml");
    decompress(&dump, &xml);
    let (_, whole) = records_of(&xml);
    let mut lines = String::new();
    bzip2::read::MultiBzDecoder::new(fs::File::open(&index).expect("index"))
        .read_to_string(&mut lines)
        .expect("read index");
    let offsets: Vec<u64> =
        lines.lines().map(|l| l.split(':').next().unwrap().parse().unwrap()).collect();
    let mut streams = offsets.clone();
    streams.dedup();
    let damaged_at = streams[streams.len() / 2];
    let before = offsets.iter().filter(|&&o| o < damaged_at).count();
    let mut bytes = fs::read(&dump).expect("read dump");
    bytes[damaged_at as usize + 30] ^= 0x5a;
    fs::write(&dump, bytes).expect("write dump");

    let (code, got) = records_of(&dump);
    assert_eq!(code, 1, "error records make exit code 1");
    // Every page of the streams before the damaged one, as from the .xml ...
    assert!(got.len() > before && got.len() < whole.len(), "{} records", got.len());
    assert_eq!(got[..before], whole[..before]);
    // ... then one error record naming the bytes of the damaged stream, nothing after it.
    let last: serde_json::Value = serde_json::from_str(got.last().unwrap()).expect("JSON");
    let message = last["error"].as_str().unwrap_or_default();
    let (from, to) = message
        .split_once("bz2 stream(s) at bytes ")
        .and_then(|(_, rest)| rest.split_once(' '))
        .and_then(|(range, _)| range.split_once(".."))
        .map(|(from, to)| (from.parse::<u64>().unwrap(), to.parse::<u64>().unwrap()))
        .unwrap_or_else(|| panic!("no byte range in {last}"));
    assert!(from <= damaged_at && damaged_at < to, "{last}");
    let errors = got.iter().filter(|l| l.contains("\"error\"")).count();
    assert_eq!(errors, 1, "{got:?}");
}
