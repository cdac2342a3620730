"""Fixtures: the repository, the CLI binary, and multistream dumps (a synthetic one always;
the DBpedia minidump re-packed as multistream when ../shared/data is there)."""

import bz2
import os
import subprocess
from pathlib import Path

import pytest

import wikianno

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"


def synthetic_export(n: int) -> str:
    """An export with a header, ``n`` articles with dates and links, a redirect and a talk
    page (the shape of tests/multistream.rs's synthetic dump)."""

    def page(page_id: int, title: str, ns: int, body: str, extra: str = "") -> str:
        return (
            "  <page>\n    <title>%s</title>\n    <ns>%d</ns>\n    <id>%d</id>\n%s    <revision>\n"
            '      <id>%d</id>\n      <text xml:space="preserve">%s</text>\n    </revision>\n'
            "  </page>\n" % (title, ns, page_id, extra, page_id + 1000, body)
        )

    xml = (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="en">\n'
        "  <siteinfo>\n    <sitename>Test</sitename>\n  </siteinfo>\n"
    )
    for i in range(1, n + 1):
        body = (
            "'''Treaty %d''' was signed in [[Lima]] on %d March %d by Zoë. "
            "It ended the war &amp; more." % (i, i % 28 + 1, 1800 + i)
        )
        xml += page(i, "Treaty %d &amp; Co" % i, 0, body)
    target = "Treaty 1 &amp; Co"
    redirect = '    <redirect title="%s" />\n' % target
    xml += page(n + 1, "Redirect here", 0, "#REDIRECT [[%s]]" % target, redirect)
    xml += page(n + 2, "Talk:Treaty 1", 1, "Talk text.")
    return xml + "</mediawiki>\n"


def multistream(directory: Path, name: str, xml: bytes, pages_per_stream: int):
    """``name-multistream.xml.bz2`` and its index in ``directory``, from ``xml``."""
    source = directory / (name + ".xml")
    source.write_bytes(xml)
    dump = directory / (name + "-multistream.xml.bz2")
    index = directory / (name + "-multistream-index.txt.bz2")
    wikianno.write_multistream(source, dump, index, pages_per_stream)
    source.unlink()
    return dump, index


@pytest.fixture(scope="session")
def synthetic_dump(tmp_path_factory):
    directory = tmp_path_factory.mktemp("synthetic")
    return multistream(directory, "synthetic", synthetic_export(60).encode(), 7)


@pytest.fixture(scope="session")
def sample_dump(tmp_path_factory):
    """The DBpedia minidump (a few MB of real pages) as a multistream dump, 10 pages a
    stream; skipped when ../shared/data is absent."""
    path = SHARED / "dbpedia-minidump-en" / "enwiki-minidump.xml.bz2"
    if not path.exists():
        pytest.skip("%s is absent (it lives in ../shared/data)" % path)
    directory = tmp_path_factory.mktemp("minidump")
    return multistream(directory, "minidump", bz2.decompress(path.read_bytes()), 10)


@pytest.fixture(scope="session")
def cli():
    """Run the wikianno CLI ($WIKIANNO_BIN, else target/release or target/debug), with the
    repository's gazetteers; skipped when no binary is built."""
    candidates = [os.environ.get("WIKIANNO_BIN")] + [
        str(REPO / "target" / profile / "wikianno") for profile in ("release", "debug")
    ]
    binary = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
    if binary is None:
        pytest.skip("no wikianno binary: run `cargo build --release` first")
    env = dict(os.environ, WIKIANNO_GAZETTEERS=str(REPO / "gazetteers"))

    def run(*args, check=True):
        done = subprocess.run(
            [binary] + [str(a) for a in args], capture_output=True, text=True, env=env
        )
        if check and done.returncode != 0:
            raise AssertionError("wikianno %s: exit %d\n%s" % (args, done.returncode, done.stderr))
        return done

    return run
