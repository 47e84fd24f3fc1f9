"""Hostile uploads: refused in Dutch within seconds, nothing half-stored, and other people keep working meanwhile.

Reading an upload happens before any database transaction starts; only the short write of the finished item holds
SQLite's write lock. The concurrency test is a real one: alice uploads from one thread while bob logs in and edits the
initiative from another, both with their own connection to the same SQLite file in WAL mode with the busy timeout of
the real server. Before the fix bob waited 20 s for the lock and got "database is locked".
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import AuditEvent, User
from denkraam.evidence.models import EvidenceItem
from denkraam.initiatives.models import Initiative
from tests.analysis.text.hostile_files import docx_bomb, pdf_heavy_pages
from tests.factories import TEST_PASSWORD
from tests.sqlite_threads import threads_share_a_database_file

ClientFor = Callable[[User], Client]
READ_SECONDS = 3  # the deadline for reading one upload here (setting EXTRACT_SECONDS)
BOUND = 10.0  # "does not hang": every request here took 20 s or more before


def add_url(initiative: Initiative) -> str:
    return reverse("evidence:add", kwargs={"initiative_id": initiative.pk})


def initiative_post(initiative: Initiative, *, description: str) -> dict[str, object]:
    """The initiative form as bob sends it, with a new description."""
    return {
        "name": initiative.name,
        "description": description,
        "owner": str(initiative.owner_id),
        "target_groups": ["burgers"],
        "channels_digital": ["website"],
        "channels_non_digital": ["brief"],
        "life_event": "Werkloos worden",
        "status": "in-gebruik",
    }


def stored_files(settings: Settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.django_db
def test_a_docx_that_unpacks_to_199_megabytes_is_refused_in_dutch_and_leaves_nothing_behind(
    client_for: ClientFor, alice: User, initiative: Initiative, settings: Settings
) -> None:
    upload = SimpleUploadedFile("brief.docx", docx_bomb())
    started = time.perf_counter()
    response = client_for(alice).post(
        add_url(initiative),
        {"way": "bestand", "bestand-title": "Brief maart", "bestand-upload": upload, "bestand-keep_original": "on"},
    )
    assert time.perf_counter() - started < BOUND
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit Word-bestand is uitgepakt te groot: meer dan 25 MB tekst en opmaak." in page
    assert 'value="Brief maart"' in page  # what alice typed is still there
    assert not EvidenceItem.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="evidence.").exists()
    assert stored_files(settings) == []


@pytest.fixture
def warmed_up_like_the_server() -> Iterator[None]:
    """What this test process loaded so far (deduce's 4.5 million objects, when other tests scrubbed) frozen out of
    the garbage collector, as `denkraam serve` does after its warm-up (denkraam.warmup): otherwise a full collection
    set off by reading the PDF stops every thread for seconds, which the server never does."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("warmed_up_like_the_server")
def test_bob_logs_in_and_saves_while_alices_slow_pdf_is_being_read(
    alice: User, bob: User, initiative: Initiative, settings: Settings, tmp_path: Path
) -> None:
    settings.EXTRACT_SECONDS = READ_SECONDS
    alice_client = Client()
    alice_client.force_login(alice)
    pdf = pdf_heavy_pages()  # 40 pages of 25,000 operators each: about 25 s of pypdf, so the deadline stops it
    upload: dict[str, object] = {}
    saves: list[tuple[float, float, int]] = []
    errors: list[BaseException] = []
    alice_started = threading.Event()

    def alice_uploads() -> None:
        try:
            alice_started.set()
            upload["started"] = time.perf_counter()
            file = SimpleUploadedFile("jaarverslag.pdf", pdf)
            upload["response"] = alice_client.post(
                add_url(initiative), {"way": "bestand", "bestand-upload": file, "bestand-keep_original": "on"}
            )
        except BaseException as exc:  # reported below: an exception in a thread would otherwise vanish
            errors.append(exc)
        finally:
            upload["finished"] = time.perf_counter()
            connections.close_all()

    def bob_works(uploading: threading.Thread) -> None:
        try:
            assert alice_started.wait(timeout=30)
            client = Client()
            began = time.perf_counter()
            login = client.post(reverse("accounts:login"), {"username": "bob", "password": TEST_PASSWORD})
            saves.append((began, time.perf_counter(), login.status_code))
            edit = reverse("initiatives:edit", kwargs={"initiative_id": initiative.pk})
            for number in range(1, 51):  # until alice's upload is answered; bounded in case it never is
                began = time.perf_counter()
                saved = client.post(edit, initiative_post(initiative, description=f"Versie {number} van bob."))
                saves.append((began, time.perf_counter(), saved.status_code))
                if not uploading.is_alive():
                    break
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    uploading = threading.Thread(target=alice_uploads)
    working = threading.Thread(target=bob_works, args=(uploading,))
    with threads_share_a_database_file(tmp_path):
        uploading.start()
        working.start()
        uploading.join(timeout=120)
        working.join(timeout=120)
    assert not errors, errors
    assert not uploading.is_alive() and not working.is_alive()

    # Bob could log in and save, each within a moment, while alice's PDF was being read.
    assert [status for _, _, status in saves] == [302] * len(saves)
    assert max(end - began for began, end, _ in saves) < BOUND, [round(end - began, 2) for began, end, _ in saves]
    reading = (upload["started"] + 0.5, upload["finished"])  # type: ignore[operator]
    assert any(reading[0] <= began and end <= reading[1] for began, end, _ in saves[1:]), (saves, reading)

    # Alice was told in Dutch why, within the deadline (plus the page being read when it passed).
    response = upload["response"]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Het lezen van dit bestand duurt te lang: denkraam is na 3 seconden gestopt." in (
        response.content.decode()  # type: ignore[attr-defined]
    )
    assert upload["finished"] - upload["started"] < READ_SECONDS + BOUND  # type: ignore[operator]

    # Nothing of alice's upload was stored; bob's last version was.
    assert not EvidenceItem.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="evidence.").exists()
    assert stored_files(settings) == []
    initiative.refresh_from_db()
    assert initiative.description == f"Versie {len(saves) - 1} van bob."
