"""wikianno: annotate wiki articles and dumps with gazetteer entities, TIMEX3 dates,
event frames and infobox verdicts.

The records are the CLI's NDJSON records (``wikianno annotate``), as dicts: the same
fields, the same code-point offsets (``text[e["start"]:e["end"]] == e["text"]``).

>>> import wikianno
>>> pipeline = wikianno.Pipeline()
>>> record = pipeline.annotate("= Pezet =\\n\\nPezet fled to Callao on 6 November 1865.\\n")
>>> record["timexes"][0]["value"]
'1865-11-06'

``Pipeline.annotate_many`` annotates an iterable on all cores (the GIL released),
``read_dump`` reads a MediaWiki dump or one byte range of a multistream dump, ``split``
cuts a multistream dump into balanced byte ranges, and ``python -m wikianno.spark`` runs
the Spark job that annotates a whole dump range by range into Parquet.
"""

from ._wikianno import (
    Annotations,
    DumpReader,
    Pipeline,
    WikiannoError,
    __version__,
    read_dump,
    split,
    write_multistream,
)

__all__ = [
    "Annotations",
    "DumpReader",
    "Pipeline",
    "WikiannoError",
    "__version__",
    "read_dump",
    "split",
    "write_multistream",
]
