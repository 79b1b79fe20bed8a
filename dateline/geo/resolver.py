"""Toponym resolution: choose the gazetteer entry each place mention names.

Candidates come from the folded-name index; each is scored by

- a prior: population (log), feature kind (countries and regions first, then admin1,
  then populated places, then admin2) and how the name matched (primary name, alias,
  alternate name);
- containment: "Paris, Texas" and "Lashkargah, the capital of Helmand" favour places
  inside the unit named next to them;
- document focus: countries and admin1 units that the other mentions and the
  article's demonyms ("Afghan forces") point to;
- proximity: closeness to the places the other mentions resolved to.

Two passes: the first uses prior and containment, the second adds the focus and
proximity that the first pass's winners give.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from dateline.geo import countries as country_data
from dateline.geo.candidates import (
    ADMIN_SUFFIX, LEADING_THE, POSSESSIVE, Mention, abbreviated_state, candidates_for, country_candidate,
    state_abbreviations, us_states_by_code,
)
from dateline.geo.gazetteer import (
    ADMIN1, ADMIN2, ALTERNATE, ALIAS, CODE, COUNTRY, PLACE, PRIMARY, REGION, Candidate, DATA, fold,
    latin_form, load,
)
from dateline.records import Article, Place, span_of
from dateline.text import wire

__all__ = ["Mention", "Resolution", "resolve_mentions", "to_place", "haversine_km", "resolve_article"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

KIND_BONUS = {COUNTRY: 4.0, REGION: 3.0, ADMIN1: 2.0, PLACE: 0.0, ADMIN2: -0.5}
QUALITY_BONUS = {PRIMARY: 0.0, ALIAS: -0.3, ALTERNATE: -2.5, CODE: 0.0}
#: Alternate names of big places are usually real exonyms ('Mecca', 'Calcutta').
BIG_PLACE_ALTERNATE_BONUS = 1.0

_NEAR_BEFORE = re.compile(
    r"\b(near|outside|outskirts of|(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest)(?:ern)? of|km from|kilometres from|kilometers from|miles from|close to|"
    r"vicinity of)\s+(the\s+)?$",
    re.IGNORECASE,
)


@dataclass
class Resolution:
    mention: Mention
    candidate: Candidate
    score: float
    margin: float
    admin_hint: bool
    fallback: bool = False  # placed at the document's focus unit: the name is not in the gazetteer


def prior(c: Candidate, admin_hint: str, seat_of: set[int]) -> float:
    """Score from the candidate alone: size, kind and name quality; ``admin_hint`` is the
    level a unit word asks for (``A1`` 'region', ``A2`` 'district', ``any``; '' none)."""
    score = math.log10(c.population + 10) + KIND_BONUS[c.kind] + QUALITY_BONUS[c.quality]
    if c.quality == ALTERNATE and c.population >= 100_000:
        score += BIG_PLACE_ALTERNATE_BONUS
    if c.feature == "P.PPLC":
        score += 1.0
    if c.kind in (ADMIN1, ADMIN2):
        if admin_hint:
            score += 4.0 if admin_hint in (c.kind, "any") else 3.0
        elif c.id in seat_of:
            score -= 3.5  # "Kabul" the city, not Kabul province, unless "province" is said
    elif admin_hint:
        score -= 4.0
    return score


def _seats(cands: list[Candidate]) -> set[int]:
    """Admin units read as their same-named city: the city lies inside them ('Kabul'), it
    is a city at least a third their size ('Jerusalem', 'Buenos Aires'), or it is their
    country's capital ('Washington' is the capital before the state)."""
    admins = {c.id: c for c in cands if c.kind in (ADMIN1, ADMIN2)}
    seats: set[int] = set()
    for p in cands:
        if p.kind != PLACE or p.quality not in (PRIMARY, ALIAS):
            continue
        seats.update(x for x in (p.admin1, p.admin2) if x in admins)
        seats.update(a.id for a in admins.values()
                     if p.population * 3 >= a.population or (p.feature == "P.PPLC" and p.cc == a.cc))
    return seats


# --------------------------------------------------------------------------- context


def demonym_countries(text: str) -> Counter[str]:
    """ISO2 codes of the countries the article's demonyms point to ('Afghan forces')."""
    table = country_data.demonyms()
    iso3_to_2 = country_data.iso3_to_iso2()
    single, multi = _demonym_forms()
    words = Counter(w for w in _CAPITALISED.findall(text) if w in single)
    for phrase in multi:
        count = text.count(phrase)
        if count:
            words[phrase] += count
            last = phrase.rsplit(" ", 1)[1]
            if last in words:  # 'Papua New Guinean' is not also 'Guinean'
                words[last] -= count
    found: Counter[str] = Counter()
    for word, count in words.items():
        iso2 = iso3_to_2.get(table[word.lower()])
        if iso2 and count > 0:
            found[iso2] += count
    return found


_CAPITALISED = re.compile(r"\b[A-Z][a-zé]+\b")

#: What a currency or a local-government word says about where an article's readers are:
#: (a substring that must occur, the pattern, the country).
_LOCALE_CUES = (
    ("$", re.compile(r"(?<![A-Za-z])\$\s?\d"), "US"),  # not C$, A$, NZ$, HK$
    ("$", re.compile(r"\b(?:C\$|CA\$)\s?\d"), "CA"),
    ("$", re.compile(r"\b(?:A\$|AU\$)\s?\d"), "AU"),
    ("NZ$", re.compile(r"\bNZ\$\s?\d"), "NZ"),
    ("£", re.compile(r"£\s?\d"), "GB"),
    ("Rs", re.compile(r"\bRs\.? ?\d"), "IN"),
    ("Township", re.compile(r"\bTownship\b"), "US"),
    ("School District", re.compile(r"\bSchool District\b"), "US"),
    ("Board of Supervisors", re.compile(r"\bBoard of Supervisors\b"), "US"),
    ("County Commission", re.compile(r"\bCounty Commission"), "US"),
    ("Sheriff's", re.compile(r"\bSheriff's (?:Office|Department)\b"), "US"),
)
#: A locale is a weak hint: half of what one named place or demonym of a country gives.
LOCALE_WEIGHT = 0.5


def locale_countries(text: str) -> Counter[str]:
    """Countries the article's currency and local-government words point to ('$765,000',
    'Township'): the readers' country, which decides 'Athens' or 'Mansfield' when
    nothing else does."""
    found: Counter[str] = Counter()
    for needle, pattern, iso2 in _LOCALE_CUES:
        if needle in text and pattern.search(text):
            found[iso2] = LOCALE_WEIGHT
    return found


@lru_cache(maxsize=1)
def _demonym_forms() -> tuple[frozenset[str], tuple[str, ...]]:
    """Demonyms as capitalised in text: one-word forms, and the few multi-word ones."""
    forms = {" ".join(w[:1].upper() + w[1:] for w in d.split()) for d in country_data.demonyms()}
    return frozenset(f for f in forms if " " not in f), tuple(f for f in forms if " " in f)


def _contains(container: Candidate, c: Candidate) -> bool:
    """Whether reading ``c`` lies inside ``container`` (by the gazetteer's links; not itself)."""
    if container.id == c.id:
        return False
    if container.kind == COUNTRY:
        return c.cc == container.cc
    if container.kind == ADMIN1:
        return c.admin1 == container.id
    if container.kind == ADMIN2:
        return c.admin2 == container.id
    return False


def _containers(text: str, mentions: list[Mention], index: int) -> list[Mention]:
    """Mentions that name a unit containing mention ``index``, narrowest first: 'X, Y',
    'X in Y', 'X in northern Y', 'X, the capital of Y', 'X in Y's Z region' (Z, then Y),
    'X, Y, Z' (Y, then Z)."""
    m = mentions[index]
    if index + 1 >= len(mentions) or _in_list(text, mentions, index):
        return []  # "Georgia, Illinois, Missouri": a list, not Illinois in Missouri
    other = mentions[index + 1]
    between = text[m.end : other.start]
    comma = _COMMA.fullmatch(between) is not None
    if comma and _ends_as_list(text, mentions, index):
        return []  # 'Sharon, Cornwall and Salisbury'
    if comma and _POSSESSIVE_AFTER.match(text, other.end):
        return []  # 'in Texas, Mexico's president said': not Texas in Mexico
    if not (comma or _APPOSITION.fullmatch(between) or _IN_UNIT.fullmatch(between)):
        return []
    out = [other]
    if index + 2 < len(mentions):
        after = mentions[index + 2]
        gap = text[other.end : after.start]
        if _POSSESSIVE_AFTER.fullmatch(gap):
            out.insert(0, after)  # 'in Mali's Mopti region'
        elif comma and _COMMA.fullmatch(gap) and not _POSSESSIVE_AFTER.match(text, after.end):
            out.append(after)  # 'Reading, Berkshire, UK'
    return out


_COMMA = re.compile(r"\s*,\s*")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s+")
_APPOSITION = re.compile(
    r",?\s+(?:the\s+)?(?:(?:provincial|regional|state|county|district)\s+)?(?:capital|seat|city|town|"
    r"village|district)\s+(?:of|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_IN_UNIT = re.compile(
    r",?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+(?:(?:part|region|area)\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?)?)?",
    re.IGNORECASE,
)


def _ends_as_list(text: str, mentions: list[Mention], index: int) -> bool:
    """Whether the run of comma-separated mentions from ``index`` on ends in 'and' or 'or'
    and one more: a list ('X, Y and Z'), not a chain of containers ('X, Y, Z')."""
    k = index
    while k + 1 < len(mentions):
        gap = text[mentions[k].end : mentions[k + 1].start]
        if _COMMA.fullmatch(gap):
            k += 1
            continue
        return _AND_OR.fullmatch(gap) is not None
    return False


_AND_OR = re.compile(r",?\s+(?:and|or)\s+")


def _in_list(text: str, mentions: list[Mention], index: int) -> bool:
    """Whether mention ``index`` is an item of a list of three or more places: it follows
    a place and a comma, and the next place is followed by a comma or 'and' and a name."""
    if index == 0 or index + 1 >= len(mentions):
        return False
    before, after = mentions[index - 1], mentions[index + 1]
    return (_LIST_GAP.fullmatch(text[before.end : mentions[index].start]) is not None
            and _LIST_GOES_ON.match(text, after.end) is not None)


_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_GOES_ON = re.compile(r",\s*(?:and\s+|or\s+)?[A-Z]|\s+(?:and|or)\s+[A-Z]")


def _distance_km(a: Candidate, b: Candidate) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------- resolve


@dataclass
class _Name:
    """All mentions of one folded name: one sense per discourse."""

    key: str
    indices: list[int]
    cands: list[Candidate]
    prior: dict[int, float]
    containment: dict[int, float]
    admin_hint: str
    base: str  # the name without its unit word: 'Bor County' and 'Bor State' are forms of 'Bor'


#: Words after a name that make it an administrative unit ('Sagaing region'), and the
#: level each asks for.
_UNIT_WORD_AFTER = re.compile(
    r"\s+(region|province|oblast|governorate|state|district|county|prefecture|parish|municipality)\b",
    re.IGNORECASE,
)
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")
#: Names listed before a plural unit word: 'Douglas, Sarpy and Lancaster counties'.
_LISTED_UNITS = re.compile(
    r"(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}){0,8}"
    r"\s+(counties|provinces|districts|regions|states|oblasts|governorates|parishes|prefectures)\b"
)
_ADMIN2_LEVEL = frozenset({"district", "county", "parish", "municipality", "districts", "counties",
                           "parishes"})


def unit_word(text: str, m: Mention, named_unit: bool) -> str:
    """The admin level a unit word asks of mention ``m``: 'A1' ('Sagaing region', 'Kabul
    province'), 'A2' ('Wedza district', 'Polk County'), 'any' when the mention's own text
    ends in one that says neither, '' when no unit word is there."""
    inner = ADMIN_SUFFIX.search(m.text)
    after = _UNIT_WORD_AFTER.match(text, m.end) if inner is None else None
    if after is not None and after.group(1)[0].isupper() and (
        after.group(1) == "State" or _NAME_GOES_ON.match(text, after.end())
    ):
        after = None  # 'Columbia State', 'the London District School Board': a name
    word = (inner or after).group(1).lower() if inner or after else ""
    if not word:
        listed = _LISTED_UNITS.match(text, m.end)  # 'Jackson and Barrow counties'
        word = listed.group(1).lower() if listed else ""
    if not word:
        return "any" if named_unit else ""
    return "A2" if word in _ADMIN2_LEVEL else "A1"


def resolve_mentions(
    text: str, mentions: list[Mention], fallback: bool = False
) -> list[Resolution | None]:
    """Resolve every mention of one document, using the others as context.

    A name the gazetteer lacks is placed at the document's focus unit (its main admin2,
    admin1 or country), as ACLED codes a village it cannot find at the unit around it,
    when the mention is ``sure`` ("the village of X") or with ``fallback`` (for spans
    known to be toponyms, e.g. gold spans). The NER's GPE label alone is too weak a
    proof that an unknown word is a place ("Pleopsidium", "Bloomberg").
    """
    gaz = load()
    mentions = sorted(mentions, key=lambda m: m.start)
    per_mention = []
    for m in mentions:  # a dateline in capitals is a name, not an abbreviation ('KYIV, Jan 23 -')
        cands, named_unit = candidates_for(m.text.title() if wire.filed_place(text, m.start) else m.text, gaz)
        per_mention.append((_town_in_unit(m.text, cands, gaz), unit_word(text, m, named_unit)))
    containment = _containment_bonus(text, mentions, [c for c, _ in per_mention])
    names = _group_by_name(mentions, per_mention, containment)

    winners = {n.key: _best(n, n.prior) for n in names}
    context = _Context(text)
    context.set_names(names)
    final: dict[str, dict[int, float]] = {}
    for _ in range(2):  # second round: focus from the first round's winners
        context.update(winners)
        final = {n.key: _context_scores(n, context) for n in names}
        winners = {n.key: _best(n, final[n.key], with_containment=False) for n in names}

    out: list[Resolution | None] = [None] * len(mentions)
    for n in names:
        if n.cands:
            best = _ranked(n, final[n.key], n.cands)
            for i in n.indices:
                out[i] = Resolution(mentions[i], *best, bool(n.admin_hint))
    stated = _apply_stated_units(text, mentions, out, names, final, context)
    stated |= _lone_foreign_villages(text, out, context)
    _unit_forms_follow_bare_name(out, names)
    unknown = [i for n in names if not n.cands for i in n.indices
               if i not in stated and (fallback or mentions[i].sure)]
    for i in unknown:
        unit = _unit_around(text, mentions, out, i) or context.focus()
        if unit is not None:
            out[i] = Resolution(mentions[i], unit, 0.0, 0.0, False, fallback=True)
    return out


def _town_in_unit(name: str, cands: list[Candidate], gaz: Any) -> list[Candidate]:
    """'Washington, DC' as one name: the gazetteer knows it as the district (an alternate
    name), but 'X, Y' names the town X inside Y. Towns named X inside a unit the whole
    name reads as replace the unit readings."""
    head, comma, _ = name.partition(",")
    units = [c for c in cands if c.kind in _UNITS]
    if not comma or not units:
        return cands
    towns = [t for t in candidates_for(head.strip(), gaz)[0]
             if t.kind == PLACE and any(_contains(u, t) for u in units)]
    return towns or cands


def _unit_around(text: str, mentions: list[Mention], resolved: list[Resolution | None],
                 i: int) -> Candidate | None:
    """For a name the gazetteer lacks, the unit its neighbours say it lies in or is:
    'Cellardyke in Fife' lies in Fife; in 'Afgooye in Lower Shabelle region' the region
    is the province Afgooye lies in."""
    for other in _containers(text, mentions, i):
        container = resolved[mentions.index(other)]
        if container is not None and not container.fallback:
            return container.candidate
    for k in range(max(0, i - 2), i):
        inner = resolved[k]
        if inner is None or inner.fallback or mentions[i] not in _containers(text, mentions, k):
            continue
        place = inner.candidate
        wanted = place.admin2 if _ADMIN2_WORDS.search(mentions[i].text) else place.admin1
        if wanted and load().place(wanted) is not None:
            return load().place(wanted)
    return None


_ADMIN2_WORDS = re.compile(r"\b(district|county|parish|municipality)\s*$", re.IGNORECASE)


def _ranked(name: _Name, scores: dict[int, float], cands: list[Candidate]) -> tuple[Candidate, float, float]:
    """The best of ``cands`` by ``scores``, its score and its margin over the next."""
    ranked = sorted(cands, key=lambda c: -scores[c.id])
    top = scores[ranked[0].id]
    return ranked[0], top, (top - scores[ranked[1].id] if len(ranked) > 1 else 5.0)


# --------------------------------------------------------------------------- the text's own geography

#: How wide a kind of gazetteer row is: a stated unit constrains only narrower readings.
_WIDTH = {COUNTRY: 4, REGION: 4, ADMIN1: 3, ADMIN2: 2, PLACE: 1}
_UNITS = (COUNTRY, ADMIN1, ADMIN2)


def _apply_stated_units(
    text: str, mentions: list[Mention], out: list[Resolution | None], names: list[_Name],
    final: dict[str, dict[int, float]], context: _Context,
) -> set[int]:
    """The text's own geography wins over population and focus: a unit the text names
    around a place ('Boni, Mali', 'Toguere in Mali's Mopti region', 'Reading, Berkshire,
    UK', 'X in the north of the country') keeps only the readings inside it; when none
    lies inside, the place goes to that unit (a fallback: precision 2-3, low confidence),
    never to a homonym elsewhere. Right to left, so that 'Berkshire, UK' is settled before
    'Reading, Berkshire'. Returns the indices placed this way."""
    name_of = {i: n for n in names for i in n.indices}
    placed: set[int] = set()
    for i in reversed(range(len(mentions))):
        unit, where = _stated_unit(text, mentions, out, i, context)
        if unit is None:
            continue
        n, current = name_of[i], out[i]
        if current is not None and not current.fallback:
            c = current.candidate
            if c.id == unit.id or _contains(unit, c) or _WIDTH[c.kind] >= _WIDTH[unit.kind]:
                continue  # already inside, or a peer ('Mali, Niger'): not a container
        inside = [c for c in n.cands if _contains(unit, c)]
        if not inside and n.cands and where is not None and abbreviated_state(mentions[where].text):
            out[where] = None  # 'APATZINGÁN, Mich.': Michoacán's abbreviation, not Michigan's
            context.forget(unit)
            continue
        if inside:
            best, top, margin = _ranked(n, final[n.key], inside)
            chosen = Resolution(mentions[i], best, top, margin, bool(n.admin_hint))
        else:
            chosen = Resolution(mentions[i], unit, 0.0, 0.0, False, fallback=True)
        for k in n.indices:  # one sense per discourse
            if k == i or k not in placed:
                out[k] = Resolution(mentions[k], chosen.candidate, chosen.score, chosen.margin,
                                    chosen.admin_hint, chosen.fallback)
                placed.add(k)
    return placed


def _unit_forms_follow_bare_name(out: list[Resolution | None], names: list[_Name]) -> None:
    """One sense per discourse across a name's forms: when "Bor" is the South Sudanese town,
    "Bor County" and "Bor State" are its unit, not Turkey's or Serbia's units of that name
    that the gazetteer happens to hold. The form goes to the bare name's reading as a
    fallback (somewhere in or around it, precision 2-3)."""
    bare = {n.base: n for n in names if not n.admin_hint}
    for n in names:
        plain = bare.get(n.base) if n.admin_hint else None
        if plain is None or out[plain.indices[0]] is None or out[plain.indices[0]].fallback:
            continue
        home = out[plain.indices[0]].candidate
        if home.kind != PLACE:
            continue  # 'Lebanon' the country says nothing of where 'Lebanon County' is
        for i in n.indices:
            r = out[i]
            if r is not None and not r.fallback and r.candidate.cc != home.cc:
                out[i] = Resolution(r.mention, home, 0.0, 0.0, False, fallback=True)


#: a place this small, alone in its country in an article about another, is a homonym
LONE_FOREIGN_MAX_POPULATION = 15_000
#: how many readings the article's own country needs for that (Myanmar named, Sagaing, Mandalay)
FOCUS_READINGS = 3
#: ...or for a reading by a variant name only ('Gulshan' is a variant name of Tabas, Iran):
#: two readings of one other country outweigh it.
ALTERNATE_FOCUS_READINGS = 2


#: ...or this small, when the text calls it a village ('the village of Liwa'): no town of
#: 26,000 people abroad is the village the story means.
LONE_FOREIGN_VILLAGE_MAX_POPULATION = 100_000
_VILLAGE_BEFORE = re.compile(r"\b(?:village|hamlet|settlement)s? of\s+$", re.IGNORECASE)
_VILLAGE_AFTER = re.compile(r"^\s+(?:village|hamlet)s?\b", re.IGNORECASE)


def _called_village(text: str, m: Mention) -> bool:
    return bool(_VILLAGE_BEFORE.search(text[max(0, m.start - 30):m.start])
                or _VILLAGE_AFTER.match(text[m.end:m.end + 12]))


#: 'Kani Township', 'Sidakan subdistrict': the text names an administrative unit
_UNIT_NAMED = re.compile(r"^(?:\s+|[^\S\n]*)(?:township|subdistrict|sub-district|district|county|prefecture|regency|"
                         r"municipality|governorate|tehsil|taluka|commune|region|province)\b", re.IGNORECASE)


def _called_unit(text: str, m: Mention) -> bool:
    """The text calls the place an administrative unit ('Kani Township'): a town of that
    name abroad, whatever its size, is not it."""
    last = m.text.rstrip().rsplit(None, 1)[-1]
    return bool(_UNIT_NAMED.match(" " + last) or _UNIT_NAMED.match(text[m.end:m.end + 16]))


def _lone_foreign_villages(text: str, out: list[Resolution | None], context: _Context) -> set[int]:
    """'Let Yet Kone village' in a story of Myanmar is no commune of New Caledonia: a small
    place, any place read by an alternate name only, or a town where the text names a unit
    ('Kani Township' is no Japanese city), that is the only reading in its
    country, while the article's places are in one other country (three readings at
    least), goes to that country's focus unit as a fallback (precision 2-3), as an
    unknown village would."""
    focus = context.focus()
    counts = context.countries
    if focus is None or not counts:
        return set()
    home, weight = counts.most_common(1)[0]
    moved = set()
    for i, r in enumerate(out):
        c = r.candidate if r is not None else None
        if c is None or r.fallback or c.kind != PLACE or c.cc == home or counts.get(c.cc, 0) > 1:
            continue
        if weight < (ALTERNATE_FOCUS_READINGS if c.quality == ALTERNATE else FOCUS_READINGS):
            continue
        cap = LONE_FOREIGN_VILLAGE_MAX_POPULATION if _called_village(text, r.mention) else LONE_FOREIGN_MAX_POPULATION
        if c.population >= cap and c.quality != ALTERNATE and not _called_unit(text, r.mention):
            continue  # a big place by an alternate name only ('Boni' for Bonn) is as doubtful
        out[i] = Resolution(r.mention, focus, 0.0, 0.0, False, fallback=True)
        moved.add(i)
    return moved


def _stated_unit(text: str, mentions: list[Mention], out: list[Resolution | None], i: int,
                 context: _Context) -> tuple[Candidate | None, int | None]:
    """The admin unit or country the words around mention ``i`` put it in, if any, and the
    index of the mention naming it (None for 'in the north of the country')."""
    for other in _containers(text, mentions, i):
        k = mentions.index(other)
        r = out[k]
        if r is not None and r.candidate.kind in _UNITS:
            return r.candidate, k
    if _THE_COUNTRY.match(text, mentions[i].end):
        return _country_in_focus(context), None
    return None, None


_DIRECTION = (r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
              r"(?:ern)?")
#: '... in the north of the country', '... in the country's east'
_THE_COUNTRY = re.compile(
    rf",?\s+in\s+(?:the\s+)?(?:{_DIRECTION}\s+(?:(?:part|region)\s+)?of\s+)?the\s+country\b"
    rf"|,?\s+in\s+the\s+country['’]s\s+{_DIRECTION}\b",
    re.IGNORECASE,
)


def _country_in_focus(context: _Context) -> Candidate | None:
    """The country 'the country' refers to: the one the article names most."""
    if not context.countries:
        return None
    cc, weight = context.countries.most_common(1)[0]
    iso3 = country_data.iso2_to_iso3().get(cc)
    return country_candidate(iso3) if iso3 and weight > 0 else None


def _group_by_name(
    mentions: list[Mention],
    per_mention: list[tuple[list[Candidate], str]],
    containment: list[dict[int, float]],
) -> list[_Name]:
    names: dict[str, _Name] = {}
    for i, (m, (cands, hint)) in enumerate(zip(mentions, per_mention)):
        bare = POSSESSIVE.sub("", LEADING_THE.sub("", m.text.strip()))
        key = fold(bare) + (f"#{hint}" if hint else "")
        name = names.get(key)
        if name is None:
            seats = _seats(cands)
            name = _Name(key, [], cands, {c.id: prior(c, hint, seats) for c in cands}, {}, hint,
                         fold(ADMIN_SUFFIX.sub("", bare)))
            names[key] = name
        elif not name.cands and cands:  # 'BENI' read as an abbreviation, then 'Beni' the town
            seats = _seats(cands)
            name.cands, name.prior = cands, {c.id: prior(c, hint, seats) for c in cands}
        name.indices.append(i)
        for cid, bonus in containment[i].items():
            name.containment[cid] = max(name.containment.get(cid, 0.0), bonus)
    return list(names.values())


def _best(name: _Name, scores: dict[int, float], with_containment: bool = True) -> Candidate | None:
    if not name.cands:
        return None
    if not with_containment:
        return max(name.cands, key=lambda c: scores[c.id])
    return max(name.cands, key=lambda c: scores[c.id] + name.containment.get(c.id, 0.0))


#: Bonus when another name of the article, with few readings, can lie in the same admin1.
A1_COHERENCE = 1.0
A1_COHERENCE_MAX_UNITS = 5


class _Context:
    """What the document says about where it is: countries, admin units, places."""

    def __init__(self, text: str) -> None:
        self.demonyms = demonym_countries(text) + locale_countries(text)
        self.state_codes = abbreviated_states(text)
        self.winners: dict[str, Candidate] = {}

    def update(self, winners: dict[str, Candidate | None]) -> None:
        self.winners = {k: c for k, c in winners.items() if c is not None}
        self.countries: Counter[str] = Counter(self.demonyms)
        self.admin1: Counter[int] = Counter(self.state_codes)
        self.admin2: Counter[int] = Counter()
        for c in self.winners.values():
            self.countries[c.cc] += 1
            if c.kind == ADMIN1:
                self.admin1[c.id] += 2
            elif c.kind == ADMIN2:
                self.admin2[c.id] += 2
            if c.admin1:
                self.admin1[c.admin1] += 1
            if c.admin2:
                self.admin2[c.admin2] += 1
        self.country_total = sum(v for v in self.countries.values() if v > 0)
        self.by_base: dict[str, list[Candidate]] = {}
        for k, c in self.winners.items():
            self.by_base.setdefault(self.base_of.get(k, k), []).append(c)

    def forget(self, unit: Candidate) -> None:
        """A unit read from words that turned out to mean another: no evidence of focus."""
        self.state_codes.pop(unit.id, None)
        self.update({k: c for k, c in self.winners.items() if c.id != unit.id})

    def focus(self) -> Candidate | None:
        """The most specific unit the document is clearly about, if any."""
        gaz = load()
        for counter, need in ((self.admin2, 3), (self.admin1, 3)):
            if counter:
                unit, weight = counter.most_common(1)[0]
                if weight >= need and gaz.place(unit) is not None:
                    return gaz.place(unit)
        if self.countries:
            cc, _ = self.countries.most_common(1)[0]
            iso3 = country_data.iso2_to_iso3().get(cc)
            return country_candidate(iso3) if iso3 else None
        return None

    def set_names(self, names: list[_Name]) -> None:
        """Admin2 units any reading of each name could be, or lie in ('Paris' + 'Henry County')."""
        self.base_of = {n.key: n.base for n in names}
        self.a2_of: dict[str, set[int]] = {}
        self.a2_names: Counter[int] = Counter()
        self.a1_of: dict[str, set[int]] = {}
        self.a1_names: Counter[int] = Counter()
        for n in names:
            ids: set[int] = set()
            a1s: set[int] = set()
            for c in n.cands[:60]:
                if c.kind == ADMIN2:
                    ids.add(c.id)
                elif c.kind == PLACE and c.admin2:
                    ids.add(c.admin2)
                if c.kind in (PLACE, ADMIN2) and c.admin1:
                    a1s.add(c.admin1)
            self.a2_of[n.key] = ids
            self.a2_names.update(ids)
            if len(a1s) <= A1_COHERENCE_MAX_UNITS:  # 'Madison' can be read in 40 states: no evidence
                self.a1_of[n.key] = a1s
                self.a1_names.update(a1s)

    def coherence(self, key: str, c: Candidate) -> float:
        """Bonus when another name of the document can be read as the same admin2 unit."""
        target = c.id if c.kind == ADMIN2 else c.admin2 if c.kind == PLACE else None
        if target is None:
            return 0.0
        others = self.a2_names[target] - (1 if target in self.a2_of[key] else 0)
        if others > 0:
            return 2.0
        if c.admin1:
            others = self.a1_names[c.admin1] - (1 if c.admin1 in self.a1_of.get(key, ()) else 0)
            return A1_COHERENCE if others > 0 else 0.0
        return 0.0

    def without(self, key: str) -> _Others:
        """The context minus what the name ``key`` itself contributed."""
        return _Others(self, key)


class _Others:
    """A :class:`_Context` minus one name's own contribution, computed on demand rather
    than by copying the counters (this runs once per name and round). The name's other
    forms count as its own: "Bor County" and "Bor State" are no evidence for where "Bor" is."""

    def __init__(self, context: _Context, key: str) -> None:
        base = context.base_of[key]
        self.context = context
        self.own = context.by_base.get(base, [])
        self.total = max(context.country_total - len(self.own), 1)
        self.points = [(o.id, o.lat, o.lon) for k, o in context.winners.items()
                       if context.base_of[k] != base and o.kind in (PLACE, ADMIN2)]

    def country(self, cc: str) -> float:
        return max(self.context.countries.get(cc, 0) - sum(o.cc == cc for o in self.own), 0)

    def admin1(self, unit: int) -> float:
        return self.context.admin1.get(unit, 0) - sum(
            (2 if o.kind == ADMIN1 and o.id == unit else 0) + (1 if o.admin1 == unit else 0) for o in self.own)

    def admin2(self, unit: int) -> float:
        return self.context.admin2.get(unit, 0) - sum(
            (2 if o.kind == ADMIN2 and o.id == unit else 0) + (1 if o.admin2 == unit else 0) for o in self.own)


def _context_scores(name: _Name, context: _Context) -> dict[int, float]:
    others = context.without(name.key)
    scores = {}
    for c in name.cands:
        s = name.prior[c.id] + name.containment.get(c.id, 0.0) + context.coherence(name.key, c)
        s += 4.0 * others.country(c.cc) / others.total
        if c.kind in (PLACE, ADMIN2):
            if c.admin1 and others.admin1(c.admin1) > 0:
                s += 2.5
            if c.kind == PLACE and c.admin2 and others.admin2(c.admin2) > 0:
                s += 1.5
            s += _proximity(c, others.points)
        scores[c.id] = s
    return scores


def abbreviated_states(text: str) -> Counter[int]:
    """US states named by their AP abbreviation in the text ('Gainesville, Ga.')."""
    found: Counter[int] = Counter()
    for m in _STATE_ABBR.finditer(text):
        state = us_states_by_code().get(state_abbreviations()[m.group(1).replace(" ", "").lower()])
        if state is not None:
            found[state.id] += 2
    return found


_STATE_ABBR = re.compile(
    r",\s+(" + "|".join(
        re.escape(a) for a in sorted(
            (line.split("\t")[0] for line in (DATA / "us_state_abbreviations.tsv").read_text("utf-8").splitlines()
             if line and not line.startswith("#")), key=len, reverse=True)
    ) + r")(?=\W)"
)


def _containment_bonus(
    text: str, mentions: list[Mention], cand_lists: list[list[Candidate]]
) -> list[dict[int, float]]:
    bonus: list[dict[int, float]] = [dict() for _ in mentions]
    for i in range(len(mentions)):
        for other in _containers(text, mentions, i):
            j = mentions.index(other)
            for c in cand_lists[i]:
                for container in cand_lists[j]:
                    if _contains(container, c):
                        bonus[i][c.id] = 6.0
                        bonus[j][container.id] = max(bonus[j].get(container.id, 0.0), 5.0)
    return bonus


def _proximity(c: Candidate, others: list[tuple[int, float, float]]) -> float:
    """Bonus for being near the other places (not countries/regions) of the document."""
    best = math.inf
    for other_id, lat, lon in others:
        if other_id == c.id or abs(lat - c.lat) > 2.0:
            continue
        best = min(best, haversine_km(c.lat, c.lon, lat, lon))
    if best < 50:
        return 1.5
    if best < 200:
        return 1.0
    return 0.0


# --------------------------------------------------------------------------- article


def ascii_name(name: str) -> str:
    """ACLED writes place names without diacritics: 'Kābul' -> 'Kabul'."""
    return latin_form(name) or name


def to_place(text: str, r: Resolution) -> Place:
    """The record of one resolved mention."""
    gaz = load()
    c = r.candidate
    iso3 = country_data.iso2_to_iso3().get(c.cc, "")
    admin1 = gaz.place(c.admin1).name if c.admin1 and gaz.place(c.admin1) else ""
    admin2 = gaz.place(c.admin2).name if c.admin2 and gaz.place(c.admin2) else ""
    if c.kind == ADMIN1:
        admin1 = c.name
    elif c.kind == ADMIN2:
        admin2 = c.name
    near = bool(_NEAR_BEFORE.search(text[max(0, r.mention.start - 40) : r.mention.start]))
    precision = 3 if c.kind != PLACE else (2 if near else 1)
    if r.fallback:  # somewhere in the unit: part of an admin2/place, or a wider unit
        precision = 2 if c.kind in (PLACE, ADMIN2) else 3
    return Place(
        span=span_of(text, r.mention.start, r.mention.end),
        name=ascii_name(c.name),
        geonameid=c.id if c.id > 0 else None,
        latitude=round(c.lat, 5),
        longitude=round(c.lon, 5),
        country=country_data.country_name(iso3) if iso3 else "",
        iso=iso3,
        admin1=ascii_name(admin1),
        admin2=ascii_name(admin2),
        feature=c.feature,
        geo_precision=precision,
        confidence=0.15 if r.fallback else round(1.0 - math.exp(-max(r.margin, 0.0) - 0.3), 3),
    )


def resolve_article(article: Article) -> None:
    """Resolve the article's toponyms and link its place entities to the gazetteer."""
    text = article.document.text
    mentions = [Mention(e.start, e.end, e.text) for e in article.entities if e.label in PLACE_LABELS]
    resolve_article_mentions(article, mentions)


def resolve_article_mentions(article: Article, mentions: list[Mention]) -> None:
    """Resolve ``mentions`` of the article's text into ``article.places`` and link the
    place entities with the same span to the gazetteer."""
    text = article.document.text
    if not mentions:
        return
    labels = {(e.start, e.end): e for e in article.entities}
    resolved = resolve_mentions(text, mentions)
    for r in resolved:
        if r is None:
            continue
        entity = labels.get((r.mention.start, r.mention.end))
        if entity is not None and entity.label == "FAC" and r.candidate.kind != PLACE:
            continue
        place = to_place(text, r)
        article.places.append(place)
        if entity is not None:
            entity.geonameid = place.geonameid
    article.places.extend(capital_places(text, [r for r in resolved if r is not None]))
    article.places.sort(key=lambda p: p.span.start)


#: 'the capital of X', 'the provincial capital of X', before a unit's name ...
_CAPITAL_OF = re.compile(
    r"\b((?:the\s+)?(?:(?:provincial|regional|state|district|county|national)\s+)?capital\s+(?:city\s+)?of\s+"
    r"(?:the\s+)?)$",
    re.IGNORECASE,
)
#: ... and "X's capital", "X's provincial capital" after it.
_CAPITAL_AFTER = re.compile(
    r"['’]s?\s+(?:(?:provincial|regional|state|district|county)\s+)?capital\b(?!\s+(?:city\s+)?of\b)",
    re.IGNORECASE,
)
#: An appositive names the capital itself: 'Monywa, the capital of Sagaing region'.
_NAMED_BEFORE = re.compile(r"[A-Z][\w.'’-]*,\s*$")


def capital_places(text: str, resolved: list[Resolution]) -> list[Place]:
    """Places for 'the (provincial) capital of X' and "X's capital", where X resolved to a
    country or an admin unit and no name of the capital stands beside the phrase: the
    phrase is the evidence span and the place is X's seat (``Gazetteer.seat``), with the
    confidence of an inference. Events use it for 'the provincial capital of Helmand
    province' (Lashkar Gah)."""
    out = []
    for r in resolved:
        unit = r.candidate
        if r.fallback or unit.kind not in _UNITS:
            continue
        m = r.mention
        end = m.end
        word = _UNIT_WORD_AFTER.match(text, end)
        if word is not None:
            end = word.end()
        before = _CAPITAL_OF.search(text, max(0, m.start - 60), m.start)
        after = _CAPITAL_AFTER.match(text, end)
        if before is not None and not _NAMED_BEFORE.search(text, max(0, before.start() - 40), before.start()):
            start = before.start()
        elif after is not None:
            start, end = m.start, after.end()
        else:
            continue
        seat = load().seat(unit)
        if seat is None:
            continue
        place = to_place(text, Resolution(Mention(start, end, text[start:end]), seat, 0.0, 0.5, False))
        place.geo_precision = 1
        out.append(place)
    return out
