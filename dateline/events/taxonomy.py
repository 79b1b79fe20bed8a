"""Event typing: ACLED's 25 sub-event types and PLOVER's 16, from trigger lexicons.

Each ACLED rule is a precompiled regex of trigger words with a weight. The weights
encode ACLED's hierarchy: the more specific or more serious type wins when two fire
on the same text (a suicide bombing is Explosions/Remote violence even when it kills
civilians; a grenade is a Grenade, not a Remote explosive; force used on protesters
is a Protest event, not an Attack). A few rules depend on context words in the
sentence (protest words, civilian victims, state actors) and are resolved in
:func:`classify`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: ACLED sub-event type -> (event type, disorder type)
ACLED: dict[str, tuple[str, str]] = {
    "Armed clash": ("Battles", "Political violence"),
    "Government regains territory": ("Battles", "Political violence"),
    "Non-state actor overtakes territory": ("Battles", "Political violence"),
    "Chemical weapon": ("Explosions/Remote violence", "Political violence"),
    "Air/drone strike": ("Explosions/Remote violence", "Political violence"),
    "Suicide bomb": ("Explosions/Remote violence", "Political violence"),
    "Shelling/artillery/missile attack": ("Explosions/Remote violence", "Political violence"),
    "Remote explosive/landmine/IED": ("Explosions/Remote violence", "Political violence"),
    "Grenade": ("Explosions/Remote violence", "Political violence"),
    "Sexual violence": ("Violence against civilians", "Political violence"),
    "Attack": ("Violence against civilians", "Political violence"),
    "Abduction/forced disappearance": ("Violence against civilians", "Political violence"),
    "Peaceful protest": ("Protests", "Demonstrations"),
    "Protest with intervention": ("Protests", "Demonstrations"),
    "Excessive force against protesters": ("Protests", "Political violence; Demonstrations"),
    "Violent demonstration": ("Riots", "Demonstrations"),
    "Mob violence": ("Riots", "Political violence"),
    "Agreement": ("Strategic developments", "Strategic developments"),
    "Arrests": ("Strategic developments", "Strategic developments"),
    "Change to group/activity": ("Strategic developments", "Strategic developments"),
    "Disrupted weapons use": ("Strategic developments", "Strategic developments"),
    "Headquarters or base established": ("Strategic developments", "Strategic developments"),
    "Looting/property destruction": ("Strategic developments", "Strategic developments"),
    "Non-violent transfer of territory": ("Strategic developments", "Strategic developments"),
    "Other": ("Strategic developments", "Strategic developments"),
}

#: PLOVER type for each ACLED sub-event type (the mode comes from the trigger).
PLOVER_OF: dict[str, str] = {
    **{s: "ASSAULT" for s, (e, _) in ACLED.items() if e in {"Battles", "Explosions/Remote violence", "Violence against civilians"}},
    "Peaceful protest": "PROTEST", "Protest with intervention": "PROTEST",
    "Excessive force against protesters": "COERCE", "Violent demonstration": "PROTEST",
    "Mob violence": "ASSAULT", "Agreement": "AGREE", "Arrests": "COERCE",
    "Change to group/activity": "MOBILIZE", "Disrupted weapons use": "COERCE",
    "Headquarters or base established": "MOBILIZE", "Looting/property destruction": "ASSAULT",
    "Non-violent transfer of territory": "RETREAT", "Other": "",
}

_P = r"(?:protest(?:s|ers?|ors?|ed|ing)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|(?-i:march(?:ed|es|ers|ing)?)\b|sit-ins?|took to the streets|crowds?|human chain|die-in|strik(?:e|es|ing) workers|gilets jaunes|riot(?:s|ers|ed|ing)?\b(?! police| gear| control| squad)|to disperse)"
PROTEST_CONTEXT = re.compile(r"\b" + _P, re.I)
CIVILIAN_VICTIMS = re.compile(
    r"\b(?:building|teahouse|hotel|restaurant|cafe|bus|hospital|office|shop|stock exchange|classrooms?|civilians?|villagers?|residents?|women|children|girls?|boys?|students?|worshippers?|passengers?"
    r"|farmers?|journalists?|teachers?|doctors?|aid workers?|workers?|family|families|shoppers|pedestrians"
    r"|people|man|woman|men|driver|vehicle|house|home|mosque|church|school|university|market|village)\b", re.I)
ARMED_VICTIMS = re.compile(
    r"\b(?:soldiers?|troops|police(?:men)?|officers?|security (?:forces?|personnel|force members)|checkpoints?|base"
    r"|convoy|patrol|positions?|army|forces|militants|fighters|rebels|insurgents|guards?|military post|outpost)\b", re.I)


@dataclass(frozen=True)
class Rule:
    sub_event: str
    weight: float
    pattern: re.Pattern[str]


def _rule(sub_event: str, weight: float, words: str) -> Rule:
    return Rule(sub_event, weight, re.compile(r"(?<![\w-])(?:" + words + r")(?!\w)", re.I))


RULES: tuple[Rule, ...] = (
    _rule("Chemical weapon", 10, r"chemical (?:weapons?|attacks?|agents?|munitions?)|chlorine|sarin|nerve (?:agents?|gas)|mustard gas"
          r"|poison(?:ous)? gas(?:es)?|toxic (?:gas(?:es)?|chemicals?)|Prohibition of Chemical Weapons|OPCW"),
    _rule("Disrupted weapons use", 9.8, r"defus(?:ed|ing|e)|bomb (?:squad|disposal)|(?:disarmed|dismantled|neutrali[sz]ed|shot down|thwarted)\b|intercepted (?:\w+ ){0,4}?(?:missiles?|rockets?|drones?|projectiles?|shipments?|weapons|arms|guns|firearms|rifles|ammunitions?|explosives)"
          r"|(?:seized|recovered|confiscated|discovered|found|unearthed|impounded|uncovered|captured|cleared|destroyed|identified)\s+(?:[\w,-]+\s+){0,8}?(?:weapons|arms|ammunitions?|explosives?|IEDs?|bombs?|mines|landmines|rifles|guns|firearms|pistols|grenades|rockets|cache|munitions|explosive devices)"
          r"|(?:weapons|arms|ammunitions?|explosives?|IEDs?|bombs?|mines|landmines|rifles|guns|firearms|pistols|grenades|rockets|munitions|explosive devices|caches|stash|projectiles|packages)\s+(?:[\w,-]+\s+){0,8}?(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?(?:found|discovered|seized|recovered|cleared|defused|identified|confiscated|destroyed|dismantled)"
          r"|stash of"
          r"|(?:arms|weapons|ammunition|explosives?) (?:cache|haul|depot|were (?:seized|recovered|found|discovered))|cache of"),
    _rule("Suicide bomb", 9.5, r"suicide|self-detonat|blew (?:himself|herself|themselves) up|kamikazes?|explosives?[- ]laden vest|explosive vests?|suicide vests?"),
    _rule("Sexual violence", 9, r"rap(?:e|ed|es|ing|ists?)\b|sexual(?:ly)? (?:assault(?:ed)?|abus(?:e|ed)|violence|harass\w*|exploit\w*)|molest\w*|gang-rap\w*|sexually"),
    _rule("Grenade", 8.5, r"(?<!propelled )(?<!stun )(?<!smoke )(?<!flash )(?<!gas )(?:hand[- ])?grenades?"),
    _rule("Air/drone strike", 8, r"air[- ]?strikes?|air[- ]?raids?|drone (?:strikes?|attacks?)|armed drones?|drones? (?:struck|hit|targeted|fired|attacked|bombed)"
          r"|warplanes?|war planes?|fighter[- ]jets?|fighter planes?|jets (?:bombed|struck|hit|pounded)|bombing raids?|aerial (?:bombardments?|bombings?|attacks?|strikes?|raids?)"
          r"|helicopter gunships?|(?:jets|air force) (?:\w+ ){0,2}?(?:bombed|struck|hit|fired|destroyed|pounded|attacked|targeted|raided)|(?:helicopters?|aircraft|planes?) (?:bombed|struck|fired|attacked|strafed)|air missiles?|air force (?:bombed|struck|hit|attacked)|bombers? (?:struck|hit|bombed)|barrel bombs?"),
    _rule("Shelling/artillery/missile attack", 7.5, r"rocket-propelled grenades?|shell(?:ing|ed|s)?\b|artillery|mortars?|rockets?|missiles?|tank (?:fire|attacks?|shells?)|howitzers?|bombard\w*|katyusha|projectiles? (?:fired|launched|struck|hit|landed)|fired (?:\w+ ){0,2}?projectiles?|ballistic missiles?"),
    _rule("Remote explosive/landmine/IED", 7, r"(?:car|roadside|truck|parcel|sticky|magnetic|motorcycle|time|pipe|nail) bombs?|IEDs?|VBIED|improvised explosive|land ?mines?|mines?\b(?= (?:blast|explosion|exploded|went off))"
          r"|explosive devices?|bombs?\b|blasts?|explosions?|detonat\w*|went off|blew up|booby[- ]trap\w*|explod\w*|bombings?|bombed"),
    _rule("Excessive force against protesters", 8.8, r"(?:shot|opened fire|fired live|live (?:ammunition|rounds|bullets|fire)|gunfire|killed|killing|beat(?:en|ing)?|brutal\w*|died|dead)"),
    _rule("Protest with intervention", 7.2, r"tear ?gas|water cannons?|rubber bullets|pepper[- ]spray\w*|dispers\w*|batons?|baton[- ]charg\w*|broke up|break up|cracked down|crackdown|suppress\w*|kettl\w*|stun grenades?|smoke grenades?|clash(?:ed|es)? with (?:the )?police|blocked them"),
    _rule("Violent demonstration", 7.3, r"violent\b|turned violent|rioters|rioting|clash\w*|barricades?|rioted|street violence|shut down roads|pull(?:ed)? down|stormed|torch\w*|set fire|set ablaze|(?:hurl|pelt|threw|throw|throwing)\w* (?:stones|rocks|bricks|bottles|petrol bombs|molotov\w*|projectiles|objects|eggs)|(?:stones|rocks|bricks|bottles|projectiles|objects) (?:were )?(?:thrown|hurled)|scuffl\w*|stone[- ]pelt\w*"
          r"|petrol bombs?|molotov\w*|vandali\w*|smash\w*|riot(?:s|ing|ers)?\b(?! police| gear| control| squad)|burn(?:ed|t|ing)? (?:tyres|tires|cars|vehicles)|rampag\w*|damag\w*|debris"),
    _rule("Mob violence", 7.1, r"\bmobs?\b|lynch\w*|vigilante\w*|angry (?:crowd|residents|villagers)|enraged|clashed using|communal (?:clash|violence)|(?:with|using) (?:\w+ ){0,2}?(?:sticks|machetes|iron rods|clubs)|mob justice|beaten to death by"),
    _rule("Peaceful protest", 5, _P + r"|picket\w*|hunger strike|went on strike|general strike|chant(?:ed|ing)|vigil|placards"),
    _rule("Abduction/forced disappearance", 6.5, r"abduct\w*|kidnap\w*|forced(?:ly)? disappear\w*|enforced disappearance|taken hostage|held hostage|hostages?|whisked away|went missing"),
    _rule("Arrests", 6, r"arrest\w*(?! warrants?)|detain\w*|detention|taken into custody|in custody|apprehend\w*|nabbed|rounded up|remanded|(?:recognised|recognized|stopped|caught|held) (?:\w+ ){0,4}?(?:at|through) a checkpoint|jailed|charged with|intercepted (?:\w+ ){0,3}?(?:suspects?|members|people|men|migrants)|house arrest"),
    _rule("Government regains territory", 8.2, r"regain\w*|recaptur\w*|retak(?:e|en|ing)|retook|(?-i:liberat(?:ed|ing|e))|wrested control|established control|(?:taken|took|taking|gained) (?:the )?control|controlling the entire|gained ground|recover\w* control|(?:were|was|been) pushed back|pushed (?:\S+ ){0,4}?out of|drove (?:\S+ ){0,4}?out of|(?<!the )occupied\b(?! (?:city|territor|west|east|area|region|land))|captur\w* (?:\S+ ){0,5}?(?:camps?|bases?|towns?|villages?|hills?|posts?|positions?)\b|took back|taken back|won back|win back|back under (?:government|state|army) control|clear(?:ed)? (?:\w+ ){0,3}?of (?:militants|insurgents|rebels|fighters)|freed (?:\w+ ){0,4}?(?:areas|villages|towns|districts|city|territory) from"),
    _rule("Non-state actor overtakes territory", 8.1, r"(?:seiz\w*|captur\w*|overr[au]n\w*|took (?:full )?control|taken control|take control|took over|fell to|fallen to|gained control|in control of|control of)\s+(?:\w+\s+){0,6}?"
          r"(?:town|village|city|cities|district|districts|areas?|territory|base|region|province|capital|crossing|border|port|airport|oil|swathes|hills?|positions)"
          r"|fell to (?:the )?(?:militants|rebels|insurgents|taliban)|under (?:their|rebel|militant|insurgent) control|taken over (?:\w+ ){0,3}?(?:localities|villages|towns|areas)"),
    _rule("Non-violent transfer of territory", 8.3, r"(?:not|without) encounter\w* (?:any )?resistance|without (?:any )?resistance|without a fight|handed (?:over )?(?:authority|control)|peacefully (?:handed|transferred)"),
    _rule("Non-violent transfer of territory", 6.4, r"(?:not|without) encounter\w* (?:any )?resistance|handed (?:over )?authority|withdr(?:ew|awn|aw|awal|awing)|pull(?:ed)? out|pulled back|handed over|hand over|handover|without (?:resistance|a fight)|(?:began|begin) leaving|evacuat\w* (?:fighters|rebels)|crossed into (?:\w+ ){0,3}?territory"),
    _rule("Headquarters or base established", 6.6, r"(?:set up|establish\w*|build|built|opened|set-up) (?:\w+ ){0,4}?(?:post|base|headquarters|outpost|camp|position|checkpoint|barracks|point)s?\b|points? (?:was|were) (?:set up|established)|observation posts?|new (?:military )?base"),
    _rule("Change to group/activity", 5.8, r"defect\w*|deploy(?:ed|s|ing|ment)? (?:\w+ ){0,3}?(?:troops|forces|soldiers|units|fighters|battalions?)|(?:troops|forces|soldiers|units|fighters) (?:\w+ ){0,2}?(?:were |have been |was |had been )?deployed|dispatched (?:\w+ ){0,3}?(?:troops|forces|soldiers|fighters|units|police)|reinforced|reinforcements|merged (?:\w+ ){0,3}?(?:groups|factions|forces|militias|brigades)|disband\w*|mobili[sz]\w*|recruit\w*|redeploy\w*|relocated (?:\w+ ){0,2}?(?:troops|forces|fighters|headquarters)|pull back|moved (?:\w+ ){0,2}?(?:troops|forces|fighters)"
          r"|new (?:leader|commander)|splinter|split from|joined forces|pledged allegiance|allegiance|launch(?:ed)? (?:a |an )?(?:military )?(?:operation|campaign)|military exercises?|drills?|formed|sent (?:\w+ ){0,3}?(?:troops|soldiers|forces)"),
    _rule("Agreement", 6.9, r"surrender\w*|in exchange for|(?:started|began|opened|launched|resumed) peace talks|peace talks (?:started|began|opened|resumed)|agree(?:d|s|ment)?\b|deal\b|cease-?fire|truce|accords?\b|peace (?:pact|treaty|plan)|treaty|signed|sign\b|(?:exchange|swap) of (?:prisoners|captives|bodies)|prisoner (?:swap|exchange)s?|reconcil\w*|memorandum|negotiated (?:a|an|the)|pact\b"),
    _rule("Looting/property destruction", 5.5, r"loot\w*|ransack\w*|plunder\w*|set (?:ablaze|alight|on fire)|torched|burn(?:ed|t) down|razed|arson\w*|demolish\w*|destroy\w* (?:\w+ ){0,3}?(?:homes|houses|property|properties|shops|buildings|crops|stores|vehicles|offices)|attacks on properties|vandalis\w*"),
    _rule("Armed clash", 5, r"shoot-?outs?|clash\w*|fight(?:ing|s)?\b|fought|gun ?battles?|firefights?|exchange(?:d)? (?:of )?fire|ambush\w*|offensive|assault\w*|onslaught|counter-?attack\w*|counter-?offensive|siege|besieg\w*|battles?\b|battled|battling|skirmish\w*|encounter\b|in combat|combat operations|engaged in (?:\w+ ){0,2}?(?:fighting|clashes|battles?)|stormed|raid(?:ed)?\b|attack\w*|killed|killing|kills|shot|gunned down|opened fire|fired (?:on|at|upon)|gunmen|massacre\w*|executed|beheaded|murder\w*|stabbed|hacked"),
)

#: rules that only count with protest words in the same text
NEEDS_PROTEST = frozenset({"Excessive force against protesters", "Protest with intervention", "Violent demonstration"})
#: weapon types that make violence remote: their presence removes the generic Armed clash/Attack
REMOTE = frozenset(s for s, (e, _) in ACLED.items() if e == "Explosions/Remote violence")


@dataclass(frozen=True)
class Trigger:
    """One typed trigger found in a text: the type, where, and how sure."""

    sub_event: str
    start: int
    end: int
    weight: float
    word: str = ""

    @property
    def event_type(self) -> str:
        return ACLED[self.sub_event][0]

    @property
    def disorder_type(self) -> str:
        return ACLED[self.sub_event][1]


def triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """All typed triggers in ``text[start:end]`` after ACLED's hierarchy is applied."""
    end = len(text) if end is None else end
    window = text[start:end]
    protest = bool(PROTEST_CONTEXT.search(window))
    found: list[Trigger] = []
    for rule in RULES:
        if rule.sub_event in NEEDS_PROTEST and not protest:
            continue
        for m in rule.pattern.finditer(window):
            found.append(Trigger(rule.sub_event, start + m.start(), start + m.end(), rule.weight, m.group(0)))
    return _hierarchy(found, window, protest)


def _hierarchy(found: list[Trigger], window: str, protest: bool) -> list[Trigger]:
    """Apply ACLED's precedence between types that fire on the same text."""
    kinds = {t.sub_event for t in found}
    drop: set[str] = set()
    if kinds & REMOTE:  # the explosion is the event; killing words describe it, a battle word does not
        found = [t for t in found if not (t.sub_event == "Armed clash" and _ONE_SIDED.fullmatch(t.word))]
    if "Suicide bomb" in kinds:
        drop |= {"Remote explosive/landmine/IED"}
    if "Disrupted weapons use" in kinds and kinds & REMOTE and (
            "Air/drone strike" in kinds or (_CASUALTIES.search(window) and not _DISRUPTED_DONE.search(window))):
        kinds.discard("Disrupted weapons use")  # the bomb went off (or was bombed from the air)
        drop.add("Disrupted weapons use")
    if "Disrupted weapons use" in kinds:
        drop |= REMOTE - {"Chemical weapon", "Air/drone strike"}
    if "Chemical weapon" in kinds:
        drop |= REMOTE - {"Chemical weapon"}
    if kinds & (REMOTE - {"Air/drone strike"}):
        drop.add("Excessive force against protesters")  # a grenade or bomb is the event
    if protest:
        drop |= {"Armed clash"}  # scuffles at a rally are not battles
        if "Arrests" in kinds and _AT_PROTEST.search(window):  # arrests at a protest: an intervention
            found = [Trigger("Protest with intervention", t.start, t.end, 7.2, t.word) if t.sub_event == "Arrests" else t
                     for t in found]
        if "Violent demonstration" in kinds:  # petrol bombs and projectiles thrown by rioters
            drop |= {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"}
        if "Protest with intervention" in kinds and _CASUALTIES.search(window) and _SECURITY.search(window):
            found = [Trigger("Excessive force against protesters", t.start, t.end, 8.8, t.word)
                     if t.sub_event == "Protest with intervention" else t for t in found]
        if kinds & {"Violent demonstration", "Mob violence"}:
            drop |= {"Protest with intervention"} if "Excessive force against protesters" not in kinds else set()
    if "Abduction/forced disappearance" in kinds or "Sexual violence" in kinds:
        drop |= {"Armed clash", "Arrests"}
    if kinds & {"Government regains territory", "Non-state actor overtakes territory"}:
        drop |= {"Armed clash", "Agreement"}
    if "Excessive force against protesters" in kinds and not _SECURITY.search(window):
        drop.add("Excessive force against protesters")
    if _ILLNESS.search(window):  # "the virus has killed 1,000": no one attacked anyone
        found = [t for t in found if not (t.sub_event == "Armed clash" and _ONE_SIDED.fullmatch(t.word))]
    live = {t.sub_event for t in found} - drop
    if live & {"Violent demonstration", "Protest with intervention", "Excessive force against protesters", "Mob violence"}:
        drop.add("Peaceful protest")  # the same crowd, coded by what happened to it
    kept = [_territory(t, window) for t in found if t.sub_event not in drop]
    one_sided = [t for t in kept if t.sub_event == "Armed clash" and _ONE_SIDED.fullmatch(t.word)]
    if one_sided and _on_civilians(window, window[_window_offset(window, one_sided[0]):]):
        kept = [Trigger("Attack", t.start, t.end, t.weight - 0.2, t.word) if t in one_sided else t for t in kept]
    return kept


_ONE_SIDED = re.compile(r"killed|killing|kills|shot|gunned down|opened fire|fired|gunmen|massacre\w*|executed|beheaded|murder\w*|stabbed|hacked|stormed|attack\w*|raid\w*", re.I)


#: no armed side named at all: a killing is one-sided violence, not a battle
ARMED_ANYWHERE = re.compile(r"\b(?:soldiers?|troops|police\w*|officers?|security|army|forces|militants?|fighters|rebels?|insurgents?|gunmen|militia\w*|guards?|armed|jihadists?|terrorists?)\b", re.I)
_ILLNESS = re.compile(
    r"\b(?:virus\w*|covid\w*|coronavirus|SARS\S*|disease|outbreak|pandemic|epidemic|influenza|flu|cancer|"
    r"cholera|ebola|measles|malaria|heat ?wave|earthquake|flood\w*|storm|hurricane|cyclone|typhoon|tornado|"
    r"tsunami|landslides?|mudslides?|avalanche|lightning|drown\w*|wildfires?|bushfires?|crash|accident|"
    r"collapse[sd]?|derail\w*|collided|collision|struck by a (?:train|car|truck|bus|vehicle))\b"
    r"|\b(?:a|the)\s+(?:\w+\s+)?(?:fire|blaze)\b"  # a noun: 'a fire killed', not 'opened fire'
    r"|\bby\s+(?:his|her|their|a|an|the)\s+(?:own\s+)?(?:lions?|tigers?|bears?|sharks?|dogs?|elephants?|crocodiles?|snakes?)\b",
    re.I)
_DISRUPTED_DONE = re.compile(r"\b(?:defused|dismantled|seized|recovered|found|discovered|intercepted|cleared)\b", re.I)
_AT_PROTEST = re.compile(r"\b(?:during|while|at)\s+(?:\w+\s+){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|marches|march|sit-ins?)\b", re.I)
_SPEAKERS = re.compile(r"\b(?:police|army|military|security) (?:\w+ )?(?:said|says|say|told|confirmed|reported|sources?|officials?|spokes\w+)\b", re.I)
_CASUALTIES = re.compile(r"\b(?:killed|wounded|injured|dead|died)\b", re.I)
_SECURITY = re.compile(r"\b(?:police\w*|security (?:forces|service|personnel)|troops|soldiers|officers?|army|forces|gendarme\w*|riot police|guards?|military)\b", re.I)
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _territory(trigger: Trigger, window: str) -> Trigger:
    """Who takes the ground decides the type: state forces regain, others overtake."""
    if trigger.sub_event not in _TERRITORY:
        return trigger
    from dateline.events import actors

    offset = _window_offset(window, trigger)
    doers = [a for a in actors.find(window, 0, offset) if not a.generic or a.inter != "Civilians"]
    if not doers:
        return trigger
    state = doers[0].inter == "State forces" or doers[-1].inter == "State forces"
    sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    return Trigger(sub, trigger.start, trigger.end, trigger.weight, trigger.word)


def _window_offset(window: str, trigger: Trigger) -> int:
    idx = window.find(trigger.word)
    return idx if idx >= 0 else len(window)


def _on_civilians(window: str, rest: str) -> bool:
    """One-sided violence is an Attack when civilians are named and no armed men are hit."""
    stop = _FIRST_SENTENCE.search(rest)
    rest = _SPEAKERS.sub(" ", rest[: stop.end()] if stop else rest)  # its own sentence; "police said" is a source
    if ARMED_VICTIMS.search(rest):
        return False
    return bool(CIVILIAN_VICTIMS.search(window)) or not ARMED_ANYWHERE.search(window)


def best(text: str) -> Trigger | None:
    """The single most specific event a snippet reports (for snippet-level gold)."""
    found = triggers(text)
    if not found:
        return None
    first = _FIRST_SENTENCE.search(text)
    lead = first.end() if first else len(text)
    # a snippet's lead sentence states its event; later ones add background
    return max(found, key=lambda t: (t.weight + (LEAD_BONUS if t.start < lead else 0.0), -t.start))


LEAD_BONUS = 2.0
_FIRST_SENTENCE = re.compile(r"[.!?](?=\s+[A-Z\"])")
