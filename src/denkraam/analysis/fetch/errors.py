"""The one error a fetch can end in, with a Dutch message a non-technical user can act on."""

from __future__ import annotations

from typing import Literal

FetchErrorCode = Literal[
    "invalid-url",
    "scheme",
    "credentials",
    "not-public",
    "dns",
    "connection",
    "tls",
    "timeout",
    "incomplete",
    "too-big",
    "too-many-redirects",
    "http-status",
    "content-type",
]

NOT_PUBLIC_MESSAGE = (
    "Dit adres is niet openbaar bereikbaar (intern netwerk); denkraam haalt alleen openbare pagina's op."
)


class FetchError(Exception):
    """A URL could not or may not be fetched.

    `str(error)` is a Dutch sentence for the user; `code` is a stable machine-readable reason
    (for example `"not-public"` or `"timeout"`) for programs and tests.
    """

    def __init__(self, message: str, *, code: FetchErrorCode, url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code: FetchErrorCode = code
        self.url = url
