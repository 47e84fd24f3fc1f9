"""Real processes for the kill tests: a database of the test's own, `denkraam worker` and `denkraam serve` started as
subprocesses on loopback, and `kill -9`.

SQLite: a migrated database file in the test's data dir (the migration runs once per session; each test gets a copy).
With DATABASE_URL set, the subprocesses use pytest-django's PostgreSQL test database instead (the fixture depends on
`transactional_db`, so what the subprocesses write is visible to the test and is flushed afterwards).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
T = TypeVar("T")

# Short leases so a killed worker's task comes back within seconds (production: heartbeat 10 s, lease 60 s).
FAST_LEASES = {"DENKRAAM_TASK_HEARTBEAT_SECONDS": "1", "DENKRAAM_TASK_LEASE_SECONDS": "2"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Process:
    """One subprocess with its output in a log file."""

    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """kill -9: no clean-up handler, no atexit, no finally block runs."""
        os.kill(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        """End the process after the test (kill -9 too: a graceful stop is not what these tests are about, and a
        worker that loaded the scrubber's name lists spends seconds collecting them on the way out)."""
        if self.alive():
            self.kill()


@dataclass
class Site:
    """A data dir and a database shared by the test and the processes it starts."""

    data_dir: Path
    env: dict[str, str]
    sqlite_file: Path | None
    processes: list[Process] = field(default_factory=list)

    @property
    def feedback_tmp(self) -> Path:
        return self.data_dir / "tmp-feedback"

    def query(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        """Read what the processes wrote (SQL with %s placeholders, for both databases)."""
        if self.sqlite_file is not None:
            with closing(sqlite3.connect(self.sqlite_file, timeout=30)) as conn:
                return conn.execute(sql.replace("%s", "?"), params).fetchall()
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def execute(self, sql: str, *params: object) -> None:
        """Write to the database as another process would (SQL with %s placeholders)."""
        if self.sqlite_file is not None:
            with closing(sqlite3.connect(self.sqlite_file, timeout=30)) as conn, conn:
                conn.execute(sql.replace("%s", "?"), params)
            return
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    def value(self, sql: str, *params: object) -> Any:
        rows = self.query(sql, *params)
        return rows[0][0] if rows else None

    def seed(self, what: str, size: int = 0) -> dict[str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "tests.web.kill_seed", what, str(size)],
            cwd=REPO, env=self.env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
        return result

    def start(self, name: str, *args: str, env: dict[str, str] | None = None) -> Process:
        log_path = self.data_dir / f"{name}.log"
        log = log_path.open("wb")
        popen = subprocess.Popen(
            [str(BIN / "denkraam"), *args], cwd=REPO, env={**self.env, **(env or {})}, stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        log.close()  # the child has its own copy
        process = Process(name=name, popen=popen, log_path=log_path)
        self.processes.append(process)
        return process

    def start_worker(self, name: str, *, env: dict[str, str] | None = None) -> Process:
        return self.start(name, "worker", env=env)

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "denkraam"), *args], cwd=REPO, env={**self.env, **(env or {})}, capture_output=True,
            text=True, timeout=120,
        )  # fmt: skip

    def stop_all(self) -> None:
        for process in self.processes:
            process.stop()


def wait_for(check: Callable[[], T | None], *, what: str, timeout: float, watch: tuple[Process, ...] = ()) -> T:
    """Poll `check` until it returns something truthy; fail when a watched process dies or the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        for process in watch:
            if not process.alive():
                pytest.fail(f"{process.name} stopped (exit {process.popen.returncode}) while waiting for {what}:\n"
                            f"{process.log()[-4000:]}")  # fmt: skip
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {p.name}\n{p.log()[-2000:]}" for p in watch)
            pytest.fail(f"waited {timeout:.0f} s for {what}\n{logs}")
        time.sleep(0.05)  # polling the database with a deadline: there is no event to wait on across processes


def base_env(data_dir: Path) -> dict[str, str]:
    """The developer's environment without anything that would point the processes at another database."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env = {k: v for k, v in env.items() if not k.startswith("DENKRAAM_") or k == "DENKRAAM_ASSETS_DIR"}
    return env | {
        "DENKRAAM_DATA_DIR": str(data_dir),
        "DENKRAAM_ENVIRONMENT": "development",
        "DENKRAAM_LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
        **FAST_LEASES,
    }


def migrated_sqlite(directory: Path) -> Path:
    """A migrated SQLite database file (made once per session by the fixture that calls this)."""
    directory.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [str(BIN / "denkraam"), "manage", "migrate", "-v0"], cwd=REPO, env=base_env(directory),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return directory / "denkraam.sqlite3"


def postgres_test_database_url() -> str:
    """pytest-django's test database, as a URL the subprocesses can use."""
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def make_site(tmp_path: Path, template: Path | None, *, database_url: str | None) -> Iterator[Site]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    env = base_env(data_dir)
    sqlite_file: Path | None = None
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        assert template is not None
        sqlite_file = data_dir / "denkraam.sqlite3"
        sqlite_file.write_bytes(template.read_bytes())
    site = Site(data_dir=data_dir, env=env, sqlite_file=sqlite_file)
    try:
        yield site
    finally:
        site.stop_all()
