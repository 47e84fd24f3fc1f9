"""A session led by alice (UWV) with bob and dave (UWV) and erin (UWV, no e-mail address); charlie (KVK) is out."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import ResolverMatch, resolve

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory

SITE = "https://denkraam.example"
REASON = (
    "U krijgt deze e-mail omdat u deelneemt aan het gesprek 'Gesprek over de brief' over 'Brief herbeoordeling WW' "
    "van UWV."
)


@pytest.fixture(autouse=True)
def _site_url(settings: object) -> None:
    settings.SITE_URL = SITE


@pytest.fixture
def initiative(uwv: Organisation) -> Initiative:
    return InitiativeFactory(name="Brief herbeoordeling WW", owner=uwv)


def _member(username: str, first_name: str, organisation: Organisation, email: str | None = None) -> User:
    user = UserFactory(username=username, first_name=first_name)
    if email is not None:
        user.email = email
        user.save(update_fields=["email"])
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LID)
    return user


@pytest.fixture
def dave(uwv: Organisation) -> User:
    return _member("dave", "Dave", uwv)


@pytest.fixture
def erin(uwv: Organisation) -> User:
    """A participant without an e-mail address."""
    return _member("erin", "Erin", uwv, email="")


@pytest.fixture
def prepared(initiative: Initiative, alice: User, bob: User, dave: User, erin: User, charlie: User) -> Assessment:
    """Not opened yet: alice leads and takes part, with bob, dave and erin."""
    assessment = services.assessment_create(initiative=initiative, actor=alice, title="Gesprek over de brief")
    for name in ("bob", "dave", "erin"):
        services.participant_invite(assessment=assessment, actor=alice, identifier=name)
    return assessment


@pytest.fixture
def opened(prepared: Assessment, alice: User) -> Assessment:
    """Opened outside a captured commit, so no mail went out for it."""
    return services.assessment_open(assessment=prepared, actor=alice)


def page_of(link: str) -> ResolverMatch:
    """The view a link in a mail leads to; the link must be absolute on SITE_URL."""
    assert link.startswith(SITE + "/"), link
    return resolve(urlsplit(link).path)
