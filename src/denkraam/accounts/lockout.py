"""Locking out password guessers, with django-axes (settings AXES_*, docs/configuration.md).

Axes counts every failed login that passes Django's authenticate() (the app's login, the admin's login, any later
form that checks a password through authenticate) and every wrong two-factor code (accounts/otp_views.py sends
user_login_failed for it). The counts live in the database (axes' AccessAttempt), so a restart does not forget
them, on SQLite and PostgreSQL alike.

Two limits, as before axes: LOGIN_FAILURE_LIMIT failures for one user name from one address (guessing one person's
password) and LOGIN_FAILURE_LIMIT_PER_ADDRESS from one address for all user names together (one common password
on many user names). Axes compares a single count to a single limit, so LoginFailureHandler reports the per-address
count on the scale of the per-account limit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.handlers.database import AxesDatabaseHandler  # type: ignore[import-untyped]
from axes.models import AccessAttempt  # type: ignore[import-untyped]
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

BLOCKED_MESSAGE = (
    "U heeft te vaak een verkeerd wachtwoord of een verkeerde code ingevuld. Wacht {minutes} minuten en probeer "
    "het dan opnieuw. Bent u uw wachtwoord vergeten? Vraag dan een nieuw wachtwoord aan."
)


def blocked_message() -> str:
    """The Dutch explanation of a lock-out, with the configured waiting time."""
    return BLOCKED_MESSAGE.format(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def login_failure_limit(request: HttpRequest | None = None, credentials: dict[str, Any] | None = None) -> int:
    """AXES_FAILURE_LIMIT: read at every attempt, so a test's override_settings applies."""
    return int(settings.LOGIN_FAILURE_LIMIT)


def login_lockout_time(request: HttpRequest | None = None) -> timedelta:
    """AXES_COOLOFF_TIME: a lock ends this long after the last failure that counted."""
    return timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def login_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """AXES_USERNAME_CALLABLE: the user name as counted; trimmed, lower case and at most 150 characters, so
    'Alice ' and 'ALICE' count for the same account and a long name cannot fill the table."""
    username = (credentials or {}).get("username")
    if username is None:
        username = request.POST.get("username", "")
    return str(username).strip().lower()[:150]


def _failures(attempts: Any) -> int:
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


class LoginFailureHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits and a reset that leaves the address's count alone."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        for_account, for_address = (_failures(attempts) for attempts in self.get_user_attempts(request, credentials))
        if for_address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(for_account, login_failure_limit())
        return for_account

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """After a successful login, forget this user name's failures from this address. The other user names'
        failures from the address stay: otherwise one account of one's own would reset the limit on trying
        other people's."""
        username = login_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()  # type: ignore[attr-defined]
        return count


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the login views answer a lock-out themselves (429, the form with the typed user name
    kept); any other way in that meets a lock gets the same Dutch message in the site's layout."""
    if original_response is not None and original_response.status_code == 429:
        return original_response
    return render(request, "accounts/locked_out.html", {"blocked_message": blocked_message()}, status=429)
