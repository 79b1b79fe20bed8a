"""The reporting-cue lexicon: which words introduce speech, and with what stance.

The words are rules, ``rules/cues.jsonl`` (spaCy token patterns on lemmas, see
:mod:`dateline.rules`), so that they can grow or shrink without touching code:
reporting verbs (label = stance, ``attrs.needs`` = what they need to count), nouns that
name a claim, collective nouns for a group named earlier, and relay verbs. The verbs
are general English reporting verbs, not phrases lifted from any gold data.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from dateline import rules


@dataclass(frozen=True)
class Cue:
    """A reporting verb: its stance and what it needs to count as a cue.

    ``needs`` is ``any`` (a clause, a quote or a claim-like object), ``clause`` (a
    clause or a quote), ``object`` (as clause, but never the clause it is tacked onto)
    or ``quote`` (only a quote next to it: "continued").
    """

    lemma: str
    stance: str
    needs: str


PRONOUNS: dict[str, str] = {
    "he": "person", "she": "person", "him": "person", "her": "person",
    "they": "group", "them": "group", "it": "group", "we": "group",
}


def cues() -> dict[str, Cue]:
    """Lemma -> :class:`Cue` of the live ``claims.cues`` rules."""
    return _cues(rules.get("claims.cues"))


@lru_cache(maxsize=8)
def _cues(found: tuple[rules.Rule, ...]) -> dict[str, Cue]:
    return {lemma: Cue(lemma, rule.label, str(rule.attrs.get("needs", "any")))
            for rule in found for lemma in lemmas(rule)}


def lemmas(rule: rules.Rule) -> list[str]:
    """The lemmas a one-token rule names: ``[{"LEMMA": "say"}]`` or ``[{"LEMMA": {"IN": [...]}}]``."""
    if rule.is_regex or len(rule.pattern) != 1:
        return []
    value = rule.pattern[0].get("LEMMA")
    if isinstance(value, dict):
        value = value.get("IN", [])
    return [value.lower()] if isinstance(value, str) else [str(v).lower() for v in value or []]


class _Table(Mapping[str, str]):
    """Lemma -> label of a rule set, read live (so user rule files count)."""

    def __init__(self, stage: str) -> None:
        self.stage = stage

    def table(self) -> dict[str, str]:
        return _table(rules.get(self.stage))

    def __getitem__(self, key: str) -> str:
        return self.table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.table())

    def __len__(self) -> int:
        return len(self.table())


@lru_cache(maxsize=32)
def _table(found: tuple[rules.Rule, ...]) -> dict[str, str]:
    return {lemma: rule.label for rule in found for lemma in lemmas(rule)}


#: Nouns that name a claim: "claims by the militants that ...", "the Taliban's denial".
CLAIM_NOUNS: _Table = _Table("claims.claim_nouns")
#: Collective nouns a later mention uses for an armed or political group named earlier.
GROUP_NOUNS: _Table = _Table("claims.group_nouns")
#: Verbs that report a source through a third party: "X was cited/quoted as saying".
RELAY_VERBS: _Table = _Table("claims.relay_verbs")
