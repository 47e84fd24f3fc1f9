"""Admin (/beheer/) for sign-on identities: see who is linked to which provider, and unlink (delete) one.

Unlinking makes the next sign-on of that person look like a first one (a new account, or 'Er bestaat al een
account' when their address is taken); it is logged. Identities are never made or changed by hand here: only a
sign-on, with a checked ID token, makes one.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from denkraam.accounts.models import OidcIdentity
from denkraam.accounts.services import audit_record


def _unlinked(request: HttpRequest, identity: OidcIdentity) -> None:
    audit_record(
        actor=request.user if request.user.is_authenticated else None,  # the admin lets only staff in
        action="oidc.identity_unlinked",
        obj=identity.user,
        summary=f"Inlogidentiteit bij {identity.provider_id} ontkoppeld van {identity.user} (via beheer).",
        data={"provider": identity.provider_id, "issuer": identity.issuer, "subject": identity.subject},
    )


@admin.register(OidcIdentity)
class OidcIdentityAdmin(admin.ModelAdmin):
    list_display = ["user", "provider_id", "subject", "last_login_at"]
    list_filter = ["provider_id"]
    search_fields = ["user__username", "user__email", "subject"]
    readonly_fields = ["user", "provider_id", "issuer", "subject", "created_at", "last_login_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OidcIdentity | None = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: OidcIdentity) -> None:
        _unlinked(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[OidcIdentity]) -> None:
        for identity in queryset.select_related("user"):
            _unlinked(request, identity)
        super().delete_queryset(request, queryset)
