"""check_text as a whole: JSON shape, scores, speed, and robustness on any input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from denkraam.analysis import InputError, TextReport, check_text
from denkraam.analysis.findings import Finding
from denkraam.analysis.text.html_report import render_html
from denkraam.analysis.text.needs import need_scores
from denkraam.analysis.text.report import ANALYSER_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = (FIXTURES / "goede_brief.txt").read_text(encoding="utf-8")
BAD = (FIXTURES / "slechte_brief.txt").read_text(encoding="utf-8")


def test_the_json_has_exactly_the_documented_shape() -> None:
    data = json.loads(check_text(BAD, source="brief.txt").to_json())
    assert list(data) == [
        "source",
        "language",
        "stats",
        "readability",
        "b1",
        "needs",
        "letter_type",
        "findings",
        "versions",
    ]
    assert data["source"] == "brief.txt" and data["language"] == "nl"
    assert set(data["stats"]) == {"words", "sentences"}
    assert set(data["readability"]) == {"score", "level", "sentences"}
    assert set(data["readability"]["sentences"][0]) == {"start", "end", "text", "score", "level"}
    assert set(data["b1"]) == {"at_b1", "verdict", "reasons"}
    assert data["b1"]["at_b1"] is False and data["b1"]["verdict"].startswith("Deze tekst is niet op B1-niveau")
    assert set(data["needs"]) == {"vertrouwen", "persoonlijk", "gemak"}
    assert data["letter_type"] == {"type": data["letter_type"]["type"], "detected": True}
    assert all(set(value) == {"score"} for value in data["needs"].values())
    fields = {
        "rule",
        "need",
        "principle",
        "severity",
        "start",
        "end",
        "excerpt",
        "message",
        "suggestion",
        "rewrite",
        "why",
        "source",
    }
    assert all(set(item) == fields for item in data["findings"])
    assert data["versions"] == {"analyser": ANALYSER_VERSION, "frame": "interactiestrategie 1.0"}


def test_every_finding_uses_ids_from_the_frame() -> None:
    principles = {
        "vertrouwen": {"betrouwbaar", "transparant", "veilig-en-echt", "vertrouwen-in-burger", "fouten-herstellen"},
        "persoonlijk": {
            "een-overheid",
            "een-keer-vertellen",
            "situatie-kennen",
            "maatwerk-en-mens",
            "respectvolle-toon",
        },
        "gemak": {"begrijpelijke-taal", "toegankelijk-voor-iedereen", "weinig-stappen", "kanalen-kiezen", "proactief"},
    }
    from denkraam.analysis.text.rules import RULES

    for info in RULES.values():
        assert info.principle in principles[info.need]


def test_the_check_is_deterministic() -> None:
    assert check_text(BAD).to_dict() == check_text(BAD).to_dict()


def test_more_findings_per_word_give_a_lower_score() -> None:
    def warning(need: str) -> Finding:
        return Finding("x", need, "p", "waarschuwing", 0, 1, "x", "m")  # type: ignore[arg-type]

    few = need_scores([warning("vertrouwen")], words=300, readability=30.0)
    many = need_scores([warning("vertrouwen")] * 10, words=300, readability=30.0)
    assert many["vertrouwen"] < few["vertrouwen"] < 100  # type: ignore[operator]
    assert few["persoonlijk"] == 100


def test_harder_text_gives_a_lower_gemak_score() -> None:
    easy = need_scores([], words=200, readability=20.0)
    hard = need_scores([], words=200, readability=70.0)
    assert easy["gemak"] == 100 and hard["gemak"] < 70  # type: ignore[operator]


def test_an_empty_text_gets_no_scores_and_no_findings() -> None:
    report = check_text("")
    assert report.words == 0 and report.findings == ()
    assert report.needs == {"vertrouwen": None, "persoonlijk": None, "gemak": None}


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(InputError):
        check_text("a" * 2_000_001)


def test_one_giant_sentence_without_punctuation_is_checked_quickly() -> None:
    text = " ".join(["de aanvraag van de burger wordt door de gemeente beoordeeld"] * 2000)
    started = time.perf_counter()
    report = check_text(text)
    assert time.perf_counter() - started < 5
    assert report.sentences == 1
    assert [item.severity for item in report.findings if item.rule == "lange-zin"] == ["fout"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_check_text_never_crashes_on_arbitrary_unicode(text: str) -> None:
    report = check_text(text)
    assert isinstance(report, TextReport)
    for item in report.findings:
        assert 0 <= item.start <= item.end <= len(text)
    render_html([report])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["u", "je", "indien", "WW", "niet", "geen", "wordt", "gegeven", "İ", "ß", "\n", "."])))
def test_check_text_never_crashes_on_dutch_like_word_soup(words: list[str]) -> None:
    text = " ".join(words)
    for item in check_text(text, is_letter=True).findings:
        assert 0 <= item.start <= item.end <= len(text)


def test_the_html_report_escapes_hostile_input() -> None:
    hostile = 'Geachte heer,\n\n<script>alert("x")</script> <img src=x onerror=alert(1)> Indien u wilt.'
    page = render_html([check_text(hostile, source='<b onmouseover="x">brief</b>')])
    assert "<script>" not in page and "<img" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;" in page
    assert '<html lang="nl">' in page


def test_the_html_report_marks_findings_with_numbers_and_hidden_labels() -> None:
    page = render_html([check_text("Indien u vragen hebt, bel ons.")])
    assert '<mark class="waarschuwing">Indien</mark><sup><a href="#r1-b1"' in page
    assert '<span class="visually-hidden"> (bevinding 1, waarschuwing:' in page
    assert "http" not in page.split("<body>")[0].replace('content="width', "")  # no external assets
