"""Calibration data, the reproducible split, and the offline fit of the coefficients in `data/`.

Run `python -m denkraam.analysis.text.readability.calibration [--deep]` from a checkout that has the shared
data folder beside it; it rewrites `data/coefficients.json` (or `coefficients_deep.json`). Never runs on import.

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


def _feature_rows(texts: Sequence[str], *, deep: bool) -> list[dict[str, float]]:
    """Document feature vectors, with all texts' sentences parsed in one frog run for the deep tier."""
    from ..tokens import split_sentences
    from .features import aggregate, sentence_features
    from .frog import frog_features

    split = [split_sentences(text) for text in texts]
    if deep:
        flat = frog_features([sentence for sentences in split for sentence in sentences])
        rows, position = [], 0
        for sentences in split:
            rows.append(aggregate(flat[position : position + len(sentences)]))
            position += len(sentences)
        return rows
    return [aggregate([sentence_features(sentence) for sentence in sentences]) for sentences in split]


def fit_model(*, deep: bool = False, data_dir: Path | None = None, lint_weight: float = 1.0, strength: float = 0.3):
    """Fit the coefficients on the calibration part only; return the model (not yet saved).

    Direction: a pairwise logistic regression (no intercept) on standardised feature differences, over the
    Amsterdam calibration pairs ("complex" harder than "simple") and all LiNT-II calibration sentence pairs whose
    scores differ by 3 or more, the two sources weighted equally (`lint_weight`). Scale: least squares of the
    LiNT-II scores (below the 100 ceiling) on that direction, so the output lands on LiNT-II's 0-100 scale.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from .features import FEATURE_NAMES
    from .model import LinearModel

    lint = [item for item in load_lint_sentences(data_dir) if item.calibration]
    pairs = [item for item in load_amsterdam_sentences(data_dir) if item.calibration]
    texts = [item.text for item in lint] + [p.complex for p in pairs] + [p.simple for p in pairs]
    matrix = np.array([[row[name] for name in FEATURE_NAMES] for row in _feature_rows(texts, deep=deep)])
    means, scales = matrix.mean(axis=0), matrix.std(axis=0)
    scales[scales == 0] = 1.0
    standard = (matrix - means) / scales
    lint_x, rest = standard[: len(lint)], standard[len(lint) :]
    complex_x, simple_x = rest[: len(pairs)], rest[len(pairs) :]
    scores = np.array([item.score for item in lint])

    amsterdam_diff = complex_x - simple_x
    lint_diff = [
        lint_x[i] - lint_x[j] if scores[i] > scores[j] else lint_x[j] - lint_x[i]
        for i in range(len(lint))
        for j in range(i + 1, len(lint))
        if abs(scores[i] - scores[j]) >= 3
    ]
    lint_diff = np.array(lint_diff)
    x = np.vstack([amsterdam_diff, -amsterdam_diff, lint_diff, -lint_diff])
    y = np.r_[
        np.ones(len(amsterdam_diff)), np.zeros(len(amsterdam_diff)), np.ones(len(lint_diff)), np.zeros(len(lint_diff))
    ]
    weights = np.r_[
        np.ones(2 * len(amsterdam_diff)),
        np.full(2 * len(lint_diff), lint_weight * len(amsterdam_diff) / len(lint_diff)),
    ]
    direction = LogisticRegression(C=strength, fit_intercept=False, max_iter=10_000)
    direction.fit(x, y, sample_weight=weights)
    w = direction.coef_[0]

    below_ceiling = scores < 100
    projection = lint_x[below_ceiling] @ w
    slope, intercept = np.polyfit(projection, scores[below_ceiling], 1)
    return LinearModel(
        version=f"{'diep' if deep else 'standaard'}-1",
        intercept=float(intercept),
        coefficients={name: round(float(slope * weight), 6) for name, weight in zip(FEATURE_NAMES, w, strict=True)},
        means={name: round(float(value), 6) for name, value in zip(FEATURE_NAMES, means, strict=True)},
        scales={name: round(float(value), 6) for name, value in zip(FEATURE_NAMES, scales, strict=True)},
    )


def main() -> None:
    """Fit and store the coefficients: `python -m denkraam.analysis.text.readability.calibration [--deep]`."""
    import sys

    deep = "--deep" in sys.argv[1:]
    model = fit_model(deep=deep)
    target = Path(__file__).resolve().parent / "data" / ("coefficients_deep.json" if deep else "coefficients.json")
    target.write_text(json.dumps(model.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {model.version}")


if __name__ == "__main__":
    main()
