"""Need scores: 0-100 per need of the frame, higher is better for the reader.

How a score is derived (deterministic, no randomness, no model):

1. Every finding has a weight by severity: info 1, waarschuwing 3, fout 6.
2. Findings about a place in the text (a span) are summed per need and normalised per 100 words, so a long
   text is not punished for being long: `density = sum(weights) * 100 / max(words, 100)`. The floor of 100
   words keeps one slip in a three-line note from weighing like ten.
3. That density becomes a penalty that grows fast at first and then levels off at 60 points:
   `span_penalty = 60 * (1 - exp(-density / 8))`. One warning per 100 words costs ~19 points, four cost ~47.
4. Findings about the whole text (0/0 span: a letter without a phone number, without an objection route)
   cost a fixed amount each: info 5, waarschuwing 10, fout 20.
5. `vertrouwen` and `persoonlijk` = 100 - span_penalty - fixed penalties.
6. `gemak` leans on readability as well: `ease = 100 - 1.6 * max(0, readability - 25)` (readability on LiNT's
   0-100 scale, higher is harder; level 1 texts keep ~85 or more, level 4 texts drop below ~47), and
   `gemak = 0.5 * ease + 0.5 * (100 - span_penalty) - fixed penalties`.
7. Every score is clamped to 0-100 and rounded to a whole number. A text without words gets no scores (None).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from denkraam.analysis.findings import NEED_IDS, Finding, NeedId

SEVERITY_WEIGHT = {"info": 1.0, "waarschuwing": 3.0, "fout": 6.0}
FIXED_PENALTY = {"info": 5.0, "waarschuwing": 10.0, "fout": 20.0}
MAX_SPAN_PENALTY = 60.0
DENSITY_SCALE = 8.0
MIN_WORDS_FOR_DENSITY = 100
EASE_START = 25.0
EASE_SLOPE = 1.6


def need_scores(findings: Iterable[Finding], *, words: int, readability: float | None) -> dict[NeedId, int | None]:
    """Score each need 0-100 (higher is better) from the findings and the readability score."""
    if words <= 0:
        return dict.fromkeys(NEED_IDS, None)
    span_weight = dict.fromkeys(NEED_IDS, 0.0)
    fixed = dict.fromkeys(NEED_IDS, 0.0)
    for item in findings:
        if item.end > item.start:
            span_weight[item.need] += SEVERITY_WEIGHT[item.severity]
        else:
            fixed[item.need] += FIXED_PENALTY[item.severity]
    scores: dict[NeedId, int | None] = {}
    for need in NEED_IDS:
        density = span_weight[need] * 100 / max(words, MIN_WORDS_FOR_DENSITY)
        penalty = MAX_SPAN_PENALTY * (1 - math.exp(-density / DENSITY_SCALE))
        if need == "gemak" and readability is not None:
            ease = _clamp(100 - EASE_SLOPE * max(0.0, readability - EASE_START))
            raw = 0.5 * ease + 0.5 * (100 - penalty) - fixed[need]
        else:
            raw = 100 - penalty - fixed[need]
        scores[need] = round(_clamp(raw))
    return scores


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))
