"""kill -9 of a worker or a web process in the middle of its work: every task still finishes exactly once, and no raw
upload is left behind. Real processes on loopback, a real database, a real SIGKILL."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.processes import Site, free_port, make_site, migrated_sqlite, postgres_test_database_url, wait_for

pytestmark = pytest.mark.slow

FEEDBACK_ROWS = 40_000
LETTER_PARAGRAPHS = 700  # ~60,000 characters: a second or two of analysis


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_sqlite(tmp_path_factory.mktemp("migrated"))


@pytest.fixture
def site(request: pytest.FixtureRequest, transactional_db: None, tmp_path: Path) -> Iterator[Site]:
    """The database of the test run: SQLite, or pytest-django's PostgreSQL test database when DATABASE_URL is set
    (`transactional_db`: what the processes commit is visible here, and flushed afterwards)."""
    if os.environ.get("DATABASE_URL"):
        yield from make_site(tmp_path, None, database_url=postgres_test_database_url())
    else:
        yield from make_site(tmp_path, request.getfixturevalue("sqlite_template"), database_url=None)


@pytest.fixture
def sqlite_site(tmp_path: Path, sqlite_template: Path) -> Iterator[Site]:
    """Always SQLite: the test is about SQLite's write lock."""
    yield from make_site(tmp_path, sqlite_template, database_url=None)


def analysis_state(site: Site, analysis_id: str) -> tuple[str, int] | None:
    rows = site.query("SELECT status, attempts FROM evidence_analysis WHERE id = %s", analysis_id.replace("-", ""))
    if not rows:  # PostgreSQL keeps the dashes
        rows = site.query("SELECT status, attempts FROM evidence_analysis WHERE id = %s", analysis_id)
    return (rows[0][0], rows[0][1]) if rows else None


def import_state(site: Site, import_id: str) -> dict[str, object]:
    for key in (import_id.replace("-", ""), import_id):
        rows = site.query(
            "SELECT status, rows_done, comment_count, attempts, temp_name, error FROM feedback_feedbackimport "
            "WHERE id = %s",
            key,
        )
        if rows:
            status, rows_done, comment_count, attempts, temp_name, error = rows[0]
            return {"status": status, "rows_done": rows_done, "comment_count": comment_count, "attempts": attempts,
                    "temp_name": temp_name, "error": error}  # fmt: skip
    raise AssertionError(f"no import {import_id}")


def task_results(site: Site) -> list[tuple[str, str]]:
    """(status, worker ids) of every task in the database queue."""
    return [(row[0], row[1]) for row in site.query("SELECT status, worker_ids FROM django_tasks_database_dbtaskresult")]


def test_a_killed_worker_s_evidence_analysis_is_restarted_by_another_and_finishes_once(site: Site) -> None:
    ids = site.seed("evidence", LETTER_PARAGRAPHS)
    first = site.start_worker("worker-1")
    wait_for(lambda: analysis_state(site, ids["analysis_id"]) == ("bezig", 1), what="the analysis to start",
             timeout=60, watch=(first,))  # fmt: skip
    first.kill()
    assert analysis_state(site, ids["analysis_id"]) == ("bezig", 1)  # what the page shows right after the kill

    killed_at = time.monotonic()
    second = site.start_worker("worker-2")
    state = wait_for(
        lambda: (s := analysis_state(site, ids["analysis_id"])) and s[0] in {"klaar", "mislukt"} and s,
        what="the analysis to finish", timeout=60, watch=(second,),
    )  # fmt: skip
    print(f"analysis finished {time.monotonic() - killed_at:.1f} s after the kill")
    assert state == ("klaar", 2)
    item = ids["item_id"]
    analyses = site.query("SELECT status, words FROM evidence_analysis WHERE item_id IN (%s, %s)", item,
                          item.replace("-", ""))  # fmt: skip
    assert len(analyses) == 1 and analyses[0][0] == "klaar" and analyses[0][1] > 20_000
    # One task in the queue, run by both workers, finished once.
    wait_for(lambda: task_results(site) and all(status != "RUNNING" for status, _ in task_results(site)),
             what="the worker to close its task", timeout=30, watch=(second,))  # fmt: skip
    assert [(status, len(json.loads(workers))) for status, workers in task_results(site)] == [("SUCCESSFUL", 2)]


def test_a_killed_worker_s_feedback_import_is_restarted_and_stores_every_row_once(site: Site) -> None:
    ids = site.seed("feedback", FEEDBACK_ROWS)
    raw_file = site.feedback_tmp / ids["temp_name"]
    first = site.start_worker("worker-1")
    wait_for(lambda: import_state(site, ids["import_id"])["rows_done"] >= 1_000, what="1,000 rows imported",
             timeout=90, watch=(first,))  # fmt: skip
    first.kill()
    state = import_state(site, ids["import_id"])
    assert state["status"] == "bezig" and raw_file.exists()

    killed_at = time.monotonic()
    second = site.start_worker("worker-2")
    wait_for(lambda: import_state(site, ids["import_id"])["attempts"] == 2, what="the import to be restarted",
             timeout=30, watch=(second,))  # fmt: skip
    restarted = time.monotonic() - killed_at
    state = wait_for(
        lambda: (s := import_state(site, ids["import_id"]))["status"] in {"klaar", "mislukt"} and s,
        what="the import to finish", timeout=120, watch=(second,),
    )  # fmt: skip
    print(f"import restarted {restarted:.1f} s and finished {time.monotonic() - killed_at:.1f} s after the kill")
    assert state["status"] == "klaar", state["error"]
    assert state["comment_count"] == FEEDBACK_ROWS
    key = ids["import_id"]
    stored, distinct = site.query(
        "SELECT COUNT(*), COUNT(DISTINCT row) FROM feedback_feedbackcomment WHERE feedback_import_id IN (%s, %s)",
        key, key.replace("-", ""),
    )[0]  # fmt: skip
    assert stored == distinct == FEEDBACK_ROWS
    assert not raw_file.exists() and list(site.feedback_tmp.iterdir()) == []
    assert site.value("SELECT COUNT(*) FROM accounts_auditevent WHERE action = %s", "feedback.import_done") == 1
    wait_for(lambda: task_results(site) and all(status != "RUNNING" for status, _ in task_results(site)),
             what="the worker to close its task", timeout=30, watch=(second,))  # fmt: skip
    assert [(status, len(json.loads(workers))) for status, workers in task_results(site)] == [("SUCCESSFUL", 2)]


def test_worker_once_restarts_an_analysis_that_a_worker_from_before_leases_left_bezig(site: Site) -> None:
    ids = site.seed("evidence", 20)
    # What a killed worker left before this fix: the analysis "bezig" without a lease, its task RUNNING for ever.
    site.execute("UPDATE evidence_analysis SET status = %s", "bezig")
    site.execute("UPDATE django_tasks_database_dbtaskresult SET status = %s, started_at = %s", "RUNNING", "2024-01-01")
    done = site.run("worker", "--once")
    assert done.returncode == 0, done.stderr[-3000:]
    assert analysis_state(site, ids["analysis_id"]) == ("klaar", 1)
    assert {status for status, _ in task_results(site)} == {"SUCCESSFUL"}


def test_a_worker_keeps_running_while_another_process_holds_the_database(sqlite_site: Site) -> None:
    site = sqlite_site
    worker = site.start_worker("worker", env={"DENKRAAM_SQLITE_TIMEOUT": "1"})
    wait_for(lambda: "wacht op taken" in worker.log(), what="the worker to start", timeout=60, watch=(worker,))
    assert site.sqlite_file is not None
    with closing_lock(site.sqlite_file):
        # The worker polls once a second and gives up each poll after 1 s: wait until it has hit the lock twice.
        wait_for(lambda: worker.log().count("database is locked") >= 2, what="the worker to meet the lock",
                 timeout=30, watch=(worker,))  # fmt: skip
    ids = site.seed("evidence", 20)
    wait_for(lambda: analysis_state(site, ids["analysis_id"]) == ("klaar", 1), what="the analysis to finish",
             timeout=60, watch=(worker,))  # fmt: skip
    assert worker.alive()


class closing_lock:  # noqa: N801 - used like a function: `with closing_lock(path):`
    """Hold SQLite's write lock from another connection, as a busy web process would."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def multipart_head(*, boundary: str, csrf: str) -> bytes:
    return (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{csrf}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="enquete.csv"\r\n'
        "Content-Type: text/csv\r\n\r\nreactie\r\n"
    ).encode()


def post_upload(*, port: int, initiative_id: str, session: str, body_size: int) -> tuple[socket.socket, bytes, bytes]:
    """Open a connection and send the request head for a multipart upload of `body_size` bytes; returns the socket,
    the start of the body and one chunk of CSV rows to send after it."""
    csrf = "k" * 32
    boundary = "denkraamgrens"
    head = multipart_head(boundary=boundary, csrf=csrf)
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(
        (
            f"POST /initiatieven/{initiative_id}/feedback/importeren/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Cookie: sessionid={session}; csrftoken={csrf}\r\nX-CSRFToken: {csrf}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {body_size}\r\n\r\n"
        ).encode()
    )
    return sock, head, b"de website liep vast bij de laatste stap\r\n" * 1_000


def start_server(site: Site) -> tuple[int, object]:
    port = free_port()
    server = site.start("web", "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", "2")

    def up() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False

    wait_for(up, what="the web server to listen", timeout=60, watch=(server,))
    return port, server


def test_a_web_process_killed_during_an_upload_leaves_no_raw_file_after_the_clean_up(site: Site) -> None:
    ids = site.seed("session")
    port, server = start_server(site)
    body_size = 20 * 1024 * 1024
    sock, head, chunk = post_upload(port=port, initiative_id=ids["initiative_id"], session=ids["session"],
                                    body_size=body_size)  # fmt: skip
    sent = len(head)
    sock.sendall(head)
    while sent + len(chunk) < body_size // 2:  # half the body: the upload is still coming in
        sock.sendall(chunk)
        sent += len(chunk)
    server.kill()  # type: ignore[attr-defined]
    sock.close()
    left = sorted(p.name for p in site.feedback_tmp.iterdir()) if site.feedback_tmp.exists() else []

    cleaned = site.run("cleanup", env={"DENKRAAM_FEEDBACK_TMP_GRACE_SECONDS": "0"})
    assert cleaned.returncode == 0, cleaned.stderr
    remaining = list(site.feedback_tmp.iterdir()) if site.feedback_tmp.exists() else []
    assert remaining == [], f"left by the killed upload: {left}; after the clean-up: {remaining}"
    assert site.value("SELECT COUNT(*) FROM feedback_feedbackimport") == 0


def test_a_web_process_killed_while_it_writes_the_raw_file_leaves_nothing_after_the_clean_up(site: Site) -> None:
    ids = site.seed("session")
    port, server = start_server(site)
    body_size = 20 * 1024 * 1024
    sock, head, chunk = post_upload(port=port, initiative_id=ids["initiative_id"], session=ids["session"],
                                    body_size=body_size)  # fmt: skip
    sock.sendall(head)
    sent = len(head)
    while sent + len(chunk) <= body_size:
        sock.sendall(chunk)
        sent += len(chunk)
    sock.sendall(b"x" * (body_size - sent))  # the whole body: now the web process writes the file
    folder = site.feedback_tmp
    deadline = time.monotonic() + 30
    while not (folder.exists() and any(folder.iterdir())):
        assert time.monotonic() < deadline, "the upload never reached the private folder"
    server.kill()  # type: ignore[attr-defined]
    sock.close()
    left = sorted(p.name for p in folder.iterdir())
    registered = {row[0] for row in site.query("SELECT temp_name FROM feedback_feedbackimport")}
    print(f"left by the killed web process: {left}; registered: {registered}")

    cleaned = site.run("cleanup", env={"DENKRAAM_FEEDBACK_TMP_GRACE_SECONDS": "0"})
    assert cleaned.returncode == 0, cleaned.stderr
    remaining = {p.name for p in folder.iterdir()}
    assert remaining <= registered, f"left by the killed upload: {left}; after the clean-up: {remaining}"
