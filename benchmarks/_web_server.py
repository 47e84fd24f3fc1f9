"""A real denkraam server for benchmarks: `denkraam serve` (waitress) in a subprocess on loopback, with its own
data dir, and optionally its own throw-away PostgreSQL database; plus a tiny keep-alive HTTP client."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_database(url: str) -> Iterator[str]:
    """A fresh database next to the one in DATABASE_URL (the role needs CREATEDB), dropped afterwards."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"denkraam_bench_{secrets.token_hex(4)}"
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Server:
    base: str
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    seed: dict[str, object] = field(default_factory=dict)


@contextlib.contextmanager
def running_server(*, database_url: str | None, participants: int, initiatives: int, threads: int) -> Iterator[Server]:
    """Seed a temporary database, start `denkraam serve` on a free loopback port, stop it afterwards."""
    with tempfile.TemporaryDirectory(prefix="denkraam-bench-") as data_dir:
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
        env |= {"DENKRAAM_DATA_DIR": data_dir, "DENKRAAM_ENVIRONMENT": "development", "DENKRAAM_LOG_LEVEL": "WARNING"}
        if database_url:
            env["DATABASE_URL"] = database_url
        seeded = subprocess.run(
            [sys.executable, str(REPO / "benchmarks" / "_web_seed.py"), str(participants), str(initiatives)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        seed = json.loads(seeded.stdout.strip().splitlines()[-1])
        port = _free_port()
        log = open(Path(data_dir) / "server.log", "wb")  # noqa: SIM115 - closed below, after the server stops
        process = subprocess.Popen(
            [str(BIN / "denkraam"), "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_up(base, process)
            yield Server(base=base, env=env, process=process, seed=seed)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)
            log.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {process.returncode}")
        try:
            status, _, _ = Browser(base).get("/gezond/")
            if status == 200:
                return
        except OSError:
            time.sleep(0.1)  # polling a starting server; the loop is bounded by the deadline
    raise RuntimeError("the server did not answer /gezond/ within a minute")


class Browser:
    """One person: a keep-alive connection and a cookie jar, like one browser tab (stdlib only)."""

    def __init__(self, base: str, *, cookies: dict[str, str] | None = None, timeout: float = 30.0) -> None:
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.timeout = timeout
        self.cookies = dict(cookies or {})
        self.conn: http.client.HTTPConnection | None = None

    def _request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, str, float]:
        headers = {"Host": f"{self.host}:{self.port}", **headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):  # one retry when the server closed an idle keep-alive connection
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", "replace")
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
                continue
            elapsed = time.perf_counter() - start
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                for name, morsel in jar.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return response.status, text, elapsed
        raise RuntimeError("unreachable")

    def get(self, path: str) -> tuple[int, str, float]:
        return self._request("GET", path, None, {})

    def post_form(self, path: str, fields: list[tuple[str, str]]) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(fields).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{self.host}:{self.port}"}
        return self._request("POST", path, body, headers)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def csrf_token(html: str) -> str:
    match = CSRF_FIELD.search(html)
    if not match:
        raise ValueError("no CSRF token in the form")
    return match.group(1)
