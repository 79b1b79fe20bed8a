"""The evaluation commands: the fixed train/test split, the e2e scorer, one path through the pipeline."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.evaluate.split import in_part, part_of, select

EVAL_COMMANDS = ("geo", "events", "plover", "quotes")


# --- the split ----------------------------------------------------------------------------------

def test_part_of_is_sha1_mod_3() -> None:
    for key in ("1", "2", "3", "lgl-39417291", "breitbart_2016-09-12_x", "PLOVER-GSR01-AGREE-0003", "0"):
        expected = "test" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "train"
        assert part_of(key) == expected
    assert [part_of(k) for k in ("1", "2", "3", "6")] == ["test", "test", "train", "train"]


def test_about_a_third_of_keys_are_test_and_parts_partition_the_items() -> None:
    keys = [str(i) for i in range(3000)]
    test = select(keys, str, "test")
    train = select(keys, str, "train")
    assert 900 < len(test) < 1100
    assert sorted(test + train, key=int) == keys and select(keys, str, "all") == keys
    with pytest.raises(ValueError):
        in_part("1", "dev")


@pytest.mark.parametrize("name", EVAL_COMMANDS)
def test_every_eval_command_takes_part(name: str) -> None:
    out = CliRunner().invoke(main, ["eval", name, "--help"])
    assert out.exit_code == 0 and "--part [train|test|all]" in out.output
    bad = CliRunner().invoke(main, ["eval", name, __file__, "--part", "dev"])
    assert bad.exit_code == 2 and "dev" in bad.output
