"""Reads for initiatives, including who may see and edit them."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from denkraam.accounts.models import AuditEvent, Membership, User, role_rank
from denkraam.accounts.selectors import membership_highest_role
from denkraam.initiatives.models import Initiative


def _visible_q(*, user: User) -> Q:
    org_ids = Membership.objects.filter(user=user).values("organisation_id")
    return Q(is_published=True) | Q(owner_id__in=org_ids) | Q(partners__in=org_ids)


def initiative_list_for_user(*, user: User, filters: dict[str, Any] | None = None) -> QuerySet[Initiative]:
    """Initiatives the user may see: published ones plus those of the user's organisations (owner or partner).

    Filters (all optional): `organisation` (UUID, as owner or partner), `channel`, `target_group`, `status`, `q`
    (words in the name). Owner and partners are prefetched so a list page costs a fixed number of queries.
    """
    if not user.is_authenticated:
        return Initiative.objects.none()
    # Filter on ids in a subquery: a join on partners would repeat rows and a DISTINCT on JSON fails on some DBs.
    visible_ids = Initiative.objects.filter(_visible_q(user=user)).values("id")
    qs = Initiative.objects.filter(id__in=visible_ids)
    filters = filters or {}
    if organisation := filters.get("organisation"):
        partner_ids = Initiative.partners.through.objects.filter(organisation_id=organisation).values("initiative_id")
        qs = qs.filter(Q(owner_id=organisation) | Q(id__in=partner_ids))
    if channel := filters.get("channel"):
        qs = qs.filter(channels__icontains=f'"{channel}"')
    if target_group := filters.get("target_group"):
        qs = qs.filter(target_groups__icontains=f'"{target_group}"')
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    if text := filters.get("q"):
        qs = qs.filter(name__icontains=text)
    return qs.select_related("owner").prefetch_related("partners").order_by("name", "id")


def initiative_get_for_user(*, user: User, initiative_id: uuid.UUID | str) -> Initiative:
    """One initiative the user may see; raises Http404 when it does not exist or is not visible to the user."""
    if not user.is_authenticated:
        raise Http404("Dit initiatief bestaat niet of u heeft er geen toegang toe.")
    try:
        initiative_uuid = uuid.UUID(str(initiative_id))
    except ValueError as exc:
        raise Http404("Dit initiatief bestaat niet.") from exc
    visible_ids = Initiative.objects.filter(_visible_q(user=user)).values("id")
    initiative = (
        Initiative.objects.filter(id=initiative_uuid, id__in=visible_ids)
        .select_related("owner", "created_by")
        .prefetch_related("partners")
        .first()
    )
    if initiative is None:
        raise Http404("Dit initiatief bestaat niet of u heeft er geen toegang toe.")
    return initiative


def initiative_role_for_user(*, user: User, initiative: Initiative) -> str | None:
    """The user's highest role across the owner and partner organisations; None for outsiders (even if published)."""
    return membership_highest_role(user=user, organisations=[initiative.owner, *initiative.partners.all()])


def initiative_owner_role_for_user(*, user: User, initiative: Initiative) -> str | None:
    """The user's role in the owner organisation only (None when not a member there)."""
    return membership_highest_role(user=user, organisations=[initiative.owner])


def initiative_can_edit(*, user: User, initiative: Initiative) -> bool:
    """Members with role lid or higher in the owner or a partner organisation may edit."""
    return role_rank(initiative_role_for_user(user=user, initiative=initiative)) >= role_rank(Membership.Role.LID)


def initiative_audit_events(*, initiative: Initiative) -> QuerySet[AuditEvent]:
    """The audit log of an initiative: its own events and those of things inside it (they carry its id in data)."""
    return (
        AuditEvent.objects.filter(
            Q(object_type=Initiative._meta.label_lower, object_id=str(initiative.pk))
            | Q(data__initiative_id=str(initiative.pk))
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
