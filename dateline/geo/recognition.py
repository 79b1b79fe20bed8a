"""Gazetteer-backed toponym recognition, as a spaCy component after ``ner``.

The small English model mistypes some well-known places (it tags "Lashkargah" and
"Herat" as ORG). This component relabels an ORG/PERSON/FAC/PRODUCT entity as GPE when
its whole text is the primary name or an alias of a country, region, admin1 unit or a
populated place of some size, and it is not a demonym. It costs one cached SQLite
probe per distinct entity text, so it adds little to spaCy's own time.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.geo.countries import country_of_demonym

RELABEL = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"})
MIN_POPULATION = {"ORG": 15_000, "FAC": 15_000, "PRODUCT": 50_000, "WORK_OF_ART": 50_000,
                  "PERSON": 100_000, "NORP": 50_000, "": 100_000}
COMPONENT = "dateline_gazetteer"

#: Words that name admin units somewhere ("Western" Region, Uganda) but in running text
#: are adjectives or common nouns; alone they are never taken for a place.
GENERIC_WORDS = frozenset("""
western eastern northern southern central north south east west middle upper lower new
greater island islands coast valley city capital river lake mountain hills centre center
union independence liberty victoria washington lincoln jackson franklin clinton
federal punta pool alien national general
""".split())


@lru_cache(maxsize=100_000)
def place_strength(text: str) -> int:
    """The population of the strongest gazetteer reading of ``text`` (-1: none).

    Countries, regions and admin1 units count as very large; alternate names and
    codes do not count, so noisy variants cannot turn an organisation into a place.
    """
    from dateline.geo.gazetteer import ADMIN1, ALIAS, CODE, COUNTRY, PLACE, PRIMARY, REGION, load
    from dateline.geo.resolver import _demonym_candidates, candidates_for

    words = text.split()
    if len(words) == 1 and text.lower() in GENERIC_WORDS:
        return -1
    if not words or not all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3):
        return -1
    if country_of_demonym(text) is not None or _demonym_candidates(text):
        return -1  # demonyms ('Afghan', 'Texans') give context; they are not places
    cands, _ = candidates_for(text, load())
    best = -1
    for c in cands:
        if c.quality not in (PRIMARY, ALIAS, CODE):
            continue
        if c.kind in (COUNTRY, REGION, ADMIN1):
            return 10**9
        if c.kind == PLACE:
            best = max(best, c.population)
    return best


def relabel_places(doc: Any) -> Any:
    """Turn mistyped entities that the gazetteer knows as places into GPE."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    person_tokens = {
        t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e
    }
    changed = False
    for i, ent in enumerate(ents):
        label = ent.label_
        if label not in RELABEL:
            continue
        if label == "PERSON" and len(ent) == 1 and ent.text.lower() in person_tokens:
            continue
        need = LOCATIVE_MIN_POPULATION if _after_locative(doc, ent.start) else MIN_POPULATION[label]
        if place_strength(ent.text) >= need:
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    added = _unlabelled_places(doc, ents)
    if changed or added:
        doc.ents = sorted(ents + added, key=lambda e: e.start)
    return doc


def _unlabelled_places(doc: Any, ents: list[Any]) -> list[Any]:
    """Runs of proper nouns outside any entity that name a well-known place ('Sudan', 'NSW')."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    found, i = [], 0
    while i < len(doc):
        if i in taken or doc[i].pos_ != "PROPN":
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and j - i < 4:
            j += 1
        found.extend(_places_in_run(doc, i, j))
        i = j
    return found


#: After "in", "near", "the town of"... a gazetteer name is a place even when small.
LOCATIVE_MIN_POPULATION = 1_000
LOCATIVE_WORDS = frozenset("in at near outside across around into throughout towards toward".split())
LOCATIVE_NOUNS = frozenset("town city village district province region state county capital".split())


def _after_locative(doc: Any, start: int) -> bool:
    """Whether the token before ``start`` makes it a location: 'in X', 'the town of X'."""
    if start == 0:
        return False
    prev = doc[start - 1].lower_
    if prev in LOCATIVE_WORDS:
        return True
    return prev == "of" and start >= 2 and doc[start - 2].lower_ in LOCATIVE_NOUNS


def _places_in_run(doc: Any, start: int, end: int) -> list[Any]:
    """Longest well-known place names inside a run of proper nouns, left to right."""
    from spacy.tokens import Span

    found, i = [], start
    while i < end:
        for j in range(end, i, -1):
            need = LOCATIVE_MIN_POPULATION if _after_locative(doc, i) else MIN_POPULATION[""]
            if place_strength(doc[i:j].text) >= need:
                found.append(Span(doc, i, j, label="GPE"))
                i = j
                break
        else:
            i += 1
    return found


def add_to_pipeline(nlp: Any) -> None:
    """Register the component after spaCy's NER (called by ``dateline.nlp.load``)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=relabel_places)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner" if "ner" in nlp.pipe_names else None)


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
COUNTRY_OR_STATE = 10**9


def place_spans(doc: Any) -> list[tuple[int, int, str]]:
    """Character spans of the toponyms of a parsed document.

    Place entities, plus a country or state that opens or closes an organisation's name
    ("U.S. Department of Agriculture", "University of California"): the name is
    evidence of the place, though not of an event there.
    """
    ents = doc.ents
    spans = [(e.start_char, e.end_char, e.text) for e in ents if e.label_ in PLACE_LABELS]
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) > 1:
            inner = _place_in_org(ent)
            if inner is not None:
                spans.append((inner.start_char, inner.end_char, inner.text))
    return spans


def _place_in_org(ent: Any) -> Any | None:
    tokens = [t for t in ent if t.lower_ != "the"]
    if not tokens:
        return None
    first = tokens[0].i
    for size in (3, 2, 1):
        head = ent.doc[first : first + size]
        if head.end < ent.end and place_strength(head.text) >= COUNTRY_OR_STATE:
            return head
    of = next((t.i for t in ent if t.lower_ == "of"), None)
    if of is not None and of + 1 < ent.end:
        tail = ent.doc[of + 1 : ent.end]
        if len(tail) <= 3 and place_strength(tail.text) >= COUNTRY_OR_STATE:
            return tail
    return None
