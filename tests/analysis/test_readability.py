from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from denkraam.analysis.text.readability import LEVEL_BANDS, Readability, assess_readability, level_for
from denkraam.analysis.text.tokens import split_sentences
from training.readability.common import DATA_DIR


@pytest.mark.parametrize(
    ("score", "level"),
    [(0, 1), (33.99, 1), (34, 2), (45.9, 2), (46, 3), (57.99, 3), (58, 4), (100, 4), (-5, 1), (140, 4)],
)
def test_scores_fall_in_lint_ii_level_bands(score: float, level: int) -> None:
    assert level_for(score) == level


def test_level_bands_cover_the_whole_scale_without_gaps() -> None:
    assert LEVEL_BANDS[0][0] == 0
    assert LEVEL_BANDS[-1][1] > 100
    for (_, high, _), (low, _, _) in zip(LEVEL_BANDS, LEVEL_BANDS[1:], strict=False):
        assert high == low


def test_a_lint_level_one_text_scores_easier_than_a_level_four_text() -> None:
    easy = assess_readability((DATA_DIR / "lint_ii_examples" / "level1_text.txt").read_text(encoding="utf-8"))
    hard = assess_readability((DATA_DIR / "lint_ii_examples" / "level4_text.txt").read_text(encoding="utf-8"))
    assert easy.level == 1
    assert hard.level == 4
    assert easy.score < hard.score


def test_the_childrens_text_about_italy_is_easier_than_wikipedia() -> None:
    folder = DATA_DIR / "wikipedia_vs_kids_italie"
    easy = assess_readability((folder / "easy_lintii_level2_italie.txt").read_text(encoding="utf-8"))
    hard = assess_readability((folder / "hard_wikipedia_italie_intro.txt").read_text(encoding="utf-8"))
    assert easy.score < hard.score


def test_every_sentence_gets_a_score_and_a_place_in_the_text() -> None:
    text = "Wij hebben uw aanvraag ontvangen. U hoort binnen vier weken van ons."
    result = assess_readability(text)
    assert result.tier == "standaard"
    assert [s.text for s in result.sentences] == [s.text for s in split_sentences(text)]
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert 0 <= sentence.score <= 100
        assert sentence.level == level_for(sentence.score)


def test_a_bureaucratic_sentence_scores_harder_than_its_plain_version() -> None:
    plain = assess_readability("U krijgt het geld binnen vier weken. Heeft u vragen? Bel ons.")
    dense = assess_readability(
        "Indien de aanvraag tot tegemoetkoming in de kosten niet binnen de daarvoor geldende termijn "
        "is ingediend, wordt deze op grond van de toepasselijke verordening buiten behandeling gesteld."
    )
    assert plain.score < dense.score


def test_empty_text_scores_zero() -> None:
    result = assess_readability("")
    assert isinstance(result, Readability)
    assert result.score == 0
    assert result.sentences == ()


def test_one_giant_sentence_is_scored_in_bounded_time() -> None:
    words = ("gemeente aanvraag uitkering overheid burger regeling brief termijn " * 6250).split()
    text = " ".join(words)  # 50,000 words, no punctuation
    started = time.perf_counter()
    result = assess_readability(text)
    assert time.perf_counter() - started < 10
    assert 0 <= result.score <= 100
    assert len(result.sentences) == 1


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_unicode_gives_a_score_between_0_and_100(text: str) -> None:
    result = assess_readability(text)
    assert 0 <= result.score <= 100
    assert all(0 <= sentence.score <= 100 for sentence in result.sentences)


def test_very_easy_and_very_hard_sentences_keep_their_order_within_0_to_100() -> None:
    from denkraam.analysis.text.readability.model import bounded

    raws = [-1e9, -80.0, -20.0, 0.0, 10.0, 50.0, 90.0, 130.0, 170.0, 1e9]
    scores = [bounded(raw) for raw in raws]
    assert all(0 <= score <= 100 for score in scores)
    assert all(low < high for low, high in zip(scores[1:-2], scores[2:-1], strict=True))
    assert bounded(50.0) == 50.0
    assert bounded(float("nan")) == 0.0


def test_a_passive_sentence_scores_harder_than_the_same_sentence_in_the_active_voice() -> None:
    passive = assess_readability("Uw aanvraag wordt door de gemeente binnen twee weken behandeld.")
    active = assess_readability("De gemeente behandelt uw aanvraag binnen twee weken.")
    assert active.score < passive.score
    assert passive.features["passive"] == 1
    assert passive.model == "standaard-5"


def test_the_reading_level_counts_the_same_plain_language_problems_as_the_text_check() -> None:
    from denkraam.analysis.text.readability.features import plain_language_counts
    from denkraam.analysis.text.rules import RuleContext
    from denkraam.analysis.text.rules.grammar import passive_voice
    from denkraam.analysis.text.rules.nominal import nominal_style
    from denkraam.analysis.text.rules.wording import officialese_words

    text = (
        "Indien u het niet eens bent met het besluit, kunt u middels een formulier bezwaar maken. "
        "Uw aanvraag is door ons in behandeling genomen en wordt binnenkort afgehandeld. "
        "Het indienen van een verzoek tot vaststelling van de hoogte van de vergoeding kan online."
    )
    sentences = split_sentences(text)
    context = RuleContext(text=text, sentences=sentences, is_letter=False)
    counts = [plain_language_counts(sentence) for sentence in sentences]
    assert sum(count[0] for count in counts) == len(list(officialese_words(context))) >= 2
    assert sum(count[1] for count in counts) == len(list(passive_voice(context))) >= 1
    assert sum(count[2] for count in counts) == len(list(nominal_style(context))) >= 2
