"""Time the dates stage alone, after spaCy: ``python bench/dates.py --corpus DIR``.

The stage must never be the bottleneck (goal: >= 1000 articles/s after parsing). spaCy
runs first, untimed against the stage; then the stage runs over the parsed articles:
once cold (empty caches, as in a fresh process) and once warm.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline import dates, nlp  # noqa: E402
from dateline.jobs import read_documents  # noqa: E402
from dateline.records import Article  # noqa: E402


def load(corpus: Path) -> list[Article]:
    """Articles under ``corpus``, read and repaired as ``dateline ingest`` does."""
    return [Article(document=d) for d in read_documents([str(corpus)])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    articles = list(nlp.parse(load(args.corpus)))
    spacy_s = time.perf_counter() - start
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        for article in articles:
            dates.resolve(article)
        timings.append(time.perf_counter() - start)
    n = len(articles)
    result = {"articles": n, "mentions": sum(len(a.dates) for a in articles),
              "spacy_articles_per_s": round(n / spacy_s, 1),
              "dates_cold_articles_per_s": round(n / timings[0]),
              "dates_warm_articles_per_s": round(n / timings[1]),
              "dates_share_of_spacy_time": round(timings[0] / spacy_s, 4)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
