""" "Mijn gesprekken", where people land after logging in: open tasks first (questionnaires to finish, conversations
they lead, their actions, overdue first), then their organisations' initiatives; a guest gets a way forward."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments.models import Action, Assessment
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from tests.assessments.factories import AssessmentFactory, ParticipantFactory, answers_set
from tests.factories import InitiativeFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
URL = "/mijn-gesprekken/"
QUESTIONS = [q.id for q in load_frame().questions()]


def _page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def initiative(uwv: Organisation) -> Initiative:
    return InitiativeFactory(name="Brief herbeoordeling WW", owner=uwv)


@pytest.fixture
def session(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """Open, led by alice, with alice and bob answering; alice has answered two questions."""
    assessment = AssessmentFactory(
        initiative=initiative, title="Gesprek over de brief", facilitator=alice, status=Assessment.Status.OPEN
    )
    ParticipantFactory(assessment=assessment, user=alice)
    ParticipantFactory(assessment=assessment, user=bob)
    answers_set(assessment=assessment, user=alice, ratings={QUESTIONS[0]: "goed", QUESTIONS[1]: "nvt"})
    return assessment


def _action(session: Assessment, owner: User, title: str, due: int | None, **extra: object) -> Action:
    today = timezone.localdate()
    due_date = today + datetime.timedelta(days=due) if due is not None else None
    return Action.objects.create(assessment=session, owner=owner, title=title, due_date=due_date, **extra)


def test_anonymous_visitors_are_sent_to_login() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_a_guest_without_organisation_or_conversation_is_told_what_to_do_next(client_for: ClientFor) -> None:
    guest = UserFactory(username="gast", email="gast@example.org")
    html = _page(client_for(guest))
    assert "Er staat nog niets voor u klaar" in html
    assert "Vraag de gespreksleider om u uit te nodigen, met uw gebruikersnaam <strong>gast</strong>" in html
    assert "gast@example.org" in html
    assert "Vraag de beheerder van denkraam in uw organisatie om u als lid uit te nodigen" in html
    assert "Mijn initiatieven" not in html


def test_a_member_of_an_organisation_that_is_nowhere_a_partner_gets_a_way_forward_too(
    client_for: ClientFor, charlie: User, uwv: Organisation
) -> None:
    InitiativeFactory(owner=uwv, name="Gepubliceerd bij UWV", is_published=True)
    html = _page(client_for(charlie))
    assert "Er staan nu geen vragenlijsten, gesprekken of acties voor u klaar." in html
    assert "Uw organisatie heeft nog geen initiatieven en is nergens partner." in html
    assert 'href="/initiatieven/nieuw/"' in html
    assert "Gepubliceerd bij UWV" not in html  # published is not "mine"


def test_alice_sees_her_questionnaire_to_finish_with_a_direct_link(
    client_for: ClientFor, alice: User, session: Assessment
) -> None:
    html = _page(client_for(alice))
    questionnaire = reverse("assessments:questionnaire", kwargs={"assessment_id": session.pk})
    assert f'href="{questionnaire}">Vragenlijst invullen: Gesprek over de brief</a>' in html
    assert f"2 van {len(QUESTIONS)} vragen beantwoord" in html
    assert html.index("Vragenlijsten om in te vullen") < html.index("Mijn initiatieven")


def test_alice_sees_the_conversation_she_leads_with_its_stage(
    client_for: ClientFor, alice: User, bob: User, session: Assessment, initiative: Initiative
) -> None:
    AssessmentFactory(initiative=initiative, title="Nog voor te bereiden", facilitator=alice)
    AssessmentFactory(initiative=initiative, title="Al gesloten", facilitator=alice, status=Assessment.Status.GESLOTEN)
    html = _page(client_for(alice))
    detail = reverse("assessments:detail", kwargs={"assessment_id": session.pk})
    assert "Gesprekken die u leidt" in html
    assert f'href="{detail}">Gesprek over de brief</a> (initiatief Brief herbeoordeling WW), stap: open voor' in html
    assert "Nog voor te bereiden</a> (initiatief Brief herbeoordeling WW), stap: voorbereiding." in html
    assert "Nodig de deelnemers uit en open de vragenlijst." in html
    assert "Al gesloten" not in html
    assert "Gesprekken die u leidt" not in _page(client_for(bob))  # bob takes part, he does not lead


def test_alice_sees_her_open_actions_overdue_first_and_not_the_finished_ones(
    client_for: ClientFor, alice: User, bob: User, session: Assessment
) -> None:
    _action(session, alice, "Zonder datum", None)
    _action(session, alice, "Volgende week", 7)
    _action(session, alice, "Al te laat", -3, status=Action.Status.BEZIG)
    _action(session, alice, "Al klaar", -10, status=Action.Status.KLAAR)
    _action(session, bob, "Van Bob", -5)
    html = _page(client_for(alice))
    overdue = (timezone.localdate() - datetime.timedelta(days=3)).strftime("%-d")
    assert "<strong>Te laat:</strong> <a" in html and "Al te laat</a> (gesprek Gesprek over de brief), klaar op" in html
    assert f"klaar op {overdue} " in html and ", bezig." in html
    assert html.index("Al te laat") < html.index("Volgende week") < html.index("Zonder datum")
    assert html.count("Te laat:") == 1
    assert "zonder datum, open." in html
    assert "Al klaar" not in html and "Van Bob" not in html
    actions = reverse("assessments:actions", kwargs={"assessment_id": session.pk})
    assert f'href="{actions}">Al te laat</a>' in html


def test_a_finished_questionnaire_and_one_not_yet_open_are_no_tasks(
    client_for: ClientFor, bob: User, session: Assessment, initiative: Initiative
) -> None:
    answers_set(assessment=session, user=bob, ratings=dict.fromkeys(QUESTIONS, "goed"))
    waiting = AssessmentFactory(initiative=initiative, title="Nog niet open")
    ParticipantFactory(assessment=waiting, user=bob)
    html = _page(client_for(bob))
    assert "Vragenlijst invullen" not in html


def test_a_guest_invited_to_a_conversation_sees_the_questionnaire_but_no_initiatives(
    client_for: ClientFor, session: Assessment
) -> None:
    guest = UserFactory(username="gast")
    ParticipantFactory(assessment=session, user=guest)
    html = _page(client_for(guest))
    assert "Vragenlijst invullen: Gesprek over de brief" in html and f"0 van {len(QUESTIONS)}" in html
    assert "Er staat nog niets voor u klaar" not in html
    assert "U bent geen lid van een organisatie, dus hier staan geen initiatieven." in html


def test_mijn_initiatieven_lists_the_organisation_s_own_and_partner_initiatives_only(
    client_for: ClientFor, bob: User, uwv: Organisation, kvk: Organisation, initiative: Initiative
) -> None:
    InitiativeFactory(owner=kvk, name="Samen met KVK", partners=[uwv])
    InitiativeFactory(owner=kvk, name="Alleen KVK")
    InitiativeFactory(owner=kvk, name="KVK gepubliceerd", is_published=True)
    html = _page(client_for(bob))
    assert "Brief herbeoordeling WW</a> (UWV)" in html
    assert "Samen met KVK</a> (KVK, UWV)" in html
    assert "Alleen KVK" not in html and "KVK gepubliceerd" not in html


def test_charlie_sees_nothing_of_uwv_s_conversations(
    client_for: ClientFor, alice: User, charlie: User, session: Assessment
) -> None:
    _action(session, alice, "Termijn noemen", -1)
    html = _page(client_for(charlie))
    assert "Gesprek over de brief" not in html and "Termijn noemen" not in html
    assert "Brief herbeoordeling WW" not in html


def test_an_action_of_a_conversation_no_longer_visible_is_not_listed(
    client_for: ClientFor, initiative: Initiative, kvk: Organisation
) -> None:
    # Dirk left UWV and no longer takes part: the conversation, and so its action, are out of his sight.
    dirk = UserFactory(username="dirk")
    MembershipFactory(user=dirk, organisation=kvk, role=Membership.Role.LID)
    hidden = AssessmentFactory(initiative=initiative, title="Verborgen gesprek", status=Assessment.Status.OPEN)
    Action.objects.create(assessment=hidden, owner=dirk, title="Oude actie")
    html = _page(client_for(dirk))
    assert "Oude actie" not in html and "Verborgen gesprek" not in html


def test_more_than_25_initiatives_link_to_the_full_list(client_for: ClientFor, bob: User, uwv: Organisation) -> None:
    for n in range(27):
        InitiativeFactory(owner=uwv, name=f"Initiatief {n:02d}")
    html = _page(client_for(bob))
    assert "U ziet er 25 van 27." in html and 'href="/initiatieven/">Bekijk alle initiatieven</a>' in html


def test_the_page_costs_the_same_few_queries_for_one_or_many_tasks(
    client_for: ClientFor,
    alice: User,
    bob: User,
    uwv: Organisation,
    session: Assessment,
    initiative: Initiative,
    django_assert_max_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    client = client_for(alice)
    with django_assert_max_num_queries(14):
        _page(client)
    kvk = OrganisationFactory(name="KVK", slug="kvk")
    for n in range(12):
        other = InitiativeFactory(owner=uwv, name=f"Extra {n}", partners=[kvk])
        assessment = AssessmentFactory(
            initiative=other, title=f"Extra gesprek {n}", facilitator=alice, status=Assessment.Status.OPEN
        )
        ParticipantFactory(assessment=assessment, user=alice)
        ParticipantFactory(assessment=assessment, user=bob)
        answers_set(assessment=assessment, user=alice, ratings={QUESTIONS[n]: "goed"})
        _action(assessment, alice, f"Extra actie {n}", n - 6)
    with django_assert_max_num_queries(14) as captured:
        html = _page(client)
    assert html.count("Vragenlijst invullen:") == 13 and html.count("Extra actie") == 12
    print(f"Mijn gesprekken with 13 questionnaires, 13 led, 12 actions: {len(captured)} queries")
