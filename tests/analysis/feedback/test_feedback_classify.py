"""Classification by need and sentiment, measured on the hand-written held-out set (not used in training)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from denkraam.analysis.feedback import NEEDS, SENTIMENTS, classify_comment
from denkraam.analysis.feedback.classify import MODEL_PATH

TEST_SET = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "feedback" / "labelled_comments.tsv"


def _labelled() -> list[dict[str, str]]:
    with TEST_SET.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_it_gets_most_needs_right_on_held_out_comments() -> None:
    rows = _labelled()
    correct = sum(classify_comment(row["text"]).need == row["need"] for row in rows)
    assert len(rows) >= 150
    assert correct / len(rows) >= 0.75


def test_it_gets_most_sentiments_right_on_held_out_comments() -> None:
    rows = _labelled()
    correct = sum(classify_comment(row["text"]).sentiment == row["sentiment"] for row in rows)
    assert correct / len(rows) >= 0.75


def test_it_names_the_words_that_decided_and_leaves_out_function_words() -> None:
    result = classify_comment("Ik heb een uur in de wacht gestaan aan de telefoon, belachelijk.")
    assert (result.need, result.sentiment) == ("gemak", "negatief")
    assert "belachelijk" in result.evidence_words
    assert not {"de", "een", "ik", "heb"} & set(result.evidence_words)


def test_it_returns_labels_of_the_frame_with_a_confidence_between_0_and_1() -> None:
    result = classify_comment("Mijn gegevens zijn zonder toestemming gedeeld, ik vertrouw jullie niet meer.")
    assert result.need in NEEDS and result.sentiment in SENTIMENTS
    assert 0.0 < result.confidence <= 1.0
    assert result.need == "vertrouwen"


def test_a_comment_without_known_words_is_overig_and_neutral() -> None:
    result = classify_comment("???")
    assert (result.need, result.sentiment, result.confidence) == ("overig", "neutraal", 0.0)


def test_placeholders_do_not_count_as_words() -> None:
    assert classify_comment("[NAAM] [BSN]").evidence_words == []


def test_the_model_is_plain_json_data() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["need"]["classes"]) == set(NEEDS)
    assert set(data["sentiment"]["classes"]) == set(SENTIMENTS)
