"""Load benchmark: 30 clients at once against ``dateline serve`` over 10,000 events.

    python bench/load.py [--events 10000] [--clients 30] [--heavy 6] [--seconds 20]

Fills a temporary SQLite file with the synthetic events of ``bench/api.py``, starts
the server as ``dateline serve`` runs it (``dateline.serve.run``: its timeouts, its
limit on concurrent GeoJSON requests) in its own process on a free loopback port,
then runs ``--clients`` concurrent clients for ``--seconds``, each sending its next
request as soon as the last is answered: ``--heavy`` of them ask for the whole map
(``/api/events.geojson?limit=20000``) again and again; the others make the page's
requests: half are filtered event lists (country, type, dates: indexed), a quarter
searches (actor, text, map view: each scans the table), a quarter counts, facets and
claims. Prints p50/p95/p99 per kind and the errors (anything
but a 2xx, except the 503 + Retry-After with which the server defers a heavy
request), then one JSON object as the last line.
Goal (issue 12): 0 errors and p95 < 500 ms for filtered event queries while heavy
requests are limited. Bounded: at most ``--seconds`` of load and 200 requests per client.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

from dateline.serve import demo
from dateline.store import connect

COUNTRIES = ["Afghanistan", "Nigeria", "Mali", "Sudan", "Syria", "Yemen", "Somalia", "Iraq", "Ukraine", "Myanmar"]
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"]


def filtered(rng: random.Random) -> tuple[str, dict[str, object]]:
    """The page's event list under the filters a user picks from menus and the timeline (indexed)."""
    year = rng.choice([2019, 2020, 2021])
    return rng.choice([
        ("/api/events", {"country": rng.choice(COUNTRIES), "limit": 100}),
        ("/api/events", {"country": rng.choice(COUNTRIES), "event_type": rng.choice(TYPES),
                         "since": f"{year}-01-01", "until": f"{year}-06-30", "limit": 100}),
        ("/api/events", {"event_type": rng.choice(TYPES), "since": f"{year}-{rng.randint(1, 12):02d}", "limit": 100}),
    ])


def search(rng: random.Random) -> tuple[str, dict[str, object]]:
    """The event list under typed words (actor, text) or the map's view: each scans the table."""
    year = rng.choice([2019, 2020, 2021])
    return rng.choice([
        ("/api/events", {"actor": rng.choice(["taliban", "police", "boko", "army", "protesters"]), "limit": 100}),
        ("/api/events", {"q": rng.choice(["kabul", "maiduguri", "killed", "strike"]), "limit": 100}),
        ("/api/events", {"bbox": "60,29,75,38", "since": f"{year}-01", "limit": 100}),
    ])


def light(rng: random.Random) -> tuple[str, dict[str, object]]:
    """The page's other small requests."""
    return rng.choice([
        ("/api/stats", {"by": "week", "country": rng.choice(COUNTRIES)}),
        ("/api/facets", {}),
        ("/api/claims", {"country": rng.choice(COUNTRIES), "limit": 100}),
    ])


async def client(kind: str, base: str, seed: int, end: float, cap: int,
                 out: dict[str, list[float]], errors: Counter[str], deferred: Counter[str]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        for _ in range(cap):
            if time.monotonic() > end:
                return
            if kind == "heavy":
                name, (path, params) = "geojson 20k", ("/api/events.geojson", {"limit": 20000})
            else:
                draw = rng.random()
                name, pick = (("filtered events", filtered) if draw < 0.5 else ("search events", search)
                              if draw < 0.75 else ("other light", light))
                path, params = pick(rng)
            started = time.perf_counter()
            try:
                r = await http.get(path, params=params)
                await r.aread()
            except httpx.HTTPError as exc:
                errors[f"{name}: {type(exc).__name__}"] += 1
                continue
            ms = (time.perf_counter() - started) * 1000
            if r.status_code == 503 and kind == "heavy" and r.headers.get("retry-after"):
                deferred[name] += 1
                await asyncio.sleep(float(r.headers["retry-after"]) * rng.uniform(0.5, 1.0))
                continue
            if not r.is_success:
                errors[f"{name}: HTTP {r.status_code}"] += 1
                continue
            out[name].append(ms)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))] if ordered else float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (Linux), to tell server from client load."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def peak_rss_mib(pid: int) -> float:
    """The largest resident memory of a process and its children so far (VmHWM), in MiB."""
    peak = 0.0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if int(status.parent.name) == pid or fields.get("PPid", "").strip() == str(pid):
            peak = max(peak, int(fields.get("VmHWM", "0 kB").split()[0]) / 1024)
    return peak


def fill(path: str, n: int) -> None:
    with connect(path) as store:
        for article in demo.synthetic(n):
            store.add(article)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if httpx.get(base + "/api/facets", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


async def load(base: str, clients: int, heavy: int, seconds: float, cap: int
               ) -> tuple[dict[str, list[float]], Counter[str], Counter[str], float]:
    out: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    deferred: Counter[str] = Counter()
    started = time.monotonic()
    end = started + seconds
    await asyncio.gather(*(client("heavy" if i < heavy else "light", base, i, end, cap, out, errors, deferred)
                           for i in range(clients)))
    return out, errors, deferred, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--heavy", type=int, default=6, help="clients that ask for the whole map, over and over")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--cap", type=int, default=200, help="requests per client at most")
    parser.add_argument("--workers", type=int, default=1, help="server processes (dateline serve --workers)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dateline-load-") as tmp:
        db = str(Path(tmp) / "load.db")
        fill(db, args.events)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATELINE_INGEST_TOKEN": ""}
        server = subprocess.Popen([sys.executable, "-c", f"from dateline.serve import run; run({db!r}, port={port}, workers={args.workers})"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_up(base)
            cpu0, mine0 = cpu_seconds(server.pid), time.process_time()
            out, errors, deferred, wall = asyncio.run(load(base, args.clients, args.heavy, args.seconds, args.cap))
            server_cpu, client_cpu = cpu_seconds(server.pid) - cpu0, time.process_time() - mine0
            rss = peak_rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(10)

    print(f"{'kind':<18}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'deferred':>10}")
    for name in ("filtered events", "search events", "other light", "geojson 20k"):
        t = out.get(name, [])
        print(f"{name:<18}{len(t):>6}{percentile(t, .5):>9.0f}{percentile(t, .95):>9.0f}{percentile(t, .99):>9.0f}"
              f"{deferred.get(name, 0):>10}")
    print(f"errors: {sum(errors.values())} {dict(errors) or ''}")
    print(f"{args.clients} clients ({args.heavy} heavy) for {wall:.0f} s on loopback; {args.events} events; "
          f"uvicorn, {args.workers} process(es); {os.cpu_count()} CPUs; CPU: server {server_cpu:.0f} s, clients {client_cpu:.0f} s; server peak memory {rss:.0f} MiB; "
          f"load average "
          f"{os.getloadavg()[0]:.1f}")
    head = out.get("filtered events", [])
    print(json.dumps({"events": args.events, "clients": args.clients, "heavy_clients": args.heavy,
                      "seconds": round(wall, 1), "errors": sum(errors.values()), "server_peak_mib": round(rss),
                      "filtered": {"n": len(head), "p50_ms": round(percentile(head, .5), 1),
                                   "p95_ms": round(percentile(head, .95), 1), "p99_ms": round(percentile(head, .99), 1)},
                      "geojson": {"n": len(out.get("geojson 20k", [])), "deferred": deferred.get("geojson 20k", 0),
                                  "p95_ms": round(percentile(out.get("geojson 20k", []), .95), 1)}}))


if __name__ == "__main__":
    main()
