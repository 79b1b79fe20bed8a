"""What is an ACLED event at all: general news uses conflict words in other senses.

A trigger word is not enough in a general news stream: "withdrew from the race", "a
big deal", "arrested for the theft of a gold toilet", a photo caption ("Another part of
the march."), a campaign rally. These checks keep such sentences out; they run after
the trigger rules of :mod:`dateline.events.taxonomy` and before an event is built.
"""
from __future__ import annotations

import re

from dateline.records import Article, Span

#: Words that put a sentence in ACLED's world: armed actors, war, political violence.
_CONFLICT = re.compile(
    r"\b(?:soldiers?|troops|army|armed|forces|military|militar\w+|militants?|militias?|fighters|rebels?|"
    r"insurgen\w+|guerrillas?|gunmen|jihad\w*|terror\w*|extremis\w+|separatists?|war|wartime|conflict|"
    r"ceasefire|cease-fire|truce|peace|hostages?|captives?|prisoners?|detainees?|surrender\w*|occupation|"
    r"occupied|coup|junta|attacks?|bomb\w*|insurrection|uprising|territory|territories|frontline|front line)\b",
    re.IGNORECASE)
#: State agents whose abuse ACLED codes ("two police officers raped a tourist"); not
#: enough to make an arrest political, as police make every arrest.
_STATE_AGENTS = re.compile(r"\b(?:police\w*|officers?|guards?|gendarmes?|security (?:forces|agents|services))\b",
                           re.IGNORECASE)
#: ...and that make an arrest political: ACLED does not code arrests for ordinary crime.
_POLITICAL = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies)|activists?|opposition|dissidents?|journalists?|"
    r"bloggers?|critics?|politicians?|lawmakers?|candidates?|party (?:members?|leaders?|officials?)|"
    r"treason|sedition|subversion|espionage|spy(?:ing)?|blasphem\w+|plot\w*|coup|anti-government|"
    r"regime|crackdown|political\w*|unrest|riot\w*)\b", re.IGNORECASE)
_CAMPAIGN_RALLY = re.compile(
    r"\b(?:campaign|election|electoral|re-?election|reelection)\s+(?:\w+\s+)?rall(?:y|ies)\b|"
    r"\brall(?:y|ies)\s+(?:for|of)\s+(?:his|her|their)\s+(?:supporters|campaign)\b|"
    r"\b(?:held|hold|holding|holds)\s+(?:up to \w+\s+)?(?:a|his|her|their|\w+)?\s*(?:campaign\s+)?rall(?:y|ies)\b",
    re.IGNORECASE)
_PROTEST_VOTE = re.compile(r"\bprotest votes?\b", re.IGNORECASE)
#: sub-event types general news uses in other senses ("withdrew from the race", "a big
#: deal", "sexual harassment allegations"): they need a conflict word in the context
_NEEDS_CONFLICT = frozenset({"Non-violent transfer of territory", "Agreement", "Sexual violence",
                             "Change to group/activity", "Looting/property destruction"})


def out_of_scope(context: str, words: str, sub: str) -> bool:
    """Not an ACLED event, whatever the trigger word: a withdrawal, deal or abuse with no
    armed side or state agent in the sentence or the one before ('withdrew from the
    race', 'a big deal'), an arrest for ordinary crime, a candidate's campaign rally.
    ``context`` is the sentence and the one before it, ``words`` the sentence."""
    if sub in _NEEDS_CONFLICT and not (_CONFLICT.search(context) or _STATE_AGENTS.search(context)):
        return True
    if sub == "Arrests" and not (_POLITICAL.search(context) or _CONFLICT.search(context)):
        return True
    return sub == "Peaceful protest" and bool(_CAMPAIGN_RALLY.search(words) or _PROTEST_VOTE.search(words))


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
