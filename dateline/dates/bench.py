"""Time the dates stage alone, after spaCy: ``python -m dateline.dates.bench --corpus DIR``.

The stage must never be the bottleneck (goal: >= 1000 articles/s after parsing). spaCy
runs first, untimed against the stage; then the stage runs over the parsed articles:
once cold (empty caches, as in a fresh process) and once warm.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

from dateline import dates, nlp
from dateline.records import Article
from dateline.text import prepare


def load(corpus: Path) -> list[Article]:
    """Articles from CSV exports (title/text/date columns) and plain-text files under ``corpus``."""
    csv.field_size_limit(1 << 30)
    articles = []
    for path in sorted(corpus.rglob("*")):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    articles.append(Article(document=prepare(
                        row.get("text", ""), published=row.get("date", ""), title=row.get("title", ""))))
        elif path.suffix == ".txt":
            articles.append(Article(document=prepare(path.read_text(encoding="utf-8"))))
    return articles


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
