"""Starting and steering a conversation: create, overview with live progress, participants, open, reveal, close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.assessments import services
from denkraam.assessments.forms import OWN_CHOICE, AssessmentCreateForm, AssessmentSetupForm, InviteForm
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import (
    AssessmentAccess,
    assessment_frame,
    assessment_get_for_user,
    assessment_previous,
    assessment_progress,
    assessment_results,
    assessment_scope,
    assessment_step_check,
    participant_answer_count,
    participant_get,
    participant_list,
)
from denkraam.framework import load_frame
from denkraam.initiatives.selectors import initiative_can_edit, initiative_get_for_user
from denkraam.invitations.selectors import invitation_list_for_assessment
from denkraam.invitations.services import InviteOutcome, assessment_invite
from denkraam.notifications.selectors import reminder_last, reminder_text


def base_context(assessment: Assessment, access: AssessmentAccess, section: str) -> dict[str, Any]:
    """What every assessment page needs for its header and sub menu."""
    return {"assessment": assessment, "access": access, "section": section, "initiative": assessment.initiative}


def error_text(exc: ValidationError | PermissionDenied) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or "Dat mag u niet doen."


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request: AuthenticatedHttpRequest, initiative_id: str) -> HttpResponse:
    initiative = initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    if not initiative_can_edit(user=request.user, initiative=initiative):
        raise PermissionDenied("U mag voor dit initiatief geen gesprek starten.")
    form = AssessmentCreateForm(
        request.POST or None,
        frame=load_frame(),
        initial={"title": f"Gesprek over {initiative.name}", "question_set": ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(
                initiative=initiative,
                actor=request.user,
                title=form.cleaned_data["title"],
                facilitator_participates=form.cleaned_data["facilitator_participates"],
                setup=services.Setup(**form.setup_values()),
            )
        except ValidationError as exc:
            _add_setup_error(form, exc)
        else:
            messages.success(request, "Het gesprek is aangemaakt. Nodig nu de deelnemers uit.")
            return redirect("assessments:participants", assessment_id=assessment.pk)
    context = {"form": form, "initiative": initiative}
    return render(request, "assessments/create.html", context, status=400 if form.errors else 200)


def _add_setup_error(form: AssessmentSetupForm, exc: ValidationError) -> None:
    """A service's error next to the field it is about (its code names the field), else above the form."""
    code = getattr(exc, "code", None)
    form.add_error(code if code in form.fields else None, exc)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_setup(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """Change the questions, time box and anonymity while the session is in preparation."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    if not access.can_manage:
        raise PermissionDenied("Alleen de gespreksleider mag de opzet van het gesprek wijzigen.")
    if assessment.status != Assessment.Status.VOORBEREIDING:
        messages.error(request, services.SETUP_TOO_LATE)
        return redirect("assessments:detail", assessment_id=assessment.pk)
    initial = {
        "question_set": assessment.question_set if assessment.question_ids else "",
        "question_ids": list(assessment.question_ids) if assessment.question_set == OWN_CHOICE else [],
        "anonymous": assessment.anonymous,
        "time_box_minutes": assessment.time_box_minutes,
        "item_minutes": assessment.item_minutes,
    }
    form = AssessmentSetupForm(request.POST or None, frame=assessment_frame(assessment=assessment), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_setup_update(
                assessment=assessment, actor=request.user, setup=services.Setup(**form.setup_values())
            )
        except ValidationError as exc:
            _add_setup_error(form, exc)
        else:
            messages.success(request, "De opzet van het gesprek is opgeslagen.")
            return redirect("assessments:detail", assessment_id=assessment.pk)
    context = base_context(assessment, access, "overzicht")
    context["form"] = form
    return render(request, "assessments/setup.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def assessment_detail(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    context = base_context(assessment, access, "overzicht")
    context["progress"] = assessment_progress(assessment=assessment)
    context["scope"] = assessment_scope(assessment=assessment)
    if access.can_manage and assessment.status == Assessment.Status.OPEN:
        context["last_reminder"] = reminder_last(assessment=assessment)
    if assessment.is_revealed:
        context["results"] = assessment_results(assessment=assessment)
        context["previous"] = assessment_previous(assessment=assessment, user=request.user)
    return render(request, "assessments/detail.html", context)


@login_required
@require_GET
def assessment_progress_partial(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """The live progress block alone; the overview polls it every 5 seconds while the questionnaire is open."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    context = base_context(assessment, access, "overzicht")
    context["progress"] = assessment_progress(assessment=assessment)
    return render(request, "assessments/_progress.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_participants(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    form = InviteForm(request.POST or None)
    if request.method == "POST":
        if not access.can_manage:
            raise PermissionDenied("Alleen de gespreksleider mag deelnemers uitnodigen.")
        if form.is_valid():
            try:
                outcome = assessment_invite(
                    assessment=assessment,
                    actor=request.user,
                    identifier=form.cleaned_data["identifier"],
                    organisation_name=form.cleaned_data["organisation_name"],
                )
            except ValidationError as exc:
                form.add_error("identifier", exc)
            else:
                _invite_message(request, outcome)
                return redirect("assessments:participants", assessment_id=assessment.pk)
    context = base_context(assessment, access, "deelnemers")
    # Removing is possible until the reveal; afterwards everyone has seen the answers (see participant_remove).
    can_remove = access.can_manage and assessment.status in {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}
    can_invite = access.can_manage and assessment.status in {Assessment.Status.VOORBEREIDING, Assessment.Status.OPEN}
    context.update(
        form=form, participants=participant_list(assessment=assessment), can_remove=can_remove, can_invite=can_invite
    )
    if access.can_manage:
        context["invitations"] = invitation_list_for_assessment(assessment=assessment)
    return render(request, "assessments/participants.html", context, status=400 if form.errors else 200)


def _invite_message(request: AuthenticatedHttpRequest, outcome: InviteOutcome) -> None:
    if outcome.participant is not None:
        user = outcome.participant.user
        name = user.get_full_name() or user.get_username()
        if outcome.mailed:
            messages.success(request, f"{name} doet nu mee en heeft een e-mail gekregen met een link naar dit gesprek.")
        else:
            messages.success(request, f"{name} doet nu mee. Er is geen e-mail verstuurd; laat {name} het zelf weten.")
    elif outcome.invitation is not None:
        email = outcome.invitation.email
        if outcome.mailed:
            messages.success(
                request, f"{email} heeft een uitnodiging gekregen. U ziet hieronder of die is geaccepteerd."
            )
        else:
            messages.error(
                request,
                f"De uitnodiging aan {email} kon niet worden verstuurd: de mailserver nam het bericht niet aan. "
                "Kies hieronder 'Opnieuw versturen' om het nog eens te proberen.",
            )


@login_required
@require_http_methods(["GET", "POST"])
def participant_remove(request: AuthenticatedHttpRequest, assessment_id: str, participant_id: int) -> HttpResponse:
    """GET asks for confirmation (and says how many answers go), POST removes; works without JavaScript."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    participant = participant_get(assessment=assessment, participant_id=participant_id)
    if not access.can_manage:
        raise PermissionDenied("Alleen de gespreksleider mag deelnemers verwijderen.")
    name = participant.user.get_full_name() or participant.user.get_username()
    try:
        if request.method == "POST":
            services.participant_remove(assessment=assessment, actor=request.user, participant=participant)
        else:
            services.participant_remove_check(assessment=assessment, actor=request.user, participant=participant)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("assessments:participants", assessment_id=assessment.pk)
    if request.method == "POST":
        messages.success(request, f"{name} doet niet meer mee. De antwoorden van {name} zijn vervallen.")
        return redirect("assessments:participants", assessment_id=assessment.pk)
    context = base_context(assessment, access, "deelnemers")
    context.update(participant=participant, name=name, answer_count=participant_answer_count(participant=participant))
    return render(request, "assessments/participant_remove.html", context)


def _stage_change(
    request: AuthenticatedHttpRequest, assessment_id: str, change: Callable[..., Assessment], done: str
) -> HttpResponseRedirect:
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    try:
        change(assessment=assessment, actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, done)
    return redirect(reverse("assessments:detail", kwargs={"assessment_id": assessment.pk}))


@login_required
@require_POST
def assessment_open(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    return _stage_change(
        request, assessment_id, services.assessment_open, "De vragenlijst is open. De deelnemers kunnen antwoorden."
    )


@login_required
@require_POST
def assessment_remind(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """The button "Herinnering sturen": mail the participants who have not finished; says how many got it."""
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    try:
        sent = services.assessment_remind(assessment=assessment, actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, reminder_text(sent=sent, assessment=assessment, actor=request.user))
    return redirect(reverse("assessments:detail", kwargs={"assessment_id": assessment.pk}))


# A step that cannot be undone: GET shows what the facilitator should know, only a POST that says "ja" does it.
CONFIRM_FIELD = "bevestigen"


def _confirmed_stage_change(
    request: AuthenticatedHttpRequest,
    assessment_id: str,
    *,
    step: str,
    check: Callable[..., None],
    change: Callable[..., Assessment],
    done: str,
) -> HttpResponse:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    detail = reverse("assessments:detail", kwargs={"assessment_id": assessment.pk})
    confirmed = request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "ja"
    try:
        if confirmed:
            change(assessment=assessment, actor=request.user)
        else:
            check(assessment=assessment, actor=request.user)
    except ValidationError as exc:  # the wrong stage: say why on the overview; a missing right is a 403 page
        messages.error(request, error_text(exc))
        return redirect(detail)
    if confirmed:
        messages.success(request, done)
        return redirect(detail)
    context = base_context(assessment, access, "overzicht")
    context.update(
        step=step, check=assessment_step_check(assessment=assessment), not_confirmed=request.method == "POST"
    )
    return render(request, "assessments/stage_confirm.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_reveal(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """GET: who has not finished, and what cannot be undone; POST with the confirmation reveals the answers."""
    return _confirmed_stage_change(
        request,
        assessment_id,
        step="reveal",
        check=services.assessment_reveal_check,
        change=services.assessment_reveal,
        done="De antwoorden zijn onthuld. Bespreek nu de agenda.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_close(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """GET: who has not finished and which questions have no consensus; POST with the confirmation closes."""
    return _confirmed_stage_change(
        request,
        assessment_id,
        step="close",
        check=services.assessment_close_check,
        change=services.assessment_close,
        done="Het gesprek is gesloten. Er kan niets meer veranderen.",
    )
