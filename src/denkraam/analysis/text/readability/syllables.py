"""Syllable counts for Dutch words: pyphen's hyphenation, corrected by counting vowel groups.

Hyphenation points are not syllable boundaries: pyphen's nl_NL patterns give "over-heid" (2) for a word of
three syllables, and never break a lone vowel off ("avond", "sleeën"). Counting Dutch vowel groups (with the
diphthongs and long vowels as one group) fixes those; pyphen stays as a floor for words where a vowel pair is
really one sound in a loanword. Measured on the gold list in tests/analysis/test_readability_syllables.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

__all__ = ["count_syllables"]

# Longest first: Dutch vowel sequences that are one syllable. Everything else is one group per vowel letter,
# so "ua" in "evaluatie" and "ee-e" in "sleeën" become two syllables.
_VOWEL_GROUP_RE = re.compile(
    r"eeuw|ieuw|aai|ooi|oei|ieu|eau|aa|ee|oo|uu|ei|ij|ui|ou|au|oe|ie|eu|[aeiouyàáâäèéêëìíîïòóôöùúûü]"
)
_HYPHENATOR: pyphen.Pyphen | None = None


def _hyphenator() -> pyphen.Pyphen:
    global _HYPHENATOR
    if _HYPHENATOR is None:
        _HYPHENATOR = pyphen.Pyphen(lang="nl_NL")
    return _HYPHENATOR


@lru_cache(maxsize=200_000)
def count_syllables(word: str) -> int:
    """Number of syllables in a Dutch word (at least 1 for any non-empty word, 0 for an empty one)."""
    if not word:
        return 0
    lowered = word.lower()
    vowel_groups = len(_VOWEL_GROUP_RE.findall(lowered))
    if len(lowered) > 40:
        # pyphen is slow on absurdly long strings and adds nothing there.
        return max(1, vowel_groups)
    hyphen_parts = len(_hyphenator().inserted(lowered).split("-")) if lowered.isalpha() else 1
    return max(1, vowel_groups, hyphen_parts)
