"""Template filters for report pages that list actions from several sessions (initiative report, portfolio)."""

from __future__ import annotations

from django import template

from denkraam.assessments.models import Action
from denkraam.reports.anonymity import action_owner as owner_of

register = template.Library()


@register.filter
def action_owner(action: Action) -> str:
    """`{{ action|action_owner }}`: the owner's name, none for an owner with an account in an anonymous session."""
    return owner_of(action)
