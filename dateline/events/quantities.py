"""Typed numbers: killed, injured, captured, released, abducted, fighters, percent.

A number takes its kind from the verb or noun next to it: the words after it first
("12 people were killed", "1,000 captives"), then the words before it ("killing at
least 12", "release 5,000"). Vague amounts follow ACLED's conservative rules:
"several" = 3, "dozens" = 12, "hundreds" = 100; the fatality count is the lowest
figure reported. The words are rules, ``rules/quantities.jsonl``: the kind words after
and before a number and the vague amounts (a rule's weight is its value).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline import rules
from dateline.records import span_of

#: English numerals (vague amounts such as "dozens" are rules: ``rules/quantities.jsonl``)
NUMERALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
#: the kind a number takes from the words after it, in the order tried ("fighters" last)
KINDS: tuple[str, ...] = ("killed", "injured", "abducted", "released", "captured", "fighters")
_BEFORE_KINDS: tuple[str, ...] = ("killed", "injured", "released", "abducted", "captured")
AFTER, BEFORE, AMOUNTS = "events.quantity_after", "events.quantity_before", "events.amounts"
NOT_PEOPLE = "events.quantity_not_people"
ASIDE = "events.quantity_aside"
THINGS = "events.quantity_things"
_QUALIFIER = r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|roughly|approximately|fewer than|less than)\s+)?"


def word_numbers() -> dict[str, int]:
    """Numerals and the vague amounts of the rules, with ACLED's values ("dozens" = 12).
    An amount rule's pattern is a plain alternation of words ("a dozen|dozen|dozens")."""
    return _word_numbers(rules.get(AMOUNTS))


@lru_cache(maxsize=8)
def _word_numbers(amounts: tuple[rules.Rule, ...]) -> dict[str, int]:
    table = dict(NUMERALS)
    for rule in amounts:
        if rule.is_regex:
            table.update({word.strip().lower(): int(rule.weight) for word in str(rule.pattern).split("|")})
    return table


@lru_cache(maxsize=8)
def _number_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.,])" + _QUALIFIER + r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
        r"|" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        + r")(?!(?:st|nd|rd|th)\b)(?P<pct>\s*(?:%|per ?cent\b))?(?![\w,]*\d)",  # '2nd Battalion': an ordinal
        re.I,
    )


#: 'nine insurgents were "neutralised"': a verb in scare quotes is still the verb
_SCARE_QUOTE = re.compile(r"(\b(?:were|was|been|being)\s+)[\"“‘']([\w-]+)[\"”’']", re.I)
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")
_STOP = re.compile(r"[.;:!?()\"“”]|\b(?:who|which|whose|where|when)\b", re.I)
#: a number that counts something other than victims: "mother of five", "March 12", "$5", "aged 30"
_NOT_PEOPLE_BEFORE = rules.Live(NOT_PEOPLE, "not_people")
#: a number of things: "between the two blasts, at least 20 were killed" counts blasts, not dead
_THINGS_AFTER = rules.Live(THINGS, "things")
#: a number of people described by what they were, directly or through a partitive ("one of dozens of")
_FORMER = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(?:[\w,]+\s+of\s+(?:the\s+)?)?(?:former|ex-|previously|past|other)\b", re.I)
#: "15 militants were killed", "three militants died": a fighters noun followed by a casualty verb is a casualty count
_THEN_CASUALTY = re.compile(r"^\s*(?:\w+ly\s+)?(?:(?:were|was|are|is|have been|had been|has been|being|got|been)\s+(?:\w+ly\s+|also\s+)?)?", re.I)


def parse_number(word: str) -> int | None:
    """'5,000' -> 5000, 'dozens' -> 12 (ACLED's rule), 'several' -> 3."""
    word = word.lower().replace(",", "")
    table = word_numbers()
    if word in table:
        return table[word]
    try:
        return int(float(word))
    except ValueError:
        return None


def find(text: str, start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    """Typed quantities in ``text[start:end]``: ``{"kind", "value", "span"}`` dicts."""
    end = len(text) if end is None else end
    out: list[dict[str, Any]] = []
    for match in _number_re(tuple(word_numbers())).finditer(text, start, end):
        number = match.group("num")
        if _YEARISH.match(number) or _is_time(text, match.end()):
            continue
        if _NOT_PEOPLE_BEFORE.search(text, max(0, match.start() - 30), match.start()) or _age(text, match):
            continue
        value = parse_number(number)
        if value is None or _THINGS_AFTER.match(text[match.end():min(end, match.end() + 40)]):
            continue
        if _part_of_group(text, match.start()):
            continue  # "nine villagers, four of them women, were killed": four of the nine
        if _FORMER.match(text, match.end(), match.end() + 45):
            continue  # "thousands of former prisoners", "one of hundreds of former detainees": who they were
        kind = "percent" if match.group("pct") else _kind(text, match.start(), match.end(), end)
        if kind:
            out.append({"kind": kind, "value": value, "span": span_of(text, match.start(), match.end())})
    return out


#: 'Spc. Tyler Hennessy, 23, died': a number between commas after a name is an age
_NAME_COMMA = re.compile(r"[A-Z][\w'’.-]+,\s*$")


def _age(text: str, match: re.Match[str]) -> bool:
    return match.group("num").isdigit() and int(match.group("num")) < 120 and \
        text[match.end():match.end() + 1] == "," and bool(_NAME_COMMA.search(text, max(0, match.start() - 30), match.start()))


def _is_time(text: str, pos: int) -> bool:
    return bool(re.match(r"[\s-]*(?:a\.m\.|p\.m\.|o'clock\b|years? old\b|am\b|pm\b|hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b|km\b|kilometers?\b|miles?\b|metres?\b|meters?\b|dollars?\b|million\b|billion\b)", text[pos:pos + 12], re.I))


def _kind(text: str, start: int, end: int, limit: int) -> str:
    """Kind from the next few words (up to punctuation), else from the verb before."""
    after = _SCARE_QUOTE.sub(r"\1\2", _without_asides(text[end:min(limit, end + 90)]))
    stop = _STOP.search(after)
    after = " ".join(after[: stop.start() if stop else len(after)].split()[:6])
    best = ""
    best_pos = len(after) + 1
    for kind in KINDS:
        pattern = rules.regex(AFTER, kind)
        hit = pattern.search(after)
        if hit and hit.start() < best_pos:
            best, best_pos = kind, hit.start()
    if best == "fighters":  # "15 militants were killed": the verb says what befell them
        rest = after[best_pos:].split(None, 1)[1] if len(after[best_pos:].split(None, 1)) > 1 else ""
        aux = _THEN_CASUALTY.match(" " + rest)
        if aux:
            tail = (" " + rest)[aux.end():]
            for kind in KINDS[:-1]:
                pattern = rules.regex(AFTER, kind)
                hit = pattern.match(tail)
                if hit:
                    return kind
    before = text[max(0, start - 30):start]
    for kind in _BEFORE_KINDS:
        pattern = rules.regex(BEFORE, kind)
        linked = bool(re.search(r"\b(?:and|or|but|while)\b", after[:best_pos]))  # "killed five and wounded 110"
        if pattern.search(before) and (best in ("", "fighters", "captured") or linked):
            return kind
    return best


def _part_of_group(text: str, start: int) -> bool:
    """A number that opens an aside between commas counts part of the group told before it
    ('nine villagers, four of them women, were killed', '14 people, including five
    children, were killed'), not another group."""
    comma = text.rfind(",", max(0, start - 22), start)
    if comma < 0 or not _OPENS_ASIDE.fullmatch(text, comma + 1, start):
        return False
    return bool(rules.regex(ASIDE, "part_of_group").match(text, comma, comma + 90))


#: what may stand between an aside's comma and its number ('14 people, including five children,')
_OPENS_ASIDE = re.compile(r"\s*(?:(?:including|among (?:them|whom))\s+(?:at least\s+|some\s+|the\s+)?)?")


def _without_asides(after: str) -> str:
    """The words after a number with the asides between its noun and its verb taken out
    (rules ``events.quantity_aside``): 'officers (GSU) were killed', 'civilians, two of
    them children, were killed'. A bracket keeps the words before it."""
    for rule in rules.get(ASIDE):
        hit = rule.regex.search(after)
        if hit:
            bracket = after.rfind("(", hit.start(), hit.end())
            cut = bracket if bracket >= 0 and after[hit.end() - 1] == ")" else hit.start()
            after = after[:cut] + " " + after[hit.end():]
    return after


def fatalities(quantities: list[dict[str, Any]]) -> int | None:
    """ACLED's conservative count: the lowest killed figure reported, None if none."""
    killed = [q["value"] for q in quantities if q["kind"] == "killed"]
    return min(killed) if killed else None
