"""The sign-on buttons (accounts/_oidc_buttons.html) may appear on any page: the login page, an invitation."""

from __future__ import annotations

from django.http import HttpRequest

from denkraam.accounts.oidc.config import OidcProvider
from denkraam.accounts.oidc.selectors import oidc_provider_list


def oidc_providers(request: HttpRequest) -> dict[str, tuple[OidcProvider, ...]]:
    return {"oidc_providers": oidc_provider_list()}
