from __future__ import annotations

from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    name = "denkraam.invitations"
    label = "invitations"
    verbose_name = "Uitnodigingen"
