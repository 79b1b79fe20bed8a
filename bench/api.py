"""Benchmark: how fast the API answers filtered queries over 10,000 stored events.

    python bench/api.py [--events 10000] [--requests 200]

Fills a temporary SQLite file with synthetic-but-realistic events (ten countries,
seven event types, 2019-2021, evidence spans), starts ``dateline serve``'s app in a
real uvicorn process on a free loopback port, and times sequential HTTP requests
from an httpx client. Prints a table, then one JSON object as the last line.
Goal (issue 5): median < 100 ms for the filtered events query.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from dateline.serve import demo
from dateline.store import connect

QUERIES = {  # name -> (path, params); the first is the headline figure
    "events filtered": ("/api/events", {"country": "Afghanistan", "since": "2020-01-01", "until": "2021-06-30",
                                        "event_type": "Battles", "limit": 100}),
    "events, 2nd page": ("/api/events", {"country": "Afghanistan", "limit": 100, "cursor": None}),
    "events text search": ("/api/events", {"q": "maiduguri", "actor": "boko", "limit": 100}),
    "events bbox": ("/api/events", {"bbox": "60,29,75,38", "limit": 100}),
    "geojson (all)": ("/api/events.geojson", {"limit": 10000}),
    "counts by week": ("/api/stats", {"by": "week"}),
    "one event": ("/api/events/{id}", {}),
}


def fill(path: str, n: int) -> float:
    started = time.perf_counter()
    with connect(path) as store:
        for article in demo.synthetic(n):
            store.add(article)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn; from dateline.serve import create_app; "
            f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='warning')")
    return subprocess.Popen([sys.executable, "-c", code])


def wait_up(client: httpx.Client, deadline: float = 30.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if client.get("/api/facets").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def timed(client: httpx.Client, path: str, params: dict[str, object], n: int, budget_s: float) -> list[float]:
    """Milliseconds per request (sequential), at most ``n`` requests or ``budget_s`` seconds."""
    times: list[float] = []
    end = time.monotonic() + budget_s
    for _ in range(n):
        started = time.perf_counter()
        r = client.get(path, params={k: v for k, v in params.items() if v is not None})
        times.append((time.perf_counter() - started) * 1000)
        r.raise_for_status()
        if time.monotonic() > end:
            break
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds at most per query")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        db = str(Path(tmp) / "bench.db")
        fill_s = fill(db, args.events)
        port = free_port()
        server = serve(db, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                wait_up(client)
                rows = run_queries(client, args.requests, args.budget)
        finally:
            server.terminate()
            server.wait(10)
        size_mib = os.path.getsize(db) / 2**20

    print(f"{'query':<22}{'n':>5}{'median ms':>11}{'p95 ms':>9}{'rows':>7}")
    for name, r in rows.items():
        print(f"{name:<22}{r['n']:>5}{r['median_ms']:>11.1f}{r['p95_ms']:>9.1f}{r['rows']:>7}")
    head = rows["events filtered"]
    print(f"\n{args.events} events in {fill_s:.1f} s ({size_mib:.1f} MiB SQLite); uvicorn, 1 process, loopback, "
          f"sequential requests from httpx")
    print(json.dumps({"events": args.events, "requests": head["n"], "median_ms": round(head["median_ms"], 2),
                      "p95_ms": round(head["p95_ms"], 2), "rows": head["rows"], "fill_s": round(fill_s, 1),
                      "queries": {k: {"median_ms": round(v["median_ms"], 2), "p95_ms": round(v["p95_ms"], 2)}
                                  for k, v in rows.items()}}))


def run_queries(client: httpx.Client, n: int, budget: float) -> dict[str, dict[str, float]]:
    first = client.get("/api/events", params={"country": "Afghanistan", "limit": 100}).json()
    some_id = first["items"][0]["event_id_cnty"]
    rows: dict[str, dict[str, float]] = {}
    for name, (path, params) in QUERIES.items():
        params = {**params, "cursor": first["next_cursor"]} if "cursor" in params else params
        path = path.replace("{id}", some_id)
        timed(client, path, params, 10, budget)  # warm up
        times = timed(client, path, params, n if name == "events filtered" else max(20, n // 4), budget)
        body = client.get(path, params={k: v for k, v in params.items() if v is not None}).json()
        count = len(body.get("items") or body.get("features") or body.get("buckets") or [body])
        rows[name] = {"n": len(times), "median_ms": statistics.median(times), "p95_ms": p95(times), "rows": count}
    return rows


if __name__ == "__main__":
    main()
