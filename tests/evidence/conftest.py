"""Evidence fixtures: alice's initiative, a web server on loopback that the test itself runs, and a helper
that runs the background task the way the worker would (after the request's transaction commits)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from denkraam.accounts.models import Organisation
from denkraam.initiatives.models import Initiative
from tests.factories import InitiativeFactory

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def initiative(uwv: Organisation) -> Initiative:
    return InitiativeFactory(name="Brief herbeoordeling WW", owner=uwv)


@dataclass
class LoopbackSite:
    """A tiny web site on 127.0.0.1: path -> (status, headers, body)."""

    base: str
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (200, {"Content-Type": content_type}, body)
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        self.routes[path] = (302, {"Location": location}, b"")
        return self.url(path)


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server expects
            hits.append(self.path)
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"niet gevonden"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LoopbackSite(base=f"http://127.0.0.1:{server.server_address[1]}", routes=routes, hits=hits)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def allow_loopback(settings: Settings) -> None:
    """The explicit test-only allowance: the fetch guard may reach the server this test started."""
    settings.DENKRAAM_FETCH_ALLOW_HOSTS = ["127.0.0.1"]


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks: Callable) -> Callable:
    """`with run_tasks(): client.post(...)` runs the queued analysis once the request's writes are committed."""

    def make():  # type: ignore[no-untyped-def]
        return django_capture_on_commit_callbacks(execute=True)

    return make


@pytest.fixture(autouse=True)
def _media_root(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
