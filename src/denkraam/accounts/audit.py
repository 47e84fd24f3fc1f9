"""The audit log of logging in and out: successes, failures (the user name as typed, never a password), logouts,
lock-outs and switching two-factor authentication on or off, each with the client's address.

Why signals here, where the style guide keeps logic out of signals: Django sends user_logged_in,
user_login_failed and user_logged_out from every way in (the app's login, the admin's login, the two-factor step,
sign-on, an invitation that logs the new account in, logout and the idle timeout), and axes sends user_locked_out
from its own counting. Receiving them is the one place none of those can forget. The receivers only call
`login_event_record`, a service.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest

from denkraam.accounts.models import AuditEvent, User
from denkraam.accounts.ratelimit import client_ip

USERNAME_MAX = 150

SUMMARIES = {
    "login.succeeded": "{name} is ingelogd.",
    "login.failed": "Mislukte inlogpoging met gebruikersnaam '{name}'.",
    "login.locked_out": "Inloggen geblokkeerd voor gebruikersnaam '{name}' na te veel mislukte pogingen.",
    "logout": "{name} is uitgelogd.",
    "otp.enabled": "{name} heeft tweestapsverificatie aangezet.",
    "otp.disabled": "{name} heeft tweestapsverificatie uitgezet.",
}


def login_event_record(
    *,
    request: HttpRequest | None,
    action: str,
    user: User | None = None,
    username: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one line about logging in or out. `username` is what was typed (failures; cut to 150 characters);
    `user` the account when known. The address comes from client_ip (REMOTE_ADDR, set by a trusted proxy only)."""
    typed = (username or (user.get_username() if user else ""))[:USERNAME_MAX]
    if user is None and typed:
        user = User.objects.filter(username=typed).first()
    return AuditEvent.objects.create(
        actor=user if action in {"login.succeeded", "logout", "otp.enabled", "otp.disabled"} else None,
        action=action,
        object_type="accounts.user",
        object_id=str(user.pk) if user else "",
        summary=SUMMARIES[action].format(name=typed or "?"),
        data={
            "username": typed,
            "ip": client_ip(request) if request is not None else "",
            "path": request.path if request is not None else "",
            **(data or {}),
        },
    )


def _logged_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    login_event_record(request=request, action="login.succeeded", user=user)


def _login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    data: dict[str, Any] = {"step": credentials.get("step", "password")}
    if request is not None and getattr(request, "axes_locked_out", False):
        data["locked_out"] = True
    login_event_record(
        request=request, action="login.failed", username=str(credentials.get("username") or ""), data=data
    )


def _logged_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:  # None: the session had no user any more
        login_event_record(
            request=request, action="logout", user=user, data={"reason": getattr(request, "logout_reason", "")}
        )


def _locked_out(sender: Any, request: HttpRequest, username: str, ip_address: str, **kwargs: Any) -> None:
    # Axes also sends this for every try while the lock lasts; the line is written when the lock begins (axes has
    # just counted the failure that used up the limit).
    if getattr(request, "axes_failures_since_start", None) is not None:
        login_event_record(request=request, action="login.locked_out", username=username)


def audit_signals_connect() -> None:
    """Connect the receivers (from AccountsConfig.ready)."""
    from axes.signals import user_locked_out  # type: ignore[import-untyped]

    user_logged_in.connect(_logged_in, dispatch_uid="denkraam-audit-login")
    user_login_failed.connect(_login_failed, dispatch_uid="denkraam-audit-login-failed")
    user_logged_out.connect(_logged_out, dispatch_uid="denkraam-audit-logout")
    user_locked_out.connect(_locked_out, dispatch_uid="denkraam-audit-locked-out")
