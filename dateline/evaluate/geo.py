"""``dateline eval geo FILE [--gold-spans] [--part ...]``: toponyms on GeoVirus and LGL.

Formats (see ../shared/eval/README.md):

- GeoVirus: ``<article><text><locations><location><name><start><end><lat><lon>``,
  offsets 1-based (``text[start-1:end-1] == name``);
- LGL / TR-News / GeoWebNews-style: ``<article docid><text><toponyms><toponym><start><end>
  <phrase><gaztag geonameid><lat><lon><country geonameid><admin1 geonameid>``, 0-based,
  end exclusive; toponyms without a point have no gold and are skipped. A point with no
  geonameid (a street, a building) counts for Acc@161 and is left out of ``exact_id``.

Settings:

- **end-to-end** (the default) runs what ``dateline extract`` runs: ``text.prepare`` and
  ``pipeline.extract_documents``, and scores the places the product outputs
  (``Article.places``). Each gold toponym takes the output place whose span overlaps it
  most; one that no place overlaps counts as an error of 20,039 km (half the Earth's
  circumference).
- **gold-spans** measures the resolver alone: it is handed the gold spans (known to be
  toponyms, so an unknown name still gets the unit around it) and its places are scored
  the same way. It says how much of the end-to-end error is recognition's.

AUC is Gritta et al. (2018): the area under the curve of ln(1 + error) / ln(20039) over
the sorted errors, i.e. their mean; lower is better.
"""
from __future__ import annotations

import math
import statistics
import time
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from dateline.geo import countries as country_data
from dateline.records import Place

MAX_KM = 20039.0


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country_id: int | None = None
    admin1_id: int | None = None
    admin1_name: str = ""


@dataclass
class GoldDoc:
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    key: str = ""  # split key (dateline.evaluate.split): LGL docid, GeoVirus 0-based index


def read(path: str) -> tuple[str, list[GoldDoc]]:
    """The corpus format ('geovirus' or 'lgl') and its documents."""
    root = ET.parse(path).getroot()
    first = root.find("article")
    if first is not None and first.find("locations") is not None:
        return "geovirus", [_geovirus_doc(a, str(i)) for i, a in enumerate(root.iter("article"))]
    return "lgl", [_lgl_doc(a, a.get("docid") or str(i)) for i, a in enumerate(root.iter("article"))]


def _geovirus_doc(article: ET.Element, key: str) -> GoldDoc:
    doc = GoldDoc(article.findtext("text") or "", key=key)
    for loc in article.iter("location"):
        start, end = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1
        doc.toponyms.append(GoldToponym(
            start, end, loc.findtext("name") or "",
            float(loc.findtext("lat")), float(loc.findtext("lon")),
        ))
    return doc


def _lgl_doc(article: ET.Element, key: str) -> GoldDoc:
    doc = GoldDoc(article.findtext("text") or "", key=key)
    for top in article.iter("toponym"):
        gaz = top.find("gaztag")
        if gaz is None or not (gaz.findtext("lat") or "").strip() or not (gaz.findtext("lon") or "").strip():
            continue
        country, admin1 = gaz.find("country"), gaz.find("admin1")
        doc.toponyms.append(GoldToponym(
            int(top.findtext("start")), int(top.findtext("end")), top.findtext("phrase") or "",
            float(gaz.findtext("lat")), float(gaz.findtext("lon")),
            geonameid=_int_attr(gaz, "geonameid"),
            country_id=_int_attr(country, "geonameid"),
            admin1_id=_int_attr(admin1, "geonameid"),
            admin1_name=(admin1.text or "").strip() if admin1 is not None else "",
        ))
    return doc


def _int_attr(element: ET.Element | None, name: str) -> int | None:
    value = (element.get(name) or "").strip() if element is not None else ""
    return int(value) if value.isdigit() else None


# --------------------------------------------------------------------------- predict


def _predict_gold_spans(doc: GoldDoc) -> list[Place | None]:
    """The resolver alone, on the gold spans."""
    from dateline.geo.resolver import Mention, resolve_mentions, to_place

    mentions = [Mention(t.start, t.end, doc.text[t.start : t.end]) for t in doc.toponyms]
    by_span = {(r.mention.start, r.mention.end): to_place(doc.text, r)
               for r in resolve_mentions(doc.text, mentions, fallback=True) if r}
    return [by_span.get((t.start, t.end)) for t in doc.toponyms]


def _predict_end_to_end(docs: list[GoldDoc]) -> list[list[Place | None]]:
    """What ``dateline extract`` outputs: the pipeline on prepared documents."""
    from dateline import pipeline

    documents = [pipeline.prepare(d.text) for d in docs]
    out = []
    for doc, article in zip(docs, pipeline.extract_documents(documents)):
        spans = [_gold_span_in(article.document, doc.text, t) for t in doc.toponyms]
        out.append(_match(spans, article.places))
    return out


def _gold_span_in(document: Any, raw: str, t: GoldToponym) -> tuple[int, int]:
    """Where gold span ``t`` of the raw text lies in the prepared text: shifted past the
    text stage's repairs (header, glued sentences), then checked against the name."""
    shift = 0
    for r in document.repairs:
        if r.kind != "encoding" and r.end <= t.start:
            shift += len(r.after) - (r.end - r.start)
    start, end = t.start + shift, t.end + shift
    name = raw[t.start : t.end]
    if document.text[start:end] != name:  # an encoding repair moved it: find it nearby
        found = document.text.find(name, max(0, start - 60))
        if found != -1 and abs(found - start) <= 120:
            start, end = found, found + len(name)
    return start, end


def _match(spans: list[tuple[int, int]], places: list[Place]) -> list[Place | None]:
    """For each gold span, the output place whose span overlaps it most (of equal overlaps,
    the one closest in length: 'Helmand', not 'the capital of Helmand')."""
    out = []
    for start, end in spans:
        best, key = None, (0, 0)
        for p in places:
            o = min(end, p.span.end) - max(start, p.span.start)
            k = (o, -abs((p.span.end - p.span.start) - (end - start)))
            if o > 0 and k > key:
                best, key = p, k
        out.append(best)
    return out


# --------------------------------------------------------------------------- score


def score(path: str, gold_spans: bool = False, limit: int | None = None, part: str = "all") -> dict[str, Any]:
    """Acc@161km, mean/median error, AUC (and for LGL: exact id, country, admin1)."""
    from dateline.evaluate.split import select

    fmt, docs = read(path)
    docs = select(docs, lambda d: d.key, part)
    docs = docs[:limit] if limit else docs
    if not gold_spans:
        return _metrics(fmt, docs, _predict_end_to_end(docs), "end-to-end", part)
    from dateline.geo.gazetteer import load

    load()  # build or open the gazetteer outside the clock
    t0 = time.process_time()  # CPU seconds of resolution alone
    predictions = [_predict_gold_spans(doc) for doc in docs]
    result = _metrics(fmt, docs, predictions, "gold-spans", part)
    seconds = time.process_time() - t0
    result.update(geo_seconds=round(seconds, 3),
                  toponyms_per_s=round(result["n"] / seconds, 1) if seconds else None,
                  articles_per_s=round(len(docs) / seconds, 1) if seconds else None)
    return result


def _metrics(
    fmt: str, docs: list[GoldDoc], predictions: list[list[Place | None]], setting: str, part: str,
) -> dict[str, Any]:
    errors: list[float] = []
    exact = with_id = country_ok = admin1_ok = admin1_n = 0
    for doc, preds in zip(docs, predictions):
        for gold, pred in zip(doc.toponyms, preds):
            with_id += gold.geonameid is not None
            if gold.admin1_id is not None:
                admin1_n += 1
            if pred is None or pred.latitude is None or pred.longitude is None:
                errors.append(MAX_KM)
                continue
            errors.append(haversine_km(gold.lat, gold.lon, pred.latitude, pred.longitude))
            exact += int(gold.geonameid is not None and pred.geonameid == gold.geonameid)
            country_ok += int(gold.country_id is not None and _country_id(pred.iso) == gold.country_id)
            if gold.admin1_id is not None:
                admin1_ok += int(bool(pred.admin1) and _folded(pred.admin1) in _admin1_names(gold))
    n = len(errors)
    result: dict[str, Any] = {
        "corpus": fmt,
        "setting": setting,
        "part": part,
        "n": n,
        "articles": len(docs),
        "acc161": _frac(sum(e <= 161 for e in errors), n),
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(statistics.fmean(math.log1p(e) / math.log(MAX_KM) for e in errors), 4) if errors else None,
    }
    if fmt == "lgl":
        with_country = sum(1 for d in docs for t in d.toponyms if t.country_id is not None)
        result.update(
            exact_id=_frac(exact, with_id),
            with_geonameid=with_id,
            country_acc=_frac(country_ok, with_country),
            admin1_acc=_frac(admin1_ok, admin1_n),
        )
    return result


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _admin1_names(gold: GoldToponym) -> set[str]:
    """The gold admin1 as the gold names it and as the gazetteer (whose names the output
    uses: 'Moskva' for 'Moscow') names the same GeoNames id."""
    from dateline.geo.gazetteer import load

    names = {_folded(gold.admin1_name)}
    unit = load().place(gold.admin1_id) if gold.admin1_id is not None else None
    if unit is not None:
        names.add(_folded(unit.name))
    return names


def _folded(name: str) -> str:
    """'Île-de-France' and 'Ile de France' compare equal."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.lower() if ch.isalnum())


def _country_id(iso3: str) -> int | None:
    country = country_data.countries().get(iso3 or "")
    return country.geonameid if country else None


def _frac(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def render(result: dict[str, Any]) -> str:
    """A small table of the figures."""
    rows = [
        ("corpus", result["corpus"]), ("setting", result["setting"]), ("part", result["part"]),
        ("toponyms", result["n"]), ("Acc@161km", _pct(result["acc161"])),
        ("mean error km", result["mean_km"]), ("median error km", result["median_km"]),
        ("AUC (lower is better)", result["auc"]),
    ]
    if result["corpus"] == "lgl":
        rows += [("exact geonameid", _pct(result["exact_id"])),
                 ("correct country", _pct(result["country_acc"])),
                 ("correct admin1", _pct(result["admin1_acc"]))]
    if "articles_per_s" in result:
        rows += [("resolver toponyms/s", result["toponyms_per_s"]),
                 ("resolver articles/s", result["articles_per_s"])]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"
