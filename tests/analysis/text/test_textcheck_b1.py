"""B1 as writers say it: a verdict in words next to LiNT-II's level, in the terminal, JSON and HTML reports."""

from __future__ import annotations

import json
from pathlib import Path

from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.html_report import render_html
from denkraam.analysis.text.terminal import render_text

FIXTURES = Path(__file__).parent / "fixtures"

PLAIN = (
    "Beste meneer Dekker,\n\nU krijgt vanaf 1 mei 2026 een bijdrage voor uw huur. Dat is € 120 per maand. Wij "
    "betalen het geld elke maand op uw rekening. U hoeft daar niets voor te doen. Hebt u vragen? Bel Mila Kok op "
    "030 123 45 67.\n\nMet vriendelijke groet,\n\nMila Kok"
)
HARD = (
    "Geachte heer Dekker,\n\nNaar aanleiding van uw verzoek inzake de toekenning van een tegemoetkoming in de "
    "woonlasten delen wij u mede dat uw aanvraag door ons in behandeling is genomen en dat de beoordeling daarvan "
    "zal worden afgerond zodra de benodigde bescheiden door u zijn verstrekt. Teneinde de afhandeling niet te "
    "vertragen, wordt u verzocht de ontbrekende gegevens middels het bijgevoegde formulier te retourneren, "
    "waarna het besluit door de afdeling zal worden genomen. Indien de gegevens niet tijdig worden ontvangen, "
    "wordt uw aanvraag buiten behandeling gesteld.\n\nHoogachtend,\n\nAfdeling Wonen"
)


def test_a_plain_letter_is_at_b1() -> None:
    report = check_text(PLAIN)
    assert report.readability is not None and report.readability.level <= 2
    assert report.b1 is not None and report.b1.at_b1
    assert report.b1.verdict == "Deze tekst is op B1-niveau."


def test_a_hard_letter_is_not_at_b1_and_says_why_in_counts() -> None:
    report = check_text(HARD)
    assert report.b1 is not None and not report.b1.at_b1
    verdict = report.b1.verdict
    assert verdict.startswith("Deze tekst is niet op B1-niveau: ")
    assert "zinnen zijn langer dan 20 woorden" in verdict
    assert "moeilijke woorden in (zoals Naar aanleiding van, " in verdict
    assert "keer lijdende vorm" in verdict
    assert "het leesniveau is 4 van 4" in verdict or "het leesniveau is 3 van 4" in verdict
    assert len(report.b1.reasons) >= 3


def test_the_sentence_threshold_in_the_verdict_follows_the_check() -> None:
    report = check_text(HARD, max_sentence_words=25)
    assert report.b1 is not None and "langer dan 25 woorden" in report.b1.verdict


def test_a_b1_text_with_one_slip_is_still_b1_and_is_told_what_is_left() -> None:
    text = PLAIN.replace("Dat is € 120 per maand.", "Indien u verhuist, stopt de bijdrage.")
    report = check_text(text)
    assert report.b1 is not None and report.b1.at_b1
    assert report.b1.verdict.startswith("Deze tekst is op B1-niveau. Let nog op: er staat 1 moeilijk woord in")
    assert "Indien" in report.b1.verdict


def test_the_verdict_is_in_the_json_terminal_and_html_reports() -> None:
    report = check_text(HARD, source="brief.txt")
    data = json.loads(report.to_json())
    assert data["b1"]["at_b1"] is False
    assert data["b1"]["verdict"] == report.b1.verdict  # type: ignore[union-attr]
    assert data["b1"]["reasons"] == list(report.b1.reasons)  # type: ignore[union-attr]
    assert report.b1.verdict in render_text(report)  # type: ignore[union-attr]
    page = render_html([report])
    assert "Deze tekst is niet op B1-niveau: " in page


def test_an_empty_or_foreign_text_gets_no_verdict() -> None:
    assert check_text("").b1 is None
    assert check_text("").to_dict()["b1"] == {"at_b1": None, "verdict": "", "reasons": []}
    english = check_text((FIXTURES / "engelse_brief.txt").read_text(encoding="utf-8"))
    assert english.b1 is None
