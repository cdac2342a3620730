"""Issue 16: the dicts of `annotate_many` (built from the records' wire values, with no JSON
text in between), its `as_json=True` lines and the CLI's NDJSON are the same records, in
input order, down to key order, value types and escapes; `annotate` (one article) gives the
same dict."""

import json
from pathlib import Path

import pytest

import wikianno

REPO = Path(__file__).resolve().parents[2]
CORPUS = sorted((REPO / "corpus").glob("*.txt"))
GENSIM = (
    REPO.parent / "shared" / "data" / "enwiki-dump-sample-gensim"
    / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
)


@pytest.fixture(scope="module")
def pipeline():
    return wikianno.Pipeline()


def as_cli_line(record):
    """A dict written as the CLI writes its line: compact, UTF-8 unescaped, keys in order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def assert_same_records(dicts, lines, cli_lines):
    assert len(dicts) == len(lines) == len(cli_lines) > 0
    for i, (record, line, cli_line) in enumerate(zip(dicts, lines, cli_lines)):
        assert line == cli_line, i
        assert record == json.loads(cli_line), i
        # Equality alone would take 1 for True and 1.0 for 1, and ignore key order: written
        # back, the dict must be the CLI's line byte for byte.
        assert as_cli_line(record) == cli_line, i


def test_corpus_records_are_the_cli_ndjson(cli, pipeline):
    assert CORPUS, "the shipped corpus/ has articles"
    cli_lines = cli("annotate", *CORPUS).stdout.splitlines()
    # Bytes decoded as the CLI reads them (no newline translation).
    items = [{"text": p.read_bytes().decode("utf-8"), "source": str(p)} for p in CORPUS]
    dicts = list(pipeline.annotate_many(items))
    lines = list(pipeline.annotate_many(items, as_json=True))
    assert_same_records(dicts, lines, cli_lines)
    singles = [pipeline.annotate(item["text"], source=item["source"]) for item in items]
    assert [as_cli_line(r) for r in singles] == cli_lines
    # Offsets are code points: Python slices give each span's text.
    for record in dicts:
        for span in record["entities"] + record["timexes"] + record["event_mentions"]:
            assert record["text"][span["start"] : span["end"]] == span["text"], span


def test_redirect_and_error_records_are_their_lines(pipeline):
    items = [
        {"title": "Zoë's page", "redirect": "Zoë 🎉", "source": "d.xml"},
        {"source": "d.xml", "error": "page 7: not valid UTF-8 \"here\"\n"},
        "= Zoë =\n\nZoë fled to Callao 🎉 on 6 November 1865.\n",
    ]
    dicts = list(pipeline.annotate_many(items))
    lines = list(pipeline.annotate_many(items, as_json=True))
    assert [as_cli_line(r) for r in dicts] == lines
    assert dicts[0] == {"source": "d.xml", "redirect": "Zoë's page", "to": "Zoë 🎉"}
    assert dicts[1]["error"].endswith('"here"\n')
    assert dicts[2]["infobox"] is None


def test_dump_records_are_the_cli_ndjson(cli, pipeline):
    if not GENSIM.exists():
        pytest.skip("%s is absent (it lives in ../shared/data)" % GENSIM)
    cli_lines = cli("annotate", GENSIM).stdout.splitlines()
    dicts = list(pipeline.annotate_many(wikianno.read_dump(GENSIM)))
    lines = list(pipeline.annotate_many(wikianno.read_dump(GENSIM), as_json=True))
    assert_same_records(dicts, lines, cli_lines)
    assert any("tables" in r for r in dicts) and any("redirect" in r for r in dicts)
    pages = list(wikianno.read_dump(GENSIM))
    assert len(pages) == len(dicts)
    for page, record in zip(pages, dicts):
        if "text" in page:
            single = pipeline.annotate(
                page["text"], title=page["title"], wikitext=True, source=page["source"]
            )
            assert as_cli_line(single) == as_cli_line(record), page["title"]


@pytest.mark.parametrize("builder", ["orjson", "pythonize"])
def test_both_dict_builders_give_the_cli_records(cli, pipeline, monkeypatch, builder):
    """Dicts come from orjson parsing the lines when it is importable, else from
    pythonize (`WIKIANNO_DICTS=pythonize` forces it): the same records either way."""
    if builder == "orjson":
        pytest.importorskip("orjson")
    monkeypatch.setenv("WIKIANNO_DICTS", builder)
    items = [{"text": p.read_bytes().decode("utf-8"), "source": str(p)} for p in CORPUS]
    cli_lines = cli("annotate", *CORPUS).stdout.splitlines()
    dicts = list(pipeline.annotate_many(items))
    assert_same_records(dicts, list(pipeline.annotate_many(items, as_json=True)), cli_lines)


def test_one_job_reads_a_dump_on_the_callers_thread_with_the_same_records(pipeline, sample_dump):
    """jobs=1 reads, decodes and annotates a dump range on one thread (no reader, decoder
    or worker beside it): the records are those of the threaded reading."""
    dump, index = sample_dump
    for r in wikianno.split(dump, 3, index):
        pages = wikianno.read_dump(dump, byte_range=r, threads=1)
        one = list(pipeline.annotate_many(pages, jobs=1))
        many = list(pipeline.annotate_many(wikianno.read_dump(dump, byte_range=r)))
        assert one == many and len(one) > 0
    whole = list(pipeline.annotate_many(wikianno.read_dump(dump), jobs=1, as_json=True))
    assert whole == list(pipeline.annotate_many(wikianno.read_dump(dump), as_json=True))
