"""Admin (/beheer/) for users, organisations, memberships and the read-only audit log.

Changes to memberships made here are logged: who may see what is the most security-relevant data we keep.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest

from denkraam.accounts.models import AuditEvent, Membership, Organisation, User
from denkraam.accounts.services import audit_record


def _membership_logged(*, request: HttpRequest, membership: Membership, action: str) -> None:
    verbs = {"membership.saved": "gegeven", "membership.deleted": "afgenomen"}
    audit_record(
        actor=request.user if request.user.is_authenticated else None,  # the admin lets only staff in
        action=action,
        obj=membership,
        organisation=membership.organisation,
        summary=(
            f"Rol '{membership.get_role_display()}' bij {membership.organisation} {verbs[action]} "
            f"voor {membership.user} (via beheer)."
        ),
        data={"user_id": membership.user_id, "role": membership.role},
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


class LoggedMembershipsMixin:
    """Log membership changes made through the inline on the user and organisation pages."""

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool) -> None:
        super().save_formset(request, form, formset, change)  # type: ignore[misc]
        if formset.model is not Membership:
            return
        for membership in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]:
            _membership_logged(request=request, membership=membership, action="membership.saved")
        for membership in formset.deleted_objects:
            _membership_logged(request=request, membership=membership, action="membership.deleted")


@admin.register(User)
class DenkraamUserAdmin(LoggedMembershipsMixin, UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]


@admin.register(Organisation)
class OrganisationAdmin(LoggedMembershipsMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]

    def save_model(self, request: HttpRequest, obj: Membership, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        _membership_logged(request=request, membership=obj, action="membership.saved")

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        _membership_logged(request=request, membership=obj, action="membership.deleted")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for membership in queryset.select_related("user", "organisation"):
            _membership_logged(request=request, membership=membership, action="membership.deleted")
        super().delete_queryset(request, queryset)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log can be read, never changed: a log that can be edited proves nothing."""

    list_display = ["created_at", "action", "actor", "organisation", "summary"]
    list_filter = ["action", "organisation"]
    search_fields = ["summary", "object_id", "actor__username"]
    list_select_related = ["actor", "organisation"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False


# Sign-on identities (accounts/oidc/admin.py) in the same admin section.
from denkraam.accounts.oidc import admin as oidc_admin  # noqa: E402, F401
