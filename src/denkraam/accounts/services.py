"""Writes for users, organisations and memberships."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from denkraam.accounts.models import User


@transaction.atomic
def admin_create(*, username: str, email: str, password: str) -> User:
    """Create a superuser after checking the password against the password rules."""
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"Er bestaat al een gebruiker met de naam '{username}'.")
    user = User(username=username, email=email, is_staff=True, is_superuser=True)
    validate_password(password, user=user)
    user.set_password(password)
    user.save()
    return user
