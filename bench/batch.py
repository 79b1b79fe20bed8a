"""Scaling of the batch job on Dask from 1 to N local workers, on a corpus of real articles.

    python bench/batch.py --corpus ../shared/corpus/wikinews --workers 1 2

Each run extracts the whole corpus into a fresh temporary folder of Parquet files;
worker start-up (loading spaCy and the gazetteer) is included, as a user would pay it.
Prints a table, then one JSON object as its last line.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.batch import run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=25)
    args = parser.parse_args()
    results = []
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            totals = run([args.corpus], out, workers=workers, partition_size=args.partition_size)
            seconds = time.perf_counter() - started
        results.append({"workers": workers, "seconds": round(seconds, 1), "articles": totals["articles"],
                        "articles_per_s": round(totals["articles"] / seconds, 2)})
    base = results[0]["articles_per_s"]
    print(f"{'workers':>8}{'seconds':>10}{'articles/s':>12}{'speed-up':>10}")
    for r in results:
        r["speedup"] = round(r["articles_per_s"] / base, 2)
        print(f"{r['workers']:>8}{r['seconds']:>10}{r['articles_per_s']:>12}{r['speedup']:>10}")
    print(json.dumps({"runs": results}))


if __name__ == "__main__":
    main()
