"""What the fits of both tiers share: the data, the reproducible split, rank statistics and the feature arrays.

Split (documented in docs/text-check.md and BENCHMARKS.md): an item is in the calibration part when the first 8 hex
digits of sha1(key) modulo 100 fall below the share (50 for LiNT-II sentences, key "text_id:sent_idx"; 70 for the
Amsterdam corpus, key "amsterdam:<Document ID>", so sentence pairs and the document pair of one document always land
on the same side). Everything else is held out and only ever measured.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from denkraam.analysis.text.readability.features import aggregate, sentence_features
from denkraam.analysis.text.readability.frog import frog_features, run_frog
from denkraam.analysis.text.tokens import split_sentences

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "benchmarks" / "data" / "readability"
# frog's output per sentence, so repeated fits and benchmark runs parse only new sentences (gitignored).
FROG_CACHE = REPO / "benchmarks" / ".cache" / "frog-sentences.jsonl"

LINT_CALIBRATION_PERCENT = 50
AMSTERDAM_CALIBRATION_PERCENT = 70
DEFAULT_VERSION = "standaard-5"
PLAIN_LANGUAGE = ("officialese", "passive", "nominal")

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

FrogRunner = Callable[[Sequence[str]], list[list[list[str]]]]


def in_calibration(key: str, percent: int) -> bool:
    """Stable split: True for about `percent`% of keys, the same on every machine and Python version."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100 < percent


def fold(key: str, folds: int) -> int:
    """Cross-validation fold of a key (an Amsterdam document id or a LiNT-II key), stable across runs."""
    return int(hashlib.sha1(f"fold:{key}".encode()).hexdigest()[:8], 16) % folds


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


def load_lint_sentences(data_dir: Path = DATA_DIR) -> list[LintSentence]:
    """The LiNT-II example sentences that have a score."""
    rows: list[LintSentence] = []
    with open(data_dir / "lint_ii_examples" / "lint_ii_sentences.jsonl", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("lint_score") is None:
                continue
            key = f"{item['text_id']}:{item['sent_idx']}"
            calibration = in_calibration(key, LINT_CALIBRATION_PERCENT)
            rows.append(LintSentence(key, item["sentence"], float(item["lint_score"]), calibration))
    return rows


def _amsterdam_calibration(document: str) -> bool:
    return in_calibration(f"amsterdam:{document}", AMSTERDAM_CALIBRATION_PERCENT)


def load_amsterdam_sentences(data_dir: Path = DATA_DIR) -> list[AmsterdamPair]:
    """Sentence pairs; rows with the anonymisation filler 'xxx xxx xxx' are left out."""
    path = data_dir / "amsterdam_complex_simple" / "complex-simple-v1-anonymized.csv"
    pairs: list[AmsterdamPair] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            complex_text, simple_text = row["Complex"].strip(), row["Simple"].strip()
            if not complex_text or not simple_text or "xxx xxx" in complex_text + simple_text:
                continue
            document = row["Document ID"].strip()
            pairs.append(AmsterdamPair(document, complex_text, simple_text, _amsterdam_calibration(document)))
    return pairs


def load_amsterdam_documents(data_dir: Path = DATA_DIR) -> list[AmsterdamPair]:
    """The 48 document-level pairs."""
    pairs: list[AmsterdamPair] = []
    with open(data_dir / "amsterdam_complex_simple" / "doc_level_pairs.jsonl", encoding="utf-8") as handle:
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


def rank(values: Sequence[float]) -> list[float]:
    """Ranks from 0, ties sharing their mean rank."""
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
    return float(np.corrcoef(rank(a), rank(b))[0, 1])


def cached_frog_runner(cache_file: Path) -> FrogRunner:
    """A frog runner that keeps frog's rows per input line in `cache_file` (JSON lines) and runs frog only once,
    in one batch, for the lines it has not seen."""

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


def feature_rows(texts: Sequence[str], *, deep: bool, frog_cache: Path | None = None) -> list[dict[str, float]]:
    """Document feature vectors, with all texts' sentences parsed in one frog run for the deep tier."""
    split = [split_sentences(text) for text in texts]
    if not deep:
        return [aggregate([sentence_features(sentence) for sentence in sentences]) for sentences in split]
    everything = [sentence for sentences in split for sentence in sentences]
    flat = frog_features(everything, runner=cached_frog_runner(frog_cache)) if frog_cache else frog_features(everything)
    rows, position = [], 0
    for sentences in split:
        rows.append(aggregate(flat[position : position + len(sentences)]))
        position += len(sentences)
    return rows


def feature_arrays(rows: Sequence[dict[str, float]], extra: Sequence[str] = ()) -> np.ndarray:
    """Columns: words, 7 - capped Zipf, the plain-language counts, then the `extra` features (deep tier)."""
    names = (*PLAIN_LANGUAGE, *extra)
    return np.array([[row["words"], 7.0 - row["zipf_capped"]] + [row[name] for name in names] for row in rows])


@dataclass(frozen=True)
class CalibrationData:
    """The calibration parts of both data sets with their feature arrays (see `feature_arrays`)."""

    pairs: list[AmsterdamPair]
    lint: list[LintSentence]
    complex_x: np.ndarray
    simple_x: np.ndarray
    lint_x: np.ndarray

    @property
    def truth(self) -> np.ndarray:
        return np.array([item.score for item in self.lint])


def calibration_data(
    data_dir: Path = DATA_DIR, *, deep: bool = False, frog_cache: Path | None = None, extra: Sequence[str] = ()
) -> CalibrationData:
    """Calibration pairs and LiNT-II sentences, all texts featurised at once (one cached frog run when deep)."""
    pairs = [pair for pair in load_amsterdam_sentences(data_dir) if pair.calibration]
    lint = [item for item in load_lint_sentences(data_dir) if item.calibration]
    texts = [pair.complex for pair in pairs] + [pair.simple for pair in pairs] + [item.text for item in lint]
    x = feature_arrays(feature_rows(texts, deep=deep, frog_cache=frog_cache), extra)
    return CalibrationData(pairs, lint, x[: len(pairs)], x[len(pairs) : 2 * len(pairs)], x[2 * len(pairs) :])
