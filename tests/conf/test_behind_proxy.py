"""The README's production set-up, for real: `denkraam serve` with DENKRAAM_ENVIRONMENT=production behind a reverse
proxy that terminated TLS, mail through an SMTP server; all three started by the test on loopback.

The proxy connects to the app from 127.0.0.2, the address the app trusts; the test's clients talk to the proxy (or,
to try to fool the app, to the app itself) from 127.0.0.1 or 127.0.0.3."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conf.loopback import (
    BIN,
    ReverseProxy,
    SmtpSink,
    Visitor,
    denkraam_env,
    denkraam_serve,
    free_port,
    request,
)

pytestmark = pytest.mark.slow

HOST = "denkraam.test"
SITE_URL = "https://denkraam.test"
PASSWORD = "lang-en-sterk-wachtwoord-77"
PRODUCTION = {
    "DENKRAAM_ENVIRONMENT": "production",
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": f"{HOST},intern.{HOST}",
    "DENKRAAM_SITE_URL": SITE_URL,
}


@dataclass
class Deployment:
    proxy: ReverseProxy
    app_port: int
    smtp: SmtpSink


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    smtp = SmtpSink()
    env = denkraam_env(
        tmp_path_factory.mktemp("production"),
        **PRODUCTION,
        DENKRAAM_TRUSTED_PROXY="127.0.0.2",
        DENKRAAM_LOGIN_RATE_LIMIT="3",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
    )
    created = subprocess.run(
        [str(BIN / "denkraam"), "createadmin", "--username", "beheer", "--email", "beheer@example.org"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert created.returncode == 0, created.stderr
    port = free_port()
    with denkraam_serve(env, port=port):
        proxy = ReverseProxy(upstream_port=port, source="127.0.0.2")
        try:
            yield Deployment(proxy=proxy, app_port=port, smtp=smtp)
        finally:
            proxy.close()
            smtp.close()


def test_the_start_page_through_the_proxy_is_served_without_a_redirect_loop_and_with_hsts(
    deployment: Deployment,
) -> None:
    response = Visitor(deployment.proxy.port, host=HOST).get("/")
    assert response.status == 200, response.headers.get("Location")
    assert "Ik wil je kunnen vertrouwen" in response.body
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_a_page_behind_login_sends_to_the_login_page_and_not_to_https_again(deployment: Deployment) -> None:
    response = Visitor(deployment.proxy.port, host=HOST).get("/initiatieven/")
    assert response.status == 302
    assert response.headers["Location"] == "/inloggen/?next=/initiatieven/"


def test_an_administrator_logs_in_through_the_proxy_with_a_secure_session_cookie(deployment: Deployment) -> None:
    visitor = Visitor(deployment.proxy.port, host=HOST)
    response = visitor.submit("/inloggen/", {"username": "beheer", "password": PASSWORD})
    assert response.status == 302, response.body[:500]
    # Logged in; an administrator without a two-factor app is sent to set one up before the admin opens.
    assert response.headers["Location"].startswith("/tweestapsverificatie/?next=")
    session_cookie = next(c for c in response.headers.get_all("Set-Cookie") or [] if c.startswith("sessionid="))
    assert "Secure" in session_cookie
    assert visitor.get("/initiatieven/").status == 200
    assert visitor.get("/beheer/").headers["Location"] == "/tweestapsverificatie/?next=%2Fbeheer%2F"


def test_the_password_reset_mail_links_to_the_site_url_and_the_link_works(deployment: Deployment) -> None:
    # A host name the app answers to, but not the public one.
    visitor = Visitor(deployment.proxy.port, host=f"intern.{HOST}")
    response = visitor.submit("/wachtwoord-vergeten/", {"email": "beheer@example.org"})
    assert response.status == 302
    mail = deployment.smtp.next_message()
    body = mail.get_payload(decode=True).decode()  # type: ignore[union-attr]
    link = next(line for line in body.splitlines() if "/wachtwoord-herstellen/" in line)
    assert link.startswith(f"{SITE_URL}/wachtwoord-herstellen/")
    reader = Visitor(deployment.proxy.port, host=HOST)
    form_url = reader.get(link.removeprefix(SITE_URL)).headers["Location"]
    assert "Nieuw wachtwoord kiezen" in reader.get(form_url).body


def test_a_client_cannot_dodge_the_login_limit_with_its_own_x_forwarded_for(deployment: Deployment) -> None:
    visitor = Visitor(deployment.proxy.port, host=HOST)
    statuses = [
        visitor.submit(
            "/inloggen/", {"username": "alice", "password": "fout"}, **{"X-Forwarded-For": f"203.0.113.{n}"}
        ).status
        for n in range(4)
    ]
    assert statuses == [200, 200, 429, 429]
    # The app counts the client the proxy saw, not the proxy: someone else behind the same proxy may still try.
    other = Visitor(deployment.proxy.port, host=HOST, source="127.0.0.3")
    assert other.submit("/inloggen/", {"username": "alice", "password": "fout"}).status == 200


def test_a_client_talking_to_the_app_directly_cannot_claim_https(deployment: Deployment) -> None:
    response = request(
        deployment.app_port,
        "GET",
        "/",
        headers={"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "10.1.2.3"},
    )
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/"


def test_serve_in_production_without_a_trusted_proxy_refuses_to_start_and_says_why(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BIN / "denkraam"), "serve", "--port", str(free_port())],
        env=denkraam_env(tmp_path, **PRODUCTION),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DENKRAAM_TRUSTED_PROXY" in result.stderr
    assert "TLS" in result.stderr
