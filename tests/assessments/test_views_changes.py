"""The pages for taking things back: remove a participant, edit an action, clear an answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Action, Answer, Assessment, Participant
from tests.factories import MembershipFactory, UserFactory

Q1 = "betrouwbaar-afspraken"
Q2 = "betrouwbaar-volgende-stap"
ClientFor = Callable[[User], Client]


@pytest.fixture
def action(assessment: Assessment, alice: User) -> Action:
    return services.action_create(assessment=assessment, actor=alice, title="Termijn noemen", owner_name="Team")


@pytest.fixture
def reader(uwv: Organisation) -> User:
    """Someone of UWV who may look at the conversation but does not take part."""
    user = UserFactory(username="lezer", first_name="Lea")
    MembershipFactory(user=user, organisation=uwv, role=Membership.Role.LEZER)
    return user


def _bobs(assessment: Assessment, bob: User) -> Participant:
    return Participant.objects.get(assessment=assessment, user=bob)


def _new_urls(assessment: Assessment, bob: User, action: Action) -> dict[str, str]:
    pk = {"assessment_id": assessment.pk}
    return {
        "participant_remove": reverse(
            "assessments:participant_remove", kwargs={**pk, "participant_id": _bobs(assessment, bob).pk}
        ),
        "action_edit": reverse("assessments:action_edit", kwargs={**pk, "action_id": action.pk}),
        "action_delete": reverse("assessments:action_delete", kwargs={**pk, "action_id": action.pk}),
        "answer_clear": reverse("assessments:answer_clear", kwargs=pk),
    }


def _page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def test_charlie_gets_404_on_every_new_url(
    assessment: Assessment, action: Action, bob: User, charlie: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    client = client_for(charlie)
    for name, url in _new_urls(assessment, bob, action).items():
        get = client.get(url)
        post = client.post(url, {"title": "Van charlie", "vraag": Q1})
        assert get.status_code in {404, 405}, name
        assert post.status_code == 404, name
    assert Participant.objects.filter(assessment=assessment, user=bob).exists()
    assert Action.objects.get(pk=action.pk).title == "Termijn noemen"
    assert Answer.objects.filter(user=bob).count() == 1


def test_anonymous_visitors_are_sent_to_login_from_every_new_url(
    assessment: Assessment, action: Action, bob: User
) -> None:
    for name, url in _new_urls(assessment, bob, action).items():
        for response in (Client().get(url), Client().post(url, {"vraag": Q1})):
            assert response.status_code == 302 and "/inloggen/" in response["Location"], name


def test_every_new_form_needs_its_csrf_token(assessment: Assessment, action: Action, alice: User, bob: User) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    urls = _new_urls(assessment, bob, action)
    for user, name, data in [
        (alice, "participant_remove", {}),
        (bob, "action_edit", {"title": "Zonder token"}),
        (bob, "action_delete", {}),
        (bob, "answer_clear", {"vraag": Q1}),
    ]:
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        assert client.post(urls[name], data).status_code == 403, name
    assert Participant.objects.filter(assessment=assessment, user=bob).exists()
    assert Action.objects.get(pk=action.pk).title == "Termijn noemen"
    assert Answer.objects.filter(user=bob).count() == 1


# Removing a participant


def test_the_participants_page_offers_removal_for_everyone_but_the_facilitator(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    html = _page(client_for(alice).get(reverse("assessments:participants", kwargs={"assessment_id": assessment.pk})))
    assert html.count(">Verwijderen<span") == 1
    assert (
        reverse(
            "assessments:participant_remove",
            kwargs={"assessment_id": assessment.pk, "participant_id": _bobs(assessment, bob).pk},
        )
        in html
    )
    bobs_view = _page(client_for(bob).get(reverse("assessments:participants", kwargs={"assessment_id": assessment.pk})))
    assert ">Verwijderen<span" not in bobs_view


def test_the_facilitator_confirms_and_removes_a_participant(
    assessment: Assessment, action: Action, alice: User, bob: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.answer_save(assessment=assessment, user=bob, question_id=Q2, rating="slecht")
    url = _new_urls(assessment, bob, action)["participant_remove"]
    participants_url = reverse("assessments:participants", kwargs={"assessment_id": assessment.pk})
    client = client_for(alice)
    confirm = _page(client.get(url))
    assert "Weet u zeker dat u Bob" in confirm and "2 antwoorden van deze deelnemer vervallen." in confirm
    assert f'href="{participants_url}">Annuleren</a>' in confirm and 'method="post"' in confirm
    assert Participant.objects.filter(assessment=assessment, user=bob).exists()  # GET changes nothing
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(participants_url, 302)]
    assert "Bob doet niet meer mee." in _page(response)
    assert not Participant.objects.filter(assessment=assessment, user=bob).exists()
    assert not Answer.objects.filter(user=bob).exists()


def test_bob_cannot_remove_a_participant(
    assessment: Assessment, alice: User, bob: User, charlie: User, client_for: ClientFor
) -> None:
    services.participant_invite(assessment=assessment, actor=alice, identifier="charlie")
    charlies = Participant.objects.get(assessment=assessment, user__username="charlie")
    url = reverse(
        "assessments:participant_remove", kwargs={"assessment_id": assessment.pk, "participant_id": charlies.pk}
    )
    assert client_for(bob).get(url).status_code == 403
    assert client_for(bob).post(url).status_code == 403
    assert Participant.objects.filter(pk=charlies.pk).exists()


def test_the_facilitator_cannot_remove_themselves_through_the_page(
    assessment: Assessment, alice: User, client_for: ClientFor
) -> None:
    alices = Participant.objects.get(assessment=assessment, user=alice)
    url = reverse(
        "assessments:participant_remove", kwargs={"assessment_id": assessment.pk, "participant_id": alices.pk}
    )
    response = client_for(alice).post(url, follow=True)
    assert "De gespreksleider kan niet uit het eigen gesprek worden verwijderd." in _page(response)
    assert Participant.objects.filter(pk=alices.pk).exists()


def test_after_the_reveal_the_page_refuses_removal_and_says_why(
    assessment: Assessment, action: Action, alice: User, bob: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    client = client_for(alice)
    participants = _page(client.get(reverse("assessments:participants", kwargs={"assessment_id": assessment.pk})))
    assert ">Verwijderen<span" not in participants
    url = _new_urls(assessment, bob, action)["participant_remove"]
    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        assert "Na het onthullen kunt u geen deelnemers meer verwijderen." in _page(response)
    assert Answer.objects.filter(user=bob).count() == 1


def test_a_participant_of_another_assessment_is_404_here(
    assessment: Assessment, initiative, alice: User, bob: User, client_for: ClientFor
) -> None:
    other = services.assessment_create(initiative=initiative, actor=alice, title="Ander gesprek")
    bobs_other = services.participant_invite(assessment=other, actor=alice, identifier="bob")
    url = reverse(
        "assessments:participant_remove", kwargs={"assessment_id": assessment.pk, "participant_id": bobs_other.pk}
    )
    assert client_for(alice).post(url).status_code == 404
    assert Participant.objects.filter(pk=bobs_other.pk).exists()


# Editing an action


def test_bob_edits_an_action_on_a_prefilled_form(
    assessment: Assessment, action: Action, bob: User, client_for: ClientFor
) -> None:
    client = client_for(bob)
    actions_url = reverse("assessments:actions", kwargs={"assessment_id": assessment.pk})
    edit_url = _new_urls(assessment, bob, action)["action_edit"]
    assert f'href="{edit_url}">Bewerken' in _page(client.get(actions_url))
    form = _page(client.get(edit_url))
    assert 'value="Termijn noemen"' in form and 'value="Team"' in form and "Annuleren" in form
    response = client.post(
        edit_url,
        {"title": "Termijn in de eerste alinea", "owner": bob.pk, "due_date": "2030-03-01", "question_ids": [Q1]},
        follow=True,
    )
    assert response.redirect_chain == [(actions_url, 302)]
    assert "De actie &#x27;Termijn in de eerste alinea&#x27; is gewijzigd." in _page(response)
    action.refresh_from_db()
    assert (action.title, action.owner, action.owner_name, action.question_ids) == (
        "Termijn in de eerste alinea",
        bob,
        "",
        [Q1],
    )


def test_an_edit_without_a_title_is_refused_in_dutch(
    assessment: Assessment, action: Action, alice: User, bob: User, client_for: ClientFor
) -> None:
    response = client_for(alice).post(_new_urls(assessment, bob, action)["action_edit"], {"title": ""})
    assert response.status_code == 400 and "Geef de actie een titel." in _page(response)
    assert Action.objects.get(pk=action.pk).title == "Termijn noemen"


def test_a_reader_cannot_edit_an_action(
    assessment: Assessment, action: Action, bob: User, reader: User, client_for: ClientFor
) -> None:
    url = _new_urls(assessment, bob, action)["action_edit"]
    actions_page = _page(
        client_for(reader).get(reverse("assessments:actions", kwargs={"assessment_id": assessment.pk}))
    )
    assert url not in actions_page
    assert client_for(reader).get(url).status_code == 403
    assert client_for(reader).post(url, {"title": "Van de lezer"}).status_code == 403
    assert Action.objects.get(pk=action.pk).title == "Termijn noemen"


def test_a_closed_session_has_no_edit_link_and_refuses_the_edit(
    assessment: Assessment, action: Action, alice: User, bob: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    services.assessment_close(assessment=assessment, actor=alice)
    client = client_for(alice)
    url = _new_urls(assessment, bob, action)["action_edit"]
    assert url not in _page(client.get(reverse("assessments:actions", kwargs={"assessment_id": assessment.pk})))
    for response in (client.get(url, follow=True), client.post(url, {"title": "Te laat"}, follow=True)):
        assert "Dit gesprek is gesloten. U kunt niets meer wijzigen." in _page(response)
    assert Action.objects.get(pk=action.pk).title == "Termijn noemen"


def test_an_action_of_another_assessment_is_404_here(
    assessment: Assessment, action: Action, initiative, alice: User, client_for: ClientFor
) -> None:
    other = services.assessment_create(initiative=initiative, actor=alice, title="Ander gesprek")
    url = reverse("assessments:action_edit", kwargs={"assessment_id": other.pk, "action_id": action.pk})
    assert client_for(alice).get(url).status_code == 404


# Clearing an answer


def test_bob_clears_an_answer_and_the_facilitator_sees_the_count_drop(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed", note="Op tijd.")
    pk = {"assessment_id": assessment.pk}
    progress_url = reverse("assessments:progress", kwargs=pk)
    assert "1 van 46" in _page(client_for(alice).get(progress_url))
    client = client_for(bob)
    page = _page(client.get(reverse("assessments:questionnaire", kwargs=pk) + "?principe=betrouwbaar"))
    assert page.count(">Antwoord wissen</button>") == 1
    assert f'form="antwoord-wissen" name="vraag" value="{Q1}"' in page
    response = client.post(reverse("assessments:answer_clear", kwargs=pk), {"vraag": Q1})
    assert response["Location"].endswith(f"?principe=betrouwbaar#vraag-{Q1}")
    after = _page(client.get(response["Location"]))
    assert "Uw antwoord op" in after and "is gewist." in after and "Op tijd." not in after
    assert "Antwoord wissen" not in after
    assert not Answer.objects.filter(user=bob).exists()
    assert "0 van 46" in _page(client_for(alice).get(progress_url))


def test_an_answer_cannot_be_cleared_after_the_reveal(
    assessment: Assessment, alice: User, bob: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    services.assessment_reveal(assessment=assessment, actor=alice)
    pk = {"assessment_id": assessment.pk}
    client = client_for(bob)
    assert "Antwoord wissen" not in _page(client.get(reverse("assessments:questionnaire", kwargs=pk)))
    response = client.post(reverse("assessments:answer_clear", kwargs=pk), {"vraag": Q1}, follow=True)
    assert "U kunt uw antwoorden niet meer wissen." in _page(response)
    assert Answer.objects.filter(user=bob).count() == 1


def test_someone_who_does_not_take_part_cannot_clear_answers(
    assessment: Assessment, bob: User, reader: User, client_for: ClientFor
) -> None:
    services.answer_save(assessment=assessment, user=bob, question_id=Q1, rating="goed")
    url = reverse("assessments:answer_clear", kwargs={"assessment_id": assessment.pk})
    assert client_for(reader).post(url, {"vraag": Q1}).status_code == 403
    assert Answer.objects.filter(user=bob).count() == 1


def test_clearing_an_unknown_question_says_so(assessment: Assessment, bob: User, client_for: ClientFor) -> None:
    url = reverse("assessments:answer_clear", kwargs={"assessment_id": assessment.pk})
    response = client_for(bob).post(url, {"vraag": "bestaat-niet"}, follow=True)
    assert "Deze vraag bestaat niet." in _page(response)
