"""Invitations by e-mail: to take part in a session (gesprek) or to join an organisation, also without an account.

The link in the e-mail carries a random token; only its SHA-256 hash is stored, so a copy of the database (or of
the audit log, which never holds it) opens no invitation. A token works once, until it expires or is withdrawn.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from denkraam.accounts.models import Membership, Organisation
from denkraam.assessments.models import Assessment


class Invitation(models.Model):
    """An invitation sent to an e-mail address: for one session, or for a role in one organisation."""

    class Status(models.TextChoices):
        NOT_SENT = "niet_verstuurd", "Niet verstuurd"
        SENT = "verstuurd", "Verstuurd"
        ACCEPTED = "geaccepteerd", "Geaccepteerd"
        EXPIRED = "verlopen", "Verlopen"
        WITHDRAWN = "ingetrokken", "Ingetrokken"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Exactly one of the two: a session, or an organisation with a role (the check constraint below).
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name="gesprek",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name="organisatie",
    )
    role = models.CharField("rol", max_length=20, choices=Membership.Role.choices, blank=True)
    email = models.EmailField("e-mailadres", max_length=254)
    # For people from organisations that are not in denkraam ("Gemeente Utrecht"); shown with their name.
    organisation_name = models.CharField("organisatie (zoals opgegeven)", max_length=200, blank=True)
    token_hash = models.CharField("token (SHA-256)", max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uitgenodigd door",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    expires_at = models.DateTimeField("verloopt op")
    sent_count = models.PositiveIntegerField("keren verstuurd", default=0)
    last_sent_at = models.DateTimeField("laatst verstuurd op", null=True, blank=True)
    accepted_at = models.DateTimeField("geaccepteerd op", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geaccepteerd door",
    )
    withdrawn_at = models.DateTimeField("ingetrokken op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(assessment__isnull=False, organisation__isnull=True, role="")
                    | models.Q(assessment__isnull=True, organisation__isnull=False, role__in=Membership.Role.values)
                ),
                name="invitation_for_session_or_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_status_display()})"

    @property
    def status(self) -> str:
        """One word for where the invitation stands; accepted and withdrawn win over expired."""
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.withdrawn_at is not None:
            return self.Status.WITHDRAWN
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        if self.sent_count == 0:
            return self.Status.NOT_SENT
        return self.Status.SENT

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_pending(self) -> bool:
        """Still usable: not accepted, not withdrawn, not expired."""
        return self.status in {self.Status.SENT, self.Status.NOT_SENT}
