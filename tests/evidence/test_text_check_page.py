"""The Tekstcheck page: paste a text, see the reading level, the need scores and every finding; nothing is kept."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from denkraam.accounts.models import AuditEvent, User
from denkraam.evidence.models import Analysis, EvidenceItem

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
URL = "/tekstcheck/"

OFFICIALESE_LETTER = """Geachte heer Jansen,

Teneinde uw aanvraag in behandeling te kunnen nemen, dient u middels het bijgevoegde formulier de ontbrekende \
bescheiden alsnog aan ons te doen toekomen, bij gebreke waarvan wij genoodzaakt zijn uw aanvraag buiten behandeling \
te stellen. Wij verzoeken u derhalve binnenkort doch uiterlijk binnen de daartoe gestelde termijn zorg te dragen voor \
de aanlevering van de desbetreffende stukken.

Met vriendelijke groet,

Afdeling Uitkeringen
"""
ENGLISH_TEXT = (
    "Dear Mr Jansen, we would like to inform you that your application has been received. "
    "We will let you know our decision within four weeks. Kind regards, the benefits team."
)


def check(client: Client, text: str, **fields: str) -> str:
    response = client.post(URL, {"text": text, "kind": "automatisch", "max_sentence_words": "20", **fields})
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def test_the_url_is_the_tekstcheck() -> None:
    assert reverse("evidence:text_check") == URL


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client: Client, method: str) -> None:
    response = getattr(client, method)(URL, {"text": OFFICIALESE_LETTER} if method == "post" else {})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "next=/tekstcheck/" in response.url


def test_the_empty_page_has_the_form_and_promises_not_to_keep_the_text(client_for: ClientFor, bob: User) -> None:
    page = client_for(bob).get(URL).content.decode()
    assert '<h1 class="utrecht-heading-1">Tekstcheck</h1>' in page
    assert "De tekst wordt niet bewaard." in page
    assert re.search(r'<label class="utrecht-form-label" for="id_text">Tekst', page)
    assert 'name="max_sentence_words" value="20"' in page
    # No maxlength: the browser would silently cut off a long paste instead of telling the user.
    assert "maxlength" not in page
    assert "Nog geen uitkomst" in page
    assert 'aria-live="polite"' in page


def test_any_logged_in_user_may_use_it_also_without_an_initiative(client_for: ClientFor, charlie: User) -> None:
    page = check(client_for(charlie), OFFICIALESE_LETTER)
    assert "Leesniveau 4 van 4" in page


def test_an_officialese_letter_shows_level_4_scores_and_numbered_marks(client_for: ClientFor, alice: User) -> None:
    page = check(client_for(alice), OFFICIALESE_LETTER)
    assert re.search(r"Leesniveau 4 van 4</strong>: erg moeilijk voor de meeste lezers \(score \d+ ", page)
    for need in ("vertrouwen", "persoonlijk", "gemak"):
        assert re.search(rf'<meter [^>]*value="\d+" aria-labelledby="score-{need}"', page)
    assert re.search(r"\d+ van 100 \((goed|redelijk|matig|zwak)\)", page)
    # "Teneinde" is marked, followed by its number that links to the finding in the list.
    marked = re.search(
        r'<mark class="denkraam-mark denkraam-mark--\w+">Teneinde</mark>'
        r'<a class="denkraam-ref" href="#bevinding-(\d+)" id="markering-\1">',
        page,
    )
    assert marked, "Teneinde should be marked with a numbered reference"
    number = marked.group(1)
    item = re.search(rf'<li id="bevinding-{number}" value="{number}".*?</li>', page, re.S)
    assert item is not None
    assert "Ambtelijk of moeilijk woord" in item.group(0)
    assert "ambtelijk" in item.group(0).lower()
    assert "Tip:" in item.group(0)
    assert f'href="#markering-{number}"' in item.group(0)
    for title in ("Lange zin", "Vage tijdsaanduiding", "Brief: geen contactpersoon", "Brief: geen telefoonnummer"):
        assert title in page
    assert "gecontroleerd als brief" in page


def finding_item(page: str, label: str) -> str:
    item = re.search(
        rf'<li id="bevinding-\d+"[^>]*>\s*<p class="utrecht-paragraph"><strong>{re.escape(label)}.*?</li>', page, re.S
    )
    assert item is not None, label
    return item.group(0)


def test_whole_text_findings_are_listed_without_a_place_in_the_text(client_for: ClientFor, alice: User) -> None:
    letter = (
        "Geachte heer Jansen,\n\nMen kan bezwaar maken bij de gemeente.\n\nMet vriendelijke groet,\n\nAfdeling Zorg"
    )
    page = check(client_for(alice), letter)
    assert "Naar de plek in de tekst" not in finding_item(page, "Onpersoonlijk")
    assert re.search(r"\d+ bevindingen: \d+ gemarkeerd in de tekst, [1-9]\d* over de tekst als geheel\.", page)


def test_a_missing_contact_person_is_marked_where_it_belongs(client_for: ClientFor, alice: User) -> None:
    page = check(client_for(alice), OFFICIALESE_LETTER)
    assert "Naar de plek in de tekst" in finding_item(page, "Brief: geen contactpersoon")


def test_a_web_text_gets_no_letter_checks(client_for: ClientFor, alice: User) -> None:
    page = check(client_for(alice), OFFICIALESE_LETTER, kind="webtekst")
    assert "Brief: geen contactpersoon" not in page
    assert "gecontroleerd als tekst (geen brief)" in page
    assert "Leesniveau" in page


def test_a_higher_sentence_limit_flags_fewer_long_sentences(client_for: ClientFor, alice: User) -> None:
    client = client_for(alice)
    assert "<strong>Lange zin" in check(client, OFFICIALESE_LETTER, max_sentence_words="20")
    assert "<strong>Lange zin" not in check(client, OFFICIALESE_LETTER, max_sentence_words="60")


def test_a_sentence_limit_out_of_range_gets_a_dutch_error(client_for: ClientFor, alice: User) -> None:
    response = client_for(alice).post(URL, {"text": OFFICIALESE_LETTER, "max_sentence_words": "5"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies minstens 8 woorden per zin." in page
    assert "Leesniveau" not in page


def test_a_too_long_text_gets_a_dutch_error_and_stays_in_the_field(client_for: ClientFor, alice: User) -> None:
    text = "Dit is een zin. " * 3125 + "EINDE"  # 50,005 characters
    response = client_for(alice).post(URL, {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "De tekst is te lang: 50.005 tekens. Het maximum is 50.000 tekens." in page
    assert re.search(r'<textarea name="text"[^>]*>\n?' + re.escape(text) + "</textarea>", page)
    assert "Leesniveau" not in page
    assert 'href="#id_text"' in page  # the error summary leads to the field


def test_line_breaks_from_the_browser_count_as_one_character(client_for: ClientFor, alice: User) -> None:
    # Under 50,000 characters as the user sees them, over it once the browser sends every line break as \r\n.
    text = "Een zin.\r\n" * 5555
    assert len(text.replace("\r\n", "\n")) <= 50_000 < len(text)
    page = check(client_for(alice), text)
    assert "Leesniveau" in page


def test_an_empty_text_asks_for_a_text(client_for: ClientFor, alice: User) -> None:
    response = client_for(alice).post(URL, {"text": "   \n  "})
    assert response.status_code == 400
    assert "Plak de tekst die u wilt laten controleren." in response.content.decode()


def test_an_english_text_shows_the_not_dutch_notice(client_for: ClientFor, alice: User) -> None:
    page = check(client_for(alice), ENGLISH_TEXT)
    assert "niet in het Nederlands geschreven" in page
    assert "Leesniveau" not in page
    assert "<meter" not in page


def test_hostile_html_in_the_text_is_shown_as_text(client_for: ClientFor, alice: User) -> None:
    hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> ' + OFFICIALESE_LETTER
    page = check(client_for(alice), hostile)
    assert "Leesniveau" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<script>alert("x")' not in page
    assert "<img src=x" not in page


def test_a_post_without_the_csrf_token_is_refused(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(URL, {"text": OFFICIALESE_LETTER}).status_code == 403
    # The page's own form carries the token, so a real submit passes.
    page = client.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    response = client.post(URL, {"text": OFFICIALESE_LETTER, "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 200
    assert "Leesniveau 4 van 4" in response.content.decode()


def test_the_form_posts_with_htmx_while_typing_and_still_works_as_a_plain_form(
    client_for: ClientFor, alice: User
) -> None:
    page = client_for(alice).get(URL).content.decode()
    form = re.search(r"<form method=\"post\" action=\"/tekstcheck/\"[^>]*>", page)
    assert form is not None
    assert 'hx-post="/tekstcheck/"' in form.group(0)
    assert 'hx-target="#tekstcheck-uitkomst"' in form.group(0)
    assert "delay:800ms" in form.group(0)
    assert '<section id="tekstcheck-uitkomst"' in page
    assert "hx-headers" in page  # the CSRF token for htmx requests, from the base template
    assert "<script>" not in page and "style=" not in page  # the CSP forbids both


def test_an_htmx_request_gets_only_the_result(client_for: ClientFor, alice: User) -> None:
    response = client_for(alice).post(URL, {"text": OFFICIALESE_LETTER}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page
    assert "<textarea" not in page and 'action="/tekstcheck/"' not in page  # not the text form again
    assert "Leesniveau 4 van 4" in page
    assert '<h2 class="utrecht-heading-2" id="uitkomst-titel">Uitkomst</h2>' in page
    # A short status line for screen readers is swapped in beside the result, not the whole result read out.
    assert re.search(
        r'id="tekstcheck-status"[^>]*aria-live="polite"[^>]*hx-swap-oob="innerHTML">Uitkomst bijgewerkt', page
    )


def test_an_htmx_request_with_a_too_long_text_shows_the_error_in_the_result(client_for: ClientFor, alice: User) -> None:
    response = client_for(alice).post(URL, {"text": "a" * 50_001}, HTTP_HX_REQUEST="true")
    # 200 on purpose: htmx does not swap a 4xx answer, and the user must see why nothing was checked.
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page
    assert "De tekst is te lang: 50.001 tekens." in page
    assert "De tekst is niet gecontroleerd" in page


def test_checking_a_text_stores_and_logs_nothing(
    client_for: ClientFor, alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_for(alice)
    secret = "Mevrouw Geheimhouding heeft BSN-vraag 7431."
    before = (AuditEvent.objects.count(), EvidenceItem.objects.count(), Analysis.objects.count())
    with caplog.at_level(logging.DEBUG), CaptureQueriesContext(connection) as queries:
        page = check(client, OFFICIALESE_LETTER + secret)
    assert "Geheimhouding" in page
    writes = [q["sql"] for q in queries.captured_queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]
    assert writes == []
    assert (AuditEvent.objects.count(), EvidenceItem.objects.count(), Analysis.objects.count()) == before
    assert "Geheimhouding" not in caplog.text


def test_the_result_is_never_cached(client_for: ClientFor, alice: User) -> None:
    response = client_for(alice).post(URL, {"text": OFFICIALESE_LETTER})
    assert "no-store" in response["Cache-Control"]


def test_the_menu_shows_tekstcheck_to_logged_in_users_only(client: Client, client_for: ClientFor, bob: User) -> None:
    assert 'href="/tekstcheck/">Tekstcheck</a>' in client_for(bob).get("/").content.decode()
    assert 'href="/tekstcheck/"' not in client.get("/").content.decode()


@override_settings(TEXT_CHECK_CHARACTERS_PER_MINUTE=700)
def test_too_much_text_in_one_minute_asks_to_wait_and_keeps_the_text(client_for: ClientFor, bob: User) -> None:
    client = client_for(bob)
    fields = {"kind": "automatisch", "max_sentence_words": "20"}
    assert client.post(URL, {"text": OFFICIALESE_LETTER, **fields}).status_code == 200  # 459 characters
    response = client.post(URL, {"text": OFFICIALESE_LETTER + "Nog een zin.", **fields})
    page = response.content.decode()
    assert response.status_code == 429
    assert "Wacht een minuut" in page
    assert "Nog een zin." in page  # still in the field
    assert "Leesniveau" not in page
    # While typing (htmx) the same message appears in the result area; another user is not affected.
    partial = client.post(URL, {"text": "Korte tekst.", **fields}, HTTP_HX_REQUEST="true").content.decode()
    assert "Wacht een minuut" in partial


@override_settings(TEXT_CHECK_CHARACTERS_PER_MINUTE=700)
def test_the_budget_is_per_user(client_for: ClientFor, alice: User, bob: User) -> None:
    fields = {"kind": "automatisch", "max_sentence_words": "20"}
    client_for(bob).post(URL, {"text": OFFICIALESE_LETTER * 2, **fields})
    assert "Leesniveau" in check(client_for(alice), OFFICIALESE_LETTER)


def test_the_result_says_whether_the_text_is_at_b1_and_which_kind_of_letter_it_is(
    client_for: ClientFor, alice: User
) -> None:
    page = check(client_for(alice), OFFICIALESE_LETTER)
    assert "Deze tekst is niet op B1-niveau" in page
    assert "Soort brief: aanvraag onvolledig (herkend uit de tekst)." in page


def test_a_chosen_kind_of_letter_gets_that_kinds_checklist(client_for: ClientFor, alice: User) -> None:
    decision = (
        "Geachte mevrouw De Boer,\n\nU krijgt vanaf 1 mei 2027 huurtoeslag: 120 euro per maand. Wij hebben dit "
        "besloten omdat uw inkomen lager is geworden.\n\nHebt u vragen? Bel Joris Vos: 020 123 45 67.\n\n"
        "Met vriendelijke groet,\n\nJoris Vos"
    )
    page = check(client_for(alice), decision, letter_type="besluit")
    assert "Soort brief: besluit (opgegeven)." in page
    assert "de brief zegt niet hoe de lezer bezwaar kan maken" in page  # the decision's checklist: objection route
    refused = client_for(alice).post(URL, {"text": decision, "kind": "automatisch", "letter_type": "roman"})
    assert refused.status_code == 400
    assert "Kies een soort brief uit de lijst." in refused.content.decode()
