"""Calibration data, the reproducible split, and the offline fit of the coefficients in `data/`.

Run `python -m denkraam.analysis.text.readability.calibration [--deep] [--cv]` from a checkout that has the shared
data folder beside it; it rewrites `data/coefficients.json` (or `coefficients_deep.json`). Never runs on import.

Default tier (`fit_default_model`): score = a x (words per sentence + wz x (7 - mean over all words of
min(Zipf, 6)) + wo x officialese + wp x passive + wn x nominal style, the last three per sentence) + c. The
weights are chosen on a grid on the calibration halves of BOTH data sets jointly (Amsterdam sentence-pair accuracy
plus Spearman with LiNT-II); a and c then map the result linearly onto LiNT-II's scores of the calibration
sentences. `--cv` runs 5-fold cross-validation on the calibration data: the plain-language counts raised sentence
pairs from 66.7% to 68.9% and the out-of-fold Spearman from 0.592 to 0.609 over the two-term model (standaard-3),
so they are kept. A richer variant (LiNT-II's formula over our four feature estimates, plus the two terms) did
no better than the two terms alone (sentence pairs 65.4% vs 67.0%, Spearman 0.75 vs 0.75).
Deep tier (`calibration_deep.py`, `--deep`): the standaard-4 terms with their weights unchanged, plus frog-based
terms chosen by forward selection in cross-validation on the same calibration data (see that module).

Split (documented in docs and BENCHMARKS.md): an item is in the calibration part when the first 8 hex digits
of sha1(key) modulo 100 fall below the share (50 for LiNT-II sentences, key "text_id:sent_idx"; 70 for the
Amsterdam corpus, key "amsterdam:<Document ID>", so sentence pairs and the document pair of one document
always land on the same side). Everything else is held out and only ever measured.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AmsterdamPair",
    "LintSentence",
    "default_data_dir",
    "in_calibration",
    "load_amsterdam_documents",
    "load_amsterdam_sentences",
    "load_lint_sentences",
]

LINT_CALIBRATION_PERCENT = 50
AMSTERDAM_CALIBRATION_PERCENT = 70


def default_data_dir() -> Path:
    """`shared/data/readability` beside the repository checkout."""
    return Path(__file__).resolve().parents[5] / ".." / "shared" / "data" / "readability"


def in_calibration(key: str, percent: int) -> bool:
    """Stable split: True for about `percent`% of keys, the same on every machine and Python version."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100 < percent


@dataclass(frozen=True, slots=True)
class LintSentence:
    key: str
    text: str
    score: float
    calibration: bool


@dataclass(frozen=True, slots=True)
class AmsterdamPair:
    document: str
    complex: str
    simple: str
    calibration: bool


def load_lint_sentences(data_dir: Path | None = None) -> list[LintSentence]:
    """The LiNT-II example sentences that have a score."""
    folder = (data_dir or default_data_dir()) / "lint_ii_examples"
    rows: list[LintSentence] = []
    with open(folder / "lint_ii_sentences.jsonl", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("lint_score") is None:
                continue
            key = f"{item['text_id']}:{item['sent_idx']}"
            rows.append(
                LintSentence(
                    key, item["sentence"], float(item["lint_score"]), in_calibration(key, LINT_CALIBRATION_PERCENT)
                )
            )
    return rows


def _amsterdam_calibration(document: str) -> bool:
    return in_calibration(f"amsterdam:{document}", AMSTERDAM_CALIBRATION_PERCENT)


def load_amsterdam_sentences(data_dir: Path | None = None) -> list[AmsterdamPair]:
    """Sentence pairs; rows with the anonymisation filler 'xxx xxx xxx' are left out."""
    path = (data_dir or default_data_dir()) / "amsterdam_complex_simple" / "complex-simple-v1-anonymized.csv"
    pairs: list[AmsterdamPair] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            complex_text, simple_text = row["Complex"].strip(), row["Simple"].strip()
            if not complex_text or not simple_text or "xxx xxx" in complex_text + simple_text:
                continue
            document = row["Document ID"].strip()
            pairs.append(AmsterdamPair(document, complex_text, simple_text, _amsterdam_calibration(document)))
    return pairs


def load_amsterdam_documents(data_dir: Path | None = None) -> list[AmsterdamPair]:
    """The 48 document-level pairs."""
    path = (data_dir or default_data_dir()) / "amsterdam_complex_simple" / "doc_level_pairs.jsonl"
    pairs: list[AmsterdamPair] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            document = str(item["document_id"])
            pairs.append(AmsterdamPair(document, item["complex"], item["simple"], _amsterdam_calibration(document)))
    return pairs


def pair_accuracy(pairs: Sequence[AmsterdamPair], score: Callable[[str], float]) -> float:
    """Share of pairs where the simple side scores strictly easier (ties count as failures)."""
    if not pairs:
        return 0.0
    return sum(score(pair.simple) < score(pair.complex) for pair in pairs) / len(pairs)


def cached_frog_runner(cache_file: Path) -> Callable[[Sequence[str]], list[list[list[str]]]]:
    """A frog runner that keeps frog's rows per input line in `cache_file` (JSON lines) and runs frog only once,
    in one batch, for the lines it has not seen. For repeated offline runs (calibration, benchmark) only."""
    from .frog import run_frog

    def runner(lines: Sequence[str]) -> list[list[list[str]]]:
        cache: dict[str, list[list[str]]] = {}
        if cache_file.exists():
            with open(cache_file, encoding="utf-8") as handle:
                for raw in handle:
                    item = json.loads(raw)
                    cache[item["line"]] = item["rows"]
        missing = list(dict.fromkeys(line for line in lines if line not in cache))
        if missing:
            parsed = run_frog(missing)
            if len(parsed) != len(missing):
                raise RuntimeError(f"frog returned {len(parsed)} sentences for {len(missing)} lines")
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            with open(cache_file, "a", encoding="utf-8") as handle:
                for line, rows in zip(missing, parsed, strict=True):
                    cache[line] = rows
                    handle.write(json.dumps({"line": line, "rows": rows}, ensure_ascii=False) + "\n")
        return [cache[line] for line in lines]

    return runner


def _feature_rows(texts: Sequence[str], *, deep: bool, frog_cache: Path | None = None) -> list[dict[str, float]]:
    """Document feature vectors, with all texts' sentences parsed in one frog run for the deep tier."""
    from ..tokens import split_sentences
    from .features import aggregate, sentence_features
    from .frog import frog_features

    split = [split_sentences(text) for text in texts]
    if deep:
        runner = cached_frog_runner(frog_cache) if frog_cache else None
        everything = [sentence for sentences in split for sentence in sentences]
        flat = frog_features(everything, runner=runner) if runner else frog_features(everything)
        rows, position = [], 0
        for sentences in split:
            rows.append(aggregate(flat[position : position + len(sentences)]))
            position += len(sentences)
        return rows
    return [aggregate([sentence_features(sentence) for sentence in sentences]) for sentences in split]


# LiNT-II's own sentence formula, recovered by least squares from the 48 example sentences whose score is not
# clipped at 0 or 100 (largest error 0.001, so this is the formula the examples were scored with):
# score = 104.21 - 17.28 x word frequency + 1.62 x max dependency length + 2.54 x content words per clause
#         - 16.00 x share of concrete nouns, clamped to 0-100.
LINT_II_INTERCEPT = 104.2078
LINT_II_COEFFICIENTS: dict[str, float] = {
    "mean_log_word_frequency": -17.2837,
    "max_sdl": 1.6244,
    "content_words_per_clause": 2.5368,
    "proportion_of_concrete_nouns": -16.0013,
}
# The default tier: words per sentence + wz x (7 - mean capped Zipf of all words) + plain-language counts per
# sentence (officialese, passive, nominal style), each with its own weight. The weights are the ones that maximise
# (share of Amsterdam calibration sentence pairs with the simple side strictly easier) + (Spearman with LiNT-II on
# the LiNT-II calibration sentences); both measures ignore scale, so a least-squares line onto the LiNT-II scores
# of the calibration sentences then puts the result on LiNT-II's 0-100 scale.
DEFAULT_WEIGHTS = tuple(weight / 2 for weight in range(10, 61))  # 5.0, 5.5, ..., 30.0 for (7 - capped Zipf)
PLAIN_LANGUAGE = ("officialese", "passive", "nominal")
PLAIN_WEIGHTS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0)  # per hit per sentence
DEFAULT_VERSION = "standaard-4"


def _rank(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    position = 0
    while position < len(order):
        end = position
        while end + 1 < len(order) and values[order[end + 1]] == values[order[position]]:
            end += 1
        for index in order[position : end + 1]:
            ranks[index] = (position + end) / 2
        position = end + 1
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (ties get their mean rank)."""
    import numpy as np

    return float(np.corrcoef(_rank(a), _rank(b))[0, 1])


def _default_arrays(rows: Sequence[dict[str, float]], extra: Sequence[str] = ()):
    """Columns: words, 7 - capped Zipf, the plain-language counts, then the `extra` features (deep tier)."""
    import numpy as np

    names = (*PLAIN_LANGUAGE, *extra)
    return np.array([[row["words"], 7.0 - row["zipf_capped"]] + [row[name] for name in names] for row in rows])


def _weight_grid(*, plain: bool = True) -> list[tuple[float, ...]]:
    """(wz, w_officialese, w_passive, w_nominal), smaller plain-language weights first (ties keep the simpler)."""
    extra = [(0.0, 0.0, 0.0)]
    if plain:
        extra = sorted(
            ((a, b, c) for a in PLAIN_WEIGHTS for b in PLAIN_WEIGHTS for c in PLAIN_WEIGHTS), key=lambda w: (sum(w), w)
        )
    return [(wz, *rest) for rest in extra for wz in DEFAULT_WEIGHTS]


def _best_weights(
    complex_x, simple_x, lint_x, truth, grid: Sequence[tuple[float, ...]], *, floor: tuple[float, float] | None = None
) -> tuple[float, ...]:
    """The grid point with the highest sentence-pair accuracy + Spearman (the first among equal scores).

    With `floor` = (accuracy, Spearman), points that fall below either are skipped (the deep tier uses this so it
    is never worse than the default tier on either measure); grid[0] is the fallback."""
    import numpy as np

    truth_ranks = np.array(_rank(list(truth)))
    best, best_score = grid[0], -np.inf
    for weights in grid:
        w = np.array((1.0, *weights))
        accuracy = float(np.mean(simple_x @ w < complex_x @ w))
        rho = float(np.corrcoef(np.array(_rank(list(lint_x @ w))), truth_ranks)[0, 1])
        if floor is not None and (accuracy < floor[0] - 1e-12 or rho < floor[1] - 1e-12):
            continue
        score = accuracy + rho
        if score > best_score + 1e-12:
            best, best_score = weights, score
    return best


def _default_data(
    data_dir: Path | None, *, deep: bool = False, frog_cache: Path | None = None, extra: Sequence[str] = ()
):
    """Calibration pairs and LiNT-II sentences with their feature arrays (see `_default_arrays`)."""
    pairs = [pair for pair in load_amsterdam_sentences(data_dir) if pair.calibration]
    lint = [item for item in load_lint_sentences(data_dir) if item.calibration]
    texts = [pair.complex for pair in pairs] + [pair.simple for pair in pairs] + [item.text for item in lint]
    # One (cached) frog run for everything in the deep tier.
    x = _default_arrays(_feature_rows(texts, deep=deep, frog_cache=frog_cache), extra)
    return pairs, lint, x[: len(pairs)], x[len(pairs) : 2 * len(pairs)], x[2 * len(pairs) :]


def _fold(key: str, folds: int) -> int:
    """Cross-validation fold of a key (an Amsterdam document id or a LiNT-II key), stable across runs."""
    return int(hashlib.sha1(f"fold:{key}".encode()).hexdigest()[:8], 16) % folds


def fit_default_model(*, data_dir: Path | None = None):
    """Fit the default tier on the calibration halves of both data sets; return the model (not yet saved)."""
    import numpy as np

    from .model import LinearModel

    _, lint, complex_x, simple_x, lint_x = _default_data(data_dir)
    truth = [item.score for item in lint]
    weights = _best_weights(complex_x, simple_x, lint_x, truth, _weight_grid())
    slope, offset = np.polyfit(lint_x @ np.array((1.0, *weights)), truth, 1)
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


def cross_validate_default(*, folds: int = 5, data_dir: Path | None = None) -> dict[str, dict[str, float]]:
    """5-fold cross-validation on the CALIBRATION data only: the two-term model against the one with the
    plain-language counts. Folds by sha1 of the Amsterdam document id / LiNT-II key; each fold's weights are
    chosen on the other folds. Returns per variant the pooled sentence-pair accuracy and Spearman of the pooled
    out-of-fold LiNT-II predictions (each divided by its words weight, so folds share a scale)."""
    import numpy as np

    pairs, lint, complex_x, simple_x, lint_x = _default_data(data_dir)
    truth = np.array([item.score for item in lint])

    pair_fold = np.array([_fold(pair.document, folds) for pair in pairs])
    lint_fold = np.array([_fold(item.key, folds) for item in lint])
    result: dict[str, dict[str, float]] = {}
    for variant, grid in (("two terms", _weight_grid(plain=False)), ("plus plain language", _weight_grid())):
        correct, predicted = 0, np.zeros(len(lint))
        for k in range(folds):
            train_pairs, train_lint = pair_fold != k, lint_fold != k
            weights = _best_weights(
                complex_x[train_pairs], simple_x[train_pairs], lint_x[train_lint], truth[train_lint], grid
            )
            w = np.array((1.0, *weights))
            test = pair_fold == k
            correct += int(np.sum(simple_x[test] @ w < complex_x[test] @ w))
            predicted[lint_fold == k] = lint_x[lint_fold == k] @ w
        result[variant] = {"sentence pairs": correct / len(pairs), "Spearman": spearman(list(predicted), list(truth))}
    return result


def main() -> None:
    """Fit and store the coefficients: `python -m denkraam.analysis.text.readability.calibration [--deep]`."""
    import sys

    from .calibration_deep import FROG_CACHE, cross_validate_deep, fit_deep_model

    deep = "--deep" in sys.argv[1:]
    if "--cv" in sys.argv[1:]:
        results = cross_validate_deep() if deep else cross_validate_default()
        for variant, figures in results.items():
            print(f"{variant}: sentence pairs {figures['sentence pairs']:.3f}, Spearman {figures['Spearman']:.3f}")
        return
    model = fit_deep_model(frog_cache=FROG_CACHE) if deep else fit_default_model()
    target = Path(__file__).resolve().parent / "data" / ("coefficients_deep.json" if deep else "coefficients.json")
    target.write_text(json.dumps(model.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {model.version}")


if __name__ == "__main__":
    main()
