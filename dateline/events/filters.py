"""Which typed triggers report a deed: figures of speech, props, mishaps, backdrops and
vague trend summaries are dropped before an event is built."""
from __future__ import annotations

import re

from dateline import rules
from dateline.events import scope, taxonomy
from dateline.records import Span

def sentence_triggers(text: str, sentence: Span, context_start: int | None = None,
                       has_verb: bool = True) -> list[taxonomy.Trigger]:
    """One trigger per sub-event type in a sentence: the first one. ``context_start``:
    where the text that sets the sentence's topic begins (the sentence before)."""
    if not has_verb:
        return []  # a caption ('Another part of the march.') reports nothing
    seen: dict[str, taxonomy.Trigger] = {}
    # ("shot" inside "shot down" is already part of the longer trigger: taxonomy.triggers)
    found = taxonomy.triggers(text, sentence.start, sentence.end)
    for trig in sorted(found, key=lambda t: t.start):
        if in_background_phrase(text, sentence, trig) or not_a_deed(text, trig, sentence):
            continue
        if scope.out_of_scope(text[sentence.start if context_start is None else context_start:sentence.end],
                              text[sentence.start:sentence.end], trig.sub_event):
            continue
        if _vague_territory(trig):
            continue
        if trig.sub_event in seen and _names_a_charge(text, seen[trig.sub_event]):
            seen[trig.sub_event] = trig  # 'charged with murder over a mass shooting': the deed, not the charge
        seen.setdefault(trig.sub_event, trig)
    return list(seen.values())


def _names_a_charge(text: str, trig: taxonomy.Trigger) -> bool:
    """'charged with one count of murder': the word names a charge (rule label ``crime_named``)."""
    before = text[max(0, trig.start - 60):trig.start]
    return any(rule.regex.search(before) for rule in rules.labels("events.incidents").get("crime_named", ()))


_FAKE = re.compile(r"\b(?:fake|hoax|replica|toy|mock|imitation|dummy|fictional|simulated)\s+(?:\w+\s+)?$", re.I)


_DOER_NOUN = re.compile(r"(?:attackers?|assailants?|fighters?|shooters?|raiders?)", re.I)


_METAPHOR = re.compile(r"\b(?:legal|court|courtroom|custody|political|electoral|election|uphill|budget|policy|ratings|hard|long|tough|constant|personal|lifelong|public relations)\s+(?:\w+\s+)?$", re.I)


_FIGHT_AGAINST_ILL = re.compile(r"\s+(?:against|with|over)\s+(?:the\s+)?(?:cancer|corruption|climate|poverty|disease|illness|covid\w*|coronavirus|virus|pandemic|crime|drugs|addiction|inflation|hunger|fire|fires|wildfires?|flames)\b", re.I)


_NOUN_SHOT = re.compile(r"\b(?:a|the|no|any|good|big|best|long|first|second|last|free|veiled|parting|cheap|final|fair|real)\s+$", re.I)


#: "attacked Trump for the tweet", "attacked the inquiry as Soviet-style", "attack Trump on his taxes"
_VERBAL_ATTACK = re.compile(
    r"(?:\s+[\w'’.\"-]+){1,5}?\s+(?:for|as\s+(?:a|an|being|\"|'|unfair|weak|soviet)|over\s+(?:his|her|their|its)|"
    r"on\s+(?:his|her|their|its)\s+(?:taxes|record|policies|policy|handling|comments|remarks|stance|plan|response))\b"
    r"|\s+(?:on|the)\s+(?:the\s+)?(?:media|press|mail-in voting|impeachment|inquiry|investigation|decision|policy|"
    r"bill|proposal|plan|report|ruling|idea|record|culture|duopoly)\b", re.I)


_ANIMALS = re.compile(
    r"(?:\s+(?:of|off))?(?:\s+(?:over|about|nearly|some|more than|at least|up to))?(?:\s+[\d,]+)?"
    r"\s+(?:\w+\s+)?(?:pigs?|hogs?|swine|chickens?|birds?|poultry|ducks?|geese|cattle|cows?|sheep|goats?|"
    r"animals?|dogs?|cats?|rats?|mosquitoes|fish|whales?|dolphins?|sharks?|wolves|bears?|lions?|elephants?|"
    r"deer|horses?|camels?|livestock|badgers?|mink|seals?)\b", re.I)


_SPACE = re.compile(r"\b(?:space\w*|NASA|SpaceX|satellites?|orbit\w*|astronauts?|Falcon|Soyuz|launch pad|fireworks?)\b", re.I)


_MISHAP = re.compile(r"\b(?:gas (?:leak|cylinder|explosion|pipeline)|boiler|factory|chemical plant|refinery|fireworks?|accident\w*|mine collapse|industrial|volcan\w*|meteor\w*)\b", re.I)


_SUICIDE_ATTACK = re.compile(r"[\s-]+(?:\w+[\s-]+)?(?:bomb\w*|attack\w*|vests?|blasts?|car|truck|belts?|explosi\w*|mission|squad|operation|raid|drone|jacket)\b", re.I)


def not_a_deed(text: str, trig: taxonomy.Trigger, sentence: Span | None = None) -> bool:
    """No event: a prop ('a fake suicide vest'), a person ('the attacker, identified as'),
    a figure of speech ('a long, hard fight', 'custody battle', 'a shot at the title', 'to deal
    with'), a study of suicide, a space rocket, a gas explosion."""
    word = trig.word.lower()
    before = text[max(0, trig.start - 30):trig.start]
    if _FAKE.search(before):
        return True
    if trig.event_type in {"Battles", "Violence against civilians"} and _DOER_NOUN.fullmatch(word):
        return True
    if word in {"fight", "fights", "fighting", "battle", "battles"} and (
            _METAPHOR.search(before) or _FIGHT_AGAINST_ILL.match(text, trig.end)
            or re.match(r"\s+for\s+(?!control\b|the (?:town|city|village|area|region|base|district|province|capital)\b)",
                        text[trig.end:trig.end + 40], re.I)):  # "fight for equal rights"
        return True
    if word == "shot" and _NOUN_SHOT.search(before):
        return True
    if word == "deal" and re.match(r"\s+with\b", text[trig.end:trig.end + 6]) and re.search(
            r"\b(?:to|can|could|will|would|must|should|cannot|how)\s+$", before, re.I):
        return True
    if word == "suicide" and not _SUICIDE_ATTACK.match(text, trig.end):
        return True
    after = text[trig.end:trig.end + 60]
    if word.startswith("attack") and _VERBAL_ATTACK.match(after):
        return True  # "Biden attacked Trump for the tweet": words, not blows
    if word.startswith(("kill", "slaughter", "massacre")) and _ANIMALS.match(after):
        return True  # "ordered the killing of 300,000 pigs": a cull
    if word in {"fight", "fights"} and re.search(r"\bthe\s+$", before, re.I) and after.lstrip().startswith("against"):
        return True  # "gains in the fight against ISIS": a campaign, not a battle
    if sentence is not None:
        sent = text[sentence.start:sentence.end]
        if trig.sub_event == "Shelling/artillery/missile attack" and _SPACE.search(sent):
            return True
        if trig.event_type == "Explosions/Remote violence" and word in {"explosion", "explosions", "exploded", "blast", "blasts", "explode", "explodes"} \
                and _MISHAP.search(sent) and not re.search(r"\b(?:bomb|IED|militant|attack|insurgent)", sent, re.I):
            return True
    return False


_VAGUE_GROUND = re.compile(r"\b(?:swath\w*|rural areas|large parts?|much of|vast (?:areas|parts|tracts)|territory)\b", re.I)


def _vague_territory(trig: taxonomy.Trigger) -> bool:
    """'seized wide swathes of rural areas': a trend summary, not an event with a place."""
    return trig.sub_event in taxonomy.TERRITORY and bool(_VAGUE_GROUND.search(trig.word))


_BACKGROUND_CUES = r"amid|following|follows|followed|comes after|came after|in retaliation for|in response to|despite|in the face of|(?:deadliest|worst|biggest|largest|bloodiest|first) (?:\w+ )?since|ahead of|in the wake of"


BACKGROUND_CUE = re.compile(rf"\b(?:{_BACKGROUND_CUES})\b", re.I)


_BACKGROUND = re.compile(rf"\b(?:{_BACKGROUND_CUES})\s+(?:[\w'’]+[\s-]+){{0,5}}$", re.I)


def in_background_phrase(text: str, sentence: Span, trig: taxonomy.Trigger) -> bool:
    """'amid the withdrawal of US forces', 'in the wake of the coup', 'the deadliest attack
    since the insurgents and Washington signed a deal': a backdrop, not news; the backdrop
    runs from its cue to the end of its clause."""
    if _BACKGROUND.search(text, max(sentence.start, trig.start - 90), trig.start):
        return True
    cues = list(BACKGROUND_CUE.finditer(text, max(sentence.start, trig.start - 120), trig.start))
    if not cues:
        return False
    between = text[cues[-1].end():trig.start]
    return not _CLAUSE_BREAK.search(between) and len(between.split()) <= BACKDROP_WORDS


#: how many words a backdrop clause may run from its cue to a trigger inside it
BACKDROP_WORDS = 10
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s[-\u2013]\s")
