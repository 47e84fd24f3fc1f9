"""The organisation's list at work: the Tekstcheck page and the evidence analysis use it and say which version."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.analysis.text.house_style import HouseStyleEntry
from denkraam.evidence.models import Analysis, EvidenceItem
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.housestyle.services import house_style_save
from tests.factories import InitiativeFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
URL = "/tekstcheck/"
TEXT = "U krijgt de beschikking binnen twee weken per post. In de beschikking staat het bedrag dat u krijgt."


def _check(client: Client, **fields: str) -> str:
    data = {"text": TEXT, "kind": "webtekst", "max_sentence_words": "20", **fields}
    response = client.post(URL, data)
    assert response.status_code == 200, response.content.decode()[:300]
    return response.content.decode()


@pytest.fixture
def kvk_list(charlie: User, kvk: Organisation) -> HouseStyleVersion:
    Membership.objects.filter(user=charlie, organisation=kvk).update(role=Membership.Role.BEHEERDER)
    entries = [HouseStyleEntry("vermijden", "beschikking", "besluit van de KVK")]
    first = house_style_save(actor=charlie, organisation=kvk, entries=entries)
    house_style_save(actor=charlie, organisation=kvk, entries=[*entries, HouseStyleEntry("vermijden", "x", "y")])
    return first


def test_a_member_checks_with_the_organisations_current_list_and_sees_which_version(
    client_for: ClientFor, bob: User, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(bob)
    form = client.get(URL).content.decode()
    assert '<option value="uwv" selected>Huisstijl UWV, versie 1</option>' in form
    html = _check(client, house_style="uwv")
    assert "Gecontroleerd met Huisstijl UWV, versie 1." in html
    assert "Huisstijl: woord om niet te gebruiken" in html
    assert '<q class="denkraam-rewrite">besluit</q>' in html and "Uit: Huisstijl UWV, versie 1" in html
    assert "nog 1 keer voor" in html


def test_a_member_of_two_organisations_chooses_the_list_or_none(
    client_for: ClientFor, kvk_list: HouseStyleVersion, uwv_list: HouseStyleVersion
) -> None:
    dana = UserFactory(username="dana", first_name="Dana")
    MembershipFactory(user=dana, organisation=uwv_list.organisation, role=Membership.Role.LID)
    MembershipFactory(user=dana, organisation=kvk_list.organisation, role=Membership.Role.LEZER)
    client = client_for(dana)
    form = client.get(URL).content.decode()
    assert "Huisstijl KVK, versie 2" in form and "Huisstijl UWV, versie 1" in form
    assert "Gecontroleerd met Huisstijl KVK, versie 2." in _check(client, house_style="kvk")
    assert "besluit van de KVK" in _check(client, house_style="kvk")
    plain = _check(client, house_style="")
    assert "Gecontroleerd met" not in plain and "Huisstijl: woord om niet te gebruiken" not in plain


def test_nobody_checks_with_the_list_of_an_organisation_they_are_not_in(
    client_for: ClientFor, bob: User, uwv_list: HouseStyleVersion, kvk_list: HouseStyleVersion
) -> None:
    response = client_for(bob).post(
        URL, {"text": TEXT, "kind": "webtekst", "max_sentence_words": "20", "house_style": "kvk"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Kies een van de huisstijlen in de lijst." in html
    assert "besluit van de KVK" not in html


def test_without_a_list_the_page_has_no_choice_of_house_style(client_for: ClientFor, bob: User) -> None:
    page = client_for(bob).get(URL).content.decode()
    assert 'name="house_style"' not in page
    assert "Gecontroleerd met" not in _check(client_for(bob))


def test_evidence_is_analysed_with_the_list_of_the_organisation_that_owns_it(
    client_for: ClientFor,
    alice: User,
    uwv: Organisation,
    uwv_list: HouseStyleVersion,
    django_capture_on_commit_callbacks: Callable,
) -> None:
    initiative = InitiativeFactory(name="Brief toekenning", owner=uwv)
    client = client_for(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("evidence:add", kwargs={"initiative_id": initiative.pk}),
            {"way": "tekst", "tekst-title": "Brief", "tekst-text": TEXT},
        )
    item = EvidenceItem.objects.get()
    analysis = Analysis.objects.get(item=item)
    (found,) = [f for f in analysis.findings if f["rule"] == "huisstijl"]
    assert (found["source"], found["rewrite"], found["origin"]) == ("Huisstijl UWV, versie 1", "besluit", "tekst")
    page = client.get(reverse("evidence:detail", kwargs={"item_id": item.pk})).content.decode()
    assert "Uit: Huisstijl UWV, versie 1" in page
    # denkraam's own findings name no list (the stored "tekst"/"pagina" is where a finding came from, not a list).
    assert page.count("Uit: ") == 1


def test_an_analysis_stored_before_house_styles_names_no_list() -> None:
    from denkraam.evidence.selectors import NumberedFinding

    old_text = NumberedFinding(number=1, data={"rule": "lange-zin", "source": "tekst"})
    old_page = NumberedFinding(number=2, data={"rule": "pagina-titel", "source": "pagina"})
    new = NumberedFinding(number=3, data={"rule": "huisstijl", "source": "Huisstijl UWV, versie 1", "origin": "tekst"})
    assert (old_text.list_source, old_text.is_page) == ("", False)
    assert (old_page.list_source, old_page.is_page) == ("", True)
    assert (new.list_source, new.is_page) == ("Huisstijl UWV, versie 1", False)
