"""`denkraam scrub` and `denkraam feedback`: remove personal data, and analyse customer feedback files."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import click

from denkraam.analysis.feedback import (
    NEEDS,
    SENTIMENTS,
    CommentResult,
    FeedbackInputError,
    FeedbackRow,
    FeedbackSummary,
    SummaryBuilder,
    iter_analysed,
    read_feedback_file,
    scrub_text,
)
from denkraam.analysis.spreadsheet import formula_safe

NEED_LABELS = {"vertrouwen": "Vertrouwen", "persoonlijk": "Persoonlijk", "gemak": "Gemak", "overig": "Overig"}
MAX_SCRUB_INPUT = 5 * 1024 * 1024


def _fail(message: str) -> None:
    """Print a Dutch error and stop with exit code 2 (bad input)."""
    click.echo(f"Fout: {message}", err=True)
    raise SystemExit(2)


@click.command()
@click.argument("path", required=False, default="-", metavar="[PATH|-]")
@click.option("--no-names", is_flag=True, help="Skip name detection (much faster; numbers, e-mail etc. still go).")
def scrub(path: str, no_names: bool) -> None:
    """Print a text with personal data replaced by placeholders.

    Reads PATH, or standard input when PATH is '-' or left out. BSN, IBAN, phone
    numbers, e-mail, postcodes, addresses, dates and names become [BSN], [IBAN],
    [TELEFOON], [EMAIL], [POSTCODE], [ADRES], [DATUM] and [NAAM].
    """
    if path == "-":
        data = sys.stdin.buffer.read(MAX_SCRUB_INPUT + 1)
    else:
        target = Path(path)
        if not target.is_file():
            _fail(f"bestand {path} bestaat niet.")
        with target.open("rb") as handle:
            data = handle.read(MAX_SCRUB_INPUT + 1)
    if len(data) > MAX_SCRUB_INPUT:
        _fail("de tekst is groter dan 5 MB; gebruik 'denkraam feedback' voor grote bestanden met reacties.")
    if b"\x00" in data[:4096]:
        _fail("dit is geen tekstbestand.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    click.echo(scrub_text(text, names=not no_names).text, nl=not text.endswith("\n"))


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--text-column", required=True, help="Name of the column with the free-text answers.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "csv", "text"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option("--summary", is_flag=True, help="Add shares per need and sentiment and the themes (json and text).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@click.option("--sheet", help="Worksheet to read from an XLSX file (default: the first).")
@click.option("--no-names", is_flag=True, help="Skip name detection (faster; names then stay in the text).")
@click.option("--workers", type=click.IntRange(1, 32), default=1, show_default=True, help="Processes to use.")
def feedback(
    path: Path,
    text_column: str,
    output_format: str,
    summary: bool,
    output: Path | None,
    sheet: str | None,
    no_names: bool,
    workers: int,
) -> None:
    """Scrub and classify the comments in a CSV or XLSX file.

    Every comment is scrubbed of personal data first, then classified by the need it is
    mainly about (vertrouwen, persoonlijk, gemak, overig) and its sentiment (positief,
    negatief, neutraal). JSON output is a list of {"row", "text", "need", "sentiment",
    "confidence", "evidence_words", "themes"}; with --summary it is an object
    {"comments": [...], "summary": {...}}. Exit code 2 on unreadable input.
    """
    if summary and output_format == "csv":
        _fail("--summary kan niet met --format csv; gebruik --format json of --format text.")
    rows = read_feedback_file(path, text_column=text_column, sheet=sheet)
    try:
        first = next(rows, None)  # surfaces a missing column or a broken file before any output is written
    except FeedbackInputError as error:
        _fail(str(error))
    builder = SummaryBuilder()

    def source() -> Iterator[FeedbackRow]:
        if first is not None:
            yield first
        yield from rows

    results = iter_analysed(source(), names=not no_names, workers=workers)
    with ExitStack() as stack:
        out: IO[str] = stack.enter_context(output.open("w", encoding="utf-8", newline="")) if output else sys.stdout
        if sys.stderr.isatty():
            results = stack.enter_context(
                click.progressbar(results, label="Reacties analyseren", file=sys.stderr, show_pos=True)
            )
        try:
            _WRITERS[output_format](out, results, builder, summary)
        except FeedbackInputError as error:
            _fail(str(error))
    if output:
        click.echo(f"{builder.total} reacties geschreven naar {output}", err=True)


def _counted(results: Iterator[CommentResult], builder: SummaryBuilder) -> Iterator[CommentResult]:
    for result in results:
        builder.add(result)
        yield result


def _write_json(out: IO[str], results: Iterator[CommentResult], builder: SummaryBuilder, summary: bool) -> None:
    # Streamed by hand so a million comments never sit in memory as one JSON document.
    out.write('{"comments": [' if summary else "[")
    for index, result in enumerate(_counted(results, builder)):
        out.write(("," if index else "") + "\n  " + json.dumps(result.to_dict(), ensure_ascii=False))
    out.write("\n]")
    if summary:
        out.write(',\n"summary": ' + json.dumps(builder.build().to_dict(), ensure_ascii=False, indent=2) + "}")
    out.write("\n")


def _write_csv(out: IO[str], results: Iterator[CommentResult], builder: SummaryBuilder, summary: bool) -> None:
    writer = csv.writer(out)
    writer.writerow(["row", "text", "need", "sentiment", "confidence", "evidence_words", "themes"])
    for r in _counted(results, builder):
        # The comments come from outside: a spreadsheet must never run one as a formula (as in the web exports).
        words, themes = formula_safe(" | ".join(r.evidence_words)), formula_safe(" ".join(r.themes))
        writer.writerow([r.row, formula_safe(r.text), r.need, r.sentiment, r.confidence, words, themes])


def _write_text(out: IO[str], results: Iterator[CommentResult], builder: SummaryBuilder, summary: bool) -> None:
    for r in _counted(results, builder):
        words = ", ".join(r.evidence_words)
        out.write(f"rij {r.row}: {r.need} / {r.sentiment} ({r.confidence:.2f}; {words})\n  {r.text}\n")
    if summary:
        out.write("\n" + summary_to_text(builder.build()))


def summary_to_text(summary: FeedbackSummary) -> str:
    """A readable Dutch summary: shares per need and sentiment, then the themes with an example."""
    lines = [f"Samenvatting van {summary.total} reacties", ""]
    lines.append("Behoefte      aantal  aandeel  positief  negatief  neutraal")
    for need in NEEDS:
        cells = summary.need_sentiment[need]
        count = summary.needs[need]
        lines.append(
            f"{NEED_LABELS[need]:<12} {count:>7} {summary.share(count):>8.0%} "
            + " ".join(f"{cells[s]:>9}" for s in SENTIMENTS)
        )
    lines.append("")
    lines.append("Sentiment: " + ", ".join(f"{s} {summary.share(c):.0%}" for s, c in summary.sentiments.items()))
    if summary.themes:
        lines += ["", "Thema's (meest genoemd eerst)"]
        for theme in summary.themes:
            lines.append(f"- {theme.label} ({theme.need}): {theme.count}x")
            if theme.examples:
                lines.append(f'    "{theme.examples[0]}"')
    if summary.scrubbed:
        lines += ["", "Verwijderde persoonsgegevens: " + ", ".join(f"{k} {v}" for k, v in summary.scrubbed.items())]
    return "\n".join(lines) + "\n"


_WRITERS = {"json": _write_json, "csv": _write_csv, "text": _write_text}

COMMANDS = [scrub, feedback]
