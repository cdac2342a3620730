//! Multistream `.bz2` dumps: the ranges of `split` read with `open_range` (what
//! `annotate --byte-range` does) give every page exactly once, for 1, 2, 3 and 7 parts,
//! with the index and without; bad ranges, indexes and files are one-line errors naming
//! the file (exit 2 from the CLI). A synthetic dump always runs; the shared samples run
//! when ../shared/data is there. What is about the library runs in this process; one CLI
//! run per command checks that the CLI gives the library's ranges and records and maps an
//! error to exit 2 with one line.

mod common;

use common::wikianno;
use std::{
    collections::BTreeMap,
    fs,
    io::Read,
    path::{Path, PathBuf},
    sync::OnceLock,
};

use wikianno::{
    output::ndjson,
    source::{
        multistream::{open_range, open_range_on, split, write_multistream, ByteRange},
        DumpSource, Inputs, SourceItem,
    },
    Pipeline,
};

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
fn counted(lines: &[String]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for line in lines {
        *counts.entry(line.clone()).or_insert(0) += 1;
    }
    counts
}

/// The pipeline of `annotate --no-default-gazetteers`: no gazetteer at all.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builder().build().expect("no gazetteer to load"))
}

/// The NDJSON lines of `items`, in order, as `annotate FAST` writes them.
fn lines_of(items: impl IntoIterator<Item = SourceItem, IntoIter: Send>) -> Vec<String> {
    let mut lines = Vec::new();
    pipeline()
        .run_map(
            items,
            |record| ndjson::to_line(&record).trim_end().to_string(),
            |line| -> Result<(), ()> {
                lines.push(line);
                Ok(())
            },
        )
        .expect("run");
    lines
}

/// The NDJSON lines of a whole dump (or any input path), read as `annotate PATH` reads it.
fn whole_lines(path: &Path) -> Vec<String> {
    lines_of(Inputs::new([path.to_path_buf()]))
}

/// The NDJSON lines of `range` of `dump`, read as `annotate --byte-range` reads it.
fn range_lines(dump: &Path, range: ByteRange) -> Vec<String> {
    let xml = open_range(dump, range).unwrap_or_else(|e| panic!("range {range}: {e}"));
    lines_of(DumpSource::from_reader(xml, &dump.to_string_lossy()))
}

/// A record's `source` (its page), to name it in a failure.
fn source_of(line: &str) -> String {
    let record: serde_json::Value = serde_json::from_str(line).expect("JSON record");
    record["source"].as_str().unwrap_or("?").to_string()
}

const FAST: &str = "--no-default-gazetteers";

/// The ranges of `split` (with and without the index) for 1, 2, 3, 7 parts, read one by
/// one, hold the same records as the whole dump, each once.
fn ranges_cover_every_page_once(dump: &Path, index: &Path, min_records: usize) {
    let whole = counted(&whole_lines(dump));
    assert!(whole.values().all(|&n| n == 1), "duplicate records in the whole dump");
    assert!(whole.len() >= min_records, "{} records", whole.len());
    // With the index for every part count; the scan (slower, same cuts on a dump laid out
    // like Wikimedia's) for two.
    let runs = [(1, true), (2, true), (3, true), (7, true), (3, false), (7, false)];
    for (parts, with_index) in runs {
        let ranges = split(dump, with_index.then_some(index), parts)
            .unwrap_or_else(|e| panic!("split {parts} (index: {with_index}): {e}"));
        assert!(!ranges.is_empty() && ranges.len() <= parts);
        let got: Vec<String> = ranges.iter().flat_map(|&range| range_lines(dump, range)).collect();
        let got = counted(&got);
        let differ: Vec<String> = got
            .iter()
            .filter(|(line, n)| whole.get(*line) != Some(n))
            .chain(whole.iter().filter(|(line, _)| !got.contains_key(*line)))
            .map(|(line, n)| {
                format!("{n}x {}: {}", source_of(line), line.chars().take(300).collect::<String>())
            })
            .collect();
        assert!(
            differ.is_empty(),
            "{parts} parts ({ranges:?}, index: {with_index}): records differ from the whole dump: {differ:?}"
        );
    }
}

/// The CLI: `split` prints the library's ranges, one `START:END` line each, and
/// `annotate --byte-range` writes the library's records of a range.
fn cli_gives_the_library_ranges_and_records(dump: &Path, index: &Path) {
    let (d, i) = (dump.to_str().expect("utf-8 path"), index.to_str().expect("utf-8 path"));
    let (code, printed, err) = wikianno(&["split", d, "--index", i, "--parts", "3"]);
    assert_eq!(code, 0, "split: {err}");
    let ranges = split(dump, Some(index), 3).expect("split");
    let want: Vec<String> = ranges.iter().map(ByteRange::to_string).collect();
    assert_eq!(printed.lines().collect::<Vec<_>>(), want);
    let range = ranges[ranges.len() / 2];
    let (code, out, err) = wikianno(&["annotate", FAST, d, "--byte-range", &range.to_string()]);
    assert!(code == 0 || code == 1, "range {range}: {err}");
    assert_eq!(out.lines().collect::<Vec<_>>(), range_lines(dump, range));
}

#[test]
fn synthetic_dump_ranges_cover_every_page_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xml = synthetic_export(40);
    let (dump, index) = multistream(dir.path(), "synthetic", xml.as_bytes(), 3);
    // 40 articles and the redirect; the talk page is skipped.
    ranges_cover_every_page_once(&dump, &index, 41);
    cli_gives_the_library_ranges_and_records(&dump, &index);
    let mut lines = String::new();
    bzip2::read::MultiBzDecoder::new(fs::File::open(&index).expect("index"))
        .read_to_string(&mut lines)
        .expect("read index");
    assert_eq!(lines.lines().count(), 42);
    assert!(lines.lines().next().is_some_and(|l| l.ends_with(":1:Treaty 1 & Co")), "{lines}");
    // A 7-part split of 14 page streams gives 7 ranges.
    assert_eq!(split(&dump, None, 7).expect("split").len(), 7);
    // One worker decodes on the reading thread (a Spark task given one core), two on
    // decoder threads: the same bytes, header and closing tag included.
    for range in split(&dump, Some(&index), 3).expect("split") {
        let read = |workers| {
            let mut xml = Vec::new();
            open_range_on(&dump, range, workers)
                .expect("range")
                .read_to_end(&mut xml)
                .expect("read");
            xml
        };
        assert_eq!(read(1), read(2), "{range}");
    }
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

/// A library error the CLI prints as is: one line naming `file`.
fn names_the_file<T>(result: wikianno::Result<T>, file: &Path) {
    let Err(e) = result else { panic!("{} gave no error", file.display()) };
    let message = e.to_string();
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(message.contains(&*name), "{message} does not name {name}");
}

/// `open_range` of `dump` for `range` (`START:END`), as `annotate --byte-range` calls it.
fn opened(dump: &Path, range: &str) -> wikianno::Result<()> {
    open_range(dump, range.parse().expect("START:END")).map(drop)
}

#[test]
fn bad_ranges_indexes_and_files_are_one_line_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xml = synthetic_export(10);
    let (dump, index) = multistream(dir.path(), "bad", xml.as_bytes(), 2);
    let d = dump.to_str().unwrap();
    let len = fs::metadata(&dump).unwrap().len();
    let second = split(&dump, None, 3).expect("split")[1];

    // Not at a stream boundary: the start (through the CLI: exit 2, one line), then the end.
    let off_start = format!("{}:{}", second.start + 1, second.end);
    one_line_error(&["annotate", FAST, d, "--byte-range", &off_start], &dump);
    names_the_file(opened(&dump, &off_start), &dump);
    // A range of two dumps: the one line names the paths given (the second one too).
    let other = dir.path().join("other.xml.bz2");
    let range = format!("{}:{}", second.start, second.end);
    one_line_error(&["annotate", FAST, d, other.to_str().unwrap(), "--byte-range", &range], &other);
    names_the_file(opened(&dump, &format!("{}:{}", second.start, second.end - 1)), &dump);
    // Past the end of the file.
    names_the_file(opened(&dump, &format!("0:{}", len + 1)), &dump);

    // A plain XML file, and a gzip one, are not multistream dumps.
    let plain = dir.path().join("plain.xml");
    fs::write(&plain, &xml).unwrap();
    names_the_file(opened(&plain, "0:10"), &plain);
    names_the_file(split(&plain, None, 2), &plain);
    let gzip = dir.path().join("plain.xml.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut encoder, xml.as_bytes()).unwrap();
    fs::write(&gzip, encoder.finish().unwrap()).unwrap();
    names_the_file(opened(&gzip, "0:10"), &gzip);
    // A single-stream bz2: its only boundary is 0, so a range must span the whole file.
    let single = dir.path().join("single.xml.bz2");
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    std::io::Write::write_all(&mut encoder, xml.as_bytes()).unwrap();
    fs::write(&single, encoder.finish().unwrap()).unwrap();
    let single_len = fs::metadata(&single).unwrap().len();
    names_the_file(opened(&single, &format!("0:{}", single_len / 2)), &single);
    let whole = format!("0:{single_len}");
    assert_eq!(range_lines(&single, whole.parse().unwrap()), whole_lines(&single));
    // A dump that is not there.
    let absent = dir.path().join("absent-multistream.xml.bz2");
    names_the_file(opened(&absent, "0:10"), &absent);
    names_the_file(split(&absent, None, 2), &absent);

    // A missing index, a corrupt one (garbage, bad bz2, an offset inside a stream).
    let missing = dir.path().join("missing-index.txt.bz2");
    names_the_file(split(&dump, Some(&missing), 2), &missing);
    let garbage = dir.path().join("garbage-index.txt");
    fs::write(&garbage, "not an index\n").unwrap();
    one_line_error(&["split", d, "--index", garbage.to_str().unwrap(), "--parts", "2"], &garbage);
    names_the_file(split(&dump, Some(&garbage), 2), &garbage);
    let cut = dir.path().join("cut-index.txt.bz2");
    let bytes = fs::read(&index).unwrap();
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    names_the_file(split(&dump, Some(&cut), 2), &cut);
    let inside = dir.path().join("inside-index.txt");
    fs::write(&inside, format!("{}:1:A\n", second.start + 1)).unwrap();
    names_the_file(split(&dump, Some(&inside), 2), &inside);
}

/// The records of `path` read whole, with the path written as `DUMP`.
fn records_of(path: &Path) -> Vec<String> {
    let name = path.to_str().expect("utf-8 path");
    whole_lines(path).iter().map(|l| l.replace(name, "DUMP")).collect()
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
    let (want, got) = (records_of(&xml), records_of(&dump));
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
    let whole = records_of(&xml);
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

    // Through the CLI: error records make exit code 1.
    let (code, out, err) = wikianno(&["annotate", FAST, dump.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let name = dump.to_str().unwrap();
    let got: Vec<String> = out.lines().map(|l| l.replace(name, "DUMP")).collect();
    assert_eq!(got, records_of(&dump), "the CLI writes the library's records");
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
