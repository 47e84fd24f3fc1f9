"""Reads about who may do what in an assessment, its participants, progress and one's own answers.

Blindness: `answer_list_visible` returns only the user's own answers before the reveal."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from denkraam.accounts.models import Membership, User, role_rank
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.framework import (
    Frame,
    Principle,
    Question,
    find_bundled_frame,
    load_frame,
)
from denkraam.initiatives.models import Initiative


def assessment_frame(*, assessment: Assessment) -> Frame:
    """The frame (and version) the assessment was started with; the bundled default when it cannot be found."""
    return find_bundled_frame(assessment.frame_id, assessment.frame_version) or load_frame()


def assessment_questions(*, assessment: Assessment, frame: Frame | None = None) -> tuple[Question, ...]:
    """The questions this session covers, in frame order: the selection made at set-up, else the whole frame.

    Ids that the frame no longer has are left out, so a session keeps working when its frame file changed.
    """
    frame = frame or assessment_frame(assessment=assessment)
    if not assessment.question_ids:
        return frame.questions()
    chosen = set(assessment.question_ids)
    return tuple(q for q in frame.questions() if q.id in chosen)


def assessment_principles(*, assessment: Assessment, frame: Frame | None = None) -> tuple[Principle, ...]:
    """The frame's principles as this session covers them: each with only the chosen questions, empty ones left out.

    The questionnaire shows one of these per page, so a participant answers only the session's questions.
    """
    frame = frame or assessment_frame(assessment=assessment)
    chosen = {q.id for q in assessment_questions(assessment=assessment, frame=frame)}
    principles = []
    for principle in frame.principles():
        questions = tuple(q for q in principle.questions if q.id in chosen)
        if questions:
            principles.append(dataclasses.replace(principle, questions=questions))
    return tuple(principles)


# Where a session's questions came from (Assessment.question_set): the whole frame, or picked by hand.
WHOLE_FRAME = ""
OWN_SELECTION = "eigen"


@dataclass(frozen=True, slots=True)
class QuestionScope:
    """Which questions a session covers, in words for the page: "Snelle scan (12 vragen)"."""

    set_id: str
    title: str
    description: str
    count: int

    @property
    def label(self) -> str:
        return f"{self.title} ({self.count} {'vraag' if self.count == 1 else 'vragen'})"


def assessment_scope(*, assessment: Assessment, frame: Frame | None = None) -> QuestionScope:
    """The session's question set by name and size; a set the frame no longer has keeps its stored id as name."""
    frame = frame or assessment_frame(assessment=assessment)
    count = len(assessment_questions(assessment=assessment, frame=frame))
    set_id = assessment.question_set
    if set_id == WHOLE_FRAME or not assessment.question_ids:
        return QuestionScope(WHOLE_FRAME, "Hele denkraam", "Alle vragen van het denkraam.", count)
    if set_id == OWN_SELECTION:
        return QuestionScope(set_id, "Eigen keuze", "Vragen die de gespreksleider zelf heeft gekozen.", count)
    try:
        named = frame.question_set(set_id)
    except KeyError:
        return QuestionScope(set_id, set_id, "", count)
    return QuestionScope(set_id, named.title, named.description, count)


@dataclass(frozen=True, slots=True)
class AssessmentAccess:
    """What one user may do in one assessment; computed once per request."""

    can_view: bool
    is_participant: bool
    is_facilitator: bool
    can_manage: bool
    can_answer: bool
    can_act: bool
    # A member of the initiative's owner or partner organisations (lezer or higher). Everyone else who may view is a
    # guest: a participant (or facilitator) from elsewhere, who sees this session and nothing else of the initiative.
    is_member: bool = False
    # May open the initiative's page: members, and every logged-in user when it is published.
    sees_initiative: bool = False

    @property
    def is_guest(self) -> bool:
        return self.can_view and not self.is_member

    @property
    def sees_evidence(self) -> bool:
        """The initiative's evidence is for members only (evidence.selectors.evidence_can_view), never for guests."""
        return self.is_member


def _initiative_roles(*, user: User, initiative: Initiative) -> tuple[str | None, str | None]:
    """The user's highest role across the owner and partner organisations, and the role in the owner alone.

    One query for what `initiative_role_for_user` and `initiative_owner_role_for_user` give in three: every
    assessment page asks this on each request (the overview also every 5 seconds while it polls).
    """
    partner_ids = Initiative.partners.through.objects.filter(initiative_id=initiative.pk).values("organisation_id")
    roles = list(
        Membership.objects.filter(user=user)
        .filter(Q(organisation_id=initiative.owner_id) | Q(organisation_id__in=partner_ids))
        .order_by()  # the default order joins organisations and users for nothing here
        .values_list("organisation_id", "role")
    )
    highest = max((r for _, r in roles), key=role_rank, default=None)
    owner = max((r for org, r in roles if org == initiative.owner_id), key=role_rank, default=None)
    return highest, owner


def assessment_access(*, user: User, assessment: Assessment) -> AssessmentAccess:
    """Participants, the facilitator and members (lezer or higher) of the initiative's organisations may look.

    Managing (invite, open, reveal, consensus, close) is for the facilitator and for begeleiders and beheerders of
    the owner organisation. Someone who may look without being a member of those organisations is a guest: they see
    this session and what it shows, nothing else of the initiative unless it is published (then what every logged-in
    user sees of it). Answering is for participants while the assessment is open; actions are for
    participants and managers while it is not closed.
    """
    if not user.is_authenticated:
        return AssessmentAccess(False, False, False, False, False, False)
    is_facilitator = assessment.facilitator_id == user.pk
    is_participant = Participant.objects.filter(assessment=assessment, user=user).exists()
    role, owner_role = _initiative_roles(user=user, initiative=assessment.initiative)
    can_manage = is_facilitator or role_rank(owner_role) >= role_rank(Membership.Role.BEGELEIDER)
    can_view = is_facilitator or is_participant or role_rank(role) >= role_rank(Membership.Role.LEZER)
    status = assessment.status
    return AssessmentAccess(
        can_view=can_view,
        is_participant=is_participant,
        is_facilitator=is_facilitator,
        can_manage=can_manage,
        can_answer=is_participant and status == Assessment.Status.OPEN,
        can_act=(is_participant or can_manage) and status in {Assessment.Status.OPEN, Assessment.Status.ONTHULD},
        is_member=role is not None,
        sees_initiative=role is not None or assessment.initiative.is_published,
    )


def assessment_get_for_user(*, user: User, assessment_id: uuid.UUID | str) -> tuple[Assessment, AssessmentAccess]:
    """One assessment the user may see, with the user's rights; Http404 for everyone else (never a hint)."""
    try:
        pk = uuid.UUID(str(assessment_id))
    except ValueError as exc:
        raise Http404("Dit gesprek bestaat niet.") from exc
    assessment = (
        Assessment.objects.select_related("initiative__owner", "facilitator").filter(pk=pk).first()
        if user.is_authenticated
        else None
    )
    if assessment is None:
        raise Http404("Dit gesprek bestaat niet of u heeft er geen toegang toe.")
    access = assessment_access(user=user, assessment=assessment)
    if not access.can_view:
        raise Http404("Dit gesprek bestaat niet of u heeft er geen toegang toe.")
    return assessment, access


def assessment_list_visible(*, user: User, initiative_ids: Iterable[Any] | QuerySet[Any]) -> QuerySet[Assessment]:
    """The assessments of these initiatives (ids, or a values("id") queryset) that the user may see, each once.

    Members of an initiative's owner or partner organisations (every role, lezer being the lowest) see all its
    assessments; everyone else only those they take part in or lead.
    """
    if not user.is_authenticated:
        return Assessment.objects.none()
    org_ids = Membership.objects.filter(user=user).values("organisation_id")
    rule = (
        Q(initiative__owner_id__in=org_ids)
        | Q(initiative__partners__in=org_ids)
        | Q(facilitator=user)
        | Q(participants__user=user)
    )
    # Joins on partners and participants repeat rows; select the ids first, then the assessments once.
    ids = Assessment.objects.filter(initiative_id__in=initiative_ids).filter(rule).values("id")
    return Assessment.objects.filter(id__in=ids)


def assessment_list_for_initiative(*, user: User, initiative: Initiative) -> QuerySet[Assessment]:
    """The initiative's assessments this user may see, newest first, with participant counts."""
    return (
        assessment_list_visible(user=user, initiative_ids=[initiative.pk])
        .select_related("facilitator")
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-created_at")
    )


def participant_list(*, assessment: Assessment) -> QuerySet[Participant]:
    """Participants with their user and organisation, in invitation order."""
    return Participant.objects.filter(assessment=assessment).select_related("user", "organisation", "invited_by")


def participant_names(*, assessment: Assessment) -> list[str]:
    """Everyone who takes part, as names: "Anna (UWV)" for a participant with an organisation.

    A session read in from a file has no participants with an account; its people are the names on its answers.
    Names only, never ratings: safe before the reveal (the progress table shows the same people).
    """
    names = []
    for p in participant_list(assessment=assessment):
        name = p.user.get_full_name() or p.user.get_username()
        # A guest's organisation outside denkraam is the name the facilitator gave with the invitation.
        organisation = p.organisation.name if p.organisation is not None else p.organisation_name
        names.append(f"{name} ({organisation})" if organisation else name)
    if assessment.imported_at is not None:
        names += list(
            Answer.objects.filter(assessment=assessment, user__isnull=True)
            .order_by("person_name")
            .values_list("person_name", flat=True)
            .distinct()
        )
    return names


def participant_get(*, assessment: Assessment, participant_id: int | str) -> Participant:
    """One participant of this assessment, with user; Http404 when the id belongs elsewhere or to nobody."""
    participant = (
        Participant.objects.select_related("user", "organisation").filter(assessment=assessment, pk=participant_id)
    ).first()
    if participant is None:
        raise Http404("Deze deelnemer bestaat niet.")
    return participant


def participant_answer_count(*, participant: Participant) -> int:
    """How many questions this participant answered (a count only: safe to show the facilitator before the reveal)."""
    # Every answer, also one to a question that left the frame: this is the count of what removing them deletes.
    return Answer.objects.filter(assessment_id=participant.assessment_id, user_id=participant.user_id).count()


def action_get(*, assessment: Assessment, action_id: uuid.UUID | str) -> Action:
    """One action of this assessment; Http404 for an unknown id or one of another assessment."""
    try:
        pk = uuid.UUID(str(action_id))
    except ValueError as exc:
        raise Http404("Deze actie bestaat niet.") from exc
    action = Action.objects.select_related("owner").filter(pk=pk, assessment=assessment).first()
    if action is None:
        raise Http404("Deze actie bestaat niet.")
    return action


def action_list(*, assessment: Assessment) -> QuerySet[Action]:
    return Action.objects.filter(assessment=assessment).select_related("owner")


@dataclass(frozen=True, slots=True)
class ParticipantProgress:
    participant: Participant
    answered: int
    total: int
    # Ready for the page: the progress table lists every participant and is polled every 5 seconds.
    name: str
    username: str
    organisation_name: str

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def assessment_progress(*, assessment: Assessment) -> list[ParticipantProgress]:
    """How many of the session's questions each participant has answered; counts only, never ratings."""
    question_ids = [q.id for q in assessment_questions(assessment=assessment)]
    total = len(question_ids)
    counts = dict(
        Answer.objects.filter(assessment=assessment, question_id__in=question_ids)
        .values_list("user_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    # Only the columns the table shows: full users (and who invited whom) cost a third of the page's time.
    participants = (
        Participant.objects.filter(assessment=assessment)
        .select_related("user", "organisation")
        .only(
            "assessment_id",
            "user_id",
            "organisation_id",
            "organisation_name",
            "user__username",
            "user__first_name",
            "user__last_name",
            "organisation__name",
        )
    )
    rows = []
    for p in participants:
        username = p.user.get_username()
        rows.append(
            ParticipantProgress(
                participant=p,
                answered=counts.get(p.user_id, 0),
                total=total,
                name=p.user.get_full_name() or username,
                username=username,
                organisation_name=p.organisation.name if p.organisation else p.organisation_name,
            )
        )
    return rows


def answer_list_visible(*, user: User, assessment: Assessment) -> QuerySet[Answer]:
    """The answers this user may read: only their own before the reveal, everyone's after it."""
    qs = Answer.objects.filter(assessment=assessment).select_related("user")
    return qs if assessment.is_revealed else qs.filter(user=user)


def answers_of_user(*, user: User, assessment: Assessment) -> dict[str, Answer]:
    """The user's own answers by question id, for filling in the questionnaire."""
    return {a.question_id: a for a in Answer.objects.filter(assessment=assessment, user=user)}


def consensus_map(*, assessment: Assessment) -> dict[str, Consensus]:
    return {c.question_id: c for c in Consensus.objects.filter(assessment=assessment).select_related("decided_by")}
