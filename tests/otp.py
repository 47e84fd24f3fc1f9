"""Two-factor helpers for tests: a confirmed app for a user, and the code it shows now (django-otp's own TOTP)."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from denkraam.accounts.models import User
from tests.factories import TEST_PASSWORD


def totp_device_for(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def totp_code(device: TOTPDevice, *, secret_hex: str | None = None) -> str:
    """The code the app shows now. Each code is accepted once, so a second login in the same 30 seconds uses the
    next step's code (the device accepts one step of drift)."""
    device.refresh_from_db()
    totp = TOTP(bytes.fromhex(secret_hex or device.key), device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.time = totp.time + device.step
    return f"{totp.token():0{device.digits}d}"


def totp_wait_after_wrong_code(device: TOTPDevice) -> None:
    """django-otp refuses every code for 2^(n-1) seconds after n wrong ones; move that wait into the past."""
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=timezone.now() - timedelta(minutes=10))


def client_with_code(user: User) -> Client:
    """A client logged in with password and code, as an administrator must be to open /beheer/."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or totp_device_for(user)
    client = Client()
    client.post("/inloggen/", {"username": user.get_username(), "password": TEST_PASSWORD})
    response = client.post("/inloggen/code/", {"otp_token": totp_code(device)})
    assert response.status_code == 302, response.content.decode()
    return client
