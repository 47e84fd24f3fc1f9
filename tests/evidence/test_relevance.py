"""A finding informs only the questions its rule is about, never every question of its principle."""

from __future__ import annotations

import pytest

from denkraam.analysis import RULES
from denkraam.evidence.relevance import RULE_QUESTIONS, finding_questions
from denkraam.framework import load_frame

FRAME = load_frame()


def ids(rule: str, *, principle: str, kind: str = "text") -> list[str]:
    return [q.id for q in finding_questions(frame=FRAME, principle_id=principle, kind=kind, rule=rule)]


def test_a_letter_without_a_word_on_personal_data_informs_the_data_question_not_the_decision_question() -> None:
    assert ids("brief-gegevens", principle="transparant") == ["transparant-gegevens"]
    assert ids("page-privacy-statement-missing", principle="transparant", kind="webpage") == ["transparant-gegevens"]
    assert ids("brief-reden", principle="transparant") == ["transparant-besluit"]


def test_a_threat_informs_the_question_about_tone_not_the_one_about_proof() -> None:
    assert ids("dreigende-toon", principle="vertrouwen-in-burger") == ["vertrouwen-in-burger-toon"]


def test_of_a_rules_questions_those_asking_for_its_kind_of_evidence_win() -> None:
    assert ids("vage-tijd", principle="betrouwbaar") == ["betrouwbaar-afspraken", "betrouwbaar-volgende-stap"]
    # On a web page: the frame asks no page evidence for keeping promises.
    assert ids("vage-tijd", principle="betrouwbaar", kind="webpage") == ["betrouwbaar-volgende-stap"]


def test_an_unknown_rule_informs_only_the_questions_asking_for_its_kind_of_evidence() -> None:
    assert ids("nieuwe-regel", principle="transparant", kind="webpage") == [
        "transparant-gegevens",
        "transparant-status",
        "transparant-bezwaar",
    ]
    # No question of "Eigen fouten herstellen" asks for a web page: such a finding informs no question at all.
    assert ids("nieuwe-regel", principle="fouten-herstellen", kind="webpage") == []
    assert ids("lange-zin", principle="bestaat-niet") == []


@pytest.mark.parametrize("rule", sorted(RULE_QUESTIONS))
def test_every_rule_names_questions_of_its_own_principle(rule: str) -> None:
    principle = RULES[rule].principle if rule in RULES else None
    named = set(RULE_QUESTIONS[rule])
    known = {q.id: q for q in FRAME.questions()}
    assert named <= set(known), f"{rule} names a question the frame does not have"
    if principle is not None:
        assert {known[q].principle_id for q in named} == {principle}


def test_every_rule_of_the_text_check_is_in_the_table() -> None:
    assert set(RULES) <= set(RULE_QUESTIONS)
