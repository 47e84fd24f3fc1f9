"""Write one named section of BENCHMARKS.md (repo root), leaving every other section alone."""

from __future__ import annotations

import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def read_section(name: str) -> str:
    """The text between `<!-- begin:NAME -->` and `<!-- end:NAME -->` as BENCHMARKS.md has it now ("" if absent)."""
    current = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else ""
    match = re.search(
        re.escape(f"<!-- begin:{name} -->") + r"\n(.*?)\n" + re.escape(f"<!-- end:{name} -->"), current, re.S
    )
    return match.group(1) if match else ""


def write_section(name: str, markdown: str) -> None:
    """Replace the text between `<!-- begin:NAME -->` and `<!-- end:NAME -->`, or append the section."""
    begin, end = f"<!-- begin:{name} -->", f"<!-- end:{name} -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    current = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    BENCHMARKS.write_text(updated, encoding="utf-8")
