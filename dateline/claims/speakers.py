"""Who the source is: full name and role from anywhere in the article, by rules.

No coreference model runs offline here, so we do what a careful reader does with the
parse: a surname ("said Aman") links to the fullest mention of that person ("Fawad
Aman, a spokesman for Afghanistan's Ministry of Defence"), whose apposition or title
("Ministry spokesman Hamid Noori") is the role; a pronoun takes the nearest earlier
compatible speaker; "the militants" takes the group last named. Anonymous and
institutional sources ("a State Department spokesperson", "witnesses") stay as
written: we never invent a name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.claims.lexicon import GROUP_NOUNS, PRONOUNS

CharSpan = tuple[int, int]
_GROUP_LABELS = ("ORG", "NORP")
_AFFILIATION_LABELS = ("ORG", "NORP", "GPE")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "professor", "sen", "senator", "rep", "gov", "gen",
                     "president", "minister", "general", "colonel", "col", "capt", "sir", "lord", "judge"})


@dataclass
class Speaker:
    """A resolved source: the name to show, its role, and the spans that justify both."""

    name: str = ""
    role: str = ""
    name_spans: list[CharSpan] = field(default_factory=list)
    role_spans: list[CharSpan] = field(default_factory=list)
    person: bool = False
    resolved: bool = True  # False when a pronoun found no antecedent


class Resolver:
    """Resolves the sources of one document; remembers earlier speakers for pronouns."""

    def __init__(self, doc: Any, text: str) -> None:
        self.doc = doc
        self.text = text
        self.ent_at: dict[int, Any] = {}
        self.persons: dict[str, list[Any]] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
            if ent.label_ == "PERSON":
                self.persons.setdefault(ent[-1].lower_, []).append(ent)
        self.history: list[tuple[int, Speaker]] = []  # (char offset, speaker)

    def resolve(self, root_i: int, span: CharSpan) -> Speaker:
        """The speaker behind the source phrase headed by token ``root_i``."""
        root = self.doc[root_i]
        if root.lower_ in ("who", "that", "which") and root.head.dep_ == "relcl":
            root = root.head.head  # "an official who said ...": the relative's antecedent
        low = root.lower_
        if low in ("i", "me", "you"):  # an interview's voices: no name to give them by rule
            speaker = Speaker(name=root.text, name_spans=[span], resolved=False)
        elif low in PRONOUNS and root.pos_ == "PRON":
            speaker = self._antecedent(root, PRONOUNS[low], span)
        elif root.i in self.ent_at and self.ent_at[root.i].label_ == "PERSON":
            speaker = self._person(self.ent_at[root.i], span)
        elif root.pos_ == "PROPN" and root.lower_ in self.persons:  # "Seager" the NER missed
            speaker = self._person(root.doc[root.i:root.i + 1], span)
        elif root.lemma_.lower() in GROUP_NOUNS and _definite(root) and root.i not in self.ent_at:
            speaker = self._group(root, span)
        else:
            speaker = self._phrase(root, span)
        if speaker.resolved:
            self.history.append((span[0], speaker))
        return speaker

    # --- kinds of source -------------------------------------------------------------

    def _person(self, ent: Any, span: CharSpan) -> Speaker:
        """A named person: the fullest mention of the same surname gives name and role."""
        full = ent
        words = {t.lower_ for t in ent if t.lower_.rstrip(".") not in _TITLES}
        for cand in self.persons.get(ent[-1].lower_, []):
            if len(cand) > len(full) and words <= {t.lower_ for t in cand}:
                full = cand
                break
        speaker = Speaker(name=full.text, person=True, name_spans=[span])
        if full is not ent:
            speaker.name_spans.append((full.start_char, full.end_char))
        for mention in (ent, full):
            role = self._role(mention)
            if role is not None:
                speaker.role = self.text[role[0]:role[1]]
                speaker.role_spans = [role]
                break
        return speaker

    def _group(self, root: Any, span: CharSpan) -> Speaker:
        """``the militants``: the organisation or group last named before the mention."""
        for i in range(root.i - 1, max(-1, root.i - 400), -1):
            ent = self.ent_at.get(i)
            if ent is not None and ent.label_ in _GROUP_LABELS and ent.root.pos_ == "PROPN":
                name = _strip_det(ent)
                return Speaker(name=self.text[name[0]:name[1]], name_spans=[span, name])
        return self._phrase(root, span)

    def _phrase(self, root: Any, span: CharSpan) -> Speaker:
        """An institution or anonymous source, kept as written; an affiliation if named."""
        named = self._named_apposition(root, span)
        if named is not None:
            return named
        core = _core(root)
        if root.pos_ == "PROPN" and self.text[core[0]:core[0] + 4].lower() == "the ":
            core = (core[0] + 4, core[1])
        speaker = Speaker(name=self.text[core[0]:core[1]], name_spans=[span])
        appos = next((c for c in root.children if c.dep_ == "appos"), None)
        if appos is not None:
            role = _subtree_span(appos)
            speaker.role, speaker.role_spans = self.text[role[0]:role[1]], [role]
            return speaker
        if root.i in self.ent_at:
            return speaker
        for tok in root.lefts:
            ent = self.ent_at.get(tok.i)
            if ent is not None and ent.label_ in _AFFILIATION_LABELS:
                speaker.role, speaker.role_spans = ent.text, [(ent.start_char, ent.end_char)]
                break
        return speaker

    def _named_apposition(self, root: Any, span: CharSpan) -> Speaker | None:
        """``One of the study's authors, herpetologist David Blackburn``: the person named."""
        for c in root.children:
            if c.dep_ != "appos":
                continue
            for t in c.subtree:
                ent = self.ent_at.get(t.i)
                if ent is not None and ent.label_ == "PERSON":
                    speaker = self._person(ent, span)
                    if not speaker.role:
                        core = _core(root)
                        speaker.role, speaker.role_spans = self.text[core[0]:core[1]], [core]
                    speaker.name_spans.append((ent.start_char, ent.end_char))
                    return speaker
        return None

    def _antecedent(self, root: Any, kind: str, span: CharSpan) -> Speaker:
        """A pronoun: the nearest earlier speaker of the same kind, else the nearest entity."""
        for offset, earlier in reversed(self.history):
            if offset < span[0] and earlier.person == (kind == "person"):
                return Speaker(name=earlier.name, role=earlier.role, person=earlier.person,
                               name_spans=[span] + earlier.name_spans[-1:], role_spans=earlier.role_spans)
        labels = ("PERSON",) if kind == "person" else _GROUP_LABELS
        for i in range(root.i - 1, max(-1, root.i - 300), -1):
            ent = self.ent_at.get(i)
            if ent is not None and ent.label_ in labels:
                if kind == "person":
                    return self._person(ent, span)
                name = _strip_det(ent)
                return Speaker(name=self.text[name[0]:name[1]], name_spans=[span, name])
        return Speaker(name=root.text, name_spans=[span], resolved=False)

    def _role(self, ent: Any) -> CharSpan | None:
        """``X, a spokesman for …`` (apposition) or ``Ministry spokesman X`` (title words)."""
        head = ent.root
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i:
                return _subtree_span(c)
        if head.dep_ == "appos" and head.head.i < ent.start and head.head.pos_ == "NOUN":
            return _subtree_span(head.head, stop=ent.start)
        lefts = [t for t in head.subtree if t.i < ent.start]
        while lefts and (lefts[0].dep_ in ("det", "punct") or lefts[0].lower_ in ("said", "told")):
            lefts.pop(0)
        if lefts and any(t.pos_ == "NOUN" for t in lefts) and lefts[-1].i == ent.start - 1:
            return lefts[0].idx, lefts[-1].idx + len(lefts[-1])
        return None


def _definite(tok: Any) -> bool:
    """``the militants``/``the group`` (a back-reference), not ``some militants``."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their") for c in tok.lefts)


def _strip_det(ent: Any) -> CharSpan:
    start = ent[1].idx if len(ent) > 1 and ent[0].lower_ == "the" else ent.start_char
    return start, ent.end_char


def _core(root: Any) -> CharSpan:
    """The source phrase without its apposition or relative clause."""
    toks = [t for t in root.subtree]
    cut = {t.i for c in root.children if c.dep_ in ("appos", "relcl", "acl") and c.i > root.i for t in c.subtree}
    toks = [t for t in toks if t.i not in cut]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return root.idx, root.idx + len(root)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _subtree_span(tok: Any, stop: int | None = None) -> CharSpan:
    toks = [t for t in tok.subtree if stop is None or t.i < stop]
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    return toks[0].idx, toks[-1].idx + len(toks[-1])
