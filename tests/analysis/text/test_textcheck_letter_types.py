"""Letter types and structure: the check recognises the kind of letter (or is told it), applies that kind's
checklist, and points at the place where a missing part belongs; phone numbers in every common spelling count."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.letter_types import detect_letter_type, letter_layout
from denkraam.analysis.text.tokens import find_phone_numbers
from denkraam.cli import main as cli

PHONE_SPELLINGS = [
    "020-1234567",
    "020 - 123 45 67",
    "088 898 20 01",
    "0800-1234",
    "0800 - 0234567",
    "0900-1234567",
    "0900 123 45 67",
    "+31 (0)20 123 4567",
    "+31 20 1234567",
    "+31(0)6-12345678",
    "0031 30 2345678",
    "14 020",
    "14 0546",
    "(020) 123 45 67",
    "(0546) 12 34 56",
    "06-12345678",
    "06 123 456 78",
    "0546 123456",
]


def letter_with(phone_line: str) -> str:
    return (
        "Beste mevrouw De Boer,\n\nU krijgt vanaf 1 mei huurtoeslag. Wij hebben dit besloten omdat uw inkomen lager "
        "is. Bent u het niet eens met dit besluit? Dan kunt u binnen 6 weken bezwaar maken.\n\n"
        f"Hebt u vragen? Bel Joris Vos: {phone_line}.\n\nMet vriendelijke groet,\n\nJoris Vos"
    )


@pytest.mark.parametrize("number", PHONE_SPELLINGS)
def test_a_letter_with_a_phone_number_in_any_common_spelling_is_not_told_it_has_none(number: str) -> None:
    text = letter_with(number)
    assert [text[start:end] for start, end in find_phone_numbers(text)] == [number]
    assert "brief-telefoon" not in {item.rule for item in check_text(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Wij betalen op 01-04-2025 10 uur na sluiting.",
        "Uw kenmerk is 2025-0012345.",
        "Het bedrag is 1234567 euro.",
        "Postcode 1012 AB.",
        "Uw BSN eindigt op 123456789.",
    ],
)
def test_dates_amounts_and_reference_numbers_are_not_phone_numbers(text: str) -> None:
    assert find_phone_numbers(text) == []


def test_a_phone_number_stops_where_its_digits_end() -> None:
    text = "Bel 020 123 45 67 2 keer als het druk is."
    assert [text[a:b] for a, b in find_phone_numbers(text)] == ["020 123 45 67"]


DECISION = (
    "Geachte heer Kaya,\n\nOp 4 maart 2026 hebben wij uw aanvraag voor een gehandicaptenparkeerkaart ontvangen.\n\n"
    "Uw arts heeft ons verteld dat u ongeveer 200 meter kunt lopen. Daarom hebben wij besloten dat u geen kaart "
    "krijgt. Dit staat in artikel 3 van de verordening.\n\n"
    "Hebt u vragen? Bel Lotte Maas op 030 286 00 00.\n\nMet vriendelijke groet,\n\nLotte Maas"
)
INCOMPLETE = (
    "Beste mevrouw Peters,\n\nUw aanvraag voor bijzondere bijstand is nog niet compleet. Wij missen uw laatste "
    "loonstrook. Wilt u die sturen vóór 20 mei 2026? Wij gebruiken uw gegevens alleen voor deze aanvraag, omdat "
    "de wet dat vraagt.\n\nBel Ahmed Said op 020 555 12 12 als u vragen hebt.\n\nMet vriendelijke groet,\n\n"
    "Ahmed Said"
)
REMINDER = (
    "Onderwerp: herinnering\n\nGeachte heer Visser,\n\nU hebt de rekening van 12 februari 2026 nog niet betaald. "
    "Het gaat om € 84,50 voor de afvalstoffenheffing. Wilt u dit bedrag vóór 15 april 2026 betalen? Wij vragen "
    "dit omdat de heffing in de belastingverordening staat.\n\nHebt u vragen? Bel Petra Wit op 14 020.\n\n"
    "Met vriendelijke groet,\n\nPetra Wit"
)
INVITATION = (
    "Beste Sam,\n\nWij nodigen je graag uit voor een gesprek over je uitkering. Het gesprek is op dinsdag 9 juni "
    "2026 om 10.00 uur op het Stadskantoor, omdat we samen willen kijken naar werk dat bij je past.\n\n"
    "Neem je loonstroken mee. Wij gebruiken je gegevens alleen voor dit gesprek.\n\n"
    "Vragen? Bel Noor Bakker op 06 12345678.\n\nMet vriendelijke groet,\n\nNoor Bakker"
)
INFORMATION = (
    "Beste bewoner,\n\nVan 1 tot en met 12 juni 2026 werken wij aan de riolering in uw straat, omdat de oude buizen "
    "lekken. U kunt uw auto dan niet voor de deur parkeren.\n\nHebt u vragen? Bel Kees Dam op 010 123 45 67.\n\n"
    "Met vriendelijke groet,\n\nKees Dam"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (DECISION, "besluit"),
        (INCOMPLETE, "aanvraag-onvolledig"),
        (REMINDER, "herinnering"),
        (INVITATION, "uitnodiging"),
        (INFORMATION, "informatiebrief"),
    ],
)
def test_the_kind_of_letter_is_recognised_from_its_words(text: str, kind: str) -> None:
    assert detect_letter_type(text) == kind
    report = check_text(text)
    assert report.letter_type == kind and report.letter_type_detected
    assert report.to_dict()["letter_type"] == {"type": kind, "detected": True}


def test_a_letter_type_the_writer_names_wins_and_is_reported_as_given() -> None:
    report = check_text(INFORMATION, letter_type="aanmaning")
    assert report.letter_type == "herinnering" and not report.letter_type_detected
    assert "brief-gevolg" in {item.rule for item in report.findings}  # the reminder's checklist applies


def test_an_unknown_letter_type_is_refused_in_dutch() -> None:
    with pytest.raises(ValueError, match="Onbekende soort brief"):
        check_text(INFORMATION, letter_type="kerstkaart")


def test_a_text_that_is_not_a_letter_has_no_letter_type() -> None:
    report = check_text("Een paspoort aanvragen kost € 80. U betaalt bij de balie.")
    assert report.letter_type is None
    assert report.to_dict()["letter_type"] == {"type": None, "detected": False}


def test_a_decision_that_opens_with_the_receipt_points_at_the_first_paragraph() -> None:
    report = check_text(DECISION)
    [main] = [item for item in report.findings if item.rule == "brief-hoofdboodschap"]
    first = "Op 4 maart 2026 hebben wij uw aanvraag voor een gehandicaptenparkeerkaart ontvangen."
    assert DECISION[main.start : main.end] == first
    assert "Begin met waar het om gaat" in main.suggestion


def test_a_decision_buried_in_the_third_paragraph_is_quoted_as_the_new_opening() -> None:
    text = DECISION.replace(
        "Op 4 maart 2026 hebben wij uw aanvraag voor een gehandicaptenparkeerkaart ontvangen.",
        "Wij hebben met uw arts gesproken over hoe ver u kunt lopen. Wij hebben ook het verslag gelezen.",
    )
    [main] = [item for item in check_text(text).findings if item.rule == "brief-hoofdboodschap"]
    assert text[main.start : main.end].startswith("Wij hebben met uw arts")
    assert "pas in alinea 2" in main.message
    assert "Daarom hebben wij besloten dat u geen kaart krijgt." in main.suggestion


def test_a_decision_without_an_objection_route_points_before_the_questions_paragraph() -> None:
    report = check_text(DECISION)
    [objection] = [item for item in report.findings if item.rule == "brief-bezwaar"]
    # The last sentence of the explanation, just before "Hebt u vragen?": the route goes after it.
    assert DECISION[objection.start : objection.end] == "Dit staat in artikel 3 van de verordening."
    assert objection.end > objection.start and "Zet na deze alinea" in objection.suggestion


def test_a_decision_that_starts_with_the_decision_and_names_the_route_passes_its_checklist() -> None:
    text = (
        "Geachte heer Kaya,\n\nU krijgt geen gehandicaptenparkeerkaart. Uw arts heeft ons verteld dat u ongeveer "
        "200 meter kunt lopen. Daarom hebben wij dit besloten. Dit staat in artikel 3 van de verordening.\n\n"
        "Bent u het niet eens met dit besluit? Dan kunt u binnen 6 weken bezwaar maken.\n\n"
        "Hebt u vragen? Bel Lotte Maas op 030 286 00 00.\n\nMet vriendelijke groet,\n\nLotte Maas"
    )
    rules = {item.rule for item in check_text(text).findings}
    assert not rules & {"brief-hoofdboodschap", "brief-bezwaar", "brief-hulp", "brief-actie", "brief-telefoon"}


def test_an_incomplete_application_must_say_what_happens_when_nothing_comes() -> None:
    report = check_text(INCOMPLETE)
    [consequence] = [item for item in report.findings if item.rule == "brief-gevolg"]
    # The end of the paragraph that asks for the pay slip.
    assert INCOMPLETE[consequence.start : consequence.end].startswith("Wij gebruiken uw gegevens alleen")
    assert "niet behandelen" in consequence.suggestion
    fixed = INCOMPLETE.replace(
        "Wilt u die sturen vóór 20 mei 2026?",
        "Wilt u die sturen vóór 20 mei 2026? Hebben wij de loonstrook dan niet? Dan kunnen wij uw aanvraag niet "
        "behandelen.",
    )
    assert "brief-gevolg" not in {item.rule for item in check_text(fixed).findings}


def test_a_reminder_must_offer_help_with_paying_not_only_a_phone_number() -> None:
    report = check_text(REMINDER)
    rules = {item.rule for item in report.findings}
    assert {"brief-hulp", "brief-gevolg"} <= rules
    helped = REMINDER.replace(
        "Hebt u vragen?",
        "Betaalt u niet op tijd? Dan komen er € 7 kosten bij. Lukt het niet om alles in één keer te betalen? "
        "Dan kunt u een betalingsregeling vragen. Hebt u vragen?",
    )
    rules = {item.rule for item in check_text(helped).findings}
    assert not rules & {"brief-hulp", "brief-gevolg"}


def test_an_invitation_without_a_date_gets_a_warning_pointing_at_the_request() -> None:
    text = INVITATION.replace(" op dinsdag 9 juni 2026 om 10.00 uur", "")
    [deadline] = [item for item in check_text(text).findings if item.rule == "brief-termijn"]
    assert deadline.severity == "waarschuwing"
    assert deadline.message == "De uitnodiging noemt geen datum en tijd."
    assert deadline.end > deadline.start


def test_an_invitation_says_what_to_do_when_the_reader_cannot_come() -> None:
    assert "brief-gevolg" in {item.rule for item in check_text(INVITATION).findings}
    text = INVITATION.replace("Neem je", "Kun je niet op deze dag? Bel ons, dan maken we een nieuwe afspraak. Neem je")
    assert "brief-gevolg" not in {item.rule for item in check_text(text).findings}


def long_letter(with_headings: bool) -> str:
    paragraph = (
        "Wij hebben uw situatie goed bekeken en daarbij ook gelet op wat u ons vertelde in het gesprek. "
        "U woont alleen en u hebt een klein inkomen, en daarom willen wij u zo goed mogelijk helpen. "
    ) * 3
    parts = []
    for number in range(5):
        if with_headings:
            parts.append(f"Onderdeel {number + 1}\n{paragraph}")
        else:
            parts.append(paragraph)
    body = "\n\n".join(parts)
    return f"Beste mevrouw Smit,\n\n{body}\n\nBel Tom de Wit op 030 123 45 67.\n\nMet vriendelijke groet,\n\nTom de Wit"


def test_a_long_letter_without_headings_is_told_where_the_first_heading_goes() -> None:
    text = long_letter(with_headings=False)
    [headings] = [item for item in check_text(text).findings if item.rule == "brief-kopjes"]
    layout = letter_layout(text)
    second = layout.content[1]
    assert headings.start == second.content_start  # the first sentence of the second paragraph
    assert (
        text[headings.start : headings.end]
        == "Wij hebben uw situatie goed bekeken en daarbij ook gelet op wat u ons vertelde in het gesprek."
    )
    assert "woorden) en heeft geen kopjes" in headings.message
    assert "brief-kopjes" not in {item.rule for item in check_text(long_letter(with_headings=True)).findings}


def test_headings_on_their_own_line_are_recognised() -> None:
    layout = letter_layout((__import__("pathlib").Path(__file__).parent / "fixtures/goede_brief.txt").read_text())
    assert "Wat moet u doen?" in layout.headings
    assert "Bent u het niet eens met dit besluit?" in layout.headings


def test_the_cli_takes_the_letter_type_and_reports_it(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "brief.txt"  # type: ignore[operator]
    path.write_text(INFORMATION, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "--brieftype", "uitnodiging", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["letter_type"] == {"type": "uitnodiging", "detected": False}
    text = runner.invoke(cli, ["check", str(path)]).output
    assert "Soort brief: informatiebrief (herkend uit de tekst)." in text
    refused = runner.invoke(cli, ["check", "--brieftype", "kerstkaart", str(path)])
    assert refused.exit_code == 2


@pytest.mark.parametrize(
    "opening",
    [
        "Hierbij ontvangt u uw nieuwe parkeervergunning.",
        "Naar aanleiding van uw aanvraag van 3 maart hebben wij besloten dat u de vergunning krijgt.",
        "Met deze brief vertellen wij u dat de bibliotheek in juli dicht is.",
    ],
)
def test_an_opening_that_carries_the_message_is_not_called_a_preamble(opening: str) -> None:
    text = (
        f"Beste mevrouw Ruiz,\n\n{opening}\n\nHebt u vragen? Bel Iris Post op 020 123 45 67.\n\n"
        "Met vriendelijke groet,\n\nIris Post"
    )
    assert "brief-hoofdboodschap" not in {item.rule for item in check_text(text).findings}


def test_the_html_report_names_the_kind_of_letter() -> None:
    from denkraam.analysis.text.html_report import render_html

    page = render_html([check_text(REMINDER, source="herinnering.txt")])
    assert "Soort brief: herinnering of aanmaning (herkend uit de tekst)." in page


@pytest.mark.parametrize("placeholder", ["[TELEFOON]", "{{ telefoonnummer }}", "[telefoon]"])
def test_a_template_or_scrubbed_letter_with_a_phone_placeholder_is_not_told_it_has_no_number(placeholder: str) -> None:
    assert "brief-telefoon" not in {item.rule for item in check_text(letter_with(placeholder)).findings}
