"""Organisation fixtures on top of alice (UWV), bob (UWV lid) and charlie (KVK lid, outsider): here alice is UWV's
beheerder, and there is a site administrator who belongs to no organisation."""

from __future__ import annotations

import pytest
from django.db.models import QuerySet

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from tests.factories import UserFactory


@pytest.fixture
def alice(alice: User, uwv: Organisation) -> User:
    """Alice manages UWV in these tests."""
    Membership.objects.filter(user=alice, organisation=uwv).update(role=Membership.Role.BEHEERDER)
    return alice


@pytest.fixture
def site_admin(db: None) -> User:
    return UserFactory(username="sam", first_name="Sam", is_staff=True, is_superuser=True)


def membership(user: User, organisation: Organisation) -> Membership:
    return Membership.objects.select_related("user", "organisation").get(user=user, organisation=organisation)


def organisation_audit() -> QuerySet[AuditEvent]:
    """The audit lines of organisation administration (logging in writes its own lines, which do not count here)."""
    return AuditEvent.objects.filter(action__regex=r"^(membership|organisation)\.")
