"""Hostile input for the text check: small files that cost a naive reader minutes and gigabytes are refused, or
read once, in seconds, and memory stays bounded. The files are built here (tests/analysis/text/hostile_files.py).

The time bounds are generous ("does not hang"): each file took minutes before (figures in BENCHMARKS.md, section
hostile-evidence), and the benchmark, not these tests, measures the speed.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from denkraam.analysis.text.extract import InputError, document_from_bytes, load_document
from tests.analysis.text.hostile_files import (
    docx_bomb,
    markdown_markers,
    pdf_heavy_pages,
    pdf_many_forms,
    pdf_shared_stream,
)

NO_HANG_SECONDS = 10.0


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return docx_bomb()


def test_a_docx_that_unpacks_to_199_megabytes_is_refused_at_once(bomb: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(bomb))
    assert len(bomb) < 5_000_000 and archive.getinfo("word/document.xml").file_size > 190_000_000
    started = time.perf_counter()
    with pytest.raises(InputError, match="Dit Word-bestand is uitgepakt te groot: meer dan 25 MB"):
        document_from_bytes(bomb, source="brief.docx")
    assert time.perf_counter() - started < NO_HANG_SECONDS  # 97 s and 1.6 GB before


def _docx(document_xml: bytes, *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """python-docx's own package with our document.xml (stored uncompressed when asked: no ratio to refuse)."""
    template = io.BytesIO()
    docx.Document().save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", compress) as archive:
        for member in source.infolist():
            if member.filename != "word/document.xml":
                archive.writestr(member.filename, source.read(member))
        archive.writestr("word/document.xml", document_xml)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_docx_with_more_text_than_allowed_stops_reading_at_the_limit() -> None:
    paragraph = b"<w:p><w:r><w:t>Dit is een zin van de brief, keer op keer.</w:t></w:r></w:p>"
    body = paragraph * 200_000  # 8 million characters in 15 MB of XML, stored: nothing for the ratio check
    data = _docx(b"<w:document " + W.encode() + b"><w:body>" + body + b"</w:body></w:document>", compress=0)
    with pytest.raises(InputError, match="De tekst is te lang: meer dan 2.000.000 tekens"):
        document_from_bytes(data)


def test_a_docx_member_that_unpacks_to_more_than_it_declares_is_refused_as_broken() -> None:
    big = b"<w:document " + W.encode() + b"><w:body>" + b"<w:p/>" * 5_000_000 + b"</w:body></w:document>"
    data = bytearray(_docx(big))
    # Declare 1,000 bytes in the local and the central header: the ratio check sees nothing odd.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        header = data.rindex(signature, 0, data.index(b"word/document.xml", data.index(signature)))
        data[header + offset : header + offset + 4] = (1_000).to_bytes(4, "little")
    started = time.perf_counter()
    with pytest.raises(InputError, match="beschadigd"):
        document_from_bytes(bytes(data))
    assert time.perf_counter() - started < NO_HANG_SECONDS


def test_text_in_a_docx_is_read_as_word_shows_it() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Gemeente Voorbeeld"
    section.footer.paragraphs[0].text = "Bel 14 020 of mail info@voorbeeld.nl"
    paragraph = document.add_paragraph("Geachte heer De Vries,")
    paragraph.add_run().add_break()
    paragraph.add_run("tweede regel\tmet tab")
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Samengevoegd"
    table.cell(1, 0).text = "Bedrag"
    table.cell(1, 1).text = "€ 250"
    document.add_paragraph("Met vriendelijke groet,")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = document_from_bytes(buffer.getvalue()).text.split("\n")
    assert lines == [
        "Gemeente Voorbeeld",
        "Geachte heer De Vries,",
        "tweede regel\tmet tab",
        "Samengevoegd",
        "Bedrag",
        "€ 250",
        "Met vriendelijke groet,",
        "Bel 14 020 of mail info@voorbeeld.nl",
    ]


def test_deleted_and_moved_away_text_and_text_boxes_are_not_read_but_insertions_are() -> None:
    body = (
        b"<w:p><w:r><w:t>Wij </w:t></w:r><w:del><w:r><w:delText>weigeren</w:delText></w:r></w:del>"
        b"<w:ins><w:r><w:t>helpen</w:t></w:r></w:ins><w:r><w:t xml:space='preserve'> u.</w:t></w:r></w:p>"
        b"<w:p><w:moveFrom><w:r><w:t>Oude plek.</w:t></w:r></w:moveFrom></w:p>"
        b"<w:p><w:r><w:txbxContent><w:p><w:r><w:t>Tekstvak</w:t></w:r></w:p></w:txbxContent></w:r></w:p>"
    )
    data = _docx(b"<w:document " + W.encode() + b"><w:body>" + body + b"</w:body></w:document>")
    assert document_from_bytes(data).text == "Wij helpen u."


def test_a_pdf_whose_400_pages_share_one_heavy_stream_reads_that_stream_once() -> None:
    data = pdf_shared_stream()
    assert len(data) < 65_000
    started = time.perf_counter()
    document = document_from_bytes(data, source="rapport.pdf")
    assert time.perf_counter() - started < NO_HANG_SECONDS  # 244 s before
    assert document.text.count("Dit is een pagina.") == 400


def test_a_pdf_that_takes_longer_than_the_deadline_is_refused_in_dutch() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="duurt te lang: denkraam is na 1 seconden gestopt"):
        document_from_bytes(pdf_heavy_pages(), source="rapport.pdf", seconds=1)
    assert time.perf_counter() - started < NO_HANG_SECONDS


def test_a_pdf_that_draws_a_thousand_forms_of_8_megabytes_is_refused_before_it_fills_the_memory() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="Deze PDF is te zwaar om te lezen"):
        document_from_bytes(pdf_many_forms(), source="formulieren.pdf")
    assert time.perf_counter() - started < NO_HANG_SECONDS  # 935 MB within 10 s before the forms were counted


def test_a_markdown_file_full_of_markers_that_never_close_is_read_quickly(tmp_path: Path) -> None:
    path = tmp_path / "notities.md"
    path.write_bytes(markdown_markers())
    started = time.perf_counter()
    document = load_document(path)
    assert time.perf_counter() - started < NO_HANG_SECONDS  # 100 kB took 53 s before; this is 1.6 MB
    assert document.text.startswith("**woord **woord")


def test_markdown_is_still_stripped_with_its_paragraphs_kept() -> None:
    from denkraam.analysis.text.extract import markdown_to_text

    text = markdown_to_text(
        "# Uw aanvraag #\n\nU krijgt **binnen 6 weken** bericht, _zeker_ en *snel*. Zie [de site](https://x.nl) "
        "en ![logo](logo.png).\n\n> citaat\n\n1. een\n2. twee\n\n| a | b |\n|---|---|\n| c | d |\n\n---\n"
        "[ref]: https://x.nl\n`code` en <b>vet</b> en C#"
    )
    assert text == (
        "Uw aanvraag\n\nU krijgt binnen 6 weken bericht, zeker en snel. Zie de site en logo.\n\ncitaat\n\n"
        "een\ntwee\n\na\nb\n\nc\nd\n\ncode en vet en C#"
    )


def test_a_plain_text_file_far_over_the_limit_is_refused_before_it_is_decoded() -> None:
    with pytest.raises(InputError, match="De tekst is te lang: meer dan 2.000.000 tekens"):
        document_from_bytes(b"woord " * 1_500_000)  # 9 MB: more than 4 bytes a character allows


def _peak_extra_megabytes(path: Path, hint: str) -> tuple[float, str]:
    """Read `path` in a fresh Python and return how much its peak memory (VmHWM) grew, and what happened."""
    script = (
        "import json, sys\n"
        "from denkraam.analysis.text.extract import InputError, document_from_bytes\n"
        "import pypdf, lxml.html\n"
        "def hwm():\n"
        "    return next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "base = hwm()\n"
        "try:\n"
        "    outcome = document_from_bytes(data, hint=sys.argv[2]).kind\n"
        "except InputError as exc:\n"
        "    outcome = str(exc)\n"
        "print(json.dumps([hwm() - base, outcome]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), hint], capture_output=True, text=True, timeout=120, check=True
    )
    extra, outcome = json.loads(done.stdout.strip().splitlines()[-1])
    return extra, outcome


@pytest.fixture
def hostile_files(tmp_path: Path, bomb: bytes) -> Iterator[dict[str, Path]]:
    files = {
        "bomb.docx": bomb,
        "gedeeld.pdf": pdf_shared_stream(),
        "formulieren.pdf": pdf_many_forms(),
        "elementen.html": b"<html><body>" + b"<p>a</p>" * 1_200_000 + b"</body></html>",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    yield paths


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc to read peak memory")
def test_hostile_files_cost_well_under_300_megabytes(hostile_files: dict[str, Path]) -> None:
    for name, path in hostile_files.items():
        extra, outcome = _peak_extra_megabytes(path, path.suffix)
        # Before: 1.6 GB for the .docx, 440 MB for the HTML page of 1.2 million paragraphs.
        assert extra < 300, f"{name}: {extra:.0f} MB extra ({outcome})"
