"""Mentions of one event across sentences: anaphora ("the attack"), follow-ups (a witness's
"we heard a blast", a bare casualty report), merging what a later mention adds, and the
quantities a mention brings."""
from __future__ import annotations

import re
from collections.abc import Iterable

from dateline import rules
from dateline.events import actors as actors_mod
from dateline.events import filters
from dateline.events import place as place_mod
from dateline.events import quantities as quantities_mod
from dateline.events import taxonomy, timing
from dateline.records import Event, Span, span_of

_ANAPHORIC = re.compile(r"(?:\b(?:the|this|that|its|their|his|her|these|those)|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last night|last week|this week|weekend)['\u2019]s?)\s+(?:\w+\s+)?$", re.I)


_GENERIC_TRIGGERS = frozenset({"attack", "attacks", "incident", "assault", "offensive", "onslaught",
                               "fighting", "deal", "agreement", "violence", "bombing", "explosion", "blast"})




def anaphoric(text: str, trig: taxonomy.Trigger, index: int, recent: list[tuple[int, Event]]) -> Event | None:
    """'the attack' right after an attack was coded refers back to it: that event."""
    if not _ANAPHORIC.search(text, max(0, trig.start - 25), trig.start) and not _described(text, trig):
        return None
    if counter_demonstration(text, trig.start, trig.end):
        return None  # 'a counter-rally' answers the rally, it does not retell it
    if trig.word.lower() not in _GENERIC_TRIGGERS:
        # "the airstrike", "the first bomb": a definite mention of the same kind told just before
        same = [e for i, e in recent if index - i <= 4 and e.sub_event_type == trig.sub_event
                and e.modality not in {"threatened", "denied", "planned", "hypothetical", "negated"}]
        return same[-1] if same else None
    violent = trig.disorder_type.startswith("Political violence")
    reach = 10 if re.search(r"['\u2019]s?\s+(?:\w+\s+)?$", text[max(0, trig.start - 25):trig.start]) else 3
    same = [e for i, e in recent if index - i <= reach and (e.sub_event_type == trig.sub_event or (
        violent and e.disorder_type.startswith("Political violence") and e.modality != "threatened"
        and e.sub_event_type not in taxonomy.TERRITORY))]  # "the attack" is no change of territory
    return same[-1] if same else None


def told_again(text: str, sentence: Span, index: int, recent: list[tuple[int, Event]]) -> list[tuple[Event, taxonomy.Trigger]]:
    """'The strike hit the village on Tuesday morning': a definite noun that names no event of
    its own (a 'strike' may be a walkout) retells the event of its type told in the last few
    sentences (rules ``events.anaphora``, labelled with that sub-event type): that event, and
    the noun as the mention's trigger."""
    out = []
    for rule in rules.get("events.anaphora"):
        hit = rule.regex.search(text, sentence.start, sentence.end)
        same = [e for i, e in recent if index - i <= 4 and e.sub_event_type == rule.label
                and e.modality in {"asserted", "claimed"}] if hit else []
        if same:
            out.append((same[-1], taxonomy.Trigger(rule.label, hit.start(), hit.end(), rule.weight, hit.group(0))))
    return out


_COUNTER = re.compile(r"\bcounter[- ]?(?:protest\w*|demonstrat\w+|rall(?:y|ies)|march\w*)", re.I)


def counter_demonstration(text: str, start: int, end: int) -> bool:
    """A counter-demonstration ('a counter-rally drew a few hundred', 'counter-protesters held
    their own rally') is a crowd of its own, not the demonstration it answers."""
    return bool(_COUNTER.search(text, max(0, start - 40), end + 1))


def _described(text: str, trig: taxonomy.Trigger) -> bool:
    """'This is a barbaric attack': the incident told before, described (rule label ``described``)."""
    window = text[max(0, trig.start - 40):trig.start]
    return any(rule.regex.search(window) for rule in rules.labels("events.incidents").get("described", ()))


_CASUALTY_TRIGGER = re.compile(r"(?:killed|killing|dead|died|wounded|injured|captured|arrested|shot)$", re.I)


_BARE_NOISE = re.compile(r"(?:explosions?|blasts?|gunfire|gunshots?|shooting|shots|fighting|clashes|bang)$", re.I)


_REPELLED = re.compile(r"\b(?:drove|driven|drive|pushed|push|forced|chased|beat)\s+(?:them|the attackers|the militants|the assailants|the insurgents|the fighters|the gunmen|\w+)?\s*(?:back|out of (?:the |our |its |their )?(?:camp|base|barracks|post|position|compound|garrison|checkpoint|outpost|gate)s?)\b", re.I)


#: a casualty sentence that names its own place ('in the Lakki Marwat district') or opens
#: with its own day ('On Monday night, ...') tells an incident of its own
_OWN_PLACE = re.compile(r"\b(?:in|near|at|outside)\s+(?:the\s+)?[A-Z]")
_OWN_DAY = re.compile(r"\s*(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)


def quoted(text: str, sentence: Span, trig: taxonomy.Trigger) -> bool:
    """The trigger sits inside a quotation (an odd number of quote marks before it)."""
    before = text[sentence.start:trig.start]
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


def in_quotation(text: str, pos: int) -> bool:
    """Whether offset ``pos`` lies inside a quotation opened earlier in its paragraph (a
    witness's words may run over several sentences; :func:`quoted` looks in one)."""
    seg = text[text.rfind("\n", 0, pos) + 1:pos]
    return seg.count('"') % 2 == 1 or seg.count("\u201c") > seg.count("\u201d")


def follow_up(text: str, sentence: Span, trig: taxonomy.Trigger, index: int,
               recent: list[tuple[int, Event]]) -> Event | None:
    """A later mention of the violence just coded, not a new event: a witness's "we heard an
    explosion", "drove them out of the camp" (the attack repelled), or a bare casualty report
    ("15 militants were killed") with no armed side named of its own."""
    violent = [e for i, e in recent if index - i <= 3 and e.disorder_type.startswith("Political violence")
               and e.modality not in {"threatened", "denied"}]
    if quoted(text, sentence, trig) and _BARE_NOISE.search(trig.word):
        # a witness recalls the noise of the attack already told: at most six sentences back
        told = [e for i, e in recent if index - i <= 6 and e.disorder_type.startswith("Political violence")
                and e.modality not in {"threatened", "denied"}]
        if told:
            return told[-1]
    if not violent:
        return None
    word = trig.word
    if trig.sub_event in taxonomy.TERRITORY and _REPELLED.search(text, trig.start, min(sentence.end, trig.end + 40)):
        battles = [e for e in violent if e.event_type == "Battles"]
        return (battles or violent)[-1]
    if quoted(text, sentence, trig) and _BARE_NOISE.search(word):
        return violent[-1]
    if _CASUALTY_TRIGGER.fullmatch(word.lower()) and trig.disorder_type.startswith("Political violence"):
        named = [a for a in actors_mod.find(text, sentence.start, sentence.end) if not a.generic]
        said = text[sentence.start:sentence.end]
        if not named and not _OWN_PLACE.search(said) and not _OWN_DAY.match(said):
            battles = [e for e in violent if e.event_type == "Battles"]
            return (battles or violent)[-1]
    return None


def drop_quantities(event: Event) -> None:
    event.quantities = []
    event.fatalities = None
    event.evidence.pop("quantities", None)
    event.evidence.pop("fatalities", None)


def keep_clause_quantities(event: Event, text: str, sentence: Span, trig: taxonomy.Trigger) -> None:
    """A mention with no event of its own in its sentence brings that sentence's numbers."""
    drop_quantities(event)
    cue = filters.BACKGROUND_CUE.search(text, trig.end, sentence.end)
    # "Monday's attack, the deadliest since an assault in 2018 that killed 95": the numbers
    # after a backdrop cue are the backdrop's
    fill_quantities(event, text, span_of(text, sentence.start, cue.start()) if cue else sentence)


def add_evidence(event: Event, name: str, spans: Iterable[Span]) -> None:
    """Add ``spans`` to the evidence of field ``name``, each once, after what is there."""
    known = event.evidence.setdefault(name, [])
    known.extend(s for s in spans if s not in known)


def merge(earlier: Event, later: Event) -> None:
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
    if earlier.location and earlier.location == earlier.country and later.iso == earlier.iso:
        place_mod.take_finer_place(earlier, later)  # 'in southern Afghanistan' ... 'near Gereshk'
    for name in ("event_type", "sub_event_type", "disorder_type", "notes"):  # every mention is evidence
        add_evidence(earlier, name, later.evidence.get(name, []))
    earlier.notes = " … ".join(span.text.strip() for span in earlier.evidence.get("notes", [])) or earlier.notes
    if later.modality == "historical" and earlier.modality == "asserted" and "event_date" in later.evidence:
        # told again with a past date of its own ('the deal ... last year'); 'the protests had
        # been hijacked' says nothing of when they were
        earlier.modality = "historical"
        earlier.evidence["modality"] = later.evidence["modality"]


def tells_the_day(earlier: Event, later: Event, text: str) -> bool:
    """Whether ``later``, a sentence that retells ``earlier`` and nothing else, tells its day
    ('... killed nine, a spokesman said Thursday' ... 'The strike hit the village on Tuesday'):
    ``earlier`` was dated by its report for want of a day of its own, and the day is in the
    week up to it, not a month ('The protests began in June' is when the movement began)."""
    if "event_date" in earlier.evidence or "event_date" not in later.evidence or later.modality == "historical":
        return False
    day = later.evidence["event_date"][0]
    if taxonomy.context("speech_day").search(text, max(0, day.start - 60), day.start):
        return False  # 'In a televised speech on Thursday, he said the protests ...': when it was said
    return len(earlier.event_date or "") == 10 and timing.in_the_week_before(later.event_date, earlier.event_date)


def note_told_day(earlier: Event, later: Event) -> None:
    """Keep the day ``later`` tells of ``earlier`` (see :func:`tells_the_day`): the incident
    takes it once its mentions are joined (``incidents.resolve``), so that the day does not
    part it from mentions that told none."""
    earlier.evidence["told_day"] = later.evidence["event_date"]


def fill_quantities(event: Event, text: str, sentence: Span) -> None:
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
