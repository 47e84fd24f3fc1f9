"""Findings land on the questions they inform; participants cite evidence, and the reveal shows it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments import services as assessment_services
from denkraam.assessments.models import Answer, Assessment
from denkraam.evidence import services
from denkraam.evidence.demo import demo_text
from denkraam.evidence.models import Citation, EvidenceItem
from denkraam.evidence.selectors import question_evidence_map
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from tests.evidence.conftest import FIXTURES, LoopbackSite
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture
def letter(initiative: Initiative, alice: User, run_tasks: Callable) -> EvidenceItem:
    with run_tasks():
        item, _ = services.evidence_add_text(
            initiative=initiative, actor=alice, title="Brief maart", text=demo_text("brief_herbeoordeling.txt")
        )
    return item


@pytest.fixture
def assessment(initiative: Initiative, alice: User, bob: User) -> Assessment:
    assessment = assessment_services.assessment_create(initiative=initiative, actor=alice, title="Gesprek")
    assessment_services.participant_invite(assessment=assessment, actor=alice, identifier="bob")
    return assessment_services.assessment_open(assessment=assessment, actor=alice)


def questionnaire(assessment: Assessment, principle: str) -> str:
    return reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk}) + f"?principe={principle}"


def test_findings_land_only_on_the_questions_their_rule_informs(letter: EvidenceItem, initiative: Initiative) -> None:
    result = question_evidence_map(initiative=initiative, frame=load_frame())
    # The threat ("boete") is about tone: it informs the question on tone, not the one on asking for proof.
    assert "vertrouwen-in-burger-toon" in result
    assert "vertrouwen-in-burger-bewijs" not in result and "vertrouwen-in-burger-uitleg" not in result
    assert "betrouwbaar-afspraken" in result  # vague time ("binnenkort") informs reliability
    assert "betrouwbaar-kanalen" not in result  # same answer on every channel: nothing in a letter says so
    assert "transparant-bezwaar" in result  # a decision without an objection route
    assert "transparant-status" not in result
    assert "begrijpelijke-taal-b1" in result and "begrijpelijke-taal-getest" not in result
    assert "een-keer-vertellen-afdelingen" not in result  # nothing in the letter is about that
    top = result["begrijpelijke-taal-b1"].top
    assert len(top) == 3 and all(c.finding.data["severity"] == "fout" for c in top[:2])
    assert result["begrijpelijke-taal-b1"].counts == [(letter, result["begrijpelijke-taal-b1"].total)]
    rules = {q: {c.finding.data["rule"] for c in entry.top} for q, entry in result.items()}
    assert "dreigende-toon" not in rules.get("betrouwbaar-afspraken", set())


def test_each_question_in_the_questionnaire_shows_its_findings(
    client_for: ClientFor, bob: User, letter: EvidenceItem, assessment: Assessment
) -> None:
    page = client_for(bob).get(questionnaire(assessment, "vertrouwen-in-burger")).content.decode()
    assert page.count("Wat het bewijs zegt over deze vraag") == 1
    assert "Dreigende toon" in page
    link = reverse("evidence:detail", kwargs={"item_id": letter.pk}) + "#bevinding-"
    assert link in page


def test_the_web_page_findings_land_on_accessibility_questions(
    client_for: ClientFor,
    alice: User,
    initiative: Initiative,
    assessment: Assessment,
    site: LoopbackSite,
    allow_loopback: None,
    run_tasks: Callable,
) -> None:
    url = site.page("/pagina", (FIXTURES / "demo_pagina.html").read_bytes())
    with run_tasks():
        services.evidence_add_url(initiative=initiative, actor=alice, title="Webpagina WW", url=url)
    page = client_for(alice).get(questionnaire(assessment, "toegankelijk-voor-iedereen")).content.decode()
    assert "Webpagina WW" in page
    assert "Pagina: afbeelding zonder tekstalternatief" in page


def test_a_participant_cites_evidence_and_the_reveal_shows_it(
    client_for: ClientFor, alice: User, bob: User, letter: EvidenceItem, assessment: Assessment
) -> None:
    client = client_for(bob)
    response = client.post(
        questionnaire(assessment, "vertrouwen-in-burger"),
        {
            "principe": "vertrouwen-in-burger",
            "vertrouwen-in-burger-toon-rating": "onvoldoende",
            "vertrouwen-in-burger-toon-note": "De brief dreigt met een boete.",
            "vertrouwen-in-burger-toon-evidence_item": str(letter.pk),
            "opslaan": "1",
        },
    )
    assert response.status_code == 302
    citation = Citation.objects.get()
    assert citation.item == letter and citation.answer.user == bob
    # The choice is remembered in the form.
    form = client.get(questionnaire(assessment, "vertrouwen-in-burger")).content.decode()
    assert f'<option value="{letter.pk}" selected>' in form
    question_url = reverse(
        "assessments:question", kwargs={"assessment_id": assessment.pk, "question_id": "vertrouwen-in-burger-toon"}
    )
    # Blind: before the reveal alice does not see bob's citation.
    assert "Verwijst naar bewijs" not in client_for(alice).get(question_url).content.decode()
    assessment_services.assessment_reveal(assessment=assessment, actor=alice)
    page = client_for(alice).get(question_url).content.decode()
    assert "Verwijst naar bewijs" in page and "Brief maart" in page


def test_clearing_the_choice_removes_the_citation(
    client_for: ClientFor, bob: User, letter: EvidenceItem, assessment: Assessment
) -> None:
    answer = assessment_services.answer_save(
        assessment=assessment, user=bob, question_id="vertrouwen-in-burger-toon", rating="voldoende"
    )
    services.citation_set(answer=answer, actor=bob, item_id=letter.pk)
    client_for(bob).post(
        questionnaire(assessment, "vertrouwen-in-burger"),
        {"principe": "vertrouwen-in-burger", "vertrouwen-in-burger-toon-rating": "voldoende", "opslaan": "1"},
    )
    assert not Citation.objects.exists()


def test_evidence_of_another_initiative_cannot_be_cited(
    bob: User, charlie: User, letter: EvidenceItem, assessment: Assessment
) -> None:
    from django.core.exceptions import PermissionDenied, ValidationError

    other = InitiativeFactory(owner=charlie.memberships.get().organisation)
    foreign = EvidenceItem.objects.create(initiative=other, title="Van KVK", kind="tekst", text="Tekst")
    answer = assessment_services.answer_save(
        assessment=assessment, user=bob, question_id="vertrouwen-in-burger-toon", rating="voldoende"
    )
    with pytest.raises(ValidationError):
        services.citation_set(answer=answer, actor=bob, item_id=foreign.pk)
    with pytest.raises(PermissionDenied):
        services.citation_set(answer=answer, actor=charlie, item_id=letter.pk)
    assert not Citation.objects.exists()
    assert Answer.objects.count() == 1


def test_without_evidence_the_questionnaire_is_unchanged(
    client_for: ClientFor, bob: User, assessment: Assessment
) -> None:
    page = client_for(bob).get(questionnaire(assessment, "vertrouwen-in-burger")).content.decode()
    assert "Wat het bewijs zegt" not in page and "evidence_item" not in page
