"""Shared fixtures: real files, a real SQLite database, records built like the pipeline builds them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.records import Article, Claim, Event, span_of
from dateline.text import prepare

#: ../shared beside the checkout; DATELINE_SHARED points elsewhere (a worktree one level deeper).
SHARED = Path(os.environ.get("DATELINE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SAMPLE = SHARED / "samples" / "lashkargah-2021-08.txt"
WIKINEWS = SHARED / "corpus" / "wikinews"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (../shared beside the checkout)")


def make_article(text: str, published: str = "2024-03-12", n_events: int = 1, place: str = "Afgooye",
                 lat: float = 2.14, lon: float = 45.12, geonameid: int = 58933) -> Article:
    """An article with events and a claim whose evidence points into its text (no spaCy needed)."""
    document = prepare(text, published=published, title=text[:30], url="https://example.org/a")
    body = document.text
    events = []
    for i in range(n_events):
        start = body.find(place)
        evidence = {"location": [span_of(body, start, start + len(place))]} if start >= 0 else {}
        events.append(Event(
            event_id_cnty=f"SOM{document.doc_id[:6]}{i}", event_date=published, year=int(published[:4]),
            time_precision=1, disorder_type="Political violence", event_type="Battles",
            sub_event_type="Armed clash", actor1="Al-Shabaab", inter1="Rebel group",
            actor2="Military Forces of Somalia", inter2="State forces", iso="SOM", country="Somalia",
            region="Eastern Africa", admin1="Lower Shabelle", location=place, latitude=lat, longitude=lon,
            geo_precision=1, fatalities=7, notes=body[:80], plover_type="ASSAULT", modality="asserted",
            quantities=[{"kind": "killed", "value": 7}], geonameid=geonameid, confidence=0.8,
            doc_id=document.doc_id, evidence=evidence,
        ))
    claim = Claim(claim_id=f"c{document.doc_id[:8]}", speaker="Abdullahi Hassan", quote=body[:40],
                  kind="direct", cue="said", doc_id=document.doc_id, evidence={"quote": [span_of(body, 0, 40)]})
    return Article(document=document, events=events, claims=[claim])


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "dateline.db")
