"""Offline fit of the deep tier (`data/coefficients_deep.json`, model diep-3). Never runs on import.

The deep tier STARTS from the default tier: the standaard-4 terms (words per sentence, 7 - capped Zipf,
officialese, passive, nominal style) keep the weights read from `coefficients.json`. Frog's parse then offers
extra terms (`DEEP_TERMS`: content words per clause from real POS tags and finite verbs, frog's longest
dependency, words before the first finite verb, subordinate clauses, passive participles from POS). Each
weight may be 0, and the grid's first point is standaard-4 itself.

Which terms to add is decided by forward selection in 5-fold cross-validation on the CALIBRATION data only
(Amsterdam calibration sentence pairs + LiNT-II calibration sentences, the folds of `calibration.py`): a term
is added when it raises out-of-fold sentence-pair accuracy + out-of-fold Spearman with LiNT-II. The chosen
terms' weights are then fitted on all calibration data with the same objective as standaard-4
(`calibration._best_weights`), restricted to points that are at least as good as standaard-4 on BOTH measures,
so on calibration data the deep tier can never be worse than the default. A least-squares line onto LiNT-II's
scores of the calibration sentences puts the result on LiNT-II's scale, as for the default tier.

Run `python -m denkraam.analysis.text.readability.calibration --deep [--cv]`; frog's output is cached in
`benchmarks/.cache/frog-sentences.jsonl` (gitignored), so only new sentences are parsed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from .calibration import (
    DEFAULT_VERSION,
    PLAIN_LANGUAGE,
    _best_weights,
    _default_data,
    _fold,
    spearman,
)

__all__ = ["DEEP_TERMS", "FROG_CACHE", "cross_validate_deep", "fit_deep_model", "select_deep_terms"]

DEEP_VERSION = "diep-3"
FROG_CACHE = Path(__file__).resolve().parents[5] / "benchmarks" / ".cache" / "frog-sentences.jsonl"

# Candidate frog terms and the weights tried for each (besides 0), in "words per sentence" units: a weight of 1
# on content words per clause makes one more content word per clause count as one more word in the sentence.
DEEP_TERMS: dict[str, tuple[float, ...]] = {
    "content_per_clause": (-0.5, -0.1, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0),
    "max_segment": (-0.25, -0.1, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5),
    "pre_finite": (-0.1, 0.05, 0.1, 0.15, 0.25, 0.5),
    "subordinate": (-2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 4.0),
    "passive_pos": (-1.0, 0.5, 1.0, 1.5, 2.0, 4.0, 6.0),
}
_EXTRA = tuple(DEEP_TERMS)


def _base_weights() -> tuple[float, ...]:
    """(wz, officialese, passive, nominal) of the default model, in words-per-sentence units."""
    from .model import load_model

    model = load_model("coefficients")
    if model.version != DEFAULT_VERSION:
        raise RuntimeError(f"the deep tier starts from {DEFAULT_VERSION}, found {model.version}")
    slope = model.coefficients["words"]
    return (
        -model.coefficients["zipf_capped"] / slope,
        *(model.coefficients.get(name, 0.0) / slope for name in PLAIN_LANGUAGE),
    )


def _grid(terms: Sequence[str], base: tuple[float, ...]) -> list[tuple[float, ...]]:
    """Weight tuples (base..., one per DEEP_TERMS entry); only `terms` vary, standaard-4 itself comes first.

    With the POS passive in play, the regex passive's weight may also drop to 0 (the parse replaces it)."""
    passive = PLAIN_LANGUAGE.index("passive") + 1
    passive_options = (base[passive], 0.0) if "passive_pos" in terms else (base[passive],)
    options = [(0.0, *DEEP_TERMS[name]) if name in terms else (0.0,) for name in _EXTRA]
    grid = []
    for regex_passive in passive_options:
        head = base[:passive] + (regex_passive,) + base[passive + 1 :]
        grid += [head + extra for extra in itertools.product(*options)]
    return sorted(grid, key=lambda w: (sum(map(abs, w[len(base) :])) + abs(w[passive] - base[passive]), w))


def _data(data_dir: Path | None, frog_cache: Path | None):
    return _default_data(data_dir, deep=True, frog_cache=frog_cache, extra=_EXTRA)


def _figures(complex_x, simple_x, lint_x, truth, weights: tuple[float, ...]) -> tuple[float, float]:
    import numpy as np

    w = np.array((1.0, *weights))
    return float(np.mean(simple_x @ w < complex_x @ w)), spearman(list(lint_x @ w), list(truth))


def _cross_validated(data, terms: Sequence[str], base: tuple[float, ...], folds: int) -> tuple[float, float]:
    """Out-of-fold (sentence-pair accuracy, Spearman of the pooled LiNT-II predictions) for a term set."""
    import numpy as np

    pairs, lint, complex_x, simple_x, lint_x = data
    truth = np.array([item.score for item in lint])
    pair_fold = np.array([_fold(pair.document, folds) for pair in pairs])
    lint_fold = np.array([_fold(item.key, folds) for item in lint])
    grid = _grid(terms, base)
    correct, predicted = 0, np.zeros(len(lint))
    for k in range(folds):
        train_pairs, train_lint = pair_fold != k, lint_fold != k
        train = (complex_x[train_pairs], simple_x[train_pairs], lint_x[train_lint], truth[train_lint])
        floor = _figures(*train, grid[0])
        w = np.array((1.0, *_best_weights(*train, grid, floor=floor)))
        test = pair_fold == k
        correct += int(np.sum(simple_x[test] @ w < complex_x[test] @ w))
        predicted[lint_fold == k] = lint_x[lint_fold == k] @ w
    return correct / len(pairs), spearman(list(predicted), list(truth))


def select_deep_terms(data, *, folds: int = 5, base: tuple[float, ...] | None = None):
    """Forward selection on cross-validated accuracy + Spearman; returns (terms, trace of (terms, figures))."""
    base = base or _base_weights()
    chosen: list[str] = []
    best = _cross_validated(data, chosen, base, folds)
    trace = [((), best)]
    while len(chosen) < len(_EXTRA):
        candidates = {
            name: _cross_validated(data, [*chosen, name], base, folds) for name in _EXTRA if name not in chosen
        }
        name, figures = max(candidates.items(), key=lambda item: sum(item[1]))
        if sum(figures) <= sum(best) + 1e-9:
            break
        chosen.append(name)
        best = figures
        trace.append((tuple(chosen), figures))
    return chosen, trace


def cross_validate_deep(*, folds: int = 5, data_dir: Path | None = None) -> dict[str, dict[str, float]]:
    """The forward-selection trace: out-of-fold figures of standaard-4 alone and after each added frog term."""
    _, trace = select_deep_terms(_data(data_dir, FROG_CACHE), folds=folds)
    return {
        ("standaard-4 terms" if not terms else "+ " + ", ".join(terms)): {"sentence pairs": acc, "Spearman": rho}
        for terms, (acc, rho) in trace
    }


def fit_deep_model(*, data_dir: Path | None = None, frog_cache: Path | None = FROG_CACHE):
    """Select the frog terms by cross-validation, fit their weights on all calibration data, return the model."""
    import numpy as np

    from .model import LinearModel

    base = _base_weights()
    data = _data(data_dir, frog_cache)
    _, lint, complex_x, simple_x, lint_x = data
    truth = [item.score for item in lint]
    terms, _ = select_deep_terms(data, base=base)
    grid = _grid(terms, base)
    floor = _figures(complex_x, simple_x, lint_x, truth, grid[0])
    weights = _best_weights(complex_x, simple_x, lint_x, truth, grid, floor=floor)
    slope, offset = np.polyfit(lint_x @ np.array((1.0, *weights)), truth, 1)
    wz, *rest = weights
    coefficients = {"words": round(float(slope), 6), "zipf_capped": round(float(-slope * wz), 6)}
    for name, weight in zip((*PLAIN_LANGUAGE, *_EXTRA), rest, strict=True):
        if weight:
            coefficients[name] = round(float(slope * weight), 6)
    return LinearModel(
        version=DEEP_VERSION,
        intercept=round(float(offset + slope * wz * 7.0), 6),
        coefficients=coefficients,
        means={},
        scales={},
    )
