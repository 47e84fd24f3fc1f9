from __future__ import annotations

from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "denkraam.initiatives"
    label = "initiatives"
    verbose_name = "Initiatieven"
