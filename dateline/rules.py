"""Rules as data: every cue a stage matches is a rule in a JSON Lines file, with an id.

Shipped rules live beside the stage that uses them, ``dateline/<stage>/rules/*.jsonl``,
one JSON object a line::

    {"id": "acled.airstrike.aircraft", "stage": "events.acled", "label": "Air/drone strike",
     "weight": 8, "pattern": "\\\\bwarplanes?\\\\b", "why": "...",
     "examples": ["Warplanes struck the town."], "counter_examples": ["..."]}

``pattern`` is a regular expression (matched case-insensitively; ``(?-i:...)`` makes
part of it case-sensitive) or a spaCy token pattern (a list of token dicts, as
spaCy's ``Matcher`` and ``SpanRuler`` take them). ``stage`` is ``<package>.<rule set>``:
the consumer asks for its set by name (:func:`get`, :func:`groups`). ``attrs`` holds
what a rule set needs beyond a label and a weight (a claim cue's ``needs``).

Users extend or trim the shipped rules without touching code, as with
``DATELINE_ACTORS``: files named in ``$DATELINE_RULES`` (separated by ``:``) or given
to :func:`use` (the CLI's ``--rules FILE``) are read after the shipped ones. A rule
with a new id is added; one with a shipped id replaces it; ``{"id": ..., "disable":
true}`` removes it. A bad line is reported as ``path:line: message`` and skipped.
Everything is read and compiled once per set of user files.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV = "DATELINE_RULES"
PACKAGE = Path(__file__).parent
_FIELDS = frozenset({"id", "stage", "label", "weight", "pattern", "why", "examples", "counter_examples",
                     "attrs", "disable"})


class RuleError(ValueError):
    """A rule line that cannot be used; the message starts with ``path:line:``."""


@dataclass(frozen=True, eq=False)
class Rule:
    """One cue: what it matches (``pattern``), what it means (``label``, ``weight``), and why."""

    id: str
    stage: str
    label: str
    pattern: str | list[dict[str, Any]]
    weight: float = 1.0
    why: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    attrs: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""  # "path:line" it was read from

    @property
    def is_regex(self) -> bool:
        return isinstance(self.pattern, str)

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (regex rules only), compiled once."""
        return _compile(self.pattern if isinstance(self.pattern, str) else "")


@dataclass(frozen=True, eq=False)
class Group:
    """The rules of one set sharing a label and weight, matched as one alternation in
    file order (so splitting a rule in two never changes what matches)."""

    label: str
    weight: float
    regex: re.Pattern[str]
    rules: tuple[Rule, ...]


def get(stage: str) -> tuple[Rule, ...]:
    """The live rules of a set (``"events.acled"``), shipped then user rules, in file order."""
    return _load(_user_files()).get(stage, ())


def groups(stage: str) -> tuple[Group, ...]:
    """The regex rules of a set merged per (label, weight), in order of first appearance."""
    return _groups(get(stage))


def regex(stage: str, label: str) -> re.Pattern[str]:
    """One alternation of every regex rule of ``stage`` with ``label`` (never matches if none)."""
    return _by_label(get(stage)).get(label, _NEVER)


def labels(stage: str) -> dict[str, tuple[Rule, ...]]:
    """The rules of a set by label, labels in order of first appearance."""
    out: dict[str, list[Rule]] = {}
    for rule in get(stage):
        out.setdefault(rule.label, []).append(rule)
    return {k: tuple(v) for k, v in out.items()}


class Live:
    """A module-level stand-in for a compiled regex that always reads the live rules, so
    ``HISTORICAL = rules.Live("events.modality", "historical")`` honours user rule files
    loaded after import: ``HISTORICAL.search(text)`` works as on a compiled pattern."""

    def __init__(self, stage: str, label: str) -> None:
        self.stage, self.label = stage, label

    def __getattr__(self, name: str) -> Any:
        return getattr(regex(self.stage, self.label), name)

    def __repr__(self) -> str:
        return f"rules.Live({self.stage!r}, {self.label!r})"


def use(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Read these user rule files too, in this process and in the ones it starts
    (the CLI's ``--rules``: batch workers inherit the environment)."""
    extra = [str(Path(p).resolve()) for p in paths]
    if extra:
        current = [p for p in os.environ.get(ENV, "").split(os.pathsep) if p]
        os.environ[ENV] = os.pathsep.join(current + [p for p in extra if p not in current])


def all_rules() -> tuple[Rule, ...]:
    """Every live rule of every set (for the audit and for listing)."""
    return tuple(r for rules in _load(_user_files()).values() for r in rules)


# ----------------------------------------------------------------------------- loading

_NEVER = re.compile(r"(?!)")


def _user_files() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get(ENV, "").split(os.pathsep) if p)


def shipped_files() -> list[Path]:
    """The package's rule files, ``<stage>/rules/*.jsonl``, in a fixed order."""
    return sorted(PACKAGE.glob("*/rules/*.jsonl"))


@lru_cache(maxsize=8)
def _load(user_files: tuple[str, ...]) -> dict[str, tuple[Rule, ...]]:
    rules: dict[str, Rule] = {}
    for path in shipped_files():
        for rule in _read(path, strict=True):
            if isinstance(rule, Rule):
                if rule.stage.partition(".")[0] != path.parent.parent.name:
                    raise RuleError(f"{path}: rule {rule.id!r} of stage {rule.stage!r} is in another stage's folder")
                rules[rule.id] = rule
    known = {rule.stage for rule in rules.values()}
    for name in user_files:
        path = Path(name)
        if not path.is_file():
            _warn(f"{path}:0: no such rules file ({ENV} or --rules)")
            continue
        for entry in _read(path, strict=False):
            if isinstance(entry, str):
                rules.pop(entry, None)  # disabled by id
            elif entry is not None and entry.stage not in known:
                _warn(f"{entry.source}: rule {entry.id!r}: no stage reads {entry.stage!r} "
                      f"(known: {', '.join(sorted(known))})")
            elif entry is not None:
                rules[entry.id] = entry  # new, or replaces the shipped rule in place
    by_stage: dict[str, list[Rule]] = {}
    for rule in rules.values():
        by_stage.setdefault(rule.stage, []).append(rule)
    return {stage: tuple(found) for stage, found in by_stage.items()}


def _read(path: Path, strict: bool) -> Iterable[Rule | str | None]:
    """Rules of one file; a disable entry yields its id. Shipped files must be valid."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _parse(line, f"{path}:{number}")
        except RuleError as exc:
            message = f"{path}:{number}: {exc}"
            if strict:
                raise RuleError(message) from None
            _warn(message)
            yield None


def _parse(line: str, source: str) -> Rule | str:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RuleError(f"not JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise RuleError("a rule is a JSON object with an 'id'")
    unknown = set(data) - _FIELDS
    if unknown:
        raise RuleError(f"unknown field(s) {', '.join(sorted(unknown))}")
    if data.get("disable"):
        return data["id"]
    for name in ("stage", "label"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise RuleError(f"rule {data['id']!r} needs a '{name}'")
    pattern = data.get("pattern")
    if isinstance(pattern, str):
        try:
            _compile(pattern)
        except re.error as exc:
            raise RuleError(f"rule {data['id']!r}: bad regex ({exc})") from None
    elif not (isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern)):
        raise RuleError(f"rule {data['id']!r}: 'pattern' is a regex string or a list of token dicts")
    try:
        weight = float(data.get("weight", 1.0))
    except (TypeError, ValueError):
        raise RuleError(f"rule {data['id']!r}: 'weight' is a number") from None
    return Rule(
        id=data["id"], stage=data["stage"], label=data["label"], pattern=pattern, weight=weight,
        why=str(data.get("why", "")), examples=tuple(data.get("examples", ())),
        counter_examples=tuple(data.get("counter_examples", ())), attrs=dict(data.get("attrs", {})),
        source=source,
    )


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=256)
def _groups(rules: tuple[Rule, ...]) -> tuple[Group, ...]:
    keyed: dict[tuple[str, float], list[Rule]] = {}
    for rule in rules:
        if rule.is_regex:
            keyed.setdefault((rule.label, rule.weight), []).append(rule)
    return tuple(Group(label, weight, _union(members), tuple(members)) for (label, weight), members in keyed.items())


@lru_cache(maxsize=256)
def _by_label(rules: tuple[Rule, ...]) -> dict[str, re.Pattern[str]]:
    keyed: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.is_regex:
            keyed.setdefault(rule.label, []).append(rule)
    return {label: _union(members) for label, members in keyed.items()}


def _union(members: list[Rule]) -> re.Pattern[str]:
    if len(members) == 1:
        return members[0].regex
    return _compile("|".join(f"(?:{r.pattern})" for r in members))
