"""Two-factor authentication with a code from an app (TOTP, django-otp).

Required for site administrators (is_staff or is_superuser) who log in with a password: /beheer/ opens only in a
session confirmed with a code. Optional for everyone else with a password ("Tweestapsverificatie" under Mijn
organisaties). People who log in through their organisation's sign-on are not asked: their provider checks them.

After a right password, a user with a device is not logged in yet: the login is kept "pending" in the session
(user id, backend, where to go next, for OTP_PENDING_SECONDS) until the code from the app is right. A wrong code
counts as a failed login for axes (accounts/lockout.py), so codes cannot be guessed beyond the login limits.
"""

from __future__ import annotations

import io
import time
from base64 import b32encode
from collections.abc import Callable
from typing import Any

import segno
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice  # type: ignore[import-untyped]

from denkraam.accounts.models import User
from denkraam.accounts.oidc.client import SESSION_PROVIDER

PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"
PENDING_KEY = "denkraam_otp_pending"
OTP_PENDING_SECONDS = 5 * 60
DEVICE_NAME = "app"


def otp_required_for(*, user: User) -> bool:
    """Administrators must have a confirmed device before they reach the admin."""
    return bool(user.is_staff or user.is_superuser)


def otp_device_confirmed(*, user: User) -> TOTPDevice | None:
    """The user's confirmed app, if any (at most one is kept)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def otp_device_unconfirmed_get_or_create(*, user: User) -> TOTPDevice:
    """The app being set up: a new secret until the user confirms it with a code, then it becomes the device."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def otp_device_confirm(*, device: TOTPDevice) -> None:
    """Make the set-up app the user's only device."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def otp_devices_delete(*, user: User) -> int:
    """Switch two-factor authentication off for the user (also how an administrator resets a lost phone)."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    return count


def otp_token_verify(*, device: TOTPDevice, token: str) -> bool:
    """True when the code is right now. django-otp also slows down repeated wrong codes for the device."""
    token = token.strip().replace(" ", "")
    return token.isdigit() and len(token) == device.digits and bool(device.verify_token(token))


def otp_secret_text(*, device: TOTPDevice) -> str:
    """The secret as people type it into an app that cannot read the QR code: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def otp_qr_svg(*, device: TOTPDevice) -> str:
    """The QR code of the app's configuration as SVG markup for the page (no script or style: allowed by the CSP)."""
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", xmldecl=False, scale=4, title="QR-code voor uw app", svgclass="denkraam-qr", lineclass=None
    )
    return out.getvalue().decode()


def otp_pending_start(*, request: HttpRequest, user: User, next_url: str) -> None:
    """Remember a login whose password was right and whose code is still to come."""
    request.session[PENDING_KEY] = {
        "user_id": user.pk,
        "backend": getattr(user, "backend", PASSWORD_BACKEND),
        "next": next_url,
        "since": time.time(),
    }


def otp_pending_get(*, request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    """The pending login and its user, or None when there is none or it waited too long."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending.get("since", 0) > OTP_PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    user = User.objects.filter(pk=pending["user_id"], is_active=True).first()
    return (user, pending) if user else None


def otp_pending_end(*, request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)


def _is_password_session(request: HttpRequest) -> bool:
    # Sign-on logs people in through the model backend too, and marks the session with its provider.
    return SESSION_PROVIDER not in request.session


class AdminNeedsTwoFactorMiddleware:
    """Keep administrators who logged in with a password out of /beheer/ until their session is confirmed with a
    code: without a device they are sent to set one up; with one (a session from before it was set up, or a
    device an administrator reset and the user set up again elsewhere) they log in again, with the code."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", AnonymousUser())
        if (
            isinstance(user, User)
            and otp_required_for(user=user)
            and request.path.startswith(reverse("admin:index"))
            and request.path not in {reverse("admin_login"), reverse("admin:logout")}
            and _is_password_session(request)
            and not user.is_verified()  # type: ignore[attr-defined]  # set by django-otp's OTPMiddleware
        ):
            if otp_device_confirmed(user=user) is None:
                return redirect(f"{reverse('accounts:otp_setup')}?{urlencode({'next': request.get_full_path()})}")
            logout(request)
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
