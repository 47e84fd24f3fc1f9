"""The private temp folder for raw feedback uploads, the limits, and an upload handler that writes straight into it.

Raw uploads may hold personal data, so they never go to MEDIA_ROOT (which could be served) nor to the system temp
folder: the handler below streams the request body into `DATA_DIR/tmp-feedback/` with owner-only permissions and
stops at the size limit. Beside it lie the file's first rows for the preview (`head_path`), so a page view never
reads the upload again. Both are deleted when the import finishes, fails or is cancelled.

An upload is written under `<name>.part` and gets its final name only once it is complete, so a web process killed
half-way leaves only a `.part` file. The clean-up (`temp_purge`, run by the worker every
CLEANUP_INTERVAL_SECONDS and by `denkraam cleanup`) removes what nobody uses any more: files of no import that have
not been touched for FEEDBACK_TMP_GRACE_SECONDS (a killed upload, a deleted initiative), and files of an abandoned
preview after 24 hours. The file of a queued or running import stays: a worker that died leaves it for the next.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers, StopUpload
from django.http import HttpRequest

from denkraam.conf.env import env_int

STALE_AFTER_SECONDS = 24 * 60 * 60
UPLOAD_FIELD = "bestand"


def max_upload_bytes() -> int:
    """Largest feedback file accepted (settings FEEDBACK_MAX_UPLOAD_BYTES or env DENKRAAM_FEEDBACK_MAX_UPLOAD_BYTES)."""
    return int(getattr(settings, "FEEDBACK_MAX_UPLOAD_BYTES", env_int("DENKRAAM_FEEDBACK_MAX_UPLOAD_BYTES", 25 << 20)))


def max_rows() -> int:
    """Most comments one web import may hold (settings FEEDBACK_MAX_ROWS or env DENKRAAM_FEEDBACK_MAX_ROWS)."""
    return int(getattr(settings, "FEEDBACK_MAX_ROWS", env_int("DENKRAAM_FEEDBACK_MAX_ROWS", 200_000)))


def temp_dir() -> Path:
    """The private folder for raw uploads, created with owner-only permissions."""
    folder = Path(getattr(settings, "FEEDBACK_TMP_DIR", Path(settings.DATA_DIR) / "tmp-feedback"))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def temp_path(name: str) -> Path:
    """Where the raw upload called `name` lives; refuses anything that is not one of our random names."""
    if not name or not name.isalnum():
        raise ValueError("not a feedback temp name")
    return temp_dir() / name


def head_path(name: str) -> Path:
    """Where the first rows of the raw upload called `name` are kept for the preview (as raw as the upload)."""
    return temp_path(name).with_suffix(".voorbeeld")


def temp_delete(name: str) -> None:
    """Delete one raw upload and its preview rows (no error when they are already gone)."""
    if name:
        temp_path(name).unlink(missing_ok=True)
        head_path(name).unlink(missing_ok=True)


def partial_path(name: str) -> Path:
    """Where the raw upload called `name` is written until it is complete."""
    return temp_path(name).with_suffix(".part")


def temp_purge(*, now: float | None = None) -> int:
    """Delete the raw uploads nobody uses any more (see the module's docstring); returns how many files went."""
    from denkraam.feedback.models import FeedbackImport  # noqa: PLC0415 - the handler above needs no models

    now = time.time() if now is None else now
    names = dict(
        FeedbackImport.objects.filter(status__in=FeedbackImport.ACTIVE_STATUSES)
        .exclude(temp_name="")
        .values_list("temp_name", "status")
    )
    unused_before = now - int(settings.FEEDBACK_TMP_GRACE_SECONDS)
    removed = 0
    for path in temp_dir().iterdir():
        status = names.get(path.name.split(".", 1)[0])
        if status in (FeedbackImport.Status.QUEUED, FeedbackImport.Status.RUNNING):
            continue
        limit = now - STALE_AFTER_SECONDS if status == FeedbackImport.Status.PREPARED else unused_before
        try:
            if path.is_file() and path.stat().st_mtime <= limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another process removed it first
            continue
    return removed


class PrivateUploadedFile(UploadedFile):
    """An upload already on disk in the private temp folder; `temp_name` identifies it."""

    def __init__(self, *, temp_name: str, name: str, content_type: str, size: int) -> None:
        super().__init__(
            file=temp_path(temp_name).open("rb"), name=name, content_type=content_type, size=size, charset=None
        )
        self.temp_name = temp_name


class PrivateUploadHandler(FileUploadHandler):
    """Stream the one file of field `bestand` into the private temp folder, stopping at the size limit."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.max_bytes = max_upload_bytes()
        self.temp_name = ""
        self.handle: Any = None
        self.size = 0
        self.too_big = False
        self.adopted = False  # set by the view once an import owns the file

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        if field_name == UPLOAD_FIELD and not self.temp_name and not self.too_big:
            self.temp_name = secrets.token_hex(16)
            fd = os.open(partial_path(self.temp_name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            self.handle = os.fdopen(fd, "wb")
        # Other or extra file fields are swallowed: no other handler gets to put them in the system temp folder.
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if self.handle is None:
            return None
        self.size += len(raw_data)
        if self.size > self.max_bytes:
            self.too_big = True
            self.discard()
            raise StopUpload(connection_reset=False)
        self.handle.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> PrivateUploadedFile | None:
        if self.handle is None:
            return None
        self.handle.close()
        self.handle = None
        os.replace(partial_path(self.temp_name), temp_path(self.temp_name))  # complete: now it may be registered
        return PrivateUploadedFile(
            temp_name=self.temp_name, name=self.file_name or "", content_type=self.content_type or "", size=file_size
        )

    def upload_interrupted(self) -> None:
        self.discard()

    def discard(self) -> None:
        """Close and delete the partial file (upload too big or interrupted)."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.temp_name:
            partial_path(self.temp_name).unlink(missing_ok=True)
            temp_delete(self.temp_name)
            self.temp_name = ""
