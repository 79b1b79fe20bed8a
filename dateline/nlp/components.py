"""dateline's spaCy components, registered by factory name with a ``default_config``.

As spaCy's own components do, every setting of a component is in its config, with
today's values as defaults, so a pipeline can be built or tuned from a spaCy config::

    nlp.add_pipe("dateline_gazetteer", after="ner", config={"stretch_min_population": 5000})

``dateline_gazetteer`` (:mod:`dateline.geo.recognition`) makes the entities say which
spans are places, with the gazetteer's help: a name the gazetteer knows becomes a place
when the place is big enough for the label spaCy gave it, or when its words say it is
one. Its thresholds are populations.

``dateline_paragraphs`` runs before the parser: a blank line ends a sentence, so a
headline or a dateline without a full stop is not read as the subject of the lead.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.geo import recognition

GAZETTEER = recognition.COMPONENT

#: today's thresholds of :mod:`dateline.geo.recognition`, as the component's defaults
GAZETTEER_DEFAULTS: dict[str, Any] = {
    "min_population": dict(recognition.MIN_POPULATION),
    "in_context_min_population": recognition.IN_CONTEXT_MIN_POPULATION,
    "stretch_min_population": recognition.STRETCH_MIN_POPULATION,
    "name_part_min_population": recognition.NAME_PART_MIN_POPULATION,
    "big_place": recognition.BIG_PLACE,
}


class GazetteerPlaces:
    """The place-repair component: a ``Doc`` in, the same ``Doc`` out with its entities relabelled.

    The recognition functions read their thresholds from :mod:`dateline.geo.recognition`;
    a component built with other values sets them there (dateline runs one pipeline per
    process, :func:`dateline.nlp.load`)."""

    def __init__(self, nlp: Language, name: str, **settings: Any) -> None:
        self.name = name
        self.settings = settings
        for key, value in settings.items():
            setattr(recognition, key.upper(), dict(value) if isinstance(value, dict) else value)

    def __call__(self, doc: Any) -> Any:
        return recognition.relabel_places(doc)


@Language.factory(GAZETTEER, default_config=GAZETTEER_DEFAULTS)
def make_gazetteer(nlp: Language, name: str, min_population: dict[str, int], in_context_min_population: int,
                   stretch_min_population: int, name_part_min_population: int, big_place: int) -> GazetteerPlaces:
    return GazetteerPlaces(nlp, name, min_population=min_population,
                           in_context_min_population=in_context_min_population,
                           stretch_min_population=stretch_min_population,
                           name_part_min_population=name_part_min_population, big_place=big_place)


PARAGRAPHS = "dateline_paragraphs"


@Language.component(PARAGRAPHS)
def paragraphs(doc: Any) -> Any:
    """Start a sentence after every blank line (a whitespace token holding two newlines)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_to(nlp: Language) -> Language:
    """dateline's components, each after the one it reads (the gazetteer after spaCy's NER),
    the paragraph breaks before the parser that would otherwise run across them."""
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
    if GAZETTEER not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER, after="ner" if "ner" in nlp.pipe_names else None)
    return nlp
