"""Thin views for evidence: add, show with marked findings, live status, re-analyse, download the original,
and the Tekstcheck page (check a pasted text without storing it)."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.analysis.text.extract import InputError
from denkraam.evidence import services
from denkraam.evidence.analyse import current_analyser_version
from denkraam.evidence.forms import EVIDENCE_FORMS, FindingFilterForm, TextCheckForm
from denkraam.evidence.marking import marked_text_html
from denkraam.evidence.models import EvidenceItem
from denkraam.evidence.selectors import (
    analysis_current,
    analysis_list,
    analysis_result,
    evidence_can_add,
    evidence_get_for_user,
    findings_filtered,
)
from denkraam.evidence.text_check import TEXT_CHECK_BUSY, text_check_allowed, text_check_run
from denkraam.evidence.word_file import (
    DOCX_CONTENT_TYPE,
    TEXT_CHECK_FILE_NAME,
    evidence_word_file,
    text_check_word_file,
)
from denkraam.housestyle.forms import house_style_choice_field
from denkraam.housestyle.selectors import house_style_for_user, house_style_options_for_user
from denkraam.initiatives.selectors import initiative_get_for_user

ADDED = {
    "tekst": "De tekst is toegevoegd. De analyse loopt.",
    "bestand": "Het bestand is toegevoegd. De analyse loopt.",
    "webpagina": "De webpagina is toegevoegd. denkraam haalt hem op en analyseert hem.",
}


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request: AuthenticatedHttpRequest, initiative_id: str) -> HttpResponse:
    """Three small forms on one page; the one that was sent is checked, the others stay empty."""
    initiative = initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    if not evidence_can_add(user=request.user, initiative=initiative):
        raise PermissionDenied(services.NOT_ALLOWED)
    way = request.POST.get("way", "") if request.method == "POST" else ""
    forms = {
        name: form_class(request.POST, request.FILES) if name == way else form_class()
        for name, form_class in EVIDENCE_FORMS.items()
    }
    status = 200
    if request.method == "POST":
        form = forms.get(way)
        if form is None:
            raise Http404("Onbekende manier om bewijs toe te voegen.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                if way == "tekst":
                    item, _ = services.evidence_add_text(
                        initiative=initiative,
                        actor=request.user,
                        title=data["title"],
                        text=data["text"],
                        keep_original=data["keep_original"],
                    )
                elif way == "bestand":
                    item, _ = services.evidence_add_file(
                        initiative=initiative,
                        actor=request.user,
                        title=data["title"],
                        upload=data["upload"],
                        keep_original=data["keep_original"],
                    )
                else:
                    item, _ = services.evidence_add_url(
                        initiative=initiative, actor=request.user, title=data["title"], url=data["url"]
                    )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, ADDED[way])
                return redirect("evidence:detail", item_id=item.pk)
        status = 400
    context = {"initiative": initiative, "forms": forms, "way": way or "tekst"}
    return render(request, "evidence/add.html", context, status=status)


def _status_context(item: EvidenceItem) -> dict[str, object]:
    current = analysis_current(item=item)
    return {"item": item, "current": current, "running": current is not None and not current.is_finished}


@login_required
@require_GET
def evidence_detail(request: AuthenticatedHttpRequest, item_id: str) -> HttpResponse:
    item = evidence_get_for_user(user=request.user, item_id=item_id)
    result = analysis_result(item=item)
    filters = FindingFilterForm(request.GET or None)
    need = severity = ""
    if filters.is_valid():
        need, severity = filters.cleaned_data["behoefte"], filters.cleaned_data["ernst"]
    context = _status_context(item)
    context.update(
        initiative=item.initiative,
        result=result,
        filters=filters,
        can_add=evidence_can_add(user=request.user, initiative=item.initiative),
        analyses=analysis_list(item=item),
    )
    if result is not None:
        findings = findings_filtered(analysis=result, need=need, severity=severity)
        context.update(
            findings=findings,
            total=len(result.findings),
            marked_text=marked_text_html(item.text, findings),
            need_rows=[
                {"id": n, "label": n.capitalize(), "score": result.needs.get(n)}
                for n in ("vertrouwen", "persoonlijk", "gemak")
            ],
            filtered=bool(need or severity),
            # A scrubbed HTML upload keeps no original, so its analysis has no page check that could be out of date.
            outdated=result.analyser_version
            != current_analyser_version(with_page=item.is_html and bool(item.original)),
        )
    return render(request, "evidence/detail.html", context)


@login_required
@require_GET
def evidence_status(request: AuthenticatedHttpRequest, item_id: str) -> HttpResponse:
    """The progress partial that the evidence page polls every 2 seconds while an analysis runs."""
    item = evidence_get_for_user(user=request.user, item_id=item_id)
    context = _status_context(item)
    if request.htmx and not context["running"]:
        # Finished: reload the whole page so the results appear (the partial alone has no room for them).
        return HttpResponseClientRefresh()
    return render(request, "evidence/_status.html", context)


@login_required
@require_POST
def evidence_reanalyse(request: AuthenticatedHttpRequest, item_id: str) -> HttpResponse:
    item = evidence_get_for_user(user=request.user, item_id=item_id)
    services.analysis_request(item=item, actor=request.user)
    messages.success(request, "Een nieuwe analyse staat in de wachtrij. De vorige uitkomst blijft bewaard.")
    return redirect("evidence:detail", item_id=item.pk)


@login_required
@require_GET
def evidence_download(request: AuthenticatedHttpRequest, item_id: str) -> FileResponse:
    """The original as a download, never shown inline: an uploaded HTML page must not run on our site."""
    item = evidence_get_for_user(user=request.user, item_id=item_id)
    if not item.original:
        raise Http404("Bij dit bewijs hoort geen bestand.")
    name = item.original_name or f"bewijs{PurePath(item.original.name).suffix}"
    response = FileResponse(
        item.original.open("rb"), as_attachment=True, filename=name, content_type="application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_GET
def evidence_word(request: AuthenticatedHttpRequest, item_id: str) -> HttpResponse:
    """The evidence with the text check's findings as Word comments (a .docx original: the writer's own file)."""
    item = evidence_get_for_user(user=request.user, item_id=item_id)
    if item.kind == EvidenceItem.Kind.WEBPAGINA or not item.text:
        raise Http404("Bij dit bewijs hoort geen brief.")
    try:
        content, name = evidence_word_file(item=item)
    except InputError as exc:
        messages.error(request, str(exc))
        return redirect("evidence:detail", item_id=item.pk)
    return _word_download(content, name)


def _word_download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
@require_POST
def text_check_word(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The pasted text as a new Word file with the findings as comments; like the page, nothing is stored."""
    form = TextCheckForm(request.POST)
    house_styles = house_style_options_for_user(user=request.user)
    if house_styles:
        form.fields["house_style"] = house_style_choice_field(house_styles)
    if form.is_valid() and text_check_allowed(user_id=request.user.pk, characters=len(form.cleaned_data["text"])):
        content = text_check_word_file(
            text=form.cleaned_data["text"],
            is_letter=form.is_letter,
            max_sentence_words=form.cleaned_data["max_sentence_words"],
            house_style=house_style_for_user(user=request.user, slug=form.cleaned_data.get("house_style", "")),
            letter_type=form.chosen_letter_type,
        )
        return _word_download(content, TEXT_CHECK_FILE_NAME)
    if form.is_valid():
        form.add_error("text", TEXT_CHECK_BUSY)
        return render(request, "evidence/text_check.html", {"form": form, "result": None}, status=429)
    return render(request, "evidence/text_check.html", {"form": form, "result": None}, status=400)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def text_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Tekstcheck: paste a text, see its findings. Nothing is stored; an htmx request gets only the result."""
    form = TextCheckForm(request.POST if request.method == "POST" else None)
    house_styles = house_style_options_for_user(user=request.user)
    if house_styles:  # the lists of the user's organisations, the first chosen unless the user picks another
        form.fields["house_style"] = house_style_choice_field(house_styles)
    result = None
    status = 200
    if form.is_bound:
        if form.is_valid() and not text_check_allowed(
            user_id=request.user.pk, characters=len(form.cleaned_data["text"]), deep=form.cleaned_data["deep"]
        ):
            form.add_error("text", TEXT_CHECK_BUSY)
            status = 429
        if form.is_valid():
            result = text_check_run(
                text=form.cleaned_data["text"],
                is_letter=form.is_letter,
                max_sentence_words=form.cleaned_data["max_sentence_words"],
                house_style=house_style_for_user(user=request.user, slug=form.cleaned_data.get("house_style", "")),
                deep=form.cleaned_data["deep"],
                letter_type=form.chosen_letter_type,
            )
        elif not request.htmx and status == 200:
            status = 400
    context = {"form": form, "result": result}
    if request.htmx:
        # htmx does not swap 4xx answers, so a problem while typing comes back as 200 and is shown in the result.
        return render(request, "evidence/_text_check_result.html", context)
    return render(request, "evidence/text_check.html", context, status=status)
