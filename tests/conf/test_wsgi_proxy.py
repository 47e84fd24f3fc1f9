"""Under a WSGI server other than waitress (here the standard library's wsgiref, started by the test on loopback),
`denkraam.conf.wsgi:application` trusts forwarded headers from DENKRAAM_TRUSTED_PROXY only, like `denkraam serve`."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import override_settings

from denkraam.conf import wsgi
from denkraam.conf.proxy import behind_trusted_proxy
from tests.conf.loopback import ReverseProxy, Visitor

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

pytestmark = pytest.mark.django_db(transaction=True)  # the server thread must see the test's data


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class ThreadedWSGIServer(WSGIServer):
    # One thread per request: the proxy holds its connection while the app answers another.
    def process_request(self, request: object, client_address: object) -> None:
        threading.Thread(target=super().process_request, args=(request, client_address), daemon=True).start()


@contextmanager
def serving(app: WSGIApplication) -> Iterator[int]:
    """A WSGI application on a free loopback port."""
    server = make_server("127.0.0.1", 0, app, ThreadedWSGIServer, QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def wsgiref_app(**trusted: object) -> Iterator[int]:
    """denkraam's WSGI application, built as conf/wsgi.py builds it but with these proxy settings."""
    with override_settings(**trusted), serving(behind_trusted_proxy(WSGIHandler())) as port:
        yield port


def _failed_logins(visitor: Visitor, forged_addresses: Callable[[int], str], count: int) -> list[int]:
    return [
        visitor.submit(
            "/inloggen/", {"username": "alice", "password": "fout"}, **{"X-Forwarded-For": forged_addresses(n)}
        ).status
        for n in range(count)
    ]


@override_settings(LOGIN_FAILURE_LIMIT=3, SECURE_HSTS_SECONDS=3600)
def test_behind_the_trusted_proxy_the_client_address_and_https_come_from_the_proxy() -> None:
    with wsgiref_app(TRUSTED_PROXY="127.0.0.2") as port:
        proxy = ReverseProxy(upstream_port=port, source="127.0.0.2")
        try:
            visitor = Visitor(proxy.port, host="localhost")
            assert visitor.get("/").headers["Strict-Transport-Security"] == "max-age=3600"
            assert _failed_logins(visitor, lambda n: f"203.0.113.{n}", 4) == [200, 200, 429, 429]
            other = Visitor(proxy.port, host="localhost", source="127.0.0.3")
            assert other.submit("/inloggen/", {"username": "alice", "password": "fout"}).status == 200
        finally:
            proxy.close()


@override_settings(LOGIN_FAILURE_LIMIT=3, SECURE_HSTS_SECONDS=3600)
def test_a_client_that_is_not_the_trusted_proxy_cannot_forge_its_address_or_https() -> None:
    with wsgiref_app(TRUSTED_PROXY="127.0.0.2") as port:
        visitor = Visitor(port, host="localhost", scheme="http")
        page = visitor.get("/", **{"X-Forwarded-Proto": "https"})
        assert "Strict-Transport-Security" not in page.headers
        assert _failed_logins(visitor, lambda n: f"203.0.113.{n}", 4) == [200, 200, 429, 429]


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_without_a_trusted_proxy_nobody_may_set_forwarded_headers() -> None:
    with serving(wsgi.application) as port:  # the real one: the test settings trust no proxy
        proxy = ReverseProxy(upstream_port=port, source="127.0.0.2")
        try:
            # The proxy says https, the browser's Origin says https: the app saw http, so the form is refused.
            claims_https = Visitor(proxy.port, host="localhost", scheme="https")
            assert claims_https.submit("/inloggen/", {"username": "alice", "password": "fout"}).status == 403
            # Every client behind the untrusted proxy looks like the proxy: the limit holds for the forged ones.
            visitor = Visitor(proxy.port, host="localhost", scheme="http")
            assert _failed_logins(visitor, lambda n: f"203.0.113.{n}", 4) == [200, 200, 429, 429]
        finally:
            proxy.close()
