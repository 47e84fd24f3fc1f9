"""The demo shows analysed evidence on the demo initiative, and loading it twice adds nothing."""

from __future__ import annotations

import pytest

from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.web.demo import demo_load

pytestmark = pytest.mark.django_db


def test_the_demo_has_analysed_evidence_and_loads_twice_without_duplicates() -> None:
    lines = demo_load()
    demo_load()
    assert EvidenceItem.objects.count() == 2
    assert Analysis.objects.count() == 2
    assert set(Analysis.objects.values_list("status", flat=True)) == {"klaar"}
    letter = EvidenceItem.objects.get(title__startswith="Brief")
    assert letter.initiative.name == "Brief herbeoordeling WW-uitkering"
    rules = {f["rule"] for f in letter.analyses.get().findings}
    assert {"dreigende-toon", "vage-tijd", "brief-bezwaar"} <= rules
    assert any("/bewijs/" in line for line in lines)
