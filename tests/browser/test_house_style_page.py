"""The house-style pages in a real browser: a beheerder edits and uploads a list, every page passes axe, and the
Tekstcheck names the list it used."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.analysis.text.house_style import HouseStyleEntry
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.housestyle.services import house_style_save
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BASE = "/organisaties/uwv/huisstijl/"


def test_a_beheerder_edits_and_uploads_the_list_on_accessible_pages(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, uwv: Organisation, tmp_path: Path
) -> None:
    Membership.objects.filter(user=alice, organisation=uwv).update(role=Membership.Role.BEHEERDER)
    house_style_save(
        actor=alice, organisation=uwv, entries=[HouseStyleEntry("vermijden", "beschikking", "besluit")], note="Start"
    )
    login(axe_context, alice, base_url=live_server.url)
    page = axe_page
    page.goto(BASE)
    expect(page.get_by_role("heading", level=1, name="Huisstijl van UWV")).to_be_visible()
    assert_accessible(page)

    # Edit: fill an empty row, and a row with a missing meaning shows the error on an accessible page.
    page.get_by_role("link", name="De lijst bewerken").click()
    page.get_by_label("Soort, rij 2").select_option("afkorting")
    page.get_by_label("Term, rij 2").fill("WIA")
    page.get_by_role("button", name="Bewaren als nieuwe versie").click()
    expect(page.get_by_role("alert")).to_contain_text("waar de afkorting 'WIA' voor staat")
    assert_accessible(page)
    page.get_by_label("Vervanging of uitleg, rij 2").fill("Wet werk en inkomen naar arbeidsvermogen")
    page.get_by_role("button", name="Bewaren als nieuwe versie").click()
    expect(page.get_by_role("status")).to_contain_text("Versie 2 van de huisstijl is bewaard, met 2 termen.")

    # Upload: a preview first, then the confirmation stores it.
    upload = tmp_path / "huisstijl.tsv"
    upload.write_text("soort\tterm\tvervanging\nvermijden\tbeschikking\tbesluit\nvermijden\tterstond\tmeteen\n")
    page.goto(BASE + "uploaden/")
    assert_accessible(page)
    page.get_by_label("Bestand met de woordenlijst").set_input_files(str(upload))
    page.get_by_role("button", name="Bekijken").click()
    expect(page.get_by_role("heading", level=1, name="Klopt deze lijst?")).to_be_visible()
    expect(page.get_by_text("1 nieuw, 0 gewijzigd en 1 verdwenen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, bewaren als nieuwe versie").click()
    expect(page.get_by_role("status")).to_contain_text("Versie 3 van de huisstijl is bewaard")

    page.goto(BASE + "versies/")
    expect(page.get_by_role("link", name="Versie 1")).to_be_visible()
    assert_accessible(page)
    assert list(HouseStyleVersion.objects.order_by("number").values_list("number", "entry_count")) == [
        (1, 1),
        (2, 2),
        (3, 2),
    ]

    # The Tekstcheck uses version 3 and says so.
    page.goto("/tekstcheck/")
    page.get_by_label("Tekst", exact=True).fill("U krijgt terstond bericht van ons over de beschikking.")
    page.get_by_role("button", name="Tekst controleren").click()
    result = page.locator("#tekstcheck-uitkomst")
    expect(result).to_contain_text("Gecontroleerd met Huisstijl UWV, versie 3.")
    expect(result).to_contain_text("Uit: Huisstijl UWV, versie 3")
    assert_accessible(page)
