from __future__ import annotations

from django.http import HttpRequest

from denkraam import __version__


def site(request: HttpRequest) -> dict[str, str]:
    return {"denkraam_version": __version__}
