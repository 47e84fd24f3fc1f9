"""Precision of the text check on 20 real Dutch letters and web pages, each finding judged by hand.

Run: PYTHONPATH=src .venv/bin/python benchmarks/precision.py [--stub FILE] [--merge FILE] [--no-write] [--check]
     [--summary]

Every text in benchmarks/data/precision/texts/ (written by others; provenance and licence in SOURCES.md) goes
through `check_text` as the check itself would take it (letters detected, default settings). Each finding is
joined with a hand judgement in benchmarks/data/precision/judgements.tsv:

    goed   correct and useful: a writer would want to act on it, and the tip or rewrite is right
    matig  correct, but not useful (too weak, a wrong or clumsy rewrite, not worth the writer's time)
    fout   a false alarm

A judgement is keyed by (text, rule, excerpt, occurrence of that excerpt for that rule in that text, rewrite), not
by character offsets or the message, so it survives rule changes that move a span or reword a message. A finding with no
judgement is counted and shown as unjudged, never dropped; `--stub FILE` writes those findings as rows to judge
(fill in the `judgement` and `reason` columns, then `--merge FILE` adds them to judgements.tsv). A judgement made
when the finding offered another rewrite no longer counts: a new rewrite is judged anew. `--check` exits non-zero
when any finding is unjudged; `--prune` drops judgements that match no finding now. The section "Precision" of
BENCHMARKS.md is replaced unless `--no-write` is given.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _report import write_section  # noqa: E402

from denkraam.analysis.text.check import check_text  # noqa: E402
from denkraam.analysis.text.report import ANALYSER_VERSION  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "precision"
TEXTS = DATA / "texts"
JUDGEMENTS = DATA / "judgements.tsv"
CATALOG = ROOT / "src" / "denkraam" / "analysis" / "text" / "rules" / "catalog.py"

VERDICTS = ("goed", "matig", "fout")
COLUMNS = ("text", "rule", "n", "start", "excerpt", "judgement", "reason", "message", "rewrite")
TARGET_GOOD = 85.0  # % of findings correct and useful, per family
TARGET_FALSE = 5.0  # at most % false alarms, per family

# Families of the rules that were there before issue 14; rules added later are placed by the section of the rule
# table (catalog.py) they were added under.
FAMILY_OF_RULE = {
    "lange-zin": "zinsbouw",
    "lijdende-vorm": "zinsbouw",
    "overbodig-zullen": "zinsbouw",
    "naamwoordstijl": "zinsbouw",
    "dubbele-ontkenning": "zinsbouw",
    "ambtelijk-woord": "woordkeus",
    "afkorting": "woordkeus",
    "vage-tijd": "woordkeus",
    "aanspreekvorm": "toon",
    "onpersoonlijk": "toon",
    "koele-toon": "toon",
    "dreigende-toon": "toon",
    "taal": "overig",
}
FAMILY_OF_SECTION = {"# Word choice": "woordkeus", "# Sentence rewrites": "zinsbouw", "# Letter types": "brief"}
FAMILIES = ("zinsbouw", "woordkeus", "toon", "brief", "overig")
# The first measurement, on main at the start of issue 14 (223 findings): findings, % goed, % fout.
AT_START = {
    "zinsbouw": (118, 56, 10),
    "woordkeus": (62, 56, 11),
    "toon": (33, 9, 85),
    "brief": (10, 40, 40),
    "all": (223, 48, 23),
}


Key = tuple[str, str, str, int, str]


@dataclass(frozen=True)
class Row:
    """One finding of the check, with its hand judgement when there is one."""

    text: str
    rule: str
    n: int
    start: int
    excerpt: str
    message: str
    rewrite: str
    judgement: str = ""
    reason: str = ""

    @property
    def key(self) -> tuple[str, str, str, int, str]:
        """What a judgement is about: the words flagged (the how-many-th time for this rule) and the rewrite offered.
        Offsets and the message are left out, so moving a span or rewording a message keeps the judgement."""
        return (self.text, self.rule, normalise(self.excerpt), self.n, normalise(self.rewrite))


def normalise(excerpt: str) -> str:
    return " ".join(excerpt.split())


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def unescape(value: str) -> str:
    return re.sub(r"\\([\\tn])", lambda m: {"\\": "\\", "t": "\t", "n": "\n"}[m.group(1)], value)


def family(rule: str, sections: dict[str, str]) -> str:
    """The family a rule belongs to: fixed for the old rules, by its catalog section for new ones."""
    if rule in FAMILY_OF_RULE:
        return FAMILY_OF_RULE[rule]
    if rule.startswith("brief-"):
        return "brief"
    return sections.get(rule, "overig")


def catalog_sections() -> dict[str, str]:
    """Rule id -> family, from the section marker each rule id sits under in catalog.py."""
    sections: dict[str, str] = {}
    current = ""
    for line in CATALOG.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        for marker, name in FAMILY_OF_SECTION.items():
            if stripped.startswith(marker):
                current = name
        match = re.match(r'"([a-z0-9-]+)"\s*:\s*RuleInfo\(', stripped)
        if match and current:
            sections[match.group(1)] = current
    return sections


def text_ids() -> list[str]:
    return sorted(path.stem for path in TEXTS.glob("*.txt"))


def findings() -> list[Row]:
    """Every finding of the check on every text, numbered per (text, rule, excerpt)."""
    rows: list[Row] = []
    for text_id in text_ids():
        text = (TEXTS / f"{text_id}.txt").read_text(encoding="utf-8")
        seen: Counter[tuple[str, str]] = Counter()
        for item in check_text(text, source=text_id).findings:
            seen[(item.rule, normalise(item.excerpt))] += 1
            rows.append(
                Row(
                    text=text_id,
                    rule=item.rule,
                    n=seen[(item.rule, normalise(item.excerpt))],
                    start=item.start,
                    excerpt=item.excerpt,
                    message=item.message,
                    rewrite=item.rewrite,
                )
            )
    return rows


def read_judgements(path: Path = JUDGEMENTS) -> dict[Key, Row]:
    """The hand judgements, by key. Raises ValueError on a malformed line."""
    judged: dict[Key, Row] = {}
    if not path.exists():
        return judged
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t") if lines else []
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise ValueError(f"{path.name}: the header must be {' '.join(COLUMNS)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = [unescape(cell) for cell in line.split("\t")]
        if len(cells) < len(COLUMNS):
            raise ValueError(f"{path.name}:{number}: {len(cells)} columns, expected {len(COLUMNS)}")
        values = dict(zip(COLUMNS, cells, strict=False))
        row = Row(
            text=values["text"],
            rule=values["rule"],
            n=int(values["n"]),
            start=int(values["start"]),
            excerpt=values["excerpt"],
            message=values["message"],
            rewrite=values["rewrite"],
            judgement=values["judgement"],
            reason=values["reason"],
        )
        if row.key in judged:
            raise ValueError(f"{path.name}:{number}: a second judgement for {row.key}")
        judged[row.key] = row
    return judged


def join(rows: list[Row], judged: dict[Key, Row]) -> list[Row]:
    """Each finding with its judgement. A judgement made when the finding offered a different rewrite (or none)
    no longer counts: the new rewrite has to be judged. Its old verdict is kept in the reason as a hint."""
    other_rewrite = {key[:4]: row for key, row in judged.items()}
    joined = []
    for row in rows:
        match = judged.get(row.key)
        if match is not None:
            joined.append(Row(**{**row.__dict__, "judgement": match.judgement, "reason": match.reason}))
        elif row.key[:4] in other_rewrite:
            earlier = other_rewrite[row.key[:4]]
            hint = f"(eerder {earlier.judgement}, herschrijving was {earlier.rewrite or 'geen'!r}: {earlier.reason})"
            joined.append(Row(**{**row.__dict__, "reason": hint}))
        else:
            joined.append(row)
    return joined


def merge(path: Path, judged: dict[Key, Row], current: list[Row]) -> tuple[int, int]:
    """Add the judged rows of a filled-in stub to judgements.tsv, replacing older judgements of the same finding.
    Only rows that match a finding of the check as it is now (same key and rewrite) are taken, so a stub judged
    on another branch adds nothing that main does not say. Returns (taken, skipped)."""
    now = {row.key for row in current}
    filled = {key: row for key, row in read_judgements(path).items() if row.judgement}
    taken = {key: row for key, row in filled.items() if key in now}
    for key, row in taken.items():
        if row.judgement not in VERDICTS:
            raise ValueError(f"{path.name}: {row.judgement!r} is not one of {', '.join(VERDICTS)}")
        if not row.reason.strip() or row.reason.startswith("(eerder "):
            raise ValueError(f"{path.name}: the judgement of {key} needs its own reason")
    rows = sorted({**judged, **taken}.values(), key=lambda row: (row.text, row.start, row.rule, row.n, row.rewrite))
    write_stub(JUDGEMENTS, rows)
    return len(taken), len(filled) - len(taken)


def tsv_line(row: Row) -> str:
    values = {**row.__dict__, "n": str(row.n), "start": str(row.start)}
    return "\t".join(escape(str(values[column])) for column in COLUMNS)


def write_stub(path: Path, rows: list[Row]) -> None:
    path.write_text("\t".join(COLUMNS) + "\n" + "".join(tsv_line(row) + "\n" for row in rows), encoding="utf-8")


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def table(rows: list[Row], sections: dict[str, str]) -> tuple[list[str], dict[str, dict[str, float]]]:
    by_family: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_family[family(row.rule, sections)].append(row)
    lines = [
        "| family | rules | findings | unjudged | goed | matig | fout | with a rewrite | goed ≥ 85% | fout ≤ 5% "
        "| at the start: findings, goed, fout |",
        "|---|---|---:|---:|---:|---:|---:|---:|:-:|:-:|---|",
    ]
    figures: dict[str, dict[str, float]] = {}
    groups = [(name, by_family[name]) for name in FAMILIES if by_family[name]] + [("all", rows)]
    for name, group in groups:
        counts = Counter(row.judgement or "unjudged" for row in group)
        judged = sum(counts[verdict] for verdict in VERDICTS)
        good = 100 * counts["goed"] / judged if judged else 0.0
        false = 100 * counts["fout"] / judged if judged else 0.0
        figures[name] = {"findings": len(group), "goed": good, "fout": false, "unjudged": counts["unjudged"]}
        rules = ", ".join(sorted({row.rule for row in group})) if name != "all" else ""
        label = "**all**" if name == "all" else name
        lines.append(
            f"| {label} | {rules} | {len(group)} | {counts['unjudged']} | {percent(counts['goed'], judged)} | "
            f"{percent(counts['matig'], judged)} | {percent(counts['fout'], judged)} | "
            f"{percent(sum(1 for row in group if row.rewrite), len(group))} | "
            f"{'ja' if judged and good >= TARGET_GOOD else 'nee'} | "
            f"{'ja' if judged and false <= TARGET_FALSE else 'nee'} | {start_figures(name)} |"
        )
    return lines, figures


def start_figures(name: str) -> str:
    if name not in AT_START:
        return "-"
    findings, good, false = AT_START[name]
    return f"{findings}, {good}%, {false}%"


def rule_table(rows: list[Row], sections: dict[str, str]) -> list[str]:
    by_rule: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_rule[row.rule].append(row)
    lines = ["| rule | family | findings | goed | matig | fout | unjudged |", "|---|---|---:|---:|---:|---:|---:|"]
    for rule, group in sorted(by_rule.items(), key=lambda item: (-len(item[1]), item[0])):
        counts = Counter(row.judgement or "unjudged" for row in group)
        lines.append(
            f"| {rule} | {family(rule, sections)} | {len(group)} | {counts['goed']} | {counts['matig']} | "
            f"{counts['fout']} | {counts['unjudged']} |"
        )
    return lines


def cell(value: str, limit: int = 90) -> str:
    value = " ".join(value.split()).replace("|", "\\|")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def report(rows: list[Row], stale: int, sections: dict[str, str]) -> tuple[str, dict[str, dict[str, float]]]:
    family_lines, figures = table(rows, sections)
    letters = sum(1 for text_id in text_ids() if check_text((TEXTS / f"{text_id}.txt").read_text("utf-8")).is_letter)
    false_alarms = [row for row in rows if row.judgement == "fout"]
    unjudged = [row for row in rows if not row.judgement]
    lines = [
        "## Precision (`benchmarks/precision.py`)",
        "",
        f"Every finding of `check_text` (analyser {ANALYSER_VERSION}, default settings, letters detected as the check "
        f"does: {letters} of {len(text_ids())} texts read as a letter) on {len(text_ids())} real Dutch letters and web "
        "pages written by others (`benchmarks/data/precision/texts/`, sources and licences in `SOURCES.md`), judged "
        "by hand in `judgements.tsv`: **goed** = correct and useful, **matig** = correct but not useful (too weak, "
        "clumsy or wrong tip or rewrite), **fout** = false alarm. Percentages are of the judged findings. Target "
        "(issue 14): in every family ≥ 85% goed and ≤ 5% fout.",
        "",
        "Run: `PYTHONPATH=src .venv/bin/python benchmarks/precision.py` (add `--stub /tmp/stub.tsv` to get the "
        "unjudged findings as rows to judge; `--check` fails while any finding is unjudged).",
        "",
        *family_lines,
        "",
        "Judgements kept for findings the check does not make now (a rule stopped firing there, its span or rewrite "
        f"changed, or they were judged ahead on a branch not merged yet): {stale}.",
        "",
        "### Per rule",
        "",
        *rule_table(rows, sections),
        "",
        "### False alarms (fout), for the rule owners",
        "",
    ]
    if false_alarms:
        lines += ["| text | rule | excerpt | why it is wrong |", "|---|---|---|---|"]
        lines += [
            f"| {row.text} | {row.rule} | {cell(row.excerpt) or '(whole text)'} | {cell(row.reason, 160)} |"
            for row in false_alarms
        ]
    else:
        lines.append("None.")
    weak = [row for row in rows if row.judgement == "matig"]
    if weak:
        lines += ["", "### Correct but not useful (matig)", "", "| text | rule | excerpt | why |", "|---|---|---|---|"]
        lines += [
            f"| {row.text} | {row.rule} | {cell(row.excerpt) or '(whole text)'} | {cell(row.reason, 160)} |"
            for row in weak
        ]
    if unjudged:
        lines += ["", f"### Unjudged ({len(unjudged)})", "", "| text | rule | excerpt |", "|---|---|---|"]
        lines += [f"| {row.text} | {row.rule} | {cell(row.excerpt) or '(whole text)'} |" for row in unjudged]
    return "\n".join(lines) + "\n", figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stub", type=Path, help="write the findings without a judgement to this TSV file")
    parser.add_argument("--merge", type=Path, help="add the judged rows of a filled-in stub to judgements.tsv")
    parser.add_argument("--prune", action="store_true", help="drop judgements that match no finding now")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    parser.add_argument("--check", action="store_true", help="exit 1 when any finding has no judgement")
    parser.add_argument("--summary", action="store_true", help="print the tables only, not every finding")
    args = parser.parse_args()

    judged = read_judgements()
    current = findings()
    if args.merge:
        taken, skipped = merge(args.merge, judged, current)
        print(f"{taken} judgements taken from {args.merge}; {skipped} skipped (no such finding now)")
        judged = read_judgements()
    rows = join(current, judged)
    if args.prune:
        now = {row.key for row in current}
        kept = [row for key, row in judged.items() if key in now]
        write_stub(JUDGEMENTS, sorted(kept, key=lambda row: (row.text, row.start, row.rule, row.n, row.rewrite)))
        print(f"{len(judged) - len(kept)} judgements that match no finding now were dropped")
        judged = read_judgements()
    stale = len(set(judged) - {row.key for row in rows})
    sections = catalog_sections()
    if not args.summary:
        print("text\trule\tjudgement\texcerpt\tmessage\trewrite")
        for row in rows:
            print(
                f"{row.text}\t{row.rule}\t{row.judgement or '?'}\t{cell(row.excerpt, 70)}\t{cell(row.message, 120)}"
                f"\t{cell(row.rewrite, 120)}"
            )
    markdown, _ = report(rows, stale, sections)
    print(markdown)
    unjudged = [row for row in rows if not row.judgement]
    if args.stub:
        write_stub(args.stub, unjudged)
        print(f"{len(unjudged)} unjudged findings written to {args.stub}")
    if not args.no_write:
        write_section("precision", markdown)
    if args.check and unjudged:
        print(f"FAIL: {len(unjudged)} findings have no judgement", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
