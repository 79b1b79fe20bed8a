"""Event detection: sentences -> typed triggers -> ACLED-coded events with evidence.

Per sentence: find typed triggers (:mod:`filters`), keep one event per sub-event type
(a sentence may hold several events of different types), drop anaphoric mentions of an
event already coded (:mod:`mentions`), then fill modality, place (:mod:`place`), actors
(:mod:`roles`), quantities and date, each with the span it came from.
"""
from __future__ import annotations

import hashlib
import re

from dateline.events import actors as actors_mod
from dateline.events import filters, incidents, mentions, place, roles, scope, timing
from dateline.events import modality as modality_mod
from dateline.events import plover as plover_mod
from dateline.events import taxonomy
from dateline.records import Article, Event, Span, span_of

def detect(article: Article, *, lexicon: actors_mod.Lexicon | None = None) -> None:
    """Fill ``article.events``; one pass over sentences, patterns compiled once."""
    text = article.document.text
    lex = lexicon or actors_mod.load()
    sentences = article.sentences or [span_of(text, 0, len(text))]
    year = timing.year_of(article.document.published)
    places = place.EventPlaces(article)
    when = timing.event_dates(article.dates, text)
    recent: list[tuple[int, Event]] = []  # (sentence index, event) for anaphora
    events: list[Event] = []
    background = False  # the sentence before was background ("served for years")
    for index, sentence in enumerate(sentences):
        recent = [(i, e) for i, e in recent if index - i <= _RECENT]  # anaphora reach back at most this far
        merges: list[tuple[Event, Event, taxonomy.Trigger]] = []
        own = False
        before = sentences[index - 1].start if index else sentence.start
        told_before = len(events)  # 'the next day' counts from earlier sentences, not this one's first deed
        if index and _PARAGRAPH_END.search(text, sentences[index - 1].start, sentence.start):
            background = False  # a new paragraph: the history before does not colour it
        for trig in filters.sentence_triggers(text, sentence, before, scope.can_report(article, sentence)):
            earlier = mentions.anaphoric(text, trig, index, recent) or mentions.follow_up(text, sentence, trig, index, recent)
            previous = _last_dated(events[:told_before])
            event = _build(article, places, when, previous, sentence, index, trig, lex, year, background)
            if event is None:
                continue
            if earlier is not None:
                merges.append((earlier, event, trig))
                continue
            own = True
            events.append(event)
            recent.append((index, event))
        for earlier, trig in mentions.told_again(text, sentence, index, recent):
            event = None if any(e is earlier for e, _, _ in merges) else _build(
                article, places, when, _last_dated(events[:told_before]), sentence, index, trig, lex, year, background)
            if event is not None:
                merges.append((earlier, event, trig))
        # a sentence that only retells one event may tell its day ('The strike hit the village on Tuesday')
        retells_one = not own and len({id(e) for e, _, _ in merges}) == 1
        for earlier, event, trig in merges:
            if own or mentions.quoted(text, sentence, trig) or event.modality in {"claimed", "denied", "threatened"}:
                mentions.drop_quantities(event)  # the sentence's numbers belong to its own event
            else:
                mentions.keep_clause_quantities(event, text, sentence, trig)
            backdrop = filters.BACKGROUND_CUE.search(text, trig.end, sentence.end)
            no_cue = event.evidence.get("modality") == event.evidence.get("event_type")
            if event.modality == "historical" and (backdrop or no_cue):
                event.modality = "asserted"  # the past belongs to the backdrop ("deadliest since ... 2018")
            mentions.merge(earlier, event)
            if retells_one and not taxonomy.dates_another(text, trig) and mentions.tells_the_day(earlier, event, text):
                mentions.note_told_day(earlier, event)
            recent.append((index, earlier))  # told again: still fresh for the next sentences
            cue = modality_mod.HISTORICAL.search(text, sentence.start, backdrop.start() if backdrop else sentence.end)
            dated_past = any(d.historical for d in timing.in_sentence(when, sentence))
            if cue and dated_past and earlier.modality == "asserted":  # not 'the protests had been hijacked'
                earlier.modality = "historical"
                earlier.evidence["modality"] = [span_of(text, cue.start(), cue.end())]
                if "event_date" not in earlier.evidence:
                    timing.fill_date(earlier, article.document, timing.background_date(when, sentence))
        background = _is_background(text, sentence, when)
    article.events = incidents.resolve(article, events, places)


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*$")


def _last_dated(events: list[Event]) -> Event | None:
    """The last event told with a day of its own: what 'the next day' counts from, past
    mentions in between that say no day ('the kidnapping was condemned')."""
    return next((e for e in reversed(events) if "event_date" in e.evidence and e.modality != "historical"), None)

#: how many sentences back a mention can refer to an event (the longest reach of :mod:`mentions`)
_RECENT = 10


def _is_background(text: str, sentence: Span, dates: timing.Dates) -> bool:
    """A sentence of biography or history ("served for years") colours an undated next one."""
    if any(d.historical for d in timing.in_sentence(dates, sentence)):
        return True
    return bool(modality_mod.BIOGRAPHY.search(text, sentence.start, sentence.end))


def _build(article: Article, places: place.EventPlaces, when: timing.Dates, previous: Event | None,
           sentence: Span, index: int, trig: taxonomy.Trigger,
           lex: actors_mod.Lexicon, year: int | None, background: bool = False) -> Event | None:
    text = article.document.text
    doc = article.document
    event = Event(doc_id=doc.doc_id, source=doc.source, notes=sentence.text.strip())
    ev = event.evidence
    trig_span = span_of(text, trig.start, trig.end)
    dates = timing.near(when, sentence, trig, article.nlp)
    if not dates:
        chained = timing.chained(sentence, trig, previous)
        dates = [chained] if chained else []
    historical = any(d.historical for d in dates)
    mode, cue = modality_mod.modality(text, trig.start, trig.end, sentence.start, sentence.end,
                                      historical=historical, year=year)
    if mode == "asserted" and background and not dates:
        mode = "historical"
    sub = trig.sub_event
    if mode in {"hypothetical", "negated", "planned"} and taxonomy.ACLED[sub][0] == "Strategic developments":
        return None  # "inmates that could be recruited": no development happened
    plover = taxonomy.PLOVER_OF.get(sub, "")
    if mode in {"threatened", "denied"} and taxonomy.ACLED[sub][0] != "Strategic developments":
        # a threat or a denial of violence is not violence: code the speech act
        sub, plover = "Other", "THREATEN" if mode == "threatened" else "REJECT"
    event.sub_event_type = sub
    event.event_type, event.disorder_type = taxonomy.ACLED[sub]
    event.plover_type = plover
    event.modality = mode
    how = plover_mod.mode(plover, text, sentence.start, sentence.end, near=trig.start) if plover else None
    if how is not None:
        event.plover_mode = how[0]
        ev["plover_mode"] = [span_of(text, how[1], how[2])]
    for name in ("sub_event_type", "event_type", "disorder_type", "plover_type"):
        ev[name] = [trig_span]
    ev["modality"] = [span_of(text, *cue)] if cue else [trig_span]
    ev["notes"] = [sentence]
    where = place.locate(text, places, sentence, trig, index, article.sentences)
    place.fill_place(event, where)
    roles.fill_actors(event, text, sentence, trig, lex, article.nlp)
    if sub in _NEEDS_PARTY and not event.actor1:
        return None  # "I agree with that", "a storm formed": no party, no development
    mentions.fill_quantities(event, text, sentence)
    if event.modality == "historical" and not dates:
        dates = timing.background_date(when, sentence)
    timing.fill_date(event, doc, dates)
    if event.modality == "asserted" and dates and timing.after(event.event_date, doc.published):
        event.modality = "planned"  # 'a rally next month': what is dated after the report has not happened
        ev["modality"] = [dates[0].span]
    event.event_id_cnty = incidents.event_id(event.iso, doc.doc_id, trig.start, sub)
    event.confidence = _confidence(event, trig)
    return event


#: developments that need a party named to be news: an agreement, a group's change
_NEEDS_PARTY = frozenset({"Agreement", "Change to group/activity"})


def _confidence(event: Event, trig: taxonomy.Trigger) -> float:
    """A transparent score: trigger specificity plus the fields that found evidence."""
    score = 0.35 + 0.03 * trig.weight
    score += 0.1 if event.actor1 else 0.0
    score += 0.05 if event.actor2 else 0.0
    score += 0.1 if event.location else 0.0
    score -= 0.15 if event.modality in {"hypothetical", "negated"} else 0.0
    return round(max(0.05, min(0.99, score)), 2)
