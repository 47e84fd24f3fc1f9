"""Input for the text check: every format, encodings, limits and broken files."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from denkraam.analysis.text.extract import InputError, document_from_bytes, load_document


def test_it_reads_plain_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Geachte heer De Vries,\nU krijgt € 100.", encoding="utf-8")
    document = load_document(path)
    assert document.kind == "txt"
    assert document.text == "Geachte heer De Vries,\nU krijgt € 100."


def test_it_drops_the_utf8_byte_order_mark() -> None:
    document = document_from_bytes("\ufeffBeste Anna, tot ziens.".encode())
    assert document.text == "Beste Anna, tot ziens."
    assert document.encoding == "utf-8-sig"


def test_it_reads_windows_cp1252_text() -> None:
    document = document_from_bytes("Het café rekent € 5 voor één kopje.".encode("cp1252"))
    assert document.text == "Het café rekent € 5 voor één kopje."
    assert document.encoding == "cp1252"


def test_it_reads_utf16_with_a_byte_order_mark() -> None:
    document = document_from_bytes("Wij helpen u graag.".encode("utf-16"))
    assert document.text == "Wij helpen u graag."


def test_it_normalises_windows_line_endings() -> None:
    assert document_from_bytes(b"regel een\r\nregel twee").text == "regel een\nregel twee"


def test_it_strips_markdown_syntax(tmp_path: Path) -> None:
    path = tmp_path / "pagina.md"
    path.write_text(
        "# Uw aanvraag\n\nU krijgt **binnen 6 weken** bericht. Lees [meer informatie](https://example.org).\n\n"
        "- eerste punt\n- tweede punt\n\n| kolom | waarde |\n|---|---|\n| a | b |\n",
        encoding="utf-8",
    )
    document = load_document(path)
    assert document.kind == "md"
    assert "Uw aanvraag" in document.text
    assert "U krijgt binnen 6 weken bericht. Lees meer informatie." in document.text
    for syntax in ("#", "**", "](", "https://", "- eerste", "|"):
        assert syntax not in document.text
    assert "eerste punt" in document.text


def test_it_keeps_only_visible_html_text_with_blocks_on_their_own_line() -> None:
    page = b"""<!DOCTYPE html><html><head><title>Titel</title><style>p{color:red}</style></head><body>
    <h1>Kop</h1><p>Eerste <b>alinea</b>.</p><script>alert('x')</script><template><p>sjabloon</p></template>
    <noscript>zonder script</noscript><div hidden>verborgen</div><ul><li>een</li><li>twee</li></ul></body></html>"""
    document = document_from_bytes(page, source="pagina")
    assert document.kind == "html"
    assert document.text.splitlines() == ["Kop", "Eerste alinea.", "een", "twee"]


def test_it_detects_html_from_content_even_with_a_txt_like_name(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_bytes(b"<html><body><p>Hallo</p><p>wereld</p></body></html>")
    assert load_document(path).text == "Hallo\nwereld"


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Geachte mevrouw Bakker,")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Bedrag"
    table.cell(0, 1).text = "€ 250"
    document.add_paragraph("Met vriendelijke groet,")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_reads_docx_paragraphs_and_tables_detected_from_content(tmp_path: Path) -> None:
    path = tmp_path / "brief.bin"  # the wrong extension on purpose: the content decides
    path.write_bytes(_docx_bytes())
    document = load_document(path)
    assert document.kind == "docx"
    assert document.text.splitlines() == ["Geachte mevrouw Bakker,", "Bedrag", "€ 250", "Met vriendelijke groet,"]


def test_it_reads_text_from_a_pdf(tmp_path: Path) -> None:
    from weasyprint import HTML

    path = tmp_path / "brief.pdf"
    path.write_bytes(HTML(string="<p>Wij hebben uw aanvraag ontvangen.</p>").write_pdf())
    document = load_document(path)
    assert document.kind == "pdf"
    assert "Wij hebben uw aanvraag ontvangen." in document.text


def test_it_reads_standard_input() -> None:
    document = load_document("-", stdin=io.BytesIO(b"Beste Sam, dank je wel."))
    assert document.source == "-"
    assert document.text == "Beste Sam, dank je wel."


def test_it_refuses_a_docx_zip_bomb_before_unpacking() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>" + b" " * 5_000_000)
    with pytest.raises(InputError, match="zip bomb"):
        document_from_bytes(buffer.getvalue())


def test_it_refuses_a_broken_docx() -> None:
    with pytest.raises(InputError, match="beschadigd"):
        document_from_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)


def test_it_refuses_a_docx_with_broken_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<not xml")
    with pytest.raises(InputError, match="beschadigd"):
        document_from_bytes(buffer.getvalue())


def test_it_refuses_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8")
    with pytest.raises(InputError, match="geen Word-document"):
        document_from_bytes(buffer.getvalue())


def test_it_refuses_a_broken_pdf() -> None:
    with pytest.raises(InputError, match="PDF"):
        document_from_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf\n%%EOF")


def test_it_refuses_a_binary_file() -> None:
    with pytest.raises(InputError, match="binair"):
        document_from_bytes(bytes(range(256)) * 40)


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError, match="leeg"):
        load_document(path)


def test_it_says_clearly_when_a_file_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="niet gevonden"):
        load_document(tmp_path / "weg.txt")


def test_it_refuses_a_50_megabyte_file_quickly(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk space
    started = time.perf_counter()
    with pytest.raises(InputError, match="te groot"):
        load_document(path)
    # Bounded time, not a speed target (that is benchmarks/textcheck.py): the file is refused before reading.
    assert time.perf_counter() - started < 5.0


def test_it_refuses_a_huge_stream_on_stdin_without_reading_it_all() -> None:
    with pytest.raises(InputError, match="te groot"):
        load_document("-", stdin=io.BytesIO(b"a" * (21 * 1024 * 1024)))


def test_it_refuses_text_over_the_character_limit() -> None:
    with pytest.raises(InputError, match="te lang"):
        document_from_bytes(("woord " * 400_000).encode())
