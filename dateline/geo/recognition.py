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

RELABEL = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART"})
MIN_POPULATION = {"ORG": 15_000, "FAC": 15_000, "PRODUCT": 50_000, "WORK_OF_ART": 50_000,
                  "PERSON": 100_000}
COMPONENT = "dateline_gazetteer"


@lru_cache(maxsize=100_000)
def place_strength(text: str) -> int:
    """The population of the strongest gazetteer reading of ``text`` (-1: none).

    Countries, regions and admin1 units count as very large; alternate names and
    codes do not count, so noisy variants cannot turn an organisation into a place.
    """
    from dateline.geo.gazetteer import ADMIN1, ALIAS, COUNTRY, PLACE, PRIMARY, REGION, load
    from dateline.geo.resolver import candidates_for

    words = text.split()
    if not words or not all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3):
        return -1
    if country_of_demonym(text) is not None:
        return -1
    cands, _ = candidates_for(text, load())
    best = -1
    for c in cands:
        if c.quality not in (PRIMARY, ALIAS):
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
        if place_strength(ent.text) >= MIN_POPULATION[label]:
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    if changed:
        doc.ents = ents
    return doc


def add_to_pipeline(nlp: Any) -> None:
    """Register the component after spaCy's NER (called by ``dateline.nlp.load``)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=relabel_places)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner" if "ner" in nlp.pipe_names else None)
