"""Reads for sign-on: the configured providers, and whether a password login is refused."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from denkraam.accounts.models import Membership, User
from denkraam.accounts.oidc.config import OidcProvider

# An invitation link (denkraam.invitations): who signs on to accept one may have no organisation yet.
INVITATION_PATH_PREFIX = "/uitnodiging/"


def oidc_provider_list() -> tuple[OidcProvider, ...]:
    """The providers of DENKRAAM_OIDC_PROVIDERS, in the order of the setting (the order of the buttons)."""
    providers: tuple[OidcProvider, ...] = settings.OIDC_PROVIDERS
    return providers


def oidc_provider_get(*, provider_id: str) -> OidcProvider:
    """The provider with this id; 404 for any other."""
    for provider in oidc_provider_list():
        if provider.id == provider_id:
            return provider
    raise Http404("Deze inlogdienst kent denkraam niet.")


def oidc_login_allows_guest(*, next_url: str) -> bool:
    """Whether a sign-on may succeed without any organisation from the provider's rules: only on the way to an
    invitation, whose acceptance decides what the person may see (denkraam.invitations)."""
    return next_url.startswith(INVITATION_PATH_PREFIX)


def oidc_password_login_refused(*, user: User) -> str | None:
    """Why this user may not log in with a password, in Dutch, or None when they may. Refused: members of an
    organisation whose provider is its `only_way_in`. Superusers are never refused, so that the site can still be
    administered when a provider is down or wrongly configured."""
    if user.is_superuser:
        return None
    sign_on_only = {slug: p for p in reversed(oidc_provider_list()) if p.only_way_in for slug in p.organisation_slugs}
    if not sign_on_only:
        return None
    membership = (
        Membership.objects.filter(user=user, organisation__slug__in=sign_on_only)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    if membership is None:
        return None
    provider = sign_on_only[membership.organisation.slug]
    return (
        f"Voor {membership.organisation.name} logt u niet in met een wachtwoord, maar via uw eigen organisatie. "
        f"Kies hieronder ‘{provider.name}’."
    )
