"""batch: run the same per-article extraction over shards of a large corpus on a cluster.

The unit of work is engine-neutral: :func:`extract_partition` takes a list of
articles and writes Parquet files (events, claims, documents, errors) for that
partition. Dask runs it here (a LocalCluster, or a scheduler address); Spark or
any other engine can call the same function on its own partitions.

    dateline batch ../corpus --out out/ --workers 2

A partition is named by a hash of its content, not by its number: re-running over
the same input skips what is done; when the input changed (a file added in front
shifts every partition), the partitions of the earlier input that are no longer
produced are removed, so nothing is stored twice and nothing is missing. An output
folder written from other inputs is refused rather than mixed.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dateline.export import EVENT_EXPORT_COLUMNS, write_parquet
from dateline.ingest import Incoming, IngestError, Item, display_name, read_paths
from dateline.jobs import IngestReport, extract_items
from dateline.store import CLAIM_COLUMNS

DOCUMENT_EXPORT_COLUMNS = ("doc_id", "url", "title", "source", "published", "published_precision", "origin")
TABLES = ("documents", "events", "claims")
MANIFEST = "manifest.json"


class OutputInUse(Exception):
    """The output folder holds partitions of other inputs: refusing to mix them."""


def partitions(paths: Iterable[str], size: int = 200) -> Iterator[list[Item]]:
    """Items from ``paths`` in lists of ``size`` articles (errors ride along; a big file is split too)."""
    chunk: list[Item] = []
    articles = 0
    for item in read_paths(paths):
        chunk.append(item)
        if isinstance(item, Incoming):
            articles += 1
            if articles >= size:
                yield chunk
                chunk, articles = [], 0
    if chunk:
        yield chunk


def partition_key(items: list[Item]) -> str:
    """A hash of everything in a partition: the same articles (and errors) give the same name."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(json.dumps([type(item).__name__, asdict(item)], sort_keys=True).encode("ascii"))
        digest.update(b"\n")
    return digest.hexdigest()[:20]


def extract_partition(items: list[Item], out_dir: str, key: str) -> dict[str, Any]:
    """Extract one partition and write its Parquet files; returns counts and the extraction failures.

    Safe to re-run: each file appears whole or not at all, documents last (they mark the
    partition done). Reader errors are written to ``errors/`` too, marked ``"stage": "read"``.
    """
    problems: list[dict[str, Any]] = []
    readers = {id(i) for i in items if isinstance(i, IngestError)}
    report = IngestReport(on_problem=lambda p: problems.append(
        {**asdict(p), "stage": "read" if id(p) in readers else "extract"}))
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for article in extract_items(items, report):
        documents.append({c: getattr(article.document, c) for c in DOCUMENT_EXPORT_COLUMNS})
        events += [{**e.to_dict(), "n_sources": 1} for e in article.events]
        claims += [c.to_dict() for c in article.claims]
    out = Path(out_dir)
    name = f"part-{key}"
    _write_atomic(out / "errors" / f"{name}.jsonl",
                  "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in problems).encode("utf-8"))
    for table, rows, columns in (("events", events, EVENT_EXPORT_COLUMNS), ("claims", claims, CLAIM_COLUMNS),
                                 ("documents", documents, DOCUMENT_EXPORT_COLUMNS)):
        (out / table).mkdir(parents=True, exist_ok=True)
        tmp = out / table / f".{name}.parquet.tmp"
        write_parquet(rows, columns, str(tmp))
        tmp.replace(out / table / f"{name}.parquet")
    return {"articles": len(documents), "events": len(events), "claims": len(claims),
            "problems": _lines([p for p in problems if p["stage"] == "extract"])}


def _lines(problems: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    """``(path[:line]: message, is_warning)`` for each problem record."""
    return [(str(IngestError(p["origin"], p["message"], p["warning"])), bool(p["warning"])) for p in problems]


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def run(paths: Iterable[str], out_dir: str, workers: int = 2, scheduler: str | None = None,
        partition_size: int = 200, on_problem: Callable[[str], None] | None = None) -> dict[str, int]:
    """Extract a corpus on Dask: a LocalCluster of ``workers`` processes, or ``scheduler``'s cluster.

    Partitions already written (same content) are skipped, so an interrupted run resumes.
    ``on_problem`` receives each error as ``path[:line]: message`` as it happens: reader
    errors while the input is read, extraction failures as partitions finish.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    paths = list(paths)
    out = Path(out_dir)
    _claim_output(out, sorted(os.path.abspath(p) for p in paths))
    say = on_problem or (lambda line: None)
    totals = {"articles": 0, "events": 0, "claims": 0, "errors": 0, "partitions": 0, "resumed": 0, "removed": 0}
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    with Client(scheduler or cluster) as client:
        futures, keys, origins = [], set(), []
        for items in partitions(paths, partition_size):
            for item in items:
                if isinstance(item, IngestError):
                    totals["errors"] += 0 if item.warning else item.count
                    say(str(item))
            key = partition_key(items)
            keys.add(key)
            if (out / "documents" / f"part-{key}.parquet").exists():
                totals["resumed"] += 1
                for line, warning in _problems_of(out, key):
                    totals["errors"] += not warning
                    say(line)
                continue
            futures.append(client.submit(extract_partition, items, str(out), key, pure=False))
            origins.append((futures[-1], key, items[0].origin))
        totals["removed"] = _remove_stale(out, keys)
        started = {f.key: (key, origin) for f, key, origin in origins}
        for future in as_completed(futures):
            try:
                counts = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker or an unwritable file fails one partition
                totals["errors"] += 1
                key, origin = started[future.key]
                say(f"{origin}: the partition part-{key} that starts here failed and was not written "
                    f"(re-run to retry): {exc!r}"[:500])
                continue
            totals["partitions"] += 1
            for line, warning in counts.pop("problems"):
                totals["errors"] += not warning
                say(line)
            for name, value in counts.items():
                totals[name] += value
    if cluster is not None:
        cluster.close()
    return totals


def _claim_output(out: Path, inputs: list[str]) -> None:
    """Mark ``out`` as the output of ``inputs``; refuse a folder that holds the output of others."""
    manifest = out / MANIFEST
    if manifest.exists():
        earlier = json.loads(manifest.read_text(encoding="utf-8")).get("inputs", [])
        if earlier != inputs:
            raise OutputInUse(f"{display_name(out)} holds the output of other inputs "
                              f"({', '.join(earlier)}): use another --out")
        return
    if any(any((out / table).glob("part-*.parquet")) for table in TABLES):
        raise OutputInUse(f"{display_name(out)} holds partitions without a {MANIFEST} (an older dateline, "
                          "or another tool): use another --out")
    _write_atomic(manifest, json.dumps({"inputs": inputs}, indent=1).encode("utf-8"))


def _problems_of(out: Path, key: str) -> list[tuple[str, bool]]:
    """The extraction problems a finished partition recorded (reported again when it is resumed)."""
    path = out / "errors" / f"part-{key}.jsonl"
    if not path.exists():
        return []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return _lines([r for r in records if r.get("stage") == "extract"])


def _remove_stale(out: Path, keys: set[str]) -> int:
    """Delete the partitions an earlier version of the input produced and this one does not
    (the same inputs, changed: their articles are in this run's partitions)."""
    found = {p.name[len("part-"):-len(".parquet")] for table in TABLES for p in (out / table).glob("part-*.parquet")}
    found |= {p.name[len("part-"):-len(".jsonl")] for p in (out / "errors").glob("part-*.jsonl")}
    stale = found - keys
    for key in stale:
        for table in TABLES:
            (out / table / f"part-{key}.parquet").unlink(missing_ok=True)
        (out / "errors" / f"part-{key}.jsonl").unlink(missing_ok=True)
    return len(stale)
