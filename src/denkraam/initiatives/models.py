from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from denkraam.accounts.models import Organisation

TARGET_GROUPS: list[tuple[str, str]] = [("burgers", "Burgers"), ("ondernemers", "Ondernemers")]

# Channels as the Interactiestrategie names them; the groups drive the grouped checkboxes on the form.
DIGITAL_CHANNELS: list[tuple[str, str]] = [
    ("website", "Website"),
    ("app", "App"),
    ("email", "E-mail"),
    ("chat", "Chat"),
    ("portaal", "Portaal (MijnOmgeving)"),
    ("formulier", "Formulier"),
]
NON_DIGITAL_CHANNELS: list[tuple[str, str]] = [
    ("brief", "Brief"),
    ("telefoon", "Telefoon"),
    ("balie", "Balie"),
    ("huisbezoek", "Huisbezoek"),
]
CHANNELS: list[tuple[str, str]] = DIGITAL_CHANNELS + NON_DIGITAL_CHANNELS
CHANNEL_LABELS: dict[str, str] = dict(CHANNELS)
TARGET_GROUP_LABELS: dict[str, str] = dict(TARGET_GROUPS)


def channel_labels_for(channels: list[str]) -> list[str]:
    """The channels in Dutch, in the fixed order of the channel list."""
    return [label for key, label in CHANNELS if key in channels]


def target_group_labels_for(target_groups: list[str], other: str) -> list[str]:
    """The target groups in Dutch, the free-text group last."""
    labels = [label for key, label in TARGET_GROUPS if key in target_groups]
    if other:
        labels.append(other)
    return labels


class Initiative(models.Model):
    """An interaction between government and citizens or entrepreneurs: a letter, a web page, a phone line …"""

    class Status(models.TextChoices):
        IDEE = "idee", "Idee"
        IN_ONTWIKKELING = "in-ontwikkeling", "In ontwikkeling"
        IN_GEBRUIK = "in-gebruik", "In gebruik"
        GESTOPT = "gestopt", "Gestopt"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField("naam", max_length=200)
    description = models.TextField("beschrijving", blank=True)
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="owned_initiatives", verbose_name="eigenaar"
    )
    partners = models.ManyToManyField(
        Organisation, related_name="partner_initiatives", blank=True, verbose_name="partnerorganisaties"
    )
    target_groups = models.JSONField("doelgroepen", default=list, blank=True)
    target_group_other = models.CharField("andere doelgroep", max_length=200, blank=True)
    channels = models.JSONField("kanalen", default=list, blank=True)
    life_event = models.CharField("levensgebeurtenis", max_length=200, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.IDEE)
    is_published = models.BooleanField("gepubliceerd", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangemaakt door",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "initiatief"
        verbose_name_plural = "initiatieven"
        indexes = [models.Index(fields=["is_published"], name="initiative_published_idx")]

    def __str__(self) -> str:
        return self.name

    def channel_labels(self) -> list[str]:
        """The channels in Dutch, in the fixed order of the channel list."""
        return channel_labels_for(self.channels)

    def target_group_labels(self) -> list[str]:
        """The target groups in Dutch, the free-text group last."""
        return target_group_labels_for(self.target_groups, self.target_group_other)
