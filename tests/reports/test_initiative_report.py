from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments.models import Assessment
from denkraam.initiatives.models import Initiative
from denkraam.reports.plugins import ReportItem, plugin_sections

pytestmark = pytest.mark.django_db


def test_the_initiative_report_shows_the_trend_with_a_table_and_open_actions(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:initiative", args=[closed_assessment.initiative_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-labelledby="trend-title trend-desc"' in html
    assert "Scores per gesprek als tabel" in html
    assert "Eerste gesprek" in html
    assert "Zet de datum in de brief" in html


def test_charlie_gets_404_for_alices_private_initiative_report(
    closed_assessment: Assessment, charlie: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(charlie).get(reverse("reports:initiative", args=[closed_assessment.initiative_id]))
    assert response.status_code == 404


def test_charlie_sees_a_published_initiative_but_not_its_assessments(
    closed_assessment: Assessment, charlie: User, client_for: Callable[[User], Client]
) -> None:
    Initiative.objects.filter(pk=closed_assessment.initiative_id).update(is_published=True)
    response = client_for(charlie).get(reverse("reports:initiative", args=[closed_assessment.initiative_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Eerste gesprek" not in html
    assert "Zet de datum in de brief" not in html


def test_a_section_appears_when_an_app_provides_items(
    closed_assessment: Assessment, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    from denkraam.reports import plugins

    module = types.ModuleType("fake_evidence_selectors")

    def evidence_report_items(**kwargs: object) -> list[ReportItem]:
        return [ReportItem(title="Leesbaarheid brief", detail="niveau B1", url="https://example.org")]

    module.evidence_report_items = evidence_report_items  # type: ignore[attr-defined]
    monkeypatch.setattr(plugins.importlib, "import_module", lambda name: module)
    (section,) = [s for s in plugin_sections(user=alice, assessment=closed_assessment) if s.key == "evidence"]
    assert section.heading == "Bewijs"
    assert section.items[0].title == "Leesbaarheid brief"


def test_the_evidence_of_the_initiative_shows_in_the_report(
    closed_assessment: Assessment, alice: User, charlie: User, client_for: Callable[[User], Client]
) -> None:
    from denkraam.evidence.models import EvidenceItem

    EvidenceItem.objects.create(
        initiative=closed_assessment.initiative, title="Brief van maart", kind="tekst", text="Geachte heer."
    )
    html = client_for(alice).get(reverse("reports:assessment", args=[closed_assessment.pk])).content.decode()
    assert "Bewijs" in html and "Brief van maart" in html
    sections = plugin_sections(user=charlie, initiative=closed_assessment.initiative)
    assert sections == []  # charlie may not see UWV's evidence


def test_without_evidence_or_feedback_there_are_no_extra_sections(closed_assessment: Assessment, alice: User) -> None:
    assert plugin_sections(user=alice, assessment=closed_assessment) == []
