"""Rate limits in the cache, in fixed 15-minute windows.

Login: failed attempts per user name and IP address (guessing one person's password) and per IP address alone
(trying one common password on many user names). Password reset: requests per e-mail address (mail bombing one
person) and per IP address (mail bombing many).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 15 * 60


def _hashed(prefix: str, *parts: str) -> str:
    # Hash so that arbitrary user input never ends up raw in a cache key (length, odd characters).
    return f"{prefix}:{hashlib.sha256('|'.join(parts).encode()).hexdigest()}"


def _key(*, username: str, ip: str) -> str:
    return _hashed("login-failures", username.strip().lower(), ip)


def _ip_key(ip: str) -> str:
    return _hashed("login-failures-ip", ip)


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
    """The address the request came from. Behind a proxy, the proxy must set REMOTE_ADDR (waitress trusted_proxy)."""
    return request.META.get("REMOTE_ADDR", "") or "onbekend"


def login_is_blocked(*, username: str, ip: str) -> bool:
    """True when this user name from this address, or this address for all user names together, has used up its
    failed attempts for the current window."""
    return (
        cache.get(_key(username=username, ip=ip), 0) >= settings.LOGIN_RATE_LIMIT
        or cache.get(_ip_key(ip), 0) >= settings.LOGIN_RATE_LIMIT_PER_ADDRESS
    )


def login_failure_record(*, username: str, ip: str) -> bool:
    """Count one failed attempt; True when it used up a limit (this attempt is then answered as blocked)."""
    for_user = window_add(_key(username=username, ip=ip))
    for_address = window_add(_ip_key(ip))
    return for_user >= settings.LOGIN_RATE_LIMIT or for_address >= settings.LOGIN_RATE_LIMIT_PER_ADDRESS


def login_failures_clear(*, username: str, ip: str) -> None:
    """Forget this user name's failed attempts after a successful login. The address's count stays: otherwise
    one account of one's own would reset the limit on trying other people's."""
    cache.delete(_key(username=username, ip=ip))


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
