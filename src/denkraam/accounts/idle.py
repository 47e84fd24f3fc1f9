"""Sessions end after DENKRAAM_SESSION_IDLE_MINUTES without a request of the person, and in any case
DENKRAAM_SESSION_MAX_HOURS after logging in.

What counts as activity: every request except htmx GET requests. Those are the pages' own fetches (the progress of
a session polls every 5 seconds, an analysis every 2); if they counted, an open tab would keep a session alive for
ever on a shared computer. A click on a link, a page load and every form sent (htmx or not) counts.

After expiry the person is logged out and continues as a visitor: a page behind login sends them to the login page
with `next` kept, where the message "U was te lang niet actief" says why. An htmx request gets HX-Redirect to the
login page instead of a login form inside a fragment.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

LAST_SEEN_KEY = "denkraam_last_seen"
LOGIN_AT_KEY = "denkraam_login_at"
# The last-seen time is written at most this often, so not every request writes the session.
WRITE_EVERY_SECONDS = 60
IDLE_MESSAGE = "U was te lang niet actief en bent daarom uitgelogd. Log opnieuw in om verder te gaan."


def idle_session_start(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """At every login (user_logged_in): the clocks start, so the next requests need not write the session."""
    now = time.time()
    request.session[LAST_SEEN_KEY] = now
    request.session[LOGIN_AT_KEY] = now


def _is_background(request: HttpRequest) -> bool:
    return request.method == "GET" and request.headers.get("HX-Request") == "true"


class IdleSessionMiddleware:
    """Log out sessions that were idle too long or are older than the maximum (after AuthenticationMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.get_response(request)
        now = time.time()
        session = request.session
        last_seen = session.get(LAST_SEEN_KEY, now)
        login_at = session.get(LOGIN_AT_KEY, now)
        if now - last_seen > settings.SESSION_IDLE_MINUTES * 60 or now - login_at > settings.SESSION_MAX_HOURS * 3600:
            request.logout_reason = "idle" if now - last_seen > settings.SESSION_IDLE_MINUTES * 60 else "max_age"  # type: ignore[attr-defined]
            logout(request)
            messages.info(request, IDLE_MESSAGE)
            if request.headers.get("HX-Request") == "true":
                return self._htmx_to_login(request)
            return self.get_response(request)
        if LOGIN_AT_KEY not in session:
            session[LOGIN_AT_KEY] = now
        if not _is_background(request) and (LAST_SEEN_KEY not in session or now - last_seen >= WRITE_EVERY_SECONDS):
            session[LAST_SEEN_KEY] = now
        return self.get_response(request)

    def _htmx_to_login(self, request: HttpRequest) -> HttpResponse:
        page = request.headers.get("HX-Current-URL", "")
        parts = urlsplit(page)
        same_site = url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()})
        next_url = (parts.path + (f"?{parts.query}" if parts.query else "")) if same_site and parts.path else "/"
        response = HttpResponse(status=204)
        response["HX-Redirect"] = f"{reverse('accounts:login')}?{urlencode({'next': next_url})}"
        return response
