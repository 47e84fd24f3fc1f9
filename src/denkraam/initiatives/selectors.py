"""Reads for initiatives, including who may see and edit them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User, role_rank
from denkraam.accounts.selectors import membership_highest_role
from denkraam.initiatives.models import Initiative, channel_labels_for, target_group_labels_for


def _visible_q(*, user: User) -> Q:
    # Partners through a subquery on the link table, not a join: a join repeats an initiative once per partner, and
    # the DISTINCT or id-subquery that undoes that made the list's count and page queries several times slower.
    org_ids = Membership.objects.filter(user=user).values("organisation_id")
    partner_of = Initiative.partners.through.objects.filter(organisation_id__in=org_ids).values("initiative_id")
    return Q(is_published=True) | Q(owner_id__in=org_ids) | Q(id__in=partner_of)


def initiative_list_for_user(*, user: User, filters: dict[str, Any] | None = None) -> QuerySet[Initiative]:
    """Initiatives the user may see: published ones plus those of the user's organisations (owner or partner).

    Filters (all optional): `organisation` (UUID, as owner or partner), `channel`, `target_group`, `status`, `q`
    (words in the name). Owner and partners are prefetched so a list page costs a fixed number of queries.
    """
    if not user.is_authenticated:
        return Initiative.objects.none()
    qs = Initiative.objects.filter(_visible_q(user=user))
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


def initiative_filter_organisations(*, user: User) -> QuerySet[Organisation]:
    """Organisations to offer in the list's filter: the user's own, and the owners and partners of initiatives the
    user may see. Not every organisation in denkraam: which organisations work on unpublished initiatives is
    theirs to share, and a list of names nobody can filter on is noise."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    visible = Initiative.objects.filter(_visible_q(user=user))
    partners = Initiative.partners.through.objects.filter(initiative_id__in=visible.values("id"))
    return Organisation.objects.filter(
        Q(id__in=Membership.objects.filter(user=user).values("organisation_id"))
        | Q(id__in=visible.values("owner_id"))
        | Q(id__in=partners.values("organisation_id"))
    ).order_by("name", "id")


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    """One line of the initiative list, with every text already in Dutch and joined."""

    id: uuid.UUID
    name: str
    is_published: bool
    url: str
    organisations: str
    channels: str
    target_groups: str
    status: str


_STATUS_LABELS: dict[str, str] = dict(Initiative.Status.choices)


def initiative_rows(*, initiatives: QuerySet[Initiative]) -> list[InitiativeRow]:
    """The list lines for (one page of) initiatives: two queries and plain values, no model instances.

    The list page showed 50 model instances with their owner, partners and label methods; building those and
    resolving a dozen template lookups per row was most of the page's time.
    """
    values = list(
        initiatives.select_related(None)
        .prefetch_related(None)
        .values(
            "id", "name", "is_published", "owner__name", "channels", "target_groups", "target_group_other", "status"
        )
    )
    partners: dict[uuid.UUID, list[str]] = {}
    links = (
        Initiative.partners.through.objects.filter(initiative_id__in=[v["id"] for v in values])
        .order_by(*(f"organisation__{key}" for key in Organisation._meta.ordering or ()), "organisation_id")
        .values_list("initiative_id", "organisation__name")
    )
    for initiative_id, partner_name in links:
        partners.setdefault(initiative_id, []).append(partner_name)
    # One reverse() for the whole page: the detail address differs only in the id.
    placeholder = uuid.UUID(int=0)
    detail_url = reverse("initiatives:detail", kwargs={"initiative_id": placeholder})
    return [
        InitiativeRow(
            id=v["id"],
            name=v["name"],
            is_published=v["is_published"],
            url=detail_url.replace(str(placeholder), str(v["id"])),
            organisations=", ".join([v["owner__name"], *partners.get(v["id"], [])]),
            channels=", ".join(channel_labels_for(v["channels"])),
            target_groups=", ".join(target_group_labels_for(v["target_groups"], v["target_group_other"])),
            status=_STATUS_LABELS.get(v["status"], v["status"]),
        )
        for v in values
    ]


def initiative_get_for_user(*, user: User, initiative_id: uuid.UUID | str) -> Initiative:
    """One initiative the user may see; raises Http404 when it does not exist or is not visible to the user."""
    if not user.is_authenticated:
        raise Http404("Dit initiatief bestaat niet of u heeft er geen toegang toe.")
    try:
        initiative_uuid = uuid.UUID(str(initiative_id))
    except ValueError as exc:
        raise Http404("Dit initiatief bestaat niet.") from exc
    initiative = (
        Initiative.objects.filter(_visible_q(user=user), id=initiative_uuid)
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
