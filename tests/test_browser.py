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


#: Events drawn on the map: those of each place marker plus those each cluster holds.
EVENTS_ON_MAP = ("(() => [...document.querySelectorAll('path.event-marker')].reduce((n, m) => n + Number(m.dataset.events), 0)"
                 " + [...document.querySelectorAll('.event-cluster')].reduce((n, c) => n + Number(c.textContent), 0))()")


def _events_on_map(page: object) -> int:
    return page.evaluate("() => " + EVENTS_ON_MAP)  # type: ignore[attr-defined]


def _legend(page: object) -> dict[str, int]:
    spans = page.locator("#legend span[data-type]")  # type: ignore[attr-defined]
    return {s.get_attribute("data-type"): int(s.locator("b").inner_text()) for s in spans.all()}


def test_map_timeline_and_evidence(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 860})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
            else outside.append(r.url))

    page.goto(server + "/")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    # Six events with coordinates at five places; at world zoom Kabul and Lashkargah (two events
    # at one point) are one cluster of three events.
    assert page.locator("path.event-marker").count() == 3
    assert page.locator(".event-cluster").all_inner_texts() == ["3"]
    assert _events_on_map(page) == 6
    assert page.locator(".leaflet-world-pane path").count() > 100  # the vendored world basemap
    assert page.locator("#events tbody tr").count() == 6
    assert _legend(page) == {"Battles": 2, "Explosions/Remote violence": 2, "Strategic developments": 1,
                             "Protests": 1}

    # Filter by date on the timeline: click the bar of the week of 2 August 2021.
    page.locator('#timeline g.bar[data-period="2021-08-02"]').click()
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('path.event-marker').length === 2")
    assert page.input_value("input[name=since]") == "2021-08-02"
    assert page.input_value("input[name=until]") == "2021-08-08"
    assert page.locator("#events tbody tr").count() == 3
    assert page.locator('path.event-marker[data-event-id^="MLI"]').count() == 0
    assert _legend(page) == {"Battles": 1, "Explosions/Remote violence": 2}  # the legend follows the dates

    # Click the Kabul attack on the map: its article opens with the evidence highlighted.
    page.locator('path.event-marker[data-event-id^="AFG-"][data-event-id$="-2"]').click()
    page.wait_for_selector("#article mark.ev")
    marks = page.locator("#article mark.ev")
    assert marks.count() >= 5
    labels = page.locator("#article .label").all_inner_texts()
    assert {"event_type", "location", "event_date", "fatalities", "actor1"} <= {
        f for label in labels for f in label.split(" · ")}
    assert sum("location" in label.split(" · ") for label in labels) == 1  # one label per span, all its fields
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
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 5")
    assert (page.input_value("input[name=since]"), page.input_value("input[name=until]")) == ("2021-08-02", "2021-10-03")
    page.wait_for_function("() => " + EVENTS_ON_MAP + " === 5")

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


def _watch(page: object, server: str) -> tuple[list[str], list[str]]:
    """Page errors (and console errors, a CSP refusal among them) and requests off the server."""
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))  # type: ignore[attr-defined]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    page.on("request", lambda r: None if r.url.startswith((server, "data:")) else outside.append(r.url))  # type: ignore[attr-defined]
    return errors, outside


def _idle(page: object) -> None:
    page.wait_for_function("() => document.body.dataset.ready && !document.body.dataset.loading")  # type: ignore[attr-defined]


def test_phone_one_column_every_control_by_touch(server: str, browser: object) -> None:
    """At 390×844 with touch: no sideways scroll, every control on top where it is, and each works by tap."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)  # type: ignore[attr-defined]
    page = context.new_page()
    errors, outside = _watch(page, server)
    page.goto(server + "/")
    _idle(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    controls = ["input[name=q]", "select[name=country]", "select[name=event_type]", "select[name=plover_type]",
                "input[name=actor]", "input[name=since]", "input[name=until]", "input[name=inview]",
                "#reset-filters", "#clear-dates", '#tabs button[data-tab="table"]', '#tabs button[data-tab="event"]',
                '#tabs button[data-tab="claims"]', "#timeline"]
    for selector in controls:  # one column: each control is inside the width and is what a finger there touches
        element = page.locator(selector)
        element.scroll_into_view_if_needed()
        box = element.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
        on_top = page.evaluate("([sel, x, y]) => { const e = document.elementFromPoint(x, y); "
                               "return !!e && (e.closest(sel) !== null || e.closest('label') === document.querySelector(sel).closest('label')); }",
                               [selector, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert on_top, f"{selector} is covered"

    # The map by touch: the zoom button, and a point opens its event.
    page.locator("#map").scroll_into_view_if_needed()
    page.locator('path.event-marker[data-event-id^="MLI"]').tap()
    page.wait_for_selector('#article mark[data-fields~="location"]:has-text("Mopti")')
    assert "active" in (page.locator("#tab-event").get_attribute("class") or "")
    page.locator("#map").scroll_into_view_if_needed()
    zoom = page.evaluate("() => map.getZoom()")
    page.locator(".leaflet-control-zoom-in").tap()
    page.wait_for_function("z => map.getZoom() === z + 1", arg=zoom)

    # Tabs by tap.
    page.locator('#tabs button[data-tab="claims"]').tap()
    page.locator(".claim-pair").first.wait_for()
    assert "active" in (page.locator("#tab-claims").get_attribute("class") or "")
    page.locator('#tabs button[data-tab="table"]').tap()
    assert page.locator("#events tbody tr").first.is_visible()

    # A filter by tap: the country menu.
    page.locator("select[name=country]").tap()
    page.select_option("select[name=country]", "Sudan")
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 1")

    # The claims follow the filters: none of the Sudan article's, and the scope is said.
    page.locator('#tabs button[data-tab="claims"]').tap()
    page.locator("#claims-scope").wait_for()
    assert page.locator(".claim-card").count() == 0

    # Reset by tap.
    page.locator("#reset-filters").tap()
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 6")
    assert page.input_value("select[name=country]") == ""

    # The timeline by touch: a tap picks a week, a horizontal swipe a range of weeks.
    page.locator("#timeline").scroll_into_view_if_needed()
    page.locator('#timeline g.bar[data-period="2021-08-02"]').tap()
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 3")
    assert page.input_value("input[name=since]") == "2021-08-02"
    a = page.locator('#timeline g.bar[data-period="2021-08-02"] rect.bar-bg').bounding_box()
    b = page.locator('#timeline g.bar[data-period="2021-09-27"] rect.bar-bg').bounding_box()
    y = a["y"] + 40
    touch = context.new_cdp_session(page)
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": a["x"] + a["width"] / 2, "y": y}]})
    for i in range(1, 9):
        x = a["x"] + a["width"] / 2 + (b["x"] - a["x"]) * i / 8
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 5")
    assert (page.input_value("input[name=since]"), page.input_value("input[name=until]")) == ("2021-08-02", "2021-10-03")

    # An event by tap on its row; the page is still one column with the article open.
    page.locator("#events tbody tr", has_text="Suicide bomb").tap()
    page.wait_for_selector("#article mark.ev")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert not errors, errors
    assert not outside, outside
    context.close()


def test_reset_fragment_and_history(server: str, browser: object) -> None:
    """Reset clears everything; a fragment opened in the tab and back/forward update the view."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    errors, _ = _watch(page, server)
    page.goto(server + "/")
    _idle(page)
    page.select_option("select[name=country]", "Afghanistan")
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 3")
    assert "country=Afghanistan" in page.url
    page.locator("#events tbody tr", has_text="Suicide bomb").click()
    page.wait_for_selector("#article mark.ev")
    assert "event=AFG-" in page.url

    page.go_back()  # the event closes, the country stays
    page.wait_for_function("() => !location.hash.includes('event=')")
    _idle(page)
    assert page.input_value("select[name=country]") == "Afghanistan"
    assert "active" in (page.locator("#tab-table").get_attribute("class") or "")
    page.go_back()  # the country goes
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 6")
    assert page.input_value("select[name=country]") == ""
    page.go_forward()
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 3")
    assert page.input_value("select[name=country]") == "Afghanistan"

    # A bookmarked fragment opened in this tab.
    page.evaluate("() => { location.hash = 'since=2021-09-01&until=2021-09-30&tab=claims'; }")
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 2")
    assert page.input_value("input[name=since]") == "2021-09-01"
    assert page.input_value("select[name=country]") == ""
    assert "active" in (page.locator("#tab-claims").get_attribute("class") or "")

    # Reset: no error (form.reset is not shadowed), every filter and the dates cleared.
    page.fill("input[name=actor]", "taliban")
    page.wait_for_function("() => location.hash.includes('actor=taliban')")
    page.click("#reset-filters")
    page.wait_for_function("() => !document.body.dataset.loading && document.querySelectorAll('#events tbody tr').length === 6")
    assert page.input_value("input[name=actor]") == page.input_value("input[name=since]") == ""
    page.wait_for_function("() => location.hash === ''")
    assert not errors, errors


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose one article has a javascript: URL, and an event whose place supports four fields."""
    from dateline.records import Article, Document

    text = ("Gunmen attacked a market in Herat on Monday. Two people were killed, a police spokesman said. "
            "\"The attackers fled,\" said Abdul Ahad, a police spokesman.")
    doc = Document(text=text, title="Market attack in Herat", url="javascript:alert(document.domain)",
                   source="Hostile Wire", published="2021-07-05", published_precision=1)
    coding = demo.Coding({"iso": "AFG", "country": "Afghanistan", "admin1": "Herat", "location": "Herat",
                          "latitude": 34.35, "longitude": 62.2, "geo_precision": 1, "event_date": "2021-07-05",
                          "time_precision": 1, "event_type": "Violence against civilians", "sub_event_type": "Attack",
                          "actor1": "Unidentified Armed Group (Afghanistan)", "fatalities": 2,
                          "notes": "Gunmen attacked a market in Herat on Monday."},
                         {"location": "Herat", "admin1": "Herat", "country": "Herat", "latitude": "Herat",
                          "event_type": "attacked", "event_date": "on Monday", "actor1": "Gunmen",
                          "notes": "Gunmen attacked a market in Herat on Monday."})
    claim = demo._claim(doc, 0, {"speaker": "Abdul Ahad", "quote": "The attackers fled", "stance": "asserted"},
                        {"quote": "The attackers fled", "speaker": "Abdul Ahad"})
    db = tmp_path_factory.mktemp("hostile") / "dateline.db"
    with connect(str(db)) as store:
        store.add(Article(document=doc, events=[demo._event(doc, 0, coding)], claims=[claim]))
    with _serving(str(db)) as url:
        yield url


def test_javascript_url_is_not_a_link(hostile: str, browser: object) -> None:
    """Stored XSS: an article's javascript: URL is shown as text; nothing runs when it is clicked."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    errors, outside = _watch(page, hostile)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile + "/")
    _idle(page)
    page.click('#tabs button[data-tab="claims"]')
    page.locator(".claim-card a.doc").first.click()
    page.wait_for_selector("#article mark.ev")
    url = page.locator("#tab-event .url")
    assert url.inner_text() == "javascript:alert(document.domain)"
    assert page.locator("#tab-event a[href^='javascript']").count() == 0
    protocols = page.locator("a[href]").evaluate_all("els => els.map(a => a.protocol)")
    assert set(protocols) <= {"http:", "https:"}, protocols
    url.click()
    page.wait_for_timeout(300)
    assert not dialogs and page.url.startswith(hostile)
    assert not errors, errors
    assert not outside, outside


def test_one_label_per_span_and_notes_underlined(hostile: str, browser: object) -> None:
    """A place name that supports four fields gets one label naming them all; the notes sentence is a light underline."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page.goto(hostile + "/")
    _idle(page)
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#article mark.ev")
    labels = page.locator("#article .label").all_inner_texts()
    herat = [label for label in labels if "location" in label]
    assert len(herat) == 1 and set(herat[0].split(" · ")) == {"location", "admin1", "country", "latitude"}
    assert len(labels) == 4  # Herat, attacked, on Monday, Gunmen: notes has no label of its own
    note = page.locator("#article mark.note")
    assert note.count() >= 1 and "a market in" in " ".join(note.all_inner_texts())
    assert page.locator('#article mark.ev[data-fields~="location"]').inner_text() == "Herat"
    assert "notes" in (page.locator('#article mark.ev[data-fields~="location"]').get_attribute("data-fields") or "")
    style = page.locator("#article mark.note").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert style in ("rgba(0, 0, 0, 0)", "transparent")


def test_docs_work_offline(server: str, browser: object) -> None:
    """/docs is Swagger UI from vendored files: it renders every route with no request off the server."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    errors, outside = _watch(page, server)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    assert {"/api/events", "/api/events.geojson", "/api/claims", "/api/articles"} <= {p.replace("\u200b", "") for p in paths}
    assert not outside, outside
    assert not errors, errors
