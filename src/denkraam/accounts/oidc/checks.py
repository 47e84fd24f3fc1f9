"""A Django system check (`python -m django check`): every organisation a sign-on rule names must exist.

The settings cannot check that themselves (the database is not there while they load), and it must not stop the
start either: organisations are created in the running app, possibly after the providers were configured. A
sign-on logs the same problem and ignores the rules of a missing organisation."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError


@checks.register()
def oidc_organisations_exist(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return oidc_configuration_problems()


def oidc_configuration_problems() -> list[checks.CheckMessage]:
    """One error per provider and organisation rule whose organisation (slug) is not in the database."""
    from denkraam.accounts.models import Organisation
    from denkraam.accounts.oidc.selectors import oidc_provider_list

    providers = oidc_provider_list()
    if not providers:
        return []
    try:
        known = set(Organisation.objects.values_list("slug", flat=True))
    except DatabaseError:  # not migrated yet: nothing to compare with
        return []
    problems: list[checks.CheckMessage] = []
    for provider in providers:
        for n, rule in enumerate(provider.organisations, start=1):
            if rule.organisation not in known:
                problems.append(
                    checks.Error(
                        f"DENKRAAM_OIDC_PROVIDERS: provider {provider.id!r}, organisations rule {n}: 'organisation' "
                        f"{rule.organisation!r} does not exist",
                        hint="Create the organisation (with this short name) or correct the rule.",
                        id="denkraam.oidc.E001",
                    )
                )
    return problems
