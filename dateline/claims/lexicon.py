"""The reporting-cue lexicon, loaded once: which words introduce speech, and with what stance.

Kept as a TSV under ``data/`` so that it can grow without touching code; the verbs are
general English reporting verbs, not phrases lifted from any gold data.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Cue:
    """A reporting verb: its stance and what it needs to count as a cue.

    ``needs`` is ``any`` (a clause, a quote or a claim-like object), ``clause`` (a
    clause or a quote) or ``quote`` (only a quote next to it: "called", "described").
    """

    lemma: str
    stance: str
    needs: str


#: Nouns that name a claim: "claims by the militants that ...", "the Taliban's denial".
CLAIM_NOUNS: dict[str, str] = {
    "claim": "claim", "assertion": "assert", "allegation": "claim", "statement": "assert",
    "denial": "deny", "insistence": "assert", "warning": "warn", "accusation": "accuse",
    "charge": "accuse", "report": "assert", "announcement": "assert", "suggestion": "assert",
    "contention": "assert", "argument": "assert", "threat": "threaten", "promise": "promise",
    "pledge": "promise", "rejection": "reject", "admission": "concede", "belief": "assert",
}

#: Collective nouns a later mention uses for an armed or political group named earlier.
GROUP_NOUNS: frozenset[str] = frozenset({
    "militant", "insurgent", "rebel", "group", "movement", "organisation", "organization",
    "jihadist", "fighter", "islamist", "separatist", "guerrilla", "militia",
})

#: Verbs that report a source through a third party: "X was cited/quoted as saying".
RELAY_VERBS: frozenset[str] = frozenset({"cite", "quote", "report"})

PRONOUNS: dict[str, str] = {
    "he": "person", "she": "person", "him": "person", "her": "person",
    "they": "group", "them": "group", "it": "group", "we": "group",
}


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Lemma -> :class:`Cue`, read from ``data/cues.tsv`` on first use."""
    table: dict[str, Cue] = {}
    raw = resources.files("dateline.claims").joinpath("data/cues.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, stance, needs = line.split("\t")[:3]
        table[lemma] = Cue(lemma, stance, needs)
    return table
