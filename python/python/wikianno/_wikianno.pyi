"""Type stubs of wikianno's native module (re-exported by the ``wikianno`` package)."""

from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

StrPath = Union[str, "PathLike[str]"]
#: A record: the CLI's NDJSON record as a dict (``id``, ``title``, ``source``, ``text``,
#: ``sections``, ``entities``, ``timexes``, ``events``, ``infobox``, ``diagnostics``, ...),
#: a redirect record, or an error record ``{"source", "error"}``.
Record = Dict[str, Any]
#: A page as ``read_dump`` yields it: ``{"title", "text", "source", "wikitext"}``,
#: ``{"title", "redirect", "source"}`` or ``{"source", "error"}``.
Page = Dict[str, Any]
#: What ``annotate_many`` and ``write_parquet`` accept: wiki-style texts, pages, or a
#: ``read_dump`` reader (read in Rust, no Python object per page).
Items = Union["DumpReader", Iterable[Union[str, Page]]]
ByteRange = Union[Tuple[int, int], str]

__version__: str

class WikiannoError(Exception):
    """A setup or input error (a gazetteer, an index, a dump, a byte range); the message is
    the library's, naming the file and what is wrong."""

class Pipeline:
    """The annotation pipeline, compiled once; immutable, shareable between threads.

    gazetteers: extra gazetteer files or folders (the CLI's ``--gazetteer``), loaded after
        the shipped ones. index: a ``wikianno index`` folder (``--index``). dct: a document
        creation date ``YYYY-MM-DD`` (``--dct``). shipped_gazetteers: load the shipped
        curated and general gazetteers (built into the package); False is the CLI's
        ``--no-default-gazetteers``.
    """

    def __init__(
        self,
        gazetteers: Optional[Union[StrPath, Sequence[StrPath]]] = None,
        index: Optional[StrPath] = None,
        dct: Optional[str] = None,
        *,
        shipped_gazetteers: bool = True,
    ) -> None: ...
    def annotate(
        self,
        text: str,
        title: Optional[str] = None,
        wikitext: bool = False,
        source: Optional[str] = None,
    ) -> Record:
        """One article's record. ``wikitext=True`` needs ``title``."""
    def annotate_many(
        self, items: Items, jobs: Optional[int] = None, as_json: bool = False
    ) -> "Annotations":
        """Records of ``items`` in input order, annotated on ``jobs`` threads (default: all
        cores) with the GIL released; ``as_json=True`` yields JSON lines (``str``). Dicts
        are parsed from those lines by orjson when it is importable (else built by
        pythonize; ``WIKIANNO_DICTS=pythonize`` forces it): the same records. With
        ``jobs=1`` a ``read_dump`` reader is read and annotated on one thread."""
    def write_parquet(self, items: Items, path: StrPath, jobs: Optional[int] = None) -> int:
        """Annotate ``items`` into one Parquet file (the CLI's ``--format parquet``
        schema), written under a temporary name and renamed; returns the row count."""

class Annotations(Iterator[Any]):
    """The iterator ``Pipeline.annotate_many`` returns."""

    def __iter__(self) -> "Annotations": ...
    def __next__(self) -> Any: ...

class DumpReader(Iterator[Page]):
    """The iterator ``read_dump`` returns."""

    def __iter__(self) -> "DumpReader": ...
    def __next__(self) -> Page: ...

def read_dump(
    path: StrPath, byte_range: Optional[ByteRange] = None, threads: Optional[int] = None
) -> DumpReader:
    """The pages of a dump (``.xml``, ``.xml.bz2``, ``.xml.gz``), or of one byte range of a
    multistream ``.bz2`` dump (a pair from ``split``), decoded on ``threads`` threads
    (default: one per core, at most 8)."""

def split(path: StrPath, parts: int, index: Optional[StrPath] = None) -> List[Tuple[int, int]]:
    """Balanced byte ranges of a multistream ``.bz2`` dump at stream boundaries, covering
    the file; from the dump's index when given, else by scanning for stream headers."""

def write_multistream(
    xml: StrPath, dump: StrPath, index: StrPath, pages_per_stream: int = 100
) -> int:
    """Write a multistream ``.bz2`` dump and its index from an XML export (for tests and
    benchmarks); returns the page count."""
