"""An organisation's house-style pages: the current list for its members; edit, upload, versions and restore for
its beheerders. Outsiders get a 404 on every page (from `organisation_get_for_user`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.accounts.models import Organisation
from denkraam.analysis.text.extract import InputError
from denkraam.analysis.text.house_style import (
    KIND_ABBREVIATION,
    KIND_ALLOWED,
    KIND_AVOID,
    HouseStyleEntry,
    decode_house_style,
    serialise_house_style_entries,
)
from denkraam.housestyle import services
from denkraam.housestyle.forms import EMPTY_ROWS, MAX_FORM_ROWS, ConfirmForm, NoteForm, UploadForm, entry_formset
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.housestyle.selectors import (
    house_style_entries,
    house_style_version_current,
    house_style_version_get,
    house_style_version_list,
)
from denkraam.organisations.selectors import OrganisationAccess, organisation_get_for_user
from denkraam.organisations.services import NOT_MANAGER

KIND_HEADINGS = [
    (KIND_AVOID, "Woorden om niet te gebruiken", "Vervang door"),
    (KIND_ALLOWED, "Woorden die onze lezers kennen", "Uitleg"),
    (KIND_ABBREVIATION, "Eigen afkortingen", "Betekenis"),
]
MAX_EXTRA_ROWS = 50


def _manager(request: AuthenticatedHttpRequest, slug: str) -> tuple[Organisation, OrganisationAccess]:
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    if not access.can_manage:
        raise PermissionDenied(NOT_MANAGER)
    return organisation, access


def _groups(entries: list[HouseStyleEntry]) -> list[dict[str, object]]:
    return [
        {"kind": kind, "heading": heading, "column": column, "entries": [e for e in entries if e.kind == kind]}
        for kind, heading, column in KIND_HEADINGS
    ]


def _saved(request: AuthenticatedHttpRequest, version: HouseStyleVersion) -> HttpResponse:
    messages.success(
        request,
        f"Versie {version.number} van de huisstijl is bewaard, met {version.entry_count} termen. "
        "De tekstcheck gebruikt hem vanaf nu.",
    )
    return redirect("housestyle:detail", slug=version.organisation.slug)


@login_required
@require_GET
def house_style_detail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The current list, grouped by kind: for every member; beheerders also get the links to change it."""
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    current = house_style_version_current(organisation=organisation)
    entries = house_style_entries(version=current) if current else []
    context = {"organisation": organisation, "access": access, "current": current, "groups": _groups(entries)}
    return render(request, "housestyle/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def house_style_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The list as rows in a form: change, empty or tick 'Verwijderen' to remove, fill an empty row to add."""
    organisation, access = _manager(request, slug)
    current = house_style_version_current(organisation=organisation)
    entries = house_style_entries(version=current) if current else []
    context: dict[str, object] = {"organisation": organisation, "access": access, "current": current}
    if len(entries) > MAX_FORM_ROWS:
        context["too_long"] = MAX_FORM_ROWS
        return render(request, "housestyle/edit.html", context)
    # A sent form is read without the stored rows as its initial data: a row left as it was must count as filled
    # in, not as "unchanged, so empty" (Django skips unchanged extra rows).
    formset = entry_formset(request.POST) if request.method == "POST" else entry_formset(entries=entries)
    if request.method == "GET":
        try:
            more = max(0, min(int(request.GET.get("rijen", 0)), MAX_EXTRA_ROWS, MAX_FORM_ROWS - len(entries)))
        except ValueError:
            more = 0
        if more:
            formset = entry_formset(entries=entries + [HouseStyleEntry(KIND_AVOID, "")] * more)
    note_form = NoteForm(request.POST if request.method == "POST" else None)
    context.update(formset=formset, note_form=note_form, more_rows=10, empty_rows=EMPTY_ROWS)
    if request.method == "POST" and formset.is_valid() and note_form.is_valid():
        try:
            version = services.house_style_save(
                actor=request.user,
                organisation=organisation,
                entries=formset.entries(),
                note=note_form.cleaned_data["note"],
                how="formulier",
            )
        except ValidationError as exc:
            context["save_errors"] = exc.messages
        else:
            return _saved(request, version)
    status = 400 if request.method == "POST" else 200
    return render(request, "housestyle/edit.html", context, status=status)


def _differences(old: list[HouseStyleEntry], new: list[HouseStyleEntry]) -> dict[str, int]:
    before = {e.term.casefold(): (e.kind, e.text) for e in old}
    after = {e.term.casefold(): (e.kind, e.text) for e in new}
    return {
        "added": len(after.keys() - before.keys()),
        "removed": len(before.keys() - after.keys()),
        "changed": sum(1 for key in after.keys() & before.keys() if after[key] != before[key]),
    }


@login_required
@require_http_methods(["GET", "POST"])
def house_style_upload(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Upload a list file: first a preview with what changes, then 'Bewaren' stores it as a new version."""
    organisation, access = _manager(request, slug)
    current = house_style_version_current(organisation=organisation)
    context: dict[str, object] = {"organisation": organisation, "access": access, "current": current}
    if request.method == "POST" and "content" in request.POST:
        confirm = ConfirmForm(request.POST)
        if confirm.is_valid():
            try:
                entries = services.house_style_check(content=confirm.cleaned_data["content"])
                version = services.house_style_save(
                    actor=request.user,
                    organisation=organisation,
                    entries=entries,
                    note=confirm.cleaned_data["note"],
                    how="bestand",
                )
            except ValidationError as exc:
                confirm.add_error(None, exc)
            else:
                return _saved(request, version)
        context["form"] = UploadForm(initial={"note": request.POST.get("note", "")})
        context["upload_errors"] = [error for errors in confirm.errors.values() for error in errors]
        return render(request, "housestyle/upload.html", context, status=400)
    form = UploadForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            entries = services.house_style_check(content=decode_house_style(form.cleaned_data["file"]))
        except (InputError, ValidationError) as exc:
            form.add_error("file", str(exc) if isinstance(exc, InputError) else exc)
        else:
            old = house_style_entries(version=current) if current else []
            content = serialise_house_style_entries(entries)
            context.update(
                entries=entries,
                groups=_groups(entries),
                differences=_differences(old, entries),
                unchanged=current is not None and current.content == content,
                confirm=ConfirmForm(initial={"content": content, "note": form.cleaned_data["note"]}),
            )
            return render(request, "housestyle/preview.html", context)
    status = 400 if form.errors else 200
    return render(request, "housestyle/upload.html", context, status=status)


@login_required
@require_GET
def house_style_download(request: AuthenticatedHttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    """The current list (or one version) as a TSV file, to edit in a spreadsheet and upload again."""
    organisation, _ = organisation_get_for_user(user=request.user, slug=slug)
    version = (
        house_style_version_get(organisation=organisation, number=number)
        if number is not None
        else house_style_version_current(organisation=organisation)
    )
    content = version.content if version else serialise_house_style_entries([])
    name = (
        f"huisstijl-{organisation.slug}-versie-{version.number}.tsv"
        if version
        else f"huisstijl-{organisation.slug}.tsv"
    )
    response = HttpResponse(content.encode("utf-8"), content_type="text/tab-separated-values; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def house_style_versions(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Every version with who saved it, when and why; beheerders can restore an old one."""
    organisation, access = _manager(request, slug)
    context = {
        "organisation": organisation,
        "access": access,
        "versions": house_style_version_list(organisation=organisation),
    }
    return render(request, "housestyle/versions.html", context)


@login_required
@require_GET
def house_style_version(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    """One old version as it was, with a button to make it current again."""
    organisation, access = _manager(request, slug)
    version = house_style_version_get(organisation=organisation, number=number)
    current = house_style_version_current(organisation=organisation)
    context = {
        "organisation": organisation,
        "access": access,
        "version": version,
        "is_current": current is not None and current.pk == version.pk,
        "groups": _groups(house_style_entries(version=version)),
    }
    return render(request, "housestyle/version.html", context)


@login_required
@require_POST
def house_style_restore(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    """Make an old version current: a new version with its content; the history keeps both."""
    organisation, _ = _manager(request, slug)
    version = house_style_version_get(organisation=organisation, number=number)
    try:
        restored = services.house_style_restore(actor=request.user, version=version)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("housestyle:versions", slug=organisation.slug)
    messages.success(request, f"Versie {number} is teruggezet: de huisstijl is nu versie {restored.number}.")
    return redirect("housestyle:detail", slug=organisation.slug)
