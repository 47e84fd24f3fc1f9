"""Which sign-on identity belongs to which user. Re-exported from accounts.models, so it is part of the accounts
app (its migrations live there)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class OidcIdentity(models.Model):
    """A person as one identity provider knows them: the issuer and subject (`iss`, `sub`) of their ID tokens.

    Users are found by this pair, never by e-mail address: a provider may assert any address, also one of a
    person it does not speak for. The provider id is kept for logging out and for display; the issuer is what the
    ID token proves.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identities", verbose_name="gebruiker"
    )
    provider_id = models.CharField("inlogdienst", max_length=50)
    issuer = models.CharField("uitgever (iss)", max_length=500)
    subject = models.CharField("kenmerk (sub)", max_length=255)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    last_login_at = models.DateTimeField("laatst ingelogd op", null=True, blank=True)

    class Meta:
        app_label = "accounts"
        ordering = ["provider_id", "subject"]
        verbose_name = "inlogidentiteit"
        verbose_name_plural = "inlogidentiteiten"
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="oidcidentity_unique_iss_sub")]

    def __str__(self) -> str:
        return f"{self.provider_id}: {self.subject}"


# Imported here, with the model, so that Django registers the sign-on system check at start-up.
from denkraam.accounts.oidc import checks as checks  # noqa: E402
