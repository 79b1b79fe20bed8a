"""Every reader on real-shaped input, and every kind of bad input reported by file and line."""
from __future__ import annotations

import json
from pathlib import Path

from dateline.ingest import Incoming, IngestError, read_bytes, read_path
from tests.conftest import SAMPLE, WIKINEWS, needs_shared

ARTICLE = "Gunmen attacked a police post in Kano on Monday, killing two officers, police said."


def _articles(items: list) -> list[Incoming]:
    return [i for i in items if isinstance(i, Incoming)]


def _errors(items: list) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError) and not i.warning]


@needs_shared(SAMPLE)
def test_plain_text_with_header() -> None:
    [item] = list(read_path(SAMPLE))
    assert isinstance(item, Incoming) and item.text.lstrip().startswith("date 2021-08")


def test_html_page_metadata_and_text() -> None:
    html = f"""<!doctype html><html><head><meta charset="utf-8"><title>Attack in Kano</title>
    <meta property="og:url" content="https://news.example/kano"><meta name="date" content="2024-03-11">
    </head><body><nav>Home | World</nav><article><h1>Attack in Kano</h1><p>{ARTICLE}</p>
    <p>{ARTICLE.replace('two', 'three')}</p></article><footer>Copyright</footer></body></html>"""
    [item] = list(read_bytes("page.html", html.encode()))
    assert isinstance(item, Incoming)
    assert "police post in Kano" in item.text and "Home | World" not in item.text
    assert item.title == "Attack in Kano" and item.published.startswith("2024-03-11")


def test_html_in_windows_1252_honours_declared_charset() -> None:
    html = f'<html><head><meta charset="windows-1252"></head><body><article><p>{ARTICLE} Caf\xe9 owners fled.</p><p>{ARTICLE}</p></article></body></html>'
    [item] = list(read_bytes("page.htm", html.encode("cp1252")))
    assert isinstance(item, Incoming) and "Café" in item.text


def test_jsonl_field_aliases_and_bad_lines_reported_by_line() -> None:
    lines = [
        json.dumps({"title": "A", "body": ARTICLE, "link": "https://x/a", "publishedAt": "2024-03-11"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"headline": "B", "content": ARTICLE, "source": {"id": "x", "name": "Example News"}}),
        "[1, 2]",
    ]
    items = list(read_bytes("feed.jsonl", "\n".join(lines).encode()))
    arts, errs = _articles(items), _errors(items)
    assert [a.title for a in arts] == ["A", "B"]
    assert arts[0].url == "https://x/a" and arts[0].published == "2024-03-11"
    assert arts[1].source == "Example News"
    assert [e.origin for e in errs] == ["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:5"]
    assert "not valid JSON" in errs[0].message and "no text field" in errs[1].message


def test_json_array_of_articles() -> None:
    data = json.dumps([{"text": ARTICLE}, {"text": ARTICLE + " More."}]).encode()
    assert len(_articles(list(read_bytes("export.json", data)))) == 2


def test_csv_reader_unknown_columns_and_missing_text_column(tmp_path: Path) -> None:
    good = tmp_path / "a.csv"
    good.write_text('url,date,title,text,sentiment\nhttps://x,2024-03-11,T,"' + ARTICLE + '",0.2\n')
    items = list(read_path(good))
    assert _articles(items)[0].published == "2024-03-11"
    warnings = [i for i in items if isinstance(i, IngestError) and i.warning]
    assert warnings and "sentiment" in warnings[0].message and warnings[0].origin.endswith("a.csv:1")
    bad = tmp_path / "b.csv"
    bad.write_text("url,headline\nhttps://x,T\n")
    [err] = list(read_path(bad))
    assert isinstance(err, IngestError) and "no text column" in err.message


@needs_shared(WIKINEWS)
def test_wikinews_csv_reads_every_article() -> None:
    items = list(read_path(WIKINEWS))
    assert not _errors(items)
    assert len(_articles(items)) == 295


def test_feed_entries_become_articles() -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
    <item><title>Kano attack</title><link>https://x/1</link><pubDate>Mon, 11 Mar 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;{ARTICLE}&lt;/p&gt;</description></item></channel></rss>"""
    [item] = list(read_bytes("wire.rss", rss.encode()))
    assert isinstance(item, Incoming) and item.text == ARTICLE and item.source == "Example Wire"
    assert item.origin == "wire.rss:entry 1"


def test_bad_files_are_reported_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "latin1.txt").write_bytes("line one\nCaf\xe9 bombing".encode("latin-1"))
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "broken.rss").write_text("<rss><channel><item>")
    items = list(read_path(tmp_path))
    errors = {Path(e.origin.split(":")[0]).name: e for e in _errors(items)}
    assert "empty file" in errors["empty.txt"].message and "empty file" in errors["blank.txt"].message
    assert "binary" in errors["image.txt"].message
    assert "UTF-8" in errors["latin1.txt"].message and errors["latin1.txt"].origin.endswith(":2")
    assert "broken.rss" in errors
    assert [a.text for a in _articles(items)] == [ARTICLE]


def test_huge_article_is_cut_before_the_pipeline_and_the_cut_recorded() -> None:
    from dateline.text import guards, prepare

    [article] = list(read_bytes("huge.txt", b"word " * 300_000))
    doc = prepare(article.text)
    assert len(doc.text) <= guards.MAX_TEXT_CHARS
    cut = doc.repairs[-1]
    assert cut.kind == "truncated" and cut.end == 1_500_000 and len(cut.before) < 100
