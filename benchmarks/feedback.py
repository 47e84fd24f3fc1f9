"""Feedback analysis benchmark: classification quality, scrubbing recall and false positives, and speed.

    .venv/bin/python benchmarks/feedback.py            # full run, 100,000 comments (several minutes)
    .venv/bin/python benchmarks/feedback.py --n 10000  # smaller speed run

Writes the `feedback` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _report import write_section  # noqa: E402
from feedback_synthetic import Labelled, clean_comment, name_comment, pii_comment  # noqa: E402

from denkraam.analysis.feedback import NEEDS, SENTIMENTS, classify_comment, scrub_text, warm_up  # noqa: E402
from denkraam.analysis.feedback.classify import _lexicons, extract_features, load_model  # noqa: E402
from denkraam.analysis.feedback.pipeline import iter_analysed  # noqa: E402
from denkraam.analysis.feedback.scrub import get_deduce  # noqa: E402

TEST_SET = ROOT / "benchmarks" / "data" / "feedback" / "labelled_comments.tsv"
PII_KINDS = ("BSN", "IBAN", "TELEFOON", "EMAIL", "POSTCODE", "DATUM", "ADRES")
SEED = 31  # not a seed used while developing (7, 999 and 12345 were); see docs/feedback.md


# --- classification -----------------------------------------------------------------------------------------------


def _per_class(gold: list[str], predicted: list[str], classes: tuple[str, ...]) -> list[str]:
    lines = ["| class | n | precision | recall |", "|---|---:|---:|---:|"]
    for label in classes:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        n_pred = predicted.count(label)
        n_gold = gold.count(label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        lines.append(f"| {label} | {n_gold} | {precision:.2f} | {recall:.2f} |")
    return lines


def _lexicon_baseline(text: str) -> tuple[str, str]:
    """Counting lexicon words only (no model): the need with most signal words, sentiment by pos - neg."""
    features, _ = extract_features(text)
    needs = {need: features.get(f"lex:need:{need}", 0) for need in NEEDS if need != "overig"}
    need = max(needs, key=needs.get) if any(needs.values()) else "overig"
    balance = features.get("lex:pos", 0) - features.get("lex:neg", 0)
    sentiment = "positief" if balance > 0 else "negatief" if balance < 0 else "neutraal"
    return need, sentiment


def classification_section() -> str:
    with TEST_SET.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    gold_need = [r["need"] for r in rows]
    gold_sent = [r["sentiment"] for r in rows]
    classify_comment("Warm op: model en lemma's laden.")  # loading is not what we time here
    started = time.perf_counter()
    results = [classify_comment(r["text"]) for r in rows]
    per_comment_ms = (time.perf_counter() - started) / len(rows) * 1000
    pred_need = [c.need for c in results]
    pred_sent = [c.sentiment for c in results]
    base = [_lexicon_baseline(r["text"]) for r in rows]
    majority_need = Counter(gold_need).most_common(1)[0]
    majority_sent = Counter(gold_sent).most_common(1)[0]

    def acc(gold: list[str], predicted: list[str]) -> str:
        return f"{sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold):.1%}"

    model = load_model()
    lines = [
        "### Classification (need and sentiment)",
        "",
        f"Test set: `benchmarks/data/feedback/labelled_comments.tsv`, **{len(rows)} comments hand-written** for this "
        "project (not generated from the training templates, different phrasing; the training script refuses any "
        "overlap). Labels by the same author, one label per comment - so this measures consistency with one "
        "reader's judgement, not agreement between annotators.",
        f"Model `{model.version}`: TF-IDF (lemmas, word pairs, lexicon counts) + multinomial logistic regression, "
        "stored as JSON, trained on templated + hand-written comments (`python -m training.feedback`).",
        "",
        "| method | need accuracy | sentiment accuracy |",
        "|---|---:|---:|",
        f"| always the most common class ({majority_need[0]} / {majority_sent[0]}) | "
        f"{majority_need[1] / len(rows):.1%} | {majority_sent[1] / len(rows):.1%} |",
        f"| lexicon word counts only | {acc(gold_need, [b[0] for b in base])} | "
        f"{acc(gold_sent, [b[1] for b in base])} |",
        f"| **denkraam model (lexicons + logistic regression)** | **{acc(gold_need, pred_need)}** | "
        f"**{acc(gold_sent, pred_sent)}** |",
        "",
        "Need, per class:",
        "",
        *_per_class(gold_need, pred_need, NEEDS),
        "",
        "Sentiment, per class:",
        "",
        *_per_class(gold_sent, pred_sent, SENTIMENTS),
        "",
        f"Classification alone: {per_comment_ms:.2f} ms a comment.",
    ]
    return "\n".join(lines)


# --- scrubbing ----------------------------------------------------------------------------------------------------


def _covered(item: Labelled, scrub: Callable[[str], object]) -> list[tuple[str, bool, bool]]:
    """For every known span: (kind, hidden by some placeholder, hidden by a placeholder of the right kind)."""
    replacements = scrub(item.text).replacements  # type: ignore[attr-defined]
    out = []
    for kind, start, end in item.spans:
        covering = [r for r in replacements if r.start <= start and r.end >= end]
        out.append((kind, bool(covering), any(r.kind == kind for r in covering)))
    return out


def scrubbing_section(*, per_kind: int) -> str:
    rng = random.Random(SEED)
    pii = [pii_comment(rng, kind) for kind in PII_KINDS for _ in range(per_kind)]
    names = [name_comment(rng) for _ in range(per_kind)]
    clean = [clean_comment(rng) for _ in range(per_kind * 2)]
    with TEST_SET.open(encoding="utf-8", newline="") as handle:
        clean += [r["text"] for r in csv.DictReader(handle, delimiter="\t")]

    lines = [
        "### Scrubbing personal data",
        "",
        f"Synthetic, seeded (`benchmarks/feedback_synthetic.py`, seed {SEED}): {per_kind} comments per type with valid "
        "checksums in the usual ways of writing (grouped, with dots, spaces, +31, lower case), and "
        f"{per_kind} comments with a name (first name, full name, title + surname, signature, sentence start) "
        "from a hand-written list of Dutch, Turkish, Moroccan, Surinamese, Polish, Ghanaian and Indonesian names. "
        "Recall counts a span as found when a placeholder covers all of it; 'right type' also needs the right "
        "placeholder.",
        "",
        "| type | n | recall | right type |",
        "|---|---:|---:|---:|",
    ]
    stats: dict[str, list[tuple[bool, bool]]] = {}
    for item in pii:
        for kind, hidden, typed in _covered(item, scrub_text):
            stats.setdefault(kind, []).append((hidden, typed))
    for kind in PII_KINDS:
        values = stats[kind]
        lines.append(
            f"| {kind} | {len(values)} | {sum(h for h, _ in values) / len(values):.1%} | "
            f"{sum(t for _, t in values) / len(values):.1%} |"
        )
    for label, fast in (("NAAM (fast path)", True), ("NAAM (deduce on every text)", False)):
        values = [
            (hidden, typed)
            for item in names
            for _, hidden, typed in _covered(item, lambda text, fast=fast: scrub_text(text, fast_path=fast))
        ]
        lines.append(
            f"| {label} | {len(values)} | {sum(h for h, _ in values) / len(values):.1%} | "
            f"{sum(t for _, t in values) / len(values):.1%} |"
        )

    touched = Counter()
    any_touched = 0
    for text in clean:
        result = scrub_text(text)
        any_touched += bool(result.replacements)
        touched.update(r.kind for r in result.replacements)
    lines += [
        "",
        f"False positives on {len(clean)} comments without personal data ({per_kind * 2} synthetic ones full of "
        "order numbers, amounts, invalid BSNs, article numbers, 0800 numbers, years, distances, capitalised "
        f"organisations, plus the {len(clean) - per_kind * 2} hand-written test comments): "
        f"**{any_touched / len(clean):.1%}** of comments got a placeholder"
        + (f" ({', '.join(f'{k} {v}' for k, v in touched.most_common())})." if touched else "."),
    ]
    return "\n".join(lines)


# --- speed --------------------------------------------------------------------------------------------------------


def _speed_corpus(n: int) -> list[str]:
    rng = random.Random(SEED + 1)
    with TEST_SET.open(encoding="utf-8", newline="") as handle:
        base = [r["text"] for r in csv.DictReader(handle, delimiter="\t")]
    corpus = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.10:
            corpus.append(pii_comment(rng, rng.choice(PII_KINDS)).text + " " + rng.choice(base))
        elif roll < 0.18:
            corpus.append(name_comment(rng).text + " " + rng.choice(base))
        else:
            # Join two or three hand-written comments so the texts are not all identical short lines.
            corpus.append(" ".join(rng.sample(base, rng.randint(1, 3))))
    return corpus


def _timed(label: str, func: Callable[[], int]) -> tuple[str, float, int]:
    started = time.perf_counter()
    count = func()
    return label, time.perf_counter() - started, count


def speed_section(*, n: int, deduce_sample: int, warm_seconds: float) -> str:
    corpus = _speed_corpus(n)
    words = sum(len(t.split()) for t in corpus)
    load_model()
    _lexicons()

    def run(workers: int, names: bool = True, fast_path: bool = True) -> Callable[[], int]:
        return lambda: sum(1 for _ in iter_analysed(corpus, names=names, fast_path=fast_path, workers=workers))

    deduce = get_deduce()
    sample = corpus[:deduce_sample]

    def deduce_alone() -> int:
        for text in sample:
            deduce.deidentify(text)
        return len(sample)

    load_before = os.getloadavg()[0]

    def scrub_only() -> int:
        for text in corpus:
            scrub_text(text)
        return len(corpus)

    timings = [
        _timed("denkraam: scrub + classify + themes, 1 process", run(1)),
        _timed("denkraam: same, 2 processes", run(2)),
        _timed("denkraam: same without the fast path (deduce on every comment), 2 processes", run(2, fast_path=False)),
        _timed("denkraam: scrub + classify + themes without names (`--no-names`), 1 process", run(1, names=False)),
        _timed("denkraam: scrubbing only (patterns + deduce for names, fast path), 1 process", scrub_only),
        _timed(f"deduce alone (full default config), 1 process, on the first {len(sample):,} comments", deduce_alone),
    ]
    lines = [
        "### Speed",
        "",
        f"{n:,} comments ({words / n:.0f} words on average; 10% with a number/address/date, 8% with a name; "
        f"built from the test comments and the synthetic generator), on {os.cpu_count()} cores "
        f"({platform.machine()}), Python {platform.python_version()}. "
        f"Loading deduce (warm cache): {warm_seconds:.1f} s, "
        f"not included below. Load average (1 min) {load_before:.1f} before and {os.getloadavg()[0]:.1f} after the "
        "runs: other jobs shared the machine when it is above ~0.5, and then every figure is slower.",
        "",
        f"| run | comments | seconds | comments/s | time for {n:,} |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, seconds, count in timings:
        rate = count / seconds
        extrapolated = n / rate
        note = " (extrapolated)" if count < n else ""
        lines.append(f"| {label} | {count:,} | {seconds:.1f} | {rate:,.0f} | {extrapolated / 60:.1f} min{note} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="comments in the speed run")
    parser.add_argument("--per-kind", type=int, default=300, help="synthetic comments per personal-data type")
    parser.add_argument("--deduce-sample", type=int, default=20_000, help="comments for the deduce-alone run")
    args = parser.parse_args()

    started = time.perf_counter()
    warm_up()
    warm_seconds = time.perf_counter() - started
    sections = [classification_section()]
    print(sections[-1], flush=True)
    sections.append(scrubbing_section(per_kind=args.per_kind))
    print(sections[-1], flush=True)
    sections.append(speed_section(n=args.n, deduce_sample=min(args.deduce_sample, args.n), warm_seconds=warm_seconds))
    print(sections[-1], flush=True)
    command = "`.venv/bin/python benchmarks/feedback.py" + (f" --n {args.n}`" if args.n != 100_000 else "`")
    write_section(
        "feedback", "## Customer feedback analysis\n\nProduced by " + command + ".\n\n" + "\n\n".join(sections)
    )


if __name__ == "__main__":
    main()
