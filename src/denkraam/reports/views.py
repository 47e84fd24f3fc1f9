"""Report pages and downloads. Each view checks access with the selector of the page it summarises, then renders.

Outsiders get a 404 (never a hint that something exists); anonymous visitors go to the login page.
"""

from __future__ import annotations

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.accounts.models import Membership
from denkraam.accounts.selectors import organisation_list_for_user
from denkraam.assessments.selectors import assessment_get_for_user
from denkraam.initiatives.models import CHANNELS, TARGET_GROUPS
from denkraam.initiatives.selectors import initiative_get_for_user
from denkraam.reports.exports.assessment_json import assessment_export
from denkraam.reports.exports.tabular import (
    FORMATS,
    Table,
    actions_table,
    answers_table,
    overdue_table,
    portfolio_table,
    table_bytes,
)
from denkraam.reports.exports.validate import MAX_BYTES, ExportProblems, parse_export
from denkraam.reports.pdf import assessment_pdf
from denkraam.reports.portfolio import PortfolioFilters, portfolio_for_user
from denkraam.reports.render import assessment_context, initiative_context
from denkraam.reports.selectors import assessment_report, initiative_report
from denkraam.reports.services import assessment_import_by_user


def _download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(name: str, suffix: str) -> str:
    return f"{slugify(name)[:60] or 'rapport'}-{timezone.localdate():%Y-%m-%d}.{suffix}"


def _table_response(table: Table, *, name: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Dit formaat bestaat niet.")
    return _download(table_bytes(table, fmt), filename=_filename(name, fmt), content_type=FORMATS[fmt])


@require_GET
@login_required
def assessment_page(request: AuthenticatedHttpRequest, assessment_id: uuid.UUID) -> HttpResponse:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    report = assessment_report(assessment=assessment, user=request.user)
    # A guest of this session gets no link to the initiative's report, unless the initiative is published.
    return render(request, "reports/assessment.html", {**assessment_context(report), "access": access})


@require_GET
@login_required
def assessment_pdf_download(request: AuthenticatedHttpRequest, assessment_id: uuid.UUID) -> HttpResponse:
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    report = assessment_report(assessment=assessment, user=request.user)
    return _download(
        assessment_pdf(report), filename=_filename(f"rapport {assessment.title}", "pdf"), content_type="application/pdf"
    )


@require_GET
@login_required
def assessment_json_download(request: AuthenticatedHttpRequest, assessment_id: uuid.UUID) -> HttpResponse:
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    if not assessment.is_revealed:
        # The export holds everyone's answers; before the reveal that would break the blind round.
        return render(
            request,
            "reports/not_yet.html",
            {"title": "Nog niet onthuld", "assessment": assessment},
            status=409,
        )
    data = assessment_export(assessment=assessment, exported_by=request.user.get_username())
    content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return _download(
        content, filename=_filename(f"gesprek {assessment.title}", "json"), content_type="application/json"
    )


@require_GET
@login_required
def answers_download(request: AuthenticatedHttpRequest, assessment_id: uuid.UUID, fmt: str) -> HttpResponse:
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    table = answers_table(assessment=assessment, user=request.user)
    return _table_response(table, name=f"antwoorden {assessment.title}", fmt=fmt)


@require_GET
@login_required
def actions_download(request: AuthenticatedHttpRequest, assessment_id: uuid.UUID, fmt: str) -> HttpResponse:
    assessment, _ = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    return _table_response(actions_table(assessment=assessment), name=f"acties {assessment.title}", fmt=fmt)


@require_GET
@login_required
def initiative_page(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> HttpResponse:
    initiative = initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    report = initiative_report(initiative=initiative, user=request.user)
    return render(request, "reports/initiative.html", initiative_context(report))


@require_GET
@login_required
def portfolio_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    portfolio = portfolio_for_user(user=request.user, filters=PortfolioFilters.from_query(request.GET))
    return render(
        request,
        "reports/portfolio.html",
        {
            "portfolio": portfolio,
            "title": "Portfolio",
            "query": request.GET.urlencode(),
            "channels": CHANNELS,
            "target_groups": TARGET_GROUPS,
            "can_import": organisation_list_for_user(user=request.user, min_role=Membership.Role.BEHEERDER).exists(),
        },
    )


@require_GET
@login_required
def portfolio_download(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    portfolio = portfolio_for_user(user=request.user, filters=PortfolioFilters.from_query(request.GET))
    return _table_response(portfolio_table(portfolio), name="portfolio", fmt=fmt)


@require_GET
@login_required
def overdue_download(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    portfolio = portfolio_for_user(user=request.user, filters=PortfolioFilters.from_query(request.GET))
    return _table_response(overdue_table(portfolio.overdue), name="te-late-acties", fmt=fmt)


@login_required
def import_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload form for beheerders: read an assessment export into one of their organisations."""
    organisations = list(organisation_list_for_user(user=request.user, min_role=Membership.Role.BEHEERDER))
    if not organisations:
        raise Http404("Alleen beheerders van een organisatie kunnen een gesprek inlezen.")
    problems: list[str] = []
    chosen = organisations[0].slug
    if request.method == "POST":
        chosen = request.POST.get("organisatie", "")
        organisation = next((o for o in organisations if o.slug == chosen), None)
        upload = request.FILES.get("bestand")
        if organisation is None:
            problems = ["Kies een organisatie waar u beheerder bent."]
        elif upload is None:
            problems = ["Kies een bestand om in te lezen."]
        elif upload.size and upload.size > MAX_BYTES:
            problems = [f"Het bestand is te groot (meer dan {MAX_BYTES // (1024 * 1024)} MB)."]
        else:
            try:
                data = parse_export(upload.read())
                result = assessment_import_by_user(data=data, organisation=organisation, actor=request.user)
            except ExportProblems as exc:
                problems = exc.problems
            except ValidationError as exc:
                problems = exc.messages
            else:
                for line in result.lines():
                    messages.success(request, line)
                return redirect("reports:assessment", assessment_id=result.assessment.pk)
    return render(
        request,
        "reports/import.html",
        {"title": "Gesprek inlezen", "organisations": organisations, "chosen": chosen, "problems": problems},
        status=400 if problems else 200,
    )
