"""The fetch guard: only public pages, within time and size limits. No network: every server is started here."""

from __future__ import annotations

import gzip
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from denkraam.analysis import FetchedPage, FetchError, fetch_url
from denkraam.analysis.fetch import is_public_address

PAGE = '<!doctype html><html lang="nl"><head><title>Uitkering aanvragen</title></head><body>Hallo één</body></html>'
LOOPBACK = frozenset({"127.0.0.1"})


class _Handler(BaseHTTPRequestHandler):
    """A tiny test site. Paths choose the behaviour; `seen` records what requests looked like."""

    protocol_version = "HTTP/1.1"
    seen: list[dict[str, str]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        type(self).seen.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        path, _, query = self.path.partition("?")
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/page":
            self._send(200, PAGE.encode("utf-8"), html)
        elif path == "/redirect":
            self._send(302, b"", {"Location": query.removeprefix("to=")})
        elif path == "/loop":
            self._send(301, b"", {"Location": "/loop"})
        elif path == "/big-declared":
            self._send(200, b"x" * 100, {**html, "Content-Length": "10000000"})
        elif path == "/big-streamed":
            # No Content-Length: the limit must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"a" * 1000 + b"</p>")
            self.close_connection = True
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE.encode("utf-8")), {**html, "Content-Encoding": "gzip"})
        elif path == "/gzip-bomb":
            self._send(200, gzip.compress(b"a" * 5_000_000), {**html, "Content-Encoding": "gzip"})
        elif path == "/latin":
            body = '<html><head><meta charset="windows-1252"></head><body>café €</body></html>'.encode("cp1252")
            self._send(200, body, {"Content-Type": "text/html"})
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4", {"Content-Type": "application/pdf"})
        elif path == "/untyped":
            self._send(200, PAGE.encode("utf-8"), {})
        elif path == "/binary":
            self._send(200, b"\x00\x01\x02" * 100, {})
        elif path == "/gone":
            self._send(404, b"niet gevonden", html)
        elif path == "/drip":
            # Each byte arrives within the socket timeout, but the whole answer takes far too long.
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(100):
                if threading.Event().wait(0.05):
                    break
                try:
                    self.wfile.write(b"X-Slow: y\r\n")
                    self.wfile.flush()
                except OSError:
                    return
            self.close_connection = True
        elif path in {"/drip-body", "/drip-body-declared"}:
            # The headers at once, then the page one byte every 0.1 s: every byte well within the socket timeout.
            body = PAGE.encode("utf-8")
            self._start(200, length=len(body) if path == "/drip-body-declared" else None)
            for index in range(len(body)):
                if threading.Event().wait(0.1):
                    break
                try:
                    self.wfile.write(body[index : index + 1])
                except OSError:
                    return
        elif path in {"/stall", "/short-stall"}:
            # Promises 1000 bytes, sends none or the first 5, then waits until the client gives up.
            self._start(200, length=1000)
            self.wfile.write(b"<html" if path == "/short-stall" else b"")
            self.rfile.read(1)
        elif path == "/short-close":
            self._start(200, length=1000)
            self.wfile.write(b"<html")
        elif path == "/chunked-cut":
            self._start(200, length=None, chunked=True)
            self.wfile.write(b"5\r\n<html\r\n")
        elif path == "/gzip-cut":
            packed = gzip.compress(PAGE.encode("utf-8") * 50)
            self._start(200, length=None, headers={"Content-Encoding": "gzip"})
            self.wfile.write(packed[: len(packed) // 2])
        else:
            self._send(404, b"", html)

    def _start(
        self, status: int, *, length: int | None, chunked: bool = False, headers: dict[str, str] | None = None
    ) -> None:
        """Status and headers of an HTML answer; the body (if any) and closing the connection are up to the path."""
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True


@pytest.fixture(scope="module")
def _server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def site(_server: str) -> str:
    """The test site's base URL, with a fresh record of the requests it receives."""
    _Handler.seen = []
    return _server


@pytest.fixture()
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records any attempt to open a connection, so a test can prove the check refused BEFORE connecting."""
    attempts: list[object] = []

    def refuse(address: object, *args: object, **kwargs: object) -> socket.socket:
        attempts.append(address)
        raise AssertionError(f"connected to {address!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://10.255.255.254:8080/admin",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://172.31.255.255/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a00:1]/",
        "http://0.0.0.0/",
        "http://0/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0x7f000001/",
        "http://017700000001/",
        "http://127.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "https://10.0.0.1/",
    ],
)
def test_it_refuses_internal_addresses_before_connecting(url: str, no_connections: list[object]) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(url)
    assert caught.value.code == "not-public"
    assert str(caught.value) == (
        "Dit adres is niet openbaar bereikbaar (intern netwerk); denkraam haalt alleen openbare pagina's op."
    )
    assert no_connections == []


def test_it_refuses_a_name_that_resolves_to_loopback(no_connections: list[object]) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url("http://localhost:8000/")
    assert caught.value.code == "not-public"
    assert no_connections == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/file.txt", "gopher://x/", "javascript:1"])
def test_it_refuses_other_schemes_than_http(url: str, no_connections: list[object]) -> None:
    with pytest.raises(FetchError, match="http:// of https://") as caught:
        fetch_url(url)
    assert caught.value.code == "scheme"


@pytest.mark.parametrize("url", ["http://", "http://exa mple.org/", "http://example.org:99999/", "http://999.1.1.1/"])
def test_it_refuses_broken_addresses(url: str, no_connections: list[object]) -> None:
    with pytest.raises(FetchError, match="geen geldig webadres") as caught:
        fetch_url(url)
    assert caught.value.code == "invalid-url"


def test_it_refuses_addresses_with_a_password(no_connections: list[object]) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url("http://user:secret@example.org/")
    assert caught.value.code == "credentials"


def test_it_refuses_the_test_server_without_an_allowance(site: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/page")
    assert caught.value.code == "not-public"
    assert _Handler.seen == []


def test_it_fetches_an_allowed_loopback_server(site: str) -> None:
    page = fetch_url(f"{site}/page", allow_hosts=LOOPBACK)
    assert isinstance(page, FetchedPage)
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.text == PAGE
    assert page.url == f"{site}/page"
    assert page.fetched_at.tzinfo is not None


def test_it_sends_an_honest_user_agent_and_the_host_name(site: str) -> None:
    fetch_url(f"{site}/page", allow_hosts=LOOPBACK)
    request = _Handler.seen[-1]
    assert request["user-agent"].startswith("denkraam/")
    assert "(+http" in request["user-agent"]
    assert request["host"] == site.removeprefix("http://")


def test_the_allowance_can_come_from_the_environment_for_tests(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", " 127.0.0.1 ,example.invalid")
    assert fetch_url(f"{site}/page").status == 200


def test_production_ignores_the_allowance_from_the_environment(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DENKRAAM_FETCH_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("DENKRAAM_ENVIRONMENT", "production")
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/page")
    assert caught.value.code == "not-public"


def test_a_host_name_keeps_its_host_header_while_connecting_to_the_checked_address(site: str) -> None:
    port = site.rsplit(":", 1)[1]
    # localhost may resolve to ::1 first, where nothing listens: the next checked address is tried.
    page = fetch_url(f"http://localhost:{port}/page", allow_hosts={"localhost"})
    assert page.status == 200
    assert _Handler.seen[-1]["host"] == f"localhost:{port}"


def test_it_follows_a_redirect_on_an_allowed_server(site: str) -> None:
    page = fetch_url(f"{site}/redirect?to=/page", allow_hosts=LOOPBACK)
    assert page.url == f"{site}/page"
    assert page.redirects == (f"{site}/redirect?to=/page",)
    assert "Hallo" in page.text


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/page", "http://10.0.0.1/", "http://[::1]:{port}/"])
def test_it_refuses_a_redirect_into_another_internal_address(site: str, target: str) -> None:
    port = site.rsplit(":", 1)[1]
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/redirect?to={target.format(port=port)}", allow_hosts=LOOPBACK)
    assert caught.value.code == "not-public"
    assert [r["path"] for r in _Handler.seen] == [f"/redirect?to={target.format(port=port)}"]


def test_it_refuses_a_redirect_to_a_file(site: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/redirect?to=file:///etc/passwd", allow_hosts=LOOPBACK)
    assert caught.value.code == "scheme"


def test_it_stops_after_five_redirects(site: str) -> None:
    with pytest.raises(FetchError, match="te vaak door") as caught:
        fetch_url(f"{site}/loop", allow_hosts=LOOPBACK)
    assert caught.value.code == "too-many-redirects"
    assert len(_Handler.seen) == 6


def test_it_refuses_a_page_that_announces_it_is_too_big(site: str) -> None:
    with pytest.raises(FetchError, match="groter dan 5 MB") as caught:
        fetch_url(f"{site}/big-declared", allow_hosts=LOOPBACK)
    assert caught.value.code == "too-big"


def test_it_stops_streaming_at_the_size_limit(site: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/big-streamed", allow_hosts=LOOPBACK, max_bytes=10_000)
    assert caught.value.code == "too-big"


def test_a_page_just_under_the_limit_is_fetched(site: str) -> None:
    page = fetch_url(f"{site}/big-streamed", allow_hosts=LOOPBACK, max_bytes=50_000)
    assert len(page.body) == 40 * 1007


def test_it_unpacks_gzip_but_not_beyond_the_size_limit(site: str) -> None:
    assert fetch_url(f"{site}/gzip", allow_hosts=LOOPBACK).text == PAGE
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/gzip-bomb", allow_hosts=LOOPBACK, max_bytes=100_000)
    assert caught.value.code == "too-big"


def test_it_times_out_on_a_server_that_never_answers() -> None:
    silent = socket.create_server(("127.0.0.1", 0))  # the kernel accepts; nobody ever writes back
    try:
        started = time.monotonic()
        with pytest.raises(FetchError, match="niet binnen 0.5 seconden") as caught:
            fetch_url(f"http://127.0.0.1:{silent.getsockname()[1]}/", timeout=0.5, allow_hosts=LOOPBACK)
        assert caught.value.code == "timeout"
        assert time.monotonic() - started < 3
    finally:
        silent.close()


def test_the_time_limit_covers_the_whole_answer_not_just_each_read(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/drip", timeout=0.5, allow_hosts=LOOPBACK)
    assert caught.value.code == "timeout"
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    "path",
    ["/drip-body", "/drip-body-declared", "/stall", "/short-stall"],
    ids=["drip", "drip-with-length", "headers-then-nothing", "five-bytes-then-nothing"],
)
def test_a_body_still_arriving_at_the_deadline_is_a_timeout_not_a_short_page(site: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="De website reageerde niet binnen 0.5 seconden") as caught:
        fetch_url(f"{site}{path}", timeout=0.5, allow_hosts=LOOPBACK)
    assert caught.value.code == "timeout"
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    "path",
    ["/short-close", "/chunked-cut", "/gzip-cut"],
    ids=["fewer-bytes-than-content-length", "chunked-without-end", "half-a-gzip-stream"],
)
def test_a_body_the_server_cuts_short_is_an_error_not_a_short_page(site: str, path: str) -> None:
    with pytest.raises(FetchError, match="stuurde de pagina niet helemaal") as caught:
        fetch_url(f"{site}{path}", timeout=5, allow_hosts=LOOPBACK)
    assert caught.value.code == "incomplete"


def test_it_reports_an_http_error_status(site: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        fetch_url(f"{site}/gone", allow_hosts=LOOPBACK)
    assert caught.value.code == "http-status"


def test_it_refuses_what_is_not_a_page(site: str) -> None:
    with pytest.raises(FetchError, match="application/pdf") as caught:
        fetch_url(f"{site}/pdf", allow_hosts=LOOPBACK)
    assert caught.value.code == "content-type"
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{site}/binary", allow_hosts=LOOPBACK)
    assert caught.value.code == "content-type"


def test_a_page_without_content_type_is_recognised_as_html(site: str) -> None:
    assert fetch_url(f"{site}/untyped", allow_hosts=LOOPBACK).content_type == "text/html"


def test_it_decodes_the_charset_the_page_declares(site: str) -> None:
    page = fetch_url(f"{site}/latin", allow_hosts=LOOPBACK)
    assert page.charset == "cp1252"
    assert "café €" in page.text


def test_a_closed_port_gives_a_connection_error() -> None:
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with pytest.raises(FetchError, match="geen verbinding") as caught:
        fetch_url(f"http://127.0.0.1:{port}/", allow_hosts=LOOPBACK, timeout=2)
    assert caught.value.code == "connection"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("198.18.0.1", False),
        ("192.0.0.8", False),
        ("240.0.0.1", False),
        ("2001:db8::1", False),
        ("64:ff9b::a00:1", False),  # NAT64 wrapper around 10.0.0.1
        ("64:ff9b::808:808", True),  # NAT64 wrapper around 8.8.8.8
        ("2002:a00:1::", False),  # 6to4 wrapper around 10.0.0.1
        ("ff02::1", False),
        ("::", False),
    ],
)
def test_it_knows_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """An HTTPS test site with a self-signed certificate for the name "localhost" only; yields (port, cert path)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield str(server.server_address[1]), str(cert)
    finally:
        server.shutdown()
        server.server_close()


def test_https_checks_the_certificate_against_the_host_name(
    tls_site: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, cert = tls_site
    monkeypatch.setenv("SSL_CERT_FILE", cert)  # trust the test certificate, as a CA bundle would
    page = fetch_url(f"https://localhost:{port}/page", allow_hosts={"localhost"})
    assert page.text == PAGE
    # Connected to the checked IP address, yet the certificate was matched against the name: a certificate for
    # "localhost" does not pass for the bare address.
    with pytest.raises(FetchError) as caught:
        fetch_url(f"https://127.0.0.1:{port}/page", allow_hosts=LOOPBACK)
    assert caught.value.code == "tls"


def test_an_untrusted_certificate_is_refused(tls_site: tuple[str, str]) -> None:
    port, _cert = tls_site
    with pytest.raises(FetchError, match="certificaat") as caught:
        fetch_url(f"https://localhost:{port}/page", allow_hosts={"localhost"})
    assert caught.value.code == "tls"
