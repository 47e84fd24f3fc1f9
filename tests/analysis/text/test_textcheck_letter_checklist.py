"""Each letter check fires only where the kind of letter calls for it: a deadline when the reader must act, a
reason when the letter decides or asks, a named person not in an automatic message, a privacy line when the letter
asks for personal data; and each finding points at the sentence or paragraph where the missing part belongs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from denkraam.analysis.findings import Finding
from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.letter_types import LETTER_TYPES, detect_letter_type
from denkraam.cli import main as cli

STATUS = (
    "Beste meneer De Boer,\n\nDit is een automatisch bericht. Wij hebben uw klacht over de kapotte lantaarnpaal in de "
    "Lindelaan ontvangen. Een medewerker gaat ernaar kijken. U hoeft niets te doen.\n\n"
    "Gegevens van uw klacht\nNummer: 2026-0412\nPlaats: Lindelaan 7\n\nMet vriendelijke groet,\n\nTeam Buitenruimte"
)
STATUS_WITHOUT_NOTHING_TO_DO = (
    "Beste mevrouw Yilmaz,\n\nIn deze e-mail leest u hoe het staat met uw melding over de losse stoeptegel. De stand "
    "van zaken: de aannemer heeft de tegel vastgelegd.\n\nMet vriendelijke groet,\n\nTeam Openbare Ruimte"
)


def by_rule(text: str, rule: str, **options: object) -> list[Finding]:
    return [item for item in check_text(text, **options).findings if item.rule == rule]  # type: ignore[arg-type]


def rules_of(text: str, **options: object) -> set[str]:
    return {item.rule for item in check_text(text, **options).findings}  # type: ignore[arg-type]


def test_an_automatic_status_message_is_recognised_as_such() -> None:
    assert detect_letter_type(STATUS) == "statusbericht"
    assert detect_letter_type(STATUS_WITHOUT_NOTHING_TO_DO) == "statusbericht"
    assert check_text(STATUS).letter_type == "statusbericht"


def test_a_status_message_is_not_asked_for_a_named_person_a_deadline_or_a_reason() -> None:
    rules = rules_of(STATUS)
    assert not rules & {"brief-contactpersoon", "brief-termijn", "brief-reden", "brief-gegevens", "brief-actie"}
    assert "brief-telefoon" in rules  # a reader with a question still needs a number


def test_a_status_message_that_does_not_say_whether_to_act_gets_a_note_after_the_first_paragraph() -> None:
    [action] = by_rule(STATUS_WITHOUT_NOTHING_TO_DO, "brief-actie")
    assert action.severity == "info"
    assert STATUS_WITHOUT_NOTHING_TO_DO[action.start : action.end] == (
        "De stand van zaken: de aannemer heeft de tegel vastgelegd."
    )
    assert "U hoeft niets te doen." in action.suggestion
    assert "brief-termijn" not in rules_of(STATUS_WITHOUT_NOTHING_TO_DO)  # "e-mail" is no instruction


def test_a_status_message_that_opens_with_thanks_is_told_to_open_with_the_status() -> None:
    text = (
        "Beste meneer De Boer,\n\nBedankt voor uw bericht over de lantaarnpaal.\n\nDit is een automatisch bericht. "
        "Uw melding is afgehandeld.\n\nMet vriendelijke groet,\n\nTeam Buitenruimte"
    )
    [main] = by_rule(text, "brief-hoofdboodschap")
    assert text[main.start : main.end] == "Bedankt voor uw bericht over de lantaarnpaal."
    assert main.message == "De hoofdboodschap staat niet bovenaan: de stand van zaken staat pas in alinea 2."
    assert "Uw melding is afgehandeld." in main.suggestion


def test_a_status_message_that_asks_for_something_still_needs_a_deadline() -> None:
    text = STATUS.replace("U hoeft niets te doen.", "Wilt u ons nog een foto van de lantaarnpaal sturen?")
    [deadline] = by_rule(text, "brief-termijn")
    assert text[deadline.start : deadline.end] == "Wilt u ons nog een foto van de lantaarnpaal sturen?"


def test_an_ordinary_letter_without_a_named_person_is_still_told_so() -> None:
    text = STATUS.replace("Dit is een automatisch bericht. ", "").replace(" U hoeft niets te doen.", "")
    assert detect_letter_type(text) != "statusbericht"
    assert "brief-contactpersoon" in rules_of(text)


def test_the_writer_can_name_a_status_message_in_the_library_and_on_the_command_line(tmp_path: object) -> None:
    text = STATUS.replace("Dit is een automatisch bericht. ", "")
    assert check_text(text, letter_type="automatisch").letter_type == "statusbericht"
    path = tmp_path / "status.txt"  # type: ignore[operator]
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--brieftype", "statusbericht", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["letter_type"] == {"type": "statusbericht", "detected": False}


@pytest.mark.parametrize("kind", sorted(LETTER_TYPES))
def test_every_kind_of_letter_can_be_named_on_the_command_line(kind: str, tmp_path: object) -> None:
    path = tmp_path / "brief.txt"  # type: ignore[operator]
    path.write_text(STATUS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--brieftype", kind, "--format", "json", str(path)])
    assert result.exit_code == 0, result.output


INFO = (
    "Beste bewoner,\n\nVanaf maandag 8 juni 2026 halen wij het oud papier op dinsdag op in plaats van op vrijdag."
    "\n\n{ask}\n\nMet vriendelijke groet,\n\nKees Dam"
)
# The same letter without a date or weekday: a date anywhere in the letter already answers "by when".
UNDATED = INFO.replace(
    "Vanaf maandag 8 juni 2026 halen wij het oud papier op dinsdag op in plaats van op vrijdag.",
    "Wij halen het oud papier voortaan een dag later op.",
)


@pytest.mark.parametrize(
    "ask",
    [
        "Hebt u vragen? Bel ons op 010 123 45 67.",
        "Als u vragen hebt, bel dan 010 123 45 67.",
        "Wilt u meer weten? Kijk op onze website of bel 010 123 45 67.",
        "Wilt u een extra container? Dan kunt u die aanvragen op onze website. Bel 010 123 45 67.",
        "Meer lezen? U vindt alles in de e-mail die wij u stuurden. Bel 010 123 45 67.",
    ],
)
def test_an_offer_of_help_or_a_condition_asks_for_no_deadline(ask: str) -> None:
    text = UNDATED.format(ask=ask)
    assert "brief-termijn" not in rules_of(text)


@pytest.mark.parametrize(
    ("ask", "asked"),
    [
        ("Bel ons op 010 123 45 67 om een afspraak te maken.", "Bel ons op 010 123 45 67 om een afspraak te maken."),
        ("Mail ons een foto van uw container. Bel 010 123 45 67.", "Mail ons een foto van uw container."),
        ("Wilt u de oude container aan de straat zetten? Bel 010 123 45 67.", "Wilt u de oude container"),
        ("Kunt u de container schoonmaken? Bel 010 123 45 67.", "Kunt u de container schoonmaken?"),
    ],
)
def test_a_task_for_the_reader_without_a_date_gets_a_deadline_finding_on_that_sentence(ask: str, asked: str) -> None:
    text = UNDATED.format(ask=ask)
    [deadline] = by_rule(text, "brief-termijn")
    assert text[deadline.start : deadline.end].startswith(asked)


def test_a_letter_that_only_informs_needs_no_reason() -> None:
    text = INFO.format(ask="Hebt u vragen? Bel Kees Dam op 010 123 45 67.")
    assert "brief-reden" not in rules_of(text)


def test_a_letter_that_asks_something_without_saying_why_gets_a_reason_finding_on_the_request() -> None:
    ask = "Zet uw container vóór 7.00 uur aan de straat. Bel Kees Dam op 010 123 45 67."
    text = INFO.format(ask=ask)
    [reason] = by_rule(text, "brief-reden")
    assert text[reason.start : reason.end] == "Zet uw container vóór 7.00 uur aan de straat."
    assert "vraagt iets van de lezer" in reason.message
    assert "brief-reden" not in rules_of(text.replace("straat.", "straat, omdat de wagen vroeg komt."))
    assert "brief-reden" not in rules_of(text.replace("straat.", "straat, zodat de wagen hem kan legen."))


def test_a_decision_without_a_ground_gets_a_reason_finding_on_the_decision() -> None:
    text = (
        "Geachte heer Kaya,\n\nWij hebben uw aanvraag voor een parkeervergunning bekeken. Uw aanvraag is afgewezen."
        "\n\nBent u het niet eens met dit besluit? Dan kunt u binnen 6 weken bezwaar maken.\n\n"
        "Hebt u vragen? Bel Lotte Maas op 030 286 00 00.\n\nMet vriendelijke groet,\n\nLotte Maas"
    )
    [reason] = by_rule(text, "brief-reden")
    assert text[reason.start : reason.end] == "Uw aanvraag is afgewezen."
    assert "waarom" in reason.message


def test_data_the_letter_only_names_is_no_request_for_personal_data() -> None:
    assert "brief-gegevens" not in rules_of(STATUS)
    text = INFO.format(ask="Gegevens van uw afspraak: dinsdag 9 juni, Stadskantoor. Bel Kees Dam op 010 123 45 67.")
    assert "brief-gegevens" not in rules_of(text)


def test_a_request_for_personal_data_without_a_privacy_line_points_at_the_request() -> None:
    ask = "Wij hebben een kopie van uw identiteitsbewijs nodig. Bel Kees Dam op 010 123 45 67."
    text = INFO.format(ask=ask)
    [data] = by_rule(text, "brief-gegevens")
    assert text[data.start : data.end] == "Wij hebben een kopie van uw identiteitsbewijs nodig."
    assert "vraagt persoonsgegevens" in data.message
    kept = text.replace("nodig.", "nodig. Wij bewaren uw gegevens niet langer dan nodig.")
    assert "brief-gegevens" not in rules_of(kept)


BARE_DECISION = (
    "Geachte mevrouw Jansen,\n\nNaar aanleiding van uw brief van 2 maart 2026.\n\n"
    "Uw aanvraag voor een tegemoetkoming is afgewezen. Stuur ons een kopie van uw huurcontract.\n\n"
    "Met vriendelijke groet,\n\nAfdeling Inkomen"
)


def test_no_letter_finding_is_about_the_whole_text_when_the_letter_has_a_place_for_it() -> None:
    report = check_text(BARE_DECISION)
    letter = [item for item in report.findings if item.rule.startswith("brief-")]
    assert {"brief-contactpersoon", "brief-telefoon", "brief-reden", "brief-bezwaar", "brief-gegevens"} <= {
        item.rule for item in letter
    }
    body_start = BARE_DECISION.index("Naar aanleiding")
    for item in letter:
        assert body_start <= item.start < item.end, item.rule
        assert item.excerpt == " ".join(BARE_DECISION[item.start : item.end].split())


def test_a_missing_contact_person_and_phone_number_point_above_the_greeting() -> None:
    contact = by_rule(BARE_DECISION, "brief-contactpersoon") + by_rule(BARE_DECISION, "brief-telefoon")
    assert [BARE_DECISION[item.start : item.end] for item in contact] == ["Met vriendelijke groet"] * 2
    assert all("boven de groet" in item.suggestion for item in contact)


def test_a_missing_contact_person_points_into_the_paragraph_about_questions() -> None:
    text = BARE_DECISION.replace(
        "\n\nMet vriendelijke groet", "\n\nHebt u vragen? Kijk dan op onze website.\n\nMet vriendelijke groet"
    )
    [contact] = by_rule(text, "brief-contactpersoon")
    assert text[contact.start : contact.end] == "Hebt u vragen? Kijk dan op onze website."
    assert "in deze alinea" in contact.suggestion


OBJECTION = (
    "Geachte heer Kaya,\n\nU krijgt geen parkeervergunning, omdat er in uw straat geen plek meer is.\n\n"
    "Bent u het niet eens met dit besluit?\nDan kunt u bezwaar maken. Stuur ons een brief.\n\n"
    "Hebt u vragen? Bel Lotte Maas op 030 286 00 00.\n\nMet vriendelijke groet,\n\nLotte Maas"
)


def test_an_objection_route_without_its_term_gets_a_warning_on_that_sentence() -> None:
    [objection] = by_rule(OBJECTION, "brief-bezwaar")
    assert objection.severity == "waarschuwing"
    assert OBJECTION[objection.start : objection.end].endswith("Dan kunt u bezwaar maken.")  # below the heading
    assert "binnen welke termijn" in objection.message
    assert objection.rewrite.endswith("Dan kunt u binnen 6 weken bezwaar maken.")
    assert "artikel 6:7" in objection.why


@pytest.mark.parametrize("term", ["binnen 6 weken", "binnen zes weken", "vóór 1 juli 2026"])
def test_an_objection_route_with_its_term_passes(term: str) -> None:
    text = OBJECTION.replace("Dan kunt u bezwaar maken.", f"Dan kunt u {term} bezwaar maken.")
    assert "brief-bezwaar" not in rules_of(text)


def test_a_letter_about_the_progress_of_works_is_no_status_message_and_still_needs_a_named_person() -> None:
    text = (
        "Beste bewoner,\n\nIn deze brief leest u de stand van zaken van de werkzaamheden aan de Kerkstraat. De "
        "nieuwe riolering ligt er. Vanaf 1 juni 2026 leggen wij de stoep opnieuw.\n\nMet vriendelijke groet,\n\n"
        "Team Projecten"
    )
    assert detect_letter_type(text) == "informatiebrief"
    assert "brief-contactpersoon" in rules_of(text)


def test_an_information_letter_that_opens_with_the_receipt_is_still_told_to_open_with_the_message() -> None:
    text = (
        "Beste meneer De Boer,\n\nOp 3 maart 2026 hebben wij uw brief over de bomen in uw straat ontvangen.\n\n"
        "De bomen worden in april gesnoeid.\n\nMet vriendelijke groet,\n\nKees Dam"
    )
    assert check_text(text).letter_type == "informatiebrief"
    assert "brief-hoofdboodschap" in rules_of(text)


INCOMPLETE = (
    "Beste mevrouw Peters,\n\nUw aanvraag voor bijzondere bijstand is nog niet compleet. Wij missen uw laatste "
    "loonstrook. U kunt die sturen naar Postbus 10, 1000 AA Amsterdam.\n\nHebben wij de loonstrook niet? Dan "
    "kunnen wij uw aanvraag niet behandelen. Hebt u vragen? U kunt ons bellen op 020 555 12 12, wij helpen u "
    "graag.\n\nMet vriendelijke groet,\n\nAhmed Said"
)


def test_a_polite_request_in_a_letter_that_asks_by_its_kind_still_needs_a_deadline() -> None:
    assert check_text(INCOMPLETE).letter_type == "aanvraag-onvolledig"
    [deadline] = by_rule(INCOMPLETE, "brief-termijn")
    assert INCOMPLETE[deadline.start : deadline.end] == "U kunt die sturen naar Postbus 10, 1000 AA Amsterdam."
    assert deadline.severity == "waarschuwing"


def test_u_kunt_in_a_letter_that_only_informs_is_an_option_and_needs_no_deadline() -> None:
    text = UNDATED.format(ask="U kunt uw oude container laten staan. Bel Kees Dam op 010 123 45 67.")
    assert "brief-termijn" not in rules_of(text)
    assert "brief-termijn" in rules_of(text, letter_type="aanvraag-onvolledig")  # there it is the request
