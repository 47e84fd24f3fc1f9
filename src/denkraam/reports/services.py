"""Writes for reports: importing an assessment export (`denkraam.assessment-export/1`) into this denkraam.

Trust model: the file is a claim by whoever made it, not a source of identities. An import creates data for the
importing organisation only: the initiative (when new), the session, its answers, consensus and actions, all owned
by that organisation. The people and organisations the file names become plain text labels on those rows, such as
"Anna de Vries (UWV)"; an import never creates or links a user account, a membership, an organisation or a partner.
So a file can say anything about UWV, but only the importing organisation's own people ever see it, marked as read
in from a file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.accounts.services import audit_record
from denkraam.assessments.models import Action, Answer, Assessment, Consensus
from denkraam.initiatives.models import Initiative
from denkraam.reports.exports.validate import validate_export

NAME_LENGTH = 200  # the length of the name fields on answers, consensus, actions and the session


@dataclass(slots=True)
class ImportResult:
    """What an import created, for the person who ran it."""

    assessment: Assessment
    initiative_created: bool
    names: list[str] = field(default_factory=list)
    partners_left_out: list[str] = field(default_factory=list)
    publication_left_out: bool = False

    def lines(self) -> list[str]:
        """Short Dutch sentences about the result."""
        initiative = self.assessment.initiative
        lines = [f"Het gesprek '{self.assessment.title}' is ingelezen (id {self.assessment.pk})."]
        if self.initiative_created:
            lines.append(f"Het initiatief '{initiative.name}' is nieuw aangemaakt bij {initiative.owner.name}.")
        else:
            lines.append(f"Het gesprek hoort bij het bestaande initiatief '{initiative.name}'.")
        if self.names:
            lines.append(f"De mensen uit het bestand staan erin met hun naam, zonder account: {', '.join(self.names)}.")
        if self.partners_left_out:
            lines.append(
                f"Partners uit het bestand zijn geen partner geworden: {', '.join(self.partners_left_out)}. "
                "Een partner voegt u zelf toe bij het initiatief."
            )
        if self.publication_left_out:
            lines.append("Het initiatief is niet gepubliceerd. Dat kunt u zelf doen als u dat wilt.")
        return lines


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _person_labels(data: dict[str, Any]) -> dict[str, str]:
    """A text label per user name in the file: the name and, for a participant, the organisation the file gives.

    Two people with the same name keep apart by their user name in the file: "Anna (UWV) [anna2]".
    """
    organisation_names = {o["slug"]: o["name"] for o in data["organisations"]}
    organisation_of = {
        p["username"]: organisation_names.get(p.get("organisation") or "", "") for p in data["participants"]
    }
    labels: dict[str, str] = {}
    for user in data["users"]:
        username = user["username"]
        name = " ".join(f"{user.get('first_name', '')} {user.get('last_name', '')}".split()) or username
        organisation = organisation_of.get(username, "")
        labels[username] = f"{name} ({organisation})" if organisation else name
    count = Counter(labels.values())
    return {
        username: (f"{label} [{username}]" if count[label] > 1 else label)[:NAME_LENGTH]
        for username, label in labels.items()
    }


def _owner(*, data: dict[str, Any], organisation: Organisation | None) -> Organisation:
    if organisation is not None:
        return organisation
    slug = data["initiative"]["owner"]
    owner = Organisation.objects.filter(slug=slug).first()
    if owner is None:
        raise ValidationError(
            f"Het bestand noemt als eigenaar de organisatie '{slug}', maar die bestaat hier niet. "
            "Kies de organisatie van hier waar het gesprek bij hoort (met --organisation). Er is niets veranderd."
        )
    return owner


@transaction.atomic
def assessment_import(
    *, data: dict[str, Any], organisation: Organisation | None = None, actor: User | None = None
) -> ImportResult:
    """Import an assessment export into `organisation` (the exported owner's slug, when None: an operator's choice).

    The session, its answers, consensus and actions, and the initiative when it is new, all belong to that
    organisation. Everyone the file names becomes a text label (`person_name`, `decided_by_name`,
    `facilitator_name`, an action's `owner_name`); no user, membership, organisation or partner is created or
    linked, and a new initiative is never published. An existing initiative (same id) must already belong to the
    organisation. Raises ValidationError with every problem in Dutch; a session or action id that exists here is
    refused, so importing the same file twice never duplicates anything. All or nothing: on any error nothing is
    stored.
    """
    problems, frame = validate_export(data)
    if problems or frame is None:
        raise ValidationError(problems or ["Het denkraam van dit bestand is hier niet bekend."])
    spec, a = data["initiative"], data["assessment"]
    assessment_id = uuid.UUID(a["id"])
    if Assessment.objects.filter(pk=assessment_id).exists():
        raise ValidationError(f"Dit gesprek is al eerder ingelezen (id {assessment_id}). Er is niets veranderd.")
    owner = _owner(data=data, organisation=organisation)
    initiative = Initiative.objects.filter(pk=uuid.UUID(spec["id"])).first()
    if initiative is not None and initiative.owner_id != owner.pk:
        raise ValidationError(
            f"Het initiatief in dit bestand (id {initiative.pk}) hoort hier bij een andere organisatie dan "
            f"{owner.name}. Een gesprek inlezen kan alleen bij een initiatief van uw eigen organisatie. "
            "Er is niets veranderd."
        )

    labels = _person_labels(data)

    def label(username: str | None, name: str = "") -> str:
        return labels[username] if username else name.strip()[:NAME_LENGTH]

    answer_rows = [(label(item["username"], item.get("person_name", "")), item) for item in data["answers"]]
    # The check of the file compares user names; here a name from one answer can still meet the same name from
    # another (a user "Anna (UWV)" and an earlier import's "Anna (UWV)").
    answered = Counter((who, item["question_id"]) for who, item in answer_rows)
    problems = [
        f"answers: {who} heeft de vraag '{question_id}' twee keer beantwoord."
        for (who, question_id), times in sorted(answered.items())
        if times > 1
    ]
    action_ids = {uuid.UUID(item["id"]): index for index, item in enumerate(data["actions"])}
    problems += [
        f"actions[{action_ids[pk]}].id: deze actie bestaat hier al (id {pk})."
        for pk in Action.objects.filter(pk__in=list(action_ids)).values_list("pk", flat=True)
    ]
    if problems:
        raise ValidationError([*problems, "Er is niets veranderd."])

    initiative_created = initiative is None
    if initiative is None:
        initiative = Initiative.objects.create(
            id=uuid.UUID(spec["id"]),
            name=spec["name"],
            description=spec.get("description", ""),
            owner=owner,
            target_groups=spec["target_groups"],
            target_group_other=spec.get("target_group_other", ""),
            channels=spec["channels"],
            life_event=spec.get("life_event", ""),
            status=spec["status"],
            is_published=False,
        )
        if spec.get("created_at"):
            Initiative.objects.filter(pk=initiative.pk).update(created_at=_when(spec["created_at"]))

    assessment = Assessment.objects.create(
        id=assessment_id,
        initiative=initiative,
        title=a["title"],
        frame_id=frame.id,
        frame_version=frame.version,
        status=a["status"],
        facilitator=None,
        facilitator_name=label(a["facilitator"], a.get("facilitator_name", "")),
        anonymous=a.get("anonymous", False),
        question_set=a.get("question_set", ""),
        question_ids=list(a.get("question_ids", [])),
        # A file from before workshop mode has no time box: the model's defaults.
        **{key: a[key] for key in ("time_box_minutes", "item_minutes") if key in a},
        imported_at=timezone.now(),
        opened_at=_when(a.get("opened_at")),
        revealed_at=_when(a.get("revealed_at")),
        closed_at=_when(a.get("closed_at")),
    )
    # created_at and updated_at are set automatically on save; write the exported moments afterwards.
    Assessment.objects.filter(pk=assessment.pk).update(created_at=dt.datetime.fromisoformat(a["created_at"]))

    answers = Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            user=None,
            person_name=who,
            question_id=item["question_id"],
            rating=item["rating"],
            reason=item.get("reason", ""),
            note=item.get("note", ""),
            evidence_url=item.get("evidence_url", ""),
        )
        for who, item in answer_rows
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
            decided_by=None,
            decided_by_name=label(item["decided_by"], item.get("decided_by_name", "")),
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
            owner=None,
            owner_name=label(item.get("owner"), item.get("owner_name", "")),
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
    names = sorted({who for who, _ in answer_rows} | ({assessment.facilitator_name} - {""}))
    audit_record(
        actor=actor,
        action="assessment.imported",
        obj=assessment,
        summary=f"Het gesprek '{assessment.title}' is ingelezen uit een export.",
        organisation=owner,
        data={
            "assessment_id": str(assessment.pk),
            "initiative_id": str(initiative.pk),
            "initiative_created": initiative_created,
            "answers": len(answers),
            "actions": len(actions),
        },
    )
    organisation_names = {o["slug"]: o["name"] for o in data["organisations"]}
    return ImportResult(
        assessment=assessment,
        initiative_created=initiative_created,
        names=names,
        partners_left_out=(
            sorted(organisation_names[slug] for slug in spec["partners"] if slug != owner.slug)
            if initiative_created
            else []
        ),
        publication_left_out=initiative_created and bool(spec.get("is_published")),
    )


def assessment_import_by_user(*, data: dict[str, Any], organisation: Organisation, actor: User) -> ImportResult:
    """Import through the web app: a beheerder of `organisation` reads an export into their organisation.

    The import itself only ever writes for `organisation` (see `assessment_import`): an existing initiative must
    be one of its own, and the people in the file stay names.
    """
    if not Membership.objects.filter(user=actor, organisation=organisation, role=Membership.Role.BEHEERDER).exists():
        raise PermissionDenied("Alleen een beheerder van de organisatie mag een gesprek inlezen.")
    return assessment_import(data=data, organisation=organisation, actor=actor)
