"""A real OpenID Connect provider on loopback (oidc-provider-mock, Flask under werkzeug), started per test.
Used by tests/accounts/oidc/ and by the Chromium tests in tests/browser/test_oidc_sign_on.py.

`Recorder` wraps the provider's WSGI app: it keeps every request the provider received (so a test can check the
PKCE parameters of the authorisation request and the code verifier of the token request) and can serve extra
discovery documents (for a provider that names another issuer)."""

from __future__ import annotations

import copy
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import oidc_provider_mock
import pytest
import requests
import werkzeug.serving

from denkraam.accounts.oidc.config import OidcProvider, oidc_form_action_origins, oidc_providers_parse


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    form: dict[str, list[str]]


@dataclass
class Recorder:
    app: Any
    seen: list[Seen] = field(default_factory=list)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        body = b""
        if environ["REQUEST_METHOD"] == "POST":
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
        path = environ["PATH_INFO"]
        self.seen.append(
            Seen(environ["REQUEST_METHOD"], path, parse_qs(environ.get("QUERY_STRING", "")), parse_qs(body.decode()))
        )
        if path in self.documents:
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps(self.documents[path]).encode()]
        return self.app(environ, start_response)  # type: ignore[no-any-return]

    def requests_to(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]


@dataclass
class MockProvider:
    url: str
    recorder: Recorder

    def set_user(self, sub: str, claims: dict[str, Any]) -> None:
        requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5).raise_for_status()

    def discovery(self) -> dict[str, Any]:
        document: dict[str, Any] = requests.get(f"{self.url}/.well-known/openid-configuration", timeout=5).json()
        return document


@pytest.fixture
def start_provider() -> Iterator[Callable[[], MockProvider]]:
    servers: list[tuple[werkzeug.serving.BaseWSGIServer, threading.Thread]] = []

    def start() -> MockProvider:
        recorder = Recorder(oidc_provider_mock.app(require_nonce=True))
        server = werkzeug.serving.make_server("localhost", 0, recorder, threaded=True)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        servers.append((server, thread))
        return MockProvider(url=f"http://localhost:{server.server_port}", recorder=recorder)

    yield start
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(5)


def provider_config(provider_id: str, url: str, **extra: Any) -> dict[str, Any]:
    organisation = extra.pop("organisation", provider_id)
    config = {
        "id": provider_id,
        "name": f"Inloggen met {provider_id.upper()}",
        "discovery_url": f"{url}/.well-known/openid-configuration",
        "client_id": f"denkraam-{provider_id}",
        "client_secret": "geheim",
        "organisations": [
            {"claim": "groups", "value": "denkraam-begeleiders", "organisation": organisation, "role": "begeleider"},
            {"claim": "groups", "value": "denkraam-leden", "organisation": organisation, "role": "lid"},
        ],
    }
    config.update(extra)
    return config


def configure(settings: Any, *configs: dict[str, Any]) -> tuple[OidcProvider, ...]:
    """Configure these providers, as DENKRAAM_OIDC_PROVIDERS would at start-up (the CSP's form-action included)."""
    settings.OIDC_PROVIDERS = oidc_providers_parse(json.dumps(list(configs)))
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"] = ["'self'", *oidc_form_action_origins(settings.OIDC_PROVIDERS)]
    settings.CONTENT_SECURITY_POLICY = policy
    return settings.OIDC_PROVIDERS  # type: ignore[no-any-return]


@pytest.fixture(autouse=True)
def http_provider_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The provider in the tests speaks http on loopback; authlib refuses http unless told (never in production).
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")
