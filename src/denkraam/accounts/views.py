"""Login guarded by django-axes, password reset in Dutch, and the 'Mijn organisaties' page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode

from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.accounts.lockout import blocked_message
from denkraam.accounts.oidc.selectors import oidc_password_login_refused
from denkraam.accounts.otp import otp_device_confirmed, otp_pending_start, otp_required_for
from denkraam.accounts.ratelimit import client_ip, password_reset_allowed
from denkraam.accounts.selectors import membership_list_for_user


class RateLimitedLoginView(auth_views.LoginView):
    """Django's login view, guarded by django-axes (accounts/lockout.py): after too many failures for one user
    name from one address, or from one address in all, it answers 429 in Dutch, even to the right password.
    A user with a two-factor app is asked for the code before being logged in (accounts/otp_views.py)."""

    template_name = "accounts/login.html"

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if refused := oidc_password_login_refused(user=user):  # the organisation signs on only (accounts/oidc)
            context = self.get_context_data(form=form, blocked_message=refused)
            return render(self.request, self.template_name, context, status=403)
        if otp_device_confirmed(user=user) is not None:
            otp_pending_start(request=self.request, user=user, next_url=self.get_success_url())
            return redirect("accounts:otp_verify")
        response = super().form_valid(form)
        if otp_required_for(user=user):  # an administrator without an app sets one up first
            return redirect(f"{reverse('accounts:otp_setup')}?{urlencode({'next': self.get_success_url()})}")
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        # Axes marks the request when this failure used up a limit, or when the name and address were locked
        # already (then the password was not even checked).
        if getattr(self.request, "axes_locked_out", False):
            return self._blocked(self.request)
        return super().form_invalid(form)

    def _blocked(self, request: HttpRequest) -> HttpResponse:
        # An unbound form that keeps the typed user name: a bound one would check the password when rendered.
        form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")[:150]})
        context = self.get_context_data(form=form, blocked_message=blocked_message())
        return render(request, self.template_name, context, status=429)


class AdminLoginView(RateLimitedLoginView):
    """The login of the admin (/beheer/login/): the app's own form and rate limits instead of Django's admin login,
    which counts nothing. After logging in, people land in the admin."""

    def get_default_redirect_url(self) -> str:
        return reverse("admin:index")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["next"] = context.get("next") or reverse("admin:index")
        context["admin_login"] = True
        return context


RESET_BLOCKED_MESSAGE = (
    "Voor dit e-mailadres of vanaf uw netwerk is in korte tijd te vaak een nieuw wachtwoord aangevraagd. "
    "Wacht 15 minuten en probeer het dan opnieuw. Heeft u al een e-mail met een link gekregen? Dan kunt u die "
    "gebruiken. Kijk ook in uw map met ongewenste e-mail."
)


class RateLimitedPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset with a limit per e-mail address and per IP address, and links in the e-mail built
    from DENKRAAM_SITE_URL instead of the request's Host header (which the sender of the request chooses)."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self) -> dict[str, str]:
        return {"site_url": settings.SITE_URL}

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not password_reset_allowed(email=form.cleaned_data["email"], ip=client_ip(self.request)):
            context = self.get_context_data(form=form, blocked_message=RESET_BLOCKED_MESSAGE)
            return render(self.request, self.template_name, context, status=429)
        return super().form_valid(form)


password_reset = RateLimitedPasswordResetView.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@login_required
def my_organisations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The organisations the user belongs to, with the role in each."""
    memberships = membership_list_for_user(user=request.user)
    return render(request, "accounts/my_organisations.html", {"memberships": memberships})
