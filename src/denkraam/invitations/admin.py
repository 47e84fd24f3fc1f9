from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from denkraam.invitations.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read only: invitations are made, resent and withdrawn through the services, which write the audit log."""

    list_display = ["email", "assessment", "organisation", "role", "invited_by", "created_at", "expires_at"]
    search_fields = ["email"]
    exclude = ["token_hash"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
