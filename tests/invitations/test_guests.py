"""Guests: dirk (no organisation in denkraam) takes part in one session of alice's initiative through an invitation.

He sees that session and what it shows, nothing else of the initiative: not its page, evidence, feedback, reports,
its other sessions or their actions. A published initiative he may read like every logged-in user (charlie), and no
more than charlie. Every URL pattern of the site is walked (get_resolver), so a page added later is covered too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from denkraam.accounts.models import User
from denkraam.assessments import services as assessment_services
from denkraam.assessments.models import Action, Answer, Assessment, Participant
from denkraam.evidence.models import EvidenceItem
from denkraam.evidence.services import citation_set
from denkraam.feedback.models import FeedbackImport
from denkraam.initiatives.models import Initiative
from denkraam.invitations import services
from denkraam.invitations.models import Invitation
from tests.assessments.factories import answers_set
from tests.factories import InitiativeFactory, UserFactory
from tests.invitations.conftest import DIRK, invitation_path, token_of
from tests.mail import SmtpServer

Q1 = "betrouwbaar-afspraken"
ClientFor = Callable[[User], Client]
# Ids in a URL that belong to an initiative or to something inside it.
SCOPED = {"initiative_id", "assessment_id", "item_id", "import_id", "action_id", "participant_id", "invitation_id"}
# Secrets of the initiative: names that only its members may read.
SECRETS = ("Geheim bewijs van UWV", "Het interne gesprek", "Interne actie", "klantreacties-intern.csv")


@dataclass
class World:
    initiative: Initiative
    own: Assessment  # the session dirk takes part in
    other: Assessment  # a closed earlier session of alice and bob
    evidence: EvidenceItem
    feedback: FeedbackImport
    dirk: User


@pytest.fixture
def world(alice: User, bob: User, uwv: object, smtp_server: SmtpServer) -> World:
    initiative = InitiativeFactory(name="Brief herbeoordeling WW", owner=uwv)
    other = assessment_services.assessment_create(initiative=initiative, actor=alice, title="Het interne gesprek")
    assessment_services.participant_invite(assessment=other, actor=alice, identifier="bob")
    services.invitation_create(assessment=other, actor=alice, email="iemand@uwv.nl")
    assessment_services.assessment_open(assessment=other, actor=alice)
    answers_set(assessment=other, user=bob, ratings={Q1: "goed"})
    assessment_services.assessment_reveal(assessment=other, actor=alice)
    assessment_services.action_create(assessment=other, actor=alice, title="Interne actie")
    assessment_services.assessment_close(assessment=other, actor=alice)

    own = assessment_services.assessment_create(initiative=initiative, actor=alice, title="Gesprek met de gemeente")
    services.assessment_invite(assessment=own, actor=alice, identifier=DIRK, organisation_name="Gemeente Utrecht")
    dirk, _ = services.invitation_account_create(
        token=token_of(invitation_path(smtp_server)), name="Dirk de Boer", password="een lang en vreemd wachtwoord"
    )
    services.invitation_create(assessment=own, actor=alice, email="nog-iemand@gemeente-utrecht.nl")
    assessment_services.assessment_open(assessment=own, actor=alice)
    answers_set(assessment=own, user=dirk, ratings={Q1: "onvoldoende"})
    answers_set(assessment=own, user=alice, ratings={Q1: "goed"})
    assessment_services.assessment_reveal(assessment=own, actor=alice)
    assessment_services.action_create(assessment=own, actor=alice, title="Termijn noemen")

    evidence = EvidenceItem.objects.create(
        initiative=initiative,
        title="Geheim bewijs van UWV",
        kind=EvidenceItem.Kind.TEKST,
        text="Geachte heer.",
        added_by=alice,
    )
    alice_answer = Answer.objects.get(assessment=own, user=alice, question_id=Q1)
    citation_set(answer=alice_answer, actor=alice, item_id=evidence.pk)  # shown to members on the question page
    feedback = FeedbackImport.objects.create(
        initiative=initiative, created_by=alice, file_name="klantreacties-intern.csv", file_format="csv"
    )
    return World(initiative, own, other, evidence, feedback, dirk)


def _patterns(entries: list[URLResolver | URLPattern], prefix: str = "", route: str = "") -> Iterator[tuple[str, str]]:
    """(namespace:name, the whole route with its includes' prefixes) of every named URL."""
    for entry in entries:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _patterns(entry.url_patterns, namespace, route + str(entry.pattern))
        elif entry.name:
            yield f"{prefix}{entry.name}", route + str(entry.pattern)


def _all_patterns() -> list[tuple[str, set[str]]]:
    """Every named URL with the names of its parameters, those of the includes around it too."""
    found: dict[str, set[str]] = {}
    for name, route in _patterns(get_resolver().url_patterns):
        found.setdefault(name, set()).update(re.findall(r"<(?:\w+:)?(\w+)>", route))
    return sorted(found.items())


def _kwargs(params: set[str], world: World, assessment: Assessment) -> dict[str, object] | None:
    action = Action.objects.filter(assessment=assessment).first()
    participant = Participant.objects.filter(assessment=assessment).exclude(user=world.dirk).first()
    invitation = Invitation.objects.filter(assessment=assessment).exclude(accepted_by=world.dirk).first()
    values: dict[str, object] = {
        "initiative_id": world.initiative.pk,
        "assessment_id": assessment.pk,
        "item_id": world.evidence.pk,
        "import_id": world.feedback.pk,
        "action_id": action.pk if action else None,
        "participant_id": participant.pk if participant else None,
        "invitation_id": invitation.pk if invitation else None,
        "question_id": Q1,
        "fmt": "csv",
    }
    if not params <= values.keys():
        return None  # a page about something else (a sign-on provider, a password reset, an organisation)
    return {name: values[name] for name in params}


def _is_own_session(params: set[str]) -> bool:
    return "assessment_id" in params and not params & {"initiative_id", "item_id", "import_id"}


def _initiative_urls(world: World) -> list[str]:
    """Every address about the initiative or something inside it, except the pages of dirk's own session."""
    urls = []
    for name, params in _all_patterns():
        if not params & SCOPED:
            continue
        # Pages of a session: those of the other session. Everything else: with the initiative's real ids.
        kwargs = _kwargs(params, world, world.other if "assessment_id" in params else world.own)
        if kwargs is not None and None not in kwargs.values():
            urls.append(reverse(name, kwargs=kwargs))
    return urls


def _own_session_urls(world: World) -> dict[str, str]:
    urls = {}
    for name, params in _all_patterns():
        if _is_own_session(params) and (kwargs := _kwargs(params, world, world.own)) and None not in kwargs.values():
            urls[name] = reverse(name, kwargs=kwargs)
    return urls


def _user_wide_urls() -> list[str]:
    """Pages without ids (lists, portfolio, exports, the home page): none may show the initiative to a guest."""
    return [
        reverse(name)
        for name, params in _all_patterns()
        if not params and not name.startswith("admin:") and name not in {"accounts:logout", "admin_login"}
    ]


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def _assert_shows_nothing_of_the_initiative(world: World, url: str, body: str, *, published: bool = False) -> None:
    for secret in SECRETS:
        assert secret not in body, f"{url} shows {secret!r}"
    private: tuple[str, ...] = (f"/bewijs/{world.evidence.pk}/", f"/gesprekken/{world.other.pk}/")
    if not published:  # a published initiative's page and report are open to every logged-in user
        private += (f"/initiatieven/{world.initiative.pk}/", f"/rapportages/initiatieven/{world.initiative.pk}/")
    for href in _hrefs(body):
        assert not href.startswith(private), f"{url} links to {href}, which the guest cannot open"


def test_there_are_pages_to_check(world: World) -> None:
    """The walk finds the pages of every app; if this drops, the resolver walk is broken, not the rule."""
    urls = _initiative_urls(world)
    assert len(urls) >= 25
    for fragment in ("/initiatieven/", "/bewijs/", "/feedback/", "/rapportages/initiatieven/", "/uitnodigingen/"):
        assert any(fragment in url for url in urls), fragment
    assert len(_own_session_urls(world)) >= 15


def test_a_guest_gets_404_on_every_page_of_the_initiative_other_than_their_session(
    world: World, client_for: ClientFor
) -> None:
    guest = client_for(world.dirk)
    shown = []
    for url in _initiative_urls(world):
        get = guest.get(url)
        post = guest.post(url, {"title": "x", "identifier": "x", "rating": "goed", "rationale": "x"})
        if get.status_code != 404 and not (get.status_code == 405 and post.status_code == 404):
            shown.append((url, get.status_code, post.status_code))
    assert shown == [], "\n".join(map(str, shown))
    assert not Action.objects.filter(title="x").exists()
    assert Invitation.objects.filter(withdrawn_at__isnull=False).count() == 0


def test_a_guest_sees_every_page_of_their_own_session(world: World, client_for: ClientFor) -> None:
    guest = client_for(world.dirk)
    statuses = {}
    for name, url in _own_session_urls(world).items():
        response = guest.get(url)
        statuses[name] = response.status_code
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            _assert_shows_nothing_of_the_initiative(world, url, response.content.decode())
    readable = [name for name, status in statuses.items() if status == 200]
    for name in (
        "assessments:detail",
        "assessments:questionnaire",
        "assessments:agenda",
        "assessments:question",
        "assessments:actions",
        "assessments:compare",
        "assessments:participants",
        "reports:assessment",
        "reports:assessment_pdf",
        "reports:answers_export",
    ):
        assert name in readable, (name, statuses.get(name))
    # The rest are writes (405 for a GET) or for the facilitator only (403: dirk may see the session).
    assert {status for name, status in statuses.items() if name not in readable} <= {403, 405}


def test_no_page_without_ids_shows_a_guest_the_initiative(world: World, client_for: ClientFor) -> None:
    guest = client_for(world.dirk)
    for url in _user_wide_urls():
        response = guest.get(url)
        if response.status_code == 200:
            _assert_shows_nothing_of_the_initiative(world, url, response.content.decode(errors="replace"))


def test_a_published_initiative_shows_a_guest_no_more_than_charlie(
    world: World, charlie: User, client_for: ClientFor
) -> None:
    Initiative.objects.filter(pk=world.initiative.pk).update(is_published=True)
    guest, outsider = client_for(world.dirk), client_for(charlie)
    differences = []
    for url in _initiative_urls(world):
        mine, theirs = guest.get(url), outsider.get(url)
        if mine.status_code != theirs.status_code:
            differences.append((url, mine.status_code, theirs.status_code))
        elif mine.status_code == 200:
            _assert_shows_nothing_of_the_initiative(world, url, mine.content.decode(errors="replace"), published=True)
    assert differences == []
    page = guest.get(reverse("initiatives:detail", kwargs={"initiative_id": world.initiative.pk}))
    assert page.status_code == 200 and "Brief herbeoordeling WW" in page.content.decode()


def test_a_guest_does_not_see_the_evidence_of_the_initiative_in_the_questionnaire(
    world: World, client_for: ClientFor
) -> None:
    page = client_for(world.dirk).get(reverse("assessments:questionnaire", kwargs={"assessment_id": world.own.pk}))
    assert page.status_code == 200
    assert "Geheim bewijs van UWV" not in page.content.decode()


def test_bob_a_member_still_sees_the_evidence_and_the_initiative_from_the_session(
    world: World, bob: User, client_for: ClientFor
) -> None:
    client = client_for(bob)
    assert client.get(reverse("evidence:detail", kwargs={"item_id": world.evidence.pk})).status_code == 200
    page = client.get(reverse("assessments:detail", kwargs={"assessment_id": world.own.pk})).content.decode()
    assert f'href="/initiatieven/{world.initiative.pk}/"' in page


def test_a_guest_in_two_sessions_compares_only_with_one_they_took_part_in(
    world: World, alice: User, client_for: ClientFor
) -> None:
    page = client_for(world.dirk).get(reverse("assessments:compare", kwargs={"assessment_id": world.own.pk}))
    assert "Het interne gesprek" not in page.content.decode()
    assert UserFactory(username="extra")  # a user without anything sees nothing either
