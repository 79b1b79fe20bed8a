"""claims stage: quotes, reported speech, speakers, disputes, event links, PolNeAR eval.

Real spaCy parses of the shipped sample and of small wire-style texts; no mocks.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import dateline
from dateline.claims.quotes import find_quotes
from dateline.records import Article, Claim

from conftest import SHARED

pytestmark = pytest.mark.slow

SAMPLE = SHARED / "samples" / "lashkargah-2021-08.txt"
POLNEAR = SHARED / "eval" / "polnear" / "dev"


@pytest.fixture(scope="module")
def sample() -> Article:
    if not SAMPLE.exists():
        pytest.skip("shared sample not present")
    return dateline.extract(SAMPLE.read_text(encoding="utf-8"))


def _by_speaker(article: Article, speaker: str) -> list[Claim]:
    return [c for c in article.claims if c.speaker == speaker]


def _one(text: str) -> list[Claim]:
    return dateline.extract(text).claims


# --- the sample article ----------------------------------------------------------------


def test_aman_quote_with_full_name_and_role(sample: Article) -> None:
    """ "…," said Aman. links to "Fawad Aman, a spokesman for Afghanistan's Ministry of Defence"."""
    direct = [c for c in _by_speaker(sample, "Fawad Aman") if c.kind == "direct"]
    assert direct, [c.speaker for c in sample.claims]
    claim = direct[0]
    assert "fiercest Taliban terrorists" in claim.quote
    assert claim.speaker_role == "a spokesman for Afghanistan's Ministry of Defence"
    assert [s.text for s in claim.evidence["speaker"]] == ["Aman", "Fawad Aman"]
    assert claim.evidence["speaker_role"][0].text == claim.speaker_role
    assert claim.cue == "said"


def test_state_department_spokesperson_kept_anonymous(sample: Article) -> None:
    claims = _by_speaker(sample, "a State Department spokesperson")
    assert len(claims) == 1
    claim = claims[0]
    assert claim.kind == "direct"
    assert claim.quote.startswith("The decision to release prisoners")
    assert "necessary step in ending armed conflict" in claim.quote  # both quoted sentences
    assert claim.speaker_role == "State Department"
    assert "cited" in claim.cue and "saying" in claim.cue


def test_noori_reports_evacuated_civilians(sample: Article) -> None:
    claims = _by_speaker(sample, "Hamid Noori")
    assert len(claims) == 1
    assert claims[0].speaker_role == "Ministry spokesman"
    assert claims[0].quote == "dozens of civilians had been evacuated from the area"
    assert claims[0].kind == "reported"


def test_taliban_territory_claim_disputed_by_kabul(sample: Article) -> None:
    claim = next(c for c in sample.claims if "85 percent" in c.quote)
    assert claim.speaker == "Taliban" and claim.stance == "claim"
    assert "90 percent of its frontier" in claim.quote
    assert claim.quote.startswith("they were in control of up to 85 percent")
    assert [s.text for s in claim.evidence["speaker"]] == ["the militants", "Taliban"]
    assert len(claim.disputed_by) == 1
    assert claim.evidence["disputed_by"][0].text == "have been vehemently disputed"
    rejection = next(c for c in sample.claims if c.claim_id == claim.disputed_by[0])
    assert rejection.speaker == "the Kabul government"
    assert rejection.stance == "reject"
    assert rejection.quote == "baseless propaganda"
    assert rejection.evidence["quote"][0].text == '"baseless propaganda"'


def test_responsibility_claim_linked_to_kabul_attack(sample: Article) -> None:
    claim = next(c for c in sample.claims if c.stance == "claim-responsibility")
    assert claim.speaker == "Taliban"
    if not sample.events:
        pytest.skip("events stage produced no events")
    assert len(claim.event_ids) == 1
    event = next(e for e in sample.events if e.event_id_cnty == claim.event_ids[0])
    assert event.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
    trigger = (event.evidence.get("sub_event_type") or event.evidence["event_type"])[0]
    cue = claim.evidence["cue"][0].start
    assert trigger.start < cue and cue - trigger.start < 600  # the attack told just before the claim
    assert "Herat" not in sample.document.text[trigger.start:cue]  # not the siege of Herat before it
    assert claim.evidence["event_ids"][0] == trigger  # then the event's other mentions


def test_every_evidence_span_points_at_the_text(sample: Article) -> None:
    text = sample.document.text
    for claim in sample.claims:
        assert claim.evidence["quote"] and claim.evidence["cue"]
        for field, spans in claim.evidence.items():
            for span in spans:
                assert text[span.start:span.end] == span.text, (field, span)
        if claim.speaker:
            assert "speaker" in claim.evidence
        if claim.speaker_role:
            assert "speaker_role" in claim.evidence


def test_claim_ids_are_stable(sample: Article) -> None:
    again = dateline.extract(SAMPLE.read_text(encoding="utf-8"))
    assert [c.claim_id for c in again.claims] == [c.claim_id for c in sample.claims]
    assert len({c.claim_id for c in sample.claims}) == len(sample.claims)
    assert all(c.doc_id == sample.document.doc_id for c in sample.claims)


# --- rules on small texts ------------------------------------------------------------


def test_quote_split_by_cue_is_one_claim_of_two_spans() -> None:
    claims = _one('"We will not retreat," said Aman. "Our forces hold every district." '
                  "Fawad Aman, a spokesman for the Ministry of Defence, spoke in Kabul on Monday.")
    assert len(claims) == 1
    claim = claims[0]
    assert [s.text for s in claim.evidence["quote"]] == ['"We will not retreat,"', '"Our forces hold every district."']
    assert claim.speaker == "Fawad Aman"
    assert claim.speaker_role == "a spokesman for the Ministry of Defence"


def test_quote_marks_of_any_kind() -> None:
    text = "He said “it ‘works’ here” and ''this too,'' and «aussi» then \"a mixed one” end."
    assert [text[a:b] for a, b in find_quotes(text)] == [
        "“it ‘works’ here”", "''this too,''", "«aussi»", "\"a mixed one”"]
    runs_on = '"first paragraph runs on\nnext'
    assert [runs_on[a:b] for a, b in find_quotes(runs_on)] == ['"first paragraph runs on']


def test_pronoun_takes_the_nearest_person() -> None:
    claims = _one("Fawad Aman, a spokesman for the ministry, arrived in Kabul on Monday. "
                  "He said the city was calm.")
    assert len(claims) == 1
    assert claims[0].speaker == "Fawad Aman"
    assert claims[0].speaker_role == "a spokesman for the ministry"
    assert [s.text for s in claims[0].evidence["speaker"]][0] == "He"


def test_they_takes_the_nearest_group() -> None:
    claims = _one("Taliban fighters attacked the checkpoint at dawn. They said 12 soldiers were captured.")
    assert len(claims) == 1
    assert claims[0].speaker == "Taliban"
    assert [s.text for s in claims[0].evidence["speaker"]] == ["They", "Taliban"]


def test_anonymous_and_institutional_sources_are_not_invented() -> None:
    claims = _one("Witnesses said the market was hit twice. Afghan officials said the road was closed. "
                  "According to the United Nations, 300 civilians were killed.")
    assert [(c.speaker, c.cue) for c in claims] == [
        ("Witnesses", "said"), ("Afghan officials", "said"), ("United Nations", "According to")]
    assert claims[2].quote == "300 civilians were killed"


def test_deeds_and_no_comments_are_not_claims() -> None:
    claims = _one("Troops attacked the village at dawn. Police found three bodies near the river. "
                  "The ministry declined to comment. Officials confirmed the deaths of 12 civilians.")
    assert [(c.speaker, c.cue, c.quote) for c in claims] == [
        ("Officials", "confirmed", "the deaths of 12 civilians")]


def test_denial_of_an_earlier_claim_is_linked() -> None:
    claims = _one("The army claimed that 40 rebels were killed in the raid. The rebels denied the claim.")
    claim, denial = claims[0], claims[1]
    assert claim.stance == "claim" and denial.stance == "deny"
    assert claim.disputed_by == [denial.claim_id]
    assert denial.disputed_by == []


def test_cited_as_saying_names_the_original_source() -> None:
    claims = _one("The attack was planned for weeks, the newspaper cites Western officials as saying.")
    assert len(claims) == 1
    assert claims[0].speaker == "Western officials"
    assert claims[0].quote == "The attack was planned for weeks"


@pytest.mark.parametrize("text", ["", " ", '"', '"""', "“", "said said said.", "According to",
                                  "‘’‘’", "He said: \"", "claims by that", "\n\n\"a\n\"b"])
def test_odd_inputs_never_crash(text: str) -> None:
    for claim in _one(text):
        assert claim.claim_id and claim.evidence["quote"]


# --- evaluation ------------------------------------------------------------------------


def test_polnear_eval_on_a_small_slice() -> None:
    if not POLNEAR.exists():
        pytest.skip("PolNeAR dev split not present")
    from dateline.evaluate import quotes

    result = quotes.score(str(POLNEAR), limit=3)
    assert result["n"] == 3
    keys = ("source_f1", "cue_f1", "content_f1", "source_f1_exact", "cue_f1_exact",
            "content_f1_exact", "relation_f1")
    for key in keys:
        assert 0.0 <= result[key] <= 1.0
    assert result["source_f1"] > 0.4 and result["content_f1"] > 0.4
    table = quotes.render(result)
    assert "relation" in table and "source" in table


def test_brat_reader_joins_discontinuous_content() -> None:
    from dateline.evaluate.quotes import read_ann

    ann = ("T1\tSource 0 5\tAman\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;30 40\tx\n"
           "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    assert read_ann(ann) == [{"source": [(0, 5)], "cue": [(6, 10)], "content": [(11, 20), (30, 40)]}]


def test_claim_of_responsibility_tags_the_event_it_claims() -> None:
    """One mechanism: the claims stage links the claim to the event and writes the tag."""
    import dateline

    art = dateline.extract("Gunmen attacked a police checkpoint in Mosul on Monday, killing two officers. "
                           "The militant group, Islamic State, claimed responsibility for the attack.")
    attack = [e for e in art.events if e.disorder_type == "Political violence"]
    assert attack and attack[0].tags == "claimed by Islamic State"
    assert attack[0].assoc_actor_1 == "Islamic State"  # the doer was unnamed
    assert any("claimed" in span.text for span in attack[0].evidence["tags"])
    claim = [c for c in art.claims if c.stance == "claim-responsibility"]
    assert claim and attack[0].event_id_cnty in claim[0].event_ids
