"""Train the feedback classifier (need and sentiment) and store it as JSON package data.

    .venv/bin/python -m training.feedback            # writes src/denkraam/analysis/feedback/model/
    .venv/bin/python -m training.feedback --check    # only cross-validate, write nothing

Training data: `training/feedback/templates.yaml` (filled with seeded random slot values) plus the
hand-written `training/feedback/handwritten.tsv`. The held-out test set in
`benchmarks/data/feedback/labelled_comments.tsv` is never read here except to refuse any overlap with it.

The features come from `denkraam.analysis.feedback.classify.extract_features`, the same function used at run
time; scikit-learn is only needed here, never when classifying.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import string
from pathlib import Path

import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

from denkraam.analysis.feedback.classify import MODEL_PATH, NEEDS, SENTIMENTS, extract_features

ROOT = Path(__file__).resolve().parents[2]
TRAINING_DIR = Path(__file__).resolve().parent
TEST_SET = ROOT / "benchmarks" / "data" / "feedback" / "labelled_comments.tsv"
MODEL_VERSION = "1.0"
FILLS_PER_TEMPLATE = 6
SEED = 20240601
C = 4.0  # chosen by cross-validation on the training data only (see --check)


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    """Rows of (need, sentiment, text) from a tab-separated file with a header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["need"], row["sentiment"], row["text"]) for row in csv.DictReader(handle, delimiter="\t")]


def expand_templates(path: Path, *, rng: random.Random) -> list[tuple[str, str, str]]:
    """Fill every template with random slot values, a few times each, without duplicates."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    slots: dict[str, list[str]] = data["slots"]
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for cell in data["cells"]:
        for template in cell["templates"]:
            names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
            for _ in range(FILLS_PER_TEMPLATE if names else 1):
                text = template.format(**{name: rng.choice(slots[name]) for name in names})
                text = text[0].upper() + text[1:]
                if text not in seen:
                    seen.add(text)
                    rows.append((cell["need"], cell["sentiment"], text))
    return rows


def _normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def build_training_set() -> list[tuple[str, str, str]]:
    """All training rows; fails loudly when a test comment leaked into them."""
    rng = random.Random(SEED)
    rows = expand_templates(TRAINING_DIR / "templates.yaml", rng=rng) + read_tsv(TRAINING_DIR / "handwritten.tsv")
    for need, sentiment, text in rows:
        if need not in NEEDS or sentiment not in SENTIMENTS:
            raise SystemExit(f"unknown label {need}/{sentiment} for: {text}")
    test_texts = {_normalise(text) for _, _, text in read_tsv(TEST_SET)} if TEST_SET.exists() else set()
    leaked = [text for _, _, text in rows if _normalise(text) in test_texts]
    if leaked:
        raise SystemExit(f"test comments found in the training data: {leaked[:3]}")
    return rows


def train(features: list[dict[str, float]], labels: list[str]) -> dict[str, object]:
    """Fit TF-IDF + multinomial logistic regression and export it as plain numbers."""
    vectorizer = DictVectorizer()
    tfidf = TfidfTransformer(sublinear_tf=True)
    model = LogisticRegression(C=C, max_iter=3000)
    matrix = tfidf.fit_transform(vectorizer.fit_transform(features))
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights: dict[str, list[float]] = {}
    for index, name in enumerate(names):
        coefs = [round(float(model.coef_[c][index]), 4) for c in range(len(model.classes_))]
        if any(abs(v) >= 0.0005 for v in coefs):
            weights[str(name)] = [round(float(tfidf.idf_[index]), 4), *coefs]
    return {
        "classes": [str(c) for c in model.classes_],
        "intercept": [round(float(v), 4) for v in model.intercept_],
        "features": weights,
    }


def cross_validate(features: list[dict[str, float]], labels: list[str], *, name: str) -> None:
    """Print 5-fold accuracy for a few regularisation strengths (training data only)."""
    for c in (0.5, 1.0, 2.0, 4.0, 8.0, 16.0):
        pipeline = make_pipeline(
            DictVectorizer(), TfidfTransformer(sublinear_tf=True), LogisticRegression(C=c, max_iter=3000)
        )
        scores = cross_val_score(pipeline, features, labels, cv=5)
        print(f"{name}: C={c:<5} 5-fold accuracy {scores.mean():.3f}")


def main() -> None:
    """Train both models and write the JSON file (or only cross-validate with --check)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only, write nothing")
    args = parser.parse_args()

    rows = build_training_set()
    features = [dict(extract_features(text)[0]) for _, _, text in rows]
    needs = [need for need, _, _ in rows]
    sentiments = [sentiment for _, sentiment, _ in rows]
    print(f"training comments: {len(rows)}")
    if args.check:
        cross_validate(features, needs, name="need")
        cross_validate(features, sentiments, name="sentiment")
        return
    payload = {
        "version": MODEL_VERSION,
        "training_size": len(rows),
        "need": train(features, needs),
        "sentiment": train(features, sentiments),
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
