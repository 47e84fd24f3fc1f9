"""The big screen for the facilitator, the live partials it and the participants poll, and the join code."""

from __future__ import annotations

import functools
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.assessments.forms import ConsensusForm
from denkraam.assessments.models import Assessment
from denkraam.assessments.polling import PARTICIPANT_POLL_SECONDS, SCREEN_POLL_SECONDS
from denkraam.assessments.selectors import AssessmentAccess, assessment_frame, assessment_get_for_user
from denkraam.assessments.selectors.presentation import (
    JOIN_CODE_INVALID,
    Screen,
    assessment_find_by_code,
    assessment_join_code,
    join_code_clean,
    live_status,
    live_version,
    presentation_screen,
)
from denkraam.assessments.services.presentation import presentation_decide, presentation_start, presentation_step
from denkraam.assessments.views.session import error_text

NO_SCREEN = "Alleen de gespreksleider kan het scherm openen en bedienen."


@functools.lru_cache(maxsize=64)
def _qr_svg(url: str) -> SafeString:
    # segno writes the SVG itself from a URL we built; nothing from the request body goes into it.
    qr = segno.make(url, error="m")
    return mark_safe(qr.svg_inline(scale=1, border=4, omitsize=True, svgclass="denkraam-qr", dark="#000", light="#fff"))


def _manager_only(request: AuthenticatedHttpRequest, assessment_id: str) -> tuple[Assessment, AssessmentAccess]:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    if not access.can_manage:
        raise PermissionDenied(NO_SCREEN)
    return assessment, access


def _screen_context(
    request: AuthenticatedHttpRequest, assessment: Assessment, screen: Screen, form: ConsensusForm | None = None
) -> dict[str, Any]:
    code = assessment_join_code(assessment=assessment)
    join_path = reverse("assessments:join")
    join_url = request.build_absolute_uri(join_path)
    context: dict[str, Any] = {
        "assessment": assessment,
        "screen": screen,
        "poll_seconds": SCREEN_POLL_SECONDS,
        "join_code": code,
        "join_url": join_url,
    }
    if screen.stage == "voor":
        context["qr_svg"] = _qr_svg(f"{join_url}?code={code}")
    if screen.stage == "agenda" and screen.summary is not None:
        consensus = screen.summary.consensus
        initial = {"rating": consensus.rating, "rationale": consensus.rationale} if consensus else {}
        context["form"] = form or ConsensusForm(frame=assessment_frame(assessment=assessment), initial=initial)
    return context


@login_required
@require_GET
def presentation(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """The big screen: join code and progress before the reveal, then one agenda item at a time."""
    assessment, _ = _manager_only(request, assessment_id)
    screen = presentation_screen(assessment=assessment)
    return render(request, "assessments/present.html", _screen_context(request, assessment, screen))


@never_cache
@login_required
@require_GET
def presentation_live(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """The screen's content alone, polled; 204 (nothing to swap) while the version stamp is the page's own."""
    assessment, _ = _manager_only(request, assessment_id)
    # The stamp first: an unchanged screen costs a count, not the agenda with every answer.
    if request.GET.get("v") == live_version(assessment=assessment, with_progress=True):
        return HttpResponse(status=204)
    screen = presentation_screen(assessment=assessment)
    return render(request, "assessments/_present_stage.html", _screen_context(request, assessment, screen))


@login_required
@require_POST
def presentation_begin(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    assessment, _ = _manager_only(request, assessment_id)
    try:
        presentation_start(assessment=assessment, actor=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("assessments:present", assessment_id=assessment.pk)


@login_required
@require_POST
def presentation_move(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """One form, three buttons: record the consensus and go on, or only the previous or next item."""
    assessment, _ = _manager_only(request, assessment_id)
    question_id = request.POST.get("vraag", "")
    action = request.POST.get("richting", "")
    try:
        if action == "vastleggen":
            form = ConsensusForm(request.POST, frame=assessment_frame(assessment=assessment))
            if not form.is_valid():
                screen = presentation_screen(assessment=assessment)
                context = _screen_context(request, assessment, screen, form)
                return render(request, "assessments/present.html", context, status=400)
            _, moved = presentation_decide(
                assessment=assessment, actor=request.user, question_id=question_id, **form.cleaned_data
            )
            if not moved:
                messages.success(request, "Het gezamenlijke oordeel is vastgelegd. Dit was het laatste agendapunt.")
        elif action in {"volgende", "vorige"}:
            step = 1 if action == "volgende" else -1
            presentation_step(assessment=assessment, actor=request.user, from_question_id=question_id, step=step)
        else:
            messages.error(request, "Kies 'Volgende vraag', 'Vorige vraag' of 'Vastleggen en volgende vraag'.")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("assessments:present", assessment_id=assessment.pk)


@never_cache
@login_required
@require_GET
def assessment_live(request: AuthenticatedHttpRequest, assessment_id: str) -> HttpResponse:
    """A participant's live line (stage, question on the screen), polled; 204 while nothing changed."""
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    if request.GET.get("v") == live_version(assessment=assessment, with_progress=False):
        return HttpResponse(status=204)
    status = live_status(assessment=assessment)
    context = {"assessment": assessment, "access": access, "live": status, "poll_seconds": PARTICIPANT_POLL_SECONDS}
    return render(request, "assessments/_live_status.html", context)


@login_required
@require_GET
def join(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Type the code from the screen (or scan the QR code) and land on the questionnaire, if one takes part.

    The code opens nothing by itself: someone who is not in the session gets the same 404 as for any session
    they have no access to, and so does an unknown code.
    """
    code = request.GET.get("code", "")
    if not code.strip():
        return render(request, "assessments/join.html", {"code": ""})
    if join_code_clean(code) is None:
        return render(request, "assessments/join.html", {"code": code, "error": JOIN_CODE_INVALID}, status=400)
    assessment = assessment_find_by_code(user=request.user, code=code)
    return redirect("assessments:questionnaire", assessment_id=assessment.pk)
