"""Build world.geojson (vendored basemap) from npm world-atlas; run once, result committed.

Why: the page must draw a basemap with no tile server and no internet, so the country
shapes ship with the package. Steps (outside the repo):

    npm install world-atlas@2.0.2 topojson-client@3
    topo2geo countries=c50.geojson < node_modules/world-atlas/countries-50m.json
    pip install antimeridian==0.4.9   # (scratch venv; build-time only, pulls shapely)
    python make_world.py c50.geojson world.geojson

Shapes crossing the 180° meridian (Russia, Fiji, Antarctica) are split with
``antimeridian``; coordinates are simplified and rounded to keep the file < 1 MB.
"""
import json
import sys

import antimeridian
from shapely.geometry import mapping, shape


def _round(coords, nd=2):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], nd), round(coords[1], nd)]
    out = [_round(c, nd) for c in coords]
    if out and isinstance(out[0][0], float):  # a ring: drop repeated points
        ded = [out[0]] + [p for i, p in enumerate(out[1:], 1) if p != out[i - 1]]
        return ded if len(ded) >= 4 else out
    return out


def main(src: str, dst: str, tolerance: float = 0.03) -> None:
    data = json.load(open(src))
    features = []
    for f in data["features"]:
        if not f.get("geometry"):
            continue
        fixed = antimeridian.fix_geojson(f)
        geom = shape(fixed["geometry"]).simplify(tolerance, preserve_topology=True)
        if geom.is_empty:
            continue
        g = mapping(geom)
        features.append({"type": "Feature", "properties": {"name": f["properties"].get("name", "")},
                         "geometry": {"type": g["type"], "coordinates": _round(json.loads(json.dumps(g["coordinates"])))}})
    json.dump({"type": "FeatureCollection", "features": features}, open(dst, "w"), separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
