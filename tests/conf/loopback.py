"""Real servers on loopback for tests of the production set-up: a TLS-terminating reverse proxy stand-in, an SMTP
server that keeps what it receives, and `denkraam serve` in a subprocess. Nothing here leaves 127.0.0.0/8."""

from __future__ import annotations

import http.client
import os
import queue
import re
import socket
import socketserver
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BIN = Path(sys.executable).parent
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"}


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str


def request(
    port: int,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    source: str = "127.0.0.1",
) -> Response:
    """One HTTP request to 127.0.0.1:port from the loopback address `source`, without following redirects."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return Response(response.status, response.headers, response.read().decode("utf-8", "replace"))
    finally:
        conn.close()


@dataclass
class Visitor:
    """A browser: keeps cookies, sends the Origin a browser on `scheme`://`host` sends, talks to 127.0.0.1:port
    from the loopback address `source`."""

    port: int
    host: str
    source: str = "127.0.0.1"
    scheme: str = "https"
    cookies: dict[str, str] = field(default_factory=dict)

    def _send(self, method: str, path: str, body: bytes | None = None, **headers: str) -> Response:
        headers = {"Host": self.host, **headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = request(self.port, method, path, headers=headers, body=body, source=self.source)
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})
        return response

    def get(self, path: str, **headers: str) -> Response:
        return self._send("GET", path, **headers)

    def submit(self, path: str, fields: dict[str, str], **headers: str) -> Response:
        """Fill in the form on `path` and post it, as a person would."""
        token = CSRF_FIELD.search(self.get(path).body)
        assert token, "no CSRF token in the form"
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields}).encode()
        origin = f"{self.scheme}://{self.host}"
        form_headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, **headers}
        return self._send("POST", path, body, **form_headers)


class ReverseProxy:
    """Like nginx in front of denkraam with `proxy_set_header Host $host`, `X-Forwarded-Proto https` (it terminated
    TLS) and `X-Forwarded-For $proxy_add_x_forwarded_for` (appends the peer's address to what the client sent).

    It connects to the app from `source` (another loopback address than the test's own 127.0.0.1), so the app can
    tell the proxy apart from a client that talks to it directly."""

    def __init__(self, *, upstream_port: int, source: str = "127.0.0.2") -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                headers["Host"] = (self.headers.get("Host") or "").split(":")[0]
                forwarded_for = [self.headers["X-Forwarded-For"]] if self.headers.get("X-Forwarded-For") else []
                headers["X-Forwarded-For"] = ", ".join([*forwarded_for, self.client_address[0]])
                headers["X-Forwarded-Proto"] = "https"
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=30, source_address=(source, 0))
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    upstream = conn.getresponse()
                    content = upstream.read()
                finally:
                    conn.close()
                self.send_response(upstream.status)
                for name, value in upstream.headers.items():
                    if name.lower() not in HOP_BY_HOP | {"content-length"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_HEAD = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class SmtpSink:
    """An SMTP server on 127.0.0.1 that accepts every message and hands it to the test through a queue."""

    def __init__(self) -> None:
        self.messages: queue.Queue[Message] = queue.Queue()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def _reply(self, line: str) -> None:
                self.wfile.write(f"{line}\r\n".encode())

            def handle(self) -> None:
                self._reply("220 localhost test-smtp")
                while line := self.rfile.readline():
                    verb = line.decode("ascii", "replace").strip().upper()
                    if verb.startswith(("EHLO", "HELO")):
                        self._reply("250 localhost")
                    elif verb == "DATA":
                        self._reply("354 end with <CRLF>.<CRLF>")
                        data = b""
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data += chunk[1:] if chunk.startswith(b"..") else chunk
                        sink.messages.put(message_from_bytes(data))
                        self._reply("250 queued")
                    elif verb == "QUIT":
                        self._reply("221 bye")
                        return
                    else:  # MAIL FROM, RCPT TO, RSET, NOOP
                        self._reply("250 ok")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next_message(self, timeout: float = 30) -> Message:
        return self.messages.get(timeout=timeout)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def denkraam_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a denkraam process with its own SQLite database in `data_dir` and only the given settings."""
    keep = {"DENKRAAM_ASSETS_DIR"}
    drop = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"}
    env = {k: v for k, v in os.environ.items() if k not in drop and (k in keep or not k.startswith("DENKRAAM_"))}
    return env | {"DENKRAAM_DATA_DIR": str(data_dir)} | extra


@contextmanager
def denkraam_serve(env: dict[str, str], *, port: int) -> Iterator[subprocess.Popen[str]]:
    """`denkraam serve` on 127.0.0.1:port; yields once waitress listens, stops the server afterwards."""
    process = subprocess.Popen(
        [str(BIN / "denkraam"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env | {"DENKRAAM_LOG_LEVEL": "INFO"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in process.stderr or []:
            lines.put(line)
        lines.put("")  # the server stopped

    threading.Thread(target=read, daemon=True).start()
    try:
        output: list[str] = []
        while "Serving on" not in (line := lines.get(timeout=120)):
            if not line:
                raise RuntimeError(f"denkraam serve stopped before it listened:\n{''.join(output)}")
            output.append(line)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
