"""``dateline eval quotes DIR``: attribution (source, cue, content) on PolNeAR brat files.

DIR holds ``text/NAME.txt`` and ``attributions/NAME_XXXX.ann``; an article with several
annotation files is scored against the first in sorted order. Each article goes through
``dateline extract`` (dateline.evaluate.product) and every claim it returns is one
predicted attribution: source = the first span of the claim's ``speaker`` evidence (the
mention at the cue; the others show where its name was resolved from), cue = its ``cue``
evidence, content = its ``quote`` evidence. Text repair may change the text (glued
sentences, encoding), so both sides are compared as word tokens of the raw text: the
repaired text's words are aligned to the raw text's (difflib), and a word the repair
changed counts as missed.

Units: each role of each attribution is one unit, a set of word tokens (``\\w+``; the
content of a split quote is one unit of two spans). Identical gold units are counted
once. *exact*: the same word tokens (punctuation ignored). *overlap*: soft token
overlap as in Pareti (2016): precision averages, over predicted units, the best share
of their tokens found in one gold unit; recall the converse. *relation*: a predicted
attribution matches a gold one when their contents share a token and their sources
share a token (or both have none).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluate.product import extract_texts
from dateline.evaluate.split import select
from dateline.records import Article

ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")
_HASH_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


@dataclass
class Attr:
    """One attribution as token sets per role (empty frozenset: role absent)."""

    source: frozenset[int] = frozenset()
    cue: frozenset[int] = frozenset()
    content: frozenset[int] = frozenset()


@dataclass
class _Tally:
    soft_p: float = 0.0
    soft_r: float = 0.0
    exact_p: int = 0
    exact_r: int = 0
    n_pred: int = 0
    n_gold: int = 0
    rel_p: int = 0
    rel_r: int = 0
    rel_pred: int = 0
    rel_gold: int = 0
    roles: dict[str, list[float]] = field(default_factory=dict)


def score(path: str, limit: int | None = None, part: str = "all", **_: Any) -> dict[str, Any]:
    """Score the claims ``dateline extract`` returns on a PolNeAR split; fractions in 0..1."""
    pairs = select(articles(Path(path)), lambda a: a[0], part)[:limit]
    tallies = {role: _Tally() for role in ROLES}
    relation = _Tally()
    texts = [text for _, text, _ in pairs]
    for (_, text, gold), article in zip(pairs, extract_texts(texts)):
        offsets = _word_offsets(text)
        gold_attrs = [_tokens(offsets, a) for a in gold]
        pred_attrs = predict(article, text)
        for role in ROLES:
            _tally_role(tallies[role], [getattr(a, role) for a in gold_attrs],
                        [getattr(a, role) for a in pred_attrs])
        _tally_relations(relation, gold_attrs, pred_attrs)
    return _result(tallies, relation, len(pairs))


def render(result: dict[str, Any]) -> str:
    """A small table: per role, overlap and exact precision/recall/F1, then relations."""
    lines = [f"PolNeAR attribution, {result['n']} articles",
             f"{'role':<9}{'P':>7}{'R':>7}{'F1':>7}   {'P exact':>8}{'R exact':>8}{'F1 exact':>9}  gold  pred"]
    for role in ROLES:
        r = result["roles"][role]
        lines.append(f"{role:<9}{r['p']:>7.3f}{r['r']:>7.3f}{r['f1']:>7.3f}   "
                     f"{r['p_exact']:>8.3f}{r['r_exact']:>8.3f}{r['f1_exact']:>9.3f}  {r['gold']:>4}  {r['pred']:>4}")
    rel = result["relation"]
    lines.append(f"{'relation':<9}{rel['p']:>7.3f}{rel['r']:>7.3f}{rel['f1']:>7.3f}"
                 f"{'':>30}{rel['gold']:>4}  {rel['pred']:>4}")
    return "\n".join(lines)


# --- data ---------------------------------------------------------------------------


def articles(root: Path) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, raw text, gold attributions) per article, first annotation file of each."""
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(_HASH_SUFFIX.sub("", ann.stem), ann)
    out = []
    for txt in sorted((root / "text").glob("*.txt")):
        ann = anns.get(txt.stem)
        if ann is None:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, read_ann(ann.read_text(encoding="utf-8"))))
    return out


def read_ann(raw: str) -> list[dict[str, Any]]:
    """Brat ``T``/``E`` lines -> [{"source": spans, "cue": spans, "content": spans}]."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[list[str]] = []
    for line in raw.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            if kind.lower() in ROLES:
                spans[parts[0]] = [tuple(map(int, piece.split())) for piece in offsets.split(";")]  # type: ignore[misc]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    attrs = []
    for args in events:
        attr: dict[str, Any] = {role: [] for role in ROLES}
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ROLES and tid in spans:
                attr[role].extend(spans[tid])
        if attr["content"] or attr["cue"]:
            attrs.append(attr)
    return attrs


def predict(article: Article, raw: str) -> list[Attr]:
    """The article's claims as attributions, in word tokens of the raw text."""
    text = article.document.text
    to_raw = _align(text, raw)
    offsets = _word_offsets(text)
    out = []
    for claim in article.claims:
        speaker = claim.evidence.get("speaker", [])[:1]  # the mention at the cue; later spans: where it was resolved from
        spans = {"source": [(s.start, s.end) for s in speaker],
                 "cue": [(s.start, s.end) for s in claim.evidence.get("cue", [])],
                 "content": [(s.start, s.end) for s in claim.evidence.get("quote", [])]}
        attr = _tokens(offsets, spans)
        out.append(Attr(**{role: frozenset(to_raw[i] for i in getattr(attr, role) if i in to_raw)
                           for role in ROLES}))
    return out


def _align(text: str, raw: str) -> dict[int, int]:
    """Word index in ``text`` -> the same word's index in ``raw`` (identity when the words are the same)."""
    words, raw_words = _WORD.findall(text), _WORD.findall(raw)
    if words == raw_words:
        return {i: i for i in range(len(words))}
    matcher = SequenceMatcher(None, words, raw_words, autojunk=False)
    return {a + k: b + k for a, b, n in matcher.get_matching_blocks() for k in range(n)}


# --- scoring ------------------------------------------------------------------------


def _word_offsets(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _tokens(offsets: list[tuple[int, int]], attr: dict[str, Any]) -> Attr:
    """Char spans -> indices of the word tokens they cover (partly covered words count)."""
    from bisect import bisect_left, bisect_right

    ends = [e for _, e in offsets]
    starts = [s for s, _ in offsets]
    sets = {}
    for role in ROLES:
        idx: set[int] = set()
        for a, b in attr[role]:
            idx.update(range(bisect_right(ends, a), bisect_left(starts, b)))
        sets[role] = frozenset(idx)
    return Attr(**sets)


def _tally_role(t: _Tally, gold: list[frozenset[int]], pred: list[frozenset[int]]) -> None:
    gold = list({g for g in gold if g})
    pred = list({p for p in pred if p})
    t.n_gold += len(gold)
    t.n_pred += len(pred)
    gold_set = set(gold)
    pred_set = set(pred)
    t.exact_p += sum(p in gold_set for p in pred)
    t.exact_r += sum(g in pred_set for g in gold)
    t.soft_p += sum(max((len(p & g) / len(p) for g in gold), default=0.0) for p in pred)
    t.soft_r += sum(max((len(p & g) / len(g) for p in pred), default=0.0) for g in gold)


def _related(g: Attr, p: Attr) -> bool:
    if not (g.content & p.content):
        return False
    if not g.source and not p.source:
        return True
    return bool(g.source & p.source)


def _tally_relations(t: _Tally, gold: list[Attr], pred: list[Attr]) -> None:
    t.rel_gold += len(gold)
    t.rel_pred += len(pred)
    t.rel_r += sum(any(_related(g, p) for p in pred) for g in gold)
    t.rel_p += sum(any(_related(g, p) for g in gold) for p in pred)


def _prf(hit_p: float, n_p: int, hit_r: float, n_r: int) -> tuple[float, float, float]:
    p = hit_p / n_p if n_p else 0.0
    r = hit_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _result(tallies: dict[str, _Tally], relation: _Tally, n: int) -> dict[str, Any]:
    out: dict[str, Any] = {"n": n, "roles": {}}
    for role, t in tallies.items():
        p, r, f = _prf(t.soft_p, t.n_pred, t.soft_r, t.n_gold)
        pe, re_, fe = _prf(t.exact_p, t.n_pred, t.exact_r, t.n_gold)
        out["roles"][role] = {"p": p, "r": r, "f1": f, "p_exact": pe, "r_exact": re_, "f1_exact": fe,
                              "gold": t.n_gold, "pred": t.n_pred}
        out[f"{role}_f1"] = f
        out[f"{role}_f1_exact"] = fe
    p, r, f = _prf(relation.rel_p, relation.rel_pred, relation.rel_r, relation.rel_gold)
    out["relation"] = {"p": p, "r": r, "f1": f, "gold": relation.rel_gold, "pred": relation.rel_pred}
    out["relation_f1"] = f
    return out
