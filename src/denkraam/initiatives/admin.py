from __future__ import annotations

from django.contrib import admin

from denkraam.initiatives.models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "status", "is_published", "updated_at"]
    list_filter = ["status", "is_published", "owner"]
    search_fields = ["name", "description", "life_event"]
    autocomplete_fields = ["owner", "partners", "created_by"]
    list_select_related = ["owner"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
