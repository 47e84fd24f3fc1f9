"""Feedback pages: dashboard, upload, column choice with a scrubbed preview, progress, cancel and delete. Thin views."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.analysis.feedback import FeedbackInputError
from denkraam.analysis.feedback.readers import MAX_TEXT_LENGTH, dutch_number
from denkraam.feedback import services
from denkraam.feedback.charts import month_chart, need_chart
from denkraam.feedback.forms import ColumnsForm, UploadForm
from denkraam.feedback.models import FeedbackImport
from denkraam.feedback.selectors import (
    FeedbackAccess,
    feedback_access_for_user,
    feedback_dashboard,
    feedback_import_get,
)
from denkraam.feedback.uploads import UPLOAD_FIELD, PrivateUploadedFile, PrivateUploadHandler, max_rows


def _editable(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> FeedbackAccess:
    access = feedback_access_for_user(user=request.user, initiative_id=initiative_id)
    if not access.can_edit:
        raise PermissionDenied("Alleen leden van de betrokken organisaties kunnen klantfeedback importeren.")
    return access


@login_required
def dashboard(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> HttpResponse:
    access = feedback_access_for_user(user=request.user, initiative_id=initiative_id)
    selected = None
    if chosen := request.GET.get("import"):
        selected = feedback_import_get(initiative=access.initiative, import_id=chosen)
    data = feedback_dashboard(initiative=access.initiative, feedback_import=selected)
    context = {
        "initiative": access.initiative,
        "access": access,
        "data": data,
        "selected": selected,
        "need_chart": need_chart(data.needs) if data.total else None,
        "month_chart": month_chart(data.months),
    }
    return render(request, "feedback/dashboard.html", context)


# The upload streams into the private temp folder: the handler must be set before anything reads the body, so
# CSRF is checked by the inner view instead of the middleware (Django's documented pattern for upload handlers).
@csrf_exempt
@login_required
def upload(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> HttpResponse:
    access = _editable(request, initiative_id)
    handler = PrivateUploadHandler(request)
    request.upload_handlers = [handler]
    try:
        return _upload(request, access=access, handler=handler)
    finally:
        # Whatever went wrong (bad CSRF token, invalid form, unreadable file), a raw file nobody took is deleted.
        if not handler.adopted:
            handler.discard()


@csrf_protect
def _upload(
    request: AuthenticatedHttpRequest, *, access: FeedbackAccess, handler: PrivateUploadHandler
) -> HttpResponse:
    limit_mb = handler.max_bytes // (1024 * 1024)
    form = UploadForm()
    if request.method == "POST":
        received = request.FILES.get(UPLOAD_FIELD)
        too_big = f"Het bestand is groter dan {limit_mb} MB. Splits het, of laat kolommen weg die u niet nodig heeft."
        form = UploadForm(request.POST, request.FILES, too_big_message=too_big if handler.too_big else "")
        if form.is_valid() and isinstance(received, PrivateUploadedFile):
            try:
                feedback_import = services.feedback_upload_prepare(
                    initiative=access.initiative, user=request.user, temp_name=received.temp_name,
                    file_name=received.name or "",
                )  # fmt: skip
            except FeedbackInputError as error:
                form.add_error(None, str(error))
            else:
                handler.adopted = True
                return redirect("feedback:import", initiative_id=access.initiative.pk, import_id=feedback_import.pk)
    context = {"initiative": access.initiative, "form": form, "limit_mb": limit_mb, "max_rows": max_rows()}
    return render(request, "feedback/upload.html", context)


@login_required
def import_detail(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID, import_id: uuid.UUID) -> HttpResponse:
    access = feedback_access_for_user(user=request.user, initiative_id=initiative_id)
    feedback_import = feedback_import_get(initiative=access.initiative, import_id=import_id)
    context = {"initiative": access.initiative, "access": access, "item": feedback_import}
    if feedback_import.status != FeedbackImport.Status.PREPARED or not access.can_edit:
        return render(request, "feedback/import.html", context)
    form = ColumnsForm(request.POST or None, columns=feedback_import.columns)
    preview, preview_error = None, ""
    if request.method == "POST" and form.is_valid() and request.POST.get("actie") == "importeren":
        services.feedback_import_start(feedback_import=feedback_import, user=request.user, **form.choice())
        return redirect("feedback:import", initiative_id=access.initiative.pk, import_id=feedback_import.pk)
    if request.method == "GET" or form.is_valid():
        try:
            preview = services.feedback_import_preview(feedback_import=feedback_import, **form.choice())
        except FeedbackInputError as error:
            preview_error = str(error)
    context |= {"form": form, "preview": preview, "preview_error": preview_error,
                "max_text_length": dutch_number(MAX_TEXT_LENGTH)}  # fmt: skip
    return render(request, "feedback/import.html", context)


@login_required
def import_progress(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID, import_id: uuid.UUID) -> HttpResponse:
    access = feedback_access_for_user(user=request.user, initiative_id=initiative_id)
    feedback_import = feedback_import_get(initiative=access.initiative, import_id=import_id)
    context = {"initiative": access.initiative, "access": access, "item": feedback_import}
    return render(request, "feedback/_progress.html", context)


@require_POST
@login_required
def import_cancel(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID, import_id: uuid.UUID) -> HttpResponse:
    access = _editable(request, initiative_id)
    feedback_import = feedback_import_get(initiative=access.initiative, import_id=import_id)
    feedback_import = services.feedback_import_cancel(feedback_import=feedback_import, user=request.user)
    if feedback_import.status == FeedbackImport.Status.CANCELLED:
        messages.info(request, "De import is geannuleerd. Het bestand en eventuele reacties zijn verwijderd.")
    return redirect("feedback:dashboard", initiative_id=access.initiative.pk)


@require_POST
@login_required
def import_delete(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID, import_id: uuid.UUID) -> HttpResponse:
    access = _editable(request, initiative_id)
    feedback_import = feedback_import_get(initiative=access.initiative, import_id=import_id)
    if feedback_import.is_working:
        feedback_import = services.feedback_import_cancel(feedback_import=feedback_import, user=request.user)
    services.feedback_import_delete(feedback_import=feedback_import, user=request.user)
    messages.success(request, f"De reacties uit {feedback_import.file_name} zijn verwijderd.")
    return redirect("feedback:dashboard", initiative_id=access.initiative.pk)
