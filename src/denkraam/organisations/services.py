"""Writes for organisation administration: create an organisation, set a member's role, remove a member.

Every write checks the actor's right, refuses in Dutch and leaves an audit line. An organisation that has a
beheerder always keeps one: the last beheerder can be neither demoted nor removed, also not by themselves.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction

from denkraam.accounts import services as accounts_services
from denkraam.accounts.models import Membership, Organisation, User, role_rank
from denkraam.accounts.services import audit_record
from denkraam.organisations.selectors import organisation_access

NOT_MANAGER = "Alleen een beheerder van deze organisatie mag dit doen."
LAST_BEHEERDER = (
    "{name} is de laatste beheerder van {organisation}. Maak eerst iemand anders beheerder; "
    "anders kan niemand de leden van {organisation} nog beheren."
)


def _name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def organisation_require_manager(*, actor: User, organisation: Organisation) -> None:
    """PermissionDenied (Dutch) unless `actor` may manage `organisation`: its members, its house style."""
    access = organisation_access(user=actor, organisation=organisation)
    if access is None or not access.can_manage:
        raise PermissionDenied(NOT_MANAGER)


def _locked(membership: Membership) -> tuple[Membership, int]:
    """The membership as stored now and the organisation's number of beheerders, the beheerder rows locked.

    Two beheerders who demote each other at the same moment must not both succeed: on PostgreSQL the row locks make
    the second wait for the first; on SQLite the settings' IMMEDIATE transactions take the write lock at BEGIN.
    """
    beheerders = list(
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=Membership.Role.BEHEERDER)
        .values_list("pk", flat=True)
    )
    current = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "organisation")
        .filter(pk=membership.pk)
        .first()
    )
    if current is None:
        raise ValidationError(f"{_name(membership.user)} is al geen lid meer van {membership.organisation.name}.")
    return current, len(beheerders)


@transaction.atomic
def organisation_create(*, actor: User, name: str, slug: str) -> Organisation:
    """Create an organisation (site administrators only); its first beheerder comes in by invitation.

    The short name is used in addresses (/organisaties/<korte naam>/), so it is lower case and unique.
    """
    if not actor.is_superuser:
        raise PermissionDenied("Alleen een beheerder van denkraam mag organisaties aanmaken.")
    name = name.strip()
    slug = slug.strip().lower()
    if not name:
        raise ValidationError({"name": "Vul de naam van de organisatie in."})
    try:
        validate_slug(slug)
    except ValidationError as exc:
        raise ValidationError(
            {"slug": "Gebruik voor de korte naam alleen kleine letters, cijfers en streepjes (-), zonder spaties."}
        ) from exc
    if Organisation.objects.filter(slug__iexact=slug).exists():
        raise ValidationError({"slug": f"Er bestaat al een organisatie met de korte naam '{slug}'. Kies een andere."})
    try:
        with transaction.atomic():
            organisation = accounts_services.organisation_create(name=name, slug=slug)
    except (IntegrityError, ValidationError) as exc:  # created by someone else in the meantime
        raise ValidationError(
            {"slug": f"Er bestaat al een organisatie met de korte naam '{slug}'. Kies een andere."}
        ) from exc
    audit_record(
        actor=actor,
        action="organisation.created",
        obj=organisation,
        summary=f"{_name(actor)} maakte de organisatie {name} ({slug}) aan.",
        organisation=organisation,
        data={"name": name, "slug": slug},
    )
    return organisation


@transaction.atomic
def membership_role_set(*, actor: User, membership: Membership, role: str) -> Membership:
    """Give a member another role; refused for the organisation's last beheerder.

    A beheerder may lower their own role (the page asks first); a site administrator keeps managing anyway.
    """
    organisation_require_manager(actor=actor, organisation=membership.organisation)
    if role not in Membership.Role.values:
        raise ValidationError("Kies een van de rollen lezer, lid, begeleider of beheerder.")
    current, beheerders = _locked(membership)
    old = current.role
    if old == role:
        return current
    if old == Membership.Role.BEHEERDER and beheerders <= 1:
        raise ValidationError(LAST_BEHEERDER.format(name=_name(current.user), organisation=current.organisation.name))
    current.role = role
    current.save(update_fields=["role"])
    membership.role = role
    labels = dict(Membership.Role.choices)
    direction = "hoger" if role_rank(role) > role_rank(old) else "lager"
    audit_record(
        actor=actor,
        action="membership.role_set",
        obj=current,
        summary=(
            f"{_name(actor)} gaf {_name(current.user)} in {current.organisation.name} de rol "
            f"{labels[role].lower()} (was {labels[old].lower()}, {direction})."
        ),
        organisation=current.organisation,
        data={"user_id": current.user_id, "username": current.user.get_username(), "old": old, "new": role},
    )
    return current


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    """Take a member out of the organisation; refused for its last beheerder.

    The account stays, with its other organisations, answers and actions. Conversations the person takes part in
    or leads stay visible to them (they are participants there, not members).
    """
    organisation_require_manager(actor=actor, organisation=membership.organisation)
    current, beheerders = _locked(membership)
    if current.role == Membership.Role.BEHEERDER and beheerders <= 1:
        raise ValidationError(LAST_BEHEERDER.format(name=_name(current.user), organisation=current.organisation.name))
    audit_record(
        actor=actor,
        action="membership.removed",
        obj=current,
        summary=f"{_name(actor)} verwijderde {_name(current.user)} ({current.get_role_display().lower()}) "
        f"uit {current.organisation.name}.",
        organisation=current.organisation,
        data={"user_id": current.user_id, "username": current.user.get_username(), "role": current.role},
    )
    current.delete()
