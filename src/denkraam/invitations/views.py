"""The accept page of an invitation (/uitnodiging/<token>/), and resend and withdraw on the participants page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import assessment_get_for_user
from denkraam.assessments.views.session import base_context, error_text
from denkraam.invitations import services
from denkraam.invitations.forms import InvitationAccountForm
from denkraam.invitations.models import Invitation
from denkraam.invitations.selectors import invitation_get_by_token, invitation_get_for_assessment

# The accounts backend by name: there are several (django-axes first), and a new account has no password typed here.
_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _destination(invitation: Invitation) -> str:
    """Where someone goes once the invitation is theirs: the questionnaire (or the session), or their organisations."""
    assessment = invitation.assessment
    if assessment is None:
        return reverse("accounts:my_organisations")
    name = "assessments:questionnaire" if assessment.status == Assessment.Status.OPEN else "assessments:detail"
    return reverse(name, kwargs={"assessment_id": assessment.pk})


def _oidc_buttons() -> bool:
    # The sign-on buttons come with single sign-on (accounts/oidc); without that template the page offers a password.
    try:
        get_template("accounts/_oidc_buttons.html")
    except TemplateDoesNotExist:
        return False
    return True


def _unusable(request: HttpRequest, invitation: Invitation | None, reason: str) -> HttpResponse:
    """The page for a link that opens nothing: what happened and whom to ask. Nothing is changed."""
    status = 404 if reason == "unknown" else 410
    ask = ""
    if invitation is not None and invitation.assessment is not None:
        ask = invitation.assessment.facilitator_display
    elif invitation is not None and invitation.invited_by is not None:
        ask = invitation.invited_by.get_full_name() or invitation.invited_by.get_username()
    context = {"invitation": invitation, "reason": reason, "ask": ask}
    return render(request, "invitations/unusable.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_get_by_token(token=token)
    reason = services.invitation_problem(invitation=invitation)
    user = request.user
    if (
        reason == "accepted"
        and invitation is not None
        and user.is_authenticated
        and invitation.accepted_by_id == user.pk
    ):
        return redirect(_destination(invitation))  # the link from the e-mail, clicked again by the one who accepted
    if reason is not None or invitation is None:
        return _unusable(request, invitation, reason or "unknown")
    here = request.path
    form = InvitationAccountForm(request.POST or None)
    account_exists = not user.is_authenticated and services.invitation_account_exists(invitation=invitation)
    if request.method == "POST":
        try:
            if user.is_authenticated:
                services.invitation_accept(token=token, user=user)
                return redirect(_destination(invitation))
            if account_exists:
                return redirect(f"{reverse('accounts:login')}?{urlencode({'next': here})}")
            if form.is_valid():
                new_user, accepted = services.invitation_account_create(
                    token=token, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
                )
                login(request, new_user, backend=_BACKEND)
                return redirect(_destination(accepted))
        except services.InvitationUnusable as exc:
            return _unusable(request, invitation, exc.reason)
        except services.AccountExists:
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': here})}")
        except ValidationError as exc:
            form.add_error(None, exc)
    context = {
        "invitation": invitation,
        "form": form,
        "account_exists": account_exists,
        "next": here,
        "login_url": f"{reverse('accounts:login')}?{urlencode({'next': here})}",
        "oidc_buttons": _oidc_buttons(),
    }
    return render(request, "invitations/accept.html", context, status=400 if form.errors else 200)


def _manage(
    request: AuthenticatedHttpRequest, assessment_id: str, invitation_id: str
) -> tuple[Assessment, Invitation, dict[str, object]]:
    assessment, access = assessment_get_for_user(user=request.user, assessment_id=assessment_id)
    invitation = invitation_get_for_assessment(assessment=assessment, invitation_id=invitation_id)
    if not access.can_manage:
        raise PermissionDenied("Alleen de gespreksleider mag uitnodigingen beheren.")
    return assessment, invitation, base_context(assessment, access, "deelnemers")


def invitation_resend_and_tell(request: AuthenticatedHttpRequest, invitation: Invitation) -> None:
    """Send the invitation again (new link, new expiry) and tell the sender whether the mail went out. Shared by the
    session's and the organisation's pages."""
    sent_before = invitation.sent_count
    try:
        services.invitation_resend(invitation=invitation, actor=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return
    if invitation.sent_count > sent_before:
        messages.success(
            request, f"De uitnodiging is opnieuw verstuurd naar {invitation.email}. De vorige link werkt niet meer."
        )
    else:
        messages.error(
            request,
            f"De uitnodiging aan {invitation.email} kon niet worden verstuurd: de mailserver nam het bericht niet "
            "aan. De vorige link werkt niet meer. Probeer het later opnieuw.",
        )


@login_required
@require_POST
def invitation_resend(request: AuthenticatedHttpRequest, assessment_id: str, invitation_id: str) -> HttpResponse:
    assessment, invitation, _ = _manage(request, assessment_id, invitation_id)
    invitation_resend_and_tell(request, invitation)
    return redirect("assessments:participants", assessment_id=assessment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_withdraw(request: AuthenticatedHttpRequest, assessment_id: str, invitation_id: str) -> HttpResponse:
    """GET asks for confirmation, POST withdraws; works without JavaScript."""
    assessment, invitation, context = _manage(request, assessment_id, invitation_id)
    if request.method == "POST":
        try:
            services.invitation_withdraw(invitation=invitation, actor=request.user)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, f"De uitnodiging aan {invitation.email} is ingetrokken. De link werkt niet meer.")
        return redirect("assessments:participants", assessment_id=assessment.pk)
    if not invitation.is_pending and invitation.status != Invitation.Status.EXPIRED:
        messages.error(request, "Deze uitnodiging kunt u niet meer intrekken.")
        return redirect("assessments:participants", assessment_id=assessment.pk)
    context["invitation"] = invitation
    return render(request, "invitations/withdraw.html", context)
