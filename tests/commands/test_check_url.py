"""`denkraam check URL`: the same fetch guard as the web app; HTML gets the page check and the text check."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from denkraam.cli import main
from tests.cutting_site import cutting_site

PAGE = (Path(__file__).parents[1] / "evidence" / "fixtures" / "demo_pagina.html").read_bytes()
MAIN_PAGE = (
    b'<!doctype html><html lang="nl"><head><title>Afspraak</title></head><body>'
    b'<nav><a href="/">Home</a> <a href="/zorg">Zorg en ondersteuning ten behoeve van inwoners</a></nav>'
    b"<main><h1>Afspraak maken</h1><p>U maakt een afspraak via de website of telefonisch.</p></main>"
    b"<footer><p>Hierbij delen wij u mede dat deze site cookies gebruikt.</p></footer></body></html>"
)


@pytest.fixture
def server() -> Iterator[str]:
    """A loopback web server this test starts itself: /pagina (HTML), /tekst (plain), /door (redirect)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server expects
            routes = {
                "/pagina": (200, "text/html; charset=utf-8", PAGE),
                "/tekst": (200, "text/plain; charset=utf-8", b"Geachte heer, wij nemen binnenkort contact op."),
                "/hoofdinhoud": (200, "text/html; charset=utf-8", MAIN_PAGE),
            }
            if self.path == "/door":
                self.send_response(302)
                self.send_header("Location", "http://10.1.2.3/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status, kind, body = routes.get(self.path, (404, "text/plain", b"weg"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_it_checks_a_web_page_with_the_page_check_and_the_text_check(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    result = CliRunner().invoke(main, ["check", "--format", "json", f"{server}/pagina"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    rules = {finding["rule"] for finding in report["findings"]}
    assert {"page-img-alt-missing", "page-link-text-vague", "vage-tijd"} <= rules
    assert report["source"] == f"{server}/pagina"
    assert report["stats"]["words"] > 20


def test_only_the_main_content_of_a_page_gets_the_text_check_and_the_output_says_so(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    result = CliRunner().invoke(main, ["check", "--format", "json", f"{server}/hoofdinhoud"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["measured"] == "<main>"
    excerpts = " ".join(finding["excerpt"] for finding in report["findings"])
    assert "ten behoeve van" not in excerpts and "Hierbij" not in excerpts  # menu and footer are not checked
    assert report["stats"]["words"] == 11  # "Afspraak maken" and the sentence under it
    text = CliRunner().invoke(main, ["check", f"{server}/hoofdinhoud"]).output
    assert "Gemeten: alleen de hoofdinhoud: <main>" in text


def test_a_plain_text_page_gets_the_text_check(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    result = CliRunner().invoke(main, ["check", "--format", "json", f"{server}/tekst"])
    assert result.exit_code == 0
    assert "vage-tijd" in {finding["rule"] for finding in json.loads(result.output)["findings"]}


def test_it_refuses_loopback_without_the_allowance_and_redirects_into_private_networks(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DENKRAAM_FETCH_ALLOW_HOSTS", raising=False)
    refused = CliRunner().invoke(main, ["check", f"{server}/pagina"])
    assert refused.exit_code == 2
    assert "niet openbaar bereikbaar" in refused.output
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    redirected = CliRunner().invoke(main, ["check", f"{server}/door"])
    assert redirected.exit_code == 2
    assert "niet openbaar bereikbaar" in redirected.output


def test_a_page_that_stops_arriving_gets_the_timeout_message_not_a_check_of_its_first_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    started = time.monotonic()
    with cutting_site() as site:
        result = CliRunner().invoke(main, ["check", "--timeout", "1", f"{site}/hangt"])
    assert result.exit_code == 2
    assert "De website reageerde niet binnen 1 seconde. Probeer het later opnieuw." in result.output
    assert "De pagina is leeg" not in result.output
    assert time.monotonic() - started < 4


def test_a_page_the_server_cuts_short_is_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    with cutting_site() as site:
        result = CliRunner().invoke(main, ["check", "--format", "json", f"{site}/afgebroken"])
    assert result.exit_code == 2
    assert "De website stuurde de pagina niet helemaal" in result.output
    assert '"findings"' not in result.output
