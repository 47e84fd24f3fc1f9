from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "denkraam.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"

    def ready(self) -> None:
        from denkraam.accounts.audit import audit_signals_connect

        audit_signals_connect()
