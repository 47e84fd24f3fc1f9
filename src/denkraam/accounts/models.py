# mypy: disable-error-code="import-untyped"
# (django-otp, whose TOTPDevice refers to User, has no type information; django-stubs reports it here)
from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who uses denkraam. Organisations and roles come through memberships."""

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"


class Organisation(models.Model):
    """A service provider (UWV, KVK, a municipality …) whose people work together in denkraam."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField("naam", max_length=200)
    slug = models.SlugField("korte naam", max_length=100, unique=True)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in one organisation. Roles are ordered: lezer < lid < begeleider < beheerder."""

    class Role(models.TextChoices):
        LEZER = "lezer", "Lezer"
        LID = "lid", "Lid"
        BEGELEIDER = "begeleider", "Begeleider"
        BEHEERDER = "beheerder", "Beheerder"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="gebruiker"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name="organisatie"
    )
    role = models.CharField("rol", max_length=20, choices=Role.choices, default=Role.LID)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__username"]
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


# The order of roles, lowest first; compare roles through role_rank, never by string.
ROLE_ORDER: tuple[str, ...] = tuple(Membership.Role.values)


def role_rank(role: str | None) -> int:
    """Return the rank of a role (-1 for no role), so that `role_rank(a) >= role_rank("lid")` reads naturally."""
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else -1


class AuditEvent(models.Model):
    """Something that happened to an object, who did it and when; never edited afterwards."""

    id = models.BigAutoField(primary_key=True)
    created_at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="organisatie"
    )
    action = models.CharField("actie", max_length=100)
    object_type = models.CharField("soort object", max_length=100)
    object_id = models.CharField("object-id", max_length=100)
    summary = models.TextField("samenvatting")
    data = models.JSONField("gegevens", default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "logboekregel"
        verbose_name_plural = "logboek"
        indexes = [models.Index(fields=["object_type", "object_id"], name="auditevent_object_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}: {self.summary}"


# Sign-on identities live with the sign-on code (accounts/oidc/) but belong to this app and its migrations.
from denkraam.accounts.oidc.models import OidcIdentity as OidcIdentity  # noqa: E402
