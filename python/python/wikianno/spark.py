"""Annotate a multistream dump on Spark: ``python -m wikianno.spark DUMP --index INDEX -o OUT``.

The driver cuts DUMP (a ``…-pages-articles-multistream.xml.bz2``) into byte ranges at bz2
stream boundaries (``wikianno.split``: from INDEX when given, else by scanning the dump);
Spark runs one task per range. Each task reads its range, annotates it with the wikianno
package on the executor and writes ``OUT/part-NNNNN.parquet`` (the schema of
``wikianno annotate --format parquet``) under a temporary name, renamed when complete: a
retried or speculative attempt rewrites the same part whole, so no page is lost or
duplicated. At the end the driver checks that every range produced its part, removes
leftovers of failed attempts, and writes ``OUT/_SUCCESS``.

DUMP, INDEX and OUT are plain paths that the driver and every executor see (a shared
file system on a cluster). Exit status: 0 when every part was written; 1 when a task
failed (after Spark's retries); 2 for usage or setup errors (a bad dump, index or
gazetteer), with a one-line message naming the file.
"""

import argparse
import functools
import glob
import json
import os
import re
import sys
import time
from typing import Dict, List, Optional, Sequence, Tuple

import wikianno

PART_PATTERN = "part-*.parquet"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def part_name(number: int) -> str:
    """The file name of part ``number`` (one per byte range, in dump order)."""
    return "part-%05d.parquet" % number


# One pipeline per executor process and configuration: building one loads the gazetteers,
# which costs far more than a task's bookkeeping; Spark reuses its Python workers.
_PIPELINES: Dict[str, "wikianno.Pipeline"] = {}


def _pipeline(config: dict) -> "wikianno.Pipeline":
    key = json.dumps(config, sort_keys=True)
    if key not in _PIPELINES:
        _PIPELINES[key] = wikianno.Pipeline(**config)
    return _PIPELINES[key]


def annotate_part(
    task: Tuple[int, Tuple[int, int]], dump: str, out: str, config: dict, jobs: int
) -> Tuple[int, int, int, int]:
    """Run on an executor: annotate one byte range into its part file.

    Returns ``(number, start, end, rows)``. Raises (and Spark retries the task) when the
    range cannot be read or the part cannot be written.
    """
    number, (start, end) = task
    path = os.path.join(out, part_name(number))
    # The task's cores bound its decoding threads too, not only its annotating ones.
    pages = wikianno.read_dump(dump, byte_range=(start, end), threads=jobs)
    rows = _pipeline(config).write_parquet(pages, path, jobs=jobs)
    return number, start, end, rows


def _arguments(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m wikianno.spark",
        description="Annotate a multistream .bz2 dump on Spark, one task per byte range, "
        "into Parquet part files.",
    )
    parser.add_argument("dump", metavar="DUMP", help="a multistream .xml.bz2 dump")
    parser.add_argument(
        "--index",
        metavar="INDEX",
        help="the dump's multistream index (…-multistream-index.txt.bz2); "
        "without it the dump is scanned for stream starts",
    )
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="output folder")
    parser.add_argument(
        "--master",
        help="Spark master URL (local[2], spark://host:7077, yarn, ...); "
        "default: what spark-submit or the Spark configuration says",
    )
    parser.add_argument(
        "--parts",
        type=int,
        help="byte ranges (tasks); default: 4 per core of the cluster "
        "(spark.default.parallelism)",
    )
    parser.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="PATH",
        help="extra gazetteer file or folder (repeatable), as the CLI's --gazetteer",
    )
    parser.add_argument(
        "--no-default-gazetteers",
        action="store_true",
        help="do not load the shipped gazetteers",
    )
    parser.add_argument(
        "--entity-index",
        metavar="DIR",
        help="an entity index written by `wikianno index` (the CLI's annotate --index)",
    )
    parser.add_argument("--dct", metavar="YYYY-MM-DD", help="document creation date")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the part files already in OUT (default: refuse to mix runs)",
    )
    return parser.parse_args(argv)


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    print("wikianno.spark: " + message, file=sys.stderr)
    return status


def _prepare_output(out: str, overwrite: bool) -> Optional[str]:
    """Create OUT; refuse one that holds another run's parts unless ``overwrite``.
    Returns an error message, or None."""
    os.makedirs(out, exist_ok=True)
    old = glob.glob(os.path.join(out, PART_PATTERN))
    if old and not overwrite:
        return "%s already holds %d part files (use --overwrite to replace them)" % (out, len(old))
    for path in old + [os.path.join(out, "_SUCCESS")]:
        if os.path.exists(path):
            os.remove(path)
    return None


def run(argv: Optional[Sequence[str]] = None) -> int:
    """The job: parse ``argv``, run, return the exit status."""
    args = _arguments(argv)
    dump = os.path.abspath(args.dump)
    index = os.path.abspath(args.index) if args.index else None
    out = os.path.abspath(args.output)
    config = {
        "gazetteers": [os.path.abspath(g) for g in args.gazetteer],
        "index": os.path.abspath(args.entity_index) if args.entity_index else None,
        "dct": args.dct,
        "shipped_gazetteers": not args.no_default_gazetteers,
    }
    try:
        # Setup errors surface on the driver, once, before any task runs.
        _pipeline(config)
    except (wikianno.WikiannoError, ValueError) as e:
        return _fail(str(e))
    if args.parts is not None and args.parts < 1:
        return _fail("--parts must be at least 1")
    problem = _prepare_output(out, args.overwrite)
    if problem:
        return _fail(problem)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return _fail("pyspark is not installed (pip install pyspark)")

    builder = SparkSession.builder.appName("wikianno " + os.path.basename(dump))
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local workers run this interpreter (its venv has wikianno), not `python3`.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        parts = args.parts or 4 * sc.defaultParallelism
        try:
            ranges: List[Tuple[int, int]] = wikianno.split(dump, parts, index)
        except wikianno.WikiannoError as e:
            return _fail(str(e))
        # A task gets spark.task.cpus cores: the pipeline uses that many threads.
        jobs = int(sc.getConf().get("spark.task.cpus", "1"))
        started = time.time()
        tasks = list(enumerate(ranges))
        # By reference to the installed module, also under `python -m` (where this file
        # runs as __main__ and its functions would be shipped by value).
        from wikianno import spark as job

        work = functools.partial(job.annotate_part, dump=dump, out=out, config=config, jobs=jobs)
        try:
            done = sc.parallelize(tasks, len(tasks)).map(work).collect()
        except Exception as e:  # a task failed after Spark's retries
            return _fail("a task failed: " + _cause(e), EXIT_FAILED)
        return _finish(out, ranges, done, time.time() - started)
    finally:
        spark.stop()


def _cause(error: Exception) -> str:
    """The Python exception line inside a Spark task failure (the last `Name: message`
    line of the worker's traceback), else the failure's first line."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    causes = [line for line in lines if re.match(r"^[\w.]+(Error|Exception): ", line)]
    return (causes or lines or [type(error).__name__])[-1 if causes else 0]


def _finish(
    out: str, ranges: List[Tuple[int, int]], done: List[Tuple[int, int, int, int]], seconds: float
) -> int:
    """Check that every range produced its part, tidy OUT, and say what was written."""
    by_number = {number: (start, end, rows) for number, start, end, rows in done}
    missing = [
        "%d (%d:%d)" % (n, start, end)
        for n, (start, end) in enumerate(ranges)
        if n not in by_number or not os.path.isfile(os.path.join(out, part_name(n)))
    ]
    if missing:
        return _fail("no part file for ranges " + ", ".join(missing), EXIT_FAILED)
    # Hidden leftovers of attempts that failed or lost a race (readers skip them anyway).
    for leftover in glob.glob(os.path.join(out, ".part-*.tmp")):
        try:
            os.remove(leftover)
        except OSError:
            pass
    rows = sum(r for _, _, r in by_number.values())
    with open(os.path.join(out, "_SUCCESS"), "w"):
        pass
    print(
        "wikianno.spark: %d ranges, %d rows in %s (%.1f s)" % (len(ranges), rows, out, seconds)
    )
    return EXIT_OK


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
