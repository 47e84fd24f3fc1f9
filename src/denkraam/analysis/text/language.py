"""Cheap language detection: is this text Dutch?

The check is built for Dutch; scoring an English letter with Dutch rules gives nonsense. Function words are the
cheapest reliable signal (every sentence has several), with wordfreq's Dutch and English word lists as a
tie-breaker for texts with few function words, such as lists or headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

LanguageCode = Literal["nl", "en", "onbekend"]

# Overlapping words ("in", "is", "die", "men", "over", ...) are left out on purpose: they tell nothing.
_DUTCH = frozenset(
    """
    de het een en van dat niet op te zijn voor met als er maar om ook aan bij uit dan nog wel geen worden werd wordt
    hebben heeft heb deze dit naar kan kunnen moet moeten zou zullen zal wij we u uw ik je jij jouw hij zij ze ons
    onze hun haar wat waar wie hoe omdat want dus toch al door tot zo nu of na tegen zonder onder tussen binnen mij
    mijn wordt waren was graag hier daar welke alle veel meer ander andere elk elke iets niets altijd nooit
    """.split()
)
_ENGLISH = frozenset(
    """
    the and of to a that it for with as on be at by this from or an are was were have has had not but what all when
    there can your you we our they their which will would should could been more if about into than them these some
    only other its also who how may please us my me do does
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Below this many words the guess is unreliable; the text gets the benefit of the doubt and counts as Dutch.
MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The guessed language and the evidence: shares of Dutch and English function words."""

    code: LanguageCode
    dutch_share: float
    english_share: float


def detect_language(text: str, *, sample_chars: int = 20_000) -> LanguageGuess:
    """Guess whether `text` is Dutch ("nl"), English ("en") or something else ("onbekend").

    Only the first `sample_chars` characters are looked at: enough for a confident guess, and fast.
    """
    words = [word.lower() for word in _WORD.findall(text[:sample_chars])]
    if len(words) < MIN_WORDS:
        return LanguageGuess("nl", 0.0, 0.0)
    dutch = sum(word in _DUTCH for word in words) / len(words)
    english = sum(word in _ENGLISH for word in words) / len(words)
    if dutch >= 0.12 and dutch >= 1.5 * english:
        return LanguageGuess("nl", dutch, english)
    if english >= 0.12 and english >= 1.5 * dutch:
        return LanguageGuess("en", dutch, english)
    # Few function words (a list, a form): ask which language knows more of these words.
    known_nl = sum(_zipf(word, "nl") >= 2.5 for word in words[:300])
    known_en = sum(_zipf(word, "en") >= 2.5 for word in words[:300])
    sample = min(len(words), 300)
    if known_nl >= 0.7 * sample and known_nl > known_en:
        return LanguageGuess("nl", dutch, english)
    if known_en >= 0.7 * sample and known_en > known_nl:
        return LanguageGuess("en", dutch, english)
    return LanguageGuess("onbekend", dutch, english)


@lru_cache(maxsize=20_000)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency  # lazy: loading wordfreq's lists costs ~0.5 s and is rarely needed here

    return zipf_frequency(word, lang)
