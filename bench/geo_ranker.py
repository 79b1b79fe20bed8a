"""Does a learned candidate ranker beat the resolver's hand-set weights? Cross-validated.

    python bench/geo_ranker.py ../shared/eval/geoparsing/lgl-dev.xml [--folds 5]

On LGL's gold spans, every name's candidates get the resolver's own features (after its
two rounds of context): population, kind, name-match quality, unit words, seat,
containment, coherence, country focus, admin1/admin2 focus, proximity. Two rankers
choose among them:

- **rules**: the resolver's weights (what ships);
- **learned**: a softmax (conditional logit) model over the same features, fitted on
  the candidate nearest the gold point, L2-regularised.

The learned one is fitted on the train part of the split (``dateline.evaluate.split``)
with cross-validation by article (folds of whole articles), and then on the whole
train part and scored on the test part. Reported: Acc@161 of the chosen candidate over
the names that have one within 161 km (the ranking problem alone). The last line is
one JSON object. The ranker does not ship unless it beats the rules on held-out
articles.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.evaluate import geo as geo_eval  # noqa: E402
from dateline.evaluate.split import part_of  # noqa: E402
from dateline.geo import resolver as R  # noqa: E402
from dateline.geo.candidates import Mention, candidates_for  # noqa: E402
from dateline.geo.gazetteer import ADMIN1, ADMIN2, ALIAS, ALTERNATE, COUNTRY, PLACE, REGION, load  # noqa: E402

FEATURES = ("log_population", "country", "region", "admin1", "admin2", "alias", "alternate",
            "big_alternate", "capital", "unit_word_level", "unit_word_other_level", "seat_read_as_city",
            "unit_word_not_admin", "containment", "coherence", "country_focus", "admin1_focus",
            "admin2_focus", "within_50km", "within_200km")
#: The resolver's hand-set weights, feature by feature (see resolver.prior and _context_scores).
RULES = np.array([1.0, 4.0, 3.0, 2.0, -0.5, -0.3, -2.5, 1.0, 1.0, 4.0, 3.0, -3.5, -4.0, 1.0, 1.0, 4.0,
                  2.5, 1.5, 1.5, 1.0])


def features(c, name, context, seats) -> list[float]:  # noqa: ANN001
    hint, admin = name.admin_hint, c.kind in (ADMIN1, ADMIN2)
    others = context.without(name.key)
    near = R._proximity(c, others.points) if c.kind in (PLACE, ADMIN2) else 0.0
    local = c.kind in (PLACE, ADMIN2)
    return [
        math.log10(c.population + 10), c.kind == COUNTRY, c.kind == REGION, c.kind == ADMIN1,
        c.kind == ADMIN2, c.quality == ALIAS, c.quality == ALTERNATE,
        c.quality == ALTERNATE and c.population >= 100_000, c.feature == "P.PPLC",
        admin and bool(hint) and hint in (c.kind, "any"), admin and bool(hint) and hint not in (c.kind, "any"),
        admin and not hint and c.id in seats, (not admin) and bool(hint),
        name.containment.get(c.id, 0.0), context.coherence(name.key, c),
        others.country(c.cc) / others.total,
        local and bool(c.admin1) and others.admin1(c.admin1) > 0,
        c.kind == PLACE and bool(c.admin2) and others.admin2(c.admin2) > 0,
        near >= 1.5, 0 < near < 1.5,
    ]


def groups(path: str) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Per (article, name): its key, candidate feature rows, and which lie within 161 km."""
    _, docs = geo_eval.read(path)
    gaz = load()
    out = []
    for doc in docs:
        mentions = [Mention(t.start, t.end, doc.text[t.start : t.end]) for t in doc.toponyms]
        gold = {(t.start, t.end): t for t in doc.toponyms}
        per = []
        for m in mentions:
            cands, named_unit = candidates_for(m.text, gaz)
            per.append((cands, R.unit_word(doc.text, m, named_unit)))
        containment = R._containment_bonus(doc.text, mentions, [c for c, _ in per])
        names = R._group_by_name(mentions, per, containment)
        winners = {n.key: R._best(n, n.prior) for n in names}
        context = R._Context(doc.text)
        context.set_names(names)
        for _ in range(2):
            context.update(winners)
            final = {n.key: R._context_scores(n, context) for n in names}
            winners = {n.key: R._best(n, final[n.key], with_containment=False) for n in names}
        for n in names:
            if len(n.cands) < 2:
                continue
            seats = R._seats(n.cands)
            t = gold[(mentions[n.indices[0]].start, mentions[n.indices[0]].end)]
            good = np.array([geo_eval.haversine_km(t.lat, t.lon, c.lat, c.lon) <= 161 for c in n.cands])
            if not good.any():
                continue
            x = np.array([features(c, n, context, seats) for c in n.cands], dtype=float)
            for _ in n.indices:  # each mention counts, as in Acc@161
                out.append((doc.key, x, good))
    return out


def accuracy(w: np.ndarray, data: list) -> float:
    return float(np.mean([g[int(np.argmax(x @ w))] for _, x, g in data])) if data else float("nan")


def fit(data: list, l2: float = 0.01, steps: int = 300, lr: float = 0.5) -> np.ndarray:
    """Conditional logit: maximise the probability mass on the good candidates (gradient
    ascent, features standardised inside for a stable step)."""
    allx = np.vstack([x for _, x, _ in data])
    mu, sd = allx.mean(0), allx.std(0) + 1e-9
    w = np.zeros(allx.shape[1])
    for _ in range(steps):
        grad = np.zeros_like(w)
        for _, x, g in data:
            z = (x - mu) / sd
            s = z @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * g
            q /= q.sum()
            grad += z.T @ (q - p)
        w += lr * (grad / len(data) - l2 * w)
    return w / sd  # back to raw features (the offset mu is constant within a group)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    data = groups(args.path)
    train = [d for d in data if part_of(d[0]) == "train"]
    test = [d for d in data if part_of(d[0]) == "test"]
    articles = sorted({k for k, _, _ in train})
    cv_rules, cv_learned, n = 0.0, 0.0, 0
    for f in range(args.folds):
        held = {a for i, a in enumerate(articles) if i % args.folds == f}
        fit_on = [d for d in train if d[0] not in held]
        out = [d for d in train if d[0] in held]
        w = fit(fit_on)
        cv_rules += accuracy(RULES, out) * len(out)
        cv_learned += accuracy(w, out) * len(out)
        n += len(out)
    w = fit(train)
    result = {
        "groups_train": len(train), "groups_test": len(test),
        "cv_rules": round(cv_rules / n, 4), "cv_learned": round(cv_learned / n, 4),
        "test_rules": round(accuracy(RULES, test), 4), "test_learned": round(accuracy(w, test), 4),
        "learned_weights": {k: round(float(v), 3) for k, v in zip(FEATURES, w)},
    }
    for k in ("groups_train", "groups_test", "cv_rules", "cv_learned", "test_rules", "test_learned"):
        print(f"{k:<14}{result[k]}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
