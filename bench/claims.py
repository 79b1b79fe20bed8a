"""Time the claims stage alone, after spaCy: ``python bench/claims.py DIR``.

spaCy parses every article first (untimed); then ``claims.extract`` runs over the
parsed articles on one core and we print articles per second as one JSON object.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline import claims, nlp  # noqa: E402
from dateline.jobs import read_documents  # noqa: E402
from dateline.records import Article  # noqa: E402


def run(root: Path, repeat: int = 3) -> dict[str, float]:
    """Parse once, then time the claims stage ``repeat`` times; keep the fastest pass."""
    articles = [Article(document=d) for d in read_documents([str(root)])]
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
