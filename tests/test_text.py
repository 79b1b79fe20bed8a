"""The text stage: header, credit line and glued sentences repaired, each repair recorded."""
from __future__ import annotations

from dateline.text import normalise_published, prepare
from tests.conftest import SAMPLE, needs_shared


@needs_shared(SAMPLE)
def test_sample_header_becomes_month_precision_date_and_credit_is_not_text() -> None:
    doc = prepare(SAMPLE.read_text(encoding="utf-8"))
    assert doc.published == "2021-08"
    assert doc.published_precision == 3
    assert "©" not in doc.text and "Rahmat Gul" not in doc.text
    assert doc.text.startswith("following the withdrawal")
    assert doc.repairs[0].kind == "header" and "2021-08" in doc.repairs[0].before


@needs_shared(SAMPLE)
def test_glued_sentences_are_split_and_recorded_in_raw_offsets() -> None:
    raw = SAMPLE.read_text(encoding="utf-8")
    doc = prepare(raw)
    for glued, split in (("Doha.As", "Doha. As"), ("saying.to", "saying. to"), ("group.after", "group. after"),
                         ("officials,The", "officials, The")):
        assert glued in raw and glued not in doc.text and split in doc.text
    splits = [r for r in doc.repairs if r.kind == "split-glued"]
    assert splits and all(r.before == "" and r.after == " " for r in splits)
    # a raw offset of each split sits right after the punctuation it separates
    assert all(raw[r.start - 1] in ".,!?;\"" for r in splits)


def test_domains_initials_and_numbers_are_not_split() -> None:
    doc = prepare("See bbc.com and wikinews.org for the U.S. figure of 1,000.It rose.")
    assert "bbc.com" in doc.text and "wikinews.org" in doc.text and "1,000" in doc.text


def test_evidence_offsets_point_into_repaired_text() -> None:
    doc = prepare("date 2021-08-03\n\nTalks in Doha.As fighting raged in Kabul.")
    start = doc.text.index("Kabul")
    assert doc.text[start:start + 5] == "Kabul" and doc.published_precision == 1


def test_same_content_same_id_so_reingest_is_a_no_op() -> None:
    assert prepare("A  text.\n", title="T").doc_id == prepare("A text.", title="T").doc_id
    assert prepare("A text.", title="T").doc_id != prepare("Another text.", title="T").doc_id


def test_published_precision() -> None:
    assert normalise_published("2021-08") == ("2021-08", 3)
    assert normalise_published("2021-08-03T10:00:00Z") == ("2021-08-03", 1)
    assert normalise_published("Tue, 03 Aug 2021 10:00:00 GMT") == ("2021-08-03", 1)
    assert normalise_published("") == ("", None)


def test_mojibake_is_repaired_and_recorded() -> None:
    doc = prepare("The ministerâ€™s office said.")
    assert "minister’s" in doc.text
    assert any(r.kind == "encoding" for r in doc.repairs)


def test_wire_datelines_give_the_filing_place_and_date() -> None:
    from dateline.text import wire

    text = ("Storm cuts power. GAZA CITY/ Gaza Strip, Jan. 5 (AFP) - Rain flooded tents.\n"
            "Mogadishu, 12 March - Traders reopened the market.\n"
            "The MP (Member of Parliament) spoke. Police: a man was held.")
    found = {text[slice(*d.place)]: d for d in wire.datelines(text)}
    assert text[slice(*found["GAZA CITY"].date)] == "Jan. 5" and found["GAZA CITY"].in_capitals
    assert text[slice(*found["Mogadishu"].date)] == "12 March" and not found["Mogadishu"].in_capitals
    assert "MP" not in found
    start = text.index("Jan. 5")
    assert wire.filed_date(text, start, start + 6) and wire.filed_place(text, text.index("GAZA"))
    assert not wire.filed_place(text, text.index("Rain"))
