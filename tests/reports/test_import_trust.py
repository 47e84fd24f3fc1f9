"""An import creates data for the importing organisation only; the file is never trusted about anyone else.

dana is beheerder at KVK and reads in a file. alice (UWV begeleider) must never see what dana's file says in UWV's
name: the people and organisations of the file become plain text labels on the answers and actions, never user
accounts, memberships or partners. charlie (KVK lid) sees the import like any KVK session.
"""

from __future__ import annotations

import copy
import html
import json
import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Action, Answer, Assessment
from denkraam.initiatives.models import Initiative
from denkraam.reports.exports.assessment_json import assessment_export
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dana(kvk: Organisation) -> User:
    user = UserFactory(username="dana", first_name="Dana")
    MembershipFactory(user=user, organisation=kvk, role=Membership.Role.BEHEERDER)
    return user


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def _upload(data: dict[str, Any]) -> SimpleUploadedFile:
    return SimpleUploadedFile("gesprek.json", json.dumps(data).encode(), content_type="application/json")


@pytest.fixture
def forged(closed_assessment: Assessment) -> dict[str, Any]:
    """A file that speaks for UWV: Jan and Piet 'of UWV' judge the letter bad, UWV is a partner, all published.

    Made from a real export whose session and initiative are then removed, with alice and bob renamed to people
    who have no account here.
    """
    raw = json.dumps(assessment_export(assessment=closed_assessment))
    closed_assessment.delete()
    Initiative.objects.all().delete()
    for old, new in (('"alice"', '"jan"'), ('"bob"', '"piet"'), ('"Alice"', '"Jan"'), ('"Bob"', '"Piet"')):
        raw = raw.replace(old, new)
    data = json.loads(raw)
    data["organisations"].append({"name": "Belastingdienst", "slug": "belastingdienst"})
    data["participants"][1]["organisation"] = "belastingdienst"  # piet
    data["initiative"]["partners"] = ["uwv"]
    data["initiative"]["is_published"] = True
    for answer in data["answers"]:
        answer["rating"], answer["reason"] = "slecht", ""
    return data


def test_a_forged_file_creates_no_users_no_organisations_and_no_partners(
    forged: dict[str, Any], dana: User, client_for: Callable[[User], Client]
) -> None:
    users, organisations, memberships = User.objects.count(), Organisation.objects.count(), Membership.objects.count()
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    assert response.status_code == 302
    imported = Assessment.objects.get()
    assert not User.objects.filter(username__in=["jan", "piet"]).exists()
    assert (User.objects.count(), Organisation.objects.count()) == (users, organisations)
    assert Membership.objects.count() == memberships
    assert imported.initiative.owner.slug == "kvk"
    assert list(imported.initiative.partners.all()) == []
    assert not imported.initiative.is_published  # publishing is KVK's own decision, later
    assert imported.facilitator is None and imported.facilitator_name == "Jan (UWV)"
    assert set(imported.answers.values_list("person_name", flat=True)) == {"Jan (UWV)", "Piet (Belastingdienst)"}
    assert not imported.answers.filter(user__isnull=False).exists()
    action = Action.objects.get(assessment=imported)
    assert (action.owner, action.owner_name) == (None, "Jan (UWV)")


def test_uwv_staff_never_see_a_verdict_a_kvk_file_puts_in_uwvs_name(
    forged: dict[str, Any], dana: User, alice: User, client_for: Callable[[User], Client]
) -> None:
    client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    imported = Assessment.objects.get()
    alices = client_for(alice)
    assert alices.get(reverse("reports:assessment", args=[imported.pk])).status_code == 404
    assert alices.get(reverse("assessments:detail", kwargs={"assessment_id": imported.pk})).status_code == 404
    initiative_page = reverse("initiatives:detail", kwargs={"initiative_id": imported.initiative_id})
    assert alices.get(initiative_page).status_code == 404
    portfolio = _text(alices.get(reverse("reports:portfolio")).content.decode())
    assert "Brief over de WW-uitkering" not in portfolio


def test_kvk_sees_the_names_from_the_file_as_text_marked_as_imported(
    forged: dict[str, Any], dana: User, charlie: User, client_for: Callable[[User], Client]
) -> None:
    client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    imported = Assessment.objects.get()
    report = _text(client_for(charlie).get(reverse("reports:assessment", args=[imported.pk])).content.decode())
    assert "Jan (UWV): Slecht" in report
    assert "Piet (Belastingdienst)" in report
    assert "ingelezen uit een bestand" in report
    overview = client_for(charlie).get(reverse("assessments:detail", kwargs={"assessment_id": imported.pk}))
    text = _text(overview.content.decode())
    assert "gespreksleider: Jan (UWV)" in text
    assert "ingelezen uit een bestand" in text


def test_an_import_never_adds_a_session_to_an_initiative_of_another_organisation(
    forged: dict[str, Any], dana: User, uwv: Organisation, kvk: Organisation, client_for: Callable[[User], Client]
) -> None:
    # UWV's own initiative, with KVK as a partner: dana may edit it, but what it says belongs to UWV.
    theirs = InitiativeFactory(name="Brief van UWV", owner=uwv, partners=[kvk])
    forged["initiative"]["id"] = str(theirs.pk)
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    assert response.status_code == 400
    assert "hoort hier bij een andere organisatie" in _text(response.content.decode())
    assert Assessment.objects.count() == 0


def test_a_duplicated_action_id_is_a_clear_dutch_error_not_a_server_error(
    forged: dict[str, Any], dana: User, client_for: Callable[[User], Client]
) -> None:
    second = copy.deepcopy(forged["actions"][0])
    second["title"] = "Nog een actie"
    forged["actions"].append(second)
    users = User.objects.count()
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    assert response.status_code == 400
    text = _text(response.content.decode())
    assert "Het bestand is niet ingelezen. Er is niets veranderd." in text
    assert f"actions[1].id: {second['id']!r} staat twee keer in het bestand." in text
    assert (Assessment.objects.count(), Initiative.objects.count(), User.objects.count()) == (0, 0, users)


def test_an_action_id_that_exists_here_already_is_refused_and_nothing_is_stored(
    forged: dict[str, Any], dana: User, alice: User, uwv: Organisation, client_for: Callable[[User], Client]
) -> None:
    from tests.reports.conftest import run_assessment

    other = run_assessment(initiative=InitiativeFactory(owner=uwv), facilitator=alice, others=[])
    existing = Action.objects.get(assessment=other)
    forged["actions"][0]["id"] = str(existing.pk)
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    assert response.status_code == 400
    assert "actions[0].id: deze actie bestaat hier al" in _text(response.content.decode())
    assert Assessment.objects.count() == 1
    assert Action.objects.get(pk=existing.pk).assessment_id == other.pk


def test_an_inconsistent_file_lists_every_problem_and_stores_nothing(
    forged: dict[str, Any], dana: User, client_for: Callable[[User], Client]
) -> None:
    forged["assessment"]["revealed_at"] = None  # closed, but never revealed?
    forged["answers"].append(dict(forged["answers"][0]))  # the same person answers the same question twice
    forged["answers"][1]["username"] = None  # neither an account nor a name
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(forged)})
    assert response.status_code == 400
    text = _text(response.content.decode())
    assert "assessment.revealed_at: een gesprek met de stand 'gesloten' heeft een tijdstip van onthullen." in text
    assert "deze deelnemer heeft deze vraag twee keer beantwoord." in text
    assert "answers[1]: geef een gebruikersnaam (username) of een naam (person_name)." in text
    assert Answer.objects.count() == 0 and Assessment.objects.count() == 0


def test_an_assessment_id_that_exists_here_is_refused(
    closed_assessment: Assessment, dana: User, client_for: Callable[[User], Client]
) -> None:
    data = assessment_export(assessment=closed_assessment)
    data["initiative"]["id"] = str(uuid.uuid4())
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(data)})
    assert response.status_code == 400
    assert "Dit gesprek is al eerder ingelezen" in _text(response.content.decode())
    assert Assessment.objects.count() == 1
