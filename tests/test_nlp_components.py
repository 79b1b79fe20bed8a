"""dateline's spaCy components are registered factories whose config holds their settings."""
from __future__ import annotations

import spacy
from spacy.language import Language

from dateline import nlp
from dateline.geo import recognition
from dateline.nlp import components


def test_the_gazetteer_component_is_a_factory_with_todays_thresholds() -> None:
    meta = Language.get_factory_meta(components.GAZETTEER)
    assert meta.default_config["stretch_min_population"] == recognition.STRETCH_MIN_POPULATION == 1_000
    assert meta.default_config["min_population"]["PERSON"] == 100_000


def test_the_pipeline_runs_it_after_ner_with_its_config() -> None:
    model = nlp.load()
    assert model.pipe_names[-2:] == ["ner", components.GAZETTEER]
    config = model.config["components"][components.GAZETTEER]
    assert config["factory"] == components.GAZETTEER and config["name_part_min_population"] == 100_000


def test_a_config_value_reaches_the_component() -> None:
    blank = spacy.blank("en")
    try:
        pipe = blank.add_pipe(components.GAZETTEER, config={"stretch_min_population": 5_000})
        assert pipe.settings["stretch_min_population"] == 5_000
        assert recognition.STRETCH_MIN_POPULATION == 5_000
        doc = blank("Protesters marched in Lahore.")
        assert doc.text == "Protesters marched in Lahore."  # a Doc in, the same Doc out
    finally:
        blank.add_pipe(components.GAZETTEER, name="defaults")  # today's values back
    assert recognition.STRETCH_MIN_POPULATION == 1_000
