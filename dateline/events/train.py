"""Train the snippet typer: a small linear model over words and the rules' triggers.

    python -m dateline.events.train ../shared/eval/case2021-acled/dev.tsv

writes ``dateline/events/data/typer.json`` (vocabulary, weights, the training file's
hash) and prints stratified 5-fold cross-validated scores. Pure numpy (multinomial
logistic regression, L2, full-batch gradient descent with a fixed seed), so it builds
the same file on every machine and needs no extra dependency.

Features: lower-cased words and word pairs (document frequency >= 2) and, for each
ACLED sub-event type, whether a rule fired and whether it was the rules' best type.
The rules carry the hierarchy; the weights learn which words the rules miss.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from dateline.events import taxonomy

MODEL = Path(__file__).with_name("data") / "typer.json"
_WORD = re.compile(r"[a-z][a-z'-]+|\d+")
_RULE_WEIGHT = 3.0  # rule indicators are on a larger scale than word counts


def features(text: str) -> list[str]:
    """The named features of one snippet (words, word pairs, rule hits)."""
    words = _WORD.findall(text.lower())
    out = [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    found = taxonomy.triggers(text)
    for t in {t.sub_event for t in found}:
        out.append(f"r:{t}")
    best = taxonomy.best(text)
    out.append(f"best:{best.sub_event if best else 'none'}")
    return out


def vectorize(feats: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(vocab)), dtype=np.float32)
    for i, fs in enumerate(feats):
        for f in set(fs):
            j = vocab.get(f)
            if j is not None:
                x[i, j] = _RULE_WEIGHT if f.startswith(("r:", "best:")) else 1.0
        norm = np.linalg.norm(x[i])
        if norm:
            x[i] /= norm
    return x


def fit(feats: list[list[str]], labels: list[str], *, l2: float = 1e-3, epochs: int = 300,
        lr: float = 2.0) -> dict[str, Any]:
    """Multinomial logistic regression; returns a JSON-ready model."""
    df = Counter(f for fs in feats for f in set(fs))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= 2 or f.startswith(("r:", "best:"))))}
    classes = sorted(set(labels))
    x = vectorize(feats, vocab)
    y = np.zeros((len(labels), len(classes)), dtype=np.float32)
    for i, label in enumerate(labels):
        y[i, classes.index(label)] = 1.0
    w = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    for _ in range(epochs):
        p = _softmax(x @ w + b)
        grad = p - y
        w -= lr * (x.T @ grad / len(labels) + l2 * w)
        b -= lr * grad.mean(axis=0)
    return {"vocab": list(vocab), "classes": classes, "weights": w.round(4).tolist(), "bias": b.round(4).tolist()}


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class Typer:
    """A loaded model: ``predict(text) -> (label, probability)``."""

    def __init__(self, model: dict[str, Any]) -> None:
        self.vocab = {f: i for i, f in enumerate(model["vocab"])}
        self.classes = model["classes"]
        self.w = np.asarray(model["weights"], dtype=np.float32)
        self.b = np.asarray(model["bias"], dtype=np.float32)
        self.trained_on = model.get("trained_on", "")

    def predict(self, text: str) -> tuple[str, float]:
        p = _softmax(vectorize([features(text)], self.vocab) @ self.w + self.b)[0]
        k = int(p.argmax())
        return self.classes[k], float(p[k])


def folds(labels: list[str], k: int = 5, seed: int = 13) -> list[int]:
    """Stratified fold index per row: each label's rows dealt round-robin after a shuffle."""
    rng = np.random.default_rng(seed)
    fold = [0] * len(labels)
    for label in sorted(set(labels)):
        rows = [i for i, l in enumerate(labels) if l == label]
        rng.shuffle(rows)
        for n, i in enumerate(rows):
            fold[i] = n % k
    return fold


def cross_validate(texts: list[str], labels: list[str], k: int = 5) -> list[str]:
    """Out-of-fold predictions: each row predicted by a model that never saw it."""
    feats = [features(t) for t in texts]
    fold = folds(labels, k)
    pred = [""] * len(texts)
    for f in range(k):
        train = [i for i in range(len(texts)) if fold[i] != f]
        model = Typer(fit([feats[i] for i in train], [labels[i] for i in train]))
        for i in range(len(texts)):
            if fold[i] == f:
                p = _softmax(vectorize([feats[i]], model.vocab) @ model.w + model.b)[0]
                pred[i] = model.classes[int(p.argmax())]
    return pred


def file_hash(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    from dateline.evaluate.events import f1_scores, read

    args = argv if argv is not None else sys.argv[1:]
    path = args[0] if args else "../shared/eval/case2021-acled/dev.tsv"
    rows = read(path)
    texts, labels = [t for _, t, _ in rows], [l for _, _, l in rows]
    cv = f1_scores(labels, cross_validate(texts, labels))
    model = fit([features(t) for t in texts], labels)
    model["trained_on"] = file_hash(path)
    MODEL.write_text(json.dumps(model, separators=(",", ":")), "utf-8")
    print(f"5-fold CV on {len(rows)} rows: weighted F1 {cv['weighted_f1']:.3f}, macro F1 {cv['macro_f1']:.3f}, "
          f"micro F1 {cv['micro_f1']:.3f}; model written to {MODEL} ({MODEL.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
