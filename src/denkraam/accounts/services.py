"""Writes for users, organisations, memberships and the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import models, transaction

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User


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


def organisation_create(*, name: str, slug: str) -> Organisation:
    """Create an organisation; the slug must be unique."""
    if Organisation.objects.filter(slug=slug).exists():
        raise ValidationError(f"Er bestaat al een organisatie met de korte naam '{slug}'.")
    return Organisation.objects.create(name=name, slug=slug)


def membership_set(*, user: User, organisation: Organisation, role: str) -> Membership:
    """Give a user a role in an organisation, creating or changing the membership."""
    if role not in Membership.Role.values:
        raise ValidationError(f"Onbekende rol '{role}'.")
    membership, _ = Membership.objects.update_or_create(user=user, organisation=organisation, defaults={"role": role})
    return membership


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    summary: str,
    organisation: Organisation | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one line to the audit log: who did what to which object, with a Dutch summary for people.

    `obj` may be any model instance; its model label and primary key identify it, so the log survives the
    object being deleted. Anonymous users are stored as no actor.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        actor=actor,
        organisation=organisation,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        summary=summary,
        data=data or {},
    )
