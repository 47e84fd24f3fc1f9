from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from denkraam import __version__
from denkraam.organisations.selectors import organisation_admin_url


def site(request: HttpRequest) -> dict[str, str | Callable[[], str]]:
    # A callable: the template asks only when it shows the menu, so a page without the menu costs no query.
    @cache
    def organisation_admin() -> str:
        return organisation_admin_url(user=request.user)  # type: ignore[arg-type]

    return {"denkraam_version": __version__, "organisation_admin_url": organisation_admin}
