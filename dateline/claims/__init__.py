"""claims stage: quotes and reported claims, their speakers and who disputes them.

Reads the spaCy parse the nlp stage attached and the events the events stage found;
adds :class:`~dateline.records.Claim` records, each field with its evidence spans:
``speaker`` (the source mention, then the fuller mention it was resolved to),
``speaker_role``, ``quote`` (one span per part of a split quote), ``cue``.
"""
from __future__ import annotations

import hashlib
from typing import Any

from dateline.claims import attribution, links
from dateline.claims.quotes import find_quotes
from dateline.claims.speakers import Resolver, Speaker
from dateline.records import Article, Claim, span_of

__all__ = ["extract", "attributions"]


def extract(article: Article) -> None:
    """Fill ``article.claims``; link claims of responsibility to ``article.events``."""
    doc = article.nlp
    if doc is None or not len(doc):
        return
    text = article.document.text
    atts = attributions(doc, text)
    doc_id = article.document.doc_id
    resolver = Resolver(doc, text)
    claims = [_claim(text, doc_id, att, resolver) for att in atts]
    links.disputes(doc, atts, claims)
    for att, claim in zip(atts, claims):
        _set_quote(text, att, claim)
    links.event_links(article.events, atts, claims, article.sentences)
    links.tag_events(article.events, claims, text)
    seen = {c.claim_id for c in article.claims}
    for claim in claims:  # the same content, speaker and cue found twice is one claim
        if claim.claim_id not in seen:
            seen.add(claim.claim_id)
            article.claims.append(claim)


def attributions(doc: Any, text: str | None = None) -> list[attribution.Attribution]:
    """The raw who-said-what relations of a parsed text (what the PolNeAR eval scores)."""
    text = doc.text if text is None else text
    return attribution.find(doc, find_quotes(text), text)


def claim_id(doc_id: str, content: list[tuple[int, int]], source: tuple[int, int] | None,
             cue: tuple[int, int]) -> str:
    """Stable across re-runs and unique by construction: the article, every span of the
    content, the speaker's span and the cue's. Two claims with one id are the same claim."""
    key = f"{doc_id}|{content}|{source}|{cue}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _claim(text: str, doc_id: str, att: attribution.Attribution, resolver: Resolver) -> Claim:
    """One Claim record from an attribution, its speaker resolved."""
    speaker = resolver.resolve(att.source_root, att.source) if att.source is not None else Speaker()
    claim = Claim(
        claim_id=claim_id(doc_id, [tuple(c) for c in att.content],
                          tuple(att.source) if att.source is not None else None, tuple(att.cue)),
        speaker=speaker.name, speaker_role=speaker.role, kind=att.kind,
        cue=att.cue_text, stance=att.stance, doc_id=doc_id,
        confidence=_confidence(att, speaker),
    )
    claim.evidence["cue"] = [span_of(text, *att.cue)]
    if speaker.name:
        claim.evidence["speaker"] = [span_of(text, a, b) for a, b in speaker.name_spans]
    if speaker.role:
        claim.evidence["speaker_role"] = [span_of(text, a, b) for a, b in speaker.role_spans]
    return claim


def _set_quote(text: str, att: attribution.Attribution, claim: Claim) -> None:
    """The quote text (outer quote marks dropped) and its spans; parts joined by " … "."""
    parts = [_drop_that(text, a, b) if att.kind == "reported" else (a, b) for a, b in att.content]
    claim.evidence["quote"] = [span_of(text, a, b) for a, b in parts]
    claim.quote = " … ".join(_unquote(text[a:b]) for a, b in parts)
    claim.evidence["stance"] = [span_of(text, *att.cue)]  # the cue word carries the stance
    claim.evidence["kind"] = list(claim.evidence["quote"])  # quoted or not: the content shows it


def _drop_that(text: str, a: int, b: int) -> tuple[int, int]:
    """``that they were in control …`` -> ``they were in control …`` (the complementiser
    is the reporter's, not the claim's)."""
    if text[a:a + 5].lower() == "that " and b - a > 12:
        return a + 5, b
    return a, b


def _unquote(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] in "\"“«‘„" and s[-1] in "\"”»’“":
        s = s[1:-1].strip()
    return s.rstrip(",").strip()


def _confidence(att: attribution.Attribution, speaker: Speaker) -> float:
    """Rough trust in the record: quoted and named beats reported and anonymous."""
    score = 0.9 if att.kind == "direct" else 0.75
    if not speaker.name:
        score -= 0.3
    elif not speaker.resolved:
        score -= 0.2
    elif len(speaker.name_spans) > 1 and not speaker.person:
        score -= 0.1
    return round(score, 2)
