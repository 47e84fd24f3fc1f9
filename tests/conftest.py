"""Shared fixtures: alice and bob work at UWV (alice begeleider, bob lid); charlie works at KVK only and
should have no access to alice's stuff."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.web.jobs import job_release, jobs_held
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mail import smtp_server  # noqa: F401 (the fixture, for every test)


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Every test starts with an empty cache, so login rate limits never leak from one test into another."""
    cache.clear()


@pytest.fixture(autouse=True)
def _no_leases_left() -> Iterator[None]:
    """A test that claims a job without finishing it lets the lease go, so the next test's heartbeat counts its own."""
    yield
    for lease in jobs_held():
        job_release(lease)


@pytest.fixture
def uwv(db: None) -> Organisation:
    return OrganisationFactory(name="UWV", slug="uwv")


@pytest.fixture
def kvk(db: None) -> Organisation:
    return OrganisationFactory(name="KVK", slug="kvk")


@pytest.fixture
def alice(uwv: Organisation) -> User:
    user = UserFactory(username="alice", first_name="Alice")
    MembershipFactory(user=user, organisation=uwv, role=Membership.Role.BEGELEIDER)
    return user


@pytest.fixture
def bob(uwv: Organisation) -> User:
    user = UserFactory(username="bob", first_name="Bob")
    MembershipFactory(user=user, organisation=uwv, role=Membership.Role.LID)
    return user


@pytest.fixture
def charlie(kvk: Organisation) -> User:
    user = UserFactory(username="charlie", first_name="Charlie")
    MembershipFactory(user=user, organisation=kvk, role=Membership.Role.LID)
    return user


@pytest.fixture
def client_for(db: None) -> Callable[[User], Client]:
    """A test client logged in as the given user: `client_for(alice).get(...)`."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
