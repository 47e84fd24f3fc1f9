"""Fetching one public web page, safely: checked addresses, manual redirects, time and size limits.

Only the standard library is used. The connection classes below connect to the IP address that the guard
checked, while the Host header and TLS server name (SNI, certificate check) stay those of the host name.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from denkraam import __version__
from denkraam.analysis.fetch.encoding import decode_document
from denkraam.analysis.fetch.errors import FetchError
from denkraam.analysis.fetch.guard import CheckedAddress, allowed_hosts, check_host

MAX_REDIRECTS = 5
DEFAULT_PROJECT_URL = "https://github.com/denkraam"
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
# Characters that may stay as they are in a request path; everything else is percent-encoded.
_PATH_SAFE = "/%?=&;:@!$'()*+,~-._[]"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched page: final URL after redirects, HTTP status, media type, charset, raw bytes and decoded text."""

    url: str
    status: int
    content_type: str
    charset: str
    body: bytes
    text: str
    fetched_at: datetime
    redirects: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        """A JSON-friendly summary (without the raw bytes)."""
        return {
            "url": self.url,
            "status": self.status,
            "content_type": self.content_type,
            "charset": self.charset,
            "size": len(self.body),
            "fetched_at": self.fetched_at.isoformat(),
            "redirects": list(self.redirects),
        }


@dataclass(frozen=True, slots=True)
class _Target:
    url: str
    scheme: str
    host: str
    port: int
    path: str


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    location: str | None
    content_type: str
    charset: str | None
    body: bytes


def fetch_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    allow_hosts: frozenset[str] | set[str] = frozenset(),
) -> FetchedPage:
    """Fetch a public http(s) page and return it decoded.

    Every host (also after each redirect, at most 5) must resolve to public addresses only; the connection goes to
    the address that was checked. `timeout` (seconds) limits connecting and the whole fetch including redirects;
    `max_bytes` limits the body. `allow_hosts` is for tests and local development only: host names or IP
    addresses of servers the test itself started (e.g. {"127.0.0.1"}); the environment variable
    DENKRAAM_FETCH_ALLOW_HOSTS adds to it and must never be set on a shared server.

    Raises FetchError with a Dutch message when the page cannot or may not be fetched.
    """
    allow = allowed_hosts(allow_hosts)
    deadline = time.monotonic() + timeout
    current = url
    history: list[str] = []
    while True:
        target = _parse_target(current)
        remaining = _remaining(deadline, timeout)
        addresses = check_host(target.host, target.port, allow=allow, timeout=remaining)
        response = _exchange(target, addresses, deadline=deadline, timeout=timeout, max_bytes=max_bytes)
        if response.status in _REDIRECT_STATUSES and response.location:
            if len(history) >= MAX_REDIRECTS:
                raise FetchError(
                    f"Dit adres stuurt te vaak door (meer dan {MAX_REDIRECTS} keer); denkraam stopt daarom.",
                    code="too-many-redirects",
                    url=url,
                )
            history.append(current)
            current = urljoin(current, response.location)
            continue
        break
    text, charset = _decode(response)
    return FetchedPage(
        url=target.url,
        status=response.status,
        content_type=response.content_type,
        charset=charset,
        body=response.body,
        text=text,
        fetched_at=datetime.now(UTC),
        redirects=tuple(history),
    )


def user_agent() -> str:
    """The honest user agent: who we are and where to read about us."""
    return f"denkraam/{__version__} (+{_project_url()})"


@lru_cache(maxsize=1)
def _project_url() -> str:
    # publiccode.yml lives at the root of a source checkout; an installed wheel falls back to the default.
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "publiccode.yml"
        if candidate.is_file():
            match = re.search(r"^url:\s*[\"']?(https?://[^\s\"']+)", candidate.read_text("utf-8"), re.MULTILINE)
            if match:
                return match.group(1)
    return DEFAULT_PROJECT_URL


def _parse_target(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchError("Dit is geen geldig webadres.", code="invalid-url", url=url) from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(
            "Alleen webadressen die met http:// of https:// beginnen kunnen worden opgehaald.", code="scheme", url=url
        )
    if parts.username is not None or parts.password is not None:
        raise FetchError(
            "Webadressen met een gebruikersnaam of wachtwoord erin haalt denkraam niet op.", code="credentials", url=url
        )
    host = parts.hostname or ""
    if not host:
        raise FetchError("Dit is geen geldig webadres: de naam van de website ontbreekt.", code="invalid-url", url=url)
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError("Dit is geen geldig webadres.", code="invalid-url", url=url) from None
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_PATH_SAFE)
    return _Target(
        url=url.strip(),
        scheme=scheme,
        host=host,
        port=port or (443 if scheme == "https" else 80),
        path=path,
    )


def _remaining(deadline: float, timeout: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timeout_error(timeout)
    return remaining


def _timeout_error(timeout: float) -> FetchError:
    seconds = "seconde" if timeout == 1 else "seconden"
    return FetchError(
        f"De website reageerde niet binnen {timeout:g} {seconds}. Probeer het later opnieuw.", code="timeout"
    )


def _incomplete_error(url: str) -> FetchError:
    return FetchError(
        "De website stuurde de pagina niet helemaal: de verbinding werd verbroken voordat alles binnen was. "
        "Probeer het later opnieuw.",
        code="incomplete",
        url=url,
    )


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to a fixed, already checked IP address; the Host header keeps the name."""

    def __init__(self, host: str, port: int, *, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.pinned_ip = ip
        self.raw_socket: socket.socket | None = None
        self.cut = False  # set by the watchdog: whatever was read after it is not the whole answer

    def connect(self) -> None:
        self.sock = socket.create_connection((self.pinned_ip, self.port), self.timeout)
        self.raw_socket = self.sock


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a fixed, already checked IP address; SNI and the certificate check use the host name."""

    def __init__(self, host: str, port: int, *, ip: str, timeout: float) -> None:
        self.ssl_context = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.ssl_context)
        self.pinned_ip = ip
        self.raw_socket: socket.socket | None = None
        self.cut = False  # set by the watchdog: whatever was read after it is not the whole answer

    def connect(self) -> None:
        sock = socket.create_connection((self.pinned_ip, self.port), self.timeout)
        self.raw_socket = sock
        self.sock = self.ssl_context.wrap_socket(sock, server_hostname=self.host)
        self.raw_socket = self.sock


def _exchange(
    target: _Target, addresses: list[CheckedAddress], *, deadline: float, timeout: float, max_bytes: int
) -> _Response:
    """One request/response with the first checked address that accepts a connection."""
    last_error: FetchError | None = None
    for address in addresses:
        remaining = _remaining(deadline, timeout)
        connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
        conn = connection_class(target.host, target.port, ip=address.ip, timeout=min(timeout, remaining))
        # A watchdog enforces the total time: a server that drips one byte just within each socket timeout
        # would otherwise keep us busy for ever.
        watchdog = threading.Timer(remaining, _cut, args=(conn,))
        watchdog.daemon = True
        watchdog.start()
        try:
            return _request(conn, target, deadline=deadline, timeout=timeout, max_bytes=max_bytes)
        except FetchError as error:
            if error.code != "connection":
                raise
            last_error = error
        except TimeoutError:
            raise _timeout_error(timeout) from None
        except ssl.SSLCertVerificationError:
            raise FetchError(
                "De beveiligde verbinding (https) met deze website klopt niet: het certificaat is ongeldig.",
                code="tls",
                url=target.url,
            ) from None
        except (OSError, http.client.HTTPException, ValueError) as error:
            if conn.cut or time.monotonic() >= deadline:
                raise _timeout_error(timeout) from None
            last_error = FetchError(
                "Er kon geen verbinding worden gemaakt met de website, of de verbinding werd verbroken.",
                code="connection",
                url=target.url,
            )
            last_error.__cause__ = error
        finally:
            watchdog.cancel()
            conn.close()
    assert last_error is not None  # addresses is never empty: check_host raises first
    raise last_error


def _cut(conn: _PinnedHTTPConnection | _PinnedHTTPSConnection) -> None:
    conn.cut = True
    sock = conn.raw_socket
    if sock is not None:
        # socket.socket.shutdown on the plain fd, also for TLS sockets, wakes any blocked read.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _request(
    conn: _PinnedHTTPConnection | _PinnedHTTPSConnection,
    target: _Target,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> _Response:
    try:
        conn.connect()
    except TimeoutError:
        raise _timeout_error(timeout) from None
    except ssl.SSLCertVerificationError:
        raise
    except OSError as error:
        raise FetchError(
            "Er kon geen verbinding worden gemaakt met de website.", code="connection", url=target.url
        ) from error
    conn.putrequest("GET", target.path, skip_accept_encoding=True)
    conn.putheader("User-Agent", user_agent())
    conn.putheader("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8")
    conn.putheader("Accept-Language", "nl,en;q=0.5")
    conn.putheader("Accept-Encoding", "identity")
    conn.putheader("Connection", "close")
    conn.endheaders()
    response = conn.getresponse()
    if response.status in _REDIRECT_STATUSES:
        return _Response(response.status, response.getheader("Location"), "", None, b"")
    if not 200 <= response.status < 300:
        raise FetchError(
            f"De website gaf een foutmelding (HTTP {response.status}). Controleer of het adres klopt.",
            code="http-status",
            url=target.url,
        )
    content_type, charset = _media_type(response.getheader("Content-Type"))
    if content_type and content_type not in ACCEPTED_TYPES:
        raise FetchError(
            f"Dit adres geeft geen webpagina of tekst terug maar {content_type}; "
            "denkraam kan alleen HTML of tekst controleren.",
            code="content-type",
            url=target.url,
        )
    length = response.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise _too_big(max_bytes, target.url)
    body = _read_body(response, conn, deadline=deadline, timeout=timeout, max_bytes=max_bytes, url=target.url)
    if not content_type:
        content_type = _sniff(body, target.url)
    return _Response(response.status, None, content_type, charset, body)


def _read_body(
    response: http.client.HTTPResponse,
    conn: _PinnedHTTPConnection | _PinnedHTTPSConnection,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
    url: str,
) -> bytes:
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in {"identity", "gzip", "x-gzip", "deflate"}:
        raise FetchError(
            f"De website stuurde de pagina in een onbekende compressie ({encoding}).", code="content-type", url=url
        )
    # wbits 47 accepts both gzip and zlib-wrapped deflate (what servers send for "deflate").
    inflater = zlib.decompressobj(47) if encoding != "identity" else None
    chunks: list[bytes] = []
    size = 0
    while True:
        remaining = _remaining(deadline, timeout)
        if conn.raw_socket is not None:
            conn.raw_socket.settimeout(min(timeout, remaining))
        try:
            chunk = response.read1(_CHUNK)
        except http.client.IncompleteRead:
            # A chunked answer that stopped before its last chunk.
            raise _timeout_error(timeout) if conn.cut else _incomplete_error(url) from None
        if not chunk:
            break
        if inflater is not None:
            try:
                # max_length caps what one chunk may expand to, so a zip bomb cannot fill the memory.
                chunk = inflater.decompress(chunk, max_bytes - size + 1)
            except zlib.error:
                raise FetchError(
                    "De website stuurde een beschadigde, gecomprimeerde pagina.", code="connection"
                ) from None
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(max_bytes, url)
        chunks.append(chunk)
    # An empty read also ends the loop when the watchdog cut the connection or the server closed it early:
    # a body that is not whole must never be analysed as if it were the page.
    if conn.cut:
        raise _timeout_error(timeout)
    if response.length or (inflater is not None and not inflater.eof):
        # http.client counts down the bytes Content-Length still owes; a gzip stream knows where it ends.
        raise _incomplete_error(url)
    return b"".join(chunks)


def _too_big(max_bytes: int, url: str) -> FetchError:
    return FetchError(
        f"De pagina is groter dan {max_bytes / 1_000_000:g} MB; denkraam haalt zulke grote pagina's niet op.",
        code="too-big",
        url=url,
    )


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    message = Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset) if isinstance(charset, str) else None


def _sniff(body: bytes, url: str) -> str:
    head = body[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head:
        return "text/html"
    if b"\x00" not in body[:4096]:
        return "text/plain"
    raise FetchError(
        "Dit adres geeft geen webpagina of tekst terug; denkraam kan alleen HTML of tekst controleren.",
        code="content-type",
        url=url,
    )


def _decode(response: _Response) -> tuple[str, str]:
    return decode_document(response.body, declared=response.charset)
