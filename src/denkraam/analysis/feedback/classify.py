"""Classify a customer comment by the need it is mainly about and by its sentiment.

Two small multinomial logistic-regression models (TF-IDF over lemmas, word pairs and lexicon counts) are stored as
plain JSON in `model/` and evaluated here in pure Python: no pickle, no scikit-learn at run time, nothing
downloaded. `python -m training.feedback` trains them with `extract_features` from this module, so training
and use see the very same features.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

NEEDS: tuple[str, ...] = ("vertrouwen", "persoonlijk", "gemak", "overig")
SENTIMENTS: tuple[str, ...] = ("positief", "negatief", "neutraal")

_PACKAGE = Path(__file__).parent
MODEL_PATH = _PACKAGE / "model" / "feedback_model.json"

# Words, numbers and our own placeholders; placeholders are dropped because "[NAAM]" says nothing about the need.
_TOKEN_RE = re.compile(r"\[[A-Z]+\]|[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+|[!?]")


@dataclass(frozen=True, slots=True)
class Classification:
    """The need and sentiment of one comment, how sure the model is (0-1) and the words that decided it."""

    need: str
    sentiment: str
    need_confidence: float
    sentiment_confidence: float
    evidence_words: list[str] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """One figure for both decisions: the lower of the two confidences."""
        return min(self.need_confidence, self.sentiment_confidence)


@dataclass(frozen=True, slots=True)
class _Lexicons:
    positive: frozenset[str]
    negative: frozenset[str]
    negators: frozenset[str]
    need_words: dict[str, str]


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    sentiment = yaml.safe_load((_PACKAGE / "lexicons" / "sentiment.yaml").read_text(encoding="utf-8"))
    needs = yaml.safe_load((_PACKAGE / "lexicons" / "needs.yaml").read_text(encoding="utf-8"))
    need_words = {word: need for need in NEEDS if need in needs for word in needs[need]}
    return _Lexicons(
        positive=frozenset(sentiment["positive"]),
        negative=frozenset(sentiment["negative"]),
        negators=frozenset(sentiment["negators"]),
        need_words=need_words,
    )


@lru_cache(maxsize=200_000)
def _lemma(token: str) -> str:
    import simplemma  # noqa: PLC0415 - loads its Dutch dictionary on first use

    return simplemma.lemmatize(token, lang="nl").lower()


def extract_features(text: str) -> tuple[Counter[str], dict[str, list[str]]]:
    """Count the features of a comment and remember which words produced each one.

    Features: `w:<lemma>`, `b:<word>_<word>` (word pairs keep "niet goed" and "te lang" together) and lexicon
    counts `lex:pos`, `lex:neg` (flipped after a negator) and `lex:need:<need>`.
    """
    lexicons = _lexicons()
    tokens = [t.lower() for t in _TOKEN_RE.findall(text) if not t.startswith("[")]
    features: Counter[str] = Counter()
    sources: dict[str, list[str]] = {}

    def add(feature: str, surface: str) -> None:
        features[feature] += 1
        sources.setdefault(feature, []).append(surface)

    for i, token in enumerate(tokens):
        lemma = _lemma(token) if token.isalpha() else token
        add(f"w:{lemma}", token)
        if i + 1 < len(tokens):
            add(f"b:{token}_{tokens[i + 1]}", f"{token} {tokens[i + 1]}")
        negated = any(tokens[j] in lexicons.negators for j in range(max(0, i - 2), i))
        if lemma in lexicons.positive or token in lexicons.positive:
            add("lex:neg" if negated else "lex:pos", token)
        elif lemma in lexicons.negative or token in lexicons.negative:
            add("lex:pos" if negated else "lex:neg", token)
        need = lexicons.need_words.get(lemma) or lexicons.need_words.get(token)
        if need:
            add(f"lex:need:{need}", token)
    return features, sources


class _LinearModel:
    """A multinomial logistic regression over sublinear TF-IDF features, read from JSON."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        # feature -> [idf, coef for class 0, coef for class 1, ...]
        self.weights: dict[str, list[float]] = data["features"]

    def scores(self, features: Counter[str]) -> tuple[list[float], dict[str, float]]:
        """Class probabilities and the tf-idf value of every known feature."""
        values: dict[str, float] = {}
        for feature, count in features.items():
            row = self.weights.get(feature)
            if row is not None:
                values[feature] = (1.0 + math.log(count)) * row[0]
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        logits = list(self.intercept)
        for feature, value in values.items():
            row = self.weights[feature]
            scaled = value / norm
            values[feature] = scaled
            for c in range(len(self.classes)):
                logits[c] += scaled * row[c + 1]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [e / total for e in exps], values

    def contributions(self, values: dict[str, float], class_index: int) -> list[tuple[float, str]]:
        """Features that pushed towards `class_index`, strongest first."""
        pushes = [(value * self.weights[f][class_index + 1], f) for f, value in values.items()]
        return sorted((p for p in pushes if p[0] > 0), reverse=True)


@dataclass(frozen=True, slots=True)
class FeedbackModel:
    """The two trained models and the version they were trained as."""

    version: str
    need: _LinearModel
    sentiment: _LinearModel


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> FeedbackModel:
    """Read the trained model from JSON (safe: data only, no code)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return FeedbackModel(
        version=data["version"], need=_LinearModel(data["need"]), sentiment=_LinearModel(data["sentiment"])
    )


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = (_PACKAGE / "lexicons" / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def _evidence(
    model: _LinearModel, values: dict[str, float], class_index: int, sources: dict[str, list[str]]
) -> list[str]:
    """The words behind the features that pushed hardest towards the chosen class, function words left out."""
    stopwords = _stopwords()
    words: list[str] = []
    for _push, feature in model.contributions(values, class_index):
        for surface in sources.get(feature, []):
            if all(part in stopwords or part.isdigit() for part in surface.split()):
                continue
            # A word pair adds nothing when one of its words is already shown.
            if " " in surface and any(part in words for part in surface.split()):
                continue
            if surface not in words:
                words.append(surface)
        if len(words) >= 4:
            break
    return words[:4]


def classify_comment(text: str) -> Classification:
    """Classify one (preferably already scrubbed) comment by need and sentiment.

    A comment without any word the model knows ("n.v.t.", "-") is `overig` and `neutraal` with low confidence.
    """
    model = load_model()
    features, sources = extract_features(text)
    need_probs, need_values = model.need.scores(features)
    sentiment_probs, sentiment_values = model.sentiment.scores(features)
    if not any(feature.startswith("w:") and feature[2:].isalpha() for feature in need_values):
        # Only punctuation, numbers or words the model never saw: nothing to base a decision on.
        return Classification("overig", "neutraal", 0.0, 0.0, [])
    need_index = max(range(len(need_probs)), key=need_probs.__getitem__)
    sentiment_index = max(range(len(sentiment_probs)), key=sentiment_probs.__getitem__)
    evidence = _evidence(model.need, need_values, need_index, sources)
    for word in _evidence(model.sentiment, sentiment_values, sentiment_index, sources):
        if word not in evidence:
            evidence.append(word)
    return Classification(
        need=model.need.classes[need_index],
        sentiment=model.sentiment.classes[sentiment_index],
        need_confidence=round(need_probs[need_index], 3),
        sentiment_confidence=round(sentiment_probs[sentiment_index], 3),
        evidence_words=evidence[:6],
    )
