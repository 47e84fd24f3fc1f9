"""Benchmark the text check: speed on a one-page letter and on 20,000 words, side by side with the frog-based
deep tier, and quality on the City of Amsterdam's complex/simple document pairs.

Run: .venv/bin/python benchmarks/textcheck.py [--runs 50] [--no-frog]
Writes the `textcheck` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _report import write_section  # noqa: E402

from denkraam.analysis.text.check import check_text  # noqa: E402
from denkraam.analysis.text.readability import frog_available  # noqa: E402
from denkraam.analysis.text.report import ANALYSER_VERSION  # noqa: E402

FIXTURES = ROOT / "tests" / "analysis" / "text" / "fixtures"
PAIRS = ROOT / "benchmarks" / "data" / "readability" / "amsterdam_complex_simple" / "doc_level_pairs.jsonl"
NEEDS = ("vertrouwen", "persoonlijk", "gemak")


def one_page_letter() -> str:
    """About 400 words: the good and the bad example letter, one after the other."""
    text = (FIXTURES / "goede_brief.txt").read_text(encoding="utf-8")
    text += "\n\n" + (FIXTURES / "slechte_brief.txt").read_text(encoding="utf-8")
    text += "\n\n" + (FIXTURES / "goede_brief_gemeente.txt").read_text(encoding="utf-8")
    words = text.split(" ")
    return " ".join(words[:400])


def timed(function, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return timings


def speed(runs: int, with_frog: bool) -> tuple[list[str], dict[str, float]]:
    letter = one_page_letter()
    started = time.perf_counter()
    words = check_text(letter).words  # the first call in this process loads word lists and models
    first = time.perf_counter() - started
    letter_times = timed(lambda: check_text(letter), runs)
    big = "\n\n".join([letter] * 50)
    big_words = check_text(big).words
    big_times = timed(lambda: check_text(big), 3)
    rows = [
        "| what | words | runs | median | p95 / max | words per second |",
        "|---|---:|---:|---:|---:|---:|",
        f"| first call in a fresh process (loads lists) | {words} | 1 | {first * 1000:.0f} ms | | |",
        f"| one-page letter, warm | {words} | {runs} | {statistics.median(letter_times) * 1000:.1f} ms | "
        f"{sorted(letter_times)[int(0.95 * (runs - 1))] * 1000:.1f} ms | "
        f"{words / statistics.median(letter_times):,.0f} |",
        f"| 20,000-word document, warm | {big_words} | 3 | {statistics.median(big_times):.2f} s | "
        f"{max(big_times):.2f} s | {big_words / statistics.median(big_times):,.0f} |",
    ]
    figures = {"letter_ms": statistics.median(letter_times) * 1000, "big_s": statistics.median(big_times)}
    if with_frog and frog_available():
        frog_times = timed(lambda: check_text(letter, deep=True), 1)
        rows.append(
            f"| same letter, `--deep` (frog parse, includes frog start-up) | {words} | 1 | "
            f"{frog_times[0]:.1f} s | | {words / frog_times[0]:,.0f} |"
        )
        figures["frog_s"] = frog_times[0]
    else:
        rows.append("| same letter, `--deep` (frog) | | | not measured: frog not installed or --no-frog | | |")
    return rows, figures


def quality() -> list[str]:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    better = Counter()
    same = Counter()
    rule_counts = {"complex": Counter(), "simple": Counter()}
    words = Counter()
    for pair in pairs:
        reports = {side: check_text(pair[side]) for side in ("complex", "simple")}
        for side, report in reports.items():
            words[side] += report.words
            rule_counts[side].update(item.rule for item in report.findings)
        for need in NEEDS:
            simple, complex_ = reports["simple"].needs[need], reports["complex"].needs[need]
            better[need] += simple > complex_  # type: ignore[operator]
            same[need] += simple == complex_
    lines = [
        f"City of Amsterdam document pairs ({len(pairs)} pairs, rewritten by its communication staff): how often does "
        "the plain side score higher? Ties mean no rule of that need fired on either side.",
        "",
        "| need | plain side higher | tie | complex side higher |",
        "|---|---:|---:|---:|",
    ]
    for need in NEEDS:
        lines.append(
            f"| {need} | {better[need]} ({better[need] / len(pairs):.0%}) | {same[need]} | "
            f"{len(pairs) - better[need] - same[need]} |"
        )
    lines += ["", "Findings per 1,000 words on each side (a rule should fire less on the plain side):", ""]
    lines += ["| rule | complex | plain |", "|---|---:|---:|"]
    for rule in sorted(set(rule_counts["complex"]) | set(rule_counts["simple"])):
        lines.append(
            f"| {rule} | {rule_counts['complex'][rule] * 1000 / words['complex']:.1f} | "
            f"{rule_counts['simple'][rule] * 1000 / words['simple']:.1f} |"
        )
    lines += ["", "Example letters (tests/analysis/text/fixtures):", ""]
    lines.append("| letter | findings | vertrouwen | persoonlijk | gemak |")
    lines.append("|---|---:|---:|---:|---:|")
    for path in sorted(FIXTURES.glob("*.txt")):
        report = check_text(path.read_text(encoding="utf-8"))
        scores = " | ".join("-" if report.needs[n] is None else str(report.needs[n]) for n in NEEDS)
        lines.append(f"| {path.name} | {len(report.findings)} | {scores} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-frog", action="store_true", help="skip the slow frog comparison")
    args = parser.parse_args()
    rows, figures = speed(args.runs, not args.no_frog)
    markdown = "\n".join(
        [
            "## Text check (`denkraam check`)",
            "",
            f"Analyser {ANALYSER_VERSION}; Python {platform.python_version()}, {platform.machine()}; "
            "command: `.venv/bin/python benchmarks/textcheck.py`; "
            f"load average at the start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (timings grow with load).",
            "",
            *rows,
            "",
            *quality(),
        ]
    )
    write_section("textcheck", markdown)
    print(markdown)
    print({key: round(value, 3) for key, value in figures.items()}, file=sys.stderr)


if __name__ == "__main__":
    main()
