"""Where an event happened: the place nearest its trigger in the sentence, else one of the
sentences before; never where someone spoke, a wire dateline or a capital standing for a
government."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right

from dateline import rules
from dateline.events import actors as actors_mod
from dateline.events import taxonomy
from dateline.geo.countries import acled_region
from dateline.geo.gazetteer import fold
from dateline.records import Article, Event, Place, Span, span_of
from dateline.text import wire

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


#: words the gazetteer knows as places but news uses as adjectives ("Western officials")
NOT_PLACES = frozenset({"western", "eastern", "northern", "southern", "central", "west", "east", "north", "south"})


LOCATED_IN = re.compile(
    r"\b(?:in|across|throughout|inside|outside)\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
    r"northwest|northeast|southwest|southeast|"
    r"northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"rural|remote)\s+(?:parts?\s+of\s+)?)?$", re.IGNORECASE)


class EventPlaces:
    """The places that can locate an event, checked once per article and indexed by offset,
    so locating each event costs the places of its own sentences, not of the article
    (placement stays linear in the number of events)."""

    def __init__(self, article: Article) -> None:
        text = article.document.text
        self.all = sorted(event_places(article), key=lambda p: p.span.start)
        #: where nobody only spoke, and no adjective taken for a place
        self.usable = [p for p in self.all if p.span.text.lower() not in NOT_PLACES and not speech_place(text, p)]
        self._starts = [p.span.start for p in self.usable]
        self.main_country = _main_country(self.usable)

    def between(self, start: int, end: int) -> list[Place]:
        """Usable places whose span starts in [start, end), in text order."""
        return self.usable[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def event_places(article: Article) -> list[Place]:
    """Places that can locate an event: not one inside an organisation's or a person's
    name ("CDC Atlanta", "Taco Bell Canada"), which is evidence of the place only, unless
    the name is a site named for its town ("the Kismayo Cathedral": rule ``events.place``)
    or the place follows a lowercase 'in' ("his Humvee in Baqubah")."""
    text = article.document.text
    names = sorted((e.start, e.end) for e in article.entities if e.label not in _PLACE_LABELS)
    starts = [a for a, _ in names]
    longest = 0
    reach = []  # the furthest end of any name starting at or before each one
    for _, b in names:
        longest = max(longest, b)
        reach.append(longest)

    def inside_name(place: Place) -> bool:
        i = bisect_right(starts, place.span.start) - 1
        # a name starting at or before the place that ends at or after it contains it
        return i >= 0 and reach[i] >= place.span.end

    return [p for p in article.places if (not inside_name(p) or named_site(text, p) or _after_in(text, p))
            and not _in_group_name(text, p) and not _BUILDING.match(text[p.span.end:p.span.end + 40])]


#: 'the Miraflores presidential palace': a building's own name (rule ``place.building_name``)
_BUILDING = rules.Live("events.place", "building_name")


def _in_group_name(text: str, place: Place) -> bool:
    """'the Gulf Clan', 'Fano militiamen': a named armed group of the actor dictionary names a
    group, not where it acted, whatever the model tagged inside it (only the words around the
    place are searched)."""
    if not set(re.findall(r"[\w'’-]+", place.span.text.lower())) & actors_mod.load().group_words:
        return False
    start, end = max(0, place.span.start - 40), min(len(text), place.span.end + 40)
    return any(a.start < place.span.end and place.span.start < a.end for a in actors_mod.armed_groups(text, start, end))


#: 'his Humvee in Baqubah', 'the road between Qamishli and Amuda': the model may tag a phrase
#: as one name, but a place after a lowercase 'in' or 'between' is where something is, not
#: part of a name
_IN_BEFORE = re.compile(r"\s(?:in|at|near|outside|between)\s+$")


def _after_in(text: str, place: Place) -> bool:
    return bool(_IN_BEFORE.search(text, max(0, place.span.start - 9), place.span.start))


_FACILITY = rules.Live("events.place", "facility")
_TAKEN_TO = rules.Live("events.place", "taken_to")
_REFERENCE = rules.Live("events.place", "reference_point")


def reference_point(text: str, place: Place) -> bool:
    """'a village 40 km south of X': X measures where the place is, it is not the place."""
    return bool(_REFERENCE.search(text[max(0, place.span.start - 60):place.span.start]))


def road_name(text: str, place: Place) -> bool:
    """'the Thika highway', 'the Kabul-Kandahar road': a road named for the town it leads to."""
    return _ROAD.match(text[place.span.end:place.span.end + 40]) is not None


_ROAD = rules.Live("events.place", "road_name")


#: 'a soldier from Iowa' (rule label ``from_home``)
_FROM_HOME = rules.Live("events.place", "from_home")


def hometown(text: str, place: Place) -> bool:
    """'A Dayton soldier', 'the Crafton man', 'a soldier from Iowa': where a person is from
    (rule ``geo.recognition`` label ``resident``, ``events.place`` label ``from_home``), not
    where anything happened to them."""
    last = place.span.start + place.span.text.rfind(" ") + 1
    return rules.regex("geo.recognition", "resident").match(text, last) is not None or \
        _FROM_HOME.search(text, max(0, place.span.start - 40), place.span.start) is not None


_GRIEVANCE = rules.Live("events.place", "grievance")
_SPEAKS = rules.Live("events.place", "speaks_or_signs")
_SPEAKER_SEAT = rules.Live("events.place", "speaker_seat")
#: 'a group allied with Bamako', 'rebels backed by Kigali': a capital standing for its government
_ALLY_OF = rules.Live("events.place", "capital_as_government")
#: 'police in Banbridge said': the speakers are of the place, which may be where it happened
_OF_PLACE = re.compile(r"\b(?:in|of|from|at|near|within)\s+(?:the\s+)?$", re.I)


def _seat_of_power(place: Place) -> bool:
    """A capital ('Washington signed', 'Moscow denied') or a landmark read as its town ('the
    Pentagon said'): names that stand for a government or an office when they speak."""
    said = fold(re.sub(r"^the\s+", "", place.span.text, flags=re.I))
    return place.feature == "P.PPLC" or (place.feature.startswith("P.") and said not in fold(place.name))


def grievance_place(text: str, trig: taxonomy.Trigger, place: Place) -> bool:
    """'marched in Imphal, demanding justice for the killings in Churachandpur': where the
    deed a crowd protests happened, told after the trigger, is not where the crowd was."""
    return place.span.start > trig.end and bool(_GRIEVANCE.search(text[trig.end:place.span.start]))


def named_site(text: str, place: Place) -> bool:
    """'the Kismayo Cathedral', 'Kabul International Airport': a site in the town it is named for."""
    return bool(_FACILITY.match(text[place.span.end:place.span.end + 40]))


def locate(text: str, places: EventPlaces, sentence: Span, trig: taxonomy.Trigger, index: int,
           sentences: list[Span]) -> Place | None:
    """The place in the trigger's sentence nearest the trigger (a town beats a country);
    else the last place of the two sentences before."""
    if _THIS_TOWN.search(sentence.text):  # 'DAVAO CITY - ... on a farm outside this city'
        filed = next((p for p in places.between(0, sentence.start + 1) if wire.filed_place(text, p.span.start)), None)
        if filed is not None:
            return filed
    inside = places.between(sentence.start, sentence.end)
    if trig.event_type in {"Protests", "Riots"}:
        inside = [p for p in inside if not grievance_place(text, trig, p)]
    local = [p for p in inside if not p.feature.startswith("A.PCL")]
    told = [p for p in local if not dateline_place(text, p)]
    # "NAIROBI, May 2 (Wire) - ... near Garissa": filed in Nairobi, happened in Garissa; the
    # dateline is the place only when the sentence names no other ("BEIRUT - ... a village in
    # south Lebanon": somewhere in Lebanon, not Beirut)
    named_elsewhere = any(not wire.in_dateline(text, p.span.start) for p in inside)
    local = told or ([] if named_elsewhere else local)
    # "in Y, 160 km south of X": X only says where Y lies, "the Thika highway" where the road
    # goes; "a Dayton soldier was killed in Kandahar": Dayton is his hometown
    local = [p for p in local if not reference_point(text, p) and not road_name(text, p)] or local
    local = [p for p in local if not hometown(text, p)]
    if local:
        return min(local, key=lambda p: (p.geo_precision, abs(p.span.start - trig.start)))
    located = [p for p in inside if LOCATED_IN.search(text, max(0, p.span.start - 40), p.span.start)]
    if located:  # "recaptured dozens of towns in central Somalia": the country, not the last town
        return min(located, key=lambda p: abs(p.span.start - trig.start))
    lo = sentences[max(0, index - 2)].start if sentences else sentence.start
    before = [p for p in places.between(lo, sentence.start) if not p.feature.startswith("A.PCL")]
    # the dateline's city only when the sentences before name no other place ("BAREILLY: a
    # curfew was clamped ... Trouble began when two communities clashed")
    before = [p for p in before if not dateline_place(text, p)] or before
    if before:  # the most precise, and of those the last: "a base near Afgooye in Lower Shabelle"
        return min(reversed(before), key=lambda p: p.geo_precision)
    if inside:
        return ([p for p in inside if not dateline_place(text, p)] or inside)[0]
    return places.main_country


#: 'in this city', 'a village of this capital town': the place the report was filed from
_THIS_TOWN = rules.Live("events.place", "this_town")

_SPEECH_IN = re.compile(r"\b(?:(?:reporters|journalists|press|media|statement|communiqu\w+|press conference|news conference|briefing|interview|speech|told \w+|said|says|spoke|speaking|addressing \w+|spokes\w+|officials?)\s+(?:\w+\s+){0,2}?|(?:based|headquartered)\s+)(?:in|from|at)\s+(?:the\s+)?$", re.I)
#: ('based' only right before its preposition: 'an intelligence-based operation in X' is in X)


_AS_ACTOR = re.compile(r"[\s-]*(?:-?based\s+)?(?:government|authorities|administration|regime|officials|leadership|cabinet|forces?|brigades?|corps|front|movement|party|division)\b", re.I)


def dateline_place(text: str, place: Place) -> bool:
    """The wire dateline ('MOGADISHU, March 12 (Wire) -'): where the story was filed."""
    return wire.filed_place(text, place.span.start)


#: 'according to the Pentagon', 'according to Kabul': a source named by its seat
_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)


def speech_place(text: str, place: Place) -> bool:
    """'told reporters in Mogadishu', 'according to the Pentagon', 'a statement in X', 'the
    Kabul government', 'the wounded were airlifted to X': where someone spoke, a capital
    standing for a government (also as a side's ally: 'a group allied with Bamako'), an office speaking from its town ('the headquarters in Abuja
    said'), or where victims were taken (rule ``place.taken_to``) is not where it happened."""
    start, end = place.span.start, place.span.end
    return bool(_SPEECH_IN.search(text, max(0, start - 50), start) or _AS_ACTOR.match(text, end, end + 30)
                or (_SPEAKS.match(text[end:end + 40]) and (_office_in(text, start) or (
                    _seat_of_power(place) and not _OF_PLACE.search(text, max(0, start - 12), start))))
                or _ACCORDING_TO.search(text, max(0, start - 20), start)
                or (_seat_of_power(place) and _ALLY_OF.search(text, max(0, start - 30), start))
                or _TAKEN_TO.search(text[max(0, start - 60):start]))


def _office_in(text: str, start: int) -> bool:
    """'the army headquarters in Abuja (said)': an office that speaks, placed in its town
    (rule ``place.speaker_seat``)."""
    return bool(_SPEAKER_SEAT.search(text, max(0, start - 50), start))


def _main_country(places: list[Place]) -> Place | None:
    """The article's most-mentioned country, as a country-level place (precision 3)."""
    counts: dict[str, int] = {}
    for p in places:
        if p.iso:
            counts[p.iso] = counts.get(p.iso, 0) + 1
    if not counts:
        return None
    iso = max(counts, key=counts.get)
    national = [p for p in places if p.iso == iso and p.feature.startswith("A.PCL")]
    return national[0] if national else None


def site_joined(text: str, at: int) -> Span | None:
    """The named site joined right after ``at`` ('... and the Shaybah oil field'), if any."""
    for rule in rules.get("events.place"):
        if rule.label == "site_joined" and (m := rule.regex.match(text, at, min(len(text), at + 80))):
            return span_of(text, m.start("site"), m.end("site"))
    return None


#: a bearing's (north, east) share
_BEARING = {"north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
            "northeast": (0.7071, 0.7071), "northwest": (0.7071, -0.7071),
            "southeast": (-0.7071, 0.7071), "southwest": (-0.7071, -0.7071)}


def offset_point(text: str, start: int, end: int, places: "EventPlaces") -> tuple[float, float, Span, Place] | None:
    """'about 160 km (100 miles) east of the capital, Riyadh' in ``text[start:end]`` (rule
    label ``offset``): the point that far that way from a place the text names, the words
    that say so, and the place."""
    for rule in rules.get("events.place"):
        if rule.label != "offset":
            continue
        for m in rule.regex.finditer(text, start, end):
            ref = next((p for p in places.between(m.end(), m.end() + 40) if p.latitude is not None), None)
            if ref is None:
                continue
            km = float(m.group("n").replace(",", ".")) * (1.609 if m.group("unit").lower().startswith("mi") else 1.0)
            north, east = _BEARING[m.group("dir").lower().replace("-", "")]
            lat = ref.latitude + north * km / 111.0
            lon = ref.longitude + east * km / (111.0 * max(0.1, math.cos(math.radians(ref.latitude))))
            return round(lat, 4), round(lon, 4), span_of(text, m.start(), ref.span.end), ref
    return None


def fill_place(event: Event, place: Place | None) -> None:
    if place is None:
        return
    event.location, event.latitude, event.longitude = place.name, place.latitude, place.longitude
    event.country, event.iso, event.admin1, event.admin2 = place.country, place.iso, place.admin1, place.admin2
    event.geo_precision, event.geonameid = place.geo_precision, place.geonameid
    event.region = _region(place.iso)
    for name in ("location", "latitude", "longitude", "country", "iso", "admin1", "admin2",
                 "geo_precision", "geonameid", "region"):
        if getattr(event, name) not in ("", None):
            event.evidence[name] = [place.span]


def _region(iso: str) -> str:
    return acled_region(iso) if iso else ""


PLACE_FIELDS = ("location", "latitude", "longitude", "country", "iso", "admin1", "admin2",
                "geo_precision", "geonameid", "region")


def precise(e: Event) -> bool:
    """Placed at a town or near one (ACLED geo-precision 1 or 2), with coordinates."""
    return e.latitude is not None and e.longitude is not None and (e.geo_precision or 3) <= 2


def take_finer_place(home: Event, other: Event) -> None:
    """``other`` tells ``home``'s incident again: its place replaces home's when home has
    none, or when other says more finely, in its own sentence, where it was ('The blast in
    Yaring district' after 'a bomb exploded in southern Thailand')."""
    if other.location and (not home.location or (_finer(other, home) and _placed_in_own_sentence(other))):
        copy_place(home, other)


def copy_place(home: Event, other: Event) -> None:
    """``home`` is where ``other`` is: every place field and its evidence."""
    for name in PLACE_FIELDS:
        setattr(home, name, getattr(other, name))
        if name in other.evidence:
            home.evidence[name] = list(other.evidence[name])
        else:
            home.evidence.pop(name, None)


def _finer(other: Event, home: Event) -> bool:
    """A town where home has a region, or a district or province of home's country where
    home has only the country."""
    if precise(home):
        return False
    return precise(other) or (home.location == home.country and other.iso == home.iso
                              and other.location != other.country)


def _placed_in_own_sentence(e: Event) -> bool:
    """The mention's place was said in its own sentence, not borrowed from the ones before."""
    where, notes = e.evidence.get("location") or [], e.evidence.get("notes") or []
    return bool(where and notes) and notes[0].start <= where[0].start < notes[0].end
