"""The conversation with an identity provider, through authlib's Django client (no hand-written flow).

authlib makes `state` (kept in the session, checked on return), `nonce` (in the ID token, checked) and, because
every client here is registered with `code_challenge_method="S256"`, PKCE. This module adds what authlib leaves to
the application: the issuer of the discovery document must be the configured one, the ID token must be there and
come from that issuer, the address to return to is built from DENKRAAM_SITE_URL, and every failure becomes one
OidcLoginError with a Dutch explanation.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import requests
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError  # type: ignore[import-untyped]
from authlib.integrations.django_client import OAuth  # type: ignore[import-untyped]
from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from joserfc.errors import ClaimError, JoseError

from denkraam.accounts.oidc.config import OidcProvider, url_origin
from denkraam.accounts.oidc.errors import OidcLoginError

logger = logging.getLogger(__name__)

# Seconds one request to a provider may take; the person waits for it.
PROVIDER_TIMEOUT = 10
# The discovery document is read again after this long (keys and endpoints may move).
METADATA_SECONDS = 3600
# Session keys: which provider someone logged in with, and its ID token (the hint when logging out there).
SESSION_PROVIDER = "oidc_provider_id"
SESSION_ID_TOKEN = "oidc_id_token"

_clients: dict[OidcProvider, Any] = {}
_clients_lock = threading.Lock()


@dataclass(frozen=True)
class OidcResult:
    """What a successful return from the provider gave: the checked claims of the ID token, the raw ID token and
    the page to go to afterwards."""

    claims: dict[str, Any]
    id_token: str
    next_url: str


def oidc_redirect_uri(*, provider: OidcProvider) -> str:
    """The callback address to register at the provider; from DENKRAAM_SITE_URL, never from the Host header."""
    return settings.SITE_URL + reverse("accounts:oidc_callback", kwargs={"provider_id": provider.id})


def oidc_safe_next(*, next_url: str | None) -> str:
    """`next_url` when it is a path on this site, otherwise empty (then the default page after logging in)."""
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts=set(), require_https=False):
        return next_url if next_url.startswith("/") else ""
    return ""


def _client(provider: OidcProvider) -> Any:
    with _clients_lock:
        client = _clients.get(provider)
        if client is None:
            client = OAuth().register(
                name=f"oidc_{provider.id}",
                client_id=provider.client_id,
                client_secret=provider.client_secret,
                server_metadata_url=provider.discovery_url,
                client_kwargs={
                    "scope": provider.scopes,
                    "code_challenge_method": "S256",
                    "token_endpoint_auth_method": provider.token_endpoint_auth_method,
                    "default_timeout": PROVIDER_TIMEOUT,
                },
            )
            _clients[provider] = client
    return client


def _metadata(provider: OidcProvider, client: Any) -> dict[str, Any]:
    """The provider's discovery document, checked: its issuer must be the configured one. A document that names
    another issuer is refused, so that ID tokens of that other issuer are never accepted for this provider."""
    loaded_at = client.server_metadata.get("_loaded_at")
    if loaded_at is not None and time.time() - loaded_at > METADATA_SECONDS:
        client.server_metadata.clear()
    try:
        metadata: dict[str, Any] = client.load_server_metadata()
    except (requests.RequestException, ValueError) as exc:
        logger.warning("OIDC provider %s: discovery document unavailable: %s", provider.id, exc)
        raise OidcLoginError("unreachable", provider=provider) from exc
    if metadata.get("issuer") != provider.issuer:
        logger.error(
            "OIDC provider %s: the discovery document names issuer %r, configured is %r",
            provider.id,
            metadata.get("issuer"),
            provider.issuer,
        )
        client.server_metadata.clear()
        raise OidcLoginError("issuer", provider=provider)
    return metadata


def oidc_authorization_redirect(*, request: HttpRequest, provider: OidcProvider, next_url: str) -> HttpResponseRedirect:
    """Send the person to the provider (authorisation-code flow with PKCE S256, state and nonce). State, nonce,
    code verifier and the page to return to are kept in the session under the state."""
    client = _client(provider)
    _metadata(provider, client)
    redirect_uri = oidc_redirect_uri(provider=provider)
    authorization = client.create_authorization_url(redirect_uri)
    client.save_authorize_data(request, redirect_uri=redirect_uri, next_url=next_url, **authorization)
    return HttpResponseRedirect(authorization["url"])


def oidc_authorization_finish(*, request: HttpRequest, provider: OidcProvider) -> OidcResult:
    """Check the return from the provider and exchange the code for the ID token. Raises OidcLoginError."""
    client = _client(provider)
    state = request.GET.get("state", "")
    state_data = client.framework.get_state_data(request.session, state) if state else None
    error = request.GET.get("error")
    if error:
        if state_data is not None:
            client.framework.clear_state_data(request.session, state)
        logger.info("OIDC provider %s answered with error %r", provider.id, error[:100])
        raise OidcLoginError("provider_error", provider=provider, detail=error)
    if state_data is None:
        raise OidcLoginError("state", provider=provider)
    metadata = _metadata(provider, client)
    claims_options = {"iss": {"essential": True, "values": [provider.issuer]}}
    try:
        token = client.authorize_access_token(request, claims_options=claims_options)
    except MismatchingStateError as exc:
        raise OidcLoginError("state", provider=provider) from exc
    except OAuthError as exc:
        logger.info("OIDC provider %s refused the code: %s %s", provider.id, exc.error, exc.description)
        kind = "code" if exc.error in {"invalid_grant", "invalid_request"} else "provider_error"
        raise OidcLoginError(kind, provider=provider, detail=exc.error) from exc
    except ClaimError as exc:
        logger.warning("OIDC provider %s: ID token claim %r refused: %s", provider.id, exc.claim, exc.description)
        raise OidcLoginError("issuer" if exc.claim == "iss" else "token", provider=provider) from exc
    except (JoseError, ValueError, KeyError) as exc:
        logger.warning("OIDC provider %s: ID token refused: %r", provider.id, exc)
        raise OidcLoginError("token", provider=provider) from exc
    except requests.RequestException as exc:
        logger.warning("OIDC provider %s unreachable at the token endpoint: %s", provider.id, exc)
        raise OidcLoginError("unreachable", provider=provider) from exc
    userinfo = token.get("userinfo")
    if not userinfo or not token.get("id_token"):
        # Without an ID token there is no nonce and no signed issuer: refuse, even if an access token came.
        logger.warning("OIDC provider %s returned no ID token (issuer %s)", provider.id, metadata.get("issuer"))
        raise OidcLoginError("token", provider=provider)
    return OidcResult(claims=dict(userinfo), id_token=token["id_token"], next_url=state_data.get("next_url", ""))


def oidc_end_session_url(*, provider: OidcProvider, id_token: str) -> str | None:
    """The provider's logout address (RP-initiated logout) with the ID token as hint and the start page as the
    address to come back to; None when the provider has no end_session_endpoint or cannot be reached."""
    client = _client(provider)
    try:
        metadata = _metadata(provider, client)
    except OidcLoginError:
        return None
    end_session = metadata.get("end_session_endpoint")
    if not end_session:
        return None
    if url_origin(end_session) != url_origin(provider.discovery_url):
        # The logout form may only lead to the providers' own origins (CSP form-action, see settings.py).
        logger.warning("OIDC provider %s: end_session_endpoint on another origin; logged out locally", provider.id)
        return None
    post_logout = settings.SITE_URL + resolve_url(settings.LOGOUT_REDIRECT_URL)
    result = client.create_logout_url(
        post_logout_redirect_uri=post_logout, id_token_hint=id_token or None, client_id=provider.client_id
    )
    url: str = result["url"]
    return url
