"""Offline fit of the default tier (`coefficients.json`, model standaard-5).

score = a x (words per sentence + wz x (7 - mean over all words of min(Zipf, 6)) + wo x officialese + wp x passive
+ wn x nominal style, the last three per sentence) + c. The weights are chosen on a grid on the calibration halves
of BOTH data sets jointly (Amsterdam sentence-pair accuracy plus Spearman with LiNT-II); both measures ignore scale,
so a least-squares line onto LiNT-II's scores of the calibration sentences then puts the result on LiNT-II's 0-100
scale. standaard-5 differs from standaard-4 only in its features (issue 14): numbers and codes are one word each at
the Zipf cap, and rare compounds count as their head (`readability/features.py`); the grid chose wz = 20, wo = 0,
wp = 5, wn = 2. `--cv` runs 5-fold cross-validation on the calibration data: the plain-language counts raise
sentence pairs from 67.9% to 70.2% and the pooled out-of-fold Spearman from 0.377 to 0.398 over the two-term model
(for standaard-4: 66.7% to 68.9%, 0.592 to 0.609), so they are kept. A richer variant (LiNT-II's formula over our
four feature estimates, plus the two terms) did no better than the two terms alone (sentence pairs 65.4% vs 67.0%,
Spearman 0.75 vs 0.75).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from denkraam.analysis.text.readability.model import LinearModel

from .common import DEFAULT_VERSION, PLAIN_LANGUAGE, CalibrationData, calibration_data, fold, rank, spearman

DEFAULT_WEIGHTS = tuple(weight / 2 for weight in range(10, 61))  # 5.0, 5.5, ..., 30.0 for (7 - capped Zipf)
PLAIN_WEIGHTS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0)  # per hit per sentence


def weight_grid(*, plain: bool = True) -> list[tuple[float, ...]]:
    """(wz, w_officialese, w_passive, w_nominal), smaller plain-language weights first (ties keep the simpler)."""
    extra = [(0.0, 0.0, 0.0)]
    if plain:
        extra = sorted(
            ((a, b, c) for a in PLAIN_WEIGHTS for b in PLAIN_WEIGHTS for c in PLAIN_WEIGHTS), key=lambda w: (sum(w), w)
        )
    return [(wz, *rest) for rest in extra for wz in DEFAULT_WEIGHTS]


def best_weights(
    complex_x: np.ndarray,
    simple_x: np.ndarray,
    lint_x: np.ndarray,
    truth: Sequence[float],
    grid: Sequence[tuple[float, ...]],
) -> tuple[float, ...]:
    """The grid point with the highest sentence-pair accuracy + Spearman (the first among equal scores)."""
    truth_ranks = np.array(rank(list(truth)))
    best, best_score = grid[0], -np.inf
    for weights in grid:
        w = np.array((1.0, *weights))
        accuracy = float(np.mean(simple_x @ w < complex_x @ w))
        rho = float(np.corrcoef(np.array(rank(list(lint_x @ w))), truth_ranks)[0, 1])
        score = accuracy + rho
        if score > best_score + 1e-12:
            best, best_score = weights, score
    return best


def fit_default_model(data: CalibrationData | None = None) -> LinearModel:
    """Fit the default tier on the calibration halves of both data sets; return the model (not yet saved)."""
    data = data or calibration_data()
    weights = best_weights(data.complex_x, data.simple_x, data.lint_x, list(data.truth), weight_grid())
    slope, offset = np.polyfit(data.lint_x @ np.array((1.0, *weights)), data.truth, 1)
    wz, *plain = weights
    coefficients = {"words": round(float(slope), 6), "zipf_capped": round(float(-slope * wz), 6)}
    for name, weight in zip(PLAIN_LANGUAGE, plain, strict=True):
        if weight:
            coefficients[name] = round(float(slope * weight), 6)
    return LinearModel(
        version=DEFAULT_VERSION,
        intercept=round(float(offset + slope * wz * 7.0), 6),
        coefficients=coefficients,
        means={},
        scales={},
    )


def cross_validate_default(*, folds: int = 5) -> dict[str, dict[str, float]]:
    """5-fold cross-validation on the CALIBRATION data only: the two-term model against the one with the
    plain-language counts. Folds by sha1 of the Amsterdam document id / LiNT-II key; each fold's weights are
    chosen on the other folds. Returns per variant the pooled sentence-pair accuracy and Spearman of the pooled
    out-of-fold LiNT-II predictions (each divided by its words weight, so folds share a scale)."""
    data = calibration_data()
    truth = data.truth
    pair_fold = np.array([fold(pair.document, folds) for pair in data.pairs])
    lint_fold = np.array([fold(item.key, folds) for item in data.lint])
    result: dict[str, dict[str, float]] = {}
    for variant, grid in (("two terms", weight_grid(plain=False)), ("plus plain language", weight_grid())):
        correct, predicted = 0, np.zeros(len(data.lint))
        for k in range(folds):
            train_pairs, train_lint = pair_fold != k, lint_fold != k
            weights = best_weights(
                data.complex_x[train_pairs],
                data.simple_x[train_pairs],
                data.lint_x[train_lint],
                truth[train_lint],
                grid,
            )
            w = np.array((1.0, *weights))
            test = pair_fold == k
            correct += int(np.sum(data.simple_x[test] @ w < data.complex_x[test] @ w))
            predicted[lint_fold == k] = data.lint_x[lint_fold == k] @ w
        result[variant] = {
            "sentence pairs": correct / len(data.pairs),
            "Spearman": spearman(list(predicted), list(truth)),
        }
    return result
