"""Property-based fuzzing of the readers (Hypothesis, bounded): whatever the bytes, JSON or
CSV shapes, a reader yields articles or ``path[:line]: message`` errors and never raises."""
from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import Incoming, IngestError, read_bytes
from dateline.jobs import IngestReport, prepare

NAMES = ("a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.rss", "noext")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "body", "title", "date", "url", "source", "x"]) | st.text(max_size=8),
        inner, max_size=5),
    max_leaves=12,
)


def _check(name: str, data: bytes) -> None:
    items = list(read_bytes(name, data))
    assert items, "every file says something: articles, or why there are none"
    for item in items:
        assert isinstance(item, (Incoming, IngestError))
        assert item.origin.startswith(name)
        if isinstance(item, IngestError):
            assert str(item).startswith(f"{item.origin}: ") and item.message
    report = IngestReport()
    for document in prepare(items, report):  # the text stage takes whatever a reader lets through
        assert document.text.strip() and document.doc_id
        document.text.encode("utf-8")


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=400))
def test_any_bytes(name: str, data: bytes) -> None:
    _check(name, data)


@FUZZ
@given(records=st.lists(json_values, max_size=5), separator=st.sampled_from(["\n", "\r\n", "\u2028", "\n\n"]),
       as_array=st.booleans())
def test_any_json_shape(records: list, separator: str, as_array: bool) -> None:
    body = json.dumps(records) if as_array else separator.join(json.dumps(r) for r in records)
    _check("f.jsonl", body.encode("utf-8", "surrogatepass"))


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=20), min_size=0, max_size=4), max_size=5),
       header=st.lists(st.sampled_from(["title", "text", "body", "date", "url", "zzz", ""]), max_size=4))
def test_any_csv_shape(rows: list, header: list) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    _check("f.csv", buffer.getvalue().encode("utf-8", "surrogatepass"))
