"""Writes for assessments. Each checks the user's rights and the assessment's stage, and writes an audit line.

Stages: voorbereiding (invite) → open (answer blind) → onthuld (discuss, consensus, actions) → gesloten (read only).
Errors are raised as ValidationError (Dutch, for the person) or PermissionDenied (rights).
"""

from __future__ import annotations

from denkraam.assessments.services._common import CLOSED
from denkraam.assessments.services.actions import (
    ACTION_FIELD_NAMES,
    action_create,
    action_delete,
    action_status_set,
    action_update,
)
from denkraam.assessments.services.answers import answer_clear, answer_save, consensus_save
from denkraam.assessments.services.session import (
    REMOVE_TOO_LATE,
    SETUP_TOO_LATE,
    Setup,
    assessment_close,
    assessment_close_check,
    assessment_create,
    assessment_open,
    assessment_remind,
    assessment_reveal,
    assessment_reveal_check,
    assessment_setup_update,
    participant_invite,
    participant_remove,
    participant_remove_check,
)

__all__ = [
    "ACTION_FIELD_NAMES",
    "CLOSED",
    "REMOVE_TOO_LATE",
    "SETUP_TOO_LATE",
    "Setup",
    "action_create",
    "action_delete",
    "action_status_set",
    "action_update",
    "answer_clear",
    "answer_save",
    "assessment_close",
    "assessment_close_check",
    "assessment_create",
    "assessment_open",
    "assessment_remind",
    "assessment_reveal",
    "assessment_setup_update",
    "assessment_reveal_check",
    "consensus_save",
    "participant_invite",
    "participant_remove",
    "participant_remove_check",
]
