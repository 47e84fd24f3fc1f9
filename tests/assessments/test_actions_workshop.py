"""Actions in a workshop: owners incl. the facilitator, questions of the session only, no past dates, no
duplicates after Back + resubmit, delete after a confirmation page, and controls with distinct names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from denkraam.accounts.models import AuditEvent, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Assessment
from denkraam.initiatives.models import Initiative
from tests.assessments.factories import workshop_open

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
QUICK = ["betrouwbaar-afspraken", "transparant-besluit", "begrijpelijke-taal-b1"]


@pytest.fixture
def workshop(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """alice leads without answering herself; bob takes part; the session covers three questions."""
    return workshop_open(initiative=initiative, facilitator=alice, participant="bob", question_ids=QUICK)


def actions_url(assessment: Assessment) -> str:
    return reverse("assessments:actions", kwargs={"assessment_id": assessment.pk})


def delete_url(action: Action) -> str:
    return reverse("assessments:action_delete", kwargs={"assessment_id": action.assessment_id, "action_id": action.pk})


def page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


# Owner


def test_the_facilitator_can_make_herself_the_owner_without_taking_part(workshop: Assessment, alice: User) -> None:
    action = services.action_create(assessment=workshop, actor=alice, title="Brief herschrijven", owner=alice)
    assert action.owner == alice


def test_the_form_offers_the_facilitator_and_every_participant_as_owner(
    workshop: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    html = page(client_for(alice).get(actions_url(workshop)))
    select = re.search(r'<select name="owner".*?</select>', html, re.S)
    assert select is not None
    options = dict(re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', select.group(0)))
    assert options[str(alice.pk)].endswith("(gespreksleider)")
    assert f'value="{bob.pk}"' in select.group(0)
    response = client_for(bob).post(actions_url(workshop), {"title": "Alice belt de klant", "owner": alice.pk})
    assert response.status_code == 302
    assert Action.objects.get(title="Alice belt de klant").owner == alice


def test_an_outsider_is_refused_as_owner(workshop: Assessment, alice: User, charlie: User) -> None:
    with pytest.raises(ValidationError, match="deelnemer of de gespreksleider"):
        services.action_create(assessment=workshop, actor=alice, title="Iets", owner=charlie)
    assert not Action.objects.exists()


# Questions


def test_the_form_lists_only_the_sessions_questions_as_checkboxes_grouped_by_principle(
    workshop: Assessment, bob: User, client_for: ClientFor
) -> None:
    html = page(client_for(bob).get(actions_url(workshop)))
    boxes = re.findall(r'<input type="checkbox" name="question_ids" value="([^"]+)"', html)
    assert boxes == QUICK
    assert '<select name="question_ids"' not in html and "Ctrl" not in html
    legends = re.findall(r'denkraam-action-principle__legend">([^<]+)</legend>', html)
    assert legends == ["Betrouwbaar en voorspelbaar", "Open en duidelijk", "Begrijpelijke taal"]


def test_questions_outside_the_session_are_not_linked(workshop: Assessment, bob: User) -> None:
    action = services.action_create(
        assessment=workshop, actor=bob, title="Iets", question_ids=["transparant-besluit", "proactief-rechten"]
    )
    assert action.question_ids == ["transparant-besluit"]


# Due dates


def test_a_due_date_in_the_past_is_refused_with_a_dutch_message_next_to_the_field(
    workshop: Assessment, bob: User, client_for: ClientFor
) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = client_for(bob).post(actions_url(workshop), {"title": "Te laat", "due_date": yesterday.isoformat()})
    assert response.status_code == 400
    html = page(response)
    assert "ligt in het verleden. Kies vandaag of een datum later." in html
    assert 'id="id_due_date_fouten"' in html
    assert not Action.objects.exists()
    today = services.action_create(assessment=workshop, actor=bob, title="Vandaag", due_date=timezone.localdate())
    assert today.due_date == timezone.localdate()


def test_an_overdue_action_keeps_its_date_when_edited_and_the_list_says_it_is_late(
    workshop: Assessment, bob: User, client_for: ClientFor
) -> None:
    action = services.action_create(assessment=workshop, actor=bob, title="Bellen", due_date=timezone.localdate())
    past = timezone.localdate() - dt.timedelta(days=3)
    Action.objects.filter(pk=action.pk).update(due_date=past)
    action.refresh_from_db()
    services.action_update(action=action, actor=bob, title="Bellen met de klant", due_date=past)
    action.refresh_from_db()
    assert (action.title, action.due_date) == ("Bellen met de klant", past)
    assert "(te laat)" in page(client_for(bob).get(actions_url(workshop)))
    with pytest.raises(ValidationError, match="in het verleden"):
        services.action_update(action=action, actor=bob, title="Bellen", due_date=past - dt.timedelta(days=1))


# Duplicates


def test_the_same_form_sent_twice_adds_one_action(workshop: Assessment, bob: User, client_for: ClientFor) -> None:
    client = client_for(bob)
    data = {"title": "Termijn in de brief", "owner_name": "Team Brieven"}
    assert client.post(actions_url(workshop), data).status_code == 302
    again = client.post(actions_url(workshop), data)  # Back, then "Actie toevoegen" once more
    assert again.status_code == 400
    assert "staat al in de lijst" in page(again)
    assert Action.objects.filter(assessment=workshop).count() == 1


def test_renaming_an_action_to_another_actions_title_is_refused(workshop: Assessment, bob: User) -> None:
    services.action_create(assessment=workshop, actor=bob, title="Eerste")
    second = services.action_create(assessment=workshop, actor=bob, title="Tweede")
    with pytest.raises(ValidationError, match="staat al in de lijst"):
        services.action_update(action=second, actor=bob, title="eerste ")
    services.action_update(action=second, actor=bob, title="Tweede", description="Zelfde titel mag")


# Delete


def test_delete_asks_first_then_removes_the_action_with_an_audit_line(
    workshop: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    action = services.action_create(assessment=workshop, actor=bob, title="Weg ermee")
    client = client_for(alice)
    confirm = client.get(delete_url(action))
    assert confirm.status_code == 200
    assert "Weet u zeker dat u deze actie wilt verwijderen?" in page(confirm)
    assert Action.objects.filter(pk=action.pk).exists()  # a GET changes nothing
    response = client.post(delete_url(action), follow=True)
    assert response.redirect_chain == [(actions_url(workshop), 302)]
    assert "De actie &#x27;Weg ermee&#x27; is verwijderd." in page(response)
    assert not Action.objects.filter(pk=action.pk).exists()
    event = AuditEvent.objects.get(action="action.deleted")
    assert event.actor == alice and "Weg ermee" in event.summary


def test_charlie_gets_404_on_delete_and_the_action_stays(
    workshop: Assessment, bob: User, charlie: User, client_for: ClientFor
) -> None:
    action = services.action_create(assessment=workshop, actor=bob, title="Blijft")
    client = client_for(charlie)
    assert client.get(delete_url(action)).status_code == 404
    assert client.post(delete_url(action)).status_code == 404
    assert Action.objects.get(pk=action.pk).title == "Blijft"
    assert not AuditEvent.objects.filter(action="action.deleted").exists()


def test_a_closed_session_refuses_the_delete(
    workshop: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    action = services.action_create(assessment=workshop, actor=bob, title="Blijft")
    services.answer_save(assessment=workshop, user=bob, question_id=QUICK[0], rating="goed")
    services.assessment_reveal(assessment=workshop, actor=alice)
    services.assessment_close(assessment=workshop, actor=alice)
    response = client_for(alice).post(delete_url(action), follow=True)
    assert "Dit gesprek is gesloten" in page(response)
    assert Action.objects.filter(pk=action.pk).exists()


# Names of the controls


def test_every_control_in_the_list_has_its_own_accessible_name(
    workshop: Assessment, bob: User, client_for: ClientFor
) -> None:
    services.action_create(assessment=workshop, actor=bob, title="Eerste")
    services.action_create(assessment=workshop, actor=bob, title="Tweede")
    html = page(client_for(bob).get(actions_url(workshop)))
    names = [
        re.sub(r"<[^>]+>", "", match).strip()
        for match in re.findall(
            r"<(?:a|button)\b[^>]*>(.*?)</(?:a|button)>", html.split("<table", 1)[1].split("</table>")[0], re.S
        )
    ]
    assert sorted(names) == sorted(
        [
            "Status opslaan van Eerste",
            "Bewerken actie: Eerste",
            "Verwijderen actie: Eerste",
            "Status opslaan van Tweede",
            "Bewerken actie: Tweede",
            "Verwijderen actie: Tweede",
        ]
    )
