"""Gazetteer candidates for a toponym's text: the lookups recognition and resolution share.

Recognition asks "is this text a place, and how big?" and resolution asks "which place
is it?"; both start from the same candidate list, so it lives here, below both of them
(recognition and the resolver import this module, never each other).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline import rules
from dateline.geo import countries as country_data
from dateline.geo.gazetteer import (
    ADMIN1, ADMIN2, ALIAS, CODE, COUNTRY, PLACE, REGION, Candidate, DATA, Gazetteer, fold, load,
)

ADMIN_SUFFIX = re.compile(
    r"\s+(province|county|parish|state|governorate|region|district|oblast|prefecture)$",
    re.IGNORECASE,
)
LEADING_THE = re.compile(r"^(the|The)\s+")
POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class Mention:
    """A toponym occurrence: ``text[start:end]``."""

    start: int
    end: int
    text: str
    sure: bool = False  # the words prove it a place ("the village of X"), known or not




@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    out = {}
    for line in (DATA / "us_state_abbreviations.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            abbr, code = line.split("\t")
            out[abbr.replace(" ", "").lower()] = code
    return out


def abbreviated_state(text: str) -> str | None:
    """The postal code of a US state's AP abbreviation written with its period ('Mich.',
    'N.C.'), else None. Other countries' states share some ('Mich.' is Michoacán's too)."""
    return state_abbreviations().get(text.replace(" ", "").lower()) if "." in text else None


@lru_cache(maxsize=1)
def us_states_by_code() -> dict[str, Candidate]:
    """'US-KY' -> Kentucky, via the postal codes the gazetteer indexes."""
    gaz = load()
    out = {}
    for code in set(state_abbreviations().values()):
        for c in gaz.lookup(code.split("-")[1].lower()):
            if c.kind == ADMIN1 and c.cc == "US":
                out[code] = c
                break
    return out


def country_candidate(iso3: str) -> Candidate | None:
    country = country_data.countries().get(iso3)
    if country is None:
        return None
    return load().place(country.geonameid)


# --------------------------------------------------------------------------- candidates


def _is_abbreviation(text: str) -> bool:
    letters = text.replace(".", "").replace(" ", "")
    return 0 < len(letters) <= 4 and letters.isupper()


def landmark(text: str) -> rules.Rule | None:
    """The landmark rule (``geo/rules/landmarks.jsonl``) naming ``text``, if any: a site news
    names for its city ('the Kremlin', 'Downing Street')."""
    return next((r for r in rules.get("geo.landmarks") if r.regex.match(text)), None)


def candidates_for(mention: str, gaz: Gazetteer) -> tuple[list[Candidate], bool]:
    """Candidates for a mention's text, and whether the text names an admin unit."""
    text = POSSESSIVE.sub("", LEADING_THE.sub("", mention.strip()))
    admin_hint = False
    site = landmark(text)
    if site is not None:  # 'the White House' is in Washington, not Casablanca ('Casa Blanca')
        pinned = site.attrs.get("geonameid")  # 'the Pentagon': Arlington, Virginia, not Texas
        return [c for c in gaz.lookup(fold(site.attrs["place"])) if c.kind == PLACE and c.cc == site.attrs["country"]
                and c.id == (pinned or c.id)][:1], False
    state = abbreviated_state(text)
    if state:
        found = us_states_by_code().get(state)
        return ([found] if found else []), True
    demonym = demonym_candidates(text)
    if demonym:  # 'Canadian' is Canada, not Canadian County, Oklahoma
        return demonym, False
    stripped = ADMIN_SUFFIX.sub("", text)
    if stripped != text:
        admin_hint = True
    cands = list(gaz.lookup(fold(text)))
    if stripped != text:
        cands += [c for c in gaz.lookup(fold(stripped)) if c.kind in (ADMIN1, ADMIN2)]
    if _is_abbreviation(text):
        if rules.regex("geo.recognition", "not_code").fullmatch(text.replace(".", "")):
            return [], False  # 'an MP said': a member of parliament; '4:00 A.M.': a time
        cands = [c for c in cands if c.quality in (CODE, ALIAS) and c.kind in (COUNTRY, ADMIN1) or c.kind == REGION]
    else:
        cands = [c for c in cands if c.quality != CODE]
    if not cands and _TOWNSHIP.search(text):
        cands = [c for c in gaz.lookup(fold(_TOWNSHIP.sub("", text))) if c.kind in (PLACE, ADMIN2)]
    return _dedupe(cands), admin_hint


_TOWNSHIP = re.compile(r"\s+(Township|Twp\.?|Co\.)$")


def demonym_candidates(text: str) -> list[Candidate]:
    """A demonym given as a toponym ('Palestinian', 'Texan') names its country or state."""
    demonym = country_data.country_of_demonym(text)
    if demonym:
        found = country_candidate(demonym[1])
        return [found] if found else []
    code = _state_demonyms().get(text.lower())
    found = us_states_by_code().get(code) if code else None
    return [found] if found else []


@lru_cache(maxsize=1)
def _state_demonyms() -> dict[str, str]:
    out = {}
    for line in (DATA / "state_demonyms.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, code = line.split("\t")
            out[word.lower()] = out[word.lower() + "s"] = code
    return out


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    best: dict[int, Candidate] = {}
    for c in cands:
        if c.id not in best or c.quality < best[c.id].quality:
            best[c.id] = c
    return list(best.values())
