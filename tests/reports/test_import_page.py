from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from denkraam.reports.exports.assessment_json import assessment_export
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dana(kvk: Organisation) -> User:
    """A beheerder at KVK."""
    user = UserFactory(username="dana")
    MembershipFactory(user=user, organisation=kvk, role=Membership.Role.BEHEERDER)
    return user


def _upload(data: dict | bytes) -> SimpleUploadedFile:
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile("gesprek.json", content, content_type="application/json")


def _export_and_forget(assessment: Assessment) -> dict:
    """An export from 'another denkraam': here only the organisations remain, not the people or the initiative."""
    data = assessment_export(assessment=assessment)
    assessment.delete()
    Initiative.objects.all().delete()
    User.objects.filter(username__in=["alice", "bob"]).delete()
    return data


def test_a_beheerder_reads_an_export_into_their_organisation(
    closed_assessment: Assessment, dana: User, kvk: Organisation, client_for: Callable[[User], Client]
) -> None:
    data = _export_and_forget(closed_assessment)
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(data)})
    imported = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:assessment", args=[imported.pk])
    assert imported.initiative.owner == kvk


def test_a_member_who_is_not_beheerder_gets_404(bob: User, client_for: Callable[[User], Client]) -> None:
    assert client_for(bob).get(reverse("reports:import")).status_code == 404


def test_names_in_the_file_never_become_people_here_even_when_they_exist(
    closed_assessment: Assessment, dana: User, alice: User, client_for: Callable[[User], Client]
) -> None:
    data = assessment_export(assessment=closed_assessment)
    closed_assessment.delete()
    Initiative.objects.all().delete()  # alice and bob still exist here, at UWV
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(data)})
    assert response.status_code == 302
    imported = Assessment.objects.get()
    # The file cannot put words in alice's mouth: the answers carry her name as text, not her account.
    assert not imported.answers.filter(user__isnull=False).exists()
    assert set(imported.answers.values_list("person_name", flat=True)) == {"Alice (UWV)", "Bob (UWV)"}
    assert client_for(alice).get(reverse("reports:assessment", args=[imported.pk])).status_code == 404


def test_a_broken_file_gets_a_clear_message(dana: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(dana).post(reverse("reports:import"), {"organisatie": "kvk", "bestand": _upload(b"{kapot")})
    assert response.status_code == 400
    assert "geen geldige JSON" in response.content.decode()
