"""``dateline eval e2e FILE``: whole articles in, the product's event records out.

The gold file (``../shared/eval/e2e/dev.jsonl``) holds news articles with the
ACLED-style records a coder wrote from each text. Every article goes through exactly
what ``dateline extract`` runs (``pipeline.prepare`` with the article's published
date, title and URL, then ``pipeline.extract_documents``), and the events it returns
are scored with the definition in ``../shared/eval/e2e/README.md``:

- a predicted event *can match* a gold one when the 6-way ``event_type`` is the same,
  the places agree (within 100 km; or the same country when either side is placed only
  at province/country level or lacks coordinates) and the dates agree (within 2 days
  when both give a day, else the coarser contains the finer; no gold date: any);
- pairs are taken greedily, best first (same sub-event type counts 2, then same place
  within 25 km, exact date, actors 1 each); real gold events are matched before the
  ignorable ones (``background`` or ``optional``), and matching an ignorable one is
  neither a hit nor a false alarm;
- predictions whose ``modality`` says they are not a current event (threatened,
  planned, negated, hypothetical, denied, historical) are left out, so a gold event
  found only as historical is a miss;
- on hits: sub-event type, actor1, both actors, location (same geonameid or 25 km),
  date (the same day, or the same month/year at the gold's precision) and fatalities
  (exact; vague gold counts skipped) accuracy; a strict hit is right in all of them;
- ``fp_per_general_doc``: false alarms per article with no conflict content.

The figures and their ``--json`` keys are those of the reference ``score.py``; a test
checks the two agree on the pipeline's predictions and on hand-made ones.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dateline.evaluate.split import select
from dateline.pipeline import extract_documents, prepare

#: Modalities of events that did not (or not now) happen: they are not ACLED events.
SKIPPED_MODALITIES = frozenset({"threatened", "planned", "negated", "hypothetical", "denied", "historical"})
NEAR_KM = 100.0  # places agree for matching
SAME_PLACE_KM = 25.0  # the location field is right
COARSE_PRECISION = 3  # geo_precision 3: placed only at province or country level

#: Names of one country that coders and gazetteers spell differently (lower case).
COUNTRY_ALIASES: dict[str, str] = {
    "united states of america": "united states", "usa": "united states", "us": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "hong kong": "china", "macau": "china", "macao": "china",
    "russian federation": "russia", "syrian arab republic": "syria", "burma": "myanmar",
    "dr congo": "democratic republic of congo", "democratic republic of the congo": "democratic republic of congo",
    "congo, the democratic republic of the": "democratic republic of congo",
    "ivory coast": "cote d'ivoire", "côte d'ivoire": "cote d'ivoire",
    "republic of korea": "south korea", "korea, republic of": "south korea",
    "iran, islamic republic of": "iran", "palestinian territory": "palestine", "state of palestine": "palestine",
    "turkiye": "turkey", "türkiye": "turkey", "czechia": "czech republic", "viet nam": "vietnam",
    "lao people's democratic republic": "laos",
}

_YEARS = re.compile(r"\(\d{4}-(\d{4})?\)")  # "Military Forces of Afghanistan (2004-2021)"
_ISLAMIC_STATE = re.compile(r"\b(islamic state|isis|isil|daesh)\b")
_UNNAMED = re.compile(r"^(sole perpetrator|unidentified gunm[ae]n|unidentified armed group|unknown gunm[ae]n)\b")
_COUNTRY_PART = re.compile(r"(?<=\bof )[^()]+$|(?<=\()[^()]+(?=\)$)")  # "... of X" or "... (X)"


# --- running the product ----------------------------------------------------------------------

def read(path: str | Path) -> list[dict[str, Any]]:
    """The gold articles, one JSON object a line (text may hold U+2028, so split on newlines only)."""
    articles = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    articles.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not a JSON object: {exc.msg}") from None
    return articles


def predict(articles: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """doc_id -> the event records ``dateline extract`` returns for that article."""
    documents = [prepare(a["text"], published=a.get("published") or "", title=a.get("title") or "",
                         url=a.get("url") or "") for a in articles]
    extracted = extract_documents(documents)
    return {a["doc_id"]: [e.to_dict() for e in article.events] for a, article in zip(articles, extracted)}


def score(path: str, part: str = "all", limit: int | None = None,
          save_predictions: str | None = None, **_: Any) -> dict[str, Any]:
    """Run the pipeline on the gold articles of ``part`` and score its events."""
    gold = select(read(path), lambda a: a["doc_id"], part)[:limit]
    predicted = predict(gold)
    if save_predictions:
        with open(save_predictions, "w", encoding="utf-8") as out:
            for doc_id, events in predicted.items():
                out.write(json.dumps({"doc_id": doc_id, "events": events}, ensure_ascii=False) + "\n")
    return score_predictions(gold, predicted)


def render(result: dict[str, Any]) -> str:
    """The figures as a short table."""
    return "\n".join(f"{key:>22}  {value}" for key, value in result.items())


# --- field agreement --------------------------------------------------------------------------

def country_key(name: str | None) -> str:
    """A country name folded so that aliases compare equal."""
    name = (name or "").strip().lower()
    return COUNTRY_ALIASES.get(name, name)


def point(event: dict[str, Any]) -> tuple[float, float] | None:
    try:
        return float(event["latitude"]), float(event["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, Earth diameter 12,742 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Within 100 km; or the same country when either side is coarse or unplaced."""
    a, b = point(gold), point(pred)
    if a and b and distance_km(a, b) <= NEAR_KM:
        return True
    coarse = (not (a and b) or (gold.get("geo_precision") or 1) >= COARSE_PRECISION
              or (pred.get("geo_precision") or 1) >= COARSE_PRECISION)
    country = country_key(gold.get("country"))
    return bool(coarse and country and country == country_key(pred.get("country")))


def same_location(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The same GeoNames place, or points within 25 km."""
    if gold.get("geonameid") and pred.get("geonameid") and int(gold["geonameid"]) == int(pred["geonameid"]):
        return True
    a, b = point(gold), point(pred)
    return bool(a and b and distance_km(a, b) <= SAME_PLACE_KM)


def days(value: Any) -> tuple[int, int] | None:
    """The first and last day (ordinals) an ISO day, month or year covers; None if not a date."""
    text = str(value or "")
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            day = date.fromisoformat(text).toordinal()
            return day, day
        if re.fullmatch(r"\d{4}-\d\d", text):
            year, month = int(text[:4]), int(text[5:])
            following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
            return date(year, month, 1).toordinal(), following.toordinal() - 1
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1).toordinal(), date(int(text), 12, 31).toordinal()
    except ValueError:
        return None
    return None


def dates_agree(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Within 2 days when both give a day, else one period contains the other; no gold date: any."""
    g, p = days(gold.get("event_date")), days(pred.get("event_date"))
    if g is None:
        return True
    if p is None:
        return False
    if g[0] == g[1] and p[0] == p[1]:
        return abs(g[0] - p[0]) <= 2
    return g[0] <= p[1] and p[0] <= g[1]  # calendar periods overlap only when one contains the other


def same_date(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The same day, month or year at the gold's precision; no gold date: any."""
    g = days(gold.get("event_date"))
    return g is None or g == days(pred.get("event_date"))


def actor_key(name: str | None) -> str:
    """An actor name folded: case, 'the', years of a regime, Islamic State's names, unnamed attackers, country aliases."""
    key = _YEARS.sub("", (name or "").strip().lower())
    key = re.sub(r"^the ", "", key).strip()
    if _ISLAMIC_STATE.search(key):
        return "islamic state"
    key = _UNNAMED.sub("unidentified armed group", key)  # "Sole Perpetrator" is an unnamed attacker too
    key = _COUNTRY_PART.sub(lambda m: country_key(m.group(0)), key)
    return " ".join(key.split())


def same_actor(gold: str | None, pred: str | None) -> bool:
    """Equal after folding, or one name (over 4 letters) inside the other; both empty agree."""
    g, p = actor_key(gold), actor_key(pred)
    if not g or not p:
        return g == p
    return g == p or (len(g) > 4 and len(p) > 4 and (g in p or p in g))


def same_actors(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Both actors right, in either order."""
    g1, g2, p1, p2 = gold.get("actor1"), gold.get("actor2"), pred.get("actor1"), pred.get("actor2")
    return (same_actor(g1, p1) and same_actor(g2, p2)) or (same_actor(g1, p2) and same_actor(g2, p1))


def same_fatalities(gold: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    """Exact count (missing is 0); None when the gold count is vague and so not scored."""
    if gold.get("fatalities_vague"):
        return None
    return int(gold.get("fatalities") or 0) == int(pred.get("fatalities") or 0)


# --- matching and tallying --------------------------------------------------------------------

def ignorable(event: dict[str, Any]) -> bool:
    return bool(event.get("background") or event.get("optional"))


def counted(pred: dict[str, Any]) -> bool:
    """A prediction that claims a current event (see SKIPPED_MODALITIES)."""
    return (pred.get("modality") or "") not in SKIPPED_MODALITIES and not ignorable(pred)


def can_match(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return gold.get("event_type") == pred.get("event_type") and places_agree(gold, pred) and dates_agree(gold, pred)


def closeness(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    """How alike a candidate pair is: same sub-event type 2, same place, exact date, actors 1 each."""
    return (2 * (gold.get("sub_event_type") == pred.get("sub_event_type")) + same_location(gold, pred)
            + same_date(gold, pred) + same_actors(gold, pred))


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs, taken greedily by closeness; real gold before ignorable.

    Ties go to the later gold event, then the later prediction (the reference's order).
    """
    candidates = sorted(((closeness(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                         if can_match(g, p)), reverse=True)
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for want_ignorable in (False, True):
        for _, i, j in candidates:
            if ignorable(gold[i]) == want_ignorable and i not in used_gold and j not in used_pred:
                used_gold.add(i)
                used_pred.add(j)
                pairs.append((i, j))
    return pairs


@dataclass
class Tally:
    """Counts over all articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0
    n_gold: int = 0
    n_pred: int = 0
    sub_event: int = 0
    actor1: int = 0
    actors: int = 0
    location: int = 0
    date: int = 0
    fatalities: int = 0
    fatalities_scored: int = 0
    strict: int = 0
    general_docs: int = 0
    general_fp: int = 0

    def add_hit(self, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        sub = gold.get("sub_event_type") == pred.get("sub_event_type")
        actors, location, day = same_actors(gold, pred), same_location(gold, pred), same_date(gold, pred)
        dead = same_fatalities(gold, pred)
        self.tp += 1
        self.sub_event += sub
        self.actor1 += same_actor(gold.get("actor1"), pred.get("actor1"))
        self.actors += actors
        self.location += location
        self.date += day
        if dead is not None:
            self.fatalities_scored += 1
            self.fatalities += dead
        self.strict += sub and actors and location and day and dead is not False


def tally_article(tally: Tally, article: dict[str, Any], predicted: list[dict[str, Any]]) -> None:
    """Match one article's predictions to its gold events and count."""
    gold = article.get("events") or []
    pred = [p for p in predicted if counted(p)]
    pairs = match(gold, pred)
    real = [i for i, g in enumerate(gold) if not ignorable(g)]
    tally.n_gold += len(real)
    tally.n_pred += len(pred)
    for i, j in pairs:
        if ignorable(gold[i]):
            tally.ignored += 1
        else:
            tally.add_hit(gold[i], pred[j])
    false_alarms = len(pred) - len(pairs)
    tally.fp += false_alarms
    tally.fn += len(set(real) - {i for i, _ in pairs})
    if article.get("kind") == "general":
        tally.general_docs += 1
        tally.general_fp += false_alarms


def score_predictions(gold: list[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The e2e figures for gold articles and doc_id -> predicted event records."""
    tally = Tally()
    for article in gold:
        tally_article(tally, article, predicted.get(article["doc_id"], []))
    return figures(tally, len(gold))


def _ratio(k: float, n: float) -> float:
    return round(k / n, 4) if n else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(t: Tally, docs: int) -> dict[str, Any]:
    """The reference scorer's keys, in its order."""
    found, real = t.tp + t.fp, t.tp + t.fn
    precision, recall = (t.tp / found if found else 0.0), (t.tp / real if real else 0.0)
    strict_p, strict_r = (t.strict / found if found else 0.0), (t.strict / real if real else 0.0)
    return {
        "event_precision": round(precision, 4), "event_recall": round(recall, 4),
        "event_f1": round(_f1(precision, recall), 4),
        "sub_event_acc": _ratio(t.sub_event, t.tp), "actor1_acc": _ratio(t.actor1, t.tp),
        "actors_acc": _ratio(t.actors, t.tp), "location_acc": _ratio(t.location, t.tp),
        "date_acc": _ratio(t.date, t.tp), "fatalities_acc": _ratio(t.fatalities, t.fatalities_scored),
        "strict_f1": round(_f1(strict_p, strict_r), 4),
        "tp": t.tp, "fp": t.fp, "fn": t.fn, "ignored": t.ignored, "n_gold": t.n_gold, "n_pred": t.n_pred,
        "docs": docs, "fp_per_general_doc": round(t.general_fp / max(1, t.general_docs), 3),
    }
