"""Answering blind, then looking together: questionnaire, agenda, one question with consensus, comparison."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.assessments import services
from denkraam.assessments.forms import ConsensusForm, PrincipleAnswersForm
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import (
    agenda_plan,
    answers_of_user,
    assessment_access,
    assessment_comparison,
    assessment_frame,
    assessment_get_for_user,
    assessment_principles,
    assessment_questions,
    assessment_scope,
    question_reveal,
)
from denkraam.assessments.views.session import base_context, error_text
from denkraam.evidence.selectors import citations_of_user, evidence_choices
from denkraam.evidence.services import citation_set
from denkraam.framework import Principle


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """One principle at a time, with a menu of all principles and how many of their questions are answered."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    if not access.is_participant:
        messages.info(request, "U doet niet mee als deelnemer. U kunt de vragenlijst daarom niet invullen.")
        return redirect("assessments:detail", assessment_id=assessment.pk)
    frame = assessment_frame(assessment=assessment)
    # Only the session's questions: a principle page shows the chosen ones, principles without any are left out.
    principles = assessment_principles(assessment=assessment, frame=frame)
    if not principles:
        messages.info(request, "Dit gesprek heeft geen vragen.")
        return redirect("assessments:detail", assessment_id=assessment.pk)
    own = answers_of_user(user=request.user, assessment=assessment)
    wanted = request.POST.get("principe") or request.GET.get("principe")
    by_id = {p.id: p for p in principles}
    if wanted and wanted not in by_id:
        raise Http404("Dit principe bestaat niet.")
    # Without a choice, start at the first principle that still has open questions.
    principle = by_id.get(wanted or "") or next(
        (p for p in principles if any(q.id not in own for q in p.questions)), principles[0]
    )
    form = PrincipleAnswersForm(
        request.POST or None,
        frame=frame,
        principle=principle,
        answers=own,
        # A guest (no member of the initiative's organisations) sees none of its evidence, also not its titles here.
        evidence_choices=evidence_choices(initiative=assessment.initiative) if access.sees_evidence else [],
        cited=citations_of_user(user=request.user, assessment=assessment),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():  # a principle's answers are saved together or not at all
                    cited = form.cited_items()
                    for values in form.answered():
                        answer = services.answer_save(assessment=assessment, user=request.user, **values)
                        if answer.question_id in cited:
                            citation_set(answer=answer, actor=request.user, item_id=cited[answer.question_id])
            except ValidationError as exc:
                messages.error(request, error_text(exc))
                status = 400
            except PermissionDenied as exc:
                raise PermissionDenied(error_text(exc)) from exc
            else:
                index = principles.index(principle)
                target = principle
                if "verder" in request.POST and index + 1 < len(principles):
                    target = principles[index + 1]
                return _after_save(request, assessment=assessment, saved=principle, target=target)
        else:
            status = 400
    own = answers_of_user(user=request.user, assessment=assessment)
    menu = [
        {
            "need": need,
            "principles": [
                {"principle": p, "answered": sum(q.id in own for q in p.questions), "total": len(p.questions)}
                for p in principles
                if p.need_id == need.id
            ],
        }
        for need in frame.needs
        if any(p.need_id == need.id for p in principles)
    ]
    question_ids = {q.id for p in principles for q in p.questions}
    index = principles.index(principle)
    context = base_context(assessment, access, "vragenlijst")
    context.update(
        frame=frame,
        principle=principle,
        need=frame.need(principle.need_id),
        form=form,
        menu=menu,
        answered_total=len(question_ids & own.keys()),
        question_total=len(question_ids),
        scope=assessment_scope(assessment=assessment, frame=frame),
        has_next=index + 1 < len(principles),
        can_answer=access.can_answer,
        answered_ids=set(own),
    )
    return render(request, "assessments/questionnaire.html", context, status=status)


def _after_save(
    request: AuthenticatedHttpRequest, *, assessment: Assessment, saved: Principle, target: Principle
) -> HttpResponse:
    """Back to the questionnaire at the next open question (questionnaire.js moves focus and the message there)."""
    own = answers_of_user(user=request.user, assessment=assessment)
    covered = {q.id for q in assessment_questions(assessment=assessment)}
    next_open = next((q for q in target.questions if q.id in covered and q.id not in own), None)
    text = f"Uw antwoorden bij '{saved.title}' zijn opgeslagen."
    if next_open is None:
        text += f" Alle vragen bij '{target.title}' zijn beantwoord."
    messages.success(request, text)
    url = reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})
    return redirect(f"{url}?principe={target.id}#{f'vraag-{next_open.id}' if next_open else 'principe-titel'}")


@login_required
@require_POST
def answer_clear(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """Take back one's own answer to one question (the questionnaire's "Antwoord wissen" button), then go back."""
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    question_id = request.POST.get("vraag", "")
    url = reverse("assessments:questionnaire", kwargs={"assessment_id": assessment.pk})
    try:
        services.answer_clear(assessment=assessment, participant_user=request.user, question_id=question_id)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(url)
    except PermissionDenied as exc:
        raise PermissionDenied(error_text(exc)) from exc
    question = assessment_frame(assessment=assessment).question(question_id)
    messages.success(request, f"Uw antwoord op '{question.text}' is gewist.")
    return redirect(f"{url}?principe={question.principle_id}#vraag-{question.id}")


@login_required
@require_GET
def agenda(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    context = base_context(assessment, access, "agenda")
    frame = assessment_frame(assessment=assessment)
    if assessment.is_revealed:
        labels = {o.id: o.label for o in frame.scale}
        plan = agenda_plan(assessment=assessment)
        context["plan"] = plan
        context["items"] = [
            {
                "summary": item.summary,
                "planned": item.planned,
                "starts_at": item.starts_at,
                "question": frame.question(item.summary.question_id),
                "median_label": labels.get(item.summary.median or "", ""),
            }
            for item in plan.items
        ]
    return render(request, "assessments/agenda.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def question_detail(request: AuthenticatedHttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    """Every participant's rating and note for one question after the reveal, plus the consensus form."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    frame = assessment_frame(assessment=assessment)
    question = next((q for q in assessment_questions(assessment=assessment, frame=frame) if q.id == question_id), None)
    if question is None:
        raise Http404("Deze vraag bestaat niet of hoort niet bij dit gesprek.")
    context = base_context(assessment, access, "agenda")
    context.update(question=question, principle=frame.principle(question.principle_id), frame=frame)
    labels = {o.id: o.label for o in frame.scale} | {frame.not_applicable.id: frame.not_applicable.label}
    if not assessment.is_revealed:
        if request.method == "POST":
            raise PermissionDenied("Leg het gezamenlijke oordeel vast nadat de antwoorden zijn onthuld.")
        own = answers_of_user(user=request.user, assessment=assessment).get(question_id)
        context.update(own=own, own_label=labels.get(own.rating, "") if own else "")
        return render(request, "assessments/question.html", context)
    summary = question_reveal(assessment=assessment, question_id=question_id)
    consensus = summary.consensus
    initial = {"rating": consensus.rating, "rationale": consensus.rationale} if consensus else {}
    form = ConsensusForm(request.POST or None, frame=frame, initial=initial)
    status = 200
    if request.method == "POST":
        if not assessment_access(user=request.user, assessment=assessment).can_manage:
            raise PermissionDenied("Alleen de gespreksleider mag het gezamenlijke oordeel vastleggen.")
        if form.is_valid():
            try:
                services.consensus_save(
                    assessment=assessment, actor=request.user, question_id=question_id, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Het gezamenlijke oordeel is vastgelegd.")
                return redirect("assessments:question", assessment_id=assessment.pk, question_id=question_id)
        status = 400
    rows = [{"answer": a, "label": labels.get(a.rating, a.rating)} for a in summary.answers]
    context.update(
        summary=summary,
        rows=rows,
        form=form,
        median_label=labels.get(summary.median or "", ""),
        consensus_label=labels.get(consensus.rating, "") if consensus else "",
    )
    return render(request, "assessments/question.html", context, status=status)


@login_required
@require_GET
def compare(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """Change per need and per question since the previous closed assessment of the same initiative."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    context = base_context(assessment, access, "vergelijking")
    context["comparison"] = assessment_comparison(assessment=assessment, user=request.user)
    return render(request, "assessments/compare.html", context)
