"""Speed of the whole pipeline against bare spaCy, on a corpus of real articles.

    python bench/run.py --corpus ../shared/corpus/wikinews

Times, in one process and over the same texts: bare spaCy ``nlp.pipe`` with the stock
small English pipeline, then dateline's full extraction (repair, spaCy with dateline's
components, geo, dates, events, claims), with each analysis stage timed on its own.
Prints a table, then as its last line one JSON object with ``articles_per_s``,
``spacy_articles_per_s``, ``overhead_ratio`` (extraction time / spaCy time) and
``peak_rss_mib``. Models and data are loaded before the clocks start.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline import nlp, pipeline  # noqa: E402
from dateline.ingest import Incoming  # noqa: E402
from dateline.jobs import read_documents, to_document  # noqa: E402


def main() -> None:
    args = _parse_args()
    documents = read_documents([args.corpus])[: args.limit or None]
    if not documents:
        sys.exit(f"no articles found in {args.corpus}")
    texts = [d.text for d in documents]
    import spacy

    bare = spacy.load(nlp.MODEL)
    nlp.load()
    _warm_up(bare, texts[:3])

    # Stream the baseline as dateline streams its articles: keeping 295 Docs would only measure the list.
    spacy_s = _time(lambda: sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size)))
    stage_s: dict[str, float] = defaultdict(float)
    pipeline.STAGES = tuple(_timed(stage, stage_s) for stage in pipeline.STAGES)
    started = time.perf_counter()
    n_events = n_claims = 0
    for article in pipeline.extract_documents(documents, batch_size=args.batch_size):
        n_events += len(article.events)
        n_claims += len(article.claims)
    total_s = time.perf_counter() - started

    _print_table(len(documents), sum(map(len, texts)), spacy_s, total_s, stage_s, n_events, n_claims)
    print(json.dumps({
        "articles": len(documents),
        "articles_per_s": round(len(documents) / total_s, 2),
        "spacy_articles_per_s": round(len(documents) / spacy_s, 2),
        "overhead_ratio": round(total_s / spacy_s, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stage_articles_per_s": {k: round(len(documents) / v, 1) for k, v in stage_s.items() if v},
    }))


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="file or directory of articles")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=8)
    return parser.parse_args()


def _warm_up(bare: Any, texts: list[str]) -> None:
    list(bare.pipe(texts))
    list(pipeline.extract_documents(to_document(Incoming(text=t, origin="warm-up")) for t in texts))


def _time(run: Any) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _timed(stage: Any, totals: dict[str, float]) -> Any:
    name = stage.__module__.split(".")[1]

    def run(article: Any) -> None:
        started = time.perf_counter()
        stage(article)
        totals[name] += time.perf_counter() - started

    return run


def _print_table(n: int, chars: int, spacy_s: float, total_s: float, stage_s: dict[str, float],
                 n_events: int, n_claims: int) -> None:
    stages_total = sum(stage_s.values())
    rows = [("bare spaCy nlp.pipe", spacy_s), ("dateline extraction (all)", total_s),
            ("  of which spaCy + repair", total_s - stages_total)]
    rows += [(f"  of which {name}", seconds) for name, seconds in stage_s.items()]
    print(f"{n} articles, {chars:,} characters; {n_events} events, {n_claims} claims")
    print(f"{'step':<30}{'seconds':>10}{'articles/s':>12}")
    for label, seconds in rows:
        print(f"{label:<30}{seconds:>10.2f}{n / seconds if seconds else float('inf'):>12.1f}")


if __name__ == "__main__":
    main()
