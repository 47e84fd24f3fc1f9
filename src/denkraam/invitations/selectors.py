"""Reads for invitations: by token (the accept page), per session and per organisation (the lists of who is invited)."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from denkraam.accounts.models import Organisation
from denkraam.assessments.models import Assessment
from denkraam.invitations.models import Invitation
from denkraam.invitations.services import invitation_token_hash


def invitation_get_by_token(*, token: str) -> Invitation | None:
    """The invitation whose link holds `token` (whatever its state), or None. Looked up by hash only."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related(
            "assessment__initiative__owner", "assessment__facilitator", "organisation", "invited_by", "accepted_by"
        )
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


def invitation_list_for_assessment(*, assessment: Assessment) -> QuerySet[Invitation]:
    """Every e-mail invitation to this session, newest first, with who accepted it."""
    return Invitation.objects.filter(assessment=assessment).select_related("invited_by", "accepted_by")


def invitation_list_for_organisation(*, organisation: Organisation) -> QuerySet[Invitation]:
    """Every e-mail invitation to this organisation, newest first, with who accepted it."""
    return Invitation.objects.filter(organisation=organisation).select_related("invited_by", "accepted_by")


def invitation_get_for_assessment(*, assessment: Assessment, invitation_id: uuid.UUID | str) -> Invitation:
    """One invitation of this session; Http404 for an id of another session or of nobody."""
    try:
        pk = uuid.UUID(str(invitation_id))
    except ValueError as exc:
        raise Http404("Deze uitnodiging bestaat niet.") from exc
    invitation = invitation_list_for_assessment(assessment=assessment).filter(pk=pk).first()
    if invitation is None:
        raise Http404("Deze uitnodiging bestaat niet.")
    invitation.assessment = assessment
    return invitation


def invitation_get_for_organisation(*, organisation: Organisation, invitation_id: uuid.UUID | str) -> Invitation:
    """One invitation of this organisation; Http404 for an id of another organisation or of nobody."""
    try:
        pk = uuid.UUID(str(invitation_id))
    except ValueError as exc:
        raise Http404("Deze uitnodiging bestaat niet.") from exc
    invitation = invitation_list_for_organisation(organisation=organisation).filter(pk=pk).first()
    if invitation is None:
        raise Http404("Deze uitnodiging bestaat niet.")
    invitation.organisation = organisation
    return invitation
