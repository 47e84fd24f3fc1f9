""" "Brief met opmerkingen (Word)": the Tekstcheck page and the evidence page give the text back as a .docx with
every finding as a Word comment. Only who may see the evidence gets its file; the Tekstcheck keeps nothing."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.evidence import services
from denkraam.evidence.models import EvidenceItem
from denkraam.initiatives.models import Initiative
from tests.analysis.text.hostile_files import odt_content, odt_file
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LETTER = "Geachte mevrouw Bakker,\n\nHierbij delen wij u mede dat uw aanvraag is ontvangen.\n\nMet vriendelijke groet,"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def word_letter() -> bytes:
    document = docx.Document()
    document.add_paragraph("Geachte heer De Vries,")
    paragraph = document.add_paragraph("Hierbij delen wij u mede dat uw aanvraag ")
    paragraph.add_run("is ontvangen").bold = True
    paragraph.add_run(".")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Kenmerk"
    table.cell(0, 1).text = "Uw bezwaar wordt in behandeling genomen."
    document.add_paragraph("Met vriendelijke groet,")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def opened(response: object) -> docx.document.Document:
    return docx.Document(io.BytesIO(response.content))  # type: ignore[attr-defined]


def test_the_tekstcheck_result_offers_the_word_file_with_the_same_text(client_for: ClientFor, alice: User) -> None:
    client = client_for(alice)
    page = client.post("/tekstcheck/", {"text": LETTER, "kind": "brief", "max_sentence_words": "20"}).content.decode()
    assert "Brief met opmerkingen (Word)" in page
    form = page[page.index('action="/tekstcheck/word/"') :].split("</form>")[0]
    fields = {unescape(name): unescape(value) for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', form)}
    assert fields["text"] == LETTER and fields["kind"] == "brief"
    response = client.post(reverse("evidence:text_check_word"), fields)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="Brief met opmerkingen.docx"'
    document = opened(response)
    assert [p.text for p in document.paragraphs] == LETTER.split("\n")
    comments = list(document.comments)
    assert comments[0].text.startswith("Tekstcheck van denkraam: samenvatting")
    assert any(c.paragraphs[0].text == "'Hierbij' is ambtelijk of moeilijk." for c in comments)


def test_the_tekstcheck_word_file_is_only_made_for_a_posted_valid_text(
    client: Client, client_for: ClientFor, alice: User
) -> None:
    url = reverse("evidence:text_check_word")
    assert client.post(url, {"text": LETTER}).status_code == 302  # to the login page
    assert client_for(alice).get(url).status_code == 405
    empty = client_for(alice).post(url, {"text": "", "kind": "automatisch", "max_sentence_words": "20"})
    assert empty.status_code == 400
    assert "Plak de tekst" in empty.content.decode()


@pytest.fixture
def word_item(initiative: Initiative, alice: User) -> EvidenceItem:
    upload = SimpleUploadedFile("brief aan De Vries.docx", word_letter())
    item, _ = services.evidence_add_file(
        initiative=initiative, actor=alice, title="", upload=upload, keep_original=True
    )
    return item


def test_a_docx_evidence_comes_back_as_the_same_file_with_comments(
    client_for: ClientFor, bob: User, word_item: EvidenceItem
) -> None:
    page = client_for(bob).get(reverse("evidence:detail", kwargs={"item_id": word_item.pk})).content.decode()
    url = reverse("evidence:word", kwargs={"item_id": word_item.pk})
    assert url in page and "Brief met opmerkingen (Word)" in page and "uw eigen Word-bestand" in page
    response = client_for(bob).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="brief aan De Vries met opmerkingen.docx"'
    document = opened(response)
    original = docx.Document(io.BytesIO(word_letter()))
    assert [p.text for p in document.paragraphs] == [p.text for p in original.paragraphs]
    assert document.tables[0].cell(0, 1).text == "Uw bezwaar wordt in behandeling genomen."
    assert [run.text for run in document.paragraphs[1].runs if run.bold] == ["is ontvangen"]
    comments = list(document.comments)
    assert comments[0].text.startswith("Tekstcheck van denkraam")
    assert len(comments) > 3 and {c.author for c in comments} == {"denkraam"}


def test_only_who_may_see_the_evidence_gets_its_word_file(
    client_for: ClientFor, charlie: User, kvk: Organisation, uwv: Organisation, word_item: EvidenceItem
) -> None:
    url = reverse("evidence:word", kwargs={"item_id": word_item.pk})
    assert client_for(charlie).get(url).status_code == 404
    other_reader = UserFactory(username="lezer-kvk")
    MembershipFactory(user=other_reader, organisation=kvk, role=Membership.Role.LEZER)
    response = client_for(other_reader).get(url)
    assert response.status_code == 404
    assert response.get("Content-Type") != DOCX
    own_reader = UserFactory(username="lezer-uwv")
    MembershipFactory(user=own_reader, organisation=uwv, role=Membership.Role.LEZER)
    assert client_for(own_reader).get(url).status_code == 200


def test_a_pasted_text_evidence_becomes_a_new_word_file(
    client_for: ClientFor, alice: User, initiative: Initiative
) -> None:
    item, _ = services.evidence_add_text(initiative=initiative, actor=alice, title="Conceptbrief", text=LETTER)
    response = client_for(alice).get(reverse("evidence:word", kwargs={"item_id": item.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Conceptbrief met opmerkingen.docx"'
    document = opened(response)
    assert [p.text for p in document.paragraphs] == item.text.split("\n")
    assert any(c.paragraphs[0].text == "'Hierbij' is ambtelijk of moeilijk." for c in document.comments)


def test_an_odt_upload_is_accepted_and_kept_as_odt(initiative: Initiative, alice: User) -> None:
    data = odt_file(odt_content("<text:p>Hierbij delen wij u mede dat uw aanvraag is ontvangen.</text:p>"))
    item, _ = services.evidence_add_file(
        initiative=initiative, actor=alice, title="", upload=SimpleUploadedFile("brief.odt", data), keep_original=True
    )
    assert item.document_type == "odt"
    assert item.original.name.endswith("origineel.odt")
    assert item.text == "Hierbij delen wij u mede dat uw aanvraag is ontvangen."
