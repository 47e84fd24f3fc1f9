"""The checked letter back in Word: the writer's own .docx with every finding as a comment on its words.

The text of the document is not touched: runs are split where a finding starts or ends (each part keeps the
run's formatting), and comment marks are added around them. The first comment, at the start of the document,
sums the check up (reading level, need scores, number of findings) and lists the findings about the text as a
whole.

The findings' offsets point into the text the extractor read (`extract.word`): header lines, then the body's
non-empty paragraphs (table cells included), then footer lines, joined by newlines. The body is walked here by the
same rules, so every character of that text is tied to the run it came from. Word cannot anchor a comment in a
header or footer; findings there go into the summary with the words they are about. A finding that runs over
several paragraphs is anchored on its part in the first one. Should the walk ever not give the extractor's text
(a construct one of the two reads differently), no comment is guessed onto wrong words: all findings then go into
the summary, with their words quoted.

`new_docx` makes a plain document from a pasted text (one paragraph per line), with the same comments.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from docx import Document as open_docx
from docx.comments import Comment
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from denkraam.analysis.findings import NEED_IDS, Finding

if TYPE_CHECKING:
    from docx.oxml.comments import CT_Comment
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.text.run import CT_R

from .extract.limits import EXTRACT_SECONDS, Deadline, InputError
from .extract.word import docx_lines
from .markup import LEVEL_LABELS, NEED_LABELS, score_label
from .report import TextReport

AUTHOR = "denkraam"
# The most a .docx may unpack to (all parts, images included) to be opened whole and get comments.
MAX_UNPACKED_FOR_COMMENTS = 64 * 1024 * 1024
INITIALS = "dk"
_P, _R, _T, _BR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:br")
_RPR, _TYPE = qn("w:rPr"), qn("w:type")
# What the extractor reads as one character besides the text of <w:t> (word.py, _INLINE and line breaks).
_INLINE = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_SKIPPED = {
    qn("w:moveFrom"),
    qn("w:txbxContent"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(slots=True)
class _Piece:
    """Text that one element adds to a paragraph's line, and the run it belongs to (None: not in a run)."""

    text: str
    run: etree._Element | None


@dataclass(slots=True)
class _Line:
    """One line of the extracted text: a body paragraph, where it starts in the text, and its pieces."""

    paragraph: etree._Element
    pieces: list[_Piece] = field(default_factory=list)
    start: int = 0

    @property
    def raw(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def lead(self) -> int:
        """Characters the extractor strips at the start of the line."""
        raw = self.raw
        return len(raw) - len(raw.lstrip())

    @property
    def text(self) -> str:
        return self.raw.strip()


def annotated_docx(data: bytes, report: TextReport) -> bytes:
    """`data` (a .docx) with the findings of `report` as Word comments and a summary comment first.

    `report` must be the check of this document's extracted text. Raises InputError (Dutch) when the file cannot
    be read or written as a Word document.
    """
    lines = docx_lines(data, deadline=Deadline(EXTRACT_SECONDS))  # the safe reader's bounds, before python-docx
    _check_unpacked(data)
    try:
        document = open_docx(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, etree.XMLSyntaxError):
        raise InputError(
            "denkraam kan dit Word-bestand niet van opmerkingen voorzien: het is geen gewoon .docx-document."
        ) from None
    body_lines = _body_lines(document)
    offset = len("\n".join(lines.headers)) + 1 if lines.headers else 0
    for line in body_lines:
        line.start = offset
        offset += len(line.text) + 1
    # Only anchor when the walk gives exactly the text the check read: a comment on the wrong words is worse
    # than a finding quoted in the summary.
    exact = [line.text for line in body_lines] == lines.body and lines.text == report.text
    _add_comments(document, report, body_lines, exact=exact)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _check_unpacked(data: bytes) -> None:
    # python-docx keeps every part unpacked in memory (images too), so a file that the text reader accepts may
    # still be too much to open whole: the zip directory says how much that would be, before anything is unpacked.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > MAX_UNPACKED_FOR_COMMENTS:
        raise InputError(
            f"Dit Word-bestand is uitgepakt groter dan {MAX_UNPACKED_FOR_COMMENTS // 1_048_576} MB (vooral "
            "afbeeldingen); daarin zet denkraam geen opmerkingen. Maak de afbeeldingen kleiner of controleer de tekst "
            "zonder --format docx."
        )


def new_docx(report: TextReport, *, title: str = "") -> bytes:
    """A new .docx holding the text of `report` (one paragraph per line) with its findings as comments."""
    document = open_docx()
    if title:
        document.core_properties.title = title
    body = document.element.body
    for paragraph in list(body.iterchildren(_P)):
        body.remove(paragraph)  # the template's empty first paragraph
    lines: list[_Line] = []
    offset = 0
    for text in report.text.split("\n"):
        paragraph = document.add_paragraph()
        if text.strip():
            # Characters XML cannot hold (form feeds, other control codes) become spaces: same length, same offsets.
            run = paragraph.add_run(_XML_INVALID.sub(" ", text))
            line = _Line(paragraph._p, [_Piece(text, run._r)])
            line.start = offset + line.lead
            lines.append(line)
        offset += len(text) + 1
    _add_comments(document, report, lines)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _body_lines(document: WordDocument) -> list[_Line]:
    """The body's paragraphs as the extractor reads them: in order of their end, non-empty after stripping."""
    found: list[_Line] = []
    open_lines: list[_Line] = []

    def visit(element: etree._Element, run: etree._Element | None) -> None:
        tag = element.tag
        if tag in _SKIPPED:
            return
        if tag == _P:
            open_lines.append(_Line(element))
        elif open_lines and tag == _T:
            open_lines[-1].pieces.append(_Piece(element.text or "", run))
        elif open_lines and tag in _INLINE:
            open_lines[-1].pieces.append(_Piece(_INLINE[str(tag)], run))
        elif open_lines and tag == _BR and element.get(_TYPE, "textWrapping") == "textWrapping":
            open_lines[-1].pieces.append(_Piece("\n", run))
        for child in element:
            visit(child, element if tag == _R else run)
        if tag == _P:
            line = open_lines.pop()
            if line.text:
                found.append(line)

    visit(document.element.body, None)
    return found


def _piece_length(element: etree._Element) -> int:
    """How many characters a direct child of a run adds to the extracted text."""
    if element.tag == _T:
        return len(element.text or "")
    if element.tag in _INLINE:
        return 1
    if element.tag == _BR and element.get(_TYPE, "textWrapping") == "textWrapping":
        return 1
    return 0


def _split_run(run: etree._Element, at: int) -> etree._Element:
    """Split `run` after `at` characters into two runs with the same properties; returns the second."""
    second = copy.deepcopy(run)
    position = 0
    for first_child, second_child in zip(list(run), list(second), strict=True):
        if first_child.tag == _RPR:
            continue
        length = _piece_length(first_child)
        if position + length <= at and not (length == 0 and position == at):
            second.remove(second_child)
        elif position >= at:
            run.remove(first_child)
        else:  # a <w:t> that the split goes through
            text = first_child.text or ""
            first_child.text, second_child.text = text[: at - position], text[at - position :]
            first_child.set(_XML_SPACE, "preserve")
            second_child.set(_XML_SPACE, "preserve")
        position += length
    run.addnext(second)
    return second


def _cut(line: _Line, cuts: set[int]) -> list[tuple[int, int, etree._Element]]:
    """Split the line's runs at `cuts` (offsets in the raw line); returns (start, end, run) of every text run."""
    spans: list[tuple[int, int, etree._Element]] = []
    position = 0
    runs: list[tuple[etree._Element, int]] = []  # each run once, with its length, in order
    for piece in line.pieces:
        if piece.run is not None and runs and runs[-1][0] is piece.run:
            runs[-1] = (piece.run, runs[-1][1] + len(piece.text))
        elif piece.run is not None:
            runs.append((piece.run, len(piece.text)))
        else:
            runs.append((line.paragraph, len(piece.text)))  # not in a run (a tab stop): counts, never anchored
    for run, length in runs:
        inner = sorted(cut - position for cut in cuts if position < cut < position + length)
        if run is not line.paragraph and sum(_piece_length(child) for child in run) != length:
            inner = []  # its text is not all in direct children: anchor on it whole, never split it
        start = position
        current = run
        for at in inner:
            if current is line.paragraph:
                break
            second = _split_run(current, at - (start - position))
            spans.append((start, position + at, current))
            start, current = position + at, second
        if current is not line.paragraph and position + length > start:
            spans.append((start, position + length, current))
        position += length
    return spans


def _add_comments(document: WordDocument, report: TextReport, lines: Sequence[_Line], *, exact: bool = True) -> None:
    """Comments for the findings on `lines`; with `exact` False, the lines' offsets are not trusted and every
    finding is quoted in the summary (which is still anchored on the first line)."""
    placeable = lines if exact else []
    starts = [line.start for line in placeable]
    placed: list[tuple[Finding, int, int, int]] = []  # finding, line index, start and end in the raw line
    summary_findings: list[tuple[Finding, str]] = []
    for item in report.findings:
        index = bisect.bisect_right(starts, item.start) - 1
        if item.end <= item.start:
            summary_findings.append((item, ""))
            continue
        if index < 0 or item.start >= placeable[index].start + len(placeable[index].text):
            # Not in a body paragraph: a header or footer line, or the newline between two lines.
            index += 1
            if index >= len(placeable) or item.end <= placeable[index].start:
                summary_findings.append((item, _where(item) if exact else _quoted(item)))
                continue
        line = lines[index]
        start = max(item.start, line.start) - line.start + line.lead
        end = min(item.end, line.start + len(line.text)) - line.start + line.lead
        placed.append((item, index, start, end))
    spans_per_line: dict[int, list[tuple[int, int, etree._Element]]] = {}
    for index in sorted({index for _, index, _, _ in placed}):
        cuts = {cut for _, i, start, end in placed if i == index for cut in (start, end)}
        spans_per_line[index] = _cut(lines[index], cuts)
    anchors: list[tuple[Finding, list[etree._Element]]] = []
    for item, index, start, end in placed:
        runs = [run for s, e, run in spans_per_line[index] if s >= start and e <= end and e > s]
        if runs:
            anchors.append((item, [runs[0], runs[-1]]))
        else:  # only inside a run that cannot be split safely: quoted in the summary instead
            summary_findings.append((item, _quoted(item)))
    writer = _CommentWriter(document)
    summary_anchor = _first_runs(lines, spans_per_line)
    if summary_anchor:
        writer.add(_wrapped(document, summary_anchor), _summary(report, summary_findings, anchored=len(anchors)))
    for item, runs in anchors:
        writer.add(_wrapped(document, runs), comment_text(item))


class _CommentWriter:
    """Adds comments by denkraam with ids counted here: python-docx 1.2's `add_comment` looks for the next free id
    by reading every comment again, so 1,500 comments took 6 seconds; this takes a fraction of that."""

    def __init__(self, document: WordDocument) -> None:
        comments = document.comments  # creates the comments part when the document has none
        self._element: etree._Element = comments._comments_elm
        self._part = comments._comments_part
        self._next_id = max((comment.comment_id for comment in comments), default=-1) + 1
        self._date = dt.datetime.now(dt.UTC)

    def add(self, runs: Sequence[Run], text: str) -> None:
        element = cast(
            "CT_Comment",
            parse_xml(
                f'<w:comment {nsdecls("w")} w:id="{self._next_id}" w:author="">'
                '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
                "</w:comment>"
            ),
        )
        element.author, element.initials, element.date = AUTHOR, INITIALS, self._date
        self._element.append(element)
        comment = Comment(element, self._part)
        first, *rest = text.split("\n")
        comment.paragraphs[0].add_run(first)
        for line in rest:
            comment.add_paragraph(line)
        runs[0].mark_comment_range(runs[-1], self._next_id)
        self._next_id += 1


def _wrapped(document: WordDocument, runs: Sequence[etree._Element]) -> list[Run]:
    """python-docx's Run objects for run elements (only their XML is used to place the comment marks)."""
    paragraph = Paragraph(cast("CT_P", runs[0].getparent()), document._body)
    return [Run(cast("CT_R", run), paragraph) for run in runs]


def _first_runs(
    lines: Sequence[_Line], spans: dict[int, list[tuple[int, int, etree._Element]]]
) -> list[etree._Element]:
    """The runs of the first line, to anchor the summary on (after its runs were split, if they were)."""
    if not lines:
        return []
    if 0 not in spans:
        spans[0] = _cut(lines[0], set())
    runs = [run for start, end, run in spans[0] if end > start]
    return [runs[0], runs[-1]] if runs else []


def _where(item: Finding) -> str:
    return f'In de kop- of voettekst, bij "{item.excerpt}": ' if item.excerpt else ""


def _quoted(item: Finding) -> str:
    return f'Bij "{item.excerpt}": ' if item.excerpt else ""


def comment_text(item: Finding) -> str:
    """What the comment on one finding says: the message, the proposed rewrite and why it matters."""
    parts = [item.message]
    if item.rewrite:
        parts.append(f"Voorstel: {item.rewrite}")
    elif item.suggestion:
        parts.append(f"Tip: {item.suggestion}")
    if item.why:
        parts.append(f"Waarom: {item.why}")
    if item.source:
        parts.append(f"Uit: {item.source}")
    return "\n".join(parts)


def _summary(report: TextReport, whole: Sequence[tuple[Finding, str]], *, anchored: int) -> str:
    lines = ["Tekstcheck van denkraam: samenvatting"]
    if report.readability is not None and report.words:
        level = report.readability.level
        lines.append(
            f"Leesniveau {level} van 4: {LEVEL_LABELS[level]} "
            f"(score {report.readability.score:.0f} van 100; hoger is moeilijker)."
        )
    scores = []
    for need in NEED_IDS:
        score = report.needs.get(need)
        scores.append(f"{NEED_LABELS[need]} {'-' if score is None else score} ({score_label(score)})")
    lines.append("Scores (0-100, hoger is beter voor de lezer): " + ", ".join(scores) + ".")
    total = len(report.findings)
    if not total:
        lines.append("Geen bevindingen: de tekstcheck vond niets dat de lezer in de weg zit.")
        return "\n".join(lines)
    lines.append(
        f"{total} bevinding{'en' if total != 1 else ''}: {anchored} als opmerking bij de woorden, "
        f"{len(whole)} over de tekst als geheel (hieronder)."
    )
    for number, (item, where) in enumerate(whole, start=1):
        lines.append(f"{number}. {where}{comment_text(item)}".replace("\n", " "))
    return "\n".join(lines)
