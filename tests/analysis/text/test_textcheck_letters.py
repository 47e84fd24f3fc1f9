"""Whole letters, written as government letters look: good ones pass quietly, bad ones are caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.report import TextReport

FIXTURES = Path(__file__).parent / "fixtures"


def check_fixture(name: str) -> TextReport:
    return check_text((FIXTURES / name).read_text(encoding="utf-8"), source=name)


@pytest.mark.parametrize("name", ["goede_brief.txt", "goede_brief_gemeente.txt"])
def test_a_good_b1_letter_gets_few_findings_and_high_scores(name: str) -> None:
    report = check_fixture(name)
    assert report.is_letter
    serious = [item for item in report.findings if item.severity != "info"]
    assert len(report.findings) <= 3, [item.message for item in report.findings]
    assert len(serious) <= 1
    assert all(score is not None and score >= 85 for score in report.needs.values())
    assert report.readability is not None and report.readability.level <= 2


def test_a_bad_letter_is_caught_on_all_three_needs() -> None:
    report = check_fixture("slechte_brief.txt")
    rules = {item.rule for item in report.findings}
    assert {"lange-zin", "ambtelijk-woord", "naamwoordstijl", "afkorting", "dreigende-toon", "koele-toon"} <= rules
    assert {"vage-tijd", "aanspreekvorm", "onpersoonlijk", "dubbele-ontkenning", "lijdende-vorm"} <= rules
    assert {"brief-contactpersoon", "brief-telefoon", "brief-reden", "brief-gegevens"} <= rules
    assert all(score is not None and score < 50 for score in report.needs.values())


def test_the_bad_letter_scores_far_below_the_good_one_on_every_need() -> None:
    good, bad = check_fixture("goede_brief.txt"), check_fixture("slechte_brief.txt")
    for need in ("vertrouwen", "persoonlijk", "gemak"):
        assert good.needs[need] - bad.needs[need] >= 30  # type: ignore[operator]


def test_a_decision_without_an_objection_route_is_an_error() -> None:
    report = check_fixture("besluit_zonder_bezwaar.txt")
    objection = [item for item in report.findings if item.rule == "brief-bezwaar"]
    assert [item.severity for item in objection] == ["fout"]
    assert objection[0].need == "vertrouwen" and objection[0].principle == "transparant"
    assert {"brief-telefoon", "brief-contactpersoon"} <= {item.rule for item in report.findings}
    assert "brief-reden" not in {item.rule for item in report.findings}  # "Daarom ... artikel 4" is there


def test_a_request_without_a_deadline_is_noted() -> None:
    text = (
        "Beste mevrouw Smit,\n\nWilt u uw loonstrook sturen? Wij gebruiken uw gegevens alleen voor uw aanvraag.\n"
        "Wij vragen dit omdat de wet dat eist. Bel Tom de Wit op 030 123 45 67.\n\nMet vriendelijke groet,\nTom de Wit"
    )
    rules = {item.rule for item in check_text(text).findings}
    assert "brief-termijn" in rules
    assert "brief-actie" not in rules and "brief-gegevens" not in rules and "brief-contactpersoon" not in rules


def test_a_letter_asking_for_data_must_say_what_happens_with_it() -> None:
    text = "Geachte heer Bakker,\n\nStuur ons vóór 1 mei een kopie van uw identiteitsbewijs.\n\nMet vriendelijke groet"
    assert "brief-gegevens" in {item.rule for item in check_text(text).findings}


def test_letter_checks_are_skipped_for_a_web_text_unless_asked_for() -> None:
    text = "Een parkeervergunning aanvragen\n\nU vraagt een parkeervergunning aan op onze website. Dat kost € 50."
    assert not any(item.rule.startswith("brief-") for item in check_text(text).findings)
    assert any(item.rule.startswith("brief-") for item in check_text(text, is_letter=True).findings)


def test_an_english_letter_is_reported_as_not_dutch_and_not_scored() -> None:
    report = check_fixture("engelse_brief.txt")
    assert report.language == "en"
    assert report.needs == {"vertrouwen": None, "persoonlijk": None, "gemak": None}
    assert [item.rule for item in report.findings] == ["taal"]
    assert report.to_dict()["readability"] == {"score": None, "level": None, "sentences": []}


def test_a_german_text_is_reported_as_unknown_language() -> None:
    text = "Sehr geehrte Damen und Herren, wir danken Ihnen für Ihren Antrag auf Wohngeld vom letzten Monat."
    assert check_text(text).language == "onbekend"


BUREAUCRATIC_BODY = (
    "Middels deze brief delen wij u mede dat uw aanvraag inzake de WW-uitkering door ons in behandeling is "
    "genomen. U dient de ontbrekende gegevens zo spoedig mogelijk te verstrekken, teneinde vertraging te voorkomen."
)


def test_salutation_and_sign_off_do_not_make_a_hard_letter_look_easy() -> None:
    letter = f"Geachte heer Jansen,\n\n{BUREAUCRATIC_BODY}\n\nMet vriendelijke groet,\n\nP. de Vries\nUWV\n"
    whole, body = check_text(letter), check_text(BUREAUCRATIC_BODY, is_letter=False)
    assert whole.is_letter
    assert whole.readability is not None and body.readability is not None
    assert whole.readability.score == body.readability.score
    assert whole.readability.level == 4
    scored = [sentence.text for sentence in whole.readability.sentences]
    assert scored == [sentence.text for sentence in body.readability.sentences]
    assert whole.sentences > len(scored)  # the framing still counts in the statistics


def test_a_long_sentence_after_the_sign_off_still_counts() -> None:
    postscript = "PS: vergeet niet dat u de formulieren ook bij het loket in het stadhuis kunt afgeven als u dat wilt."
    letter = f"Beste Sanne,\n\nBel ons gerust.\n\nMet vriendelijke groet,\nTeam Zorg\n\n{postscript}\n"
    report = check_text(letter)
    assert report.readability is not None
    texts = [sentence.text for sentence in report.readability.sentences]
    assert texts[0] == "Bel ons gerust."
    assert any(text.startswith("PS") for text in texts)
    assert not any("groet" in text or "Beste" in text for text in texts)


def test_the_reader_named_in_the_address_or_salutation_is_no_contact_person() -> None:
    text = (
        "Aan: de heer J. de Vries\nLindelaan 14\n\nGeachte heer De Vries,\n\nU krijgt vanaf 1 mei een nieuwe pas, "
        "omdat de oude verloopt. Bel ons op 020 123 45 67 als u vragen hebt.\n\nMet vriendelijke groet,\n\n"
        "Team Burgerzaken"
    )
    assert "brief-contactpersoon" in {item.rule for item in check_text(text).findings}
    signed = text.replace("Team Burgerzaken", "Eva Smit")
    assert "brief-contactpersoon" not in {item.rule for item in check_text(signed).findings}
