from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_start_page_explains_denkraam_and_shows_the_three_needs(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Ik wil je kunnen vertrouwen en vertrouw mij!" in html
    assert "Praat met mij als één persoon" in html
    assert "Maak het mij makkelijk!" in html


def test_the_frame_page_lists_every_question(client: Client) -> None:
    from denkraam.framework import load_frame

    html = client.get("/denkraam/").content.decode()
    for question in load_frame().questions():
        assert question.text.replace("'", "&#x27;").replace('"', "&quot;") in html


def test_pages_carry_security_headers(client: Client) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_health_check_answers(client: Client) -> None:
    assert client.get("/gezond/").json() == {"status": "ok"}
