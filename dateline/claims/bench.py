"""Time the claims stage alone, after spaCy: ``python -m dateline.claims.bench DIR``.

spaCy parses every article first (untimed); then ``claims.extract`` runs over the
parsed articles on one core and we print articles per second as one JSON object.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from dateline import claims, nlp, text
from dateline.records import Article


def texts(root: Path) -> list[str]:
    """Article texts of the CSV files (title/text columns) and .txt files under ``root``."""
    csv.field_size_limit(1 << 24)
    out = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".csv":
            with path.open(newline="", encoding="utf-8") as fh:
                out.extend(row.get("text", "") for row in csv.DictReader(fh))
        elif path.suffix == ".txt":
            out.append(path.read_text(encoding="utf-8"))
    return [t for t in out if t.strip()]


def run(root: Path, repeat: int = 3) -> dict[str, float]:
    """Parse once, then time the claims stage ``repeat`` times; keep the fastest pass."""
    articles = [Article(document=text.prepare(t)) for t in texts(root)]
    parsed = list(nlp.parse(articles))
    best = float("inf")
    n_claims = 0
    for _ in range(repeat):
        for a in parsed:
            a.claims = []
        start = time.process_time()
        for a in parsed:
            claims.extract(a)
        best = min(best, time.process_time() - start)
        n_claims = sum(len(a.claims) for a in parsed)
    return {"articles": len(parsed), "claims": n_claims, "seconds": round(best, 3),
            "articles_per_s": round(len(parsed) / best, 1) if best else 0.0}


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1] if len(sys.argv) > 1 else "."))))
