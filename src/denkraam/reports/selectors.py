"""Reads for the assessment and initiative reports.

Access control, blindness and scoring come from the assessments and initiatives selectors; this module only
gathers their results into one structure per report. Callers pass the user so that sections from other apps
can check access; `user=None` is an operator (the command line) and sees everything.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Action, Assessment, Participant
from denkraam.assessments.selectors import (
    AssessmentResult,
    Comparison,
    NeedResult,
    ParticipantProgress,
    QuestionSummary,
    action_list,
    agenda_for_assessment,
    assessment_comparison,
    assessment_frame,
    assessment_list_for_initiative,
    assessment_progress,
    assessment_questions,
    assessment_results,
    participant_list,
    participant_names,
)
from denkraam.framework import Frame, Need, Principle, Question, load_frame
from denkraam.initiatives.models import Initiative
from denkraam.reports.anonymity import PeopleNames, people_names
from denkraam.reports.plugins import PluginSection, plugin_sections

# The agenda in a report lists only the questions the group disagreed on most; the full list is in the tables.
AGENDA_LIMIT = 10


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One participant's answer as shown after the reveal."""

    person: str
    rating: str
    note: str
    reason: str
    evidence_url: str


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One question of the frame with what the group said about it."""

    question: Question
    summary: QuestionSummary | None
    rating_label: str
    source: str  # "gezamenlijk oordeel", "middelste antwoord", "niet van toepassing" or ""
    counts: list[tuple[str, int]]
    answers: list[AnswerLine]
    evidence_urls: list[str]

    @property
    def spread(self) -> int:
        return self.summary.spread if self.summary else 0

    @property
    def disagreement(self) -> bool:
        return bool(self.summary and self.summary.disagreement)

    @property
    def rationale(self) -> str:
        consensus = self.summary.consensus if self.summary else None
        return consensus.rationale if consensus else ""

    @property
    def counts_text(self) -> str:
        return ", ".join(f"{label}: {n}" for label, n in self.counts) or "geen antwoorden"


@dataclass(frozen=True, slots=True)
class ActionLine:
    """An action with its owner as this report names them."""

    action: Action
    owner: str


@dataclass(frozen=True, slots=True)
class ProgressLine:
    """How far one participant is, as this report names them; no organisation in an anonymous session."""

    person: str
    organisation: str
    answered: int
    total: int


@dataclass(frozen=True, slots=True)
class PrincipleBlock:
    principle: Principle
    score: float | None
    rows: list[QuestionRow]


@dataclass(frozen=True, slots=True)
class NeedBlock:
    need: Need
    result: NeedResult | None
    principles: list[PrincipleBlock]


@dataclass(frozen=True, slots=True)
class AssessmentReport:
    """Everything the assessment report shows, computed once (HTML, PDF and the command line share it)."""

    assessment: Assessment
    initiative: Initiative
    frame: Frame
    revealed: bool
    organisations: list[Organisation]
    participants: list[Participant]
    people: list[str]  # everyone who took part, as names (with an imported session: the names from the file)
    progress: list[ParticipantProgress]
    progress_lines: list[ProgressLine]
    needs: list[NeedBlock]
    need_results: list[NeedResult]
    agenda: list[QuestionRow]
    actions: list[Action]
    comparison: Comparison | None
    sections: list[PluginSection]
    summary: list[str]
    names: PeopleNames  # names, or "Deelnemer 1, 2 ..." when the session is anonymous
    action_lines: list[ActionLine]
    facilitator: str
    generated_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def anonymous(self) -> bool:
        return self.names.anonymous

    @property
    def open_actions(self) -> list[Action]:
        return [a for a in self.actions if a.status != Action.Status.KLAAR]


def _labels(frame: Frame) -> dict[str, str]:
    return {o.id: o.label for o in frame.scale} | {frame.not_applicable.id: frame.not_applicable.label}


def _question_row(frame: Frame, question: Question, summary: QuestionSummary | None, names: PeopleNames) -> QuestionRow:
    labels = _labels(frame)
    if summary is None:
        return QuestionRow(question, None, "", "", [], [], [])
    rating = summary.effective_rating
    if summary.consensus is not None:
        source = "gezamenlijk oordeel"
    elif summary.median is not None:
        source = "middelste antwoord"
    else:
        source = "niet van toepassing" if rating else ""
    tally = Counter(a.rating for a in summary.answers)
    order = [o.id for o in frame.scale] + [frame.not_applicable.id]
    counts = [(labels[r], tally[r]) for r in order if tally.get(r)]
    answers = [
        AnswerLine(names.of_answer(a), labels.get(a.rating, a.rating), a.note, a.reason, a.evidence_url)
        for a in summary.answers
    ]
    urls = sorted({a.evidence_url for a in summary.answers if a.evidence_url})
    return QuestionRow(question, summary, labels.get(rating or "", ""), source, counts, answers, urls)


def _organisations(initiative: Initiative, participants: list[Participant]) -> list[Organisation]:
    seen: dict[object, Organisation] = {initiative.owner_id: initiative.owner}
    for org in initiative.partners.all():
        seen.setdefault(org.pk, org)
    for participant in participants:
        if participant.organisation is not None:
            seen.setdefault(participant.organisation_id, participant.organisation)
    return list(seen.values())


def _summary_lines(
    *,
    assessment: Assessment,
    initiative: Initiative,
    people: list[str],
    organisations: list[Organisation],
    need_results: list[NeedResult],
    disputed: int,
    actions: list[Action],
    anonymous: bool,
) -> list[str]:
    """Short plain sentences for page one: what, who, the scores, where the work is."""
    lines = [f"Dit rapport gaat over het gesprek '{assessment.title}' over '{initiative.name}'."]
    if anonymous:
        lines.append(
            "Dit gesprek was anoniem. Er staan geen namen van deelnemers in dit rapport: "
            "iedereen heeft een nummer, zoals Deelnemer 1."
        )
    if assessment.imported_at is not None:
        # Its organisations are names in a file, not organisations here: say so, and name only the people.
        lines.append("Dit gesprek is ingelezen uit een bestand. De namen in dit rapport komen uit dat bestand.")
        lines.append("Er deed 1 persoon mee." if len(people) == 1 else f"Er deden {len(people)} mensen mee.")
    else:
        names = ", ".join(org.name for org in organisations)
        if len(people) == 1:
            lines.append(f"Er deed 1 persoon mee, van: {names}.")
        else:
            lines.append(f"Er deden {len(people)} mensen mee. Zij komen van: {names}.")
    if not need_results:
        lines.append("De antwoorden zijn nog niet onthuld. Daarom staan er nog geen scores in dit rapport.")
        return lines
    for result in need_results:
        if result.score is None:
            lines.append(f"{result.title}: hier is nog geen oordeel over.")
        else:
            lines.append(f"{result.title}: {round(result.score)} van 100. Dat is {result.band_label.lower()}.")
    scored = [r for r in need_results if r.score is not None]
    if scored:
        lowest = min(scored, key=lambda r: r.score or 0)
        lines.append(f"Het meeste werk is er bij {lowest.title.lower()}.")
    if disputed == 1:
        lines.append("Over 1 vraag dachten de mensen heel verschillend.")
    elif disputed:
        lines.append(f"Over {disputed} vragen dachten de mensen heel verschillend.")
    open_count = sum(1 for a in actions if a.status != Action.Status.KLAAR)
    if not actions:
        lines.append("De groep sprak nog geen acties af.")
    else:
        what = "1 actie" if len(actions) == 1 else f"{len(actions)} acties"
        lines.append(f"De groep sprak {what} af. Daarvan staan er nog {open_count} open.")
    return lines


def assessment_report(*, assessment: Assessment, user: User | None) -> AssessmentReport:
    """Gather the assessment report. Scores, spread and everyone's answers appear only after the reveal.

    The caller has checked access (`assessment_get_for_user`), or is an operator (`user=None`).
    """
    frame = assessment_frame(assessment=assessment)
    initiative = (
        Initiative.objects.select_related("owner").prefetch_related("partners").get(pk=assessment.initiative_id)
    )
    participants = list(participant_list(assessment=assessment))
    people = participant_names(assessment=assessment)
    names = people_names(assessment=assessment)
    if names.anonymous:
        # Only their number: participant_names adds the organisation, which could point at one person.
        people = sorted(set(names.pseudonyms.values()), key=lambda label: int(label.rsplit(" ", 1)[-1]))
    progress = assessment_progress(assessment=assessment)
    organisations = _organisations(initiative, participants)
    revealed = assessment.is_revealed
    result: AssessmentResult | None = assessment_results(assessment=assessment) if revealed else None
    summaries = result.summaries if result else {}
    need_results = result.needs if result else []
    by_need = {r.need_id: r for r in need_results}
    # Only the questions this session covers (a quick scan asks about 12 of the 46); a principle or need without
    # any of them is left out rather than shown as a table of questions nobody was asked.
    covered = {q.id for q in assessment_questions(assessment=assessment, frame=frame)}
    needs = []
    for need in frame.needs:
        principles = [
            PrincipleBlock(
                principle=p,
                score=result.principles.get(p.id) if result else None,
                rows=[_question_row(frame, q, summaries.get(q.id), names) for q in p.questions if q.id in covered],
            )
            for p in need.principles
        ]
        principles = [block for block in principles if block.rows]
        if principles:
            needs.append(NeedBlock(need=need, result=by_need.get(need.id), principles=principles))
    agenda: list[QuestionRow] = []
    if revealed:
        agenda = [
            _question_row(frame, frame.question(s.question_id), s, names)
            for s in agenda_for_assessment(assessment=assessment)
            if s.disagreement
        ][:AGENDA_LIMIT]
    actions = list(action_list(assessment=assessment))
    # Only with an earlier assessment this user may see: the report is no way around the comparison page's rule.
    comparison = assessment_comparison(assessment=assessment, user=user)
    return AssessmentReport(
        assessment=assessment,
        initiative=initiative,
        frame=frame,
        revealed=revealed,
        organisations=organisations,
        participants=participants,
        people=people,
        progress=progress,
        progress_lines=[_progress_line(item, names) for item in progress],
        needs=needs,
        need_results=need_results,
        agenda=agenda,
        actions=actions,
        comparison=comparison,
        sections=plugin_sections(user=user, assessment=assessment),
        summary=_summary_lines(
            assessment=assessment,
            initiative=initiative,
            people=people,
            organisations=organisations,
            need_results=need_results,
            disputed=sum(1 for summary in summaries.values() if summary.disagreement),
            actions=actions,
            anonymous=names.anonymous,
        ),
        names=names,
        action_lines=[ActionLine(action=a, owner=names.of_owner(a)) for a in actions],
        facilitator=names.of_facilitator(assessment),
    )


def _progress_line(item: ParticipantProgress, names: PeopleNames) -> ProgressLine:
    if names.anonymous:
        return ProgressLine(names.of_participant(item.participant), "", item.answered, item.total)
    return ProgressLine(item.name, item.organisation_name, item.answered, item.total)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The need scores of one revealed assessment, for the trend over time."""

    assessment: Assessment
    date: dt.datetime
    needs: list[NeedResult]


@dataclass(frozen=True, slots=True)
class InitiativeReport:
    initiative: Initiative
    frame: Frame
    points: list[TrendPoint]  # oldest first
    waiting: list[Assessment]  # not revealed yet: no scores
    open_actions: list[Action]
    sections: list[PluginSection]
    generated_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def latest(self) -> TrendPoint | None:
        return self.points[-1] if self.points else None


def _assessment_date(assessment: Assessment) -> dt.datetime:
    return assessment.closed_at or assessment.revealed_at or assessment.created_at


def initiative_report(*, initiative: Initiative, user: User | None) -> InitiativeReport:
    """All assessments of an initiative the user may see, the trend per need, open actions and other sections.

    The caller has checked that the user may see the initiative (`initiative_get_for_user`); which assessments
    show is decided by `assessment_list_for_initiative`. `user=None` (operator) sees all assessments.
    """
    if user is None:
        assessments = list(Assessment.objects.filter(initiative=initiative).order_by("-created_at"))
    else:
        assessments = list(assessment_list_for_initiative(user=user, initiative=initiative))
    points = []
    waiting = []
    for assessment in sorted(assessments, key=_assessment_date):
        if assessment.is_revealed:
            result = assessment_results(assessment=assessment)
            points.append(TrendPoint(assessment=assessment, date=_assessment_date(assessment), needs=result.needs))
        else:
            waiting.append(assessment)
    open_actions = list(
        Action.objects.filter(assessment__in=[a.pk for a in assessments])
        .exclude(status=Action.Status.KLAAR)
        .select_related("owner", "assessment")
        .order_by("due_date", "created_at")
    )
    frame = assessment_frame(assessment=assessments[0]) if assessments else load_frame()
    return InitiativeReport(
        initiative=initiative,
        frame=frame,
        points=points,
        waiting=waiting,
        open_actions=open_actions,
        sections=plugin_sections(user=user, initiative=initiative),
    )
