"""The browser harness itself: the accessibility check must be able to fail, or its green means nothing; the live
server must take requests side by side without locking the test database."""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Answer
from denkraam.framework import load_frame
from tests.browser.axe import axe_violations, format_violations
from tests.browser.scenario import session_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_accessibility_check_reports_an_unlabelled_field_readably(axe_page: Page) -> None:
    axe_page.set_content(
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
        '<body><main><h1>Formulier</h1><input type="text" name="naam"></main></body></html>'
    )
    violations = axe_violations(axe_page)
    assert "label" in {v["id"] for v in violations}
    report = format_violations(violations, url="about:blank")
    assert "[critical] label" in report
    assert "<input" in report


def test_the_live_server_answers_polls_and_saves_at_once_while_the_test_writes(
    live_server: object, alice: User, bob: User, uwv: Organisation
) -> None:
    # A page polling every second next to a form post, and the test writing meanwhile: none may see a locked table.
    session = session_for(facilitator=alice, owner=uwv, participants=[bob], stage="open")
    base = f"{live_server.url}/gesprekken/{session.assessment.pk}"
    client = Client()
    client.force_login(bob)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    principle = load_frame().principles()[0]
    failures: list[str] = []

    def poll() -> None:
        for _ in range(20):
            request = urllib.request.Request(f"{base}/live/", headers={"Cookie": cookie, "HX-Request": "true"})
            try:
                urllib.request.urlopen(request, timeout=30).read()
            except urllib.error.HTTPError as error:
                failures.append(f"poll: HTTP {error.code}")

    def save(rating: str) -> None:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.addheaders = [("Cookie", cookie)]
        for _ in range(5):
            try:
                html = opener.open(f"{base}/vragenlijst/", timeout=30).read().decode()
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
                assert token, "no CSRF token on the questionnaire"
                fields = {"csrfmiddlewaretoken": token.group(1), "principe": principle.id}
                fields |= {f"{question.id}-rating": rating for question in principle.questions}
                csrf = next(c.value for c in jar if c.name == settings.CSRF_COOKIE_NAME)
                request = urllib.request.Request(
                    f"{base}/vragenlijst/",
                    data=urllib.parse.urlencode(fields).encode(),
                    headers={"Cookie": f"{cookie}; {settings.CSRF_COOKIE_NAME}={csrf}"},
                )
                urllib.request.urlopen(request, timeout=30).read()
            except urllib.error.HTTPError as error:
                failures.append(f"save: HTTP {error.code} {error.read()[-300:]!r}")

    threads = [threading.Thread(target=poll) for _ in range(4)]
    threads += [threading.Thread(target=save, args=(rating,)) for rating in ("goed", "slecht")]
    for thread in threads:
        thread.start()
    for n, question in enumerate(load_frame().questions()[:10]):
        services.answer_save(
            assessment=session.assessment, user=alice, question_id=question.id, rating="goed", note=str(n)
        )
    for thread in threads:
        thread.join()
    assert failures == []
    assert Answer.objects.filter(user=bob, assessment=session.assessment).count() == len(principle.questions)
