"""The real authorisation-code flow in Chromium against two real providers on loopback ("uwv" and "kvk").

Each test starts its providers (tests/accounts/oidc/provider.py), configures denkraam for them and clicks through
the login page, the provider's own page and back, as a person would."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from playwright.sync_api import Page, Route, expect

from denkraam.accounts.models import AuditEvent, Membership, OidcIdentity, Organisation, User

# The provider on loopback, shared with tests/accounts/oidc/ (browser fixtures can only live here, in tests/browser/:
# two session-wide Playwright drivers cannot run in one test run).
from tests.accounts.oidc.provider import (  # noqa: F401
    MockProvider,
    configure,
    http_provider_allowed,
    provider_config,
    start_provider,
)
from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def on_the_way_back(page: Page, idp: MockProvider, change: Callable[[str], str]) -> None:
    """Change the address the provider sends the browser back to (Playwright cannot route a redirected request,
    so the provider's redirect itself is fetched and answered with the changed address)."""

    def handle(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        response = route.fetch(max_redirects=0)
        route.fulfill(status=302, headers={"Location": change(response.headers["location"])})

    page.route(re.compile(re.escape(idp.url) + r"/oauth2/authorize.*"), handle)


@pytest.fixture
def two_providers(
    settings: Any,
    live_server: Any,
    start_provider: Any,  # noqa: F811 (the fixture imported above)
    uwv: Organisation,
    kvk: Organisation,
) -> Any:
    settings.SITE_URL = live_server.url
    providers = start_provider(), start_provider()
    configure(settings, provider_config("uwv", providers[0].url), provider_config("kvk", providers[1].url))
    return providers


def sign_on(page: Page, *, button: str, sub: str, next_url: str = "") -> None:
    page.goto("/inloggen/" + (f"?{urlencode({'next': next_url})}" if next_url else ""))
    page.get_by_role("link", name=button).click()
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()


def test_the_first_sign_on_creates_the_user_with_name_email_and_role(page: Page, two_providers: Any) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("dana-1", {"email": "dana@uwv.nl", "name": "Dana de Vries", "groups": ["denkraam-begeleiders"]})
    page.goto("/inloggen/")
    expect(page.get_by_role("link", name="Inloggen met UWV")).to_be_visible()
    expect(page.get_by_role("link", name="Inloggen met KVK")).to_be_visible()

    sign_on(page, button="Inloggen met UWV", sub="dana-1")

    expect(page.get_by_role("button", name="Uitloggen (dana@uwv.nl)")).to_be_visible()
    user = User.objects.get(email="dana@uwv.nl")
    assert user.first_name == "Dana de Vries"
    assert not user.has_usable_password()
    assert [(m.organisation.slug, m.role) for m in user.memberships.all()] == [("uwv", "begeleider")]
    identity = OidcIdentity.objects.get(user=user)
    assert (identity.provider_id, identity.issuer, identity.subject) == ("uwv", uwv_idp.url, "dana-1")
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert {"oidc.account_created", "oidc.membership_added"} <= actions


def test_the_authorisation_request_carries_pkce_s256_state_and_nonce(
    page: Page, two_providers: Any, live_server: Any
) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("dana-1", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})
    sign_on(page, button="Inloggen met UWV", sub="dana-1")
    expect(page.get_by_role("button", name="Uitloggen (dana@uwv.nl)")).to_be_visible()

    (authorize, *_) = uwv_idp.recorder.requests_to("/oauth2/authorize")
    (token,) = uwv_idp.recorder.requests_to("/oauth2/token")
    assert authorize.query["code_challenge_method"] == ["S256"]
    verifier = token.form["code_verifier"][0]
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert authorize.query["code_challenge"] == [challenge]
    assert len(authorize.query["state"][0]) >= 20 and len(authorize.query["nonce"][0]) >= 20
    assert authorize.query["redirect_uri"] == [f"{live_server.url}/inloggen/oidc/uwv/terug/"]


def test_a_second_sign_on_updates_the_user_and_logging_out_ends_the_provider_session(
    page: Page, two_providers: Any, live_server: Any
) -> None:
    _, kvk_idp = two_providers
    kvk_idp.set_user("erik-7", {"email": "erik@kvk.nl", "name": "Erik", "groups": ["denkraam-leden"]})
    sign_on(page, button="Inloggen met KVK", sub="erik-7")
    expect(page.get_by_role("button", name="Uitloggen (erik@kvk.nl)")).to_be_visible()

    page.get_by_role("button", name="Uitloggen (erik@kvk.nl)").click()
    (end_session,) = kvk_idp.recorder.requests_to("/oauth2/end_session")
    assert end_session.query["post_logout_redirect_uri"] == [f"{live_server.url}/"]
    assert end_session.query["id_token_hint"][0].count(".") == 2  # the ID token of this login
    page.get_by_role("button", name="End session").click()
    expect(page.get_by_role("link", name="Inloggen", exact=True)).to_be_visible()
    assert urlsplit(page.url).path == "/"

    kvk_idp.set_user(
        "erik-7", {"email": "erik.jansen@kvk.nl", "name": "Erik Jansen", "groups": ["denkraam-begeleiders"]}
    )
    sign_on(page, button="Inloggen met KVK", sub="erik-7")
    expect(page.get_by_role("button", name="Uitloggen (erik@kvk.nl)")).to_be_visible()
    user = User.objects.get()
    assert (user.email, user.first_name) == ("erik.jansen@kvk.nl", "Erik Jansen")
    assert Membership.objects.get(user=user).role == "begeleider"
    assert AuditEvent.objects.filter(actor=user, action="oidc.membership_changed").count() == 1


def test_a_tampered_state_is_refused_and_creates_no_account(page: Page, two_providers: Any) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("mallory", {"email": "mallory@uwv.nl", "groups": ["denkraam-leden"]})

    def tamper(url: str) -> str:
        parts = urlsplit(url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()} | {"state": "vervalst"}
        return parts._replace(query=urlencode(query)).geturl()

    on_the_way_back(page, uwv_idp, tamper)
    sign_on(page, button="Inloggen met UWV", sub="mallory")

    expect(page.get_by_role("heading", name="Inloggen is niet gelukt")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("hoort niet bij een inlogpoging in deze browser")
    assert not User.objects.exists()
    assert not uwv_idp.recorder.requests_to("/oauth2/token")


def test_a_code_that_was_already_used_is_refused_and_creates_no_account(page: Page, two_providers: Any) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("dana-1", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})

    def use_the_code_first(url: str) -> str:
        query = parse_qs(urlsplit(url).query)
        redirect_uri = url.split("?")[0]
        # Someone else (who saw the address) redeems the code before the browser arrives with it.
        answer = requests.post(
            f"{uwv_idp.url}/oauth2/token",
            data={"grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": redirect_uri},
            auth=("denkraam-uwv", "geheim"),
            timeout=5,
        )
        assert answer.status_code == 200
        return url

    on_the_way_back(page, uwv_idp, use_the_code_first)
    sign_on(page, button="Inloggen met UWV", sub="dana-1")

    expect(page.get_by_role("alert")).to_contain_text("De inlogcode van de inlogdienst was verlopen of al gebruikt")
    assert not User.objects.exists()


def test_an_id_token_from_another_issuer_is_refused(
    page: Page,
    settings: Any,
    live_server: Any,
    start_provider: Any,  # noqa: F811 (the fixture imported above)
    uwv: Organisation,
) -> None:
    idp = start_provider()
    # A discovery document that names an issuer of its own, while the ID tokens come from the provider's issuer.
    document = idp.discovery() | {"issuer": f"{idp.url}/ander"}
    idp.recorder.documents["/ander/.well-known/openid-configuration"] = document
    settings.SITE_URL = live_server.url
    configure(settings, provider_config("uwv", f"{idp.url}/ander"))
    idp.set_user("dana-1", {"email": "dana@uwv.nl", "groups": ["denkraam-leden"]})

    sign_on(page, button="Inloggen met UWV", sub="dana-1")

    expect(page.get_by_role("alert")).to_contain_text("Het antwoord kwam niet van de inlogdienst")
    assert not User.objects.exists()


def test_a_person_the_rules_map_to_no_organisation_gets_a_clear_message_and_no_account(
    page: Page, two_providers: Any
) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("frank", {"email": "frank@uwv.nl", "groups": ["iets-anders"]})
    sign_on(page, button="Inloggen met UWV", sub="frank")

    expect(page.get_by_role("heading", name="Geen toegang tot denkraam")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("is er geen account voor u gemaakt")
    assert not User.objects.exists()


def test_on_the_way_to_an_invitation_a_person_without_organisation_is_signed_in_as_a_guest(
    page: Page, two_providers: Any
) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("gast", {"email": "gast@gemeente.nl", "groups": []})
    sign_on(page, button="Inloggen met UWV", sub="gast", next_url="/uitnodiging/abc123/")

    expect(page).to_have_url(re.compile(r"/uitnodiging/abc123/$"))
    user = User.objects.get(email="gast@gemeente.nl")
    assert not user.memberships.exists()


def test_a_refusal_of_the_provider_is_explained_in_dutch(page: Page, two_providers: Any) -> None:
    page.goto("/inloggen/")
    page.get_by_role("link", name="Inloggen met UWV").click()
    page.get_by_role("button", name="Deny").click()

    expect(page.get_by_role("alert")).to_contain_text("De inlogdienst heeft het inloggen niet toegestaan")
    expect(page.get_by_text("access_denied")).to_be_visible()
    assert not User.objects.exists()


def test_a_missing_email_claim_gives_no_account(page: Page, two_providers: Any) -> None:
    uwv_idp, _ = two_providers
    uwv_idp.set_user("hanna", {"name": "Hanna", "groups": ["denkraam-leden"]})
    sign_on(page, button="Inloggen met UWV", sub="hanna")

    expect(page.get_by_role("heading", name="Geen e-mailadres ontvangen")).to_be_visible()
    assert not User.objects.exists()


def test_an_existing_password_account_is_not_taken_over_by_its_email_address(
    page: Page, two_providers: Any, alice: User
) -> None:
    alice.email = "alice@uwv.nl"
    alice.save()
    _, kvk_idp = two_providers
    # The KVK provider asserts alice's address for someone it knows; denkraam does not hand them alice's account.
    kvk_idp.set_user("niet-alice", {"email": "alice@uwv.nl", "groups": ["denkraam-begeleiders"]})
    sign_on(page, button="Inloggen met KVK", sub="niet-alice")

    expect(page.get_by_role("heading", name="Er bestaat al een account")).to_be_visible()
    assert list(User.objects.values_list("username", flat=True)) == ["alice"]
    assert not OidcIdentity.objects.exists()


def test_the_login_page_with_its_buttons_and_an_error_page_are_accessible(axe_page: Page, two_providers: Any) -> None:
    axe_page.goto("/inloggen/")
    expect(axe_page.get_by_role("link", name="Inloggen met KVK")).to_be_visible()
    assert_accessible(axe_page)
    axe_page.goto("/inloggen/oidc/uwv/terug/?code=x&state=y")
    expect(axe_page.get_by_role("heading", name="Inloggen is niet gelukt")).to_be_visible()
    assert_accessible(axe_page)
