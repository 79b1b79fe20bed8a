"""Demo and benchmark data for the API: realistic articles with hand-coded extractions.

Why here and not in tests: the API tests, the browser test and ``bench/api.py`` all
need a database with events, sources, claims and disputes whose evidence spans point
at real characters, without loading spaCy. Each span is found in the text, so an
offset can never drift from the words it cites.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from dateline.records import Article, Claim, Document, Event, Span
from dateline.store import Store

LASHKARGAH = (
    "Taliban fighters stormed Lashkargah, the capital of Helmand province, on Tuesday, "
    "clashing with Afghan security forces in several districts of the city, officials said. "
    "US aircraft carried out air strikes on Taliban positions in Lashkargah overnight. "
    "In Kabul, gunmen attacked the home of the acting defence minister on Tuesday night; "
    "the fight lasted four hours and at least 8 people were killed. The Taliban claimed "
    "responsibility for the attack. "
    "Under a deal signed in Doha last year, Kabul released 5,000 Taliban prisoners and the "
    "group freed 1,000 captives. "
    "\"These freed Taliban are playing a very critical role in Helmand,\" said Fawad Aman, "
    "a spokesman for the Ministry of Defence. "
    "The Taliban claimed they now control 85% of Afghanistan's territory. "
    "The government in Kabul rejected the claim as \"baseless propaganda\"."
)
LASHKARGAH_FOLLOWUP = (
    "Fighting continued in Lashkargah on Tuesday as the Taliban pushed into the city centre. "
    "Afghan army commandos were sent to Helmand to hold the provincial capital, "
    "a local official told reporters."
)
MOPTI = (
    "Suspected jihadists attacked a military camp near Mopti in central Mali on Sunday, "
    "killing 4 soldiers, the army said. "
    "A spokesman for the Malian army, Souleymane Dembele, said: \"The attackers were repelled "
    "and reinforcements have been sent.\""
)
KHARTOUM = (
    "Thousands of protesters marched in Khartoum on Thursday demanding civilian rule. "
    "Police fired tear gas at the crowd near the presidential palace."
)


@dataclass
class Coding:
    """One hand-coded event: ACLED fields plus the phrases that support each one."""

    fields: dict[str, Any]
    evidence: dict[str, str] = field(default_factory=dict)  # field -> phrase in the text


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def _event(doc: Document, n: int, coding: Coding) -> Event:
    event = Event(**coding.fields)
    event.event_id_cnty = f"{event.iso or 'XXX'}-{doc.doc_id[:8]}-{n}"
    event.year = int(event.event_date[:4]) if event.event_date else None
    event.doc_id = doc.doc_id
    event.evidence = {name: [_span(doc.text, phrase)] for name, phrase in coding.evidence.items()}
    return event


def _claim(doc: Document, n: int, fields: dict[str, Any], evidence: dict[str, str]) -> Claim:
    claim = Claim(**fields, claim_id=f"{doc.doc_id[:8]}-c{n}", doc_id=doc.doc_id)
    claim.evidence = {name: [_span(doc.text, phrase)] for name, phrase in evidence.items()}
    return claim


AFG = {"iso": "AFG", "country": "Afghanistan", "region": "Caspian"}
HELMAND = {**AFG, "admin1": "Helmand", "location": "Lashkar Gah", "latitude": 31.5938,
           "longitude": 64.3716, "geonameid": 1147290, "geo_precision": 1}
KABUL = {**AFG, "admin1": "Kabul", "location": "Kabul", "latitude": 34.5281, "longitude": 69.1723,
         "geonameid": 1138958, "geo_precision": 1}


def articles() -> list[Article]:
    """Four articles in three countries, August to September 2021."""
    return [_lashkargah(), _followup(), _mopti(), _khartoum()]


def _lashkargah() -> Article:
    doc = Document(text=LASHKARGAH, title="Taliban commander leading Lashkargah assault was freed prisoner",
                   url="https://example.org/2021/08/lashkargah", source="Example Wire",
                   published="2021-08-04", published_precision=1)
    clash = Coding({**HELMAND, "event_date": "2021-08-03", "time_precision": 1, "disorder_type": "Political violence",
                    "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Taliban",
                    "inter1": "Rebel group", "actor2": "Military Forces of Afghanistan (2004-2021)",
                    "inter2": "State forces", "plover_type": "ASSAULT", "modality": "asserted",
                    "notes": "Taliban fighters stormed Lashkargah and clashed with Afghan security forces.",
                    "confidence": 0.9},
                   {"event_type": "clashing", "actor1": "Taliban fighters", "actor2": "Afghan security forces",
                    "location": "Lashkargah", "admin1": "Helmand province", "event_date": "on Tuesday"})
    strike = Coding({**HELMAND, "event_date": "2021-08-03", "time_precision": 1, "disorder_type": "Political violence",
                     "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                     "actor1": "Military Forces of the United States", "inter1": "External/Other forces",
                     "actor2": "Taliban", "inter2": "Rebel group", "plover_type": "ASSAULT", "modality": "asserted",
                     "notes": "US aircraft struck Taliban positions in Lashkargah overnight.", "confidence": 0.85},
                    {"sub_event_type": "air strikes", "actor1": "US aircraft", "actor2": "Taliban positions",
                     "location": "in Lashkargah overnight", "event_date": "overnight"})
    kabul = Coding({**KABUL, "event_date": "2021-08-03", "time_precision": 1, "disorder_type": "Political violence",
                    "event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb",
                    "actor1": "Taliban", "inter1": "Rebel group", "plover_type": "ASSAULT", "modality": "claimed",
                    "fatalities": 8, "notes": "Gunmen attacked the acting defence minister's home; four-hour fight.",
                    "quantities": [{"kind": "killed", "value": 8}], "confidence": 0.8},
                   {"event_type": "attacked", "location": "Kabul", "event_date": "Tuesday night",
                    "fatalities": "8 people were killed", "actor1": "The Taliban claimed responsibility"})
    deal = Coding({**AFG, "admin1": "", "location": "Doha", "iso": "QAT", "country": "Qatar", "region": "Middle East",
                   "latitude": 25.2854, "longitude": 51.531, "geonameid": 290030, "geo_precision": 1,
                   "event_date": "2020-02-29", "time_precision": 3, "disorder_type": "Strategic developments",
                   "event_type": "Strategic developments", "sub_event_type": "Agreement",
                   "actor1": "Government of Afghanistan", "inter1": "State forces", "actor2": "Taliban",
                   "inter2": "Rebel group", "plover_type": "AGREE", "modality": "historical",
                   "quantities": [{"kind": "released", "value": 5000}, {"kind": "released", "value": 1000}],
                   "notes": "Prisoner exchange deal: 5,000 Taliban prisoners for 1,000 captives.", "confidence": 0.8},
                  {"sub_event_type": "deal signed", "location": "Doha", "event_date": "last year",
                   "quantities": "5,000 Taliban prisoners"})
    events = [_event(doc, i, c) for i, c in enumerate([clash, strike, kabul, deal])]
    claims = [
        _claim(doc, 0, {"speaker": "Fawad Aman", "speaker_role": "spokesman for the Ministry of Defence",
                        "quote": "These freed Taliban are playing a very critical role in Helmand.",
                        "kind": "direct", "cue": "said", "stance": "assert", "confidence": 0.9},
               {"quote": "These freed Taliban are playing a very critical role in Helmand,",
                "speaker": "Fawad Aman", "speaker_role": "a spokesman for the Ministry of Defence"}),
        _claim(doc, 1, {"speaker": "Taliban", "quote": "they now control 85% of Afghanistan's territory",
                        "kind": "reported", "cue": "claimed", "stance": "claim", "confidence": 0.8,
                        "disputed_by": [f"{doc.doc_id[:8]}-c2"]},
               {"quote": "they now control 85% of Afghanistan's territory", "speaker": "The Taliban claimed they"}),
        _claim(doc, 2, {"speaker": "Government of Afghanistan", "quote": "baseless propaganda", "kind": "direct",
                        "cue": "rejected", "stance": "reject", "confidence": 0.8},
               {"quote": "baseless propaganda", "speaker": "The government in Kabul", "stance": "rejected the claim"}),
    ]
    return Article(document=doc, events=events, claims=claims)


def _followup() -> Article:
    doc = Document(text=LASHKARGAH_FOLLOWUP, title="Fighting continues in Lashkargah",
                   url="https://example.org/2021/08/lashkargah-2", source="Example Post",
                   published="2021-08-04", published_precision=1)
    clash = Coding({**HELMAND, "event_date": "2021-08-03", "time_precision": 1, "disorder_type": "Political violence",
                    "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Taliban",
                    "inter1": "Rebel group", "actor2": "Military Forces of Afghanistan (2004-2021)",
                    "inter2": "State forces", "plover_type": "ASSAULT", "modality": "asserted", "confidence": 0.8},
                   {"event_type": "Fighting", "location": "Lashkargah", "event_date": "on Tuesday",
                    "actor1": "the Taliban", "actor2": "Afghan army commandos"})
    return Article(document=doc, events=[_event(doc, 0, clash)])


def _mopti() -> Article:
    doc = Document(text=MOPTI, title="Jihadists attack army camp in central Mali", url="https://example.org/mali",
                   source="Example Wire", published="2021-09-13", published_precision=1)
    attack = Coding({"iso": "MLI", "country": "Mali", "region": "Western Africa", "admin1": "Mopti",
                     "location": "Mopti", "latitude": 14.4843, "longitude": -4.1827, "geonameid": 2453348,
                     "geo_precision": 2, "event_date": "2021-09-12", "time_precision": 1,
                     "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
                     "actor1": "Unidentified Armed Group (Mali)", "inter1": "Political militia",
                     "actor2": "Military Forces of Mali (2021-)", "inter2": "State forces", "fatalities": 4,
                     "plover_type": "ASSAULT", "modality": "asserted", "confidence": 0.75,
                     "quantities": [{"kind": "killed", "value": 4}]},
                    {"event_type": "attacked a military camp", "location": "near Mopti", "admin1": "central Mali",
                     "event_date": "on Sunday", "fatalities": "killing 4 soldiers", "actor1": "Suspected jihadists"})
    claim = _claim(doc, 0, {"speaker": "Souleymane Dembele", "speaker_role": "spokesman for the Malian army",
                            "quote": "The attackers were repelled and reinforcements have been sent.",
                            "kind": "direct", "cue": "said", "stance": "assert", "confidence": 0.9},
                   {"quote": "The attackers were repelled and reinforcements have been sent.",
                    "speaker": "Souleymane Dembele"})
    return Article(document=doc, events=[_event(doc, 0, attack)], claims=[claim])


def _khartoum() -> Article:
    doc = Document(text=KHARTOUM, title="Protesters march in Khartoum", url="https://example.org/sudan",
                   source="Example Daily", published="2021-09-30", published_precision=1)
    protest = Coding({"iso": "SDN", "country": "Sudan", "region": "Northern Africa", "admin1": "Khartoum",
                      "location": "Khartoum", "latitude": 15.5518, "longitude": 32.5324, "geonameid": 379252,
                      "geo_precision": 1, "event_date": "2021-09-30", "time_precision": 1,
                      "disorder_type": "Demonstrations", "event_type": "Protests",
                      "sub_event_type": "Protest with intervention", "actor1": "Protesters (Sudan)",
                      "inter1": "Protesters", "actor2": "Police Forces of Sudan", "inter2": "State forces",
                      "plover_type": "PROTEST", "modality": "asserted", "confidence": 0.85},
                     {"event_type": "protesters marched", "location": "Khartoum", "event_date": "on Thursday",
                      "actor2": "Police fired tear gas"})
    return Article(document=doc, events=[_event(doc, 0, protest)])


def fill(store: Store) -> int:
    """Store the demo articles; the number newly stored."""
    return sum(store.add(article) for article in articles())


# -- benchmark data -----------------------------------------------------------------
_PLACES = [
    ("AFG", "Afghanistan", "Helmand", "Lashkar Gah", 31.59, 64.37), ("AFG", "Afghanistan", "Kabul", "Kabul", 34.53, 69.17),
    ("AFG", "Afghanistan", "Herat", "Herat", 34.35, 62.20), ("MLI", "Mali", "Mopti", "Mopti", 14.48, -4.18),
    ("SDN", "Sudan", "Khartoum", "Khartoum", 15.55, 32.53), ("UKR", "Ukraine", "Donetsk", "Donetsk", 48.02, 37.80),
    ("SYR", "Syria", "Idlib", "Idlib", 35.93, 36.63), ("NGA", "Nigeria", "Borno", "Maiduguri", 11.85, 13.16),
    ("YEM", "Yemen", "Marib", "Marib", 15.46, 45.33), ("SOM", "Somalia", "Banadir", "Mogadishu", 2.04, 45.34),
]
_TYPES = [
    ("Battles", "Armed clash", "ASSAULT"), ("Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
    ("Violence against civilians", "Attack", "ASSAULT"), ("Protests", "Peaceful protest", "PROTEST"),
    ("Strategic developments", "Agreement", "AGREE"), ("Riots", "Violent demonstration", "PROTEST"),
]
_ACTORS = ["Taliban", "Military Forces of Afghanistan (2004-2021)", "JNIM: Group for Support of Islam and Muslims",
           "Rapid Support Forces", "Military Forces of Russia (2000-)", "Hayat Tahrir al-Sham", "Boko Haram",
           "Houthi Movement", "Al Shabaab", "Protesters"]


def synthetic(n: int, seed: int = 7, per_article: int = 10) -> list[Article]:
    """``n`` varied events over 2019-2021 in ten countries, ``per_article`` to an article (bench data)."""
    rng = random.Random(seed)
    out = []
    for a in range(0, n, per_article):
        sentences, codings = [], []
        for i in range(min(per_article, n - a)):
            iso, country, admin1, place, lat, lon = rng.choice(_PLACES)
            etype, sub, plover = rng.choice(_TYPES)
            actor1, actor2 = rng.sample(_ACTORS, 2)
            day = f"{rng.randint(2019, 2021)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 12])
            sentences.append(f"On {day}, {actor1} and {actor2} were involved in an incident ({sub.lower()}) "
                             f"near {place}, {admin1}; {killed} people were killed (report {a + i}).")
            codings.append((i, Coding({"iso": iso, "country": country, "admin1": admin1, "location": place,
                                       "latitude": lat + rng.uniform(-0.3, 0.3), "longitude": lon + rng.uniform(-0.3, 0.3),
                                       "geo_precision": 1, "event_date": day, "time_precision": 1,
                                       "event_type": etype, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
                                       "plover_type": plover, "modality": "asserted", "fatalities": killed,
                                       "notes": sentences[-1], "confidence": 0.7},
                                      {"location": f"near {place}, {admin1}; {killed} people were killed (report {a + i})"})))
        doc = Document(text=" ".join(sentences), title=f"Conflict roundup {a // per_article}",
                       source="Synthetic Wire", published="2021-12-31", published_precision=1)
        out.append(Article(document=doc, events=[_event(doc, i, c) for i, c in codings]))
    return out
