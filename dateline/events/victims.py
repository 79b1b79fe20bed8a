"""One victim, one death: 'gunmen shot dead a policeman', 'a soldier was killed', 'the
killing of Mr Obi' report one fatality though no number is written.

The killing words are rules (``events.victims``, label ``kill``); the victim is read from
the parse: the object of an active killing, the subject of a passive one or of 'died', the
'of' phrase of a killing noun, or the noun a 'murdered' describes. It counts as one only
when it is one person: a singular noun for a person (label ``person``), a name, or
he/she, with no number, no 'no' and no 'and' joining another victim.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Iterator

from dateline import rules
from dateline.events.quantities import parse_number
from dateline.records import Span

STAGE = "events.victims"
_ONE = frozenset({"NN", "NNP", "PRP"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_NONE = frozenset({"no", "nobody", "none", "neither"})


def one_killed(doc: Any, text: str, start: int, end: int) -> Span | None:
    """The words saying that one person was killed in ``text[start:end]``, or None."""
    for match, word, victim in _victims_of(doc, text, "kill", start, end):
        if _one(victim):
            lo, hi = min(victim.idx, word.idx), max(victim.idx + len(victim), match.end())
            return Span(lo, hi, text[lo:hi])
    return None


def joined_killed(doc: Any, text: str, start: int, end: int) -> tuple[int, Span] | None:
    """'killing four policemen and a passer-by', 'killed a man and his two sons': the dead
    of one killing word, victims joined by 'and', added up (a counted group counts its
    number, one person one); None unless every joined victim can be counted."""
    for _match, word, victim in _victims_of(doc, text, "kill", start, end):
        joined = [victim] + [c for c in victim.conjuncts if c.i > victim.i]
        # the small parser may hang 'and three of her pupils' on the verb: a number joined to it
        joined += [c for c in word.children if c.dep_ == "conj" and c.pos_ == "NUM" and c.i > victim.i]
        if len(joined) < 2:
            continue
        counts = [_count(token) for token in joined]
        if any(c is None for c in counts):
            continue
        lo = min(t.left_edge.idx for t in joined)
        hi = max(t.right_edge.idx + len(t.right_edge) for t in joined)
        return sum(counts), Span(lo, hi, text[lo:hi])
    return None


def _count(token: Any) -> int | None:
    """How many people one victim phrase counts: its number ('four policemen', 'four of her
    children'), or one for one person ('a passer-by', 'his son'); None when it cannot say."""
    if token.pos_ == "NUM":
        return parse_number(token.lower_)
    number = next((c for c in token.children if c.dep_ == "nummod"), None)
    if number is not None:
        return parse_number(number.lower_)
    if token.tag_ == "NN" and (_person_noun(token) or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)):
        return 1
    return None


def forces_harmed(doc: Any, text: str, start: int, end: int, forces: Iterable[str]) -> tuple[str, Any] | None:
    """The first of ``forces`` (rule labels: "military", "police") whose members the parse
    finds killed or wounded in ``text[start:end]`` ('a Marshall soldier was killed', 'Army
    Spc. Jane Roe died', 'a policeman was hacked to death'), with the phrase naming them as
    a spaCy span; None if none: 'soldiers attacked the village' names no victim."""
    phrases = [doc[victim.left_edge.i:victim.i + 1] for _, _, victim in _victims_of(doc, text, "harm", start, end)]
    for force in forces:
        nouns = rules.regex(STAGE, force)
        phrase = next((p for p in phrases if nouns.search(p.text)), None)
        if phrase is not None:
            return force, phrase
    return None


def _victims_of(doc: Any, text: str, label: str, start: int, end: int) -> Iterator[tuple[Any, Any, Any]]:
    """(match, word, victim) for each word of rule label ``label`` in ``text[start:end]``
    whose victim the parse reads."""
    if doc is None:
        return
    for match in rules.regex(STAGE, label).finditer(text, start, end):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        victim = _victim(span[0])
        if victim is not None:
            yield match, span[0], victim


def killed_a_thing(doc: Any, text: str, trigger: Span) -> bool:
    """'We have killed the part of the project': a killing word whose object is a thing,
    not a person, is a figure of speech."""
    if doc is None or not rules.regex(STAGE, "kill").fullmatch(trigger.text):
        return False
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    victim = _victim(span[0]) if span is not None and len(span) else None
    return (victim is not None and victim.tag_ in ("NN", "NNS") and victim.lower_ not in _NONE
            and victim.lemma_.lower() not in _AMOUNTS and victim.lower_ not in _AMOUNTS and not _person_noun(victim))


def _person_noun(token: Any) -> bool:
    return bool(rules.regex(STAGE, "person").search(token.lemma_.lower()))


def _victim(word: Any) -> Any:
    """The token heading who was killed, by the killing word's role in the parse; through
    'dozens of people' and 'the part of the project' to the people and the project."""
    victim = _role(word)
    while victim is not None and victim.tag_ in ("NN", "NNS"):
        of = next((c for p in victim.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ == "pobj"), None)
        if of is None or not (victim.lemma_.lower() in _AMOUNTS or not _person_noun(victim)):
            break
        victim = of
    return victim


#: nouns of an amount: 'dozens of people', 'hundreds', 'scores' count people, they are none
_AMOUNTS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                      "million", "millions", "number", "lot", "lots", "many", "several", "group", "handful"})


def _role(word: Any) -> Any:
    """The token heading who was killed, by the killing word's role in the parse."""
    children = list(word.children)
    if word.dep_ == "amod":
        return word.head  # 'a murdered soldier'
    if word.pos_ == "NOUN":  # 'the killing of Mr Obi'
        return next((c for p in children if p.dep_ == "prep" and p.lower_ == "of"
                     for c in p.children if c.dep_ == "pobj"), None)
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if passive:
        return passive[0]
    if word.lemma_.lower() == "die":
        return next((c for c in children if c.dep_ == "nsubj"), None)
    return next((c for c in children if c.dep_ == "dobj"), None)


def _one(victim: Any) -> bool:
    """One person: a name, he or she, or a singular noun for a person (rule label ``person``)."""
    if victim.tag_ not in _ONE or (victim.tag_ == "PRP" and victim.lower_ not in _PERSON_PRONOUNS):
        return False
    if victim.tag_ == "NN" and not _person_noun(victim):
        return False
    if victim.tag_ == "NNP" and victim.ent_type_ not in ("PERSON", ""):
        return False
    if any(c.dep_ == "conj" for c in victim.children):
        return False  # 'a man and his son'
    return not any(c.dep_ == "nummod" or c.lower_ in _NONE for c in victim.children) and victim.lower_ not in _NONE
