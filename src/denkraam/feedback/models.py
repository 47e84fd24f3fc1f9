"""Customer feedback imported into an initiative: one FeedbackImport per uploaded file, one FeedbackComment per answer.

Only scrubbed text is stored here: the raw upload stays in a private temp folder (see `uploads.py`) and is deleted
when the import ends.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from denkraam.initiatives.models import Initiative
from denkraam.web.jobs import LeasedJob


class FeedbackImport(LeasedJob):
    """One uploaded file with customer comments, from upload via preview to a finished (or failed) analysis.

    Queued and running it is a background job (`denkraam.web.jobs`): when its worker dies, another worker deletes
    the rows stored so far and imports the file again from the first row.
    """

    class Status(models.TextChoices):
        PREPARED = "voorbereid", "Kolommen kiezen"
        QUEUED = "wachtrij", "In de wachtrij"
        RUNNING = "bezig", "Bezig met analyseren"
        DONE = "klaar", "Klaar"
        FAILED = "mislukt", "Mislukt"
        CANCELLED = "geannuleerd", "Geannuleerd"

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (XLSX)"

    ACTIVE_STATUSES = (Status.PREPARED, Status.QUEUED, Status.RUNNING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="feedback_imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # The file name as the user uploaded it, scrubbed (a file name can hold a name or a number too).
    file_name = models.CharField(max_length=200)
    file_format = models.CharField(max_length=8, choices=Format.choices)
    # Random name of the raw upload inside the private temp folder; emptied when the file is deleted.
    temp_name = models.CharField(max_length=64, blank=True)
    columns = models.JSONField(default=list, blank=True)
    text_column = models.IntegerField(null=True, blank=True)
    date_column = models.IntegerField(null=True, blank=True)
    channel_column = models.IntegerField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PREPARED)
    rows_total = models.IntegerField(null=True, blank=True)
    rows_done = models.IntegerField(default=0)
    comment_count = models.IntegerField(default=0)
    dated_count = models.IntegerField(default=0)
    scrubbed_counts = models.JSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    analyser_versions = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "feedbackimport"
        verbose_name_plural = "feedbackimports"

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def is_working(self) -> bool:
        """Queued or running: the page polls for progress."""
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent_done(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    def column_name(self, index: int | None) -> str:
        """The header of a chosen column, or an empty string."""
        if index is None or not 0 <= index < len(self.columns):
            return ""
        return self.columns[index]


class FeedbackComment(models.Model):
    """One scrubbed, classified customer comment."""

    feedback_import = models.ForeignKey(FeedbackImport, on_delete=models.CASCADE, related_name="comments")
    # Denormalised from the import so the dashboard counts with one indexed filter.
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="feedback_comments")
    row = models.IntegerField()
    text = models.TextField()
    need = models.CharField(max_length=16)
    sentiment = models.CharField(max_length=16)
    confidence = models.FloatField()
    evidence_words = models.JSONField(default=list, blank=True)
    themes = models.JSONField(default=list, blank=True)
    date = models.DateField(null=True, blank=True)
    channel = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["feedback_import", "row"]
        indexes = [
            models.Index(fields=["initiative", "need", "sentiment"], name="feedback_need_idx"),
            models.Index(fields=["feedback_import", "need"], name="feedback_import_need_idx"),
            models.Index(fields=["initiative", "date"], name="feedback_date_idx"),
        ]
        # One comment per row of the file, whatever happens to the worker that stores them.
        constraints = [models.UniqueConstraint(fields=["feedback_import", "row"], name="feedback_comment_row_once")]

    def __str__(self) -> str:
        return f"{self.need}/{self.sentiment}: {self.text[:40]}"
