"""OpenDocument text (.odt): read like a .docx, recognised by its content, and refused safely when hostile.

The files are built here with real ODF syntax (tests/analysis/text/hostile_files.py), as LibreOffice writes them.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from denkraam.analysis.text.extract import InputError, document_from_bytes, load_document
from tests.analysis.text.hostile_files import BILLION_LAUGHS, odt_bomb, odt_content, odt_file, odt_styles

NO_HANG_SECONDS = 10.0

LETTER = (
    '<text:h text:outline-level="1">Uw aanvraag voor bijzondere bijstand</text:h>'
    "<text:p>Beste mevrouw Jansen,</text:p>"
    '<text:p>Wij hebben uw aanvraag ontvangen.<text:s text:c="2"/>U hoort<text:tab/>binnen zes weken van ons.'
    "<office:annotation><dc:creator>Piet</dc:creator><text:p>Klopt die termijn?</text:p></office:annotation>"
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p>Zie de Participatiewet.</text:p></text:note-body></text:note></text:p>"
    "<text:list><text:list-item><text:p>Stuur uw loonstrook mee.</text:p></text:list-item>"
    "<text:list-item><text:p>Stuur uw huurcontract mee.</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Kenmerk</text:p></table:table-cell>"
    "<table:table-cell><text:p>2026-0412</text:p></table:table-cell></table:table-row></table:table>"
    "<text:tracked-changes><text:changed-region><text:deletion><text:p>Weggehaalde zin.</text:p>"
    "</text:deletion></text:changed-region></text:tracked-changes>"
    "<text:p><draw:frame><draw:text-box><text:p>Tekst in een kader.</text:p></draw:text-box></draw:frame>"
    "Met vriendelijke groet,<text:line-break/>Team Inkomen</text:p>"
)


def test_an_odt_is_read_like_word_shows_it() -> None:
    data = odt_file(
        odt_content(LETTER),
        styles=odt_styles(header="<text:p>Gemeente Voorbeeldstad</text:p>", footer="<text:p>Bel 14 020</text:p>"),
    )
    document = document_from_bytes(data, source="brief.odt")
    assert document.kind == "odt"
    assert document.text.split("\n") == [
        "Gemeente Voorbeeldstad",
        "Uw aanvraag voor bijzondere bijstand",
        "Beste mevrouw Jansen,",
        "Wij hebben uw aanvraag ontvangen.  U hoort\tbinnen zes weken van ons.",
        "Stuur uw loonstrook mee.",
        "Stuur uw huurcontract mee.",
        "Kenmerk",
        "2026-0412",
        "Met vriendelijke groet,",
        "Team Inkomen",
        "Bel 14 020",
    ]
    for hidden in ("Klopt die termijn", "Piet", "Participatiewet", "Weggehaalde", "kader"):
        assert hidden not in document.text


def test_an_odt_is_recognised_by_its_content_not_its_name(tmp_path: Path) -> None:
    path = tmp_path / "brief.zip"
    path.write_bytes(odt_file(odt_content("<text:p>Wij hebben uw aanvraag ontvangen.</text:p>")))
    document = load_document(path)
    assert document.kind == "odt"
    assert document.text == "Wij hebben uw aanvraag ontvangen."


def test_whitespace_in_odt_xml_collapses_as_in_libreoffice() -> None:
    data = odt_file(odt_content("<text:p>Wij   hebben\n   uw aanvraag <text:span>ontvangen</text:span>.</text:p>"))
    assert document_from_bytes(data).text == "Wij hebben uw aanvraag ontvangen."


def test_a_spreadsheet_is_refused_with_a_clear_dutch_message() -> None:
    data = odt_file(odt_content("<text:p>Cijfers</text:p>"), mimetype=b"application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(InputError, match="geen tekstdocument"):
        document_from_bytes(data, source="cijfers.ods")


def test_an_odt_with_broken_xml_is_refused_as_broken() -> None:
    data = odt_file(b'<?xml version="1.0"?><office:document-content><office:body><text:p>Half')
    with pytest.raises(InputError, match=r"\.odt\) is beschadigd"):
        document_from_bytes(data, source="brief.odt")


def test_an_odt_without_content_is_refused_as_broken() -> None:
    good = odt_file(odt_content("<text:p>Hallo</text:p>"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as archive:
        for member in source.infolist():
            if member.filename != "content.xml":
                archive.writestr(member, source.read(member))
    with pytest.raises(InputError, match="beschadigd"):
        document_from_bytes(out.getvalue(), source="brief.odt")


def test_an_odt_with_a_billion_laughs_is_refused_without_expanding_anything() -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="beschadigd"):
        document_from_bytes(odt_file(BILLION_LAUGHS), source="lachen.odt")
    assert time.monotonic() - started < 1.0


def test_an_odt_that_unpacks_to_199_megabytes_is_refused_at_once() -> None:
    bomb = odt_bomb()
    assert len(bomb) < 6_000_000
    started = time.monotonic()
    with pytest.raises(InputError, match="OpenDocument-bestand is uitgepakt te groot"):
        document_from_bytes(bomb, source="bom.odt")
    assert time.monotonic() - started < NO_HANG_SECONDS


def test_an_odt_with_a_space_count_of_a_billion_stays_one_short_line() -> None:
    data = odt_file(odt_content('<text:p>Wij<text:s text:c="1000000000"/>bellen u.</text:p>'))
    text = document_from_bytes(data).text
    assert text.startswith("Wij ") and text.endswith("bellen u.") and len(text) < 200
