"""The assessment PDF is a tagged PDF/UA-1 document that reads well: checked on real PDFs, by pdfinfo and pypdf."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse

from denkraam.accounts.models import User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.framework import load_frame
from denkraam.initiatives.models import Initiative
from tests.reports.conftest import run_assessment
from tests.reports.pdf_structure import check_tagged_pdf

pytestmark = pytest.mark.django_db

# A4 is 595 pt wide; print.css gives 18 mm (51 pt) margins left and right.
PAGE_WIDTH = 595.3
MARGIN = 51.0
LONG_WORD = "Aansprakelijkheidsverzekeringsmaatschappijvoorwaardenbepalingsoverzicht" * 2
LONG_RATIONALE = (
    "De brief noemt geen datum waarop het geld komt, en de website zegt iets anders dan de medewerker aan de "
    "telefoon. Daarom vinden we dit onvoldoende: mensen weten niet waar ze aan toe zijn. " + LONG_WORD
)


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) is not installed, but CI must check the PDF")
        pytest.skip(f"{tool} (poppler-utils) is not installed: scripts/sysdeps.sh test")
    return path


def _pdf(client: Client, assessment: Assessment) -> bytes:
    response = client.get(reverse("reports:assessment_pdf", args=[assessment.pk]))
    assert response.status_code == 200
    return response.content


def _run(tool: str, pdf: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rapport.pdf"
        path.write_bytes(pdf)
        result = subprocess.run([_poppler(tool), *args, str(path), "-"], capture_output=True, check=True, timeout=60)
    return result.stdout.decode("utf-8")


@pytest.fixture
def long_rationale(initiative: Initiative, alice: User, bob: User) -> Assessment:
    """A revealed session with a long consensus rationale that ends in a word far wider than a column."""
    assessment = run_assessment(initiative=initiative, facilitator=alice, others=[bob], close=False)
    question = load_frame().questions()[3]
    services.consensus_save(
        assessment=assessment,
        actor=alice,
        question_id=question.id,
        rating="onvoldoende",
        rationale=LONG_RATIONALE,
    )
    return assessment


def test_pdfinfo_says_the_report_is_tagged_and_shows_its_title(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    pdf = _pdf(client_for(alice), closed_assessment)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rapport.pdf"
        path.write_bytes(pdf)
        info = subprocess.run([_poppler("pdfinfo"), str(path)], capture_output=True, check=True, timeout=60)
    fields = dict(re.findall(r"^([^:]+):\s*(.*)$", info.stdout.decode("utf-8"), flags=re.MULTILINE))
    assert fields["Tagged"] == "yes"
    assert fields["Title"] == "Rapport: Eerste gesprek – denkraam"
    assert fields["PDF version"] == "1.7"


def test_the_structure_check_passes_language_title_tags_and_every_page_marked(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    structure = check_tagged_pdf(_pdf(client_for(alice), closed_assessment), lang="nl")
    assert structure.problems == []
    tags = {element.tag for element in structure.elements}
    assert {"H1", "H2", "H3", "P", "L", "LI", "Table", "TR", "TH", "TD", "Caption", "Figure"} <= tags
    figure = next(e for e in structure.elements if e.tag == "Figure")
    assert figure.alt == "Score per behoefte (0 tot 100)"
    # Only the page footer (text and page number) stays outside the tree: WeasyPrint's margin boxes.
    assert structure.outside_tree
    assert all(re.fullmatch(r"denkraam · .+|pagina \d+ van \d+", text) for text in structure.outside_tree)


def test_the_tags_read_in_the_order_of_the_report(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    structure = check_tagged_pdf(_pdf(client_for(alice), closed_assessment))
    assert structure.texts("H1") == ["Rapport: Eerste gesprek"]
    assert structure.texts("H2") == [
        "Samenvatting",
        "Score per behoefte",
        "Hier dachten de mensen verschillend",
        "Alle vragen",
        "Acties",
        "Wie deden er mee",
    ]
    assert [text.split(":")[0] for text in structure.texts("H3")] == ["Vertrouwen", "Persoonlijk", "Gemak"]
    # A question's row (header, rating, answers) comes right before the reason why the group judged it so.
    cells = structure.texts("TH", "TD")
    rationale = next(i for i, text in enumerate(cells) if text.startswith("Waarom: De brief noemt geen datum."))
    assert cells[rationale - 3] == load_frame().questions()[2].text
    assert cells[rationale - 2].startswith("Onvoldoende")


def test_the_reason_why_gets_the_width_of_the_page_and_a_long_word_wraps_inside_it(
    long_rationale: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    html = _run("pdftotext", _pdf(client_for(alice), long_rationale), "-bbox-layout")
    page_xml = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="', 'xmlns:x="'))
    words = [(w.text or "", float(w.get("xMin", 0)), float(w.get("xMax", 0))) for w in page_xml.iter("word")]
    assert words
    # Nothing runs over the right margin, not even a word longer than a line.
    assert max(x_max for _, _, x_max in words) <= PAGE_WIDTH - MARGIN + 1
    # The rationale's lines span most of the text width (in a fourth column they were a quarter of it).
    lines = []
    for line in page_xml.iter("line"):
        text = " ".join(w.text or "" for w in line.iter("word"))
        if "telefoon" in text or "Daarom vinden we dit" in text:
            lines.append(float(line.get("xMax", 0)) - float(line.get("xMin", 0)))
    assert lines
    assert max(lines) > 0.7 * (PAGE_WIDTH - 2 * MARGIN)
    # The long word is there in full, spread over several lines.
    text = _run("pdftotext", _pdf(client_for(alice), long_rationale))
    assert LONG_WORD in re.sub(r"[\s\-‐]+", "", text)


def test_the_structure_check_notices_a_wrong_language(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    pdf = _pdf(client_for(alice), closed_assessment)
    assert check_tagged_pdf(pdf, lang="en").problems == ["document language is 'nl', not 'en'"]


def test_the_structure_check_fails_an_untagged_pdf() -> None:
    from weasyprint import HTML

    untagged = HTML(string="<html><body><p>Zonder tags</p></body></html>").write_pdf()
    problems = check_tagged_pdf(untagged).problems
    assert "MarkInfo/Marked is not true" in problems
    assert "no title in the document information" in problems
    assert "no StructTreeRoot with elements" in problems
