"""Who did what to whom: actors found in the sentence, definite mentions resolved to the
armed group named before ("the militants"), then actor1/actor2 by the words around the trigger."""
from __future__ import annotations

import re
from typing import Any

from dateline import rules
from dateline.events import actors as actors_mod
from dateline.events import taxonomy
from dateline.records import Event, Span, span_of

_BY = re.compile(r"\b(?:by|of|from|attributed to|blamed on)\s+(?:\w+[\s-]+){0,3}$", re.I)
#: 'fired mortars at a base used by African Union troops': the 'by' of another participle
#: describes the target; only the trigger's own 'by' ('was attacked by X') names the doer.
#: 'positions held by X' right after the trigger says whose the target was
_DESCRIBED_BY = re.compile(r"\S\s+\w+(?:ed|en|wn|un|eld)\s+by\s+(?:\w+[\s-]+){0,3}$|"
                           r"^\s+(?:held|controlled|manned|occupied|guarded|used|run|owned)\s+by\s+(?:\w+[\s-]+){0,3}$", re.I)


_AGAINST = re.compile(r"\b(?:against|on|at|towards?|targeting|targeted|upon|with|into)\s+(?:\w+[\s-]+){0,4}$", re.I)


def fill_actors(event: Event, text: str, sentence: Span, trig: taxonomy.Trigger,
                 lex: actors_mod.Lexicon, doc: Any = None) -> None:
    found = corefer(text, actors_mod.find(text, sentence.start, sentence.end, default_iso=event.iso, lexicon=lex),
                     sentence, lex)
    claimers = [a for a in found if tells_own_deed(text, a.end, trig.start)]
    found = [a for a in found if not no_side(text, a) or a in claimers]
    if trig.event_type == "Violence against civilians":  # "before police shot him dead": they stopped it
        stoppers = [m.span() for m in taxonomy.context("responders").finditer(text, sentence.start, sentence.end)]
        found = [a for a in found if not any(s <= a.start < e for s, e in stoppers)]
    actor1, actor2 = roles(text, found, trig)
    if trig.sub_event != "Agreement":  # an agreement's parties are both subjects; keep their order
        actor1, actor2 = syntactic(doc, found, trig, actor1, actor2)
    # 'Russian attacks', 'US airstrikes': the deed's own doer named in or right before it
    in_deed = any(a.start < trig.end and a.end > trig.start - 2 for a in found if a not in claimers)
    if claimers and actor1 is not claimers[0] and not in_deed:  # 'the army said it had killed 20 militants'
        if actor2 is None or actor2 is claimers[0]:
            actor2 = actor1 if actor1 is not None and actor1.name != claimers[0].name else None
        actor1 = claimers[0]
    if actor1 is not None and actor1.inter in _CROWDS and trig.event_type not in {"Protests", "Riots"}:
        # a crowd does not fire missiles or fight battles: near an airstrike it is the target
        actor1, actor2 = None, actor2 or actor1
    for slot, actor in (("1", actor1), ("2", actor2)):
        if actor is None:
            continue
        inter = actor.inter
        if inter == "State forces" and event.iso and actor.iso and actor.iso != event.iso:
            inter = "External/Other forces"  # a state's forces acting abroad
        name = actor.name
        if actor.generic and name in actors_mod.GENERIC_NAMES and event.country:
            name = f"{name} ({event.country})"
        span = span_of(text, actor.start, actor.end)
        setattr(event, f"actor{slot}", name)
        setattr(event, f"inter{slot}", inter)
        event.evidence[f"actor{slot}"] = [span]
        event.evidence[f"inter{slot}"] = [span]
    event.interaction = actors_mod.interaction(event.inter1, event.inter2)
    if event.interaction:
        event.evidence["interaction"] = event.evidence["inter1"] + event.evidence.get("inter2", [])
    if event.event_type == "Violence against civilians" or event.inter2 == "Civilians":
        event.civilian_targeting = "Civilian targeting"
        event.evidence["civilian_targeting"] = event.evidence.get("inter2") or event.evidence["event_type"]


_CROWDS = frozenset({"Protesters", "Rioters"})


def tells_own_deed(text: str, speaker_end: int, deed_start: int) -> bool:
    """'Hezbollah said ... that it had fired rockets': the speaker (ending at ``speaker_end``)
    names itself as the doer of the deed it tells (see :func:`own_deed_subject`); the deed
    follows in the same clause, within eight words."""
    if speaker_end > deed_start or deed_start - speaker_end > 200:
        return False
    end = own_deed_subject(text, speaker_end, deed_start)
    if end is None:
        return False
    between = text[end:deed_start]
    return len(between.split()) <= 8 and not _CLAUSE_BREAK.search(between)


def own_deed_subject(text: str, speaker_end: int, limit: int) -> int | None:
    """Where the subject ends by which a speaker names itself as a deed's doer ('said in a
    statement that it', 'said its fighters': rule label ``self_claim``), read from the
    speaker up to ``limit``; None when the speaker tells another's deed."""
    for rule in rules.labels("events.incidents").get("self_claim", ()):
        for cut in _SUBJECT_END.finditer(text, speaker_end, min(limit, speaker_end + 200)):
            if rule.regex.match(text[speaker_end:cut.end()]):
                return cut.end()
    return None


#: where the subject of a told deed may end: after a word ('it', 'its jets')
_SUBJECT_END = re.compile(r"\b\w+\b")
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:but|while|after|before|when)\b")


def no_side(text: str, actor: actors_mod.Actor) -> bool:
    """'anti-government protests', 'according to the Iraqi military', 'residents said': the actor
    named is what a crowd is for or against, or who reports the event; no side of it (rule
    labels ``no_side`` and ``source_after``)."""
    window = text[max(0, actor.start - 60):actor.start]
    labels = rules.labels("events.incidents")
    after = text[actor.end:actor.end + 30]
    return any(rule.regex.search(window) for rule in labels.get("no_side", ())) or \
        any(rule.regex.match(after) for rule in labels.get("source_after", ()))


_DEFINITE = re.compile(r"\b(?:the|these|those)\s+(?:\w+\s+){0,2}$", re.I)


ARMED = actors_mod.ARMED


def corefer(text: str, found: list[actors_mod.Actor], sentence: Span,
             lex: actors_mod.Lexicon) -> list[actors_mod.Actor]:
    """'the group', 'the militants': the armed group named last in the sentences before."""
    out: list[actors_mod.Actor] = []
    for actor in found:
        definite = text[actor.start:actor.end].lower().startswith("the ") or \
            _DEFINITE.search(text, max(0, actor.start - 30), actor.start)
        vague = re.search(r"unidentified|unknown|suspected", text[max(0, actor.start - 15):actor.end], re.I)
        if text[actor.start:actor.end].lower().startswith("coalition "):  # 'coalition warplanes': the coalition named before
            actor = _coalition_named_before(text, actor, lex)
        elif actor.generic and actor.inter in ARMED and definite and not vague:
            prior = [a for a in actors_mod.find(text, max(0, sentence.start - 600), actor.start, lexicon=lex)
                     if not a.generic and a.inter in ARMED]
            if prior:
                actor = actors_mod.Actor(prior[-1].name, prior[-1].inter, prior[-1].iso, actor.start, actor.end)
        out.append(actor)
    return out


def _coalition_named_before(text: str, actor: actors_mod.Actor, lex: actors_mod.Lexicon) -> actors_mod.Actor:
    """A bare 'coalition' is the last 'X-led coalition' the article named: its leader's forces."""
    led = [a for a in actors_mod.find(text, 0, actor.start, lexicon=lex)
           if text[a.start:a.end].lower().endswith("-led coalition")]
    if not led:
        return actor
    return actors_mod.Actor(led[-1].name, led[-1].inter, led[-1].iso, actor.start, actor.end)


def roles(text: str, found: list[actors_mod.Actor], trig: taxonomy.Trigger
           ) -> tuple[actors_mod.Actor | None, actors_mod.Actor | None]:
    """actor1 does, actor2 undergoes: 'by X' marks the doer, 'against/on X' the target;
    otherwise the nearest actor before the trigger acts on the nearest after it."""
    if not found:
        return None, None
    actor1 = actor2 = None
    after = [a for a in found if a.start >= trig.end]
    # not across a semicolon: 'troops are here to defeat ISIS; we will not be deterred by these attacks'
    before = [a for a in found if a.end <= trig.start and ";" not in text[a.end:trig.start]]
    overlap = [a for a in found if a.start < trig.end and a.end > trig.start]
    doers: list[actors_mod.Actor] = []
    if overlap:  # "US airstrikes": the nation in the trigger phrase is the doer
        actor1 = overlap[0]
    for a in after:
        gap = text[trig.end:a.start]
        if a is actor1:
            continue
        if _BY.search(gap) and len(gap) < 40 and not _DESCRIBED_BY.search(gap):
            if actor1 is None:
                actor1 = a
            doers.append(a)
        elif actor2 is None and _AGAINST.search(gap) and len(gap) < 60:
            actor2 = a
    pair = _between(text, trig, after)
    if pair is not None and actor1 is None:  # "fighting between Congolese troops and M23 rebels"
        return pair
    if trig.sub_event == "Agreement":  # parties, in the order named
        parties: list[actors_mod.Actor] = []
        for a in found:
            if a.inter != "Civilians" and all(a.name != p.name for p in parties):
                parties.append(a)
        return (parties + [None, None])[0], (parties + [None, None])[1]
    targeted = actor2 is not None or (actor2 is None and any(
        _VICTIM.search(text, max(trig.start, a.start - 40), a.start) for a in after))
    battle = trig.event_type == "Battles"
    if actor1 is None:
        cands = [a for a in reversed(before) if a is not actor2]
        named = [a for a in cands if not a.generic and a.inter != "Civilians"]
        actor1 = (named or cands or [None])[0]
    if actor2 is None:
        rest = [a for a in after + list(reversed(before)) if a is not actor1 and a not in doers
                and (actor1 is None or a.name != actor1.name)
                and not (battle and a.inter == "Civilians") and not _same_side(actor1, a)]
        actor2 = rest[0] if rest else None
    if actor1 is None and actor2 is not None and actor2.inter != "Civilians" and not targeted:
        actor1, actor2 = actor2, None
    if actor1 is not None and actor1.inter == "Civilians" and actor2 is not None:
        actor1, actor2 = actor2, actor1
    return actor1, actor2


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_AND = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?", re.I)


def _between(text: str, trig: taxonomy.Trigger, after: list[actors_mod.Actor]
             ) -> tuple[actors_mod.Actor, actors_mod.Actor] | None:
    """'clashes between X and Y' (within a few words of the trigger): X and Y are the sides."""
    if len(after) < 2:
        return None
    first, second = after[0], after[1]
    if first.start - trig.end > 40 or not _BETWEEN.search(text, trig.end, first.start):
        return None
    return (first, second) if _AND.fullmatch(text, first.end, second.start) else None


#: "..., killing four police officers": who comes after a casualty verb is the victim
_VICTIM = re.compile(r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|target(?:ed|ing)|hitting|striking|"
                     r"murder(?:ed|ing)|slain|assassinat(?:ed|ing)|martyred|abduct(?:ed|ing)|kidnapp(?:ed|ing))\s+"
                     r"(?:[\w,-]+\s+){0,3}$", re.I)


def _same_side(actor1: actors_mod.Actor | None, other: actors_mod.Actor) -> bool:
    """'The militants detonated a car bomb before dozens of gunmen stormed it': unnamed
    gunmen next to a named armed group's attack are its own fighters, not its target."""
    return (actor1 is not None and actor1.inter in ARMED and not actor1.generic
            and other.generic and other.inter in ARMED)


#: dependency labels that mark the doer of a verb (active subject) and the one it is done to
_DOER = frozenset({"nsubj"})
_DONE_TO = frozenset({"dobj", "nsubjpass"})
#: verbs that only say an attack happened: their subject is the attack's doer ("launched an
#: attack"); not "repelled", "condemned" or "fended off" an attack
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "wage", "begin", "start", "lead",
                          "commit", "perpetrate", "unleash", "execute", "make", "open", "step", "intensify"})
#: prepositions whose object is the target: "an attack on the base", "fired at police"
_TARGET_PREP = frozenset({"against", "on", "upon", "at", "towards", "toward"})
#: nouns of an operation whose owner ('a US operation', 'an Israeli airstrike') did the deed
_OPERATIONS = frozenset({"operation", "raid", "strike", "airstrike", "attack", "ambush", "offensive",
                         "bombing", "shelling", "assault", "crackdown"})


def syntactic(doc: Any, found: list[actors_mod.Actor], trig: taxonomy.Trigger,
              actor1: actors_mod.Actor | None, actor2: actors_mod.Actor | None
              ) -> tuple[actors_mod.Actor | None, actors_mod.Actor | None]:
    """actor1/actor2 from the trigger's dependency roles where the parse names an actor: the
    active subject or the passive agent ("by X") does, the object, the passive subject or
    "against/on X" undergoes. Proximity (:func:`roles`) stays where the parse is silent, so
    "Police arrested ten protesters" and "Ten protesters were arrested by police" agree."""
    if doc is None or not found:
        return actor1, actor2
    span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
    if span is None or not len(span):
        return actor1, actor2
    head = span.root
    doers, targets = _parse_roles(head)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _LIGHT_VERBS and not doers:
        # "militants launched an attack on the base": the light verb's subject is the doer
        more, _ = _parse_roles(head.head)
        doers = more
    struck = _vehicle_that_struck(head)
    if struck and trig.event_type == "Explosions/Remote violence":
        doers, targets = [], struck  # 'a military truck hit a landmine': the truck's men were hit
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB" and not targets:
        # "a roadside bomb killed four soldiers": the weapon is the subject, its verb's object the target
        targets = _parse_roles(head.head)[1]
    if _actor_at(doers, found) is None and _actor_at(targets, found) is None:
        targets = targets + _sufferers_of_main_clause(head)
    p1 = _actor_at(doers, found)
    p2 = _actor_at(targets, found)
    if p1 is None and p2 is None:
        return actor1, actor2
    if p1 is not None and p2 is not None and p1.name == p2.name:
        return actor1, actor2  # the parse confuses the two: keep proximity
    if p1 is not None:
        if actor2 is not None and actor2.name == p1.name:
            actor2 = actor1 if p2 is None else actor2
        actor1 = p1
        if p2 is None and actor2 is not None and trig.event_type != "Battles" and _among_doers(actor2, doers, found):
            actor2 = None  # 'soldiers and state police detained four men': both did it ('X and Y clashed': two sides)
    if p2 is not None:
        if actor1 is not None and actor1.name == p2.name:
            # 'militants were killed in a clash with troops': the side near it did the deed
            actor1 = actor2 if actor2 is not None and actor2.name != p2.name else None
        actor2 = p2
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    return actor1, actor2


#: verbs whose subject runs into a device: 'the truck hit a mine', 'a patrol stepped on an IED'
_RAN_INTO = frozenset({"hit", "strike", "run", "drive", "step", "roll"})


def _vehicle_that_struck(head: Any) -> list[Any]:
    """The subject that hit, struck, ran over or stepped on the device ``head`` names."""
    while head.dep_ in {"amod", "compound"} and head.head is not head:  # 'an improvised explosive device'
        head = head.head
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"over", "on", "onto", "into"}:
        verb = verb.head
    elif head.dep_ != "dobj":
        return []
    if verb.lemma_.lower() not in _RAN_INTO:
        return []
    return [t for c in verb.children if c.dep_ == "nsubj" for t in _with_conjuncts(c)]


def _among_doers(actor: actors_mod.Actor, doers: list[Any], found: list[actors_mod.Actor]) -> bool:
    """Whether ``actor`` heads one of the doer phrases (a conjunct of the subject)."""
    return any((a := _actor_at([t], found)) is not None and a.name == actor.name for t in doers)


def _parse_roles(head: Any) -> tuple[list[Any], list[Any]]:
    """The tokens heading the doer and the target phrases of one predicate."""
    doers: list[Any] = []
    targets: list[Any] = []
    verbal = head.pos_ in {"VERB", "AUX"}
    for child in head.children:
        dep = child.dep_
        if verbal and dep in _DOER:
            doers.append(child)
        elif verbal and dep in _DONE_TO:
            targets.append(child)
        elif dep in {"poss", "compound", "amod", "nmod"} and not verbal:
            doers.append(child)  # "the army's offensive", "the Taliban onslaught"
        elif dep == "agent" or (dep == "prep" and child.lower_ == "by"):
            doers.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "prep" and child.lower_ in _TARGET_PREP:
            targets.extend(c for c in child.children if c.dep_ == "pobj")
        elif verbal and dep == "prep" and child.lower_ in {"in", "during", "by"}:
            # "killed in a US counter-terrorism operation", "in an Israeli airstrike": whose it was
            doers.extend(m for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in _OPERATIONS
                         for m in c.children if m.dep_ in {"compound", "amod", "nmod", "poss"})
    if verbal and head.dep_ in {"advcl", "xcomp", "conj"} and not doers:
        doers.extend(c for c in head.head.children if c.dep_ in _DOER)  # "..., killing 11" shares the subject
    if verbal and not doers and any(c.dep_ == "nsubjpass" for c in head.children):
        doers.extend(_doer_of_when_clause(head))
    return [t for d in doers for t in _with_conjuncts(d)], [t for d in targets for t in _with_conjuncts(d)]


#: the conjunctions of a clause that tells how a passive deed came about
_HOW_MARKS = frozenset({"when", "as", "after"})


def _doer_of_when_clause(head: Any) -> list[Any]:
    """'Four policemen were killed when rebels attacked their post': a passive deed with no
    'by' has the subject of its 'when/as/after' clause as its doer."""
    verbs = [head] + [c for c in head.children if c.dep_ == "conj"]  # '... killed and two wounded when'
    return [c for verb in verbs for clause in verb.children if _how_clause(clause) and clause.pos_ == "VERB"
            for c in clause.children if c.dep_ in _DOER]


def _how_clause(token: Any) -> bool:
    """Whether ``token`` heads a 'when/as/after' clause of the verb above it."""
    return token.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_ in _HOW_MARKS
                                         for m in token.children)


def _sufferers_of_main_clause(head: Any) -> list[Any]:
    """'Four soldiers were killed when a roadside bomb struck their truck', 'two guards died
    after their jeep hit a mine': a weapon told in a 'when/as/after' clause harmed the
    subject of the passive deed (or of 'died') that the clause explains."""
    clause = head
    for _ in range(4):  # the weapon sits a few words down the clause: 'ran over an IED'
        if _how_clause(clause):
            deed = clause.head
            return [c for c in deed.children
                    if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and deed.lemma_.lower() == "die")]
        if clause.head is clause:
            break
        clause = clause.head
    return []


def _with_conjuncts(token: Any) -> list[Any]:
    return [token] + [c for c in token.children if c.dep_ == "conj"]


#: head nouns whose people follow 'of' ('dozens of rebels', 'a convoy of police') and nouns for
#: members of an armed group named after 'of/from' ('fighters of the NPA'): rules ``events.roles``
_GROUP_OF = rules.Live("events.roles", "group_of")
_MEMBERS = rules.Live("events.roles", "members")


def _actor_at(tokens: list[Any], found: list[actors_mod.Actor]) -> actors_mod.Actor | None:
    """The actor whose span covers a role's phrase, from its first word up to its head noun."""
    for tok in tokens:
        if _GROUP_OF.match(tok.lemma_.lower()):  # 'dozens of armed rebels': the rebels
            tok = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), tok)
        if _MEMBERS.match(tok.lemma_.lower()):  # 'guerrillas of the New People's Army': the NPA
            whose = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}
                     for p in c.children if p.dep_ == "pobj"]
            named = _actor_at(whose, [a for a in found if not a.generic])
            if named is not None:
                return named
        start, end = tok.left_edge.idx, tok.idx + len(tok)
        for actor in found:
            if actor.start < end and actor.end > start:
                return actor
    return None

