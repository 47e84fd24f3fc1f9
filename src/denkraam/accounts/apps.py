from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "denkraam.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"
