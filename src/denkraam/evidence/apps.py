from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "denkraam.evidence"
    label = "evidence"
    verbose_name = "Bewijs"

    def ready(self) -> None:
        # The initiative page shows a "Bewijs" section without the initiatives app importing this one.
        from denkraam.initiatives.sections import section_register

        section_register(
            name="bewijs", template_name="evidence/_initiative_section.html", order=20, context=_section_context
        )
        # The deep tier (Tekstcheck page, evidence analyses) follows the settings, not the raw environment.
        from django.conf import settings

        from denkraam.analysis.text.readability.frog_service import frog_service_configure

        frog_service_configure(settings.FROG_SERVER, timeout=settings.FROG_TIMEOUT_SECONDS)


def _section_context(*, request: Any, initiative: Any, role: str | None) -> dict[str, Any]:
    from denkraam.evidence.selectors import evidence_can_add, evidence_can_view, evidence_list_for_initiative

    return {
        "evidence_visible": evidence_can_view(user=request.user, initiative=initiative),
        "evidence_items": evidence_list_for_initiative(user=request.user, initiative=initiative),
        "evidence_can_add": evidence_can_add(user=request.user, initiative=initiative),
    }
