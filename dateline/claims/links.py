"""Links between claims, and from claims to the events they are about.

A denial names what it denies: the object of "denied the reports", the subject of
"claims … have been disputed by Kabul". When that word is another claim's cue, or lies
inside its content, the denial disputes that claim. Claims of responsibility point at
the event they claim, found by the nearest event evidence in the text before them.
The links are written back onto the events as ``tags`` ("claimed by X", "disputed by Y"),
so an event's tags and the claims table always tell the same story.
"""
from __future__ import annotations

import re
from typing import Any

from dateline.claims.attribution import Attribution
from dateline.events import actors as actors_mod
from dateline.records import Claim, Event, Span

_DISPUTING = ("deny", "reject")
_EVENT_WINDOW = 600  # characters before a claim of responsibility to look for its event


def disputes(doc: Any, atts: list[Attribution], claims: list[Claim]) -> None:
    """Fill ``disputed_by`` of every claim that a later denial or rejection names."""
    for att, claim in zip(atts, claims):
        if att.stance not in _DISPUTING or att.target is None:
            continue
        target = doc[att.target]
        named = [(a, c) for a, c in zip(atts, claims)
                 if c is not claim and a.stance not in _DISPUTING and _names(a, target)]
        if not named and (target.lemma_.lower() in _BACK_REFERENCES or target.pos_ == "PRON"):
            named = _previous_claim(atts, claims, att, claim)
        for other_att, other in named:
            if claim.claim_id not in other.disputed_by:
                other.disputed_by.append(claim.claim_id)
                other.evidence.setdefault("disputed_by", []).extend(claim.evidence.get("cue", []))
            _extend_to_verb(doc, other_att, other, att)


#: Words a denial uses to point back at a claim made earlier ("denied the claim").
_BACK_REFERENCES = frozenset({"claim", "report", "allegation", "accusation", "charge", "assertion",
                              "statement", "rumor", "rumour", "it", "this", "that"})


def _previous_claim(atts: list[Attribution], claims: list[Claim], att: Attribution,
                    claim: Claim) -> list[tuple[Attribution, Claim]]:
    """``X claimed … . Y denied the claim.``: the nearest earlier claim by someone else."""
    for other_att, other in sorted(zip(atts, claims), key=lambda p: -p[0].cue[0]):
        if other_att.cue[0] >= att.cue[0] or att.cue[0] - other_att.content[-1][1] > 400:
            continue
        if other_att.stance not in _DISPUTING and other.speaker != claim.speaker:
            return [(other_att, other)]
    return []


def _names(att: Attribution, target: Any) -> bool:
    """Does the denial's target word refer to this claim (its cue, or inside its content)?"""
    if target.i == att.anchor:
        return True
    offset = target.idx
    first = min(att.cue[0], att.content[0][0])
    last = max(att.cue[1], att.content[-1][1])
    return first <= offset < last or (att.target == att.anchor and att.anchor < target.i
                                      and target.i - att.anchor < 60 and att.content[-1][1] <= offset)


def _extend_to_verb(doc: Any, att: Attribution, claim: Claim, denial: Attribution) -> None:
    """``claims that A and B have been disputed``: the claim runs up to the verb group.

    The parser often hangs "and B" on the disputing verb; the content is everything
    between the claim noun's clause and that verb's auxiliaries.
    """
    if att.target != att.anchor:
        return
    verb = doc[denial.anchor]
    start = verb.i
    while start > 0 and doc[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[start - 1].head.i == verb.i:
        start -= 1
    end = doc[start - 1].idx + len(doc[start - 1]) if start > 0 else 0
    a, b = att.content[-1]
    if b < end and end - b < 300:
        att.content[-1] = (a, end)


def event_links(events: list[Event], atts: list[Attribution], claims: list[Claim], sentences: list[Any]) -> None:
    """Point each claim at the events whose trigger lies in its content; a claim of
    responsibility at the nearest real (not threatened or planned) event before it."""
    located = [(e, _trigger_offsets(e)) for e in events if e.event_id_cnty]
    located = [(e, offs) for e, offs in located if offs]
    if not located:
        return
    for att, claim in zip(atts, claims):
        if claim.stance == "claim-responsibility":
            real = [(e, offs) for e, offs in located if e.modality not in _UNREAL]
            best = _nearest_before(real, att.cue[0], sentences)
            if best is not None:
                claim.event_ids.append(best.event_id_cnty)
                claim.evidence["event_ids"] = list(best.evidence.get("sub_event_type") or best.evidence.get("event_type", []))
            continue
        for event, offs in located:
            if any(a <= o < b for o in offs for a, b in att.content) and event.event_id_cnty not in claim.event_ids:
                claim.event_ids.append(event.event_id_cnty)


_UNREAL = frozenset({"threatened", "planned", "hypothetical", "negated"})


def _trigger_offsets(event: Event) -> list[int]:
    """Where the event is named: its sub-event or event type evidence (the trigger word)."""
    spans = event.evidence.get("sub_event_type") or event.evidence.get("event_type") or []
    return sorted({span.start for span in spans})


def _nearest_before(located: list[tuple[Event, list[int]]], offset: int, sentences: list[Any]) -> Event | None:
    """The event named closest before ``offset``; else the first named after it in its sentence."""
    sent_end = next((s.end for s in sentences if s.start <= offset < s.end), offset)
    best, best_dist = None, _EVENT_WINDOW + 1
    for event, offs in located:
        for o in offs:
            dist = offset - o if o < offset else _EVENT_WINDOW + (o - offset) if o < sent_end else None
            if dist is not None and dist < best_dist:
                best, best_dist = event, dist
    return best


def tag_events(events: list[Event], claims: list[Claim], text: str) -> None:
    """Write what the claims say about events onto them: who claimed responsibility for an
    event ("claimed by Taliban", also its associated actor when the doer is unnamed), and
    who disputes a claimed event ("disputed by Government of Afghanistan"). Evidence: the
    speaker's words and the cue."""
    by_id = {e.event_id_cnty: e for e in events if e.event_id_cnty}
    claim_by_id = {c.claim_id: c for c in claims}
    for claim in claims:
        linked = [by_id[i] for i in claim.event_ids if i in by_id]
        if claim.stance == "claim-responsibility" and claim.speaker:
            for event in linked:
                name, spans = _actor_name(claim, text)
                event.tags = f"claimed by {name}"
                event.evidence["tags"] = spans + list(claim.evidence.get("cue", []))
                if not event.actor1 or event.actor1.startswith("Unidentified Armed Group"):
                    event.assoc_actor_1 = name
                    event.evidence["assoc_actor_1"] = spans
            continue
        disputers = [claim_by_id[i] for i in claim.disputed_by if i in claim_by_id and claim_by_id[i].speaker]
        for event in linked:
            if event.modality != "claimed" or not disputers:
                continue
            name, spans = _actor_name(disputers[0], text)
            event.tags = f"disputed by {name}"
            event.evidence["tags"] = list(disputers[0].evidence.get("cue", [])) + spans


def _actor_name(claim: Claim, text: str) -> tuple[str, list[Span]]:
    """The speaker as an ACLED actor when the actor dictionary knows the words ("the Kabul
    government" -> Government of Afghanistan; the head, last, in "the Yemen-based Houthi
    movement"; the apposition in "the militant organisation, the Islamic State"; the armed
    group named just before "the group"), else the speaker's name; with its spans."""
    spans = list(claim.evidence.get("speaker", []))
    for span in spans:
        comma = text.find(",", span.start, span.end)
        head_end = comma if comma > 0 else span.end
        found = [a for a in actors_mod.find(text, span.start, head_end) if not a.generic]
        if found:
            return found[-1].name, spans
        found = [a for a in actors_mod.find(text, head_end, span.end) if not a.generic]
        if found:
            return found[0].name, spans
        if re.match(r"(?:the|this|that)\s", text[span.start:span.end], re.I):
            prior = [a for a in actors_mod.find(text, max(0, span.start - _COREF_WINDOW), span.start)
                     if not a.generic and a.inter in _ARMED]
            if prior:
                return prior[-1].name, spans
    return claim.speaker, spans


_COREF_WINDOW = 600  # characters before a definite speaker to look for the group it names
_ARMED = frozenset({"Rebel group", "Political militia", "Identity militia"})
