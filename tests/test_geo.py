"""geo stage: the real gazetteer (SQLite built from the PyPI data), real spaCy, real gold files."""
from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import geo
from dateline.geo import gazetteer
from dateline.geo.resolver import Mention, haversine_km, resolve_mentions
from tests.conftest import SAMPLE, SHARED, needs_shared

GEOPARSING = SHARED / "eval" / "geoparsing"


def resolve_text(text: str, *names: str) -> dict[str, object]:
    """Resolve the first occurrence of each name in ``text``; name -> chosen candidate."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name))
    return {r.mention.text: r.candidate for r in resolve_mentions(text, mentions) if r}


# --------------------------------------------------------------------------- helpers


def test_country_helpers_other_stages_import() -> None:
    assert geo.country_of_demonym("Afghan") == ("Afghanistan", "AFG")
    assert geo.country_of_demonym("Americans") == ("United States", "USA")
    assert geo.country_of_demonym("Qatari") == ("Qatar", "QAT")
    assert geo.country_of_demonym("Syrian")[1] == "SYR"
    assert geo.country_of_demonym("Taliban") is None
    assert geo.acled_region("AFG") == "South Asia"
    assert geo.acled_region("QAT") == "Middle East"
    assert geo.acled_region("NGA") == "Western Africa"
    assert geo.acled_region("MEX") == "Central America"
    assert geo.acled_region("GEO") == "Caucasus and Central Asia"
    assert geo.country_name("AFG") == "Afghanistan"
    assert geo.country_name("COD") == "Democratic Republic of Congo"


def test_folding_unifies_spellings() -> None:
    fold = gazetteer.fold
    assert fold("Lashkar Gāh") == fold("Lashkar Gah") == fold("Lashkargah") == "lashkargah"
    assert fold("St. Louis") == fold("Saint Louis")
    assert fold("Zürich") == fold("ZURICH")


def test_gazetteer_opens_fast_and_knows_alternate_names() -> None:
    gazetteer.load()  # built on first use
    start = time.perf_counter()
    gaz = gazetteer.Gazetteer(gazetteer.store_path())
    found = gaz.lookup(gazetteer.fold("Lashkargah"))
    assert time.perf_counter() - start < 1.0
    assert any(c.id == 1134720 for c in found)  # Lashkar Gah, Helmand


# --------------------------------------------------------------------------- the sample


@needs_shared(SAMPLE)
def test_sample_places_resolve_right() -> None:
    import dateline

    article = dateline.extract(SAMPLE.read_text(encoding="utf-8"))
    places = {p.span.text: p for p in article.places}
    text = article.document.text
    for p in article.places:
        assert text[p.span.start : p.span.end] == p.span.text

    lashkargah = places["Lashkargah"]
    assert haversine_km(lashkargah.latitude, lashkargah.longitude, 31.593, 64.371) < 30
    assert (lashkargah.admin1, lashkargah.iso, lashkargah.geo_precision) == ("Helmand", "AFG", 1)
    helmand = places["Helmand"]
    assert (helmand.feature, helmand.geo_precision, helmand.iso) == ("A.ADM1", 3, "AFG")
    for name in ("Herat", "Kabul"):
        assert (places[name].iso, places[name].geo_precision) == ("AFG", 1)
    assert haversine_km(places["Kabul"].latitude, places["Kabul"].longitude, 34.53, 69.17) < 30
    assert places["Doha"].iso == "QAT" and places["Doha"].country == "Qatar"
    # the small model tags Lashkargah as ORG; the gazetteer component makes it a place
    assert any(e.text == "Lashkargah" and e.label == "GPE" and e.geonameid == 1134720
               for e in article.entities)
    # demonyms give context, they are not places
    assert "Afghan" not in places and "American" not in places


# --------------------------------------------------------------------------- abbreviations, context


def test_abbreviations_do_not_match_small_towns() -> None:
    got = resolve_text("Officials in the US and the UK met in NSW, said a Ky. sheriff.",
                       "US", "UK", "NSW", "Ky.")
    assert got["US"].cc == "US" and got["US"].kind == "C"  # not Us, France
    assert got["UK"].cc == "GB"
    assert got["NSW"].name == "New South Wales"
    assert got["Ky."].name == "Kentucky"  # not Kaya


def test_containment_and_document_focus_pick_the_local_namesake() -> None:
    got = resolve_text("The fair in Paris, Texas drew crowds.", "Paris", "Texas")
    assert got["Paris"].cc == "US" and got["Texas"].name == "Texas"
    text = "Columbus police said a man from Dublin was held. Franklin County deputies helped."
    got = resolve_text(text, "Columbus", "Dublin", "Franklin County")
    assert got["Dublin"].cc == "US"  # Dublin, Ohio, not Ireland
    got = resolve_text("Fighting in Kabul and Kandahar.", "Kabul", "Kandahar")
    assert got["Kabul"].kind == "P"  # the city, not the province of the same name
    got = resolve_text("Troops in Helmand province.", "Helmand province")
    assert got["Helmand province"].kind == "A1"


# --------------------------------------------------------------------------- eval command


def _slice(src: Path, dst: Path, n: int) -> Path:
    root = ET.parse(src).getroot()
    for article in root.findall("article")[n:]:
        root.remove(article)
    ET.ElementTree(root).write(dst, encoding="utf-8")
    return dst


@needs_shared(GEOPARSING)
@pytest.mark.parametrize("corpus", ["GeoVirus.xml", "lgl-dev.xml"])
def test_eval_command_on_a_slice(corpus: str, tmp_path: Path) -> None:
    from dateline.cli import main

    path = _slice(GEOPARSING / corpus, tmp_path / corpus, 5)
    result = CliRunner().invoke(main, ["eval", "geo", str(path), "--gold-spans", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["setting"] == "gold-spans" and figures["n"] > 0
    for key in ("acc161", "auc"):
        assert 0.0 <= figures[key] <= 1.0
    assert figures["acc161"] >= 0.6
    if corpus.startswith("lgl"):
        assert 0.0 <= figures["exact_id"] <= 1.0 and figures["country_acc"] >= 0.8
    table = CliRunner().invoke(main, ["eval", "geo", str(path)])
    assert table.exit_code == 0 and "end-to-end" in table.output and "Acc@161km" in table.output
