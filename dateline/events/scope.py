"""What is an ACLED event at all: general news uses conflict words in other senses.

A trigger word is not enough in a general news stream: "withdrew from the race", "a
big deal", "arrested for the theft of a gold toilet", a photo caption ("Another part of
the march."), a campaign rally. These checks keep such sentences out; they run after
the trigger rules of :mod:`dateline.events.taxonomy` and before an event is built. Their
word lists are rules, ``rules/scope.jsonl``.
"""
from __future__ import annotations

from dateline import rules
from dateline.events import actors as actors_mod
from dateline.events import taxonomy
from dateline.records import Article, Span

STAGE = "events.scope"
#: Words that put a sentence in ACLED's world: armed actors, war, political violence.
_CONFLICT = rules.Live(STAGE, "conflict")
#: State agents whose abuse ACLED codes ("two police officers raped a tourist"); not
#: enough to make an arrest political, as police make every arrest.
_STATE_AGENTS = rules.Live(STAGE, "state_agents")
#: ...and that make an arrest political: ACLED does not code arrests for ordinary crime.
_POLITICAL = rules.Live(STAGE, "political")
_CAMPAIGN_RALLY = rules.Live(STAGE, "campaign_rally")
#: a disaster answered: no change of a group's activity (``rules/scope.jsonl``, label ``relief``)
_RELIEF = rules.Live(STAGE, "relief")
_PROTEST_VOTE = rules.Live(STAGE, "protest_vote")
#: sub-event types general news uses in other senses ("withdrew from the race", "a big
#: deal", "sexual harassment allegations", "regained her title", "took control of the
#: council"): they need a conflict word or a state agent in the context
_NEEDS_CONFLICT = frozenset({"Non-violent transfer of territory", "Agreement", "Sexual violence",
                             "Government regains territory", "Non-state actor overtakes territory",
                             "Change to group/activity", "Looting/property destruction"})


def out_of_scope(context: str, words: str, sub: str) -> bool:
    """Not an ACLED event, whatever the trigger word: a withdrawal, deal or abuse with no
    armed side or state agent in the sentence or the one before ('withdrew from the
    race', 'a big deal'), an arrest for ordinary crime, a candidate's campaign rally, troops
    sent against a disaster.
    ``context`` is the sentence and the one before it, ``words`` the sentence."""
    if sub in _NEEDS_CONFLICT and not (_CONFLICT.search(context) or _STATE_AGENTS.search(context)
                                       or (sub in _TERRITORY and actors_mod.armed_groups(context))):
        return True
    if sub == "Arrests" and not (_POLITICAL.search(context) or _CONFLICT.search(context)):
        return True
    if sub == "Change to group/activity" and _RELIEF.search(words):
        return True  # 'deployed soldiers and boats to help evacuate residents
    return sub == "Peaceful protest" and bool(_CAMPAIGN_RALLY.search(words) or _PROTEST_VOTE.search(words))


#: 'The Taliban captured the district': an armed group of the actor dictionary taking ground
#: puts the sentence in ACLED's world as a word of war does
_TERRITORY = taxonomy.TERRITORY | {"Non-violent transfer of territory"}


def can_report(article: Article, sentence: Span) -> bool:
    """Whether the sentence can report something: it has a finite verb, or is too long to
    be a caption ('More protestors.', 'Protestors wearing EU flags.'); scraped fragments
    such as 'In the city of Herat, effectively under siege from Taliban militants, on
    Tuesday.' still count."""
    doc = article.nlp
    if doc is None:
        return True
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span is None or len(span) >= CAPTION_TOKENS or any(t.tag_ in FINITE_VERB_TAGS for t in span)


#: a sentence shorter than this without a finite verb is a caption
CAPTION_TOKENS = 12
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
