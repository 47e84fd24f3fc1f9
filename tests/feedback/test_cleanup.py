"""The clean-up of the private upload folder: what nobody uses any more goes, what an import still needs stays."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_django.fixtures import Settings

from denkraam.accounts.models import User
from denkraam.cli import main
from denkraam.feedback.models import FeedbackImport
from denkraam.feedback.uploads import temp_purge
from denkraam.initiatives.models import Initiative

pytestmark = pytest.mark.django_db

HOUR = 3600


def raw_file(folder: Path, name: str, *, age: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"reactie\nMijn BSN is 111222333\n")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


@pytest.fixture(autouse=True)
def _grace(settings: Settings) -> None:
    settings.FEEDBACK_TMP_GRACE_SECONDS = 900


def test_an_unfinished_upload_goes_once_nothing_was_written_to_it_for_the_grace_period(feedback_tmp: Path) -> None:
    killed = raw_file(feedback_tmp, "0123456789abcdef0123456789abcdef.part", age=901)
    coming_in = raw_file(feedback_tmp, "fedcba9876543210fedcba9876543210.part", age=5)
    assert temp_purge() == 1
    assert not killed.exists() and coming_in.exists()


def test_a_file_no_import_knows_goes_after_the_grace_period(feedback_tmp: Path) -> None:
    orphan = raw_file(feedback_tmp, "0123456789abcdef0123456789abcdef", age=901)
    assert temp_purge() == 1
    assert not orphan.exists()


def test_the_file_of_a_queued_or_running_import_stays_however_old(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    for status in ("wachtrij", "bezig"):
        item = upload(alice, initiative)
        FeedbackImport.objects.filter(pk=item.pk).update(status=status)
        two_days_ago = time.time() - 48 * HOUR
        for path in feedback_tmp.glob(f"{item.temp_name}*"):
            os.utime(path, (two_days_ago, two_days_ago))
    kept = sorted(feedback_tmp.iterdir())
    assert temp_purge() == 0
    assert sorted(feedback_tmp.iterdir()) == kept


def test_an_abandoned_column_choice_keeps_its_file_for_a_day(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    item = upload(alice, initiative)
    files = list(feedback_tmp.glob(f"{item.temp_name}*"))
    assert files and all(path.name.split(".")[0] == item.temp_name for path in files)
    for age, expect_kept in ((23 * HOUR, True), (25 * HOUR, False)):
        for path in files:
            os.utime(path, (time.time() - age, time.time() - age))
        temp_purge()
        assert all(path.exists() for path in files) is expect_kept


def test_an_upload_leaves_no_unfinished_file_behind(
    upload: Callable[..., FeedbackImport], alice: User, initiative: Initiative, feedback_tmp: Path
) -> None:
    item = upload(alice, initiative)
    assert (feedback_tmp / item.temp_name).is_file()
    assert not list(feedback_tmp.glob("*.part"))


def test_denkraam_cleanup_says_how_many_files_it_removed(feedback_tmp: Path) -> None:
    raw_file(feedback_tmp, "0123456789abcdef0123456789abcdef.part", age=2 * HOUR)
    result = CliRunner().invoke(main, ["cleanup"])
    assert result.exit_code == 0, result.output
    assert "1 achtergebleven uploadbestand(en) verwijderd." in result.output
    assert list(feedback_tmp.iterdir()) == []
