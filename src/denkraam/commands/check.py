"""`denkraam check`: the text check for letters and web texts, in the terminal, as JSON or as an HTML report."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from denkraam.commands.conventions import input_error, output_option

if TYPE_CHECKING:  # the analysers load when the command runs, not when the CLI starts
    from denkraam.analysis import Document, TextReport
    from denkraam.analysis.findings import Finding

FROG_MISSING = (
    "De diepe analyse (--deep) heeft het programma frog nodig, maar dat is niet geïnstalleerd. "
    "Installeer de Debian-pakketten frog, frogdata, ucto en uctodata, of laat --deep weg."
)


@click.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "html", "docx"]),
    default="text",
    show_default=True,
    help="text: marked text and findings; json: one object per input (a list for several); html: a report page; "
    "docx: the .docx itself with every finding as a Word comment (one .docx input, needs --output).",
)
@output_option("Write the result to this file instead of the screen.")
@click.option("--deep", is_flag=True, help="Use the Dutch parser frog for a more exact reading level (slower).")
@click.option(
    "--max-sentence-words",
    type=click.IntRange(5, 200),
    default=20,
    show_default=True,
    help="Sentences longer than this get a warning.",
)
@click.option(
    "--letter/--no-letter",
    "is_letter",
    default=None,
    help="Treat the text as a letter (or not). Default: detect it from 'Geachte' or 'Met vriendelijke groet'.",
)
@click.option(
    "--brieftype",
    "letter_type",
    # The kinds of analysis/text/letter_types.py, written out so the CLI starts without loading the analysers.
    type=click.Choice(
        [
            "besluit",
            "aanvraag-onvolledig",
            "herinnering",
            "aanmaning",
            "uitnodiging",
            "statusbericht",
            "informatiebrief",
        ]
    ),
    default=None,
    help="The kind of letter, for its checklist (aanmaning counts as herinnering; statusbericht is an automatic "
    "message or status update). Default: recognise it.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 300),
    default=10.0,
    show_default=True,
    help="Seconds a web address may take in total, from connecting to the last byte of the page.",
)
@click.option(
    "--woordenlijst",
    "word_list",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The organisation's house style: a TSV file with the columns soort, term and vervanging "
    "(see docs/text-check.md). Findings from it name the file.",
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    deep: bool,
    max_sentence_words: int,
    is_letter: bool | None,
    letter_type: str | None,
    timeout: float,
    word_list: Path | None,
) -> None:
    """Check Dutch letters and web texts for trust, a personal approach and ease.

    PATH is a .txt, .md, .html, .docx, .odt or .pdf file, - to read from standard input, or the http:// or https://
    address of a public web page (fetched safely: no internal addresses; HTML also gets the page check). Of a web
    page or HTML file only the main content is checked (<main>, role=main or the largest block of text).
    Every finding is marked in the text, placed on the frame, and comes with a tip.
    Exit code 0 when the check ran, 2 when an input cannot be read.
    """
    from denkraam.analysis.text.check import check_text
    from denkraam.analysis.text.extract import InputError, load_document
    from denkraam.analysis.text.house_style import load_house_style
    from denkraam.analysis.text.readability import FrogUnavailable, frog_available
    from denkraam.analysis.text.readability.frog_service import frog_address

    if deep:
        try:
            elsewhere = frog_address().mode == "server"
        except ValueError:
            input_error(
                f"DENKRAAM_FROG_SERVER moet auto, off of host:poort zijn (zoals 127.0.0.1:7011), niet "
                f"'{os.environ.get('DENKRAAM_FROG_SERVER', '')}'."
            )
        # With host:port frog runs elsewhere (denkraam frog-server); LiNT-II's word lists are still needed here.
        if not frog_available() and not elsewhere:
            input_error(FROG_MISSING)
    house_style = None
    if word_list is not None:
        try:
            house_style = load_house_style(word_list)
        except InputError as exc:
            input_error(str(exc))
    if output_format == "docx":
        _check_docx_usage(paths, output)
    documents: list[Document] = []
    page_findings: dict[int, tuple[Finding, ...]] = {}
    measured: dict[int, str] = {}
    problems: list[str] = []
    for path in paths:
        try:
            if path.lower().startswith(("http://", "https://")):
                document, page_findings[len(documents)], measured[len(documents)] = _fetch_document(
                    path, timeout=timeout
                )
                documents.append(document)
            else:
                document = load_document(path)
                if document.kind == "html" and path != "-":
                    document, measured[len(documents)] = _main_content(document, Path(path))
                documents.append(document)
        except InputError as exc:
            problems.append(f"{path}: {exc}")
    if problems:
        input_error("\n".join(problems))
    try:
        reports = [
            check_text(
                document.text,
                source=document.source,
                deep=deep,
                max_sentence_words=max_sentence_words,
                is_letter=is_letter,
                house_style=house_style,
                letter_type=letter_type,
            )
            for document in documents
        ]
    except FrogUnavailable as exc:
        input_error(str(exc))
    except InputError as exc:
        input_error(str(exc))
    # The page check's findings (about the HTML, not a place in the text) join the text check's.
    reports = [
        replace(r, findings=r.findings + page_findings.get(i, ()), measured=measured.get(i, ""))
        for i, r in enumerate(reports)
    ]
    if output_format == "docx" and output is not None:
        _write_docx(Path(paths[0]), documents[0], reports[0], output)
        return
    rendered = _render(reports, output_format, colour=output is None and _colour_wanted())
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.write_text(rendered, encoding="utf-8")
        click.echo(f"Rapport geschreven naar {output}", err=True)


def _check_docx_usage(paths: tuple[str, ...], output: Path | None) -> None:
    if len(paths) != 1 or paths[0] == "-" or paths[0].lower().startswith(("http://", "https://")):
        input_error(
            "--format docx werkt met precies één Word-bestand (.docx), niet met standaardinvoer of een webadres."
        )
    if output is None:
        input_error(
            "--format docx schrijft een Word-bestand; geef met --output aan waar het moet komen, "
            "bijvoorbeeld --output nagekeken.docx."
        )


def _write_docx(path: Path, document: Document, report: TextReport, output: Path) -> None:
    """The input .docx with the findings as Word comments, written to `output`."""
    from denkraam.analysis.text.extract import InputError
    from denkraam.analysis.text.word_comments import annotated_docx

    if document.kind != "docx":
        input_error(
            f"--format docx werkt alleen voor een Word-bestand (.docx); {path} is een {document.kind}-bestand. "
            "Kies --format text, json of html."
        )
    try:
        data = annotated_docx(path.read_bytes(), report)
    except InputError as exc:
        input_error(str(exc))
    output.write_bytes(data)
    click.echo(f"Word-bestand met opmerkingen geschreven naar {output} ({len(report.findings)} bevindingen)", err=True)


def _main_content(document: Document, path: Path) -> tuple[Document, str]:
    """An HTML file's main content (without menus and footers) and which part that is; the whole text when the
    page is too large for the page check."""
    from denkraam.analysis import PageCheckError, page_main_content

    try:
        main = page_main_content(path.read_bytes())
    except (PageCheckError, OSError):
        return document, ""
    return (replace(document, text=main.text), main.measured) if main.text.strip() else (document, "")


def _fetch_document(url: str, *, timeout: float) -> tuple[Document, tuple[Finding, ...], str]:
    """Fetch a public page through the fetch guard; HTML gives its main content (and which part that is) plus the
    page check's findings."""
    from denkraam.analysis import FetchError, PageCheckError, check_page, fetch_url
    from denkraam.analysis.text.extract import Document, InputError

    try:
        page = fetch_url(url, timeout=timeout)
        if page.content_type == "text/plain":
            return Document(source=page.url, kind="txt", text=page.text), (), ""
        report = check_page(page.body, url=page.url)
    except (FetchError, PageCheckError) as exc:
        raise InputError(str(exc)) from exc
    return Document(source=page.url, kind="html", text=report.main_text), tuple(report.findings), report.measured


def _render(reports: list[TextReport], output_format: str, *, colour: bool) -> str:
    if output_format == "json":
        import json

        data = [report.to_dict() for report in reports]
        return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"
    if output_format == "html":
        from denkraam.analysis.text.html_report import render_html

        return render_html(reports)
    from denkraam.analysis.text.terminal import render_text

    return "\n".join(render_text(report, colour=colour) for report in reports)


def _colour_wanted() -> bool:
    # NO_COLOR is the common convention to switch colour off; colour only makes sense on a terminal.
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.command("frog-server")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; keep it local.")
@click.option("--port", default=7011, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
def frog_server(host: str, port: int) -> None:
    """Keep the Dutch parser frog loaded for the deep analysis, shared by the web app, the worker and CLI calls.

    Point them at it with DENKRAAM_FROG_SERVER=HOST:PORT. Without it, each process loads its own frog
    (DENKRAAM_FROG_SERVER=auto). Stop with Ctrl+C.
    """
    import threading

    from denkraam.analysis.text.readability import FrogUnavailable, frog_available
    from denkraam.analysis.text.readability.frog_service import frog_server_run

    if not frog_available():
        input_error(FROG_MISSING.replace(" (--deep)", "").replace(", of laat --deep weg", ""))
    ready = threading.Event()

    def say_ready() -> None:
        ready.wait()
        click.echo(f"frog staat klaar op {host}:{port}  (stoppen: Ctrl+C)")

    threading.Thread(target=say_ready, daemon=True).start()
    click.echo("frog wordt geladen ...")
    try:
        frog_server_run(host=host, port=port, ready=ready)
    except FrogUnavailable as exc:
        input_error(str(exc))
    except OSError as exc:
        input_error(f"Kan niet luisteren op {host}:{port}: {exc}")
    except KeyboardInterrupt:
        click.echo("frog is gestopt.")


COMMANDS = [check, frog_server]
