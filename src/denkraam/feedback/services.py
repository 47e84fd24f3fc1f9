"""Writes for customer feedback: prepare an upload, preview it scrubbed, run the import, cancel or delete it.

The raw file is only read from the private temp folder (`uploads.py`) and deleted when the import ends; the
database only ever receives scrubbed text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import OperationalError, transaction
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.accounts.services import audit_record
from denkraam.analysis.feedback import (
    FeedbackInputError,
    FeedbackRow,
    SummaryBuilder,
    analyse_comment,
    iter_analysed,
    scrub_file_name,
    scrub_text,
    scrub_texts,
)
from denkraam.feedback.cells import normalise_channel, parse_dutch_date
from denkraam.feedback.models import FeedbackComment, FeedbackImport
from denkraam.feedback.reading import count_rows, detect_format, head_rows, head_save, iter_rows, read_columns
from denkraam.feedback.uploads import head_path, max_rows, temp_delete, temp_path, temp_purge
from denkraam.initiatives.models import Initiative
from denkraam.web.jobs import Lease, job_claim, job_release

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
PREVIEW_ROWS = 10
Status = FeedbackImport.Status


class FeedbackImportCancelled(Exception):
    """The user cancelled the import while it ran."""


def _audit(*, actor: User | None, action: str, feedback_import: FeedbackImport, summary: str) -> None:
    initiative = feedback_import.initiative
    audit_record(
        actor=actor,
        action=action,
        obj=feedback_import,
        summary=summary,
        organisation=initiative.owner,
        data={"initiative_id": str(initiative.pk), "file_name": feedback_import.file_name},
    )


def feedback_upload_prepare(*, initiative: Initiative, user: User, temp_name: str, file_name: str) -> FeedbackImport:
    """Register an uploaded file (already in the private temp folder) and read its column names.

    Raises `FeedbackInputError` for an empty, broken or unsupported file; the raw file is then deleted at once.
    """
    temp_purge()
    # Only the scrubbed name is kept: "klachten mevrouw Jansen 0612345678.csv" happens.
    safe_name = scrub_file_name(Path(file_name or "bestand").name[:200])[:200] or "bestand"
    path = temp_path(temp_name)
    try:
        file_format = detect_format(path, file_name=safe_name)
        header = read_columns(path, file_format=file_format, file_name=safe_name)
        # The preview reads these first rows on every view, never the upload again (it may be slow to read).
        head_save(path, file_format=file_format, file_name=safe_name, into=head_path(temp_name))
    except Exception:
        temp_delete(temp_name)  # nothing registered, so nothing may stay behind
        raise
    # Headers are user text too ("Jan Jansen 123456782" as a column name happens), and they end up in the
    # column choice, in error messages and in the audit log, which can never be deleted.
    columns = [result.text for result in scrub_texts(header)]
    return FeedbackImport.objects.create(
        initiative=initiative,
        created_by=user,
        file_name=safe_name,
        file_format=file_format,
        temp_name=temp_name,
        columns=columns,
    )


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One scrubbed row for the preview table."""

    row: int
    text: str
    date: object
    channel: str
    need: str
    sentiment: str
    cut: bool  # the comment was longer than the import keeps


def feedback_import_preview(
    *, feedback_import: FeedbackImport, text_column: int, date_column: int | None, channel_column: int | None
) -> list[PreviewRow]:
    """The first rows with the chosen columns, scrubbed and classified as the import would store them.

    Read from the head saved at upload (`reading.head_save`), never from the upload itself. Raises
    `FeedbackInputError` when the raw file is gone (expired).
    """
    path = temp_path(feedback_import.temp_name) if feedback_import.temp_name else None
    if path is None or not path.is_file():
        raise FeedbackInputError("Het geüploade bestand is niet meer beschikbaar. Upload het opnieuw.")
    rows: list[PreviewRow] = []
    for source in head_rows(
        head_path(feedback_import.temp_name),
        text_column=text_column,
        date_column=date_column,
        channel_column=channel_column,
        limit=PREVIEW_ROWS,
    ):
        result = analyse_comment(source.text, row=source.row)
        rows.append(
            PreviewRow(
                row=source.row,
                text=result.text,
                date=parse_dutch_date(source.date),
                channel=normalise_channel(source.channel),
                need=result.need,
                sentiment=result.sentiment,
                cut=source.cut,
            )
        )
    return rows


def feedback_import_start(
    *,
    feedback_import: FeedbackImport,
    user: User,
    text_column: int,
    date_column: int | None = None,
    channel_column: int | None = None,
) -> FeedbackImport:
    """Save the column choice and queue the background analysis."""
    from denkraam.feedback.tasks import feedback_import_task  # noqa: PLC0415 - tasks import this module

    updated = FeedbackImport.objects.filter(pk=feedback_import.pk, status=Status.PREPARED).update(
        text_column=text_column, date_column=date_column, channel_column=channel_column, status=Status.QUEUED
    )
    feedback_import.refresh_from_db()
    if not updated:
        return feedback_import
    _audit(
        actor=user,
        action="feedback.import_started",
        feedback_import=feedback_import,
        summary=f"Klantfeedback uit {feedback_import.file_name} wordt geïmporteerd "
        f"(kolom {feedback_import.column_name(text_column)}).",
    )
    # Enqueue after commit so a database worker never picks up an import it cannot see yet.
    transaction.on_commit(lambda: feedback_import_task.enqueue(str(feedback_import.pk)))
    return feedback_import


def feedback_import_cancel(*, feedback_import: FeedbackImport, user: User) -> FeedbackImport:
    """Stop an import that has not finished: its raw file and any stored comments are deleted."""
    cancelled = FeedbackImport.objects.filter(pk=feedback_import.pk, status__in=FeedbackImport.ACTIVE_STATUSES).update(
        status=Status.CANCELLED, finished_at=timezone.now()
    )
    if cancelled:
        # A running worker notices the status at its next batch and removes its own rows too.
        FeedbackComment.objects.filter(feedback_import=feedback_import).delete()
        temp_delete(feedback_import.temp_name)
        FeedbackImport.objects.filter(pk=feedback_import.pk).update(temp_name="")
        feedback_import.refresh_from_db()
        _audit(
            actor=user,
            action="feedback.import_cancelled",
            feedback_import=feedback_import,
            summary=f"Import van klantfeedback uit {feedback_import.file_name} geannuleerd.",
        )
    feedback_import.refresh_from_db()
    return feedback_import


def feedback_import_delete(*, feedback_import: FeedbackImport, user: User) -> None:
    """Delete an import with all its comments (for example when the data may no longer be kept)."""
    temp_delete(feedback_import.temp_name)
    _audit(
        actor=user,
        action="feedback.import_deleted",
        feedback_import=feedback_import,
        summary=f"Klantfeedback uit {feedback_import.file_name} verwijderd ({feedback_import.comment_count} reacties).",
    )
    feedback_import.delete()


# --- the background run -----------------------------------------------------------------------------------------


def _still_running(lease: Lease, **fields: object) -> None:
    """Save progress while this run still holds the import; stop when the user cancelled it or another worker took
    it over (after this one's lease ran out)."""
    if not lease.update(**fields):
        raise FeedbackImportCancelled


def _discard(feedback_import: FeedbackImport, message: str) -> None:
    """The rows of a failed import go; the audit line keeps the (Dutch) reason."""
    FeedbackComment.objects.filter(feedback_import=feedback_import).delete()
    _audit(
        actor=None,
        action="feedback.import_failed",
        feedback_import=feedback_import,
        summary=f"Import van klantfeedback uit {feedback_import.file_name} mislukt: {message}",
    )


def _fail(*, lease: Lease, feedback_import: FeedbackImport, message: str) -> bool:
    """Nothing half-stored: remove the rows written so far and keep only the (Dutch) reason; False when this run no
    longer held the import."""
    # The reason is ours, but it may quote the file (a name, a header); it is stored and logged, so scrub it.
    message = scrub_text(message).text
    with transaction.atomic():
        if not lease.update(status=Status.FAILED, error=message, rows_done=0, comment_count=0,
                            finished_at=timezone.now(), lease_until=None):  # fmt: skip
            return False
        _discard(feedback_import, message)
    return True


def feedback_import_abandon(feedback_import_id: str) -> None:
    """After an import was given up (its workers kept dying): remove its rows and its raw file."""
    feedback_import = FeedbackImport.objects.select_related("initiative__owner").filter(pk=feedback_import_id).first()
    if feedback_import is None or feedback_import.status != Status.FAILED:
        return
    FeedbackImport.objects.filter(pk=feedback_import.pk).update(rows_done=0, comment_count=0, temp_name="")
    _discard(feedback_import, feedback_import.error)
    temp_delete(feedback_import.temp_name)


def feedback_import_run(
    *,
    feedback_import_id: str,
    task_id: str = "",
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[FeedbackImport, int], None] | None = None,
) -> FeedbackImport | None:
    """Scrub, classify and store every comment of a queued import, saving progress after every batch.

    On bad input or any error the import is marked failed with a Dutch message and its rows are deleted; a
    cancelled import stops at the next batch. The raw file is deleted once the import is over. `on_batch` is called
    after each stored batch with the rows done so far (progress reporting; tests use it to cancel or fail mid-way).

    The import is a leased job (`denkraam.web.jobs`). Each batch is stored in one short transaction together with
    the progress, and only while this run holds the import. When the worker dies, the next attempt deletes what
    was stored and starts again from the first row: the summary (themes with examples, scrubbed counts) is built
    from the whole stream, so resuming half-way would need it saved too, and starting again costs less than a
    minute for the largest file. One transaction for the whole import would hold SQLite's only write lock for that
    minute and make every other save in the app wait.
    """
    feedback_import = FeedbackImport.objects.select_related("initiative__owner").filter(pk=feedback_import_id).first()
    if feedback_import is None:
        return None
    lease = job_claim(model=FeedbackImport, pk=feedback_import.pk, task_id=task_id)
    if lease is None:
        # Cancelled before the worker got to it (or run twice): nothing to do.
        return feedback_import
    over = False  # True once the import has ended here: then its raw file goes
    try:
        # Rows of an interrupted attempt: this one stores every row again.
        FeedbackComment.objects.filter(feedback_import=feedback_import).delete()
        _run(feedback_import=feedback_import, lease=lease, batch_size=batch_size, on_batch=on_batch)
        over = True
    except FeedbackImportCancelled:
        pass  # cancelled (the cancel removed the rows and the file), or taken over by a worker that needs the file
    except FeedbackInputError as error:
        over = _fail(lease=lease, feedback_import=feedback_import, message=str(error))
    except OperationalError:
        # The database is busy or gone: the lease runs out and another attempt starts (the file is kept for it).
        logger.exception("feedback import %s interrupted", feedback_import.pk)
        raise
    except Exception:
        logger.exception("feedback import %s failed", feedback_import.pk)
        over = _fail(
            lease=lease,
            feedback_import=feedback_import,
            message="Er ging iets mis bij het analyseren. Er is niets bewaard; probeer het opnieuw.",
        )
    finally:
        job_release(lease)
        if over:
            temp_delete(feedback_import.temp_name)
            FeedbackImport.objects.filter(pk=feedback_import.pk).update(temp_name="")
    feedback_import.refresh_from_db()
    return feedback_import


def _run(
    *,
    feedback_import: FeedbackImport,
    lease: Lease,
    batch_size: int,
    on_batch: Callable[[FeedbackImport, int], None] | None,
) -> None:
    path = temp_path(feedback_import.temp_name) if feedback_import.temp_name else None
    if path is None or not path.is_file():
        raise FeedbackInputError(
            "Het geüploade bestand is niet meer beschikbaar (na 24 uur verwijderd). Upload het opnieuw."
        )
    name = feedback_import.file_name
    text_column = feedback_import.text_column if feedback_import.text_column is not None else 0
    limit = max_rows()
    total = count_rows(path, file_format=feedback_import.file_format, file_name=name, text_column=text_column,
                       limit=limit)  # fmt: skip
    if total > limit:
        raise FeedbackInputError(
            f"{name} heeft meer dan {limit:,} reacties; dat is meer dan de webimport aankan. ".replace(",", ".")
            + "Splits het bestand, of gebruik 'denkraam feedback' op de opdrachtregel."
        )
    column = feedback_import.column_name(text_column)
    if total == 0:
        raise FeedbackInputError(f'In kolom "{column}" van {name} staan geen reacties.')
    _still_running(lease, rows_total=total, rows_done=0)

    sources = iter_rows(
        path,
        file_format=feedback_import.file_format,
        file_name=name,
        text_column=text_column,
        date_column=feedback_import.date_column,
        channel_column=feedback_import.channel_column,
    )
    # Date and channel wait here while their row's text is analysed (at most one chunk of rows at a time).
    pending: dict[int, tuple[object, object]] = {}

    def texts() -> Iterator[FeedbackRow]:
        for source in sources:
            pending[source.row] = (source.date, source.channel)
            yield FeedbackRow(row=source.row, text=source.text)

    builder = SummaryBuilder()
    batch: list[FeedbackComment] = []
    done = dated = 0
    for result in iter_analysed(texts()):
        date_value, channel_value = pending.pop(result.row, (None, None))
        comment_date = parse_dutch_date(date_value)
        dated += comment_date is not None
        builder.add(result)
        batch.append(
            FeedbackComment(
                feedback_import=feedback_import,
                initiative_id=feedback_import.initiative_id,
                row=result.row,
                text=result.text,
                need=result.need,
                sentiment=result.sentiment,
                confidence=result.confidence,
                evidence_words=list(result.evidence_words),
                themes=list(result.themes),
                date=comment_date,
                channel=normalise_channel(channel_value),
            )
        )
        if len(batch) >= batch_size:
            done = _store(lease, feedback_import, batch, done, on_batch)
    done = _store(lease, feedback_import, batch, done, on_batch)

    summary = builder.build()
    _still_running(
        lease,
        status=Status.DONE,
        rows_total=done,
        rows_done=done,
        comment_count=done,
        dated_count=dated,
        scrubbed_counts=summary.scrubbed,
        summary=summary.to_dict(),
        analyser_versions=summary.versions,
        finished_at=timezone.now(),
        lease_until=None,
    )
    _audit(
        actor=None,
        action="feedback.import_done",
        feedback_import=feedback_import,
        summary=f"{done} reacties uit {name} geanalyseerd en bewaard (zonder persoonsgegevens).",
    )


def _store(
    lease: Lease,
    feedback_import: FeedbackImport,
    batch: list[FeedbackComment],
    done: int,
    on_batch: Callable[[FeedbackImport, int], None] | None,
) -> int:
    if not batch:
        return done
    # Progress first: it locks the import row, so a cancel or a takeover waits for this batch or comes before it.
    with transaction.atomic():
        _still_running(lease, rows_done=done + len(batch))
        FeedbackComment.objects.bulk_create(batch)
    done += len(batch)
    batch.clear()
    if on_batch is not None:
        on_batch(feedback_import, done)
    return done
