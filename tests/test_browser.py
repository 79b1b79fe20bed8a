"""The web page in a real headless browser (Debian chromium driven by Playwright).

A real uvicorn serves a real SQLite file on a free loopback port. The test does what
an analyst does: load the page, filter by date on the timeline, click a point on the
map, and read the article with the evidence of that event highlighted.
The README's screenshot is taken on a real database (skipped unless both are set):

    dateline ingest ../shared/samples ../shared/corpus/wikinews --db /tmp/wiki.db
    DATELINE_SCREENSHOT_DB=/tmp/wiki.db DATELINE_SCREENSHOT=docs/screenshot.png \
        pytest tests/test_browser.py -k screenshot
"""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dateline.serve import create_app, demo
from dateline.store import connect

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="needs Debian chromium: apt-get install -y chromium chromium-driver"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(db: str) -> Iterator[str]:
    """uvicorn in a thread over ``db`` on a free loopback port; yields the base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a database of the demo articles."""
    db = tmp_path_factory.mktemp("browser") / "dateline.db"
    with connect(str(db)) as store:
        demo.fill(store)
    with _serving(str(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_map_timeline_and_evidence(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 860})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
            else outside.append(r.url))

    page.goto(server + "/")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    # Six events with coordinates at five places: the Lashkargah clash and air strike share one marker.
    assert page.locator("path.event-marker").count() == 5
    assert page.locator('path.event-marker[data-events="2"]').count() == 1
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the vendored world basemap
    assert page.locator("#events tbody tr").count() == 6

    # Filter by date on the timeline: click the bar of the week of 2 August 2021.
    page.locator('#timeline g.bar[data-period="2021-08-02"]').click()
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('path.event-marker').length === 2")
    assert page.input_value("input[name=since]") == "2021-08-02"
    assert page.input_value("input[name=until]") == "2021-08-08"
    assert page.locator("#events tbody tr").count() == 3
    assert page.locator('path.event-marker[data-event-id^="MLI"]').count() == 0

    # Click the Kabul attack on the map: its article opens with the evidence highlighted.
    page.locator('path.event-marker[data-event-id^="AFG-"][data-event-id$="-2"]').click()
    page.wait_for_selector("#article mark.ev")
    marks = page.locator("#article mark.ev")
    assert marks.count() >= 5
    labels = page.locator("#article .label").all_inner_texts()
    assert {"event_type", "location", "event_date", "fatalities", "actor1"} <= set(labels)
    assert "8 people were killed" in page.locator('#article mark[data-fields~="fatalities"]').first.inner_text()
    assert "Tuesday night" in page.locator('#article mark[data-fields~="event_date"]').inner_text()

    # The view is in the URL: reloading it restores the dates and the open event.
    assert "since=2021-08-02" in page.url and "event=AFG-" in page.url
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert page.input_value("input[name=since]") == "2021-08-02"
    page.wait_for_selector('#article mark[data-fields~="fatalities"]')

    # The claims view puts the disputed claim and its rejection side by side.
    page.click('#tabs button[data-tab="claims"]')
    pair = page.locator(".claim-pair").first
    pair.wait_for()
    assert "85%" in pair.locator(".claim-card.disputed").inner_text()
    assert "baseless propaganda" in pair.locator(".claim-card.disputing").inner_text()
    pair.locator(".claim-card.disputing a.doc").click()  # the whole article, every record's evidence
    page.wait_for_selector('#article mark.claim[data-fields~="quote"]:has-text("baseless propaganda")')
    assert page.locator("#article mark.ev:not(.claim)").count() >= 10

    # The Lashkargah marker holds two events: its popup lists them; the clash has two sources.
    page.locator('path.event-marker[data-events="2"]').click()
    links = page.locator(".popup-list a")
    links.first.wait_for()
    assert links.count() == 2
    links.filter(has_text="Armed clash").click()
    page.wait_for_function("() => document.querySelectorAll('.sources li').length === 2")
    assert "clashing" in page.locator('#article mark[data-fields~="event_type"]').inner_text()
    page.locator(".sources a", has_text="Fighting continues").click()  # the other article's evidence
    page.wait_for_selector('#article mark[data-fields~="actor2"]:has-text("Afghan army commandos")')
    # Dragging across the timeline selects a range of weeks.
    box_a = page.locator('#timeline g.bar[data-period="2021-08-02"] rect.bar-bg').bounding_box()
    box_b = page.locator('#timeline g.bar[data-period="2021-09-27"] rect.bar-bg').bounding_box()
    page.mouse.move(box_a["x"] + 1, box_a["y"] + 50)
    page.mouse.down()
    page.mouse.move(box_b["x"] + 1, box_b["y"] + 50, steps=5)
    page.mouse.up()
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('path.event-marker').length === 4")
    assert (page.input_value("input[name=since]"), page.input_value("input[name=until]")) == ("2021-08-02", "2021-10-03")
    assert page.locator("#events tbody tr").count() == 5

    assert not errors, errors
    assert not outside, f"the page fetched from outside the server: {outside}"


@pytest.mark.skipif(not (os.environ.get("DATELINE_SCREENSHOT_DB") and os.environ.get("DATELINE_SCREENSHOT")),
                    reason="set DATELINE_SCREENSHOT_DB and DATELINE_SCREENSHOT to take the README screenshot")
def test_readme_screenshot(browser: object) -> None:
    """The page over a real database, on the sample's Lashkargah clash with its evidence."""
    with _serving(os.environ["DATELINE_SCREENSHOT_DB"]) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 860})  # type: ignore[attr-defined]
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready]", timeout=30000)
        page.locator("#events tbody tr", has_text="Lashkar Gah").filter(has_text="Armed clash").first.click()
        page.wait_for_selector("#article mark.ev")
        page.wait_for_timeout(300)
        page.screenshot(path=os.environ["DATELINE_SCREENSHOT"])
