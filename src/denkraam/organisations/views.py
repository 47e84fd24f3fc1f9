"""Organisation pages: the site administrator's list, an organisation's members, a member's role, removing a member.

Thin: rights and rules are in selectors and services. Outsiders get a 404 on every page of an organisation.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.accounts.models import Membership, Organisation, role_rank
from denkraam.invitations import services as invitation_services
from denkraam.invitations.models import Invitation
from denkraam.invitations.selectors import invitation_get_for_organisation, invitation_list_for_organisation
from denkraam.invitations.views import invitation_resend_and_tell
from denkraam.organisations import services
from denkraam.organisations.forms import InviteForm, OrganisationCreateForm, RoleForm
from denkraam.organisations.selectors import (
    OrganisationAccess,
    beheerder_count,
    initiative_unpublished_count,
    member_rows,
    membership_get,
    organisation_get_for_user,
    organisation_list_all,
)
from denkraam.organisations.services import NOT_MANAGER


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _form_error(form: Form, exc: ValidationError) -> None:
    form.add_error(None if hasattr(exc, "error_dict") else "role", exc)


def _require_manager(access: OrganisationAccess) -> None:
    if not access.can_manage:
        raise PermissionDenied(NOT_MANAGER)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every organisation, and a form to add one: for site administrators; others go to their own organisations."""
    if not request.user.is_superuser:
        if request.method == "POST":
            raise PermissionDenied("Alleen een beheerder van denkraam mag organisaties aanmaken.")
        return redirect("accounts:my_organisations")
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                actor=request.user, name=form.cleaned_data["name"], slug=form.cleaned_data["slug"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, f"De organisatie {organisation.name} is aangemaakt. Nodig nu de eerste beheerder uit."
            )
            return redirect("organisations:detail", slug=organisation.slug)
    context = {"organisations": organisation_list_all(), "form": form}
    return render(request, "organisations/list.html", context, status=400 if form.errors else 200)


def _detail_context(
    organisation: Organisation, access: OrganisationAccess, invite_form: InviteForm | None = None
) -> dict[str, object]:
    context: dict[str, object] = {
        "organisation": organisation,
        "access": access,
        "members": member_rows(organisation=organisation),
        "role_help": RoleForm.base_fields["role"].help_text,
    }
    if access.can_manage:
        # Open ones only: accepted invitations are members now, withdrawn ones are history (in the audit log).
        context["invitations"] = invitation_list_for_organisation(organisation=organisation).filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True
        )
        context["invite_form"] = invite_form or InviteForm()
    return context


@login_required
@require_http_methods(["GET"])
def organisation_detail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The members of one organisation: read-only for its members, with changes and invitations for its beheerders."""
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    return render(request, "organisations/detail.html", _detail_context(organisation, access))


@login_required
@require_POST
def organisation_invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Invite someone by e-mail to become a member with a role (the invitations app sends the mail)."""
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    _require_manager(access)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = invitation_services.invitation_create_for_organisation(
                actor=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            _sent_message(request, invitation)
            return redirect(f"{reverse('organisations:detail', kwargs={'slug': organisation.slug})}#uitnodigingen")
    context = _detail_context(organisation, access, invite_form=form)
    return render(request, "organisations/detail.html", context, status=400)


def _invitation(request: AuthenticatedHttpRequest, slug: str, invitation_id: str) -> tuple[Organisation, Invitation]:
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    invitation = invitation_get_for_organisation(organisation=organisation, invitation_id=invitation_id)
    _require_manager(access)
    return organisation, invitation


def _sent_message(request: AuthenticatedHttpRequest, invitation: Invitation) -> None:
    if invitation.status == Invitation.Status.NOT_SENT:
        messages.error(
            request,
            f"De uitnodiging aan {invitation.email} is bewaard, maar kon niet worden verstuurd: de mailserver nam het "
            "bericht niet aan. Probeer het later opnieuw met 'Opnieuw versturen'.",
        )
    else:
        messages.success(
            request,
            f"{invitation.email} is uitgenodigd als {invitation.get_role_display().lower()}. "
            "Wie de link in de e-mail volgt, wordt lid.",
        )


@login_required
@require_POST
def organisation_invitation_resend(request: AuthenticatedHttpRequest, slug: str, invitation_id: str) -> HttpResponse:
    organisation, invitation = _invitation(request, slug, invitation_id)
    invitation_resend_and_tell(request, invitation)
    return redirect(f"{reverse('organisations:detail', kwargs={'slug': organisation.slug})}#uitnodigingen")


@login_required
@require_http_methods(["GET", "POST"])
def organisation_invitation_withdraw(request: AuthenticatedHttpRequest, slug: str, invitation_id: str) -> HttpResponse:
    """GET asks for confirmation, POST withdraws: the link in the e-mail stops working."""
    organisation, invitation = _invitation(request, slug, invitation_id)
    back = f"{reverse('organisations:detail', kwargs={'slug': organisation.slug})}#uitnodigingen"
    if request.method == "POST":
        try:
            invitation_services.invitation_withdraw(invitation=invitation, actor=request.user)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, f"De uitnodiging aan {invitation.email} is ingetrokken. De link werkt niet meer.")
        return redirect(back)
    if invitation.accepted_at is not None or invitation.withdrawn_at is not None:
        messages.error(request, "Deze uitnodiging kunt u niet meer intrekken.")
        return redirect(back)
    context = {"organisation": organisation, "invitation": invitation}
    return render(request, "organisations/invitation_withdraw.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def member_role(request: AuthenticatedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    """Change one member's role. A beheerder who lowers their own role is asked to confirm first."""
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    membership = membership_get(organisation=organisation, membership_id=membership_id)
    _require_manager(access)
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    context = {"organisation": organisation, "membership": membership, "form": form, "name": _name(membership)}
    if request.method == "POST" and form.is_valid():
        role = form.cleaned_data["role"]
        # The last beheerder is refused by the service below; asking to confirm first would only add a step.
        if (
            _locks_self_out(request, membership, role)
            and "bevestigd" not in request.POST
            and beheerder_count(organisation=organisation) > 1
        ):
            context["new_role_label"] = dict(Membership.Role.choices)[role]
            context["new_role"] = role
            return render(request, "organisations/member_role_confirm.html", context)
        try:
            services.membership_role_set(actor=request.user, membership=membership, role=role)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, f"{_name(membership)} is nu {membership.get_role_display().lower()}.")
            return redirect("organisations:detail", slug=organisation.slug)
    return render(request, "organisations/member_role.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: AuthenticatedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    """GET says what the person loses and asks for confirmation; POST removes. Works without JavaScript."""
    organisation, access = organisation_get_for_user(user=request.user, slug=slug)
    membership = membership_get(organisation=organisation, membership_id=membership_id)
    _require_manager(access)
    is_self = membership.user_id == request.user.pk
    context = {
        "organisation": organisation,
        "membership": membership,
        "name": _name(membership),
        "is_self": is_self,
        "loses_management": is_self and not request.user.is_superuser,
        "initiative_count": initiative_unpublished_count(organisation=organisation),
        "last_beheerder": membership.role == Membership.Role.BEHEERDER
        and beheerder_count(organisation=organisation) <= 1,
    }
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
            return render(request, "organisations/member_remove.html", context, status=400)
        if is_self and not request.user.is_superuser:
            messages.success(request, f"U bent geen lid meer van {organisation.name}.")
            return redirect("web:my_conversations")
        messages.success(request, f"{_name(membership)} is geen lid meer van {organisation.name}.")
        return redirect("organisations:detail", slug=organisation.slug)
    return render(request, "organisations/member_remove.html", context)


def _name(membership: Membership) -> str:
    return membership.user.get_full_name() or membership.user.get_username()


def _locks_self_out(request: AuthenticatedHttpRequest, membership: Membership, role: str) -> bool:
    """A beheerder who gives themselves a lower role can no longer manage the organisation afterwards."""
    return (
        membership.user_id == request.user.pk
        and not request.user.is_superuser
        and membership.role == Membership.Role.BEHEERDER
        and role_rank(role) < role_rank(Membership.Role.BEHEERDER)
    )
