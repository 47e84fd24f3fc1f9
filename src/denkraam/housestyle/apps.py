from __future__ import annotations

from django.apps import AppConfig


class HouseStyleConfig(AppConfig):
    name = "denkraam.housestyle"
    label = "housestyle"
    verbose_name = "Huisstijl"
