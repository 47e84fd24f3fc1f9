"""The demo gives UWV a house style, and the demo letter is analysed with it."""

from __future__ import annotations

import pytest

from denkraam.evidence.models import Analysis
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.web.demo import demo_load


@pytest.mark.django_db
def test_the_demo_gives_uwv_one_list_and_its_letter_is_checked_with_it() -> None:
    lines = demo_load()
    demo_load()  # twice: still one version
    (version,) = HouseStyleVersion.objects.filter(organisation__slug="uwv")
    assert version.created_by is not None and version.created_by.username == "anna"
    assert "Huisstijl UWV, versie 1: 9 termen (/organisaties/uwv/huisstijl/)" in lines
    letter = Analysis.objects.get(item__title="Brief herbeoordeling WW (versie maart)")
    house = {f["excerpt"]: f["rewrite"] for f in letter.findings if f["rule"] == "huisstijl"}
    assert house["bescheiden"] == "papieren" and house["middels"] == "met"
    assert {f["source"] for f in letter.findings if f["rule"] == "huisstijl"} == {"Huisstijl UWV, versie 1"}
