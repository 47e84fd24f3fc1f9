"""The frame's rule that turns answers into a score per principle and per need.

Each rating has a score (goed 100, voldoende 67, onvoldoende 33, slecht 0 in version 1.0). "Niet van toepassing"
and unanswered questions are left out. A principle's score is the mean of its answered questions; a need's score is
the mean of its principles that have a score. Nothing answered means no score ("geen oordeel"). With several
participants the consensus rating counts; before consensus, the median of the individual ratings (see
`median_rating`). A need score falls in a band: ≥75 goed, ≥50 voldoende, ≥25 onvoldoende, otherwise slecht.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from denkraam.framework.model import Frame

# Means use fmean, not mean: mean works in exact fractions and is ten times slower, which the portfolio (a
# thousand assessments per page) feels; for these small integer scores both give the same rounded result.
BANDS: tuple[tuple[float, str], ...] = ((75.0, "goed"), (50.0, "voldoende"), (25.0, "onvoldoende"), (0.0, "slecht"))


@dataclass(frozen=True, slots=True)
class FrameScore:
    """Scores (0–100, or None when nothing was answered) per principle id and per need id."""

    principles: dict[str, float | None]
    needs: dict[str, float | None]

    def band(self, need_id: str) -> str | None:
        score = self.needs.get(need_id)
        return band_for(score) if score is not None else None


def band_for(score: float) -> str:
    """The rating band a 0–100 score falls in."""
    for threshold, band in BANDS:
        if score >= threshold:
            return band
    return BANDS[-1][1]


def score_ratings(*, frame: Frame, ratings: Mapping[str, str | None]) -> FrameScore:
    """Score a set of ratings (question id → rating id, or None / the n.v.t. id for no rating)."""
    values = {option.id: option.score for option in frame.scale}
    principle_scores: dict[str, float | None] = {}
    need_scores: dict[str, float | None] = {}
    for need in frame.needs:
        scored: list[float] = []
        for principle in need.principles:
            answered = [values[r] for q in principle.questions if (r := ratings.get(q.id)) in values]
            principle_scores[principle.id] = round(fmean(answered), 1) if answered else None
            if answered:
                scored.append(fmean(answered))
        need_scores[need.id] = round(fmean(scored), 1) if scored else None
    return FrameScore(principles=principle_scores, needs=need_scores)


def median_rating(*, frame: Frame, ratings: Iterable[str]) -> str | None:
    """The median of individual ratings; for an even count the more critical middle one. N.v.t. is left out."""
    order = {option.id: index for index, option in enumerate(frame.scale)}
    ranked = sorted(order[r] for r in ratings if r in order)
    if not ranked:
        return None
    # The scale runs from best to worst, so the higher middle index is the more critical rating.
    return frame.scale[ranked[len(ranked) // 2]].id


def counting_rating(*, frame: Frame, consensus: str | None, ratings: Sequence[str]) -> str | None:
    """The rating that counts for one question: the consensus, else the median of the individual ratings, else
    n.v.t. when everyone who answered said n.v.t.; None when nobody answered and there is no consensus."""
    if consensus is not None:
        return consensus
    median = median_rating(frame=frame, ratings=ratings)
    if median is not None:
        return median
    return frame.not_applicable.id if ratings else None


def spread(*, frame: Frame, ratings: Iterable[str]) -> int:
    """How many scale steps lie between the highest and lowest rating: 0 is full agreement."""
    order = {option.id: index for index, option in enumerate(frame.scale)}
    ranked = [order[r] for r in ratings if r in order]
    return max(ranked) - min(ranked) if ranked else 0
