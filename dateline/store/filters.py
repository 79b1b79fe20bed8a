"""Event filters, written once for SQLite and PostgreSQL and shared by the CLI and the API.

Values a user types (a country, a type) are matched without regard to case, but
written as ``column IN (stored values)`` so that SQLite can use its indexes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store imports this module; only its type is needed here
    from dateline.store import Store

#: Where the free-text search ``q`` looks.
SEARCH_COLUMNS = ("notes", "location", "actor1", "actor2", "admin1", "country", "sub_event_type")
ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
#: Words a user may type for a day, on purpose; anything else must be YYYY, YYYY-MM or YYYY-MM-DD.
DAY_WORDS = {"today": 0, "yesterday": 1}
_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: Punctuation that separates words in a name ("Aman," "Aman's" "al-Aman"): read as a space by
#: the word match, so "Aman" finds "Fawad Aman" but not "Hataman" or "Amanda".
_WORD_BREAKS = ",.;:'\"()[]/-"


class BadFilter(ValueError):
    """A filter value that cannot mean anything (2024-13-45, a limit of 0): the CLI and the API refuse it."""


def parse_day(value: str, name: str = "date") -> str:
    """``value`` checked and normalised: ``YYYY``, ``YYYY-MM`` or a real ``YYYY-MM-DD``; also
    ``today`` and ``yesterday`` (the local calendar). Raises :class:`BadFilter` for anything else,
    so a typo is an error rather than a silent empty result."""
    text = value.strip().lower()
    if text in DAY_WORDS:
        return (date.today() - timedelta(days=DAY_WORDS[text])).isoformat()
    match = _DAY.match(text)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            match = None
    if not match:
        raise BadFilter(f"{name} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, today or yesterday")
    return text


def check_limit(value: int, name: str = "limit") -> int:
    """A row limit must be a positive count (0 or -3 used to return everything)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BadFilter(f"{name} must be a whole number of 1 or more, not {value!r}")
    return value


@dataclass
class EventFilter:
    """The event filters the CLI (``dateline events``) and every API endpoint share."""

    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    plover_type: str | None = None
    actor: str | None = None
    q: str | None = None
    doc_id: str | None = None
    any_type: str | None = None  # an event type or a sub-event type (``dateline events --type``)
    include_historical: bool = True  # False leaves out background events (modality "historical")

    def __post_init__(self) -> None:
        """Refuse impossible dates here, where the CLI and the API both pass."""
        if self.since:
            self.since = parse_day(self.since, "since")
        if self.until:
            self.until = parse_day(self.until, "until")
        if self.since and self.until and self.since[:len(self.until)] > self.until:
            raise BadFilter(f"since ({self.since}) is after until ({self.until})")

    def where(self, store: Store) -> tuple[list[str], list[Any]]:
        """SQL conditions and their parameters.

        Country and event types are matched without regard to case, but written as
        ``column IN (stored values)`` so that SQLite can use its indexes: the stored
        spellings are read first from the (small, covering) indexes.
        """
        where: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            where.append(sql)
            params.extend(values)

        if self.country:
            add(*_in("country", _countries(store, self.country)))
        if self.admin1:
            add("LOWER(admin1) = LOWER(?)", self.admin1)
        if self.bbox:
            west, south, east, north = self.bbox
            add("latitude BETWEEN ? AND ?", south, north)
            if west <= east:
                add("longitude BETWEEN ? AND ?", west, east)
            else:  # a box across the antimeridian
                add("(longitude >= ? OR longitude <= ?)", west, east)
        if self.since:  # a date known only to the month (or year) overlaps the range if its month does
            # The leading range (the year sorts before its months and days) lets the date index
            # both seek and give the order, instead of sorting every later event.
            add("event_date >= ? AND (event_date >= ? OR event_date IN (?, ?))",
                self.since[:4], self.since, self.since[:7], self.since[:4])
        if self.until:
            add("event_date <= ?", self.until + "~")  # "2021-08" includes every day of August
        if self.event_type:
            add(*_in("event_type", _spellings(store, "event_type", self.event_type)))
        if self.sub_event_type:
            add(*_in("sub_event_type", _spellings(store, "sub_event_type", self.sub_event_type)))
        if self.any_type:
            kinds = _in("event_type", _spellings(store, "event_type", self.any_type))
            subs = _in("sub_event_type", _spellings(store, "sub_event_type", self.any_type))
            add(f"({kinds[0]} OR {subs[0]})", *kinds[1:], *subs[1:])
        if self.plover_type:
            add("UPPER(plover_type) = UPPER(?)", self.plover_type)
        # SQLite's LIKE ignores ASCII case (and its LOWER folds nothing else): LOWER() would
        # only double the cost of a scan there; PostgreSQL's LIKE needs it.
        lower = "" if store.dialect == "sqlite" else "LOWER"
        if self.actor:
            pattern = like(self.actor)
            joined = " || ' | ' || ".join(f"COALESCE({c}, '')" for c in ACTOR_COLUMNS)
            add(f"{lower}({joined}) LIKE ? ESCAPE '\\'", pattern)
        if self.q:  # one LIKE over the columns joined: a third of the cost of one per column
            joined = " || ' | ' || ".join(f"COALESCE({c}, '')" for c in SEARCH_COLUMNS)
            add(f"{lower}({joined}) LIKE ? ESCAPE '\\'", like(self.q))
        if not self.include_historical:
            add("(modality IS NULL OR modality <> 'historical')")
        if self.doc_id:
            add("event_id_cnty IN (SELECT event_id_cnty FROM event_sources WHERE doc_id = ?)", self.doc_id)
        return where, params


@dataclass
class ClaimFilter:
    """The claim filters the CLI (``dateline claims``) and the API share."""

    speaker: str | None = None  # in the speaker's name or role
    q: str | None = None  # in the quote
    about: str | None = None  # in the quote or the ids of the events it is linked to
    doc_id: str | None = None
    disputed: bool | None = None

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions and their parameters (what a user types is matched literally)."""
        where: list[str] = []
        params: list[Any] = []
        if self.speaker:  # whole words: "Aman" is not "Hataman" nor "Amanda"
            where.append(f"({words('speaker')} LIKE ? ESCAPE '\\' OR {words('speaker_role')} LIKE ? ESCAPE '\\')")
            params += [word_like(self.speaker)] * 2
        if self.q:
            where.append("LOWER(quote) LIKE ? ESCAPE '\\'")
            params.append(like(self.q))
        if self.about:
            where.append("(LOWER(quote) LIKE ? ESCAPE '\\' OR LOWER(event_ids) LIKE ? ESCAPE '\\')")
            params += [like(self.about)] * 2
        if self.doc_id:
            where.append("doc_id = ?")
            params.append(self.doc_id)
        if self.disputed is not None:
            where.append("(disputed_by IS NOT NULL AND disputed_by NOT IN ('', '[]'))" if self.disputed
                         else "(disputed_by IS NULL OR disputed_by IN ('', '[]'))")
        return where, params


def _countries(store: Store, value: str) -> list[str]:
    """The stored country names that ``value`` names, as a name (any case) or an ISO code."""
    names = _spellings(store, "country", value)
    if not names and len(value) == 3:
        names = [r["country"] for r in store.query(
            "SELECT country FROM events WHERE iso = ? LIMIT 1", (value.upper(),)) if r["country"]]
    return names


def _spellings(store: Store, column: str, value: str) -> list[str]:
    """The distinct stored values of an indexed column equal to ``value`` but for case."""
    rows = store.query(f"SELECT DISTINCT {column} AS v FROM events WHERE {column} IS NOT NULL")
    wanted = value.casefold()
    return [r["v"] for r in rows if isinstance(r["v"], str) and r["v"].casefold() == wanted]


def _in(column: str, values: list[str]) -> tuple[str, ...]:
    if not values:
        return ("1 = 0",)
    return (f"{column} IN ({', '.join('?' for _ in values)})", *values)


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (use with ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def words(column: str) -> str:
    """SQL for ``column`` lower-cased, punctuation read as spaces, padded with a space each side."""
    sql = f"LOWER(COALESCE({column}, ''))"
    for char in _WORD_BREAKS:
        sql = f"REPLACE({sql}, '{char.replace(chr(39), chr(39) * 2)}', ' ')"
    return f"(' ' || {sql} || ' ')"


def word_like(text: str) -> str:
    """A LIKE pattern for ``text`` as whole words, to match against :func:`words`."""
    spaced = " ".join("".join(" " if c in _WORD_BREAKS else c for c in text.lower()).split())
    return f"% {escape_like(spaced)} %"


def like(text: str) -> str:
    """A lower-case LIKE pattern for ``text`` anywhere in a value."""
    return f"%{escape_like(text.lower())}%"
