"""Speed and memory of the geo stage alone, once spaCy has run.

    python bench/geo.py --corpus ../shared/corpus/wikinews

Parses every article with spaCy first (not timed, dateline's recognition component
disabled), then times the whole geoparsing step on one core (CPU seconds of this
process): the gazetteer-backed recognition component (``relabel_places``) and
``geo.resolve``, each also on its own. Reports the gazetteer's open time
and the memory the geo stage adds to a fresh process (gazetteer open, country tables,
lookup caches filled by resolving every capitalised word of the corpus). The last line
is one JSON object.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline import geo, nlp, text  # noqa: E402
from dateline.geo import gazetteer, recognition  # noqa: E402
from dateline.records import Article  # noqa: E402


def read_corpus(folder: Path) -> list[str]:
    csv.field_size_limit(10**8)
    texts = []
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            texts += [row["text"] for row in csv.DictReader(f) if row.get("text")]
    return texts


_MEMORY_PROBE = """
import sys; sys.path.insert(0, {root!r})
from pathlib import Path
def rss():
    for line in Path('/proc/self/status').read_text().splitlines():
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
base = rss()
from dateline.geo.resolver import Mention, resolve_mentions
from dateline.geo import gazetteer
gazetteer.load()
sys.path.insert(0, {bench!r})
from geo import read_corpus
for t in read_corpus(Path({corpus!r})):
    words = [w.strip('.,;:"()') for w in t.split()]
    ms, pos = [], 0
    for w in words:
        i = t.find(w, pos)
        if w[:1].isupper() and len(w) > 3:
            ms.append(Mention(i, i + len(w), w))
        pos = i + len(w)
    resolve_mentions(t, ms)
print(round(rss() - base, 1))
"""


def added_memory_mib(corpus: Path) -> float:
    """Resident memory the geo stage adds to a fresh process (every capitalised word resolved)."""
    import subprocess

    code = _MEMORY_PROBE.format(root=str(Path(__file__).resolve().parents[1]),
                                bench=str(Path(__file__).resolve().parent), corpus=str(corpus))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    gazetteer.load()  # build outside the clocks if needed
    texts = read_corpus(args.corpus)
    added = added_memory_mib(args.corpus)
    articles = [Article(document=text.prepare(t)) for t in texts]
    pipeline = nlp.load()
    with pipeline.select_pipes(disable=[recognition.COMPONENT]):
        raw = list(pipeline.pipe((a.document.text for a in articles), batch_size=8))
    start = time.perf_counter()
    gaz = gazetteer.Gazetteer(gazetteer.store_path())
    gaz.lookup(gazetteer.fold("Kabul"))
    open_s = time.perf_counter() - start

    recognise, resolve = [], []
    for _ in range(args.repeat):  # first round with cold lookup caches, later ones warm
        docs = [d.copy() for d in raw]
        t0 = time.process_time()
        for d in docs:
            recognition.relabel_places(d)
        recognise.append(time.process_time() - t0)
        for a, d in zip(articles, docs):
            nlp.attach(a, d)
            a.places = []
        t0 = time.process_time()
        for a in articles:
            geo.resolve(a)
        resolve.append(time.process_time() - t0)
    cpu = [a + b for a, b in zip(recognise, resolve)]
    places = sum(len(a.places) for a in articles)
    result = {
        "articles": len(articles),
        "places": places,
        "gazetteer_open_s": round(open_s, 4),
        "cold_articles_per_s": round(len(articles) / cpu[0], 1),
        "warm_articles_per_s": round(len(articles) / min(cpu), 1),
        "recognition_articles_per_s": round(len(articles) / min(recognise), 1),
        "resolution_articles_per_s": round(len(articles) / min(resolve), 1),
        "added_rss_mib": added,
    }
    print(f"{'articles':<22}{result['articles']}\n{'places':<22}{places}")
    for key in ("gazetteer_open_s", "cold_articles_per_s", "warm_articles_per_s",
                "recognition_articles_per_s", "resolution_articles_per_s", "added_rss_mib"):
        print(f"{key:<22}{result[key]}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
