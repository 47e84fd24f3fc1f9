"""Sign-on without a browser: Django's test client on our side, a real provider on loopback on the other; the
test posts the provider's login form itself. Access rules, memberships and refusals."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client

from denkraam.accounts.models import AuditEvent, Membership, OidcIdentity, Organisation, User
from tests.accounts.oidc.provider import MockProvider, configure, provider_config
from tests.factories import TEST_PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idp(settings: Any, start_provider: Any, uwv: Organisation, kvk: Organisation) -> MockProvider:
    provider = start_provider()
    configure(settings, provider_config("uwv", provider.url))
    return provider


def sign_on(client: Client, idp: MockProvider, *, sub: str, next_url: str = "", provider_id: str = "uwv") -> Any:
    """Click the button, log in at the provider as `sub`, come back; the response of the callback."""
    start = client.get(f"/inloggen/oidc/{provider_id}/", {"next": next_url} if next_url else {})
    assert start.status_code == 302, start.content.decode()
    answer = requests.post(start["Location"], data={"sub": sub}, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    return client.get(answer.headers["Location"])


def text(response: HttpResponse) -> str:
    return response.content.decode()


def test_only_way_in_refuses_the_password_of_a_member(settings: Any, client: Client, bob: User, charlie: User) -> None:
    configure(settings, provider_config("uwv", "https://sso.uwv.example", only_way_in=True))
    response = client.post("/inloggen/", {"username": "bob", "password": TEST_PASSWORD})
    assert response.status_code == 403
    assert "Voor UWV logt u niet in met een wachtwoord" in text(response)
    assert "Kies hieronder ‘Inloggen met UWV’" in text(response)
    assert 'href="/inloggen/oidc/uwv/"' in text(response)  # ... and the button is there
    assert "_auth_user_id" not in client.session

    # charlie's organisation (KVK) has no sign-on: the password works.
    assert client.post("/inloggen/", {"username": "charlie", "password": TEST_PASSWORD}).status_code == 302
    assert client.session["_auth_user_id"] == str(charlie.pk)


def test_without_only_way_in_members_may_still_use_their_password(settings: Any, client: Client, bob: User) -> None:
    configure(settings, provider_config("uwv", "https://sso.uwv.example"))
    assert client.post("/inloggen/", {"username": "bob", "password": TEST_PASSWORD}).status_code == 302


def test_an_unknown_provider_is_a_dutch_404(client: Client, idp: MockProvider) -> None:
    for url in ("/inloggen/oidc/gemeente/", "/inloggen/oidc/gemeente/terug/?code=x&state=y"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Deze inlogdienst kent denkraam niet." in text(response)


def test_a_discovery_document_that_names_another_issuer_is_refused_before_the_provider_is_asked(
    settings: Any, client: Client, start_provider: Any, uwv: Organisation
) -> None:
    provider = start_provider()
    provider.recorder.documents["/nep/.well-known/openid-configuration"] = provider.discovery() | {
        "issuer": "https://login.microsoftonline.com/ander-tenant/v2.0"
    }
    configure(settings, provider_config("uwv", f"{provider.url}/nep"))
    response = client.get("/inloggen/oidc/uwv/")
    assert response.status_code == 403
    assert "Het antwoord kwam niet van de inlogdienst" in text(response)
    assert not provider.recorder.requests_to("/oauth2/authorize")


def test_a_provider_that_cannot_be_reached_gives_a_dutch_503(
    settings: Any, client: Client, free_tcp_port: int, uwv: Organisation
) -> None:
    configure(settings, provider_config("uwv", f"http://127.0.0.1:{free_tcp_port}"))
    response = client.get("/inloggen/oidc/uwv/")
    assert response.status_code == 503
    assert "kon de inlogdienst achter ‘Inloggen met UWV’ nu niet bereiken" in text(response)


def test_a_callback_without_a_login_in_this_browser_is_refused(client: Client, idp: MockProvider) -> None:
    response = client.get("/inloggen/oidc/uwv/terug/?code=abc&state=def")
    assert response.status_code == 400
    assert "hoort niet bij een inlogpoging in deze browser" in text(response)
    assert not User.objects.exists()


def test_a_next_address_on_another_site_is_ignored(client: Client, idp: MockProvider, settings: Any) -> None:
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})
    response = sign_on(client, idp, sub="dana", next_url="https://evil.example/")
    assert response.status_code == 302
    assert response["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL)


def test_the_highest_role_of_the_matching_rules_wins(client: Client, idp: MockProvider) -> None:
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": ["denkraam-leden", "denkraam-begeleiders"]})
    assert sign_on(client, idp, sub="dana").status_code == 302
    assert Membership.objects.get(user__email="dana@uwv.nl").role == "begeleider"


def test_the_iss_claim_can_map_a_whole_provider_to_an_organisation(
    settings: Any, client: Client, start_provider: Any, kvk: Organisation
) -> None:
    provider = start_provider()
    rules = [{"claim": "iss", "value": provider.url, "organisation": "kvk", "role": "lid"}]
    configure(settings, provider_config("kvk", provider.url, organisations=rules))
    provider.set_user("erik", {"email": "erik@kvk.nl"})
    assert sign_on(client, provider, sub="erik", provider_id="kvk").status_code == 302
    assert Membership.objects.get(user__email="erik@kvk.nl").organisation == kvk


def test_someone_the_provider_no_longer_gives_access_loses_the_membership(client: Client, idp: MockProvider) -> None:
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})
    sign_on(client, idp, sub="dana")
    client.logout()
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": []})

    response = sign_on(client, idp, sub="dana")

    assert response.status_code == 403
    assert "Uw lidmaatschap is daarom beëindigd" in text(response)
    assert "_auth_user_id" not in client.session
    assert not Membership.objects.filter(user__email="dana@uwv.nl").exists()
    assert AuditEvent.objects.filter(action="oidc.membership_removed").count() == 1


def test_memberships_of_organisations_the_provider_does_not_map_are_left_alone(
    client: Client, idp: MockProvider, kvk: Organisation
) -> None:
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})
    sign_on(client, idp, sub="dana")
    dana = User.objects.get(email="dana@uwv.nl")
    MembershipFactory(user=dana, organisation=kvk, role="lezer")  # given by a KVK manager, not by the UWV provider
    client.logout()

    sign_on(client, idp, sub="dana")

    assert sorted(dana.memberships.values_list("organisation__slug", "role")) == [("kvk", "lezer"), ("uwv", "lid")]


def test_an_existing_account_is_linked_by_email_only_when_the_configuration_allows_it(
    settings: Any, client: Client, start_provider: Any, alice: User
) -> None:
    alice.email = "alice@uwv.nl"
    alice.save()
    provider = start_provider()
    configure(settings, provider_config("uwv", provider.url, link_existing_by_email=True))
    provider.set_user("a-123", {"email": "Alice@uwv.nl", "groups": ["denkraam-leden"]})

    assert sign_on(client, provider, sub="a-123").status_code == 302

    assert client.session["_auth_user_id"] == str(alice.pk)
    assert OidcIdentity.objects.get().user == alice
    assert Membership.objects.get(user=alice).role == "lid"  # the provider decides UWV roles now
    assert AuditEvent.objects.filter(actor=alice, action="oidc.identity_linked").exists()


def test_linking_by_email_never_takes_over_someone_of_another_organisation(
    settings: Any, client: Client, start_provider: Any, charlie: User, uwv: Organisation
) -> None:
    charlie.email = "charlie@kvk.nl"
    charlie.save()
    provider = start_provider()
    configure(settings, provider_config("uwv", provider.url, link_existing_by_email=True))
    provider.set_user("c-1", {"email": "charlie@kvk.nl", "groups": ["denkraam-leden"]})

    response = sign_on(client, provider, sub="c-1")

    assert response.status_code == 403
    assert "Er bestaat al een account" in text(response)
    assert not OidcIdentity.objects.exists()
    assert list(Membership.objects.filter(user=charlie).values_list("organisation__slug", flat=True)) == ["kvk"]


def test_only_way_in_never_refuses_a_superuser(settings: Any, client: Client, bob: User) -> None:
    bob.is_superuser = True
    bob.save()
    configure(settings, provider_config("uwv", "https://sso.uwv.example", only_way_in=True))
    response = client.post("/inloggen/", {"username": "bob", "password": TEST_PASSWORD})
    assert response.status_code != 403
    assert "logt u niet in met een wachtwoord" not in text(response)


def test_without_an_end_session_endpoint_logging_out_ends_only_the_denkraam_session(
    client: Client, idp: MockProvider, settings: Any
) -> None:
    document = idp.discovery()
    del document["end_session_endpoint"]
    idp.recorder.documents["/.well-known/openid-configuration"] = document
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})
    sign_on(client, idp, sub="dana")
    assert client.session["oidc_id_token"].count(".") == 2

    response = client.post("/uitloggen/")

    assert response.status_code == 302
    assert response["Location"] == resolve_url(settings.LOGOUT_REDIRECT_URL)
    assert "_auth_user_id" not in client.session
    assert not idp.recorder.requests_to("/oauth2/end_session")


def test_with_an_end_session_endpoint_logging_out_goes_on_to_the_provider(
    client: Client, idp: MockProvider, settings: Any
) -> None:
    idp.set_user("dana", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})
    sign_on(client, idp, sub="dana")
    id_token = client.session["oidc_id_token"]

    response = client.post("/uitloggen/")

    assert response.status_code == 302
    query = parse_qs(urlsplit(response["Location"]).query)
    assert response["Location"].startswith(f"{idp.url}/oauth2/end_session?")
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == [settings.SITE_URL + resolve_url(settings.LOGOUT_REDIRECT_URL)]
    assert "_auth_user_id" not in client.session
