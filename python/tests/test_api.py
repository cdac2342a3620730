"""The Python API: annotate, annotate_many, read_dump, split, and errors as exceptions."""

import bz2
import json
import threading
from collections import Counter

import pytest

import wikianno

ARTICLE = "= Zoë =\n\nZoë fled to Callao 🎉 on 6 November 1865 after the war.\n"


@pytest.fixture(scope="module")
def pipeline():
    return wikianno.Pipeline()


def test_annotate_returns_the_ndjson_record_with_code_point_offsets(pipeline):
    record = pipeline.annotate(ARTICLE, source="zoe.txt")
    assert record["title"] == "Zoë" and record["source"] == "zoe.txt"
    text = record["text"]
    for span in record["entities"] + record["timexes"] + record["events"]:
        assert text[span["start"] : span["end"]] == span["text"], span
    callao = [e for e in record["entities"] if e["text"] == "Callao"]
    assert callao and callao[0]["label"] == "PLACE"
    assert callao[0]["source"].startswith("gazetteers/places.tsv:")
    assert [t["value"] for t in record["timexes"]] == ["1865-11-06"]


def test_the_general_gazetteers_are_built_in(pipeline):
    record = pipeline.annotate("Kaunas is a city.", title="Kaunas note")
    sources = [e["source"] for e in record["entities"]]
    assert any(s.startswith("gazetteers/general/") for s in sources), sources
    bare = wikianno.Pipeline(shipped_gazetteers=False).annotate("Kaunas is a city.", title="t")
    assert not any(e["source"].startswith("gazetteers/") for e in bare["entities"])


def test_wikitext_and_extra_gazetteers(tmp_path):
    extra = tmp_path / "ships.tsv"
    extra.write_text("Huascar Xq\tSHIP\tHuascar_Xq\n", encoding="utf-8")
    pipeline = wikianno.Pipeline(gazetteers=[extra], dct="1866-05-02")
    record = pipeline.annotate(
        "The '''Huascar Xq''' sailed to [[Lima]] on 2 May.", title="Huascar", wikitext=True
    )
    assert record["text"].startswith("The Huascar Xq sailed to Lima")
    assert any(e["id"] == "Huascar_Xq" and e["source"].endswith("ships.tsv:1") for e in record["entities"])
    assert record["timexes"][0]["value"] == "1866-05-02"


def test_annotate_many_yields_every_record_in_input_order(pipeline):
    texts = ["= A%d =\n\nSigned on %d March %d.\n" % (i, i % 28 + 1, 1800 + i) for i in range(700)]
    for jobs in (None, 1, 3):
        records = list(pipeline.annotate_many(iter(texts), jobs=jobs))
        assert [r["title"] for r in records] == ["A%d" % i for i in range(700)]
    assert records[0] == pipeline.annotate(texts[0])
    lines = list(pipeline.annotate_many(texts[:3], as_json=True))
    assert [json.loads(l) for l in lines] == records[:3]
    assert list(pipeline.annotate_many([])) == []


def test_annotate_many_releases_the_gil(pipeline):
    # Another Python thread keeps running while the workers annotate.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        texts = [ARTICLE * 20] * 300
        list(pipeline.annotate_many(texts))
    finally:
        stop.set()
        thread.join()
    assert len(ticks) > 5


def test_read_dump_pages_annotate_as_the_dump_reader_gives_them(pipeline, synthetic_dump):
    dump, _ = synthetic_dump
    pages = list(wikianno.read_dump(dump))
    articles = [p for p in pages if "text" in p]
    assert len(articles) == 60 and all(p["wikitext"] for p in articles)
    assert articles[0]["title"] == "Treaty 1 & Co"
    redirects = [p for p in pages if "redirect" in p]
    assert redirects == [
        {"title": "Redirect here", "redirect": "Treaty 1 & Co", "source": redirects[0]["source"]}
    ]
    # Pages through Python, or the reader handed over whole: the same records.
    through_python = list(pipeline.annotate_many(pages))
    native = list(pipeline.annotate_many(wikianno.read_dump(dump)))
    assert through_python == native and len(native) == 61
    assert native[0]["timexes"][0]["value"] == "1801-03-02"


def test_split_ranges_cover_every_page_once(synthetic_dump, sample_dump):
    for dump, index in (synthetic_dump, sample_dump):
        whole = Counter(json.dumps(p, sort_keys=True) for p in wikianno.read_dump(dump))
        size = dump.stat().st_size
        for parts in (1, 2, 3, 7):
            for idx in (index, None):
                ranges = wikianno.split(dump, parts, index=idx)
                assert ranges[0][0] == 0 and ranges[-1][1] == size
                assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:])), ranges
                assert len(ranges) <= parts
                seen = Counter(
                    json.dumps(p, sort_keys=True)
                    for r in ranges
                    for p in wikianno.read_dump(dump, byte_range=r)
                )
                assert seen == whole, (dump.name, parts, idx)
        assert all(n == 1 for n in whole.values()), "no page twice"
        start, end = wikianno.split(dump, 2, index=index)[1]
        assert len(list(wikianno.read_dump(dump, byte_range="%d:%d" % (start, end)))) > 0
        # Decoding threads change nothing but the speed (a Spark task passes its cores).
        one_thread = Counter(
            json.dumps(p, sort_keys=True)
            for r in wikianno.split(dump, 2, index=index)
            for p in wikianno.read_dump(dump, byte_range=r, threads=1)
        )
        assert one_thread == whole
    with pytest.raises(ValueError, match="threads"):
        wikianno.read_dump(dump, byte_range=ranges[0], threads=0)


def test_setup_and_input_errors_are_exceptions_with_the_rust_message(tmp_path, synthetic_dump):
    dump, index = synthetic_dump
    with pytest.raises(wikianno.WikiannoError, match="missing.tsv"):
        wikianno.Pipeline(gazetteers=str(tmp_path / "missing.tsv"))
    bad = tmp_path / "bad.tsv"
    bad.write_text("Lima\tNOT_A_LABEL\tLima\n", encoding="utf-8")
    with pytest.raises(wikianno.WikiannoError, match="bad.tsv"):
        wikianno.Pipeline(gazetteers=bad)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        wikianno.Pipeline(dct="1865-13-01")
    with pytest.raises(wikianno.WikiannoError, match="nothing.xml"):
        wikianno.read_dump(tmp_path / "nothing.xml")
    size = dump.stat().st_size
    with pytest.raises(wikianno.WikiannoError, match="not where a bz2 stream starts") as e:
        wikianno.read_dump(dump, byte_range=(1, size))
    assert str(dump) in str(e.value) and "\n" not in str(e.value)
    plain = tmp_path / "plain.xml"
    plain.write_bytes(bz2.decompress(dump.read_bytes()))
    with pytest.raises(wikianno.WikiannoError, match="not a bzip2"):
        wikianno.read_dump(plain, byte_range=(0, 10))
    corrupt = tmp_path / "corrupt-index.txt"
    corrupt.write_text("12345:1:Nowhere\n", encoding="utf-8")
    with pytest.raises(wikianno.WikiannoError, match="corrupt-index.txt"):
        wikianno.split(dump, 2, index=corrupt)
    with pytest.raises(wikianno.WikiannoError, match="missing-index"):
        wikianno.split(dump, 2, index=tmp_path / "missing-index.txt.bz2")
    with pytest.raises(ValueError):
        wikianno.split(dump, 0)
    with pytest.raises(ValueError):
        wikianno.read_dump(dump, byte_range="9:3")
    pipeline = wikianno.Pipeline(shipped_gazetteers=False)
    with pytest.raises(ValueError, match="title"):
        pipeline.annotate("'''X''' is a thing.", wikitext=True)
    with pytest.raises(TypeError, match="int"):
        list(pipeline.annotate_many(["fine", 3]))
    with pytest.raises(ValueError):
        pipeline.annotate_many([], jobs=0)
