"""Benchmark the need scores: do vertrouwen and persoonlijk tell a plain text from its complex original?

On the City of Amsterdam's complex/simple document pairs (rewritten by its communication staff), count for each
need how often the plain side scores higher, the same (a tie) or lower; once with the scoring without the signals
of step 5 in `needs.py` (as it was when issue 14 started: only findings) and once with them (now). Also the
example letters of the tests, and an accusing letter next to a respectful version of the same letter.

Run: .venv/bin/python benchmarks/needs.py
Writes the `needs` section at the end of BENCHMARKS.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _report import write_section  # noqa: E402

from denkraam.analysis.text.check import check_text  # noqa: E402
from denkraam.analysis.text.needs import need_scores, need_signals  # noqa: E402
from denkraam.analysis.text.report import TextReport  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "readability" / "amsterdam_complex_simple" / "doc_level_pairs.jsonl"
FIXTURES = ROOT / "tests" / "analysis" / "text" / "fixtures"
NEEDS = ("vertrouwen", "persoonlijk")


def scores(report: TextReport, *, with_signals: bool) -> dict[str, int | None]:
    if report.language != "nl":
        return dict(report.needs)  # not Dutch: no scores
    signals = need_signals(report.text, findings=report.findings, is_letter=report.is_letter) if with_signals else None
    readability = report.readability.score if report.readability else None
    return need_scores(report.findings, words=report.words, readability=readability, signals=signals)  # type: ignore[return-value]


def compare() -> tuple[list[str], dict[str, dict[str, list[int]]]]:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: dict[str, dict[str, list[int]]] = {
        label: {need: [0, 0, 0] for need in NEEDS} for label in ("before", "after")
    }
    for pair in pairs:
        complex_report, simple_report = check_text(pair["complex"]), check_text(pair["simple"])
        for label, with_signals in (("before", False), ("after", True)):
            complex_scores = scores(complex_report, with_signals=with_signals)
            simple_scores = scores(simple_report, with_signals=with_signals)
            for need in NEEDS:
                plain, hard = simple_scores[need], complex_scores[need]
                assert plain is not None and hard is not None
                counts[label][need][0 if plain > hard else 1 if plain == hard else 2] += 1
    rows = [
        f"City of Amsterdam document pairs ({len(pairs)} pairs): plain side higher / tie / complex side higher.",
        "",
        "| need | before: plain higher | before: tie | before: complex higher | after: plain higher | after: tie "
        "| after: complex higher |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for need in NEEDS:
        before, after = counts["before"][need], counts["after"][need]
        rows.append(f"| {need} | {' | '.join(str(n) for n in before)} | {' | '.join(str(n) for n in after)} |")
    return rows, counts


ACCUSING = (
    "Geachte heer Bos,\n\nWij hebben geconstateerd dat u ten onrechte huurtoeslag hebt ontvangen. U heeft nagelaten "
    "om uw nieuwe inkomen door te geven. Dit is in strijd met de wet. Wij vorderen € 1.200 terug. Betaalt u niet "
    "vóór 1 juni 2026, dan schakelen wij een deurwaarder in.\n\nMet vriendelijke groet,\n\nFleur Jansen\n"
    "telefoon 088 123 45 67"
)
RESPECTFUL = (
    "Geachte heer Bos,\n\nU hebt in 2025 te veel huurtoeslag gekregen. Dat komt doordat uw inkomen hoger was dan "
    "u had doorgegeven. Het kan zijn dat u niet wist dat u dit moest doorgeven. Daarom leggen wij het uit. U moet "
    "€ 1.200 terugbetalen, vóór 1 juni 2026. Lukt dat niet in één keer? Bel ons, dan maken wij samen een "
    "betalingsregeling.\n\nMet vriendelijke groet,\n\nFleur Jansen\ntelefoon 088 123 45 67"
)


def letters() -> list[str]:
    rows = ["| letter | vertrouwen before | vertrouwen after | persoonlijk before | persoonlijk after |"]
    rows.append("|---|---:|---:|---:|---:|")
    named = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.txt"))]
    named += [("accusing letter (benchmarks/needs.py)", ACCUSING), ("respectful version of it", RESPECTFUL)]
    for name, text in named:
        report = check_text(text)
        before, after = scores(report, with_signals=False), scores(report, with_signals=True)
        cells = [before["vertrouwen"], after["vertrouwen"], before["persoonlijk"], after["persoonlijk"]]
        rows.append(f"| {name} | " + " | ".join("-" if cell is None else str(cell) for cell in cells) + " |")
    return rows


def main() -> None:
    pair_rows, _counts = compare()
    section = [
        "## Need scores (`benchmarks/needs.py`)",
        "",
        "Command: `.venv/bin/python benchmarks/needs.py`. *Before*: the scoring formula of the start of issue 14 "
        "(findings only); *after*: with what a text does for its reader and what damages trust (step 5 in "
        "`src/denkraam/analysis/text/needs.py`). Both on today's findings, so the accusing letter's *before* "
        "already includes the new `beschuldiging` findings (without them it scored 81).",
        "",
        *pair_rows,
        "",
        "Example letters:",
        "",
        *letters(),
    ]
    text = "\n".join(section)
    print(text)
    write_section("needs", text)


if __name__ == "__main__":
    main()
