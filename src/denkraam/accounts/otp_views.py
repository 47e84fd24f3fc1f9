"""The second step of a password login ("Vul de code uit uw app in") and the page that switches two-factor
authentication on and off ("Tweestapsverificatie"). The rules are in accounts/otp.py."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler  # type: ignore[import-untyped]
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login  # type: ignore[import-untyped]

from denkraam.accounts.audit import login_event_record
from denkraam.accounts.http import AuthenticatedHttpRequest
from denkraam.accounts.lockout import blocked_message
from denkraam.accounts.otp import (
    otp_device_confirm,
    otp_device_confirmed,
    otp_device_unconfirmed_get_or_create,
    otp_devices_delete,
    otp_pending_end,
    otp_pending_get,
    otp_qr_svg,
    otp_required_for,
    otp_secret_text,
    otp_token_verify,
)

WRONG_CODE = "Deze code klopt niet. Vul de code in die uw app nu laat zien; elke code werkt maar 30 seconden."


def _safe_next(request: HttpRequest, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("otp_token")
@never_cache
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    """After a right password: the code from the app. Wrong codes count as failed logins (axes)."""
    found = otp_pending_get(request=request)
    if found is None:
        return redirect("accounts:login")
    user, pending = found
    device = otp_device_confirmed(user=user)
    if device is None:  # switched off (or reset by an administrator) in the meantime: the password was enough
        otp_pending_end(request=request)
        login(request, user, backend=pending["backend"])
        return redirect(_safe_next(request, pending["next"]))
    credentials = {"username": user.get_username()}
    if request.method == "GET":
        return render(request, "accounts/otp_verify.html", {})
    if not AxesProxyHandler.is_allowed(request, credentials):
        otp_pending_end(request=request)
        return render(request, "accounts/otp_verify.html", {"blocked_message": blocked_message()}, status=429)
    if otp_token_verify(device=device, token=request.POST.get("otp_token", "")):
        otp_pending_end(request=request)
        login(request, user, backend=pending["backend"])
        otp_login(request, device)
        return redirect(_safe_next(request, pending["next"]))
    user_login_failed.send(sender=__name__, credentials={**credentials, "step": "code"}, request=request)
    if getattr(request, "axes_locked_out", False):
        otp_pending_end(request=request)
        return render(request, "accounts/otp_verify.html", {"blocked_message": blocked_message()}, status=429)
    return render(request, "accounts/otp_verify.html", {"error": WRONG_CODE}, status=200)


@sensitive_post_parameters("otp_token")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """'Tweestapsverificatie': set up an app (QR code and the secret as text, confirm with a code), or switch it
    off with a current code. Administrators cannot switch it off; sign-on users are told their provider does it."""
    user = request.user
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    context: dict[str, object] = {
        "next": next_url,
        "required": otp_required_for(user=user),
        "sign_on": not user.has_usable_password(),
    }
    if context["sign_on"]:
        return render(request, "accounts/otp_setup.html", context)
    device = otp_device_confirmed(user=user)
    if device is not None:
        if request.method == "POST" and not context["required"]:
            if otp_token_verify(device=device, token=request.POST.get("otp_token", "")):
                otp_devices_delete(user=user)
                login_event_record(request=request, action="otp.disabled", user=user)
                return render(request, "accounts/otp_setup.html", {**context, "switched_off": True})
            context["error"] = WRONG_CODE
        return render(request, "accounts/otp_setup.html", {**context, "device": device})
    new_device = otp_device_unconfirmed_get_or_create(user=user)
    if request.method == "POST":
        if otp_token_verify(device=new_device, token=request.POST.get("otp_token", "")):
            otp_device_confirm(device=new_device)
            otp_login(request, new_device)
            login_event_record(request=request, action="otp.enabled", user=user)
            if next_url:
                return redirect(_safe_next(request, next_url))
            return render(request, "accounts/otp_setup.html", {**context, "switched_on": True, "device": new_device})
        context["error"] = WRONG_CODE
    context.update({"qr_svg": otp_qr_svg(device=new_device), "secret": otp_secret_text(device=new_device)})
    return render(request, "accounts/otp_setup.html", context)
