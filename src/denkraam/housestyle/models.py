"""The versions of an organisation's house-style list. A version is never changed: every save adds one."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from denkraam.accounts.models import Organisation


class HouseStyleVersion(models.Model):
    """One version of an organisation's word list, in the file format of `analysis.text.house_style` (TSV).

    The newest version is the current list. Restoring an old version adds a new version with its content, so the
    history shows what was used when, and who changed it.
    """

    id = models.BigAutoField(primary_key=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="house_style_versions", verbose_name="organisatie"
    )
    number = models.PositiveIntegerField("versie")
    content = models.TextField("inhoud")
    entry_count = models.PositiveIntegerField("aantal termen", default=0)
    note = models.CharField("toelichting", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bewaard door",
    )
    created_at = models.DateTimeField("bewaard op", auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-number"]
        verbose_name = "versie van de huisstijl"
        verbose_name_plural = "versies van de huisstijl"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="housestyle_version_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} versie {self.number}"

    @property
    def label(self) -> str:
        """How the text check's findings name this list: "Huisstijl UWV, versie 3"."""
        return f"Huisstijl {self.organisation.name}, versie {self.number}"
