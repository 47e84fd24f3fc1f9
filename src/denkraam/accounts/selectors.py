"""Reads for users, organisations, memberships and the audit log."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User, role_rank


def organisation_list_for_user(*, user: User, min_role: str = Membership.Role.LEZER) -> QuerySet[Organisation]:
    """The organisations the user belongs to with at least `min_role`."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    roles = [role for role in Membership.Role.values if role_rank(role) >= role_rank(min_role)]
    return Organisation.objects.filter(memberships__user=user, memberships__role__in=roles).distinct()


def membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    """The user's memberships with their organisations, for 'Mijn organisaties'."""
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def membership_highest_role(*, user: User, organisations: Iterable[Organisation]) -> str | None:
    """The highest role the user has in any of the given organisations, or None when not a member."""
    if not user.is_authenticated:
        return None
    org_ids = [org.pk for org in organisations]
    roles = Membership.objects.filter(user=user, organisation_id__in=org_ids).values_list("role", flat=True)
    return max(roles, key=role_rank, default=None)


def audit_event_list_for_object(*, object_type: str, object_id: str) -> QuerySet[AuditEvent]:
    """Audit events of one object, newest first."""
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id).select_related("actor")
