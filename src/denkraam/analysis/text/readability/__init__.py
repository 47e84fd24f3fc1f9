"""Readability of Dutch text on LiNT-II's scale (0-100, higher is harder; levels 1-4).

Two tiers. "standaard" uses only Python packages and is fast enough to run on every keystroke (model standaard-5):

    score = 2.95 x words per sentence - 59.08 x mean over all words of min(Zipf, 6)
            + 14.77 x passive constructions per sentence + 5.91 x nominal-style hits per sentence + 311.60

(Zipf from wordfreq's Dutch list via the word, its lemma or, for a rare compound, its head; numbers and codes such
as dates, amounts and phone numbers are one word each at the cap, unknown words count as 0; passive and nominal
style found with the text check's own matchers), i.e. words per sentence + 20 x (7 - capped Zipf) + 5 x passive
+ 2 x nominal, mapped linearly onto LiNT-II's scale. The weights were chosen on the calibration halves of both data
sets (Amsterdam sentence pairs + Spearman with LiNT-II), the line on LiNT-II's scores of the calibration sentences
(see `training/readability/default.py` in the repository). "diep" (model diep-5) parses the text with Debian's
`frog` and measures LiNT-II's own four features the way LiNT-II does (frog's tree rewritten to UD conventions;
LiNT-II's SUBTLEX-NL and noun lists from the `lint-ii` package's data); its score is 0.85 x standaard-5 + 0.15 x
LiNT-II's formula on those features, rescaled (see `training/readability/deep.py`). Both tiers keep scores within
0-100 with soft ends (`model.bounded`). Coefficients
are data in `data/`; docs/text-check.md, "Leesniveau", documents the calibration.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..tokens import Sentence, split_sentences
from .features import aggregate, sentence_features
from .frog import FrogRunner, FrogUnavailable, frog_available, frog_features
from .model import load_model

__all__ = [
    "LEVEL_BANDS",
    "FrogUnavailable",
    "Readability",
    "SentenceReadability",
    "assess_readability",
    "frog_available",
    "level_for",
]

# LiNT-II's bands: [0,34) level 1, [34,46) level 2, [46,58) level 3, [58,100] level 4.
LEVEL_BANDS: tuple[tuple[int, int, int], ...] = ((0, 34, 1), (34, 46, 2), (46, 58, 3), (58, 101, 4))


def level_for(score: float) -> int:
    """The LiNT-II level (1-4) of a score; scores outside 0-100 are clamped first."""
    clamped = min(100.0, max(0.0, score))
    for low, high, level in LEVEL_BANDS:
        if low <= clamped < high:
            return level
    return LEVEL_BANDS[-1][2]


@dataclass(frozen=True, slots=True)
class SentenceReadability:
    """The score of one sentence; offsets point into the analysed text."""

    start: int
    end: int
    text: str
    score: float
    level: int


@dataclass(frozen=True, slots=True)
class Readability:
    """The readability of a whole text.

    `score` is computed from the document's pooled features (like LiNT-II), not as a plain mean of sentence
    scores. `features` holds that pooled feature vector, `model` the version of the coefficients used.
    """

    score: float
    level: int
    sentences: tuple[SentenceReadability, ...]
    tier: str
    features: dict[str, float] = field(default_factory=dict)
    model: str = ""


def assess_readability(
    text: str, *, sentences: list[Sentence] | None = None, deep: bool = False, runner: FrogRunner | None = None
) -> Readability:
    """Score `text` (and each of its sentences) on LiNT-II's 0-100 scale; higher is harder.

    Pass `sentences` when the caller already split the text, to avoid doing it twice. `deep=True` parses with
    frog (slow start-up, seconds) and raises FrogUnavailable when frog is not installed; `runner` is the frog to
    use (default: the one kept loaded), so a caller that parses the sentences anyway can hand over its parse.
    """
    if sentences is None:
        sentences = split_sentences(text)
    if deep:
        per_sentence = frog_features(sentences, runner=runner)
        model = load_model("coefficients_deep")
        tier = "diep"
    else:
        per_sentence = [sentence_features(sentence) for sentence in sentences]
        model = load_model("coefficients")
        tier = "standaard"
    scored: list[SentenceReadability] = []
    for sentence, features in zip(sentences, per_sentence, strict=True):
        score = model.score(features.values()) if features.words else 0.0
        scored.append(
            SentenceReadability(sentence.start, sentence.end, sentence.text, round(score, 2), level_for(score))
        )
    document_features = aggregate(per_sentence)
    document_score = model.score(document_features) if any(item.words for item in per_sentence) else 0.0
    return Readability(
        score=round(document_score, 2),
        level=level_for(document_score),
        sentences=tuple(scored),
        tier=tier,
        features={key: round(value, 4) for key, value in document_features.items()},
        model=model.version,
    )
