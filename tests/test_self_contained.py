"""A clone of this repository alone runs everything: no code reads beside the checkout, and the installed package
needs no checkout at all (model fitting and its data stay in `training/` and `benchmarks/data/`)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CODE_FOLDERS = ("src", "tests", "benchmarks", "scripts", "training")
# The team's development data folder beside the checkout, or an absolute path of one machine.
OUTSIDE = re.compile(r"\.\./shared|[\"'/]shared[\"']?\s*/\s*[\"']?data|/work/")


def _code_files(*folders: str) -> list[Path]:
    suffixes = {".py", ".sh", ".toml", ".cfg", ".yaml", ".yml", ".json"}
    return [
        path
        for folder in folders
        for path in (REPO / folder).rglob("*")
        if path.is_file() and path.suffix in suffixes and "node_modules" not in path.parts
    ]


def test_no_code_reads_from_outside_the_repository() -> None:
    me = Path(__file__).resolve()
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in _code_files(*CODE_FOLDERS)
        if path.resolve() != me
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_the_installed_package_needs_no_checkout() -> None:
    reaches_out = re.compile(r"^\s*(from|import) (training|benchmarks)\b|[\"']benchmarks[\"/]|[\"']training[\"/]")
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in (REPO / "src" / "denkraam").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reaches_out.search(line)
    ]
    assert offenders == []


def test_the_development_data_carries_its_licences() -> None:
    data = REPO / "benchmarks" / "data" / "readability"
    for folder in (path for path in data.iterdir() if path.is_dir()):
        assert (folder / "README.txt").is_file(), folder.name
        named = (folder / "README.txt").read_text(encoding="utf-8")
        assert "Licence" in named or "licence" in named, folder.name
    for folder in ("amsterdam_complex_simple", "lint_ii_examples"):
        assert (data / folder / "LICENSE_EUPL-1.2.txt").is_file()
    assert (data / "syllables_gold" / "LICENSE_MIT.txt").is_file()
