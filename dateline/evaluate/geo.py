"""``dateline eval geo FILE [--gold-spans]``: toponym resolution on GeoVirus and LGL.

Formats (see ../shared/eval/README.md):

- GeoVirus: ``<article><text><locations><location><name><start><end><lat><lon>``,
  offsets 1-based (``text[start-1:end-1] == name``);
- LGL / TR-News: ``<article><text><toponyms><toponym><start><end><phrase><gaztag
  geonameid><lat><lon><country geonameid><admin1 geonameid>``, 0-based, end exclusive;
  toponyms without ``gaztag`` have no gold point and are skipped.

Settings: ``gold-spans`` resolves the gold spans; ``end-to-end`` recognises toponyms
with the pipeline's spaCy + gazetteer component and counts a gold toponym that no
predicted span overlaps as an error of 20,039 km (half the Earth's circumference).
AUC is Gritta et al. (2018): the area under the curve of ln(1 + error) / ln(20039)
over the sorted errors, i.e. their mean; lower is better.
"""
from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from dateline.geo import countries as country_data
from dateline.geo.gazetteer import ADMIN1, load
from dateline.geo.resolver import Mention, Resolution, haversine_km, resolve_mentions

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
        if gaz is None or gaz.findtext("lat") is None:
            continue
        country, admin1 = gaz.find("country"), gaz.find("admin1")
        doc.toponyms.append(GoldToponym(
            int(top.findtext("start")), int(top.findtext("end")), top.findtext("phrase") or "",
            float(gaz.findtext("lat")), float(gaz.findtext("lon")),
            geonameid=int(gaz.get("geonameid")),
            country_id=_int_attr(country, "geonameid"),
            admin1_id=_int_attr(admin1, "geonameid"),
        ))
    return doc


def _int_attr(element: ET.Element | None, name: str) -> int | None:
    value = element.get(name) if element is not None else None
    return int(value) if value else None


# --------------------------------------------------------------------------- predict


def _predict_gold_spans(doc: GoldDoc) -> list[Resolution | None]:
    mentions = [Mention(t.start, t.end, doc.text[t.start : t.end]) for t in doc.toponyms]
    by_span = {(r.mention.start, r.mention.end): r for r in resolve_mentions(doc.text, mentions, fallback=True) if r}
    return [by_span.get((t.start, t.end)) for t in doc.toponyms]


def _place_mentions(spacy_doc: Any, text: str) -> list[Mention]:
    from dateline.geo.recognition import place_spans

    return place_spans(spacy_doc, text)


def _match(doc: GoldDoc, resolutions: list[Resolution | None]) -> list[Resolution | None]:
    """For each gold toponym, the predicted resolution whose span overlaps it most."""
    found = [r for r in resolutions if r is not None]
    out = []
    for t in doc.toponyms:
        best, overlap = None, 0
        for r in found:
            o = min(t.end, r.mention.end) - max(t.start, r.mention.start)
            if o > overlap:
                best, overlap = r, o
        out.append(best)
    return out


# --------------------------------------------------------------------------- score


def score(path: str, gold_spans: bool = False, limit: int | None = None, part: str = "all") -> dict[str, Any]:
    """Acc@161km, mean/median error, AUC (and for LGL: exact id, country, admin1)."""
    from dateline.evaluate.split import select

    fmt, docs = read(path)
    docs = select(docs, lambda d: d.key, part)
    docs = docs[:limit] if limit else docs
    load()  # build or open the gazetteer outside the clock
    geo_seconds = 0.0  # CPU seconds of the geo step alone: recognition and resolution
    predictions: list[list[Resolution | None]] = []
    if gold_spans:
        for doc in docs:
            t0 = time.process_time()
            predictions.append(_predict_gold_spans(doc))
            geo_seconds += time.process_time() - t0
    else:
        from dateline import nlp as nlp_stage
        from dateline.geo import recognition

        pipeline = nlp_stage.load()
        with pipeline.select_pipes(disable=[recognition.COMPONENT]):  # timed below, with resolution
            spacy_docs = list(pipeline.pipe((d.text for d in docs), batch_size=32))
        for doc, sdoc in zip(docs, spacy_docs):
            t0 = time.process_time()
            recognition.relabel_places(sdoc)
            resolutions = resolve_mentions(doc.text, _place_mentions(sdoc, doc.text))
            geo_seconds += time.process_time() - t0
            predictions.append(_match(doc, resolutions))
    return _metrics(fmt, docs, predictions, gold_spans, geo_seconds)


def _metrics(
    fmt: str, docs: list[GoldDoc], predictions: list[list[Resolution | None]],
    gold_spans: bool, geo_seconds: float,
) -> dict[str, Any]:
    errors: list[float] = []
    exact = country_ok = admin1_ok = admin1_n = 0
    for doc, preds in zip(docs, predictions):
        for gold, pred in zip(doc.toponyms, preds):
            if pred is None:
                errors.append(MAX_KM)
                continue
            c = pred.candidate
            errors.append(haversine_km(gold.lat, gold.lon, c.lat, c.lon))
            exact += int(c.id == gold.geonameid)
            country_ok += int(gold.country_id is not None and _country_id(c.cc) == gold.country_id)
            if gold.admin1_id is not None:
                admin1_n += 1
                admin1_ok += int((c.id if c.kind == ADMIN1 else c.admin1) == gold.admin1_id)
    n = len(errors)
    result: dict[str, Any] = {
        "corpus": fmt,
        "setting": "gold-spans" if gold_spans else "end-to-end",
        "n": n,
        "articles": len(docs),
        "acc161": _frac(sum(e <= 161 for e in errors), n),
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(statistics.fmean(math.log1p(e) / math.log(MAX_KM) for e in errors), 4) if errors else None,
        "geo_seconds": round(geo_seconds, 3),
        "toponyms_per_s": round(n / geo_seconds, 1) if geo_seconds else None,
        "articles_per_s": round(len(docs) / geo_seconds, 1) if geo_seconds else None,
    }
    if fmt == "lgl":
        with_country = sum(1 for d in docs for t in d.toponyms if t.country_id is not None)
        result.update(
            exact_id=_frac(exact, n),
            country_acc=_frac(country_ok, with_country),
            admin1_acc=_frac(admin1_ok, admin1_n),
        )
    return result


def _country_id(iso2: str) -> int | None:
    iso3 = country_data.iso2_to_iso3().get(iso2)
    country = country_data.countries().get(iso3 or "")
    return country.geonameid if country else None


def _frac(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def render(result: dict[str, Any]) -> str:
    """A small table of the figures."""
    rows = [
        ("corpus", result["corpus"]), ("setting", result["setting"]),
        ("toponyms", result["n"]), ("Acc@161km", _pct(result["acc161"])),
        ("mean error km", result["mean_km"]), ("median error km", result["median_km"]),
        ("AUC (lower is better)", result["auc"]),
    ]
    if result["corpus"] == "lgl":
        rows += [("exact geonameid", _pct(result["exact_id"])),
                 ("correct country", _pct(result["country_acc"])),
                 ("correct admin1", _pct(result["admin1_acc"]))]
    rows += [("geo step toponyms/s", result["toponyms_per_s"]),
             ("geo step articles/s", result["articles_per_s"])]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"
