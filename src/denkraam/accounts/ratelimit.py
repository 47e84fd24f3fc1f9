"""Rate limits in the cache, in fixed 15-minute windows, and the client's address.

Password reset: requests per e-mail address (mail bombing one person) and per IP address (mail bombing many).
Failed logins are counted by django-axes in the database (accounts/lockout.py), with `client_ip` as its address.
"""

from __future__ import annotations

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 15 * 60


def _hashed(prefix: str, *parts: str) -> str:
    # Hash so that arbitrary user input never ends up raw in a cache key (length, odd characters).
    return f"{prefix}:{hashlib.sha256('|'.join(parts).encode()).hexdigest()}"


def window_add(key: str, amount: int = 1, *, seconds: int = WINDOW_SECONDS) -> int:
    """Add `amount` to the counter `key` for a fixed window of `seconds`; return the total in the window."""
    # add() starts the window only if none is running, so the window does not slide with every attempt.
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key, amount)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, amount, timeout=seconds)
        return amount


def client_ip(request: HttpRequest) -> str:
    """The address the request came from. Behind a proxy, the proxy must set REMOTE_ADDR (waitress trusted_proxy,
    conf/proxy.py); X-Forwarded-For from anyone else is removed before Django sees it, and never read here."""
    return request.META.get("REMOTE_ADDR", "") or "onbekend"


def client_ip_address(request: HttpRequest) -> str | None:
    """The client address for django-axes, which stores it in an address column (PostgreSQL's inet checks it): None
    when the server gave no address (a Unix socket, a test client's force_login), instead of a word that would
    make every login there fail with a database error."""
    try:
        return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
    except ValueError:
        return None


def password_reset_allowed(*, email: str, ip: str) -> bool:
    """Count one request for a reset link; False when this e-mail address or this IP address has used up its
    requests for the current window. Counted whether or not an account has the e-mail address, so a refusal
    reveals nothing about who has an account."""
    for_email = window_add(_hashed("password-reset", email.strip().lower()))
    for_address = window_add(_hashed("password-reset-ip", ip))
    return (
        for_email <= settings.PASSWORD_RESET_RATE_LIMIT
        and for_address <= settings.PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS
    )
