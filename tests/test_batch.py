"""The batch job on a real Dask LocalCluster: partitions to Parquet, resumable."""
from __future__ import annotations

import csv
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
    (out / "documents" / "part-00001.parquet").unlink()  # as if interrupted
    again = run([str(corpus)], str(out), workers=1, partition_size=2)
    assert again["resumed"] == 2 and again["partitions"] == 1 and again["articles"] == 2
