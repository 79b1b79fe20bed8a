"""Gazetteer-backed toponym recognition, as a spaCy component after ``ner``.

The small English model mistypes places (it tags "Lashkargah" and "Herat" as ORG, a
village in a list as PERSON), cuts names short ("Beni" of "Beni Suef") and glues
several places into one entity ("Pandi, Bulacan", "Central and South America").
This component, and :func:`place_spans` that reads its output, repair that with the
gazetteer and with the words around a name:

- an entity or a run of proper nouns whose text is a gazetteer name becomes GPE when
  the place is big enough for its label, or when the context says it is a place: a
  locative word before it ("in", "near", "the village of"), a place noun after it
  ("Dadaab camps", "Wedza district"), or a place next to it in a list or as its
  container ("Tacloban and Babatngon", "Pulawy, Poland");
- a place entity is stretched to the longest gazetteer name it starts or ends;
- a place entity the gazetteer does not know as a whole yields the places inside it,
  and an organisation's name yields a country, state or city at its head or tail
  ("Taco Bell Canada", "CDC Atlanta");
- a place the gazetteer lacks but the words prove ("the village of Kampungu") is
  marked ``sure``; the resolver then places it in the unit the article is about.

Each check costs one cached SQLite probe per distinct text, so the component adds
little to spaCy's own time.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from dateline.geo.countries import country_of_demonym
from dateline.geo.candidates import Mention, candidates_for, demonym_candidates
from dateline.text import wire

RELABEL = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entities whose names may hold a place ("CDC Atlanta", "the Vietnam war").
NAMED = RELABEL | {"EVENT", "LAW"}
#: How big a place must be for a bare name with this label to count as one.
MIN_POPULATION = {"ORG": 15_000, "FAC": 15_000, "PRODUCT": 50_000, "WORK_OF_ART": 50_000,
                  "PERSON": 100_000, "NORP": 50_000, "": 100_000}
#: ...and when the words around it say it is a place ("in X", "X district", "Y and X"):
#: then any populated place of the gazetteer will do.
IN_CONTEXT_MIN_POPULATION = 0
#: ...and a variant spelling (GeoNames' 'Avdiyivka' for 'Avdiivka') with such words around it.
VARIANT_IN_CONTEXT_MIN_POPULATION = 10_000
#: A longer name a place entity stretches to ("Beni" -> "Beni Suef"), any spelling.
STRETCH_MIN_POPULATION = 1_000
#: A city inside an organisation's name ("CDC Atlanta").
NAME_PART_MIN_POPULATION = 100_000
BIG_PLACE = 100_000
COUNTRY_OR_STATE = 10**9
COMPONENT = "dateline_gazetteer"
#: The rule set (``dateline/geo/rules/recognition.jsonl``) of words after a name that say
#: it is a place: ``institution`` ('Grand Ledge Police'), ``resident`` ('a Crafton man');
#: or that it is not: ``weapon`` ('Molotov cocktails').
RULES = "geo.recognition"

#: Words that name admin units somewhere ("Western" Region, Uganda) but in running text
#: are adjectives or common nouns; alone they are never taken for a place.
GENERIC_WORDS = frozenset("""
western eastern northern southern central north south east west middle upper lower new
greater island islands coast valley city capital river lake mountain hills centre center
union independence liberty victoria washington lincoln jackson franklin clinton
federal punta pool alien national general first second third
northwest northeast southwest southeast broadway
plaza park street avenue road bridge station square mall market airport stadium hall tower gate
""".split())

#: Districts every city has: alone they say a part of the town the story is in, and a
#: gazetteer reading ('Old Town' is a variant name of Las Vegas and of Baltimore) is noise.
GENERIC_DISTRICTS = frozenset({
    "old town", "new town", "downtown", "uptown", "midtown", "chinatown", "old city", "city centre",
    "city center", "town centre", "town center", "city hall", "town hall", "main street",
})


def _named_no_place(text: str) -> bool:
    """An armed group's or agency's name, or a faith's, that the gazetteer also has
    (rule labels ``organisation`` and ``faith``)."""
    from dateline import rules

    return any(rules.regex(RULES, label).match(text) is not None for label in ("organisation", "faith"))


def generic_district(text: str) -> bool:
    """'Old Town', 'the Old City', 'Downtown': see :data:`GENERIC_DISTRICTS`."""
    lowered = text.lower()
    return (lowered[4:] if lowered.startswith("the ") else lowered) in GENERIC_DISTRICTS

LOCATIVE_WORDS = frozenset("in at near outside across around into throughout towards toward via".split())
NAMING_WORDS = frozenset({"called", "named"})
PLACE_NOUNS = frozenset("""
town towns city village villages district districts province provinces region state county
capital island area suburb municipality community commune governorate prefecture parish
township camp camps slum slums neighbourhood neighborhood outskirts
""".split())
#: Words that may frame a place inside a longer place entity ("Eastern China", "Sumatra
#: province", "the City of Santa Ana", "Salinas Valley").
FRAME_WORDS = PLACE_NOUNS | frozenset("""
north south east west northern southern eastern western central mid middle upper lower
greater inner outer northeast northwest southeast southwest northeastern northwestern
southeastern southwestern occidental oriental rural metropolitan metro downtown valley
coast of - the
""".split())
#: "the mayor of X", "residents of X"
OF_NOUNS = PLACE_NOUNS | {"mayor", "residents", "resident", "people", "streets"}
#: "X residents", "X police"
AFTER_NOUNS = PLACE_NOUNS | {"residents", "resident"}
LIST_WORDS = frozenset({",", "and", "or", "&"})
SPLIT_TOKENS = frozenset({",", "-", "–", "/", "(", ")", "and", "or", "&", ";"})
CONNECTORS = frozenset({"-", "de", "del", "do", "da", "di", "al", "el", "of"})


# --------------------------------------------------------------------------- gazetteer


@lru_cache(maxsize=100_000)
def place_strength(text: str, alternates: bool = False) -> int:
    """The population of the strongest gazetteer reading of ``text`` (-1: none).

    Countries, regions and admin1 units count as very large (a place of unknown
    population as 0, which a context cue accepts). Alternate names of small places count
    only with ``alternates``, so noisy variants cannot turn an organisation into a place.
    """
    from dateline.geo.gazetteer import ADMIN1, ALIAS, ALTERNATE, COUNTRY, PRIMARY, REGION, fold, load

    words = text.split()
    if (len(words) == 1 and text.lower() in GENERIC_WORDS) or generic_district(text):
        return -1
    if any(c in text for c in "[]{}<>|@#"):
        return -1  # '[W]e': an editor's bracket, no name
    if _named_no_place(text):
        return -1  # 'Hamas' is a variant name of Hamm
    if not words or not all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3):
        return -1
    if any(c.kind == COUNTRY and c.quality in (PRIMARY, ALIAS) for c in load().lookup(fold(text))):
        return COUNTRY_OR_STATE  # 'Philippines' is a country before it is a plural demonym
    if country_of_demonym(text) is not None or demonym_candidates(text):
        return -1  # demonyms ('Afghan', 'Texans') give context; they are not places
    cands, _ = candidates_for(text, load())
    best = -1
    for c in cands:
        if c.quality == ALTERNATE and not alternates and c.population < BIG_PLACE:
            continue  # alternate names of big places are real exonyms ('Beni Suef')
        if c.kind in (COUNTRY, REGION, ADMIN1):
            return COUNTRY_OR_STATE
        best = max(best, c.population)
    return best


@lru_cache(maxsize=100_000)
def known(text: str) -> bool:
    """Whether the gazetteer has any reading of ``text`` (alternate names included);
    a lone generic word ('North', 'Central') is not a name."""
    from dateline.geo.gazetteer import load

    if text.lower() in GENERIC_WORDS or generic_district(text):
        return False
    return bool(candidates_for(text, load())[0])


# --------------------------------------------------------------------------- context


class Words:
    """A Doc's tokens as plain lists of ids (lower-cased text hash, coarse tag), read once
    from its arrays: spaCy builds a Python object per token access, which was most of
    this component's cost."""

    __slots__ = ("doc", "text", "lower", "pos", "start", "end", "orth", "space", "upper", "n")

    def __init__(self, doc: Any, text: str | None = None) -> None:
        array = doc.to_array(["LOWER", "POS", "IDX", "LENGTH", "ORTH", "SPACY", "IS_UPPER"])
        self.doc, self.text = doc, text  # the text, when the caller has it at hand
        self.lower = array[:, 0].tolist()
        self.pos = array[:, 1].tolist()
        self.start = array[:, 2].tolist()
        self.end = (array[:, 2] + array[:, 3]).tolist()
        self.orth = array[:, 4].tolist()
        self.space = array[:, 5].tolist()
        self.upper = array[:, 6].tolist()
        self.n = len(self.lower)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``: a slice of the text when there is one, else
        the tokens' strings and trailing spaces (as spaCy rebuilds a Doc's text)."""
        if self.text is not None:
            return self.text[self.start[start] : self.end[end - 1]]
        strings = self.doc.vocab.strings
        if end - start == 1:
            return strings[self.orth[start]]
        return "".join(strings[self.orth[k]] + (" " if self.space[k] and k < end - 1 else "")
                       for k in range(start, end))

    def full_text(self) -> str:
        """The whole text, rebuilt once from the token arrays (``Doc.text`` makes a Token
        object per word, each time it is read)."""
        if self.text is None:
            strings = self.doc.vocab.strings
            self.text = "".join(strings[o] + (" " if sp else "") for o, sp in zip(self.orth, self.space))
        return self.text

    def of(self, span: Any) -> str:
        """The text of an entity (cached: entities are re-read in several passes)."""
        return self.span_text(span.start, span.end)

    def is_(self, i: int, words: frozenset[str]) -> bool:
        """Whether token ``i``, lower-cased, is one of ``words``."""
        return 0 <= i < self.n and self.lower[i] in _hashes(words)

    def tagged(self, i: int, *tags: str) -> bool:
        """Whether token ``i``'s coarse tag is one of ``tags`` ('NOUN', 'PROPN', ...)."""
        return 0 <= i < self.n and self.pos[i] in _tag_ids(tags)


@lru_cache(maxsize=None)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    from spacy.strings import hash_string

    return frozenset(hash_string(w) for w in words)


@lru_cache(maxsize=None)
def _tag_ids(tags: tuple[str, ...]) -> frozenset[int]:
    from spacy import symbols

    return frozenset(getattr(symbols, t) for t in tags)


THE, OF, FROM, COMMA = frozenset({"the"}), frozenset({"of"}), frozenset({"from"}), frozenset({","})
AND_OR, ARTICLES = frozenset({"and", "or"}), frozenset({"a", "an", "the"})
POSSESSIVE_S = frozenset({"'s", "’s"})
LOCATING = LOCATIVE_WORDS | NAMING_WORDS


def place_cue(w: Words, start: int, end: int, label: str = "") -> bool:
    """Whether the words around tokens ``start:end`` say they name a place."""
    if label == "PERSON" and w.is_(end, POSSESSIVE_S):
        return False  # 'in Obama's speech'
    i = start - 1
    if w.is_(i, THE):
        i -= 1
    if w.is_(i, LOCATING) or (label != "PERSON" and w.is_(i, FROM)):
        return True
    if w.is_(i, OF) and w.is_(i - 1, OF_NOUNS):
        return True
    return w.is_(end, AFTER_NOUNS) or noun_cue(w, start, end) or followed_by(w, end, "resident")


def followed_by(w: Words, end: int, label: str) -> bool:
    """Whether a rule of :data:`RULES` with ``label`` reads the name ending at token ``end``
    and the words after it ('Ledge Police', 'Crafton man')."""
    from dateline import rules

    if end >= w.n or end < 1:
        return False
    return rules.regex(RULES, label).match(w.span_text(end - 1, min(w.n, end + 2))) is not None


def noun_cue(w: Words, start: int, end: int) -> bool:
    """'the village of X', 'X district', 'the island Rügen', 'X, a suburb of Harare':
    the text itself says X is a place."""
    i = start - 1
    if w.is_(i, PLACE_NOUNS) and w.tagged(i, "NOUN"):
        return True
    if w.is_(i, OF) and w.is_(i - 1, PLACE_NOUNS):
        return True
    return w.is_(end, PLACE_NOUNS) or _appositive_place_noun(w, end)


def _appositive_place_noun(w: Words, end: int) -> bool:
    """', a farming town', ', a suburb located east of Harare'."""
    if not (w.is_(end, COMMA) and w.is_(end + 1, ARTICLES)):
        return False
    for i in range(end + 2, min(w.n, end + 5)):
        if w.is_(i, PLACE_NOUNS):
            return True
        if not w.tagged(i, "ADJ", "NOUN", "PROPN"):
            return False
    return False


def listed_with_place(w: Words, start: int, end: int, place_tokens: set[int]) -> bool:
    """'Tacloban and Babatngon', 'Suba, Migori, Rongo', 'Pulawy, Poland'."""
    i = start - 1
    if i >= 1 and w.is_(i, LIST_WORDS):
        j = i - 1
        if w.is_(i, AND_OR) and w.is_(j, COMMA):
            j -= 1
        if j in place_tokens:
            return True
    k = end
    if w.is_(k, LIST_WORDS):
        k += 1
        if w.is_(k, AND_OR):
            k += 1
        return k in place_tokens
    return False


# --------------------------------------------------------------------------- component


def relabel_places(doc: Any) -> Any:
    """Make the document's entities say which spans are places (see the module doc)."""
    from spacy.tokens import Span

    w = Words(doc)
    ents = list(doc.ents)
    person_tokens = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    changed = False
    for _ in range(2):  # the second round sees the places the first one found
        places = _place_tokens(ents)
        for i, ent in enumerate(ents):
            if ent.label_ not in RELABEL:
                continue
            if ent.label_ == "PERSON" and len(ent) == 1 and w.of(ent).lower() in person_tokens:
                continue
            joined = _hyphenated_place(w, ent, ents)
            if joined is not None:  # 'Croix' of 'Croix-des-Bouquets', tagged a person
                ents[i] = joined
                changed = True
                continue
            need = _need(w, ent.start, ent.end, ent.label_, places)
            strength = place_strength(w.of(ent))
            if strength < 0 and need == IN_CONTEXT_MIN_POPULATION:
                # with a cue ('near Avdiivka') a town's variant spelling will do; a village's
                # variants are too noisy ('Taliban' is one of a Turkish hamlet's names)
                variant = place_strength(w.of(ent), alternates=True)
                strength = variant if variant >= VARIANT_IN_CONTEXT_MIN_POPULATION else -1
            if strength >= 0 and strength >= need:
                ents[i] = Span(doc, ent.start, ent.end, label="GPE")
                changed = True
    ents, datelined = _dateline_places(w, ents)
    added = _unlabelled_places(w, ents)
    ents = sorted(ents + added, key=lambda e: e.start)
    ents, repeated = _same_name_places(w, ents, person_tokens)
    stretched = _stretch_places(w, ents)
    # 'Molotov cocktails': a weapon's name, not Perm's old one; 'Rittenhouse' after 'Kyle Rittenhouse'
    not_places = [e for e in stretched if e.label_ in PLACE_LABELS and
                  (followed_by(w, e.end, "weapon") or _part_of_person(w, e, person_tokens) or _uncapitalised(w, e)
                   or generic_district(w.of(e)) or _named_no_place(w.of(e)))]
    if not_places:
        stretched = [e for e in stretched if e not in not_places]
    whole = [_with_its_particle(doc, e) if e.label_ in PLACE_LABELS else e for e in stretched]
    rejoined = any(a is not b for a, b in zip(whole, stretched))
    if rejoined:
        stretched = [e for e in whole if e is not None]
    if changed or datelined or added or repeated or not_places or rejoined or stretched is not ents:
        doc.ents = stretched
    return doc


def _uncapitalised(w: Words, ent: Any) -> bool:
    """'when their van ran over a mine': a name with no capital letter in a text that has
    capitals is a common word the model took for a place (Van in Turkey), not a place."""
    lower = w.lower[ent.start:ent.end] == w.orth[ent.start:ent.end]
    return lower and any(o != l for o, l in zip(w.orth, w.lower))


#: 'Nad-e Ali', 'Dera-i Ismail', 'Bab-al Hawa': a name part joined by a Persian or Arabic
#: particle to the word before it
_PARTICLE_BEFORE = re.compile(r"\b([A-Z][\w'’]*-(?:e|i|o|a|ul|al|el|ur|ud|us|ush|an))\s$")


def _with_its_particle(doc: Any, ent: Any) -> Any:
    """'Ali' of 'Nad-e Ali' is the tail of a district's name the model cut, not a place of
    its own (an Indian village): the whole name when the gazetteer knows it, else none."""
    from spacy.tokens import Span

    first = max(0, ent.start - 4)  # the few tokens before it ('Nad', '-', 'e'); Doc.text would join them all
    before = _PARTICLE_BEFORE.search(doc[first:ent.start].text_with_ws) if ent.start else None
    if before is None:
        return ent
    if not known(f"{before.group(1)} {ent.text}"):
        return None
    return doc.char_span(doc[first].idx + before.start(1), ent.end_char, label=ent.label_)


def _part_of_person(w: Words, ent: Any, person_tokens: set[str]) -> bool:
    """'Kyle Rittenhouse' ... 'Rittenhouse said', 'Hamza bin Laden' ... 'Hamza': a word of a
    person's name alone is the person, unless it is also a big place (a country, a state, a
    city of 100,000)."""
    return len(ent) == 1 and w.of(ent).lower() in person_tokens and place_strength(w.of(ent)) < BIG_PLACE


def _dateline_places(w: Words, ents: list[Any]) -> tuple[list[Any], bool]:
    """Wire datelines in capitals are places when the gazetteer knows them ('PATASKALA --',
    'TEGA CAY —', 'EAST HAMPTON —' whole, not 'HAMPTON'); the small model misses or cuts
    names in capitals."""
    from spacy.tokens import Span

    found = []
    text = w.full_text()
    for line in wire.datelines(text):
        name = text[line.place[0]:line.place[1]].title()
        if not line.in_capitals or len(name) < 3 or name.lower() in GENERIC_WORDS or not known(name):
            continue
        span = w.doc.char_span(*line.place, alignment_mode="expand")
        if span is not None:
            found.append(Span(w.doc, span.start, span.end, label="GPE"))
    if not found:
        return ents, False
    taken = {i for f in found for i in range(f.start, f.end)}
    kept = [e for e in ents if not taken.intersection(range(e.start, e.end))]
    return sorted(kept + found, key=lambda e: e.start), True


def document_places(w: Words, ents: Any) -> set[str]:
    """Texts the document uses as names of places the gazetteer knows."""
    return {w.of(e) for e in ents if e.label_ == "GPE" and place_strength(w.of(e), True) >= 0}


def _same_name_places(w: Words, ents: list[Any], person_tokens: set[str]) -> tuple[list[Any], bool]:
    """One sense per discourse: a name the document uses as a place is a place wherever
    it stands alone ('Esperance residents', 'Randwick has been locked down')."""
    from spacy.tokens import Span

    doc = w.doc
    names = document_places(w, ents)
    if not names:
        return ents, False
    changed = False
    for i, ent in enumerate(ents):
        if ent.label_ in PLACE_LABELS or w.of(ent) not in names or w.of(ent).lower() in person_tokens:
            continue
        if ent.label_ in RELABEL or ent[0].pos_ == "PROPN":  # 'NSW' tagged CARDINAL
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    taken = {i for e in ents for i in range(e.start, e.end)}
    orth = w.orth  # token ids: cheaper than token objects
    by_first: dict[int, set[tuple[int, ...]]] = {}
    for e in ents:
        if w.of(e) in names:
            ids = tuple(orth[e.start : e.end])
            by_first.setdefault(ids[0], set()).add(ids)
    added = []
    for i in [i for i, o in enumerate(orth) if o in by_first]:
        if i in taken:
            continue
        match = max((n for n in by_first[orth[i]] if tuple(orth[i : i + len(n)]) == n
                     and not taken.intersection(range(i, i + len(n)))), key=len, default=None)
        if match is not None:
            added.append(Span(doc, i, i + len(match), label="GPE"))
            taken.update(range(i, i + len(match)))
    if added:
        ents = sorted(ents + added, key=lambda e: e.start)
    return ents, changed or bool(added)


def _place_tokens(ents: list[Any]) -> set[int]:
    return {i for e in ents if e.label_ in ("GPE", "LOC") for i in range(e.start, e.end)}


def _need(w: Words, start: int, end: int, label: str, places: set[int]) -> int:
    """The population a gazetteer reading needs for tokens ``start:end`` to be a place."""
    if place_cue(w, start, end, label) or listed_with_place(w, start, end, places):
        return IN_CONTEXT_MIN_POPULATION
    return MIN_POPULATION[label]


def _unlabelled_places(w: Words, ents: list[Any]) -> list[Any]:
    """Runs of proper nouns outside any entity that name a place ('Sudan', 'NSW')."""
    from spacy.tokens import Span

    taken = {i for e in ents for i in range(e.start, e.end)}
    places = _place_tokens(ents)
    propn = _tag_ids(("PROPN",))
    proper = [pos in propn for pos in w.pos]
    found, i = [], 0
    while i < w.n:
        if i in taken or not proper[i]:
            i += 1
            continue
        j = i
        while j < w.n and j not in taken and proper[j] and j - i < 4:
            j += 1
        inside = _places_in_run(w, i, j, lambda s, e, i=i, j=j: (
            MIN_POPULATION[""] if s > i and e == j else _need(w, s, e, "", places)))  # 'Meadow Grove man': not Grove
        if not inside and noun_cue(w, i, j):  # 'the village of Cellardyke': a place we lack
            inside = [Span(w.doc, i, j, label="GPE")]
        found.extend(inside)
        i = j
    return found


def _places_in_run(w: Words, start: int, end: int, need: Any) -> list[Any]:
    """Longest place names inside tokens ``start:end``, left to right; ``need(s, e)`` is
    the population a reading of ``doc[s:e]`` must reach."""
    from spacy.tokens import Span

    found, i = [], start
    while i < end:
        for j in range(end, i, -1):
            if w.tagged(i, "PUNCT") or w.tagged(j - 1, "PUNCT") or (j < end and w.is_(j, POSSESSIVE_S)):
                continue  # "St. Peter's Square" is not St. Peter
            strength = place_strength(w.span_text(i, j))
            if strength >= 0 and strength >= need(i, j):
                found.append(Span(w.doc, i, j, label="GPE"))
                i = j
                break
        else:
            i += 1
    return found


def _hyphenated_place(w: Words, ent: Any, ents: list[Any]) -> Any:
    """A name the model cut at a hyphen ('Croix' of 'Croix-des-Bouquets', 'Pétion' of
    'Pétion-Ville') is the hyphenated place when the gazetteer knows it whole."""
    from spacy.tokens import Span

    if not w.is_(ent.end, HYPHEN):
        return None  # no hyphen after it: nothing was cut
    taken = {i for e in ents if e is not ent for i in range(e.start, e.end)}
    best = None
    for e in range(ent.end + 2, min(w.n, ent.end + 6) + 1):
        if any(i in taken for i in range(ent.end, e)):
            break
        text = w.span_text(ent.start, e)
        if "-" in text and " " not in text and text[-1].isalpha() and place_strength(text, True) >= STRETCH_MIN_POPULATION:
            best = Span(w.doc, ent.start, e, label="GPE")
    return best


HYPHEN = frozenset({"-"})


def _stretch_places(w: Words, ents: list[Any]) -> list[Any]:
    """Stretch place entities to the longest gazetteer name they start or end:
    'Beni' + 'Suef', 'Guinea' + '-Bissau', 'Rio Grande' + 'do Sul'."""
    from spacy.tokens import Span

    owner = {i: e for e in ents for i in range(e.start, e.end)}
    out, dropped, changed = [], set(), False
    for ent in ents:
        if id(ent) in dropped:
            continue
        best = ent
        if ent.label_ in ("GPE", "LOC"):
            for s, e in _stretches(w, ent):
                others = {id(owner[i]) for i in range(s, e) if i in owner and owner[i] is not ent}
                whole = all(owner[i].start >= s and owner[i].end <= e for i in range(s, e) if i in owner)
                if whole and e - s > len(best) and place_strength(w.span_text(s, e), True) >= STRETCH_MIN_POPULATION:
                    best, absorbed = Span(w.doc, s, e, label=ent.label_), others
            if best is not ent:
                dropped |= absorbed
                changed = True
        out.append(best)
    if not changed:
        return ents
    return [e for e in out if id(e) not in dropped]


def _stretches(w: Words, ent: Any) -> Iterator[tuple[int, int]]:
    def extends(i: int) -> bool:
        return w.tagged(i, "PROPN") or w.is_(i, CONNECTORS)

    for left in range(0, 3):
        for right in range(0, 4):
            s, e = ent.start - left, ent.end + right
            if (left, right) == (0, 0) or s < 0 or e > w.n or not w.tagged(s, "PROPN") or not w.tagged(e - 1, "PROPN"):
                continue
            if all(extends(i) for i in (*range(s, ent.start), *range(ent.end, e))):
                yield s, e


# --------------------------------------------------------------------------- spans


def place_spans(doc: Any, text: str | None = None) -> list[Mention]:
    """The toponym mentions of a parsed document (after :func:`relabel_places`).

    A place entity the gazetteer knows is one mention; one it does not know yields the
    places inside it, or itself when none is; a name inside another entity ("the
    University of California", "Taco Bell Canada") is evidence of the place, though not
    of an event there. ``sure`` marks names whose words prove them places. ``text`` is
    the Doc's text, when the caller has it (it saves rebuilding it from the tokens).
    """
    w = Words(doc, text)
    ents = doc.ents
    places = _place_tokens(list(ents))
    names = document_places(w, ents)
    out: list[Mention] = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            out.extend(_place_entity(w, ent, places, names))
        elif ent.label_ == "NORP" and demonym_candidates(w.of(ent)):
            out.append(_mention(ent))  # 'Georgian troops': a reference to Georgia (not where anything happened)
        elif len(ent) > 1 and ent.label_ in NAMED:
            out.extend(_mention(p) for p in _places_in_name(w, ent, names))
        if ent.label_ in RELABEL and noun_cue(w, ent.start, ent.end) and not known(w.of(ent)):
            out.append(_mention(ent, sure=True))
    short = _short_forms_of_names(w.full_text(), {m.text for m in out if _SHORT.fullmatch(m.text)})
    return [m for m in out if m.text not in short]


_SHORT = re.compile(r"[A-Z]{2,6}")


def _short_forms_of_names(text: str, shorts: set[str]) -> set[str]:
    """Short forms the text defines for a name that is no place ('the Myanmar Armed Forces
    (MAF)'): there they abbreviate that name, not a country code ('MAF', Saint Martin)."""
    out = set()
    for short in shorts:
        for m in re.finditer(rf"((?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|of|the|for|and|de))+)\s+\({short}\)", text):
            if not known(m.group(1)):
                out.add(short)
    return out


def _mention(span: Any, sure: bool = False) -> Mention:
    return Mention(span.start_char, span.end_char, span.text, sure)


def _place_entity(w: Words, ent: Any, places: set[int], names: set[str]) -> list[Mention]:
    if known(w.of(ent)):
        return [_mention(ent)]
    inner = [p for seg in _segments(w, ent) for p in _places_in_segment(w, *seg, ent.label_, names)]
    if inner:
        return [_mention(p) for p in inner]
    sure = ent.label_ != "FAC" and (
        place_cue(w, ent.start, ent.end, ent.label_) or listed_with_place(w, ent.start, ent.end, places)
    )
    return [_mention(ent, sure)]


def _places_in_segment(w: Words, start: int, end: int, label: str, names: set[str]) -> list[Any]:
    """The place a part of a place entity names: the part itself ('Pandi' of 'Pandi,
    Bulacan'), a place framed only by modifiers and place nouns ('Eastern China', 'Sumatra
    province', 'the City of Santa Ana'), or a big or already named place heading or
    ending it ('Santa Ana City Council'). Not 'Plum' of 'Plum Island'."""
    doc = w.doc
    if known(w.span_text(start, end)):
        return [doc[start:end]]
    need = MIN_POPULATION["FAC"] if label == "FAC" else IN_CONTEXT_MIN_POPULATION
    for size in range(end - start - 1, 0, -1):
        for s in range(start, end - size + 1):
            e = s + size
            framed = all(w.is_(i, FRAME_WORDS) for i in (*range(start, s), *range(e, end)))
            if framed and place_strength(w.span_text(s, e)) >= need:
                return [doc[s:e]]
    for s, e in _heads_and_tails(w, start, end):
        text = w.span_text(s, e)
        if place_strength(text) >= NAME_PART_MIN_POPULATION or text in names:
            return [doc[s:e]]
    return []


def _segments(w: Words, ent: Any) -> Iterator[tuple[int, int]]:
    """Token ranges of ``ent`` between commas, dashes, slashes and 'and'; without a
    leading 'the'."""
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        the = w.is_(i, THE) and not w.is_(i - 1, OF)  # "Republic of the Congo" stays whole
        if i == ent.end or w.is_(i, SPLIT_TOKENS) or the:
            if i > start:
                yield start, i
            start = i + 1


def _places_in_name(w: Words, ent: Any, names: set[str]) -> list[Any]:
    """A country, state or big city heading or ending another entity's name, or
    following its 'of' ('Taco Bell Canada', 'the University of California'), or a place
    the document names elsewhere ('the Vietnam war'); in a person's name, only a
    country or state set off by punctuation ('Sri Lanka - approximately')."""
    person = ent.label_ == "PERSON" and not place_cue(w, ent.start, ent.end)  # 'at Randwick Racecourse'
    need = NAME_PART_MIN_POPULATION if ent.label_ == "ORG" else COUNTRY_OR_STATE
    found = []
    for start, end in _segments(w, ent):
        spans = [] if end - start == len(ent) else [(start, end)]  # the whole: already judged
        heads = _heads_and_tails(w, start, end)
        spans += [h for h in heads if h[0] == start and followed_by(w, h[1], "institution")] if person else heads
        for s, e in spans:
            text = w.span_text(s, e)
            serves = s == start and followed_by(w, e, "institution")  # 'the Oakdale Fire Department'
            if place_strength(text) >= (IN_CONTEXT_MIN_POPULATION if serves else need) or (
                    not person and (text in names or _demonym_head(w, s, e, ent))):
                found.append(w.doc[s:e])
                break
    return found


def _demonym_head(w: Words, start: int, end: int, ent: Any) -> bool:
    """'the Georgian Foreign Ministry', 'Canadian Coast Guard': a demonym heading a name
    says whose it is."""
    return start == ent.start + (1 if w.is_(ent.start, THE) else 0) and bool(demonym_candidates(w.span_text(start, end)))


def _heads_and_tails(w: Words, start: int, end: int) -> list[tuple[int, int]]:
    spans = [(start, start + n) for n in (3, 2, 1) if start + n < end]
    spans += [(end - n, end) for n in (3, 2, 1) if end - n > start]
    of = next((i for i in range(start, end) if w.is_(i, OF)), None)
    if of is not None and of + 1 < end:
        spans.insert(0, (of + 1, end))
    return spans
