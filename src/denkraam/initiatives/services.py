"""Writes for initiatives. Every change is recorded in the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from denkraam.accounts.models import Membership, Organisation, User, role_rank
from denkraam.accounts.selectors import membership_highest_role
from denkraam.accounts.services import audit_record
from denkraam.initiatives.models import CHANNEL_LABELS, TARGET_GROUP_LABELS, Initiative
from denkraam.initiatives.selectors import initiative_can_edit

# Fields whose changes the audit log names, with their Dutch labels.
_TRACKED_FIELDS: dict[str, str] = {
    "name": "naam",
    "description": "beschrijving",
    "owner": "eigenaar",
    "target_groups": "doelgroepen",
    "target_group_other": "andere doelgroep",
    "channels": "kanalen",
    "life_event": "levensgebeurtenis",
    "status": "status",
    "is_published": "gepubliceerd",
    "partners": "partnerorganisaties",
}


def _clean_lists(*, channels: Iterable[str], target_groups: Iterable[str]) -> tuple[list[str], list[str]]:
    channels = list(dict.fromkeys(channels))
    target_groups = list(dict.fromkeys(target_groups))
    unknown = [c for c in channels if c not in CHANNEL_LABELS]
    unknown += [t for t in target_groups if t not in TARGET_GROUP_LABELS]
    if unknown:
        raise ValidationError(f"Onbekende waarde: {', '.join(unknown)}.")
    # Keep the fixed order of the lists so the same choice always looks and compares the same.
    return [c for c in CHANNEL_LABELS if c in channels], [t for t in TARGET_GROUP_LABELS if t in target_groups]


def _check_owner(*, user: User, owner: Organisation) -> None:
    role = membership_highest_role(user=user, organisations=[owner])
    if role_rank(role) < role_rank(Membership.Role.LID):
        raise PermissionDenied("U kunt alleen initiatieven vastleggen voor een organisatie waar u lid van bent.")


def _snapshot(initiative: Initiative) -> dict[str, object]:
    return {
        "name": initiative.name,
        "description": initiative.description,
        "owner": initiative.owner.name,
        "target_groups": list(initiative.target_groups),
        "target_group_other": initiative.target_group_other,
        "channels": list(initiative.channels),
        "life_event": initiative.life_event,
        "status": initiative.status,
        "is_published": initiative.is_published,
        "partners": sorted(org.name for org in initiative.partners.all()),
    }


class InitiativeFields(TypedDict, total=False):
    """The fields of an initiative besides its owner and name; one left out gets its default (see `_write`)."""

    description: str
    partners: Iterable[Organisation]
    target_groups: Iterable[str]
    target_group_other: str
    channels: Iterable[str]
    life_event: str
    status: str
    is_published: bool


def _write(
    initiative: Initiative,
    *,
    owner: Organisation,
    name: str,
    description: str = "",
    partners: Iterable[Organisation] = (),
    target_groups: Iterable[str] = (),
    target_group_other: str = "",
    channels: Iterable[str] = (),
    life_event: str = "",
    status: str = Initiative.Status.IDEE,
    is_published: bool = False,
) -> None:
    """Clean the values, put them on `initiative`, validate and save it, and set its partners (never the owner)."""
    channel_list, group_list = _clean_lists(channels=channels, target_groups=target_groups)
    initiative.name = name.strip()
    initiative.description = description.strip()
    initiative.owner = owner
    initiative.target_groups = group_list
    initiative.target_group_other = target_group_other.strip()
    initiative.channels = channel_list
    initiative.life_event = life_event.strip()
    initiative.status = status
    initiative.is_published = is_published
    initiative.full_clean()
    initiative.save()
    initiative.partners.set([org for org in partners if org.pk != owner.pk])


@transaction.atomic
def initiative_create(*, user: User, owner: Organisation, name: str, **fields: Unpack[InitiativeFields]) -> Initiative:
    """Create an initiative owned by one of the user's organisations (role lid or higher) and log it."""
    _check_owner(user=user, owner=owner)
    initiative = Initiative(created_by=user)
    _write(initiative, owner=owner, name=name, **fields)
    audit_record(
        actor=user,
        action="initiative.created",
        obj=initiative,
        organisation=owner,
        summary=f"Initiatief '{initiative.name}' aangemaakt.",
        data={"initiative_id": str(initiative.pk), "values": _snapshot(initiative)},
    )
    return initiative


@transaction.atomic
def initiative_update(
    *, user: User, initiative: Initiative, owner: Organisation, name: str, **fields: Unpack[InitiativeFields]
) -> Initiative:
    """Change an initiative (role lid or higher needed) and log which fields changed."""
    if not initiative_can_edit(user=user, initiative=initiative):
        raise PermissionDenied("U mag dit initiatief niet wijzigen.")
    if owner.pk != initiative.owner_id:
        _check_owner(user=user, owner=owner)
    before = _snapshot(initiative)
    _write(initiative, owner=owner, name=name, **fields)
    after = _snapshot(initiative)
    changed = [field for field in _TRACKED_FIELDS if before[field] != after[field]]
    if changed:
        labels = ", ".join(_TRACKED_FIELDS[field] for field in changed)
        audit_record(
            actor=user,
            action="initiative.updated",
            obj=initiative,
            organisation=owner,
            summary=f"Initiatief '{initiative.name}' gewijzigd: {labels}.",
            data={
                "initiative_id": str(initiative.pk),
                "changes": {field: {"oud": before[field], "nieuw": after[field]} for field in changed},
            },
        )
    return initiative
