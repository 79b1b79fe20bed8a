"""PLOVER 2.0 typing of a sentence: the main verb's cue decides among the 16 types.

A sentence usually reports one main action and mentions others in its clauses
("Hungary said it will support a resolution that aims to tighten sanctions"). We
take the *first* cue after the sentence's first actor, so the main clause wins over
subordinate ones; expressions of intent to cooperate are AGREE (PLOVER codes "will
give aid" as AGREE, the giving itself as AID), threats are THREATEN whatever they
threaten. ACLED's violent sub-event types map to ASSAULT, protests to PROTEST.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.events import actors as actors_mod

CUES: tuple[tuple[str, str], ...] = (
    ("THREATEN", r"threat\w*|warn\w*|ultimatum|vow\w* to|sworn to|swore to|unless|or else|will no longer tolerate"),
    ("REJECT", r"reject\w*|refus\w*|declin\w* to|turned down|dismiss\w*|veto\w*|opposed to|oppose\w*|denied|deny|will not (?:accept|allow|agree)|won't|blackout"),
    ("REQUEST", r"demand\w*|urg(?:e|ed|es|ing)|call(?:ed|s|ing)? (?:on|for|upon)|appeal\w*|ask(?:s|ed|ing)?\b|request\w*|insist\w*|press(?:ed|ing)? for|pushing (?:hard )?for|must\b|pressur\w*"),
    ("ACCUSE", r"accus\w*|condemn\w*|criticiz\w*|criticis\w*|denounc\w*|blam\w*|investigat\w*|probe\w*|disapprov\w*|protest(?:ed)? (?:against|to) the|charg\w* that|deplor\w*|slam\w*"),
    ("SANCTION", r"sanction\w*|embargo\w*|expel\w*|suspend\w*|halt\w*|cut off|cut ties|broke off|break off|sever\w*|recall\w* (?:its|the) ambassador|cancel\w*|ended (?:\w+ ){0,2}?(?:efforts|talks|aid|mediation)|prohibit\w*|freez\w*|boycott\w*|shipped out|pull\w* out (?:its|their)"),
    ("CONCEDE", r"eas(?:e|ed|es|ing)\b|lift\w*|conced\w*|accept\w* (?:the )?demands|accepted|allow\w*|shorten\w*|cancell?ed restrictions|releas\w*|pardon\w*|apologi\w*|yield\w*|approved|recogni[sz]\w*|relax\w*|steps to enhance|(?:decided|agreed) to allow"),
    ("AID", r"\baid\b|donat\w*|humanitarian (?:assistance|supplies)|provid\w* (?:\w+ ){0,3}?(?:aid|assistance|supplies|food|medicine|loans?)|deliver\w* (?:\w+ ){0,3}?(?:aid|supplies)|grant(?:ed)? (?:\w+ ){0,3}?(?:loan|credit)"),
    ("AGREE", r"agree\w*|sign(?:s|ed|ing)?\b|willing to|committed to|promis\w*|pledg\w*|offer\w*|ready to|will (?:support|give|provide|send|contribute|help)|intends? to|expressed (?:\w+ ){0,2}?(?:willingness|support|readiness)|accord\b|deal\b|treaty|pact\b"),
    ("SUPPORT", r"support\w*|prais\w*|endors\w*|welcom\w*|back(?:ed|ing|s)? (?:the|a|an|his|her|its)|hail\w*|congratulat\w*|applaud\w*|commend\w*|approv\w* of|defend\w*|solidarity"),
    ("CONSULT", r"met\b|meet\w*|talks\b|visit\w*|host\w*|consult\w*|discuss\w*|negotiat(?:e|ed|es|ing|ions?)\b|telephon\w*|phone\w*|summit|conferr?\w*|mediat\w*"),
    ("COOPERATE", r"cooperat\w*|co-operat\w*|collaborat\w*|joint (?:\w+ ){0,2}?(?:operation|patrol|exercise|venture|effort)|partnership|alliance|exchang\w* (?:\w+ ){0,2}?(?:intelligence|information)|establish\w* (?:diplomatic )?relations"),
    ("RETREAT", r"withdr\w*|retreat\w*|pull\w* (?:back|out)|evacuat\w*|demobili\w*|disarm\w*|dissolv\w*|disband\w*|surrender\w*|released? (?:\w+ ){0,2}?(?:hostages|prisoners)"),
    ("MOBILIZE", r"mobili[sz]\w*|deploy\w*|massed|mass\w* troops|put (?:\w+ ){0,3}?on (?:high )?alert|reinforc\w*|call\w* up|dispatch\w*|military exercises?|sent (?:\w+ ){0,3}?troops|troops (?:to|into)|buildup|build-up"),
    ("COERCE", r"arrest\w*|detain\w*|deport\w*|curfew|ban(?:s|ned|ning)?\b|confiscat\w*|seiz\w*|blockad\w*|restrict\w*|tortur\w*|crack\w* down|crackdown|raid\w*|expropriat\w*|censor\w*|jail\w*|imprison\w*|abduct\w*|kidnap\w*|hostage|state of emergency|martial law|closed (?:\w+ ){0,2}?(?:border|borders|crossing)"),
    ("PROTEST", r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?\b|strike\b|strikes\b|hunger strike|sit-in|boycott\w*|riot\w*|picket\w*"),
    ("ASSAULT", r"attack\w*|kill\w*|bomb\w*|shell\w*|assault\w*|clash\w*|fight\w*|fought|fire[ds]? (?:on|at)|opened fire|shot|shoot\w*|ambush\w*|massacr\w*|air ?strikes?|raid\w*|invad\w*|offensive|battl\w*|storm\w*|wound\w*|injur\w*|assassinat\w*|executed|beat\w*|mortar|rockets?|missiles?|explo\w*|grenade\w*|suicide|gunmen|hijack\w*|terror\w*"),
)
_COMPILED = tuple((kind, re.compile(r"(?<![\w-])(?:" + words + r")", re.I)) for kind, words in CUES)
_INTENT = re.compile(r"\b(?:will|would|plans? to|ready to|offered to|promised to|pledged to|decided to)\s+$", re.I)
_REPORT = re.compile(r"\b(?:said|says|say|announced|reported|told|stated|according to|confirmed)\b", re.I)
#: types that, said as an intention ("will support"), are AGREE in PLOVER
_CONDITION = re.compile(r"\bunless\b", re.I)
_INTENT_THREAT = frozenset({"COERCE", "SANCTION", "ASSAULT", "RETREAT"})
_INTENT_AGREE = frozenset({"SUPPORT", "AID", "COOPERATE", "CONCEDE", "CONSULT"})

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class Cue:
    kind: str
    start: int
    end: int


def cues(text: str) -> list[Cue]:
    """Every PLOVER cue in ``text``, in text order."""
    found = [Cue(kind, m.start(), m.end()) for kind, p in _COMPILED for m in p.finditer(text)]
    return sorted(found, key=lambda c: (c.start, _rank(c.kind)))


def _rank(kind: str) -> int:
    return [k for k, _ in CUES].index(kind)


def classify(text: str) -> Cue | None:
    """The sentence's main event type: the first cue after its first actor."""
    found = cues(text)
    if not found:
        return None
    actors = actors_mod.find(text, political=True)
    first_actor = actors[0].end if actors else 0
    main = [c for c in found if c.start >= first_actor] or found
    cue = main[0]
    if _CONDITION.search(text) or (cue.kind in _INTENT_THREAT and _INTENT.search(text, max(0, cue.start - 20), cue.start)):
        return Cue("THREATEN", cue.start, cue.end)  # "will withdraw unless...", "plans to impose restrictions"
    if cue.kind in _INTENT_AGREE and _INTENT.search(text, max(0, cue.start - 20), cue.start):
        return Cue("AGREE", cue.start, cue.end)
    return cue


def actors(text: str, cue: Cue | None) -> tuple[list[str], list[str]]:
    """(source, target) country codes: actors before the cue act on those after it.
    IGOs are 'IGO' as in PLOVER; actors with no country are left out."""
    found = [a for a in actors_mod.find(text, political=True) if a.inter != "Civilians" or a.iso]
    split = cue.start if cue else len(text)
    source = _codes([a for a in found if a.end <= split])
    target = _codes([a for a in found if a.start >= split])
    if not source or not target:  # fall back on countries named as places ("in Sudan")
        named = [a for a in actors_mod.find(text, political=True, places=True) if a.iso]
        if not source:
            source = _codes(named)[:1]
        if not target:
            target = [c for c in _codes([a for a in named if a.start >= split]) if c not in source][:1]
    return source[:2], target[:1]


def _codes(found: list[actors_mod.Actor]) -> list[str]:
    out: list[str] = []
    for a in found:
        code = a.iso or a.code
        if code and code not in out:
            out.append(code)
    return out


# --------------------------------------------------------------------------- modes

#: PLOVER modes: how an event of a type was carried out, from the words of its sentence.
#: Names as in the PLOVER gold standard; a type without entries here has no mode.
MODES: dict[str, tuple[tuple[str, str], ...]] = {
    "ASSAULT": (
        ("suicide-attack", r"suicide"),
        ("CBRN", r"chemical|sarin|chlorine|nerve (?:agent|gas)|mustard gas|poison(?:ous)? gas|biological weapons?|radiological"),
        ("drone", r"drones?|UAVs?|unmanned"),
        ("aerial", r"air ?strikes?|air raids?|warplanes?|jets?|bombers?|helicopters?|gunships?|aerial|bombing raids?"),
        ("heavy-weapons", r"shell\w*|artillery|mortars?|rockets?|missiles?|tanks?|howitzers?|barrage|heavy weapons"),
        ("explosives", r"bomb\w*|explosi\w*|IEDs?|landmines?|mines?|grenades?|blasts?|detonat\w*|car bomb"),
        ("sexual", r"rap(?:e|ed|es|ing)|sexual\w*|sexually"),
        ("torture", r"tortur\w*"),
        ("assassinate", r"assassinat\w*"),
        ("beat", r"beat(?:s|en|ing)?|clubbed|punch\w*|kick\w*|whipp\w*|flogg\w*|lynch\w*"),
        ("primitive", r"stab\w*|knives|knife|machetes?|hack\w*|axes?|stones?|stoned|spears?|arrows?|set (?:\w+ )?(?:ablaze|on fire|alight)|burn\w* (?:alive|down)|arson"),
        ("firearms", r"shot|shoot\w*|gunfire|gunmen|gunman|guns?|rifles?|opened fire|fired (?:on|at)|sniper\w*|bullets?|machine-?guns?"),
    ),
    "PROTEST": (
        ("hunger", r"hunger strik\w*"),
        ("strike", r"strikes?|striking|walk-?outs?|stoppages?"),
        ("riot", r"riot\w*|looted|looting|vandali\w*|threw (?:stones|rocks|petrol bombs|molotov)|torched|set fire|clash\w* with (?:police|security)"),
        ("obstruct", r"block\w*|barricad\w*|sit-ins?|occup\w*|blockad\w*|human chain|chained themselves"),
        ("demo", r"protest\w*|demonstrat\w*|march\w*|rall(?:y|ies|ied)|vigils?|gathered|took to the streets|picket\w*"),
    ),
    "COERCE": (
        ("martial-law", r"martial law|state of emergency"),
        ("curfew", r"curfews?"),
        ("censor", r"censor\w*|shut down (?:\w+ ){0,2}?(?:newspapers?|websites?|internet|broadcaster|station)|internet (?:shutdown|blackout)|blocked (?:\w+ ){0,2}?(?:websites?|social media)"),
        ("deport", r"deport\w*|expel\w*|expulsions?"),
        ("destroy", r"demolish\w*|demolition|bulldoz\w*|destroy\w*|razed|torched"),
        ("confiscate", r"confiscat\w*|seiz\w*|expropriat\w*|impound\w*"),
        ("ban", r"ban(?:s|ned|ning)?|prohibit\w*|outlaw\w*|proscrib\w*"),
        ("detain", r"arrest\w*|detain\w*|detention|custody|jail\w*|imprison\w*|abduct\w*|kidnap\w*|rounded up"),
    ),
    "MOBILIZE": (
        ("police", r"police|gendarm\w*|riot squads?"),
        ("weapons", r"weapons|missiles?|warships?|tanks|artillery|arms"),
        ("troops", r"troops|soldiers|forces|battalions?|brigades?|units|reservists|militia\w*|fighters"),
    ),
    "CONSULT": (
        ("phone", r"phon\w*|telephon\w*|call(?:ed)? (?:\w+ ){0,2}?(?:by phone|on the phone)|video ?conference|videocall"),
        ("multilateral", r"summit|conference|multilateral|forum|general assembly"),
        ("host", r"host\w*|received|welcomed"),
        ("visit", r"visit\w*|travel\w* to|arrived in|trip to|tour\w*"),
    ),
    "THREATEN": (
        ("curfew", r"curfews?"),
        ("relations", r"ties|relations|ambassadors?|diplomatic"),
        ("restrict", r"restrict\w*|ban\w*|sanction\w*|block\w*|close (?:\w+ ){0,2}?borders?"),
        ("violence", r"attack\w*|kill\w*|war|strike\w*|bomb\w*|force|violence|retaliat\w*|destroy\w*|invade"),
        ("political", r"resign\w*|election|vote|impeach\w*|no-confidence"),
    ),
}
_MODE_PATTERNS = {kind: tuple((mode, re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])", re.I)) for mode, words in modes)
                  for kind, modes in MODES.items()}


def mode(kind: str, text: str, start: int = 0, end: int | None = None,
         near: int | None = None) -> tuple[str, int, int] | None:
    """The PLOVER mode of an event of type ``kind`` told in ``text[start:end]``, with the
    span of the words that show it: the first mode in table order that the text names,
    the one nearest ``near`` (the trigger) when it names several of that mode."""
    end = len(text) if end is None else end
    near = start if near is None else near
    for name, pattern in _MODE_PATTERNS.get(kind, ()):
        found = [m for m in pattern.finditer(text, start, end)]
        if found:
            m = min(found, key=lambda m: abs(m.start() - near))
            return name, m.start(), m.end()
    return None
