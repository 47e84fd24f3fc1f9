"""Reads that need the answers revealed: per-question spread, the agenda, results per need and comparison."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import CharField
from django.db.models.functions import Cast

from denkraam.accounts.models import User
from denkraam.assessments.models import Answer, Assessment, Consensus
from denkraam.assessments.selectors.access import (
    assessment_frame,
    assessment_list_visible,
    assessment_questions,
    consensus_map,
)
from denkraam.framework import (
    Frame,
    counting_rating,
    load_frame,
    median_rating,
    score_ratings,
    spread,
)

NOT_REVEALED = "De antwoorden zijn nog niet onthuld. Tot dan ziet iedereen alleen zijn eigen antwoorden."


# A spread of two scale steps or more (e.g. goed against onvoldoende) is a real difference of opinion.
DISAGREEMENT_STEPS = 2


def _require_revealed(assessment: Assessment) -> None:
    if not assessment.is_revealed:
        raise PermissionDenied(NOT_REVEALED)


def _ratings_by_question(assessment: Assessment) -> dict[str, list[Answer]]:
    grouped: dict[str, list[Answer]] = {}
    answers = Answer.objects.filter(assessment=assessment).select_related("user")
    # An imported session's answers have a name instead of a user.
    for answer in answers.order_by("user__username", "person_name"):
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
    """Everyone's rating and note for one question, with spread and consensus (only after the reveal).

    KeyError for a question the session does not cover.
    """
    _require_revealed(assessment)
    frame = assessment_frame(assessment=assessment)
    if question_id not in {q.id for q in assessment_questions(assessment=assessment, frame=frame)}:
        raise KeyError(question_id)
    answers = _ratings_by_question(assessment).get(question_id, [])
    return _summarise(frame, question_id, answers, consensus_map(assessment=assessment).get(question_id))


def _summaries(assessment: Assessment) -> list[QuestionSummary]:
    frame = assessment_frame(assessment=assessment)
    grouped = _ratings_by_question(assessment)
    consensus = consensus_map(assessment=assessment)
    questions = assessment_questions(assessment=assessment, frame=frame)
    return [_summarise(frame, q.id, grouped.get(q.id, []), consensus.get(q.id)) for q in questions]


def agenda_for_assessment(*, assessment: Assessment) -> list[QuestionSummary]:
    """The conversation agenda: answered questions, biggest disagreement first, then the lowest median first.

    Order: spread (scale steps between highest and lowest rating) descending; then questions where some said
    "niet van toepassing" and others gave a rating; then the median rating, worst first; then frame order.
    """
    _require_revealed(assessment)
    frame = assessment_frame(assessment=assessment)
    scores = {o.id: o.score for o in frame.scale}
    position = {q.id: index for index, q in enumerate(assessment_questions(assessment=assessment, frame=frame))}
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


# Answering blind takes about half a minute a question (12 questions: some 6 minutes); the agenda gets the rest of
# the time box. A plan, not a rule: the facilitator can open any question.
ANSWER_SECONDS_PER_QUESTION = 30


@dataclass(frozen=True, slots=True)
class AgendaItem:
    summary: QuestionSummary
    # Proposed for the time box; the others are "als er tijd over is".
    planned: bool
    # Minutes into the discussion at which this item starts, if the plan is followed (planned items only).
    starts_at: int | None


@dataclass(frozen=True, slots=True)
class AgendaPlan:
    """The agenda cut to the time box: the first `planned_count` items fit, the rest only if time is left."""

    items: list[AgendaItem]
    time_box_minutes: int
    item_minutes: int
    answer_minutes: int
    discussion_minutes: int

    @property
    def planned_count(self) -> int:
        return sum(item.planned for item in self.items)


def agenda_plan(*, assessment: Assessment) -> AgendaPlan:
    """The agenda (`agenda_for_assessment`, disagreement first) with the top N that fit the session's time box.

    The time box covers the whole meeting: answering takes about ANSWER_SECONDS_PER_QUESTION per question of the
    session, the rest is for discussion, `item_minutes` per item. At least one item is always proposed.
    """
    agenda = agenda_for_assessment(assessment=assessment)
    question_count = len(assessment_questions(assessment=assessment))
    item_minutes = max(1, assessment.item_minutes)
    answer_minutes = -(-question_count * ANSWER_SECONDS_PER_QUESTION // 60)  # rounded up
    discussion = max(assessment.time_box_minutes - answer_minutes, item_minutes)
    fits = discussion // item_minutes
    items = [
        AgendaItem(summary=s, planned=index < fits, starts_at=index * item_minutes if index < fits else None)
        for index, s in enumerate(agenda)
    ]
    return AgendaPlan(
        items=items,
        time_box_minutes=assessment.time_box_minutes,
        item_minutes=item_minutes,
        answer_minutes=answer_minutes,
        discussion_minutes=discussion,
    )


@dataclass(frozen=True, slots=True)
class NeedResult:
    need_id: str
    title: str
    score: float | None
    band: str | None
    band_label: str
    # How many of the session's questions in this need have a rating that counts (n.v.t. and unanswered do not).
    question_count: int = 0

    @property
    def basis(self) -> str:
        """What the score rests on, e.g. "op 4 vragen gebaseerd": a quick scan scores on few questions."""
        if self.question_count == 0:
            return "geen vraag met een oordeel"
        return f"op {self.question_count} {'vraag' if self.question_count == 1 else 'vragen'} gebaseerd"

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
    rated = {qid for qid, rating in ratings.items() if rating in labels}
    needs = [
        NeedResult(
            need_id=need.id,
            title=need.title,
            score=score.needs[need.id],
            band=score.band(need.id),
            band_label=labels.get(score.band(need.id) or "", "geen oordeel"),
            question_count=sum(q.id in rated for p in need.principles for q in p.questions),
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


def _counting_ratings_bulk(
    frames: dict[Any, Frame], chosen: dict[Any, list[str]] | None = None
) -> dict[Any, dict[str, str | None]]:
    """Question → rating that counts, per assessment id in `frames`, in one or two queries.

    `chosen` holds an assessment's selected question ids (Assessment.question_ids); without an entry the whole
    frame counts. Answers are only read for assessments where some question has no consensus, so closed
    assessments usually cost no answers.
    """
    chosen = chosen or {}
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
    wanted = {
        pk: question_ids[id(frame)] & set(chosen[pk]) if chosen.get(pk) else question_ids[id(frame)]
        for pk, frame in frames.items()
    }
    for pk, selection in wanted.items():
        if pk in ratings and not ratings[pk].keys() <= selection:
            ratings[pk] = {qid: r for qid, r in ratings[pk].items() if qid in selection}
    incomplete = [pk for pk in frames if not wanted[pk] <= ratings[pk].keys()]
    if not incomplete:
        return ratings
    open_answers: dict[Any, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for assessment_id, question_id, rating in Answer.objects.filter(assessment_id__in=incomplete).values_list(
        "assessment_id", "question_id", "rating"
    ):
        if question_id not in ratings[assessment_id] and question_id in wanted[assessment_id]:
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
    chosen: dict[Any, list[str]] = {}
    for assessment in assessments:
        _require_revealed(assessment)
        if assessment.question_ids:
            chosen[assessment.pk] = list(assessment.question_ids)
        key = (assessment.frame_id, assessment.frame_version)
        if key not in by_version:
            by_version[key] = assessment_frame(assessment=assessment)
        frames[assessment.pk] = by_version[key]
    ratings = _counting_ratings_bulk(frames, chosen)
    return {pk: _need_results(frames[pk], ratings.get(pk, {}))[0] for pk in frames}


def assessment_previous(*, assessment: Assessment, user: User | None) -> Assessment | None:
    """The most recent closed assessment of the same initiative before this one that `user` may see.

    The one rule for every page that names or compares with an earlier assessment (overview, comparison, report,
    PDF): seeing this assessment gives no right to an earlier one, which may have been private to other people.
    `user=None` is an operator (the command line) and sees every assessment.
    """
    qs = (
        Assessment.objects.all()
        if user is None
        else assessment_list_visible(user=user, initiative_ids=[assessment.initiative_id])
    )
    qs = qs.filter(initiative_id=assessment.initiative_id, status=Assessment.Status.GESLOTEN).exclude(pk=assessment.pk)
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
    """Change per need (score points) and per question (rating) between an earlier closed assessment and this one.

    The caller has checked that the viewer may see `previous`; pages use `assessment_comparison`, which does.
    """
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
    for q in assessment_questions(assessment=assessment, frame=frame):
        old_rating, new_rating = before.ratings.get(q.id), after.ratings.get(q.id)
        delta = scores[new_rating] - scores[old_rating] if old_rating in scores and new_rating in scores else None
        questions.append(Change(q.id, q.text, labels.get(old_rating or ""), labels.get(new_rating or ""), delta))
    return Comparison(previous=previous, needs=needs, questions=questions)


def assessment_comparison(*, assessment: Assessment, user: User | None) -> Comparison | None:
    """The comparison with the previous closed assessment `user` may see, once this one is revealed; else None."""
    if not assessment.is_revealed:
        return None
    previous = assessment_previous(assessment=assessment, user=user)
    return assessment_compare(assessment=assessment, previous=previous) if previous is not None else None
