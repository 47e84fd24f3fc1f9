from __future__ import annotations

import os
from pathlib import Path

import pytest

from denkraam.analysis.text.readability import FrogUnavailable, assess_readability, frog_available

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "readability"

pytestmark = pytest.mark.deep


@pytest.fixture(autouse=True)
def _needs_frog() -> None:
    if not frog_available():
        if os.environ.get("CI"):
            pytest.fail("frog is not installed, but CI must run the deep tier")
        pytest.skip("frog is not installed")


def test_the_deep_tier_parses_with_frog_and_ranks_lint_levels() -> None:
    folder = DATA / "lint_ii_examples"
    easy = assess_readability((folder / "level1_text.txt").read_text(encoding="utf-8"), deep=True)
    hard = assess_readability((folder / "level4_text.txt").read_text(encoding="utf-8"), deep=True)
    assert easy.tier == "diep"
    assert easy.score < hard.score
    assert easy.level <= 2
    assert hard.level == 4
    assert all(0 <= sentence.score <= 100 for sentence in easy.sentences)


def test_the_deep_tier_counts_real_clauses_and_dependencies() -> None:
    result = assess_readability("Ik weet dat hij morgen komt, omdat hij het beloofd heeft.", deep=True)
    assert result.features["content_per_clause"] < 3
    assert result.features["max_segment"] >= 2


def test_the_deep_tier_survives_empty_text() -> None:
    assert assess_readability("", deep=True).score == 0


def test_the_message_without_frog_is_dutch_and_says_how_to_install() -> None:
    assert "apt-get install frog frogdata" in str(FrogUnavailable())
