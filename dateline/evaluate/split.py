"""The fixed train/test split of every gold file, shared by all evals and all tuning.

Rules are tuned on the *train* part only; the *test* part says whether they hold on
items nobody looked at while writing them. The split hashes each item's stable key
(its id in the gold file), so it never changes when items are added, reordered or
when the code changes, and anyone can recompute it without this package.

Keys: e2e doc_id; CASE row id; PLOVER record id (else its 0-based index as str);
PolNeAR article file stem; LGL docid; GeoVirus 0-based article index as str.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Part = Literal["train", "test", "all"]
PARTS: tuple[str, ...] = ("train", "test", "all")
T = TypeVar("T")


def part_of(key: str) -> Literal["train", "test"]:
    """``"test"`` for about one item in three (sha1 of the key mod 3 == 0), else ``"train"``."""
    return "test" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "train"


def in_part(key: str, part: str) -> bool:
    """Whether the item with ``key`` belongs to ``part`` (``"all"`` holds every item)."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    return part == "all" or part_of(key) == part


def select(items: Iterable[T], key: Callable[[T], str], part: str) -> list[T]:
    """The items of ``part``, in their original order."""
    return [item for item in items if in_part(key(item), part)]
