"""PLOVER modes: how an event of a PLOVER type was carried out, from the words of its sentence.

The event's PLOVER type comes from its ACLED sub-event type (:data:`taxonomy.PLOVER_OF`)
or its modality (a threat is THREATEN, a denial REJECT); the mode comes from the words
around the trigger, with the rules of ``rules/plover_modes.jsonl`` (label ``TYPE:mode``;
names as in the PLOVER gold standard; a type without rules has no mode).
"""
from __future__ import annotations

from dateline import rules

STAGE = "events.plover_mode"


def mode(kind: str, text: str, start: int = 0, end: int | None = None,
         near: int | None = None) -> tuple[str, int, int] | None:
    """The PLOVER mode of an event of type ``kind`` told in ``text[start:end]``, with the
    span of the words that show it: the first mode in file order that the text names,
    the one nearest ``near`` (the trigger) when it names several of that mode."""
    end = len(text) if end is None else end
    near = start if near is None else near
    for group in rules.groups(STAGE):
        of_type, _, name = group.label.partition(":")
        if of_type != kind:
            continue
        found = list(group.regex.finditer(text, start, end))
        if found:
            m = min(found, key=lambda m: abs(m.start() - near))
            return name, m.start(), m.end()
    return None
