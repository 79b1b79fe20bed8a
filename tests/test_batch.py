"""The batch job on a real Dask LocalCluster: partitions to Parquet, resumable."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.batch import run
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def _corpus(tmp_path: Path) -> Path:
    text = (EXAMPLES / "afgooye-2024-03-12.txt").read_text()
    path = tmp_path / "corpus.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "date", "text"])
        for i in range(5):
            writer.writerow([f"Report {i}", "2024-03-12", text.split("\n\n", 1)[1] + f" Update {i}."])
        writer.writerow(["Empty", "2024-03-12", ""])
    return path


def test_dask_batch_writes_partitions_and_resumes(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    totals = run([str(corpus)], str(out), workers=2, partition_size=2)
    assert totals["partitions"] == 3 and totals["articles"] == 5 and totals["errors"] == 1
    documents = pq.read_table(out / "documents").to_pylist()
    assert sorted(d["title"] for d in documents) == [f"Report {i}" for i in range(5)]
    assert pq.read_table(out / "events").num_rows == totals["events"]
    errors = "".join(p.read_text() for p in sorted((out / "errors").iterdir()))
    assert "no text field" in errors or "no article text" in errors
    # As if interrupted: lose a partition of two articles (names are content hashes, so pick by size).
    full = [p for p in (out / "documents").glob("part-*.parquet") if pq.read_table(p).num_rows == 2]
    full[0].unlink()
    again = run([str(corpus)], str(out), workers=1, partition_size=2)
    assert again["resumed"] == 2 and again["partitions"] == 1 and again["articles"] == 2


def _batch(inp: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dateline.cli", "batch", str(inp), "--out", str(out),
                           "--partition-size", "2", "--workers", "1"], capture_output=True, text=True, timeout=600)


def test_resume_is_keyed_by_content_so_an_added_file_neither_doubles_nor_drops(tmp_path: Path) -> None:
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    for i in range(1, 7):
        (inp / f"a{i}.txt").write_text(f"title Report {i}\n\nGunmen attacked a police post in Kano on Monday, "
                                       f"killing {i + 1} officers, police said.\n")
    first = _batch(inp, out)
    assert first.returncode == 0, first.stderr
    (inp / "a0.txt").write_text("title Report 0\n\nProtesters marched through Lagos on Friday.\n")
    again = _batch(inp, out)
    assert again.returncode == 0, again.stderr
    totals = json.loads(again.stdout.strip().splitlines()[-1])
    assert totals["removed"] == 3  # a1-a2, a3-a4, a5-a6 became a0-a1, a2-a3, a4-a5, a6
    titles = sorted(d["title"] for d in pq.read_table(out / "documents").to_pylist())
    assert titles == [f"Report {i}" for i in range(7)]
    third = _batch(inp, out)  # nothing changed: everything resumed
    assert json.loads(third.stdout.strip().splitlines()[-1])["resumed"] == 4
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text("Protesters marched through Abuja on Friday.\n")
    refused = _batch(other, out)  # another corpus into the same folder is refused, not mixed
    assert refused.returncode == 1 and "holds the output of other inputs" in refused.stderr


def test_batch_streams_bad_input_by_name_and_exits_1(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text("Gunmen attacked a police post in Kano on Monday, police said.\n")
    (inp / "deep.json").write_text("[" * 5000 + "]" * 5000)
    (inp / "header.txt").write_text("date 2021-08-03\ntitle Nothing else\n")
    result = _batch(inp, tmp_path / "out")
    assert result.returncode == 1
    assert f"{inp / 'deep.json'}: JSON nested too deeply" in result.stderr
    assert f"{inp / 'header.txt'}: no article text" in result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["articles"] == 1
