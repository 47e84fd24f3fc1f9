"""Evidence: the real letter, page or text of an initiative, and the results of analysing it.

An EvidenceItem keeps the original and the extracted text; every analysis run is its own Analysis row with the
versions of the analysers and the frame, so an old result stays explainable after the analyser improves.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models

from denkraam.initiatives.models import Initiative
from denkraam.web.jobs import LeasedJob


def original_upload_to(instance: EvidenceItem, filename: str) -> str:
    """MEDIA_ROOT/evidence/<uuid>/origineel<ext>: the user's file name never becomes a path on our disk."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in {".txt", ".md", ".html", ".htm", ".docx", ".odt", ".pdf"}:
        suffix = ".bin"
    return f"evidence/{instance.pk}/origineel{suffix}"


class EvidenceItem(models.Model):
    """One artifact of an initiative: pasted text, an uploaded file or a public web page."""

    class Kind(models.TextChoices):
        TEKST = "tekst", "Geplakte tekst"
        BESTAND = "bestand", "Bestand"
        WEBPAGINA = "webpagina", "Webpagina"

    class PersonalData(models.TextChoices):
        """What happened to personal data in the text and file name before they were stored."""

        VERWIJDERD = "verwijderd", "Persoonsgegevens verwijderd"
        # Chosen by the person who added it (added_by, created_at), logged as evidence.original_kept.
        BEWAARD = "bewaard", "Origineel bewaard"
        # A public web page is stored as it was published.
        OPENBAAR = "openbaar", "Openbare webpagina"
        # Added before denkraam scrubbed evidence: may hold personal data, nobody chose so.
        ONBEKEND = "onbekend", "Niet gecontroleerd op persoonsgegevens"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="evidence_items", verbose_name="initiatief"
    )
    title = models.CharField("titel", max_length=200)
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    # What the content turned out to be, detected from the bytes: txt, md, html, docx, odt, pdf.
    document_type = models.CharField("bestandstype", max_length=10, blank=True)
    source_url = models.URLField("webadres", max_length=2000, blank=True)
    original = models.FileField("origineel", upload_to=original_upload_to, blank=True, max_length=300)
    original_name = models.CharField("oorspronkelijke bestandsnaam", max_length=255, blank=True)
    text = models.TextField("tekst", blank=True)
    personal_data = models.CharField(
        "persoonsgegevens", max_length=12, choices=PersonalData.choices, default=PersonalData.VERWIJDERD
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="toegevoegd door",
    )
    created_at = models.DateTimeField("toegevoegd op", auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "bewijsstuk"
        verbose_name_plural = "bewijsstukken"

    def __str__(self) -> str:
        return self.title

    @property
    def is_html(self) -> bool:
        return self.document_type == "html"


class Analysis(LeasedJob):
    """One run of the analysers over one evidence item; the newest finished one is shown.

    A background job (`denkraam.web.jobs`): a worker that dies half-way leaves it to another worker, which runs it
    again from the start and overwrites whatever the first attempt wrote.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", "In de wachtrij"
        BEZIG = "bezig", "Bezig"
        KLAAR = "klaar", "Klaar"
        MISLUKT = "mislukt", "Mislukt"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(EvidenceItem, on_delete=models.CASCADE, related_name="analyses", verbose_name="bewijs")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.WACHTRIJ)
    error = models.TextField("waarom mislukt", blank=True)
    analyser_version = models.CharField("versie analyse", max_length=100, blank=True)
    frame_version = models.CharField("versie denkraam", max_length=100, blank=True)
    language = models.CharField("taal", max_length=10, blank=True)
    words = models.PositiveIntegerField("woorden", default=0)
    readability_score = models.FloatField("leesbaarheid", null=True, blank=True)
    readability_level = models.PositiveSmallIntegerField("niveau", null=True, blank=True)
    needs = models.JSONField("scores per behoefte", default=dict, blank=True)
    # Finding.to_dict() plus "origin": "tekst" or "pagina" (before: in "source"); text offsets point into item.text.
    findings = models.JSONField("bevindingen", default=list, blank=True)
    page = models.JSONField("paginacontrole", default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangevraagd door",
    )
    created_at = models.DateTimeField("aangevraagd op", auto_now_add=True)
    started_at = models.DateTimeField("gestart op", null=True, blank=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "analyse"
        verbose_name_plural = "analyses"

    def __str__(self) -> str:
        return f"{self.item} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.KLAAR, self.Status.MISLUKT}


class Citation(models.Model):
    """A participant points to an evidence item in their answer to a question."""

    answer = models.ForeignKey(
        "assessments.Answer", on_delete=models.CASCADE, related_name="evidence_citations", verbose_name="antwoord"
    )
    item = models.ForeignKey(EvidenceItem, on_delete=models.CASCADE, related_name="citations", verbose_name="bewijs")
    created_at = models.DateTimeField("aangehaald op", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "verwijzing naar bewijs"
        verbose_name_plural = "verwijzingen naar bewijs"
        constraints = [models.UniqueConstraint(fields=["answer", "item"], name="citation_unique_item")]

    def __str__(self) -> str:
        return f"{self.answer} → {self.item}"
