"""Writes for reports: importing an assessment export (`denkraam.assessment-export/1`) into this denkraam."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.accounts.services import audit_record
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.selectors import initiative_can_edit
from denkraam.reports.exports.validate import validate_export


@dataclass(slots=True)
class ImportResult:
    """What an import created, for the person who ran it."""

    assessment: Assessment
    initiative_created: bool
    organisations_created: list[str] = field(default_factory=list)
    users_created: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Short Dutch sentences about the result."""
        lines = [f"Het gesprek '{self.assessment.title}' is ingelezen (id {self.assessment.pk})."]
        if self.initiative_created:
            lines.append(f"Het initiatief '{self.assessment.initiative.name}' is nieuw aangemaakt.")
        else:
            lines.append(f"Het gesprek hoort bij het bestaande initiatief '{self.assessment.initiative.name}'.")
        if self.organisations_created:
            lines.append(f"Nieuwe organisaties: {', '.join(self.organisations_created)}.")
        if self.users_created:
            lines.append(
                f"Nieuwe gebruikers (zonder wachtwoord, ze kunnen nog niet inloggen): {', '.join(self.users_created)}."
            )
        return lines


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@transaction.atomic
def assessment_import(
    *, data: dict[str, Any], organisation: Organisation | None = None, actor: User | None = None
) -> ImportResult:
    """Import an assessment export: organisations and users are created when missing, by slug and user name.

    New users get no usable password: they appear as names, and an administrator decides who may log in.
    `organisation` (optional) becomes the owner of a newly created initiative instead of the exported owner.
    Raises ValidationError with every problem in Dutch; importing an assessment that already exists here (same
    id) is refused, so importing the same file twice never duplicates anything. All or nothing: on any error
    nothing is stored.
    """
    problems, frame = validate_export(data)
    if problems or frame is None:
        raise ValidationError(problems or ["Het denkraam van dit bestand is hier niet bekend."])
    assessment_id = uuid.UUID(data["assessment"]["id"])
    if Assessment.objects.filter(pk=assessment_id).exists():
        raise ValidationError(f"Dit gesprek is al eerder ingelezen (id {assessment_id}). Er is niets veranderd.")

    result_orgs: list[str] = []
    orgs: dict[str, Organisation] = {}
    for item in data["organisations"]:
        org, created = Organisation.objects.get_or_create(slug=item["slug"], defaults={"name": item["name"]})
        orgs[org.slug] = org
        if created:
            result_orgs.append(org.name)

    result_users: list[str] = []
    users: dict[str, User] = {}
    for item in data["users"]:
        user = User.objects.filter(username=item["username"]).first()
        if user is None:
            user = User(
                username=item["username"], first_name=item.get("first_name", ""), last_name=item.get("last_name", "")
            )
            user.set_unusable_password()
            user.save()
            result_users.append(user.username)
        users[user.username] = user

    spec = data["initiative"]
    initiative = Initiative.objects.filter(pk=uuid.UUID(spec["id"])).first()
    initiative_created = initiative is None
    if initiative is None:
        initiative = Initiative.objects.create(
            id=uuid.UUID(spec["id"]),
            name=spec["name"],
            description=spec.get("description", ""),
            owner=organisation or orgs[spec["owner"]],
            target_groups=spec["target_groups"],
            target_group_other=spec.get("target_group_other", ""),
            channels=spec["channels"],
            life_event=spec.get("life_event", ""),
            status=spec["status"],
            is_published=spec.get("is_published", False),
        )
        initiative.partners.set([orgs[slug] for slug in spec["partners"]])
        if spec.get("created_at"):
            Initiative.objects.filter(pk=initiative.pk).update(created_at=_when(spec["created_at"]))

    a = data["assessment"]
    assessment = Assessment.objects.create(
        id=assessment_id,
        initiative=initiative,
        title=a["title"],
        frame_id=frame.id,
        frame_version=frame.version,
        status=a["status"],
        facilitator=users[a["facilitator"]],
        opened_at=_when(a.get("opened_at")),
        revealed_at=_when(a.get("revealed_at")),
        closed_at=_when(a.get("closed_at")),
    )
    # created_at and updated_at are set automatically on save; write the exported moments afterwards.
    Assessment.objects.filter(pk=assessment.pk).update(created_at=dt.datetime.fromisoformat(a["created_at"]))

    participants = Participant.objects.bulk_create(
        Participant(
            assessment=assessment,
            user=users[p["username"]],
            organisation=orgs.get(p["organisation"]) if p.get("organisation") else None,
            invited_by=users.get(p["invited_by"]) if p.get("invited_by") else None,
        )
        for p in data["participants"]
    )
    for participant, p in zip(participants, data["participants"], strict=True):
        participant.created_at = dt.datetime.fromisoformat(p["created_at"])
    Participant.objects.bulk_update(participants, ["created_at"])

    answers = Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            user=users[item["username"]],
            question_id=item["question_id"],
            rating=item["rating"],
            reason=item.get("reason", ""),
            note=item.get("note", ""),
            evidence_url=item.get("evidence_url", ""),
        )
        for item in data["answers"]
    )
    for answer, item in zip(answers, data["answers"], strict=True):
        answer.updated_at = dt.datetime.fromisoformat(item["updated_at"])
    Answer.objects.bulk_update(answers, ["updated_at"], batch_size=500)

    consensus = Consensus.objects.bulk_create(
        Consensus(
            assessment=assessment,
            question_id=item["question_id"],
            rating=item["rating"],
            rationale=item["rationale"],
            decided_by=users[item["decided_by"]],
        )
        for item in data["consensus"]
    )
    for row, item in zip(consensus, data["consensus"], strict=True):
        row.updated_at = dt.datetime.fromisoformat(item["updated_at"])
    Consensus.objects.bulk_update(consensus, ["updated_at"])

    actions = Action.objects.bulk_create(
        Action(
            id=uuid.UUID(item["id"]),
            assessment=assessment,
            question_ids=item.get("question_ids", []),
            title=item["title"],
            description=item.get("description", ""),
            owner=users.get(item["owner"]) if item.get("owner") else None,
            owner_name=item.get("owner_name", ""),
            due_date=dt.date.fromisoformat(item["due_date"]) if item.get("due_date") else None,
            status=item["status"],
        )
        for item in data["actions"]
    )
    for action, item in zip(actions, data["actions"], strict=True):
        action.created_at = dt.datetime.fromisoformat(item["created_at"])
        action.updated_at = dt.datetime.fromisoformat(item["updated_at"])
    Action.objects.bulk_update(actions, ["created_at", "updated_at"])

    assessment.refresh_from_db()
    audit_record(
        actor=actor,
        action="assessment.imported",
        obj=assessment,
        summary=f"Het gesprek '{assessment.title}' is ingelezen uit een export.",
        organisation=initiative.owner,
        data={"assessment_id": str(assessment.pk), "initiative_id": str(initiative.pk)},
    )
    return ImportResult(
        assessment=assessment,
        initiative_created=initiative_created,
        organisations_created=result_orgs,
        users_created=result_users,
    )


def assessment_import_by_user(*, data: dict[str, Any], organisation: Organisation, actor: User) -> ImportResult:
    """Import through the web app: a beheerder of `organisation` reads an export into their organisation.

    Stricter than the operator import: the initiative must be new or one the actor may edit, and every user name
    in the file must be new here or belong to a member of `organisation`. Otherwise a file could put words in the
    mouth of someone elsewhere, or add an assessment to another organisation's initiative.
    """
    if not Membership.objects.filter(user=actor, organisation=organisation, role=Membership.Role.BEHEERDER).exists():
        raise PermissionDenied("Alleen een beheerder van de organisatie mag een gesprek inlezen.")
    problems, _ = validate_export(data)
    if problems:
        raise ValidationError(problems)
    existing = Initiative.objects.filter(pk=data["initiative"]["id"]).first()
    if existing is not None and not initiative_can_edit(user=actor, initiative=existing):
        raise ValidationError("Het initiatief in dit bestand bestaat hier al, bij een organisatie waar u niet werkt.")
    names = [u["username"] for u in data["users"]]
    members = set(
        Membership.objects.filter(organisation=organisation, user__username__in=names).values_list(
            "user__username", flat=True
        )
    )
    strangers = sorted(set(User.objects.filter(username__in=names).values_list("username", flat=True)) - members)
    if strangers:
        raise ValidationError(
            f"Deze gebruikers bestaan hier al, maar niet bij {organisation.name}: {', '.join(strangers)}. "
            "Vraag de beheerder van denkraam om het bestand in te lezen met 'denkraam report import'."
        )
    return assessment_import(data=data, organisation=organisation, actor=actor)
