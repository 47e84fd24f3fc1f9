"""The checked letter back in Word: the same document, its text untouched, every finding a comment on its words.

The letters are real .docx files made here with python-docx, and the output is read back with python-docx too
(what Word shows: paragraphs, runs, comments); which words a comment covers is read from its range marks.
"""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

from denkraam.analysis.findings import Finding
from denkraam.analysis.text.check import check_text
from denkraam.analysis.text.extract import InputError, document_from_bytes
from denkraam.analysis.text.report import TextReport
from denkraam.analysis.text.word_comments import annotated_docx, new_docx
from tests.analysis.text.hostile_files import docx_bomb


def letter() -> bytes:
    """A letter with a header, bold and italic runs inside sentences, a table and a footer."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Wij verzoeken u de benodigde bescheiden op te sturen."
    document.sections[0].footer.paragraphs[0].text = "Gemeente Voorbeeldstad, Postbus 12, 1234 AB Voorbeeldstad"
    document.add_paragraph("Geachte heer De Vries,")
    paragraph = document.add_paragraph("Hierbij delen wij u mede dat uw aanvraag ")
    paragraph.add_run("door ons is ontvangen").bold = True
    paragraph.add_run(". Wij hebben ")
    paragraph.add_run("geconstateerd").italic = True
    paragraph.add_run(" dat het formulier niet volledig is.")
    document.add_paragraph("")  # an empty paragraph: not a line of the text
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kenmerk"
    table.cell(0, 1).text = "2026-0412"
    table.cell(1, 0).text = "Termijn"
    table.cell(1, 1).text = "Uw aanvraag wordt in behandeling genomen."
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Team Inkomen")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def checked(data: bytes) -> TextReport:
    return check_text(document_from_bytes(data, source="brief.docx").text, source="brief.docx")


def reopen(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def all_paragraph_texts(document: WordDocument) -> list[str]:
    """Every paragraph of the body in order, table cells included (python-docx's own reading)."""
    return [paragraph.text for paragraph in document.iter_inner_content() for paragraph in _paragraphs(paragraph)]


def _paragraphs(block: object) -> list[docx.text.paragraph.Paragraph]:
    if isinstance(block, docx.text.paragraph.Paragraph):
        return [block]
    return [p for row in block.rows for cell in row.cells for p in cell.paragraphs]  # type: ignore[attr-defined]


def anchored_words(document: WordDocument) -> dict[int, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd, across paragraphs."""
    open_ranges: dict[int, list[str]] = {}
    words: dict[int, str] = {}
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ranges[int(element.get(qn("w:id")))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            comment_id = int(element.get(qn("w:id")))
            words[comment_id] = "".join(open_ranges.pop(comment_id))
        elif element.tag == qn("w:t"):
            for collected in open_ranges.values():
                collected.append(element.text or "")
    return words


def test_the_text_of_the_document_is_untouched_runs_keep_their_formatting() -> None:
    data = letter()
    before = reopen(data)
    after = reopen(annotated_docx(data, checked(data)))
    assert all_paragraph_texts(after) == all_paragraph_texts(before)
    assert after.sections[0].header.paragraphs[0].text == before.sections[0].header.paragraphs[0].text
    bold = "".join(run.text for p in after.paragraphs for run in p.runs if run.bold)
    italic = "".join(run.text for p in after.paragraphs for run in p.runs if run.italic)
    assert bold == "door ons is ontvangen"
    assert italic == "geconstateerd"
    # The runs were split where findings start and end: every finding in this paragraph begins and ends between runs.
    report = checked(data)
    paragraph = after.paragraphs[1].text
    offset = report.text.index(paragraph)
    boundaries, position = {0}, 0
    for run in after.paragraphs[1].runs:
        position += len(run.text)
        boundaries.add(position)
    inside = [f for f in report.findings if offset <= f.start and f.end <= offset + len(paragraph) and f.end > f.start]
    assert inside, "the paragraph must have findings"
    assert all({f.start - offset, f.end - offset} <= boundaries for f in inside)
    # And what the check reads from the new file is what it read before.
    assert document_from_bytes(annotated_docx(data, checked(data))).text == document_from_bytes(data).text


def test_every_finding_is_a_comment_by_denkraam_on_exactly_its_words() -> None:
    data = letter()
    report = checked(data)
    after = reopen(annotated_docx(data, report))
    comments = list(after.comments)
    assert all(comment.author == "denkraam" for comment in comments)
    words = anchored_words(after)
    in_body = [item for item in report.findings if item.end > item.start and not in_header_or_footer(report, item)]
    assert len(in_body) >= 4, "the letter must have findings in its body"
    assert sorted((c.paragraphs[0].text, words[c.comment_id]) for c in comments[1:]) == sorted(
        (item.message, report.text[item.start : item.end]) for item in in_body
    )
    passive = next(item for item in report.findings if item.rule == "lijdende-vorm")
    anchored = next(words[c.comment_id] for c in comments if c.paragraphs[0].text == passive.message)
    assert anchored == report.text[passive.start : passive.end]
    assert anchored.endswith("is ontvangen")
    # The passive in the table cell is anchored there.
    assert any(anchored.endswith("wordt in behandeling genomen") for anchored in words.values())


def in_header_or_footer(report: TextReport, item: Finding) -> bool:
    """The letter's header is its first line and its footer its last."""
    return item.start < report.text.index("\n") or item.start > report.text.rindex("\n")


def _message(report: TextReport, rule: str) -> str:
    return next(item.message for item in report.findings if item.rule == rule)


def test_a_comment_says_the_message_the_proposal_and_why() -> None:
    data = letter()
    report = checked(data)
    target = next(item for item in report.findings if item.excerpt == "geconstateerd")
    report = replace(
        report,
        findings=tuple(
            replace(item, rewrite="zagen", why="Een gewoon woord begrijpt de lezer meteen.") if item is target else item
            for item in report.findings
        ),
    )
    after = reopen(annotated_docx(data, report))
    comment = next(c for c in after.comments if c.paragraphs[0].text == target.message)
    assert [p.text for p in comment.paragraphs] == [
        target.message,
        "Voorstel: zagen",
        "Waarom: Een gewoon woord begrijpt de lezer meteen.",
    ]
    assert anchored_words(after)[comment.comment_id] == "geconstateerd"


def test_the_summary_is_the_first_comment_at_the_start_with_level_scores_and_count() -> None:
    data = letter()
    report = checked(data)
    after = reopen(annotated_docx(data, report))
    summary = list(after.comments)[0]
    text = summary.text
    assert text.startswith("Tekstcheck van denkraam: samenvatting")
    assert report.readability is not None
    assert f"Leesniveau {report.readability.level} van 4" in text
    assert f"Vertrouwen {report.needs['vertrouwen']}" in text and "Gemak" in text
    assert f"{len(report.findings)} bevindingen" in text
    # Anchored on the first paragraph, and its range starts before anything else in the body.
    assert anchored_words(after)[summary.comment_id] == "Geachte heer De Vries,"
    first_mark = next(after.element.body.iter(qn("w:commentRangeStart")))
    assert int(first_mark.get(qn("w:id"))) == summary.comment_id


def test_whole_text_and_header_findings_go_into_the_summary() -> None:
    data = letter()
    report = checked(data)
    # The letter checks point at a place now; a finding about the text as a whole still exists (onpersoonlijk, taal).
    about_all = Finding(
        rule="test", need="gemak", principle="P1", severity="info", start=0, end=0, excerpt="", message="Hele brief."
    )
    report = replace(report, findings=(about_all, *report.findings))
    whole = [item for item in report.findings if item.end == item.start]
    header = [item for item in report.findings if item.end > item.start and in_header_or_footer(report, item)]
    assert whole and header
    after = reopen(annotated_docx(data, report))
    summary = list(after.comments)[0].text
    for item in whole:
        assert item.message in summary
    assert 'In de kop- of voettekst, bij "benodigde bescheiden"' in summary
    # Nothing is anchored in the header: Word cannot show a comment there.
    assert not list(after.sections[0].header._element.iter(qn("w:commentRangeStart")))
    assert len(after.comments) == 1 + len(report.findings) - len(whole) - len(header)


def test_a_finding_over_two_paragraphs_is_anchored_on_its_part_in_the_first() -> None:
    data = letter()
    report = checked(data)
    start = report.text.index("Met vriendelijke")
    end = report.text.index("Inkomen") + len("Inkomen")
    over_two = Finding(
        rule="test",
        need="persoonlijk",
        principle="P1",
        severity="info",
        start=start,
        end=end,
        excerpt=report.text[start:end],
        message="Een groet over twee regels.",
    )
    after = reopen(annotated_docx(data, replace(report, findings=(over_two,))))
    comment = list(after.comments)[1]
    assert comment.text == "Een groet over twee regels."
    assert anchored_words(after)[comment.comment_id] == "Met vriendelijke groet,"


def test_a_document_that_already_has_comments_keeps_them() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Hierbij sturen wij u de stukken.")
    document.add_comment(paragraph.runs, text="Graag nog even nakijken.", author="Annemiek")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    after = reopen(annotated_docx(data, checked(data)))
    authors = [comment.author for comment in after.comments]
    assert authors[0] == "Annemiek" and authors.count("denkraam") >= 2
    assert after.paragraphs[0].text == "Hierbij sturen wij u de stukken."


def test_a_pasted_text_becomes_a_new_document_with_one_paragraph_per_line() -> None:
    text = (
        "Geachte mevrouw Bakker,\n\nHierbij delen wij u mede dat uw aanvraag is ontvangen.\n\nMet vriendelijke groet,"
    )
    report = check_text(text)
    after = reopen(new_docx(report, title="Brief met opmerkingen"))
    assert [p.text for p in after.paragraphs] == text.split("\n")
    words = anchored_words(after)
    comments = list(after.comments)
    assert comments[0].text.startswith("Tekstcheck van denkraam")
    spans = [item for item in report.findings if item.end > item.start]
    assert sorted(words[c.comment_id] for c in comments[1:]) == sorted(text[f.start : f.end] for f in spans)
    assert after.core_properties.title == "Brief met opmerkingen"


@pytest.mark.parametrize("text", ["\tHierbij delen wij u mede dat het klaar is.  ", "Zie\x0cHierbij bijlage."])
def test_a_pasted_text_with_tabs_and_control_codes_still_anchors_right(text: str) -> None:
    report = check_text(text)
    after = reopen(new_docx(report))
    words = anchored_words(after)
    hierbij = next(c for c in after.comments if c.paragraphs[0].text.startswith("'Hierbij'"))
    assert words[hierbij.comment_id] == "Hierbij"


def test_a_docx_with_199_megabytes_of_pictures_gets_no_comments_and_a_dutch_reason() -> None:
    data = docx_bomb(member="word/media/image1.png")  # an empty document with one huge picture
    with pytest.raises(InputError, match="uitgepakt groter dan 64 MB"):
        annotated_docx(data, check_text("Hierbij sturen wij u de stukken."))


W_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{}</w:body></w:document>'
)


def _with_body(body: str) -> bytes:
    """python-docx's own package with a hand-written body: constructs python-docx cannot make itself."""
    import zipfile

    template = io.BytesIO()
    docx.Document().save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename == "word/document.xml":
                archive.writestr(member, W_DOCUMENT.format(body).encode())
            else:
                archive.writestr(member, source.read(member))
    return out.getvalue()


def test_findings_in_hyperlinks_insertions_and_content_controls_are_anchored_on_their_words() -> None:
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        "<w:r><w:t>Geachte heer Smit,</w:t></w:r><w:r><w:br/></w:r>"
        '<w:r><w:t xml:space="preserve">tweede regel: </w:t></w:r>'
        '<w:hyperlink r:id="rId99"><w:r><w:t>Hierbij delen wij u mede</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> dat </w:t></w:r><w:del><w:r><w:delText>niets</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t xml:space="preserve">uw aanvraag </w:t></w:r></w:ins>'
        "<w:r><w:t>is ontvangen.</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Teneinde</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> dit af te ronden, bellen wij u.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        "<w:p><w:r><w:t>Met vriendelijke groet,</w:t></w:r></w:p>"
    )
    data = _with_body(body)
    report = checked(data)
    assert report.text.startswith("Geachte heer Smit,\ntweede regel: Hierbij delen wij u mede dat uw aanvraag is")
    after_data = annotated_docx(data, report)
    after = reopen(after_data)
    assert document_from_bytes(after_data).text == report.text  # not a character changed
    words = anchored_words(after)
    spans = [item for item in report.findings if item.end > item.start]
    assert {"Hierbij", "delen wij u mede", "Teneinde"} <= {item.excerpt for item in spans}
    assert sorted(words[c.comment_id] for c in list(after.comments)[1:]) == sorted(
        report.text[item.start : item.end] for item in spans
    )


def test_a_report_of_another_text_puts_no_comment_on_wrong_words_but_quotes_all_in_the_summary() -> None:
    data = letter()
    other = check_text("Teneinde dit af te ronden, verzoeken wij u te bellen.")  # not this document's text
    after = reopen(annotated_docx(data, other))
    comments = list(after.comments)
    assert len(comments) == 1
    assert anchored_words(after)[comments[0].comment_id] == "Geachte heer De Vries,"
    assert 'Bij "Teneinde": ' in comments[0].text and 'Bij "verzoeken": ' in comments[0].text
