"""House-style pages: the beheerder edits, uploads, restores; members look; outsiders get a 404 and change nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, Organisation, User
from denkraam.analysis.text.house_style import MAX_BYTES, HouseStyleEntry
from denkraam.housestyle.models import HouseStyleVersion
from denkraam.housestyle.services import house_style_save

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]

GOOD_FILE = (
    "soort\tterm\tvervanging\n"
    "vermijden\tbeschikking\tbesluit\n"
    "vermijden\tterstond\tmeteen\n"
    "afkorting\tWIA\tWet werk en inkomen naar arbeidsvermogen\n"
)


def _html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def _url(name: str, **kwargs: object) -> str:
    return reverse(f"housestyle:{name}", kwargs={"slug": "uwv", **kwargs})


def _versions(organisation: Organisation) -> list[tuple[int, int]]:
    return list(
        HouseStyleVersion.objects.filter(organisation=organisation)
        .order_by("number")
        .values_list("number", "entry_count")
    )


def _rows(*rows: tuple[str, str, str], delete: tuple[int, ...] = ()) -> dict[str, str]:
    data = {"rij-TOTAL_FORMS": str(len(rows)), "rij-INITIAL_FORMS": "0", "note": "Bijgewerkt"}
    for index, (kind, term, text) in enumerate(rows):
        data.update({f"rij-{index}-kind": kind, f"rij-{index}-term": term, f"rij-{index}-text": text})
        if index in delete:
            data[f"rij-{index}-DELETE"] = "on"
    return data


# Who may see what


def test_a_member_sees_the_current_list_but_no_links_to_change_it(
    client_for: ClientFor, bob: User, uwv_list: HouseStyleVersion
) -> None:
    html = _html(client_for(bob).get(_url("detail")))
    assert "Huisstijl van UWV" in html and "Versie 1, bewaard" in html and "door Alice" in html
    assert "beschikking" in html and "besluit" in html and "Wet werk en inkomen naar arbeidsvermogen" in html
    assert _url("edit") not in html and _url("upload") not in html
    for name in ("edit", "upload", "versions"):
        assert client_for(bob).get(_url(name)).status_code == 403


def test_an_outsider_gets_a_404_on_every_page_and_changes_nothing(
    client_for: ClientFor, charlie: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(charlie)
    for name, kwargs in [
        ("detail", {}),
        ("edit", {}),
        ("upload", {}),
        ("download", {}),
        ("versions", {}),
        ("version", {"number": 1}),
        ("version_download", {"number": 1}),
    ]:
        assert client.get(_url(name, **kwargs)).status_code == 404, name
    assert client.post(_url("edit"), _rows(("vermijden", "x", "y"))).status_code == 404
    assert client.post(_url("upload"), {"content": GOOD_FILE}).status_code == 404
    assert client.post(_url("restore", number=1)).status_code == 404
    assert _versions(uwv) == [(1, 3)]


def test_someone_not_logged_in_is_sent_to_the_login_page(client: Client, uwv_list: HouseStyleVersion) -> None:
    response = client.get(_url("detail"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_the_organisation_page_links_to_its_house_style(client_for: ClientFor, bob: User, uwv: Organisation) -> None:
    html = _html(client_for(bob).get(reverse("organisations:detail", kwargs={"slug": "uwv"})))
    assert _url("detail") in html and "De huisstijl bekijken" in html


# Editing in the form


def test_the_beheerder_adds_changes_and_removes_rows_and_gets_a_new_version(
    client_for: ClientFor, alice: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(alice)
    page = _html(client.get(_url("edit")))
    assert 'value="beschikking"' in page and "Bewaren als nieuwe versie" in page
    data = _rows(
        ("vermijden", "beschikking", "besluit"),
        ("toegestaan", "WW-uitkering", ""),
        ("afkorting", "WIA", "Wet werk en inkomen naar arbeidsvermogen"),
        ("vermijden", "derhalve", "daarom"),
        delete=(1,),
    )
    response = client.post(_url("edit"), data, follow=True)
    assert "Versie 2 van de huisstijl is bewaard, met 3 termen." in _html(response)
    assert _versions(uwv) == [(1, 3), (2, 3)]
    current = HouseStyleVersion.objects.get(organisation=uwv, number=2)
    assert "derhalve\tdaarom" in current.content and "WW-uitkering" not in current.content
    assert current.created_by == alice and current.note == "Bijgewerkt"
    # Version 1 is kept as it was.
    assert "WW-uitkering" in HouseStyleVersion.objects.get(organisation=uwv, number=1).content
    event = AuditEvent.objects.get(action="housestyle.saved", data__version=2)
    assert event.actor == alice and event.organisation == uwv
    assert "Alice bewaarde versie 2 van de huisstijl van UWV (3 termen, in het formulier)" in event.summary


def test_a_bad_row_is_refused_with_the_reason_and_nothing_is_stored(
    client_for: ClientFor, alice: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(alice)
    response = client.post(_url("edit"), _rows(("afkorting", "CAK", ""), ("vermijden", "x" * 101, "")))
    html = _html(response)
    assert response.status_code == 400
    assert "De lijst is niet bewaard" in html and "Rij 2, term: Een term heeft hoogstens 100 tekens." in html
    response = client.post(_url("edit"), _rows(("afkorting", "CAK", "")))
    assert response.status_code == 400 and "waar de afkorting &#x27;CAK&#x27; voor staat" in _html(response)
    response = client.post(_url("edit"), _rows(("vermijden", "bij deze", ""), ("toegestaan", "Bij deze", "")))
    assert response.status_code == 400 and "staat al op regel" in _html(response)
    assert _versions(uwv) == [(1, 3)]


def test_saving_the_same_list_again_makes_no_new_version(
    client_for: ClientFor, alice: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    data = _rows(
        ("vermijden", "beschikking", "besluit"),
        ("toegestaan", "WW-uitkering", ""),
        ("afkorting", "WIA", "Wet werk en inkomen naar arbeidsvermogen"),
    )
    response = client_for(alice).post(_url("edit"), data)
    assert response.status_code == 400 and "De lijst is niet veranderd" in _html(response)
    assert _versions(uwv) == [(1, 3)]


def test_a_form_with_more_rows_than_allowed_is_refused(client_for: ClientFor, alice: User, uwv: Organisation) -> None:
    rows = tuple(("vermijden", f"woord{n}", "") for n in range(240))
    response = client_for(alice).post(_url("edit"), _rows(*rows))
    assert response.status_code == 400 and not _versions(uwv)


def test_html_in_a_term_is_shown_as_text(client_for: ClientFor, alice: User, bob: User, uwv: Organisation) -> None:
    data = _rows(("vermijden", "<script>alert(1)</script>", '<b onmouseover="x">vet</b>'))
    assert client_for(alice).post(_url("edit"), data).status_code == 302
    html = _html(client_for(bob).get(_url("detail")))
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b onmouseover" not in html


# Upload with a preview


def test_an_upload_is_shown_first_and_stored_only_when_confirmed(
    client_for: ClientFor, alice: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(alice)
    upload = SimpleUploadedFile("lijst.tsv", GOOD_FILE.encode(), content_type="text/tab-separated-values")
    preview = client.post(_url("upload"), {"file": upload, "note": "Van de schrijfwerkgroep"})
    html = _html(preview)
    assert preview.status_code == 200 and "Klopt deze lijst?" in html
    assert "Vergeleken met versie 1: 1 nieuw, 0 gewijzigd en 1 verdwenen." in html
    assert _versions(uwv) == [(1, 3)]  # nothing stored yet
    content = preview.context["confirm"].initial["content"]
    response = client.post(_url("upload"), {"content": content, "note": "Van de schrijfwerkgroep"}, follow=True)
    assert "Versie 2 van de huisstijl is bewaard, met 3 termen." in _html(response)
    assert _versions(uwv) == [(1, 3), (2, 3)]
    assert AuditEvent.objects.get(action="housestyle.saved", data__version=2).data["how"] == "bestand"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"soort\tterm\tvervanging\nvermijden\tbeschikking\tbesluit\nverbieden\tterstond\n",
            "regel 3: onbekende soort",
        ),
        (b"term\tvervanging\nbeschikking\tbesluit\n", "regel 1: de kop klopt niet"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "geen tekstbestand"),
        (b"soort\tterm\tvervanging\n" + b"vermijden\tx\n" * (MAX_BYTES // 12 + 1), "te groot"),
        (b"", "Het bestand is leeg"),
    ],
)
def test_a_bad_file_is_refused_in_dutch_and_nothing_is_stored(
    client_for: ClientFor, alice: User, uwv: Organisation, data: bytes, message: str
) -> None:
    upload = SimpleUploadedFile("lijst.tsv", data, content_type="text/plain")
    response = client_for(alice).post(_url("upload"), {"file": upload})
    assert response.status_code == 400
    assert message in _html(response).replace("&#x27;", "'")
    assert not _versions(uwv)


def test_a_tampered_confirmation_is_checked_again(client_for: ClientFor, alice: User, uwv: Organisation) -> None:
    response = client_for(alice).post(_url("upload"), {"content": "soort\tterm\nonzin\tx\n"})
    assert response.status_code == 400 and "onbekende soort" in _html(response).replace("&#x27;", "'")
    assert not _versions(uwv)


def test_pages_that_change_the_list_need_the_csrf_token(alice: User, uwv: Organisation) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(_url("edit"), _rows(("vermijden", "derhalve", "daarom"))).status_code == 403
    assert client.post(_url("upload"), {"content": GOOD_FILE}).status_code == 403
    assert not _versions(uwv)


# Versions, restore, download


def test_restoring_an_old_version_adds_a_version_with_its_content(
    client_for: ClientFor, alice: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(alice)
    client.post(_url("edit"), _rows(("vermijden", "derhalve", "daarom")))
    page = _html(client.get(_url("versions")))
    assert "Versie 2</a> (huidige)" in page and "Eerste lijst" in page and "door Alice" in page
    assert "Versie 1 terugzetten" in _html(client.get(_url("version", number=1)))
    response = client.post(_url("restore", number=1), follow=True)
    assert "Versie 1 is teruggezet: de huisstijl is nu versie 3." in _html(response)
    assert _versions(uwv) == [(1, 3), (2, 1), (3, 3)]
    assert HouseStyleVersion.objects.get(organisation=uwv, number=3).content == uwv_list.content
    event = AuditEvent.objects.get(action="housestyle.saved", data__version=3)
    assert event.data["restored_from"] == 1 and "inhoud van versie 1" in event.summary
    assert client.get(_url("restore", number=1)).status_code == 405


def test_a_member_downloads_the_list_as_a_tsv_file_that_reads_back(
    client_for: ClientFor, bob: User, uwv_list: HouseStyleVersion
) -> None:
    response = client_for(bob).get(_url("download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/tab-separated-values")
    assert 'filename="huisstijl-uwv-versie-1.tsv"' in response["Content-Disposition"]
    assert response.content.decode().splitlines()[1] == "vermijden\tbeschikking\tbesluit"
    assert client_for(bob).get(_url("version_download", number=7)).status_code == 404


def test_more_empty_rows_on_request_and_a_long_list_is_sent_to_the_upload(
    client_for: ClientFor, alice: User, uwv: Organisation, uwv_list: HouseStyleVersion
) -> None:
    client = client_for(alice)
    page = _html(client.get(_url("edit") + "?rijen=10"))
    assert 'name="rij-TOTAL_FORMS" value="16"' in page  # 3 rows, 10 more, 3 empty
    assert 'name="rij-TOTAL_FORMS" value="6"' in _html(client.get(_url("edit") + "?rijen=veel"))
    entries = [HouseStyleEntry("vermijden", f"woord{n}", "") for n in range(201)]
    house_style_save(actor=alice, organisation=uwv, entries=entries)
    page = _html(client.get(_url("edit")))
    assert "Deze lijst heeft meer dan 200 termen" in page and 'name="rij-TOTAL_FORMS"' not in page
