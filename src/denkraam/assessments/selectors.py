"""Reads for assessments: who may do what, progress, the agenda, results and comparison.

Blindness lives here. Before the reveal nobody can get at another participant's ratings through these functions:
`answer_list_visible` returns only the user's own answers, and `question_reveal`, `agenda_for_assessment` and
`assessment_results` refuse to run until the answers are revealed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Count, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from denkraam.accounts.models import Membership, User, role_rank
from denkraam.assessments.models import Action, Answer, Assessment, Consensus, Participant
from denkraam.framework import (
    Frame,
    counting_rating,
    find_bundled_frame,
    load_frame,
    median_rating,
    score_ratings,
    spread,
)
from denkraam.initiatives.models import Initiative

NOT_REVEALED = "De antwoorden zijn nog niet onthuld. Tot dan ziet iedereen alleen zijn eigen antwoorden."

# A spread of two scale steps or more (e.g. goed against onvoldoende) is a real difference of opinion.
DISAGREEMENT_STEPS = 2


def assessment_frame(*, assessment: Assessment) -> Frame:
    """The frame (and version) the assessment was started with; the bundled default when it cannot be found."""
    return find_bundled_frame(assessment.frame_id, assessment.frame_version) or load_frame()


@dataclass(frozen=True, slots=True)
class AssessmentAccess:
    """What one user may do in one assessment; computed once per request."""

    can_view: bool
    is_participant: bool
    is_facilitator: bool
    can_manage: bool
    can_answer: bool
    can_act: bool


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
    the owner organisation. Answering is for participants while the assessment is open; actions are for
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
    """How many questions each participant has answered; counts only, never ratings (safe before the reveal)."""
    total = len(assessment_frame(assessment=assessment).questions())
    counts = dict(
        Answer.objects.filter(assessment=assessment).values_list("user_id").annotate(n=Count("id")).order_by()
    )
    # Only the columns the table shows: full users (and who invited whom) cost a third of the page's time.
    participants = (
        Participant.objects.filter(assessment=assessment)
        .select_related("user", "organisation")
        .only(
            "assessment_id",
            "user_id",
            "organisation_id",
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
                organisation_name=p.organisation.name if p.organisation else "",
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


def _require_revealed(assessment: Assessment) -> None:
    if not assessment.is_revealed:
        raise PermissionDenied(NOT_REVEALED)


def _ratings_by_question(assessment: Assessment) -> dict[str, list[Answer]]:
    grouped: dict[str, list[Answer]] = {}
    for answer in Answer.objects.filter(assessment=assessment).select_related("user").order_by("user__username"):
        grouped.setdefault(answer.question_id, []).append(answer)
    return grouped


@dataclass(frozen=True, slots=True)
class QuestionSummary:
    """The group's answers to one question after the reveal."""

    question_id: str
    answers: list[Answer]
    spread: int
    median: str | None
    has_nvt_and_rating: bool
    consensus: Consensus | None
    # What counts for the score: the frame's rule `counting_rating` (consensus, else median, else n.v.t.).
    effective_rating: str | None

    @property
    def disagreement(self) -> bool:
        return self.spread >= DISAGREEMENT_STEPS or self.has_nvt_and_rating


def _summarise(frame: Frame, question_id: str, answers: list[Answer], consensus: Consensus | None) -> QuestionSummary:
    ratings = [a.rating for a in answers]
    scale_ids = {o.id for o in frame.scale}
    rated = [r for r in ratings if r in scale_ids]
    return QuestionSummary(
        question_id=question_id,
        answers=answers,
        spread=spread(frame=frame, ratings=ratings),
        median=median_rating(frame=frame, ratings=ratings),
        has_nvt_and_rating=bool(rated) and len(rated) < len(ratings),
        consensus=consensus,
        effective_rating=counting_rating(
            frame=frame, consensus=consensus.rating if consensus else None, ratings=ratings
        ),
    )


def question_reveal(*, assessment: Assessment, question_id: str) -> QuestionSummary:
    """Everyone's rating and note for one question, with spread and consensus (only after the reveal)."""
    _require_revealed(assessment)
    frame = assessment_frame(assessment=assessment)
    frame.question(question_id)  # KeyError for an unknown question
    answers = _ratings_by_question(assessment).get(question_id, [])
    return _summarise(frame, question_id, answers, consensus_map(assessment=assessment).get(question_id))


def _summaries(assessment: Assessment) -> list[QuestionSummary]:
    frame = assessment_frame(assessment=assessment)
    grouped = _ratings_by_question(assessment)
    consensus = consensus_map(assessment=assessment)
    return [_summarise(frame, q.id, grouped.get(q.id, []), consensus.get(q.id)) for q in frame.questions()]


def agenda_for_assessment(*, assessment: Assessment) -> list[QuestionSummary]:
    """The conversation agenda: answered questions, biggest disagreement first, then the lowest median first.

    Order: spread (scale steps between highest and lowest rating) descending; then questions where some said
    "niet van toepassing" and others gave a rating; then the median rating, worst first; then frame order.
    """
    _require_revealed(assessment)
    frame = assessment_frame(assessment=assessment)
    scores = {o.id: o.score for o in frame.scale}
    position = {q.id: index for index, q in enumerate(frame.questions())}
    items = [s for s in _summaries(assessment) if s.answers]
    return sorted(
        items,
        key=lambda s: (
            -s.spread,
            not s.has_nvt_and_rating,
            scores.get(s.median, 1000) if s.median else 1000,
            position[s.question_id],
        ),
    )


@dataclass(frozen=True, slots=True)
class NeedResult:
    need_id: str
    title: str
    score: float | None
    band: str | None
    band_label: str

    @property
    def width(self) -> int:
        """The bar length (0–100) as a whole number, safe to write into an SVG attribute in any locale."""
        return round(self.score) if self.score is not None else 0

    @property
    def text(self) -> str:
        """The text equivalent of the bar, e.g. "Vertrouwen: 58 van 100 — voldoende"."""
        if self.score is None:
            return f"{self.title}: geen oordeel"
        return f"{self.title}: {round(self.score)} van 100 — {self.band_label.lower()}"


@dataclass(frozen=True, slots=True)
class AssessmentResult:
    needs: list[NeedResult]
    principles: dict[str, float | None]
    ratings: dict[str, str | None]
    summaries: dict[str, QuestionSummary] = field(default_factory=dict)


def _need_results(frame: Frame, ratings: dict[str, str | None]) -> tuple[list[NeedResult], dict[str, float | None]]:
    """Score per need (with its band) and per principle for the ratings that count."""
    score = score_ratings(frame=frame, ratings=ratings)
    labels = {o.id: o.label for o in frame.scale}
    needs = [
        NeedResult(
            need_id=need.id,
            title=need.title,
            score=score.needs[need.id],
            band=score.band(need.id),
            band_label=labels.get(score.band(need.id) or "", "geen oordeel"),
        )
        for need in frame.needs
    ]
    return needs, score.principles


def assessment_results(*, assessment: Assessment) -> AssessmentResult:
    """Score per need and principle from the consensus where recorded, else the median (only after the reveal)."""
    _require_revealed(assessment)
    frame = assessment_frame(assessment=assessment)
    summaries = {s.question_id: s for s in _summaries(assessment)}
    ratings = {qid: s.effective_rating for qid, s in summaries.items()}
    needs, principles = _need_results(frame, ratings)
    return AssessmentResult(needs=needs, principles=principles, ratings=ratings, summaries=summaries)


def _counting_ratings_bulk(frames: dict[Any, Frame]) -> dict[Any, dict[str, str | None]]:
    """Question → rating that counts, per assessment id in `frames`, in one or two queries.

    Answers are only read for assessments where some question has no consensus, so closed assessments usually
    cost no answers.
    """
    ratings: dict[Any, dict[str, str | None]] = defaultdict(dict)
    # The id as text: turning ~50,000 ids back into UUID objects was half the time of the whole portfolio.
    # SQLite stores 32 hex digits, PostgreSQL prints the dashed form; both map back to the id.
    key_of = {key: pk for pk in frames for key in (pk.hex, str(pk))}
    rows = (
        Consensus.objects.filter(assessment_id__in=list(frames))
        .annotate(assessment_key=Cast("assessment_id", output_field=CharField()))
        .values_list("assessment_key", "question_id", "rating")
    )
    for key, question_id, rating in rows:
        ratings[key_of.get(key) or uuid.UUID(key)][question_id] = rating
    question_ids = {id(frame): {q.id for q in frame.questions()} for frame in frames.values()}
    incomplete = [pk for pk, frame in frames.items() if not question_ids[id(frame)] <= ratings[pk].keys()]
    if not incomplete:
        return ratings
    open_answers: dict[Any, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for assessment_id, question_id, rating in Answer.objects.filter(assessment_id__in=incomplete).values_list(
        "assessment_id", "question_id", "rating"
    ):
        if question_id not in ratings[assessment_id]:
            open_answers[assessment_id][question_id].append(rating)
    for assessment_id, questions in open_answers.items():
        for question_id, answers in questions.items():
            ratings[assessment_id][question_id] = counting_rating(
                frame=frames[assessment_id], consensus=None, ratings=answers
            )
    return ratings


def assessment_need_results_bulk(
    *, assessments: Iterable[Assessment], frame: Frame | None = None
) -> dict[Any, list[NeedResult]]:
    """The need scores of many revealed assessments by id, in a fixed number of queries (the portfolio's read).

    Each assessment is scored with its own frame version, with the same rule as `assessment_results`; `frame`
    (the bundled one by default) serves every assessment started on that version, so it is loaded only once.
    PermissionDenied when any of them is not revealed yet.
    """
    frame = frame or load_frame()
    by_version: dict[tuple[str, str], Frame] = {(frame.id, frame.version): frame}
    frames: dict[Any, Frame] = {}
    for assessment in assessments:
        _require_revealed(assessment)
        key = (assessment.frame_id, assessment.frame_version)
        if key not in by_version:
            by_version[key] = assessment_frame(assessment=assessment)
        frames[assessment.pk] = by_version[key]
    ratings = _counting_ratings_bulk(frames)
    return {pk: _need_results(frames[pk], ratings.get(pk, {}))[0] for pk in frames}


def assessment_previous(*, assessment: Assessment) -> Assessment | None:
    """The most recent closed assessment of the same initiative before this one."""
    qs = Assessment.objects.filter(initiative_id=assessment.initiative_id, status=Assessment.Status.GESLOTEN).exclude(
        pk=assessment.pk
    )
    qs = qs.filter(closed_at__lt=assessment.closed_at) if assessment.closed_at else qs
    return qs.filter(created_at__lt=assessment.created_at).order_by("-closed_at").first()


@dataclass(frozen=True, slots=True)
class Change:
    key: str
    title: str
    before: str | float | None
    after: str | float | None
    delta: float | None

    @property
    def direction(self) -> str:
        """In Dutch words, so the change never depends on colour or an arrow alone."""
        if self.before is None and self.after is None:
            return "geen oordeel"
        if self.before is None:
            return "nieuw"
        if self.after is None:
            return "geen oordeel meer"
        if self.delta is None:
            return "gelijk" if self.before == self.after else "anders"
        if self.delta == 0:
            return "gelijk"
        return "beter" if self.delta > 0 else "slechter"


@dataclass(frozen=True, slots=True)
class Comparison:
    previous: Assessment
    needs: list[Change]
    questions: list[Change]


def assessment_compare(*, assessment: Assessment, previous: Assessment) -> Comparison:
    """Change per need (score points) and per question (rating) between an earlier closed assessment and this one."""
    frame = assessment_frame(assessment=assessment)
    before = assessment_results(assessment=previous)
    after = assessment_results(assessment=assessment)
    scores = {o.id: o.score for o in frame.scale}
    labels = {o.id: o.label for o in frame.scale} | {frame.not_applicable.id: frame.not_applicable.label}
    needs = []
    for old, new in zip(before.needs, after.needs, strict=True):
        delta = round(new.score - old.score, 1) if old.score is not None and new.score is not None else None
        needs.append(Change(new.need_id, new.title, old.score, new.score, delta))
    questions = []
    for q in frame.questions():
        old_rating, new_rating = before.ratings.get(q.id), after.ratings.get(q.id)
        delta = scores[new_rating] - scores[old_rating] if old_rating in scores and new_rating in scores else None
        questions.append(Change(q.id, q.text, labels.get(old_rating or ""), labels.get(new_rating or ""), delta))
    return Comparison(previous=previous, needs=needs, questions=questions)


def action_list(*, assessment: Assessment) -> QuerySet[Action]:
    return Action.objects.filter(assessment=assessment).select_related("owner")
