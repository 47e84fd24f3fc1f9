"""The checked text as a Word file with every finding as a comment: the downloads "Brief met opmerkingen (Word)"
on the Tekstcheck page and the evidence page (docs/text-check.md, "Terug in Word").

Both check the text again when asked, so the comments match the current text check. Nothing is stored or logged:
like the Tekstcheck itself, the file is made in the request and then forgotten.
"""

from __future__ import annotations

from pathlib import PurePath

from denkraam.analysis import check_text
from denkraam.analysis.text.extract import document_from_bytes
from denkraam.analysis.text.house_style import HouseStyle
from denkraam.analysis.text.word_comments import annotated_docx, new_docx
from denkraam.evidence.models import EvidenceItem
from denkraam.evidence.services import extract_seconds
from denkraam.housestyle.selectors import house_style_for_organisation

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT_CHECK_FILE_NAME = "Brief met opmerkingen.docx"


def text_check_word_file(
    *,
    text: str,
    is_letter: bool | None,
    max_sentence_words: int,
    house_style: HouseStyle | None = None,
    letter_type: str | None = None,
) -> bytes:
    """A new .docx with the pasted `text` (one paragraph per line) and the text check's findings as comments,
    checked with the same house style as the page."""
    report = check_text(
        text,
        source="tekstcheck",
        is_letter=is_letter,
        max_sentence_words=max_sentence_words,
        house_style=house_style,
        letter_type=letter_type,
    )
    return new_docx(report, title="Brief met opmerkingen van denkraam")


def evidence_word_file(*, item: EvidenceItem) -> tuple[bytes, str]:
    """The evidence as a .docx with comments, and its file name.

    A kept .docx original is the writer's own file, read and checked again; any other evidence (a scrubbed upload,
    a pasted text) becomes a new document with its stored text. Raises InputError (Dutch) for a file that can no
    longer be read.
    """
    stem = PurePath(item.original_name).stem if item.original_name else item.title
    name = f"{stem or 'bewijs'} met opmerkingen.docx"
    house_style = house_style_for_organisation(organisation=item.initiative.owner)  # as the evidence analysis does
    if item.original and item.document_type == "docx":
        with item.original.open("rb") as original:
            data = original.read()
        document = document_from_bytes(data, source=name, seconds=extract_seconds())
        return annotated_docx(data, check_text(document.text, source=name, house_style=house_style)), name
    return new_docx(check_text(item.text, source=name, house_style=house_style), title=item.title), name
