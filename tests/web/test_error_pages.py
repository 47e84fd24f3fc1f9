"""Error pages (400, 403, 404, 500 and a refused form) are Dutch, in the site's look, with a way back, and show the
app's own Dutch reason, as text, but never technical details."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path
from pytest_django.fixtures import Settings

from denkraam.accounts.models import Organisation, User
from denkraam.conf.urls import handler400, handler403, handler404, handler500
from denkraam.conf.urls import urlpatterns as site_urlpatterns
from tests.factories import InitiativeFactory


def _not_found_with_html(request: HttpRequest) -> HttpResponse:
    raise Http404('Deze pagina <script>alert("x")</script> bestaat niet.')


def _bare_not_found(request: HttpRequest) -> HttpResponse:
    raise Http404


def _bare_denied(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("geheim detail uit /srv/denkraam/settings.py")


def _database_down(request: HttpRequest) -> HttpResponse:
    User.objects.count()  # outside a django_db test the database refuses every query, as when it is down
    return HttpResponse("onbereikbaar")


def _suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("geheim detail")


# A URL configuration for these tests only: the site's own, plus views that fail on purpose, and the site's handlers.
urlpatterns = [
    path("test/html-in-404/", _not_found_with_html),
    path("test/kale-404/", _bare_not_found),
    path("test/kale-403/", _bare_denied),
    path("test/kapot/", _broken),
    path("test/database-weg/", _database_down),
    path("test/verdacht/", _suspicious),
    *site_urlpatterns,
]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
FAILING = override_settings(ROOT_URLCONF=__name__)


def _assert_dutch_page(html: str) -> None:
    assert '<html lang="nl">' in html
    assert 'href="/"' in html  # a way back to the start page
    assert "denkraam-header" in html  # the site's own header and styles, not a bare fallback
    for english in ["Not Found", "Forbidden", "Server Error", "Bad Request", "Traceback", "CSRF verification"]:
        assert english not in html


@pytest.mark.django_db
def test_an_unknown_address_gets_a_dutch_page_with_a_way_back(client: Client) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "Deze pagina bestaat niet" in html


@pytest.mark.django_db
def test_the_app_s_dutch_404_reason_reaches_the_person(
    client_for: Callable[[User], Client], alice: User, charlie: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv)
    response = client_for(charlie).get(f"/initiatieven/{initiative.pk}/")
    assert response.status_code == 404
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "Dit initiatief bestaat niet of u heeft er geen toegang toe." in html
    assert 'href="/initiatieven/"' in html  # logged in: back to the initiatives too
    assert 'href="/mijn-gesprekken/">Naar Mijn gesprekken</a>' in html  # and to one's own tasks


@pytest.mark.django_db
def test_a_logged_in_person_without_access_gets_the_dutch_404_that_leads_to_mijn_gesprekken(
    client_for: Callable[[User], Client], alice: User, charlie: User
) -> None:
    response = client_for(charlie).get("/organisaties/uwv/")
    assert response.status_code == 404
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "Deze organisatie bestaat niet of u heeft er geen toegang toe." in html
    assert 'href="/mijn-gesprekken/">Naar Mijn gesprekken</a>' in html


@pytest.mark.django_db
def test_the_app_s_dutch_403_reason_reaches_the_person(
    client_for: Callable[[User], Client], alice: User, charlie: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, is_published=True)
    response = client_for(charlie).get(f"/initiatieven/{initiative.pk}/bewerken/")
    assert response.status_code == 403
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "U mag dit initiatief niet wijzigen." in html
    assert "Geen toegang" in html


@pytest.mark.django_db
@FAILING
def test_a_reason_is_shown_as_text_never_as_html(client: Client) -> None:
    html = client.get("/test/html-in-404/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


@pytest.mark.django_db
@FAILING
def test_without_a_reason_the_page_gives_a_dutch_one_and_not_the_exception_s_name(client: Client) -> None:
    not_found = client.get("/test/kale-404/")
    denied = client.get("/test/kale-403/")
    assert (not_found.status_code, denied.status_code) == (404, 403)
    for html in [not_found.content.decode(), denied.content.decode()]:
        _assert_dutch_page(html)
        assert "Http404" not in html
        assert "PermissionDenied" not in html


@pytest.mark.django_db
@FAILING
def test_a_server_error_gets_a_dutch_page_without_details() -> None:
    response = Client(raise_request_exception=False).get("/test/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "Er ging iets mis" in html
    assert "geheim" not in html
    assert "RuntimeError" not in html


@FAILING
def test_the_server_error_page_shows_when_the_database_is_down() -> None:
    response = Client(raise_request_exception=False).get("/test/database-weg/")
    assert response.status_code == 500
    _assert_dutch_page(response.content.decode())
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.django_db
@FAILING
def test_a_bad_request_gets_a_dutch_page_without_details(client: Client) -> None:
    response = client.get("/test/verdacht/")
    assert response.status_code == 400
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "geheim" not in html


@pytest.mark.django_db
def test_a_refused_form_explains_in_dutch_what_to_do(alice: User) -> None:
    response = Client(enforce_csrf_checks=True).post("/inloggen/", {"username": "alice", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "Laad de pagina opnieuw" in html


@pytest.mark.django_db
def test_a_refused_form_of_a_logged_in_person_keeps_their_menu_and_hides_django_s_reason(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/organisaties/uwv/uitnodigen/", {"email": "x@example.org", "role": "lid"})
    assert response.status_code == 403
    html = response.content.decode()
    _assert_dutch_page(html)
    assert "Het formulier is niet verstuurd" in html and "Uitloggen (alice)" in html
    assert 'href="/mijn-gesprekken/">Naar Mijn gesprekken</a>' in html
    main = html[html.index("<main") : html.index("</main>")]
    assert "CSRF" not in main and "token" not in main


@FAILING
def test_when_even_the_error_page_breaks_a_short_dutch_page_remains(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "500.html").write_text('{% extends "bestaat-niet.html" %}', encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    response = Client(raise_request_exception=False).get("/test/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Er ging iets mis" in html
    assert "geheim" not in html
