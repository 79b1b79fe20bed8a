"""Mentions -> incidents: the article-level pass after the sentence-level mentions.

ACLED's unit is one incident: one sub-event type, one place, one day, one actor pair. A
news article tells an incident several times ("the airstrike", "the attack", "was killed by
the strike") and mentions things that are no incident at all. So, per article:

1. a decision per mention: does it report a specific occurrence? Not when the article is
   about ordinary crime or an accident (its words say so, and no armed group, motive,
   armed forces, remote weapon or demonstration is named anywhere in it), nor a tally
   ("have been killed since the coup"), a court report, an imagined or exhorted scene, a
   weapon's name or a caption;
2. clustering of the remaining mentions of one incident (same event type, compatible place,
   day and modality) into one record whose evidence lists every mention;
3. ACLED's naming conventions on the record: protesters and rioters by country, an unnamed
   perpetrator as Unidentified Armed Group (country), civilian victims, no host government
   as the perpetrator of violence, fatalities 0 when none are reported.

The cue lists are rules (``rules/incidents.jsonl``, rule set ``events.incidents``; see
:mod:`dateline.rules`): a user file can add, replace or disable any of them by id.
"""
from __future__ import annotations

import copy
import hashlib
import math
import re
from bisect import bisect_right
from datetime import date
from typing import Any

from dateline import rules
from dateline.events import actors as actors_mod
from dateline.events import place as place_mod
from dateline.events import mentions, roles, taxonomy, timing, victims
from dateline.events import quantities as quantities_mod
from dateline.events.place import precise as _precise
from dateline.geo import country_name
from dateline.records import Article, Event, Span

STAGE = "events.incidents"  # the rule set of the cues, in rules/incidents.jsonl

#: modalities of a current, real event (the rest are kept apart and never merged with it)
REAL = frozenset({"asserted", "claimed"})
#: event types ACLED codes whatever the article's context: a demonstration is political
ALWAYS_IN_SCOPE = frozenset({"Protests", "Riots"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: what a suspect can carry: a weapon found on him is no incident of its own
CARRIED = frozenset({"Disrupted weapons use", "Grenade", "Remote explosive/landmine/IED"})
#: within one incident, the sub-event type that says more wins (police stepping in on a march)
PROTEST_ORDER = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                 "Violent demonstration")
#: one demonstration told as a march, police stepping in, arrests and stone-throwing is one event
CROWD = frozenset({"Protests", "Riots"})
#: what happens at a demonstration and is told as part of it: arrests, shops looted
AT_A_DEMONSTRATION = frozenset({"Arrests", "Looting/property destruction"})
#: sentences from which a text is a whole article that would name its political context
WHOLE_ARTICLE = 6
#: a mention is compared with this many incidents told before it (keeps clustering linear)
RECENT_INCIDENTS = 30
#: two precisely placed mentions further apart than this are two incidents
SAME_PLACE_KM = 50.0


def load_cues() -> dict[str, tuple[rules.Rule, ...]]:
    """The incident cues (rule set ``events.incidents``), by label: what each marks."""
    return rules.labels(STAGE)


def _matches(kind: str, text: str) -> re.Match[str] | None:
    for cue in load_cues().get(kind, ()):
        m = cue.regex.search(text)
        if m:
            return m
    return None


def resolve(article: Article, events: list[Event], places: Any = None) -> list[Event]:
    """The article's incidents from its sentence-level mentions (see the module doc).
    ``places``: the article's :class:`~dateline.events.place.EventPlaces`, when built."""
    text = article.document.text
    # ordinary crime or an accident, and nothing political: ACLED codes none of it. A whole
    # article of violence that names no armed group, motive, armed force, remote weapon or
    # demonstration anywhere is no political violence either; a snippet may just be short.
    ordinary = _matches("political", text) is None and (
        _matches("ordinary", text) is not None or len(article.sentences) >= WHOLE_ARTICLE)
    kept = [e for e in events if reports_incident(e, article, ordinary)]
    kept = [e for e in kept if not _crowd_as_target(e, kept) and not _mob_beside(e, kept)]
    kept = [e for e in kept if not _raid_that_arrested(e, kept) and not _sent_to_the_deed(e, kept, text)
            and not _force_on_rioters(e, kept)]
    for event in kept:
        if event.event_type == "Riots" and _armed_doer(event) and event.modality in REAL:
            _retype(event, "Attack")  # 'armed men stormed a school': no crowd, an armed side's attack
    for event in kept:
        _no_borrowed_dead(event, kept)
    for event in kept:
        _background(event)
        _not_the_actors_country(event, article)
    for event in kept:
        _fight_at_a_demonstration(event, kept)
    end = headline_end(article.document)
    headlines = [e for e in kept if _sentence_start(e) < end]
    points = [e for e in kept if e not in headlines and _key_point(e, text)]
    incidents = cluster([e for e in kept if e not in headlines and e not in points], text, _people_named(article))
    incidents = [e for e in headlines if not _headline_joins(e, incidents)] + incidents
    for point in points:
        home = _told_in_full(point, incidents)
        if home is None:
            incidents.append(point)
        else:  # its words are evidence; its line (which may run into the next bullet's) counts nothing
            mentions.add_evidence(home, "event_type", point.evidence.get("event_type", []))
    incidents.sort(key=_sentence_start)
    for event in incidents:
        _day_told_again(event, article)
    towns = _towns(article, places)
    for event in incidents:
        _narrow_place(event, towns, text)
    if places is not None:
        incidents = [one for event in incidents for one in one_per_town(event, places, text)]
    if len(article.sentences) >= WHOLE_ARTICLE:  # a snippet's day and town may be in lines not shown
        incidents = _scenes_join_the_day(incidents, article)
        incidents = [e for e in incidents if specific(e, article) and not _only_people(e)]
    _undated_take_the_story_day(incidents)
    _unplaced_take_the_story_town(incidents)
    told = {span.start for e in incidents for span in e.evidence.get("notes", [])}
    home = _home_country(article)
    battles = any(e.event_type == "Battles" and e.modality in REAL for e in incidents)
    group = _sole_armed_group(article) if battles else None  # a whole-text scan: only when needed
    written = None
    if not article.document.published:  # the text's latest written date stands in for it
        recalled = [s for e in incidents if e.modality == "historical" for s in e.evidence.get("notes", [])]
        written = timing.latest_written_date(article, recalled)
    _commemorated(incidents, article)
    claims = _claims_told_later(incidents, article) if any(e.event_type in VIOLENT for e in incidents) else {}
    for event in incidents:
        sentences = _with_next(event, article.sentences, told)
        if event.fatalities is None:
            _fatalities(event, text, sentences)
        _both_sides_dead(event, text, sentences)
        _joined_dead(event, article, sentences)
        if event.fatalities is None and event.modality in REAL and event.sub_event_type != "Peaceful protest":
            _one_victim(event, article, sentences)  # a peaceful protest's named dead are what it protests
        _claimed(event, text, sentences + claims.get(id(event), []))
        if written is not None and event.modality in REAL:
            if not event.event_date:
                timing.within(event, written)
            elif timing.long_before(event.event_date, written.date):
                event.modality = "historical"  # 'January 30, 1972' in a report written in 2010
                event.evidence["modality"] = list(event.evidence.get("event_date", []))
        conventions(event, text, article, home, group)
    return incidents


# --- 1. the decision per mention ---------------------------------------------------------

def reports_incident(event: Event, article: Article, ordinary: bool = False) -> bool:
    """Whether a mention reports a specific occurrence ACLED would code. ``ordinary``: the
    article is about crime or an accident, with no armed group, motive, armed forces, remote
    weapon or demonstration named anywhere in it."""
    if ordinary and event.event_type not in ALWAYS_IN_SCOPE:
        return False
    sentence = _sentence(event)
    if sentence is None:
        return True
    words = sentence.text
    if event.event_type == "Protests" and _matches("campaign", words):
        return False  # 'returned to the campaign trail with a rally in Sanford'
    if event.modality in REAL | {"historical"}:
        for kind in ("tally", "legal", "rhetoric"):
            if _matches(kind, words) and not (kind == "legal" and _recent_deed_with_dead(event, article)):
                return False
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    if trig is not None and trig.end <= sentence.end and _matches("weapon_noun", words[trig.end - sentence.start:]):
        return False  # 'an assault rifle': a weapon's name
    said_before = words[:trig.start - sentence.start] if trig is not None and trig.start >= sentence.start else None
    if said_before is not None and (_matches("crime_named", said_before) or _matches("condemned_as", said_before)):
        return False  # 'a warrant for murder', 'condemned what it called a massacre': a name, not a deed told
    if trig is not None and victims.killed_a_thing(article.nlp, article.document.text, trig):
        return False  # 'we have killed the project'
    if event.sub_event_type in CARRIED and _matches("carried_by_suspect", words):
        return False  # 'a pistol was found on him': part of the arrest
    if event.event_type in VIOLENT and _matches("accident", words) and not _matches("violence", words):
        return False  # 'killed when the generator he was repairing short-circuited'
    if trig is not None and event.sub_event_type == "Agreement" and _named_accord(trig, words, sentence):
        return False  # 'the Green New Deal', 'the Paris Agreement': a policy's or a treaty's name
    if trig is not None and _figurative(event, trig, words):
        return False  # 'Harris attacked Biden during the debates', 'panic attacks'
    if event.event_type in VIOLENT and _sport(article, sentence):
        return False  # '"He hit me with some bombs in the second round," said the boxer'
    # a caption: a picture's subject and what it wears or holds, no finite verb
    return not _matches("caption", words.strip())


def _recent_deed_with_dead(event: Event, article: Article) -> bool:
    """'appeared in court charged with murder over a mass shooting in Christchurch on Friday,
    which caused the death of at least 50 people': a court report that tells a deed of the
    week before, with its day and its dead, tells the incident too."""
    return (_own_date(event) and event.modality in REAL and bool(event.fatalities)
            and timing.in_the_week_before(event.event_date, article.document.published or ""))


def _sport(article: Article, sentence: Span) -> bool:
    """Game words in the sentence or the one before (rule label ``sport``) and no casualty
    in the sentence: a match report's bombs, shots and attacks."""
    i = next((k for k, s in enumerate(article.sentences) if s.start == sentence.start), None)
    context = article.document.text[article.sentences[i - 1].start if i else sentence.start:sentence.end]
    return _matches("sport", context) is not None and not taxonomy.context("casualties").search(sentence.text)


def _named_accord(trig: Span, words: str, sentence: Span) -> bool:
    """'Deal' or 'Agreement' written with a capital after a capitalised word, mid-sentence, is
    part of a name ('the Green New Deal'), not an agreement reached."""
    before = words[:trig.start - sentence.start].rstrip().split(" ")
    return trig.text[:1].isupper() and len(before) > 1 and before[-1][:1].isupper() and before[-1].isalpha()


def _figurative(event: Event, trig: Span, words: str) -> bool:
    """A word of fighting told with no weapon, no casualty and no armed side in its sentence
    ('attacked Biden during the debates', 'a Twitter fight', 'battled cancer') is a figure
    of speech (rule labels ``figurative`` and ``violence``; context ``armed_anywhere``,
    ``casualties``; a count of casualties). A demonstration's clash is judged by its crowd, not here."""
    if event.event_type in CROWD or event.modality not in REAL or not _matches("figurative", trig.text):
        return False
    violent = (_matches("violence", words) or taxonomy.context("armed_anywhere").search(words)
               or taxonomy.context("casualties").search(words) or _counts_casualties(words))
    return not violent


def _counts_casualties(words: str) -> bool:
    """'..., killing 14 people': a count of the dead or hurt is no figure of speech."""
    return any(q["kind"] in ("killed", "injured") for q in quantities_mod.find(words))


def _crowd_as_target(event: Event, others: list[Event]) -> bool:
    """'An airstrike hit the crowd', '..., killing 11 protesters': the crowd word told after
    violence in the same sentence is who the violence hit, not a demonstration."""
    if event.sub_event_type != "Peaceful protest":
        return False
    trig, notes = event.evidence.get("sub_event_type") or [], event.evidence.get("notes") or []
    if not trig or not notes or _matches("crowd_target", trig[0].text.lower()) is None:
        return False
    for other in others:
        spans = other.evidence.get("sub_event_type") or []
        if other.event_type in VIOLENT and spans and spans[0].start < trig[0].start and _told_in(event, other):
            return True
    return False


#: who is no crowd: a mob's deed done by them is their attack
ARMED_INTER = frozenset({"Rebel group", "Political militia", "Identity militia", "State forces",
                         "External/Other forces"})


def _mob_beside(event: Event, others: list[Event]) -> bool:
    """A mob cue ('angry residents', 'with machetes') in the sentence of a demonstration is
    that demonstration's crowd, and in the sentence of an armed group's or force's violence
    it is how they did it ('rebels killed 18 civilians with machetes'): ACLED's mob violence
    is a crowd's, outside any demonstration. A riot word whose doers are armed ('armed men
    stormed a school and marched away eleven pupils') is their violence told in the sentence."""
    notes = event.evidence.get("notes") or []
    if event.event_type != "Riots" or event.modality not in REAL or not notes:
        return False
    armed_doer = _armed_doer(event)  # 'armed men stormed a school and marched away pupils'
    if event.sub_event_type != "Mob violence" and not armed_doer:
        return False
    trig = (event.evidence.get("sub_event_type") or [Span(0, 0, "")])[0].text.lower()
    how = trig.startswith(("with ", "using "))  # 'killed 18 civilians with machetes': how, not who
    return any(other is not event and other.modality in REAL and _told_in(event, other)
               and ((other.event_type in CROWD and other.sub_event_type != "Mob violence" and not armed_doer)
                    or (other.event_type in VIOLENT and ((how and other.inter1 in ARMED_INTER) or armed_doer)))
               for other in others)


def _sent_to_the_deed(event: Event, others: list[Event], text: str) -> bool:
    """'A truck carrying reinforcements hit a landmine': forces a vehicle carried (a change
    to group activity) told in the very sentence of violence are part of that incident's
    telling, not a deployment of their own."""
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    if event.sub_event_type != "Change to group/activity" or event.modality not in REAL or trig is None \
            or not _matches("carried_forces", text[max(0, trig.start - 40):trig.start]):
        return False
    home = next((o for o in others if o is not event and o.event_type in VIOLENT and o.modality in REAL
                 and _same_sentence(o, event)), None)
    if home is None:
        return False
    mentions.add_evidence(home, "event_type", event.evidence.get("sub_event_type", []))
    return True


def _raid_that_arrested(event: Event, others: list[Event]) -> bool:
    """'Troops raided a compound and arrested five suspects', 'police detained four men in a
    raid': a state force's raid (rule label ``raid``) told in the sentence of its arrests,
    with no one killed, hurt or shot at, is how they arrested: one Arrests record, whose
    evidence takes the raid's words."""
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    sentence = _sentence(event)
    if (event.event_type not in VIOLENT or event.inter1 != "State forces" or event.modality not in REAL
            or trig is None or sentence is None or not _matches("raid", trig.text)
            or _counts_casualties(sentence.text) or _matches("raid_harm", sentence.text)):
        return False
    arrests = next((o for o in others if o.sub_event_type == "Arrests" and o.inter1 == "State forces"
                    and o.modality in REAL and _same_sentence(o, event)), None)
    if arrests is None:
        return False
    mentions.add_evidence(arrests, "sub_event_type", [trig])
    return True


#: demonstrations whose type says a state force stepped in, named or not (ACLED's types for
#: a peaceful crowd that met force)
_FORCE_USED = frozenset({"Protest with intervention", "Excessive force against protesters"})


def _force_on_rioters(event: Event, others: list[Event]) -> bool:
    """'Youths barricaded the road with blazing tyres and stoned passing cars. Officers used
    tear gas and bullets on them; one marcher died': force used on a crowd
    told as violent in the same or the sentence before, that day and place, is the riot's
    other side, not a protest of its own (ACLED's Excessive force and Intervention are of
    peaceful crowds). The riot takes the force as actor2, its dead, and its words."""
    if event.sub_event_type not in _FORCE_USED or event.modality not in REAL:
        return False
    here = _sentence(event)
    riot = next((o for o in others if o.sub_event_type == "Violent demonstration" and o.modality in REAL
                 and here is not None and _told_here_or_just_before(o, here)
                 and _date_ok(o, event) and (not o.location or not event.location or o.location == event.location)),
                None)
    if riot is None:
        return False
    force = next((k for k in ("1", "2") if getattr(event, f"inter{k}") == "State forces"), None)
    if force is not None and not riot.actor2:
        _set(riot, "2", getattr(event, f"actor{force}"), "State forces", event.evidence.get(f"actor{force}") or [])
    if event.fatalities and not riot.fatalities:
        riot.fatalities, riot.evidence["fatalities"] = event.fatalities, list(event.evidence.get("fatalities", []))
    for name in ("sub_event_type", "notes"):
        mentions.add_evidence(riot, name, event.evidence.get(name, []))
    return True


def _fight_at_a_demonstration(event: Event, others: list[Event]) -> None:
    """'Running battles went on for hours', 'police came under attack from petrol bombs',
    'farmers clashed with security forces', in a report of a demonstration or riot that day:
    a fight of forces with a crowd (its words, rule label ``crowd_fight``), with no armed
    side named or told (label ``armed_fight``), is the riot, not a battle between armed
    sides (ACLED's Armed clash needs two organised armed sides)."""
    sentence = _sentence(event)
    if event.sub_event_type != "Armed clash" or event.modality not in REAL or sentence is None:
        return
    words = sentence.text
    if not _matches("crowd_fight", words) or _matches("armed_fight", words) \
            or actors_mod.armed_groups(words):
        return
    trigger = event.evidence.get("sub_event_type") or []
    sides = [(getattr(event, f"actor{k}"), getattr(event, f"inter{k}"), event.evidence.get(f"actor{k}") or [])
             for k in ("1", "2")]
    if any(name and inter != "State forces" and not _crowd_or_unnamed(name, inter, spans, trigger)
           for name, inter, spans in sides):
        return
    if not any(o is not event and o.event_type in CROWD and o.sub_event_type != "Mob violence"
               and o.modality in REAL and (not (o.iso and event.iso) or o.iso == event.iso)
               and _within_a_day(o, event) for o in others):
        return
    forces = [(name, inter, spans) for name, inter, spans in sides if inter == "State forces"]
    for slot in ("1", "2"):
        _clear(event, slot)
    if forces:
        _set(event, "1", *forces[0])
    _retype(event, "Violent demonstration")


def _crowd_or_unnamed(name: str, inter: str, spans: list[Any], trigger: list[Any]) -> bool:
    """A side that is a crowd or civilians, or an unidentified armed group read only from the
    deed's own word ('running battles')."""
    return inter in {"Civilians", "Protesters", "Rioters"} or (
        name.startswith(_UNNAMED) and all(s in trigger for s in spans))


def _within_a_day(a: Event, b: Event) -> bool:
    if not a.event_date or not b.event_date or len(a.event_date) < 10 or len(b.event_date) < 10:
        return True
    return abs((date.fromisoformat(a.event_date[:10]) - date.fromisoformat(b.event_date[:10])).days) <= 1


def _retype(event: Event, sub: str) -> None:
    """Give the event another sub-event type, and the type, disorder and PLOVER type that go with it."""
    event.sub_event_type = sub
    event.event_type, event.disorder_type = taxonomy.ACLED[sub]
    event.plover_type = taxonomy.PLOVER_OF.get(sub, event.plover_type)


def _armed_doer(event: Event) -> bool:
    """Armed men, rebels or a named militia ('ZANU-PF militia') as a mention's doer; not the
    police a riot is told with, nor the unnamed vigilantes ACLED's mob violence includes."""
    return event.actor1.startswith(_UNNAMED) or event.inter1 == "Rebel group" or (
        event.inter1 == "Political militia" and event.actor1.endswith(" Militia"))


def _no_borrowed_dead(event: Event, others: list[Event]) -> None:
    """'Protesters gathered; later an airstrike hit the crowd, killing 11': a toll told after
    another incident's violence in the same sentence is that incident's. Types that take no
    such toll are rules (label ``borrows_no_dead``), matched against the event type."""
    dead = event.evidence.get("fatalities") or []
    trig, notes = event.evidence.get("sub_event_type") or [], event.evidence.get("notes") or []
    if not dead or not trig or not notes or _matches("borrows_no_dead", event.event_type) is None:
        return
    for other in others:
        spans = other.evidence.get("sub_event_type") or []
        if (other is not event and other.event_type in VIOLENT and spans and _told_in(event, other)
                and trig[0].start < spans[0].start < dead[0].start):
            event.fatalities = None
            event.evidence.pop("fatalities", None)
            if event.modality in REAL:  # none of its own reported: 0, shown by its own trigger
                event.fatalities, event.evidence["fatalities"] = 0, list(trig)
            event.quantities = [q for q in event.quantities if q["kind"] != "killed"]
            return


def _background(event: Event) -> None:
    """A mention told as the past ('have attacked journalists previously') is background, and
    so is a deed a group is said to do again and again ('who have shelled the town before')."""
    sentence = _sentence(event)
    if sentence is None or event.modality not in REAL:
        return
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    for cue in load_cues().get("background", ()) + load_cues().get("habitual", ()):
        m = cue.regex.search(sentence.text)
        if m and cue.label == "habitual" and (trig is None or not
                                              sentence.start + m.start() <= trig.start < sentence.start + m.end()):
            continue  # 'the rebels, who have shelled the town before': only the clause's own deed
        if m:
            event.modality = "historical"
            start = sentence.start + m.start()
            event.evidence["modality"] = [span_of_text(sentence, m.start(), m.end(), start)]
            return


def _not_the_actors_country(event: Event, article: Article) -> None:
    """'Turkey began an offensive': the country that acts is a side, not the place. The
    event goes to the country the article names most after it (named twice at least)."""
    where = event.evidence.get("location") or []
    sides = event.evidence.get("actor1", []) + event.evidence.get("actor2", [])
    if not where or (event.geo_precision or 0) < 3:
        return
    w = where[0]
    text = article.document.text
    if not any(s.start < w.end and w.start < s.end for s in sides) or _IN.search(text, max(0, w.start - 40), w.start):
        return
    counts: dict[str, list[Any]] = {}
    for p in article.places:
        if p.iso and p.iso != event.iso and p.feature.startswith("A.PCL"):
            counts.setdefault(p.iso, []).append(p)
    best = max(counts.values(), key=len) if counts else []
    if len(best) < 2:
        return
    _take_place_from(event, best[0])


_IN = re.compile(r"\b(?:in|into|across|inside|throughout|of|near|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def span_of_text(sentence: Span, a: int, b: int, start: int) -> Span:
    """The span of ``sentence.text[a:b]`` in the article (``start`` = its article offset)."""
    return Span(start, start + (b - a), sentence.text[a:b])


def _scenes_join_the_day(incidents: list[Event], article: Article) -> list[Event]:
    """A scene of a demonstration told with no day or town of its own ('some protesters
    threw petrol bombs') is part of the demonstration the article reports that day,
    in that country: it joins the one told last before it (or the first), escalating it."""
    out: list[Event] = []
    days: dict[str, Event] = {}  # the last specific demonstration told, by country
    for event in incidents:
        crowd = event.event_type in CROWD and event.modality in REAL
        told = crowd and specific(event, article)
        if crowd and not told and event.iso in days:
            absorb(days[event.iso], event)
            continue
        out.append(event)
        if told:
            days[event.iso] = event
    return out


def _only_people(incident: Event) -> bool:
    """'the shortlist also named ... protesters in Santiago': a crowd named, with no word of a
    march, a rally or anything they did, is a group of people, not a demonstration (rule
    label ``people_only``)."""
    spans = incident.evidence.get("sub_event_type") or []
    return incident.event_type == "Protests" and bool(spans) and all(_matches("people_only", s.text) for s in spans)


def event_id(iso: str, doc_id: str, start: int, sub_event: str) -> str:
    """ISO3 + a short stable hash: the same article gives the same ids on every run."""
    digest = hashlib.sha1(f"{doc_id}|{start}|{sub_event}".encode()).hexdigest()[:8]
    return f"{iso or 'XXX'}{digest}"


#: what may stand between two towns one mention names together: 'X and Y', 'X, Y', 'X and the Y oil field'
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_TOWNS_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
#: '... in Kosti, on the White Nile, and in Dongola', '... and in the eastern town of Kassala'
_TOWN_UNIT = r"(?:the\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|district|capital)\s+of\s+)?"
_TOWNS_JOINED_AGAIN = re.compile(
    r"(?:\s*,\s*[^,.;]{1,60}?,\s*|\s*,?\s+)(?:and|or)\s+(?:also\s+)?(?:in|at)\s+" + _TOWN_UNIT)


def one_per_town(event: Event, places: Any, text: str) -> list[Event]:
    """ACLED's unit is one place: 'shelled Kidal and Gao', 'in Mombasa and
    Kisumu' are an event in each town, each with the same evidence but its own place."""
    where = (event.evidence.get("location") or [None])[0]
    if where is None or event.modality not in REAL or event.geo_precision != 1:
        return [event]
    listed = _towns_listed_with(where, event.iso, places, text)
    if listed and _BETWEEN.search(text, max(0, listed[0].span.start - 9), listed[0].span.start):
        return [event]  # 'between El Paso and Juárez' locates, it does not list
    out = [event]
    for place in listed:
        if place.span.start == where.start:
            continue
        other = copy.deepcopy(event)
        _take_place_from(other, place)
        other.event_id_cnty = event_id(place.iso, event.doc_id, place.span.start, event.sub_event_type)
        out.append(other)
    return out + _site_joined(event, (listed[-1].span if listed else where), places, text)


def _site_joined(event: Event, last: Span, places: Any, text: str) -> list[Event]:
    """'struck a plant at Abqaiq and the Shaybah oil field' (rule label ``site_joined``): the
    named site is an event's place of its own; one the gazetteer lacks is placed at the
    country, as the guide says of a missing place, with the site's name as its evidence."""
    site = place_mod.site_joined(text, last.end)
    country = places.main_country if places is not None else None
    if site is None or places.between(site.start, site.end) or country is None or country.iso != event.iso:
        return []
    other = copy.deepcopy(event)
    _take_place_from(other, country)
    other.evidence["location"] = [site]
    other.event_id_cnty = event_id(country.iso, event.doc_id, site.start, event.sub_event_type)
    near = place_mod.offset_point(text, site.end, min(len(text), site.end + 300), places)
    if near is not None and near[3].iso == event.iso:  # 'The oil field is about 160 km east of Riyadh'
        lat, lon, words, _ = near
        other.location, other.latitude, other.longitude, other.geo_precision = site.text, lat, lon, 2
        other.geonameid, other.admin1, other.admin2 = None, "", ""
        for name in ("geonameid", "admin1", "admin2"):
            other.evidence.pop(name, None)
        other.evidence["latitude"] = other.evidence["longitude"] = other.evidence["geo_precision"] = [words]
    return [other]


def _towns_listed_with(where: Span, iso: str, places: Any, text: str) -> list[Any]:
    """The towns of one country joined to the place at ``where`` by 'and' or commas, in order."""
    around = [p for p in places.between(max(0, where.start - 120), where.end + 120)
              if p.geo_precision == 1 and p.iso == iso]
    i = next((k for k, p in enumerate(around) if p.span.start == where.start), None)
    if i is None:
        return []
    lo = hi = i
    while lo > 0 and _TOWNS_JOINED.fullmatch(text, around[lo - 1].span.end, around[lo].span.start):
        lo -= 1
    while hi + 1 < len(around) and _TOWNS_JOINED.fullmatch(text, around[hi].span.end, around[hi + 1].span.start):
        hi += 1
    listed = around[lo:hi + 1]
    for later in around[hi + 1:]:  # past an aside that may name a place of its own ('across the Nile from Khartoum')
        if _TOWNS_JOINED_AGAIN.fullmatch(text, listed[-1].span.end, later.span.start):
            listed.append(later)
    return listed if len(listed) > 1 else []


def _take_place_from(event: Event, place: Any) -> None:
    """The event is at ``place`` now: every place field and its evidence from it alone."""
    for name in place_mod.PLACE_FIELDS:
        event.evidence.pop(name, None)
    place_mod.fill_place(event, place)


def specific(incident: Event, article: Article) -> bool:
    """ACLED codes occurrences at a particular time and place. An incident whose mentions
    give it neither a day of its own nor a town ('the rebels are losing battles everywhere', 'attacks
    in the country') is told in general, not reported. Only asserted or claimed
    occurrences need one: a threat has none."""
    return incident.modality not in REAL or _own_date(incident) or _precise(incident) or _day_unresolved(incident, article)


def _day_unresolved(incident: Event, article: Article) -> bool:
    """With no publication date, 'on Tuesday' in a mention's sentence has no calendar day,
    but still says one particular time (rule ``relative_day``)."""
    if article.document.published:
        return False
    return any(_matches("relative_day", note.text) for note in incident.evidence.get("notes", []))


def _sentence(event: Event) -> Span | None:
    notes = event.evidence.get("notes")
    return notes[0] if notes else None


# --- 2. clustering mentions of one incident ----------------------------------------------

def cluster(events: list[Event], text: str, people: Any = None) -> list[Event]:
    """Merge mentions of one incident into the first; the rest of the order is kept.
    ``people``: the surnames of persons named in each sentence (:func:`_people_named`)."""
    out: list[Event] = []
    for event in events:
        recent = out[-RECENT_INCIDENTS:]
        if _attacker_caught(event, recent):
            continue
        operation = _operation_it_belongs_to(event, recent, text)
        if operation is not None:
            absorb(operation, event, retelling=True)  # its words only: no type, day or place
            continue
        claimed = _claimed_by_its_doer(event, recent, text)
        if claimed is not None:  # 'The group said its men had shot dead 20 policemen'
            absorb(claimed, event, retelling=True)
            _claimant_does_it(claimed, _speaker(event, text), text)
            continue
        # the same precise place first: a mention nearby but placed vaguely is a weaker tie
        home = next((e for e in reversed(recent) if _precise(e) and _precise(event)
                     and same_incident(e, event, text, people)), None) \
            or next((e for e in reversed(recent) if same_incident(e, event, text, people)), None)
        if home is None:
            out.append(event)
        else:
            absorb(home, event, retelling=_witness_retelling(home, event, text))
    return out


def headline_end(document: Any) -> int:
    """Where the headline ends when the text opens with the article's title, else 0."""
    title = (document.title or "").strip()
    return len(title) if title and document.text.lstrip().startswith(title) else 0


def _sentence_start(event: Event) -> int:
    trig = (event.evidence.get("event_type") or [None])[0]
    return trig.start if trig is not None else -1


#: a summary's bullet line: '- Air strike reportedly kills civilians in Kani Township'
_BULLET = re.compile(r"[ \t]*[-•*–][ \t]+")


def _key_point(event: Event, text: str) -> bool:
    """A report's key-point bullet with no day of its own sums up an incident the body tells."""
    at = _sentence_start(event)  # the trigger: a sentence may run on from the line before
    if at < 0 or _own_date(event):
        return False
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_BULLET.match(text, line_start)) and line_end - line_start <= 200


def _told_in_full(point: Event, incidents: list[Event]) -> Event | None:
    """The incident of the body a key point sums up: of the same sub-event type, the one at
    the same place, else the only one (a bullet's few words often place it loosely)."""
    same = [e for e in incidents if e.sub_event_type == point.sub_event_type and e.modality in REAL]
    placed = [e for e in same if e.location == point.location]
    if placed:
        return placed[0]
    return same[0] if len(same) == 1 else None


def _headline_joins(headline: Event, incidents: list[Event]) -> bool:
    """A headline sums up what the body tells: its mention joins the body's incident of the
    same kind (the same sub-event, a place in common, else the first told) as evidence, and
    names its doer where the body leaves it unnamed; its day and place are the body's.
    A crowd, arrests or looting in a headline join the body's demonstration when the body
    tells none of that type. A headline with no such incident in the body stays a record of its own."""
    same = [e for e in incidents if e.event_type == headline.event_type and e.modality in REAL]
    if not same and (headline.event_type in CROWD or headline.sub_event_type in AT_A_DEMONSTRATION):
        same = [e for e in incidents if e.event_type in CROWD and e.modality in REAL]  # 'protest turns tense; nine arrested'
    if not same or headline.modality not in REAL:
        return False
    home = next((e for e in same if e.sub_event_type == headline.sub_event_type and e.location == headline.location),
                next((e for e in same if headline.location and e.location == headline.location),
                     next((e for e in same if e.sub_event_type == headline.sub_event_type), same[0])))
    for name in ("notes", "event_type"):
        mentions.add_evidence(home, name, headline.evidence.get(name, []))
    if _named(headline.actor1) and not _named(home.actor1) and headline.actor1 != home.actor2:
        for field in ("actor1", "inter1"):
            setattr(home, field, getattr(headline, field))
            home.evidence[field] = list(headline.evidence.get(field, []))
    return True


def _people_named(article: Article) -> Any:
    """A function giving the surnames of the persons named in a mention's first sentence."""
    persons = [(e.start, e.text.split()[-1].lower()) for e in article.entities if e.label == "PERSON"]

    def named(event: Event) -> set[str]:
        return {name for note in event.evidence.get("notes", [])[:1] for start, name in persons
                if note.start <= start < note.end and len(name) > 3}
    return named


def _same_person(a: Event, b: Event, people: Any) -> bool:
    """One person named in both mentions' sentences (as a person in one of them at least)."""
    def words(e: Event) -> set[str]:
        notes = e.evidence.get("notes") or []
        return set(re.findall(r"[\w'’-]+", notes[0].text.lower())) if notes else set()
    return bool(people(a) & words(b) or people(b) & words(a))


def _attacker_caught(event: Event, recent: list[Event]) -> bool:
    """'The gunman surrendered himself to police': the arrest of the attacker of a violent
    incident just told is how that incident ended, not a record of its own."""
    if event.sub_event_type != "Arrests" or event.modality not in REAL:
        return False
    notes = event.evidence.get("notes") or []
    if not notes or _matches("caught", notes[0].text) is None:
        return False
    return any(e.event_type in VIOLENT and e.modality in REAL and e.event_type not in CROWD for e in recent)


#: incidents that are operations: what their forces seize is their yield
OPERATIONS = VIOLENT | {"Arrests"}


def _operation_it_belongs_to(event: Event, recent: list[Event], text: str) -> Event | None:
    """'Troops killed five rebels ... and recovered three rifles': weapons seized (rule label
    ``seized``) in the sentence of a fight, raid or arrest just told, or the sentence after
    it, are that operation's yield, not a disrupted weapons use of their own (weapons found with
    the bodies or 'at the site' are a battle's, however far back it was told); so are the
    reinforcements that arrived or the forces sent after any incident just told ('the battle
    went on for hours before reinforcements arrived', 'the army dispatched forces after the
    settlers' arson')."""
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    sentence = _sentence(event)
    if event.modality not in REAL or trig is None or sentence is None or _another(event, text):
        return None
    # 'the bodies were recovered with two rifles': a battle's spoils
    spoils = event.sub_event_type in CARRIED and _matches("spoils", sentence.text) is not None
    seized = spoils or (event.sub_event_type in CARRIED
                        and _matches("seized", text[max(sentence.start, trig.start - 80):trig.end]) is not None)
    if event.sub_event_type == "Non-violent transfer of territory":
        return _attack_they_left(event, recent, sentence)
    if not seized and event.sub_event_type != "Change to group/activity":
        return None
    for home in reversed(recent):
        told = home.evidence.get("notes") or []
        if (home.modality in REAL and (home.event_type in VIOLENT or home.sub_event_type in OPERATIONS
                                        or (not seized and home.sub_event_type != event.sub_event_type))
                and home.sub_event_type not in CARRIED and told
                and (not (home.iso and event.iso) or home.iso == event.iso)
                and (_told_here_or_just_before(home, sentence) or (spoils and home.event_type == "Battles"))):
            return home
    return None


def _told_here_or_just_before(home: Event, sentence: Span) -> bool:
    """One of the sentences that tell ``home`` is ``sentence`` or the one right before it."""
    return any(s.start == sentence.start or 0 <= sentence.start - s.end <= 2 for s in home.evidence.get("notes") or [])


def _attack_they_left(event: Event, recent: list[Event], sentence: Span) -> Event | None:
    """'Taliban fighters attacked police posts ... The insurgents withdrew after reinforcements
    arrived': attackers who withdraw after their own attack, told in its sentence or the
    next, end that attack; no ground changed hands (when the defenders withdraw, it did)."""
    for home in reversed(recent):
        if (home.event_type in VIOLENT and home.modality in REAL and home.actor1 and home.actor1 == event.actor1
                and _told_here_or_just_before(home, sentence)):
            return home
    return None


def _claimed_by_its_doer(event: Event, recent: list[Event], text: str) -> Event | None:
    """A named group telling, with no day of its own and in the same place, a violent deed
    whose doers went unnamed ('Gunmen attacked a police post in Djibo on Monday. The
    group said its men had shot dead 20 policemen') claims that incident; its own
    figures are the claim's, not the incident's. (The deed need not be of the same kind.)"""
    spans = event.evidence.get("actor1") or []
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    if (event.event_type not in VIOLENT or event.modality not in REAL or not spans or trig is None
            or event.inter1 not in ARMED_INTER or _own_date(event)
            or not roles.tells_own_deed(text, spans[0].end, trig.start)):
        return None
    for home in reversed(recent):
        if home.event_type in VIOLENT and home.modality in REAL and home.actor1.startswith(_UNNAMED) \
                and _place_ok(home, event) and _near(home, event):
            return home
    return None


def _speaker(event: Event, text: str) -> Any:
    span = event.evidence["actor1"][0]
    return actors_mod.Actor(event.actor1, event.inter1, "", span.start, span.end)


def same_incident(a: Event, b: Event, text: str, people: Any = None) -> bool:
    """Same sub-event type (or one told generically), same modality group, compatible place and day, no clash of doers."""
    if a.event_type and (_consequence(a, b) or _killing_then_its_deed(a, b)):
        return True  # "an airstrike hit a market, killing 11": whatever type the killing was given
    if _doers_told_again(a, b, text):
        return True  # "... stormed the hotel. The attackers detonated two car bombs"
    if _witness_retelling(a, b, text):
        return True  # '"Then there was a huge explosion," said a shopkeeper'
    if _named_again_generically(a, b, text):
        return True  # 'Gunmen abducted 11 pupils ... Nobody was hurt in the raid'
    if not a.event_type or (a.sub_event_type != b.sub_event_type and not _explosion_told_as_attack(a, b, text)
                            and not _one_demonstration(a, b)):
        return False
    if (a.modality in REAL) != (b.modality in REAL) or (a.modality not in REAL and a.modality != b.modality):
        return False
    if a.sub_event_type != b.sub_event_type and (_ongoing(a, text) or _ongoing(b, text)):
        return False  # a day of a series ("clashes on Friday" in protests "since Tuesday")
    if _another(b, text) or _counter(a, text) != _counter(b, text):
        return False  # 'another explosion'; 'a counter-rally' beside the rally it answers
    if not (_place_ok_for(a, b, text) and _date_ok(a, b) and _actors_ok(a, b)):
        return False
    if _precise(a) and _precise(b) or _same_day_same_doer(a, b) or _coarser_retelling(a, b) \
            or _arrests_that_day(a, b):
        return True
    if people is not None and a.sub_event_type == b.sub_event_type and _same_person(a, b, people):
        return True  # 'al-Quaety died after being shot' ... 'assailants attacked al-Quaety'

    # 'a car bombing' brings in a new referent; only the same precise place makes it the same
    if a.event_type != b.event_type:  # an attack told beside the explosion that it was
        return _near(a, b) or _generic(b, text)
    return not _indefinite(b, text) and (_generic(b, text) or _near(a, b) or _told_again(b, text))


#: how far (characters) a mention placed no more precisely than its country may be from
#: the incident's last mention and still tell it: the next sentence or two
NEAR_CHARS = 400


_ANOTHER = re.compile(r"\b(?:another|a second|a third|a separate|a new|a further|other)\s+(?:[\w-]+\s+)?$", re.I)


_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?$", re.I)


def _indefinite(e: Event, text: str) -> bool:
    spans = e.evidence.get("sub_event_type") or []
    return bool(spans) and bool(_INDEFINITE.search(text, max(0, spans[0].start - 25), spans[0].start))


_CASUALTY_WORD = re.compile(r"(?:kill(?:ed|ing)|dead|died|wound(?:ed|ing)|injur(?:ed|ing))", re.I)


def _consequence(a: Event, b: Event) -> bool:
    """'An airstrike hit a market, killing 11': the killing in the same sentence as a
    violent event is what that event did, not another incident."""
    if a.event_type not in VIOLENT or not _told_by_death(b):
        return False
    return a.modality == b.modality and _told_in(b, a)


def _killing_then_its_deed(a: Event, b: Event) -> bool:
    """'Two soldiers were killed in a firefight': a killing told before the violent deed of
    its sentence is what that deed did; the deed gives the type (see :func:`absorb`)."""
    return (a.event_type in VIOLENT and b.event_type in VIOLENT and a.modality == b.modality
            and _told_by_death(a) and not _told_by_death(b) and _same_sentence(a, b)
            and b.inter1 not in {"Civilians", "Protesters", "Rioters"})  # 'as villagers clashed using sticks'


def _told_by_death(e: Event) -> bool:
    spans = e.evidence.get("sub_event_type") or []
    return bool(spans) and bool(_CASUALTY_WORD.fullmatch(spans[0].text))


def _told_in(e: Event, other: Event) -> bool:
    """``e``'s own words (its first sentence) are among the sentences that tell ``other``."""
    notes = e.evidence.get("notes") or []
    return bool(notes) and notes[0] in (other.evidence.get("notes") or [])


def _same_sentence(a: Event, b: Event) -> bool:
    """Both mentions' own words (their first sentence) are one sentence."""
    told, new = a.evidence.get("notes") or [], b.evidence.get("notes") or []
    return bool(told) and bool(new) and new[0] == told[0]


def _doers_told_again(a: Event, b: Event, text: str) -> bool:
    """A one-sided violent mention (an attack, a bombing, an abduction) whose doers are
    named definitely ('the attackers', 'the gunmen', rule label ``doers_again``), on the
    same day if it has one and with no other named doer, goes on telling the one-sided
    incident before it in that country."""
    one_sided = VIOLENT - {"Battles"}  # a battle the forces fought back is a record of its own
    if a.event_type not in one_sided or b.event_type not in one_sided or a.modality != b.modality:
        return False
    doer = (b.evidence.get("actor1") or [None])[0]
    if doer is None or not _matches("doers_again", doer.text.strip()):
        return False
    # 'reported that insurgents fired': a 'that' before plural doers opens a clause
    definite = doer.text.lower().startswith("the ") or _DEFINITE_DOERS.search(text, max(0, doer.start - 30), doer.start)
    return bool(definite) and not _told_apart(a, b)


def _told_apart(a: Event, b: Event) -> bool:
    """The two mentions say different days, countries, towns or named doers of their own:
    no later words make them one incident."""
    other_day = _own_date(a) and _own_date(b) and a.event_date != b.event_date
    other_country = bool(a.iso and b.iso and a.iso != b.iso)
    other_town = _precise(a) and _precise(b) and _km(a, b) > SAME_PLACE_KM
    other_doer = _named(a.actor1) and _named(b.actor1) and _as_side(a, a.actor1) != _as_side(b, b.actor1)
    return bool(other_day or other_country or other_town or other_doer)


def _witness_retelling(a: Event, b: Event, text: str) -> bool:
    """A violent mention inside a quotation, with no day of its own, in the country of the
    violent incident before it: a witness or official telling that incident in their words
    ('"Then there was a huge explosion," said a shopkeeper'), not a new one."""
    spans = b.evidence.get("sub_event_type") or []
    if not spans or a.event_type not in VIOLENT or b.event_type not in VIOLENT or a.modality != b.modality:
        return False
    if _own_date(b) or _another(b, text) or (a.iso and b.iso and a.iso != b.iso):
        return False
    return mentions.in_quotation(text, spans[0].start)


def _named_again_generically(a: Event, b: Event, text: str) -> bool:
    """'The attack', 'the raid', 'the incident' after an incident (told close by, or with no
    day or town of its own), with no day, town or doer of its own that differs, is that
    incident named again, whatever type its own words would give ('Gunmen abducted 11
    pupils ... Nobody was hurt in the raid'; 'a pipe bomb found under a car ... the attack
    was futile')."""
    if a.modality not in REAL or b.event_type not in VIOLENT or a.modality != b.modality:
        return False
    if not _generic(b, text) or _another(b, text) or not (_near(a, b) or not (_own_date(b) or _precise(b))):
        return False
    return not _told_apart(a, b)


def _counter(e: Event, text: str) -> bool:
    spans = e.evidence.get("sub_event_type") or []
    return e.event_type in CROWD and bool(spans) and mentions.counter_demonstration(text, spans[0].start, spans[0].end)


def _another(e: Event, text: str) -> bool:
    """'another explosion', 'a second bomb', 'Across town, ...': the words say it is a new incident."""
    spans = e.evidence.get("sub_event_type") or []
    sentence = _sentence(e)
    return bool(spans) and (bool(_ANOTHER.search(text, max(0, spans[-1].start - 30), spans[-1].start))
                            or (sentence is not None and _matches("elsewhere", sentence.text) is not None))


def _near(a: Event, b: Event) -> bool:
    """Mentions placed only by region or country are one incident only when told close
    together: an article lists many events in one country."""
    told = a.evidence.get("notes") or []
    new = b.evidence.get("notes") or []
    if not told or not new:
        return False
    return new[0].start - max(s.end for s in told) <= NEAR_CHARS


#: words that name any violence; "the attack" after a bombing is the bombing told again
GENERIC_WORDS = frozenset({"attack", "attacks", "incident", "violence", "act", "raid", "assault"})


#: 'the', 'this', 'Monday's' before a mention's word (and an adjective): it names something told before
_DETERMINERS = r"the|this|these|those|its|their|\w+day['\u2019]s|last night['\u2019]s"
_DEFINITE = re.compile(rf"\b(?:that|{_DETERMINERS})\s+(?:[\w-]+\s+)?$", re.I)
#: ... but not 'that' before plural doers, which opens a clause ('reported that insurgents fired')
_DEFINITE_DOERS = re.compile(rf"\b(?:{_DETERMINERS})\s+(?:[\w-]+\s+)?$", re.I)


def _generic_word(e: Event) -> bool:
    """The mention's word names violence in general ('an attack')."""
    spans = e.evidence.get("sub_event_type") or []
    return bool(spans) and spans[-1].text.lower() in GENERIC_WORDS


def _generic(e: Event, text: str) -> bool:
    """The mention names violence generically and definitely ('the attack', 'this incident'):
    it points back at an incident told before."""
    return _generic_word(e) and _definite(e, text)


def _definite(e: Event, text: str) -> bool:
    """'The bomb', 'the first blast', 'the murders': a definite noun of an incident's own
    kind is given information, the incident told before, whatever words lie between."""
    spans = e.evidence.get("sub_event_type") or []
    if not spans:
        return False
    start = spans[-1].start
    return bool(_DEFINITE.search(text, max(0, start - 30), start))


def _told_again(e: Event, text: str) -> bool:
    """A definite mention that says no day or town of its own ('the first blast went
    off near the altar', 'before the killings') tells the incident before again."""
    return _definite(e, text) and not _own_date(e) and not _precise(e)


def _arrests_that_day(a: Event, b: Event) -> bool:
    """'As a result of Saturday's unrest, twenty people were arrested': arrests dated to the
    day of a demonstration told before, in its country, were made at it."""
    crowd, arrests = (a, b) if b.sub_event_type == "Arrests" else (b, a)  # told in either order
    return (crowd.event_type in CROWD and arrests.sub_event_type == "Arrests" and _own_date(a) and _own_date(b)
            and len(a.event_date) == 10 and a.event_date == b.event_date)


def _coarser_retelling(a: Event, b: Event) -> bool:
    """'banners at the march in May 2024' after the march of 4 May: a later mention of the same kind
    dated only by a month (or year) holding the day told before is that day's incident."""
    return (a.sub_event_type == b.sub_event_type and _own_date(a) and _own_date(b) and bool(b.event_date)
            and len(b.event_date) < len(a.event_date) and a.event_date.startswith(b.event_date))


def _same_day_same_doer(a: Event, b: Event) -> bool:
    """ACLED's unit: one sub-event type, one day, one doer. 'Turkey began an offensive on
    Wednesday', told twice, is one offensive, even though each telling says 'an'."""
    return (a.sub_event_type == b.sub_event_type and _own_date(a) and _own_date(b)
            and bool(a.event_date) and a.event_date == b.event_date and (a.time_precision or 3) == 1
            and _named(a.actor1) and a.actor1 == b.actor1)


def _explosion_told_as_attack(a: Event, b: Event, text: str) -> bool:
    """ACLED's precedence: an explosive weapon makes an attack Explosions/Remote violence,
    so a generic mention of violence joins the explosion it names again."""
    types = {a.event_type, b.event_type}
    if "Explosions/Remote violence" not in types or not types <= {"Explosions/Remote violence"} | VIOLENT:
        return False
    other = a if a.event_type != "Explosions/Remote violence" else b
    # 'a soldier was killed in Kandahar. He died when a roadside bomb hit his vehicle': a
    # death told beside the explosion that caused it
    told_by_outcome = other is a and _told_by_death(a) \
        and not (a.inter2 and b.inter2 and a.inter2 != b.inter2)  # soldiers killed, civilians blown up: two incidents
    return _generic(other, text) or ((_generic_word(other) or told_by_outcome) and _near(a, b))


def _one_demonstration(a: Event, b: Event) -> bool:
    """A march, the police stepping in, arrests at it, shops looted and stones thrown are
    one demonstration (its sub-event type the most violent told)."""
    kinds = {a.event_type, b.event_type}
    if a.sub_event_type == "Mob violence" or b.sub_event_type == "Mob violence":
        return False
    return kinds <= CROWD or (a.event_type in CROWD and b.sub_event_type in AT_A_DEMONSTRATION)


def _place_ok(a: Event, b: Event) -> bool:
    if a.iso and b.iso and a.iso != b.iso:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False  # two provinces: two places
    if _precise(a) and _precise(b):
        if _crowd_or_at_one(a) and _crowd_or_at_one(b) and _two_towns(a, b):
            return False  # 'also demonstrated in Omdurman', across the river from Khartoum's march
        return _km(a, b) <= SAME_PLACE_KM
    return True


def _crowd_or_at_one(e: Event) -> bool:
    return e.event_type in CROWD or e.sub_event_type in AT_A_DEMONSTRATION


#: two named towns closer than this may be one place told two ways (a district and its city)
TOWN_KM = 5.0


def _two_towns(a: Event, b: Event) -> bool:
    """Two populated places of their own, named and placed apart: ACLED codes a crowd in
    each as an event of its own, however near they are."""
    return (bool(a.geonameid and b.geonameid) and a.geonameid != b.geonameid and a.location != b.location
            and _km(a, b) > TOWN_KM)


def _place_ok_for(a: Event, b: Event, text: str) -> bool:
    """A generic mention placed only by country ('the attack', said on TV in Yemen) can
    name an incident elsewhere; otherwise places must agree."""
    if (_generic(a, text) and not _precise(a)) or (_generic(b, text) and not _precise(b)):
        return not (_precise(a) and _precise(b))
    return _place_ok(a, b)


def _km(a: Event, b: Event) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _own_date(e: Event) -> bool:
    """The date was said of this mention (not the publication date taken for want of one)."""
    return "event_date" in e.evidence


def _ongoing(e: Event, text: str) -> bool:
    """The mention tells a series that began some day ("have been held since Tuesday"), not one day's incident."""
    notes = e.evidence.get("notes") or []
    return bool(notes) and _matches("ongoing", notes[0].text) is not None


def _date_ok(a: Event, b: Event) -> bool:
    if not (_own_date(a) and _own_date(b)):
        return True
    x, y = a.event_date, b.event_date
    if not x or not y:  # no publication date to resolve them: the words must agree
        return a.evidence["event_date"][0].text.lower() == b.evidence["event_date"][0].text.lower()
    return x.startswith(y) or y.startswith(x)  # the same day, or a day within the month said


def _named(name: str) -> bool:
    base = name.split(" (")[0]
    return bool(name) and base not in actors_mod.GENERIC_NAMES


def _actors_ok(a: Event, b: Event) -> bool:
    """Two different named doers make two incidents, unless one's doer is the other's
    target; two mentions that each name both sides must name the same two."""
    a1, a2, b1, b2 = (_as_side(e, n) for e, n in ((a, a.actor1), (a, a.actor2), (b, b.actor1), (b, b.actor2)))
    if _named(a1) and _named(b1) and a1 != b1 and not (a1 == b2 or b1 == a2):
        return False
    sides_a, sides_b = _sides(a), _sides(b)
    if len(sides_a) != 2 or len(sides_b) != 2:
        return True
    # an armed side the words leave unnamed ('insurgents', not 'unidentified gunmen') may be
    # the group the other mention names ('Taliban fighters')
    if _UNNAMED in sides_a and _UNNAMED not in sides_b and _may_be_named(a):
        sides_a = (sides_a - {_UNNAMED}) | (sides_b - sides_a)
    elif _UNNAMED in sides_b and _UNNAMED not in sides_a and _may_be_named(b):
        sides_b = (sides_b - {_UNNAMED}) | (sides_a - sides_b)
    return sides_a == sides_b


_UNNAMED = "Unidentified Armed Group"


def _may_be_named(e: Event) -> bool:
    """The mention's unidentified side was said with words that do not mark it unknown."""
    said = " ".join(span.text for slot in ("1", "2") if getattr(e, f"actor{slot}").startswith(_UNNAMED)
                    for span in e.evidence.get(f"actor{slot}", []))
    return bool(said) and (not _matches("unattributed_doer", said) or _counted_dead(e))


def _counted_dead(e: Event) -> bool:
    """'three soldiers and eight attackers were killed': a count of the dead names the
    attackers of an incident told before, whoever they were."""
    trig = (e.evidence.get("sub_event_type") or [None])[0]
    return trig is not None and bool(taxonomy.context("casualties").fullmatch(trig.text.lower()))


def _as_side(e: Event, name: str) -> str:
    """A state's government, army and police are one side (see :func:`_sides`)."""
    return _STATE.sub("State of ", name)


def _sides(e: Event) -> set[str]:
    """The sides a mention names, unnamed gunmen included (the text said 'unidentified');
    a state's government, army and police are one side."""
    names = {n.split(" (")[0] if n.startswith("Unidentified") else n
             for n in (e.actor1, e.actor2) if n and not n.startswith(("Civilians", "Protesters", "Rioters"))}
    # one state is one side: 'the government of Syria' and 'the Syrian Army' in one deal
    return {_as_side(e, n) for n in names}


_STATE = re.compile(r"^(?:Government|Military Forces|Police Forces) of ")
_STATE_KINDS = frozenset({"Government", "Military Forces", "Police Forces"})


def absorb(home: Event, other: Event, retelling: bool = False) -> None:
    """``other`` is a later mention of ``home``'s incident: add what it knows, and its words
    to the evidence, so the record points at every mention. A witness's ``retelling``
    ('"they came firing rockets and rifles"') adds its words only: a quote's weapons, day
    or place do not change the incident the reporter told."""
    if retelling:
        mentions.add_evidence(home, "notes", other.evidence.get("notes", []))
        return
    if (home.event_type != other.event_type and other.event_type == "Explosions/Remote violence") \
            or _killing_then_its_deed(home, other):
        for name in ("event_type", "sub_event_type", "disorder_type", "plover_type", "plover_mode"):
            setattr(home, name, getattr(other, name))
            if name in other.evidence:
                home.evidence[name] = list(other.evidence[name]) + home.evidence.get(name, [])
    if _state_answers_bomb(home, other):
        _swap_sides(other)
    mentions.merge(home, other)
    for slot in ("1", "2"):
        mine, theirs = getattr(home, f"actor{slot}"), getattr(other, f"actor{slot}")
        if theirs and _named(theirs) and not _named(mine) and theirs not in (home.actor1, home.actor2):
            for name in (f"actor{slot}", f"inter{slot}"):
                setattr(home, name, getattr(other, name))
                home.evidence[name] = list(other.evidence.get(name, []))
    if not home.actor2:  # the other side named by a later mention ("a counterattack by Afghan units")
        for slot in ("1", "2"):
            name = getattr(other, f"actor{slot}")
            if _named(name) and name != home.actor1:
                for field in ("actor", "inter"):
                    setattr(home, f"{field}2", getattr(other, f"{field}{slot}"))
                    home.evidence[f"{field}2"] = list(other.evidence.get(f"{field}{slot}", []))
                break
    home.interaction = actors_mod.interaction(home.inter1, home.inter2)
    place_mod.take_finer_place(home, other)
    if _own_date(other) and not _own_date(home):
        for name in ("event_date", "time_precision", "year"):
            setattr(home, name, getattr(other, name))
            if name in other.evidence:
                home.evidence[name] = list(other.evidence[name])
    _escalate(home, other)
    for name in ("event_type", "sub_event_type", "disorder_type", "notes"):
        mentions.add_evidence(home, name, other.evidence.get(name, []))
    home.notes = " … ".join(span.text.strip() for span in home.evidence.get("notes", [])) or home.notes


#: sub-event types whose doer planted or threw the device: never the state that answered it
BOMBS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _state_answers_bomb(home: Event, other: Event) -> bool:
    """'A car bomb exploded ... Government forces fought the gunmen for hours': the forces
    that fought back did not set off the bomb; the gunmen are the incident's doer."""
    return (home.sub_event_type in BOMBS and not _named(home.actor1) and other.event_type == "Battles"
            and other.inter1 == "State forces" and bool(other.actor2) and other.inter2 != "State forces")


def _swap_sides(event: Event) -> None:
    for field in ("actor", "inter"):
        one, two = getattr(event, f"{field}1"), getattr(event, f"{field}2")
        setattr(event, f"{field}1", two)
        setattr(event, f"{field}2", one)
        spans = event.evidence.pop(f"{field}1", None), event.evidence.pop(f"{field}2", None)
        for slot, kept in (("2", spans[0]), ("1", spans[1])):
            if kept:
                event.evidence[f"{field}{slot}"] = kept


def _escalate(home: Event, other: Event) -> None:
    """A demonstration takes the most violent sub-event type any mention tells; arrests at a
    peaceful march make it a protest with intervention."""
    if home.event_type not in CROWD or home.sub_event_type not in PROTEST_ORDER:
        return
    sub = other.sub_event_type
    if sub == "Arrests":
        sub = "Protest with intervention"
    if sub in PROTEST_ORDER and PROTEST_ORDER.index(sub) > PROTEST_ORDER.index(home.sub_event_type):
        _retype(home, sub)
        spans = list(other.evidence.get("sub_event_type", []))
        for name in ("sub_event_type", "event_type", "disorder_type"):
            home.evidence[name] = spans + [s for s in home.evidence.get(name, []) if s not in spans]


def _towns(article: Article, places: Any = None) -> dict[str, list[Any]]:
    """The article's precisely placed towns by country, each with all its mentions (not
    counting the wire dateline)."""
    by_id: dict[Any, list[Any]] = {}
    text = article.document.text
    for p in (places or place_mod.EventPlaces(article)).usable:
        # the wire dateline says where the story was filed, not what it keeps telling of
        if p.geo_precision == 1 and p.feature.startswith("P.") and p.iso and not place_mod.dateline_place(text, p):
            by_id.setdefault(p.geonameid, []).append(p)
    out: dict[str, list[Any]] = {}
    for mentions_of in by_id.values():
        out.setdefault(mentions_of[0].iso, []).append(mentions_of)
    return out


#: a town named this often in an article about one country is where its vaguely placed events
#: are, when no other town of that country is named as often (1: the only town it names there)
TOWN_MENTIONS = 1


def _narrow_place(event: Event, towns: dict[str, list[Any]], text: str) -> None:
    """A current incident placed only by its country or province takes the town the article
    keeps naming in it ('Serbians protested' in an article about Belgrade), when one town
    leads, or the only one it names in that country; not when the text chose the wider area ('towns in central Somalia')."""
    if (event.geo_precision or 0) < 3 or not event.iso or event.modality not in REAL:
        return
    where = event.evidence.get("location") or []
    if where and place_mod.LOCATED_IN.search(text, max(0, where[0].start - 40), where[0].start):
        return
    cands = [m for m in towns.get(event.iso, []) if not event.admin1 or m[0].admin1 == event.admin1]
    if not cands:
        return
    cands.sort(key=lambda m: (-len(m), m[0].span.start))
    if len(cands[0]) < TOWN_MENTIONS or (len(cands) > 1 and len(cands[1]) == len(cands[0])):
        return
    _take_place_from(event, cands[0][0])


def _with_next(event: Event, sentences: list[Span], told: set[int]) -> list[Span]:
    """The incident's sentences and each one's next sentence when that one tells no
    incident of its own ('A bomb exploded ... The death toll rose to twelve.')."""
    starts = [s.start for s in sentences]
    out = list(event.evidence.get("notes", []))
    for span in list(out):
        i = bisect_right(starts, span.start)
        if i < len(sentences) and sentences[i].start not in told and sentences[i] not in out:
            out.append(sentences[i])
    return out


def _fatalities(event: Event, text: str, sentences: list[Span]) -> None:
    """The first death count said in a sentence that tells the incident or follows one
    (not a tally)."""
    found = _death_counts(text, sentences)
    if found:
        start, value, end = min(found)
        if rules.regex("events.quantity_others", "others").match(text[end:end + 20]):
            value += 1  # "four other villagers also died": besides the victim told before them
        event.fatalities = value
        event.evidence["fatalities"] = [Span(start, end, text[start:end])]


def _death_counts(text: str, sentences: list[Span]) -> list[tuple[int, int, int]]:
    """(offset, value, end) of each death count in the sentences that are no tally and
    count no period (rule labels ``tally``, ``period_count``)."""
    found: list[tuple[int, int, int]] = []
    for sentence in sentences:
        if _matches("tally", sentence.text) or _matches("period_count", sentence.text):
            continue
        found += [(q["span"].start, q["value"], q["span"].end)
                  for q in quantities_mod.find(text, sentence.start, sentence.end) if q["kind"] == "killed"]
        for cue in load_cues().get("fatalities", ()):
            for m in cue.regex.finditer(text, sentence.start, sentence.end):
                value = _number(m.group("n"))
                if value is not None:
                    found.append((m.start("n"), value, m.end("n")))
    return sorted(found)


_SIDES = ("forces", "armed")


def _both_sides_dead(event: Event, text: str, sentences: list[Span]) -> None:
    """'three guards died and seven raiders were neutralised': when a battle's count
    is of one side's dead, the state's forces or an armed group (rules
    ``events.quantity_side``), the first count of the other side's dead in the same sentence
    is added, as ACLED counts the dead of all sides; two counts of one side are the same
    dead told twice. (Counts told in the next sentence were tried: they gained read sets and
    cost unread ones.)"""
    counted = event.evidence.get("fatalities") or []
    if event.event_type != "Battles" or not event.fatalities or not counted:
        return

    def side(end: int) -> str:
        after = text[end:end + 60]
        return next((label for label in _SIDES if rules.regex("events.quantity_side", label).match(after)), "")
    mine = side(counted[0].end)
    if not mine or len(counted) > 1:
        return
    own = [s for s in sentences if s.start <= counted[0].start < s.end]
    other = next(((start, value, end) for start, value, end in _death_counts(text, own)
                  if start != counted[0].start and side(end) not in ("", mine)), None)
    one = _AND_ONE_MORE.match(text, counted[0].end)
    if other is None and one is not None and side(one.end(1)) not in ("", mine):
        other = (one.start(1), 1, one.end(1))  # 'two soldiers and a rebel were killed'
    if other is not None:
        event.fatalities += other[1]
        event.evidence["fatalities"] = counted + [Span(other[0], other[2], text[other[0]:other[2]])]


#: 'two soldiers and a rebel were killed': one more of the other side, joined by 'and'
_AND_ONE_MORE = re.compile(r"\s+(?:[\w'’-]+\s+){1,3}?and\s+(a|an|one)(?=\s+(?:[\w'’-]+\s+){1,3}?(?:were|was)\s+"
                           r"(?:also\s+)?(?:killed|shot dead|slain|died))", re.I)


def _joined_dead(event: Event, article: Article, sentences: list[Span]) -> None:
    """'..., killing three guards and a cook': victims joined by 'and' after one
    killing word are all its dead (five), more than the count read so far."""
    if event.modality not in REAL:
        return
    for note in sentences[:1]:
        said = victims.joined_killed(article.nlp, article.document.text, note.start, note.end)
        if said is not None and said[0] > (event.fatalities or 0):
            event.fatalities, event.evidence["fatalities"] = said[0], [said[1]]
            return


def _one_victim(event: Event, article: Article, sentences: list[Span]) -> None:
    """'Gunmen shot dead a policeman', 'the mayor was stabbed ... He died today': one victim
    named in the incident's sentences (or the one after) is one death
    (:mod:`dateline.events.victims`)."""
    for note in sentences:
        said = victims.one_killed(article.nlp, article.document.text, note.start, note.end)
        if said is not None:
            event.fatalities = 1
            event.evidence["fatalities"] = [said]
            return


def _day_told_again(event: Event, article: Article) -> None:
    """'... killed nine, a spokesman said Thursday. The strike hit the village on Tuesday
    morning': an incident dated by its report for want of a day takes the day a sentence
    that only retells it says (noted by the detection stage as ``told_day``)."""
    spans = event.evidence.pop("told_day", None)
    if not spans or _own_date(event):
        return
    said = next((d for d in article.dates if d.span.start == spans[0].start), None)
    if said is not None:
        _dated(event, said.date, said.precision, list(spans))


def _unplaced_take_the_story_town(incidents: list[Event]) -> None:
    """A report tells its story's town first ('... a checkpoint in the town of Beledweyne')
    and the rest after: an incident placed nowhere or only at its country, for want of any place in
    its own sentences ('Police said they had arrested three men who planned the bombing'),
    happened in the story's town: the lead's, when every incident the report places at a
    town is in that one. The town's words are its evidence."""
    real = [e for e in incidents if e.modality in REAL]
    placed = [e for e in real if place_mod.precise(e)]
    if not placed or placed[0] is not real[0] or len({e.geonameid or e.location for e in placed}) > 1:
        return  # the lead names no town, or the story has several: which one is not said
    story = placed[0]
    for event in incidents:
        unplaced = not event.location or (event.geo_precision == 3 and event.location == event.country
                                          and event.iso == story.iso)
        if event is story or event.modality not in REAL or not unplaced or _placed_in_its_sentences(event):
            continue
        place_mod.copy_place(event, story)


def _placed_in_its_sentences(event: Event) -> bool:
    """The place was said in one of the incident's own sentences, not taken from elsewhere."""
    where, notes = event.evidence.get("location") or [], event.evidence.get("notes") or []
    return bool(where) and any(n.start <= where[0].start < n.end for n in notes)


def _undated_take_the_story_day(incidents: list[Event]) -> None:
    """A report tells its story's day first and the rest after ('Riot police broke up a
    march in Kampala on Sunday ... In Gulu, a crowd rallied in a stadium'): an incident
    told with no day of its own, dated by the report for want of one,
    happened on the day of the first incident the report dates, when that day lies in the
    week before it. The story's day is its evidence."""
    story = next((e for e in incidents if _own_date(e) and e.modality in REAL and len(e.event_date or "") == 10), None)
    if story is None:
        return
    for event in incidents:
        if (_own_date(event) or event.modality not in REAL or len(event.event_date or "") != 10
                or _sentence_start(event) < _sentence_start(story)):
            continue
        if timing.in_the_week_before(story.event_date, event.event_date):
            _dated(event, story.event_date, story.time_precision, list(story.evidence["event_date"]))


def _dated(event: Event, day: str, precision: int | None, spans: list[Span]) -> None:
    """The event happened on ``day``, as the words at ``spans`` say."""
    event.event_date, event.time_precision, event.year = day, precision, timing.year_of(day)
    event.evidence["event_date"] = event.evidence["time_precision"] = event.evidence["year"] = spans


def _claimed(event: Event, text: str, sentences: list[Span]) -> None:
    """An attack whose doers go unnamed ('a suicide bomber', 'gunmen') is the armed group's
    that claims it ('in an attack claimed by al-Shabaab', 'the group said it had carried
    out the attack') or that is blamed for it ('Police blamed the gang'); see
    :func:`_claims_or_is_blamed`."""
    if event.event_type not in VIOLENT or event.modality not in REAL:
        return
    if event.actor1 and not event.actor1.startswith("Unidentified") and event.inter1 not in ("State forces", "Civilians"):
        return  # a named group already does it; civilians read as doers were the victims
    for sentence in sentences:
        for actor in actors_mod.armed_groups(text, sentence.start, sentence.end):
            if _claims_or_is_blamed(text, sentence, actor):
                _claimant_does_it(event, actor, text)
                return


def _claims_or_is_blamed(text: str, sentence: Span, actor: Any) -> bool:
    """The group claims the attack (rule labels ``claim_before``, ``claim_after``, or it
    tells the deed as its own: ``self_claim``) or is blamed for it, and does not deny it in the same sentence (``blame_before``,
    ``blame_after``, ``blame_denied``): ACLED codes a suspected perpetrator too."""
    before, after = text[max(sentence.start, actor.start - 50):actor.start], text[actor.end:sentence.end]
    if _matches("claim_before", before) or _matches("claim_after", after):
        return True
    if roles.own_deed_subject(text, actor.end, sentence.end) is not None:
        return True  # 'the Islamic State group said its men had shot dead 20 officers'
    return bool(_matches("blame_before", before) or _matches("blame_after", after)) and \
        not _matches("blame_denied", after)


def _commemorated(incidents: list[Event], article: Article) -> None:
    """'Poland marks 80 years since the war began': in an article whose opening marks an
    anniversary (rule label ``commemoration``), violence told with no date of its own is
    the history remembered; the cue is its evidence."""
    text = article.document.text
    cue = _matches("commemoration", text[:max(headline_end(article.document), 400)])
    if cue is None:
        return
    for event in incidents:
        if event.event_type in VIOLENT and event.modality in REAL and not _own_date(event):
            event.modality = "historical"
            event.evidence["modality"] = [Span(cue.start(), cue.end(), cue.group(0))]


def _claims_told_later(incidents: list[Event], article: Article) -> dict[int, list[Span]]:
    """'... The group claimed responsibility in a statement.': a claim told in a
    sentence of its own (rule label ``claim_said``) is of the violent incident told last
    before it; one that names a blast ('No group has claimed the market blast', rule label
    ``claim_of_blast``) is of the last explosion. Incident id -> such claim sentences."""
    told = sorted(((span.start, event) for event in incidents if event.event_type in VIOLENT
                   for span in event.evidence.get("notes", [])), key=lambda pair: pair[0])
    out: dict[int, list[Span]] = {}
    for sentence in article.sentences:
        if not _matches("claim_said", sentence.text):
            continue
        blast = _matches("claim_of_blast", sentence.text) is not None
        before = [event for start, event in told if start < sentence.start
                  and (not blast or event.event_type == "Explosions/Remote violence")]
        if before and sentence not in before[-1].evidence.get("notes", []):
            out.setdefault(id(before[-1]), []).append(sentence)
    return out


def _claimant_does_it(event: Event, actor: Any, text: str) -> None:
    """The claimant is actor1; state forces or civilians read as the doer were the target
    ('drove a car bomb into a military checkpoint', 'a farmer was killed when a mine went off')."""
    forces = event.inter1 in ("State forces", "Civilians")
    old = (event.actor1, event.inter1, list(event.evidence.get("actor1", [])))
    if event.actor2 == actor.name:
        _clear(event, "2")
    _set(event, "1", actor.name, actor.inter, [Span(actor.start, actor.end, text[actor.start:actor.end])])
    if forces and (not event.actor2 or event.actor2.startswith(tuple(actors_mod.GENERIC_NAMES))):
        _set(event, "2", old[0], old[1], old[2])


def _home_country(article: Article) -> str:
    """The country the article names most: a hometown paper's soldiers are its country's."""
    counts: dict[str, int] = {}
    for p in article.places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else ""


#: the state forces whose fallen members make them a side: victims rule label -> ACLED name
_FALLEN = {"military": "Military Forces of", "police": "Police Forces of"}


def _fallen_soldiers(event: Event, article: Article, home: str) -> None:
    """'A Marshall soldier was killed Monday in Afghanistan', 'a policeman was hacked to
    death': the other side lost soldiers or police, so it is a state's military or police
    forces: the nation said with them ('three Afghan soldiers'), else the country the
    article names most, not the civilians of the place where they fell."""
    if event.event_type not in VIOLENT or event.modality not in REAL or event.inter1 == "State forces":
        return
    if event.actor2 and not event.actor2.startswith(tuple(actors_mod.GENERIC_NAMES)) and event.actor2 != event.actor1:
        return
    lex = actors_mod.load()
    for sentence in event.evidence.get("notes", []):
        harmed = victims.forces_harmed(article.nlp, article.document.text, sentence.start, sentence.end, _FALLEN)
        if harmed is None:
            continue
        force, phrase = harmed
        iso = next((lex.nations[t.text.lower()] for t in phrase if t.text[:1].isupper() and t.text.lower() in lex.nations), "")
        country = (country_name(iso) or iso) if iso else home
        if country:
            _set(event, "2", f"{_FALLEN[force]} {country}", "State forces", [Span(phrase.start_char, phrase.end_char, phrase.text)])
        return


def _number(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in {"a", "an", "many", "several", "few", "multiple"}:
        return None  # too vague to be a count here
    return quantities_mod.word_numbers().get(word)


# --- 3. ACLED's conventions on the record ------------------------------------------------

def conventions(event: Event, text: str, article: Article | None = None, home: str = "",
                group: actors_mod.Actor | None = None) -> None:
    """Name the sides as ACLED does and fill fatalities; evidence is the mention's words.
    ``article`` and its most-named country ``home`` let fallen soldiers name their side;
    ``group``, the one armed group the article names, is a battle's unnamed side."""
    trigger = list(event.evidence.get("sub_event_type") or event.evidence.get("event_type") or [])
    country = event.country
    if event.event_type in {"Protests", "Riots"}:
        _crowd(event, "Protesters" if event.event_type == "Protests" else "Rioters", country, trigger, text)
        if event.fatalities and (event.sub_event_type in _NO_ONE_KILLED or _dead_it_protests(event, text)):
            event.fatalities, event.evidence["fatalities"] = 0, list(trigger)  # its dead are another event's
        if event.sub_event_type == "Mob violence" and not event.actor2 and country:
            # 'a mob set fire to 20 houses': whom a mob turns on, people or their homes, are civilians
            _set(event, "2", f"Civilians ({country})", "Civilians", trigger)
    elif event.event_type in VIOLENT:
        _no_government_doer(event, text)
        if event.inter1 == "Civilians" and event.actor2 in {"", event.actor1}:
            # 'villagers were killed when their bus hit a mine': the dead, not the doers
            _clear(event, "1") if event.actor2 else _swap_sides(event)
        if article is not None:
            _fallen_soldiers(event, article, home)
        if event.actor2 and event.actor2 == event.actor1:
            _clear(event, "2")  # one side named twice ('Somali security forces', 'the government') is one side
        if not event.actor1 and country:
            _set(event, "1", f"Unidentified Armed Group ({country})", "Political militia", trigger)
        elif event.event_type == "Battles" and not event.actor2 and country and event.inter1 == "State forces":
            # a battle has two sides: the one the forces fought, unnamed, is unidentified
            _set(event, "2", f"Unidentified Armed Group ({country})", "Political militia", trigger)
        if event.event_type == "Battles" and group is not None:
            _unnamed_side_is_the_group(event, group, text)
        if event.event_type == "Violence against civilians" and event.inter2 in {"Protesters", "Rioters"} and country:
            # 'its activists were beaten to death': whom an armed side attacks are civilians
            _set(event, "2", f"Civilians ({country})", "Civilians", event.evidence.get("actor2", []))
        if event.event_type == "Violence against civilians" and not event.actor2 and country:
            _set(event, "2", f"Civilians ({country})", "Civilians", trigger)
        elif event.event_type == "Explosions/Remote violence" and not event.actor2 and country:
            _victims_are_civilians(event, country)
    elif event.sub_event_type == "Arrests" and event.actor1 and not event.actor2 and country:
        # those detained are actor2: ACLED's civilians of the country unless a group or a crowd is named
        _set(event, "2", f"Civilians ({country})", "Civilians", trigger)
    for slot in ("1", "2"):
        name = getattr(event, f"actor{slot}")
        if name in actors_mod.GENERIC_NAMES and country:
            setattr(event, f"actor{slot}", f"{name} ({country})")
        elif name in _STATE_KINDS and country:  # 'police' said where no country was known yet
            setattr(event, f"actor{slot}", f"{name} of {country}")
    event.interaction = actors_mod.interaction(event.inter1, event.inter2)
    if event.interaction:
        event.evidence["interaction"] = event.evidence.get("inter1", []) + event.evidence.get("inter2", [])
    if event.event_type == "Violence against civilians" or event.inter2 == "Civilians":
        event.civilian_targeting = "Civilian targeting"
        event.evidence["civilian_targeting"] = event.evidence.get("inter2") or trigger
    if event.fatalities is None and event.modality in REAL:
        event.fatalities = 0  # none reported in any mention of the incident
        event.evidence["fatalities"] = trigger


#: protests in which, by ACLED's definition, no one was killed: a death told beside them is
#: what they protest or another event's (force that kills is Excessive force against protesters)
_NO_ONE_KILLED = frozenset({"Peaceful protest", "Protest with intervention"})


def _dead_it_protests(event: Event, text: str) -> bool:
    """'Protesters set fire to the governor's office after a man died in police custody': a
    death told after a crowd's deed as its cause ('after', 'over', 'to protest') is its
    grievance, not a death in it (rule label ``crowd_cause`` of ``events.context``)."""
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    dead = (event.evidence.get("fatalities") or [None])[0]
    if trig is None or dead is None or dead.start <= trig.end:
        return False
    cause = taxonomy.context("crowd_cause").search(text, trig.end, min(len(text), dead.end + 60))
    return cause is not None and cause.start() <= dead.start


def _sole_armed_group(article: Article) -> actors_mod.Actor | None:
    """The one armed group the article names, if it names exactly one and does not say
    that the doers are unknown ('no group has claimed', rule label ``doer_unknown``)."""
    text = article.document.text
    if _matches("doer_unknown", text):
        return None
    named: dict[str, actors_mod.Actor] = {}
    for actor in actors_mod.armed_groups(text):
        named.setdefault(actor.name, actor)
    return next(iter(named.values())) if len(named) == 1 else None


def _unnamed_side_is_the_group(event: Event, group: actors_mod.Actor, text: str) -> None:
    """'Fighting broke out in the city', 'troops clashed with militants': in an article that
    names one armed group, the battle's unnamed side is that group (its first mention is
    the evidence); a side the words leave unattributed ('gunmen', 'unknown attackers',
    rule label ``unattributed_doer``) stays unidentified."""
    if event.modality not in REAL or group.name in (event.actor1, event.actor2):
        return
    for slot in ("1", "2"):
        if not getattr(event, f"actor{slot}").startswith(_UNNAMED):
            continue
        said = " ".join(span.text for span in event.evidence.get(f"actor{slot}", []))
        if not _matches("unattributed_doer", said):
            _set(event, slot, group.name, group.inter, [Span(group.start, group.end, text[group.start:group.end])])
        return


def _victims_are_civilians(event: Event, country: str) -> None:
    """'A bombing killed a photojournalist and five others': the dead (else the wounded) of an
    explosion whose target the words do not name as a force or an armed group are civilians
    (ACLED's Civilians (country), civilian targeting); the evidence is their count."""
    dead = event.evidence.get("fatalities") or []
    if event.modality not in REAL:
        return
    if event.fatalities and dead:
        _set(event, "2", f"Civilians ({country})", "Civilians", dead)
        return
    hurt = [q["span"] for q in event.quantities if q["kind"] == "injured"]  # stored as dicts (mentions)
    if hurt:  # 'a grenade ... wounding six people': the hurt are its victims too
        _set(event, "2", f"Civilians ({country})", "Civilians", [Span(hurt[0]["start"], hurt[0]["end"], hurt[0]["text"])])


def _set(event: Event, slot: str, name: str, inter: str, spans: list[Any]) -> None:
    setattr(event, f"actor{slot}", name)
    setattr(event, f"inter{slot}", inter)
    event.evidence[f"actor{slot}"] = list(spans)
    event.evidence[f"inter{slot}"] = list(spans)


def _clear(event: Event, slot: str) -> None:
    setattr(event, f"actor{slot}", "")
    setattr(event, f"inter{slot}", "")
    event.evidence.pop(f"actor{slot}", None)
    event.evidence.pop(f"inter{slot}", None)


_CROWD_INTER = frozenset({"Protesters", "Rioters"})
#: demonstrations whose other side is the force that met the crowd: it stepped in, fired,
#: or was pelted by the rioters ('rioters hurled stones at police')
_FORCES_STEP_IN = _FORCE_USED | {"Violent demonstration"}


def _crowd(event: Event, kind: str, country: str, trigger: list[Any], text: str) -> None:
    """A demonstration's actor1 is the crowd, named by country; a state force found as its
    doer is the side that stepped in (actor2)."""
    if event.inter1 == "State forces" and event.sub_event_type != "Peaceful protest" \
            and (not event.actor2 or event.inter2 in _CROWD_INTER):  # 'police fired tear gas at protesters'
        _set(event, "2", event.actor1, event.inter1, event.evidence.get("actor1", []))
    if event.inter2 not in {"State forces", "Political militia", "Identity militia"} \
            or event.actor2.startswith("Government of") or event.sub_event_type == "Peaceful protest":
        _clear(event, "2")
    name = f"{kind} ({country})" if country else kind
    spans = event.evidence.get("actor1", []) if event.inter1 == kind else trigger
    _set(event, "1", name, kind, spans)
    if not event.actor2 and event.sub_event_type in _FORCES_STEP_IN:
        _forces_step_in(event, text)
    if not event.actor2 and event.sub_event_type in _FORCE_USED and country:
        # tear gas, baton charges, arrests of a crowd: the state's force keeping order did it
        _set(event, "2", f"Police Forces of {country}", "State forces", trigger)
    said = " ".join(span.text for span in event.evidence.get("actor2", []))
    if event.actor2.startswith("Military Forces of ") and _matches("crowd_police", said.strip()):
        # 'security forces fired tear gas at the marchers': the forces keeping order are police
        event.actor2 = event.actor2.replace("Military Forces of ", "Police Forces of ", 1)


def _forces_step_in(event: Event, text: str) -> None:
    """The police named in the mention's sentences stepped in ('police said' tells it)."""
    forces = [a for span in event.evidence.get("notes", [])
              for a in actors_mod.find(text, span.start, span.end, default_iso=event.iso)
              if a.inter == "State forces" and not a.name.startswith("Government") and not roles.no_side(text, a)]
    if forces:
        _set(event, "2", forces[0].name, "State forces", [Span(forces[0].start, forces[0].end, text[forces[0].start:forces[0].end])])


#: 'a US counter-terrorism operation', 'an Israeli air strike': the state's forces did it
_OPERATION_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:operation|raid|air ?strikes?|drone strikes?|offensive|"
                              r"bombing|shelling|assault|crackdown)\b", re.I)


def _no_government_doer(event: Event, text: str) -> None:
    """'Government of X' does not fight: in a battle the state's side is its armed forces,
    and so is a government named right before the weapon ('Sri Lankan government shelling')
    or as the owner of an operation ('a US counter-terrorism operation');
    anywhere else it is the speaker or the host state, not a side."""
    trig = (event.evidence.get("sub_event_type") or [None])[0]
    for slot in ("1", "2"):
        name = getattr(event, f"actor{slot}")
        if not name.startswith("Government of "):
            continue
        spans = event.evidence.get(f"actor{slot}", [])
        adjacent = bool(spans) and trig is not None and 0 <= trig.start - spans[0].end <= 12
        operation = bool(spans) and _OPERATION_AFTER.match(text, spans[0].end) is not None
        if event.event_type == "Battles" or adjacent or operation:
            _set(event, slot, name.replace("Government of", "Military Forces of", 1), "State forces", spans)
        else:
            _clear(event, slot)
