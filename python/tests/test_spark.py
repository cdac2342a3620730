"""Acceptance (issue 16): for the same multistream dump, the Spark job's Parquet parts,
the CLI's Parquet file, the CLI's NDJSON and the Python package's records hold the same
records (order aside): compared through the `record` JSON column, line for line."""

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections import Counter

import pytest

import wikianno

pq = pytest.importorskip("pyarrow.parquet")


def ndjson_records(text):
    return Counter(line for line in text.splitlines() if line)


def parquet_records(path):
    table = pq.read_table(str(path), columns=["record"])
    return Counter(table.column("record").to_pylist())


def spark_job(dump, index, out, *extra):
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java: the Spark job needs a JVM")
    pytest.importorskip("pyspark")
    return subprocess.run(
        [sys.executable, "-m", "wikianno.spark", str(dump), "-o", str(out), "--master", "local[2]"]
        + (["--index", str(index)] if index else [])
        + list(extra),
        capture_output=True,
        text=True,
    )


def test_python_records_are_the_cli_ndjson(cli, synthetic_dump, sample_dump):
    pipeline = wikianno.Pipeline()
    for dump, _ in (synthetic_dump, sample_dump):
        from_cli = ndjson_records(cli("annotate", dump).stdout)
        from_python = Counter(pipeline.annotate_many(wikianno.read_dump(dump), as_json=True))
        assert from_python == from_cli, dump.name


@pytest.mark.parametrize("which", ["synthetic", "sample"])
def test_spark_cli_parquet_and_ndjson_hold_the_same_records(
    which, request, cli, tmp_path
):
    dump, index = request.getfixturevalue(which + "_dump")
    ndjson = ndjson_records(cli("annotate", dump).stdout)
    assert sum(ndjson.values()) > 20 and all(n == 1 for n in ndjson.values())
    cli("annotate", dump, "--format", "parquet", "-o", tmp_path / "cli.parquet")
    assert parquet_records(tmp_path / "cli.parquet") == ndjson

    out = tmp_path / "spark"
    done = spark_job(dump, index, out, "--parts", "3")
    assert done.returncode == 0, done.stderr[-3000:]
    parts = sorted(p.name for p in out.iterdir())
    assert parts == ["_SUCCESS", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert parquet_records(out) == ndjson
    # Same columns and types as the CLI's file.
    assert pq.read_schema(str(out / "part-00000.parquet")) == pq.read_schema(
        str(tmp_path / "cli.parquet")
    )

    if which == "synthetic":
        # A second run into the same folder refuses to mix runs (exit 2, before Spark
        # starts), unless told to replace them; without the index, by scanning the dump.
        again = spark_job(dump, None, out, "--parts", "2")
        assert again.returncode == 2 and "--overwrite" in again.stderr
        again = spark_job(dump, None, out, "--parts", "2", "--overwrite")
        assert again.returncode == 0, again.stderr[-3000:]
        assert sorted(p.name for p in out.iterdir()) == [
            "_SUCCESS",
            "part-00000.parquet",
            "part-00001.parquet",
        ]
        assert parquet_records(out) == ndjson

def test_write_parquet_is_the_cli_parquet(cli, synthetic_dump, tmp_path):
    dump, _ = synthetic_dump
    cli("annotate", dump, "--format", "parquet", "-o", tmp_path / "cli.parquet")
    rows = wikianno.Pipeline().write_parquet(wikianno.read_dump(dump), tmp_path / "py.parquet")
    assert rows == 61
    assert parquet_records(tmp_path / "py.parquet") == parquet_records(tmp_path / "cli.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cli.parquet", "py.parquet"]


def test_write_parquet_writes_a_pipe_in_place(synthetic_dump, tmp_path):
    # A FIFO (like a device) is written as it is: a temporary file renamed over it would
    # replace it with a regular file.
    dump, _ = synthetic_dump
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    rows = wikianno.Pipeline().write_parquet(wikianno.read_dump(dump), fifo)
    reader.join(timeout=60)
    assert not reader.is_alive(), "the reader got the end of the file"
    assert rows == 61
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received[0][:4] == b"PAR1" and received[0][-4:] == b"PAR1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]
