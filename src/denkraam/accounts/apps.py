from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "denkraam.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from denkraam.accounts.audit import audit_signals_connect
        from denkraam.accounts.idle import idle_session_start

        audit_signals_connect()
        user_logged_in.connect(idle_session_start, dispatch_uid="denkraam-idle-start")
