"""Reads for organisation administration: who may see or manage an organisation, its members and how they sign in.

Seeing an organisation's page is for its members (every role) and site administrators; anyone else gets a 404, so
the page never tells whether an organisation exists. Managing it (roles, removing, inviting) is for its beheerders
and site administrators.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.hashers import is_password_usable
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from denkraam.accounts.models import Membership, OidcIdentity, Organisation, User
from denkraam.initiatives.models import Initiative

NOT_FOUND = "Deze organisatie bestaat niet of u heeft er geen toegang toe."
MEMBER_NOT_FOUND = "Dit lid bestaat niet of hoort niet bij deze organisatie."


@dataclass(frozen=True, slots=True)
class OrganisationAccess:
    """What one user may do on one organisation's pages."""

    role: str | None  # the user's own role there; None for a site administrator who is not a member
    can_manage: bool


def organisation_access(*, user: User, organisation: Organisation) -> OrganisationAccess | None:
    """The user's rights on this organisation's pages, or None when the user may not see them at all."""
    if not user.is_authenticated:
        return None
    role = Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True).first()
    if role is None and not user.is_superuser:
        return None
    return OrganisationAccess(role=role, can_manage=user.is_superuser or role == Membership.Role.BEHEERDER)


def organisation_get_for_user(*, user: User, slug: str) -> tuple[Organisation, OrganisationAccess]:
    """One organisation whose pages the user may see, with the user's rights; Http404 for everyone else."""
    organisation = Organisation.objects.filter(slug=slug).first() if user.is_authenticated else None
    access = organisation_access(user=user, organisation=organisation) if organisation is not None else None
    if organisation is None or access is None:
        raise Http404(NOT_FOUND)
    return organisation, access


def organisation_list_all() -> QuerySet[Organisation]:
    """Every organisation, with its number of members and of beheerders, for the site administrator's list."""
    return Organisation.objects.annotate(
        member_count=Count("memberships", distinct=True),
        beheerder_count=Count("memberships", filter=Q(memberships__role=Membership.Role.BEHEERDER), distinct=True),
    ).order_by("name", "slug")


def organisation_admin_url(*, user: User) -> str:
    """Where the header's "Organisatiebeheer" leads, or "" for who manages no organisation: the list of all for a
    site administrator, the organisation itself for a beheerder of one, "Mijn organisaties" for one of several."""
    if not user.is_authenticated:
        return ""
    if user.is_superuser:
        return reverse("organisations:list")
    slugs = list(
        Membership.objects.filter(user=user, role=Membership.Role.BEHEERDER)
        .order_by()
        .values_list("organisation__slug", flat=True)[:2]
    )
    if not slugs:
        return ""
    if len(slugs) == 1:
        return reverse("organisations:detail", kwargs={"slug": slugs[0]})
    return reverse("accounts:my_organisations")


# How a person signs in, as the member list shows it.
SIGN_IN_PASSWORD = "wachtwoord"
SIGN_IN_OIDC = "inlogdienst"
SIGN_IN_BOTH = "wachtwoord en inlogdienst"
SIGN_IN_NONE = "nog niet ingesteld"


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of the member list, with every text ready for the page."""

    membership_id: int
    user_id: int
    name: str
    username: str
    email: str
    role: str
    role_label: str
    since: datetime.datetime
    sign_in: str


def _sign_in(*, password: str, has_identity: bool) -> str:
    has_password = is_password_usable(password)
    if has_password and has_identity:
        return SIGN_IN_BOTH
    if has_identity:
        return SIGN_IN_OIDC
    return SIGN_IN_PASSWORD if has_password else SIGN_IN_NONE


def member_rows(*, organisation: Organisation) -> list[MemberRow]:
    """The organisation's members, beheerders first, then by name: one query whatever the number of members."""
    identities = OidcIdentity.objects.filter(user_id=OuterRef("user_id"))
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .annotate(has_identity=Exists(identities))
        .select_related("user")
        .only(
            "id",
            "role",
            "created_at",
            "user_id",
            "user__username",
            "user__first_name",
            "user__last_name",
            "user__email",
            "user__password",
        )
    )
    labels = dict(Membership.Role.choices)
    rows = [
        MemberRow(
            membership_id=m.pk,
            user_id=m.user_id,
            name=m.user.get_full_name() or m.user.get_username(),
            username=m.user.get_username(),
            email=m.user.email,
            role=m.role,
            role_label=labels.get(m.role, m.role),
            since=m.created_at,
            sign_in=_sign_in(password=m.user.password, has_identity=m.has_identity),
        )
        for m in memberships
    ]
    return sorted(rows, key=lambda r: (r.role != Membership.Role.BEHEERDER, r.name.casefold(), r.username))


def membership_get(*, organisation: Organisation, membership_id: int | str) -> Membership:
    """One membership of this organisation, with its user; Http404 when the id belongs elsewhere or to nobody."""
    membership = (
        Membership.objects.select_related("user", "organisation")
        .filter(organisation=organisation, pk=membership_id)
        .first()
    )
    if membership is None:
        raise Http404(MEMBER_NOT_FOUND)
    return membership


def beheerder_count(*, organisation: Organisation) -> int:
    return Membership.objects.filter(organisation=organisation, role=Membership.Role.BEHEERDER).count()


def initiative_unpublished_count(*, organisation: Organisation) -> int:
    """How many unpublished initiatives the organisation owns or takes part in: what a member who leaves stops seeing
    (published ones stay visible to everyone who is logged in)."""
    partner_of = Initiative.partners.through.objects.filter(organisation_id=organisation.pk).values("initiative_id")
    return Initiative.objects.filter(Q(owner_id=organisation.pk) | Q(id__in=partner_of), is_published=False).count()
