"""text stage: turn scraped text into clean article text, recording every repair.

Scraped articles arrive with scars: a ``date 2021-08`` header and a photo credit on
the first line, sentences glued where links were cut (``Doha.As``, ``saying.to``),
mojibake. We repair what we can and record each change (in raw-text offsets) on the
document, so that evidence spans, which point into the repaired text, stay auditable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import ftfy

from dateline.records import Document, Repair
from dateline.text import guards

# "date 2021-08", "published: 2021-08-03", "title Foo" ... at the very top of a file.
_HEADER_KEYS = {"date": "published", "published": "published", "title": "title",
                "url": "url", "source": "source"}
_HEADER_LINE = re.compile(r"^[ \t]*(date|published|title|url|source)[ \t]*:?[ \t]+(.+?)[ \t]*$",
                          re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")
# A photo/image credit: "© AP/Rahmat Gul", "Photo: Reuters", "Image credit: ...".
_CREDIT = re.compile(r"(?:©|\(c\)|\b(?:photo|image|picture)(?: credit)?\s*:)\s*\S.*$", re.IGNORECASE)
# Glued sentences: "Doha.As", "saying.to", "officials,The". Domains and initials are kept.
_GLUED = re.compile(r"(?<=[a-z]{2})([.!?,;])(?=[A-Za-z][a-z])")
_GLUED_QUOTE = re.compile(r"(?<=[a-z])([.!?]\")(?=[A-Z])")
_NOT_GLUED_RIGHT = re.compile(r"(?:com|org|net|gov|edu|int|mil|io|uk|de|fr|ru|cn|html?|php|aspx?|jpe?g|png|pdf)\b",
                              re.IGNORECASE)


@dataclass
class _Edit:
    start: int
    end: int
    after: str
    kind: str


def prepare(
    raw: str,
    *,
    published: str = "",
    url: str = "",
    title: str = "",
    source: str = "",
    origin: str = "",
) -> Document:
    """Repair ``raw`` and build the :class:`Document`; header fields fill what the caller left empty."""
    fields = {"published": published, "url": url, "title": title, "source": source}
    cut = guards.cut_point(raw)
    head = raw[:cut]
    edits = [_Edit(a, b, after, kind) for a, b, after, kind in guards.pathological_runs(head, cut)]
    edits.extend(_Edit(m.start(), m.end(), "", "nul") for m in re.finditer("\x00+", head))
    body_start = _read_header(head, fields, edits)
    edits.extend(_glued_sentences(head, body_start))
    text, repairs = _apply(head, edits)
    if cut < len(raw):
        repairs.append(Repair("truncated", cut, len(raw), guards.short(raw[cut:]), ""))
    text, repairs = _fix_encoding(text, repairs)
    day, precision = normalise_published(fields["published"])
    if (fields["published"] or "").strip() and not day:
        repairs.append(Repair("date-dropped", 0, 0, guards.short(fields["published"]), ""))
    return Document(
        text=text, title=fields["title"], url=fields["url"], source=fields["source"] or _site(fields["url"]),
        published=day, published_precision=precision, origin=origin, repairs=repairs,
    )


def normalise_published(value: str) -> tuple[str, int | None]:
    """``"2021-08"`` -> (``"2021-08"``, 3); ``"2021-08-03T10:00Z"`` -> (``"2021-08-03"``, 1).

    Precision uses ACLED's codes: 1 day, 3 month (a year alone is also 3: widest we code).
    Strict: a date that does not exist (``2021-13-45``), one outside 1900 to next year
    (``0001-01-01``), or a value with no four-digit year (``-1``, ``1e308``, ``3 days
    ago``: relative to when it is read, not to the article) gives ``("", None)``.
    """
    value = (value or "").strip()
    if not value or len(value) > 100:
        return "", None
    m = _ISO_DATE.match(value)
    if m:
        year, month, day = m.groups()
        if not _real_date(int(year), int(month or 1), int(day or 1)):
            return "", None
        if day:
            return f"{year}-{month}-{day}", 1
        if month:
            return f"{year}-{month}", 3
        return year, 3
    if not _YEAR.search(value):
        return "", None
    import dateparser  # slow import: only for non-ISO dates ("Tue, 03 Aug 2021 ...")

    try:
        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                   "PARSERS": ["custom-formats", "absolute-time"]})
    except (ValueError, OverflowError):
        return "", None
    if parsed is None or not _real_date(parsed.year, parsed.month, parsed.day):
        return "", None
    return parsed.date().isoformat(), 1


_YEAR = re.compile(r"(?<![\d.eE+-])(?:1[89]|2[01])\d{2}(?![\d.])")


def _real_date(year: int, month: int, day: int) -> bool:
    """A calendar date a news article could carry: it exists, from 1900 to next year."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= date.today().year + 1


def _read_header(raw: str, fields: dict[str, str], edits: list[_Edit]) -> int:
    """Consume ``key value`` header lines (and photo credits) at the top; return where the body starts."""
    pos = 0
    while pos < len(raw):
        line_end = raw.find("\n", pos)
        line_end = len(raw) if line_end < 0 else line_end
        line = raw[pos:line_end]
        if not line.strip():
            pos = line_end + 1
            continue
        short_line = len(line) <= 1000  # a header line is short; and long lines would cost the regexes
        header = _HEADER_LINE.match(line) if short_line else None
        credit = _CREDIT.match(line.strip()) if short_line else None
        if not header and not credit:
            break
        if header:
            key, value = _HEADER_KEYS[header.group(1).lower()], header.group(2)
            credit_in_line = _CREDIT.search(value)
            if credit_in_line:
                value = value[: credit_in_line.start()].strip()
            if not fields[key]:
                fields[key] = value
        edits.append(_Edit(pos, min(line_end + 1, len(raw)), "", "credit" if credit and not header else "header"))
        pos = line_end + 1
    # Drop the blank lines between the header and the body too.
    body = pos
    while body < len(raw) and raw[body] in " \t\r\n":
        body += 1
    if edits and body > edits[-1].end:
        edits.append(_Edit(edits[-1].end, body, "", "whitespace"))
    return body


def _glued_sentences(raw: str, start: int) -> list[_Edit]:
    """Insert the space a cut link swallowed: ``Doha.As`` -> ``Doha. As``."""
    edits = []
    for pattern in (_GLUED, _GLUED_QUOTE):
        for m in pattern.finditer(raw, start):
            after = raw[m.end():m.end() + 8]
            before = raw[max(0, m.start() - 30):m.start()]
            if _NOT_GLUED_RIGHT.match(after) or "/" in before.split(" ")[-1] or "www" in before[-12:]:
                continue
            edits.append(_Edit(m.end(), m.end(), " ", "split-glued"))
    return sorted(edits, key=lambda e: e.start)


def _apply(raw: str, edits: list[_Edit]) -> tuple[str, list[Repair]]:
    """Apply non-overlapping edits left to right; repairs keep raw offsets."""
    out, repairs, pos = [], [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue
        out.append(raw[pos:e.start])
        out.append(e.after)
        before = raw[e.start:e.end]
        repairs.append(Repair(e.kind, e.start, e.end, guards.short(before) if e.kind in guards.KINDS else before,
                              e.after))
        pos = e.end
    out.append(raw[pos:])
    return "".join(out).rstrip(), repairs


def _fix_encoding(text: str, repairs: list[Repair]) -> tuple[str, list[Repair]]:
    """Undo mojibake (``â€™`` -> ``'``) with ftfy, recorded as one repair of the whole text."""
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
    if fixed != text:
        repairs = [*repairs, Repair("encoding", 0, len(text), "", "ftfy.fix_text")]
    return fixed, repairs


def _site(url: str) -> str:
    m = re.match(r"^[a-z]+://(?:www\.)?([^/]+)", url or "")
    return m.group(1) if m else ""
