"""Evidence pages in a real browser: accessible (axe-core), hostile HTML stays inert, and the progress polls."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import BrowserContext, Page, expect

from denkraam.accounts.models import Organisation, User
from denkraam.assessments import services as assessment_services
from denkraam.evidence import services
from denkraam.evidence.demo import demo_text
from denkraam.evidence.models import Analysis
from tests.browser.axe import assert_accessible
from tests.browser.conftest import login
from tests.evidence.conftest import FIXTURES
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_evidence_pages_have_no_accessibility_violations(
    axe_context: BrowserContext, axe_page: Page, live_server: object, alice: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, name="Brief WW")
    # transaction=True: the queued analyses run when each add commits (immediate task backend in tests).
    letter, _ = services.evidence_add_text(
        initiative=initiative, actor=alice, title="Brief maart", text=demo_text("brief_herbeoordeling.txt")
    )
    # Kept as uploaded (the page check needs the original HTML), so its page carries the personal-data notice.
    page_item, _ = services.evidence_add_file(
        initiative=initiative,
        actor=alice,
        title="Webpagina",
        upload=SimpleUploadedFile("p.html", (FIXTURES / "demo_pagina.html").read_bytes()),
        keep_original=True,
    )
    assessment = assessment_services.assessment_create(initiative=initiative, actor=alice, title="Gesprek")
    assessment_services.assessment_open(assessment=assessment, actor=alice)
    login(axe_context, alice, base_url=live_server.url)
    axe_page.goto(f"/bewijs/{page_item.pk}/")
    expect(axe_page.get_by_role("note").filter(has_text="niet ontdaan van persoonsgegevens")).to_contain_text(
        "gekozen door Alice"
    )
    for path in [
        f"/initiatieven/{initiative.pk}/",
        f"/initiatieven/{initiative.pk}/bewijs/nieuw/",
        f"/bewijs/{letter.pk}/",
        f"/bewijs/{letter.pk}/?behoefte=vertrouwen&ernst=waarschuwing",
        f"/bewijs/{page_item.pk}/",
        f"/gesprekken/{assessment.pk}/vragenlijst/?principe=vertrouwen-in-burger",
    ]:
        axe_page.goto(path)
        expect(axe_page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(axe_page)


def test_hostile_html_from_an_upload_stays_text_and_runs_nothing(
    context: BrowserContext, page: Page, live_server: object, alice: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, name="Brief WW")
    item, _ = services.evidence_add_file(
        initiative=initiative,
        actor=alice,
        title="Webpagina",
        upload=SimpleUploadedFile("p.html", (FIXTURES / "demo_pagina.html").read_bytes()),
    )
    login(context, alice, base_url=live_server.url)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"/bewijs/{item.pk}/")
    expect(page.get_by_text('<b onmouseover="alert(1)">vet</b>', exact=False)).to_be_visible()
    page.mouse.move(200, 400)
    assert dialogs == []
    assert page.locator(".denkraam-marked-text b, .denkraam-marked-text img, script:not([src])").count() == 0


def test_the_evidence_page_follows_the_analysis_until_it_is_done(
    context: BrowserContext, page: Page, live_server: object, alice: User, uwv: Organisation
) -> None:
    initiative = InitiativeFactory(owner=uwv, name="Brief WW")
    item, _ = services.evidence_add_text(
        initiative=initiative,
        actor=alice,
        title="Brief",
        text=demo_text("brief_herbeoordeling.txt"),
        queue_analysis=False,
    )
    analysis = Analysis.objects.create(item=item, requested_by=alice)  # waiting for a worker
    login(context, alice, base_url=live_server.url)
    page.goto(f"/bewijs/{item.pk}/")
    expect(page.get_by_role("status").first).to_contain_text("In de wachtrij")
    services.analysis_run(analysis=analysis)  # the worker does its job
    # The page polls every 2 seconds and reloads itself when the analysis is done.
    expect(page.get_by_role("heading", name="Bevindingen")).to_be_visible(timeout=8_000)
    expect(page.get_by_text("Dreigende toon").first).to_be_visible()
