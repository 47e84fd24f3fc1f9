from __future__ import annotations

from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "denkraam.organisations"
    label = "organisations"
    verbose_name = "Organisatiebeheer"
