"""Event detection: sentences -> typed triggers -> ACLED-coded events with evidence.

Per sentence: find typed triggers (:mod:`taxonomy`), keep one event per sub-event type
(a sentence may hold several events of different types), drop anaphoric mentions of an
event already coded ("the attack" after the attack), then fill actors, quantities,
modality, place and date, each with the span it came from.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from dateline.events import actors as actors_mod
from dateline.events import modality as modality_mod
from dateline.events import plover as plover_mod
from dateline.events import quantities as quantities_mod
from dateline.events import scope
from dateline.events import taxonomy
from dateline.records import Article, DateMention, Event, Place, Span, span_of

_ANAPHORIC = re.compile(r"(?:\b(?:the|this|that|its|their|his|her|these|those)|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last night|last week|this week|weekend)['\u2019]s?)\s+(?:\w+\s+)?$", re.I)
_GENERIC_TRIGGERS = frozenset({"attack", "attacks", "incident", "assault", "offensive", "onslaught",
                               "fighting", "deal", "agreement", "violence", "bombing", "explosion", "blast"})
_BY = re.compile(r"\b(?:by|of|from)\s+(?:\w+[\s-]+){0,3}$", re.I)
_AGAINST = re.compile(r"\b(?:against|on|at|targeting|targeted|upon|with|into)\s+(?:\w+[\s-]+){0,4}$", re.I)
_CLAIM_RESP = re.compile(r"\bclaim\w* (?:of )?responsibility\b", re.I)


def detect(article: Article, *, lexicon: actors_mod.Lexicon | None = None) -> None:
    """Fill ``article.events``; one pass over sentences, patterns compiled once."""
    text = article.document.text
    lex = lexicon or actors_mod.load()
    sentences = article.sentences or [span_of(text, 0, len(text))]
    year = _year(article.document.published)
    places = _event_places(article)
    recent: list[tuple[int, Event]] = []  # (sentence index, event) for anaphora
    events: list[Event] = []
    background = False  # the sentence before was background ("served for years")
    for index, sentence in enumerate(sentences):
        merges: list[tuple[Event, Event, taxonomy.Trigger]] = []
        own = False
        before = sentences[index - 1].start if index else sentence.start
        for trig in _sentence_triggers(text, sentence, before, scope.can_report(article, sentence)):
            earlier = _anaphoric(text, trig, index, recent) or _follow_up(text, sentence, trig, index, recent)
            event = _build(article, places, sentence, index, trig, lex, year, background)
            if event is None:
                continue
            if earlier is not None:
                merges.append((earlier, event, trig))
                continue
            own = True
            events.append(event)
            recent.append((index, event))
        for earlier, event, trig in merges:
            if own or _quoted(text, sentence, trig) or event.modality in {"claimed", "denied", "threatened"}:
                _drop_quantities(event)  # the sentence's numbers belong to its own event
            else:
                _keep_clause_quantities(event, text, sentence, trig)
            backdrop = _BACKGROUND_CUE.search(text, trig.end, sentence.end)
            no_cue = event.evidence.get("modality") == event.evidence.get("event_type")
            if event.modality == "historical" and (backdrop or no_cue):
                event.modality = "asserted"  # the past belongs to the backdrop ("deadliest since ... 2018")
            _merge(earlier, event)
            recent.append((index, earlier))  # told again: still fresh for the next sentences
            cue = modality_mod.HISTORICAL.search(text, sentence.start, backdrop.start() if backdrop else sentence.end)
            if cue and earlier.modality == "asserted":
                earlier.modality = "historical"
                earlier.evidence["modality"] = [span_of(text, cue.start(), cue.end())]
                if "event_date" not in earlier.evidence:
                    _fill_date(earlier, article.document, _background_date(article.dates, sentence))
        background = _is_background(text, sentence, article.dates)
        _claim_responsibility(text, sentence, index, recent, lex)
    article.events = events


def _sentence_triggers(text: str, sentence: Span, context_start: int | None = None,
                       has_verb: bool = True) -> list[taxonomy.Trigger]:
    """One trigger per sub-event type in a sentence: the first one. ``context_start``:
    where the text that sets the sentence's topic begins (the sentence before)."""
    if not has_verb:
        return []  # a caption ('Another part of the march.') reports nothing
    seen: dict[str, taxonomy.Trigger] = {}
    found = taxonomy.triggers(text, sentence.start, sentence.end)
    # "shot" inside "shot down": a trigger within a longer one of another type is part of it
    found = [t for t in found if not any(o is not t and o.sub_event != t.sub_event and o.start <= t.start
                                         and t.end <= o.end and (o.end - o.start) > (t.end - t.start) for o in found)]
    for trig in sorted(found, key=lambda t: t.start):
        if _in_background_phrase(text, sentence, trig) or _not_a_deed(text, trig, sentence):
            continue
        if scope.out_of_scope(text[sentence.start if context_start is None else context_start:sentence.end],
                              text[sentence.start:sentence.end], trig.sub_event):
            continue
        if _vague_territory(trig):
            trig = _claimed_territory(text, sentence, trig)
            if trig is None:
                continue
        seen.setdefault(trig.sub_event, trig)
    return list(seen.values())


_FAKE = re.compile(r"\b(?:fake|hoax|replica|toy|mock|imitation|dummy|fictional|simulated)\s+(?:\w+\s+)?$", re.I)
_DOER_NOUN = re.compile(r"(?:attackers?|assailants?|fighters?|shooters?|raiders?)", re.I)


_METAPHOR = re.compile(r"\b(?:legal|court|courtroom|custody|political|electoral|election|uphill|budget|policy|ratings|hard|long|tough|constant|personal|lifelong|public relations)\s+(?:\w+\s+)?$", re.I)
_FIGHT_AGAINST_ILL = re.compile(r"\s+(?:against|with|over)\s+(?:the\s+)?(?:cancer|corruption|climate|poverty|disease|illness|covid\w*|coronavirus|virus|pandemic|crime|drugs|addiction|inflation|hunger|fire|fires|wildfires?|flames)\b", re.I)
_NOUN_SHOT = re.compile(r"\b(?:a|the|no|any|good|big|best|long|first|second|last|free|veiled|parting|cheap|final|fair|real)\s+$", re.I)
#: "attacked Trump for the tweet", "attacked the inquiry as Soviet-style", "attack Trump on his taxes"
_VERBAL_ATTACK = re.compile(
    r"(?:\s+[\w'’.\"-]+){1,5}?\s+(?:for|as\s+(?:a|an|being|\"|'|unfair|weak|soviet)|over\s+(?:his|her|their|its)|"
    r"on\s+(?:his|her|their|its)\s+(?:taxes|record|policies|policy|handling|comments|remarks|stance|plan|response))\b"
    r"|\s+(?:on|the)\s+(?:the\s+)?(?:media|press|mail-in voting|impeachment|inquiry|investigation|decision|policy|"
    r"bill|proposal|plan|report|ruling|idea|record|culture|duopoly)\b", re.I)
_ANIMALS = re.compile(
    r"(?:\s+(?:of|off))?(?:\s+(?:over|about|nearly|some|more than|at least|up to))?(?:\s+[\d,]+)?"
    r"\s+(?:\w+\s+)?(?:pigs?|hogs?|swine|chickens?|birds?|poultry|ducks?|geese|cattle|cows?|sheep|goats?|"
    r"animals?|dogs?|cats?|rats?|mosquitoes|fish|whales?|dolphins?|sharks?|wolves|bears?|lions?|elephants?|"
    r"deer|horses?|camels?|livestock|badgers?|mink|seals?)\b", re.I)
_SPACE = re.compile(r"\b(?:space\w*|NASA|SpaceX|satellites?|orbit\w*|astronauts?|Falcon|Soyuz|launch pad|fireworks?)\b", re.I)
_MISHAP = re.compile(r"\b(?:gas (?:leak|cylinder|explosion|pipeline)|boiler|factory|chemical plant|refinery|fireworks?|accident\w*|mine collapse|industrial|volcan\w*|meteor\w*)\b", re.I)
_SUICIDE_ATTACK = re.compile(r"[\s-]+(?:\w+[\s-]+)?(?:bomb\w*|attack\w*|vests?|blasts?|car|truck|belts?|explosi\w*|mission|squad|operation|raid|drone|jacket)\b", re.I)


def _not_a_deed(text: str, trig: taxonomy.Trigger, sentence: Span | None = None) -> bool:
    """No event: a prop ('a fake suicide vest'), a person ('the attacker, identified as'),
    a figure of speech ('a long, hard fight', 'custody battle', 'a shot at the title', 'to deal
    with'), a study of suicide, a space rocket, a gas explosion."""
    word = trig.word.lower()
    before = text[max(0, trig.start - 30):trig.start]
    if _FAKE.search(before):
        return True
    if trig.event_type in {"Battles", "Violence against civilians"} and _DOER_NOUN.fullmatch(word):
        return True
    if word in {"fight", "fights", "fighting", "battle", "battles"} and (
            _METAPHOR.search(before) or _FIGHT_AGAINST_ILL.match(text, trig.end)
            or re.match(r"\s+for\s+(?!control\b|the (?:town|city|village|area|region|base|district|province|capital)\b)",
                        text[trig.end:trig.end + 40], re.I)):  # "fight for equal rights"
        return True
    if word == "shot" and _NOUN_SHOT.search(before):
        return True
    if word == "deal" and re.match(r"\s+with\b", text[trig.end:trig.end + 6]) and re.search(
            r"\b(?:to|can|could|will|would|must|should|cannot|how)\s+$", before, re.I):
        return True
    if word == "suicide" and not _SUICIDE_ATTACK.match(text, trig.end):
        return True
    after = text[trig.end:trig.end + 60]
    if word.startswith("attack") and _VERBAL_ATTACK.match(after):
        return True  # "Biden attacked Trump for the tweet": words, not blows
    if word.startswith(("kill", "slaughter", "massacre")) and _ANIMALS.match(after):
        return True  # "ordered the killing of 300,000 pigs": a cull
    if word in {"fight", "fights"} and re.search(r"\bthe\s+$", before, re.I) and after.lstrip().startswith("against"):
        return True  # "gains in the fight against ISIS": a campaign, not a battle
    if sentence is not None:
        sent = text[sentence.start:sentence.end]
        if trig.sub_event == "Shelling/artillery/missile attack" and _SPACE.search(sent):
            return True
        if trig.event_type == "Explosions/Remote violence" and word in {"explosion", "explosions", "exploded", "blast", "blasts", "explode", "explodes"} \
                and _MISHAP.search(sent) and not re.search(r"\b(?:bomb|IED|militant|attack|insurgent)", sent, re.I):
            return True
    return False


def _anaphoric(text: str, trig: taxonomy.Trigger, index: int, recent: list[tuple[int, Event]]) -> Event | None:
    """'the attack' right after an attack was coded refers back to it: that event."""
    if not _ANAPHORIC.search(text, max(0, trig.start - 25), trig.start):
        return None
    if trig.word.lower() not in _GENERIC_TRIGGERS:
        # "the airstrike", "the first bomb": a definite mention of the same kind told just before
        same = [e for i, e in recent if index - i <= 4 and e.sub_event_type == trig.sub_event
                and e.modality not in {"threatened", "denied", "planned", "hypothetical", "negated"}]
        return same[-1] if same else None
    violent = trig.disorder_type.startswith("Political violence")
    reach = 10 if re.search(r"['\u2019]s?\s+(?:\w+\s+)?$", text[max(0, trig.start - 25):trig.start]) else 3
    same = [e for i, e in recent if index - i <= reach and (e.sub_event_type == trig.sub_event or (
        violent and e.disorder_type.startswith("Political violence") and e.modality != "threatened"
        and e.sub_event_type not in _TERRITORY_SUBS))]  # "the attack" is no change of territory
    return same[-1] if same else None


_CASUALTY_TRIGGER = re.compile(r"(?:killed|killing|dead|died|wounded|injured|captured|arrested|shot)$", re.I)
_BARE_NOISE = re.compile(r"(?:explosions?|blasts?|gunfire|gunshots?|shooting|shots|fighting|clashes|bang)$", re.I)
_REPELLED = re.compile(r"\b(?:drove|driven|drive|pushed|push|forced|chased|beat)\s+(?:them|the attackers|the militants|the assailants|the insurgents|the fighters|the gunmen|\w+)?\s*(?:back|out of (?:the |our |its |their )?(?:camp|base|barracks|post|position|compound|garrison|checkpoint|outpost|gate)s?)\b", re.I)
_VAGUE_GROUND = re.compile(r"\b(?:swath\w*|rural areas|large parts?|much of|vast (?:areas|parts|tracts)|territory)\b", re.I)
_TERRITORY_SUBS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _vague_territory(trig: taxonomy.Trigger) -> bool:
    """'seized wide swathes of rural areas': a trend summary, not an event with a place."""
    return trig.sub_event in _TERRITORY_SUBS and bool(_VAGUE_GROUND.search(trig.word))


_CLAIM_THAT = re.compile(r"\bclaim\w*\s+(?:by\s+(?:\w+\s+){1,3})?that\s+(?:\w+\s+){0,4}?(?P<t>(?:were|was|are|is)\s+in control of|control(?:led|s)?|seized|captured|overr[au]n)\b", re.I)


def _claimed_territory(text: str, sentence: Span, trig: taxonomy.Trigger) -> taxonomy.Trigger | None:
    """A vague 'seized wide swathes' is kept only as the claim the sentence reports
    ("claims by the militants that they were in control of 85 percent"): that clause is the event."""
    m = _CLAIM_THAT.search(text, trig.end, sentence.end)
    if not m:
        return None
    return taxonomy.Trigger(trig.sub_event, m.start("t"), m.end("t"), trig.weight, m.group("t"))


_DISPUTED = re.compile(r"\b(?:disputed|rejected|denied|dismissed|refuted|contested)\s+by\s+", re.I)


def _disputed(event: Event, text: str, sentence: Span, trig: taxonomy.Trigger, lex: actors_mod.Lexicon) -> None:
    """A claim 'disputed by X': tag who disputes it, with the span."""
    m = _DISPUTED.search(text, trig.end, sentence.end)
    if not m or event.modality != "claimed":
        return
    found = [a for a in actors_mod.find(text, m.end(), min(sentence.end, m.end() + 60), lexicon=lex)
             if a.start - m.end() < 20]
    if not found:
        return
    event.tags = f"disputed by {found[0].name}"
    event.evidence["tags"] = [span_of(text, m.start(), found[0].end)]


def _quoted(text: str, sentence: Span, trig: taxonomy.Trigger) -> bool:
    """The trigger sits inside a quotation (an odd number of quote marks before it)."""
    before = text[sentence.start:trig.start]
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


def _follow_up(text: str, sentence: Span, trig: taxonomy.Trigger, index: int,
               recent: list[tuple[int, Event]]) -> Event | None:
    """A later mention of the violence just coded, not a new event: a witness's "we heard an
    explosion", "drove them out of the camp" (the attack repelled), or a bare casualty report
    ("15 militants were killed") with no armed side named of its own."""
    violent = [e for i, e in recent if index - i <= 3 and e.disorder_type.startswith("Political violence")
               and e.modality not in {"threatened", "denied"}]
    if _quoted(text, sentence, trig) and _BARE_NOISE.search(trig.word):
        # a witness recalls the noise of the attack already told: at most six sentences back
        told = [e for i, e in recent if index - i <= 6 and e.disorder_type.startswith("Political violence")
                and e.modality not in {"threatened", "denied"}]
        if told:
            return told[-1]
    if not violent:
        return None
    word = trig.word
    if trig.sub_event in _TERRITORY_SUBS and _REPELLED.search(text, trig.start, min(sentence.end, trig.end + 40)):
        battles = [e for e in violent if e.event_type == "Battles"]
        return (battles or violent)[-1]
    if _quoted(text, sentence, trig) and _BARE_NOISE.search(word):
        return violent[-1]
    if _CASUALTY_TRIGGER.fullmatch(word.lower()) and trig.disorder_type.startswith("Political violence"):
        named = [a for a in actors_mod.find(text, sentence.start, sentence.end) if not a.generic]
        if not named and not re.search(r"\b(?:in|near|at|outside)\s+[A-Z]", text[sentence.start:sentence.end]):
            battles = [e for e in violent if e.event_type == "Battles"]
            return (battles or violent)[-1]
    return None


def _drop_quantities(event: Event) -> None:
    event.quantities = []
    event.fatalities = None
    event.evidence.pop("quantities", None)
    event.evidence.pop("fatalities", None)


def _keep_clause_quantities(event: Event, text: str, sentence: Span, trig: taxonomy.Trigger) -> None:
    """A mention with no event of its own in its sentence brings that sentence's numbers."""
    _drop_quantities(event)
    cue = _BACKGROUND_CUE.search(text, trig.end, sentence.end)
    # "Monday's attack, the deadliest since an assault in 2018 that killed 95": the numbers
    # after a backdrop cue are the backdrop's
    _fill_quantities(event, text, span_of(text, sentence.start, cue.start()) if cue else sentence)


def _merge(earlier: Event, later: Event) -> None:
    """One event told over several sentences: the later mention adds what it knows."""
    known = {q["kind"] for q in earlier.quantities}
    known = {(q["kind"], q["value"]) for q in earlier.quantities}
    new = [(q, span) for q, span in zip(later.quantities, later.evidence.get("quantities", []))
           if (q["kind"], q["value"]) not in known]
    if new:
        earlier.quantities = earlier.quantities + [q for q, _ in new]
        earlier.evidence["quantities"] = earlier.evidence.get("quantities", []) + [span for _, span in new]
    if later.fatalities is not None and earlier.fatalities is None:
        earlier.fatalities = later.fatalities
        earlier.evidence["fatalities"] = later.evidence["fatalities"]
    for slot in ("1", "2"):
        if not getattr(earlier, f"actor{slot}") and getattr(later, f"actor{slot}"):
            for name in (f"actor{slot}", f"inter{slot}"):
                setattr(earlier, name, getattr(later, name))
                earlier.evidence[name] = later.evidence[name]
    earlier.interaction = actors_mod.interaction(earlier.inter1, earlier.inter2)
    if later.modality == "historical" and earlier.modality == "asserted":
        earlier.modality = "historical"
        earlier.evidence["modality"] = later.evidence["modality"]


_BACKGROUND_CUES = r"amid|following|follows|followed|comes after|came after|in retaliation for|in response to|despite|in the face of|(?:deadliest|worst|biggest|largest|bloodiest|first) (?:\w+ )?since|to encourage|to further|ahead of|in the wake of"
_BACKGROUND_CUE = re.compile(rf"\b(?:{_BACKGROUND_CUES})\b", re.I)
_BACKGROUND = re.compile(r"\b(?:amid|following|follows|followed|comes after|came after|in retaliation for|in response to|despite|in the face of|(?:deadliest|worst|biggest|largest|bloodiest|first) (?:\w+ )?since|to encourage|to further|ahead of|in the wake of)\s+(?:[\w'’]+[\s-]+){0,5}$", re.I)


def _in_background_phrase(text: str, sentence: Span, trig: taxonomy.Trigger) -> bool:
    """'amid the withdrawal of US forces', 'to further peace talks': a backdrop, not news."""
    return bool(_BACKGROUND.search(text, max(sentence.start, trig.start - 50), trig.start))


def _is_background(text: str, sentence: Span, dates: list[DateMention]) -> bool:
    """A sentence of biography or history ("served for years") colours an undated next one."""
    if any(d.historical for d in _dates_in(dates, sentence)):
        return True
    return bool(modality_mod.BIOGRAPHY.search(text, sentence.start, sentence.end))


def _build(article: Article, places: list[Place], sentence: Span, index: int, trig: taxonomy.Trigger,
           lex: actors_mod.Lexicon, year: int | None, background: bool = False) -> Event | None:
    text = article.document.text
    doc = article.document
    event = Event(doc_id=doc.doc_id, source=doc.source, notes=sentence.text.strip())
    ev = event.evidence
    trig_span = span_of(text, trig.start, trig.end)
    dates = _dates_near(article.dates, sentence, trig)
    historical = any(d.historical for d in dates)
    mode, cue = modality_mod.modality(text, trig.start, trig.end, sentence.start, sentence.end,
                                      historical=historical, year=year)
    if mode == "asserted" and background and not dates:
        mode = "historical"
    sub = trig.sub_event
    if mode in {"hypothetical", "negated", "planned"} and taxonomy.ACLED[sub][0] == "Strategic developments":
        return None  # "inmates that could be recruited": no development happened
    plover = taxonomy.PLOVER_OF.get(sub, "")
    if mode in {"threatened", "denied"} and taxonomy.ACLED[sub][0] != "Strategic developments":
        # a threat or a denial of violence is not violence: code the speech act
        sub, plover = "Other", "THREATEN" if mode == "threatened" else "REJECT"
    event.sub_event_type = sub
    event.event_type, event.disorder_type = taxonomy.ACLED[sub]
    event.plover_type = plover
    event.modality = mode
    how = plover_mod.mode(plover, text, sentence.start, sentence.end, near=trig.start) if plover else None
    if how is not None:
        event.plover_mode = how[0]
        ev["plover_mode"] = [span_of(text, how[1], how[2])]
    for name in ("sub_event_type", "event_type", "disorder_type", "plover_type"):
        ev[name] = [trig_span]
    ev["modality"] = [span_of(text, *cue)] if cue else [trig_span]
    ev["notes"] = [sentence]
    place = _place(text, places, sentence, trig, index, article.sentences)
    _fill_place(event, place)
    _fill_actors(event, text, sentence, trig, lex)
    if sub in _NEEDS_PARTY and not event.actor1:
        return None  # "I agree with that", "a storm formed": no party, no development
    _fill_quantities(event, text, sentence)
    _disputed(event, text, sentence, trig, lex)
    if event.modality == "historical" and not dates:
        dates = _background_date(article.dates, sentence)
    _fill_date(event, doc, dates)
    event.event_id_cnty = _event_id(event.iso, doc.doc_id, trig.start, sub)
    event.confidence = _confidence(event, trig)
    return event


#: developments that need a party named to be news: an agreement, a group's change
_NEEDS_PARTY = frozenset({"Agreement", "Change to group/activity"})


def _dates_in(dates: list[DateMention], sentence: Span) -> list[DateMention]:
    return [d for d in dates if sentence.start <= d.span.start < sentence.end]


def _background_date(dates: list[DateMention], sentence: Span) -> list[DateMention]:
    """A historical event with no date of its own takes the last past date said before it
    ("released ... last year" ... "Under the deal, Kabul was to release"), never today's."""
    past = [d for d in dates if d.historical and sentence.start - 800 <= d.span.start < sentence.start]
    return past[-1:]


def _dates_near(dates: list[DateMention], sentence: Span, trig: taxonomy.Trigger) -> list[DateMention]:
    """Dates of the trigger: before it in the sentence, or within a few words after it.
    ("an assault on X is one of the prisoners released last year": last year is the release's.)"""
    near = [d for d in _dates_in(dates, sentence) if d.span.start < trig.start or d.span.start - trig.end <= 40]
    return sorted(near, key=lambda d: abs(d.span.start - trig.start))


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


_LOCATED_IN = re.compile(
    r"\b(?:in|across|throughout|inside|outside)\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
    r"northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"rural|remote)\s+(?:parts?\s+of\s+)?)?$", re.IGNORECASE)


def _event_places(article: Article) -> list[Place]:
    """Places that can locate an event: not one inside an organisation's or a person's
    name ("CDC Atlanta", "Taco Bell Canada"), which is evidence of the place only."""
    names = [e for e in article.entities if e.label not in _PLACE_LABELS]
    return [p for p in article.places
            if not any(e.start <= p.span.start and p.span.end <= e.end for e in names)]


def _place(text: str, places: list[Place], sentence: Span, trig: taxonomy.Trigger, index: int,
           sentences: list[Span]) -> Place | None:
    """The place in the trigger's sentence nearest the trigger (a town beats a country);
    else the last place of the two sentences before."""
    places = [p for p in places if p.span.text.lower() not in _NOT_PLACES and not _speech_place(text, p)]
    inside = [p for p in places if sentence.start <= p.span.start < sentence.end]
    local = [p for p in inside if not p.feature.startswith("A.PCL")]
    told = [p for p in local if not _dateline(text, p)]
    local = told or local  # "NAIROBI, May 2 (Wire) - ... near Garissa": filed in Nairobi, happened in Garissa
    if local:
        return min(local, key=lambda p: (p.geo_precision, abs(p.span.start - trig.start)))
    located = [p for p in inside if _LOCATED_IN.search(text, max(0, p.span.start - 40), p.span.start)]
    if located:  # "recaptured dozens of towns in central Somalia": the country, not the last town
        return min(located, key=lambda p: abs(p.span.start - trig.start))
    lo = sentences[max(0, index - 2)].start if sentences else sentence.start
    before = [p for p in places if lo <= p.span.start < sentence.start and not p.feature.startswith("A.PCL")]
    if before:  # the most precise, and of those the last: "a base near Afgooye in Lower Shabelle"
        return min(reversed(before), key=lambda p: p.geo_precision)
    if inside:
        return inside[0]
    return _main_country(places)


_SPEECH_IN = re.compile(r"\b(?:reporters|journalists|press|media|statement|communiqu\w+|press conference|news conference|briefing|interview|speech|told \w+|said|says|spoke|speaking|addressing \w+|based|headquartered|spokes\w+|officials?)\s+(?:\w+\s+){0,2}?(?:in|from|at)\s+(?:the\s+)?$", re.I)
_AS_ACTOR = re.compile(r"[\s-]*(?:-?based\s+)?(?:government|authorities|administration|regime|officials|leadership|cabinet|forces?|brigades?|corps|front|movement|party|division)\b", re.I)


_DATELINE_AFTER = re.compile(r"(?:\s*/\s*[A-Za-z ]+)?\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})|\s*\((?:[A-Z][\w ]{1,30})\)|\s+[-\u2013\u2014])")


def _dateline(text: str, place: Place) -> bool:
    """The wire dateline ('MOGADISHU, March 12 (Wire) -'): where the story was filed."""
    start = place.span.start
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(_DATELINE_AFTER.match(text, place.span.end))


def _speech_place(text: str, place: Place) -> bool:
    """'told reporters in Mogadishu', 'a statement in X', 'the Kabul government':
    where someone spoke, or a capital standing for a government, is not where it happened."""
    start, end = place.span.start, place.span.end
    return bool(_SPEECH_IN.search(text, max(0, start - 50), start) or _AS_ACTOR.match(text, end, end + 30))


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


def _fill_place(event: Event, place: Place | None) -> None:
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
    try:
        from dateline.geo import acled_region
    except ImportError:
        return ""
    return acled_region(iso) if iso else ""


def _fill_actors(event: Event, text: str, sentence: Span, trig: taxonomy.Trigger,
                 lex: actors_mod.Lexicon) -> None:
    found = _corefer(text, actors_mod.find(text, sentence.start, sentence.end, default_iso=event.iso, lexicon=lex),
                     sentence, lex)
    actor1, actor2 = _roles(text, found, trig)
    for slot, actor in (("1", actor1), ("2", actor2)):
        if actor is None:
            continue
        inter = actor.inter
        if inter == "State forces" and event.iso and actor.iso and actor.iso != event.iso:
            inter = "External/Other forces"  # a state's forces acting abroad
        name = actor.name
        if actor.generic and name in actors_mod.GENERIC_NAMES and event.country:
            name = f"{name} ({event.country})"
        span = span_of(text, actor.start, actor.end)
        setattr(event, f"actor{slot}", name)
        setattr(event, f"inter{slot}", inter)
        event.evidence[f"actor{slot}"] = [span]
        event.evidence[f"inter{slot}"] = [span]
    event.interaction = actors_mod.interaction(event.inter1, event.inter2)
    if event.interaction:
        event.evidence["interaction"] = event.evidence["inter1"] + event.evidence.get("inter2", [])
    if event.event_type == "Violence against civilians" or event.inter2 == "Civilians":
        event.civilian_targeting = "Civilian targeting"
        event.evidence["civilian_targeting"] = event.evidence.get("inter2") or event.evidence["event_type"]


#: words the gazetteer knows as places but news uses as adjectives ("Western officials")
_NOT_PLACES = frozenset({"western", "eastern", "northern", "southern", "central", "west", "east", "north", "south"})
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+(?:\w+\s+){0,2}$", re.I)
_ARMED = frozenset({"Rebel group", "Political militia", "Identity militia"})


def _corefer(text: str, found: list[actors_mod.Actor], sentence: Span,
             lex: actors_mod.Lexicon) -> list[actors_mod.Actor]:
    """'the group', 'the militants': the armed group named last in the sentences before."""
    out: list[actors_mod.Actor] = []
    for actor in found:
        definite = text[actor.start:actor.end].lower().startswith("the ") or \
            _DEFINITE.search(text, max(0, actor.start - 30), actor.start)
        vague = re.search(r"unidentified|unknown|suspected", text[max(0, actor.start - 15):actor.end], re.I)
        if actor.generic and actor.inter in _ARMED and definite and not vague:
            prior = [a for a in actors_mod.find(text, max(0, sentence.start - 600), actor.start, lexicon=lex)
                     if not a.generic and a.inter in _ARMED]
            if prior:
                actor = actors_mod.Actor(prior[-1].name, prior[-1].inter, prior[-1].iso, actor.start, actor.end)
        out.append(actor)
    return out


def _roles(text: str, found: list[actors_mod.Actor], trig: taxonomy.Trigger
           ) -> tuple[actors_mod.Actor | None, actors_mod.Actor | None]:
    """actor1 does, actor2 undergoes: 'by X' marks the doer, 'against/on X' the target;
    otherwise the nearest actor before the trigger acts on the nearest after it."""
    if not found:
        return None, None
    actor1 = actor2 = None
    after = [a for a in found if a.start >= trig.end]
    before = [a for a in found if a.end <= trig.start]
    overlap = [a for a in found if a.start < trig.end and a.end > trig.start]
    doers: list[actors_mod.Actor] = []
    if overlap:  # "US airstrikes": the nation in the trigger phrase is the doer
        actor1 = overlap[0]
    for a in after:
        gap = text[trig.end:a.start]
        if a is actor1:
            continue
        if _BY.search(gap) and len(gap) < 40:
            if actor1 is None:
                actor1 = a
            doers.append(a)
        elif actor2 is None and _AGAINST.search(gap) and len(gap) < 60:
            actor2 = a
    if trig.sub_event == "Agreement":  # parties, in the order named
        parties: list[actors_mod.Actor] = []
        for a in found:
            if a.inter != "Civilians" and all(a.name != p.name for p in parties):
                parties.append(a)
        return (parties + [None, None])[0], (parties + [None, None])[1]
    targeted = actor2 is not None
    battle = trig.event_type == "Battles"
    if actor1 is None:
        cands = [a for a in reversed(before) if a is not actor2]
        named = [a for a in cands if not a.generic and a.inter != "Civilians"]
        actor1 = (named or cands or [None])[0]
    if actor2 is None:
        rest = [a for a in after + list(reversed(before)) if a is not actor1 and a not in doers
                and (actor1 is None or a.name != actor1.name)
                and not (battle and a.inter == "Civilians") and not _same_side(actor1, a)]
        actor2 = rest[0] if rest else None
    if actor1 is None and actor2 is not None and actor2.inter != "Civilians" and not targeted:
        actor1, actor2 = actor2, None
    if actor1 is not None and actor1.inter == "Civilians" and actor2 is not None:
        actor1, actor2 = actor2, actor1
    return actor1, actor2


def _same_side(actor1: actors_mod.Actor | None, other: actors_mod.Actor) -> bool:
    """'The militants detonated a car bomb before dozens of gunmen stormed it': unnamed
    gunmen next to a named armed group's attack are its own fighters, not its target."""
    return (actor1 is not None and actor1.inter in _ARMED and not actor1.generic
            and other.generic and other.inter in _ARMED)


def _fill_quantities(event: Event, text: str, sentence: Span) -> None:
    found = quantities_mod.find(text, sentence.start, sentence.end)
    if not found:
        return
    event.quantities = [{"kind": q["kind"], "value": q["value"], "span": q["span"].to_dict()} for q in found]
    event.evidence["quantities"] = [q["span"] for q in found]
    killed = [q for q in found if q["kind"] == "killed"]
    if killed:
        low = min(killed, key=lambda q: q["value"])
        event.fatalities = low["value"]
        event.evidence["fatalities"] = [low["span"]]


def _fill_date(event: Event, doc: Any, dates: list[DateMention]) -> None:
    """The sentence's own date, else the publication date with its precision."""
    if dates:
        mention = dates[0]
        event.event_date, event.time_precision = mention.date, mention.precision
        event.evidence["event_date"] = [mention.span]
        event.evidence["time_precision"] = [mention.span]
    elif doc.published:
        event.event_date = doc.published
        event.time_precision = doc.published_precision or _precision(doc.published)
    event.year = _year(event.event_date)
    if event.year is not None and "event_date" in event.evidence:
        event.evidence["year"] = event.evidence["event_date"]


def _precision(iso_date: str) -> int:
    return 1 if len(iso_date) >= 10 else 3


def _year(iso_date: str) -> int | None:
    return int(iso_date[:4]) if len(iso_date) >= 4 and iso_date[:4].isdigit() else None


def _claim_responsibility(text: str, sentence: Span, index: int, recent: list[tuple[int, Event]],
                          lex: actors_mod.Lexicon) -> None:
    """'X claimed responsibility for the incident': X is who claims the latest violent event."""
    m = _CLAIM_RESP.search(text, sentence.start, sentence.end)
    if not m:
        return
    claimers = [a for a in actors_mod.find(text, sentence.start, m.start(), lexicon=lex) if not a.generic]
    violent = [e for i, e in recent if index - i <= 4 and e.disorder_type.startswith("Political violence")
               and e.modality not in {"threatened", "denied"}]
    if not claimers or not violent:
        return
    event = violent[-1]
    claimer = claimers[-1]
    event.tags = f"claimed by {claimer.name}"
    event.evidence["tags"] = [span_of(text, claimer.start, m.end())]
    if event.actor1.startswith("Unidentified Armed Group") or not event.actor1:
        event.assoc_actor_1 = claimer.name
        event.evidence["assoc_actor_1"] = [span_of(text, claimer.start, claimer.end)]


def _event_id(iso: str, doc_id: str, start: int, sub_event: str) -> str:
    """ISO3 + a short stable hash: the same article gives the same ids on every run."""
    digest = hashlib.sha1(f"{doc_id}|{start}|{sub_event}".encode()).hexdigest()[:8]
    return f"{iso or 'XXX'}{digest}"


def _confidence(event: Event, trig: taxonomy.Trigger) -> float:
    """A transparent score: trigger specificity plus the fields that found evidence."""
    score = 0.35 + 0.03 * trig.weight
    score += 0.1 if event.actor1 else 0.0
    score += 0.05 if event.actor2 else 0.0
    score += 0.1 if event.location else 0.0
    score -= 0.15 if event.modality in {"hypothetical", "negated"} else 0.0
    return round(max(0.05, min(0.99, score)), 2)
