"""A web page that stops arriving, or that the website breaks off, is never analysed as if it were the whole page."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import User
from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def cutting_site() -> Iterator[str]:
    """A loopback site whose pages promise 1000 bytes and send 5: /hangt then waits, /afgebroken hangs up."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server expects
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "1000")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"<html")
            if self.path == "/hangt":
                self.rfile.read(1)  # returns once denkraam gives up and closes its side
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _add_page(client: Client, initiative: Initiative, url: str, run_tasks: Callable) -> str:
    with run_tasks():
        response = client.post(
            reverse("evidence:add", kwargs={"initiative_id": initiative.pk}), {"way": "webpagina", "webpagina-url": url}
        )
    return client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/hangt", "De website reageerde niet binnen 1 seconde. Probeer het later opnieuw."),
        ("/afgebroken", "De website stuurde de pagina niet helemaal"),
    ],
    ids=["stops-arriving", "broken-off"],
)
def test_a_page_cut_short_fails_with_the_reason_and_stores_nothing_of_it(
    client_for: Callable[[User], Client],
    alice: User,
    initiative: Initiative,
    cutting_site: str,
    allow_loopback: None,
    run_tasks: Callable,
    settings: Settings,
    path: str,
    message: str,
) -> None:
    settings.FETCH_TIMEOUT = 1
    page = _add_page(client_for(alice), initiative, f"{cutting_site}{path}", run_tasks)
    assert "Mislukt" in page and message in page
    analysis = Analysis.objects.get()
    assert analysis.status == Analysis.Status.MISLUKT and analysis.findings == []
    item = EvidenceItem.objects.get()
    assert item.text == "" and not item.original
