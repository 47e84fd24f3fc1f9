"""Login rate limiting: count failed attempts per user name and IP address in the cache, in 15-minute windows."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 15 * 60


def _key(*, username: str, ip: str) -> str:
    # Hash so that arbitrary user input never ends up raw in a cache key (length, odd characters).
    digest = hashlib.sha256(f"{username.strip().lower()}|{ip}".encode()).hexdigest()
    return f"login-failures:{digest}"


def client_ip(request: HttpRequest) -> str:
    """The address the request came from. Behind a proxy, the proxy must set REMOTE_ADDR (waitress trusted_proxy)."""
    return request.META.get("REMOTE_ADDR", "") or "onbekend"


def login_is_blocked(*, username: str, ip: str) -> bool:
    """True when this user name from this address has used up its failed attempts for the current window."""
    return cache.get(_key(username=username, ip=ip), 0) >= settings.LOGIN_RATE_LIMIT


def login_failure_record(*, username: str, ip: str) -> int:
    """Count one failed attempt and return the number in the current window."""
    key = _key(username=username, ip=ip)
    # add() starts the window only if none is running, so the window does not slide with every attempt.
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def login_failures_clear(*, username: str, ip: str) -> None:
    """Forget failed attempts after a successful login."""
    cache.delete(_key(username=username, ip=ip))
