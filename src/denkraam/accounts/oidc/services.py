"""Writes of a sign-on: the user, their identity and their memberships, from the checked claims of an ID token."""

from __future__ import annotations

import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from denkraam.accounts.models import Membership, OidcIdentity, Organisation, User, role_rank
from denkraam.accounts.oidc.config import OidcProvider
from denkraam.accounts.oidc.errors import OidcLoginError
from denkraam.accounts.services import audit_record, membership_set

logger = logging.getLogger(__name__)


def _email(provider: OidcProvider, claims: dict[str, Any]) -> str:
    email = claims.get(provider.email_claim)
    if not isinstance(email, str) or "@" not in email.strip() or len(email.strip()) > 254:
        raise OidcLoginError("no_email", provider=provider)
    return email.strip()


def _names(provider: OidcProvider, claims: dict[str, Any]) -> tuple[str, str]:
    given, family = claims.get("given_name"), claims.get("family_name")
    if isinstance(given, str) or isinstance(family, str):
        return (str(given or "").strip()[:150], str(family or "").strip()[:150])
    name = claims.get(provider.name_claim)
    return (name.strip()[:150] if isinstance(name, str) else "", "")


def _wanted_roles(provider: OidcProvider, claims: dict[str, Any]) -> tuple[dict[str, str], list[Organisation]]:
    """The role the claims give in each organisation this provider speaks for (the highest of its matching rules),
    and those organisations as they exist in denkraam."""
    organisations = list(Organisation.objects.filter(slug__in=provider.organisation_slugs))
    missing = set(provider.organisation_slugs) - {org.slug for org in organisations}
    if missing:
        # The system check (accounts/oidc/checks.py) reports this too; here such rules give nothing.
        logger.error("OIDC provider %s maps to organisations that do not exist: %s", provider.id, sorted(missing))
    wanted: dict[str, str] = {}
    for rule in provider.organisations:
        if rule.organisation in missing or not rule.matches(claims):
            continue
        if role_rank(rule.role) > role_rank(wanted.get(rule.organisation)):
            wanted[rule.organisation] = rule.role
    return wanted, organisations


def _memberships_sync(
    *, provider: OidcProvider, user: User, wanted: dict[str, str], organisations: list[Organisation]
) -> list[str]:
    """Make the user's memberships in the provider's organisations what the claims say: add, raise, lower, and
    end the ones the claims no longer give. Memberships in other organisations are left alone. Audited."""
    current = {m.organisation_id: m for m in Membership.objects.filter(user=user, organisation__in=organisations)}
    changes: list[str] = []
    for org in organisations:
        membership, role = current.get(org.pk), wanted.get(org.slug)
        if role and membership is None:
            new = membership_set(user=user, organisation=org, role=role)
            audit_record(
                actor=user,
                action="oidc.membership_added",
                obj=new,
                organisation=org,
                summary=f"Lid geworden van {org.name} als {new.get_role_display().lower()} via {provider.name}.",
                data={"provider": provider.id, "role": role},
            )
            changes.append(f"{org.slug}:+{role}")
        elif role and membership is not None and membership.role != role:
            old = membership.role
            changed = membership_set(user=user, organisation=org, role=role)
            audit_record(
                actor=user,
                action="oidc.membership_changed",
                obj=changed,
                organisation=org,
                summary=f"Rol in {org.name} gewijzigd van {old} in {role} via {provider.name}.",
                data={"provider": provider.id, "from": old, "to": role},
            )
            changes.append(f"{org.slug}:{old}->{role}")
        elif not role and membership is not None:
            audit_record(
                actor=user,
                action="oidc.membership_removed",
                obj=membership,
                organisation=org,
                summary=f"Lidmaatschap van {org.name} beëindigd: {provider.name} geeft het niet meer.",
                data={"provider": provider.id, "role": membership.role},
            )
            membership.delete()
            changes.append(f"{org.slug}:-{membership.role}")
    return changes


def _may_link(provider: OidcProvider, user: User, claims: dict[str, Any]) -> bool:
    """Whether an existing account with the same e-mail address may be taken over by this provider: only when the
    configuration says so, the provider did not say the address is unverified, the account is no administrator,
    has no identity at this provider yet, and belongs to no organisation other than this provider's own."""
    if not provider.link_existing_by_email or claims.get("email_verified") is False:
        return False
    if user.is_staff or user.is_superuser or not user.is_active:
        return False
    if OidcIdentity.objects.filter(user=user, issuer=provider.issuer).exists():
        return False
    others = Membership.objects.filter(user=user).exclude(organisation__slug__in=provider.organisation_slugs)
    return not others.exists()


def _username(provider: OidcProvider, email: str, subject: str) -> str:
    candidate = email.lower()[:150]
    if not User.objects.filter(username__iexact=candidate).exists():
        return candidate
    base = f"{provider.id}-{subject}"[:140]
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def oidc_user_sign_in(*, provider: OidcProvider, claims: dict[str, Any], allow_without_organisation: bool) -> User:
    """The user behind the checked ID-token claims, created or updated, with memberships as the provider's rules
    give them. Raises OidcLoginError, and stores nothing, when the e-mail address is missing, no organisation
    matches (unless `allow_without_organisation`: a guest who came through an invitation), or an unlinked account
    already has the e-mail address. One write does happen on a refusal: a known user whom the provider no longer
    gives any organisation loses the memberships it gave (`access_removed`).

    Users are found by issuer and subject only; see `_may_link` for the one case in which an e-mail address links.
    """
    issuer, subject = str(claims["iss"]), str(claims["sub"])
    _email(provider, claims)  # no address, no account: refused before anything else
    wanted, organisations = _wanted_roles(provider, claims)
    identity = OidcIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    if identity is not None and not identity.user.is_active:
        raise OidcLoginError("inactive", provider=provider)
    if not wanted and not allow_without_organisation:
        if identity is not None:
            with transaction.atomic():
                ended = _memberships_sync(provider=provider, user=identity.user, wanted={}, organisations=organisations)
            if ended:
                raise OidcLoginError("access_removed", provider=provider)
        raise OidcLoginError("no_organisation", provider=provider)

    try:
        return _sign_in(provider=provider, claims=claims, identity=identity, wanted=wanted, organisations=organisations)
    except IntegrityError:
        # The same person's first login twice at one moment (two tabs): the other one made the identity; use it.
        if identity is None and OidcIdentity.objects.filter(issuer=issuer, subject=subject).exists():
            return oidc_user_sign_in(
                provider=provider, claims=claims, allow_without_organisation=allow_without_organisation
            )
        raise


def _sign_in(
    *,
    provider: OidcProvider,
    claims: dict[str, Any],
    identity: OidcIdentity | None,
    wanted: dict[str, str],
    organisations: list[Organisation],
) -> User:
    issuer, subject = str(claims["iss"]), str(claims["sub"])
    email = _email(provider, claims)
    first_name, last_name = _names(provider, claims)
    with transaction.atomic():
        if identity is not None:
            user = identity.user
            user.email, user.first_name, user.last_name = email, first_name, last_name
            user.save(update_fields=["email", "first_name", "last_name"])
        else:
            user, created = _user_for_new_identity(
                provider=provider, claims=claims, email=email, names=(first_name, last_name)
            )
            first_org = next((org for org in organisations if org.slug in wanted), None)
            if created:
                audit_record(
                    actor=user,
                    action="oidc.account_created",
                    obj=user,
                    organisation=first_org,
                    summary=f"Account aangemaakt bij de eerste keer inloggen met {provider.name}.",
                    data={"provider": provider.id, "issuer": issuer, "subject": subject},
                )
            identity = OidcIdentity.objects.create(user=user, provider_id=provider.id, issuer=issuer, subject=subject)
        _memberships_sync(provider=provider, user=user, wanted=wanted, organisations=organisations)
        identity.last_login_at = timezone.now()
        identity.save(update_fields=["last_login_at"])
    return user


def _user_for_new_identity(
    *, provider: OidcProvider, claims: dict[str, Any], email: str, names: tuple[str, str]
) -> tuple[User, bool]:
    """A new user for an identity seen for the first time, or (only when `_may_link` allows it) the existing
    account with the same e-mail address. Raises OidcLoginError("account_exists") otherwise."""
    existing = list(User.objects.filter(email__iexact=email)[:2])
    if existing:
        if len(existing) > 1 or not _may_link(provider, existing[0], claims):
            logger.warning("OIDC provider %s: an unlinked account has the asserted e-mail address", provider.id)
            raise OidcLoginError("account_exists", provider=provider)
        user = existing[0]
        audit_record(
            actor=user,
            action="oidc.identity_linked",
            obj=user,
            summary=f"Account gekoppeld aan {provider.name} op grond van het e-mailadres.",
            data={"provider": provider.id, "issuer": str(claims["iss"]), "subject": str(claims["sub"])},
        )
        return user, False
    user = User(
        username=_username(provider, email, str(claims["sub"])), email=email, first_name=names[0], last_name=names[1]
    )
    # No password: this person logs in through the provider ('Wachtwoord vergeten' skips unusable passwords).
    user.set_unusable_password()
    user.save()
    return user, True
