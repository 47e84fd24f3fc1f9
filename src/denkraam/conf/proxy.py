"""Trusting the reverse proxy in front of denkraam (DENKRAAM_TRUSTED_PROXY and friends).

Only a request whose peer is the trusted proxy may tell, in forwarded headers, the client's address (REMOTE_ADDR,
used by the rate limits) and that the client came in over https (the scheme, for the HTTPS redirect, HSTS and
secure cookies). From any other peer those headers are removed before Django sees them, so a client cannot claim
another address or https. With no trusted proxy, nobody may.

`denkraam serve` hands these settings to waitress itself; `behind_trusted_proxy` applies the same rules, with
waitress's own code, for any other WSGI server (`denkraam.conf.wsgi:application`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from waitress.proxy_headers import proxy_headers_middleware

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication


class WaitressProxyOptions(TypedDict, total=False):
    trusted_proxy: str
    trusted_proxy_headers: set[str]
    trusted_proxy_count: int
    clear_untrusted_proxy_headers: bool


def waitress_proxy_options() -> WaitressProxyOptions:
    """The keyword arguments for waitress.serve that trust the configured proxy and nobody else."""
    if not settings.TRUSTED_PROXY:
        return {"clear_untrusted_proxy_headers": True}
    return {
        "trusted_proxy": settings.TRUSTED_PROXY,
        "trusted_proxy_headers": set(settings.TRUSTED_PROXY_HEADERS),
        "trusted_proxy_count": settings.TRUSTED_PROXY_COUNT,
        "clear_untrusted_proxy_headers": True,
    }


def https_comes_from_proxy() -> bool:
    """True when the trusted proxy is allowed to say a request came in over https."""
    headers = set(settings.TRUSTED_PROXY_HEADERS)
    return bool(settings.TRUSTED_PROXY) and bool(headers & {"x-forwarded-proto", "forwarded"})


def behind_trusted_proxy(app: WSGIApplication) -> WSGIApplication:
    """Wrap a WSGI application so it sees forwarded headers from the trusted proxy only, as under `denkraam serve`."""
    return proxy_headers_middleware(
        app,
        trusted_proxy=settings.TRUSTED_PROXY or None,
        trusted_proxy_count=settings.TRUSTED_PROXY_COUNT,
        trusted_proxy_headers=set(settings.TRUSTED_PROXY_HEADERS) if settings.TRUSTED_PROXY else None,
        clear_untrusted=True,
    )
