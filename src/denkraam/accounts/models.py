from __future__ import annotations

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who uses denkraam. Organisations and roles come through memberships."""

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
