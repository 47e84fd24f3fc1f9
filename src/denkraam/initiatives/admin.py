from __future__ import annotations

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from denkraam.accounts.services import audit_record
from denkraam.initiatives.models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "status", "is_published", "updated_at"]
    list_filter = ["status", "is_published", "owner"]
    search_fields = ["name", "description", "life_event"]
    autocomplete_fields = ["owner", "partners", "created_by"]
    list_select_related = ["owner"]
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: list, change: bool) -> None:
        # Logged after the partners are saved, so the log line describes the final state; repairs by
        # administrators belong in the initiative's logbook like every other change.
        super().save_related(request, form, formsets, change)
        initiative: Initiative = form.instance
        fields = ", ".join(str(form.fields[name].label).lower() for name in form.changed_data) or "niets"
        audit_record(
            actor=request.user if request.user.is_authenticated else None,  # the admin lets only staff in
            action="initiative.updated" if change else "initiative.created",
            obj=initiative,
            organisation=initiative.owner,
            summary=f"Initiatief '{initiative.name}' {'gewijzigd' if change else 'aangemaakt'} via beheer: {fields}.",
            data={"initiative_id": str(initiative.pk), "changed": form.changed_data, "via": "beheer"},
        )
