"""A complete assessment as JSON, in the stable format `denkraam.assessment-export/1` (see docs/export-schema.md).

People appear by user name and organisations by name and slug, never by database id. A session that was itself
read in from a file has no accounts behind its people: they appear with a null user name and the name they were
given (`person_name`, `decided_by_name`, `facilitator_name`). The ids of the initiative, the assessment and the
actions are kept: importing the same file twice is refused by the assessment id, and a later assessment of the same
initiative lands in the same place when that initiative belongs to the importing organisation.

An anonymous session (`assessment.anonymous`) is exported the way its report shows it: no users and no
participants, answers by their number ("Deelnemer 1" in `person_name`), no name for the facilitator, for who
recorded a consensus, or for an action's owner with an account; the organisations that took part stay as a list.
Read in elsewhere, it is again an anonymous session whose people are those numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from denkraam import __version__
from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.initiatives.models import Initiative
from denkraam.reports.anonymity import HIDDEN_FACILITATOR, HIDDEN_OTHER, PeopleNames, people_names

SCHEMA_ID = "denkraam.assessment-export/1"


def iso(value: dt.datetime | dt.date | None) -> str | None:
    """ISO 8601; date-times in UTC with offset, so every instance reads them the same way."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value.isoformat()


def _user(user: User) -> dict[str, str]:
    return {"username": user.get_username(), "first_name": user.first_name, "last_name": user.last_name}


def _username(user: User | None) -> str | None:
    return user.get_username() if user is not None else None


def _organisation(org: Organisation) -> dict[str, str]:
    return {"name": org.name, "slug": org.slug}


def assessment_export(*, assessment: Assessment, exported_by: str = "") -> dict[str, Any]:
    """The whole assessment as a JSON-ready dict: initiative, organisations, people, answers, consensus, actions.

    The caller decides who may export (the web view requires the answers to be revealed; the CLI is an operator).
    """
    initiative = (
        Initiative.objects.select_related("owner").prefetch_related("partners").get(pk=assessment.initiative_id)
    )
    participants = list(
        Participant.objects.filter(assessment=assessment).select_related("user", "organisation", "invited_by")
    )
    answers = list(Answer.objects.filter(assessment=assessment).select_related("user"))
    consensus = list(Consensus.objects.filter(assessment=assessment).select_related("decided_by"))
    actions = list(Action.objects.filter(assessment=assessment).select_related("owner").order_by("created_at", "id"))

    organisations = {initiative.owner.slug: initiative.owner}
    organisations.update({org.slug: org for org in initiative.partners.all()})
    organisations.update({p.organisation.slug: p.organisation for p in participants if p.organisation is not None})
    names = people_names(assessment=assessment)
    users: dict[str, User] = {}
    for person in (
        [assessment.facilitator]
        + [p.user for p in participants]
        + [p.invited_by for p in participants]
        + [a.user for a in answers]
        + [c.decided_by for c in consensus]
        + [a.owner for a in actions]
    ):
        if person is not None:
            users.setdefault(person.get_username(), person)
    if names.anonymous:
        return _anonymous(
            _export(
                assessment=assessment,
                initiative=initiative,
                organisations=organisations,
                users={},
                participants=[],
                answers=answers,
                consensus=consensus,
                actions=actions,
                exported_by="",
            ),
            answers=answers,
            actions=actions,
            names=names,
        )
    return _export(
        assessment=assessment,
        initiative=initiative,
        organisations=organisations,
        users=users,
        participants=participants,
        answers=answers,
        consensus=consensus,
        actions=actions,
        exported_by=exported_by,
    )


def _anonymous(
    data: dict[str, Any], *, answers: list[Answer], actions: list[Action], names: PeopleNames
) -> dict[str, Any]:
    """The export with numbers for people and no names (see the module's docstring)."""
    data["assessment"].update(facilitator=None, facilitator_name=HIDDEN_FACILITATOR)
    by_key = {(a.question_id, _username(a.user), a.person_name): names.of_answer(a) for a in answers}
    for item in data["answers"]:
        number = by_key[(item["question_id"], item["username"], item["person_name"])]
        item.update(username=None, person_name=number)
    data["answers"].sort(key=lambda a: (a["question_id"], a["person_name"]))
    for item in data["consensus"]:
        item.update(decided_by=None, decided_by_name=HIDDEN_OTHER)
    owners = {str(a.pk): names.of_owner(a) for a in actions}
    for item in data["actions"]:
        item.update(owner=None, owner_name=owners[item["id"]])
    return data


def _export(
    *,
    assessment: Assessment,
    initiative: Initiative,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    participants: list[Participant],
    answers: list[Answer],
    consensus: list[Consensus],
    actions: list[Action],
    exported_by: str,
) -> dict[str, Any]:

    return {
        "schema": SCHEMA_ID,
        "exported_at": iso(dt.datetime.now(dt.UTC)),
        "exported_by": exported_by,
        "source": {"denkraam_version": __version__},
        "frame": {"id": assessment.frame_id, "version": assessment.frame_version},
        "organisations": [_organisation(organisations[slug]) for slug in sorted(organisations)],
        "users": [_user(users[name]) for name in sorted(users)],
        "initiative": {
            "id": str(initiative.pk),
            "name": initiative.name,
            "description": initiative.description,
            "owner": initiative.owner.slug,
            "partners": sorted(org.slug for org in initiative.partners.all()),
            "target_groups": list(initiative.target_groups),
            "target_group_other": initiative.target_group_other,
            "channels": list(initiative.channels),
            "life_event": initiative.life_event,
            "status": initiative.status,
            "is_published": initiative.is_published,
            "created_at": iso(initiative.created_at),
        },
        "assessment": {
            "id": str(assessment.pk),
            "title": assessment.title,
            "status": assessment.status,
            "facilitator": _username(assessment.facilitator),
            "facilitator_name": assessment.facilitator_name,
            "anonymous": assessment.anonymous,
            "question_set": assessment.question_set,
            "question_ids": list(assessment.question_ids),
            "time_box_minutes": assessment.time_box_minutes,
            "item_minutes": assessment.item_minutes,
            "created_at": iso(assessment.created_at),
            "opened_at": iso(assessment.opened_at),
            "revealed_at": iso(assessment.revealed_at),
            "closed_at": iso(assessment.closed_at),
        },
        "participants": sorted(
            (
                {
                    "username": p.user.get_username(),
                    "organisation": p.organisation.slug if p.organisation else None,
                    "invited_by": p.invited_by.get_username() if p.invited_by else None,
                    "created_at": iso(p.created_at),
                }
                for p in participants
            ),
            key=lambda p: p["username"],
        ),
        "answers": sorted(
            (
                {
                    "username": _username(a.user),
                    "person_name": a.person_name,
                    "question_id": a.question_id,
                    "rating": a.rating,
                    "reason": a.reason,
                    "note": a.note,
                    "evidence_url": a.evidence_url,
                    "updated_at": iso(a.updated_at),
                }
                for a in answers
            ),
            key=lambda a: (a["question_id"], a["username"] or "", a["person_name"]),
        ),
        "consensus": sorted(
            (
                {
                    "question_id": c.question_id,
                    "rating": c.rating,
                    "rationale": c.rationale,
                    "decided_by": _username(c.decided_by),
                    "decided_by_name": c.decided_by_name,
                    "updated_at": iso(c.updated_at),
                }
                for c in consensus
            ),
            key=lambda c: c["question_id"],
        ),
        "actions": [
            {
                "id": str(a.pk),
                "title": a.title,
                "description": a.description,
                "question_ids": list(a.question_ids),
                "owner": a.owner.get_username() if a.owner else None,
                "owner_name": a.owner_name,
                "due_date": iso(a.due_date),
                "status": a.status,
                "created_at": iso(a.created_at),
                "updated_at": iso(a.updated_at),
            }
            for a in actions
        ],
    }
