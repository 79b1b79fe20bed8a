"""Time and peak memory of `dateline extract` / `ingest` on hostile inputs (issue 12).

    python bench/hostile.py

Each case is generated into a temporary folder and run as a user would run it, in a
fresh process (model loading included). Prints a table, then one JSON object as its
last line. Before the guards, `'&'*10000` took 38 s and 200 KB of `&amp;` in HTML did
not finish in 15 minutes.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    "amp-10k.txt": lambda: "&" * 10000 + "\n",
    "amp-entities-200k.html": lambda: "<html><body><article><p>Gunmen attacked Kano on Monday.</p><p>"
                                      + "&amp;" * 40000 + "</p></article></body></html>",
    "percent-runs.txt": lambda: ("%" * 300 + " ") * 300,
    "long-token-1m.txt": lambda: "Gunmen attacked Kano. " + "ab" * 500_000,
    "deep-json.json": lambda: "[" * 5000 + "]" * 5000,
    "braces-3.5m.jsonl": lambda: "{}\n" * 3_500_000,
}


def _run(command: list[str]) -> tuple[float, int, float]:
    """Seconds, exit status and peak resident MiB of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, timeout=1800)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, result.returncode, max(peak, before) / 1024


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            path = Path(tmp) / name
            path.write_text(make())
            command = "ingest" if name.endswith(".jsonl") else "extract"
            args = [sys.executable, "-m", "dateline.cli", command, str(path)]
            args += ["--db", str(Path(tmp) / "d.db"), "--no-progress"] if command == "ingest" else ["--format", "jsonl"]
            seconds, status, peak = _run(args)
            rows.append({"case": name, "command": command, "seconds": round(seconds, 1), "exit": status,
                         "peak_mib_so_far": round(peak)})
    print(f"{'case':<26}{'command':>9}{'seconds':>9}{'exit':>6}{'peak MiB*':>11}")
    for r in rows:
        print(f"{r['case']:<26}{r['command']:>9}{r['seconds']:>9}{r['exit']:>6}{r['peak_mib_so_far']:>11}")
    print("* the largest child so far (getrusage keeps the maximum over all children)")
    print(json.dumps({"cases": rows}))


if __name__ == "__main__":
    main()
