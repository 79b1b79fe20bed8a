"""How much of the gold the gazetteer can reach at all: coverage by GeoNames feature code.

    python bench/geo_coverage.py ../shared/eval/geoparsing/lgl-dev.xml [--part train]

For each gold toponym with a GeoNames id (LGL): does the gazetteer give its name any
candidate, is the gold id among them, and is some candidate within 161 km of the gold
point (what Acc@161 needs). Grouped by the gold's feature class and code (P.PPL,
A.ADM1, S.SCH...), so one sees which kinds of place no ranking can get right. The last
line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dateline.evaluate.split import in_part  # noqa: E402
from dateline.geo.candidates import candidates_for  # noqa: E402
from dateline.geo.gazetteer import load  # noqa: E402
from dateline.geo.resolver import haversine_km  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--part", choices=["train", "test", "all"], default="all")
    args = parser.parse_args()
    gaz = load()
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for i, article in enumerate(ET.parse(args.path).getroot().iter("article")):
        if not in_part(article.get("docid") or str(i), args.part):
            continue
        text = article.findtext("text") or ""
        for top in article.iter("toponym"):
            gaz_tag = top.find("gaztag")
            if gaz_tag is None or not gaz_tag.findtext("lat"):
                continue
            kind = f"{gaz_tag.findtext('fclass') or '?'}.{gaz_tag.findtext('fcode') or '?'}"
            gid = int(gaz_tag.get("geonameid") or 0)
            lat, lon = float(gaz_tag.findtext("lat")), float(gaz_tag.findtext("lon"))
            cands, _ = candidates_for(text[int(top.findtext("start")) : int(top.findtext("end"))], gaz)
            row = rows[kind]
            row["toponyms"] += 1
            row["no_candidate"] += not cands
            row["gold_id_among"] += any(c.id == gid for c in cands)
            row["one_within_161km"] += any(haversine_km(lat, lon, c.lat, c.lon) <= 161 for c in cands)
    total: Counter[str] = sum(rows.values(), Counter())
    print(f"{'kind':<10}{'toponyms':>9}{'no cand.':>9}{'gold id':>9}{'<161km':>9}")
    for kind, row in sorted(rows.items(), key=lambda kv: -kv[1]["toponyms"])[:15]:
        print(f"{kind:<10}{row['toponyms']:>9}{row['no_candidate']:>9}{row['gold_id_among']:>9}{row['one_within_161km']:>9}")
    print(f"{'all':<10}{total['toponyms']:>9}{total['no_candidate']:>9}{total['gold_id_among']:>9}{total['one_within_161km']:>9}")
    print(json.dumps({"part": args.part, "all": dict(total), "by_kind": {k: dict(v) for k, v in rows.items()}}))


if __name__ == "__main__":
    main()
