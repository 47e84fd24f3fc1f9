from __future__ import annotations

from denkraam.framework import band_for, counting_rating, load_frame, median_rating, score_ratings, spread


def test_a_need_score_is_the_mean_of_its_principle_scores() -> None:
    frame = load_frame()
    need = frame.need("gemak")
    first, second = need.principles[0], need.principles[1]
    ratings = {first.questions[0].id: "goed", first.questions[1].id: "slecht", second.questions[0].id: "voldoende"}
    score = score_ratings(frame=frame, ratings=ratings)
    assert score.principles[first.id] == 50.0
    assert score.principles[second.id] == 67.0
    assert score.needs["gemak"] == 58.5
    assert score.band("gemak") == "voldoende"


def test_not_applicable_and_unanswered_questions_are_left_out() -> None:
    frame = load_frame()
    principle = frame.need("vertrouwen").principles[0]
    ratings = {principle.questions[0].id: "onvoldoende", principle.questions[1].id: "nvt"}
    score = score_ratings(frame=frame, ratings=ratings)
    assert score.principles[principle.id] == 33.0
    assert score.needs["persoonlijk"] is None
    assert score.band("persoonlijk") is None


def test_the_median_of_an_even_count_is_the_more_critical_middle_rating() -> None:
    frame = load_frame()
    assert median_rating(frame=frame, ratings=["goed", "voldoende", "onvoldoende", "slecht"]) == "onvoldoende"
    assert median_rating(frame=frame, ratings=["goed", "goed", "slecht"]) == "goed"
    assert median_rating(frame=frame, ratings=["nvt"]) is None


def test_spread_counts_scale_steps_between_extremes() -> None:
    frame = load_frame()
    assert spread(frame=frame, ratings=["goed", "slecht", "nvt"]) == 3
    assert spread(frame=frame, ratings=["voldoende", "voldoende"]) == 0


def test_bands_follow_the_documented_thresholds() -> None:
    assert [band_for(s) for s in (100, 75, 74.9, 50, 25, 24.9, 0)] == [
        "goed",
        "goed",
        "voldoende",
        "voldoende",
        "onvoldoende",
        "slecht",
        "slecht",
    ]


def test_the_rating_that_counts_is_the_consensus_else_the_median_else_not_applicable() -> None:
    frame = load_frame()
    assert counting_rating(frame=frame, consensus="slecht", ratings=["goed", "goed"]) == "slecht"
    assert counting_rating(frame=frame, consensus=None, ratings=["goed", "nvt", "onvoldoende"]) == "onvoldoende"
    assert counting_rating(frame=frame, consensus=None, ratings=["nvt", "nvt"]) == "nvt"
    assert counting_rating(frame=frame, consensus=None, ratings=[]) is None
