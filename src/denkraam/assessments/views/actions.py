"""Agreed actions: list, add, edit, change status, delete (after a confirmation page)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.assessments import services
from denkraam.assessments.forms import ActionForm, ActionStatusForm
from denkraam.assessments.models import Action, Assessment
from denkraam.assessments.selectors import (
    AssessmentAccess,
    action_get,
    action_list,
    assessment_frame,
    assessment_get_for_user,
    assessment_questions,
    participant_list,
)
from denkraam.assessments.views.session import base_context, error_text

# Which field a service refusal belongs to, so the message stands next to it (and in the error summary).
_ERROR_FIELDS = {"title": "title", "duplicate": "title", "owner": "owner", "due_date": "due_date"}


def _action_form(request: AuthenticatedHttpRequest, assessment: Assessment, initial: dict[str, Any]) -> ActionForm:
    frame = assessment_frame(assessment=assessment)
    return ActionForm(
        request.POST or None,
        frame=frame,
        questions=assessment_questions(assessment=assessment, frame=frame),
        facilitator=assessment.facilitator,
        participants=list(participant_list(assessment=assessment)),
        initial=initial,
    )


def _add_service_error(form: ActionForm, exc: ValidationError) -> None:
    form.add_error(_ERROR_FIELDS.get(str(getattr(exc, "code", ""))), exc)


def _changeable_action(
    request: AuthenticatedHttpRequest, assessment_id: str, action_id: str, *, verb: str
) -> tuple[Assessment, AssessmentAccess, Action] | HttpResponse:
    """The action to edit or delete; 404 for outsiders, 403 for readers, back to the list once it cannot change."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    action = action_get(assessment=assessment, action_id=action_id)
    if not (access.is_participant or access.can_manage):
        raise PermissionDenied(f"Alleen deelnemers en de gespreksleider mogen acties {verb}.")
    if not access.can_act:
        messages.error(request, services.CLOSED if assessment.is_closed else f"U kunt deze actie nu niet {verb}.")
        return redirect("assessments:actions", assessment_id=assessment.pk)
    return assessment, access, action


@login_required
@require_http_methods(["GET", "POST"])
def actions(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    frame = assessment_frame(assessment=assessment)
    preselected = [q for q in request.GET.getlist("vraag") if q]
    form = _action_form(request, assessment, {"question_ids": preselected})
    status = 200
    if request.method == "POST":
        if not (access.is_participant or access.can_manage):
            raise PermissionDenied("Alleen deelnemers en de gespreksleider mogen acties toevoegen.")
        if form.is_valid():
            try:
                services.action_create(assessment=assessment, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _add_service_error(form, exc)
            else:
                messages.success(request, "De actie is toegevoegd.")
                return redirect("assessments:actions", assessment_id=assessment.pk)
        status = 400
    question_texts = {q.id: q.text for q in frame.questions()}
    today = timezone.localdate()
    rows = [
        {
            "action": action,
            "late": action.due_date is not None and action.due_date < today and action.status != Action.Status.KLAAR,
            "questions": [question_texts.get(q, q) for q in action.question_ids],
            "form": ActionStatusForm(initial={"status": action.status}, prefix=str(action.pk)),
        }
        for action in action_list(assessment=assessment)
    ]
    context = base_context(assessment, access, "acties")
    context.update(form=form, rows=rows)
    return render(request, "assessments/actions.html", context, status=status)


@login_required
@require_POST
def action_status(request: AuthenticatedHttpRequest, assessment_id: str, action_id: str) -> HttpResponse:
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    action = action_get(assessment=assessment, action_id=action_id)
    form = ActionStatusForm(request.POST, prefix=str(action.pk))
    if not form.is_valid():
        messages.error(request, "Kies een geldige status.")
    else:
        try:
            services.action_status_set(action=action, actor=request.user, status=form.cleaned_data["status"])
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, f"De status van '{action.title}' is nu '{action.get_status_display()}'.")
    return redirect("assessments:actions", assessment_id=assessment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: AuthenticatedHttpRequest, assessment_id: str, action_id: str) -> HttpResponse:
    """The form of `actions`, prefilled; refused (back to the list with a message) once the session is closed."""
    found = _changeable_action(request, assessment_id, action_id, verb="wijzigen")
    if isinstance(found, HttpResponse):
        return found
    assessment, access, action = found
    initial = {
        "title": action.title,
        "description": action.description,
        "question_ids": action.question_ids,
        "owner": action.owner_id,
        "owner_name": action.owner_name,
        "due_date": action.due_date,
    }
    form = _action_form(request, assessment, initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.action_update(action=action, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _add_service_error(form, exc)
            else:
                messages.success(request, f"De actie '{action.title}' is gewijzigd.")
                return redirect("assessments:actions", assessment_id=assessment.pk)
        status = 400
    context = base_context(assessment, access, "acties")
    context.update(form=form, action=action)
    return render(request, "assessments/action_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def action_delete(request: AuthenticatedHttpRequest, assessment_id: str, action_id: str) -> HttpResponse:
    """GET: the confirmation page, saying what goes; POST: delete, and back to the list with a message."""
    found = _changeable_action(request, assessment_id, action_id, verb="verwijderen")
    if isinstance(found, HttpResponse):
        return found
    assessment, access, action = found
    if request.method == "POST":
        try:
            services.action_delete(action=action, actor=request.user)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, f"De actie '{action.title}' is verwijderd.")
        return redirect("assessments:actions", assessment_id=assessment.pk)
    context = base_context(assessment, access, "acties")
    context.update(action=action)
    return render(request, "assessments/action_delete.html", context)
