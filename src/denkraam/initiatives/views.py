"""Initiative pages: list with filters, create, detail, edit and the audit log. Thin: logic is in services/selectors."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.accounts.models import Membership, Organisation
from denkraam.accounts.selectors import organisation_list_for_user
from denkraam.initiatives.forms import InitiativeFilterForm, InitiativeForm
from denkraam.initiatives.sections import sections_render
from denkraam.initiatives.selectors import (
    initiative_audit_events,
    initiative_can_edit,
    initiative_filter_organisations,
    initiative_get_for_user,
    initiative_list_for_user,
    initiative_role_for_user,
    initiative_rows,
)
from denkraam.initiatives.services import initiative_create, initiative_update

PAGE_SIZE = 50


@login_required
def initiative_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    filter_form = InitiativeFilterForm(
        request.GET or None, organisations=initiative_filter_organisations(user=request.user)
    )
    initiatives = initiative_list_for_user(user=request.user, filters=filter_form.filters())
    page = Paginator(initiatives, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    can_create = organisation_list_for_user(user=request.user, min_role=Membership.Role.LID).exists()
    context = {
        "filter_form": filter_form,
        "page": page,
        # The page of a QuerySet is a sliced QuerySet; django-stubs types every page as _SupportsPagination.
        "rows": initiative_rows(initiatives=page.object_list),  # type: ignore[arg-type]
        "query": query.urlencode(),
        "can_create": can_create,
    }
    return render(request, "initiatives/list.html", context)


@login_required
def initiative_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    owner_choices = organisation_list_for_user(user=request.user, min_role=Membership.Role.LID)
    if not owner_choices.exists():
        return render(request, "initiatives/no_organisation.html", status=403)
    form = InitiativeForm(request.POST or None, owner_choices=owner_choices)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = initiative_create(user=request.user, **form.service_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Het initiatief '{initiative.name}' is opgeslagen.")
            return redirect("initiatives:detail", initiative_id=initiative.pk)
    return render(request, "initiatives/form.html", {"form": form, "initiative": None})


@login_required
def initiative_detail(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> HttpResponse:
    initiative = initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    role = initiative_role_for_user(user=request.user, initiative=initiative)
    can_edit = initiative_can_edit(user=request.user, initiative=initiative)
    context = {
        "initiative": initiative,
        "role": role,
        "can_edit": can_edit,
        "sections": sections_render(request=request, initiative=initiative, role=role, can_edit=can_edit),
    }
    return render(request, "initiatives/detail.html", context)


@login_required
def initiative_edit(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> HttpResponse:
    initiative = initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    if not initiative_can_edit(user=request.user, initiative=initiative):
        raise PermissionDenied("U mag dit initiatief niet wijzigen.")
    # A partner member keeps the current owner as a choice, but may only move it to an own organisation.
    own = organisation_list_for_user(user=request.user, min_role=Membership.Role.LID)
    owner_choices = Organisation.objects.filter(Q(pk__in=own.values("pk")) | Q(pk=initiative.owner_id))
    form = InitiativeForm(
        request.POST or None, owner_choices=owner_choices, initial=InitiativeForm.initial_for(initiative)
    )
    if request.method == "POST" and form.is_valid():
        try:
            initiative_update(user=request.user, initiative=initiative, **form.service_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Uw wijzigingen zijn opgeslagen.")
            return redirect("initiatives:detail", initiative_id=initiative.pk)
    return render(request, "initiatives/form.html", {"form": form, "initiative": initiative})


@login_required
def initiative_logbook(request: AuthenticatedHttpRequest, initiative_id: uuid.UUID) -> HttpResponse:
    initiative = initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    if initiative_role_for_user(user=request.user, initiative=initiative) is None:
        # Published initiatives are readable by all, but who changed what is for the organisations involved only.
        raise Http404("Dit logboek bestaat niet of u heeft er geen toegang toe.")
    page = Paginator(initiative_audit_events(initiative=initiative), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "initiatives/logbook.html", {"initiative": initiative, "page": page})
