from __future__ import annotations

import csv

from denkraam.analysis.text.readability.syllables import count_syllables
from training.readability.common import DATA_DIR

GOLD = DATA_DIR / "syllables_gold"


def test_syllable_counts_match_the_gold_list_for_at_least_95_percent_of_words() -> None:
    with open(GOLD / "words_and_syllables.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    correct = sum(count_syllables(row["word"]) == int(row["syllables"]) for row in rows)
    assert len(rows) > 80
    assert correct / len(rows) >= 0.95


def test_the_vowel_group_correction_fixes_what_hyphenation_misses() -> None:
    assert count_syllables("overheid") == 3
    assert count_syllables("avond") == 2
    assert count_syllables("evaluatiecommissie") == 8


def test_every_non_empty_word_has_at_least_one_syllable() -> None:
    assert count_syllables("BTW") == 1
    assert count_syllables("") == 0
