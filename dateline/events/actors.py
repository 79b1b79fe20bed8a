"""Actors: who did what to whom, named as ACLED names them, with ACLED actor types.

Two sources, both data-driven so that they generalise beyond the articles we read:

* the shipped dictionary ``data/actors.json`` (armed groups, IGOs, generic groups such
  as "gunmen" or "protesters", and persons linked to their group: "Zabihullah Mujahid"
  and his short form "Mujahid" speak for the Taliban), extendable with a user file of the same
  shape (``DATELINE_ACTORS=path`` or :func:`load` ``(extra=path)``);
* state actors built from the geo stage's country tables: a country name, capital or
  nationality adjective before a state noun ("American-trained Afghan units",
  "Kabul government", "US airstrikes") is that country's military, police or
  government. The adjective *nearest* the noun decides, so "American-trained Afghan
  units" are Afghan forces.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable
from pathlib import Path

from dateline import rules
from dateline.text import wire


DATA = Path(__file__).with_name("data") / "actors.json"

#: ACLED's actor types in ACLED's order (the order ``interaction`` uses).
INTER_ORDER: tuple[str, ...] = (
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters", "Protesters", "Civilians", "External/Other forces",
)

#: Country name variants the gazetteer's short names miss.
COUNTRY_VARIANTS: dict[str, str] = {
    "US": "USA", "U.S.": "USA", "U.S": "USA", "USA": "USA", "America": "USA",
    "United States of America": "USA", "Washington": "USA",
    "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR", "England": "GBR",
    "Russian Federation": "RUS", "Moscow": "RUS", "Kremlin": "RUS",
    "North Korea": "PRK", "South Korea": "KOR", "DRC": "COD", "DR Congo": "COD",
    "Congo-Kinshasa": "COD", "Ivory Coast": "CIV", "Burma": "MMR", "Holland": "NLD",
    "Beijing": "CHN", "Tehran": "IRN", "Kabul": "AFG", "Islamabad": "PAK", "Kiev": "UKR",
    "Kyiv": "UKR", "Ankara": "TUR", "Damascus": "SYR", "Baghdad": "IRQ", "Riyadh": "SAU",
    "Pyongyang": "PRK", "Seoul": "KOR", "Tokyo": "JPN", "New Delhi": "IND", "Delhi": "IND",
    "Jerusalem": "ISR", "Tel Aviv": "ISR", "Cairo": "EGY", "Paris": "FRA", "London": "GBR",
    "Berlin": "DEU", "Mogadishu": "SOM", "Abuja": "NGA", "Khartoum": "SDN",
    "Palestinian Authority": "PSE", "Gaza": "PSE", "West Bank": "PSE",
    "Bosnia": "BIH", "Herzegovina": "BIH", "Czechia": "CZE", "PRC": "CHN", "DPRK": "PRK", "ROK": "KOR",
    "UAE": "ARE", "Emirates": "ARE", "Saudi": "SAU", "Zaire": "COD", "Soviet Union": "RUS", "USSR": "RUS",
    "Vatican": "VAT", "Macedonia": "MKD", "Swaziland": "SWZ", "East Timor": "TLS", "Timor-Leste": "TLS",
    "Cote d'Ivoire": "CIV", "Côte d'Ivoire": "CIV", "Yugoslavia": "SRB", "Britons": "GBR",
}

MILITARY_NOUNS = frozenset({
    "forces", "force", "troops", "soldiers", "soldier", "army", "military", "units", "unit",
    "commandos", "servicemen", "marines", "paratroopers", "airstrikes", "air strikes",
    "air force", "warplanes", "jets", "coalition", "drones", "navy", "border guards", "gendarmes",
    "gendarmerie", "coast guard", "security forces", "strikes", "artillery", "shelling", "bombardment",
    "government forces", "government troops", "ground forces", "armed forces", "special forces",
    "air base", "airbase", "military base", "naval base",  # 'an Iraqi air base': the Iraqi military's
})
#: who speaks and decides for a state; actors in diplomacy (PLOVER), not in fighting
POLITICAL_NOUNS = frozenset({
    "minister", "ministers", "foreign minister", "defence minister", "defense minister", "secretary",
    "official", "officials", "diplomats", "diplomat", "parliament", "court", "supreme court",
    "constitutional court", "president", "prime minister", "king", "leader", "leaders", "delegation",
    "envoy", "negotiator", "ambassador", "spokesman", "ministry", "cabinet", "embassy", "security chief",
    "inhabitants", "people",
})
POLICE_NOUNS = frozenset({"police", "policemen", "policeman", "police officers", "police officer", "officers", "riot police"})


@dataclass(frozen=True)
class Actor:
    """One actor mention: ACLED name, actor type, country, and where it was said."""

    name: str
    inter: str
    iso: str
    start: int
    end: int
    generic: bool = False  # "gunmen", "civilians": weak, overridden by named actors
    code: str = ""  # CAMEO/PLOVER code where not a country: "IGO", "NGO"


@dataclass(frozen=True)
class Lexicon:
    """The compiled actor dictionary: one regex over all variants, longest first."""

    pattern: re.Pattern[str]
    acronyms: frozenset[str]  # lower-cased variants written in capitals ("who" of "WHO")
    entries: dict[str, tuple[str, str, str, bool, str]]  # lower variant -> (name, inter, iso, generic, code)
    state_pattern: re.Pattern[str]
    nations: dict[str, str]  # lower country name / capital / demonym -> ISO3
    adjectives: frozenset[str] = frozenset()  # the demonyms among them ("afghan")
    #: the lower-cased words of the named armed groups' variants ('gulf', 'clan', 'fano'): a
    #: cheap test of whether a name may be part of a group's
    group_words: frozenset[str] = frozenset()


_LOCATIVE = re.compile(r"\b(?:in|of|from|to|across|into|near|at|inside|throughout|outside|within|around|border with)\s+(?:the\s+)?"
                       r"(?:(?:occupied|northern|southern|eastern|western|central|north-?\w+|south-?\w+|rebel-held|"
                       r"war-torn|restive|neighbouring|neighboring)\s+)?$", re.I)

GENERIC_NAMES = frozenset({"Unidentified Armed Group", "Protesters", "Rioters", "Civilians"})


def armed_groups(text: str, start: int = 0, end: int | None = None) -> list[Actor]:
    """The named armed groups of the dictionary mentioned in ``text[start:end]`` (not
    generic 'militants', not state forces), in text order."""
    return [a for a in find(text, start, end) if not a.generic and a.inter in ARMED]


def load(extra: str | os.PathLike[str] | None = None) -> Lexicon:
    """The actor lexicon: shipped data, plus ``extra`` or ``$DATELINE_ACTORS`` if set."""
    path = extra or os.environ.get("DATELINE_ACTORS") or None
    return _load(str(path) if path else "")


@lru_cache(maxsize=8)
def _load(extra: str) -> Lexicon:
    records = [json.loads(DATA.read_text("utf-8"))]
    if extra:
        records.append(json.loads(Path(extra).read_text("utf-8")))
    entries: dict[str, tuple[str, str, str, bool, str]] = {}
    acronyms: set[str] = set()
    for data in records:
        by_name = {a["name"]: a for a in data.get("actors", [])}
        for actor in data.get("actors", []):
            value = (actor["name"], actor["inter"], actor.get("iso", ""), actor["name"] in GENERIC_NAMES,
                     actor.get("code", ""))
            for alias in [actor["name"], *actor.get("aliases", [])]:
                entries[alias.lower()] = value
                if len(alias) <= 6 and _capitals_of_short_form(alias):
                    acronyms.add(alias.lower())  # 'WHO', and 'LeT' (never the word 'Let')
        for person in data.get("persons", []):
            group = by_name.get(person["actor"]) or _lookup(entries, person["actor"])
            if group is None:
                continue
            value = (group["name"], group["inter"], group.get("iso", ""), False, group.get("code", ""))
            for alias in [person["name"], *person.get("aliases", [])]:
                entries[alias.lower()] = value
    variants = sorted(entries, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in variants) + r")(?!\w|-(?!" + _HELD + r"\b))",
                         re.I)
    nations = _nations()
    group_words = frozenset(word for variant, (_, inter, _iso, generic, _code) in entries.items()
                            if not generic and inter in ARMED for word in re.findall(r"[\w'’-]+", variant))
    return Lexicon(pattern, frozenset(acronyms), entries, _state_pattern(nations), nations, _adjectives(),
                   group_words)


def _lookup(entries: dict[str, tuple[str, str, str, bool, str]], name: str) -> dict[str, str] | None:
    hit = entries.get(name.lower())
    return {"name": hit[0], "inter": hit[1], "iso": hit[2], "code": hit[4]} if hit else None


def _nations() -> dict[str, str]:
    """Country names, capitals and demonyms -> ISO3, from the geo stage's tables."""
    out: dict[str, str] = {}
    try:
        from dateline.geo.countries import countries, demonyms

        for iso3, country in countries().items():
            out[country.name.lower()] = iso3
        out.update(demonyms())
    except Exception:  # geo tables unavailable: the variants below still work
        pass
    out.update({k.lower(): v for k, v in COUNTRY_VARIANTS.items()})
    return out


def _adjectives() -> frozenset[str]:
    try:
        from dateline.geo.countries import demonyms

        return frozenset(demonyms())
    except Exception:
        return frozenset()


def _state_pattern(nations: dict[str, str]) -> re.Pattern[str]:
    """``<nation>('s)? [up to 3 modifiers] <state noun>`` or a bare nation name."""
    names = sorted((n for n in nations if len(n) > 1), key=len, reverse=True)
    nation = "|".join(re.escape(n) for n in names)
    nouns = sorted(MILITARY_NOUNS | POLICE_NOUNS | POLITICAL_NOUNS | {"government", "authorities",
                                                     "regime", "administration",
                                                     "president", "prime minister", "leader"},
                   key=len, reverse=True)
    noun = "|".join(re.escape(n) for n in nouns)
    return re.compile(
        rf"(?<![\w-])(?P<nation>{nation})(?:'s|’s)?(?![\w])"
        rf"(?:(?P<mods>(?:[\s-]+[\w-]+){{0,3}}?)\s+(?P<noun>{noun})(?!\w))?"
        rf"|(?<![\w-])(?P<bare>government forces|security forces|government troops|state forces"
        rf"|the army|the military|the police|police officers?|police|soldiers|troops|policeman|the government|government"
        rf"|policemen|riot police|warplanes|jets|(?:military|army|air force) (?:aircraft|planes|helicopters|drones)"
        rf"|(?:military|army) (?:vehicles?|convoys?|patrols?|trucks?|posts?|checkpoints?|bases?|camps?|outposts?)"
        rf"|police (?:vehicles?|vans?|patrols?|posts?|checkpoints?|stations?|cars?|trucks?)"
        rf"|helicopter gunships|(?<!-led )coalition (?:[\w-]+ )?(?:warplanes|jets|aircraft|planes|air ?strikes?|strikes?|raids?|forces|troops))(?!\w)",
        re.I,
    )


def find(text: str, start: int = 0, end: int | None = None, *, default_iso: str = "",
         lexicon: Lexicon | None = None) -> list[Actor]:
    """Every actor mentioned in ``text[start:end]``, in text order, overlaps resolved."""
    lex = lexicon or load()
    end = len(text) if end is None else end
    window = text[start:end]
    found = [a for m in lex.pattern.finditer(window) if (a := _named(m, lex, start))]
    found += [a for a in _defined_groups_in(text, start, end, lex) + _separatists_in(text, start, end, lex)
              if not any(_overlap(a, n) for n in found)]
    militias = _named_militias(window, start, lex)  # 'ZANU-PF militiamen': the name beats bare 'militiamen'
    found = [n for n in found if not (n.generic and any(_overlap(m, n) for m in militias))]
    found += [m for m in militias if not any(_overlap(m, n) for n in found)]
    states = _bare_troops_of_the_army_named(
        [(a, bool(m.group("bare"))) for m in lex.state_pattern.finditer(window)
         if (a := _state(m, lex, start, default_iso))], default_iso)
    # a group's own name beats a state reading around it: the 'Arab-Kurdish Syrian Democratic
    # Forces' are the SDF, not Syria's military
    states = _nations_joined(states, window, start, lex)
    found += [a for a in states if not any(a.start <= n.start and n.end <= a.end for n in found)]
    return _named_with_their_noun(_abbreviations_named(_government_of(_resolve_overlaps(found), text), text),
                                  window, start)


def _overlap(a: Actor, b: Actor) -> bool:
    return a.start < b.end and b.start < a.end


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether ``at`` is a sentence's first word, capitalised anyway ('Armed separatists')."""
    return at == 0 or text[:at].rstrip().endswith(".")


def _government_of(actors: list[Actor], text: str) -> list[Actor]:
    """'Government of Syria forces', 'the government of Mali': a bare 'government' followed
    by 'of' and a nation's actor is that actor, one mention, not a government of no country."""
    out: list[Actor] = []
    for actor in actors:
        before = out[-1] if out else None
        if (before is not None and text[before.start:before.end].lower().removeprefix("the ") == "government"
                and actor.iso and actor.inter == "State forces"
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[before.end:actor.start])):
            out[-1] = Actor(actor.name, actor.inter, actor.iso, before.start, actor.end, False, actor.code)
            continue
        out.append(actor)
    return out


#: 'the Front for the Liberation of the Hills (FLH)': a capitalised name and its short form in brackets
_DEFINED = re.compile(r"(?<![\w-])((?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|of|the|for|and|in|de|du|des|la|le))*?"
                      r"\s+[A-Z][\w'’-]*)\s+\(([A-Z][A-Za-z0-9-]{1,9})\)")
_HEAD = rules.Live("events.roles", "defined_group_head")
_MEMBERS_OF = frozenset({"fighters", "members", "militants", "gunmen", "rebels", "leaders", "commanders", "elements",
                         "supporters", "units", "troops"})
_NOT_A_GROUP = rules.Live("events.roles", "defined_group_not")


#: 'ZANU-PF militia', 'Nasir Militia': a capitalised name before 'militia' is the militia's
_NAMED_MILITIA = re.compile(r"(?<![\w-])((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\s+(?:militia|militias|militiamen)\b")


def _named_militias(window: str, offset: int, lex: Lexicon) -> list[Actor]:
    """Militias named by the party, place or leader they serve ('ZANU-PF militia'): ACLED's
    '<Name> Militia', a political militia; not a nation's ('Afghan militias'), not a name
    the dictionary knows, not a sentence's first word."""
    out = []
    for m in _NAMED_MILITIA.finditer(window):
        words = m.group(1).split()
        if _opens_a_sentence(window, m.start()) or _title_case_line(window, m.start()):
            continue
        if any(_only_describes(w, lex) or w.lower() in lex.entries or w in ("The", "A", "An") for w in words):
            continue  # 'Iran-backed militias': whose they are, not their name
        if re.match(r"\s+[A-Z]", window[m.end():]):
            continue  # 'the Dogon militia Dan Na Ambassagou': its name follows
        out.append(Actor(f"{m.group(1)} Militia", "Political militia", "", offset + m.start(), offset + m.end(), False, ""))
    return out


#: 'South Ossetian separatists': the capitalised words of a people or region before 'separatists'
_NAMED_SEPARATISTS = re.compile(r"(?<![\w-])((?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*)\s+separatists\b")
#: the article's bare 'separatists', once it has named them
_BARE_SEPARATISTS = re.compile(r"(?<![\w'’-])[Ss]eparatists\b")


def _separatists_in(text: str, start: int, end: int, lex: Lexicon) -> list[Actor]:
    """'South Ossetian separatists' are ACLED's rebel group 'South Ossetian Separatists',
    of the country whose people or region names them; so are the article's bare
    'separatists' when it names one such group only."""
    named = _once_per_article(_read_separatists, text, lex)
    out = [Actor(name, "Rebel group", iso, m.start(), m.end(), False, "") for name, iso, m in named
           if start <= m.start() and m.end() <= end]
    if len({name for name, _, _ in named}) == 1:
        name, iso, _ = named[0]
        out += [Actor(name, "Rebel group", iso, m.start(), m.end(), False, "")
                for m in _BARE_SEPARATISTS.finditer(text, start, end)
                if not any(a.start <= m.start() < a.end for a in out)]
    return sorted(out, key=lambda a: a.start)


def _read_separatists(text: str, lex: Lexicon) -> tuple[tuple[str, str, re.Match[str]], ...]:
    found = []
    for m in _NAMED_SEPARATISTS.finditer(text):
        words = m.group(1).split()
        if _title_case_line(text, m.start()) or (_opens_a_sentence(text, m.start())
                                                 and m.group(1).lower() not in lex.nations):
            continue  # a sentence's first word ('Armed separatists') is capitalised anyway
        if any(w in ("The", "A", "An") or _NOT_IN_A_NAME.match(w) or w.endswith(("'s", "’s")) for w in words):
            continue
        name = " ".join(words)
        if f"{name} separatists".lower() in lex.entries:
            continue  # the dictionary's own ('Ambazonian separatists')
        found.append((f"{name} Separatists", lex.nations.get(name.lower(), ""), m))
    return tuple(found)


def _defined_groups_in(text: str, start: int, end: int, lex: Lexicon) -> list[Actor]:
    """Mentions in ``text[start:end]`` of armed groups the article defines with a short form
    in brackets and the dictionary lacks: by name or by short form."""
    out = []
    for name, short in _defined_groups(text, lex):
        for m in re.finditer(rf"(?<![\w-])(?:{re.escape(name)}|{re.escape(short)})(?![\w-])", text[start:end]):
            out.append(Actor(short, "Rebel group", "", start + m.start(), start + m.end(), False, ""))
    return sorted(out, key=lambda a: a.start)


_ARTICLE_MEMO: dict[tuple[Any, int, str], Any] = {}


def _once_per_article(read: Callable[[str, Lexicon], Any], text: str, lex: Lexicon) -> Any:
    """``read(text, lex)``, kept for the last article: every sentence of an article asks again."""
    key = (read, id(lex), text)
    if key not in _ARTICLE_MEMO:
        for old in [k for k in _ARTICLE_MEMO if k[0] is read]:
            del _ARTICLE_MEMO[old]
        _ARTICLE_MEMO[key] = read(text, lex)
    return _ARTICLE_MEMO[key]


def _defined_groups(text: str, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """(name, short form) of each armed group the text defines."""
    return _once_per_article(_read_defined_groups, text, lex)


def _read_defined_groups(text: str, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    found = []
    for m in _DEFINED.finditer(text):
        words = m.group(1).split()
        while words and (words[0] in ("The", "the") or (len(words) > 2 and words[1] in ("of", "from")
                                                         and words[0].lower() in _MEMBERS_OF)):
            words = words[2:] if words[0] not in ("The", "the") else words[1:]  # 'Fighters of the X'
        name, short = " ".join(words), m.group(2)
        if (len(words) < 2 or name.lower() in lex.entries or short.lower() in lex.entries
                or not (_HEAD.match(words[0]) or _HEAD.match(words[-1]))
                or any(_NOT_A_GROUP.match(w) or _only_describes(w, lex) for w in words)):
            continue
        found.append((name, short))
    return tuple(found)


#: 'Kyrgyz and Tajik (border guards)': two nations' words joined before one noun
_JOINED_NATION = re.compile(r"([A-Z][\w'’-]+)\s+and\s+([A-Z][\w'’-]+)")


def _nations_joined(states: list[Actor], window: str, offset: int, lex: Lexicon) -> list[Actor]:
    """'Kyrgyz and Tajik border guards', 'Indian and Pakistani troops': two nations joined by
    'and' before one state noun are two forces of that kind, each named by its own word."""
    out: list[Actor] = []
    for actor in states:
        out.append(actor)
        if not actor.iso or actor.generic or not actor.name.startswith(("Military Forces", "Police Forces")):
            continue
        for hit in _JOINED_NATION.finditer(window, max(0, actor.start - offset), actor.end - offset):
            first, second = (lex.nations.get(w.lower()) for w in hit.groups())
            said = hit.group(1)
            if not (first and second and first != second and (said.lower() in lex.adjectives or said.isupper())) \
                    or second != actor.iso:
                continue
            kind = "police" if actor.name.startswith("Police") else "military"
            out[-1] = Actor(actor.name, actor.inter, actor.iso, offset + hit.start(2), actor.end, actor.generic, actor.code)
            out.insert(len(out) - 1, _state_actor(kind, first, offset + hit.start(1), offset + hit.end(1)))
            break
    return out


def _bare_troops_of_the_army_named(states: list[tuple[Actor, bool]], default_iso: str) -> list[Actor]:
    """'The Turkish army said soldiers were fired on near the post': bare 'soldiers' are
    the forces of the one nation whose military the words name, not the forces of the
    country the place lies in. (actor, said bare) pairs in; actors out."""
    named = {a.iso for a, bare in states if not bare and a.iso and a.name.startswith("Military Forces of")}
    if len(named) != 1 or default_iso in named:
        return [a for a, _ in states]
    iso = named.pop()
    return [_state_actor("military", iso, a.start, a.end) if bare and a.name.startswith("Military Forces") else a
            for a, bare in states]


def _abbreviations_named(actors: list[Actor], text: str) -> list[Actor]:
    """'the Somali National Army (SNA)': the letters in brackets abbreviate the name before
    them, whatever else they abbreviate (the Syrian National Army): they are that actor."""
    out: list[Actor] = []
    for actor in actors:
        named = out[-1] if out else None
        if named is not None and text[named.end:actor.start].strip() == "(" and text[actor.end:actor.end + 1] == ")":
            actor = Actor(named.name, named.inter, named.iso, actor.start, actor.end, named.generic, named.code)
        out.append(actor)
    return out


#: the actor types of non-state armed groups
ARMED = frozenset({"Rebel group", "Political militia", "Identity militia"})


def _named_with_their_noun(actors: list[Actor], window: str, offset: int) -> list[Actor]:
    """'M23 rebels', 'al-Shabaab militants', 'Taliban fighters', 'militants from the Pakistani
    Taliban': a generic noun joined to a group's name is that group, one mention, not an
    unidentified second actor."""
    out: list[Actor] = []
    for actor in actors:
        before = out[-1] if out else None
        if before is not None and {before.inter, actor.inter} <= ARMED:
            gap = window[before.end - offset:actor.start - offset]
            if actor.generic and not before.generic and not gap.strip():
                out[-1] = Actor(before.name, before.inter, before.iso, before.start, actor.end, False, before.code)
                continue
            if before.generic and not actor.generic and _FROM_GROUP.fullmatch(gap):
                # 'militants from the Pakistani Taliban', 'fighters of a People's Defense Force unit'
                out[-1] = Actor(actor.name, actor.inter, actor.iso, before.start, actor.end, False, actor.code)
                continue
        out.append(actor)
    return out


_FROM_GROUP = re.compile(r"\s+(?:from|of|belonging to|loyal to|linked to)\s+(?:the\s+|a\s+|an\s+)?", re.I)


#: 'Houthi-controlled positions', 'Taliban-held districts': the group holds them (its name still counts)
_HELD = r"(?:controlled|held)"
#: capitalised words right before a known name that make it part of a longer one ('West Papua
#: National Liberation Army' is not Colombia's National Liberation Army)
_LONGER_NAME = re.compile(r"((?:(?:[A-Z][\w'’-]*|of|the|for|and)\s+)*?[A-Z][\w'’-]*)\s+$")


def _named(match: re.Match[str], lex: Lexicon, offset: int) -> Actor | None:
    surface = match.group(0)
    if surface.lower() in lex.acronyms and not _capitals_of_short_form(surface):
        return None  # short forms only count in their capitals ("WHO", not "who"; "LeT", not "Let")
    name, inter, iso, generic, code = lex.entries[surface.lower()]
    start = match.start()
    if not generic and surface[:1].isupper() and " " in surface:  # 'Shwebo PDF' is a unit of the PDF
        longer = _longer_name(match.string, start, lex)
        if longer is not None:  # another group whose name ends in this one's
            name, iso, code, start = f"{match.string[longer:start]}{surface}", "", "", longer
    return Actor(name, inter, iso, offset + start, offset + match.end(), generic, code)


#: capitalised words that are no part of a group's name: days, months, sentence openers
_NOT_IN_A_NAME = rules.Live("events.roles", "not_in_a_name")


#: 'Yemen-based', 'Kurdish-led', 'Iran-aligned', 'Arab-Kurdish': a word that describes the group, no part of its name
_DESCRIBED = re.compile(r"-[a-z]+(?:ed|based|run)$|^[A-Z][a-z]{3,}-[A-Z][a-z]{3,}$")  # 'Arab-Kurdish' too


def _only_describes(word: str, lex: Lexicon) -> bool:
    """A capitalised word that says whose or what a group is, no part of its name: a nation
    ('Nigerian', 'Syria'), an owner ('Colombia's'), a day or an opener, 'Iran-backed'."""
    return (word.lower() in lex.nations or word.lower() in lex.adjectives or word.endswith(("'s", "’s", "s'"))
            or (word[:1].isupper() and _NOT_IN_A_NAME.match(word) is not None) or _DESCRIBED.search(word) is not None)


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is a headline in title case ('Troops Repel Boko Haram
    Attack'), where every word is capitalised anyway."""
    words = text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1].split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _longer_name(text: str, start: int, lex: Lexicon) -> int | None:
    """Where a longer proper name begins that ends in the known name at ``start``: capitalised
    words (not a sentence's first word alone, not 'The') joined to it by a space. An owner
    ('Colombia's') or a nation's word ('Nigerian Boko Haram') only says whose group it is."""
    hit = _LONGER_NAME.search(text, max(0, start - 60), start)
    if hit is None:
        return None
    words = hit.group(1).split()
    while words and words[0] in ("The", "of", "the", "for", "and"):
        words = words[1:]
    if not words or words[0][:1].islower() or any(_only_describes(w, lex) for w in words) \
            or _title_case_line(text, start):
        return None
    first = start - len(hit.group(0)) + hit.group(0).find(words[0], hit.group(0).find(hit.group(1)))
    before = text[max(0, first - 2):first]
    if first == 0 or before.endswith((". ", "\n")) or not before.strip(" ") and first < 2:
        return None  # a sentence's first word is capitalised anyway
    return first


def _people_of(nation: str, lex: Lexicon) -> bool:
    """'Palestinians', 'Afghans': a plural people noun, which (unlike 'Afghan') modifies nothing."""
    word = nation.lower()
    return word.endswith("s") and word[:-1] in lex.adjectives


def _capitals_of_short_form(surface: str) -> bool:
    """'WHO', 'U.N.', 'LeT': a short form has a capital past its first letter."""
    short = surface.replace(".", "")
    return short.isupper() or any(c.isupper() for c in short[1:])


def _state(match: re.Match[str], lex: Lexicon, offset: int, default_iso: str) -> Actor | None:
    if match.group("bare"):
        last = match.group("bare").split()[-1]
        if last.istitle() and _TITLE_AFTER.match(match.string, match.end()):
            return None  # 'the Military Herald', 'Police Federation': a name, not the force
        iso = default_iso
        noun = match.group("bare").lower().removeprefix("the ")
        if noun.split()[0] in ("military", "army", "police") and len(noun.split()) == 2 and noun not in MILITARY_NOUNS:
            noun = "police" if noun.startswith("police") else "military"  # 'a military convoy': its forces'
        if noun.startswith("coalition "):  # foreign forces whose lead nation an earlier 'X-led coalition' names
            return _state_actor("military", "", offset + match.start(), offset + match.end(), generic=True)
        return _state_actor(noun, iso, offset + match.start(), offset + match.end(), generic=True)
    nation = match.group("nation")
    if nation.islower() or (len(nation) <= 3 and not nation.isupper()):
        return None  # "chad", "us": common words, not countries
    noun = (match.group("noun") or "").lower()
    if noun and (match.group("mods") or "").strip() and _people_of(nation, lex):
        return None  # 'Palestinians threw stones at soldiers': a people, then what they did
    if noun in POLITICAL_NOUNS:
        return None  # "said Afghan officials": speakers, not fighters
    if noun == "coalition" and not (match.group("mods") or "").strip().lower().endswith("-led"):
        return None  # a 'Saudi-led coalition' fights; an 'Iraqi coalition' may be a cabinet
    if not noun and nation.lower() in lex.adjectives:
        if _STRIKE_AFTER.match(match.string, match.end()):  # "an Israeli air strike": its forces
            return _state_actor("military", lex.nations[nation.lower()], offset + match.start(), offset + match.end())
        return None  # "Afghan" alone is no actor
    if not noun and (_LOCATIVE.search(match.string, max(0, match.start() - 20), match.start())
                     or _in_an_address(match.string, match.start(), lex)):
        return None  # "in Afghanistan", "Christchurch District Court, New Zealand": a place, not the state acting
    if not noun and wire.in_dateline(match.string, match.start()):
        return None  # "MOGADISHU, March 12 (Wire) -", "MORELIA, Mexico -": where the story was filed
    mods = match.group("mods") or ""
    iso = lex.nations[nation.lower()]
    # the adjective nearest the noun decides: "American-trained Afghan units" -> Afghan
    for word in reversed(re.findall(r"[A-Z][\w']+", mods)):
        if word.lower() in lex.nations and not word.lower().endswith("-trained"):
            iso = lex.nations[word.lower()]
            break
    return _state_actor(noun, iso, offset + match.start(), offset + match.end())


#: the capitalised words before a comma: a place a country may follow in an address
_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*),\s*$")


def _in_an_address(text: str, start: int, lex: Lexicon) -> bool:
    """'Christchurch District Court, New Zealand': a country after a place and a comma says
    where the place is; after another country ('Russia, China and Iran') it is one of a list."""
    before = _BEFORE_COMMA.search(text, max(0, start - 60), start)
    if before is None:
        return False
    words = before.group(1)
    return words.lower() not in lex.nations and words.split()[-1].lower() not in lex.nations


#: a weapon or strike after a nation's adjective: the state's forces struck ('an Israeli air strike')
_STRIKE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:air ?strikes?|drone strikes?|shelling|bombardments?|missiles?|"
                           r"rockets?|artillery|raids?|warplanes?|war planes|fighter jets?|drones?|attacks?|"
                           r"assaults?|offensives?|air defen[cs]es?)\b", re.I)
#: a capitalised word after a capitalised 'Military' or 'Police' that makes it part of a name
#: ('the Military Herald'); ranks and titles ('Police Chief', 'Army General') keep the force
_TITLE_AFTER = re.compile(r"[ \t]+(?!(?:Chief|Commissioner|General|Colonel|Major|Captain|Lieutenant|Sergeant|"
                          r"Officers?|Spokes\w+|Commanders?|Inspector|Superintendent|Constables?|Forces?|Units?)\b)[A-Z][a-z]+")


def _state_actor(noun: str, iso: str, start: int, end: int, generic: bool = False) -> Actor:
    country = _country_name(iso) if iso else ""
    if noun in POLICE_NOUNS or noun == "riot police":
        kind = "Police Forces"
    elif noun in MILITARY_NOUNS or noun in {"army", "military"} or noun.rpartition(" ")[2] in _AIRCRAFT:
        kind = "Military Forces"
    else:
        kind = "Government"
    name = f"{kind} of {country}" if country else kind
    return Actor(name, "State forces", iso, start, end, generic and not country)


#: 'military aircraft', 'army helicopters', 'helicopter gunships': the forces that fly them
_AIRCRAFT = frozenset({"aircraft", "planes", "helicopters", "drones", "gunships"})


def _country_name(iso: str) -> str:
    try:
        from dateline.geo import country_name

        return country_name(iso) or iso
    except Exception:
        return iso


def _resolve_overlaps(actors: list[Actor]) -> list[Actor]:
    """Keep the longest mention where two overlap ("Afghan Taliban" beats "Afghan")."""
    actors.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[Actor] = []
    for actor in actors:
        if kept and actor.start < kept[-1].end:
            if (actor.end - actor.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = actor
            continue
        kept.append(actor)
    return kept


def inter_rank(inter: str) -> int:
    return INTER_ORDER.index(inter) if inter in INTER_ORDER else len(INTER_ORDER)


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction label: 'State forces-Rebel group', or 'Rebel group only'."""
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1} only"
    first, second = sorted((inter1, inter2), key=inter_rank)
    return f"{first}-{second}"
