"""Event typing: ACLED's 25 sub-event types and PLOVER's 16, from trigger lexicons.

The trigger rules are data, ``rules/acled.jsonl`` (see :mod:`dateline.rules`): a
rule's label is an ACLED sub-event type and its weight a rank. The weights encode ACLED's hierarchy: the more specific or more serious type wins when two fire
on the same text (a suicide bombing is Explosions/Remote violence even when it kills
civilians; a grenade is a Grenade, not a Remote explosive; force used on protesters
is a Protest event, not an Attack). A few rules depend on context words in the
sentence (protest words, civilian victims, state actors: ``rules/context.jsonl``) and
are resolved in :func:`triggers`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline import rules

#: ACLED sub-event type -> (event type, disorder type)
ACLED: dict[str, tuple[str, str]] = {
    "Armed clash": ("Battles", "Political violence"),
    "Government regains territory": ("Battles", "Political violence"),
    "Non-state actor overtakes territory": ("Battles", "Political violence"),
    "Chemical weapon": ("Explosions/Remote violence", "Political violence"),
    "Air/drone strike": ("Explosions/Remote violence", "Political violence"),
    "Suicide bomb": ("Explosions/Remote violence", "Political violence"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "Political violence"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "Political violence"),
    "Grenade": ("Explosions/Remote violence", "Political violence"),
    "Sexual violence": ("Violence against civilians", "Political violence"),
    "Attack": ("Violence against civilians", "Political violence"),
    "Abduction/forced disappearance": ("Violence against civilians", "Political violence"),
    "Peaceful protest": ("Protests", "Demonstrations"),
    "Protest with intervention": ("Protests", "Demonstrations"),
    "Excessive force against protesters": ("Protests", "Political violence; Demonstrations"),
    "Violent demonstration": ("Riots", "Demonstrations"),
    "Mob violence": ("Riots", "Political violence"),
    "Agreement": ("Strategic developments", "Strategic developments"),
    "Arrests": ("Strategic developments", "Strategic developments"),
    "Change to group/activity": ("Strategic developments", "Strategic developments"),
    "Disrupted weapons use": ("Strategic developments", "Strategic developments"),
    "Headquarters or base established": ("Strategic developments", "Strategic developments"),
    "Looting/property destruction": ("Strategic developments", "Strategic developments"),
    "Non-violent transfer of territory": ("Strategic developments", "Strategic developments"),
    "Other": ("Strategic developments", "Strategic developments"),
}

#: PLOVER type for each ACLED sub-event type (the mode comes from the trigger).
PLOVER_OF: dict[str, str] = {
    **{s: "ASSAULT" for s, (e, _) in ACLED.items() if e in {"Battles", "Explosions/Remote violence", "Violence against civilians"}},
    "Peaceful protest": "PROTEST", "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "COERCE", "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT", "Agreement": "AGREE", "Arrests": "COERCE",
    "Change to group/activity": "MOBILIZE", "Disrupted weapons use": "COERCE",
    "Headquarters or base established": "MOBILIZE", "Looting/property destruction": "ASSAULT",
    "Non-violent transfer of territory": "RETREAT", "Other": "",
}


def context(label: str) -> re.Pattern[str]:
    """A context word list of ``rules/context.jsonl`` ("protest", "civilian_victims", ...)."""
    return rules.regex("events.context", label)


#: the rule set of ``rules/acled.jsonl``: a rule's label is its sub-event type, its weight its rank
STAGE = "events.acled"
#: rules that only count with protest words in the same text
NEEDS_PROTEST = frozenset({"Excessive force against protesters", "Protest with intervention", "Violent demonstration"})
#: weapon types that make violence remote: their presence removes the generic Armed clash/Attack
REMOTE = frozenset(s for s, (e, _) in ACLED.items() if e == "Explosions/Remote violence")


@dataclass(frozen=True)
class Trigger:
    """One typed trigger found in a text: the type, where, and how sure."""

    sub_event: str
    start: int
    end: int
    weight: float
    word: str = ""

    @property
    def event_type(self) -> str:
        return ACLED[self.sub_event][0]

    @property
    def disorder_type(self) -> str:
        return ACLED[self.sub_event][1]


def triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """All typed triggers in ``text[start:end]`` after ACLED's hierarchy is applied."""
    end = len(text) if end is None else end
    window = text[start:end]
    protest = bool(context("protest").search(window))
    found: list[Trigger] = []
    for group in rules.groups(STAGE):
        if group.label not in ACLED or (group.label in NEEDS_PROTEST and not protest):
            continue
        for m in group.regex.finditer(window):
            found.append(Trigger(group.label, start + m.start(), start + m.end(), group.weight, m.group(0)))
    return _hierarchy(_not_time_references(_longest(found), text), window, protest)


def _longest(found: list[Trigger]) -> list[Trigger]:
    """A trigger inside a longer one of another type is part of it: 'petrol bombs' thrown
    by rioters hold no 'bombs' of an IED."""
    return [t for t in found if not any(o.sub_event != t.sub_event and o.start <= t.start and t.end <= o.end
                                        and (o.end - o.start) > (t.end - t.start) for o in found)]


def _not_time_references(found: list[Trigger], text: str) -> list[Trigger]:
    """Drop triggers that only date another event ('the day after the air strike, rebels
    ambushed a convoy'), so long as the sentence has another trigger to report. A bare
    'the attack' named so ('hours after the attack, a banner appeared') is dropped even alone:
    it names no weapon or deed the incident told before lacks."""
    told = [t for t in found if not dates_another(text, t)]
    if told:
        return told
    return [t for t in found if t.word.lower() not in _ANY_VIOLENCE]


def dates_another(text: str, trig: Trigger) -> bool:
    """The trigger names an incident only to say when something else happened ('the day
    after the ambush, ...': rule label ``time_reference``)."""
    return any(m.end() == trig.start for m in context("time_reference").finditer(text, max(0, trig.start - 60), trig.start))


#: words that name any violence, not one kind: 'the attack' only points back at an incident
_ANY_VIOLENCE = frozenset({"attack", "attacks", "incident", "violence", "raid", "assault"})


def _hierarchy(found: list[Trigger], window: str, protest: bool) -> list[Trigger]:
    """Apply ACLED's precedence between types that fire on the same text."""
    found = _shoulder_rockets_in_a_gunfight(found, window)
    kinds = {t.sub_event for t in found}
    drop: set[str] = set()
    if kinds & REMOTE:  # the explosion is the event; killing words describe it, a battle word does not
        found = [t for t in found if not (t.sub_event == "Armed clash" and context("one_sided").fullmatch(t.word))]
        if any(t.sub_event == "Armed clash" for t in found):  # 'gunfire and explosions as troops and rebels battled'
            found = [t for t in found if not (t.sub_event in REMOTE and context("battle_noise").fullmatch(t.word.lower()))]
    if "Suicide bomb" in kinds:
        drop |= {"Remote explosive/landmine/IED"}
    if kinds & _BURNS_AS_PART:  # 'stormed the post, setting it on fire': the burning is part of the attack
        drop.add("Looting/property destruction")
    if "Air/drone strike" in kinds:  # "a jet bombed the village": the bombing is the air strike
        found = [t for t in found if not (t.sub_event == "Remote explosive/landmine/IED"
                                          and context("air_dropped").fullmatch(t.word))]
    if "Disrupted weapons use" in kinds and kinds & REMOTE and (
            "Air/drone strike" in kinds or (context("casualties").search(window) and not context("disrupted_done").search(window))):
        kinds.discard("Disrupted weapons use")  # the bomb went off (or was bombed from the air)
        drop.add("Disrupted weapons use")
    if "Disrupted weapons use" in kinds and context("casualties").search(window) and kinds & {
            "Armed clash", "Attack", "Non-state actor overtakes territory", "Government regains territory"}:
        found = [t for t in found if not (t.sub_event == "Disrupted weapons use"
                                          and context("weapons_taken").fullmatch(t.word))]  # spoils of the fight
        kinds = {t.sub_event for t in found}
    if "Disrupted weapons use" in kinds:
        drop |= REMOTE - {"Chemical weapon", "Air/drone strike"}
    if "Chemical weapon" in kinds:
        drop |= REMOTE - {"Chemical weapon"}
    if kinds & REMOTE:
        drop.add("Excessive force against protesters")  # a grenade, bomb or air strike is the event
    if protest:
        drop |= {"Armed clash"}  # scuffles at a rally are not battles
        if "Arrests" in kinds and context("at_protest").search(window):  # arrests at a protest: an intervention
            found = [Trigger("Protest with intervention", t.start, t.end, 7.2, t.word) if t.sub_event == "Arrests" else t
                     for t in found]
        if "Violent demonstration" in kinds:  # petrol bombs and projectiles thrown by rioters
            drop |= {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"}
        if "Protest with intervention" in kinds and context("casualties").search(window) and context("security").search(window):
            found = [Trigger("Excessive force against protesters", t.start, t.end, 8.8, t.word)
                     if t.sub_event == "Protest with intervention" else t for t in found]
        if kinds & {"Violent demonstration", "Mob violence"}:
            drop |= {"Protest with intervention"} if "Excessive force against protesters" not in kinds else set()
    if "Abduction/forced disappearance" in kinds or "Sexual violence" in kinds:
        drop |= {"Armed clash", "Arrests"}
    found = [t for t in found if not _falling_back(t, kinds, window) and not _grievance(t, window)]
    if kinds & {"Government regains territory", "Non-state actor overtakes territory"}:
        drop |= {"Armed clash", "Agreement"}
    if "Excessive force against protesters" in kinds and not context("security").search(window):
        drop.add("Excessive force against protesters")
    if context("illness").search(window):  # "the virus has killed 1,000": no one attacked anyone
        found = [t for t in found if not (t.sub_event == "Armed clash" and context("one_sided").fullmatch(t.word))
                 and not (t.sub_event == "Abduction/forced disappearance" and context("lost_not_taken").fullmatch(t.word))]
    live = {t.sub_event for t in found} - drop
    if live & {"Violent demonstration", "Protest with intervention", "Excessive force against protesters", "Mob violence"}:
        drop.add("Peaceful protest")  # the same crowd, coded by what happened to it
    kept = [_territory(t, window) for t in found if t.sub_event not in drop]
    one_sided = [t for t in kept if t.sub_event == "Armed clash" and context("one_sided").fullmatch(t.word)]
    if one_sided and _on_civilians(window, window[_window_offset(window, one_sided[0]):]):
        kept = [Trigger("Attack", t.start, t.end, t.weight - 0.2, t.word) if t in one_sided else t for t in kept]
    return kept


TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
#: violence whose burning and looting in the same clause is part of it, not an event of its own
_BURNS_AS_PART = REMOTE | TERRITORY | {"Armed clash", "Attack", "Violent demonstration", "Mob violence",
                                        "Abduction/forced disappearance"}


def _territory(trigger: Trigger, window: str) -> Trigger:
    """Who takes the ground decides the type: state forces regain, others overtake."""
    if trigger.sub_event not in TERRITORY:
        return trigger
    from dateline.events import actors

    offset = _window_offset(window, trigger)
    doers = [a for a in actors.find(window, 0, offset) if not a.generic or a.inter != "Civilians"]
    if not doers:
        return trigger
    state = doers[0].inter == "State forces" or doers[-1].inter == "State forces"
    sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    return Trigger(sub, trigger.start, trigger.end, trigger.weight, trigger.word)


def _falling_back(trigger: Trigger, kinds: set[str], window: str) -> bool:
    """A side withdrawing that hands over no ground: the village regained after the militants
    withdrew is one taking of ground; a bill withdrawn is politics; after a firefight the
    gunmen withdrawing towards the hills (not from a place they held) ends the battle."""
    if trigger.sub_event != "Non-violent transfer of territory" or not context("retreat").fullmatch(trigger.word.lower()):
        return False
    if kinds & {"Government regains territory", "Non-state actor overtakes territory"} \
            or context("policy_withdrawn").search(window):
        return True
    return "Armed clash" in kinds and not _FROM_A_PLACE.match(window, _window_offset(window, trigger) + len(trigger.word))


#: 'withdrew from the town': ground given up, unlike falling back 'towards the hills'
_FROM_A_PLACE = re.compile(r"\s+(?:\w+\s+){0,2}?from\b", re.I)


def _shoulder_rockets_in_a_gunfight(found: list[Trigger], window: str) -> list[Trigger]:
    """'gunmen fired machine guns and RPGs at a camp': RPGs fired
    beside small arms are the ground fight's weapons, an Armed clash, not shelling."""
    rpgs = [t for t in found if t.sub_event == "Shelling/artillery/missile attack" and context("rpg").fullmatch(t.word)]
    if not rpgs or not context("small_arms").search(window) or \
            any(t.sub_event in REMOTE and t not in rpgs for t in found):
        return found
    return [Trigger("Armed clash", t.start, t.end, t.weight - 2.5, t.word) if t in rpgs else t for t in found]


def _grievance(trigger: Trigger, window: str) -> bool:
    """A killing a crowd condemns, mourns or carries pictures of ('to condemn the killing of
    two policemen', 'people killed in earlier protests') is no force used on that crowd."""
    if trigger.sub_event != "Excessive force against protesters":
        return False
    at = _window_offset(window, trigger)
    return bool(context("grieved_before").search(window[max(0, at - 60):at])
                or context("grieved_after").match(window, at + len(trigger.word)))


def _window_offset(window: str, trigger: Trigger) -> int:
    idx = window.find(trigger.word)
    return idx if idx >= 0 else len(window)


def _on_civilians(window: str, rest: str) -> bool:
    """One-sided violence is an Attack when civilians are named and no armed men are hit."""
    stop = _FIRST_SENTENCE.search(rest)
    rest = context("speakers").sub(" ", rest[: stop.end()] if stop else rest)  # its own sentence; "police said" is a source
    rest = context("responders").sub(" ", rest)  # "before police shot him dead": they stopped the attack
    if context("armed_victims").search(rest):
        return False
    return bool(context("civilian_victims").search(window)) or not context("armed_anywhere").search(window)


_FIRST_SENTENCE = re.compile(r"[.!?](?=\s+[A-Z\"])")
