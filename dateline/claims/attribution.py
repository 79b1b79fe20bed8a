"""Attribution relations from the dependency parse: a source, a cue, a content.

One pass over the tokens finds the cues (reporting verbs, "according to", claim nouns);
the parse gives each its source (the subject, or the original speaker behind "X was
cited as saying") and its content (the that-clause, the quote beside the cue, or the
clause the cue is tacked onto: "..., officials said"). Quotes are found from the marks,
not the parse, because spaCy's sentence splitter cuts multi-sentence quotes apart; a
quote split by its cue (``"…," said Aman. "…"``) becomes one content of two spans.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from dateline.claims.lexicon import CLAIM_NOUNS, RELAY_VERBS, cues
from dateline.claims.quotes import QuoteIndex

Token = Any  # spacy.tokens.Token; spaCy types are not imported at module load
CharSpan = tuple[int, int]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_EDGE = " \t\n\r,;:.—–-…"
_GAP_BEFORE_CUE = re.compile(r"^[ \t,;:—–-]*$")
_GAP_AFTER_CUE = re.compile(r"^[ \t]*[,:—–-]?[ \t]*$")


@dataclass
class Attribution:
    """One who-said-what found in the text, in character offsets of the document."""

    cue: CharSpan
    content: list[CharSpan]
    kind: str  # "direct" (quoted) or "reported"
    stance: str
    cue_text: str
    source: CharSpan | None = None
    source_root: int | None = None  # token index of the source's head word
    anchor: int = 0  # token index of the cue word
    target: int | None = None  # token index of what a denial rejects ("claims", "reports")
    quotes: set[int] = field(default_factory=set)  # indices of quotes used as content


def find(doc: Any, quotes: list[CharSpan], text: str | None = None) -> list[Attribution]:
    """All attributions of a parsed document, in text order, each content used once.

    ``text`` is the document text when the caller has it (``Doc.text`` re-joins every
    token on each access). Candidate cue words are found on the lemma array with numpy,
    so only they become Python ``Token`` objects.
    """
    doc.user_data["dateline.text"] = doc.text if text is None else text
    index = QuoteIndex(quotes)
    verbs, nouns, according = _hashes(doc.vocab.strings)
    found: list[Attribution] = []
    consumed: set[int] = set()
    for i in _candidates(doc, verbs, nouns, according):
        tok = doc[int(i)]
        if tok.i in consumed or index.at(tok.idx) >= 0:
            continue
        if tok.lower == according:
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                att = _according(doc, tok)
            else:
                continue
        elif tok.lemma in verbs and tok.pos_ in ("VERB", "AUX"):
            att = _verb(doc, tok, index, consumed)
        elif tok.lemma in nouns and tok.pos_ == "NOUN":
            att = _noun(doc, tok, index)
        else:
            continue
        if att is not None:
            found.append(att)
    found = _dedupe(found)
    _continuations(doc, found, index)
    found.extend(_labelled_quotes(doc, found, index))
    found.sort(key=lambda a: a.cue[0])
    for att in found:
        att.content = [_drop_trailing_relative(doc, span, index) for span in att.content]
    return found


def _candidates(doc: Any, verbs: frozenset[int], nouns: frozenset[int], according: int) -> Any:
    """Indices of tokens whose lemma is a cue, or whose lower form is "according"."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return []
    arr = doc.to_array([LEMMA, LOWER])
    wanted = np.fromiter(verbs | nouns, dtype=arr.dtype)
    mask = np.isin(arr[:, 0], wanted) | (arr[:, 1] == np.asarray(according, dtype=arr.dtype))
    return np.flatnonzero(mask)


def _hashes(strings: Any) -> tuple[frozenset[int], frozenset[int], int]:
    """Cue lemmas as the vocabulary's string hashes: one int test per token, no strings."""
    key = (id(strings), id(cues()), id(CLAIM_NOUNS.table()))  # new rules, new hashes
    if _HASHES.get("key") != key:
        _HASHES["key"] = key
        _HASHES["value"] = (frozenset(strings.add(w) for w in cues()),
                            frozenset(strings.add(w) for w in CLAIM_NOUNS), strings.add("according"))
    return _HASHES["value"]


_HASHES: dict[str, Any] = {}


# --- cues ---------------------------------------------------------------------------


def _verb(doc: Any, tok: Token, index: QuoteIndex, consumed: set[int]) -> Attribution | None:
    """A reporting verb: its source by the parse, its content by clause or adjacent quote."""
    top, inner = _relay(tok)
    consumed.update({top.i, inner.i})
    cue = cues()[inner.lemma_.lower()]
    if tok.dep_ == "amod" or (top is inner and _infinitive(tok)):
        return None
    source = _subject(top, relayed=top is not inner)
    stance = cue.stance
    content, target, kind = _clause_content(doc, top, inner, index, source, host=cue.needs != "object")
    cue_end = None
    if not content:
        content, target, stance = _object_content(top, stance)
        kind = "reported"
    if not content and (cue.needs == "object" or (cue.needs == "clause" and cue.lemma not in _NO_OBJECT)) \
            and _active_subject(top, source):
        content, cue_end = _complement(doc, inner)
        kind = "reported"
    if not content:
        return None
    if cue.needs == "quote" and kind != "direct":
        return None
    cue_span = _cue_span(top, inner)
    if cue_end is not None:
        cue_span = (cue_span[0], cue_end)
    att = Attribution(cue=cue_span, content=content, kind=kind, stance=stance,
                      cue_text=_text(doc)[cue_span[0]:cue_span[1]], anchor=inner.i, target=target)
    _set_source(att, source)
    att.quotes = _quotes_in(content, index)
    return att


#: Clause verbs whose bare object is a thing, not a proposition ("police found three bodies").
_NO_OBJECT = frozenset({"find", "show", "know", "believe", "think", "feel", "fear", "hope", "worry",
                        "expect", "consider", "understand", "conclude", "estimate", "predict", "see"})


def _infinitive(tok: Token) -> bool:
    """"to think", "to demand": an intention inside another clause, not a report."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _active_subject(verb: Token, source: Token | None) -> bool:
    """Attitude verbs count only with an active subject ("the attack was planned" is no claim)."""
    return source is not None and source.dep_ == "nsubj" and not any(c.dep_ == "auxpass" for c in verb.children)


def _relay(tok: Token) -> tuple[Token, Token]:
    """``X was cited as saying`` -> (cited, saying); otherwise (tok, tok)."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_.lower() in RELAY_VERBS:
        return head.head, tok
    if tok.lemma_.lower() in RELAY_VERBS:
        for prep in tok.children:
            if prep.lower_ == "as":
                for pc in prep.children:
                    if pc.dep_ == "pcomp" and pc.lemma_.lower() in cues():
                        return tok, pc
    return tok, tok


def _subject(top: Token, relayed: bool) -> Token | None:
    """The source's head word: the subject, or the relayed speaker, or an inherited subject."""
    children = list(top.children)
    if relayed:
        for c in children:
            if c.dep_ in ("nsubjpass", "dobj"):
                return c
    agent = next((c for c in children if c.dep_ == "agent"), None)
    subjects = sorted((c for c in children if c.dep_ in _SUBJ), key=lambda c: abs(c.i - top.i))
    for c in subjects[:1]:
        if not (c.dep_ == "nsubjpass" and agent is not None):
            return c
    if agent is not None:
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    if top.dep_ in ("conj", "xcomp") and top.head.i < top.i:
        return _subject(top.head, relayed=False)
    if top.dep_ == "advcl" and top.tag_ == "VBG" and top.head.i < top.i:
        return _subject(top.head, relayed=False)
    return None


def _clause_content(doc: Any, top: Token, inner: Token, index: QuoteIndex,
                    source: Token | None, host: bool = True) -> tuple[list[CharSpan], int | None, str]:
    """The content of a verb cue: a that-clause after it, an adjacent quote, else the
    clause before it ("Y, officials said") or the host clause it is tacked onto."""
    clause = _clause_extent(top, inner, source)
    comps = [c for c in list(inner.children) + list(top.children)
             if c.dep_ in ("ccomp", "csubj") or (c.dep_ == "advcl" and _bare_clause(c))]
    for obj in (c for c in top.children if c.dep_ == "dobj"):
        comps.extend(g for g in obj.children if g.dep_ in ("acl", "ccomp", "relcl") and _has_that(g, strict=True))
    right = next((c for c in comps if c.i > clause[1]), None)
    if right is not None:
        span = _span_of_subtree(right)
        hit = _quote_overlapping(span, index)
        if hit is not None:
            return [_merge(span, hit)], None, "direct"
        return [_trim(_text(doc), span)], None, "reported"
    quoted = _adjacent_quote(doc, clause, index)
    if quoted is not None:
        return [quoted], None, "direct"
    left = max((c for c in comps if c.i < clause[0]), key=lambda c: c.i, default=None)
    if left is not None:
        span = _span_of_subtree(left)
        hit = _quote_overlapping(span, index)
        if hit is not None:
            return [hit], None, "direct"
        return [_trim(_text(doc), span)], None, "reported"
    hosted = _host_clause(doc, top, clause) if host else None
    if hosted is not None:
        hit = _quote_overlapping(hosted, index)
        return [hit or hosted], None, "direct" if hit else "reported"
    if inner.lemma_.lower() == "say" and top is inner:
        obj = next((c for c in top.children if c.dep_ in ("dobj",) or (c.dep_ == "advmod" and c.lower_ == "much")), None)
        if obj is not None and obj.i > top.i and obj.pos_ != "PRON" or (obj is not None and obj.lower_ in ("what", "this", "that", "it")):
            return [_trim(_text(doc), _span_of_subtree(obj))], None, "reported"
    return [], None, ""


def _object_content(top: Token, stance: str) -> tuple[list[CharSpan], int | None, str]:
    """A denial or claim with an object: "denied the reports", "claimed responsibility",
    "disputed by Kabul as 'baseless propaganda'" (the characterisation is the content)."""
    target = None
    for c in top.children:
        lemma = c.lemma_.lower()
        if c.dep_ == "dobj" and lemma == "responsibility":
            return [_span_of_subtree(c)], None, "claim-responsibility"
        if c.dep_ == "dobj" and (stance in ("deny", "reject") or lemma in CLAIM_NOUNS):
            target = c
        elif c.dep_ == "nsubjpass" and any(a.dep_ == "agent" for a in top.children):
            target = c  # "was endorsed by X", "disputed by Kabul": the subject is what X judged
    if target is None:
        return [], None, stance
    for c in top.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return [_span_of_subtree(pobj)], target.i, stance
    return [_span_of_subtree(target)], target.i, stance


_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"})
_COMPLEMENT_PREPS = frozenset({"for", "on", "about", "of", "against", "over"})


def _complement(doc: Any, verb: Token) -> tuple[list[CharSpan], int | None]:
    """What an attitude verb is about: "wants to X", "attacked Y for X", "called for X".

    Returns the content and, when a preposition belongs to the cue ("called for"), the
    cue's new end offset.
    """
    kids = [c for c in verb.rights]
    if any(t.lemma_ == "comment" for c in kids for t in c.subtree if t.i - verb.i <= 4):
        return [], None  # "declined to comment", "did not respond to requests for comment"
    xcomp = next((c for c in kids if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        return [_trim(_text(doc), _span_of_subtree(xcomp))], None
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None and obj.lower_ in _REFLEXIVE:
        return [], None
    if obj is not None:
        a, b = _span_of_subtree(obj)
        for c in kids:
            if c.i > obj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in ("for", "as", "of", "over"))):
                b = max(b, _span_of_subtree(c)[1])
        return [_trim(_text(doc), (a, b))], None
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS), None)
    if prep is not None and prep.i == verb.i + 1:
        pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            return [_trim(_text(doc), _span_of_subtree(pobj))], prep.idx + len(prep)
    return [], None


def _according(doc: Any, tok: Token) -> Attribution | None:
    """``according to X, Y`` / ``Y, according to X``: the sentence minus the phrase."""
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = (tok.i, max(t.i for t in pobj.subtree))
    sent = tok.sent
    left = (sent.start, phrase[0] - 1)
    right = (phrase[1] + 1, sent.end - 1)
    text = _text(doc)
    spans = []
    for a, b in (left, right):
        if b - a >= 2 and any(doc[i].pos_ in ("VERB", "AUX") and doc[i].lower_ != "according"
                                  for i in range(a, b + 1)):
            span = _trim(text, (doc[a].idx, doc[b].idx + len(doc[b])))
            if span[1] - span[0] > 10:
                spans.append(span)
    if not spans:
        return None
    cue = (tok.idx, to.idx + len(to))
    att = Attribution(cue=cue, content=spans, kind="reported", stance="assert",
                      cue_text=text[cue[0]:cue[1]], anchor=tok.i)
    _set_source(att, pobj)
    return att


def _noun(doc: Any, tok: Token, index: QuoteIndex) -> Attribution | None:
    """``claims by the militants that …``, ``the Taliban's denial that …``."""
    content = None
    source = None
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp", "appos", "relcl") and _has_that(c) and c.i > tok.i:
            content = _span_of_subtree(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            source = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "poss":
            source = c
    if content is None or source is None:
        return None
    cue = (tok.idx, tok.idx + len(tok))
    att = Attribution(cue=cue, content=[_trim(_text(doc), content)], kind="reported",
                      stance=CLAIM_NOUNS[tok.lemma_.lower()], cue_text=tok.text, anchor=tok.i,
                      target=tok.i)
    _set_source(att, source, possessive=source.dep_ == "poss")
    return att


# --- spans --------------------------------------------------------------------------


def _set_source(att: Attribution, source: Token | None, possessive: bool = False) -> None:
    """The source span: the subject's subtree (appositions included, as annotators do)."""
    if source is None:
        return
    toks = [t for t in source.subtree]
    if possessive:
        toks = [t for t in toks if t.dep_ != "case"]
    first, last = toks[0], toks[-1]
    while last.i > first.i and (last.is_punct or last.dep_ == "case"):
        last = last.doc[last.i - 1]
    att.source = (first.idx, last.idx + len(last))
    att.source_root = source.i


def _cue_span(top: Token, inner: Token) -> CharSpan:
    """The cue verb with its auxiliaries and negation ("has said", "did not deny")."""
    start = top
    for c in top.lefts:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < start.i and top.i - c.i <= 3:
            start = c
            break
    end = inner if inner.i > top.i else top
    for c in end.rights:
        if c.dep_ == "prt" and c.i == end.i + 1:
            end = c
    return start.idx, end.idx + len(end)


def _clause_extent(top: Token, inner: Token, source: Token | None) -> tuple[int, int]:
    """Token range of the cue clause (cue words, auxiliaries and the source phrase)."""
    lo = min(top.i, inner.i)
    hi = max(top.i, inner.i)
    for c in top.lefts:
        if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i >= lo - 3:
            lo = min(lo, c.i)
        elif c.dep_ in _SUBJ and top is not inner and top.i - c.i < 20:  # "WSJ cites X as saying"
            lo = min(lo, c.left_edge.i)
    if source is not None and not source.is_ancestor(top):
        sub = list(source.subtree)
        if abs(sub[0].i - top.i) < 40:
            lo = min(lo, sub[0].i)
            hi = max(hi, sub[-1].i)
    for c in top.rights:
        if c.dep_ in ("agent", "npadvmod", "advmod") and c.i <= hi + 3:
            hi = max(hi, max(t.i for t in c.subtree))
    return lo, hi


def _adjacent_quote(doc: Any, clause: tuple[int, int], index: QuoteIndex) -> CharSpan | None:
    """A quote that ends right before the cue clause, or starts right after it."""
    if not index.spans:
        return None
    text = _text(doc)
    cs = doc[clause[0]].idx
    ce = doc[clause[1]].idx + len(doc[clause[1]])
    i = index.at(cs)
    if i >= 0:
        return None
    i = bisect_right(index.starts, cs) - 1
    if i >= 0 and index.spans[i][1] <= cs and _GAP_BEFORE_CUE.match(text[index.spans[i][1]:cs]):
        qa, qb = index.spans[i]
        if text[qa:qb].rstrip("\"”»’' ")[-1:] != ".":  # '…end." Next sentence' is not "…," said X
            return index.spans[i]
    j = bisect_right(index.starts, ce - 1)
    if j < len(index.spans) and _GAP_AFTER_CUE.match(text[ce:index.spans[j][0]]):
        return index.spans[j]
    return None


def _text(doc: Any) -> str:
    """The document text, joined once per document by :func:`find`."""
    text = doc.user_data.get("dateline.text")
    return text if text is not None else doc.text


def _span_of_subtree(tok: Token) -> CharSpan:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def _has_that(tok: Token, strict: bool = False) -> bool:
    """A that-/whether-clause (or, unless ``strict``, any clausal complement)."""
    marked = any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in tok.children)
    return marked or (not strict and tok.dep_ == "ccomp")


def _bare_clause(tok: Token) -> bool:
    """An adverbial clause that is really the reported one: "said after X he would ..."."""
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    if marks:
        return marks[0] in ("that", "whether")
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and tok.tag_ != "VBG"


def _trim(text: str, span: CharSpan) -> CharSpan:
    """Strip spaces and clause punctuation at the edges; keep closing quote marks."""
    a, b = span
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    return a, b


def _quote_overlapping(span: CharSpan, index: QuoteIndex) -> CharSpan | None:
    """The quote that covers most of ``span`` (a clause that is really a quotation)."""
    a, b = span
    for qa, qb in index.spans:
        if qa < b and a < qb:
            overlap = min(b, qb) - max(a, qa)
            if overlap >= 0.6 * (b - a):
                return qa, qb
    return None


def _merge(a: CharSpan, b: CharSpan) -> CharSpan:
    return min(a[0], b[0]), max(a[1], b[1])


def _quotes_in(content: list[CharSpan], index: QuoteIndex) -> set[int]:
    hits = set()
    for a, b in content:
        for i, (qa, qb) in enumerate(index.spans):
            if qa >= a and qb <= b:
                hits.add(i)
    return hits


def _host_clause(doc: Any, top: Token, clause: tuple[int, int]) -> CharSpan | None:
    """``Y, sources said.``: the cue is tacked onto the clause it reports (its head's).

    The reported part must be a clause (it has a finite verb), not an adverbial such as
    "During his years in office, he said"; a passive cue ("is considered") reports nothing.
    """
    if top.dep_ not in ("parataxis", "ccomp", "conj", "advcl", "ROOT"):
        return None
    if any(c.dep_ == "auxpass" for c in top.children):
        return None
    sent = top.sent
    lo, hi = clause
    if lo - sent.start >= 3 and doc[lo - 1].is_punct and _is_clause(doc, sent.start, lo - 1):
        return _trim(_text(doc), (sent[0].idx, doc[lo - 1].idx))
    if sent.end - 1 - hi >= 3 and doc[hi + 1].is_punct and doc[hi + 1].text in ",:" \
            and _is_clause(doc, hi + 2, sent.end):
        return _trim(_text(doc), (doc[hi + 1].idx + 1, sent[-1].idx + len(sent[-1])))
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_clause(doc: Any, start: int, end: int) -> bool:
    """Has a finite verb (or modal) between token ``start`` and ``end``."""
    return any(t.tag_ in _FINITE for t in doc[start:end])


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """Keep one attribution per content: the one whose cue sits nearest to it."""
    best: dict[CharSpan, Attribution] = {}
    for att in found:
        key = att.content[0]
        other = best.get(key)
        if other is None or _distance(att) < _distance(other):
            best[key] = att
    return sorted(best.values(), key=lambda a: a.cue[0])


def _distance(att: Attribution) -> int:
    a, b = att.content[0]
    return max(0, a - att.cue[1], att.cue[0] - b)


_LABEL_MARKS = (":", "―", "—", "–")


def _labelled_quotes(doc: Any, found: list[Attribution], index: QuoteIndex) -> list[Attribution]:
    """Quotes labelled by punctuation, not a verb: ``Smith: "…"``, ``"…" ― Jorge Falcon``,
    and headline-style ``Pence: Flowers Won't Be at Debate``."""
    used = set().union(*(a.quotes for a in found)) if found else set()
    text = _text(doc)
    out = []
    for qi, (qa, qb) in enumerate(index.spans):
        if qi in used:
            continue
        att = _label_before(doc, text, qa, qb) or _label_after(doc, text, qa, qb)
        if att is not None:
            att.quotes = {qi}
            out.append(att)
    out.extend(_headline_labels(doc, text, found, index))
    return out


def _name_att(doc: Any, name: Token, mark: int, content: CharSpan, kind: str) -> Attribution | None:
    """An attribution whose source is the entity (or word) ``name`` and whose cue is a mark."""
    if name.ent_type_ not in ("PERSON", "ORG", "NORP") and name.pos_ not in ("PRON", "PROPN"):
        return None
    ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
    src = (ent.start_char, ent.end_char) if ent is not None else (name.idx, name.idx + len(name))
    root = ent.root.i if ent is not None else name.i
    return Attribution(cue=(mark, mark + 1), content=[content], kind=kind, stance="assert",
                       cue_text=_text(doc)[mark], source=src, source_root=root, anchor=name.i)


def _label_before(doc: Any, text: str, qa: int, qb: int) -> Attribution | None:
    j = qa - 1
    while j >= 0 and text[j] in " \t\xa0":
        j -= 1
    if j < 1 or text[j] not in _LABEL_MARKS:
        return None
    mark = doc.char_span(j, j + 1, alignment_mode="expand")
    if mark is None or mark.start == 0:
        return None
    return _name_att(doc, doc[mark.start - 1], j, (qa, qb), "direct")


def _label_after(doc: Any, text: str, qa: int, qb: int) -> Attribution | None:
    j = qb
    while j < len(text) and text[j] in " \t\xa0":
        j += 1
    if j >= len(text) - 1 or text[j] not in ("―", "—"):
        return None
    k = j + 1
    while k < len(text) and text[k] in " \t\xa0":
        k += 1
    after = doc.char_span(k, k + 1, alignment_mode="expand")
    if after is None:
        return None
    return _name_att(doc, doc[after.start], j, (qa, qb), "direct")


def _headline_labels(doc: Any, text: str, found: list[Attribution], index: QuoteIndex) -> list[Attribution]:
    """``Pence: Gennifer Flowers Won't Be at Debate`` on a line of its own (a headline)."""
    out = []
    start = 0
    for line in text.split("\n"):
        colon = line.find(": ")
        if 0 < colon <= 40 and len(line) - colon > 20 and len(line) < 200 and index.at(start) < 0:
            mark = doc.char_span(start + colon, start + colon + 1, alignment_mode="expand")
            if mark is not None and mark.start > 0 and doc[mark.start - 1].pos_ == "PROPN" \
                    and mark.start - doc[mark.start - 1].sent.start <= 4:
                content = _trim(text, (start + colon + 1, start + len(line)))
                att = _name_att(doc, doc[mark.start - 1], start + colon, content, "reported")
                if att is not None and not any(a.content[0][0] < content[1] and content[0] < a.content[-1][1] for a in found):
                    out.append(att)
        start += len(line) + 1
    return out


def _drop_trailing_relative(doc: Any, span: CharSpan, index: QuoteIndex) -> CharSpan:
    """Cut ", which …"/", who …" at the end of reported content: the writer's aside."""
    a, b = span
    if index.at(a) >= 0:
        return span
    toks = doc.char_span(a, b, alignment_mode="expand")
    if toks is None:
        return span
    for tok in toks:
        if tok.dep_ == "relcl" and tok.head.i >= toks.start:
            first = tok.left_edge
            if first.i > toks.start and doc[first.i - 1].text == "," and first.lower_ in ("which", "who"):
                last = max(t.i for t in tok.subtree)
                if last >= toks.end - 2:
                    cut = doc[first.i - 1].idx
                    return _trim(_text(doc), (a, cut))
    return span


def _continuations(doc: Any, found: list[Attribution], index: QuoteIndex) -> None:
    """``"…," said Aman. "…"``: a quote right after a quoted attribution is its second part."""
    used = set().union(*(a.quotes for a in found)) if found else set()
    text = _text(doc)
    for att in found:
        if att.kind != "direct":
            continue
        last = max(att.quotes, default=-1)
        nxt = last + 1
        if last < 0 or nxt >= len(index.spans) or nxt in used:
            continue
        qa, qb = index.spans[nxt]
        gap_from = max(att.cue[1], att.source[1] if att.source else 0, att.content[-1][1])
        gap = text[gap_from:qa]
        if gap_from <= qa and len(gap) < 80 and "\n" not in gap.strip(" ") and '"' not in gap \
                and gap.count(".") <= 1 and len(text[qa:qb].split()) >= 3:
            if not any(f is not att and f.cue[0] >= gap_from and f.cue[0] < qb for f in found):
                att.content.append((qa, qb))
                att.quotes.add(nxt)
                used.add(nxt)
