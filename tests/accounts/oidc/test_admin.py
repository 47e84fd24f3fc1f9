"""The admin shows sign-on identities and can unlink one (logged); it never makes or edits one by hand."""

from __future__ import annotations

import pytest

from denkraam.accounts.models import AuditEvent, OidcIdentity, User
from tests.factories import UserFactory
from tests.otp import client_with_code

pytestmark = pytest.mark.django_db


def test_an_administrator_unlinks_an_identity_and_it_is_logged(alice: User) -> None:
    identity = OidcIdentity.objects.create(
        user=alice, provider_id="uwv", issuer="https://sso.uwv.example", subject="a1"
    )
    beheer = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    client = client_with_code(beheer)

    page = client.get("/beheer/accounts/oidcidentity/")
    assert page.status_code == 200
    assert "a1" in page.content.decode()
    assert client.get("/beheer/accounts/oidcidentity/add/").status_code == 403

    response = client.post(f"/beheer/accounts/oidcidentity/{identity.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not OidcIdentity.objects.exists()
    event = AuditEvent.objects.get(action="oidc.identity_unlinked")
    assert (event.actor, event.object_id) == (beheer, str(alice.pk))
