"""`denkraam report`: write an assessment report (PDF, HTML, JSON) and import an assessment export.

These commands run as an operator on the server: they read the database directly, without a user's access checks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from denkraam.commands.conventions import input_error, output_option
from denkraam.commands.web import setup_django


@click.group()
def report() -> None:
    """Reports and exports of assessments (operator commands, no user access checks)."""


@report.command("assessment")
@click.argument("assessment_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "html", "json"]),
    default="pdf",
    show_default=True,
    help="pdf (A4 with page numbers), html (one file, opens offline) or json (denkraam.assessment-export/1).",
)
@output_option("File to write; without it html and json go to standard output (pdf needs a file).")
def assessment(assessment_id: str, fmt: str, output: Path | None) -> None:
    """Write the report of one assessment (ID is its UUID, shown in the web address).

    Runs as an operator: no user access checks, so it can read every assessment, also unrevealed ones.
    """
    setup_django()
    from django.core.exceptions import ValidationError

    from denkraam.assessments.models import Assessment

    try:
        found = Assessment.objects.select_related("initiative__owner", "facilitator").filter(pk=assessment_id).first()
    except ValidationError:
        found = None
    if found is None:
        input_error(f"er is geen gesprek met id '{assessment_id}'.")
    if fmt == "pdf" and output is None:
        input_error("geef met --output aan in welk bestand de PDF moet komen.")

    content: bytes
    if fmt == "json":
        from denkraam.reports.exports.assessment_json import assessment_export

        data = assessment_export(assessment=found, exported_by="denkraam report")
        content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        from denkraam.reports.selectors import assessment_report

        report_data = assessment_report(assessment=found, user=None)
        if fmt == "html":
            from denkraam.reports.render import assessment_document

            content = assessment_document(report_data, embed_css=True).encode("utf-8")
        else:
            from denkraam.reports.pdf import assessment_pdf

            content = assessment_pdf(report_data)
    if output is None:
        click.echo(content.decode("utf-8"), nl=False)
        return
    output.write_bytes(content)
    click.echo(f"Het rapport staat in {output} ({len(content) // 1024 + 1} kB).", err=True)


@report.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--organisation",
    "organisation_slug",
    metavar="SLUG",
    help="Short name (slug) of the organisation here the session is read into; it must exist. "
    "Default: the owner the file names, when that organisation exists here.",
)
def import_(file: Path, organisation_slug: str | None) -> None:
    """Import an assessment export (JSON) from another denkraam into one organisation here.

    Everything lands in that organisation; the people and organisations of the file become names on the answers
    and actions, never users, memberships or partners. Importing the same assessment twice is refused. Runs as an
    operator: no user access checks.
    """
    setup_django()
    from django.core.exceptions import ValidationError

    from denkraam.accounts.models import Organisation
    from denkraam.reports.exports.validate import ExportProblems, parse_export
    from denkraam.reports.services import assessment_import

    organisation = None
    if organisation_slug:
        organisation = Organisation.objects.filter(slug=organisation_slug).first()
        if organisation is None:
            input_error(f"er is geen organisatie met korte naam '{organisation_slug}'.")
    try:
        data = parse_export(file.read_bytes())
        result = assessment_import(data=data, organisation=organisation, actor=None)
    except ExportProblems as exc:
        _fail(exc.problems)
    except ValidationError as exc:
        _fail(exc.messages)
    for line in result.lines():
        click.echo(line)


def _fail(problems: list[str]) -> None:
    click.echo("Het bestand is niet ingelezen. Er is niets veranderd.", err=True)
    for problem in problems:
        click.echo(f"- {problem}", err=True)
    sys.exit(1)


COMMANDS = [report]
