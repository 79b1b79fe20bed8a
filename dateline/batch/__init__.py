"""batch: run the same per-article extraction over shards of a large corpus on a cluster.

The unit of work is engine-neutral: :func:`extract_partition` takes a list of
articles and writes Parquet files (events, claims, documents, errors) for that
partition. Dask runs it here (a LocalCluster, or a scheduler address); Spark or
any other engine can call the same function on its own partitions.

    dateline batch ../corpus --out out/ --workers 2
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dateline.export import EVENT_EXPORT_COLUMNS, write_parquet
from dateline.ingest import Item, list_files, read_path
from dateline.jobs import IngestReport, extract_items
from dateline.store import CLAIM_COLUMNS

DOCUMENT_EXPORT_COLUMNS = ("doc_id", "url", "title", "source", "published", "published_precision", "origin")


def partitions(paths: Iterable[str], size: int = 200) -> Iterator[list[Item]]:
    """Articles from ``paths`` in lists of ``size`` (a big CSV/JSONL file is split too)."""
    chunk: list[Item] = []
    for path in paths:
        for file in list_files(path):
            for item in read_path(file):
                chunk.append(item)
                if len(chunk) >= size:
                    yield chunk
                    chunk = []
    if chunk:
        yield chunk


def extract_partition(items: list[Item], out_dir: str, number: int) -> dict[str, int]:
    """Extract one partition and write its Parquet files; returns counts. Safe to re-run."""
    report = IngestReport()
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for article in extract_items(items, report):
        documents.append({c: getattr(article.document, c) for c in DOCUMENT_EXPORT_COLUMNS})
        events += [{**e.to_dict(), "n_sources": 1} for e in article.events]
        claims += [c.to_dict() for c in article.claims]
    out = Path(out_dir)
    name = f"part-{number:05d}.parquet"
    for table, rows, columns in (("events", events, EVENT_EXPORT_COLUMNS), ("claims", claims, CLAIM_COLUMNS),
                                 ("documents", documents, DOCUMENT_EXPORT_COLUMNS)):
        (out / table).mkdir(parents=True, exist_ok=True)
        tmp = out / table / f".{name}.tmp"
        write_parquet(rows, columns, str(tmp))
        tmp.replace(out / table / name)  # a partition appears whole or not at all
    problems = [asdict(e) for e in [*report.errors, *report.warnings]]
    (out / "errors").mkdir(parents=True, exist_ok=True)
    (out / "errors" / f"part-{number:05d}.jsonl").write_text("".join(json.dumps(p) + "\n" for p in problems))
    return {"articles": len(documents), "events": len(events), "claims": len(claims), "errors": len(report.errors)}


def run(paths: Iterable[str], out_dir: str, workers: int = 2, scheduler: str | None = None,
        partition_size: int = 200) -> dict[str, int]:
    """Extract a corpus on Dask: a LocalCluster of ``workers`` processes, or ``scheduler``'s cluster.

    Partitions whose Parquet files already exist are skipped, so an interrupted run resumes.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    totals = {"articles": 0, "events": 0, "claims": 0, "errors": 0, "partitions": 0, "resumed": 0}
    with Client(scheduler or cluster) as client:
        futures = []
        for number, items in enumerate(partitions(paths, partition_size)):
            if (Path(out_dir) / "documents" / f"part-{number:05d}.parquet").exists():
                totals["resumed"] += 1
                continue
            futures.append(client.submit(extract_partition, items, out_dir, number, pure=False))
        for counts in client.gather(futures):
            totals["partitions"] += 1
            for key, value in counts.items():
                totals[key] += value
    if cluster is not None:
        cluster.close()
    return totals
