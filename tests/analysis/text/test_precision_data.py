"""The precision check's data is well-formed: every real text has its source and licence, and every hand
judgement uses an allowed verdict and points at words that are really in a text we keep."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "precision"
TEXTS = DATA / "texts"
COLUMNS = ["text", "rule", "n", "start", "excerpt", "judgement", "reason", "message", "rewrite"]
LICENCES = ("EUPL-1.2", "MPL-2.0", "CC BY 4.0", "CC0", "Auteurswet")


def _texts() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(TEXTS.glob("*.txt"))}


def _sources() -> dict[str, list[str]]:
    """Text id -> the cells of its row in the table of SOURCES.md."""
    rows = {}
    for line in (DATA / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and re.fullmatch(r"\d\d-[a-z0-9-]+", cells[0]):
            rows[cells[0]] = cells
    return rows


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\tn])", lambda m: {"\\": "\\", "t": "\t", "n": "\n"}[m.group(1)], value)


def _judgements() -> list[dict[str, str]]:
    lines = (DATA / "judgements.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == COLUMNS
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS), f"judgements.tsv:{number} has {len(cells)} columns"
        rows.append({"line": str(number), **dict(zip(COLUMNS, (_unescape(cell) for cell in cells), strict=True))})
    return rows


def test_there_are_twenty_real_texts_each_with_a_source_and_a_licence() -> None:
    texts, sources = _texts(), _sources()
    assert len(texts) == 20
    assert sorted(sources) == sorted(texts)
    header = [cell.strip() for cell in (DATA / "SOURCES.md").read_text(encoding="utf-8").split("\n| text |")[1]
              .split("\n")[0].strip("|").split("|")]  # fmt: skip
    licence = ["text", *header].index("licence")
    kind = ["text", *header].index("kind")
    for text_id, cells in sources.items():
        assert any(name in cells[licence] for name in LICENCES), f"{text_id}: no known licence in {cells[licence]!r}"
        assert cells[kind].startswith(("brief", "webpagina")), text_id
        assert texts[text_id].strip(), f"{text_id} is empty"


def test_no_more_than_five_texts_come_from_the_amsterdam_corpus() -> None:
    from_corpus = [cells for cells in _sources().values() if "dutch-municipal-text-simplification" in " ".join(cells)]
    assert 0 < len(from_corpus) <= 5


@pytest.mark.parametrize("row", _judgements(), ids=lambda row: f"line{row['line']}")
def test_a_judgement_is_goed_matig_or_fout_with_a_reason(row: dict[str, str]) -> None:
    assert row["judgement"] in ("goed", "matig", "fout")
    assert row["reason"].strip()
    assert int(row["n"]) >= 1 and int(row["start"]) >= 0


def test_every_judgement_points_at_words_in_a_text_we_keep() -> None:
    texts = _texts()
    flat = {text_id: " ".join(text.split()) for text_id, text in texts.items()}
    for row in _judgements():
        assert row["text"] in texts, f"line {row['line']}: no text {row['text']}"
        # Long excerpts are shortened with ' … ' in the middle; each part is verbatim text.
        for part in " ".join(row["excerpt"].split()).split(" … "):
            assert part in flat[row["text"]], f"line {row['line']}: {part!r} is not in {row['text']}"


def test_no_finding_is_judged_twice() -> None:
    keys = [
        (row["text"], row["rule"], " ".join(row["excerpt"].split()), row["n"], " ".join(row["rewrite"].split()))
        for row in _judgements()
    ]
    assert len(keys) == len(set(keys))
